/* augur-test-server.c: a fake Clarifai v2 server for tests and benchmarks.
 *
 * The SoupServer lives on its own thread and GMainContext; everything the test thread
 * can touch (token, model, delay, queue, request log) is under one mutex. Delays pause the
 * message and resume it from a timeout on the server context: the server thread never sleeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-test-server"

#include <string.h>

#include <json-glib/json-glib.h>

#include "augur-test-server.h"

#define MAX_INPUTS            128
#define DEFAULT_MAX_CONCEPTS  20
#define MAX_MAX_CONCEPTS      200
#define DEFAULT_PER_PAGE      128
#define CREATED_AT            "2024-06-01T12:00:00.000000Z"
#define OUTPUT_CREATED_AT     "2024-06-02T08:30:15.123456789Z"

typedef struct
{
  char   *method;
  char   *path_suffix;
  guint   http_status;
  GBytes *body;          /* (nullable) */
  guint   delay_ms;
  GStrv   headers;       /* (nullable) name, value, ... */
} QueuedResponse;

typedef struct
{
  AugurTestServer   *self;
  SoupServerMessage *msg;          /* (owned) */
  GSource           *source;       /* (owned) */
  gulong             finished_id;
} PendingReply;

struct _AugurTestServer
{
  /* Set before the thread starts or during the start handshake, read-only afterwards. */
  GTlsCertificate *tls_cert;       /* (owned) (nullable) */
  GThread         *thread;
  GMainContext    *context;
  GMainLoop       *loop;
  char            *base_url;
  GError          *start_error;

  /* Server thread only. */
  SoupServer      *soup_server;
  GList           *pending;        /* (element-type PendingReply) */

  GMutex           mutex;
  GCond            cond;
  /* Under the mutex. */
  gboolean             started;
  char                *token;
  AugurTestServerModel model;
  guint                delay_ms;
  GQueue               queue;      /* (element-type QueuedResponse) */
  GPtrArray           *requests;   /* (element-type AugurTestRequest) */
  guint                n_handled;
  gboolean             lean;
  gboolean             versions_differ;
  char                *failing_version;   /* (nullable) */
  guint                failing_status;
};

typedef enum {
  ROUTE_UNKNOWN,
  ROUTE_LIST_MODELS,
  ROUTE_GET_MODEL,
  ROUTE_OUTPUTS,
  ROUTE_LIST_VERSIONS,
  ROUTE_GET_VERSION,
  ROUTE_CONCEPTS,
  ROUTE_OUTPUT_INFO,
} RouteKind;

typedef struct
{
  RouteKind  kind;
  char      *user_id;     /* (nullable) */
  char      *app_id;      /* (nullable) */
  char      *model_id;    /* (nullable) */
  char      *version_id;  /* (nullable) */
} Route;

/* Everything one built-in handler needs; filled on the server thread. */
typedef struct
{
  SoupServerMessage    *msg;
  GHashTable           *query;     /* (nullable) */
  GBytes               *body;
  AugurTestServerModel  model;
  char                 *req_id;
  Route                 route;
  gboolean              versions_differ;
  char                 *failing_version;   /* (owned) (nullable) */
  guint                 failing_status;
} Call;

/* How the older version's answer departs from the latest's (see augur-test-server.h). */
typedef struct
{
  gboolean older;   /* answer as the older version */
  gboolean swap;    /* the input's key makes the top-1 change (classifier) or a box go */
} Variant;

typedef struct
{
  const char *user_id;
  const char *app_id;
  const char *id;
  const char *name;
  const char *model_type_id;
  const char *description;
  const char *created_at;
  guint       star_count;
} CatalogueModel;

static const CatalogueModel catalogue[] = {
  { "clarifai", "main", "general-image-recognition", "Image Recognition", "visual-classifier",
    "Identifies a variety of concepts in images and video", "2016-03-09T17:11:39.608845Z", 412 },
  { "clarifai", "main", "face-detection", "Face", "visual-detector",
    "Detects the location of human faces", "2020-11-25T16:50:24.453038Z", 163 },
  { "clarifai", "main", "moderation-recognition", "Moderation", "visual-classifier",
    "Recognizes inappropriate content", "2017-05-16T19:20:38.733764Z", 57 },
  { "meta", "Llama-3", "llama-3-8b-instruct", "Llama 3 8B Instruct", "text-to-text",
    "A small instruction-tuned language model", "2024-04-19T10:00:00.000000Z", 98 },
  { "openai", "chat-completion", "gpt-4o", "GPT-4o", "multimodal-to-text",
    "Answers questions about images and text", "2024-05-14T09:00:00.000000Z", 230 },
  { "cohere", "embed", "cohere-embed-english-v3_0", "Embed English v3", "text-embedder",
    "Text embeddings for search", "2023-11-02T15:00:00.000000Z", 21 },
  { "test-user", "test-app", "my-classifier", "My classifier", "visual-classifier",
    "A private classifier", "2024-01-10T08:00:00.000000Z", 0 },
};

/* Request log */

static void
append_header (const char *name,
               const char *value,
               gpointer    user_data)
{
  soup_message_headers_append (user_data, name, value);
}

static SoupMessageHeaders *
copy_headers (SoupMessageHeaders *headers)
{
  SoupMessageHeaders *copy = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);

  soup_message_headers_foreach (headers, append_header, copy);
  return copy;
}

static AugurTestRequest *
augur_test_request_copy (const AugurTestRequest *request)
{
  AugurTestRequest *copy = g_new0 (AugurTestRequest, 1);

  copy->method = g_strdup (request->method);
  copy->path = g_strdup (request->path);
  copy->query = g_strdup (request->query);
  copy->authorization = g_strdup (request->authorization);
  copy->body = g_bytes_ref (request->body);
  copy->n_inputs = request->n_inputs;
  copy->headers = copy_headers (request->headers);
  return copy;
}

void
augur_test_request_free (AugurTestRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_free (request->authorization);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_pointer (&request->headers, soup_message_headers_unref);
  g_free (request);
}

static JsonNode *
parse_json_bytes (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonNode *root;

  if (size == 0 || !json_parser_load_from_data (parser, data, size, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL ? json_node_copy (root) : NULL;
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
number_from_node (JsonNode *node,
                  double   *out)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      char *end = NULL;

      *out = g_ascii_strtod (text, &end);
      return end != text && *end == '\0';
    }
  else
    return FALSE;
  return TRUE;
}

static gboolean
number_member (JsonObject *object,
               const char *name,
               double     *out)
{
  if (object == NULL || !json_object_has_member (object, name))
    return FALSE;
  return number_from_node (json_object_get_member (object, name), out);
}

static guint
count_inputs (GBytes *body)
{
  g_autoptr(JsonNode) root = parse_json_bytes (body);
  JsonArray *inputs;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  inputs = array_member (json_node_get_object (root), "inputs");
  return inputs != NULL ? json_array_get_length (inputs) : 0;
}

static AugurTestRequest *
request_from_message (SoupServerMessage *msg)
{
  AugurTestRequest *request = g_new0 (AugurTestRequest, 1);
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (g_uri_get_path (uri));
  request->query = g_strdup (g_uri_get_query (uri));
  request->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  request->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  request->n_inputs = count_inputs (request->body);
  request->headers = copy_headers (headers);
  return request;
}

/* Queue */

static void
queued_response_free (QueuedResponse *queued)
{
  g_free (queued->method);
  g_free (queued->path_suffix);
  g_clear_pointer (&queued->body, g_bytes_unref);
  g_strfreev (queued->headers);
  g_free (queued);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QueuedResponse, queued_response_free)

/* Called with the mutex held. */
static QueuedResponse *
take_queued_response (AugurTestServer *self,
                      const char      *method,
                      const char      *path)
{
  for (GList *l = self->queue.head; l != NULL; l = l->next)
    {
      QueuedResponse *queued = l->data;

      if (g_str_equal (queued->method, method) && g_str_has_suffix (path, queued->path_suffix))
        {
          g_queue_delete_link (&self->queue, l);
          return queued;
        }
    }
  return NULL;
}

/* Replies */

static JsonObject *
status_object (int         code,
               const char *description,
               const char *details,
               const char *req_id)
{
  JsonObject *status = json_object_new ();

  json_object_set_int_member (status, "code", code);
  json_object_set_string_member (status, "description", description);
  if (details != NULL)
    json_object_set_string_member (status, "details", details);
  if (req_id != NULL)
    json_object_set_string_member (status, "req_id", req_id);
  return status;
}

static void
set_json_reply (SoupServerMessage *msg,
                guint              http_status,
                JsonObject        *root)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *text;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  soup_server_message_set_status (msg, http_status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, length);
}

