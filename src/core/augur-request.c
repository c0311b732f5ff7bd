/* augur-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-request"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "augur-error.h"
#include "augur-input.h"
#include "augur-model-spec.h"
#include "augur-request.h"
#include "augur-settings.h"

#define DEFAULT_METHOD_NAME "predict"

/* One piece of an input's data, e.g. image.base64, text.raw or string_value. Both the tree
 * and the byte writers emit the same list, so the two bodies cannot drift apart. */
typedef struct
{
  const char *part_id;  /* (nullable): pythonic part this goes in; NULL puts it in data */
  const char *outer;    /* (nullable): "image" or "text"; NULL for a scalar like string_value */
  const char *inner;    /* "base64", "url", "raw" or "string_value" */
  const char *value;
} WireField;

#define MAX_WIRE_FIELDS 2

static gboolean
is_pythonic (const AugurModelSpec *spec)
{
  return spec != NULL && spec->pythonic;
}

/* Param values typed by the spec ------------------------------------------------------------- */

static void
set_wrong_type_error (const char  *name,
                      const char  *expected,
                      GError     **error)
{
  g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
               /* Translators: "“max_tokens” must be a whole number" */
               _("“%s” must be %s"), name, expected);
}

static gboolean
value_to_int (JsonNode *value,
              gint64   *out)
{
  GType type = json_node_get_value_type (value);

  if (type == G_TYPE_INT64)
    *out = json_node_get_int (value);
  else if (type == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (value);
      if (d != floor (d) || fabs (d) > 9007199254740992.0)
        return FALSE;
      *out = (gint64) d;
    }
  else if (type == G_TYPE_STRING)
    return g_ascii_string_to_signed (json_node_get_string (value), 10, G_MININT64, G_MAXINT64,
                                     out, NULL);
  else
    return FALSE;
  return TRUE;
}

static gboolean
value_to_double (JsonNode *value,
                 double   *out)
{
  GType type = json_node_get_value_type (value);

  if (type == G_TYPE_INT64)
    *out = json_node_get_int (value);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (value);
  else if (type == G_TYPE_STRING)
    {
      const char *str = json_node_get_string (value);
      char *end = NULL;

      if (*str == '\0')
        return FALSE;
      *out = g_ascii_strtod (str, &end);
      if (*end != '\0')
        return FALSE;
    }
  else
    return FALSE;
  return isfinite (*out);
}

static gboolean
value_to_boolean (JsonNode *value,
                  gboolean *out)
{
  GType type = json_node_get_value_type (value);

  if (type == G_TYPE_BOOLEAN)
    *out = json_node_get_boolean (value);
  else if (type == G_TYPE_INT64 && (json_node_get_int (value) & ~1) == 0)
    *out = json_node_get_int (value) != 0;
  else if (type == G_TYPE_STRING && g_ascii_strcasecmp (json_node_get_string (value), "true") == 0)
    *out = TRUE;
  else if (type == G_TYPE_STRING && g_ascii_strcasecmp (json_node_get_string (value), "false") == 0)
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* The shortest text that reads back as @d. */
static char *
double_to_text (double d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }
  return g_strdup (buf);
}

static char *
value_to_text (JsonNode *value)
{
  GType type = json_node_get_value_type (value);

  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
  if (type == G_TYPE_DOUBLE)
    return double_to_text (json_node_get_double (value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (value) ? "true" : "false");
  return NULL;
}

static char *
text_for_param (const AugurParamSpec  *param,
                JsonNode              *value,
                GError               **error)
{
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_VALUE (value))
    text = value_to_text (value);
  if (text == NULL)
    {
      set_wrong_type_error (param->name, _("text"), error);
      return NULL;
    }
  if (param->type == AUGUR_PARAM_TYPE_ENUM && param->enum_options != NULL
      && param->enum_options[0] != NULL
      && !g_strv_contains ((const char * const *) param->enum_options, text))
    {
      g_autofree char *options = g_strjoinv (", ", param->enum_options);

      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                   /* Translators: "“reasoning_effort” must be one of: low, medium, high" */
                   _("“%s” must be one of: %s"), param->name, options);
      return NULL;
    }
  return g_steal_pointer (&text);
}

