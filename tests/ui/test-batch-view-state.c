/* test-batch-view-state.c: what the batch table shows for each row, how each column sorts
 * and which rows the filters keep, on hand-built predictions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>

#include "augur-batch-row.h"
#include "augur-batch-view-state.h"

/* Helpers ------------------------------------------------------------------------------ */

static AugurPrediction *
concept_prediction (const char *first_name,
                    ...)
{
  AugurPrediction *prediction = augur_prediction_new ();
  va_list args;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      double value = va_arg (args, double);
      g_autofree char *id = g_strdup_printf ("id-%s", name);

      g_ptr_array_add (augur_prediction_get_concepts (prediction),
                       augur_concept_new (id, name, value));
    }
  va_end (args);

  return prediction;
}

static AugurPrediction *
failed_prediction (const char *message)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, message);

  augur_prediction_set_error (prediction, error);
  return prediction;
}

static AugurPrediction *
detector_prediction (guint n_boxes)
{
  AugurPrediction *prediction = augur_prediction_new ();

  for (guint i = 0; i < n_boxes; i++)
    {
      AugurRegion *region = augur_region_new ("r", 0.1, 0.1, 0.5, 0.5, 0.8);
      g_autoptr(AugurConcept) concept = augur_concept_new ("id-car", "car", 0.5 + i * 0.1);

      augur_region_add_concept (region, concept);
      g_ptr_array_add (augur_prediction_get_regions (prediction), region);
    }

  return prediction;
}

/* (transfer full): takes @prediction */
static AugurBatchRow *
make_row (guint            index,
          const char      *file_name,
          AugurPrediction *prediction)
{
  g_autoptr(GFile) file = g_file_new_for_path (file_name);
  g_autoptr(AugurInput) input = augur_input_new_file (file);
  AugurBatchRow *row = augur_batch_row_new (index, input);

  if (prediction != NULL)
    {
      augur_batch_row_set_prediction (row, prediction);
      g_object_unref (prediction);
    }
  return row;
}

static double threshold_for_sort;
static AugurBatchColumn column_for_sort;
static gboolean descending;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  AugurBatchRow *row_a = *(AugurBatchRow **) a;
  AugurBatchRow *row_b = *(AugurBatchRow **) b;
  int result = augur_batch_view_state_compare (row_a, row_b, column_for_sort, threshold_for_sort);

  return descending ? -result : result;
}

static char *
sorted_labels (GPtrArray        *rows,
               AugurBatchColumn  column,
               double            threshold,
               gboolean          sort_descending)
{
  g_autoptr(GPtrArray) copy = g_ptr_array_new ();
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (rows, i));

  column_for_sort = column;
  threshold_for_sort = threshold;
  descending = sort_descending;
  g_ptr_array_sort (copy, compare_rows);
  for (guint i = 0; i < copy->len; i++)
    g_string_append_printf (labels, "%s%s", i > 0 ? "|" : "",
                            augur_batch_row_get_label (g_ptr_array_index (copy, i)));

  return g_string_free (g_steal_pointer (&labels), FALSE);
}

static GPtrArray *
sample_rows (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (rows, make_row (0, "/tmp/b-dog.jpg", concept_prediction ("cat", 0.3, "dog", 0.9, NULL)));
  g_ptr_array_add (rows, make_row (1, "/tmp/a-pending.jpg", NULL));
  g_ptr_array_add (rows, make_row (2, "/tmp/d-failed.jpg", failed_prediction ("Model is offline")));
  g_ptr_array_add (rows, make_row (3, "/tmp/c-bird.jpg", concept_prediction ("bird", 0.6, NULL)));
  g_ptr_array_add (rows, make_row (4, "/tmp/e-cars.jpg", detector_prediction (3)));

  return rows;
}

/* Tests -------------------------------------------------------------------------------- */

static void
test_top_concept_threshold (void)
{
  g_autoptr(AugurPrediction) prediction = concept_prediction ("cat", 0.4, "dog", 0.9, "owl", 0.6, NULL);
  g_autoptr(AugurPrediction) detector = detector_prediction (3);
  g_autoptr(AugurPrediction) empty = augur_prediction_new ();

  g_assert_cmpstr (augur_concept_get_name (augur_batch_view_state_top_concept (prediction, 0)), ==, "dog");
  g_assert_cmpstr (augur_concept_get_name (augur_batch_view_state_top_concept (prediction, 0.9)), ==, "dog");
  g_assert_null (augur_batch_view_state_top_concept (prediction, 0.95));
  g_assert_cmpfloat_with_epsilon (augur_concept_get_value (augur_batch_view_state_top_concept (detector, 0)),
                                  0.7, 1e-9);
  g_assert_null (augur_batch_view_state_top_concept (detector, 0.8));
  g_assert_null (augur_batch_view_state_top_concept (empty, 0));
}

