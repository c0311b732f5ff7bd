/* test-window.c: the real window against the fake server, driven the way a person would:
 * pick a model by URL, choose a version, drop an image, set controls, predict, read results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "augur-evaluation-view.h"
#include "augur-text-output.h"
#include "window-fixture.h"

static gboolean
has_curl (WindowFixture *fixture)
{
  g_autofree char *curl = augur_request_view_dup_curl (fixture->window->request_view);
  return curl != NULL;
}

static void
test_classifier (WindowFixture *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(AugurModelVersion) version = NULL;
  g_autoptr(AugurModelRef) ref = NULL;
  g_autoptr(JsonNode) max = window_fixture_number_node (3);
  g_autoptr(JsonNode) min = window_fixture_number_node (0.05);
  g_autoptr(GPtrArray) requests = NULL;
  g_auto(GStrv) rows = NULL;
  AugurTestRequest *predict_request = NULL;

  window_fixture_select_model (fixture, "https://clarifai.com/clarifai/main/models/general-image-recognition");
  g_assert_cmpstr (augur_window_get_page (fixture->window), ==, "main");

  /* Choose the second listed version. */
  versions = g_object_ref (augur_model_picker_get_versions (fixture->window->model_picker));
  g_assert_cmpuint (g_list_model_get_n_items (versions), >=, 2);
  version = g_list_model_get_item (versions, 1);
  augur_model_picker_select_version (fixture->window->model_picker, augur_model_version_get_id (version));
  window_fixture_wait_until (fixture, window_fixture_model_loaded, "the version to load");
  ref = augur_model_picker_dup_ref (fixture->window->model_picker);
  g_assert_cmpstr (ref->version_id, ==, augur_model_version_get_id (version));

  window_fixture_drop_files (fixture, fixture->image_path);

  g_assert_true (augur_controls_panel_set_value (fixture->window->controls_panel, "max_concepts", max));
  g_assert_true (augur_controls_panel_set_value (fixture->window->controls_panel, "min_value", min));
  window_fixture_predict (fixture);

  g_assert_cmpuint (window_fixture_count_results (fixture), ==, 1);
  rows = augur_result_view_dup_visible_rows (window_fixture_nth_result (fixture, 0));
  g_assert_cmpuint (g_strv_length (rows), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_str_has_suffix (rows[i], " percent"));

  /* The request went to the chosen version, with the image, and asked for enough concepts
   * to filter here. */
  requests = augur_test_server_get_requests (fixture->server);
  for (guint i = 0; i < requests->len; i++)
    {
      AugurTestRequest *r = g_ptr_array_index (requests, i);
      if (g_str_equal (r->method, "POST") && g_str_has_suffix (r->path, "/outputs"))
        predict_request = r;
    }
  g_assert_nonnull (predict_request);
  g_assert_nonnull (strstr (predict_request->path, augur_model_version_get_id (version)));
  g_assert_cmpuint (predict_request->n_inputs, ==, 1);
  g_assert_nonnull (strstr (g_bytes_get_data (predict_request->body, NULL), "\"max_concepts\":200"));

  /* Moving the minimum value re-filters at once, without a request. */
  {
    g_autoptr(JsonNode) high = window_fixture_number_node (0.999);
    g_auto(GStrv) fewer = NULL;
    guint before = augur_test_server_count_requests (fixture->server, "/outputs");

    augur_controls_panel_set_value (fixture->window->controls_panel, "min_value", high);
    fewer = augur_result_view_dup_visible_rows (window_fixture_nth_result (fixture, 0));
    g_assert_cmpuint (g_strv_length (fewer), <, 3);
    g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/outputs"), ==, before);
    augur_controls_panel_set_value (fixture->window->controls_panel, "min_value", min);
  }

  /* The request view: an equivalent curl command that never holds the token, and the raw
   * reply of the call. */
  window_fixture_wait_until (fixture, has_curl, "the request preview");
  {
    g_autofree char *curl = augur_request_view_dup_curl (fixture->window->request_view);
    g_autofree char *reply = augur_request_view_dup_reply (fixture->window->request_view);

    g_assert_nonnull (strstr (curl, "$CLARIFAI_PAT"));
    g_assert_null (strstr (curl, AUGUR_TEST_TOKEN));
    g_assert_nonnull (strstr (curl, augur_model_version_get_id (version)));
    g_assert_nonnull (strstr (reply, "\"outputs\""));
  }

  window_fixture_save_screenshot (fixture, "prediction.png");
}

