/* test-batch-transform.c: the payload transform hook of AugurBatch against the fake server:
 * it runs once per input in a worker thread, what it returns is what goes over the wire,
 * and an input it rejects fails alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <json-glib/json-glib.h>

#include "augur-core.h"
#include "augur-test-server.h"

#define N_INPUTS 10
#define PADDING  20000

typedef struct
{
  AugurTestServer *server;
  AugurClient     *client;
  AugurModelRef   *ref;
  GBytes          *small;   /* a real small JPEG from the fixtures */
} Fixture;

typedef struct
{
  GBytes  *replacement;     /* what every payload becomes */
  gint     n_calls;         /* atomic */
  gint     n_other_thread;  /* atomic: calls made off the test's thread */
  GThread *test_thread;
  guint    reject_label;    /* inputs labelled "reject" fail when TRUE */
  gboolean destroyed;
} TransformData;

static GBytes *
load_fixture_jpeg (void)
{
  g_autoptr(GBytes) bytes = augur_test_fixture_bytes ("predict-image-base64.request.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *image;
  guchar *data;
  gsize len = 0;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                              (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  image = json_object_get_object_member (
            json_object_get_object_member (
              json_array_get_object_element (json_object_get_array_member (root, "inputs"), 0),
              "data"),
            "image");
  data = g_base64_decode (json_object_get_string_member (image, "base64"), &len);
  g_assert_cmpuint (len, >, 100);
  return g_bytes_new_take (data, len);
}

/* The fixture JPEG followed by @n_padding bytes: still sniffed as JPEG, but big. */
static GBytes *
make_big_jpeg (GBytes *jpeg,
               gsize   n_padding)
{
  GByteArray *out = g_byte_array_new ();
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (jpeg, &len);
  g_autofree guint8 *padding = g_malloc0 (n_padding);

  g_byte_array_append (out, data, len);
  g_byte_array_append (out, padding, n_padding);
  return g_byte_array_free_to_bytes (out);
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
  fixture->client = augur_client_new (config, &error);
  g_assert_no_error (error);
  fixture->ref = augur_model_ref_new ("clarifai", "main", "general-image-recognition", NULL);
  fixture->small = load_fixture_jpeg ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->small, g_bytes_unref);
  g_clear_pointer (&fixture->ref, augur_model_ref_free);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, augur_test_server_free);
}

static GPtrArray *
make_inputs (Fixture *fixture,
             guint    n,
             guint    reject_index)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) big = make_big_jpeg (fixture->small, PADDING);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = i == reject_index ? g_strdup ("reject")
                                                 : g_strdup_printf ("image-%u.jpg", i);

      g_ptr_array_add (inputs, augur_input_new_bytes (big, label));
    }
  return inputs;
}

static AugurPayload *
replace_payload (AugurPayload  *payload,
                 gpointer       user_data,
                 GError       **error)
{
  TransformData *data = user_data;
  gsize len = 0;
  const guint8 *bytes = g_bytes_get_data (data->replacement, &len);

  g_atomic_int_inc (&data->n_calls);
  if (g_thread_self () != data->test_thread)
    g_atomic_int_inc (&data->n_other_thread);

  g_assert_cmpint (payload->kind, ==, AUGUR_INPUT_BYTES);
  g_assert_cmpuint (payload->n_bytes, ==, len + PADDING);

  g_free (payload->image_base64);
  payload->image_base64 = g_base64_encode (bytes, len);
  payload->n_bytes = len;
  return payload;
}

/* Rejects payloads by size: the one input made bigger than the others. */
static AugurPayload *
reject_big_payload (AugurPayload  *payload,
                    gpointer       user_data,
                    GError       **error)
{
  TransformData *data = user_data;

  g_atomic_int_inc (&data->n_calls);
  if (payload->n_bytes > 2 * PADDING)
    {
      augur_payload_free (payload);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "too big for the test");
      return NULL;
    }
  return payload;
}

static void
transform_data_destroy (gpointer user_data)
{
  TransformData *data = user_data;

  data->destroyed = TRUE;
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static guint64
run_batch (AugurBatch *batch,
           gboolean    expect_success)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  augur_batch_run_async (batch, NULL, run_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = augur_batch_run_finish (batch, result, &error);
  if (expect_success)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  return augur_batch_get_bytes_sent (batch);
}

/* Every base64 image in every logged predict body. */
static GPtrArray *
logged_images (AugurTestServer *server)
{
  g_autoptr(GPtrArray) requests = augur_test_server_get_requests (server);
  GPtrArray *images = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < requests->len; i++)
    {
      AugurTestRequest *request = g_ptr_array_index (requests, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonArray *inputs;

      if (!g_str_has_suffix (request->path, "/outputs"))
        continue;
      json_parser_load_from_data (parser, g_bytes_get_data (request->body, NULL),
                                  (gssize) g_bytes_get_size (request->body), &error);
      g_assert_no_error (error);
      inputs = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                             "inputs");
      for (guint j = 0; j < json_array_get_length (inputs); j++)
        {
          JsonObject *input = json_array_get_object_element (inputs, j);
          JsonObject *image = json_object_get_object_member (
                                json_object_get_object_member (input, "data"), "image");

          g_ptr_array_add (images, g_strdup (json_object_get_string_member (image, "base64")));
        }
    }
  return images;
}