static void
reply_status (Call       *call,
              guint       http_status,
              int         code,
              const char *description,
              const char *details)
{
  g_autoptr(JsonObject) root = json_object_new ();

  json_object_set_object_member (root, "status",
                                 status_object (code, description, details, call->req_id));
  set_json_reply (call->msg, http_status, root);
}

static void
reply_ok (Call       *call,
          JsonObject *root)
{
  json_object_set_object_member (root, "status",
                                 status_object (10000, "Ok", NULL, call->req_id));
  set_json_reply (call->msg, SOUP_STATUS_OK, root);
}

static void
apply_queued_response (SoupServerMessage    *msg,
                       const QueuedResponse *queued)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, queued->http_status, NULL);
  if (queued->body != NULL)
    {
      gsize size = 0;
      const char *data = g_bytes_get_data (queued->body, &size);
      const char *type = size > 0 && data[0] == '<' ? "text/html" : "application/json";

      soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, data, size);
    }
  for (guint i = 0; queued->headers != NULL && queued->headers[i] != NULL
                    && queued->headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (headers, queued->headers[i], queued->headers[i + 1]);
}

/* Built-in model: deterministic numbers */

static guint32
hash_text (const char *text)
{
  guint32 hash = 2166136261u;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    hash = (hash ^ *p) * 16777619u;
  return hash;
}

static guint32
hash_bytes (const guint8 *data,
            gsize         size)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < size; i++)
    hash = (hash ^ data[i]) * 16777619u;
  return hash;
}

static guint32
mix32 (guint32 x)
{
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}

/* A value in [0, 1) with float32 precision, like the real server prints. */
static double
unit_value (guint32 seed,
            guint   index)
{
  guint32 bits = mix32 (seed + index * 0x9e3779b9u);

  return (double) (float) ((bits >> 8) / 16777216.0);
}


static guint
find_concept (const char *id,
              const char *name)
{
  for (guint i = 0; i < AUGUR_TEST_N_CONCEPTS; i++)
    {
      char text[32];

      g_snprintf (text, sizeof text, "id-%02u", i);
      if (g_strcmp0 (id, text) == 0)
        return i;
      g_snprintf (text, sizeof text, "concept-%02u", i);
      if (g_strcmp0 (name, text) == 0)
        return i;
    }
  return G_MAXUINT;
}

static JsonObject *
concept_object (guint       index,
                const char *user_id,
                const char *app_id)
{
  JsonObject *concept = json_object_new ();
  g_autofree char *id = g_strdup_printf ("id-%02u", index);
  g_autofree char *name = g_strdup_printf ("concept-%02u", index);

  json_object_set_string_member (concept, "id", id);
  json_object_set_string_member (concept, "name", name);
  json_object_set_string_member (concept, "app_id", app_id);
  json_object_set_string_member (concept, "user_id", user_id);
  return concept;
}

static JsonObject *
concept_with_value (guint       index,
                    double      value,
                    const char *user_id,
                    const char *app_id)
{
  JsonObject *concept = concept_object (index, user_id, app_id);

  json_object_set_double_member (concept, "value", value);
  return concept;
}

/* Model description */

static const char *
model_type_id_for (AugurTestServerModel model)
{
  switch (model)
    {
    case AUGUR_TEST_MODEL_DETECTOR:
      return "visual-detector";
    case AUGUR_TEST_MODEL_TEXT:
      return "text-to-text";
    case AUGUR_TEST_MODEL_CLASSIFIER:
    default:
      return "visual-classifier";
    }
}

static const char *
route_user (const Call *call)
{
  return call->route.user_id != NULL ? call->route.user_id : "clarifai";
}

static const char *
route_app (const Call *call)
{
  return call->route.app_id != NULL ? call->route.app_id : "main";
}

static JsonObject *
visibility_object (void)
{
  JsonObject *visibility = json_object_new ();

  json_object_set_int_member (visibility, "gettable", 50);
  return visibility;
}

static JsonObject *
trained_status_object (void)
{
  return status_object (21100, "Model is trained and ready for deployment", NULL, NULL);
}

static JsonObject *
param_spec_object (const char *path,
                   int         field_type,
                   double      default_value,
                   const char *description,
                   double      max)
{
  JsonObject *spec = json_object_new ();

  json_object_set_string_member (spec, "path", path);
  json_object_set_int_member (spec, "field_type", field_type);
  json_object_set_double_member (spec, "default_value", default_value);
  json_object_set_string_member (spec, "description", description);
  if (field_type == 7)
    {
      JsonObject *range = json_object_new ();

      json_object_set_double_member (range, "min", 0);
      json_object_set_double_member (range, "max", max);
      json_object_set_double_member (range, "step", 0.1);
      json_object_set_object_member (spec, "model_type_range_info", range);
    }
  return spec;
}

static JsonObject *
concepts_data_object (const Call *call)
{
  JsonObject *data = json_object_new ();
  JsonArray *concepts = json_array_new ();

  for (guint i = 0; i < AUGUR_TEST_N_CONCEPTS; i++)
    json_array_add_object_element (concepts, concept_object (i, route_user (call), route_app (call)));
  json_object_set_array_member (data, "concepts", concepts);
  return data;
}

static JsonObject *
output_info_object (const Call *call,
                    gboolean    with_concepts)
{
  JsonObject *output_info = json_object_new ();

  json_object_set_string_member (output_info, "message",
                                 "Show output_info with: GET /models/{model_id}/output_info");
  if (call->model == AUGUR_TEST_MODEL_TEXT)
    {
      JsonObject *params = json_object_new ();
      JsonArray *specs = json_array_new ();

      json_object_set_double_member (params, "temperature", 0.7);
      json_object_set_int_member (params, "max_tokens", 256);
      json_object_set_object_member (output_info, "params", params);
      json_array_add_object_element (specs, param_spec_object ("temperature", 7, 0.7,
                                                               "Sampling temperature", 1.0));
      json_array_add_object_element (specs, param_spec_object ("max_tokens", 3, 256,
                                                               "Maximum tokens to generate", 0));
      json_object_set_array_member (output_info, "params_specs", specs);
      return output_info;
    }

  {
    JsonObject *output_config = json_object_new ();

    json_object_set_int_member (output_config, "max_concepts", 0);
    json_object_set_double_member (output_config, "min_value", 0);
    json_object_set_object_member (output_info, "output_config", output_config);
  }
  if (with_concepts)
    {
      json_object_set_object_member (output_info, "data", concepts_data_object (call));
      json_object_set_string_member (output_info, "type", "concept");
      json_object_set_string_member (output_info, "type_ext", "concept");
    }
  return output_info;
}

static JsonObject *
version_object (const Call *call,
                const char *version_id,
                gboolean    full)
{
  JsonObject *version = json_object_new ();
  gboolean older = g_strcmp0 (version_id, AUGUR_TEST_VERSION_OLDER) == 0;

  json_object_set_string_member (version, "id", version_id);
  json_object_set_string_member (version, "created_at",
                                 older ? "2023-09-12T14:05:00.000000Z" : "2024-05-01T10:00:00.000000Z");
  json_object_set_object_member (version, "status", trained_status_object ());
  json_object_set_object_member (version, "visibility", visibility_object ());
  json_object_set_string_member (version, "app_id", route_app (call));
  json_object_set_string_member (version, "user_id", route_user (call));
  json_object_set_object_member (version, "metadata", json_object_new ());
  if (!full)
    return version;
  json_object_set_int_member (version, "active_concept_count",
                              call->model == AUGUR_TEST_MODEL_TEXT ? 0 : AUGUR_TEST_N_CONCEPTS);
  json_object_set_string_member (version, "description",
                                 older ? "First version" : "Latest version");
  json_object_set_object_member (version, "output_info", output_info_object (call, FALSE));
  return version;
}

