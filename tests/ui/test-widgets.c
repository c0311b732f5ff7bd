/* test-widgets.c: the result widgets: concept bars, region boxes, text output, result cards
 * and thumbnails, checked through what the user sees and what a screen reader reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "augur-concept-bars.h"
#include "augur-region-overlay.h"
#include "augur-resources.h"
#include "augur-result-view.h"
#include "augur-test-server.h"
#include "augur-text-output.h"
#include "augur-thumbnail.h"

/* Helpers ------------------------------------------------------------------------------ */

static void
spin_until (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

static AugurPrediction *
load_first_prediction (const char *fixture)
{
  g_autoptr(GBytes) body = augur_test_fixture_bytes (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) predictions = NULL;

  predictions = augur_response_parse_predict (body, 200, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (predictions);
  g_assert_cmpuint (predictions->len, >=, 1);

  return g_object_ref (g_ptr_array_index (predictions, 0));
}

static GtkWidget *
new_sunk (GtkWidget *widget)
{
  return g_object_ref_sink (widget);
}

static void
assert_rows (GStrv               rows,
             const char * const *expected)
{
  g_autofree char *got = g_strjoinv ("|", rows);
  g_autofree char *want = g_strjoinv ("|", (char **) expected);

  g_assert_cmpstr (got, ==, want);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("augur-widgets-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tmp_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A solid-colour image, so tests can tell the picture from the boxes drawn on it. */
static GdkPixbuf *
new_solid_pixbuf (int     width,
                  int     height,
                  guint32 rgba)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, width, height);

  gdk_pixbuf_fill (pixbuf, rgba);
  return pixbuf;
}

static char *
write_png (const char *dir,
           const char *name,
           int         width,
           int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = new_solid_pixbuf (width, height, 0xffffffff);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
  return path;
}

typedef struct
{
  gboolean    done;
  GdkTexture *texture;
  GError     *error;
} LoadResult;

static void
thumbnail_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LoadResult *load = user_data;

  load->texture = augur_thumbnail_load_finish (result, &load->error);
  load->done = TRUE;
}

static void
load_thumbnail (AugurInput *input,
                guint       max_size,
                LoadResult *load)
{
  augur_thumbnail_load_async (input, max_size, NULL, thumbnail_loaded_cb, load);
  spin_until (&load->done);
}

static void
load_result_clear (LoadResult *load)
{
  g_clear_object (&load->texture);
  g_clear_error (&load->error);
  load->done = FALSE;
}

/* Percent text ------------------------------------------------------------------------- */

static void
test_percent_format (void)
{
  struct { double value; const char *text; } cases[] = {
    { 0.9234, "92%" }, { 0.0042, "0.4%" }, { 1.0, "100%" }, { 0.99960595, "100%" },
    { 0.0, "0%" }, { 0.5, "50%" }, { 0.0096, "1%" }, { 1.7, "100%" }, { -0.2, "0%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = augur_format_percent (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_percent_accessible (void)
{
  g_autofree char *dog = augur_format_percent_accessible ("dog", 0.9234);
  g_autofree char *tiny = augur_format_percent_accessible ("cat", 0.0042);

  g_assert_cmpstr (dog, ==, "dog, 92 percent");
  g_assert_cmpstr (tiny, ==, "cat, 0.4 percent");
}

/* Concept bars ------------------------------------------------------------------------- */

static AugurConceptBars *
new_classification_bars (void)
{
  g_autoptr(AugurPrediction) prediction =
    load_first_prediction ("predict-image-classification.response.json");
  AugurConceptBars *bars = AUGUR_CONCEPT_BARS (new_sunk (augur_concept_bars_new ()));

  augur_concept_bars_set_concepts (bars, augur_prediction_get_concepts (prediction));
  return bars;
}

static void
test_concept_bars_rows (void)
{
  AugurConceptBars *bars = new_classification_bars ();
  g_auto(GStrv) rows = augur_concept_bars_dup_visible_rows (bars);

  g_assert_cmpuint (g_strv_length (rows), ==, 20);
  g_assert_cmpstr (rows[0], ==, "train, 100 percent");
  g_assert_cmpstr (rows[3], ==, "station, 100 percent");
  g_assert_cmpstr (rows[19], ==, "business, 93 percent");
  g_assert_null (augur_concept_bars_get_empty_text (bars));

  g_assert_finalize_object (bars);
}

static void
test_concept_bars_filter_max (void)
{
  AugurConceptBars *bars = new_classification_bars ();
  const char * const expected[] = {
    "train, 100 percent", "railway, 100 percent", "subway system, 100 percent", NULL
  };
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) all = NULL;

  augur_concept_bars_set_filter (bars, 3, -1, NULL);
  rows = augur_concept_bars_dup_visible_rows (bars);
  assert_rows (rows, expected);

  /* Re-filtering is instant and reversible: the rows were never thrown away. */
  augur_concept_bars_set_filter (bars, 0, -1, NULL);
  all = augur_concept_bars_dup_visible_rows (bars);
  g_assert_cmpuint (g_strv_length (all), ==, 20);

  g_assert_finalize_object (bars);
}

static void
test_concept_bars_filter_min (void)
{
  AugurConceptBars *bars = new_classification_bars ();
  const char * const expected[] = {
    "train, 100 percent", "railway, 100 percent", "subway system, 100 percent",
    "station, 100 percent", "locomotive, 100 percent", "transportation system, 100 percent",
    NULL
  };
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) both = NULL;

  augur_concept_bars_set_filter (bars, 0, 0.99, NULL);
  rows = augur_concept_bars_dup_visible_rows (bars);
  assert_rows (rows, expected);

  /* max applies to what passes the threshold, in rank order */
  augur_concept_bars_set_filter (bars, 2, 0.99, NULL);
  both = augur_concept_bars_dup_visible_rows (bars);
  g_assert_cmpuint (g_strv_length (both), ==, 2);
  g_assert_cmpstr (both[1], ==, "railway, 100 percent");

  g_assert_finalize_object (bars);
}

static void
test_concept_bars_filter_selected (void)
{
  AugurConceptBars *bars = new_classification_bars ();
  const char * const selected[] = { "station", "ai_HLmqFqBf", NULL };
  const char * const expected[] = { "train, 100 percent", "station, 100 percent", NULL };
  const char * const by_case[] = { "Blur", NULL };
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) blur = NULL;

  augur_concept_bars_set_filter (bars, 0, -1, selected);
  rows = augur_concept_bars_dup_visible_rows (bars);
  assert_rows (rows, expected);

  augur_concept_bars_set_filter (bars, 0, -1, by_case);
  blur = augur_concept_bars_dup_visible_rows (bars);
  g_assert_cmpuint (g_strv_length (blur), ==, 1);
  g_assert_cmpstr (blur[0], ==, "blur, 97 percent");

  g_assert_finalize_object (bars);
}

static void
test_concept_bars_empty (void)
{
  AugurConceptBars *bars = AUGUR_CONCEPT_BARS (new_sunk (augur_concept_bars_new ()));
  g_autoptr(GPtrArray) concepts = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const missing[] = { "zebra", NULL };
  g_auto(GStrv) rows = NULL;

  g_assert_cmpstr (augur_concept_bars_get_empty_text (bars), ==, "No concepts");

  g_ptr_array_add (concepts, augur_concept_new ("c1", "cat", 0.5));
  g_ptr_array_add (concepts, augur_concept_new ("d1", "dog", 0.3));
  augur_concept_bars_set_concepts (bars, concepts);
  g_assert_null (augur_concept_bars_get_empty_text (bars));

  augur_concept_bars_set_filter (bars, 0, 0.95, NULL);
  rows = augur_concept_bars_dup_visible_rows (bars);
  g_assert_cmpuint (g_strv_length (rows), ==, 0);
  g_assert_cmpstr (augur_concept_bars_get_empty_text (bars), ==, "No concepts above 95%");

  augur_concept_bars_set_filter (bars, 0, -1, missing);
  g_assert_cmpstr (augur_concept_bars_get_empty_text (bars), ==,
                   "None of the selected concepts are in this result");

  augur_concept_bars_set_filter (bars, 0, -1, NULL);
  g_assert_null (augur_concept_bars_get_empty_text (bars));

  g_assert_finalize_object (bars);
}

/* Region overlay ----------------------------------------------------------------------- */

static void
test_region_overlay_boxes (void)
{
  g_autoptr(AugurPrediction) prediction =
    load_first_prediction ("visual-detection-face.response.json");
  AugurRegionOverlay *overlay = AUGUR_REGION_OVERLAY (new_sunk (augur_region_overlay_new ()));
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurRegion) boxless = augur_region_new ("r2", 0, 0, 0, 0, 0.9);

  g_assert_cmpuint (augur_prediction_get_regions (prediction)->len, ==, 1);
  augur_region_overlay_set_regions (overlay, augur_prediction_get_regions (prediction));
  g_assert_cmpuint (augur_region_overlay_get_n_visible (overlay), ==, 1);

  augur_region_overlay_set_min_value (overlay, 1.01);
  g_assert_cmpuint (augur_region_overlay_get_n_visible (overlay), ==, 0);
  augur_region_overlay_set_min_value (overlay, 0.5);
  g_assert_cmpuint (augur_region_overlay_get_n_visible (overlay), ==, 1);

  /* A region without a box is listed by the result view but never drawn. */
  augur_region_set_has_box (boxless, FALSE);
  g_ptr_array_add (regions,
                   g_object_ref (g_ptr_array_index (augur_prediction_get_regions (prediction), 0)));
  g_ptr_array_add (regions, g_object_ref (boxless));
  augur_region_overlay_set_regions (overlay, regions);
  g_assert_cmpuint (augur_region_overlay_get_n_visible (overlay), ==, 1);

  augur_region_overlay_set_highlight (overlay, 1);
  g_assert_cmpint (augur_region_overlay_get_highlight (overlay), ==, 1);
  augur_region_overlay_set_highlight (overlay, 7);
  g_assert_cmpint (augur_region_overlay_get_highlight (overlay), ==, -1);

  g_assert_finalize_object (overlay);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Waits until @window has been painted again, so its widgets' content is current. */
static void
wait_for_paint (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong handler;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  spin_until (&painted);
  g_signal_handler_disconnect (clock, handler);
}

static void
present_and_wait_for_paint (GtkWindow *window)
{
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  wait_for_paint (window);
}

/* Renders @widget with the cairo renderer and returns its pixels (RGBA, premultiplied). */
static guchar *
render_widget (GtkWidget *widget,
               int       *width,
               int       *height,
               gsize     *stride)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  guchar *pixels;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), *width, *height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  gsk_renderer_realize (renderer, NULL, &error);
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  gsk_renderer_unrealize (renderer);

  *stride = (gsize) *width * 4;
  pixels = g_malloc (*stride * *height);
  gdk_texture_download (texture, pixels, *stride);
  return pixels;
}

