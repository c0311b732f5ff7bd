/* augur-settings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-settings"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "augur-error.h"
#include "augur-settings.h"

struct _AugurSettings
{
  guint       max_concepts;     /* 0: unset */
  double      min_value;        /* < 0: unset */
  GPtrArray  *select_concepts;  /* (element-type AugurSelectConcept) (owned) */
  char       *language;         /* (nullable) (owned) */
  GPtrArray  *param_names;      /* (element-type utf8) (owned): first-set order */
  GHashTable *params;           /* (owned): name -> JsonNode (owned) */
};

G_DEFINE_BOXED_TYPE (AugurSettings, augur_settings, augur_settings_ref, augur_settings_unref)

static void
select_concept_free (AugurSelectConcept *concept)
{
  g_free (concept->value);
  g_free (concept);
}

static AugurSelectConcept *
select_concept_new (const char *value,
                    gboolean    by_name)
{
  AugurSelectConcept *concept = g_new0 (AugurSelectConcept, 1);

  concept->value = g_strdup (value);
  concept->by_name = !!by_name;
  return concept;
}

AugurSettings *
augur_settings_new (void)
{
  AugurSettings *self = g_atomic_rc_box_new0 (AugurSettings);

  self->min_value = -1;
  self->select_concepts = g_ptr_array_new_with_free_func ((GDestroyNotify) select_concept_free);
  self->param_names = g_ptr_array_new_with_free_func (g_free);
  self->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) json_node_unref);
  return self;
}

AugurSettings *
augur_settings_ref (AugurSettings *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

static void
settings_clear (AugurSettings *self)
{
  g_ptr_array_unref (self->select_concepts);
  g_free (self->language);
  g_ptr_array_unref (self->param_names);
  g_hash_table_unref (self->params);
}

void
augur_settings_unref (AugurSettings *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, (GDestroyNotify) settings_clear);
}

/**
 * augur_settings_copy:
 *
 * Returns: (transfer full): an independent copy, to change without affecting requests
 *   already built from @self
 */
AugurSettings *
augur_settings_copy (AugurSettings *self)
{
  AugurSettings *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = augur_settings_new ();
  copy->max_concepts = self->max_concepts;
  copy->min_value = self->min_value;
  copy->language = g_strdup (self->language);
  for (guint i = 0; i < self->select_concepts->len; i++)
    {
      const AugurSelectConcept *concept = g_ptr_array_index (self->select_concepts, i);
      augur_settings_add_select_concept (copy, concept->value, concept->by_name);
    }
  for (guint i = 0; i < self->param_names->len; i++)
    {
      const char *name = g_ptr_array_index (self->param_names, i);
      augur_settings_set_param (copy, name, g_hash_table_lookup (self->params, name));
    }
  return copy;
}

/* Output config ------------------------------------------------------------------------------ */

void
augur_settings_set_max_concepts (AugurSettings *self,
                                 guint          max_concepts)
{
  g_return_if_fail (self != NULL);
  self->max_concepts = max_concepts;
}

guint
augur_settings_get_max_concepts (AugurSettings *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->max_concepts;
}

void
augur_settings_set_min_value (AugurSettings *self,
                              double         min_value)
{
  g_return_if_fail (self != NULL);
  self->min_value = min_value < 0 ? -1 : min_value;
}

double
augur_settings_get_min_value (AugurSettings *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->min_value;
}

/* Adds @value to the end of the list, unless the same entry is already there. */
void
augur_settings_add_select_concept (AugurSettings *self,
                                   const char    *value,
                                   gboolean       by_name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (value != NULL);

  for (guint i = 0; i < self->select_concepts->len; i++)
    {
      const AugurSelectConcept *concept = g_ptr_array_index (self->select_concepts, i);
      if (concept->by_name == !!by_name && g_str_equal (concept->value, value))
        return;
    }
  g_ptr_array_add (self->select_concepts, select_concept_new (value, by_name));
}

void
augur_settings_clear_select_concepts (AugurSettings *self)
{
  g_return_if_fail (self != NULL);
  g_ptr_array_set_size (self->select_concepts, 0);
}

/* Returns: (transfer none) (element-type AugurSelectConcept) */
GPtrArray *
augur_settings_get_select_concepts (AugurSettings *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->select_concepts;
}

/* @language: (nullable): a language code such as "zh"; %NULL or "" for the model's own */
void
augur_settings_set_language (AugurSettings *self,
                             const char    *language)
{
  g_return_if_fail (self != NULL);

  g_free (self->language);
  self->language = (language != NULL && *language != '\0') ? g_strdup (language) : NULL;
}

