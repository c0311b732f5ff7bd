/* augur-batch-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-batch-row"

#include "augur-batch-row.h"
#include "augur-batch-view-state.h"
#include "augur-concept-bars.h"

struct _AugurBatchRow
{
  GObject          parent_instance;

  guint            index;
  AugurInput      *input;       /* (owned) (nullable) */
  AugurPrediction *prediction;  /* (owned) (nullable) */
  gboolean         cached;
  double           threshold;
};

G_DEFINE_FINAL_TYPE (AugurBatchRow, augur_batch_row, G_TYPE_OBJECT)
G_DEFINE_ENUM_TYPE (AugurBatchRowState, augur_batch_row_state,
  G_DEFINE_ENUM_VALUE (AUGUR_BATCH_ROW_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (AUGUR_BATCH_ROW_DONE, "done"),
  G_DEFINE_ENUM_VALUE (AUGUR_BATCH_ROW_CACHED, "cached"),
  G_DEFINE_ENUM_VALUE (AUGUR_BATCH_ROW_FAILED, "failed"))

enum {
  PROP_0,
  PROP_INDEX,
  PROP_INPUT,
  PROP_PREDICTION,
  PROP_CACHED,
  PROP_THRESHOLD,
  PROP_STATE,
  PROP_LABEL,
  PROP_TOP_NAME,
  PROP_TOP_VALUE,
  PROP_VALUE_TEXT,
  PROP_SUMMARY,
  PROP_STATUS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_derived (AugurBatchRow *self,
                gboolean       top_only)
{
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOP_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOP_VALUE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_TEXT]);
  if (!top_only)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TEXT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static AugurConcept *
get_top_concept (AugurBatchRow *self)
{
  if (self->prediction == NULL || !augur_prediction_is_success (self->prediction))
    return NULL;

  return augur_batch_view_state_top_concept (self->prediction, self->threshold);
}

static void
augur_batch_row_finalize (GObject *object)
{
  AugurBatchRow *self = (AugurBatchRow *)object;

  g_clear_object (&self->input);
  g_clear_object (&self->prediction);

  G_OBJECT_CLASS (augur_batch_row_parent_class)->finalize (object);
}

static void
augur_batch_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AugurBatchRow *self = AUGUR_BATCH_ROW (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_INPUT:
      g_value_set_object (value, self->input);
      break;
    case PROP_PREDICTION:
      g_value_set_object (value, self->prediction);
      break;
    case PROP_CACHED:
      g_value_set_boolean (value, augur_batch_row_get_cached (self));
      break;
    case PROP_THRESHOLD:
      g_value_set_double (value, self->threshold);
      break;
    case PROP_STATE:
      g_value_set_enum (value, augur_batch_row_get_state (self));
      break;
    case PROP_LABEL:
      g_value_set_string (value, augur_batch_row_get_label (self));
      break;
    case PROP_TOP_NAME:
      g_value_set_string (value, augur_batch_row_get_top_name (self));
      break;
    case PROP_TOP_VALUE:
      g_value_set_double (value, augur_batch_row_get_top_value (self));
      break;
    case PROP_VALUE_TEXT:
      g_value_take_string (value, augur_batch_row_dup_value_text (self));
      break;
    case PROP_SUMMARY:
      g_value_take_string (value, augur_batch_row_dup_summary (self));
      break;
    case PROP_STATUS_TEXT:
      g_value_take_string (value, augur_batch_row_dup_status_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_batch_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AugurBatchRow *self = AUGUR_BATCH_ROW (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      self->index = g_value_get_uint (value);
      break;
    case PROP_INPUT:
      self->input = g_value_dup_object (value);
      break;
    case PROP_PREDICTION:
      augur_batch_row_set_prediction (self, g_value_get_object (value));
      break;
    case PROP_CACHED:
      augur_batch_row_set_cached (self, g_value_get_boolean (value));
      break;
    case PROP_THRESHOLD:
      augur_batch_row_set_threshold (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
augur_batch_row_class_init (AugurBatchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = augur_batch_row_finalize;
  object_class->get_property = augur_batch_row_get_property;
  object_class->set_property = augur_batch_row_set_property;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INPUT] =
    g_param_spec_object ("input", NULL, NULL, AUGUR_TYPE_INPUT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREDICTION] =
    g_param_spec_object ("prediction", NULL, NULL, AUGUR_TYPE_PREDICTION, rw);
  properties[PROP_CACHED] = g_param_spec_boolean ("cached", NULL, NULL, FALSE, rw);
  properties[PROP_THRESHOLD] = g_param_spec_double ("threshold", NULL, NULL, 0, 1, 0, rw);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, AUGUR_TYPE_BATCH_ROW_STATE,
                       AUGUR_BATCH_ROW_PENDING, ro);
  properties[PROP_LABEL] = string_property ("label");
  properties[PROP_TOP_NAME] = string_property ("top-name");
  properties[PROP_TOP_VALUE] = g_param_spec_double ("top-value", NULL, NULL, -1, 1, -1, ro);
  properties[PROP_VALUE_TEXT] = string_property ("value-text");
  properties[PROP_SUMMARY] = string_property ("summary");
  properties[PROP_STATUS_TEXT] = string_property ("status-text");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
augur_batch_row_init (AugurBatchRow *self)
{
}

AugurBatchRow *
augur_batch_row_new (guint       index,
                     AugurInput *input)
{
  AugurBatchRow *self;

  g_return_val_if_fail (input == NULL || AUGUR_IS_INPUT (input), NULL);

  /* Set directly rather than as construct properties: a run makes thousands of rows at once. */
  self = g_object_new (AUGUR_TYPE_BATCH_ROW, NULL);
  self->index = index;
  self->input = input != NULL ? g_object_ref (input) : NULL;
  return self;
}

guint
augur_batch_row_get_index (AugurBatchRow *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (self), 0);

  return self->index;
}

AugurInput *
augur_batch_row_get_input (AugurBatchRow *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (self), NULL);

  return self->input;
}

AugurPrediction *
augur_batch_row_get_prediction (AugurBatchRow *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (self), NULL);

  return self->prediction;
}

void
augur_batch_row_set_prediction (AugurBatchRow   *self,
                                AugurPrediction *prediction)
{
  g_return_if_fail (AUGUR_IS_BATCH_ROW (self));
  g_return_if_fail (prediction == NULL || AUGUR_IS_PREDICTION (prediction));

  if (!g_set_object (&self->prediction, prediction))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREDICTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHED]);
  notify_derived (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
augur_batch_row_get_cached (AugurBatchRow *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (self), FALSE);

  return self->cached ||
         (self->prediction != NULL && augur_prediction_get_cached (self->prediction));
}