/* gdk_texture_download gives B, G, R, A bytes on little-endian (CAIRO_FORMAT_ARGB32). */
static void
assert_pixel (const guchar *pixels,
              gsize         stride,
              int           x,
              int           y,
              guint32       rgb)
{
  const guchar *p = pixels + y * stride + x * 4;
  guint32 got = ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];

  g_assert_cmphex (got, ==, rgb);
}

static void
test_region_overlay_render (void)
{
  GtkWidget *window = gtk_window_new ();
  AugurRegionOverlay *overlay = AUGUR_REGION_OVERLAY (augur_region_overlay_new ());
  g_autoptr(GdkPixbuf) pixbuf = new_solid_pixbuf (200, 100, 0xffffffff);
  g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (pixbuf);
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree guchar *pixels = NULL;
  int width, height;
  gsize stride;

  /* A box over the middle half of the image: left edge at x = 50, from y = 25 to 75. */
  g_ptr_array_add (regions, augur_region_new ("r1", 0.25, 0.25, 0.75, 0.75, 0.93));
  augur_region_overlay_set_texture (overlay, texture);
  augur_region_overlay_set_regions (overlay, regions);
  gtk_widget_set_size_request (GTK_WIDGET (overlay), 200, 100);
  gtk_widget_set_halign (GTK_WIDGET (overlay), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (overlay), GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (overlay));
  present_and_wait_for_paint (GTK_WINDOW (window));

  pixels = render_widget (GTK_WIDGET (overlay), &width, &height, &stride);
  g_assert_cmpint (width, ==, 200);
  g_assert_cmpint (height, ==, 100);

  assert_pixel (pixels, stride, 10, 90, 0xffffff);    /* the image itself */
  assert_pixel (pixels, stride, 51, 60, 0x1c71d8);    /* the box's left edge, first colour */
  assert_pixel (pixels, stride, 100, 60, 0xffffff);   /* inside the box: not filled */

  /* With every box filtered out the edge shows the image again. */
  augur_region_overlay_set_min_value (overlay, 0.95);
  wait_for_paint (GTK_WINDOW (window));
  g_clear_pointer (&pixels, g_free);
  pixels = render_widget (GTK_WIDGET (overlay), &width, &height, &stride);
  assert_pixel (pixels, stride, 51, 60, 0xffffff);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Text output -------------------------------------------------------------------------- */

typedef struct
{
  gboolean  done;
  char     *text;
} ReadResult;

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ReadResult *read = user_data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static void
test_text_output_copy (void)
{
  AugurTextOutput *output = AUGUR_TEXT_OUTPUT (new_sunk (augur_text_output_new ()));
  const char *text = "Once upon a time,\nthere was a model that wrote stories. ✓";
  g_autofree char *shown = NULL;
  ReadResult read = { FALSE, NULL };

  augur_text_output_set_text (output, text);
  shown = augur_text_output_dup_text (output);
  g_assert_cmpstr (shown, ==, text);
  g_assert_cmpstr (augur_text_output_get_copy_label (output), ==, "Copy");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (output), "text-output.copy", NULL));
  g_assert_cmpstr (augur_text_output_get_copy_label (output), ==, "Copied");

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (output)), NULL,
                                 clipboard_read_cb, &read);
  spin_until (&read.done);
  g_assert_cmpstr (read.text, ==, text);
  g_free (read.text);

  g_assert_finalize_object (output);
}

