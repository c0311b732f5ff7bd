/* augur-export.h: predictions as JSON, CSV or a text table. Never contains the token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

typedef enum {
  AUGUR_CSV_ROW_PER_CONCEPT,   /* one row per input and concept (or region concept) */
  AUGUR_CSV_ROW_PER_INPUT,     /* one row per input with its top-k concepts */
} AugurCsvLayout;

/* One object per prediction: input, status {code, description}, concepts, regions, text. */
JsonNode *augur_export_prediction_to_json (AugurPrediction *prediction);
/* (element-type AugurPrediction) -> a JSON array, in order */
char     *augur_export_json  (GPtrArray      *predictions,
                              gboolean        pretty);
char     *augur_export_csv   (GPtrArray      *predictions,
                              AugurCsvLayout  layout,
                              guint           top_k);
char     *augur_export_table (GPtrArray      *predictions);
/* Any JSON tree as text, with numbers written shortest (0.7, not 0.69999999999999996). */
char     *augur_export_json_node (JsonNode   *node,
                                  gboolean    pretty);

/* RFC 4180 quoting for one field, appended to @out. */
void      augur_csv_append_field (GString    *out,
                                  const char *field);

G_END_DECLS
