/* test-downscale.c: the downscale payload transform on real images made with gdk-pixbuf:
 * large photos shrink to the preference's longest side and come out upright, small ones
 * are sent untouched, transparency survives, and a batch sends what the preference says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "augur-downscale.h"
#include "augur-test-server.h"

/* Helpers --------------------------------------------------------------------------------- */

/* Left half red, right half blue, so that a rotation shows. */
static GdkPixbuf *
make_pixbuf (int      width,
             int      height,
             gboolean alpha)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * rowstride + x * n_channels;

        p[0] = x < width / 2 ? 255 : 0;
        p[1] = 0;
        p[2] = x < width / 2 ? 0 : 255;
        if (alpha)
          p[3] = 128;
      }
  return pixbuf;
}

static GBytes *
encode_pixbuf (GdkPixbuf  *pixbuf,
               const char *type)
{
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize len = 0;

  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &len, type, &error, NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, len);
}

/* A JPEG with an EXIF APP1 segment right after the start marker: orientation 6, "turn
 * 90° clockwise to show". */
static GBytes *
add_exif_orientation_6 (GBytes *jpeg)
{
  static const guint8 app1[] = {
    0xFF, 0xE1, 0x00, 0x22,
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
    0x00, 0x01,
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
  };
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (jpeg, &len);
  GByteArray *out = g_byte_array_new ();

  g_byte_array_append (out, data, 2);
  g_byte_array_append (out, app1, sizeof app1);
  g_byte_array_append (out, data + 2, len - 2);
  return g_byte_array_free_to_bytes (out);
}

