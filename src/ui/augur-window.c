/* augur-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-window"

#include <glib/gi18n.h>

#include "augur-batch-row.h"
#include "augur-controls-state.h"
#include "augur-result-view.h"
#include "augur-window-private.h"

G_DEFINE_FINAL_TYPE (AugurWindow, augur_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_COMPARE_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_page_for_token (AugurWindow *self)
{
  gboolean has_token = augur_context_has_token (self->context);

  gtk_stack_set_visible_child_name (self->main_stack, has_token ? "main" : "welcome");
  if (!has_token)
    gtk_widget_grab_focus (GTK_WIDGET (self->token_entry));
}

static void
token_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!augur_context_load_token_finish (AUGUR_CONTEXT (source), result, &error))
    g_debug ("Token lookup failed: %s", error->message);
  show_page_for_token (self);
  /* Tests create windows without an application; only the app offers to resume. */
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    _augur_window_offer_resume (self);
}

static void
welcome_continue_cb (AugurWindow *self)
{
  g_autofree char *token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_entry))));

  if (*token == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  augur_context_set_token (self->context, token);
  gtk_editable_set_text (GTK_EDITABLE (self->token_entry), "");
  show_page_for_token (self);
}

static void
client_reply_cb (AugurWindow *self,
                 const char  *method,
                 const char  *path,
                 guint        http_status,
                 GBytes      *body)
{
  g_autofree char *text = NULL;

  if (!g_str_has_suffix (path, "/outputs"))
    return;
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  augur_request_view_set_reply (self->request_view, http_status, text);
}

