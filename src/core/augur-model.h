/* augur-model.h: a model and its versions, as listed, searched or fetched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-core-types.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_MODEL_VERSION (augur_model_version_get_type ())
G_DECLARE_FINAL_TYPE (AugurModelVersion, augur_model_version, AUGUR, MODEL_VERSION, GObject)

AugurModelVersion *augur_model_version_new (const char *id);
const char        *augur_model_version_get_id             (AugurModelVersion *self);
/* RFC 3339 text as sent, nullable */
const char        *augur_model_version_get_created_at     (AugurModelVersion *self);
/* (nullable) */
const AugurStatus *augur_model_version_get_status         (AugurModelVersion *self);
const char        *augur_model_version_get_description    (AugurModelVersion *self);
guint              augur_model_version_get_active_concept_count (AugurModelVersion *self);
/* (nullable): what this version accepts */
AugurModelSpec    *augur_model_version_get_spec           (AugurModelVersion *self);
/* (element-type AugurConcept) (transfer none): output_info.data.concepts, may be empty */
GPtrArray         *augur_model_version_get_concepts       (AugurModelVersion *self);

/* Setters used by the response parser. */
void augur_model_version_set_created_at   (AugurModelVersion *self, const char *created_at);
void augur_model_version_set_status       (AugurModelVersion *self, const AugurStatus *status);
void augur_model_version_set_description  (AugurModelVersion *self, const char *description);
void augur_model_version_set_active_concept_count (AugurModelVersion *self, guint count);
void augur_model_version_set_spec         (AugurModelVersion *self, AugurModelSpec *spec);

#define AUGUR_TYPE_MODEL (augur_model_get_type ())
G_DECLARE_FINAL_TYPE (AugurModel, augur_model, AUGUR, MODEL, GObject)

AugurModel        *augur_model_new (const char *user_id,
                                    const char *app_id,
                                    const char *id);
const char        *augur_model_get_id            (AugurModel *self);
const char        *augur_model_get_user_id       (AugurModel *self);
const char        *augur_model_get_app_id        (AugurModel *self);
/* Display name: name, else display_name, else id. */
const char        *augur_model_get_name          (AugurModel *self);
const char        *augur_model_get_model_type_id (AugurModel *self);
const char        *augur_model_get_description   (AugurModel *self);
const char        *augur_model_get_created_at    (AugurModel *self);
const char        *augur_model_get_modified_at   (AugurModel *self);
guint              augur_model_get_star_count    (AugurModel *self);
/* (nullable): the version that came with the model (latest, or the one asked for) */
AugurModelVersion *augur_model_get_version       (AugurModel *self);
/* (transfer full) */
AugurModelRef     *augur_model_get_ref           (AugurModel *self);

void augur_model_set_name          (AugurModel *self, const char *name);
void augur_model_set_model_type_id (AugurModel *self, const char *model_type_id);
void augur_model_set_description   (AugurModel *self, const char *description);
void augur_model_set_created_at    (AugurModel *self, const char *created_at);
void augur_model_set_modified_at   (AugurModel *self, const char *modified_at);
void augur_model_set_star_count    (AugurModel *self, guint star_count);
void augur_model_set_version       (AugurModel *self, AugurModelVersion *version);

G_END_DECLS
