/* augur-thumbnail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-thumbnail"

#include <glib/gi18n.h>

#include "augur-thumbnail.h"

#define READ_CHUNK_SIZE (64 * 1024)

typedef struct
{
  GFile  *file;      /* (owned) (nullable) for file inputs */
  GBytes *bytes;     /* (owned) (nullable) for in-memory inputs */
  char   *label;     /* (owned) what error messages call the input */
  guint   max_size;
} ThumbnailData;

static void
thumbnail_data_free (ThumbnailData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->label, g_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThumbnailData, thumbnail_data_free)

/* Only ever scales down: a small image stays sharp rather than being blown up. */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  guint max_size = GPOINTER_TO_UINT (user_data);
  double scale;

  if (max_size == 0 || (guint) MAX (width, height) <= max_size)
    return;

  scale = (double) max_size / MAX (width, height);
  gdk_pixbuf_loader_set_size (loader,
                              MAX (1, (int) (width * scale + 0.5)),
                              MAX (1, (int) (height * scale + 0.5)));
}

static void
set_not_an_image (const ThumbnailData  *data,
                  const GError         *cause,
                  GError              **error)
{
  g_debug ("Could not decode %s: %s", data->label, cause ? cause->message : "no image");
  g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
               /* Translators: %s is a file name, e.g. "notes.pdf is not an image …" */
               _("%s is not an image Augur can show"), data->label);
}

static gboolean
check_size (const ThumbnailData  *data,
            guint64               size,
            GError              **error)
{
  g_autofree char *size_str = NULL;

  if (size <= AUGUR_MAX_INPUT_BYTES)
    return TRUE;

  size_str = g_format_size (size);
  g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
               /* Translators: "photo.jpg is 24.1 MB, over the 20 MB limit" */
               _("%s is %s, over the 20 MB limit"), data->label, size_str);
  return FALSE;
}

/* Feeds the loader chunk by chunk, so a file is never held in memory whole. */
static gboolean
feed_stream (GdkPixbufLoader  *loader,
             GInputStream     *stream,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autofree guint8 *buffer = g_malloc (READ_CHUNK_SIZE);

  for (;;)
    {
      gssize n_read = g_input_stream_read (stream, buffer, READ_CHUNK_SIZE, cancellable, error);

      if (n_read < 0)
        return FALSE;
      if (n_read == 0)
        return TRUE;
      if (!gdk_pixbuf_loader_write (loader, buffer, n_read, error))
        return FALSE;
    }
}

static gboolean
open_file (const ThumbnailData  *data,
           GCancellable         *cancellable,
           GFileInputStream    **out_stream,
           GError              **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (data->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && !check_size (data, (guint64) g_file_info_get_size (info), error))
    return FALSE;

  if (local_error == NULL)
    *out_stream = g_file_read (data->file, cancellable, &local_error);

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT,
                     /* Translators: "photo.jpg could not be read: No such file or directory" */
                     _("%s could not be read: %s"), data->label, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Writes the input into @loader. Read errors are reported as they are; decode errors come
 * back in @decode_error so the caller can turn them into "not an image". */
static gboolean
load_into (const ThumbnailData  *data,
           GdkPixbufLoader      *loader,
           GCancellable         *cancellable,
           GError              **decode_error,
           GError              **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  if (data->bytes != NULL)
    {
      if (!check_size (data, g_bytes_get_size (data->bytes), error))
        return FALSE;
      return gdk_pixbuf_loader_write_bytes (loader, data->bytes, decode_error);
    }

  if (!open_file (data, cancellable, &stream, error))
    return FALSE;

  if (!feed_stream (loader, G_INPUT_STREAM (stream), cancellable, &local_error))
    {
      if (local_error->domain == G_IO_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_propagate_error (decode_error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static GdkPixbuf *
decode (const ThumbnailData  *data,
        GCancellable         *cancellable,
        GError              **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) decode_error = NULL;
  g_autoptr(GError) close_error = NULL;
  gboolean written;
  gboolean closed;
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb),
                    GUINT_TO_POINTER (data->max_size));

  written = load_into (data, loader, cancellable, &decode_error, error);
  /* Always closed: a loader finalized while open warns, and warnings abort tests. */
  closed = gdk_pixbuf_loader_close (loader, &close_error);

  /* A read error is already in @error, and is not about the format. */
  if (!written && decode_error == NULL)
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (!written || !closed || pixbuf == NULL)
    {
      set_not_an_image (data, decode_error != NULL ? decode_error : close_error, error);
      return NULL;
    }

  /* Phone photos are often stored sideways with an EXIF tag saying so. */
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ThumbnailData *data = task_data;
  GError *error = NULL;
  GdkPixbuf *pixbuf;

  if (g_task_return_error_if_cancelled (task))
    return;

  pixbuf = decode (data, cancellable, &error);
  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pixbuf, g_object_unref);
}

static ThumbnailData *
thumbnail_data_new (AugurInput *input,
                    guint       max_size)
{
  ThumbnailData *data = g_new0 (ThumbnailData, 1);

  data->label = g_strdup (augur_input_get_label (input));
  data->max_size = max_size;

  if (augur_input_get_kind (input) == AUGUR_INPUT_FILE)
    data->file = g_object_ref (augur_input_get_file (input));
  else if (augur_input_get_kind (input) == AUGUR_INPUT_BYTES)
    data->bytes = g_bytes_ref (augur_input_get_bytes (input));

  return data;
}

/**
 * augur_thumbnail_load_async:
 * @input: a file or bytes input; URL and text inputs fail with %G_IO_ERROR_NOT_SUPPORTED
 * @max_size: longest side in pixels (images are only scaled down); 0 for full size
 *
 * Decodes @input in a worker thread. The callback runs in the calling thread's main context.
 */
void
augur_thumbnail_load_async (AugurInput          *input,
                            guint                max_size,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(ThumbnailData) data = NULL;

  g_return_if_fail (AUGUR_IS_INPUT (input));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_thumbnail_load_async);

  data = thumbnail_data_new (input, max_size);
  if (data->file == NULL && data->bytes == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               /* Translators: %s is a URL or the start of a text */
                               _("%s is not a local image"), data->label);
      return;
    }

  g_task_set_task_data (task, g_steal_pointer (&data), (GDestroyNotify) thumbnail_data_free);
  augur_worker_run (task, load_thread);
}

/**
 * augur_thumbnail_load_finish:
 *
 * Returns: (transfer full): the decoded image, or %NULL with @error set
 */
GdkTexture *
augur_thumbnail_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_thumbnail_load_async,
                        NULL);

  pixbuf = g_task_propagate_pointer (G_TASK (result), error);
  if (pixbuf == NULL)
    return NULL;

  return gdk_texture_new_for_pixbuf (pixbuf);
}