const char *
augur_settings_get_language (AugurSettings *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->language;
}

gboolean
augur_settings_has_output_config (AugurSettings *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->max_concepts > 0
         || !(self->min_value < 0)
         || self->select_concepts->len > 0
         || self->language != NULL;
}

/* Params ------------------------------------------------------------------------------------- */

static void
remove_param (AugurSettings *self,
              const char    *name)
{
  if (!g_hash_table_remove (self->params, name))
    return;
  for (guint i = 0; i < self->param_names->len; i++)
    if (g_str_equal (g_ptr_array_index (self->param_names, i), name))
      {
        g_ptr_array_remove_index (self->param_names, i);
        break;
      }
}

/**
 * augur_settings_set_param:
 * @name: the parameter name, as sent on the wire
 * @value: (nullable): the value, copied; %NULL unsets the parameter
 *
 * A parameter set again keeps its place in the order.
 */
void
augur_settings_set_param (AugurSettings *self,
                          const char    *name,
                          JsonNode      *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL && *name != '\0');

  if (value == NULL)
    {
      remove_param (self, name);
      return;
    }
  if (!g_hash_table_contains (self->params, name))
    g_ptr_array_add (self->param_names, g_strdup (name));
  g_hash_table_insert (self->params, g_strdup (name), json_node_copy (value));
}

void
augur_settings_set_param_double (AugurSettings *self,
                                 const char    *name,
                                 double         value)
{
  g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), value);

  augur_settings_set_param (self, name, node);
}

void
augur_settings_set_param_int (AugurSettings *self,
                              const char    *name,
                              gint64         value)
{
  g_autoptr(JsonNode) node = json_node_init_int (json_node_alloc (), value);

  augur_settings_set_param (self, name, node);
}

void
augur_settings_set_param_boolean (AugurSettings *self,
                                  const char    *name,
                                  gboolean       value)
{
  g_autoptr(JsonNode) node = json_node_init_boolean (json_node_alloc (), value);

  augur_settings_set_param (self, name, node);
}

/* @value: (nullable): %NULL unsets the parameter */
void
augur_settings_set_param_string (AugurSettings *self,
                                 const char    *name,
                                 const char    *value)
{
  g_autoptr(JsonNode) node = NULL;

  if (value != NULL)
    node = json_node_init_string (json_node_alloc (), value);
  augur_settings_set_param (self, name, node);
}

/* Parameters whose value is always text, even when it happens to look like JSON. */
static gboolean
is_text_param (const char *name)
{
  return g_str_equal (name, AUGUR_PARAM_SYSTEM_PROMPT)
         || g_str_equal (name, AUGUR_PARAM_PROMPT_TEMPLATE)
         || g_str_equal (name, AUGUR_PARAM_REASONING_EFFORT);
}

static JsonNode *
parse_param_value (const char *name,
                   const char *text)
{
  g_autoptr(JsonParser) parser = NULL;

  if (!is_text_param (name))
    {
      parser = json_parser_new_immutable ();
      if (json_parser_load_from_data (parser, text, -1, NULL)
          && json_parser_get_root (parser) != NULL)
        return json_parser_steal_root (parser);
    }
  return json_node_init_string (json_node_alloc (), text);
}

/**
 * augur_settings_parse_param:
 * @key_equals_value: "NAME=VALUE", as typed on a command line
 *
 * VALUE is read as JSON when it is valid JSON (`temperature=0.7` is a number,
 * `do_sample=true` a boolean, `x="a b"` a string), and as a plain string otherwise.
 *
 * Returns: %FALSE with %AUGUR_ERROR_INVALID_ARGUMENT when there is no name
 */
gboolean
augur_settings_parse_param (AugurSettings  *self,
                            const char     *key_equals_value,
                            GError        **error)
{
  g_autofree char *name = NULL;
  g_autoptr(JsonNode) value = NULL;
  const char *equals;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key_equals_value != NULL, FALSE);

  equals = strchr (key_equals_value, '=');
  if (equals == NULL)
    {
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a parameter: write NAME=VALUE, for example "
                     "temperature=0.7"), key_equals_value);
      return FALSE;
    }

  name = g_strstrip (g_strndup (key_equals_value, equals - key_equals_value));
  if (*name == '\0')
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                           _("A parameter needs a name before the “=”, for example "
                             "temperature=0.7"));
      return FALSE;
    }

  value = parse_param_value (name, equals + 1);
  augur_settings_set_param (self, name, value);
  return TRUE;
}

