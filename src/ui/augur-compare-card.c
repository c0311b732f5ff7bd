/* augur-compare-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-compare-card"

#include <string.h>

#include <glib/gi18n.h>

#include "augur-compare-boxes.h"
#include "augur-compare-card.h"
#include "augur-compare-colors.h"
#include "augur-compare-strip.h"
#include "augur-compare-text.h"
#include "augur-concept-bars.h"
#include "augur-mirror-bars.h"

/* Between a row's name and cells, and at its ends; the column headers use the same. */
#define ROW_SPACING 12
#define ROW_MARGIN  12
/* Longest tooltip for a long text input. */
#define MAX_TITLE_TOOLTIP_CHARS 500

typedef enum {
  CARD_KIND_CONCEPTS,
  CARD_KIND_DETECTOR,
  CARD_KIND_TEXT,
} CardKind;

struct _AugurCompareCard
{
  GtkWidget          parent_instance;

  /* Children */
  GtkBox            *main_box;
  GtkLabel          *title_label;
  GtkLabel          *verdict_label;
  GtkBox            *header_box;     /* one cell per column */
  GtkWidget         *header_list;    /* holds header_box */
  GtkBox            *body_box;

  /* Borrowed: children of body_box, NULL when this kind of result has none */
  AugurCompareBoxes *boxes;
  AugurCompareText  *text;
  AugurMirrorBars   *mirror_bars;
  GtkListBox        *row_list;
  GtkLabel          *empty_label;

  /* Owned */
  GPtrArray         *columns;        /* (element-type AugurCompareColumn) */
  AugurComparison   *comparison;
  GdkTexture        *texture;        /* (nullable) */
  char              *title;          /* (nullable) fallback title */
  GPtrArray         *rows;           /* (element-type GtkListBoxRow) borrowed from row_list */
  GtkSizeGroup      *name_group;
  GtkSizeGroup      *cell_group;
  GtkSizeGroup      *note_groups[AUGUR_COMPARE_MAX_COLUMNS];
  char              *column_errors[AUGUR_COMPARE_MAX_COLUMNS];  /* (nullable) */

  CardKind           kind;
  gboolean           mirror;
  guint              max_concepts;
  double             min_value;
};

G_DEFINE_FINAL_TYPE (AugurCompareCard, augur_compare_card, GTK_TYPE_WIDGET)

static void
update_verdict (AugurCompareCard *self)
{
  g_autofree char *text = augur_compare_describe_verdict (self->columns, self->comparison);
  gboolean disagree = augur_comparison_get_verdict (self->comparison) == AUGUR_COMPARE_DISAGREE;

  gtk_label_set_text (self->verdict_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), *text != '\0');
  if (disagree)
    gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), "compare-disagree");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "compare-disagree");
}

static void
update_title (AugurCompareCard *self)
{
  const char *label = augur_comparison_get_input_label (self->comparison);
  g_autofree char *fallback = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *shown = NULL;

  if (label == NULL)
    label = self->title;
  if (label == NULL)
    {
      /* Translators: a card title while nothing is known about its input, e.g. "Input 3" */
      fallback = g_strdup_printf (_("Input %u"), augur_comparison_get_index (self->comparison) + 1);
      label = fallback;
    }
  /* A file reads as its name, like in the input grid and the table; the tooltip keeps the
   * whole path. */
  shown = g_path_is_absolute (label) ? g_path_get_basename (label) : g_strdup (label);
  gtk_label_set_text (self->title_label, shown);
  tooltip = g_utf8_substring (label, 0, MIN (g_utf8_strlen (label, -1), MAX_TITLE_TOOLTIP_CHARS));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, shown,
                                  -1);
}

/* Column headers --------------------------------------------------------------------- */

