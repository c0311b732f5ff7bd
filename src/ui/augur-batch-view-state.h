/* augur-batch-view-state.h: what the batch table shows, without widgets: the top concept at
 * a threshold, the summary and status texts, the sort order of each column and the filter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-batch-row.h"
#include "augur-core.h"

G_BEGIN_DECLS

typedef enum {
  AUGUR_BATCH_COLUMN_INDEX,
  AUGUR_BATCH_COLUMN_NAME,
  AUGUR_BATCH_COLUMN_TOP,
  AUGUR_BATCH_COLUMN_VALUE,
  AUGUR_BATCH_COLUMN_SUMMARY,
  AUGUR_BATCH_COLUMN_STATUS,
} AugurBatchColumn;

/* In the order of the status drop-down. */
typedef enum {
  AUGUR_BATCH_STATUS_ALL,
  AUGUR_BATCH_STATUS_SUCCEEDED,
  AUGUR_BATCH_STATUS_FAILED,
  AUGUR_BATCH_STATUS_CACHED,
  AUGUR_BATCH_STATUS_PENDING,
} AugurBatchStatusFilter;

typedef struct {
  const char             *text;       /* (nullable): substring of any concept id or name */
  AugurBatchStatusFilter  status;
  double                  min_value;  /* range of the top concept's value; 0..1 is off */
  double                  max_value;
  double                  threshold;
} AugurBatchFilter;

/* (nullable) (transfer none): the best concept with value >= @threshold */
AugurConcept *augur_batch_view_state_top_concept (AugurPrediction        *prediction,
                                                  double                  threshold);
/* (nullable): first line of text, "3 boxes", or NULL when there is neither */
char         *augur_batch_view_state_summary     (AugurPrediction        *prediction);
char         *augur_batch_view_state_status_text (AugurBatchRowState      state,
                                                  AugurPrediction        *prediction);
AugurBatchRowState augur_batch_view_state_row_state (AugurPrediction     *prediction,
                                                     gboolean             cached);

/* Ascending order of @column. Rows without a value (pending, failed, none above the
 * threshold) sort below every value, so a descending value sort puts them last. */
int           augur_batch_view_state_compare     (AugurBatchRow          *a,
                                                  AugurBatchRow          *b,
                                                  AugurBatchColumn        column,
                                                  double                  threshold);
gboolean      augur_batch_view_state_filter      (AugurBatchRow          *row,
                                                  const AugurBatchFilter *filter);
gboolean      augur_batch_view_state_value_filter_active (const AugurBatchFilter *filter);

G_END_DECLS
