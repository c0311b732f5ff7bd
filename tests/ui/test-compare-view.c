/* test-compare-view.c: the compare cards of a few inputs, their mirror bars and the summary
 * strip, checked through what the user sees and what a screen reader reads. Predictions are
 * built here, so every number asserted follows from the values below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "augur-compare-boxes.h"
#include "augur-compare-card.h"
#include "augur-compare-strip.h"
#include "augur-compare-text.h"
#include "augur-compare-view.h"
#include "augur-mirror-bars.h"
#include "augur-resources.h"
#include "compare-test-data.h"

/* Predictions ------------------------------------------------------------------------ */

/* A concept model's answer: name/value pairs ranked as given, ending with NULL. The concept
 * id is its name. */
static AugurPrediction *
concepts_prediction (const char *version,
                     double      duration_ms,
                     const char *first_name,
                     ...)
{
  AugurPrediction *prediction =
    compare_test_prediction_new ("general", version, "visual-classifier", duration_ms);
  va_list args;

  va_start (args, first_name);
  compare_test_add_concepts_valist (prediction, first_name, args);
  va_end (args);
  return prediction;
}

static AugurPrediction *
failed_prediction (const char *version,
                   const char *message)
{
  AugurPrediction *prediction = compare_test_failed_prediction (message, -1);

  augur_prediction_set_model (prediction, "general", version, "visual-classifier");
  return prediction;
}

static AugurPrediction *
region_prediction (const char *version,
                   double      duration_ms,
                   double      left,
                   const char *name,
                   double      value)
{
  AugurPrediction *prediction =
    compare_test_prediction_new ("detector", version, "visual-detector", duration_ms);

  compare_test_add_box (prediction, name, 0.1, left, 0.5, left + 0.4, value);
  return prediction;
}

static AugurPrediction *
text_prediction (const char *version,
                 double      duration_ms,
                 const char *text)
{
  AugurPrediction *prediction = compare_test_text_prediction (text, duration_ms);

  augur_prediction_set_model (prediction, "writer", version, "text-to-text");
  return prediction;
}

/* Takes the predictions (NULL for pending); each gets @input. */
static AugurComparison *
compare (guint            index,
         AugurInput      *input,
         guint            n_columns,
         AugurPrediction *a,
         AugurPrediction *b,
         AugurPrediction *c)
{
  return compare_test_comparison_take (index, input, n_columns, a, b, c);
}

static GPtrArray *
make_columns (guint n_columns)
{
  return compare_test_columns_new ("me/app/general", n_columns, TRUE);
}

/* The two-column input most tests use: both put "cat" first. */
static AugurComparison *
cat_comparison (AugurInput *input)
{
  return compare (0, input, 2,
                  concepts_prediction ("v1", 420, "cat", 0.91, "dog", 0.40, "car", 0.10, NULL),
                  concepts_prediction ("v2", 310, "cat", 0.85, "bird", 0.60, "car", 0.20, NULL),
                  NULL);
}

/* Widgets ---------------------------------------------------------------------------- */

static GtkWidget *
find_icon (GtkWidget  *widget,
           const char *icon_name)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new ();

  compare_test_collect (widget, GTK_TYPE_IMAGE, images);
  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (gtk_image_get_icon_name (g_ptr_array_index (images, i)), icon_name) == 0)
      return g_ptr_array_index (images, i);
  return NULL;
}

static void
assert_rows (GStrv               rows,
             const char * const *expected)
{
  g_autofree char *got = g_strjoinv ("\n", rows);
  g_autofree char *want = g_strjoinv ("\n", (char **) expected);

  g_assert_cmpstr (got, ==, want);
}

static void
assert_card_rows (AugurCompareCard   *card,
                  const char * const *expected)
{
  g_auto(GStrv) rows = augur_compare_card_dup_rows (card);

  assert_rows (rows, expected);
}

static void
assert_label_with_class (GtkWidget  *widget,
                         const char *text,
                         const char *css_class)
{
  GtkWidget *label = compare_test_find_label (widget, text);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, css_class));
}

static AugurCompareCard *
new_card (GPtrArray       *columns,
          AugurComparison *comparison,
          gboolean         mirror)
{
  return g_object_ref_sink (AUGUR_COMPARE_CARD (augur_compare_card_new (columns, comparison,
                                                                        mirror)));
}

