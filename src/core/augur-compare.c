/* augur-compare.c: aligned rows, verdicts, box matching and text diffs per input, and the
 * summary over many inputs. The exports are in augur-compare-export.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-compare"

#include <math.h>
#include <string.h>

#include "augur-compare.h"
#include "augur-concept.h"
#include "augur-input.h"
#include "augur-model-ref.h"
#include "augur-prediction.h"
#include "augur-region.h"
#include "augur-word-diff.h"

struct _AugurComparison
{
  GObject parent_instance;

  guint                index;
  guint                n_columns;
  AugurPrediction     *predictions[AUGUR_COMPARE_MAX_COLUMNS];  /* (owned) (nullable) */
  GPtrArray           *concepts[AUGUR_COMPARE_MAX_COLUMNS];     /* (owned) (nullable) ranked */
  GArray              *rows;                                    /* (owned) AugurCompareRow */
  char                *input_label;                             /* (owned) (nullable) */
  AugurCompareVerdict  verdict;
  /* Computed on first use: most inputs of a batch are never opened. */
  GArray              *box_matches[AUGUR_COMPARE_MAX_COLUMNS];  /* (owned) (nullable) */
  GPtrArray           *text_diffs[AUGUR_COMPARE_MAX_COLUMNS];   /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (AugurComparison, augur_comparison, G_TYPE_OBJECT)

/* Columns ---------------------------------------------------------------------------------- */

/**
 * augur_compare_column_new:
 * @model_ref: the model as "user/app/model"
 * @version_id: (nullable): the version; %NULL for the latest
 * @display_name: (nullable): the header; %NULL uses @version_id, else @model_ref
 *
 * Returns: (transfer full): a new column identity
 */
AugurCompareColumn *
augur_compare_column_new (const char *model_ref,
                          const char *version_id,
                          const char *display_name)
{
  AugurCompareColumn *column;

  g_return_val_if_fail (model_ref != NULL, NULL);

  column = g_new0 (AugurCompareColumn, 1);
  column->model_ref = g_strdup (model_ref);
  column->version_id = g_strdup (version_id);
  if (display_name != NULL)
    column->display_name = g_strdup (display_name);
  else
    column->display_name = g_strdup (version_id != NULL ? version_id : model_ref);
  return column;
}

/**
 * augur_compare_column_new_for_ref:
 * @ref: the model and version
 * @display_name: (nullable): as for augur_compare_column_new()
 *
 * Returns: (transfer full): a new column identity
 */
AugurCompareColumn *
augur_compare_column_new_for_ref (const AugurModelRef *ref,
                                  const char          *display_name)
{
  g_autofree char *model_ref = NULL;

  g_return_val_if_fail (ref != NULL, NULL);

  model_ref = augur_model_ref_to_model_string (ref);
  return augur_compare_column_new (model_ref, ref->version_id, display_name);
}

AugurCompareColumn *
augur_compare_column_copy (const AugurCompareColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  return augur_compare_column_new (column->model_ref, column->version_id, column->display_name);
}

void
augur_compare_column_free (AugurCompareColumn *column)
{
  if (column == NULL)
    return;
  g_free (column->model_ref);
  g_free (column->version_id);
  g_free (column->display_name);
  g_free (column);
}

const char *
augur_compare_verdict_to_string (AugurCompareVerdict verdict)
{
  switch (verdict)
    {
    case AUGUR_COMPARE_AGREE:
      return "agree";
    case AUGUR_COMPARE_DISAGREE:
      return "disagree";
    case AUGUR_COMPARE_INCOMPLETE:
      return "incomplete";
    case AUGUR_COMPARE_PENDING:
    default:
      return "pending";
    }
}

/* Concepts and boxes ----------------------------------------------------------------------- */

static int
compare_concepts_by_value (gconstpointer a,
                           gconstpointer b)
{
  double x = augur_concept_get_value (*(AugurConcept **) a);
  double y = augur_concept_get_value (*(AugurConcept **) b);

  return (x < y) - (x > y);
}

