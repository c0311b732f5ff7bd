/* test-batch.c: AugurBatch against the fake server: splitting, order, concurrency, retries,
 * permanent failures, local input failures and cancellation, judged by what went over the
 * wire and what the user would see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "augur-core.h"
#include "augur-test-server.h"

#define MODEL_PATH_SUFFIX "/outputs"

typedef struct
{
  AugurTestServer *server;
  AugurClient     *client;
  AugurModelRef   *ref;
  GBytes          *jpeg;   /* a real 40×40 JPEG from the fixtures */
} Fixture;

/* What one run of a batch showed through its signals. */
typedef struct
{
  GAsyncResult *result;
  GPtrArray    *finished;        /* AugurPrediction, in emission order */
  GArray       *sent_n_inputs;   /* guint per "request-sent" */
  GArray       *sent_first;      /* guint per "request-sent" */
  guint64       sent_bytes;
  GArray       *retry_attempts;  /* guint per "retrying" */
  GArray       *retry_max;       /* guint per "retrying" */
  GArray       *retry_delays;    /* guint (ms) per "retrying" */
  GPtrArray    *retry_reasons;   /* char* per "retrying" */
  guint         n_progress;
  guint         last_done;
  guint         last_failed;
  guint         last_total;
  gboolean      progress_went_back;
  guint         chunk;           /* for counting requests in flight */
  guint         in_flight;
  guint         max_seen_in_flight;
  GCancellable *cancel_on_first_item;  /* (nullable) */
  GCancellable *cancel_on_retrying;    /* (nullable) */
  /* For queueing an answer for a later request once an earlier one is answered. */
  guint         queue_after_index;
  const char   *queue_body;
  guint         queue_status;
  AugurTestServer *server;
} Run;

static AugurRetryPolicy
fast_policy (void)
{
  AugurRetryPolicy policy;

  augur_retry_policy_init_default (&policy);
  policy.throttle_delay_ms = 5;
  policy.warmup_delay_ms = 3;
  policy.transient_delay_ms = 2;
  policy.max_delay_ms = 20;
  return policy;
}

/* Fixture */

static GBytes *
load_fixture_jpeg (void)
{
  g_autoptr(GBytes) bytes = augur_test_fixture_bytes ("predict-image-base64.request.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *image;
  JsonArray *inputs;
  guchar *data;
  gsize len = 0;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                              (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  inputs = json_object_get_array_member (root, "inputs");
  image = json_object_get_object_member (
            json_object_get_object_member (json_array_get_object_element (inputs, 0), "data"),
            "image");
  data = g_base64_decode (json_object_get_string_member (image, "base64"), &len);
  g_assert_cmpuint (len, >, 100);
  g_assert_cmpuint (data[0], ==, 0xFF);
  g_assert_cmpuint (data[1], ==, 0xD8);
  return g_bytes_new_take (data, len);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(AugurConfig) config = augur_config_new ();
  g_autoptr(GError) error = NULL;

  fixture->server = augur_test_server_new (NULL);
  augur_config_set_base_url (config, augur_test_server_get_base_url (fixture->server));
  augur_config_set_token (config, AUGUR_TEST_TOKEN);
  augur_config_set_max_conns (config, 8);
  fixture->client = augur_client_new (config, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->client);
  fixture->ref = augur_model_ref_new ("clarifai", "main", "general-image-recognition", NULL);
  fixture->jpeg = load_fixture_jpeg ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->jpeg, g_bytes_unref);
  g_clear_pointer (&fixture->ref, augur_model_ref_free);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, augur_test_server_free);
}

/* Inputs */

/* The fixture JPEG with a comment segment naming @n right after the start marker, so that
 * every input is a different, valid JPEG. */
static GBytes *
make_numbered_jpeg (GBytes *jpeg,
                    guint   n)
{
  g_autofree char *comment = g_strdup_printf ("augur test input %u", n);
  gsize jpeg_len = 0;
  const guint8 *jpeg_data = g_bytes_get_data (jpeg, &jpeg_len);
  gsize comment_len = strlen (comment);
  GByteArray *out = g_byte_array_sized_new (jpeg_len + comment_len + 4);
  guint8 header[4] = { 0xFF, 0xFE, (guint8) ((comment_len + 2) >> 8), (guint8) (comment_len + 2) };

  g_byte_array_append (out, jpeg_data, 2);
  g_byte_array_append (out, header, sizeof header);
  g_byte_array_append (out, (const guint8 *) comment, comment_len);
  g_byte_array_append (out, jpeg_data + 2, jpeg_len - 2);
  return g_byte_array_free_to_bytes (out);
}

static GPtrArray *
make_jpeg_inputs (Fixture *fixture,
                  guint    n)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) bytes = make_numbered_jpeg (fixture->jpeg, i);
      g_autofree char *label = g_strdup_printf ("image-%03u.jpg", i);

      g_ptr_array_add (inputs, augur_input_new_bytes (bytes, label));
    }
  return inputs;
}

static AugurBatch *
make_batch (Fixture   *fixture,
            GPtrArray *inputs)
{
  AugurBatch *batch = augur_batch_new (fixture->client, fixture->ref, NULL, NULL, inputs);
  AugurRetryPolicy policy = fast_policy ();

  augur_batch_set_retry_policy (batch, &policy);
  return batch;
}

/* Running */

