/* augur-input-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-input-scan"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "augur-input.h"
#include "augur-input-scan.h"
#include "augur-worker.h"

#define SCAN_ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_NAME "," \
                        G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN "," \
                        G_FILE_ATTRIBUTE_ID_FILE

/* Enough for GIO to tell text from binary; image signatures need far less. */
#define SNIFF_BYTES 256

struct _AugurInputScan
{
  AugurScanResult *result;      /* (owned) */
  GHashTable      *seen;        /* (owned) URIs, URLs and texts already taken */
  GHashTable      *walking;     /* (owned) file ids of the folders being walked */
  AugurScanFlags   flags;
  GCancellable    *cancellable; /* (owned) (nullable) */
};

static void
skipped_file_free (AugurSkippedFile *skipped)
{
  g_free (skipped->path);
  g_free (skipped->reason);
  g_free (skipped);
}

void
augur_scan_result_free (AugurScanResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->inputs);
  g_ptr_array_unref (result->skipped);
  g_free (result);
}

static void
skip (AugurInputScan *scan,
      GFile          *file,
      AugurSkipKind   kind,
      const char     *reason)
{
  AugurSkippedFile *skipped = g_new0 (AugurSkippedFile, 1);

  skipped->path = g_file_get_parse_name (file);
  skipped->reason = g_strdup (reason);
  skipped->kind = kind;
  g_ptr_array_add (scan->result->skipped, skipped);
}

static void
skip_unreadable (AugurInputScan *scan,
                 GFile          *file,
                 const GError   *error)
{
  /* Translators: %s says what went wrong, e.g. "Permission denied" */
  g_autofree char *reason = g_strdup_printf (_("unreadable: %s"), error->message);

  skip (scan, file, AUGUR_SKIP_UNREADABLE, reason);
}

static gboolean
content_type_is_wanted (AugurInputScan *scan,
                        const char     *type)
{
  g_autofree char *mime = g_content_type_get_mime_type (type);

  if (mime != NULL && g_str_has_prefix (mime, "image/"))
    return TRUE;
  return (scan->flags & AUGUR_SCAN_TEXT_FILES) != 0 && g_content_type_is_a (type, "text/plain");
}

/* In folders, only images (and, when asked, text files) are taken: a folder of photos often
 * holds sidecar files. The name decides when the MIME database knows it; otherwise the first
 * bytes do: an image format we know, or what GIO sniffs. */
static gboolean
looks_wanted (AugurInputScan *scan,
              GFile          *file,
              const char     *name)
{
  g_autofree char *type = g_content_type_guess (name, NULL, 0, NULL);
  g_autofree char *sniffed = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  guint8 head[SNIFF_BYTES];
  gsize n = 0;

  if (content_type_is_wanted (scan, type))
    return TRUE;
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, NULL, NULL) ||
      n == 0)
    return FALSE;
  if (augur_image_format_sniff (head, n) != AUGUR_IMAGE_FORMAT_UNKNOWN)
    return TRUE;
  if ((scan->flags & AUGUR_SCAN_TEXT_FILES) == 0)
    return FALSE;
  sniffed = g_content_type_guess (NULL, head, n, NULL);
  return content_type_is_wanted (scan, sniffed);
}

static void
skip_unwanted (AugurInputScan *scan,
               GFile          *file)
{
  if (scan->flags & AUGUR_SCAN_TEXT_FILES)
    skip (scan, file, AUGUR_SKIP_NOT_AN_IMAGE, _("not an image or a text file"));
  else
    skip (scan, file, AUGUR_SKIP_NOT_AN_IMAGE, _("not an image"));
}

/* Takes @file unless the scan already has it. */
static void
take_file (AugurInputScan *scan,
           GFile          *file)
{
  if (!g_hash_table_add (scan->seen, g_file_get_uri (file)))
    {
      skip (scan, file, AUGUR_SKIP_DUPLICATE, _("duplicate"));
      return;
    }
  g_ptr_array_add (scan->result->inputs, augur_input_new_file (file));
}


/* A dropped list: a .txt, .csv or .tsv file holding one image URL or one text per line. */
static gboolean
is_list_file (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".csv") ||
         g_str_has_suffix (lower, ".tsv");
}

/* The first field of a CSV or TSV line, unquoted; the whole line for plain text. */
static char *
first_field (const char *line,
             char        separator)
{
  GString *field = g_string_new (NULL);
  const char *p = line;

  if (separator == '\0')
    return g_strstrip (g_strdup (line));
  if (*p == '"')
    {
      for (p++; *p != '\0'; p++)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            break;
          else
            g_string_append_c (field, *p);
        }
    }
  else
    for (; *p != '\0' && *p != separator; p++)
      g_string_append_c (field, *p);
  return g_strstrip (g_string_free (field, FALSE));
}

