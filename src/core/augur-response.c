/* augur-response.c: JSON replies -> result objects.
 *
 * Every member is looked up with its type checked first: json-glib 1.6 getters raise criticals
 * on a wrong type, and a reply is data from the network, so a wrong shape must become an
 * AUGUR_ERROR_BAD_REPLY that names the member, never a critical.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-response"

#include <float.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "augur-concept.h"
#include "augur-error.h"
#include "augur-model.h"
#include "augur-model-spec.h"
#include "augur-prediction.h"
#include "augur-region.h"
#include "augur-response.h"
#include "augur-status.h"

/* json-glib 1.6 recurses once per nesting level and has no limit of its own: a reply of a few
 * hundred kilobytes of '[' would overflow the stack. Real replies nest about 10 levels. */
#define MAX_NESTING_DEPTH 128

/* An image sent by URL is echoed back with base64 "dHJ1ZQ==", the bytes of "true"
 * (contract §5.2); that is not a generated image. */
#define ECHO_QUIRK_BASE64 "dHJ1ZQ=="

typedef enum {
  EXPECT_OBJECT,
  EXPECT_ARRAY,
  EXPECT_STRING,
  EXPECT_NUMBER,
  EXPECT_BOOLEAN,
  EXPECT_FINITE,
} Expected;

typedef struct
{
  const char *name;
  int         value;
} EnumName;

/* DataType of method signature arguments (resources.proto). */
enum {
  DATA_TYPE_STR = 1,
  DATA_TYPE_INT = 3,
  DATA_TYPE_FLOAT = 4,
  DATA_TYPE_BOOL = 5,
  DATA_TYPE_JSON_DATA = 7,
  DATA_TYPE_TEXT = 8,
  DATA_TYPE_IMAGE = 9,
};

static const EnumName data_type_names[] = {
  { "STR", 1 }, { "BYTES", 2 }, { "INT", 3 }, { "FLOAT", 4 }, { "BOOL", 5 }, { "NDARRAY", 6 },
  { "JSON_DATA", 7 }, { "TEXT", 8 }, { "IMAGE", 9 }, { "CONCEPT", 10 }, { "REGION", 11 },
  { "FRAME", 12 }, { "AUDIO", 13 }, { "VIDEO", 14 }, { "NAMED_FIELDS", 15 }, { "TUPLE", 16 },
  { "LIST", 17 }, { NULL, 0 }
};

/* ModelTypeField.ModelTypeFieldType, used by legacy params_specs. */
enum {
  FIELD_TYPE_BOOLEAN = 1,
  FIELD_TYPE_STRING = 2,
  FIELD_TYPE_NUMBER = 3,
  FIELD_TYPE_RANGE = 7,
  FIELD_TYPE_ENUM = 8,
  FIELD_TYPE_JSON = 10,
};

static const EnumName field_type_names[] = {
  { "BOOLEAN", 1 }, { "STRING", 2 }, { "NUMBER", 3 }, { "ARRAY_OF_CONCEPTS", 4 },
  { "ARRAY_OF_CONCEPTS_WITH_THRESHOLD", 5 }, { "RANGE", 7 }, { "ENUM", 8 }, { "JSON", 10 },
  { "ARRAY_OF_NUMBERS", 11 }, { "ARRAY_OF_STRINGS", 13 }, { "ENCRYPTED_STRING", 21 },
  { NULL, 0 }
};

/* RunnerMethodType */
#define METHOD_TYPE_UNARY_UNARY 1

static const EnumName method_type_names[] = {
  { "UNARY_UNARY", 1 }, { "UNARY_STREAMING", 2 }, { "STREAMING_UNARY", 3 },
  { "STREAMING_STREAMING", 4 }, { NULL, 0 }
};

typedef gpointer (*ItemParser) (JsonObject  *object,
                                const char  *where,
                                GError     **error);

/* Paths and errors */

static char *
member_path (const char *where,
             const char *member)
{
  if (where == NULL || *where == '\0')
    return g_strdup (member);
  if (member == NULL)
    return g_strdup (where);
  return g_strdup_printf ("%s.%s", where, member);
}

static char *
element_path (const char *where,
              guint       index)
{
  return g_strdup_printf ("%s[%u]", where ? where : "", index);
}

static gboolean
set_wrong_type (GError     **error,
                const char  *path,
                Expected     expected)
{
  g_debug ("Unexpected JSON type at %s", path);

  switch (expected)
    {
    case EXPECT_OBJECT:
      /* Translators: %s is a place in the server's reply such as outputs[0].data.concepts */
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY,
                   _("The server's reply is not in the expected format: “%s” should be an object"),
                   path);
      break;
    case EXPECT_ARRAY:
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY,
                   _("The server's reply is not in the expected format: “%s” should be a list"),
                   path);
      break;
    case EXPECT_STRING:
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY,
                   _("The server's reply is not in the expected format: “%s” should be a string"),
                   path);
      break;
    case EXPECT_NUMBER:
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY,
                   _("The server's reply is not in the expected format: “%s” should be a number"),
                   path);
      break;
    case EXPECT_BOOLEAN:
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY,
                   _("The server's reply is not in the expected format: “%s” should be true or false"),
                   path);
      break;
    case EXPECT_FINITE:
    default:
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY,
                   _("The server's reply is not in the expected format: “%s” is out of range"),
                   path);
      break;
    }

  return FALSE;
}

static gboolean
set_wrong_member_type (GError     **error,
                       const char  *where,
                       const char  *member,
                       Expected     expected)
{
  g_autofree char *path = member_path (where, member);
  return set_wrong_type (error, path, expected);
}

static gboolean
set_wrong_element_type (GError     **error,
                        const char  *where,
                        guint        index,
                        Expected     expected)
{
  g_autofree char *path = element_path (where, index);
  return set_wrong_type (error, path, expected);
}

static gboolean
set_missing_member (GError     **error,
                    const char  *member)
{
  g_debug ("The reply has no member %s", member);
  /* Translators: %s is a field of the server's reply such as "model" */
  g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY,
               _("The server's reply has no “%s”"), member);
  return FALSE;
}

/* Scalars */

static gboolean
node_holds (JsonNode *node,
            GType     value_type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type;
}

static gboolean
node_is_number (JsonNode *node)
{
  return node_holds (node, G_TYPE_INT64) || node_holds (node, G_TYPE_DOUBLE);
}

static double
node_get_number (JsonNode *node)
{
  if (node_holds (node, G_TYPE_INT64))
    return (double) json_node_get_int (node);
  return json_node_get_double (node);
}

static int
clamp_to_int (gint64 value)
{
  return (int) CLAMP (value, G_MININT, G_MAXINT);
}

static guint
double_to_uint (double value)
{
  if (!(value > 0))   /* also NaN */
    return 0;
  if (value >= (double) G_MAXUINT)
    return G_MAXUINT;
  return (guint) value;
}

/* Converting a double outside the float range to float is undefined behaviour. */
static float
double_to_float (double value)
{
  return (float) CLAMP (value, -FLT_MAX, FLT_MAX);
}

