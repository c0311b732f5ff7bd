/* augur-compare-columns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-compare-columns"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "augur-compare-column-row.h"
#include "augur-compare-columns.h"

#define SHORT_ID_CHARS 8

struct _AugurCompareColumns
{
  GtkWidget     parent_instance;

  /* Children */
  GtkListBox   *list;
  GtkWidget    *add_button;
  GtkListBox   *sync_list;
  GtkSwitch    *sync_switch;

  /* Owned */
  AugurContext *context;   /* (nullable) */
  GPtrArray    *rows;      /* (element-type AugurCompareColumnRow) in order, A first */
  GPtrArray    *picking;   /* (element-type AugurCompareColumnRow) waiting for their version
                            * lists to choose a version no other column shows */

  gboolean      sync_controls;
  gboolean      was_loading;
  gboolean      disposed;
};

G_DEFINE_FINAL_TYPE (AugurCompareColumns, augur_compare_columns, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SYNC_CONTROLS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  EDIT_SETTINGS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers ------------------------------------------------------------------------------ */

static AugurCompareColumnRow *
get_row (AugurCompareColumns *self,
         guint                i)
{
  return g_ptr_array_index (self->rows, i);
}

static void
emit_changed (AugurCompareColumns *self)
{
  if (!self->disposed)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_loading (AugurCompareColumns *self)
{
  gboolean loading = augur_compare_columns_is_loading (self);

  if (loading == self->was_loading)
    return;
  self->was_loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
update_rows (AugurCompareColumns *self)
{
  guint n = self->rows->len;

  for (guint i = 0; i < n; i++)
    {
      augur_compare_column_row_set_index (get_row (self, i), i);
      augur_compare_column_row_set_removable (get_row (self, i), n > AUGUR_COMPARE_MIN_COLUMNS);
      augur_compare_column_row_set_settings_editable (get_row (self, i), !self->sync_controls);
    }
  gtk_widget_set_sensitive (self->add_button, n < AUGUR_COMPARE_MAX_COLUMNS);
}

/* Choosing versions -------------------------------------------------------------------- */

/* Another column of the same model shows @version_id; Latest counts as the newest listed. */
static gboolean
version_used_elsewhere (AugurCompareColumns   *self,
                        AugurCompareColumnRow *row,
                        const char            *version_id)
{
  const AugurModelRef *model = augur_compare_column_row_get_model (row);
  GPtrArray *versions = augur_compare_column_row_get_versions (row);
  const char *newest = NULL;

  if (versions->len > 0)
    newest = augur_model_version_get_id (g_ptr_array_index (versions, 0));

  for (guint i = 0; i < self->rows->len; i++)
    {
      AugurCompareColumnRow *other = get_row (self, i);
      const char *used = augur_compare_column_row_get_version (other);

      if (other == row || !augur_model_ref_same_model (augur_compare_column_row_get_model (other), model))
        continue;
      if (g_strcmp0 (used != NULL ? used : newest, version_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The newest listed version no other column shows, or Latest when every one is taken. */
static gboolean
pick_unused_version (AugurCompareColumns   *self,
                     AugurCompareColumnRow *row)
{
  GPtrArray *versions = augur_compare_column_row_get_versions (row);

  for (guint i = 0; i < versions->len; i++)
    {
      const char *id = augur_model_version_get_id (g_ptr_array_index (versions, i));

      if (!version_used_elsewhere (self, row, id))
        return augur_compare_column_row_set_version (row, id);
    }
  return augur_compare_column_row_set_version (row, NULL);
}

/* Rows --------------------------------------------------------------------------------- */

static void
row_changed_cb (AugurCompareColumns   *self,
                AugurCompareColumnRow *row)
{
  /* The user chose for this column: nothing is picked for it any more. */
  g_ptr_array_remove (self->picking, row);
  update_loading (self);
  emit_changed (self);
}

static void
row_versions_loaded_cb (AugurCompareColumns   *self,
                        AugurCompareColumnRow *row)
{
  gboolean changed = FALSE;

  if (g_ptr_array_remove (self->picking, row))
    changed = pick_unused_version (self, row);
  update_loading (self);
  if (changed)
    emit_changed (self);
}

static void
row_edit_settings_cb (AugurCompareColumns   *self,
                      AugurCompareColumnRow *row)
{
  guint index;

  if (g_ptr_array_find (self->rows, row, &index))
    g_signal_emit (self, signals[EDIT_SETTINGS], 0, index);
}

static void
row_remove_cb (AugurCompareColumns   *self,
               AugurCompareColumnRow *row)
{
  guint index;

  if (g_ptr_array_find (self->rows, row, &index))
    augur_compare_columns_remove_column (self, index);
}

static void
forget_row (AugurCompareColumns   *self,
            AugurCompareColumnRow *row)
{
  g_signal_handlers_disconnect_by_data (row, self);
  g_ptr_array_remove (self->picking, row);
  gtk_list_box_remove (self->list, GTK_WIDGET (row));
}

/* Adds a column showing @ref (its version, or Latest); an empty one when @ref is NULL.
 * With @pick, the column then takes the newest version no other column shows. */
static void
append_column (AugurCompareColumns *self,
               const AugurModelRef *ref,
               gboolean             pick)
{
  AugurCompareColumnRow *row = AUGUR_COMPARE_COLUMN_ROW (augur_compare_column_row_new ());

  augur_compare_column_row_set_context (row, self->context);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (row_changed_cb), self);
  g_signal_connect_swapped (row, "versions-loaded", G_CALLBACK (row_versions_loaded_cb), self);
  g_signal_connect_swapped (row, "remove", G_CALLBACK (row_remove_cb), self);
  g_signal_connect_swapped (row, "edit-settings", G_CALLBACK (row_edit_settings_cb), self);
  g_ptr_array_add (self->rows, row);
  gtk_list_box_append (self->list, GTK_WIDGET (row));
  update_rows (self);

  if (ref != NULL)
    augur_compare_column_row_apply_ref (row, ref);
  if (pick && augur_compare_column_row_is_loading (row))
    g_ptr_array_add (self->picking, row);
  update_loading (self);
}

static void
remove_all_columns (AugurCompareColumns *self)
{
  while (self->rows->len > 0)
    {
      forget_row (self, get_row (self, self->rows->len - 1));
      g_ptr_array_remove_index (self->rows, self->rows->len - 1);
    }
}

/* The model a new column starts with: the last valid one. */
static const AugurModelRef *
last_valid_model (AugurCompareColumns *self)
{
  for (guint i = self->rows->len; i > 0; i--)
    if (augur_compare_column_row_get_model (get_row (self, i - 1)) != NULL)
      return augur_compare_column_row_get_model (get_row (self, i - 1));
  return NULL;
}

static void
context_changed_cb (AugurCompareColumns *self)
{
  /* A token or base URL arrived or changed: list the versions again. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      augur_compare_column_row_set_context (get_row (self, i), self->context);
      augur_compare_column_row_reload (get_row (self, i));
    }
  update_loading (self);
}

/* "A · Latest", "A · 0a1b2c3d"; with different models "A · model" or "A · model@0a1b2c3d". */
static char *
describe_column (guint                index,
                 const AugurModelRef *ref,
                 gboolean             one_model)
{
  g_autofree char *short_id = ref->version_id ? g_strndup (ref->version_id, SHORT_ID_CHARS) : NULL;
  g_autofree char *what = NULL;

  if (one_model)
    what = g_strdup (short_id != NULL ? short_id : _("Latest"));
  else if (short_id != NULL)
    what = g_strdup_printf ("%s@%s", ref->model_id, short_id);
  else
    what = g_strdup (ref->model_id);
  /* Translators: a compare column's name: its letter (%c), then its version or model (%s),
   * e.g. "A · Latest" */
  return g_strdup_printf (_("%c · %s"), 'A' + index, what);
}

/* GObject ------------------------------------------------------------------------------ */

static void
augur_compare_columns_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AugurCompareColumns *self = AUGUR_COMPARE_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_SYNC_CONTROLS:
      g_value_set_boolean (value, self->sync_controls);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, augur_compare_columns_is_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_compare_columns_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AugurCompareColumns *self = AUGUR_COMPARE_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_SYNC_CONTROLS:
      augur_compare_columns_set_sync_controls (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_compare_columns_dispose (GObject *object)
{
  AugurCompareColumns *self = AUGUR_COMPARE_COLUMNS (object);
  GtkWidget *child;

  self->disposed = TRUE;
  if (self->rows != NULL)
    remove_all_columns (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (augur_compare_columns_parent_class)->dispose (object);
}

static void
augur_compare_columns_finalize (GObject *object)
{
  AugurCompareColumns *self = AUGUR_COMPARE_COLUMNS (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->picking, g_ptr_array_unref);

  G_OBJECT_CLASS (augur_compare_columns_parent_class)->finalize (object);
}

static void
augur_compare_columns_class_init (AugurCompareColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = augur_compare_columns_get_property;
  object_class->set_property = augur_compare_columns_set_property;
  object_class->dispose = augur_compare_columns_dispose;
  object_class->finalize = augur_compare_columns_finalize;

  properties[PROP_SYNC_CONTROLS] =
    g_param_spec_boolean ("sync-controls", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[EDIT_SETTINGS] = g_signal_new ("edit-settings", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "augur-compare-columns");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
create_add_button (AugurCompareColumns *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add Column"));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Column"),
                                  -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (augur_compare_columns_add_column),
                            self);
  return button;
}

static GtkWidget *
create_sync_row (AugurCompareColumns *self)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Same settings for every column"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Off: each column uses the settings remembered for its model "
                                 "and version"));
  self->sync_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->sync_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Same settings for every column"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->sync_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->sync_switch));
  g_object_bind_property (self, "sync-controls", self->sync_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return row;
}

static GtkListBox *
create_boxed_list (const char *label)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return list;
}

static void
augur_compare_columns_init (AugurCompareColumns *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Columns to compare"),
                                  -1);

  self->sync_controls = TRUE;
  self->rows = g_ptr_array_new ();
  self->picking = g_ptr_array_new ();

  self->list = create_boxed_list (_("Columns to compare"));
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));

  self->add_button = create_add_button (self);
  gtk_widget_set_parent (self->add_button, GTK_WIDGET (self));

  self->sync_list = create_boxed_list (_("Column settings"));
  gtk_list_box_append (self->sync_list, create_sync_row (self));
  gtk_widget_set_parent (GTK_WIDGET (self->sync_list), GTK_WIDGET (self));

  append_column (self, NULL, FALSE);
  append_column (self, NULL, FALSE);
}

/* Public API --------------------------------------------------------------------------- */

GtkWidget *
augur_compare_columns_new (void)
{
  return g_object_new (AUGUR_TYPE_COMPARE_COLUMNS, NULL);
}

void
augur_compare_columns_set_context (AugurCompareColumns *self,
                                   AugurContext        *context)
{
  g_return_if_fail (AUGUR_IS_COMPARE_COLUMNS (self));
  g_return_if_fail (context == NULL || AUGUR_IS_CONTEXT (context));

  if (self->context == context)
    return;
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self,
                             G_CONNECT_SWAPPED);
  context_changed_cb (self);
}

void
augur_compare_columns_start_from (AugurCompareColumns *self,
                                  const AugurModelRef *ref)
{
  g_autoptr(AugurModelRef) model = NULL;

  g_return_if_fail (AUGUR_IS_COMPARE_COLUMNS (self));
  g_return_if_fail (ref != NULL);

  remove_all_columns (self);
  model = augur_model_ref_with_version (ref, NULL);
  append_column (self, ref, FALSE);
  append_column (self, model, TRUE);
  emit_changed (self);
}

void
augur_compare_columns_set_refs (AugurCompareColumns *self,
                                GPtrArray           *refs)
{
  g_return_if_fail (AUGUR_IS_COMPARE_COLUMNS (self));
  g_return_if_fail (refs != NULL);
  g_return_if_fail (refs->len >= AUGUR_COMPARE_MIN_COLUMNS);
  g_return_if_fail (refs->len <= AUGUR_COMPARE_MAX_COLUMNS);

  remove_all_columns (self);
  for (guint i = 0; i < refs->len; i++)
    append_column (self, g_ptr_array_index (refs, i), FALSE);
  emit_changed (self);
}

GPtrArray *
augur_compare_columns_dup_refs (AugurCompareColumns *self)
{
  g_autoptr(GPtrArray) refs = NULL;

  g_return_val_if_fail (AUGUR_IS_COMPARE_COLUMNS (self), NULL);

  refs = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_model_ref_free);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const AugurModelRef *model = augur_compare_column_row_get_model (get_row (self, i));
      const char *version_id = augur_compare_column_row_get_version (get_row (self, i));

      if (model == NULL)
        return NULL;
      g_ptr_array_add (refs, augur_model_ref_with_version (model, version_id));
    }
  return g_steal_pointer (&refs);
}

