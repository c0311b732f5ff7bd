/* augur-window-evaluate.c: a dropped folder whose subfolders are named after the model's
 * concepts is ground truth: Augur offers to score the run against it (precision and recall
 * per concept, the most confused pairs) at the table's threshold, without uploading anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-window-evaluate"

#include <glib/gi18n.h>

#include "augur-evaluation-view.h"
#include "augur-window-private.h"

static void
ground_truth_detected_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurGroundTruth) truth = augur_ground_truth_detect_finish (result, &error);
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (truth == NULL)
    {
      g_debug ("No ground truth: %s", error->message);
      return;
    }
  if (!augur_ground_truth_is_usable (truth))
    return;

  g_set_object (&self->ground_truth, truth);
  _augur_window_actions_update (self);
  text = g_strdup_printf (ngettext ("%u subfolder is named after a concept of the model",
                                    "%u subfolders are named after concepts of the model",
                                    augur_ground_truth_get_n_matched (truth)),
                          augur_ground_truth_get_n_matched (truth));
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("Evaluate After Predicting"));
  adw_toast_set_action_name (toast, "win.evaluate");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Only a single dropped folder can be ground truth, and only for a model whose concepts
 * are known. */
void
_augur_window_detect_ground_truth (AugurWindow *self,
                                   GPtrArray   *files)
{
  GPtrArray *concepts = augur_model_picker_get_concepts (self->model_picker);
  GFile *folder;

  g_clear_object (&self->ground_truth);
  _augur_window_actions_update (self);
  if (files->len != 1 || concepts == NULL || concepts->len == 0)
    return;
  folder = g_ptr_array_index (files, 0);
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    return;
  augur_ground_truth_detect_async (folder, concepts, NULL, ground_truth_detected_cb, g_object_ref (self));
}

void
_augur_window_show_evaluation (AugurWindow *self)
{
  GtkWidget *view;
  GtkWidget *dialog;

  if (self->ground_truth == NULL || self->run_results == NULL)
    return;
  view = augur_evaluation_view_new ();
  augur_evaluation_view_set_truth (AUGUR_EVALUATION_VIEW (view), self->ground_truth);
  augur_evaluation_view_set_predictions (AUGUR_EVALUATION_VIEW (view), self->run_results);
  /* The table's threshold slider drives the scores while the dialog is open. */
  g_object_bind_property (self->batch_view, "threshold", view, "threshold", G_BINDING_SYNC_CREATE);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Evaluation"),
                                   _("Each subfolder's name is the true label of the images in it."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), view);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
