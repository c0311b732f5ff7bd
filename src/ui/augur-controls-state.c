/* augur-controls-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-controls-state"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "augur-controls-state.h"

/* Model types ------------------------------------------------------------------------------ */

typedef struct
{
  const char *id;
  const char *description;
  gboolean    concepts;
  gboolean    generative;
  gboolean    text;
  gboolean    image;
} ModelTypeInfo;

/* Ids from contract §8.1. Unknown ids are treated as image concept models, the most common
 * kind on Clarifai, so that a new type still gets a usable panel. */
static const ModelTypeInfo model_types[] = {
  { "visual-classifier",    N_("Image classifier"),     TRUE,  FALSE, FALSE, TRUE },
  { "image-classifier",     N_("Image classifier"),     TRUE,  FALSE, FALSE, TRUE },
  { "concept",              N_("Image classifier"),     TRUE,  FALSE, FALSE, TRUE },
  { "visual-detector",      N_("Detector"),             TRUE,  FALSE, FALSE, TRUE },
  { "visual-segmenter",     N_("Segmenter"),            TRUE,  FALSE, FALSE, TRUE },
  { "visual-keypointer",    N_("Keypoint detector"),    TRUE,  FALSE, FALSE, TRUE },
  { "embedding-classifier", N_("Embedding classifier"), TRUE,  FALSE, FALSE, TRUE },
  { "clusterer",            N_("Clusterer"),            TRUE,  FALSE, FALSE, TRUE },
  { "text-classifier",      N_("Text classifier"),      TRUE,  FALSE, TRUE,  FALSE },
  { "visual-embedder",      N_("Image embedder"),       FALSE, FALSE, FALSE, TRUE },
  { "text-embedder",        N_("Text embedder"),        FALSE, FALSE, TRUE,  FALSE },
  { "multimodal-embedder",  N_("Embedder"),             FALSE, FALSE, TRUE,  TRUE },
  { "text-to-text",         N_("Text generation"),      FALSE, TRUE,  TRUE,  FALSE },
  { "image-to-text",        N_("Image to text"),        FALSE, TRUE,  FALSE, TRUE },
  { "multimodal-to-text",   N_("Multimodal to text"),   FALSE, TRUE,  TRUE,  TRUE },
  { "audio-to-text",        N_("Audio to text"),        FALSE, TRUE,  FALSE, FALSE },
  { "any-to-any",           N_("Any to any"),           FALSE, TRUE,  TRUE,  TRUE },
  { "text-to-image",        N_("Text to image"),        FALSE, TRUE,  TRUE,  FALSE },
  { "image-to-image",       N_("Image to image"),       FALSE, FALSE, FALSE, TRUE },
  { "text-to-audio",        N_("Text to speech"),       FALSE, FALSE, TRUE,  FALSE },
  { "rag-prompter",         N_("RAG prompter"),         FALSE, FALSE, TRUE,  FALSE },
  { "mcp",                  N_("Tool server"),          FALSE, FALSE, TRUE,  FALSE },
};

static const ModelTypeInfo unknown_type = { NULL, N_("Model"), TRUE, FALSE, FALSE, TRUE };

static const ModelTypeInfo *
find_model_type (const char *model_type_id)
{
  if (model_type_id == NULL)
    return &unknown_type;
  for (guint i = 0; i < G_N_ELEMENTS (model_types); i++)
    if (g_str_equal (model_types[i].id, model_type_id))
      return &model_types[i];
  return &unknown_type;
}

gboolean
augur_model_type_has_concepts (const char *model_type_id)
{
  return find_model_type (model_type_id)->concepts;
}

gboolean
augur_model_type_is_generative (const char *model_type_id)
{
  return find_model_type (model_type_id)->generative;
}

gboolean
augur_model_type_takes_text (const char *model_type_id)
{
  return find_model_type (model_type_id)->text;
}

gboolean
augur_model_type_takes_image (const char *model_type_id)
{
  return find_model_type (model_type_id)->image;
}

