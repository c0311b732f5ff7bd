/* test-request.c: PostModelOutputs bodies, compared with the real bodies in the fixtures,
 * and the settings they are built from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <json-glib/json-glib.h>

#include "augur-error.h"
#include "augur-input.h"
#include "augur-model-spec.h"
#include "augur-request.h"
#include "augur-settings.h"
#include "augur-test-server.h"

#define METRO_NORTH "https://samples.clarifai.com/metro-north.jpg"

/* Helpers ---------------------------------------------------------------------------------- */

static AugurPayload *
load (AugurInput *input)
{
  g_autoptr(GError) error = NULL;
  AugurPayload *payload = augur_input_load (input, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (payload);
  return payload;
}

static GPtrArray *
payloads_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) augur_payload_free);
}

static void
add_input (GPtrArray  *payloads,
           AugurInput *input)
{
  g_ptr_array_add (payloads, load (input));
  g_object_unref (input);
}

static GPtrArray *
image_urls (const char *first,
            ...)
{
  GPtrArray *payloads = payloads_new ();
  va_list args;

  va_start (args, first);
  for (const char *url = first; url != NULL; url = va_arg (args, const char *))
    add_input (payloads, augur_input_new_image_url (url));
  va_end (args);
  return payloads;
}

static GPtrArray *
one_text (const char *text)
{
  GPtrArray *payloads = payloads_new ();

  add_input (payloads, augur_input_new_text (text));
  return payloads;
}

