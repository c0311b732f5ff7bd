/* test-batch-view.c: the batch table with 300 hand-built results: counts, sorting, filters,
 * the threshold slider, row activation and the bounded thumbnail cache.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "augur-batch-view.h"
#include "augur-resources.h"

#define N_ROWS 300

static const char * const concept_names[] = { "dog", "cat", "bird" };

/* Helpers ------------------------------------------------------------------------------ */

static gboolean
row_fails (guint i)
{
  return i == 10 || i == 250;
}

/* Distinct values in [0, 1): 37 and 300 are coprime. */
static double
row_value (guint i)
{
  return ((i * 37) % N_ROWS) / (double) N_ROWS;
}

static AugurPrediction *
make_prediction (guint i)
{
  AugurPrediction *prediction = augur_prediction_new ();

  if (row_fails (i))
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "Broken %u", i);

      augur_prediction_set_error (prediction, error);
      return prediction;
    }

  g_ptr_array_add (augur_prediction_get_concepts (prediction),
                   augur_concept_new ("id", concept_names[i % 3], row_value (i)));
  return prediction;
}

static void
fill_rows (AugurBatchView *view,
           GBytes         *image)
{
  g_autoptr(GListStore) rows = g_list_store_new (AUGUR_TYPE_BATCH_ROW);

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *name = g_strdup_printf ("img-%03u.png", i);
      g_autofree char *path = g_build_filename ("/nonexistent", name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(AugurInput) input = image != NULL ? augur_input_new_bytes (image, name)
                                                  : augur_input_new_file (file);
      g_autoptr(AugurBatchRow) row = augur_batch_row_new (i, input);
      g_autoptr(AugurPrediction) prediction = make_prediction (i);

      augur_batch_row_set_prediction (row, prediction);
      g_list_store_append (rows, row);
    }

  augur_batch_view_set_rows (view, G_LIST_MODEL (rows));
}

static AugurBatchView *
new_view (void)
{
  AugurBatchView *view = AUGUR_BATCH_VIEW (g_object_ref_sink (augur_batch_view_new ()));

  fill_rows (view, NULL);
  return view;
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_expected (double   min_value,
                double   threshold,
                gboolean (*extra) (guint i))
{
  guint n = 0;

  for (guint i = 0; i < N_ROWS; i++)
    if (!row_fails (i) && row_value (i) >= MAX (min_value, threshold) && (extra == NULL || extra (i)))
      n++;

  return n;
}

static gboolean
is_dog (guint i)
{
  return i % 3 == 0;
}

static GtkLabel *
count_label (AugurBatchView *view)
{
  /* The count is the first label that starts with "Showing". */
  GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (view));

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (child)), "Showing"))
      return GTK_LABEL (child);

  g_assert_not_reached ();
}

/* Tests -------------------------------------------------------------------------------- */

static void
test_count (void)
{
  g_autoptr(AugurBatchView) view = new_view ();

  g_assert_cmpuint (augur_batch_view_get_n_visible (view), ==, N_ROWS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (augur_batch_view_get_store (view))), ==, N_ROWS);
  g_assert_cmpstr (gtk_label_get_label (count_label (view)), ==, "Showing 300 of 300");

  g_assert_finalize_object (g_steal_pointer (&view));
}

static void
test_sort_value (void)
{
  g_autoptr(AugurBatchView) view = new_view ();
  g_autoptr(GPtrArray) rows = NULL;
  guint best = 0;

  for (guint i = 0; i < N_ROWS; i++)
    if (!row_fails (i) && row_value (i) > row_value (best))
      best = i;

  augur_batch_view_sort_by (view, AUGUR_BATCH_COLUMN_VALUE, GTK_SORT_DESCENDING);
  rows = augur_batch_view_dup_visible_rows (view);

  g_assert_cmpuint (rows->len, ==, N_ROWS);
  g_assert_cmpuint (augur_batch_row_get_index (g_ptr_array_index (rows, 0)), ==, best);
  g_assert_cmpfloat (augur_batch_row_get_top_value (g_ptr_array_index (rows, 0)), ==, 299.0 / 300);
  /* Failed rows have no value and sort last. */
  g_assert_cmpint (augur_batch_row_get_state (g_ptr_array_index (rows, N_ROWS - 1)), ==, AUGUR_BATCH_ROW_FAILED);
  g_assert_cmpint (augur_batch_row_get_state (g_ptr_array_index (rows, N_ROWS - 2)), ==, AUGUR_BATCH_ROW_FAILED);

  g_clear_pointer (&rows, g_ptr_array_unref);
  augur_batch_view_sort_by (view, AUGUR_BATCH_COLUMN_NAME, GTK_SORT_DESCENDING);
  rows = augur_batch_view_dup_visible_rows (view);
  g_assert_cmpstr (augur_batch_row_get_label (g_ptr_array_index (rows, 0)), ==, "img-299.png");

  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&view));
}