/**
 * augur_compare_columns_name_refs:
 * @refs: (element-type AugurModelRef): the columns' models and versions
 *
 * Returns: (transfer full) (element-type AugurCompareColumn): the columns, named as
 *   augur_compare_columns_dup_columns() names them
 */
GPtrArray *
augur_compare_columns_name_refs (GPtrArray *refs)
{
  GPtrArray *columns;
  gboolean one_model = TRUE;

  g_return_val_if_fail (refs != NULL, NULL);

  for (guint i = 1; i < refs->len; i++)
    one_model = one_model && augur_model_ref_same_model (g_ptr_array_index (refs, 0), g_ptr_array_index (refs, i));

  columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_compare_column_free);
  for (guint i = 0; i < refs->len; i++)
    {
      const AugurModelRef *ref = g_ptr_array_index (refs, i);
      g_autofree char *name = describe_column (i, ref, one_model);

      g_ptr_array_add (columns, augur_compare_column_new_for_ref (ref, name));
    }
  return columns;
}

GPtrArray *
augur_compare_columns_dup_columns (AugurCompareColumns *self)
{
  g_autoptr(GPtrArray) refs = NULL;

  g_return_val_if_fail (AUGUR_IS_COMPARE_COLUMNS (self), NULL);

  refs = augur_compare_columns_dup_refs (self);
  return refs != NULL ? augur_compare_columns_name_refs (refs) : NULL;
}

