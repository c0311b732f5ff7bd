/* augur-evaluation.c: ground truth from subfolder names, and scores from predictions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-evaluation"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "augur-compare.h"
#include "augur-concept.h"
#include "augur-evaluation.h"
#include "augur-input.h"
#include "augur-prediction.h"
#include "augur-worker.h"

#define FOLDER_ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
                          G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN

struct _AugurGroundTruth
{
  GObject parent_instance;

  GFile      *folder;        /* (owned) */
  GPtrArray  *folders;       /* (owned) AugurLabelFolder, by name */
  GHashTable *by_raw_name;   /* (owned) on-disk name -> matched AugurLabelFolder (borrowed) */
  guint       n_matched;
};

G_DEFINE_FINAL_TYPE (AugurGroundTruth, augur_ground_truth, G_TYPE_OBJECT)

/* Ground truth ----------------------------------------------------------------------------- */

static void
label_folder_free (AugurLabelFolder *folder)
{
  g_free (folder->folder_name);
  g_free (folder->concept_id);
  g_free (folder->concept_name);
  g_free (folder);
}

/* Names sort without regard to case: "bird", "Cat", "dog". */
static int
collate_names (const char *a,
               const char *b)
{
  g_autofree char *x = g_utf8_casefold (a, -1);
  g_autofree char *y = g_utf8_casefold (b, -1);
  int order = g_utf8_collate (x, y);

  return order != 0 ? order : strcmp (a, b);
}

static int
compare_label_folders (gconstpointer a,
                       gconstpointer b)
{
  const AugurLabelFolder *x = *(AugurLabelFolder **) a;
  const AugurLabelFolder *y = *(AugurLabelFolder **) b;

  return collate_names (x->folder_name, y->folder_name);
}

static void
augur_ground_truth_finalize (GObject *object)
{
  AugurGroundTruth *self = AUGUR_GROUND_TRUTH (object);

  g_clear_object (&self->folder);
  g_clear_pointer (&self->by_raw_name, g_hash_table_unref);
  g_clear_pointer (&self->folders, g_ptr_array_unref);

  G_OBJECT_CLASS (augur_ground_truth_parent_class)->finalize (object);
}

static void
augur_ground_truth_class_init (AugurGroundTruthClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = augur_ground_truth_finalize;
}

static void
augur_ground_truth_init (AugurGroundTruth *self)
{
  self->folders = g_ptr_array_new_with_free_func ((GDestroyNotify) label_folder_free);
  self->by_raw_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* "Golden Retriever", " golden retriever" and a decomposed "golden retrieve\u0301r" all meet:
 * case-folded, trimmed, in one Unicode normal form. */
static char *
normalize_label (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *folded = NULL;

  if (!g_utf8_validate (trimmed, -1, NULL))
    return NULL;
  folded = g_utf8_casefold (trimmed, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

/* Normalized name -> concept, then normalized id -> concept for ids no name took. */
static GHashTable *
index_concepts (GPtrArray *concepts)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < concepts->len; i++)
        {
          AugurConcept *concept = g_ptr_array_index (concepts, i);
          const char *text = pass == 0 ? augur_concept_get_name (concept)
                                       : augur_concept_get_id (concept);
          char *key = text != NULL ? normalize_label (text) : NULL;

          if (key == NULL || g_hash_table_contains (index, key))
            g_free (key);
          else
            g_hash_table_insert (index, key, concept);
        }
    }
  return index;
}


/**
 * augur_ground_truth_new_for_names:
 * @folder: the folder the user dropped
 * @subfolder_names: (array zero-terminated=1): the names of its immediate subfolders, as on
 *   disk (in the file system's encoding)
 * @concepts: (element-type AugurConcept): the model's concepts
 *
 * Matches each subfolder name to a concept, by name first and then by id, ignoring case,
 * surrounding spaces and Unicode normalization. Does no I/O; augur_ground_truth_detect()
 * lists the subfolders and calls this.
 *
 * Returns: (transfer full): the ground truth
 */
