/* augur-concept-bars.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-concept-bars"

#include <glib/gi18n.h>

#include "augur-concept-bars.h"

/* Rows keep the accessible label they were given, so that tests and
 * augur_concept_rows_dup_labels() read exactly what a screen reader reads. */
#define ROW_LABEL_KEY "augur-accessible-label"

struct _AugurConceptBars
{
  GtkWidget     parent_instance;

  /* Children */
  GtkListBox   *list_box;
  GtkLabel     *empty_label;

  /* Owned */
  GPtrArray    *concepts;      /* (element-type AugurConcept) */
  GPtrArray    *rows;          /* (element-type GtkListBoxRow), borrowed from list_box */
  GtkSizeGroup *name_group;
  GStrv         selected;      /* (nullable) casefolded */

  guint         max_concepts;
  double        min_value;
};

G_DEFINE_FINAL_TYPE (AugurConceptBars, augur_concept_bars, GTK_TYPE_WIDGET)

/* Percent text ------------------------------------------------------------------------- */

/* "92" or "0.4": the number without the percent sign, shared by the visible text and the
 * accessible label. Below 1% one decimal keeps 0.4% from reading as 0%. */
char *
augur_format_percent_number (double value)
{
  double percent = CLAMP (value, 0.0, 1.0) * 100.0;

  if (percent > 0.0 && percent < 0.95)
    return g_strdup_printf ("%.1f", percent);
  return g_strdup_printf ("%.0f", percent);
}

char *
augur_format_percent (double value)
{
  g_autofree char *number = augur_format_percent_number (value);

  /* Translators: a confidence value, e.g. "92%"; %s is the number */
  return g_strdup_printf (_("%s%%"), number);
}

/* Accessible text of one result row, e.g. "dog, 92 percent". */
char *
augur_format_percent_accessible (const char *name,
                                 double      value)
{
  g_autofree char *number = augur_format_percent_number (value);

  /* Translators: what a screen reader says for a result row: "dog, 92 percent" */
  return g_strdup_printf (_("%s, %s percent"), name, number);
}

/* Lists of concept rows ------------------------------------------------------------------ */

GtkWidget *
augur_concept_bar_new (double value)
{
  GtkLevelBar *bar = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0.0, 1.0));

  /* The default offsets colour low values as warnings, which a confidence is not. */
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_value (bar, CLAMP (value, 0.0, 1.0));
  gtk_widget_set_hexpand (GTK_WIDGET (bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (bar), GTK_ALIGN_CENTER);

  return GTK_WIDGET (bar);
}

GtkWidget *
augur_percent_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

GtkWidget *
augur_concept_name_label_new (const char *name,
                              const char *id)
{
  GtkWidget *label = gtk_label_new (name);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_set_tooltip_text (label, id);
  return label;
}

/**
 * augur_concept_row_new:
 * @child: the row's content
 * @accessible_label: (transfer full): what a screen reader reads for the row
 *
 * Returns: (transfer floating): a focusable, not activatable list row that keeps
 *   @accessible_label for augur_concept_rows_dup_labels()
 */
GtkWidget *
augur_concept_row_new (GtkWidget *child,
                       char      *accessible_label)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), ROW_LABEL_KEY, accessible_label, g_free);
  return row;
}

/**
 * augur_concept_rows_dup_labels:
 * @rows: (element-type GtkListBoxRow): rows made by augur_concept_row_new()
 *
 * Returns: (transfer full): the accessible labels of the shown rows, in order
 */
GStrv
augur_concept_rows_dup_labels (GPtrArray *rows)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (rows != NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (gtk_widget_get_visible (row))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (row), ROW_LABEL_KEY));
    }
  return g_strv_builder_end (builder);
}

void
augur_concept_rows_remove (GtkListBox *list_box,
                           GPtrArray  *rows)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list_box));
  g_return_if_fail (rows != NULL);

  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_remove (list_box, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

GtkListBox *
augur_concept_list_new (const char *accessible_label)
{
  GtkListBox *list_box = GTK_LIST_BOX (gtk_list_box_new ());

  gtk_list_box_set_selection_mode (list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list_box), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return list_box;
}

GtkLabel *
augur_empty_label_new (void)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  return label;
}

/* Rows --------------------------------------------------------------------------------- */

static GtkWidget *
create_row (AugurConceptBars *self,
            AugurConcept     *concept)
{
  const char *name = augur_concept_get_name (concept);
  double value = augur_concept_get_value (concept);
  g_autofree char *percent = augur_format_percent (value);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name_label = augur_concept_name_label_new (name, augur_concept_get_id (concept));
  GtkWidget *percent_label = augur_percent_label_new (percent);

  gtk_size_group_add_widget (self->name_group, name_label);
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), augur_concept_bar_new (value));
  gtk_box_append (GTK_BOX (box), percent_label);
  gtk_widget_add_css_class (box, "augur-concept-row");

  return augur_concept_row_new (box, augur_format_percent_accessible (name, value));
}

/* Filtering ---------------------------------------------------------------------------- */

