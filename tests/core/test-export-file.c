/* test-export-file.c: a batch's predictions written to a file as CSV or JSON, read back as
 * the user's spreadsheet or script would, and never holding the access token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-export-file"

#include <string.h>

#include "augur-core.h"
#include "augur-export-file.h"
#include "augur-test-server.h"

#define ENV_TOKEN "env-pat-fedcba9876543210"

/* Helpers ---------------------------------------------------------------------------------- */

static AugurPrediction *
make_prediction (const char *label,
                 guint       n_concepts)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("\xff\xd8\xff\xe0", 4);
  g_autoptr(AugurInput) input = augur_input_new_bytes (bytes, label);
  g_autoptr(AugurStatus) ok = augur_status_new (AUGUR_STATUS_SUCCESS, "Ok", NULL, NULL);
  AugurPrediction *prediction = augur_prediction_new ();
  GPtrArray *concepts = augur_prediction_get_concepts (prediction);

  augur_prediction_set_input (prediction, input);
  augur_prediction_set_status (prediction, ok);
  for (guint i = 0; i < n_concepts; i++)
    {
      g_autofree char *id = g_strdup_printf ("id-%s-%u", label, i);
      g_autofree char *name = g_strdup_printf ("name, \"%u\" of %s", i, label);

      g_ptr_array_add (concepts, augur_concept_new (id, name, 0.9 - i * 0.1));
    }
  augur_prediction_set_model (prediction, "general-image-recognition", "aa7f", NULL);
  return prediction;
}

static GPtrArray *
make_predictions (void)
{
  GPtrArray *predictions = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (predictions, make_prediction ("a.jpg", 3));
  g_ptr_array_add (predictions, make_prediction ("b.jpg", 1));
  g_ptr_array_add (predictions, make_prediction ("c.jpg", 4));
  return predictions;
}

/* RFC 4180 records: quoted fields may hold commas, quotes and line breaks. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
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
        g_ptr_array_add (record, g_string_free (g_steal_pointer (&field), FALSE)),
        field = g_string_new (NULL);
      else if (*p == '\r' && p[1] == '\n')
        {
          p++;
          g_ptr_array_add (record, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (records, g_steal_pointer (&record));
          record = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (field, *p);
    }
  g_assert_false (quoted);
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (record->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (record);
  return records;
}

static const char *
csv_field (GPtrArray *records,
           guint      row,
           guint      column)
{
  GPtrArray *record = g_ptr_array_index (records, row);

  g_assert_cmpuint (column, <, record->len);
  return g_ptr_array_index (record, column);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static char *
write_and_read (GFile             *file,
                AugurExportFormat  format,
                AugurCsvLayout     layout,
                guint              top_k,
                GPtrArray         *predictions,
                JsonNode          *run_info)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  augur_export_write_file_async (file, format, layout, top_k, predictions, run_info,
                                 NULL, write_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (augur_export_write_file_finish (file, result, &error));
  g_assert_no_error (error);

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static GFile *
temp_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("augur-export-file-XXXXXX", &error);

  g_assert_no_error (error);
  return g_file_new_build_filename (dir, name, NULL);
}

static void
remove_temp_file (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}

/* Tests ------------------------------------------------------------------------------------ */

static void
test_csv_per_concept (void)
{
  g_autoptr(GPtrArray) predictions = make_predictions ();
  g_autoptr(GFile) file = temp_file ("results.csv");
  g_autofree char *contents = write_and_read (file, AUGUR_EXPORT_FORMAT_CSV,
                                              AUGUR_CSV_ROW_PER_CONCEPT, 0, predictions, NULL);
  g_autoptr(GPtrArray) records = parse_csv (contents);
  guint row = 1;

  g_assert_cmpuint (records->len, ==, 1 + 3 + 1 + 4);
  g_assert_cmpstr (csv_field (records, 0, 0), ==, "input");
  g_assert_cmpstr (csv_field (records, 0, 3), ==, "concept_name");
  for (guint i = 0; i < predictions->len; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (predictions, i);
      GPtrArray *concepts = augur_prediction_get_concepts (prediction);

      for (guint c = 0; c < concepts->len; c++, row++)
        {
          AugurConcept *concept = g_ptr_array_index (concepts, c);

          g_assert_cmpstr (csv_field (records, row, 0), ==,
                           augur_input_get_label (augur_prediction_get_input (prediction)));
          g_assert_cmpstr (csv_field (records, row, 2), ==, augur_concept_get_id (concept));
          g_assert_cmpstr (csv_field (records, row, 3), ==, augur_concept_get_name (concept));
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (csv_field (records, row, 4), NULL),
                                          augur_concept_get_value (concept), 1e-9);
        }
    }
  remove_temp_file (file);
}

