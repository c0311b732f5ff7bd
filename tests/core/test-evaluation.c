/* test-evaluation.c: a folder per label as ground truth: which subfolders match the model's
 * concepts, each image's label, and the precision, recall, accuracy and confusions the user
 * would read at a threshold, from hand-built predictions over a real folder tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "augur-core.h"
#include "augur-evaluation.h"

typedef struct
{
  char      *root;       /* the dropped folder, inside the test's isolated data dir */
  GFile     *folder;
  GPtrArray *concepts;   /* the model's concepts */
} Fixture;

static const char * const tree_files[] = {
  "Cat/c1.jpg", "Cat/c2.jpg", "Cat/c3.jpg", "Cat/c4.jpg",
  "dog/d1.jpg", "dog/d2.jpg", "dog/puppies/p1.jpg",
  "BIRD/b1.jpg",
  "OWL_01/o1.jpg",
  "Cre\xcc\x80me/cr1.jpg",
  "Zebra-Fish/z1.jpg",
  ".thumbnails/t.jpg",
  "loose.jpg",
};

static void
write_file (const char *root,
            const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, "not really a JPEG", -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->root = g_build_filename (g_get_user_data_dir (), "photos", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tree_files); i++)
    write_file (fixture->root, tree_files[i]);
  fixture->folder = g_file_new_for_path (fixture->root);

  fixture->concepts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (fixture->concepts, augur_concept_new ("ai_cat", "cat", 0));
  g_ptr_array_add (fixture->concepts, augur_concept_new ("ai_dog", "Dog", 0));
  g_ptr_array_add (fixture->concepts, augur_concept_new ("ai_bird", "bird", 0));
  /* Matched by id: its name is another language's. */
  g_ptr_array_add (fixture->concepts, augur_concept_new ("owl_01", "Eule", 0));
  /* Precomposed, while the folder name is decomposed. */
  g_ptr_array_add (fixture->concepts, augur_concept_new ("ai_creme", "cr\xc3\xa8me", 0));
  g_ptr_array_add (fixture->concepts, augur_concept_new ("ai_tiger", "tiger", 0));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->concepts, g_ptr_array_unref);
  g_clear_object (&fixture->folder);
  g_clear_pointer (&fixture->root, g_free);
}

static AugurGroundTruth *
detect (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  AugurGroundTruth *truth = augur_ground_truth_detect (fixture->folder, fixture->concepts, NULL,
                                                       &error);

  g_assert_no_error (error);
  g_assert_nonnull (truth);
  return truth;
}

static GFile *
tree_file (Fixture    *fixture,
           const char *relative)
{
  g_autofree char *path = g_build_filename (fixture->root, relative, NULL);

  return g_file_new_for_path (path);
}

static const char *
label_of (AugurGroundTruth *truth,
          Fixture          *fixture,
          const char       *relative)
{
  g_autoptr(GFile) file = tree_file (fixture, relative);
  const AugurLabelFolder *label = augur_ground_truth_label_for_file (truth, file);

  return label != NULL ? label->concept_id : NULL;
}

static void
assert_detected (AugurGroundTruth *truth,
                 Fixture          *fixture)
{
  g_auto(GStrv) unmatched = augur_ground_truth_dup_unmatched_names (truth);
  GPtrArray *folders = augur_ground_truth_get_label_folders (truth);
  g_autoptr(GFile) outside = g_file_new_for_path ("/somewhere/else/Cat/x.jpg");

  g_assert_cmpuint (augur_ground_truth_get_n_matched (truth), ==, 5);
  g_assert_cmpuint (augur_ground_truth_get_n_unmatched (truth), ==, 1);
  g_assert_cmpuint (g_strv_length (unmatched), ==, 1);
  g_assert_cmpstr (unmatched[0], ==, "Zebra-Fish");
  g_assert_true (augur_ground_truth_is_usable (truth));
  g_assert_true (g_file_equal (augur_ground_truth_get_folder (truth), fixture->folder));
  /* Hidden folders are not labels. */
  g_assert_cmpuint (folders->len, ==, 6);

  g_assert_cmpstr (label_of (truth, fixture, "Cat/c1.jpg"), ==, "ai_cat");
  g_assert_cmpstr (label_of (truth, fixture, "dog/d1.jpg"), ==, "ai_dog");
  g_assert_cmpstr (label_of (truth, fixture, "dog/puppies/p1.jpg"), ==, "ai_dog");
  g_assert_cmpstr (label_of (truth, fixture, "BIRD/b1.jpg"), ==, "ai_bird");
  g_assert_cmpstr (label_of (truth, fixture, "OWL_01/o1.jpg"), ==, "owl_01");
  g_assert_cmpstr (label_of (truth, fixture, "Cre\xcc\x80me/cr1.jpg"), ==, "ai_creme");
  g_assert_null (label_of (truth, fixture, "Zebra-Fish/z1.jpg"));
  g_assert_null (label_of (truth, fixture, "loose.jpg"));
  g_assert_null (label_of (truth, fixture, ".thumbnails/t.jpg"));
  g_assert_null (augur_ground_truth_label_for_file (truth, outside));
}

