/* augur-prediction-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-prediction-json"

#include <math.h>
#include <string.h>

#include "augur-concept.h"
#include "augur-error.h"
#include "augur-export.h"
#include "augur-input.h"
#include "augur-prediction-json.h"
#include "augur-prediction.h"
#include "augur-region.h"
#include "augur-settings.h"
#include "augur-status.h"

/* Writing ---------------------------------------------------------------------------------- */

/* Takes @object: json_node_init_object() would add a reference of its own. */
static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonNode *
double_node (double value)
{
  JsonNode *node = json_node_alloc ();

  if (isnan (value))
    return json_node_init_string (node, "NaN");
  if (isinf (value))
    return json_node_init_string (node, value > 0 ? "Infinity" : "-Infinity");
  return json_node_init_double (node, value);
}

static void
set_double_member (JsonObject *object,
                   const char *name,
                   double      value)
{
  json_object_set_member (object, name, double_node (value));
}

static void
set_string_member_if_set (JsonObject *object,
                          const char *name,
                          const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
}

static JsonObject *
status_to_object (const AugurStatus *status)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "code", status->code);
  set_string_member_if_set (object, "description", status->description);
  set_string_member_if_set (object, "details", status->details);
  set_string_member_if_set (object, "req_id", status->req_id);
  json_object_set_int_member (object, "http_status", status->http_status);
  return object;
}

static const char *
error_domain_name (GQuark domain)
{
  if (domain == AUGUR_ERROR)
    return "augur";
  if (domain == G_IO_ERROR)
    return "gio";
  return g_quark_to_string (domain);
}

static JsonObject *
error_to_object (const GError *error)
{
  JsonObject *object = json_object_new ();
  const AugurStatus *status = augur_error_get_status (error);

  json_object_set_string_member (object, "domain", error_domain_name (error->domain));
  json_object_set_int_member (object, "code", error->code);
  json_object_set_string_member (object, "message", error->message != NULL ? error->message : "");
  if (status != NULL)
    json_object_set_object_member (object, "status", status_to_object (status));
  return object;
}