static void
test_detector (WindowFixture *fixture,
               gconstpointer  data)
{
  g_auto(GStrv) rows = NULL;

  window_fixture_select_model (fixture, "clarifai/main/face-detection");
  window_fixture_drop_files (fixture, fixture->image_path);
  window_fixture_predict (fixture);

  g_assert_cmpuint (window_fixture_count_results (fixture), ==, 1);
  g_assert_cmpuint (augur_result_view_get_n_boxes (window_fixture_nth_result (fixture, 0)), ==, 2);
  rows = augur_result_view_dup_visible_rows (window_fixture_nth_result (fixture, 0));
  g_assert_cmpuint (g_strv_length (rows), ==, 2);
}

static void
test_text_model (WindowFixture *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) temperature = window_fixture_number_node (0.25);
  g_autoptr(GPtrArray) requests = NULL;
  AugurTestRequest *last;
  AugurTextOutput *output;
  g_autofree char *text = NULL;

  window_fixture_select_model (fixture, "meta/Llama-3/Llama-3_2-3B-Instruct");
  augur_input_grid_set_text (fixture->window->input_grid, "What is the future of AI?");
  g_assert_true (augur_controls_panel_set_value (fixture->window->controls_panel, "temperature", temperature));
  window_fixture_predict (fixture);

  requests = augur_test_server_get_requests (fixture->server);
  last = g_ptr_array_index (requests, requests->len - 1);
  g_assert_true (g_str_has_suffix (last->path, "/outputs"));
  g_assert_nonnull (strstr (g_bytes_get_data (last->body, NULL), "\"temperature\":0.25"));

  output = AUGUR_TEXT_OUTPUT (window_fixture_find_widget_of_type (
      GTK_WIDGET (window_fixture_nth_result (fixture, 0)), AUGUR_TYPE_TEXT_OUTPUT));
  g_assert_nonnull (output);
  text = augur_text_output_dup_text (output);
  g_assert_nonnull (strstr (text, "What is the future of AI?"));
  g_assert_nonnull (strstr (text, "temperature=0.25"));
}

static void
test_server_error_keeps_results (WindowFixture *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) good = NULL;
  g_auto(GStrv) bad = NULL;

  window_fixture_select_model (fixture, "clarifai/main/general-image-recognition");
  g_ptr_array_add (inputs, augur_input_new_image_url ("https://samples.example/good.jpg"));
  g_ptr_array_add (inputs, augur_input_new_image_url ("https://invalid.example/missing.jpg"));
  augur_window_add_inputs (fixture->window, inputs);
  window_fixture_predict (fixture);
  while (window_fixture_count_results (fixture) < 2 || augur_window_is_busy (fixture->window))
    g_main_context_iteration (NULL, TRUE);

  good = augur_result_view_dup_visible_rows (window_fixture_nth_result (fixture, 0));
  g_assert_cmpuint (g_strv_length (good), >, 0);
  bad = augur_result_view_dup_visible_rows (window_fixture_nth_result (fixture, 1));
  g_assert_cmpuint (g_strv_length (bad), ==, 0);
  g_assert_nonnull (augur_input_grid_get_item_message (fixture->window->input_grid,
                                                       g_ptr_array_index (inputs, 1)));
  g_assert_nonnull (strstr (augur_input_grid_get_item_message (fixture->window->input_grid,
                                                               g_ptr_array_index (inputs, 1)),
                            "Download failed"));
}

static gboolean
newest_run_finished (WindowFixture *fixture)
{
  g_autoptr(GPtrArray) runs = augur_journal_list_runs (NULL, NULL);

  return runs != NULL && runs->len > 0 &&
         augur_run_get_state (g_ptr_array_index (runs, 0)) == AUGUR_RUN_STATE_FINISHED;
}

/* Results reach the run journal; "Retry failed" sends only the failed input again and
 * keeps the rest. */
