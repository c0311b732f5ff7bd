/* compare-test-data.h: predictions, columns and widget helpers shared by the compare UI tests
 * (test-compare-view, test-compare-widgets, test-compare-table). Predictions are built by
 * hand, so every number a test asserts follows from the values it passes here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "augur-core.h"

G_BEGIN_DECLS

/* Predictions -------------------------------------------------------------------------- */

/* An empty answer; @model_id NULL leaves the model unset, @duration_ms < 0 the duration. */
AugurPrediction *compare_test_prediction_new        (const char      *model_id,
                                                     const char      *version,
                                                     const char      *model_type,
                                                     double           duration_ms);
/* Name/value pairs (values are doubles) ranked as given, ending with NULL; id = name. */
void             compare_test_add_concepts          (AugurPrediction *prediction,
                                                     const char      *first_name,
                                                     ...) G_GNUC_NULL_TERMINATED;
void             compare_test_add_concepts_valist   (AugurPrediction *prediction,
                                                     const char      *first_name,
                                                     va_list          args);
/* A box from @left to @right and @top to @bottom (fractions), labelled @name at @value. */
void             compare_test_add_box               (AugurPrediction *prediction,
                                                     const char      *name,
                                                     double           top,
                                                     double           left,
                                                     double           bottom,
                                                     double           right,
                                                     double           value);
/* A text model's answer, no model set. */
AugurPrediction *compare_test_text_prediction       (const char      *text,
                                                     double           duration_ms);
/* An AUGUR_ERROR_API failure, no model set. */
AugurPrediction *compare_test_failed_prediction     (const char      *message,
                                                     double           duration_ms);
/* Takes @a, @b and @c (NULL: pending) and gives each @input (when not NULL). */
AugurComparison *compare_test_comparison_take       (guint            index,
                                                     AugurInput      *input,
                                                     guint            n_columns,
                                                     AugurPrediction *a,
                                                     AugurPrediction *b,
                                                     AugurPrediction *c);
/* Columns "A", "B", … of @model_ref; @versioned gives them versions "v1", "v2", …. */
GPtrArray       *compare_test_columns_new           (const char      *model_ref,
                                                     guint            n_columns,
                                                     gboolean         versioned);

/* Widgets ------------------------------------------------------------------------------ */

/* Appends @root (if it is a @type) and every descendant that is a @type to @found. */
void             compare_test_collect               (GtkWidget       *root,
                                                     GType            type,
                                                     GPtrArray       *found);
/* The first of those, or NULL. */
gpointer         compare_test_find                  (GtkWidget       *root,
                                                     GType            type);
/* The first GtkLabel showing @text, or NULL. */
gpointer         compare_test_find_label            (GtkWidget       *root,
                                                     const char      *text);
gboolean         compare_test_has_accessible_label  (GtkWidget       *widget,
                                                     const char      *label);
gpointer         compare_test_find_by_accessible_label (GtkWidget    *root,
                                                     GType            type,
                                                     const char      *label);

/* The main loop and the screen --------------------------------------------------------- */

/* Iterates the main loop until @done says so, for 10 s at most; returns what @done says. */
gboolean         compare_test_spin_until            (gboolean       (*done) (gpointer),
                                                     gpointer         data);
/* The application's style sheet, so columns show their colours. */
void             compare_test_load_style            (void);
void             compare_test_wait_for_paint        (GtkWindow       *window);
/* @widget in a new mapped and painted window; @width/@height ≤ 0: its natural size. */
GtkWindow       *compare_test_present               (GtkWidget       *widget,
                                                     int              width,
                                                     int              height);
/* @widget rendered with the cairo renderer, as the screen shows it. */
GdkTexture      *compare_test_render_texture        (GtkWidget       *widget);
/* AUGUR_SCREENSHOT_DIR set (meson does): keeps a picture @name.png for review. */
void             compare_test_save_screenshot       (GtkWidget       *widget,
                                                     const char      *name);

G_END_DECLS
