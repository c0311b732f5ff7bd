/* window-fixture.h: the real window against the fake server, shared by the window tests.
 *
 * Register tests with g_test_add (path, WindowFixture, GINT_TO_POINTER (AUGUR_TEST_MODEL_…),
 * window_fixture_set_up, test_func, window_fixture_tear_down). Set-up starts the fake server
 * answering as that model kind, points CLARIFAI_PAT/CLARIFAI_API_BASE at it, builds and
 * presents a window, and writes one PNG (image_path). A test that needs more state hangs it
 * on user_data; tear-down frees it with user_data_free.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "augur-batch-row.h"
#include "augur-result-view.h"
#include "augur-test-server.h"
#include "augur-window-private.h"

G_BEGIN_DECLS

typedef struct
{
  AugurTestServer *server;
  AugurContext    *context;
  AugurWindow     *window;
  char            *image_path;      /* a 64×48 PNG in the temporary directory */

  /* For the test's own state */
  gpointer         user_data;
  GDestroyNotify   user_data_free;  /* (nullable) called on user_data at tear-down */
} WindowFixture;

typedef gboolean (*WindowFixtureCondition) (WindowFixture *fixture);

typedef void (*WindowFixtureTest) (WindowFixture *fixture,
                                   gconstpointer  data);

/* g_test_add() with this fixture, the server answering as @model */
void             window_fixture_add                 (const char             *path,
                                                     AugurTestServerModel    model,
                                                     WindowFixtureTest       test);
void             window_fixture_set_up              (WindowFixture          *fixture,
                                                     gconstpointer           data);
void             window_fixture_tear_down           (WindowFixture          *fixture,
                                                     gconstpointer           data);

/* Spins the default main context until @condition holds; fails the test (naming @what)
 * after 20 s. */
void             window_fixture_wait_until          (WindowFixture          *fixture,
                                                     WindowFixtureCondition  condition,
                                                     const char             *what);
/* Spins the default main context for about @ms milliseconds (to let things settle; never
 * a substitute for waiting on a condition). */
void             window_fixture_spin                (guint                   ms);

/* Common conditions */
gboolean         window_fixture_model_loaded        (WindowFixture          *fixture);
gboolean         window_fixture_concepts_loaded     (WindowFixture          *fixture);
gboolean         window_fixture_has_one_input       (WindowFixture          *fixture);
gboolean         window_fixture_prediction_done     (WindowFixture          *fixture);
gboolean         window_fixture_not_busy            (WindowFixture          *fixture);

/* Writes a 64×48 PNG of a colour derived from @shade (distinct shades, distinct bytes). */
void             window_fixture_write_png           (const char             *path,
                                                     guint8                  shade);
/* Creates @folder with @n PNGs named "@prefix-000.png"…, of distinct content; returns
 * their paths in order. (transfer full) */
GPtrArray       *window_fixture_write_pngs          (const char             *folder,
                                                     const char             *prefix,
                                                     guint                   n);
/* Removes @folder and the files directly in it. */
void             window_fixture_remove_folder       (const char             *folder);

/* Parses @url (fails the test if invalid), selects it and waits for the model to load. */
void             window_fixture_select_model        (WindowFixture          *fixture,
                                                     const char             *url);
/* Drops @path (a file or folder) on the window the way a real drop does: the drop
 * target's "drop" with a GdkFileList. The _no_wait form returns at once; drop_files
 * waits until the grid shows exactly one input. */
void             window_fixture_drop_files_no_wait  (WindowFixture          *fixture,
                                                     const char             *path);
void             window_fixture_drop_files          (WindowFixture          *fixture,
                                                     const char             *path);
void             window_fixture_drop_path           (WindowFixture          *fixture,
                                                     const char             *path);
/* Activates win.predict and waits until the window is idle with at least one result. */
void             window_fixture_predict             (WindowFixture          *fixture);

/* Under $AUGUR_SCREENSHOT_DIR, if set: a PNG of the window's content. */
void             window_fixture_save_screenshot     (WindowFixture          *fixture,
                                                     const char             *name);

/* The cards of the results box */
guint            window_fixture_count_results       (WindowFixture          *fixture);
AugurResultView *window_fixture_nth_result          (WindowFixture          *fixture,
                                                     guint                   n);
/* The prediction the nth card shows (transfer none) */
AugurPrediction *window_fixture_nth_prediction      (WindowFixture          *fixture,
                                                     guint                   n);
/* Rows of the batch table's store in @state */
guint            window_fixture_count_rows_in_state (WindowFixture          *fixture,
                                                     AugurBatchRowState      state);

/* Depth-first: @widget itself or its first descendant of @type, or %NULL. */
GtkWidget       *window_fixture_find_widget_of_type (GtkWidget              *widget,
                                                     GType                   type);
/* The first widget of @type in any toplevel window (dialogs included), or %NULL. */
GtkWidget       *window_fixture_find_in_toplevels   (GType                   type);

/* (transfer full) a JSON number, for augur_controls_panel_set_value() */
JsonNode        *window_fixture_number_node         (double                  value);

G_END_DECLS