/* Strings can hold invalid UTF-8 in json-glib 1.6: octal escapes ("\377") and lone surrogate
 * escapes are copied through. The UI must never see that. */
static char *
dup_valid_utf8 (const char *text)
{
  if (text == NULL)
    return NULL;
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

/* Members */

/* The member's node, or NULL when it is absent or null (proto3 JSON means the default). */
static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
read_object (JsonObject  *object,
             const char  *where,
             const char  *member,
             JsonObject **out,
             GError     **error)
{
  JsonNode *node = get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_wrong_member_type (error, where, member, EXPECT_OBJECT);
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_array (JsonObject  *object,
            const char  *where,
            const char  *member,
            JsonArray  **out,
            GError     **error)
{
  JsonNode *node = get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return set_wrong_member_type (error, where, member, EXPECT_ARRAY);
  *out = json_node_get_array (node);
  return TRUE;
}

/* @out: (out) (transfer full): a valid UTF-8 copy, or %NULL when absent */
static gboolean
read_string (JsonObject  *object,
             const char  *where,
             const char  *member,
             char       **out,
             GError     **error)
{
  JsonNode *node = get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!node_holds (node, G_TYPE_STRING))
    return set_wrong_member_type (error, where, member, EXPECT_STRING);
  *out = dup_valid_utf8 (json_node_get_string (node));
  return TRUE;
}

/* @out is left alone when the member is absent, so callers preset the default. */
static gboolean
read_number (JsonObject  *object,
             const char  *where,
             const char  *member,
             double      *out,
             GError     **error)
{
  JsonNode *node = get_member (object, member);
  double value;

  if (node == NULL)
    return TRUE;
  if (!node_is_number (node))
    return set_wrong_member_type (error, where, member, EXPECT_NUMBER);
  value = node_get_number (node);
  if (!isfinite (value))
    return set_wrong_member_type (error, where, member, EXPECT_FINITE);
  *out = value;
  return TRUE;
}

/* Counts: uint32 arrive as numbers, but int64 arrive as strings, so accept both. */
static gboolean
read_uint (JsonObject  *object,
           const char  *where,
           const char  *member,
           guint       *out,
           GError     **error)
{
  JsonNode *node = get_member (object, member);
  guint64 value;

  *out = 0;
  if (node == NULL)
    return TRUE;
  if (node_is_number (node))
    {
      *out = double_to_uint (node_get_number (node));
      return TRUE;
    }
  if (node_holds (node, G_TYPE_STRING) &&
      g_ascii_string_to_unsigned (json_node_get_string (node), 10, 0, G_MAXUINT64, &value, NULL))
    {
      *out = (guint) MIN (value, G_MAXUINT);
      return TRUE;
    }
  return set_wrong_member_type (error, where, member, EXPECT_NUMBER);
}

static gboolean
read_boolean (JsonObject  *object,
              const char  *where,
              const char  *member,
              gboolean    *out,
              GError     **error)
{
  JsonNode *node = get_member (object, member);

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!node_holds (node, G_TYPE_BOOLEAN))
    return set_wrong_member_type (error, where, member, EXPECT_BOOLEAN);
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* Enums come as numbers, but may come as their names (the REST gateway accepts both). */
static gboolean
read_enum (JsonObject      *object,
           const char      *where,
           const char      *member,
           const EnumName  *names,
           int             *out,
           GError         **error)
{
  JsonNode *node = get_member (object, member);

  *out = 0;
  if (node == NULL)
    return TRUE;
  if (node_holds (node, G_TYPE_INT64))
    {
      *out = clamp_to_int (json_node_get_int (node));
      return TRUE;
    }
  if (node_holds (node, G_TYPE_STRING))
    {
      const char *name = json_node_get_string (node);

      for (guint i = 0; names[i].name != NULL; i++)
        if (g_str_equal (names[i].name, name))
          *out = names[i].value;
      return TRUE;
    }
  return set_wrong_member_type (error, where, member, EXPECT_NUMBER);
}

/* Parsing */

static void
set_not_json (GError **error)
{
  g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY,
                       _("The server's reply was cut off or is not valid JSON"));
}

/* Works around json-glib 1.6 defects before its parser sees the data:
 * - it recurses once per nesting level with no limit, so deep nesting overflows the stack;
 * - it parses several top-level values ("{}{}", "\"x\"{}") and leaks all but the last;
 * - it leaks the string being scanned on a malformed surrogate pair ("\ud800\u0041") and
 *   copies lone surrogates and octal escapes ("\377") through as invalid UTF-8.
 * So only strict JSON passes: one value, JSON's own string escapes, no comments or
 * single-quoted strings (json-glib extensions). Within that, where a string starts and ends
 * is the same for this scan and for json-glib, so the depth counted here is the depth it
 * will recurse to. */
static gboolean
is_unicode_escape (const char *p,
                   const char *end)
{
  return end - p >= 6 && p[0] == '\\' && p[1] == 'u' &&
         g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
         g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]);
}

static gboolean
is_surrogate_escape (const char *p,
                     const char *end,
                     gboolean    high)
{
  return is_unicode_escape (p, end) && (p[2] == 'd' || p[2] == 'D') &&
         strchr (high ? "89abAB" : "cdefCDEF", p[3]) != NULL;
}

/* @p points at a backslash in a string. Returns the end of the escape, or %NULL. */
static const char *
skip_escape (const char *p,
             const char *end)
{
  if (end - p < 2)
    return NULL;

  switch (p[1])
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      return p + 2;
    case 'u':
      if (is_surrogate_escape (p, end, TRUE))
        return is_surrogate_escape (p + 6, end, FALSE) ? p + 12 : NULL;
      if (is_surrogate_escape (p, end, FALSE) || !is_unicode_escape (p, end))
        return NULL;
      return p + 6;
    default:
      return NULL;
    }
}

/* @p points after the opening quote. Returns the end of the string, or %NULL. */
static const char *
skip_string (const char *p,
             const char *end)
{
  while (p < end && *p != '"')
    {
      if (*p == '\\')
        {
          p = skip_escape (p, end);
          if (p == NULL)
            return NULL;
        }
      else
        {
          p++;
        }
    }
  return p < end ? p + 1 : end;
}

static gboolean
check_json_text (const char  *data,
                 gsize        length,
                 GError     **error)
{
  const char *p = data;
  const char *end = data + length;
  gboolean seen_value = FALSE;
  gboolean closed = FALSE;
  guint depth = 0;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      char c = *p;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          p++;
          continue;
        }

      if (depth == 0)
        {
          if (closed || (seen_value && (c == '[' || c == '{')))
            {
              g_debug ("Reply has more than one JSON value");
              goto not_json;
            }
          seen_value = TRUE;
        }

      if (c == '"')
        {
          p = skip_string (p + 1, end);
          if (p == NULL)
            {
              g_debug ("Reply has an escape that is not JSON");
              goto not_json;
            }
          continue;
        }

      if (c == '\'' || c == '/')
        {
          g_debug ("Reply has a comment or a single-quoted string");
          goto not_json;
        }

      if (c == '[' || c == '{')
        {
          if (++depth > MAX_NESTING_DEPTH)
            {
              g_debug ("Reply nested deeper than %d levels", MAX_NESTING_DEPTH);
              g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY,
                                   _("The server's reply is nested too deeply"));
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        {
          if (--depth == 0)
            closed = TRUE;
        }
      p++;
    }

  return TRUE;

