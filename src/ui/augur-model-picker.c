/* augur-model-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-model-picker"

#include <glib/gi18n.h>
#include <string.h>

#include "augur-controls-state.h"
#include "augur-model-picker.h"

#define SEARCH_PAGE_SIZE 20
#define VERSIONS_PAGE_SIZE 100
/* Version ids are long hex strings; their start tells versions apart. */
#define SHORT_ID_CHARS 8

struct _AugurModelPicker
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkDropDown    *kind_dropdown;
  GtkSpinner     *spinner;
  GtkDropDown    *version_dropdown;
  GtkPopover     *results_popover;
  GtkLabel       *results_heading;
  GtkListBox     *results_list;

  /* Owned */
  AugurContext   *context;
  GCancellable   *search_cancellable;
  GCancellable   *load_cancellable;
  AugurModelRef  *ref;            /* model without version */
  AugurModel     *model;
  AugurModelSpec *spec;
  GPtrArray      *concepts;       /* AugurConcept */
  GListStore     *versions;       /* AugurModelVersion, "Latest" is row 0 of the dropdown */
  GtkStringList  *version_labels;
  char           *wanted_version; /* chosen once the versions arrive */
  char           *version_id;     /* NULL = latest */
  guint           n_loading;
  gboolean        updating_versions;
  gboolean        ignore_search;
};

G_DEFINE_FINAL_TYPE (AugurModelPicker, augur_model_picker, GTK_TYPE_WIDGET)

enum {
  MODEL_CHANGED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Kinds offered in the search filter; NULL id means any. */
static const struct {
  const char *id;
  const char *label;
} model_kinds[] = {
  { NULL, N_("All kinds") },
  { "visual-classifier", N_("Image classifier") },
  { "visual-detector", N_("Detector") },
  { "visual-segmenter", N_("Segmenter") },
  { "text-to-text", N_("Text generation") },
  { "text-classifier", N_("Text classifier") },
  { "image-to-text", N_("Image to text") },
  { "multimodal-to-text", N_("Multimodal to text") },
  { "text-to-image", N_("Text to image") },
  { "visual-embedder", N_("Image embedder") },
  { "text-embedder", N_("Text embedder") },
};

static void load_spec (AugurModelPicker *self);

static void
begin_loading (AugurModelPicker *self)
{
  if (self->n_loading++ == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
      gtk_spinner_start (self->spinner);
    }
}

static void
end_loading (AugurModelPicker *self)
{
  g_assert (self->n_loading > 0);
  if (--self->n_loading == 0)
    {
      gtk_spinner_stop (self->spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
    }
}

static void
emit_error (AugurModelPicker *self,
            const GError     *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[ERROR], 0, error);
}

static char *
format_date (const char *rfc3339)
{
  g_autoptr(GDateTime) dt = NULL;

  if (rfc3339 == NULL)
    return g_strdup ("");
  dt = g_date_time_new_from_iso8601 (rfc3339, NULL);
  if (dt == NULL)
    return g_strdup (rfc3339);
  /* Translators: a date in the version list, see g_date_time_format() */
  return g_date_time_format (dt, _("%e %b %Y"));
}

char *
augur_model_picker_describe_version (AugurModelVersion *version)
{
  g_autofree char *date = NULL;
  g_autofree char *short_id = NULL;

  g_return_val_if_fail (AUGUR_IS_MODEL_VERSION (version), NULL);

  date = format_date (augur_model_version_get_created_at (version));
  short_id = g_strndup (augur_model_version_get_id (version), SHORT_ID_CHARS);
  g_strstrip (date);
  if (*date == '\0')
    return g_steal_pointer (&short_id);
  return g_strdup_printf ("%s · %s", short_id, date);
}

/* "0a1b2c3d · 3 Mar 2024 · Model is trained and ready": the status tells apart versions
 * that cannot be used yet. */
static char *
describe_version_with_status (AugurModelVersion *version)
{
  g_autofree char *label = augur_model_picker_describe_version (version);
  const AugurStatus *status = augur_model_version_get_status (version);

  if (status != NULL && status->description != NULL)
    return g_strdup_printf ("%s · %s", label, status->description);
  return g_steal_pointer (&label);
}

static void
rebuild_version_labels (AugurModelPicker *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->versions));
  guint selected = 0;

  self->updating_versions = TRUE;
  gtk_string_list_splice (self->version_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->version_labels)), NULL);
  gtk_string_list_append (self->version_labels, _("Latest"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AugurModelVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);
      g_autofree char *label = describe_version_with_status (version);

      gtk_string_list_append (self->version_labels, label);
      if (g_strcmp0 (self->version_id, augur_model_version_get_id (version)) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_selected (self->version_dropdown, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->version_dropdown), n > 0);
  self->updating_versions = FALSE;
}

