/* test-export.c: predictions as JSON, CSV and a text table, as the user would read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-export"

#include <string.h>

#include "augur-core.h"
#include "augur-test-server.h"

/* Helpers ---------------------------------------------------------------------------------- */

static AugurPrediction *
prediction_for_input (AugurInput *input)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_autoptr(AugurStatus) ok = augur_status_new (AUGUR_STATUS_SUCCESS, "Ok", NULL, NULL);

  augur_prediction_set_input (prediction, input);
  augur_prediction_set_status (prediction, ok);
  g_object_unref (input);
  return prediction;
}

static AugurPrediction *
classification_for_file (const char *relative_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (relative_path);
  AugurPrediction *prediction = prediction_for_input (augur_input_new_file (file));
  GPtrArray *concepts = augur_prediction_get_concepts (prediction);

  /* Deliberately not sorted: the export keeps the order the server returned. */
  g_ptr_array_add (concepts, augur_concept_new ("ai_1", "train", 0.99960595));
  g_ptr_array_add (concepts, augur_concept_new ("ai_2", "railway", 0.7));
  g_ptr_array_add (concepts, augur_concept_new ("ai_3", "subway system", 0.9982582));
  augur_prediction_set_model (prediction, "general-image-recognition", "aa7f", NULL);
  return prediction;
}

static AugurPrediction *
detection_for_url (const char *url)
{
  AugurPrediction *prediction = prediction_for_input (augur_input_new_image_url (url));
  AugurRegion *region = augur_region_new ("r1", 0.1, 0.2, 0.5, 0.6, 0.98);
  g_autoptr(AugurConcept) face = augur_concept_new ("face", "face", 0.98);
  g_autoptr(AugurConcept) smile = augur_concept_new ("smile", "smile", 0.4);

  augur_region_set_has_box (region, TRUE);
  augur_region_add_concept (region, face);
  augur_region_add_concept (region, smile);
  g_ptr_array_add (augur_prediction_get_regions (prediction), region);
  return prediction;
}

static AugurPrediction *
text_prediction (const char *prompt,
                 const char *text)
{
  AugurPrediction *prediction = prediction_for_input (augur_input_new_text (prompt));

  augur_prediction_set_text (prediction, text);
  return prediction;
}

static AugurPrediction *
failed_prediction (AugurInput   *input,
                   const GError *error)
{
  AugurPrediction *prediction = augur_prediction_new ();

  augur_prediction_set_input (prediction, input);
  augur_prediction_set_error (prediction, error);
  g_object_unref (input);
  return prediction;
}

static GPtrArray *
predictions_new (AugurPrediction *first,
                 ...)
{
  GPtrArray *predictions = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (AugurPrediction *p = first; p != NULL; p = va_arg (args, AugurPrediction *))
    g_ptr_array_add (predictions, p);
  va_end (args);
  return predictions;
}

static void
assert_json (const char *what,
             const char *json,
             const char *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  augur_test_assert_json_equal (what, bytes, expected);
}

