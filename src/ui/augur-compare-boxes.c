/* augur-compare-boxes.c: a toggle per column, the image with every shown column's boxes in
 * the column's colour (dashed when the other version has no matching box), and a legend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-compare-boxes"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "augur-box-drawing.h"
#include "augur-compare-boxes.h"
#include "augur-compare-colors.h"
#include "augur-concept-bars.h"
#include "augur-region-overlay.h"

/* Small images are drawn larger, so that boxes and their labels stay readable. */
#define MIN_NATURAL_WIDTH 360
/* Column names in chips are cut so that a long version id does not cover the image. */
#define CHIP_NAME_CHARS   12

/* Whether a box has a counterpart in the other column(s), as far as the comparison knows. */
typedef enum {
  MATCH_UNKNOWN,    /* nothing to compare with: drawn solid */
  MATCH_FOUND,
  MATCH_NONE,       /* drawn dashed */
} MatchState;

/* The drawing area: a child widget so that it can keep the image's aspect while the toggles
 * and the legend take their own height. It draws from its owner's state. */
#define AUGUR_TYPE_COMPARE_BOXES_CANVAS (augur_compare_boxes_canvas_get_type ())
G_DECLARE_FINAL_TYPE (AugurCompareBoxesCanvas, augur_compare_boxes_canvas,
                      AUGUR, COMPARE_BOXES_CANVAS, GtkWidget)

struct _AugurCompareBoxesCanvas
{
  GtkWidget          parent_instance;

  AugurCompareBoxes *owner;   /* (unowned) (nullable): the canvas is its child until dispose */
};

struct _AugurCompareBoxes
{
  GtkWidget        parent_instance;

  /* Children */
  GtkWidget       *toggles_box;
  GtkWidget       *canvas;
  GtkWidget       *legend_box;
  GtkWidget       *toggles[AUGUR_COMPARE_MAX_COLUMNS];        /* (unowned) */
  GtkWidget       *legend_labels[AUGUR_COMPARE_MAX_COLUMNS];  /* (unowned) */

  /* Owned */
  GdkTexture      *texture;                                   /* (nullable) */
  AugurComparison *comparison;                                /* (nullable) */
  char            *names[AUGUR_COMPARE_MAX_COLUMNS];
  GArray          *match_states[AUGUR_COMPARE_MAX_COLUMNS];   /* (nullable) guint8 MatchState */

  guint            n_columns;
  gboolean         visible[AUGUR_COMPARE_MAX_COLUMNS];
  double           min_value;
};

G_DEFINE_FINAL_TYPE (AugurCompareBoxes, augur_compare_boxes, GTK_TYPE_WIDGET)
G_DEFINE_FINAL_TYPE (AugurCompareBoxesCanvas, augur_compare_boxes_canvas, GTK_TYPE_WIDGET)

/* Model -------------------------------------------------------------------------------- */

/* (nullable) (transfer none): column @column's regions when it succeeded */
static GPtrArray *
column_regions (AugurCompareBoxes *self,
                guint              column)
{
  if (self->comparison == NULL || column >= self->n_columns ||
      augur_comparison_get_cell_state (self->comparison, column) != AUGUR_COMPARE_CELL_SUCCEEDED)
    return NULL;
  return augur_prediction_get_regions (augur_comparison_get_prediction (self->comparison,
                                                                        column));
}

static gboolean
passes_min_value (AugurCompareBoxes *self,
                  AugurRegion       *region)
{
  return augur_region_passes_min_value (region, self->min_value);
}

static MatchState
get_match_state (AugurCompareBoxes *self,
                 guint              column,
                 guint              region)
{
  GArray *states = self->match_states[column];

  if (states == NULL || region >= states->len)
    return MATCH_UNKNOWN;
  return g_array_index (states, guint8, region);
}

static GArray *
new_match_states (guint      n_regions,
                  MatchState initial)
{
  GArray *states = g_array_sized_new (FALSE, FALSE, sizeof (guint8), n_regions);
  guint8 value = initial;

  for (guint i = 0; i < n_regions; i++)
    g_array_append_val (states, value);
  return states;
}