static GtkWidget *
create_header_cell (AugurCompareCard *self,
                    guint             k)
{
  AugurPrediction *prediction = augur_comparison_get_prediction (self->comparison, k);
  const char *name = augur_compare_column_name (self->columns, k);
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name_label = gtk_label_new (name);
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (name_label, "heading");
  gtk_widget_add_css_class (name_label, augur_compare_column_css_class (k));
  gtk_box_append (GTK_BOX (cell), name_label);

  switch (augur_comparison_get_cell_state (self->comparison, k))
    {
    case AUGUR_COMPARE_CELL_SUCCEEDED:
      {
        g_autofree char *seconds =
          augur_compare_format_seconds (augur_prediction_get_duration_ms (prediction));
        GtkWidget *time_label = gtk_label_new (seconds);

        gtk_widget_add_css_class (time_label, "dim-label");
        gtk_widget_add_css_class (time_label, "numeric");
        gtk_box_append (GTK_BOX (cell), time_label);
        /* Translators: screen reader, a column header: "A, 0.42 s" */
        accessible = g_strdup_printf (_("%s, %s"), name, seconds);
      }
      break;
    case AUGUR_COMPARE_CELL_FAILED:
      {
        GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
        GtkWidget *error_label = gtk_label_new (self->column_errors[k]);

        gtk_widget_add_css_class (icon, "error");
        gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
        gtk_label_set_xalign (GTK_LABEL (error_label), 0.0);
        gtk_widget_add_css_class (error_label, "error");
        gtk_widget_set_hexpand (error_label, TRUE);
        gtk_box_append (GTK_BOX (cell), icon);
        gtk_box_append (GTK_BOX (cell), error_label);
        /* Translators: screen reader, a failed column header: "B failed: Model not found" */
        accessible = g_strdup_printf (_("%s failed: %s"), name, self->column_errors[k]);
      }
      break;
    case AUGUR_COMPARE_CELL_PENDING:
    default:
      {
        GtkWidget *spinner = gtk_spinner_new ();

        gtk_spinner_start (GTK_SPINNER (spinner));
        gtk_box_append (GTK_BOX (cell), spinner);
        /* Translators: screen reader, a column header still waiting: "B, waiting" */
        accessible = g_strdup_printf (_("%s, waiting"), name);
      }
      break;
    }

  gtk_widget_set_hexpand (cell, TRUE);
  gtk_size_group_add_widget (self->cell_group, cell);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return cell;
}

static void
update_column_errors (AugurCompareCard *self)
{
  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    {
      AugurPrediction *prediction = NULL;
      const GError *error = NULL;

      g_clear_pointer (&self->column_errors[k], g_free);
      if (k >= augur_comparison_get_n_columns (self->comparison) ||
          augur_comparison_get_cell_state (self->comparison, k) != AUGUR_COMPARE_CELL_FAILED)
        continue;
      prediction = augur_comparison_get_prediction (self->comparison, k);
      error = augur_prediction_get_error (prediction);
      self->column_errors[k] = g_strdup (error != NULL ? error->message : _("Failed"));
    }
}

static void
rebuild_header (AugurCompareCard *self)
{
  GtkWidget *child;
  GtkWidget *spacer;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->header_box))) != NULL)
    gtk_box_remove (self->header_box, child);

  /* Stands above the concept names so that the cells line up with the rows' cells. */
  spacer = gtk_label_new (NULL);
  gtk_size_group_add_widget (self->name_group, spacer);
  gtk_widget_set_visible (spacer, self->kind != CARD_KIND_TEXT && self->mirror_bars == NULL);
  gtk_box_append (self->header_box, spacer);

  for (guint k = 0; k < augur_comparison_get_n_columns (self->comparison); k++)
    gtk_box_append (self->header_box, create_header_cell (self, k));
}

/* Concept rows ----------------------------------------------------------------------- */

/* Delta against the first column, or "only in B": one slot, since a concept only one column
 * has cannot have a delta. */
