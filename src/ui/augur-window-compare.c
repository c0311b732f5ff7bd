/* augur-window-compare.c: Compare mode. The same inputs go to 2–4 models or versions at
 * once, one AugurBatch per column; each answer is aligned with the other columns' for its
 * input (augur-compare.h) and shown as cards (a few inputs) or a table (many). A
 * comparison is journaled as one run with a column each, so History reopens it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-window-compare"

#include <glib/gi18n.h>

#include "augur-downscale.h"
#include "augur-window-private.h"

/* Answers arrive 128 at a time per column; the views are refreshed at most this often. */
#define REFRESH_INTERVAL_MS 200

struct _AugurCompareSession
{
  GPtrArray    *columns;   /* AugurCompareColumn */
  GPtrArray    *refs;      /* AugurModelRef */
  GPtrArray    *settings;  /* AugurSettings as sent, per column */
  GPtrArray    *inputs;    /* AugurInput, NULL where a reopened run lost it */
  GPtrArray    *results[AUGUR_COMPARE_MAX_COLUMNS]; /* AugurPrediction per input, NULL pending */
  GPtrArray    *batches;   /* AugurBatch per column, NULL for a column with nothing to send */
  GArray       *index_maps[AUGUR_COMPARE_MAX_COLUMNS]; /* batch index -> input index */
  GPtrArray    *comparisons; /* AugurComparison per input */
  GHashTable   *dirty;     /* input indices whose comparison is out of date */
  guint         refresh_source;
  guint         n_running;
  gboolean      only_changes; /* show only disagreements when the run ends (golden sets) */
  AugurRunRecorder *recorder; /* the journal of the last start or retry (nullable) */
  char         *run_path;
  gint64        started_us;
};

void
_augur_compare_session_free (AugurCompareSession *session)
{
  if (session == NULL)
    return;
  g_clear_handle_id (&session->refresh_source, g_source_remove);
  g_clear_object (&session->recorder);
  g_clear_pointer (&session->columns, g_ptr_array_unref);
  g_clear_pointer (&session->refs, g_ptr_array_unref);
  g_clear_pointer (&session->settings, g_ptr_array_unref);
  g_clear_pointer (&session->inputs, g_ptr_array_unref);
  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    {
      g_clear_pointer (&session->results[k], g_ptr_array_unref);
      g_clear_pointer (&session->index_maps[k], g_array_unref);
    }
  g_clear_pointer (&session->batches, g_ptr_array_unref);
  g_clear_pointer (&session->comparisons, g_ptr_array_unref);
  g_clear_pointer (&session->dirty, g_hash_table_unref);
  g_free (session->run_path);
  g_free (session);
}

static AugurCompareSession *
compare_session_new (GPtrArray *refs,
                     GPtrArray *columns,
                     GPtrArray *settings,
                     GPtrArray *inputs)
{
  AugurCompareSession *session = g_new0 (AugurCompareSession, 1);
  guint n = inputs->len;

  session->refs = g_ptr_array_ref (refs);
  session->columns = g_ptr_array_ref (columns);
  session->settings = g_ptr_array_ref (settings);
  session->inputs = g_ptr_array_new_full (n, _augur_unref_nullable);
  for (guint i = 0; i < n; i++)
    {
      AugurInput *input = g_ptr_array_index (inputs, i);
      g_ptr_array_add (session->inputs, input ? g_object_ref (input) : NULL);
    }
  for (guint k = 0; k < refs->len; k++)
    {
      session->results[k] = g_ptr_array_new_full (n, _augur_unref_nullable);
      g_ptr_array_set_size (session->results[k], n);
    }
  session->batches = g_ptr_array_new_with_free_func (_augur_unref_nullable);
  g_ptr_array_set_size (session->batches, refs->len);
  session->comparisons = g_ptr_array_new_full (n, _augur_unref_nullable);
  g_ptr_array_set_size (session->comparisons, n);
  session->dirty = g_hash_table_new (NULL, NULL);
  return session;
}

