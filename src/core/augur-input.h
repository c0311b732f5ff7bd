/* augur-input.h: one thing to predict on (file, bytes, URL, text) and its loaded payload.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

/* Documented limits: images < 20 MB and <= 85 megapixels; text < 20 MB. */
#define AUGUR_MAX_INPUT_BYTES   (20 * 1000 * 1000)
#define AUGUR_MAX_IMAGE_PIXELS  (85 * 1000 * 1000)

typedef enum {
  AUGUR_INPUT_FILE,        /* a local file: an image, or plain text */
  AUGUR_INPUT_BYTES,       /* image data in memory (pasted, dragged from a browser) */
  AUGUR_INPUT_IMAGE_URL,
  AUGUR_INPUT_TEXT,
  AUGUR_INPUT_TEXT_URL,
} AugurInputKind;

typedef enum {
  AUGUR_IMAGE_FORMAT_UNKNOWN,
  AUGUR_IMAGE_FORMAT_JPEG,
  AUGUR_IMAGE_FORMAT_PNG,
  AUGUR_IMAGE_FORMAT_GIF,
  AUGUR_IMAGE_FORMAT_WEBP,
  AUGUR_IMAGE_FORMAT_BMP,
  AUGUR_IMAGE_FORMAT_TIFF,
} AugurImageFormat;

/**
 * AugurPayload:
 * What goes on the wire for one input, made by augur_input_load() in a worker thread.
 * @kind: %AUGUR_INPUT_BYTES for image data (from a file or memory), %AUGUR_INPUT_TEXT for
 *   raw text (typed, or a text file), or one of the URL kinds
 * @image_base64: (nullable): base64 of the image bytes
 * @url: (nullable): image or text URL
 * @text: (nullable): raw text
 * @format: sniffed image format
 * @width: (optional): image width in pixels when the header tells, else 0
 * @height: (optional): image height in pixels when the header tells, else 0
 * @n_bytes: size of the raw data (before base64)
 */
struct _AugurPayload
{
  AugurInputKind    kind;
  char             *image_base64;
  char             *url;
  char             *text;
  AugurImageFormat  format;
  guint             width;
  guint             height;
  gsize             n_bytes;
};

#define AUGUR_TYPE_INPUT (augur_input_get_type ())
G_DECLARE_FINAL_TYPE (AugurInput, augur_input, AUGUR, INPUT, GObject)

AugurInput      *augur_input_new_file       (GFile         *file);
AugurInput      *augur_input_new_bytes      (GBytes        *bytes,
                                             const char    *label);
AugurInput      *augur_input_new_image_url  (const char    *url);
AugurInput      *augur_input_new_text       (const char    *text);
AugurInput      *augur_input_new_text_url   (const char    *url);

AugurInputKind   augur_input_get_kind       (AugurInput    *self);
const char      *augur_input_get_label      (AugurInput    *self);
GFile           *augur_input_get_file       (AugurInput    *self);
GBytes          *augur_input_get_bytes      (AugurInput    *self);
const char      *augur_input_get_url        (AugurInput    *self);
const char      *augur_input_get_text       (AugurInput    *self);
gboolean         augur_input_is_image       (AugurInput    *self);
/* (transfer full): the path, URL, whole text or pasted data's label the input came from. */
char            *augur_input_dup_description (AugurInput   *self);
/* Whether @text starts with an http or https scheme (any case): worth trying as a URL. */
gboolean         augur_text_is_http_url     (const char    *text);
AugurInput      *augur_input_with_prompt    (AugurInput    *self,
                                             const char    *prompt);
const char      *augur_input_get_prompt     (AugurInput    *self);

AugurPayload    *augur_input_load           (AugurInput    *self,
                                             GCancellable  *cancellable,
                                             GError       **error);

void             augur_payload_free         (AugurPayload  *payload);

AugurImageFormat augur_image_format_sniff   (const guint8  *data,
                                             gsize          len);
const char      *augur_image_format_to_string (AugurImageFormat format);
gboolean         augur_image_read_size      (const guint8  *data,
                                             gsize          len,
                                             guint         *width,
                                             guint         *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurPayload, augur_payload_free)

G_END_DECLS
