/* test-controls-state.c: which controls a model gets, without widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <gtk/gtk.h>

#include "augur-controls-state.h"
#include "augur-test-server.h"

static const char * const sampling_names[] = {
  "max_tokens", "temperature", "top_p", "top_k", "reasoning_effort",
  "num_beams", "do_sample", "return_full_text", "system_prompt", "prompt_template", NULL,
};

static AugurModelSpec *
load_pythonic_spec (void)
{
  g_autoptr(GBytes) bytes = augur_test_fixture_bytes ("pythonic-method-signatures.model-version.json");
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  AugurModelSpec *spec;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);
  spec = augur_response_spec_from_model_version (json_node_get_object (json_parser_get_root (parser)),
                                                 &error);
  g_assert_no_error (error);
  g_assert_nonnull (spec);
  return spec;
}

static AugurParamSpec *
add_param (AugurModelSpec *spec,
           const char     *name,
           AugurParamType  type,
           const char     *default_json)
{
  AugurParamSpec *param = augur_param_spec_new (name, type);

  param->is_param = TRUE;
  if (default_json != NULL)
    param->default_value = json_from_string (default_json, NULL);
  g_ptr_array_add (spec->params, param);
  return param;
}

static AugurControlState *
get_control (GPtrArray  *controls,
             const char *name)
{
  AugurControlState *state = augur_controls_state_find (controls, name);

  if (state == NULL)
    g_error ("No control named %s", name);
  return state;
}

static guint
count_group (GPtrArray         *controls,
             AugurControlGroup  group)
{
  guint n = 0;

  for (guint i = 0; i < controls->len; i++)
    if (((AugurControlState *) g_ptr_array_index (controls, i))->group == group)
      n++;
  return n;
}

static void
assert_default_number (AugurControlState *state,
                       double             expected)
{
  g_assert_nonnull (state->default_value);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (state->default_value), expected, 1e-9);
}

static void
test_classifier (void)
{
  g_autoptr(GPtrArray) controls = augur_controls_state_for_model ("visual-classifier", NULL);
  AugurControlState *state;

  g_assert_cmpuint (controls->len, ==, 3);
  g_assert_cmpuint (count_group (controls, AUGUR_CONTROL_GROUP_CONCEPTS), ==, 3);
  g_assert_cmpuint (count_group (controls, AUGUR_CONTROL_GROUP_SAMPLING), ==, 0);
  g_assert_null (augur_controls_state_find (controls, "temperature"));

  state = g_ptr_array_index (controls, 0);
  g_assert_cmpstr (state->name, ==, "max_concepts");
  g_assert_cmpint (state->kind, ==, AUGUR_CONTROL_KIND_SPIN_INT);
  g_assert_true (state->declared);
  g_assert_cmpfloat (state->min, ==, 1);
  g_assert_cmpfloat (state->max, ==, 200);
  assert_default_number (state, 20);
  g_assert_cmpstr (state->title, ==, "Maximum concepts");

  state = g_ptr_array_index (controls, 1);
  g_assert_cmpstr (state->name, ==, "min_value");
  g_assert_cmpint (state->kind, ==, AUGUR_CONTROL_KIND_SCALE);
  g_assert_cmpfloat (state->min, ==, 0);
  g_assert_cmpfloat (state->max, ==, 1);
  g_assert_cmpfloat_with_epsilon (state->step, 0.01, 1e-9);
  assert_default_number (state, 0);

  state = g_ptr_array_index (controls, 2);
  g_assert_cmpstr (state->name, ==, "select_concepts");
  g_assert_cmpint (state->kind, ==, AUGUR_CONTROL_KIND_CONCEPT_CHIPS);
  g_assert_true (state->declared);
}

/* A classifier that keeps output_config defaults in output_info.params (contract §3.4). */
static void
test_classifier_params_defaults (void)
{
  g_autoptr(AugurModelSpec) spec = augur_model_spec_new ();
  g_autoptr(GPtrArray) controls = NULL;

  add_param (spec, "max_concepts", AUGUR_PARAM_TYPE_FLOAT, "10.0");
  add_param (spec, "min_value", AUGUR_PARAM_TYPE_FLOAT, "0.0");
  add_param (spec, "select_concepts", AUGUR_PARAM_TYPE_JSON, "[]");
  controls = augur_controls_state_for_model ("text-classifier", spec);

  g_assert_cmpuint (controls->len, ==, 3);
  g_assert_cmpuint (count_group (controls, AUGUR_CONTROL_GROUP_MODEL), ==, 0);
  assert_default_number (get_control (controls, "max_concepts"), 10);
}

