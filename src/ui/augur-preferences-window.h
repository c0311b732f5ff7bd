/* augur-preferences-window.h: the connection settings (token, base URL, root CA, timeout) and
 * a "Test Connection" button that says plainly whether the server answered, and why not.
 * Values set through CLARIFAI_* environment variables are shown as such and cannot be edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "augur-context.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_PREFERENCES_WINDOW (augur_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (AugurPreferencesWindow, augur_preferences_window, AUGUR, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *augur_preferences_window_new (AugurContext *context);

G_END_DECLS