static void
run_init (Run *run)
{
  memset (run, 0, sizeof *run);
  run->finished = g_ptr_array_new_with_free_func (g_object_unref);
  run->sent_n_inputs = g_array_new (FALSE, FALSE, sizeof (guint));
  run->sent_first = g_array_new (FALSE, FALSE, sizeof (guint));
  run->retry_attempts = g_array_new (FALSE, FALSE, sizeof (guint));
  run->retry_max = g_array_new (FALSE, FALSE, sizeof (guint));
  run->retry_delays = g_array_new (FALSE, FALSE, sizeof (guint));
  run->retry_reasons = g_ptr_array_new_with_free_func (g_free);
  run->queue_after_index = G_MAXUINT;
}

static void
run_clear (Run *run)
{
  g_clear_object (&run->result);
  g_clear_pointer (&run->finished, g_ptr_array_unref);
  g_clear_pointer (&run->sent_n_inputs, g_array_unref);
  g_clear_pointer (&run->sent_first, g_array_unref);
  g_clear_pointer (&run->retry_attempts, g_array_unref);
  g_clear_pointer (&run->retry_max, g_array_unref);
  g_clear_pointer (&run->retry_delays, g_array_unref);
  g_clear_pointer (&run->retry_reasons, g_ptr_array_unref);
}

static void
item_finished_cb (AugurBatch      *batch,
                  AugurPrediction *prediction,
                  Run             *run)
{
  guint index = augur_prediction_get_index (prediction);

  g_ptr_array_add (run->finished, g_object_ref (prediction));

  if (run->chunk > 0 && index % run->chunk == 0)
    {
      g_assert_cmpuint (run->in_flight, >, 0);
      run->in_flight--;
    }
  if (run->cancel_on_first_item != NULL)
    g_cancellable_cancel (run->cancel_on_first_item);
  if (index == run->queue_after_index)
    augur_test_server_queue_response (run->server, "POST", MODEL_PATH_SUFFIX,
                                      run->queue_status, run->queue_body, 0);
}

static void
progress_cb (AugurBatch *batch,
             guint       done,
             guint       failed,
             guint       total,
             Run        *run)
{
  if (done < run->last_done || failed < run->last_failed)
    run->progress_went_back = TRUE;
  run->n_progress++;
  run->last_done = done;
  run->last_failed = failed;
  run->last_total = total;
}

static void
retrying_cb (AugurBatch *batch,
             guint       attempt,
             guint       max_attempts,
             guint       delay_ms,
             const char *reason,
             Run        *run)
{
  g_array_append_val (run->retry_attempts, attempt);
  g_array_append_val (run->retry_max, max_attempts);
  g_array_append_val (run->retry_delays, delay_ms);
  g_ptr_array_add (run->retry_reasons, g_strdup (reason));
  if (run->cancel_on_retrying != NULL)
    g_cancellable_cancel (run->cancel_on_retrying);
}

static void
request_sent_cb (AugurBatch *batch,
                 guint       first_index,
                 guint       n_inputs,
                 guint64     n_bytes,
                 Run        *run)
{
  g_array_append_val (run->sent_first, first_index);
  g_array_append_val (run->sent_n_inputs, n_inputs);
  run->sent_bytes += n_bytes;
  run->in_flight++;
  run->max_seen_in_flight = MAX (run->max_seen_in_flight, run->in_flight);
}

static void
batch_ran_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;

  run->result = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

static gboolean
run_batch (AugurBatch   *batch,
           Run          *run,
           GCancellable *cancellable,
           GError      **error)
{
  g_signal_connect (batch, "item-finished", G_CALLBACK (item_finished_cb), run);
  g_signal_connect (batch, "progress", G_CALLBACK (progress_cb), run);
  g_signal_connect (batch, "retrying", G_CALLBACK (retrying_cb), run);
  g_signal_connect (batch, "request-sent", G_CALLBACK (request_sent_cb), run);

  augur_batch_run_async (batch, cancellable, batch_ran_cb, run);
  while (run->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return augur_batch_run_finish (batch, run->result, error);
}

/* Checks */

/* The ids in each predict body, in order, e.g. "augur-3". */
static GPtrArray *
body_input_ids (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  JsonArray *inputs;

  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                              (gssize) g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  inputs = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                         "inputs");
  for (guint i = 0; i < json_array_get_length (inputs); i++)
    {
      JsonObject *input = json_array_get_object_element (inputs, i);

      g_ptr_array_add (ids, g_strdup (json_object_get_string_member (input, "id")));
    }
  return ids;
}

static GPtrArray *
predict_requests (Fixture *fixture)
{
  g_autoptr(GPtrArray) all = augur_test_server_get_requests (fixture->server);
  GPtrArray *predicts = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_test_request_free);

  for (guint i = 0; i < all->len; i++)
    {
      AugurTestRequest *request = g_ptr_array_index (all, i);

      if (g_str_equal (request->method, "POST") && g_str_has_suffix (request->path, "/outputs"))
        g_ptr_array_add (predicts, g_steal_pointer (&all->pdata[i]));
    }
  return predicts;
}

static char *
describe_concepts (AugurPrediction *prediction)
{
  GPtrArray *concepts = augur_prediction_get_concepts (prediction);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < concepts->len; i++)
    {
      AugurConcept *concept = g_ptr_array_index (concepts, i);

      g_string_append_printf (s, "%s=%.6f ", augur_concept_get_id (concept),
                              augur_concept_get_value (concept));
    }
  return g_string_free (s, FALSE);
}

/* What the server says about one input on its own, in a batch of one. */
static char *
predict_alone (Fixture    *fixture,
               AugurInput *input)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  Run run;
  AugurPrediction *prediction;
  char *description;

  g_ptr_array_add (inputs, g_object_ref (input));
  batch = make_batch (fixture, inputs);
  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);
  prediction = g_ptr_array_index (augur_batch_get_results (batch), 0);
  g_assert_true (augur_prediction_is_success (prediction));
  description = describe_concepts (prediction);
  run_clear (&run);
  return description;
}

