/* test-window-compare.c: Compare mode in the real window against the fake server, whose
 * older version answers differently from the latest (augur_test_server_set_versions_differ).
 * Expectations come from the server: the test asks each version itself through an
 * AugurBatch and checks that the window shows those answers aligned, with the deltas,
 * top-1 flags and summary they imply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>

#include "augur-compare-card.h"
#include "augur-compare-text.h"
#include "augur-compare-boxes.h"
#include "window-fixture.h"

#define MODEL_URL "https://clarifai.com/clarifai/main/models/general-image-recognition"

typedef struct
{
  GPtrArray *paths;           /* the inputs' files */
  GPtrArray *expected[2];     /* AugurPrediction per input: latest, older */
} CompareData;

static void
compare_data_free (gpointer data)
{
  CompareData *compare = data;

  if (compare->paths != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (g_ptr_array_index (compare->paths, 0));
      window_fixture_remove_folder (folder);
      g_ptr_array_unref (compare->paths);
    }
  g_clear_pointer (&compare->expected[0], g_ptr_array_unref);
  g_clear_pointer (&compare->expected[1], g_ptr_array_unref);
  g_free (compare);
}

static gboolean
columns_loaded (WindowFixture *fixture)
{
  AugurCompareColumns *columns = fixture->window->compare_columns;

  return augur_compare_columns_get_n_columns (columns) >= 2 &&
         !augur_compare_columns_is_loading (columns);
}

static gboolean
comparison_done (WindowFixture *fixture)
{
  return !augur_window_is_busy (fixture->window) && _augur_window_has_comparison (fixture->window);
}