/* Cards ------------------------------------------------------------------------------ */

static void
test_aligned_rows (void)
{
  g_autoptr(GPtrArray) columns = make_columns (2);
  g_autoptr(AugurInput) input = augur_input_new_text ("a photo of a cat");
  g_autoptr(AugurComparison) comparison = cat_comparison (input);
  AugurCompareCard *card = new_card (columns, comparison, FALSE);
  const char * const expected[] = {
    "cat: A 91 percent, B 85 percent, 6 points lower in B, top-1 in A, top-1 in B",
    "bird: not in A, B 60 percent, only in B",
    "dog: A 40 percent, not in B, only in A",
    "car: A 10 percent, B 20 percent, 10 points higher in B",
    NULL,
  };

  assert_card_rows (card, expected);
  g_assert_cmpstr (augur_compare_card_get_title (card), ==, "a photo of a cat");
  g_assert_cmpstr (augur_compare_card_get_verdict_text (card), ==, "Top-1 agrees: cat");
  g_assert_null (augur_compare_card_get_column_error (card, 0));
  g_assert_null (augur_compare_card_get_column_error (card, 1));
  g_assert_false (augur_compare_card_get_mirror (card));

  /* What the cells show: percentages, signed deltas in colour, marks */
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (card), "91%"));
  assert_label_with_class (GTK_WIDGET (card), "−6", "compare-delta-down");
  assert_label_with_class (GTK_WIDGET (card), "+10", "compare-delta-up");
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (card), "only in B"));
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (card), "only in A"));
  g_assert_nonnull (find_icon (GTK_WIDGET (card), "starred-symbolic"));
  /* Column headers: names in their colour, times */
  assert_label_with_class (GTK_WIDGET (card), "A", "compare-column-0");
  assert_label_with_class (GTK_WIDGET (card), "B", "compare-column-1");
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (card), "0.42 s"));
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (card), "0.31 s"));
  g_assert_false (gtk_widget_has_css_class (compare_test_find_label (GTK_WIDGET (card),
                                                                     "Top-1 agrees: cat"),
                                            "compare-disagree"));

  g_assert_finalize_object (card);
}

static void
test_three_columns_disagree (void)
{
  g_autoptr(GPtrArray) columns = make_columns (3);
  g_autoptr(AugurComparison) comparison =
    compare (0, NULL, 3,
             concepts_prediction ("v1", 500, "cat", 0.90, "dog", 0.50, NULL),
             concepts_prediction ("v2", 400, "dog", 0.80, "cat", 0.70, NULL),
             concepts_prediction ("v3", 300, "cat", 0.95, NULL));
  AugurCompareCard *card = new_card (columns, comparison, TRUE);
  const char * const expected[] = {
    "cat: A 90 percent, B 70 percent, C 95 percent, 20 points lower in B, "
    "5 points higher in C, top-1 in A, top-1 in C",
    "dog: A 50 percent, B 80 percent, not in C, 30 points higher in B, top-1 in B",
    NULL,
  };

  /* Mirror bars are for two columns only */
  g_assert_false (augur_compare_card_get_mirror (card));
  assert_card_rows (card, expected);
  g_assert_cmpstr (augur_compare_card_get_verdict_text (card), ==,
                   "Top-1 differs: A cat · B dog · C cat");
  assert_label_with_class (GTK_WIDGET (card), "Top-1 differs: A cat · B dog · C cat",
                           "compare-disagree");
  assert_label_with_class (GTK_WIDGET (card), "C", "compare-column-2");
  /* Without an input, the card names it by position */
  g_assert_cmpstr (augur_compare_card_get_title (card), ==, "Input 1");

  g_assert_finalize_object (card);
}

