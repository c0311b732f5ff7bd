/* augur-journal.h: every finished result goes to disk as it arrives, so that nothing is
 * lost when Augur is closed, killed or crashes mid-batch; past runs can be listed,
 * reopened, resumed and deleted.
 *
 * A run is one JSON Lines file, ROOT/RUN_ID.jsonl (mode 0600), ROOT being
 * augur_journal_get_default_root() unless the caller picks another. Lines:
 *
 * - first, the header: {"format": 1, "run_id", "created_at" (ISO 8601, UTC), "base_url"
 *   (scheme, host, port and path only: never a token), "columns": [{"model":
 *   "user/app/model", "version_id": the version asked for or null for the latest,
 *   "settings": {…}}], "inputs": [{"index", "label", "kind": "file" | "bytes" | "image-url" |
 *   "text" | "text-url", "uri" (files) | "url" | "text", "prompt"?, "sha256"?}]}
 * - one line per finished input and column: {"index", "column", "prediction": {…}}, the
 *   prediction in the lossless form of augur-prediction-json.h; a later line for the same
 *   slot replaces an earlier one;
 * - {"state": "finished" | "cancelled", "finished_at"} when the run ended, and
 *   {"state": "resumed", "resumed_at"} when augur_journal_reopen() continued it. The last
 *   of these decides the state: none, or "resumed", means it was interrupted.
 *
 * A run holds one column per model version, so a comparison of several versions on the
 * same inputs is one run with several columns.
 *
 * A line counts only when it ends in '\n' and reads as one of the shapes above. Anything
 * else (the half-written last line of a crash, garbage) is skipped with a g_debug() and
 * counted in augur_run_get_n_skipped_lines(); only an unreadable header makes a run
 * unreadable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

#define AUGUR_JOURNAL_FORMAT 1

typedef enum {
  AUGUR_RUN_STATE_INTERRUPTED,   /* no end line: closed, killed or crashed mid-run */
  AUGUR_RUN_STATE_FINISHED,      /* every input was done (successfully or not) */
  AUGUR_RUN_STATE_CANCELLED,     /* the user stopped it */
} AugurRunState;

/* Columns ---------------------------------------------------------------------------------- */

/**
 * AugurRunColumn:
 * @ref: the model, with the version asked for (%NULL version_id: the latest)
 * @settings: never %NULL
 * @answered_version_id: (nullable): filled when a run is read back: the version that
 *   answered the first successful result of this column. Resume with
 *   augur_model_ref_with_version (ref, answered_version_id) to keep the run on one version
 *   even if a newer one came out meanwhile.
 */
typedef struct
{
  AugurModelRef *ref;
  AugurSettings *settings;
  char          *answered_version_id;
} AugurRunColumn;

#define AUGUR_TYPE_RUN_COLUMN (augur_run_column_get_type ())

GType           augur_run_column_get_type          (void) G_GNUC_CONST;
/* @settings: (nullable): %NULL means the defaults; copied */
AugurRunColumn *augur_run_column_new               (const AugurModelRef  *ref,
                                                    AugurSettings        *settings);
AugurRunColumn *augur_run_column_copy              (const AugurRunColumn *column);
void            augur_run_column_free              (AugurRunColumn       *column);
/* (transfer full): "user/app/model" or "user/app/model@version" */
char           *augur_run_column_describe_model    (const AugurRunColumn *column);
/* (transfer full): the settings that differ from the defaults, e.g.
 * "max_concepts=10, temperature=0.7"; "" when there are none */
char           *augur_run_column_describe_settings (const AugurRunColumn *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurRunColumn, augur_run_column_free)

/* A run read back ---------------------------------------------------------------------------- */

#define AUGUR_TYPE_RUN (augur_run_get_type ())
G_DECLARE_FINAL_TYPE (AugurRun, augur_run, AUGUR, RUN, GObject)