/* An unknown id is shown as it is: it is the best name anyone has for it. */
const char *
augur_model_type_describe (const char *model_type_id)
{
  const ModelTypeInfo *info = find_model_type (model_type_id);

  if (info == &unknown_type && model_type_id != NULL && *model_type_id != '\0')
    return model_type_id;
  return _(info->description);
}

/* Built-in controls -------------------------------------------------------------------------- */

typedef struct
{
  const char       *name;
  const char       *title;
  const char       *tooltip;
  AugurControlKind  kind;
  double            min;
  double            max;
  double            step;
  guint             digits;
  const char       *default_json;  /* the model default, when every model has the same one */
  const char       *typical_json;  /* where the widget starts when the default is unknown */
} ControlInfo;

static const ControlInfo concept_controls[] = {
  { "max_concepts", N_("Maximum concepts"),
    N_("Return at most this many concepts (1–200)"),
    AUGUR_CONTROL_KIND_SPIN_INT, 1, AUGUR_MAX_CONCEPTS_LIMIT, 1, 0, "20", NULL },
  { "min_value", N_("Minimum value"),
    N_("Return only concepts whose value is at least this"),
    AUGUR_CONTROL_KIND_SCALE, 0, 1, 0.01, 2, "0", NULL },
  { "select_concepts", N_("Select concepts"),
    N_("Return only these concepts, matched by exact name or id"),
    AUGUR_CONTROL_KIND_CONCEPT_CHIPS, 0, 0, 0, 0, NULL, NULL },
};

static const char * const reasoning_options[] = { "low", "medium", "high", NULL };

/* Ranges follow the docs (contract §3.4); top_k is fractional because the docs send 0.95. */
static const ControlInfo sampling_controls[] = {
  { AUGUR_PARAM_MAX_TOKENS, N_("Maximum tokens"),
    N_("The most tokens the model may generate"),
    AUGUR_CONTROL_KIND_SPIN_INT, 1, 32768, 1, 0, NULL, "512" },
  { AUGUR_PARAM_TEMPERATURE, N_("Temperature"),
    N_("Higher values give more varied text, lower values more predictable text"),
    AUGUR_CONTROL_KIND_SPIN_FLOAT, 0, 2, 0.05, 2, NULL, "0.7" },
  { AUGUR_PARAM_TOP_P, N_("Top-p"),
    N_("Sample only from the most likely tokens whose probabilities add up to this"),
    AUGUR_CONTROL_KIND_SCALE, 0, 1, 0.01, 2, NULL, "0.95" },
  { AUGUR_PARAM_TOP_K, N_("Top-k"),
    N_("Sample only from this many of the most likely tokens"),
    AUGUR_CONTROL_KIND_SPIN_FLOAT, 0, 1000, 1, 2, NULL, "40" },
  { AUGUR_PARAM_REASONING_EFFORT, N_("Reasoning effort"),
    N_("How much the model reasons before it answers"),
    AUGUR_CONTROL_KIND_ENUM, 0, 0, 0, 0, NULL, "\"medium\"" },
  { AUGUR_PARAM_NUM_BEAMS, N_("Number of beams"),
    N_("How many candidate sequences beam search keeps"),
    AUGUR_CONTROL_KIND_SPIN_INT, 1, 16, 1, 0, NULL, "1" },
  { AUGUR_PARAM_DO_SAMPLE, N_("Sample"),
    N_("Sample the next token instead of always taking the most likely one"),
    AUGUR_CONTROL_KIND_SWITCH, 0, 0, 0, 0, NULL, "true" },
  { AUGUR_PARAM_RETURN_FULL_TEXT, N_("Return full text"),
    N_("Return the prompt together with the generated text"),
    AUGUR_CONTROL_KIND_SWITCH, 0, 0, 0, 0, NULL, "false" },
  { AUGUR_PARAM_SYSTEM_PROMPT, N_("System prompt"),
    N_("Instructions the model reads before your text"),
    AUGUR_CONTROL_KIND_MULTILINE, 0, 0, 0, 0, NULL, "\"\"" },
  { AUGUR_PARAM_PROMPT_TEMPLATE, N_("Prompt template"),
    N_("How your text is wrapped before it is sent; {prompt} marks where it goes"),
    AUGUR_CONTROL_KIND_MULTILINE, 0, 0, 0, 0, NULL, "\"{prompt}\"" },
};

