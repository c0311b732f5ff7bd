/* test-client.c: AugurClient against the fake server: what goes over the wire, and what
 * the caller gets back for every kind of failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "augur-client.h"
#include "augur-concept.h"
#include "augur-config.h"
#include "augur-error.h"
#include "augur-model.h"
#include "augur-model-ref.h"
#include "augur-prediction.h"
#include "augur-status.h"
#include "augur-test-server.h"

#define SIMPLE_PREDICT_BODY \
  "{\"inputs\":[{\"data\":{\"image\":{\"url\":\"https://samples.clarifai.com/metro-north.jpg\"}}}]}"

typedef struct
{
  AugurTestServer *server;
  AugurConfig     *config;
  AugurClient     *client;
  AugurModelRef   *ref;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->server = augur_test_server_new (NULL);
  f->config = augur_config_new ();
  augur_config_set_base_url (f->config, augur_test_server_get_base_url (f->server));
  augur_config_set_token (f->config, AUGUR_TEST_TOKEN);
  f->client = augur_client_new (f->config, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->client);
  f->ref = augur_model_ref_new ("clarifai", "main", "general-image-recognition", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->client);
  g_clear_object (&f->config);
  g_clear_pointer (&f->ref, augur_model_ref_free);
  g_clear_pointer (&f->server, augur_test_server_free);
}

/* Helpers */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Every error the client produces goes through here. */
static void
assert_error_is_clean (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, AUGUR_TEST_TOKEN));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("error: %s", error->message);
}

static AugurPredictReply *
predict (Fixture             *f,
         const AugurModelRef *ref,
         const char          *body,
         GCancellable        *cancellable,
         GError             **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GAsyncResult) result = NULL;
  AugurPredictReply *reply;

  augur_client_post_outputs_async (f->client, ref, bytes, cancellable, store_result_cb, &result);
  reply = augur_client_post_outputs_finish (f->client, wait_for (&result), error);
  if (reply == NULL)
    assert_error_is_clean (*error);
  return reply;
}

static AugurModel *
get_model (Fixture             *f,
           const AugurModelRef *ref,
           GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  AugurModel *model;

  augur_client_get_model_async (f->client, ref, NULL, store_result_cb, &result);
  model = augur_client_get_model_finish (f->client, wait_for (&result), error);
  if (model == NULL)
    assert_error_is_clean (*error);
  return model;
}

static AugurModelVersion *
get_version (Fixture             *f,
             const AugurModelRef *ref,
             GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  AugurModelVersion *version;

  augur_client_get_version_async (f->client, ref, NULL, store_result_cb, &result);
  version = augur_client_get_version_finish (f->client, wait_for (&result), error);
  if (version == NULL)
    assert_error_is_clean (*error);
  return version;
}

static GPtrArray *
list_versions (Fixture             *f,
               const AugurModelRef *ref,
               guint                page,
               guint                per_page,
               GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GPtrArray *versions;

  augur_client_list_versions_async (f->client, ref, page, per_page, NULL, store_result_cb, &result);
  versions = augur_client_list_versions_finish (f->client, wait_for (&result), error);
  if (versions == NULL)
    assert_error_is_clean (*error);
  return versions;
}

static GPtrArray *
list_concepts (Fixture             *f,
               const AugurModelRef *ref,
               const char          *search,
               guint                page,
               guint                per_page,
               GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GPtrArray *concepts;

  augur_client_list_concepts_async (f->client, ref, search, page, per_page, NULL,
                                    store_result_cb, &result);
  concepts = augur_client_list_concepts_finish (f->client, wait_for (&result), error);
  if (concepts == NULL)
    assert_error_is_clean (*error);
  return concepts;
}

static GPtrArray *
get_output_info (Fixture             *f,
                 const AugurModelRef *ref,
                 GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GPtrArray *concepts;

  augur_client_get_output_info_async (f->client, ref, NULL, store_result_cb, &result);
  concepts = augur_client_get_output_info_finish (f->client, wait_for (&result), error);
  if (concepts == NULL)
    assert_error_is_clean (*error);
  return concepts;
}

static GPtrArray *
list_models (Fixture               *f,
             const AugurModelQuery *query,
             GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GPtrArray *models;

  augur_client_list_models_async (f->client, query, NULL, store_result_cb, &result);
  models = augur_client_list_models_finish (f->client, wait_for (&result), error);
  if (models == NULL)
    assert_error_is_clean (*error);
  return models;
}

static AugurTestRequest *
last_request (Fixture *f)
{
  g_autoptr(GPtrArray) requests = augur_test_server_get_requests (f->server);

  g_assert_cmpuint (requests->len, >, 0);
  return g_ptr_array_steal_index (requests, requests->len - 1);
}

static void
assert_last_request (Fixture    *f,
                     const char *method,
                     const char *path,
                     const char *query)
{
  g_autoptr(AugurTestRequest) request = last_request (f);

  g_assert_cmpstr (request->method, ==, method);
  g_assert_cmpstr (request->path, ==, path);
  g_assert_cmpstr (request->query, ==, query);
}

