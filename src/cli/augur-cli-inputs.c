/* augur-cli-inputs.c: command-line arguments -> AugurInputs.
 *
 * Files and folders go through the same scan as files dropped on the window
 * (augur-input-scan.c), which also takes text files in folders, for text models. A path
 * given explicitly is always passed on, so that a missing or unreadable file is reported as
 * that input's failure. What the scan skips is said on stderr, one line each, with the
 * reasons the window gives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-cli"

#include <glib/gi18n.h>

#include "augur-cli.h"
#include "augur-cli-inputs.h"

#define CLI_SCAN_FLAGS (AUGUR_SCAN_TEXT_FILES | AUGUR_SCAN_KEEP_GIVEN_FILES)

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

static void
add_path_or_url (AugurInputScan *scan,
                 const char     *value)
{
  g_autoptr(AugurInput) input = NULL;
  g_autoptr(GFile) file = NULL;

  if (augur_text_is_http_url (value))
    {
      input = augur_input_new_image_url (value);
      augur_input_scan_add_input (scan, input);
      return;
    }
  file = g_file_new_for_commandline_arg (value);
  augur_input_scan_add_file (scan, file);
}

static void
add_arg (AugurInputScan   *scan,
         AugurCliInputArg *arg)
{
  g_autoptr(AugurInput) input = NULL;

  switch (arg->kind)
    {
    case AUGUR_CLI_ARG_TEXT:
      input = augur_input_new_text (arg->value);
      break;
    case AUGUR_CLI_ARG_TEXT_URL:
      input = augur_input_new_text_url (arg->value);
      break;
    case AUGUR_CLI_ARG_PATH_OR_URL:
    default:
      add_path_or_url (scan, arg->value);
      return;
    }
  augur_input_scan_add_input (scan, input);
}

/* An image that could not be read or is too large is an input that failed; a file that is
 * not an image, a duplicate or a looping link was never one. */
static gboolean
skip_is_failure (const AugurSkippedFile *skipped)
{
  return skipped->kind == AUGUR_SKIP_UNREADABLE || skipped->kind == AUGUR_SKIP_TOO_LARGE;
}

static guint
report_skipped (GPtrArray *skipped)
{
  guint n_failures = 0;

  for (guint i = 0; i < skipped->len; i++)
    {
      AugurSkippedFile *file = g_ptr_array_index (skipped, i);

      /* Translators: a skipped file and why, e.g. "Skipping /photos/notes.pdf: not an image" */
      augur_cli_message (_("Skipping %s: %s"), file->path, file->reason);
      if (skip_is_failure (file))
        n_failures++;
    }
  return n_failures;
}

GPtrArray *
augur_cli_inputs_collect (GPtrArray *args,
                          guint     *n_problems)
{
  g_autoptr(AugurInputScan) scan = augur_input_scan_new (CLI_SCAN_FLAGS, NULL);
  g_autoptr(AugurScanResult) result = NULL;

  for (guint i = 0; i < args->len; i++)
    add_arg (scan, g_ptr_array_index (args, i));
  result = augur_input_scan_end (g_steal_pointer (&scan));
  *n_problems = report_skipped (result->skipped);
  return g_ptr_array_ref (result->inputs);
}
