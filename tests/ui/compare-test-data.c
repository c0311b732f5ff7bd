/* compare-test-data.c: what the compare UI tests share; see compare-test-data.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "compare-test-data.h"

/* Predictions -------------------------------------------------------------------------- */

AugurPrediction *
compare_test_prediction_new (const char *model_id,
                             const char *version,
                             const char *model_type,
                             double      duration_ms)
{
  AugurPrediction *prediction = augur_prediction_new ();

  if (model_id != NULL)
    augur_prediction_set_model (prediction, model_id, version, model_type);
  if (duration_ms >= 0)
    augur_prediction_set_duration_ms (prediction, duration_ms);
  return prediction;
}

void
compare_test_add_concepts_valist (AugurPrediction *prediction,
                                  const char      *first_name,
                                  va_list          args)
{
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      double value = va_arg (args, double);

      g_ptr_array_add (augur_prediction_get_concepts (prediction),
                       augur_concept_new (name, name, value));
    }
}

void
compare_test_add_concepts (AugurPrediction *prediction,
                           const char      *first_name,
                           ...)
{
  va_list args;

  va_start (args, first_name);
  compare_test_add_concepts_valist (prediction, first_name, args);
  va_end (args);
}

void
compare_test_add_box (AugurPrediction *prediction,
                      const char      *name,
                      double           top,
                      double           left,
                      double           bottom,
                      double           right,
                      double           value)
{
  AugurRegion *region = augur_region_new (name, top, left, bottom, right, value);

  augur_region_add_concept (region, augur_concept_new (name, name, value));
  g_ptr_array_add (augur_prediction_get_regions (prediction), region);
}

AugurPrediction *
compare_test_text_prediction (const char *text,
                              double      duration_ms)
{
  AugurPrediction *prediction = compare_test_prediction_new (NULL, NULL, NULL, duration_ms);

  augur_prediction_set_text (prediction, text);
  return prediction;
}

AugurPrediction *
compare_test_failed_prediction (const char *message,
                                double      duration_ms)
{
  AugurPrediction *prediction = compare_test_prediction_new (NULL, NULL, NULL, duration_ms);
  g_autoptr(GError) error = g_error_new_literal (AUGUR_ERROR, AUGUR_ERROR_API, message);

  augur_prediction_set_error (prediction, error);
  return prediction;
}

AugurComparison *
compare_test_comparison_take (guint            index,
                              AugurInput      *input,
                              guint            n_columns,
                              AugurPrediction *a,
                              AugurPrediction *b,
                              AugurPrediction *c)
{
  AugurPrediction *predictions[AUGUR_COMPARE_MAX_COLUMNS] = { a, b, c, NULL };
  AugurComparison *comparison;

  g_assert (n_columns <= 3);
  for (guint k = 0; k < n_columns; k++)
    if (predictions[k] != NULL && input != NULL)
      augur_prediction_set_input (predictions[k], input);
  comparison = augur_comparison_new (index, predictions, n_columns);
  for (guint k = 0; k < G_N_ELEMENTS (predictions); k++)
    g_clear_object (&predictions[k]);
  return comparison;
}

GPtrArray *
compare_test_columns_new (const char *model_ref,
                          guint       n_columns,
                          gboolean    versioned)
{
  static const char * const names[] = { "A", "B", "C", "D" };
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_compare_column_free);

  g_assert (n_columns <= G_N_ELEMENTS (names));
  for (guint k = 0; k < n_columns; k++)
    {
      g_autofree char *version = versioned ? g_strdup_printf ("v%u", k + 1) : NULL;

      g_ptr_array_add (columns, augur_compare_column_new (model_ref, version, names[k]));
    }
  return columns;
}

/* Widgets ------------------------------------------------------------------------------ */

void
compare_test_collect (GtkWidget *root,
                      GType      type,
                      GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    compare_test_collect (child, type, found);
}

gpointer
compare_test_find (GtkWidget *root,
                   GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  compare_test_collect (root, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

gpointer
compare_test_find_label (GtkWidget  *root,
                         const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  compare_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);
  return NULL;
}

gboolean
compare_test_has_accessible_label (GtkWidget  *widget,
                                   const char *label)
{
  g_autofree char *mismatch =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        label);

  return mismatch == NULL;
}

gpointer
compare_test_find_by_accessible_label (GtkWidget  *root,
                                       GType       type,
                                       const char *label)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  compare_test_collect (root, type, all);
  for (guint i = 0; i < all->len; i++)
    if (compare_test_has_accessible_label (g_ptr_array_index (all, i), label))
      return g_ptr_array_index (all, i);
  return NULL;
}

/* The main loop and the screen --------------------------------------------------------- */

static gboolean
time_is_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
compare_test_spin_until (gboolean (*done) (gpointer),
                         gpointer  data)
{
  gboolean time_is_up = FALSE;
  guint timeout = g_timeout_add_seconds (10, time_is_up_cb, &time_is_up);

  while (!done (data) && !time_is_up)
    g_main_context_iteration (NULL, TRUE);
  if (!time_is_up)
    g_source_remove (timeout);
  return done (data);
}

void
compare_test_load_style (void)
{
  static GtkCssProvider *css;

  if (css != NULL)
    return;
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/augur/Augur/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

void
compare_test_wait_for_paint (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong handler;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

GtkWindow *
compare_test_present (GtkWidget *widget,
                      int        width,
                      int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  if (width > 0 && height > 0)
    gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  compare_test_wait_for_paint (window);
  return window;
}

GdkTexture *
compare_test_render_texture (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GError) error = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  gsk_renderer_realize (renderer, NULL, &error);
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  return texture;
}

void
compare_test_save_screenshot (GtkWidget  *widget,
                              const char *name)
{
  const char *dir = g_getenv ("AUGUR_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL || gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return;
  texture = compare_test_render_texture (widget);
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}
