/* augur-batch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-batch"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "augur-batch.h"
#include "augur-client.h"
#include "augur-error.h"
#include "augur-input.h"
#include "augur-model-ref.h"
#include "augur-model-spec.h"
#include "augur-prediction.h"
#include "augur-request.h"
#include "augur-settings.h"
#include "augur-status.h"
#include "augur-worker.h"

/* A request in flight owns one slot from the moment its inputs are read until its inputs
 * have their final result, retries and waits included: that bounds both the number of
 * connections and the number of bodies held in memory. */
typedef enum {
  JOB_BUILDING,   /* a worker thread reads the inputs and builds the body */
  JOB_READY,      /* built ahead, waiting for a request slot */
  JOB_POSTING,    /* the body is on its way; waiting for the reply */
  JOB_WAITING,    /* waiting before a retry */
} JobState;

typedef struct
{
  AugurBatch *batch;           /* (unowned): jobs only exist while the batch runs */
  GArray     *indices;         /* (owned) guint: the inputs this request carries, in order */
  GBytes     *body;            /* (owned) (nullable): kept only to resend the same request */
  JobState    state;
  guint       attempt;         /* tries sent so far */
  gboolean    resent_after_whole_failure;
  GSource    *wait_source;     /* (owned) (nullable) */
  gint64      sent_at_us;
} BatchJob;

typedef struct _BatchHook BatchHook;

struct _AugurBatch
{
  GObject parent_instance;

  AugurClient      *client;        /* (owned) */
  AugurModelRef    *ref;           /* (owned) */
  AugurSettings    *settings;      /* (owned) private copy; builds get copies of it */
  AugurModelSpec   *spec;          /* (owned) (nullable) */
  GPtrArray        *inputs;        /* (owned) AugurInput */
  GPtrArray        *results;       /* (owned) AugurPrediction, NULL while pending */
  guint             max_in_flight;
  guint             chunk_size;
  AugurRetryPolicy  policy;
  BatchHook        *transform;     /* (owned) (nullable) AugurPayloadTransform, shared with builds */
  BatchHook        *lookup;        /* (owned) (nullable) AugurBatchLookup, shared with lookups */

  guint             n_done;
  guint             n_failed;
  guint64           bytes_sent;

  /* While running */
  gboolean          started;
  gboolean          cancelled;
  GTask            *task;          /* (owned) (nullable) */
  GMainContext     *context;       /* (owned) (nullable) where signals and waits happen */
  GCancellable     *cancellable;   /* (owned) (nullable) ours, cancelled with the caller's */
  GSource          *cancel_source; /* (owned) (nullable) watches the caller's cancellable */
  GPtrArray        *jobs;          /* (owned) BatchJob: the busy slots */
  guint             next_input;    /* first input not yet looked up (or queued) */
  GArray           *queue;         /* (owned) guint: inputs to send, in order, after lookup */
  guint             queue_pos;     /* first of @queue not yet given to a request */
  gboolean          looking_up;    /* a lookup slice is running in a worker thread */
  GError           *fatal_error;   /* (owned) (nullable) why no new request is sent */
};

G_DEFINE_FINAL_TYPE (AugurBatch, augur_batch, G_TYPE_OBJECT)

/* A function set by the caller (payload transform, lookup) with its data. Reference counted,
 * so that work still running in a worker thread keeps the data alive after the batch is gone
 * or the function replaced. */
struct _BatchHook
{
  gpointer       func;
  gpointer       user_data;
  GDestroyNotify destroy;
};

static void
batch_hook_clear (BatchHook *hook)
{
  if (hook->destroy != NULL)
    hook->destroy (hook->user_data);
}

static BatchHook *
batch_hook_new (gpointer       func,
                gpointer       user_data,
                GDestroyNotify destroy)
{
  BatchHook *hook = g_atomic_rc_box_new0 (BatchHook);

  hook->func = func;
  hook->user_data = user_data;
  hook->destroy = destroy;
  return hook;
}

static BatchHook *
batch_hook_ref (BatchHook *hook)
{
  return g_atomic_rc_box_acquire (hook);
}

static void
batch_hook_unref (BatchHook *hook)
{
  g_atomic_rc_box_release_full (hook, (GDestroyNotify) batch_hook_clear);
}