AugurGroundTruth *
augur_ground_truth_new_for_names (GFile              *folder,
                                  const char * const *subfolder_names,
                                  GPtrArray          *concepts)
{
  g_autoptr(AugurGroundTruth) self = NULL;
  g_autoptr(GHashTable) index = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (subfolder_names != NULL, NULL);
  g_return_val_if_fail (concepts != NULL, NULL);

  self = g_object_new (AUGUR_TYPE_GROUND_TRUTH, NULL);
  self->folder = g_object_ref (folder);
  index = index_concepts (concepts);

  for (guint i = 0; subfolder_names[i] != NULL; i++)
    {
      AugurLabelFolder *label = g_new0 (AugurLabelFolder, 1);
      g_autofree char *key = NULL;
      AugurConcept *concept;

      label->folder_name = g_filename_display_name (subfolder_names[i]);
      key = normalize_label (label->folder_name);
      concept = key != NULL ? g_hash_table_lookup (index, key) : NULL;
      g_ptr_array_add (self->folders, label);
      if (concept == NULL)
        continue;

      label->concept_id = g_strdup (augur_concept_get_id (concept));
      label->concept_name = g_strdup (augur_concept_get_name (concept));
      g_hash_table_insert (self->by_raw_name, g_strdup (subfolder_names[i]), label);
      self->n_matched++;
    }
  g_ptr_array_sort (self->folders, compare_label_folders);

  return g_steal_pointer (&self);
}

/* Returns: (transfer full) (nullable): the names of the visible subfolders, NULL-terminated */
static char **
list_subfolders (GFile         *folder,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (folder, FOLDER_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                          cancellable, &local_error);
  while (enumerator != NULL &&
         (info = g_file_enumerator_next_file (enumerator, cancellable, &local_error)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY &&
          !g_file_info_get_is_hidden (info))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }

  if (local_error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_debug ("Could not list %s: %s", name, local_error->message);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  /* Translators: %s is a folder path */
                                  _("Could not read the folder “%s”: "), name);
      return NULL;
    }

  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * augur_ground_truth_detect:
 * @folder: the folder the user dropped
 * @concepts: (element-type AugurConcept): the model's concepts
 * @cancellable: (nullable): to stop early
 * @error: set when @folder cannot be listed (missing, not a folder, unreadable)
 *
 * Blocking: lists the immediate subfolders of @folder (hidden ones left out) and matches
 * their names to @concepts, as augur_ground_truth_new_for_names() does. Call it from a
 * worker thread or use augur_ground_truth_detect_async().
 *
 * Returns: (transfer full) (nullable): the ground truth, usable or not (see
 *   augur_ground_truth_is_usable()); %NULL with @error set on failure
 */
AugurGroundTruth *
augur_ground_truth_detect (GFile         *folder,
                           GPtrArray     *concepts,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (concepts != NULL, NULL);

  names = list_subfolders (folder, cancellable, error);
  if (names == NULL)
    return NULL;
  return augur_ground_truth_new_for_names (folder, (const char * const *) names, concepts);
}

typedef struct
{
  GFile     *folder;
  GPtrArray *concepts;
} DetectData;

static void
detect_data_free (DetectData *data)
{
  g_clear_object (&data->folder);
  g_clear_pointer (&data->concepts, g_ptr_array_unref);
  g_free (data);
}

static void
detect_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DetectData *data = task_data;
  GError *error = NULL;
  AugurGroundTruth *truth = augur_ground_truth_detect (data->folder, data->concepts,
                                                       cancellable, &error);

  if (truth == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, truth, g_object_unref);
}

/**
 * augur_ground_truth_detect_async:
 * @folder: the folder the user dropped
 * @concepts: (element-type AugurConcept): the model's concepts (referenced, not copied)
 * @cancellable: (nullable): to stop early
 * @callback: called in the thread-default main context of the caller
 * @user_data: for @callback
 *
 * augur_ground_truth_detect() in a worker thread.
 */
