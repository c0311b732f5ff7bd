/* augur-prediction-json.h: a lossless JSON form of predictions and settings, for the files
 * Augur keeps for itself (run journals, the result cache). Unlike augur-export, which writes
 * for people, everything here reads back to an equal object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

/* Bumped when the layout changes in a way older readers cannot follow. */
#define AUGUR_PREDICTION_JSON_FORMAT 1

/**
 * augur_prediction_to_lossless_json:
 * @prediction: any prediction, success or failure
 *
 * Members (absent when empty): index, input_label (informative only), status {code,
 * description, details, req_id, http_status}, error {domain ("augur", "gio" or the quark
 * name), code, message, status}, concepts [{id, name, value}], regions [{id, box {top_row,
 * left_col, bottom_row, right_col}, value, has_box, concepts}], text, embeddings [[…]],
 * image (base64), model_id, version_id, model_type_id, tokens {prompt, completion},
 * duration_ms, cached. Non-finite numbers are written as the strings "NaN", "Infinity"
 * and "-Infinity".
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode        *augur_prediction_to_lossless_json       (AugurPrediction  *prediction);

/**
 * augur_prediction_new_from_lossless_json:
 * @node: what augur_prediction_to_lossless_json() made
 *
 * The input is not restored (only its label is stored); callers that know the input set it
 * with augur_prediction_set_input(). Errors are rebuilt in their own domain, with the
 * server status kept for %AUGUR_ERROR (augur_error_get_status()).
 *
 * Returns: (transfer full) (nullable): the prediction, or %NULL with a
 *   %G_IO_ERROR_INVALID_DATA error when a member has the wrong type
 */
AugurPrediction *augur_prediction_new_from_lossless_json (JsonNode         *node,
                                                          GError          **error);

/* (transfer full): the canonical settings object (see augur_settings_to_key()) */
JsonNode        *augur_settings_to_lossless_json         (AugurSettings    *settings);
/* (transfer full) (nullable): %NULL with a %G_IO_ERROR_INVALID_DATA error on a bad shape */
AugurSettings   *augur_settings_new_from_lossless_json   (JsonNode         *node,
                                                          GError          **error);

/* (transfer full): @node on one line ending in '\n', numbers written shortest so that
 * they read back exactly */
char            *augur_json_line_write                   (JsonNode         *node);
/* (transfer full) (nullable): the parsed value of one line (with or without its '\n'),
 * or %NULL with a %G_IO_ERROR_INVALID_DATA error */
JsonNode        *augur_json_line_parse                   (const char       *line,
                                                          gssize            length,
                                                          GError          **error);

G_END_DECLS