static void
test_csv_per_input (void)
{
  g_autoptr(GPtrArray) predictions = make_predictions ();
  g_autoptr(GFile) file = temp_file ("results.csv");
  g_autofree char *contents = write_and_read (file, AUGUR_EXPORT_FORMAT_CSV,
                                              AUGUR_CSV_ROW_PER_INPUT, 2, predictions, NULL);
  g_autoptr(GPtrArray) records = parse_csv (contents);

  g_assert_cmpuint (records->len, ==, 1 + 3);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, 0))->len, ==, 2 + 2 * 2 + 2);
  g_assert_cmpstr (csv_field (records, 0, 2), ==, "top1_name");
  g_assert_cmpstr (csv_field (records, 0, 5), ==, "top2_value");
  g_assert_cmpstr (csv_field (records, 1, 0), ==, "a.jpg");
  g_assert_cmpstr (csv_field (records, 1, 2), ==, "name, \"0\" of a.jpg");
  g_assert_cmpstr (csv_field (records, 1, 4), ==, "name, \"1\" of a.jpg");
  g_assert_cmpstr (csv_field (records, 2, 2), ==, "name, \"0\" of b.jpg");
  g_assert_cmpstr (csv_field (records, 2, 4), ==, "");
  g_assert_cmpstr (csv_field (records, 3, 0), ==, "c.jpg");
  remove_temp_file (file);
}

static void
test_json_wrapped (void)
{
  g_autoptr(GPtrArray) predictions = make_predictions ();
  g_autoptr(GFile) file = temp_file ("results.json");
  g_autoptr(JsonNode) settings = json_from_string ("{\"min_value\": 0.5, \"max_concepts\": 3}",
                                                   NULL);
  g_autoptr(JsonNode) run_info = augur_export_run_info_new ("clarifai/main/general",
                                                            "aa7f", settings,
                                                            "https://api.clarifai.com/v2");
  g_autofree char *contents = write_and_read (file, AUGUR_EXPORT_FORMAT_JSON, 0, 0,
                                              predictions, run_info);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) exported_at = NULL;
  JsonObject *root;
  JsonArray *results;

  json_parser_load_from_data (parser, contents, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "model"), ==, "clarifai/main/general");
  g_assert_cmpstr (json_object_get_string_member (root, "version_id"), ==, "aa7f");
  g_assert_cmpstr (json_object_get_string_member (root, "base_url"), ==,
                   "https://api.clarifai.com/v2");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "settings"),
                                               "max_concepts"), ==, 3);
  exported_at = g_date_time_new_from_iso8601 (json_object_get_string_member (root, "exported_at"),
                                              NULL);
  g_assert_nonnull (exported_at);

  results = json_object_get_array_member (root, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, predictions->len);
  for (guint i = 0; i < predictions->len; i++)
    {
      g_autoptr(JsonNode) expected =
        augur_export_prediction_to_json (g_ptr_array_index (predictions, i));

      g_assert_true (json_node_equal (json_array_get_element (results, i), expected));
    }
  remove_temp_file (file);
}

static void
test_run_info_drops_credentials (void)
{
  g_autoptr(JsonNode) info = augur_export_run_info_new (NULL, NULL, NULL,
                                                        "https://me:" ENV_TOKEN "@example.com:8443"
                                                        "/v2?key=" ENV_TOKEN "#" ENV_TOKEN);
  JsonObject *object = json_node_get_object (info);

  g_assert_cmpstr (json_object_get_string_member (object, "base_url"), ==,
                   "https://example.com:8443/v2");
  g_assert_true (json_object_get_null_member (object, "model"));
  g_assert_true (json_object_get_null_member (object, "settings"));
}

