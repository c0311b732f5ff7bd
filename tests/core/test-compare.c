/* test-compare.c: comparing versions: aligned rows, deltas, top-1 flags, boxes and text per
 * input, and over two real batches against the fake server the summary, the list of inputs
 * whose top-1 differs, a failed column, and the CSV and JSON exports.
 *
 * The fake server's classifier derives its values from the input only, not from the version
 * in the path, so the second version's answers are written by this test (from the first
 * version's, changed in known ways) and queued on the older version's route.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "augur-compare.h"
#include "augur-core.h"
#include "augur-test-server.h"
#include "augur-word-diff.h"

#define N_BATCH_INPUTS 200
#define CHUNK_SIZE 100
#define OLDER_OUTPUTS_SUFFIX "/versions/" AUGUR_TEST_VERSION_OLDER "/outputs"

/* Hand-built predictions ------------------------------------------------------------------ */

/* @spec: "id:value,id:value,..." in the server's ranking order; names are "name-<id>" */
static AugurPrediction *
make_prediction (const char *spec)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_auto(GStrv) items = g_strsplit (spec, ",", -1);

  for (guint i = 0; items[i] != NULL && *items[i] != '\0'; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], ":", 2);
      g_autofree char *name = g_strdup_printf ("name-%s", parts[0]);

      g_ptr_array_add (augur_prediction_get_concepts (prediction),
                       augur_concept_new (parts[0], name, g_ascii_strtod (parts[1], NULL)));
    }
  return prediction;
}

static AugurPrediction *
make_failed_prediction (void)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_autoptr(GError) error = g_error_new_literal (AUGUR_ERROR, AUGUR_ERROR_API,
                                                 "Model does not exist");

  augur_prediction_set_error (prediction, error);
  return prediction;
}

static const AugurCompareRow *
find_row (AugurComparison *comparison,
          const char      *concept_id)
{
  for (guint i = 0; i < augur_comparison_get_n_rows (comparison); i++)
    {
      const AugurCompareRow *row = augur_comparison_get_row (comparison, i);

      if (g_str_equal (row->concept_id, concept_id))
        return row;
    }
  return NULL;
}

static char *
describe_row_order (AugurComparison *comparison)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < augur_comparison_get_n_rows (comparison); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                            augur_comparison_get_row (comparison, i)->concept_id);
  return g_string_free (out, FALSE);
}

static void
test_rows_aligned (void)
{
  g_autoptr(AugurPrediction) a = make_prediction ("cat:0.9,dog:0.5,fox:0.2");
  g_autoptr(AugurPrediction) b = make_prediction ("dog:0.8,cat:0.625,owl:0.3");
  AugurPrediction *predictions[] = { a, b };
  g_autoptr(AugurComparison) comparison = augur_comparison_new (7, predictions, 2);
  g_autofree char *order = describe_row_order (comparison);
  const AugurCompareRow *row;

  g_assert_cmpuint (augur_comparison_get_index (comparison), ==, 7);
  g_assert_cmpstr (order, ==, "cat,dog,owl,fox");

  row = find_row (comparison, "cat");
  g_assert_cmpstr (row->concept_name, ==, "name-cat");
  g_assert_true (row->present[0] && row->present[1]);
  g_assert_true (row->has_delta[1]);
  g_assert_false (row->has_delta[0]);
  g_assert_cmpfloat_with_epsilon (row->deltas[1], 0.625 - 0.9, 1e-12);
  g_assert_true (row->is_top1[0]);
  g_assert_false (row->is_top1[1]);
  g_assert_cmpint (row->only_in, ==, -1);

  row = find_row (comparison, "dog");
  g_assert_cmpfloat_with_epsilon (row->deltas[1], 0.3, 1e-12);
  g_assert_true (row->is_top1[1]);
  g_assert_cmpfloat (row->max_value, ==, 0.8);

  row = find_row (comparison, "owl");
  g_assert_cmpint (row->only_in, ==, 1);
  g_assert_false (row->present[0]);
  g_assert_false (row->has_delta[1]);
  g_assert_cmpfloat (row->values[0], ==, 0);

  row = find_row (comparison, "fox");
  g_assert_cmpint (row->only_in, ==, 0);
  g_assert_false (row->has_delta[1]);

  g_assert_cmpstr (augur_concept_get_id (augur_comparison_get_top1 (comparison, 0)), ==, "cat");
  g_assert_cmpstr (augur_concept_get_id (augur_comparison_get_top1 (comparison, 1)), ==, "dog");
  g_assert_false (augur_comparison_top1_agrees (comparison));
  g_assert_cmpint (augur_comparison_get_verdict (comparison), ==, AUGUR_COMPARE_DISAGREE);
  g_assert_true (augur_comparison_is_complete (comparison));
  g_assert_cmpfloat_with_epsilon (augur_comparison_get_max_abs_delta (comparison), 0.3, 1e-12);
}

/* Equal best values: rows fall back to the concept id, and top-1 is the server's first. */
static void
test_rows_ties (void)
{
  g_autoptr(AugurPrediction) a = make_prediction ("b:0.5,a:0.5,c:0.5");
  g_autoptr(AugurPrediction) b = make_prediction ("b:0.5,c:0.4");
  g_autoptr(AugurPrediction) c = make_prediction ("b:0.1");
  AugurPrediction *predictions[] = { a, b, c };
  g_autoptr(AugurComparison) comparison = augur_comparison_new (0, predictions, 3);
  g_autofree char *order = describe_row_order (comparison);
  const AugurCompareRow *row = find_row (comparison, "b");

  g_assert_cmpstr (order, ==, "a,b,c");
  g_assert_cmpint (augur_comparison_get_verdict (comparison), ==, AUGUR_COMPARE_AGREE);
  g_assert_true (row->is_top1[0] && row->is_top1[1] && row->is_top1[2]);
  g_assert_cmpfloat_with_epsilon (row->deltas[2], -0.4, 1e-12);
  g_assert_cmpint (find_row (comparison, "a")->only_in, ==, 0);
  g_assert_cmpint (find_row (comparison, "c")->only_in, ==, -1);
}