static void
test_text_output_empty (void)
{
  AugurTextOutput *output = AUGUR_TEXT_OUTPUT (new_sunk (augur_text_output_new ()));
  g_autofree char *shown = NULL;

  augur_text_output_set_text (output, NULL);
  shown = augur_text_output_dup_text (output);
  g_assert_cmpstr (shown, ==, "");
  /* Nothing to copy: the action is disabled, so activating it does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (output), "text-output.copy", NULL);
  g_assert_cmpstr (augur_text_output_get_copy_label (output), ==, "Copy");

  g_assert_finalize_object (output);
}

/* Result view -------------------------------------------------------------------------- */

static void
test_result_view_failed (void)
{
  g_autoptr(AugurPrediction) prediction = augur_prediction_new ();
  g_autoptr(AugurStatus) status =
    augur_status_new (AUGUR_STATUS_MODEL_DOES_NOT_EXIST, "Model does not exist", NULL,
                      "8f1c0d2e9b7a4c3f");
  g_autoptr(GError) error = augur_error_new_status (AUGUR_ERROR_API, status);
  g_autoptr(AugurInput) input = augur_input_new_image_url ("https://example.com/dog.jpg");
  AugurResultView *view;
  g_auto(GStrv) rows = NULL;
  const char *shown;

  augur_prediction_set_input (prediction, input);
  augur_prediction_set_error (prediction, error);
  view = AUGUR_RESULT_VIEW (new_sunk (augur_result_view_new (prediction)));

  shown = augur_result_view_get_error_text (view);
  g_assert_nonnull (shown);
  g_assert_nonnull (strstr (shown, "Model does not exist"));
  g_assert_nonnull (strstr (shown, "8f1c0d2e9b7a4c3f"));
  rows = augur_result_view_dup_visible_rows (view);
  g_assert_cmpuint (g_strv_length (rows), ==, 0);
  g_assert_cmpuint (augur_result_view_get_n_boxes (view), ==, 0);
  g_assert_true (augur_result_view_get_prediction (view) == prediction);

  g_assert_finalize_object (view);
}

static void
test_result_view_concepts (void)
{
  g_autoptr(AugurPrediction) prediction =
    load_first_prediction ("predict-image-classification.response.json");
  AugurResultView *view;
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) top = NULL;
  const char *provenance;

  augur_prediction_set_duration_ms (prediction, 312);
  view = AUGUR_RESULT_VIEW (new_sunk (augur_result_view_new (prediction)));

  g_assert_null (augur_result_view_get_error_text (view));
  provenance = augur_result_view_get_provenance (view);
  g_assert_nonnull (provenance);
  g_assert_nonnull (strstr (provenance, "general-image-recognition"));
  g_assert_nonnull (strstr (provenance, "version aa7f35c0"));
  g_assert_nonnull (strstr (provenance, "312 ms"));

  augur_result_view_set_provenance (view, "general · version 1 · 2.5 s · api.clarifai.com");
  g_assert_cmpstr (augur_result_view_get_provenance (view), ==,
                   "general · version 1 · 2.5 s · api.clarifai.com");

  rows = augur_result_view_dup_visible_rows (view);
  g_assert_cmpuint (g_strv_length (rows), ==, 20);
  g_assert_cmpstr (rows[0], ==, "train, 100 percent");

  augur_result_view_set_filter (view, 3, 0.99, NULL);
  top = augur_result_view_dup_visible_rows (view);
  g_assert_cmpuint (g_strv_length (top), ==, 3);
  g_assert_cmpuint (augur_result_view_get_n_boxes (view), ==, 0);

  g_assert_finalize_object (view);
}

