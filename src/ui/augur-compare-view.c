/* augur-compare-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-compare-view"

#include <glib/gi18n.h>

#include "augur-compare-view.h"
#include "augur-thumbnail.h"

/* Longest side of the image detector boxes are drawn on. */
#define CARD_IMAGE_SIZE 720

struct _AugurCompareView
{
  GtkWidget          parent_instance;

  /* Children */
  AugurCompareStrip *strip;
  GtkScrolledWindow *scrolled_window;
  GtkBox            *card_box;

  /* Owned */
  GPtrArray         *columns;        /* (element-type AugurCompareColumn) */
  GPtrArray         *inputs;         /* (element-type AugurInput) (nullable items) */
  GPtrArray         *comparisons;    /* (element-type AugurComparison), one per input */
  GPtrArray         *cards;          /* (element-type AugurCompareCard) borrowed from card_box */
  GArray            *shown;          /* (element-type gboolean) per input */
  GArray            *image_asked;    /* (element-type gboolean) per input */
  GCancellable      *cancellable;    /* image loads of the current inputs */
  guint              generation;     /* bumped by reset, so late images are dropped */

  guint              max_concepts;
  double             min_value;
};

G_DEFINE_FINAL_TYPE (AugurCompareView, augur_compare_view, GTK_TYPE_WIDGET)

/* Images ----------------------------------------------------------------------------- */

typedef struct
{
  GWeakRef view;
  guint    generation;
  guint    index;
} ImageLoad;

static void
image_load_free (ImageLoad *load)
{
  g_weak_ref_clear (&load->view);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImageLoad, image_load_free)

static void
card_image_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ImageLoad) load = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = augur_thumbnail_load_finish (result, &error);
  g_autoptr(AugurCompareView) self = g_weak_ref_get (&load->view);

  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No image under the compared boxes: %s", error->message);
      return;
    }
  if (self == NULL || load->generation != self->generation || load->index >= self->cards->len)
    return;
  augur_compare_card_set_texture (g_ptr_array_index (self->cards, load->index), texture);
}

static gboolean
input_has_local_image (AugurInput *input)
{
  return input != NULL && (augur_input_get_kind (input) == AUGUR_INPUT_FILE ||
                           augur_input_get_kind (input) == AUGUR_INPUT_BYTES);
}

/* Once per input, when its card first shows boxes and only while it is shown. */
static void
load_image_if_needed (AugurCompareView *self,
                      guint             index)
{
  AugurInput *input = g_ptr_array_index (self->inputs, index);
  ImageLoad *load;

  if (g_array_index (self->image_asked, gboolean, index) ||
      !g_array_index (self->shown, gboolean, index) ||
      !augur_compare_card_needs_image (g_ptr_array_index (self->cards, index)) ||
      !input_has_local_image (input))
    return;

  g_array_index (self->image_asked, gboolean, index) = TRUE;
  load = g_new0 (ImageLoad, 1);
  g_weak_ref_init (&load->view, self);
  load->generation = self->generation;
  load->index = index;
  augur_thumbnail_load_async (input, CARD_IMAGE_SIZE, self->cancellable,
                              card_image_loaded_cb, load);
}

static void
cancel_image_loads (AugurCompareView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
}

/* Cards ------------------------------------------------------------------------------ */

static guint
count_shown (AugurCompareView *self)
{
  guint n = 0;

  for (guint i = 0; i < self->shown->len; i++)
    n += g_array_index (self->shown, gboolean, i);
  return n;
}

/* Mirror bars suit one input seen through two columns. */
static void
update_mirrors (AugurCompareView *self)
{
  gboolean mirror = count_shown (self) == 1 && self->columns->len == 2;

  for (guint i = 0; i < self->cards->len; i++)
    augur_compare_card_set_mirror (g_ptr_array_index (self->cards, i),
                                   mirror && g_array_index (self->shown, gboolean, i));
}

