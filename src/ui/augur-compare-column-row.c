/* augur-compare-column-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-compare-column-row"

#include <glib/gi18n.h>

#include "augur-compare-colors.h"
#include "augur-compare-column-row.h"
#include "augur-model-picker.h"

#define VERSIONS_PAGE_SIZE 100
#define SHORT_ID_CHARS 8

struct _AugurCompareColumnRow
{
  GtkListBoxRow  parent_instance;

  /* Children */
  GtkLabel      *badge;
  GtkEntry      *entry;
  GtkDropDown   *dropdown;
  GtkWidget     *settings_button; /* shown when columns do not share the controls */
  GtkWidget     *remove_button;
  GtkStringList *labels;          /* the drop-down's items */

  /* Owned */
  AugurContext  *context;         /* (nullable) */
  GPtrArray     *versions;        /* (element-type AugurModelVersion) as listed */
  GPtrArray     *item_ids;        /* (element-type utf8) per drop-down item; NULL = Latest */
  AugurModelRef *ref;             /* (nullable) without version; NULL while invalid */
  char          *version_id;      /* (nullable) NULL = Latest */
  char          *committed_text;  /* (nullable) the entry text last applied */
  GCancellable  *cancellable;

  gboolean       loading;
  gboolean       updating;        /* the drop-down is being refilled */
  gboolean       disposed;
};

G_DEFINE_FINAL_TYPE (AugurCompareColumnRow, augur_compare_column_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  VERSIONS_LOADED,
  REMOVE,
  EDIT_SETTINGS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Version labels ----------------------------------------------------------------------- */

static void
add_item (AugurCompareColumnRow *self,
          const char            *label,
          const char            *version_id)
{
  gtk_string_list_append (self->labels, label);
  g_ptr_array_add (self->item_ids, g_strdup (version_id));
}

/* Refills the drop-down: "Loading versions…" while loading, else "Latest", the listed
 * versions and the chosen one when it is not listed (a run reopened, a long history). */
static void
show_versions (AugurCompareColumnRow *self)
{
  guint selected = 0;

  self->updating = TRUE;
  gtk_string_list_splice (self->labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->labels)), NULL);
  g_ptr_array_set_size (self->item_ids, 0);

  if (self->loading)
    {
      add_item (self, _("Loading versions…"), NULL);
    }
  else
    {
      add_item (self, _("Latest"), NULL);
      for (guint i = 0; i < self->versions->len; i++)
        {
          AugurModelVersion *version = g_ptr_array_index (self->versions, i);
          g_autofree char *label = augur_model_picker_describe_version (version);

          add_item (self, label, augur_model_version_get_id (version));
          if (g_strcmp0 (self->version_id, augur_model_version_get_id (version)) == 0)
            selected = self->item_ids->len - 1;
        }
      if (self->version_id != NULL && selected == 0)
        {
          g_autofree char *short_id = g_strndup (self->version_id, SHORT_ID_CHARS);

          add_item (self, short_id, self->version_id);
          selected = self->item_ids->len - 1;
        }
    }

  gtk_drop_down_set_selected (self->dropdown, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dropdown),
                            !self->loading && self->item_ids->len > 1);
  self->updating = FALSE;
}

/* Loading versions --------------------------------------------------------------------- */

/* Why the model entry is marked, or why its versions are missing; NULL clears it. */
static void
set_entry_note (AugurCompareColumnRow *self,
                const char            *text)
{
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), text);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The row is not kept alive for a late answer (it would hold the context too): a new model
 * or the row's dispose cancels the cancellable, so the row is only touched while it is not
 * cancelled. */
typedef struct
{
  AugurCompareColumnRow *row;           /* (unowned) */
  GCancellable          *cancellable;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
versions_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  AugurCompareColumnRow *self = data->row;

  versions = augur_client_list_versions_finish (AUGUR_CLIENT (source), result, &error);
  if (g_cancellable_is_cancelled (data->cancellable))
    return;

  self->loading = FALSE;
  if (versions == NULL)
    {
      g_debug ("Could not list the versions: %s", error->message);
      set_entry_note (self, error->message);
    }
  else
    {
      set_entry_note (self, NULL);
      for (guint i = 0; i < versions->len; i++)
        g_ptr_array_add (self->versions, g_object_ref (g_ptr_array_index (versions, i)));
    }
  show_versions (self);
  g_signal_emit (self, signals[VERSIONS_LOADED], 0);
}

static void
cancel_loading (AugurCompareColumnRow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = FALSE;
  g_ptr_array_set_size (self->versions, 0);
}

static void
load_versions (AugurCompareColumnRow *self)
{
  AugurClient *client = self->context ? augur_context_get_client (self->context) : NULL;
  LoadData *data;

  cancel_loading (self);
  if (self->ref == NULL || client == NULL)
    {
      if (self->ref != NULL && self->context != NULL &&
          augur_context_get_client_error (self->context) != NULL)
        set_entry_note (self, augur_context_get_client_error (self->context)->message);
      show_versions (self);
      return;
    }

  self->loading = TRUE;
  show_versions (self);
  data = g_new0 (LoadData, 1);
  data->row = self;
  data->cancellable = g_object_ref (self->cancellable);
  augur_client_list_versions_async (client, self->ref, 1, VERSIONS_PAGE_SIZE, self->cancellable,
                                    versions_listed_cb, data);
}