static guint
n_columns (AugurCompareSession *session)
{
  return session->refs->len;
}

static gboolean
shows_cards (AugurCompareSession *session)
{
  return session->inputs->len <= TABLE_ABOVE_INPUTS;
}

/* Views ------------------------------------------------------------------------------------ */

static AugurComparison *
build_comparison (AugurCompareSession *session,
                  guint                index)
{
  AugurPrediction *predictions[AUGUR_COMPARE_MAX_COLUMNS] = { NULL };

  for (guint k = 0; k < n_columns (session); k++)
    predictions[k] = g_ptr_array_index (session->results[k], index);
  return augur_comparison_new (index, predictions, n_columns (session));
}

static GPtrArray *
known_comparisons (AugurCompareSession *session)
{
  GPtrArray *known = g_ptr_array_new ();

  for (guint i = 0; i < session->comparisons->len; i++)
    if (g_ptr_array_index (session->comparisons, i) != NULL)
      g_ptr_array_add (known, g_ptr_array_index (session->comparisons, i));
  return known;
}

static void
update_strip (AugurWindow *self)
{
  AugurCompareSession *session = self->compare;
  g_autoptr(GPtrArray) known = known_comparisons (session);
  g_autoptr(AugurCompareSummary) summary = NULL;

  if (known->len > 0)
    summary = augur_compare_summarize (known);
  augur_compare_strip_set (self->compare_strip, session->columns, summary);
}

