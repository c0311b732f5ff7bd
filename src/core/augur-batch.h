/* augur-batch.h: predict on any number of inputs: requests of at most 128 inputs, a bounded
 * number in flight, retries with backoff, progress per input, results in input order.
 * A request that fails for good marks only its own inputs failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

#define AUGUR_MAX_INPUTS_PER_REQUEST 128
#define AUGUR_DEFAULT_IN_FLIGHT 4

/**
 * AugurRetryPolicy:
 * @max_attempts: tries per request, the first included (SDK: 10)
 * @throttle_delay_ms: wait after a throttling answer (SDK: 5 s; Retry-After wins when sent)
 * @warmup_delay_ms: first wait while a model deploys or loads; grows by @warmup_factor
 * @transient_delay_ms: first wait after a 5xx or network failure; doubles each time
 * @max_delay_ms: no single wait is longer than this
 */
typedef struct
{
  guint  max_attempts;
  guint  throttle_delay_ms;
  guint  warmup_delay_ms;
  double warmup_factor;
  guint  transient_delay_ms;
  guint  max_delay_ms;
} AugurRetryPolicy;

void augur_retry_policy_init_default (AugurRetryPolicy *policy);

/**
 * AugurPayloadTransform:
 * @payload: (transfer full): a loaded input
 *
 * Runs in a worker thread. Returns: (transfer full) (nullable): the payload to send, which
 * may be @payload itself; %NULL with @error set when the input cannot be sent.
 */
typedef AugurPayload *(*AugurPayloadTransform) (AugurPayload  *payload,
                                                gpointer       user_data,
                                                GError       **error);

/**
 * AugurBatchLookup:
 * @input: an input of the batch
 * @index: its index in the batch
 * @cancellable: the run's; a lookup may stop early when it is cancelled
 *
 * Runs in a worker thread, before @input is read for a request: one input at a time, in
 * input order, a little ahead of the requests. Returns: (transfer full) (nullable): the
 * input's final result when it need not be sent (from a cache, say), or %NULL to send it.
 */
typedef AugurPrediction *(*AugurBatchLookup) (AugurInput   *input,
                                              guint         index,
                                              gpointer      user_data,
                                              GCancellable *cancellable);

#define AUGUR_TYPE_BATCH (augur_batch_get_type ())
G_DECLARE_FINAL_TYPE (AugurBatch, augur_batch, AUGUR, BATCH, GObject)

/**
 * augur_batch_new:
 * @inputs: (element-type AugurInput): read lazily, when their request is built
 * @spec: (nullable): what the model accepts (decides legacy vs pythonic bodies)
 *
 * Signals, all emitted in the thread-default main context of augur_batch_run_async():
 * - "item-finished" (AugurPrediction *prediction): one input has its final result
 * - "progress" (guint done, guint failed, guint total)
 * - "retrying" (guint attempt, guint max_attempts, guint delay_ms, const char *reason)
 * - "request-sent" (guint first_index, guint n_inputs, guint64 n_bytes)
 */
AugurBatch       *augur_batch_new              (AugurClient          *client,
                                                const AugurModelRef  *ref,
                                                AugurSettings        *settings,
                                                AugurModelSpec       *spec,
                                                GPtrArray            *inputs);
void              augur_batch_set_max_in_flight (AugurBatch          *self,
                                                 guint                n);
void              augur_batch_set_chunk_size    (AugurBatch          *self,
                                                 guint                n);
void              augur_batch_set_retry_policy  (AugurBatch          *self,
                                                 const AugurRetryPolicy *policy);
void              augur_batch_set_payload_transform (AugurBatch            *self,
                                                     AugurPayloadTransform  transform,
                                                     gpointer               user_data,
                                                     GDestroyNotify         destroy);
void              augur_batch_set_lookup        (AugurBatch          *self,
                                                 AugurBatchLookup     lookup,
                                                 gpointer             user_data,
                                                 GDestroyNotify       destroy);

guint             augur_batch_get_n_inputs     (AugurBatch          *self);
guint             augur_batch_get_n_done       (AugurBatch          *self);
guint             augur_batch_get_n_failed     (AugurBatch          *self);
guint64           augur_batch_get_bytes_sent   (AugurBatch          *self);
/* (element-type AugurPrediction) (transfer none): slot i is input i, NULL while pending */
GPtrArray        *augur_batch_get_results      (AugurBatch          *self);

void              augur_batch_run_async        (AugurBatch          *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/* FALSE with G_IO_ERROR_CANCELLED when cancelled; finished results stay in get_results(). */
gboolean          augur_batch_run_finish       (AugurBatch          *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