/* A small RFC 4180 reader: records of fields, quotes undone. */
static GPtrArray *
csv_parse (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        {
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (!quoted && *p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
          p++;
        }
      else
        g_string_append_c (field, *p);
    }
  g_assert_false (quoted);
  g_assert_cmpuint (record->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return records;
}

static const char *
csv_cell (GPtrArray *records,
          guint      row,
          guint      column)
{
  GPtrArray *record;

  g_assert_cmpuint (row, <, records->len);
  record = g_ptr_array_index (records, row);
  g_assert_cmpuint (column, <, record->len);
  return g_ptr_array_index (record, column);
}

static char *
csv_field (const char *value)
{
  GString *out = g_string_new (NULL);

  augur_csv_append_field (out, value);
  return g_string_free (out, FALSE);
}

/* JSON ------------------------------------------------------------------------------------- */

static void
test_json_classification (void)
{
  g_autoptr(GPtrArray) predictions = predictions_new (classification_for_file ("photos/cat.jpg"),
                                                      NULL);
  g_autofree char *json = augur_export_json (predictions, TRUE);

  assert_json ("classification", json,
               "[{\"input\": \"photos/cat.jpg\","
               "  \"status\": {\"code\": 10000, \"description\": \"Ok\"},"
               "  \"concepts\": ["
               "    {\"id\": \"ai_1\", \"name\": \"train\", \"value\": 0.99960595},"
               "    {\"id\": \"ai_2\", \"name\": \"railway\", \"value\": 0.7},"
               "    {\"id\": \"ai_3\", \"name\": \"subway system\", \"value\": 0.9982582}],"
               "  \"regions\": [],"
               "  \"text\": null,"
               "  \"model_id\": \"general-image-recognition\","
               "  \"version_id\": \"aa7f\"}]");
}

/* Values are written shortest, the way the server wrote them, not 0.69999999999999996. */
static void
test_json_numbers (void)
{
  g_autoptr(GPtrArray) predictions = predictions_new (classification_for_file ("a.jpg"), NULL);
  g_autofree char *compact = augur_export_json (predictions, FALSE);
  g_autofree char *pretty = augur_export_json (predictions, TRUE);

  g_assert_nonnull (strstr (compact, "\"value\":0.7}"));
  g_assert_nonnull (strstr (compact, "\"value\":0.99960595}"));
  g_assert_null (strstr (compact, "0.6999"));
  g_assert_true (strchr (compact, '\n') == compact + strlen (compact) - 1);
  g_assert_nonnull (strstr (pretty, "\n      {\"id\": \"ai_2\", \"name\": \"railway\", "
                                    "\"value\": 0.7}"));
}

static void
test_json_regions (void)
{
  g_autoptr(GPtrArray) predictions = predictions_new (detection_for_url ("https://x.test/a.jpg"),
                                                      NULL);
  g_autofree char *json = augur_export_json (predictions, FALSE);

  assert_json ("detection", json,
               "[{\"input\": \"https://x.test/a.jpg\","
               "  \"status\": {\"code\": 10000, \"description\": \"Ok\"},"
               "  \"concepts\": [],"
               "  \"regions\": [{\"top_row\": 0.1, \"left_col\": 0.2, \"bottom_row\": 0.5,"
               "                \"right_col\": 0.6, \"concepts\": ["
               "      {\"id\": \"face\", \"name\": \"face\", \"value\": 0.98},"
               "      {\"id\": \"smile\", \"name\": \"smile\", \"value\": 0.4}]}],"
               "  \"text\": null}]");
}

/* The whole prompt is the input, and text survives quotes, newlines, tabs and UTF-8. */
static void
test_json_text (void)
{
  const char *prompt = "Write \"hello\"\nin Chinese, please\t(short)";
  const char *text = "你好, \"world\"\\\n\x01";
  g_autoptr(GPtrArray) predictions = predictions_new (text_prediction (prompt, text), NULL);
  g_autoptr(JsonNode) node = augur_export_prediction_to_json (g_ptr_array_index (predictions, 0));
  g_autofree char *json = augur_export_json (predictions, TRUE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "text"), ==, text);

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  object = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "input"), ==, prompt);
  g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, text);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "concepts")),
                    ==, 0);
}

/* A server failure keeps the server's code; a local one has code 0. Both say why. */
static void
test_json_failures (void)
{
  g_autoptr(AugurStatus) status = augur_status_new (30002, "Download failed",
                                                    "could not fetch the URL", NULL);
  g_autoptr(GError) server_error = augur_error_new_status (AUGUR_ERROR_API, status);
  g_autoptr(GError) local_error = g_error_new_literal (AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                                                       "notes.pdf is not an image");
  g_autoptr(GFile) file = g_file_new_for_path ("notes.pdf");
  g_autoptr(GPtrArray) predictions = predictions_new (
    failed_prediction (augur_input_new_image_url ("https://x.test/missing.jpg"), server_error),
    failed_prediction (augur_input_new_file (file), local_error),
    NULL);
  g_autofree char *json = augur_export_json (predictions, TRUE);
  g_autofree char *expected = g_strdup_printf (
    "[{\"input\": \"https://x.test/missing.jpg\","
    "  \"status\": {\"code\": 30002, \"description\": \"%s\"},"
    "  \"concepts\": [], \"regions\": [], \"text\": null},"
    " {\"input\": \"notes.pdf\","
    "  \"status\": {\"code\": 0, \"description\": \"notes.pdf is not an image\"},"
    "  \"concepts\": [], \"regions\": [], \"text\": null}]",
    server_error->message);

  g_assert_nonnull (strstr (server_error->message, "Download failed"));
  assert_json ("failures", json, expected);
}