static void
test_journal_and_retry_failed (WindowFixture *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  AugurRun *run;
  AugurTestRequest *last;
  guint before;

  window_fixture_select_model (fixture, "clarifai/main/general-image-recognition");
  g_ptr_array_add (inputs, augur_input_new_image_url ("https://samples.example/one.jpg"));
  g_ptr_array_add (inputs, augur_input_new_image_url ("https://invalid.example/two.jpg"));
  g_ptr_array_add (inputs, augur_input_new_image_url ("https://samples.example/three.jpg"));
  augur_window_add_inputs (fixture->window, inputs);
  window_fixture_predict (fixture);
  while (window_fixture_count_results (fixture) < 3 || augur_window_is_busy (fixture->window))
    g_main_context_iteration (NULL, TRUE);

  window_fixture_wait_until (fixture, newest_run_finished, "the run journal to close");
  runs = augur_journal_list_runs (NULL, NULL);
  run = g_ptr_array_index (runs, 0);
  g_assert_cmpuint (augur_run_get_n_inputs (run), ==, 3);
  g_assert_cmpuint (augur_run_get_n_done (run), ==, 2);
  g_assert_cmpuint (augur_run_get_n_pending (run), ==, 0);
  g_assert_cmpuint (augur_run_get_n_failed (run), ==, 1);

  before = augur_test_server_count_requests (fixture->server, "/outputs");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.retry-failed", NULL));
  while (augur_window_is_busy (fixture->window) || window_fixture_count_results (fixture) < 3)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/outputs"), ==, before + 1);
  requests = augur_test_server_get_requests (fixture->server);
  last = g_ptr_array_index (requests, requests->len - 1);
  g_assert_cmpuint (last->n_inputs, ==, 1);
  g_assert_nonnull (strstr (g_bytes_get_data (last->body, NULL), "invalid.example/two.jpg"));
  /* Still three results, in input order, the first and third untouched. */
  g_assert_cmpuint (window_fixture_count_results (fixture), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (augur_prediction_get_index (window_fixture_nth_prediction (fixture, i)), ==, i);
  g_assert_true (augur_prediction_is_success (window_fixture_nth_prediction (fixture, 0)));
  g_assert_false (augur_prediction_is_success (window_fixture_nth_prediction (fixture, 1)));
}

/* A run that a killed window left unfinished: reopened, its results are shown and only the
 * inputs without a result go to the server. */
static void
test_reopen_interrupted_run (WindowFixture *fixture,
                             gconstpointer  data)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_parse ("clarifai/main/general-image-recognition", NULL);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_run_column_free);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurJournal) journal = NULL;
  g_autoptr(AugurRun) run = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AugurTestRequest *sent = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://samples.example/photo-%u.jpg", i);
      g_ptr_array_add (inputs, augur_input_new_image_url (url));
    }
  g_ptr_array_add (columns, augur_run_column_new (ref, NULL));
  journal = augur_journal_create (NULL, augur_test_server_get_base_url (fixture->server), columns,
                                  inputs, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AugurPrediction) prediction = augur_prediction_new ();
      g_autoptr(AugurConcept) concept = augur_concept_new ("id-x", "kept", 0.9);

      augur_prediction_set_index (prediction, i);
      g_ptr_array_add (augur_prediction_get_concepts (prediction), g_object_ref (concept));
      augur_journal_append_async (journal, 0, i, prediction, NULL, NULL, NULL);
    }
  path = g_strdup (augur_journal_get_path (journal));
  /* On disk but never closed: what a killed window leaves. */
  {
    gboolean flushed = FALSE;

    while (!flushed)
      {
        g_autoptr(AugurRun) peek = augur_journal_load (path, NULL);
        flushed = peek != NULL && augur_run_get_n_done (peek) == 3;
        g_main_context_iteration (NULL, FALSE);
      }
  }
  g_clear_object (&journal);

  run = augur_journal_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (augur_run_get_state (run), ==, AUGUR_RUN_STATE_INTERRUPTED);
  _augur_window_open_run (fixture->window, run);
  window_fixture_wait_until (fixture, window_fixture_model_loaded, "the run's model to load");
  g_assert_cmpuint (window_fixture_count_results (fixture), ==, 3);
  g_assert_cmpuint (_augur_window_count_unfinished (fixture->window), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.retry-failed", NULL));
  while (augur_window_is_busy (fixture->window) || window_fixture_count_results (fixture) < 5)
    g_main_context_iteration (NULL, TRUE);

  requests = augur_test_server_get_requests (fixture->server);
  for (guint i = 0; i < requests->len; i++)
    {
      AugurTestRequest *r = g_ptr_array_index (requests, i);
      if (g_str_has_suffix (r->path, "/outputs"))
        {
          g_assert_null (sent);
          sent = r;
        }
    }
  g_assert_nonnull (sent);
  g_assert_cmpuint (sent->n_inputs, ==, 2);
  g_assert_null (strstr (g_bytes_get_data (sent->body, NULL), "photo-0.jpg"));
  g_assert_nonnull (strstr (g_bytes_get_data (sent->body, NULL), "photo-3.jpg"));
  g_assert_nonnull (strstr (g_bytes_get_data (sent->body, NULL), "photo-4.jpg"));
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (augur_prediction_get_index (window_fixture_nth_prediction (fixture, i)), ==, i);
}

