/* augur-compare-text.h: text models' outputs side by side, words that differ from the first
 * column highlighted (inserted / removed), with each column's time, words and characters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_COMPARE_TEXT (augur_compare_text_get_type ())
G_DECLARE_FINAL_TYPE (AugurCompareText, augur_compare_text, AUGUR, COMPARE_TEXT, GtkWidget)

GtkWidget  *augur_compare_text_new             (void);
/* @columns: (element-type AugurCompareColumn) */
void        augur_compare_text_set_comparison  (AugurCompareText *self,
                                                GPtrArray        *columns,
                                                AugurComparison  *comparison);
/* The text column @column shows (its error message when it failed). */
char       *augur_compare_text_dup_text        (AugurCompareText *self,
                                                guint             column);
/* How many words are highlighted as changed in @column. */
guint       augur_compare_text_get_n_changed   (AugurCompareText *self,
                                                guint             column);
/* e.g. "1.2 s · 42 words · 230 characters" */
const char *augur_compare_text_get_stats       (AugurCompareText *self,
                                                guint             column);

G_END_DECLS