/* Brings the views up to date with every answer received since the last refresh. */
static gboolean
refresh_views (gpointer user_data)
{
  AugurWindow *self = user_data;
  AugurCompareSession *session = self->compare;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  session->refresh_source = 0;
  g_hash_table_iter_init (&iter, session->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint index = GPOINTER_TO_UINT (key);
      AugurComparison *comparison = build_comparison (session, index);

      g_clear_object (&g_ptr_array_index (session->comparisons, index));
      g_ptr_array_index (session->comparisons, index) = comparison;
      g_ptr_array_add (changed, comparison);
    }
  g_hash_table_remove_all (session->dirty);

  if (changed->len == 0)
    return G_SOURCE_REMOVE;
  if (shows_cards (session))
    for (guint i = 0; i < changed->len; i++)
      augur_compare_view_update (self->compare_view, g_ptr_array_index (changed, i));
  augur_compare_table_update_many (self->compare_table, changed);
  update_strip (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (AugurWindow *self,
               guint        index)
{
  AugurCompareSession *session = self->compare;

  g_hash_table_add (session->dirty, GUINT_TO_POINTER (index));
  if (session->refresh_source == 0)
    session->refresh_source = g_timeout_add (REFRESH_INTERVAL_MS, refresh_views, self);
}

static void
show_compare_pages (AugurWindow *self,
                    gboolean     compare)
{
  static const char * const single[] = { "cards", "table" };
  static const char * const comparing[] = { "compare-cards", "compare-table" };

  for (guint i = 0; i < G_N_ELEMENTS (single); i++)
    {
      GtkWidget *child = gtk_stack_get_child_by_name (self->results_stack, single[i]);
      GtkWidget *compare_child = gtk_stack_get_child_by_name (self->results_stack, comparing[i]);

      gtk_stack_page_set_visible (gtk_stack_get_page (self->results_stack, child), !compare);
      gtk_stack_page_set_visible (gtk_stack_get_page (self->results_stack, compare_child), compare);
    }
}

static void
reset_views (AugurWindow *self)
{
  AugurCompareSession *session = self->compare;
  guint n = session->inputs->len;

  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  /* Many inputs live in the table only: a card each would cost memory and the main loop. */
  augur_compare_view_reset (self->compare_view, session->columns,
                            shows_cards (session) ? session->inputs : none);
  augur_compare_table_reset (self->compare_table, session->columns, session->inputs);
  augur_compare_strip_set (self->compare_strip, session->columns, NULL);
  _augur_window_apply_compare_filter (self);
  show_compare_pages (self, TRUE);
  gtk_stack_set_visible_child_name (self->results_stack,
                                    shows_cards (session) ? "compare-cards" : "compare-table");
  gtk_widget_set_visible (GTK_WIDGET (self->results_switcher), n > 1 && shows_cards (session));
  gtk_widget_set_visible (GTK_WIDGET (self->results_heading), n > 0);
}

/* The concept controls filter the cards on screen, as they do single results. */
void
_augur_window_apply_compare_filter (AugurWindow *self)
{
  g_autoptr(AugurSettings) settings = augur_controls_panel_get_settings (self->controls_panel);

  augur_compare_view_set_filter (self->compare_view, augur_settings_get_max_concepts (settings),
                                 augur_settings_get_min_value (settings));
}

/* Mode ------------------------------------------------------------------------------------- */

gboolean
_augur_window_get_compare_mode (AugurWindow *self)
{
  return self->compare_mode;
}

void
_augur_window_set_compare_mode (AugurWindow *self,
                                gboolean     compare)
{
  compare = !!compare;
  if (self->compare_mode == compare)
    return;
  self->compare_mode = compare;

  /* First time on: two versions of the window's model, the common case. */
  if (compare)
    {
      g_autoptr(GPtrArray) refs = augur_compare_columns_dup_refs (self->compare_columns);
      g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);

      if (refs == NULL && ref != NULL)
        augur_compare_columns_start_from (self->compare_columns, ref);
    }
  gtk_revealer_set_reveal_child (self->compare_revealer, compare);
  show_compare_pages (self, compare && self->compare != NULL);
  if (!compare || self->compare == NULL)
    gtk_stack_set_visible_child_name (self->results_stack,
                                      self->run_inputs && self->run_inputs->len > TABLE_ABOVE_INPUTS
                                        ? "table" : "cards");
  else
    gtk_stack_set_visible_child_name (self->results_stack,
                                      shows_cards (self->compare) ? "compare-cards" : "compare-table");
  g_object_notify (G_OBJECT (self), "compare-mode");
  _augur_window_actions_update (self);
}

/* Settings --------------------------------------------------------------------------------- */

/* Without sync, each column uses the settings remembered for its model and version: they
 * are read through a panel of their own, which knows the model's controls. */
static AugurSettings *
remembered_settings (AugurWindow         *self,
                     const AugurModelRef *ref)
{
  AugurModel *model = augur_model_picker_get_model (self->model_picker);
  g_autofree char *saved = augur_context_get_controls (self->context, ref);
  GtkWidget *panel = g_object_ref_sink (augur_controls_panel_new ());
  AugurSettings *settings;

  augur_controls_panel_set_model (AUGUR_CONTROLS_PANEL (panel),
                                  model ? augur_model_get_model_type_id (model) : NULL,
                                  augur_model_picker_get_spec (self->model_picker));
  augur_controls_panel_restore (AUGUR_CONTROLS_PANEL (panel), saved);
  settings = augur_controls_panel_get_settings (AUGUR_CONTROLS_PANEL (panel));
  g_object_unref (panel);
  return settings;
}

static GPtrArray *
column_settings (AugurWindow *self,
                 GPtrArray   *refs,
                 GError     **error)
{
  g_autoptr(GPtrArray) settings = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_settings_unref);
  gboolean sync = augur_compare_columns_get_sync_controls (self->compare_columns);

  for (guint k = 0; k < refs->len; k++)
    {
      g_autoptr(AugurSettings) user = sync ? augur_controls_panel_get_settings (self->controls_panel)
                                           : remembered_settings (self, g_ptr_array_index (refs, k));

      if (!augur_settings_validate (user, error))
        return NULL;
      /* Ask for every concept once; thresholds are applied on screen, as without Compare. */
      g_ptr_array_add (settings, _augur_window_settings_for_request (self, user));
    }
  return g_steal_pointer (&settings);
}

