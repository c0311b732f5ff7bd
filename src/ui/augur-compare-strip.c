/* augur-compare-strip.c: the summary strip, and the words and small pieces every compare
 * widget shares (see augur-compare-strip.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-compare-strip"

#include <math.h>

#include <glib/gi18n.h>

#include "augur-compare-colors.h"
#include "augur-compare-strip.h"
#include "augur-concept-bars.h"

/* How many gained or lost concept names a tooltip lists. */
#define N_TOOLTIP_CONCEPTS 5

struct _AugurCompareStrip
{
  GtkWidget   parent_instance;

  /* Children */
  GtkFlowBox *flow_box;

  /* Owned */
  GPtrArray  *lines;      /* (element-type utf8) what the labels show, in order */
};

G_DEFINE_FINAL_TYPE (AugurCompareStrip, augur_compare_strip, GTK_TYPE_WIDGET)

/* Shared by the compare widgets: words, columns, bars --------------------------------- */

char *
augur_compare_format_seconds (double duration_ms)
{
  /* Translators: how long a column's request took, in seconds, e.g. "0.42 s" */
  return g_strdup_printf (_("%.2f s"), MAX (duration_ms, 0) / 1000.0);
}

const char *
augur_compare_column_name (GPtrArray *columns,
                           guint      column)
{
  static const char * const letters[AUGUR_COMPARE_MAX_COLUMNS] = { "A", "B", "C", "D" };
  AugurCompareColumn *described;

  if (columns == NULL || column >= columns->len)
    return letters[column % AUGUR_COMPARE_MAX_COLUMNS];
  described = g_ptr_array_index (columns, column);
  if (described == NULL || described->display_name == NULL)
    return letters[column % AUGUR_COMPARE_MAX_COLUMNS];
  return described->display_name;
}

static int
delta_points (double delta)
{
  return (int) lround (delta * 100.0);
}

char *
augur_compare_format_delta (double delta)
{
  int points = delta_points (delta);

  if (points > 0)
    /* Translators: a value higher than in the first column, in points, e.g. "+6" */
    return g_strdup_printf (_("+%d"), points);
  if (points < 0)
    /* Translators: a value lower than in the first column, in points, e.g. "−12"; the sign
     * is U+2212 MINUS SIGN */
    return g_strdup_printf (_("−%d"), -points);
  return g_strdup ("0");
}

const char *
augur_compare_delta_css_class (double delta)
{
  int points = delta_points (delta);

  if (points == 0)
    return NULL;
  return points > 0 ? "compare-delta-up" : "compare-delta-down";
}

static char *
describe_cell (GPtrArray             *columns,
               AugurComparison       *comparison,
               const AugurCompareRow *row,
               guint                  k)
{
  const char *name = augur_compare_column_name (columns, k);
  g_autofree char *number = NULL;

  switch (augur_comparison_get_cell_state (comparison, k))
    {
    case AUGUR_COMPARE_CELL_PENDING:
      /* Translators: screen reader, a column without an answer yet: "B waiting" */
      return g_strdup_printf (_("%s waiting"), name);
    case AUGUR_COMPARE_CELL_FAILED:
      /* Translators: screen reader, a column whose request failed: "B failed" */
      return g_strdup_printf (_("%s failed"), name);
    case AUGUR_COMPARE_CELL_SUCCEEDED:
    default:
      break;
    }
  if (!row->present[k])
    /* Translators: screen reader, a column that does not list the concept: "not in B" */
    return g_strdup_printf (_("not in %s"), name);
  number = augur_format_percent_number (row->values[k]);
  /* Translators: screen reader, a column's value: "A 91 percent" */
  return g_strdup_printf (_("%s %s percent"), name, number);
}

static char *
describe_delta (const char *name,
                double      delta)
{
  int points = delta_points (delta);

  if (points > 0)
    /* Translators: screen reader: "6 points higher in B" (than in the first column) */
    return g_strdup_printf (ngettext ("%d point higher in %s", "%d points higher in %s", points),
                            points, name);
  if (points < 0)
    /* Translators: screen reader: "6 points lower in B" (than in the first column) */
    return g_strdup_printf (ngettext ("%d point lower in %s", "%d points lower in %s", -points),
                            -points, name);
  /* Translators: screen reader: the value is the same in B as in the first column */
  return g_strdup_printf (_("same in %s"), name);
}

