/* augur-window-runs.c: past runs: reopening one (its finished results shown, the rest ready
 * to send), the offer to resume a run that a closed or killed window left unfinished, and
 * the History window; and the run journal of the current prediction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-window-runs"

#include <glib/gi18n.h>

#include "augur-result-view.h"
#include "augur-window-private.h"

static void
show_run_results (AugurWindow *self,
                  AugurRun    *run)
{
  GPtrArray *results = augur_run_get_results (run, 0);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_box))) != NULL)
    gtk_box_remove (self->results_box, child);
  if (augur_run_get_n_inputs (run) > TABLE_ABOVE_INPUTS)
    return;

  for (guint i = 0; i < results->len; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (results, i);

      if (prediction == NULL)
        continue;
      gtk_box_append (self->results_box, augur_result_view_new (prediction));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_heading),
                          gtk_widget_get_first_child (GTK_WIDGET (self->results_box)) != NULL);
  _augur_window_apply_filters (self);
}

/**
 * _augur_window_open_run:
 * @run: a run loaded with its results (augur_journal_load())
 *
 * Makes @run the current run: its model, its settings for any resend, its inputs in the
 * grid and its finished results shown. "Retry Failed" then sends only what has no result.
 */
void
_augur_window_open_run (AugurWindow *self,
                        AugurRun    *run)
{
  const AugurRunColumn *column = augur_run_get_column (run, 0);
  GPtrArray *results = augur_run_get_results (run, 0);
  g_autoptr(GPtrArray) grid_inputs = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = augur_run_get_n_inputs (run);
  guint unfinished;

  if (self->cancellable != NULL)
    return;

  augur_model_picker_select (self->model_picker, column->ref);
  g_clear_pointer (&self->batch_settings, augur_settings_unref);
  self->batch_settings = column->settings ? augur_settings_copy (column->settings)
                                          : augur_settings_new ();
  g_clear_object (&self->batch);
  g_clear_pointer (&self->index_map, g_array_unref);
  /* Cache keys of the last prediction are by its input indices, not this run's. */
  _augur_window_forget_run_cache (self);
  g_clear_pointer (&self->run_inputs, g_ptr_array_unref);
  g_clear_pointer (&self->run_results, g_ptr_array_unref);
  g_free (self->run_path);
  self->run_path = g_strdup (augur_run_get_path (run));

  self->run_inputs = g_ptr_array_new_full (n, _augur_unref_nullable);
  self->run_results = g_ptr_array_new_full (n, _augur_unref_nullable);
  for (guint i = 0; i < n; i++)
    {
      AugurInput *input = augur_run_get_input (run, i);
      AugurPrediction *prediction = i < results->len ? g_ptr_array_index (results, i) : NULL;

      g_ptr_array_add (self->run_inputs, input ? g_object_ref (input) : NULL);
      g_ptr_array_add (self->run_results, prediction ? g_object_ref (prediction) : NULL);
      if (input != NULL)
        g_ptr_array_add (grid_inputs, g_object_ref (input));
    }

  augur_input_grid_clear (self->input_grid);
  augur_input_grid_add_inputs (self->input_grid, grid_inputs);
  show_run_results (self, run);
  _augur_window_fill_table (self);
  _augur_window_actions_update (self);

  unfinished = _augur_window_count_unfinished (self);
  if (unfinished > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Run reopened: %u input still has no result",
                                                         "Run reopened: %u inputs still have no result",
                                                         unfinished), unfinished);
      _augur_window_offer_to_send_missing (self, text);
    }
}

/* A reopened run that lacks results says so until the user sends them or dismisses it. */
void
_augur_window_offer_to_send_missing (AugurWindow *self,
                                     const char  *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, _("Send Them"));
  adw_toast_set_action_name (toast, "win.retry-failed");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