static void
batch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  augur_batch_run_finish (AUGUR_BATCH (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* What @version answers for @paths, asked directly (not through the window). */
static GPtrArray *
ask_server (WindowFixture *fixture,
            const char    *version,
            GPtrArray     *paths)
{
  g_autoptr(AugurModelRef) base = augur_model_ref_parse (MODEL_URL, NULL);
  g_autoptr(AugurModelRef) ref = augur_model_ref_with_version (base, version);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(AugurBatch) batch = NULL;
  gboolean done = FALSE;

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      g_ptr_array_add (inputs, augur_input_new_file (file));
    }
  batch = augur_batch_new (augur_context_get_client (fixture->context), ref, settings, NULL, inputs);
  augur_batch_run_async (batch, NULL, batch_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return g_ptr_array_ref (augur_batch_get_results (batch));
}

static AugurConcept *
top1 (AugurPrediction *prediction)
{
  GPtrArray *concepts = augur_prediction_get_concepts (prediction);

  return concepts != NULL && concepts->len > 0 ? g_ptr_array_index (concepts, 0) : NULL;
}

static gboolean
top1_differs (CompareData *compare,
              guint        index)
{
  AugurConcept *a = top1 (g_ptr_array_index (compare->expected[0], index));
  AugurConcept *b = top1 (g_ptr_array_index (compare->expected[1], index));

  return g_strcmp0 (augur_concept_get_id (a), augur_concept_get_id (b)) != 0;
}

/* Compare mode on, columns A (latest) and B (the older version), @n images dropped. */
static CompareData *
set_up_comparison (WindowFixture *fixture,
                   guint          n)
{
  CompareData *compare = g_new0 (CompareData, 1);
  g_autofree char *folder = g_dir_make_tmp ("compare-inputs-XXXXXX", NULL);

  fixture->user_data = compare;
  fixture->user_data_free = compare_data_free;
  augur_test_server_set_versions_differ (fixture->server, TRUE);
  window_fixture_select_model (fixture, MODEL_URL);
  g_object_set (fixture->window, "compare-mode", TRUE, NULL);
  window_fixture_wait_until (fixture, columns_loaded, "compare columns");

  compare->paths = window_fixture_write_pngs (folder, "input", n);
  window_fixture_drop_path (fixture, folder);
  return compare;
}

static void
run_comparison (WindowFixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.predict", NULL);
  window_fixture_wait_until (fixture, comparison_done, "the comparison");
}

static gboolean
has_all_inputs (WindowFixture *fixture)
{
  CompareData *compare = fixture->user_data;
  GListModel *items = augur_input_grid_get_items (fixture->window->input_grid);

  return g_list_model_get_n_items (items) == compare->paths->len;
}

/* "A · Latest 91 percent": how a card row reads column @name's value. */
static char *
describe_value (const char *name,
                double      value)
{
  double percent = CLAMP (value, 0.0, 1.0) * 100.0;

  if (percent > 0.0 && percent < 0.95)
    return g_strdup_printf ("%s %.1f percent", name, percent);
  return g_strdup_printf ("%s %.0f percent", name, percent);
}

static const char *
find_row (GStrv       rows,
          const char *concept_name)
{
  g_autofree char *prefix = g_strconcat (concept_name, ": ", NULL);

  for (guint i = 0; rows != NULL && rows[i] != NULL; i++)
    if (g_str_has_prefix (rows[i], prefix))
      return rows[i];
  return NULL;
}

static AugurConcept *
find_concept (AugurPrediction *prediction,
              const char      *id)
{
  GPtrArray *concepts = augur_prediction_get_concepts (prediction);

  for (guint i = 0; concepts != NULL && i < concepts->len; i++)
    if (g_strcmp0 (augur_concept_get_id (g_ptr_array_index (concepts, i)), id) == 0)
      return g_ptr_array_index (concepts, i);
  return NULL;
}

#define NAME_A "A · Latest"
#define NAME_B "B · 0a1b2c3d"

/* The card of input @index shows both versions' answers, aligned. */
static void
assert_card_matches_server (AugurCompareCard *card,
                            CompareData      *compare,
                            guint             index)
{
  AugurPrediction *a = g_ptr_array_index (compare->expected[0], index);
  AugurPrediction *b = g_ptr_array_index (compare->expected[1], index);
  AugurConcept *top_a = top1 (a);
  AugurConcept *top_b = top1 (b);
  AugurConcept *same_in_b = find_concept (b, augur_concept_get_id (top_a));
  g_auto(GStrv) rows = augur_compare_card_dup_rows (card);
  const char *row = find_row (rows, augur_concept_get_name (top_a));
  g_autofree char *value_a = describe_value (NAME_A, augur_concept_get_value (top_a));
  g_autofree char *value_b = NULL;
  g_autofree char *verdict = NULL;

  g_assert_nonnull (row);
  g_assert_nonnull (strstr (row, value_a));
  g_assert_nonnull (strstr (row, "top-1 in " NAME_A));
  g_assert_nonnull (same_in_b);
  value_b = describe_value (NAME_B, augur_concept_get_value (same_in_b));
  g_assert_nonnull (strstr (row, value_b));
  {
    /* The older version's values are 3 points lower, so its delta reads "3 points lower". */
    int points = (int) lround ((augur_concept_get_value (same_in_b) -
                                augur_concept_get_value (top_a)) * 100.0);
    g_autofree char *delta = points < 0 ? g_strdup_printf ("%d points lower in " NAME_B, -points)
                                        : g_strdup_printf ("%d points higher in " NAME_B, points);
    g_assert_nonnull (strstr (row, delta));
  }

  if (top1_differs (compare, index))
    verdict = g_strdup_printf ("Top-1 differs: " NAME_A " %s · " NAME_B " %s",
                               augur_concept_get_name (top_a), augur_concept_get_name (top_b));
  else
    verdict = g_strdup_printf ("Top-1 agrees: %s", augur_concept_get_name (top_a));
  g_assert_cmpstr (augur_compare_card_get_verdict_text (card), ==, verdict);

  /* The concept the older version renamed is marked as only in it. */
  row = find_row (rows, AUGUR_TEST_OLDER_CONCEPT_NAME);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (row, "only in " NAME_B));
  g_assert_nonnull (strstr (row, "not in " NAME_A));
}

static guint
count_predicts_on (WindowFixture *fixture,
                   const char    *version)
{
  g_autofree char *suffix = g_strdup_printf ("/versions/%s/outputs", version);
  guint n_inputs = 0;

  GPtrArray *requests = augur_test_server_get_requests (fixture->server);

  for (guint i = 0; i < requests->len; i++)
    {
      const AugurTestRequest *request = g_ptr_array_index (requests, i);
      if (g_str_has_suffix (request->path, suffix))
        n_inputs += request->n_inputs;
    }
  return n_inputs;
}

static void
test_two_versions (WindowFixture *fixture,
                   gconstpointer  data)
{
  CompareData *compare = set_up_comparison (fixture, 4);
  AugurCompareView *view = fixture->window->compare_view;
  g_autoptr(GPtrArray) refs = augur_compare_columns_dup_refs (fixture->window->compare_columns);
  g_autofree char *strip = NULL;
  g_autofree char *agreement = NULL;
  guint n_agree = 0;

  /* A is the latest version, B the older one. */
  g_assert_cmpuint (refs->len, ==, 2);
  g_assert_null (((AugurModelRef *) g_ptr_array_index (refs, 0))->version_id);
  g_assert_cmpstr (((AugurModelRef *) g_ptr_array_index (refs, 1))->version_id, ==,
                   AUGUR_TEST_VERSION_OLDER);
  window_fixture_wait_until (fixture, has_all_inputs, "four inputs");

  compare->expected[0] = ask_server (fixture, AUGUR_TEST_VERSION_LATEST, compare->paths);
  compare->expected[1] = ask_server (fixture, AUGUR_TEST_VERSION_OLDER, compare->paths);
  augur_test_server_clear_requests (fixture->server);
  run_comparison (fixture);

  /* One Predict sent every input to both versions. */
  g_assert_cmpuint (count_predicts_on (fixture, AUGUR_TEST_VERSION_OLDER), ==, 4);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->results_stack), ==,
                   "compare-cards");
  g_assert_cmpuint (augur_compare_view_get_n_cards (view), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      AugurCompareCard *card = augur_compare_view_get_card (view, i);
      AugurComparison *comparison = augur_compare_card_get_comparison (card);

      g_assert_cmpstr (augur_comparison_get_input_label (comparison), ==, g_ptr_array_index (compare->paths, i));
      assert_card_matches_server (card, compare, i);
      n_agree += !top1_differs (compare, i);
    }

  /* The strip counts the inputs whose top-1 agrees. */
  strip = augur_compare_strip_dup_text (augur_compare_view_get_strip (view));
  agreement = g_strdup_printf ("Top-1 agreement %u%% (%u of 4)", n_agree * 100 / 4, n_agree);
  g_assert_nonnull (strstr (strip, agreement));
  {
    /* Mean |B - A| over the concepts both versions list, from the server's own answers. */
    g_autofree char *mean = NULL;
    double sum = 0;
    guint n_shared = 0;

    for (guint i = 0; i < 4; i++)
      {
        GPtrArray *concepts = augur_prediction_get_concepts (g_ptr_array_index (compare->expected[0], i));

        for (guint c = 0; c < concepts->len; c++)
          {
            AugurConcept *a = g_ptr_array_index (concepts, c);
            AugurConcept *b = find_concept (g_ptr_array_index (compare->expected[1], i),
                                            augur_concept_get_id (a));
            if (b == NULL)
              continue;
            sum += fabs (augur_concept_get_value (b) - augur_concept_get_value (a));
            n_shared++;
          }
      }
    mean = g_strdup_printf ("Mean difference %.1f points over %u shared concepts",
                            sum / n_shared * 100.0, n_shared);
    g_assert_nonnull (strstr (strip, mean));
  }
  /* concept-old replaces one of the latest's concepts in each of the four answers. */
  g_assert_nonnull (strstr (strip, NAME_B ": gained " AUGUR_TEST_OLDER_CONCEPT_NAME " in 4 inputs, lost "));
  window_fixture_save_screenshot (fixture, "compare.png");

  /* Max concepts from the controls re-filters the cards on screen, without a request. */
  augur_test_server_clear_requests (fixture->server);
  {
    g_autoptr(JsonNode) three = window_fixture_number_node (3);
    g_auto(GStrv) rows = NULL;

    g_assert_true (augur_controls_panel_set_value (fixture->window->controls_panel, "max_concepts", three));
    rows = augur_compare_card_dup_rows (augur_compare_view_get_card (view, 0));
    g_assert_cmpuint (g_strv_length (rows), ==, 3);
  }
  g_assert_cmpuint (augur_test_server_get_requests (fixture->server)->len, ==, 0);
  /* Controls are remembered per model: leave the defaults for the next test. */
  augur_controls_panel_reset (fixture->window->controls_panel);
}

