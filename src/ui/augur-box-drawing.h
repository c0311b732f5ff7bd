/* augur-box-drawing.h: what the views that draw detector boxes share: the image fitted to
 * the widget (or a placeholder frame), relative boxes scaled onto it, outlines and chips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"

G_BEGIN_DECLS

/* The width of a box's outline. */
#define AUGUR_BOX_BORDER_WIDTH 2.0f

/* Height-for-width sizing of a view that shows @texture (nullable: a 4:3 placeholder frame):
 * its natural width is the image's, clamped to @min_natural_width and at most 640 pixels, and
 * its height keeps the image's aspect. */
void            augur_box_drawing_measure        (GdkTexture            *texture,
                                                  GtkOrientation         orientation,
                                                  int                    for_size,
                                                  int                    min_natural_width,
                                                  int                   *minimum,
                                                  int                   *natural);
/* The rectangle @texture (nullable) is drawn in: fitted to @width × @height, aspect kept,
 * centred. */
graphene_rect_t augur_box_drawing_fit_image      (GdkTexture            *texture,
                                                  int                    width,
                                                  int                    height);
/* Draws @texture into @image, or a grey placeholder without one. */
void            augur_box_drawing_draw_image     (GtkSnapshot           *snapshot,
                                                  GdkTexture            *texture,
                                                  const graphene_rect_t *image);
/* @region's box, in fractions of the image, scaled onto @image. */
graphene_rect_t augur_box_drawing_scale_box      (AugurRegion           *region,
                                                  const graphene_rect_t *image);
/* A solid outline of @width inside @rect. */
void            augur_box_drawing_stroke         (GtkSnapshot           *snapshot,
                                                  const graphene_rect_t *rect,
                                                  float                  width,
                                                  const GdkRGBA         *color);
/* A dashed outline of AUGUR_BOX_BORDER_WIDTH inside @rect. */
void            augur_box_drawing_stroke_dashed  (GtkSnapshot           *snapshot,
                                                  const graphene_rect_t *rect,
                                                  const GdkRGBA         *color);
/* The size of a chip that shows @layout's text with its padding. */
void            augur_box_drawing_get_chip_size  (PangoLayout           *layout,
                                                  float                 *width,
                                                  float                 *height);
/* A chip at @x, @y: @layout's text in @foreground on @background. */
void            augur_box_drawing_draw_chip      (GtkSnapshot           *snapshot,
                                                  PangoLayout           *layout,
                                                  float                  x,
                                                  float                  y,
                                                  const GdkRGBA         *background,
                                                  const GdkRGBA         *foreground);

G_END_DECLS
