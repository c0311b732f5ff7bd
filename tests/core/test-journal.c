/* test-journal.c: run journals on disk: every field of every kind of result comes back,
 * damaged lines are skipped and counted, runs list newest first with their counts, and a
 * run killed mid-batch resumes without sending finished inputs again (judged by the fake
 * server's request log).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-journal"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "augur-core.h"
#include "augur-journal.h"
#include "augur-prediction-json.h"
#include "augur-result-cache.h"
#include "augur-test-server.h"

#define MODEL_PATH_SUFFIX "/outputs"

/* Helpers: waiting ------------------------------------------------------------------------- */

static void
append_and_wait (AugurJournal    *journal,
                 guint            column,
                 guint            index,
                 AugurPrediction *prediction)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  augur_journal_append_async (journal, column, index, prediction, NULL, augur_test_store_result_cb,
                              &result);
  g_assert_true (augur_journal_append_finish (journal, augur_test_wait_for_result (&result),
                                              &error));
  g_assert_no_error (error);
}

static void
flush_and_wait (AugurJournal *journal)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  augur_journal_flush_async (journal, NULL, augur_test_store_result_cb, &result);
  g_assert_true (augur_journal_flush_finish (journal, augur_test_wait_for_result (&result),
                                             &error));
  g_assert_no_error (error);
}

static void
close_and_wait (AugurJournal  *journal,
                AugurRunState  state)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  augur_journal_close_async (journal, state, NULL, augur_test_store_result_cb, &result);
  g_assert_true (augur_journal_close_finish (journal, augur_test_wait_for_result (&result),
                                             &error));
  g_assert_no_error (error);
}

/* Lets the journal's last references (held by finished tasks) go. The very last one may
 * be dropped in a worker thread, which does not wake the main context: hence polling. */
static void
drop_journal (AugurJournal *journal)
{
  GWeakRef weak;

  g_weak_ref_init (&weak, journal);
  g_object_unref (journal);
  for (;;)
    {
      g_autoptr(GObject) still = g_weak_ref_get (&weak);

      if (still == NULL)
        break;
      g_clear_object (&still);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_weak_ref_clear (&weak);
}

static AugurRun *
load_run (const char *path)
{
  g_autoptr(GError) error = NULL;
  AugurRun *run = augur_journal_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (run);
  g_assert_true (augur_run_has_results (run));
  return run;
}

static char *
runs_root (void)
{
  return augur_journal_get_default_root ();
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_text (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Helpers: runs ---------------------------------------------------------------------------- */

static AugurModelRef *
classifier_ref (void)
{
  return augur_model_ref_new ("clarifai", "main", "general-image-recognition", NULL);
}

static AugurSettings *
rich_settings (void)
{
  AugurSettings *settings = augur_settings_new ();

  augur_settings_set_max_concepts (settings, 5);
  augur_settings_set_min_value (settings, 0.25);
  augur_settings_set_language (settings, "fr");
  augur_settings_add_select_concept (settings, "ai_dog", FALSE);
  augur_settings_add_select_concept (settings, "cat", TRUE);
  augur_settings_set_param_double (settings, AUGUR_PARAM_TEMPERATURE, 0.7);
  augur_settings_set_param_int (settings, AUGUR_PARAM_MAX_TOKENS, 256);
  augur_settings_set_param_string (settings, AUGUR_PARAM_SYSTEM_PROMPT, "Be brief\nand \"kind\"");
  augur_settings_set_param_boolean (settings, AUGUR_PARAM_DO_SAMPLE, TRUE);
  return settings;
}

static GPtrArray *
one_column (AugurSettings *settings)
{
  g_autoptr(AugurModelRef) ref = classifier_ref ();
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_run_column_free);

  g_ptr_array_add (columns, augur_run_column_new (ref, settings));
  return columns;
}

static char *
write_input_file (const char *name,
                  const char *contents)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "inputs", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_text (path, contents);
  return path;
}

/* One input of every kind: file, image URL, text, pasted bytes, text URL with a prompt. */
static GPtrArray *
mixed_inputs (void)
{
  g_autofree char *path = write_input_file ("photo of a cat.jpg", "not really a jpeg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("\xff\xd8\xff", 3);
  g_autoptr(AugurInput) text_url = augur_input_new_text_url ("https://example.com/essay.txt");
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (inputs, augur_input_new_file (file));
  g_ptr_array_add (inputs, augur_input_new_image_url ("https://example.com/dog.png"));
  g_ptr_array_add (inputs, augur_input_new_text ("Héllo\nworld \"quoted\" \\ backslash"));
  g_ptr_array_add (inputs, augur_input_new_bytes (bytes, "Pasted image"));
  g_ptr_array_add (inputs, augur_input_with_prompt (text_url, "Summarize this"));
  return inputs;
}

static GPtrArray *
text_inputs (guint n)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("input text %02u", i);

      g_ptr_array_add (inputs, augur_input_new_text (text));
    }
  return inputs;
}

static AugurJournal *
create_journal (const char *root,
                GPtrArray  *columns,
                GPtrArray  *inputs)
{
  g_autoptr(GError) error = NULL;
  AugurJournal *journal;

  journal = augur_journal_create (root, "http://127.0.0.1:1/v2", columns, inputs, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (journal);
  return journal;
}

/* Helpers: predictions --------------------------------------------------------------------- */

static AugurStatus *
ok_status (void)
{
  AugurStatus *status = augur_status_new (AUGUR_STATUS_SUCCESS, "Ok", "All good", "req-1234");

  status->http_status = 200;
  return status;
}

static AugurPrediction *
classifier_prediction (void)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_autoptr(AugurStatus) status = ok_status ();
  GPtrArray *concepts = augur_prediction_get_concepts (prediction);

  augur_prediction_set_index (prediction, 7);
  augur_prediction_set_status (prediction, status);
  /* Not sorted on purpose: the order the server sent is kept. */
  g_ptr_array_add (concepts, augur_concept_new ("ai_1", "train", 0.99960595));
  g_ptr_array_add (concepts, augur_concept_new ("ai_2", "railway", 0.7));
  g_ptr_array_add (concepts, augur_concept_new ("ai_3", "subway system “ü”", 0.9982582));
  g_ptr_array_add (concepts, augur_concept_new ("ai_4", NULL, 1e-20));
  g_ptr_array_add (concepts, augur_concept_new ("ai_5", "huge", 1e+20));
  g_ptr_array_add (concepts, augur_concept_new ("ai_6", "zero", 0));
  augur_prediction_set_model (prediction, "general-image-recognition",
                              "aa7f35c01e0642fda5cf400f543e7c40", "visual-classifier");
  augur_prediction_set_duration_ms (prediction, 123.456789);
  return prediction;
}