static void
assert_all_succeeded (AugurBatch *batch,
                      GPtrArray  *inputs)
{
  GPtrArray *results = augur_batch_get_results (batch);

  g_assert_cmpuint (results->len, ==, inputs->len);
  for (guint i = 0; i < results->len; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (results, i);

      g_assert_nonnull (prediction);
      g_assert_no_error (augur_prediction_get_error (prediction));
      g_assert_true (augur_prediction_is_success (prediction));
      g_assert_cmpuint (augur_prediction_get_index (prediction), ==, i);
      g_assert_true (augur_prediction_get_input (prediction) == g_ptr_array_index (inputs, i));
      g_assert_cmpuint (augur_prediction_get_concepts (prediction)->len, >, 0);
    }
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static const AugurStatus *
result_status (AugurBatch *batch,
               guint       index)
{
  AugurPrediction *prediction = g_ptr_array_index (augur_batch_get_results (batch), index);
  const AugurStatus *status = augur_error_get_status (augur_prediction_get_error (prediction));

  return status != NULL ? status : augur_prediction_get_status (prediction);
}

/* Tests */

static void
test_split_and_order (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 300);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  guint64 wire_bytes = 0;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const guint probes[] = { 0, 1, 127, 128, 200, 255, 256, 299 };
  Run run;

  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  /* On the wire: three requests of at most 128 inputs, each input exactly once. */
  requests = predict_requests (fixture);
  g_assert_cmpuint (requests->len, ==, 3);
  for (guint i = 0; i < requests->len; i++)
    {
      AugurTestRequest *request = g_ptr_array_index (requests, i);
      g_autoptr(GPtrArray) ids = body_input_ids (request->body);
      guint first_index = 0;

      g_assert_cmpuint (request->n_inputs, <=, AUGUR_MAX_INPUTS_PER_REQUEST);
      g_assert_cmpuint (ids->len, ==, request->n_inputs);
      g_assert_true (sscanf (g_ptr_array_index (ids, 0), "augur-%u", &first_index) == 1);
      for (guint j = 0; j < ids->len; j++)
        {
          g_autofree char *expected = g_strdup_printf ("augur-%u", first_index + j);

          g_assert_cmpstr (g_ptr_array_index (ids, j), ==, expected);
        }
      g_array_append_val (sizes, request->n_inputs);
      wire_bytes += g_bytes_get_size (request->body);
    }
  g_array_sort (sizes, compare_uint);
  g_assert_cmpuint (g_array_index (sizes, guint, 0), ==, 44);
  g_assert_cmpuint (g_array_index (sizes, guint, 1), ==, 128);
  g_assert_cmpuint (g_array_index (sizes, guint, 2), ==, 128);

  g_assert_cmpuint (run.sent_n_inputs->len, ==, 3);
  g_assert_cmpuint (run.sent_bytes, ==, wire_bytes);
  g_assert_cmpuint (augur_batch_get_bytes_sent (batch), ==, wire_bytes);

  /* What the user sees: 300 results in input order, progress to the end. */
  assert_all_succeeded (batch, inputs);
  g_assert_cmpuint (run.finished->len, ==, 300);
  g_assert_cmpuint (run.n_progress, ==, 300);
  g_assert_false (run.progress_went_back);
  g_assert_cmpuint (run.last_done, ==, 300);
  g_assert_cmpuint (run.last_failed, ==, 0);
  g_assert_cmpuint (run.last_total, ==, 300);
  g_assert_cmpuint (augur_batch_get_n_done (batch), ==, 300);
  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 0);
  g_assert_cmpuint (augur_batch_get_n_inputs (batch), ==, 300);
  g_assert_cmpuint (run.retry_attempts->len, ==, 0);

  /* Each result is the one its own input gets alone, and inputs do differ. */
  first = describe_concepts (g_ptr_array_index (augur_batch_get_results (batch), 0));
  second = describe_concepts (g_ptr_array_index (augur_batch_get_results (batch), 1));
  g_assert_cmpstr (first, !=, second);
  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (augur_batch_get_results (batch), probes[i]);
      g_autofree char *in_batch = describe_concepts (prediction);
      g_autofree char *alone = predict_alone (fixture, g_ptr_array_index (inputs, probes[i]));

      g_assert_cmpstr (in_batch, ==, alone);
    }

  run_clear (&run);
}

static void
test_max_in_flight (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 60);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  Run run;

  augur_test_server_set_delay (fixture->server, 50);
  augur_batch_set_chunk_size (batch, 10);
  augur_batch_set_max_in_flight (batch, 2);

  run_init (&run);
  run.chunk = 10;
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  requests = predict_requests (fixture);
  g_assert_cmpuint (requests->len, ==, 6);
  for (guint i = 0; i < requests->len; i++)
    g_assert_cmpuint (((AugurTestRequest *) g_ptr_array_index (requests, i))->n_inputs, ==, 10);

  /* Never more than two at once, and two did run together while the server was slow. */
  g_assert_cmpuint (run.max_seen_in_flight, ==, 2);
  g_assert_cmpuint (run.in_flight, ==, 0);
  assert_all_succeeded (batch, inputs);

  run_clear (&run);
}

