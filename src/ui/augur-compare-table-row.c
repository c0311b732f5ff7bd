/* augur-compare-table-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-compare-table-row"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "augur-batch-view-state.h"
#include "augur-compare-table-row.h"
#include "augur-concept-bars.h"

typedef AugurCompareTableCellSpec CellSpec;

/* Rows never change: an update splices in a new row, so that the table's filter and sorter
 * look at it again and its cells are bound again. */
struct _AugurCompareTableRow
{
  GObject          parent_instance;

  guint            index;
  char            *label;       /* (owned): a GRefString shared by the row's versions */
  char            *sort_key;    /* (owned): a GRefString, the label's collation key */
  AugurComparison *comparison;  /* (owned) (nullable): NULL until the first answer */
};

G_DEFINE_FINAL_TYPE (AugurCompareTableRow, augur_compare_table_row, G_TYPE_OBJECT)

static void
augur_compare_table_row_finalize (GObject *object)
{
  AugurCompareTableRow *self = (AugurCompareTableRow *)object;

  g_clear_pointer (&self->label, g_ref_string_release);
  g_clear_pointer (&self->sort_key, g_ref_string_release);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (augur_compare_table_row_parent_class)->finalize (object);
}

static void
augur_compare_table_row_class_init (AugurCompareTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = augur_compare_table_row_finalize;
}

static void
augur_compare_table_row_init (AugurCompareTableRow *self)
{
}

AugurCompareTableRow *
augur_compare_table_row_new (guint       index,
                             AugurInput *input)
{
  AugurCompareTableRow *row;
  const char *label;
  g_autofree char *fallback = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (input == NULL || AUGUR_IS_INPUT (input), NULL);

  label = input != NULL ? augur_input_get_label (input) : NULL;
  if (label == NULL)
    /* Translators: the name of an input the table knows nothing about, e.g. "Input 4" */
    label = fallback = g_strdup_printf (_("Input %u"), index + 1);

  row = g_object_new (AUGUR_TYPE_COMPARE_TABLE_ROW, NULL);
  row->index = index;
  row->label = g_ref_string_new (label);
  key = g_utf8_collate_key_for_filename (row->label, -1);
  row->sort_key = g_ref_string_new (key);
  return row;
}

AugurCompareTableRow *
augur_compare_table_row_new_answered (AugurCompareTableRow *before,
                                      AugurComparison      *comparison)
{
  AugurCompareTableRow *row;

  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE_ROW (before), NULL);
  g_return_val_if_fail (AUGUR_IS_COMPARISON (comparison), NULL);

  row = g_object_new (AUGUR_TYPE_COMPARE_TABLE_ROW, NULL);

  row->index = before->index;
  row->label = g_ref_string_acquire (before->label);
  row->sort_key = g_ref_string_acquire (before->sort_key);
  row->comparison = g_object_ref (comparison);
  return row;
}

guint
augur_compare_table_row_get_index (AugurCompareTableRow *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE_ROW (self), 0);

  return self->index;
}

const char *
augur_compare_table_row_get_label (AugurCompareTableRow *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE_ROW (self), NULL);

  return self->label;
}

AugurComparison *
augur_compare_table_row_get_comparison (AugurCompareTableRow *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE_ROW (self), NULL);

  return self->comparison;
}

gboolean
augur_compare_table_row_disagrees (AugurCompareTableRow *row)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE_ROW (row), FALSE);

  return row->comparison != NULL &&
         augur_comparison_get_verdict (row->comparison) == AUGUR_COMPARE_DISAGREE;
}

/* Cell texts --------------------------------------------------------------------------- */

static guint
count_boxes (AugurPrediction *prediction)
{
  GPtrArray *regions = augur_prediction_get_regions (prediction);
  guint n_boxes = 0;

  for (guint i = 0; regions != NULL && i < regions->len; i++)
    n_boxes += augur_region_has_box (g_ptr_array_index (regions, i)) ? 1 : 0;
  return n_boxes;
}

static char *
dup_concept_text (AugurConcept *concept)
{
  g_autofree char *percent = augur_format_percent (augur_concept_get_value (concept));

  /* Translators: a column's top concept in the compare table, e.g. "cat 91%" */
  return g_strdup_printf (_("%s %s"), augur_concept_get_name (concept), percent);
}

