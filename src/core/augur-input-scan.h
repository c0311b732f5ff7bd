/* augur-input-scan.h: turn dropped or opened files and folders into inputs, recursively,
 * in a worker thread, saying what was skipped and why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

typedef struct
{
  char *path;     /* display path of the skipped file */
  char *reason;   /* "not an image", "over the 20 MB limit", "duplicate", "unreadable: …" */
} AugurSkippedFile;

typedef struct
{
  GPtrArray *inputs;    /* (element-type AugurInput) files in path order, folders expanded */
  GPtrArray *skipped;   /* (element-type AugurSkippedFile) */
} AugurScanResult;

void             augur_scan_result_free        (AugurScanResult *result);

/* Blocking; for worker threads and the CLI. @files: (element-type GFile). Folders are
 * walked for images; a .txt, .csv or .tsv file given directly is a list: one image URL or
 * one text per line (the first column of a CSV or TSV, whose header line is skipped). */
AugurScanResult *augur_input_scan_files        (GPtrArray       *files,
                                                GCancellable    *cancellable);
void             augur_input_scan_files_async  (GPtrArray           *files,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
AugurScanResult *augur_input_scan_files_finish (GAsyncResult        *result,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurScanResult, augur_scan_result_free)

G_END_DECLS