static JsonObject *
model_object (const Call *call,
              const char *version_id,
              gboolean    full)
{
  JsonObject *model = json_object_new ();
  const char *model_id = call->route.model_id;

  json_object_set_string_member (model, "id", model_id);
  json_object_set_string_member (model, "name", model_id);
  json_object_set_string_member (model, "created_at", "2023-09-12T14:00:00.000000Z");
  json_object_set_string_member (model, "modified_at", "2024-05-01T10:00:00.000000Z");
  json_object_set_string_member (model, "app_id", route_app (call));
  json_object_set_string_member (model, "user_id", route_user (call));
  json_object_set_string_member (model, "model_type_id", model_type_id_for (call->model));
  json_object_set_object_member (model, "model_version",
                                 version_object (call, version_id != NULL ? version_id
                                                                          : AUGUR_TEST_VERSION_LATEST,
                                                 full));
  if (!full)
    return model;
  json_object_set_string_member (model, "description", "A model served by the Augur test server");
  json_object_set_object_member (model, "visibility", visibility_object ());
  json_object_set_int_member (model, "star_count", 3);
  json_object_set_array_member (model, "toolkits", json_array_new ());
  json_object_set_array_member (model, "use_cases", json_array_new ());
  return model;
}

/* Query and paging */

static const char *
query_get (const Call *call,
           const char *name)
{
  return call->query != NULL ? g_hash_table_lookup (call->query, name) : NULL;
}

static guint
query_uint (const Call *call,
            const char *name,
            guint       fallback)
{
  const char *text = query_get (call, name);
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL) || value == 0)
    return fallback;
  return value;
}