/* For a detection: each concept once, with its best value over the regions. */
static void
add_region_concepts (GPtrArray *ranked,
                     GPtrArray *regions)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < regions->len; i++)
    {
      GPtrArray *concepts = augur_region_get_concepts (g_ptr_array_index (regions, i));

      for (guint j = 0; j < concepts->len; j++)
        {
          AugurConcept *concept = g_ptr_array_index (concepts, j);
          const char *id = augur_concept_get_id (concept);
          gpointer slot;

          if (!g_hash_table_lookup_extended (by_id, id, NULL, &slot))
            {
              g_hash_table_insert (by_id, (gpointer) id, GUINT_TO_POINTER (ranked->len));
              g_ptr_array_add (ranked, g_object_ref (concept));
            }
          else if (augur_concept_get_value (concept) >
                   augur_concept_get_value (g_ptr_array_index (ranked, GPOINTER_TO_UINT (slot))))
            {
              g_object_unref (g_ptr_array_index (ranked, GPOINTER_TO_UINT (slot)));
              ranked->pdata[GPOINTER_TO_UINT (slot)] = g_object_ref (concept);
            }
        }
    }
  g_ptr_array_sort (ranked, compare_concepts_by_value);
}

/**
 * augur_compare_prediction_concepts:
 * @prediction: a successful prediction
 *
 * The concepts a comparison aligns: the prediction's own, in the order the server ranked
 * them; for a detection (no concepts of its own), the concepts of its regions, each once with
 * its best value, highest first (a stable sort, so ties keep region order).
 *
 * Returns: (transfer full) (element-type AugurConcept): the concepts; the first is the top-1
 */
GPtrArray *
augur_compare_prediction_concepts (AugurPrediction *prediction)
{
  GPtrArray *ranked = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *concepts;

  g_return_val_if_fail (AUGUR_IS_PREDICTION (prediction), ranked);

  concepts = augur_prediction_get_concepts (prediction);
  if (concepts != NULL && concepts->len > 0)
    {
      for (guint i = 0; i < concepts->len; i++)
        g_ptr_array_add (ranked, g_object_ref (g_ptr_array_index (concepts, i)));
      return ranked;
    }

  if (augur_prediction_get_regions (prediction) != NULL)
    add_region_concepts (ranked, augur_prediction_get_regions (prediction));
  return ranked;
}

/**
 * augur_compare_box_iou:
 * @a: a region
 * @b: another region
 *
 * Returns: the intersection over union of the two boxes, from 0 to 1; 0 when either region
 *   has no box
 */
double
augur_compare_box_iou (AugurRegion *a,
                       AugurRegion *b)
{
  double width, height, intersection, area_a, area_b;

  g_return_val_if_fail (AUGUR_IS_REGION (a) && AUGUR_IS_REGION (b), 0);

  if (!augur_region_has_box (a) || !augur_region_has_box (b))
    return 0;

  width = MIN (augur_region_get_right_col (a), augur_region_get_right_col (b)) -
          MAX (augur_region_get_left_col (a), augur_region_get_left_col (b));
  height = MIN (augur_region_get_bottom_row (a), augur_region_get_bottom_row (b)) -
           MAX (augur_region_get_top_row (a), augur_region_get_top_row (b));
  if (width <= 0 || height <= 0)
    return 0;

  intersection = width * height;
  area_a = (augur_region_get_right_col (a) - augur_region_get_left_col (a)) *
           (augur_region_get_bottom_row (a) - augur_region_get_top_row (a));
  area_b = (augur_region_get_right_col (b) - augur_region_get_left_col (b)) *
           (augur_region_get_bottom_row (b) - augur_region_get_top_row (b));
  if (area_a + area_b - intersection <= 0)
    return 0;
  return intersection / (area_a + area_b - intersection);
}

static const char *
region_top_concept_id (AugurRegion *region)
{
  GPtrArray *concepts = augur_region_get_concepts (region);

  if (concepts == NULL || concepts->len == 0)
    return NULL;
  return augur_concept_get_id (g_ptr_array_index (concepts, 0));
}

static int
compare_matches_by_iou (gconstpointer a,
                        gconstpointer b)
{
  const AugurBoxMatch *x = a;
  const AugurBoxMatch *y = b;

  if (x->iou != y->iou)
    return x->iou < y->iou ? 1 : -1;
  if (x->ref_region != y->ref_region)
    return x->ref_region - y->ref_region;
  return x->region - y->region;
}

