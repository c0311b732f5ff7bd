/* augur-batch-row.h: one input of a batch run as a list item: its input, its result (or
 * none while pending) and the texts the batch table shows for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core.h"

G_BEGIN_DECLS

typedef enum {
  AUGUR_BATCH_ROW_PENDING,
  AUGUR_BATCH_ROW_DONE,
  AUGUR_BATCH_ROW_CACHED,
  AUGUR_BATCH_ROW_FAILED,
} AugurBatchRowState;

#define AUGUR_TYPE_BATCH_ROW_STATE (augur_batch_row_state_get_type ())
GType augur_batch_row_state_get_type (void) G_GNUC_CONST;

#define AUGUR_TYPE_BATCH_ROW (augur_batch_row_get_type ())
G_DECLARE_FINAL_TYPE (AugurBatchRow, augur_batch_row, AUGUR, BATCH_ROW, GObject)

/* @input: (nullable) */
AugurBatchRow      *augur_batch_row_new            (guint            index,
                                                    AugurInput      *input);
guint               augur_batch_row_get_index      (AugurBatchRow   *self);
AugurInput         *augur_batch_row_get_input      (AugurBatchRow   *self);
/* (nullable): NULL while the input is pending */
AugurPrediction    *augur_batch_row_get_prediction (AugurBatchRow   *self);
void                augur_batch_row_set_prediction (AugurBatchRow   *self,
                                                    AugurPrediction *prediction);
/* TRUE when the result came from the local cache (or the prediction says so) */
gboolean            augur_batch_row_get_cached     (AugurBatchRow   *self);
void                augur_batch_row_set_cached     (AugurBatchRow   *self,
                                                    gboolean         cached);
/* The top concept shown is the best one at or above this value. */
double              augur_batch_row_get_threshold  (AugurBatchRow   *self);
void                augur_batch_row_set_threshold  (AugurBatchRow   *self,
                                                    double           threshold);

AugurBatchRowState  augur_batch_row_get_state      (AugurBatchRow   *self);
const char         *augur_batch_row_get_label      (AugurBatchRow   *self);
/* (nullable): no concept at or above the threshold */
const char         *augur_batch_row_get_top_name   (AugurBatchRow   *self);
/* -1 when there is no top concept */
double              augur_batch_row_get_top_value  (AugurBatchRow   *self);
char               *augur_batch_row_dup_value_text (AugurBatchRow   *self);
char               *augur_batch_row_dup_summary    (AugurBatchRow   *self);
char               *augur_batch_row_dup_status_text (AugurBatchRow  *self);

G_END_DECLS
