/* augur-compare-card.h: one input compared across columns. Concept models: rows aligned by
 * concept with a bar per column, the signed delta against the first column, "only in"
 * marks and a flag when the top-1 concepts disagree (mirror bars instead for two columns
 * when asked). Detectors: AugurCompareBoxes. Text: AugurCompareText. A failed column shows
 * its error; a pending one a spinner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_COMPARE_CARD (augur_compare_card_get_type ())
G_DECLARE_FINAL_TYPE (AugurCompareCard, augur_compare_card, AUGUR, COMPARE_CARD, GtkWidget)

/* Cards show at most this many concept rows until augur_compare_card_set_filter() says
 * otherwise, so that a view of many inputs stays light. */
#define AUGUR_COMPARE_CARD_DEFAULT_MAX_CONCEPTS 20

/* @columns: (element-type AugurCompareColumn) */
GtkWidget       *augur_compare_card_new            (GPtrArray        *columns,
                                                    AugurComparison  *comparison,
                                                    gboolean          mirror);
AugurComparison *augur_compare_card_get_comparison (AugurCompareCard *self);
void             augur_compare_card_set_comparison (AugurCompareCard *self,
                                                    AugurComparison  *comparison);
/* The image under detector boxes (nullable). */
void             augur_compare_card_set_texture    (AugurCompareCard *self,
                                                    GdkTexture       *texture);
/* @max_concepts: 0 for no limit; @min_value: negative for no threshold */
void             augur_compare_card_set_filter     (AugurCompareCard *self,
                                                    guint             max_concepts,
                                                    double            min_value);
/* The accessible label of each visible concept row (grid or mirror bars), as
 * augur_compare_describe_row() (augur-compare-strip.h) words it — for tests. */
GStrv            augur_compare_card_dup_rows       (AugurCompareCard *self);
/* The line under the title, as augur_compare_describe_verdict() words it; styled
 * .compare-disagree when the top-1 concepts differ. */
const char      *augur_compare_card_get_verdict_text (AugurCompareCard *self);
/* The error text a failed column shows, or NULL. */
const char      *augur_compare_card_get_column_error (AugurCompareCard *self,
                                                      guint             column);

/* Additions ------------------------------------------------------------------------- */

/* The title when the comparison does not know its input yet (all columns pending). */
void             augur_compare_card_set_title      (AugurCompareCard *self,
                                                    const char       *title);
const char      *augur_compare_card_get_title      (AugurCompareCard *self);
/* Mirror bars instead of the grid, when there are two columns of concepts. */
void             augur_compare_card_set_mirror     (AugurCompareCard *self,
                                                    gboolean          mirror);
/* Whether the card shows mirror bars now (asked for, and two columns of concepts). */
gboolean         augur_compare_card_get_mirror     (AugurCompareCard *self);
/* Whether the card shows detector boxes and has no image for them yet. */
gboolean         augur_compare_card_needs_image    (AugurCompareCard *self);

G_END_DECLS