/* The top-1 concept when the cell shows it alone: a classifier that answered. */
static AugurConcept *
shown_concept (AugurCompareTableRow *row,
               guint                 column)
{
  GPtrArray *own_concepts;

  if (row->comparison == NULL || column >= augur_comparison_get_n_columns (row->comparison) ||
      augur_comparison_get_cell_state (row->comparison, column) != AUGUR_COMPARE_CELL_SUCCEEDED)
    return NULL;

  own_concepts = augur_prediction_get_concepts (augur_comparison_get_prediction (row->comparison,
                                                                                  column));
  if (own_concepts == NULL || own_concepts->len == 0)
    return NULL;
  return augur_comparison_get_top1 (row->comparison, column);
}

/* A detector's boxes (and the top-1 that decides the verdict), a text's first line. */
static char *
dup_success_text (AugurComparison *comparison,
                  guint            column)
{
  AugurPrediction *prediction = augur_comparison_get_prediction (comparison, column);
  AugurConcept *top1 = augur_comparison_get_top1 (comparison, column);
  guint n_boxes = count_boxes (prediction);
  g_autofree char *summary = NULL;
  g_autofree char *boxes = NULL;
  g_autofree char *concept = NULL;

  if (n_boxes > 0)
    {
      /* Translators: a detection result in the compare table, e.g. "3 boxes" */
      boxes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u box", "%u boxes", n_boxes),
                               n_boxes);
      if (top1 == NULL)
        return g_steal_pointer (&boxes);
      concept = dup_concept_text (top1);
      /* Translators: boxes and the best concept, e.g. "3 boxes (person 91%)" */
      return g_strdup_printf (_("%s (%s)"), boxes, concept);
    }

  summary = augur_batch_view_state_summary (prediction);
  if (summary != NULL)
    return g_steal_pointer (&summary);
  if (top1 != NULL)
    return dup_concept_text (top1);

  /* Translators: a column of the compare table answered with nothing to show */
  return g_strdup (_("Nothing found"));
}

static char *
dup_result_text (AugurCompareTableRow *row,
                 guint                 column)
{
  AugurConcept *concept = shown_concept (row, column);
  AugurPrediction *prediction;

  if (concept != NULL)
    return dup_concept_text (concept);
  if (row->comparison == NULL || column >= augur_comparison_get_n_columns (row->comparison))
    return g_strdup ("…");

  switch (augur_comparison_get_cell_state (row->comparison, column))
    {
    case AUGUR_COMPARE_CELL_SUCCEEDED:
      return dup_success_text (row->comparison, column);
    case AUGUR_COMPARE_CELL_FAILED:
      prediction = augur_comparison_get_prediction (row->comparison, column);
      return augur_batch_view_state_status_text (AUGUR_BATCH_ROW_FAILED, prediction);
    case AUGUR_COMPARE_CELL_PENDING:
    default:
      return g_strdup ("…");
    }
}

/* Deltas are against column 0, so they exist once it and another column succeeded. */
static gboolean
row_has_delta (AugurCompareTableRow *row)
{
  guint n_columns;

  if (row->comparison == NULL ||
      augur_comparison_get_cell_state (row->comparison, 0) != AUGUR_COMPARE_CELL_SUCCEEDED)
    return FALSE;

  n_columns = augur_comparison_get_n_columns (row->comparison);
  for (guint k = 1; k < n_columns; k++)
    if (augur_comparison_get_cell_state (row->comparison, k) == AUGUR_COMPARE_CELL_SUCCEEDED)
      return TRUE;
  return FALSE;
}