/* Column k's boxes are new or matched against column 0; column 0's are matched when any
 * other column has them. Without a successful column to compare with, nothing is known. */
static void
compute_match_states (AugurCompareBoxes *self)
{
  GPtrArray *ref_regions = column_regions (self, 0);

  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    g_clear_pointer (&self->match_states[k], g_array_unref);

  for (guint k = 1; k < self->n_columns && ref_regions != NULL; k++)
    {
      GArray *matches = augur_comparison_get_box_matches (self->comparison, k);
      GPtrArray *regions = column_regions (self, k);

      if (matches == NULL || regions == NULL)
        continue;
      if (self->match_states[0] == NULL)
        self->match_states[0] = new_match_states (ref_regions->len, MATCH_NONE);
      self->match_states[k] = new_match_states (regions->len, MATCH_NONE);

      for (guint m = 0; m < matches->len; m++)
        {
          const AugurBoxMatch *match = &g_array_index (matches, AugurBoxMatch, m);

          if (match->ref_region < 0 || match->region < 0)
            continue;
          g_array_index (self->match_states[0], guint8, match->ref_region) = MATCH_FOUND;
          g_array_index (self->match_states[k], guint8, match->region) = MATCH_FOUND;
        }
    }
}

/* Boxes of @column above the minimum value, and how many of them are matched or not. */
static guint
count_boxes (AugurCompareBoxes *self,
             guint              column,
             guint             *n_matched,
             guint             *n_unmatched)
{
  GPtrArray *regions = column_regions (self, column);
  guint n = 0;

  *n_matched = *n_unmatched = 0;
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      MatchState state;

      if (!passes_min_value (self, g_ptr_array_index (regions, i)))
        continue;
      n++;
      state = get_match_state (self, column, i);
      *n_matched += state == MATCH_FOUND;
      *n_unmatched += state == MATCH_NONE;
    }
  return n;
}

/* Sizing ------------------------------------------------------------------------------- */

static void
augur_compare_boxes_canvas_measure (GtkWidget      *widget,
                                    GtkOrientation  orientation,
                                    int             for_size,
                                    int            *minimum,
                                    int            *natural,
                                    int            *minimum_baseline,
                                    int            *natural_baseline)
{
  AugurCompareBoxesCanvas *canvas = AUGUR_COMPARE_BOXES_CANVAS (widget);

  if (canvas->owner == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  augur_box_drawing_measure (canvas->owner->texture, orientation, for_size, MIN_NATURAL_WIDTH,
                             minimum, natural);
}

static GtkSizeRequestMode
augur_compare_boxes_canvas_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Drawing ------------------------------------------------------------------------------ */

/* White or black chip text, whichever contrasts more with the column colour. */
static GdkRGBA
chip_text_color (const GdkRGBA *background)
{
  const GdkRGBA white = { 1, 1, 1, 1 };
  const GdkRGBA black = { 0, 0, 0, 1 };
  float channels[3] = { background->red, background->green, background->blue };
  double luminance;

  for (guint i = 0; i < 3; i++)
    channels[i] = channels[i] <= 0.03928f ? channels[i] / 12.92f
                                          : powf ((channels[i] + 0.055f) / 1.055f, 2.4f);
  luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];

  /* (L + 0.05) / 0.05 against black versus 1.05 / (L + 0.05) against white. */
  return (luminance + 0.05) * (luminance + 0.05) > 1.05 * 0.05 ? black : white;
}