static GtkWidget *
create_note (AugurCompareCard      *self,
             const AugurCompareRow *row,
             guint                  k)
{
  GtkWidget *note = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (note), 0.0);
  gtk_size_group_add_widget (self->note_groups[k], note);
  if (row->has_delta[k])
    augur_compare_note_show_delta (GTK_LABEL (note), row->deltas[k]);
  else if (row->only_in == (int) k)
    augur_compare_note_show_only_in (GTK_LABEL (note), self->columns, k);
  return note;
}

static GtkWidget *
create_row_cell (AugurCompareCard      *self,
                 const AugurCompareRow *row,
                 guint                  k)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bar;

  bar = augur_compare_level_bar_new (k, row->present[k] ? row->values[k] : 0);
  /* A column without an answer keeps its place but draws no empty bars. */
  if (augur_comparison_get_cell_state (self->comparison, k) != AUGUR_COMPARE_CELL_SUCCEEDED)
    gtk_widget_set_opacity (bar, 0.0);
  gtk_box_append (GTK_BOX (cell), bar);
  gtk_box_append (GTK_BOX (cell), augur_compare_value_label_new (row, k));
  gtk_box_append (GTK_BOX (cell), augur_compare_top1_marker_new (self->columns, row, k));
  gtk_box_append (GTK_BOX (cell), create_note (self, row, k));
  gtk_widget_set_hexpand (cell, TRUE);
  gtk_size_group_add_widget (self->cell_group, cell);
  return cell;
}

static GtkWidget *
create_row (const AugurCompareRow *row,
            gpointer               user_data)
{
  AugurCompareCard *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, ROW_SPACING);
  GtkWidget *name_label = augur_concept_name_label_new (row->concept_name, row->concept_id);

  gtk_widget_set_margin_start (box, ROW_MARGIN);
  gtk_widget_set_margin_end (box, ROW_MARGIN);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_size_group_add_widget (self->name_group, name_label);
  gtk_box_append (GTK_BOX (box), name_label);

  for (guint k = 0; k < augur_comparison_get_n_columns (self->comparison); k++)
    gtk_box_append (GTK_BOX (box), create_row_cell (self, row, k));

  return augur_concept_row_new (box, augur_compare_describe_row (self->columns,
                                                                 self->comparison, row));
}

static void
show_empty_text (AugurCompareCard *self)
{
  g_autofree char *text = NULL;

  if (!augur_compare_any_succeeded (self->comparison))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->empty_label), FALSE);
      return;
    }
  text = augur_compare_describe_no_rows (self->comparison, self->min_value);
  gtk_label_set_text (self->empty_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), TRUE);
}

static void
rebuild_rows (AugurCompareCard *self)
{
  augur_concept_rows_remove (self->row_list, self->rows);
  augur_compare_append_rows (self->row_list, self->rows, self->comparison,
                             self->max_concepts, self->min_value, create_row, self);

  gtk_widget_set_visible (GTK_WIDGET (self->row_list), self->rows->len > 0);
  if (self->rows->len == 0)
    show_empty_text (self);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->empty_label), FALSE);
}

/* Body ------------------------------------------------------------------------------- */

static gboolean
prediction_is_detection (AugurPrediction *prediction)
{
  GPtrArray *regions = augur_prediction_get_regions (prediction);
  const char *type = augur_prediction_get_model_type_id (prediction);

  return (regions != NULL && regions->len > 0) ||
         (type != NULL && strstr (type, "detector") != NULL);
}

static CardKind
detect_kind (AugurComparison *comparison)
{
  gboolean has_text = FALSE;

  for (guint k = 0; k < augur_comparison_get_n_columns (comparison); k++)
    {
      if (augur_comparison_get_cell_state (comparison, k) != AUGUR_COMPARE_CELL_SUCCEEDED)
        continue;
      if (prediction_is_detection (augur_comparison_get_prediction (comparison, k)))
        return CARD_KIND_DETECTOR;
      has_text |= augur_comparison_get_text (comparison, k) != NULL;
    }
  return has_text ? CARD_KIND_TEXT : CARD_KIND_CONCEPTS;
}

