/* test-widgets-inputs.c: the input grid (tiles, duplicates, size and kind messages, the text
 * area) and the Preferences window (environment overrides, validation, Test Connection
 * against the fake server over HTTP and HTTPS).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "augur-input-grid.h"
#include "augur-preferences-window.h"
#include "augur-resources.h"
#include "augur-test-server.h"

/* Helpers --------------------------------------------------------------------------------- */

typedef gboolean (*Condition) (gpointer data);

/* Spins the main loop until @condition holds; fails the test after 20 s. */
static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Visible as far as the widget tree goes (nothing here is mapped). */
static gboolean
is_shown (GtkWidget *widget,
          GtkWidget *root)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      /* GtkStack hides its other pages with child-visible. */
      if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
        return FALSE;
      if (widget == root)
        return TRUE;
    }
  return TRUE;
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, out);
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_widgets (root, type, out);
  return out;
}

static gpointer
find_first (GtkWidget *root,
            GType      type)
{
  g_autoptr(GPtrArray) all = find_all (root, type);

  return all->len > 0 ? g_ptr_array_index (all, 0) : NULL;
}

/* (nullable): a shown label under @root whose text starts with @prefix */
static GtkLabel *
find_shown_label (GtkWidget  *root,
                  const char *prefix)
{
  g_autoptr(GPtrArray) labels = find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), prefix) &&
          is_shown (label, root))
        return GTK_LABEL (label);
    }
  return NULL;
}

static gboolean
has_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  g_free (mismatch);
  return mismatch == NULL;
}

static gpointer
find_by_accessible_label (GtkWidget  *root,
                          GType       type,
                          const char *label)
{
  g_autoptr(GPtrArray) all = find_all (root, type);

  for (guint i = 0; i < all->len; i++)
    if (has_accessible_label (g_ptr_array_index (all, i), label))
      return g_ptr_array_index (all, i);
  return NULL;
}

/* Strips the mnemonic underscore: "_Test Connection" -> "Test Connection". */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = find_all (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      const char *text = gtk_button_get_label (g_ptr_array_index (buttons, i));
      g_auto(GStrv) parts = text != NULL ? g_strsplit (text, "_", -1) : NULL;
      g_autofree char *plain = parts != NULL ? g_strjoinv ("", parts) : NULL;

      if (g_strcmp0 (plain, label) == 0)
        return g_ptr_array_index (buttons, i);
    }
  return NULL;
}