/* The client is rebuilt when settings change: follow the current one. */
static void
follow_client (AugurWindow *self)
{
  AugurClient *client = augur_context_get_client (self->context);

  if (client == self->followed_client)
    return;
  if (self->followed_client != NULL)
    g_signal_handlers_disconnect_by_func (self->followed_client, client_reply_cb, self);
  g_clear_weak_pointer (&self->followed_client);
  if (client != NULL)
    {
      g_set_weak_pointer (&self->followed_client, client);
      g_signal_connect_object (client, "reply", G_CALLBACK (client_reply_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
context_changed_cb (AugurWindow *self)
{
  follow_client (self);
  show_page_for_token (self);
  _augur_window_actions_update (self);
}

static void
update_title (AugurWindow *self)
{
  AugurModel *model = augur_model_picker_get_model (self->model_picker);
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);
  g_autofree char *subtitle = NULL;

  if (ref == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }
  subtitle = g_strdup_printf ("%s · %s", model ? augur_model_get_name (model) : ref->model_id,
                              ref->version_id ? ref->version_id : _("latest version"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* Restore the controls remembered for this model and version, once per change of either. */
static void
update_controls (AugurWindow *self)
{
  AugurModel *model = augur_model_picker_get_model (self->model_picker);
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);
  const char *type = model ? augur_model_get_model_type_id (model) : NULL;
  AugurModelSpec *spec = augur_model_picker_get_spec (self->model_picker);
  g_autofree char *key = NULL;
  g_autofree char *ref_text = NULL;
  GPtrArray *concepts;

  if (ref == NULL)
    return;

  /* The spec pointer changes when a version's spec arrives: rebuild the panel then. */
  ref_text = augur_model_ref_to_string (ref);
  key = g_strdup_printf ("%s|%s|%p", ref_text, type ? type : "", (void *) spec);
  if (g_strcmp0 (key, self->controls_key) != 0)
    {
      g_autofree char *saved = augur_context_get_controls (self->context, ref);

      g_free (self->controls_key);
      self->controls_key = g_steal_pointer (&key);
      g_debug ("Controls for %s", self->controls_key);
      augur_controls_panel_set_model (self->controls_panel, type, spec);
      if (saved != NULL)
        augur_controls_panel_restore (self->controls_panel, saved);
      augur_input_grid_set_accepts (self->input_grid,
                                    augur_model_type_takes_image (type) || (spec && spec->image_arg),
                                    augur_model_type_takes_text (type) || (spec && spec->prompt_arg));
    }

  concepts = augur_model_picker_get_concepts (self->model_picker);
  if (concepts != NULL)
    augur_controls_panel_set_concepts (self->controls_panel, concepts);
}

static void
model_changed_cb (AugurWindow *self)
{
  update_title (self);
  update_controls (self);
  _augur_window_check_golden (self);
  _augur_window_actions_update (self);
  _augur_window_queue_preview (self);
}

static void
model_error_cb (AugurWindow  *self,
                const GError *error)
{
  _augur_window_show_error (self, error);
}

static void
inputs_changed_cb (AugurWindow *self)
{
  _augur_window_update_estimate (self);
  _augur_window_actions_update (self);
  _augur_window_queue_preview (self);
}

static void
controls_changed_cb (AugurWindow *self)
{
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);

  if (ref != NULL)
    {
      g_autofree char *saved = augur_controls_panel_save (self->controls_panel);
      augur_context_set_controls (self->context, ref, saved);
    }
  _augur_window_apply_filters (self);
  _augur_window_apply_compare_filter (self);
  _augur_window_queue_preview (self);
}

/* A table row opens the full result (bars, boxes or text) in its own window. */
static void
batch_row_activated_cb (AugurWindow   *self,
                        AugurBatchRow *row)
{
  AugurPrediction *prediction = augur_batch_row_get_prediction (row);
  GtkWidget *window, *box, *scrolled, *view;

  if (prediction == NULL)
    return;
  window = adw_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  scrolled = gtk_scrolled_window_new ();
  view = augur_result_view_new (prediction);
  gtk_window_set_title (GTK_WINDOW (window), augur_batch_row_get_label (row));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  gtk_widget_set_margin_top (view, 12);
  gtk_widget_set_margin_bottom (view, 12);
  gtk_widget_set_margin_start (view, 12);
  gtk_widget_set_margin_end (view, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
golden_response_cb (AugurWindow *self,
                    int          response)
{
  gtk_info_bar_set_revealed (self->golden_bar, FALSE);
  if (response == GTK_RESPONSE_ACCEPT)
    _augur_window_rerun_golden (self);
}

static void
augur_window_constructed (GObject *object)
{
  AugurWindow *self = AUGUR_WINDOW (object);
  GSettings *settings;

  G_OBJECT_CLASS (augur_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  augur_model_picker_set_context (self->model_picker, self->context);
  g_signal_connect_object (self->context, "changed", G_CALLBACK (context_changed_cb), self,
                           G_CONNECT_SWAPPED);

  settings = augur_context_get_settings (self->context);
  if (settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (settings, "last-model");

      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      if (*last != '\0' && augur_context_has_token (self->context))
        {
          g_autoptr(AugurModelRef) ref = augur_model_ref_parse (last, NULL);
          if (ref != NULL)
            augur_model_picker_select (self->model_picker, ref);
        }
    }

  _augur_window_setup_compare (self);
  _augur_window_setup_golden (self);
  follow_client (self);
  show_page_for_token (self);
  augur_context_load_token_async (self->context, NULL, token_loaded_cb, g_object_ref (self));
  _augur_window_actions_update (self);
}

static void
augur_window_unmap (GtkWidget *widget)
{
  AugurWindow *self = AUGUR_WINDOW (widget);
  GSettings *settings = augur_context_get_settings (self->context);

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
    }

  GTK_WIDGET_CLASS (augur_window_parent_class)->unmap (widget);
}

static void
augur_window_dispose (GObject *object)
{
  AugurWindow *self = AUGUR_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->batch);
  /* A run not closed yet is left interrupted, to be offered for resuming. */
  g_clear_object (&self->recorder);
  g_clear_pointer (&self->compare, _augur_compare_session_free);
  g_clear_object (&self->golden_sets);
  g_clear_weak_pointer (&self->followed_client);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (augur_window_parent_class)->dispose (object);
}

static void
augur_window_finalize (GObject *object)
{
  AugurWindow *self = AUGUR_WINDOW (object);

  g_clear_pointer (&self->controls_key, g_free);
  g_clear_pointer (&self->batch_settings, augur_settings_unref);
  g_clear_pointer (&self->index_map, g_array_unref);
  g_clear_pointer (&self->run_inputs, g_ptr_array_unref);
  g_clear_pointer (&self->run_results, g_ptr_array_unref);
  g_clear_pointer (&self->run_path, g_free);
  g_clear_pointer (&self->last_skipped, g_ptr_array_unref);
  g_clear_object (&self->ground_truth);
  g_clear_pointer (&self->run_version_id, g_free);
  g_clear_object (&self->cache);
  g_clear_pointer (&self->golden_offered, g_free);

  G_OBJECT_CLASS (augur_window_parent_class)->finalize (object);
}

static void
augur_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AugurWindow *self = AUGUR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_COMPARE_MODE:
      _augur_window_set_compare_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AugurWindow *self = AUGUR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COMPARE_MODE:
      g_value_set_boolean (value, _augur_window_get_compare_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_window_class_init (AugurWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = augur_window_constructed;
  object_class->dispose = augur_window_dispose;
  object_class->finalize = augur_window_finalize;
  object_class->set_property = augur_window_set_property;
  object_class->get_property = augur_window_get_property;
  widget_class->unmap = augur_window_unmap;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AUGUR_TYPE_CONTEXT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Compare: the same inputs through 2–4 models or versions (the header's toggle). */
  properties[PROP_COMPARE_MODE] =
    g_param_spec_boolean ("compare-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AUGUR_TYPE_MODEL_PICKER);
  g_type_ensure (AUGUR_TYPE_INPUT_GRID);
  g_type_ensure (AUGUR_TYPE_CONTROLS_PANEL);
  g_type_ensure (AUGUR_TYPE_REQUEST_VIEW);
  g_type_ensure (AUGUR_TYPE_BATCH_VIEW);
  g_type_ensure (AUGUR_TYPE_COMPARE_COLUMNS);
  g_type_ensure (AUGUR_TYPE_COMPARE_VIEW);
  g_type_ensure (AUGUR_TYPE_COMPARE_STRIP);
  g_type_ensure (AUGUR_TYPE_COMPARE_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/augur/Augur/augur-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, token_entry);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, model_picker);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, predict_button);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, estimate_label);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, input_grid);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, results_heading);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, results_box);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, results_switcher);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, batch_view);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, controls_panel);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, request_view);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, compare_revealer);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, compare_columns);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, compare_strip);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, compare_table);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, golden_bar);
  gtk_widget_class_bind_template_child (widget_class, AugurWindow, golden_label);
  gtk_widget_class_bind_template_callback (widget_class, welcome_continue_cb);
  gtk_widget_class_bind_template_callback (widget_class, model_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, model_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, inputs_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, controls_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, batch_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, golden_response_cb);

  _augur_window_class_add_actions (widget_class);
}

static void
augur_window_init (AugurWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
  _augur_window_setup_dnd (self);
}

AugurWindow *
augur_window_new (gpointer      application,
                  AugurContext *context)
{
  return g_object_new (AUGUR_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

void
augur_window_select_model (AugurWindow         *self,
                           const AugurModelRef *ref)
{
  g_return_if_fail (AUGUR_IS_WINDOW (self));
  augur_model_picker_select (self->model_picker, ref);
}

void
augur_window_add_inputs (AugurWindow *self,
                         GPtrArray   *inputs)
{
  g_return_if_fail (AUGUR_IS_WINDOW (self));
  augur_input_grid_add_inputs (self->input_grid, inputs);
}

gboolean
augur_window_is_busy (AugurWindow *self)
{
  g_return_val_if_fail (AUGUR_IS_WINDOW (self), FALSE);
  return self->cancellable != NULL;
}

const char *
augur_window_get_page (AugurWindow *self)
{
  g_return_val_if_fail (AUGUR_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

void
augur_window_predict (AugurWindow *self)
{
  g_return_if_fail (AUGUR_IS_WINDOW (self));
  if (self->compare_mode)
    _augur_window_start_compare (self, FALSE);
  else
    _augur_window_start_prediction (self);
}
