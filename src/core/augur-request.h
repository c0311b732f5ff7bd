/* augur-request.h: request bodies for PostModelOutputs, built from payloads and settings.
 * GTK-free and pure: the same inputs always give the same JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

/**
 * augur_request_build_model:
 * @settings: the controls the user changed
 * @spec: (nullable): what the model accepts; %NULL means a legacy model
 *
 * Returns: (nullable): the "model" member of a predict request (output_config under
 * model.output_info, legacy params under model.model_version.output_info.params), or %NULL
 * when nothing needs sending. Pythonic models get their params as parts instead.
 */
JsonNode *augur_request_build_model   (AugurSettings        *settings,
                                       const AugurModelSpec *spec,
                                       GError              **error);

/**
 * augur_request_build_predict:
 * @payloads: (element-type AugurPayload): the loaded inputs, in order
 * @ids: (nullable) (array zero-terminated=1): client input ids, one per payload
 *
 * Returns: the whole PostModelOutputs body as a JSON tree.
 */
JsonNode *augur_request_build_predict (GPtrArray            *payloads,
                                       const char * const   *ids,
                                       AugurSettings        *settings,
                                       const AugurModelSpec *spec,
                                       GError              **error);

/* Same body, serialised without building a tree for the (large) base64 strings. */
GBytes   *augur_request_build_predict_bytes (GPtrArray            *payloads,
                                             const char * const   *ids,
                                             AugurSettings        *settings,
                                             const AugurModelSpec *spec,
                                             GError              **error);

char     *augur_json_to_string        (JsonNode *node,
                                       gboolean  pretty);

G_END_DECLS
