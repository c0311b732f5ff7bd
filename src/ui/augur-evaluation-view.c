/* augur-evaluation-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-evaluation-view"

#include <glib/gi18n.h>

#include "augur-concept-bars.h"
#include "augur-evaluation-view.h"

#define N_COLUMNS 7
#define N_TOP_CONFUSIONS 5

struct _AugurEvaluationView
{
  GtkWidget            parent_instance;

  /* Children */
  GtkLabel            *summary_label;
  GtkWidget           *header;
  GtkListBox          *table;
  GtkLabel            *confusion_heading;
  GtkListBox          *confusion_list;
  GtkLabel            *no_confusion_label;

  /* Owned */
  AugurGroundTruth    *truth;          /* (nullable) */
  GPtrArray           *predictions;    /* (nullable) (element-type AugurPrediction) */
  AugurEvaluation     *evaluation;     /* (nullable) */
  GtkSizeGroup        *columns[N_COLUMNS];
  GPtrArray           *row_texts;      /* (element-type utf8) */
  GPtrArray           *row_labels;     /* (element-type utf8) accessible labels */
  GPtrArray           *confusion_texts; /* (element-type utf8) */

  double               threshold;
  AugurEvaluationMode  mode;
};

G_DEFINE_FINAL_TYPE (AugurEvaluationView, augur_evaluation_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TRUTH,
  PROP_THRESHOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text --------------------------------------------------------------------------------- */

static char *
format_summary (AugurEvaluation *evaluation)
{
  g_autofree char *accuracy = augur_format_percent (evaluation->accuracy);
  g_autofree char *precision = augur_format_percent (evaluation->macro_precision);
  g_autofree char *recall = augur_format_percent (evaluation->macro_recall);

  /* Translators: the evaluation summary, e.g. "Accuracy 43% · Precision 39% · Recall 33% ·
   * 7 labelled images"; precision and recall are averaged over the concepts */
  return g_strdup_printf (ngettext ("Accuracy %s · Precision %s · Recall %s · %u labelled image",
                                    "Accuracy %s · Precision %s · Recall %s · %u labelled images",
                                    evaluation->n_evaluated),
                          accuracy, precision, recall, evaluation->n_evaluated);
}

static char *
format_row_text (const AugurConceptScore *score)
{
  g_autofree char *precision = augur_format_percent (score->precision);
  g_autofree char *recall = augur_format_percent (score->recall);
  g_autofree char *f1 = augur_format_percent (score->f1);

  return g_strdup_printf ("%s | %u | %u | %u | %s | %s | %s", score->concept_name,
                          score->true_positives, score->false_positives,
                          score->false_negatives, precision, recall, f1);
}

static char *
format_row_label (const AugurConceptScore *score)
{
  g_autofree char *precision = augur_format_percent (score->precision);
  g_autofree char *recall = augur_format_percent (score->recall);
  g_autofree char *f1 = augur_format_percent (score->f1);

  /* Translators: what a screen reader says for one concept's row of the evaluation table */
  return g_strdup_printf (_("%s: precision %s, recall %s, F1 %s; true positives %u, "
                            "false positives %u, false negatives %u"),
                          score->concept_name, precision, recall, f1,
                          score->true_positives, score->false_positives,
                          score->false_negatives);
}

static const char *
predicted_name (const AugurConfusion *confusion)
{
  if (confusion->predicted_id == NULL)
    /* Translators: in "cat → no concept: 3", nothing reached the threshold */
    return _("no concept");
  return confusion->predicted_name != NULL ? confusion->predicted_name : confusion->predicted_id;
}

static char *
format_confusion (const AugurConfusion *confusion)
{
  /* Translators: a confusion, e.g. "cat → dog: 12": 12 images labelled cat were predicted
   * as dog */
  return g_strdup_printf (_("%s → %s: %u"), confusion->label_name,
                          predicted_name (confusion), confusion->count);
}

static char *
format_confusion_label (const AugurConfusion *confusion)
{
  /* Translators: what a screen reader says for "cat → dog: 12" */
  return g_strdup_printf (ngettext ("%s predicted as %s: %u image",
                                    "%s predicted as %s: %u images", confusion->count),
                          confusion->label_name, predicted_name (confusion), confusion->count);
}

/* Widgets ------------------------------------------------------------------------------ */

static GtkWidget *
create_cell (AugurEvaluationView *self,
             guint                column,
             const char          *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0f : 1.0f);
  if (column == 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_size_group_add_widget (self->columns[column], label);
  return label;
}

static GtkWidget *
create_row_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

static GtkWidget *
create_header (AugurEvaluationView *self)
{
  struct { const char *title; const char *tooltip; } columns[N_COLUMNS] = {
    /* Translators: evaluation table column headings */
    { N_("Concept"), NULL },
    /* Translators: abbreviation of "true positives" */
    { N_("TP"), N_("True positives: labelled images predicted as this concept") },
    /* Translators: abbreviation of "false positives" */
    { N_("FP"), N_("False positives: images predicted as this concept but labelled otherwise") },
    /* Translators: abbreviation of "false negatives" */
    { N_("FN"), N_("False negatives: labelled images not predicted as this concept") },
    { N_("Precision"), NULL },
    { N_("Recall"), NULL },
    { N_("F1"), N_("F1: the harmonic mean of precision and recall") },
  };
  GtkWidget *box = create_row_box ();

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkWidget *cell = create_cell (self, i, _(columns[i].title));

      gtk_widget_add_css_class (cell, "heading");
      if (columns[i].tooltip != NULL)
        gtk_widget_set_tooltip_text (cell, _(columns[i].tooltip));
      gtk_box_append (GTK_BOX (box), cell);
    }
  return box;
}

