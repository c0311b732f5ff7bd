/* test-batch-prefs.c: the Batches page of Preferences (requests at once, when to ask before
 * a large batch, downscaling) against GSettings, and the Export dialog's choices, from the
 * question to the file on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "augur-export-dialog.h"
#include "augur-preferences-window.h"
#include "augur-resources.h"

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

/* (nullable) the check button whose label, without mnemonic underscores, is @text */
static GtkCheckButton *
find_check (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) checks = find_all (root, GTK_TYPE_CHECK_BUTTON);

  for (guint i = 0; i < checks->len; i++)
    {
      const char *label = gtk_check_button_get_label (g_ptr_array_index (checks, i));
      g_auto(GStrv) parts = label != NULL ? g_strsplit (label, "_", -1) : NULL;
      g_autofree char *plain = parts != NULL ? g_strjoinv ("", parts) : NULL;

      if (g_strcmp0 (plain, text) == 0)
        return g_ptr_array_index (checks, i);
    }
  return NULL;
}

static gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Preferences ----------------------------------------------------------------------------- */

typedef struct
{
  GSettings    *settings;
  AugurContext *context;
  GtkWidget    *window;
} PrefsFixture;

static void
prefs_setup (PrefsFixture  *fixture,
             gconstpointer  data)
{
  fixture->settings = g_settings_new ("io.github.augur.Augur");
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
  g_settings_reset (fixture->settings, "requests-in-flight");
  g_settings_reset (fixture->settings, "confirm-above-inputs");
  g_settings_reset (fixture->settings, "downscale-longest-side");
  g_clear_object (&fixture->settings);
}

static void
test_prefs_page (PrefsFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) pages = find_all (fixture->window, ADW_TYPE_PREFERENCES_PAGE);
  AdwPreferencesPage *batches = NULL;
  GtkSpinButton *in_flight, *confirm, *side;
  GtkCheckButton *downscale;

  for (guint i = 0; i < pages->len; i++)
    if (g_strcmp0 (adw_preferences_page_get_title (g_ptr_array_index (pages, i)), "Batches") == 0)
      batches = g_ptr_array_index (pages, i);
  g_assert_nonnull (batches);

  in_flight = find_by_accessible_label (GTK_WIDGET (batches), GTK_TYPE_SPIN_BUTTON,
                                        "Requests at once");
  confirm = find_by_accessible_label (GTK_WIDGET (batches), GTK_TYPE_SPIN_BUTTON,
                                      "Ask before predicting on more inputs than");
  side = find_by_accessible_label (GTK_WIDGET (batches), GTK_TYPE_SPIN_BUTTON,
                                   "Longest side in pixels");
  downscale = find_by_accessible_label (GTK_WIDGET (batches), GTK_TYPE_CHECK_BUTTON,
                                        "Downscale images before sending");
  g_assert_nonnull (in_flight);
  g_assert_nonnull (confirm);
  g_assert_nonnull (side);
  g_assert_nonnull (downscale);

  g_assert_cmpfloat (gtk_spin_button_get_value (in_flight), ==, 4);
  g_assert_cmpfloat (gtk_spin_button_get_value (confirm), ==, 500);
  g_assert_false (gtk_check_button_get_active (downscale));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (side)));
  g_assert_nonnull (find_row (GTK_WIDGET (batches), "Downscale images before sending"));
}

static void
test_prefs_in_flight (PrefsFixture  *fixture,
                      gconstpointer  data)
{
  GtkSpinButton *spin = find_by_accessible_label (fixture->window, GTK_TYPE_SPIN_BUTTON,
                                                  "Requests at once");

  gtk_spin_button_set_value (spin, 8);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "requests-in-flight"), ==, 8);

  gtk_spin_button_set_value (spin, 99);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "requests-in-flight"), ==, 16);

  g_settings_set_uint (fixture->settings, "requests-in-flight", 2);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 2);
}