/* Routes on the wire */

static void
test_predict_wire (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_autoptr(AugurTestRequest) request = last_request (f);
  g_autoptr(AugurModelRef) versioned = augur_model_ref_with_version (f->ref, "v-1");
  g_autoptr(AugurPredictReply) versioned_reply = NULL;
  GPtrArray *concepts;

  g_assert_no_error (error);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (request->path, ==,
                   "/v2/users/clarifai/apps/main/models/general-image-recognition/outputs");
  g_assert_null (request->query);
  g_assert_cmpstr (request->authorization, ==, "Key " AUGUR_TEST_TOKEN);
  g_assert_cmpstr (soup_message_headers_get_content_type (request->headers, NULL), ==,
                   "application/json");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Accept"), ==,
                   "application/json");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "X-Clarifai-Request-ID-Prefix"),
                   ==, "augur-" PACKAGE_VERSION);
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "User-Agent"), ==,
                   "Augur/" PACKAGE_VERSION);
  g_assert_cmpuint (request->n_inputs, ==, 1);
  augur_test_assert_json_equal ("predict body", request->body, SIMPLE_PREDICT_BODY);

  g_assert_cmpint (reply->status->code, ==, AUGUR_STATUS_SUCCESS);
  g_assert_cmpuint (reply->predictions->len, ==, 1);
  g_assert_cmpuint (reply->retry_after_s, ==, 0);
  g_assert_cmpfloat (reply->duration_ms, >=, 0);
  concepts = augur_prediction_get_concepts (g_ptr_array_index (reply->predictions, 0));
  g_assert_cmpuint (concepts->len, ==, 20);

  versioned_reply = predict (f, versioned, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_no_error (error);
  assert_last_request (f, "POST",
                       "/v2/users/clarifai/apps/main/models/general-image-recognition/versions/v-1/outputs",
                       NULL);
  g_assert_cmpstr (augur_prediction_get_version_id (g_ptr_array_index (versioned_reply->predictions, 0)),
                   ==, "v-1");
}

static void
test_predict_mixed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply =
    predict (f, f->ref,
             "{\"inputs\":[{\"data\":{\"image\":{\"url\":\"https://example.com/a.jpg\"}}},"
             "{\"data\":{\"image\":{\"url\":\"https://invalid.example.com/b.jpg\"}}}]}",
             NULL, &error);
  const AugurStatus *second;

  g_assert_no_error (error);
  g_assert_cmpint (reply->status->code, ==, AUGUR_STATUS_MIXED_STATUS);
  g_assert_cmpuint (reply->predictions->len, ==, 2);
  g_assert_cmpint (augur_prediction_get_status (g_ptr_array_index (reply->predictions, 0))->code,
                   ==, AUGUR_STATUS_SUCCESS);
  second = augur_prediction_get_status (g_ptr_array_index (reply->predictions, 1));
  g_assert_cmpint (second->code, ==, AUGUR_STATUS_INPUT_FAILED);
}

static void
test_ids_escaped (Fixture       *f,
                  gconstpointer  data)
{
  /* The server logs decoded paths: a request that arrives whole with the right route
   * shows that each id was escaped (an unescaped '?' or '#' would have cut the path). */
  g_autoptr(AugurModelRef) ref = augur_model_ref_new ("a b", "c?d", "e#f", "g%h");
  g_autoptr(GError) error = NULL;
  G_GNUC_UNUSED g_autoptr(AugurPredictReply) reply = predict (f, ref, SIMPLE_PREDICT_BODY, NULL, &error);

  g_assert_no_error (error);
  assert_last_request (f, "POST", "/v2/users/a b/apps/c?d/models/e#f/versions/g%h/outputs", NULL);
}

static void
test_get_model (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurModel) model = get_model (f, f->ref, &error);

  g_assert_no_error (error);
  assert_last_request (f, "GET", "/v2/users/clarifai/apps/main/models/general-image-recognition",
                       NULL);
  g_assert_cmpstr (augur_model_get_id (model), ==, "general-image-recognition");
  g_assert_cmpstr (augur_model_get_model_type_id (model), ==, "visual-classifier");
  g_assert_nonnull (augur_model_get_version (model));
  g_assert_cmpstr (augur_model_version_get_id (augur_model_get_version (model)), ==,
                   AUGUR_TEST_VERSION_LATEST);
}

static void
test_get_model_with_version (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_with_version (f->ref, AUGUR_TEST_VERSION_OLDER);
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurModel) model = get_model (f, ref, &error);
  g_autoptr(GPtrArray) requests = augur_test_server_get_requests (f->server);
  AugurTestRequest *first, *second;

  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 2);
  first = g_ptr_array_index (requests, 0);
  second = g_ptr_array_index (requests, 1);
  g_assert_cmpstr (first->path, ==, "/v2/users/clarifai/apps/main/models/general-image-recognition");
  g_assert_cmpstr (second->path, ==, "/v2/users/clarifai/apps/main/models/general-image-recognition"
                                     "/versions/" AUGUR_TEST_VERSION_OLDER);
  g_assert_cmpstr (augur_model_version_get_id (augur_model_get_version (model)), ==,
                   AUGUR_TEST_VERSION_OLDER);
  g_assert_cmpstr (augur_model_version_get_description (augur_model_get_version (model)), ==,
                   "First version");
}