static gboolean
query_true (const Call *call,
            const char *name)
{
  const char *text = query_get (call, name);

  return text != NULL && (g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1"));
}

static void
page_bounds (const Call *call,
             guint       total,
             guint      *start,
             guint      *end)
{
  guint64 page = query_uint (call, "page", 1);
  guint64 per_page = query_uint (call, "per_page", DEFAULT_PER_PAGE);
  guint64 first = (page - 1) * per_page;

  *start = MIN (first, total);
  *end = MIN (first + per_page, total);
}

static gboolean
has_prefix_nocase (const char *text,
                   const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

static gboolean
contains_nocase (const char *text,
                 const char *needle)
{
  g_autofree char *folded_text = g_ascii_strdown (text, -1);
  g_autofree char *folded_needle = g_ascii_strdown (needle, -1);

  return strstr (folded_text, folded_needle) != NULL;
}

/* GET handlers */

static void
handle_get_model (Call *call)
{
  g_autoptr(JsonObject) root = json_object_new ();

  json_object_set_object_member (root, "model", model_object (call, call->route.version_id, TRUE));
  reply_ok (call, root);
}

static void
handle_list_versions (Call *call)
{
  static const char *const ids[] = { AUGUR_TEST_VERSION_LATEST, AUGUR_TEST_VERSION_OLDER };
  g_autoptr(JsonObject) root = json_object_new ();
  JsonArray *versions = json_array_new ();
  guint start, end;

  page_bounds (call, G_N_ELEMENTS (ids), &start, &end);
  for (guint i = start; i < end; i++)
    json_array_add_object_element (versions, version_object (call, ids[i], TRUE));
  json_object_set_array_member (root, "model_versions", versions);
  reply_ok (call, root);
}

static void
handle_get_version (Call *call)
{
  g_autoptr(JsonObject) root = json_object_new ();

  json_object_set_object_member (root, "model_version",
                                 version_object (call, call->route.version_id, TRUE));
  reply_ok (call, root);
}

static void
handle_concepts (Call *call)
{
  g_autoptr(JsonObject) root = json_object_new ();
  JsonArray *concepts = json_array_new ();
  const char *search = query_get (call, "search");
  guint matching[AUGUR_TEST_N_CONCEPTS];
  guint n_matching = 0, start, end;

  for (guint i = 0; call->model != AUGUR_TEST_MODEL_TEXT && i < AUGUR_TEST_N_CONCEPTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("id-%02u", i);
      g_autofree char *name = g_strdup_printf ("concept-%02u", i);

      if (search == NULL || has_prefix_nocase (id, search) || has_prefix_nocase (name, search))
        matching[n_matching++] = i;
    }
  page_bounds (call, n_matching, &start, &end);
  for (guint i = start; i < end; i++)
    {
      JsonObject *concept = concept_object (matching[i], route_user (call), route_app (call));

      json_object_set_string_member (concept, "created_at", "2023-09-12T14:00:00.000000Z");
      json_object_set_string_member (concept, "language", "en");
      json_array_add_object_element (concepts, concept);
    }
  json_object_set_array_member (root, "concepts", concepts);
  reply_ok (call, root);
}

static void
handle_output_info (Call *call)
{
  g_autoptr(JsonObject) root = json_object_new ();
  JsonObject *model = model_object (call, call->route.version_id, TRUE);

  json_object_set_object_member (model, "output_info", output_info_object (call, TRUE));
  json_object_set_object_member (root, "model", model);
  reply_ok (call, root);
}

static JsonObject *
catalogue_model_object (const CatalogueModel *entry)
{
  JsonObject *model = json_object_new ();
  JsonObject *version = json_object_new ();

  json_object_set_string_member (model, "id", entry->id);
  json_object_set_string_member (model, "name", entry->name);
  json_object_set_string_member (model, "created_at", entry->created_at);
  json_object_set_string_member (model, "modified_at", entry->created_at);
  json_object_set_string_member (model, "app_id", entry->app_id);
  json_object_set_string_member (model, "user_id", entry->user_id);
  json_object_set_string_member (model, "model_type_id", entry->model_type_id);
  json_object_set_string_member (model, "description", entry->description);
  json_object_set_object_member (model, "visibility", visibility_object ());
  json_object_set_int_member (model, "star_count", entry->star_count);
  json_object_set_string_member (version, "id", AUGUR_TEST_VERSION_LATEST);
  json_object_set_string_member (version, "created_at", entry->created_at);
  json_object_set_object_member (version, "status", trained_status_object ());
  json_object_set_string_member (version, "app_id", entry->app_id);
  json_object_set_string_member (version, "user_id", entry->user_id);
  json_object_set_object_member (model, "model_version", version);
  return model;
}

static gboolean
catalogue_entry_matches (const Call           *call,
                         const CatalogueModel *entry)
{
  const char *user_id = call->route.user_id;
  const char *search = query_get (call, "search");
  const char *model_type_id = query_get (call, "model_type_id");

  if (g_strcmp0 (user_id, "me") == 0)
    user_id = "test-user";
  if (user_id != NULL && !g_str_equal (user_id, entry->user_id))
    return FALSE;
  if (call->route.app_id != NULL && !g_str_equal (call->route.app_id, entry->app_id))
    return FALSE;
  if (model_type_id != NULL && !g_str_equal (model_type_id, entry->model_type_id))
    return FALSE;
  if (search == NULL)
    return TRUE;
  return contains_nocase (entry->id, search) || contains_nocase (entry->name, search)
         || contains_nocase (entry->description, search)
         || (user_id == NULL && contains_nocase (entry->user_id, search));
}

typedef enum { SORT_DEFAULT, SORT_NAME, SORT_CREATED_AT, SORT_STAR_COUNT } CatalogueSort;

static int
compare_catalogue (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const CatalogueModel *x = &catalogue[*(const guint *) a];
  const CatalogueModel *y = &catalogue[*(const guint *) b];

  switch (GPOINTER_TO_INT (user_data))
    {
    case SORT_NAME:
      return g_ascii_strcasecmp (x->name, y->name);
    case SORT_CREATED_AT:
      return strcmp (x->created_at, y->created_at);
    case SORT_STAR_COUNT:
      return (x->star_count > y->star_count) - (x->star_count < y->star_count);
    case SORT_DEFAULT:
    default:
      /* the catalogue is listed newest-modified first; ascending reverses it */
      return (*(const guint *) b > *(const guint *) a) - (*(const guint *) b < *(const guint *) a);
    }
}

static CatalogueSort
requested_sort (const Call *call)
{
  if (query_true (call, "sort_by_name"))
    return SORT_NAME;
  if (query_true (call, "sort_by_created_at"))
    return SORT_CREATED_AT;
  if (query_true (call, "sort_by_star_count"))
    return SORT_STAR_COUNT;
  return SORT_DEFAULT;
}

static void
handle_list_models (Call *call)
{
  g_autoptr(JsonObject) root = json_object_new ();
  JsonArray *models = json_array_new ();
  CatalogueSort sort = requested_sort (call);
  gboolean ascending = query_true (call, "sort_ascending");
  guint matching[G_N_ELEMENTS (catalogue)];
  guint n_matching = 0, start, end;

  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    if (catalogue_entry_matches (call, &catalogue[i]))
      matching[n_matching++] = i;
  /* ascending order, then reversed unless asked for ascending (the server default) */
  g_qsort_with_data (matching, n_matching, sizeof (guint), compare_catalogue, GINT_TO_POINTER (sort));
  if (!ascending)
    for (guint i = 0; i < n_matching / 2; i++)
      {
        guint tmp = matching[i];

        matching[i] = matching[n_matching - 1 - i];
        matching[n_matching - 1 - i] = tmp;
      }
  page_bounds (call, n_matching, &start, &end);
  for (guint i = start; i < end; i++)
    json_array_add_object_element (models, catalogue_model_object (&catalogue[matching[i]]));
  json_object_set_array_member (root, "models", models);
  reply_ok (call, root);
}

/* Predict */

typedef struct
{
  guint    max_concepts;
  double   min_value;
  gboolean selected[AUGUR_TEST_N_CONCEPTS];
  guint    n_selected;     /* concepts picked by select_concepts */
  guint    n_unmatched;    /* select_concepts entries that matched nothing */
} OutputConfig;

static JsonObject *
lookup_object (JsonObject *object,
               ...)
{
  va_list args;
  const char *name;

  va_start (args, object);
  while (object != NULL && (name = va_arg (args, const char *)) != NULL)
    object = object_member (object, name);
  va_end (args);
  return object;
}

static gboolean
read_output_config (JsonObject    *request,
                    OutputConfig  *config,
                    char         **error_details)
{
  JsonObject *output_config;
  JsonArray *select;
  double number;

  memset (config, 0, sizeof *config);
  config->max_concepts = DEFAULT_MAX_CONCEPTS;
  output_config = lookup_object (request, "model", "output_info", "output_config", NULL);
  if (output_config == NULL)
    output_config = lookup_object (request, "model", "model_version", "output_info",
                                   "output_config", NULL);
  if (number_member (output_config, "max_concepts", &number) && number != 0)
    {
      if (number < 1 || number > MAX_MAX_CONCEPTS)
        {
          *error_details = g_strdup_printf ("max_concepts must be between 1 and %d", MAX_MAX_CONCEPTS);
          return FALSE;
        }
      config->max_concepts = number;
    }
  if (number_member (output_config, "min_value", &number))
    config->min_value = number;

  select = array_member (output_config, "select_concepts");
  for (guint i = 0; select != NULL && i < json_array_get_length (select); i++)
    {
      JsonNode *node = json_array_get_element (select, i);
      JsonObject *concept = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      guint index = find_concept (string_member (concept, "id"), string_member (concept, "name"));

      if (index == G_MAXUINT)
        config->n_unmatched++;
      else if (!config->selected[index])
        {
          config->selected[index] = TRUE;
          config->n_selected++;
        }
    }
  if (config->n_unmatched > 0 && config->n_selected == 0)
    {
      *error_details = g_strdup ("None of the select_concepts matched a concept of this model");
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_valid_base64 (const char *text)
{
  gsize n = 0, padding = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      n++;
      if (*p == '=')
        padding++;
      else if (padding > 0 || !(g_ascii_isalnum (*p) || *p == '+' || *p == '/'))
        return FALSE;
    }
  return n > 0 && n % 4 == 0 && padding <= 2;
}

/* Returns why the input cannot be used, or NULL. */
static const char *
input_failure (JsonObject *data)
{
  static const char *const kinds[] = { "image", "video", "audio", "text" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      JsonObject *media = object_member (data, kinds[i]);
      const char *url = string_member (media, "url");

      if (url != NULL && g_str_has_prefix (url, "https://invalid"))
        return "Failed to download the input from its URL";
      if (media != NULL && json_object_has_member (media, "base64"))
        {
          const char *base64 = string_member (media, "base64");

          if (base64 == NULL || !is_valid_base64 (base64))
            return "The input's base64 could not be decoded";
        }
    }
  return NULL;
}

static int
compare_values_desc (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const double *values = user_data;
  double x = values[*(const guint *) a];
  double y = values[*(const guint *) b];

  return (x < y) - (x > y);
}

/* The older version: every value a little lower, the top two swapped for some inputs, and
 * the third concept of the latest ranking renamed. Returns the index of that concept. */
static guint
make_older_values (double         values[AUGUR_TEST_N_CONCEPTS],
                   const Variant *variant)
{
  guint ranking[AUGUR_TEST_N_CONCEPTS];

  for (guint i = 0; i < AUGUR_TEST_N_CONCEPTS; i++)
    ranking[i] = i;
  g_qsort_with_data (ranking, AUGUR_TEST_N_CONCEPTS, sizeof (guint), compare_values_desc, values);
  for (guint i = 0; i < AUGUR_TEST_N_CONCEPTS; i++)
    values[i] = (float) CLAMP (values[i] - AUGUR_TEST_OLDER_VALUE_SHIFT, 0.0, 1.0);
  if (variant->swap)
    {
      double top = values[ranking[0]];

      values[ranking[0]] = values[ranking[1]];
      values[ranking[1]] = top;
    }
  return ranking[2];
}

static JsonObject *
concept_for_answer (const Call *call,
                    guint       index,
                    double      value,
                    guint       renamed)
{
  JsonObject *concept;

  if (index != renamed)
    return concept_with_value (index, value, route_user (call), route_app (call));
  concept = json_object_new ();
  json_object_set_string_member (concept, "id", AUGUR_TEST_OLDER_CONCEPT_ID);
  json_object_set_string_member (concept, "name", AUGUR_TEST_OLDER_CONCEPT_NAME);
  json_object_set_string_member (concept, "app_id", route_app (call));
  json_object_set_string_member (concept, "user_id", route_user (call));
  json_object_set_double_member (concept, "value", value);
  return concept;
}

static JsonObject *
classifier_data (const Call         *call,
                 guint32             seed,
                 const OutputConfig *config,
                 const Variant      *variant)
{
  JsonObject *data = json_object_new ();
  JsonArray *concepts = json_array_new ();
  double values[AUGUR_TEST_N_CONCEPTS];
  guint order[AUGUR_TEST_N_CONCEPTS];
  guint renamed = G_MAXUINT;
  guint n = 0;

  for (guint i = 0; i < AUGUR_TEST_N_CONCEPTS; i++)
    values[i] = unit_value (seed, i);
  if (variant->older)
    renamed = make_older_values (values, variant);
  for (guint i = 0; i < AUGUR_TEST_N_CONCEPTS; i++)
    {
      if (config->n_selected > 0 && !config->selected[i])
        continue;
      if (config->min_value > 0 && values[i] < config->min_value)
        continue;
      order[n++] = i;
    }
  g_qsort_with_data (order, n, sizeof (guint), compare_values_desc, values);
  for (guint i = 0; i < MIN (n, config->max_concepts); i++)
    json_array_add_object_element (concepts, concept_for_answer (call, order[i], values[order[i]],
                                                                 renamed));
  json_object_set_array_member (data, "concepts", concepts);
  return data;
}

static JsonObject *
region_object (const Call *call,
               guint32     seed,
               guint       index,
               double      value,
               double      shift)
{
  JsonObject *region = json_object_new ();
  JsonObject *region_info = json_object_new ();
  JsonObject *box = json_object_new ();
  JsonObject *data = json_object_new ();
  JsonArray *concepts = json_array_new ();
  double top = (float) (0.05 + 0.35 * unit_value (seed, 100 + 4 * index));
  double left = (float) (0.05 + 0.35 * unit_value (seed, 101 + 4 * index));
  double bottom = (float) (top + 0.1 + 0.45 * unit_value (seed, 102 + 4 * index));
  double right = (float) (left + 0.1 + 0.45 * unit_value (seed, 103 + 4 * index));

  if (shift != 0)
    {
      top = (float) MIN (top + shift, 1.0);
      left = (float) MIN (left + shift, 1.0);
      bottom = (float) MIN (bottom + shift, 1.0);
      right = (float) MIN (right + shift, 1.0);
    }
  g_autofree char *id = g_strdup_printf ("region-%08x-%u", seed, index);

  json_object_set_double_member (box, "top_row", top);
  json_object_set_double_member (box, "left_col", left);
  json_object_set_double_member (box, "bottom_row", bottom);
  json_object_set_double_member (box, "right_col", right);
  json_object_set_object_member (region_info, "bounding_box", box);
  json_array_add_object_element (concepts,
                                 concept_with_value (mix32 (seed + index) % AUGUR_TEST_N_CONCEPTS,
                                                     value, route_user (call), route_app (call)));
  json_object_set_array_member (data, "concepts", concepts);
  json_object_set_string_member (region, "id", id);
  json_object_set_object_member (region, "region_info", region_info);
  json_object_set_object_member (region, "data", data);
  json_object_set_double_member (region, "value", value);
  return region;
}

static JsonObject *
detector_data (const Call         *call,
               guint32             seed,
               const OutputConfig *config,
               const Variant      *variant)
{
  JsonObject *data = json_object_new ();
  JsonArray *regions = json_array_new ();
  double shift = variant->older ? AUGUR_TEST_OLDER_BOX_SHIFT : 0;
  guint n_regions = variant->older && variant->swap ? 1 : 2;

  for (guint i = 0; i < n_regions; i++)
    {
      double value = (float) (0.5 + 0.5 * unit_value (seed, 200 + i));

      if (config->min_value > 0 && value < config->min_value)
        continue;
      json_array_add_object_element (regions, region_object (call, seed, i, value, shift));
    }
  json_object_set_array_member (data, "regions", regions);
  return data;
}

static char *
node_to_text (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return json_to_string (node, FALSE);
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", json_node_get_double (node)));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return json_to_string (node, FALSE);
    }
}

static void
append_param (GString    *params,
              const char *name,
              JsonNode   *value)
{
  g_autofree char *text = node_to_text (value);

  g_string_append_printf (params, "%s%s=%s", params->len > 0 ? " " : "", name, text);
}

/* The value of a pythonic part: the first typed member of its data. */
static JsonNode *
part_value (JsonObject *part_data)
{
  static const char *const members[] = {
    "string_value", "int_value", "float_value", "bool_value", "struct_value",
  };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (part_data != NULL && json_object_has_member (part_data, members[i]))
      return json_object_get_member (part_data, members[i]);
  return NULL;
}

static char *
text_echo (JsonObject *request,
           JsonObject *data)
{
  g_autoptr(GString) params = g_string_new (NULL);
  JsonObject *legacy = lookup_object (request, "model", "model_version", "output_info", "params", NULL);
  JsonArray *parts = array_member (data, "parts");
  JsonObject *text = object_member (data, "text");
  const char *prompt = NULL;

  if (legacy == NULL)
    legacy = lookup_object (request, "model", "output_info", "params", NULL);
  if (legacy != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (legacy);

      for (GList *l = names; l != NULL; l = l->next)
        append_param (params, l->data, json_object_get_member (legacy, l->data));
    }
  for (guint i = 0; parts != NULL && i < json_array_get_length (parts); i++)
    {
      JsonNode *node = json_array_get_element (parts, i);
      JsonObject *part = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *id = string_member (part, "id");
      JsonObject *part_data = object_member (part, "data");

      if (id == NULL)
        continue;
      if (g_str_equal (id, "prompt") && prompt == NULL)
        {
          prompt = string_member (part_data, "string_value");
          if (prompt == NULL)
            prompt = string_member (object_member (part_data, "text"), "raw");
          continue;
        }
      append_param (params, id, part_value (part_data));
    }
  if (prompt == NULL)
    prompt = string_member (text, "raw");
  if (prompt == NULL)
    prompt = string_member (text, "url");
  if (params->len == 0)
    return g_strdup_printf ("echo: %s", prompt != NULL ? prompt : "");
  return g_strdup_printf ("echo: %s | %s", prompt != NULL ? prompt : "", params->str);
}

static JsonObject *
text_data (JsonObject    *request,
           JsonObject    *data,
           const Variant *variant)
{
  JsonObject *result = json_object_new ();
  JsonObject *text = json_object_new ();
  JsonObject *text_info = json_object_new ();
  g_autofree char *raw = text_echo (request, data);

  if (variant->older && g_str_has_prefix (raw, "echo:"))
    {
      char *older = g_strconcat ("older:", raw + strlen ("echo:"), NULL);

      g_free (raw);
      raw = older;
    }

  json_object_set_string_member (text, "raw", raw);
  json_object_set_string_member (text_info, "encoding", "UnknownTextEnc");
  json_object_set_object_member (text, "text_info", text_info);
  json_object_set_object_member (result, "text", text);
  return result;
}

/* The real server echoes an image sent as bytes with the base64 of "true", not the image
 * (contract §5.2); echoing whole images would make every reply as large as its request. */
static JsonNode *
echo_input_data (JsonObject *data)
{
  JsonNode *copy = json_node_new (JSON_NODE_OBJECT);
  JsonObject *echo = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (data);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonObject *image = g_str_equal (l->data, "image") ? object_member (data, "image") : NULL;

      if (image != NULL && json_object_has_member (image, "base64"))
        {
          JsonObject *image_echo = json_object_new ();
          if (string_member (image, "url") != NULL)
            json_object_set_string_member (image_echo, "url", string_member (image, "url"));
          json_object_set_string_member (image_echo, "base64", "dHJ1ZQ==");
          json_object_set_object_member (echo, "image", image_echo);
        }
      else
        json_object_set_member (echo, l->data, json_node_copy (json_object_get_member (data, l->data)));
    }
  json_node_take_object (copy, echo);
  return copy;
}

static JsonObject *
output_object (const Call *call,
               guint       index,
               JsonObject *input,
               JsonObject *status,
               JsonObject *data)
{
  JsonObject *output = json_object_new ();
  JsonObject *input_echo = json_object_new ();
  const char *input_id = string_member (input, "id");
  g_autofree char *seed = g_strdup_printf ("%s/%u", call->req_id, index);
  g_autofree char *output_id = g_compute_checksum_for_string (G_CHECKSUM_MD5, seed, -1);
  g_autofree char *generated_input_id = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  json_object_set_string_member (output, "id", output_id);
  json_object_set_object_member (output, "status", status);
  json_object_set_string_member (output, "created_at", OUTPUT_CREATED_AT);
  json_object_set_object_member (output, "model",
                                 model_object (call, call->route.version_id, FALSE));
  generated_input_id[32] = '\0';
  json_object_set_string_member (input_echo, "id", input_id != NULL ? input_id : generated_input_id);
  if (input != NULL && object_member (input, "data") != NULL)
    json_object_set_member (input_echo, "data", echo_input_data (object_member (input, "data")));
  else
    json_object_set_object_member (input_echo, "data", json_object_new ());
  json_object_set_object_member (output, "input", input_echo);
  json_object_set_object_member (output, "data", data);
  return output;
}

/* What the input is, as the user gave it: an image's bytes (decoded from base64), a URL,
 * or a text; @fallback when the data holds none of these (e.g. pythonic parts). */
static guint32
input_key (JsonObject *data,
           guint32     fallback)
{
  static const char *const kinds[] = { "image", "video", "audio", "text" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      JsonObject *media = object_member (data, kinds[i]);
      const char *base64 = string_member (media, "base64");
      const char *text = string_member (media, "raw");

      if (base64 != NULL)
        {
          gsize size = 0;
          g_autofree guchar *bytes = g_base64_decode (base64, &size);

          return hash_bytes (bytes, size);
        }
      if (text == NULL)
        text = string_member (media, "url");
      if (text != NULL)
        return hash_bytes ((const guint8 *) text, strlen (text));
    }
  return fallback;
}

static JsonObject *
predict_one (const Call         *call,
             JsonObject         *request,
             JsonNode           *input_node,
             guint               index,
             const OutputConfig *config,
             gboolean           *failed)
{
  JsonObject *input = JSON_NODE_HOLDS_OBJECT (input_node) ? json_node_get_object (input_node) : NULL;
  JsonObject *data = object_member (input, "data");
  const char *failure = data != NULL ? input_failure (data) : "The input has no data";
  g_autofree char *data_text = NULL;
  Variant variant = { FALSE, FALSE };
  guint32 seed;
  JsonObject *result;

  *failed = failure != NULL;
  if (failure != NULL)
    return output_object (call, index, input,
                          status_object (30002, "Download failed; check URL", failure, NULL),
                          json_object_new ());

  data_text = json_to_string (json_object_get_member (input, "data"), FALSE);
  seed = hash_text (data_text);
  variant.older = call->versions_differ
                  && g_strcmp0 (call->route.version_id, AUGUR_TEST_VERSION_OLDER) == 0;
  variant.swap = variant.older && (input_key (data, seed) % 4) == 0;
  if (call->model == AUGUR_TEST_MODEL_DETECTOR)
    result = detector_data (call, seed, config, &variant);
  else if (call->model == AUGUR_TEST_MODEL_TEXT)
    result = text_data (request, data, &variant);
  else
    result = classifier_data (call, seed, config, &variant);
  return output_object (call, index, input, status_object (10000, "Ok", NULL, NULL), result);
}

static void
handle_outputs (Call *call)
{
  g_autoptr(JsonNode) root = parse_json_bytes (call->body);
  g_autoptr(JsonObject) reply = json_object_new ();
  g_autofree char *error_details = NULL;
  JsonObject *request;
  JsonArray *inputs, *outputs;
  OutputConfig config;
  guint n_inputs, n_failed = 0;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      reply_status (call, SOUP_STATUS_BAD_REQUEST, 11100, "Bad request format",
                    "Failed to parse the request body as JSON");
      return;
    }
  request = json_node_get_object (root);
  inputs = array_member (request, "inputs");
  n_inputs = inputs != NULL ? json_array_get_length (inputs) : 0;
  if (n_inputs == 0 || n_inputs > MAX_INPUTS)
    {
      g_autofree char *details = g_strdup_printf ("A request must have between 1 and %d inputs; "
                                                  "this one has %u", MAX_INPUTS, n_inputs);

      reply_status (call, SOUP_STATUS_BAD_REQUEST, 39999, "Invalid request", details);
      return;
    }
  if (!read_output_config (request, &config, &error_details))
    {
      reply_status (call, SOUP_STATUS_BAD_REQUEST, 21202, "Invalid model argument", error_details);
      return;
    }

  outputs = json_array_new ();
  for (guint i = 0; i < n_inputs; i++)
    {
      gboolean failed = FALSE;

      json_array_add_object_element (outputs, predict_one (call, request,
                                                           json_array_get_element (inputs, i),
                                                           i, &config, &failed));
      n_failed += failed;
    }
  json_object_set_array_member (reply, "outputs", outputs);
  if (n_failed == n_inputs)
    {
      json_object_set_object_member (reply, "status",
                                     status_object (10020, "Failure", NULL, call->req_id));
      set_json_reply (call->msg, SOUP_STATUS_BAD_REQUEST, reply);
    }
  else if (n_failed > 0 || config.n_unmatched > 0)
    {
      json_object_set_object_member (reply, "status",
                                     status_object (10010, "Mixed Success", NULL, call->req_id));
      set_json_reply (call->msg, SOUP_STATUS_OK, reply);
    }
  else
    reply_ok (call, reply);
}