static void
test_transform_every_input (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_inputs (fixture, N_INPUTS, G_MAXUINT);
  g_autoptr(AugurBatch) plain = augur_batch_new (fixture->client, fixture->ref, NULL, NULL, inputs);
  g_autoptr(AugurBatch) batch = augur_batch_new (fixture->client, fixture->ref, NULL, NULL, inputs);
  g_autoptr(GPtrArray) images = NULL;
  g_autofree char *small_base64 = NULL;
  TransformData data = { 0 };
  guint64 plain_bytes, transformed_bytes;
  gsize small_len = 0;
  const guint8 *small = g_bytes_get_data (fixture->small, &small_len);

  small_base64 = g_base64_encode (small, small_len);
  data.replacement = fixture->small;
  data.test_thread = g_thread_self ();

  /* Small requests, several at once: the transform is shared by concurrent builds. */
  augur_batch_set_chunk_size (plain, 3);
  augur_batch_set_chunk_size (batch, 3);
  augur_batch_set_max_in_flight (batch, 4);

  plain_bytes = run_batch (plain, TRUE);
  augur_test_server_clear_requests (fixture->server);

  augur_batch_set_payload_transform (batch, replace_payload, &data, transform_data_destroy);
  transformed_bytes = run_batch (batch, TRUE);

  g_assert_cmpint (g_atomic_int_get (&data.n_calls), ==, N_INPUTS);
  g_assert_cmpint (g_atomic_int_get (&data.n_other_thread), ==, N_INPUTS);
  g_assert_cmpuint (augur_batch_get_n_done (batch), ==, N_INPUTS);
  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 0);

  /* What went over the wire is what the transform returned, for every input. */
  images = logged_images (fixture->server);
  g_assert_cmpuint (images->len, ==, N_INPUTS);
  for (guint i = 0; i < images->len; i++)
    g_assert_cmpstr (g_ptr_array_index (images, i), ==, small_base64);

  g_assert_cmpuint (transformed_bytes, >, 0);
  g_assert_cmpuint (transformed_bytes + N_INPUTS * PADDING, <=, plain_bytes);

  g_assert_false (data.destroyed);
  g_clear_object (&batch);
  g_assert_true (data.destroyed);
}

static void
test_transform_rejects_one (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_inputs (fixture, 4, G_MAXUINT);
  g_autoptr(GBytes) huge = make_big_jpeg (fixture->small, 3 * PADDING);
  g_autoptr(AugurBatch) batch = NULL;
  GPtrArray *results;
  TransformData data = { 0 };

  g_ptr_array_insert (inputs, 2, augur_input_new_bytes (huge, "huge.jpg"));
  batch = augur_batch_new (fixture->client, fixture->ref, NULL, NULL, inputs);
  augur_batch_set_payload_transform (batch, reject_big_payload, &data, NULL);
  run_batch (batch, TRUE);

  g_assert_cmpint (g_atomic_int_get (&data.n_calls), ==, 5);
  g_assert_cmpuint (augur_batch_get_n_done (batch), ==, 5);
  g_assert_cmpuint (augur_batch_get_n_failed (batch), ==, 1);
  results = augur_batch_get_results (batch);
  for (guint i = 0; i < results->len; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (results, i);

      g_assert_nonnull (prediction);
      g_assert_cmpint (augur_prediction_is_success (prediction), ==, i != 2);
    }
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/outputs"), ==, 1);
}

static void
test_transform_replaced (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = make_inputs (fixture, 2, G_MAXUINT);
  g_autoptr(AugurBatch) batch = augur_batch_new (fixture->client, fixture->ref, NULL, NULL, inputs);
  TransformData first = { 0 }, second = { 0 };

  augur_batch_set_payload_transform (batch, replace_payload, &first, transform_data_destroy);
  augur_batch_set_payload_transform (batch, NULL, &second, transform_data_destroy);
  g_assert_true (first.destroyed);
  g_assert_true (second.destroyed);

  run_batch (batch, TRUE);
  g_assert_cmpint (first.n_calls, ==, 0);
  g_assert_cmpuint (augur_batch_get_bytes_sent (batch), >, 2 * PADDING);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/batch-transform/every-input", Fixture, NULL,
              fixture_set_up, test_transform_every_input, fixture_tear_down);
  g_test_add ("/batch-transform/rejects-one", Fixture, NULL,
              fixture_set_up, test_transform_rejects_one, fixture_tear_down);
  g_test_add ("/batch-transform/replaced", Fixture, NULL,
              fixture_set_up, test_transform_replaced, fixture_tear_down);

  return g_test_run ();
}