static void
test_verdicts (void)
{
  g_autoptr(AugurPrediction) cat = make_prediction ("cat:0.9,dog:0.1");
  g_autoptr(AugurPrediction) cat2 = make_prediction ("cat:0.7");
  g_autoptr(AugurPrediction) dog = make_prediction ("dog:0.6,cat:0.5");
  g_autoptr(AugurPrediction) failed = make_failed_prediction ();
  g_autoptr(AugurPrediction) empty = make_prediction ("");
  AugurPrediction *pending_agree[] = { cat, cat2, NULL };
  AugurPrediction *pending_differ[] = { cat, NULL, dog };
  AugurPrediction *one_failed[] = { cat, failed };
  AugurPrediction *failed_and_agree[] = { cat, failed, cat2 };
  AugurPrediction *no_concepts[] = { empty, empty };
  g_autoptr(AugurComparison) c1 = augur_comparison_new (0, pending_agree, 3);
  g_autoptr(AugurComparison) c2 = augur_comparison_new (0, pending_differ, 3);
  g_autoptr(AugurComparison) c3 = augur_comparison_new (0, one_failed, 2);
  g_autoptr(AugurComparison) c4 = augur_comparison_new (0, failed_and_agree, 3);
  g_autoptr(AugurComparison) c5 = augur_comparison_new (0, no_concepts, 2);

  g_assert_cmpint (augur_comparison_get_verdict (c1), ==, AUGUR_COMPARE_PENDING);
  g_assert_cmpint (augur_comparison_get_cell_state (c1, 2), ==, AUGUR_COMPARE_CELL_PENDING);
  g_assert_false (augur_comparison_is_complete (c1));
  /* Known to differ even before the last column answers. */
  g_assert_cmpint (augur_comparison_get_verdict (c2), ==, AUGUR_COMPARE_DISAGREE);

  g_assert_cmpint (augur_comparison_get_verdict (c3), ==, AUGUR_COMPARE_INCOMPLETE);
  g_assert_cmpint (augur_comparison_get_cell_state (c3, 1), ==, AUGUR_COMPARE_CELL_FAILED);
  g_assert_null (augur_comparison_get_top1 (c3, 1));
  /* The failed column marks nothing "only in": the other column is complete on its own. */
  g_assert_cmpuint (augur_comparison_get_n_rows (c3), ==, 2);
  g_assert_cmpint (find_row (c3, "dog")->only_in, ==, -1);
  g_assert_true (find_row (c3, "dog")->present[0]);

  g_assert_cmpint (augur_comparison_get_verdict (c4), ==, AUGUR_COMPARE_AGREE);
  g_assert_false (augur_comparison_is_complete (c4));
  g_assert_cmpint (augur_comparison_get_verdict (c5), ==, AUGUR_COMPARE_AGREE);
  g_assert_cmpuint (augur_comparison_get_n_rows (c5), ==, 0);
}

static AugurRegion *
make_region (double      top,
             double      left,
             double      bottom,
             double      right,
             const char *concept_id,
             double      value)
{
  AugurRegion *region = augur_region_new (NULL, top, left, bottom, right, value);
  g_autoptr(AugurConcept) concept = augur_concept_new (concept_id, concept_id, value);

  augur_region_set_has_box (region, TRUE);
  augur_region_add_concept (region, concept);
  return region;
}

static void
test_boxes (void)
{
  g_autoptr(AugurPrediction) a = augur_prediction_new ();
  g_autoptr(AugurPrediction) b = augur_prediction_new ();
  AugurPrediction *predictions[] = { a, b };
  g_autoptr(AugurComparison) comparison = NULL;
  g_autoptr(AugurRegion) r1 = make_region (0, 0, 0.5, 0.5, "cat", 0.9);
  g_autoptr(AugurRegion) r2 = make_region (0, 0.25, 0.5, 0.75, "cat", 0.9);
  GPtrArray *regions_a, *regions_b;
  GArray *matches;
  const AugurBoxMatch *match;

  g_assert_cmpfloat_with_epsilon (augur_compare_box_iou (r1, r2), 0.125 / 0.375, 1e-12);
  g_assert_cmpfloat (augur_compare_box_iou (r1, r1), ==, 1);

  /* A: a cat, a dog, a car. B: the cat moved a little, the dog called a wolf, a new bike. */
  regions_a = augur_prediction_get_regions (a);
  regions_b = augur_prediction_get_regions (b);
  g_ptr_array_add (regions_a, make_region (0.1, 0.1, 0.5, 0.5, "cat", 0.9));
  g_ptr_array_add (regions_a, make_region (0.5, 0.5, 0.9, 0.9, "dog", 0.8));
  g_ptr_array_add (regions_a, make_region (0, 0.8, 0.1, 1, "car", 0.6));
  g_ptr_array_add (regions_b, make_region (0.5, 0.5, 0.9, 0.88, "wolf", 0.95));
  g_ptr_array_add (regions_b, make_region (0.12, 0.1, 0.5, 0.5, "cat", 0.7));
  g_ptr_array_add (regions_b, make_region (0.9, 0, 1, 0.1, "bike", 0.5));
  comparison = augur_comparison_new (0, predictions, 2);

  /* Detections align their region concepts; top-1 is the best region's. */
  g_assert_cmpstr (augur_concept_get_id (augur_comparison_get_top1 (comparison, 0)), ==, "cat");
  g_assert_cmpstr (augur_concept_get_id (augur_comparison_get_top1 (comparison, 1)), ==, "wolf");
  g_assert_cmpint (augur_comparison_get_verdict (comparison), ==, AUGUR_COMPARE_DISAGREE);
  g_assert_cmpfloat_with_epsilon (find_row (comparison, "cat")->deltas[1], 0.7 - 0.9, 1e-12);
  g_assert_cmpint (find_row (comparison, "dog")->only_in, ==, 0);

  g_assert_null (augur_comparison_get_box_matches (comparison, 0));
  matches = augur_comparison_get_box_matches (comparison, 1);
  g_assert_cmpuint (matches->len, ==, 4);
  match = &g_array_index (matches, AugurBoxMatch, 0);
  g_assert_cmpint (match->ref_region, ==, 0);
  g_assert_cmpint (match->region, ==, 1);
  g_assert_true (match->same_label);
  g_assert_cmpfloat (match->iou, >, 0.9);
  match = &g_array_index (matches, AugurBoxMatch, 1);
  g_assert_cmpint (match->region, ==, 0);
  g_assert_false (match->same_label);
  g_assert_cmpfloat_with_epsilon (match->iou, 0.38 / 0.4, 1e-9);
  match = &g_array_index (matches, AugurBoxMatch, 2);
  g_assert_cmpint (match->ref_region, ==, 2);
  g_assert_cmpint (match->region, ==, -1);
  match = &g_array_index (matches, AugurBoxMatch, 3);
  g_assert_cmpint (match->ref_region, ==, -1);
  g_assert_cmpint (match->region, ==, 2);
}

