/* augur-cli-predict-args.c: the options of `augur-cli predict`, in command-line order, and
 * the AugurSettings they make.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-cli"

#include <math.h>

#include <glib/gi18n.h>

#include "augur-cli-inputs.h"
#include "augur-cli-predict.h"

#define UNSET_INT G_MININT64
#define DEFAULT_CONCURRENCY AUGUR_DEFAULT_IN_FLIGHT

void
augur_cli_predict_options_init (AugurCliPredictOptions *o)
{
  augur_cli_common_init (&o->common);
  o->max_concepts = o->max_tokens = o->num_beams = UNSET_INT;
  o->min_value = o->temperature = o->top_p = NAN;
  o->do_sample = o->return_full_text = -1;
  o->concurrency = DEFAULT_CONCURRENCY;
  o->args = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_cli_input_arg_free);
}

void
augur_cli_predict_options_clear (AugurCliPredictOptions *o)
{
  augur_cli_common_clear (&o->common);
  g_clear_pointer (&o->version, g_free);
  g_clear_pointer (&o->select_concepts, g_strfreev);
  g_clear_pointer (&o->language, g_free);
  g_clear_pointer (&o->top_k, g_free);
  g_clear_pointer (&o->reasoning_effort, g_free);
  g_clear_pointer (&o->system_prompt, g_free);
  g_clear_pointer (&o->prompt_template, g_free);
  g_clear_pointer (&o->params, g_strfreev);
  g_clear_pointer (&o->csv_layout, g_free);
  g_clear_pointer (&o->model, g_free);
  g_clear_pointer (&o->args, g_ptr_array_unref);
}


/* Option callbacks ------------------------------------------------------------------------- */

static void
add_positional (AugurCliPredictOptions *o,
                const char             *value)
{
  if (o->model == NULL)
    o->model = g_strdup (value);
  else
    g_ptr_array_add (o->args, augur_cli_input_arg_new (AUGUR_CLI_ARG_PATH_OR_URL, value));
}

static gboolean
positional_cb (const char  *option_name,
               const char  *value,
               gpointer     data,
               GError     **error)
{
  add_positional (data, value);
  return TRUE;
}

static gboolean
text_cb (const char  *option_name,
         const char  *value,
         gpointer     data,
         GError     **error)
{
  AugurCliPredictOptions *o = data;

  g_ptr_array_add (o->args, augur_cli_input_arg_new (AUGUR_CLI_ARG_TEXT, value));
  return TRUE;
}

static gboolean
text_url_cb (const char  *option_name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  AugurCliPredictOptions *o = data;

  g_ptr_array_add (o->args, augur_cli_input_arg_new (AUGUR_CLI_ARG_TEXT_URL, value));
  return TRUE;
}

static int
parse_boolean_word (const char *word)
{
  const char *yes[] = { "true", "yes", "1", "on", NULL };
  const char *no[] = { "false", "no", "0", "off", NULL };
  g_autofree char *lower = g_ascii_strdown (word, -1);

  if (g_strv_contains (yes, lower))
    return 1;
  if (g_strv_contains (no, lower))
    return 0;
  return -1;
}

/* --do-sample and --return-full-text take an optional =true|false. GOption also hands us the
 * next argument when it does not start with '-': if it is not a boolean, it is an input. */
static gboolean
boolean_flag_cb (const char  *option_name,
                 const char  *value,
                 gpointer     data,
                 GError     **error)
{
  AugurCliPredictOptions *o = data;
  int *flag = g_str_equal (option_name, "--do-sample") ? &o->do_sample : &o->return_full_text;
  int parsed = value != NULL ? parse_boolean_word (value) : 1;

  *flag = parsed >= 0 ? parsed : 1;
  if (value != NULL && parsed < 0)
    add_positional (o, value);
  return TRUE;
}