static void
test_row_threshold (void)
{
  g_autoptr(AugurBatchRow) row = make_row (7, "/tmp/photo.jpg",
                                           concept_prediction ("dog", 0.9, "cat", 0.4, NULL));
  g_autofree char *value_text = NULL;
  g_autofree char *empty_text = NULL;

  g_assert_cmpstr (augur_batch_row_get_label (row), ==, "photo.jpg");
  g_assert_cmpuint (augur_batch_row_get_index (row), ==, 7);
  g_assert_cmpstr (augur_batch_row_get_top_name (row), ==, "dog");
  value_text = augur_batch_row_dup_value_text (row);
  g_assert_cmpstr (value_text, ==, "90%");

  augur_batch_row_set_threshold (row, 0.95);
  g_assert_null (augur_batch_row_get_top_name (row));
  g_assert_cmpfloat (augur_batch_row_get_top_value (row), ==, -1);
  empty_text = augur_batch_row_dup_value_text (row);
  g_assert_cmpstr (empty_text, ==, "");
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_row_notify (void)
{
  g_autoptr(AugurBatchRow) row = make_row (0, "/tmp/photo.jpg", NULL);
  g_autoptr(AugurPrediction) prediction = concept_prediction ("dog", 0.9, NULL);
  guint n_state = 0, n_top = 0;
  AugurBatchRowState state;

  g_signal_connect (row, "notify::state", G_CALLBACK (count_notify_cb), &n_state);
  g_signal_connect (row, "notify::top-name", G_CALLBACK (count_notify_cb), &n_top);
  g_assert_cmpint (augur_batch_row_get_state (row), ==, AUGUR_BATCH_ROW_PENDING);

  augur_batch_row_set_prediction (row, prediction);
  g_assert_cmpuint (n_state, ==, 1);
  g_assert_cmpuint (n_top, ==, 1);
  g_object_get (row, "state", &state, NULL);
  g_assert_cmpint (state, ==, AUGUR_BATCH_ROW_DONE);

  augur_batch_row_set_prediction (row, prediction);
  g_assert_cmpuint (n_state, ==, 1);

  augur_batch_row_set_threshold (row, 0.5);
  g_assert_cmpuint (n_top, ==, 1);
  augur_batch_row_set_threshold (row, 0.95);
  g_assert_cmpuint (n_top, ==, 2);

  augur_batch_row_set_cached (row, TRUE);
  g_assert_cmpuint (n_state, ==, 2);
  g_assert_cmpint (augur_batch_row_get_state (row), ==, AUGUR_BATCH_ROW_CACHED);
}

static void
test_summary (void)
{
  g_autoptr(AugurPrediction) text = augur_prediction_new ();
  g_autoptr(AugurPrediction) one_box = detector_prediction (1);
  g_autoptr(AugurPrediction) boxes = detector_prediction (3);
  g_autoptr(AugurPrediction) concepts = concept_prediction ("dog", 0.9, NULL);
  g_autoptr(AugurBatchRow) failed = make_row (0, "/tmp/x.jpg", failed_prediction ("nope"));
  g_autofree char *text_summary = NULL;
  g_autofree char *one_summary = NULL;
  g_autofree char *boxes_summary = NULL;
  g_autofree char *failed_summary = NULL;
  g_autofree char *concepts_summary = NULL;

  augur_prediction_set_text (text, "\n  A cat sits on a mat.  \nIt is asleep.");
  text_summary = augur_batch_view_state_summary (text);
  g_assert_cmpstr (text_summary, ==, "A cat sits on a mat.");
  one_summary = augur_batch_view_state_summary (one_box);
  g_assert_cmpstr (one_summary, ==, "1 box");
  boxes_summary = augur_batch_view_state_summary (boxes);
  g_assert_cmpstr (boxes_summary, ==, "3 boxes");
  concepts_summary = augur_batch_view_state_summary (concepts);
  g_assert_null (concepts_summary);
  failed_summary = augur_batch_row_dup_summary (failed);
  g_assert_cmpstr (failed_summary, ==, "");
}

static void
test_status_text (void)
{
  g_autoptr(GPtrArray) rows = sample_rows ();
  const char *expected[] = { "Done", "Waiting", "Failed: Model is offline", "Done", "Done" };
  g_autoptr(AugurBatchRow) cached = make_row (9, "/tmp/c.jpg", concept_prediction ("a", 0.5, NULL));
  g_autofree char *cached_text = NULL;
  g_autofree char *bare_failure = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *status = augur_batch_row_dup_status_text (g_ptr_array_index (rows, i));

      g_assert_cmpstr (status, ==, expected[i]);
    }

  augur_prediction_set_cached (augur_batch_row_get_prediction (cached), TRUE);
  g_assert_true (augur_batch_row_get_cached (cached));
  cached_text = augur_batch_row_dup_status_text (cached);
  g_assert_cmpstr (cached_text, ==, "Done (cached)");
  bare_failure = augur_batch_view_state_status_text (AUGUR_BATCH_ROW_FAILED, NULL);
  g_assert_cmpstr (bare_failure, ==, "Failed");
}