static char *
dup_chip_text (AugurCompareBoxes *self,
               guint              column,
               AugurRegion       *region)
{
  g_autofree char *label = augur_region_dup_display_label (region);
  g_autofree char *percent = augur_format_percent (augur_region_get_display_value (region));
  g_autofree char *name = NULL;

  if (g_utf8_strlen (self->names[column], -1) > CHIP_NAME_CHARS)
    {
      g_autofree char *start = g_utf8_substring (self->names[column], 0, CHIP_NAME_CHARS - 1);

      name = g_strconcat (start, "…", NULL);
    }
  else
    name = g_strdup (self->names[column]);

  /* Translators: the chip on a compared box: column, concept and value, e.g. "A: dog 93%" */
  return g_strdup_printf (_("%s: %s %s"), name, label, percent);
}

/* Each column puts its chips at its own corner of the box, so that when two versions found
 * the same object their chips do not cover each other: A above the top left, B below the
 * bottom left, C above the top right, D below the bottom right. */
static graphene_point_t
place_chip (guint                  column,
            const graphene_rect_t *box,
            float                  chip_width,
            float                  chip_height,
            float                  canvas_width,
            float                  canvas_height)
{
  gboolean right = column % 4 >= 2;
  gboolean below = column % 2 == 1;
  float x = right ? box->origin.x + box->size.width - chip_width : box->origin.x;
  float y = below ? box->origin.y + box->size.height : box->origin.y - chip_height;

  x = CLAMP (x, 0.0f, MAX (0.0f, canvas_width - chip_width));
  y = CLAMP (y, 0.0f, MAX (0.0f, canvas_height - chip_height));
  return GRAPHENE_POINT_INIT (x, y);
}

static void
draw_chip (AugurCompareBoxes     *self,
           GtkSnapshot           *snapshot,
           guint                  column,
           AugurRegion           *region,
           const graphene_rect_t *box)
{
  g_autofree char *text = dup_chip_text (self, column, region);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (self->canvas, text);
  GdkRGBA color, text_color;
  float chip_width, chip_height;
  graphene_point_t at;

  augur_compare_column_color (column, &color);
  text_color = chip_text_color (&color);
  augur_box_drawing_get_chip_size (layout, &chip_width, &chip_height);
  at = place_chip (column, box, chip_width, chip_height,
                   gtk_widget_get_width (self->canvas), gtk_widget_get_height (self->canvas));
  augur_box_drawing_draw_chip (snapshot, layout, at.x, at.y, &color, &text_color);
}

static gboolean
is_column_drawn (AugurCompareBoxes *self,
                 guint              column)
{
  return self->visible[column] && column_regions (self, column) != NULL;
}

/* Borders of every drawn column first, then the chips, so no border crosses a chip. */
static void
draw_columns (AugurCompareBoxes     *self,
              GtkSnapshot           *snapshot,
              const graphene_rect_t *image,
              gboolean               chips)
{
  for (guint k = 0; k < self->n_columns; k++)
    {
      GPtrArray *regions = column_regions (self, k);
      GdkRGBA color;

      if (!is_column_drawn (self, k))
        continue;
      augur_compare_column_color (k, &color);

      for (guint i = 0; i < regions->len; i++)
        {
          AugurRegion *region = g_ptr_array_index (regions, i);
          graphene_rect_t box;

          if (!passes_min_value (self, region))
            continue;
          box = augur_box_drawing_scale_box (region, image);
          if (chips)
            draw_chip (self, snapshot, k, region, &box);
          else if (get_match_state (self, k, i) == MATCH_NONE)
            augur_box_drawing_stroke_dashed (snapshot, &box, &color);
          else
            augur_box_drawing_stroke (snapshot, &box, AUGUR_BOX_BORDER_WIDTH, &color);
        }
    }
}

static void
augur_compare_boxes_canvas_snapshot (GtkWidget   *widget,
                                     GtkSnapshot *snapshot)
{
  AugurCompareBoxes *self = AUGUR_COMPARE_BOXES_CANVAS (widget)->owner;
  graphene_rect_t image;

  if (self == NULL)
    return;
  image = augur_box_drawing_fit_image (self->texture, gtk_widget_get_width (widget),
                                      gtk_widget_get_height (widget));
  if (image.size.width <= 0 || image.size.height <= 0)
    return;

  augur_box_drawing_draw_image (snapshot, self->texture, &image);

  draw_columns (self, snapshot, &image, FALSE);
  draw_columns (self, snapshot, &image, TRUE);
}

