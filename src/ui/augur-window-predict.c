/* augur-window-predict.c: running a prediction from the window, showing results as they
 * arrive, and re-filtering them as controls change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-window-predict"

#include <glib/gi18n.h>
#include <string.h>

#include "augur-batch-row.h"
#include "augur-controls-state.h"
#include "augur-downscale.h"
#include "augur-result-view.h"
#include "augur-window-private.h"


/* Results are shown a slice at a time, so that a reply of 128 never holds the main loop:
 * a slice stops after its time or its count of results (each changes the texts of a table
 * row, which the next frame lays out again), and the next one waits a little, so that a
 * frame can come in between. */
#define FLUSH_SLICE_US 6000
#define FLUSH_SLICE_RESULTS 32
#define FLUSH_GAP_MS 10
/* A new progress line relays the whole window out: a few a second are plenty. */
#define PROGRESS_EVERY_MS 250

static void launch_batch (AugurWindow *self, AugurModelRef *ref, GPtrArray *inputs);
static void finish_prediction (AugurWindow *self);

/* A run: the inputs of one prediction and a result slot for each, kept across resends. */
static void
start_run (AugurWindow *self,
           GPtrArray   *inputs)
{
  _augur_window_flush_results (self);
  g_clear_pointer (&self->run_inputs, g_ptr_array_unref);
  g_clear_pointer (&self->run_results, g_ptr_array_unref);
  g_clear_pointer (&self->run_path, g_free);
  self->run_inputs = g_ptr_array_new_full (inputs->len, _augur_unref_nullable);
  for (guint i = 0; i < inputs->len; i++)
    g_ptr_array_add (self->run_inputs, g_object_ref (g_ptr_array_index (inputs, i)));
  self->run_results = g_ptr_array_new_full (inputs->len, _augur_unref_nullable);
  g_ptr_array_set_size (self->run_results, inputs->len);
  _augur_window_fill_table (self);
}


/* GTK 4.8 list views make widgets for up to 200 items at once: a table filled with thousands
 * of rows in one change made them all in one main-loop dispatch (a tenth of a second). The
 * first rows go in a few at a time, then the rest at once, which costs little more. */
#define FILL_WIDGET_ROWS 200
#define FILL_SLICE_ROWS 25

/* Appends the next @n rows, or replaces the table's rows with them when @replace. Rows take
 * the run's results when they go in: results may arrive in between. */
static void
add_rows (AugurWindow *self,
          guint        n,
          gboolean     replace)
{
  AugurWindowPipeline *pipeline = _augur_window_get_pipeline (self);
  GListStore *store = augur_batch_view_get_store (self->batch_view);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));

  n = MIN (n, pipeline->unfilled->len);
  for (guint i = 0; i < n; i++)
    {
      AugurBatchRow *row = g_ptr_array_index (pipeline->unfilled, i);
      guint index = augur_batch_row_get_index (row);
      AugurPrediction *prediction = self->run_results != NULL && index < self->run_results->len
                                      ? g_ptr_array_index (self->run_results, index) : NULL;

      if (prediction != NULL)
        augur_batch_row_set_prediction (row, prediction);
    }
  g_list_store_splice (store, replace ? 0 : n_old, replace ? n_old : 0,
                       pipeline->unfilled->pdata, n);
  g_ptr_array_remove_range (pipeline->unfilled, 0, n);
}

static gboolean
fill_slice_cb (gpointer user_data)
{
  AugurWindow *self = user_data;
  AugurWindowPipeline *pipeline = self->pipeline;
  guint n_rows;

  pipeline->fill_source = 0;
  if (self->context == NULL)
    return G_SOURCE_REMOVE;
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (augur_batch_view_get_store (self->batch_view)));
  add_rows (self, n_rows < FILL_WIDGET_ROWS ? FILL_SLICE_ROWS : G_MAXUINT, FALSE);
  /* A frame in between lays out the new rows' widgets a slice at a time. */
  if (pipeline->unfilled->len > 0)
    pipeline->fill_source = g_timeout_add (FLUSH_GAP_MS, fill_slice_cb, self);
  else
    g_clear_pointer (&pipeline->unfilled, g_ptr_array_unref);
  return G_SOURCE_REMOVE;
}