static void
test_pending_column (void)
{
  g_autoptr(GPtrArray) columns = make_columns (2);
  g_autoptr(AugurComparison) waiting =
    compare (0, NULL, 2, concepts_prediction ("v1", 420, "cat", 0.91, NULL), NULL, NULL);
  g_autoptr(AugurComparison) answered = cat_comparison (NULL);
  AugurCompareCard *card = new_card (columns, waiting, FALSE);
  const char * const expected[] = { "cat: A 91 percent, B waiting, top-1 in A", NULL };

  assert_card_rows (card, expected);
  g_assert_cmpstr (augur_compare_card_get_verdict_text (card), ==, "Waiting for B…");
  g_assert_nonnull (compare_test_find (GTK_WIDGET (card), GTK_TYPE_SPINNER));

  /* The answer replaces the comparison in place: the spinner goes */
  augur_compare_card_set_comparison (card, answered);
  g_assert_true (augur_compare_card_get_comparison (card) == answered);
  g_assert_null (compare_test_find (GTK_WIDGET (card), GTK_TYPE_SPINNER));
  g_assert_cmpstr (augur_compare_card_get_verdict_text (card), ==, "Top-1 agrees: cat");

  g_assert_finalize_object (card);
}

static void
test_failed_column (void)
{
  g_autoptr(GPtrArray) columns = make_columns (2);
  g_autoptr(AugurComparison) comparison =
    compare (0, NULL, 2,
             concepts_prediction ("v1", 420, "cat", 0.91, "dog", 0.40, NULL),
             failed_prediction ("v2", "Model version v2 does not exist"),
             NULL);
  AugurCompareCard *card = new_card (columns, comparison, FALSE);
  const char * const expected[] = {
    "cat: A 91 percent, B failed, top-1 in A",
    "dog: A 40 percent, B failed",
    NULL,
  };

  g_assert_cmpstr (augur_compare_card_get_column_error (card, 1), ==,
                   "Model version v2 does not exist");
  g_assert_null (augur_compare_card_get_column_error (card, 0));
  assert_label_with_class (GTK_WIDGET (card), "Model version v2 does not exist", "error");
  g_assert_nonnull (find_icon (GTK_WIDGET (card), "dialog-error-symbolic"));
  /* The column that answered keeps its rows and time */
  assert_card_rows (card, expected);
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (card), "0.42 s"));
  g_assert_cmpstr (augur_compare_card_get_verdict_text (card), ==, "Only A answered");

  g_assert_finalize_object (card);
}

static void
test_filter (void)
{
  g_autoptr(GPtrArray) columns = make_columns (2);
  g_autoptr(AugurComparison) comparison = cat_comparison (NULL);
  AugurCompareCard *card = new_card (columns, comparison, FALSE);
  const char * const first_two[] = {
    "cat: A 91 percent, B 85 percent, 6 points lower in B, top-1 in A, top-1 in B",
    "bird: not in A, B 60 percent, only in B",
    NULL,
  };
  const char * const none[] = { NULL };
  g_auto(GStrv) all = augur_compare_card_dup_rows (card);

  g_assert_cmpuint (g_strv_length (all), ==, 4);

  augur_compare_card_set_filter (card, 2, -1);
  assert_card_rows (card, first_two);

  /* "dog" (0.40) and "car" (best 0.20) are below the threshold in every column */
  augur_compare_card_set_filter (card, 0, 0.5);
  assert_card_rows (card, first_two);

  augur_compare_card_set_filter (card, 0, 0.99);
  assert_card_rows (card, none);
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (card), "No concepts above 99%"));

  augur_compare_card_set_filter (card, 0, -1);
  g_clear_pointer (&all, g_strfreev);
  all = augur_compare_card_dup_rows (card);
  g_assert_cmpuint (g_strv_length (all), ==, 4);

  g_assert_finalize_object (card);
}

/* Mirror bars ------------------------------------------------------------------------ */

static void
test_mirror_bars (void)
{
  g_autoptr(GPtrArray) columns = make_columns (2);
  g_autoptr(AugurComparison) comparison = cat_comparison (NULL);
  AugurMirrorBars *bars = g_object_ref_sink (AUGUR_MIRROR_BARS (augur_mirror_bars_new ()));
  GtkWidget *bar;
  g_auto(GStrv) rows = NULL;
  const char * const expected[] = {
    "cat: A 91 percent, B 85 percent, 6 points lower in B, top-1 in A, top-1 in B",
    "bird: not in A, B 60 percent, only in B",
    NULL,
  };

  augur_mirror_bars_set_comparison (bars, columns, comparison);
  augur_mirror_bars_set_filter (bars, 2, -1);
  rows = augur_mirror_bars_dup_rows (bars);
  assert_rows (rows, expected);

  /* A's bar grows left from the names, B's right; the delta is on the right */
  bar = compare_test_find (GTK_WIDGET (bars), GTK_TYPE_LEVEL_BAR);
  g_assert_nonnull (bar);
  g_assert_true (gtk_level_bar_get_inverted (GTK_LEVEL_BAR (bar)));
  g_assert_true (gtk_widget_has_css_class (bar, "compare-column-0"));
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (bar)), 0.91, 1e-9);
  assert_label_with_class (GTK_WIDGET (bars), "−6", "compare-delta-down");

  g_assert_finalize_object (bars);
}

