/* augur-concept.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-concept"

#include "augur-concept.h"

struct _AugurConcept
{
  GObject parent_instance;

  char   *id;
  char   *name;
  double  value;
};

G_DEFINE_FINAL_TYPE (AugurConcept, augur_concept, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
augur_concept_finalize (GObject *object)
{
  AugurConcept *self = AUGUR_CONCEPT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (augur_concept_parent_class)->finalize (object);
}

static void
augur_concept_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AugurConcept *self = AUGUR_CONCEPT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, augur_concept_get_name (self));
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_concept_class_init (AugurConceptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = augur_concept_finalize;
  object_class->get_property = augur_concept_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
augur_concept_init (AugurConcept *self)
{
}

AugurConcept *
augur_concept_new (const char *id,
                   const char *name,
                   double      value)
{
  AugurConcept *self = g_object_new (AUGUR_TYPE_CONCEPT, NULL);

  self->id = g_strdup (id ? id : "");
  self->name = g_strdup (name);
  self->value = value;

  return self;
}

const char *
augur_concept_get_id (AugurConcept *self)
{
  g_return_val_if_fail (AUGUR_IS_CONCEPT (self), NULL);
  return self->id;
}

const char *
augur_concept_get_name (AugurConcept *self)
{
  g_return_val_if_fail (AUGUR_IS_CONCEPT (self), NULL);
  return (self->name != NULL && *self->name != '\0') ? self->name : self->id;
}

double
augur_concept_get_value (AugurConcept *self)
{
  g_return_val_if_fail (AUGUR_IS_CONCEPT (self), 0);
  return self->value;
}
