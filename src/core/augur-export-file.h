/* augur-export-file.h: write a batch's predictions to a file, off the main thread, as CSV or
 * as JSON wrapped with what produced them (model, version, settings). Never the token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "augur-export.h"

G_BEGIN_DECLS

typedef enum {
  AUGUR_EXPORT_FORMAT_CSV,
  AUGUR_EXPORT_FORMAT_JSON,
} AugurExportFormat;

/* "csv" or "json" */
const char *augur_export_format_get_extension (AugurExportFormat format);

/**
 * augur_export_run_info_new:
 * @model: (nullable): the model reference as the user typed or picked it
 * @version_id: (nullable): the version that answered
 * @settings: (nullable): the settings sent, as JSON (copied)
 * @base_url: (nullable): the API base URL; user, password, query and fragment are dropped
 *
 * Returns: (transfer full): a JSON object with those members and "exported_at" (ISO 8601, UTC)
 */
JsonNode   *augur_export_run_info_new         (const char    *model,
                                               const char    *version_id,
                                               JsonNode      *settings,
                                               const char    *base_url);

/* The text of the file, as augur_export_write_file_async() writes it. */
char       *augur_export_file_contents        (AugurExportFormat  format,
                                               AugurCsvLayout     layout,
                                               guint              top_k,
                                               GPtrArray         *predictions,
                                               JsonNode          *run_info);

/**
 * augur_export_write_file_async:
 * @layout: for CSV only
 * @top_k: for %AUGUR_CSV_ROW_PER_INPUT only
 * @predictions: (element-type AugurPrediction): must not change until the callback
 * @run_info: (nullable): a JSON object; for JSON, the file is this object with a "results"
 *   member holding one object per prediction; ignored for CSV
 *
 * Formats and writes in a worker thread, replacing @file atomically.
 */
void        augur_export_write_file_async     (GFile              *file,
                                               AugurExportFormat   format,
                                               AugurCsvLayout      layout,
                                               guint               top_k,
                                               GPtrArray          *predictions,
                                               JsonNode           *run_info,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean    augur_export_write_file_finish    (GFile              *file,
                                               GAsyncResult       *result,
                                               GError            **error);

G_END_DECLS