static void
test_view_mirror_single_input (void)
{
  g_autoptr(GPtrArray) columns = make_columns (2);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurComparison) comparison = NULL;
  AugurCompareView *view = g_object_ref_sink (AUGUR_COMPARE_VIEW (augur_compare_view_new ()));
  AugurCompareCard *card;
  GtkWidget *bars;
  g_auto(GStrv) rows = NULL;
  const char * const expected[] = {
    "cat: A 91 percent, B 85 percent, 6 points lower in B, top-1 in A, top-1 in B",
    "bird: not in A, B 60 percent, only in B",
    "dog: A 40 percent, not in B, only in A",
    "car: A 10 percent, B 20 percent, 10 points higher in B",
    NULL,
  };

  g_ptr_array_add (inputs, augur_input_new_text ("the only input"));
  augur_compare_view_reset (view, columns, inputs);
  card = augur_compare_view_get_card (view, 0);
  g_assert_cmpstr (augur_compare_card_get_title (card), ==, "the only input");
  g_assert_cmpstr (augur_compare_card_get_verdict_text (card), ==, "Waiting for A, B…");

  comparison = cat_comparison (g_ptr_array_index (inputs, 0));
  augur_compare_view_update (view, comparison);
  g_assert_true (augur_compare_card_get_mirror (card));
  bars = compare_test_find (GTK_WIDGET (card), AUGUR_TYPE_MIRROR_BARS);
  g_assert_nonnull (bars);
  rows = augur_mirror_bars_dup_rows (AUGUR_MIRROR_BARS (bars));
  assert_rows (rows, expected);
  g_clear_pointer (&rows, g_strfreev);
  rows = augur_compare_card_dup_rows (card);
  assert_rows (rows, expected);

  /* The filter reaches the mirror bars */
  augur_compare_view_set_filter (view, 1, -1);
  g_clear_pointer (&rows, g_strfreev);
  rows = augur_mirror_bars_dup_rows (AUGUR_MIRROR_BARS (bars));
  g_assert_cmpuint (g_strv_length (rows), ==, 1);

  g_assert_finalize_object (view);
}

/* Strip ------------------------------------------------------------------------------ */

/* Three inputs through A and B:
 *   0: A cat .9 dog .3 (420 ms)  B cat .8 dog .4 (300 ms)   agree; |Δ| .1 and .1
 *   1: A cat .6 (440 ms)         B dog .7 cat .5 (310 ms)   disagree; |Δ| .1; B gains dog
 *   2: A cat .9 car .2 (400 ms)  B cat .96 (320 ms)         agree; |Δ| .06; B loses car
 * Agreement 2 of 3; mean |Δ| .36 / 4 = 9.0 points; medians A 420 ms, B 310 ms. */
static AugurComparison *
strip_comparison (guint index)
{
  switch (index)
    {
    case 0:
      return compare (0, NULL, 2,
                      concepts_prediction ("v1", 420, "cat", 0.9, "dog", 0.3, NULL),
                      concepts_prediction ("v2", 300, "cat", 0.8, "dog", 0.4, NULL), NULL);
    case 1:
      return compare (1, NULL, 2,
                      concepts_prediction ("v1", 440, "cat", 0.6, NULL),
                      concepts_prediction ("v2", 310, "dog", 0.7, "cat", 0.5, NULL), NULL);
    default:
      return compare (2, NULL, 2,
                      concepts_prediction ("v1", 400, "cat", 0.9, "car", 0.2, NULL),
                      concepts_prediction ("v2", 320, "cat", 0.96, NULL), NULL);
    }
}

