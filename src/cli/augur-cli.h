/* augur-cli.h: what the augur-cli commands share: options every command takes, the client,
 * one-line error reports with their exit codes, and waiting on a GMainLoop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_CLI_EXIT_OK          0  /* every input succeeded */
#define AUGUR_CLI_EXIT_SOME_FAILED 1  /* some inputs (or the query) failed */
#define AUGUR_CLI_EXIT_FATAL       2  /* usage, auth, connection or TLS */
#define AUGUR_CLI_EXIT_INTERRUPTED 130

typedef enum {
  AUGUR_CLI_FORMAT_TABLE,
  AUGUR_CLI_FORMAT_JSON,
  AUGUR_CLI_FORMAT_CSV,
} AugurCliFormat;

/* Options every command takes, and what they set up. */
typedef struct
{
  char           *base_url;
  char           *root_ca;
  int             timeout_s;
  char           *format_name;
  gboolean        verbose;

  AugurCliFormat  format;
  AugurConfig    *config;       /* (owned) (nullable) until a client is made */
  GCancellable   *cancellable;  /* (owned): cancelled by Ctrl-C */
  guint           sigint_id;
} AugurCliCommon;

void          augur_cli_common_init         (AugurCliCommon  *common);
void          augur_cli_common_clear        (AugurCliCommon  *common);
void          augur_cli_common_add_entries  (GOptionGroup    *group,
                                             AugurCliCommon  *common,
                                             gboolean         with_csv);
/* Parses the command line; on failure prints one line and returns %FALSE (exit 2). */
gboolean      augur_cli_parse               (GOptionContext  *context,
                                             AugurCliCommon  *common,
                                             gboolean         with_csv,
                                             int             *argc,
                                             char          ***argv);
GOptionContext *augur_cli_context_new       (const char      *parameters,
                                             const char      *summary,
                                             GOptionGroup    *main_group);

AugurClient  *augur_cli_client_new          (AugurCliCommon  *common,
                                             guint            max_conns,
                                             GError         **error);
AugurModelRef *augur_cli_model_ref_parse    (const char      *text,
                                             const char      *version_id,
                                             GError         **error);

/* Prints one line on stderr that says what to do, and returns the exit code. */
int           augur_cli_report_error        (AugurCliCommon  *common,
                                             const GError    *error);
int           augur_cli_usage_error         (const char      *format,
                                             ...) G_GNUC_PRINTF (1, 2);
gboolean      augur_cli_error_is_fatal      (const GError    *error);
void          augur_cli_message             (const char      *format,
                                             ...) G_GNUC_PRINTF (1, 2);
void          augur_cli_write_stdout        (const char      *text);

/* Waits on a GMainLoop for one async result:
 *   g_auto(AugurCliWaiter) waiter = AUGUR_CLI_WAITER_INIT;
 *   foo_async (…, augur_cli_waiter_done_cb, &waiter);
 *   foo_finish (…, augur_cli_waiter_run (&waiter), &error); */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} AugurCliWaiter;

#define AUGUR_CLI_WAITER_INIT { NULL, NULL }

void          augur_cli_waiter_done_cb      (GObject         *source,
                                             GAsyncResult    *result,
                                             gpointer         user_data);
GAsyncResult *augur_cli_waiter_run          (AugurCliWaiter  *waiter);
void          augur_cli_waiter_clear        (AugurCliWaiter  *waiter);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AugurCliWaiter, augur_cli_waiter_clear)

/* Commands: each takes its own argv (argv[0] is the command name) and returns an exit code. */
int augur_cli_predict  (int argc, char **argv);
int augur_cli_versions (int argc, char **argv);
int augur_cli_concepts (int argc, char **argv);
int augur_cli_models   (int argc, char **argv);
int augur_cli_info     (int argc, char **argv);

G_END_DECLS