/* Greedy: the best overlapping pair first, each box used once. */
static GArray *
match_boxes (GPtrArray *ref_regions,
             GPtrArray *regions)
{
  GArray *matches = g_array_new (FALSE, TRUE, sizeof (AugurBoxMatch));
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (AugurBoxMatch));
  g_autofree int *partner_of_ref = g_new (int, MAX (ref_regions->len, 1));
  g_autofree gboolean *taken = g_new0 (gboolean, MAX (regions->len, 1));

  for (guint i = 0; i < ref_regions->len; i++)
    {
      partner_of_ref[i] = -1;
      for (guint j = 0; j < regions->len; j++)
        {
          AugurBoxMatch candidate = { i, j, 0, FALSE };

          candidate.iou = augur_compare_box_iou (g_ptr_array_index (ref_regions, i),
                                                 g_ptr_array_index (regions, j));
          if (candidate.iou >= AUGUR_COMPARE_IOU_THRESHOLD)
            g_array_append_val (candidates, candidate);
        }
    }
  g_array_sort (candidates, compare_matches_by_iou);

  for (guint c = 0; c < candidates->len; c++)
    {
      AugurBoxMatch *candidate = &g_array_index (candidates, AugurBoxMatch, c);

      if (partner_of_ref[candidate->ref_region] != -1 || taken[candidate->region])
        continue;
      partner_of_ref[candidate->ref_region] = c;
      taken[candidate->region] = TRUE;
    }

  for (guint i = 0; i < ref_regions->len; i++)
    {
      AugurBoxMatch match = { i, -1, 0, FALSE };

      if (partner_of_ref[i] != -1)
        {
          match = g_array_index (candidates, AugurBoxMatch, partner_of_ref[i]);
          match.same_label =
            g_strcmp0 (region_top_concept_id (g_ptr_array_index (ref_regions, i)),
                       region_top_concept_id (g_ptr_array_index (regions, match.region))) == 0 &&
            region_top_concept_id (g_ptr_array_index (ref_regions, i)) != NULL;
        }
      g_array_append_val (matches, match);
    }
  for (guint j = 0; j < regions->len; j++)
    {
      AugurBoxMatch match = { -1, j, 0, FALSE };

      if (!taken[j])
        g_array_append_val (matches, match);
    }
  return matches;
}

/* Comparison ------------------------------------------------------------------------------- */

static void
augur_comparison_finalize (GObject *object)
{
  AugurComparison *self = AUGUR_COMPARISON (object);

  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    {
      g_clear_object (&self->predictions[k]);
      g_clear_pointer (&self->concepts[k], g_ptr_array_unref);
      g_clear_pointer (&self->box_matches[k], g_array_unref);
      g_clear_pointer (&self->text_diffs[k], g_ptr_array_unref);
    }
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->input_label, g_free);

  G_OBJECT_CLASS (augur_comparison_parent_class)->finalize (object);
}

static void
augur_comparison_class_init (AugurComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = augur_comparison_finalize;
}

static void
augur_comparison_init (AugurComparison *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (AugurCompareRow));
}

static AugurCompareCellState
cell_state (AugurPrediction *prediction)
{
  if (prediction == NULL)
    return AUGUR_COMPARE_CELL_PENDING;
  return augur_prediction_is_success (prediction) ? AUGUR_COMPARE_CELL_SUCCEEDED
                                                  : AUGUR_COMPARE_CELL_FAILED;
}

static gboolean
column_succeeded (AugurComparison *self,
                  guint            column)
{
  return cell_state (self->predictions[column]) == AUGUR_COMPARE_CELL_SUCCEEDED;
}

static AugurConcept *
top1_of (AugurComparison *self,
         guint            column)
{
  GPtrArray *concepts = self->concepts[column];

  return concepts != NULL && concepts->len > 0 ? g_ptr_array_index (concepts, 0) : NULL;
}

static const char *
top1_id (AugurComparison *self,
         guint            column)
{
  AugurConcept *top1 = top1_of (self, column);

  return top1 != NULL ? augur_concept_get_id (top1) : NULL;
}

