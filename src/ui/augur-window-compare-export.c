/* augur-window-compare-export.c: what a comparison offers besides its views: one input's
 * card in a window of its own (from the table), and the export of every answered input as
 * CSV or JSON, with each column's values and the deltas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-window-compare"

#include <glib/gi18n.h>

#include "augur-compare-card.h"
#include "augur-thumbnail.h"
#include "augur-window-private.h"


static void
texture_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AugurCompareCard) card = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = augur_thumbnail_load_finish (result, &error);

  if (texture != NULL)
    augur_compare_card_set_texture (card, texture);
  else
    g_debug ("No image for the comparison: %s", error->message);
}

/* A table row opens its input's card in a window of its own. */
void
_augur_window_show_comparison (AugurWindow *self,
                               guint        index)
{
  AugurCompareSession *session = self->compare;
  AugurComparison *comparison;
  AugurInput *input;
  GPtrArray *columns;
  GtkWidget *window, *box, *scrolled, *card;

  if (session == NULL)
    return;
  comparison = _augur_compare_session_get_comparison (session, index);
  if (comparison == NULL)
    return;
  input = _augur_compare_session_get_input (session, index);
  columns = _augur_compare_session_get_columns (session);

  window = adw_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  scrolled = gtk_scrolled_window_new ();
  card = augur_compare_card_new (columns, comparison, columns->len == 2);
  gtk_window_set_title (GTK_WINDOW (window), augur_comparison_get_input_label (comparison));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 680);
  g_object_set (card, "margin-top", 12, "margin-bottom", 12, "margin-start", 12, "margin-end", 12, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), card);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  if (input != NULL && augur_input_is_image (input))
    augur_thumbnail_load_async (input, 720, NULL, texture_loaded_cb, g_object_ref (card));
  gtk_window_present (GTK_WINDOW (window));
}

typedef struct
{
  GPtrArray *columns;      /* AugurCompareColumn */
  GPtrArray *comparisons;  /* AugurComparison, immutable once built */
  gboolean   json;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_ptr_array_unref (job->columns);
  g_ptr_array_unref (job->comparisons);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  contents = job->json ? augur_compare_export_json (job->columns, job->comparisons, TRUE)
                       : augur_compare_export_csv (job->columns, job->comparisons);
  if (!g_file_replace_contents (G_FILE (source_object), contents, strlen (contents), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _augur_window_show_error (self, error);
      return;
    }
  name = g_file_get_basename (G_FILE (source));
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Comparison saved to %s"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Writes the comparison of every input answered so far to @file, as JSON when its name
 * ends in .json, else CSV: every column's values and the deltas against column A. The
 * token is never part of a comparison, so it cannot reach the file. */
void
_augur_window_export_compare_to (AugurWindow *self,
                                 GFile       *file)
{
  AugurCompareSession *session = self->compare;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  ExportJob *job;

  if (session == NULL)
    return;
  name = g_ascii_strdown (g_file_peek_path (file) ? g_file_peek_path (file) : "", -1);
  job = g_new0 (ExportJob, 1);
  job->columns = g_ptr_array_ref (_augur_compare_session_get_columns (session));
  job->comparisons = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < _augur_compare_session_get_n_inputs (session); i++)
    {
      AugurComparison *comparison = _augur_compare_session_get_comparison (session, i);
      if (comparison != NULL)
        g_ptr_array_add (job->comparisons, g_object_ref (comparison));
    }
  job->json = g_str_has_suffix (name, ".json");

  task = g_task_new (file, NULL, export_written_cb, g_object_ref (self));
  g_task_set_source_tag (task, _augur_window_export_compare_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_chooser_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            AugurWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      /* A name without an extension gets the chosen format's. */
      if (path != NULL && !g_str_has_suffix (path, ".csv") && !g_str_has_suffix (path, ".json"))
        {
          gboolean json = filter != NULL && g_strcmp0 (gtk_file_filter_get_name (filter), "JSON") == 0;
          g_autofree char *named = g_strconcat (path, json ? ".json" : ".csv", NULL);
          g_set_object (&file, g_file_new_for_path (named));
        }
      _augur_window_export_compare_to (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
_augur_window_export_compare (AugurWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  if (self->compare == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Comparison"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (csv, "CSV");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_set_name (json, "JSON");
  gtk_file_filter_add_pattern (json, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "comparison.csv");
  g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