static void
test_get_version (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_with_version (f->ref, AUGUR_TEST_VERSION_OLDER);
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurModelVersion) version = get_version (f, ref, &error);
  g_autoptr(AugurModelVersion) latest = NULL;

  g_assert_no_error (error);
  assert_last_request (f, "GET", "/v2/users/clarifai/apps/main/models/general-image-recognition"
                                 "/versions/" AUGUR_TEST_VERSION_OLDER, NULL);
  g_assert_cmpstr (augur_model_version_get_id (version), ==, AUGUR_TEST_VERSION_OLDER);
  g_assert_cmpuint (augur_model_version_get_active_concept_count (version), ==,
                    AUGUR_TEST_N_CONCEPTS);

  /* Without a version: the latest, as GetModel reports it */
  latest = get_version (f, f->ref, &error);
  g_assert_no_error (error);
  assert_last_request (f, "GET", "/v2/users/clarifai/apps/main/models/general-image-recognition",
                       NULL);
  g_assert_cmpstr (augur_model_version_get_id (latest), ==, AUGUR_TEST_VERSION_LATEST);
}

static void
test_list_versions (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = list_versions (f, f->ref, 0, 0, &error);
  g_autoptr(GPtrArray) second_page = NULL;

  g_assert_no_error (error);
  assert_last_request (f, "GET",
                       "/v2/users/clarifai/apps/main/models/general-image-recognition/versions",
                       "page=1");
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (augur_model_version_get_id (g_ptr_array_index (all, 0)), ==,
                   AUGUR_TEST_VERSION_LATEST);

  second_page = list_versions (f, f->ref, 2, 1, &error);
  g_assert_no_error (error);
  assert_last_request (f, "GET",
                       "/v2/users/clarifai/apps/main/models/general-image-recognition/versions",
                       "page=2&per_page=1");
  g_assert_cmpuint (second_page->len, ==, 1);
  g_assert_cmpstr (augur_model_version_get_id (g_ptr_array_index (second_page, 0)), ==,
                   AUGUR_TEST_VERSION_OLDER);
}

static void
test_list_concepts (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_with_version (f->ref, "v9");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) concepts = list_concepts (f, f->ref, "concept-1", 1, 5, &error);
  g_autoptr(GPtrArray) escaped = NULL;

  g_assert_no_error (error);
  assert_last_request (f, "GET",
                       "/v2/users/clarifai/apps/main/models/general-image-recognition/concepts",
                       "search=concept-1&page=1&per_page=5");
  g_assert_cmpuint (concepts->len, ==, 5);
  g_assert_cmpstr (augur_concept_get_id (g_ptr_array_index (concepts, 0)), ==, "id-10");
  g_assert_cmpstr (augur_concept_get_name (g_ptr_array_index (concepts, 4)), ==, "concept-14");

  escaped = list_concepts (f, ref, "a b&c=d", 0, 0, &error);
  g_assert_no_error (error);
  assert_last_request (f, "GET",
                       "/v2/users/clarifai/apps/main/models/general-image-recognition/versions/v9/concepts",
                       "search=a%20b%26c%3Dd&page=1");
  g_assert_cmpuint (escaped->len, ==, 0);
}

static void
test_get_output_info (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) concepts = get_output_info (f, f->ref, &error);

  g_assert_no_error (error);
  assert_last_request (f, "GET",
                       "/v2/users/clarifai/apps/main/models/general-image-recognition/output_info",
                       NULL);
  g_assert_cmpuint (concepts->len, ==, AUGUR_TEST_N_CONCEPTS);
}