static JsonArray *
concepts_to_array (GPtrArray *concepts)
{
  JsonArray *array = json_array_sized_new (concepts->len);

  for (guint i = 0; i < concepts->len; i++)
    {
      AugurConcept *concept = g_ptr_array_index (concepts, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", augur_concept_get_id (concept));
      set_string_member_if_set (object, "name", augur_concept_get_name (concept));
      set_double_member (object, "value", augur_concept_get_value (concept));
      json_array_add_object_element (array, object);
    }
  return array;
}

static JsonObject *
region_to_object (AugurRegion *region)
{
  JsonObject *object = json_object_new ();
  JsonObject *box = json_object_new ();

  set_double_member (box, "top_row", augur_region_get_top_row (region));
  set_double_member (box, "left_col", augur_region_get_left_col (region));
  set_double_member (box, "bottom_row", augur_region_get_bottom_row (region));
  set_double_member (box, "right_col", augur_region_get_right_col (region));

  json_object_set_string_member (object, "id", augur_region_get_id (region));
  json_object_set_object_member (object, "box", box);
  set_double_member (object, "value", augur_region_get_value (region));
  json_object_set_boolean_member (object, "has_box", augur_region_has_box (region));
  json_object_set_array_member (object, "concepts",
                                concepts_to_array (augur_region_get_concepts (region)));
  return object;
}

static JsonArray *
regions_to_array (GPtrArray *regions)
{
  JsonArray *array = json_array_sized_new (regions->len);

  for (guint i = 0; i < regions->len; i++)
    json_array_add_object_element (array, region_to_object (g_ptr_array_index (regions, i)));
  return array;
}

static JsonArray *
embeddings_to_array (GPtrArray *embeddings)
{
  JsonArray *array = json_array_sized_new (embeddings->len);

  for (guint i = 0; i < embeddings->len; i++)
    {
      GArray *vector = g_ptr_array_index (embeddings, i);
      JsonArray *values = json_array_sized_new (vector->len);

      for (guint j = 0; j < vector->len; j++)
        json_array_add_element (values, double_node (g_array_index (vector, float, j)));
      json_array_add_array_element (array, values);
    }
  return array;
}

static void
set_image_member (JsonObject *object,
                  GBytes     *image)
{
  gsize size = 0;
  const guchar *data = g_bytes_get_data (image, &size);
  g_autofree char *base64 = g_base64_encode (data, size);

  json_object_set_string_member (object, "image", base64);
}

static void
set_model_members (JsonObject      *object,
                   AugurPrediction *prediction)
{
  set_string_member_if_set (object, "model_id", augur_prediction_get_model_id (prediction));
  set_string_member_if_set (object, "version_id", augur_prediction_get_version_id (prediction));
  set_string_member_if_set (object, "model_type_id",
                            augur_prediction_get_model_type_id (prediction));
}

static void
set_tokens_member (JsonObject      *object,
                   AugurPrediction *prediction)
{
  guint prompt = augur_prediction_get_prompt_tokens (prediction);
  guint completion = augur_prediction_get_completion_tokens (prediction);
  JsonObject *tokens;

  if (prompt == 0 && completion == 0)
    return;

  tokens = json_object_new ();
  json_object_set_int_member (tokens, "prompt", prompt);
  json_object_set_int_member (tokens, "completion", completion);
  json_object_set_object_member (object, "tokens", tokens);
}

JsonNode *
augur_prediction_to_lossless_json (AugurPrediction *prediction)
{
  JsonObject *object;
  AugurInput *input;

  g_return_val_if_fail (AUGUR_IS_PREDICTION (prediction), NULL);

  object = json_object_new ();
  input = augur_prediction_get_input (prediction);

  json_object_set_int_member (object, "index", augur_prediction_get_index (prediction));
  if (input != NULL)
    set_string_member_if_set (object, "input_label", augur_input_get_label (input));
  if (augur_prediction_get_status (prediction) != NULL)
    json_object_set_object_member (object, "status",
                                   status_to_object (augur_prediction_get_status (prediction)));
  if (augur_prediction_get_error (prediction) != NULL)
    json_object_set_object_member (object, "error",
                                   error_to_object (augur_prediction_get_error (prediction)));
  if (augur_prediction_get_concepts (prediction)->len > 0)
    json_object_set_array_member (object, "concepts",
                                  concepts_to_array (augur_prediction_get_concepts (prediction)));
  if (augur_prediction_get_regions (prediction)->len > 0)
    json_object_set_array_member (object, "regions",
                                  regions_to_array (augur_prediction_get_regions (prediction)));
  set_string_member_if_set (object, "text", augur_prediction_get_text (prediction));
  if (augur_prediction_get_embeddings (prediction)->len > 0)
    json_object_set_array_member (object, "embeddings",
                                  embeddings_to_array (augur_prediction_get_embeddings (prediction)));
  if (augur_prediction_get_image (prediction) != NULL)
    set_image_member (object, augur_prediction_get_image (prediction));
  set_model_members (object, prediction);
  set_tokens_member (object, prediction);
  set_double_member (object, "duration_ms", augur_prediction_get_duration_ms (prediction));
  json_object_set_boolean_member (object, "cached", augur_prediction_get_cached (prediction));

  return object_node (object);
}

/* Reading ---------------------------------------------------------------------------------- */

static gboolean
set_bad_member_error (const char  *name,
                      const char  *expected,
                      GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "“%s” should be %s", name, expected);
  return FALSE;
}