static JsonNode *
parse (const char *json,
       gssize      len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, len, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

/* The fixture as JSON text, without the members Augur puts in the path instead. */
static char *
fixture_body (const char *name)
{
  g_autoptr(GBytes) bytes = augur_test_fixture_bytes (name);
  g_autoptr(JsonNode) root = parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  JsonObject *body = json_node_get_object (root);

  json_object_remove_member (body, "user_app_id");
  json_object_remove_member (body, "model_id");
  json_object_remove_member (body, "version_id");
  return augur_json_to_string (root, FALSE);
}

static char *
build_tree_json (GPtrArray            *payloads,
                 const char * const   *ids,
                 AugurSettings        *settings,
                 const AugurModelSpec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = augur_request_build_predict (payloads, ids, settings, spec, &error);

  g_assert_no_error (error);
  g_assert_nonnull (body);
  return augur_json_to_string (body, TRUE);
}

static GBytes *
build_bytes (GPtrArray            *payloads,
             const char * const   *ids,
             AugurSettings        *settings,
             const AugurModelSpec *spec)
{
  g_autoptr(GError) error = NULL;
  GBytes *body = augur_request_build_predict_bytes (payloads, ids, settings, spec, &error);

  g_assert_no_error (error);
  g_assert_nonnull (body);
  return body;
}

/* Both builders must give exactly @expected_json, structurally. */
static void
assert_bodies (const char           *what,
               GPtrArray            *payloads,
               const char * const   *ids,
               AugurSettings        *settings,
               const AugurModelSpec *spec,
               const char           *expected_json)
{
  g_autofree char *tree = build_tree_json (payloads, ids, settings, spec);
  g_autoptr(GBytes) tree_bytes = g_bytes_new (tree, strlen (tree));
  g_autoptr(GBytes) bytes = build_bytes (payloads, ids, settings, spec);
  g_autofree char *bytes_what = g_strdup_printf ("%s (bytes)", what);

  augur_test_assert_json_equal (what, tree_bytes, expected_json);
  augur_test_assert_json_equal (bytes_what, bytes, expected_json);
}

static void
assert_fixture (const char           *fixture,
                GPtrArray            *payloads,
                AugurSettings        *settings,
                const AugurModelSpec *spec)
{
  g_autofree char *expected = fixture_body (fixture);

  assert_bodies (fixture, payloads, NULL, settings, spec, expected);
}

static void
assert_build_error (GPtrArray            *payloads,
                    AugurSettings        *settings,
                    const AugurModelSpec *spec,
                    gint                  code,
                    const char           *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bytes_error = NULL;
  g_autoptr(JsonNode) body = augur_request_build_predict (payloads, NULL, settings, spec, &error);
  g_autoptr(GBytes) bytes = augur_request_build_predict_bytes (payloads, NULL, settings, spec,
                                                               &bytes_error);

  g_assert_null (body);
  g_assert_error (error, AUGUR_ERROR, code);
  g_assert_null (bytes);
  g_assert_error (bytes_error, AUGUR_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpstr (bytes_error->message, ==, error->message);
}

static void
parse_params (AugurSettings *settings,
              const char    *first,
              ...)
{
  va_list args;

  va_start (args, first);
  for (const char *param = first; param != NULL; param = va_arg (args, const char *))
    {
      g_autoptr(GError) error = NULL;

      augur_settings_parse_param (settings, param, &error);
      g_assert_no_error (error);
    }
  va_end (args);
}

/* The vLLM template's predict method, as in pythonic-method-signatures.model-version.json. */
static AugurModelSpec *
vllm_predict_spec (void)
{
  AugurModelSpec *spec = augur_model_spec_new ();
  AugurParamSpec *param;

  spec->pythonic = TRUE;
  spec->method_name = g_strdup ("predict");
  spec->prompt_arg = g_strdup ("prompt");
  g_ptr_array_add (spec->params, augur_param_spec_new ("prompt", AUGUR_PARAM_TYPE_STRING));
  g_ptr_array_add (spec->params, augur_param_spec_new ("chat_history", AUGUR_PARAM_TYPE_OTHER));
  g_ptr_array_add (spec->params, augur_param_spec_new ("tools", AUGUR_PARAM_TYPE_OTHER));
  g_ptr_array_add (spec->params, augur_param_spec_new ("tool_choice", AUGUR_PARAM_TYPE_STRING));
  param = augur_param_spec_new ("max_tokens", AUGUR_PARAM_TYPE_INT);
  param->is_param = TRUE;
  g_ptr_array_add (spec->params, param);
  param = augur_param_spec_new ("temperature", AUGUR_PARAM_TYPE_FLOAT);
  param->is_param = TRUE;
  g_ptr_array_add (spec->params, param);
  param = augur_param_spec_new ("top_p", AUGUR_PARAM_TYPE_FLOAT);
  param->is_param = TRUE;
  g_ptr_array_add (spec->params, param);
  return spec;
}

static JsonObject *
first_input_data (JsonNode *body)
{
  JsonArray *inputs = json_object_get_array_member (json_node_get_object (body), "inputs");

  return json_object_get_object_member (json_array_get_object_element (inputs, 0), "data");
}

/* Fixtures ------------------------------------------------------------------------------------- */

static void
test_fixture_image_url (void)
{
  g_autoptr(GPtrArray) payloads = image_urls (METRO_NORTH, NULL);
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  assert_fixture ("predict-image-url.request.json", payloads, settings, NULL);
}

static void
test_fixture_image_base64 (void)
{
  g_autoptr(GBytes) fixture = augur_test_fixture_bytes ("predict-image-base64.request.json");
  g_autoptr(JsonNode) root = parse (g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  JsonObject *image = json_object_get_object_member (first_input_data (root), "image");
  const char *base64 = json_object_get_string_member (image, "base64");
  g_autoptr(GPtrArray) payloads = payloads_new ();
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(GBytes) jpeg = NULL;
  AugurPayload *payload;
  guchar *data;
  gsize len;

  data = g_base64_decode (base64, &len);
  jpeg = g_bytes_new_take (data, len);
  add_input (payloads, augur_input_new_bytes (jpeg, "photo.jpg"));
  payload = g_ptr_array_index (payloads, 0);
  g_assert_cmpint (payload->format, ==, AUGUR_IMAGE_FORMAT_JPEG);
  g_assert_cmpuint (payload->width, ==, 40);
  g_assert_cmpuint (payload->height, ==, 40);

  assert_fixture ("predict-image-base64.request.json", payloads, settings, NULL);
}

static void
test_fixture_max_concepts (void)
{
  g_autoptr(GPtrArray) payloads = image_urls (METRO_NORTH, NULL);
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  augur_settings_set_max_concepts (settings, 3);
  assert_fixture ("predict-max-concepts.request.json", payloads, settings, NULL);
}

static void
test_fixture_min_value (void)
{
  g_autoptr(GPtrArray) payloads = image_urls (METRO_NORTH, NULL);
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  augur_settings_set_min_value (settings, 0.95);
  assert_fixture ("predict-min-value.request.json", payloads, settings, NULL);
}

static void
test_fixture_select_concepts (void)
{
  g_autoptr(GPtrArray) payloads = image_urls (METRO_NORTH, NULL);
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  augur_settings_add_select_concept (settings, "train", TRUE);
  augur_settings_add_select_concept (settings, "ai_6kTjGfF6", FALSE);
  augur_settings_add_select_concept (settings, "train", TRUE);
  assert_fixture ("predict-select-concepts.request.json", payloads, settings, NULL);
}

static void
test_fixture_language (void)
{
  g_autoptr(GPtrArray) payloads = image_urls (METRO_NORTH, NULL);
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  augur_settings_set_language (settings, "zh");
  assert_fixture ("predict-language-zh.request.json", payloads, settings, NULL);
}

static void
test_fixture_output_config_combined (void)
{
  g_autoptr(GPtrArray) payloads = image_urls ("https://some-image-url", NULL);
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  augur_settings_set_language (settings, "de");
  augur_settings_set_max_concepts (settings, 3);
  augur_settings_set_min_value (settings, 0.98);
  assert_fixture ("predict-output-config-combined.request.json", payloads, settings, NULL);
}

static void
test_fixture_text_raw (void)
{
  g_autoptr(GPtrArray) payloads = one_text ("I love your product very much");
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  assert_fixture ("predict-text-raw.request.json", payloads, settings, NULL);
}

static void
test_fixture_text_url (void)
{
  g_autoptr(GPtrArray) payloads = payloads_new ();
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  add_input (payloads,
             augur_input_new_text_url ("https://samples.clarifai.com/negative_sentence_12.txt"));
  assert_fixture ("predict-text-url.request.json", payloads, settings, NULL);
}

static void
test_fixture_llm_params (void)
{
  g_autoptr(GPtrArray) payloads = one_text ("I love your product very much");
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  parse_params (settings, "temperature=0.5", "max_tokens=2048", "top_k=0.95", NULL);
  assert_fixture ("llm-inference-params.request.json", payloads, settings, NULL);
}

/* An image payload whose text is set carries the prompt of a multimodal-to-text model. */
static void
test_fixture_multimodal (void)
{
  g_autoptr(GPtrArray) payloads = image_urls (METRO_NORTH, NULL);
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  AugurPayload *payload = g_ptr_array_index (payloads, 0);

  payload->text = g_strdup ("Write a caption for the image");
  parse_params (settings, "temperature=0.5", "max_tokens=2048", "top_p=0.95",
                "api_key=ADD_THIRD_PARTY_KEY_HERE", NULL);
  assert_fixture ("multimodal-to-text.request.json", payloads, settings, NULL);
}

static void
test_fixture_text_embedder (void)
{
  g_autoptr(GPtrArray) payloads = one_text (
    "Give me an exotic yet tasty recipe for some noodle dish");
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  parse_params (settings, "input_type=search_query", NULL);
  assert_fixture ("text-embedder-input-type.request.json", payloads, settings, NULL);
}

static void
test_fixture_batch (void)
{
  g_autoptr(GPtrArray) payloads = image_urls ("https://some-valid-url",
                                              "https://some-invalid-url", NULL);
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  assert_fixture ("predict-batch-two-urls.request.json", payloads, settings, NULL);
}

static void
test_fixture_invalid_url (void)
{
  g_autoptr(GPtrArray) payloads = image_urls ("https://some-invalid-url", NULL);
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  assert_fixture ("predict-invalid-url.request.json", payloads, settings, NULL);
}

static void
test_fixture_detection (void)
{
  g_autoptr(GPtrArray) payloads = image_urls ("https://some-image-url", NULL);
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  assert_fixture ("visual-detection-logo.request.json", payloads, settings, NULL);
}

static void
test_fixture_text_to_image (void)
{
  g_autoptr(GPtrArray) payloads = one_text ("A penguin watching the sunset.");
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  assert_fixture ("text-to-image.request.json", payloads, settings, NULL);
}

static void
test_fixture_generate (void)
{
  g_autoptr(GPtrArray) payloads = one_text ("What is the future of AI?");
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  assert_fixture ("generate-stream.request.json", payloads, settings, NULL);
}

static void
test_fixture_pythonic (void)
{
  g_autoptr(GPtrArray) payloads = one_text ("What is the future of AI?");
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(AugurModelSpec) spec = vllm_predict_spec ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *parts;
  JsonObject *max_tokens;

  parse_params (settings, "max_tokens=100", "temperature=0.7", NULL);
  assert_fixture ("pythonic-predict.request.json", payloads, settings, spec);

  /* int64 goes as a JSON string, as proto3 JSON wants. */
  body = augur_request_build_predict (payloads, NULL, settings, spec, &error);
  g_assert_no_error (error);
  parts = json_object_get_array_member (first_input_data (body), "parts");
  max_tokens = json_object_get_object_member (json_array_get_object_element (parts, 1), "data");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (max_tokens, "int_value")),
                   ==, G_TYPE_STRING);
  g_assert_null (json_object_get_member (json_node_get_object (body), "model"));
}

/* Bodies ------------------------------------------------------------------------------------- */

static void
test_ids (void)
{
  g_autoptr(GPtrArray) payloads = image_urls ("https://a.example/1.jpg", "https://a.example/2.jpg",
                                              "https://a.example/3.jpg", NULL);
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  const char * const ids[] = { "first", "", NULL };

  assert_bodies ("ids", payloads, ids, settings, NULL,
                 "{\"inputs\":["
                 "{\"id\":\"first\",\"data\":{\"image\":{\"url\":\"https://a.example/1.jpg\"}}},"
                 "{\"data\":{\"image\":{\"url\":\"https://a.example/2.jpg\"}}},"
                 "{\"data\":{\"image\":{\"url\":\"https://a.example/3.jpg\"}}}]}");
}

static void
test_model_member (void)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(AugurModelSpec) spec = vllm_predict_spec ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) none = NULL;
  g_autoptr(JsonNode) pythonic = NULL;
  g_autofree char *json = NULL;

  none = augur_request_build_model (settings, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* Pythonic params go as parts, but the concept controls stay in output_config. */
  augur_settings_set_param_double (settings, "temperature", 0.5);
  augur_settings_set_max_concepts (settings, 5);
  pythonic = augur_request_build_model (settings, spec, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pythonic);
  json = augur_json_to_string (pythonic, FALSE);
  g_assert_cmpstr (json, ==, "{\"output_info\":{\"output_config\":{\"max_concepts\":5}}}");
}

