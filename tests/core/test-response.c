/* test-response.c: real reply bodies -> what the user sees, and malformed replies -> errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <float.h>
#include <string.h>

#include "augur-core.h"
#include "augur-test-server.h"

/* Helpers */

static GBytes *
bytes_from_text (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* An *.output.json fixture is one element of outputs[]: put it in a MultiOutputResponse. */
static GBytes *
wrap_output_fixture (const char *name)
{
  g_autoptr(GBytes) output = augur_test_fixture_bytes (name);
  g_autoptr(GString) body = g_string_new ("{\"status\": {\"code\": 10000, \"description\": \"Ok\"}, "
                                          "\"outputs\": [");

  g_string_append_len (body, g_bytes_get_data (output, NULL), g_bytes_get_size (output));
  g_string_append (body, "]}");
  return g_string_free_to_bytes (g_steal_pointer (&body));
}

static JsonObject *
parse_fixture_object (const char *name)
{
  g_autoptr(GBytes) bytes = augur_test_fixture_bytes (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
parse_text_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static GPtrArray *
predict_ok (GBytes       *body,
            AugurStatus **out_status)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *predictions;

  predictions = augur_response_parse_predict (body, 200, out_status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (predictions);
  return predictions;
}

static GPtrArray *
predict_fixture (const char *name)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes (name);
  return predict_ok (body, NULL);
}

static GPtrArray *
predict_text (const char *text)
{
  g_autoptr(GBytes) body = bytes_from_text (text);
  return predict_ok (body, NULL);
}

/* Parses @text as a predict reply and checks it is a BAD_REPLY naming @path. */
static void
assert_predict_bad_reply (const char *text,
                          const char *path)
{
  g_autoptr(GBytes) body = bytes_from_text (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) predictions = NULL;

  predictions = augur_response_parse_predict (body, 200, NULL, &error);
  g_assert_null (predictions);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY);
  if (path != NULL && strstr (error->message, path) == NULL)
    g_error ("error “%s” does not name “%s”", error->message, path);
}

static void
assert_concept (AugurConcept *concept,
                const char   *id,
                const char   *name,
                double        value)
{
  g_assert_cmpstr (augur_concept_get_id (concept), ==, id);
  g_assert_cmpstr (augur_concept_get_name (concept), ==, name);
  g_assert_cmpfloat_with_epsilon (augur_concept_get_value (concept), value, 1e-9);
}

static AugurConcept *
concept_at (GPtrArray *concepts,
            guint      index)
{
  g_assert_cmpuint (index, <, concepts->len);
  return g_ptr_array_index (concepts, index);
}

static void
assert_ranked (GPtrArray *concepts)
{
  for (guint i = 1; i < concepts->len; i++)
    g_assert_cmpfloat (augur_concept_get_value (concept_at (concepts, i - 1)), >=,
                       augur_concept_get_value (concept_at (concepts, i)));
}

/* Every fixture */

typedef enum {
  KIND_SKIP,
  KIND_PREDICT,
  KIND_OUTPUT,
  KIND_ERROR,
  KIND_MODEL_OUTPUT_INFO,
  KIND_MODELS,
  KIND_MODEL_VERSIONS,
  KIND_CONCEPTS,
  KIND_MODEL_VERSION_OBJECT,
  KIND_REQUEST,
} FixtureKind;

static FixtureKind
fixture_kind (const char *name)
{
  if (!g_str_has_suffix (name, ".json"))
    return KIND_SKIP;
  if (g_str_has_suffix (name, ".request.json"))
    return KIND_REQUEST;
  if (g_str_has_suffix (name, ".output.json"))
    return KIND_OUTPUT;
  if (g_str_has_suffix (name, ".model-version.json"))
    return KIND_MODEL_VERSION_OBJECT;
  if (g_str_has_prefix (name, "error-"))
    return KIND_ERROR;
  if (g_str_has_prefix (name, "get-model-output-info"))
    return KIND_MODEL_OUTPUT_INFO;
  if (g_str_has_prefix (name, "models-search"))
    return KIND_MODELS;
  if (g_str_has_prefix (name, "list-model-versions"))
    return KIND_MODEL_VERSIONS;
  if (g_str_has_prefix (name, "list-concepts"))
    return KIND_CONCEPTS;
  return KIND_PREDICT;
}

static char *
fixtures_dir (void)
{
  g_autofree char *path = augur_test_fixture_path ("error-throttled.response.json");
  return g_path_get_dirname (path);
}

/* The body to feed to the parser of that kind */
static GBytes *
fixture_body (const char  *name,
              FixtureKind  kind)
{
  if (kind == KIND_OUTPUT)
    return wrap_output_fixture (name);
  return augur_test_fixture_bytes (name);
}

/* Parses @body as a reply of @kind at @http_status. Returns whether it parsed; on failure
 * the error is in @error. */
static gboolean
parse_as (FixtureKind   kind,
          GBytes       *body,
          guint         http_status,
          GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(AugurModel) model = NULL;
  g_autoptr(JsonObject) object = NULL;

  switch (kind)
    {
    case KIND_PREDICT:
    case KIND_OUTPUT:
    case KIND_REQUEST:
    case KIND_ERROR:
      items = augur_response_parse_predict (body, http_status, NULL, error);
      return items != NULL;
    case KIND_MODEL_OUTPUT_INFO:
      model = augur_response_parse_model (body, http_status, error);
      if (model == NULL)
        return FALSE;
      items = augur_response_parse_output_info_concepts (body, http_status, error);
      return items != NULL;
    case KIND_MODELS:
      items = augur_response_parse_models (body, http_status, error);
      return items != NULL;
    case KIND_MODEL_VERSIONS:
      items = augur_response_parse_model_versions (body, http_status, error);
      return items != NULL;
    case KIND_CONCEPTS:
      items = augur_response_parse_concepts (body, http_status, error);
      return items != NULL;
    case KIND_MODEL_VERSION_OBJECT:
      object = augur_response_parse_envelope (body, http_status, TRUE, NULL, error);
      return object != NULL;
    case KIND_SKIP:
    default:
      g_assert_not_reached ();
    }
}

static void
test_every_fixture (void)
{
  g_autofree char *dir_path = fixtures_dir ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_replies = 0;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      FixtureKind kind = fixture_kind (name);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GError) parse_error = NULL;
      gboolean parsed;

      if (kind == KIND_SKIP || kind == KIND_MODEL_VERSION_OBJECT)
        continue;

      g_test_message ("fixture %s", name);
      body = fixture_body (name, kind);
      parsed = parse_as (kind, body, kind == KIND_ERROR ? 400 : 200, &parse_error);

      if (kind == KIND_ERROR)
        {
          /* An error reply is an error carrying the server's status and the HTTP status */
          g_assert_false (parsed);
          g_assert_nonnull (parse_error);
          g_assert_nonnull (augur_error_get_status (parse_error));
          g_assert_cmpint (augur_error_get_status (parse_error)->code, !=, 0);
          g_assert_cmpuint (augur_error_get_status (parse_error)->http_status, ==, 400);
        }
      else if (kind == KIND_REQUEST)
        {
          /* A request body is not a reply: it has no status */
          g_assert_false (parsed);
          g_assert_error (parse_error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY);
        }
      else
        {
          g_assert_no_error (parse_error);
          g_assert_true (parsed);
          n_replies++;
        }
    }

  /* 9 *.response.json besides the error ones, 4 *.output.json */
  g_assert_cmpuint (n_replies, >=, 13);
}

/* Predict */

static void
test_predict_classification (void)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes ("predict-image-classification.response.json");
  g_autoptr(AugurStatus) status = NULL;
  g_autoptr(GPtrArray) predictions = predict_ok (body, &status);
  AugurPrediction *prediction;
  GPtrArray *concepts;

  g_assert_nonnull (status);
  g_assert_cmpint (status->code, ==, 10000);
  g_assert_cmpstr (status->description, ==, "Ok");
  g_assert_cmpstr (status->req_id, ==, "20ab5bcf0566429f9b350e50372456ce");
  g_assert_cmpuint (status->http_status, ==, 200);

  g_assert_cmpuint (predictions->len, ==, 1);
  prediction = g_ptr_array_index (predictions, 0);
  g_assert_true (augur_prediction_is_success (prediction));
  g_assert_null (augur_prediction_get_error (prediction));
  g_assert_cmpuint (augur_prediction_get_index (prediction), ==, 0);
  g_assert_cmpint (augur_prediction_get_status (prediction)->code, ==, 10000);
  g_assert_cmpstr (augur_prediction_get_model_id (prediction), ==, "general-image-recognition");
  g_assert_cmpstr (augur_prediction_get_version_id (prediction), ==,
                   "aa7f35c01e0642fda5cf400f543e7c40");
  g_assert_cmpstr (augur_prediction_get_model_type_id (prediction), ==, "visual-classifier");

  concepts = augur_prediction_get_concepts (prediction);
  g_assert_cmpuint (concepts->len, ==, 20);
  assert_concept (concept_at (concepts, 0), "ai_HLmqFqBf", "train", 0.99960595);
  assert_concept (concept_at (concepts, 1), "ai_fvlBqXZR", "railway", 0.99929917);
  assert_concept (concept_at (concepts, 2), "ai_SHNDcmJ3", "subway system", 0.9982582);
  assert_concept (concept_at (concepts, 19), "ai_6lhccv44", "business", 0.9293912);
  assert_ranked (concepts);

  /* The input echo (image url + base64 "true") is not output data */
  g_assert_null (augur_prediction_get_image (prediction));
  g_assert_null (augur_prediction_get_text (prediction));
  g_assert_cmpuint (augur_prediction_get_regions (prediction)->len, ==, 0);
  g_assert_cmpuint (augur_prediction_get_embeddings (prediction)->len, ==, 0);
}