static void
test_result_view_regions (void)
{
  g_autoptr(AugurPrediction) prediction =
    load_first_prediction ("visual-detection-face.response.json");
  AugurResultView *view = AUGUR_RESULT_VIEW (new_sunk (augur_result_view_new (prediction)));
  AugurRegionOverlay *overlay = augur_result_view_get_overlay (view);
  const char * const expected[] = { "BINARY_POSITIVE, 100 percent", NULL };
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) none = NULL;

  g_assert_nonnull (overlay);
  g_assert_cmpuint (augur_result_view_get_n_boxes (view), ==, 1);
  rows = augur_result_view_dup_visible_rows (view);
  assert_rows (rows, expected);

  /* Selecting the row highlights its box. */
  g_assert_cmpint (augur_region_overlay_get_highlight (overlay), ==, -1);
  augur_result_view_select_region (view, 0);
  g_assert_cmpint (augur_region_overlay_get_highlight (overlay), ==, 0);
  augur_result_view_select_region (view, -1);
  g_assert_cmpint (augur_region_overlay_get_highlight (overlay), ==, -1);

  augur_result_view_set_filter (view, 0, 1.01, NULL);
  g_assert_cmpuint (augur_result_view_get_n_boxes (view), ==, 0);
  none = augur_result_view_dup_visible_rows (view);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  g_assert_finalize_object (view);
}