static void
test_text (void)
{
  g_autoptr(AugurPrediction) a = augur_prediction_new ();
  g_autoptr(AugurPrediction) b = augur_prediction_new ();
  AugurPrediction *predictions[] = { a, b };
  g_autoptr(AugurComparison) comparison = NULL;
  g_autofree char *old_side = NULL;
  g_autofree char *new_side = NULL;
  GPtrArray *diff;

  augur_prediction_set_text (a, "The café opens at nine.");
  augur_prediction_set_text (b, "The café opens at ten, 東京.");
  augur_prediction_set_duration_ms (a, 120);
  augur_prediction_set_duration_ms (b, 80);
  comparison = augur_comparison_new (0, predictions, 2);

  g_assert_cmpuint (augur_comparison_get_text_chars (comparison, 0), ==, 23);
  g_assert_cmpuint (augur_comparison_get_text_words (comparison, 0), ==, 5);
  g_assert_cmpuint (augur_comparison_get_text_words (comparison, 1), ==, 7);
  g_assert_cmpfloat (augur_comparison_get_duration_ms (comparison, 1), ==, 80);
  g_assert_null (augur_comparison_get_text_diff (comparison, 0));

  diff = augur_comparison_get_text_diff (comparison, 1);
  g_assert_nonnull (diff);
  g_assert_true (diff == augur_comparison_get_text_diff (comparison, 1));
  old_side = augur_word_diff_side (diff, AUGUR_DIFF_DELETE);
  new_side = augur_word_diff_side (diff, AUGUR_DIFF_INSERT);
  g_assert_cmpstr (old_side, ==, "The café opens at nine.");
  g_assert_cmpstr (new_side, ==, "The café opens at ten, 東京.");
  g_assert_cmpstr (((AugurDiffSegment *) g_ptr_array_index (diff, 0))->text, ==,
                   "The café opens at ");
  g_assert_cmpstr (((AugurDiffSegment *) g_ptr_array_index (diff, 1))->text, ==, "nine");
  g_assert_cmpint (((AugurDiffSegment *) g_ptr_array_index (diff, 1))->op, ==, AUGUR_DIFF_DELETE);
  g_assert_cmpstr (((AugurDiffSegment *) g_ptr_array_index (diff, 2))->text, ==, "ten, 東京");
}

static void
test_columns (void)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_new ("u", "app", "m", "v1");
  g_autoptr(AugurCompareColumn) from_ref = augur_compare_column_new_for_ref (ref, NULL);
  g_autoptr(AugurCompareColumn) named = augur_compare_column_new ("u/app/m", NULL, "Latest");
  g_autoptr(AugurCompareColumn) copy = augur_compare_column_copy (named);

  g_assert_cmpstr (from_ref->model_ref, ==, "u/app/m");
  g_assert_cmpstr (from_ref->version_id, ==, "v1");
  g_assert_cmpstr (from_ref->display_name, ==, "v1");
  g_assert_null (copy->version_id);
  g_assert_cmpstr (copy->display_name, ==, "Latest");
}

/* Batches against the fake server --------------------------------------------------------- */

typedef struct
{
  AugurTestServer *server;
  AugurClient     *client;
  AugurModelRef   *ref_a;      /* the latest version */
  AugurModelRef   *ref_b;      /* the older version */
  GPtrArray       *inputs;     /* AugurInput */
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
  fixture->ref_a = augur_model_ref_new ("clarifai", "main", "general-image-recognition",
                                        AUGUR_TEST_VERSION_LATEST);
  fixture->ref_b = augur_model_ref_with_version (fixture->ref_a, AUGUR_TEST_VERSION_OLDER);
  fixture->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < N_BATCH_INPUTS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Review number %u: the parcel came late.", i);

      g_ptr_array_add (fixture->inputs, augur_input_new_text (text));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->inputs, g_ptr_array_unref);
  g_clear_pointer (&fixture->ref_a, augur_model_ref_free);
  g_clear_pointer (&fixture->ref_b, augur_model_ref_free);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, augur_test_server_free);
}

static void
batch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs a batch to the end, requests one at a time in input order (so that queued answers
 * meet the inputs they were written for). Returns: (transfer full): the batch */