static void
versions_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AugurModelPicker) self = user_data;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  versions = augur_client_list_versions_finish (AUGUR_CLIENT (source), result, &error);
  end_loading (self);
  if (versions == NULL)
    {
      emit_error (self, error);
      return;
    }

  g_list_store_remove_all (self->versions);
  for (guint i = 0; i < versions->len; i++)
    g_list_store_append (self->versions, g_ptr_array_index (versions, i));

  /* A version asked for (URL, command line) or remembered wins, if it is listed. */
  if (self->wanted_version != NULL)
    {
      g_free (self->version_id);
      self->version_id = g_steal_pointer (&self->wanted_version);
    }
  rebuild_version_labels (self);
  load_spec (self);
}

static void
concepts_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AugurModelPicker) self = user_data;
  g_autoptr(GPtrArray) concepts = NULL;
  g_autoptr(GError) error = NULL;

  concepts = augur_client_get_output_info_finish (AUGUR_CLIENT (source), result, &error);
  end_loading (self);
  if (concepts == NULL)
    {
      /* Autocompletion is a nicety: a model without a concept list is fine. */
      g_debug ("No concept list: %s", error->message);
      return;
    }
  g_clear_pointer (&self->concepts, g_ptr_array_unref);
  self->concepts = g_steal_pointer (&concepts);
  g_signal_emit (self, signals[MODEL_CHANGED], 0);
}

static void
load_concepts (AugurModelPicker *self)
{
  AugurClient *client = augur_context_get_client (self->context);
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self);
  const char *type = self->model ? augur_model_get_model_type_id (self->model) : NULL;

  if (client == NULL || ref == NULL || !augur_model_type_has_concepts (type))
    return;
  begin_loading (self);
  augur_client_get_output_info_async (client, ref, self->load_cancellable,
                                      concepts_loaded_cb, g_object_ref (self));
}

static void
version_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AugurModelPicker) self = user_data;
  g_autoptr(AugurModelVersion) version = NULL;
  g_autoptr(GError) error = NULL;

  version = augur_client_get_version_finish (AUGUR_CLIENT (source), result, &error);
  end_loading (self);
  if (version == NULL)
    {
      emit_error (self, error);
      return;
    }
  g_clear_pointer (&self->spec, augur_model_spec_unref);
  if (augur_model_version_get_spec (version) != NULL)
    self->spec = augur_model_spec_ref (augur_model_version_get_spec (version));
  g_signal_emit (self, signals[MODEL_CHANGED], 0);
  load_concepts (self);
}

/* The spec of "Latest" came with the model; a chosen version is fetched. */
static void
load_spec (AugurModelPicker *self)
{
  AugurClient *client = augur_context_get_client (self->context);
  g_autoptr(AugurModelRef) ref = NULL;

  if (self->version_id == NULL)
    {
      AugurModelVersion *latest = self->model ? augur_model_get_version (self->model) : NULL;

      g_clear_pointer (&self->spec, augur_model_spec_unref);
      if (latest != NULL && augur_model_version_get_spec (latest) != NULL)
        self->spec = augur_model_spec_ref (augur_model_version_get_spec (latest));
      g_signal_emit (self, signals[MODEL_CHANGED], 0);
      load_concepts (self);
      return;
    }
  if (client == NULL)
    return;
  ref = augur_model_picker_dup_ref (self);
  begin_loading (self);
  augur_client_get_version_async (client, ref, self->load_cancellable,
                                  version_loaded_cb, g_object_ref (self));
}