char *
augur_compare_describe_row (GPtrArray             *columns,
                            AugurComparison       *comparison,
                            const AugurCompareRow *row)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  guint n_columns;

  g_return_val_if_fail (AUGUR_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (row != NULL, NULL);

  n_columns = augur_comparison_get_n_columns (comparison);
  for (guint k = 0; k < n_columns; k++)
    g_ptr_array_add (parts, describe_cell (columns, comparison, row, k));
  for (guint k = 1; k < n_columns; k++)
    if (row->has_delta[k])
      g_ptr_array_add (parts, describe_delta (augur_compare_column_name (columns, k),
                                              row->deltas[k]));
  if (row->only_in >= 0)
    /* Translators: screen reader: only this column lists the concept, "only in A" */
    g_ptr_array_add (parts, g_strdup_printf (_("only in %s"),
                                             augur_compare_column_name (columns, row->only_in)));
  for (guint k = 0; k < n_columns; k++)
    if (row->is_top1[k])
      /* Translators: screen reader: the concept is this column's first, "top-1 in A" */
      g_ptr_array_add (parts, g_strdup_printf (_("top-1 in %s"),
                                               augur_compare_column_name (columns, k)));

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the parts of a row read by a screen reader */
  joined = g_strjoinv (_(", "), (char **) parts->pdata);
  /* Translators: screen reader, a concept and its values: "cat: A 91 percent, B 85 percent" */
  return g_strdup_printf (_("%s: %s"), row->concept_name, joined);
}

static char *
join_column_names (GPtrArray             *columns,
                   AugurComparison       *comparison,
                   AugurCompareCellState  state)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint k = 0; k < augur_comparison_get_n_columns (comparison); k++)
    if (augur_comparison_get_cell_state (comparison, k) == state)
      g_ptr_array_add (names, (gpointer) augur_compare_column_name (columns, k));
  g_ptr_array_add (names, NULL);
  /* Translators: separates column names, e.g. "Waiting for B, C…" */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

/* "A cat · B dog" over the columns that answered. */
static char *
list_top1s (GPtrArray       *columns,
            AugurComparison *comparison)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint k = 0; k < augur_comparison_get_n_columns (comparison); k++)
    {
      AugurConcept *top1 = augur_comparison_get_top1 (comparison, k);

      if (augur_comparison_get_cell_state (comparison, k) != AUGUR_COMPARE_CELL_SUCCEEDED)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      if (top1 != NULL)
        /* Translators: a column and its top concept in "Top-1 differs: A cat · B dog" */
        g_string_append_printf (text, _("%s %s"), augur_compare_column_name (columns, k),
                                augur_concept_get_name (top1));
      else
        /* Translators: a column without any concept in "Top-1 differs: A cat · B none" */
        g_string_append_printf (text, _("%s none"), augur_compare_column_name (columns, k));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static AugurConcept *
first_top1 (AugurComparison *comparison)
{
  for (guint k = 0; k < augur_comparison_get_n_columns (comparison); k++)
    if (augur_comparison_get_top1 (comparison, k) != NULL)
      return augur_comparison_get_top1 (comparison, k);
  return NULL;
}

static gboolean
has_text (AugurComparison *comparison)
{
  for (guint k = 0; k < augur_comparison_get_n_columns (comparison); k++)
    if (augur_comparison_get_text (comparison, k) != NULL)
      return TRUE;
  return FALSE;
}

static char *
describe_texts (AugurComparison *comparison)
{
  const char *reference = augur_comparison_get_text (comparison, 0);

  for (guint k = 1; k < augur_comparison_get_n_columns (comparison); k++)
    if (g_strcmp0 (reference, augur_comparison_get_text (comparison, k)) != 0)
      return g_strdup (_("Texts differ"));
  return g_strdup (_("Same text"));
}

char *
augur_compare_describe_verdict (GPtrArray       *columns,
                                AugurComparison *comparison)
{
  g_autofree char *names = NULL;
  AugurConcept *top1;

  g_return_val_if_fail (AUGUR_IS_COMPARISON (comparison), NULL);

  switch (augur_comparison_get_verdict (comparison))
    {
    case AUGUR_COMPARE_DISAGREE:
      names = list_top1s (columns, comparison);
      /* Translators: the columns' top concepts differ, e.g. "Top-1 differs: A cat · B dog" */
      return g_strdup_printf (_("Top-1 differs: %s"), names);
    case AUGUR_COMPARE_PENDING:
      names = join_column_names (columns, comparison, AUGUR_COMPARE_CELL_PENDING);
      /* Translators: some columns have not answered yet, e.g. "Waiting for B…" */
      return g_strdup_printf (_("Waiting for %s…"), names);
    case AUGUR_COMPARE_INCOMPLETE:
      names = join_column_names (columns, comparison, AUGUR_COMPARE_CELL_SUCCEEDED);
      if (*names == '\0')
        return g_strdup (_("No column answered"));
      /* Translators: every other column failed, e.g. "Only A answered" */
      return g_strdup_printf (_("Only %s answered"), names);
    case AUGUR_COMPARE_AGREE:
    default:
      break;
    }
  top1 = first_top1 (comparison);
  if (top1 != NULL)
    /* Translators: every column has the same top concept, e.g. "Top-1 agrees: cat" */
    return g_strdup_printf (_("Top-1 agrees: %s"), augur_concept_get_name (top1));
  if (has_text (comparison))
    return describe_texts (comparison);
  return g_strdup ("");
}

/**
 * augur_compare_columns_copy:
 * @columns: (nullable) (element-type AugurCompareColumn)
 *
 * Returns: (transfer full): a deep copy, empty for %NULL
 */
GPtrArray *
augur_compare_columns_copy (GPtrArray *columns)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_compare_column_free);

  for (guint k = 0; columns != NULL && k < columns->len; k++)
    g_ptr_array_add (copy, augur_compare_column_copy (g_ptr_array_index (columns, k)));
  return copy;
}