static AdwPreferencesRow *
find_row (GtkWidget  *root,
          const char *title)
{
  g_autoptr(GPtrArray) rows = find_all (root, ADW_TYPE_PREFERENCES_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* Input grid ------------------------------------------------------------------------------ */

typedef struct
{
  char           *dir;
  AugurInputGrid *grid;
  guint           n_changed;
} GridFixture;

static void
changed_cb (AugurInputGrid *grid,
            GridFixture    *fixture)
{
  fixture->n_changed++;
}

static void
grid_setup (GridFixture   *fixture,
            gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("augur-inputs-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->grid = g_object_ref_sink (AUGUR_INPUT_GRID (augur_input_grid_new ()));
  g_signal_connect (fixture->grid, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
grid_teardown (GridFixture   *fixture,
               gconstpointer  data)
{
  g_assert_finalize_object (fixture->grid);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Writes a small solid PNG; @shade makes each file's bytes differ. */
static GFile *
make_png (GridFixture *fixture,
          const char  *name,
          guint8       shade)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  guint8 pixels[8 * 8 * 4];
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  for (guint i = 0; i < sizeof pixels; i += 4)
    {
      pixels[i] = shade;
      pixels[i + 1] = 255 - shade;
      pixels[i + 2] = 128;
      pixels[i + 3] = 255;
    }
  bytes = g_bytes_new (pixels, sizeof pixels);
  texture = gdk_memory_texture_new (8, 8, GDK_MEMORY_R8G8B8A8, bytes, 8 * 4);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return g_file_new_for_path (path);
}

/* A sparse file: 25 MB long without using the disk space. */
static GFile *
make_big_file (GridFixture *fixture,
               const char  *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 25 * 1000 * 1000), ==, 0);
  close (fd);
  return g_file_new_for_path (path);
}

static void
add_files (GridFixture *fixture,
           GFile       *first,
           ...)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (GFile *file = first; file != NULL; file = va_arg (args, GFile *))
    g_ptr_array_add (inputs, augur_input_new_file (file));
  va_end (args);
  augur_input_grid_add_inputs (fixture->grid, inputs);
}

static void
add_url (GridFixture *fixture,
         const char  *url)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (inputs, augur_input_new_image_url (url));
  augur_input_grid_add_inputs (fixture->grid, inputs);
}

static guint
n_items (GridFixture *fixture)
{
  return g_list_model_get_n_items (augur_input_grid_get_items (fixture->grid));
}

static AugurInput *
nth_item (GridFixture *fixture,
          guint        n)
{
  g_autoptr(AugurInput) input = g_list_model_get_item (augur_input_grid_get_items (fixture->grid), n);

  return input;  /* the grid keeps it alive */
}

static GtkWidget *
nth_tile (GridFixture *fixture,
          guint        n)
{
  GtkFlowBox *flow_box = find_first (GTK_WIDGET (fixture->grid), GTK_TYPE_FLOW_BOX);

  return GTK_WIDGET (gtk_flow_box_get_child_at_index (flow_box, n));
}

/* The texts a tile shows, in order: its name, then its message when there is one. */
static char *
tile_text (GridFixture *fixture,
           guint        n)
{
  GtkWidget *tile = nth_tile (fixture, n);
  g_autoptr(GPtrArray) labels = find_all (tile, GTK_TYPE_LABEL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (!is_shown (label, tile))
        continue;
      if (text->len > 0)
        g_string_append (text, " | ");
      g_string_append (text, gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_tile_text (GridFixture *fixture,
                  guint        n,
                  const char  *expected)
{
  g_autofree char *text = tile_text (fixture, n);

  g_assert_cmpstr (text, ==, expected);
}

static gboolean
tile_has_picture (GridFixture *fixture,
                  guint        n)
{
  GtkWidget *tile = nth_tile (fixture, n);
  GtkPicture *picture = find_first (tile, GTK_TYPE_PICTURE);

  return is_shown (GTK_WIDGET (picture), tile) && gtk_picture_get_paintable (picture) != NULL;
}

static gboolean
first_three_have_pictures (gpointer data)
{
  return tile_has_picture (data, 0) && tile_has_picture (data, 1) && tile_has_picture (data, 2);
}

static void
test_grid_add_remove (GridFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) a = make_png (fixture, "a.png", 10);
  g_autoptr(GFile) b = make_png (fixture, "b.png", 90);
  g_autoptr(GFile) c = make_png (fixture, "c.png", 170);
  g_autoptr(GFile) a_again = g_file_new_for_path (g_file_peek_path (a));
  GtkWidget *remove;
  GtkImage *link_icon;

  /* Empty at first: the drop hint shows. */
  g_assert_nonnull (find_shown_label (GTK_WIDGET (fixture->grid), "Drop images here"));

  add_files (fixture, a, b, c, NULL);
  add_url (fixture, "https://example.com/cat.jpg");
  g_assert_cmpuint (n_items (fixture), ==, 4);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  g_assert_null (find_shown_label (GTK_WIDGET (fixture->grid), "Drop images here"));

  assert_tile_text (fixture, 0, "a.png");
  assert_tile_text (fixture, 1, "b.png");
  assert_tile_text (fixture, 2, "c.png");
  assert_tile_text (fixture, 3, "https://example.com/cat.jpg");

  /* The same file (another GFile) and the same URL again are skipped. */
  add_files (fixture, a_again, NULL);
  add_url (fixture, "https://example.com/cat.jpg");
  g_assert_cmpuint (n_items (fixture), ==, 4);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  /* Files get thumbnails; the URL a link icon. */
  wait_until (first_three_have_pictures, fixture, "thumbnails");
  g_assert_false (tile_has_picture (fixture, 3));
  link_icon = find_first (nth_tile (fixture, 3), GTK_TYPE_IMAGE);
  g_assert_cmpstr (gtk_image_get_icon_name (link_icon), ==, "insert-link-symbolic");
  g_assert_null (augur_input_grid_get_item_message (fixture->grid, nth_item (fixture, 0)));

  remove = find_by_accessible_label (nth_tile (fixture, 1), GTK_TYPE_BUTTON, "Remove b.png");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_cmpuint (n_items (fixture), ==, 3);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
  assert_tile_text (fixture, 1, "c.png");

  augur_input_grid_clear (fixture->grid);
  g_assert_cmpuint (n_items (fixture), ==, 0);
  g_assert_nonnull (find_shown_label (GTK_WIDGET (fixture->grid), "Drop images here"));
}

static gboolean
first_has_message (gpointer data)
{
  GridFixture *fixture = data;

  return augur_input_grid_get_item_message (fixture->grid, nth_item (fixture, 0)) != NULL;
}

static void
test_grid_oversize (GridFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) big = make_big_file (fixture, "big.jpg");
  g_autoptr(GFile) small = make_png (fixture, "small.png", 40);
  g_autoptr(GPtrArray) collected = NULL;

  add_files (fixture, big, small, NULL);
  wait_until (first_has_message, fixture, "the size check");

  /* g_format_size() puts a no-break space between number and unit. */
  g_assert_cmpstr (augur_input_grid_get_item_message (fixture->grid, nth_item (fixture, 0)), ==,
                   "big.jpg is 25.0\u00a0MB; Clarifai accepts files under 20 MB");
  assert_tile_text (fixture, 0, "big.jpg | big.jpg is 25.0\u00a0MB; Clarifai accepts files under 20 MB");

  /* It is not sent; the small one is. */
  collected = augur_input_grid_collect_inputs (fixture->grid);
  g_assert_cmpuint (collected->len, ==, 1);
  g_assert_cmpstr (augur_input_get_label (g_ptr_array_index (collected, 0)), ==, "small.png");
}

static void
test_grid_unreadable (GridFixture   *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "gone.png", NULL);
  g_autoptr(GFile) gone = g_file_new_for_path (path);
  const char *message;

  add_files (fixture, gone, NULL);
  wait_until (first_has_message, fixture, "the read check");
  message = augur_input_grid_get_item_message (fixture->grid, nth_item (fixture, 0));
  g_assert_cmpstr (message, ==, "gone.png was not found");
  assert_tile_text (fixture, 0, "gone.png | gone.png was not found");
}

static void
test_grid_text_model (GridFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) a = make_png (fixture, "a.png", 10);
  g_autoptr(GFile) b = make_png (fixture, "b.png", 90);
  g_autoptr(GPtrArray) collected = NULL;
  GtkWidget *text_view;
  AugurInput *input;

  text_view = find_by_accessible_label (GTK_WIDGET (fixture->grid), GTK_TYPE_TEXT_VIEW, "Text input");
  g_assert_nonnull (text_view);
  g_assert_false (is_shown (text_view, GTK_WIDGET (fixture->grid)));

  add_files (fixture, a, b, NULL);
  augur_input_grid_set_accepts (fixture->grid, FALSE, TRUE);

  g_assert_true (is_shown (text_view, GTK_WIDGET (fixture->grid)));
  g_assert_nonnull (find_shown_label (GTK_WIDGET (fixture->grid), "Type a prompt or text to classify"));
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpstr (augur_input_grid_get_item_message (fixture->grid, nth_item (fixture, i)), ==,
                       "This model takes text, not images");
      g_assert_nonnull (find_shown_label (nth_tile (fixture, i), "This model takes text, not images"));
    }

  /* Nothing to send until there is text; then only the text. */
  collected = augur_input_grid_collect_inputs (fixture->grid);
  g_assert_cmpuint (collected->len, ==, 0);
  g_clear_pointer (&collected, g_ptr_array_unref);

  augur_input_grid_set_text (fixture->grid, "  \n ");
  collected = augur_input_grid_collect_inputs (fixture->grid);
  g_assert_cmpuint (collected->len, ==, 0);
  g_clear_pointer (&collected, g_ptr_array_unref);

  augur_input_grid_set_text (fixture->grid, "The food was great");
  g_assert_null (find_shown_label (GTK_WIDGET (fixture->grid), "Type a prompt or text to classify"));
  collected = augur_input_grid_collect_inputs (fixture->grid);
  g_assert_cmpuint (collected->len, ==, 1);
  input = g_ptr_array_index (collected, 0);
  g_assert_cmpint (augur_input_get_kind (input), ==, AUGUR_INPUT_TEXT);
  g_assert_cmpstr (augur_input_get_text (input), ==, "The food was great");
  g_clear_pointer (&collected, g_ptr_array_unref);

  /* An image model: the text area goes, the images are fine again. */
  augur_input_grid_set_accepts (fixture->grid, TRUE, FALSE);
  g_assert_false (is_shown (text_view, GTK_WIDGET (fixture->grid)));
  g_assert_null (augur_input_grid_get_item_message (fixture->grid, nth_item (fixture, 0)));
  assert_tile_text (fixture, 0, "a.png");
  collected = augur_input_grid_collect_inputs (fixture->grid);
  g_assert_cmpuint (collected->len, ==, 2);
}

