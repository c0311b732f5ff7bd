/* test-golden-set.c: golden sets kept on disk — pin, look up, unpin and update through a
 * save and a load; a missing file; a damaged file that is reported and left alone; bad
 * entries skipped one by one; when a set has a new version to run on.
 *
 * The /test-server/ paths test the fake server's older version that answers differently
 * and a version that fails: the fixture compare tests (core and UI) are built on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "augur-client.h"
#include "augur-concept.h"
#include "augur-config.h"
#include "augur-error.h"
#include "augur-golden-set.h"
#include "augur-model-ref.h"
#include "augur-prediction.h"
#include "augur-region.h"
#include "augur-status.h"
#include "augur-test-server.h"

#define MODEL_A "clarifai/main/general-image-recognition"
#define MODEL_B "test-user/test-app/my-classifier"
#define VERSION_1 "b5a0f0e1c2d34e5f8a9b0c1d2e3f4a5b"
#define VERSION_2 "0a1b2c3d4e5f40718293a4b5c6d7e8f9"

/* Helpers ---------------------------------------------------------------------------------- */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gboolean
load_sets (AugurGoldenSets  *sets,
           GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  augur_golden_sets_load_async (sets, NULL, store_result_cb, &result);
  return augur_golden_sets_load_finish (sets, wait_for (&result), error);
}

static void
save_sets (AugurGoldenSets *sets)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  augur_golden_sets_save_async (sets, NULL, store_result_cb, &result);
  g_assert_true (augur_golden_sets_save_finish (sets, wait_for (&result), &error));
  g_assert_no_error (error);
}

static GPtrArray *
make_sources (const char *first,
              ...)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func (g_free);
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_ptr_array_add (sources, g_strdup (s));
  va_end (args);
  return sources;
}

static char *
join_list (GPtrArray *list)
{
  g_ptr_array_add (list, NULL);
  return g_strjoinv (",", (char **) list->pdata);
}

static char *
describe_sources (const AugurGoldenSet *set)
{
  g_autoptr(GPtrArray) copy = g_ptr_array_new ();

  for (guint i = 0; i < set->sources->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (set->sources, i));
  return join_list (copy);
}

static char *
describe_store (AugurGoldenSets *sets)
{
  g_autoptr(GPtrArray) list = augur_golden_sets_list (sets);

  return join_list (list);
}

/* A store whose file holds @contents, or does not exist when it is NULL. */
static AugurGoldenSets *
new_store_with_file (const char *contents,
                     char      **out_path)
{
  /* The cache folder is the test's own (G_TEST_OPTION_ISOLATE_DIRS); /tmp is shared. */
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "golden-sets.json", NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  if (contents != NULL)
    g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  else
    g_unlink (path);
  if (out_path != NULL)
    *out_path = g_strdup (path);
  return augur_golden_sets_new (path);
}

static char *
read_file (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return g_steal_pointer (&contents);
}

static void
count_changed_cb (AugurGoldenSets *sets,
                  guint           *count)
{
  (*count)++;
}

/* Golden sets ------------------------------------------------------------------------------ */

