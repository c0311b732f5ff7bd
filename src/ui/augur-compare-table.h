/* augur-compare-table.h: batch compare as a table: the input, each column's top-1 concept
 * and value, the largest |delta| and agree / disagree. Sort by any column; show only the
 * inputs where the columns disagree. Activating a row asks for its card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"

G_BEGIN_DECLS

typedef enum {
  AUGUR_COMPARE_TABLE_SORT_INDEX,
  AUGUR_COMPARE_TABLE_SORT_NAME,
  AUGUR_COMPARE_TABLE_SORT_VERDICT,
  AUGUR_COMPARE_TABLE_SORT_MAX_DELTA,
  AUGUR_COMPARE_TABLE_SORT_COLUMN_0, /* + k: column k's top-1 value */
} AugurCompareTableSort;

#define AUGUR_TYPE_COMPARE_TABLE (augur_compare_table_get_type ())
G_DECLARE_FINAL_TYPE (AugurCompareTable, augur_compare_table, AUGUR, COMPARE_TABLE, GtkWidget)

GtkWidget *augur_compare_table_new                   (void);
/* Starts over with @columns (element-type AugurCompareColumn) and one pending row per
 * input (element-type AugurInput; NULL slots allowed, their name then is "Input N"). */
void       augur_compare_table_reset                 (AugurCompareTable    *self,
                                                      GPtrArray            *columns,
                                                      GPtrArray            *inputs);
/* Row augur_comparison_get_index (@comparison) now shows @comparison. */
void       augur_compare_table_update                (AugurCompareTable    *self,
                                                      AugurComparison      *comparison);
/* Many rows at once (element-type AugurComparison), as one change of the model. */
void       augur_compare_table_update_many           (AugurCompareTable    *self,
                                                      GPtrArray            *comparisons);
void       augur_compare_table_set_only_disagreements (AugurCompareTable   *self,
                                                      gboolean              only);
gboolean   augur_compare_table_get_only_disagreements (AugurCompareTable   *self);
void       augur_compare_table_sort_by               (AugurCompareTable    *self,
                                                      AugurCompareTableSort sort,
                                                      GtkSortType           direction);
guint      augur_compare_table_get_n_visible         (AugurCompareTable    *self);
/* Input indices of the visible rows, in display order (element-type guint). */
GArray    *augur_compare_table_dup_visible_indices   (AugurCompareTable    *self);
/* What row @position (display order) shows in each table column, e.g.
 * {"1", "photo-001.png", "cat 91%", "dog 55%", "36 points", "Disagree"} — for tests. */
GStrv      augur_compare_table_dup_row_cells         (AugurCompareTable    *self,
                                                      guint                 position);
/* What a screen reader says for row @position, e.g. "photo-001.png: A cat, 91 percent;
 * B dog, 55 percent; largest difference 36 points; Disagree". */
char      *augur_compare_table_dup_row_accessible_label (AugurCompareTable *self,
                                                         guint              position);

/* Property "only-disagreements" (gboolean): what the "Only Disagreements" toggle shows.
 * Signal "comparison-activated" (guint index): the user activated the row of input @index. */

G_END_DECLS