static void
update_strip (AugurCompareView *self)
{
  g_autoptr(AugurCompareSummary) summary = NULL;

  if (self->comparisons->len == 0)
    {
      augur_compare_strip_set (self->strip, self->columns, NULL);
      return;
    }
  summary = augur_compare_summarize (self->comparisons);
  augur_compare_strip_set (self->strip, self->columns, summary);
}

static void
remove_cards (AugurCompareView *self)
{
  for (guint i = 0; i < self->cards->len; i++)
    gtk_box_remove (self->card_box, g_ptr_array_index (self->cards, i));
  g_ptr_array_set_size (self->cards, 0);
  g_ptr_array_set_size (self->comparisons, 0);
  g_ptr_array_set_size (self->inputs, 0);
  g_array_set_size (self->shown, 0);
  g_array_set_size (self->image_asked, 0);
}

static void
add_card (AugurCompareView *self,
          guint             index,
          AugurInput       *input)
{
  AugurPrediction *pending[AUGUR_COMPARE_MAX_COLUMNS] = { NULL };
  g_autoptr(AugurComparison) comparison = augur_comparison_new (index, pending,
                                                                self->columns->len);
  /* The title before any column answered, as the comparison will word it. */
  g_autofree char *title = input != NULL ? augur_input_dup_description (input) : NULL;
  GtkWidget *card = augur_compare_card_new (self->columns, comparison, FALSE);
  gboolean yes = TRUE;
  gboolean no = FALSE;

  augur_compare_card_set_title (AUGUR_COMPARE_CARD (card), title);
  augur_compare_card_set_filter (AUGUR_COMPARE_CARD (card), self->max_concepts, self->min_value);
  gtk_box_append (self->card_box, card);

  g_ptr_array_add (self->inputs, input != NULL ? g_object_ref (input) : NULL);
  g_ptr_array_add (self->comparisons, g_steal_pointer (&comparison));
  g_ptr_array_add (self->cards, card);
  g_array_append_val (self->shown, yes);
  g_array_append_val (self->image_asked, no);
}

/* GObject ---------------------------------------------------------------------------- */

/* Inputs may have NULL slots, which g_object_unref() would complain about. */
static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
augur_compare_view_dispose (GObject *object)
{
  AugurCompareView *self = AUGUR_COMPARE_VIEW (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    cancel_image_loads (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->strip = NULL;
  self->scrolled_window = NULL;
  self->card_box = NULL;

  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->comparisons, g_ptr_array_unref);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);

  G_OBJECT_CLASS (augur_compare_view_parent_class)->dispose (object);
}

static void
augur_compare_view_finalize (GObject *object)
{
  AugurCompareView *self = AUGUR_COMPARE_VIEW (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->image_asked, g_array_unref);

  G_OBJECT_CLASS (augur_compare_view_parent_class)->finalize (object);
}

static void
augur_compare_view_class_init (AugurCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_compare_view_dispose;
  object_class->finalize = augur_compare_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "augur-compare-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
augur_compare_view_init (AugurCompareView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  self->columns = augur_compare_columns_copy (NULL);
  self->inputs = g_ptr_array_new_with_free_func (unref_nullable);
  self->comparisons = g_ptr_array_new_with_free_func (g_object_unref);
  self->cards = g_ptr_array_new ();
  self->shown = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->image_asked = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->max_concepts = AUGUR_COMPARE_CARD_DEFAULT_MAX_CONCEPTS;
  self->min_value = -1.0;

  self->strip = AUGUR_COMPARE_STRIP (augur_compare_strip_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->strip), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->strip), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->strip), 12);
  gtk_widget_set_parent (GTK_WIDGET (self->strip), GTK_WIDGET (self));

  self->card_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_margin_start (GTK_WIDGET (self->card_box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->card_box), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->card_box), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->card_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Compared inputs"),
                                  -1);

  self->scrolled_window = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scrolled_window, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->scrolled_window, GTK_WIDGET (self->card_box));
  gtk_widget_set_vexpand (GTK_WIDGET (self->scrolled_window), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->scrolled_window), GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comparison"),
                                  -1);
}