static GPtrArray *
tricky_payloads (void)
{
  static const guint8 gif[] = {
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xff, 0xff,
    0xff, 0x00, 0x00, 0x00, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00,
    0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
  };
  g_autoptr(GBytes) image = g_bytes_new_static (gif, sizeof gif);
  g_autoptr(AugurInput) prompted = augur_input_new_image_url ("https://example.com/b.jpg");
  GPtrArray *payloads = payloads_new ();
  AugurPayload *with_prompt;

  add_input (payloads, augur_input_new_text ("He said \"hi\" \\ then\nleft\r\t\b\f\x01\x1f "
                                             "\xe2\x80\xa8 \xf0\x9f\x90\xa7 é / </script>"));
  add_input (payloads, augur_input_new_bytes (image, NULL));
  add_input (payloads, augur_input_new_image_url ("https://example.com/a.jpg?q=\"x\"&y=\\"));
  add_input (payloads, augur_input_new_text_url ("https://example.com/t.txt"));
  with_prompt = load (prompted);
  with_prompt->text = g_strdup ("Caption \"this\"\n\xe2\x80\xa9");
  g_ptr_array_add (payloads, with_prompt);
  return payloads;
}

static void
test_bytes_equal_tree (void)
{
  g_autoptr(GPtrArray) payloads = tricky_payloads ();
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  const char * const ids[] = { "a\"b", "c\\d", "e\nf", "\xe2\x80\xa8", "\xf0\x9f\x90\xa7", NULL };
  g_autofree char *tree = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  AugurPayload *text = g_ptr_array_index (payloads, 0);

  augur_settings_set_max_concepts (settings, 7);
  augur_settings_set_min_value (settings, 0.25);
  augur_settings_add_select_concept (settings, "qu\"ote", TRUE);
  augur_settings_set_param_string (settings, "system_prompt", "Be \"nice\"\n\\");
  augur_settings_set_param_double (settings, "temperature", 0.7);

  tree = build_tree_json (payloads, ids, settings, NULL);
  assert_bodies ("escapes", payloads, ids, settings, NULL, tree);

  /* And the text survives the trip byte for byte. */
  bytes = build_bytes (payloads, ids, settings, NULL);
  parsed = parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (first_input_data (parsed), "text"), "raw"),
                   ==, text->text);
}