static void
test_list_models (Fixture       *f,
                  gconstpointer  data)
{
  AugurModelQuery community = {
    .search = "llama", .model_type_id = "text-to-text", .sort = AUGUR_MODEL_SORT_STAR_COUNT,
    .sort_ascending = TRUE, .page = 0, .per_page = 24,
  };
  AugurModelQuery app = { .user_id = "clarifai", .app_id = "main", .sort = AUGUR_MODEL_SORT_NAME };
  AugurModelQuery user = { .user_id = "meta", .page = 3 };
  AugurModelQuery relevance = { .sort = AUGUR_MODEL_SORT_RELEVANCE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) models = list_models (f, &community, &error);
  g_autoptr(GPtrArray) app_models = NULL;
  g_autoptr(GPtrArray) user_models = NULL;
  g_autoptr(GPtrArray) relevance_models = NULL;

  g_assert_no_error (error);
  assert_last_request (f, "GET", "/v2/models",
                       "search=llama&model_type_id=text-to-text&sort_by_star_count=true"
                       "&sort_ascending=true&page=1&per_page=24");
  g_assert_cmpuint (models->len, ==, 1);
  g_assert_cmpstr (augur_model_get_id (g_ptr_array_index (models, 0)), ==, "llama-3-8b-instruct");
  g_assert_cmpstr (augur_model_get_user_id (g_ptr_array_index (models, 0)), ==, "meta");

  app_models = list_models (f, &app, &error);
  g_assert_no_error (error);
  assert_last_request (f, "GET", "/v2/users/clarifai/apps/main/models", "sort_by_name=true&page=1");
  g_assert_cmpuint (app_models->len, ==, 3);
  /* descending by name */
  g_assert_cmpstr (augur_model_get_name (g_ptr_array_index (app_models, 0)), ==, "Moderation");

  user_models = list_models (f, &user, &error);
  g_assert_no_error (error);
  assert_last_request (f, "GET", "/v2/users/meta/models", "page=3");
  g_assert_cmpuint (user_models->len, ==, 0);

  /* sort_by_relevance is only sent with a search */
  relevance_models = list_models (f, &relevance, &error);
  g_assert_no_error (error);
  assert_last_request (f, "GET", "/v2/models", "page=1");
}

static void
test_auth_header_everywhere (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(AugurModelRef) versioned = augur_model_ref_with_version (f->ref, "v1");
  AugurModelQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  G_GNUC_UNUSED g_autoptr(AugurPredictReply) reply = predict (f, versioned, SIMPLE_PREDICT_BODY, NULL, &error);
  G_GNUC_UNUSED g_autoptr(AugurModel) model = get_model (f, versioned, &error);
  G_GNUC_UNUSED g_autoptr(AugurModelVersion) version = get_version (f, versioned, &error);
  G_GNUC_UNUSED g_autoptr(GPtrArray) versions = list_versions (f, f->ref, 1, 10, &error);
  G_GNUC_UNUSED g_autoptr(GPtrArray) concepts = list_concepts (f, f->ref, NULL, 1, 10, &error);
  G_GNUC_UNUSED g_autoptr(GPtrArray) output_info = get_output_info (f, f->ref, &error);
  G_GNUC_UNUSED g_autoptr(GPtrArray) models = list_models (f, &query, &error);

  g_assert_no_error (error);
  requests = augur_test_server_get_requests (f->server);
  g_assert_cmpuint (requests->len, ==, 8);
  for (guint i = 0; i < requests->len; i++)
    {
      AugurTestRequest *request = g_ptr_array_index (requests, i);

      g_assert_cmpstr (request->authorization, ==, "Key " AUGUR_TEST_TOKEN);
      g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Accept"), ==,
                       "application/json");
      if (g_str_equal (request->method, "GET"))
        g_assert_cmpuint (g_bytes_get_size (request->body), ==, 0);
    }
}

/* Failures the server reports */

static void
test_wrong_token (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;
  g_autoptr(AugurModel) model = NULL;
  const AugurStatus *status;

  augur_test_server_set_token (f->server, "another-token-entirely");
  reply = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_AUTH);
  status = augur_error_get_status (error);
  g_assert_nonnull (status);
  g_assert_cmpint (status->code, ==, 11009);
  g_assert_cmpuint (status->http_status, ==, 401);
  g_assert_cmpstr (status->description, ==, "API key not found");
  g_assert_nonnull (status->req_id);
  g_assert_nonnull (strstr (error->message, "API key not found"));
  g_clear_error (&error);

  model = get_model (f, f->ref, &error);
  g_assert_null (model);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_AUTH);
}

static void
test_no_token (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;
  g_autoptr(GPtrArray) concepts = NULL;

  augur_config_set_token (f->config, NULL);
  reply = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "CLARIFAI_PAT"));
  g_clear_error (&error);

  concepts = list_concepts (f, f->ref, NULL, 0, 0, &error);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_AUTH);
  g_assert_cmpuint (augur_test_server_count_requests (f->server, NULL), ==, 0);
}

static void
test_throttled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;
  g_autoptr(GPtrArray) models = NULL;
  AugurModelQuery query = { 0 };

  augur_test_server_queue_fixture (f->server, "POST", "/outputs", 429, "error-throttled.response.json");
  reply = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_THROTTLED);
  g_assert_cmpint (augur_error_get_status (error)->code, ==, AUGUR_STATUS_CONN_THROTTLED);
  g_clear_error (&error);

  /* The string code alone decides, whatever the HTTP status */
  augur_test_server_queue_fixture (f->server, "GET", "/v2/models", 400, "error-throttled.response.json");
  models = list_models (f, &query, &error);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_THROTTLED);
}

static void
test_api_error (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurModel) model = NULL;

  augur_test_server_queue_fixture (f->server, "GET", "/general-image-recognition", 404,
                                   "error-model-does-not-exist.response.json");
  model = get_model (f, f->ref, &error);
  g_assert_null (model);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_API);
  g_assert_cmpint (augur_error_get_status (error)->code, ==, AUGUR_STATUS_MODEL_DOES_NOT_EXIST);
}