void
_augur_window_fill_table (AugurWindow *self)
{
  AugurWindowPipeline *pipeline = _augur_window_get_pipeline (self);
  guint n = self->run_inputs->len;

  g_clear_handle_id (&pipeline->fill_source, g_source_remove);
  g_clear_pointer (&pipeline->unfilled, g_ptr_array_unref);
  pipeline->unfilled = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (pipeline->unfilled,
                     augur_batch_row_new (i, g_ptr_array_index (self->run_inputs, i)));

  /* A small run goes in at once; a large one starts in the next dispatch, apart from the
   * rest of starting the run. */
  add_rows (self, n <= FILL_SLICE_ROWS ? n : 0, TRUE);
  if (pipeline->unfilled->len > 0)
    pipeline->fill_source = g_timeout_add (FLUSH_GAP_MS, fill_slice_cb, self);
  else
    g_clear_pointer (&pipeline->unfilled, g_ptr_array_unref);

  gtk_stack_set_visible_child_name (self->results_stack, n > TABLE_ABOVE_INPUTS ? "table" : "cards");
  gtk_widget_set_visible (GTK_WIDGET (self->results_switcher), n > 1 && n <= TABLE_ABOVE_INPUTS);
  gtk_widget_set_visible (GTK_WIDGET (self->results_heading), n > 0);
}

static gboolean
needs_sending (AugurWindow *self,
               guint        index)
{
  AugurPrediction *prediction = g_ptr_array_index (self->run_results, index);

  return g_ptr_array_index (self->run_inputs, index) != NULL &&
         (prediction == NULL || !augur_prediction_is_success (prediction));
}

/* Inputs of the current run that have no successful result and can be sent again. */
guint
_augur_window_count_unfinished (AugurWindow *self)
{
  guint n = 0;

  if (self->run_results == NULL)
    return 0;
  for (guint i = 0; i < self->run_results->len; i++)
    n += needs_sending (self, i);
  return n;
}

/* Requests in flight, from Preferences (the schema's range keeps it at least 1). */
static guint
requests_in_flight (GSettings *settings)
{
  return g_settings_get_uint (settings, "requests-in-flight");
}

static void
remove_result (AugurWindow *self,
               guint        index)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->results_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (augur_prediction_get_index (augur_result_view_get_prediction (AUGUR_RESULT_VIEW (child))) == index)
      {
        gtk_box_remove (self->results_box, child);
        return;
      }
}

static const char *
current_model_type (AugurWindow *self)
{
  AugurModel *model = augur_model_picker_get_model (self->model_picker);
  return model ? augur_model_get_model_type_id (model) : NULL;
}

/* Concept models: Augur asks once for up to 200 concepts and applies max concepts and the
 * minimum value here, so both re-filter instantly without a new request. Select concepts
 * still go to the server, which returns exactly those. */
AugurSettings *
_augur_window_settings_for_request (AugurWindow   *self,
                                    AugurSettings *user)
{
  AugurSettings *wire = augur_settings_copy (user);

  if (augur_model_type_has_concepts (current_model_type (self)) &&
      (augur_settings_get_max_concepts (user) > 0 || augur_settings_get_min_value (user) >= 0))
    {
      augur_settings_set_max_concepts (wire, AUGUR_MAX_CONCEPTS_LIMIT);
      augur_settings_set_min_value (wire, -1);
    }
  return wire;
}

static GStrv
selected_concepts (AugurSettings *settings)
{
  GPtrArray *selects = augur_settings_get_select_concepts (settings);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; selects != NULL && i < selects->len; i++)
    g_strv_builder_add (builder, ((AugurSelectConcept *) g_ptr_array_index (selects, i))->value);
  return g_strv_builder_end (builder);
}

static gboolean
shows_cards (AugurWindow *self)
{
  return self->run_inputs == NULL || self->run_inputs->len <= TABLE_ABOVE_INPUTS;
}