static AugurBatch *
run_batch (Fixture       *fixture,
           AugurModelRef *ref)
{
  g_autoptr(AugurBatch) batch = augur_batch_new (fixture->client, ref, NULL, NULL,
                                                 fixture->inputs);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  augur_batch_set_chunk_size (batch, CHUNK_SIZE);
  augur_batch_set_max_in_flight (batch, 1);
  augur_batch_run_async (batch, NULL, batch_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* Failures are per input; the run itself only fails when cancelled. */
  ok = augur_batch_run_finish (batch, result, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (augur_batch_get_results (batch)->len, ==, N_BATCH_INPUTS);
  return g_steal_pointer (&batch);
}

static void
add_concept_object (JsonBuilder  *builder,
                    AugurConcept *concept,
                    double        value)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, augur_concept_get_id (concept));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, augur_concept_get_name (concept));
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, value);
  json_builder_end_object (builder);
}

/* Version B's answer for input @index, from version A's: values shifted a little; every 5th
 * input has its top two swapped (a top-1 disagreement); every 7th input loses A's last
 * concept and gains "extra-N" (N = index mod 3). */
static void
add_version_b_concepts (JsonBuilder     *builder,
                        AugurPrediction *a,
                        guint            index)
{
  GPtrArray *concepts = augur_prediction_get_concepts (a);
  guint n = concepts->len;

  g_assert_cmpuint (n, >=, 3);
  json_builder_begin_array (builder);
  for (guint j = 0; j < n; j++)
    {
      guint source = j;
      double shift = (double) ((index * 7 + j * 3) % 11) / 100.0 - 0.05;

      if (index % 5 == 0 && j < 2)
        source = 1 - j;
      if (index % 7 == 0 && j == n - 1)
        {
          g_autofree char *id = g_strdup_printf ("extra-id-%u", index % 3);
          g_autofree char *name = g_strdup_printf ("extra-%u", index % 3);
          g_autoptr(AugurConcept) extra = augur_concept_new (id, name, 0);

          add_concept_object (builder, extra, 0.015625);
          continue;
        }
      add_concept_object (builder, g_ptr_array_index (concepts, source),
                          CLAMP (augur_concept_get_value (g_ptr_array_index (concepts, source))
                                 + shift, 0.0, 1.0));
    }
  json_builder_end_array (builder);
}

static char *
version_b_reply (GPtrArray *results_a,
                 guint      first,
                 guint      n)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, 10000);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "outputs");
  json_builder_begin_array (builder);
  for (guint i = first; i < first + n; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, 10000);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "model");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, "general-image-recognition");
      json_builder_set_member_name (builder, "model_version");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, AUGUR_TEST_VERSION_OLDER);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "data");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "concepts");
      add_version_b_concepts (builder, g_ptr_array_index (results_a, i), i);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
queue_version_b_replies (Fixture   *fixture,
                         GPtrArray *results_a)
{
  for (guint first = 0; first < N_BATCH_INPUTS; first += CHUNK_SIZE)
    {
      g_autofree char *body = version_b_reply (results_a, first, CHUNK_SIZE);

      augur_test_server_queue_response (fixture->server, "POST", OLDER_OUTPUTS_SUFFIX, 200,
                                        body, 0);
    }
}

/* Expected numbers, computed straight from the raw predictions ---------------------------- */

typedef struct
{
  guint       n_agree;
  GArray     *disagreeing;   /* guint */
  guint       n_shared;
  double      abs_delta_sum;
  guint       n_gained;
  guint       n_lost;
  GHashTable *gained;        /* name -> count */
  GHashTable *lost;
  double      median_ms[2];
} Expected;

static AugurConcept *
find_concept (GPtrArray  *concepts,
              const char *id)
{
  for (guint i = 0; i < concepts->len; i++)
    if (g_str_equal (augur_concept_get_id (g_ptr_array_index (concepts, i)), id))
      return g_ptr_array_index (concepts, i);
  return NULL;
}

static void
bump (GHashTable *counts,
      const char *name)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));

  g_hash_table_insert (counts, g_strdup (name), GUINT_TO_POINTER (n + 1));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
expected_median (GPtrArray *results)
{
  g_autofree double *values = g_new (double, results->len);
  guint n = results->len;

  for (guint i = 0; i < n; i++)
    values[i] = augur_prediction_get_duration_ms (g_ptr_array_index (results, i));
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
compute_expected (Expected  *expected,
                  GPtrArray *results_a,
                  GPtrArray *results_b)
{
  memset (expected, 0, sizeof *expected);
  expected->disagreeing = g_array_new (FALSE, FALSE, sizeof (guint));
  expected->gained = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  expected->lost = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < results_a->len; i++)
    {
      GPtrArray *ca = augur_prediction_get_concepts (g_ptr_array_index (results_a, i));
      GPtrArray *cb = augur_prediction_get_concepts (g_ptr_array_index (results_b, i));

      if (g_str_equal (augur_concept_get_id (g_ptr_array_index (ca, 0)),
                       augur_concept_get_id (g_ptr_array_index (cb, 0))))
        expected->n_agree++;
      else
        g_array_append_val (expected->disagreeing, i);

      for (guint j = 0; j < cb->len; j++)
        {
          AugurConcept *concept_b = g_ptr_array_index (cb, j);
          AugurConcept *concept_a = find_concept (ca, augur_concept_get_id (concept_b));

          if (concept_a == NULL)
            {
              expected->n_gained++;
              bump (expected->gained, augur_concept_get_name (concept_b));
              continue;
            }
          expected->n_shared++;
          expected->abs_delta_sum += fabs (augur_concept_get_value (concept_b) -
                                           augur_concept_get_value (concept_a));
        }
      for (guint j = 0; j < ca->len; j++)
        {
          AugurConcept *concept_a = g_ptr_array_index (ca, j);

          if (find_concept (cb, augur_concept_get_id (concept_a)) == NULL)
            {
              expected->n_lost++;
              bump (expected->lost, augur_concept_get_name (concept_a));
            }
        }
    }
  expected->median_ms[0] = expected_median (results_a);
  expected->median_ms[1] = expected_median (results_b);
}

