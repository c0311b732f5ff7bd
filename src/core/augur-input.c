/* augur-input.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-input"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "augur-error.h"
#include "augur-input.h"

#define LABEL_MAX_CHARS 40

struct _AugurInput
{
  GObject         parent_instance;

  AugurInputKind  kind;
  char           *label;  /* (owned) */
  GFile          *file;   /* (owned) (nullable) */
  GBytes         *bytes;  /* (owned) (nullable) */
  char           *url;    /* (owned) (nullable) */
  char           *text;   /* (owned) (nullable) */
  char           *prompt; /* (owned) (nullable) text sent along with an image */

  /* Set from a worker thread once a file turned out to be text. */
  gint            file_is_text;
};

G_DEFINE_FINAL_TYPE (AugurInput, augur_input, G_TYPE_OBJECT)

static void
augur_input_finalize (GObject *object)
{
  AugurInput *self = AUGUR_INPUT (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->prompt, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (augur_input_parent_class)->finalize (object);
}

static void
augur_input_class_init (AugurInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = augur_input_finalize;
}

static void
augur_input_init (AugurInput *self)
{
}

/* Labels -------------------------------------------------------------------------------- */

static char *
label_for_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);
  return g_filename_display_name (basename);
}

/* The first few characters of @text on one line, ellipsised when cut. */
static char *
label_for_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) label = g_string_new (NULL);
  gboolean pending_space = FALSE;
  guint n_chars = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = label->len > 0;
          continue;
        }
      if (n_chars + (pending_space ? 1 : 0) >= LABEL_MAX_CHARS)
        {
          g_string_append (label, "…");
          break;
        }
      if (pending_space)
        {
          g_string_append_c (label, ' ');
          n_chars++;
          pending_space = FALSE;
        }
      g_string_append_unichar (label, c);
      n_chars++;
    }

  return g_string_free (g_steal_pointer (&label), FALSE);
}

/* Constructors ----------------------------------------------------------------------------- */

static AugurInput *
input_new (AugurInputKind  kind,
           char           *label)
{
  AugurInput *self = g_object_new (AUGUR_TYPE_INPUT, NULL);

  self->kind = kind;
  self->label = label;
  return self;
}

/**
 * augur_input_new_file:
 * @file: a local (or GVfs) file; nothing is read until augur_input_load()
 *
 * Returns: (transfer full): an input labelled with the file's name
 */
AugurInput *
augur_input_new_file (GFile *file)
{
  AugurInput *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = input_new (AUGUR_INPUT_FILE, label_for_file (file));
  self->file = g_object_ref (file);
  return self;
}

/**
 * augur_input_new_bytes:
 * @bytes: image data
 * @label: (nullable): what to call it; %NULL for "Pasted image"
 *
 * Returns: (transfer full): a new input
 */
AugurInput *
augur_input_new_bytes (GBytes     *bytes,
                       const char *label)
{
  AugurInput *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = input_new (AUGUR_INPUT_BYTES,
                    g_strdup (label != NULL && *label != '\0' ? label : _("Pasted image")));
  self->bytes = g_bytes_ref (bytes);
  return self;
}

static AugurInput *
input_new_url (AugurInputKind  kind,
               const char     *url)
{
  g_autofree char *stripped = g_strstrip (g_strdup (url));
  AugurInput *self = input_new (kind, g_strdup (stripped));

  self->url = g_steal_pointer (&stripped);
  return self;
}

/**
 * augur_input_new_image_url:
 * @url: an http(s) address; checked by augur_input_load()
 *
 * Returns: (transfer full): a new input labelled with @url
 */
AugurInput *
augur_input_new_image_url (const char *url)
{
  g_return_val_if_fail (url != NULL, NULL);
  return input_new_url (AUGUR_INPUT_IMAGE_URL, url);
}

/**
 * augur_input_new_text_url:
 * @url: an http(s) address of a text file; checked by augur_input_load()
 *
 * Returns: (transfer full): a new input labelled with @url
 */
AugurInput *
augur_input_new_text_url (const char *url)
{
  g_return_val_if_fail (url != NULL, NULL);
  return input_new_url (AUGUR_INPUT_TEXT_URL, url);
}

/**
 * augur_input_new_text:
 * @text: the raw text to send
 *
 * Returns: (transfer full): a new input labelled with the start of @text
 */