/* Predicting the same image again with the same version and settings spends no quota: the
 * result comes from the cache, marked so. */
static void
test_cached_results (WindowFixture *fixture,
                     gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (g_get_tmp_dir (), "fresh.png", NULL);
  guint before;

  /* Content no other test sent (choices are remembered per model across tests). */
  window_fixture_write_png (fresh, 0x11);
  window_fixture_select_model (fixture, "clarifai/main/general-image-recognition");
  window_fixture_drop_files (fixture, fresh);
  window_fixture_predict (fixture);
  g_assert_false (augur_prediction_get_cached (window_fixture_nth_prediction (fixture, 0)));
  before = augur_test_server_count_requests (fixture->server, "/outputs");

  window_fixture_predict (fixture);
  g_assert_cmpuint (window_fixture_count_results (fixture), ==, 1);
  g_assert_true (augur_prediction_get_cached (window_fixture_nth_prediction (fixture, 0)));
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/outputs"), ==, before);
  g_unlink (fresh);
}

static gboolean
has_300_inputs (WindowFixture *fixture)
{
  return g_list_model_get_n_items (augur_input_grid_get_items (fixture->window->input_grid)) == 300;
}

/* A folder of 300 images and 3 files Augur cannot send: 300 results in a table in input
 * order, the 3 skipped with their reasons, and requests of at most 128 on the wire. */
static void
test_folder_drop (WindowFixture *fixture,
                  gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (g_get_tmp_dir (), "folder-drop", NULL);
  g_autofree char *huge = g_build_filename (folder, "huge.jpg", NULL);
  g_autofree char *notes = g_build_filename (folder, "notes.txt", NULL);
  g_autofree char *pdf = g_build_filename (folder, "scan.pdf", NULL);
  g_autoptr(GPtrArray) requests = NULL;
  GListModel *rows;
  guint n_posts = 0;
  int fd;

  g_mkdir_with_parents (folder, 0755);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("img-%03u.png", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      window_fixture_write_png (path, (guint8) i);
    }
  g_assert_true (g_file_set_contents (notes, "not an image\n", -1, NULL));
  g_assert_true (g_file_set_contents (pdf, "%PDF-1.4\n", -1, NULL));
  fd = g_open (huge, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 25 * 1000 * 1000), ==, 0);
  close (fd);

  window_fixture_select_model (fixture, "clarifai/main/folder-test-model");
  window_fixture_drop_path (fixture, folder);
  window_fixture_wait_until (fixture, has_300_inputs, "the folder's images");
  g_assert_nonnull (fixture->window->last_skipped);
  g_assert_cmpuint (fixture->window->last_skipped->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      AugurSkippedFile *skipped = g_ptr_array_index (fixture->window->last_skipped, i);
      g_assert_true (strstr (skipped->reason, "20 MB") != NULL || strstr (skipped->reason, "not an image") != NULL);
    }

  window_fixture_predict (fixture);
  while (augur_window_is_busy (fixture->window))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->results_stack), ==, "table");
  rows = G_LIST_MODEL (augur_batch_view_get_store (fixture->window->batch_view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 300);
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(AugurBatchRow) row = g_list_model_get_item (rows, i);
      g_autofree char *expected = g_strdup_printf ("img-%03u.png", i);

      g_assert_cmpstr (augur_batch_row_get_label (row), ==, expected);
      g_assert_cmpint (augur_batch_row_get_state (row), ==, AUGUR_BATCH_ROW_DONE);
    }

  requests = augur_test_server_get_requests (fixture->server);
  for (guint i = 0; i < requests->len; i++)
    {
      AugurTestRequest *r = g_ptr_array_index (requests, i);
      if (g_str_has_suffix (r->path, "/outputs"))
        {
          g_assert_cmpuint (r->n_inputs, <=, 128);
          n_posts++;
        }
    }
  g_assert_cmpuint (n_posts, ==, 3);
}

static gboolean
has_ground_truth (WindowFixture *fixture)
{
  return fixture->window->ground_truth != NULL;
}

/* Subfolders named after the model's concepts are ground truth: after predicting, the
 * evaluation scores the run against them. */
