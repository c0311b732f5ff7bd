/* test-window.c: the real window against the fake server, driven the way a person would:
 * pick a model by URL, choose a version, drop an image, set controls, predict, read results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "augur-application.h"
#include "augur-batch-row.h"
#include "augur-evaluation-view.h"
#include "augur-request-view.h"
#include "augur-result-view.h"
#include "augur-test-server.h"
#include "augur-text-output.h"
#include "augur-window-private.h"

typedef struct
{
  AugurTestServer *server;
  AugurContext    *context;
  AugurWindow     *window;
  char            *image_path;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture);

/* Spins the main loop until @condition holds; fails the test after 20 s. */
static void
wait_until (Fixture    *fixture,
            Condition   condition,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (fixture))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
model_loaded (Fixture *fixture)
{
  AugurModelPicker *picker = fixture->window->model_picker;
  return augur_model_picker_get_model (picker) != NULL && !augur_model_picker_is_loading (picker);
}

static gboolean
has_one_input (Fixture *fixture)
{
  return g_list_model_get_n_items (augur_input_grid_get_items (fixture->window->input_grid)) == 1;
}

static gboolean
prediction_done (Fixture *fixture)
{
  GPtrArray *results = fixture->window->run_results;

  if (augur_window_is_busy (fixture->window) || results == NULL)
    return FALSE;
  for (guint i = 0; i < results->len; i++)
    if (g_ptr_array_index (results, i) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
has_curl (Fixture *fixture)
{
  g_autofree char *curl = augur_request_view_dup_curl (fixture->window->request_view);
  return curl != NULL;
}

static guint
count_results (Fixture *fixture)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->window->results_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static AugurResultView *
nth_result (Fixture *fixture,
            guint    n)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->window->results_box));

  while (child != NULL && n-- > 0)
    child = gtk_widget_get_next_sibling (child);
  g_assert_nonnull (child);
  return AUGUR_RESULT_VIEW (child);
}

static void
write_png (const char *path,
           guint8      shade)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, (guint32) shade << 24 | 0x4080ff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = NULL;
  AugurTestServerModel model = GPOINTER_TO_INT (data);

  fixture->server = augur_test_server_new (NULL);
  augur_test_server_set_model (fixture->server, model);
  g_setenv ("CLARIFAI_PAT", AUGUR_TEST_TOKEN, TRUE);
  g_setenv ("CLARIFAI_API_BASE", augur_test_server_get_base_url (fixture->server), TRUE);

  settings = g_settings_new ("io.github.augur.Augur");
  fixture->context = augur_context_new (settings, NULL);
  fixture->window = g_object_ref_sink (augur_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (fixture->window));

  fixture->image_path = g_build_filename (g_get_tmp_dir (), "photo.png", NULL);
  write_png (fixture->image_path, 0x80);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->context);
  g_clear_pointer (&fixture->server, augur_test_server_free);
  g_unlink (fixture->image_path);
  g_clear_pointer (&fixture->image_path, g_free);
}

static void
select_model (Fixture    *fixture,
              const char *url)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_parse (url, NULL);

  g_assert_nonnull (ref);
  augur_window_select_model (fixture->window, ref);
  wait_until (fixture, model_loaded, "the model to load");
}

static void drop_files_no_wait (Fixture *fixture, const char *path);

static void
drop_path (Fixture    *fixture,
           const char *path)
{
  drop_files_no_wait (fixture, path);
}

/* The same path a real drop takes: the drop target's "drop" with a GdkFileList. */
static void
drop_files (Fixture    *fixture,
            const char *path)
{
  drop_files_no_wait (fixture, path);
  wait_until (fixture, has_one_input, "the dropped image to show");
}

static void
drop_files_no_wait (Fixture    *fixture,
                    const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSList list = { file, NULL };
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;
  GtkDropTarget *target = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, &list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
}

static void
predict (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.predict", NULL));
  wait_until (fixture, prediction_done, "the prediction");
}

