/* augur-window-dnd.c: inputs that arrive by drop or paste: files and folders, image data
 * dragged from a browser, image URLs, model URLs and plain text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-window-dnd"

#include <glib/gi18n.h>
#include <string.h>

#include "augur-window-private.h"

static void
toast (AugurWindow *self,
       const char  *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

#define MAX_LISTED_SKIPPED 50

static void
skipped_list_free (gpointer  data,
                   GClosure *closure)
{
  g_ptr_array_unref (data);
}

static void
show_skipped_cb (AdwToast  *toast,
                 GPtrArray *skipped)
{
  GtkWindow *window = g_object_get_data (G_OBJECT (toast), "augur-window");
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  for (guint i = 0; i < skipped->len && i < MAX_LISTED_SKIPPED; i++)
    {
      AugurSkippedFile *file = g_ptr_array_index (skipped, i);
      g_autofree char *name = g_path_get_basename (file->path);
      /* Translators: a skipped file and why, e.g. "notes.pdf: not an image" */
      g_string_append_printf (body, _("%s: %s"), name, file->reason);
      g_string_append_c (body, '\n');
    }
  if (skipped->len > MAX_LISTED_SKIPPED)
    g_string_append_printf (body, ngettext ("…and %u more", "…and %u more",
                                            skipped->len - MAX_LISTED_SKIPPED),
                            skipped->len - MAX_LISTED_SKIPPED);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Skipped Files"), body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Says what was left out of a drop and why: a toast, with the whole list a click away. */
static void
announce_skipped (AugurWindow *self,
                  GPtrArray   *skipped)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (skipped->len == 1)
    {
      AugurSkippedFile *file = g_ptr_array_index (skipped, 0);
      g_autofree char *basename = g_path_get_basename (file->path);
      /* Translators: "Skipped notes.pdf: not an image" */
      text = g_strdup_printf (_("Skipped %s: %s"), basename, file->reason);
    }
  else
    text = g_strdup_printf (ngettext ("Skipped %u file", "Skipped %u files", skipped->len),
                            skipped->len);

  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("Details"));
  g_object_set_data (G_OBJECT (toast), "augur-window", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (show_skipped_cb),
                         g_ptr_array_ref (skipped), skipped_list_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
files_scanned_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  g_autoptr(AugurScanResult) scan = NULL;
  g_autoptr(GError) error = NULL;

  scan = augur_input_scan_files_finish (result, &error);
  if (scan == NULL)
    {
      _augur_window_show_error (self, error);
      return;
    }
  augur_input_grid_add_inputs (self->input_grid, scan->inputs);
  g_clear_pointer (&self->last_skipped, g_ptr_array_unref);
  self->last_skipped = g_ptr_array_ref (scan->skipped);

  if (scan->skipped->len > 0)
    announce_skipped (self, scan->skipped);
}

void
augur_window_add_files (AugurWindow *self,
                        GPtrArray   *files)
{
  g_return_if_fail (AUGUR_IS_WINDOW (self));
  g_return_if_fail (files != NULL);

  augur_input_scan_files_async (files, NULL, files_scanned_cb, g_object_ref (self));
  _augur_window_detect_ground_truth (self, files);
}

/* Text from a drop or the clipboard: a model URL selects the model, image URLs become
 * inputs, anything else goes into the text area. */
void
_augur_window_handle_text (AugurWindow *self,
                           const char  *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurModelRef) ref = NULL;

  if (*trimmed == '\0')
    return;

  if (strstr (trimmed, "/models/") != NULL && strchr (trimmed, '\n') == NULL)
    ref = augur_model_ref_parse (trimmed, NULL);
  if (ref != NULL)
    {
      augur_model_picker_select (self->model_picker, ref);
      return;
    }

  lines = g_strsplit (trimmed, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (!augur_text_is_http_url (lines[i]))
        {
          g_ptr_array_set_size (inputs, 0);
          break;
        }
      g_ptr_array_add (inputs, augur_input_new_image_url (lines[i]));
    }

  if (inputs->len > 0)
    augur_input_grid_add_inputs (self->input_grid, inputs);
  else
    augur_input_grid_set_text (self->input_grid, trimmed);
}

static void
add_texture (AugurWindow *self,
             GdkTexture  *texture,
             const char  *label)
{
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (texture);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (inputs, augur_input_new_bytes (png, label));
  augur_input_grid_add_inputs (self->input_grid, inputs);
}

static GPtrArray *
files_from_list (GSList *list)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));
  return files;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AugurWindow   *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      g_autoptr(GPtrArray) files = files_from_list (g_value_get_boxed (value));
      augur_window_add_files (self, files);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, GDK_TYPE_TEXTURE))
    {
      add_texture (self, g_value_get_object (value), _("Dropped image"));
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    {
      _augur_window_handle_text (self, g_value_get_string (value));
      return TRUE;
    }
  return FALSE;
}

void
_augur_window_setup_dnd (AugurWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, GDK_TYPE_TEXTURE, G_TYPE_STRING };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
paste_texture_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);

  if (texture == NULL)
    {
      g_debug ("Could not paste an image: %s", error->message);
      toast (self, _("The clipboard image could not be read"));
      return;
    }
  add_texture (self, texture, _("Pasted image"));
}

static void
paste_files_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(GPtrArray) files = NULL;

  if (value == NULL)
    {
      g_debug ("Could not paste files: %s", error->message);
      return;
    }
  files = files_from_list (g_value_get_boxed (value));
  augur_window_add_files (self, files);
}

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      g_debug ("Could not paste text: %s", error ? error->message : "empty");
      return;
    }
  _augur_window_handle_text (self, text);
}

/* Ctrl+V pastes into a focused text field as usual; elsewhere it adds what the clipboard
 * holds: an image, files, a model URL, image URLs or text. */
void
_augur_window_paste (AugurWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus)))
    {
      gtk_widget_activate_action (focus, "clipboard.paste", NULL);
      return;
    }

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                    paste_files_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE))
    gdk_clipboard_read_texture_async (clipboard, NULL, paste_texture_cb, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, NULL, paste_text_cb, g_object_ref (self));
}