static void
test_http_502_html (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;

  augur_test_server_queue_response (f->server, "POST", "/outputs", 502,
                                    "<html><body><h1>502 Bad Gateway</h1></body></html>", 0);
  reply = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_null (reply);
  g_assert_true (error->domain == AUGUR_ERROR);
  g_assert_nonnull (strstr (error->message, "502"));
  g_assert_cmpuint (augur_error_get_status (error)->http_status, ==, 502);
}

static void
assert_bad_reply (Fixture    *f,
                  guint       http_status,
                  const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;

  augur_test_server_queue_response (f->server, "POST", "/outputs", http_status, body, 0);
  reply = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY);
}

static void
test_bad_replies (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) fixture = augur_test_fixture_bytes ("predict-image-classification.response.json");
  g_autofree char *truncated = g_strndup (g_bytes_get_data (fixture, NULL),
                                          g_bytes_get_size (fixture) / 2);

  assert_bad_reply (f, 200, "{\"status\": {\"code\": 10000,");
  assert_bad_reply (f, 200, truncated);
  assert_bad_reply (f, 200, "");
  assert_bad_reply (f, 200, "[1, 2, 3]");
  assert_bad_reply (f, 200, "{\"status\": {\"code\": 10000}, \"outputs\": 7}");
}

static void
test_token_scrubbed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;

  /* A server that echoes what it received must not leak the token through us */
  augur_test_server_queue_response (f->server, "POST", "/outputs", 400,
                                    "{\"status\":{\"code\":11102,\"description\":\"Bad header "
                                    "Key " AUGUR_TEST_TOKEN "\",\"details\":\"Authorization: Key "
                                    AUGUR_TEST_TOKEN "\"}}", 0);
  reply = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_API);
  g_assert_null (strstr (error->message, AUGUR_TEST_TOKEN));
}

static void
test_retry_after (Fixture       *f,
                  gconstpointer  data)
{
  const char *headers[] = { "Retry-After", "7", NULL };
  g_autoptr(GBytes) fixture = augur_test_fixture_bytes ("mixed-status.response.json");
  g_autofree char *body = g_strndup (g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;

  augur_test_server_queue_response_with_headers (f->server, "POST", "/outputs", 200, body, 0,
                                                 headers);
  reply = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reply->status->code, ==, AUGUR_STATUS_MIXED_STATUS);
  g_assert_cmpuint (reply->retry_after_s, ==, 7);
}

/* A throttled request fails as a whole, yet its Retry-After still reaches the caller, for the
 * wait before the next try. */
static void
test_retry_after_throttled (Fixture       *f,
                            gconstpointer  data)
{
  const char *headers[] = { "Retry-After", "3", NULL };
  g_autoptr(GBytes) fixture = augur_test_fixture_bytes ("error-throttled.response.json");
  g_autofree char *throttled = g_strndup (g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_autoptr(GBytes) body = g_bytes_new_static (SIMPLE_PREDICT_BODY, strlen (SIMPLE_PREDICT_BODY));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) plain = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;
  g_autoptr(GError) error = NULL;

  augur_test_server_queue_response_with_headers (f->server, "POST", "/outputs", 429, throttled,
                                                 0, headers);
  augur_client_post_outputs_async (f->client, f->ref, body, NULL, store_result_cb, &result);
  reply = augur_client_post_outputs_finish (f->client, wait_for (&result), &error);
  g_assert_null (reply);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_THROTTLED);
  g_assert_cmpuint (augur_client_post_outputs_get_retry_after (f->client, result), ==, 3);

  /* Without the header there is nothing to honour. */
  augur_client_post_outputs_async (f->client, f->ref, body, NULL, store_result_cb, &plain);
  reply = augur_client_post_outputs_finish (f->client, wait_for (&plain), NULL);
  g_assert_nonnull (reply);
  g_assert_cmpuint (augur_client_post_outputs_get_retry_after (f->client, plain), ==, 0);
}

/* Failures on the way */

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) body = g_bytes_new_static (SIMPLE_PREDICT_BODY, strlen (SIMPLE_PREDICT_BODY));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;
  const guint delay_ms = 5000;
  gint64 started = g_get_monotonic_time ();

  augur_test_server_queue_response (f->server, "POST", "/outputs", 200, SIMPLE_PREDICT_BODY,
                                    delay_ms);
  augur_client_post_outputs_async (f->client, f->ref, body, cancellable, store_result_cb, &result);
  g_timeout_add (100, cancel_cb, cancellable);
  reply = augur_client_post_outputs_finish (f->client, wait_for (&result), &error);

  g_assert_null (reply);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_error_is_clean (error);
  /* The callback came before the server would have answered */
  g_assert_cmpint ((g_get_monotonic_time () - started) / 1000, <, delay_ms);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AugurConfig) config = augur_config_copy (f->config);
  g_autoptr(AugurClient) client = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static (SIMPLE_PREDICT_BODY, strlen (SIMPLE_PREDICT_BODY));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;

  augur_config_set_timeout (config, 1);
  client = augur_client_new (config, &error);
  g_assert_no_error (error);
  augur_test_server_queue_response (f->server, "POST", "/outputs", 200, SIMPLE_PREDICT_BODY, 3000);
  augur_client_post_outputs_async (client, f->ref, body, NULL, store_result_cb, &result);
  reply = augur_client_post_outputs_finish (client, wait_for (&result), &error);

  g_assert_null (reply);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_TRANSPORT);
  assert_error_is_clean (error);
  g_assert_nonnull (strstr (error->message, augur_test_server_get_base_url (f->server)));
}

