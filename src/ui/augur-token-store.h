/* augur-token-store.h: the personal access token in the desktop keyring (libsecret), with a
 * session-only fallback when no Secret Service runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AUGUR_TYPE_TOKEN_STORE (augur_token_store_get_type ())
G_DECLARE_FINAL_TYPE (AugurTokenStore, augur_token_store, AUGUR, TOKEN_STORE, GObject)

AugurTokenStore *augur_token_store_new              (void);
/* FALSE once the keyring failed: tokens are then kept in memory for this session only. */
gboolean         augur_token_store_is_persistent    (AugurTokenStore     *self);

void             augur_token_store_lookup_async     (AugurTokenStore     *self,
                                                     const char          *base_url,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* (nullable): NULL without error when no token is stored for that server */
char            *augur_token_store_lookup_finish    (AugurTokenStore     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void             augur_token_store_save_async       (AugurTokenStore     *self,
                                                     const char          *base_url,
                                                     const char          *token,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Returns FALSE (with error) only for real failures; a missing keyring falls back to memory
 * and returns TRUE with is_persistent() FALSE. */
gboolean         augur_token_store_save_finish      (AugurTokenStore     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void             augur_token_store_clear_async      (AugurTokenStore     *self,
                                                     const char          *base_url,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean         augur_token_store_clear_finish     (AugurTokenStore     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