static void
test_predict_detection (void)
{
  g_autoptr(GPtrArray) predictions = predict_fixture ("visual-detection-face.response.json");
  AugurPrediction *prediction;
  GPtrArray *regions;
  AugurRegion *region;

  g_assert_cmpuint (predictions->len, ==, 1);
  prediction = g_ptr_array_index (predictions, 0);
  g_assert_cmpstr (augur_prediction_get_model_type_id (prediction), ==, "visual-detector");
  g_assert_cmpuint (augur_prediction_get_concepts (prediction)->len, ==, 0);

  regions = augur_prediction_get_regions (prediction);
  g_assert_cmpuint (regions->len, ==, 1);
  region = g_ptr_array_index (regions, 0);
  g_assert_cmpstr (augur_region_get_id (region), ==, "09d3ae582e829a394504cb092de388e3");
  g_assert_true (augur_region_has_box (region));
  g_assert_cmpfloat_with_epsilon (augur_region_get_top_row (region), 0.16418046, 1e-9);
  g_assert_cmpfloat_with_epsilon (augur_region_get_left_col (region), 0.25184146, 1e-9);
  g_assert_cmpfloat_with_epsilon (augur_region_get_bottom_row (region), 0.8389962, 1e-9);
  g_assert_cmpfloat_with_epsilon (augur_region_get_right_col (region), 0.75013465, 1e-9);
  g_assert_cmpfloat (augur_region_get_value (region), ==, 1.0);
  g_assert_cmpstr (augur_region_get_label (region), ==, "BINARY_POSITIVE");
  g_assert_cmpuint (augur_region_get_concepts (region)->len, ==, 1);
  assert_concept (concept_at (augur_region_get_concepts (region), 0),
                  "ai_b1b1b1b1", "BINARY_POSITIVE", 1.0);
}

static void
test_predict_region_without_box (void)
{
  g_autoptr(GPtrArray) predictions = predict_text (
    "{\"status\": {\"code\": 10000}, \"outputs\": [{\"status\": {\"code\": 10000}, \"data\": {"
    "\"regions\": [{\"id\": \"r1\", \"value\": 0.5, \"data\": {\"concepts\": ["
    "{\"id\": \"sky\", \"name\": \"sky\", \"value\": 0.25}]}}]}}]}");
  GPtrArray *regions = augur_prediction_get_regions (g_ptr_array_index (predictions, 0));
  AugurRegion *region;

  g_assert_cmpuint (regions->len, ==, 1);
  region = g_ptr_array_index (regions, 0);
  g_assert_false (augur_region_has_box (region));
  g_assert_cmpfloat (augur_region_get_value (region), ==, 0.5);
  g_assert_cmpstr (augur_region_get_label (region), ==, "sky");
}

static void
test_predict_embedding (void)
{
  g_autoptr(GPtrArray) predictions = predict_fixture ("text-embedder.response.json");
  AugurPrediction *prediction = g_ptr_array_index (predictions, 0);
  GPtrArray *embeddings = augur_prediction_get_embeddings (prediction);
  GArray *vector;

  g_assert_cmpstr (augur_prediction_get_model_type_id (prediction), ==, "text-embedder");
  g_assert_cmpuint (embeddings->len, ==, 1);
  vector = g_ptr_array_index (embeddings, 0);
  g_assert_cmpuint (vector->len, ==, 1024);
  g_assert_cmpfloat (g_array_index (vector, float, 0), ==, 0.025470778346061707f);
  g_assert_cmpfloat (g_array_index (vector, float, 1023), ==, 0.0025909272953867912f);
  /* raw text echoed back in the input is not the model's output */
  g_assert_null (augur_prediction_get_text (prediction));
}

static void
test_predict_text_classifier (void)
{
  g_autoptr(GBytes) body = wrap_output_fixture ("text-classifier.output.json");
  g_autoptr(GPtrArray) predictions = predict_ok (body, NULL);
  AugurPrediction *prediction = g_ptr_array_index (predictions, 0);
  GPtrArray *concepts = augur_prediction_get_concepts (prediction);

  g_assert_cmpstr (augur_prediction_get_model_type_id (prediction), ==, "text-classifier");
  g_assert_cmpuint (concepts->len, ==, 5);
  assert_concept (concept_at (concepts, 0), "ai_372MvFLZ", "5 stars", 0.866517961025238);
  assert_concept (concept_at (concepts, 1), "ai_qbKLQz68", "4 stars", 0.11985281109809875);
  assert_concept (concept_at (concepts, 4), "ai_dRpwfL86", "2 stars", 0.0019201975082978606);
  assert_ranked (concepts);
  g_assert_null (augur_prediction_get_text (prediction));
}

static void
test_predict_language_zh (void)
{
  g_autoptr(GBytes) body = wrap_output_fixture ("predict-language-zh.output.json");
  g_autoptr(GPtrArray) predictions = predict_ok (body, NULL);
  GPtrArray *concepts = augur_prediction_get_concepts (g_ptr_array_index (predictions, 0));

  g_assert_cmpuint (concepts->len, ==, 20);
  assert_concept (concept_at (concepts, 0), "ai_HLmqFqBf", "铁路列车", 0.9996053576469421);
  assert_concept (concept_at (concepts, 3), "ai_6kTjGfF6", "站", 0.9980133771896362);
  assert_concept (concept_at (concepts, 18), "ai_J6d1kV8t", "有轨电车（工业）", 0.9320586323738098);
  for (guint i = 0; i < concepts->len; i++)
    g_assert_true (g_utf8_validate (augur_concept_get_name (concept_at (concepts, i)), -1, NULL));
  assert_ranked (concepts);
}

static void
test_predict_output_config_fixtures (void)
{
  g_autoptr(GBytes) max_body = wrap_output_fixture ("predict-max-concepts.output.json");
  g_autoptr(GBytes) select_body = wrap_output_fixture ("predict-select-concepts.output.json");
  g_autoptr(GPtrArray) max = predict_ok (max_body, NULL);
  g_autoptr(GPtrArray) select = predict_ok (select_body, NULL);
  GPtrArray *concepts;

  concepts = augur_prediction_get_concepts (g_ptr_array_index (max, 0));
  g_assert_cmpuint (concepts->len, ==, 3);
  assert_concept (concept_at (concepts, 2), "ai_SHNDcmJ3", "subway system", 0.9982585310935974);

  concepts = augur_prediction_get_concepts (g_ptr_array_index (select, 0));
  g_assert_cmpuint (concepts->len, ==, 2);
  assert_concept (concept_at (concepts, 0), "ai_HLmqFqBf", "train", 0.9996053576469421);
  assert_concept (concept_at (concepts, 1), "ai_6kTjGfF6", "station", 0.9980133771896362);
}

static void
test_predict_mixed_status (void)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes ("mixed-status.response.json");
  g_autoptr(AugurStatus) status = NULL;
  g_autoptr(GPtrArray) predictions = predict_ok (body, &status);
  AugurPrediction *good;
  AugurPrediction *bad;
  const AugurStatus *bad_status;
  const GError *error;

  g_assert_cmpint (status->code, ==, 10010);
  g_assert_cmpstr (status->description, ==, "Mixed Success");
  g_assert_cmpuint (predictions->len, ==, 2);

  good = g_ptr_array_index (predictions, 0);
  g_assert_cmpuint (augur_prediction_get_index (good), ==, 0);
  g_assert_true (augur_prediction_is_success (good));
  g_assert_cmpuint (augur_prediction_get_concepts (good)->len, ==, 2);
  assert_concept (concept_at (augur_prediction_get_concepts (good), 0),
                  "@concept1", "people", 0.9963381);
  g_assert_cmpstr (augur_prediction_get_model_id (good), ==, "@modelID");
  g_assert_cmpstr (augur_prediction_get_version_id (good), ==, "@modelVersionID");

  bad = g_ptr_array_index (predictions, 1);
  g_assert_cmpuint (augur_prediction_get_index (bad), ==, 1);
  g_assert_false (augur_prediction_is_success (bad));
  g_assert_cmpuint (augur_prediction_get_concepts (bad)->len, ==, 0);
  bad_status = augur_prediction_get_status (bad);
  g_assert_cmpint (bad_status->code, ==, 30002);
  g_assert_cmpstr (bad_status->description, ==, "Download failed; check URL");
  g_assert_cmpstr (bad_status->details, ==, "404 Client Error: Not Found for url: @invalidURL");

  error = augur_prediction_get_error (bad);
  g_assert_error ((GError *) error, AUGUR_ERROR, AUGUR_ERROR_API);
  g_assert_nonnull (strstr (error->message, "Download failed; check URL"));
  g_assert_cmpint (augur_error_get_status (error)->code, ==, 30002);
}

static void
test_predict_pythonic_parts (void)
{
  g_autoptr(GPtrArray) predictions = predict_fixture ("pythonic-predict.runner-response.json");
  AugurPrediction *prediction;

  g_assert_cmpuint (predictions->len, ==, 1);
  prediction = g_ptr_array_index (predictions, 0);
  g_assert_true (augur_prediction_is_success (prediction));
  g_assert_cmpstr (augur_prediction_get_text (prediction), ==, "The future of AI is ...");
}