/* A member that is absent or null counts as not set: @found is FALSE. */
static JsonNode *
lookup_member (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (!json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
read_string (JsonObject  *object,
             const char  *name,
             const char **out,
             GError     **error)
{
  JsonNode *node = lookup_member (object, name);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return set_bad_member_error (name, "a string", error);
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *name,
          gint64       min,
          gint64       max,
          gint64      *out,
          GError     **error)
{
  JsonNode *node = lookup_member (object, name);

  *out = 0;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return set_bad_member_error (name, "an integer", error);
  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return set_bad_member_error (name, "in range", error);
  return TRUE;
}

static gboolean
read_uint (JsonObject  *object,
           const char  *name,
           guint       *out,
           GError     **error)
{
  gint64 value = 0;

  if (!read_int (object, name, 0, G_MAXUINT, &value, error))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static gboolean
double_from_node (JsonNode *node,
                  double   *out)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_DOUBLE || type == G_TYPE_INT64)
    {
      *out = json_node_get_double (node);
      return TRUE;
    }
  if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (g_str_equal (text, "NaN"))
        *out = NAN;
      else if (g_str_equal (text, "Infinity"))
        *out = INFINITY;
      else if (g_str_equal (text, "-Infinity"))
        *out = -INFINITY;
      else
        return FALSE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
read_double (JsonObject  *object,
             const char  *name,
             double      *out,
             GError     **error)
{
  JsonNode *node = lookup_member (object, name);

  *out = 0;
  if (node == NULL)
    return TRUE;
  if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE || !double_from_node (node, out))
    return set_bad_member_error (name, "a number", error);
  return TRUE;
}

static gboolean
read_boolean (JsonObject  *object,
              const char  *name,
              gboolean    *out,
              GError     **error)
{
  JsonNode *node = lookup_member (object, name);

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return set_bad_member_error (name, "true or false", error);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_object (JsonObject  *object,
             const char  *name,
             JsonObject **out,
             GError     **error)
{
  JsonNode *node = lookup_member (object, name);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_bad_member_error (name, "an object", error);
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_array (JsonObject  *object,
            const char  *name,
            JsonArray  **out,
            GError     **error)
{
  JsonNode *node = lookup_member (object, name);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return set_bad_member_error (name, "an array", error);
  *out = json_node_get_array (node);
  return TRUE;
}

static JsonObject *
array_object_element (JsonArray   *array,
                      guint        i,
                      const char  *what,
                      GError     **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_bad_member_error (what, "a list of objects", error);
      return NULL;
    }
  return json_node_get_object (node);
}

static AugurStatus *
status_from_object (JsonObject  *object,
                    GError     **error)
{
  const char *description, *details, *req_id;
  gint64 code = 0;
  guint http_status = 0;
  AugurStatus *status;

  if (!read_int (object, "code", G_MININT, G_MAXINT, &code, error) ||
      !read_string (object, "description", &description, error) ||
      !read_string (object, "details", &details, error) ||
      !read_string (object, "req_id", &req_id, error) ||
      !read_uint (object, "http_status", &http_status, error))
    return NULL;

  status = augur_status_new ((int) code, description, details, req_id);
  status->http_status = http_status;
  return status;
}

static GQuark
error_domain_from_name (const char *name)
{
  if (g_str_equal (name, "augur"))
    return AUGUR_ERROR;
  if (g_str_equal (name, "gio"))
    return G_IO_ERROR;
  return g_quark_from_string (name);
}

/* With a status, the error is rebuilt through augur_error_new_status() so that
 * augur_error_get_status() finds it; the message is then put back as it was. */
static GError *
error_from_object (JsonObject  *object,
                   GError     **error)
{
  const char *domain_name, *message;
  JsonObject *status_object;
  g_autoptr(AugurStatus) status = NULL;
  gint64 code = 0;
  GQuark domain;
  GError *restored;

  if (!read_string (object, "domain", &domain_name, error) ||
      !read_int (object, "code", G_MININT, G_MAXINT, &code, error) ||
      !read_string (object, "message", &message, error) ||
      !read_object (object, "status", &status_object, error))
    return NULL;
  if (domain_name == NULL || *domain_name == '\0')
    {
      set_bad_member_error ("domain", "an error domain", error);
      return NULL;
    }
  if (status_object != NULL && (status = status_from_object (status_object, error)) == NULL)
    return NULL;

  domain = error_domain_from_name (domain_name);
  if (domain == AUGUR_ERROR && status != NULL)
    {
      restored = augur_error_new_status ((AugurErrorCode) code, status);
      g_free (restored->message);
      restored->message = g_strdup (message != NULL ? message : "");
      return restored;
    }
  return g_error_new_literal (domain, (int) code, message != NULL ? message : "");
}

static gboolean
read_concept_list (JsonArray  *array,
                   GPtrArray  *out,
                   GError    **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = array_object_element (array, i, "concepts", error);
      const char *id, *name;
      double value;

      if (object == NULL ||
          !read_string (object, "id", &id, error) ||
          !read_string (object, "name", &name, error) ||
          !read_double (object, "value", &value, error))
        return FALSE;
      g_ptr_array_add (out, augur_concept_new (id != NULL ? id : "", name, value));
    }
  return TRUE;
}

static AugurRegion *
region_from_object (JsonObject  *object,
                    GError     **error)
{
  g_autoptr(AugurRegion) region = NULL;
  g_autoptr(GPtrArray) concepts = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *box = NULL;
  JsonArray *concept_array;
  const char *id;
  double top = 0, left = 0, bottom = 0, right = 0, value;
  gboolean has_box;

  if (!read_string (object, "id", &id, error) ||
      !read_object (object, "box", &box, error) ||
      !read_double (object, "value", &value, error) ||
      !read_boolean (object, "has_box", &has_box, error) ||
      !read_array (object, "concepts", &concept_array, error) ||
      !read_concept_list (concept_array, concepts, error))
    return NULL;
  if (box != NULL &&
      (!read_double (box, "top_row", &top, error) ||
       !read_double (box, "left_col", &left, error) ||
       !read_double (box, "bottom_row", &bottom, error) ||
       !read_double (box, "right_col", &right, error)))
    return NULL;

  region = augur_region_new (id, top, left, bottom, right, value);
  augur_region_set_has_box (region, has_box);
  for (guint i = 0; i < concepts->len; i++)
    augur_region_add_concept (region, g_ptr_array_index (concepts, i));
  return g_steal_pointer (&region);
}

static gboolean
read_regions (JsonObject       *object,
              AugurPrediction  *prediction,
              GError          **error)
{
  JsonArray *array;

  if (!read_array (object, "regions", &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *region_object = array_object_element (array, i, "regions", error);
      AugurRegion *region;

      if (region_object == NULL || (region = region_from_object (region_object, error)) == NULL)
        return FALSE;
      g_ptr_array_add (augur_prediction_get_regions (prediction), region);
    }
  return TRUE;
}

static GArray *
vector_from_array (JsonArray  *array,
                   GError    **error)
{
  guint n = json_array_get_length (array);
  g_autoptr(GArray) vector = g_array_sized_new (FALSE, FALSE, sizeof (float), n);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      double value;
      float narrowed;

      if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE || !double_from_node (node, &value))
        {
          set_bad_member_error ("embeddings", "lists of numbers", error);
          return NULL;
        }
      narrowed = (float) value;
      g_array_append_val (vector, narrowed);
    }
  return g_steal_pointer (&vector);
}