static void
test_sort_value (void)
{
  g_autoptr(GPtrArray) rows = sample_rows ();
  g_autofree char *down = sorted_labels (rows, AUGUR_BATCH_COLUMN_VALUE, 0, TRUE);
  g_autofree char *up = sorted_labels (rows, AUGUR_BATCH_COLUMN_VALUE, 0, FALSE);
  g_autofree char *high = sorted_labels (rows, AUGUR_BATCH_COLUMN_VALUE, 0.65, TRUE);

  /* Descending: highest first; pending and failed rows have no value and come last. */
  g_assert_cmpstr (down, ==, "b-dog.jpg|e-cars.jpg|c-bird.jpg|d-failed.jpg|a-pending.jpg");
  g_assert_cmpstr (up, ==, "a-pending.jpg|d-failed.jpg|c-bird.jpg|e-cars.jpg|b-dog.jpg");
  /* At 0.65 the bird (0.6) has no top concept any more and joins the rows without value. */
  g_assert_cmpstr (high, ==, "b-dog.jpg|e-cars.jpg|c-bird.jpg|d-failed.jpg|a-pending.jpg");
}

static void
test_sort_threshold_top (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *values_low = NULL;
  g_autofree char *values_high = NULL;

  g_ptr_array_add (rows, make_row (0, "/tmp/one.jpg", concept_prediction ("zebra", 0.9, "ant", 0.3, NULL)));
  g_ptr_array_add (rows, make_row (1, "/tmp/two.jpg", concept_prediction ("moose", 0.5, NULL)));

  low = sorted_labels (rows, AUGUR_BATCH_COLUMN_TOP, 0, FALSE);
  g_assert_cmpstr (low, ==, "two.jpg|one.jpg");
  values_low = sorted_labels (rows, AUGUR_BATCH_COLUMN_VALUE, 0, TRUE);
  g_assert_cmpstr (values_low, ==, "one.jpg|two.jpg");

  /* Above 0.9 neither has a top concept: ties keep the input order. */
  high = sorted_labels (rows, AUGUR_BATCH_COLUMN_TOP, 0.95, FALSE);
  g_assert_cmpstr (high, ==, "one.jpg|two.jpg");
  values_high = sorted_labels (rows, AUGUR_BATCH_COLUMN_VALUE, 0.6, TRUE);
  g_assert_cmpstr (values_high, ==, "one.jpg|two.jpg");
}

static void
test_sort_name_status_summary (void)
{
  g_autoptr(GPtrArray) rows = sample_rows ();
  g_autofree char *names = sorted_labels (rows, AUGUR_BATCH_COLUMN_NAME, 0, FALSE);
  g_autofree char *status = sorted_labels (rows, AUGUR_BATCH_COLUMN_STATUS, 0, FALSE);
  g_autofree char *summary = sorted_labels (rows, AUGUR_BATCH_COLUMN_SUMMARY, 0, TRUE);
  g_autofree char *input_order = sorted_labels (rows, AUGUR_BATCH_COLUMN_INDEX, 0, FALSE);

  g_assert_cmpstr (names, ==, "a-pending.jpg|b-dog.jpg|c-bird.jpg|d-failed.jpg|e-cars.jpg");
  g_assert_cmpstr (status, ==, "a-pending.jpg|b-dog.jpg|c-bird.jpg|e-cars.jpg|d-failed.jpg");
  g_assert_cmpstr (summary, ==, "e-cars.jpg|c-bird.jpg|d-failed.jpg|a-pending.jpg|b-dog.jpg");
  g_assert_cmpstr (input_order, ==, "b-dog.jpg|a-pending.jpg|d-failed.jpg|c-bird.jpg|e-cars.jpg");
}

static char *
filtered_labels (GPtrArray              *rows,
                 const AugurBatchFilter *filter)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    if (augur_batch_view_state_filter (g_ptr_array_index (rows, i), filter))
      g_string_append_printf (labels, "%s%s", labels->len > 0 ? "|" : "",
                              augur_batch_row_get_label (g_ptr_array_index (rows, i)));

  return g_string_free (g_steal_pointer (&labels), FALSE);
}