static GOptionGroup *
predict_option_group (AugurCliPredictOptions *o)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_STRING, &o->version,
      N_("Use this model version instead of the latest"), "ID" },
    { "text", 't', 0, G_OPTION_ARG_CALLBACK, text_cb,
      N_("Predict on STRING (repeatable)"), "STRING" },
    { "text-url", 0, 0, G_OPTION_ARG_CALLBACK, text_url_cb,
      N_("Predict on the text at URL (repeatable)"), "URL" },
    { "max-concepts", 0, 0, G_OPTION_ARG_INT64, &o->max_concepts,
      N_("Return at most N concepts (1–200)"), "N" },
    { "min-value", 0, 0, G_OPTION_ARG_DOUBLE, &o->min_value,
      N_("Return only concepts with a value of at least X (0–1)"), "X" },
    { "select-concepts", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->select_concepts,
      N_("Return only these concepts: ids, or name:NAME / id:ID, comma-separated"), "A,B" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &o->language,
      N_("Concept names in language L (e.g. zh)"), "L" },
    { "temperature", 0, 0, G_OPTION_ARG_DOUBLE, &o->temperature,
      N_("Sampling temperature"), "X" },
    { "top-p", 0, 0, G_OPTION_ARG_DOUBLE, &o->top_p, N_("Nucleus sampling (0–1)"), "X" },
    { "top-k", 0, 0, G_OPTION_ARG_STRING, &o->top_k, N_("Top-k sampling"), "N" },
    { "max-tokens", 0, 0, G_OPTION_ARG_INT64, &o->max_tokens,
      N_("Generate at most N tokens"), "N" },
    { "reasoning-effort", 0, 0, G_OPTION_ARG_STRING, &o->reasoning_effort,
      N_("Reasoning effort"), "low|medium|high" },
    { "num-beams", 0, 0, G_OPTION_ARG_INT64, &o->num_beams, N_("Beam search width"), "N" },
    { "do-sample", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, boolean_flag_cb,
      N_("Sample instead of greedy decoding"), "[true|false]" },
    { "return-full-text", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, boolean_flag_cb,
      N_("Return the prompt with the generated text"), "[true|false]" },
    { "system-prompt", 0, 0, G_OPTION_ARG_STRING, &o->system_prompt,
      N_("System prompt"), "TEXT" },
    { "prompt-template", 0, 0, G_OPTION_ARG_STRING, &o->prompt_template,
      N_("Prompt template; must contain {prompt}"), "TEXT" },
    { "param", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &o->params,
      N_("Any other inference parameter; VALUE is read as JSON when it is JSON (repeatable)"),
      "KEY=VALUE" },
    { "concurrency", 'j', 0, G_OPTION_ARG_INT, &o->concurrency,
      N_("Requests in flight (default 4)"), "N" },
    { "csv-layout", 0, 0, G_OPTION_ARG_STRING, &o->csv_layout,
      N_("CSV rows: one per concept (default) or one per input"), "concept|input" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_CALLBACK, positional_cb, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  GOptionGroup *group = g_option_group_new ("predict", NULL, NULL, o, NULL);

  g_option_group_add_entries (group, entries);
  augur_cli_common_add_entries (group, &o->common, TRUE);
  return group;
}

static const char predict_summary[] =
  N_("Predict on each INPUT with MODEL and print the results in input order.\n"
     "\n"
     "MODEL is a model URL (https://clarifai.com/USER/APP/models/MODEL) or USER/APP/MODEL.\n"
     "INPUT is an image or text file; a folder (walked recursively in name order, taking\n"
     "images and text files, leaving out hidden ones); or an http(s) image URL.\n"
     "Files in folders that are not images or text, unreadable, over 20 MB or already\n"
     "given are skipped, each said on stderr.\n"
     "--format json prints one JSON array with one object per input: input,\n"
     "status {code, description}, concepts [{id, name, value}], regions, text.");

/* Settings --------------------------------------------------------------------------------- */

static void
add_select_concepts (AugurSettings  *settings,
                     char          **lists)
{
  for (guint i = 0; lists != NULL && lists[i] != NULL; i++)
    {
      g_auto(GStrv) entries = g_strsplit (lists[i], ",", -1);

      for (guint j = 0; entries[j] != NULL; j++)
        {
          const char *entry = g_strstrip (entries[j]);

          if (g_str_has_prefix (entry, "name:"))
            augur_settings_add_select_concept (settings, entry + 5, TRUE);
          else if (g_str_has_prefix (entry, "id:"))
            augur_settings_add_select_concept (settings, entry + 3, FALSE);
          else if (*entry != '\0')
            augur_settings_add_select_concept (settings, entry, FALSE);
        }
    }
}