AugurInput *
augur_input_new_text (const char *text)
{
  AugurInput *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = input_new (AUGUR_INPUT_TEXT, label_for_text (text));
  self->text = g_strdup (text);
  return self;
}

/* Getters ---------------------------------------------------------------------------------- */

AugurInputKind
augur_input_get_kind (AugurInput *self)
{
  g_return_val_if_fail (AUGUR_IS_INPUT (self), AUGUR_INPUT_FILE);
  return self->kind;
}

const char *
augur_input_get_label (AugurInput *self)
{
  g_return_val_if_fail (AUGUR_IS_INPUT (self), NULL);
  return self->label;
}

/* Returns: (transfer none) (nullable) */
GFile *
augur_input_get_file (AugurInput *self)
{
  g_return_val_if_fail (AUGUR_IS_INPUT (self), NULL);
  return self->file;
}

/* Returns: (transfer none) (nullable) */
GBytes *
augur_input_get_bytes (AugurInput *self)
{
  g_return_val_if_fail (AUGUR_IS_INPUT (self), NULL);
  return self->bytes;
}

const char *
augur_input_get_url (AugurInput *self)
{
  g_return_val_if_fail (AUGUR_IS_INPUT (self), NULL);
  return self->url;
}

const char *
augur_input_get_text (AugurInput *self)
{
  g_return_val_if_fail (AUGUR_IS_INPUT (self), NULL);
  return self->text;
}

/**
 * augur_input_dup_description:
 *
 * What the user gave, in full: a file's path (its parse name), a URL, the text itself, or the
 * label of pasted data. Unlike augur_input_get_label(), text is not shortened.
 *
 * Returns: (transfer full) (nullable): the description
 */
char *
augur_input_dup_description (AugurInput *self)
{
  g_return_val_if_fail (AUGUR_IS_INPUT (self), NULL);

  switch (self->kind)
    {
    case AUGUR_INPUT_FILE:
      return g_file_get_parse_name (self->file);
    case AUGUR_INPUT_IMAGE_URL:
    case AUGUR_INPUT_TEXT_URL:
      return g_strdup (self->url);
    case AUGUR_INPUT_TEXT:
      return g_strdup (self->text);
    case AUGUR_INPUT_BYTES:
    default:
      return g_strdup (self->label);
    }
}

/**
 * augur_input_is_image:
 *
 * Returns: whether the input is (or, for a file not loaded yet, is assumed to be) an image
 */
gboolean
augur_input_is_image (AugurInput *self)
{
  g_return_val_if_fail (AUGUR_IS_INPUT (self), FALSE);

  switch (self->kind)
    {
    case AUGUR_INPUT_FILE:
      return !g_atomic_int_get (&self->file_is_text);
    case AUGUR_INPUT_BYTES:
    case AUGUR_INPUT_IMAGE_URL:
      return TRUE;
    case AUGUR_INPUT_TEXT:
    case AUGUR_INPUT_TEXT_URL:
    default:
      return FALSE;
    }
}

/* Image headers ---------------------------------------------------------------------------- */

static guint
read_be16 (const guint8 *p)
{
  return ((guint) p[0] << 8) | p[1];
}