guint
augur_compare_columns_get_n_columns (AugurCompareColumns *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_COLUMNS (self), 0);
  return self->rows->len;
}

/* The new column shows the last column's model, at the newest version not yet shown. */
gboolean
augur_compare_columns_add_column (AugurCompareColumns *self)
{
  g_autoptr(AugurModelRef) model = NULL;

  g_return_val_if_fail (AUGUR_IS_COMPARE_COLUMNS (self), FALSE);

  if (self->rows->len >= AUGUR_COMPARE_MAX_COLUMNS)
    return FALSE;
  if (last_valid_model (self) != NULL)
    model = augur_model_ref_copy (last_valid_model (self));
  append_column (self, model, TRUE);
  emit_changed (self);
  return TRUE;
}

void
augur_compare_columns_remove_column (AugurCompareColumns *self,
                                     guint                column)
{
  g_autoptr(AugurCompareColumnRow) row = NULL;
  GtkRoot *root;
  GtkWidget *focus;
  gboolean had_focus;

  g_return_if_fail (AUGUR_IS_COMPARE_COLUMNS (self));
  g_return_if_fail (column < self->rows->len);
  g_return_if_fail (self->rows->len > AUGUR_COMPARE_MIN_COLUMNS);

  /* Held until the end: this may run inside the row's own "remove" emission. */
  row = g_object_ref (get_row (self, column));
  root = gtk_widget_get_root (GTK_WIDGET (row));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row));

  forget_row (self, row);
  g_ptr_array_remove_index (self->rows, column);
  update_rows (self);

  /* Keyboard users keep their place instead of landing at the top of the window. */
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (get_row (self, MIN (column, self->rows->len - 1))));
  update_loading (self);
  emit_changed (self);
}

void
augur_compare_columns_set_version (AugurCompareColumns *self,
                                   guint                column,
                                   const char          *version_id)
{
  g_return_if_fail (AUGUR_IS_COMPARE_COLUMNS (self));
  g_return_if_fail (column < self->rows->len);

  g_ptr_array_remove (self->picking, get_row (self, column));
  if (augur_compare_column_row_set_version (get_row (self, column), version_id))
    emit_changed (self);
}

gboolean
augur_compare_columns_get_sync_controls (AugurCompareColumns *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_COLUMNS (self), TRUE);
  return self->sync_controls;
}

void
augur_compare_columns_set_sync_controls (AugurCompareColumns *self,
                                         gboolean             sync)
{
  g_return_if_fail (AUGUR_IS_COMPARE_COLUMNS (self));

  sync = !!sync;
  if (self->sync_controls == sync)
    return;
  self->sync_controls = sync;
  update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_CONTROLS]);
  emit_changed (self);
}

gboolean
augur_compare_columns_is_loading (AugurCompareColumns *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_COLUMNS (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    if (augur_compare_column_row_is_loading (get_row (self, i)))
      return TRUE;
  return FALSE;
}
