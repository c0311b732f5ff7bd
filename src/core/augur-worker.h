/* augur-worker.h: our own bounded thread pools for file reading, base64 and hashing, so that
 * a large batch never starves GLib's shared g_task_run_in_thread() pool; one for general
 * file work, one for building requests and one for short jobs, whose threads run at a lower
 * priority than the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs @func in a worker thread, like g_task_run_in_thread(); the task's callback still
 * runs in its own main context. */
void augur_worker_run         (GTask           *task,
                               GTaskThreadFunc  func);
/* The same on a second pool, for short jobs (parsing a reply, writing a line, hashing a few
 * files) that must not queue behind long file work. */
void augur_worker_run_short   (GTask           *task,
                               GTaskThreadFunc  func);
/* The same on a pool of its own for building requests (reading and encoding their files),
 * so that a run never waits behind other file work such as thumbnails. */
void augur_worker_run_request (GTask           *task,
                               GTaskThreadFunc  func);

G_END_DECLS