static void
test_pythonic (void)
{
  g_autoptr(AugurModelSpec) spec = load_pythonic_spec ();
  g_autoptr(GPtrArray) controls = augur_controls_state_for_model ("text-to-text", spec);
  AugurControlState *state;
  g_autofree char *subtitle = NULL;

  g_assert_cmpuint (count_group (controls, AUGUR_CONTROL_GROUP_CONCEPTS), ==, 0);
  g_assert_cmpuint (count_group (controls, AUGUR_CONTROL_GROUP_SAMPLING), ==, 10);
  /* prompt, chat_history, tools, tool_choice are data arguments, not controls */
  g_assert_cmpuint (count_group (controls, AUGUR_CONTROL_GROUP_MODEL), ==, 0);
  g_assert_cmpuint (controls->len, ==, 10);

  state = g_ptr_array_index (controls, 0);
  g_assert_cmpstr (state->name, ==, "max_tokens");
  g_assert_true (state->declared);
  g_assert_cmpint (state->kind, ==, AUGUR_CONTROL_KIND_SPIN_INT);
  assert_default_number (state, 512);
  g_assert_cmpstr (state->tooltip, ==, "The maximum number of tokens to generate.");

  state = g_ptr_array_index (controls, 1);
  g_assert_cmpstr (state->name, ==, "temperature");
  g_assert_true (state->declared);
  g_assert_cmpint (state->kind, ==, AUGUR_CONTROL_KIND_SPIN_FLOAT);
  assert_default_number (state, 0.7);
  g_assert_cmpstr (state->tooltip, ==, "Sampling temperature (higher = more random).");
  subtitle = augur_control_state_describe_default (state);
  g_assert_cmpstr (subtitle, ==, "Model default (0.7)");
  g_free (subtitle);
  subtitle = augur_control_state_describe_default (get_control (controls, "max_tokens"));
  g_assert_cmpstr (subtitle, ==, "Model default (512)");

  state = g_ptr_array_index (controls, 2);
  g_assert_cmpstr (state->name, ==, "top_p");
  g_assert_true (state->declared);
  g_assert_cmpint (state->kind, ==, AUGUR_CONTROL_KIND_SCALE);
  assert_default_number (state, 0.95);
  g_assert_cmpstr (state->tooltip, ==, "Nucleus sampling threshold.");

  /* The other seven come after, greyed */
  for (guint i = 3; i < controls->len; i++)
    {
      g_autofree char *undeclared = NULL;

      state = g_ptr_array_index (controls, i);
      g_assert_false (state->declared);
      g_assert_true (g_strv_contains (sampling_names, state->name));
      undeclared = augur_control_state_describe_default (state);
      g_assert_cmpstr (undeclared, ==, "This model does not use it");
    }
  g_assert_false (get_control (controls, "top_k")->declared);
  g_assert_false (get_control (controls, "prompt_template")->declared);
}

static void
assert_common_four_declared (GPtrArray *controls)
{
  g_assert_cmpuint (controls->len, ==, 10);
  for (guint i = 0; sampling_names[i] != NULL; i++)
    {
      AugurControlState *state = get_control (controls, sampling_names[i]);
      gboolean common = i < 4;

      g_assert_cmpint (state->declared, ==, common);
      /* Declared ones first, in the usual order */
      g_assert_true (g_ptr_array_index (controls, i) == state);
    }
  g_assert_cmpint (get_control (controls, "top_k")->kind, ==, AUGUR_CONTROL_KIND_SPIN_FLOAT);
  /* The docs send top_k as 0.95: it must fit */
  g_assert_cmpfloat (get_control (controls, "top_k")->min, <=, 0.95);
  g_assert_cmpuint (get_control (controls, "top_k")->digits, >=, 2);
  g_assert_null (get_control (controls, "temperature")->default_value);
}

