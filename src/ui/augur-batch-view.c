/* augur-batch-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-batch-view"

#include <string.h>

#include <glib/gi18n.h>

#include "augur-batch-view.h"
#include "augur-thumbnail.h"

#define THUMBNAIL_SIZE          48
#define THUMBNAIL_DECODE_SIZE   96  /* twice the shown size, for HiDPI */
#define DEFAULT_THUMBNAIL_LIMIT 300
#define CANCELLABLE_KEY         "augur-batch-view-cancellable"

typedef struct {
  AugurBatchView   *self;    /* (unowned): the sorter lives no longer than the view */
  AugurBatchColumn  column;
} ColumnSort;

typedef struct {
  AugurInput *input;         /* (owned) */
  GdkTexture *texture;       /* (owned) */
} ThumbnailEntry;

typedef struct {
  GWeakRef      view;
  GtkPicture   *picture;     /* (owned) */
  AugurInput   *input;       /* (owned) */
  GCancellable *cancellable; /* (owned) */
} ThumbnailLoad;

struct _AugurBatchView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkWidget          *content_box;
  GtkAdjustment      *threshold_adjustment;
  GtkScale           *threshold_scale;
  GtkSearchEntry     *filter_entry;
  GtkDropDown        *status_dropdown;
  GtkAdjustment      *min_adjustment;
  GtkAdjustment      *max_adjustment;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;

  /* Owned */
  GListStore         *store;
  GtkCustomFilter    *filter;
  GtkSortListModel   *sort_model;
  GtkSorter          *top_sorter;
  GtkSorter          *value_sorter;
  char               *filter_text;
  GQueue              thumbnails;        /* ThumbnailEntry, most recently used first */
  GHashTable         *thumbnail_links;   /* AugurInput* -> GList* in thumbnails */
  guint               thumbnail_limit;
  guint               refresh_source;
};

G_DEFINE_FINAL_TYPE (AugurBatchView, augur_batch_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_THRESHOLD,
  N_PROPS
};

enum {
  ROW_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Thumbnail cache ---------------------------------------------------------------------- */

static void
thumbnail_entry_free (ThumbnailEntry *entry)
{
  g_clear_object (&entry->input);
  g_clear_object (&entry->texture);
  g_free (entry);
}

static void
trim_thumbnails (AugurBatchView *self)
{
  while (self->thumbnails.length > self->thumbnail_limit)
    {
      ThumbnailEntry *entry = g_queue_pop_tail (&self->thumbnails);

      g_hash_table_remove (self->thumbnail_links, entry->input);
      thumbnail_entry_free (entry);
    }
}

static GdkTexture *
lookup_thumbnail (AugurBatchView *self,
                  AugurInput     *input)
{
  GList *link = g_hash_table_lookup (self->thumbnail_links, input);

  if (link == NULL)
    return NULL;

  g_queue_unlink (&self->thumbnails, link);
  g_queue_push_head_link (&self->thumbnails, link);
  return ((ThumbnailEntry *) link->data)->texture;
}

static void
remember_thumbnail (AugurBatchView *self,
                    AugurInput     *input,
                    GdkTexture     *texture)
{
  ThumbnailEntry *entry;

  if (lookup_thumbnail (self, input) != NULL || self->thumbnail_limit == 0)
    return;

  entry = g_new0 (ThumbnailEntry, 1);
  entry->input = g_object_ref (input);
  entry->texture = g_object_ref (texture);
  g_queue_push_head (&self->thumbnails, entry);
  g_hash_table_insert (self->thumbnail_links, input, self->thumbnails.head);
  trim_thumbnails (self);
}

static void
clear_thumbnails (AugurBatchView *self)
{
  g_hash_table_remove_all (self->thumbnail_links);
  g_queue_clear_full (&self->thumbnails, (GDestroyNotify) thumbnail_entry_free);
}

/* Thumbnail column --------------------------------------------------------------------- */

static void
thumbnail_load_free (ThumbnailLoad *load)
{
  g_weak_ref_clear (&load->view);
  g_clear_object (&load->picture);
  g_clear_object (&load->input);
  g_clear_object (&load->cancellable);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThumbnailLoad, thumbnail_load_free)

static void
cancel_and_unref (gpointer data)
{
  g_cancellable_cancel (data);
  g_object_unref (data);
}

static void
thumbnail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ThumbnailLoad) load = user_data;
  g_autoptr(AugurBatchView) self = g_weak_ref_get (&load->view);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = augur_thumbnail_load_finish (result, &error);
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No thumbnail for %s: %s", augur_input_get_label (load->input), error->message);
      return;
    }

  if (self != NULL)
    remember_thumbnail (self, load->input, texture);
  if (!g_cancellable_is_cancelled (load->cancellable))
    gtk_picture_set_paintable (load->picture, GDK_PAINTABLE (texture));
}

