/* augur-worker.h: our own bounded thread pool for file reading, base64 and hashing, so that
 * a large batch never starves GLib's shared g_task_run_in_thread() pool.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs @func in a worker thread, like g_task_run_in_thread(); the task's callback still
 * runs in its own main context. */
void augur_worker_run (GTask           *task,
                       GTaskThreadFunc  func);

G_END_DECLS
