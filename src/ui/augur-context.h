/* augur-context.h: the services every widget uses, handed down instead of globals:
 * settings, the effective connection config (environment > settings > defaults), the token,
 * and the client built from them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core.h"
#include "augur-token-store.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_CONTEXT (augur_context_get_type ())
G_DECLARE_FINAL_TYPE (AugurContext, augur_context, AUGUR, CONTEXT, GObject)

AugurContext    *augur_context_new               (GSettings       *settings,
                                                  AugurTokenStore *token_store);
GSettings       *augur_context_get_settings      (AugurContext    *self);
AugurTokenStore *augur_context_get_token_store   (AugurContext    *self);
AugurConfig     *augur_context_get_config        (AugurContext    *self);
/* (nullable): NULL until there is a token and a valid configuration */
AugurClient     *augur_context_get_client        (AugurContext    *self);
/* (nullable): why there is no client */
const GError    *augur_context_get_client_error  (AugurContext    *self);
gboolean         augur_context_has_token         (AugurContext    *self);

/* Looks the token up (environment first, then the keyring); emits "changed" when done. */
void             augur_context_load_token_async  (AugurContext        *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean         augur_context_load_token_finish (AugurContext        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* Uses @token from now on and saves it to the keyring (in the background). */
void             augur_context_set_token         (AugurContext    *self,
                                                  const char      *token);
/* Re-reads settings and environment, rebuilds the client, emits "changed". */
void             augur_context_reload            (AugurContext    *self);

/* Remembered choices. */
char           **augur_context_get_recent_models (AugurContext    *self);
void             augur_context_add_recent_model  (AugurContext    *self,
                                                  const AugurModelRef *ref);
char            *augur_context_get_model_version (AugurContext    *self,
                                                  const AugurModelRef *ref);
void             augur_context_set_model_version (AugurContext    *self,
                                                  const AugurModelRef *ref,
                                                  const char      *version_id);
char            *augur_context_get_controls      (AugurContext    *self,
                                                  const AugurModelRef *ref);
void             augur_context_set_controls      (AugurContext    *self,
                                                  const AugurModelRef *ref,
                                                  const char      *json);

G_END_DECLS