/* Bound but never listening: connections to its port are refused while it lives. */
static GSocket *
bind_unused_port (guint16 *port)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return g_steal_pointer (&socket);
}

static void
test_connection_refused (Fixture       *f,
                         gconstpointer  data)
{
  guint16 port = 0;
  G_GNUC_UNUSED g_autoptr(GSocket) socket = bind_unused_port (&port);
  g_autoptr(AugurConfig) config = augur_config_copy (f->config);
  g_autoptr(AugurClient) client = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static (SIMPLE_PREDICT_BODY, strlen (SIMPLE_PREDICT_BODY));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;
  g_autofree char *base_url = g_strdup_printf ("http://127.0.0.1:%u", port);

  augur_config_set_base_url (config, base_url);
  client = augur_client_new (config, &error);
  g_assert_no_error (error);
  augur_client_post_outputs_async (client, f->ref, body, NULL, store_result_cb, &result);
  reply = augur_client_post_outputs_finish (client, wait_for (&result), &error);

  g_assert_null (reply);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_TRANSPORT);
  assert_error_is_clean (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not reach http://127.0.0.1:"));
}

static void
test_invalid_config (void)
{
  g_autoptr(AugurConfig) config = augur_config_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurClient) client = NULL;

  augur_config_set_base_url (config, "ftp://example.com");
  client = augur_client_new (config, &error);
  g_assert_null (client);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT);
}

static void
test_keeps_config (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;

  g_assert_true (augur_client_get_config (f->client) == f->config);
  /* A token set later is used by the next call */
  augur_config_set_token (f->config, "a-new-token");
  augur_test_server_set_token (f->server, "a-new-token");
  reply = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reply);
}


/* The fake server's built-in model, which the other test suites rely on */

static GPtrArray *
predicted_concepts (AugurPredictReply *reply,
                    guint              index)
{
  return augur_prediction_get_concepts (g_ptr_array_index (reply->predictions, index));
}

static void
test_fake_classifier_options (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) top3 = NULL;
  g_autoptr(AugurPredictReply) above = NULL;
  g_autoptr(AugurPredictReply) selected = NULL;
  g_autoptr(AugurPredictReply) partial = NULL;
  g_autoptr(AugurPredictReply) none = NULL;
  GPtrArray *concepts;

  top3 = predict (f, f->ref,
                  "{\"inputs\":[{\"data\":{\"image\":{\"url\":\"https://x.test/1.jpg\"}}}],"
                  "\"model\":{\"output_info\":{\"output_config\":{\"max_concepts\":3}}}}",
                  NULL, &error);
  g_assert_no_error (error);
  concepts = predicted_concepts (top3, 0);
  g_assert_cmpuint (concepts->len, ==, 3);
  g_assert_cmpfloat (augur_concept_get_value (g_ptr_array_index (concepts, 0)), >=,
                     augur_concept_get_value (g_ptr_array_index (concepts, 1)));
  g_assert_cmpfloat (augur_concept_get_value (g_ptr_array_index (concepts, 1)), >=,
                     augur_concept_get_value (g_ptr_array_index (concepts, 2)));

  /* the SDK's place for the output config works too */
  above = predict (f, f->ref,
                   "{\"inputs\":[{\"data\":{\"image\":{\"url\":\"https://x.test/1.jpg\"}}}],"
                   "\"model\":{\"model_version\":{\"output_info\":{\"output_config\":"
                   "{\"min_value\":0.5,\"max_concepts\":200}}}}}",
                   NULL, &error);
  g_assert_no_error (error);
  concepts = predicted_concepts (above, 0);
  g_assert_cmpuint (concepts->len, >, 0);
  g_assert_cmpuint (concepts->len, <, AUGUR_TEST_N_CONCEPTS);
  for (guint i = 0; i < concepts->len; i++)
    g_assert_cmpfloat (augur_concept_get_value (g_ptr_array_index (concepts, i)), >=, 0.5);

  selected = predict (f, f->ref,
                      "{\"inputs\":[{\"data\":{\"image\":{\"url\":\"https://x.test/1.jpg\"}}}],"
                      "\"model\":{\"output_info\":{\"output_config\":{\"select_concepts\":"
                      "[{\"id\":\"id-01\"},{\"name\":\"concept-05\"}]}}}}",
                      NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (selected->status->code, ==, AUGUR_STATUS_SUCCESS);
  concepts = predicted_concepts (selected, 0);
  g_assert_cmpuint (concepts->len, ==, 2);
  for (guint i = 0; i < concepts->len; i++)
    {
      const char *id = augur_concept_get_id (g_ptr_array_index (concepts, i));

      g_assert_true (g_str_equal (id, "id-01") || g_str_equal (id, "id-05"));
    }

  partial = predict (f, f->ref,
                     "{\"inputs\":[{\"data\":{\"image\":{\"url\":\"https://x.test/1.jpg\"}}}],"
                     "\"model\":{\"output_info\":{\"output_config\":{\"select_concepts\":"
                     "[{\"id\":\"id-01\"},{\"name\":\"no-such-concept\"}]}}}}",
                     NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (partial->status->code, ==, AUGUR_STATUS_MIXED_STATUS);
  g_assert_cmpuint (predicted_concepts (partial, 0)->len, ==, 1);

  none = predict (f, f->ref,
                  "{\"inputs\":[{\"data\":{\"image\":{\"url\":\"https://x.test/1.jpg\"}}}],"
                  "\"model\":{\"output_info\":{\"output_config\":{\"select_concepts\":"
                  "[{\"name\":\"no-such-concept\"}]}}}}",
                  NULL, &error);
  g_assert_null (none);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_API);
  g_assert_cmpint (augur_error_get_status (error)->code, ==, 21202);
  g_assert_cmpuint (augur_error_get_status (error)->http_status, ==, 400);
}

