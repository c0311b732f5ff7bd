/* augur-response.h: JSON replies -> result objects. Every type check of a reply lives here;
 * nothing in a reply can crash Augur: a wrong shape is an AUGUR_ERROR_BAD_REPLY.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

/**
 * augur_response_parse_envelope:
 * @body: the reply body as received (any bytes)
 * @http_status: the HTTP status, used when the body is not JSON
 * @out_status: (out) (optional) (nullable): the top-level status
 * @error: set when the body is not a JSON object, or when its status is not
 *   success-class and @allow_failure is %FALSE
 *
 * Parses the reply and returns its root object, or %NULL.
 * A non-success status becomes an error whose code says what kind (auth, throttled, API)
 * and which carries the #AugurStatus (augur_error_get_status()).
 */
JsonObject *augur_response_parse_envelope (GBytes        *body,
                                           guint          http_status,
                                           gboolean       allow_failure,
                                           AugurStatus  **out_status,
                                           GError       **error);

/* Parses one element of MultiOutputResponse.outputs[]. */
AugurPrediction *augur_response_parse_output (JsonNode  *output,
                                              GError   **error);

/**
 * augur_response_parse_predict:
 * Parses a whole PostModelOutputs reply. Returns the predictions in output order
 * (element-type AugurPrediction). A reply whose top-level status is a failure but which
 * has outputs is *not* an error: each output carries its own status. A failure with no
 * outputs is an error carrying the status.
 */
GPtrArray *augur_response_parse_predict       (GBytes       *body,
                                               guint         http_status,
                                               AugurStatus **out_status,
                                               GError      **error);

AugurModel        *augur_response_parse_model          (GBytes *body, guint http_status, GError **error);
AugurModelVersion *augur_response_parse_model_version  (GBytes *body, guint http_status, GError **error);
/* (element-type AugurModel) */
GPtrArray         *augur_response_parse_models         (GBytes *body, guint http_status, GError **error);
/* (element-type AugurModelVersion) */
GPtrArray         *augur_response_parse_model_versions (GBytes *body, guint http_status, GError **error);
/* ListModelConcepts / ListConcepts (element-type AugurConcept) */
GPtrArray         *augur_response_parse_concepts       (GBytes *body, guint http_status, GError **error);
/* GetModelOutputInfo: model.output_info.data.concepts (element-type AugurConcept) */
GPtrArray         *augur_response_parse_output_info_concepts (GBytes *body, guint http_status, GError **error);

/* Object-level parsers shared by the above (and by history files). */
AugurModel        *augur_response_model_from_json         (JsonObject *object, GError **error);
AugurModelVersion *augur_response_model_version_from_json (JsonObject *object, GError **error);
AugurModelSpec    *augur_response_spec_from_model_version (JsonObject *model_version, GError **error);
AugurStatus       *augur_response_status_from_json        (JsonObject *object);

G_END_DECLS
