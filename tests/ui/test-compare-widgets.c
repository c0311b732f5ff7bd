/* test-compare-widgets.c: the compare view's detector boxes (one colour and one toggle per
 * column) and text columns (word diff, stats, errors), checked through what the user sees.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "augur-compare-boxes.h"
#include "augur-compare-text.h"
#include "augur-resources.h"
#include "compare-test-data.h"

/* Builders ----------------------------------------------------------------------------- */

static GPtrArray *
new_columns (guint n)
{
  return compare_test_columns_new ("me/app/model", n, FALSE);
}

/* Borrows the predictions: the tests reuse them. */
static AugurComparison *
compare (AugurPrediction *a,
         AugurPrediction *b,
         AugurPrediction *c)
{
  AugurPrediction *predictions[] = { a, b, c };

  return augur_comparison_new (0, predictions, c != NULL ? 3 : 2);
}

/* On a 400×200 image: A has a cat and a dog that B found too (IoU ≥ 0.5) and a bird B
 * missed; B has a fish A missed. */
static AugurPrediction *
new_detection_a (void)
{
  AugurPrediction *prediction = augur_prediction_new ();

  compare_test_add_box (prediction, "cat", 0.25, 0.10, 0.75, 0.30, 0.90);
  compare_test_add_box (prediction, "dog", 0.80, 0.40, 0.95, 0.55, 0.70);
  compare_test_add_box (prediction, "bird", 0.30, 0.60, 0.80, 0.90, 0.40);
  return prediction;
}

static AugurPrediction *
new_detection_b (void)
{
  AugurPrediction *prediction = augur_prediction_new ();

  compare_test_add_box (prediction, "cat", 0.25, 0.12, 0.75, 0.30, 0.85);
  compare_test_add_box (prediction, "dog", 0.80, 0.41, 0.95, 0.55, 0.50);
  compare_test_add_box (prediction, "fish", 0.05, 0.75, 0.25, 0.95, 0.80);
  return prediction;
}

/* Widget helpers ----------------------------------------------------------------------- */

/* Its pixels as B, G, R, A bytes (CAIRO_FORMAT_ARGB32 on little-endian). */
static guchar *
render_widget (GtkWidget *widget,
               int       *width,
               int       *height)
{
  g_autoptr(GdkTexture) texture = compare_test_render_texture (widget);
  guchar *pixels;

  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) *width * 4 * *height);
  gdk_texture_download (texture, pixels, (gsize) *width * 4);
  return pixels;
}

static guint32
pixel_at (const guchar *pixels,
          int           width,
          int           x,
          int           y)
{
  const guchar *p = pixels + ((gsize) y * width + x) * 4;

  return ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

/* Boxes -------------------------------------------------------------------------------- */

static AugurCompareBoxes *
new_boxes (AugurComparison *comparison,
           guint            n_columns)
{
  AugurCompareBoxes *boxes = AUGUR_COMPARE_BOXES (augur_compare_boxes_new ());
  g_autoptr(GPtrArray) columns = new_columns (n_columns);

  g_object_ref_sink (boxes);
  augur_compare_boxes_set_comparison (boxes, columns, comparison);
  return boxes;
}

static GtkWidget *
find_canvas (GtkWidget *boxes)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GType type = g_type_from_name ("AugurCompareBoxesCanvas");

  g_assert_true (type != G_TYPE_INVALID);
  compare_test_collect (boxes, type, all);
  g_assert_cmpuint (all->len, ==, 1);
  return g_ptr_array_index (all, 0);
}