static void
test_single_input_mirror (WindowFixture *fixture,
                          gconstpointer  data)
{
  CompareData *compare = set_up_comparison (fixture, 1);
  AugurCompareCard *card;

  window_fixture_wait_until (fixture, has_all_inputs, "one input");
  compare->expected[0] = ask_server (fixture, AUGUR_TEST_VERSION_LATEST, compare->paths);
  compare->expected[1] = ask_server (fixture, AUGUR_TEST_VERSION_OLDER, compare->paths);
  run_comparison (fixture);

  card = augur_compare_view_get_card (fixture->window->compare_view, 0);
  /* Two versions of one input: A grows left, B right, from the shared concept names. */
  g_assert_true (augur_compare_card_get_mirror (card));
  assert_card_matches_server (card, compare, 0);
}

static void
test_one_version_fails (WindowFixture *fixture,
                        gconstpointer  data)
{
  CompareData *compare = set_up_comparison (fixture, 3);
  AugurCompareView *view = fixture->window->compare_view;

  window_fixture_wait_until (fixture, has_all_inputs, "three inputs");
  compare->expected[0] = ask_server (fixture, AUGUR_TEST_VERSION_LATEST, compare->paths);
  augur_test_server_fail_version (fixture->server, AUGUR_TEST_VERSION_OLDER, 404);
  run_comparison (fixture);

  for (guint i = 0; i < 3; i++)
    {
      AugurCompareCard *card = augur_compare_view_get_card (view, i);
      AugurConcept *top_a = top1 (g_ptr_array_index (compare->expected[0], i));
      g_auto(GStrv) rows = augur_compare_card_dup_rows (card);
      const char *row = find_row (rows, augur_concept_get_name (top_a));
      g_autofree char *value_a = describe_value (NAME_A, augur_concept_get_value (top_a));

      /* B says why; A's column is complete. */
      g_assert_nonnull (augur_compare_card_get_column_error (card, 1));
      g_assert_nonnull (strstr (augur_compare_card_get_column_error (card, 1), "does not exist"));
      g_assert_null (augur_compare_card_get_column_error (card, 0));
      g_assert_nonnull (row);
      g_assert_nonnull (strstr (row, value_a));
      g_assert_nonnull (strstr (row, NAME_B " failed"));
    }

  /* Retry Failed sends B's inputs again, and only those. */
  augur_test_server_fail_version (fixture->server, NULL, 0);
  augur_test_server_clear_requests (fixture->server);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.retry-failed", NULL));
  window_fixture_wait_until (fixture, comparison_done, "the retry");
  g_assert_cmpuint (count_predicts_on (fixture, AUGUR_TEST_VERSION_OLDER), ==, 3);
  g_assert_cmpuint (augur_test_server_get_requests (fixture->server)->len, ==, 1);
  for (guint i = 0; i < 3; i++)
    {
      AugurCompareCard *card = augur_compare_view_get_card (view, i);
      g_auto(GStrv) rows = augur_compare_card_dup_rows (card);

      g_assert_null (augur_compare_card_get_column_error (card, 1));
      g_assert_null (strstr (rows[0], "failed"));
    }
  g_assert_cmpuint (_augur_window_count_compare_unfinished (fixture->window), ==, 0);
}

