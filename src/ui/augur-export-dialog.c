/* augur-export-dialog.c
 *
 * Built in code rather than from a template: it is a stock AdwMessageDialog with one small
 * extra child, and it lives only for one question.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-export-dialog"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "augur-export-dialog.h"
#include "augur-export-file.h"

typedef struct
{
  GtkWindow            *parent;       /* (owned) (nullable) */
  GPtrArray            *predictions;  /* (owned) */
  char                 *model;
  char                 *version_id;
  JsonNode             *settings;     /* (owned) (nullable) */
  char                 *base_url;
  GtkCheckButton       *per_input;    /* (unowned) in the message dialog */
  GtkSpinButton        *top_k_spin;   /* (unowned) in the message dialog */
  GtkFileChooserNative *chooser;      /* (owned) (nullable) */
  AugurExportFormat     format;
  AugurCsvLayout        layout;
  guint                 top_k;
  GFile                *file;         /* (owned) (nullable) */
} ExportRun;

static void
export_run_free (ExportRun *run)
{
  g_clear_object (&run->parent);
  g_clear_pointer (&run->predictions, g_ptr_array_unref);
  g_clear_pointer (&run->model, g_free);
  g_clear_pointer (&run->version_id, g_free);
  g_clear_pointer (&run->settings, json_node_unref);
  g_clear_pointer (&run->base_url, g_free);
  if (run->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (run->chooser));
  g_clear_object (&run->chooser);
  g_clear_object (&run->file);
  g_free (run);
}

static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Export cancelled");
}

/* Writing ---------------------------------------------------------------------------------- */

static void
file_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!augur_export_write_file_finish (G_FILE (source), result, &error))
    {
      g_debug ("Export failed: %s", error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
write_file (GTask *task)
{
  ExportRun *run = g_task_get_task_data (task);
  g_autoptr(JsonNode) run_info = augur_export_run_info_new (run->model, run->version_id,
                                                            run->settings, run->base_url);

  augur_export_write_file_async (run->file, run->format, run->layout, run->top_k,
                                 run->predictions, run_info, g_task_get_cancellable (task),
                                 file_written_cb, g_object_ref (task));
}

/* Choosing the file ------------------------------------------------------------------------ */

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportRun *run = g_task_get_task_data (task);

  if (response == GTK_RESPONSE_ACCEPT)
    run->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&run->chooser);

  if (run->file == NULL || g_task_return_error_if_cancelled (task))
    {
      if (run->file == NULL)
        return_cancelled (task);
      return;
    }
  write_file (task);
}

static GtkFileFilter *
new_filter (AugurExportFormat format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (format == AUGUR_EXPORT_FORMAT_JSON)
    {
      /* Translators: a file type in the save dialog */
      gtk_file_filter_set_name (filter, _("JSON files"));
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_pattern (filter, "*.json");
    }
  else
    {
      /* Translators: a file type in the save dialog */
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_pattern (filter, "*.csv");
    }
  return filter;
}

static void
choose_file (GTask *task)
{
  ExportRun *run = g_task_get_task_data (task);
  g_autoptr(GtkFileFilter) filter = new_filter (run->format);
  g_autofree char *name = g_strdup_printf ("augur-results.%s",
                                           augur_export_format_get_extension (run->format));

  /* GTK 4 save dialogs always ask before replacing an existing file. */
  run->chooser = gtk_file_chooser_native_new (_("Export Results"), run->parent,
                                              GTK_FILE_CHOOSER_ACTION_SAVE,
                                              _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (run->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (run->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (run->chooser), name);
  g_signal_connect (run->chooser, "response", G_CALLBACK (chooser_response_cb),
                    g_object_ref (task));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (run->chooser));
}

/* Choosing the format ---------------------------------------------------------------------- */

static void
format_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportRun *run = g_task_get_task_data (task);

  if (g_strcmp0 (response, "json") == 0)
    run->format = AUGUR_EXPORT_FORMAT_JSON;
  else if (g_strcmp0 (response, "csv") == 0)
    run->format = AUGUR_EXPORT_FORMAT_CSV;
  else
    {
      return_cancelled (task);
      return;
    }

  run->layout = gtk_check_button_get_active (run->per_input) ? AUGUR_CSV_ROW_PER_INPUT
                                                             : AUGUR_CSV_ROW_PER_CONCEPT;
  run->top_k = (guint) gtk_spin_button_get_value_as_int (run->top_k_spin);
  run->per_input = NULL;
  run->top_k_spin = NULL;
  choose_file (task);
}

