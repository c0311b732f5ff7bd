/* test-compare-columns.c: picking what Compare compares, against the fake server: the
 * columns, their version lists, the names they get, and what went over the wire.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <adwaita.h>

#include "augur-compare-columns.h"
#include "augur-test-server.h"

#define WAIT_TIMEOUT_US (20 * G_USEC_PER_SEC)

typedef struct
{
  AugurTestServer     *server;
  GSettings           *settings;
  AugurContext        *context;
  GtkWidget           *window;
  AugurCompareColumns *columns;
  guint                n_changed;
} Fixture;

/* Helpers ------------------------------------------------------------------------------ */

static void
changed_cb (AugurCompareColumns *columns,
            Fixture             *fixture)
{
  fixture->n_changed++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->server = augur_test_server_new (NULL);
  g_setenv ("CLARIFAI_API_BASE", augur_test_server_get_base_url (fixture->server), TRUE);
  g_setenv ("CLARIFAI_PAT", AUGUR_TEST_TOKEN, TRUE);
  g_unsetenv ("CLARIFAI_ROOT_CERTIFICATES_PATH");
  fixture->settings = g_settings_new ("io.github.augur.Augur");
  fixture->context = augur_context_new (fixture->settings, NULL);
  g_assert_nonnull (augur_context_get_client (fixture->context));

  fixture->columns = AUGUR_COMPARE_COLUMNS (g_object_ref_sink (augur_compare_columns_new ()));
  augur_compare_columns_set_context (fixture->columns, fixture->context);
  g_signal_connect (fixture->columns, "changed", G_CALLBACK (changed_cb), fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->columns));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->columns);
  /* Cancelled requests still report back; let them before the client goes. */
  drain_main_context ();
  g_assert_finalize_object (fixture->context);
  g_clear_object (&fixture->settings);
  augur_test_server_free (fixture->server);
  g_unsetenv ("CLARIFAI_API_BASE");
  g_unsetenv ("CLARIFAI_PAT");
}

static void
wait_until_loaded (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (augur_compare_columns_is_loading (fixture->columns))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the version lists");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
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

static gboolean
has_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  g_free (mismatch);
  return mismatch == NULL;
}

/* (nullable): the widget of @type under the columns that a screen reader calls @label */
static gpointer
find_labelled (Fixture    *fixture,
               GType       type,
               const char *label)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (fixture->columns), type, all);
  for (guint i = 0; i < all->len; i++)
    if (has_accessible_label (g_ptr_array_index (all, i), label))
      return g_ptr_array_index (all, i);
  return NULL;
}

static GtkEntry *
model_entry (Fixture    *fixture,
             const char *letter)
{
  g_autofree char *label = g_strdup_printf ("Model of column %s", letter);
  GtkEntry *entry = find_labelled (fixture, GTK_TYPE_ENTRY, label);

  g_assert_nonnull (entry);
  return entry;
}

static GtkDropDown *
version_dropdown (Fixture    *fixture,
                  const char *letter)
{
  g_autofree char *label = g_strdup_printf ("Version of column %s", letter);
  GtkDropDown *dropdown = find_labelled (fixture, GTK_TYPE_DROP_DOWN, label);

  g_assert_nonnull (dropdown);
  return dropdown;
}

static const char *
dropdown_item (GtkDropDown *dropdown,
               guint        i)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  return gtk_string_list_get_string (GTK_STRING_LIST (model), i);
}

static guint
dropdown_n_items (GtkDropDown *dropdown)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (dropdown));
}

/* Whether a remove button named @label is there and shown. */
static gboolean
remove_button_shown (Fixture    *fixture,
                     const char *label)
{
  GtkWidget *button = find_labelled (fixture, GTK_TYPE_BUTTON, label);

  return button != NULL && gtk_widget_get_visible (button);
}

static GtkWidget *
add_button (Fixture *fixture)
{
  GtkWidget *button = find_labelled (fixture, GTK_TYPE_BUTTON, "Add Column");

  g_assert_nonnull (button);
  return button;
}

static void
type_and_activate (GtkEntry   *entry,
                   const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static char *
joined_names (AugurCompareColumns *columns)
{
  g_autoptr(GPtrArray) list = augur_compare_columns_dup_columns (columns);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_assert_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      AugurCompareColumn *column = g_ptr_array_index (list, i);

      g_strv_builder_add (names, column->display_name);
    }
  strv = g_strv_builder_end (names);
  return g_strjoinv ("|", strv);
}