static void
test_boxes_toggle (void)
{
  g_autoptr(AugurPrediction) a = new_detection_a ();
  g_autoptr(AugurPrediction) b = new_detection_b ();
  g_autoptr(AugurComparison) comparison = compare (a, b, NULL);
  AugurCompareBoxes *boxes = new_boxes (comparison, 2);
  GtkCheckButton *toggle_a, *toggle_b;
  g_autofree char *legend = augur_compare_boxes_dup_legend (boxes);

  g_assert_cmpuint (augur_compare_boxes_get_n_drawn (boxes), ==, 6);
  g_assert_cmpstr (legend, ==, "A: 3 boxes · B: 3 boxes (1 new, 2 matched)");
  g_assert_true (compare_test_has_accessible_label (find_canvas (GTK_WIDGET (boxes)),
                                                    "Image with 6 boxes"));

  toggle_a = compare_test_find_by_accessible_label (GTK_WIDGET (boxes), GTK_TYPE_CHECK_BUTTON,
                                                    "Show A's boxes");
  toggle_b = compare_test_find_by_accessible_label (GTK_WIDGET (boxes), GTK_TYPE_CHECK_BUTTON,
                                                    "Show B's boxes");
  g_assert_nonnull (toggle_a);
  g_assert_nonnull (toggle_b);
  g_assert_cmpstr (gtk_check_button_get_label (toggle_b), ==, "B");
  g_assert_true (gtk_check_button_get_active (toggle_a));
  g_assert_true (gtk_check_button_get_active (toggle_b));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (toggle_b), "compare-column-1"));

  /* The user unticks B: its three boxes go, A's stay. */
  gtk_check_button_set_active (toggle_b, FALSE);
  g_assert_false (augur_compare_boxes_get_column_visible (boxes, 1));
  g_assert_true (augur_compare_boxes_get_column_visible (boxes, 0));
  g_assert_cmpuint (augur_compare_boxes_get_n_drawn (boxes), ==, 3);
  g_assert_true (compare_test_has_accessible_label (find_canvas (GTK_WIDGET (boxes)),
                                                    "Image with 3 boxes"));

  /* Hiding A through the API unticks its toggle. */
  augur_compare_boxes_set_column_visible (boxes, 0, FALSE);
  g_assert_false (gtk_check_button_get_active (toggle_a));
  g_assert_cmpuint (augur_compare_boxes_get_n_drawn (boxes), ==, 0);

  /* A new comparison of the same columns (a re-run) keeps what the user hid. */
  augur_compare_boxes_set_column_visible (boxes, 0, TRUE);
  augur_compare_boxes_set_comparison (boxes, NULL, comparison);
  g_assert_false (augur_compare_boxes_get_column_visible (boxes, 1));
  g_assert_cmpuint (augur_compare_boxes_get_n_drawn (boxes), ==, 3);

  g_assert_finalize_object (boxes);
}

static void
test_boxes_min_value (void)
{
  g_autoptr(AugurPrediction) a = new_detection_a ();
  g_autoptr(AugurPrediction) b = new_detection_b ();
  g_autoptr(AugurComparison) comparison = compare (a, b, NULL);
  AugurCompareBoxes *boxes = new_boxes (comparison, 2);
  g_autofree char *legend = NULL;

  /* A's bird (0.40) and dog (0.70) and B's dog (0.50) are below 0.75. */
  augur_compare_boxes_set_min_value (boxes, 0.75);
  g_assert_cmpuint (augur_compare_boxes_get_n_drawn (boxes), ==, 3);
  legend = augur_compare_boxes_dup_legend (boxes);
  g_assert_cmpstr (legend, ==, "A: 1 box · B: 2 boxes (1 new, 1 matched)");

  augur_compare_boxes_set_min_value (boxes, 0.95);
  g_assert_cmpuint (augur_compare_boxes_get_n_drawn (boxes), ==, 0);

  augur_compare_boxes_set_min_value (boxes, -1);
  g_assert_cmpuint (augur_compare_boxes_get_n_drawn (boxes), ==, 6);

  g_assert_finalize_object (boxes);
}

static void
test_boxes_three_columns (void)
{
  g_autoptr(AugurPrediction) a = new_detection_a ();
  g_autoptr(AugurPrediction) b = compare_test_failed_prediction ("Model not found", 120);
  g_autoptr(AugurPrediction) c = new_detection_b ();
  g_autoptr(AugurComparison) comparison = compare (a, b, c);
  AugurCompareBoxes *boxes = new_boxes (comparison, 3);
  g_autofree char *legend = augur_compare_boxes_dup_legend (boxes);
  GtkCheckButton *toggle_c;

  g_assert_cmpstr (legend, ==, "A: 3 boxes · B: failed · C: 3 boxes (1 new, 2 matched)");
  g_assert_cmpuint (augur_compare_boxes_get_n_drawn (boxes), ==, 6);

  toggle_c = compare_test_find_by_accessible_label (GTK_WIDGET (boxes), GTK_TYPE_CHECK_BUTTON,
                                                    "Show C's boxes");
  g_assert_nonnull (toggle_c);
  gtk_check_button_set_active (toggle_c, FALSE);
  g_assert_cmpuint (augur_compare_boxes_get_n_drawn (boxes), ==, 3);

  /* While C is pending it draws nothing and says so. */
  {
    AugurPrediction *predictions[] = { a, NULL, NULL };
    g_autoptr(AugurComparison) waiting = augur_comparison_new (0, predictions, 3);
    g_autofree char *waiting_legend = NULL;

    augur_compare_boxes_set_comparison (boxes, NULL, waiting);
    waiting_legend = augur_compare_boxes_dup_legend (boxes);
    g_assert_cmpstr (waiting_legend, ==, "A: 3 boxes · B: waiting · C: waiting");
    g_assert_cmpuint (augur_compare_boxes_get_n_drawn (boxes), ==, 3);
  }

  g_assert_finalize_object (boxes);
}

