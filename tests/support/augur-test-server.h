/* augur-test-server.h: a fake Clarifai v2 server for tests and benchmarks.
 *
 * A SoupServer on 127.0.0.1, port 0, running on its own thread and GMainContext (so tests
 * can block or spin their own loop). It checks the Authorization header strictly, logs every
 * request (method, path, query, Authorization, body), and answers from a script of queued
 * responses, or with a built-in model when nothing is queued for that route.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _AugurTestServer AugurTestServer;

typedef struct
{
  char   *method;
  char   *path;            /* percent-decoded, as SoupServer gives it */
  char   *query;           /* (nullable) raw query string, without '?' */
  char   *authorization;   /* (nullable) as received */
  GBytes *body;            /* never NULL; may be empty */
  guint   n_inputs;        /* for predict: length of "inputs" in the body, else 0 */
  SoupMessageHeaders *headers;  /* a copy of every request header (Authorization too) */
} AugurTestRequest;

/**
 * AugurTestServerModel:
 * What the built-in predict handler answers when no response is queued for a route:
 * @AUGUR_TEST_MODEL_CLASSIFIER: each input gets concepts ranked by value; the values are
 *   derived from the input, so they are stable; honours max_concepts, min_value and
 *   select_concepts from model.output_info.output_config (as the real server does).
 * @AUGUR_TEST_MODEL_DETECTOR: each input gets two regions with boxes and concepts.
 * @AUGUR_TEST_MODEL_TEXT: each input gets data.text.raw that echoes the prompt and the
 *   sampling params it received (legacy params or pythonic parts).
 */
typedef enum {
  AUGUR_TEST_MODEL_CLASSIFIER,
  AUGUR_TEST_MODEL_DETECTOR,
  AUGUR_TEST_MODEL_TEXT,
} AugurTestServerModel;

#define AUGUR_TEST_TOKEN "test-pat-0123456789abcdef"

/* The built-in model: every model id answers; it has two versions (the latest first) and
 * AUGUR_TEST_N_CONCEPTS concepts with ids "id-00".. and names "concept-00".. */
#define AUGUR_TEST_VERSION_LATEST "b5a0f0e1c2d34e5f8a9b0c1d2e3f4a5b"
#define AUGUR_TEST_VERSION_OLDER  "0a1b2c3d4e5f40718293a4b5c6d7e8f9"
#define AUGUR_TEST_N_CONCEPTS     30

/* @tls_cert: (nullable): serve HTTPS with this certificate */
AugurTestServer *augur_test_server_new            (GTlsCertificate      *tls_cert);
void             augur_test_server_free           (AugurTestServer      *server);
/* "http://127.0.0.1:PORT" (no trailing slash) */
const char      *augur_test_server_get_base_url   (AugurTestServer      *server);
/* Default AUGUR_TEST_TOKEN; requests with another token get 401 + CONN_KEY_NOT_FOUND.
 * %NULL accepts any Authorization (benchmarks). */
void             augur_test_server_set_token      (AugurTestServer      *server,
                                                   const char           *token);
void             augur_test_server_set_model      (AugurTestServer      *server,
                                                   AugurTestServerModel  model);
/* Benchmarks: answer predicts with a canned reply (3 concepts per input) without parsing
 * the body, and log no bodies. Set before the first request; not for tests. */
void             augur_test_server_set_lean       (AugurTestServer      *server,
                                                   gboolean              lean);
/* Every answer waits this long first (without blocking the server thread). */
void             augur_test_server_set_delay      (AugurTestServer      *server,
                                                   guint                 delay_ms);

/**
 * augur_test_server_set_versions_differ:
 * @differ: %FALSE by default
 *
 * With %TRUE, the built-in model answers predicts on the older version's route
 * (…/versions/AUGUR_TEST_VERSION_OLDER/outputs) differently from the latest (the route
 * without a version, or with AUGUR_TEST_VERSION_LATEST), in ways a test can predict from
 * the latest's answer and the input's key (augur_test_server_input_key()):
 *
 * - classifier: every value is the latest's minus AUGUR_TEST_OLDER_VALUE_SHIFT, clamped to
 *   [0, 1] (and rounded to float32, like every value the server prints); when key % 4 == 0
 *   the values of the latest's first and second concepts (ranked over all 30, before any
 *   output_config filter) are swapped, so the top-1 differs; the latest's third concept is
 *   renamed AUGUR_TEST_OLDER_CONCEPT_ID / _NAME, so that concept is only in the latest and
 *   "id-old" only in the older version. output_config (select_concepts by the original id,
 *   min_value on the older values, max_concepts) then applies as usual.
 * - detector: every box moves down and right by AUGUR_TEST_OLDER_BOX_SHIFT (IoU with the
 *   latest's box stays above 0.5; region ids, concepts and values are the same), and when
 *   key % 4 == 0 the second region is dropped.
 * - text: the first word of the answer, "echo:", becomes "older:".
 *
 * Queued answers, lean mode and other version ids are not affected.
 */