static void
test_result_view_regions_image (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = write_png (dir, "street.png", 1600, 1200);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AugurInput) input = augur_input_new_file (file);
  g_autoptr(AugurPrediction) prediction = augur_prediction_new ();
  g_autoptr(AugurRegion) region = augur_region_new ("r1", 0.1, 0.1, 0.5, 0.5, 0.8);
  AugurResultView *view;
  AugurRegionOverlay *overlay;
  GdkTexture *texture;

  augur_prediction_set_input (prediction, input);
  g_ptr_array_add (augur_prediction_get_regions (prediction), g_object_ref (region));
  view = AUGUR_RESULT_VIEW (new_sunk (augur_result_view_new (prediction)));
  overlay = augur_result_view_get_overlay (view);

  /* The image under the boxes is decoded in a thread, scaled to 800 px. */
  while ((texture = augur_region_overlay_get_texture (overlay)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 800);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 600);
  g_assert_cmpuint (augur_result_view_get_n_boxes (view), ==, 1);

  g_assert_finalize_object (view);
  remove_tmp_dir (dir);
}

static void
test_result_view_text (void)
{
  g_autoptr(AugurPrediction) prediction = augur_prediction_new ();
  g_autoptr(GArray) vector = g_array_new (FALSE, FALSE, sizeof (float));
  AugurResultView *view;
  g_auto(GStrv) rows = NULL;

  for (guint i = 0; i < 1024; i++)
    {
      float value = i / 1024.0f;

      g_array_append_val (vector, value);
    }
  augur_prediction_set_text (prediction, "A haiku about trains");
  augur_prediction_set_tokens (prediction, 12, 40);
  augur_prediction_add_embedding (prediction, g_steal_pointer (&vector));
  view = AUGUR_RESULT_VIEW (new_sunk (augur_result_view_new (prediction)));

  g_assert_null (augur_result_view_get_error_text (view));
  g_assert_null (augur_result_view_get_overlay (view));
  rows = augur_result_view_dup_visible_rows (view);
  g_assert_cmpuint (g_strv_length (rows), ==, 0);

  g_assert_finalize_object (view);
}