static void
model_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AugurModelPicker) self = user_data;
  g_autoptr(AugurModel) model = NULL;
  g_autoptr(GError) error = NULL;

  model = augur_client_get_model_finish (AUGUR_CLIENT (source), result, &error);
  end_loading (self);
  if (model == NULL)
    {
      emit_error (self, error);
      return;
    }
  g_set_object (&self->model, model);
  augur_context_add_recent_model (self->context, self->ref);
  g_signal_emit (self, signals[MODEL_CHANGED], 0);

  begin_loading (self);
  augur_client_list_versions_async (augur_context_get_client (self->context), self->ref, 1,
                                    VERSIONS_PAGE_SIZE, self->load_cancellable,
                                    versions_listed_cb, g_object_ref (self));
}

static void
reset_model (AugurModelPicker *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  g_clear_object (&self->model);
  g_clear_pointer (&self->spec, augur_model_spec_unref);
  g_clear_pointer (&self->concepts, g_ptr_array_unref);
  g_clear_pointer (&self->version_id, g_free);
  g_list_store_remove_all (self->versions);
  rebuild_version_labels (self);
}

void
augur_model_picker_select (AugurModelPicker    *self,
                           const AugurModelRef *ref)
{
  AugurClient *client;
  g_autofree char *text = NULL;

  g_return_if_fail (AUGUR_IS_MODEL_PICKER (self));
  g_return_if_fail (ref != NULL);

  reset_model (self);
  g_clear_pointer (&self->ref, augur_model_ref_free);
  self->ref = augur_model_ref_with_version (ref, NULL);
  g_free (self->wanted_version);
  self->wanted_version = ref->version_id ? g_strdup (ref->version_id)
                                         : augur_context_get_model_version (self->context, ref);

  text = augur_model_ref_to_string (self->ref);
  self->ignore_search = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  self->ignore_search = FALSE;
  gtk_popover_popdown (self->results_popover);

  g_signal_emit (self, signals[MODEL_CHANGED], 0);

  client = augur_context_get_client (self->context);
  if (client == NULL)
    return;
  begin_loading (self);
  augur_client_get_model_async (client, self->ref, self->load_cancellable,
                                model_loaded_cb, g_object_ref (self));
}

void
augur_model_picker_select_version (AugurModelPicker *self,
                                   const char       *version_id)
{
  g_return_if_fail (AUGUR_IS_MODEL_PICKER (self));

  if (g_strcmp0 (self->version_id, version_id) == 0)
    return;
  g_free (self->version_id);
  self->version_id = g_strdup (version_id);
  if (self->ref != NULL)
    augur_context_set_model_version (self->context, self->ref, version_id);
  rebuild_version_labels (self);
  load_spec (self);
}

