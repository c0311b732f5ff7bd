/* augur-box-drawing.c: drawing shared by AugurRegionOverlay and AugurCompareBoxes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-box-drawing"

#include "augur-box-drawing.h"

#define MAX_NATURAL_WIDTH 640
#define MIN_WIDTH         48
#define CHIP_PADDING      3.0f
#define DASH_LENGTH       6.0f
#define DASH_GAP          4.0f

/* Without an image (a URL input, or while it loads) boxes go on a 4:3 frame. */
#define PLACEHOLDER_WIDTH  400
#define PLACEHOLDER_HEIGHT 300

static void
get_image_size (GdkTexture *texture,
                int        *width,
                int        *height)
{
  if (texture != NULL)
    {
      *width = MAX (1, gdk_texture_get_width (texture));
      *height = MAX (1, gdk_texture_get_height (texture));
    }
  else
    {
      *width = PLACEHOLDER_WIDTH;
      *height = PLACEHOLDER_HEIGHT;
    }
}

void
augur_box_drawing_measure (GdkTexture     *texture,
                           GtkOrientation  orientation,
                           int             for_size,
                           int             min_natural_width,
                           int            *minimum,
                           int            *natural)
{
  int image_width, image_height;
  int natural_width;

  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));
  g_return_if_fail (minimum != NULL && natural != NULL);

  get_image_size (texture, &image_width, &image_height);
  natural_width = CLAMP (image_width, min_natural_width, MAX_NATURAL_WIDTH);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN (MIN_WIDTH, natural_width);
      *natural = natural_width;
    }
  else
    {
      int width = for_size < 0 ? natural_width : MIN (for_size, natural_width);

      /* Height follows the width so the image keeps its aspect. */
      *minimum = *natural = (int) ((double) width * image_height / image_width + 0.5);
    }
}

graphene_rect_t
augur_box_drawing_fit_image (GdkTexture *texture,
                             int         width,
                             int         height)
{
  int image_width, image_height;
  double scale;
  float w, h;

  g_return_val_if_fail (texture == NULL || GDK_IS_TEXTURE (texture),
                        GRAPHENE_RECT_INIT (0, 0, 0, 0));

  get_image_size (texture, &image_width, &image_height);
  scale = MIN ((double) width / image_width, (double) height / image_height);
  w = (float) (image_width * scale);
  h = (float) (image_height * scale);

  return GRAPHENE_RECT_INIT ((width - w) / 2.0f, (height - h) / 2.0f, w, h);
}

void
augur_box_drawing_draw_image (GtkSnapshot           *snapshot,
                              GdkTexture            *texture,
                              const graphene_rect_t *image)
{
  const GdkRGBA grey = { 0.5f, 0.5f, 0.5f, 0.15f };

  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (image != NULL);

  if (texture != NULL)
    gtk_snapshot_append_texture (snapshot, texture, image);
  else
    gtk_snapshot_append_color (snapshot, &grey, image);
}

graphene_rect_t
augur_box_drawing_scale_box (AugurRegion           *region,
                             const graphene_rect_t *image)
{
  double top, left, bottom, right;

  g_return_val_if_fail (AUGUR_IS_REGION (region), GRAPHENE_RECT_INIT (0, 0, 0, 0));
  g_return_val_if_fail (image != NULL, GRAPHENE_RECT_INIT (0, 0, 0, 0));

  top = CLAMP (augur_region_get_top_row (region), 0.0, 1.0);
  left = CLAMP (augur_region_get_left_col (region), 0.0, 1.0);
  bottom = CLAMP (augur_region_get_bottom_row (region), top, 1.0);
  right = CLAMP (augur_region_get_right_col (region), left, 1.0);

  return GRAPHENE_RECT_INIT (image->origin.x + (float) (left * image->size.width),
                             image->origin.y + (float) (top * image->size.height),
                             (float) ((right - left) * image->size.width),
                             (float) ((bottom - top) * image->size.height));
}

void
augur_box_drawing_stroke (GtkSnapshot           *snapshot,
                          const graphene_rect_t *rect,
                          float                  width,
                          const GdkRGBA         *color)
{
  GskRoundedRect outline;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));

  gsk_rounded_rect_init_from_rect (&outline, rect, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* Dashes along one edge, as small filled rectangles: GSK borders have no dash style. */
static void
draw_dashes (GtkSnapshot   *snapshot,
             float          x,
             float          y,
             float          length,
             gboolean       horizontal,
             const GdkRGBA *color)
{
  for (float offset = 0; offset < length; offset += DASH_LENGTH + DASH_GAP)
    {
      float dash = MIN (DASH_LENGTH, length - offset);
      graphene_rect_t rect = horizontal
                             ? GRAPHENE_RECT_INIT (x + offset, y, dash, AUGUR_BOX_BORDER_WIDTH)
                             : GRAPHENE_RECT_INIT (x, y + offset, AUGUR_BOX_BORDER_WIDTH, dash);

      gtk_snapshot_append_color (snapshot, color, &rect);
    }
}

void
augur_box_drawing_stroke_dashed (GtkSnapshot           *snapshot,
                                 const graphene_rect_t *rect,
                                 const GdkRGBA         *color)
{
  float x, y, w, h;

  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (rect != NULL && color != NULL);

  x = rect->origin.x;
  y = rect->origin.y;
  w = rect->size.width;
  h = rect->size.height;
  draw_dashes (snapshot, x, y, w, TRUE, color);
  draw_dashes (snapshot, x, y + MAX (0.0f, h - AUGUR_BOX_BORDER_WIDTH), w, TRUE, color);
  draw_dashes (snapshot, x, y, h, FALSE, color);
  draw_dashes (snapshot, x + MAX (0.0f, w - AUGUR_BOX_BORDER_WIDTH), y, h, FALSE, color);
}

void
augur_box_drawing_get_chip_size (PangoLayout *layout,
                                 float       *width,
                                 float       *height)
{
  int text_width, text_height;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));
  g_return_if_fail (width != NULL && height != NULL);

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  *width = text_width + 2 * CHIP_PADDING;
  *height = text_height + 2 * CHIP_PADDING;
}

void
augur_box_drawing_draw_chip (GtkSnapshot   *snapshot,
                             PangoLayout   *layout,
                             float          x,
                             float          y,
                             const GdkRGBA *background,
                             const GdkRGBA *foreground)
{
  float width, height;

  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (PANGO_IS_LAYOUT (layout));
  g_return_if_fail (background != NULL && foreground != NULL);

  augur_box_drawing_get_chip_size (layout, &width, &height);
  gtk_snapshot_append_color (snapshot, background, &GRAPHENE_RECT_INIT (x, y, width, height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + CHIP_PADDING, y + CHIP_PADDING));
  gtk_snapshot_append_layout (snapshot, layout, foreground);
  gtk_snapshot_restore (snapshot);
}