static void
test_filter_text (void)
{
  g_autoptr(AugurBatchView) view = new_view ();
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *entry = find_child (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);

  augur_batch_view_set_filter_text (view, "DOG");
  g_assert_cmpuint (augur_batch_view_get_n_visible (view), ==, count_expected (0, 0, is_dog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "DOG");
  rows = augur_batch_view_dup_visible_rows (view);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (augur_batch_row_get_top_name (g_ptr_array_index (rows, i)), ==, "dog");

  /* What the user types goes through the entry's search-changed. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zebra");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (augur_batch_view_get_n_visible (view), ==, 0);
  g_assert_cmpstr (gtk_label_get_label (count_label (view)), ==, "Showing 0 of 300");

  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&view));
}

static void
test_status_failed (void)
{
  g_autoptr(AugurBatchView) view = new_view ();
  g_autoptr(GPtrArray) rows = NULL;
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_child (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN));
  g_autofree char *status = NULL;

  gtk_drop_down_set_selected (dropdown, AUGUR_BATCH_STATUS_FAILED);
  g_assert_cmpint (augur_batch_view_get_status_filter (view), ==, AUGUR_BATCH_STATUS_FAILED);
  rows = augur_batch_view_dup_visible_rows (view);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (augur_batch_row_get_index (g_ptr_array_index (rows, 0)), ==, 10);
  g_assert_cmpuint (augur_batch_row_get_index (g_ptr_array_index (rows, 1)), ==, 250);
  status = augur_batch_row_dup_status_text (g_ptr_array_index (rows, 0));
  g_assert_cmpstr (status, ==, "Failed: Broken 10");

  augur_batch_view_set_status_filter (view, AUGUR_BATCH_STATUS_SUCCEEDED);
  g_assert_cmpuint (augur_batch_view_get_n_visible (view), ==, N_ROWS - 2);

  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&view));
}

static void
test_threshold_scale (void)
{
  g_autoptr(AugurBatchView) view = new_view ();
  GtkRange *scale = GTK_RANGE (find_child (GTK_WIDGET (view), GTK_TYPE_SCALE));
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *expected_count = NULL;

  augur_batch_view_set_value_range (view, 0.5, 1);
  g_assert_cmpuint (augur_batch_view_get_n_visible (view), ==, count_expected (0.5, 0, NULL));

  gtk_range_set_value (scale, 0.8);
  g_assert_cmpfloat (augur_batch_view_get_threshold (view), ==, 0.8);
  g_assert_cmpuint (augur_batch_view_get_n_visible (view), ==, count_expected (0.5, 0.8, NULL));
  g_assert_cmpuint (count_expected (0.5, 0.8, NULL), <, count_expected (0.5, 0, NULL));
  expected_count = g_strdup_printf ("Showing %u of 300", count_expected (0.5, 0.8, NULL));
  g_assert_cmpstr (gtk_label_get_label (count_label (view)), ==, expected_count);

  /* Without a value range the rows stay; their top concept column empties. */
  augur_batch_view_set_value_range (view, 0, 1);
  g_assert_cmpuint (augur_batch_view_get_n_visible (view), ==, N_ROWS);
  rows = augur_batch_view_dup_visible_rows (view);
  g_assert_cmpfloat (row_value (1), <, 0.8);
  g_assert_null (augur_batch_row_get_top_name (g_ptr_array_index (rows, 1)));

  gtk_range_set_value (scale, 0);
  g_assert_cmpstr (augur_batch_row_get_top_name (g_ptr_array_index (rows, 1)), ==, "cat");

  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&view));
}

static void
row_activated_cb (AugurBatchView *view,
                  AugurBatchRow  *row,
                  AugurBatchRow **out_row)
{
  g_set_object (out_row, row);
}

