/* test-input.c: reading and checking inputs before anything goes over the wire.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "augur-error.h"
#include "augur-input.h"
#include "augur-test-server.h"

/* A real 3 × 2 RGB PNG. */
static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0x12, 0x16, 0xf1,
  0x4d, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x41, 0x0c, 0x70, 0x16, 0x00, 0x41, 0xd2, 0x05, 0xfb, 0x87, 0xf0, 0xb9, 0x48, 0x00, 0x00, 0x00,
  0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* A real 1 × 1 GIF89a. */
static const guint8 tiny_gif[] = {
  0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xff, 0xff, 0xff,
  0x00, 0x00, 0x00, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
  0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
};

/* A real 2 × 3 24-bit BMP (rows padded to 8 bytes). */
static const guint8 tiny_bmp[] = {
  'B', 'M', 0x4e, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x36, 0x00, 0x00, 0x00,
  0x28, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x18, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x18, 0x00, 0x00, 0x00, 0x13, 0x0b, 0x00, 0x00, 0x13, 0x0b, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0xff, 0x00, 0x00, 0x00, 0xff, 0x00, 0x00, 0x00,
  0x00, 0xff, 0x00, 0xff, 0xff, 0xff, 0x00, 0x00,
  0x00, 0x00, 0xff, 0x00, 0x00, 0x00, 0x00, 0x00,
};

/* A real 1 × 1 lossless WEBP. */
static const guint8 tiny_webp[] = {
  'R', 'I', 'F', 'F', 0x1a, 0x00, 0x00, 0x00, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L',
  0x0d, 0x00, 0x00, 0x00, 0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe,
  0x07, 0x00,
};

/* Headers only: sizes 640 × 480 (VP8X) and 300 × 200 (lossy VP8). */
static const guint8 webp_vp8x_header[] = {
  'R', 'I', 'F', 'F', 0x00, 0x01, 0x00, 0x00, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X',
  0x0a, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x7f, 0x02, 0x00, 0xdf, 0x01, 0x00,
};
static const guint8 webp_vp8_header[] = {
  'R', 'I', 'F', 'F', 0x00, 0x01, 0x00, 0x00, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ',
  0x00, 0x01, 0x00, 0x00, 0x50, 0x02, 0x00, 0x9d, 0x01, 0x2a, 0x2c, 0x01, 0xc8, 0x00,
};

static const guint8 tiny_tiff[] = {
  'I', 'I', 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00,
};

static char *
test_dir (void)
{
  char *dir = g_build_filename (g_get_user_cache_dir (), "inputs", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static GFile *
write_file (const char   *name,
            const guint8 *data,
            gsize         len)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* The JPEG the docs send by bytes, taken from the fixture. */
static GBytes *
fixture_jpeg (void)
{
  g_autoptr(GBytes) fixture = augur_test_fixture_bytes ("predict-image-base64.request.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *data;
  const char *base64;
  guchar *jpeg;
  gsize len;

  json_parser_load_from_data (parser, g_bytes_get_data (fixture, NULL),
                              g_bytes_get_size (fixture), &error);
  g_assert_no_error (error);
  data = json_object_get_object_member (
    json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                    "inputs"), 0), "data");
  base64 = json_object_get_string_member (json_object_get_object_member (data, "image"),
                                          "base64");
  jpeg = g_base64_decode (base64, &len);
  return g_bytes_new_take (jpeg, len);
}

static AugurPayload *
load_ok (AugurInput *input)
{
  g_autoptr(GError) error = NULL;
  AugurPayload *payload = augur_input_load (input, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (payload);
  return payload;
}

static char *
load_error (AugurInput *input,
            gint        code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPayload) payload = augur_input_load (input, NULL, &error);

  g_assert_null (payload);
  g_assert_error (error, AUGUR_ERROR, code);
  return g_strdup (error->message);
}

static void
assert_image_file (const char       *name,
                   const guint8     *data,
                   gsize             len,
                   AugurImageFormat  format,
                   guint             width,
                   guint             height)
{
  g_autoptr(GFile) file = write_file (name, data, len);
  g_autoptr(AugurInput) input = augur_input_new_file (file);
  g_autoptr(AugurPayload) payload = load_ok (input);
  g_autofree guchar *decoded = NULL;
  gsize decoded_len = 0;

  g_assert_cmpstr (augur_input_get_label (input), ==, name);
  g_assert_cmpint (payload->kind, ==, AUGUR_INPUT_BYTES);
  g_assert_cmpint (payload->format, ==, format);
  g_assert_cmpuint (payload->width, ==, width);
  g_assert_cmpuint (payload->height, ==, height);
  g_assert_cmpuint (payload->n_bytes, ==, len);
  decoded = g_base64_decode (payload->image_base64, &decoded_len);
  g_assert_cmpmem (decoded, decoded_len, data, len);
  g_assert_true (augur_input_is_image (input));
}

static void
test_sniff_png (void)
{
  assert_image_file ("tiny.png", tiny_png, sizeof tiny_png, AUGUR_IMAGE_FORMAT_PNG, 3, 2);
}

static void
test_sniff_gif (void)
{
  assert_image_file ("tiny.gif", tiny_gif, sizeof tiny_gif, AUGUR_IMAGE_FORMAT_GIF, 1, 1);
}

static void
test_sniff_bmp (void)
{
  assert_image_file ("tiny.bmp", tiny_bmp, sizeof tiny_bmp, AUGUR_IMAGE_FORMAT_BMP, 2, 3);
}

static void
test_sniff_webp (void)
{
  guint width = 0, height = 0;

  assert_image_file ("tiny.webp", tiny_webp, sizeof tiny_webp, AUGUR_IMAGE_FORMAT_WEBP, 1, 1);

  g_assert_true (augur_image_read_size (webp_vp8x_header, sizeof webp_vp8x_header,
                                        &width, &height));
  g_assert_cmpuint (width, ==, 640);
  g_assert_cmpuint (height, ==, 480);
  g_assert_true (augur_image_read_size (webp_vp8_header, sizeof webp_vp8_header,
                                        &width, &height));
  g_assert_cmpuint (width, ==, 300);
  g_assert_cmpuint (height, ==, 200);
}

static void
test_sniff_jpeg (void)
{
  g_autoptr(GBytes) jpeg = fixture_jpeg ();

  g_assert_cmpuint (g_bytes_get_size (jpeg), ==, 1236);
  assert_image_file ("photo.jpg", g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg),
                     AUGUR_IMAGE_FORMAT_JPEG, 40, 40);
}

