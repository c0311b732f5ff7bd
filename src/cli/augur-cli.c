/* augur-cli.c: `augur-cli COMMAND …`: finds the command and hands it its arguments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-cli"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "augur-cli.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "predict",  augur_cli_predict,  N_("Predict on files, folders, URLs or text") },
  { "info",     augur_cli_info,     N_("Show a model and the parameters it accepts") },
  { "versions", augur_cli_versions, N_("List the versions of a model") },
  { "concepts", augur_cli_concepts, N_("List or search the concepts of a model") },
  { "models",   augur_cli_models,   N_("Search models") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  augur-cli COMMAND [OPTION…]\n\n%s\n", _("Usage:"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n%s\n",
           _("Run 'augur-cli COMMAND --help' for the options of a command."),
           _("The access token comes from CLARIFAI_PAT only: a token on the command line "
             "leaks into shell history and ps."));
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static int
run_command (const Command  *command,
             int             argc,
             char          **argv)
{
  g_autofree char *prgname = g_strdup_printf ("augur-cli %s", command->name);

  g_set_prgname (prgname);
  return command->run (argc, argv);
}

/* `augur-cli help predict` is `augur-cli predict --help`. */
static int
run_help (int    argc,
          char **argv)
{
  const Command *command = argc > 2 ? find_command (argv[2]) : NULL;
  char *help_argv[] = { argv[2], (char *) "--help", NULL };

  if (command == NULL)
    {
      print_usage (stdout);
      return AUGUR_CLI_EXIT_OK;
    }
  return run_command (command, 2, help_argv);
}

int
main (int    argc,
      char **argv)
{
  const Command *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("augur-cli");
  /* stdout carries the results (JSON, CSV): every log message goes to stderr. */
  g_log_writer_default_set_use_stderr (TRUE);

  if (argc < 2)
    {
      print_usage (stderr);
      return AUGUR_CLI_EXIT_FATAL;
    }
  if (g_str_equal (argv[1], "help") || g_str_equal (argv[1], "--help")
      || g_str_equal (argv[1], "-h"))
    return run_help (argc, argv);
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("augur-cli %s\n", PACKAGE_VERSION);
      return AUGUR_CLI_EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    return augur_cli_usage_error (_("Unknown command “%s”"), argv[1]);
  return run_command (command, argc - 1, argv + 1);
}