static char *
dup_max_delta_text (AugurCompareTableRow *row)
{
  int points;

  if (!row_has_delta (row))
    {
      if (row->comparison != NULL &&
          augur_comparison_get_verdict (row->comparison) != AUGUR_COMPARE_PENDING)
        return g_strdup ("—");
      return g_strdup ("…");
    }

  points = (int) round (augur_comparison_get_max_abs_delta (row->comparison) * 100);
  /* Translators: the largest difference between two versions' values, in percentage
   * points, e.g. "36 points" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d point", "%d points", points),
                          points);
}

static AugurCompareVerdict
row_verdict (AugurCompareTableRow *row)
{
  return row->comparison != NULL ? augur_comparison_get_verdict (row->comparison)
                                 : AUGUR_COMPARE_PENDING;
}

static const char *
verdict_text (AugurCompareVerdict verdict)
{
  switch (verdict)
    {
    case AUGUR_COMPARE_AGREE:
      /* Translators: verdict of the compare table: every version has the same top concept */
      return _("Agree");
    case AUGUR_COMPARE_DISAGREE:
      /* Translators: verdict of the compare table: the versions' top concepts differ */
      return _("Disagree");
    case AUGUR_COMPARE_INCOMPLETE:
      /* Translators: verdict of the compare table: too few versions answered to compare */
      return _("Incomplete");
    case AUGUR_COMPARE_PENDING:
    default:
      /* Translators: verdict of the compare table: some versions have not answered yet */
      return _("Waiting");
    }
}

char *
augur_compare_table_row_dup_cell_text (AugurCompareTableRow *row,
                                       const CellSpec       *spec)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE_ROW (row), NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  switch (spec->kind)
    {
    case AUGUR_COMPARE_TABLE_CELL_INDEX:
      return g_strdup_printf ("%u", row->index + 1);
    case AUGUR_COMPARE_TABLE_CELL_NAME:
      return g_strdup (row->label);
    case AUGUR_COMPARE_TABLE_CELL_RESULT:
      return dup_result_text (row, spec->column);
    case AUGUR_COMPARE_TABLE_CELL_MAX_DELTA:
      return dup_max_delta_text (row);
    case AUGUR_COMPARE_TABLE_CELL_VERDICT:
    default:
      return g_strdup (verdict_text (row_verdict (row)));
    }
}

/* The style a cell's label gets: numbers line up, failures and disagreements stand out. */
const char *
augur_compare_table_row_get_cell_style (AugurCompareTableRow *row,
                                        const CellSpec       *spec)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE_ROW (row), NULL);
  g_return_val_if_fail (spec != NULL, NULL);

  switch (spec->kind)
    {
    case AUGUR_COMPARE_TABLE_CELL_INDEX:
    case AUGUR_COMPARE_TABLE_CELL_MAX_DELTA:
      return "numeric";
    case AUGUR_COMPARE_TABLE_CELL_RESULT:
      if (row->comparison == NULL ||
          spec->column >= augur_comparison_get_n_columns (row->comparison))
        return "dim-label";
      switch (augur_comparison_get_cell_state (row->comparison, spec->column))
        {
        case AUGUR_COMPARE_CELL_FAILED:
          return "error";
        case AUGUR_COMPARE_CELL_PENDING:
          return "dim-label";
        case AUGUR_COMPARE_CELL_SUCCEEDED:
        default:
          return NULL;
        }
    case AUGUR_COMPARE_TABLE_CELL_VERDICT:
      return augur_compare_table_row_disagrees (row) ? "compare-disagree" : NULL;
    case AUGUR_COMPARE_TABLE_CELL_NAME:
    default:
      return NULL;
    }
}

/* Sorting ------------------------------------------------------------------------------ */

static int
compare_double (double a,
                double b)
{
  return (a > b) - (a < b);
}

/* Rows without a value sort below every value: pending below failed below "nothing". */
static double
result_sort_value (AugurCompareTableRow *row,
                   guint                 column)
{
  AugurConcept *top1;

  if (row->comparison == NULL || column >= augur_comparison_get_n_columns (row->comparison))
    return -3;

  switch (augur_comparison_get_cell_state (row->comparison, column))
    {
    case AUGUR_COMPARE_CELL_SUCCEEDED:
      top1 = augur_comparison_get_top1 (row->comparison, column);
      return top1 != NULL ? augur_concept_get_value (top1) : -1;
    case AUGUR_COMPARE_CELL_FAILED:
      return -2;
    case AUGUR_COMPARE_CELL_PENDING:
    default:
      return -3;
    }
}