static void
test_legacy_no_spec (void)
{
  g_autoptr(GPtrArray) controls = augur_controls_state_for_model ("text-to-text", NULL);
  g_autoptr(AugurModelSpec) empty = augur_model_spec_new ();
  g_autoptr(GPtrArray) with_empty = augur_controls_state_for_model ("multimodal-to-text", empty);
  g_autofree char *subtitle = NULL;

  assert_common_four_declared (controls);
  /* A legacy version without params_specs publishes nothing either */
  assert_common_four_declared (with_empty);

  subtitle = augur_control_state_describe_default (get_control (controls, "temperature"));
  g_assert_cmpstr (subtitle, ==, "Model default");
}

/* A spec that declares other params but none of the ten: they are all greyed. */
static void
test_declares_none (void)
{
  g_autoptr(AugurModelSpec) spec = augur_model_spec_new ();
  g_autoptr(GPtrArray) controls = NULL;
  AugurControlState *state;

  add_param (spec, "seed", AUGUR_PARAM_TYPE_INT, "42");
  controls = augur_controls_state_for_model ("text-to-text", spec);

  g_assert_cmpuint (controls->len, ==, 11);
  for (guint i = 0; sampling_names[i] != NULL; i++)
    g_assert_false (get_control (controls, sampling_names[i])->declared);

  state = g_ptr_array_index (controls, 10);
  g_assert_cmpstr (state->name, ==, "seed");
  g_assert_cmpint (state->group, ==, AUGUR_CONTROL_GROUP_MODEL);
  g_assert_cmpint (state->kind, ==, AUGUR_CONTROL_KIND_SPIN_INT);
  g_assert_true (state->declared);
  g_assert_cmpstr (state->title, ==, "Seed");
  assert_default_number (state, 42);
}

static void
test_spec_types (void)
{
  g_autoptr(AugurModelSpec) spec = augur_model_spec_new ();
  g_autoptr(GPtrArray) controls = NULL;
  AugurParamSpec *param;
  AugurControlState *state;

  spec->pythonic = TRUE;
  spec->prompt_arg = g_strdup ("prompt");
  g_ptr_array_add (spec->params, augur_param_spec_new ("prompt", AUGUR_PARAM_TYPE_STRING));

  param = add_param (spec, "reasoning_effort", AUGUR_PARAM_TYPE_ENUM, "\"minimal\"");
  param->enum_options = g_strsplit ("minimal,low", ",", -1);
  param->description = g_strdup ("How hard to think.");

  param = add_param (spec, "top_k", AUGUR_PARAM_TYPE_INT, "50");
  param->has_range = TRUE;
  param->min = 1;
  param->max = 100;
  param->step = 1;

  param = add_param (spec, "temperature", AUGUR_PARAM_TYPE_FLOAT, "0.3");
  param->has_range = TRUE;
  param->min = 0;
  param->max = 1;
  param->step = 0.1;

  param = add_param (spec, "input_type", AUGUR_PARAM_TYPE_STRING, "\"search_query\"");
  param->enum_options = g_strsplit ("search_query,search_document", ",", -1);
  add_param (spec, "stop", AUGUR_PARAM_TYPE_STRING, NULL);
  add_param (spec, "extra", AUGUR_PARAM_TYPE_JSON, "{}");
  add_param (spec, "voice_sample", AUGUR_PARAM_TYPE_OTHER, NULL);
  add_param (spec, "stream_tokens", AUGUR_PARAM_TYPE_BOOL, "true");
  param = add_param (spec, "repetition_penalty", AUGUR_PARAM_TYPE_FLOAT, "1.1");
  param->has_range = TRUE;
  param->min = 1;
  param->max = 2;
  param->step = 0.05;

  controls = augur_controls_state_for_model ("any-to-any", spec);

  state = get_control (controls, "reasoning_effort");
  g_assert_true (state->declared);
  g_assert_cmpint (state->kind, ==, AUGUR_CONTROL_KIND_ENUM);
  g_assert_cmpuint (g_strv_length (state->options), ==, 2);
  g_assert_cmpstr (state->options[0], ==, "minimal");
  g_assert_cmpstr (state->options[1], ==, "low");
  g_assert_cmpstr (json_node_get_string (state->default_value), ==, "minimal");
  g_assert_cmpstr (state->tooltip, ==, "How hard to think.");

  state = get_control (controls, "top_k");
  g_assert_cmpint (state->kind, ==, AUGUR_CONTROL_KIND_SPIN_INT);
  g_assert_cmpfloat (state->min, ==, 1);
  g_assert_cmpfloat (state->max, ==, 100);
  g_assert_cmpuint (state->digits, ==, 0);

  /* A float on 0..1 becomes a scale */
  state = get_control (controls, "temperature");
  g_assert_cmpint (state->kind, ==, AUGUR_CONTROL_KIND_SCALE);
  g_assert_cmpfloat (state->max, ==, 1);
  g_assert_cmpuint (state->digits, >=, 1);

  state = get_control (controls, "input_type");
  g_assert_cmpint (state->group, ==, AUGUR_CONTROL_GROUP_MODEL);
  g_assert_cmpint (state->kind, ==, AUGUR_CONTROL_KIND_ENUM);
  g_assert_cmpstr (state->options[1], ==, "search_document");
  g_assert_cmpstr (state->title, ==, "Input type");

  g_assert_cmpint (get_control (controls, "stop")->kind, ==, AUGUR_CONTROL_KIND_ENTRY);
  g_assert_cmpint (get_control (controls, "extra")->kind, ==, AUGUR_CONTROL_KIND_ENTRY);
  g_assert_cmpint (get_control (controls, "stream_tokens")->kind, ==, AUGUR_CONTROL_KIND_SWITCH);
  g_assert_null (augur_controls_state_find (controls, "voice_sample"));
  g_assert_null (augur_controls_state_find (controls, "prompt"));

  state = get_control (controls, "repetition_penalty");
  g_assert_cmpint (state->kind, ==, AUGUR_CONTROL_KIND_SPIN_FLOAT);
  g_assert_cmpfloat (state->min, ==, 1);
  g_assert_cmpfloat (state->max, ==, 2);
  g_assert_cmpuint (state->digits, ==, 2);

  /* Unknown (non-concept) any-to-any: no concept controls */
  g_assert_null (augur_controls_state_find (controls, "max_concepts"));
}