static void
test_predict_parts_return_wins (void)
{
  g_autoptr(GPtrArray) predictions = predict_text (
    "{\"status\": {\"code\": 10000}, \"outputs\": [{\"status\": {\"code\": 10000}, \"data\": {"
    "\"parts\": [{\"id\": \"thinking\", \"data\": {\"string_value\": \"hmm\"}},"
    "            {\"id\": \"return\", \"data\": {\"text\": {\"raw\": \"42\"}}}]}},"
    "{\"data\": {\"parts\": [{\"id\": \"first\", \"data\": {\"string_value\": \"only\"}}]}},"
    "{\"data\": {\"parts\": [{\"id\": \"return\", \"data\": {\"int_value\": \"7\"}}]}},"
    "{\"data\": {\"string_value\": \"inlined\"}}]}");

  g_assert_cmpuint (predictions->len, ==, 4);
  g_assert_cmpstr (augur_prediction_get_text (g_ptr_array_index (predictions, 0)), ==, "42");
  g_assert_cmpstr (augur_prediction_get_text (g_ptr_array_index (predictions, 1)), ==, "only");
  g_assert_cmpstr (augur_prediction_get_text (g_ptr_array_index (predictions, 2)), ==, "7");
  g_assert_cmpstr (augur_prediction_get_text (g_ptr_array_index (predictions, 3)), ==, "inlined");
}

static void
test_predict_text_and_tokens (void)
{
  g_autoptr(GPtrArray) predictions = predict_text (
    "{\"status\": {\"code\": 10000}, \"outputs\": [{\"status\": {\"code\": 10000},"
    " \"model\": {\"id\": \"llama\", \"model_type_id\": \"text-to-text\","
    "             \"model_version\": {\"id\": \"v9\"}},"
    " \"data\": {\"text\": {\"raw\": \"Noodles with chili crisp.\","
    "                       \"url\": \"https://samples.clarifai.com/placeholder.gif\","
    "                       \"text_info\": {\"encoding\": \"UnknownTextEnc\"}}},"
    " \"prompt_tokens\": 12, \"completion_tokens\": \"34\"}]}");
  AugurPrediction *prediction = g_ptr_array_index (predictions, 0);

  g_assert_cmpstr (augur_prediction_get_text (prediction), ==, "Noodles with chili crisp.");
  g_assert_cmpuint (augur_prediction_get_prompt_tokens (prediction), ==, 12);
  g_assert_cmpuint (augur_prediction_get_completion_tokens (prediction), ==, 34);
  g_assert_cmpstr (augur_prediction_get_model_id (prediction), ==, "llama");
  g_assert_cmpstr (augur_prediction_get_version_id (prediction), ==, "v9");
  g_assert_cmpstr (augur_prediction_get_model_type_id (prediction), ==, "text-to-text");
}

static void
test_predict_image (void)
{
  g_autoptr(GPtrArray) predictions = predict_text (
    "{\"status\": {\"code\": 10000}, \"outputs\": ["
    " {\"status\": {\"code\": 10000}, \"data\": {\"image\": {\"base64\": \"/9j/4AAQ\"}}},"
    " {\"status\": {\"code\": 10000}, \"data\": {\"image\": {\"url\": \"https://x/y.jpg\","
    "                                                       \"base64\": \"dHJ1ZQ==\"}}}]}");
  GBytes *image = augur_prediction_get_image (g_ptr_array_index (predictions, 0));
  static const guchar jpeg_start[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10 };

  g_assert_nonnull (image);
  g_assert_cmpmem (g_bytes_get_data (image, NULL), g_bytes_get_size (image),
                   jpeg_start, sizeof jpeg_start);
  /* base64 of "true" is the URL echo quirk, not an image */
  g_assert_null (augur_prediction_get_image (g_ptr_array_index (predictions, 1)));
}

static void
test_predict_number_forms (void)
{
  g_autoptr(GPtrArray) predictions = predict_text (
    "{\"status\": {\"code\": 10000.0}, \"outputs\": [{\"status\": {\"code\": 10000}, \"data\": {"
    "\"concepts\": [{\"id\": \"a\", \"name\": \"float32\", \"value\": 0.99960595},"
    "               {\"id\": \"b\", \"name\": \"one\", \"value\": 1},"
    "               {\"id\": \"c\", \"name\": \"float64\", \"value\": 0.9996053576469421},"
    "               {\"id\": \"d\", \"name\": \"exp\", \"value\": 1e-3},"
    "               {\"id\": \"e\", \"name\": \"absent\"},"
    "               {\"id\": \"f\"}]}}]}");
  GPtrArray *concepts = augur_prediction_get_concepts (g_ptr_array_index (predictions, 0));

  g_assert_cmpuint (concepts->len, ==, 6);
  assert_concept (concept_at (concepts, 0), "a", "float32", 0.99960595);
  assert_concept (concept_at (concepts, 1), "b", "one", 1.0);
  assert_concept (concept_at (concepts, 2), "c", "float64", 0.9996053576469421);
  assert_concept (concept_at (concepts, 3), "d", "exp", 0.001);
  assert_concept (concept_at (concepts, 4), "e", "absent", 0.0);
  /* no name: the id is shown */
  assert_concept (concept_at (concepts, 5), "f", "f", 0.0);
}

static void
test_predict_outputs_missing (void)
{
  g_autoptr(GPtrArray) predictions = predict_text ("{\"status\": {\"code\": 10000}}");
  g_autoptr(GPtrArray) empty = predict_text ("{\"status\": {\"code\": 10000}, \"outputs\": []}");

  g_assert_cmpuint (predictions->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_predict_failure_with_outputs (void)
{
  g_autoptr(GBytes) body = bytes_from_text (
    "{\"status\": {\"code\": 10020, \"description\": \"Failure\", \"req_id\": \"r-42\"},"
    " \"outputs\": ["
    "  {\"status\": {\"code\": 30104, \"description\": \"Invalid input\"}, \"data\": {}},"
    "  {\"status\": {\"code\": 11005, \"description\": \"Throttled\"}, \"data\": {}},"
    "  {\"status\": {\"code\": 10000, \"description\": \"Ok\"}, \"data\": {"
    "    \"concepts\": [{\"id\": \"x\", \"name\": \"x\", \"value\": 0.5}]}},"
    "  {\"data\": {}}]}");
  g_autoptr(AugurStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) predictions = NULL;
  AugurPrediction *prediction;

  /* A failure with outputs is not an error: each output carries its own status */
  predictions = augur_response_parse_predict (body, 400, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (predictions);
  g_assert_cmpint (status->code, ==, 10020);
  g_assert_cmpstr (status->req_id, ==, "r-42");
  g_assert_cmpuint (status->http_status, ==, 400);
  g_assert_cmpuint (predictions->len, ==, 4);

  prediction = g_ptr_array_index (predictions, 0);
  g_assert_false (augur_prediction_is_success (prediction));
  g_assert_error ((GError *) augur_prediction_get_error (prediction), AUGUR_ERROR, AUGUR_ERROR_API);
  g_assert_cmpint (augur_prediction_get_status (prediction)->code, ==, 30104);

  prediction = g_ptr_array_index (predictions, 1);
  g_assert_error ((GError *) augur_prediction_get_error (prediction),
                  AUGUR_ERROR, AUGUR_ERROR_THROTTLED);

  prediction = g_ptr_array_index (predictions, 2);
  g_assert_true (augur_prediction_is_success (prediction));
  g_assert_cmpuint (augur_prediction_get_concepts (prediction)->len, ==, 1);

  /* An output without a status in a failed reply shares the reply's status */
  prediction = g_ptr_array_index (predictions, 3);
  g_assert_false (augur_prediction_is_success (prediction));
  g_assert_cmpint (augur_prediction_get_status (prediction)->code, ==, 10020);
}

static void
test_predict_single_input_failure_code (void)
{
  /* grpc-py test_failed_predict: the top-level code is the input's own code */
  g_autoptr(GBytes) body = bytes_from_text (
    "{\"status\": {\"code\": 30002, \"description\": \"Download failed\"},"
    " \"outputs\": [{\"status\": {\"code\": 30002, \"description\": \"Download failed\"},"
    "                \"data\": {}}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) predictions = augur_response_parse_predict (body, 400, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (predictions->len, ==, 1);
  g_assert_false (augur_prediction_is_success (g_ptr_array_index (predictions, 0)));
}

static void
test_predict_failure_without_outputs (void)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes ("error-model-does-not-exist.response.json");
  g_autoptr(GBytes) empty = bytes_from_text (
    "{\"status\": {\"code\": 10020, \"description\": \"Failure\"}, \"outputs\": []}");
  g_autoptr(AugurStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) predictions = NULL;
  const AugurStatus *error_status;

  predictions = augur_response_parse_predict (body, 404, &status, &error);
  g_assert_null (predictions);
  g_assert_null (status);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_API);
  g_assert_nonnull (strstr (error->message, "Model does not exist"));
  g_assert_nonnull (strstr (error->message, "09715165a0d24a109f3951b61d73dfe8"));
  error_status = augur_error_get_status (error);
  g_assert_cmpint (error_status->code, ==, 21200);
  g_assert_cmpstr (error_status->details, ==, "Model does not exist");
  g_assert_cmpstr (error_status->req_id, ==, "09715165a0d24a109f3951b61d73dfe8");
  g_assert_cmpuint (error_status->http_status, ==, 404);

  g_clear_error (&error);
  predictions = augur_response_parse_predict (empty, 400, NULL, &error);
  g_assert_null (predictions);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_API);
  g_assert_cmpint (augur_error_get_status (error)->code, ==, 10020);
}

static void
test_predict_throttled_name (void)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes ("error-throttled.response.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) predictions = augur_response_parse_predict (body, 429, NULL, &error);
  const AugurStatus *status;

  g_assert_null (predictions);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_THROTTLED);
  status = augur_error_get_status (error);
  g_assert_cmpint (status->code, ==, 11005);
  g_assert_cmpstr (status->description, ==, "Making too many requests");
  g_assert_cmpstr (status->details, ==, "exceeded limit of 15 requests per second");
  g_assert_nonnull (strstr (error->message, "Making too many requests"));
}