/**
 * coerce_param:
 * @value: a set, non-null value
 *
 * Returns: (transfer full): @value as the JSON type @param declares
 */
static JsonNode *
coerce_param (const AugurParamSpec  *param,
              JsonNode              *value,
              GError               **error)
{
  gboolean is_scalar = JSON_NODE_HOLDS_VALUE (value);
  gint64 i;
  double d;
  gboolean b;

  switch (param->type)
    {
    case AUGUR_PARAM_TYPE_INT:
      if (!is_scalar || !value_to_int (value, &i))
        break;
      return json_node_init_int (json_node_alloc (), i);
    case AUGUR_PARAM_TYPE_FLOAT:
      if (!is_scalar || !value_to_double (value, &d))
        break;
      return json_node_init_double (json_node_alloc (), d);
    case AUGUR_PARAM_TYPE_BOOL:
      if (!is_scalar || !value_to_boolean (value, &b))
        break;
      return json_node_init_boolean (json_node_alloc (), b);
    case AUGUR_PARAM_TYPE_STRING:
    case AUGUR_PARAM_TYPE_ENUM:
    case AUGUR_PARAM_TYPE_TEXT:
      {
        g_autofree char *text = text_for_param (param, value, error);
        if (text == NULL)
          return NULL;
        return json_node_init_string (json_node_alloc (), text);
      }
    case AUGUR_PARAM_TYPE_JSON:
      return json_node_copy (value);
    case AUGUR_PARAM_TYPE_IMAGE:
    case AUGUR_PARAM_TYPE_OTHER:
    default:
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                   _("Augur cannot set “%s” of this model yet"), param->name);
      return NULL;
    }

  switch (param->type)
    {
    case AUGUR_PARAM_TYPE_INT:
      set_wrong_type_error (param->name, _("a whole number"), error);
      break;
    case AUGUR_PARAM_TYPE_FLOAT:
      set_wrong_type_error (param->name, _("a number"), error);
      break;
    default:
      set_wrong_type_error (param->name, _("true or false"), error);
      break;
    }
  return NULL;
}

/* The "model" member --------------------------------------------------------------------------- */

