/* augur-controls-state.h: which controls to show for a model, pure and widget-free, so that
 * the rules are unit-tested without a display (CAL gcal-schedule-section.c WidgetState).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-core.h"

G_BEGIN_DECLS

typedef enum {
  AUGUR_CONTROL_GROUP_CONCEPTS,   /* max concepts, min value, select concepts */
  AUGUR_CONTROL_GROUP_SAMPLING,   /* the ten sampling controls */
  AUGUR_CONTROL_GROUP_MODEL,      /* other parameters the model declares */
} AugurControlGroup;

typedef enum {
  AUGUR_CONTROL_KIND_SPIN_INT,
  AUGUR_CONTROL_KIND_SPIN_FLOAT,
  AUGUR_CONTROL_KIND_SCALE,       /* 0..1 with the value shown */
  AUGUR_CONTROL_KIND_SWITCH,
  AUGUR_CONTROL_KIND_ENUM,
  AUGUR_CONTROL_KIND_ENTRY,
  AUGUR_CONTROL_KIND_MULTILINE,   /* system prompt, prompt template */
  AUGUR_CONTROL_KIND_CONCEPT_CHIPS,
} AugurControlKind;

/**
 * AugurControlState:
 * One control as the panel should show it.
 * @name: the wire name (e.g. "temperature", or "max_concepts" for concept controls)
 * @title: translated label ("Temperature")
 * @tooltip: (nullable): the model's description, or Augur's own
 * @declared: the model declares (uses) it; undeclared ones go greyed under Advanced
 * @default_value: (nullable): the model default, as JSON
 * @options: (nullable): enum choices
 */
typedef struct
{
  char              *name;
  char              *title;
  char              *tooltip;
  AugurControlGroup  group;
  AugurControlKind   kind;
  gboolean           declared;
  double             min;
  double             max;
  double             step;
  guint              digits;
  JsonNode          *default_value;
  char             **options;
} AugurControlState;

void       augur_control_state_free (AugurControlState *state);

/**
 * augur_controls_state_for_model:
 * @model_type_id: (nullable): e.g. "visual-classifier", "text-to-text"
 * @spec: (nullable): what the version accepts
 *
 * Returns: (transfer full) (element-type AugurControlState): the controls to show, in order:
 *   concept controls for concept models, sampling controls for generative models (declared
 *   ones first, the rest with declared = FALSE), then any other parameter the model declares.
 */
GPtrArray *augur_controls_state_for_model (const char           *model_type_id,
                                           const AugurModelSpec *spec);

/* (nullable) (transfer none): the control named @name in a list from the function above */
AugurControlState *augur_controls_state_find (GPtrArray  *controls,
                                              const char *name);

/* (transfer full) (nullable): @value typed for the control and clamped to its range
 * (select_concepts: an array of {"id"} / {"name"} objects), or %NULL if it does not fit. */
JsonNode   *augur_control_state_coerce            (const AugurControlState *state,
                                                   JsonNode                *value);
/* (transfer full): what the widget starts at: the model default, else a typical value. */
JsonNode   *augur_control_state_dup_initial_value (const AugurControlState *state);
/* (transfer full): "0.7", "On", "“auto”" (secrets masked). */
char       *augur_control_state_format_value      (const AugurControlState *state,
                                                   JsonNode                *value);
/* (transfer full): "Model default (0.7)", "Model default" or "This model does not use it". */
char       *augur_control_state_describe_default  (const AugurControlState *state);
/* A credential (api_key, token…): shown masked and never saved. */
gboolean    augur_control_state_is_secret         (const AugurControlState *state);
/* (nullable): a translated warning when @template_text has no {prompt} */
const char *augur_controls_state_check_prompt_template (const char *template_text);

gboolean   augur_model_type_has_concepts  (const char *model_type_id);
gboolean   augur_model_type_is_generative (const char *model_type_id);
gboolean   augur_model_type_takes_text    (const char *model_type_id);
gboolean   augur_model_type_takes_image   (const char *model_type_id);
/* "Image classifier", "Detector", "Text generation"… (translated) */
const char *augur_model_type_describe     (const char *model_type_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurControlState, augur_control_state_free)

G_END_DECLS
