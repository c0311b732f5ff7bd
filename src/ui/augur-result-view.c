/* augur-result-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-result-view"

#include <glib/gi18n.h>

#include "augur-concept-bars.h"
#include "augur-region-overlay.h"
#include "augur-result-view.h"
#include "augur-text-output.h"
#include "augur-thumbnail.h"

/* Longest side of the image the boxes are drawn on, and of a generated image. */
#define OVERLAY_IMAGE_SIZE   800
#define GENERATED_IMAGE_SIZE 1024
/* How many leading values of an embedding to show. */
#define N_EMBEDDING_VALUES   8

#define ROW_LABEL_KEY "augur-accessible-label"
#define ROW_INDEX_KEY "augur-region-index"

struct _AugurResultView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkWidget          *main_box;
  GtkLabel           *title_label;
  GtkLabel           *status_label;
  GtkLabel           *provenance_label;
  GtkWidget          *error_box;
  GtkLabel           *error_label;
  GtkBox             *content_box;

  /* Borrowed: children of content_box, NULL when this kind of result has none */
  AugurConceptBars   *concept_bars;
  AugurRegionOverlay *overlay;
  GtkListBox         *region_list;
  GtkLabel           *image_note;
  GtkPicture         *picture;

  /* Owned */
  AugurPrediction    *prediction;
  GCancellable       *cancellable;
  GPtrArray          *region_rows;   /* (element-type GtkListBoxRow), borrowed */

  double              min_value;
};

G_DEFINE_FINAL_TYPE (AugurResultView, augur_result_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PREDICTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Header ------------------------------------------------------------------------------- */

static char *
format_duration (double duration_ms)
{
  if (duration_ms < 1000)
    /* Translators: how long the request took, in milliseconds */
    return g_strdup_printf (_("%.0f ms"), duration_ms);
  /* Translators: how long the request took, in seconds */
  return g_strdup_printf (_("%.1f s"), duration_ms / 1000.0);
}

/* "general-image-recognition · version aa7f35c0 · 312 ms", from what the prediction knows. */
static char *
describe_provenance (AugurPrediction *prediction)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *model_id = augur_prediction_get_model_id (prediction);
  const char *version_id = augur_prediction_get_version_id (prediction);
  double duration_ms = augur_prediction_get_duration_ms (prediction);

  if (model_id != NULL && *model_id != '\0')
    g_ptr_array_add (parts, g_strdup (model_id));
  if (version_id != NULL && *version_id != '\0')
    /* Translators: %.8s is the start of a model version id */
    g_ptr_array_add (parts, g_strdup_printf (_("version %.8s"), version_id));
  if (duration_ms > 0)
    g_ptr_array_add (parts, format_duration (duration_ms));
  if (augur_prediction_get_cached (prediction))
    /* Translators: the result was not requested again but remembered from before */
    g_ptr_array_add (parts, g_strdup (_("from cache")));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_status (AugurResultView *self)
{
  gboolean success = augur_prediction_is_success (self->prediction);
  const char *label = augur_prediction_get_input (self->prediction) != NULL
                      ? augur_input_get_label (augur_prediction_get_input (self->prediction))
                      : NULL;
  g_autofree char *title = NULL;

  if (label == NULL)
    /* Translators: the title of a result whose input is unknown; %u counts from 1 */
    title = g_strdup_printf (_("Input %u"), augur_prediction_get_index (self->prediction) + 1);
  else
    title = g_strdup (label);

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->status_label, success ? _("Done") : _("Failed"));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), success ? "success" : "error");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  success ? _("Done") : _("Failed"),
                                  -1);
}

static void
show_error (AugurResultView *self)
{
  const GError *error = augur_prediction_get_error (self->prediction);

  gtk_widget_set_visible (self->error_box, error != NULL);
  if (error == NULL)
    return;

  /* The message already carries the server's description and the request id. */
  gtk_label_set_text (self->error_label, error->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, error->message,
                                  -1);
}

/* Content helpers ---------------------------------------------------------------------- */