static void
add_output_config (JsonBuilder   *builder,
                   AugurSettings *settings)
{
  GPtrArray *concepts = augur_settings_get_select_concepts (settings);
  double min_value = augur_settings_get_min_value (settings);
  const char *language = augur_settings_get_language (settings);

  json_builder_set_member_name (builder, "output_config");
  json_builder_begin_object (builder);
  if (augur_settings_get_max_concepts (settings) > 0)
    {
      json_builder_set_member_name (builder, "max_concepts");
      json_builder_add_int_value (builder, augur_settings_get_max_concepts (settings));
    }
  if (!(min_value < 0))
    {
      json_builder_set_member_name (builder, "min_value");
      json_builder_add_double_value (builder, min_value);
    }
  if (concepts->len > 0)
    {
      json_builder_set_member_name (builder, "select_concepts");
      json_builder_begin_array (builder);
      for (guint i = 0; i < concepts->len; i++)
        {
          const AugurSelectConcept *concept = g_ptr_array_index (concepts, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, concept->by_name ? "name" : "id");
          json_builder_add_string_value (builder, concept->value);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  if (language != NULL)
    {
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, language);
    }
  json_builder_end_object (builder);
}

/* Legacy params are a free-form Struct: only scalar types are worth enforcing. */
static gboolean
is_coercible_in_legacy (const AugurParamSpec *param)
{
  switch (param->type)
    {
    case AUGUR_PARAM_TYPE_INT:
    case AUGUR_PARAM_TYPE_FLOAT:
    case AUGUR_PARAM_TYPE_BOOL:
    case AUGUR_PARAM_TYPE_STRING:
    case AUGUR_PARAM_TYPE_ENUM:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Adds every param to the object being built; the spec types those it declares. */
static gboolean
add_legacy_params (JsonBuilder           *builder,
                   AugurSettings         *settings,
                   const AugurModelSpec  *spec,
                   GError               **error)
{
  g_autoptr(GPtrArray) names = augur_settings_list_params (settings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      JsonNode *value = augur_settings_get_param (settings, name);
      const AugurParamSpec *param = augur_model_spec_find_param (spec, name);
      JsonNode *typed;

      if (param != NULL && !JSON_NODE_HOLDS_NULL (value) && is_coercible_in_legacy (param))
        typed = coerce_param (param, value, error);
      else
        typed = json_node_copy (value);
      if (typed == NULL)
        return FALSE;

      json_builder_set_member_name (builder, name);
      json_builder_add_value (builder, typed);
    }
  return TRUE;
}

static gboolean
has_legacy_params (AugurSettings        *settings,
                   const AugurModelSpec *spec)
{
  g_autoptr(GPtrArray) names = NULL;

  if (is_pythonic (spec))
    return FALSE;
  names = augur_settings_list_params (settings);
  return names->len > 0;
}

JsonNode *
augur_request_build_model (AugurSettings         *settings,
                           const AugurModelSpec  *spec,
                           GError               **error)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!augur_settings_validate (settings, error))
    return NULL;
  if (!augur_settings_has_output_config (settings) && !has_legacy_params (settings, spec))
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  if (augur_settings_has_output_config (settings))
    {
      json_builder_set_member_name (builder, "output_info");
      json_builder_begin_object (builder);
      add_output_config (builder, settings);
      json_builder_end_object (builder);
    }
  if (has_legacy_params (settings, spec))
    {
      json_builder_set_member_name (builder, "model_version");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "output_info");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "params");
      json_builder_begin_object (builder);
      if (!add_legacy_params (builder, settings, spec, error))
        return NULL;
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Pythonic params as parts --------------------------------------------------------------------- */

static JsonNode *
part_data_for_value (const AugurParamSpec  *param,
                     JsonNode              *value,
                     GError               **error)
{
  g_autoptr(JsonNode) typed = NULL;
  g_autoptr(JsonObject) data = json_object_new ();

  if (param->type == AUGUR_PARAM_TYPE_JSON)
    {
      if (JSON_NODE_HOLDS_OBJECT (value))
        json_object_set_member (data, "struct_value", json_node_copy (value));
      else if (JSON_NODE_HOLDS_ARRAY (value))
        {
          /* The SDK wraps lists this way, as a Struct has to be an object. */
          JsonObject *wrapper = json_object_new ();

          json_object_set_member (wrapper, "_list", json_node_copy (value));
          json_object_set_object_member (data, "struct_value", wrapper);
        }
      else
        {
          set_wrong_type_error (param->name, _("a JSON object or list"), error);
          return NULL;
        }
      return json_node_init_object (json_node_alloc (), data);
    }

  typed = coerce_param (param, value, error);
  if (typed == NULL)
    return NULL;

  switch (param->type)
    {
    case AUGUR_PARAM_TYPE_INT:
      {
        /* int64 travels as a JSON string in proto3 JSON. */
        g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (typed));
        json_object_set_string_member (data, "int_value", text);
      }
      break;
    case AUGUR_PARAM_TYPE_FLOAT:
      json_object_set_double_member (data, "float_value", json_node_get_double (typed));
      break;
    case AUGUR_PARAM_TYPE_BOOL:
      json_object_set_boolean_member (data, "bool_value", json_node_get_boolean (typed));
      break;
    case AUGUR_PARAM_TYPE_TEXT:
      {
        JsonObject *text = json_object_new ();

        json_object_set_string_member (text, "raw", json_node_get_string (typed));
        json_object_set_object_member (data, "text", text);
      }
      break;
    default:
      json_object_set_string_member (data, "string_value", json_node_get_string (typed));
      break;
    }
  return json_node_init_object (json_node_alloc (), data);
}

