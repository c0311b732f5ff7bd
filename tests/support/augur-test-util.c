/* augur-test-util.c: fixtures and structural JSON comparison for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-test-util"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "augur-test-server.h"

#define NUMBER_EPSILON 1e-6

char *
augur_test_fixture_path (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_build_filename (AUGUR_FIXTURES_DIR, name, NULL);
}

GBytes *
augur_test_fixture_bytes (const char *name)
{
  g_autofree char *path = augur_test_fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("Cannot read fixture %s: %s", name, error->message);
  return g_bytes_new_take (contents, length);
}

static const char *
node_kind (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return "a number";
    default:
      return "an unknown value";
    }
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static double
node_number (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  return json_node_get_double (node);
}

static gboolean
numbers_equal (double a,
               double b)
{
  double scale = MAX (fabs (a), fabs (b));

  if (a == b)
    return TRUE;
  return fabs (a - b) <= NUMBER_EPSILON * scale;
}

static char *
describe (JsonNode *node)
{
  g_autofree char *text = NULL;

  /* json-glib writes 0.6 as 0.59999999999999998 */
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.9g", json_node_get_double (node)));
    }
  text = json_to_string (node, FALSE);

  if (strlen (text) > 200)
    return g_strdup_printf ("%.200s…", text);
  return g_steal_pointer (&text);
}

/* Returns a description of the first difference, or NULL. */
static char *
compare_nodes (const char *path,
               JsonNode   *actual,
               JsonNode   *expected);

static char *
compare_objects (const char *path,
                 JsonObject *actual,
                 JsonObject *expected)
{
  g_autoptr(GList) expected_names = json_object_get_members (expected);
  g_autoptr(GList) actual_names = json_object_get_members (actual);

  for (GList *l = expected_names; l != NULL; l = l->next)
    {
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, (const char *) l->data);
      char *difference;

      if (!json_object_has_member (actual, l->data))
        {
          g_autofree char *text = describe (json_object_get_member (expected, l->data));

          return g_strdup_printf ("%s: missing (expected %s)", member_path, text);
        }
      difference = compare_nodes (member_path, json_object_get_member (actual, l->data),
                                  json_object_get_member (expected, l->data));
      if (difference != NULL)
        return difference;
    }
  for (GList *l = actual_names; l != NULL; l = l->next)
    if (!json_object_has_member (expected, l->data))
      {
        g_autofree char *text = describe (json_object_get_member (actual, l->data));

        return g_strdup_printf ("%s.%s: unexpected member (%s)", path, (const char *) l->data, text);
      }
  return NULL;
}

static char *
compare_arrays (const char *path,
                JsonArray  *actual,
                JsonArray  *expected)
{
  guint n_actual = json_array_get_length (actual);
  guint n_expected = json_array_get_length (expected);

  for (guint i = 0; i < MIN (n_actual, n_expected); i++)
    {
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);
      char *difference = compare_nodes (element_path, json_array_get_element (actual, i),
                                        json_array_get_element (expected, i));

      if (difference != NULL)
        return difference;
    }
  if (n_actual != n_expected)
    return g_strdup_printf ("%s: %u elements, expected %u", path, n_actual, n_expected);
  return NULL;
}

static char *
compare_nodes (const char *path,
               JsonNode   *actual,
               JsonNode   *expected)
{
  g_autofree char *actual_text = NULL;
  g_autofree char *expected_text = NULL;

  if (JSON_NODE_HOLDS_OBJECT (actual) && JSON_NODE_HOLDS_OBJECT (expected))
    return compare_objects (path, json_node_get_object (actual), json_node_get_object (expected));
  if (JSON_NODE_HOLDS_ARRAY (actual) && JSON_NODE_HOLDS_ARRAY (expected))
    return compare_arrays (path, json_node_get_array (actual), json_node_get_array (expected));
  if (JSON_NODE_HOLDS_NULL (actual) && JSON_NODE_HOLDS_NULL (expected))
    return NULL;

  actual_text = describe (actual);
  expected_text = describe (expected);
  if (node_is_number (actual) && node_is_number (expected))
    {
      if (numbers_equal (node_number (actual), node_number (expected)))
        return NULL;
      return g_strdup_printf ("%s: %s, expected %s", path, actual_text, expected_text);
    }
  if (JSON_NODE_HOLDS_VALUE (actual) && JSON_NODE_HOLDS_VALUE (expected)
      && json_node_get_value_type (actual) == json_node_get_value_type (expected))
    {
      if (json_node_equal (actual, expected))
        return NULL;
      return g_strdup_printf ("%s: %s, expected %s", path, actual_text, expected_text);
    }
  return g_strdup_printf ("%s: %s (%s), expected %s (%s)", path, node_kind (actual), actual_text,
                          node_kind (expected), expected_text);
}

static JsonNode *
parse_or_null (const char  *data,
               gssize       length,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, "empty document");
      return NULL;
    }
  return json_node_copy (root);
}

static void
fail_comparison (const char *message)
{
  g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
}

void
augur_test_assert_json_equal (const char *what,
                              GBytes     *bytes,
                              const char *expected_json)
{
  g_autoptr(JsonNode) actual = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;
  g_autofree char *message = NULL;
  gsize size = 0;
  const char *data;

  g_return_if_fail (what != NULL);
  g_return_if_fail (expected_json != NULL);

  expected = parse_or_null (expected_json, -1, &error);
  if (expected == NULL)
    g_error ("%s: the expected JSON does not parse: %s", what, error->message);

  if (bytes == NULL)
    {
      message = g_strdup_printf ("%s: no JSON at all (NULL bytes)", what);
      fail_comparison (message);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  actual = parse_or_null (data != NULL ? data : "", size, &error);
  if (actual == NULL)
    {
      message = g_strdup_printf ("%s: not JSON (%s): %.*s", what, error->message,
                                 (int) MIN (size, 200), data != NULL ? data : "");
      fail_comparison (message);
      return;
    }

  difference = compare_nodes ("$", actual, expected);
  if (difference != NULL)
    {
      message = g_strdup_printf ("%s: JSON differs at %s", what, difference);
      fail_comparison (message);
    }
}