const char           *augur_run_get_id              (AugurRun *self);
const char           *augur_run_get_path            (AugurRun *self);
GDateTime            *augur_run_get_created_at      (AugurRun *self);
/* (nullable): when it finished or was cancelled */
GDateTime            *augur_run_get_finished_at     (AugurRun *self);
/* (nullable) */
const char           *augur_run_get_base_url        (AugurRun *self);
AugurRunState         augur_run_get_state           (AugurRun *self);
guint                 augur_run_get_n_columns       (AugurRun *self);
const AugurRunColumn *augur_run_get_column          (AugurRun *self,
                                                     guint     column);
guint                 augur_run_get_n_inputs        (AugurRun *self);
/* (transfer none) (nullable): the input rebuilt from the header, or %NULL when it cannot
 * be sent again (pasted data is not kept on disk: "not available") */
AugurInput           *augur_run_get_input           (AugurRun *self,
                                                     guint     index);
const char           *augur_run_get_input_label     (AugurRun *self,
                                                     guint     index);
/* (nullable): the input hash of augur-result-cache.h, when the run was created with it */
const char           *augur_run_get_input_hash      (AugurRun *self,
                                                     guint     index);
/* Whether results were kept (augur_journal_load()) or only counted (the listing). */
gboolean              augur_run_has_results         (AugurRun *self);
/* (transfer none) (element-type AugurPrediction): slot i is input i, %NULL when it did not
 * finish. Each prediction has its index and, when available, its input set. */
GPtrArray            *augur_run_get_results         (AugurRun *self,
                                                     guint     column);
/* Over all columns: successful results, failed results, slots without a result. */
guint                 augur_run_get_n_done          (AugurRun *self);
guint                 augur_run_get_n_failed        (AugurRun *self);
guint                 augur_run_get_n_pending       (AugurRun *self);
/* Damaged lines that were skipped, for "2 damaged lines were skipped". */
guint                 augur_run_get_n_skipped_lines (AugurRun *self);
/**
 * augur_run_list_pending:
 * @include_failed: also list inputs whose result is a failure
 * @n_unavailable: (out) (optional): inputs that would be listed but cannot be sent again
 *
 * What resuming @column should send: build a batch of these inputs, and journal each
 * result under the run index pending[batch index]. Needs augur_run_has_results().
 *
 * Returns: (transfer full) (element-type guint): run indices, ascending
 */
GArray               *augur_run_list_pending        (AugurRun *self,
                                                     guint     column,
                                                     gboolean  include_failed,
                                                     guint    *n_unavailable);

/* Writing a run ------------------------------------------------------------------------------ */

#define AUGUR_TYPE_JOURNAL (augur_journal_get_type ())
G_DECLARE_FINAL_TYPE (AugurJournal, augur_journal, AUGUR, JOURNAL, GObject)

/* (transfer full): g_get_user_data_dir()/augur/runs */
char         *augur_journal_get_default_root (void);

/**
 * augur_journal_create:
 * @root_dir: (nullable): %NULL for augur_journal_get_default_root(); created (0700)
 * @base_url: (nullable): the API base URL; only scheme, host, port and path are kept
 * @columns: (element-type AugurRunColumn): at least one
 * @inputs: (element-type AugurInput): the run's inputs, index i being input i
 * @input_hashes: (nullable) (element-type utf8): one hash or %NULL per input
 *
 * Writes the header of a new run. Small and synchronous; use augur_journal_create_async()
 * on the main thread.
 *
 * Returns: (transfer full) (nullable): the journal to append to, or %NULL with an error
 */
AugurJournal *augur_journal_create         (const char          *root_dir,
                                            const char          *base_url,
                                            GPtrArray           *columns,
                                            GPtrArray           *inputs,
                                            GPtrArray           *input_hashes,
                                            GError             **error);
