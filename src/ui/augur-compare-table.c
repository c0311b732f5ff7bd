/* augur-compare-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-compare-table"

#include <glib/gi18n.h>

#include "augur-compare-colors.h"
#include "augur-compare-table.h"
#include "augur-compare-table-row.h"

/* Beyond this many separate runs of changed rows, update_many() replaces the whole span
 * between the first and the last change in one splice: each splice re-sorts the visible
 * rows, so thousands of small ones would cost O(n²). */
#define MAX_SPLICES 16

typedef AugurCompareTableCellSpec CellSpec;

struct _AugurCompareTable
{
  GtkWidget           parent_instance;

  /* Children */
  GtkWidget          *box;
  GtkCheckButton     *only_button;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;

  /* Owned */
  GListStore         *store;         /* AugurCompareTableRow, in input order */
  GtkCustomFilter    *filter;
  GtkSortListModel   *sort_model;
  GPtrArray          *columns;       /* AugurCompareColumn */
  GArray             *specs;         /* CellSpec, one per table column, in order */
  guint               n_disagree;
  gboolean            only_disagreements;
};

G_DEFINE_FINAL_TYPE (AugurCompareTable, augur_compare_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ONLY_DISAGREEMENTS,
  N_PROPS
};

enum {
  COMPARISON_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Columns ------------------------------------------------------------------------------ */

static const char *
column_name (AugurCompareTable *self,
             guint              column)
{
  AugurCompareColumn *compare_column = g_ptr_array_index (self->columns, column);

  return compare_column->display_name != NULL ? compare_column->display_name : "";
}

static int
row_compare_cb (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return augur_compare_table_row_compare (AUGUR_COMPARE_TABLE_ROW ((gpointer) a),
                                          AUGUR_COMPARE_TABLE_ROW ((gpointer) b),
                                          user_data);
}

/* GTK 4.8 has no API for a column view's row widget (GtkColumnViewRow is 4.12): find the
 * row above a cell by its role. */
static GtkWidget *
find_row_widget (GtkWidget *cell_child)
{
  for (GtkWidget *widget = gtk_widget_get_parent (cell_child);
       widget != NULL && !GTK_IS_COLUMN_VIEW (widget);
       widget = gtk_widget_get_parent (widget))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ROW)
      return widget;

  return NULL;
}

static void
label_cell_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     const CellSpec           *spec)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = spec->kind == AUGUR_COMPARE_TABLE_CELL_INDEX ||
                     spec->kind == AUGUR_COMPARE_TABLE_CELL_MAX_DELTA;

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
label_cell_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    const CellSpec           *spec)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  AugurCompareTableRow *row = gtk_list_item_get_item (item);
  AugurCompareTable *self;
  const char *classes[] = { augur_compare_table_row_get_cell_style (row, spec), NULL };
  g_autofree char *text = augur_compare_table_row_dup_cell_text (row, spec);
  g_autofree char *accessible = NULL;
  GtkWidget *row_widget;

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_css_classes (label, classes);
  /* Long failures and texts are cut; the tooltip has them whole. */
  gtk_widget_set_tooltip_text (label,
                               spec->kind == AUGUR_COMPARE_TABLE_CELL_RESULT ? text : NULL);

  /* One cell per row says what the whole row holds. */
  if (spec->kind != AUGUR_COMPARE_TABLE_CELL_INDEX)
    return;
  self = AUGUR_COMPARE_TABLE (gtk_widget_get_ancestor (label, AUGUR_TYPE_COMPARE_TABLE));
  if (self == NULL)
    return;
  row_widget = find_row_widget (label);
  accessible = augur_compare_table_row_dup_accessible_label (row, self->columns);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget != NULL ? row_widget : label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
free_spec (gpointer  spec,
           GClosure *closure)
{
  g_free (spec);
}