run_loaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurRun) run = augur_journal_load_finish (result, &error);

  if (run == NULL)
    {
      _augur_window_show_error (self, error);
      return;
    }
  if (augur_run_get_n_skipped_lines (run) > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u damaged line of the run was skipped",
                                                         "%u damaged lines of the run were skipped",
                                                         augur_run_get_n_skipped_lines (run)),
                                               augur_run_get_n_skipped_lines (run));
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
  if (augur_run_get_n_columns (run) > 1)
    _augur_window_open_compare_run (self, run);
  else
    _augur_window_open_run (self, run);
}

static void
load_run (AugurWindow *self,
          const char  *path)
{
  augur_journal_load_async (path, NULL, run_loaded_cb, g_object_ref (self));
}

/* The resume offer */

static void
resume_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AugurWindow      *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "augur-run-path");

  if (g_strcmp0 (response, "reopen") == 0 && path != NULL)
    load_run (self, path);
}

/* "user/app/model", or for a comparison "Compare user/app/model@v1 with user/app/model@v2" */
static char *
describe_models (AugurRun *run)
{
  g_autoptr(GPtrArray) models = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (augur_run_get_n_columns (run) == 1)
    return augur_model_ref_to_string (augur_run_get_column (run, 0)->ref);
  for (guint k = 0; k < augur_run_get_n_columns (run); k++)
    g_ptr_array_add (models, augur_run_column_describe_model (augur_run_get_column (run, k)));
  g_ptr_array_add (models, NULL);
  /* Translators: separates the models of a comparison, "a@v1 with b@v2" */
  joined = g_strjoinv (_(" with "), (char **) models->pdata);
  /* Translators: a comparison in History; %s lists the models and versions */
  return g_strdup_printf (_("Compare %s"), joined);
}

static char *
describe_run (AugurRun *run)
{
  g_autofree char *model = describe_models (run);
  g_autofree char *date = g_date_time_format (augur_run_get_created_at (run), "%x %X");
  guint done = augur_run_get_n_done (run);
  guint failed = augur_run_get_n_failed (run);
  guint total = augur_run_get_n_inputs (run);

  /* Translators: a past run, e.g. "clarifai/main/model, 27/11/26 10:02:11: 120 of 300 done, 2 failed" */
  return g_strdup_printf (ngettext ("%s, %s: %u of %u input done, %u failed",
                                    "%s, %s: %u of %u inputs done, %u failed", total),
                          model, date, done, total, failed);
}

static void
runs_listed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = augur_journal_list_runs_finish (result, &error);
  AugurRun *newest;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;
  g_autofree char *summary = NULL;

  if (runs == NULL || runs->len == 0)
    return;
  newest = g_ptr_array_index (runs, 0);
  if (augur_run_get_state (newest) != AUGUR_RUN_STATE_INTERRUPTED || augur_run_get_n_pending (newest) == 0)
    return;

  summary = describe_run (newest);
  body = g_strdup_printf (_("Augur was closed before this run finished:\n%s\n\nIts results were kept. Reopen it to see them and send the remaining inputs."),
                          summary);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Resume the Unfinished Run?"), body));
  adw_message_dialog_add_responses (dialog, "later", _("_Not Now"), "reopen", _("_Reopen"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reopen", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "reopen");
  g_object_set_data_full (G_OBJECT (dialog), "augur-run-path", g_strdup (augur_run_get_path (newest)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (resume_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Called once the window is shown: a run left interrupted is offered for reopening. */
void
_augur_window_offer_resume (AugurWindow *self)
{
  augur_journal_list_runs_async (NULL, NULL, runs_listed_cb, g_object_ref (self));
}

/* History */

static void
history_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          AugurWindow   *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "augur-run-path");

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (list))));
  if (path != NULL)
    load_run (self, path);
}

static const char *
describe_state (AugurRunState state)
{
  switch (state)
    {
    case AUGUR_RUN_STATE_FINISHED:  return _("Finished");
    case AUGUR_RUN_STATE_CANCELLED: return _("Cancelled");
    case AUGUR_RUN_STATE_INTERRUPTED:
    default:                        return _("Interrupted");
    }
}