static void
test_bytes_equal_tree_pythonic (void)
{
  g_autoptr(GPtrArray) payloads = payloads_new ();
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(AugurModelSpec) spec = vllm_predict_spec ();
  g_autofree char *tree = NULL;
  const char * const ids[] = { "x", NULL };

  add_input (payloads, augur_input_new_text ("Line one\nline \"two\" \xf0\x9f\x90\xa7"));
  add_input (payloads, augur_input_new_text ("Second"));
  parse_params (settings, "temperature=0.25", "tool_choice=\"auto\"", "max_tokens=64", NULL);
  augur_settings_set_language (settings, "fr");

  tree = build_tree_json (payloads, ids, settings, spec);
  assert_bodies ("pythonic escapes", payloads, ids, settings, spec, tree);
}

/* Params typed by the spec --------------------------------------------------------------------- */

static AugurModelSpec *
legacy_spec (void)
{
  AugurModelSpec *spec = augur_model_spec_new ();
  const struct { const char *name; AugurParamType type; } params[] = {
    { "max_tokens", AUGUR_PARAM_TYPE_INT },
    { "temperature", AUGUR_PARAM_TYPE_FLOAT },
    { "do_sample", AUGUR_PARAM_TYPE_BOOL },
    { "seed", AUGUR_PARAM_TYPE_INT },
    { "input_type", AUGUR_PARAM_TYPE_STRING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      AugurParamSpec *param = augur_param_spec_new (params[i].name, params[i].type);

      param->is_param = TRUE;
      g_ptr_array_add (spec->params, param);
    }
  return spec;
}

static JsonObject *
legacy_params (JsonNode *model)
{
  JsonObject *version = json_object_get_object_member (json_node_get_object (model),
                                                       "model_version");

  return json_object_get_object_member (json_object_get_object_member (version, "output_info"),
                                        "params");
}

static void
test_params_typed_legacy (void)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(AugurModelSpec) spec = legacy_spec ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) model = NULL;
  JsonObject *params;

  augur_settings_set_param_double (settings, "max_tokens", 2048.0);
  augur_settings_set_param_int (settings, "temperature", 1);
  augur_settings_set_param_string (settings, "do_sample", "true");
  augur_settings_set_param_int (settings, "input_type", 3);
  augur_settings_set_param_double (settings, "top_k", 0.95);
  parse_params (settings, "extra={\"a\":[1,2]}", NULL);

  model = augur_request_build_model (settings, spec, &error);
  g_assert_no_error (error);
  params = legacy_params (model);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (params, "max_tokens")), ==,
                   G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (params, "max_tokens"), ==, 2048);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (params, "temperature")), ==,
                   G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_object_get_double_member (params, "temperature"), ==, 1.0);
  g_assert_true (json_object_get_boolean_member (params, "do_sample"));
  g_assert_cmpstr (json_object_get_string_member (params, "input_type"), ==, "3");
  /* Undeclared params keep the user's JSON. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (params, "top_k"), 0.95, 1e-9);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (params, "extra")));

  /* Without a spec, values go as the user gave them. */
  g_clear_pointer (&model, json_node_unref);
  model = augur_request_build_model (settings, NULL, &error);
  g_assert_no_error (error);
  params = legacy_params (model);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (params, "temperature")), ==,
                   G_TYPE_INT64);
  g_assert_cmpstr (json_object_get_string_member (params, "do_sample"), ==, "true");
}

