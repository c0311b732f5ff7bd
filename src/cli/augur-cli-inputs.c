/* augur-cli-inputs.c: command-line arguments -> AugurInputs.
 *
 * A folder is walked recursively before anything is sent, its files sorted by path. Hidden
 * files are left out, and so are files that are neither images nor plain text (said on
 * stderr). A path given explicitly is always passed on, so that a missing or unreadable file
 * is reported as that input's failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-cli"

#include <string.h>

#include <glib/gi18n.h>

#include "augur-cli.h"
#include "augur-cli-inputs.h"

#define WALK_ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_NAME "," \
                        G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN "," \
                        G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK "," \
                        G_FILE_ATTRIBUTE_STANDARD_FAST_CONTENT_TYPE

AugurCliInputArg *
augur_cli_input_arg_new (AugurCliArgKind  kind,
                         const char      *value)
{
  AugurCliInputArg *arg = g_new0 (AugurCliInputArg, 1);

  arg->kind = kind;
  arg->value = g_strdup (value);
  return arg;
}

void
augur_cli_input_arg_free (AugurCliInputArg *arg)
{
  g_free (arg->value);
  g_free (arg);
}

/* Content types ---------------------------------------------------------------------------- */

#define SNIFF_BYTES 256

static gboolean
content_type_is_wanted (const char *content_type)
{
  g_autofree char *mime = g_content_type_get_mime_type (content_type);

  return (mime != NULL && g_str_has_prefix (mime, "image/"))
         || g_content_type_is_a (content_type, "text/plain");
}

/* The first bytes of @file, or %NULL when it cannot be read. */
static GBytes *
read_head (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);

  if (stream == NULL)
    return NULL;
  return g_input_stream_read_bytes (G_INPUT_STREAM (stream), SNIFF_BYTES, NULL, NULL);
}

/* Guessed from the name first. Otherwise (no telling name, or no MIME database) the first
 * bytes decide: an image format we know, or what GIO sniffs. Sets @out_type to what the file
 * seems to be. */
static gboolean
file_is_wanted (GFile      *file,
                GFileInfo  *info,
                char      **out_type)
{
  const char *fast = g_file_info_get_attribute_string (info,
                                                       G_FILE_ATTRIBUTE_STANDARD_FAST_CONTENT_TYPE);
  g_autoptr(GBytes) head = NULL;
  const guint8 *data;
  gsize len;

  *out_type = g_strdup (fast != NULL ? fast : "application/octet-stream");
  if (fast != NULL && content_type_is_wanted (fast))
    return TRUE;

  head = read_head (file);
  if (head == NULL)
    return FALSE;
  data = g_bytes_get_data (head, &len);
  if (augur_image_format_sniff (data, len) != AUGUR_IMAGE_FORMAT_UNKNOWN)
    return TRUE;

  g_free (*out_type);
  *out_type = g_content_type_guess (NULL, data, len, NULL);
  return content_type_is_wanted (*out_type);
}

static void
report_skipped (GFile      *file,
                const char *why)
{
  g_autofree char *name = g_file_get_parse_name (file);

  augur_cli_message (_("Skipping %s: %s"), name, why);
}

/* Folders ---------------------------------------------------------------------------------- */

static void walk_folder (GFile *folder, GPtrArray *files, guint *n_problems);

static void
take_folder_entry (GFile     *child,
                   GFileInfo *info,
                   GPtrArray *files,
                   guint     *n_problems)
{
  g_autofree char *content_type = NULL;
  g_autofree char *description = NULL;

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_DIRECTORY:
      /* Symbolic links to folders could make a loop. */
      if (g_file_info_get_is_symlink (info))
        report_skipped (child, _("a link to a folder"));
      else
        walk_folder (child, files, n_problems);
      break;

    case G_FILE_TYPE_REGULAR:
      if (file_is_wanted (child, info, &content_type))
        {
          g_ptr_array_add (files, g_object_ref (child));
          break;
        }
      description = g_strdup_printf (_("not an image or a text file (%s)"), content_type);
      report_skipped (child, description);
      break;

    default:
      report_skipped (child, _("not a regular file"));
      break;
    }
}

static gboolean
entry_is_hidden (GFileInfo *info)
{
  return g_file_info_get_is_hidden (info) || g_str_has_prefix (g_file_info_get_name (info), ".");
}

static void
report_unreadable_folder (GFile        *folder,
                          const GError *error,
                          guint        *n_problems)
{
  g_autofree char *name = g_file_get_parse_name (folder);

  augur_cli_message (_("Could not read the folder %s: %s"), name, error->message);
  (*n_problems)++;
}

static void
walk_folder (GFile     *folder,
             GPtrArray *files,
             guint     *n_problems)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (folder, WALK_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                        NULL, &error);
  if (children == NULL)
    {
      report_unreadable_folder (folder, error, n_problems);
      return;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, &error))
        {
          report_unreadable_folder (folder, error, n_problems);
          return;
        }
      if (info == NULL)
        return;
      if (!entry_is_hidden (info))
        take_folder_entry (child, info, files, n_problems);
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  GFile *fa = *(GFile **) a;
  GFile *fb = *(GFile **) b;

  return g_strcmp0 (g_file_peek_path (fa), g_file_peek_path (fb));
}

static void
add_folder_inputs (GPtrArray *inputs,
                   GFile     *folder,
                   guint     *n_problems)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  walk_folder (folder, files, n_problems);
  g_ptr_array_sort (files, compare_paths);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (inputs, augur_input_new_file (g_ptr_array_index (files, i)));
}

/* Arguments -------------------------------------------------------------------------------- */

static void
add_path_or_url_inputs (GPtrArray  *inputs,
                        const char *value,
                        guint      *n_problems)
{
  g_autoptr(GFile) file = NULL;

  if (augur_text_is_http_url (value))
    {
      g_ptr_array_add (inputs, augur_input_new_image_url (value));
      return;
    }

  file = g_file_new_for_commandline_arg (value);
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    add_folder_inputs (inputs, file, n_problems);
  else
    g_ptr_array_add (inputs, augur_input_new_file (file));
}

GPtrArray *
augur_cli_inputs_collect (GPtrArray *args,
                          guint     *n_problems)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_object_unref);

  *n_problems = 0;
  for (guint i = 0; i < args->len; i++)
    {
      AugurCliInputArg *arg = g_ptr_array_index (args, i);

      switch (arg->kind)
        {
        case AUGUR_CLI_ARG_TEXT:
          g_ptr_array_add (inputs, augur_input_new_text (arg->value));
          break;
        case AUGUR_CLI_ARG_TEXT_URL:
          g_ptr_array_add (inputs, augur_input_new_text_url (arg->value));
          break;
        case AUGUR_CLI_ARG_PATH_OR_URL:
        default:
          add_path_or_url_inputs (inputs, arg->value, n_problems);
          break;
        }
    }
  return inputs;
}