static void
test_strip_numbers (void)
{
  g_autoptr(GPtrArray) columns = make_columns (2);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  AugurCompareView *view = g_object_ref_sink (AUGUR_COMPARE_VIEW (augur_compare_view_new ()));
  AugurCompareStrip *strip = augur_compare_view_get_strip (view);
  g_autofree char *text = NULL;
  GtkWidget *gained;

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (inputs, augur_input_new_text ("input"));
  augur_compare_view_reset (view, columns, inputs);
  g_assert_cmpuint (augur_compare_view_get_n_cards (view), ==, 3);
  text = augur_compare_strip_dup_text (strip);
  g_assert_cmpstr (text, ==, "Waiting for results…");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (strip)));

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AugurComparison) comparison = strip_comparison (i);

      augur_compare_view_update (view, comparison);
      if (i == 0)
        {
          g_clear_pointer (&text, g_free);
          text = augur_compare_strip_dup_text (strip);
          g_assert_cmpstr (text, ==,
                           "Top-1 agreement 100% (1 of 1)\n"
                           "Mean difference 10.0 points over 2 shared concepts\n"
                           "B: nothing gained, nothing lost\n"
                           "Median time A 0.42 s · B 0.30 s (fastest)");
        }
    }

  g_clear_pointer (&text, g_free);
  text = augur_compare_strip_dup_text (strip);
  g_assert_cmpstr (text, ==,
                   "Top-1 agreement 67% (2 of 3)\n"
                   "Mean difference 9.0 points over 4 shared concepts\n"
                   "B: gained dog in 1 input, lost car in 1 input\n"
                   "Median time A 0.42 s · B 0.31 s (fastest)");
  gained = compare_test_find_label (GTK_WIDGET (strip),
                                    "B: gained dog in 1 input, lost car in 1 input");
  g_assert_nonnull (gained);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gained), ==, "Gained: dog (1)\nLost: car (1)");
  g_assert_true (gtk_widget_has_css_class (gained, "compare-column-1"));
  g_assert_cmpstr (augur_compare_card_get_verdict_text (augur_compare_view_get_card (view, 1)),
                   ==, "Top-1 differs: A cat · B dog");

  /* No summary hides the strip */
  augur_compare_strip_set (strip, columns, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (strip)));
  g_clear_pointer (&text, g_free);
  text = augur_compare_strip_dup_text (strip);
  g_assert_cmpstr (text, ==, "");

  g_assert_finalize_object (view);
}

/* View ------------------------------------------------------------------------------- */

static void
test_visible_indices (void)
{
  g_autoptr(GPtrArray) columns = make_columns (2);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  AugurCompareView *view = g_object_ref_sink (AUGUR_COMPARE_VIEW (augur_compare_view_new ()));
  guint one = 1;

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (inputs, augur_input_new_text ("input"));
  augur_compare_view_reset (view, columns, inputs);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AugurComparison) comparison = strip_comparison (i);

      augur_compare_view_update (view, comparison);
    }
  /* Three inputs: grids, not mirror bars */
  g_assert_false (augur_compare_card_get_mirror (augur_compare_view_get_card (view, 1)));

  g_array_append_val (indices, one);
  augur_compare_view_set_visible_indices (view, indices);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (augur_compare_view_get_card (view, 0))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (augur_compare_view_get_card (view, 1))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (augur_compare_view_get_card (view, 2))));
  /* One input shown through two columns: mirror bars */
  g_assert_true (augur_compare_card_get_mirror (augur_compare_view_get_card (view, 1)));

  augur_compare_view_set_visible_indices (view, NULL);
  for (guint i = 0; i < 3; i++)
    {
      AugurCompareCard *card = augur_compare_view_get_card (view, i);

      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card)));
      g_assert_false (augur_compare_card_get_mirror (card));
    }

  /* A reset starts over with pending cards */
  g_ptr_array_set_size (inputs, 2);
  augur_compare_view_reset (view, columns, inputs);
  g_assert_cmpuint (augur_compare_view_get_n_cards (view), ==, 2);
  g_assert_cmpstr (augur_compare_card_get_verdict_text (augur_compare_view_get_card (view, 0)),
                   ==, "Waiting for A, B…");

  g_assert_finalize_object (view);
}