static GtkLabel *
append_label (AugurResultView *self,
              const char      *text,
              const char      *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->content_box, label);

  return GTK_LABEL (label);
}

static void
show_image_note (AugurResultView *self,
                 const char      *text)
{
  if (self->image_note == NULL)
    return;

  gtk_label_set_text (self->image_note, text);
  gtk_widget_set_visible (GTK_WIDGET (self->image_note), TRUE);
}

/* Concepts ----------------------------------------------------------------------------- */

static void
build_concepts (AugurResultView *self)
{
  GPtrArray *concepts = augur_prediction_get_concepts (self->prediction);

  if (concepts->len == 0)
    return;

  self->concept_bars = AUGUR_CONCEPT_BARS (augur_concept_bars_new ());
  augur_concept_bars_set_concepts (self->concept_bars, concepts);
  gtk_box_append (self->content_box, GTK_WIDGET (self->concept_bars));
}

/* Regions ------------------------------------------------------------------------------ */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  GdkRGBA color;

  augur_region_overlay_get_color (GPOINTER_TO_UINT (user_data), &color);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static GtkWidget *
create_swatch (guint index)
{
  GtkWidget *swatch = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                  GUINT_TO_POINTER (index), NULL);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);

  return swatch;
}

static void
region_row_focused_cb (GtkEventControllerFocus *controller,
                       AugurResultView         *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (self->overlay != NULL)
    augur_region_overlay_set_highlight (self->overlay,
                                        GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row),
                                                                            ROW_INDEX_KEY)));
}

static GtkWidget *
create_region_row (AugurResultView *self,
                   AugurRegion     *region,
                   guint            index)
{
  g_autofree char *name = augur_region_dup_display_label (region);
  double value = augur_region_get_display_value (region);
  g_autofree char *percent = augur_format_percent (value);
  char *accessible = augur_format_percent_accessible (name, value);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *percent_label = gtk_label_new (percent);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_label_set_xalign (GTK_LABEL (name_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_widget_add_css_class (percent_label, "numeric");

  gtk_box_append (GTK_BOX (box), create_swatch (index));
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), percent_label);
  gtk_widget_add_css_class (box, "augur-region-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_widget_set_focusable (row, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), ROW_LABEL_KEY, accessible, g_free);
  g_object_set_data (G_OBJECT (row), ROW_INDEX_KEY, GUINT_TO_POINTER (index));

  g_signal_connect_object (focus, "enter", G_CALLBACK (region_row_focused_cb), self, 0);
  gtk_widget_add_controller (row, focus);

  return row;
}

static void
region_row_selected_cb (GtkListBox      *list_box,
                        GtkListBoxRow   *row,
                        AugurResultView *self)
{
  int index = -1;

  if (row != NULL)
    index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), ROW_INDEX_KEY));
  if (self->overlay != NULL)
    augur_region_overlay_set_highlight (self->overlay, index);
}

static void
overlay_texture_loaded_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(AugurResultView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = augur_thumbnail_load_finish (result, &error);

  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("No image under the boxes: %s", error->message);
          show_image_note (self, error->message);
        }
      return;
    }

  if (self->overlay != NULL)
    augur_region_overlay_set_texture (self->overlay, texture);
}

static gboolean
input_has_local_image (AugurInput *input)
{
  return input != NULL && (augur_input_get_kind (input) == AUGUR_INPUT_FILE ||
                           augur_input_get_kind (input) == AUGUR_INPUT_BYTES);
}

static void
load_overlay_image (AugurResultView *self)
{
  AugurInput *input = augur_prediction_get_input (self->prediction);

  if (!input_has_local_image (input))
    {
      show_image_note (self, _("The image is not shown here; the boxes are drawn on a blank "
                               "frame of the same proportions"));
      return;
    }

  augur_thumbnail_load_async (input, OVERLAY_IMAGE_SIZE, self->cancellable,
                              overlay_texture_loaded_cb, g_object_ref (self));
}