static AugurPrediction *
detector_prediction (void)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_autoptr(AugurStatus) status = ok_status ();
  AugurRegion *boxed = augur_region_new ("r1", 0.1, 0.2, 0.5, 0.6, 0.98);
  AugurRegion *unboxed = augur_region_new ("r2", 0, 0, 0, 0, 0.5);
  g_autoptr(AugurConcept) face = augur_concept_new ("face", "face", 0.98);
  g_autoptr(AugurConcept) smile = augur_concept_new ("smile", "smile", 0.4);

  augur_region_add_concept (boxed, face);
  augur_region_add_concept (boxed, smile);
  augur_region_set_has_box (unboxed, FALSE);
  augur_region_add_concept (unboxed, smile);
  g_ptr_array_add (augur_prediction_get_regions (prediction), boxed);
  g_ptr_array_add (augur_prediction_get_regions (prediction), unboxed);
  augur_prediction_set_status (prediction, status);
  augur_prediction_set_model (prediction, "face-detection", "fe995da8cb73490f8556416ecf25cea3",
                              "visual-detector");
  augur_prediction_set_duration_ms (prediction, 88);
  augur_prediction_set_cached (prediction, TRUE);
  return prediction;
}

static AugurPrediction *
text_prediction (void)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_autoptr(AugurStatus) status = ok_status ();
  g_autoptr(GBytes) image = g_bytes_new_static ("\x89PNG\r\n\x1a\n\0\x01\x02", 11);
  GArray *vector = g_array_new (FALSE, FALSE, sizeof (float));
  float values[] = { 0.1f, -2.5f, 3.14159265f, 1e-38f, 0, NAN, INFINITY };

  g_array_append_vals (vector, values, G_N_ELEMENTS (values));
  augur_prediction_set_status (prediction, status);
  augur_prediction_set_text (prediction, "Once upon a time…\n\t\"the end\" \\ \x01");
  augur_prediction_add_embedding (prediction, vector);
  augur_prediction_set_image (prediction, image);
  augur_prediction_set_model (prediction, "gpt-4o", "1cd39c6a109f4f0e94f1ac3fe233c207",
                              "multimodal-to-text");
  augur_prediction_set_tokens (prediction, 1234, 56);
  augur_prediction_set_duration_ms (prediction, 4321.5);
  return prediction;
}

static AugurPrediction *
failed_prediction (void)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_autoptr(AugurStatus) status = augur_status_new (AUGUR_STATUS_INPUT_FAILED,
                                                    "Download failed; check URL",
                                                    "404 from the image host", "req-9876");
  g_autoptr(GError) error = NULL;

  status->http_status = 400;
  error = augur_error_new_status (AUGUR_ERROR_API, status);
  g_free (error->message);
  error->message = g_strdup ("A message written by the batch, not the status");
  augur_prediction_set_status (prediction, status);
  augur_prediction_set_error (prediction, error);
  augur_prediction_set_model (prediction, "general-image-recognition", NULL, NULL);
  augur_prediction_set_duration_ms (prediction, 12);
  return prediction;
}

static AugurPrediction *
gio_failed_prediction (void)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                                 "Could not read “secret.jpg”");

  augur_prediction_set_error (prediction, error);
  return prediction;
}

static AugurPrediction *
other_domain_failed_prediction (void)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_autoptr(GError) error = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOENT, "Gone");

  augur_prediction_set_error (prediction, error);
  return prediction;
}

/* Comparing -------------------------------------------------------------------------------- */

static void
assert_double_same (double a,
                    double b)
{
  if (isnan (a))
    g_assert_true (isnan (b));
  else
    g_assert_cmpfloat (a, ==, b);
}

static void
assert_status_equal (const AugurStatus *a,
                     const AugurStatus *b)
{
  if (a == NULL)
    {
      g_assert_null (b);
      return;
    }
  g_assert_nonnull (b);
  g_assert_cmpint (a->code, ==, b->code);
  g_assert_cmpstr (a->description, ==, b->description);
  g_assert_cmpstr (a->details, ==, b->details);
  g_assert_cmpstr (a->req_id, ==, b->req_id);
  g_assert_cmpuint (a->http_status, ==, b->http_status);
}

static void
assert_concepts_equal (GPtrArray *a,
                       GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      AugurConcept *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (augur_concept_get_id (x), ==, augur_concept_get_id (y));
      g_assert_cmpstr (augur_concept_get_name (x), ==, augur_concept_get_name (y));
      assert_double_same (augur_concept_get_value (x), augur_concept_get_value (y));
    }
}

static void
assert_regions_equal (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      AugurRegion *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (augur_region_get_id (x), ==, augur_region_get_id (y));
      g_assert_cmpfloat (augur_region_get_top_row (x), ==, augur_region_get_top_row (y));
      g_assert_cmpfloat (augur_region_get_left_col (x), ==, augur_region_get_left_col (y));
      g_assert_cmpfloat (augur_region_get_bottom_row (x), ==, augur_region_get_bottom_row (y));
      g_assert_cmpfloat (augur_region_get_right_col (x), ==, augur_region_get_right_col (y));
      g_assert_cmpfloat (augur_region_get_value (x), ==, augur_region_get_value (y));
      g_assert_cmpint (augur_region_has_box (x), ==, augur_region_has_box (y));
      assert_concepts_equal (augur_region_get_concepts (x), augur_region_get_concepts (y));
    }
}

static void
assert_embeddings_equal (GPtrArray *a,
                         GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      GArray *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpuint (x->len, ==, y->len);
      for (guint j = 0; j < x->len; j++)
        assert_double_same (g_array_index (x, float, j), g_array_index (y, float, j));
    }
}

static void
assert_errors_equal (const GError *a,
                     const GError *b)
{
  if (a == NULL)
    {
      g_assert_no_error (b);
      return;
    }
  g_assert_nonnull (b);
  g_assert_error (b, a->domain, a->code);
  g_assert_cmpstr (a->message, ==, b->message);
  assert_status_equal (augur_error_get_status (a), augur_error_get_status (b));
}

/* Every field but the index and the input, which belong to the run. */
static void
assert_predictions_equal (AugurPrediction *a,
                          AugurPrediction *b)
{
  g_assert_nonnull (b);
  assert_status_equal (augur_prediction_get_status (a), augur_prediction_get_status (b));
  assert_errors_equal (augur_prediction_get_error (a), augur_prediction_get_error (b));
  g_assert_cmpint (augur_prediction_is_success (a), ==, augur_prediction_is_success (b));
  assert_concepts_equal (augur_prediction_get_concepts (a), augur_prediction_get_concepts (b));
  assert_regions_equal (augur_prediction_get_regions (a), augur_prediction_get_regions (b));
  g_assert_cmpstr (augur_prediction_get_text (a), ==, augur_prediction_get_text (b));
  assert_embeddings_equal (augur_prediction_get_embeddings (a),
                           augur_prediction_get_embeddings (b));
  if (augur_prediction_get_image (a) == NULL)
    g_assert_null (augur_prediction_get_image (b));
  else
    g_assert_true (g_bytes_equal (augur_prediction_get_image (a), augur_prediction_get_image (b)));
  g_assert_cmpstr (augur_prediction_get_model_id (a), ==, augur_prediction_get_model_id (b));
  g_assert_cmpstr (augur_prediction_get_version_id (a), ==, augur_prediction_get_version_id (b));
  g_assert_cmpstr (augur_prediction_get_model_type_id (a), ==,
                   augur_prediction_get_model_type_id (b));
  g_assert_cmpuint (augur_prediction_get_prompt_tokens (a), ==,
                    augur_prediction_get_prompt_tokens (b));
  g_assert_cmpuint (augur_prediction_get_completion_tokens (a), ==,
                    augur_prediction_get_completion_tokens (b));
  g_assert_cmpfloat (augur_prediction_get_duration_ms (a), ==, augur_prediction_get_duration_ms (b));
  g_assert_cmpint (augur_prediction_get_cached (a), ==, augur_prediction_get_cached (b));
}