not_json:
  set_not_json (error);
  return FALSE;
}

/* Returns: (transfer full) (nullable): the root node, or %NULL with @error set */
static JsonNode *
parse_json (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (data == NULL || length == 0 || length > G_MAXSSIZE)
    {
      g_debug ("Empty reply");
      set_not_json (error);
      return NULL;
    }

  /* json-glib checks this too, but the scan below must only see UTF-8 */
  if (!g_utf8_validate (data, length, NULL))
    {
      g_debug ("Reply is not UTF-8");
      set_not_json (error);
      return NULL;
    }

  if (!check_json_text (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_debug ("Reply is not JSON: %s", local_error->message);
      set_not_json (error);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_debug ("Reply has no JSON value");
      set_not_json (error);
    }
  return root;
}

/* Status */

static gboolean
is_http_success (guint http_status)
{
  return http_status == 0 || (http_status >= 200 && http_status < 300);
}

/* @unknown_name: (out) (transfer full): the name when it is not one we know */
static int
status_code_from_node (JsonNode  *node,
                       char     **unknown_name)
{
  const char *name;
  gint64 number;
  int code;

  *unknown_name = NULL;
  if (node == NULL)
    return 0;
  if (node_holds (node, G_TYPE_INT64))
    return clamp_to_int (json_node_get_int (node));
  if (node_holds (node, G_TYPE_DOUBLE))
    {
      double value = json_node_get_double (node);
      return isfinite (value) ? clamp_to_int ((gint64) CLAMP (value, G_MININT, G_MAXINT)) : 0;
    }
  if (!node_holds (node, G_TYPE_STRING))
    return 0;

  name = json_node_get_string (node);
  if (g_ascii_string_to_signed (name, 10, G_MININT, G_MAXINT, &number, NULL))
    return (int) number;
  code = augur_status_code_from_name (name);
  if (code >= 0)
    return code;
  if (*name != '\0')
    *unknown_name = dup_valid_utf8 (name);
  return 0;
}

/* Lenient: a status is only read to be shown, so members of a wrong type are skipped. */
static char *
dup_status_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL || !node_holds (node, G_TYPE_STRING) || *json_node_get_string (node) == '\0')
    return NULL;
  return dup_valid_utf8 (json_node_get_string (node));
}

/**
 * augur_response_status_from_json:
 * @object: a Status object
 *
 * Never fails: members of a wrong type are ignored. A code given as a name we do not know
 * becomes code 0, and the name is kept as the description when there is none.
 *
 * Returns: (transfer full): the status, with http_status 0
 */
AugurStatus *
augur_response_status_from_json (JsonObject *object)
{
  g_autofree char *unknown_name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *details = NULL;
  g_autofree char *req_id = NULL;
  int code;

  g_return_val_if_fail (object != NULL, NULL);

  code = status_code_from_node (get_member (object, "code"), &unknown_name);
  description = dup_status_string (object, "description");
  details = dup_status_string (object, "details");
  req_id = dup_status_string (object, "req_id");

  if (description == NULL && unknown_name != NULL)
    description = g_steal_pointer (&unknown_name);

  return augur_status_new (code, description, details, req_id);
}

static AugurErrorCode
error_code_for_status (const AugurStatus *status)
{
  if (augur_status_code_is_auth (status->code))
    return AUGUR_ERROR_AUTH;
  if (augur_status_code_retry_class (status->code) == AUGUR_RETRY_THROTTLE)
    return AUGUR_ERROR_THROTTLED;

  /* Without a code we know, the HTTP status is all there is to go by */
  if (augur_status_code_name (status->code) == NULL)
    {
      if (status->http_status == 429)
        return AUGUR_ERROR_THROTTLED;
      if (status->http_status == 401 || status->http_status == 403)
        return AUGUR_ERROR_AUTH;
    }

  return AUGUR_ERROR_API;
}

static GError *
error_from_status (const AugurStatus *status)
{
  g_debug ("Reply has status %d (HTTP %u)", status->code, status->http_status);
  return augur_error_new_status (error_code_for_status (status), status);
}

static void
set_http_status_error (guint    http_status,
                       GError **error)
{
  g_autoptr(AugurStatus) status = augur_status_new (0, NULL, NULL, NULL);

  status->http_status = http_status;
  g_propagate_error (error, error_from_status (status));
}

/* Envelope */

/**
 * augur_response_parse_envelope:
 *
 * @out_status is only set when the function returns an object; on error the status is
 * in the error (augur_error_get_status()).
 *
 * Returns: (transfer full) (nullable): the root object; free with json_object_unref()
 */
JsonObject *
augur_response_parse_envelope (GBytes        *body,
                               guint          http_status,
                               gboolean       allow_failure,
                               AugurStatus  **out_status,
                               GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(AugurStatus) status = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *status_node;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_status != NULL)
    *out_status = NULL;

  data = g_bytes_get_data (body, &length);
  root = parse_json (data, length, &local_error);

  /* Proxies, gateways and TLS middleboxes answer errors with HTML or nothing */
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      if (!is_http_success (http_status))
        set_http_status_error (http_status, error);
      else if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY,
                             _("The server's reply is not a JSON object"));
      return NULL;
    }

  object = json_node_get_object (root);
  status_node = get_member (object, "status");
  if (status_node == NULL || !JSON_NODE_HOLDS_OBJECT (status_node))
    {
      if (!is_http_success (http_status))
        set_http_status_error (http_status, error);
      else if (status_node == NULL)
        set_missing_member (error, "status");
      else
        set_wrong_type (error, "status", EXPECT_OBJECT);
      return NULL;
    }

  status = augur_response_status_from_json (json_node_get_object (status_node));
  status->http_status = http_status;

  if (!allow_failure && !augur_status_is_success (status))
    {
      g_propagate_error (error, error_from_status (status));
      return NULL;
    }

  if (out_status != NULL)
    *out_status = g_steal_pointer (&status);
  return json_object_ref (object);
}

/* Concepts and regions */

static gpointer
concept_from_json (JsonObject  *object,
                   const char  *where,
                   GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  double value = 0;   /* Concept.value is always sent in replies; absent means 0 */

  if (!read_string (object, where, "id", &id, error) ||
      !read_string (object, where, "name", &name, error) ||
      !read_number (object, where, "value", &value, error))
    return NULL;

  return augur_concept_new (id, name, value);
}