static void
version_changed_cb (AugurModelPicker *self)
{
  guint selected = gtk_drop_down_get_selected (self->version_dropdown);
  g_autoptr(AugurModelVersion) version = NULL;

  if (self->updating_versions || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    version = g_list_model_get_item (G_LIST_MODEL (self->versions), selected - 1);
  augur_model_picker_select_version (self, version ? augur_model_version_get_id (version) : NULL);
}

static GtkWidget *
create_model_row (AugurModel *model)
{
  GtkWidget *row = adw_action_row_new ();
  const char *description = augur_model_get_description (model);
  const char *type = augur_model_get_model_type_id (model);
  g_autofree char *title = g_markup_escape_text (augur_model_get_name (model), -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;

  subtitle = g_strdup_printf ("%s · %s%s%s", augur_model_get_user_id (model),
                              augur_model_type_describe (type),
                              description && *description ? " — " : "",
                              description ? description : "");
  escaped = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "augur-ref", augur_model_get_ref (model),
                          (GDestroyNotify) augur_model_ref_free);
  return row;
}

static void
clear_results (AugurModelPicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
}

static void
show_recent (AugurModelPicker *self)
{
  g_auto(GStrv) recent = augur_context_get_recent_models (self->context);

  clear_results (self);
  if (recent == NULL || recent[0] == NULL)
    {
      gtk_popover_popdown (self->results_popover);
      return;
    }
  gtk_label_set_text (self->results_heading, _("Recent models"));
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(AugurModelRef) ref = augur_model_ref_parse (recent[i], NULL);
      GtkWidget *row;

      if (ref == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ref->model_id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), recent[i]);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "augur-ref", g_steal_pointer (&ref),
                              (GDestroyNotify) augur_model_ref_free);
      gtk_list_box_append (self->results_list, row);
    }
  gtk_popover_popup (self->results_popover);
}

static void
models_found_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AugurModelPicker) self = user_data;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GError) error = NULL;

  models = augur_client_list_models_finish (AUGUR_CLIENT (source), result, &error);
  end_loading (self);
  if (models == NULL)
    {
      emit_error (self, error);
      return;
    }

  clear_results (self);
  gtk_label_set_text (self->results_heading,
                      models->len ? _("Models") : _("No models found. Try another word or kind."));
  for (guint i = 0; i < models->len; i++)
    gtk_list_box_append (self->results_list, create_model_row (g_ptr_array_index (models, i)));
  gtk_popover_popup (self->results_popover);
}

static const char *
selected_kind (AugurModelPicker *self)
{
  guint i = gtk_drop_down_get_selected (self->kind_dropdown);
  return i < G_N_ELEMENTS (model_kinds) ? model_kinds[i].id : NULL;
}

static void
run_search (AugurModelPicker *self,
            const char       *text)
{
  AugurClient *client = augur_context_get_client (self->context);
  AugurModelQuery query = { 0 };

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  if (client == NULL)
    return;
  self->search_cancellable = g_cancellable_new ();

  query.search = text;
  query.model_type_id = selected_kind (self);
  query.sort = AUGUR_MODEL_SORT_RELEVANCE;
  query.per_page = SEARCH_PAGE_SIZE;
  begin_loading (self);
  augur_client_list_models_async (client, &query, self->search_cancellable,
                                  models_found_cb, g_object_ref (self));
}

/* A pasted model URL (or user/app/model) selects the model at once. */
static gboolean
try_select_text (AugurModelPicker *self,
                 const char       *text)
{
  g_autoptr(AugurModelRef) ref = NULL;

  if (strchr (text, '/') == NULL)
    return FALSE;
  ref = augur_model_ref_parse (text, NULL);
  if (ref == NULL)
    return FALSE;
  augur_model_picker_select (self, ref);
  return TRUE;
}

static void
search_changed_cb (AugurModelPicker *self)
{
  g_autofree char *text = NULL;

  if (self->ignore_search || self->context == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (*text == '\0')
    {
      show_recent (self);
      return;
    }
  /* GtkSearchEntry reports changes after a delay, so the text set by select() arrives
   * here later too: the current model is not selected again. */
  if (self->ref != NULL)
    {
      g_autofree char *current = augur_model_ref_to_string (self->ref);
      if (g_str_equal (current, text))
        return;
    }
  if (try_select_text (self, text))
    return;
  run_search (self, text);
}

static void
search_activated_cb (AugurModelPicker *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL && gtk_widget_get_visible (GTK_WIDGET (self->results_popover)))
    g_signal_emit_by_name (self->results_list, "row-activated", first);
}

static void
stop_search_cb (AugurModelPicker *self)
{
  gtk_popover_popdown (self->results_popover);
}

static void
kind_changed_cb (AugurModelPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->context != NULL && *text != '\0' && self->ref == NULL)
    run_search (self, text);
}