static void
test_detect (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(AugurGroundTruth) truth = detect (fixture);

  assert_detected (truth, fixture);
}

static void
detected_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_detect_async (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(AugurGroundTruth) truth = NULL;
  g_autoptr(GError) error = NULL;

  augur_ground_truth_detect_async (fixture->folder, fixture->concepts, NULL, detected_cb,
                                   &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  truth = augur_ground_truth_detect_finish (result, &error);

  g_assert_no_error (error);
  assert_detected (truth, fixture);
}

static void
test_detect_errors (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GFile) missing = tree_file (fixture, "no-such-folder");
  g_autoptr(GFile) regular = tree_file (fixture, "loose.jpg");
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurGroundTruth) truth = NULL;

  truth = augur_ground_truth_detect (missing, fixture->concepts, NULL, &error);
  g_assert_null (truth);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  truth = augur_ground_truth_detect (regular, fixture->concepts, NULL, &error);
  g_assert_null (truth);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
}

/* Mostly unrelated folders with one that happens to be named like a concept. */
static void
test_not_ground_truth (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const char * const names[] = { "2023 Holidays", "dog", "Scans", "Invoices", NULL };
  g_autoptr(AugurGroundTruth) truth = augur_ground_truth_new_for_names (fixture->folder, names,
                                                                        fixture->concepts);
  static const char * const none[] = { NULL };
  g_autoptr(AugurGroundTruth) empty = augur_ground_truth_new_for_names (fixture->folder, none,
                                                                        fixture->concepts);

  g_assert_cmpuint (augur_ground_truth_get_n_matched (truth), ==, 1);
  g_assert_false (augur_ground_truth_is_usable (truth));
  g_assert_false (augur_ground_truth_is_usable (empty));
}

/* Predictions --------------------------------------------------------------------------- */

/* @spec: "id:value,..." as the server ranked them; names are the ids without "ai_". */
static AugurPrediction *
predict (Fixture    *fixture,
         const char *relative,
         const char *spec)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_autoptr(GFile) file = relative != NULL ? tree_file (fixture, relative) : NULL;
  g_autoptr(AugurInput) input = NULL;
  g_auto(GStrv) items = g_strsplit (spec, ",", -1);

  if (file != NULL)
    {
      input = augur_input_new_file (file);
      augur_prediction_set_input (prediction, input);
    }
  for (guint i = 0; items[i] != NULL && *items[i] != '\0'; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], ":", 2);
      const char *name = g_str_has_prefix (parts[0], "ai_") ? parts[0] + 3 : parts[0];

      g_ptr_array_add (augur_prediction_get_concepts (prediction),
                       augur_concept_new (parts[0], name, g_ascii_strtod (parts[1], NULL)));
    }
  return prediction;
}

/* A batch's results hold NULL for pending inputs. */
static void
unref_prediction (gpointer prediction)
{
  if (prediction != NULL)
    g_object_unref (prediction);
}