/* Appends one full reference per element of @object.@member to @into. */
static gboolean
read_object_list (JsonObject  *object,
                  const char  *where,
                  const char  *member,
                  ItemParser   parse_item,
                  GPtrArray   *into,
                  GError     **error)
{
  g_autofree char *path = member_path (where, member);
  JsonArray *array;
  guint length;

  if (!read_array (object, where, member, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *item_path = element_path (path, i);
      gpointer item;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return set_wrong_element_type (error, path, i, EXPECT_OBJECT);

      item = parse_item (json_node_get_object (node), item_path, error);
      if (item == NULL)
        return FALSE;
      g_ptr_array_add (into, item);
    }

  return TRUE;
}

/* data.concepts of a prediction, region or output_info */
static gboolean
read_data_concepts (JsonObject  *data,
                    const char  *where,
                    GPtrArray   *into,
                    GError     **error)
{
  return read_object_list (data, where, "concepts", concept_from_json, into, error);
}

static gboolean
read_bounding_box (JsonObject  *region,
                   const char  *where,
                   double       box[4],
                   gboolean    *has_box,
                   GError     **error)
{
  g_autofree char *info_path = member_path (where, "region_info");
  g_autofree char *box_path = member_path (info_path, "bounding_box");
  JsonObject *region_info;
  JsonObject *bounding_box;

  *has_box = FALSE;
  if (!read_object (region, where, "region_info", &region_info, error) ||
      !read_object (region_info, info_path, "bounding_box", &bounding_box, error))
    return FALSE;
  if (bounding_box == NULL)
    return TRUE;

  *has_box = TRUE;
  return read_number (bounding_box, box_path, "top_row", &box[0], error) &&
         read_number (bounding_box, box_path, "left_col", &box[1], error) &&
         read_number (bounding_box, box_path, "bottom_row", &box[2], error) &&
         read_number (bounding_box, box_path, "right_col", &box[3], error);
}

static gpointer
region_from_json (JsonObject  *object,
                  const char  *where,
                  GError     **error)
{
  g_autoptr(AugurRegion) region = NULL;
  g_autoptr(GPtrArray) concepts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *data_path = member_path (where, "data");
  g_autofree char *id = NULL;
  double box[4] = { 0, 0, 0, 0 };
  double value = 0;
  gboolean has_box;
  JsonObject *data;

  if (!read_string (object, where, "id", &id, error) ||
      !read_number (object, where, "value", &value, error) ||
      !read_bounding_box (object, where, box, &has_box, error) ||
      !read_object (object, where, "data", &data, error) ||
      !read_data_concepts (data, data_path, concepts, error))
    return NULL;

  region = augur_region_new (id, box[0], box[1], box[2], box[3], value);
  augur_region_set_has_box (region, has_box);
  for (guint i = 0; i < concepts->len; i++)
    augur_region_add_concept (region, g_ptr_array_index (concepts, i));

  return g_steal_pointer (&region);
}

/* Output data */

static gboolean
read_vector (JsonObject  *embedding,
             const char  *where,
             GArray     **out,
             GError     **error)
{
  g_autoptr(GArray) vector = NULL;
  g_autofree char *path = member_path (where, "vector");
  JsonArray *array;
  guint length;

  *out = NULL;
  if (!read_array (embedding, where, "vector", &array, error))
    return FALSE;

  length = array ? json_array_get_length (array) : 0;
  vector = g_array_sized_new (FALSE, FALSE, sizeof (float), length);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      double value;
      float f;

      if (node == NULL || !node_is_number (node))
        return set_wrong_element_type (error, path, i, EXPECT_NUMBER);
      value = node_get_number (node);
      if (!isfinite (value))
        return set_wrong_element_type (error, path, i, EXPECT_FINITE);
      f = double_to_float (value);
      g_array_append_val (vector, f);
    }

  *out = g_steal_pointer (&vector);
  return TRUE;
}

static gboolean
read_embeddings (AugurPrediction  *prediction,
                 JsonObject       *data,
                 const char       *where,
                 GError          **error)
{
  g_autofree char *path = member_path (where, "embeddings");
  JsonArray *embeddings;
  guint length;

  if (!read_array (data, where, "embeddings", &embeddings, error))
    return FALSE;

  length = embeddings ? json_array_get_length (embeddings) : 0;
  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (embeddings, i);
      g_autofree char *item_path = element_path (path, i);
      GArray *vector;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return set_wrong_element_type (error, path, i, EXPECT_OBJECT);
      if (!read_vector (json_node_get_object (node), item_path, &vector, error))
        return FALSE;
      augur_prediction_add_embedding (prediction, vector);
    }

  return TRUE;
}

static gboolean
read_image (AugurPrediction  *prediction,
            JsonObject       *data,
            const char       *where,
            GError          **error)
{
  g_autofree char *image_path = member_path (where, "image");
  g_autofree char *base64 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *image;
  guchar *decoded;
  gsize length;

  if (!read_object (data, where, "image", &image, error) ||
      !read_string (image, image_path, "base64", &base64, error))
    return FALSE;
  if (base64 == NULL || *base64 == '\0' || g_str_equal (base64, ECHO_QUIRK_BASE64))
    return TRUE;

  decoded = g_base64_decode (base64, &length);
  bytes = g_bytes_new_take (decoded, length);
  if (length > 0)
    augur_prediction_set_image (prediction, bytes);
  return TRUE;
}

/* The text of a Data: text.raw, a string_value, or another scalar shown as text.
 * (text.url is not data: raw text is echoed with a placeholder.gif URL.) */
static gboolean
read_data_text (JsonObject  *data,
                const char  *where,
                char       **out,
                GError     **error)
{
  g_autofree char *text_path = member_path (where, "text");
  JsonObject *text;
  JsonNode *node;

  *out = NULL;
  if (!read_object (data, where, "text", &text, error) ||
      !read_string (text, text_path, "raw", out, error))
    return FALSE;
  if (*out != NULL)
    return TRUE;

  if (!read_string (data, where, "string_value", out, error))
    return FALSE;
  if (*out != NULL)
    return TRUE;

  /* int64 arrive as strings */
  if ((node = get_member (data, "int_value")) != NULL)
    {
      if (node_holds (node, G_TYPE_STRING))
        *out = dup_valid_utf8 (json_node_get_string (node));
      else if (node_holds (node, G_TYPE_INT64))
        *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else
        return set_wrong_member_type (error, where, "int_value", EXPECT_NUMBER);
    }
  else if ((node = get_member (data, "float_value")) != NULL)
    {
      if (!node_is_number (node))
        return set_wrong_member_type (error, where, "float_value", EXPECT_NUMBER);
      *out = g_strdup_printf ("%g", node_get_number (node));
    }
  else if ((node = get_member (data, "bool_value")) != NULL)
    {
      if (!node_holds (node, G_TYPE_BOOLEAN))
        return set_wrong_member_type (error, where, "bool_value", EXPECT_BOOLEAN);
      *out = g_strdup (json_node_get_boolean (node) ? "true" : "false");
    }
  else if ((node = get_member (data, "struct_value")) != NULL)
    {
      *out = json_to_string (node, TRUE);
    }

  return TRUE;
}

