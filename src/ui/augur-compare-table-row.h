/* augur-compare-table-row.h: one input of a batch compare as a list item, and what the
 * compare table shows for it: the text and style of each cell, the sort order of each
 * column and the row's accessible label. No widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core.h"

G_BEGIN_DECLS

typedef enum {
  AUGUR_COMPARE_TABLE_CELL_INDEX,
  AUGUR_COMPARE_TABLE_CELL_NAME,
  AUGUR_COMPARE_TABLE_CELL_RESULT,
  AUGUR_COMPARE_TABLE_CELL_MAX_DELTA,
  AUGUR_COMPARE_TABLE_CELL_VERDICT,
} AugurCompareTableCell;

/* What one table column shows; @column is the compare column of a RESULT cell. */
typedef struct {
  AugurCompareTableCell kind;
  guint                 column;
} AugurCompareTableCellSpec;

#define AUGUR_TYPE_COMPARE_TABLE_ROW (augur_compare_table_row_get_type ())
G_DECLARE_FINAL_TYPE (AugurCompareTableRow, augur_compare_table_row,
                      AUGUR, COMPARE_TABLE_ROW, GObject)

/* A row that waits for its first answer. @input: (nullable): then the row is "Input N". */
AugurCompareTableRow *augur_compare_table_row_new          (guint                 index,
                                                            AugurInput           *input);
/* Rows never change: an answer makes a new row, with @before's index and label. */
AugurCompareTableRow *augur_compare_table_row_new_answered (AugurCompareTableRow *before,
                                                            AugurComparison      *comparison);
guint            augur_compare_table_row_get_index      (AugurCompareTableRow *self);
const char      *augur_compare_table_row_get_label      (AugurCompareTableRow *self);
/* (nullable): NULL until the first answer */
AugurComparison *augur_compare_table_row_get_comparison (AugurCompareTableRow *self);
gboolean         augur_compare_table_row_disagrees      (AugurCompareTableRow *self);

char       *augur_compare_table_row_dup_cell_text  (AugurCompareTableRow            *self,
                                                    const AugurCompareTableCellSpec *spec);
/* (nullable): the CSS class of the cell's label: "numeric", "error", "dim-label",
 * "compare-disagree" */
const char *augur_compare_table_row_get_cell_style (AugurCompareTableRow            *self,
                                                    const AugurCompareTableCellSpec *spec);
/* Ascending order of a table column; ties fall back to the input order. */
int         augur_compare_table_row_compare        (AugurCompareTableRow            *a,
                                                    AugurCompareTableRow            *b,
                                                    const AugurCompareTableCellSpec *spec);
/* "photo-001.png: A cat, 91 percent; B dog, 55 percent; largest difference 36 points;
 * Disagree". @columns: (element-type AugurCompareColumn) */
char       *augur_compare_table_row_dup_accessible_label (AugurCompareTableRow *self,
                                                          GPtrArray            *columns);

G_END_DECLS
