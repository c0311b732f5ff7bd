/* augur-model.c: AugurModel and AugurModelVersion, plain holders filled by the parser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-model"

#include "augur-model.h"
#include "augur-model-ref.h"
#include "augur-model-spec.h"
#include "augur-status.h"

struct _AugurModelVersion
{
  GObject parent_instance;

  char           *id;
  char           *created_at;
  AugurStatus    *status;       /* (owned) (nullable) */
  char           *description;
  guint           active_concept_count;
  AugurModelSpec *spec;         /* (owned) (nullable) */
  GPtrArray      *concepts;     /* (owned) AugurConcept */
};

G_DEFINE_FINAL_TYPE (AugurModelVersion, augur_model_version, G_TYPE_OBJECT)

static void
augur_model_version_finalize (GObject *object)
{
  AugurModelVersion *self = AUGUR_MODEL_VERSION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->status, augur_status_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->spec, augur_model_spec_unref);
  g_clear_pointer (&self->concepts, g_ptr_array_unref);

  G_OBJECT_CLASS (augur_model_version_parent_class)->finalize (object);
}

static void
augur_model_version_class_init (AugurModelVersionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = augur_model_version_finalize;
}

static void
augur_model_version_init (AugurModelVersion *self)
{
  self->concepts = g_ptr_array_new_with_free_func (g_object_unref);
}

AugurModelVersion *
augur_model_version_new (const char *id)
{
  AugurModelVersion *self = g_object_new (AUGUR_TYPE_MODEL_VERSION, NULL);
  self->id = g_strdup (id ? id : "");
  return self;
}

const char *
augur_model_version_get_id (AugurModelVersion *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL_VERSION (self), NULL);
  return self->id;
}

const char *
augur_model_version_get_created_at (AugurModelVersion *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL_VERSION (self), NULL);
  return self->created_at;
}

const AugurStatus *
augur_model_version_get_status (AugurModelVersion *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL_VERSION (self), NULL);
  return self->status;
}

const char *
augur_model_version_get_description (AugurModelVersion *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL_VERSION (self), NULL);
  return self->description;
}

guint
augur_model_version_get_active_concept_count (AugurModelVersion *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL_VERSION (self), 0);
  return self->active_concept_count;
}

AugurModelSpec *
augur_model_version_get_spec (AugurModelVersion *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL_VERSION (self), NULL);
  return self->spec;
}

GPtrArray *
augur_model_version_get_concepts (AugurModelVersion *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL_VERSION (self), NULL);
  return self->concepts;
}

void
augur_model_version_set_created_at (AugurModelVersion *self,
                                    const char        *created_at)
{
  g_return_if_fail (AUGUR_IS_MODEL_VERSION (self));
  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
}

void
augur_model_version_set_status (AugurModelVersion *self,
                                const AugurStatus *status)
{
  g_return_if_fail (AUGUR_IS_MODEL_VERSION (self));
  g_clear_pointer (&self->status, augur_status_free);
  if (status != NULL)
    self->status = augur_status_copy (status);
}

void
augur_model_version_set_description (AugurModelVersion *self,
                                     const char        *description)
{
  g_return_if_fail (AUGUR_IS_MODEL_VERSION (self));
  g_free (self->description);
  self->description = g_strdup (description);
}

void
augur_model_version_set_active_concept_count (AugurModelVersion *self,
                                              guint              count)
{
  g_return_if_fail (AUGUR_IS_MODEL_VERSION (self));
  self->active_concept_count = count;
}

void
augur_model_version_set_spec (AugurModelVersion *self,
                              AugurModelSpec    *spec)
{
  g_return_if_fail (AUGUR_IS_MODEL_VERSION (self));
  g_clear_pointer (&self->spec, augur_model_spec_unref);
  if (spec != NULL)
    self->spec = augur_model_spec_ref (spec);
}

struct _AugurModel
{
  GObject parent_instance;

  char              *user_id;
  char              *app_id;
  char              *id;
  char              *name;
  char              *model_type_id;
  char              *description;
  char              *created_at;
  char              *modified_at;
  guint              star_count;
  AugurModelVersion *version;   /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (AugurModel, augur_model, G_TYPE_OBJECT)

static void
augur_model_dispose (GObject *object)
{
  AugurModel *self = AUGUR_MODEL (object);

  g_clear_object (&self->version);

  G_OBJECT_CLASS (augur_model_parent_class)->dispose (object);
}

static void
augur_model_finalize (GObject *object)
{
  AugurModel *self = AUGUR_MODEL (object);

  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->app_id, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->model_type_id, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->modified_at, g_free);

  G_OBJECT_CLASS (augur_model_parent_class)->finalize (object);
}

static void
augur_model_class_init (AugurModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = augur_model_dispose;
  object_class->finalize = augur_model_finalize;
}

static void
augur_model_init (AugurModel *self)
{
}

AugurModel *
augur_model_new (const char *user_id,
                 const char *app_id,
                 const char *id)
{
  AugurModel *self = g_object_new (AUGUR_TYPE_MODEL, NULL);

  self->user_id = g_strdup (user_id ? user_id : "");
  self->app_id = g_strdup (app_id ? app_id : "");
  self->id = g_strdup (id ? id : "");

  return self;
}

const char *
augur_model_get_id (AugurModel *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL (self), NULL);
  return self->id;
}

const char *
augur_model_get_user_id (AugurModel *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL (self), NULL);
  return self->user_id;
}

const char *
augur_model_get_app_id (AugurModel *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL (self), NULL);
  return self->app_id;
}

const char *
augur_model_get_name (AugurModel *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL (self), NULL);
  return (self->name != NULL && *self->name != '\0') ? self->name : self->id;
}

const char *
augur_model_get_model_type_id (AugurModel *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL (self), NULL);
  return self->model_type_id;
}

const char *
augur_model_get_description (AugurModel *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL (self), NULL);
  return self->description;
}

const char *
augur_model_get_created_at (AugurModel *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL (self), NULL);
  return self->created_at;
}

const char *
augur_model_get_modified_at (AugurModel *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL (self), NULL);
  return self->modified_at;
}

guint
augur_model_get_star_count (AugurModel *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL (self), 0);
  return self->star_count;
}

AugurModelVersion *
augur_model_get_version (AugurModel *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL (self), NULL);
  return self->version;
}

AugurModelRef *
augur_model_get_ref (AugurModel *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL (self), NULL);
  return augur_model_ref_new (self->user_id, self->app_id, self->id, NULL);
}

#define DEFINE_STRING_SETTER(field)                                   \
void                                                                  \
augur_model_set_##field (AugurModel *self, const char *field)         \
{                                                                     \
  g_return_if_fail (AUGUR_IS_MODEL (self));                           \
  g_free (self->field);                                               \
  self->field = g_strdup (field);                                     \
}

DEFINE_STRING_SETTER (name)
DEFINE_STRING_SETTER (model_type_id)
DEFINE_STRING_SETTER (description)
DEFINE_STRING_SETTER (created_at)
DEFINE_STRING_SETTER (modified_at)

void
augur_model_set_star_count (AugurModel *self,
                            guint       star_count)
{
  g_return_if_fail (AUGUR_IS_MODEL (self));
  self->star_count = star_count;
}

void
augur_model_set_version (AugurModel        *self,
                         AugurModelVersion *version)
{
  g_return_if_fail (AUGUR_IS_MODEL (self));
  g_set_object (&self->version, version);
}