static void
test_predict_auth (void)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes ("error-invalid-key.response.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) predictions = augur_response_parse_predict (body, 401, NULL, &error);
  const AugurStatus *status;

  g_assert_null (predictions);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_AUTH);
  status = augur_error_get_status (error);
  g_assert_cmpint (status->code, ==, 11008);
  g_assert_cmpstr (status->description, ==, "Invalid API key or Invalid API key/application pair");
  g_assert_cmpstr (status->details, ==, "Invalid format of key.");
  g_assert_cmpstr (status->req_id, ==, "49d1691503f941b8ade82f5863d56387");
  g_assert_cmpuint (status->http_status, ==, 401);
}

static void
assert_http_error (const char     *text,
                   guint           http_status,
                   AugurErrorCode  code)
{
  g_autoptr(GBytes) body = bytes_from_text (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) predictions = NULL;
  g_autofree char *http_text = g_strdup_printf ("%u", http_status);
  const AugurStatus *status;

  predictions = augur_response_parse_predict (body, http_status, NULL, &error);
  g_assert_null (predictions);
  g_assert_error (error, AUGUR_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, http_text));
  status = augur_error_get_status (error);
  g_assert_nonnull (status);
  g_assert_cmpint (status->code, ==, 0);
  g_assert_cmpuint (status->http_status, ==, http_status);
}

static void
test_predict_http_errors_without_json (void)
{
  assert_http_error ("<html><body><h1>502 Bad Gateway</h1></body></html>", 502, AUGUR_ERROR_API);
  assert_http_error ("<html>Too Many Requests</html>", 429, AUGUR_ERROR_THROTTLED);
  assert_http_error ("Unauthorized", 401, AUGUR_ERROR_AUTH);
  assert_http_error ("", 403, AUGUR_ERROR_AUTH);
  assert_http_error ("[]", 500, AUGUR_ERROR_API);
  /* JSON, but not Clarifai's: the HTTP status is all there is */
  assert_http_error ("{\"error\": \"upstream timeout\"}", 504, AUGUR_ERROR_API);
}

static void
test_predict_http_status_without_code (void)
{
  g_autoptr(GBytes) body = bytes_from_text ("{\"status\": {\"description\": \"Slow down\"}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) predictions = augur_response_parse_predict (body, 429, NULL, &error);

  g_assert_null (predictions);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_THROTTLED);
  g_assert_nonnull (strstr (error->message, "Slow down"));
  g_assert_cmpint (augur_error_get_status (error)->code, ==, 0);
}

static void
test_predict_parse_output (void)
{
  g_autoptr(JsonObject) object = parse_fixture_object ("predict-select-concepts.output.json");
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonNode) not_object = json_node_init_string (json_node_alloc (), "output");
  g_autoptr(AugurPrediction) prediction = NULL;
  g_autoptr(GError) error = NULL;

  prediction = augur_response_parse_output (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (augur_prediction_get_concepts (prediction)->len, ==, 2);
  g_clear_object (&prediction);

  prediction = augur_response_parse_output (not_object, &error);
  g_assert_null (prediction);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY);
}

/* Envelope */

static void
test_envelope_success (void)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes ("visual-detection-face.response.json");
  g_autoptr(AugurStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;

  root = augur_response_parse_envelope (body, 200, FALSE, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_true (json_object_has_member (root, "outputs"));
  g_assert_cmpint (status->code, ==, 10000);
  g_assert_cmpstr (status->req_id, ==, "830aebd82df444e0a622d3682a8a1dae");
}

static void
test_envelope_allow_failure (void)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes ("error-method-not-allowed.response.json");
  g_autoptr(AugurStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;

  root = augur_response_parse_envelope (body, 400, FALSE, &status, &error);
  g_assert_null (root);
  g_assert_null (status);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_API);
  g_assert_cmpint (augur_error_get_status (error)->code, ==, 11103);
  g_clear_error (&error);

  root = augur_response_parse_envelope (body, 400, TRUE, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_cmpint (status->code, ==, 11103);
  g_assert_cmpstr (status->description, ==, "Method not allowed");
  g_assert_cmpstr (status->details, ==, "Method Not Allowed");
  g_assert_cmpuint (status->http_status, ==, 400);
}

static void
test_envelope_code_forms (void)
{
  static const struct {
    const char     *body;
    int             code;
    const char     *description;
    gboolean        success;
    AugurErrorCode  error_code;
  } cases[] = {
    { "{\"status\": {\"code\": 10000}}", 10000, NULL, TRUE, 0 },
    { "{\"status\": {\"code\": 10000.0}}", 10000, NULL, TRUE, 0 },
    { "{\"status\": {\"code\": \"10010\"}}", 10010, NULL, TRUE, 0 },
    { "{\"status\": {\"code\": \"SUCCESS\"}}", 10000, NULL, TRUE, 0 },
    { "{\"status\": {\"code\": \"MIXED_STATUS\"}}", 10010, NULL, TRUE, 0 },
    { "{\"status\": {\"code\": \"CONN_THROTTLED\"}}", 11005, NULL, FALSE, AUGUR_ERROR_THROTTLED },
    { "{\"status\": {\"code\": \"CONN_KEY_NOT_FOUND\"}}", 11009, NULL, FALSE, AUGUR_ERROR_AUTH },
    { "{\"status\": {\"code\": \"MODEL_LOADING\", \"description\": \"Loading\"}}",
      21355, "Loading", FALSE, AUGUR_ERROR_API },
    { "{\"status\": {\"code\": \"SOME_NEW_CODE\"}}", 0, "SOME_NEW_CODE", FALSE, AUGUR_ERROR_API },
    { "{\"status\": {\"code\": \"SOME_NEW_CODE\", \"description\": \"New\"}}",
      0, "New", FALSE, AUGUR_ERROR_API },
    { "{\"status\": {\"code\": 98004}}", 98004, NULL, FALSE, AUGUR_ERROR_API },
    { "{\"status\": {\"code\": true, \"description\": 5}}", 0, NULL, FALSE, AUGUR_ERROR_API },
    { "{\"status\": {}}", 0, NULL, FALSE, AUGUR_ERROR_API },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = bytes_from_text (cases[i].body);
      g_autoptr(AugurStatus) status = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) root = NULL;

      g_test_message ("%s", cases[i].body);
      root = augur_response_parse_envelope (body, 200, FALSE, &status, &error);
      if (cases[i].success)
        {
          g_assert_no_error (error);
          g_assert_nonnull (root);
          g_assert_cmpint (status->code, ==, cases[i].code);
          continue;
        }

      g_assert_null (root);
      g_assert_error (error, AUGUR_ERROR, (int) cases[i].error_code);
      g_assert_cmpint (augur_error_get_status (error)->code, ==, cases[i].code);
      g_assert_cmpstr (augur_error_get_status (error)->description, ==, cases[i].description);
    }
}

static void
test_envelope_status_from_json (void)
{
  g_autoptr(JsonObject) object = parse_text_object (
    "{\"code\": 21200, \"description\": \"Model does not exist\", \"details\": \"none\","
    " \"req_id\": \"abc\", \"developer_notes\": \"check the id\"}");
  g_autoptr(AugurStatus) status = augur_response_status_from_json (object);

  g_assert_cmpint (status->code, ==, 21200);
  g_assert_cmpstr (status->description, ==, "Model does not exist");
  g_assert_cmpstr (status->details, ==, "none");
  g_assert_cmpstr (status->req_id, ==, "abc");
  g_assert_cmpuint (status->http_status, ==, 0);
}

/* Models, versions, concepts */

static void
test_models_search (void)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes ("models-search.response.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) models = augur_response_parse_models (body, 200, &error);
  AugurModel *model;
  AugurModelVersion *version;

  g_assert_no_error (error);
  g_assert_cmpuint (models->len, ==, 1);
  model = g_ptr_array_index (models, 0);
  g_assert_cmpstr (augur_model_get_id (model), ==, "@modelID");
  g_assert_cmpstr (augur_model_get_name (model), ==, "color");
  g_assert_cmpstr (augur_model_get_app_id (model), ==, "main");
  g_assert_cmpstr (augur_model_get_created_at (model), ==, "2016-05-11T18:05:45.924367Z");

  version = augur_model_get_version (model);
  g_assert_nonnull (version);
  g_assert_cmpstr (augur_model_version_get_id (version), ==, "@modelVersionID");
  g_assert_cmpstr (augur_model_version_get_created_at (version), ==, "2016-07-13T01:19:12.147644Z");
  g_assert_cmpint (augur_model_version_get_status (version)->code, ==, 21100);
  g_assert_cmpstr (augur_model_version_get_status (version)->description, ==,
                   "Model is trained and ready");
  /* a legacy version without params: a spec that asks for nothing */
  g_assert_nonnull (augur_model_version_get_spec (version));
  g_assert_false (augur_model_version_get_spec (version)->pythonic);
  g_assert_cmpuint (augur_model_version_get_spec (version)->params->len, ==, 0);
}