/* What the real server sent, through the response parser, comes out in the same order. */
static void
test_json_from_fixture (void)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes ("predict-image-classification.response.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) predictions = augur_response_parse_predict (body, 200, NULL, &error);
  g_autoptr(JsonParser) fixture = json_parser_new ();
  g_autoptr(JsonParser) exported = json_parser_new ();
  g_autofree char *json = NULL;
  JsonArray *expected_concepts, *concepts;

  g_assert_no_error (error);
  g_assert_cmpuint (predictions->len, ==, 1);
  json = augur_export_json (predictions, TRUE);

  g_assert_true (json_parser_load_from_data (exported, json, -1, NULL));
  g_assert_true (json_parser_load_from_data (fixture, g_bytes_get_data (body, NULL),
                                             g_bytes_get_size (body), NULL));
  expected_concepts = json_object_get_array_member (
    json_object_get_object_member (
      json_array_get_object_element (
        json_object_get_array_member (json_node_get_object (json_parser_get_root (fixture)),
                                      "outputs"), 0), "data"), "concepts");
  concepts = json_object_get_array_member (
    json_array_get_object_element (json_node_get_array (json_parser_get_root (exported)), 0),
    "concepts");

  g_assert_cmpuint (json_array_get_length (concepts), ==,
                    json_array_get_length (expected_concepts));
  for (guint i = 0; i < json_array_get_length (concepts); i++)
    {
      JsonObject *want = json_array_get_object_element (expected_concepts, i);
      JsonObject *got = json_array_get_object_element (concepts, i);

      g_assert_cmpstr (json_object_get_string_member (got, "id"), ==,
                       json_object_get_string_member (want, "id"));
      g_assert_cmpstr (json_object_get_string_member (got, "name"), ==,
                       json_object_get_string_member (want, "name"));
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (got, "value"),
                                      json_object_get_double_member (want, "value"), 1e-9);
    }
}

/* CSV -------------------------------------------------------------------------------------- */

static void
test_csv_field_quoting (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "plain", "plain" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\rhere", "\"cr\rhere\"" },
    { "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"" },
    { "+cmd", "'+cmd" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "-2+3", "'-2+3" },
    { "-0.5", "-0.5" },
    { "+1", "+1" },
    { "1e-3", "1e-3" },
    { "ünïcödé 你好", "ünïcödé 你好" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *field = csv_field (cases[i].in);
      g_assert_cmpstr (field, ==, cases[i].out);
    }
  {
    g_autofree char *field = csv_field (NULL);
    g_assert_cmpstr (field, ==, "");
  }
}

static void
test_csv_row_per_concept (void)
{
  g_autoptr(GError) error = g_error_new_literal (AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                                                 "bad, \"broken\" file");
  g_autoptr(GFile) file = g_file_new_for_path ("dir/with,comma.jpg");
  g_autoptr(GPtrArray) predictions = predictions_new (
    classification_for_file ("photos/cat.jpg"),
    detection_for_url ("https://x.test/a.jpg"),
    text_prediction ("hi", "line one\nline \"two\""),
    failed_prediction (augur_input_new_file (file), error),
    NULL);
  g_autofree char *csv = augur_export_csv (predictions, AUGUR_CSV_ROW_PER_CONCEPT, 0);
  g_autoptr(GPtrArray) rows = csv_parse (csv);

  g_assert_true (g_str_has_prefix (csv, "input,status,concept_id,concept_name,value,region,"
                                        "top_row,left_col,bottom_row,right_col,text,error\r\n"));
  /* header + 3 concepts + 2 region concepts + text + failure */
  g_assert_cmpuint (rows->len, ==, 8);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, i))->len, ==, 12);

  g_assert_cmpstr (csv_cell (rows, 1, 0), ==, "photos/cat.jpg");
  g_assert_cmpstr (csv_cell (rows, 1, 1), ==, "10000");
  g_assert_cmpstr (csv_cell (rows, 1, 3), ==, "train");
  g_assert_cmpstr (csv_cell (rows, 1, 4), ==, "0.99960595");
  g_assert_cmpstr (csv_cell (rows, 2, 4), ==, "0.7");
  g_assert_cmpstr (csv_cell (rows, 3, 3), ==, "subway system");
  g_assert_cmpstr (csv_cell (rows, 1, 5), ==, "");

  g_assert_cmpstr (csv_cell (rows, 4, 0), ==, "https://x.test/a.jpg");
  g_assert_cmpstr (csv_cell (rows, 4, 3), ==, "face");
  g_assert_cmpstr (csv_cell (rows, 4, 5), ==, "0");
  g_assert_cmpstr (csv_cell (rows, 4, 6), ==, "0.1");
  g_assert_cmpstr (csv_cell (rows, 4, 9), ==, "0.6");
  g_assert_cmpstr (csv_cell (rows, 5, 3), ==, "smile");

  g_assert_cmpstr (csv_cell (rows, 6, 0), ==, "hi");
  g_assert_cmpstr (csv_cell (rows, 6, 2), ==, "");
  g_assert_cmpstr (csv_cell (rows, 6, 10), ==, "line one\nline \"two\"");

  g_assert_cmpstr (csv_cell (rows, 7, 0), ==, "dir/with,comma.jpg");
  g_assert_cmpstr (csv_cell (rows, 7, 1), ==, "0");
  g_assert_cmpstr (csv_cell (rows, 7, 11), ==, "bad, \"broken\" file");
}