/* Routing */

static void
route_clear (Route *route)
{
  g_clear_pointer (&route->user_id, g_free);
  g_clear_pointer (&route->app_id, g_free);
  g_clear_pointer (&route->model_id, g_free);
  g_clear_pointer (&route->version_id, g_free);
  route->kind = ROUTE_UNKNOWN;
}

/* @rest: the segments after models/{model_id} */
static RouteKind
model_route_kind (char   **rest,
                  guint    n_rest,
                  char   **version_id)
{
  if (n_rest == 0)
    return ROUTE_GET_MODEL;
  if (n_rest == 1 && g_str_equal (rest[0], "outputs"))
    return ROUTE_OUTPUTS;
  if (n_rest == 1 && g_str_equal (rest[0], "concepts"))
    return ROUTE_CONCEPTS;
  if (n_rest == 1 && g_str_equal (rest[0], "output_info"))
    return ROUTE_OUTPUT_INFO;
  if (!g_str_equal (rest[0], "versions"))
    return ROUTE_UNKNOWN;
  if (n_rest == 1)
    return ROUTE_LIST_VERSIONS;
  *version_id = g_strdup (rest[1]);
  if (n_rest == 2)
    return ROUTE_GET_VERSION;
  if (n_rest == 3 && g_str_equal (rest[2], "outputs"))
    return ROUTE_OUTPUTS;
  if (n_rest == 3 && g_str_equal (rest[2], "concepts"))
    return ROUTE_CONCEPTS;
  if (n_rest == 3 && g_str_equal (rest[2], "output_info"))
    return ROUTE_OUTPUT_INFO;
  return ROUTE_UNKNOWN;
}