gboolean
augur_compare_any_succeeded (AugurComparison *comparison)
{
  g_return_val_if_fail (comparison == NULL || AUGUR_IS_COMPARISON (comparison), FALSE);

  for (guint k = 0; comparison != NULL && k < augur_comparison_get_n_columns (comparison); k++)
    if (augur_comparison_get_cell_state (comparison, k) == AUGUR_COMPARE_CELL_SUCCEEDED)
      return TRUE;
  return FALSE;
}

GtkWidget *
augur_compare_level_bar_new (guint  column,
                             double value)
{
  GtkWidget *bar = augur_concept_bar_new (value);

  gtk_widget_add_css_class (bar, augur_compare_column_css_class (column));
  return bar;
}

/* Shared by the compare widgets: the pieces of a concept row --------------------------- */

GtkWidget *
augur_compare_value_label_new (const AugurCompareRow *row,
                               guint                  column)
{
  g_autofree char *percent = NULL;
  GtkWidget *label;

  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (column < AUGUR_COMPARE_MAX_COLUMNS, NULL);

  if (!row->present[column])
    {
      label = augur_percent_label_new ("—");
      gtk_widget_add_css_class (label, "dim-label");
      return label;
    }
  percent = augur_format_percent (row->values[column]);
  return augur_percent_label_new (percent);
}

GtkWidget *
augur_compare_top1_marker_new (GPtrArray             *columns,
                               const AugurCompareRow *row,
                               guint                  column)
{
  GtkWidget *marker = gtk_image_new ();
  g_autofree char *tooltip = NULL;

  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (column < AUGUR_COMPARE_MAX_COLUMNS, NULL);

  /* Keeps its place when empty, so that the cells of every row line up. */
  gtk_widget_set_size_request (marker, 16, 16);
  if (!row->is_top1[column])
    return marker;

  /* Translators: the star on a concept that is a column's first, e.g. "top-1 in A" */
  tooltip = g_strdup_printf (_("top-1 in %s"), augur_compare_column_name (columns, column));
  gtk_image_set_from_icon_name (GTK_IMAGE (marker), "starred-symbolic");
  gtk_widget_add_css_class (marker, augur_compare_column_css_class (column));
  gtk_widget_set_tooltip_text (marker, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (marker),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  return marker;
}

void
augur_compare_note_show_delta (GtkLabel *note,
                               double    delta)
{
  g_autofree char *text = augur_compare_format_delta (delta);
  const char *css_class = augur_compare_delta_css_class (delta);

  g_return_if_fail (GTK_IS_LABEL (note));

  gtk_label_set_text (note, text);
  gtk_widget_add_css_class (GTK_WIDGET (note), "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (note), css_class);
}

void
augur_compare_note_show_only_in (GtkLabel  *note,
                                 GPtrArray *columns,
                                 guint      column)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GTK_IS_LABEL (note));

  /* Translators: a note on a concept only one column lists, e.g. "only in B" */
  text = g_strdup_printf (_("only in %s"), augur_compare_column_name (columns, column));
  gtk_label_set_text (note, text);
  gtk_widget_add_css_class (GTK_WIDGET (note), "caption-heading");
}