static void
assert_settings_equal (AugurSettings *a,
                       AugurSettings *b)
{
  g_autofree char *key_a = augur_settings_to_key (a);
  g_autofree char *key_b = augur_settings_to_key (b);

  g_assert_cmpstr (key_a, ==, key_b);
}

/* Tests: round trips ----------------------------------------------------------------------- */

typedef AugurPrediction *(*MakePrediction) (void);

static void
assert_inputs_rebuilt (AugurRun  *run,
                       GPtrArray *inputs)
{
  g_assert_cmpuint (augur_run_get_n_inputs (run), ==, inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      AugurInput *original = g_ptr_array_index (inputs, i);
      AugurInput *rebuilt = augur_run_get_input (run, i);

      g_assert_cmpstr (augur_run_get_input_label (run, i), ==, augur_input_get_label (original));
      if (augur_input_get_kind (original) == AUGUR_INPUT_BYTES)
        {
          g_assert_null (rebuilt);
          continue;
        }
      g_assert_nonnull (rebuilt);
      g_assert_cmpint (augur_input_get_kind (rebuilt), ==, augur_input_get_kind (original));
      g_assert_cmpstr (augur_input_get_label (rebuilt), ==, augur_input_get_label (original));
      g_assert_cmpstr (augur_input_get_url (rebuilt), ==, augur_input_get_url (original));
      g_assert_cmpstr (augur_input_get_text (rebuilt), ==, augur_input_get_text (original));
      g_assert_cmpstr (augur_input_get_prompt (rebuilt), ==, augur_input_get_prompt (original));
      if (augur_input_get_file (original) != NULL)
        g_assert_true (g_file_equal (augur_input_get_file (rebuilt),
                                     augur_input_get_file (original)));
    }
}

static void
test_round_trip (gconstpointer user_data)
{
  MakePrediction make = (MakePrediction) user_data;
  g_autoptr(AugurSettings) settings = rich_settings ();
  g_autoptr(GPtrArray) columns = one_column (settings);
  g_autoptr(GPtrArray) inputs = mixed_inputs ();
  g_autoptr(AugurPrediction) prediction = make ();
  g_autoptr(AugurRun) run = NULL;
  g_autofree char *path = NULL;
  AugurJournal *journal;
  GPtrArray *results;

  /* A NULL root is the default one, under the (isolated) XDG data dir. */
  journal = create_journal (NULL, columns, inputs);
  path = g_strdup (augur_journal_get_path (journal));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  append_and_wait (journal, 0, 2, prediction);
  close_and_wait (journal, AUGUR_RUN_STATE_FINISHED);
  drop_journal (journal);

  run = load_run (path);
  g_assert_cmpuint (augur_run_get_n_skipped_lines (run), ==, 0);
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_FINISHED);
  g_assert_nonnull (augur_run_get_finished_at (run));
  g_assert_cmpstr (augur_run_get_base_url (run), ==, "http://127.0.0.1:1/v2");
  g_assert_cmpuint (augur_run_get_n_columns (run), ==, 1);
  g_assert_true (augur_model_ref_equal (augur_run_get_column (run, 0)->ref,
                                        ((AugurRunColumn *) columns->pdata[0])->ref));
  assert_settings_equal (augur_run_get_column (run, 0)->settings, settings);
  assert_inputs_rebuilt (run, inputs);

  results = augur_run_get_results (run, 0);
  g_assert_cmpuint (results->len, ==, inputs->len);
  for (guint i = 0; i < results->len; i++)
    if (i != 2)
      g_assert_null (g_ptr_array_index (results, i));
  assert_predictions_equal (prediction, g_ptr_array_index (results, 2));
  g_assert_cmpuint (augur_prediction_get_index (g_ptr_array_index (results, 2)), ==, 2);
  g_assert_true (augur_prediction_get_input (g_ptr_array_index (results, 2)) ==
                 augur_run_get_input (run, 2));
  g_assert_cmpuint (augur_run_get_n_done (run) + augur_run_get_n_failed (run), ==, 1);
  g_assert_cmpuint (augur_run_get_n_pending (run), ==, inputs->len - 1);
}

/* Results added without a callback (their lines built in the writer thread) land in order,
 * interleaved with appended ones, before the end line; after closing they are dropped. */
static void
test_add_result (void)
{
  g_autoptr(AugurSettings) settings = rich_settings ();
  g_autoptr(GPtrArray) columns = one_column (settings);
  g_autoptr(GPtrArray) inputs = mixed_inputs ();
  g_autoptr(AugurPrediction) classifier = classifier_prediction ();
  g_autoptr(AugurPrediction) failed = failed_prediction ();
  g_autoptr(AugurPrediction) late = classifier_prediction ();
  g_autoptr(AugurRun) run = NULL;
  g_autofree char *path = NULL;
  AugurJournal *journal;
  GPtrArray *results;
  GError *write_error;

  journal = create_journal (NULL, columns, inputs);
  path = g_strdup (augur_journal_get_path (journal));
  augur_journal_add_result (journal, 0, 0, classifier);
  augur_journal_add_result (journal, 0, 1, failed);
  append_and_wait (journal, 0, 2, classifier);
  /* A later line for the same slot replaces the earlier one. */
  augur_journal_add_result (journal, 0, 0, failed);
  close_and_wait (journal, AUGUR_RUN_STATE_FINISHED);
  augur_journal_add_result (journal, 0, 3, late);
  write_error = augur_journal_dup_write_error (journal);
  g_assert_no_error (write_error);
  drop_journal (journal);

  run = load_run (path);
  g_assert_cmpuint (augur_run_get_n_skipped_lines (run), ==, 0);
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_FINISHED);
  results = augur_run_get_results (run, 0);
  assert_predictions_equal (failed, g_ptr_array_index (results, 0));
  assert_predictions_equal (failed, g_ptr_array_index (results, 1));
  assert_predictions_equal (classifier, g_ptr_array_index (results, 2));
  g_assert_null (g_ptr_array_index (results, 3));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (augur_prediction_get_index (g_ptr_array_index (results, i)), ==, i);
}