static void
thumbnail_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *picture = gtk_picture_new ();

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_size_request (picture, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
  gtk_list_item_set_child (item, picture);
}

static void
thumbnail_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   AugurBatchView           *self)
{
  GtkPicture *picture = GTK_PICTURE (gtk_list_item_get_child (item));
  AugurInput *input = augur_batch_row_get_input (gtk_list_item_get_item (item));
  ThumbnailLoad *load;
  GdkTexture *texture;

  if (input == NULL || !augur_input_is_image (input))
    return;

  texture = lookup_thumbnail (self, input);
  if (texture != NULL)
    {
      gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
      return;
    }

  load = g_new0 (ThumbnailLoad, 1);
  g_weak_ref_init (&load->view, self);
  load->picture = g_object_ref (picture);
  load->input = g_object_ref (input);
  load->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (picture), CANCELLABLE_KEY,
                          g_object_ref (load->cancellable), cancel_and_unref);
  augur_thumbnail_load_async (input, THUMBNAIL_DECODE_SIZE, load->cancellable,
                              thumbnail_loaded_cb, load);
}

static void
thumbnail_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkPicture *picture = GTK_PICTURE (gtk_list_item_get_child (item));

  /* Cancels a load still running for the row that scrolled away. */
  g_object_set_data (G_OBJECT (picture), CANCELLABLE_KEY, NULL);
  gtk_picture_set_paintable (picture, NULL);
}

/* Columns ------------------------------------------------------------------------------ */

/* Label cells are built in code: a GtkBuilder factory parses its template for every cell,
 * which made the first screenful of a large run take a tenth of a second. Each cell shows
 * one string property of its row and follows its notifications while bound. */

#define CELL_HANDLER_KEY "augur-batch-view-handler"

/* Also the (swapped) "notify" handler of the row. */
static void
update_label_cell (GtkLabel      *label,
                   GParamSpec    *pspec,
                   AugurBatchRow *row)
{
  g_autofree char *text = NULL;

  g_object_get (row, pspec->name, &text, NULL);
  gtk_label_set_label (label, text != NULL ? text : "");
}

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (numeric) ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const char               *property)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  AugurBatchRow *row = gtk_list_item_get_item (item);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  gulong handler;

  update_label_cell (label, g_object_class_find_property (G_OBJECT_GET_CLASS (row), property), row);
  handler = g_signal_connect_object (row, signal, G_CALLBACK (update_label_cell), label,
                                     G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (label), CELL_HANDLER_KEY, GSIZE_TO_POINTER (handler));
}

static void
label_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (label), CELL_HANDLER_KEY));

  if (handler != 0)
    g_signal_handler_disconnect (gtk_list_item_get_item (item), handler);
  g_object_set_data (G_OBJECT (label), CELL_HANDLER_KEY, NULL);
}

static int
column_compare_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  ColumnSort *sort = user_data;

  return augur_batch_view_state_compare (AUGUR_BATCH_ROW ((gpointer) a),
                                         AUGUR_BATCH_ROW ((gpointer) b),
                                         sort->column,
                                         augur_batch_view_get_threshold (sort->self));
}

static GtkSorter *
create_sorter (AugurBatchView   *self,
               AugurBatchColumn  column)
{
  ColumnSort *sort = g_new0 (ColumnSort, 1);

  sort->self = self;
  sort->column = column;
  return GTK_SORTER (gtk_custom_sorter_new (column_compare_cb, sort, g_free));
}

static GtkColumnViewColumn *
append_column (AugurBatchView     *self,
               const char         *title,
               GtkListItemFactory *factory,
               AugurBatchColumn    column)
{
  g_autoptr(GtkColumnViewColumn) view_column = gtk_column_view_column_new (title, factory);
  g_autoptr(GtkSorter) sorter = create_sorter (self, column);

  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  return view_column;
}