static gboolean
wants_mirror_bars (AugurCompareCard *self)
{
  return self->mirror && self->kind == CARD_KIND_CONCEPTS &&
         augur_comparison_get_n_columns (self->comparison) == 2;
}

static void
remove_from_body (AugurCompareCard *self,
                  GtkWidget        *widget)
{
  if (widget != NULL)
    gtk_box_remove (self->body_box, widget);
}

/* The boxes and text widgets stay across updates of the same kind, so a column the user
 * hid stays hidden as other columns answer. */
static void
update_kind_widgets (AugurCompareCard *self)
{
  if (self->kind != CARD_KIND_DETECTOR && self->boxes != NULL)
    {
      remove_from_body (self, GTK_WIDGET (self->boxes));
      self->boxes = NULL;
    }
  if (self->kind != CARD_KIND_TEXT && self->text != NULL)
    {
      remove_from_body (self, GTK_WIDGET (self->text));
      self->text = NULL;
    }
  if (!wants_mirror_bars (self) && self->mirror_bars != NULL)
    {
      remove_from_body (self, GTK_WIDGET (self->mirror_bars));
      self->mirror_bars = NULL;
    }

  if (self->kind == CARD_KIND_DETECTOR && self->boxes == NULL)
    {
      self->boxes = AUGUR_COMPARE_BOXES (augur_compare_boxes_new ());
      augur_compare_boxes_set_texture (self->boxes, self->texture);
      gtk_box_prepend (self->body_box, GTK_WIDGET (self->boxes));
    }
  if (self->kind == CARD_KIND_TEXT && self->text == NULL)
    {
      self->text = AUGUR_COMPARE_TEXT (augur_compare_text_new ());
      gtk_box_prepend (self->body_box, GTK_WIDGET (self->text));
    }
  if (wants_mirror_bars (self) && self->mirror_bars == NULL)
    {
      self->mirror_bars = AUGUR_MIRROR_BARS (augur_mirror_bars_new ());
      augur_mirror_bars_set_filter (self->mirror_bars, self->max_concepts, self->min_value);
      gtk_box_append (self->body_box, GTK_WIDGET (self->mirror_bars));
    }
}

static void
apply_filter (AugurCompareCard *self)
{
  if (self->boxes != NULL)
    augur_compare_boxes_set_min_value (self->boxes, self->min_value);
  if (self->mirror_bars != NULL)
    augur_mirror_bars_set_filter (self->mirror_bars, self->max_concepts, self->min_value);

  if (self->kind == CARD_KIND_TEXT || self->mirror_bars != NULL)
    {
      /* Text has no concepts; mirror bars show them their own way. */
      augur_concept_rows_remove (self->row_list, self->rows);
      gtk_widget_set_visible (GTK_WIDGET (self->row_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_label), FALSE);
      return;
    }
  rebuild_rows (self);
}

static void
update_body (AugurCompareCard *self)
{
  update_kind_widgets (self);
  if (self->boxes != NULL)
    augur_compare_boxes_set_comparison (self->boxes, self->columns, self->comparison);
  if (self->text != NULL)
    augur_compare_text_set_comparison (self->text, self->columns, self->comparison);
  if (self->mirror_bars != NULL)
    augur_mirror_bars_set_comparison (self->mirror_bars, self->columns, self->comparison);
  apply_filter (self);
}

static void
update_all (AugurCompareCard *self)
{
  self->kind = detect_kind (self->comparison);
  update_column_errors (self);
  update_title (self);
  update_verdict (self);
  update_body (self);
  rebuild_header (self);
  /* Text columns carry their own headers, with times and lengths. */
  gtk_widget_set_visible (self->header_list, self->kind != CARD_KIND_TEXT);
}

/* GObject ---------------------------------------------------------------------------- */