static void
test_grid_text_last (GridFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) a = make_png (fixture, "a.png", 10);
  g_autoptr(GFile) b = make_png (fixture, "b.png", 90);
  g_autoptr(GPtrArray) collected = NULL;
  g_autoptr(GPtrArray) text_inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *typed = NULL;
  guint changes;

  augur_input_grid_set_accepts (fixture->grid, TRUE, TRUE);
  add_files (fixture, a, NULL);
  add_url (fixture, "https://example.com/dog.png");
  add_files (fixture, b, NULL);

  changes = fixture->n_changed;
  augur_input_grid_set_text (fixture->grid, "What is in these pictures?");
  g_assert_cmpuint (fixture->n_changed, >, changes);
  typed = augur_input_grid_dup_text (fixture->grid);
  g_assert_cmpstr (typed, ==, "What is in these pictures?");

  collected = augur_input_grid_collect_inputs (fixture->grid);
  g_assert_cmpuint (collected->len, ==, 4);
  g_assert_cmpstr (augur_input_get_label (g_ptr_array_index (collected, 0)), ==, "a.png");
  g_assert_cmpstr (augur_input_get_url (g_ptr_array_index (collected, 1)), ==, "https://example.com/dog.png");
  g_assert_cmpstr (augur_input_get_label (g_ptr_array_index (collected, 2)), ==, "b.png");
  g_assert_cmpint (augur_input_get_kind (g_ptr_array_index (collected, 3)), ==, AUGUR_INPUT_TEXT);
  g_assert_cmpstr (augur_input_get_text (g_ptr_array_index (collected, 3)), ==,
                   "What is in these pictures?");

  /* A text input goes to the text area, not to a tile. */
  g_ptr_array_add (text_inputs, augur_input_new_text ("And this?"));
  augur_input_grid_add_inputs (fixture->grid, text_inputs);
  g_assert_cmpuint (n_items (fixture), ==, 3);
  g_clear_pointer (&typed, g_free);
  typed = augur_input_grid_dup_text (fixture->grid);
  g_assert_cmpstr (typed, ==, "What is in these pictures?\nAnd this?");
}