static void
test_sniff_tiff (void)
{
  guint width = 1, height = 1;

  g_assert_cmpint (augur_image_format_sniff (tiny_tiff, sizeof tiny_tiff), ==,
                   AUGUR_IMAGE_FORMAT_TIFF);
  g_assert_cmpint (augur_image_format_sniff ((const guint8 *) "MM\0*\0\0\0\x08", 8), ==,
                   AUGUR_IMAGE_FORMAT_TIFF);
  /* TIFF sizes are not read, but the image is still sent. */
  g_assert_false (augur_image_read_size (tiny_tiff, sizeof tiny_tiff, &width, &height));
  g_assert_cmpuint (width, ==, 0);
  g_assert_cmpuint (height, ==, 0);
  assert_image_file ("scan.tif", tiny_tiff, sizeof tiny_tiff, AUGUR_IMAGE_FORMAT_TIFF, 0, 0);
}

static void
test_sniff_unknown (void)
{
  g_assert_cmpint (augur_image_format_sniff ((const guint8 *) "", 0), ==,
                   AUGUR_IMAGE_FORMAT_UNKNOWN);
  g_assert_cmpint (augur_image_format_sniff (tiny_png, 4), ==, AUGUR_IMAGE_FORMAT_UNKNOWN);
  /* "BM" alone is not enough: this is text. */
  g_assert_cmpint (augur_image_format_sniff ((const guint8 *) "BMW cars are fast", 17), ==,
                   AUGUR_IMAGE_FORMAT_UNKNOWN);
  g_assert_cmpint (augur_image_format_sniff ((const guint8 *) "RIFF\0\0\0\0WAVE", 12), ==,
                   AUGUR_IMAGE_FORMAT_UNKNOWN);
  g_assert_cmpstr (augur_image_format_to_string (AUGUR_IMAGE_FORMAT_WEBP), ==, "WEBP");
}

static void
test_file_too_big (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *path = g_build_filename (dir, "photo.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AugurInput) input = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GString) shown = NULL;
  int fd;

  /* A sparse 25 MB file: costs no disk space. */
  fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 25 * 1000 * 1000), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  /* Without read permission, a read would fail with another message (not as root). */
  if (geteuid () != 0)
    g_assert_cmpint (g_chmod (path, 0000), ==, 0);

  input = augur_input_new_file (file);
  message = load_error (input, AUGUR_ERROR_BAD_INPUT);
  /* g_format_size() puts a no-break space between number and unit. */
  shown = g_string_new (message);
  g_string_replace (shown, "\u00a0", " ", 0);
  g_assert_cmpstr (shown->str, ==, "photo.jpg is 25.0 MB; Clarifai accepts files under 20 MB");
}

