/* augur-evaluation.h: evaluation without uploading a dataset. When a dropped folder's
 * subfolders are named after the model's concepts, each image's subfolder is its ground-truth
 * label; predictions then give per-concept precision, recall and F1 at a threshold, overall
 * accuracy and a confusion summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

/**
 * AugurLabelFolder:
 * @folder_name: the subfolder's name, for display (UTF-8)
 * @concept_id: (nullable): the concept it was matched to, or %NULL when none matched
 * @concept_name: (nullable): that concept's name
 *
 * One immediate subfolder of the ground-truth folder.
 */
typedef struct
{
  char *folder_name;
  char *concept_id;
  char *concept_name;
} AugurLabelFolder;

#define AUGUR_TYPE_GROUND_TRUTH (augur_ground_truth_get_type ())
G_DECLARE_FINAL_TYPE (AugurGroundTruth, augur_ground_truth, AUGUR, GROUND_TRUTH, GObject)

AugurGroundTruth       *augur_ground_truth_new_for_names   (GFile               *folder,
                                                            const char * const  *subfolder_names,
                                                            GPtrArray           *concepts);
AugurGroundTruth       *augur_ground_truth_detect          (GFile               *folder,
                                                            GPtrArray           *concepts,
                                                            GCancellable        *cancellable,
                                                            GError             **error);
void                    augur_ground_truth_detect_async    (GFile               *folder,
                                                            GPtrArray           *concepts,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
AugurGroundTruth       *augur_ground_truth_detect_finish   (GAsyncResult        *result,
                                                            GError             **error);

GFile                  *augur_ground_truth_get_folder      (AugurGroundTruth    *self);
GPtrArray              *augur_ground_truth_get_label_folders (AugurGroundTruth  *self);
guint                   augur_ground_truth_get_n_matched   (AugurGroundTruth    *self);
guint                   augur_ground_truth_get_n_unmatched (AugurGroundTruth    *self);
char                  **augur_ground_truth_dup_unmatched_names (AugurGroundTruth *self);
gboolean                augur_ground_truth_is_usable       (AugurGroundTruth    *self);
const AugurLabelFolder *augur_ground_truth_label_for_file  (AugurGroundTruth    *self,
                                                            GFile               *file);

/**
 * AugurEvaluationMode:
 * @AUGUR_EVALUATION_SINGLE_LABEL: an image's prediction is its top-1 concept when that
 *   reaches the threshold, else nothing
 * @AUGUR_EVALUATION_MULTI_LABEL: an image's prediction is every concept that reaches the
 *   threshold
 */
typedef enum {
  AUGUR_EVALUATION_SINGLE_LABEL,
  AUGUR_EVALUATION_MULTI_LABEL,
} AugurEvaluationMode;

/**
 * AugurConceptScore:
 * @concept_id: the concept
 * @concept_name: its name
 * @true_positives: labelled images predicted as this concept
 * @false_positives: images predicted as this concept but labelled otherwise
 * @false_negatives: labelled images not predicted as this concept
 * @support: images labelled with this concept
 * @precision: TP / (TP + FP); 0 when nothing was predicted as this concept
 * @recall: TP / (TP + FN); 0 when no image has this label
 * @f1: the harmonic mean of @precision and @recall; 0 when both are 0
 */
typedef struct
{
  char   *concept_id;
  char   *concept_name;
  guint   true_positives;
  guint   false_positives;
  guint   false_negatives;
  guint   support;
  double  precision;
  double  recall;
  double  f1;
} AugurConceptScore;

/**
 * AugurConfusion:
 * @label_id: the ground-truth concept
 * @label_name: its name
 * @predicted_id: (nullable): the predicted concept; %NULL when nothing reached the threshold
 * @predicted_name: (nullable): its name
 * @count: how many images
 *
 * One cell of the confusion matrix, label -> predicted.
 */
typedef struct
{
  char  *label_id;
  char  *label_name;
  char  *predicted_id;
  char  *predicted_name;
  guint  count;
} AugurConfusion;

/**
 * AugurEvaluation:
 * @mode: how predictions were read
 * @threshold: the value a concept needs to count as predicted
 * @n_evaluated: images with a label and a successful prediction
 * @n_unlabeled: successful predictions of images outside any matched subfolder (ignored)
 * @n_failed: predictions that failed or are still pending (%NULL), labelled or not (ignored)
 * @n_correct: single-label: the prediction is the label; multi-label: the label is among the
 *   predicted concepts
 * @accuracy: @n_correct / @n_evaluated; 0 when nothing was evaluated
 * @macro_precision: mean precision over the concepts with @support > 0
 * @macro_recall: mean recall over those concepts
 * @macro_f1: mean F1 over those concepts
 * @scores: (element-type AugurConceptScore): every matched label and every predicted concept,
 *   by name
 * @confusion: (element-type AugurConfusion): every (label, predicted) pair met, the
 *   diagonal included, most frequent first
 */
typedef struct
{
  AugurEvaluationMode  mode;
  double               threshold;
  guint                n_evaluated;
  guint                n_unlabeled;
  guint                n_failed;
  guint                n_correct;
  double               accuracy;
  double               macro_precision;
  double               macro_recall;
  double               macro_f1;
  GPtrArray           *scores;
  GPtrArray           *confusion;
} AugurEvaluation;

AugurEvaluation         *augur_evaluation_compute        (AugurGroundTruth    *truth,
                                                          GPtrArray           *predictions,
                                                          double               threshold,
                                                          AugurEvaluationMode  mode);
void                     augur_evaluation_free           (AugurEvaluation     *evaluation);
const AugurConceptScore *augur_evaluation_find_score     (AugurEvaluation     *evaluation,
                                                          const char          *concept_id);
GPtrArray               *augur_evaluation_top_confusions (AugurEvaluation     *evaluation,
                                                          guint                k);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurEvaluation, augur_evaluation_free)

G_END_DECLS