static guint
read_le16 (const guint8 *p)
{
  return ((guint) p[1] << 8) | p[0];
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint32
read_le32 (const guint8 *p)
{
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

static guint32
read_le24 (const guint8 *p)
{
  return ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

/* A two-byte "BM" alone would catch text files, so also require a known DIB header size. */
static gboolean
looks_like_bmp (const guint8 *data,
                gsize         len)
{
  static const guint32 dib_sizes[] = { 12, 40, 52, 56, 64, 108, 124 };
  guint32 dib_size;

  if (len < 18 || data[0] != 'B' || data[1] != 'M')
    return FALSE;
  dib_size = read_le32 (data + 14);
  for (guint i = 0; i < G_N_ELEMENTS (dib_sizes); i++)
    if (dib_size == dib_sizes[i])
      return TRUE;
  return FALSE;
}

/**
 * augur_image_format_sniff:
 * @data: (array length=len): the start of the file
 *
 * Returns: the image format told by the magic bytes, or %AUGUR_IMAGE_FORMAT_UNKNOWN
 */
AugurImageFormat
augur_image_format_sniff (const guint8 *data,
                          gsize         len)
{
  static const guint8 png_magic[] = { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

  g_return_val_if_fail (data != NULL || len == 0, AUGUR_IMAGE_FORMAT_UNKNOWN);

  if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
    return AUGUR_IMAGE_FORMAT_JPEG;
  if (len >= sizeof png_magic && memcmp (data, png_magic, sizeof png_magic) == 0)
    return AUGUR_IMAGE_FORMAT_PNG;
  if (len >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return AUGUR_IMAGE_FORMAT_GIF;
  if (len >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return AUGUR_IMAGE_FORMAT_WEBP;
  if (len >= 4 && (memcmp (data, "II*\0", 4) == 0 || memcmp (data, "MM\0*", 4) == 0))
    return AUGUR_IMAGE_FORMAT_TIFF;
  if (looks_like_bmp (data, len))
    return AUGUR_IMAGE_FORMAT_BMP;
  return AUGUR_IMAGE_FORMAT_UNKNOWN;
}

const char *
augur_image_format_to_string (AugurImageFormat format)
{
  switch (format)
    {
    case AUGUR_IMAGE_FORMAT_JPEG: return "JPEG";
    case AUGUR_IMAGE_FORMAT_PNG:  return "PNG";
    case AUGUR_IMAGE_FORMAT_GIF:  return "GIF";
    case AUGUR_IMAGE_FORMAT_WEBP: return "WEBP";
    case AUGUR_IMAGE_FORMAT_BMP:  return "BMP";
    case AUGUR_IMAGE_FORMAT_TIFF: return "TIFF";
    case AUGUR_IMAGE_FORMAT_UNKNOWN:
    default:                      return "unknown";
    }
}

static gboolean
read_png_size (const guint8 *data,
               gsize         len,
               guint        *width,
               guint        *height)
{
  if (len < 24 || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;
  *width = read_be32 (data + 16);
  *height = read_be32 (data + 20);
  return TRUE;
}

static gboolean
read_gif_size (const guint8 *data,
               gsize         len,
               guint        *width,
               guint        *height)
{
  if (len < 10)
    return FALSE;
  *width = read_le16 (data + 6);
  *height = read_le16 (data + 8);
  return TRUE;
}

static gboolean
read_bmp_size (const guint8 *data,
               gsize         len,
               guint        *width,
               guint        *height)
{
  gint32 w, h;

  if (len < 26)
    return FALSE;
  if (read_le32 (data + 14) == 12)
    {
      *width = read_le16 (data + 18);
      *height = read_le16 (data + 20);
      return TRUE;
    }
  /* A negative height means rows are stored top-down. */
  w = (gint32) read_le32 (data + 18);
  h = (gint32) read_le32 (data + 22);
  if (w <= 0 || h == G_MININT32)
    return FALSE;
  *width = (guint) w;
  *height = (guint) ABS (h);
  return TRUE;
}

static gboolean
is_jpeg_sof_marker (guint8 marker)
{
  return marker >= 0xC0 && marker <= 0xCF
         && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

static gboolean
read_jpeg_size (const guint8 *data,
                gsize         len,
                guint        *width,
                guint        *height)
{
  gsize i = 2;

  while (i + 4 <= len)
    {
      guint8 marker;
      guint segment_len;

      if (data[i] != 0xFF)
        return FALSE;
      while (i < len && data[i] == 0xFF)
        i++;
      if (i >= len)
        return FALSE;
      marker = data[i++];
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8))
        continue;
      if (marker == 0xD9 || marker == 0xDA || i + 2 > len)
        return FALSE;
      segment_len = read_be16 (data + i);
      if (segment_len < 2)
        return FALSE;
      if (is_jpeg_sof_marker (marker))
        {
          if (i + 7 > len)
            return FALSE;
          *height = read_be16 (data + i + 3);
          *width = read_be16 (data + i + 5);
          return TRUE;
        }
      i += segment_len;
    }
  return FALSE;
}

static gboolean
read_webp_size (const guint8 *data,
                gsize         len,
                guint        *width,
                guint        *height)
{
  if (len < 30)
    return FALSE;
  if (memcmp (data + 12, "VP8 ", 4) == 0)
    {
      if (data[23] != 0x9D || data[24] != 0x01 || data[25] != 0x2A)
        return FALSE;
      *width = read_le16 (data + 26) & 0x3FFF;
      *height = read_le16 (data + 28) & 0x3FFF;
      return TRUE;
    }
  if (memcmp (data + 12, "VP8L", 4) == 0)
    {
      guint32 bits;

      if (data[20] != 0x2F)
        return FALSE;
      bits = read_le32 (data + 21);
      *width = (bits & 0x3FFF) + 1;
      *height = ((bits >> 14) & 0x3FFF) + 1;
      return TRUE;
    }
  if (memcmp (data + 12, "VP8X", 4) == 0)
    {
      *width = read_le24 (data + 24) + 1;
      *height = read_le24 (data + 27) + 1;
      return TRUE;
    }
  return FALSE;
}

/**
 * augur_image_read_size:
 * @data: (array length=len): image data
 * @width: (out) (optional): width in pixels, 0 when unknown
 * @height: (out) (optional): height in pixels, 0 when unknown
 *
 * Reads the size from the header of PNG, GIF, BMP, JPEG and WEBP data. TIFF is not read.
 *
 * Returns: whether the size could be read
 */
gboolean
augur_image_read_size (const guint8 *data,
                       gsize         len,
                       guint        *width,
                       guint        *height)
{
  guint w = 0, h = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  switch (augur_image_format_sniff (data, len))
    {
    case AUGUR_IMAGE_FORMAT_PNG:
      found = read_png_size (data, len, &w, &h);
      break;
    case AUGUR_IMAGE_FORMAT_GIF:
      found = read_gif_size (data, len, &w, &h);
      break;
    case AUGUR_IMAGE_FORMAT_BMP:
      found = read_bmp_size (data, len, &w, &h);
      break;
    case AUGUR_IMAGE_FORMAT_JPEG:
      found = read_jpeg_size (data, len, &w, &h);
      break;
    case AUGUR_IMAGE_FORMAT_WEBP:
      found = read_webp_size (data, len, &w, &h);
      break;
    case AUGUR_IMAGE_FORMAT_TIFF:
    case AUGUR_IMAGE_FORMAT_UNKNOWN:
    default:
      break;
    }

  if (!found)
    w = h = 0;
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return found;
}

/* Loading ---------------------------------------------------------------------------------- */

static AugurPayload *
payload_new (AugurInputKind kind)
{
  AugurPayload *payload = g_new0 (AugurPayload, 1);

  payload->kind = kind;
  return payload;
}

void
augur_payload_free (AugurPayload *payload)
{
  if (payload == NULL)
    return;
  g_free (payload->image_base64);
  g_free (payload->url);
  g_free (payload->text);
  g_free (payload);
}

static gboolean
check_size (const char  *label,
            guint64      size,
            GError     **error)
{
  g_autofree char *size_str = NULL;

  if (size < AUGUR_MAX_INPUT_BYTES)
    return TRUE;

  size_str = g_format_size (size);
  g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
               /* Translators: "photo.jpg is 24.1 MB; …" */
               _("%s is %s; Clarifai accepts files under 20 MB"), label, size_str);
  return FALSE;
}

static gboolean
check_not_empty (const char  *label,
                 gsize        len,
                 GError     **error)
{
  if (len > 0)
    return TRUE;

  g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
               _("%s is empty: there is nothing to send"), label);
  return FALSE;
}

static void
set_not_an_image_error (const char    *label,
                        const guint8  *data,
                        gsize          len,
                        GError       **error)
{
  g_autofree char *content_type = g_content_type_guess (label, data, len, NULL);
  g_autofree char *description = NULL;

  if (content_type != NULL && !g_content_type_is_unknown (content_type))
    description = g_content_type_get_description (content_type);

  if (description != NULL)
    g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                 /* Translators: the last %s describes the file, e.g. "PDF document" */
                 _("%s is not an image Clarifai can read (JPEG, PNG, GIF, WEBP, BMP, TIFF). "
                   "It looks like: %s"), label, description);
  else
    g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                 _("%s is not an image Clarifai can read (JPEG, PNG, GIF, WEBP, BMP, TIFF)"),
                 label);
}

/* Checks the pixel count and encodes the image. Returns NULL (with @error) when refused. */
static AugurPayload *
image_payload_new (const char        *label,
                   const guint8      *data,
                   gsize              len,
                   AugurImageFormat   format,
                   GError           **error)
{
  AugurPayload *payload;
  guint width = 0, height = 0;

  augur_image_read_size (data, len, &width, &height);
  if ((guint64) width * height > AUGUR_MAX_IMAGE_PIXELS)
    {
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                   /* Translators: "big.png is 90.0 megapixels (10000 × 9000); …" */
                   _("%s is %.1f megapixels (%u × %u); Clarifai accepts images of up to "
                     "85 megapixels"),
                   label, (double) width * height / 1e6, width, height);
      return NULL;
    }

  payload = payload_new (AUGUR_INPUT_BYTES);
  payload->image_base64 = g_base64_encode (data, len);
  payload->format = format;
  payload->width = width;
  payload->height = height;
  payload->n_bytes = len;
  return payload;
}

static gboolean
has_text_extension (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".txt")
         || g_str_has_suffix (lower, ".csv")
         || g_str_has_suffix (lower, ".tsv");
}