static gboolean
set_output_config (AugurCliPredictOptions  *o,
                   AugurSettings           *settings,
                   GError                 **error)
{
  if (o->max_concepts != UNSET_INT)
    {
      if (o->max_concepts < 1 || o->max_concepts > AUGUR_MAX_CONCEPTS_LIMIT)
        {
          g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                       _("--max-concepts must be between 1 and %d"), AUGUR_MAX_CONCEPTS_LIMIT);
          return FALSE;
        }
      augur_settings_set_max_concepts (settings, o->max_concepts);
    }
  if (!isnan (o->min_value))
    {
      if (o->min_value < 0)
        {
          g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                               _("--min-value must be between 0 and 1"));
          return FALSE;
        }
      augur_settings_set_min_value (settings, o->min_value);
    }
  add_select_concepts (settings, o->select_concepts);
  if (o->language != NULL)
    augur_settings_set_language (settings, o->language);
  return TRUE;
}

/* A whole number is sent as an integer, anything else as a float. */
static gboolean
set_number_param (AugurSettings  *settings,
                  const char     *name,
                  const char     *text,
                  GError        **error)
{
  gint64 whole;
  double number;
  char *end = NULL;

  if (g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &whole, NULL))
    {
      augur_settings_set_param_int (settings, name, whole);
      return TRUE;
    }
  number = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (number))
    {
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a number"), text);
      return FALSE;
    }
  augur_settings_set_param_double (settings, name, number);
  return TRUE;
}

static void
set_string_param (AugurSettings *settings,
                  const char    *name,
                  const char    *value)
{
  if (value != NULL)
    augur_settings_set_param_string (settings, name, value);
}

static void
set_sampling_flags (AugurCliPredictOptions *o,
                    AugurSettings          *settings)
{
  if (!isnan (o->temperature))
    augur_settings_set_param_double (settings, AUGUR_PARAM_TEMPERATURE, o->temperature);
  if (!isnan (o->top_p))
    augur_settings_set_param_double (settings, AUGUR_PARAM_TOP_P, o->top_p);
  if (o->max_tokens != UNSET_INT)
    augur_settings_set_param_int (settings, AUGUR_PARAM_MAX_TOKENS, o->max_tokens);
  if (o->num_beams != UNSET_INT)
    augur_settings_set_param_int (settings, AUGUR_PARAM_NUM_BEAMS, o->num_beams);
  if (o->do_sample >= 0)
    augur_settings_set_param_boolean (settings, AUGUR_PARAM_DO_SAMPLE, o->do_sample);
  if (o->return_full_text >= 0)
    augur_settings_set_param_boolean (settings, AUGUR_PARAM_RETURN_FULL_TEXT,
                                      o->return_full_text);
  set_string_param (settings, AUGUR_PARAM_REASONING_EFFORT, o->reasoning_effort);
  set_string_param (settings, AUGUR_PARAM_SYSTEM_PROMPT, o->system_prompt);
  set_string_param (settings, AUGUR_PARAM_PROMPT_TEMPLATE, o->prompt_template);
}

/* --param first, so that a dedicated flag wins over the same name given as --param. */
AugurSettings *
augur_cli_predict_options_build_settings (AugurCliPredictOptions  *o,
                                          GError                 **error)
{
  g_autoptr(AugurSettings) settings = augur_settings_new ();

  for (guint i = 0; o->params != NULL && o->params[i] != NULL; i++)
    if (!augur_settings_parse_param (settings, o->params[i], error))
      return NULL;

  if (!set_output_config (o, settings, error))
    return NULL;
  set_sampling_flags (o, settings);
  if (o->top_k != NULL && !set_number_param (settings, AUGUR_PARAM_TOP_K, o->top_k, error))
    return NULL;

  if (!augur_settings_validate (settings, error))
    return NULL;
  return g_steal_pointer (&settings);
}

gboolean
augur_cli_predict_options_check (AugurCliPredictOptions  *o,
                                 AugurCsvLayout          *layout,
                                 GError                 **error)
{
  if (o->model == NULL)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("No MODEL given"));
  else if (o->args->len == 0)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                         _("No INPUT given: name files, folders or URLs, or use --text"));
  else if (o->concurrency < 1)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("--concurrency must be 1 or more"));
  else if (o->csv_layout == NULL || g_str_equal (o->csv_layout, "concept"))
    *layout = AUGUR_CSV_ROW_PER_CONCEPT;
  else if (g_str_equal (o->csv_layout, "input"))
    *layout = AUGUR_CSV_ROW_PER_INPUT;
  else
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("Unknown CSV layout “%s”: use concept or input"), o->csv_layout);

  return error == NULL || *error == NULL;
}

GOptionContext *
augur_cli_predict_context_new (AugurCliPredictOptions *o)
{
  return augur_cli_context_new ("MODEL INPUT…", predict_summary, predict_option_group (o));
}