/* Every docs curl sends these, so a model that publishes nothing is assumed to take them. */
static const char * const common_sampling[] = {
  AUGUR_PARAM_MAX_TOKENS, AUGUR_PARAM_TEMPERATURE, AUGUR_PARAM_TOP_P, AUGUR_PARAM_TOP_K, NULL,
};

static const ControlInfo *
find_builtin (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (concept_controls); i++)
    if (g_str_equal (concept_controls[i].name, name))
      return &concept_controls[i];
  for (guint i = 0; i < G_N_ELEMENTS (sampling_controls); i++)
    if (g_str_equal (sampling_controls[i].name, name))
      return &sampling_controls[i];
  return NULL;
}

void
augur_control_state_free (AugurControlState *state)
{
  if (state == NULL)
    return;
  g_free (state->name);
  g_free (state->title);
  g_free (state->tooltip);
  g_clear_pointer (&state->default_value, json_node_unref);
  g_strfreev (state->options);
  g_free (state);
}

static JsonNode *
json_from_text (const char *text)
{
  if (text == NULL)
    return NULL;
  return json_from_string (text, NULL);
}

static AugurControlState *
control_state_from_info (const ControlInfo *info,
                         AugurControlGroup  group)
{
  AugurControlState *state = g_new0 (AugurControlState, 1);

  state->name = g_strdup (info->name);
  state->title = g_strdup (_(info->title));
  state->tooltip = g_strdup (_(info->tooltip));
  state->group = group;
  state->kind = info->kind;
  state->declared = TRUE;
  state->min = info->min;
  state->max = info->max;
  state->step = info->step;
  state->digits = info->digits;
  state->default_value = json_from_text (info->default_json);
  if (info->kind == AUGUR_CONTROL_KIND_ENUM)
    state->options = g_strdupv ((char **) reasoning_options);
  return state;
}