static void
result_activated_cb (AugurModelPicker *self,
                     GtkListBoxRow    *row)
{
  AugurModelRef *ref = g_object_get_data (G_OBJECT (row), "augur-ref");

  if (ref != NULL)
    augur_model_picker_select (self, ref);
}

static void
focus_enter_cb (AugurModelPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->context != NULL && *text == '\0')
    show_recent (self);
}

static void
augur_model_picker_dispose (GObject *object)
{
  AugurModelPicker *self = AUGUR_MODEL_PICKER (object);

  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->load_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AUGUR_TYPE_MODEL_PICKER);
  /* Unbound template children (the outer box, the popover) are not unparented for us. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->model);
  g_clear_object (&self->versions);
  g_clear_object (&self->version_labels);

  G_OBJECT_CLASS (augur_model_picker_parent_class)->dispose (object);
}

static void
augur_model_picker_finalize (GObject *object)
{
  AugurModelPicker *self = AUGUR_MODEL_PICKER (object);

  g_clear_pointer (&self->ref, augur_model_ref_free);
  g_clear_pointer (&self->spec, augur_model_spec_unref);
  g_clear_pointer (&self->concepts, g_ptr_array_unref);
  g_clear_pointer (&self->wanted_version, g_free);
  g_clear_pointer (&self->version_id, g_free);

  G_OBJECT_CLASS (augur_model_picker_parent_class)->finalize (object);
}

static void
augur_model_picker_class_init (AugurModelPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_model_picker_dispose;
  object_class->finalize = augur_model_picker_finalize;

  signals[MODEL_CHANGED] = g_signal_new ("model-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/augur/Augur/augur-model-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, AugurModelPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AugurModelPicker, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AugurModelPicker, spinner);
  gtk_widget_class_bind_template_child (widget_class, AugurModelPicker, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AugurModelPicker, results_popover);
  gtk_widget_class_bind_template_child (widget_class, AugurModelPicker, results_heading);
  gtk_widget_class_bind_template_child (widget_class, AugurModelPicker, results_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, version_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
augur_model_picker_init (AugurModelPicker *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->load_cancellable = g_cancellable_new ();
  self->versions = g_list_store_new (AUGUR_TYPE_MODEL_VERSION);
  self->version_labels = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->version_dropdown, G_LIST_MODEL (self->version_labels));
  rebuild_version_labels (self);

  for (guint i = 0; i < G_N_ELEMENTS (model_kinds); i++)
    gtk_string_list_append (kinds, _(model_kinds[i].label));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), focus);
}

GtkWidget *
augur_model_picker_new (void)
{
  return g_object_new (AUGUR_TYPE_MODEL_PICKER, NULL);
}

void
augur_model_picker_set_context (AugurModelPicker *self,
                                AugurContext     *context)
{
  g_return_if_fail (AUGUR_IS_MODEL_PICKER (self));
  g_set_object (&self->context, context);
}

AugurModel *
augur_model_picker_get_model (AugurModelPicker *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL_PICKER (self), NULL);
  return self->model;
}

AugurModelRef *
augur_model_picker_dup_ref (AugurModelPicker *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL_PICKER (self), NULL);
  if (self->ref == NULL)
    return NULL;
  return augur_model_ref_with_version (self->ref, self->version_id);
}

AugurModelSpec *
augur_model_picker_get_spec (AugurModelPicker *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL_PICKER (self), NULL);
  return self->spec;
}

GPtrArray *
augur_model_picker_get_concepts (AugurModelPicker *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL_PICKER (self), NULL);
  return self->concepts;
}

gboolean
augur_model_picker_is_loading (AugurModelPicker *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL_PICKER (self), FALSE);
  return self->n_loading > 0;
}

GListModel *
augur_model_picker_get_versions (AugurModelPicker *self)
{
  g_return_val_if_fail (AUGUR_IS_MODEL_PICKER (self), NULL);
  return G_LIST_MODEL (self->versions);
}