static void
test_too_many_pixels (void)
{
  guint8 header[sizeof tiny_png];
  g_autoptr(GFile) file = NULL;
  g_autoptr(AugurInput) input = NULL;
  g_autofree char *message = NULL;
  guint width = 0, height = 0;

  /* 10000 × 9000 in the IHDR: refused from the header, whatever follows. */
  memcpy (header, tiny_png, sizeof tiny_png);
  memcpy (header + 16, "\x00\x00\x27\x10\x00\x00\x23\x28", 8);
  g_assert_true (augur_image_read_size (header, sizeof header, &width, &height));
  g_assert_cmpuint (width, ==, 10000);
  g_assert_cmpuint (height, ==, 9000);

  file = write_file ("huge.png", header, sizeof header);
  input = augur_input_new_file (file);
  message = load_error (input, AUGUR_ERROR_BAD_INPUT);
  g_assert_nonnull (strstr (message, "huge.png"));
  g_assert_nonnull (strstr (message, "90.0 megapixels"));
  g_assert_nonnull (strstr (message, "85 megapixels"));
}

static void
test_unreadable (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *missing_path = g_build_filename (dir, "missing.jpg", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(AugurInput) missing_input = augur_input_new_file (missing);
  g_autoptr(AugurInput) folder_input = augur_input_new_file (folder);
  g_autofree char *message = NULL;
  g_autofree char *folder_message = NULL;

  message = load_error (missing_input, AUGUR_ERROR_BAD_INPUT);
  g_assert_cmpstr (message, ==, "Could not read missing.jpg: the file does not exist");

  folder_message = load_error (folder_input, AUGUR_ERROR_BAD_INPUT);
  g_assert_cmpstr (folder_message, ==, "inputs is a folder, not a file");

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
      g_autoptr(AugurInput) zero_input = augur_input_new_file (zero);
      g_autofree char *zero_message = load_error (zero_input, AUGUR_ERROR_BAD_INPUT);

      g_assert_cmpstr (zero_message, ==, "zero is not a regular file");
    }

  if (geteuid () != 0)
    {
      g_autoptr(GFile) locked = write_file ("locked.png", tiny_png, sizeof tiny_png);
      g_autofree char *locked_path = g_file_get_path (locked);
      g_autoptr(AugurInput) locked_input = augur_input_new_file (locked);
      g_autofree char *locked_message = NULL;

      g_assert_cmpint (g_chmod (locked_path, 0000), ==, 0);
      locked_message = load_error (locked_input, AUGUR_ERROR_BAD_INPUT);
      g_assert_cmpstr (locked_message, ==,
                       "Could not read locked.png: you do not have permission to read it");
    }
}

static void
test_empty (void)
{
  g_autoptr(GFile) file = write_file ("empty.png", (const guint8 *) "", 0);
  g_autoptr(AugurInput) input = augur_input_new_file (file);
  g_autofree char *message = load_error (input, AUGUR_ERROR_BAD_INPUT);

  g_assert_cmpstr (message, ==, "empty.png is empty: there is nothing to send");
}

static void
test_not_an_image (void)
{
  static const char pdf[] = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
  g_autoptr(GFile) file = write_file ("notes.pdf", (const guint8 *) pdf, sizeof pdf - 1);
  g_autoptr(AugurInput) input = augur_input_new_file (file);
  g_autofree char *message = load_error (input, AUGUR_ERROR_BAD_INPUT);
  /* Text in a file that does not say it is text is not sent as text either. */
  g_autoptr(GFile) binary = write_file ("data.txt", (const guint8 *) "a\0b", 3);
  g_autoptr(AugurInput) binary_input = augur_input_new_file (binary);
  g_autofree char *binary_message = load_error (binary_input, AUGUR_ERROR_BAD_INPUT);

  g_assert_true (g_str_has_prefix (message, "notes.pdf is not an image Clarifai can read "
                                            "(JPEG, PNG, GIF, WEBP, BMP, TIFF)"));
  g_assert_true (g_str_has_prefix (binary_message, "data.txt is not an image"));
}