static GtkWidget *
create_history_row (AugurRun *run)
{
  const AugurRunColumn *column = augur_run_get_column (run, 0);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = describe_models (run);
  g_autofree char *settings = augur_run_column_describe_settings (column);
  g_autofree char *date = g_date_time_format (augur_run_get_created_at (run), "%x %X");
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped = NULL;

  /* Translators: date · state · counts · settings of a past run */
  subtitle = g_strdup_printf (_("%s · %s · %u done, %u failed, %u not sent · %s"), date,
                              describe_state (augur_run_get_state (run)),
                              augur_run_get_n_done (run), augur_run_get_n_failed (run),
                              augur_run_get_n_pending (run), settings ? settings : "");
  escaped = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "augur-run-path", g_strdup (augur_run_get_path (run)), g_free);
  return row;
}

static void
history_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWidget) window = user_data;
  AugurWindow *self = g_object_get_data (G_OBJECT (window), "augur-window");
  GtkListBox *list = g_object_get_data (G_OBJECT (window), "augur-list");
  AdwStatusPage *empty = g_object_get_data (G_OBJECT (window), "augur-empty");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = augur_journal_list_runs_finish (result, &error);

  if (runs == NULL)
    {
      adw_status_page_set_description (empty, error->message);
      return;
    }
  for (guint i = 0; i < runs->len; i++)
    gtk_list_box_append (list, create_history_row (g_ptr_array_index (runs, i)));
  gtk_widget_set_visible (GTK_WIDGET (empty), runs->len == 0);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (list)), runs->len > 0);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (history_row_activated_cb), self, 0);
}

void
_augur_window_show_history (AugurWindow *self)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *empty = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("History"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 520);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-open-recent-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Runs Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Every prediction is kept here, so that you can reopen it."));
  gtk_widget_set_vexpand (empty, TRUE);
  gtk_widget_set_visible (empty, FALSE);
  gtk_box_append (GTK_BOX (box), empty);

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Past runs"), -1);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  g_object_set_data (G_OBJECT (window), "augur-window", self);
  g_object_set_data (G_OBJECT (window), "augur-list", list);
  g_object_set_data (G_OBJECT (window), "augur-empty", empty);
  augur_journal_list_runs_async (NULL, NULL, history_listed_cb, g_object_ref_sink (window));
  gtk_window_present (GTK_WINDOW (window));
}

/* The run journal of the current prediction: every finished result goes to disk as it
 * arrives, so that closing or killing Augur mid-run loses nothing. */

/* The line is built in the journal's writer thread: @prediction must not change afterwards. */
void
_augur_window_journal_result (AugurWindow     *self,
                              guint            index,
                              AugurPrediction *prediction)
{
  if (self->recorder != NULL)
    augur_run_recorder_add (self->recorder, 0, index, prediction);
}

/* Now, or as soon as the file is open; the recorder stays, for its path. */
void
_augur_window_close_journal (AugurWindow   *self,
                             AugurRunState  state)
{
  if (self->recorder != NULL)
    augur_run_recorder_close_async (self->recorder, state, NULL, NULL);
}

static void
journal_path_known_cb (AugurRunRecorder *recorder,
                       GParamSpec       *pspec,
                       AugurWindow      *self)
{
  /* A newer prediction has its own run. */
  if (recorder != self->recorder)
    return;
  g_free (self->run_path);
  self->run_path = g_strdup (augur_run_recorder_get_path (recorder));
}

/* Resending inputs of a run continues its journal; a new prediction starts one. */
void
_augur_window_open_journal (AugurWindow   *self,
                            AugurModelRef *ref,
                            AugurSettings *settings,
                            GPtrArray     *inputs)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_run_column_free);
  AugurConfig *config = augur_context_get_config (self->context);

  g_clear_object (&self->recorder);
  if (self->index_map != NULL && self->run_path != NULL)
    self->recorder = augur_run_recorder_new_reopen (self->run_path);
  else
    {
      g_ptr_array_add (columns, augur_run_column_new (ref, settings));
      self->recorder = augur_run_recorder_new (NULL, augur_config_get_base_url (config), columns,
                                               inputs, NULL);
    }
  g_signal_connect_object (self->recorder, "notify::path", G_CALLBACK (journal_path_known_cb),
                           self, 0);
}
