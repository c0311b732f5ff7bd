/* augur-region-overlay.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-region-overlay"

#include <glib/gi18n.h>

#include "augur-concept-bars.h"
#include "augur-region-overlay.h"

#define MAX_NATURAL_WIDTH 640
#define MIN_WIDTH         48
#define BORDER_WIDTH      2.0f
#define HIGHLIGHT_WIDTH   4.0f
#define CHIP_PADDING      3.0f

/* Without an image (a URL input, or while it loads) boxes go on a 4:3 frame. */
#define PLACEHOLDER_WIDTH  400
#define PLACEHOLDER_HEIGHT 300

struct _AugurRegionOverlay
{
  GtkWidget   parent_instance;

  GdkTexture *texture;    /* (owned) (nullable) */
  GPtrArray  *regions;    /* (owned) (element-type AugurRegion) */
  double      min_value;
  int         highlight;
};

G_DEFINE_FINAL_TYPE (AugurRegionOverlay, augur_region_overlay, GTK_TYPE_WIDGET)

/* Distinct hues from the GNOME palette, dark enough for white chip text. */
static const char * const palette[] = {
  "#1c71d8", "#c01c28", "#26a269", "#813d9c", "#c64600", "#0b7a8a", "#a51d2d", "#613583",
};

void
augur_region_overlay_get_color (guint    index,
                                GdkRGBA *color)
{
  g_return_if_fail (color != NULL);

  gdk_rgba_parse (color, palette[index % G_N_ELEMENTS (palette)]);
}

double
augur_region_get_display_value (AugurRegion *region)
{
  GPtrArray *concepts = augur_region_get_concepts (region);

  /* Some detectors leave the region value empty and only score its concepts. */
  if (augur_region_get_value (region) <= 0.0 && concepts->len > 0)
    return augur_concept_get_value (g_ptr_array_index (concepts, 0));
  return augur_region_get_value (region);
}

char *
augur_region_dup_display_label (AugurRegion *region)
{
  const char *label = augur_region_get_label (region);

  /* Translators: a detected region whose concept has no name */
  return g_strdup (label != NULL ? label : _("Object"));
}

static gboolean
is_drawn (AugurRegionOverlay *self,
          AugurRegion        *region)
{
  if (!augur_region_has_box (region))
    return FALSE;
  return self->min_value < 0.0 || augur_region_get_display_value (region) >= self->min_value;
}

/* Sizing ------------------------------------------------------------------------------- */

static void
get_image_size (AugurRegionOverlay *self,
                int                *width,
                int                *height)
{
  if (self->texture != NULL)
    {
      *width = MAX (1, gdk_texture_get_width (self->texture));
      *height = MAX (1, gdk_texture_get_height (self->texture));
    }
  else
    {
      *width = PLACEHOLDER_WIDTH;
      *height = PLACEHOLDER_HEIGHT;
    }
}

static void
augur_region_overlay_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  AugurRegionOverlay *self = AUGUR_REGION_OVERLAY (widget);
  int image_width, image_height;
  int natural_width;

  get_image_size (self, &image_width, &image_height);
  natural_width = MIN (image_width, MAX_NATURAL_WIDTH);

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

static GtkSizeRequestMode
augur_region_overlay_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Drawing ------------------------------------------------------------------------------ */

/* The rectangle the image is drawn in: fitted to the widget, aspect kept, centred. */
static graphene_rect_t
compute_image_rect (AugurRegionOverlay *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int image_width, image_height;
  double scale;
  float w, h;

  get_image_size (self, &image_width, &image_height);
  scale = MIN ((double) width / image_width, (double) height / image_height);
  w = (float) (image_width * scale);
  h = (float) (image_height * scale);

  return GRAPHENE_RECT_INIT ((width - w) / 2.0f, (height - h) / 2.0f, w, h);
}

static graphene_rect_t
compute_box_rect (AugurRegion           *region,
                  const graphene_rect_t *image)
{
  double top = CLAMP (augur_region_get_top_row (region), 0.0, 1.0);
  double left = CLAMP (augur_region_get_left_col (region), 0.0, 1.0);
  double bottom = CLAMP (augur_region_get_bottom_row (region), top, 1.0);
  double right = CLAMP (augur_region_get_right_col (region), left, 1.0);

  return GRAPHENE_RECT_INIT (image->origin.x + (float) (left * image->size.width),
                             image->origin.y + (float) (top * image->size.height),
                             (float) ((right - left) * image->size.width),
                             (float) ((bottom - top) * image->size.height));
}

static void
draw_border (GtkSnapshot           *snapshot,
             const graphene_rect_t *rect,
             float                  width,
             const GdkRGBA         *color)
{
  GskRoundedRect outline;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, rect, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* The "label 93%" chip: above the box when there is room, else inside its top edge. */
static void
draw_chip (AugurRegionOverlay    *self,
           GtkSnapshot           *snapshot,
           AugurRegion           *region,
           const graphene_rect_t *box,
           const GdkRGBA         *color)
{
  g_autofree char *label = augur_region_dup_display_label (region);
  g_autofree char *percent = augur_format_percent (augur_region_get_display_value (region));
  g_autofree char *text = g_strdup_printf ("%s %s", label, percent);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  const GdkRGBA white = { 1, 1, 1, 1 };
  int text_width, text_height;
  float chip_width, chip_height, x, y;

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  chip_width = text_width + 2 * CHIP_PADDING;
  chip_height = text_height + 2 * CHIP_PADDING;
  x = MIN (box->origin.x, MAX (0.0f, gtk_widget_get_width (GTK_WIDGET (self)) - chip_width));
  y = box->origin.y >= chip_height ? box->origin.y - chip_height : box->origin.y;

  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, chip_width, chip_height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + CHIP_PADDING, y + CHIP_PADDING));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);
}