/* The ground truth is known from the folder names before every file has been checked. */
static gboolean
has_four_inputs (WindowFixture *fixture)
{
  return g_list_model_get_n_items (augur_input_grid_get_items (fixture->window->input_grid)) == 4;
}

static void
test_evaluate_folders (WindowFixture *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (g_get_tmp_dir (), "labelled", NULL);
  GtkWidget *view;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *dir = g_build_filename (folder, i < 2 ? "concept-00" : "concept-01", NULL);
      g_autofree char *name = g_strdup_printf ("eval-%u.png", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_mkdir_with_parents (dir, 0755);
      window_fixture_write_png (path, (guint8) (200 + i));
    }

  window_fixture_select_model (fixture, "clarifai/main/eval-model");
  window_fixture_wait_until (fixture, window_fixture_concepts_loaded, "the model's concepts");
  window_fixture_drop_path (fixture, folder);
  window_fixture_wait_until (fixture, has_ground_truth, "the ground truth");
  window_fixture_wait_until (fixture, has_four_inputs, "the four labelled images");
  window_fixture_predict (fixture);
  while (augur_window_is_busy (fixture->window))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.evaluate", NULL));
  view = window_fixture_find_in_toplevels (AUGUR_TYPE_EVALUATION_VIEW);
  g_assert_nonnull (view);
  g_assert_nonnull (strstr (augur_evaluation_view_get_summary (AUGUR_EVALUATION_VIEW (view)), "4 labelled images"));
}

static gboolean
first_request_done (WindowFixture *fixture)
{
  return window_fixture_count_rows_in_state (fixture, AUGUR_BATCH_ROW_DONE) >= 128;
}

/* The estimate shows before sending; cancelling mid-way keeps every finished row. */
static void
test_cancel_keeps_rows (WindowFixture *fixture,
                        gconstpointer  data)
{
  GSettings *settings = augur_context_get_settings (fixture->context);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);

  g_settings_set_uint (settings, "requests-in-flight", 1);
  augur_test_server_set_delay (fixture->server, 300);
  window_fixture_select_model (fixture, "clarifai/main/cancel-model");
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://samples.example/cancel-%u.jpg", i);
      g_ptr_array_add (inputs, augur_input_new_image_url (url));
    }
  augur_window_add_inputs (fixture->window, inputs);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window->estimate_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->estimate_label), "200 inputs · 2 requests"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.predict", NULL));
  window_fixture_wait_until (fixture, first_request_done, "the first request's results");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel", NULL));
  while (augur_window_is_busy (fixture->window))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (window_fixture_count_rows_in_state (fixture, AUGUR_BATCH_ROW_DONE), ==, 128);
  g_assert_cmpuint (window_fixture_count_rows_in_state (fixture, AUGUR_BATCH_ROW_PENDING), ==, 72);
  g_assert_cmpuint (_augur_window_count_unfinished (fixture->window), ==, 72);
  g_settings_reset (settings, "requests-in-flight");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  window_fixture_add ("/ui/window/classifier", AUGUR_TEST_MODEL_CLASSIFIER, test_classifier);
  window_fixture_add ("/ui/window/detector", AUGUR_TEST_MODEL_DETECTOR, test_detector);
  window_fixture_add ("/ui/window/text-model", AUGUR_TEST_MODEL_TEXT, test_text_model);
  window_fixture_add ("/ui/window/server-error-keeps-results", AUGUR_TEST_MODEL_CLASSIFIER,
                      test_server_error_keeps_results);
  window_fixture_add ("/ui/window/journal-and-retry-failed", AUGUR_TEST_MODEL_CLASSIFIER,
                      test_journal_and_retry_failed);
  window_fixture_add ("/ui/window/reopen-interrupted-run", AUGUR_TEST_MODEL_CLASSIFIER,
                      test_reopen_interrupted_run);
  window_fixture_add ("/ui/window/cached-results", AUGUR_TEST_MODEL_CLASSIFIER,
                      test_cached_results);
  window_fixture_add ("/ui/window/folder-drop", AUGUR_TEST_MODEL_CLASSIFIER, test_folder_drop);
  window_fixture_add ("/ui/window/evaluate-folders", AUGUR_TEST_MODEL_CLASSIFIER,
                      test_evaluate_folders);
  window_fixture_add ("/ui/window/cancel-keeps-rows", AUGUR_TEST_MODEL_CLASSIFIER,
                      test_cancel_keeps_rows);

  return g_test_run ();
}