static void
test_grid_url_entry (GridFixture   *fixture,
                     gconstpointer  data)
{
  GtkWidget *entry = find_by_accessible_label (GTK_WIDGET (fixture->grid), GTK_TYPE_ENTRY, "Image URL");
  GtkWidget *add = find_by_accessible_label (GTK_WIDGET (fixture->grid), GTK_TYPE_BUTTON, "Add image URL");

  g_assert_nonnull (entry);
  g_assert_nonnull (add);

  gtk_editable_set_text (GTK_EDITABLE (entry), "ftp://example.com/cat.jpg");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (n_items (fixture), ==, 0);
  g_assert_nonnull (find_shown_label (GTK_WIDGET (fixture->grid),
                                      "Enter an image address that starts with http:// or https://"));

  gtk_editable_set_text (GTK_EDITABLE (entry), " https://example.com/cat.jpg ");
  g_assert_null (find_shown_label (GTK_WIDGET (fixture->grid), "Enter an image address"));
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (n_items (fixture), ==, 1);
  g_assert_cmpint (augur_input_get_kind (nth_item (fixture, 0)), ==, AUGUR_INPUT_IMAGE_URL);
  assert_tile_text (fixture, 0, "https://example.com/cat.jpg");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

/* Preferences ----------------------------------------------------------------------------- */

typedef struct
{
  AugurTestServer *server;
  GSettings       *settings;
  AugurContext    *context;
  GtkWidget       *window;
} PrefsFixture;

static void
clear_env (void)
{
  g_unsetenv ("CLARIFAI_PAT");
  g_unsetenv ("CLARIFAI_API_BASE");
  g_unsetenv ("CLARIFAI_ROOT_CERTIFICATES_PATH");
}

static void
prefs_setup (PrefsFixture  *fixture,
             gconstpointer  data)
{
  clear_env ();
  fixture->settings = g_settings_new ("io.github.augur.Augur");
}

/* Call after setting the environment: the context reads it when it is made. */
static void
prefs_open (PrefsFixture *fixture)
{
  fixture->context = augur_context_new (fixture->settings, NULL);
  fixture->window = augur_preferences_window_new (fixture->context);
  g_object_ref_sink (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
prefs_teardown (PrefsFixture  *fixture,
                gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->context);
  g_settings_reset (fixture->settings, "base-url");
  g_settings_reset (fixture->settings, "root-ca-path");
  g_settings_reset (fixture->settings, "request-timeout");
  g_clear_object (&fixture->settings);
  g_clear_pointer (&fixture->server, augur_test_server_free);
  clear_env ();
}

static void
test_prefs_env (PrefsFixture  *fixture,
                gconstpointer  data)
{
  AdwPreferencesRow *base_url_row, *token_row, *root_ca_row;

  g_setenv ("CLARIFAI_API_BASE", "https://clarifai.example.com", TRUE);
  prefs_open (fixture);

  base_url_row = find_row (fixture->window, "Base URL");
  g_assert_nonnull (base_url_row);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (base_url_row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (base_url_row)), ==,
                   "https://clarifai.example.com");
  g_assert_nonnull (find_shown_label (fixture->window, "Set by CLARIFAI_API_BASE for this session"));

  /* What did not come from the environment stays editable. */
  token_row = find_row (fixture->window, "Personal access token");
  root_ca_row = find_row (fixture->window, "Root CA file");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (token_row)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (root_ca_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (root_ca_row)), ==,
                   "None — only the system's certificates are trusted");
  g_assert_null (find_shown_label (fixture->window, "Set by CLARIFAI_PAT"));
  g_assert_nonnull (find_shown_label (fixture->window, "Not set"));

  /* No way to turn certificate checks off. */
  g_assert_null (find_first (fixture->window, GTK_TYPE_SWITCH));
}