static void
save_screenshot (Fixture    *fixture,
                 const char *name)
{
  const char *dir = g_getenv ("AUGUR_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  /* Let the results lay out and their thumbnails arrive. */
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }

  /* The paintable draws nothing while a relayout is pending (thumbnails arriving, the
   * progress bar fading), so try until a frame has settled. */
  width = gtk_widget_get_width (GTK_WIDGET (fixture->window->toast_overlay));
  height = gtk_widget_get_height (GTK_WIDGET (fixture->window->toast_overlay));
  g_assert_cmpint (width, >, 0);
  for (int i = 0; i < 500 && node == NULL; i++)
    {
      /* A paintable caches its image, so each try takes a fresh one. */
      g_clear_object (&paintable);
      paintable = gtk_widget_paintable_new (GTK_WIDGET (fixture->window->toast_overlay));
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (10000);
        }
    }
  g_assert_nonnull (node);
  renderer = gsk_cairo_renderer_new ();
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static JsonNode *
number_node (double value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  json_node_set_double (node, value);
  return node;
}

static void
test_classifier (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(AugurModelVersion) version = NULL;
  g_autoptr(AugurModelRef) ref = NULL;
  g_autoptr(JsonNode) max = number_node (3);
  g_autoptr(JsonNode) min = number_node (0.05);
  g_autoptr(GPtrArray) requests = NULL;
  g_auto(GStrv) rows = NULL;
  AugurTestRequest *predict_request = NULL;

  select_model (fixture, "https://clarifai.com/clarifai/main/models/general-image-recognition");
  g_assert_cmpstr (augur_window_get_page (fixture->window), ==, "main");

  /* Choose the second listed version. */
  versions = g_object_ref (augur_model_picker_get_versions (fixture->window->model_picker));
  g_assert_cmpuint (g_list_model_get_n_items (versions), >=, 2);
  version = g_list_model_get_item (versions, 1);
  augur_model_picker_select_version (fixture->window->model_picker, augur_model_version_get_id (version));
  wait_until (fixture, model_loaded, "the version to load");
  ref = augur_model_picker_dup_ref (fixture->window->model_picker);
  g_assert_cmpstr (ref->version_id, ==, augur_model_version_get_id (version));

  drop_files (fixture, fixture->image_path);

  g_assert_true (augur_controls_panel_set_value (fixture->window->controls_panel, "max_concepts", max));
  g_assert_true (augur_controls_panel_set_value (fixture->window->controls_panel, "min_value", min));
  predict (fixture);

  g_assert_cmpuint (count_results (fixture), ==, 1);
  rows = augur_result_view_dup_visible_rows (nth_result (fixture, 0));
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
    g_autoptr(JsonNode) high = number_node (0.999);
    g_auto(GStrv) fewer = NULL;
    guint before = augur_test_server_count_requests (fixture->server, "/outputs");

    augur_controls_panel_set_value (fixture->window->controls_panel, "min_value", high);
    fewer = augur_result_view_dup_visible_rows (nth_result (fixture, 0));
    g_assert_cmpuint (g_strv_length (fewer), <, 3);
    g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/outputs"), ==, before);
    augur_controls_panel_set_value (fixture->window->controls_panel, "min_value", min);
  }

  /* The request view: an equivalent curl command that never holds the token, and the raw
   * reply of the call. */
  wait_until (fixture, has_curl, "the request preview");
  {
    g_autofree char *curl = augur_request_view_dup_curl (fixture->window->request_view);
    g_autofree char *reply = augur_request_view_dup_reply (fixture->window->request_view);

    g_assert_nonnull (strstr (curl, "$CLARIFAI_PAT"));
    g_assert_null (strstr (curl, AUGUR_TEST_TOKEN));
    g_assert_nonnull (strstr (curl, augur_model_version_get_id (version)));
    g_assert_nonnull (strstr (reply, "\"outputs\""));
  }

  save_screenshot (fixture, "prediction.png");
}

static void
test_detector (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(GStrv) rows = NULL;

  select_model (fixture, "clarifai/main/face-detection");
  drop_files (fixture, fixture->image_path);
  predict (fixture);

  g_assert_cmpuint (count_results (fixture), ==, 1);
  g_assert_cmpuint (augur_result_view_get_n_boxes (nth_result (fixture, 0)), ==, 2);
  rows = augur_result_view_dup_visible_rows (nth_result (fixture, 0));
  g_assert_cmpuint (g_strv_length (rows), ==, 2);
}

