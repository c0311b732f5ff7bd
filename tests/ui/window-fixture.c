/* window-fixture.c: the real window against the fake server, shared by the window tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "window-fixture.h"

/* Set-up and tear-down ------------------------------------------------------------------- */

void
window_fixture_add (const char           *path,
                    AugurTestServerModel  model,
                    WindowFixtureTest     test)
{
  g_test_add (path, WindowFixture, GINT_TO_POINTER (model),
              window_fixture_set_up, test, window_fixture_tear_down);
}

/* The app's style sheet, which AdwApplication loads by itself; tests have no application,
 * and screenshots should look like the app. */
static void
load_app_style (void)
{
  static GtkCssProvider *provider = NULL;

  if (provider != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/augur/Augur/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
window_fixture_set_up (WindowFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = NULL;
  AugurTestServerModel model = GPOINTER_TO_INT (data);

  fixture->server = augur_test_server_new (NULL);
  augur_test_server_set_model (fixture->server, model);
  g_setenv ("CLARIFAI_PAT", AUGUR_TEST_TOKEN, TRUE);
  g_setenv ("CLARIFAI_API_BASE", augur_test_server_get_base_url (fixture->server), TRUE);

  load_app_style ();
  settings = g_settings_new ("io.github.augur.Augur");
  fixture->context = augur_context_new (settings, NULL);
  fixture->window = g_object_ref_sink (augur_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (fixture->window));

  fixture->image_path = g_build_filename (g_get_tmp_dir (), "photo.png", NULL);
  window_fixture_write_png (fixture->image_path, 0x80);
}

void
window_fixture_tear_down (WindowFixture *fixture,
                          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->context);
  g_clear_pointer (&fixture->server, augur_test_server_free);
  g_unlink (fixture->image_path);
  g_clear_pointer (&fixture->image_path, g_free);
  if (fixture->user_data_free != NULL)
    g_clear_pointer (&fixture->user_data, fixture->user_data_free);
  fixture->user_data = NULL;
}

/* Waiting -------------------------------------------------------------------------------- */

void
window_fixture_wait_until (WindowFixture          *fixture,
                           WindowFixtureCondition  condition,
                           const char             *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (fixture))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
window_fixture_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
window_fixture_model_loaded (WindowFixture *fixture)
{
  AugurModelPicker *picker = fixture->window->model_picker;
  return augur_model_picker_get_model (picker) != NULL && !augur_model_picker_is_loading (picker);
}

gboolean
window_fixture_concepts_loaded (WindowFixture *fixture)
{
  GPtrArray *concepts = augur_model_picker_get_concepts (fixture->window->model_picker);
  return concepts != NULL && concepts->len > 0;
}

gboolean
window_fixture_has_one_input (WindowFixture *fixture)
{
  return g_list_model_get_n_items (augur_input_grid_get_items (fixture->window->input_grid)) == 1;
}

gboolean
window_fixture_prediction_done (WindowFixture *fixture)
{
  GPtrArray *results = fixture->window->run_results;

  if (augur_window_is_busy (fixture->window) || results == NULL)
    return FALSE;
  for (guint i = 0; i < results->len; i++)
    if (g_ptr_array_index (results, i) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
window_fixture_not_busy (WindowFixture *fixture)
{
  return !augur_window_is_busy (fixture->window);
}

/* Files ---------------------------------------------------------------------------------- */

void
window_fixture_write_png (const char *path,
                          guint8      shade)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, (guint32) shade << 24 | 0x4080ff);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
}

GPtrArray *
window_fixture_write_pngs (const char *folder,
                           const char *prefix,
                           guint       n)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (n, <=, 256);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%03u.png", prefix, i);
      char *path = g_build_filename (folder, name, NULL);

      window_fixture_write_png (path, (guint8) i);
      g_ptr_array_add (paths, path);
    }
  return paths;
}

void
window_fixture_remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
}

/* Driving the window --------------------------------------------------------------------- */

void
window_fixture_select_model (WindowFixture *fixture,
                             const char    *url)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_parse (url, NULL);

  g_assert_nonnull (ref);
  augur_window_select_model (fixture->window, ref);
  window_fixture_wait_until (fixture, window_fixture_model_loaded, "the model to load");
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

void
window_fixture_drop_files_no_wait (WindowFixture *fixture,
                                   const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSList list = { file, NULL };
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (fixture->window));

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, &list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
}

void
window_fixture_drop_files (WindowFixture *fixture,
                           const char    *path)
{
  window_fixture_drop_files_no_wait (fixture, path);
  window_fixture_wait_until (fixture, window_fixture_has_one_input, "the dropped image to show");
}

void
window_fixture_drop_path (WindowFixture *fixture,
                          const char    *path)
{
  window_fixture_drop_files_no_wait (fixture, path);
}

void
window_fixture_predict (WindowFixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.predict", NULL));
  window_fixture_wait_until (fixture, window_fixture_prediction_done, "the prediction");
}

/* Screenshots ---------------------------------------------------------------------------- */

/* The paintable draws nothing while a relayout is pending (thumbnails arriving, the
 * progress bar fading), so try until a frame has settled. */
static GskRenderNode *
snapshot_settled (GtkWidget *widget,
                  int        width,
                  int        height)
{
  GskRenderNode *node = NULL;

  for (int i = 0; i < 500 && node == NULL; i++)
    {
      /* A paintable caches its image, so each try takes a fresh one. */
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (10000);
        }
    }
  return node;
}

void
window_fixture_save_screenshot (WindowFixture *fixture,
                                const char    *name)
{
  const char *dir = g_getenv ("AUGUR_SCREENSHOT_DIR");
  GtkWidget *content = GTK_WIDGET (fixture->window->toast_overlay);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  /* Let the results lay out and their thumbnails arrive. */
  window_fixture_spin (500);

  width = gtk_widget_get_width (content);
  height = gtk_widget_get_height (content);
  g_assert_cmpint (width, >, 0);
  node = snapshot_settled (content, width, height);
  g_assert_nonnull (node);
  renderer = gsk_cairo_renderer_new ();
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Reading the window --------------------------------------------------------------------- */

guint
window_fixture_count_results (WindowFixture *fixture)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->window->results_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

AugurResultView *
window_fixture_nth_result (WindowFixture *fixture,
                           guint          n)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->window->results_box));

  while (child != NULL && n-- > 0)
    child = gtk_widget_get_next_sibling (child);
  g_assert_nonnull (child);
  return AUGUR_RESULT_VIEW (child);
}

AugurPrediction *
window_fixture_nth_prediction (WindowFixture *fixture,
                               guint          n)
{
  return augur_result_view_get_prediction (window_fixture_nth_result (fixture, n));
}

guint
window_fixture_count_rows_in_state (WindowFixture      *fixture,
                                    AugurBatchRowState  state)
{
  GListModel *rows = G_LIST_MODEL (augur_batch_view_get_store (fixture->window->batch_view));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AugurBatchRow) row = g_list_model_get_item (rows, i);
      n += augur_batch_row_get_state (row) == state;
    }
  return n;
}

GtkWidget *
window_fixture_find_widget_of_type (GtkWidget *widget,
                                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = window_fixture_find_widget_of_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
window_fixture_find_in_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);
      GtkWidget *found = window_fixture_find_widget_of_type (toplevel, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

JsonNode *
window_fixture_number_node (double value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  json_node_set_double (node, value);
  return node;
}