/* Detectors and text ----------------------------------------------------------------- */

static AugurInput *
png_input (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 320, 240);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (buffer, size);
  return augur_input_new_bytes (bytes, "pasted.png");
}

static gboolean
card_has_image (gpointer card)
{
  return !augur_compare_card_needs_image (card);
}

static void
test_detector_card (void)
{
  g_autoptr(GPtrArray) columns = make_columns (2);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurComparison) comparison = NULL;
  AugurCompareView *view = g_object_ref_sink (AUGUR_COMPARE_VIEW (augur_compare_view_new ()));
  AugurCompareCard *card;
  GtkWidget *boxes;

  g_ptr_array_add (inputs, png_input ());
  augur_compare_view_reset (view, columns, inputs);
  card = augur_compare_view_get_card (view, 0);
  g_assert_cmpstr (augur_compare_card_get_title (card), ==, "pasted.png");
  g_assert_null (compare_test_find (GTK_WIDGET (card), AUGUR_TYPE_COMPARE_BOXES));

  comparison = compare (0, g_ptr_array_index (inputs, 0), 2,
                        region_prediction ("v1", 420, 0.1, "cat", 0.9),
                        region_prediction ("v2", 310, 0.12, "dog", 0.8),
                        NULL);
  augur_compare_view_update (view, comparison);
  boxes = compare_test_find (GTK_WIDGET (card), AUGUR_TYPE_COMPARE_BOXES);
  g_assert_nonnull (boxes);
  g_assert_cmpstr (augur_compare_card_get_verdict_text (card), ==,
                   "Top-1 differs: A cat · B dog");
  /* Not a mirror: boxes show detections */
  g_assert_null (compare_test_find (GTK_WIDGET (card), AUGUR_TYPE_MIRROR_BARS));

  /* The input's image loads off the main thread and goes under the boxes */
  compare_test_spin_until (card_has_image, card);
  g_assert_cmpuint (augur_compare_boxes_get_n_drawn (AUGUR_COMPARE_BOXES (boxes)), ==, 2);

  g_assert_finalize_object (view);
}

static void
test_text_card (void)
{
  g_autoptr(GPtrArray) columns = make_columns (2);
  g_autoptr(AugurComparison) comparison =
    compare (0, NULL, 2,
             text_prediction ("v1", 1200, "The cat sat on the mat."),
             text_prediction ("v2", 900, "The dog sat on the mat."),
             NULL);
  AugurCompareCard *card = new_card (columns, comparison, TRUE);
  GtkWidget *text = compare_test_find (GTK_WIDGET (card), AUGUR_TYPE_COMPARE_TEXT);
  g_auto(GStrv) rows = augur_compare_card_dup_rows (card);

  g_assert_nonnull (text);
  g_assert_cmpuint (g_strv_length (rows), ==, 0);
  g_assert_false (augur_compare_card_get_mirror (card));
  g_assert_cmpstr (augur_compare_card_get_verdict_text (card), ==, "Texts differ");
  g_assert_nonnull (compare_test_find_label (GTK_WIDGET (card), "1.20 s"));

  g_assert_finalize_object (card);
}

/* Rendering -------------------------------------------------------------------------- */

/* The x of @widget in @card's coordinates. */
static double
x_in (GtkWidget *widget,
      GtkWidget *card)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, card, &bounds));
  return bounds.origin.x;
}