static void
test_boxes_render (void)
{
  g_autoptr(AugurPrediction) a = new_detection_a ();
  g_autoptr(AugurPrediction) b = new_detection_b ();
  g_autoptr(AugurComparison) comparison = compare (a, b, NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 400, 200);
  g_autoptr(GdkTexture) texture = NULL;
  AugurCompareBoxes *boxes = new_boxes (comparison, 2);
  g_autofree guchar *pixels = NULL;
  GtkWindow *window;
  GtkWidget *canvas;
  int width, height;

  gdk_pixbuf_fill (pixbuf, 0xffffffff);
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  augur_compare_boxes_set_texture (boxes, texture);
  gtk_widget_set_size_request (GTK_WIDGET (boxes), 400, -1);
  gtk_widget_set_halign (GTK_WIDGET (boxes), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (boxes), GTK_ALIGN_START);
  window = compare_test_present (GTK_WIDGET (boxes), -1, -1);
  canvas = find_canvas (GTK_WIDGET (boxes));

  pixels = render_widget (canvas, &width, &height);
  g_assert_cmpint (width, ==, 400);
  g_assert_cmpint (height, ==, 200);
  g_assert_cmphex (pixel_at (pixels, width, 20, 100), ==, 0xffffff);   /* the image */
  g_assert_cmphex (pixel_at (pixels, width, 41, 100), ==, 0x3584e4);   /* A's cat, A blue */
  g_assert_cmphex (pixel_at (pixels, width, 49, 100), ==, 0xff7800);   /* B's cat, B orange */
  g_assert_cmphex (pixel_at (pixels, width, 80, 100), ==, 0xffffff);   /* inside: not filled */
  /* A's bird has no match in B: its left edge (x = 240, from y = 60) is dashed. */
  g_assert_cmphex (pixel_at (pixels, width, 241, 62), ==, 0x3584e4);
  g_assert_cmphex (pixel_at (pixels, width, 241, 68), ==, 0xffffff);
  /* A's cat is matched: solid all along. */
  g_assert_cmphex (pixel_at (pixels, width, 41, 58), ==, 0x3584e4);
  g_assert_cmphex (pixel_at (pixels, width, 41, 66), ==, 0x3584e4);
  compare_test_save_screenshot (GTK_WIDGET (boxes), "compare-boxes");

  /* Without B, its edge shows the image again and A's is untouched. */
  augur_compare_boxes_set_column_visible (boxes, 1, FALSE);
  compare_test_wait_for_paint (window);
  g_clear_pointer (&pixels, g_free);
  pixels = render_widget (canvas, &width, &height);
  g_assert_cmphex (pixel_at (pixels, width, 49, 100), ==, 0xffffff);
  g_assert_cmphex (pixel_at (pixels, width, 41, 100), ==, 0x3584e4);

  gtk_window_destroy (window);
  g_assert_finalize_object (boxes);
}

/* Text --------------------------------------------------------------------------------- */

static AugurCompareText *
new_text (AugurComparison *comparison,
          guint            n_columns)
{
  AugurCompareText *text = AUGUR_COMPARE_TEXT (augur_compare_text_new ());
  g_autoptr(GPtrArray) columns = new_columns (n_columns);

  g_object_ref_sink (text);
  augur_compare_text_set_comparison (text, columns, comparison);
  return text;
}

/* The runs of column @name's text that carry @tag_name, joined by "|". */
static char *
dup_tagged (AugurCompareText *text,
            const char       *name,
            const char       *tag_name)
{
  g_autofree char *label = g_strdup_printf ("Text from %s", name);
  GtkTextView *view = compare_test_find_by_accessible_label (GTK_WIDGET (text),
                                                             GTK_TYPE_TEXT_VIEW, label);
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter iter, end;
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (view);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  g_assert_nonnull (tag);

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;
      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      g_ptr_array_add (runs, gtk_text_iter_get_text (&iter, &end));
      iter = end;
    }
  /* A tag on the very first character is not a toggle forward_to_tag_toggle stops at. */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (gtk_text_iter_starts_tag (&iter, tag))
    {
      end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      g_ptr_array_insert (runs, 0, gtk_text_iter_get_text (&iter, &end));
    }
  g_ptr_array_add (runs, NULL);
  return g_strjoinv ("|", (char **) runs->pdata);
}

