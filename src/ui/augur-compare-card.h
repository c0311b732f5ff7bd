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
void             augur_compare_card_set_filter     (AugurCompareCard *self,
                                                    guint             max_concepts,
                                                    double            min_value);
/* The accessible label of each visible concept row, e.g.
 * "cat: A 91 percent, B 85 percent (−6 points), top-1 in A only" — for tests. */
GStrv            augur_compare_card_dup_rows       (AugurCompareCard *self);
/* "" when the top-1 concepts agree, else e.g. "Top-1 differs: A cat, B dog". */
const char      *augur_compare_card_get_verdict_text (AugurCompareCard *self);
/* The error text a failed column shows, or NULL. */
const char      *augur_compare_card_get_column_error (AugurCompareCard *self,
                                                      guint             column);

G_END_DECLS