static void
test_render (void)
{
  g_autoptr(GPtrArray) columns = make_columns (3);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurComparison) first = NULL;
  g_autoptr(AugurComparison) second = NULL;
  AugurCompareView *view = AUGUR_COMPARE_VIEW (augur_compare_view_new ());
  GtkWindow *window;
  GtkWidget *card, *row, *cell_a, *cell_b;

  g_ptr_array_add (inputs, augur_input_new_text ("a photo of a cat on a mat"));
  g_ptr_array_add (inputs, augur_input_new_text ("a dog in the park"));
  augur_compare_view_reset (view, columns, inputs);
  first = compare (0, g_ptr_array_index (inputs, 0), 3,
                   concepts_prediction ("v1", 420, "cat", 0.91, "dog", 0.40, "car", 0.10, NULL),
                   concepts_prediction ("v2", 310, "cat", 0.85, "bird", 0.60, "car", 0.20, NULL),
                   failed_prediction ("v3", "Model version v3 does not exist"));
  second = compare (1, g_ptr_array_index (inputs, 1), 3,
                    concepts_prediction ("v1", 400, "dog", 0.70, "cat", 0.20, NULL),
                    concepts_prediction ("v2", 350, "wolf", 0.75, "dog", 0.65, NULL),
                    NULL);
  augur_compare_view_update (view, first);
  augur_compare_view_update (view, second);

  compare_test_load_style ();
  window = compare_test_present (GTK_WIDGET (view), 900, 700);
  compare_test_save_screenshot (GTK_WIDGET (view), "compare-view-grid");

  /* Each column's header stands over its cells: "B" starts where B's cells start */
  card = GTK_WIDGET (augur_compare_view_get_card (view, 0));
  row = gtk_list_box_row_get_child (compare_test_find (card, GTK_TYPE_LIST_BOX_ROW));
  cell_a = gtk_widget_get_next_sibling (gtk_widget_get_first_child (row));
  cell_b = gtk_widget_get_next_sibling (cell_a);
  g_assert_cmpfloat_with_epsilon (x_in (compare_test_find_label (card, "A"), card),
                                  x_in (cell_a, card), 1);
  g_assert_cmpfloat_with_epsilon (x_in (compare_test_find_label (card, "B"), card),
                                  x_in (cell_b, card), 1);
  g_assert_cmpfloat (gtk_widget_get_width (cell_a), >, 100);

  /* One input through two columns: mirror bars */
  {
    g_autoptr(GPtrArray) two = make_columns (2);
    g_autoptr(AugurComparison) single = NULL;

    g_ptr_array_set_size (inputs, 1);
    augur_compare_view_reset (view, two, inputs);
    single = cat_comparison (g_ptr_array_index (inputs, 0));
    augur_compare_view_update (view, single);
    compare_test_wait_for_paint (window);
    compare_test_save_screenshot (GTK_WIDGET (view), "compare-view-mirror");
    g_assert_true (augur_compare_card_get_mirror (augur_compare_view_get_card (view, 0)));
  }

  /* A detector: both columns' boxes over the input's image */
  {
    g_autoptr(AugurComparison) boxes = NULL;

    g_ptr_array_set_size (inputs, 0);
    g_ptr_array_add (inputs, png_input ());
    augur_compare_view_reset (view, columns, inputs);
    boxes = compare (0, g_ptr_array_index (inputs, 0), 3,
                     region_prediction ("v1", 420, 0.1, "cat", 0.9),
                     region_prediction ("v2", 310, 0.12, "dog", 0.8),
                     region_prediction ("v3", 380, 0.5, "cat", 0.7));
    augur_compare_view_update (view, boxes);
    compare_test_spin_until (card_has_image, augur_compare_view_get_card (view, 0));
    compare_test_wait_for_paint (window);
    compare_test_save_screenshot (GTK_WIDGET (view), "compare-view-boxes");
  }

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Referencing the resource links its object in; its constructor registers it. */
  g_assert_nonnull (augur_get_resource ());

  g_test_add_func ("/ui/compare-view/aligned-rows", test_aligned_rows);
  g_test_add_func ("/ui/compare-view/three-columns-disagree", test_three_columns_disagree);
  g_test_add_func ("/ui/compare-view/pending-column", test_pending_column);
  g_test_add_func ("/ui/compare-view/failed-column", test_failed_column);
  g_test_add_func ("/ui/compare-view/filter", test_filter);
  g_test_add_func ("/ui/compare-view/mirror-bars", test_mirror_bars);
  g_test_add_func ("/ui/compare-view/mirror-single-input", test_view_mirror_single_input);
  g_test_add_func ("/ui/compare-view/strip-numbers", test_strip_numbers);
  g_test_add_func ("/ui/compare-view/visible-indices", test_visible_indices);
  g_test_add_func ("/ui/compare-view/detector-card", test_detector_card);
  g_test_add_func ("/ui/compare-view/text-card", test_text_card);
  g_test_add_func ("/ui/compare-view/render", test_render);

  return g_test_run ();
}
