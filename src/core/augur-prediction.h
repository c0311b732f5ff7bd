/* augur-prediction.h: the result for one input: concepts, regions, text, embeddings,
 * a generated image, or the error that input met.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_PREDICTION (augur_prediction_get_type ())
G_DECLARE_FINAL_TYPE (AugurPrediction, augur_prediction, AUGUR, PREDICTION, GObject)

AugurPrediction   *augur_prediction_new              (void);

guint              augur_prediction_get_index        (AugurPrediction *self);
void               augur_prediction_set_index        (AugurPrediction *self,
                                                      guint            index);
/* (nullable): the input this result belongs to, once the batch has matched it */
AugurInput        *augur_prediction_get_input        (AugurPrediction *self);
void               augur_prediction_set_input        (AugurPrediction *self,
                                                      AugurInput      *input);
/* (nullable): per-output status the server sent */
const AugurStatus *augur_prediction_get_status       (AugurPrediction *self);
void               augur_prediction_set_status       (AugurPrediction *self,
                                                      const AugurStatus *status);
/* (nullable): why this input has no result; NULL means success */
const GError      *augur_prediction_get_error        (AugurPrediction *self);
void               augur_prediction_set_error        (AugurPrediction *self,
                                                      const GError    *error);
gboolean           augur_prediction_is_success       (AugurPrediction *self);

/* (element-type AugurConcept) (transfer none), ranked as returned */
GPtrArray         *augur_prediction_get_concepts     (AugurPrediction *self);
/* (element-type AugurRegion) (transfer none) */
GPtrArray         *augur_prediction_get_regions      (AugurPrediction *self);
const char        *augur_prediction_get_text         (AugurPrediction *self);
void               augur_prediction_set_text         (AugurPrediction *self,
                                                      const char      *text);
/* (element-type GArray) each a GArray of float */
GPtrArray         *augur_prediction_get_embeddings   (AugurPrediction *self);
/* Takes ownership of @vector, a GArray of float. */
void               augur_prediction_add_embedding    (AugurPrediction *self,
                                                      GArray          *vector);
GBytes            *augur_prediction_get_image        (AugurPrediction *self);
void               augur_prediction_set_image        (AugurPrediction *self,
                                                      GBytes          *image);

const char        *augur_prediction_get_model_id     (AugurPrediction *self);
const char        *augur_prediction_get_version_id   (AugurPrediction *self);
const char        *augur_prediction_get_model_type_id (AugurPrediction *self);
void               augur_prediction_set_model        (AugurPrediction *self,
                                                      const char      *model_id,
                                                      const char      *version_id,
                                                      const char      *model_type_id);
guint              augur_prediction_get_prompt_tokens (AugurPrediction *self);
guint              augur_prediction_get_completion_tokens (AugurPrediction *self);
void               augur_prediction_set_tokens       (AugurPrediction *self,
                                                      guint            prompt_tokens,
                                                      guint            completion_tokens);
/* Wall time of the request that produced this result, in milliseconds. */
double             augur_prediction_get_duration_ms  (AugurPrediction *self);
void               augur_prediction_set_duration_ms  (AugurPrediction *self,
                                                      double           duration_ms);
gboolean           augur_prediction_get_cached       (AugurPrediction *self);
void               augur_prediction_set_cached       (AugurPrediction *self,
                                                      gboolean         cached);

G_END_DECLS
