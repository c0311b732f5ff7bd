/* augur-settings.h: the controls a user set for a prediction. Only what was set is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

#define AUGUR_MAX_CONCEPTS_LIMIT 200

/* The sampling controls Augur has dedicated widgets and flags for. */
#define AUGUR_PARAM_MAX_TOKENS       "max_tokens"
#define AUGUR_PARAM_TEMPERATURE      "temperature"
#define AUGUR_PARAM_TOP_P            "top_p"
#define AUGUR_PARAM_TOP_K            "top_k"
#define AUGUR_PARAM_REASONING_EFFORT "reasoning_effort"
#define AUGUR_PARAM_NUM_BEAMS        "num_beams"
#define AUGUR_PARAM_DO_SAMPLE        "do_sample"
#define AUGUR_PARAM_RETURN_FULL_TEXT "return_full_text"
#define AUGUR_PARAM_SYSTEM_PROMPT    "system_prompt"
#define AUGUR_PARAM_PROMPT_TEMPLATE  "prompt_template"

/**
 * AugurSelectConcept:
 * One select_concepts entry: matched by exact id, or by exact name.
 */
typedef struct
{
  char     *value;
  gboolean  by_name;
} AugurSelectConcept;

#define AUGUR_TYPE_SETTINGS (augur_settings_get_type ())

GType          augur_settings_get_type          (void) G_GNUC_CONST;
AugurSettings *augur_settings_new               (void);
AugurSettings *augur_settings_ref               (AugurSettings  *self);
void           augur_settings_unref             (AugurSettings  *self);
AugurSettings *augur_settings_copy              (AugurSettings  *self);

/* 0 means "model default" (the server then returns 20). */
void           augur_settings_set_max_concepts  (AugurSettings  *self,
                                                 guint           max_concepts);
guint          augur_settings_get_max_concepts  (AugurSettings  *self);
/* A negative value means "not set". */
void           augur_settings_set_min_value     (AugurSettings  *self,
                                                 double          min_value);
double         augur_settings_get_min_value     (AugurSettings  *self);
void           augur_settings_add_select_concept (AugurSettings *self,
                                                  const char    *value,
                                                  gboolean       by_name);
void           augur_settings_clear_select_concepts (AugurSettings *self);
/* (element-type AugurSelectConcept) */
GPtrArray     *augur_settings_get_select_concepts (AugurSettings *self);
void           augur_settings_set_language      (AugurSettings  *self,
                                                 const char     *language);
const char    *augur_settings_get_language      (AugurSettings  *self);

/* Inference parameters, by name. @value is copied; %NULL unsets. */
void           augur_settings_set_param         (AugurSettings  *self,
                                                 const char     *name,
                                                 JsonNode       *value);
void           augur_settings_set_param_double  (AugurSettings  *self,
                                                 const char     *name,
                                                 double          value);
void           augur_settings_set_param_int     (AugurSettings  *self,
                                                 const char     *name,
                                                 gint64          value);
void           augur_settings_set_param_boolean (AugurSettings  *self,
                                                 const char     *name,
                                                 gboolean        value);
void           augur_settings_set_param_string  (AugurSettings  *self,
                                                 const char     *name,
                                                 const char     *value);
gboolean       augur_settings_parse_param       (AugurSettings  *self,
                                                 const char     *key_equals_value,
                                                 GError        **error);
JsonNode      *augur_settings_get_param         (AugurSettings  *self,
                                                 const char     *name);
/* (transfer container): names in the order they were first set */
GPtrArray     *augur_settings_list_params       (AugurSettings  *self);
gboolean       augur_settings_has_output_config (AugurSettings  *self);

gboolean       augur_settings_validate          (AugurSettings  *self,
                                                 GError        **error);
char          *augur_settings_to_key            (AugurSettings  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurSettings, augur_settings_unref)

G_END_DECLS