static void
parse_route (const char *path,
             Route      *route)
{
  g_auto(GStrv) raw = g_strsplit (path, "/", -1);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  char **segments;
  guint n = g_strv_length (raw);
  guint model_at = 0;

  memset (route, 0, sizeof *route);
  for (guint i = 0; i < n; i++)
    {
      /* SoupServer has already decoded the path. Empty segments (double or trailing
       * slashes) are not routes. */
      if (i > 0 && raw[i][0] == '\0')
        return;
      g_ptr_array_add (owned, g_strdup (raw[i]));
    }
  segments = (char **) owned->pdata;
  if (n < 3 || segments[0][0] != '\0' || !g_str_equal (segments[1], "v2"))
    return;

  if (g_str_equal (segments[2], "models"))
    {
      if (n == 3)
        {
          route->kind = ROUTE_LIST_MODELS;
          return;
        }
      model_at = 3;
    }
  else if (g_str_equal (segments[2], "users") && n >= 5)
    {
      route->user_id = g_strdup (segments[3]);
      if (n == 5 && g_str_equal (segments[4], "models"))
        {
          route->kind = ROUTE_LIST_MODELS;
          return;
        }
      if (n < 7 || !g_str_equal (segments[4], "apps") || !g_str_equal (segments[6], "models"))
        {
          route_clear (route);
          return;
        }
      route->app_id = g_strdup (segments[5]);
      if (n == 7)
        {
          route->kind = ROUTE_LIST_MODELS;
          return;
        }
      model_at = 7;
    }
  else
    return;

  route->model_id = g_strdup (segments[model_at]);
  route->kind = model_route_kind (segments + model_at + 1, n - model_at - 1, &route->version_id);
  if (route->kind == ROUTE_UNKNOWN)
    route_clear (route);
}

/* The Clarifai status a failing version answers with, for its HTTP status. */
static void
reply_failing_version (Call *call)
{
  switch (call->failing_status)
    {
    case SOUP_STATUS_NOT_FOUND:
      reply_status (call, call->failing_status, 21200, "Model does not exist",
                    "Model does not exist");
      break;
    case SOUP_STATUS_FORBIDDEN:
      reply_status (call, call->failing_status, 21201, "Model permission denied",
                    "You do not have access to this model version");
      break;
    default:
      reply_status (call, call->failing_status, 21313, "Model prediction failed",
                    "The model version failed to predict");
      break;
    }
}

