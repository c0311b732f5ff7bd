/* augur-window.h: the main window: pick a model, give inputs, adjust controls, predict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "augur-context.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_WINDOW (augur_window_get_type ())
G_DECLARE_FINAL_TYPE (AugurWindow, augur_window, AUGUR, WINDOW, AdwApplicationWindow)

/* @application: (nullable): tests create windows without one */
AugurWindow *augur_window_new          (gpointer             application,
                                        AugurContext        *context);
void         augur_window_select_model (AugurWindow         *self,
                                        const AugurModelRef *ref);
/* (element-type AugurInput) */
void         augur_window_add_inputs   (AugurWindow         *self,
                                        GPtrArray           *inputs);
/* (element-type GFile): files and folders; folders are scanned in a worker thread */
void         augur_window_add_files    (AugurWindow         *self,
                                        GPtrArray           *files);
void         augur_window_predict      (AugurWindow         *self);
gboolean     augur_window_is_busy      (AugurWindow         *self);
/* The main page, or the welcome page when there is no token. */
const char  *augur_window_get_page     (AugurWindow         *self);

G_END_DECLS