/* Returns: (transfer none) (nullable) */
JsonNode *
augur_settings_get_param (AugurSettings *self,
                          const char    *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->params, name);
}

/* Returns: (transfer container) (element-type utf8): valid until @self changes */
GPtrArray *
augur_settings_list_params (AugurSettings *self)
{
  GPtrArray *names;

  g_return_val_if_fail (self != NULL, NULL);

  names = g_ptr_array_sized_new (self->param_names->len);
  for (guint i = 0; i < self->param_names->len; i++)
    g_ptr_array_add (names, g_ptr_array_index (self->param_names, i));
  return names;
}

/* Validation --------------------------------------------------------------------------------- */

static gboolean
node_get_number (JsonNode *node,
                 double   *number)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *number = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *number = json_node_get_double (node);
  else if (type == G_TYPE_STRING)
    {
      const char *str = json_node_get_string (node);
      char *end = NULL;

      if (*str == '\0')
        return FALSE;
      *number = g_ascii_strtod (str, &end);
      if (*end != '\0')
        return FALSE;
    }
  else
    return FALSE;
  return isfinite (*number);
}

static gboolean
node_is_boolean (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_BOOLEAN)
    return TRUE;
  if (type == G_TYPE_STRING)
    {
      const char *str = json_node_get_string (node);
      return g_ascii_strcasecmp (str, "true") == 0 || g_ascii_strcasecmp (str, "false") == 0;
    }
  return FALSE;
}

static const char *
node_get_text (JsonNode *node)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
check_number_at_least (AugurSettings  *self,
                       const char     *name,
                       double          min,
                       gboolean        whole,
                       const char     *message,
                       GError        **error)
{
  JsonNode *node = g_hash_table_lookup (self->params, name);
  double number;

  if (node == NULL)
    return TRUE;
  if (node_get_number (node, &number) && number >= min && (!whole || number == floor (number)))
    return TRUE;
  g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

static gboolean
validate_output_config (AugurSettings  *self,
                        GError        **error)
{
  if (self->max_concepts > AUGUR_MAX_CONCEPTS_LIMIT)
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                           _("Max concepts must be between 1 and 200"));
      return FALSE;
    }
  if (!(self->min_value < 0) && !(self->min_value <= 1))
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                           _("Minimum value must be between 0 and 1"));
      return FALSE;
    }
  for (guint i = 0; i < self->select_concepts->len; i++)
    {
      const AugurSelectConcept *concept = g_ptr_array_index (self->select_concepts, i);
      if (*concept->value == '\0')
        {
          g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                               _("A selected concept needs a name or an id"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
validate_numbers (AugurSettings  *self,
                  GError        **error)
{
  JsonNode *top_p = g_hash_table_lookup (self->params, AUGUR_PARAM_TOP_P);
  double number;

  if (!check_number_at_least (self, AUGUR_PARAM_TEMPERATURE, 0, FALSE,
                              _("Temperature must be a number of 0 or more"), error)
      || !check_number_at_least (self, AUGUR_PARAM_TOP_K, 0, FALSE,
                                 _("Top K must be a number of 0 or more"), error)
      || !check_number_at_least (self, AUGUR_PARAM_MAX_TOKENS, 1, TRUE,
                                 _("Max tokens must be a whole number of 1 or more"), error)
      || !check_number_at_least (self, AUGUR_PARAM_NUM_BEAMS, 1, TRUE,
                                 _("Number of beams must be a whole number of 1 or more"),
                                 error))
    return FALSE;

  if (top_p != NULL && !(node_get_number (top_p, &number) && number >= 0 && number <= 1))
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                           _("Top P must be a number between 0 and 1"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_boolean (AugurSettings  *self,
               const char     *name,
               const char     *message,
               GError        **error)
{
  JsonNode *node = g_hash_table_lookup (self->params, name);

  if (node == NULL || node_is_boolean (node))
    return TRUE;
  g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

static gboolean
validate_texts (AugurSettings  *self,
                GError        **error)
{
  JsonNode *effort = g_hash_table_lookup (self->params, AUGUR_PARAM_REASONING_EFFORT);
  JsonNode *template = g_hash_table_lookup (self->params, AUGUR_PARAM_PROMPT_TEMPLATE);
  JsonNode *system_prompt = g_hash_table_lookup (self->params, AUGUR_PARAM_SYSTEM_PROMPT);
  const char *text;

  if (effort != NULL)
    {
      text = node_get_text (effort);
      if (text == NULL || !g_strv_contains ((const char *[]) { "low", "medium", "high", NULL },
                                            text))
        {
          g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                               _("Reasoning effort must be low, medium or high"));
          return FALSE;
        }
    }
  if (template != NULL)
    {
      text = node_get_text (template);
      if (text == NULL || strstr (text, "{prompt}") == NULL)
        {
          g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                               _("The prompt template must contain {prompt}, where your "
                                 "text goes"));
          return FALSE;
        }
    }
  if (system_prompt != NULL && node_get_text (system_prompt) == NULL)
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                           _("The system prompt must be text"));
      return FALSE;
    }
  return TRUE;
}

/**
 * augur_settings_validate:
 *
 * Checks the ranges Clarifai documents for the concept controls and the common sampling
 * parameters. Parameters Augur does not know are not checked.
 *
 * Returns: %FALSE with %AUGUR_ERROR_INVALID_ARGUMENT and a message for the user
 */
gboolean
augur_settings_validate (AugurSettings  *self,
                         GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return validate_output_config (self, error)
         && validate_numbers (self, error)
         && check_boolean (self, AUGUR_PARAM_DO_SAMPLE,
                           _("Do sample must be true or false"), error)
         && check_boolean (self, AUGUR_PARAM_RETURN_FULL_TEXT,
                           _("Return full text must be true or false"), error)
         && validate_texts (self, error);
}

/* Cache key ---------------------------------------------------------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A copy of @node whose objects list their members sorted by name, at every depth. */
static JsonNode *
canonical_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(JsonObject) sorted = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (object);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      for (GList *l = members; l != NULL; l = l->next)
        g_ptr_array_add (names, l->data);
      g_ptr_array_sort (names, compare_strings);
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          json_object_set_member (sorted, name,
                                  canonical_node (json_object_get_member (object, name)));
        }
      return json_node_init_object (json_node_alloc (), sorted);
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(JsonArray) copy = json_array_sized_new (json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, canonical_node (json_array_get_element (array, i)));
      return json_node_init_array (json_node_alloc (), copy);
    }
  return json_node_copy (node);
}

