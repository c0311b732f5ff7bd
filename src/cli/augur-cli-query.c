/* augur-cli-query.c: `augur-cli versions|concepts|models|info`: one request (one page) each,
 * printed as a table or as JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-cli"

#include <glib/gi18n.h>

#include "augur-cli.h"
#include "augur-cli-output.h"

#define DEFAULT_PER_PAGE 100

typedef struct
{
  AugurCliCommon  common;

  char           *version;
  char           *search;
  char           *type;
  char           *user;
  char           *app;
  char           *sort;
  gboolean        ascending;
  int             page;
  int             per_page;
  char          **positional;

  AugurClient    *client;
  AugurModelRef  *ref;
} QueryOptions;

static void
query_options_init (QueryOptions *o)
{
  augur_cli_common_init (&o->common);
  o->page = 1;
  o->per_page = DEFAULT_PER_PAGE;
}

static void
query_options_clear (QueryOptions *o)
{
  g_clear_object (&o->client);
  g_clear_pointer (&o->ref, augur_model_ref_free);
  augur_cli_common_clear (&o->common);
  g_clear_pointer (&o->version, g_free);
  g_clear_pointer (&o->search, g_free);
  g_clear_pointer (&o->type, g_free);
  g_clear_pointer (&o->user, g_free);
  g_clear_pointer (&o->app, g_free);
  g_clear_pointer (&o->sort, g_free);
  g_clear_pointer (&o->positional, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QueryOptions, query_options_clear)

/* Options ---------------------------------------------------------------------------------- */

