/* augur-prediction.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-prediction"

#include "augur-concept.h"
#include "augur-input.h"
#include "augur-prediction.h"
#include "augur-region.h"
#include "augur-status.h"

struct _AugurPrediction
{
  GObject parent_instance;

  guint        index;
  AugurInput  *input;          /* (owned) (nullable) */
  AugurStatus *status;         /* (owned) (nullable) */
  GError      *error;          /* (owned) (nullable) */
  GPtrArray   *concepts;       /* (owned) AugurConcept */
  GPtrArray   *regions;        /* (owned) AugurRegion */
  GPtrArray   *embeddings;     /* (owned) GArray of float */
  char        *text;
  GBytes      *image;
  char        *model_id;
  char        *version_id;
  char        *model_type_id;
  guint        prompt_tokens;
  guint        completion_tokens;
  double       duration_ms;
  gboolean     cached;
};

G_DEFINE_FINAL_TYPE (AugurPrediction, augur_prediction, G_TYPE_OBJECT)

static void
augur_prediction_dispose (GObject *object)
{
  AugurPrediction *self = AUGUR_PREDICTION (object);

  g_clear_object (&self->input);

  G_OBJECT_CLASS (augur_prediction_parent_class)->dispose (object);
}

static void
augur_prediction_finalize (GObject *object)
{
  AugurPrediction *self = AUGUR_PREDICTION (object);

  g_clear_pointer (&self->status, augur_status_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->concepts, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->embeddings, g_ptr_array_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->image, g_bytes_unref);
  g_clear_pointer (&self->model_id, g_free);
  g_clear_pointer (&self->version_id, g_free);
  g_clear_pointer (&self->model_type_id, g_free);

  G_OBJECT_CLASS (augur_prediction_parent_class)->finalize (object);
}

static void
augur_prediction_class_init (AugurPredictionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = augur_prediction_dispose;
  object_class->finalize = augur_prediction_finalize;
}

static void
augur_prediction_init (AugurPrediction *self)
{
  self->concepts = g_ptr_array_new_with_free_func (g_object_unref);
  self->regions = g_ptr_array_new_with_free_func (g_object_unref);
  self->embeddings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

AugurPrediction *
augur_prediction_new (void)
{
  return g_object_new (AUGUR_TYPE_PREDICTION, NULL);
}

guint
augur_prediction_get_index (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), 0);
  return self->index;
}

void
augur_prediction_set_index (AugurPrediction *self,
                            guint            index)
{
  g_return_if_fail (AUGUR_IS_PREDICTION (self));
  self->index = index;
}

AugurInput *
augur_prediction_get_input (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), NULL);
  return self->input;
}

void
augur_prediction_set_input (AugurPrediction *self,
                            AugurInput      *input)
{
  g_return_if_fail (AUGUR_IS_PREDICTION (self));
  g_set_object (&self->input, input);
}

const AugurStatus *
augur_prediction_get_status (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), NULL);
  return self->status;
}

void
augur_prediction_set_status (AugurPrediction   *self,
                             const AugurStatus *status)
{
  g_return_if_fail (AUGUR_IS_PREDICTION (self));
  g_clear_pointer (&self->status, augur_status_free);
  if (status != NULL)
    self->status = augur_status_copy (status);
}

const GError *
augur_prediction_get_error (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), NULL);
  return self->error;
}

void
augur_prediction_set_error (AugurPrediction *self,
                            const GError    *error)
{
  g_return_if_fail (AUGUR_IS_PREDICTION (self));
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
}

gboolean
augur_prediction_is_success (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), FALSE);
  return self->error == NULL;
}

GPtrArray *
augur_prediction_get_concepts (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), NULL);
  return self->concepts;
}

GPtrArray *
augur_prediction_get_regions (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), NULL);
  return self->regions;
}

const char *
augur_prediction_get_text (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), NULL);
  return self->text;
}

void
augur_prediction_set_text (AugurPrediction *self,
                           const char      *text)
{
  g_return_if_fail (AUGUR_IS_PREDICTION (self));
  g_free (self->text);
  self->text = g_strdup (text);
}

GPtrArray *
augur_prediction_get_embeddings (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), NULL);
  return self->embeddings;
}

void
augur_prediction_add_embedding (AugurPrediction *self,
                                GArray          *vector)
{
  g_return_if_fail (AUGUR_IS_PREDICTION (self));
  g_return_if_fail (vector != NULL);
  g_ptr_array_add (self->embeddings, vector);
}

GBytes *
augur_prediction_get_image (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), NULL);
  return self->image;
}

void
augur_prediction_set_image (AugurPrediction *self,
                            GBytes          *image)
{
  g_return_if_fail (AUGUR_IS_PREDICTION (self));
  g_clear_pointer (&self->image, g_bytes_unref);
  if (image != NULL)
    self->image = g_bytes_ref (image);
}

const char *
augur_prediction_get_model_id (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), NULL);
  return self->model_id;
}

const char *
augur_prediction_get_version_id (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), NULL);
  return self->version_id;
}

const char *
augur_prediction_get_model_type_id (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), NULL);
  return self->model_type_id;
}

void
augur_prediction_set_model (AugurPrediction *self,
                            const char      *model_id,
                            const char      *version_id,
                            const char      *model_type_id)
{
  g_return_if_fail (AUGUR_IS_PREDICTION (self));
  g_free (self->model_id);
  g_free (self->version_id);
  g_free (self->model_type_id);
  self->model_id = g_strdup (model_id);
  self->version_id = g_strdup (version_id);
  self->model_type_id = g_strdup (model_type_id);
}

guint
augur_prediction_get_prompt_tokens (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), 0);
  return self->prompt_tokens;
}

guint
augur_prediction_get_completion_tokens (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), 0);
  return self->completion_tokens;
}

void
augur_prediction_set_tokens (AugurPrediction *self,
                             guint            prompt_tokens,
                             guint            completion_tokens)
{
  g_return_if_fail (AUGUR_IS_PREDICTION (self));
  self->prompt_tokens = prompt_tokens;
  self->completion_tokens = completion_tokens;
}

double
augur_prediction_get_duration_ms (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), 0);
  return self->duration_ms;
}

void
augur_prediction_set_duration_ms (AugurPrediction *self,
                                  double           duration_ms)
{
  g_return_if_fail (AUGUR_IS_PREDICTION (self));
  self->duration_ms = duration_ms;
}

gboolean
augur_prediction_get_cached (AugurPrediction *self)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (self), FALSE);
  return self->cached;
}

void
augur_prediction_set_cached (AugurPrediction *self,
                             gboolean         cached)
{
  g_return_if_fail (AUGUR_IS_PREDICTION (self));
  self->cached = !!cached;
}
