/* augur-cli-predict.c: `augur-cli predict MODEL INPUT…`.
 *
 * Reads the model version first to learn what it accepts (pythonic or legacy), then runs an
 * AugurBatch over every input and prints the results in input order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-cli"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "augur-cli-inputs.h"
#include "augur-cli-predict.h"

/* The model's spec ------------------------------------------------------------------------- */

/* What the model version accepts. A model we cannot read (but may be allowed to run) is
 * treated as legacy; only auth, connection and TLS failures stop here. */
static gboolean
fetch_model_spec (AugurCliCommon       *common,
                  AugurClient          *client,
                  const AugurModelRef  *ref,
                  AugurModelSpec      **out_spec,
                  GError              **error)
{
  g_auto(AugurCliWaiter) waiter = AUGUR_CLI_WAITER_INIT;
  g_autoptr(AugurModel) model = NULL;
  g_autoptr(GError) local_error = NULL;
  AugurModelVersion *version;
  AugurModelSpec *spec;

  *out_spec = NULL;
  augur_client_get_model_async (client, ref, common->cancellable,
                                augur_cli_waiter_done_cb, &waiter);
  model = augur_client_get_model_finish (client, augur_cli_waiter_run (&waiter), &local_error);
  if (model == NULL)
    {
      if (augur_cli_error_is_fatal (local_error)
          || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("Could not read the model (%s); predicting as a legacy model",
               local_error->message);
      return TRUE;
    }

  version = augur_model_get_version (model);
  spec = version != NULL ? augur_model_version_get_spec (version) : NULL;
  if (spec != NULL)
    *out_spec = augur_model_spec_ref (spec);
  g_debug ("Model %s is %s", augur_model_get_id (model),
           spec != NULL && spec->pythonic ? "pythonic" : "legacy");
  return TRUE;
}

/* The batch -------------------------------------------------------------------------------- */

#define PROGRESS_INTERVAL_US (100 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  gboolean show_progress;
  gboolean progress_shown;
  gint64   progress_time;   /* monotonic time of the last progress line */
  guint    n_requests;
} BatchWatch;

static void
clear_progress_line (BatchWatch *watch)
{
  if (watch->progress_shown)
    fputs ("\r\033[K", stderr);
}

static void
progress_cb (AugurBatch *batch,
             guint       done,
             guint       failed,
             guint       total,
             BatchWatch *watch)
{
  gint64 now = g_get_monotonic_time ();

  /* A request finishes many inputs at once: one line per tenth of a second is plenty. */
  if (!watch->show_progress || (done < total && now - watch->progress_time < PROGRESS_INTERVAL_US))
    return;
  watch->progress_time = now;
  fprintf (stderr, "\r%u/%u done, %u failed", done, total, failed);
  fflush (stderr);
  watch->progress_shown = TRUE;
}

static char *
format_delay (guint delay_ms)
{
  if (delay_ms >= 1000)
    return g_strdup_printf (_("%u s"), (delay_ms + 500) / 1000);
  return g_strdup_printf (_("%u ms"), delay_ms);
}

static void
retrying_cb (AugurBatch *batch,
             guint       attempt,
             guint       max_attempts,
             guint       delay_ms,
             const char *reason,
             BatchWatch *watch)
{
  g_autofree char *delay = format_delay (delay_ms);

  clear_progress_line (watch);
  /* Translators: "The server asked to slow down; retrying in 5 s (attempt 2 of 10)" */
  augur_cli_message (_("%s; retrying in %s (attempt %u of %u)"),
                     reason, delay, attempt + 1, max_attempts);
}

static void
request_sent_cb (AugurBatch *batch,
                 guint       first_index,
                 guint       n_inputs,
                 guint64     n_bytes,
                 BatchWatch *watch)
{
  watch->n_requests++;
}

/* AUGUR_RETRY_DELAY_MS=N makes every retry wait N ms, so that tests need not wait 5 s. */
static void
apply_retry_delay_override (AugurBatch *batch)
{
  const char *text = g_getenv ("AUGUR_RETRY_DELAY_MS");
  AugurRetryPolicy policy;
  guint64 delay_ms;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &delay_ms, NULL))
    return;

  augur_retry_policy_init_default (&policy);
  policy.throttle_delay_ms = policy.warmup_delay_ms = policy.transient_delay_ms = delay_ms;
  policy.max_delay_ms = delay_ms;
  augur_batch_set_retry_policy (batch, &policy);
}