static void
handle_builtin (Call *call,
                const char *method,
                const char *path)
{
  const char *expected_method;

  parse_route (path, &call->route);
  if (call->route.kind == ROUTE_UNKNOWN)
    {
      g_autofree char *details = g_strdup_printf ("No route for %s %s", method, path);

      reply_status (call, SOUP_STATUS_NOT_FOUND, 11101, "Resource does not exist", details);
      return;
    }
  expected_method = call->route.kind == ROUTE_OUTPUTS ? "POST" : "GET";
  if (!g_str_equal (method, expected_method))
    {
      reply_status (call, SOUP_STATUS_BAD_REQUEST, 11103, "Method not allowed", "Method Not Allowed");
      return;
    }
  if (call->route.kind == ROUTE_OUTPUTS && call->failing_version != NULL
      && g_strcmp0 (call->route.version_id, call->failing_version) == 0)
    {
      reply_failing_version (call);
      return;
    }

  switch (call->route.kind)
    {
    case ROUTE_LIST_MODELS:
      handle_list_models (call);
      break;
    case ROUTE_GET_MODEL:
      handle_get_model (call);
      break;
    case ROUTE_OUTPUTS:
      handle_outputs (call);
      break;
    case ROUTE_LIST_VERSIONS:
      handle_list_versions (call);
      break;
    case ROUTE_GET_VERSION:
      handle_get_version (call);
      break;
    case ROUTE_CONCEPTS:
      handle_concepts (call);
      break;
    case ROUTE_OUTPUT_INFO:
      handle_output_info (call);
      break;
    case ROUTE_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

/* Delays */

static void
pending_reply_free (PendingReply *pending)
{
  if (pending->source != NULL)
    {
      g_source_destroy (pending->source);
      g_source_unref (pending->source);
    }
  g_clear_signal_handler (&pending->finished_id, pending->msg);
  g_object_unref (pending->msg);
  g_free (pending);
}

static gboolean
pending_reply_ready_cb (gpointer user_data)
{
  PendingReply *pending = user_data;

  pending->self->pending = g_list_remove (pending->self->pending, pending);
  soup_server_message_unpause (pending->msg);
  pending_reply_free (pending);
  return G_SOURCE_REMOVE;
}

/* The client went away (or the server is shutting down) before the delay ended. */
static void
delayed_message_finished_cb (SoupServerMessage *msg,
                             PendingReply      *pending)
{
  pending->self->pending = g_list_remove (pending->self->pending, pending);
  pending_reply_free (pending);
}

static void
delay_reply (AugurTestServer   *self,
             SoupServerMessage *msg,
             guint              delay_ms)
{
  PendingReply *pending = g_new0 (PendingReply, 1);

  pending->self = self;
  pending->msg = g_object_ref (msg);
  pending->source = g_timeout_source_new (delay_ms);
  g_source_set_callback (pending->source, pending_reply_ready_cb, pending, NULL);
  g_source_attach (pending->source, self->context);
  pending->finished_id = g_signal_connect (msg, "finished",
                                           G_CALLBACK (delayed_message_finished_cb), pending);
  self->pending = g_list_prepend (self->pending, pending);
  soup_server_message_pause (msg);
}

/* The handler */

static gboolean
is_authorized (const char *token,
               const char *authorization)
{
  g_autofree char *expected = NULL;

  if (token == NULL)
    return TRUE;
  expected = g_strconcat ("Key ", token, NULL);
  return g_strcmp0 (authorization, expected) == 0;
}

/* Lean mode, for benchmarks: a predict is answered without parsing its body, so that the
 * client, not this server, is what gets measured. Inputs are counted by the ids Augur gives
 * them ("augur-<index>"); the log keeps no bodies. */
static guint
count_ids (GBytes *body)
{
  static const char needle[] = "\"id\":\"augur-";
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  const char *end = data + size;
  guint n = 0;

  for (const char *p = data; p != NULL && p < end; p++)
    {
      p = g_strstr_len (p, end - p, needle);
      if (p == NULL)
        break;
      n++;
    }
  return n;
}

static void
reply_lean_predict (SoupServerMessage *msg,
                    guint              n_inputs)
{
  static const char output[] =
    "{\"status\":{\"code\":10000,\"description\":\"Ok\"},\"data\":{\"concepts\":["
    "{\"id\":\"id-00\",\"name\":\"concept-00\",\"value\":0.97},"
    "{\"id\":\"id-01\",\"name\":\"concept-01\",\"value\":0.81},"
    "{\"id\":\"id-02\",\"name\":\"concept-02\",\"value\":0.42}]}}";
  GString *reply = g_string_sized_new (64 + n_inputs * sizeof output);

  g_string_append (reply, "{\"status\":{\"code\":10000,\"description\":\"Ok\"},\"outputs\":[");
  for (guint i = 0; i < n_inputs; i++)
    {
      if (i > 0)
        g_string_append_c (reply, ',');
      g_string_append_len (reply, output, sizeof output - 1);
    }
  g_string_append (reply, "]}");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    reply->str, reply->len);
  g_string_free (reply, FALSE);
}

static gboolean
handle_lean (AugurTestServer   *self,
             SoupServerMessage *msg,
             const char        *path)
{
  g_autoptr(GBytes) body = NULL;
  AugurTestRequest *logged;
  guint delay_ms;

  if (!g_str_equal (soup_server_message_get_method (msg), "POST") ||
      !g_str_has_suffix (path, "/outputs"))
    return FALSE;

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  logged = g_new0 (AugurTestRequest, 1);
  logged->method = g_strdup ("POST");
  logged->path = g_strdup (path);
  logged->body = g_bytes_new (NULL, 0);
  logged->n_inputs = count_ids (body);
  logged->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);

  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->requests, logged);
  delay_ms = self->delay_ms;
  g_mutex_unlock (&self->mutex);

  reply_lean_predict (msg, logged->n_inputs);
  if (delay_ms > 0)
    delay_reply (self, msg, delay_ms);
  return TRUE;
}

static void
server_callback (SoupServer        *soup_server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  AugurTestServer *self = user_data;
  g_autoptr(AugurTestRequest) request = NULL;
  g_autoptr(QueuedResponse) queued = NULL;
  gboolean authorized;
  guint delay_ms;
  Call call = { 0 };

  if (self->lean && handle_lean (self, msg, path))
    return;
  request = request_from_message (msg);

  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->requests, augur_test_request_copy (request));
  authorized = is_authorized (self->token, request->authorization);
  if (authorized)
    queued = take_queued_response (self, request->method, request->path);
  call.model = self->model;
  call.versions_differ = self->versions_differ;
  call.failing_version = g_strdup (self->failing_version);
  call.failing_status = self->failing_status;
  delay_ms = self->delay_ms;
  call.req_id = g_strdup_printf ("a5a5%028x", ++self->n_handled);
  g_mutex_unlock (&self->mutex);

  call.msg = msg;
  call.query = query;
  call.body = request->body;
  if (!authorized)
    reply_status (&call, SOUP_STATUS_UNAUTHORIZED, 11009, "API key not found",
                  "The API key in the Authorization header was not found");
  else if (queued != NULL)
    {
      apply_queued_response (msg, queued);
      delay_ms += queued->delay_ms;
    }
  else
    handle_builtin (&call, request->method, request->path);
  route_clear (&call.route);
  g_free (call.req_id);
  g_free (call.failing_version);

  if (delay_ms > 0)
    delay_reply (self, msg, delay_ms);
}

/* The thread */