static GPtrArray *
make_predictions (Fixture *fixture)
{
  GPtrArray *predictions = g_ptr_array_new_with_free_func (unref_prediction);
  g_autoptr(GError) error = g_error_new_literal (AUGUR_ERROR, AUGUR_ERROR_API, "Failed");
  AugurPrediction *failed;

  g_ptr_array_add (predictions, predict (fixture, "Cat/c1.jpg", "ai_cat:0.9,ai_dog:0.1"));
  g_ptr_array_add (predictions, predict (fixture, "Cat/c2.jpg", "ai_dog:0.7,ai_cat:0.2"));
  g_ptr_array_add (predictions, predict (fixture, "Cat/c3.jpg", "ai_cat:0.4,ai_dog:0.3"));
  g_ptr_array_add (predictions, predict (fixture, "dog/d1.jpg", "ai_dog:0.8"));
  g_ptr_array_add (predictions, predict (fixture, "dog/puppies/p1.jpg", "ai_dog:0.6,ai_cat:0.55"));
  g_ptr_array_add (predictions, predict (fixture, "dog/d2.jpg", "ai_cat:0.51"));
  g_ptr_array_add (predictions, predict (fixture, "BIRD/b1.jpg", "ai_tiger:0.9"));
  g_ptr_array_add (predictions, predict (fixture, "Zebra-Fish/z1.jpg", "ai_cat:0.9"));
  g_ptr_array_add (predictions, predict (fixture, "loose.jpg", "ai_cat:0.9"));
  failed = predict (fixture, "Cat/c4.jpg", "");
  augur_prediction_set_error (failed, error);
  g_ptr_array_add (predictions, failed);
  g_ptr_array_add (predictions, NULL);
  return predictions;
}

static void
assert_score (AugurEvaluation *evaluation,
              const char      *concept_id,
              guint            tp,
              guint            fp,
              guint            fn,
              guint            support,
              double           precision,
              double           recall)
{
  const AugurConceptScore *score = augur_evaluation_find_score (evaluation, concept_id);
  double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;

  g_assert_nonnull (score);
  g_assert_cmpuint (score->true_positives, ==, tp);
  g_assert_cmpuint (score->false_positives, ==, fp);
  g_assert_cmpuint (score->false_negatives, ==, fn);
  g_assert_cmpuint (score->support, ==, support);
  g_assert_cmpfloat_with_epsilon (score->precision, precision, 1e-12);
  g_assert_cmpfloat_with_epsilon (score->recall, recall, 1e-12);
  g_assert_cmpfloat_with_epsilon (score->f1, f1, 1e-12);
}

static guint
confusion_count (AugurEvaluation *evaluation,
                 const char      *label_id,
                 const char      *predicted_id)
{
  for (guint i = 0; i < evaluation->confusion->len; i++)
    {
      AugurConfusion *confusion = g_ptr_array_index (evaluation->confusion, i);

      if (g_str_equal (confusion->label_id, label_id) &&
          g_strcmp0 (confusion->predicted_id, predicted_id) == 0)
        return confusion->count;
    }
  return 0;
}

