/* augur-window-actions.c: the window's actions and their enabled states.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-window-actions"

#include <glib/gi18n.h>

#include "augur-export-dialog.h"
#include "augur-window-private.h"

static void
predict_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  augur_window_predict (AUGUR_WINDOW (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AugurWindow *self = AUGUR_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
}

static GPtrArray *
files_from_chooser (GtkFileChooser *chooser)
{
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (chooser);
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  return array;
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     AugurWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GPtrArray) files = files_from_chooser (GTK_FILE_CHOOSER (dialog));
      augur_window_add_files (self, files);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_chooser (AugurWindow          *self,
              GtkFileChooserAction  action,
              const char           *title)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (images, _("Images"));
      gtk_file_filter_add_mime_type (images, "image/*");
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), images);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  open_chooser (AUGUR_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Add Images"));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  open_chooser (AUGUR_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("Add Folders"));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  _augur_window_paste (AUGUR_WINDOW (widget));
}

static void
retry_failed_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  AugurWindow *self = AUGUR_WINDOW (widget);

  if (self->compare_mode)
    _augur_window_retry_compare (self);
  else
    _augur_window_retry_failed (self);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (!augur_export_dialog_run_finish (result, &file, &error))
    {
      _augur_window_show_error (self, error);
      return;
    }
  {
    g_autofree char *name = g_file_get_basename (file);
    /* Translators: %s is a file name */
    g_autofree char *text = g_strdup_printf (_("Results saved to %s"), name);
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  }
}

/* Exports every finished result of the current run, in input order, with what produced
 * it (never the token). */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AugurWindow *self = AUGUR_WINDOW (widget);
  g_autoptr(GPtrArray) predictions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);
  g_autofree char *model = ref ? augur_model_ref_to_string (&(AugurModelRef) { ref->user_id, ref->app_id, ref->model_id, NULL }) : NULL;
  g_autoptr(JsonNode) settings = self->batch_settings ? augur_settings_to_lossless_json (self->batch_settings) : NULL;
  AugurExportContext ctx = { 0 };

  if (self->compare_mode && _augur_window_has_comparison (self))
    {
      _augur_window_export_compare (self);
      return;
    }

  for (guint i = 0; self->run_results != NULL && i < self->run_results->len; i++)
    if (g_ptr_array_index (self->run_results, i) != NULL)
      g_ptr_array_add (predictions, g_object_ref (g_ptr_array_index (self->run_results, i)));
  if (predictions->len == 0)
    return;

  ctx.model = model;
  ctx.version_id = self->run_version_id ? self->run_version_id : (ref ? ref->version_id : NULL);
  ctx.settings = settings;
  ctx.base_url = augur_config_get_base_url (augur_context_get_config (self->context));
  augur_export_dialog_run (GTK_WINDOW (self), predictions, &ctx, NULL, exported_cb, g_object_ref (self));
}

static void
evaluate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  _augur_window_show_evaluation (AUGUR_WINDOW (widget));
}

static void
pin_golden_set_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  _augur_window_pin_golden (AUGUR_WINDOW (widget));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _augur_window_show_history (AUGUR_WINDOW (widget));
}

static void
clear_inputs_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  augur_input_grid_clear (AUGUR_WINDOW (widget)->input_grid);
}

void
_augur_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.predict", NULL, predict_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.clear-inputs", NULL, clear_inputs_action);
  gtk_widget_class_install_action (widget_class, "win.retry-failed", NULL, retry_failed_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.evaluate", NULL, evaluate_action);
  gtk_widget_class_install_action (widget_class, "win.pin-golden-set", NULL, pin_golden_set_action);
  gtk_widget_class_install_property_action (widget_class, "win.compare-mode", "compare-mode");

  /* Also bound here so that shortcuts work in windows without an application (tests). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "win.predict", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.show-history", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}

void
_augur_window_actions_update (AugurWindow *self)
{
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);
  gboolean busy = self->cancellable != NULL;
  gboolean connected = augur_context_get_client (self->context) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.predict", ref != NULL && connected && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 !busy && (self->compare_mode ? _augur_window_has_comparison (self)
                                                              : self->run_results != NULL &&
                                                                self->run_results->len > 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pin-golden-set",
                                 ref != NULL && g_list_model_get_n_items (augur_input_grid_get_items (self->input_grid)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.evaluate",
                                 self->ground_truth != NULL && self->run_results != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry-failed",
                                 !busy && connected &&
                                 (self->compare_mode ? _augur_window_count_compare_unfinished (self)
                                                     : _augur_window_count_unfinished (self)) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
}
