/* augur-model-spec.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-model-spec"

#include "augur-model-spec.h"

G_DEFINE_BOXED_TYPE (AugurModelSpec, augur_model_spec, augur_model_spec_ref, augur_model_spec_unref)

AugurModelSpec *
augur_model_spec_new (void)
{
  AugurModelSpec *spec = g_atomic_rc_box_new0 (AugurModelSpec);

  spec->params = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_param_spec_free);
  return spec;
}

AugurModelSpec *
augur_model_spec_ref (AugurModelSpec *spec)
{
  g_return_val_if_fail (spec != NULL, NULL);
  return g_atomic_rc_box_acquire (spec);
}

static void
model_spec_clear (AugurModelSpec *spec)
{
  g_free (spec->method_name);
  g_free (spec->prompt_arg);
  g_free (spec->image_arg);
  g_ptr_array_unref (spec->params);
}

void
augur_model_spec_unref (AugurModelSpec *spec)
{
  if (spec != NULL)
    g_atomic_rc_box_release_full (spec, (GDestroyNotify) model_spec_clear);
}

const AugurParamSpec *
augur_model_spec_find_param (const AugurModelSpec *spec,
                             const char           *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (spec == NULL)
    return NULL;
  for (guint i = 0; i < spec->params->len; i++)
    {
      const AugurParamSpec *param = g_ptr_array_index (spec->params, i);
      if (g_str_equal (param->name, name))
        return param;
    }
  return NULL;
}

/* How many inference parameters the UI should build a control for. */
guint
augur_model_spec_count_controls (const AugurModelSpec *spec)
{
  guint n = 0;

  if (spec == NULL)
    return 0;
  for (guint i = 0; i < spec->params->len; i++)
    if (((AugurParamSpec *) g_ptr_array_index (spec->params, i))->is_param)
      n++;
  return n;
}

AugurParamSpec *
augur_param_spec_new (const char     *name,
                      AugurParamType  type)
{
  AugurParamSpec *param = g_new0 (AugurParamSpec, 1);

  param->name = g_strdup (name);
  param->type = type;
  return param;
}

void
augur_param_spec_free (AugurParamSpec *param)
{
  if (param == NULL)
    return;
  g_free (param->name);
  g_clear_pointer (&param->default_value, json_node_unref);
  g_free (param->description);
  g_strfreev (param->enum_options);
  g_free (param);
}

const char *
augur_param_type_to_string (AugurParamType type)
{
  switch (type)
    {
    case AUGUR_PARAM_TYPE_STRING: return "string";
    case AUGUR_PARAM_TYPE_INT:    return "int";
    case AUGUR_PARAM_TYPE_FLOAT:  return "float";
    case AUGUR_PARAM_TYPE_BOOL:   return "bool";
    case AUGUR_PARAM_TYPE_ENUM:   return "enum";
    case AUGUR_PARAM_TYPE_JSON:   return "json";
    case AUGUR_PARAM_TYPE_TEXT:   return "text";
    case AUGUR_PARAM_TYPE_IMAGE:  return "image";
    case AUGUR_PARAM_TYPE_OTHER:
    default:                      return "other";
    }
}