static void
expected_clear (Expected *expected)
{
  g_clear_pointer (&expected->disagreeing, g_array_unref);
  g_clear_pointer (&expected->gained, g_hash_table_unref);
  g_clear_pointer (&expected->lost, g_hash_table_unref);
}

static void
assert_counts_equal (GPtrArray  *counts,
                     GHashTable *expected)
{
  g_assert_cmpuint (counts->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < counts->len; i++)
    {
      AugurConceptCount *count = g_ptr_array_index (counts, i);

      g_assert_cmpuint (count->count, ==,
                        GPOINTER_TO_UINT (g_hash_table_lookup (expected, count->concept_name)));
      if (i > 0)
        g_assert_cmpuint (count->count, <=,
                          ((AugurConceptCount *) g_ptr_array_index (counts, i - 1))->count);
    }
}

static void
assert_uint_arrays_equal (GArray *a,
                          GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpuint (g_array_index (a, guint, i), ==, g_array_index (b, guint, i));
}

/* Every row of one input against the raw predictions. */
static void
assert_rows_match (AugurComparison *comparison,
                   AugurPrediction *a,
                   AugurPrediction *b)
{
  GPtrArray *ca = augur_prediction_get_concepts (a);
  GPtrArray *cb = augur_prediction_get_concepts (b);
  guint n_union = ca->len;

  for (guint j = 0; j < cb->len; j++)
    n_union += find_concept (ca, augur_concept_get_id (g_ptr_array_index (cb, j))) == NULL;
  g_assert_cmpuint (augur_comparison_get_n_rows (comparison), ==, n_union);

  for (guint r = 0; r < augur_comparison_get_n_rows (comparison); r++)
    {
      const AugurCompareRow *row = augur_comparison_get_row (comparison, r);
      AugurConcept *in_a = find_concept (ca, row->concept_id);
      AugurConcept *in_b = find_concept (cb, row->concept_id);

      if (r > 0)
        g_assert_cmpfloat (row->max_value, <=,
                           augur_comparison_get_row (comparison, r - 1)->max_value);
      g_assert_true (row->present[0] == (in_a != NULL));
      g_assert_true (row->present[1] == (in_b != NULL));
      g_assert_true (row->is_top1[0] == (in_a == g_ptr_array_index (ca, 0)));
      g_assert_true (row->is_top1[1] == (in_b == g_ptr_array_index (cb, 0)));
      if (in_a != NULL && in_b != NULL)
        {
          g_assert_true (row->has_delta[1]);
          g_assert_cmpfloat (row->deltas[1], ==,
                             augur_concept_get_value (in_b) - augur_concept_get_value (in_a));
          g_assert_cmpint (row->only_in, ==, -1);
        }
      else
        {
          g_assert_false (row->has_delta[1]);
          g_assert_cmpint (row->only_in, ==, in_a != NULL ? 0 : 1);
        }
    }
}

/* Exports, read back ----------------------------------------------------------------------- */