static void
test_params_wrong_type (void)
{
  g_autoptr(GPtrArray) payloads = one_text ("hello");
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(AugurModelSpec) spec = legacy_spec ();

  augur_settings_set_param_string (settings, "seed", "lucky");
  assert_build_error (payloads, settings, spec, AUGUR_ERROR_INVALID_ARGUMENT,
                      "“seed” must be a whole number");
  augur_settings_set_param_double (settings, "seed", 1.5);
  assert_build_error (payloads, settings, spec, AUGUR_ERROR_INVALID_ARGUMENT,
                      "“seed” must be a whole number");
}

static AugurModelSpec *
multimodal_pythonic_spec (void)
{
  AugurModelSpec *spec = augur_model_spec_new ();
  const struct { const char *name; AugurParamType type; } params[] = {
    { "prompt", AUGUR_PARAM_TYPE_TEXT },
    { "image", AUGUR_PARAM_TYPE_IMAGE },
    { "stream_tokens", AUGUR_PARAM_TYPE_BOOL },
    { "options", AUGUR_PARAM_TYPE_JSON },
    { "stops", AUGUR_PARAM_TYPE_JSON },
    { "style", AUGUR_PARAM_TYPE_ENUM },
  };

  spec->pythonic = TRUE;
  spec->method_name = g_strdup ("generate");
  spec->prompt_arg = g_strdup ("prompt");
  spec->image_arg = g_strdup ("image");
  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      AugurParamSpec *param = augur_param_spec_new (params[i].name, params[i].type);

      if (params[i].type == AUGUR_PARAM_TYPE_ENUM)
        param->enum_options = g_strsplit ("short,long", ",", -1);
      g_ptr_array_add (spec->params, param);
    }
  return spec;
}

static void
test_pythonic_image_and_params (void)
{
  g_autoptr(GPtrArray) payloads = image_urls (METRO_NORTH, NULL);
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(AugurModelSpec) spec = multimodal_pythonic_spec ();
  AugurPayload *payload = g_ptr_array_index (payloads, 0);

  payload->text = g_strdup ("Describe it");
  parse_params (settings, "stream_tokens=1", "options={\"n\":2}", "stops=[\"a\",\"b\"]",
                "style=short", NULL);

  assert_bodies ("pythonic multimodal", payloads, NULL, settings, spec,
                 "{\"inputs\":[{\"data\":{"
                 "\"metadata\":{\"_method_name\":\"generate\"},"
                 "\"parts\":["
                 "{\"id\":\"prompt\",\"data\":{\"text\":{\"raw\":\"Describe it\"}}},"
                 "{\"id\":\"image\",\"data\":{\"image\":{\"url\":\"" METRO_NORTH "\"}}},"
                 "{\"id\":\"stream_tokens\",\"data\":{\"bool_value\":true}},"
                 "{\"id\":\"options\",\"data\":{\"struct_value\":{\"n\":2}}},"
                 "{\"id\":\"stops\",\"data\":{\"struct_value\":{\"_list\":[\"a\",\"b\"]}}},"
                 "{\"id\":\"style\",\"data\":{\"string_value\":\"short\"}}"
                 "]}}]}");

  augur_settings_set_param_string (settings, "style", "medium");
  assert_build_error (payloads, settings, spec, AUGUR_ERROR_INVALID_ARGUMENT,
                      "“style” must be one of: short, long");
}