/* The lossless form alone, without a journal, for every kind at once. */
static void
test_prediction_json_round_trip (void)
{
  MakePrediction makers[] = {
    classifier_prediction, detector_prediction, text_prediction, failed_prediction,
    gio_failed_prediction, other_domain_failed_prediction,
  };

  for (guint i = 0; i < G_N_ELEMENTS (makers); i++)
    {
      g_autoptr(AugurPrediction) prediction = makers[i] ();
      g_autoptr(JsonNode) node = augur_prediction_to_lossless_json (prediction);
      g_autofree char *line = augur_json_line_write (node);
      g_autoptr(JsonNode) parsed = NULL;
      g_autoptr(AugurPrediction) back = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_str_has_suffix (line, "\n"));
      g_assert_true (strchr (line, '\n') == line + strlen (line) - 1);
      parsed = augur_json_line_parse (line, -1, &error);
      g_assert_no_error (error);
      back = augur_prediction_new_from_lossless_json (parsed, &error);
      g_assert_no_error (error);
      assert_predictions_equal (prediction, back);
      g_assert_cmpuint (augur_prediction_get_index (back), ==,
                        augur_prediction_get_index (prediction));
    }
}

static void
test_settings_round_trip (void)
{
  g_autoptr(AugurSettings) settings = rich_settings ();
  g_autoptr(AugurSettings) defaults = augur_settings_new ();
  AugurSettings *all[] = { settings, defaults };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autoptr(JsonNode) node = augur_settings_to_lossless_json (all[i]);
      g_autoptr(AugurSettings) back = NULL;
      g_autoptr(GError) error = NULL;

      back = augur_settings_new_from_lossless_json (node, &error);
      g_assert_no_error (error);
      assert_settings_equal (all[i], back);
    }
}

/* Tests: damage ---------------------------------------------------------------------------- */

static void
test_damaged_lines (void)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(GPtrArray) columns = one_column (settings);
  g_autoptr(GPtrArray) inputs = text_inputs (5);
  g_autoptr(AugurRun) run = NULL;
  g_autoptr(AugurRun) resumed = NULL;
  g_autoptr(AugurRun) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *damaged = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *partial = NULL;
  AugurJournal *journal;
  GPtrArray *results;
  g_autoptr(AugurPrediction) prediction = classifier_prediction ();

  journal = create_journal (NULL, columns, inputs);
  path = g_strdup (augur_journal_get_path (journal));
  for (guint i = 0; i < 4; i++)
    append_and_wait (journal, 0, i, prediction);
  flush_and_wait (journal);
  drop_journal (journal);

  /* header, r0, garbage, r1, r2, an end line, and r3 cut short as a crash mid-write
   * leaves it. */
  contents = read_text (path);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  partial = g_strndup (lines[4], strlen (lines[4]) - 10);
  damaged = g_strconcat (lines[0], "\n", lines[1], "\n", "{\"index\": 3, \"colu\x01mn\n",
                         lines[2], "\n", lines[3], "\n",
                         "{\"state\":\"cancelled\",\"finished_at\":\"2024-05-01T10:00:00Z\"}\n",
                         partial, NULL);
  write_text (path, damaged);

  run = load_run (path);
  g_assert_cmpuint (augur_run_get_n_skipped_lines (run), ==, 2);
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_CANCELLED);
  results = augur_run_get_results (run, 0);
  for (guint i = 0; i < 3; i++)
    assert_predictions_equal (prediction, g_ptr_array_index (results, i));
  g_assert_null (g_ptr_array_index (results, 3));
  g_assert_null (g_ptr_array_index (results, 4));
  g_assert_cmpuint (augur_run_get_n_done (run), ==, 3);
  g_assert_cmpuint (augur_run_get_n_pending (run), ==, 2);

  /* Continuing must not glue its first line onto the half-written one: the run now reads
   * as resumed (interrupted), not as still cancelled. */
  journal = augur_journal_reopen (path, &error);
  g_assert_no_error (error);
  drop_journal (journal);
  reopened = load_run (path);
  g_assert_cmpuint (augur_run_get_n_skipped_lines (reopened), ==, 2);
  g_assert_cmpint (augur_run_get_state (reopened), ==, AUGUR_RUN_STATE_INTERRUPTED);

  journal = augur_journal_reopen (path, &error);
  g_assert_no_error (error);
  append_and_wait (journal, 0, 3, prediction);
  append_and_wait (journal, 0, 4, prediction);
  close_and_wait (journal, AUGUR_RUN_STATE_FINISHED);
  drop_journal (journal);

  resumed = load_run (path);
  g_assert_cmpuint (augur_run_get_n_skipped_lines (resumed), ==, 2);
  g_assert_cmpint (augur_run_get_state (resumed), ==, AUGUR_RUN_STATE_FINISHED);
  g_assert_cmpuint (augur_run_get_n_done (resumed), ==, 5);
  g_assert_cmpuint (augur_run_get_n_pending (resumed), ==, 0);
}

static void
test_odd_lines (void)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(GPtrArray) columns = one_column (settings);
  g_autoptr(GPtrArray) inputs = text_inputs (2);
  g_autoptr(AugurRun) run = NULL;
  g_autoptr(AugurPrediction) prediction = classifier_prediction ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  AugurJournal *journal;

  journal = create_journal (NULL, columns, inputs);
  path = g_strdup (augur_journal_get_path (journal));
  append_and_wait (journal, 0, 0, prediction);
  close_and_wait (journal, AUGUR_RUN_STATE_CANCELLED);
  drop_journal (journal);

  contents = read_text (path);
  edited = g_string_new (contents);
  g_string_append (edited, "\n   \n");                                         /* blank: ignored */
  g_string_append (edited, "{\"hello\": 1}\n");                                 /* unknown shape */
  g_string_append (edited, "{\"index\": 9, \"column\": 0, \"prediction\": {}}\n");  /* no input 9 */
  g_string_append (edited, "{\"index\": 1, \"column\": 3, \"prediction\": {}}\n");  /* no column 3 */
  g_string_append (edited, "{\"index\": 1, \"column\": 0, \"prediction\": {\"concepts\": \"x\"}}\n");
  g_string_append (edited, "[1, 2, 3]\n");
  g_string_append (edited, "\xff\xfe not utf-8\n");
  g_string_append (edited, "{\"state\": \"exploded\"}\n");
  write_text (path, edited->str);

  run = load_run (path);
  g_assert_cmpuint (augur_run_get_n_skipped_lines (run), ==, 7);
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_CANCELLED);
  g_assert_nonnull (g_ptr_array_index (augur_run_get_results (run, 0), 0));
  g_assert_null (g_ptr_array_index (augur_run_get_results (run, 0), 1));
}

