/* augur-evaluation-view.h: evaluation against a folder per label: a summary line, a table of
 * per-concept precision, recall and F1 at the current threshold, and the most confused pairs.
 * Changing the threshold recomputes from the results at hand, with no new request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"
#include "augur-evaluation.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_EVALUATION_VIEW (augur_evaluation_view_get_type ())
G_DECLARE_FINAL_TYPE (AugurEvaluationView, augur_evaluation_view, AUGUR, EVALUATION_VIEW, GtkWidget)

GtkWidget        *augur_evaluation_view_new             (void);
/* (nullable) */
AugurGroundTruth *augur_evaluation_view_get_truth       (AugurEvaluationView *self);
void              augur_evaluation_view_set_truth       (AugurEvaluationView *self,
                                                         AugurGroundTruth    *truth);
/* (element-type AugurPrediction) (nullable): input order, NULL for pending; the view keeps
 * a reference to the array, so call again after it changes. */
void              augur_evaluation_view_set_predictions (AugurEvaluationView *self,
                                                         GPtrArray           *predictions);
double            augur_evaluation_view_get_threshold   (AugurEvaluationView *self);
void              augur_evaluation_view_set_threshold   (AugurEvaluationView *self,
                                                         double               threshold);
AugurEvaluationMode augur_evaluation_view_get_mode      (AugurEvaluationView *self);
void              augur_evaluation_view_set_mode        (AugurEvaluationView *self,
                                                         AugurEvaluationMode  mode);

/* For tests: what the user reads. */
double            augur_evaluation_view_get_accuracy    (AugurEvaluationView *self);
const char       *augur_evaluation_view_get_summary     (AugurEvaluationView *self);
/* One string per table row, cells joined by " | ":
 * "cat | 1 | 1 | 2 | 50% | 33% | 40%" (concept, TP, FP, FN, precision, recall, F1). */
GStrv             augur_evaluation_view_dup_rows        (AugurEvaluationView *self);
/* The confusion summary lines, most frequent first: "cat → dog: 12". */
GStrv             augur_evaluation_view_dup_confusions  (AugurEvaluationView *self);
/* The accessible label of table row @index, or NULL past the end. */
const char       *augur_evaluation_view_get_row_accessible_label (AugurEvaluationView *self,
                                                                  guint                index);

G_END_DECLS