static void
append_column (AugurCompareTable     *self,
               const char            *title,
               AugurCompareTableCell  kind,
               guint                  column)
{
  CellSpec spec = { kind, column };
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  /* The factory and the sorter each own a copy: either may outlive a reset. */
  g_signal_connect_data (factory, "setup", G_CALLBACK (label_cell_setup_cb),
                         g_memdup2 (&spec, sizeof spec), free_spec, 0);
  g_signal_connect_data (factory, "bind", G_CALLBACK (label_cell_bind_cb),
                         g_memdup2 (&spec, sizeof spec), free_spec, 0);
  sorter = GTK_SORTER (gtk_custom_sorter_new (row_compare_cb, g_memdup2 (&spec, sizeof spec),
                                              g_free));

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, kind == AUGUR_COMPARE_TABLE_CELL_NAME ||
                                                  kind == AUGUR_COMPARE_TABLE_CELL_RESULT);
  gtk_column_view_append_column (self->column_view, view_column);
  g_array_append_val (self->specs, spec);
}

/* GTK 4.8 has no API for a column's header widget either. The header row holds one title
 * per visible column, in order; colour the compare columns' titles like their bars. */
static void
colour_column_titles (AugurCompareTable *self)
{
  GtkWidget *header = NULL;
  GtkWidget *title;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL && header == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
      header = child;

  if (header == NULL)
    {
      g_debug ("No column header found to colour");
      return;
    }

  for (title = gtk_widget_get_first_child (header);
       title != NULL && i < self->specs->len;
       title = gtk_widget_get_next_sibling (title), i++)
    {
      const CellSpec *spec = &g_array_index (self->specs, CellSpec, i);

      if (spec->kind == AUGUR_COMPARE_TABLE_CELL_RESULT)
        gtk_widget_add_css_class (title, augur_compare_column_css_class (spec->column));
    }
}

static void
remove_all_columns (AugurCompareTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  g_array_set_size (self->specs, 0);
}

static void
create_columns (AugurCompareTable *self)
{
  remove_all_columns (self);

  /* Translators: column headers of the compare table; "#" is the input's number */
  append_column (self, _("#"), AUGUR_COMPARE_TABLE_CELL_INDEX, 0);
  append_column (self, _("Input"), AUGUR_COMPARE_TABLE_CELL_NAME, 0);
  for (guint k = 0; k < self->columns->len; k++)
    append_column (self, column_name (self, k), AUGUR_COMPARE_TABLE_CELL_RESULT, k);
  append_column (self, _("Largest difference"), AUGUR_COMPARE_TABLE_CELL_MAX_DELTA, 0);
  append_column (self, _("Verdict"), AUGUR_COMPARE_TABLE_CELL_VERDICT, 0);
  colour_column_titles (self);
}

/* Counting and filtering --------------------------------------------------------------- */