/* Applying the model's spec ------------------------------------------------------------------ */

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
node_is_type (JsonNode *node,
              GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static guint
digits_for_step (double step)
{
  guint digits = 0;

  while (digits < 6 && fabs (step * pow (10, digits) - round (step * pow (10, digits))) > 1e-9)
    digits++;
  return digits;
}

static gboolean
is_unit_range (const AugurParamSpec *param)
{
  return param->has_range && param->min == 0 && param->max == 1;
}

/* The control kind for a spec's type; @fallback is Augur's own kind for a known name, or -1. */
static int
kind_for_param (const AugurParamSpec *param,
                int                   fallback)
{
  switch (param->type)
    {
    case AUGUR_PARAM_TYPE_INT:
      return AUGUR_CONTROL_KIND_SPIN_INT;
    case AUGUR_PARAM_TYPE_FLOAT:
      if (is_unit_range (param))
        return AUGUR_CONTROL_KIND_SCALE;
      /* Legacy specs type every number as FLOAT: keep whole-number controls whole. */
      if (fallback == AUGUR_CONTROL_KIND_SPIN_INT && !param->has_range)
        return AUGUR_CONTROL_KIND_SPIN_INT;
      if (fallback == AUGUR_CONTROL_KIND_SCALE && !param->has_range)
        return AUGUR_CONTROL_KIND_SCALE;
      return AUGUR_CONTROL_KIND_SPIN_FLOAT;
    case AUGUR_PARAM_TYPE_BOOL:
      return AUGUR_CONTROL_KIND_SWITCH;
    case AUGUR_PARAM_TYPE_ENUM:
      if (param->enum_options != NULL && param->enum_options[0] != NULL)
        return AUGUR_CONTROL_KIND_ENUM;
      return AUGUR_CONTROL_KIND_ENTRY;
    case AUGUR_PARAM_TYPE_STRING:
      if (param->enum_options != NULL && param->enum_options[0] != NULL)
        return AUGUR_CONTROL_KIND_ENUM;
      if (fallback == AUGUR_CONTROL_KIND_MULTILINE || fallback == AUGUR_CONTROL_KIND_ENUM)
        return fallback;
      return AUGUR_CONTROL_KIND_ENTRY;
    case AUGUR_PARAM_TYPE_JSON:
      return AUGUR_CONTROL_KIND_ENTRY;
    case AUGUR_PARAM_TYPE_TEXT:
    case AUGUR_PARAM_TYPE_IMAGE:
    case AUGUR_PARAM_TYPE_OTHER:
    default:
      return -1;
    }
}

static void
set_default_range (AugurControlState *state)
{
  switch (state->kind)
    {
    case AUGUR_CONTROL_KIND_SPIN_INT:
      state->min = G_MININT32;
      state->max = G_MAXINT32;
      state->step = 1;
      state->digits = 0;
      break;
    case AUGUR_CONTROL_KIND_SPIN_FLOAT:
      state->min = -1e6;
      state->max = 1e6;
      state->step = 0.1;
      state->digits = 2;
      break;
    case AUGUR_CONTROL_KIND_SCALE:
      state->min = 0;
      state->max = 1;
      state->step = 0.01;
      state->digits = 2;
      break;
    case AUGUR_CONTROL_KIND_SWITCH:
    case AUGUR_CONTROL_KIND_ENUM:
    case AUGUR_CONTROL_KIND_ENTRY:
    case AUGUR_CONTROL_KIND_MULTILINE:
    case AUGUR_CONTROL_KIND_CONCEPT_CHIPS:
    default:
      break;
    }
}

static gboolean
kind_is_numeric (AugurControlKind kind)
{
  return kind == AUGUR_CONTROL_KIND_SPIN_INT ||
         kind == AUGUR_CONTROL_KIND_SPIN_FLOAT ||
         kind == AUGUR_CONTROL_KIND_SCALE;
}

static void
apply_param_range (AugurControlState    *state,
                   const AugurParamSpec *param)
{
  if (!kind_is_numeric (state->kind))
    return;

  if (param->has_range && param->max > param->min)
    {
      state->min = param->min;
      state->max = param->max;
      if (param->step > 0)
        state->step = param->step;
    }
  if (state->kind == AUGUR_CONTROL_KIND_SPIN_INT)
    {
      state->step = MAX (1, round (state->step));
      state->digits = 0;
    }
  else if (param->has_range && param->step > 0)
    {
      state->digits = MAX (state->digits, digits_for_step (param->step));
    }

  /* A default outside the published range would be clamped and look changed. */
  if (node_is_number (state->default_value))
    {
      double value = json_node_get_double (state->default_value);
      state->min = MIN (state->min, value);
      state->max = MAX (state->max, value);
    }
}

/* A default the control cannot show is no default at all. */
static gboolean
default_fits_kind (AugurControlKind  kind,
                   JsonNode         *value)
{
  switch (kind)
    {
    case AUGUR_CONTROL_KIND_SPIN_INT:
    case AUGUR_CONTROL_KIND_SPIN_FLOAT:
    case AUGUR_CONTROL_KIND_SCALE:
      return node_is_number (value);
    case AUGUR_CONTROL_KIND_SWITCH:
      return node_is_type (value, G_TYPE_BOOLEAN);
    case AUGUR_CONTROL_KIND_ENUM:
    case AUGUR_CONTROL_KIND_MULTILINE:
      return node_is_type (value, G_TYPE_STRING);
    case AUGUR_CONTROL_KIND_ENTRY:
      return value != NULL && !JSON_NODE_HOLDS_NULL (value);
    case AUGUR_CONTROL_KIND_CONCEPT_CHIPS:
    default:
      return FALSE;
    }
}

static void
apply_param (AugurControlState    *state,
             const AugurParamSpec *param,
             AugurControlKind      kind)
{
  if (kind != state->kind)
    {
      state->kind = kind;
      set_default_range (state);
    }
  if (param->description != NULL && *param->description != '\0')
    {
      g_free (state->tooltip);
      state->tooltip = g_strdup (param->description);
    }
  if (default_fits_kind (kind, param->default_value))
    {
      g_clear_pointer (&state->default_value, json_node_unref);
      state->default_value = json_node_copy (param->default_value);
    }
  if (kind == AUGUR_CONTROL_KIND_ENUM && param->enum_options != NULL &&
      param->enum_options[0] != NULL)
    {
      g_strfreev (state->options);
      state->options = g_strdupv (param->enum_options);
    }
  apply_param_range (state, param);
}

/* "input_type" -> "Input type": the model's own names are not translatable. */
static char *
title_from_name (const char *name)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (name), "_-.", ' ');
  g_autofree char *first = NULL;
  gunichar c;

  g_strstrip (spaced);
  if (*spaced == '\0')
    return g_strdup (name);
  c = g_utf8_get_char (spaced);
  first = g_ucs4_to_utf8 (&(gunichar) { g_unichar_totitle (c) }, 1, NULL, NULL, NULL);
  return g_strconcat (first, g_utf8_next_char (spaced), NULL);
}