void
augur_ground_truth_detect_async (GFile               *folder,
                                 GPtrArray           *concepts,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DetectData *data;

  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (concepts != NULL);

  data = g_new0 (DetectData, 1);
  data->folder = g_object_ref (folder);
  data->concepts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < concepts->len; i++)
    g_ptr_array_add (data->concepts, g_object_ref (g_ptr_array_index (concepts, i)));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_ground_truth_detect_async);
  g_task_set_task_data (task, data, (GDestroyNotify) detect_data_free);
  augur_worker_run (task, detect_thread);
}

/**
 * augur_ground_truth_detect_finish:
 *
 * Returns: (transfer full) (nullable): the ground truth, or %NULL with @error set
 */
AugurGroundTruth *
augur_ground_truth_detect_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        augur_ground_truth_detect_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * augur_ground_truth_get_folder:
 *
 * Returns: (transfer none): the folder the subfolders are in
 */
GFile *
augur_ground_truth_get_folder (AugurGroundTruth *self)
{
  g_return_val_if_fail (AUGUR_IS_GROUND_TRUTH (self), NULL);
  return self->folder;
}

/**
 * augur_ground_truth_get_label_folders:
 *
 * Returns: (transfer none) (element-type AugurLabelFolder): every subfolder, matched or not,
 *   by name
 */
GPtrArray *
augur_ground_truth_get_label_folders (AugurGroundTruth *self)
{
  g_return_val_if_fail (AUGUR_IS_GROUND_TRUTH (self), NULL);
  return self->folders;
}

guint
augur_ground_truth_get_n_matched (AugurGroundTruth *self)
{
  g_return_val_if_fail (AUGUR_IS_GROUND_TRUTH (self), 0);
  return self->n_matched;
}

guint
augur_ground_truth_get_n_unmatched (AugurGroundTruth *self)
{
  g_return_val_if_fail (AUGUR_IS_GROUND_TRUTH (self), 0);
  return self->folders->len - self->n_matched;
}

/**
 * augur_ground_truth_dup_unmatched_names:
 *
 * Returns: (transfer full) (array zero-terminated=1): the display names of the subfolders
 *   that match no concept, by name
 */
char **
augur_ground_truth_dup_unmatched_names (AugurGroundTruth *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (AUGUR_IS_GROUND_TRUTH (self), NULL);

  for (guint i = 0; i < self->folders->len; i++)
    {
      AugurLabelFolder *folder = g_ptr_array_index (self->folders, i);

      if (folder->concept_id == NULL)
        g_strv_builder_add (builder, folder->folder_name);
    }
  return g_strv_builder_end (builder);
}

/**
 * augur_ground_truth_is_usable:
 *
 * Whether to offer evaluation: at least one subfolder matches a concept, and no fewer match
 * than do not (a folder of albums that happens to hold a "dog" folder is not ground truth).
 *
 * Returns: %TRUE when the folder looks like ground truth for the model
 */
gboolean
augur_ground_truth_is_usable (AugurGroundTruth *self)
{
  g_return_val_if_fail (AUGUR_IS_GROUND_TRUTH (self), FALSE);
  return self->n_matched > 0 && self->n_matched >= augur_ground_truth_get_n_unmatched (self);
}

/**
 * augur_ground_truth_label_for_file:
 * @file: an image, anywhere below the folder
 *
 * Returns: (transfer none) (nullable): the matched subfolder @file lies in, at any depth;
 *   %NULL when it is outside the folder, directly in it, or in an unmatched subfolder
 */
