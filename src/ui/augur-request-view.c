/* augur-request-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-request-view"

#include <glib/gi18n.h>
#include <string.h>

#include "augur-curl.h"
#include "augur-request-view.h"

/* Replies can be megabytes (embeddings, base64 images); the view shows the start. */
#define MAX_REPLY_CHARS (256 * 1024)

struct _AugurRequestView
{
  GtkWidget    parent_instance;

  GtkLabel    *target_label;
  GtkLabel    *note_label;
  GtkButton   *copy_curl_button;
  GtkButton   *copy_json_button;
  GtkTextView *request_text;
  GtkExpander *reply_expander;
  GtkTextView *reply_text;

  char        *method;
  char        *url;
  char        *body;
};

G_DEFINE_FINAL_TYPE (AugurRequestView, augur_request_view, GTK_TYPE_WIDGET)

static void
copy_to_clipboard (AugurRequestView *self,
                   const char       *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
copy_curl_clicked_cb (AugurRequestView *self)
{
  g_autofree char *curl = augur_request_view_dup_curl (self);

  if (curl != NULL)
    copy_to_clipboard (self, curl);
}

static void
copy_json_clicked_cb (AugurRequestView *self)
{
  if (self->body != NULL)
    copy_to_clipboard (self, self->body);
}

static void
augur_request_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AUGUR_TYPE_REQUEST_VIEW);
  /* Unbound template children (the outer box, the popover) are not unparented for us. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (augur_request_view_parent_class)->dispose (object);
}

static void
augur_request_view_finalize (GObject *object)
{
  AugurRequestView *self = AUGUR_REQUEST_VIEW (object);

  g_clear_pointer (&self->method, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (augur_request_view_parent_class)->finalize (object);
}

static void
augur_request_view_class_init (AugurRequestViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_request_view_dispose;
  object_class->finalize = augur_request_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/augur/Augur/augur-request-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AugurRequestView, target_label);
  gtk_widget_class_bind_template_child (widget_class, AugurRequestView, note_label);
  gtk_widget_class_bind_template_child (widget_class, AugurRequestView, copy_curl_button);
  gtk_widget_class_bind_template_child (widget_class, AugurRequestView, copy_json_button);
  gtk_widget_class_bind_template_child (widget_class, AugurRequestView, request_text);
  gtk_widget_class_bind_template_child (widget_class, AugurRequestView, reply_expander);
  gtk_widget_class_bind_template_child (widget_class, AugurRequestView, reply_text);
  gtk_widget_class_bind_template_callback (widget_class, copy_curl_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_json_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
augur_request_view_init (AugurRequestView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
augur_request_view_new (void)
{
  return g_object_new (AUGUR_TYPE_REQUEST_VIEW, NULL);
}

void
augur_request_view_set_request (AugurRequestView *self,
                                const char       *method,
                                const char       *url,
                                const char       *body,
                                const char       *shown_body,
                                const char       *note)
{
  g_autofree char *target = NULL;

  g_return_if_fail (AUGUR_IS_REQUEST_VIEW (self));
  g_return_if_fail (method != NULL && url != NULL);

  g_free (self->method);
  g_free (self->url);
  g_free (self->body);
  self->method = g_strdup (method);
  self->url = g_strdup (url);
  self->body = g_strdup (body);

  target = g_strdup_printf ("%s %s", method, url);
  gtk_label_set_text (self->target_label, target);
  gtk_label_set_text (self->note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
  if (shown_body == NULL)
    shown_body = body;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->request_text),
                            shown_body ? shown_body : "", -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_curl_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_json_button), body != NULL);
}

void
augur_request_view_set_reply (AugurRequestView *self,
                              guint             http_status,
                              const char       *body)
{
  g_autofree char *label = NULL;
  g_autofree char *shown = NULL;
  gsize len;

  g_return_if_fail (AUGUR_IS_REQUEST_VIEW (self));

  body = body ? body : "";
  len = strlen (body);
  if (len > MAX_REPLY_CHARS)
    {
      const char *end = g_utf8_find_prev_char (body, body + MAX_REPLY_CHARS);
      g_autofree char *size = g_format_size (len);
      /* Translators: shown after a long reply is cut; %s is a size such as "3.2 MB" */
      shown = g_strdup_printf (_("%.*s\n… (cut; the whole reply is %s)"),
                               (int) (end - body), body, size);
    }

  /* Translators: %u is an HTTP status code */
  label = g_strdup_printf (_("Last reply (HTTP %u)"), http_status);
  gtk_expander_set_label (self->reply_expander, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reply_expander), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reply_text), shown ? shown : body, -1);
}

char *
augur_request_view_dup_curl (AugurRequestView *self)
{
  g_return_val_if_fail (AUGUR_IS_REQUEST_VIEW (self), NULL);
  if (self->url == NULL)
    return NULL;
  return augur_curl_command (self->method, self->url, self->body);
}

char *
augur_request_view_dup_body (AugurRequestView *self)
{
  g_return_val_if_fail (AUGUR_IS_REQUEST_VIEW (self), NULL);
  return g_strdup (self->body);
}

char *
augur_request_view_dup_reply (AugurRequestView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (AUGUR_IS_REQUEST_VIEW (self), NULL);
  buffer = gtk_text_view_get_buffer (self->reply_text);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