/* Queues one answer, runs three inputs and checks that the retry succeeded. */
static void
check_retried_once (Fixture    *fixture,
                    guint       http_status,
                    const char *body,
                    const char *reason)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 3);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  Run run;

  augur_test_server_queue_response (fixture->server, "POST", MODEL_PATH_SUFFIX,
                                    http_status, body, 0);

  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  requests = predict_requests (fixture);
  g_assert_cmpuint (requests->len, ==, 2);
  g_assert_true (g_bytes_equal (((AugurTestRequest *) g_ptr_array_index (requests, 0))->body,
                                ((AugurTestRequest *) g_ptr_array_index (requests, 1))->body));
  g_assert_cmpuint (run.retry_attempts->len, ==, 1);
  g_assert_cmpuint (g_array_index (run.retry_attempts, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (run.retry_max, guint, 0), ==, 10);
  g_assert_cmpstr (g_ptr_array_index (run.retry_reasons, 0), ==, reason);
  g_assert_cmpuint (run.sent_n_inputs->len, ==, 2);
  assert_all_succeeded (batch, inputs);
  g_assert_cmpuint (run.last_done, ==, 3);
  g_assert_cmpuint (run.last_failed, ==, 0);
  g_assert_cmpuint (augur_batch_get_bytes_sent (batch), ==,
                    2 * g_bytes_get_size (((AugurTestRequest *) g_ptr_array_index (requests, 0))->body));

  run_clear (&run);
}

static void
test_retry_throttled (Fixture       *fixture,
                      gconstpointer  user_data)
{
  check_retried_once (fixture, 429,
                      "{\"status\": {\"code\": \"CONN_THROTTLED\", "
                      "\"description\": \"Making too many requests\"}}",
                      "The server asked to slow down");
}

/* A request throttled as a whole waits what the server's Retry-After says, not the policy's
 * default. */
static void
test_retry_throttled_retry_after (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  const char * const headers[] = { "Retry-After", "1", NULL };
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 3);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GError) error = NULL;
  AugurRetryPolicy policy = fast_policy ();
  Run run;

  policy.max_delay_ms = 60 * 1000;
  augur_batch_set_retry_policy (batch, &policy);
  augur_test_server_queue_response_with_headers (fixture->server, "POST", MODEL_PATH_SUFFIX, 429,
                                                 "{\"status\": {\"code\": \"CONN_THROTTLED\", "
                                                 "\"description\": \"Making too many requests\"}}",
                                                 0, headers);

  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (run.retry_delays->len, ==, 1);
  g_assert_cmpuint (g_array_index (run.retry_delays, guint, 0), ==, 1000);
  g_assert_cmpstr (g_ptr_array_index (run.retry_reasons, 0), ==, "The server asked to slow down");
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, MODEL_PATH_SUFFIX), ==, 2);
  assert_all_succeeded (batch, inputs);

  run_clear (&run);
}

static void
test_retry_server_error (Fixture       *fixture,
                         gconstpointer  user_data)
{
  check_retried_once (fixture, 503,
                      "<html><body><h1>503 Service Unavailable</h1></body></html>",
                      "Server error (HTTP 503)");
}

static void
test_retry_model_loading (Fixture       *fixture,
                          gconstpointer  user_data)
{
  check_retried_once (fixture, 200,
                      "{\"status\": {\"code\": 21355, \"description\": \"Model is loading\"}, "
                      "\"outputs\": []}",
                      "The model is loading");
}

static void
test_retry_gives_up (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 4);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GError) error = NULL;
  AugurRetryPolicy policy = fast_policy ();
  Run run;

  policy.max_attempts = 3;
  augur_batch_set_retry_policy (batch, &policy);
  for (guint i = 0; i < 4; i++)
    augur_test_server_queue_response (fixture->server, "POST", MODEL_PATH_SUFFIX, 502,
                                      "Bad gateway", 0);

  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, MODEL_PATH_SUFFIX), ==, 3);
  g_assert_cmpuint (run.retry_attempts->len, ==, 2);
  g_assert_cmpuint (g_array_index (run.retry_attempts, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (run.retry_max, guint, 1), ==, 3);
  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      const AugurStatus *status = result_status (batch, i);

      g_assert_nonnull (status);
      g_assert_cmpuint (status->http_status, ==, 502);
    }
  g_assert_cmpuint (run.last_done, ==, 4);
  g_assert_cmpuint (run.last_failed, ==, 4);

  run_clear (&run);
}

static void
test_model_does_not_exist (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 300);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GError) error = NULL;
  Run run;

  augur_batch_set_max_in_flight (batch, 1);
  augur_test_server_queue_fixture (fixture->server, "POST", MODEL_PATH_SUFFIX, 404,
                                   "error-model-does-not-exist.response.json");

  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  /* Not retried, and nothing more sent after it. */
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, MODEL_PATH_SUFFIX), ==, 1);
  g_assert_cmpuint (run.retry_attempts->len, ==, 0);

  g_assert_cmpuint (augur_batch_get_n_done (batch), ==, 300);
  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 300);
  g_assert_cmpuint (run.finished->len, ==, 300);
  g_assert_cmpuint (run.last_failed, ==, 300);
  for (guint i = 0; i < 300; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (augur_batch_get_results (batch), i);
      const GError *prediction_error = augur_prediction_get_error (prediction);

      g_assert_false (augur_prediction_is_success (prediction));
      g_assert_cmpuint (augur_prediction_get_index (prediction), ==, i);
      g_assert_nonnull (prediction_error);
      g_assert_nonnull (strstr (prediction_error->message, "Model does not exist"));
      g_assert_cmpint (result_status (batch, i)->code, ==, AUGUR_STATUS_MODEL_DOES_NOT_EXIST);
    }

  run_clear (&run);
}