enum {
  ITEM_FINISHED,
  PROGRESS,
  RETRYING,
  REQUEST_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Chunks built ahead of a free slot, so that a request goes out the moment one finishes
 * instead of after the next chunk is read: one extra body in memory buys a full pipeline. */
#define PREFETCH_JOBS 1

/* Lookups run in slices this big, and stop once this many requests' worth of inputs wait
 * to be sent: ahead of the requests, without taking the worker threads from them. */
#define LOOKUP_SLICE 32
#define LOOKUP_AHEAD_REQUESTS 2

static void     start_build      (BatchJob   *job);
static void     start_lookup     (AugurBatch *self);
static void     advance          (AugurBatch *self);
static void     send_ready_jobs  (AugurBatch *self);
static gboolean run_is_cancelled (AugurBatch *self);

/* Retry policy */

/**
 * augur_retry_policy_init_default:
 *
 * Fills @policy with the Python SDK's behaviour: 10 tries, 5 s after throttling, 1.8 s
 * growing by 1.3 while a model warms up, 1 s doubling after server or network faults, and
 * never more than a minute per wait.
 */
void
augur_retry_policy_init_default (AugurRetryPolicy *policy)
{
  g_return_if_fail (policy != NULL);

  policy->max_attempts = 10;
  policy->throttle_delay_ms = 5000;
  policy->warmup_delay_ms = 1800;
  policy->warmup_factor = 1.3;
  policy->transient_delay_ms = 1000;
  policy->max_delay_ms = 60000;
}

static guint
compute_retry_delay (const AugurRetryPolicy *policy,
                     AugurRetryClass         retry_class,
                     guint                   attempt,
                     guint                   retry_after_s)
{
  double delay_ms = 0;
  double n = attempt > 0 ? attempt - 1 : 0;

  switch (retry_class)
    {
    case AUGUR_RETRY_THROTTLE:
      delay_ms = retry_after_s > 0 ? retry_after_s * 1000.0 : policy->throttle_delay_ms;
      break;
    case AUGUR_RETRY_WARMUP:
      delay_ms = policy->warmup_delay_ms * pow (MAX (policy->warmup_factor, 1.0), n);
      break;
    case AUGUR_RETRY_TRANSIENT:
      delay_ms = policy->transient_delay_ms * pow (2.0, MIN (n, 30));
      break;
    case AUGUR_RETRY_NEVER:
    default:
      break;
    }

  return (guint) MIN (delay_ms, (double) policy->max_delay_ms);
}

/* When outputs of one reply want different waits, the slowest wins. */
static AugurRetryClass
slower_retry_class (AugurRetryClass a,
                    AugurRetryClass b)
{
  static const int rank[] = {
    [AUGUR_RETRY_NEVER] = 0,
    [AUGUR_RETRY_TRANSIENT] = 1,
    [AUGUR_RETRY_WARMUP] = 2,
    [AUGUR_RETRY_THROTTLE] = 3,
  };

  return rank[a] >= rank[b] ? a : b;
}

static gboolean
status_is_server_fault (const AugurStatus *status)
{
  return status != NULL && status->http_status >= 500;
}

/* How to retry a request that got no usable reply at all. */
static AugurRetryClass
error_retry_class (const GError *error)
{
  const AugurStatus *status = augur_error_get_status (error);
  AugurRetryClass code_class;

  if (error->domain == G_IO_ERROR)
    return error->code == G_IO_ERROR_CANCELLED ? AUGUR_RETRY_NEVER : AUGUR_RETRY_TRANSIENT;
  if (error->domain != AUGUR_ERROR)
    return AUGUR_RETRY_NEVER;

  code_class = status != NULL ? augur_status_code_retry_class (status->code) : AUGUR_RETRY_NEVER;

  switch ((AugurErrorCode) error->code)
    {
    case AUGUR_ERROR_THROTTLED:
      /* e.g. 11004, the monthly quota: asking again this month cannot help */
      if (status != NULL && augur_status_code_name (status->code) != NULL &&
          code_class == AUGUR_RETRY_NEVER)
        return AUGUR_RETRY_NEVER;
      return AUGUR_RETRY_THROTTLE;
    case AUGUR_ERROR_TRANSPORT:
      return AUGUR_RETRY_TRANSIENT;
    case AUGUR_ERROR_BAD_REPLY:
      return status_is_server_fault (status) ? AUGUR_RETRY_TRANSIENT : AUGUR_RETRY_NEVER;
    case AUGUR_ERROR_API:
      if (code_class == AUGUR_RETRY_NEVER && status != NULL && status->code == 0 &&
          status_is_server_fault (status))
        return AUGUR_RETRY_TRANSIENT;
      return code_class;
    case AUGUR_ERROR_TLS:
    case AUGUR_ERROR_AUTH:
    case AUGUR_ERROR_BAD_INPUT:
    case AUGUR_ERROR_INVALID_ARGUMENT:
    default:
      return AUGUR_RETRY_NEVER;
    }
}

/* Errors that every further request would meet too: stop sending. */
static gboolean
error_stops_batch (const GError *error)
{
  const AugurStatus *status = augur_error_get_status (error);

  if (g_error_matches (error, AUGUR_ERROR, AUGUR_ERROR_AUTH) ||
      g_error_matches (error, AUGUR_ERROR, AUGUR_ERROR_TLS))
    return TRUE;

  return status != NULL &&
         (status->code == AUGUR_STATUS_MODEL_DOES_NOT_EXIST ||
          status->code == 21201 /* MODEL_PERMISSION_DENIED */ ||
          augur_status_code_is_auth (status->code));
}

static char *
describe_retry (AugurRetryClass    retry_class,
                const AugurStatus *status,
                const GError      *error)
{
  const char *name;

  if (retry_class == AUGUR_RETRY_THROTTLE)
    return g_strdup (_("The server asked to slow down"));
  if (retry_class == AUGUR_RETRY_WARMUP)
    return g_strdup (_("The model is loading"));

  if (status_is_server_fault (status))
    /* Translators: %u is an HTTP status code such as 503 */
    return g_strdup_printf (_("Server error (HTTP %u)"), status->http_status);
  if (error != NULL &&
      (error->domain == G_IO_ERROR || g_error_matches (error, AUGUR_ERROR, AUGUR_ERROR_TRANSPORT)))
    return g_strdup (_("Could not reach the server"));

  name = status != NULL ? augur_status_code_name (status->code) : NULL;
  if (name != NULL)
    /* Translators: %s is a Clarifai status name such as RPC_REQUEST_TIMEOUT */
    return g_strdup_printf (_("Temporary server problem (%s)"), name);
  return g_strdup (_("Temporary server problem"));
}

/* Per-output codes that blame the input itself (30104 invalid argument, 30101 unsupported
 * format...). INPUT_FAILED is not one: the server also uses it for the innocent inputs of a
 * request it rejected as a whole (contract §6.3). */
static gboolean
is_permanent_input_code (int code)
{
  return augur_status_code_is_input (code) &&
         code != AUGUR_STATUS_INPUT_FAILED &&
         augur_status_code_retry_class (code) == AUGUR_RETRY_NEVER;
}

static int
prediction_code (AugurPrediction *prediction)
{
  const AugurStatus *status = augur_prediction_get_status (prediction);
  const AugurStatus *error_status = augur_error_get_status (augur_prediction_get_error (prediction));

  if (status != NULL)
    return status->code;
  return error_status != NULL ? error_status->code : 0;
}

static AugurRetryClass
output_retry_class (const AugurStatus *top,
                    AugurPrediction   *prediction)
{
  int code = prediction_code (prediction);

  /* An output without a code of its own shares the fate of the whole reply. */
  if (code == 0 && top != NULL)
    return augur_status_code_retry_class (top->code);
  return augur_status_code_retry_class (code);
}

static gboolean
reply_failed_as_a_whole (AugurPredictReply *reply)
{
  if (reply->status == NULL || reply->status->code != AUGUR_STATUS_FAILURE)
    return FALSE;

  for (guint i = 0; i < reply->predictions->len; i++)
    if (is_permanent_input_code (prediction_code (g_ptr_array_index (reply->predictions, i))))
      return TRUE;

  return FALSE;
}

/* Jobs */

static BatchJob *
batch_job_new (AugurBatch *self)
{
  BatchJob *job = g_new0 (BatchJob, 1);

  job->batch = self;
  job->indices = g_array_new (FALSE, FALSE, sizeof (guint));
  return job;
}

static void
batch_job_cancel_wait (BatchJob *job)
{
  if (job->wait_source != NULL)
    {
      g_source_destroy (job->wait_source);
      g_clear_pointer (&job->wait_source, g_source_unref);
    }
}

static void
batch_job_free (BatchJob *job)
{
  batch_job_cancel_wait (job);
  g_clear_pointer (&job->indices, g_array_unref);
  g_clear_pointer (&job->body, g_bytes_unref);
  g_free (job);
}

static guint
job_first_index (BatchJob *job)
{
  return job->indices->len > 0 ? g_array_index (job->indices, guint, 0) : 0;
}

static void
end_job (BatchJob *job)
{
  AugurBatch *self = job->batch;

  g_ptr_array_remove_fast (self->jobs, job);
  advance (self);
}

/* Results */

/* @duration_ms: of the request that answered; negative keeps the prediction's own (a result
 * found by a lookup was made by an earlier request). */
static void
finish_item (AugurBatch      *self,
             guint            index,
             AugurPrediction *prediction,
             double           duration_ms)
{
  g_assert (index < self->inputs->len);
  g_assert (g_ptr_array_index (self->results, index) == NULL);

  augur_prediction_set_index (prediction, index);
  augur_prediction_set_input (prediction, g_ptr_array_index (self->inputs, index));
  if (duration_ms >= 0)
    augur_prediction_set_duration_ms (prediction, duration_ms);
  self->results->pdata[index] = g_object_ref (prediction);

  self->n_done++;
  if (!augur_prediction_is_success (prediction))
    self->n_failed++;

  g_signal_emit (self, signals[ITEM_FINISHED], 0, prediction);
  g_signal_emit (self, signals[PROGRESS], 0, self->n_done, self->n_failed, self->inputs->len);
}

static void
fail_item (AugurBatch   *self,
           guint         index,
           const GError *error,
           double        duration_ms)
{
  g_autoptr(AugurPrediction) prediction = augur_prediction_new ();
  const AugurStatus *status = augur_error_get_status (error);

  augur_prediction_set_error (prediction, error);
  if (status != NULL)
    augur_prediction_set_status (prediction, status);
  finish_item (self, index, prediction, duration_ms);
}

static void
fail_items (AugurBatch   *self,
            GArray       *indices,
            const GError *error,
            double        duration_ms)
{
  for (guint i = 0; i < indices->len; i++)
    fail_item (self, g_array_index (indices, guint, i), error, duration_ms);
}

/* Stops sending after an error that every request would meet (bad token, unknown model):
 * what is finished stays, everything not yet sent fails with the same error. */
static void
stop_batch (AugurBatch   *self,
            const GError *error)
{
  if (self->fatal_error != NULL)
    return;

  g_debug ("Stopping the batch: %s", error->message);
  self->fatal_error = g_error_copy (error);

  for (guint i = self->jobs->len; i > 0; i--)
    {
      BatchJob *job = g_ptr_array_index (self->jobs, i - 1);

      if (job->state != JOB_WAITING && job->state != JOB_READY)
        continue;
      fail_items (self, job->indices, error, 0);
      g_ptr_array_remove_index_fast (self->jobs, i - 1);
    }

  for (; self->queue_pos < self->queue->len; self->queue_pos++)
    fail_item (self, g_array_index (self->queue, guint, self->queue_pos), error, 0);
  for (; self->next_input < self->inputs->len; self->next_input++)
    fail_item (self, self->next_input, error, 0);
}

/* Looking inputs up in a worker thread, ahead of their requests */

typedef struct
{
  GArray    *indices;   /* (owned) guint */
  GPtrArray *inputs;    /* (owned) AugurInput, parallel to indices */
  BatchHook *lookup;    /* (owned) */
} LookupData;

static void
lookup_data_free (LookupData *data)
{
  g_clear_pointer (&data->indices, g_array_unref);
  g_clear_pointer (&data->inputs, g_ptr_array_unref);
  g_clear_pointer (&data->lookup, batch_hook_unref);
  g_free (data);
}

/* Result arrays have empty slots, and GPtrArray calls its free function on those too. */
static void
unref_result (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LookupData *data = task_data;
  AugurBatchLookup lookup = (AugurBatchLookup) data->lookup->func;
  g_autoptr(GPtrArray) found = g_ptr_array_new_full (data->inputs->len, unref_result);

  for (guint i = 0; i < data->inputs->len; i++)
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      g_ptr_array_add (found, lookup (g_ptr_array_index (data->inputs, i),
                                      g_array_index (data->indices, guint, i),
                                      data->lookup->user_data, cancellable));
    }
  g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) g_ptr_array_unref);
}