/* RFC 4180: records end with CRLF; quoted fields may hold commas, quotes and newlines. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                p++;
              else if (*p == '"')
                break;
              g_string_append_c (field, *p);
            }
          g_assert_true (*p == '"');
          p++;
          continue;
        }
      if (*p == ',' || (*p == '\r' && p[1] == '\n'))
        {
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\r')
            {
              g_ptr_array_add (records, record);
              record = g_ptr_array_new_with_free_func (g_free);
              p++;
            }
          p++;
          continue;
        }
      g_string_append_c (field, *p++);
    }
  g_assert_cmpuint (record->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return records;
}

static const char *
field (GPtrArray *record,
       guint      i)
{
  return g_ptr_array_index (record, i);
}

static void
assert_number_field (const char *text,
                     gboolean    present,
                     double      expected)
{
  if (!present)
    {
      g_assert_cmpstr (text, ==, "");
      return;
    }
  g_assert_cmpstr (text, !=, "");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (text, NULL), expected, 1e-8);
}

static void
assert_csv_matches (const char *csv,
                    GPtrArray  *comparisons,
                    guint       n_disagree)
{
  g_autoptr(GPtrArray) records = parse_csv (csv);
  static const char * const header[] = { "index", "input", "agreement", "concept_id",
                                         "concept_name", "A value", "B value", "B delta",
                                         "only_in", "top1_of", "A status", "B status" };
  guint r = 1;
  guint n_disagree_inputs = 0;

  g_assert_cmpuint (records->len, >, 1);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, 0))->len, ==, G_N_ELEMENTS (header));
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    g_assert_cmpstr (field (g_ptr_array_index (records, 0), i), ==, header[i]);

  for (guint i = 0; i < comparisons->len; i++)
    {
      AugurComparison *comparison = g_ptr_array_index (comparisons, i);
      AugurCompareVerdict verdict_value = augur_comparison_get_verdict (comparison);
      const char *verdict = augur_compare_verdict_to_string (verdict_value);

      n_disagree_inputs += augur_comparison_get_verdict (comparison) == AUGUR_COMPARE_DISAGREE;
      for (guint j = 0; j < augur_comparison_get_n_rows (comparison); j++, r++)
        {
          GPtrArray *record = g_ptr_array_index (records, r);
          const AugurCompareRow *row = augur_comparison_get_row (comparison, j);
          g_autofree char *index = g_strdup_printf ("%u", i);

          g_assert_cmpuint (record->len, ==, G_N_ELEMENTS (header));
          g_assert_cmpstr (field (record, 0), ==, index);
          g_assert_cmpstr (field (record, 1), ==, augur_comparison_get_input_label (comparison));
          g_assert_cmpstr (field (record, 2), ==, verdict);
          g_assert_cmpstr (field (record, 3), ==, row->concept_id);
          g_assert_cmpstr (field (record, 4), ==, row->concept_name);
          assert_number_field (field (record, 5), row->present[0], row->values[0]);
          assert_number_field (field (record, 6), row->present[1], row->values[1]);
          assert_number_field (field (record, 7), row->has_delta[1], row->deltas[1]);
          g_assert_cmpstr (field (record, 8), ==,
                           row->only_in == 0 ? "A" : row->only_in == 1 ? "B" : "");
          g_assert_cmpstr (field (record, 9), ==, row->is_top1[0] && row->is_top1[1] ? "A;B"
                                                  : row->is_top1[0] ? "A"
                                                  : row->is_top1[1] ? "B" : "");
          g_assert_cmpstr (field (record, 10), ==, "ok");
          g_assert_cmpstr (field (record, 11), ==, "ok");
        }
    }
  g_assert_cmpuint (r, ==, records->len);
  g_assert_cmpuint (n_disagree_inputs, ==, n_disagree);
}

static JsonNode *
parse_json_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_json_number_or_null (JsonArray *array,
                            guint      i,
                            gboolean   present,
                            double     expected)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!present)
    {
      g_assert_true (JSON_NODE_HOLDS_NULL (node));
      return;
    }
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpfloat_with_epsilon (json_node_get_double (node), expected, 1e-8);
}

static void
assert_json_matches (const char          *json,
                     GPtrArray           *comparisons,
                     AugurCompareSummary *summary)
{
  g_autoptr(JsonNode) root = parse_json_text (json);
  JsonObject *object = json_node_get_object (root);
  JsonObject *summary_object = json_object_get_object_member (object, "summary");
  JsonArray *columns = json_object_get_array_member (object, "columns");
  JsonArray *inputs = json_object_get_array_member (object, "inputs");
  JsonArray *disagreeing = json_object_get_array_member (summary_object, "disagreeing");

  g_assert_cmpuint (json_array_get_length (columns), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (columns, 1),
                                                  "version_id"), ==, AUGUR_TEST_VERSION_OLDER);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (columns, 0),
                                                  "model"),
                   ==, "clarifai/main/general-image-recognition");
  g_assert_cmpint (json_object_get_int_member (summary_object, "agree"), ==, summary->n_agree);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (summary_object, "mean_abs_delta"),
                                  summary->mean_abs_delta, 1e-8);
  g_assert_cmpuint (json_array_get_length (disagreeing), ==, summary->disagreeing->len);
  for (guint i = 0; i < summary->disagreeing->len; i++)
    g_assert_cmpint (json_array_get_int_element (disagreeing, i), ==,
                     g_array_index (summary->disagreeing, guint, i));

  g_assert_cmpuint (json_array_get_length (inputs), ==, comparisons->len);
  for (guint i = 0; i < comparisons->len; i++)
    {
      AugurComparison *comparison = g_ptr_array_index (comparisons, i);
      JsonObject *input = json_array_get_object_element (inputs, i);
      JsonArray *rows = json_object_get_array_member (input, "rows");
      JsonArray *cells = json_object_get_array_member (input, "columns");
      JsonObject *cell_b = json_array_get_object_element (cells, 1);
      JsonObject *top1_b;

      g_assert_cmpint (json_object_get_int_member (input, "index"), ==, i);
      g_assert_cmpstr (json_object_get_string_member (input, "agreement"), ==,
                       augur_compare_verdict_to_string (augur_comparison_get_verdict (comparison)));
      g_assert_true (json_object_get_boolean_member (input, "top1_agrees") ==
                     augur_comparison_top1_agrees (comparison));
      g_assert_cmpstr (json_object_get_string_member (cell_b, "status"), ==, "ok");
      g_assert_cmpstr (json_object_get_string_member (cell_b, "version_id"), ==,
                       AUGUR_TEST_VERSION_OLDER);
      top1_b = json_object_get_object_member (cell_b, "top1");
      g_assert_cmpstr (json_object_get_string_member (top1_b, "id"), ==,
                       augur_concept_get_id (augur_comparison_get_top1 (comparison, 1)));
      g_assert_cmpuint (json_array_get_length (rows), ==, augur_comparison_get_n_rows (comparison));
      for (guint j = 0; j < json_array_get_length (rows); j++)
        {
          const AugurCompareRow *row = augur_comparison_get_row (comparison, j);
          JsonObject *row_object = json_array_get_object_element (rows, j);
          JsonArray *values = json_object_get_array_member (row_object, "values");
          JsonArray *deltas = json_object_get_array_member (row_object, "deltas");

          g_assert_cmpstr (json_object_get_string_member (row_object, "concept_id"), ==,
                           row->concept_id);
          assert_json_number_or_null (values, 0, row->present[0], row->values[0]);
          assert_json_number_or_null (values, 1, row->present[1], row->values[1]);
          assert_json_number_or_null (deltas, 0, FALSE, 0);
          assert_json_number_or_null (deltas, 1, row->has_delta[1], row->deltas[1]);
        }
    }
}

static GPtrArray *
make_columns (Fixture *fixture)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_compare_column_free);

  g_ptr_array_add (columns, augur_compare_column_new_for_ref (fixture->ref_a, "A"));
  g_ptr_array_add (columns, augur_compare_column_new_for_ref (fixture->ref_b, "B"));
  return columns;
}

static void
test_batch_two_versions (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(AugurBatch) batch_a = run_batch (fixture, fixture->ref_a);
  g_autoptr(AugurBatch) batch_b = NULL;
  g_autoptr(GPtrArray) comparisons = NULL;
  g_autoptr(AugurCompareSummary) summary = NULL;
  g_autoptr(GPtrArray) columns = make_columns (fixture);
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  GPtrArray *results[2];
  Expected expected;

  queue_version_b_replies (fixture, augur_batch_get_results (batch_a));
  batch_b = run_batch (fixture, fixture->ref_b);
  g_assert_cmpuint (augur_test_server_count_queued (fixture->server), ==, 0);
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, OLDER_OUTPUTS_SUFFIX), ==,
                    N_BATCH_INPUTS / CHUNK_SIZE);

  results[0] = augur_batch_get_results (batch_a);
  results[1] = augur_batch_get_results (batch_b);
  comparisons = augur_compare_results (results, 2);
  summary = augur_compare_summarize (comparisons);
  compute_expected (&expected, results[0], results[1]);

  g_assert_cmpuint (comparisons->len, ==, N_BATCH_INPUTS);
  for (guint i = 0; i < N_BATCH_INPUTS; i++)
    assert_rows_match (g_ptr_array_index (comparisons, i), g_ptr_array_index (results[0], i),
                       g_ptr_array_index (results[1], i));

  /* The disagreements are exactly the inputs whose top-1 was swapped: every fifth. */
  g_assert_cmpuint (expected.disagreeing->len, ==, N_BATCH_INPUTS / 5);
  for (guint i = 0; i < expected.disagreeing->len; i++)
    g_assert_cmpuint (g_array_index (expected.disagreeing, guint, i), ==, i * 5);
  assert_uint_arrays_equal (summary->disagreeing, expected.disagreeing);

  g_assert_cmpuint (summary->n_inputs, ==, N_BATCH_INPUTS);
  g_assert_cmpuint (summary->n_complete, ==, N_BATCH_INPUTS);
  g_assert_cmpuint (summary->n_agree, ==, expected.n_agree);
  g_assert_cmpfloat_with_epsilon (summary->top1_agreement,
                                  (double) expected.n_agree / N_BATCH_INPUTS, 1e-12);
  g_assert_cmpuint (summary->n_shared, ==, expected.n_shared);
  g_assert_cmpuint (summary->columns[1].n_shared, ==, expected.n_shared);
  g_assert_cmpfloat_with_epsilon (summary->mean_abs_delta,
                                  expected.abs_delta_sum / expected.n_shared, 1e-12);
  g_assert_cmpfloat (summary->mean_abs_delta, >, 0);
  g_assert_cmpuint (summary->columns[1].n_gained, ==, expected.n_gained);
  g_assert_cmpuint (summary->columns[1].n_lost, ==, expected.n_lost);
  g_assert_cmpuint (expected.n_gained, ==, (N_BATCH_INPUTS + 6) / 7);
  assert_counts_equal (summary->columns[1].gained, expected.gained);
  assert_counts_equal (summary->columns[1].lost, expected.lost);
  g_assert_cmpuint (summary->columns[1].gained->len, ==, 3);
  g_assert_cmpuint (summary->columns[0].n_succeeded, ==, N_BATCH_INPUTS);
  g_assert_cmpuint (summary->columns[1].n_succeeded, ==, N_BATCH_INPUTS);
  g_assert_cmpfloat (summary->columns[0].median_duration_ms, ==, expected.median_ms[0]);
  g_assert_cmpfloat (summary->columns[1].median_duration_ms, ==, expected.median_ms[1]);
  g_assert_cmpfloat (summary->columns[0].median_duration_ms, >, 0);
  g_assert_cmpint (summary->fastest_column, ==,
                   expected.median_ms[1] < expected.median_ms[0] ? 1 : 0);

  csv = augur_compare_export_csv (columns, comparisons);
  assert_csv_matches (csv, comparisons, N_BATCH_INPUTS / 5);
  json = augur_compare_export_json (columns, comparisons, TRUE);
  assert_json_matches (json, comparisons, summary);

  expected_clear (&expected);
}