static void
test_model_types (void)
{
  g_assert_true (augur_model_type_has_concepts ("visual-detector"));
  g_assert_true (augur_model_type_has_concepts ("text-classifier"));
  g_assert_false (augur_model_type_has_concepts ("text-to-text"));
  g_assert_true (augur_model_type_is_generative ("multimodal-to-text"));
  g_assert_false (augur_model_type_is_generative ("visual-classifier"));

  g_assert_true (augur_model_type_takes_text ("text-classifier"));
  g_assert_false (augur_model_type_takes_image ("text-classifier"));
  g_assert_true (augur_model_type_takes_text ("multimodal-to-text"));
  g_assert_true (augur_model_type_takes_image ("multimodal-to-text"));
  g_assert_false (augur_model_type_takes_text ("visual-segmenter"));

  /* Unknown or missing: concepts, image */
  g_assert_true (augur_model_type_has_concepts (NULL));
  g_assert_true (augur_model_type_takes_image (NULL));
  g_assert_false (augur_model_type_is_generative (NULL));
  g_assert_true (augur_model_type_has_concepts ("some-new-type"));
  g_assert_true (augur_model_type_takes_image ("some-new-type"));

  g_assert_cmpstr (augur_model_type_describe ("visual-classifier"), ==, "Image classifier");
  g_assert_cmpstr (augur_model_type_describe ("visual-detector"), ==, "Detector");
  g_assert_cmpstr (augur_model_type_describe ("text-to-text"), ==, "Text generation");
  g_assert_cmpstr (augur_model_type_describe ("text-to-image"), ==, "Text to image");
  g_assert_cmpstr (augur_model_type_describe ("some-new-type"), ==, "some-new-type");
  g_assert_nonnull (augur_model_type_describe (NULL));

  {
    g_autoptr(GPtrArray) unknown = augur_controls_state_for_model (NULL, NULL);
    g_assert_cmpuint (unknown->len, ==, 3);
    g_assert_nonnull (augur_controls_state_find (unknown, "select_concepts"));
  }
}

static JsonNode *
json (const char *text)
{
  JsonNode *node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  return node;
}