/* Found inputs are final; the others wait in the queue for a request. A slice that ends after
 * a fatal error fails its other inputs, and after a cancellation leaves them unfinished. */
static void
lookup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AugurBatch *self = AUGUR_BATCH (object);
  LookupData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) found = g_task_propagate_pointer (G_TASK (result), NULL);

  self->looking_up = FALSE;
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      guint index = g_array_index (data->indices, guint, i);
      AugurPrediction *prediction = g_ptr_array_index (found, i);

      if (prediction != NULL)
        finish_item (self, index, prediction, -1);
      else if (self->fatal_error != NULL)
        fail_item (self, index, self->fatal_error, 0);
      else if (!run_is_cancelled (self))
        g_array_append_val (self->queue, index);
    }
  advance (self);
}

static guint
count_queued (AugurBatch *self)
{
  return self->queue->len - self->queue_pos;
}

static void
start_lookup (AugurBatch *self)
{
  g_autoptr(GTask) task = NULL;
  LookupData *data;
  guint n;

  if (self->looking_up || run_is_cancelled (self) || self->fatal_error != NULL ||
      self->next_input >= self->inputs->len ||
      count_queued (self) >= LOOKUP_AHEAD_REQUESTS * self->chunk_size)
    return;

  n = MIN (LOOKUP_SLICE, self->inputs->len - self->next_input);
  data = g_new0 (LookupData, 1);
  data->indices = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  data->inputs = g_ptr_array_new_full (n, g_object_unref);
  data->lookup = batch_hook_ref (self->lookup);
  for (guint i = 0; i < n; i++, self->next_input++)
    {
      g_array_append_val (data->indices, self->next_input);
      g_ptr_array_add (data->inputs, g_object_ref (g_ptr_array_index (self->inputs, self->next_input)));
    }

  self->looking_up = TRUE;
  task = g_task_new (self, self->cancellable, lookup_done_cb, NULL);
  g_task_set_source_tag (task, start_lookup);
  g_task_set_task_data (task, data, (GDestroyNotify) lookup_data_free);
  augur_worker_run_short (task, lookup_thread);
}