static void
assert_text (AugurCompareText *text,
             guint             column,
             const char       *expected)
{
  g_autofree char *shown = augur_compare_text_dup_text (text, column);

  g_assert_cmpstr (shown, ==, expected);
}

static void
assert_tagged (AugurCompareText *text,
               const char       *name,
               const char       *tag_name,
               const char       *expected)
{
  g_autofree char *runs = dup_tagged (text, name, tag_name);

  g_assert_cmpstr (runs, ==, expected);
}

static void
test_text_two_columns (void)
{
  g_autoptr(AugurPrediction) a = compare_test_text_prediction ("the quick brown fox", 1234);
  g_autoptr(AugurPrediction) b = compare_test_text_prediction ("the quick red fox jumps", 850);
  g_autoptr(AugurComparison) comparison = compare (a, b, NULL);
  AugurCompareText *text = new_text (comparison, 2);
  GtkLabel *name;

  assert_text (text, 0, "the quick brown fox");
  assert_text (text, 1, "the quick red fox jumps");
  g_assert_cmpuint (augur_compare_text_get_n_changed (text, 0), ==, 1);
  g_assert_cmpuint (augur_compare_text_get_n_changed (text, 1), ==, 2);
  assert_tagged (text, "A", "removed", "brown");
  assert_tagged (text, "A", "inserted", "");
  assert_tagged (text, "B", "inserted", "red|jumps");
  assert_tagged (text, "B", "removed", "");

  g_assert_cmpstr (augur_compare_text_get_stats (text, 0), ==,
                   "1.2 s · 4 words · 19 characters");
  g_assert_cmpstr (augur_compare_text_get_stats (text, 1), ==,
                   "850 ms · 5 words · 23 characters");
  g_assert_nonnull (compare_test_find_by_accessible_label (GTK_WIDGET (text), GTK_TYPE_BUTTON,
                                                           "Copy B's text"));

  /* The header shows the column's name in its colour. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    compare_test_collect (GTK_WIDGET (text), GTK_TYPE_LABEL, labels);
    name = NULL;
    for (guint i = 0; i < labels->len && name == NULL; i++)
      if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), "B") == 0)
        name = g_ptr_array_index (labels, i);
    g_assert_nonnull (name);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name), "compare-column-1"));
  }

  g_assert_finalize_object (text);
}

static void
test_text_three_columns (void)
{
  g_autoptr(AugurPrediction) a = compare_test_text_prediction ("the quick brown fox", 1000);
  g_autoptr(AugurPrediction) b = compare_test_text_prediction ("the quick red fox jumps", 1000);
  g_autoptr(AugurPrediction) c = compare_test_text_prediction ("the slow brown fox", 1000);
  g_autoptr(AugurComparison) comparison = compare (a, b, c);
  AugurCompareText *text = new_text (comparison, 3);

  /* A's words that any other column lacks: "brown" (B) and "quick" (C). */
  g_assert_cmpuint (augur_compare_text_get_n_changed (text, 0), ==, 2);
  assert_tagged (text, "A", "removed", "quick|brown");
  g_assert_cmpuint (augur_compare_text_get_n_changed (text, 2), ==, 1);
  assert_tagged (text, "C", "inserted", "slow");
  assert_text (text, 2, "the slow brown fox");

  g_assert_finalize_object (text);
}

