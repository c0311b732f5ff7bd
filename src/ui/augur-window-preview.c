/* augur-window-preview.c: the live request preview: the exact JSON the next Predict would
 * send, rebuilt (in a thread) a moment after the inputs, model or controls change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-window-preview"

#include <glib/gi18n.h>
#include <string.h>

#include "augur-controls-state.h"
#include "augur-window-private.h"

#define PREVIEW_DELAY_MS 250
#define PREVIEW_MAX_INPUTS 8
#define PREVIEW_BASE64_CHARS 48

static const char *
current_model_type (AugurWindow *self)
{
  AugurModel *model = augur_model_picker_get_model (self->model_picker);
  return model ? augur_model_get_model_type_id (model) : NULL;
}


typedef struct
{
  GPtrArray      *inputs;     /* AugurInput */
  AugurSettings  *settings;
  AugurModelSpec *spec;       /* nullable */
  guint           n_total;
} PreviewData;

typedef struct
{
  char *full;
  char *shown;
} PreviewBody;

static void
preview_data_free (PreviewData *data)
{
  g_ptr_array_unref (data->inputs);
  augur_settings_unref (data->settings);
  g_clear_pointer (&data->spec, augur_model_spec_unref);
  g_free (data);
}

static void
preview_body_free (PreviewBody *body)
{
  g_free (body->full);
  g_free (body->shown);
  g_free (body);
}

/* Long base64 strings would drown the view: they are shortened there (not in copies). */
static void
shorten_base64 (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        shorten_base64 (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);
          if (g_str_equal (l->data, "base64") && JSON_NODE_HOLDS_VALUE (member) &&
              json_node_get_value_type (member) == G_TYPE_STRING)
            {
              const char *value = json_node_get_string (member);
              gsize len = strlen (value);
              if (len > PREVIEW_BASE64_CHARS)
                {
                  g_autofree char *shown = g_strdup_printf (_("%.*s… (%zu characters)"),
                                                            PREVIEW_BASE64_CHARS, value, len);
                  json_object_set_string_member (object, "base64", shown);
                }
            }
          else
            shorten_base64 (member);
        }
    }
}

static void
build_preview_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  PreviewData *data = task_data;
  g_autoptr(GPtrArray) payloads = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_payload_free);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  PreviewBody *body;

  for (guint i = 0; i < data->inputs->len; i++)
    {
      AugurPayload *payload = augur_input_load (g_ptr_array_index (data->inputs, i), cancellable, NULL);
      if (payload != NULL)
        g_ptr_array_add (payloads, payload);
    }
  root = augur_request_build_predict (payloads, NULL, data->settings, data->spec, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  body = g_new0 (PreviewBody, 1);
  body->full = augur_json_to_string (root, TRUE);
  shorten_base64 (root);
  body->shown = augur_json_to_string (root, TRUE);
  g_task_return_pointer (task, body, (GDestroyNotify) preview_body_free);
}

static void
preview_built_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AugurWindow *self = AUGUR_WINDOW (source);
  PreviewData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  g_autofree char *note = NULL;
  PreviewBody *body;

  body = g_task_propagate_pointer (G_TASK (result), &error);
  if (body == NULL || ref == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No request preview: %s", error->message);
      return;
    }

  path = augur_model_ref_build_path (ref, TRUE, "/outputs");
  url = augur_config_build_url (augur_context_get_config (self->context), path);
  if (data->n_total > data->inputs->len)
    note = g_strdup_printf (ngettext ("Showing the first %u of %u inputs; Augur sends them in requests of up to 128.",
                                      "Showing the first %u of %u inputs; Augur sends them in requests of up to 128.",
                                      data->n_total),
                            data->inputs->len, data->n_total);
  else if (augur_model_type_has_concepts (current_model_type (self)))
    note = g_strdup (_("Augur asks for up to 200 concepts when you change max concepts or the minimum value, and applies both here, so you can change them without a new request."));
  /* The view shows the short form; copies use the full body. */
  augur_request_view_set_request (self->request_view, "POST", url, body->full, body->shown, note);
  preview_body_free (body);
}

static gboolean
build_preview (gpointer user_data)
{
  AugurWindow *self = user_data;
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);
  g_autoptr(GPtrArray) inputs = augur_input_grid_collect_inputs (self->input_grid);
  g_autoptr(AugurSettings) user = augur_controls_panel_get_settings (self->controls_panel);
  AugurModelSpec *spec = augur_model_picker_get_spec (self->model_picker);
  g_autoptr(GTask) task = NULL;
  PreviewData *data;

  self->preview_source = 0;
  if (ref == NULL)
    return G_SOURCE_REMOVE;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();

  data = g_new0 (PreviewData, 1);
  data->n_total = inputs->len;
  if (inputs->len > PREVIEW_MAX_INPUTS)
    g_ptr_array_set_size (inputs, PREVIEW_MAX_INPUTS);
  data->inputs = g_ptr_array_ref (inputs);
  data->settings = _augur_window_settings_for_request (self, user);
  data->spec = spec ? augur_model_spec_ref (spec) : NULL;

  task = g_task_new (self, self->preview_cancellable, preview_built_cb, NULL);
  g_task_set_source_tag (task, build_preview);
  g_task_set_task_data (task, data, (GDestroyNotify) preview_data_free);
  augur_worker_run (task, build_preview_thread);

  return G_SOURCE_REMOVE;
}

void
_augur_window_queue_preview (AugurWindow *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, build_preview, self);
}
