/* test-compare-table.c: the batch compare table over 200 hand-built comparisons of two
 * versions, where every 7th input changes its top concept: counts, the disagreement filter,
 * cells, sorting, failed and pending cells, row activation, accessible labels, and 5000
 * updates at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "augur-compare-table.h"
#include "augur-resources.h"
#include "compare-test-data.h"

#define N_INPUTS    200
#define NULL_INPUT  3     /* this slot has no AugurInput: its row is "Input 4" */
#define N_MANY      5000

/* Helpers --------------------------------------------------------------------------------- */

static gboolean
input_disagrees (guint i)
{
  return i % 7 == 0;
}

/* Version A's cat, 0.50 to 0.89. */
static double
a_cat (guint i)
{
  return 0.5 + (i % 40) / 100.0;
}

/* How much version B lowers the cat where both agree, 0 to 0.12. */
static double
b_cat_drop (guint i)
{
  return (i % 13) / 100.0;
}

/* The largest |B - A| over both concepts, as the test computes it. */
static double
expected_max_delta (guint i)
{
  if (input_disagrees (i))
    return MAX (a_cat (i) - 0.2, 0.6 - 0.3);
  return b_cat_drop (i);
}

/* Ranked as a server ranks them: the first is the top-1. */
static AugurPrediction *
prediction_of (const char *first,
               double      first_value,
               const char *second,
               double      second_value)
{
  AugurPrediction *prediction = augur_prediction_new ();

  compare_test_add_concepts (prediction, first, first_value, second, second_value, NULL);
  return prediction;
}

static AugurComparison *
comparison_of (guint            index,
               AugurPrediction *a,
               AugurPrediction *b)
{
  return compare_test_comparison_take (index, NULL, 2, a, b, NULL);
}

static AugurComparison *
make_comparison (guint i)
{
  AugurPrediction *a = prediction_of ("cat", a_cat (i), "dog", 0.3);
  AugurPrediction *b = input_disagrees (i) ? prediction_of ("dog", 0.6, "cat", 0.2)
                                           : prediction_of ("cat", a_cat (i) - b_cat_drop (i),
                                                            "dog", 0.3);

  return comparison_of (i, a, b);
}

static void
unref_input (gpointer input)
{
  if (input != NULL)
    g_object_unref (input);
}

static GPtrArray *
make_inputs (guint n_inputs)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func (unref_input);

  for (guint i = 0; i < n_inputs; i++)
    {
      g_autofree char *path = g_strdup_printf ("/nonexistent/photo-%03u.png", i);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_ptr_array_add (inputs, i == NULL_INPUT ? NULL : augur_input_new_file (file));
    }
  return inputs;
}

static AugurCompareTable *
new_table (guint n_inputs)
{
  AugurCompareTable *table = AUGUR_COMPARE_TABLE (g_object_ref_sink (augur_compare_table_new ()));
  g_autoptr(GPtrArray) columns = compare_test_columns_new ("me/app/model", 2, TRUE);
  g_autoptr(GPtrArray) inputs = make_inputs (n_inputs);

  augur_compare_table_reset (table, columns, inputs);
  return table;
}

static AugurCompareTable *
new_answered_table (void)
{
  AugurCompareTable *table = new_table (N_INPUTS);
  g_autoptr(GPtrArray) comparisons = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < N_INPUTS; i++)
    g_ptr_array_add (comparisons, make_comparison (i));
  augur_compare_table_update_many (table, comparisons);
  return table;
}

static void
assert_row_cells (AugurCompareTable  *table,
                  guint               position,
                  const char * const *expected)
{
  g_auto(GStrv) cells = augur_compare_table_dup_row_cells (table, position);

  g_assert_nonnull (cells);
  g_assert_cmpuint (g_strv_length (cells), ==, g_strv_length ((GStrv) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (cells[i], ==, expected[i]);
}

/* Tests ----------------------------------------------------------------------------------- */

static void
test_count (void)
{
  g_autoptr(AugurCompareTable) table = new_table (N_INPUTS);
  g_autoptr(GPtrArray) comparisons = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpuint (augur_compare_table_get_n_visible (table), ==, N_INPUTS);
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (table), "0 of 200 inputs disagree"));

  for (guint i = 0; i < N_INPUTS; i++)
    g_ptr_array_add (comparisons, make_comparison (i));
  augur_compare_table_update_many (table, comparisons);

  /* 0, 7, …, 196 */
  g_assert_cmpuint (augur_compare_table_get_n_visible (table), ==, N_INPUTS);
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (table), "29 of 200 inputs disagree"));
  g_assert_finalize_object (g_steal_pointer (&table));
}