/* Without a lookup every input goes straight to the queue. */
static void
queue_inputs (AugurBatch *self)
{
  if (self->lookup != NULL)
    {
      start_lookup (self);
      return;
    }
  for (; self->next_input < self->inputs->len; self->next_input++)
    g_array_append_val (self->queue, self->next_input);
}

/* Whether every input has left the lookup stage (found, queued or failed). */
static gboolean
lookups_done (AugurBatch *self)
{
  return !self->looking_up && self->next_input >= self->inputs->len;
}

/* Building a request in a worker thread */

/* JsonObject and JsonArray reference counts are not atomic in json-glib 1.6, and
 * json_node_copy() only references them: every build gets settings whose JSON values share
 * nothing with the caller's or with another build's. */
static AugurSettings *
copy_settings_deeply (AugurSettings *settings)
{
  AugurSettings *copy = augur_settings_copy (settings);
  g_autoptr(GPtrArray) listed = augur_settings_list_params (copy);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  /* The listed names belong to @copy, which changes below. */
  for (guint i = 0; i < listed->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (listed, i));
  names = g_strv_builder_end (builder);

  for (guint i = 0; names[i] != NULL; i++)
    {
      JsonNode *value = augur_settings_get_param (copy, names[i]);
      g_autofree char *json = NULL;
      g_autoptr(JsonNode) fresh = NULL;

      if (value == NULL || JSON_NODE_HOLDS_VALUE (value) || JSON_NODE_HOLDS_NULL (value))
        continue;
      json = json_to_string (value, FALSE);
      fresh = json_from_string (json, NULL);
      if (fresh != NULL)
        augur_settings_set_param (copy, names[i], fresh);
    }

  return copy;
}

typedef struct
{
  GArray         *indices;   /* (owned) guint */
  GPtrArray      *inputs;    /* (owned) AugurInput, parallel to indices */
  AugurSettings  *settings;  /* (owned) */
  AugurModelSpec *spec;      /* (owned) (nullable) */
  BatchHook      *transform; /* (owned) (nullable) */
} BuildData;

typedef struct
{
  GBytes    *body;           /* (owned) (nullable) */
  GError    *build_error;    /* (owned) (nullable) the loaded inputs could not be sent */
  GArray    *sent;           /* (owned) guint: inputs in the body, in body order */
  GArray    *unreadable;     /* (owned) guint: inputs that could not be loaded */
  GPtrArray *load_errors;    /* (owned) GError, parallel to unreadable */
} BuildResult;

static void
build_data_free (BuildData *data)
{
  g_clear_pointer (&data->indices, g_array_unref);
  g_clear_pointer (&data->inputs, g_ptr_array_unref);
  g_clear_pointer (&data->settings, augur_settings_unref);
  g_clear_pointer (&data->spec, augur_model_spec_unref);
  g_clear_pointer (&data->transform, batch_hook_unref);
  g_free (data);
}

static BuildResult *
build_result_new (void)
{
  BuildResult *result = g_new0 (BuildResult, 1);

  result->sent = g_array_new (FALSE, FALSE, sizeof (guint));
  result->unreadable = g_array_new (FALSE, FALSE, sizeof (guint));
  result->load_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  return result;
}

static void
build_result_free (BuildResult *result)
{
  g_clear_pointer (&result->body, g_bytes_unref);
  g_clear_error (&result->build_error);
  g_clear_pointer (&result->sent, g_array_unref);
  g_clear_pointer (&result->unreadable, g_array_unref);
  g_clear_pointer (&result->load_errors, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BuildResult, build_result_free)

static char *
make_input_id (guint index)
{
  return g_strdup_printf ("augur-%u", index);
}

static void
build_request_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  BuildData *data = task_data;
  g_autoptr(BuildResult) result = build_result_new ();
  g_autoptr(GPtrArray) payloads = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_payload_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < data->indices->len; i++)
    {
      guint index = g_array_index (data->indices, guint, i);
      g_autoptr(GError) error = NULL;
      AugurPayload *payload;

      payload = augur_input_load (g_ptr_array_index (data->inputs, i), cancellable, &error);
      if (payload != NULL && data->transform != NULL)
        {
          AugurPayloadTransform transform = (AugurPayloadTransform) data->transform->func;

          payload = transform (payload, data->transform->user_data, &error);
          if (payload == NULL && error == NULL)
            g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 _("The input could not be prepared for sending"));
        }
      if (payload == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (payload == NULL)
        {
          g_debug ("Input %u is left out of its request: %s", index, error->message);
          g_array_append_val (result->unreadable, index);
          g_ptr_array_add (result->load_errors, g_steal_pointer (&error));
          continue;
        }

      g_ptr_array_add (payloads, payload);
      g_ptr_array_add (ids, make_input_id (index));
      g_array_append_val (result->sent, index);
    }
  g_ptr_array_add (ids, NULL);

  if (payloads->len > 0)
    result->body = augur_request_build_predict_bytes (payloads,
                                                      (const char * const *) ids->pdata,
                                                      data->settings,
                                                      data->spec,
                                                      &result->build_error);

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) build_result_free);
}