static void
draw_region (AugurRegionOverlay    *self,
             GtkSnapshot           *snapshot,
             guint                  index,
             const graphene_rect_t *image)
{
  AugurRegion *region = g_ptr_array_index (self->regions, index);
  graphene_rect_t box = compute_box_rect (region, image);
  gboolean highlighted = self->highlight == (int) index;
  GdkRGBA color;

  augur_region_overlay_get_color (index, &color);
  if (self->highlight >= 0 && !highlighted)
    color.alpha = 0.55f;

  if (highlighted)
    {
      GdkRGBA fill = color;

      fill.alpha = 0.2f;
      gtk_snapshot_append_color (snapshot, &fill, &box);
    }

  draw_border (snapshot, &box, highlighted ? HIGHLIGHT_WIDTH : BORDER_WIDTH, &color);
  draw_chip (self, snapshot, region, &box, &color);
}

static void
draw_placeholder (GtkSnapshot           *snapshot,
                  const graphene_rect_t *image)
{
  const GdkRGBA grey = { 0.5f, 0.5f, 0.5f, 0.15f };

  gtk_snapshot_append_color (snapshot, &grey, image);
}

static void
augur_region_overlay_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  AugurRegionOverlay *self = AUGUR_REGION_OVERLAY (widget);
  graphene_rect_t image = compute_image_rect (self);

  if (image.size.width <= 0 || image.size.height <= 0)
    return;

  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &image);
  else
    draw_placeholder (snapshot, &image);

  /* The highlighted box goes last so that it is on top of overlapping ones. */
  for (guint i = 0; i < self->regions->len; i++)
    if ((int) i != self->highlight && is_drawn (self, g_ptr_array_index (self->regions, i)))
      draw_region (self, snapshot, i, &image);

  if (self->highlight >= 0 && (guint) self->highlight < self->regions->len &&
      is_drawn (self, g_ptr_array_index (self->regions, self->highlight)))
    draw_region (self, snapshot, self->highlight, &image);
}

/* Accessibility ------------------------------------------------------------------------ */

static void
update_accessible_label (AugurRegionOverlay *self)
{
  guint n = augur_region_overlay_get_n_visible (self);
  g_autofree char *label = NULL;

  /* Translators: the accessible name of the image with detector boxes */
  label = g_strdup_printf (ngettext ("Image with %u detected region",
                                     "Image with %u detected regions", n), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
regions_changed (AugurRegionOverlay *self)
{
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject ------------------------------------------------------------------------------ */

static void
augur_region_overlay_dispose (GObject *object)
{
  AugurRegionOverlay *self = AUGUR_REGION_OVERLAY (object);

  g_clear_object (&self->texture);
  g_clear_pointer (&self->regions, g_ptr_array_unref);

  G_OBJECT_CLASS (augur_region_overlay_parent_class)->dispose (object);
}

static void
augur_region_overlay_class_init (AugurRegionOverlayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_region_overlay_dispose;

  widget_class->measure = augur_region_overlay_measure;
  widget_class->get_request_mode = augur_region_overlay_get_request_mode;
  widget_class->snapshot = augur_region_overlay_snapshot;

  gtk_widget_class_set_css_name (widget_class, "augur-region-overlay");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
augur_region_overlay_init (AugurRegionOverlay *self)
{
  self->regions = g_ptr_array_new_with_free_func (g_object_unref);
  self->min_value = -1.0;
  self->highlight = -1;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  update_accessible_label (self);
}

/* Public ------------------------------------------------------------------------------- */

GtkWidget *
augur_region_overlay_new (void)
{
  return g_object_new (AUGUR_TYPE_REGION_OVERLAY, NULL);
}

void
augur_region_overlay_set_texture (AugurRegionOverlay *self,
                                  GdkTexture         *texture)
{
  g_return_if_fail (AUGUR_IS_REGION_OVERLAY (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (!g_set_object (&self->texture, texture))
    return;

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* (nullable) (transfer none) */
GdkTexture *
augur_region_overlay_get_texture (AugurRegionOverlay *self)
{
  g_return_val_if_fail (AUGUR_IS_REGION_OVERLAY (self), NULL);
  return self->texture;
}

void
augur_region_overlay_set_regions (AugurRegionOverlay *self,
                                  GPtrArray          *regions)
{
  g_return_if_fail (AUGUR_IS_REGION_OVERLAY (self));

  g_ptr_array_set_size (self->regions, 0);
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    g_ptr_array_add (self->regions, g_object_ref (g_ptr_array_index (regions, i)));
  self->highlight = -1;

  regions_changed (self);
}

void
augur_region_overlay_set_min_value (AugurRegionOverlay *self,
                                    double              min_value)
{
  g_return_if_fail (AUGUR_IS_REGION_OVERLAY (self));

  if (self->min_value == min_value)
    return;

  self->min_value = min_value;
  regions_changed (self);
}

void
augur_region_overlay_set_highlight (AugurRegionOverlay *self,
                                    int                 index)
{
  g_return_if_fail (AUGUR_IS_REGION_OVERLAY (self));

  if (index < 0 || (guint) index >= self->regions->len)
    index = -1;
  if (self->highlight == index)
    return;

  self->highlight = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
augur_region_overlay_get_highlight (AugurRegionOverlay *self)
{
  g_return_val_if_fail (AUGUR_IS_REGION_OVERLAY (self), -1);
  return self->highlight;
}

guint
augur_region_overlay_get_n_visible (AugurRegionOverlay *self)
{
  guint n = 0;

  g_return_val_if_fail (AUGUR_IS_REGION_OVERLAY (self), 0);

  for (guint i = 0; i < self->regions->len; i++)
    n += is_drawn (self, g_ptr_array_index (self->regions, i));

  return n;
}