static GArray *
expected_disagreements (CompareData *compare)
{
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < compare->paths->len; i++)
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (g_ptr_array_index (compare->paths, i), FALSE, NULL);
      g_autoptr(GBytes) bytes = g_mapped_file_get_bytes (mapped);

      if (augur_test_server_older_top1_differs (bytes))
        g_array_append_val (indices, i);
    }
  return indices;
}

static void
assert_same_indices (GArray *actual,
                     GArray *expected)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpuint (g_array_index (actual, guint, i), ==, g_array_index (expected, guint, i));
}

static gboolean
file_written (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static JsonNode *
export_json (WindowFixture *fixture,
             const char    *name)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint spins = 0;

  g_unlink (path);
  _augur_window_export_compare_to (fixture->window, file);
  while (!file_written (path) && spins++ < 2000)
    window_fixture_spin (10);
  window_fixture_spin (50);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (contents, AUGUR_TEST_TOKEN));
  g_unlink (path);
  if (g_str_has_suffix (name, ".csv"))
    return json_node_init_string (json_node_alloc (), contents);
  return json_from_string (contents, &error);
}

/* CSV rows are "index,input,agreement,…": the indices marked "disagree". */
static GArray *
csv_disagreements (const char *csv)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_true (g_str_has_prefix (lines[0], "index,input,agreement,"));
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", 4);
      guint index;

      if (g_strv_length (fields) < 3 || g_strcmp0 (fields[2], "disagree") != 0)
        continue;
      index = (guint) g_ascii_strtoull (fields[0], NULL, 10);
      if (indices->len == 0 || g_array_index (indices, guint, indices->len - 1) != index)
        g_array_append_val (indices, index);
    }
  return indices;
}