static void
test_pythonic_undeclared_param (void)
{
  g_autoptr(GPtrArray) payloads = one_text ("hello");
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(AugurModelSpec) spec = vllm_predict_spec ();

  parse_params (settings, "temperature=0.2", "top_z=3", NULL);
  assert_build_error (payloads, settings, spec, AUGUR_ERROR_INVALID_ARGUMENT,
                      "This model does not take a parameter named “top_z”");

  augur_settings_set_param (settings, "top_z", NULL);
  augur_settings_set_param_string (settings, "prompt", "sneaky");
  assert_build_error (payloads, settings, spec, AUGUR_ERROR_INVALID_ARGUMENT,
                      "This model does not take a parameter named “prompt”");
}

static void
test_pythonic_wrong_input (void)
{
  g_autoptr(GPtrArray) images = image_urls (METRO_NORTH, NULL);
  g_autoptr(GPtrArray) texts = one_text ("hello");
  g_autoptr(GPtrArray) text_urls = payloads_new ();
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(AugurModelSpec) text_only = vllm_predict_spec ();
  g_autoptr(AugurModelSpec) image_only = augur_model_spec_new ();

  image_only->pythonic = TRUE;
  image_only->image_arg = g_strdup ("image");
  g_ptr_array_add (image_only->params, augur_param_spec_new ("image", AUGUR_PARAM_TYPE_IMAGE));
  add_input (text_urls, augur_input_new_text_url ("https://example.com/a.txt"));

  assert_build_error (images, settings, text_only, AUGUR_ERROR_BAD_INPUT,
                      "This model does not take images");
  assert_build_error (texts, settings, image_only, AUGUR_ERROR_BAD_INPUT,
                      "This model does not take text");
  assert_build_error (text_urls, settings, text_only, AUGUR_ERROR_BAD_INPUT, NULL);
}

static void
test_nothing_to_send (void)
{
  g_autoptr(GPtrArray) payloads = payloads_new ();
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  assert_build_error (payloads, settings, NULL, AUGUR_ERROR_BAD_INPUT, NULL);
}

/* Settings ------------------------------------------------------------------------------------- */

static void
assert_invalid (AugurSettings *settings,
                const char    *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payloads = one_text ("hello");

  g_assert_false (augur_settings_validate (settings, &error));
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, message);
  /* A body is never built from settings that do not validate. */
  assert_build_error (payloads, settings, NULL, AUGUR_ERROR_INVALID_ARGUMENT, message);
}

static void
assert_param_invalid (const char *param,
                      const char *message)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  parse_params (settings, param, NULL);
  assert_invalid (settings, message);
}

static void
assert_param_valid (const char *param)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(GError) error = NULL;

  parse_params (settings, param, NULL);
  g_assert_true (augur_settings_validate (settings, &error));
  g_assert_no_error (error);
}

static void
test_settings_validate (void)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (augur_settings_validate (settings, &error));
  g_assert_no_error (error);

  augur_settings_set_max_concepts (settings, 201);
  assert_invalid (settings, "Max concepts must be between 1 and 200");
  augur_settings_set_max_concepts (settings, 200);
  augur_settings_set_min_value (settings, 1.5);
  assert_invalid (settings, "Minimum value must be between 0 and 1");
  augur_settings_set_min_value (settings, 1);
  g_assert_true (augur_settings_validate (settings, NULL));

  assert_param_invalid ("temperature=-0.1", "Temperature must be a number of 0 or more");
  assert_param_invalid ("temperature=hot", "Temperature must be a number of 0 or more");
  assert_param_invalid ("top_p=1.5", "Top P must be a number between 0 and 1");
  assert_param_invalid ("top_k=-1", "Top K must be a number of 0 or more");
  assert_param_invalid ("max_tokens=0", "Max tokens must be a whole number of 1 or more");
  assert_param_invalid ("max_tokens=10.5", "Max tokens must be a whole number of 1 or more");
  assert_param_invalid ("num_beams=many", "Number of beams must be a whole number of 1 or more");
  assert_param_invalid ("reasoning_effort=extreme", "Reasoning effort must be low, medium or high");
  assert_param_invalid ("prompt_template=Answer this",
                        "The prompt template must contain {prompt}, where your text goes");
  assert_param_invalid ("do_sample=maybe", "Do sample must be true or false");
  assert_param_invalid ("return_full_text=2", "Return full text must be true or false");

  assert_param_valid ("temperature=0");
  assert_param_valid ("temperature=1.7");
  assert_param_valid ("top_k=0.95");
  assert_param_valid ("top_p=1");
  assert_param_valid ("max_tokens=2048");
  assert_param_valid ("num_beams=4");
  assert_param_valid ("reasoning_effort=medium");
  assert_param_valid ("prompt_template=<s>{prompt}</s>");
  assert_param_valid ("do_sample=false");
  assert_param_valid ("system_prompt=42");
  assert_param_valid ("unknown_knob=-5");
}

