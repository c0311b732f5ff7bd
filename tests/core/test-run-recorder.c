/* test-run-recorder.c: a run's journal as the window writes it: results that finish before
 * the file is open are written first and in order, closing waits for the file, a reopened
 * run continues its file, and a journal that cannot be created only loses the lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-run-recorder"

#include "augur-core.h"
#include "augur-run-recorder.h"
#include "augur-test-server.h"

#define BASE_URL "http://127.0.0.1:1/v2"

/* Helpers ------------------------------------------------------------------------------------ */

static void
close_and_wait (AugurRunRecorder *recorder,
                AugurRunState     state)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  augur_run_recorder_close_async (recorder, state, augur_test_store_result_cb, &result);
  g_assert_true (augur_run_recorder_close_finish (recorder, augur_test_wait_for_result (&result),
                                                  &error));
  g_assert_no_error (error);
}

static void
wait_for_path (AugurRunRecorder *recorder)
{
  while (augur_run_recorder_get_path (recorder) == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static GPtrArray *
one_column (void)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_new ("clarifai", "main", "gpt", NULL);
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_run_column_free);

  g_ptr_array_add (columns, augur_run_column_new (ref, NULL));
  return columns;
}

static GPtrArray *
text_inputs (guint n)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("question %u", i);

      g_ptr_array_add (inputs, augur_input_new_text (text));
    }
  return inputs;
}

static AugurRunRecorder *
new_run (guint n_inputs)
{
  g_autoptr(GPtrArray) columns = one_column ();
  g_autoptr(GPtrArray) inputs = text_inputs (n_inputs);

  return augur_run_recorder_new (NULL, BASE_URL, columns, inputs, NULL);
}

static AugurPrediction *
answer (const char *text)
{
  AugurPrediction *prediction = augur_prediction_new ();

  augur_prediction_set_text (prediction, text);
  return prediction;
}

static AugurPrediction *
failure (void)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "Too slow");

  augur_prediction_set_error (prediction, error);
  return prediction;
}

static void
add (AugurRunRecorder *recorder,
     guint             index,
     AugurPrediction  *prediction)
{
  g_autoptr(AugurPrediction) owned = prediction;

  augur_run_recorder_add (recorder, 0, index, owned);
}

static AugurRun *
load_run (const char *path)
{
  g_autoptr(GError) error = NULL;
  AugurRun *run = augur_journal_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (run);
  return run;
}

/* The text of slot @index, "" for a failure, NULL for no result. */
static const char *
result_text (AugurRun *run,
             guint     index)
{
  AugurPrediction *prediction = g_ptr_array_index (augur_run_get_results (run, 0), index);

  if (prediction == NULL)
    return NULL;
  if (!augur_prediction_is_success (prediction))
    return "";
  return augur_prediction_get_text (prediction);
}

/* The only run under the default root. */
static char *
dup_only_run_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = augur_journal_list_runs (NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  return g_strdup (augur_run_get_path (g_ptr_array_index (runs, 0)));
}

/* Tests -------------------------------------------------------------------------------------- */

static void
test_new_run (void)
{
  g_autoptr(AugurRunRecorder) recorder = new_run (4);
  g_autofree char *root = augur_journal_get_default_root ();
  g_autoptr(AugurRun) run = NULL;
  const char *path;

  /* The file cannot be open before the main loop runs: these two wait. */
  add (recorder, 0, failure ());
  add (recorder, 1, answer ("early"));
  g_assert_null (augur_run_recorder_get_path (recorder));

  wait_for_path (recorder);
  path = augur_run_recorder_get_path (recorder);
  g_assert_true (g_str_has_prefix (path, root));
  /* Written after the waiting line for the same slot, so it replaces it. */
  add (recorder, 0, answer ("retried"));
  add (recorder, 2, answer ("late"));
  close_and_wait (recorder, AUGUR_RUN_STATE_FINISHED);
  /* After the end: dropped. */
  add (recorder, 3, answer ("too late"));

  run = load_run (path);
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_FINISHED);
  g_assert_cmpstr (augur_run_get_base_url (run), ==, BASE_URL);
  g_assert_cmpuint (augur_run_get_n_inputs (run), ==, 4);
  g_assert_cmpstr (result_text (run, 0), ==, "retried");
  g_assert_cmpstr (result_text (run, 1), ==, "early");
  g_assert_cmpstr (result_text (run, 2), ==, "late");
  g_assert_null (result_text (run, 3));
  g_assert_cmpuint (augur_run_get_n_skipped_lines (run), ==, 0);
}

