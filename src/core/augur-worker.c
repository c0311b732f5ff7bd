/* augur-worker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-worker"

#include "augur-worker.h"

#ifdef __linux__
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

/* How much lower than the rest of the process workers run (a nice increment). */
#define WORKER_NICENESS 10

typedef struct
{
  GTask           *task;   /* (owned) */
  GTaskThreadFunc  func;
} WorkerJob;

/* Workers yield to the main thread: on two cores, four busy workers would otherwise leave
 * the thread that draws the window and talks to the server waiting for a time slice, and
 * the window would stall while the files of a large run are read and encoded. On Linux a
 * thread's nice value is its own. */
static void
lower_thread_priority (void)
{
#ifdef __linux__
  static _Thread_local gboolean lowered = FALSE;

  if (lowered)
    return;
  lowered = TRUE;
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), WORKER_NICENESS) != 0)
    g_debug ("Could not lower a worker thread's priority: %s", g_strerror (errno));
#endif
}

static void
run_worker_job (gpointer data,
                gpointer user_data)
{
  WorkerJob *job = data;
  GTask *task = job->task;

  lower_thread_priority ();

  job->func (task,
             g_task_get_source_object (task),
             g_task_get_task_data (task),
             g_task_get_cancellable (task));

  g_object_unref (task);
  g_free (job);
}

/* Bounded so that a batch of thousands of files queues here instead of opening thousands
 * of files at once, and shared by the whole process like GLib's own pool. */
static gpointer
create_worker_pool (gpointer data)
{
  guint n_threads = MAX (2, g_get_num_processors ());

  return g_thread_pool_new (run_worker_job, NULL, (int) n_threads, FALSE, NULL);
}

static GThreadPool *
get_worker_pool (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, create_worker_pool, NULL);
}

static GThreadPool *
get_short_worker_pool (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, create_worker_pool, NULL);
}

static GThreadPool *
get_request_worker_pool (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, create_worker_pool, NULL);
}

static void
push_job (GThreadPool     *pool,
          GTask           *task,
          GTaskThreadFunc  func)
{
  WorkerJob *job;
  g_autoptr(GError) error = NULL;

  job = g_new0 (WorkerJob, 1);
  job->task = g_object_ref (task);
  job->func = func;

  /* The job is queued even when no new thread could be started: an existing pool thread
   * picks it up, so there is nothing to undo here. */
  if (!g_thread_pool_push (pool, job, &error))
    g_debug ("Could not start another worker thread: %s", error->message);
}

/**
 * augur_worker_run:
 * @task: the task to complete; it is kept alive until @func returns
 * @func: called in a worker thread with the task, its source object, task data and
 *   cancellable. It must return a result with g_task_return_*(), which GTask delivers in
 *   the task's own main context.
 *
 * Like g_task_run_in_thread(), but on Augur's bounded pool.
 */
void
augur_worker_run (GTask           *task,
                  GTaskThreadFunc  func)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  push_job (get_worker_pool (), task, func);
}

/**
 * augur_worker_run_short:
 *
 * Like augur_worker_run(), on a pool of its own: for short jobs that should not wait behind
 * long ones (decoding thumbnails, reading and encoding a request's files).
 */
void
augur_worker_run_short (GTask           *task,
                        GTaskThreadFunc  func)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  push_job (get_short_worker_pool (), task, func);
}

/**
 * augur_worker_run_request:
 *
 * Like augur_worker_run(), on a pool of its own for building requests: a batch of thousands
 * of files must not wait behind thumbnails being decoded for the same files.
 */
void
augur_worker_run_request (GTask           *task,
                          GTaskThreadFunc  func)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  push_job (get_request_worker_pool (), task, func);
}