/* Thumbnails --------------------------------------------------------------------------- */

static void
test_thumbnail_png_scaled (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = write_png (dir, "wide.png", 400, 200);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AugurInput) input = augur_input_new_file (file);
  LoadResult load = { 0 };

  load_thumbnail (input, 100, &load);
  g_assert_no_error (load.error);
  g_assert_cmpint (gdk_texture_get_width (load.texture), ==, 100);
  g_assert_cmpint (gdk_texture_get_height (load.texture), ==, 50);
  load_result_clear (&load);

  load_thumbnail (input, 0, &load);
  g_assert_no_error (load.error);
  g_assert_cmpint (gdk_texture_get_width (load.texture), ==, 400);
  g_assert_cmpint (gdk_texture_get_height (load.texture), ==, 200);
  load_result_clear (&load);

  /* never scaled up */
  load_thumbnail (input, 1000, &load);
  g_assert_no_error (load.error);
  g_assert_cmpint (gdk_texture_get_width (load.texture), ==, 400);
  load_result_clear (&load);

  remove_tmp_dir (dir);
}

static void
test_thumbnail_bytes (void)
{
  g_autoptr(GdkPixbuf) pixbuf = new_solid_pixbuf (300, 600, 0x336699ff);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AugurInput) input = NULL;
  char *buffer = NULL;
  gsize length = 0;
  LoadResult load = { 0 };

  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "png", &error, NULL);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (buffer, length);
  input = augur_input_new_bytes (bytes, "pasted.png");

  load_thumbnail (input, 60, &load);
  g_assert_no_error (load.error);
  g_assert_cmpint (gdk_texture_get_width (load.texture), ==, 30);
  g_assert_cmpint (gdk_texture_get_height (load.texture), ==, 60);
  load_result_clear (&load);
}

