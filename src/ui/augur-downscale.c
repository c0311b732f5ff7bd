/* augur-downscale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-downscale"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "augur-downscale.h"

#define JPEG_QUALITY "90"

typedef struct
{
  guint    longest_side;
  gboolean too_big;
} SizeRequest;

/* Scales the decoded size so that its longest side is the limit, keeping the aspect. */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  SizeRequest     *request)
{
  int longest = MAX (width, height);

  request->too_big = longest > (int) request->longest_side;
  if (!request->too_big)
    return;

  if (width >= height)
    gdk_pixbuf_loader_set_size (loader, request->longest_side,
                                MAX (1, (int) ((gint64) height * request->longest_side / width)));
  else
    gdk_pixbuf_loader_set_size (loader,
                                MAX (1, (int) ((gint64) width * request->longest_side / height)),
                                request->longest_side);
}

/* (transfer full) (nullable): @data at the reduced size, upright; NULL when it fits. */
static GdkPixbuf *
decode_reduced (const guint8  *data,
                gsize          len,
                guint          longest_side,
                GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  SizeRequest request = { longest_side, FALSE };
  gboolean written;
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &request);
  written = gdk_pixbuf_loader_write (loader, data, len, error);
  if (!gdk_pixbuf_loader_close (loader, written ? error : NULL) || !written)
    return NULL;
  if (!request.too_big)
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_FAILED, "No image decoded");
      return NULL;
    }
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

static gboolean
encode (GdkPixbuf         *pixbuf,
        char             **buffer,
        gsize             *len,
        AugurImageFormat  *format,
        GError           **error)
{
  if (gdk_pixbuf_get_has_alpha (pixbuf))
    {
      *format = AUGUR_IMAGE_FORMAT_PNG;
      return gdk_pixbuf_save_to_buffer (pixbuf, buffer, len, "png", error, NULL);
    }
  *format = AUGUR_IMAGE_FORMAT_JPEG;
  return gdk_pixbuf_save_to_buffer (pixbuf, buffer, len, "jpeg", error,
                                    "quality", JPEG_QUALITY, NULL);
}

static gboolean
fits (AugurPayload *payload,
      guint         longest_side)
{
  return payload->width != 0 && payload->height != 0 &&
         MAX (payload->width, payload->height) <= longest_side;
}

AugurPayload *
augur_downscale_payload (AugurPayload  *payload,
                         gpointer       user_data,
                         GError       **error)
{
  guint longest_side = GPOINTER_TO_UINT (user_data);
  g_autofree guint8 *data = NULL;
  g_autofree char *encoded = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  AugurImageFormat format;
  gsize len = 0;

  if (payload->kind != AUGUR_INPUT_BYTES || payload->image_base64 == NULL ||
      longest_side == 0 || fits (payload, longest_side))
    return payload;

  data = g_base64_decode (payload->image_base64, &len);
  pixbuf = decode_reduced (data, len, longest_side, &local_error);
  if (pixbuf == NULL)
    {
      if (local_error != NULL)
        g_debug ("Sending an image as it is, since it could not be decoded: %s",
                 local_error->message);
      return payload;
    }

  if (!encode (pixbuf, &encoded, &len, &format, &local_error))
    {
      g_debug ("Sending an image as it is, since it could not be encoded: %s",
               local_error->message);
      return payload;
    }

  g_free (payload->image_base64);
  payload->image_base64 = g_base64_encode ((const guint8 *) encoded, len);
  payload->n_bytes = len;
  payload->format = format;
  payload->width = (guint) gdk_pixbuf_get_width (pixbuf);
  payload->height = (guint) gdk_pixbuf_get_height (pixbuf);
  return payload;
}

void
augur_downscale_setup_batch (AugurBatch *batch,
                             guint       longest_side)
{
  g_return_if_fail (AUGUR_IS_BATCH (batch));

  if (longest_side != 0)
    augur_batch_set_payload_transform (batch, augur_downscale_payload,
                                       GUINT_TO_POINTER (longest_side), NULL);
}

void
augur_downscale_setup_batch_from_settings (AugurBatch *batch,
                                           GSettings  *settings)
{
  g_return_if_fail (G_IS_SETTINGS (settings));

  augur_downscale_setup_batch (batch, g_settings_get_uint (settings, "downscale-longest-side"));
}