/* Whether @row's largest value reaches @min_value (negative: every row passes). */
static gboolean
row_passes_min_value (const AugurCompareRow *row,
                      double                 min_value)
{
  return min_value < 0 || row->max_value >= min_value;
}

/**
 * augur_compare_append_rows:
 * @list_box: where the rows go
 * @rows: (element-type GtkListBoxRow): gets the rows appended, borrowed from @list_box
 * @comparison: whose rows to show
 * @max_rows: how many rows @rows may hold at the most; 0 for no limit
 * @min_value: rows whose largest value is below it are left out; negative for none
 * @create_row: makes the list row of one comparison row
 *
 * Builds only the rows that pass the filter: cards of a few hundred inputs with hundreds of
 * concepts each would otherwise hold a great many widgets.
 */
void
augur_compare_append_rows (GtkListBox          *list_box,
                           GPtrArray           *rows,
                           AugurComparison     *comparison,
                           guint                max_rows,
                           double               min_value,
                           AugurCompareRowFunc  create_row,
                           gpointer             user_data)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list_box));
  g_return_if_fail (rows != NULL);
  g_return_if_fail (AUGUR_IS_COMPARISON (comparison));
  g_return_if_fail (create_row != NULL);

  for (guint i = 0; i < augur_comparison_get_n_rows (comparison); i++)
    {
      const AugurCompareRow *row = augur_comparison_get_row (comparison, i);
      GtkWidget *list_row;

      if (max_rows > 0 && rows->len >= max_rows)
        break;
      if (!row_passes_min_value (row, min_value))
        continue;
      list_row = create_row (row, user_data);
      g_ptr_array_add (rows, list_row);
      gtk_list_box_append (list_box, list_row);
    }
}

char *
augur_compare_describe_no_rows (AugurComparison *comparison,
                                double           min_value)
{
  g_autofree char *percent = NULL;

  g_return_val_if_fail (comparison == NULL || AUGUR_IS_COMPARISON (comparison), NULL);

  if (comparison == NULL || augur_comparison_get_n_rows (comparison) == 0 || min_value < 0)
    return g_strdup (_("No concepts"));

  percent = augur_format_percent (min_value);
  /* Translators: shown when the minimum-value filter hides every concept; %s is "95%" */
  return g_strdup_printf (_("No concepts above %s"), percent);
}

/* Lines ------------------------------------------------------------------------------ */

static void
add_line (AugurCompareStrip *self,
          char              *text,       /* (transfer full) */
          const char        *css_class,  /* (nullable) */
          const char        *tooltip)    /* (nullable) */
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_flow_box_append (self->flow_box, label);
  g_ptr_array_add (self->lines, text);
}

static void
remove_lines (AugurCompareStrip *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);
  g_ptr_array_set_size (self->lines, 0);
}

/* Whether any column shares, gains or loses a concept: false for text models, whose
 * "top-1" would be meaningless. */