static void
test_thumbnail_not_an_image (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AugurInput) input = NULL;
  g_autoptr(GError) error = NULL;
  const char *pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";
  LoadResult load = { 0 };

  g_file_set_contents (path, pdf, -1, &error);
  g_assert_no_error (error);
  input = augur_input_new_file (file);

  load_thumbnail (input, 100, &load);
  g_assert_null (load.texture);
  g_assert_error (load.error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT);
  g_assert_cmpstr (load.error->message, ==, "notes.pdf is not an image Augur can show");
  load_result_clear (&load);

  remove_tmp_dir (dir);
}

static void
test_thumbnail_too_big (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(AugurInput) input = NULL;
  g_autoptr(GError) error = NULL;
  LoadResult load = { 0 };

  /* Sparse, so the test writes nothing much to disk. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), AUGUR_MAX_INPUT_BYTES + 1, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
  input = augur_input_new_file (file);

  load_thumbnail (input, 100, &load);
  g_assert_null (load.texture);
  g_assert_error (load.error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT);
  g_assert_true (g_str_has_prefix (load.error->message, "huge.png is "));
  g_assert_nonnull (strstr (load.error->message, "20 MB"));
  load_result_clear (&load);

  remove_tmp_dir (dir);
}

static void
test_thumbnail_missing_and_url (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/augur/gone.jpg");
  g_autoptr(AugurInput) missing = augur_input_new_file (file);
  g_autoptr(AugurInput) url = augur_input_new_image_url ("https://example.com/dog.jpg");
  LoadResult load = { 0 };

  load_thumbnail (missing, 100, &load);
  g_assert_error (load.error, AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT);
  g_assert_true (g_str_has_prefix (load.error->message, "gone.jpg could not be read"));
  load_result_clear (&load);

  load_thumbnail (url, 100, &load);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  load_result_clear (&load);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Referencing the resource links its object in; its constructor registers it. */
  g_assert_nonnull (augur_get_resource ());

  g_test_add_func ("/ui/percent/format", test_percent_format);
  g_test_add_func ("/ui/percent/accessible", test_percent_accessible);
  g_test_add_func ("/ui/concept-bars/rows", test_concept_bars_rows);
  g_test_add_func ("/ui/concept-bars/filter-max", test_concept_bars_filter_max);
  g_test_add_func ("/ui/concept-bars/filter-min", test_concept_bars_filter_min);
  g_test_add_func ("/ui/concept-bars/filter-selected", test_concept_bars_filter_selected);
  g_test_add_func ("/ui/concept-bars/empty", test_concept_bars_empty);
  g_test_add_func ("/ui/region-overlay/boxes", test_region_overlay_boxes);
  g_test_add_func ("/ui/region-overlay/render", test_region_overlay_render);
  g_test_add_func ("/ui/text-output/copy", test_text_output_copy);
  g_test_add_func ("/ui/text-output/empty", test_text_output_empty);
  g_test_add_func ("/ui/result-view/failed", test_result_view_failed);
  g_test_add_func ("/ui/result-view/concepts", test_result_view_concepts);
  g_test_add_func ("/ui/result-view/regions", test_result_view_regions);
  g_test_add_func ("/ui/result-view/regions-image", test_result_view_regions_image);
  g_test_add_func ("/ui/result-view/text", test_result_view_text);
  g_test_add_func ("/ui/thumbnail/png-scaled", test_thumbnail_png_scaled);
  g_test_add_func ("/ui/thumbnail/bytes", test_thumbnail_bytes);
  g_test_add_func ("/ui/thumbnail/not-an-image", test_thumbnail_not_an_image);
  g_test_add_func ("/ui/thumbnail/too-big", test_thumbnail_too_big);
  g_test_add_func ("/ui/thumbnail/missing-and-url", test_thumbnail_missing_and_url);

  return g_test_run ();
}