static AugurPayload *
load_payload (GBytes *bytes)
{
  g_autoptr(AugurInput) input = augur_input_new_bytes (bytes, "photo");
  g_autoptr(GError) error = NULL;
  AugurPayload *payload = augur_input_load (input, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (payload);
  return payload;
}

static GdkPixbuf *
decode_base64 (const char *base64)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = NULL;
  gsize len = 0;

  data = g_base64_decode (base64, &len);
  gdk_pixbuf_loader_write (loader, data, len, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

static void
get_pixel (GdkPixbuf *pixbuf,
           int        x,
           int        y,
           guchar     rgb[3])
{
  const guchar *p = gdk_pixbuf_get_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf) +
                    x * gdk_pixbuf_get_n_channels (pixbuf);

  memcpy (rgb, p, 3);
}

static void
assert_red (GdkPixbuf *pixbuf, int x, int y)
{
  guchar rgb[3];

  get_pixel (pixbuf, x, y, rgb);
  g_assert_cmpuint (rgb[0], >, 200);
  g_assert_cmpuint (rgb[2], <, 60);
}

static void
assert_blue (GdkPixbuf *pixbuf, int x, int y)
{
  guchar rgb[3];

  get_pixel (pixbuf, x, y, rgb);
  g_assert_cmpuint (rgb[0], <, 60);
  g_assert_cmpuint (rgb[2], >, 200);
}

/* Tests ----------------------------------------------------------------------------------- */

static void
test_large_jpeg (void)
{
  g_autoptr(GdkPixbuf) source = make_pixbuf (2000, 1500, FALSE);
  g_autoptr(GBytes) jpeg = encode_pixbuf (source, "jpeg");
  g_autoptr(AugurPayload) payload = load_payload (jpeg);
  g_autoptr(GdkPixbuf) result = NULL;
  gsize before = payload->n_bytes;
  gsize len = 0;

  g_assert_cmpuint (payload->width, ==, 2000);
  payload = augur_downscale_payload (payload, GUINT_TO_POINTER (800), NULL);

  g_assert_cmpint (payload->format, ==, AUGUR_IMAGE_FORMAT_JPEG);
  g_assert_cmpuint (payload->width, ==, 800);
  g_assert_cmpuint (payload->height, ==, 600);
  g_assert_cmpuint (payload->n_bytes, <, before);
  g_free (g_base64_decode (payload->image_base64, &len));
  g_assert_cmpuint (payload->n_bytes, ==, len);

  result = decode_base64 (payload->image_base64);
  g_assert_cmpint (gdk_pixbuf_get_width (result), ==, 800);
  g_assert_cmpint (gdk_pixbuf_get_height (result), ==, 600);
  assert_red (result, 100, 300);
  assert_blue (result, 700, 300);
}

static void
test_portrait_unknown_size (void)
{
  g_autoptr(GdkPixbuf) source = make_pixbuf (900, 1600, FALSE);
  g_autoptr(GBytes) jpeg = encode_pixbuf (source, "jpeg");
  g_autoptr(AugurPayload) payload = load_payload (jpeg);
  g_autoptr(GdkPixbuf) result = NULL;

  /* As for a format whose header the core does not read: the transform decodes to see. */
  payload->width = payload->height = 0;
  payload = augur_downscale_payload (payload, GUINT_TO_POINTER (400), NULL);

  result = decode_base64 (payload->image_base64);
  g_assert_cmpint (gdk_pixbuf_get_height (result), ==, 400);
  g_assert_cmpint (gdk_pixbuf_get_width (result), ==, 225);
  g_assert_cmpuint (payload->width, ==, 225);
}

static void
test_small_untouched (void)
{
  g_autoptr(GdkPixbuf) source = make_pixbuf (300, 200, FALSE);
  g_autoptr(GBytes) jpeg = encode_pixbuf (source, "jpeg");
  g_autoptr(AugurPayload) payload = load_payload (jpeg);
  g_autofree char *before = g_strdup (payload->image_base64);
  gsize n_bytes = payload->n_bytes;
  AugurPayload *same;

  same = augur_downscale_payload (payload, GUINT_TO_POINTER (1000), NULL);
  g_assert_true (same == payload);
  g_assert_cmpstr (payload->image_base64, ==, before);
  g_assert_cmpuint (payload->n_bytes, ==, n_bytes);
  g_assert_cmpuint (payload->width, ==, 300);

  /* Even with its size unknown, it is decoded only to find that it fits. */
  payload->width = payload->height = 0;
  same = augur_downscale_payload (payload, GUINT_TO_POINTER (1000), NULL);
  g_assert_cmpstr (same->image_base64, ==, before);
}

static void
test_png_alpha (void)
{
  g_autoptr(GdkPixbuf) source = make_pixbuf (1200, 800, TRUE);
  g_autoptr(GBytes) png = encode_pixbuf (source, "png");
  g_autoptr(AugurPayload) payload = load_payload (png);
  g_autoptr(GdkPixbuf) result = NULL;

  payload = augur_downscale_payload (payload, GUINT_TO_POINTER (600), NULL);
  g_assert_cmpint (payload->format, ==, AUGUR_IMAGE_FORMAT_PNG);

  result = decode_base64 (payload->image_base64);
  g_assert_true (gdk_pixbuf_get_has_alpha (result));
  g_assert_cmpint (gdk_pixbuf_get_width (result), ==, 600);
  g_assert_cmpint (gdk_pixbuf_get_height (result), ==, 400);
  g_assert_cmpuint (gdk_pixbuf_get_pixels (result)[3], ==, 128);
}

static void
test_orientation (void)
{
  g_autoptr(GdkPixbuf) source = make_pixbuf (2000, 1500, FALSE);
  g_autoptr(GBytes) plain = encode_pixbuf (source, "jpeg");
  g_autoptr(GBytes) jpeg = add_exif_orientation_6 (plain);
  g_autoptr(AugurPayload) payload = load_payload (jpeg);
  g_autoptr(GdkPixbuf) result = NULL;

  payload = augur_downscale_payload (payload, GUINT_TO_POINTER (1000), NULL);

  /* Stored 2000×1500, shown turned clockwise: 750 wide, 1000 high, left half on top. */
  result = decode_base64 (payload->image_base64);
  g_assert_null (gdk_pixbuf_get_option (result, "orientation"));
  g_assert_cmpint (gdk_pixbuf_get_width (result), ==, 750);
  g_assert_cmpint (gdk_pixbuf_get_height (result), ==, 1000);
  g_assert_cmpuint (payload->width, ==, 750);
  g_assert_cmpuint (payload->height, ==, 1000);
  assert_red (result, 375, 100);
  assert_blue (result, 375, 900);
}

static void
test_not_an_image (void)
{
  g_autoptr(AugurInput) input = augur_input_new_text ("a caption");
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPayload) payload = augur_input_load (input, NULL, &error);
  AugurPayload *same;

  g_assert_no_error (error);
  same = augur_downscale_payload (payload, GUINT_TO_POINTER (256), NULL);
  g_assert_true (same == payload);
  g_assert_cmpstr (payload->text, ==, "a caption");
}