static void
test_batch_disagreements (WindowFixture *fixture,
                          gconstpointer  data)
{
  CompareData *compare = set_up_comparison (fixture, 200);
  AugurCompareTable *table = fixture->window->compare_table;
  g_autoptr(GArray) expected = expected_disagreements (compare);
  g_autoptr(GArray) visible = NULL;
  g_autoptr(GArray) exported = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) csv = NULL;
  JsonArray *disagreeing;

  window_fixture_wait_until (fixture, has_all_inputs, "200 inputs");
  run_comparison (fixture);

  /* Many inputs: the table, one row per input, then only where the versions differ. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->results_stack), ==,
                   "compare-table");
  g_assert_cmpuint (augur_compare_table_get_n_visible (table), ==, 200);
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (expected->len, <, 200);
  augur_compare_table_set_only_disagreements (table, TRUE);
  visible = augur_compare_table_dup_visible_indices (table);
  assert_same_indices (visible, expected);

  /* A row opens its input's card in a window of its own. */
  g_signal_emit_by_name (table, "comparison-activated", g_array_index (expected, guint, 0));
  {
    AugurCompareCard *card = AUGUR_COMPARE_CARD (window_fixture_find_in_toplevels (AUGUR_TYPE_COMPARE_CARD));

    g_assert_nonnull (card);
    g_assert_cmpuint (augur_comparison_get_index (augur_compare_card_get_comparison (card)), ==,
                      g_array_index (expected, guint, 0));
    g_assert_true (g_str_has_prefix (augur_compare_card_get_verdict_text (card), "Top-1 differs: "));
    gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (card))));
  }

  /* The exports list the same inputs. */
  csv = export_json (fixture, "comparison.csv");
  exported = csv_disagreements (json_node_get_string (csv));
  assert_same_indices (exported, expected);
  json = export_json (fixture, "comparison.json");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json));
  disagreeing = json_object_get_array_member (json_object_get_object_member (json_node_get_object (json),
                                                                              "summary"),
                                              "disagreeing");
  g_assert_cmpuint (json_array_get_length (disagreeing), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (json_array_get_int_element (disagreeing, i), ==, g_array_index (expected, guint, i));
}