/* @property: a string property of AugurBatchRow (static) */
static GtkColumnViewColumn *
append_label_column (AugurBatchView   *self,
                     const char       *title,
                     const char       *property,
                     AugurBatchColumn  column,
                     gboolean          numeric)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), (gpointer) property);
  g_signal_connect (factory, "unbind", G_CALLBACK (label_unbind_cb), NULL);
  view_column = append_column (self, title, factory, column);
  gtk_column_view_column_set_expand (view_column, !numeric);
  return view_column;
}

static void
create_columns (AugurBatchView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (thumbnail_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (thumbnail_bind_cb), self, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (thumbnail_unbind_cb), NULL);
  /* Translators: column of the batch table; sorting it restores the input order */
  append_column (self, _("Image"), factory, AUGUR_BATCH_COLUMN_INDEX);

  /* Translators: column headers of the batch table */
  append_label_column (self, _("File"), "label", AUGUR_BATCH_COLUMN_NAME, FALSE);
  column = append_label_column (self, _("Top concept"), "top-name", AUGUR_BATCH_COLUMN_TOP, FALSE);
  self->top_sorter = g_object_ref (gtk_column_view_column_get_sorter (column));
  column = append_label_column (self, _("Value"), "value-text", AUGUR_BATCH_COLUMN_VALUE, TRUE);
  self->value_sorter = g_object_ref (gtk_column_view_column_get_sorter (column));
  append_label_column (self, _("Summary"), "summary", AUGUR_BATCH_COLUMN_SUMMARY, FALSE);
  append_label_column (self, _("Status"), "status-text", AUGUR_BATCH_COLUMN_STATUS, FALSE);
}

/* Filtering ---------------------------------------------------------------------------- */

static void
fill_filter (AugurBatchView   *self,
             AugurBatchFilter *filter)
{
  filter->text = self->filter_text;
  filter->status = augur_batch_view_get_status_filter (self);
  filter->min_value = gtk_adjustment_get_value (self->min_adjustment);
  filter->max_value = gtk_adjustment_get_value (self->max_adjustment);
  filter->threshold = augur_batch_view_get_threshold (self);
}

static gboolean
row_visible_cb (gpointer item,
                gpointer user_data)
{
  AugurBatchView *self = user_data;
  AugurBatchFilter filter;

  fill_filter (self, &filter);
  return augur_batch_view_state_filter (item, &filter);
}