const AugurLabelFolder *
augur_ground_truth_label_for_file (AugurGroundTruth *self,
                                   GFile            *file)
{
  g_autofree char *relative = NULL;
  g_autofree char *first = NULL;
  const char *separator;

  g_return_val_if_fail (AUGUR_IS_GROUND_TRUTH (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  relative = g_file_get_relative_path (self->folder, file);
  separator = relative != NULL ? strchr (relative, G_DIR_SEPARATOR) : NULL;
  if (separator == NULL)
    return NULL;

  first = g_strndup (relative, separator - relative);
  return g_hash_table_lookup (self->by_raw_name, first);
}

/* Evaluation ------------------------------------------------------------------------------- */

static void
concept_score_free (AugurConceptScore *score)
{
  g_free (score->concept_id);
  g_free (score->concept_name);
  g_free (score);
}

static void
confusion_free (AugurConfusion *confusion)
{
  g_free (confusion->label_id);
  g_free (confusion->label_name);
  g_free (confusion->predicted_id);
  g_free (confusion->predicted_name);
  g_free (confusion);
}

void
augur_evaluation_free (AugurEvaluation *evaluation)
{
  if (evaluation == NULL)
    return;
  g_clear_pointer (&evaluation->scores, g_ptr_array_unref);
  g_clear_pointer (&evaluation->confusion, g_ptr_array_unref);
  g_free (evaluation);
}

/* Counting, keyed by concept id and by "label id \x1f predicted id". */
typedef struct
{
  AugurEvaluation *evaluation;
  GHashTable      *scores;      /* id -> AugurConceptScore (owned) */
  GHashTable      *confusion;   /* key -> AugurConfusion (owned) */
} Tally;

static AugurConceptScore *
score_for (Tally      *tally,
           const char *concept_id,
           const char *concept_name)
{
  AugurConceptScore *score = g_hash_table_lookup (tally->scores, concept_id);

  if (score == NULL)
    {
      score = g_new0 (AugurConceptScore, 1);
      score->concept_id = g_strdup (concept_id);
      score->concept_name = g_strdup (concept_name != NULL ? concept_name : concept_id);
      g_hash_table_insert (tally->scores, score->concept_id, score);
    }
  return score;
}

/* @predicted: (nullable): %NULL when nothing reached the threshold */
static void
add_confusion (Tally                  *tally,
               const AugurLabelFolder *label,
               AugurConcept           *predicted)
{
  const char *predicted_id = predicted != NULL ? augur_concept_get_id (predicted) : NULL;
  g_autofree char *key = g_strconcat (label->concept_id, "\x1f", predicted_id, NULL);
  AugurConfusion *confusion = g_hash_table_lookup (tally->confusion, key);

  if (confusion == NULL)
    {
      confusion = g_new0 (AugurConfusion, 1);
      confusion->label_id = g_strdup (label->concept_id);
      confusion->label_name = g_strdup (label->concept_name);
      confusion->predicted_id = g_strdup (predicted_id);
      confusion->predicted_name = predicted != NULL ? g_strdup (augur_concept_get_name (predicted))
                                                    : NULL;
      g_hash_table_insert (tally->confusion, g_steal_pointer (&key), confusion);
    }
  confusion->count++;
}

static void
tally_single_label (Tally                  *tally,
                    const AugurLabelFolder *label,
                    GPtrArray              *ranked)
{
  AugurConceptScore *label_score = score_for (tally, label->concept_id, label->concept_name);
  AugurConcept *top = ranked->len > 0 ? g_ptr_array_index (ranked, 0) : NULL;

  if (top != NULL && augur_concept_get_value (top) < tally->evaluation->threshold)
    top = NULL;

  label_score->support++;
  if (top != NULL && g_str_equal (augur_concept_get_id (top), label->concept_id))
    {
      label_score->true_positives++;
      tally->evaluation->n_correct++;
    }
  else
    {
      label_score->false_negatives++;
      if (top != NULL)
        score_for (tally, augur_concept_get_id (top),
                   augur_concept_get_name (top))->false_positives++;
    }
  add_confusion (tally, label, top);
}

static void
tally_multi_label (Tally                  *tally,
                   const AugurLabelFolder *label,
                   GPtrArray              *ranked)
{
  AugurConceptScore *label_score = score_for (tally, label->concept_id, label->concept_name);
  gboolean hit = FALSE;
  guint n_predicted = 0;

  for (guint i = 0; i < ranked->len; i++)
    {
      AugurConcept *concept = g_ptr_array_index (ranked, i);

      if (augur_concept_get_value (concept) < tally->evaluation->threshold)
        continue;
      n_predicted++;
      add_confusion (tally, label, concept);
      if (g_str_equal (augur_concept_get_id (concept), label->concept_id))
        hit = TRUE;
      else
        score_for (tally, augur_concept_get_id (concept),
                   augur_concept_get_name (concept))->false_positives++;
    }

  label_score->support++;
  if (hit)
    {
      label_score->true_positives++;
      tally->evaluation->n_correct++;
    }
  else
    label_score->false_negatives++;
  if (n_predicted == 0)
    add_confusion (tally, label, NULL);
}

static const AugurLabelFolder *
label_of_prediction (AugurGroundTruth *truth,
                     AugurPrediction  *prediction)
{
  AugurInput *input = augur_prediction_get_input (prediction);
  GFile *file = input != NULL ? augur_input_get_file (input) : NULL;

  return file != NULL ? augur_ground_truth_label_for_file (truth, file) : NULL;
}

static void
tally_prediction (Tally            *tally,
                  AugurGroundTruth *truth,
                  AugurPrediction  *prediction)
{
  AugurEvaluation *evaluation = tally->evaluation;
  g_autoptr(GPtrArray) ranked = NULL;
  const AugurLabelFolder *label;

  if (prediction == NULL || !augur_prediction_is_success (prediction))
    {
      evaluation->n_failed++;
      return;
    }
  label = label_of_prediction (truth, prediction);
  if (label == NULL)
    {
      evaluation->n_unlabeled++;
      return;
    }

  evaluation->n_evaluated++;
  ranked = augur_compare_prediction_concepts (prediction);
  if (evaluation->mode == AUGUR_EVALUATION_MULTI_LABEL)
    tally_multi_label (tally, label, ranked);
  else
    tally_single_label (tally, label, ranked);
}

static double
ratio (guint part,
       guint whole)
{
  return whole > 0 ? (double) part / whole : 0;
}

static void
finish_score (AugurConceptScore *score)
{
  score->precision = ratio (score->true_positives, score->true_positives + score->false_positives);
  score->recall = ratio (score->true_positives, score->true_positives + score->false_negatives);
  score->f1 = score->precision + score->recall > 0
              ? 2 * score->precision * score->recall / (score->precision + score->recall) : 0;
}

static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  const AugurConceptScore *x = *(AugurConceptScore **) a;
  const AugurConceptScore *y = *(AugurConceptScore **) b;
  int by_name = collate_names (x->concept_name, y->concept_name);

  return by_name != 0 ? by_name : strcmp (x->concept_id, y->concept_id);
}

/* Most frequent first; then by label, then by prediction with "nothing" last. */
static int
compare_confusions (gconstpointer a,
                    gconstpointer b)
{
  const AugurConfusion *x = *(AugurConfusion **) a;
  const AugurConfusion *y = *(AugurConfusion **) b;
  int by_label;

  if (x->count != y->count)
    return x->count < y->count ? 1 : -1;
  by_label = collate_names (x->label_name, y->label_name);
  if (by_label != 0)
    return by_label;
  if ((x->predicted_name == NULL) != (y->predicted_name == NULL))
    return x->predicted_name == NULL ? 1 : -1;
  return x->predicted_name != NULL ? collate_names (x->predicted_name, y->predicted_name) : 0;
}

/* Moves the values of @table into a new array, sorted; @key_free: (nullable) frees the keys,
 * which stealing leaves alone. */
static GPtrArray *
steal_sorted (GHashTable     *table,
              GDestroyNotify  key_free,
              GDestroyNotify  free_func,
              GCompareFunc    compare)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (free_func);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_ptr_array_add (array, value);
      g_hash_table_iter_steal (&iter);
      if (key_free != NULL)
        key_free (key);
    }
  g_ptr_array_sort (array, compare);
  return array;
}