void
augur_batch_row_set_cached (AugurBatchRow *self,
                            gboolean       cached)
{
  g_return_if_fail (AUGUR_IS_BATCH_ROW (self));

  cached = !!cached;
  if (self->cached == cached)
    return;

  self->cached = cached;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TEXT]);
  g_object_thaw_notify (G_OBJECT (self));
}

double
augur_batch_row_get_threshold (AugurBatchRow *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (self), 0);

  return self->threshold;
}

void
augur_batch_row_set_threshold (AugurBatchRow *self,
                               double         threshold)
{
  AugurConcept *before;

  g_return_if_fail (AUGUR_IS_BATCH_ROW (self));

  threshold = CLAMP (threshold, 0, 1);
  if (self->threshold == threshold)
    return;

  before = get_top_concept (self);
  self->threshold = threshold;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD]);
  /* Only rows whose top concept changed touch their bound cells. */
  if (before != get_top_concept (self))
    notify_derived (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
}

AugurBatchRowState
augur_batch_row_get_state (AugurBatchRow *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (self), AUGUR_BATCH_ROW_PENDING);

  return augur_batch_view_state_row_state (self->prediction, self->cached);
}

const char *
augur_batch_row_get_label (AugurBatchRow *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (self), NULL);

  return self->input != NULL ? augur_input_get_label (self->input) : "";
}

const char *
augur_batch_row_get_top_name (AugurBatchRow *self)
{
  AugurConcept *top;

  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (self), NULL);

  top = get_top_concept (self);
  if (top == NULL)
    return NULL;

  return augur_concept_get_name (top) != NULL ? augur_concept_get_name (top)
                                              : augur_concept_get_id (top);
}

double
augur_batch_row_get_top_value (AugurBatchRow *self)
{
  AugurConcept *top;

  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (self), -1);

  top = get_top_concept (self);
  return top != NULL ? augur_concept_get_value (top) : -1;
}

char *
augur_batch_row_dup_value_text (AugurBatchRow *self)
{
  double value;

  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (self), NULL);

  value = augur_batch_row_get_top_value (self);
  return value >= 0 ? augur_format_percent (value) : g_strdup ("");
}

char *
augur_batch_row_dup_summary (AugurBatchRow *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (self), NULL);

  if (self->prediction == NULL || !augur_prediction_is_success (self->prediction))
    return g_strdup ("");

  return augur_batch_view_state_summary (self->prediction) ?: g_strdup ("");
}

char *
augur_batch_row_dup_status_text (AugurBatchRow *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (self), NULL);

  return augur_batch_view_state_status_text (augur_batch_row_get_state (self),
                                             self->prediction);
}