static void
test_filter_text (void)
{
  g_autoptr(GPtrArray) rows = sample_rows ();
  AugurBatchFilter filter = { NULL, AUGUR_BATCH_STATUS_ALL, 0, 1, 0 };
  g_autofree char *all = filtered_labels (rows, &filter);
  g_autofree char *dog = NULL;
  g_autofree char *cat_id = NULL;
  g_autofree char *car = NULL;
  g_autofree char *none = NULL;

  g_assert_cmpstr (all, ==, "b-dog.jpg|a-pending.jpg|d-failed.jpg|c-bird.jpg|e-cars.jpg");
  filter.text = "DO";
  dog = filtered_labels (rows, &filter);
  g_assert_cmpstr (dog, ==, "b-dog.jpg");
  /* Any concept matches, not just the top one, and ids count too. */
  filter.text = "id-cat";
  cat_id = filtered_labels (rows, &filter);
  g_assert_cmpstr (cat_id, ==, "b-dog.jpg");
  filter.text = "car";
  car = filtered_labels (rows, &filter);
  g_assert_cmpstr (car, ==, "e-cars.jpg");
  filter.text = "giraffe";
  none = filtered_labels (rows, &filter);
  g_assert_cmpstr (none, ==, "");
}

static void
test_filter_status (void)
{
  g_autoptr(GPtrArray) rows = sample_rows ();
  AugurBatchFilter filter = { NULL, AUGUR_BATCH_STATUS_FAILED, 0, 1, 0 };
  g_autofree char *failed = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *succeeded = NULL;
  g_autofree char *cached = NULL;

  augur_batch_row_set_cached (g_ptr_array_index (rows, 3), TRUE);
  failed = filtered_labels (rows, &filter);
  g_assert_cmpstr (failed, ==, "d-failed.jpg");
  filter.status = AUGUR_BATCH_STATUS_PENDING;
  pending = filtered_labels (rows, &filter);
  g_assert_cmpstr (pending, ==, "a-pending.jpg");
  filter.status = AUGUR_BATCH_STATUS_SUCCEEDED;
  succeeded = filtered_labels (rows, &filter);
  g_assert_cmpstr (succeeded, ==, "b-dog.jpg|c-bird.jpg|e-cars.jpg");
  filter.status = AUGUR_BATCH_STATUS_CACHED;
  cached = filtered_labels (rows, &filter);
  g_assert_cmpstr (cached, ==, "c-bird.jpg");
}

static void
test_filter_value_threshold (void)
{
  g_autoptr(GPtrArray) rows = sample_rows ();
  AugurBatchFilter filter = { NULL, AUGUR_BATCH_STATUS_ALL, 0.5, 1, 0 };
  g_autofree char *half = NULL;
  g_autofree char *half_high_threshold = NULL;
  g_autofree char *middle = NULL;

  g_assert_false (augur_batch_view_state_value_filter_active (&(AugurBatchFilter) { NULL, 0, 0, 1, 0.5 }));
  g_assert_true (augur_batch_view_state_value_filter_active (&filter));

  half = filtered_labels (rows, &filter);
  g_assert_cmpstr (half, ==, "b-dog.jpg|c-bird.jpg|e-cars.jpg");
  filter.threshold = 0.65;
  half_high_threshold = filtered_labels (rows, &filter);
  g_assert_cmpstr (half_high_threshold, ==, "b-dog.jpg|e-cars.jpg");
  filter.threshold = 0;
  filter.min_value = 0.55;
  filter.max_value = 0.8;
  middle = filtered_labels (rows, &filter);
  g_assert_cmpstr (middle, ==, "c-bird.jpg|e-cars.jpg");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ui/batch-view-state/top-concept-threshold", test_top_concept_threshold);
  g_test_add_func ("/ui/batch-view-state/row-threshold", test_row_threshold);
  g_test_add_func ("/ui/batch-view-state/row-notify", test_row_notify);
  g_test_add_func ("/ui/batch-view-state/summary", test_summary);
  g_test_add_func ("/ui/batch-view-state/status-text", test_status_text);
  g_test_add_func ("/ui/batch-view-state/sort-value", test_sort_value);
  g_test_add_func ("/ui/batch-view-state/sort-threshold-top", test_sort_threshold_top);
  g_test_add_func ("/ui/batch-view-state/sort-name-status-summary", test_sort_name_status_summary);
  g_test_add_func ("/ui/batch-view-state/filter-text", test_filter_text);
  g_test_add_func ("/ui/batch-view-state/filter-status", test_filter_status);
  g_test_add_func ("/ui/batch-view-state/filter-value-threshold", test_filter_value_threshold);

  return g_test_run ();
}