static gboolean
is_data_arg (const AugurModelSpec *spec,
             const char           *name)
{
  return g_strcmp0 (spec->prompt_arg, name) == 0 || g_strcmp0 (spec->image_arg, name) == 0;
}

/* Returns: (transfer full) (element-type JsonNode): one part per set param, in order */
static GPtrArray *
build_param_parts (AugurSettings         *settings,
                   const AugurModelSpec  *spec,
                   GError               **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GPtrArray) names = augur_settings_list_params (settings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      JsonNode *value = augur_settings_get_param (settings, name);
      const AugurParamSpec *param = augur_model_spec_find_param (spec, name);
      g_autoptr(JsonObject) part = NULL;
      JsonNode *data;

      if (param == NULL || is_data_arg (spec, name))
        {
          g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                       _("This model does not take a parameter named “%s”"), name);
          return NULL;
        }
      /* null means "the model's default", which is what leaving it out gives. */
      if (JSON_NODE_HOLDS_NULL (value))
        continue;

      data = part_data_for_value (param, value, error);
      if (data == NULL)
        return NULL;
      part = json_object_new ();
      json_object_set_string_member (part, "id", name);
      json_object_set_member (part, "data", data);
      g_ptr_array_add (parts, json_node_init_object (json_node_alloc (), part));
    }
  return g_steal_pointer (&parts);
}

/* Inputs --------------------------------------------------------------------------------------- */

static void
wire_field_set (WireField  *field,
                const char *part_id,
                const char *outer,
                const char *inner,
                const char *value)
{
  field->part_id = part_id;
  field->outer = outer;
  field->inner = inner;
  field->value = value;
}

static const char *
payload_image_value (const AugurPayload *payload,
                     const char        **inner)
{
  if (payload->kind == AUGUR_INPUT_BYTES && payload->image_base64 != NULL)
    {
      *inner = "base64";
      return payload->image_base64;
    }
  if (payload->kind == AUGUR_INPUT_IMAGE_URL && payload->url != NULL)
    {
      *inner = "url";
      return payload->url;
    }
  return NULL;
}

/* An image payload may also carry a prompt in @text (multimodal-to-text models). */
static const char *
payload_text_value (const AugurPayload *payload,
                    const char        **inner)
{
  if (payload->kind == AUGUR_INPUT_TEXT_URL)
    {
      *inner = "url";
      return payload->url;
    }
  *inner = "raw";
  return payload->text;
}

static gboolean
pythonic_text_field (WireField             *field,
                     const AugurModelSpec  *spec,
                     const char            *inner,
                     const char            *text,
                     GError               **error)
{
  const AugurParamSpec *param;

  if (spec->prompt_arg == NULL)
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                           _("This model does not take text"));
      return FALSE;
    }

  param = augur_model_spec_find_param (spec, spec->prompt_arg);
  if (param != NULL && param->type == AUGUR_PARAM_TYPE_TEXT)
    wire_field_set (field, spec->prompt_arg, "text", inner, text);
  else if (g_str_equal (inner, "raw"))
    wire_field_set (field, spec->prompt_arg, NULL, "string_value", text);
  else
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                           _("This model takes its text directly: paste the text instead of "
                             "a web address"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
pythonic_image_field (WireField             *field,
                      const AugurModelSpec  *spec,
                      const char            *inner,
                      const char            *image,
                      GError               **error)
{
  if (spec->image_arg == NULL)
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                           _("This model does not take images"));
      return FALSE;
    }
  wire_field_set (field, spec->image_arg, "image", inner, image);
  return TRUE;
}