static char *
newest_run_path (void)
{
  g_autofree char *root = augur_journal_get_default_root ();
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  g_autofree char *newest = NULL;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (newest == NULL || strcmp (name, newest) > 0)
      {
        g_free (newest);
        newest = g_strdup (name);
      }
  g_assert_nonnull (newest);
  return g_build_filename (root, newest, NULL);
}

static void
run_loaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AugurRun **run = user_data;
  g_autoptr(GError) error = NULL;

  *run = augur_journal_load_finish (result, &error);
  g_assert_no_error (error);
}

static GStrv
verdicts (AugurCompareView *view)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < augur_compare_view_get_n_cards (view); i++)
    g_strv_builder_add (builder, augur_compare_card_get_verdict_text (augur_compare_view_get_card (view, i)));
  return g_strv_builder_end (builder);
}

/* A comparison is a run in History: reopened, it shows the same columns and answers. */
static void
test_reopen_from_history (WindowFixture *fixture,
                          gconstpointer  data)
{
  AugurCompareView *view = fixture->window->compare_view;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AugurRun) run = NULL;
  g_autoptr(GPtrArray) refs = NULL;

  set_up_comparison (fixture, 4);
  window_fixture_wait_until (fixture, has_all_inputs, "four inputs");
  run_comparison (fixture);
  before = verdicts (view);
  window_fixture_spin (300); /* the journal's last lines and its end line */

  /* Start over in single mode, then open the run. */
  g_object_set (fixture->window, "compare-mode", FALSE, NULL);
  augur_input_grid_clear (fixture->window->input_grid);
  path = newest_run_path ();
  augur_journal_load_async (path, NULL, run_loaded_cb, &run);
  while (run == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (augur_run_get_n_columns (run), ==, 2);
  g_assert_cmpuint (augur_run_get_n_done (run), ==, 8);
  _augur_window_open_compare_run (fixture->window, run);

  g_assert_true (_augur_window_get_compare_mode (fixture->window));
  refs = augur_compare_columns_dup_refs (fixture->window->compare_columns);
  g_assert_cmpuint (refs->len, ==, 2);
  g_assert_cmpstr (((AugurModelRef *) g_ptr_array_index (refs, 1))->version_id, ==,
                   AUGUR_TEST_VERSION_OLDER);
  after = verdicts (view);
  g_assert_cmpstrv (after, before);
  g_assert_cmpuint (g_list_model_get_n_items (augur_input_grid_get_items (fixture->window->input_grid)), ==, 4);
}

static gboolean
golden_offered (WindowFixture *fixture)
{
  return gtk_info_bar_get_revealed (fixture->window->golden_bar);
}

/* Pin the inputs; when latest moves past the version the set ran on, the window says so
 * and one click compares old and new, showing only the inputs whose top-1 changed. */
