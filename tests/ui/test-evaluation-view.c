/* test-evaluation-view.c: a folder per label as ground truth, shown as the user reads it:
 * the summary line, the per-concept table, the confusion summary, and numbers that follow
 * the threshold. The folder tree is real, with small PNGs written by gdk-pixbuf.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "augur-evaluation-view.h"

static const char * const tree_files[] = {
  "cat/c1.png", "cat/c2.png", "cat/c3.png", "cat/c4.png",
  "dog/d1.png", "dog/d2.png", "dog/d3.png",
};

typedef struct
{
  char                *root;
  GFile               *folder;
  GPtrArray           *concepts;
  GPtrArray           *predictions;
  AugurGroundTruth    *truth;
  AugurEvaluationView *view;
} Fixture;

/* Helpers --------------------------------------------------------------------------------- */

static void
write_png (const char *root,
           const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 4, 4);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
}

/* @spec: "id:value,..." as the server ranked them; names are the ids without "ai_". */
static AugurPrediction *
predict (Fixture    *fixture,
         const char *relative,
         const char *spec)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_autofree char *path = g_build_filename (fixture->root, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AugurInput) input = augur_input_new_file (file);
  g_auto(GStrv) items = g_strsplit (spec, ",", -1);

  augur_prediction_set_input (prediction, input);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], ":", 2);

      g_ptr_array_add (augur_prediction_get_concepts (prediction),
                       augur_concept_new (parts[0], parts[0] + 3,
                                          g_ascii_strtod (parts[1], NULL)));
    }
  return prediction;
}

static void
unref_prediction (gpointer prediction)
{
  if (prediction != NULL)
    g_object_unref (prediction);
}

static GPtrArray *
make_predictions (Fixture *fixture)
{
  GPtrArray *predictions = g_ptr_array_new_with_free_func (unref_prediction);

  g_ptr_array_add (predictions, predict (fixture, "cat/c1.png", "ai_cat:0.9,ai_dog:0.1"));
  g_ptr_array_add (predictions, predict (fixture, "cat/c2.png", "ai_dog:0.7,ai_cat:0.2"));
  g_ptr_array_add (predictions, predict (fixture, "cat/c3.png", "ai_cat:0.4,ai_dog:0.3"));
  g_ptr_array_add (predictions, predict (fixture, "cat/c4.png", "ai_dog:0.9"));
  g_ptr_array_add (predictions, predict (fixture, "dog/d1.png", "ai_dog:0.8"));
  g_ptr_array_add (predictions, predict (fixture, "dog/d2.png", "ai_dog:0.6,ai_bird:0.1"));
  g_ptr_array_add (predictions, predict (fixture, "dog/d3.png", "ai_cat:0.55,ai_dog:0.2"));
  /* Still pending. */
  g_ptr_array_add (predictions, NULL);
  return predictions;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("augur-evaluation-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tree_files); i++)
    write_png (fixture->root, tree_files[i]);
  fixture->folder = g_file_new_for_path (fixture->root);

  fixture->concepts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (fixture->concepts, augur_concept_new ("ai_cat", "cat", 0));
  g_ptr_array_add (fixture->concepts, augur_concept_new ("ai_dog", "dog", 0));
  g_ptr_array_add (fixture->concepts, augur_concept_new ("ai_bird", "bird", 0));

  fixture->truth = augur_ground_truth_detect (fixture->folder, fixture->concepts, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->truth);
  fixture->predictions = make_predictions (fixture);

  fixture->view = g_object_ref_sink (AUGUR_EVALUATION_VIEW (augur_evaluation_view_new ()));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->view));
  g_clear_object (&fixture->truth);
  g_clear_pointer (&fixture->predictions, g_ptr_array_unref);
  g_clear_pointer (&fixture->concepts, g_ptr_array_unref);
  g_clear_object (&fixture->folder);

  for (guint i = 0; i < G_N_ELEMENTS (tree_files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->root, tree_files[i], NULL);
      g_autofree char *dir = g_path_get_dirname (path);

      g_assert_cmpint (g_remove (path), ==, 0);
      g_rmdir (dir);
    }
  g_assert_cmpint (g_rmdir (fixture->root), ==, 0);
  g_clear_pointer (&fixture->root, g_free);
}