static void
test_only_disagreements (void)
{
  g_autoptr(AugurCompareTable) table = new_answered_table ();
  g_autoptr(GArray) indices = NULL;
  GtkCheckButton *toggle = compare_test_find (GTK_WIDGET (table), GTK_TYPE_CHECK_BUTTON);
  guint expected = 0;

  g_assert_nonnull (toggle);
  g_assert_false (augur_compare_table_get_only_disagreements (table));
  gtk_check_button_set_active (toggle, TRUE);
  g_assert_true (augur_compare_table_get_only_disagreements (table));

  indices = augur_compare_table_dup_visible_indices (table);
  g_assert_cmpuint (indices->len, ==, 29);
  g_assert_cmpuint (augur_compare_table_get_n_visible (table), ==, 29);
  for (guint i = 0; i < N_INPUTS; i++)
    if (input_disagrees (i))
      g_assert_cmpuint (g_array_index (indices, guint, expected++), ==, i);
  g_assert_cmpuint (expected, ==, indices->len);

  augur_compare_table_set_only_disagreements (table, FALSE);
  g_assert_false (gtk_check_button_get_active (toggle));
  g_assert_cmpuint (augur_compare_table_get_n_visible (table), ==, N_INPUTS);
  g_assert_finalize_object (g_steal_pointer (&table));
}

static void
test_update_refilters (void)
{
  g_autoptr(AugurCompareTable) table = new_answered_table ();
  g_autoptr(AugurComparison) agree = NULL;
  g_autoptr(AugurComparison) disagree = NULL;
  g_autoptr(GArray) indices = NULL;

  augur_compare_table_set_only_disagreements (table, TRUE);

  /* Input 14 now agrees, input 15 now disagrees. */
  agree = comparison_of (14, prediction_of ("cat", 0.8, "dog", 0.1),
                         prediction_of ("cat", 0.7, "dog", 0.1));
  disagree = comparison_of (15, prediction_of ("cat", 0.8, "dog", 0.1),
                            prediction_of ("dog", 0.7, "cat", 0.1));
  augur_compare_table_update (table, agree);
  augur_compare_table_update (table, disagree);

  indices = augur_compare_table_dup_visible_indices (table);
  g_assert_cmpuint (indices->len, ==, 29);
  g_assert_cmpuint (g_array_index (indices, guint, 1), ==, 7);
  g_assert_cmpuint (g_array_index (indices, guint, 2), ==, 15);
  g_assert_cmpuint (g_array_index (indices, guint, 3), ==, 21);
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (table), "29 of 200 inputs disagree"));
  g_assert_finalize_object (g_steal_pointer (&table));
}

static void
test_cells (void)
{
  g_autoptr(AugurCompareTable) table = new_answered_table ();
  const char * const disagreeing[] = {
    "8", "photo-007.png", "cat 57%", "dog 60%", "37 points", "Disagree", NULL
  };
  const char * const agreeing[] = {
    "6", "photo-005.png", "cat 55%", "cat 50%", "5 points", "Agree", NULL
  };
  const char * const unnamed[] = {
    "4", "Input 4", "cat 53%", "cat 50%", "3 points", "Agree", NULL
  };
  g_autofree char *accessible = NULL;

  assert_row_cells (table, 7, disagreeing);
  assert_row_cells (table, 5, agreeing);
  assert_row_cells (table, NULL_INPUT, unnamed);

  accessible = augur_compare_table_dup_row_accessible_label (table, 7);
  g_assert_cmpstr (accessible, ==,
                   "photo-007.png: A cat, 57 percent; B dog, 60 percent; "
                   "largest difference 37 points; Disagree");
  g_assert_finalize_object (g_steal_pointer (&table));
}