static void
update_count (AugurCompareTable *self)
{
  guint n_total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = NULL;

  /* Translators: above the compare table, e.g. "12 of 200 inputs disagree" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u input disagrees",
                                       "%u of %u inputs disagree", n_total),
                          self->n_disagree, n_total);
  gtk_label_set_label (self->count_label, text);
}

static gboolean
row_disagrees_cb (gpointer item,
                  gpointer user_data)
{
  return augur_compare_table_row_disagrees (item);
}

static void
column_view_activate_cb (GtkColumnView     *column_view,
                         guint              position,
                         AugurCompareTable *self)
{
  g_autoptr(AugurCompareTableRow) row =
    g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (row != NULL)
    g_signal_emit (self, signals[COMPARISON_ACTIVATED], 0,
                   augur_compare_table_row_get_index (row));
}

/* GObject ------------------------------------------------------------------------------ */

static void
augur_compare_table_dispose (GObject *object)
{
  AugurCompareTable *self = (AugurCompareTable *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (augur_compare_table_parent_class)->dispose (object);
}

static void
augur_compare_table_finalize (GObject *object)
{
  AugurCompareTable *self = (AugurCompareTable *)object;

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->specs, g_array_unref);

  G_OBJECT_CLASS (augur_compare_table_parent_class)->finalize (object);
}

static void
augur_compare_table_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AugurCompareTable *self = AUGUR_COMPARE_TABLE (object);

  switch (prop_id)
    {
    case PROP_ONLY_DISAGREEMENTS:
      g_value_set_boolean (value, self->only_disagreements);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_compare_table_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AugurCompareTable *self = AUGUR_COMPARE_TABLE (object);

  switch (prop_id)
    {
    case PROP_ONLY_DISAGREEMENTS:
      augur_compare_table_set_only_disagreements (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_compare_table_class_init (AugurCompareTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_compare_table_dispose;
  object_class->finalize = augur_compare_table_finalize;
  object_class->get_property = augur_compare_table_get_property;
  object_class->set_property = augur_compare_table_set_property;

  properties[PROP_ONLY_DISAGREEMENTS] =
    g_param_spec_boolean ("only-disagreements", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (guint index): the user opened the row of input @index to see its comparison */
  signals[COMPARISON_ACTIVATED] =
    g_signal_new ("comparison-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "compare-table");
}

static GtkWidget *
create_toolbar (AugurCompareTable *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  /* Translators: toggle above the compare table */
  self->only_button =
    GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Only _Disagreements")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->only_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Only Disagreements"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Show only the inputs where the versions' top concepts differ"),
                                  -1);
  g_object_bind_property (self, "only-disagreements", self->only_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");

  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->only_button));
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->count_label));
  return toolbar;
}

static GtkWidget *
create_column_view (AugurCompareTable *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  /* Translators: accessible name of the batch compare table */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comparison results"),
                                  -1);
  g_signal_connect_object (self->column_view, "activate",
                           G_CALLBACK (column_view_activate_cb), self, 0);

  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  return scrolled;
}

static void
create_models (AugurCompareTable *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;

  self->store = g_list_store_new (AUGUR_TYPE_COMPARE_TABLE_ROW);
  /* No match function: the filter lets everything through without looking. */
  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                            GTK_FILTER (g_object_ref (self->filter)));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (filter_model),
                                              g_object_ref (sorter));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
augur_compare_table_init (AugurCompareTable *self)
{
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_compare_column_free);
  self->specs = g_array_new (FALSE, FALSE, sizeof (CellSpec));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self->box), create_toolbar (self));
  gtk_box_append (GTK_BOX (self->box), create_column_view (self));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  create_models (self);
  create_columns (self);
  update_count (self);
}

/* Public API --------------------------------------------------------------------------- */

GtkWidget *
augur_compare_table_new (void)
{
  return g_object_new (AUGUR_TYPE_COMPARE_TABLE, NULL);
}

void
augur_compare_table_reset (AugurCompareTable *self,
                           GPtrArray         *columns,
                           GPtrArray         *inputs)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_inputs;

  g_return_if_fail (AUGUR_IS_COMPARE_TABLE (self));
  g_return_if_fail (columns == NULL || columns->len <= AUGUR_COMPARE_MAX_COLUMNS);

  n_inputs = inputs != NULL ? inputs->len : 0;
  for (guint i = 0; i < n_inputs; i++)
    g_ptr_array_add (rows, augur_compare_table_row_new (i, g_ptr_array_index (inputs, i)));

  /* Empty the store first, so that changing the columns rebinds no rows. */
  g_list_store_remove_all (self->store);
  self->n_disagree = 0;

  g_ptr_array_set_size (self->columns, 0);
  for (guint k = 0; columns != NULL && k < columns->len; k++)
    g_ptr_array_add (self->columns, augur_compare_column_copy (g_ptr_array_index (columns, k)));
  create_columns (self);

  g_list_store_splice (self->store, 0, 0, rows->pdata, rows->len);
  update_count (self);
}