/* Model entry -------------------------------------------------------------------------- */

static void
set_invalid (AugurCompareColumnRow *self,
             const char            *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  set_entry_note (self, message);
  g_clear_pointer (&self->ref, augur_model_ref_free);
  g_clear_pointer (&self->version_id, g_free);
  cancel_loading (self);
  show_versions (self);
}

static void
set_valid (AugurCompareColumnRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
  set_entry_note (self, NULL);
}

/* The entry is applied when the user is done with it (Enter, or focus leaving), not on
 * every keystroke, so half-typed references neither flash errors nor hit the server. */
static void
commit_entry (AugurCompareColumnRow *self)
{
  g_autofree char *text = NULL;
  g_autoptr(AugurModelRef) ref = NULL;
  g_autoptr(GError) error = NULL;

  if (self->disposed)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (g_strcmp0 (text, self->committed_text) == 0)
    return;

  ref = augur_model_ref_parse (text, &error);
  if (ref == NULL)
    {
      g_free (self->committed_text);
      self->committed_text = g_steal_pointer (&text);
      set_invalid (self, error->message);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  if (augur_compare_column_row_apply_ref (self, ref))
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
entry_activated_cb (AugurCompareColumnRow *self)
{
  commit_entry (self);
}

static void
entry_focus_left_cb (AugurCompareColumnRow *self)
{
  commit_entry (self);
}

static void
version_selected_cb (AugurCompareColumnRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->dropdown);

  if (self->updating || self->loading || selected >= self->item_ids->len)
    return;
  if (augur_compare_column_row_set_version (self, g_ptr_array_index (self->item_ids, selected)))
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (AugurCompareColumnRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
settings_clicked_cb (AugurCompareColumnRow *self)
{
  g_signal_emit (self, signals[EDIT_SETTINGS], 0);
}

/* GObject ------------------------------------------------------------------------------ */

/* The row itself takes no focus; focusing it (a removed neighbour, arrow keys) focuses the
 * entry. */
static gboolean
augur_compare_column_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (AUGUR_COMPARE_COLUMN_ROW (widget)->entry));
}

static void
augur_compare_column_row_dispose (GObject *object)
{
  AugurCompareColumnRow *self = AUGUR_COMPARE_COLUMN_ROW (object);

  /* Unparenting the entry moves the focus out of it, which must not apply it now. */
  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (augur_compare_column_row_parent_class)->dispose (object);
}

static void
augur_compare_column_row_finalize (GObject *object)
{
  AugurCompareColumnRow *self = AUGUR_COMPARE_COLUMN_ROW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->item_ids, g_ptr_array_unref);
  g_clear_pointer (&self->ref, augur_model_ref_free);
  g_clear_pointer (&self->version_id, g_free);
  g_clear_pointer (&self->committed_text, g_free);

  G_OBJECT_CLASS (augur_compare_column_row_parent_class)->finalize (object);
}

static void
augur_compare_column_row_class_init (AugurCompareColumnRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_compare_column_row_dispose;
  object_class->finalize = augur_compare_column_row_finalize;
  widget_class->grab_focus = augur_compare_column_row_grab_focus;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[VERSIONS_LOADED] = g_signal_new ("versions-loaded", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[EDIT_SETTINGS] = g_signal_new ("edit-settings", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
}

static void
build_widgets (AugurCompareColumnRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  self->badge = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->badge, 2);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->badge));

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->entry), GTK_ALIGN_CENTER);
  gtk_entry_set_placeholder_text (self->entry, _("user/app/model or model URL"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));

  self->labels = gtk_string_list_new (NULL);
  self->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->labels), NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->dropdown), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->dropdown));

  self->settings_button = gtk_button_new_from_icon_name ("emblem-system-symbolic");
  gtk_widget_add_css_class (self->settings_button, "flat");
  gtk_widget_set_valign (self->settings_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->settings_button, FALSE);
  gtk_box_append (GTK_BOX (box), self->settings_button);

  self->remove_button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_add_css_class (self->remove_button, "flat");
  gtk_widget_set_valign (self->remove_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->remove_button);
}