static GtkWidget *
new_layout_box (ExportRun *run)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *per_concept, *per_input, *top_k_box, *label;

  label = gtk_label_new (_("For CSV"));
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  per_concept = gtk_check_button_new_with_mnemonic (_("One row per input and _concept"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (per_concept), TRUE);
  gtk_box_append (GTK_BOX (box), per_concept);

  top_k_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  per_input = gtk_check_button_new_with_mnemonic (_("One row per _input, with the top"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (per_input), GTK_CHECK_BUTTON (per_concept));
  gtk_box_append (GTK_BOX (top_k_box), per_input);

  run->top_k_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, AUGUR_EXPORT_MAX_TOP_K, 1));
  gtk_spin_button_set_value (run->top_k_spin, AUGUR_EXPORT_DEFAULT_TOP_K);
  gtk_widget_set_valign (GTK_WIDGET (run->top_k_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (run->top_k_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Number of top concepts per input"), -1);
  g_object_bind_property (per_input, "active", run->top_k_spin, "sensitive",
                          G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (top_k_box), GTK_WIDGET (run->top_k_spin));

  /* Translators: ends "One row per input, with the top [5] concepts" */
  label = gtk_label_new (_("concepts"));
  gtk_box_append (GTK_BOX (top_k_box), label);
  gtk_box_append (GTK_BOX (box), top_k_box);

  run->per_input = GTK_CHECK_BUTTON (per_input);
  return box;
}

static GtkWidget *
new_format_dialog (ExportRun *run)
{
  GtkWidget *dialog = adw_message_dialog_new (run->parent, _("Export Results"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Save %u result as JSON (everything, with the model, version and settings) or as CSV (a table). The access token is never included.",
                                               "Save %u results as JSON (everything, with the model, version and settings) or as CSV (a table). The access token is never included.",
                                               run->predictions->len),
                                  run->predictions->len);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), new_layout_box (run));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "json", _("Save as _JSON"),
                                    "csv", _("Save as C_SV"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "csv",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "csv");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

/* API -------------------------------------------------------------------------------------- */

void
augur_export_dialog_run (GtkWindow                *parent,
                         GPtrArray                *predictions,
                         const AugurExportContext *ctx,
                         GCancellable             *cancellable,
                         GAsyncReadyCallback       callback,
                         gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportRun *run;
  GtkWidget *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (predictions != NULL);

  run = g_new0 (ExportRun, 1);
  run->parent = parent != NULL ? g_object_ref (parent) : NULL;
  run->predictions = g_ptr_array_new_full (predictions->len, g_object_unref);
  for (guint i = 0; i < predictions->len; i++)
    g_ptr_array_add (run->predictions, g_object_ref (g_ptr_array_index (predictions, i)));
  if (ctx != NULL)
    {
      run->model = g_strdup (ctx->model);
      run->version_id = g_strdup (ctx->version_id);
      run->settings = ctx->settings != NULL ? json_node_copy (ctx->settings) : NULL;
      run->base_url = g_strdup (ctx->base_url);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_export_dialog_run);
  g_task_set_task_data (task, run, (GDestroyNotify) export_run_free);

  dialog = new_format_dialog (run);
  g_signal_connect (dialog, "response", G_CALLBACK (format_response_cb), g_object_ref (task));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
augur_export_dialog_run_finish (GAsyncResult  *result,
                                GFile        **file,
                                GError       **error)
{
  ExportRun *run;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  run = g_task_get_task_data (G_TASK (result));
  if (file != NULL)
    *file = g_object_ref (run->file);
  return TRUE;
}