static GOptionGroup *
query_option_group (QueryOptions       *o,
                    const GOptionEntry *entries)
{
  const GOptionEntry positional[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->positional, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  GOptionGroup *group = g_option_group_new ("query", NULL, NULL, o, NULL);

  g_option_group_add_entries (group, entries);
  g_option_group_add_entries (group, positional);
  augur_cli_common_add_entries (group, &o->common, FALSE);
  return group;
}

#define PAGE_ENTRIES(o) \
  { "page", 0, 0, G_OPTION_ARG_INT, &(o)->page, N_("Show page N (from 1)"), "N" }, \
  { "per-page", 0, 0, G_OPTION_ARG_INT, &(o)->per_page, N_("Results per page (default 100)"), "N" }

static guint
count_positional (QueryOptions *o)
{
  return o->positional != NULL ? g_strv_length (o->positional) : 0;
}

/* Parses, checks the positional arguments and the page, and makes the client (and the model
 * reference when @wants_model). Returns -1 on success, else the exit code. */
static int
query_prepare (QueryOptions    *o,
               GOptionContext  *context,
               gboolean         wants_model,
               int             *argc,
               char          ***argv)
{
  g_autoptr(GError) error = NULL;
  guint n_positional;

  if (!augur_cli_parse (context, &o->common, FALSE, argc, argv))
    return AUGUR_CLI_EXIT_FATAL;

  n_positional = count_positional (o);
  if (wants_model && n_positional != 1)
    return augur_cli_usage_error (n_positional == 0 ? _("No MODEL given")
                                                    : _("Give exactly one MODEL"));
  if (!wants_model && n_positional != 0)
    return augur_cli_usage_error (_("Unexpected argument “%s”"), o->positional[0]);
  if (o->page < 1 || o->per_page < 1)
    return augur_cli_usage_error (_("--page and --per-page must be 1 or more"));

  if (wants_model)
    {
      o->ref = augur_cli_model_ref_parse (o->positional[0], o->version, &error);
      if (o->ref == NULL)
        return augur_cli_usage_error ("%s", error->message);
    }

  o->client = augur_cli_client_new (&o->common, 0, &error);
  if (o->client == NULL)
    return augur_cli_report_error (&o->common, error);
  return -1;
}

/* A full page means there may be more: say how to get them (stderr, so JSON stays clean). */
static void
hint_next_page (QueryOptions *o,
                guint         n_results)
{
  if (n_results >= (guint) o->per_page)
    augur_cli_message (_("There may be more: use --page %d to see the next page."), o->page + 1);
}

static int
finish_list (QueryOptions *o,
             GPtrArray    *results,
             GError       *error,
             void        (*print) (GPtrArray *, AugurCliFormat))
{
  if (results == NULL)
    return augur_cli_report_error (&o->common, error);
  print (results, o->common.format);
  hint_next_page (o, results->len);
  return AUGUR_CLI_EXIT_OK;
}

/* versions --------------------------------------------------------------------------------- */

int
augur_cli_versions (int    argc,
                    char **argv)
{
  g_auto(QueryOptions) o = { { NULL, }, };
  g_auto(AugurCliWaiter) waiter = AUGUR_CLI_WAITER_INIT;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;

  query_options_init (&o);
  {
    const GOptionEntry entries[] = { PAGE_ENTRIES (&o), G_OPTION_ENTRY_NULL };
    context = augur_cli_context_new ("MODEL", N_("List the versions of MODEL: id, creation "
                                                 "time and status."),
                                     query_option_group (&o, entries));
  }
  if ((exit_code = query_prepare (&o, context, TRUE, &argc, &argv)) >= 0)
    return exit_code;

  augur_client_list_versions_async (o.client, o.ref, o.page, o.per_page, o.common.cancellable,
                                    augur_cli_waiter_done_cb, &waiter);
  versions = augur_client_list_versions_finish (o.client, augur_cli_waiter_run (&waiter), &error);
  return finish_list (&o, versions, error, augur_cli_print_versions);
}

/* concepts --------------------------------------------------------------------------------- */

int
augur_cli_concepts (int    argc,
                    char **argv)
{
  g_auto(QueryOptions) o = { { NULL, }, };
  g_auto(AugurCliWaiter) waiter = AUGUR_CLI_WAITER_INIT;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) concepts = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;

  query_options_init (&o);
  {
    const GOptionEntry entries[] = {
      { "search", 's', 0, G_OPTION_ARG_STRING, &o.search,
        N_("Only concepts whose id or name starts with PREFIX"), "PREFIX" },
      { "version", 0, 0, G_OPTION_ARG_STRING, &o.version,
        N_("Concepts of this model version"), "ID" },
      PAGE_ENTRIES (&o),
      G_OPTION_ENTRY_NULL
    };
    context = augur_cli_context_new ("MODEL", N_("List or search the concepts MODEL knows."),
                                     query_option_group (&o, entries));
  }
  if ((exit_code = query_prepare (&o, context, TRUE, &argc, &argv)) >= 0)
    return exit_code;

  augur_client_list_concepts_async (o.client, o.ref, o.search, o.page, o.per_page,
                                    o.common.cancellable, augur_cli_waiter_done_cb, &waiter);
  concepts = augur_client_list_concepts_finish (o.client, augur_cli_waiter_run (&waiter), &error);
  return finish_list (&o, concepts, error, augur_cli_print_concepts);
}

/* models ----------------------------------------------------------------------------------- */