/* Replaces @n rows from @position; @comparisons[i] (nullable) answers row @position + i. */
static void
replace_rows (AugurCompareTable  *self,
              guint               position,
              guint               n,
              AugurComparison   **comparisons)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AugurCompareTableRow) before =
        g_list_model_get_item (G_LIST_MODEL (self->store), position + i);

      if (comparisons[i] == NULL)
        {
          g_ptr_array_add (rows, g_steal_pointer (&before));
          continue;
        }
      self->n_disagree -= augur_compare_table_row_disagrees (before);
      g_ptr_array_add (rows, augur_compare_table_row_new_answered (before, comparisons[i]));
      self->n_disagree += augur_compare_table_row_disagrees (g_ptr_array_index (rows, i));
    }

  g_list_store_splice (self->store, position, n, rows->pdata, rows->len);
}

static gboolean
check_comparison (AugurCompareTable *self,
                  AugurComparison   *comparison)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  g_return_val_if_fail (AUGUR_IS_COMPARISON (comparison), FALSE);
  g_return_val_if_fail (augur_comparison_get_index (comparison) < n_rows, FALSE);
  g_return_val_if_fail (augur_comparison_get_n_columns (comparison) == self->columns->len,
                        FALSE);
  return TRUE;
}

void
augur_compare_table_update (AugurCompareTable *self,
                            AugurComparison   *comparison)
{
  g_return_if_fail (AUGUR_IS_COMPARE_TABLE (self));

  if (!check_comparison (self, comparison))
    return;

  replace_rows (self, augur_comparison_get_index (comparison), 1, &comparison);
  update_count (self);
}

static int
compare_by_index (gconstpointer a,
                  gconstpointer b)
{
  guint x = augur_comparison_get_index (*(AugurComparison **) a);
  guint y = augur_comparison_get_index (*(AugurComparison **) b);

  return (x > y) - (x < y);
}

/* The changes as one slot per row from the first changed row to the last, NULL where a row
 * stays; a later comparison of the same input wins. Returns the number of separate runs. */
static guint
spread_changes (GPtrArray *sorted,
                GPtrArray *slots)
{
  guint first = augur_comparison_get_index (g_ptr_array_index (sorted, 0));
  guint last = augur_comparison_get_index (g_ptr_array_index (sorted, sorted->len - 1));
  guint n_runs = 0;

  g_ptr_array_set_size (slots, last - first + 1);
  for (guint i = 0; i < sorted->len; i++)
    {
      AugurComparison *comparison = g_ptr_array_index (sorted, i);

      g_ptr_array_index (slots, augur_comparison_get_index (comparison) - first) = comparison;
    }

  for (guint i = 0; i < slots->len; i++)
    n_runs += g_ptr_array_index (slots, i) != NULL &&
              (i == 0 || g_ptr_array_index (slots, i - 1) == NULL);
  return n_runs;
}

void
augur_compare_table_update_many (AugurCompareTable *self,
                                 GPtrArray         *comparisons)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  guint first, n_runs;

  g_return_if_fail (AUGUR_IS_COMPARE_TABLE (self));
  g_return_if_fail (comparisons != NULL);

  sorted = g_ptr_array_new_full (comparisons->len, NULL);
  for (guint i = 0; i < comparisons->len; i++)
    if (check_comparison (self, g_ptr_array_index (comparisons, i)))
      g_ptr_array_add (sorted, g_ptr_array_index (comparisons, i));
  if (sorted->len == 0)
    return;

  /* g_ptr_array_sort is stable, so the last comparison of an input stays last. */
  g_ptr_array_sort (sorted, compare_by_index);
  first = augur_comparison_get_index (g_ptr_array_index (sorted, 0));
  slots = g_ptr_array_new ();
  n_runs = spread_changes (sorted, slots);

  if (n_runs > MAX_SPLICES)
    replace_rows (self, first, slots->len, (AugurComparison **) slots->pdata);
  else
    for (guint start = 0, end; start < slots->len; start = end)
      {
        for (end = start; end < slots->len && g_ptr_array_index (slots, end) != NULL; end++)
          ;
        if (end > start)
          replace_rows (self, first + start, end - start,
                        (AugurComparison **) slots->pdata + start);
        else
          end++;
      }

  update_count (self);
}