static void
batch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
assert_no_token (const char *contents)
{
  g_assert_null (strstr (contents, AUGUR_TEST_TOKEN));
  g_assert_null (strstr (contents, ENV_TOKEN));
  g_assert_null (g_strstr_len (contents, -1, "Authorization"));
  g_assert_null (g_strstr_len (contents, -1, "Key "));
}

/* Real predictions from a client holding a token from the environment and one from the
 * config, exported with a base URL that carries a key: no file holds either token. */
static void
test_never_the_token (void)
{
  AugurTestServer *server = augur_test_server_new (NULL);
  g_autoptr(AugurConfig) config = augur_config_new ();
  g_autoptr(AugurClient) client = NULL;
  g_autoptr(AugurModelRef) ref = NULL;
  g_autoptr(AugurBatch) batch = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) run_info = NULL;
  g_autofree char *leaky_url = NULL;
  g_autoptr(GFile) file = temp_file ("results");
  AugurExportFormat formats[] = { AUGUR_EXPORT_FORMAT_CSV, AUGUR_EXPORT_FORMAT_CSV,
                                  AUGUR_EXPORT_FORMAT_JSON };
  AugurCsvLayout layouts[] = { AUGUR_CSV_ROW_PER_CONCEPT, AUGUR_CSV_ROW_PER_INPUT, 0 };

  g_setenv ("CLARIFAI_PAT", ENV_TOKEN, TRUE);
  augur_config_apply_environment (config);
  g_assert_cmpstr (augur_config_get_token (config), ==, ENV_TOKEN);
  augur_config_set_token (config, AUGUR_TEST_TOKEN);
  augur_config_set_base_url (config, augur_test_server_get_base_url (server));
  client = augur_client_new (config, &error);
  g_assert_no_error (error);

  ref = augur_model_ref_new ("clarifai", "main", "general-image-recognition", NULL);
  g_ptr_array_add (inputs, augur_input_new_text ("a caption"));
  g_ptr_array_add (inputs, augur_input_new_image_url ("https://example.com/cat.jpg"));
  batch = augur_batch_new (client, ref, NULL, NULL, inputs);
  augur_batch_run_async (batch, NULL, batch_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (augur_batch_run_finish (batch, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 0);

  leaky_url = g_strdup_printf ("http://pat:%s@127.0.0.1/v2?key=%s", AUGUR_TEST_TOKEN, ENV_TOKEN);
  run_info = augur_export_run_info_new ("clarifai/main/general-image-recognition", NULL, NULL,
                                        leaky_url);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *contents = write_and_read (file, formats[i], layouts[i], 5,
                                                  augur_batch_get_results (batch), run_info);

      g_assert_nonnull (strstr (contents, "concept-"));
      assert_no_token (contents);
    }

  remove_temp_file (file);
  g_unsetenv ("CLARIFAI_PAT");
  augur_test_server_free (server);
}

static void
test_write_fails (void)
{
  g_autoptr(GPtrArray) predictions = make_predictions ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-augur-dir/results.csv");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  augur_export_write_file_async (file, AUGUR_EXPORT_FORMAT_CSV, AUGUR_CSV_ROW_PER_CONCEPT, 0,
                                 predictions, NULL, NULL, write_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (augur_export_write_file_finish (file, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-file/csv-per-concept", test_csv_per_concept);
  g_test_add_func ("/export-file/csv-per-input", test_csv_per_input);
  g_test_add_func ("/export-file/json-wrapped", test_json_wrapped);
  g_test_add_func ("/export-file/run-info-drops-credentials", test_run_info_drops_credentials);
  g_test_add_func ("/export-file/never-the-token", test_never_the_token);
  g_test_add_func ("/export-file/write-fails", test_write_fails);

  return g_test_run ();
}