static void
batch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The longest side of the image in the first logged predict body. */
static int
sent_longest_side (AugurTestServer *server)
{
  g_autoptr(GPtrArray) requests = augur_test_server_get_requests (server);
  AugurTestRequest *request = g_ptr_array_index (requests, requests->len - 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) sent = NULL;
  JsonObject *input;

  json_parser_load_from_data (parser, g_bytes_get_data (request->body, NULL),
                              (gssize) g_bytes_get_size (request->body), &error);
  g_assert_no_error (error);
  input = json_array_get_object_element (
            json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "inputs"), 0);
  sent = decode_base64 (json_object_get_string_member (
                          json_object_get_object_member (
                            json_object_get_object_member (input, "data"), "image"),
                          "base64"));
  return MAX (gdk_pixbuf_get_width (sent), gdk_pixbuf_get_height (sent));
}

static int
run_with_preference (AugurTestServer *server,
                     AugurClient     *client,
                     GSettings       *settings,
                     GBytes          *jpeg)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_new ("clarifai", "main", "general", NULL);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurBatch) batch = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (inputs, augur_input_new_bytes (jpeg, "photo.jpg"));
  batch = augur_batch_new (client, ref, NULL, NULL, inputs);
  augur_downscale_setup_batch_from_settings (batch, settings);
  augur_batch_run_async (batch, NULL, batch_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (augur_batch_run_finish (batch, result, &error));
  g_assert_no_error (error);
  return sent_longest_side (server);
}

static void
test_batch_preference (void)
{
  AugurTestServer *server = augur_test_server_new (NULL);
  g_autoptr(AugurConfig) config = augur_config_new ();
  g_autoptr(AugurClient) client = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.augur.Augur");
  g_autoptr(GdkPixbuf) source = make_pixbuf (1600, 1200, FALSE);
  g_autoptr(GBytes) jpeg = encode_pixbuf (source, "jpeg");
  g_autoptr(GError) error = NULL;

  augur_config_set_base_url (config, augur_test_server_get_base_url (server));
  augur_config_set_token (config, AUGUR_TEST_TOKEN);
  client = augur_client_new (config, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_settings_get_uint (settings, "downscale-longest-side"), ==, 0);
  g_assert_cmpint (run_with_preference (server, client, settings, jpeg), ==, 1600);

  g_settings_set_uint (settings, "downscale-longest-side", 512);
  g_assert_cmpint (run_with_preference (server, client, settings, jpeg), ==, 512);

  g_settings_reset (settings, "downscale-longest-side");
  augur_test_server_free (server);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/downscale/large-jpeg", test_large_jpeg);
  g_test_add_func ("/ui/downscale/portrait-unknown-size", test_portrait_unknown_size);
  g_test_add_func ("/ui/downscale/small-untouched", test_small_untouched);
  g_test_add_func ("/ui/downscale/png-alpha", test_png_alpha);
  g_test_add_func ("/ui/downscale/orientation", test_orientation);
  g_test_add_func ("/ui/downscale/not-an-image", test_not_an_image);
  g_test_add_func ("/ui/downscale/batch-preference", test_batch_preference);

  return g_test_run ();
}