static void
augur_compare_boxes_canvas_class_init (AugurCompareBoxesCanvasClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = augur_compare_boxes_canvas_measure;
  widget_class->get_request_mode = augur_compare_boxes_canvas_get_request_mode;
  widget_class->snapshot = augur_compare_boxes_canvas_snapshot;

  gtk_widget_class_set_css_name (widget_class, "augur-compare-boxes-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
augur_compare_boxes_canvas_init (AugurCompareBoxesCanvas *canvas)
{
  gtk_widget_set_overflow (GTK_WIDGET (canvas), GTK_OVERFLOW_HIDDEN);
}

/* Toggles and legend ------------------------------------------------------------------- */

static char *
describe_column (AugurCompareBoxes *self,
                 guint              column)
{
  const char *name = self->names[column];
  guint n_matched, n_unmatched, n;
  g_autofree char *count = NULL;

  switch (self->comparison != NULL
          ? augur_comparison_get_cell_state (self->comparison, column)
          : AUGUR_COMPARE_CELL_PENDING)
    {
    case AUGUR_COMPARE_CELL_PENDING:
      /* Translators: legend of a column that has not answered yet; %s is its name */
      return g_strdup_printf (_("%s: waiting"), name);
    case AUGUR_COMPARE_CELL_FAILED:
      /* Translators: legend of a column whose request failed; %s is its name */
      return g_strdup_printf (_("%s: failed"), name);
    case AUGUR_COMPARE_CELL_SUCCEEDED:
    default:
      break;
    }

  n = count_boxes (self, column, &n_matched, &n_unmatched);
  count = g_strdup_printf (ngettext ("%u box", "%u boxes", n), n);
  if (column == 0 || self->match_states[column] == NULL)
    /* Translators: legend of a column, e.g. "A: 3 boxes" */
    return g_strdup_printf (_("%s: %s"), name, count);

  /* Translators: legend of a column compared with the first one, e.g.
   * "B: 3 boxes (1 new, 2 matched)"; new boxes have no counterpart in the first column */
  return g_strdup_printf (_("%s: %s (%u new, %u matched)"), name, count, n_unmatched, n_matched);
}

static void
update_legend (AugurCompareBoxes *self)
{
  for (guint k = 0; k < self->n_columns; k++)
    {
      g_autofree char *text = describe_column (self, k);

      gtk_label_set_text (GTK_LABEL (self->legend_labels[k]), text);
    }
}

static void
update_canvas_label (AugurCompareBoxes *self)
{
  guint n = augur_compare_boxes_get_n_drawn (self);
  g_autofree char *label = NULL;

  /* Translators: the accessible name of the image with the compared columns' boxes */
  label = g_strdup_printf (ngettext ("Image with %u box", "Image with %u boxes", n), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
boxes_changed (AugurCompareBoxes *self)
{
  update_legend (self);
  update_canvas_label (self);
  gtk_widget_queue_draw (self->canvas);
}

static void
toggle_toggled_cb (GtkCheckButton    *toggle,
                   AugurCompareBoxes *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "column"));

  augur_compare_boxes_set_column_visible (self, column, gtk_check_button_get_active (toggle));
}

static GtkWidget *
create_toggle (AugurCompareBoxes *self,
               guint              column)
{
  GtkWidget *toggle = gtk_check_button_new_with_label (self->names[column]);
  g_autofree char *label = NULL;

  /* Translators: accessible label of the check box that shows or hides a compared column's
   * boxes; %s is the column's name, e.g. "Show A's boxes" */
  label = g_strdup_printf (_("Show %s's boxes"), self->names[column]);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), self->visible[column]);
  gtk_widget_add_css_class (toggle, augur_compare_column_css_class (column));
  gtk_widget_set_tooltip_text (toggle, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (toggle), "column", GUINT_TO_POINTER (column));
  g_signal_connect_object (toggle, "toggled", G_CALLBACK (toggle_toggled_cb), self, 0);
  return toggle;
}

