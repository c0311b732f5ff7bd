/* augur-curl.h: an equivalent curl command for a request, with the token written as
 * $CLARIFAI_PAT so that the command can be shared without leaking it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-core-types.h"

G_BEGIN_DECLS

/* @body: (nullable): the JSON body for POST; %NULL for GET */
char *augur_curl_command (const char *method,
                          const char *url,
                          const char *body);
/* POSIX shell single-quoting of @text. */
char *augur_shell_quote  (const char *text);

G_END_DECLS