/* Sending */

/* Requests on the wire or waiting to be retried: each holds one of max_in_flight slots. */
static guint
count_in_flight (AugurBatch *self)
{
  guint n = 0;

  for (guint i = 0; i < self->jobs->len; i++)
    {
      BatchJob *job = g_ptr_array_index (self->jobs, i);
      if (job->state == JOB_POSTING || job->state == JOB_WAITING)
        n++;
    }
  return n;
}

static void request_answered_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data);

static void
send_job (BatchJob *job)
{
  AugurBatch *self = job->batch;
  gsize n_bytes = g_bytes_get_size (job->body);

  job->state = JOB_POSTING;
  job->attempt++;
  job->sent_at_us = g_get_monotonic_time ();
  self->bytes_sent += n_bytes;

  g_debug ("Sending inputs %u… (%u inputs, %" G_GSIZE_FORMAT " bytes, try %u)",
           job_first_index (job), job->indices->len, n_bytes, job->attempt);
  g_signal_emit (self, signals[REQUEST_SENT], 0,
                 job_first_index (job), job->indices->len, (guint64) n_bytes);

  augur_client_post_outputs_async (self->client, self->ref, job->body, self->cancellable,
                                   request_answered_cb, job);
}

static gboolean
retry_wait_done_cb (gpointer user_data)
{
  BatchJob *job = user_data;
  AugurBatch *self = job->batch;

  g_clear_pointer (&job->wait_source, g_source_unref);

  if (self->fatal_error != NULL)
    {
      fail_items (self, job->indices, self->fatal_error, 0);
      end_job (job);
    }
  else if (job->body != NULL)
    send_job (job);
  else
    start_build (job);

  return G_SOURCE_REMOVE;
}

static void
wait_then_retry (BatchJob   *job,
                 guint       delay_ms,
                 const char *reason)
{
  AugurBatch *self = job->batch;

  g_debug ("Retrying inputs %u… in %u ms after try %u: %s",
           job_first_index (job), delay_ms, job->attempt, reason);

  job->state = JOB_WAITING;
  job->wait_source = g_timeout_source_new (delay_ms);
  g_source_set_callback (job->wait_source, retry_wait_done_cb, job, NULL);
  g_source_set_static_name (job->wait_source, "[augur-batch] retry wait");
  g_source_attach (job->wait_source, self->context);

  g_signal_emit (self, signals[RETRYING], 0,
                 job->attempt, self->policy.max_attempts, delay_ms, reason);
}

/* @retry_after_s: the reply's Retry-After, 0 when absent; it sets the wait after throttling */
static void
handle_request_error (BatchJob     *job,
                      const GError *error,
                      double        duration_ms,
                      guint         retry_after_s)
{
  AugurBatch *self = job->batch;
  AugurRetryClass retry_class = error_retry_class (error);

  g_debug ("Request for inputs %u… failed: %s", job_first_index (job), error->message);

  if (retry_class != AUGUR_RETRY_NEVER && job->attempt < self->policy.max_attempts)
    {
      g_autofree char *reason = describe_retry (retry_class, augur_error_get_status (error), error);
      guint delay_ms = compute_retry_delay (&self->policy, retry_class, job->attempt,
                                            retry_after_s);

      wait_then_retry (job, delay_ms, reason);
      return;
    }

  g_clear_pointer (&job->body, g_bytes_unref);
  fail_items (self, job->indices, error, duration_ms);
  if (error_stops_batch (error))
    stop_batch (self, error);
  end_job (job);
}

static void
fail_count_mismatch (BatchJob *job,
                     guint     n_outputs,
                     double    duration_ms)
{
  g_autoptr(GError) error = NULL;

  error = g_error_new (AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY,
                       /* Translators: the first %u is a number of results */
                       ngettext ("The server returned %u result for %u inputs",
                                 "The server returned %u results for %u inputs", n_outputs),
                       n_outputs, job->indices->len);
  g_debug ("%s", error->message);
  fail_items (job->batch, job->indices, error, duration_ms);
}

/* What to do with the outputs that are not final. */
typedef struct
{
  GArray          *indices;          /* (owned) guint */
  AugurRetryClass  retry_class;      /* the slowest wait any of them asks for */
  AugurPrediction *example;          /* (unowned) (nullable) an output that asks for it */
  gboolean         resend_innocent;  /* the innocent inputs of a whole-request failure */
} RetryPlan;

/* Keeps each final output and adds the retryable ones to @plan. */
static void
sort_outputs (BatchJob          *job,
              AugurPredictReply *reply,
              double             duration_ms,
              gboolean           can_retry,
              RetryPlan         *plan)
{
  for (guint i = 0; i < reply->predictions->len; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (reply->predictions, i);
      guint index = g_array_index (job->indices, guint, i);
      AugurRetryClass output_class = AUGUR_RETRY_NEVER;
      gboolean innocent;

      if (!augur_prediction_is_success (prediction))
        output_class = output_retry_class (reply->status, prediction);
      innocent = plan->resend_innocent && !is_permanent_input_code (prediction_code (prediction));

      if (augur_prediction_is_success (prediction) ||
          !can_retry || (output_class == AUGUR_RETRY_NEVER && !innocent))
        {
          finish_item (job->batch, index, prediction, duration_ms);
          continue;
        }

      g_array_append_val (plan->indices, index);
      if (output_class != AUGUR_RETRY_NEVER &&
          slower_retry_class (plan->retry_class, output_class) == output_class)
        {
          plan->retry_class = output_class;
          plan->example = prediction;
        }
    }
}