static GtkWidget *
create_legend_label (guint column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, augur_compare_column_css_class (column));
  return label;
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
rebuild_columns (AugurCompareBoxes *self)
{
  remove_children (self->toggles_box);
  remove_children (self->legend_box);
  memset (self->toggles, 0, sizeof self->toggles);
  memset (self->legend_labels, 0, sizeof self->legend_labels);

  for (guint k = 0; k < self->n_columns; k++)
    {
      self->toggles[k] = create_toggle (self, k);
      gtk_box_append (GTK_BOX (self->toggles_box), self->toggles[k]);
      self->legend_labels[k] = create_legend_label (k);
      gtk_box_append (GTK_BOX (self->legend_box), self->legend_labels[k]);
    }
}

/* Sets the column names; returns whether they changed (then the toggles are rebuilt). */
static gboolean
set_names (AugurCompareBoxes *self,
           GPtrArray         *columns,
           guint              n_columns)
{
  gboolean changed = n_columns != self->n_columns;

  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    {
      g_autofree char *name = NULL;

      if (k < n_columns && columns != NULL && k < columns->len)
        name = g_strdup (((AugurCompareColumn *) g_ptr_array_index (columns, k))->display_name);
      else if (k < n_columns)
        name = g_strdup_printf ("%c", 'A' + k);

      if (g_strcmp0 (name, self->names[k]) == 0)
        continue;
      changed = TRUE;
      /* A new column starts shown; one that only changed its name keeps its toggle state. */
      if (k >= self->n_columns)
        self->visible[k] = TRUE;
      g_free (self->names[k]);
      self->names[k] = g_steal_pointer (&name);
    }
  self->n_columns = n_columns;
  return changed;
}

/* GObject ------------------------------------------------------------------------------ */

static void
augur_compare_boxes_dispose (GObject *object)
{
  AugurCompareBoxes *self = AUGUR_COMPARE_BOXES (object);
  GtkWidget *child;

  if (self->canvas != NULL)
    AUGUR_COMPARE_BOXES_CANVAS (self->canvas)->owner = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->toggles_box = self->canvas = self->legend_box = NULL;
  memset (self->toggles, 0, sizeof self->toggles);
  memset (self->legend_labels, 0, sizeof self->legend_labels);

  g_clear_object (&self->texture);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (augur_compare_boxes_parent_class)->dispose (object);
}

static void
augur_compare_boxes_finalize (GObject *object)
{
  AugurCompareBoxes *self = AUGUR_COMPARE_BOXES (object);

  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    {
      g_clear_pointer (&self->names[k], g_free);
      g_clear_pointer (&self->match_states[k], g_array_unref);
    }

  G_OBJECT_CLASS (augur_compare_boxes_parent_class)->finalize (object);
}

static void
augur_compare_boxes_class_init (AugurCompareBoxesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_compare_boxes_dispose;
  object_class->finalize = augur_compare_boxes_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "augur-compare-boxes");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
augur_compare_boxes_init (AugurCompareBoxes *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  AugurCompareBoxesCanvas *canvas;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->min_value = -1.0;
  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    self->visible[k] = TRUE;

  self->toggles_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggles_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Columns shown"),
                                  -1);
  gtk_widget_set_parent (self->toggles_box, GTK_WIDGET (self));

  canvas = g_object_new (AUGUR_TYPE_COMPARE_BOXES_CANVAS, NULL);
  canvas->owner = self;
  self->canvas = GTK_WIDGET (canvas);
  gtk_widget_set_parent (self->canvas, GTK_WIDGET (self));

  self->legend_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_parent (self->legend_box, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Compared boxes"),
                                  -1);
  update_canvas_label (self);
}

/* Public ------------------------------------------------------------------------------- */