static void
apply_filter_to (AugurWindow     *self,
                 AugurResultView *view)
{
  g_autoptr(AugurSettings) settings = augur_controls_panel_get_settings (self->controls_panel);
  g_auto(GStrv) selected = selected_concepts (settings);

  augur_result_view_set_filter (view, augur_settings_get_max_concepts (settings),
                                augur_settings_get_min_value (settings),
                                (const char * const *) selected);
}

void
_augur_window_apply_filters (AugurWindow *self)
{
  g_autoptr(AugurSettings) settings = augur_controls_panel_get_settings (self->controls_panel);
  g_auto(GStrv) selected = selected_concepts (settings);
  guint max_concepts = augur_settings_get_max_concepts (settings);
  double min_value = augur_settings_get_min_value (settings);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->results_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    augur_result_view_set_filter (AUGUR_RESULT_VIEW (child), max_concepts, min_value,
                                  (const char * const *) selected);
}

void
_augur_window_show_error (AugurWindow  *self,
                          const GError *error)
{
  AdwToast *toast;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 8);
  if (g_error_matches (error, AUGUR_ERROR, AUGUR_ERROR_AUTH) ||
      g_error_matches (error, AUGUR_ERROR, AUGUR_ERROR_TLS))
    {
      adw_toast_set_button_label (toast, _("Preferences"));
      adw_toast_set_action_name (toast, "app.preferences");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "max concepts 200 · temperature 0.25": what was sent, so a result says how it was made. */
static char *
describe_settings (AugurSettings *settings)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) names = augur_settings_list_params (settings);
  GPtrArray *selects = augur_settings_get_select_concepts (settings);

  /* Each part is a whole phrase; " · " only separates them. */
  if (augur_settings_get_max_concepts (settings) > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, _("max concepts %u"), augur_settings_get_max_concepts (settings));
    }
  if (augur_settings_get_min_value (settings) >= 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, _("min value %.2f"), augur_settings_get_min_value (settings));
    }
  if (selects != NULL && selects->len > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u selected concept", "%u selected concepts",
                                              selects->len), selects->len);
    }
  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *value = json_to_string (augur_settings_get_param (settings, name), FALSE);
      g_string_append_printf (text, " · %s %s", name, value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
build_provenance (AugurWindow     *self,
                  AugurPrediction *prediction)
{
  AugurConfig *config = augur_context_get_config (self->context);
  g_autoptr(GUri) uri = g_uri_parse (augur_config_get_base_url (config), G_URI_FLAGS_NONE, NULL);
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);
  const char *version = augur_prediction_get_version_id (prediction);
  const char *model = augur_prediction_get_model_id (prediction);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%X");
  g_autofree char *settings = NULL;

  if (model == NULL && ref != NULL)
    model = ref->model_id;
  if (version == NULL && ref != NULL)
    version = ref->version_id;
  settings = self->batch ? describe_settings (self->batch_settings) : g_strdup ("");
  /* Translators: model · version · request time · server · clock time, then the settings */
  return g_strdup_printf (_("%s · version %s · %.0f ms · %s · %s%s"),
                          model ? model : "?", version ? version : _("latest"),
                          augur_prediction_get_duration_ms (prediction),
                          uri ? g_uri_get_host (uri) : augur_config_get_base_url (config), time,
                          settings);
}

/* Results keep input order even though requests finish in any order. */
static void
insert_result (AugurWindow *self,
               GtkWidget   *view,
               guint        index)
{
  GtkWidget *before = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->results_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AugurPrediction *p = augur_result_view_get_prediction (AUGUR_RESULT_VIEW (child));
      if (augur_prediction_get_index (p) > index)
        break;
      before = child;
    }
  gtk_box_insert_child_after (self->results_box, view, before);
}