static void
test_prefs_confirm (PrefsFixture  *fixture,
                    gconstpointer  data)
{
  GtkSpinButton *spin = find_by_accessible_label (fixture->window, GTK_TYPE_SPIN_BUTTON,
                                                  "Ask before predicting on more inputs than");

  gtk_spin_button_set_value (spin, 0);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "confirm-above-inputs"), ==, 0);
  gtk_spin_button_set_value (spin, 20000);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "confirm-above-inputs"), ==, 20000);
}

static void
test_prefs_downscale (PrefsFixture  *fixture,
                      gconstpointer  data)
{
  GtkCheckButton *downscale = find_by_accessible_label (fixture->window, GTK_TYPE_CHECK_BUTTON,
                                                   "Downscale images before sending");
  GtkSpinButton *side = find_by_accessible_label (fixture->window, GTK_TYPE_SPIN_BUTTON,
                                                  "Longest side in pixels");

  /* Turning it on sends the size shown. */
  gtk_check_button_set_active (downscale, TRUE);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "downscale-longest-side"), ==, 1024);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (side)));

  gtk_spin_button_set_value (side, 512);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "downscale-longest-side"), ==, 512);

  /* Off is 0; the size is kept for next time. */
  gtk_check_button_set_active (downscale, FALSE);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "downscale-longest-side"), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (side)));
  g_assert_cmpfloat (gtk_spin_button_get_value (side), ==, 512);

  /* Changing the size while off leaves it off. */
  gtk_spin_button_set_value (side, 640);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "downscale-longest-side"), ==, 0);
  gtk_check_button_set_active (downscale, TRUE);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "downscale-longest-side"), ==, 640);

  /* And the other way round. */
  g_settings_set_uint (fixture->settings, "downscale-longest-side", 2048);
  g_assert_true (gtk_check_button_get_active (downscale));
  g_assert_cmpfloat (gtk_spin_button_get_value (side), ==, 2048);
  g_settings_set_uint (fixture->settings, "downscale-longest-side", 0);
  g_assert_false (gtk_check_button_get_active (downscale));
}

/* Export dialog --------------------------------------------------------------------------- */

typedef struct
{
  GPtrArray    *predictions;
  GAsyncResult *result;
  char         *dir;
} ExportFixture;

static AugurPrediction *
make_prediction (const char *label)
{
  g_autoptr(AugurInput) input = augur_input_new_text (label);
  g_autoptr(AugurStatus) ok = augur_status_new (AUGUR_STATUS_SUCCESS, "Ok", NULL, NULL);
  AugurPrediction *prediction = augur_prediction_new ();
  GPtrArray *concepts = augur_prediction_get_concepts (prediction);

  augur_prediction_set_input (prediction, input);
  augur_prediction_set_status (prediction, ok);
  g_ptr_array_add (concepts, augur_concept_new ("id-cat", "cat", 0.9));
  g_ptr_array_add (concepts, augur_concept_new ("id-dog", "dog", 0.6));
  g_ptr_array_add (concepts, augur_concept_new ("id-fox", "fox", 0.3));
  return prediction;
}