static void
test_damaged_header (void)
{
  g_autofree char *root = runs_root ();
  g_autofree char *path = g_build_filename (root, "20240101-000000-deadbeef.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurRun) run = NULL;
  const char *headers[] = {
    "",
    "garbage\n",
    "{\"format\": 1, \"run_id\": \"x\"}\n",
    "{\"format\": 1, \"run_id\": \"x\", \"created_at\": \"2024-01-01T00:00:00Z\", "
      "\"columns\": [], \"inputs\": []}\n",
    "{\"format\": 1, \"run_id\": \"x\", \"created_at\": \"2024-01-01T00:00:00Z\", "
      "\"columns\": [{\"model\": \"only/two\"}], \"inputs\": []}\n",
  };

  g_assert_cmpint (g_mkdir_with_parents (root, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autoptr(GPtrArray) runs = NULL;

      g_clear_error (&error);
      write_text (path, headers[i]);
      run = augur_journal_load (path, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_null (run);

      g_clear_error (&error);
      runs = augur_journal_list_runs (root, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (runs->len, ==, 0);
    }

  g_clear_error (&error);
  write_text (path, "{\"format\": 2}\n");
  run = augur_journal_load (path, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_null (run);
}

/* Tests: states, listing, pending ---------------------------------------------------------- */

static void
test_states (void)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(GPtrArray) columns = one_column (settings);
  g_autoptr(GPtrArray) inputs = text_inputs (3);
  g_autoptr(AugurPrediction) prediction = classifier_prediction ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AugurJournal *journal;
  AugurRun *run;

  /* Killed: no end line. */
  journal = create_journal (NULL, columns, inputs);
  path = g_strdup (augur_journal_get_path (journal));
  append_and_wait (journal, 0, 0, prediction);
  drop_journal (journal);
  run = load_run (path);
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_INTERRUPTED);
  g_clear_object (&run);

  /* Resumed and cancelled. */
  journal = augur_journal_reopen (path, &error);
  g_assert_no_error (error);
  append_and_wait (journal, 0, 1, prediction);
  close_and_wait (journal, AUGUR_RUN_STATE_CANCELLED);

  /* Nothing more after closing. */
  augur_journal_append_async (journal, 0, 2, prediction, NULL, augur_test_store_result_cb, &result);
  g_assert_false (augur_journal_append_finish (journal, augur_test_wait_for_result (&result),
                                               &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_clear_error (&error);
  g_clear_object (&result);
  augur_journal_close_async (journal, AUGUR_RUN_STATE_FINISHED, NULL, augur_test_store_result_cb,
                             &result);
  g_assert_false (augur_journal_close_finish (journal, augur_test_wait_for_result (&result),
                                              &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_null (augur_journal_dup_write_error (journal));
  drop_journal (journal);

  run = load_run (path);
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_CANCELLED);
  g_assert_cmpuint (augur_run_get_n_done (run), ==, 2);
  g_clear_object (&run);

  /* Resumed, then killed again: interrupted, whatever came before. */
  journal = augur_journal_reopen (path, &error);
  g_assert_no_error (error);
  drop_journal (journal);
  run = load_run (path);
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_INTERRUPTED);
  g_assert_null (augur_run_get_finished_at (run));
  g_clear_object (&run);

  /* Resumed and finished. */
  journal = augur_journal_reopen (path, &error);
  g_assert_no_error (error);
  append_and_wait (journal, 0, 2, prediction);
  close_and_wait (journal, AUGUR_RUN_STATE_FINISHED);
  drop_journal (journal);
  run = load_run (path);
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_FINISHED);
  g_assert_cmpuint (augur_run_get_n_done (run), ==, 3);
  g_assert_cmpuint (augur_run_get_n_skipped_lines (run), ==, 0);
  g_clear_object (&run);
}

static void
write_run_file (const char *root,
                const char *run_id,
                const char *created_at,
                const char *body)
{
  g_autofree char *name = g_strconcat (run_id, ".jsonl", NULL);
  g_autofree char *path = g_build_filename (root, name, NULL);
  g_autofree char *contents = NULL;

  contents = g_strdup_printf ("{\"format\":1,\"run_id\":\"%s\",\"created_at\":\"%s\","
                              "\"base_url\":\"https://api.clarifai.com\","
                              "\"columns\":[{\"model\":\"clarifai/main/general\",\"version_id\":null,"
                              "\"settings\":{\"max_concepts\":10,\"min_value\":-1,\"language\":\"\","
                              "\"select_concepts\":[],\"params\":{\"temperature\":0.5}}},"
                              "{\"model\":\"clarifai/main/general\",\"version_id\":\"v-old\"}],"
                              "\"inputs\":[{\"index\":0,\"label\":\"a\",\"kind\":\"text\",\"text\":\"a\"},"
                              "{\"index\":1,\"label\":\"b.jpg\",\"kind\":\"file\",\"path\":\"/nowhere/b.jpg\"},"
                              "{\"index\":2,\"label\":\"Pasted image\",\"kind\":\"bytes\"}]}\n%s",
                              run_id, created_at, body);
  write_text (path, contents);
}

#define OK_LINE(index, column) \
  "{\"index\":" #index ",\"column\":" #column ",\"prediction\":{\"concepts\":[{\"id\":\"a\"," \
  "\"name\":\"A\",\"value\":0.5}],\"version_id\":\"v-new\"}}\n"
#define FAILED_LINE(index, column) \
  "{\"index\":" #index ",\"column\":" #column ",\"prediction\":{\"error\":{\"domain\":\"augur\"," \
  "\"code\":6,\"message\":\"boom\"}}}\n"

static void
test_listing (void)
{
  g_autofree char *root = g_build_filename (g_get_user_data_dir (), "elsewhere", "runs", NULL);
  g_autofree char *junk = g_build_filename (root, "notes.txt", NULL);
  g_autofree char *broken = g_build_filename (root, "broken.jsonl", NULL);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GPtrArray) inputs = text_inputs (4);
  g_autoptr(AugurSettings) settings = rich_settings ();
  g_autoptr(AugurPrediction) prediction = classifier_prediction ();
  g_autoptr(GError) error = NULL;
  g_autofree char *model = NULL;
  g_autofree char *described = NULL;
  g_autofree char *newest_id = NULL;
  AugurJournal *journal;
  AugurRun *run;

  /* An empty history is not an error. */
  runs = augur_journal_list_runs (root, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 0);
  g_clear_pointer (&runs, g_ptr_array_unref);

  g_assert_cmpint (g_mkdir_with_parents (root, 0700), ==, 0);
  write_run_file (root, "run-b", "2023-06-01T10:00:00.000000Z",
                  OK_LINE (0, 0) FAILED_LINE (1, 0) OK_LINE (0, 1) "{\"state\":\"finished\","
                  "\"finished_at\":\"2023-06-01T10:05:00.000000Z\"}\n");
  write_run_file (root, "run-a", "2023-01-01T10:00:00.000000Z", OK_LINE (2, 0));
  write_run_file (root, "run-c", "2022-12-31T23:59:59.000000Z",
                  "{\"state\":\"cancelled\",\"finished_at\":\"2023-01-01T00:00:00Z\"}\n");
  write_text (junk, "not a run");
  write_text (broken, "{\"format\": 1\n");

  columns = one_column (settings);
  journal = create_journal (root, columns, inputs);
  newest_id = g_strdup (augur_journal_get_run_id (journal));
  append_and_wait (journal, 0, 3, prediction);
  drop_journal (journal);

  runs = augur_journal_list_runs (root, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 4);
  g_assert_cmpstr (augur_run_get_id (g_ptr_array_index (runs, 0)), ==, newest_id);
  g_assert_cmpstr (augur_run_get_id (g_ptr_array_index (runs, 1)), ==, "run-b");
  g_assert_cmpstr (augur_run_get_id (g_ptr_array_index (runs, 2)), ==, "run-a");
  g_assert_cmpstr (augur_run_get_id (g_ptr_array_index (runs, 3)), ==, "run-c");

  run = g_ptr_array_index (runs, 0);
  g_assert_false (augur_run_has_results (run));
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_INTERRUPTED);
  g_assert_cmpuint (augur_run_get_n_inputs (run), ==, 4);
  g_assert_cmpuint (augur_run_get_n_done (run), ==, 1);
  g_assert_cmpuint (augur_run_get_n_pending (run), ==, 3);
  described = augur_run_column_describe_settings (augur_run_get_column (run, 0));
  g_assert_cmpstr (described, ==,
                   "max_concepts=5, min_value=0.25, language=fr, select_concepts=ai_dog,cat, "
                   "temperature=0.7, max_tokens=256, system_prompt=Be brief\nand \"kind\", "
                   "do_sample=true");
  g_clear_pointer (&described, g_free);

  run = g_ptr_array_index (runs, 1);
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_FINISHED);
  g_assert_nonnull (augur_run_get_finished_at (run));
  g_assert_cmpstr (augur_run_get_base_url (run), ==, "https://api.clarifai.com");
  g_assert_cmpuint (augur_run_get_n_columns (run), ==, 2);
  g_assert_cmpuint (augur_run_get_n_inputs (run), ==, 3);
  g_assert_cmpuint (augur_run_get_n_done (run), ==, 2);
  g_assert_cmpuint (augur_run_get_n_failed (run), ==, 1);
  g_assert_cmpuint (augur_run_get_n_pending (run), ==, 3);
  model = augur_run_column_describe_model (augur_run_get_column (run, 0));
  g_assert_cmpstr (model, ==, "clarifai/main/general");
  g_clear_pointer (&model, g_free);
  model = augur_run_column_describe_model (augur_run_get_column (run, 1));
  g_assert_cmpstr (model, ==, "clarifai/main/general@v-old");
  g_assert_cmpstr (augur_run_get_column (run, 0)->answered_version_id, ==, "v-new");
  described = augur_run_column_describe_settings (augur_run_get_column (run, 0));
  g_assert_cmpstr (described, ==, "max_concepts=10, temperature=0.5");
  g_clear_pointer (&described, g_free);
  described = augur_run_column_describe_settings (augur_run_get_column (run, 1));
  g_assert_cmpstr (described, ==, "");
  g_assert_cmpstr (augur_run_get_input_label (run, 1), ==, "b.jpg");
  g_assert_nonnull (augur_run_get_input (run, 1));
  g_assert_null (augur_run_get_input (run, 2));

  g_assert_cmpint (augur_run_get_state (g_ptr_array_index (runs, 2)), ==,
                   AUGUR_RUN_STATE_INTERRUPTED);
  g_assert_cmpint (augur_run_get_state (g_ptr_array_index (runs, 3)), ==,
                   AUGUR_RUN_STATE_CANCELLED);

  /* Deleting one. */
  g_assert_true (augur_journal_delete_run (augur_run_get_path (g_ptr_array_index (runs, 1)),
                                           &error));
  g_assert_no_error (error);
  g_assert_false (augur_journal_delete_run (augur_run_get_path (g_ptr_array_index (runs, 1)),
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&runs, g_ptr_array_unref);

  runs = augur_journal_list_runs (root, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 3);
  for (guint i = 0; i < runs->len; i++)
    g_assert_cmpstr (augur_run_get_id (g_ptr_array_index (runs, i)), !=, "run-b");
}

static void
list_runs_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  augur_test_store_result_cb (object, result, user_data);
}

static void
test_listing_async (void)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(GPtrArray) columns = one_column (settings);
  g_autoptr(GPtrArray) inputs = text_inputs (2);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(AugurJournal) journal = NULL;
  g_autoptr(AugurRun) run = NULL;
  g_autoptr(GError) error = NULL;

  augur_journal_create_async (NULL, NULL, columns, inputs, NULL, NULL, augur_test_store_result_cb,
                              &result);
  journal = augur_journal_create_finish (augur_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  augur_journal_list_runs_async (NULL, NULL, list_runs_done_cb, &result);
  runs = augur_journal_list_runs_finish (augur_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpstr (augur_run_get_id (g_ptr_array_index (runs, 0)), ==,
                   augur_journal_get_run_id (journal));
  g_assert_null (augur_run_get_base_url (g_ptr_array_index (runs, 0)));
  g_clear_object (&result);

  augur_journal_load_async (augur_journal_get_path (journal), NULL, augur_test_store_result_cb,
                            &result);
  run = augur_journal_load_finish (augur_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (augur_run_get_n_pending (run), ==, 2);
  g_clear_object (&result);

  augur_journal_load_async ("/nonexistent/run.jsonl", NULL, augur_test_store_result_cb, &result);
  g_assert_null (augur_journal_load_finish (augur_test_wait_for_result (&result), &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static GArray *
uints (guint n, ...)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (guint));
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      guint value = va_arg (args, guint);

      g_array_append_val (array, value);
    }
  va_end (args);
  return array;
}

static void
assert_uints_equal (GArray *actual,
                    GArray *expected)
{
  g_assert_cmpmem (actual->data, actual->len * sizeof (guint),
                   expected->data, expected->len * sizeof (guint));
}

static void
test_pending (void)
{
  g_autoptr(AugurModelRef) ref = classifier_ref ();
  g_autoptr(AugurModelRef) older = augur_model_ref_with_version (ref, AUGUR_TEST_VERSION_OLDER);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_run_column_free);
  g_autoptr(GPtrArray) inputs = text_inputs (6);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("abc", 3);
  g_autoptr(AugurPrediction) ok = classifier_prediction ();
  g_autoptr(AugurPrediction) failed = failed_prediction ();
  g_autoptr(AugurRun) run = NULL;
  g_autofree char *path = NULL;
  guint n_unavailable = 99;
  AugurJournal *journal;
  GArray *pending;
  GArray *expected;

  g_ptr_array_add (columns, augur_run_column_new (ref, NULL));
  g_ptr_array_add (columns, augur_run_column_new (older, NULL));
  g_object_unref (inputs->pdata[2]);
  inputs->pdata[2] = augur_input_new_bytes (bytes, "clipboard.png");

  journal = create_journal (NULL, columns, inputs);
  path = g_strdup (augur_journal_get_path (journal));
  append_and_wait (journal, 0, 0, ok);
  append_and_wait (journal, 0, 1, failed);
  append_and_wait (journal, 0, 3, ok);
  append_and_wait (journal, 1, 4, ok);
  /* A later line for the same slot wins. */
  append_and_wait (journal, 1, 5, failed);
  append_and_wait (journal, 1, 5, ok);
  drop_journal (journal);

  run = load_run (path);
  g_assert_cmpuint (augur_run_get_n_done (run), ==, 4);
  g_assert_cmpuint (augur_run_get_n_failed (run), ==, 1);
  g_assert_cmpuint (augur_run_get_n_pending (run), ==, 7);

  pending = augur_run_list_pending (run, 0, FALSE, &n_unavailable);
  expected = uints (2, 4, 5);
  assert_uints_equal (pending, expected);
  g_assert_cmpuint (n_unavailable, ==, 1);
  g_array_unref (pending);
  g_array_unref (expected);

  pending = augur_run_list_pending (run, 0, TRUE, NULL);
  expected = uints (3, 1, 4, 5);
  assert_uints_equal (pending, expected);
  g_array_unref (pending);
  g_array_unref (expected);

  pending = augur_run_list_pending (run, 1, FALSE, &n_unavailable);
  expected = uints (3, 0, 1, 3);
  assert_uints_equal (pending, expected);
  g_assert_cmpuint (n_unavailable, ==, 1);
  g_array_unref (pending);
  g_array_unref (expected);

  /* A comparison keeps each column apart. */
  g_assert_cmpstr (augur_run_get_column (run, 1)->ref->version_id, ==, AUGUR_TEST_VERSION_OLDER);
  g_assert_null (augur_run_get_column (run, 0)->ref->version_id);
  g_assert_null (g_ptr_array_index (augur_run_get_results (run, 1), 0));
  g_assert_nonnull (g_ptr_array_index (augur_run_get_results (run, 0), 0));
  g_assert_true (augur_prediction_is_success (g_ptr_array_index (augur_run_get_results (run, 1), 5)));
}

/* Tests: against the fake server ----------------------------------------------------------- */

typedef struct
{
  AugurTestServer *server;
  AugurClient     *client;
  AugurModelRef   *ref;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(AugurConfig) config = augur_config_new ();
  g_autoptr(GError) error = NULL;

  fixture->server = augur_test_server_new (NULL);
  augur_config_set_base_url (config, augur_test_server_get_base_url (fixture->server));
  augur_config_set_token (config, AUGUR_TEST_TOKEN);
  fixture->client = augur_client_new (config, &error);
  g_assert_no_error (error);
  fixture->ref = classifier_ref ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->ref, augur_model_ref_free);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, augur_test_server_free);
}