static void
test_fake_classifier_stable (Fixture       *f,
                             gconstpointer  data)
{
  const char *body =
    "{\"inputs\":[{\"data\":{\"image\":{\"url\":\"https://x.test/1.jpg\"}}},"
    "{\"data\":{\"image\":{\"url\":\"https://x.test/2.jpg\"}}},"
    "{\"data\":{\"image\":{\"url\":\"https://x.test/1.jpg\"}}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = predict (f, f->ref, body, NULL, &error);
  GPtrArray *first, *second, *again;
  gboolean differ = FALSE;

  g_assert_no_error (error);
  first = predicted_concepts (reply, 0);
  second = predicted_concepts (reply, 1);
  again = predicted_concepts (reply, 2);
  g_assert_cmpuint (first->len, ==, 20);
  for (guint i = 0; i < first->len; i++)
    {
      g_assert_cmpstr (augur_concept_get_id (g_ptr_array_index (first, i)), ==,
                       augur_concept_get_id (g_ptr_array_index (again, i)));
      differ |= !g_str_equal (augur_concept_get_id (g_ptr_array_index (first, i)),
                              augur_concept_get_id (g_ptr_array_index (second, i)));
    }
  g_assert_true (differ);
}

static void
test_fake_text (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) legacy = NULL;
  g_autoptr(AugurPredictReply) pythonic = NULL;

  augur_test_server_set_model (f->server, AUGUR_TEST_MODEL_TEXT);
  legacy = predict (f, f->ref,
                    "{\"inputs\":[{\"data\":{\"text\":{\"raw\":\"Hello there\"}}}],"
                    "\"model\":{\"model_version\":{\"output_info\":{\"params\":"
                    "{\"temperature\":0.5,\"max_tokens\":64}}}}}",
                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (augur_prediction_get_text (g_ptr_array_index (legacy->predictions, 0)), ==,
                   "echo: Hello there | temperature=0.5 max_tokens=64");

  pythonic = predict (f, f->ref,
                      "{\"inputs\":[{\"data\":{\"metadata\":{\"_method_name\":\"predict\"},"
                      "\"parts\":[{\"id\":\"prompt\",\"data\":{\"string_value\":\"Why?\"}},"
                      "{\"id\":\"max_tokens\",\"data\":{\"int_value\":\"100\"}},"
                      "{\"id\":\"temperature\",\"data\":{\"float_value\":0.7}}]}}]}",
                      NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (augur_prediction_get_text (g_ptr_array_index (pythonic->predictions, 0)), ==,
                   "echo: Why? | max_tokens=100 temperature=0.7");
}

static void
test_fake_detector (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;

  augur_test_server_set_model (f->server, AUGUR_TEST_MODEL_DETECTOR);
  reply = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (augur_prediction_get_regions (g_ptr_array_index (reply->predictions, 0))->len,
                    ==, 2);
  g_assert_cmpstr (augur_prediction_get_model_type_id (g_ptr_array_index (reply->predictions, 0)),
                   ==, "visual-detector");
}

static void
test_fake_input_failures (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;
  g_autoptr(AugurPredictReply) too_many = NULL;
  g_autoptr(GString) body = g_string_new ("{\"inputs\":[");
  g_autoptr(AugurTestRequest) request = NULL;

  reply = predict (f, f->ref,
                   "{\"inputs\":[{\"data\":{\"image\":{\"base64\":\"not base64!\"}}},"
                   "{\"data\":{\"image\":{\"url\":\"https://invalid.example/x.jpg\"}}}]}",
                   NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reply->status->code, ==, AUGUR_STATUS_FAILURE);
  g_assert_cmpuint (reply->predictions->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (augur_prediction_get_status (g_ptr_array_index (reply->predictions, i))->code,
                     ==, AUGUR_STATUS_INPUT_FAILED);

  for (guint i = 0; i < 129; i++)
    g_string_append_printf (body, "%s{\"data\":{\"text\":{\"raw\":\"%u\"}}}", i > 0 ? "," : "", i);
  g_string_append (body, "]}");
  too_many = predict (f, f->ref, body->str, NULL, &error);
  g_assert_null (too_many);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_API);
  g_assert_cmpuint (augur_error_get_status (error)->http_status, ==, 400);
  request = last_request (f);
  g_assert_cmpuint (request->n_inputs, ==, 129);
}

static void
test_fake_delay_and_queue (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) delayed = NULL;
  g_autoptr(AugurPredictReply) first = NULL;
  g_autoptr(AugurPredictReply) second = NULL;
  g_autoptr(AugurPredictReply) built_in = NULL;

  augur_test_server_set_delay (f->server, 150);
  delayed = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_no_error (error);
  augur_test_server_set_delay (f->server, 0);

  /* first in, first out, then the built-in model again */
  augur_test_server_queue_fixture (f->server, "POST", "/outputs", 200,
                                   "predict-image-classification.response.json");
  augur_test_server_queue_fixture (f->server, "POST", "/outputs", 200, "mixed-status.response.json");
  g_assert_cmpuint (augur_test_server_count_queued (f->server), ==, 2);
  first = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->status->code, ==, AUGUR_STATUS_SUCCESS);
  g_assert_cmpstr (augur_prediction_get_model_id (g_ptr_array_index (first->predictions, 0)), ==,
                   "general-image-recognition");
  second = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->status->code, ==, AUGUR_STATUS_MIXED_STATUS);
  built_in = predict (f, f->ref, SIMPLE_PREDICT_BODY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (augur_test_server_count_queued (f->server), ==, 0);
  g_assert_cmpuint (augur_test_server_count_requests (f->server, "/outputs"), ==, 4);
}