static void
export_setup (ExportFixture *fixture,
              gconstpointer  data)
{
  fixture->predictions = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (fixture->predictions, make_prediction ("first"));
  g_ptr_array_add (fixture->predictions, make_prediction ("second"));
  fixture->dir = g_dir_make_tmp ("augur-export-dialog-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
export_teardown (ExportFixture *fixture,
                 gconstpointer  data)
{
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->result);
  g_clear_pointer (&fixture->predictions, g_ptr_array_unref);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportFixture *fixture = user_data;

  fixture->result = g_object_ref (result);
}

static gboolean
export_finished (gpointer data)
{
  return ((ExportFixture *) data)->result != NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static AdwMessageDialog *
start_export (ExportFixture *fixture)
{
  AugurExportContext ctx = { "clarifai/main/general", "aa7f", NULL, "https://api.clarifai.com" };
  AdwMessageDialog *dialog;

  augur_export_dialog_run (NULL, fixture->predictions, &ctx, NULL, export_done_cb, fixture);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_export_choices (ExportFixture *fixture,
                     gconstpointer  data)
{
  AdwMessageDialog *dialog = start_export (fixture);
  GtkCheckButton *per_concept, *per_input;
  GtkSpinButton *top_k;
  g_autoptr(GError) error = NULL;
  double lower, upper;

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export Results");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 results"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "json"), ==, "Save as _JSON");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "csv"), ==, "Save as C_SV");
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));

  per_concept = find_check (GTK_WIDGET (dialog), "One row per input and concept");
  per_input = find_check (GTK_WIDGET (dialog), "One row per input, with the top");
  top_k = find_by_accessible_label (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON,
                                    "Number of top concepts per input");
  g_assert_nonnull (per_concept);
  g_assert_nonnull (per_input);
  g_assert_nonnull (top_k);
  g_assert_true (gtk_check_button_get_active (per_concept));
  g_assert_cmpfloat (gtk_spin_button_get_value (top_k), ==, 5);
  gtk_spin_button_get_range (top_k, &lower, &upper);
  g_assert_cmpfloat (lower, ==, 1);
  g_assert_cmpfloat (upper, ==, 20);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (top_k)));

  gtk_check_button_set_active (per_input, TRUE);
  g_assert_false (gtk_check_button_get_active (per_concept));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (top_k)));

  adw_message_dialog_response (dialog, "cancel");
  wait_until (export_finished, fixture, "the export to finish");
  g_assert_false (augur_export_dialog_run_finish (fixture->result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

/* Writing the file is tested in tests/core/test-export-file.c; the save dialog only
 * ignores Accept while it loads a folder, so it is only opened and cancelled here. */
static void
test_export_save_dialog (ExportFixture *fixture,
                         gconstpointer  data)
{
  AdwMessageDialog *dialog = start_export (fixture);
  GtkFileChooser *chooser;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  gtk_check_button_set_active (find_check (GTK_WIDGET (dialog), "One row per input, with the top"),
                               TRUE);
  adw_message_dialog_response (dialog, "csv");

  wait_until (file_chooser_shown, NULL, "the save dialog");
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "augur-results.csv");

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_until (export_finished, fixture, "the export to finish");
  g_assert_false (augur_export_dialog_run_finish (fixture->result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

static void
test_export_json_name (ExportFixture *fixture,
                       gconstpointer  data)
{
  AdwMessageDialog *dialog = start_export (fixture);
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  adw_message_dialog_response (dialog, "json");
  wait_until (file_chooser_shown, NULL, "the save dialog");
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "augur-results.json");

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_until (export_finished, fixture, "the export to finish");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (augur_get_resource ());

  g_test_add ("/ui/batch-prefs/page", PrefsFixture, NULL,
              prefs_setup, test_prefs_page, prefs_teardown);
  g_test_add ("/ui/batch-prefs/in-flight", PrefsFixture, NULL,
              prefs_setup, test_prefs_in_flight, prefs_teardown);
  g_test_add ("/ui/batch-prefs/confirm", PrefsFixture, NULL,
              prefs_setup, test_prefs_confirm, prefs_teardown);
  g_test_add ("/ui/batch-prefs/downscale", PrefsFixture, NULL,
              prefs_setup, test_prefs_downscale, prefs_teardown);
  g_test_add ("/ui/export-dialog/choices", ExportFixture, NULL,
              export_setup, test_export_choices, export_teardown);
  g_test_add ("/ui/export-dialog/save-dialog", ExportFixture, NULL,
              export_setup, test_export_save_dialog, export_teardown);
  g_test_add ("/ui/export-dialog/json-name", ExportFixture, NULL,
              export_setup, test_export_json_name, export_teardown);

  return g_test_run ();
}