static void
test_sort (void)
{
  g_autoptr(AugurCompareTable) table = new_answered_table ();
  g_autoptr(GArray) by_delta = NULL;
  g_autoptr(GArray) by_verdict = NULL;
  g_autoptr(GArray) by_name = NULL;
  g_autoptr(GArray) by_b = NULL;
  guint largest = 0;

  for (guint i = 1; i < N_INPUTS; i++)
    if (expected_max_delta (i) > expected_max_delta (largest))
      largest = i;
  g_assert_cmpuint (largest, ==, 119);

  augur_compare_table_sort_by (table, AUGUR_COMPARE_TABLE_SORT_MAX_DELTA, GTK_SORT_DESCENDING);
  by_delta = augur_compare_table_dup_visible_indices (table);
  g_assert_cmpuint (by_delta->len, ==, N_INPUTS);
  g_assert_cmpuint (g_array_index (by_delta, guint, 0), ==, largest);
  for (guint i = 1; i < by_delta->len; i++)
    g_assert_cmpfloat (expected_max_delta (g_array_index (by_delta, guint, i - 1)), >=,
                       expected_max_delta (g_array_index (by_delta, guint, i)));
  {
    g_auto(GStrv) cells = augur_compare_table_dup_row_cells (table, 0);
    g_assert_cmpstr (cells[4], ==, "69 points");
  }

  /* Ascending verdicts put the disagreements first, in input order. */
  augur_compare_table_sort_by (table, AUGUR_COMPARE_TABLE_SORT_VERDICT, GTK_SORT_ASCENDING);
  by_verdict = augur_compare_table_dup_visible_indices (table);
  for (guint i = 0; i < 29; i++)
    g_assert_cmpuint (g_array_index (by_verdict, guint, i), ==, i * 7);
  g_assert_cmpuint (g_array_index (by_verdict, guint, 29), ==, 1);

  /* "Input 4" sorts after every "photo-…". */
  augur_compare_table_sort_by (table, AUGUR_COMPARE_TABLE_SORT_NAME, GTK_SORT_DESCENDING);
  by_name = augur_compare_table_dup_visible_indices (table);
  g_assert_cmpuint (g_array_index (by_name, guint, 0), ==, 199);
  g_assert_cmpuint (g_array_index (by_name, guint, N_INPUTS - 1), ==, NULL_INPUT);

  /* Column B's top-1 value: the disagreeing dogs at 0.6 lose to the cats from 0.83 up. */
  augur_compare_table_sort_by (table, AUGUR_COMPARE_TABLE_SORT_COLUMN_0 + 1,
                               GTK_SORT_DESCENDING);
  by_b = augur_compare_table_dup_visible_indices (table);
  g_assert_cmpuint (g_array_index (by_b, guint, 0), ==, 39);   /* 0.89 - 0 */

  augur_compare_table_sort_by (table, AUGUR_COMPARE_TABLE_SORT_INDEX, GTK_SORT_DESCENDING);
  g_assert_cmpuint (g_array_index (augur_compare_table_dup_visible_indices (table), guint, 0), ==,
                    N_INPUTS - 1);
  g_assert_finalize_object (g_steal_pointer (&table));
}

static void
test_failed_and_pending (void)
{
  g_autoptr(AugurCompareTable) table = new_table (3);
  g_autoptr(AugurComparison) failed = NULL;
  g_autoptr(AugurComparison) half = NULL;
  const char * const failed_cells[] = {
    "1", "photo-000.png", "cat 80%", "Failed: Model exploded", "—", "Incomplete", NULL
  };
  const char * const pending_cells[] = {
    "2", "photo-001.png", "…", "…", "…", "Waiting", NULL
  };
  const char * const half_cells[] = {
    "3", "photo-002.png", "cat 80%", "…", "…", "Waiting", NULL
  };
  g_autofree char *accessible = NULL;

  failed = comparison_of (0, prediction_of ("cat", 0.8, "dog", 0.1),
                          compare_test_failed_prediction ("Model exploded", -1));
  half = comparison_of (2, prediction_of ("cat", 0.8, "dog", 0.1), NULL);
  augur_compare_table_update (table, failed);
  augur_compare_table_update (table, half);

  assert_row_cells (table, 0, failed_cells);
  assert_row_cells (table, 1, pending_cells);
  assert_row_cells (table, 2, half_cells);
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (table), "0 of 3 inputs disagree"));

  accessible = augur_compare_table_dup_row_accessible_label (table, 1);
  g_assert_cmpstr (accessible, ==, "photo-001.png: A waiting; B waiting; Waiting");
  g_assert_finalize_object (g_steal_pointer (&table));
}