static void
test_reopen (void)
{
  g_autoptr(AugurRunRecorder) first = new_run (3);
  g_autoptr(AugurRunRecorder) again = NULL;
  g_autoptr(AugurRun) run = NULL;
  g_autofree char *path = NULL;

  add (first, 0, failure ());
  wait_for_path (first);
  path = g_strdup (augur_run_recorder_get_path (first));
  close_and_wait (first, AUGUR_RUN_STATE_CANCELLED);

  again = augur_run_recorder_new_reopen (path);
  add (again, 0, answer ("resent"));
  add (again, 2, answer ("sent at last"));
  wait_for_path (again);
  g_assert_cmpstr (augur_run_recorder_get_path (again), ==, path);
  close_and_wait (again, AUGUR_RUN_STATE_FINISHED);

  run = load_run (path);
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_FINISHED);
  g_assert_cmpstr (result_text (run, 0), ==, "resent");
  g_assert_null (result_text (run, 1));
  g_assert_cmpstr (result_text (run, 2), ==, "sent at last");
  g_free (dup_only_run_path ());
}

/* The window closes the run as soon as its batch ends and lets go of the recorder, which
 * may be before the file is even open. */
static void
test_close_before_open (void)
{
  AugurRunRecorder *recorder = new_run (2);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurRun) run = NULL;
  g_autofree char *path = NULL;

  add (recorder, 1, answer ("quick"));
  augur_run_recorder_close_async (recorder, AUGUR_RUN_STATE_CANCELLED, augur_test_store_result_cb,
                                  &result);
  g_assert_null (augur_run_recorder_get_path (recorder));
  g_object_unref (recorder);

  augur_test_wait_for_result (&result);
  recorder = AUGUR_RUN_RECORDER (g_async_result_get_source_object (result));
  g_assert_true (augur_run_recorder_close_finish (recorder, result, &error));
  g_assert_no_error (error);
  g_object_unref (recorder);

  path = dup_only_run_path ();
  run = load_run (path);
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_CANCELLED);
  g_assert_null (result_text (run, 0));
  g_assert_cmpstr (result_text (run, 1), ==, "quick");
}

/* Dropped without closing, as by a window closed mid-run: the run stays interrupted. */
static void
test_drop_leaves_interrupted (void)
{
  AugurRunRecorder *recorder = new_run (2);
  g_autoptr(AugurRun) run = NULL;
  g_autofree char *path = NULL;

  add (recorder, 0, answer ("kept"));
  wait_for_path (recorder);
  path = g_strdup (augur_run_recorder_get_path (recorder));
  g_assert_finalize_object (recorder);

  /* The line may still be on its way to the disk. */
  while (run == NULL || result_text (run, 0) == NULL)
    {
      g_clear_object (&run);
      g_main_context_iteration (NULL, FALSE);
      run = load_run (path);
    }
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_INTERRUPTED);
  g_assert_cmpstr (result_text (run, 0), ==, "kept");
}

static void
test_create_fails (void)
{
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "not-a-folder", NULL);
  g_autofree char *root = g_build_filename (file, "runs", NULL);
  g_autoptr(GPtrArray) columns = one_column ();
  g_autoptr(GPtrArray) inputs = text_inputs (2);
  g_autoptr(AugurRunRecorder) recorder = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "a file, so nothing can be created below", -1, NULL));

  recorder = augur_run_recorder_new (root, BASE_URL, columns, inputs, NULL);
  add (recorder, 0, answer ("lost"));
  augur_run_recorder_close_async (recorder, AUGUR_RUN_STATE_FINISHED, augur_test_store_result_cb,
                                  &result);
  g_assert_false (augur_run_recorder_close_finish (recorder, augur_test_wait_for_result (&result),
                                                   &error));
  g_assert_nonnull (error);
  g_assert_null (augur_run_recorder_get_path (recorder));
  /* Still safe to call: the window keeps predicting. */
  add (recorder, 1, answer ("also lost"));
  g_assert_false (g_file_test (root, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/run-recorder/new-run", test_new_run);
  g_test_add_func ("/run-recorder/reopen", test_reopen);
  g_test_add_func ("/run-recorder/close-before-open", test_close_before_open);
  g_test_add_func ("/run-recorder/drop-leaves-interrupted", test_drop_leaves_interrupted);
  g_test_add_func ("/run-recorder/create-fails", test_create_fails);

  return g_test_run ();
}