static void
test_round_trip (void)
{
  g_autoptr(AugurGoldenSets) sets = augur_golden_sets_new (NULL);
  g_autoptr(AugurGoldenSets) again = NULL;
  g_autoptr(GPtrArray) sources_a = make_sources ("/home/u/b.png", "https://example.com/a.jpg",
                                                 "/home/u/a.png", NULL);
  g_autoptr(GPtrArray) sources_b = make_sources ("/srv/one.jpg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_path = g_build_filename (g_get_user_data_dir (), "augur",
                                                     "golden-sets.json", NULL);
  g_autofree char *description = NULL;
  g_autofree char *contents = NULL;
  const AugurGoldenSet *set;
  gint64 pinned_at_a;

  g_assert_cmpstr (augur_golden_sets_get_path (sets), ==, expected_path);
  g_assert_true (load_sets (sets, &error));
  g_assert_no_error (error);

  augur_golden_sets_pin (sets, MODEL_A, sources_a, VERSION_1);
  augur_golden_sets_pin (sets, MODEL_B, sources_b, NULL);
  augur_golden_sets_pin (sets, "someone/else/model", sources_b, NULL);
  augur_golden_sets_unpin (sets, "someone/else/model");
  augur_golden_sets_set_known_version (sets, MODEL_B, VERSION_2);
  augur_golden_sets_set_known_version (sets, MODEL_A, NULL);
  augur_golden_sets_set_known_version (sets, "not/pinned/model", VERSION_1);
  pinned_at_a = augur_golden_sets_lookup (sets, MODEL_A)->pinned_at;
  g_assert_cmpint (pinned_at_a, >, 1700000000);
  /* the data folder does not exist yet: the save makes it */
  save_sets (sets);
  g_assert_true (g_file_test (expected_path, G_FILE_TEST_IS_REGULAR));

  again = augur_golden_sets_new (NULL);
  g_assert_true (load_sets (again, &error));
  g_assert_no_error (error);
  description = describe_store (again);
  g_assert_cmpstr (description, ==, MODEL_A "," MODEL_B);

  set = augur_golden_sets_lookup (again, MODEL_A);
  g_assert_nonnull (set);
  g_assert_cmpstr (set->model_ref, ==, MODEL_A);
  g_clear_pointer (&description, g_free);
  description = describe_sources (set);
  g_assert_cmpstr (description, ==, "/home/u/b.png,https://example.com/a.jpg,/home/u/a.png");
  g_assert_null (set->known_version_id);
  g_assert_cmpint (set->pinned_at, ==, pinned_at_a);

  set = augur_golden_sets_lookup (again, MODEL_B);
  g_assert_nonnull (set);
  g_assert_cmpstr (set->known_version_id, ==, VERSION_2);
  g_assert_null (augur_golden_sets_lookup (again, "someone/else/model"));

  /* What is on disk is what the file format says, and a copy of a set stands alone. */
  contents = read_file (expected_path);
  g_assert_nonnull (strstr (contents, "\"version\" : 1"));
  g_assert_nonnull (strstr (contents, "\"known_version_id\" : null"));
  {
    g_autoptr(AugurGoldenSet) copy = augur_golden_set_copy (set);

    augur_golden_sets_unpin (again, MODEL_B);
    g_assert_null (augur_golden_sets_lookup (again, MODEL_B));
    g_assert_cmpstr (copy->model_ref, ==, MODEL_B);
    g_assert_cmpuint (copy->sources->len, ==, 1);
  }
}

static void
test_pin_replaces (void)
{
  g_autoptr(AugurGoldenSets) sets = new_store_with_file (NULL, NULL);
  g_autoptr(GPtrArray) first = make_sources ("/a.png", "/b.png", NULL);
  g_autoptr(GPtrArray) second = make_sources ("/c.png", NULL);
  g_autofree char *description = NULL;
  guint n_changed = 0;

  g_signal_connect (sets, "changed", G_CALLBACK (count_changed_cb), &n_changed);
  augur_golden_sets_pin (sets, MODEL_A, first, VERSION_1);
  augur_golden_sets_pin (sets, MODEL_A, second, "");
  g_assert_cmpuint (n_changed, ==, 2);
  description = describe_sources (augur_golden_sets_lookup (sets, MODEL_A));
  g_assert_cmpstr (description, ==, "/c.png");
  g_assert_null (augur_golden_sets_lookup (sets, MODEL_A)->known_version_id);

  /* changes that change nothing say nothing */
  augur_golden_sets_unpin (sets, MODEL_B);
  augur_golden_sets_set_known_version (sets, MODEL_B, VERSION_1);
  augur_golden_sets_set_known_version (sets, MODEL_A, NULL);
  g_assert_cmpuint (n_changed, ==, 2);
  augur_golden_sets_set_known_version (sets, MODEL_A, VERSION_2);
  g_assert_cmpuint (n_changed, ==, 3);
}