/* Lists what goes in one input's data: text first, then the image. */
static gboolean
payload_wire_fields (const AugurPayload    *payload,
                     const AugurModelSpec  *spec,
                     WireField              fields[MAX_WIRE_FIELDS],
                     guint                 *n_fields,
                     GError               **error)
{
  const char *image_inner = NULL, *text_inner = NULL;
  const char *image = payload_image_value (payload, &image_inner);
  const char *text = payload_text_value (payload, &text_inner);

  *n_fields = 0;
  if (image == NULL && text == NULL)
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                           _("An input has nothing to send"));
      return FALSE;
    }

  if (text != NULL)
    {
      if (!is_pythonic (spec))
        wire_field_set (&fields[*n_fields], NULL, "text", text_inner, text);
      else if (!pythonic_text_field (&fields[*n_fields], spec, text_inner, text, error))
        return FALSE;
      (*n_fields)++;
    }
  if (image != NULL)
    {
      if (!is_pythonic (spec))
        wire_field_set (&fields[*n_fields], NULL, "image", image_inner, image);
      else if (!pythonic_image_field (&fields[*n_fields], spec, image_inner, image, error))
        return FALSE;
      (*n_fields)++;
    }
  return TRUE;
}

static const char *
method_name (const AugurModelSpec *spec)
{
  return spec->method_name != NULL ? spec->method_name : DEFAULT_METHOD_NAME;
}

static const char *
input_id (const char * const *ids,
          guint               index,
          gboolean           *ids_done)
{
  const char *id;

  if (ids == NULL || *ids_done)
    return NULL;
  id = ids[index];
  if (id == NULL)
    *ids_done = TRUE;
  return (id != NULL && *id != '\0') ? id : NULL;
}

/* The tree writer ------------------------------------------------------------------------------ */

static void
object_add_field (JsonObject      *data,
                  const WireField *field)
{
  JsonObject *outer;

  if (field->outer == NULL)
    {
      json_object_set_string_member (data, field->inner, field->value);
      return;
    }
  outer = json_object_new ();
  json_object_set_string_member (outer, field->inner, field->value);
  json_object_set_object_member (data, field->outer, outer);
}

static JsonObject *
pythonic_data_object (const AugurModelSpec *spec,
                      const WireField      *fields,
                      guint                 n_fields,
                      GPtrArray            *param_parts)
{
  JsonObject *data = json_object_new ();
  JsonObject *metadata = json_object_new ();
  JsonArray *parts = json_array_new ();

  json_object_set_string_member (metadata, "_method_name", method_name (spec));
  json_object_set_object_member (data, "metadata", metadata);
  for (guint i = 0; i < n_fields; i++)
    {
      JsonObject *part = json_object_new ();
      JsonObject *part_data = json_object_new ();

      object_add_field (part_data, &fields[i]);
      json_object_set_string_member (part, "id", fields[i].part_id);
      json_object_set_object_member (part, "data", part_data);
      json_array_add_object_element (parts, part);
    }
  for (guint i = 0; i < param_parts->len; i++)
    json_array_add_element (parts, json_node_copy (g_ptr_array_index (param_parts, i)));
  json_object_set_array_member (data, "parts", parts);
  return data;
}

static JsonObject *
input_object (const char           *id,
              const AugurModelSpec *spec,
              const WireField      *fields,
              guint                 n_fields,
              GPtrArray            *param_parts)
{
  JsonObject *input = json_object_new ();
  JsonObject *data;

  if (id != NULL)
    json_object_set_string_member (input, "id", id);
  if (is_pythonic (spec))
    data = pythonic_data_object (spec, fields, n_fields, param_parts);
  else
    {
      data = json_object_new ();
      for (guint i = 0; i < n_fields; i++)
        object_add_field (data, &fields[i]);
    }
  json_object_set_object_member (input, "data", data);
  return input;
}

/* Everything but the inputs' media, shared by both writers. */
typedef struct
{
  JsonNode  *model;        /* (nullable) (owned) */
  GPtrArray *param_parts;  /* (owned) (element-type JsonNode) */
} RequestParts;

static void
request_parts_clear (RequestParts *parts)
{
  g_clear_pointer (&parts->model, json_node_unref);
  g_clear_pointer (&parts->param_parts, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RequestParts, request_parts_clear)

static gboolean
request_parts_init (RequestParts          *parts,
                    GPtrArray             *payloads,
                    AugurSettings         *settings,
                    const AugurModelSpec  *spec,
                    GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  if (payloads->len == 0)
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                           _("There is nothing to predict on"));
      return FALSE;
    }

  parts->model = augur_request_build_model (settings, spec, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (is_pythonic (spec))
    parts->param_parts = build_param_parts (settings, spec, error);
  else
    parts->param_parts = g_ptr_array_new ();
  return parts->param_parts != NULL;
}

