/* augur-mirror-bars.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-mirror-bars"

#include <glib/gi18n.h>

#include "augur-compare-colors.h"
#include "augur-compare-strip.h"
#include "augur-concept-bars.h"
#include "augur-mirror-bars.h"

struct _AugurMirrorBars
{
  GtkWidget        parent_instance;

  /* Children */
  GtkListBox      *list_box;
  GtkLabel        *empty_label;

  /* Owned */
  GPtrArray       *columns;       /* (element-type AugurCompareColumn) (nullable) */
  AugurComparison *comparison;    /* (nullable) */
  GPtrArray       *rows;          /* (element-type GtkListBoxRow) borrowed from list_box */
  GtkSizeGroup    *name_group;
  GtkSizeGroup    *value_group;
  GtkSizeGroup    *note_group;

  guint            max_rows;
  double           min_value;
};

G_DEFINE_FINAL_TYPE (AugurMirrorBars, augur_mirror_bars, GTK_TYPE_WIDGET)

/* Rows ------------------------------------------------------------------------------- */

/* The value at the outer end, with a star when the concept is the column's top-1. */
static GtkWidget *
create_value (AugurMirrorBars       *self,
              const AugurCompareRow *row,
              guint                  k)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = augur_compare_value_label_new (row, k);
  GtkWidget *marker = augur_compare_top1_marker_new (self->columns, row, k);

  gtk_label_set_xalign (GTK_LABEL (label), k == 0 ? 0.0 : 1.0);

  /* Star outermost on both sides: "★ 91%" on the left, "85% ★" on the right. */
  gtk_box_append (GTK_BOX (box), k == 0 ? marker : label);
  gtk_box_append (GTK_BOX (box), k == 0 ? label : marker);
  gtk_size_group_add_widget (self->value_group, box);
  return box;
}

static GtkWidget *
create_note (AugurMirrorBars       *self,
             const AugurCompareRow *row)
{
  GtkWidget *note = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (note), 0.0);
  gtk_size_group_add_widget (self->note_group, note);
  if (row->has_delta[1])
    augur_compare_note_show_delta (GTK_LABEL (note), row->deltas[1]);
  else if (row->only_in >= 0)
    {
      augur_compare_note_show_only_in (GTK_LABEL (note), self->columns, row->only_in);
      gtk_widget_add_css_class (note, augur_compare_column_css_class (row->only_in));
    }
  return note;
}

static GtkWidget *
create_name (AugurMirrorBars       *self,
             const AugurCompareRow *row)
{
  GtkWidget *name = augur_concept_name_label_new (row->concept_name, row->concept_id);

  /* Centred between the bars, and a little narrower to leave them room. */
  gtk_label_set_xalign (GTK_LABEL (name), 0.5);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 20);
  gtk_size_group_add_widget (self->name_group, name);
  return name;
}

static GtkWidget *
create_row (const AugurCompareRow *row,
            gpointer               user_data)
{
  AugurMirrorBars *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bar_a;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), create_value (self, row, 0));
  /* A's bar is inverted so that it grows left, towards its value at the outer end. */
  bar_a = augur_compare_level_bar_new (0, row->present[0] ? row->values[0] : 0);
  gtk_level_bar_set_inverted (GTK_LEVEL_BAR (bar_a), TRUE);
  gtk_box_append (GTK_BOX (box), bar_a);
  gtk_box_append (GTK_BOX (box), create_name (self, row));
  gtk_box_append (GTK_BOX (box),
                  augur_compare_level_bar_new (1, row->present[1] ? row->values[1] : 0));
  gtk_box_append (GTK_BOX (box), create_value (self, row, 1));
  gtk_box_append (GTK_BOX (box), create_note (self, row));

  return augur_concept_row_new (box, augur_compare_describe_row (self->columns,
                                                                 self->comparison, row));
}

static void
show_empty_text (AugurMirrorBars *self)
{
  g_autofree char *text = augur_compare_describe_no_rows (self->comparison, self->min_value);

  gtk_label_set_text (self->empty_label, text);
}

static void
rebuild_rows (AugurMirrorBars *self)
{
  augur_concept_rows_remove (self->list_box, self->rows);
  if (self->comparison != NULL && augur_comparison_get_n_columns (self->comparison) >= 2)
    augur_compare_append_rows (self->list_box, self->rows, self->comparison,
                               self->max_rows, self->min_value, create_row, self);

  gtk_widget_set_visible (GTK_WIDGET (self->list_box), self->rows->len > 0);
  /* While no column has answered, the card's spinners say enough. */
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          self->rows->len == 0 && augur_compare_any_succeeded (self->comparison));
  if (self->rows->len == 0)
    show_empty_text (self);
}

/* GObject ---------------------------------------------------------------------------- */

static void
augur_mirror_bars_dispose (GObject *object)
{
  AugurMirrorBars *self = AUGUR_MIRROR_BARS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->list_box = NULL;
  self->empty_label = NULL;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_object (&self->comparison);
  g_clear_object (&self->name_group);
  g_clear_object (&self->value_group);
  g_clear_object (&self->note_group);

  G_OBJECT_CLASS (augur_mirror_bars_parent_class)->dispose (object);
}

static void
augur_mirror_bars_class_init (AugurMirrorBarsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_mirror_bars_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "augur-mirror-bars");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
augur_mirror_bars_init (AugurMirrorBars *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->rows = g_ptr_array_new ();
  self->name_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->value_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->note_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->min_value = -1.0;

  self->list_box = augur_concept_list_new (_("Concepts in both columns"));
  gtk_widget_set_parent (GTK_WIDGET (self->list_box), GTK_WIDGET (self));

  self->empty_label = augur_empty_label_new ();
  gtk_widget_set_parent (GTK_WIDGET (self->empty_label), GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Concepts in both columns"),
                                  -1);
  rebuild_rows (self);
}

/* Public ----------------------------------------------------------------------------- */

GtkWidget *
augur_mirror_bars_new (void)
{
  return g_object_new (AUGUR_TYPE_MIRROR_BARS, NULL);
}

void
augur_mirror_bars_set_comparison (AugurMirrorBars *self,
                                  GPtrArray       *columns,
                                  AugurComparison *comparison)
{
  g_return_if_fail (AUGUR_IS_MIRROR_BARS (self));
  g_return_if_fail (comparison == NULL || AUGUR_IS_COMPARISON (comparison));

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  self->columns = augur_compare_columns_copy (columns);
  g_set_object (&self->comparison, comparison);
  rebuild_rows (self);
}

void
augur_mirror_bars_set_filter (AugurMirrorBars *self,
                              guint            max_rows,
                              double           min_value)
{
  g_return_if_fail (AUGUR_IS_MIRROR_BARS (self));

  if (self->max_rows == max_rows && self->min_value == min_value)
    return;
  self->max_rows = max_rows;
  self->min_value = min_value;
  rebuild_rows (self);
}

/**
 * augur_mirror_bars_dup_rows:
 *
 * Returns: (transfer full): the accessible labels of the rows shown, in order
 */
GStrv
augur_mirror_bars_dup_rows (AugurMirrorBars *self)
{
  g_return_val_if_fail (AUGUR_IS_MIRROR_BARS (self), NULL);

  return augur_concept_rows_dup_labels (self->rows);
}