/* Assembling the list ------------------------------------------------------------------------- */

/* A legacy model without params_specs publishes nothing: that is not a "no". */
static gboolean
spec_publishes_nothing (const AugurModelSpec *spec)
{
  return spec == NULL || (!spec->pythonic && augur_model_spec_count_controls (spec) == 0);
}

static const AugurParamSpec *
find_control_param (const AugurModelSpec *spec,
                    const char           *name)
{
  const AugurParamSpec *param = augur_model_spec_find_param (spec, name);

  return param != NULL && param->is_param ? param : NULL;
}

static void
add_concept_controls (GPtrArray            *controls,
                      const AugurModelSpec *spec)
{
  for (guint i = 0; i < G_N_ELEMENTS (concept_controls); i++)
    {
      AugurControlState *state = control_state_from_info (&concept_controls[i],
                                                          AUGUR_CONTROL_GROUP_CONCEPTS);
      const AugurParamSpec *param = find_control_param (spec, state->name);

      /* Some models keep their own output_config defaults in output_info.params (§3.4). */
      if (param != NULL && default_fits_kind (state->kind, param->default_value))
        {
          g_clear_pointer (&state->default_value, json_node_unref);
          state->default_value = json_node_copy (param->default_value);
          apply_param_range (state, param);
        }
      g_ptr_array_add (controls, state);
    }
}

static AugurControlState *
sampling_control (const ControlInfo    *info,
                  const AugurModelSpec *spec)
{
  AugurControlState *state = control_state_from_info (info, AUGUR_CONTROL_GROUP_SAMPLING);
  const AugurParamSpec *param;
  int kind;

  if (spec_publishes_nothing (spec))
    {
      state->declared = g_strv_contains (common_sampling, info->name);
      return state;
    }

  param = find_control_param (spec, info->name);
  kind = param != NULL ? kind_for_param (param, info->kind) : -1;
  state->declared = kind >= 0;
  if (state->declared)
    apply_param (state, param, kind);
  return state;
}

static void
add_sampling_controls (GPtrArray            *controls,
                       const AugurModelSpec *spec)
{
  g_autoptr(GPtrArray) undeclared = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (sampling_controls); i++)
    {
      AugurControlState *state = sampling_control (&sampling_controls[i], spec);

      g_ptr_array_add (state->declared ? controls : undeclared, state);
    }
  g_ptr_array_extend (controls, undeclared, NULL, NULL);
}

static gboolean
is_shown_elsewhere (const char *name,
                    gboolean    concepts,
                    gboolean    sampling)
{
  for (guint i = 0; concepts && i < G_N_ELEMENTS (concept_controls); i++)
    if (g_str_equal (concept_controls[i].name, name))
      return TRUE;
  for (guint i = 0; sampling && i < G_N_ELEMENTS (sampling_controls); i++)
    if (g_str_equal (sampling_controls[i].name, name))
      return TRUE;
  return FALSE;
}