/* Plain text, CSV and TSV files are sent as raw text. */
static gboolean
looks_like_text_file (const char   *name,
                      const guint8 *data,
                      gsize         len)
{
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;

  /* g_utf8_validate() with a length also refuses NUL bytes. */
  if (!g_utf8_validate ((const char *) data, len, NULL))
    return FALSE;
  if (has_text_extension (name))
    return TRUE;

  content_type = g_content_type_guess (name, data, len, NULL);
  mime_type = g_content_type_get_mime_type (content_type);
  return mime_type != NULL && g_str_has_prefix (mime_type, "text/");
}

static AugurPayload *
payload_from_data (const char    *label,
                   const guint8  *data,
                   gsize          len,
                   gboolean       text_allowed,
                   GError       **error)
{
  AugurImageFormat format;
  AugurPayload *payload;

  if (!check_not_empty (label, len, error) || !check_size (label, len, error))
    return NULL;

  format = augur_image_format_sniff (data, len);
  if (format != AUGUR_IMAGE_FORMAT_UNKNOWN)
    return image_payload_new (label, data, len, format, error);

  if (text_allowed && looks_like_text_file (label, data, len))
    {
      payload = payload_new (AUGUR_INPUT_TEXT);
      payload->text = g_strndup ((const char *) data, len);
      payload->n_bytes = len;
      return payload;
    }

  set_not_an_image_error (label, data, len, error);
  return NULL;
}