void
augur_compare_table_set_only_disagreements (AugurCompareTable *self,
                                            gboolean           only)
{
  g_return_if_fail (AUGUR_IS_COMPARE_TABLE (self));

  only = !!only;
  if (self->only_disagreements == only)
    return;

  self->only_disagreements = only;
  gtk_custom_filter_set_filter_func (self->filter, only ? row_disagrees_cb : NULL, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_DISAGREEMENTS]);
}

gboolean
augur_compare_table_get_only_disagreements (AugurCompareTable *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE (self), FALSE);

  return self->only_disagreements;
}

/* The table column that sorts as @sort asks. */
static guint
sort_column_position (AugurCompareTable     *self,
                      AugurCompareTableSort  sort)
{
  AugurCompareTableCell kind;
  guint column = 0;

  switch (sort)
    {
    case AUGUR_COMPARE_TABLE_SORT_INDEX:
      kind = AUGUR_COMPARE_TABLE_CELL_INDEX;
      break;
    case AUGUR_COMPARE_TABLE_SORT_NAME:
      kind = AUGUR_COMPARE_TABLE_CELL_NAME;
      break;
    case AUGUR_COMPARE_TABLE_SORT_VERDICT:
      kind = AUGUR_COMPARE_TABLE_CELL_VERDICT;
      break;
    case AUGUR_COMPARE_TABLE_SORT_MAX_DELTA:
      kind = AUGUR_COMPARE_TABLE_CELL_MAX_DELTA;
      break;
    case AUGUR_COMPARE_TABLE_SORT_COLUMN_0:
    default:
      kind = AUGUR_COMPARE_TABLE_CELL_RESULT;
      column = sort - AUGUR_COMPARE_TABLE_SORT_COLUMN_0;
      break;
    }

  for (guint i = 0; i < self->specs->len; i++)
    {
      const CellSpec *spec = &g_array_index (self->specs, CellSpec, i);

      if (spec->kind == kind && (kind != AUGUR_COMPARE_TABLE_CELL_RESULT || spec->column == column))
        return i;
    }
  return G_MAXUINT;
}

void
augur_compare_table_sort_by (AugurCompareTable     *self,
                             AugurCompareTableSort  sort,
                             GtkSortType            direction)
{
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  guint position;

  g_return_if_fail (AUGUR_IS_COMPARE_TABLE (self));

  position = sort_column_position (self, sort);
  g_return_if_fail (position != G_MAXUINT);

  view_column = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), position);
  gtk_column_view_sort_by_column (self->column_view, view_column, direction);
}

guint
augur_compare_table_get_n_visible (AugurCompareTable *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

GArray *
augur_compare_table_dup_visible_indices (AugurCompareTable *self)
{
  GArray *indices;
  guint n_rows;

  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE (self), NULL);

  n_rows = augur_compare_table_get_n_visible (self);
  indices = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(AugurCompareTableRow) row =
        g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);
      guint index = augur_compare_table_row_get_index (row);

      g_array_append_val (indices, index);
    }
  return indices;
}

GStrv
augur_compare_table_dup_row_cells (AugurCompareTable *self,
                                   guint              position)
{
  g_autoptr(AugurCompareTableRow) row = NULL;
  GStrv cells;

  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE (self), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  g_return_val_if_fail (row != NULL, NULL);

  cells = g_new0 (char *, self->specs->len + 1);
  for (guint i = 0; i < self->specs->len; i++)
    cells[i] = augur_compare_table_row_dup_cell_text (row,
                                                      &g_array_index (self->specs, CellSpec, i));
  return cells;
}

char *
augur_compare_table_dup_row_accessible_label (AugurCompareTable *self,
                                              guint              position)
{
  g_autoptr(AugurCompareTableRow) row = NULL;

  g_return_val_if_fail (AUGUR_IS_COMPARE_TABLE (self), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  g_return_val_if_fail (row != NULL, NULL);

  return augur_compare_table_row_dup_accessible_label (row, self->columns);
}