/* Version B's model does not exist: its column fails whole, A's stays complete. */
static void
test_batch_failed_column (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(AugurBatch) batch_a = run_batch (fixture, fixture->ref_a);
  g_autoptr(AugurBatch) batch_b = NULL;
  g_autoptr(GPtrArray) comparisons = NULL;
  g_autoptr(AugurCompareSummary) summary = NULL;
  g_autoptr(GPtrArray) columns = make_columns (fixture);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *first_b;
  GPtrArray *results[2];

  augur_test_server_queue_fixture (fixture->server, "POST", OLDER_OUTPUTS_SUFFIX, 404,
                                   "error-model-does-not-exist.response.json");
  batch_b = run_batch (fixture, fixture->ref_b);
  g_assert_cmpuint (augur_batch_get_n_failed (batch_b), ==, N_BATCH_INPUTS);
  g_assert_cmpuint (augur_batch_get_n_failed (batch_a), ==, 0);
  results[0] = augur_batch_get_results (batch_a);
  results[1] = augur_batch_get_results (batch_b);
  comparisons = augur_compare_results (results, 2);
  summary = augur_compare_summarize (comparisons);

  for (guint i = 0; i < N_BATCH_INPUTS; i++)
    {
      AugurComparison *comparison = g_ptr_array_index (comparisons, i);
      GPtrArray *concepts_a = augur_prediction_get_concepts (g_ptr_array_index (results[0], i));

      g_assert_cmpint (augur_comparison_get_cell_state (comparison, 0), ==,
                       AUGUR_COMPARE_CELL_SUCCEEDED);
      g_assert_cmpint (augur_comparison_get_cell_state (comparison, 1), ==,
                       AUGUR_COMPARE_CELL_FAILED);
      g_assert_cmpint (augur_comparison_get_verdict (comparison), ==, AUGUR_COMPARE_INCOMPLETE);
      g_assert_cmpuint (augur_comparison_get_n_rows (comparison), ==, concepts_a->len);
      for (guint j = 0; j < concepts_a->len; j++)
        {
          AugurConcept *concept = g_ptr_array_index (concepts_a, j);
          const AugurCompareRow *row = find_row (comparison, augur_concept_get_id (concept));

          g_assert_nonnull (row);
          g_assert_true (row->present[0]);
          g_assert_false (row->present[1]);
          g_assert_cmpfloat (row->values[0], ==, augur_concept_get_value (concept));
          g_assert_cmpint (row->only_in, ==, -1);
        }
    }

  g_assert_cmpuint (summary->columns[0].n_succeeded, ==, N_BATCH_INPUTS);
  g_assert_cmpuint (summary->columns[1].n_failed, ==, N_BATCH_INPUTS);
  g_assert_cmpuint (summary->columns[1].n_succeeded, ==, 0);
  g_assert_cmpuint (summary->n_complete, ==, 0);
  g_assert_cmpfloat (summary->top1_agreement, ==, 0);
  g_assert_cmpuint (summary->disagreeing->len, ==, 0);
  g_assert_cmpuint (summary->n_shared, ==, 0);
  g_assert_cmpuint (summary->columns[1].n_gained + summary->columns[1].n_lost, ==, 0);
  g_assert_cmpint (summary->fastest_column, ==, 0);

  csv = augur_compare_export_csv (columns, comparisons);
  records = parse_csv (csv);
  g_assert_cmpstr (field (g_ptr_array_index (records, 1), 10), ==, "ok");
  g_assert_true (g_str_has_prefix (field (g_ptr_array_index (records, 1), 11), "failed: "));
  g_assert_nonnull (strstr (field (g_ptr_array_index (records, 1), 11), "Model does not exist"));
  g_assert_cmpstr (field (g_ptr_array_index (records, 1), 2), ==, "incomplete");

  json = augur_compare_export_json (columns, comparisons, FALSE);
  root = parse_json_text (json);
  first_b = json_array_get_object_element (
              json_object_get_array_member (
                json_array_get_object_element (
                  json_object_get_array_member (json_node_get_object (root), "inputs"), 0),
                "columns"),
              1);
  g_assert_cmpstr (json_object_get_string_member (first_b, "status"), ==, "failed");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (first_b, "top1")));
}