/* A final result for input @index of the run, from the server or the cache. */
void
_augur_window_show_result (AugurWindow     *self,
                           guint            index,
                           AugurPrediction *prediction)
{
  const GError *error = augur_prediction_get_error (prediction);
  AugurInput *input = augur_prediction_get_input (prediction);
  g_autofree char *provenance = NULL;
  GtkWidget *view;

  augur_prediction_set_index (prediction, index);
  if (self->run_results != NULL && index < self->run_results->len)
    {
      g_clear_object (&g_ptr_array_index (self->run_results, index));
      g_ptr_array_index (self->run_results, index) = g_object_ref (prediction);
    }
  _augur_window_journal_result (self, index, prediction);
  _augur_window_cache_result (self, index, prediction);
  if (index < g_list_model_get_n_items (G_LIST_MODEL (augur_batch_view_get_store (self->batch_view))))
    {
      g_autoptr(AugurBatchRow) row = g_list_model_get_item (G_LIST_MODEL (augur_batch_view_get_store (self->batch_view)), index);
      augur_batch_row_set_prediction (row, prediction);
    }

  if (input != NULL && (error != NULL || shows_cards (self)))
    augur_input_grid_set_item_message (self->input_grid, input, error ? error->message : NULL);

  /* A large run lives in the table; a card per result would cost the main loop and memory
   * for every input. */
  if (!shows_cards (self))
    return;
  view = augur_result_view_new (prediction);
  provenance = build_provenance (self, prediction);
  augur_result_view_set_provenance (AUGUR_RESULT_VIEW (view), provenance);
  insert_result (self, view, index);
  gtk_widget_set_visible (GTK_WIDGET (self->results_heading), TRUE);
  apply_filter_to (self, AUGUR_RESULT_VIEW (view));
}

/* Results on their way to the window */

static void
pipeline_free (AugurWindowPipeline *pipeline)
{
  g_clear_handle_id (&pipeline->flush_source, g_source_remove);
  g_clear_handle_id (&pipeline->fill_source, g_source_remove);
  g_clear_pointer (&pipeline->unfilled, g_ptr_array_unref);
  g_queue_clear_full (&pipeline->pending, g_object_unref);
  g_clear_pointer (&pipeline->run_cache, _augur_run_cache_unref);
  g_free (pipeline);
}

/**
 * _augur_window_get_pipeline:
 *
 * Returns: (transfer none): the window's pipeline state, made on first use and freed with
 *   the window (as object data, so that augur-window.c need not know about it)
 */
AugurWindowPipeline *
_augur_window_get_pipeline (AugurWindow *self)
{
  if (self->pipeline == NULL)
    {
      self->pipeline = g_new0 (AugurWindowPipeline, 1);
      g_queue_init (&self->pipeline->pending);
      g_object_set_data_full (G_OBJECT (self), "augur-window-pipeline", self->pipeline,
                              (GDestroyNotify) pipeline_free);
    }
  return self->pipeline;
}

static gboolean show_progress (AugurWindow *self,
                               gboolean     now);

/* Shows what is pending, until the slice's time is up when @budget_us > 0. Returns whether
 * anything is left. */
static gboolean
show_pending (AugurWindow *self,
              gint64       budget_us)
{
  AugurWindowPipeline *pipeline = _augur_window_get_pipeline (self);
  gint64 deadline = g_get_monotonic_time () + budget_us;
  guint n = 0;

  while (!g_queue_is_empty (&pipeline->pending))
    {
      g_autoptr(AugurPrediction) prediction = g_queue_pop_head (&pipeline->pending);

      _augur_window_show_result (self, augur_prediction_get_index (prediction), prediction);
      if (budget_us > 0 && (++n >= FLUSH_SLICE_RESULTS || g_get_monotonic_time () > deadline))
        break;
    }
  /* A progress line held back still needs a later slice. */
  return show_progress (self, budget_us == 0) || !g_queue_is_empty (&pipeline->pending);
}

static gboolean
flush_slice_cb (gpointer user_data)
{
  AugurWindow *self = user_data;
  AugurWindowPipeline *pipeline = self->pipeline;

  pipeline->flush_source = 0;
  /* Disposed: nothing is left to show the results in. */
  if (self->context != NULL && show_pending (self, FLUSH_SLICE_US))
    pipeline->flush_source = g_timeout_add (g_queue_is_empty (&pipeline->pending)
                                              ? PROGRESS_EVERY_MS / 5 : FLUSH_GAP_MS,
                                            flush_slice_cb, self);
  return G_SOURCE_REMOVE;
}