/* Journal ---------------------------------------------------------------------------------- */

static void
journal_path_known_cb (AugurRunRecorder *recorder,
                       GParamSpec       *pspec,
                       AugurWindow      *self)
{
  AugurCompareSession *session = self->compare;

  if (session == NULL || recorder != session->recorder)
    return;
  g_free (session->run_path);
  session->run_path = g_strdup (augur_run_recorder_get_path (recorder));
}

/* A comparison reopened from History, or retried after one that was journaled, continues
 * its run; otherwise a new one starts. */
static void
open_journal (AugurWindow *self)
{
  AugurCompareSession *session = self->compare;
  AugurConfig *config = augur_context_get_config (self->context);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_run_column_free);

  g_clear_object (&session->recorder);
  if (session->run_path != NULL)
    session->recorder = augur_run_recorder_new_reopen (session->run_path);
  else
    {
      for (guint k = 0; k < n_columns (session); k++)
        g_ptr_array_add (columns, augur_run_column_new (g_ptr_array_index (session->refs, k),
                                                        g_ptr_array_index (session->settings, k)));
      session->recorder = augur_run_recorder_new (NULL, augur_config_get_base_url (config),
                                                  columns, session->inputs, NULL);
    }
  g_signal_connect_object (session->recorder, "notify::path",
                           G_CALLBACK (journal_path_known_cb), self, 0);
}

/* Running ---------------------------------------------------------------------------------- */

static guint
column_of (AugurCompareSession *session,
           AugurBatch          *batch)
{
  for (guint k = 0; k < session->batches->len; k++)
    if (g_ptr_array_index (session->batches, k) == batch)
      return k;
  return G_MAXUINT;
}

static void
store_result (AugurWindow     *self,
              guint            column,
              guint            index,
              AugurPrediction *prediction)
{
  AugurCompareSession *session = self->compare;
  GPtrArray *results = session->results[column];

  if (index >= results->len)
    return;
  augur_prediction_set_index (prediction, index);
  g_clear_object (&g_ptr_array_index (results, index));
  g_ptr_array_index (results, index) = g_object_ref (prediction);
  queue_refresh (self, index);
}

static void
item_finished_cb (AugurBatch      *batch,
                  AugurPrediction *prediction,
                  AugurWindow     *self)
{
  AugurCompareSession *session = self->compare;
  guint column = session ? column_of (session, batch) : G_MAXUINT;
  guint index = augur_prediction_get_index (prediction);

  if (column == G_MAXUINT)
    return;
  /* A batch numbers its own inputs from 0: map back to the comparison's. */
  if (index >= session->index_maps[column]->len)
    return;
  index = g_array_index (session->index_maps[column], guint, index);
  store_result (self, column, index, prediction);
  augur_run_recorder_add (session->recorder, column, index, prediction);
}

static void
update_progress (AugurWindow *self)
{
  AugurCompareSession *session = self->compare;
  guint done = 0, failed = 0, total = 0;
  g_autofree char *text = NULL;

  for (guint k = 0; k < session->batches->len; k++)
    {
      AugurBatch *batch = g_ptr_array_index (session->batches, k);

      if (batch == NULL)
        continue;
      done += augur_batch_get_n_done (batch);
      failed += augur_batch_get_n_failed (batch);
      total += augur_batch_get_n_inputs (batch);
    }
  /* Translators: progress of a comparison, e.g. "120 of 400 answers (2 failed) from 2 columns" */
  text = g_strdup_printf (ngettext ("%u of %u answers (%u failed) from %u column",
                                    "%u of %u answers (%u failed) from %u columns",
                                    n_columns (session)),
                          done, total, failed, n_columns (session));
  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 0);
  gtk_label_set_text (self->progress_label, text);
}