static void
test_model_full (void)
{
  g_autoptr(GBytes) body = bytes_from_text (
    "{\"status\": {\"code\": 10000}, \"model\": {"
    " \"id\": \"gpt-oss-120b\", \"user_id\": \"openai\", \"app_id\": \"chat-completion\","
    " \"display_name\": \"GPT OSS\", \"model_type_id\": \"text-to-text\","
    " \"description\": \"A model\", \"notes\": \"# Markdown\","
    " \"created_at\": \"2025-01-01T00:00:00Z\", \"modified_at\": \"2025-02-01T00:00:00Z\","
    " \"star_count\": 17, \"toolkits\": [], \"image\": {\"url\": \"https://x/y.png\"},"
    " \"model_version\": {\"id\": \"v1\", \"description\": \"first\","
    "   \"active_concept_count\": 0, \"method_signatures\": [{\"name\": \"predict\","
    "   \"method_type\": 1, \"input_fields\": [{\"name\": \"prompt\", \"type\": 1}]}]}}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurModel) model = augur_response_parse_model (body, 200, &error);
  AugurModelVersion *version;
  AugurModelSpec *spec;

  g_assert_no_error (error);
  g_assert_cmpstr (augur_model_get_id (model), ==, "gpt-oss-120b");
  g_assert_cmpstr (augur_model_get_user_id (model), ==, "openai");
  g_assert_cmpstr (augur_model_get_app_id (model), ==, "chat-completion");
  g_assert_cmpstr (augur_model_get_name (model), ==, "GPT OSS");
  g_assert_cmpstr (augur_model_get_model_type_id (model), ==, "text-to-text");
  g_assert_cmpstr (augur_model_get_description (model), ==, "A model");
  g_assert_cmpstr (augur_model_get_created_at (model), ==, "2025-01-01T00:00:00Z");
  g_assert_cmpstr (augur_model_get_modified_at (model), ==, "2025-02-01T00:00:00Z");
  g_assert_cmpuint (augur_model_get_star_count (model), ==, 17);

  version = augur_model_get_version (model);
  g_assert_cmpstr (augur_model_version_get_id (version), ==, "v1");
  g_assert_cmpstr (augur_model_version_get_description (version), ==, "first");
  spec = augur_model_version_get_spec (version);
  g_assert_true (spec->pythonic);
  g_assert_cmpstr (spec->method_name, ==, "predict");
  g_assert_cmpstr (spec->prompt_arg, ==, "prompt");
}

static void
test_model_output_info (void)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes ("get-model-output-info.response.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurModel) model = augur_response_parse_model (body, 200, &error);
  g_autoptr(GPtrArray) concepts = NULL;
  AugurModelVersion *version;

  g_assert_no_error (error);
  g_assert_cmpstr (augur_model_get_id (model), ==, "@modelID");
  g_assert_cmpstr (augur_model_get_name (model), ==, "@modelName");
  version = augur_model_get_version (model);
  g_assert_cmpstr (augur_model_version_get_id (version), ==, "@modelVersionID");
  g_assert_cmpuint (augur_model_version_get_active_concept_count (version), ==, 5);
  g_assert_cmpint (augur_model_version_get_status (version)->code, ==, 21100);
  g_assert_cmpuint (augur_model_version_get_concepts (version)->len, ==, 1);

  concepts = augur_response_parse_output_info_concepts (body, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (concepts->len, ==, 1);
  assert_concept (concept_at (concepts, 0), "@conceptID", "safe", 0.0);
}

static void
test_model_versions_list (void)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes ("list-model-versions.response.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = augur_response_parse_model_versions (body, 200, &error);
  AugurModelVersion *version;

  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  version = g_ptr_array_index (versions, 0);
  g_assert_cmpstr (augur_model_version_get_id (version), ==, "@modelVersionID1");
  g_assert_cmpstr (augur_model_version_get_created_at (version), ==, "2017-10-31T16:30:31.226185Z");
  g_assert_cmpuint (augur_model_version_get_active_concept_count (version), ==, 5);
  g_assert_cmpint (augur_model_version_get_status (version)->code, ==, 21100);
  g_assert_cmpstr (augur_model_version_get_status (version)->description, ==,
                   "Model trained successfully");
  version = g_ptr_array_index (versions, 1);
  g_assert_cmpstr (augur_model_version_get_id (version), ==, "@modelVersionID2");
}

static void
test_model_version_single (void)
{
  g_autoptr(GBytes) body = bytes_from_text (
    "{\"status\": {\"code\": 10000}, \"model_version\": {\"id\": \"aa7f\","
    " \"created_at\": \"2018-03-06T21:10:24.454834Z\","
    " \"status\": {\"code\": 21100, \"description\": \"Model is trained and ready\"},"
    " \"active_concept_count\": 3, \"total_input_count\": 100,"
    " \"output_info\": {\"data\": {\"concepts\": [{\"id\": \"a\", \"name\": \"apple\"},"
    "                                            {\"id\": \"b\", \"name\": \"banana\"}]}}}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurModelVersion) version = augur_response_parse_model_version (body, 200, &error);
  GPtrArray *concepts;

  g_assert_no_error (error);
  g_assert_cmpstr (augur_model_version_get_id (version), ==, "aa7f");
  g_assert_cmpuint (augur_model_version_get_active_concept_count (version), ==, 3);
  concepts = augur_model_version_get_concepts (version);
  g_assert_cmpuint (concepts->len, ==, 2);
  assert_concept (concept_at (concepts, 1), "b", "banana", 0.0);
}

static void
test_concepts_list (void)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes ("list-concepts.response.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) concepts = augur_response_parse_concepts (body, 200, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (concepts->len, ==, 2);
  assert_concept (concept_at (concepts, 0), "@conceptID1", "@conceptName1", 0.0);
  assert_concept (concept_at (concepts, 1), "@conceptID2", "@conceptName2", 0.0);
}

static void
test_lists_empty_and_errors (void)
{
  g_autoptr(GBytes) empty = bytes_from_text ("{\"status\": {\"code\": 10000}, \"models\": []}");
  g_autoptr(GBytes) absent = bytes_from_text ("{\"status\": {\"code\": 10000}}");
  g_autoptr(GBytes) invalid_key = augur_test_fixture_bytes ("error-invalid-key.response.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GPtrArray) concepts = NULL;
  g_autoptr(AugurModel) model = NULL;

  models = augur_response_parse_models (empty, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (models->len, ==, 0);
  g_clear_pointer (&models, g_ptr_array_unref);

  concepts = augur_response_parse_concepts (absent, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (concepts->len, ==, 0);

  /* a single-object reply without the object is malformed */
  model = augur_response_parse_model (absent, 200, &error);
  g_assert_null (model);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY);
  g_assert_nonnull (strstr (error->message, "model"));
  g_clear_error (&error);

  /* 401 + "models": [] is an auth error, not an empty list */
  models = augur_response_parse_models (invalid_key, 401, &error);
  g_assert_null (models);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_AUTH);
  g_assert_cmpint (augur_error_get_status (error)->code, ==, 11008);
}

/* Specs */

static const AugurParamSpec *
find_param (const AugurModelSpec *spec,
            const char           *name)
{
  const AugurParamSpec *param = augur_model_spec_find_param (spec, name);

  if (param == NULL)
    g_error ("no param %s", name);
  return param;
}

static void
assert_pythonic_fixture_spec (const AugurModelSpec *spec)
{
  const AugurParamSpec *param;

  g_assert_true (spec->pythonic);
  g_assert_cmpstr (spec->method_name, ==, "predict");
  g_assert_cmpstr (spec->prompt_arg, ==, "prompt");
  g_assert_null (spec->image_arg);
  g_assert_cmpuint (spec->params->len, ==, 7);
  g_assert_cmpuint (augur_model_spec_count_controls (spec), ==, 3);

  param = find_param (spec, "prompt");
  g_assert_cmpint (param->type, ==, AUGUR_PARAM_TYPE_STRING);
  g_assert_false (param->is_param);
  g_assert_null (param->default_value);

  param = find_param (spec, "chat_history");
  g_assert_cmpint (param->type, ==, AUGUR_PARAM_TYPE_OTHER);
  g_assert_false (param->is_param);
  g_assert_null (param->default_value);   /* "null" */

  param = find_param (spec, "max_tokens");
  g_assert_cmpint (param->type, ==, AUGUR_PARAM_TYPE_INT);
  g_assert_true (param->is_param);
  g_assert_nonnull (param->default_value);
  g_assert_cmpint (json_node_get_value_type (param->default_value), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (param->default_value), ==, 512);
  g_assert_cmpstr (param->description, ==, "The maximum number of tokens to generate.");
  g_assert_false (param->has_range);

  param = find_param (spec, "temperature");
  g_assert_cmpint (param->type, ==, AUGUR_PARAM_TYPE_FLOAT);
  g_assert_true (param->is_param);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (param->default_value), 0.7, 1e-12);
  g_assert_cmpstr (param->description, ==, "Sampling temperature (higher = more random).");

  param = find_param (spec, "top_p");
  g_assert_cmpint (param->type, ==, AUGUR_PARAM_TYPE_FLOAT);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (param->default_value), 0.95, 1e-12);
  g_assert_cmpstr (param->description, ==, "Nucleus sampling threshold.");

  /* the order of the signature is kept */
  g_assert_cmpstr (((AugurParamSpec *) g_ptr_array_index (spec->params, 0))->name, ==, "prompt");
  g_assert_cmpstr (((AugurParamSpec *) g_ptr_array_index (spec->params, 6))->name, ==, "top_p");
}

static void
test_spec_pythonic_fixture (void)
{
  g_autoptr(JsonObject) object = parse_fixture_object ("pythonic-method-signatures.model-version.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurModelSpec) spec = augur_response_spec_from_model_version (object, &error);

  g_assert_no_error (error);
  assert_pythonic_fixture_spec (spec);
}

static void
test_spec_pythonic_in_reply (void)
{
  g_autoptr(GBytes) fixture = augur_test_fixture_bytes ("pythonic-method-signatures.model-version.json");
  g_autoptr(GString) text = g_string_new ("{\"status\": {\"code\": 10000}, \"model_version\": ");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurModelVersion) version = NULL;

  g_string_append_len (text, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_string_append (text, "}");
  body = g_string_free_to_bytes (g_steal_pointer (&text));

  version = augur_response_parse_model_version (body, 200, &error);
  g_assert_no_error (error);
  assert_pythonic_fixture_spec (augur_model_version_get_spec (version));
}

static AugurModelSpec *
spec_from_text (const char *text)
{
  g_autoptr(JsonObject) object = parse_text_object (text);
  g_autoptr(GError) error = NULL;
  AugurModelSpec *spec = augur_response_spec_from_model_version (object, &error);

  g_assert_no_error (error);
  g_assert_nonnull (spec);
  return spec;
}

static void
test_spec_method_choice (void)
{
  g_autoptr(AugurModelSpec) unary = spec_from_text (
    "{\"method_signatures\": [{\"name\": \"generate\", \"method_type\": 2},"
    "                         {\"name\": \"ask\", \"method_type\": \"UNARY_UNARY\"}]}");
  g_autoptr(AugurModelSpec) first = spec_from_text (
    "{\"method_signatures\": [{\"name\": \"generate\", \"method_type\": 2},"
    "                         {\"name\": \"stream\", \"method_type\": 4}]}");
  g_autoptr(AugurModelSpec) predict = spec_from_text (
    "{\"method_signatures\": [{\"name\": \"ask\", \"method_type\": 1},"
    "                         {\"name\": \"predict\", \"method_type\": 1}]}");

  g_assert_cmpstr (unary->method_name, ==, "ask");
  g_assert_cmpstr (first->method_name, ==, "generate");
  g_assert_cmpstr (predict->method_name, ==, "predict");
}

static void
test_spec_pythonic_controls (void)
{
  g_autoptr(AugurModelSpec) spec = spec_from_text (
    "{\"method_signatures\": [{\"name\": \"predict\", \"method_type\": 1, \"input_fields\": ["
    " {\"name\": \"image\", \"type\": 9},"
    " {\"name\": \"question\", \"type\": \"TEXT\", \"required\": true},"
    " {\"name\": \"effort\", \"type\": 1, \"is_param\": true, \"default\": \"\\\"low\\\"\","
    "  \"model_type_enum_options\": [{\"id\": \"low\"}, {\"id\": \"medium\"}, {\"id\": \"high\"}]},"
    " {\"name\": \"temperature\", \"type\": \"FLOAT\", \"is_param\": true, \"default\": \"0.7\","
    "  \"model_type_range_info\": {\"min\": 0, \"max\": 2, \"step\": 0.1}},"
    " {\"name\": \"stream\", \"type\": 5, \"is_param\": true, \"default\": \"true\"},"
    " {\"name\": \"options\", \"type\": 7, \"is_param\": true, \"default\": \"{\\\"a\\\": 1}\"},"
    " {\"name\": \"seed\", \"type\": 3, \"is_param\": true, \"default\": \"not json\"},"
    " {\"type\": 1}]}]}");
  const AugurParamSpec *param;

  g_assert_true (spec->pythonic);
  /* no "prompt": the first text argument takes the text box */
  g_assert_cmpstr (spec->prompt_arg, ==, "question");
  g_assert_cmpstr (spec->image_arg, ==, "image");
  /* the argument without a name cannot be sent, so it is left out */
  g_assert_cmpuint (spec->params->len, ==, 7);
  g_assert_cmpuint (augur_model_spec_count_controls (spec), ==, 5);

  param = find_param (spec, "question");
  g_assert_cmpint (param->type, ==, AUGUR_PARAM_TYPE_TEXT);
  g_assert_true (param->required);

  param = find_param (spec, "effort");
  g_assert_cmpint (param->type, ==, AUGUR_PARAM_TYPE_ENUM);
  g_assert_cmpuint (g_strv_length (param->enum_options), ==, 3);
  g_assert_cmpstr (param->enum_options[2], ==, "high");
  g_assert_cmpstr (json_node_get_string (param->default_value), ==, "low");

  param = find_param (spec, "temperature");
  g_assert_true (param->has_range);
  g_assert_cmpfloat (param->min, ==, 0.0);
  g_assert_cmpfloat (param->max, ==, 2.0);
  g_assert_cmpfloat_with_epsilon (param->step, 0.1, 1e-12);

  param = find_param (spec, "stream");
  g_assert_cmpint (param->type, ==, AUGUR_PARAM_TYPE_BOOL);
  g_assert_true (json_node_get_boolean (param->default_value));

  param = find_param (spec, "options");
  g_assert_cmpint (param->type, ==, AUGUR_PARAM_TYPE_JSON);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (param->default_value));

  /* a default that is not JSON is kept as the text it is */
  param = find_param (spec, "seed");
  g_assert_cmpstr (json_node_get_string (param->default_value), ==, "not json");
}

static void
test_spec_legacy (void)
{
  g_autoptr(AugurModelSpec) spec = spec_from_text (
    "{\"id\": \"v1\", \"output_info\": {"
    " \"params_specs\": ["
    "  {\"path\": \"output_info.params.temperature\", \"field_type\": 7, \"default_value\": 0.7,"
    "   \"description\": \"Randomness\", \"model_type_range_info\": {\"min\": 0, \"max\": 1,"
    "   \"step\": 0.05}},"
    "  {\"path\": \"max_tokens\", \"field_type\": \"NUMBER\", \"default_value\": 2048},"
    "  {\"path\": \"reasoning_effort\", \"field_type\": 8, \"default_value\": \"low\","
    "   \"model_type_enum_options\": [{\"id\": \"low\"}, {\"id\": \"high\"}]},"
    "  {\"path\": \"do_sample\", \"field_type\": 1, \"default_value\": true},"
    "  {\"path\": \"system_prompt\", \"field_type\": 2, \"required\": true},"
    "  {\"path\": \"stop\", \"field_type\": 13},"
    "  {\"path\": \"config\", \"field_type\": 10, \"default_value\": {\"k\": 1}}],"
    " \"params\": {\"temperature\": 0.5, \"top_k\": 0.95, \"stream\": false,"
    "              \"input_type\": \"search_query\", \"select_concepts\": []}}}");
  const AugurParamSpec *param;

  g_assert_false (spec->pythonic);
  g_assert_null (spec->method_name);
  g_assert_null (spec->prompt_arg);
  g_assert_cmpuint (spec->params->len, ==, 11);
  g_assert_cmpuint (augur_model_spec_count_controls (spec), ==, 11);

  param = find_param (spec, "temperature");
  g_assert_cmpint (param->type, ==, AUGUR_PARAM_TYPE_FLOAT);
  g_assert_true (param->has_range);
  g_assert_cmpfloat (param->max, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (param->step, 0.05, 1e-12);
  /* the spec wins over the current value in params */
  g_assert_cmpfloat_with_epsilon (json_node_get_double (param->default_value), 0.7, 1e-12);
  g_assert_cmpstr (param->description, ==, "Randomness");

  param = find_param (spec, "max_tokens");
  g_assert_cmpint (param->type, ==, AUGUR_PARAM_TYPE_FLOAT);
  g_assert_cmpint (json_node_get_int (param->default_value), ==, 2048);

  param = find_param (spec, "reasoning_effort");
  g_assert_cmpint (param->type, ==, AUGUR_PARAM_TYPE_ENUM);
  g_assert_cmpstr (param->enum_options[1], ==, "high");

  g_assert_cmpint (find_param (spec, "do_sample")->type, ==, AUGUR_PARAM_TYPE_BOOL);
  g_assert_true (find_param (spec, "system_prompt")->required);
  g_assert_cmpint (find_param (spec, "system_prompt")->type, ==, AUGUR_PARAM_TYPE_STRING);
  g_assert_cmpint (find_param (spec, "stop")->type, ==, AUGUR_PARAM_TYPE_OTHER);
  g_assert_cmpint (find_param (spec, "config")->type, ==, AUGUR_PARAM_TYPE_JSON);

  /* keys of params without a spec: the type comes from the value */
  param = find_param (spec, "top_k");
  g_assert_cmpint (param->type, ==, AUGUR_PARAM_TYPE_FLOAT);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (param->default_value), 0.95, 1e-12);
  g_assert_cmpint (find_param (spec, "stream")->type, ==, AUGUR_PARAM_TYPE_BOOL);
  g_assert_cmpint (find_param (spec, "input_type")->type, ==, AUGUR_PARAM_TYPE_STRING);
  g_assert_cmpstr (json_node_get_string (find_param (spec, "input_type")->default_value), ==,
                   "search_query");
  g_assert_cmpint (find_param (spec, "select_concepts")->type, ==, AUGUR_PARAM_TYPE_JSON);
}

static void
test_spec_empty (void)
{
  g_autoptr(AugurModelSpec) none = spec_from_text ("{\"id\": \"v1\"}");
  g_autoptr(AugurModelSpec) empty_signatures = spec_from_text (
    "{\"method_signatures\": [], \"output_info\": {\"params\": {\"max_tokens\": 30}}}");

  g_assert_false (none->pythonic);
  g_assert_cmpuint (none->params->len, ==, 0);
  /* an empty signature list is a legacy model */
  g_assert_false (empty_signatures->pythonic);
  g_assert_cmpuint (empty_signatures->params->len, ==, 1);
}

/* Robustness */

typedef enum {
  PARSER_PREDICT,
  PARSER_MODEL,
  PARSER_MODEL_VERSION,
  PARSER_MODELS,
  PARSER_MODEL_VERSIONS,
  PARSER_CONCEPTS,
  PARSER_OUTPUT_INFO_CONCEPTS,
  PARSER_ENVELOPE,
  N_PARSERS
} Parser;

/* Runs one parser; returns whether it gave a result, and frees the result. */
static gboolean
run_parser (Parser   parser,
            GBytes  *body,
            guint    http_status,
            GError **error)
{
  gpointer result = NULL;
  GDestroyNotify free_result = g_object_unref;

  switch (parser)
    {
    case PARSER_PREDICT:
      result = augur_response_parse_predict (body, http_status, NULL, error);
      free_result = (GDestroyNotify) g_ptr_array_unref;
      break;
    case PARSER_MODEL:
      result = augur_response_parse_model (body, http_status, error);
      break;
    case PARSER_MODEL_VERSION:
      result = augur_response_parse_model_version (body, http_status, error);
      break;
    case PARSER_MODELS:
      result = augur_response_parse_models (body, http_status, error);
      free_result = (GDestroyNotify) g_ptr_array_unref;
      break;
    case PARSER_MODEL_VERSIONS:
      result = augur_response_parse_model_versions (body, http_status, error);
      free_result = (GDestroyNotify) g_ptr_array_unref;
      break;
    case PARSER_CONCEPTS:
      result = augur_response_parse_concepts (body, http_status, error);
      free_result = (GDestroyNotify) g_ptr_array_unref;
      break;
    case PARSER_OUTPUT_INFO_CONCEPTS:
      result = augur_response_parse_output_info_concepts (body, http_status, error);
      free_result = (GDestroyNotify) g_ptr_array_unref;
      break;
    case PARSER_ENVELOPE:
    case N_PARSERS:
    default:
      result = augur_response_parse_envelope (body, http_status, FALSE, NULL, error);
      free_result = (GDestroyNotify) json_object_unref;
      break;
    }

  if (result == NULL)
    return FALSE;
  free_result (result);
  return TRUE;
}

static void
assert_every_parser_bad_reply (GBytes *body)
{
  for (Parser parser = 0; parser < N_PARSERS; parser++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (run_parser (parser, body, 200, &error));
      g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY);
      g_assert_null (augur_error_get_status (error));
    }
}

static void
test_robustness_not_json (void)
{
  static const char *bodies[] = {
    "{", "[]", "null", "42", "\"status\"", "true", "{\"status\":", "{\"status\": {\"code\": 1",
    "<html></html>", "{\"status\": {\"code\": 10000}} trailing", "{'status': }",
    "\xef\xbb\xbf", "   ", "\n",
    /* json-glib 1.6 takes several values (and leaks), comments and assignments: not JSON */
    "{\"status\": {\"code\": 10000}}{\"status\": {\"code\": 10000}}",
    "\"status\"{\"status\": {\"code\": 10000}}", "[]{\"status\": {\"code\": 10000}}",
    "var reply = {\"status\": {\"code\": 10000}};",
    "/* c */ {\"status\": {\"code\": 10000}}", "{\"status\": {\"code\": 10000}} // c",
    "{'status': {'code': 10000}}",
  };
  static const char latin1_text[] = "{\"status\": {\"description\": \"caf\xe9\"}}";
  static const char nul_text[] = "{\"status\": {}\0}";
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) latin1 = g_bytes_new (latin1_text, sizeof latin1_text - 1);
  g_autoptr(GBytes) nul = g_bytes_new (nul_text, sizeof nul_text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) predictions = NULL;

  predictions = augur_response_parse_predict (empty, 200, NULL, &error);
  g_assert_null (predictions);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY);
  g_assert_cmpstr (error->message, ==, "The server's reply was cut off or is not valid JSON");

  assert_every_parser_bad_reply (empty);
  assert_every_parser_bad_reply (latin1);
  assert_every_parser_bad_reply (nul);
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GBytes) body = bytes_from_text (bodies[i]);

      g_test_message ("body: %s", bodies[i]);
      assert_every_parser_bad_reply (body);
    }
}

