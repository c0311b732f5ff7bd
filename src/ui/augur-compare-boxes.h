/* augur-compare-boxes.h: one image with every column's detector boxes drawn in the column's
 * colour, and a toggle per column above it to show or hide that column's boxes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_COMPARE_BOXES (augur_compare_boxes_get_type ())
G_DECLARE_FINAL_TYPE (AugurCompareBoxes, augur_compare_boxes, AUGUR, COMPARE_BOXES, GtkWidget)

GtkWidget *augur_compare_boxes_new                (void);
void       augur_compare_boxes_set_texture        (AugurCompareBoxes *self,
                                                   GdkTexture        *texture);
/* @columns: (element-type AugurCompareColumn) */
void       augur_compare_boxes_set_comparison     (AugurCompareBoxes *self,
                                                   GPtrArray         *columns,
                                                   AugurComparison   *comparison);
/* Boxes below @min_value are hidden (negative: show all). */
void       augur_compare_boxes_set_min_value      (AugurCompareBoxes *self,
                                                   double             min_value);
void       augur_compare_boxes_set_column_visible (AugurCompareBoxes *self,
                                                   guint              column,
                                                   gboolean           visible);
gboolean   augur_compare_boxes_get_column_visible (AugurCompareBoxes *self,
                                                   guint              column);
/* Boxes drawn now, over the visible columns. */
guint      augur_compare_boxes_get_n_drawn        (AugurCompareBoxes *self);
/* The legend under the image, e.g. "A: 3 boxes · B: 3 boxes (1 new, 2 matched)". */
char      *augur_compare_boxes_dup_legend         (AugurCompareBoxes *self);

G_END_DECLS