static void
test_text_failed_and_pending (void)
{
  g_autoptr(AugurPrediction) a = compare_test_text_prediction ("the quick brown fox", 400);
  g_autoptr(AugurPrediction) b = compare_test_failed_prediction ("Model is still training", 300);
  AugurPrediction *predictions[] = { a, b, NULL };
  g_autoptr(AugurComparison) comparison = augur_comparison_new (0, predictions, 3);
  AugurCompareText *text = new_text (comparison, 3);
  g_autoptr(GPtrArray) spinners = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkLabel *error_label = NULL;
  GtkWindow *window;

  assert_text (text, 0, "the quick brown fox");
  assert_text (text, 1, "Model is still training");
  assert_text (text, 2, "");
  g_assert_cmpuint (augur_compare_text_get_n_changed (text, 0), ==, 0);
  g_assert_cmpstr (augur_compare_text_get_stats (text, 1), ==, "300 ms · failed");
  g_assert_cmpstr (augur_compare_text_get_stats (text, 2), ==, "Waiting…");

  /* On screen: the error where B's text would be, a spinner for C. */
  gtk_widget_set_size_request (GTK_WIDGET (text), 600, -1);
  window = compare_test_present (GTK_WIDGET (text), -1, -1);
  compare_test_collect (GTK_WIDGET (text), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)),
                   "Model is still training") == 0)
      error_label = g_ptr_array_index (labels, i);
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (error_label)));
  compare_test_collect (GTK_WIDGET (text), GTK_TYPE_SPINNER, spinners);
  g_assert_cmpuint (spinners->len, ==, 3);
  g_assert_false (gtk_widget_get_mapped (g_ptr_array_index (spinners, 0)));
  g_assert_false (gtk_widget_get_mapped (g_ptr_array_index (spinners, 1)));
  g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (spinners, 2)));
  g_assert_true (gtk_spinner_get_spinning (g_ptr_array_index (spinners, 2)));
  compare_test_save_screenshot (GTK_WIDGET (text), "compare-text-pending");

  /* C answers: the same widgets now show its text, diffed against A. */
  {
    g_autoptr(AugurPrediction) c = compare_test_text_prediction ("the quick brown dog", 500);
    AugurPrediction *answered[] = { a, b, c };
    g_autoptr(AugurComparison) later = augur_comparison_new (0, answered, 3);
    g_autoptr(GPtrArray) columns = new_columns (3);

    augur_compare_text_set_comparison (text, columns, later);
    assert_text (text, 2, "the quick brown dog");
    assert_tagged (text, "C", "inserted", "dog");
    assert_tagged (text, "A", "removed", "fox");
    g_assert_false (gtk_spinner_get_spinning (g_ptr_array_index (spinners, 2)));
    compare_test_wait_for_paint (window);
    compare_test_save_screenshot (GTK_WIDGET (text), "compare-text");
  }

  gtk_window_destroy (window);
  g_assert_finalize_object (text);
}

static void
test_text_unicode (void)
{
  g_autoptr(AugurPrediction) a = compare_test_text_prediction ("café naïve", 90);
  g_autoptr(AugurPrediction) b = compare_test_text_prediction ("café naive", 95);
  g_autoptr(AugurComparison) comparison = compare (a, b, NULL);
  AugurCompareText *text = new_text (comparison, 2);

  assert_text (text, 0, "café naïve");
  assert_text (text, 1, "café naive");
  g_assert_cmpuint (augur_compare_text_get_n_changed (text, 0), ==, 1);
  g_assert_cmpuint (augur_compare_text_get_n_changed (text, 1), ==, 1);
  assert_tagged (text, "A", "removed", "naïve");
  assert_tagged (text, "B", "inserted", "naive");
  g_assert_cmpstr (augur_compare_text_get_stats (text, 0), ==,
                   "90 ms · 2 words · 10 characters");

  /* A model can write bytes that are not UTF-8: they show as U+FFFD, not as a critical. */
  {
    g_autoptr(AugurPrediction) bad = compare_test_text_prediction ("naïve \xff!", 95);
    g_autoptr(AugurComparison) later = compare (a, bad, NULL);

    augur_compare_text_set_comparison (text, NULL, later);
    assert_text (text, 1, "naïve \xef\xbf\xbd!");
    assert_tagged (text, "B", "inserted", "naïve \xef\xbf\xbd!");
    g_assert_cmpuint (augur_compare_text_get_n_changed (text, 1), ==, 1);
  }

  g_assert_finalize_object (text);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Referencing the resource links its object in; its constructor registers it. */
  g_assert_nonnull (augur_get_resource ());

  g_test_add_func ("/ui/compare-boxes/toggle", test_boxes_toggle);
  g_test_add_func ("/ui/compare-boxes/min-value", test_boxes_min_value);
  g_test_add_func ("/ui/compare-boxes/three-columns", test_boxes_three_columns);
  g_test_add_func ("/ui/compare-boxes/render", test_boxes_render);
  g_test_add_func ("/ui/compare-text/two-columns", test_text_two_columns);
  g_test_add_func ("/ui/compare-text/three-columns", test_text_three_columns);
  g_test_add_func ("/ui/compare-text/failed-and-pending", test_text_failed_and_pending);
  g_test_add_func ("/ui/compare-text/unicode", test_text_unicode);

  return g_test_run ();
}