/* A shallow copy that does not free the elements (g_ptr_array_copy() keeps the free func). */
static GPtrArray *
borrowed_copy (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_copy (array, NULL, NULL);

  g_ptr_array_set_free_func (copy, NULL);
  return copy;
}

static int
compare_select_concepts (gconstpointer a,
                         gconstpointer b)
{
  const AugurSelectConcept *ca = *(AugurSelectConcept * const *) a;
  const AugurSelectConcept *cb = *(AugurSelectConcept * const *) b;

  if (ca->by_name != cb->by_name)
    return ca->by_name ? 1 : -1;
  return strcmp (ca->value, cb->value);
}

static void
add_sorted_select_concepts (AugurSettings *self,
                            JsonBuilder   *builder)
{
  g_autoptr(GPtrArray) sorted = borrowed_copy (self->select_concepts);

  g_ptr_array_sort (sorted, compare_select_concepts);
  json_builder_begin_array (builder);
  for (guint i = 0; i < sorted->len; i++)
    {
      const AugurSelectConcept *concept = g_ptr_array_index (sorted, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, concept->by_name ? "name" : "id");
      json_builder_add_string_value (builder, concept->value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_sorted_params (AugurSettings *self,
                   JsonBuilder   *builder)
{
  g_autoptr(GPtrArray) names = borrowed_copy (self->param_names);

  g_ptr_array_sort (names, compare_strings);
  json_builder_begin_object (builder);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      json_builder_set_member_name (builder, name);
      json_builder_add_value (builder, canonical_node (g_hash_table_lookup (self->params, name)));
    }
  json_builder_end_object (builder);
}

/**
 * augur_settings_to_key:
 *
 * Returns: (transfer full): a canonical string of every setting: equal settings give equal
 *   keys whatever order parameters and selected concepts were added in
 */
char *
augur_settings_to_key (AugurSettings *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "max_concepts");
  json_builder_add_int_value (builder, self->max_concepts);
  json_builder_set_member_name (builder, "min_value");
  json_builder_add_double_value (builder, self->min_value < 0 ? -1 : self->min_value);
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, self->language != NULL ? self->language : "");
  json_builder_set_member_name (builder, "select_concepts");
  add_sorted_select_concepts (self, builder);
  json_builder_set_member_name (builder, "params");
  add_sorted_params (self, builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