static void
test_prefs_token (PrefsFixture  *fixture,
                  gconstpointer  data)
{
  AdwPreferencesRow *row;

  prefs_open (fixture);
  row = find_row (fixture->window, "Personal access token");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_nonnull (find_shown_label (fixture->window, "Not set"));
  g_assert_false (augur_context_has_token (fixture->context));

  gtk_editable_set_text (GTK_EDITABLE (row), "  my-new-token \n");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_null (find_shown_label (fixture->window, "Not set"));
  g_assert_true (augur_context_has_token (fixture->context));
  g_assert_cmpstr (augur_config_get_token (augur_context_get_config (fixture->context)), ==,
                   "my-new-token");
}

static void
test_prefs_base_url (PrefsFixture  *fixture,
                     gconstpointer  data)
{
  AdwPreferencesRow *row;
  g_autofree char *saved = NULL;

  prefs_open (fixture);
  row = find_row (fixture->window, "Base URL");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "https://api.clarifai.com");

  /* A stray path is refused with the reason, and nothing is saved. */
  gtk_editable_set_text (GTK_EDITABLE (row), "https://clarifai.example.com/v2");
  g_signal_emit_by_name (row, "apply");
  g_assert_nonnull (find_shown_label (fixture->window,
                                      "The base URL “https://clarifai.example.com/v2” has a path"));
  saved = g_settings_get_string (fixture->settings, "base-url");
  g_assert_cmpstr (saved, ==, "https://api.clarifai.com");
  g_clear_pointer (&saved, g_free);

  gtk_editable_set_text (GTK_EDITABLE (row), "https://clarifai.example.com");
  g_signal_emit_by_name (row, "apply");
  g_assert_null (find_shown_label (fixture->window, "The base URL"));
  saved = g_settings_get_string (fixture->settings, "base-url");
  g_assert_cmpstr (saved, ==, "https://clarifai.example.com");
  g_assert_cmpstr (augur_config_get_base_url (augur_context_get_config (fixture->context)), ==,
                   "https://clarifai.example.com");
}

static void
test_prefs_root_ca (PrefsFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *ca = g_build_filename (g_getenv ("TEST_CERT_DIR"), "ca.pem", NULL);
  g_autofree char *saved = NULL;
  AdwPreferencesRow *row;
  GtkWidget *clear;

  g_settings_set_string (fixture->settings, "root-ca-path", ca);
  prefs_open (fixture);

  row = find_row (fixture->window, "Root CA file");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, ca);
  g_assert_nonnull (find_button (fixture->window, "Choose…"));
  clear = find_by_accessible_label (fixture->window, GTK_TYPE_BUTTON, "Clear root CA file");
  g_assert_nonnull (clear);
  g_assert_true (is_shown (clear, fixture->window));

  g_signal_emit_by_name (clear, "clicked");
  saved = g_settings_get_string (fixture->settings, "root-ca-path");
  g_assert_cmpstr (saved, ==, "");
  g_assert_null (augur_config_get_root_ca_path (augur_context_get_config (fixture->context)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "None — only the system's certificates are trusted");
  g_assert_false (is_shown (clear, fixture->window));
}