static void
test_golden_set (WindowFixture *fixture,
                 gconstpointer  data)
{
  CompareData *compare = set_up_comparison (fixture, 24);
  AugurGoldenSets *sets = fixture->window->golden_sets;
  const char *key = "clarifai/main/general-image-recognition";
  g_autoptr(GArray) expected = expected_disagreements (compare);
  g_autoptr(GArray) visible = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  const AugurGoldenSet *set;
  const char *text;

  window_fixture_wait_until (fixture, has_all_inputs, "24 inputs");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.pin-golden-set", NULL));
  set = augur_golden_sets_lookup (sets, key);
  g_assert_nonnull (set);
  g_assert_cmpuint (set->sources->len, ==, 24);
  g_assert_cmpstr (g_ptr_array_index (set->sources, 0), ==, g_ptr_array_index (compare->paths, 0));
  g_assert_cmpstr (set->known_version_id, ==, AUGUR_TEST_VERSION_LATEST);
  g_assert_false (golden_offered (fixture));

  /* As if the set last ran when the older version was the newest. */
  augur_golden_sets_set_known_version (sets, key, AUGUR_TEST_VERSION_OLDER);
  g_object_set (fixture->window, "compare-mode", FALSE, NULL);
  augur_input_grid_clear (fixture->window->input_grid);
  _augur_window_check_golden (fixture->window);
  window_fixture_wait_until (fixture, golden_offered, "the golden set offer");
  text = gtk_label_get_text (fixture->window->golden_label);
  g_assert_nonnull (strstr (text, "b5a0f0e1"));
  g_assert_nonnull (strstr (text, "0a1b2c3d"));
  g_assert_nonnull (strstr (text, "24 inputs"));

  gtk_info_bar_response (fixture->window->golden_bar, GTK_RESPONSE_ACCEPT);
  window_fixture_wait_until (fixture, comparison_done, "the golden set comparison");

  /* Old version against new, only the changed inputs left in view. */
  refs = augur_compare_columns_dup_refs (fixture->window->compare_columns);
  g_assert_cmpstr (((AugurModelRef *) g_ptr_array_index (refs, 0))->version_id, ==,
                   AUGUR_TEST_VERSION_OLDER);
  g_assert_cmpstr (((AugurModelRef *) g_ptr_array_index (refs, 1))->version_id, ==,
                   AUGUR_TEST_VERSION_LATEST);
  g_assert_true (augur_compare_table_get_only_disagreements (fixture->window->compare_table));
  visible = augur_compare_table_dup_visible_indices (fixture->window->compare_table);
  assert_same_indices (visible, expected);
  g_assert_cmpstr (augur_golden_sets_lookup (sets, key)->known_version_id, ==,
                   AUGUR_TEST_VERSION_LATEST);
}

static void
test_text_diff (WindowFixture *fixture,
                gconstpointer  data)
{
  AugurCompareText *text;

  augur_test_server_set_versions_differ (fixture->server, TRUE);
  window_fixture_select_model (fixture, MODEL_URL);
  g_object_set (fixture->window, "compare-mode", TRUE, NULL);
  window_fixture_wait_until (fixture, columns_loaded, "compare columns");
  augur_input_grid_set_text (fixture->window->input_grid, "Write a haiku about the sea");
  run_comparison (fixture);

  text = AUGUR_COMPARE_TEXT (window_fixture_find_widget_of_type (GTK_WIDGET (fixture->window->compare_view),
                                                                 AUGUR_TYPE_COMPARE_TEXT));
  g_assert_nonnull (text);
  {
    g_autofree char *a = augur_compare_text_dup_text (text, 0);
    g_autofree char *b = augur_compare_text_dup_text (text, 1);

    g_assert_nonnull (strstr (a, "haiku about the sea"));
    g_assert_nonnull (strstr (b, "haiku about the sea"));
    g_assert_true (g_str_has_prefix (b, "older:"));
  }
  /* "echo:" became "older:": one word changed on each side. */
  g_assert_cmpuint (augur_compare_text_get_n_changed (text, 1), ==, 1);
  g_assert_nonnull (strstr (augur_compare_text_get_stats (text, 1), "words"));
}


/* Without shared controls, each column sends the settings remembered for its version: B's
 * temperature reaches B's requests only (the text model echoes the params it received). */
