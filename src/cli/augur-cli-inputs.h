/* augur-cli-inputs.h: command-line arguments -> AugurInputs, folders walked in name order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  AUGUR_CLI_ARG_PATH_OR_URL,  /* a file, a folder, or an http(s) image URL */
  AUGUR_CLI_ARG_TEXT,         /* --text STRING */
  AUGUR_CLI_ARG_TEXT_URL,     /* --text-url URL */
} AugurCliArgKind;

typedef struct
{
  AugurCliArgKind  kind;
  char            *value;
} AugurCliInputArg;

AugurCliInputArg *augur_cli_input_arg_new  (AugurCliArgKind   kind,
                                            const char       *value);
void              augur_cli_input_arg_free (AugurCliInputArg *arg);

/* (element-type AugurCliInputArg) -> (element-type AugurInput), in command-line order.
 * Files and folders are scanned as the window scans dropped ones (augur-input-scan.h), with
 * text files taken too; what is skipped is reported on stderr, one line each. @n_problems
 * counts the skipped files that were meant as inputs: unreadable, or over the size limit. */
GPtrArray *augur_cli_inputs_collect (GPtrArray *args,
                                     guint     *n_problems);

G_END_DECLS