/* A column that has not started yet: every input is pending, nothing breaks. */
static void
test_pending_column (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AugurBatch) batch_a = run_batch (fixture, fixture->ref_a);
  g_autoptr(GPtrArray) comparisons = NULL;
  g_autoptr(AugurCompareSummary) summary = NULL;
  GPtrArray *results[2] = { augur_batch_get_results (batch_a), NULL };

  comparisons = augur_compare_results (results, 2);
  summary = augur_compare_summarize (comparisons);

  g_assert_cmpuint (comparisons->len, ==, N_BATCH_INPUTS);
  g_assert_cmpint (augur_comparison_get_verdict (g_ptr_array_index (comparisons, 3)), ==,
                   AUGUR_COMPARE_PENDING);
  g_assert_cmpuint (summary->columns[1].n_pending, ==, N_BATCH_INPUTS);
  g_assert_cmpuint (summary->n_complete, ==, 0);
}

/* 5,000 inputs of 20 concepts in three columns: rows, summary and both exports have to stay
 * linear; this only has to finish and add up. */
static void
test_many_inputs (void)
{
  g_autoptr(GPtrArray) columns = NULL;
  GPtrArray *results[3];
  g_autoptr(GPtrArray) comparisons = NULL;
  g_autoptr(AugurCompareSummary) summary = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  guint n_inputs = 5000;

  columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_compare_column_free);
  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *name = g_strdup_printf ("v%u", k);

      g_ptr_array_add (columns, augur_compare_column_new ("u/app/m", name, NULL));
      results[k] = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < n_inputs; i++)
        {
          AugurPrediction *prediction = augur_prediction_new ();
          guint first = (i + (k == 2 && i % 10 == 0)) % 40;

          for (guint j = 0; j < 20; j++)
            {
              g_autofree char *id = g_strdup_printf ("c%02u", (first + j) % 40);

              g_ptr_array_add (augur_prediction_get_concepts (prediction),
                               augur_concept_new (id, id, 0.95 - j * 0.04 - k * 0.01));
            }
          augur_prediction_set_duration_ms (prediction, 100 + k * 10 + i % 7);
          g_ptr_array_add (results[k], prediction);
        }
    }

  comparisons = augur_compare_results (results, 3);
  summary = augur_compare_summarize (comparisons);
  g_assert_cmpuint (summary->n_complete, ==, n_inputs);
  g_assert_cmpuint (summary->disagreeing->len, ==, n_inputs / 10);
  g_assert_cmpuint (summary->columns[1].n_shared, ==, n_inputs * 20);
  g_assert_cmpfloat_with_epsilon (summary->columns[1].mean_abs_delta, 0.01, 1e-9);
  g_assert_cmpuint (summary->columns[2].n_gained, ==, n_inputs / 10);
  g_assert_cmpint (summary->fastest_column, ==, 0);
  g_assert_cmpfloat (summary->columns[2].median_duration_ms, ==, 123);

  csv = augur_compare_export_csv (columns, comparisons);
  json = augur_compare_export_json (columns, comparisons, FALSE);
  g_assert_cmpuint (strlen (csv), >, n_inputs * 20 * 40);
  g_assert_nonnull (strstr (json, "\"disagreeing\":[0,10,20,"));

  for (guint k = 0; k < 3; k++)
    g_ptr_array_unref (results[k]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/compare/columns", test_columns);
  g_test_add_func ("/compare/rows/aligned", test_rows_aligned);
  g_test_add_func ("/compare/rows/ties", test_rows_ties);
  g_test_add_func ("/compare/verdicts", test_verdicts);
  g_test_add_func ("/compare/boxes", test_boxes);
  g_test_add_func ("/compare/text", test_text);
  g_test_add_func ("/compare/many-inputs", test_many_inputs);
  g_test_add ("/compare/batch/two-versions", Fixture, NULL,
              fixture_set_up, test_batch_two_versions, fixture_tear_down);
  g_test_add ("/compare/batch/failed-column", Fixture, NULL,
              fixture_set_up, test_batch_failed_column, fixture_tear_down);
  g_test_add ("/compare/batch/pending-column", Fixture, NULL,
              fixture_set_up, test_pending_column, fixture_tear_down);

  return g_test_run ();
}