static AugurControlState *
model_control (const AugurParamSpec *param)
{
  AugurControlState *state;
  int kind = kind_for_param (param, -1);

  if (kind < 0)
    return NULL;

  state = g_new0 (AugurControlState, 1);
  state->name = g_strdup (param->name);
  state->group = AUGUR_CONTROL_GROUP_MODEL;
  state->kind = kind;
  state->declared = TRUE;
  /* Known names keep Augur's title and range; the spec still has the last word. */
  if (find_builtin (param->name) != NULL)
    {
      const ControlInfo *info = find_builtin (param->name);

      state->title = g_strdup (_(info->title));
      state->tooltip = g_strdup (_(info->tooltip));
      state->min = info->min;
      state->max = info->max;
      state->step = info->step;
      state->digits = info->digits;
      if (state->kind != info->kind)
        set_default_range (state);
    }
  else
    {
      state->title = title_from_name (param->name);
      state->tooltip = g_strdup (param->name);
      set_default_range (state);
    }
  apply_param (state, param, kind);
  return state;
}

static void
add_model_controls (GPtrArray            *controls,
                    const AugurModelSpec *spec,
                    gboolean              concepts,
                    gboolean              sampling)
{
  if (spec == NULL)
    return;

  for (guint i = 0; i < spec->params->len; i++)
    {
      const AugurParamSpec *param = g_ptr_array_index (spec->params, i);
      AugurControlState *state;

      if (!param->is_param || *param->name == '\0' ||
          g_strcmp0 (param->name, spec->prompt_arg) == 0 ||
          g_strcmp0 (param->name, spec->image_arg) == 0 ||
          is_shown_elsewhere (param->name, concepts, sampling))
        continue;

      state = model_control (param);
      if (state != NULL)
        g_ptr_array_add (controls, state);
    }
}

GPtrArray *
augur_controls_state_for_model (const char           *model_type_id,
                                const AugurModelSpec *spec)
{
  GPtrArray *controls = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_control_state_free);
  gboolean concepts = augur_model_type_has_concepts (model_type_id);
  gboolean sampling = augur_model_type_is_generative (model_type_id);

  if (concepts)
    add_concept_controls (controls, spec);
  if (sampling)
    add_sampling_controls (controls, spec);
  add_model_controls (controls, spec, concepts, sampling);

  return controls;
}

AugurControlState *
augur_controls_state_find (GPtrArray  *controls,
                           const char *name)
{
  g_return_val_if_fail (controls != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < controls->len; i++)
    {
      AugurControlState *state = g_ptr_array_index (controls, i);
      if (g_str_equal (state->name, name))
        return state;
    }
  return NULL;
}

/* Values ------------------------------------------------------------------------------------ */

static gboolean
node_to_double (JsonNode *node,
                double   *out)
{
  if (node_is_number (node))
    {
      *out = json_node_get_double (node);
      return TRUE;
    }
  if (node_is_type (node, G_TYPE_STRING))
    {
      const char *text = json_node_get_string (node);
      char *end = NULL;

      *out = g_ascii_strtod (text, &end);
      return end != text && *end == '\0' && isfinite (*out);
    }
  return FALSE;
}

static double
round_to_digits (double value,
                 guint  digits)
{
  double scale = pow (10, digits);

  return round (value * scale) / scale;
}

static JsonNode *
coerce_number (const AugurControlState *state,
               JsonNode                *value)
{
  double number;

  if (!node_to_double (value, &number))
    return NULL;
  number = CLAMP (number, state->min, state->max);
  if (state->kind == AUGUR_CONTROL_KIND_SPIN_INT)
    return json_node_init_int (json_node_alloc (), (gint64) round (number));
  return json_node_init_double (json_node_alloc (), round_to_digits (number, state->digits));
}