/* Public ----------------------------------------------------------------------------- */

GtkWidget *
augur_compare_view_new (void)
{
  return g_object_new (AUGUR_TYPE_COMPARE_VIEW, NULL);
}

void
augur_compare_view_reset (AugurCompareView *self,
                          GPtrArray        *columns,
                          GPtrArray        *inputs)
{
  g_return_if_fail (AUGUR_IS_COMPARE_VIEW (self));
  g_return_if_fail (columns != NULL);
  g_return_if_fail (columns->len >= AUGUR_COMPARE_MIN_COLUMNS);
  g_return_if_fail (columns->len <= AUGUR_COMPARE_MAX_COLUMNS);
  g_return_if_fail (inputs != NULL);

  cancel_image_loads (self);
  self->cancellable = g_cancellable_new ();
  remove_cards (self);

  g_ptr_array_unref (self->columns);
  self->columns = augur_compare_columns_copy (columns);
  for (guint i = 0; i < inputs->len; i++)
    add_card (self, i, g_ptr_array_index (inputs, i));

  update_mirrors (self);
  update_strip (self);
}

void
augur_compare_view_update (AugurCompareView *self,
                           AugurComparison  *comparison)
{
  guint index;

  g_return_if_fail (AUGUR_IS_COMPARE_VIEW (self));
  g_return_if_fail (AUGUR_IS_COMPARISON (comparison));
  g_return_if_fail (augur_comparison_get_n_columns (comparison) == self->columns->len);

  index = augur_comparison_get_index (comparison);
  g_return_if_fail (index < self->comparisons->len);

  g_set_object ((AugurComparison **) &g_ptr_array_index (self->comparisons, index), comparison);
  augur_compare_card_set_comparison (g_ptr_array_index (self->cards, index), comparison);
  load_image_if_needed (self, index);
  update_strip (self);
}

void
augur_compare_view_set_visible_indices (AugurCompareView *self,
                                        GArray           *indices)
{
  g_return_if_fail (AUGUR_IS_COMPARE_VIEW (self));

  for (guint i = 0; i < self->shown->len; i++)
    g_array_index (self->shown, gboolean, i) = indices == NULL;
  for (guint j = 0; indices != NULL && j < indices->len; j++)
    {
      guint index = g_array_index (indices, guint, j);

      if (index < self->shown->len)
        g_array_index (self->shown, gboolean, index) = TRUE;
    }

  for (guint i = 0; i < self->cards->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->cards, i),
                            g_array_index (self->shown, gboolean, i));
  update_mirrors (self);
  for (guint i = 0; i < self->cards->len; i++)
    load_image_if_needed (self, i);
}

void
augur_compare_view_set_filter (AugurCompareView *self,
                               guint             max_concepts,
                               double            min_value)
{
  g_return_if_fail (AUGUR_IS_COMPARE_VIEW (self));

  self->max_concepts = max_concepts;
  self->min_value = min_value;
  for (guint i = 0; i < self->cards->len; i++)
    augur_compare_card_set_filter (g_ptr_array_index (self->cards, i), max_concepts, min_value);
}

guint
augur_compare_view_get_n_cards (AugurCompareView *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_VIEW (self), 0);
  return self->cards->len;
}

/**
 * augur_compare_view_get_card:
 * @index: the input's index
 *
 * Returns: (transfer none): the card of input @index
 */
AugurCompareCard *
augur_compare_view_get_card (AugurCompareView *self,
                             guint             index)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (index < self->cards->len, NULL);
  return g_ptr_array_index (self->cards, index);
}

AugurCompareStrip *
augur_compare_view_get_strip (AugurCompareView *self)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_VIEW (self), NULL);
  return self->strip;
}