static void
progress_cb (AugurBatch  *batch,
             guint        done,
             guint        failed,
             guint        total,
             AugurWindow *self)
{
  if (self->compare != NULL)
    update_progress (self);
}

static void
retrying_cb (AugurBatch  *batch,
             guint        attempt,
             guint        max_attempts,
             guint        delay_ms,
             const char  *reason,
             AugurWindow *self)
{
  AugurCompareSession *session = self->compare;
  guint column = session ? column_of (session, batch) : G_MAXUINT;
  AugurCompareColumn *info;
  g_autofree char *text = NULL;

  if (column == G_MAXUINT)
    return;
  info = g_ptr_array_index (session->columns, column);
  /* Translators: "B · 0a1b2c3d: The server asked to slow down; next try in 5 s (attempt 3 of 10)" */
  text = g_strdup_printf (_("%s: %s; next try in %u s (attempt %u of %u)"), info->display_name,
                          reason, (delay_ms + 999) / 1000, attempt + 1, max_attempts);
  gtk_label_set_text (self->progress_label, text);
}

/* A column that stopped for good (say, its version does not exist) fails its remaining
 * inputs with the reason, so its cards say why and the other columns stay complete. */
static void
fail_pending (AugurWindow  *self,
              guint         column,
              const GError *error)
{
  AugurCompareSession *session = self->compare;
  GPtrArray *results = session->results[column];

  for (guint i = 0; i < results->len; i++)
    {
      g_autoptr(AugurPrediction) failed = NULL;

      if (g_ptr_array_index (results, i) != NULL)
        continue;
      failed = augur_prediction_new ();
      augur_prediction_set_index (failed, i);
      augur_prediction_set_input (failed, g_ptr_array_index (session->inputs, i));
      augur_prediction_set_error (failed, error);
      store_result (self, column, i, failed);
    }
}

static void
show_only_changes (AugurWindow *self)
{
  AugurCompareSession *session = self->compare;
  g_autoptr(GPtrArray) known = known_comparisons (session);
  g_autoptr(AugurCompareSummary) summary = augur_compare_summarize (known);
  g_autofree char *text = NULL;

  augur_compare_table_set_only_disagreements (self->compare_table, TRUE);
  if (shows_cards (session))
    augur_compare_view_set_visible_indices (self->compare_view, summary->disagreeing);
  if (summary->disagreeing->len == 0)
    text = g_strdup (_("No input changed its top concept"));
  else
    text = g_strdup_printf (ngettext ("%u input changed its top concept",
                                      "%u inputs changed their top concept",
                                      summary->disagreeing->len),
                            summary->disagreeing->len);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
finish_compare (AugurWindow *self,
                gboolean     cancelled)
{
  AugurCompareSession *session = self->compare;

  g_clear_handle_id (&session->refresh_source, g_source_remove);
  refresh_views (self);
  augur_run_recorder_close_async (session->recorder,
                                  cancelled ? AUGUR_RUN_STATE_CANCELLED : AUGUR_RUN_STATE_FINISHED,
                                  NULL, NULL);
  g_clear_object (&self->cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, session->inputs->len > 1);
  if (session->only_changes && !cancelled)
    show_only_changes (self);
  session->only_changes = FALSE;
  _augur_window_actions_update (self);
}

static void
batch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  AugurBatch *batch = AUGUR_BATCH (source);
  AugurCompareSession *session = self->compare;
  g_autoptr(GError) error = NULL;
  guint column = session ? column_of (session, batch) : G_MAXUINT;
  gboolean cancelled = FALSE;

  if (!augur_batch_run_finish (batch, result, &error))
    {
      cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      if (!cancelled && column != G_MAXUINT)
        fail_pending (self, column, error);
    }
  if (column == G_MAXUINT)
    return;
  g_assert (session->n_running > 0);
  if (--session->n_running == 0)
    finish_compare (self, cancelled);
}