static void
update_count (AugurBatchView *self)
{
  guint n_visible = augur_batch_view_get_n_visible (self);
  guint n_total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = NULL;

  /* Translators: above the batch table, e.g. "Showing 120 of 300" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Showing %u of %u", "Showing %u of %u",
                                       n_total),
                          n_visible, n_total);
  gtk_label_set_label (self->count_label, text);
}

static void
refilter (AugurBatchView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Whether a row's result can decide whether it shows: with every status, no text and the
 * full value range, every row shows whatever its result. */
static gboolean
filter_depends_on_results (AugurBatchView *self)
{
  AugurBatchFilter filter;

  fill_filter (self, &filter);
  return filter.status != AUGUR_BATCH_STATUS_ALL ||
         (filter.text != NULL && *filter.text != '\0') ||
         augur_batch_view_state_value_filter_active (&filter);
}

static gboolean
refresh_cb (gpointer user_data)
{
  AugurBatchView *self = user_data;

  self->refresh_source = 0;
  /* Refiltering looks at every row: thousands of them, for every slice of results. */
  if (filter_depends_on_results (self))
    refilter (self);
  gtk_sorter_changed (self->top_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (self->value_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  return G_SOURCE_REMOVE;
}

/* Results arrive one by one; one refilter per main-loop turn is enough. */
static void
row_changed_cb (AugurBatchView *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

static void
store_items_changed_cb (AugurBatchView *self,
                        guint           position,
                        guint           removed,
                        guint           added,
                        GListModel     *store)
{
  double threshold = augur_batch_view_get_threshold (self);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(AugurBatchRow) row = g_list_model_get_item (store, i);

      augur_batch_row_set_threshold (row, threshold);
      g_signal_connect_object (row, "notify::state", G_CALLBACK (row_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  update_count (self);
}

/* Template callbacks ------------------------------------------------------------------- */

static void
threshold_changed_cb (GtkAdjustment  *adjustment,
                      AugurBatchView *self)
{
  double threshold = gtk_adjustment_get_value (adjustment);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(AugurBatchRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      augur_batch_row_set_threshold (row, threshold);
    }

  refilter (self);
  gtk_sorter_changed (self->top_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (self->value_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD]);
}

static void
filter_text_changed_cb (GtkSearchEntry *entry,
                        AugurBatchView *self)
{
  augur_batch_view_set_filter_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
status_changed_cb (GtkDropDown    *dropdown,
                   GParamSpec     *pspec,
                   AugurBatchView *self)
{
  refilter (self);
}

static void
range_changed_cb (GtkAdjustment  *adjustment,
                  AugurBatchView *self)
{
  refilter (self);
}

static void
column_view_activate_cb (GtkColumnView  *column_view,
                         guint           position,
                         AugurBatchView *self)
{
  g_autoptr(AugurBatchRow) row = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (row != NULL)
    g_signal_emit (self, signals[ROW_ACTIVATED], 0, row);
}

/* GObject ------------------------------------------------------------------------------ */

static void
augur_batch_view_dispose (GObject *object)
{
  AugurBatchView *self = (AugurBatchView *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  /* Tearing down the columns changes the sorter, which would update the count label. */
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_data (self->sort_model, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AUGUR_TYPE_BATCH_VIEW);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->top_sorter);
  g_clear_object (&self->value_sorter);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  clear_thumbnails (self);

  G_OBJECT_CLASS (augur_batch_view_parent_class)->dispose (object);
}

static void
augur_batch_view_finalize (GObject *object)
{
  AugurBatchView *self = (AugurBatchView *)object;

  g_clear_pointer (&self->thumbnail_links, g_hash_table_unref);
  g_clear_pointer (&self->filter_text, g_free);

  G_OBJECT_CLASS (augur_batch_view_parent_class)->finalize (object);
}

static void
augur_batch_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AugurBatchView *self = AUGUR_BATCH_VIEW (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      g_value_set_double (value, augur_batch_view_get_threshold (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_batch_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AugurBatchView *self = AUGUR_BATCH_VIEW (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      augur_batch_view_set_threshold (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_batch_view_class_init (AugurBatchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_batch_view_dispose;
  object_class->finalize = augur_batch_view_finalize;
  object_class->get_property = augur_batch_view_get_property;
  object_class->set_property = augur_batch_view_set_property;

  properties[PROP_THRESHOLD] =
    g_param_spec_double ("threshold", NULL, NULL, 0, 1, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (AugurBatchRow *row): the user opened @row to see its full result */
  signals[ROW_ACTIVATED] =
    g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AUGUR_TYPE_BATCH_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/augur/Augur/augur-batch-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AugurBatchView, content_box);
  gtk_widget_class_bind_template_child (widget_class, AugurBatchView, threshold_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AugurBatchView, threshold_scale);
  gtk_widget_class_bind_template_child (widget_class, AugurBatchView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, AugurBatchView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AugurBatchView, min_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AugurBatchView, max_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AugurBatchView, count_label);
  gtk_widget_class_bind_template_child (widget_class, AugurBatchView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, threshold_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (AUGUR_TYPE_BATCH_ROW);
}

static void
create_models (AugurBatchView *self)
{
  GtkFilterListModel *filter_model;
  g_autoptr(GtkSingleSelection) selection = NULL;

  self->store = g_list_store_new (AUGUR_TYPE_BATCH_ROW);
  self->filter = gtk_custom_filter_new (row_visible_cb, self, NULL);
  filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                            GTK_FILTER (g_object_ref (self->filter)));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (filter_model),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->store, "items-changed",
                           G_CALLBACK (store_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
}

static void
augur_batch_view_init (AugurBatchView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->thumbnail_limit = DEFAULT_THUMBNAIL_LIMIT;
  self->thumbnail_links = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->thumbnails);

  create_columns (self);
  create_models (self);
  update_count (self);
}

/* Public API --------------------------------------------------------------------------- */

GtkWidget *
augur_batch_view_new (void)
{
  return g_object_new (AUGUR_TYPE_BATCH_VIEW, NULL);
}

GListStore *
augur_batch_view_get_store (AugurBatchView *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_VIEW (self), NULL);

  return self->store;
}

void
augur_batch_view_set_rows (AugurBatchView *self,
                           GListModel     *rows)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_rows;

  g_return_if_fail (AUGUR_IS_BATCH_VIEW (self));
  g_return_if_fail (rows == NULL || G_IS_LIST_MODEL (rows));

  n_rows = rows != NULL ? g_list_model_get_n_items (rows) : 0;
  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (items, g_list_model_get_item (rows, i));

  clear_thumbnails (self);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
}

double
augur_batch_view_get_threshold (AugurBatchView *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_VIEW (self), 0);

  return gtk_adjustment_get_value (self->threshold_adjustment);
}

void
augur_batch_view_set_threshold (AugurBatchView *self,
                                double          threshold)
{
  g_return_if_fail (AUGUR_IS_BATCH_VIEW (self));

  /* The adjustment notifies only on change and runs threshold_changed_cb. */
  gtk_adjustment_set_value (self->threshold_adjustment, CLAMP (threshold, 0, 1));
}

const char *
augur_batch_view_get_filter_text (AugurBatchView *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_VIEW (self), NULL);

  return self->filter_text != NULL ? self->filter_text : "";
}

void
augur_batch_view_set_filter_text (AugurBatchView *self,
                                  const char     *text)
{
  g_return_if_fail (AUGUR_IS_BATCH_VIEW (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, augur_batch_view_get_filter_text (self)) == 0)
    return;

  g_free (self->filter_text);
  self->filter_text = g_strdup (text);
  /* The entry's own search-changed comes later with the same text, and stops above. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text);
  refilter (self);
}

AugurBatchStatusFilter
augur_batch_view_get_status_filter (AugurBatchView *self)
{
  guint selected;

  g_return_val_if_fail (AUGUR_IS_BATCH_VIEW (self), AUGUR_BATCH_STATUS_ALL);

  selected = gtk_drop_down_get_selected (self->status_dropdown);
  return selected <= AUGUR_BATCH_STATUS_PENDING ? selected : AUGUR_BATCH_STATUS_ALL;
}

void
augur_batch_view_set_status_filter (AugurBatchView         *self,
                                    AugurBatchStatusFilter  status)
{
  g_return_if_fail (AUGUR_IS_BATCH_VIEW (self));
  g_return_if_fail (status <= AUGUR_BATCH_STATUS_PENDING);

  gtk_drop_down_set_selected (self->status_dropdown, status);
}

void
augur_batch_view_set_value_range (AugurBatchView *self,
                                  double          min_value,
                                  double          max_value)
{
  g_return_if_fail (AUGUR_IS_BATCH_VIEW (self));

  gtk_adjustment_set_value (self->min_adjustment, CLAMP (min_value, 0, 1));
  gtk_adjustment_set_value (self->max_adjustment, CLAMP (max_value, 0, 1));
}

void
augur_batch_view_sort_by (AugurBatchView   *self,
                          AugurBatchColumn  column,
                          GtkSortType       direction)
{
  g_autoptr(GListModel) columns = NULL;
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_return_if_fail (AUGUR_IS_BATCH_VIEW (self));

  /* Columns are appended in AugurBatchColumn order. */
  columns = g_object_ref (gtk_column_view_get_columns (self->column_view));
  view_column = g_list_model_get_item (columns, column);
  g_return_if_fail (view_column != NULL);

  gtk_column_view_sort_by_column (self->column_view, view_column, direction);
}

guint
augur_batch_view_get_n_visible (AugurBatchView *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

GPtrArray *
augur_batch_view_dup_visible_rows (AugurBatchView *self)
{
  GPtrArray *rows;
  guint n_rows;

  g_return_val_if_fail (AUGUR_IS_BATCH_VIEW (self), NULL);

  n_rows = augur_batch_view_get_n_visible (self);
  rows = g_ptr_array_new_full (n_rows, g_object_unref);
  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (self->sort_model), i));

  return rows;
}

guint
augur_batch_view_get_n_thumbnails (AugurBatchView *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_VIEW (self), 0);

  return self->thumbnails.length;
}

guint
augur_batch_view_get_thumbnail_limit (AugurBatchView *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_VIEW (self), 0);

  return self->thumbnail_limit;
}

void
augur_batch_view_set_thumbnail_limit (AugurBatchView *self,
                                      guint           limit)
{
  g_return_if_fail (AUGUR_IS_BATCH_VIEW (self));

  self->thumbnail_limit = limit;
  trim_thumbnails (self);
}