static void
schedule_flush (AugurWindow *self)
{
  AugurWindowPipeline *pipeline = _augur_window_get_pipeline (self);

  /* At the priority of the replies themselves, so that results show as soon as they come;
   * the slices keep the window responsive however many arrive at once. */
  if (pipeline->flush_source == 0)
    pipeline->flush_source = g_idle_add_full (G_PRIORITY_DEFAULT, flush_slice_cb, self, NULL);
}

/* Shows every pending result now: before the run's end is reported, so that nothing is
 * still on its way once the window is no longer busy. */
void
_augur_window_flush_results (AugurWindow *self)
{
  AugurWindowPipeline *pipeline = _augur_window_get_pipeline (self);

  g_clear_handle_id (&pipeline->flush_source, g_source_remove);
  show_pending (self, 0);
}

/* Runs in the batch's signal emission: only queues, since a whole reply's results come in
 * one main-loop dispatch. */
static void
item_finished_cb (AugurBatch      *batch,
                  AugurPrediction *prediction,
                  AugurWindow     *self)
{
  AugurWindowPipeline *pipeline = _augur_window_get_pipeline (self);
  guint index = augur_prediction_get_index (prediction);

  /* A batch over part of the run numbers its inputs from 0: map back to the run. */
  if (self->index_map != NULL)
    index = g_array_index (self->index_map, guint, index);
  augur_prediction_set_index (prediction, index);
  if (augur_prediction_get_cached (prediction))
    pipeline->n_cached++;
  g_queue_push_tail (&pipeline->pending, g_object_ref (prediction));
  schedule_flush (self);
}

static char *
describe_progress (AugurWindow *self,
                   guint        done,
                   guint        failed,
                   guint        total)
{
  double elapsed_s = (g_get_monotonic_time () - self->batch_started_us) / (double) G_USEC_PER_SEC;
  g_autofree char *sent = g_format_size (augur_batch_get_bytes_sent (self->batch));
  g_autoptr(GString) text = g_string_new (NULL);

  if (failed > 0)
    /* Translators: progress of a prediction, e.g. "12 of 300 done, 1 failed" */
    g_string_append_printf (text, ngettext ("%u of %u done, %u failed", "%u of %u done, %u failed",
                                            total), done, total, failed);
  else
    g_string_append_printf (text, ngettext ("%u of %u done", "%u of %u done", total), done, total);

  if (done > 0 && done < total && elapsed_s > 0.5)
    {
      double rate = done / elapsed_s;
      guint left_s = (guint) ((total - done) / rate + 0.5);

      g_string_append (text, " · ");
      /* Translators: inputs per second */
      g_string_append_printf (text, _("%.1f per second"), rate);
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("about %u second left", "about %u seconds left",
                                              left_s), left_s);
    }
  g_string_append (text, " · ");
  /* Translators: %s is a size such as "3.1 MB" */
  g_string_append_printf (text, _("%s sent"), sent);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The last "progress" of the batch, shown with the results of the same slice unless the line
 * changed less than PROGRESS_EVERY_MS ago (and not @now). Returns whether it is still to
 * show. */
static gboolean
show_progress (AugurWindow *self,
               gboolean     now)
{
  AugurWindowPipeline *pipeline = _augur_window_get_pipeline (self);
  gint64 now_us = g_get_monotonic_time ();
  g_autofree char *text = NULL;

  if (!pipeline->progress_dirty || self->batch == NULL)
    return FALSE;
  if (!now && now_us - pipeline->progress_shown_us < PROGRESS_EVERY_MS * 1000)
    return TRUE;
  pipeline->progress_dirty = FALSE;
  pipeline->progress_shown_us = now_us;
  text = describe_progress (self, pipeline->progress_done, pipeline->progress_failed,
                            pipeline->progress_total);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 pipeline->progress_total
                                   ? (double) pipeline->progress_done / pipeline->progress_total
                                   : 0);
  gtk_label_set_text (self->progress_label, text);
  return FALSE;
}