static void
build_region_list (AugurResultView *self,
                   GPtrArray       *regions)
{
  self->region_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->region_list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->region_list), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->region_list), "augur-region-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->region_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Detected regions"),
                                  -1);
  g_signal_connect_object (self->region_list, "row-selected",
                           G_CALLBACK (region_row_selected_cb), self, 0);

  for (guint i = 0; i < regions->len; i++)
    {
      GtkWidget *row = create_region_row (self, g_ptr_array_index (regions, i), i);

      g_ptr_array_add (self->region_rows, row);
      gtk_list_box_append (self->region_list, row);
    }

  gtk_box_append (self->content_box, GTK_WIDGET (self->region_list));
}

static void
build_regions (AugurResultView *self)
{
  GPtrArray *regions = augur_prediction_get_regions (self->prediction);

  if (regions->len == 0)
    return;

  self->overlay = AUGUR_REGION_OVERLAY (augur_region_overlay_new ());
  augur_region_overlay_set_regions (self->overlay, regions);
  gtk_widget_set_halign (GTK_WIDGET (self->overlay), GTK_ALIGN_CENTER);
  gtk_box_append (self->content_box, GTK_WIDGET (self->overlay));

  self->image_note = append_label (self, NULL, "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->image_note), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->image_note), FALSE);

  build_region_list (self, regions);
  load_overlay_image (self);
}

/* Text, embeddings, generated images --------------------------------------------------- */

static void
build_text (AugurResultView *self)
{
  const char *text = augur_prediction_get_text (self->prediction);
  guint prompt_tokens = augur_prediction_get_prompt_tokens (self->prediction);
  guint completion_tokens = augur_prediction_get_completion_tokens (self->prediction);
  GtkWidget *output;

  if (text == NULL)
    return;

  output = augur_text_output_new ();
  augur_text_output_set_text (AUGUR_TEXT_OUTPUT (output), text);
  gtk_box_append (self->content_box, output);

  if (prompt_tokens > 0 || completion_tokens > 0)
    {
      /* Translators: token counts reported by the model */
      g_autofree char *tokens = g_strdup_printf (_("Prompt tokens: %u · Completion tokens: %u"),
                                                 prompt_tokens, completion_tokens);
      GtkLabel *label = append_label (self, tokens, "caption");

      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static char *
format_leading_values (GArray *vector)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = MIN (vector->len, N_EMBEDDING_VALUES);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%.4f", i > 0 ? ", " : "",
                            (double) g_array_index (vector, float, i));
  if (vector->len > n)
    g_string_append (text, ", …");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
build_embeddings (AugurResultView *self)
{
  GPtrArray *embeddings = augur_prediction_get_embeddings (self->prediction);

  for (guint i = 0; embeddings != NULL && i < embeddings->len; i++)
    {
      GArray *vector = g_ptr_array_index (embeddings, i);
      g_autofree char *summary = NULL;
      g_autofree char *values = format_leading_values (vector);
      GtkLabel *values_label;

      /* Translators: the length of an embedding vector */
      summary = g_strdup_printf (ngettext ("Embedding: %u dimension",
                                           "Embedding: %u dimensions", vector->len),
                                 vector->len);
      append_label (self, summary, NULL);
      values_label = append_label (self, values, "monospace");
      gtk_label_set_selectable (values_label, TRUE);
    }
}

static void
generated_image_loaded_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(AugurResultView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = augur_thumbnail_load_finish (result, &error);

  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Generated image not shown: %s", error->message);
          show_image_note (self, error->message);
        }
      return;
    }

  if (self->picture != NULL)
    gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

static void
build_image (AugurResultView *self)
{
  GBytes *image = augur_prediction_get_image (self->prediction);
  g_autoptr(AugurInput) input = NULL;

  if (image == NULL)
    return;

  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_picture_set_alternative_text (self->picture, _("Generated image"));
  gtk_box_append (self->content_box, GTK_WIDGET (self->picture));

  self->image_note = append_label (self, NULL, "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->image_note), FALSE);

  /* Decoded like an input, so it happens off the main thread. */
  input = augur_input_new_bytes (image, _("Generated image"));
  augur_thumbnail_load_async (input, GENERATED_IMAGE_SIZE, self->cancellable,
                              generated_image_loaded_cb, g_object_ref (self));
}

static gboolean
has_content (AugurResultView *self)
{
  return gtk_widget_get_first_child (GTK_WIDGET (self->content_box)) != NULL;
}

static void
build_content (AugurResultView *self)
{
  /* Everything the output carries is shown, even next to an error. */
  build_concepts (self);
  build_regions (self);
  build_text (self);
  build_embeddings (self);
  build_image (self);

  if (!has_content (self) && augur_prediction_is_success (self->prediction))
    {
      GtkLabel *label = append_label (self, _("The model returned nothing for this input"),
                                      "dim-label");

      gtk_widget_set_halign (GTK_WIDGET (label), GTK_ALIGN_START);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->content_box), has_content (self));
}

/* GObject ------------------------------------------------------------------------------ */

static void
augur_result_view_constructed (GObject *object)
{
  AugurResultView *self = AUGUR_RESULT_VIEW (object);
  g_autofree char *provenance = NULL;

  G_OBJECT_CLASS (augur_result_view_parent_class)->constructed (object);

  g_return_if_fail (AUGUR_IS_PREDICTION (self->prediction));

  show_status (self);
  show_error (self);
  provenance = describe_provenance (self->prediction);
  augur_result_view_set_provenance (self, provenance);
  build_content (self);
}

static void
augur_result_view_dispose (GObject *object)
{
  AugurResultView *self = AUGUR_RESULT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  self->concept_bars = NULL;
  self->overlay = NULL;
  self->region_list = NULL;
  self->image_note = NULL;
  self->picture = NULL;
  g_clear_pointer (&self->region_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), AUGUR_TYPE_RESULT_VIEW);
  g_clear_object (&self->prediction);

  G_OBJECT_CLASS (augur_result_view_parent_class)->dispose (object);
}