static void
retry_outputs (BatchJob          *job,
               AugurPredictReply *reply,
               RetryPlan         *plan)
{
  AugurBatch *self = job->batch;
  const AugurStatus *status;
  g_autofree char *reason = NULL;

  g_array_unref (job->indices);
  job->indices = g_steal_pointer (&plan->indices);
  job->resent_after_whole_failure |= plan->resend_innocent;

  if (plan->retry_class == AUGUR_RETRY_NEVER)
    {
      wait_then_retry (job, 0,
                       _("The server rejected the request because of another input; "
                         "sending the others again"));
      return;
    }

  status = augur_prediction_get_status (plan->example);
  reason = describe_retry (plan->retry_class, status != NULL ? status : reply->status, NULL);
  wait_then_retry (job,
                   compute_retry_delay (&self->policy, plan->retry_class, job->attempt,
                                        reply->retry_after_s),
                   reason);
}

/* Matches outputs to inputs by position (contract §5.2), keeps the final ones and puts the
 * retryable ones back into this job, which keeps its slot for the retry. */
static void
handle_reply (BatchJob          *job,
              AugurPredictReply *reply,
              double             duration_ms)
{
  AugurBatch *self = job->batch;
  gboolean can_retry = !self->cancelled && job->attempt < self->policy.max_attempts;
  guint n_outputs = reply->predictions != NULL ? reply->predictions->len : 0;
  RetryPlan plan = { NULL, AUGUR_RETRY_NEVER, NULL, FALSE };

  if (reply->duration_ms > 0)
    duration_ms = reply->duration_ms;

  if (n_outputs != job->indices->len)
    {
      fail_count_mismatch (job, n_outputs, duration_ms);
      end_job (job);
      return;
    }

  plan.indices = g_array_new (FALSE, FALSE, sizeof (guint));
  plan.resend_innocent = can_retry && !job->resent_after_whole_failure &&
                         reply_failed_as_a_whole (reply);
  sort_outputs (job, reply, duration_ms, can_retry, &plan);

  if (plan.indices->len > 0)
    retry_outputs (job, reply, &plan);
  else
    end_job (job);

  g_clear_pointer (&plan.indices, g_array_unref);
}

static void
request_answered_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  BatchJob *job = user_data;
  AugurBatch *self = job->batch;
  g_autoptr(AugurPredictReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  double duration_ms;

  reply = augur_client_post_outputs_finish (AUGUR_CLIENT (object), result, &error);
  duration_ms = (g_get_monotonic_time () - job->sent_at_us) / 1000.0;

  /* A reply that made it before a cancellation still counts: its results are final. */
  if (reply == NULL && self->cancelled)
    {
      end_job (job);
      return;
    }

  if (reply == NULL)
    {
      handle_request_error (job, error, duration_ms,
                            augur_client_post_outputs_get_retry_after (AUGUR_CLIENT (object),
                                                                       result));
      return;
    }

  g_clear_pointer (&job->body, g_bytes_unref);
  handle_reply (job, reply, duration_ms);
}

static void
request_built_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BatchJob *job = user_data;
  AugurBatch *self = job->batch;
  g_autoptr(BuildResult) built = NULL;
  g_autoptr(GError) error = NULL;

  built = g_task_propagate_pointer (G_TASK (result), &error);
  if (built == NULL)
    {
      if (!self->cancelled)
        fail_items (self, job->indices, error, 0);
      end_job (job);
      return;
    }

  for (guint i = 0; i < built->unreadable->len; i++)
    fail_item (self, g_array_index (built->unreadable, guint, i),
               g_ptr_array_index (built->load_errors, i), 0);

  g_array_unref (job->indices);
  job->indices = g_steal_pointer (&built->sent);

  if (run_is_cancelled (self) || job->indices->len == 0)
    end_job (job);
  else if (built->build_error != NULL)
    {
      g_debug ("Could not build the request for inputs %u…: %s",
               job_first_index (job), built->build_error->message);
      fail_items (self, job->indices, built->build_error, 0);
      end_job (job);
    }
  else if (self->fatal_error != NULL)
    {
      fail_items (self, job->indices, self->fatal_error, 0);
      end_job (job);
    }
  else
    {
      job->body = g_steal_pointer (&built->body);
      job->state = JOB_READY;
      send_ready_jobs (self);
    }
}

static void
start_build (BatchJob *job)
{
  AugurBatch *self = job->batch;
  g_autoptr(GTask) task = NULL;
  BuildData *data = g_new0 (BuildData, 1);

  data->indices = g_array_copy (job->indices);
  data->inputs = g_ptr_array_new_full (job->indices->len, g_object_unref);
  for (guint i = 0; i < job->indices->len; i++)
    g_ptr_array_add (data->inputs,
                     g_object_ref (g_ptr_array_index (self->inputs,
                                                      g_array_index (job->indices, guint, i))));
  data->settings = copy_settings_deeply (self->settings);
  data->spec = self->spec != NULL ? augur_model_spec_ref (self->spec) : NULL;
  data->transform = self->transform != NULL ? batch_hook_ref (self->transform) : NULL;

  job->state = JOB_BUILDING;

  task = g_task_new (NULL, self->cancellable, request_built_cb, job);
  g_task_set_source_tag (task, start_build);
  g_task_set_task_data (task, data, (GDestroyNotify) build_data_free);
  augur_worker_run_request (task, build_request_thread);
}

/* Running */

/* TRUE as soon as the caller cancels, before run_cancelled_cb() has had its turn. */
static gboolean
run_is_cancelled (AugurBatch *self)
{
  return self->cancelled ||
         (self->task != NULL && g_cancellable_is_cancelled (g_task_get_cancellable (self->task)));
}

/* Requests leave in input order: a job built ahead waits for any earlier job still being
 * built, so that the first inputs get their results first. */