static void
test_row_activated (void)
{
  g_autoptr(AugurBatchView) view = new_view ();
  g_autoptr(AugurBatchRow) activated = NULL;
  GtkWidget *column_view = find_child (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);

  g_signal_connect (view, "row-activated", G_CALLBACK (row_activated_cb), &activated);
  augur_batch_view_set_filter_text (view, "bird");
  augur_batch_view_sort_by (view, AUGUR_BATCH_COLUMN_NAME, GTK_SORT_ASCENDING);

  g_signal_emit_by_name (column_view, "activate", 1);
  g_assert_nonnull (activated);
  g_assert_cmpstr (augur_batch_row_get_label (activated), ==, "img-005.png");

  g_clear_object (&activated);
  g_assert_finalize_object (g_steal_pointer (&view));
}

static void
test_row_update (void)
{
  g_autoptr(AugurBatchView) view = AUGUR_BATCH_VIEW (g_object_ref_sink (augur_batch_view_new ()));
  GListStore *store = augur_batch_view_get_store (view);
  g_autoptr(AugurPrediction) prediction = make_prediction (3);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AugurBatchRow) row = augur_batch_row_new (i, NULL);

      g_list_store_append (store, row);
    }

  augur_batch_view_set_status_filter (view, AUGUR_BATCH_STATUS_PENDING);
  g_assert_cmpuint (augur_batch_view_get_n_visible (view), ==, 3);

  /* A result arriving moves its row out of "Pending" without a manual refresh. */
  {
    g_autoptr(AugurBatchRow) row = g_list_model_get_item (G_LIST_MODEL (store), 1);

    augur_batch_row_set_prediction (row, prediction);
  }
  while (augur_batch_view_get_n_visible (view) == 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (augur_batch_view_get_n_visible (view), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&view));
}

static GBytes *
make_png (void)
{
  g_autofree guchar *pixels = g_malloc (64 * 64 * 4);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  for (guint i = 0; i < 64 * 64 * 4; i++)
    pixels[i] = (i % 4 == 3) ? 255 : i % 251;
  bytes = g_bytes_new_take (g_steal_pointer (&pixels), 64 * 64 * 4);
  texture = gdk_memory_texture_new (64, 64, GDK_MEMORY_R8G8B8A8, bytes, 64 * 4);

  return gdk_texture_save_to_png_bytes (texture);
}

static void
iterate_for_a_while (GtkWindow *window)
{
  for (guint i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_thumbnails_bounded (void)
{
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GBytes) png = make_png ();
  AugurBatchView *view = AUGUR_BATCH_VIEW (augur_batch_view_new ());
  GtkScrolledWindow *scrolled;
  GtkAdjustment *vadjustment;

  g_assert_cmpuint (augur_batch_view_get_thumbnail_limit (view), ==, 300);
  augur_batch_view_set_thumbnail_limit (view, 5);
  fill_rows (view, png);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  /* More than five rows are on screen, so more than five thumbnails get made. */
  while (augur_batch_view_get_n_thumbnails (view) < 5)
    g_main_context_iteration (NULL, TRUE);
  iterate_for_a_while (GTK_WINDOW (window));
  g_assert_cmpuint (augur_batch_view_get_n_thumbnails (view), ==, 5);

  scrolled = GTK_SCROLLED_WINDOW (find_child (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW));
  vadjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  for (double value = 0; value <= gtk_adjustment_get_upper (vadjustment); value += 300)
    {
      gtk_adjustment_set_value (vadjustment, value);
      iterate_for_a_while (GTK_WINDOW (window));
      g_assert_cmpuint (augur_batch_view_get_n_thumbnails (view), <=, 5);
    }

  augur_batch_view_set_thumbnail_limit (view, 2);
  g_assert_cmpuint (augur_batch_view_get_n_thumbnails (view), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for_a_while (NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Referencing the resource links its object in; its constructor registers it. */
  g_assert_nonnull (augur_get_resource ());

  g_test_add_func ("/ui/batch-view/count", test_count);
  g_test_add_func ("/ui/batch-view/sort-value", test_sort_value);
  g_test_add_func ("/ui/batch-view/filter-text", test_filter_text);
  g_test_add_func ("/ui/batch-view/status-failed", test_status_failed);
  g_test_add_func ("/ui/batch-view/threshold-scale", test_threshold_scale);
  g_test_add_func ("/ui/batch-view/row-activated", test_row_activated);
  g_test_add_func ("/ui/batch-view/row-update", test_row_update);
  g_test_add_func ("/ui/batch-view/thumbnails-bounded", test_thumbnails_bounded);

  return g_test_run ();
}
