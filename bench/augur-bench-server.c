/* augur-bench-server.c: the fake Clarifai server of tests/support as a process of its own,
 * for benchmarks. Prints its base URL on stdout, answers every request after --delay-ms,
 * and serves until killed (SIGINT or SIGTERM end it cleanly).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-bench-server"

#include <signal.h>
#include <stdio.h>

#include <glib-unix.h>

#include "augur-test-server.h"

/* The server logs every request with its body; forget them often, or a run of 5000 images
 * of 200 KB would hold a gigabyte. */
#define FORGET_REQUESTS_INTERVAL_MS 200

typedef struct
{
  int       delay_ms;
  char     *model;
  gboolean  lean;
  gboolean  versions_differ;
} Options;

static gboolean
forget_requests_cb (gpointer user_data)
{
  augur_test_server_clear_requests (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
parse_model (const char           *name,
             AugurTestServerModel *model)
{
  if (name == NULL || g_str_equal (name, "classifier"))
    *model = AUGUR_TEST_MODEL_CLASSIFIER;
  else if (g_str_equal (name, "detector"))
    *model = AUGUR_TEST_MODEL_DETECTOR;
  else if (g_str_equal (name, "text"))
    *model = AUGUR_TEST_MODEL_TEXT;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_options (Options  *options,
               int      *argc,
               char   ***argv)
{
  const GOptionEntry entries[] = {
    { "delay-ms", 'd', 0, G_OPTION_ARG_INT, &options->delay_ms,
      "Wait this long before every answer (default 100)", "MS" },
    { "model", 'm', 0, G_OPTION_ARG_STRING, &options->model,
      "What predict answers: classifier (default), detector or text", "KIND" },
    { "versions-differ", 0, 0, G_OPTION_ARG_NONE, &options->versions_differ,
      "The older version answers differently from the latest (for Compare)", NULL },
    { "lean", 'l', 0, G_OPTION_ARG_NONE, &options->lean,
      "Answer predicts without parsing them (3 fixed concepts per input), so that only "
      "the client is measured", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context,
                                "A fake Clarifai server for benchmarks. Prints its base URL, "
                                "then serves until killed.\nThe token it accepts is "
                                AUGUR_TEST_TOKEN ".");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error) || options->delay_ms < 0)
    {
      fprintf (stderr, "augur-bench-server: %s\n",
               error != NULL ? error->message : "--delay-ms must be 0 or more");
      return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  Options options = { 100, NULL, FALSE, FALSE };
  g_autoptr(GMainLoop) loop = NULL;
  AugurTestServerModel model;
  AugurTestServer *server;

  if (!parse_options (&options, &argc, &argv))
    return 2;
  if (!parse_model (options.model, &model))
    {
      fprintf (stderr, "augur-bench-server: unknown model kind “%s”\n", options.model);
      return 2;
    }

  server = augur_test_server_new (NULL);
  augur_test_server_set_model (server, model);
  augur_test_server_set_delay (server, options.delay_ms);
  augur_test_server_set_lean (server, options.lean);
  augur_test_server_set_versions_differ (server, options.versions_differ);
  printf ("%s\n", augur_test_server_get_base_url (server));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_timeout_add (FORGET_REQUESTS_INTERVAL_MS, forget_requests_cb, server);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  augur_test_server_free (server);
  g_free (options.model);
  return 0;
}