static void
test_robustness_no_status (void)
{
  g_autoptr(GBytes) body = bytes_from_text ("{\"outputs\": []}");
  g_autoptr(GBytes) bad_status = bytes_from_text ("{\"status\": \"ok\"}");
  g_autoptr(GError) error = NULL;

  assert_every_parser_bad_reply (body);
  g_assert_false (run_parser (PARSER_PREDICT, bad_status, 200, &error));
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY);
  g_assert_nonnull (strstr (error->message, "status"));
}

/* Truncated at every length, a reply must either parse or be a BAD_REPLY; never crash. */
static void
truncate_fixture (const char *name,
                  guint       stride)
{
  FixtureKind kind = fixture_kind (name);
  g_autoptr(GBytes) full = fixture_body (name, kind);
  gsize size = g_bytes_get_size (full);

  for (gsize length = 0; length < size; length += stride)
    {
      g_autoptr(GBytes) body = g_bytes_new_from_bytes (full, 0, length);
      g_autoptr(GError) error = NULL;

      if (parse_as (kind, body, 200, &error))
        g_assert_no_error (error);
      else if (kind == KIND_ERROR && augur_error_get_status (error) != NULL)
        g_assert_true (error->domain == AUGUR_ERROR);   /* complete, but for a newline */
      else
        g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY);
    }
}

