/* augur-export-dialog.h: Export a batch's results: JSON or CSV (and which CSV layout), then
 * where to save, then the file is written off the main thread. Never the access token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"

G_BEGIN_DECLS

/**
 * AugurExportContext:
 * @model: (nullable): the model as the user picked it, e.g. "clarifai/main/general"
 * @version_id: (nullable): the version that answered
 * @settings: (nullable): the settings sent, as a JSON object
 * @base_url: (nullable): the API base URL; any credentials in it are dropped on export
 *
 * What produced the results; written at the top of a JSON export. Copied by
 * augur_export_dialog_run().
 */
typedef struct
{
  const char *model;
  const char *version_id;
  JsonNode   *settings;
  const char *base_url;
} AugurExportContext;

#define AUGUR_EXPORT_DEFAULT_TOP_K 5
#define AUGUR_EXPORT_MAX_TOP_K     20

/**
 * augur_export_dialog_run:
 * @parent: (nullable): the window the dialogs are modal to
 * @predictions: (element-type AugurPrediction): the results, in input order; referenced
 * @ctx: (nullable): what produced them
 * @callback: called once the file is written, or the user cancelled, or writing failed
 *
 * Asks for the format in an AdwMessageDialog, then for the file in a save dialog (which
 * confirms overwriting), then writes in a worker thread.
 */
void      augur_export_dialog_run        (GtkWindow                *parent,
                                          GPtrArray                *predictions,
                                          const AugurExportContext *ctx,
                                          GCancellable             *cancellable,
                                          GAsyncReadyCallback       callback,
                                          gpointer                  user_data);
/**
 * augur_export_dialog_run_finish:
 * @file: (out) (optional) (transfer full): where the results were written
 *
 * Returns: %TRUE once written; %FALSE with %G_IO_ERROR_CANCELLED when the user cancelled,
 *   or with the reason writing failed (for the caller to show).
 */
gboolean  augur_export_dialog_run_finish (GAsyncResult             *result,
                                          GFile                   **file,
                                          GError                  **error);

G_END_DECLS
