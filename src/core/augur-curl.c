/* augur-curl.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-curl"

#include "augur-curl.h"

char *
augur_shell_quote (const char *text)
{
  GString *s = g_string_new ("'");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append (s, "'\\''");
      else
        g_string_append_c (s, *p);
    }
  g_string_append_c (s, '\'');
  return g_string_free (s, FALSE);
}

/**
 * augur_curl_command:
 *
 * The Authorization header is written with double quotes around "$CLARIFAI_PAT" so the
 * shell expands it at run time; the real token never enters the string.
 */
char *
augur_curl_command (const char *method,
                    const char *url,
                    const char *body)
{
  g_autofree char *quoted_url = NULL;
  GString *s;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  quoted_url = augur_shell_quote (url);
  s = g_string_new ("curl");
  if (g_strcmp0 (method, "GET") != 0)
    g_string_append_printf (s, " -X %s", method);
  g_string_append_printf (s, " %s \\\n  -H \"Authorization: Key $CLARIFAI_PAT\"", quoted_url);
  if (body != NULL)
    {
      g_autofree char *quoted_body = augur_shell_quote (body);
      g_string_append (s, " \\\n  -H 'Content-Type: application/json'");
      g_string_append_printf (s, " \\\n  -d %s", quoted_body);
    }
  g_string_append_c (s, '\n');
  return g_string_free (s, FALSE);
}
