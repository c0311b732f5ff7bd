/* augur-text-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-text-output"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "augur-text-output.h"

/* How long the button says "Copied" before it goes back to "Copy". */
#define COPIED_SECONDS 2

struct _AugurTextOutput
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scrolled_window;
  GtkTextView       *text_view;
  GtkButton         *copy_button;
  AdwButtonContent  *copy_content;

  guint              copied_source;
};

G_DEFINE_FINAL_TYPE (AugurTextOutput, augur_text_output, GTK_TYPE_WIDGET)

static void
show_copy_state (AugurTextOutput *self,
                 gboolean         copied)
{
  const char *label = copied ? _("Copied") : _("Copy");

  adw_button_content_set_label (self->copy_content, label);
  adw_button_content_set_icon_name (self->copy_content,
                                    copied ? "object-select-symbolic" : "edit-copy-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static gboolean
copied_timeout_cb (gpointer user_data)
{
  AugurTextOutput *self = user_data;

  self->copied_source = 0;
  show_copy_state (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AugurTextOutput *self = AUGUR_TEXT_OUTPUT (widget);
  g_autofree char *text = augur_text_output_dup_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);

  show_copy_state (self, TRUE);
  g_clear_handle_id (&self->copied_source, g_source_remove);
  self->copied_source = g_timeout_add_seconds (COPIED_SECONDS, copied_timeout_cb, self);
}

static void
update_actions (AugurTextOutput *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "text-output.copy",
                                 gtk_text_buffer_get_char_count (buffer) > 0);
}

static void
augur_text_output_dispose (GObject *object)
{
  AugurTextOutput *self = AUGUR_TEXT_OUTPUT (object);

  g_clear_handle_id (&self->copied_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AUGUR_TYPE_TEXT_OUTPUT);

  G_OBJECT_CLASS (augur_text_output_parent_class)->dispose (object);
}

static void
augur_text_output_class_init (AugurTextOutputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_text_output_dispose;

  g_type_ensure (ADW_TYPE_BUTTON_CONTENT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/augur/Augur/augur-text-output.ui");
  gtk_widget_class_bind_template_child (widget_class, AugurTextOutput, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AugurTextOutput, text_view);
  gtk_widget_class_bind_template_child (widget_class, AugurTextOutput, copy_button);
  gtk_widget_class_bind_template_child (widget_class, AugurTextOutput, copy_content);

  gtk_widget_class_install_action (widget_class, "text-output.copy", NULL, copy_action);

  gtk_widget_class_set_css_name (widget_class, "augur-text-output");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
augur_text_output_init (AugurTextOutput *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

GtkWidget *
augur_text_output_new (void)
{
  return g_object_new (AUGUR_TYPE_TEXT_OUTPUT, NULL);
}

void
augur_text_output_set_text (AugurTextOutput *self,
                            const char      *text)
{
  g_return_if_fail (AUGUR_IS_TEXT_OUTPUT (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            text != NULL ? text : "", -1);
  update_actions (self);
}

char *
augur_text_output_dup_text (AugurTextOutput *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (AUGUR_IS_TEXT_OUTPUT (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The button's visible label, "Copy" or "Copied" (for tests). */
const char *
augur_text_output_get_copy_label (AugurTextOutput *self)
{
  g_return_val_if_fail (AUGUR_IS_TEXT_OUTPUT (self), NULL);
  return adw_button_content_get_label (self->copy_content);
}