static BatchJob *
next_job_to_send (AugurBatch *self)
{
  BatchJob *next = NULL;

  for (guint i = 0; i < self->jobs->len; i++)
    {
      BatchJob *job = g_ptr_array_index (self->jobs, i);

      if ((job->state == JOB_READY || job->state == JOB_BUILDING) &&
          (next == NULL || job_first_index (job) < job_first_index (next)))
        next = job;
    }
  return next != NULL && next->state == JOB_READY ? next : NULL;
}

static void
send_ready_jobs (AugurBatch *self)
{
  BatchJob *job;

  while (count_in_flight (self) < self->max_in_flight && (job = next_job_to_send (self)) != NULL)
    send_job (job);
}

/* A request takes a full chunk, or what is left once the lookups are over. */
static gboolean
can_start_request (AugurBatch *self)
{
  guint queued = count_queued (self);

  return queued >= self->chunk_size || (queued > 0 && lookups_done (self));
}

static void
fill_slots (AugurBatch *self)
{
  send_ready_jobs (self);
  queue_inputs (self);
  while (!run_is_cancelled (self) && self->fatal_error == NULL &&
         self->jobs->len < self->max_in_flight + PREFETCH_JOBS &&
         can_start_request (self))
    {
      BatchJob *job = batch_job_new (self);
      guint n = MIN (self->chunk_size, count_queued (self));

      for (guint i = 0; i < n; i++, self->queue_pos++)
        g_array_append_val (job->indices, g_array_index (self->queue, guint, self->queue_pos));

      g_ptr_array_add (self->jobs, job);
      start_build (job);
    }
  /* Taking a chunk may make room for the next lookup. */
  queue_inputs (self);
}

static void
complete_run (AugurBatch *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (self->cancel_source != NULL)
    {
      g_source_destroy (self->cancel_source);
      g_clear_pointer (&self->cancel_source, g_source_unref);
    }
  g_clear_object (&self->cancellable);

  if (self->cancelled)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _("The batch was cancelled"));
  else
    {
      g_assert (self->n_done == self->inputs->len);
      g_task_return_boolean (task, TRUE);
    }
}

static void
advance (AugurBatch *self)
{
  if (self->task == NULL)
    return;

  fill_slots (self);

  if (self->jobs->len == 0 && !self->looking_up &&
      (self->cancelled || (lookups_done (self) && count_queued (self) == 0)))
    complete_run (self);
}

static gboolean
run_cancelled_cb (GCancellable *cancellable,
                  gpointer      user_data)
{
  AugurBatch *self = user_data;

  g_debug ("Batch cancelled with %u of %u inputs done", self->n_done, self->inputs->len);

  self->cancelled = TRUE;
  g_cancellable_cancel (self->cancellable);

  /* Requests in flight end through their own callbacks; waits end here and now. */
  for (guint i = self->jobs->len; i > 0; i--)
    {
      BatchJob *job = g_ptr_array_index (self->jobs, i - 1);

      if (job->state == JOB_WAITING || job->state == JOB_READY)
        g_ptr_array_remove_index_fast (self->jobs, i - 1);
    }

  advance (self);
  return G_SOURCE_REMOVE;
}

/* GObject */

static void
augur_batch_dispose (GObject *object)
{
  AugurBatch *self = AUGUR_BATCH (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (augur_batch_parent_class)->dispose (object);
}

static void
augur_batch_finalize (GObject *object)
{
  AugurBatch *self = AUGUR_BATCH (object);

  g_clear_pointer (&self->ref, augur_model_ref_free);
  g_clear_pointer (&self->settings, augur_settings_unref);
  g_clear_pointer (&self->spec, augur_model_spec_unref);
  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_error (&self->fatal_error);
  g_clear_pointer (&self->transform, batch_hook_unref);
  g_clear_pointer (&self->lookup, batch_hook_unref);
  g_clear_pointer (&self->queue, g_array_unref);

  G_OBJECT_CLASS (augur_batch_parent_class)->finalize (object);
}

static void
augur_batch_class_init (AugurBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = augur_batch_dispose;
  object_class->finalize = augur_batch_finalize;

  /**
   * AugurBatch::item-finished:
   * @prediction: the final result of one input (success or failure), emitted once per input
   */
  signals[ITEM_FINISHED] =
    g_signal_new ("item-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AUGUR_TYPE_PREDICTION);

  /**
   * AugurBatch::progress:
   * @done: inputs with a final result, failed ones included
   * @failed: inputs that failed
   * @total: all inputs
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * AugurBatch::retrying:
   * @attempt: tries of this request that failed so far (1 after the first failure)
   * @max_attempts: tries allowed, the first included
   * @delay_ms: wait before the next try
   * @reason: why, for people ("The server asked to slow down")
   */
  signals[RETRYING] =
    g_signal_new ("retrying", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);

  /**
   * AugurBatch::request-sent:
   * @first_index: index of the first input in the request
   * @n_inputs: inputs in the request
   * @n_bytes: size of the body
   */
  signals[REQUEST_SENT] =
    g_signal_new ("request-sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT64);
}

static void
augur_batch_init (AugurBatch *self)
{
  self->max_in_flight = AUGUR_DEFAULT_IN_FLIGHT;
  self->chunk_size = AUGUR_MAX_INPUTS_PER_REQUEST;
  augur_retry_policy_init_default (&self->policy);
  self->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_job_free);
  self->queue = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * augur_batch_new:
 * @client: the client that sends the requests
 * @ref: the model to run
 * @settings: (nullable): the controls to send; copied, so later changes do not apply
 * @spec: (nullable): what the model accepts
 * @inputs: (element-type AugurInput): the inputs; read lazily, when their request is built
 *
 * Returns: (transfer full): a batch ready for augur_batch_run_async()
 */
AugurBatch *
augur_batch_new (AugurClient         *client,
                 const AugurModelRef *ref,
                 AugurSettings       *settings,
                 AugurModelSpec      *spec,
                 GPtrArray           *inputs)
{
  AugurBatch *self;

  g_return_val_if_fail (AUGUR_IS_CLIENT (client), NULL);
  g_return_val_if_fail (ref != NULL, NULL);
  g_return_val_if_fail (inputs != NULL, NULL);
  for (guint i = 0; i < inputs->len; i++)
    g_return_val_if_fail (AUGUR_IS_INPUT (g_ptr_array_index (inputs, i)), NULL);

  self = g_object_new (AUGUR_TYPE_BATCH, NULL);
  self->client = g_object_ref (client);
  self->ref = augur_model_ref_copy (ref);
  self->settings = settings != NULL ? copy_settings_deeply (settings) : augur_settings_new ();
  self->spec = spec != NULL ? augur_model_spec_ref (spec) : NULL;

  self->inputs = g_ptr_array_new_full (inputs->len, g_object_unref);
  for (guint i = 0; i < inputs->len; i++)
    g_ptr_array_add (self->inputs, g_object_ref (g_ptr_array_index (inputs, i)));

  self->results = g_ptr_array_new_full (inputs->len, unref_result);
  g_ptr_array_set_size (self->results, inputs->len);

  return self;
}

/* @n: requests at the same time; 0 restores the default */
void
augur_batch_set_max_in_flight (AugurBatch *self,
                               guint       n)
{
  g_return_if_fail (AUGUR_IS_BATCH (self));

  self->max_in_flight = n > 0 ? n : AUGUR_DEFAULT_IN_FLIGHT;
}

/* @n: inputs per request, at most AUGUR_MAX_INPUTS_PER_REQUEST; 0 restores the default */
void
augur_batch_set_chunk_size (AugurBatch *self,
                            guint       n)
{
  g_return_if_fail (AUGUR_IS_BATCH (self));

  if (n == 0 || n > AUGUR_MAX_INPUTS_PER_REQUEST)
    n = AUGUR_MAX_INPUTS_PER_REQUEST;
  self->chunk_size = n;
}

void
augur_batch_set_retry_policy (AugurBatch             *self,
                              const AugurRetryPolicy *policy)
{
  g_return_if_fail (AUGUR_IS_BATCH (self));
  g_return_if_fail (policy != NULL);
  g_return_if_fail (policy->max_attempts >= 1);

  self->policy = *policy;
}

guint
augur_batch_get_n_inputs (AugurBatch *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH (self), 0);

  return self->inputs->len;
}

guint
augur_batch_get_n_done (AugurBatch *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH (self), 0);

  return self->n_done;
}

guint
augur_batch_get_n_failed (AugurBatch *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH (self), 0);

  return self->n_failed;
}