static AugurTextOutput *
find_text_output (GtkWidget *widget)
{
  if (AUGUR_IS_TEXT_OUTPUT (widget))
    return AUGUR_TEXT_OUTPUT (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AugurTextOutput *found = find_text_output (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_text_model (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) temperature = number_node (0.25);
  g_autoptr(GPtrArray) requests = NULL;
  AugurTestRequest *last;
  AugurTextOutput *output;
  g_autofree char *text = NULL;

  select_model (fixture, "meta/Llama-3/Llama-3_2-3B-Instruct");
  augur_input_grid_set_text (fixture->window->input_grid, "What is the future of AI?");
  g_assert_true (augur_controls_panel_set_value (fixture->window->controls_panel, "temperature", temperature));
  predict (fixture);

  requests = augur_test_server_get_requests (fixture->server);
  last = g_ptr_array_index (requests, requests->len - 1);
  g_assert_true (g_str_has_suffix (last->path, "/outputs"));
  g_assert_nonnull (strstr (g_bytes_get_data (last->body, NULL), "\"temperature\":0.25"));

  output = find_text_output (GTK_WIDGET (nth_result (fixture, 0)));
  g_assert_nonnull (output);
  text = augur_text_output_dup_text (output);
  g_assert_nonnull (strstr (text, "What is the future of AI?"));
  g_assert_nonnull (strstr (text, "temperature=0.25"));
}

static void
test_server_error_keeps_results (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) good = NULL;
  g_auto(GStrv) bad = NULL;

  select_model (fixture, "clarifai/main/general-image-recognition");
  g_ptr_array_add (inputs, augur_input_new_image_url ("https://samples.example/good.jpg"));
  g_ptr_array_add (inputs, augur_input_new_image_url ("https://invalid.example/missing.jpg"));
  augur_window_add_inputs (fixture->window, inputs);
  predict (fixture);
  while (count_results (fixture) < 2 || augur_window_is_busy (fixture->window))
    g_main_context_iteration (NULL, TRUE);

  good = augur_result_view_dup_visible_rows (nth_result (fixture, 0));
  g_assert_cmpuint (g_strv_length (good), >, 0);
  bad = augur_result_view_dup_visible_rows (nth_result (fixture, 1));
  g_assert_cmpuint (g_strv_length (bad), ==, 0);
  g_assert_nonnull (augur_input_grid_get_item_message (fixture->window->input_grid,
                                                       g_ptr_array_index (inputs, 1)));
  g_assert_nonnull (strstr (augur_input_grid_get_item_message (fixture->window->input_grid,
                                                               g_ptr_array_index (inputs, 1)),
                            "Download failed"));
}

static gboolean
newest_run_finished (Fixture *fixture)
{
  g_autoptr(GPtrArray) runs = augur_journal_list_runs (NULL, NULL);

  return runs != NULL && runs->len > 0 &&
         augur_run_get_state (g_ptr_array_index (runs, 0)) == AUGUR_RUN_STATE_FINISHED;
}

/* Results reach the run journal; "Retry failed" sends only the failed input again and
 * keeps the rest. */
static void
test_journal_and_retry_failed (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  AugurRun *run;
  AugurTestRequest *last;
  guint before;

  select_model (fixture, "clarifai/main/general-image-recognition");
  g_ptr_array_add (inputs, augur_input_new_image_url ("https://samples.example/one.jpg"));
  g_ptr_array_add (inputs, augur_input_new_image_url ("https://invalid.example/two.jpg"));
  g_ptr_array_add (inputs, augur_input_new_image_url ("https://samples.example/three.jpg"));
  augur_window_add_inputs (fixture->window, inputs);
  predict (fixture);
  while (count_results (fixture) < 3 || augur_window_is_busy (fixture->window))
    g_main_context_iteration (NULL, TRUE);

  wait_until (fixture, newest_run_finished, "the run journal to close");
  runs = augur_journal_list_runs (NULL, NULL);
  run = g_ptr_array_index (runs, 0);
  g_assert_cmpuint (augur_run_get_n_inputs (run), ==, 3);
  g_assert_cmpuint (augur_run_get_n_done (run), ==, 2);
  g_assert_cmpuint (augur_run_get_n_pending (run), ==, 0);
  g_assert_cmpuint (augur_run_get_n_failed (run), ==, 1);

  before = augur_test_server_count_requests (fixture->server, "/outputs");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.retry-failed", NULL));
  while (augur_window_is_busy (fixture->window) || count_results (fixture) < 3)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/outputs"), ==, before + 1);
  requests = augur_test_server_get_requests (fixture->server);
  last = g_ptr_array_index (requests, requests->len - 1);
  g_assert_cmpuint (last->n_inputs, ==, 1);
  g_assert_nonnull (strstr (g_bytes_get_data (last->body, NULL), "invalid.example/two.jpg"));
  /* Still three results, in input order, the first and third untouched. */
  g_assert_cmpuint (count_results (fixture), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (augur_prediction_get_index (augur_result_view_get_prediction (nth_result (fixture, i))), ==, i);
  g_assert_true (augur_prediction_is_success (augur_result_view_get_prediction (nth_result (fixture, 0))));
  g_assert_false (augur_prediction_is_success (augur_result_view_get_prediction (nth_result (fixture, 1))));
}

/* A run that a killed window left unfinished: reopened, its results are shown and only the
 * inputs without a result go to the server. */
static void
test_reopen_interrupted_run (Fixture       *fixture,
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
  wait_until (fixture, model_loaded, "the run's model to load");
  g_assert_cmpuint (count_results (fixture), ==, 3);
  g_assert_cmpuint (_augur_window_count_unfinished (fixture->window), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.retry-failed", NULL));
  while (augur_window_is_busy (fixture->window) || count_results (fixture) < 5)
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
    g_assert_cmpuint (augur_prediction_get_index (augur_result_view_get_prediction (nth_result (fixture, i))), ==, i);
}

/* Predicting the same image again with the same version and settings spends no quota: the
 * result comes from the cache, marked so. */
static void
test_cached_results (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (g_get_tmp_dir (), "fresh.png", NULL);
  guint before;

  /* Content no other test sent (choices are remembered per model across tests). */
  write_png (fresh, 0x11);
  select_model (fixture, "clarifai/main/general-image-recognition");
  drop_files (fixture, fresh);
  predict (fixture);
  g_assert_false (augur_prediction_get_cached (augur_result_view_get_prediction (nth_result (fixture, 0))));
  before = augur_test_server_count_requests (fixture->server, "/outputs");

  predict (fixture);
  g_assert_cmpuint (count_results (fixture), ==, 1);
  g_assert_true (augur_prediction_get_cached (augur_result_view_get_prediction (nth_result (fixture, 0))));
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/outputs"), ==, before);
  g_unlink (fresh);
}

static gboolean
has_300_inputs (Fixture *fixture)
{
  return g_list_model_get_n_items (augur_input_grid_get_items (fixture->window->input_grid)) == 300;
}

/* A folder of 300 images and 3 files Augur cannot send: 300 results in a table in input
 * order, the 3 skipped with their reasons, and requests of at most 128 on the wire. */
static void
test_folder_drop (Fixture       *fixture,
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
      write_png (path, (guint8) i);
    }
  g_assert_true (g_file_set_contents (notes, "not an image\n", -1, NULL));
  g_assert_true (g_file_set_contents (pdf, "%PDF-1.4\n", -1, NULL));
  fd = g_open (huge, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 25 * 1000 * 1000), ==, 0);
  close (fd);

  select_model (fixture, "clarifai/main/folder-test-model");
  drop_path (fixture, folder);
  wait_until (fixture, has_300_inputs, "the folder's images");
  g_assert_nonnull (fixture->window->last_skipped);
  g_assert_cmpuint (fixture->window->last_skipped->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      AugurSkippedFile *skipped = g_ptr_array_index (fixture->window->last_skipped, i);
      g_assert_true (strstr (skipped->reason, "20 MB") != NULL || strstr (skipped->reason, "not an image") != NULL);
    }

  predict (fixture);
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
has_ground_truth (Fixture *fixture)
{
  return fixture->window->ground_truth != NULL;
}

static gboolean
concepts_loaded (Fixture *fixture)
{
  GPtrArray *concepts = augur_model_picker_get_concepts (fixture->window->model_picker);
  return concepts != NULL && concepts->len > 0;
}

static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Subfolders named after the model's concepts are ground truth: after predicting, the
 * evaluation scores the run against them. */
static void
test_evaluate_folders (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (g_get_tmp_dir (), "labelled", NULL);
  GListModel *toplevels = NULL;   /* (transfer none) */
  GtkWidget *view = NULL;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *dir = g_build_filename (folder, i < 2 ? "concept-00" : "concept-01", NULL);
      g_autofree char *name = g_strdup_printf ("eval-%u.png", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_mkdir_with_parents (dir, 0755);
      write_png (path, (guint8) (200 + i));
    }

  select_model (fixture, "clarifai/main/eval-model");
  wait_until (fixture, concepts_loaded, "the model's concepts");
  drop_path (fixture, folder);
  wait_until (fixture, has_ground_truth, "the ground truth");
  predict (fixture);
  while (augur_window_is_busy (fixture->window))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.evaluate", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && view == NULL; i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);
      view = find_widget_of_type (toplevel, AUGUR_TYPE_EVALUATION_VIEW);
    }
  g_assert_nonnull (view);
  g_assert_nonnull (strstr (augur_evaluation_view_get_summary (AUGUR_EVALUATION_VIEW (view)), "4 labelled images"));
}

static guint
count_rows_in_state (Fixture            *fixture,
                     AugurBatchRowState  state)
{
  GListModel *rows = G_LIST_MODEL (augur_batch_view_get_store (fixture->window->batch_view));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AugurBatchRow) row = g_list_model_get_item (rows, i);
      n += augur_batch_row_get_state (row) == state;
    }
  return n;
}

