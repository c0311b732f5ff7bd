/* augur-run-recorder.c: the journal of one run as it happens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-run-recorder"

#include "augur-run-recorder.h"

#include "augur-prediction.h"

typedef struct
{
  guint            column;
  guint            index;
  AugurPrediction *prediction;
} WaitingLine;

struct _AugurRunRecorder
{
  GObject        parent_instance;

  AugurJournal  *journal;     /* (owned) (nullable) open, until closing starts */
  GCancellable  *cancellable; /* (owned) (nullable) the opening */
  GPtrArray     *waiting;     /* (owned) (nullable) WaitingLine; non-NULL while opening */
  GTask         *close_task;  /* (owned) (nullable) a close asked for while opening */
  AugurRunState  close_state;
  GError        *open_error;  /* (owned) (nullable) why there is no journal */
  char          *path;        /* (owned) (nullable) */
  gboolean       reopening;
  gboolean       closed;      /* close_async() was called */
};

G_DEFINE_FINAL_TYPE (AugurRunRecorder, augur_run_recorder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
waiting_line_free (WaitingLine *line)
{
  g_object_unref (line->prediction);
  g_free (line);
}

static void
journal_closed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!augur_journal_close_finish (AUGUR_JOURNAL (source), result, &error))
    {
      g_debug ("Could not close the run journal: %s", error->message);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* Takes @task. */
static void
close_journal (AugurRunRecorder *self,
               GTask            *task)
{
  g_autoptr(AugurJournal) journal = g_steal_pointer (&self->journal);

  augur_journal_close_async (journal, self->close_state, NULL, journal_closed_cb, task);
}

static void
fail_opening (AugurRunRecorder *self,
              GPtrArray        *waiting,
              const GError     *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->close_task);

  /* Predicting still works; only the safety net is missing. */
  g_debug ("No run journal, %u results not kept so far: %s", waiting->len, error->message);
  self->open_error = g_error_copy (error);
  if (task != NULL)
    g_task_return_error (task, g_error_copy (error));
}

static void
journal_opened (AugurRunRecorder *self,
                AugurJournal     *journal,
                const GError     *error)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);

  g_clear_object (&self->cancellable);
  if (journal == NULL)
    {
      fail_opening (self, waiting, error);
      return;
    }
  self->journal = g_object_ref (journal);
  self->path = g_strdup (augur_journal_get_path (journal));
  for (guint i = 0; i < waiting->len; i++)
    {
      WaitingLine *line = g_ptr_array_index (waiting, i);
      augur_journal_add_result (journal, line->column, line->index, line->prediction);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  if (self->close_task != NULL)
    close_journal (self, g_steal_pointer (&self->close_task));
}

/* @user_data is a GWeakRef: holding the recorder would keep a dropped one opening. */
static void
journal_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(AugurRunRecorder) self = g_weak_ref_get (weak);
  g_autoptr(AugurJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);
  /* Dropped before closing the run: a journal opened meanwhile is let go unclosed, so the
   * run stays interrupted. */
  if (self == NULL)
    return;
  journal = self->reopening ? augur_journal_reopen_finish (result, &error)
                            : augur_journal_create_finish (result, &error);
  journal_opened (self, journal, error);
}

static GWeakRef *
weak_ref_new (AugurRunRecorder *self)
{
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, self);
  return weak;
}

static void
augur_run_recorder_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AugurRunRecorder *self = AUGUR_RUN_RECORDER (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_run_recorder_dispose (GObject *object)
{
  AugurRunRecorder *self = AUGUR_RUN_RECORDER (object);

  /* Not closed (a closed close_async() holds a reference): the run stays interrupted. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (augur_run_recorder_parent_class)->dispose (object);
}

static void
augur_run_recorder_finalize (GObject *object)
{
  AugurRunRecorder *self = AUGUR_RUN_RECORDER (object);

  g_clear_error (&self->open_error);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (augur_run_recorder_parent_class)->finalize (object);
}

static void
augur_run_recorder_class_init (AugurRunRecorderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = augur_run_recorder_get_property;
  object_class->dispose = augur_run_recorder_dispose;
  object_class->finalize = augur_run_recorder_finalize;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
augur_run_recorder_init (AugurRunRecorder *self)
{
  self->cancellable = g_cancellable_new ();
  self->waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) waiting_line_free);
}

AugurRunRecorder *
augur_run_recorder_new (const char *root_dir,
                        const char *base_url,
                        GPtrArray  *columns,
                        GPtrArray  *inputs,
                        GPtrArray  *input_hashes)
{
  AugurRunRecorder *self;

  g_return_val_if_fail (columns != NULL && columns->len > 0, NULL);
  g_return_val_if_fail (inputs != NULL, NULL);

  self = g_object_new (AUGUR_TYPE_RUN_RECORDER, NULL);
  augur_journal_create_async (root_dir, base_url, columns, inputs, input_hashes,
                              self->cancellable, journal_ready_cb, weak_ref_new (self));
  return self;
}

AugurRunRecorder *
augur_run_recorder_new_reopen (const char *path)
{
  AugurRunRecorder *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (AUGUR_TYPE_RUN_RECORDER, NULL);
  self->reopening = TRUE;
  augur_journal_reopen_async (path, self->cancellable, journal_ready_cb, weak_ref_new (self));
  return self;
}

const char *
augur_run_recorder_get_path (AugurRunRecorder *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN_RECORDER (self), NULL);

  return self->path;
}

void
augur_run_recorder_add (AugurRunRecorder *self,
                        guint             column,
                        guint             index,
                        AugurPrediction  *prediction)
{
  WaitingLine *line;

  g_return_if_fail (AUGUR_IS_RUN_RECORDER (self));
  g_return_if_fail (AUGUR_IS_PREDICTION (prediction));

  if (self->closed)
    {
      g_debug ("The run is closed: result %u not journaled", index);
      return;
    }
  if (self->journal != NULL)
    {
      augur_journal_add_result (self->journal, column, index, prediction);
      return;
    }
  /* Neither open nor opening: the failure was logged once. */
  if (self->waiting == NULL)
    return;
  line = g_new0 (WaitingLine, 1);
  line->column = column;
  line->index = index;
  line->prediction = g_object_ref (prediction);
  g_ptr_array_add (self->waiting, line);
}

void
augur_run_recorder_close_async (AugurRunRecorder    *self,
                                AugurRunState        state,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AUGUR_IS_RUN_RECORDER (self));
  g_return_if_fail (state == AUGUR_RUN_STATE_FINISHED || state == AUGUR_RUN_STATE_CANCELLED);

  /* The task holds the recorder until the end line is written. */
  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, augur_run_recorder_close_async);
  if (self->closed)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  self->closed = TRUE;
  self->close_state = state;
  if (self->journal != NULL)
    close_journal (self, g_steal_pointer (&task));
  else if (self->waiting != NULL)
    self->close_task = g_steal_pointer (&task);
  else
    g_task_return_error (task, g_error_copy (self->open_error));
}

gboolean
augur_run_recorder_close_finish (AugurRunRecorder  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_run_recorder_close_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