static gboolean
is_selected (AugurConceptBars *self,
             AugurConcept     *concept)
{
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (self->selected == NULL)
    return TRUE;

  name = g_utf8_casefold (augur_concept_get_name (concept), -1);
  id = g_utf8_casefold (augur_concept_get_id (concept), -1);

  return g_strv_contains ((const char * const *) self->selected, name) ||
         g_strv_contains ((const char * const *) self->selected, id);
}

static gboolean
passes_filter (AugurConceptBars *self,
               AugurConcept     *concept)
{
  if (self->min_value >= 0.0 && augur_concept_get_value (concept) < self->min_value)
    return FALSE;
  return is_selected (self, concept);
}

static char *
describe_empty (AugurConceptBars *self)
{
  g_autofree char *percent = NULL;

  if (self->concepts->len == 0)
    return g_strdup (_("No concepts"));
  if (self->selected != NULL)
    return g_strdup (_("None of the selected concepts are in this result"));

  percent = augur_format_percent (self->min_value);
  /* Translators: shown when the minimum-value slider hides every concept; %s is "95%" */
  return g_strdup_printf (_("No concepts above %s"), percent);
}

static void
apply_filter (AugurConceptBars *self)
{
  guint n_visible = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      gboolean visible = passes_filter (self, g_ptr_array_index (self->concepts, i)) &&
                         (self->max_concepts == 0 || n_visible < self->max_concepts);

      gtk_widget_set_visible (g_ptr_array_index (self->rows, i), visible);
      n_visible += visible;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list_box), n_visible > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n_visible == 0);
  if (n_visible == 0)
    {
      g_autofree char *text = describe_empty (self);

      gtk_label_set_text (self->empty_label, text);
    }
}

/* GObject ------------------------------------------------------------------------------ */

static void
augur_concept_bars_dispose (GObject *object)
{
  AugurConceptBars *self = AUGUR_CONCEPT_BARS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->list_box = NULL;
  self->empty_label = NULL;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->concepts, g_ptr_array_unref);
  g_clear_object (&self->name_group);

  G_OBJECT_CLASS (augur_concept_bars_parent_class)->dispose (object);
}

static void
augur_concept_bars_finalize (GObject *object)
{
  AugurConceptBars *self = AUGUR_CONCEPT_BARS (object);

  g_clear_pointer (&self->selected, g_strfreev);

  G_OBJECT_CLASS (augur_concept_bars_parent_class)->finalize (object);
}

static void
augur_concept_bars_class_init (AugurConceptBarsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_concept_bars_dispose;
  object_class->finalize = augur_concept_bars_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "augur-concept-bars");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
augur_concept_bars_init (AugurConceptBars *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->concepts = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
  self->name_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->min_value = -1.0;

  self->list_box = augur_concept_list_new (_("Concepts"));
  gtk_widget_set_parent (GTK_WIDGET (self->list_box), GTK_WIDGET (self));

  self->empty_label = augur_empty_label_new ();
  gtk_widget_set_parent (GTK_WIDGET (self->empty_label), GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Concepts"),
                                  -1);
  apply_filter (self);
}

/* Public ------------------------------------------------------------------------------- */

GtkWidget *
augur_concept_bars_new (void)
{
  return g_object_new (AUGUR_TYPE_CONCEPT_BARS, NULL);
}

void
augur_concept_bars_set_concepts (AugurConceptBars *self,
                                 GPtrArray        *concepts)
{
  g_return_if_fail (AUGUR_IS_CONCEPT_BARS (self));

  augur_concept_rows_remove (self->list_box, self->rows);
  g_ptr_array_set_size (self->concepts, 0);

  for (guint i = 0; concepts != NULL && i < concepts->len; i++)
    {
      AugurConcept *concept = g_ptr_array_index (concepts, i);
      GtkWidget *row = create_row (self, concept);

      g_ptr_array_add (self->concepts, g_object_ref (concept));
      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->list_box, row);
    }

  apply_filter (self);
}

static GStrv
casefold_selection (const char * const *selected)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  if (selected == NULL || selected[0] == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; selected[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (selected[i], -1);

      g_strv_builder_add (builder, folded);
    }

  return g_strv_builder_end (builder);
}

void
augur_concept_bars_set_filter (AugurConceptBars   *self,
                               guint               max_concepts,
                               double              min_value,
                               const char * const *selected)
{
  g_return_if_fail (AUGUR_IS_CONCEPT_BARS (self));

  self->max_concepts = max_concepts;
  self->min_value = min_value;
  g_clear_pointer (&self->selected, g_strfreev);
  self->selected = casefold_selection (selected);

  apply_filter (self);
}

/**
 * augur_concept_bars_dup_visible_rows:
 *
 * Returns: (transfer full): the accessible labels of the shown rows, in rank order
 */
GStrv
augur_concept_bars_dup_visible_rows (AugurConceptBars *self)
{
  g_return_val_if_fail (AUGUR_IS_CONCEPT_BARS (self), NULL);

  return augur_concept_rows_dup_labels (self->rows);
}

/* (nullable): the empty-state text when every concept is filtered out, else %NULL */
const char *
augur_concept_bars_get_empty_text (AugurConceptBars *self)
{
  g_return_val_if_fail (AUGUR_IS_CONCEPT_BARS (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->empty_label)))
    return NULL;
  return gtk_label_get_text (self->empty_label);
}