static void
test_own_controls_per_column (WindowFixture *fixture,
                              gconstpointer  data)
{
  AugurCompareColumns *columns = fixture->window->compare_columns;
  g_autoptr(AugurModelRef) picked = NULL;
  g_autoptr(JsonNode) cool = window_fixture_number_node (0.2);
  AugurCompareText *text;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  window_fixture_select_model (fixture, MODEL_URL);
  g_object_set (fixture->window, "compare-mode", TRUE, NULL);
  window_fixture_wait_until (fixture, columns_loaded, "compare columns");
  augur_compare_columns_set_sync_controls (columns, FALSE);

  /* Column B's settings button puts B's version in the window, and its settings in the panel. */
  g_signal_emit_by_name (columns, "edit-settings", 1);
  picked = augur_model_picker_dup_ref (fixture->window->model_picker);
  g_assert_cmpstr (picked->version_id, ==, AUGUR_TEST_VERSION_OLDER);
  window_fixture_wait_until (fixture, window_fixture_model_loaded, "version B");
  g_assert_true (augur_controls_panel_set_value (fixture->window->controls_panel, "temperature", cool));

  augur_input_grid_set_text (fixture->window->input_grid, "Name a colour");
  run_comparison (fixture);
  text = AUGUR_COMPARE_TEXT (window_fixture_find_widget_of_type (GTK_WIDGET (fixture->window->compare_view),
                                                                 AUGUR_TYPE_COMPARE_TEXT));
  g_assert_nonnull (text);
  a = augur_compare_text_dup_text (text, 0);
  b = augur_compare_text_dup_text (text, 1);
  g_assert_nonnull (strstr (b, "temperature=0.2"));
  g_assert_null (strstr (a, "temperature"));
  augur_controls_panel_reset (fixture->window->controls_panel);
}

static void
test_detector_boxes (WindowFixture *fixture,
                     gconstpointer  data)
{
  CompareData *compare = set_up_comparison (fixture, 1);
  AugurCompareBoxes *boxes;
  guint n_a, n_b;

  window_fixture_wait_until (fixture, has_all_inputs, "one input");
  compare->expected[0] = ask_server (fixture, AUGUR_TEST_VERSION_LATEST, compare->paths);
  compare->expected[1] = ask_server (fixture, AUGUR_TEST_VERSION_OLDER, compare->paths);
  run_comparison (fixture);

  boxes = AUGUR_COMPARE_BOXES (window_fixture_find_widget_of_type (GTK_WIDGET (fixture->window->compare_view),
                                                                   AUGUR_TYPE_COMPARE_BOXES));
  g_assert_nonnull (boxes);
  augur_compare_boxes_set_min_value (boxes, -1);
  n_a = augur_prediction_get_regions (g_ptr_array_index (compare->expected[0], 0))->len;
  n_b = augur_prediction_get_regions (g_ptr_array_index (compare->expected[1], 0))->len;
  /* Both versions' boxes on one image; a column's toggle hides its own. */
  g_assert_cmpuint (augur_compare_boxes_get_n_drawn (boxes), ==, n_a + n_b);
  augur_compare_boxes_set_column_visible (boxes, 1, FALSE);
  g_assert_cmpuint (augur_compare_boxes_get_n_drawn (boxes), ==, n_a);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  window_fixture_add ("/ui/window-compare/two-versions", AUGUR_TEST_MODEL_CLASSIFIER, test_two_versions);
  window_fixture_add ("/ui/window-compare/single-input-mirror", AUGUR_TEST_MODEL_CLASSIFIER,
                      test_single_input_mirror);
  window_fixture_add ("/ui/window-compare/one-version-fails", AUGUR_TEST_MODEL_CLASSIFIER,
                      test_one_version_fails);
  window_fixture_add ("/ui/window-compare/batch-disagreements", AUGUR_TEST_MODEL_CLASSIFIER,
                      test_batch_disagreements);
  window_fixture_add ("/ui/window-compare/reopen-from-history", AUGUR_TEST_MODEL_CLASSIFIER,
                      test_reopen_from_history);
  window_fixture_add ("/ui/window-compare/golden-set", AUGUR_TEST_MODEL_CLASSIFIER, test_golden_set);
  window_fixture_add ("/ui/window-compare/text-diff", AUGUR_TEST_MODEL_TEXT, test_text_diff);
  window_fixture_add ("/ui/window-compare/own-controls-per-column", AUGUR_TEST_MODEL_TEXT,
                      test_own_controls_per_column);
  window_fixture_add ("/ui/window-compare/detector-boxes", AUGUR_TEST_MODEL_DETECTOR, test_detector_boxes);
  return g_test_run ();
}
