/* augur-model-spec.h: what a model version accepts, read from its method signature
 * (pythonic models) or its output_info.params_specs (legacy models).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

typedef enum {
  AUGUR_PARAM_TYPE_STRING,
  AUGUR_PARAM_TYPE_INT,
  AUGUR_PARAM_TYPE_FLOAT,
  AUGUR_PARAM_TYPE_BOOL,
  AUGUR_PARAM_TYPE_ENUM,
  AUGUR_PARAM_TYPE_JSON,
  AUGUR_PARAM_TYPE_TEXT,     /* a Text argument (pythonic), sent as data.text.raw */
  AUGUR_PARAM_TYPE_IMAGE,    /* an Image argument (pythonic) */
  AUGUR_PARAM_TYPE_OTHER,    /* lists, audio, video...: shown, never built */
} AugurParamType;

/**
 * AugurParamSpec:
 * @name: argument or parameter name, as sent on the wire
 * @type: how to build a control and how to type the value
 * @default_value: (nullable): the model's default, parsed from JSON
 * @description: (nullable): shown as a tooltip
 * @has_range: whether @min, @max and @step are meaningful
 * @enum_options: (nullable): allowed values for %AUGUR_PARAM_TYPE_ENUM
 * @required: the model needs a value
 * @is_param: an inference parameter (a control), as opposed to a data argument
 */
struct _AugurParamSpec
{
  char            *name;
  AugurParamType   type;
  JsonNode        *default_value;
  char            *description;
  gboolean         has_range;
  double           min;
  double           max;
  double           step;
  char           **enum_options;
  gboolean         required;
  gboolean         is_param;
};

/**
 * AugurModelSpec:
 * @pythonic: the version has method signatures: arguments go as data.parts
 * @method_name: (nullable): method to call (pythonic), normally "predict"
 * @prompt_arg: (nullable): argument that takes the text input (pythonic)
 * @image_arg: (nullable): argument that takes the image input (pythonic)
 * @params: (element-type AugurParamSpec): every argument, controls and data alike
 */
struct _AugurModelSpec
{
  gboolean   pythonic;
  char      *method_name;
  char      *prompt_arg;
  char      *image_arg;
  GPtrArray *params;
};

#define AUGUR_TYPE_MODEL_SPEC (augur_model_spec_get_type ())

GType                 augur_model_spec_get_type   (void) G_GNUC_CONST;
AugurModelSpec       *augur_model_spec_new        (void);
AugurModelSpec       *augur_model_spec_ref        (AugurModelSpec       *spec);
void                  augur_model_spec_unref      (AugurModelSpec       *spec);
const AugurParamSpec *augur_model_spec_find_param (const AugurModelSpec *spec,
                                                   const char           *name);
guint                 augur_model_spec_count_controls (const AugurModelSpec *spec);

AugurParamSpec       *augur_param_spec_new        (const char           *name,
                                                   AugurParamType        type);
void                  augur_param_spec_free       (AugurParamSpec       *param);
const char           *augur_param_type_to_string  (AugurParamType        type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurModelSpec, augur_model_spec_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurParamSpec, augur_param_spec_free)

G_END_DECLS
