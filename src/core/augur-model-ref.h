/* augur-model-ref.h: which model (and version) the user means.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-core-types.h"

G_BEGIN_DECLS

/**
 * AugurModelRef:
 * @user_id: owner of the app
 * @app_id: app that holds the model
 * @model_id: the model
 * @version_id: (nullable): a version, or %NULL for the latest
 */
struct _AugurModelRef
{
  char *user_id;
  char *app_id;
  char *model_id;
  char *version_id;
};

#define AUGUR_TYPE_MODEL_REF (augur_model_ref_get_type ())

GType          augur_model_ref_get_type  (void) G_GNUC_CONST;
AugurModelRef *augur_model_ref_new       (const char          *user_id,
                                          const char          *app_id,
                                          const char          *model_id,
                                          const char          *version_id);
AugurModelRef *augur_model_ref_parse     (const char          *text,
                                          GError             **error);
AugurModelRef *augur_model_ref_copy      (const AugurModelRef *ref);
void           augur_model_ref_free      (AugurModelRef       *ref);
AugurModelRef *augur_model_ref_with_version (const AugurModelRef *ref,
                                             const char          *version_id);
gboolean       augur_model_ref_equal     (const AugurModelRef *a,
                                          const AugurModelRef *b);
/* Whether @a and @b name the same model, whatever their versions; FALSE when either is NULL. */
gboolean       augur_model_ref_same_model (const AugurModelRef *a,
                                           const AugurModelRef *b);
char          *augur_model_ref_to_string (const AugurModelRef *ref);
/* "user/app/model", without the version */
char          *augur_model_ref_to_model_string (const AugurModelRef *ref);
char          *augur_model_ref_to_url    (const AugurModelRef *ref);
char          *augur_model_ref_build_path (const AugurModelRef *ref,
                                           gboolean             with_version,
                                           const char          *suffix);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurModelRef, augur_model_ref_free)

G_END_DECLS