static void
progress_cb (AugurBatch  *batch,
             guint        done,
             guint        failed,
             guint        total,
             AugurWindow *self)
{
  AugurWindowPipeline *pipeline = _augur_window_get_pipeline (self);

  pipeline->progress_done = done;
  pipeline->progress_failed = failed;
  pipeline->progress_total = total;
  pipeline->progress_dirty = TRUE;
  schedule_flush (self);
}

static void
retrying_cb (AugurBatch  *batch,
             guint        attempt,
             guint        max_attempts,
             guint        delay_ms,
             const char  *reason,
             AugurWindow *self)
{
  g_autofree char *text = NULL;

  /* What finished before the wait is shown first, so it cannot overwrite the reason. */
  _augur_window_flush_results (self);
  /* Translators: "The server asked to slow down; next try in 5 s (attempt 3 of 10)" */
  text = g_strdup_printf (_("%s; next try in %u s (attempt %u of %u)"),
                          reason, (delay_ms + 999) / 1000, attempt + 1, max_attempts);
  gtk_label_set_text (self->progress_label, text);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
}

static void
finish_prediction (AugurWindow *self)
{
  _augur_window_flush_results (self);
  g_clear_object (&self->cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer,
                                 self->batch && augur_batch_get_n_inputs (self->batch) > 1);
  _augur_window_actions_update (self);
}

/* A long run that ends while the user is elsewhere gets a desktop notification. */
#define NOTIFY_AFTER_S 10

static void
notify_if_unseen (AugurWindow *self,
                  AugurBatch  *batch)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  double elapsed_s = (g_get_monotonic_time () - self->batch_started_us) / (double) G_USEC_PER_SEC;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  guint done = augur_batch_get_n_done (batch);
  guint failed = augur_batch_get_n_failed (batch);

  if (app == NULL || gtk_window_is_active (GTK_WINDOW (self)) || elapsed_s < NOTIFY_AFTER_S)
    return;
  notification = g_notification_new (_("Prediction finished"));
  body = g_strdup_printf (ngettext ("%u input done, %u failed", "%u inputs done, %u failed", done),
                          done, failed);
  g_notification_set_body (notification, body);
  g_application_send_notification (app, "prediction-finished", notification);
}

static void
batch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  AugurBatch *batch = AUGUR_BATCH (source);
  g_autoptr(GError) error = NULL;
  guint n_failed = augur_batch_get_n_failed (batch);
  guint n_inputs = augur_batch_get_n_inputs (batch);

  /* Every result reaches the table and the journal before the journal is closed. */
  _augur_window_flush_results (self);
  if (self->batch == batch)
    _augur_window_close_journal (self, augur_batch_get_n_done (batch) == n_inputs
                                         ? AUGUR_RUN_STATE_FINISHED : AUGUR_RUN_STATE_CANCELLED);

  if (!augur_batch_run_finish (batch, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          guint n_done = augur_batch_get_n_done (batch);
          g_autofree char *text = g_strdup_printf (ngettext ("Cancelled; %u finished result kept",
                                                             "Cancelled; %u finished results kept",
                                                             n_done), n_done);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
        }
      else
        _augur_window_show_error (self, error);
    }
  else if (n_failed > 0 && n_failed == n_inputs)
    {
      /* Nothing worked: say why once, above the per-input messages. */
      GPtrArray *results = augur_batch_get_results (batch);
      AugurPrediction *first = g_ptr_array_index (results, 0);
      if (first != NULL && augur_prediction_get_error (first) != NULL)
        _augur_window_show_error (self, augur_prediction_get_error (first));
    }
  notify_if_unseen (self, batch);
  if (self->batch == batch)
    {
      _augur_window_report_cached (self);
      finish_prediction (self);
    }
}

static void
clear_results (AugurWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_box))) != NULL)
    gtk_box_remove (self->results_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->results_heading), FALSE);
}

/* Rough: a request of 128 images takes a couple of seconds on a warm model. */
#define SECONDS_PER_REQUEST 2

static guint
estimate_minutes (guint n_requests,
                  guint in_flight)
{
  return MAX (1, (((n_requests + in_flight - 1) / in_flight) * SECONDS_PER_REQUEST + 59) / 60);
}