void             augur_test_server_set_versions_differ (AugurTestServer *server,
                                                        gboolean         differ);
#define AUGUR_TEST_OLDER_VALUE_SHIFT  0.03
#define AUGUR_TEST_OLDER_BOX_SHIFT    0.01
#define AUGUR_TEST_OLDER_CONCEPT_ID   "id-old"
#define AUGUR_TEST_OLDER_CONCEPT_NAME "concept-old"
/**
 * augur_test_server_input_key:
 * @content: what the user gave: a file's bytes (an image is keyed by its bytes as sent,
 *   i.e. after any downscaling; small images are sent untouched), a URL, or a raw text
 *
 * The input's key for augur_test_server_set_versions_differ(): FNV-1a of @content. An
 * input with none of image/video/audio/text base64, url or raw (e.g. pythonic parts only)
 * is keyed by its data instead, which tests should not rely on.
 */
guint32          augur_test_server_input_key      (GBytes               *content);
/* Whether the older version's top-1 differs from the latest's for this input (classifier),
 * or its second box is dropped (detector): augur_test_server_input_key() % 4 == 0. */
gboolean         augur_test_server_older_top1_differs (GBytes           *content);
/**
 * augur_test_server_fail_version:
 * @version_id: (nullable): the version whose predicts fail; %NULL clears
 * @http_status: e.g. 404, answered with Clarifai status 21200 MODEL_DOES_NOT_EXIST (the
 *   real server's body); 403 gives 21201, anything else 21313 MODEL_PREDICTION_FAILED.
 *   Prefer 404: 5xx statuses may be retried by the client.
 *
 * Every predict on …/versions/@version_id/outputs fails (other routes still answer).
 * Queued answers still come first.
 */
void             augur_test_server_fail_version   (AugurTestServer      *server,
                                                   const char           *version_id,
                                                   guint                 http_status);
/**
 * augur_test_server_queue_response:
 * @method: "GET" or "POST"
 * @path_suffix: matched against the end of the request path, e.g. "/outputs"
 * @http_status: HTTP status to send
 * @body: (nullable): body to send verbatim (may be malformed on purpose); %NULL for none
 * @delay_ms: wait this long before answering
 *
 * Queued answers for a route are used first-in first-out, one per request.
 */
void             augur_test_server_queue_response (AugurTestServer      *server,
                                                   const char           *method,
                                                   const char           *path_suffix,
                                                   guint                 http_status,
                                                   const char           *body,
                                                   guint                 delay_ms);
/**
 * augur_test_server_queue_response_with_headers:
 * @headers: (nullable) (array zero-terminated=1): response headers as name, value, name,
 *   value, ..., %NULL — e.g. { "Retry-After", "7", NULL }
 *
 * Like augur_test_server_queue_response(), with extra response headers.
 */
void             augur_test_server_queue_response_with_headers (AugurTestServer    *server,
                                                                const char         *method,
                                                                const char         *path_suffix,
                                                                guint               http_status,
                                                                const char         *body,
                                                                guint               delay_ms,
                                                                const char * const *headers);
/* Queue a fixture file from tests/support/fixtures by name. */
void             augur_test_server_queue_fixture  (AugurTestServer      *server,
                                                   const char           *method,
                                                   const char           *path_suffix,
                                                   guint                 http_status,
                                                   const char           *fixture_name);
/* (transfer full) (element-type AugurTestRequest): a copy of the log so far */
GPtrArray       *augur_test_server_get_requests   (AugurTestServer      *server);
/* @path_suffix: (nullable): %NULL counts every request */
guint            augur_test_server_count_requests (AugurTestServer      *server,
                                                   const char           *path_suffix);
/* Queued answers not used yet (all routes). */
guint            augur_test_server_count_queued   (AugurTestServer      *server);
void             augur_test_server_clear_requests (AugurTestServer      *server);

void             augur_test_request_free          (AugurTestRequest     *request);

/* Absolute path of a fixture in the source tree (tests/support/fixtures/NAME). */
char            *augur_test_fixture_path          (const char           *name);
GBytes          *augur_test_fixture_bytes         (const char           *name);
/* Parses @bytes as JSON and compares structurally with @expected_json (numbers as doubles,
 * object members in any order). On mismatch, fails the test with the path of the first
 * difference. */
void             augur_test_assert_json_equal     (const char           *what,
                                                   GBytes               *bytes,
                                                   const char           *expected_json);

/* Waiting for an async call: pass augur_test_store_result_cb with a GAsyncResult ** (set to
 * NULL) as user data, then augur_test_wait_for_result() iterates the main loop until the
 * callback has stored a reference there, and returns it (the slot keeps the reference). */
void             augur_test_store_result_cb       (GObject              *object,
                                                   GAsyncResult         *result,
                                                   gpointer              user_data);
GAsyncResult    *augur_test_wait_for_result       (GAsyncResult        **slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurTestRequest, augur_test_request_free)

G_END_DECLS
