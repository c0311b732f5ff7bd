/* augur-input-scan.h: turn dropped or opened files and folders into inputs, recursively,
 * in a worker thread, saying what was skipped and why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

/* Why a file was skipped; AugurSkippedFile.reason says it in words. */
typedef enum {
  AUGUR_SKIP_NOT_AN_IMAGE,  /* in a folder: not an image (nor text, with AUGUR_SCAN_TEXT_FILES) */
  AUGUR_SKIP_TOO_LARGE,     /* over AUGUR_MAX_INPUT_BYTES */
  AUGUR_SKIP_DUPLICATE,     /* the same file was already taken */
  AUGUR_SKIP_UNREADABLE,    /* could not be opened or listed */
  AUGUR_SKIP_NOT_REGULAR,   /* a device, socket or pipe */
  AUGUR_SKIP_EMPTY_LIST,    /* a list file with no URL or text in it */
  AUGUR_SKIP_LOOP,          /* a link back to a folder that holds it */
} AugurSkipKind;

typedef struct
{
  char *path;     /* display path of the skipped file */
  char *reason;   /* "not an image", "over the 20 MB limit", "duplicate", "unreadable: …" */
  AugurSkipKind kind;   /* the reason, for callers that act on it */
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

/* What augur_input_scan_files() does is the default; the command line asks for more. */
typedef enum {
  AUGUR_SCAN_DEFAULT          = 0,
  /* Folders also give plain-text files, each one text input (for text models). */
  AUGUR_SCAN_TEXT_FILES       = 1 << 0,
  /* A file given directly (not a folder) is one input as it is: a list is not expanded,
   * and a missing, unreadable or large file is still taken, so that predicting on it says
   * what is wrong. Only a duplicate is skipped. */
  AUGUR_SCAN_KEEP_GIVEN_FILES = 1 << 1,
} AugurScanFlags;

/* One scan fed piece by piece, for callers that mix files with other inputs in order (the
 * command line: files, folders, URLs and texts). Blocking, like augur_input_scan_files().
 * A file seen twice across the whole scan is skipped as a duplicate. */
typedef struct _AugurInputScan AugurInputScan;

AugurInputScan  *augur_input_scan_new          (AugurScanFlags       flags,
                                                GCancellable        *cancellable);
void             augur_input_scan_add_file     (AugurInputScan      *scan,
                                                GFile               *file);
void             augur_input_scan_add_input    (AugurInputScan      *scan,
                                                AugurInput          *input);
AugurScanResult *augur_input_scan_end          (AugurInputScan      *scan);
void             augur_input_scan_free         (AugurInputScan      *scan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurScanResult, augur_scan_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurInputScan, augur_input_scan_free)

G_END_DECLS