static GtkWidget *
create_score_row (AugurEvaluationView     *self,
                  const AugurConceptScore *score,
                  const char              *accessible_label)
{
  g_autofree char *precision = augur_format_percent (score->precision);
  g_autofree char *recall = augur_format_percent (score->recall);
  g_autofree char *f1 = augur_format_percent (score->f1);
  g_autofree char *tp = g_strdup_printf ("%u", score->true_positives);
  g_autofree char *fp = g_strdup_printf ("%u", score->false_positives);
  g_autofree char *fn = g_strdup_printf ("%u", score->false_negatives);
  const char *cells[N_COLUMNS] = { score->concept_name, tp, fp, fn, precision, recall, f1 };
  GtkWidget *box = create_row_box ();
  GtkWidget *row = gtk_list_box_row_new ();

  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_box_append (GTK_BOX (box), create_cell (self, i, cells[i]));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return row;
}

static GtkWidget *
create_confusion_row (const char *text,
                      const char *accessible_label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return row;
}

static void
clear_list_box (GtkListBox *list_box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list_box))) != NULL)
    gtk_list_box_remove (list_box, child);
}

/* Recomputing -------------------------------------------------------------------------- */

static void
update_summary (AugurEvaluationView *self)
{
  g_autofree char *summary = NULL;

  if (self->truth == NULL)
    summary = g_strdup (_("No ground truth folder"));
  else if (self->evaluation == NULL || self->evaluation->n_evaluated == 0)
    summary = g_strdup (_("No labelled results yet"));
  else
    summary = format_summary (self->evaluation);
  gtk_label_set_label (self->summary_label, summary);
}

static void
update_table (AugurEvaluationView *self)
{
  GPtrArray *scores = NULL;

  /* Rows of zeros before any result would read as a bad model. */
  if (self->evaluation != NULL && self->evaluation->n_evaluated > 0)
    scores = self->evaluation->scores;

  clear_list_box (self->table);
  g_ptr_array_set_size (self->row_texts, 0);
  g_ptr_array_set_size (self->row_labels, 0);
  for (guint i = 0; scores != NULL && i < scores->len; i++)
    {
      const AugurConceptScore *score = g_ptr_array_index (scores, i);
      char *label = format_row_label (score);

      g_ptr_array_add (self->row_texts, format_row_text (score));
      g_ptr_array_add (self->row_labels, label);
      gtk_list_box_append (self->table, create_score_row (self, score, label));
    }
  gtk_widget_set_visible (self->header, self->row_texts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->table), self->row_texts->len > 0);
}