static guint
find_or_add_row (GArray       *rows,
                 GHashTable   *by_id,
                 AugurConcept *concept)
{
  const char *id = augur_concept_get_id (concept);
  gpointer slot;
  AugurCompareRow row = { 0 };

  if (g_hash_table_lookup_extended (by_id, id, NULL, &slot))
    return GPOINTER_TO_UINT (slot);

  row.concept_id = id;
  row.concept_name = augur_concept_get_name (concept);
  row.only_in = -1;
  g_array_append_val (rows, row);
  g_hash_table_insert (by_id, (gpointer) id, GUINT_TO_POINTER (rows->len - 1));
  return rows->len - 1;
}

static guint
count_succeeded (AugurComparison *self)
{
  guint n = 0;

  for (guint k = 0; k < self->n_columns; k++)
    n += column_succeeded (self, k);
  return n;
}

/* Deltas against column 0, the top-1 marks, the "only in" mark and the sort key. */
static void
finish_row (AugurComparison *self,
            AugurCompareRow *row,
            guint            n_succeeded)
{
  guint n_present = 0;

  for (guint k = 0; k < self->n_columns; k++)
    {
      if (!row->present[k])
        continue;
      n_present++;
      row->only_in = k;
      row->max_value = n_present == 1 ? row->values[k] : MAX (row->max_value, row->values[k]);
      row->is_top1[k] = g_strcmp0 (top1_id (self, k), row->concept_id) == 0;
      if (k > 0 && row->present[0])
        {
          row->has_delta[k] = TRUE;
          row->deltas[k] = row->values[k] - row->values[0];
        }
    }
  if (n_present != 1 || n_succeeded < 2)
    row->only_in = -1;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const AugurCompareRow *x = a;
  const AugurCompareRow *y = b;

  if (x->max_value != y->max_value)
    return x->max_value < y->max_value ? 1 : -1;
  return strcmp (x->concept_id, y->concept_id);
}

static void
build_rows (AugurComparison *self)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_succeeded = count_succeeded (self);

  for (guint k = 0; k < self->n_columns; k++)
    {
      for (guint i = 0; self->concepts[k] != NULL && i < self->concepts[k]->len; i++)
        {
          AugurConcept *concept = g_ptr_array_index (self->concepts[k], i);
          guint r = find_or_add_row (self->rows, by_id, concept);   /* may move the rows */
          AugurCompareRow *row = &g_array_index (self->rows, AugurCompareRow, r);

          if (row->present[k])
            continue;   /* a concept listed twice keeps its first, higher-ranked value */
          row->present[k] = TRUE;
          row->values[k] = augur_concept_get_value (concept);
        }
    }

  for (guint i = 0; i < self->rows->len; i++)
    finish_row (self, &g_array_index (self->rows, AugurCompareRow, i), n_succeeded);
  g_array_sort (self->rows, compare_rows);
}

static AugurCompareVerdict
compute_verdict (AugurComparison *self)
{
  const char *first_top1 = NULL;
  guint n_succeeded = 0;
  gboolean pending = FALSE;
  gboolean differ = FALSE;

  for (guint k = 0; k < self->n_columns; k++)
    {
      AugurCompareCellState state = cell_state (self->predictions[k]);

      pending |= state == AUGUR_COMPARE_CELL_PENDING;
      if (state != AUGUR_COMPARE_CELL_SUCCEEDED)
        continue;
      if (n_succeeded == 0)
        first_top1 = top1_id (self, k);
      else
        differ |= g_strcmp0 (first_top1, top1_id (self, k)) != 0;
      n_succeeded++;
    }

  if (differ)
    return AUGUR_COMPARE_DISAGREE;
  if (pending)
    return AUGUR_COMPARE_PENDING;
  return n_succeeded < 2 ? AUGUR_COMPARE_INCOMPLETE : AUGUR_COMPARE_AGREE;
}

/**
 * augur_comparison_new:
 * @index: the input's position in the batch
 * @predictions: (array length=n_columns): column k's result for this input; an entry may be
 *   %NULL (pending) or a failed prediction
 * @n_columns: from %AUGUR_COMPARE_MIN_COLUMNS to %AUGUR_COMPARE_MAX_COLUMNS
 *
 * Aligns the columns' concepts (see augur_compare_prediction_concepts()) into one row per
 * concept any successful column has, ordered by the row's highest value (ties by concept id),
 * and decides the verdict. A comparison does not change: when a pending column answers, make
 * a new one.
 *
 * Returns: (transfer full): the comparison of one input
 */