static void
test_prefs_timeout (PrefsFixture  *fixture,
                    gconstpointer  data)
{
  GtkSpinButton *spin;

  prefs_open (fixture);
  spin = find_by_accessible_label (fixture->window, GTK_TYPE_SPIN_BUTTON, "Request timeout in seconds");
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 60);

  gtk_spin_button_set_value (spin, 120);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "request-timeout"), ==, 120);
  g_assert_cmpuint (augur_config_get_timeout (augur_context_get_config (fixture->context)), ==, 120);
}

static gboolean
test_finished (gpointer data)
{
  PrefsFixture *fixture = data;

  return gtk_widget_get_sensitive (find_button (fixture->window, "Test Connection"));
}

static void
run_connection_test (PrefsFixture *fixture)
{
  GtkWidget *button = find_button (fixture->window, "Test Connection");

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_sensitive (button));
  wait_until (test_finished, fixture, "the connection test");
}

static void
start_server (PrefsFixture *fixture,
              gboolean      https)
{
  g_autoptr(GTlsCertificate) cert = NULL;

  if (https)
    {
      const char *dir = g_getenv ("TEST_CERT_DIR");
      g_autofree char *cert_path = g_build_filename (dir, "server.pem", NULL);
      g_autofree char *key_path = g_build_filename (dir, "server.key", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (dir);
      cert = g_tls_certificate_new_from_files (cert_path, key_path, &error);
      g_assert_no_error (error);
    }
  fixture->server = augur_test_server_new (cert);
  g_setenv ("CLARIFAI_API_BASE", augur_test_server_get_base_url (fixture->server), TRUE);
}

static void
test_prefs_connection_ok (PrefsFixture  *fixture,
                          gconstpointer  data)
{
  g_autofree char *expected = NULL;
  GtkLabel *status;

  start_server (fixture, FALSE);
  g_setenv ("CLARIFAI_PAT", AUGUR_TEST_TOKEN, TRUE);
  prefs_open (fixture);

  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_row (fixture->window,
                                                                  "Personal access token"))));
  g_assert_nonnull (find_shown_label (fixture->window, "Set by CLARIFAI_PAT for this session"));

  run_connection_test (fixture);
  expected = g_strdup_printf ("Connected to %s (", augur_test_server_get_base_url (fixture->server));
  status = find_shown_label (fixture->window, "Connected to ");
  g_assert_nonnull (status);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (status), expected));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (status), " ms)"));
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/models"), ==, 1);
  g_assert_false (is_shown (find_button (fixture->window, "Choose CA File…"), fixture->window));
}

static void
test_prefs_connection_bad_token (PrefsFixture  *fixture,
                                 gconstpointer  data)
{
  start_server (fixture, FALSE);
  g_setenv ("CLARIFAI_PAT", "not-the-right-token", TRUE);
  prefs_open (fixture);

  run_connection_test (fixture);
  g_assert_nonnull (find_shown_label (fixture->window, "The server rejected the token: "));
  g_assert_null (find_shown_label (fixture->window, "Connected to "));
}

static void
test_prefs_connection_unreachable (PrefsFixture  *fixture,
                                   gconstpointer  data)
{
  /* Port 1 on loopback: nothing listens there. */
  g_setenv ("CLARIFAI_API_BASE", "http://127.0.0.1:1", TRUE);
  g_setenv ("CLARIFAI_PAT", AUGUR_TEST_TOKEN, TRUE);
  prefs_open (fixture);

  run_connection_test (fixture);
  g_assert_nonnull (find_shown_label (fixture->window, "Could not reach http://127.0.0.1:1"));
}