static const char *
ref_version (GPtrArray *refs,
             guint      i)
{
  return ((AugurModelRef *) g_ptr_array_index (refs, i))->version_id;
}

/* How many version lists of @model_id the server was asked for. */
static guint
count_version_lists (Fixture    *fixture,
                     const char *model_id)
{
  g_autoptr(GPtrArray) requests = augur_test_server_get_requests (fixture->server);
  g_autofree char *suffix = g_strdup_printf ("/users/u/apps/a/models/%s/versions", model_id);
  guint n = 0;

  for (guint i = 0; i < requests->len; i++)
    {
      AugurTestRequest *request = g_ptr_array_index (requests, i);

      if (g_str_equal (request->method, "GET") && g_str_has_suffix (request->path, suffix))
        n++;
    }
  return n;
}

static void
start_from_model (Fixture    *fixture,
                  const char *version_id)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_new ("u", "a", "m", version_id);

  augur_compare_columns_start_from (fixture->columns, ref);
  wait_until_loaded (fixture);
}

/* Tests -------------------------------------------------------------------------------- */

static void
test_start_from_latest (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_new ("u", "a", "m", NULL);
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *names = NULL;
  GtkDropDown *b;

  augur_compare_columns_start_from (fixture->columns, ref);
  g_assert_cmpuint (augur_compare_columns_get_n_columns (fixture->columns), ==, 2);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* While the versions load, the drop-down says so and cannot be used. */
  g_assert_true (augur_compare_columns_is_loading (fixture->columns));
  b = version_dropdown (fixture, "B");
  g_assert_cmpuint (dropdown_n_items (b), ==, 1);
  g_assert_cmpstr (dropdown_item (b, 0), ==, "Loading versions…");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (b)));

  wait_until_loaded (fixture);
  g_assert_cmpuint (fixture->n_changed, ==, 2);   /* B chose its version */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (b)));
  g_assert_cmpuint (dropdown_n_items (b), ==, 3);
  g_assert_cmpstr (dropdown_item (b, 0), ==, "Latest");
  g_assert_true (g_str_has_prefix (dropdown_item (b, 1), "b5a0f0e1"));
  g_assert_true (g_str_has_prefix (dropdown_item (b, 2), "0a1b2c3d"));
  g_assert_cmpuint (gtk_drop_down_get_selected (b), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (version_dropdown (fixture, "A")), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (model_entry (fixture, "A"))), ==, "u/a/m");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (model_entry (fixture, "B"))), ==, "u/a/m");

  refs = augur_compare_columns_dup_refs (fixture->columns);
  g_assert_nonnull (refs);
  g_assert_cmpuint (refs->len, ==, 2);
  g_assert_cmpstr (((AugurModelRef *) g_ptr_array_index (refs, 0))->model_id, ==, "m");
  g_assert_null (ref_version (refs, 0));
  g_assert_cmpstr (ref_version (refs, 1), ==, AUGUR_TEST_VERSION_OLDER);

  list = augur_compare_columns_dup_columns (fixture->columns);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((AugurCompareColumn *) g_ptr_array_index (list, 0))->model_ref, ==, "u/a/m");
  g_assert_cmpstr (((AugurCompareColumn *) g_ptr_array_index (list, 1))->version_id, ==,
                   AUGUR_TEST_VERSION_OLDER);
  names = joined_names (fixture->columns);
  g_assert_cmpstr (names, ==, "A · Latest|B · 0a1b2c3d");

  /* Two columns: nothing to remove; one list per column, of the right model. */
  g_assert_false (remove_button_shown (fixture, "Remove Column A"));
  g_assert_false (remove_button_shown (fixture, "Remove Column B"));
  g_assert_cmpuint (count_version_lists (fixture, "m"), ==, 2);
}

static void
test_start_from_version (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autofree char *names = NULL;

  start_from_model (fixture, AUGUR_TEST_VERSION_OLDER);

  refs = augur_compare_columns_dup_refs (fixture->columns);
  g_assert_cmpstr (ref_version (refs, 0), ==, AUGUR_TEST_VERSION_OLDER);
  g_assert_cmpstr (ref_version (refs, 1), ==, AUGUR_TEST_VERSION_LATEST);
  g_assert_cmpuint (gtk_drop_down_get_selected (version_dropdown (fixture, "A")), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (version_dropdown (fixture, "B")), ==, 1);
  names = joined_names (fixture->columns);
  g_assert_cmpstr (names, ==, "A · 0a1b2c3d|B · b5a0f0e1");
}