AugurComparison *
augur_comparison_new (guint                   index,
                      AugurPrediction * const *predictions,
                      guint                   n_columns)
{
  AugurComparison *self;

  g_return_val_if_fail (predictions != NULL, NULL);
  g_return_val_if_fail (n_columns >= AUGUR_COMPARE_MIN_COLUMNS, NULL);
  g_return_val_if_fail (n_columns <= AUGUR_COMPARE_MAX_COLUMNS, NULL);

  self = g_object_new (AUGUR_TYPE_COMPARISON, NULL);
  self->index = index;
  self->n_columns = n_columns;
  for (guint k = 0; k < n_columns; k++)
    {
      AugurPrediction *prediction = predictions[k];
      AugurInput *input;

      if (prediction == NULL)
        continue;
      self->predictions[k] = g_object_ref (prediction);
      if (augur_prediction_is_success (prediction))
        self->concepts[k] = augur_compare_prediction_concepts (prediction);
      input = augur_prediction_get_input (prediction);
      if (self->input_label == NULL && input != NULL)
        self->input_label = augur_input_dup_description (input);
    }

  build_rows (self);
  self->verdict = compute_verdict (self);
  return self;
}

guint
augur_comparison_get_index (AugurComparison *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), 0);
  return self->index;
}

guint
augur_comparison_get_n_columns (AugurComparison *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), 0);
  return self->n_columns;
}

/**
 * augur_comparison_get_input_label:
 *
 * Returns: (nullable): the input as the user gave it (path, URL, text, or label), taken from
 *   the first prediction that knows its input
 */
const char *
augur_comparison_get_input_label (AugurComparison *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), NULL);
  return self->input_label;
}

/**
 * augur_comparison_get_prediction:
 *
 * Returns: (transfer none) (nullable): column @column's result; %NULL while pending
 */
AugurPrediction *
augur_comparison_get_prediction (AugurComparison *self,
                                 guint            column)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->predictions[column];
}

AugurCompareCellState
augur_comparison_get_cell_state (AugurComparison *self,
                                 guint            column)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), AUGUR_COMPARE_CELL_PENDING);
  g_return_val_if_fail (column < self->n_columns, AUGUR_COMPARE_CELL_PENDING);
  return cell_state (self->predictions[column]);
}

/**
 * augur_comparison_get_top1:
 *
 * Returns: (transfer none) (nullable): the first concept of column @column as ranked by the
 *   server (for detections, the best region concept); %NULL when the column did not succeed
 *   or has no concepts
 */
AugurConcept *
augur_comparison_get_top1 (AugurComparison *self,
                           guint            column)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return top1_of (self, column);
}

/**
 * augur_comparison_top1_agrees:
 *
 * Returns: %TRUE when every column that succeeded has the same top-1 (also when fewer than two
 *   succeeded; see augur_comparison_get_verdict() to tell those apart)
 */
gboolean
augur_comparison_top1_agrees (AugurComparison *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), FALSE);
  return self->verdict != AUGUR_COMPARE_DISAGREE;
}

/**
 * augur_comparison_is_complete:
 *
 * Returns: %TRUE when every column succeeded
 */
gboolean
augur_comparison_is_complete (AugurComparison *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), FALSE);
  return count_succeeded (self) == self->n_columns;
}

AugurCompareVerdict
augur_comparison_get_verdict (AugurComparison *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), AUGUR_COMPARE_PENDING);
  return self->verdict;
}

/**
 * augur_comparison_get_max_abs_delta:
 *
 * Returns: the largest |delta| over the rows, for sorting inputs by how much the versions
 *   differ; 0 when no concept is shared with column 0
 */
double
augur_comparison_get_max_abs_delta (AugurComparison *self)
{
  double max = 0;

  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const AugurCompareRow *row = &g_array_index (self->rows, AugurCompareRow, i);

      for (guint k = 1; k < self->n_columns; k++)
        if (row->has_delta[k])
          max = MAX (max, fabs (row->deltas[k]));
    }
  return max;
}

guint
augur_comparison_get_n_rows (AugurComparison *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), 0);
  return self->rows->len;
}

/**
 * augur_comparison_get_row:
 * @i: from 0 to augur_comparison_get_n_rows() - 1
 *
 * Returns: (transfer none): the row, valid as long as @self
 */