static void
test_prefs_connection_tls (PrefsFixture  *fixture,
                           gconstpointer  data)
{
  GtkWidget *choose;
  GtkLabel *status;

  start_server (fixture, TRUE);
  g_setenv ("CLARIFAI_PAT", AUGUR_TEST_TOKEN, TRUE);
  prefs_open (fixture);

  run_connection_test (fixture);
  status = find_shown_label (fixture->window, "Could not connect securely to");
  g_assert_nonnull (status);
  g_assert_nonnull (strstr (gtk_label_get_text (status), "unknown authority"));
  choose = find_button (fixture->window, "Choose CA File…");
  g_assert_nonnull (choose);
  g_assert_true (is_shown (choose, fixture->window));
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, NULL), ==, 0);
}

static void
test_prefs_connection_tls_with_ca (PrefsFixture  *fixture,
                                   gconstpointer  data)
{
  g_autofree char *ca = g_build_filename (g_getenv ("TEST_CERT_DIR"), "ca.pem", NULL);
  AdwPreferencesRow *root_ca_row;

  start_server (fixture, TRUE);
  g_setenv ("CLARIFAI_PAT", AUGUR_TEST_TOKEN, TRUE);
  g_setenv ("CLARIFAI_ROOT_CERTIFICATES_PATH", ca, TRUE);
  prefs_open (fixture);

  root_ca_row = find_row (fixture->window, "Root CA file");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (root_ca_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (root_ca_row)), ==, ca);
  g_assert_nonnull (find_shown_label (fixture->window,
                                      "Set by CLARIFAI_ROOT_CERTIFICATES_PATH for this session"));

  run_connection_test (fixture);
  g_assert_nonnull (find_shown_label (fixture->window, "Connected to https://127.0.0.1:"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keyring_dir = g_dir_make_tmp ("augur-keyring-XXXXXX", NULL);
  g_autofree char *keyring = g_build_filename (keyring_dir, "keyring", NULL);
  int status;

  /* Tokens set in Preferences go to libsecret's file backend, never to a real keyring. */
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Referencing the resource links its object in; its constructor registers it. */
  g_assert_nonnull (augur_get_resource ());

  g_test_add ("/ui/input-grid/add-remove", GridFixture, NULL,
              grid_setup, test_grid_add_remove, grid_teardown);
  g_test_add ("/ui/input-grid/oversize", GridFixture, NULL,
              grid_setup, test_grid_oversize, grid_teardown);
  g_test_add ("/ui/input-grid/unreadable", GridFixture, NULL,
              grid_setup, test_grid_unreadable, grid_teardown);
  g_test_add ("/ui/input-grid/text-model", GridFixture, NULL,
              grid_setup, test_grid_text_model, grid_teardown);
  g_test_add ("/ui/input-grid/text-last", GridFixture, NULL,
              grid_setup, test_grid_text_last, grid_teardown);
  g_test_add ("/ui/input-grid/url-entry", GridFixture, NULL,
              grid_setup, test_grid_url_entry, grid_teardown);

  g_test_add ("/ui/preferences/environment", PrefsFixture, NULL,
              prefs_setup, test_prefs_env, prefs_teardown);
  g_test_add ("/ui/preferences/token", PrefsFixture, NULL,
              prefs_setup, test_prefs_token, prefs_teardown);
  g_test_add ("/ui/preferences/base-url", PrefsFixture, NULL,
              prefs_setup, test_prefs_base_url, prefs_teardown);
  g_test_add ("/ui/preferences/root-ca", PrefsFixture, NULL,
              prefs_setup, test_prefs_root_ca, prefs_teardown);
  g_test_add ("/ui/preferences/timeout", PrefsFixture, NULL,
              prefs_setup, test_prefs_timeout, prefs_teardown);
  g_test_add ("/ui/preferences/test-connection/ok", PrefsFixture, NULL,
              prefs_setup, test_prefs_connection_ok, prefs_teardown);
  g_test_add ("/ui/preferences/test-connection/bad-token", PrefsFixture, NULL,
              prefs_setup, test_prefs_connection_bad_token, prefs_teardown);
  g_test_add ("/ui/preferences/test-connection/unreachable", PrefsFixture, NULL,
              prefs_setup, test_prefs_connection_unreachable, prefs_teardown);
  g_test_add ("/ui/preferences/test-connection/tls-unknown-ca", PrefsFixture, NULL,
              prefs_setup, test_prefs_connection_tls, prefs_teardown);
  g_test_add ("/ui/preferences/test-connection/tls-with-ca", PrefsFixture, NULL,
              prefs_setup, test_prefs_connection_tls_with_ca, prefs_teardown);

  status = g_test_run ();
  remove_tree (keyring_dir);
  return status;
}