static void
test_choose_version (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint n_changed;

  start_from_model (fixture, NULL);
  n_changed = fixture->n_changed;

  gtk_drop_down_set_selected (version_dropdown (fixture, "B"), 0);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 1);
  refs = augur_compare_columns_dup_refs (fixture->columns);
  g_assert_null (ref_version (refs, 1));

  augur_compare_columns_set_version (fixture->columns, 0, AUGUR_TEST_VERSION_LATEST);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (version_dropdown (fixture, "A")), ==, 1);
  augur_compare_columns_set_version (fixture->columns, 0, AUGUR_TEST_VERSION_LATEST);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 2);
  after = augur_compare_columns_dup_refs (fixture->columns);
  g_assert_cmpstr (ref_version (after, 0), ==, AUGUR_TEST_VERSION_LATEST);
}

static void
test_add_and_remove (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *four = NULL;
  g_autofree char *three = NULL;
  guint n_changed;

  start_from_model (fixture, NULL);
  n_changed = fixture->n_changed;
  g_assert_true (gtk_widget_get_sensitive (add_button (fixture)));

  g_signal_emit_by_name (add_button (fixture), "clicked");
  g_assert_cmpuint (augur_compare_columns_get_n_columns (fixture->columns), ==, 3);
  g_assert_true (remove_button_shown (fixture, "Remove Column A"));
  g_assert_true (remove_button_shown (fixture, "Remove Column C"));
  g_assert_nonnull (model_entry (fixture, "C"));
  g_assert_true (augur_compare_columns_add_column (fixture->columns));
  g_assert_cmpuint (augur_compare_columns_get_n_columns (fixture->columns), ==, 4);
  g_assert_cmpuint (fixture->n_changed, >=, n_changed + 2);
  g_assert_false (gtk_widget_get_sensitive (add_button (fixture)));
  g_assert_false (augur_compare_columns_add_column (fixture->columns));
  g_assert_cmpuint (augur_compare_columns_get_n_columns (fixture->columns), ==, 4);

  /* New columns show the same model; every version is taken, so they show Latest. */
  wait_until_loaded (fixture);
  four = joined_names (fixture->columns);
  g_assert_cmpstr (four, ==, "A · Latest|B · 0a1b2c3d|C · Latest|D · Latest");

  /* Removing B renames the columns after it, and "Add Column" works again. */
  n_changed = fixture->n_changed;
  g_signal_emit_by_name (find_labelled (fixture, GTK_TYPE_BUTTON, "Remove Column B"), "clicked");
  g_assert_cmpuint (augur_compare_columns_get_n_columns (fixture->columns), ==, 3);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 1);
  g_assert_null (find_labelled (fixture, GTK_TYPE_ENTRY, "Model of column D"));
  g_assert_true (gtk_widget_get_sensitive (add_button (fixture)));
  three = joined_names (fixture->columns);
  g_assert_cmpstr (three, ==, "A · Latest|B · Latest|C · Latest");

  augur_compare_columns_remove_column (fixture->columns, 2);
  g_assert_cmpuint (augur_compare_columns_get_n_columns (fixture->columns), ==, 2);
  g_assert_false (remove_button_shown (fixture, "Remove Column A"));
  g_assert_false (remove_button_shown (fixture, "Remove Column B"));
}

static void
test_remove_keeps_focus (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *remove;
  GtkWidget *focus;
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  start_from_model (fixture, NULL);
  g_assert_true (augur_compare_columns_add_column (fixture->columns));
  g_assert_true (augur_compare_columns_add_column (fixture->columns));
  wait_until_loaded (fixture);

  remove = find_labelled (fixture, GTK_TYPE_BUTTON, "Remove Column B");
  g_assert_true (gtk_widget_grab_focus (remove));
  /* As Space or Enter does; the button shows itself pressed for a moment first. */
  gtk_widget_activate (remove);
  while (augur_compare_columns_get_n_columns (fixture->columns) != 3)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the column to go");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  /* The focus moves to the column that took B's place, not to the top of the window. */
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (model_entry (fixture, "B"))));
}