/**
 * augur_request_build_predict:
 * @payloads: (element-type AugurPayload): the loaded inputs, in order
 * @ids: (nullable) (array zero-terminated=1): client input ids, one per payload
 * @settings: the controls the user set
 * @spec: (nullable): what the model accepts; %NULL means a legacy model
 *
 * Returns: (transfer full) (nullable): the PostModelOutputs body, or %NULL with
 *   %AUGUR_ERROR_INVALID_ARGUMENT (a setting) or %AUGUR_ERROR_BAD_INPUT (an input the model
 *   cannot take)
 */
JsonNode *
augur_request_build_predict (GPtrArray             *payloads,
                             const char * const    *ids,
                             AugurSettings         *settings,
                             const AugurModelSpec  *spec,
                             GError               **error)
{
  g_auto(RequestParts) parts = { NULL, NULL };
  g_autoptr(JsonObject) body = NULL;
  JsonArray *inputs;
  gboolean ids_done = FALSE;

  g_return_val_if_fail (payloads != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!request_parts_init (&parts, payloads, settings, spec, error))
    return NULL;

  body = json_object_new ();
  inputs = json_array_sized_new (payloads->len);
  json_object_set_array_member (body, "inputs", inputs);
  for (guint i = 0; i < payloads->len; i++)
    {
      WireField fields[MAX_WIRE_FIELDS];
      guint n_fields;
      const char *id = input_id (ids, i, &ids_done);

      if (!payload_wire_fields (g_ptr_array_index (payloads, i), spec, fields, &n_fields, error))
        return NULL;
      json_array_add_object_element (inputs,
                                     input_object (id, spec, fields, n_fields,
                                                   parts.param_parts));
    }
  if (parts.model != NULL)
    json_object_set_member (body, "model", g_steal_pointer (&parts.model));

  return json_node_init_object (json_node_alloc (), body);
}

/* The byte writer ------------------------------------------------------------------------------ */

static gboolean
needs_escape (guchar c)
{
  return c < 0x20 || c == '"' || c == '\\';
}

/* Appends @str as a JSON string; UTF-8 passes through unchanged. */
static void
append_json_string (GString    *out,
                    const char *str)
{
  const char *run = str;
  const char *p;

  g_string_append_c (out, '"');
  for (p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (!needs_escape (c))
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:   g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
append_member_name (GString    *out,
                    const char *name)
{
  append_json_string (out, name);
  g_string_append_c (out, ':');
}

/* "outer":{"inner":"value"} or "inner":"value" */
static void
append_field (GString         *out,
              const WireField *field)
{
  if (field->outer != NULL)
    {
      append_member_name (out, field->outer);
      g_string_append_c (out, '{');
    }
  append_member_name (out, field->inner);
  if (g_str_equal (field->inner, "base64"))
    {
      /* The base64 alphabet needs no escaping, and this string is the bulk of the body. */
      g_string_append_c (out, '"');
      g_string_append (out, field->value);
      g_string_append_c (out, '"');
    }
  else
    append_json_string (out, field->value);
  if (field->outer != NULL)
    g_string_append_c (out, '}');
}

static void
append_pythonic_data (GString              *out,
                      const AugurModelSpec *spec,
                      const WireField      *fields,
                      guint                 n_fields,
                      const char           *param_parts_json)
{
  g_string_append (out, "{\"metadata\":{\"_method_name\":");
  append_json_string (out, method_name (spec));
  g_string_append (out, "},\"parts\":[");
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"id\":");
      append_json_string (out, fields[i].part_id);
      g_string_append (out, ",\"data\":{");
      append_field (out, &fields[i]);
      g_string_append (out, "}}");
    }
  if (*param_parts_json != '\0')
    {
      if (n_fields > 0)
        g_string_append_c (out, ',');
      g_string_append (out, param_parts_json);
    }
  g_string_append (out, "]}");
}

