/* augur-cli-common.c: options every command takes, making the client, one-line error
 * reports and waiting on the main loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-cli"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "augur-cli.h"

#define CLI_USER_AGENT "augur-cli/" PACKAGE_VERSION

/* Options ---------------------------------------------------------------------------------- */

void
augur_cli_common_init (AugurCliCommon *common)
{
  memset (common, 0, sizeof *common);
  common->cancellable = g_cancellable_new ();
}

void
augur_cli_common_clear (AugurCliCommon *common)
{
  g_clear_handle_id (&common->sigint_id, g_source_remove);
  g_clear_pointer (&common->base_url, g_free);
  g_clear_pointer (&common->root_ca, g_free);
  g_clear_pointer (&common->format_name, g_free);
  g_clear_object (&common->config);
  g_clear_object (&common->cancellable);
}

void
augur_cli_common_add_entries (GOptionGroup   *group,
                              AugurCliCommon *common,
                              gboolean        with_csv)
{
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &common->format_name,
      with_csv ? N_("Output format: table (default), json or csv")
               : N_("Output format: table (default) or json"),
      with_csv ? "table|json|csv" : "table|json" },
    { "base-url", 0, 0, G_OPTION_ARG_STRING, &common->base_url,
      N_("API base URL (default: CLARIFAI_API_BASE, else https://api.clarifai.com)"), "URL" },
    { "root-ca", 0, 0, G_OPTION_ARG_FILENAME, &common->root_ca,
      N_("Trust the CA certificates in FILE (default: CLARIFAI_ROOT_CERTIFICATES_PATH)"),
      "FILE" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &common->timeout_s,
      N_("Give up on a request after S seconds (default 60)"), "S" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &common->verbose,
      N_("Print debug messages on stderr (never the token)"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_group_add_entries (group, entries);
}

static const char environment_help[] =
  N_("Environment:\n"
     "  CLARIFAI_PAT       personal access token (required). There is deliberately no\n"
     "                     option for it: a token on the command line leaks into shell\n"
     "                     history and into the output of ps.\n"
     "  CLARIFAI_API_BASE  API base URL\n"
     "  CLARIFAI_ROOT_CERTIFICATES_PATH  CA certificates of a private server\n"
     "\n"
     "For tests and benchmarks:\n"
     "  AUGUR_RETRY_DELAY_MS=N  wait N ms before every retry instead of the usual delays\n"
     "  AUGUR_CLI_STATS=1       at the end, print \"bytes_sent=… requests=…\" on stderr\n"
     "\n"
     "Exit status: 0 when every input succeeded, 1 when some failed,\n"
     "2 for usage, authentication or connection errors.");

GOptionContext *
augur_cli_context_new (const char   *parameters,
                       const char   *summary,
                       GOptionGroup *main_group)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_main_group (context, main_group);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(summary));
  g_option_context_set_description (context, _(environment_help));
  return context;
}

static gboolean
parse_format (AugurCliCommon  *common,
              gboolean         with_csv,
              GError         **error)
{
  const char *name = common->format_name;

  if (name == NULL || g_str_equal (name, "table"))
    common->format = AUGUR_CLI_FORMAT_TABLE;
  else if (g_str_equal (name, "json"))
    common->format = AUGUR_CLI_FORMAT_JSON;
  else if (with_csv && g_str_equal (name, "csv"))
    common->format = AUGUR_CLI_FORMAT_CSV;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown format “%s”: use %s"), name,
                   with_csv ? "table, json or csv" : "table or json");
      return FALSE;
    }
  return TRUE;
}

static gboolean
interrupted_cb (gpointer user_data)
{
  AugurCliCommon *common = user_data;

  /* The next Ctrl-C kills the process: the source goes, and the default handler with it. */
  common->sigint_id = 0;
  g_cancellable_cancel (common->cancellable);
  return G_SOURCE_REMOVE;
}

gboolean
augur_cli_parse (GOptionContext   *context,
                 AugurCliCommon   *common,
                 gboolean          with_csv,
                 int              *argc,
                 char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error)
      || !parse_format (common, with_csv, &error))
    {
      augur_cli_usage_error ("%s", error->message);
      return FALSE;
    }
  if (common->timeout_s < 0)
    {
      augur_cli_usage_error (_("--timeout must be a number of seconds"));
      return FALSE;
    }

  if (common->verbose)
    g_log_set_debug_enabled (TRUE);
  common->sigint_id = g_unix_signal_add (SIGINT, interrupted_cb, common);
  return TRUE;
}

/* Client ----------------------------------------------------------------------------------- */

static AugurConfig *
config_from_options (AugurCliCommon *common,
                     guint           max_conns)
{
  AugurConfig *config = augur_config_new ();

  augur_config_apply_environment (config);
  if (common->base_url != NULL)
    augur_config_set_base_url (config, common->base_url);
  if (common->root_ca != NULL)
    {
      g_autofree char *path = g_canonicalize_filename (common->root_ca, NULL);
      augur_config_set_root_ca_path (config, path);
    }
  if (common->timeout_s > 0)
    augur_config_set_timeout (config, common->timeout_s);
  if (max_conns > 0)
    augur_config_set_max_conns (config, max_conns);
  augur_config_set_user_agent (config, CLI_USER_AGENT);
  return config;
}

