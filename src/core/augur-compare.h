/* augur-compare.h: the same inputs through 2–4 models or versions, side by side. For each
 * input: concepts aligned by id with signed deltas against the first column (the reference),
 * top-1 agreement, matched boxes for detectors and word diffs for text. Over many inputs: a
 * summary (agreement, mean delta, concepts gained and lost, median latency) and the list of
 * inputs whose versions disagree. Exports as CSV and JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

#define AUGUR_COMPARE_MIN_COLUMNS 2
#define AUGUR_COMPARE_MAX_COLUMNS 4
/* Two boxes are the same object when their intersection over union reaches this. */
#define AUGUR_COMPARE_IOU_THRESHOLD 0.5

/**
 * AugurCompareColumn:
 * @model_ref: the model as "user/app/model", without the version
 * @version_id: (nullable): the version, or %NULL for the latest
 * @display_name: what column headers show, e.g. "A" or "v2"
 *
 * Which model and version a column shows.
 */
typedef struct
{
  char *model_ref;
  char *version_id;
  char *display_name;
} AugurCompareColumn;

AugurCompareColumn *augur_compare_column_new         (const char          *model_ref,
                                                      const char          *version_id,
                                                      const char          *display_name);
AugurCompareColumn *augur_compare_column_new_for_ref (const AugurModelRef *ref,
                                                      const char          *display_name);
AugurCompareColumn *augur_compare_column_copy        (const AugurCompareColumn *column);
void                augur_compare_column_free        (AugurCompareColumn  *column);

/**
 * AugurCompareCellState:
 * @AUGUR_COMPARE_CELL_PENDING: no answer yet for this input in this column
 * @AUGUR_COMPARE_CELL_SUCCEEDED: the column has a result
 * @AUGUR_COMPARE_CELL_FAILED: the column met an error for this input
 */
typedef enum {
  AUGUR_COMPARE_CELL_PENDING,
  AUGUR_COMPARE_CELL_SUCCEEDED,
  AUGUR_COMPARE_CELL_FAILED,
} AugurCompareCellState;

/**
 * AugurCompareVerdict:
 * @AUGUR_COMPARE_PENDING: a column has no answer yet, and those that have agree so far
 * @AUGUR_COMPARE_AGREE: every column that succeeded (at least two) has the same top-1
 * @AUGUR_COMPARE_DISAGREE: two columns that succeeded have different top-1 concepts
 * @AUGUR_COMPARE_INCOMPLETE: all answered, but fewer than two columns succeeded
 */
typedef enum {
  AUGUR_COMPARE_PENDING,
  AUGUR_COMPARE_AGREE,
  AUGUR_COMPARE_DISAGREE,
  AUGUR_COMPARE_INCOMPLETE,
} AugurCompareVerdict;

const char *augur_compare_verdict_to_string (AugurCompareVerdict verdict);

/**
 * AugurCompareRow:
 * @concept_id: the concept (owned by the comparison)
 * @concept_name: its name, from the first column that has it (owned by the comparison)
 * @present: whether column k has the concept
 * @values: column k's value, 0 when absent
 * @has_delta: %TRUE for k > 0 when column k and column 0 both have the concept
 * @deltas: values[k] - values[0] when @has_delta, else 0
 * @is_top1: whether this concept is column k's top-1
 * @only_in: the one column that has the concept when at least two columns succeeded and only
 *   one of them has it; -1 otherwise
 * @max_value: the largest of @values, which orders the rows
 *
 * One concept across the columns of one input.
 */
typedef struct
{
  const char *concept_id;
  const char *concept_name;
  gboolean    present[AUGUR_COMPARE_MAX_COLUMNS];
  double      values[AUGUR_COMPARE_MAX_COLUMNS];
  gboolean    has_delta[AUGUR_COMPARE_MAX_COLUMNS];
  double      deltas[AUGUR_COMPARE_MAX_COLUMNS];
  gboolean    is_top1[AUGUR_COMPARE_MAX_COLUMNS];
  int         only_in;
  double      max_value;
} AugurCompareRow;

/**
 * AugurBoxMatch:
 * @ref_region: index of the box in column 0's regions, or -1 when only column k has it
 * @region: index of the box in column k's regions, or -1 when only column 0 has it
 * @iou: intersection over union of the two boxes; 0 when one side is missing
 * @same_label: both boxes are there and have the same top concept
 */
typedef struct
{
  int      ref_region;
  int      region;
  double   iou;
  gboolean same_label;
} AugurBoxMatch;

#define AUGUR_TYPE_COMPARISON (augur_comparison_get_type ())
G_DECLARE_FINAL_TYPE (AugurComparison, augur_comparison, AUGUR, COMPARISON, GObject)

AugurComparison      *augur_comparison_new            (guint                  index,
                                                       AugurPrediction * const *predictions,
                                                       guint                  n_columns);