static gboolean
summary_has_concepts (const AugurCompareSummary *summary)
{
  for (guint k = 1; k < summary->n_columns; k++)
    {
      const AugurCompareColumnSummary *column = &summary->columns[k];

      if (column->n_shared + column->n_gained + column->n_lost > 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
summary_has_times (const AugurCompareSummary *summary)
{
  for (guint k = 0; k < summary->n_columns; k++)
    if (summary->columns[k].n_succeeded > 0)
      return TRUE;
  return FALSE;
}

static char *
describe_agreement (const AugurCompareSummary *summary)
{
  g_autofree char *percent = NULL;

  if (summary->n_complete == 0)
    return g_strdup (_("Top-1 agreement: no input has every column yet"));

  percent = augur_format_percent (summary->top1_agreement);
  /* Translators: "Top-1 agreement 85% (17 of 20)": the share of inputs where every column
   * has the same top concept, over the inputs every column answered */
  return g_strdup_printf (_("Top-1 agreement %s (%u of %u)"),
                          percent, summary->n_agree, summary->n_complete);
}

static char *
describe_mean_difference (const AugurCompareSummary *summary)
{
  /* Translators: "Mean difference 4.2 points over 120 shared concepts": the mean absolute
   * difference in percentage points between the first column and the others */
  return g_strdup_printf (ngettext ("Mean difference %.1f points over %u shared concept",
                                    "Mean difference %.1f points over %u shared concepts",
                                    summary->n_shared),
                          summary->mean_abs_delta * 100.0, summary->n_shared);
}

/* "gained dog in 3 inputs", "gained 4 concepts, 9 times in all" or "nothing gained": a
 * concept the new version adds to every input counts once, with how often. */
static char *
describe_change (GPtrArray *concepts,
                 guint      n_pairs,
                 gboolean   gained)
{
  if (concepts == NULL || concepts->len == 0)
    return g_strdup (gained ? _("nothing gained") : _("nothing lost"));
  if (concepts->len == 1)
    {
      AugurConceptCount *only = g_ptr_array_index (concepts, 0);
      const char *name = only->concept_name ? only->concept_name : only->concept_id;

      return gained
        /* Translators: "gained dog in 3 inputs" (against the first column) */
        ? g_strdup_printf (ngettext ("gained %s in %u input", "gained %s in %u inputs", only->count),
                           name, only->count)
        /* Translators: "lost dog in 3 inputs" (against the first column) */
        : g_strdup_printf (ngettext ("lost %s in %u input", "lost %s in %u inputs", only->count),
                           name, only->count);
    }
  return gained
    /* Translators: "gained 4 concepts, 9 times in all"; the first number is at least 2 */
    ? g_strdup_printf (ngettext ("gained %u concepts, %u time in all", "gained %u concepts, %u times in all",
                                 n_pairs), concepts->len, n_pairs)
    /* Translators: "lost 4 concepts, 9 times in all"; the first number is at least 2 */
    : g_strdup_printf (ngettext ("lost %u concepts, %u time in all", "lost %u concepts, %u times in all",
                                 n_pairs), concepts->len, n_pairs);
}

static char *
describe_gained_lost (GPtrArray                       *columns,
                      guint                            k,
                      const AugurCompareColumnSummary *column)
{
  g_autofree char *gained = describe_change (column->gained, column->n_gained, TRUE);
  g_autofree char *lost = describe_change (column->lost, column->n_lost, FALSE);

  /* Translators: "B: gained dog in 3 inputs, lost car in 1 input"; %1$s is the column */
  return g_strdup_printf (_("%1$s: %2$s, %3$s"),
                          augur_compare_column_name (columns, k), gained, lost);
}

/* "cat (3), dog (2)", most frequent first; NULL when there is none. */
static char *
list_concept_counts (GPtrArray *counts)
{
  g_autoptr(GString) text = NULL;

  if (counts == NULL || counts->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < MIN (counts->len, N_TOOLTIP_CONCEPTS); i++)
    {
      AugurConceptCount *count = g_ptr_array_index (counts, i);

      if (i > 0)
        g_string_append (text, _(", "));
      /* Translators: a concept and over how many inputs, e.g. "cat (3)" */
      g_string_append_printf (text, _("%s (%u)"), count->concept_name, count->count);
    }
  if (counts->len > N_TOOLTIP_CONCEPTS)
    g_string_append (text, _(", …"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_gained_lost_names (const AugurCompareColumnSummary *column)
{
  g_autofree char *gained = list_concept_counts (column->gained);
  g_autofree char *lost = list_concept_counts (column->lost);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (gained != NULL)
    /* Translators: tooltip, e.g. "Gained: cat (3), dog (2)" */
    g_ptr_array_add (parts, g_strdup_printf (_("Gained: %s"), gained));
  if (lost != NULL)
    /* Translators: tooltip, e.g. "Lost: car (1)" */
    g_ptr_array_add (parts, g_strdup_printf (_("Lost: %s"), lost));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\n", (char **) parts->pdata);
}

static char *
describe_times (GPtrArray                 *columns,
                const AugurCompareSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_timed = 0;

  for (guint k = 0; k < summary->n_columns; k++)
    n_timed += summary->columns[k].n_succeeded > 0;

  for (guint k = 0; k < summary->n_columns; k++)
    {
      const AugurCompareColumnSummary *column = &summary->columns[k];
      const char *name = augur_compare_column_name (columns, k);
      g_autofree char *seconds = NULL;

      if (k > 0)
        g_string_append (text, " · ");
      if (column->n_succeeded == 0)
        {
          /* Translators: a column without any answer in "Median time A 0.42 s · B —" */
          g_string_append_printf (text, _("%s —"), name);
          continue;
        }
      seconds = augur_compare_format_seconds (column->median_duration_ms);
      /* The mark only means something when there is another time to beat. */
      if ((int) k == summary->fastest_column && n_timed > 1)
        /* Translators: the quickest column in "Median time A 0.42 s · B 0.31 s (fastest)" */
        g_string_append_printf (text, _("%s %s (fastest)"), name, seconds);
      else
        /* Translators: a column and its median time, e.g. "A 0.42 s" */
        g_string_append_printf (text, _("%s %s"), name, seconds);
    }
  /* Translators: "Median time A 0.42 s · B 0.31 s (fastest)"; %s is the list of columns */
  return g_strdup_printf (_("Median time %s"), text->str);
}

static void
show_summary (AugurCompareStrip         *self,
              GPtrArray                 *columns,
              const AugurCompareSummary *summary)
{
  if (summary_has_concepts (summary))
    {
      add_line (self, describe_agreement (summary), NULL, NULL);
      if (summary->n_shared > 0)
        add_line (self, describe_mean_difference (summary), NULL, NULL);
      for (guint k = 1; k < summary->n_columns; k++)
        {
          g_autofree char *names = describe_gained_lost_names (&summary->columns[k]);

          add_line (self, describe_gained_lost (columns, k, &summary->columns[k]),
                    augur_compare_column_css_class (k), names);
        }
    }
  if (summary_has_times (summary))
    add_line (self, describe_times (columns, summary), NULL, NULL);
  if (self->lines->len == 0)
    add_line (self, g_strdup (_("Waiting for results…")), "dim-label", NULL);
}

/* GObject ---------------------------------------------------------------------------- */

static void
augur_compare_strip_dispose (GObject *object)
{
  AugurCompareStrip *self = AUGUR_COMPARE_STRIP (object);

  if (self->flow_box != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->flow_box));
  self->flow_box = NULL;
  g_clear_pointer (&self->lines, g_ptr_array_unref);

  G_OBJECT_CLASS (augur_compare_strip_parent_class)->dispose (object);
}

static void
augur_compare_strip_class_init (AugurCompareStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_compare_strip_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "augur-compare-strip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
augur_compare_strip_init (AugurCompareStrip *self)
{
  self->lines = g_ptr_array_new_with_free_func (g_free);

  self->flow_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->flow_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->flow_box, 4);
  gtk_flow_box_set_column_spacing (self->flow_box, 24);
  gtk_flow_box_set_row_spacing (self->flow_box, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->flow_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comparison summary"),
                                  -1);
  gtk_widget_set_parent (GTK_WIDGET (self->flow_box), GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comparison summary"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Public ----------------------------------------------------------------------------- */

GtkWidget *
augur_compare_strip_new (void)
{
  return g_object_new (AUGUR_TYPE_COMPARE_STRIP, NULL);
}

void
augur_compare_strip_set (AugurCompareStrip         *self,
                         GPtrArray                 *columns,
                         const AugurCompareSummary *summary)
{
  g_return_if_fail (AUGUR_IS_COMPARE_STRIP (self));

  remove_lines (self);
  gtk_widget_set_visible (GTK_WIDGET (self), summary != NULL);
  if (summary != NULL)
    show_summary (self, columns, summary);
}

/**
 * augur_compare_strip_dup_text:
 *
 * Returns: (transfer full): the lines shown, joined with "\n"; "" while hidden
 */
char *
augur_compare_strip_dup_text (AugurCompareStrip *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (AUGUR_IS_COMPARE_STRIP (self), NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (self->lines, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