/* Journals each finished item under its run index, as the window will. */
typedef struct
{
  AugurJournal *journal;
  GArray       *run_indices;    /* (nullable) batch index -> run index */
  GCancellable *cancellable;    /* (nullable) cancelled after this many items */
  guint         cancel_after;
  guint         n_finished;
  GAsyncResult *result;
} Journaling;

static void
journal_item_cb (AugurBatch      *batch,
                 AugurPrediction *prediction,
                 Journaling      *journaling)
{
  guint index = augur_prediction_get_index (prediction);

  if (journaling->run_indices != NULL)
    index = g_array_index (journaling->run_indices, guint, index);
  augur_journal_append_async (journaling->journal, 0, index, prediction, NULL, NULL, NULL);

  journaling->n_finished++;
  if (journaling->cancellable != NULL && journaling->n_finished == journaling->cancel_after)
    g_cancellable_cancel (journaling->cancellable);
}

static gboolean
run_journaled_batch (Fixture     *fixture,
                     GPtrArray   *inputs,
                     Journaling  *journaling,
                     GError     **error)
{
  g_autoptr(AugurBatch) batch = augur_batch_new (fixture->client, fixture->ref, NULL, NULL, inputs);
  gboolean ok;

  augur_batch_set_chunk_size (batch, 10);
  augur_batch_set_max_in_flight (batch, 1);
  g_signal_connect (batch, "item-finished", G_CALLBACK (journal_item_cb), journaling);
  augur_batch_run_async (batch, journaling->cancellable, augur_test_store_result_cb,
                         &journaling->result);
  ok = augur_batch_run_finish (batch, augur_test_wait_for_result (&journaling->result), error);
  g_clear_object (&journaling->result);
  return ok;
}