static void
append_input (GString              *out,
              const char           *id,
              const AugurModelSpec *spec,
              const WireField      *fields,
              guint                 n_fields,
              const char           *param_parts_json)
{
  g_string_append_c (out, '{');
  if (id != NULL)
    {
      append_member_name (out, "id");
      append_json_string (out, id);
      g_string_append_c (out, ',');
    }
  append_member_name (out, "data");
  if (is_pythonic (spec))
    append_pythonic_data (out, spec, fields, n_fields, param_parts_json);
  else
    {
      g_string_append_c (out, '{');
      for (guint i = 0; i < n_fields; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_field (out, &fields[i]);
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
}

/* The param parts, serialised once and repeated in every input: "{…},{…}" or "". */
static char *
param_parts_to_json (GPtrArray *param_parts)
{
  g_autoptr(GString) json = g_string_new (NULL);

  for (guint i = 0; i < param_parts->len; i++)
    {
      g_autofree char *part = augur_json_to_string (g_ptr_array_index (param_parts, i), FALSE);

      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append (json, part);
    }
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static gsize
estimate_body_size (GPtrArray  *payloads,
                    gsize       per_input_extra,
                    gsize       model_len)
{
  gsize size = 64 + model_len;

  for (guint i = 0; i < payloads->len; i++)
    {
      const AugurPayload *payload = g_ptr_array_index (payloads, i);

      size += 128 + per_input_extra;
      if (payload->image_base64 != NULL)
        size += strlen (payload->image_base64);
      if (payload->url != NULL)
        size += strlen (payload->url);
      if (payload->text != NULL)
        size += strlen (payload->text) + strlen (payload->text) / 8;
    }
  return size;
}

/**
 * augur_request_build_predict_bytes:
 *
 * The same body as augur_request_build_predict(), serialised directly so that the
 * megabytes of base64 are copied once, not into a tree and then out of it again.
 *
 * Returns: (transfer full) (nullable): the body, or %NULL with the same errors
 */
GBytes *
augur_request_build_predict_bytes (GPtrArray             *payloads,
                                   const char * const    *ids,
                                   AugurSettings         *settings,
                                   const AugurModelSpec  *spec,
                                   GError               **error)
{
  g_auto(RequestParts) parts = { NULL, NULL };
  g_autofree char *model_json = NULL;
  g_autofree char *param_parts_json = NULL;
  g_autoptr(GString) out = NULL;
  gboolean ids_done = FALSE;
  gsize len;

  g_return_val_if_fail (payloads != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!request_parts_init (&parts, payloads, settings, spec, error))
    return NULL;

  if (parts.model != NULL)
    model_json = augur_json_to_string (parts.model, FALSE);
  param_parts_json = param_parts_to_json (parts.param_parts);

  out = g_string_sized_new (estimate_body_size (payloads, strlen (param_parts_json),
                                                model_json != NULL ? strlen (model_json) : 0));
  g_string_append (out, "{\"inputs\":[");
  for (guint i = 0; i < payloads->len; i++)
    {
      WireField fields[MAX_WIRE_FIELDS];
      guint n_fields;
      const char *id = input_id (ids, i, &ids_done);

      if (!payload_wire_fields (g_ptr_array_index (payloads, i), spec, fields, &n_fields, error))
        return NULL;
      if (i > 0)
        g_string_append_c (out, ',');
      append_input (out, id, spec, fields, n_fields, param_parts_json);
    }
  g_string_append_c (out, ']');
  if (model_json != NULL)
    {
      g_string_append (out, ",\"model\":");
      g_string_append (out, model_json);
    }
  g_string_append_c (out, '}');

  len = out->len;
  return g_bytes_new_take (g_string_free (g_steal_pointer (&out), FALSE), len);
}

/**
 * augur_json_to_string:
 * @pretty: indent for people to read
 *
 * Returns: (transfer full): @node as JSON text
 */
char *
augur_json_to_string (JsonNode *node,
                      gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, pretty);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}
