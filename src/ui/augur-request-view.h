/* augur-request-view.h: the exact JSON Augur will send, updated live, the raw reply of the
 * last call, and "Copy as curl" with the token written as $CLARIFAI_PAT.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AUGUR_TYPE_REQUEST_VIEW (augur_request_view_get_type ())
G_DECLARE_FINAL_TYPE (AugurRequestView, augur_request_view, AUGUR, REQUEST_VIEW, GtkWidget)

GtkWidget *augur_request_view_new          (void);
/* @body: (nullable) the exact JSON, used by the copy buttons; @shown_body: (nullable) what
 * the view shows (long base64 shortened), @body when NULL; @note: (nullable) why the body
 * looks as it does */
void       augur_request_view_set_request  (AugurRequestView *self,
                                            const char       *method,
                                            const char       *url,
                                            const char       *body,
                                            const char       *shown_body,
                                            const char       *note);
void       augur_request_view_set_reply    (AugurRequestView *self,
                                            guint             http_status,
                                            const char       *body);
/* (transfer full) (nullable) */
char      *augur_request_view_dup_curl     (AugurRequestView *self);
/* (transfer full) (nullable) */
char      *augur_request_view_dup_body     (AugurRequestView *self);
/* (transfer full): the raw reply as shown, "" before the first reply */
char      *augur_request_view_dup_reply    (AugurRequestView *self);

G_END_DECLS