/* Pythonic models answer in data.parts: the part "return" holds the result (contract §4.3). */
static gboolean
read_parts_text (JsonObject  *data,
                 const char  *where,
                 char       **out,
                 GError     **error)
{
  g_autofree char *path = member_path (where, "parts");
  g_autofree char *first_text = NULL;
  JsonArray *parts;
  guint length;

  *out = NULL;
  if (!read_array (data, where, "parts", &parts, error))
    return FALSE;

  length = parts ? json_array_get_length (parts) : 0;
  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (parts, i);
      g_autofree char *part_path = element_path (path, i);
      g_autofree char *part_data_path = member_path (part_path, "data");
      g_autofree char *id = NULL;
      g_autofree char *text = NULL;
      JsonObject *part;
      JsonObject *part_data;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return set_wrong_element_type (error, path, i, EXPECT_OBJECT);
      part = json_node_get_object (node);
      if (!read_string (part, part_path, "id", &id, error) ||
          !read_object (part, part_path, "data", &part_data, error) ||
          !read_data_text (part_data, part_data_path, &text, error))
        return FALSE;

      if (text != NULL && g_strcmp0 (id, "return") == 0)
        {
          *out = g_steal_pointer (&text);
          return TRUE;
        }
      if (i == 0)
        first_text = g_steal_pointer (&text);
    }

  *out = g_steal_pointer (&first_text);
  return TRUE;
}

static gboolean
read_output_data (AugurPrediction  *prediction,
                  JsonObject       *data,
                  const char       *where,
                  GError          **error)
{
  g_autofree char *text = NULL;

  if (!read_data_concepts (data, where, augur_prediction_get_concepts (prediction), error) ||
      !read_object_list (data, where, "regions", region_from_json,
                         augur_prediction_get_regions (prediction), error) ||
      !read_embeddings (prediction, data, where, error) ||
      !read_image (prediction, data, where, error) ||
      !read_data_text (data, where, &text, error))
    return FALSE;

  if (text == NULL && !read_parts_text (data, where, &text, error))
    return FALSE;
  if (text != NULL)
    augur_prediction_set_text (prediction, text);

  return TRUE;
}

static gboolean
read_output_model (AugurPrediction  *prediction,
                   JsonObject       *output,
                   const char       *where,
                   GError          **error)
{
  g_autofree char *model_path = member_path (where, "model");
  g_autofree char *version_path = member_path (model_path, "model_version");
  g_autofree char *model_id = NULL;
  g_autofree char *version_id = NULL;
  g_autofree char *model_type_id = NULL;
  JsonObject *model;
  JsonObject *version;

  if (!read_object (output, where, "model", &model, error))
    return FALSE;
  if (model == NULL)
    return TRUE;

  if (!read_string (model, model_path, "id", &model_id, error) ||
      !read_string (model, model_path, "model_type_id", &model_type_id, error) ||
      !read_object (model, model_path, "model_version", &version, error) ||
      !read_string (version, version_path, "id", &version_id, error))
    return FALSE;

  augur_prediction_set_model (prediction, model_id, version_id, model_type_id);
  return TRUE;
}

static void
apply_output_status (AugurPrediction   *prediction,
                     const AugurStatus *status)
{
  augur_prediction_set_status (prediction, status);
  if (!augur_status_is_success (status))
    {
      g_autoptr(GError) error = augur_error_new_status (error_code_for_status (status), status);
      augur_prediction_set_error (prediction, error);
    }
}

/* @fallback_status: (nullable): the top-level status, for an output that has none */
static AugurPrediction *
prediction_from_output (JsonNode           *node,
                        const char         *where,
                        const AugurStatus  *fallback_status,
                        GError            **error)
{
  g_autoptr(AugurPrediction) prediction = NULL;
  g_autofree char *data_path = member_path (where, "data");
  JsonObject *output;
  JsonObject *status;
  JsonObject *data;
  guint prompt_tokens;
  guint completion_tokens;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_wrong_type (error, where, EXPECT_OBJECT);
      return NULL;
    }

  output = json_node_get_object (node);
  prediction = augur_prediction_new ();

  if (!read_object (output, where, "status", &status, error) ||
      !read_output_model (prediction, output, where, error) ||
      !read_object (output, where, "data", &data, error) ||
      (data != NULL && !read_output_data (prediction, data, data_path, error)) ||
      !read_uint (output, where, "prompt_tokens", &prompt_tokens, error) ||
      !read_uint (output, where, "completion_tokens", &completion_tokens, error))
    return NULL;

  augur_prediction_set_tokens (prediction, prompt_tokens, completion_tokens);

  if (status != NULL)
    {
      g_autoptr(AugurStatus) output_status = augur_response_status_from_json (status);
      apply_output_status (prediction, output_status);
    }
  else if (fallback_status != NULL)
    {
      apply_output_status (prediction, fallback_status);
    }

  return g_steal_pointer (&prediction);
}

/**
 * augur_response_parse_output:
 * @output: one element of outputs[]
 *
 * Returns: (transfer full) (nullable): the prediction; an output whose status is not
 *   success-class gives a prediction with an error, not a %NULL
 */
AugurPrediction *
augur_response_parse_output (JsonNode  *output,
                             GError   **error)
{
  g_return_val_if_fail (output != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return prediction_from_output (output, "output", NULL, error);
}

static gboolean
has_outputs (JsonObject *root)
{
  JsonNode *node = get_member (root, "outputs");

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
         json_array_get_length (json_node_get_array (node)) > 0;
}

GPtrArray *
augur_response_parse_predict (GBytes       *body,
                              guint         http_status,
                              AugurStatus **out_status,
                              GError      **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(AugurStatus) status = NULL;
  g_autoptr(GPtrArray) predictions = NULL;
  const AugurStatus *fallback_status;
  JsonArray *outputs;
  guint length;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_status != NULL)
    *out_status = NULL;

  root = augur_response_parse_envelope (body, http_status, TRUE, &status, error);
  if (root == NULL)
    return NULL;

  /* A failure with outputs is not an error: each output says what went wrong (§6.3) */
  if (!augur_status_is_success (status) && !has_outputs (root))
    {
      g_propagate_error (error, error_from_status (status));
      return NULL;
    }

  if (!read_array (root, NULL, "outputs", &outputs, error))
    return NULL;

  fallback_status = augur_status_is_success (status) ? NULL : status;
  length = outputs ? json_array_get_length (outputs) : 0;
  predictions = g_ptr_array_new_full (length, g_object_unref);
  for (guint i = 0; i < length; i++)
    {
      g_autofree char *where = element_path ("outputs", i);
      AugurPrediction *prediction;

      prediction = prediction_from_output (json_array_get_element (outputs, i), where,
                                           fallback_status, error);
      if (prediction == NULL)
        return NULL;
      augur_prediction_set_index (prediction, i);
      g_ptr_array_add (predictions, prediction);
    }

  if (out_status != NULL)
    *out_status = g_steal_pointer (&status);
  return g_steal_pointer (&predictions);
}

/* Model specs */

static AugurParamType
param_type_from_data_type (int data_type)
{
  switch (data_type)
    {
    case DATA_TYPE_STR:       return AUGUR_PARAM_TYPE_STRING;
    case DATA_TYPE_INT:       return AUGUR_PARAM_TYPE_INT;
    case DATA_TYPE_FLOAT:     return AUGUR_PARAM_TYPE_FLOAT;
    case DATA_TYPE_BOOL:      return AUGUR_PARAM_TYPE_BOOL;
    case DATA_TYPE_JSON_DATA: return AUGUR_PARAM_TYPE_JSON;
    case DATA_TYPE_TEXT:      return AUGUR_PARAM_TYPE_TEXT;
    case DATA_TYPE_IMAGE:     return AUGUR_PARAM_TYPE_IMAGE;
    default:                  return AUGUR_PARAM_TYPE_OTHER;
    }
}