static void
augur_compare_card_dispose (GObject *object)
{
  AugurCompareCard *self = AUGUR_COMPARE_CARD (object);

  if (self->main_box != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->main_box));
  self->main_box = NULL;
  self->title_label = NULL;
  self->verdict_label = NULL;
  self->header_box = NULL;
  self->body_box = NULL;
  self->boxes = NULL;
  self->text = NULL;
  self->mirror_bars = NULL;
  self->row_list = NULL;
  self->empty_label = NULL;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->comparison);
  g_clear_object (&self->texture);
  g_clear_object (&self->name_group);
  g_clear_object (&self->cell_group);
  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    g_clear_object (&self->note_groups[k]);

  G_OBJECT_CLASS (augur_compare_card_parent_class)->dispose (object);
}

static void
augur_compare_card_finalize (GObject *object)
{
  AugurCompareCard *self = AUGUR_COMPARE_CARD (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    g_clear_pointer (&self->column_errors[k], g_free);

  G_OBJECT_CLASS (augur_compare_card_parent_class)->finalize (object);
}

static void
augur_compare_card_class_init (AugurCompareCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_compare_card_dispose;
  object_class->finalize = augur_compare_card_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "augur-compare-card");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
build_heading (AugurCompareCard *self)
{
  GtkWidget *header_list;
  GtkWidget *header_row;

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0.0);
  gtk_label_set_single_line_mode (self->title_label, TRUE);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_box_append (self->main_box, GTK_WIDGET (self->title_label));

  self->verdict_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->verdict_label, 0.0);
  gtk_label_set_wrap (self->verdict_label, TRUE);
  gtk_box_append (self->main_box, GTK_WIDGET (self->verdict_label));

  /* In a list row of its own, with the rows' spacing and margins, so that whatever padding
   * the theme gives list rows each header stands over its column's cells. */
  self->header_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, ROW_SPACING));
  gtk_widget_set_margin_start (GTK_WIDGET (self->header_box), ROW_MARGIN);
  gtk_widget_set_margin_end (GTK_WIDGET (self->header_box), ROW_MARGIN);
  header_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (header_row), GTK_WIDGET (self->header_box));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (header_row), FALSE);
  gtk_widget_set_focusable (header_row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (header_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Columns"),
                                  -1);
  header_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (header_list), GTK_SELECTION_NONE);
  gtk_widget_set_focusable (header_list, FALSE);
  gtk_list_box_append (GTK_LIST_BOX (header_list), header_row);
  gtk_box_append (self->main_box, header_list);
  self->header_list = header_list;
}

static void
build_body (AugurCompareCard *self)
{
  self->body_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_box_append (self->main_box, GTK_WIDGET (self->body_box));

  self->row_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->row_list, GTK_SELECTION_NONE);
  gtk_list_box_set_show_separators (self->row_list, TRUE);
  /* No frame of its own: the card is the frame, and rows start where the headers do. */
  gtk_widget_add_css_class (GTK_WIDGET (self->row_list), "compare-rows");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->row_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Concepts by column"),
                                  -1);
  gtk_box_append (self->body_box, GTK_WIDGET (self->row_list));

  self->empty_label = augur_empty_label_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), FALSE);
  gtk_box_append (self->body_box, GTK_WIDGET (self->empty_label));
}

static void
augur_compare_card_init (AugurCompareCard *self)
{
  self->rows = g_ptr_array_new ();
  self->name_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->cell_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    self->note_groups[k] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->max_concepts = AUGUR_COMPARE_CARD_DEFAULT_MAX_CONCEPTS;
  self->min_value = -1.0;

  self->main_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_margin_top (GTK_WIDGET (self->main_box), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->main_box), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->main_box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->main_box), 12);
  gtk_widget_set_parent (GTK_WIDGET (self->main_box), GTK_WIDGET (self));

  build_heading (self);
  build_body (self);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
}

/* Public ----------------------------------------------------------------------------- */