/* The raw texts each predict request carried, in order. */
static GPtrArray *
sent_texts (AugurTestServer *server)
{
  g_autoptr(GPtrArray) requests = augur_test_server_get_requests (server);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < requests->len; i++)
    {
      AugurTestRequest *request = g_ptr_array_index (requests, i);
      g_autofree char *body = g_strndup (g_bytes_get_data (request->body, NULL),
                                         g_bytes_get_size (request->body));
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      JsonArray *array;

      if (!g_str_has_suffix (request->path, MODEL_PATH_SUFFIX))
        continue;
      root = json_from_string (body, &error);
      g_assert_no_error (error);
      array = json_object_get_array_member (json_node_get_object (root), "inputs");
      for (guint j = 0; j < json_array_get_length (array); j++)
        {
          JsonObject *data = json_object_get_object_member (json_array_get_object_element (array, j),
                                                            "data");
          JsonObject *text = json_object_get_object_member (data, "text");

          g_ptr_array_add (texts, g_strdup (json_object_get_string_member (text, "raw")));
        }
    }
  return texts;
}

static GPtrArray *
text_file_inputs (guint n)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("note-%02u.txt", i);
      g_autofree char *text = g_strdup_printf ("note number %02u", i);
      g_autofree char *path = write_input_file (name, text);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_ptr_array_add (inputs, augur_input_new_file (file));
    }
  return inputs;
}