static void
augur_result_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AugurResultView *self = AUGUR_RESULT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PREDICTION:
      g_value_set_object (value, self->prediction);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_result_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AugurResultView *self = AUGUR_RESULT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PREDICTION:
      self->prediction = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_result_view_class_init (AugurResultViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = augur_result_view_constructed;
  object_class->dispose = augur_result_view_dispose;
  object_class->get_property = augur_result_view_get_property;
  object_class->set_property = augur_result_view_set_property;

  properties[PROP_PREDICTION] =
    g_param_spec_object ("prediction", NULL, NULL,
                         AUGUR_TYPE_PREDICTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/augur/Augur/augur-result-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AugurResultView, main_box);
  gtk_widget_class_bind_template_child (widget_class, AugurResultView, title_label);
  gtk_widget_class_bind_template_child (widget_class, AugurResultView, status_label);
  gtk_widget_class_bind_template_child (widget_class, AugurResultView, provenance_label);
  gtk_widget_class_bind_template_child (widget_class, AugurResultView, error_box);
  gtk_widget_class_bind_template_child (widget_class, AugurResultView, error_label);
  gtk_widget_class_bind_template_child (widget_class, AugurResultView, content_box);

  gtk_widget_class_set_css_name (widget_class, "augur-result-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
augur_result_view_init (AugurResultView *self)
{
  g_type_ensure (AUGUR_TYPE_CONCEPT_BARS);
  g_type_ensure (AUGUR_TYPE_REGION_OVERLAY);
  g_type_ensure (AUGUR_TYPE_TEXT_OUTPUT);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->region_rows = g_ptr_array_new ();
  self->min_value = -1.0;
}

/* Public ------------------------------------------------------------------------------- */

GtkWidget *
augur_result_view_new (AugurPrediction *prediction)
{
  g_return_val_if_fail (AUGUR_IS_PREDICTION (prediction), NULL);

  return g_object_new (AUGUR_TYPE_RESULT_VIEW, "prediction", prediction, NULL);
}

AugurPrediction *
augur_result_view_get_prediction (AugurResultView *self)
{
  g_return_val_if_fail (AUGUR_IS_RESULT_VIEW (self), NULL);
  return self->prediction;
}

/**
 * augur_result_view_set_provenance:
 * @provenance: (nullable): what answered and how fast; %NULL or "" hides the line
 */
void
augur_result_view_set_provenance (AugurResultView *self,
                                  const char      *provenance)
{
  gboolean shown = provenance != NULL && *provenance != '\0';

  g_return_if_fail (AUGUR_IS_RESULT_VIEW (self));

  gtk_label_set_text (self->provenance_label, shown ? provenance : "");
  gtk_widget_set_visible (GTK_WIDGET (self->provenance_label), shown);
}

/* (nullable): the provenance line shown, or %NULL when hidden */
const char *
augur_result_view_get_provenance (AugurResultView *self)
{
  g_return_val_if_fail (AUGUR_IS_RESULT_VIEW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->provenance_label)))
    return NULL;
  return gtk_label_get_text (self->provenance_label);
}

