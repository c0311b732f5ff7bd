/* augur-client.h: the Clarifai v2 REST client. Owns the SoupSession; one *_async/_finish
 * pair per route. Never logs the token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

typedef enum {
  AUGUR_MODEL_SORT_DEFAULT,       /* server default: modified_at */
  AUGUR_MODEL_SORT_NAME,
  AUGUR_MODEL_SORT_CREATED_AT,
  AUGUR_MODEL_SORT_MODIFIED_AT,
  AUGUR_MODEL_SORT_STAR_COUNT,
  AUGUR_MODEL_SORT_RELEVANCE,     /* only with a search */
} AugurModelSort;

/**
 * AugurModelQuery:
 * @user_id: (nullable): owner; %NULL lists community models across the platform
 * @app_id: (nullable): app, only with @user_id
 * @search: (nullable): keyword search
 * @model_type_id: (nullable): e.g. "visual-classifier"
 */
typedef struct
{
  const char     *user_id;
  const char     *app_id;
  const char     *search;
  const char     *model_type_id;
  AugurModelSort  sort;
  gboolean        sort_ascending;
  guint           page;        /* from 1; 0 means 1 */
  guint           per_page;    /* 0 means server default */
} AugurModelQuery;

/* What one PostModelOutputs call gave back. */
typedef struct
{
  AugurStatus *status;          /* top-level status */
  GPtrArray   *predictions;     /* (element-type AugurPrediction) in output order */
  guint        retry_after_s;   /* HTTP Retry-After, 0 when absent */
  double       duration_ms;
} AugurPredictReply;

void augur_predict_reply_free (AugurPredictReply *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurPredictReply, augur_predict_reply_free)

/* Signal "reply" (const char *method, const char *path, guint http_status, GBytes *body):
 * every raw reply, before parsing (for a "last reply" view). */
#define AUGUR_TYPE_CLIENT (augur_client_get_type ())
G_DECLARE_FINAL_TYPE (AugurClient, augur_client, AUGUR, CLIENT, GObject)

AugurClient *augur_client_new                (AugurConfig          *config,
                                              GError              **error);
AugurConfig *augur_client_get_config         (AugurClient          *self);

/* POST an already-built body to the predict route of @ref (with its version, if any). */
void               augur_client_post_outputs_async  (AugurClient         *self,
                                                     const AugurModelRef *ref,
                                                     GBytes              *body,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
AugurPredictReply *augur_client_post_outputs_finish (AugurClient         *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* The reply's Retry-After in seconds (0 when absent), also when the request failed; call
 * it from the callback of augur_client_post_outputs_async(). */
guint              augur_client_post_outputs_get_retry_after (AugurClient  *self,
                                                              GAsyncResult *result);

/* GetModel (with ref->version_id: GetModelVersion folded into the model's version). */
void               augur_client_get_model_async     (AugurClient         *self,
                                                     const AugurModelRef *ref,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
AugurModel        *augur_client_get_model_finish    (AugurClient         *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

void               augur_client_get_version_async   (AugurClient         *self,
                                                     const AugurModelRef *ref,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
AugurModelVersion *augur_client_get_version_finish  (AugurClient         *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* (element-type AugurModelVersion) */
void               augur_client_list_versions_async (AugurClient         *self,
                                                     const AugurModelRef *ref,
                                                     guint                page,
                                                     guint                per_page,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray         *augur_client_list_versions_finish (AugurClient        *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);

/* ListModelConcepts, prefix search on id and name (element-type AugurConcept) */
void               augur_client_list_concepts_async (AugurClient         *self,
                                                     const AugurModelRef *ref,
                                                     const char          *search,
                                                     guint                page,
                                                     guint                per_page,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray         *augur_client_list_concepts_finish (AugurClient        *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);

/* GetModelOutputInfo: the model's concept list (element-type AugurConcept) */
void               augur_client_get_output_info_async (AugurClient         *self,
                                                       const AugurModelRef *ref,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GPtrArray         *augur_client_get_output_info_finish (AugurClient        *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

/* ListModels (element-type AugurModel) */
void               augur_client_list_models_async   (AugurClient           *self,
                                                     const AugurModelQuery *query,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
GPtrArray         *augur_client_list_models_finish  (AugurClient           *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);

G_END_DECLS