static AugurParamType
param_type_from_field_type (int field_type)
{
  switch (field_type)
    {
    case FIELD_TYPE_BOOLEAN: return AUGUR_PARAM_TYPE_BOOL;
    case FIELD_TYPE_STRING:  return AUGUR_PARAM_TYPE_STRING;
    case FIELD_TYPE_NUMBER:  return AUGUR_PARAM_TYPE_FLOAT;
    case FIELD_TYPE_RANGE:   return AUGUR_PARAM_TYPE_FLOAT;
    case FIELD_TYPE_ENUM:    return AUGUR_PARAM_TYPE_ENUM;
    case FIELD_TYPE_JSON:    return AUGUR_PARAM_TYPE_JSON;
    default:                 return AUGUR_PARAM_TYPE_OTHER;
    }
}

static AugurParamType
param_type_from_value (JsonNode *value)
{
  if (node_holds (value, G_TYPE_BOOLEAN))
    return AUGUR_PARAM_TYPE_BOOL;
  if (node_is_number (value))
    return AUGUR_PARAM_TYPE_FLOAT;
  if (node_holds (value, G_TYPE_STRING))
    return AUGUR_PARAM_TYPE_STRING;
  return AUGUR_PARAM_TYPE_JSON;
}

static gboolean
read_range (JsonObject      *field,
            const char      *where,
            AugurParamSpec  *param,
            GError         **error)
{
  g_autofree char *path = member_path (where, "model_type_range_info");
  JsonObject *range;

  if (!read_object (field, where, "model_type_range_info", &range, error))
    return FALSE;
  if (range == NULL)
    return TRUE;

  param->has_range = TRUE;
  return read_number (range, path, "min", &param->min, error) &&
         read_number (range, path, "max", &param->max, error) &&
         read_number (range, path, "step", &param->step, error);
}

static gboolean
read_enum_options (JsonObject      *field,
                   const char      *where,
                   AugurParamSpec  *param,
                   GError         **error)
{
  g_autofree char *path = member_path (where, "model_type_enum_options");
  g_autoptr(GPtrArray) options = NULL;
  JsonArray *array;
  guint length;

  if (!read_array (field, where, "model_type_enum_options", &array, error))
    return FALSE;
  length = array ? json_array_get_length (array) : 0;
  if (length == 0)
    return TRUE;

  options = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *option_path = element_path (path, i);
      char *id;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return set_wrong_element_type (error, path, i, EXPECT_OBJECT);
      if (!read_string (json_node_get_object (node), option_path, "id", &id, error))
        return FALSE;
      if (id != NULL)
        g_ptr_array_add (options, id);
    }

  g_ptr_array_add (options, NULL);
  param->enum_options = (char **) g_ptr_array_free (g_steal_pointer (&options), FALSE);
  return TRUE;
}

/* Method signature defaults are JSON-encoded strings: "512", "0.7", "\"auto\"", "null". */
static JsonNode *
parse_default_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  node = parse_json (text, strlen (text), &error);
  if (node == NULL)
    {
      /* Not JSON after all: take it as the text it is */
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, text);
      return node;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    g_clear_pointer (&node, json_node_unref);
  return node;
}

static void
read_signature_default (JsonObject      *field,
                        AugurParamSpec  *param)
{
  JsonNode *node = get_member (field, "default");

  if (node == NULL)
    return;
  if (node_holds (node, G_TYPE_STRING))
    param->default_value = parse_default_text (json_node_get_string (node));
  else
    param->default_value = json_node_copy (node);
}

static gboolean
read_param_common (JsonObject      *field,
                   const char      *where,
                   AugurParamSpec  *param,
                   GError         **error)
{
  return read_string (field, where, "description", &param->description, error) &&
         read_boolean (field, where, "required", &param->required, error) &&
         read_range (field, where, param, error) &&
         read_enum_options (field, where, param, error);
}

static gpointer
signature_param_from_json (JsonObject  *field,
                           const char  *where,
                           GError     **error)
{
  g_autoptr(AugurParamSpec) param = NULL;
  g_autofree char *name = NULL;
  int data_type;

  if (!read_string (field, where, "name", &name, error) ||
      !read_enum (field, where, "type", data_type_names, &data_type, error))
    return NULL;

  param = augur_param_spec_new (name ? name : "", param_type_from_data_type (data_type));
  if (!read_param_common (field, where, param, error) ||
      !read_boolean (field, where, "is_param", &param->is_param, error))
    return NULL;
  read_signature_default (field, param);

  if (param->type == AUGUR_PARAM_TYPE_STRING && param->enum_options != NULL)
    param->type = AUGUR_PARAM_TYPE_ENUM;

  return g_steal_pointer (&param);
}

static gpointer
legacy_param_from_json (JsonObject  *field,
                        const char  *where,
                        GError     **error)
{
  g_autoptr(AugurParamSpec) param = NULL;
  g_autofree char *path = NULL;
  const char *name;
  JsonNode *default_value;
  int field_type;

  if (!read_string (field, where, "path", &path, error) ||
      !read_enum (field, where, "field_type", field_type_names, &field_type, error))
    return NULL;

  /* "temperature" or "output_info.params.temperature": the key is the last segment (§8.2) */
  name = path ? strrchr (path, '.') : NULL;
  name = name ? name + 1 : path;

  param = augur_param_spec_new (name ? name : "", param_type_from_field_type (field_type));
  param->is_param = TRUE;
  if (!read_param_common (field, where, param, error))
    return NULL;

  default_value = get_member (field, "default_value");
  if (default_value != NULL)
    param->default_value = json_node_copy (default_value);

  return g_steal_pointer (&param);
}

/* Moves the params that have a name and are not there yet from @params into @spec. */
static void
add_params (AugurModelSpec *spec,
            GPtrArray      *params)
{
  for (guint i = 0; i < params->len; i++)
    {
      AugurParamSpec *param = g_ptr_array_index (params, i);

      if (*param->name == '\0' || augur_model_spec_find_param (spec, param->name) != NULL)
        continue;
      g_ptr_array_add (spec->params, g_steal_pointer (&params->pdata[i]));
    }
}

static gboolean
read_params (AugurModelSpec  *spec,
             JsonObject      *object,
             const char      *where,
             const char      *member,
             ItemParser       parse_param,
             GError         **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_param_spec_free);

  if (!read_object_list (object, where, member, parse_param, params, error))
    return FALSE;
  add_params (spec, params);
  return TRUE;
}