static void
test_mixed_status (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 3);
  g_autoptr(AugurBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  AugurPrediction *bad;
  Run run;

  g_ptr_array_insert (inputs, 1, augur_input_new_image_url ("https://invalid.example.com/cat.jpg"));
  batch = make_batch (fixture, inputs);

  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, MODEL_PATH_SUFFIX), ==, 1);
  g_assert_cmpuint (run.retry_attempts->len, ==, 0);
  g_assert_cmpuint (augur_batch_get_n_done (batch), ==, 4);
  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 1);

  bad = g_ptr_array_index (augur_batch_get_results (batch), 1);
  g_assert_false (augur_prediction_is_success (bad));
  g_assert_true (augur_prediction_get_input (bad) == g_ptr_array_index (inputs, 1));
  g_assert_cmpint (result_status (batch, 1)->code, ==, AUGUR_STATUS_INPUT_FAILED);
  for (guint i = 0; i < 4; i++)
    if (i != 1)
      g_assert_true (augur_prediction_is_success (g_ptr_array_index (augur_batch_get_results (batch), i)));

  run_clear (&run);
}

/* The whole request fails because of one input (contract §6.3): the others go again once. */
static void
test_failed_as_a_whole (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 3);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  Run run;

  augur_test_server_queue_response (fixture->server, "POST", MODEL_PATH_SUFFIX, 400,
    "{\"status\": {\"code\": 10020, \"description\": \"Failure\"},"
    " \"outputs\": ["
    "  {\"id\": \"o1\", \"status\": {\"code\": 30002, \"description\": \"Input failed\"}, \"data\": {}},"
    "  {\"id\": \"o2\", \"status\": {\"code\": 30104, \"description\": \"Invalid argument\"}, \"data\": {}},"
    "  {\"id\": \"o3\", \"status\": {\"code\": 30002, \"description\": \"Input failed\"}, \"data\": {}}"
    "]}", 0);

  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  requests = predict_requests (fixture);
  g_assert_cmpuint (requests->len, ==, 2);
  ids = body_input_ids (((AugurTestRequest *) g_ptr_array_index (requests, 1))->body);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "augur-0");
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, "augur-2");

  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 1);
  g_assert_cmpint (result_status (batch, 1)->code, ==, 30104);
  g_assert_true (augur_prediction_is_success (g_ptr_array_index (augur_batch_get_results (batch), 0)));
  g_assert_true (augur_prediction_is_success (g_ptr_array_index (augur_batch_get_results (batch), 2)));

  run_clear (&run);
}

/* One output the server asks to retry is sent again alone; the others are final. */
static void
test_retry_one_output (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 3);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *alone = NULL;
  g_autofree char *in_batch = NULL;
  Run run;

  augur_test_server_queue_response (fixture->server, "POST", MODEL_PATH_SUFFIX, 200,
    "{\"status\": {\"code\": 10010, \"description\": \"Mixed Success\"},"
    " \"outputs\": ["
    "  {\"id\": \"o1\", \"status\": {\"code\": 10000, \"description\": \"Ok\"},"
    "   \"data\": {\"concepts\": [{\"id\": \"fixed\", \"name\": \"fixed\", \"value\": 0.5}]}},"
    "  {\"id\": \"o2\", \"status\": {\"code\": 40032, \"description\": \"Request timeout\"}, \"data\": {}},"
    "  {\"id\": \"o3\", \"status\": {\"code\": 30101, \"description\": \"Unsupported format\"}, \"data\": {}}"
    "]}", 0);

  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  requests = predict_requests (fixture);
  g_assert_cmpuint (requests->len, ==, 2);
  ids = body_input_ids (((AugurTestRequest *) g_ptr_array_index (requests, 1))->body);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "augur-1");
  g_assert_cmpuint (run.retry_attempts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (run.retry_reasons, 0), ==,
                   "Temporary server problem (RPC_REQUEST_TIMEOUT)");

  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 1);
  g_assert_cmpint (result_status (batch, 2)->code, ==, 30101);
  in_batch = describe_concepts (g_ptr_array_index (augur_batch_get_results (batch), 0));
  g_assert_cmpstr (in_batch, ==, "fixed=0.500000 ");
  g_clear_pointer (&in_batch, g_free);
  in_batch = describe_concepts (g_ptr_array_index (augur_batch_get_results (batch), 1));
  alone = predict_alone (fixture, g_ptr_array_index (inputs, 1));
  g_assert_cmpstr (in_batch, ==, alone);

  run_clear (&run);
}

static void
test_count_mismatch (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 2);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GError) error = NULL;
  Run run;

  augur_test_server_queue_response (fixture->server, "POST", MODEL_PATH_SUFFIX, 200,
    "{\"status\": {\"code\": 10000, \"description\": \"Ok\"},"
    " \"outputs\": [{\"id\": \"o1\", \"status\": {\"code\": 10000}, \"data\": {}}]}", 0);

  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const GError *result_error =
        augur_prediction_get_error (g_ptr_array_index (augur_batch_get_results (batch), i));

      g_assert_error (result_error, AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY);
      g_assert_cmpstr (result_error->message, ==, "The server returned 1 result for 2 inputs");
    }

  run_clear (&run);
}

static GFile *
write_file (const char   *name,
            const void   *data,
            gsize         len)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