static gboolean
parse_sort (const char      *name,
            AugurModelSort  *sort)
{
  static const struct { const char *name; AugurModelSort sort; } sorts[] = {
    { "name", AUGUR_MODEL_SORT_NAME },
    { "created", AUGUR_MODEL_SORT_CREATED_AT },
    { "modified", AUGUR_MODEL_SORT_MODIFIED_AT },
    { "stars", AUGUR_MODEL_SORT_STAR_COUNT },
    { "relevance", AUGUR_MODEL_SORT_RELEVANCE },
  };

  *sort = AUGUR_MODEL_SORT_DEFAULT;
  if (name == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    if (g_str_equal (name, sorts[i].name))
      {
        *sort = sorts[i].sort;
        return TRUE;
      }
  return FALSE;
}

static int
check_models_query (QueryOptions    *o,
                    AugurModelQuery *query)
{
  if (!parse_sort (o->sort, &query->sort))
    return augur_cli_usage_error (_("Unknown sort “%s”: use name, created, modified or stars"),
                                  o->sort);
  if (o->app != NULL && o->user == NULL)
    return augur_cli_usage_error (_("--app needs --user"));

  query->user_id = o->user;
  query->app_id = o->app;
  query->search = o->search;
  query->model_type_id = o->type;
  query->sort_ascending = o->ascending;
  query->page = o->page;
  query->per_page = o->per_page;
  return -1;
}

int
augur_cli_models (int    argc,
                  char **argv)
{
  g_auto(QueryOptions) o = { { NULL, }, };
  g_auto(AugurCliWaiter) waiter = AUGUR_CLI_WAITER_INIT;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GError) error = NULL;
  AugurModelQuery query = { NULL, };
  int exit_code;

  query_options_init (&o);
  {
    const GOptionEntry entries[] = {
      { "search", 's', 0, G_OPTION_ARG_STRING, &o.search, N_("Search for Q"), "Q" },
      { "type", 0, 0, G_OPTION_ARG_STRING, &o.type,
        N_("Only models of type T (e.g. visual-classifier)"), "T" },
      { "user", 0, 0, G_OPTION_ARG_STRING, &o.user, N_("Only models of user U"), "U" },
      { "app", 0, 0, G_OPTION_ARG_STRING, &o.app, N_("Only models in app A of --user"), "A" },
      { "sort", 0, 0, G_OPTION_ARG_STRING, &o.sort, N_("Sort order"),
        "name|created|modified|stars" },
      { "ascending", 0, 0, G_OPTION_ARG_NONE, &o.ascending, N_("Sort ascending"), NULL },
      PAGE_ENTRIES (&o),
      G_OPTION_ENTRY_NULL
    };
    context = augur_cli_context_new (NULL, N_("Search the models you can use: your own, or "
                                              "the community's."),
                                     query_option_group (&o, entries));
  }
  if ((exit_code = query_prepare (&o, context, FALSE, &argc, &argv)) >= 0
      || (exit_code = check_models_query (&o, &query)) >= 0)
    return exit_code;

  augur_client_list_models_async (o.client, &query, o.common.cancellable,
                                  augur_cli_waiter_done_cb, &waiter);
  models = augur_client_list_models_finish (o.client, augur_cli_waiter_run (&waiter), &error);
  return finish_list (&o, models, error, augur_cli_print_models);
}

/* info ------------------------------------------------------------------------------------- */

int
augur_cli_info (int    argc,
                char **argv)
{
  g_auto(QueryOptions) o = { { NULL, }, };
  g_auto(AugurCliWaiter) waiter = AUGUR_CLI_WAITER_INIT;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AugurModel) model = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;

  query_options_init (&o);
  {
    const GOptionEntry entries[] = {
      { "version", 0, 0, G_OPTION_ARG_STRING, &o.version,
        N_("Show this version instead of the latest"), "ID" },
      G_OPTION_ENTRY_NULL
    };
    context = augur_cli_context_new ("MODEL", N_("Show MODEL (name, type, version) and what it "
                                                 "accepts: each parameter with its type, "
                                                 "default, range, options and description."),
                                     query_option_group (&o, entries));
  }
  if ((exit_code = query_prepare (&o, context, TRUE, &argc, &argv)) >= 0)
    return exit_code;

  augur_client_get_model_async (o.client, o.ref, o.common.cancellable,
                                augur_cli_waiter_done_cb, &waiter);
  model = augur_client_get_model_finish (o.client, augur_cli_waiter_run (&waiter), &error);
  if (model == NULL)
    return augur_cli_report_error (&o.common, error);
  augur_cli_print_model_info (model, o.common.format);
  return AUGUR_CLI_EXIT_OK;
}