GtkWidget *
augur_compare_card_new (GPtrArray       *columns,
                        AugurComparison *comparison,
                        gboolean         mirror)
{
  AugurCompareCard *self;

  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (AUGUR_IS_COMPARISON (comparison), NULL);

  self = g_object_new (AUGUR_TYPE_COMPARE_CARD, NULL);
  self->columns = augur_compare_columns_copy (columns);
  self->comparison = g_object_ref (comparison);
  self->mirror = mirror;
  update_all (self);
  return GTK_WIDGET (self);
}

AugurComparison *
augur_compare_card_get_comparison (AugurCompareCard *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_CARD (self), NULL);
  return self->comparison;
}

void
augur_compare_card_set_comparison (AugurCompareCard *self,
                                   AugurComparison  *comparison)
{
  g_return_if_fail (AUGUR_IS_COMPARE_CARD (self));
  g_return_if_fail (AUGUR_IS_COMPARISON (comparison));

  if (!g_set_object (&self->comparison, comparison))
    return;
  update_all (self);
}

void
augur_compare_card_set_texture (AugurCompareCard *self,
                                GdkTexture       *texture)
{
  g_return_if_fail (AUGUR_IS_COMPARE_CARD (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (!g_set_object (&self->texture, texture))
    return;
  if (self->boxes != NULL)
    augur_compare_boxes_set_texture (self->boxes, texture);
}

void
augur_compare_card_set_filter (AugurCompareCard *self,
                               guint             max_concepts,
                               double            min_value)
{
  g_return_if_fail (AUGUR_IS_COMPARE_CARD (self));

  if (self->max_concepts == max_concepts && self->min_value == min_value)
    return;
  self->max_concepts = max_concepts;
  self->min_value = min_value;
  apply_filter (self);
}

/**
 * augur_compare_card_dup_rows:
 *
 * Returns: (transfer full): the accessible labels of the rows shown, in order
 */
GStrv
augur_compare_card_dup_rows (AugurCompareCard *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_CARD (self), NULL);

  if (self->mirror_bars != NULL)
    return augur_mirror_bars_dup_rows (self->mirror_bars);
  return augur_concept_rows_dup_labels (self->rows);
}

const char *
augur_compare_card_get_verdict_text (AugurCompareCard *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_CARD (self), NULL);
  return gtk_label_get_text (self->verdict_label);
}

const char *
augur_compare_card_get_column_error (AugurCompareCard *self,
                                     guint             column)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_CARD (self), NULL);
  g_return_val_if_fail (column < AUGUR_COMPARE_MAX_COLUMNS, NULL);
  return self->column_errors[column];
}

void
augur_compare_card_set_title (AugurCompareCard *self,
                              const char       *title)
{
  g_return_if_fail (AUGUR_IS_COMPARE_CARD (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  update_title (self);
}

const char *
augur_compare_card_get_title (AugurCompareCard *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_CARD (self), NULL);
  return gtk_label_get_text (self->title_label);
}

void
augur_compare_card_set_mirror (AugurCompareCard *self,
                               gboolean          mirror)
{
  g_return_if_fail (AUGUR_IS_COMPARE_CARD (self));

  mirror = !!mirror;
  if (self->mirror == mirror)
    return;
  self->mirror = mirror;
  update_body (self);
  rebuild_header (self);
  /* Text columns carry their own headers, with times and lengths. */
  gtk_widget_set_visible (self->header_list, self->kind != CARD_KIND_TEXT);
}

/* Whether the card shows mirror bars now (asked for, and two columns of concepts). */
gboolean
augur_compare_card_get_mirror (AugurCompareCard *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_CARD (self), FALSE);
  return self->mirror_bars != NULL;
}

gboolean
augur_compare_card_needs_image (AugurCompareCard *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_CARD (self), FALSE);
  return self->kind == CARD_KIND_DETECTOR && self->texture == NULL;
}