/* Sends the inputs at @indices to @column; returns FALSE when none of them is available. */
static gboolean
launch_column (AugurWindow *self,
               guint        column,
               GArray      *indices)
{
  AugurCompareSession *session = self->compare;
  AugurClient *client = augur_context_get_client (self->context);
  GSettings *gsettings = augur_context_get_settings (self->context);
  g_autoptr(AugurModelRef) picked = augur_model_picker_dup_ref (self->model_picker);
  AugurModelRef *ref = g_ptr_array_index (session->refs, column);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *map = g_array_new (FALSE, FALSE, sizeof (guint));
  AugurModelSpec *spec = NULL;
  AugurBatch *batch;

  /* Only the picked model's spec is known; another model is asked the legacy way. */
  if (picked != NULL && augur_model_ref_same_model (picked, ref))
    spec = augur_model_picker_get_spec (self->model_picker);
  /* A reopened run may have lost some inputs (pasted images): those cannot be sent. */
  for (guint i = 0; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      AugurInput *input = g_ptr_array_index (session->inputs, index);

      if (input == NULL)
        continue;
      g_ptr_array_add (inputs, g_object_ref (input));
      g_array_append_val (map, index);
    }
  g_clear_pointer (&session->index_maps[column], g_array_unref);
  session->index_maps[column] = map;
  g_clear_object (&g_ptr_array_index (session->batches, column));
  if (inputs->len == 0)
    return FALSE;

  batch = augur_batch_new (client, ref, g_ptr_array_index (session->settings, column), spec, inputs);
  g_ptr_array_index (session->batches, column) = batch;
  if (gsettings != NULL)
    {
      augur_batch_set_max_in_flight (batch, MAX (1, g_settings_get_uint (gsettings, "requests-in-flight")
                                                      / n_columns (session)));
      augur_downscale_setup_batch_from_settings (batch, gsettings);
    }
  g_signal_connect_object (batch, "item-finished", G_CALLBACK (item_finished_cb), self, 0);
  g_signal_connect_object (batch, "progress", G_CALLBACK (progress_cb), self, 0);
  g_signal_connect_object (batch, "retrying", G_CALLBACK (retrying_cb), self, 0);
  session->n_running++;
  augur_batch_run_async (batch, self->cancellable, batch_done_cb, g_object_ref (self));
  return TRUE;
}

/* The inputs of @column without a successful answer. */
static GArray *
unfinished_indices (AugurCompareSession *session,
                    guint                column)
{
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < session->inputs->len; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (session->results[column], i);

      if (prediction == NULL || !augur_prediction_is_success (prediction))
        g_array_append_val (indices, i);
    }
  return indices;
}