GtkWidget *
augur_compare_boxes_new (void)
{
  return g_object_new (AUGUR_TYPE_COMPARE_BOXES, NULL);
}

void
augur_compare_boxes_set_texture (AugurCompareBoxes *self,
                                 GdkTexture        *texture)
{
  g_return_if_fail (AUGUR_IS_COMPARE_BOXES (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (!g_set_object (&self->texture, texture))
    return;

  gtk_widget_queue_resize (self->canvas);
}

/**
 * augur_compare_boxes_set_comparison:
 * @columns: (nullable) (element-type AugurCompareColumn): the columns' names
 * @comparison: (nullable): the input's comparison; %NULL shows no boxes
 *
 * Columns keep their shown or hidden state while their names stay the same, so that a new
 * comparison of the same columns (a pending column answered) does not reset the toggles.
 */
void
augur_compare_boxes_set_comparison (AugurCompareBoxes *self,
                                    GPtrArray         *columns,
                                    AugurComparison   *comparison)
{
  guint n_columns;

  g_return_if_fail (AUGUR_IS_COMPARE_BOXES (self));
  g_return_if_fail (comparison == NULL || AUGUR_IS_COMPARISON (comparison));

  if (comparison != NULL)
    n_columns = augur_comparison_get_n_columns (comparison);
  else
    n_columns = columns != NULL ? columns->len : 0;
  n_columns = MIN (n_columns, AUGUR_COMPARE_MAX_COLUMNS);

  g_set_object (&self->comparison, comparison);
  if (set_names (self, columns, n_columns))
    rebuild_columns (self);
  compute_match_states (self);
  boxes_changed (self);
}

void
augur_compare_boxes_set_min_value (AugurCompareBoxes *self,
                                   double             min_value)
{
  g_return_if_fail (AUGUR_IS_COMPARE_BOXES (self));

  if (self->min_value == min_value)
    return;

  self->min_value = min_value;
  boxes_changed (self);
}

void
augur_compare_boxes_set_column_visible (AugurCompareBoxes *self,
                                        guint              column,
                                        gboolean           visible)
{
  g_return_if_fail (AUGUR_IS_COMPARE_BOXES (self));
  g_return_if_fail (column < AUGUR_COMPARE_MAX_COLUMNS);

  visible = !!visible;
  if (self->visible[column] == visible)
    return;

  self->visible[column] = visible;
  /* The toggle calls back here; the check above ends that round trip. */
  if (column < self->n_columns && self->toggles[column] != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->toggles[column]), visible);
  boxes_changed (self);
}

gboolean
augur_compare_boxes_get_column_visible (AugurCompareBoxes *self,
                                        guint              column)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_BOXES (self), FALSE);
  g_return_val_if_fail (column < AUGUR_COMPARE_MAX_COLUMNS, FALSE);

  return self->visible[column];
}

guint
augur_compare_boxes_get_n_drawn (AugurCompareBoxes *self)
{
  guint n = 0;

  g_return_val_if_fail (AUGUR_IS_COMPARE_BOXES (self), 0);

  for (guint k = 0; k < self->n_columns; k++)
    {
      GPtrArray *regions = column_regions (self, k);

      if (!is_column_drawn (self, k))
        continue;
      for (guint i = 0; i < regions->len; i++)
        n += passes_min_value (self, g_ptr_array_index (regions, i));
    }
  return n;
}

/**
 * augur_compare_boxes_dup_legend:
 *
 * Returns: (transfer full): the legend under the image, the columns joined by " · ", e.g.
 *   "A: 3 boxes · B: 3 boxes (1 new, 2 matched)"
 */
char *
augur_compare_boxes_dup_legend (AugurCompareBoxes *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (AUGUR_IS_COMPARE_BOXES (self), NULL);

  for (guint k = 0; k < self->n_columns; k++)
    g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (self->legend_labels[k])));
  parts = g_strv_builder_end (builder);
  return g_strjoinv (" · ", parts);
}