static void
assert_parsed (const char *key_equals_value,
               const char *name,
               const char *expected_json)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autofree char *json = NULL;
  JsonNode *value;

  parse_params (settings, key_equals_value, NULL);
  value = augur_settings_get_param (settings, name);
  g_assert_nonnull (value);
  json = augur_json_to_string (value, FALSE);
  g_assert_cmpstr (json, ==, expected_json);
}

static void
test_settings_parse_param (void)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(GError) error = NULL;

  assert_parsed ("temperature=0.5", "temperature", "0.5");
  assert_parsed ("max_tokens=2048", "max_tokens", "2048");
  assert_parsed ("do_sample=true", "do_sample", "true");
  assert_parsed ("x=\"a b\"", "x", "\"a b\"");
  assert_parsed ("x=a b", "x", "\"a b\"");
  assert_parsed (" input_type =search_query", "input_type", "\"search_query\"");
  assert_parsed ("stops=[\"a\",1]", "stops", "[\"a\",1]");
  assert_parsed ("opts={\"k\":null}", "opts", "{\"k\":null}");
  assert_parsed ("expr=a=b", "expr", "\"a=b\"");
  assert_parsed ("empty=", "empty", "\"\"");
  /* Text params stay text even when they look like JSON. */
  assert_parsed ("system_prompt=true", "system_prompt", "\"true\"");

  g_assert_false (augur_settings_parse_param (settings, "=5", &error));
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (augur_settings_parse_param (settings, "temperature", &error));
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "NAME=VALUE"));
}

static void
test_settings_params_order (void)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) after_removal = NULL;

  augur_settings_set_param_int (settings, "b", 1);
  augur_settings_set_param_int (settings, "a", 2);
  augur_settings_set_param_int (settings, "c", 3);
  augur_settings_set_param_int (settings, "b", 4);
  names = augur_settings_list_params (settings);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "b");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "a");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "c");
  g_assert_cmpint (json_node_get_int (augur_settings_get_param (settings, "b")), ==, 4);

  augur_settings_set_param (settings, "a", NULL);
  after_removal = augur_settings_list_params (settings);
  g_assert_cmpuint (after_removal->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (after_removal, 1), ==, "c");
  g_assert_null (augur_settings_get_param (settings, "a"));
}

static void
test_settings_output_config (void)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  GPtrArray *concepts;

  g_assert_false (augur_settings_has_output_config (settings));
  g_assert_cmpfloat (augur_settings_get_min_value (settings), <, 0);
  augur_settings_set_min_value (settings, 0);
  g_assert_true (augur_settings_has_output_config (settings));
  augur_settings_set_min_value (settings, -3);
  g_assert_false (augur_settings_has_output_config (settings));
  augur_settings_set_language (settings, "");
  g_assert_null (augur_settings_get_language (settings));
  g_assert_false (augur_settings_has_output_config (settings));

  augur_settings_add_select_concept (settings, "dog", TRUE);
  augur_settings_add_select_concept (settings, "dog", FALSE);
  augur_settings_add_select_concept (settings, "dog", TRUE);
  concepts = augur_settings_get_select_concepts (settings);
  g_assert_cmpuint (concepts->len, ==, 2);
  g_assert_true (((AugurSelectConcept *) g_ptr_array_index (concepts, 0))->by_name);
  g_assert_false (((AugurSelectConcept *) g_ptr_array_index (concepts, 1))->by_name);
  g_assert_true (augur_settings_has_output_config (settings));
  augur_settings_clear_select_concepts (settings);
  g_assert_false (augur_settings_has_output_config (settings));
}