static gboolean
read_embeddings (JsonObject       *object,
                 AugurPrediction  *prediction,
                 GError          **error)
{
  JsonArray *array;

  if (!read_array (object, "embeddings", &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      GArray *vector;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return set_bad_member_error ("embeddings", "lists of numbers", error);
      if ((vector = vector_from_array (json_node_get_array (node), error)) == NULL)
        return FALSE;
      augur_prediction_add_embedding (prediction, vector);
    }
  return TRUE;
}

static gboolean
read_image (JsonObject       *object,
            AugurPrediction  *prediction,
            GError          **error)
{
  const char *base64;
  g_autoptr(GBytes) image = NULL;
  guchar *data;
  gsize size = 0;

  if (!read_string (object, "image", &base64, error))
    return FALSE;
  if (base64 == NULL)
    return TRUE;

  data = g_base64_decode (base64, &size);
  image = g_bytes_new_take (data, size);
  augur_prediction_set_image (prediction, image);
  return TRUE;
}

static gboolean
read_status_and_error (JsonObject       *object,
                       AugurPrediction  *prediction,
                       GError          **error)
{
  JsonObject *status_object, *error_object;
  g_autoptr(AugurStatus) status = NULL;
  g_autoptr(GError) stored_error = NULL;

  if (!read_object (object, "status", &status_object, error) ||
      !read_object (object, "error", &error_object, error))
    return FALSE;
  if (status_object != NULL && (status = status_from_object (status_object, error)) == NULL)
    return FALSE;
  if (error_object != NULL && (stored_error = error_from_object (error_object, error)) == NULL)
    return FALSE;

  augur_prediction_set_status (prediction, status);
  augur_prediction_set_error (prediction, stored_error);
  return TRUE;
}

static gboolean
read_model_and_tokens (JsonObject       *object,
                       AugurPrediction  *prediction,
                       GError          **error)
{
  const char *model_id, *version_id, *model_type_id;
  JsonObject *tokens;
  guint prompt = 0, completion = 0;

  if (!read_string (object, "model_id", &model_id, error) ||
      !read_string (object, "version_id", &version_id, error) ||
      !read_string (object, "model_type_id", &model_type_id, error) ||
      !read_object (object, "tokens", &tokens, error))
    return FALSE;
  if (tokens != NULL &&
      (!read_uint (tokens, "prompt", &prompt, error) ||
       !read_uint (tokens, "completion", &completion, error)))
    return FALSE;

  augur_prediction_set_model (prediction, model_id, version_id, model_type_id);
  augur_prediction_set_tokens (prediction, prompt, completion);
  return TRUE;
}

static gboolean
read_scalars (JsonObject       *object,
              AugurPrediction  *prediction,
              GError          **error)
{
  const char *text;
  guint index;
  double duration_ms;
  gboolean cached;

  if (!read_uint (object, "index", &index, error) ||
      !read_string (object, "text", &text, error) ||
      !read_double (object, "duration_ms", &duration_ms, error) ||
      !read_boolean (object, "cached", &cached, error))
    return FALSE;

  augur_prediction_set_index (prediction, index);
  augur_prediction_set_text (prediction, text);
  augur_prediction_set_duration_ms (prediction, duration_ms);
  augur_prediction_set_cached (prediction, cached);
  return TRUE;
}

AugurPrediction *
augur_prediction_new_from_lossless_json (JsonNode  *node,
                                         GError   **error)
{
  g_autoptr(AugurPrediction) prediction = NULL;
  JsonObject *object;
  JsonArray *concepts;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_bad_member_error ("prediction", "an object", error);
      return NULL;
    }

  object = json_node_get_object (node);
  prediction = augur_prediction_new ();
  if (!read_scalars (object, prediction, error) ||
      !read_status_and_error (object, prediction, error) ||
      !read_array (object, "concepts", &concepts, error) ||
      !read_concept_list (concepts, augur_prediction_get_concepts (prediction), error) ||
      !read_regions (object, prediction, error) ||
      !read_embeddings (object, prediction, error) ||
      !read_image (object, prediction, error) ||
      !read_model_and_tokens (object, prediction, error))
    return NULL;

  return g_steal_pointer (&prediction);
}