static void
update_confusions (AugurEvaluationView *self)
{
  g_autoptr(GPtrArray) top = NULL;

  clear_list_box (self->confusion_list);
  g_ptr_array_set_size (self->confusion_texts, 0);
  if (self->evaluation != NULL)
    top = augur_evaluation_top_confusions (self->evaluation, N_TOP_CONFUSIONS);
  for (guint i = 0; top != NULL && i < top->len; i++)
    {
      const AugurConfusion *confusion = g_ptr_array_index (top, i);
      char *text = format_confusion (confusion);
      g_autofree char *label = format_confusion_label (confusion);

      g_ptr_array_add (self->confusion_texts, text);
      gtk_list_box_append (self->confusion_list, create_confusion_row (text, label));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->confusion_list), self->confusion_texts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_confusion_label),
                          self->evaluation != NULL && self->evaluation->n_evaluated > 0 &&
                          self->confusion_texts->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->confusion_heading),
                          self->evaluation != NULL && self->evaluation->n_evaluated > 0);
}

static void
recompute (AugurEvaluationView *self)
{
  g_clear_pointer (&self->evaluation, augur_evaluation_free);
  if (self->truth != NULL && self->predictions != NULL)
    self->evaluation = augur_evaluation_compute (self->truth, self->predictions,
                                                 self->threshold, self->mode);
  update_summary (self);
  update_table (self);
  update_confusions (self);
}

/* GObject ------------------------------------------------------------------------------ */

static void
augur_evaluation_view_dispose (GObject *object)
{
  AugurEvaluationView *self = AUGUR_EVALUATION_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  g_clear_object (&self->truth);
  g_clear_pointer (&self->predictions, g_ptr_array_unref);

  G_OBJECT_CLASS (augur_evaluation_view_parent_class)->dispose (object);
}

static void
augur_evaluation_view_finalize (GObject *object)
{
  AugurEvaluationView *self = AUGUR_EVALUATION_VIEW (object);

  g_clear_pointer (&self->evaluation, augur_evaluation_free);
  g_clear_pointer (&self->row_texts, g_ptr_array_unref);
  g_clear_pointer (&self->row_labels, g_ptr_array_unref);
  g_clear_pointer (&self->confusion_texts, g_ptr_array_unref);

  G_OBJECT_CLASS (augur_evaluation_view_parent_class)->finalize (object);
}

static void
augur_evaluation_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AugurEvaluationView *self = AUGUR_EVALUATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_TRUTH:
      g_value_set_object (value, self->truth);
      break;
    case PROP_THRESHOLD:
      g_value_set_double (value, self->threshold);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_evaluation_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AugurEvaluationView *self = AUGUR_EVALUATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_TRUTH:
      augur_evaluation_view_set_truth (self, g_value_get_object (value));
      break;
    case PROP_THRESHOLD:
      augur_evaluation_view_set_threshold (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_evaluation_view_class_init (AugurEvaluationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_evaluation_view_dispose;
  object_class->finalize = augur_evaluation_view_finalize;
  object_class->get_property = augur_evaluation_view_get_property;
  object_class->set_property = augur_evaluation_view_set_property;

  properties[PROP_TRUTH] =
    g_param_spec_object ("truth", NULL, NULL, AUGUR_TYPE_GROUND_TRUTH,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THRESHOLD] =
    g_param_spec_double ("threshold", NULL, NULL, 0.0, 1.0, 0.5,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evaluation-view");
}

static GtkListBox *
create_list_box (AugurEvaluationView *self,
                 const char          *accessible_label)
{
  GtkWidget *list_box = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list_box, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  gtk_widget_set_parent (list_box, GTK_WIDGET (self));
  return GTK_LIST_BOX (list_box);
}

static GtkLabel *
create_label (AugurEvaluationView *self,
              const char          *text,
              const char          *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return GTK_LABEL (label);
}

static void
augur_evaluation_view_init (AugurEvaluationView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  self->threshold = 0.5;
  self->mode = AUGUR_EVALUATION_SINGLE_LABEL;
  self->row_texts = g_ptr_array_new_with_free_func (g_free);
  self->row_labels = g_ptr_array_new_with_free_func (g_free);
  self->confusion_texts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_COLUMNS; i++)
    self->columns[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  self->summary_label = create_label (self, NULL, "heading");
  gtk_label_set_selectable (self->summary_label, TRUE);
  self->header = create_header (self);
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));
  /* Translators: accessible name of the per-concept evaluation table */
  self->table = create_list_box (self, _("Precision and recall per concept"));
  /* Translators: heading above the most frequent mistakes, e.g. "cat → dog: 12" */
  self->confusion_heading = create_label (self, _("Most Confused"), "heading");
  self->confusion_list = create_list_box (self, _("Most confused concepts"));
  self->no_confusion_label = create_label (self, _("No mistakes at this threshold"),
                                           "dim-label");
  recompute (self);
}