static JsonNode *
coerce_concepts (JsonNode *value)
{
  g_autoptr(JsonArray) out = NULL;
  JsonArray *array;

  if (value == NULL || !JSON_NODE_HOLDS_ARRAY (value))
    return NULL;

  out = json_array_new ();
  array = json_node_get_array (value);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      const char *key = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      if (node_is_type (json_object_get_member (object, "id"), G_TYPE_STRING))
        key = "id";
      else if (node_is_type (json_object_get_member (object, "name"), G_TYPE_STRING))
        key = "name";
      if (key != NULL && *json_object_get_string_member (object, key) != '\0')
        {
          JsonObject *entry = json_object_new ();
          json_object_set_string_member (entry, key, json_object_get_string_member (object, key));
          json_array_add_object_element (out, entry);
        }
    }
  return json_node_init_array (json_node_alloc (), out);
}

/**
 * augur_control_state_coerce:
 * @value: (nullable): a value from a saved file, a test or the command line
 *
 * Returns: (transfer full) (nullable): @value as the control's JSON type, clamped to its
 *   range; %NULL when it cannot be shown by the control
 */
JsonNode *
augur_control_state_coerce (const AugurControlState *state,
                            JsonNode                *value)
{
  g_return_val_if_fail (state != NULL, NULL);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return NULL;

  switch (state->kind)
    {
    case AUGUR_CONTROL_KIND_SPIN_INT:
    case AUGUR_CONTROL_KIND_SPIN_FLOAT:
    case AUGUR_CONTROL_KIND_SCALE:
      return coerce_number (state, value);
    case AUGUR_CONTROL_KIND_SWITCH:
      return node_is_type (value, G_TYPE_BOOLEAN) ? json_node_copy (value) : NULL;
    case AUGUR_CONTROL_KIND_ENUM:
      if (!node_is_type (value, G_TYPE_STRING) || state->options == NULL ||
          !g_strv_contains ((const char * const *) state->options, json_node_get_string (value)))
        return NULL;
      return json_node_copy (value);
    case AUGUR_CONTROL_KIND_ENTRY:
      if (node_is_type (value, G_TYPE_STRING))
        return json_node_copy (value);
      return json_node_init_string (json_node_alloc (), json_to_string (value, FALSE));
    case AUGUR_CONTROL_KIND_MULTILINE:
      return node_is_type (value, G_TYPE_STRING) ? json_node_copy (value) : NULL;
    case AUGUR_CONTROL_KIND_CONCEPT_CHIPS:
      return coerce_concepts (value);
    default:
      return NULL;
    }
}

static JsonNode *
typical_value (const AugurControlState *state)
{
  const ControlInfo *info = find_builtin (state->name);
  g_autoptr(JsonNode) typical = NULL;

  if (info != NULL && info->typical_json != NULL)
    typical = json_from_text (info->typical_json);
  if (typical != NULL)
    {
      JsonNode *coerced = augur_control_state_coerce (state, typical);
      if (coerced != NULL)
        return coerced;
    }

  switch (state->kind)
    {
    case AUGUR_CONTROL_KIND_SPIN_INT:
    case AUGUR_CONTROL_KIND_SPIN_FLOAT:
    case AUGUR_CONTROL_KIND_SCALE:
      {
        g_autoptr(JsonNode) zero = json_node_init_int (json_node_alloc (), 0);
        return augur_control_state_coerce (state, zero);
      }
    case AUGUR_CONTROL_KIND_SWITCH:
      return json_node_init_boolean (json_node_alloc (), FALSE);
    case AUGUR_CONTROL_KIND_ENUM:
      return json_node_init_string (json_node_alloc (),
                                    state->options ? state->options[0] : NULL);
    case AUGUR_CONTROL_KIND_CONCEPT_CHIPS:
      return json_node_init_array (json_node_alloc (), json_array_new ());
    case AUGUR_CONTROL_KIND_ENTRY:
    case AUGUR_CONTROL_KIND_MULTILINE:
    default:
      return json_node_init_string (json_node_alloc (), "");
    }
}

/**
 * augur_control_state_dup_initial_value:
 *
 * Returns: (transfer full): what the widget shows before the user changes it: the model
 *   default when known, else a typical value (never sent unless the user changes it)
 */
JsonNode *
augur_control_state_dup_initial_value (const AugurControlState *state)
{
  JsonNode *value;

  g_return_val_if_fail (state != NULL, NULL);

  value = augur_control_state_coerce (state, state->default_value);
  if (value == NULL)
    value = typical_value (state);
  return value;
}