/* Rows without a delta sort below every delta. */
static double
delta_sort_value (AugurCompareTableRow *row)
{
  return row_has_delta (row) ? augur_comparison_get_max_abs_delta (row->comparison) : -1;
}

/* Ascending puts the disagreements first: they are what the user came to review. */
static int
verdict_rank (AugurCompareVerdict verdict)
{
  switch (verdict)
    {
    case AUGUR_COMPARE_DISAGREE:
      return 0;
    case AUGUR_COMPARE_INCOMPLETE:
      return 1;
    case AUGUR_COMPARE_AGREE:
      return 2;
    case AUGUR_COMPARE_PENDING:
    default:
      return 3;
    }
}

int
augur_compare_table_row_compare (AugurCompareTableRow *a,
                                 AugurCompareTableRow *b,
                                 const CellSpec       *spec)
{
  int result = 0;

  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE_ROW (a), 0);
  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE_ROW (b), 0);
  g_return_val_if_fail (spec != NULL, 0);

  switch (spec->kind)
    {
    case AUGUR_COMPARE_TABLE_CELL_NAME:
      result = strcmp (a->sort_key, b->sort_key);
      break;
    case AUGUR_COMPARE_TABLE_CELL_RESULT:
      result = compare_double (result_sort_value (a, spec->column),
                               result_sort_value (b, spec->column));
      break;
    case AUGUR_COMPARE_TABLE_CELL_MAX_DELTA:
      result = compare_double (delta_sort_value (a), delta_sort_value (b));
      break;
    case AUGUR_COMPARE_TABLE_CELL_VERDICT:
      result = verdict_rank (row_verdict (a)) - verdict_rank (row_verdict (b));
      break;
    case AUGUR_COMPARE_TABLE_CELL_INDEX:
    default:
      break;
    }

  /* Ties fall back to the input order, so equal rows never trade places between sorts. */
  return result != 0 ? result : (a->index > b->index) - (a->index < b->index);
}

/* Accessible label --------------------------------------------------------------------- */

static const char *
column_name (GPtrArray *columns,
             guint      column)
{
  AugurCompareColumn *compare_column = g_ptr_array_index (columns, column);

  return compare_column->display_name != NULL ? compare_column->display_name : "";
}

/* What a screen reader says for a column's cell, e.g. "A cat, 91 percent". */
static char *
dup_result_accessible (AugurCompareTableRow *row,
                       GPtrArray            *columns,
                       guint                 column)
{
  AugurConcept *top1 = shown_concept (row, column);
  g_autofree char *text = NULL;

  if (top1 != NULL)
    text = augur_format_percent_accessible (augur_concept_get_name (top1),
                                            augur_concept_get_value (top1));
  else if (row->comparison != NULL && column < augur_comparison_get_n_columns (row->comparison) &&
           augur_comparison_get_cell_state (row->comparison, column) != AUGUR_COMPARE_CELL_PENDING)
    text = dup_result_text (row, column);
  else
    /* Translators: a version that has not answered yet, in a row's accessible label */
    text = g_strdup (_("waiting"));

  /* Translators: one version's result in a row's accessible label, "A cat, 91 percent" */
  return g_strdup_printf (_("%s %s"), column_name (columns, column), text);
}

char *
augur_compare_table_row_dup_accessible_label (AugurCompareTableRow *row,
                                              GPtrArray            *columns)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *delta = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE_ROW (row), NULL);
  g_return_val_if_fail (columns != NULL, NULL);

  for (guint k = 0; k < columns->len; k++)
    g_ptr_array_add (parts, dup_result_accessible (row, columns, k));
  if (row_has_delta (row))
    {
      delta = dup_max_delta_text (row);
      /* Translators: in a row's accessible label, e.g. "largest difference 36 points" */
      g_ptr_array_add (parts, g_strdup_printf (_("largest difference %s"), delta));
    }
  g_ptr_array_add (parts, g_strdup (verdict_text (row_verdict (row))));
  g_ptr_array_add (parts, NULL);

  joined = g_strjoinv ("; ", (char **) parts->pdata);
  /* Translators: a row's accessible label: the input, then what each version says */
  return g_strdup_printf (_("%s: %s"), row->label, joined);
}