static void
test_text_file (void)
{
  static const char text[] = "I love your product very much\nSecond line\n";
  static const char csv[] = "name,value\ntrain,0.99\n";
  g_autoptr(GFile) file = write_file ("review.txt", (const guint8 *) text, strlen (text));
  g_autoptr(GFile) csv_file = write_file ("scores.CSV", (const guint8 *) csv, strlen (csv));
  g_autoptr(AugurInput) input = augur_input_new_file (file);
  g_autoptr(AugurInput) csv_input = augur_input_new_file (csv_file);
  g_autoptr(AugurPayload) payload = NULL;
  g_autoptr(AugurPayload) csv_payload = NULL;

  g_assert_true (augur_input_is_image (input));
  payload = load_ok (input);
  g_assert_cmpint (payload->kind, ==, AUGUR_INPUT_TEXT);
  g_assert_cmpstr (payload->text, ==, text);
  g_assert_null (payload->image_base64);
  g_assert_false (augur_input_is_image (input));

  csv_payload = load_ok (csv_input);
  g_assert_cmpint (csv_payload->kind, ==, AUGUR_INPUT_TEXT);
  g_assert_cmpstr (csv_payload->text, ==, csv);
}

static void
test_bytes (void)
{
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autoptr(GBytes) text = g_bytes_new_static ("hello", 5);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(AugurInput) input = augur_input_new_bytes (png, NULL);
  g_autoptr(AugurInput) named = augur_input_new_bytes (png, "clipboard.png");
  g_autoptr(AugurInput) text_input = augur_input_new_bytes (text, NULL);
  g_autoptr(AugurInput) empty_input = augur_input_new_bytes (empty, NULL);
  g_autoptr(AugurPayload) payload = NULL;
  g_autofree char *message = NULL;
  g_autofree char *empty_message = NULL;

  g_assert_cmpstr (augur_input_get_label (input), ==, "Pasted image");
  g_assert_cmpstr (augur_input_get_label (named), ==, "clipboard.png");
  g_assert_cmpint (augur_input_get_kind (input), ==, AUGUR_INPUT_BYTES);
  g_assert_true (augur_input_get_bytes (input) == png);
  g_assert_true (augur_input_is_image (input));

  payload = load_ok (input);
  g_assert_cmpint (payload->kind, ==, AUGUR_INPUT_BYTES);
  g_assert_cmpint (payload->format, ==, AUGUR_IMAGE_FORMAT_PNG);
  g_assert_cmpuint (payload->width, ==, 3);

  /* Pasted bytes must be an image, even when they are valid text. */
  message = load_error (text_input, AUGUR_ERROR_BAD_INPUT);
  g_assert_true (g_str_has_prefix (message, "Pasted image is not an image Clarifai can read"));
  empty_message = load_error (empty_input, AUGUR_ERROR_BAD_INPUT);
  g_assert_cmpstr (empty_message, ==, "Pasted image is empty: there is nothing to send");
}

static void
test_urls (void)
{
  const char *bad[] = {
    "ftp://samples.clarifai.com/a.jpg", "not a url", "https://", "file:///etc/passwd",
    "http:///path/only", "samples.clarifai.com/metro-north.jpg", "",
  };
  g_autoptr(AugurInput) image = augur_input_new_image_url (
    "  https://samples.clarifai.com/metro-north.jpg\n");
  g_autoptr(AugurInput) text = augur_input_new_text_url (
    "HTTP://samples.clarifai.com/negative_sentence_12.txt");
  g_autoptr(AugurPayload) image_payload = NULL;
  g_autoptr(AugurPayload) text_payload = NULL;

  g_assert_cmpstr (augur_input_get_label (image), ==,
                   "https://samples.clarifai.com/metro-north.jpg");
  g_assert_true (augur_input_is_image (image));
  g_assert_false (augur_input_is_image (text));

  image_payload = load_ok (image);
  g_assert_cmpint (image_payload->kind, ==, AUGUR_INPUT_IMAGE_URL);
  g_assert_cmpstr (image_payload->url, ==, "https://samples.clarifai.com/metro-north.jpg");
  text_payload = load_ok (text);
  g_assert_cmpint (text_payload->kind, ==, AUGUR_INPUT_TEXT_URL);
  g_assert_cmpstr (text_payload->url, ==, "HTTP://samples.clarifai.com/negative_sentence_12.txt");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(AugurInput) input = augur_input_new_image_url (bad[i]);
      g_autofree char *message = load_error (input, AUGUR_ERROR_BAD_INPUT);

      g_test_message ("%s: %s", bad[i], message);
      g_assert_nonnull (strstr (message, "http://"));
    }
}