test_local_failures (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const guint8 not_an_image[] = { '%', 'P', 'D', 'F', '-', '1', '.', '4', 0, 1, 2, 3, 0xFE };
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurBatch) batch = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *missing_path = g_build_filename (g_get_user_cache_dir (), "missing.jpg", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  const GError *missing_error, *binary_error;
  Run run;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GBytes) jpeg = make_numbered_jpeg (fixture->jpeg, i);
      g_autofree char *name = g_strdup_printf ("photo-%u.jpg", i);
      g_autoptr(GFile) file = write_file (name, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg));

      g_ptr_array_add (inputs, augur_input_new_file (file));
      if (i == 1)
        g_ptr_array_add (inputs, augur_input_new_file (missing));
      if (i == 3)
        {
          g_autoptr(GFile) binary = write_file ("report.jpg", not_an_image, sizeof not_an_image);

          g_ptr_array_add (inputs, augur_input_new_file (binary));
        }
    }
  /* photo-0, photo-1, missing, photo-2, photo-3, report, photo-4 */
  batch = make_batch (fixture, inputs);

  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  requests = predict_requests (fixture);
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_cmpuint (((AugurTestRequest *) g_ptr_array_index (requests, 0))->n_inputs, ==, 5);
  ids = body_input_ids (((AugurTestRequest *) g_ptr_array_index (requests, 0))->body);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "augur-0");
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, "augur-1");
  g_assert_cmpstr (g_ptr_array_index (ids, 2), ==, "augur-3");
  g_assert_cmpstr (g_ptr_array_index (ids, 3), ==, "augur-4");
  g_assert_cmpstr (g_ptr_array_index (ids, 4), ==, "augur-6");
  g_assert_cmpuint (run.sent_n_inputs->len, ==, 1);
  g_assert_cmpuint (g_array_index (run.sent_n_inputs, guint, 0), ==, 5);

  g_assert_cmpuint (augur_batch_get_n_done (batch), ==, 7);
  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 2);
  missing_error = augur_prediction_get_error (g_ptr_array_index (augur_batch_get_results (batch), 2));
  binary_error = augur_prediction_get_error (g_ptr_array_index (augur_batch_get_results (batch), 5));
  g_assert_error (missing_error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT);
  g_assert_nonnull (strstr (missing_error->message, "missing.jpg"));
  g_assert_error (binary_error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT);
  g_assert_nonnull (strstr (binary_error->message, "report.jpg"));
  g_assert_nonnull (strstr (binary_error->message, "not an image"));
  g_assert_true (augur_prediction_get_input (g_ptr_array_index (augur_batch_get_results (batch), 5))
                 == g_ptr_array_index (inputs, 5));
  for (guint i = 0; i < 7; i++)
    if (i != 2 && i != 5)
      g_assert_true (augur_prediction_is_success (g_ptr_array_index (augur_batch_get_results (batch), i)));

  run_clear (&run);
}

static void
test_cancel_midway (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 50);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *results;
  Run run;

  augur_test_server_set_delay (fixture->server, 300);
  augur_batch_set_chunk_size (batch, 10);
  augur_batch_set_max_in_flight (batch, 1);

  run_init (&run);
  run.cancel_on_first_item = cancellable;
  g_assert_false (run_batch (batch, &run, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* The first request's results are kept; nothing after them was finished or queued. */
  results = augur_batch_get_results (batch);
  g_assert_cmpuint (augur_batch_get_n_done (batch), ==, 10);
  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 0);
  for (guint i = 0; i < 50; i++)
    {
      if (i < 10)
        g_assert_true (augur_prediction_is_success (g_ptr_array_index (results, i)));
      else
        g_assert_null (g_ptr_array_index (results, i));
    }
  g_assert_cmpuint (run.sent_n_inputs->len, <=, 2);
  g_assert_cmpuint (run.last_done, ==, 10);

  run_clear (&run);
}

static gboolean
fail_if_still_waiting_cb (gpointer user_data)
{
  g_error ("The batch kept waiting after it was cancelled");
  return G_SOURCE_REMOVE;
}

static void
test_cancel_while_waiting (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 3);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AugurRetryPolicy policy = fast_policy ();
  guint guard;
  Run run;

  policy.throttle_delay_ms = 10 * 60 * 1000;
  policy.max_delay_ms = policy.throttle_delay_ms;
  augur_batch_set_retry_policy (batch, &policy);
  augur_test_server_queue_response (fixture->server, "POST", MODEL_PATH_SUFFIX, 429,
                                    "{\"status\": {\"code\": 11005, \"description\": \"Throttled\"}}", 0);
  guard = g_timeout_add_seconds (60, fail_if_still_waiting_cb, NULL);

  run_init (&run);
  run.cancel_on_retrying = cancellable;
  g_assert_false (run_batch (batch, &run, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_source_remove (guard);

  g_assert_cmpuint (run.retry_attempts->len, ==, 1);
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, MODEL_PATH_SUFFIX), ==, 1);
  g_assert_cmpuint (augur_batch_get_n_done (batch), ==, 0);
  g_assert_cmpuint (run.finished->len, ==, 0);

  run_clear (&run);
}

static void
test_one_request_fails (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 30);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GError) error = NULL;
  Run run;

  augur_batch_set_chunk_size (batch, 10);
  augur_batch_set_max_in_flight (batch, 1);

  run_init (&run);
  /* Once the first request is answered, the next one (inputs 10-19) gets a failure. */
  run.server = fixture->server;
  run.queue_after_index = 9;
  run.queue_status = 400;
  run.queue_body = "{\"status\": {\"code\": 10020, \"description\": \"Failure\"}}";
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, MODEL_PATH_SUFFIX), ==, 3);
  g_assert_cmpuint (run.retry_attempts->len, ==, 0);
  g_assert_cmpuint (augur_batch_get_n_done (batch), ==, 30);
  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 10);
  for (guint i = 0; i < 30; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (augur_batch_get_results (batch), i);

      if (i >= 10 && i < 20)
        {
          g_assert_false (augur_prediction_is_success (prediction));
          g_assert_cmpint (result_status (batch, i)->code, ==, AUGUR_STATUS_FAILURE);
        }
      else
        g_assert_true (augur_prediction_is_success (prediction));
    }

  run_clear (&run);
}