static gboolean
expand_list_file (AugurInputScan *scan,
                  GFile          *file,
                  const char     *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  char separator = g_str_has_suffix (lower, ".csv") ? ',' : g_str_has_suffix (lower, ".tsv") ? '\t' : '\0';
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;
  guint n_added = 0;

  if (!g_file_load_contents (file, scan->cancellable, &contents, &length, NULL, &error))
    {
      skip_unreadable (scan, file, error);
      return TRUE;
    }
  if (!g_utf8_validate (contents, length, NULL) || memchr (contents, '\0', length) != NULL)
    return FALSE;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *value = first_field (g_strchomp (lines[i]), separator);
      g_autofree char *key = NULL;

      if (*value == '\0')
        continue;
      /* A CSV's header names its column: not an input. */
      if (i == 0 && separator != '\0' && !augur_text_is_http_url (value) && strlen (value) < 32 &&
          strchr (value, ' ') == NULL)
        continue;
      key = g_strconcat (augur_text_is_http_url (value) ? "url:" : "text:", value, NULL);
      if (!g_hash_table_add (scan->seen, g_steal_pointer (&key)))
        continue;
      g_ptr_array_add (scan->result->inputs, augur_text_is_http_url (value) ? augur_input_new_image_url (value)
                                                                  : augur_input_new_text (value));
      n_added++;
    }
  if (n_added == 0)
    skip (scan, file, AUGUR_SKIP_EMPTY_LIST, _("no image URL or text in it"));
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  GFileInfo *ia = *(GFileInfo **) a;
  GFileInfo *ib = *(GFileInfo **) b;

  return g_utf8_collate (g_file_info_get_name (ia), g_file_info_get_name (ib));
}

static void scan_file (AugurInputScan *scan, GFile *file, GFileInfo *info, gboolean from_folder);

static void
scan_folder_children (AugurInputScan *scan,
                      GFile          *folder)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (folder, SCAN_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                          scan->cancellable, &error);
  if (enumerator == NULL)
    {
      skip_unreadable (scan, folder, error);
      return;
    }

  while ((info = g_file_enumerator_next_file (enumerator, scan->cancellable, &error)) != NULL)
    g_ptr_array_add (children, info);
  if (error != NULL)
    skip_unreadable (scan, folder, error);

  g_ptr_array_sort (children, compare_names);
  for (guint i = 0; i < children->len; i++)
    {
      GFileInfo *child_info = g_ptr_array_index (children, i);
      g_autoptr(GFile) child = NULL;

      if (g_cancellable_is_cancelled (scan->cancellable))
        return;
      if (g_file_info_get_is_hidden (child_info))
        continue;
      child = g_file_get_child (folder, g_file_info_get_name (child_info));
      scan_file (scan, child, child_info, TRUE);
    }
}

/* Links to folders are followed, but a link back to a folder being walked would walk it
 * again and again: such a folder is skipped. */
static void
scan_folder (AugurInputScan *scan,
             GFile          *folder,
             GFileInfo      *info)
{
  const char *id = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE);

  if (id == NULL)
    {
      scan_folder_children (scan, folder);
      return;
    }
  if (!g_hash_table_add (scan->walking, g_strdup (id)))
    {
      skip (scan, folder, AUGUR_SKIP_LOOP, _("a link back to a folder it is in"));
      return;
    }
  scan_folder_children (scan, folder);
  g_hash_table_remove (scan->walking, id);
}

static void
skip_too_large (AugurInputScan *scan,
                GFile          *file,
                GFileInfo      *info)
{
  g_autofree char *size = g_format_size (g_file_info_get_size (info));
  /* Translators: %s is a size such as "24.1 MB" */
  g_autofree char *reason = g_strdup_printf (_("%s, over the 20 MB limit"), size);

  skip (scan, file, AUGUR_SKIP_TOO_LARGE, reason);
}

static void
scan_file (AugurInputScan *scan,
           GFile          *file,
           GFileInfo      *info,
           gboolean        from_folder)
{
  GFileType type = g_file_info_get_file_type (info);

  if (type == G_FILE_TYPE_DIRECTORY)
    scan_folder (scan, file, info);
  else if (!from_folder && (scan->flags & AUGUR_SCAN_KEEP_GIVEN_FILES))
    take_file (scan, file);
  else if (type != G_FILE_TYPE_REGULAR)
    skip (scan, file, AUGUR_SKIP_NOT_REGULAR, _("not a regular file"));
  else if (from_folder && !looks_wanted (scan, file, g_file_info_get_name (info)))
    skip_unwanted (scan, file);
  else if (g_file_info_get_size (info) > AUGUR_MAX_INPUT_BYTES)
    skip_too_large (scan, file, info);
  else if (from_folder || !is_list_file (g_file_info_get_name (info)) ||
           !expand_list_file (scan, file, g_file_info_get_name (info)))
    take_file (scan, file);
}