static void
filter_region_rows (AugurResultView *self)
{
  GPtrArray *regions = augur_prediction_get_regions (self->prediction);

  for (guint i = 0; i < self->region_rows->len; i++)
    {
      double value = augur_region_get_display_value (g_ptr_array_index (regions, i));

      gtk_widget_set_visible (g_ptr_array_index (self->region_rows, i),
                              self->min_value < 0.0 || value >= self->min_value);
    }
}

void
augur_result_view_set_filter (AugurResultView    *self,
                              guint               max_concepts,
                              double              min_value,
                              const char * const *selected)
{
  g_return_if_fail (AUGUR_IS_RESULT_VIEW (self));

  self->min_value = min_value;

  if (self->concept_bars != NULL)
    augur_concept_bars_set_filter (self->concept_bars, max_concepts, min_value, selected);
  if (self->overlay != NULL)
    augur_region_overlay_set_min_value (self->overlay, min_value);
  filter_region_rows (self);
}

static GStrv
dup_visible_region_rows (AugurResultView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->region_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->region_rows, i);

      if (gtk_widget_get_visible (row))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (row), ROW_LABEL_KEY));
    }

  return g_strv_builder_end (builder);
}

/**
 * augur_result_view_dup_visible_rows:
 *
 * Returns: (transfer full): what a screen reader reads for each shown concept row, or for
 *   each region row of a detector; empty when the result has neither
 */
GStrv
augur_result_view_dup_visible_rows (AugurResultView *self)
{
  g_return_val_if_fail (AUGUR_IS_RESULT_VIEW (self), NULL);

  if (self->concept_bars != NULL)
    return augur_concept_bars_dup_visible_rows (self->concept_bars);
  return dup_visible_region_rows (self);
}

guint
augur_result_view_get_n_boxes (AugurResultView *self)
{
  g_return_val_if_fail (AUGUR_IS_RESULT_VIEW (self), 0);

  if (self->overlay == NULL)
    return 0;
  return augur_region_overlay_get_n_visible (self->overlay);
}

/* (nullable): the inline error shown, or %NULL when this input succeeded */
const char *
augur_result_view_get_error_text (AugurResultView *self)
{
  g_return_val_if_fail (AUGUR_IS_RESULT_VIEW (self), NULL);

  if (!gtk_widget_get_visible (self->error_box))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

/* Selects the list row of region @index, which highlights its box; -1 clears. */
void
augur_result_view_select_region (AugurResultView *self,
                                 int              index)
{
  g_return_if_fail (AUGUR_IS_RESULT_VIEW (self));

  if (self->region_list == NULL)
    return;

  if (index < 0 || (guint) index >= self->region_rows->len)
    gtk_list_box_unselect_all (self->region_list);
  else
    gtk_list_box_select_row (self->region_list, g_ptr_array_index (self->region_rows, index));
}

/* (nullable) (transfer none): the image with boxes, for detectors */
AugurRegionOverlay *
augur_result_view_get_overlay (AugurResultView *self)
{
  g_return_val_if_fail (AUGUR_IS_RESULT_VIEW (self), NULL);
  return self->overlay;
}