/**
 * augur_cli_client_new:
 * @max_conns: connections to keep open to the server; 0 for the default
 *
 * Returns: (transfer full): a client for the options and environment, or %NULL with an
 *   error that augur_cli_report_error() explains (no token: %AUGUR_ERROR_AUTH)
 */
AugurClient *
augur_cli_client_new (AugurCliCommon  *common,
                      guint            max_conns,
                      GError         **error)
{
  const char *token;

  g_clear_object (&common->config);
  common->config = config_from_options (common, max_conns);

  token = augur_config_get_token (common->config);
  if (token == NULL || *token == '\0')
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_AUTH,
                           _("No access token. Set CLARIFAI_PAT to a personal access token "
                             "(https://clarifai.com/settings/security)."));
      return NULL;
    }
  return augur_client_new (common->config, error);
}

AugurModelRef *
augur_cli_model_ref_parse (const char  *text,
                           const char  *version_id,
                           GError     **error)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_parse (text, error);

  if (ref == NULL)
    return NULL;
  if (version_id != NULL && *version_id != '\0')
    return augur_model_ref_with_version (ref, version_id);
  return g_steal_pointer (&ref);
}

/* Errors ----------------------------------------------------------------------------------- */

void
augur_cli_message (const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "augur-cli: %s\n", message);
}

int
augur_cli_usage_error (const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "augur-cli: %s (see '%s --help')\n", message, g_get_prgname ());
  return AUGUR_CLI_EXIT_FATAL;
}

static gboolean
error_is_tls (const GError *error)
{
  return g_error_matches (error, AUGUR_ERROR, AUGUR_ERROR_TLS) || error->domain == G_TLS_ERROR;
}

static gboolean
error_is_transport (const GError *error)
{
  return g_error_matches (error, AUGUR_ERROR, AUGUR_ERROR_TRANSPORT)
         || error->domain == G_RESOLVER_ERROR
         || (error->domain == G_IO_ERROR && error->code != G_IO_ERROR_CANCELLED);
}

/* Auth, connection and TLS problems stop everything: no input can succeed. */
gboolean
augur_cli_error_is_fatal (const GError *error)
{
  return g_error_matches (error, AUGUR_ERROR, AUGUR_ERROR_AUTH)
         || g_error_matches (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT)
         || error_is_tls (error)
         || error_is_transport (error);
}

/* The message on one line, without its final full stop (we add our own advice after it). */
static char *
one_line (const char *message)
{
  char *line = g_strdup (message);

  g_strdelimit (line, "\r\n\t", ' ');
  g_strchomp (line);
  if (g_str_has_suffix (line, "."))
    line[strlen (line) - 1] = '\0';
  return line;
}

static const char *
describe_base_url (AugurCliCommon *common)
{
  if (common->config != NULL)
    return augur_config_get_base_url (common->config);
  return AUGUR_DEFAULT_BASE_URL;
}

/**
 * augur_cli_report_error:
 *
 * Prints @error as one line on stderr, with what to do about it.
 *
 * Returns: the exit code: 2 for auth, connection, TLS or argument errors, 130 when
 *   interrupted, else 1
 */
int
augur_cli_report_error (AugurCliCommon *common,
                        const GError   *error)
{
  g_autofree char *line = one_line (error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      augur_cli_message (_("Interrupted."));
      return AUGUR_CLI_EXIT_INTERRUPTED;
    }
  if (error_is_tls (error))
    augur_cli_message (_("The server's certificate is not trusted: %s. If the server uses a "
                         "private CA, use --root-ca FILE (or set "
                         "CLARIFAI_ROOT_CERTIFICATES_PATH)."), line);
  else if (error_is_transport (error) && strstr (line, describe_base_url (common)) != NULL)
    augur_cli_message (_("%s. Check --base-url or CLARIFAI_API_BASE."), line);
  else if (error_is_transport (error))
    augur_cli_message (_("Could not reach %s: %s. Check --base-url or CLARIFAI_API_BASE."),
                       describe_base_url (common), line);
  else if (g_error_matches (error, AUGUR_ERROR, AUGUR_ERROR_AUTH)
           && augur_error_get_status (error) != NULL)
    augur_cli_message (_("The server rejected the access token: %s. Check CLARIFAI_PAT."),
                       line);
  else
    augur_cli_message ("%s.", line);

  return augur_cli_error_is_fatal (error) ? AUGUR_CLI_EXIT_FATAL : AUGUR_CLI_EXIT_SOME_FAILED;
}

void
augur_cli_write_stdout (const char *text)
{
  fputs (text, stdout);
  fflush (stdout);
}

/* Waiting ---------------------------------------------------------------------------------- */

void
augur_cli_waiter_done_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  AugurCliWaiter *waiter = user_data;

  g_set_object (&waiter->result, result);
  if (waiter->loop != NULL)
    g_main_loop_quit (waiter->loop);
}

/* Returns: (transfer none): the result, valid until the waiter is cleared */
GAsyncResult *
augur_cli_waiter_run (AugurCliWaiter *waiter)
{
  if (waiter->result == NULL)
    {
      waiter->loop = g_main_loop_new (NULL, FALSE);
      g_main_loop_run (waiter->loop);
      g_clear_pointer (&waiter->loop, g_main_loop_unref);
    }
  return waiter->result;
}

void
augur_cli_waiter_clear (AugurCliWaiter *waiter)
{
  g_clear_pointer (&waiter->loop, g_main_loop_unref);
  g_clear_object (&waiter->result);
}