static void
test_missing_file (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AugurGoldenSets) sets = new_store_with_file (NULL, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (load_sets (sets, &error));
  g_assert_no_error (error);
  list = augur_golden_sets_list (sets);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
assert_damaged (const char *contents,
                const char *message_part)
{
  g_autofree char *path = NULL;
  g_autoptr(AugurGoldenSets) sets = new_store_with_file (contents, &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *after_save = NULL;
  guint n_changed = 0;

  g_test_message ("file: %s", contents);
  /* something in the store before the load: a failed load still empties it */
  {
    g_autoptr(GPtrArray) sources = make_sources ("/x.png", NULL);

    augur_golden_sets_pin (sets, MODEL_B, sources, NULL);
  }
  g_signal_connect (sets, "changed", G_CALLBACK (count_changed_cb), &n_changed);
  g_assert_false (load_sets (sets, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpuint (n_changed, ==, 1);
  list = augur_golden_sets_list (sets);
  g_assert_cmpuint (list->len, ==, 0);

  /* nothing changed since: the save leaves the damaged file as it was */
  save_sets (sets);
  after_save = read_file (path);
  g_assert_cmpstr (after_save, ==, contents);
}

static void
test_damaged_file (void)
{
  assert_damaged ("{\"version\": 1, \"sets\": [", "damaged");
  assert_damaged ("", "damaged");
  assert_damaged ("[]", "damaged");
  assert_damaged ("{\"sets\": []}", "damaged");
  assert_damaged ("{\"version\": \"1\", \"sets\": []}", "damaged");
  assert_damaged ("{\"version\": 1, \"sets\": {}}", "damaged");
  assert_damaged ("{\"version\": 1}", "damaged");
  assert_damaged ("{\"version\": 2, \"sets\": []}", "newer version");
}

static void
test_damaged_file_replaced_after_pin (void)
{
  static const char damaged[] = "{\"version\": 1, \"sets\": [ oops";
  g_autofree char *path = NULL;
  g_autoptr(AugurGoldenSets) sets = new_store_with_file (damaged, &path);
  g_autoptr(AugurGoldenSets) again = NULL;
  g_autoptr(GPtrArray) sources = make_sources ("/new.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  g_assert_false (load_sets (sets, &error));
  g_clear_error (&error);
  augur_golden_sets_pin (sets, MODEL_A, sources, VERSION_1);
  save_sets (sets);

  again = augur_golden_sets_new (path);
  g_assert_true (load_sets (again, &error));
  g_assert_no_error (error);
  description = describe_store (again);
  g_assert_cmpstr (description, ==, MODEL_A);
}

static void
test_bad_entries_skipped (void)
{
  static const char contents[] =
    "{\"version\": 1, \"sets\": ["
    " {\"model\": \"a/b/good\", \"sources\": [\"/1.png\", \"/2.png\"], \"known_version_id\": null,"
    "  \"pinned_at\": 1732690000, \"extra\": true},"
    " {\"model\": \"a/b/bad-source\", \"sources\": [\"/1.png\", 7], \"pinned_at\": 1},"
    " {\"model\": \"a/b/object-source\", \"sources\": [{\"path\": \"/1.png\"}]},"
    " {\"model\": \"a/b/no-sources\", \"sources\": []},"
    " {\"model\": \"a/b/sources-not-array\", \"sources\": \"/1.png\"},"
    " {\"model\": 12, \"sources\": [\"/1.png\"]},"
    " {\"sources\": [\"/1.png\"]},"
    " {\"model\": \"a/b/bad-version\", \"sources\": [\"/1.png\"], \"known_version_id\": 5},"
    " {\"model\": \"a/b/bad-time\", \"sources\": [\"/1.png\"], \"pinned_at\": \"yesterday\"},"
    " \"not an object\","
    " {\"model\": \"a/b/also-good\", \"sources\": [\"https://example.com/x.jpg\"],"
    "  \"known_version_id\": \"v9\"},"
    " {\"model\": \"a/b/good\", \"sources\": [\"/duplicate.png\"]}"
    "]}";
  g_autoptr(AugurGoldenSets) sets = new_store_with_file (contents, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *sources = NULL;
  const AugurGoldenSet *set;

  g_assert_true (load_sets (sets, &error));
  g_assert_no_error (error);
  description = describe_store (sets);
  g_assert_cmpstr (description, ==, "a/b/also-good,a/b/good");

  set = augur_golden_sets_lookup (sets, "a/b/good");
  sources = describe_sources (set);
  g_assert_cmpstr (sources, ==, "/1.png,/2.png");
  g_assert_null (set->known_version_id);
  g_assert_cmpint (set->pinned_at, ==, 1732690000);

  set = augur_golden_sets_lookup (sets, "a/b/also-good");
  g_assert_cmpstr (set->known_version_id, ==, "v9");
  g_assert_cmpint (set->pinned_at, ==, 0);
}

/* Saves may finish in any order on the worker pool; the file ends with the newest. */
static void
test_overlapping_saves (void)
{
  g_autofree char *path = NULL;
  g_autoptr(AugurGoldenSets) sets = new_store_with_file (NULL, &path);
  g_autoptr(AugurGoldenSets) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  GAsyncResult *results[8] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autofree char *model = g_strdup_printf ("u/a/model-%u", i);
      g_autoptr(GPtrArray) sources = make_sources ("/p.png", NULL);

      augur_golden_sets_pin (sets, model, sources, NULL);
      augur_golden_sets_save_async (sets, NULL, store_result_cb, &results[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_assert_true (augur_golden_sets_save_finish (sets, wait_for (&results[i]), &error));
      g_assert_no_error (error);
      g_clear_object (&results[i]);
    }

  again = augur_golden_sets_new (path);
  g_assert_true (load_sets (again, &error));
  description = describe_store (again);
  g_assert_cmpstr (description, ==, "u/a/model-0,u/a/model-1,u/a/model-2,u/a/model-3,"
                                    "u/a/model-4,u/a/model-5,u/a/model-6,u/a/model-7");
}

static void
test_has_new_version (void)
{
  g_autoptr(GPtrArray) sources = make_sources ("/a.png", NULL);
  AugurGoldenSet set = { (char *) MODEL_A, sources, NULL, 0 };

  g_assert_true (augur_golden_set_has_new_version (&set, VERSION_1));
  g_assert_false (augur_golden_set_has_new_version (&set, NULL));
  set.known_version_id = (char *) VERSION_1;
  g_assert_false (augur_golden_set_has_new_version (&set, VERSION_1));
  g_assert_true (augur_golden_set_has_new_version (&set, VERSION_2));
  g_assert_false (augur_golden_set_has_new_version (&set, NULL));
}

/* The fake server's two versions ----------------------------------------------------------- */

#define N_SERVER_INPUTS 40

typedef struct
{
  AugurTestServer *server;
  AugurConfig     *config;
  AugurClient     *client;
  AugurModelRef   *latest;
  AugurModelRef   *older;
  GPtrArray       *contents;   /* (element-type GBytes) what each input is */
  char            *body;
} ServerFixture;

/* Half the inputs are URLs, half are image bytes sent as base64 (like a file). */
static void
build_inputs (ServerFixture *f)
{
  g_autoptr(GString) body = g_string_new ("{\"inputs\":[");

  f->contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < N_SERVER_INPUTS; i++)
    {
      g_autofree char *text = g_strdup_printf (i % 2 == 0 ? "https://example.com/img-%u.jpg"
                                                          : "\x89PNG fake image %u", i);
      g_autofree char *base64 = g_base64_encode ((const guchar *) text, strlen (text));

      g_ptr_array_add (f->contents, g_bytes_new (text, strlen (text)));
      g_string_append_printf (body, "%s{\"id\":\"in-%u\",\"data\":{\"image\":{\"%s\":\"%s\"}}}",
                              i > 0 ? "," : "", i, i % 2 == 0 ? "url" : "base64",
                              i % 2 == 0 ? text : base64);
    }
  g_string_append (body, "]}");
  f->body = g_strdup (body->str);
}

static void
server_fixture_set_up (ServerFixture *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->server = augur_test_server_new (NULL);
  f->config = augur_config_new ();
  augur_config_set_base_url (f->config, augur_test_server_get_base_url (f->server));
  augur_config_set_token (f->config, AUGUR_TEST_TOKEN);
  f->client = augur_client_new (f->config, &error);
  g_assert_no_error (error);
  f->latest = augur_model_ref_new ("clarifai", "main", "general-image-recognition", NULL);
  f->older = augur_model_ref_with_version (f->latest, AUGUR_TEST_VERSION_OLDER);
  build_inputs (f);
}

static void
server_fixture_tear_down (ServerFixture *f,
                          gconstpointer  data)
{
  g_clear_object (&f->client);
  g_clear_object (&f->config);
  g_clear_pointer (&f->latest, augur_model_ref_free);
  g_clear_pointer (&f->older, augur_model_ref_free);
  g_clear_pointer (&f->contents, g_ptr_array_unref);
  g_clear_pointer (&f->body, g_free);
  g_clear_pointer (&f->server, augur_test_server_free);
}

static AugurPredictReply *
predict (ServerFixture       *f,
         const AugurModelRef *ref,
         GError             **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (f->body, strlen (f->body));
  g_autoptr(GAsyncResult) result = NULL;

  augur_client_post_outputs_async (f->client, ref, bytes, NULL, store_result_cb, &result);
  return augur_client_post_outputs_finish (f->client, wait_for (&result), error);
}

static AugurPredictReply *
predict_ok (ServerFixture       *f,
            const AugurModelRef *ref)
{
  g_autoptr(GError) error = NULL;
  AugurPredictReply *reply = predict (f, ref, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reply);
  g_assert_cmpuint (reply->predictions->len, ==, N_SERVER_INPUTS);
  return reply;
}

static AugurConcept *
concept_at (AugurPredictReply *reply,
            guint              input,
            guint              rank)
{
  GPtrArray *concepts = augur_prediction_get_concepts (g_ptr_array_index (reply->predictions,
                                                                          input));

  g_assert_cmpuint (rank, <, concepts->len);
  return g_ptr_array_index (concepts, rank);
}

static gboolean
has_concept (AugurPrediction *prediction,
             const char      *id)
{
  GPtrArray *concepts = augur_prediction_get_concepts (prediction);

  for (guint i = 0; i < concepts->len; i++)
    if (g_str_equal (augur_concept_get_id (g_ptr_array_index (concepts, i)), id))
      return TRUE;
  return FALSE;
}

/* The older answer, rank by rank, from the latest's and the documented rule. */
static void
assert_older_classifier_input (AugurPredictReply *latest,
                               AugurPredictReply *older,
                               guint              input,
                               gboolean           swap)
{
  AugurPrediction *latest_prediction = g_ptr_array_index (latest->predictions, input);
  AugurPrediction *older_prediction = g_ptr_array_index (older->predictions, input);
  guint n = augur_prediction_get_concepts (latest_prediction)->len;

  g_assert_cmpuint (augur_prediction_get_concepts (older_prediction)->len, ==, n);
  for (guint rank = 0; rank < n; rank++)
    {
      guint from = swap && rank < 2 ? 1 - rank : rank;
      const char *expected_id = rank == 2 ? AUGUR_TEST_OLDER_CONCEPT_ID
                                          : augur_concept_get_id (concept_at (latest, input, from));
      double expected = MAX (augur_concept_get_value (concept_at (latest, input, rank))
                             - AUGUR_TEST_OLDER_VALUE_SHIFT, 0.0);

      g_assert_cmpstr (augur_concept_get_id (concept_at (older, input, rank)), ==, expected_id);
      g_assert_cmpfloat_with_epsilon (augur_concept_get_value (concept_at (older, input, rank)),
                                      expected, 1e-6);
    }
  g_assert_cmpstr (augur_concept_get_name (concept_at (older, input, 2)), ==,
                   AUGUR_TEST_OLDER_CONCEPT_NAME);
  /* the latest's third concept is only in the latest */
  g_assert_false (has_concept (older_prediction,
                               augur_concept_get_id (concept_at (latest, input, 2))));
  g_assert_false (has_concept (latest_prediction, AUGUR_TEST_OLDER_CONCEPT_ID));
}

static void
test_versions_same_by_default (ServerFixture *f,
                               gconstpointer  data)
{
  g_autoptr(AugurPredictReply) latest = predict_ok (f, f->latest);
  g_autoptr(AugurPredictReply) older = predict_ok (f, f->older);

  for (guint i = 0; i < N_SERVER_INPUTS; i++)
    for (guint rank = 0; rank < 20; rank++)
      {
        g_assert_cmpstr (augur_concept_get_id (concept_at (older, i, rank)), ==,
                         augur_concept_get_id (concept_at (latest, i, rank)));
        g_assert_cmpfloat (augur_concept_get_value (concept_at (older, i, rank)), ==,
                           augur_concept_get_value (concept_at (latest, i, rank)));
      }
}

static void
test_versions_differ_classifier (ServerFixture *f,
                                 gconstpointer  data)
{
  g_autoptr(AugurPredictReply) latest = NULL;
  g_autoptr(AugurPredictReply) older = NULL;
  g_autoptr(AugurPredictReply) latest_by_id = NULL;
  g_autoptr(AugurModelRef) latest_ref = augur_model_ref_with_version (f->latest,
                                                                      AUGUR_TEST_VERSION_LATEST);
  guint n_swapped = 0;

  augur_test_server_set_versions_differ (f->server, TRUE);
  latest = predict_ok (f, f->latest);
  older = predict_ok (f, f->older);
  latest_by_id = predict_ok (f, latest_ref);

  for (guint i = 0; i < N_SERVER_INPUTS; i++)
    {
      GBytes *content = g_ptr_array_index (f->contents, i);
      gboolean swap = augur_test_server_older_top1_differs (content);
      gboolean top1_differs;

      g_assert_cmpuint (swap, ==, augur_test_server_input_key (content) % 4 == 0);
      assert_older_classifier_input (latest, older, i, swap);
      top1_differs = g_strcmp0 (augur_concept_get_id (concept_at (latest, i, 0)),
                                augur_concept_get_id (concept_at (older, i, 0))) != 0;
      g_assert_cmpuint (top1_differs, ==, swap);
      n_swapped += swap;
      /* the latest's version id in the path answers as the latest */
      g_assert_cmpstr (augur_concept_get_id (concept_at (latest_by_id, i, 0)), ==,
                       augur_concept_get_id (concept_at (latest, i, 0)));
    }
  g_test_message ("%u of %u inputs have another top-1 in the older version", n_swapped,
                  N_SERVER_INPUTS);
  /* the inputs are chosen so that both cases happen */
  g_assert_cmpuint (n_swapped, >, 0);
  g_assert_cmpuint (n_swapped, <, N_SERVER_INPUTS);
}

static void
test_versions_differ_detector (ServerFixture *f,
                               gconstpointer  data)
{
  g_autoptr(AugurPredictReply) latest = NULL;
  g_autoptr(AugurPredictReply) older = NULL;

  augur_test_server_set_model (f->server, AUGUR_TEST_MODEL_DETECTOR);
  augur_test_server_set_versions_differ (f->server, TRUE);
  latest = predict_ok (f, f->latest);
  older = predict_ok (f, f->older);

  for (guint i = 0; i < N_SERVER_INPUTS; i++)
    {
      GPtrArray *latest_regions = augur_prediction_get_regions (g_ptr_array_index (latest->predictions, i));
      GPtrArray *older_regions = augur_prediction_get_regions (g_ptr_array_index (older->predictions, i));
      gboolean drop = augur_test_server_older_top1_differs (g_ptr_array_index (f->contents, i));

      g_assert_cmpuint (latest_regions->len, ==, 2);
      g_assert_cmpuint (older_regions->len, ==, drop ? 1 : 2);
      for (guint r = 0; r < older_regions->len; r++)
        {
          AugurRegion *a = g_ptr_array_index (latest_regions, r);
          AugurRegion *b = g_ptr_array_index (older_regions, r);

          g_assert_cmpstr (augur_region_get_id (b), ==, augur_region_get_id (a));
          g_assert_cmpfloat_with_epsilon (augur_region_get_top_row (b),
                                          augur_region_get_top_row (a) + AUGUR_TEST_OLDER_BOX_SHIFT, 1e-6);
          g_assert_cmpfloat_with_epsilon (augur_region_get_left_col (b),
                                          augur_region_get_left_col (a) + AUGUR_TEST_OLDER_BOX_SHIFT, 1e-6);
          g_assert_cmpfloat_with_epsilon (augur_region_get_bottom_row (b),
                                          augur_region_get_bottom_row (a) + AUGUR_TEST_OLDER_BOX_SHIFT, 1e-6);
          g_assert_cmpfloat_with_epsilon (augur_region_get_right_col (b),
                                          augur_region_get_right_col (a) + AUGUR_TEST_OLDER_BOX_SHIFT, 1e-6);
          g_assert_cmpfloat (augur_region_get_value (b), ==, augur_region_get_value (a));
        }
    }
}

static void
test_versions_differ_text (ServerFixture *f,
                           gconstpointer  data)
{
  g_autoptr(AugurPredictReply) latest = NULL;
  g_autoptr(AugurPredictReply) older = NULL;

  augur_test_server_set_model (f->server, AUGUR_TEST_MODEL_TEXT);
  augur_test_server_set_versions_differ (f->server, TRUE);
  g_free (f->body);
  f->body = g_strdup ("{\"inputs\":[{\"data\":{\"text\":{\"raw\":\"Say hello\"}}}]}");
  {
    g_autoptr(GError) error = NULL;

    latest = predict (f, f->latest, &error);
    g_assert_no_error (error);
    older = predict (f, f->older, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpstr (augur_prediction_get_text (g_ptr_array_index (latest->predictions, 0)), ==,
                   "echo: Say hello");
  g_assert_cmpstr (augur_prediction_get_text (g_ptr_array_index (older->predictions, 0)), ==,
                   "older: Say hello");
}

static void
test_fail_version (ServerFixture *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) failed = NULL;
  g_autoptr(AugurPredictReply) latest = NULL;
  g_autoptr(AugurPredictReply) older = NULL;

  augur_test_server_fail_version (f->server, AUGUR_TEST_VERSION_OLDER, 404);
  failed = predict (f, f->older, &error);
  g_assert_null (failed);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_API);
  g_assert_cmpint (augur_error_get_status (error)->code, ==, AUGUR_STATUS_MODEL_DOES_NOT_EXIST);
  g_assert_cmpuint (augur_error_get_status (error)->http_status, ==, 404);
  g_clear_error (&error);
  latest = predict_ok (f, f->latest);

  augur_test_server_fail_version (f->server, NULL, 0);
  older = predict_ok (f, f->older);
  g_assert_cmpuint (augur_test_server_count_requests (f->server,
                                                      AUGUR_TEST_VERSION_OLDER "/outputs"), ==, 2);
}

static void
add_server_test (const char *path,
                 void (*func) (ServerFixture *, gconstpointer))
{
  g_test_add (path, ServerFixture, NULL, server_fixture_set_up, func, server_fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/golden-set/round-trip", test_round_trip);
  g_test_add_func ("/golden-set/pin-replaces", test_pin_replaces);
  g_test_add_func ("/golden-set/missing-file", test_missing_file);
  g_test_add_func ("/golden-set/damaged-file", test_damaged_file);
  g_test_add_func ("/golden-set/damaged-file-replaced-after-pin",
                   test_damaged_file_replaced_after_pin);
  g_test_add_func ("/golden-set/bad-entries-skipped", test_bad_entries_skipped);
  g_test_add_func ("/golden-set/overlapping-saves", test_overlapping_saves);
  g_test_add_func ("/golden-set/has-new-version", test_has_new_version);

  add_server_test ("/test-server/versions-differ/off-by-default", test_versions_same_by_default);
  add_server_test ("/test-server/versions-differ/classifier", test_versions_differ_classifier);
  add_server_test ("/test-server/versions-differ/detector", test_versions_differ_detector);
  add_server_test ("/test-server/versions-differ/text", test_versions_differ_text);
  add_server_test ("/test-server/versions-differ/failing-version", test_fail_version);

  return g_test_run ();
}