static void
test_robustness_truncated (void)
{
  g_autofree char *dir_path = fixtures_dir ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      FixtureKind kind = fixture_kind (name);
      g_autoptr(GBytes) body = NULL;

      if (kind == KIND_SKIP || kind == KIND_REQUEST || kind == KIND_MODEL_VERSION_OBJECT)
        continue;
      body = augur_test_fixture_bytes (name);
      /* every length of the small fixtures; a sample of the 38 KB embedding */
      truncate_fixture (name, g_bytes_get_size (body) > 8192 ? 97 : 1);
      n++;
    }
  g_assert_cmpuint (n, >=, 13);
}

static void
test_robustness_wrong_types (void)
{
  static const struct {
    const char *body;
    const char *path;
  } cases[] = {
    { "{\"status\": {\"code\": 10000}, \"outputs\": {}}", "outputs" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [5]}", "outputs[0]" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": []}]}", "outputs[0].data" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"status\": 1}]}", "outputs[0].status" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"concepts\": \"cat\"}}]}",
      "outputs[0].data.concepts" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{}, {\"data\": {\"concepts\": [null]}}]}",
      "outputs[1].data.concepts[0]" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"concepts\": ["
      "{\"id\": \"a\", \"value\": \"0.9\"}]}}]}", "outputs[0].data.concepts[0].value" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"concepts\": ["
      "{\"id\": 7, \"value\": 0.9}]}}]}", "outputs[0].data.concepts[0].id" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"concepts\": ["
      "{\"id\": \"a\", \"value\": 1e999}]}}]}", "outputs[0].data.concepts[0].value" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"regions\": ["
      "{\"region_info\": {\"bounding_box\": [0, 0, 1, 1]}}]}}]}",
      "outputs[0].data.regions[0].region_info.bounding_box" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"regions\": ["
      "{\"region_info\": {\"bounding_box\": {\"top_row\": \"0.1\"}}}]}}]}",
      "outputs[0].data.regions[0].region_info.bounding_box.top_row" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"regions\": ["
      "{\"data\": {\"concepts\": {}}}]}}]}", "outputs[0].data.regions[0].data.concepts" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"embeddings\": ["
      "{\"vector\": [0.1, \"x\"]}]}}]}", "outputs[0].data.embeddings[0].vector[1]" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"embeddings\": {}}}]}",
      "outputs[0].data.embeddings" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"text\": {\"raw\": 5}}}]}",
      "outputs[0].data.text.raw" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"text\": \"hi\"}}]}",
      "outputs[0].data.text" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"image\": {\"base64\": 1}}}]}",
      "outputs[0].data.image.base64" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"parts\": [\"return\"]}}]}",
      "outputs[0].data.parts[0]" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"parts\": ["
      "{\"id\": \"return\", \"data\": {\"string_value\": []}}]}}]}",
      "outputs[0].data.parts[0].data.string_value" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"model\": {\"model_version\": 3}}]}",
      "outputs[0].model.model_version" },
    { "{\"status\": {\"code\": 10000}, \"outputs\": [{\"prompt_tokens\": \"many\"}]}",
      "outputs[0].prompt_tokens" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].body);
      assert_predict_bad_reply (cases[i].body, cases[i].path);
    }
}

static void
assert_parser_bad_reply (Parser      parser,
                         const char *text,
                         const char *path)
{
  g_autoptr(GBytes) body = bytes_from_text (text);
  g_autoptr(GError) error = NULL;

  g_test_message ("%s", text);
  g_assert_false (run_parser (parser, body, 200, &error));
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY);
  if (strstr (error->message, path) == NULL)
    g_error ("error “%s” does not name “%s”", error->message, path);
}