static void
test_kill_and_resume (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = text_file_inputs (30);
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) first_texts = NULL;
  g_autoptr(GPtrArray) second_texts = NULL;
  g_autoptr(GPtrArray) resume_inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AugurRun) killed = NULL;
  g_autoptr(AugurRun) done = NULL;
  g_autoptr(GArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Journaling journaling = { NULL };

  columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_run_column_free);
  g_ptr_array_add (columns, augur_run_column_new (fixture->ref, NULL));
  journaling.journal = create_journal (NULL, columns, inputs);
  path = g_strdup (augur_journal_get_path (journaling.journal));

  /* First start: cancelled after the first request's ten results, then "killed": the
   * journal is dropped without an end line. */
  journaling.cancellable = cancellable;
  journaling.cancel_after = 10;
  g_assert_false (run_journaled_batch (fixture, inputs, &journaling, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (journaling.n_finished, ==, 10);
  flush_and_wait (journaling.journal);
  drop_journal (g_steal_pointer (&journaling.journal));

  first_texts = sent_texts (fixture->server);
  g_assert_cmpuint (first_texts->len, ==, 10);
  augur_test_server_clear_requests (fixture->server);

  /* Next start: the run is interrupted, and only the rest is pending. */
  killed = load_run (path);
  g_assert_cmpint (augur_run_get_state (killed), ==, AUGUR_RUN_STATE_INTERRUPTED);
  g_assert_cmpuint (augur_run_get_n_done (killed), ==, 10);
  pending = augur_run_list_pending (killed, 0, FALSE, NULL);
  g_assert_cmpuint (pending->len, ==, 20);
  for (guint i = 0; i < pending->len; i++)
    {
      guint index = g_array_index (pending, guint, i);

      g_assert_null (g_ptr_array_index (augur_run_get_results (killed, 0), index));
      g_ptr_array_add (resume_inputs, g_object_ref (augur_run_get_input (killed, index)));
    }

  journaling.journal = augur_journal_reopen (path, &error);
  g_assert_no_error (error);
  journaling.run_indices = pending;
  journaling.cancellable = NULL;
  journaling.n_finished = 0;
  g_assert_true (run_journaled_batch (fixture, resume_inputs, &journaling, &error));
  g_assert_no_error (error);
  close_and_wait (journaling.journal, AUGUR_RUN_STATE_FINISHED);
  drop_journal (g_steal_pointer (&journaling.journal));

  /* The server never saw a finished input twice, and saw every input once. */
  second_texts = sent_texts (fixture->server);
  g_assert_cmpuint (second_texts->len, ==, 20);
  for (guint i = 0; i < first_texts->len; i++)
    g_hash_table_add (seen, first_texts->pdata[i]);
  for (guint i = 0; i < second_texts->len; i++)
    {
      g_assert_false (g_hash_table_contains (seen, second_texts->pdata[i]));
      g_hash_table_add (seen, second_texts->pdata[i]);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 30);

  done = load_run (path);
  g_assert_cmpint (augur_run_get_state (done), ==, AUGUR_RUN_STATE_FINISHED);
  g_assert_cmpuint (augur_run_get_n_done (done), ==, 30);
  g_assert_cmpuint (augur_run_get_n_skipped_lines (done), ==, 0);
  g_assert_cmpstr (augur_run_get_column (done, 0)->answered_version_id, ==,
                   AUGUR_TEST_VERSION_LATEST);
  for (guint i = 0; i < 30; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (augur_run_get_results (done, 0), i);
      g_autofree char *label = g_strdup_printf ("note-%02u.txt", i);

      g_assert_nonnull (prediction);
      g_assert_cmpuint (augur_prediction_get_index (prediction), ==, i);
      g_assert_cmpstr (augur_input_get_label (augur_prediction_get_input (prediction)), ==, label);
      g_assert_cmpuint (augur_prediction_get_concepts (prediction)->len, >, 0);
    }
}

static void
assert_file_lacks (const char *path,
                   const char *secret)
{
  g_autofree char *contents = read_text (path);

  if (strstr (contents, secret) != NULL)
    g_error ("%s contains the token", path);
}

static guint
assert_tree_lacks (const char *dir_path,
                   const char *secret)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        n_files += assert_tree_lacks (path, secret);
      else
        {
          assert_file_lacks (path, secret);
          n_files++;
        }
    }
  return n_files;
}

/* A real batch, journaled and cached: no file anywhere holds the token, even when the base
 * URL given to the journal carries it. */
static void
test_token_never_written (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = text_file_inputs (12);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_run_column_free);
  g_autoptr(AugurResultCache) cache = augur_result_cache_new (NULL);
  g_autoptr(AugurBatch) batch = NULL;
  g_autoptr(AugurRun) run = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sneaky_url = NULL;
  g_autofree char *path = NULL;
  AugurJournal *journal;
  GPtrArray *results;
  guint n_files;

  g_ptr_array_add (columns, augur_run_column_new (fixture->ref, NULL));
  sneaky_url = g_strdup_printf ("https://me:%s@api.clarifai.com/v2?key=%s#%s",
                                AUGUR_TEST_TOKEN, AUGUR_TEST_TOKEN, AUGUR_TEST_TOKEN);
  journal = augur_journal_create (NULL, sneaky_url, columns, inputs, NULL, &error);
  g_assert_no_error (error);
  path = g_strdup (augur_journal_get_path (journal));

  batch = augur_batch_new (fixture->client, fixture->ref, NULL, NULL, inputs);
  augur_batch_run_async (batch, NULL, augur_test_store_result_cb, &result);
  g_assert_true (augur_batch_run_finish (batch, augur_test_wait_for_result (&result), &error));
  g_assert_no_error (error);

  results = augur_batch_get_results (batch);
  for (guint i = 0; i < results->len; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (results, i);
      g_autofree char *hash = augur_result_cache_hash_input (g_ptr_array_index (inputs, i),
                                                             NULL, &error);
      g_autofree char *key = NULL;

      g_assert_no_error (error);
      key = augur_result_cache_make_key (hash, fixture->ref,
                                         augur_prediction_get_version_id (prediction), NULL);
      g_assert_nonnull (key);
      g_assert_true (augur_result_cache_store (cache, key, prediction, &error));
      g_assert_no_error (error);
      append_and_wait (journal, 0, i, prediction);
    }
  close_and_wait (journal, AUGUR_RUN_STATE_FINISHED);
  drop_journal (journal);

  /* Every request did carry the token: the check below would catch a leak. */
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, MODEL_PATH_SUFFIX), >, 0);

  n_files = assert_tree_lacks (g_get_user_data_dir (), AUGUR_TEST_TOKEN);
  n_files += assert_tree_lacks (g_get_user_cache_dir (), AUGUR_TEST_TOKEN);
  g_assert_cmpuint (n_files, >=, 1 + 12 + 12);

  /* Real results come back whole too. */
  run = load_run (path);
  g_assert_cmpstr (augur_run_get_base_url (run), ==, "https://api.clarifai.com/v2");
  for (guint i = 0; i < results->len; i++)
    assert_predictions_equal (g_ptr_array_index (results, i),
                              g_ptr_array_index (augur_run_get_results (run, 0), i));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/journal/round-trip/classifier", (gconstpointer) classifier_prediction,
                        test_round_trip);
  g_test_add_data_func ("/journal/round-trip/detector", (gconstpointer) detector_prediction,
                        test_round_trip);
  g_test_add_data_func ("/journal/round-trip/text", (gconstpointer) text_prediction,
                        test_round_trip);
  g_test_add_data_func ("/journal/round-trip/failed", (gconstpointer) failed_prediction,
                        test_round_trip);
  g_test_add_data_func ("/journal/round-trip/failed-gio", (gconstpointer) gio_failed_prediction,
                        test_round_trip);
  g_test_add_data_func ("/journal/round-trip/failed-other-domain",
                        (gconstpointer) other_domain_failed_prediction, test_round_trip);
  g_test_add_func ("/journal/add-result", test_add_result);
  g_test_add_func ("/journal/prediction-json/round-trip", test_prediction_json_round_trip);
  g_test_add_func ("/journal/prediction-json/settings", test_settings_round_trip);
  g_test_add_func ("/journal/damage/partial-and-garbage", test_damaged_lines);
  g_test_add_func ("/journal/damage/odd-lines", test_odd_lines);
  g_test_add_func ("/journal/damage/header", test_damaged_header);
  g_test_add_func ("/journal/states", test_states);
  g_test_add_func ("/journal/list", test_listing);
  g_test_add_func ("/journal/list/async", test_listing_async);
  g_test_add_func ("/journal/pending", test_pending);
  g_test_add ("/journal/kill-and-resume", Fixture, NULL,
              fixture_set_up, test_kill_and_resume, fixture_tear_down);
  g_test_add ("/journal/token-never-written", Fixture, NULL,
              fixture_set_up, test_token_never_written, fixture_tear_down);

  return g_test_run ();
}
