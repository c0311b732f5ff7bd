/* augur-compare-strip.h: the strip above a comparison: top-1 agreement, mean absolute
 * difference over shared concepts, concepts gained and lost per column, and each column's
 * median latency with the fastest marked. Also the words and small pieces every compare widget
 * shares, so that a row reads the same in the grid, the mirror bars and the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_COMPARE_STRIP (augur_compare_strip_get_type ())
G_DECLARE_FINAL_TYPE (AugurCompareStrip, augur_compare_strip, AUGUR, COMPARE_STRIP, GtkWidget)

GtkWidget *augur_compare_strip_new        (void);
/* @columns: (element-type AugurCompareColumn); @summary: (nullable): hides the strip */
void       augur_compare_strip_set        (AugurCompareStrip         *self,
                                           GPtrArray                 *columns,
                                           const AugurCompareSummary *summary);
/* What the strip shows, one line per item, joined with "\n" ("" while hidden), e.g.
 *   Top-1 agreement 85% (17 of 20)
 *   Mean difference 4.2 points over 120 shared concepts
 *   B: 3 concepts gained, 1 lost
 *   Median time A 0.42 s · B 0.31 s (fastest)
 * Lines about concepts are left out when no column has any (text models); "Waiting for
 * results…" stands alone until something answered. For tests. */
char      *augur_compare_strip_dup_text   (AugurCompareStrip         *self);

/* Shared by the compare widgets -------------------------------------------------------- */

/* A request's time as compare headers show it: 420 ms -> "0.42 s". */
char       *augur_compare_format_seconds   (double                 duration_ms);
/* Column @column's display_name, or "A", "B"… when @columns (nullable) lacks it. */
const char *augur_compare_column_name      (GPtrArray             *columns,
                                            guint                  column);
/* A delta as cells show it, in whole points: +0.06 -> "+6", -0.12 -> "−12" (U+2212),
 * "0" when it rounds to nothing. */
char       *augur_compare_format_delta     (double                 delta);
/* "compare-delta-up", "compare-delta-down", or NULL when the delta rounds to 0 points. */
const char *augur_compare_delta_css_class  (double                 delta);
/* What a screen reader reads for one aligned row, e.g.
 *   "cat: A 91 percent, B 85 percent, 6 points lower in B, top-1 in A"
 *   "dog: A 40 percent, not in B, only in A"
 *   "car: A 10 percent, B failed"        (a pending column: "B waiting")
 * Parts, in order: each column's value ("not in B" when a column that answered lacks the
 * concept); for each later column that shares it, the change against the first column in
 * whole points ("N points higher in B", "N points lower in B", "same in B"); "only in B"
 * when one column alone has it; "top-1 in A" for each column whose top-1 it is. */
char       *augur_compare_describe_row     (GPtrArray             *columns,
                                            AugurComparison       *comparison,
                                            const AugurCompareRow *row);
/* (element-type AugurCompareColumn): a deep copy of @columns (nullable: empty). */
GPtrArray  *augur_compare_columns_copy     (GPtrArray             *columns);
/* Whether any column of @comparison (nullable) has a result. */
gboolean    augur_compare_any_succeeded    (AugurComparison       *comparison);
/* A 0–1 bar in column @column's colour, without the warning colours of low values. */
GtkWidget  *augur_compare_level_bar_new    (guint                  column,
                                            double                 value);
/* A column's value in a concept row: "91%", or a dimmed "—" when the column lacks it. */
GtkWidget  *augur_compare_value_label_new  (const AugurCompareRow *row,
                                            guint                  column);
/* A star when the concept is column @column's top-1 (tooltip and name "top-1 in A"), else an
 * empty place of the same size so that the cells of every row line up. */
GtkWidget  *augur_compare_top1_marker_new  (GPtrArray             *columns,
                                            const AugurCompareRow *row,
                                            guint                  column);
/* A row's note shows a delta: "+6" or "−12", coloured as a rise or a fall. */
void        augur_compare_note_show_delta  (GtkLabel              *note,
                                            double                 delta);
/* A row's note shows "only in B" (@column's name). */
void        augur_compare_note_show_only_in (GtkLabel             *note,
                                             GPtrArray            *columns,
                                             guint                 column);
/* Makes the list row that shows @row. */
typedef GtkWidget *(*AugurCompareRowFunc) (const AugurCompareRow *row,
                                           gpointer               user_data);
/* Appends a list row for each row of @comparison that passes @min_value, until @rows holds
 * @max_rows (0: no limit); each goes to @list_box and to @rows. */
void        augur_compare_append_rows      (GtkListBox            *list_box,
                                            GPtrArray             *rows,
                                            AugurComparison       *comparison,
                                            guint                  max_rows,
                                            double                 min_value,
                                            AugurCompareRowFunc    create_row,
                                            gpointer               user_data);
/* Stands for an empty list of concept rows: "No concepts", or "No concepts above 95%" when
 * @min_value hid them all. @comparison is nullable. */
char       *augur_compare_describe_no_rows (AugurComparison       *comparison,
                                            double                 min_value);
/* One input's verdict in words: "Top-1 differs: A cat · B dog", "Top-1 agrees: cat",
 * "Waiting for B…", "Only A answered", "No column answered"; for text models "Same text"
 * or "Texts differ"; "" when there is nothing to say. */
char       *augur_compare_describe_verdict (GPtrArray             *columns,
                                            AugurComparison       *comparison);

G_END_DECLS