static void
show_evaluation (Fixture *fixture)
{
  augur_evaluation_view_set_truth (fixture->view, fixture->truth);
  augur_evaluation_view_set_predictions (fixture->view, fixture->predictions);
}

static void
assert_strv (GStrv               actual,
             const char * const *expected)
{
  g_autofree char *actual_text = g_strjoinv ("\n", actual);
  g_autofree char *expected_text = g_strjoinv ("\n", (GStrv) expected);

  g_assert_cmpstr (actual_text, ==, expected_text);
}

static void
assert_rows (Fixture            *fixture,
             const char * const *expected)
{
  g_auto(GStrv) rows = augur_evaluation_view_dup_rows (fixture->view);

  assert_strv (rows, expected);
}

static void
assert_confusions (Fixture            *fixture,
                   const char * const *expected)
{
  g_auto(GStrv) confusions = augur_evaluation_view_dup_confusions (fixture->view);

  assert_strv (confusions, expected);
}

static GtkWidget *
find_list_box (GtkWidget *view,
               guint      nth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX (child) && nth-- == 0)
      return child;
  g_assert_not_reached ();
}

static guint
count_rows (GtkWidget *list_box)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Tests ----------------------------------------------------------------------------------- */

static void
test_detected (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_assert_cmpuint (augur_ground_truth_get_n_matched (fixture->truth), ==, 2);
  g_assert_cmpuint (augur_ground_truth_get_n_unmatched (fixture->truth), ==, 0);
  g_assert_true (augur_ground_truth_is_usable (fixture->truth));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  static const char * const none[] = { NULL };
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();

  g_assert_cmpstr (augur_evaluation_view_get_summary (fixture->view), ==,
                   "No ground truth folder");
  assert_rows (fixture, none);
  assert_confusions (fixture, none);

  augur_evaluation_view_set_truth (fixture->view, fixture->truth);
  g_ptr_array_add (pending, NULL);
  augur_evaluation_view_set_predictions (fixture->view, pending);
  g_assert_cmpstr (augur_evaluation_view_get_summary (fixture->view), ==,
                   "No labelled results yet");
  g_assert_cmpfloat (augur_evaluation_view_get_accuracy (fixture->view), ==, 0.0);
  assert_rows (fixture, none);
  assert_confusions (fixture, none);
  g_assert_false (gtk_widget_get_visible (find_list_box (GTK_WIDGET (fixture->view), 0)));
}