/* Before sending: how many inputs, requests and roughly how long, next to Predict. */
void
_augur_window_update_estimate (AugurWindow *self)
{
  GListModel *items = augur_input_grid_get_items (self->input_grid);
  GSettings *settings = augur_context_get_settings (self->context);
  guint n = g_list_model_get_n_items (items);
  guint in_flight = settings ? requests_in_flight (settings) : AUGUR_DEFAULT_IN_FLIGHT;
  guint n_requests = (n + AUGUR_MAX_INPUTS_PER_REQUEST - 1) / AUGUR_MAX_INPUTS_PER_REQUEST;
  g_autofree char *inputs = NULL;
  g_autofree char *requests = NULL;
  g_autofree char *minutes = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->estimate_label), n > 1);
  if (n <= 1)
    return;
  inputs = g_strdup_printf (ngettext ("%u input", "%u inputs", n), n);
  requests = g_strdup_printf (ngettext ("%u request", "%u requests", n_requests), n_requests);
  minutes = g_strdup_printf (ngettext ("about %u minute", "about %u minutes",
                                       estimate_minutes (n_requests, in_flight)),
                             estimate_minutes (n_requests, in_flight));
  text = g_strjoin (" · ", inputs, requests, minutes, NULL);
  gtk_label_set_text (self->estimate_label, text);
}

/* Quota costs money: above the size set in Preferences, Augur asks first. */
static guint
confirm_above (AugurWindow *self)
{
  GSettings *settings = augur_context_get_settings (self->context);

  return settings != NULL ? g_settings_get_uint (settings, "confirm-above-inputs") : 0;
}

static gboolean
confirmed_size (AugurWindow *self,
                guint        n_inputs)
{
  guint limit = confirm_above (self);

  return limit == 0 || n_inputs <= limit || self->confirmed_n == n_inputs;
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     AugurWindow      *self)
{
  if (g_strcmp0 (response, "send") != 0)
    return;
  self->confirmed_n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "augur-n"));
  _augur_window_start_prediction (self);
}

static void
ask_to_confirm (AugurWindow *self,
                guint        n_inputs)
{
  GSettings *settings = augur_context_get_settings (self->context);
  guint in_flight = settings ? requests_in_flight (settings) : AUGUR_DEFAULT_IN_FLIGHT;
  guint n_requests = (n_inputs + AUGUR_MAX_INPUTS_PER_REQUEST - 1) / AUGUR_MAX_INPUTS_PER_REQUEST;
  guint minutes = estimate_minutes (n_requests, in_flight);
  g_autofree char *heading = NULL;
  g_autofree char *requests_text = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  heading = g_strdup_printf (ngettext ("Send %u Input?", "Send %u Inputs?", n_inputs), n_inputs);
  requests_text = g_strdup_printf (ngettext ("They go out in %u request of up to 128, %u at a time.",
                                             "They go out in %u requests of up to 128, %u at a time.",
                                             n_requests), n_requests, in_flight);
  time_text = g_strdup_printf (ngettext ("That should take about %u minute, and every input counts against your Clarifai quota.",
                                         "That should take about %u minutes, and every input counts against your Clarifai quota.",
                                         minutes), minutes);
  body = g_strconcat (requests_text, " ", time_text, NULL);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "send", _("_Send"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "send", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "send");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "augur-n", GUINT_TO_POINTER (n_inputs));
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_augur_window_start_prediction (AugurWindow *self)
{
  AugurClient *client = augur_context_get_client (self->context);
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);
  g_autoptr(GPtrArray) inputs = augur_input_grid_collect_inputs (self->input_grid);
  g_autoptr(AugurSettings) user = augur_controls_panel_get_settings (self->controls_panel);
  g_autoptr(AugurSettings) wire = NULL;
  g_autoptr(GError) error = NULL;

  if (self->cancellable != NULL || ref == NULL)
    return;
  if (client == NULL)
    {
      const GError *client_error = augur_context_get_client_error (self->context);
      if (client_error != NULL)
        _augur_window_show_error (self, client_error);
      return;
    }
  if (inputs->len == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Add an image or type some text first")));
      return;
    }
  if (!augur_settings_validate (user, &error))
    {
      _augur_window_show_error (self, error);
      return;
    }

  if (!confirmed_size (self, inputs->len))
    {
      ask_to_confirm (self, inputs->len);
      return;
    }
  self->confirmed_n = 0;

  wire = _augur_window_settings_for_request (self, user);
  clear_results (self);
  g_clear_pointer (&self->index_map, g_array_unref);
  start_run (self, inputs);
  g_clear_object (&self->batch);
  g_clear_pointer (&self->batch_settings, augur_settings_unref);
  self->batch_settings = augur_settings_ref (wire);
  self->cancellable = g_cancellable_new ();
  _augur_window_actions_update (self);
  /* Inputs answered before by the same version with the same settings cost no quota. */
  _augur_window_predict_cached (self, ref);
}