/* Settings --------------------------------------------------------------------------------- */

/* The same members as augur_settings_to_key(), built from the getters: json-glib's own
 * writer (which the key goes through) cannot write every double readably. */
JsonNode *
augur_settings_to_lossless_json (AugurSettings *settings)
{
  JsonObject *object;
  JsonArray *select;
  JsonObject *params;
  GPtrArray *concepts;
  g_autoptr(GPtrArray) names = NULL;
  double min_value;

  g_return_val_if_fail (settings != NULL, NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "max_concepts", augur_settings_get_max_concepts (settings));
  min_value = augur_settings_get_min_value (settings);
  set_double_member (object, "min_value", min_value < 0 ? -1 : min_value);
  json_object_set_string_member (object, "language",
                                 augur_settings_get_language (settings) != NULL
                                 ? augur_settings_get_language (settings) : "");

  select = json_array_new ();
  concepts = augur_settings_get_select_concepts (settings);
  for (guint i = 0; concepts != NULL && i < concepts->len; i++)
    {
      const AugurSelectConcept *concept = g_ptr_array_index (concepts, i);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, concept->by_name ? "name" : "id", concept->value);
      json_array_add_object_element (select, entry);
    }
  json_object_set_array_member (object, "select_concepts", select);

  params = json_object_new ();
  names = augur_settings_list_params (settings);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      JsonNode *value = augur_settings_get_param (settings, name);

      if (value != NULL)
        json_object_set_member (params, name, json_node_copy (value));
    }
  json_object_set_object_member (object, "params", params);

  return object_node (object);
}