static AugurBatch *
batch_new (AugurClient         *client,
           const AugurModelRef *ref,
           AugurSettings       *settings,
           AugurModelSpec      *spec,
           GPtrArray           *inputs,
           guint                concurrency,
           BatchWatch          *watch)
{
  AugurBatch *batch = augur_batch_new (client, ref, settings, spec, inputs);

  augur_batch_set_max_in_flight (batch, concurrency);
  apply_retry_delay_override (batch);
  g_signal_connect (batch, "progress", G_CALLBACK (progress_cb), watch);
  g_signal_connect (batch, "retrying", G_CALLBACK (retrying_cb), watch);
  g_signal_connect (batch, "request-sent", G_CALLBACK (request_sent_cb), watch);
  return batch;
}

static gboolean
run_batch (AugurBatch      *batch,
           GCancellable    *cancellable,
           GError         **error)
{
  g_auto(AugurCliWaiter) waiter = AUGUR_CLI_WAITER_INIT;

  augur_batch_run_async (batch, cancellable, augur_cli_waiter_done_cb, &waiter);
  return augur_batch_run_finish (batch, augur_cli_waiter_run (&waiter), error);
}

/* Results, one per input; inputs that never ran (Ctrl-C) get a failure that says so. */
static GPtrArray *
collect_results (AugurBatch *batch,
                 GPtrArray  *inputs)
{
  GPtrArray *slots = augur_batch_get_results (batch);
  GPtrArray *results = g_ptr_array_new_full (inputs->len, g_object_unref);

  for (guint i = 0; i < inputs->len; i++)
    {
      AugurPrediction *prediction = i < slots->len ? g_ptr_array_index (slots, i) : NULL;

      if (prediction != NULL)
        g_ptr_array_add (results, g_object_ref (prediction));
      else
        {
          g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                         _("Not predicted: interrupted"));
          prediction = augur_prediction_new ();
          augur_prediction_set_index (prediction, i);
          augur_prediction_set_error (prediction, error);
          g_ptr_array_add (results, prediction);
        }
      if (augur_prediction_get_input (prediction) == NULL)
        augur_prediction_set_input (prediction, g_ptr_array_index (inputs, i));
    }
  return results;
}

/* Output and exit code --------------------------------------------------------------------- */

static void
print_results (AugurCliFormat  format,
               AugurCsvLayout  layout,
               guint           top_k,
               GPtrArray      *results)
{
  g_autofree char *text = NULL;

  if (format == AUGUR_CLI_FORMAT_JSON)
    text = augur_export_json (results, TRUE);
  else if (format == AUGUR_CLI_FORMAT_CSV)
    text = augur_export_csv (results, layout, top_k);
  else
    text = augur_export_table (results);
  augur_cli_write_stdout (text);
}

/* 0 when every input succeeded. When every input failed for the same fatal reason (token,
 * connection, certificate), that reason is what to report, with exit code 2. */
static int
results_exit_code (AugurCliCommon *common,
                   GPtrArray      *results)
{
  const GError *fatal = NULL;
  guint n_failed = 0;

  for (guint i = 0; i < results->len; i++)
    {
      const GError *error = augur_prediction_get_error (g_ptr_array_index (results, i));

      if (error == NULL)
        continue;
      n_failed++;
      if (fatal == NULL && augur_cli_error_is_fatal (error))
        fatal = error;
    }

  if (n_failed == 0)
    return AUGUR_CLI_EXIT_OK;
  if (fatal != NULL && (n_failed == results->len || !g_error_matches (fatal, AUGUR_ERROR,
                                                                       AUGUR_ERROR_TRANSPORT)))
    return augur_cli_report_error (common, fatal);

  augur_cli_message (ngettext ("%u of %u inputs failed; the output says why",
                               "%u of %u inputs failed; the output says why", results->len),
                     n_failed, results->len);
  return AUGUR_CLI_EXIT_SOME_FAILED;
}

