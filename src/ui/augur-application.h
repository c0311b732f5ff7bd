/* augur-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "augur-context.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_APPLICATION (augur_application_get_type ())
G_DECLARE_FINAL_TYPE (AugurApplication, augur_application, AUGUR, APPLICATION, AdwApplication)

AugurApplication *augur_application_new         (void);
AugurContext     *augur_application_get_context (AugurApplication *self);

G_END_DECLS