static gboolean
read_select_concepts (JsonObject     *object,
                      AugurSettings  *settings,
                      GError        **error)
{
  JsonArray *array;

  if (!read_array (object, "select_concepts", &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *entry = array_object_element (array, i, "select_concepts", error);
      const char *id, *name;

      if (entry == NULL ||
          !read_string (entry, "id", &id, error) ||
          !read_string (entry, "name", &name, error))
        return FALSE;
      if ((id == NULL) == (name == NULL))
        return set_bad_member_error ("select_concepts", "entries with an id or a name", error);
      augur_settings_add_select_concept (settings, id != NULL ? id : name, name != NULL);
    }
  return TRUE;
}

static gboolean
read_params (JsonObject     *object,
             AugurSettings  *settings,
             GError        **error)
{
  JsonObject *params;
  g_autoptr(GList) names = NULL;

  if (!read_object (object, "params", &params, error))
    return FALSE;
  if (params == NULL)
    return TRUE;

  names = json_object_get_members (params);
  for (GList *l = names; l != NULL; l = l->next)
    augur_settings_set_param (settings, l->data, json_object_get_member (params, l->data));
  return TRUE;
}

AugurSettings *
augur_settings_new_from_lossless_json (JsonNode  *node,
                                       GError   **error)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  JsonObject *object;
  guint max_concepts = 0;
  double min_value = -1;
  const char *language;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_bad_member_error ("settings", "an object", error);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!read_uint (object, "max_concepts", &max_concepts, error) ||
      !read_string (object, "language", &language, error) ||
      (lookup_member (object, "min_value") != NULL &&
       !read_double (object, "min_value", &min_value, error)) ||
      !read_select_concepts (object, settings, error) ||
      !read_params (object, settings, error))
    return NULL;

  augur_settings_set_max_concepts (settings, max_concepts);
  augur_settings_set_min_value (settings, min_value < 0 ? -1 : min_value);
  augur_settings_set_language (settings, language != NULL && *language != '\0' ? language : NULL);
  return g_steal_pointer (&settings);
}

/* Lines ------------------------------------------------------------------------------------ */

char *
augur_json_line_write (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  /* json-glib 1.6 writes 1e+20 as "1e+20.0", which no parser reads back; the export
   * writer prints the shortest exact form instead. */
  return augur_export_json_node (node, FALSE);
}

JsonNode *
augur_json_line_parse (const char  *line,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (line != NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (line);
  if (!g_utf8_validate (line, length, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Not UTF-8");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, line, length, &local_error))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Empty line");
      return NULL;
    }
  return json_node_ref (root);
}