static void
print_stats (AugurBatch *batch,
             BatchWatch *watch)
{
  if (g_strcmp0 (g_getenv ("AUGUR_CLI_STATS"), "1") != 0)
    return;
  fprintf (stderr, "bytes_sent=%" G_GUINT64_FORMAT " requests=%u inputs=%u\n",
           augur_batch_get_bytes_sent (batch), watch->n_requests, augur_batch_get_n_inputs (batch));
}

/* The command ------------------------------------------------------------------------------ */

typedef struct
{
  AugurClient    *client;
  AugurModelRef  *ref;
  AugurSettings  *settings;
  AugurCsvLayout  layout;
} PredictPlan;

static int
run_inputs (AugurCliPredictOptions *o,
            PredictPlan            *plan,
            GPtrArray              *inputs)
{
  g_autoptr(AugurModelSpec) spec = NULL;
  g_autoptr(AugurBatch) batch = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  BatchWatch watch = { isatty (STDERR_FILENO), FALSE, 0, 0 };

  if (!fetch_model_spec (&o->common, plan->client, plan->ref, &spec, &error))
    return augur_cli_report_error (&o->common, error);

  batch = batch_new (plan->client, plan->ref, plan->settings, spec, inputs, o->concurrency,
                     &watch);
  if (!run_batch (batch, o->common.cancellable, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return augur_cli_report_error (&o->common, error);
  clear_progress_line (&watch);
  if (watch.progress_shown)
    fprintf (stderr, "%u/%u done, %u failed\n", augur_batch_get_n_done (batch),
             augur_batch_get_n_inputs (batch), augur_batch_get_n_failed (batch));

  results = collect_results (batch, inputs);
  print_results (o->common.format, plan->layout, augur_settings_get_max_concepts (plan->settings),
                 results);
  print_stats (batch, &watch);
  if (error != NULL)
    return augur_cli_report_error (&o->common, error);
  return results_exit_code (&o->common, results);
}

static int
run_plan (AugurCliPredictOptions *o,
          PredictPlan            *plan)
{
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(GError) error = NULL;
  guint n_problems = 0;
  int exit_code;

  plan->client = augur_cli_client_new (&o->common, o->concurrency, &error);
  if (plan->client == NULL)
    return augur_cli_report_error (&o->common, error);

  inputs = augur_cli_inputs_collect (o->args, &n_problems);
  if (inputs->len == 0)
    {
      augur_cli_message (_("Nothing to predict on: the folders hold no images or text files."));
      return AUGUR_CLI_EXIT_SOME_FAILED;
    }

  exit_code = run_inputs (o, plan, inputs);
  if (exit_code == AUGUR_CLI_EXIT_OK && n_problems > 0)
    exit_code = AUGUR_CLI_EXIT_SOME_FAILED;
  return exit_code;
}

int
augur_cli_predict (int    argc,
                   char **argv)
{
  g_auto(AugurCliPredictOptions) o = { { NULL, }, };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  PredictPlan plan = { NULL, NULL, NULL, AUGUR_CSV_ROW_PER_CONCEPT };
  int exit_code;

  augur_cli_predict_options_init (&o);
  context = augur_cli_predict_context_new (&o);
  if (!augur_cli_parse (context, &o.common, TRUE, &argc, &argv))
    return AUGUR_CLI_EXIT_FATAL;
  if (!augur_cli_predict_options_check (&o, &plan.layout, &error))
    return augur_cli_usage_error ("%s", error->message);

  plan.settings = augur_cli_predict_options_build_settings (&o, &error);
  if (plan.settings == NULL)
    return augur_cli_usage_error ("%s", error->message);
  plan.ref = augur_cli_model_ref_parse (o.model, o.version, &error);
  if (plan.ref == NULL)
    exit_code = augur_cli_usage_error ("%s", error->message);
  else
    exit_code = run_plan (&o, &plan);

  g_clear_object (&plan.client);
  g_clear_pointer (&plan.ref, augur_model_ref_free);
  g_clear_pointer (&plan.settings, augur_settings_unref);
  return exit_code;
}