static void
test_reset_columns (void)
{
  g_autoptr(AugurCompareTable) table = new_answered_table ();
  g_autoptr(GPtrArray) columns = compare_test_columns_new ("me/app/model", 2, TRUE);
  g_autoptr(GPtrArray) inputs = make_inputs (2);
  const char * const pending_cells[] = {
    "2", "photo-001.png", "…", "…", "…", "…", "Waiting", NULL
  };

  /* The sorted column goes away with the old columns. */
  augur_compare_table_sort_by (table, AUGUR_COMPARE_TABLE_SORT_COLUMN_0 + 1, GTK_SORT_DESCENDING);
  augur_compare_table_set_only_disagreements (table, TRUE);
  g_ptr_array_add (columns, augur_compare_column_new ("me/app/other", NULL, "C"));
  augur_compare_table_reset (table, columns, inputs);

  /* The filter stays: nothing has disagreed yet. */
  g_assert_cmpuint (augur_compare_table_get_n_visible (table), ==, 0);
  augur_compare_table_set_only_disagreements (table, FALSE);
  g_assert_cmpuint (augur_compare_table_get_n_visible (table), ==, 2);
  assert_row_cells (table, 1, pending_cells);
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (table), "C"));
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (table), "0 of 2 inputs disagree"));
  g_assert_finalize_object (g_steal_pointer (&table));
}

static void
activated_cb (AugurCompareTable *table,
              guint              index,
              guint             *activated)
{
  *activated = index;
}

static void
test_activate (void)
{
  g_autoptr(AugurCompareTable) table = new_answered_table ();
  GtkColumnView *column_view = compare_test_find (GTK_WIDGET (table), GTK_TYPE_COLUMN_VIEW);
  guint activated = G_MAXUINT;

  g_assert_nonnull (column_view);
  g_signal_connect (table, "comparison-activated", G_CALLBACK (activated_cb), &activated);

  g_signal_emit_by_name (column_view, "activate", 12);
  g_assert_cmpuint (activated, ==, 12);

  /* Positions are the ones on screen: the third disagreement sorted by largest difference. */
  augur_compare_table_set_only_disagreements (table, TRUE);
  augur_compare_table_sort_by (table, AUGUR_COMPARE_TABLE_SORT_MAX_DELTA, GTK_SORT_DESCENDING);
  g_signal_emit_by_name (column_view, "activate", 0);
  g_assert_cmpuint (activated, ==, 119);
  g_signal_emit_by_name (column_view, "activate", 1);
  g_assert_cmpuint (activated, ==, 77);   /* 0.87 - 0.2 */
  g_signal_emit_by_name (column_view, "activate", 2);
  g_assert_cmpuint (activated, ==, 196);  /* 0.86 - 0.2 */
  g_assert_finalize_object (g_steal_pointer (&table));
}

static gboolean
has_css_class_near (GtkWidget  *widget,
                    const char *css_class)
{
  for (guint i = 0; widget != NULL && i < 3; i++, widget = gtk_widget_get_parent (widget))
    if (gtk_widget_has_css_class (widget, css_class))
      return TRUE;
  return FALSE;
}

static gboolean
rows_shown (gpointer data)
{
  return compare_test_find_label (GTK_WIDGET (data), "photo-000.png") != NULL;
}