/* The settings are sent with every request, as they were when the batch was made. */
static void
test_settings (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 12);
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  g_autoptr(AugurBatch) batch = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(JsonNode) extra = json_from_string ("{\"keep\": [1, 2, 3]}", NULL);
  g_autoptr(GError) error = NULL;
  Run run;

  augur_settings_set_max_concepts (settings, 3);
  augur_settings_set_param (settings, "extra", extra);
  batch = augur_batch_new (fixture->client, fixture->ref, settings, NULL, inputs);
  augur_batch_set_chunk_size (batch, 5);
  augur_settings_set_max_concepts (settings, 7);
  augur_settings_set_param (settings, "extra", NULL);

  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  requests = predict_requests (fixture);
  g_assert_cmpuint (requests->len, ==, 3);
  for (guint i = 0; i < requests->len; i++)
    {
      AugurTestRequest *request = g_ptr_array_index (requests, i);
      g_autofree char *body = g_strndup (g_bytes_get_data (request->body, NULL),
                                         g_bytes_get_size (request->body));
      g_autoptr(JsonNode) root = json_from_string (body, &error);
      JsonObject *output_info;

      g_assert_no_error (error);
      output_info = json_object_get_object_member (
                      json_object_get_object_member (json_node_get_object (root), "model"),
                      "output_info");
      g_assert_cmpint (json_object_get_int_member (
                         json_object_get_object_member (output_info, "output_config"),
                         "max_concepts"), ==, 3);
      g_assert_nonnull (strstr (body, "\"extra\":{\"keep\":[1,2,3]}"));
    }

  assert_all_succeeded (batch, inputs);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpuint (augur_prediction_get_concepts (
                        g_ptr_array_index (augur_batch_get_results (batch), i))->len, ==, 3);

  run_clear (&run);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GError) error = NULL;
  Run run;

  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (augur_batch_get_results (batch)->len, ==, 0);
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, NULL), ==, 0);
  run_clear (&run);
}

/* Lookups */

/* What the lookup saw, and which inputs it answers: every third one. */
typedef struct
{
  GMutex  lock;
  GArray *asked;          /* guint: indices, in the order asked */
  GThread *main_thread;
  gboolean off_main;      /* every call came from another thread */
  guint   every;          /* answers index i when i % every == 0; 0 answers none */
} Lookup;

static AugurPrediction *
lookup_cb (AugurInput   *input,
           guint         index,
           gpointer      user_data,
           GCancellable *cancellable)
{
  Lookup *lookup = user_data;
  AugurPrediction *found;

  g_mutex_lock (&lookup->lock);
  g_array_append_val (lookup->asked, index);
  lookup->off_main &= g_thread_self () != lookup->main_thread;
  g_mutex_unlock (&lookup->lock);

  if (lookup->every == 0 || index % lookup->every != 0)
    return NULL;
  found = augur_prediction_new ();
  g_ptr_array_add (augur_prediction_get_concepts (found), augur_concept_new ("id-kept", "kept", 0.5));
  augur_prediction_set_duration_ms (found, 1234);
  augur_prediction_set_cached (found, TRUE);
  return found;
}

static void
lookup_init (Lookup *lookup,
             guint   every)
{
  g_mutex_init (&lookup->lock);
  lookup->asked = g_array_new (FALSE, FALSE, sizeof (guint));
  lookup->main_thread = g_thread_self ();
  lookup->off_main = TRUE;
  lookup->every = every;
}

static void
lookup_clear (Lookup *lookup)
{
  g_clear_pointer (&lookup->asked, g_array_unref);
  g_mutex_clear (&lookup->lock);
}

static guint
first_input_of (AugurTestRequest *request)
{
  g_autoptr(GPtrArray) ids = body_input_ids (request->body);
  guint index = G_MAXUINT;

  g_assert_true (ids->len > 0 && sscanf (g_ptr_array_index (ids, 0), "augur-%u", &index) == 1);
  return index;
}

static int
compare_first_input (gconstpointer a,
                     gconstpointer b)
{
  guint x = first_input_of (*(AugurTestRequest **) a);
  guint y = first_input_of (*(AugurTestRequest **) b);

  return (x > y) - (x < y);
}

/* Inputs a lookup answers are final at once and never sent; the others still go in full
 * requests, in input order. */
