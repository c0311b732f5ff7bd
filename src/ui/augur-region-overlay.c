/* augur-region-overlay.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-region-overlay"

#include <glib/gi18n.h>

#include "augur-box-drawing.h"
#include "augur-concept-bars.h"
#include "augur-region-overlay.h"

#define HIGHLIGHT_WIDTH   4.0f

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

gboolean
augur_region_passes_min_value (AugurRegion *region,
                               double       min_value)
{
  g_return_val_if_fail (AUGUR_IS_REGION (region), FALSE);

  if (!augur_region_has_box (region))
    return FALSE;
  return min_value < 0.0 || augur_region_get_display_value (region) >= min_value;
}

static gboolean
is_drawn (AugurRegionOverlay *self,
          AugurRegion        *region)
{
  return augur_region_passes_min_value (region, self->min_value);
}

/* Sizing ------------------------------------------------------------------------------- */

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

  /* Small images are drawn at their own size. */
  augur_box_drawing_measure (self->texture, orientation, for_size, 0, minimum, natural);
}

static GtkSizeRequestMode
augur_region_overlay_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Drawing ------------------------------------------------------------------------------ */

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
  float chip_width, chip_height, x, y;

  augur_box_drawing_get_chip_size (layout, &chip_width, &chip_height);
  x = MIN (box->origin.x, MAX (0.0f, gtk_widget_get_width (GTK_WIDGET (self)) - chip_width));
  y = box->origin.y >= chip_height ? box->origin.y - chip_height : box->origin.y;

  augur_box_drawing_draw_chip (snapshot, layout, x, y, color, &white);
}

static void
draw_region (AugurRegionOverlay    *self,
             GtkSnapshot           *snapshot,
             guint                  index,
             const graphene_rect_t *image)
{
  AugurRegion *region = g_ptr_array_index (self->regions, index);
  graphene_rect_t box = augur_box_drawing_scale_box (region, image);
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

  augur_box_drawing_stroke (snapshot, &box, highlighted ? HIGHLIGHT_WIDTH : AUGUR_BOX_BORDER_WIDTH,
                            &color);
  draw_chip (self, snapshot, region, &box, &color);
}

static void
augur_region_overlay_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  AugurRegionOverlay *self = AUGUR_REGION_OVERLAY (widget);
  graphene_rect_t image = augur_box_drawing_fit_image (self->texture,
                                                       gtk_widget_get_width (widget),
                                                       gtk_widget_get_height (widget));

  if (image.size.width <= 0 || image.size.height <= 0)
    return;

  augur_box_drawing_draw_image (snapshot, self->texture, &image);

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
