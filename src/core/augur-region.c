/* augur-region.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-region"

#include "augur-concept.h"
#include "augur-region.h"

struct _AugurRegion
{
  GObject parent_instance;

  char      *id;
  double     top_row;
  double     left_col;
  double     bottom_row;
  double     right_col;
  double     value;
  gboolean   has_box;
  GPtrArray *concepts;   /* (element-type AugurConcept) (owned) */
};

G_DEFINE_FINAL_TYPE (AugurRegion, augur_region, G_TYPE_OBJECT)

static void
augur_region_finalize (GObject *object)
{
  AugurRegion *self = AUGUR_REGION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->concepts, g_ptr_array_unref);

  G_OBJECT_CLASS (augur_region_parent_class)->finalize (object);
}

static void
augur_region_class_init (AugurRegionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = augur_region_finalize;
}

static void
augur_region_init (AugurRegion *self)
{
  self->concepts = g_ptr_array_new_with_free_func (g_object_unref);
}

AugurRegion *
augur_region_new (const char *id,
                  double      top_row,
                  double      left_col,
                  double      bottom_row,
                  double      right_col,
                  double      value)
{
  AugurRegion *self = g_object_new (AUGUR_TYPE_REGION, NULL);

  self->id = g_strdup (id ? id : "");
  self->top_row = top_row;
  self->left_col = left_col;
  self->bottom_row = bottom_row;
  self->right_col = right_col;
  self->value = value;
  self->has_box = TRUE;

  return self;
}

const char *
augur_region_get_id (AugurRegion *self)
{
  g_return_val_if_fail (AUGUR_IS_REGION (self), NULL);
  return self->id;
}

double
augur_region_get_top_row (AugurRegion *self)
{
  g_return_val_if_fail (AUGUR_IS_REGION (self), 0);
  return self->top_row;
}

double
augur_region_get_left_col (AugurRegion *self)
{
  g_return_val_if_fail (AUGUR_IS_REGION (self), 0);
  return self->left_col;
}

double
augur_region_get_bottom_row (AugurRegion *self)
{
  g_return_val_if_fail (AUGUR_IS_REGION (self), 0);
  return self->bottom_row;
}

double
augur_region_get_right_col (AugurRegion *self)
{
  g_return_val_if_fail (AUGUR_IS_REGION (self), 0);
  return self->right_col;
}

double
augur_region_get_value (AugurRegion *self)
{
  g_return_val_if_fail (AUGUR_IS_REGION (self), 0);
  return self->value;
}

gboolean
augur_region_has_box (AugurRegion *self)
{
  g_return_val_if_fail (AUGUR_IS_REGION (self), FALSE);
  return self->has_box;
}

void
augur_region_set_has_box (AugurRegion *self,
                          gboolean     has_box)
{
  g_return_if_fail (AUGUR_IS_REGION (self));
  self->has_box = !!has_box;
}

GPtrArray *
augur_region_get_concepts (AugurRegion *self)
{
  g_return_val_if_fail (AUGUR_IS_REGION (self), NULL);
  return self->concepts;
}

void
augur_region_add_concept (AugurRegion  *self,
                          AugurConcept *concept)
{
  g_return_if_fail (AUGUR_IS_REGION (self));
  g_return_if_fail (AUGUR_IS_CONCEPT (concept));
  g_ptr_array_add (self->concepts, g_object_ref (concept));
}

const char *
augur_region_get_label (AugurRegion *self)
{
  g_return_val_if_fail (AUGUR_IS_REGION (self), NULL);
  if (self->concepts->len == 0)
    return NULL;
  return augur_concept_get_name (g_ptr_array_index (self->concepts, 0));
}