/* Public ------------------------------------------------------------------------------- */

GtkWidget *
augur_evaluation_view_new (void)
{
  return g_object_new (AUGUR_TYPE_EVALUATION_VIEW, NULL);
}

AugurGroundTruth *
augur_evaluation_view_get_truth (AugurEvaluationView *self)
{
  g_return_val_if_fail (AUGUR_IS_EVALUATION_VIEW (self), NULL);
  return self->truth;
}

void
augur_evaluation_view_set_truth (AugurEvaluationView *self,
                                 AugurGroundTruth    *truth)
{
  g_return_if_fail (AUGUR_IS_EVALUATION_VIEW (self));
  g_return_if_fail (truth == NULL || AUGUR_IS_GROUND_TRUTH (truth));

  if (!g_set_object (&self->truth, truth))
    return;
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUTH]);
}

void
augur_evaluation_view_set_predictions (AugurEvaluationView *self,
                                       GPtrArray           *predictions)
{
  g_return_if_fail (AUGUR_IS_EVALUATION_VIEW (self));

  if (predictions != NULL)
    g_ptr_array_ref (predictions);
  g_clear_pointer (&self->predictions, g_ptr_array_unref);
  self->predictions = predictions;
  recompute (self);
}

double
augur_evaluation_view_get_threshold (AugurEvaluationView *self)
{
  g_return_val_if_fail (AUGUR_IS_EVALUATION_VIEW (self), 0.0);
  return self->threshold;
}

void
augur_evaluation_view_set_threshold (AugurEvaluationView *self,
                                     double               threshold)
{
  g_return_if_fail (AUGUR_IS_EVALUATION_VIEW (self));

  threshold = CLAMP (threshold, 0.0, 1.0);
  if (threshold == self->threshold)
    return;
  self->threshold = threshold;
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD]);
}

AugurEvaluationMode
augur_evaluation_view_get_mode (AugurEvaluationView *self)
{
  g_return_val_if_fail (AUGUR_IS_EVALUATION_VIEW (self), AUGUR_EVALUATION_SINGLE_LABEL);
  return self->mode;
}

void
augur_evaluation_view_set_mode (AugurEvaluationView *self,
                                AugurEvaluationMode  mode)
{
  g_return_if_fail (AUGUR_IS_EVALUATION_VIEW (self));

  if (mode == self->mode)
    return;
  self->mode = mode;
  recompute (self);
}

double
augur_evaluation_view_get_accuracy (AugurEvaluationView *self)
{
  g_return_val_if_fail (AUGUR_IS_EVALUATION_VIEW (self), 0.0);
  return self->evaluation != NULL ? self->evaluation->accuracy : 0.0;
}

const char *
augur_evaluation_view_get_summary (AugurEvaluationView *self)
{
  g_return_val_if_fail (AUGUR_IS_EVALUATION_VIEW (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

static GStrv
dup_strings (GPtrArray *strings)
{
  GStrv copy = g_new0 (char *, strings->len + 1);

  for (guint i = 0; i < strings->len; i++)
    copy[i] = g_strdup (g_ptr_array_index (strings, i));
  return copy;
}

GStrv
augur_evaluation_view_dup_rows (AugurEvaluationView *self)
{
  g_return_val_if_fail (AUGUR_IS_EVALUATION_VIEW (self), NULL);
  return dup_strings (self->row_texts);
}

GStrv
augur_evaluation_view_dup_confusions (AugurEvaluationView *self)
{
  g_return_val_if_fail (AUGUR_IS_EVALUATION_VIEW (self), NULL);
  return dup_strings (self->confusion_texts);
}

const char *
augur_evaluation_view_get_row_accessible_label (AugurEvaluationView *self,
                                                guint                index)
{
  g_return_val_if_fail (AUGUR_IS_EVALUATION_VIEW (self), NULL);
  if (index >= self->row_labels->len)
    return NULL;
  return g_ptr_array_index (self->row_labels, index);
}