static void
start_session (AugurWindow         *self,
               AugurCompareSession *session)
{
  g_clear_pointer (&self->compare, _augur_compare_session_free);
  self->compare = session;
  session->started_us = g_get_monotonic_time ();
  self->cancellable = g_cancellable_new ();
  reset_views (self);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, _("Sending…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  open_journal (self);
  for (guint k = 0; k < n_columns (session); k++)
    {
      g_autoptr(GArray) all = unfinished_indices (session, k);
      launch_column (self, k, all);
    }
  if (session->n_running == 0)
    finish_compare (self, FALSE);
  _augur_window_actions_update (self);
}

/* Unfinished answers over every column: what "Retry Failed" would send. */
guint
_augur_window_count_compare_unfinished (AugurWindow *self)
{
  AugurCompareSession *session = self->compare;
  guint n = 0;

  if (session == NULL)
    return 0;
  for (guint k = 0; k < n_columns (session); k++)
    {
      g_autoptr(GArray) indices = unfinished_indices (session, k);

      for (guint i = 0; i < indices->len; i++)
        n += g_ptr_array_index (session->inputs, g_array_index (indices, guint, i)) != NULL;
    }
  return n;
}

/**
 * _augur_window_retry_compare:
 *
 * Sends again, per column, only the inputs without a successful answer (failed, or never
 * answered in a run that was cut short), continuing the comparison's journal.
 */
void
_augur_window_retry_compare (AugurWindow *self)
{
  AugurCompareSession *session = self->compare;

  if (session == NULL || self->cancellable != NULL || augur_context_get_client (self->context) == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  session->started_us = g_get_monotonic_time ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, _("Sending…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);

  open_journal (self);
  for (guint k = 0; k < n_columns (session); k++)
    {
      g_autoptr(GArray) indices = unfinished_indices (session, k);
      launch_column (self, k, indices);
    }
  if (session->n_running == 0)
    finish_compare (self, FALSE);
  _augur_window_actions_update (self);
}

/**
 * _augur_window_start_compare:
 * @only_changes: when the run ends, show only the inputs whose top-1 changed
 *
 * Sends the window's inputs to every compare column at once.
 */
void
_augur_window_start_compare (AugurWindow *self,
                             gboolean     only_changes)
{
  g_autoptr(GPtrArray) refs = augur_compare_columns_dup_refs (self->compare_columns);
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GPtrArray) inputs = augur_input_grid_collect_inputs (self->input_grid);
  g_autoptr(GPtrArray) settings = NULL;
  g_autoptr(GError) error = NULL;
  AugurCompareSession *session;

  if (self->cancellable != NULL)
    return;
  if (augur_context_get_client (self->context) == NULL)
    {
      const GError *client_error = augur_context_get_client_error (self->context);
      if (client_error != NULL)
        _augur_window_show_error (self, client_error);
      return;
    }
  if (refs == NULL || refs->len < AUGUR_COMPARE_MIN_COLUMNS)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Every compare column needs a valid model")));
      return;
    }
  if (inputs->len == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Add an image or type some text first")));
      return;
    }
  settings = column_settings (self, refs, &error);
  if (settings == NULL)
    {
      _augur_window_show_error (self, error);
      return;
    }

  columns = augur_compare_columns_dup_columns (self->compare_columns);
  session = compare_session_new (refs, columns, settings, inputs);
  session->only_changes = only_changes;
  start_session (self, session);
}

/* Reopening -------------------------------------------------------------------------------- */

/* Shows a comparison from History: its answers, its columns, its inputs in the grid. */
void
_augur_window_open_compare_run (AugurWindow *self,
                                AugurRun    *run)
{
  guint n_cols = MIN (augur_run_get_n_columns (run), AUGUR_COMPARE_MAX_COLUMNS);
  guint n = augur_run_get_n_inputs (run);
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_model_ref_free);
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GPtrArray) settings = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_settings_unref);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (_augur_unref_nullable);
  g_autoptr(GPtrArray) grid_inputs = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_unfinished;
  AugurCompareSession *session;

  if (self->cancellable != NULL)
    return;
  for (guint k = 0; k < n_cols; k++)
    {
      const AugurRunColumn *run_column = augur_run_get_column (run, k);

      g_ptr_array_add (refs, augur_model_ref_copy (run_column->ref));
      g_ptr_array_add (settings, run_column->settings ? augur_settings_copy (run_column->settings)
                                                      : augur_settings_new ());
    }
  for (guint i = 0; i < n; i++)
    {
      AugurInput *input = augur_run_get_input (run, i);
      g_ptr_array_add (inputs, input ? g_object_ref (input) : NULL);
      if (input != NULL)
        g_ptr_array_add (grid_inputs, g_object_ref (input));
    }

  columns = augur_compare_columns_name_refs (refs);
  augur_model_picker_select (self->model_picker, augur_run_get_column (run, 0)->ref);
  augur_compare_columns_set_refs (self->compare_columns, refs);
  _augur_window_set_compare_mode (self, TRUE);
  augur_input_grid_clear (self->input_grid);
  augur_input_grid_add_inputs (self->input_grid, grid_inputs);

  g_clear_pointer (&self->compare, _augur_compare_session_free);
  session = compare_session_new (refs, columns, settings, inputs);
  session->run_path = g_strdup (augur_run_get_path (run));
  self->compare = session;
  reset_views (self);
  for (guint k = 0; k < n_cols; k++)
    {
      GPtrArray *results = augur_run_get_results (run, k);

      for (guint i = 0; results != NULL && i < MIN (results->len, n); i++)
        if (g_ptr_array_index (results, i) != NULL)
          store_result (self, k, i, g_ptr_array_index (results, i));
    }
  g_clear_handle_id (&session->refresh_source, g_source_remove);
  refresh_views (self);
  _augur_window_actions_update (self);

  n_unfinished = _augur_window_count_compare_unfinished (self);
  if (n_unfinished > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Comparison reopened: %u answer is missing",
                                                         "Comparison reopened: %u answers are missing",
                                                         n_unfinished), n_unfinished);
      _augur_window_offer_to_send_missing (self, text);
    }
}