/* output_info.params holds the current values; a key without a spec still gets a control. */
static void
add_params_from_values (AugurModelSpec *spec,
                        JsonObject     *values)
{
  g_autoptr(GList) members = json_object_get_members (values);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (values, name);
      AugurParamSpec *param;

      if (*name == '\0' || augur_model_spec_find_param (spec, name) != NULL)
        continue;

      param = augur_param_spec_new (name, param_type_from_value (value));
      param->is_param = TRUE;
      if (!JSON_NODE_HOLDS_NULL (value))
        param->default_value = json_node_copy (value);
      g_ptr_array_add (spec->params, param);
    }
}

static gboolean
read_legacy_spec (AugurModelSpec  *spec,
                  JsonObject      *model_version,
                  const char      *where,
                  GError         **error)
{
  g_autofree char *path = member_path (where, "output_info");
  JsonObject *output_info;
  JsonObject *values;

  if (!read_object (model_version, where, "output_info", &output_info, error) ||
      !read_params (spec, output_info, path, "params_specs", legacy_param_from_json, error) ||
      !read_object (output_info, path, "params", &values, error))
    return FALSE;

  if (values != NULL)
    add_params_from_values (spec, values);
  return TRUE;
}

/* "predict", else the first unary-unary method, else the first. */
static gboolean
pick_method (JsonArray   *signatures,
             const char  *where,
             JsonObject **out,
             GError     **error)
{
  guint length = json_array_get_length (signatures);
  JsonObject *predict = NULL;
  JsonObject *first_unary = NULL;
  JsonObject *first = NULL;

  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (signatures, i);
      g_autofree char *method_path = element_path (where, i);
      g_autofree char *name = NULL;
      JsonObject *method;
      int method_type;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return set_wrong_element_type (error, where, i, EXPECT_OBJECT);
      method = json_node_get_object (node);
      if (!read_string (method, method_path, "name", &name, error) ||
          !read_enum (method, method_path, "method_type", method_type_names, &method_type, error))
        return FALSE;

      if (predict == NULL && g_strcmp0 (name, "predict") == 0)
        predict = method;
      if (first_unary == NULL && method_type == METHOD_TYPE_UNARY_UNARY)
        first_unary = method;
      if (first == NULL)
        first = method;
    }

  *out = predict ? predict : first_unary ? first_unary : first;
  return TRUE;
}

/* The text box goes to "prompt", else to the first text argument; the image slot to the
 * first image argument (contract §8.3). */
static void
find_data_args (AugurModelSpec *spec)
{
  const char *first_text = NULL;

  for (guint i = 0; i < spec->params->len; i++)
    {
      AugurParamSpec *param = g_ptr_array_index (spec->params, i);

      if (param->is_param)
        continue;
      if (spec->prompt_arg == NULL && g_str_equal (param->name, "prompt"))
        spec->prompt_arg = g_strdup (param->name);
      if (first_text == NULL &&
          (param->type == AUGUR_PARAM_TYPE_STRING || param->type == AUGUR_PARAM_TYPE_TEXT))
        first_text = param->name;
      if (spec->image_arg == NULL && param->type == AUGUR_PARAM_TYPE_IMAGE)
        spec->image_arg = g_strdup (param->name);
    }

  if (spec->prompt_arg == NULL)
    spec->prompt_arg = g_strdup (first_text);
}

static gboolean
read_pythonic_spec (AugurModelSpec  *spec,
                    JsonArray       *signatures,
                    const char      *where,
                    GError         **error)
{
  g_autofree char *method_path = NULL;
  JsonObject *method = NULL;

  if (!pick_method (signatures, where, &method, error) ||
      !read_string (method, where, "name", &spec->method_name, error))
    return FALSE;

  spec->pythonic = TRUE;
  method_path = g_strdup_printf ("%s(%s)", where, spec->method_name ? spec->method_name : "");
  if (!read_params (spec, method, method_path, "input_fields", signature_param_from_json, error))
    return FALSE;

  find_data_args (spec);
  return TRUE;
}

static AugurModelSpec *
spec_from_json (JsonObject  *model_version,
                const char  *where,
                GError     **error)
{
  g_autoptr(AugurModelSpec) spec = augur_model_spec_new ();
  g_autofree char *path = member_path (where, "method_signatures");
  JsonArray *signatures;

  if (!read_array (model_version, where, "method_signatures", &signatures, error))
    return NULL;

  if (signatures != NULL && json_array_get_length (signatures) > 0)
    {
      if (!read_pythonic_spec (spec, signatures, path, error))
        return NULL;
    }
  else if (!read_legacy_spec (spec, model_version, where, error))
    {
      return NULL;
    }

  return g_steal_pointer (&spec);
}

/**
 * augur_response_spec_from_model_version:
 * @model_version: a ModelVersion object
 *
 * Reads what the version accepts: its method signature when it has one (pythonic models),
 * else output_info.params_specs and output_info.params (legacy models).
 *
 * Returns: (transfer full) (nullable): the spec, possibly without params; %NULL on error
 */