/* "api_key", "hf_token", "apiKey": the last word names a credential ("max_tokens" does not). */
gboolean
augur_control_state_is_secret (const AugurControlState *state)
{
  static const char * const words[] = {
    "key", "apikey", "token", "secret", "password", "pat", NULL,
  };
  g_autofree char *lower = NULL;
  const char *last;

  g_return_val_if_fail (state != NULL, FALSE);

  lower = g_ascii_strdown (state->name, -1);
  last = strrchr (lower, '_');
  last = last != NULL ? last + 1 : lower;
  if (g_strv_contains (words, last))
    return TRUE;
  /* camelCase: "apiKey", "accessToken" */
  return g_str_has_suffix (lower, "apikey") || g_str_has_suffix (state->name, "Token") ||
         g_str_has_suffix (state->name, "Key") || g_str_has_suffix (state->name, "Secret");
}

static char *
ellipsize (const char *text,
           glong       max_chars)
{
  g_autofree char *line = g_strdup (text);
  char *newline = strchr (line, '\n');

  if (newline != NULL)
    *newline = '\0';
  if (g_utf8_strlen (line, -1) <= max_chars && newline == NULL)
    return g_steal_pointer (&line);
  *g_utf8_offset_to_pointer (line, MIN (max_chars, g_utf8_strlen (line, -1))) = '\0';
  return g_strconcat (line, "…", NULL);
}

/**
 * augur_control_state_format_value:
 *
 * Returns: (transfer full): @value as the user reads it: "0.7", "On", "“auto”"
 */
char *
augur_control_state_format_value (const AugurControlState *state,
                                  JsonNode                *value)
{
  g_return_val_if_fail (state != NULL, NULL);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("");
  if (augur_control_state_is_secret (state))
    return g_strdup ("••••");
  if (node_is_type (value, G_TYPE_BOOLEAN))
    return g_strdup (json_node_get_boolean (value) ? _("On") : _("Off"));
  if (node_is_type (value, G_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
  if (node_is_type (value, G_TYPE_DOUBLE))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g",
                                        json_node_get_double (value)));
    }
  if (node_is_type (value, G_TYPE_STRING))
    {
      const char *text = json_node_get_string (value);
      g_autofree char *shown = NULL;

      if (*text == '\0')
        /* Translators: a model default that is an empty text */
        return g_strdup (_("empty"));
      if (state->kind == AUGUR_CONTROL_KIND_ENUM)
        return g_strdup (text);
      shown = ellipsize (text, 24);
      /* Translators: a quoted text value */
      return g_strdup_printf (_("“%s”"), shown);
    }
  return json_to_string (value, FALSE);
}

/**
 * augur_control_state_describe_default:
 *
 * Returns: (transfer full): the subtitle of an unchanged control: "Model default (0.7)",
 *   "Model default", or "This model does not use it"
 */
char *
augur_control_state_describe_default (const AugurControlState *state)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (state != NULL, NULL);

  if (!state->declared)
    return g_strdup (_("This model does not use it"));
  if (state->kind == AUGUR_CONTROL_KIND_CONCEPT_CHIPS)
    return g_strdup (_("Model default (all concepts)"));
  if (state->default_value == NULL || JSON_NODE_HOLDS_NULL (state->default_value))
    return g_strdup (_("Model default"));

  value = augur_control_state_format_value (state, state->default_value);
  /* Translators: the subtitle of a control the user has not changed; %s is e.g. "0.7" */
  return g_strdup_printf (_("Model default (%s)"), value);
}

/**
 * augur_controls_state_check_prompt_template:
 * @template_text: (nullable)
 *
 * Returns: (nullable): a translated warning when the template has no place for the prompt
 */
const char *
augur_controls_state_check_prompt_template (const char *template_text)
{
  if (template_text != NULL && strstr (template_text, "{prompt}") != NULL)
    return NULL;
  return _("The template has no {prompt}, so your text would not reach the model");
}