static void
test_rendered (void)
{
  g_autoptr(AugurCompareTable) table = new_answered_table ();
  GtkWindow *window;
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  g_autofree char *accessible = augur_compare_table_dup_row_accessible_label (table, 0);
  GtkWidget *row = NULL;
  GtkLabel *title_a, *title_b, *disagree_label, *failed_label;

  g_autoptr(AugurComparison) failed =
    comparison_of (2, prediction_of ("cat", 0.8, "dog", 0.1),
                   compare_test_failed_prediction ("Model exploded", -1));

  augur_compare_table_update (table, failed);
  window = compare_test_present (GTK_WIDGET (table), 900, 600);
  compare_test_spin_until (rows_shown, table);
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (table), "photo-000.png"));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  compare_test_save_screenshot (GTK_WIDGET (table), "compare-table");

  /* Column headers are coloured like the columns' bars elsewhere. */
  title_a = compare_test_find_label (GTK_WIDGET (table), "A");
  title_b = compare_test_find_label (GTK_WIDGET (table), "B");
  g_assert_nonnull (title_a);
  g_assert_nonnull (title_b);
  g_assert_true (has_css_class_near (GTK_WIDGET (title_a), "compare-column-0"));
  g_assert_true (has_css_class_near (GTK_WIDGET (title_b), "compare-column-1"));

  /* A disagreement's verdict stands out. */
  disagree_label = compare_test_find_label (GTK_WIDGET (table), "Disagree");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (disagree_label), "compare-disagree"));

  failed_label = compare_test_find_label (GTK_WIDGET (table), "Failed: Model exploded");
  g_assert_nonnull (failed_label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (failed_label), "error"));

  /* The row of input 0 reads as a whole. */
  compare_test_collect (GTK_WIDGET (table), GTK_TYPE_WIDGET, widgets);
  for (guint i = 0; i < widgets->len && row == NULL; i++)
    if (gtk_accessible_get_accessible_role (g_ptr_array_index (widgets, i)) ==
          GTK_ACCESSIBLE_ROLE_ROW &&
        compare_test_has_accessible_label (g_ptr_array_index (widgets, i), accessible))
      row = g_ptr_array_index (widgets, i);
  g_assert_nonnull (row);

  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (g_steal_pointer (&table));
}

static void
test_many_updates (void)
{
  g_autoptr(AugurCompareTable) table = new_table (N_MANY);
  g_autoptr(GPtrArray) comparisons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) scattered = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) indices = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  guint n_disagree = 0;

  /* Sorted and filtered while the answers arrive, as the user may have left it. */
  augur_compare_table_sort_by (table, AUGUR_COMPARE_TABLE_SORT_MAX_DELTA, GTK_SORT_DESCENDING);

  /* Every answer at once, in no particular order. */
  for (guint i = 0; i < N_MANY; i++)
    g_ptr_array_add (comparisons, make_comparison (i));
  for (guint i = N_MANY - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      gpointer swap = comparisons->pdata[i];

      comparisons->pdata[i] = comparisons->pdata[j];
      comparisons->pdata[j] = swap;
    }
  augur_compare_table_update_many (table, comparisons);
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (table), "715 of 5000 inputs disagree"));

  /* Every other input flips to agree: thousands of separate runs in one call. */
  augur_compare_table_set_only_disagreements (table, TRUE);
  for (guint i = 0; i < N_MANY; i += 2)
    g_ptr_array_add (scattered, comparison_of (i, prediction_of ("cat", 0.8, "dog", 0.1),
                                                prediction_of ("cat", 0.7, "dog", 0.1)));
  augur_compare_table_update_many (table, scattered);
  for (guint i = 1; i < N_MANY; i += 2)
    n_disagree += input_disagrees (i);

  augur_compare_table_sort_by (table, AUGUR_COMPARE_TABLE_SORT_INDEX, GTK_SORT_ASCENDING);
  indices = augur_compare_table_dup_visible_indices (table);
  g_assert_cmpuint (indices->len, ==, n_disagree);
  for (guint i = 0; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);

      g_assert_true (index % 2 == 1 && input_disagrees (index));
    }
  g_assert_finalize_object (g_steal_pointer (&table));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (augur_get_resource ());
  /* The application loads the column colours; the screenshot should show them too. */
  compare_test_load_style ();

  g_test_add_func ("/ui/compare-table/count", test_count);
  g_test_add_func ("/ui/compare-table/only-disagreements", test_only_disagreements);
  g_test_add_func ("/ui/compare-table/update-refilters", test_update_refilters);
  g_test_add_func ("/ui/compare-table/cells", test_cells);
  g_test_add_func ("/ui/compare-table/sort", test_sort);
  g_test_add_func ("/ui/compare-table/failed-and-pending", test_failed_and_pending);
  g_test_add_func ("/ui/compare-table/reset-columns", test_reset_columns);
  g_test_add_func ("/ui/compare-table/activate", test_activate);
  g_test_add_func ("/ui/compare-table/rendered", test_rendered);
  g_test_add_func ("/ui/compare-table/many-updates", test_many_updates);

  return g_test_run ();
}