static void
test_robustness_wrong_types_models (void)
{
  assert_parser_bad_reply (PARSER_MODEL, "{\"status\": {\"code\": 10000}, \"model\": []}", "model");
  assert_parser_bad_reply (PARSER_MODEL, "{\"status\": {\"code\": 10000}, \"model\": "
                           "{\"star_count\": {}}}", "model.star_count");
  assert_parser_bad_reply (PARSER_MODEL, "{\"status\": {\"code\": 10000}, \"model\": "
                           "{\"name\": 1}}", "model.name");
  assert_parser_bad_reply (PARSER_MODEL, "{\"status\": {\"code\": 10000}, \"model\": "
                           "{\"model_version\": {\"method_signatures\": {}}}}",
                           "model.model_version.method_signatures");
  assert_parser_bad_reply (PARSER_MODEL, "{\"status\": {\"code\": 10000}, \"model\": "
                           "{\"model_version\": {\"method_signatures\": [1]}}}",
                           "model.model_version.method_signatures[0]");
  assert_parser_bad_reply (PARSER_MODEL, "{\"status\": {\"code\": 10000}, \"model\": "
                           "{\"output_info\": {\"data\": {\"concepts\": 1}}}}",
                           "model.output_info.data.concepts");
  assert_parser_bad_reply (PARSER_MODELS, "{\"status\": {\"code\": 10000}, \"models\": {}}",
                           "models");
  assert_parser_bad_reply (PARSER_MODELS, "{\"status\": {\"code\": 10000}, \"models\": [{}, 2]}",
                           "models[1]");
  assert_parser_bad_reply (PARSER_MODEL_VERSIONS, "{\"status\": {\"code\": 10000}, "
                           "\"model_versions\": [{\"active_concept_count\": true}]}",
                           "model_versions[0].active_concept_count");
  assert_parser_bad_reply (PARSER_MODEL_VERSION, "{\"status\": {\"code\": 10000}, "
                           "\"model_version\": {\"output_info\": {\"params_specs\": [{\"path\": 1}]}}}",
                           "model_version.output_info.params_specs[0].path");
  assert_parser_bad_reply (PARSER_MODEL_VERSION, "{\"status\": {\"code\": 10000}, "
                           "\"model_version\": {\"output_info\": {\"params\": []}}}",
                           "model_version.output_info.params");
  assert_parser_bad_reply (PARSER_MODEL_VERSION, "{\"status\": {\"code\": 10000}, "
                           "\"model_version\": {\"method_signatures\": [{\"name\": \"predict\","
                           " \"input_fields\": [{\"name\": \"t\", \"model_type_range_info\":"
                           " {\"min\": \"0\"}}]}]}}", "min");
  assert_parser_bad_reply (PARSER_MODEL_VERSION, "{\"status\": {\"code\": 10000}, "
                           "\"model_version\": {\"method_signatures\": [{\"name\": \"predict\","
                           " \"input_fields\": [{\"name\": \"t\", \"is_param\": \"yes\"}]}]}}",
                           "is_param");
  assert_parser_bad_reply (PARSER_CONCEPTS, "{\"status\": {\"code\": 10000}, \"concepts\": "
                           "[{\"name\": [\"x\"]}]}", "concepts[0].name");
  assert_parser_bad_reply (PARSER_OUTPUT_INFO_CONCEPTS, "{\"status\": {\"code\": 10000}, "
                           "\"model\": {\"output_info\": 7}}", "model.output_info");
}

static void
test_robustness_nesting (void)
{
  gsize depth = 200000;
  g_autoptr(GString) deep = g_string_sized_new (depth * 2 + 64);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GPtrArray) predictions = NULL;
  const char *text;

  g_string_append (deep, "{\"status\": {\"code\": 10000}, \"outputs\": ");
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (deep, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  body = g_string_free_to_bytes (g_steal_pointer (&deep));
  assert_every_parser_bad_reply (body);

  /* Brackets inside strings do not count */
  predictions = predict_text (
    "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {\"text\": {\"raw\": "
    "\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
    "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\\\"[\"}}}]}");
  text = augur_prediction_get_text (g_ptr_array_index (predictions, 0));
  g_assert_true (g_str_has_prefix (text, "[[[[[[[[[["));
  g_assert_true (g_str_has_suffix (text, "{{{{\"["));
}

static void
test_robustness_unicode (void)
{
  g_autoptr(GPtrArray) predictions = NULL;
  const char *name;

  /* json-glib 1.6 leaks on a malformed pair and copies a lone surrogate through as
   * invalid UTF-8: both are refused up front. */
  assert_predict_bad_reply ("{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {"
                            "\"concepts\": [{\"name\": \"\\ud800\\u0041\"}]}}]}", NULL);
  assert_predict_bad_reply ("{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {"
                            "\"concepts\": [{\"name\": \"\\uD800x\"}]}}]}", NULL);
  assert_predict_bad_reply ("{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {"
                            "\"concepts\": [{\"name\": \"\\udc00\"}]}}]}", NULL);

  /* a partial \u escape reads as a surrogate in json-glib 1.6 */
  assert_predict_bad_reply ("{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {"
                            "\"concepts\": [{\"name\": \"\\uD8\"}]}}]}", NULL);
  /* octal escapes are a json-glib extension that makes invalid UTF-8 */
  assert_predict_bad_reply ("{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {"
                            "\"concepts\": [{\"name\": \"\\377\"}]}}]}", NULL);

  /* JSON's escapes are fine, a proper pair too, and so is an escaped backslash before "ud800" */
  predictions = predict_text ("{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {"
                              "\"concepts\": [{\"id\": \"a\", \"name\": "
                              "\"\\ud83d\\ude00 \\\\ud800 \\u00e9\\t\\\"\\/\"}]}}]}");
  name = augur_concept_get_name (concept_at (augur_prediction_get_concepts (
    g_ptr_array_index (predictions, 0)), 0));
  g_assert_cmpstr (name, ==, "\xf0\x9f\x98\x80 \\ud800 \xc3\xa9\t\"/");
}

static void
test_robustness_numbers (void)
{
  g_autoptr(GPtrArray) predictions = predict_text (
    "{\"status\": {\"code\": 10000}, \"outputs\": [{\"data\": {"
    "\"embeddings\": [{\"vector\": [1e300, -1e300, 1, 0]}]},"
    " \"prompt_tokens\": -5, \"completion_tokens\": 1e20}]}");
  AugurPrediction *prediction = g_ptr_array_index (predictions, 0);
  GArray *vector = g_ptr_array_index (augur_prediction_get_embeddings (prediction), 0);

  g_assert_cmpuint (vector->len, ==, 4);
  g_assert_cmpfloat (g_array_index (vector, float, 0), ==, FLT_MAX);
  g_assert_cmpfloat (g_array_index (vector, float, 1), ==, -FLT_MAX);
  g_assert_cmpfloat (g_array_index (vector, float, 2), ==, 1.0f);
  g_assert_cmpuint (augur_prediction_get_prompt_tokens (prediction), ==, 0);
  g_assert_cmpuint (augur_prediction_get_completion_tokens (prediction), ==, G_MAXUINT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/response/fixtures/every-fixture", test_every_fixture);

  g_test_add_func ("/response/predict/classification", test_predict_classification);
  g_test_add_func ("/response/predict/detection", test_predict_detection);
  g_test_add_func ("/response/predict/region-without-box", test_predict_region_without_box);
  g_test_add_func ("/response/predict/embedding", test_predict_embedding);
  g_test_add_func ("/response/predict/text-classifier", test_predict_text_classifier);
  g_test_add_func ("/response/predict/language-zh", test_predict_language_zh);
  g_test_add_func ("/response/predict/output-config", test_predict_output_config_fixtures);
  g_test_add_func ("/response/predict/mixed-status", test_predict_mixed_status);
  g_test_add_func ("/response/predict/pythonic-parts", test_predict_pythonic_parts);
  g_test_add_func ("/response/predict/parts-return-wins", test_predict_parts_return_wins);
  g_test_add_func ("/response/predict/text-and-tokens", test_predict_text_and_tokens);
  g_test_add_func ("/response/predict/image", test_predict_image);
  g_test_add_func ("/response/predict/number-forms", test_predict_number_forms);
  g_test_add_func ("/response/predict/outputs-missing", test_predict_outputs_missing);
  g_test_add_func ("/response/predict/failure-with-outputs", test_predict_failure_with_outputs);
  g_test_add_func ("/response/predict/single-input-failure-code",
                   test_predict_single_input_failure_code);
  g_test_add_func ("/response/predict/failure-without-outputs",
                   test_predict_failure_without_outputs);
  g_test_add_func ("/response/predict/throttled-name", test_predict_throttled_name);
  g_test_add_func ("/response/predict/auth", test_predict_auth);
  g_test_add_func ("/response/predict/http-errors-without-json",
                   test_predict_http_errors_without_json);
  g_test_add_func ("/response/predict/http-status-without-code",
                   test_predict_http_status_without_code);
  g_test_add_func ("/response/predict/parse-output", test_predict_parse_output);

  g_test_add_func ("/response/envelope/success", test_envelope_success);
  g_test_add_func ("/response/envelope/allow-failure", test_envelope_allow_failure);
  g_test_add_func ("/response/envelope/code-forms", test_envelope_code_forms);
  g_test_add_func ("/response/envelope/status-from-json", test_envelope_status_from_json);

  g_test_add_func ("/response/models/search", test_models_search);
  g_test_add_func ("/response/models/full", test_model_full);
  g_test_add_func ("/response/models/output-info", test_model_output_info);
  g_test_add_func ("/response/models/versions-list", test_model_versions_list);
  g_test_add_func ("/response/models/version-single", test_model_version_single);
  g_test_add_func ("/response/models/concepts-list", test_concepts_list);
  g_test_add_func ("/response/models/empty-and-errors", test_lists_empty_and_errors);

  g_test_add_func ("/response/spec/pythonic-fixture", test_spec_pythonic_fixture);
  g_test_add_func ("/response/spec/pythonic-in-reply", test_spec_pythonic_in_reply);
  g_test_add_func ("/response/spec/method-choice", test_spec_method_choice);
  g_test_add_func ("/response/spec/pythonic-controls", test_spec_pythonic_controls);
  g_test_add_func ("/response/spec/legacy", test_spec_legacy);
  g_test_add_func ("/response/spec/empty", test_spec_empty);

  g_test_add_func ("/response/robustness/not-json", test_robustness_not_json);
  g_test_add_func ("/response/robustness/no-status", test_robustness_no_status);
  g_test_add_func ("/response/robustness/truncated", test_robustness_truncated);
  g_test_add_func ("/response/robustness/wrong-types", test_robustness_wrong_types);
  g_test_add_func ("/response/robustness/wrong-types-models", test_robustness_wrong_types_models);
  g_test_add_func ("/response/robustness/nesting", test_robustness_nesting);
  g_test_add_func ("/response/robustness/unicode", test_robustness_unicode);
  g_test_add_func ("/response/robustness/numbers", test_robustness_numbers);

  return g_test_run ();
}