AugurModelSpec *
augur_response_spec_from_model_version (JsonObject  *model_version,
                                        GError     **error)
{
  g_return_val_if_fail (model_version != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return spec_from_json (model_version, "model_version", error);
}

/* Models and versions */

static AugurModelVersion *
model_version_from_json (JsonObject  *object,
                         const char  *where,
                         GError     **error)
{
  g_autoptr(AugurModelVersion) version = NULL;
  g_autoptr(AugurModelSpec) spec = NULL;
  g_autofree char *output_info_path = member_path (where, "output_info");
  g_autofree char *data_path = member_path (output_info_path, "data");
  g_autofree char *id = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *description = NULL;
  JsonObject *status;
  JsonObject *output_info;
  JsonObject *data;
  guint active_concept_count;

  if (!read_string (object, where, "id", &id, error) ||
      !read_string (object, where, "created_at", &created_at, error) ||
      !read_string (object, where, "description", &description, error) ||
      !read_object (object, where, "status", &status, error) ||
      !read_uint (object, where, "active_concept_count", &active_concept_count, error) ||
      !read_object (object, where, "output_info", &output_info, error) ||
      !read_object (output_info, output_info_path, "data", &data, error))
    return NULL;

  version = augur_model_version_new (id);
  if (!read_data_concepts (data, data_path, augur_model_version_get_concepts (version), error))
    return NULL;

  spec = spec_from_json (object, where, error);
  if (spec == NULL)
    return NULL;

  augur_model_version_set_created_at (version, created_at);
  augur_model_version_set_description (version, description);
  augur_model_version_set_active_concept_count (version, active_concept_count);
  augur_model_version_set_spec (version, spec);
  if (status != NULL)
    {
      g_autoptr(AugurStatus) version_status = augur_response_status_from_json (status);
      augur_model_version_set_status (version, version_status);
    }

  return g_steal_pointer (&version);
}

AugurModelVersion *
augur_response_model_version_from_json (JsonObject  *object,
                                        GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return model_version_from_json (object, "model_version", error);
}

static gpointer
model_version_item_from_json (JsonObject  *object,
                              const char  *where,
                              GError     **error)
{
  return model_version_from_json (object, where, error);
}

/* GetModelOutputInfo puts the concepts on the model, not on its version: give them to the
 * version too, so that its concept list is complete. */
static gboolean
read_model_concepts (JsonObject         *model,
                     const char         *where,
                     AugurModelVersion  *version,
                     GError            **error)
{
  g_autoptr(GPtrArray) concepts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *output_info_path = member_path (where, "output_info");
  g_autofree char *data_path = member_path (output_info_path, "data");
  GPtrArray *version_concepts;
  JsonObject *output_info;
  JsonObject *data;

  if (!read_object (model, where, "output_info", &output_info, error) ||
      !read_object (output_info, output_info_path, "data", &data, error) ||
      !read_data_concepts (data, data_path, concepts, error))
    return FALSE;

  if (version == NULL)
    return TRUE;
  version_concepts = augur_model_version_get_concepts (version);
  if (version_concepts->len == 0)
    for (guint i = 0; i < concepts->len; i++)
      g_ptr_array_add (version_concepts, g_object_ref (g_ptr_array_index (concepts, i)));
  return TRUE;
}

static gpointer
model_from_json (JsonObject  *object,
                 const char  *where,
                 GError     **error)
{
  g_autoptr(AugurModel) model = NULL;
  g_autoptr(AugurModelVersion) version = NULL;
  g_autofree char *version_path = member_path (where, "model_version");
  g_autofree char *id = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *model_type_id = NULL;
  g_autofree char *description = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *modified_at = NULL;
  JsonObject *version_object;
  guint star_count;

  if (!read_string (object, where, "id", &id, error) ||
      !read_string (object, where, "user_id", &user_id, error) ||
      !read_string (object, where, "app_id", &app_id, error) ||
      !read_string (object, where, "name", &name, error) ||
      !read_string (object, where, "display_name", &display_name, error) ||
      !read_string (object, where, "model_type_id", &model_type_id, error) ||
      !read_string (object, where, "description", &description, error) ||
      !read_string (object, where, "created_at", &created_at, error) ||
      !read_string (object, where, "modified_at", &modified_at, error) ||
      !read_uint (object, where, "star_count", &star_count, error) ||
      !read_object (object, where, "model_version", &version_object, error))
    return NULL;

  if (version_object != NULL)
    {
      version = model_version_from_json (version_object, version_path, error);
      if (version == NULL)
        return NULL;
    }
  if (!read_model_concepts (object, where, version, error))
    return NULL;

  model = augur_model_new (user_id, app_id, id);
  augur_model_set_name (model, (name != NULL && *name != '\0') ? name : display_name);
  augur_model_set_model_type_id (model, model_type_id);
  augur_model_set_description (model, description);
  augur_model_set_created_at (model, created_at);
  augur_model_set_modified_at (model, modified_at);
  augur_model_set_star_count (model, star_count);
  augur_model_set_version (model, version);

  return g_steal_pointer (&model);
}

AugurModel *
augur_response_model_from_json (JsonObject  *object,
                                GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return model_from_json (object, "model", error);
}

/* Whole replies */

/* The object @member of a successful reply, which must be there. */
static JsonObject *
parse_single (GBytes      *body,
              guint        http_status,
              const char  *member,
              GError     **error)
{
  g_autoptr(JsonObject) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = augur_response_parse_envelope (body, http_status, FALSE, NULL, error);
  if (root == NULL || !read_object (root, NULL, member, &object, error))
    return NULL;
  if (object == NULL)
    {
      set_missing_member (error, member);
      return NULL;
    }
  return json_object_ref (object);
}

/* A list reply: the objects of @member, which may be absent or empty. */
static GPtrArray *
parse_list (GBytes          *body,
            guint            http_status,
            const char      *member,
            ItemParser       parse_item,
            GDestroyNotify   free_item,
            GError         **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = augur_response_parse_envelope (body, http_status, FALSE, NULL, error);
  if (root == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func (free_item);
  if (!read_object_list (root, NULL, member, parse_item, items, error))
    return NULL;
  return g_steal_pointer (&items);
}

/**
 * augur_response_parse_model:
 *
 * Parses a SingleModelResponse (GetModel, GetModelOutputInfo).
 *
 * Returns: (transfer full) (nullable): the model
 */
AugurModel *
augur_response_parse_model (GBytes  *body,
                            guint    http_status,
                            GError **error)
{
  g_autoptr(JsonObject) object = parse_single (body, http_status, "model", error);

  if (object == NULL)
    return NULL;
  return model_from_json (object, "model", error);
}

/**
 * augur_response_parse_model_version:
 *
 * Parses a SingleModelVersionResponse (GetModelVersion).
 *
 * Returns: (transfer full) (nullable): the version
 */
AugurModelVersion *
augur_response_parse_model_version (GBytes  *body,
                                    guint    http_status,
                                    GError **error)
{
  g_autoptr(JsonObject) object = parse_single (body, http_status, "model_version", error);

  if (object == NULL)
    return NULL;
  return model_version_from_json (object, "model_version", error);
}

/**
 * augur_response_parse_models:
 *
 * Parses a MultiModelResponse (ListModels, PostModelsSearches).
 *
 * Returns: (transfer full) (element-type AugurModel) (nullable): the models
 */
GPtrArray *
augur_response_parse_models (GBytes  *body,
                             guint    http_status,
                             GError **error)
{
  return parse_list (body, http_status, "models", model_from_json, g_object_unref, error);
}

/**
 * augur_response_parse_model_versions:
 *
 * Parses a MultiModelVersionResponse (ListModelVersions).
 *
 * Returns: (transfer full) (element-type AugurModelVersion) (nullable): the versions
 */
GPtrArray *
augur_response_parse_model_versions (GBytes  *body,
                                     guint    http_status,
                                     GError **error)
{
  return parse_list (body, http_status, "model_versions", model_version_item_from_json,
                     g_object_unref, error);
}

/**
 * augur_response_parse_concepts:
 *
 * Parses a MultiConceptResponse (ListModelConcepts, ListConcepts).
 *
 * Returns: (transfer full) (element-type AugurConcept) (nullable): the concepts
 */
GPtrArray *
augur_response_parse_concepts (GBytes  *body,
                               guint    http_status,
                               GError **error)
{
  return parse_list (body, http_status, "concepts", concept_from_json, g_object_unref, error);
}

/**
 * augur_response_parse_output_info_concepts:
 *
 * Parses the concepts of a GetModelOutputInfo reply (model.output_info.data.concepts).
 *
 * Returns: (transfer full) (element-type AugurConcept) (nullable): the concepts, maybe none
 */
GPtrArray *
augur_response_parse_output_info_concepts (GBytes  *body,
                                           guint    http_status,
                                           GError **error)
{
  g_autoptr(JsonObject) model = parse_single (body, http_status, "model", error);
  g_autoptr(GPtrArray) concepts = NULL;
  JsonObject *output_info;
  JsonObject *data;

  if (model == NULL)
    return NULL;

  concepts = g_ptr_array_new_with_free_func (g_object_unref);
  if (!read_object (model, "model", "output_info", &output_info, error) ||
      !read_object (output_info, "model.output_info", "data", &data, error) ||
      !read_data_concepts (data, "model.output_info.data", concepts, error))
    return NULL;

  return g_steal_pointer (&concepts);
}