static void
test_sync_switch (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkSwitch *sync = find_labelled (fixture, GTK_TYPE_SWITCH, "Same settings for every column");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  AdwActionRow *row = NULL;
  gboolean value = FALSE;

  g_assert_nonnull (sync);
  g_assert_true (augur_compare_columns_get_sync_controls (fixture->columns));
  g_assert_true (gtk_switch_get_active (sync));
  g_object_get (fixture->columns, "sync-controls", &value, NULL);
  g_assert_true (value);

  collect_widgets (GTK_WIDGET (fixture->columns), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)),
                   "Same settings for every column") == 0)
      row = g_ptr_array_index (rows, i);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Off: each column uses the settings remembered for its model and version");

  gtk_switch_set_active (sync, FALSE);
  g_assert_false (augur_compare_columns_get_sync_controls (fixture->columns));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  augur_compare_columns_set_sync_controls (fixture->columns, FALSE);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  augur_compare_columns_set_sync_controls (fixture->columns, TRUE);
  g_assert_true (gtk_switch_get_active (sync));
  g_assert_cmpuint (fixture->n_changed, ==, 2);
}

static void
test_invalid_model (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkEntry *entry;
  g_autoptr(GPtrArray) refs = NULL;
  guint n_changed;

  start_from_model (fixture, NULL);
  entry = model_entry (fixture, "B");
  n_changed = fixture->n_changed;

  /* Typing alone changes nothing: the entry is applied on Enter or when focus leaves. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "not a model");
  g_assert_cmpuint (fixture->n_changed, ==, n_changed);
  refs = augur_compare_columns_dup_refs (fixture->columns);
  g_assert_nonnull (refs);
  g_clear_pointer (&refs, g_ptr_array_unref);

  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 1);
  g_assert_null (augur_compare_columns_dup_refs (fixture->columns));
  g_assert_null (augur_compare_columns_dup_columns (fixture->columns));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (entry)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (entry)),
                            "not a model reference"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (model_entry (fixture, "A")), "error"));

  /* Fixing it clears the error and lists the versions of the new model. */
  type_and_activate (entry, "u/a/other");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (entry)));
  wait_until_loaded (fixture);
  refs = augur_compare_columns_dup_refs (fixture->columns);
  g_assert_nonnull (refs);
  g_assert_cmpstr (((AugurModelRef *) g_ptr_array_index (refs, 1))->model_id, ==, "other");
  g_assert_null (ref_version (refs, 1));
  g_assert_cmpuint (count_version_lists (fixture, "other"), ==, 1);
  g_assert_cmpuint (dropdown_n_items (version_dropdown (fixture, "B")), ==, 3);
}

static void
test_url_with_version (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkEntry *entry;
  g_autoptr(GPtrArray) refs = NULL;
  g_autofree char *names = NULL;
  g_autofree char *same = NULL;
  guint n_changed;

  start_from_model (fixture, NULL);
  entry = model_entry (fixture, "B");
  augur_compare_columns_set_version (fixture->columns, 1, NULL);
  augur_test_server_clear_requests (fixture->server);

  /* The same model at another version: only the version changes. */
  n_changed = fixture->n_changed;
  type_and_activate (entry, "https://clarifai.com/u/a/models/m/versions/" AUGUR_TEST_VERSION_OLDER);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "u/a/m");
  g_assert_cmpuint (gtk_drop_down_get_selected (version_dropdown (fixture, "B")), ==, 2);
  g_assert_cmpuint (count_version_lists (fixture, "m"), ==, 0);
  same = joined_names (fixture->columns);
  g_assert_cmpstr (same, ==, "A · Latest|B · 0a1b2c3d");

  /* Another model: its versions are listed and the one in the URL stays chosen. */
  type_and_activate (entry, "https://clarifai.com/u/a/models/other/versions/"
                            AUGUR_TEST_VERSION_OLDER);
  refs = augur_compare_columns_dup_refs (fixture->columns);
  g_assert_cmpstr (ref_version (refs, 1), ==, AUGUR_TEST_VERSION_OLDER);
  wait_until_loaded (fixture);
  g_assert_cmpuint (count_version_lists (fixture, "other"), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (version_dropdown (fixture, "B")), ==, 2);
  names = joined_names (fixture->columns);
  g_assert_cmpstr (names, ==, "A · m|B · other@0a1b2c3d");
}