guint64
augur_batch_get_bytes_sent (AugurBatch *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH (self), 0);

  return self->bytes_sent;
}

/**
 * augur_batch_get_results:
 *
 * Returns: (transfer none) (element-type AugurPrediction): slot i holds the result of input
 *   i, or %NULL while it is pending
 */
GPtrArray *
augur_batch_get_results (AugurBatch *self)
{
  g_return_val_if_fail (AUGUR_IS_BATCH (self), NULL);

  return self->results;
}

/**
 * augur_batch_run_async:
 * @cancellable: (nullable): stops the batch: requests in flight are cancelled and no new
 *   one is sent; finished results stay
 *
 * Runs the batch once. Signals are emitted in the thread-default main context of the
 * caller, and @callback runs there when every input has its final result (or when
 * cancelled). A batch runs only once.
 */
void
augur_batch_run_async (AugurBatch          *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AUGUR_IS_BATCH (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (!self->started);

  self->started = TRUE;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_batch_run_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  self->task = g_steal_pointer (&task);
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = g_cancellable_new ();

  if (cancellable != NULL)
    {
      self->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (self->cancel_source, G_SOURCE_FUNC (run_cancelled_cb), self, NULL);
      g_source_set_static_name (self->cancel_source, "[augur-batch] cancelled");
      g_source_attach (self->cancel_source, self->context);
    }

  g_debug ("Running a batch of %u inputs, %u per request, %u in flight",
           self->inputs->len, self->chunk_size, self->max_in_flight);
  advance (self);
}

gboolean
augur_batch_run_finish (AugurBatch    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (AUGUR_IS_BATCH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_batch_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * augur_batch_set_payload_transform:
 * @transform: (nullable): called in a worker thread on each payload right after it is loaded;
 *   returns the payload to send (the same one, or a new one after freeing the old), or %NULL
 *   with @error set to leave that input out as unreadable
 * @user_data: (nullable): for @transform; shared by concurrent builds, so it must be
 *   thread-safe
 * @destroy: (nullable): frees @user_data once no build uses it any more
 *
 * Inputs whose request is already built keep the payload they were built with.
 */
void
augur_batch_set_payload_transform (AugurBatch            *self,
                                   AugurPayloadTransform  transform,
                                   gpointer               user_data,
                                   GDestroyNotify         destroy)
{
  g_return_if_fail (AUGUR_IS_BATCH (self));

  g_clear_pointer (&self->transform, batch_hook_unref);
  if (transform != NULL)
    self->transform = batch_hook_new (transform, user_data, destroy);
  else if (destroy != NULL)
    destroy (user_data);
}

/**
 * augur_batch_set_lookup:
 * @lookup: (nullable): called in a worker thread on each input before it is read, in input
 *   order; an input it answers is final at once (with the duration its prediction already
 *   has) and is never sent. Set it before augur_batch_run_async().
 * @user_data: (nullable): for @lookup; used from worker threads, one input at a time
 * @destroy: (nullable): frees @user_data once no lookup uses it any more
 *
 * The inputs left to send still go in requests of the chunk size, in input order.
 */
void
augur_batch_set_lookup (AugurBatch       *self,
                        AugurBatchLookup  lookup,
                        gpointer          user_data,
                        GDestroyNotify    destroy)
{
  g_return_if_fail (AUGUR_IS_BATCH (self));
  g_return_if_fail (!self->started);

  g_clear_pointer (&self->lookup, batch_hook_unref);
  if (lookup != NULL)
    self->lookup = batch_hook_new (lookup, user_data, destroy);
  else if (destroy != NULL)
    destroy (user_data);
}