const AugurCompareRow *
augur_comparison_get_row (AugurComparison *self,
                          guint            i)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);
  return &g_array_index (self->rows, AugurCompareRow, i);
}

/**
 * augur_comparison_get_box_matches:
 * @column: a column other than 0
 *
 * Matches column @column's boxes to column 0's, greedily by intersection over union (at least
 * %AUGUR_COMPARE_IOU_THRESHOLD), each box used once. Column 0's boxes come first, in order,
 * matched or not; then the boxes only column @column has.
 *
 * Returns: (transfer none) (nullable) (element-type AugurBoxMatch): the matches; %NULL for
 *   column 0 or when either column did not succeed
 */
GArray *
augur_comparison_get_box_matches (AugurComparison *self,
                                  guint            column)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  if (column == 0 || !column_succeeded (self, 0) || !column_succeeded (self, column))
    return NULL;
  if (self->box_matches[column] == NULL)
    self->box_matches[column] =
      match_boxes (augur_prediction_get_regions (self->predictions[0]),
                   augur_prediction_get_regions (self->predictions[column]));
  return self->box_matches[column];
}

/**
 * augur_comparison_get_text:
 *
 * Returns: (nullable): the text column @column wrote; %NULL when it did not succeed or
 *   wrote none
 */
const char *
augur_comparison_get_text (AugurComparison *self,
                           guint            column)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  if (!column_succeeded (self, column))
    return NULL;
  return augur_prediction_get_text (self->predictions[column]);
}

/**
 * augur_comparison_get_text_chars:
 *
 * Returns: the length of column @column's text in characters (code points); 0 without text
 */
guint
augur_comparison_get_text_chars (AugurComparison *self,
                                 guint            column)
{
  const char *text = augur_comparison_get_text (self, column);

  if (text == NULL)
    return 0;
  /* g_utf8_strlen() could read past the end of invalid text */
  if (!g_utf8_validate (text, -1, NULL))
    return strlen (text);
  return g_utf8_strlen (text, -1);
}

/**
 * augur_comparison_get_text_words:
 *
 * Returns: the number of words in column @column's text, counted as augur_word_count() does
 */
guint
augur_comparison_get_text_words (AugurComparison *self,
                                 guint            column)
{
  return augur_word_count (augur_comparison_get_text (self, column));
}

/**
 * augur_comparison_get_text_diff:
 * @column: a column other than 0
 *
 * Returns: (transfer none) (nullable) (element-type AugurDiffSegment): the word diff of
 *   column 0's text (old) against column @column's (new), computed on first use; %NULL for
 *   column 0 or when either column did not succeed
 */
GPtrArray *
augur_comparison_get_text_diff (AugurComparison *self,
                                guint            column)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  if (column == 0 || !column_succeeded (self, 0) || !column_succeeded (self, column))
    return NULL;
  if (self->text_diffs[column] == NULL)
    self->text_diffs[column] = augur_word_diff (augur_comparison_get_text (self, 0),
                                                augur_comparison_get_text (self, column));
  return self->text_diffs[column];
}

/**
 * augur_comparison_get_duration_ms:
 *
 * Returns: how long column @column's request took, in milliseconds; 0 while pending
 */
double
augur_comparison_get_duration_ms (AugurComparison *self,
                                  guint            column)
{
  g_return_val_if_fail (AUGUR_IS_COMPARISON (self), 0);
  g_return_val_if_fail (column < self->n_columns, 0);

  if (self->predictions[column] == NULL)
    return 0;
  return augur_prediction_get_duration_ms (self->predictions[column]);
}

/**
 * augur_compare_results:
 * @results: (array length=n_columns): per column, the results in input order, as
 *   augur_batch_get_results() gives them (a %NULL slot is pending); a %NULL array is a
 *   column that has not started
 * @n_columns: from %AUGUR_COMPARE_MIN_COLUMNS to %AUGUR_COMPARE_MAX_COLUMNS
 *
 * Returns: (transfer full) (element-type AugurComparison): one comparison per input, as many
 *   as the longest column
 */