static gboolean
first_request_done (Fixture *fixture)
{
  return count_rows_in_state (fixture, AUGUR_BATCH_ROW_DONE) >= 128;
}

/* The estimate shows before sending; cancelling mid-way keeps every finished row. */
static void
test_cancel_keeps_rows (Fixture       *fixture,
                        gconstpointer  data)
{
  GSettings *settings = augur_context_get_settings (fixture->context);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);

  g_settings_set_uint (settings, "requests-in-flight", 1);
  augur_test_server_set_delay (fixture->server, 300);
  select_model (fixture, "clarifai/main/cancel-model");
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://samples.example/cancel-%u.jpg", i);
      g_ptr_array_add (inputs, augur_input_new_image_url (url));
    }
  augur_window_add_inputs (fixture->window, inputs);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window->estimate_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->estimate_label), "200 inputs · 2 requests"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.predict", NULL));
  wait_until (fixture, first_request_done, "the first request's results");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel", NULL));
  while (augur_window_is_busy (fixture->window))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (count_rows_in_state (fixture, AUGUR_BATCH_ROW_DONE), ==, 128);
  g_assert_cmpuint (count_rows_in_state (fixture, AUGUR_BATCH_ROW_PENDING), ==, 72);
  g_assert_cmpuint (_augur_window_count_unfinished (fixture->window), ==, 72);
  g_settings_reset (settings, "requests-in-flight");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/window/classifier", Fixture, GINT_TO_POINTER (AUGUR_TEST_MODEL_CLASSIFIER),
              fixture_set_up, test_classifier, fixture_tear_down);
  g_test_add ("/ui/window/detector", Fixture, GINT_TO_POINTER (AUGUR_TEST_MODEL_DETECTOR),
              fixture_set_up, test_detector, fixture_tear_down);
  g_test_add ("/ui/window/text-model", Fixture, GINT_TO_POINTER (AUGUR_TEST_MODEL_TEXT),
              fixture_set_up, test_text_model, fixture_tear_down);
  g_test_add ("/ui/window/server-error-keeps-results", Fixture, GINT_TO_POINTER (AUGUR_TEST_MODEL_CLASSIFIER),
              fixture_set_up, test_server_error_keeps_results, fixture_tear_down);

  g_test_add ("/ui/window/journal-and-retry-failed", Fixture, GINT_TO_POINTER (AUGUR_TEST_MODEL_CLASSIFIER),
              fixture_set_up, test_journal_and_retry_failed, fixture_tear_down);

  g_test_add ("/ui/window/reopen-interrupted-run", Fixture, GINT_TO_POINTER (AUGUR_TEST_MODEL_CLASSIFIER),
              fixture_set_up, test_reopen_interrupted_run, fixture_tear_down);

  g_test_add ("/ui/window/cached-results", Fixture, GINT_TO_POINTER (AUGUR_TEST_MODEL_CLASSIFIER),
              fixture_set_up, test_cached_results, fixture_tear_down);

  g_test_add ("/ui/window/folder-drop", Fixture, GINT_TO_POINTER (AUGUR_TEST_MODEL_CLASSIFIER),
              fixture_set_up, test_folder_drop, fixture_tear_down);

  g_test_add ("/ui/window/evaluate-folders", Fixture, GINT_TO_POINTER (AUGUR_TEST_MODEL_CLASSIFIER),
              fixture_set_up, test_evaluate_folders, fixture_tear_down);

  g_test_add ("/ui/window/cancel-keeps-rows", Fixture, GINT_TO_POINTER (AUGUR_TEST_MODEL_CLASSIFIER),
              fixture_set_up, test_cancel_keeps_rows, fixture_tear_down);

  return g_test_run ();
}