static void
test_text (void)
{
  g_autoptr(AugurInput) input = augur_input_new_text ("I love your product very much");
  g_autoptr(AugurInput) long_input = augur_input_new_text (
    "  First line of a review\nthat goes on\tand on for much longer than forty characters");
  g_autoptr(AugurInput) blank = augur_input_new_text (" \n\t ");
  g_autoptr(AugurPayload) payload = NULL;
  g_autofree char *message = NULL;
  const char *label;

  g_assert_cmpstr (augur_input_get_label (input), ==, "I love your product very much");
  g_assert_false (augur_input_is_image (input));
  payload = load_ok (input);
  g_assert_cmpint (payload->kind, ==, AUGUR_INPUT_TEXT);
  g_assert_cmpstr (payload->text, ==, "I love your product very much");

  label = augur_input_get_label (long_input);
  g_assert_cmpstr (label, ==, "First line of a review that goes on and…");
  g_assert_null (strchr (label, '\n'));

  message = load_error (blank, AUGUR_ERROR_BAD_INPUT);
  g_assert_cmpstr (message, ==, "The text is empty: type something for the model to read");
}

static void
test_cancelled (void)
{
  g_autoptr(GFile) file = write_file ("tiny.png", tiny_png, sizeof tiny_png);
  g_autoptr(AugurInput) input = augur_input_new_file (file);
  g_autoptr(AugurInput) text = augur_input_new_text ("hello");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) text_error = NULL;
  g_autoptr(AugurPayload) payload = NULL;
  g_autoptr(AugurPayload) text_payload = NULL;

  g_cancellable_cancel (cancellable);
  payload = augur_input_load (input, cancellable, &error);
  g_assert_null (payload);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  text_payload = augur_input_load (text, cancellable, &text_error);
  g_assert_null (text_payload);
  g_assert_error (text_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Several worker threads load the same input at once. */
static gpointer
load_in_thread (gpointer data)
{
  return augur_input_load (data, NULL, NULL);
}

static void
test_threads (void)
{
  g_autoptr(GBytes) jpeg = fixture_jpeg ();
  g_autoptr(GFile) file = write_file ("photo.jpg", g_bytes_get_data (jpeg, NULL),
                                      g_bytes_get_size (jpeg));
  g_autoptr(AugurInput) input = augur_input_new_file (file);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("load", load_in_thread, input);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(AugurPayload) payload = g_thread_join (threads[i]);

      g_assert_nonnull (payload);
      g_assert_cmpuint (payload->width, ==, 40);
    }
}

/* What a comparison or an export names an input by: the whole of what the user gave. */
static void
test_description (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/photos/cat.png");
  g_autoptr(AugurInput) from_file = augur_input_new_file (file);
  g_autoptr(AugurInput) from_url = augur_input_new_image_url ("https://example.com/a.jpg");
  g_autofree char *long_text = g_strnfill (300, 'w');
  g_autoptr(AugurInput) from_text = augur_input_new_text (long_text);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr(AugurInput) pasted = augur_input_new_bytes (bytes, "Pasted image");
  g_autofree char *a = augur_input_dup_description (from_file);
  g_autofree char *b = augur_input_dup_description (from_url);
  g_autofree char *c = augur_input_dup_description (from_text);
  g_autofree char *d = augur_input_dup_description (pasted);

  g_assert_cmpstr (a, ==, "/tmp/photos/cat.png");
  g_assert_cmpstr (b, ==, "https://example.com/a.jpg");
  /* Not shortened, unlike the label. */
  g_assert_cmpstr (c, ==, long_text);
  g_assert_cmpuint (strlen (augur_input_get_label (from_text)), <, 300);
  g_assert_cmpstr (d, ==, "Pasted image");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/input/sniff/png", test_sniff_png);
  g_test_add_func ("/input/sniff/gif", test_sniff_gif);
  g_test_add_func ("/input/sniff/bmp", test_sniff_bmp);
  g_test_add_func ("/input/sniff/webp", test_sniff_webp);
  g_test_add_func ("/input/sniff/jpeg", test_sniff_jpeg);
  g_test_add_func ("/input/sniff/tiff", test_sniff_tiff);
  g_test_add_func ("/input/sniff/unknown", test_sniff_unknown);
  g_test_add_func ("/input/file/too-big", test_file_too_big);
  g_test_add_func ("/input/file/too-many-pixels", test_too_many_pixels);
  g_test_add_func ("/input/file/unreadable", test_unreadable);
  g_test_add_func ("/input/file/empty", test_empty);
  g_test_add_func ("/input/file/not-an-image", test_not_an_image);
  g_test_add_func ("/input/file/text", test_text_file);
  g_test_add_func ("/input/bytes", test_bytes);
  g_test_add_func ("/input/url", test_urls);
  g_test_add_func ("/input/text", test_text);
  g_test_add_func ("/input/cancelled", test_cancelled);
  g_test_add_func ("/input/threads", test_threads);
  g_test_add_func ("/input/description", test_description);

  return g_test_run ();
}