/* GIO messages repeat the whole path; say the common reasons more simply. */
static const char *
describe_io_error (GError *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("the file does not exist");
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("you do not have permission to read it");
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("it is a folder");
  return io_error->message;
}

static void
set_unreadable_error (const char  *label,
                      GError      *io_error,
                      GError     **error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (io_error));
      return;
    }
  g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
               /* Translators: "Could not read photo.jpg: the file does not exist" */
               _("Could not read %s: %s"), label, describe_io_error (io_error));
}

/* Folders and devices are refused: reading /dev/zero would never end. */
static gboolean
check_file_info (const char  *label,
                 GFileInfo   *info,
                 GError     **error)
{
  GFileType type = G_FILE_TYPE_UNKNOWN;

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE))
    type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                   _("%s is a folder, not a file"), label);
      return FALSE;
    }
  if (type == G_FILE_TYPE_SPECIAL)
    {
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                   _("%s is not a regular file"), label);
      return FALSE;
    }
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    return check_size (label, (guint64) g_file_info_get_size (info), error);
  return TRUE;
}

static AugurPayload *
load_file (AugurInput    *self,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  AugurPayload *payload;
  gsize len = 0;

  /* Refuse huge files before reading a single byte of them. */
  info = g_file_query_info (self->file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_debug ("Querying an input file failed: %s", local_error->message);
      set_unreadable_error (self->label, local_error, error);
      return NULL;
    }
  if (!check_file_info (self->label, info, error))
    return NULL;

  if (!g_file_load_contents (self->file, cancellable, &contents, &len, NULL, &local_error))
    {
      g_debug ("Reading an input file failed: %s", local_error->message);
      set_unreadable_error (self->label, local_error, error);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  payload = payload_from_data (self->label, (const guint8 *) contents, len, TRUE, error);
  if (payload != NULL && payload->kind == AUGUR_INPUT_TEXT)
    g_atomic_int_set (&self->file_is_text, TRUE);
  return payload;
}

static AugurPayload *
load_bytes (AugurInput  *self,
            GError     **error)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (self->bytes, &len);

  return payload_from_data (self->label, data, len, FALSE, error);
}