/* Sends the run's inputs at @indices (all of them when %NULL) and journals the results. */
void
_augur_window_launch (AugurWindow   *self,
                      AugurModelRef *ref,
                      GArray        *indices)
{
  AugurClient *client = augur_context_get_client (self->context);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);

  g_clear_pointer (&self->index_map, g_array_unref);
  if (indices != NULL)
    {
      self->index_map = g_array_ref (indices);
      for (guint i = 0; i < indices->len; i++)
        g_ptr_array_add (inputs, g_object_ref (g_ptr_array_index (self->run_inputs,
                                                                  g_array_index (indices, guint, i))));
    }
  else
    for (guint i = 0; i < self->run_inputs->len; i++)
      g_ptr_array_add (inputs, g_object_ref (g_ptr_array_index (self->run_inputs, i)));

  g_clear_object (&self->batch);
  if (client == NULL || inputs->len == 0)
    {
      finish_prediction (self);
      return;
    }
  self->batch = augur_batch_new (client, ref, self->batch_settings,
                                 augur_model_picker_get_spec (self->model_picker), inputs);
  /* Only a whole run is looked up in the cache: its batch indices are the run's. */
  if (indices == NULL)
    _augur_window_setup_lookups (self, self->batch);
  launch_batch (self, ref, inputs);
}

static void
launch_batch (AugurWindow   *self,
              AugurModelRef *ref,
              GPtrArray     *inputs)
{
  GSettings *settings = augur_context_get_settings (self->context);

  if (settings != NULL)
    {
      augur_batch_set_max_in_flight (self->batch, requests_in_flight (settings));
      augur_downscale_setup_batch_from_settings (self->batch, settings);
    }
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->batch, "item-finished", G_CALLBACK (item_finished_cb), self, 0);
  g_signal_connect_object (self->batch, "progress", G_CALLBACK (progress_cb), self, 0);
  g_signal_connect_object (self->batch, "retrying", G_CALLBACK (retrying_cb), self, 0);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, _("Sending…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  _augur_window_actions_update (self);

  _augur_window_get_pipeline (self)->n_cached = 0;
  _augur_window_get_pipeline (self)->progress_dirty = FALSE;
  _augur_window_open_journal (self, ref, self->batch_settings, self->run_inputs);
  self->batch_started_us = g_get_monotonic_time ();
  augur_batch_run_async (self->batch, self->cancellable, batch_done_cb, g_object_ref (self));
}

/* Sends again only the inputs of the run that have no successful result: those that
 * failed, and those a cancel or a closed window left unsent. The rest stay in place. */
void
_augur_window_retry_failed (AugurWindow *self)
{
  AugurClient *client = augur_context_get_client (self->context);
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (guint));

  if (self->cancellable != NULL || self->run_results == NULL || client == NULL || ref == NULL ||
      self->batch_settings == NULL)
    return;

  for (guint i = 0; i < self->run_results->len; i++)
    {
      if (!needs_sending (self, i))
        continue;
      g_ptr_array_add (inputs, g_object_ref (g_ptr_array_index (self->run_inputs, i)));
      g_array_append_val (map, i);
      remove_result (self, i);
    }
  if (inputs->len == 0)
    return;

  /* With an index map, the run's journal continues (reopened) rather than a new one
   * starting. */
  _augur_window_launch (self, ref, map);
}