GPtrArray *
augur_compare_results (GPtrArray * const *results,
                       guint              n_columns)
{
  GPtrArray *comparisons = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_inputs = 0;

  g_return_val_if_fail (results != NULL, comparisons);
  g_return_val_if_fail (n_columns >= AUGUR_COMPARE_MIN_COLUMNS, comparisons);
  g_return_val_if_fail (n_columns <= AUGUR_COMPARE_MAX_COLUMNS, comparisons);

  for (guint k = 0; k < n_columns; k++)
    if (results[k] != NULL)
      n_inputs = MAX (n_inputs, results[k]->len);

  for (guint i = 0; i < n_inputs; i++)
    {
      AugurPrediction *predictions[AUGUR_COMPARE_MAX_COLUMNS] = { NULL };

      for (guint k = 0; k < n_columns; k++)
        if (results[k] != NULL && i < results[k]->len)
          predictions[k] = g_ptr_array_index (results[k], i);
      g_ptr_array_add (comparisons, augur_comparison_new (i, predictions, n_columns));
    }
  return comparisons;
}

/* Summary ---------------------------------------------------------------------------------- */

static void
concept_count_free (AugurConceptCount *count)
{
  g_free (count->concept_id);
  g_free (count->concept_name);
  g_free (count);
}

static void
count_concept (GHashTable            *counts,
               const AugurCompareRow *row)
{
  AugurConceptCount *count = g_hash_table_lookup (counts, row->concept_id);

  if (count == NULL)
    {
      count = g_new0 (AugurConceptCount, 1);
      count->concept_id = g_strdup (row->concept_id);
      count->concept_name = g_strdup (row->concept_name);
      g_hash_table_insert (counts, count->concept_id, count);
    }
  count->count++;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const AugurConceptCount *x = *(AugurConceptCount **) a;
  const AugurConceptCount *y = *(AugurConceptCount **) b;

  if (x->count != y->count)
    return x->count < y->count ? 1 : -1;
  return g_strcmp0 (x->concept_name, y->concept_name);
}

/* Returns: (transfer full): the counts, most frequent first; @counts keeps nothing */
static GPtrArray *
sorted_counts (GHashTable *counts)
{
  GPtrArray *sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) concept_count_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_hash_table_steal_all (counts);
  g_ptr_array_sort (sorted, compare_counts);
  return sorted;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

/* Accumulators for one column while summarizing. */
typedef struct
{
  GArray     *durations;   /* double */
  GHashTable *gained;      /* concept id -> AugurConceptCount */
  GHashTable *lost;
  double      abs_delta_sum;
} ColumnTally;

static void
tally_cells (AugurCompareSummary *summary,
             AugurComparison     *comparison,
             ColumnTally         *tallies)
{
  for (guint k = 0; k < summary->n_columns; k++)
    {
      AugurCompareColumnSummary *column = &summary->columns[k];
      double duration;

      switch (cell_state (comparison->predictions[k]))
        {
        case AUGUR_COMPARE_CELL_SUCCEEDED:
          column->n_succeeded++;
          duration = augur_prediction_get_duration_ms (comparison->predictions[k]);
          g_array_append_val (tallies[k].durations, duration);
          break;
        case AUGUR_COMPARE_CELL_FAILED:
          column->n_failed++;
          break;
        case AUGUR_COMPARE_CELL_PENDING:
        default:
          column->n_pending++;
          break;
        }
    }
}

/* Shared, gained and lost concepts of column @k against column 0, for one input. */
static void
tally_rows (AugurComparison           *comparison,
            guint                      k,
            AugurCompareColumnSummary *column,
            ColumnTally               *tally)
{
  for (guint i = 0; i < comparison->rows->len; i++)
    {
      const AugurCompareRow *row = &g_array_index (comparison->rows, AugurCompareRow, i);

      if (row->has_delta[k])
        {
          column->n_shared++;
          tally->abs_delta_sum += fabs (row->deltas[k]);
        }
      else if (row->present[k])
        {
          column->n_gained++;
          count_concept (tally->gained, row);
        }
      else if (row->present[0])
        {
          column->n_lost++;
          count_concept (tally->lost, row);
        }
    }
}