static gboolean
start_listening (AugurTestServer *self,
                 GError         **error)
{
  SoupServerListenOptions options = SOUP_SERVER_LISTEN_IPV4_ONLY;
  GSList *uris;
  GUri *uri;

  if (self->tls_cert != NULL)
    options |= SOUP_SERVER_LISTEN_HTTPS;
  self->soup_server = soup_server_new ("tls-certificate", self->tls_cert, NULL);
  soup_server_add_handler (self->soup_server, NULL, server_callback, self, NULL);
  if (!soup_server_listen_local (self->soup_server, 0, options, error))
    return FALSE;
  uris = soup_server_get_uris (self->soup_server);
  uri = uris->data;
  self->base_url = g_strdup_printf ("%s://127.0.0.1:%d", g_uri_get_scheme (uri), g_uri_get_port (uri));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return TRUE;
}

static gpointer
server_thread_func (gpointer user_data)
{
  AugurTestServer *self = user_data;
  GError *error = NULL;
  gboolean listening;

  g_main_context_push_thread_default (self->context);
  listening = start_listening (self, &error);

  g_mutex_lock (&self->mutex);
  self->start_error = error;
  self->started = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  if (listening)
    g_main_loop_run (self->loop);

  while (self->pending != NULL)
    {
      PendingReply *pending = self->pending->data;

      self->pending = g_list_delete_link (self->pending, self->pending);
      pending_reply_free (pending);
    }
  soup_server_disconnect (self->soup_server);
  g_clear_object (&self->soup_server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static gboolean
quit_loop_cb (gpointer user_data)
{
  AugurTestServer *self = user_data;

  g_main_loop_quit (self->loop);
  return G_SOURCE_REMOVE;
}

/* Public API */

AugurTestServer *
augur_test_server_new (GTlsCertificate *tls_cert)
{
  AugurTestServer *self = g_new0 (AugurTestServer, 1);

  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->queue);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_test_request_free);
  self->token = g_strdup (AUGUR_TEST_TOKEN);
  self->model = AUGUR_TEST_MODEL_CLASSIFIER;
  self->tls_cert = tls_cert != NULL ? g_object_ref (tls_cert) : NULL;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("augur-test-server", server_thread_func, self);

  g_mutex_lock (&self->mutex);
  while (!self->started)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  if (self->start_error != NULL)
    g_error ("The test server could not listen on 127.0.0.1: %s", self->start_error->message);
  return self;
}

void
augur_test_server_free (AugurTestServer *self)
{
  GSource *quit;

  if (self == NULL)
    return;

  /* An idle source rather than g_main_loop_quit(), which would be lost if the loop has
   * not started running yet. */
  quit = g_idle_source_new ();
  g_source_set_callback (quit, quit_loop_cb, self, NULL);
  g_source_attach (quit, self->context);
  g_source_unref (quit);
  g_thread_join (self->thread);

  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_clear_object (&self->tls_cert);
  g_clear_error (&self->start_error);
  g_free (self->base_url);
  g_free (self->token);
  g_free (self->failing_version);
  g_queue_clear_full (&self->queue, (GDestroyNotify) queued_response_free);
  g_ptr_array_unref (self->requests);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

const char *
augur_test_server_get_base_url (AugurTestServer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->base_url;
}

void
augur_test_server_set_token (AugurTestServer *self,
                             const char      *token)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  g_free (self->token);
  self->token = g_strdup (token);
  g_mutex_unlock (&self->mutex);
}

void
augur_test_server_set_model (AugurTestServer      *self,
                             AugurTestServerModel  model)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  self->model = model;
  g_mutex_unlock (&self->mutex);
}

void
augur_test_server_set_delay (AugurTestServer *self,
                             guint            delay_ms)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  self->delay_ms = delay_ms;
  g_mutex_unlock (&self->mutex);
}

void
augur_test_server_set_lean (AugurTestServer *self,
                            gboolean         lean)
{
  g_return_if_fail (self != NULL);
  /* Read on the server thread without the lock: set it before any request. */
  self->lean = !!lean;
}

void
augur_test_server_set_versions_differ (AugurTestServer *self,
                                       gboolean         differ)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  self->versions_differ = !!differ;
  g_mutex_unlock (&self->mutex);
}

void
augur_test_server_fail_version (AugurTestServer *self,
                                const char      *version_id,
                                guint            http_status)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (version_id == NULL || http_status >= 400);

  g_mutex_lock (&self->mutex);
  g_free (self->failing_version);
  self->failing_version = g_strdup (version_id);
  self->failing_status = http_status;
  g_mutex_unlock (&self->mutex);
}

guint32
augur_test_server_input_key (GBytes *content)
{
  gsize size = 0;
  const guint8 *data;

  g_return_val_if_fail (content != NULL, 0);

  data = g_bytes_get_data (content, &size);
  return hash_bytes (data, size);
}

gboolean
augur_test_server_older_top1_differs (GBytes *content)
{
  g_return_val_if_fail (content != NULL, FALSE);

  return augur_test_server_input_key (content) % 4 == 0;
}

static void
queue_bytes (AugurTestServer    *self,
             const char         *method,
             const char         *path_suffix,
             guint               http_status,
             GBytes             *body,
             guint               delay_ms,
             const char * const *headers)
{
  QueuedResponse *queued = g_new0 (QueuedResponse, 1);

  queued->method = g_strdup (method);
  queued->path_suffix = g_strdup (path_suffix);
  queued->http_status = http_status;
  queued->body = body != NULL ? g_bytes_ref (body) : NULL;
  queued->delay_ms = delay_ms;
  queued->headers = g_strdupv ((char **) headers);

  g_mutex_lock (&self->mutex);
  g_queue_push_tail (&self->queue, queued);
  g_mutex_unlock (&self->mutex);
}

void
augur_test_server_queue_response_with_headers (AugurTestServer    *self,
                                               const char         *method,
                                               const char         *path_suffix,
                                               guint               http_status,
                                               const char         *body,
                                               guint               delay_ms,
                                               const char * const *headers)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (method != NULL);
  g_return_if_fail (path_suffix != NULL);

  if (body != NULL)
    bytes = g_bytes_new (body, strlen (body));
  queue_bytes (self, method, path_suffix, http_status, bytes, delay_ms, headers);
}

void
augur_test_server_queue_response (AugurTestServer *self,
                                  const char      *method,
                                  const char      *path_suffix,
                                  guint            http_status,
                                  const char      *body,
                                  guint            delay_ms)
{
  augur_test_server_queue_response_with_headers (self, method, path_suffix, http_status, body,
                                                 delay_ms, NULL);
}

void
augur_test_server_queue_fixture (AugurTestServer *self,
                                 const char      *method,
                                 const char      *path_suffix,
                                 guint            http_status,
                                 const char      *fixture_name)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (method != NULL);
  g_return_if_fail (path_suffix != NULL);
  g_return_if_fail (fixture_name != NULL);

  bytes = augur_test_fixture_bytes (fixture_name);
  queue_bytes (self, method, path_suffix, http_status, bytes, 0, NULL);
}

GPtrArray *
augur_test_server_get_requests (AugurTestServer *self)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_test_request_free);

  g_return_val_if_fail (self != NULL, copy);

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->requests->len; i++)
    g_ptr_array_add (copy, augur_test_request_copy (g_ptr_array_index (self->requests, i)));
  g_mutex_unlock (&self->mutex);
  return copy;
}

guint
augur_test_server_count_requests (AugurTestServer *self,
                                  const char      *path_suffix)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->requests->len; i++)
    {
      AugurTestRequest *request = g_ptr_array_index (self->requests, i);

      if (path_suffix == NULL || g_str_has_suffix (request->path, path_suffix))
        count++;
    }
  g_mutex_unlock (&self->mutex);
  return count;
}

guint
augur_test_server_count_queued (AugurTestServer *self)
{
  guint count;

  g_return_val_if_fail (self != NULL, 0);

  g_mutex_lock (&self->mutex);
  count = g_queue_get_length (&self->queue);
  g_mutex_unlock (&self->mutex);
  return count;
}

void
augur_test_server_clear_requests (AugurTestServer *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  g_ptr_array_set_size (self->requests, 0);
  g_mutex_unlock (&self->mutex);
}

/* Waiting for async results ------------------------------------------------------------- */

void
augur_test_store_result_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

GAsyncResult *
augur_test_wait_for_result (GAsyncResult **slot)
{
  g_return_val_if_fail (slot != NULL, NULL);

  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}
