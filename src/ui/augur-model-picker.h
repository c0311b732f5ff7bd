/* augur-model-picker.h: find a model (search, recent, or a pasted model URL) and choose a
 * version ("Latest" or any listed one). Loads the model, its versions and what the chosen
 * version accepts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "augur-context.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_MODEL_PICKER (augur_model_picker_get_type ())
G_DECLARE_FINAL_TYPE (AugurModelPicker, augur_model_picker, AUGUR, MODEL_PICKER, GtkWidget)

GtkWidget      *augur_model_picker_new            (void);
void            augur_model_picker_set_context    (AugurModelPicker    *self,
                                                   AugurContext        *context);
/* Selects @ref; its version_id, when set, is chosen once the versions are listed. */
void            augur_model_picker_select         (AugurModelPicker    *self,
                                                   const AugurModelRef *ref);
/* Selects a version by id, or the latest with %NULL. */
void            augur_model_picker_select_version (AugurModelPicker    *self,
                                                   const char          *version_id);
/* (nullable) (transfer none) */
AugurModel     *augur_model_picker_get_model      (AugurModelPicker    *self);
/* (nullable) (transfer full): the model and the chosen version (NULL version = latest) */
AugurModelRef  *augur_model_picker_dup_ref        (AugurModelPicker    *self);
/* (nullable) (transfer none): what the chosen version accepts */
AugurModelSpec *augur_model_picker_get_spec       (AugurModelPicker    *self);
/* (element-type AugurConcept) (transfer none): the model's concepts, maybe empty */
GPtrArray      *augur_model_picker_get_concepts   (AugurModelPicker    *self);
gboolean        augur_model_picker_is_loading     (AugurModelPicker    *self);
GListModel     *augur_model_picker_get_versions   (AugurModelPicker    *self);

/* A version as version lists show it: "0a1b2c3d · 3 Mar 2024", its short id and creation
 * date (the id alone without a date). (transfer full) */
char           *augur_model_picker_describe_version (AugurModelVersion *version);

/* Signals:
 * "model-changed": the model, version or spec changed (after loading)
 * "error" (GError *error): loading failed */

G_END_DECLS