static void
test_lookup_found_not_sent (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 300);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *results;
  Lookup lookup;
  guint expected = 0;
  Run run;

  lookup_init (&lookup, 3);
  augur_batch_set_lookup (batch, lookup_cb, &lookup, NULL);
  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  /* Asked once per input, in order, off the main thread. */
  g_assert_cmpuint (lookup.asked->len, ==, 300);
  for (guint i = 0; i < 300; i++)
    g_assert_cmpuint (g_array_index (lookup.asked, guint, i), ==, i);
  g_assert_true (lookup.off_main);

  /* 200 inputs to send: 128 then 72, none of the found ones, in input order (the two
   * requests may reach the server in either order). */
  requests = predict_requests (fixture);
  g_assert_cmpuint (requests->len, ==, 2);
  g_ptr_array_sort (requests, compare_first_input);
  for (guint r = 0; r < requests->len; r++)
    {
      AugurTestRequest *request = g_ptr_array_index (requests, r);
      g_autoptr(GPtrArray) ids = body_input_ids (request->body);

      g_assert_cmpuint (ids->len, ==, (r == 0 ? 128 : 72));
      for (guint j = 0; j < ids->len; j++)
        {
          g_autofree char *id = NULL;

          while (expected % 3 == 0)
            expected++;
          id = g_strdup_printf ("augur-%u", expected++);
          g_assert_cmpstr (g_ptr_array_index (ids, j), ==, id);
        }
    }

  results = augur_batch_get_results (batch);
  for (guint i = 0; i < 300; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (results, i);

      g_assert_nonnull (prediction);
      g_assert_true (augur_prediction_is_success (prediction));
      g_assert_cmpuint (augur_prediction_get_index (prediction), ==, i);
      g_assert_true (augur_prediction_get_input (prediction) == g_ptr_array_index (inputs, i));
      g_assert_cmpint (augur_prediction_get_cached (prediction), ==, i % 3 == 0);
      if (i % 3 == 0)
        g_assert_cmpfloat (augur_prediction_get_duration_ms (prediction), ==, 1234);
    }
  g_assert_cmpuint (run.finished->len, ==, 300);
  g_assert_cmpuint (run.last_done, ==, 300);
  g_assert_false (run.progress_went_back);

  run_clear (&run);
  lookup_clear (&lookup);
}

/* When every input is answered, nothing goes to the server and the run still ends. */
static void
test_lookup_all_found (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 40);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GError) error = NULL;
  Lookup lookup;
  Run run;

  lookup_init (&lookup, 1);
  augur_batch_set_lookup (batch, lookup_cb, &lookup, NULL);
  run_init (&run);
  g_assert_true (run_batch (batch, &run, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, MODEL_PATH_SUFFIX), ==, 0);
  g_assert_cmpuint (run.sent_n_inputs->len, ==, 0);
  g_assert_cmpuint (augur_batch_get_n_done (batch), ==, 40);
  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 0);
  g_assert_cmpuint (run.finished->len, ==, 40);

  run_clear (&run);
  lookup_clear (&lookup);
}

/* Cancelling while lookups run ends the run; what was found stays, nothing is sent late. */
static void
test_lookup_cancel (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_jpeg_inputs (fixture, 300);
  g_autoptr(AugurBatch) batch = make_batch (fixture, inputs);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *results;
  Lookup lookup;
  guint n_found = 0;
  Run run;

  lookup_init (&lookup, 1);
  augur_batch_set_lookup (batch, lookup_cb, &lookup, NULL);
  run_init (&run);
  run.cancel_on_first_item = cancellable;
  g_assert_false (run_batch (batch, &run, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  results = augur_batch_get_results (batch);
  for (guint i = 0; i < results->len; i++)
    n_found += g_ptr_array_index (results, i) != NULL;
  g_assert_cmpuint (n_found, >, 0);
  g_assert_cmpuint (n_found, <, 300);
  g_assert_cmpuint (augur_batch_get_n_done (batch), ==, n_found);
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, MODEL_PATH_SUFFIX), ==, 0);

  run_clear (&run);
  lookup_clear (&lookup);
}

/* Worker pool */

static void
worker_thread_func (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GThread **main_thread = task_data;

  g_task_return_boolean (task, g_thread_self () != *main_thread);
}

static void
worker_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  guint *n_done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_true (g_task_propagate_boolean (G_TASK (result), &error));
  g_assert_no_error (error);
  (*n_done)++;
}

static void
test_worker_run (void)
{
  GThread *main_thread = g_thread_self ();
  guint n_done = 0;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, worker_done_cb, &n_done);

      g_task_set_task_data (task, &main_thread, NULL);
      augur_worker_run (task, worker_thread_func);
    }
  while (n_done < 20)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_done, ==, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/worker/run", test_worker_run);
  ADD ("/batch/split-and-order", test_split_and_order);
  ADD ("/batch/max-in-flight", test_max_in_flight);
  ADD ("/batch/empty", test_empty);
  ADD ("/batch/settings", test_settings);
  ADD ("/batch/retry/throttled", test_retry_throttled);
  ADD ("/batch/retry/throttled-retry-after", test_retry_throttled_retry_after);
  ADD ("/batch/retry/server-error", test_retry_server_error);
  ADD ("/batch/retry/model-loading", test_retry_model_loading);
  ADD ("/batch/retry/gives-up", test_retry_gives_up);
  ADD ("/batch/retry/one-output", test_retry_one_output);
  ADD ("/batch/retry/failed-as-a-whole", test_failed_as_a_whole);
  ADD ("/batch/permanent/model-does-not-exist", test_model_does_not_exist);
  ADD ("/batch/permanent/one-request", test_one_request_fails);
  ADD ("/batch/permanent/count-mismatch", test_count_mismatch);
  ADD ("/batch/mixed-status", test_mixed_status);
  ADD ("/batch/local-failures", test_local_failures);
  ADD ("/batch/cancel/midway", test_cancel_midway);
  ADD ("/batch/cancel/while-waiting", test_cancel_while_waiting);
  ADD ("/batch/lookup/found-not-sent", test_lookup_found_not_sent);
  ADD ("/batch/lookup/all-found", test_lookup_all_found);
  ADD ("/batch/lookup/cancel", test_lookup_cancel);

#undef ADD

  return g_test_run ();
}