guint                 augur_comparison_get_index      (AugurComparison       *self);
guint                 augur_comparison_get_n_columns  (AugurComparison       *self);
const char           *augur_comparison_get_input_label (AugurComparison      *self);
AugurPrediction      *augur_comparison_get_prediction (AugurComparison       *self,
                                                       guint                  column);
AugurCompareCellState augur_comparison_get_cell_state (AugurComparison       *self,
                                                       guint                  column);
AugurConcept         *augur_comparison_get_top1       (AugurComparison       *self,
                                                       guint                  column);
gboolean              augur_comparison_top1_agrees    (AugurComparison       *self);
gboolean              augur_comparison_is_complete    (AugurComparison       *self);
AugurCompareVerdict   augur_comparison_get_verdict    (AugurComparison       *self);
double                augur_comparison_get_max_abs_delta (AugurComparison    *self);
guint                 augur_comparison_get_n_rows     (AugurComparison       *self);
const AugurCompareRow *augur_comparison_get_row       (AugurComparison       *self,
                                                       guint                  i);
GArray               *augur_comparison_get_box_matches (AugurComparison      *self,
                                                        guint                 column);
const char           *augur_comparison_get_text       (AugurComparison       *self,
                                                       guint                  column);
guint                 augur_comparison_get_text_chars (AugurComparison       *self,
                                                       guint                  column);
guint                 augur_comparison_get_text_words (AugurComparison       *self,
                                                       guint                  column);
GPtrArray            *augur_comparison_get_text_diff  (AugurComparison       *self,
                                                       guint                  column);
double                augur_comparison_get_duration_ms (AugurComparison      *self,
                                                        guint                 column);

GPtrArray            *augur_compare_results           (GPtrArray * const     *results,
                                                       guint                  n_columns);
GPtrArray            *augur_compare_prediction_concepts (AugurPrediction     *prediction);
double                augur_compare_box_iou           (AugurRegion           *a,
                                                       AugurRegion           *b);

/**
 * AugurConceptCount:
 * @concept_id: the concept
 * @concept_name: its name
 * @count: over how many inputs
 */
typedef struct
{
  char  *concept_id;
  char  *concept_name;
  guint  count;
} AugurConceptCount;

/**
 * AugurCompareColumnSummary:
 * @n_succeeded: inputs this column has a result for
 * @n_failed: inputs this column failed on
 * @n_pending: inputs still waiting
 * @median_duration_ms: median of augur_prediction_get_duration_ms() over the results; 0 when
 *   there is none
 * @n_shared: (input, concept) pairs in both this column and column 0 (0 for column 0)
 * @mean_abs_delta: mean |value - reference value| over those pairs; 0 when there is none
 * @n_gained: (input, concept) pairs this column has and column 0 lacks, over inputs where
 *   both succeeded
 * @n_lost: (input, concept) pairs column 0 has and this column lacks, likewise
 * @gained: (element-type AugurConceptCount): the distinct gained concepts, most frequent
 *   first (ties by name)
 * @lost: (element-type AugurConceptCount): the distinct lost concepts, likewise
 */
typedef struct
{
  guint      n_succeeded;
  guint      n_failed;
  guint      n_pending;
  double     median_duration_ms;
  guint      n_shared;
  double     mean_abs_delta;
  guint      n_gained;
  guint      n_lost;
  GPtrArray *gained;
  GPtrArray *lost;
} AugurCompareColumnSummary;

/**
 * AugurCompareSummary:
 * @n_columns: columns compared
 * @n_inputs: inputs compared
 * @n_complete: inputs where every column succeeded
 * @n_agree: of those, the inputs where every column has the same top-1
 * @top1_agreement: @n_agree / @n_complete, from 0 to 1; 0 when @n_complete is 0
 * @n_shared: (input, concept, column) triples shared with column 0, over columns 1..n-1
 * @mean_abs_delta: mean |delta| over those triples; 0 when there is none
 * @fastest_column: the column with the lowest median duration, or -1 when no column has one
 * @columns: per column; only the first @n_columns are filled
 * @disagreeing: (element-type guint): indices of the inputs whose verdict is
 *   %AUGUR_COMPARE_DISAGREE, ascending
 */
typedef struct
{
  guint                     n_columns;
  guint                     n_inputs;
  guint                     n_complete;
  guint                     n_agree;
  double                    top1_agreement;
  guint                     n_shared;
  double                    mean_abs_delta;
  int                       fastest_column;
  AugurCompareColumnSummary columns[AUGUR_COMPARE_MAX_COLUMNS];
  GArray                   *disagreeing;
} AugurCompareSummary;

AugurCompareSummary *augur_compare_summarize     (GPtrArray           *comparisons);
void                 augur_compare_summary_free  (AugurCompareSummary *summary);

char                *augur_compare_export_csv    (GPtrArray           *columns,
                                                  GPtrArray           *comparisons);
char                *augur_compare_export_json   (GPtrArray           *columns,
                                                  GPtrArray           *comparisons,
                                                  gboolean             pretty);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurCompareColumn, augur_compare_column_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurCompareSummary, augur_compare_summary_free)

G_END_DECLS