static void
test_coerce (void)
{
  g_autoptr(GPtrArray) concepts = augur_controls_state_for_model ("visual-classifier", NULL);
  g_autoptr(GPtrArray) sampling = augur_controls_state_for_model ("text-to-text", NULL);
  AugurControlState *max_concepts = get_control (concepts, "max_concepts");
  AugurControlState *chips = get_control (concepts, "select_concepts");
  AugurControlState *effort = get_control (sampling, "reasoning_effort");
  AugurControlState *sample = get_control (sampling, "do_sample");
  g_autoptr(JsonNode) in = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(JsonNode) initial = NULL;
  JsonArray *array;

  in = json ("500");
  out = augur_control_state_coerce (max_concepts, in);
  g_assert_cmpint (json_node_get_int (out), ==, 200);
  g_clear_pointer (&in, json_node_unref);
  g_clear_pointer (&out, json_node_unref);

  in = json ("\"7\"");
  out = augur_control_state_coerce (max_concepts, in);
  g_assert_cmpint (json_node_get_value_type (out), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (out), ==, 7);
  g_clear_pointer (&in, json_node_unref);
  g_clear_pointer (&out, json_node_unref);

  in = json ("\"yes\"");
  g_assert_null (augur_control_state_coerce (sample, in));
  g_clear_pointer (&in, json_node_unref);

  in = json ("\"extreme\"");
  g_assert_null (augur_control_state_coerce (effort, in));
  g_clear_pointer (&in, json_node_unref);

  in = json ("[{\"id\": \"ai_1\"}, {\"name\": \"train\"}, 3, {\"other\": 1}, {\"name\": \"\"}]");
  out = augur_control_state_coerce (chips, in);
  array = json_node_get_array (out);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "id"),
                   ==, "ai_1");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "name"),
                   ==, "train");

  /* Where an unknown default starts: a typical value, not 0 */
  initial = augur_control_state_dup_initial_value (get_control (sampling, "temperature"));
  g_assert_cmpfloat_with_epsilon (json_node_get_double (initial), 0.7, 1e-9);
}

static void
test_prompt_template (void)
{
  g_assert_null (augur_controls_state_check_prompt_template ("Q: {prompt}\nA:"));
  g_assert_nonnull (augur_controls_state_check_prompt_template ("Q: prompt\nA:"));
  g_assert_nonnull (augur_controls_state_check_prompt_template (""));
  g_assert_nonnull (augur_controls_state_check_prompt_template (NULL));
}

static void
test_secret (void)
{
  g_autoptr(AugurModelSpec) spec = augur_model_spec_new ();
  g_autoptr(GPtrArray) controls = NULL;
  AugurControlState *state;
  g_autofree char *subtitle = NULL;

  add_param (spec, "api_key", AUGUR_PARAM_TYPE_STRING, "\"sk-secret-value\"");
  add_param (spec, "temperature", AUGUR_PARAM_TYPE_FLOAT, "0.5");
  controls = augur_controls_state_for_model ("multimodal-to-text", spec);

  state = get_control (controls, "api_key");
  g_assert_true (augur_control_state_is_secret (state));
  g_assert_false (augur_control_state_is_secret (get_control (controls, "temperature")));
  g_assert_false (augur_control_state_is_secret (get_control (controls, "max_tokens")));
  g_assert_false (augur_control_state_is_secret (get_control (controls, "top_k")));
  subtitle = augur_control_state_describe_default (state);
  g_assert_null (strstr (subtitle, "sk-secret"));
  /* A legacy spec that declares temperature: the other common ones are not assumed */
  g_assert_true (get_control (controls, "temperature")->declared);
  g_assert_false (get_control (controls, "max_tokens")->declared);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ui/controls-state/classifier", test_classifier);
  g_test_add_func ("/ui/controls-state/classifier-params-defaults", test_classifier_params_defaults);
  g_test_add_func ("/ui/controls-state/pythonic-signature", test_pythonic);
  g_test_add_func ("/ui/controls-state/legacy-no-spec", test_legacy_no_spec);
  g_test_add_func ("/ui/controls-state/declares-none", test_declares_none);
  g_test_add_func ("/ui/controls-state/spec-types", test_spec_types);
  g_test_add_func ("/ui/controls-state/model-types", test_model_types);
  g_test_add_func ("/ui/controls-state/coerce", test_coerce);
  g_test_add_func ("/ui/controls-state/prompt-template", test_prompt_template);
  g_test_add_func ("/ui/controls-state/secret", test_secret);

  return g_test_run ();
}