static void
test_single_label (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(AugurGroundTruth) truth = detect (fixture);
  g_autoptr(GPtrArray) predictions = make_predictions (fixture);
  g_autoptr(AugurEvaluation) evaluation = NULL;
  g_autoptr(GPtrArray) top = NULL;
  AugurConfusion *confusion;

  evaluation = augur_evaluation_compute (truth, predictions, 0.5, AUGUR_EVALUATION_SINGLE_LABEL);

  g_assert_cmpuint (evaluation->n_evaluated, ==, 7);
  g_assert_cmpuint (evaluation->n_unlabeled, ==, 2);
  g_assert_cmpuint (evaluation->n_failed, ==, 2);
  g_assert_cmpuint (evaluation->n_correct, ==, 3);
  g_assert_cmpfloat_with_epsilon (evaluation->accuracy, 3.0 / 7.0, 1e-12);

  /* cat: right on c1; c2 went to dog, c3 stayed under the threshold; d2 was called a cat. */
  assert_score (evaluation, "ai_cat", 1, 1, 2, 3, 1.0 / 2, 1.0 / 3);
  assert_score (evaluation, "ai_dog", 2, 1, 1, 3, 2.0 / 3, 2.0 / 3);
  assert_score (evaluation, "ai_bird", 0, 0, 1, 1, 0, 0);
  /* Predicted but no folder: precision 0, no support. */
  assert_score (evaluation, "ai_tiger", 0, 1, 0, 0, 0, 0);
  /* Matched labels without images still get a row. */
  assert_score (evaluation, "owl_01", 0, 0, 0, 0, 0, 0);
  g_assert_cmpstr (augur_evaluation_find_score (evaluation, "owl_01")->concept_name, ==, "Eule");
  g_assert_null (augur_evaluation_find_score (evaluation, "ai_nothing"));
  g_assert_cmpuint (evaluation->scores->len, ==, 6);
  g_assert_cmpstr (((AugurConceptScore *) g_ptr_array_index (evaluation->scores, 0))->concept_name,
                   ==, "bird");

  g_assert_cmpfloat_with_epsilon (evaluation->macro_precision, (0.5 + 2.0 / 3 + 0) / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (evaluation->macro_recall, (1.0 / 3 + 2.0 / 3 + 0) / 3, 1e-12);

  g_assert_cmpuint (confusion_count (evaluation, "ai_cat", "ai_cat"), ==, 1);
  g_assert_cmpuint (confusion_count (evaluation, "ai_cat", "ai_dog"), ==, 1);
  g_assert_cmpuint (confusion_count (evaluation, "ai_cat", NULL), ==, 1);
  g_assert_cmpuint (confusion_count (evaluation, "ai_dog", "ai_dog"), ==, 2);
  g_assert_cmpuint (confusion_count (evaluation, "ai_dog", "ai_cat"), ==, 1);
  g_assert_cmpuint (confusion_count (evaluation, "ai_bird", "ai_tiger"), ==, 1);
  g_assert_cmpuint (evaluation->confusion->len, ==, 6);
  confusion = g_ptr_array_index (evaluation->confusion, 0);
  g_assert_cmpuint (confusion->count, ==, 2);

  /* Ties: by label, then by prediction with "nothing" last; the diagonal is left out. */
  top = augur_evaluation_top_confusions (evaluation, 3);
  g_assert_cmpuint (top->len, ==, 3);
  confusion = g_ptr_array_index (top, 0);
  g_assert_cmpstr (confusion->label_name, ==, "bird");
  g_assert_cmpstr (confusion->predicted_name, ==, "tiger");
  confusion = g_ptr_array_index (top, 1);
  g_assert_cmpstr (confusion->label_name, ==, "cat");
  g_assert_cmpstr (confusion->predicted_name, ==, "dog");
  confusion = g_ptr_array_index (top, 2);
  g_assert_cmpstr (confusion->label_name, ==, "cat");
  g_assert_null (confusion->predicted_id);
}

static void
test_threshold (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(AugurGroundTruth) truth = detect (fixture);
  g_autoptr(GPtrArray) predictions = make_predictions (fixture);
  g_autoptr(AugurEvaluation) low = NULL;
  g_autoptr(AugurEvaluation) high = NULL;

  /* c3's 0.4 now counts. */
  low = augur_evaluation_compute (truth, predictions, 0.3, AUGUR_EVALUATION_SINGLE_LABEL);
  g_assert_cmpuint (low->n_correct, ==, 4);
  assert_score (low, "ai_cat", 2, 1, 1, 3, 2.0 / 3, 2.0 / 3);
  g_assert_cmpuint (confusion_count (low, "ai_cat", NULL), ==, 0);

  /* Nothing reaches 0.95: every image is a miss and nothing is predicted. */
  high = augur_evaluation_compute (truth, predictions, 0.95, AUGUR_EVALUATION_SINGLE_LABEL);
  g_assert_cmpuint (high->n_correct, ==, 0);
  g_assert_cmpfloat (high->accuracy, ==, 0);
  assert_score (high, "ai_dog", 0, 0, 3, 3, 0, 0);
  g_assert_null (augur_evaluation_find_score (high, "ai_tiger"));
  g_assert_cmpuint (confusion_count (high, "ai_dog", NULL), ==, 3);
}

static void
test_multi_label (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(AugurGroundTruth) truth = detect (fixture);
  g_autoptr(GPtrArray) predictions = make_predictions (fixture);
  g_autoptr(AugurEvaluation) evaluation = NULL;

  evaluation = augur_evaluation_compute (truth, predictions, 0.5, AUGUR_EVALUATION_MULTI_LABEL);

  g_assert_cmpint (evaluation->mode, ==, AUGUR_EVALUATION_MULTI_LABEL);
  g_assert_cmpuint (evaluation->n_evaluated, ==, 7);
  g_assert_cmpuint (evaluation->n_correct, ==, 3);
  /* p1 is a dog and, at 0.55, a cat too: a hit for dog and a false cat. */
  assert_score (evaluation, "ai_cat", 1, 2, 2, 3, 1.0 / 3, 1.0 / 3);
  assert_score (evaluation, "ai_dog", 2, 1, 1, 3, 2.0 / 3, 2.0 / 3);
  assert_score (evaluation, "ai_tiger", 0, 1, 0, 0, 0, 0);
  g_assert_cmpuint (confusion_count (evaluation, "ai_dog", "ai_cat"), ==, 2);
  g_assert_cmpuint (confusion_count (evaluation, "ai_dog", "ai_dog"), ==, 2);
  g_assert_cmpuint (confusion_count (evaluation, "ai_cat", NULL), ==, 1);
}

/* 5,000 images over many labels: it has to stay linear; this just has to finish and add up. */
static void
test_many_inputs (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) concepts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) predictions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurGroundTruth) truth = NULL;
  g_autoptr(AugurEvaluation) evaluation = NULL;
  guint n_labels = 200;
  guint n_images = 5000;
  guint n_expected_correct = 0;

  for (guint i = 0; i < n_labels; i++)
    {
      g_autofree char *id = g_strdup_printf ("id-%03u", i);

      g_ptr_array_add (names, g_strdup_printf ("Label %03u", i));
      g_ptr_array_add (concepts, augur_concept_new (id, g_ptr_array_index (names, i), 0));
    }
  g_ptr_array_add (names, NULL);
  truth = augur_ground_truth_new_for_names (fixture->folder, (const char * const *) names->pdata,
                                            concepts);
  g_assert_cmpuint (augur_ground_truth_get_n_matched (truth), ==, n_labels);

  for (guint i = 0; i < n_images; i++)
    {
      AugurPrediction *prediction = augur_prediction_new ();
      g_autofree char *relative = g_strdup_printf ("Label %03u/img-%05u.jpg", i % n_labels, i);
      g_autoptr(GFile) file = tree_file (fixture, relative);
      g_autoptr(AugurInput) input = augur_input_new_file (file);
      guint predicted = i % 4 == 0 ? (i + 1) % n_labels : i % n_labels;

      augur_prediction_set_input (prediction, input);
      for (guint j = 0; j < 20; j++)
        {
          g_autofree char *id = g_strdup_printf ("id-%03u", (predicted + j) % n_labels);

          g_ptr_array_add (augur_prediction_get_concepts (prediction),
                           augur_concept_new (id, id, 0.9 - j * 0.04));
        }
      n_expected_correct += predicted == i % n_labels;
      g_ptr_array_add (predictions, prediction);
    }

  evaluation = augur_evaluation_compute (truth, predictions, 0.5, AUGUR_EVALUATION_SINGLE_LABEL);
  g_assert_cmpuint (evaluation->n_evaluated, ==, n_images);
  g_assert_cmpuint (evaluation->n_correct, ==, n_expected_correct);
  g_clear_pointer (&evaluation, augur_evaluation_free);

  evaluation = augur_evaluation_compute (truth, predictions, 0.5, AUGUR_EVALUATION_MULTI_LABEL);
  g_assert_cmpuint (evaluation->n_evaluated, ==, n_images);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/evaluation/ground-truth/detect", Fixture, NULL,
              fixture_set_up, test_detect, fixture_tear_down);
  g_test_add ("/evaluation/ground-truth/detect-async", Fixture, NULL,
              fixture_set_up, test_detect_async, fixture_tear_down);
  g_test_add ("/evaluation/ground-truth/errors", Fixture, NULL,
              fixture_set_up, test_detect_errors, fixture_tear_down);
  g_test_add ("/evaluation/ground-truth/not-ground-truth", Fixture, NULL,
              fixture_set_up, test_not_ground_truth, fixture_tear_down);
  g_test_add ("/evaluation/scores/single-label", Fixture, NULL,
              fixture_set_up, test_single_label, fixture_tear_down);
  g_test_add ("/evaluation/scores/threshold", Fixture, NULL,
              fixture_set_up, test_threshold, fixture_tear_down);
  g_test_add ("/evaluation/scores/multi-label", Fixture, NULL,
              fixture_set_up, test_multi_label, fixture_tear_down);
  g_test_add ("/evaluation/scores/many-inputs", Fixture, NULL,
              fixture_set_up, test_many_inputs, fixture_tear_down);

  return g_test_run ();
}