static void
augur_compare_column_row_init (AugurCompareColumnRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->versions = g_ptr_array_new_with_free_func (g_object_unref);
  self->item_ids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();

  /* The row is a container: Tab goes straight to the entry, drop-down and button. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  build_widgets (self);

  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activated_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (entry_focus_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), focus);
  g_signal_connect_swapped (self->dropdown, "notify::selected",
                            G_CALLBACK (version_selected_cb), self);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  g_signal_connect_swapped (self->settings_button, "clicked", G_CALLBACK (settings_clicked_cb), self);

  show_versions (self);
  augur_compare_column_row_set_index (self, 0);
}

/* Public API --------------------------------------------------------------------------- */

GtkWidget *
augur_compare_column_row_new (void)
{
  return g_object_new (AUGUR_TYPE_COMPARE_COLUMN_ROW, NULL);
}

void
augur_compare_column_row_set_context (AugurCompareColumnRow *self,
                                      AugurContext          *context)
{
  g_return_if_fail (AUGUR_IS_COMPARE_COLUMN_ROW (self));
  g_return_if_fail (context == NULL || AUGUR_IS_CONTEXT (context));

  g_set_object (&self->context, context);
}

/* Sets and frees @label. */
static void
take_accessible_label (GtkWidget *widget,
                       char      *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_free (label);
}

void
augur_compare_column_row_set_index (AugurCompareColumnRow *self,
                                    guint                  index)
{
  g_autofree char *letter = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *settings_label = NULL;
  const char *classes[] = { "heading", augur_compare_column_css_class (index), NULL };

  g_return_if_fail (AUGUR_IS_COMPARE_COLUMN_ROW (self));
  g_return_if_fail (index < AUGUR_COMPARE_MAX_COLUMNS);

  letter = g_strdup_printf ("%c", 'A' + index);
  gtk_label_set_text (self->badge, letter);
  gtk_widget_set_css_classes (GTK_WIDGET (self->badge), classes);
  /* Translators: %s is a compare column's letter, "A" to "D" */
  take_accessible_label (GTK_WIDGET (self), g_strdup_printf (_("Column %s"), letter));
  /* Translators: %s is a compare column's letter, "A" to "D" */
  take_accessible_label (GTK_WIDGET (self->entry),
                         g_strdup_printf (_("Model of column %s"), letter));
  /* Translators: %s is a compare column's letter, "A" to "D" */
  take_accessible_label (GTK_WIDGET (self->dropdown),
                         g_strdup_printf (_("Version of column %s"), letter));
  /* Translators: %s is a compare column's letter, "A" to "D" */
  remove_label = g_strdup_printf (_("Remove Column %s"), letter);
  gtk_widget_set_tooltip_text (self->remove_button, remove_label);
  take_accessible_label (self->remove_button, g_steal_pointer (&remove_label));
  /* Translators: %s is a compare column's letter, "A" to "D" */
  settings_label = g_strdup_printf (_("Edit Settings of Column %s"), letter);
  gtk_widget_set_tooltip_text (self->settings_button, settings_label);
  take_accessible_label (self->settings_button, g_steal_pointer (&settings_label));
}

/* Without shared controls, each column can be sent to the controls panel to edit its own. */
void
augur_compare_column_row_set_settings_editable (AugurCompareColumnRow *self,
                                                gboolean               editable)
{
  g_return_if_fail (AUGUR_IS_COMPARE_COLUMN_ROW (self));
  gtk_widget_set_visible (self->settings_button, editable);
}

void
augur_compare_column_row_set_removable (AugurCompareColumnRow *self,
                                        gboolean               removable)
{
  g_return_if_fail (AUGUR_IS_COMPARE_COLUMN_ROW (self));
  gtk_widget_set_visible (self->remove_button, removable);
}

gboolean
augur_compare_column_row_apply_ref (AugurCompareColumnRow *self,
                                    const AugurModelRef   *ref)
{
  g_autoptr(AugurModelRef) model = NULL;

  g_return_val_if_fail (AUGUR_IS_COMPARE_COLUMN_ROW (self), FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);

  model = augur_model_ref_with_version (ref, NULL);
  set_valid (self);
  g_free (self->committed_text);
  self->committed_text = augur_model_ref_to_string (model);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), self->committed_text);

  if (self->ref != NULL && augur_model_ref_equal (self->ref, model))
    return ref->version_id != NULL && augur_compare_column_row_set_version (self, ref->version_id);

  g_clear_pointer (&self->ref, augur_model_ref_free);
  self->ref = g_steal_pointer (&model);
  g_free (self->version_id);
  self->version_id = g_strdup (ref->version_id);
  load_versions (self);
  return TRUE;
}

gboolean
augur_compare_column_row_set_version (AugurCompareColumnRow *self,
                                      const char            *version_id)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_COLUMN_ROW (self), FALSE);

  if (g_strcmp0 (self->version_id, version_id) == 0)
    return FALSE;
  g_free (self->version_id);
  self->version_id = g_strdup (version_id);
  if (!self->loading)
    show_versions (self);
  return TRUE;
}

void
augur_compare_column_row_reload (AugurCompareColumnRow *self)
{
  g_return_if_fail (AUGUR_IS_COMPARE_COLUMN_ROW (self));
  load_versions (self);
}

const AugurModelRef *
augur_compare_column_row_get_model (AugurCompareColumnRow *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_COLUMN_ROW (self), NULL);
  return self->ref;
}

const char *
augur_compare_column_row_get_version (AugurCompareColumnRow *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_COLUMN_ROW (self), NULL);
  return self->version_id;
}

GPtrArray *
augur_compare_column_row_get_versions (AugurCompareColumnRow *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_COLUMN_ROW (self), NULL);
  return self->versions;
}

gboolean
augur_compare_column_row_is_loading (AugurCompareColumnRow *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_COLUMN_ROW (self), FALSE);
  return self->loading;
}