void          augur_journal_create_async   (const char          *root_dir,
                                            const char          *base_url,
                                            GPtrArray           *columns,
                                            GPtrArray           *inputs,
                                            GPtrArray           *input_hashes,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
AugurJournal *augur_journal_create_finish  (GAsyncResult        *result,
                                            GError             **error);

/**
 * augur_journal_reopen:
 * @path: augur_run_get_path() of the run to continue
 *
 * Continues a run (to resume it): ends a half-written last line first, so that it cannot
 * swallow the next result, then marks the run "resumed" until it is closed again.
 *
 * Returns: (transfer full) (nullable): the journal, or %NULL with an error
 */
AugurJournal *augur_journal_reopen         (const char          *path,
                                            GError             **error);
void          augur_journal_reopen_async   (const char          *path,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
AugurJournal *augur_journal_reopen_finish  (GAsyncResult        *result,
                                            GError             **error);

const char   *augur_journal_get_run_id     (AugurJournal        *self);
const char   *augur_journal_get_path       (AugurJournal        *self);
guint         augur_journal_get_n_columns  (AugurJournal        *self);
guint         augur_journal_get_n_inputs   (AugurJournal        *self);

/**
 * augur_journal_append_async:
 * @column: which column of the run
 * @input_index: which input of the run (not necessarily the prediction's batch index)
 * @prediction: a final result, success or failure; serialized before this returns
 * @callback: (nullable): may be %NULL; augur_journal_dup_write_error() still reports
 *   the first failure
 *
 * Lines are written and flushed one by one, in the order of the calls, in a worker
 * thread: the main loop never waits for the disk. Cancelling only stops waiting for the
 * outcome (the finish function then reports %G_IO_ERROR_CANCELLED): the line is still
 * written, since a finished result must not be lost.
 */
void          augur_journal_append_async   (AugurJournal        *self,
                                            guint                column,
                                            guint                input_index,
                                            AugurPrediction     *prediction,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      augur_journal_append_finish  (AugurJournal        *self,
                                            GAsyncResult        *result,
                                            GError             **error);
/* Like augur_journal_append_async() without a callback, the line built in the writer
 * thread: @prediction must not change afterwards. */
void          augur_journal_add_result     (AugurJournal        *self,
                                            guint                column,
                                            guint                input_index,
                                            AugurPrediction     *prediction);
/* Completes once every line appended so far is on disk. */
void          augur_journal_flush_async    (AugurJournal        *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      augur_journal_flush_finish   (AugurJournal        *self,
                                            GAsyncResult        *result,
                                            GError             **error);
/**
 * augur_journal_close_async:
 * @state: %AUGUR_RUN_STATE_FINISHED or %AUGUR_RUN_STATE_CANCELLED
 *
 * Writes the end line after every pending line, then closes the file. Appending
 * afterwards fails with %G_IO_ERROR_CLOSED. A journal dropped without this (or a crash)
 * leaves the run interrupted, which is the point.
 */
void          augur_journal_close_async    (AugurJournal        *self,
                                            AugurRunState        state,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      augur_journal_close_finish   (AugurJournal        *self,
                                            GAsyncResult        *result,
                                            GError             **error);
/* (transfer full) (nullable): a copy of the first write failure, for "results are not
 * being saved" */
GError       *augur_journal_dup_write_error (AugurJournal       *self);

/* Reading runs -------------------------------------------------------------------------------- */

/**
 * augur_journal_load:
 * @path: a run file
 *
 * Reads a whole run back with its results (for reopening and resuming). Synchronous; use
 * augur_journal_load_async() on the main thread.
 *
 * Returns: (transfer full) (nullable): the run, or %NULL with an error when the file cannot
 *   be read or its header is damaged (%G_IO_ERROR_INVALID_DATA)
 */
AugurRun     *augur_journal_load           (const char          *path,
                                            GError             **error);
void          augur_journal_load_async     (const char          *path,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
AugurRun     *augur_journal_load_finish    (GAsyncResult        *result,
                                            GError             **error);
/**
 * augur_journal_list_runs:
 * @root_dir: (nullable): %NULL for augur_journal_get_default_root()
 *
 * Runs whose header cannot be read are left out (with a g_debug()). A missing root is an
 * empty list.
 *
 * Returns: (transfer full) (element-type AugurRun): summaries (counted, without results),
 *   newest first; %NULL with an error if the folder cannot be read
 */
GPtrArray    *augur_journal_list_runs        (const char          *root_dir,
                                              GError             **error);
void          augur_journal_list_runs_async  (const char          *root_dir,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray    *augur_journal_list_runs_finish (GAsyncResult        *result,
                                              GError             **error);
gboolean      augur_journal_delete_run       (const char          *path,
                                              GError             **error);

G_END_DECLS
