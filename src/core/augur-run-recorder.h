/* augur-run-recorder.h: the journal of one run as it happens.
 *
 * A recorder opens a run journal (augur-journal.h) in the background, new or reopened, and
 * writes each finished result to it: results that finish before the file is open wait, in
 * order, and go first. If the journal cannot be opened, results are dropped with one
 * g_debug(): predicting still works, only the safety net is missing.
 *
 * Dropping the last reference before augur_run_recorder_close_async() cancels the opening
 * and leaves the run interrupted, as a closed window should. After close_async() the
 * recorder keeps itself alive until the end line is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-journal.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_RUN_RECORDER (augur_run_recorder_get_type ())
G_DECLARE_FINAL_TYPE (AugurRunRecorder, augur_run_recorder, AUGUR, RUN_RECORDER, GObject)

/**
 * augur_run_recorder_new:
 * @root_dir: (nullable): %NULL for augur_journal_get_default_root()
 * @base_url: (nullable): the API base URL
 * @columns: (element-type AugurRunColumn): at least one
 * @inputs: (element-type AugurInput): the run's inputs, index i being input i
 * @input_hashes: (nullable) (element-type utf8): one hash or %NULL per input
 *
 * Starts creating the journal of a new run (augur_journal_create_async()).
 */
AugurRunRecorder *augur_run_recorder_new          (const char          *root_dir,
                                                   const char          *base_url,
                                                   GPtrArray           *columns,
                                                   GPtrArray           *inputs,
                                                   GPtrArray           *input_hashes);
/**
 * augur_run_recorder_new_reopen:
 * @path: augur_run_get_path() of the run to continue
 *
 * Starts reopening the journal of a run (augur_journal_reopen_async()).
 */
AugurRunRecorder *augur_run_recorder_new_reopen   (const char          *path);

/**
 * augur_run_recorder_get_path:
 *
 * The journal file, known once it is open; #GObject::notify for "path" says when.
 *
 * Returns: (nullable): the path, or %NULL before the journal is open or if it failed to
 */
const char       *augur_run_recorder_get_path     (AugurRunRecorder    *self);

/**
 * augur_run_recorder_add:
 * @column: which column of the run
 * @index: which input of the run
 * @prediction: a final result; serialized later (augur_journal_add_result()), so it must
 *   not be changed afterwards
 *
 * Writes the result now if the journal is open, or once it opens. Dropped after
 * augur_run_recorder_close_async() or when the journal could not be opened.
 */
void              augur_run_recorder_add          (AugurRunRecorder    *self,
                                                   guint                column,
                                                   guint                index,
                                                   AugurPrediction     *prediction);

/**
 * augur_run_recorder_close_async:
 * @state: %AUGUR_RUN_STATE_FINISHED or %AUGUR_RUN_STATE_CANCELLED
 * @callback: (nullable): may be %NULL
 *
 * Ends the run: now if the journal is open, else as soon as it opens, after the results
 * waiting for it. Only the first call counts; later ones complete at once with %TRUE.
 */
void              augur_run_recorder_close_async  (AugurRunRecorder    *self,
                                                   AugurRunState        state,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* FALSE with the error when the journal never opened or could not be closed */
gboolean          augur_run_recorder_close_finish (AugurRunRecorder    *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