static void
test_scores (Fixture       *fixture,
             gconstpointer  user_data)
{
  /* cat: c1 right, c2 and c4 went to dog, c3 stayed under the threshold; d3 was called a cat. */
  static const char * const rows[] = {
    "cat | 1 | 1 | 3 | 50% | 25% | 33%",
    "dog | 2 | 2 | 1 | 50% | 67% | 57%",
    NULL
  };
  static const char * const confusions[] = {
    "cat → dog: 2",
    "cat → no concept: 1",
    "dog → cat: 1",
    NULL
  };
  GtkWidget *table;

  show_evaluation (fixture);

  g_assert_cmpfloat_with_epsilon (augur_evaluation_view_get_accuracy (fixture->view),
                                  3.0 / 7.0, 1e-12);
  g_assert_cmpstr (augur_evaluation_view_get_summary (fixture->view), ==,
                   "Accuracy 43% · Precision 50% · Recall 46% · 7 labelled images");
  assert_rows (fixture, rows);
  assert_confusions (fixture, confusions);

  table = find_list_box (GTK_WIDGET (fixture->view), 0);
  g_assert_true (gtk_widget_get_visible (table));
  g_assert_cmpuint (count_rows (table), ==, 2);
  g_assert_cmpuint (count_rows (find_list_box (GTK_WIDGET (fixture->view), 1)), ==, 3);
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GtkWidget *table;
  GtkWidget *row;
  g_autofree char *error = NULL;

  show_evaluation (fixture);
  table = find_list_box (GTK_WIDGET (fixture->view), 0);
  row = gtk_widget_get_first_child (table);

  g_assert_cmpstr (augur_evaluation_view_get_row_accessible_label (fixture->view, 0), ==,
                   "cat: precision 50%, recall 25%, F1 33%; true positives 1, "
                   "false positives 1, false negatives 3");
  g_assert_null (augur_evaluation_view_get_row_accessible_label (fixture->view, 2));

  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (table),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Precision and recall per concept");
  g_assert_null (error);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              augur_evaluation_view_get_row_accessible_label (fixture->view, 0));
  g_assert_null (error);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (find_list_box (GTK_WIDGET (fixture->view), 1)),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Most confused concepts");
  g_assert_null (error);
}

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_threshold (Fixture       *fixture,
                gconstpointer  user_data)
{
  /* At 0.3, c3's 0.4 counts as cat. */
  static const char * const low_rows[] = {
    "cat | 2 | 1 | 2 | 67% | 50% | 57%",
    "dog | 2 | 2 | 1 | 50% | 67% | 57%",
    NULL
  };
  static const char * const low_confusions[] = { "cat → dog: 2", "dog → cat: 1", NULL };
  /* Nothing reaches 0.95: every image is a miss and nothing is predicted. */
  static const char * const high_rows[] = {
    "cat | 0 | 0 | 4 | 0% | 0% | 0%",
    "dog | 0 | 0 | 3 | 0% | 0% | 0%",
    NULL
  };
  static const char * const high_confusions[] = {
    "cat → no concept: 4",
    "dog → no concept: 3",
    NULL
  };
  guint notified = 0;

  show_evaluation (fixture);
  g_signal_connect (fixture->view, "notify::threshold", G_CALLBACK (notified_cb), &notified);

  augur_evaluation_view_set_threshold (fixture->view, 0.3);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpfloat_with_epsilon (augur_evaluation_view_get_accuracy (fixture->view),
                                  4.0 / 7.0, 1e-12);
  g_assert_cmpstr (augur_evaluation_view_get_summary (fixture->view), ==,
                   "Accuracy 57% · Precision 58% · Recall 58% · 7 labelled images");
  assert_rows (fixture, low_rows);
  assert_confusions (fixture, low_confusions);

  augur_evaluation_view_set_threshold (fixture->view, 0.3);
  g_assert_cmpuint (notified, ==, 1);

  g_object_set (fixture->view, "threshold", 0.95, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpfloat (augur_evaluation_view_get_accuracy (fixture->view), ==, 0.0);
  assert_rows (fixture, high_rows);
  assert_confusions (fixture, high_confusions);
}

static void
test_multi_label (Fixture       *fixture,
                  gconstpointer  user_data)
{
  /* At 0.15 c3 has both cat and dog, which counts as correct for cat in multi-label. */
  show_evaluation (fixture);
  augur_evaluation_view_set_threshold (fixture->view, 0.15);
  g_assert_cmpfloat_with_epsilon (augur_evaluation_view_get_accuracy (fixture->view),
                                  4.0 / 7.0, 1e-12);
  augur_evaluation_view_set_mode (fixture->view, AUGUR_EVALUATION_MULTI_LABEL);
  g_assert_cmpint (augur_evaluation_view_get_mode (fixture->view), ==,
                   AUGUR_EVALUATION_MULTI_LABEL);
  /* c1, c2 (cat 0.2), c3, d1, d2, d3 (dog 0.2); only c4 misses. */
  g_assert_cmpfloat_with_epsilon (augur_evaluation_view_get_accuracy (fixture->view),
                                  6.0 / 7.0, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/evaluation-view/detected", test_detected);
  ADD ("/ui/evaluation-view/empty", test_empty);
  ADD ("/ui/evaluation-view/scores", test_scores);
  ADD ("/ui/evaluation-view/accessible", test_accessible);
  ADD ("/ui/evaluation-view/threshold", test_threshold);
  ADD ("/ui/evaluation-view/multi-label", test_multi_label);
#undef ADD

  return g_test_run ();
}