static void
tally_comparison (AugurCompareSummary *summary,
                  AugurComparison     *comparison,
                  ColumnTally         *tallies)
{
  tally_cells (summary, comparison, tallies);

  if (augur_comparison_is_complete (comparison))
    {
      summary->n_complete++;
      summary->n_agree += comparison->verdict == AUGUR_COMPARE_AGREE;
    }
  if (comparison->verdict == AUGUR_COMPARE_DISAGREE)
    g_array_append_val (summary->disagreeing, comparison->index);

  if (!column_succeeded (comparison, 0))
    return;
  for (guint k = 1; k < summary->n_columns; k++)
    if (column_succeeded (comparison, k))
      tally_rows (comparison, k, &summary->columns[k], &tallies[k]);
}

static void
finish_summary (AugurCompareSummary *summary,
                ColumnTally         *tallies)
{
  double abs_delta_sum = 0;
  double fastest_median = 0;

  summary->top1_agreement = summary->n_complete > 0
                            ? (double) summary->n_agree / summary->n_complete : 0;
  for (guint k = 0; k < summary->n_columns; k++)
    {
      AugurCompareColumnSummary *column = &summary->columns[k];

      column->median_duration_ms = median (tallies[k].durations);
      column->mean_abs_delta = column->n_shared > 0
                               ? tallies[k].abs_delta_sum / column->n_shared : 0;
      column->gained = sorted_counts (tallies[k].gained);
      column->lost = sorted_counts (tallies[k].lost);
      summary->n_shared += column->n_shared;
      abs_delta_sum += tallies[k].abs_delta_sum;

      if (column->n_succeeded > 0 &&
          (summary->fastest_column < 0 ||
           column->median_duration_ms < fastest_median))
        {
          summary->fastest_column = k;
          fastest_median = column->median_duration_ms;
        }
    }
  summary->mean_abs_delta = summary->n_shared > 0 ? abs_delta_sum / summary->n_shared : 0;
  g_array_sort (summary->disagreeing, compare_uints);
}

/**
 * augur_compare_summarize:
 * @comparisons: (element-type AugurComparison): the inputs, all with the same columns
 *
 * Linear in the number of inputs and rows (plus sorting the durations). Inputs where a
 * column failed or is pending count for that column's state only: agreement is over the
 * inputs where every column succeeded, and deltas, gains and losses of column k over the
 * inputs where column 0 and column k both succeeded.
 *
 * Returns: (transfer full): the summary; free with augur_compare_summary_free()
 */
AugurCompareSummary *
augur_compare_summarize (GPtrArray *comparisons)
{
  AugurCompareSummary *summary = g_new0 (AugurCompareSummary, 1);
  ColumnTally tallies[AUGUR_COMPARE_MAX_COLUMNS];

  summary->disagreeing = g_array_new (FALSE, FALSE, sizeof (guint));
  summary->fastest_column = -1;
  g_return_val_if_fail (comparisons != NULL, summary);

  summary->n_inputs = comparisons->len;
  if (comparisons->len > 0)
    summary->n_columns = augur_comparison_get_n_columns (g_ptr_array_index (comparisons, 0));
  for (guint i = 0; i < comparisons->len; i++)
    {
      AugurComparison *comparison = g_ptr_array_index (comparisons, i);

      g_return_val_if_fail (AUGUR_IS_COMPARISON (comparison), summary);
      g_return_val_if_fail (comparison->n_columns == summary->n_columns, summary);
    }

  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    {
      tallies[k].durations = g_array_new (FALSE, FALSE, sizeof (double));
      tallies[k].gained = g_hash_table_new (g_str_hash, g_str_equal);
      tallies[k].lost = g_hash_table_new (g_str_hash, g_str_equal);
      tallies[k].abs_delta_sum = 0;
    }

  for (guint i = 0; i < comparisons->len; i++)
    tally_comparison (summary, g_ptr_array_index (comparisons, i), tallies);
  finish_summary (summary, tallies);

  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    {
      g_array_unref (tallies[k].durations);
      g_hash_table_destroy (tallies[k].gained);
      g_hash_table_destroy (tallies[k].lost);
    }
  return summary;
}

void
augur_compare_summary_free (AugurCompareSummary *summary)
{
  if (summary == NULL)
    return;
  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    {
      g_clear_pointer (&summary->columns[k].gained, g_ptr_array_unref);
      g_clear_pointer (&summary->columns[k].lost, g_ptr_array_unref);
    }
  g_clear_pointer (&summary->disagreeing, g_array_unref);
  g_free (summary);
}