static void
test_focus_out_applies (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkEntry *entry;
  g_autoptr(GPtrArray) refs = NULL;
  guint n_changed;

  start_from_model (fixture, NULL);
  entry = model_entry (fixture, "A");
  n_changed = fixture->n_changed;

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "u/a/m@" AUGUR_TEST_VERSION_OLDER);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed);
  gtk_widget_grab_focus (GTK_WIDGET (model_entry (fixture, "B")));
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 1);

  refs = augur_compare_columns_dup_refs (fixture->columns);
  g_assert_cmpstr (ref_version (refs, 0), ==, AUGUR_TEST_VERSION_OLDER);
}

static void
test_set_refs (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) refs =
    g_ptr_array_new_with_free_func ((GDestroyNotify) augur_model_ref_free);
  g_autoptr(GPtrArray) got = NULL;
  g_autofree char *names = NULL;

  g_ptr_array_add (refs, augur_model_ref_new ("u", "a", "m", AUGUR_TEST_VERSION_OLDER));
  g_ptr_array_add (refs, augur_model_ref_new ("u", "a", "m", AUGUR_TEST_VERSION_LATEST));
  g_ptr_array_add (refs, augur_model_ref_new ("u", "a", "m", NULL));
  augur_compare_columns_set_refs (fixture->columns, refs);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  wait_until_loaded (fixture);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  g_assert_cmpuint (augur_compare_columns_get_n_columns (fixture->columns), ==, 3);
  got = augur_compare_columns_dup_refs (fixture->columns);
  g_assert_cmpuint (got->len, ==, 3);
  for (guint i = 0; i < refs->len; i++)
    g_assert_true (augur_model_ref_equal (g_ptr_array_index (refs, i), g_ptr_array_index (got, i)));
  names = joined_names (fixture->columns);
  g_assert_cmpstr (names, ==, "A · 0a1b2c3d|B · b5a0f0e1|C · Latest");
  g_assert_true (remove_button_shown (fixture, "Remove Column C"));
}

static void
test_versions_fail (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkDropDown *b;
  const char *tooltip;
  g_autoptr(GPtrArray) refs = NULL;

  augur_test_server_queue_fixture (fixture->server, "GET", "/versions", 404,
                                   "error-model-does-not-exist.response.json");
  augur_test_server_queue_fixture (fixture->server, "GET", "/versions", 404,
                                   "error-model-does-not-exist.response.json");
  start_from_model (fixture, NULL);

  b = version_dropdown (fixture, "B");
  g_assert_cmpuint (dropdown_n_items (b), ==, 1);
  g_assert_cmpstr (dropdown_item (b, 0), ==, "Latest");
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (model_entry (fixture, "B")));
  g_assert_nonnull (tooltip);
  g_assert_cmpstr (tooltip, !=, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (model_entry (fixture, "B")), "error"));

  refs = augur_compare_columns_dup_refs (fixture->columns);
  g_assert_nonnull (refs);
  g_assert_null (ref_version (refs, 0));
  g_assert_null (ref_version (refs, 1));
  g_assert_cmpuint (augur_test_server_count_queued (fixture->server), ==, 0);
}

static void
test_dispose_while_loading (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_new ("u", "a", "m", NULL);

  augur_test_server_set_delay (fixture->server, 200);
  augur_compare_columns_start_from (fixture->columns, ref);
  g_assert_true (augur_compare_columns_is_loading (fixture->columns));
  /* teardown destroys the widget with both requests in flight */
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/compare-columns/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("start-from-latest", test_start_from_latest);
  ADD ("start-from-version", test_start_from_version);
  ADD ("choose-version", test_choose_version);
  ADD ("add-and-remove", test_add_and_remove);
  ADD ("remove-keeps-focus", test_remove_keeps_focus);
  ADD ("sync-switch", test_sync_switch);
  ADD ("invalid-model", test_invalid_model);
  ADD ("url-with-version", test_url_with_version);
  ADD ("focus-out-applies", test_focus_out_applies);
  ADD ("set-refs", test_set_refs);
  ADD ("versions-fail", test_versions_fail);
  ADD ("dispose-while-loading", test_dispose_while_loading);
#undef ADD

  return g_test_run ();
}