static gboolean
is_web_address (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme, *host;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
         && host != NULL && *host != '\0';
}

static AugurPayload *
load_url (AugurInput  *self,
          GError     **error)
{
  AugurPayload *payload;

  if (!is_web_address (self->url))
    {
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                   _("“%s” is not a web address Clarifai can fetch: it must start with "
                     "http:// or https:// and name a server"), self->url);
      return NULL;
    }

  payload = payload_new (self->kind);
  payload->url = g_strdup (self->url);
  payload->n_bytes = strlen (self->url);
  return payload;
}

static AugurPayload *
load_text (AugurInput  *self,
           GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (self->text));
  gsize len = strlen (self->text);
  AugurPayload *payload;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                           _("The text is empty: type something for the model to read"));
      return NULL;
    }
  if (!g_utf8_validate (self->text, len, NULL))
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                           _("The text contains characters that are not valid UTF-8"));
      return NULL;
    }
  if (len >= AUGUR_MAX_INPUT_BYTES)
    {
      g_autofree char *size_str = g_format_size (len);

      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                   _("The text is %s; Clarifai accepts text under 20 MB"), size_str);
      return NULL;
    }

  payload = payload_new (AUGUR_INPUT_TEXT);
  payload->text = g_strdup (self->text);
  payload->n_bytes = len;
  return payload;
}

/**
 * augur_input_load:
 * @cancellable: (nullable): cancels reading a file
 *
 * Reads and checks the input, and encodes images as base64. Blocking: call it from a
 * worker thread. Safe to call from several threads at once.
 *
 * Returns: (transfer full): the payload, or %NULL with an %AUGUR_ERROR_BAD_INPUT error (or
 *   %G_IO_ERROR_CANCELLED) whose message names the input and says what is wrong
 */
static AugurPayload *
load_data (AugurInput    *self,
           GCancellable  *cancellable,
           GError       **error)
{
  switch (self->kind)
    {
    case AUGUR_INPUT_FILE:
      return load_file (self, cancellable, error);
    case AUGUR_INPUT_BYTES:
      return load_bytes (self, error);
    case AUGUR_INPUT_IMAGE_URL:
    case AUGUR_INPUT_TEXT_URL:
      return load_url (self, error);
    case AUGUR_INPUT_TEXT:
      return load_text (self, error);
    default:
      g_assert_not_reached ();
    }
}

AugurPayload *
augur_input_load (AugurInput    *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  AugurPayload *payload;

  g_return_val_if_fail (AUGUR_IS_INPUT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  payload = load_data (self, cancellable, error);
  /* A prompt rides along with an image (multimodal models): request building sends both. */
  if (payload != NULL && self->prompt != NULL && payload->text == NULL &&
      (payload->kind == AUGUR_INPUT_BYTES || payload->kind == AUGUR_INPUT_IMAGE_URL))
    payload->text = g_strdup (self->prompt);
  return payload;
}

/**
 * augur_input_with_prompt:
 * @prompt: text to send with the image, for multimodal models
 *
 * Inputs are immutable (worker threads read them), so this makes a new input with the same
 * image and label, plus @prompt.
 *
 * Returns: (transfer full): a new input
 */
AugurInput *
augur_input_with_prompt (AugurInput *self,
                         const char *prompt)
{
  AugurInput *copy;

  g_return_val_if_fail (AUGUR_IS_INPUT (self), NULL);

  copy = g_object_new (AUGUR_TYPE_INPUT, NULL);
  copy->kind = self->kind;
  copy->label = g_strdup (self->label);
  copy->file = self->file ? g_object_ref (self->file) : NULL;
  copy->bytes = self->bytes ? g_bytes_ref (self->bytes) : NULL;
  copy->url = g_strdup (self->url);
  copy->text = g_strdup (self->text);
  copy->prompt = g_strdup (prompt);
  return copy;
}

const char *
augur_input_get_prompt (AugurInput *self)
{
  g_return_val_if_fail (AUGUR_IS_INPUT (self), NULL);
  return self->prompt;
}

gboolean
augur_text_is_http_url (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);
  return g_ascii_strncasecmp (text, "http://", 7) == 0 ||
         g_ascii_strncasecmp (text, "https://", 8) == 0;
}