/* Reading the session (augur-window-compare-export.c) ------------------------------------ */

GPtrArray *
_augur_compare_session_get_columns (AugurCompareSession *session)
{
  return session->columns;
}

/* (nullable): input @index's comparison, NULL before any column answered */
AugurComparison *
_augur_compare_session_get_comparison (AugurCompareSession *session,
                                       guint                index)
{
  return index < session->comparisons->len ? g_ptr_array_index (session->comparisons, index) : NULL;
}

/* (nullable): input @index, NULL when a reopened run lost it */
AugurInput *
_augur_compare_session_get_input (AugurCompareSession *session,
                                  guint                index)
{
  return index < session->inputs->len ? g_ptr_array_index (session->inputs, index) : NULL;
}

guint
_augur_compare_session_get_n_inputs (AugurCompareSession *session)
{
  return session->inputs->len;
}

/* Setup ------------------------------------------------------------------------------------ */

static void
compare_columns_changed_cb (AugurWindow *self)
{
  _augur_window_actions_update (self);
}

/* Without shared controls, a column's settings are those remembered for its model and
 * version: showing that version in the window puts them in the controls panel. */
static void
edit_column_settings_cb (AugurWindow *self,
                         guint        column)
{
  g_autoptr(GPtrArray) refs = augur_compare_columns_dup_refs (self->compare_columns);
  g_autoptr(GPtrArray) columns = augur_compare_columns_dup_columns (self->compare_columns);
  g_autofree char *text = NULL;

  g_autoptr(AugurModelRef) picked = augur_model_picker_dup_ref (self->model_picker);
  AugurModelRef *ref;

  if (refs == NULL || column >= refs->len)
    return;
  ref = g_ptr_array_index (refs, column);
  if (picked != NULL && augur_model_ref_same_model (picked, ref))
    augur_model_picker_select_version (self->model_picker, ref->version_id);
  else
    augur_model_picker_select (self->model_picker, ref);
  /* Translators: %s names a compare column, e.g. "B · 0a1b2c3d" */
  text = g_strdup_printf (_("The controls now show the settings of %s"),
                          ((AugurCompareColumn *) g_ptr_array_index (columns, column))->display_name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
_augur_window_setup_compare (AugurWindow *self)
{
  augur_compare_columns_set_context (self->compare_columns, self->context);
  g_signal_connect_object (self->compare_columns, "changed",
                           G_CALLBACK (compare_columns_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_columns, "edit-settings",
                           G_CALLBACK (edit_column_settings_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_table, "comparison-activated",
                           G_CALLBACK (_augur_window_show_comparison), self, G_CONNECT_SWAPPED);
  show_compare_pages (self, FALSE);
}

gboolean
_augur_window_has_comparison (AugurWindow *self)
{
  return self->compare != NULL && self->compare->comparisons->len > 0;
}