static void
test_csv_row_per_input (void)
{
  g_autoptr(GPtrArray) predictions = predictions_new (
    classification_for_file ("a.jpg"),
    detection_for_url ("https://x.test/a.jpg"),
    text_prediction ("=1+1", "2"),
    NULL);
  g_autofree char *top2 = augur_export_csv (predictions, AUGUR_CSV_ROW_PER_INPUT, 2);
  g_autofree char *all = augur_export_csv (predictions, AUGUR_CSV_ROW_PER_INPUT, 0);
  g_autoptr(GPtrArray) rows = csv_parse (top2);
  g_autoptr(GPtrArray) all_rows = csv_parse (all);

  g_assert_true (g_str_has_prefix (top2, "input,status,top1_name,top1_value,top2_name,"
                                         "top2_value,text,error\r\n"));
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (csv_cell (rows, 1, 2), ==, "train");
  g_assert_cmpstr (csv_cell (rows, 1, 5), ==, "0.7");
  /* A detection ranks its regions' concepts. */
  g_assert_cmpstr (csv_cell (rows, 2, 2), ==, "face");
  g_assert_cmpstr (csv_cell (rows, 2, 4), ==, "smile");
  /* A prompt that looks like a formula is neutralised. */
  g_assert_cmpstr (csv_cell (rows, 3, 0), ==, "'=1+1");
  g_assert_cmpstr (csv_cell (rows, 3, 2), ==, "");
  g_assert_cmpstr (csv_cell (rows, 3, 6), ==, "2");

  /* top_k 0: as many columns as the richest prediction needs (3 concepts). */
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (all_rows, 0))->len, ==, 2 + 3 * 2 + 2);
  g_assert_cmpstr (csv_cell (all_rows, 1, 6), ==, "subway system");
}

/* Table ------------------------------------------------------------------------------------ */

static const char *
find_line (char       **lines,
           const char  *needle)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return lines[i];
  g_assert_not_reached ();
  return NULL;
}

static void
test_table (void)
{
  g_autoptr(GError) error = g_error_new_literal (AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                                                 "notes.pdf is not an image");
  g_autoptr(GFile) file = g_file_new_for_path ("notes.pdf");
  AugurPrediction *utf8 = classification_for_file ("b.jpg");
  g_autoptr(GPtrArray) predictions = NULL;
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;
  const char *train, *railway, *chinese;

  g_ptr_array_add (augur_prediction_get_concepts (utf8), augur_concept_new ("zh", "火车站", 0.5));
  predictions = predictions_new (classification_for_file ("photos/cat.jpg"), utf8,
                                 detection_for_url ("https://x.test/a.jpg"),
                                 text_prediction ("hi", "Hello there.\nBye."),
                                 failed_prediction (augur_input_new_file (file), error),
                                 NULL);
  table = augur_export_table (predictions);
  lines = g_strsplit (table, "\n", -1);

  g_assert_cmpstr (lines[0], ==, "photos/cat.jpg");
  train = find_line (lines, "train");
  railway = find_line (lines, "railway");
  g_assert_cmpstr (train, ==, "  train          100.0%");
  g_assert_cmpstr (railway, ==, "  railway         70.0%");

  /* Alignment counts characters, not bytes. */
  chinese = find_line (lines, "火车站");
  g_assert_cmpuint (g_utf8_strlen (chinese, -1), ==, g_utf8_strlen (find_line (lines, "subway"),
                                                                     -1));

  g_assert_cmpstr (find_line (lines, "box"), ==, "  box [0.200, 0.100, 0.600, 0.500] face 98.0%");
  g_assert_nonnull (strstr (table, "hi\nHello there.\nBye.\n"));
  g_assert_cmpstr (find_line (lines, "error:"), ==, "  error: notes.pdf is not an image");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/json/classification", test_json_classification);
  g_test_add_func ("/export/json/numbers", test_json_numbers);
  g_test_add_func ("/export/json/regions", test_json_regions);
  g_test_add_func ("/export/json/text", test_json_text);
  g_test_add_func ("/export/json/failures", test_json_failures);
  g_test_add_func ("/export/json/from-fixture", test_json_from_fixture);
  g_test_add_func ("/export/csv/field-quoting", test_csv_field_quoting);
  g_test_add_func ("/export/csv/row-per-concept", test_csv_row_per_concept);
  g_test_add_func ("/export/csv/row-per-input", test_csv_row_per_input);
  g_test_add_func ("/export/table", test_table);

  return g_test_run ();
}