static void
finish_evaluation (AugurEvaluation *evaluation)
{
  guint n_labels = 0;

  evaluation->accuracy = ratio (evaluation->n_correct, evaluation->n_evaluated);
  for (guint i = 0; i < evaluation->scores->len; i++)
    {
      AugurConceptScore *score = g_ptr_array_index (evaluation->scores, i);

      finish_score (score);
      if (score->support == 0)
        continue;
      n_labels++;
      evaluation->macro_precision += score->precision;
      evaluation->macro_recall += score->recall;
      evaluation->macro_f1 += score->f1;
    }
  if (n_labels > 0)
    {
      evaluation->macro_precision /= n_labels;
      evaluation->macro_recall /= n_labels;
      evaluation->macro_f1 /= n_labels;
    }
}

/**
 * augur_evaluation_compute:
 * @truth: the ground truth
 * @predictions: (element-type AugurPrediction): results of images below @truth's folder, as
 *   augur_batch_get_results() gives them; each image's file is read from its input. %NULL
 *   entries (pending) and failures count in @n_failed
 * @threshold: the value a concept needs to count as predicted, from 0 to 1
 * @mode: single-label (top-1) or multi-label (every concept over the threshold)
 *
 * Linear in the number of predictions and their concepts, so it can run again each time the
 * threshold moves. In multi-label mode an image still has one label (its subfolder): each
 * concept over the threshold other than the label is a false positive, and the confusion
 * matrix gets one count per predicted concept.
 *
 * Returns: (transfer full): the scores; free with augur_evaluation_free()
 */