static void
test_settings_key (void)
{
  g_autoptr(AugurSettings) a = augur_settings_new ();
  g_autoptr(AugurSettings) b = augur_settings_new ();
  g_autoptr(AugurSettings) copy = NULL;
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  g_autofree char *key_copy = NULL;
  g_autofree char *key_changed = NULL;

  parse_params (a, "temperature=0.5", "opts={\"x\":1,\"y\":[2,{\"b\":1,\"a\":2}]}", NULL);
  augur_settings_add_select_concept (a, "cat", TRUE);
  augur_settings_add_select_concept (a, "ai_1", FALSE);
  augur_settings_set_max_concepts (a, 10);

  augur_settings_set_max_concepts (b, 10);
  augur_settings_add_select_concept (b, "ai_1", FALSE);
  augur_settings_add_select_concept (b, "cat", TRUE);
  parse_params (b, "opts={\"y\":[2,{\"a\":2,\"b\":1}],\"x\":1}", "temperature=0.5", NULL);

  key_a = augur_settings_to_key (a);
  key_b = augur_settings_to_key (b);
  g_assert_cmpstr (key_a, ==, key_b);

  copy = augur_settings_copy (a);
  key_copy = augur_settings_to_key (copy);
  g_assert_cmpstr (key_copy, ==, key_a);

  /* The copy is independent, and every setting changes the key. */
  augur_settings_set_language (copy, "zh");
  key_changed = augur_settings_to_key (copy);
  g_assert_cmpstr (key_changed, !=, key_a);
  g_assert_null (augur_settings_get_language (a));
}

static void
test_settings_boxed (void)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  AugurSettings *copy;

  augur_settings_set_max_concepts (settings, 4);
  copy = g_boxed_copy (AUGUR_TYPE_SETTINGS, settings);
  g_assert_cmpuint (augur_settings_get_max_concepts (copy), ==, 4);
  g_boxed_free (AUGUR_TYPE_SETTINGS, copy);
  augur_settings_unref (augur_settings_ref (settings));
  g_assert_cmpuint (augur_settings_get_max_concepts (settings), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/request/fixture/predict-image-url", test_fixture_image_url);
  g_test_add_func ("/request/fixture/predict-image-base64", test_fixture_image_base64);
  g_test_add_func ("/request/fixture/predict-max-concepts", test_fixture_max_concepts);
  g_test_add_func ("/request/fixture/predict-min-value", test_fixture_min_value);
  g_test_add_func ("/request/fixture/predict-select-concepts", test_fixture_select_concepts);
  g_test_add_func ("/request/fixture/predict-language-zh", test_fixture_language);
  g_test_add_func ("/request/fixture/predict-output-config-combined",
                   test_fixture_output_config_combined);
  g_test_add_func ("/request/fixture/predict-text-raw", test_fixture_text_raw);
  g_test_add_func ("/request/fixture/predict-text-url", test_fixture_text_url);
  g_test_add_func ("/request/fixture/llm-inference-params", test_fixture_llm_params);
  g_test_add_func ("/request/fixture/multimodal-to-text", test_fixture_multimodal);
  g_test_add_func ("/request/fixture/text-embedder-input-type", test_fixture_text_embedder);
  g_test_add_func ("/request/fixture/predict-batch-two-urls", test_fixture_batch);
  g_test_add_func ("/request/fixture/predict-invalid-url", test_fixture_invalid_url);
  g_test_add_func ("/request/fixture/visual-detection-logo", test_fixture_detection);
  g_test_add_func ("/request/fixture/text-to-image", test_fixture_text_to_image);
  g_test_add_func ("/request/fixture/generate-stream", test_fixture_generate);
  g_test_add_func ("/request/fixture/pythonic-predict", test_fixture_pythonic);
  g_test_add_func ("/request/body/ids", test_ids);
  g_test_add_func ("/request/body/model-member", test_model_member);
  g_test_add_func ("/request/body/bytes-equal-tree", test_bytes_equal_tree);
  g_test_add_func ("/request/body/bytes-equal-tree-pythonic", test_bytes_equal_tree_pythonic);
  g_test_add_func ("/request/body/nothing-to-send", test_nothing_to_send);
  g_test_add_func ("/request/params/typed-legacy", test_params_typed_legacy);
  g_test_add_func ("/request/params/wrong-type", test_params_wrong_type);
  g_test_add_func ("/request/pythonic/image-and-params", test_pythonic_image_and_params);
  g_test_add_func ("/request/pythonic/undeclared-param", test_pythonic_undeclared_param);
  g_test_add_func ("/request/pythonic/wrong-input", test_pythonic_wrong_input);
  g_test_add_func ("/request/settings/validate", test_settings_validate);
  g_test_add_func ("/request/settings/parse-param", test_settings_parse_param);
  g_test_add_func ("/request/settings/params-order", test_settings_params_order);
  g_test_add_func ("/request/settings/output-config", test_settings_output_config);
  g_test_add_func ("/request/settings/key", test_settings_key);
  g_test_add_func ("/request/settings/boxed", test_settings_boxed);

  return g_test_run ();
}