static void
test_json_equal (void)
{
  g_autoptr(GBytes) bytes = NULL;

  if (g_test_subprocess ())
    {
      bytes = g_bytes_new_static ("{\"a\":[1,{\"b\":0.5}]}", 19);
      augur_test_assert_json_equal ("same", bytes, "{\"a\": [1.0000000001, {\"b\": 0.5}]}");
      augur_test_assert_json_equal ("different", bytes, "{\"a\": [1, {\"b\": 0.6}]}");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*different: JSON differs at $.a[1].b: 0.5, expected 0.6*");
}

static void
add_test (const char *path,
          void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/client/predict/wire", test_predict_wire);
  add_test ("/client/predict/mixed", test_predict_mixed);
  add_test ("/client/predict/ids-escaped", test_ids_escaped);
  add_test ("/client/model/get", test_get_model);
  add_test ("/client/model/get-with-version", test_get_model_with_version);
  add_test ("/client/version/get", test_get_version);
  add_test ("/client/versions/list", test_list_versions);
  add_test ("/client/concepts/list", test_list_concepts);
  add_test ("/client/output-info", test_get_output_info);
  add_test ("/client/models/list", test_list_models);
  add_test ("/client/auth/header-on-every-route", test_auth_header_everywhere);
  add_test ("/client/auth/wrong-token", test_wrong_token);
  add_test ("/client/auth/no-token", test_no_token);
  add_test ("/client/errors/throttled", test_throttled);
  add_test ("/client/errors/api", test_api_error);
  add_test ("/client/errors/http-502-html", test_http_502_html);
  add_test ("/client/errors/bad-replies", test_bad_replies);
  add_test ("/client/errors/token-scrubbed", test_token_scrubbed);
  add_test ("/client/predict/retry-after", test_retry_after);
  add_test ("/client/predict/retry-after-throttled", test_retry_after_throttled);
  add_test ("/client/transport/cancel", test_cancel);
  add_test ("/client/transport/timeout", test_timeout);
  add_test ("/client/transport/connection-refused", test_connection_refused);
  add_test ("/client/config/keeps-config", test_keeps_config);
  g_test_add_func ("/client/config/invalid", test_invalid_config);
  add_test ("/client/fake-server/classifier-options", test_fake_classifier_options);
  add_test ("/client/fake-server/classifier-stable", test_fake_classifier_stable);
  add_test ("/client/fake-server/text", test_fake_text);
  add_test ("/client/fake-server/detector", test_fake_detector);
  add_test ("/client/fake-server/input-failures", test_fake_input_failures);
  add_test ("/client/fake-server/delay-and-queue", test_fake_delay_and_queue);
  g_test_add_func ("/client/fake-server/json-equal", test_json_equal);

  return g_test_run ();
}