AugurEvaluation *
augur_evaluation_compute (AugurGroundTruth    *truth,
                          GPtrArray           *predictions,
                          double               threshold,
                          AugurEvaluationMode  mode)
{
  AugurEvaluation *evaluation;
  g_autoptr(GHashTable) scores = NULL;
  g_autoptr(GHashTable) confusion = NULL;
  Tally tally;

  g_return_val_if_fail (AUGUR_IS_GROUND_TRUTH (truth), NULL);
  g_return_val_if_fail (predictions != NULL, NULL);

  evaluation = g_new0 (AugurEvaluation, 1);
  evaluation->mode = mode;
  evaluation->threshold = threshold;
  scores = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                  (GDestroyNotify) concept_score_free);
  confusion = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) confusion_free);
  tally = (Tally) { evaluation, scores, confusion };

  /* Every matched label gets a score, even one no image ended up in. */
  for (guint i = 0; i < truth->folders->len; i++)
    {
      AugurLabelFolder *label = g_ptr_array_index (truth->folders, i);

      if (label->concept_id != NULL)
        score_for (&tally, label->concept_id, label->concept_name);
    }

  for (guint i = 0; i < predictions->len; i++)
    tally_prediction (&tally, truth, g_ptr_array_index (predictions, i));

  evaluation->scores = steal_sorted (scores, NULL, (GDestroyNotify) concept_score_free,
                                     compare_scores);
  evaluation->confusion = steal_sorted (confusion, g_free, (GDestroyNotify) confusion_free,
                                        compare_confusions);
  finish_evaluation (evaluation);
  return evaluation;
}

/**
 * augur_evaluation_find_score:
 * @concept_id: a concept
 *
 * Returns: (transfer none) (nullable): the concept's score, or %NULL when it is neither a
 *   label nor was predicted
 */
const AugurConceptScore *
augur_evaluation_find_score (AugurEvaluation *evaluation,
                             const char      *concept_id)
{
  g_return_val_if_fail (evaluation != NULL, NULL);
  g_return_val_if_fail (concept_id != NULL, NULL);

  for (guint i = 0; i < evaluation->scores->len; i++)
    {
      AugurConceptScore *score = g_ptr_array_index (evaluation->scores, i);

      if (g_str_equal (score->concept_id, concept_id))
        return score;
    }
  return NULL;
}

/**
 * augur_evaluation_top_confusions:
 * @k: how many at most
 *
 * Returns: (transfer container) (element-type AugurConfusion): the @k most frequent mistakes
 *   (label -> another concept, or -> nothing), most frequent first; they belong to
 *   @evaluation
 */
GPtrArray *
augur_evaluation_top_confusions (AugurEvaluation *evaluation,
                                 guint            k)
{
  GPtrArray *top = g_ptr_array_new ();

  g_return_val_if_fail (evaluation != NULL, top);

  for (guint i = 0; i < evaluation->confusion->len && top->len < k; i++)
    {
      AugurConfusion *confusion = g_ptr_array_index (evaluation->confusion, i);

      if (g_strcmp0 (confusion->label_id, confusion->predicted_id) != 0)
        g_ptr_array_add (top, confusion);
    }
  return top;
}
