/* augur-region-overlay.h: an image with detector boxes drawn over it, each labelled;
 * one box can be highlighted (when its row is selected).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_REGION_OVERLAY (augur_region_overlay_get_type ())
G_DECLARE_FINAL_TYPE (AugurRegionOverlay, augur_region_overlay, AUGUR, REGION_OVERLAY, GtkWidget)

GtkWidget *augur_region_overlay_new           (void);
void       augur_region_overlay_set_texture   (AugurRegionOverlay *self,
                                               GdkTexture         *texture);
/* (element-type AugurRegion) */
void       augur_region_overlay_set_regions   (AugurRegionOverlay *self,
                                               GPtrArray          *regions);
/* Boxes whose value is below @min_value are hidden (negative: show all). */
void       augur_region_overlay_set_min_value (AugurRegionOverlay *self,
                                               double              min_value);
/* -1 for none */
void       augur_region_overlay_set_highlight (AugurRegionOverlay *self,
                                               int                 index);
guint      augur_region_overlay_get_n_visible (AugurRegionOverlay *self);
int        augur_region_overlay_get_highlight (AugurRegionOverlay *self);
/* (nullable) (transfer none) */
GdkTexture *augur_region_overlay_get_texture  (AugurRegionOverlay *self);
/* The colour of the box drawn for region @index, for matching swatches in lists. */
void       augur_region_overlay_get_color     (guint               index,
                                               GdkRGBA            *color);

/* The value shown and filtered on: the region's, or its top concept's when it has none. */
double     augur_region_get_display_value     (AugurRegion        *region);
/* The top concept's name, or "Object". (transfer full) */
char      *augur_region_dup_display_label     (AugurRegion        *region);
/* Whether @region is drawn: it has a box, and its display value is at least @min_value
 * (negative: any value). */
gboolean   augur_region_passes_min_value      (AugurRegion        *region,
                                               double              min_value);

G_END_DECLS