/* Incremental scan ------------------------------------------------------------------------- */

/**
 * augur_input_scan_new:
 * @flags: what to take besides the default
 * @cancellable: (nullable): stops the walk; what was found so far stays
 *
 * Returns: (transfer full): an empty scan; end it with augur_input_scan_end()
 */
AugurInputScan *
augur_input_scan_new (AugurScanFlags  flags,
                      GCancellable   *cancellable)
{
  AugurInputScan *scan;

  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  scan = g_new0 (AugurInputScan, 1);
  scan->result = g_new0 (AugurScanResult, 1);
  scan->result->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  scan->result->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) skipped_file_free);
  scan->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->walking = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan->flags = flags;
  scan->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  return scan;
}

/**
 * augur_input_scan_add_file:
 * @file: a file or folder, as dropped or given
 *
 * Adds the inputs @file makes (a folder is walked) after those already found, and says what
 * was skipped. Blocking.
 */
void
augur_input_scan_add_file (AugurInputScan *scan,
                           GFile          *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (scan != NULL);
  g_return_if_fail (G_IS_FILE (file));

  if (g_cancellable_is_cancelled (scan->cancellable))
    return;
  info = g_file_query_info (file, SCAN_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, scan->cancellable,
                            &error);
  if (info != NULL)
    scan_file (scan, file, info, FALSE);
  else if (scan->flags & AUGUR_SCAN_KEEP_GIVEN_FILES)
    take_file (scan, file);
  else
    skip_unreadable (scan, file, error);
}

/**
 * augur_input_scan_add_input:
 * @input: an input that is not a file (a URL or a text)
 *
 * Adds @input as it is after the inputs already found, so that it keeps its place among them.
 */
void
augur_input_scan_add_input (AugurInputScan *scan,
                            AugurInput     *input)
{
  g_return_if_fail (scan != NULL);
  g_return_if_fail (AUGUR_IS_INPUT (input));

  g_ptr_array_add (scan->result->inputs, g_object_ref (input));
}

/**
 * augur_input_scan_end:
 * @scan: (transfer full): the scan, freed here
 *
 * Returns: (transfer full): the inputs in the order they were found, and the skipped files
 */
AugurScanResult *
augur_input_scan_end (AugurInputScan *scan)
{
  AugurScanResult *result;

  g_return_val_if_fail (scan != NULL, NULL);

  result = g_steal_pointer (&scan->result);
  augur_input_scan_free (scan);
  return result;
}

void
augur_input_scan_free (AugurInputScan *scan)
{
  if (scan == NULL)
    return;
  g_clear_pointer (&scan->result, augur_scan_result_free);
  g_hash_table_unref (scan->seen);
  g_hash_table_unref (scan->walking);
  g_clear_object (&scan->cancellable);
  g_free (scan);
}

/**
 * augur_input_scan_files:
 * @files: (element-type GFile): files and folders, as dropped or given
 *
 * Returns: (transfer full): inputs and skipped files; never %NULL. When cancelled, the
 *   result holds what was found so far.
 */
AugurScanResult *
augur_input_scan_files (GPtrArray    *files,
                        GCancellable *cancellable)
{
  AugurInputScan *scan;

  g_return_val_if_fail (files != NULL, NULL);

  scan = augur_input_scan_new (AUGUR_SCAN_DEFAULT, cancellable);
  for (guint i = 0; i < files->len; i++)
    augur_input_scan_add_file (scan, g_ptr_array_index (files, i));
  return augur_input_scan_end (scan);
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AugurScanResult *result = augur_input_scan_files (task_data, cancellable);

  if (g_cancellable_is_cancelled (cancellable))
    {
      augur_scan_result_free (result);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Cancelled"));
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) augur_scan_result_free);
}

void
augur_input_scan_files_async (GPtrArray           *files,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) copy = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (files != NULL);

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (files, i)));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_input_scan_files_async);
  g_task_set_task_data (task, g_steal_pointer (&copy), (GDestroyNotify) g_ptr_array_unref);
  augur_worker_run (task, scan_thread);
}

AugurScanResult *
augur_input_scan_files_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
