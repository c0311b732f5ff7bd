/* augur-result-cache.h: results already paid for, by input content, model version and
 * settings, so that dropping the same files again costs no quota.
 *
 * A key is a SHA-256 over the input's content hash, the model (user/app/model), the
 * concrete version id that answered and augur_settings_to_key(). Each entry is a small
 * lossless JSON file (augur-prediction-json.h) under the cache root, fanned out by the
 * first two hex digits of the key, with an in-memory LRU in front. Only successful
 * predictions are kept. The disk cache is bounded; the least recently used files go first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

#define AUGUR_RESULT_CACHE_MAX_ENTRIES        50000
#define AUGUR_RESULT_CACHE_MAX_BYTES          (G_GUINT64_CONSTANT (500) * 1000 * 1000)
#define AUGUR_RESULT_CACHE_MAX_MEMORY_ENTRIES 512

/* Hashing inputs ------------------------------------------------------------------------- */

/**
 * augur_result_cache_hash_input:
 * @input: any input
 * @cancellable: (nullable): checked between 64 KB blocks
 *
 * Hashes what the input sends: the bytes of a file, of pasted data or of typed text (so the
 * same content under two names hashes the same), or the URL together with its kind. A
 * prompt attached with augur_input_with_prompt() is part of the hash. Reads files: call it
 * from a worker thread, or use augur_result_cache_hash_inputs_async().
 *
 * Returns: (transfer full) (nullable): 64 lowercase hex digits, or %NULL with an error
 *   (%G_IO_ERROR_CANCELLED, or why the file could not be read)
 */
char      *augur_result_cache_hash_input         (AugurInput           *input,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
/**
 * augur_result_cache_hash_inputs_async:
 * @inputs: (element-type AugurInput): hashed in order, in a worker thread
 *
 * An input that cannot be read gets a %NULL hash (it simply is not looked up: the batch
 * reports why it failed); only cancellation fails the whole call.
 */
void       augur_result_cache_hash_inputs_async  (GPtrArray            *inputs,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* Returns: (transfer full) (element-type utf8): one hash or %NULL per input, or %NULL with
 *   %G_IO_ERROR_CANCELLED */
GPtrArray *augur_result_cache_hash_inputs_finish (GAsyncResult         *result,
                                                  GError              **error);

/**
 * augur_result_cache_make_key:
 * @input_hash: from augur_result_cache_hash_input()
 * @ref: the model; its own version_id is ignored
 * @version_id: (nullable): the concrete version that answers or answered, e.g.
 *   augur_prediction_get_version_id(). "Latest" is never a key: %NULL or "" gives %NULL,
 *   so resolve the latest version before looking up.
 * @settings: (nullable): %NULL means default settings
 *
 * Returns: (transfer full) (nullable): 64 hex digits, or %NULL without a version id
 */
char      *augur_result_cache_make_key           (const char           *input_hash,
                                                  const AugurModelRef  *ref,
                                                  const char           *version_id,
                                                  AugurSettings        *settings);
/* The same with @settings_key = augur_settings_to_key (settings), made once per run; safe
 * from any thread. */
char      *augur_result_cache_make_key_with_settings_key (const char          *input_hash,
                                                          const AugurModelRef *ref,
                                                          const char          *version_id,
                                                          const char          *settings_key);

/* The cache ------------------------------------------------------------------------------- */

#define AUGUR_TYPE_RESULT_CACHE (augur_result_cache_get_type ())
G_DECLARE_FINAL_TYPE (AugurResultCache, augur_result_cache, AUGUR, RESULT_CACHE, GObject)

/* (transfer full): g_get_user_cache_dir()/augur/results */
char             *augur_result_cache_get_default_root (void);

/**
 * augur_result_cache_new:
 * @root_dir: (nullable): where the files go; %NULL for augur_result_cache_get_default_root().
 *   Created (mode 0700) on the first store.
 *
 * Every method may be called from any thread.
 */
AugurResultCache *augur_result_cache_new          (const char        *root_dir);
const char       *augur_result_cache_get_root_dir (AugurResultCache  *self);
/* 0 leaves a limit as it is. Lowering a disk limit takes effect at the next store. */
void              augur_result_cache_set_limits   (AugurResultCache  *self,
                                                   guint              max_entries,
                                                   guint64            max_bytes,
                                                   guint              max_memory_entries);

/**
 * augur_result_cache_lookup:
 * @key: from augur_result_cache_make_key()
 *
 * Looks in memory, then on disk (a small read; prefer the async form on the main thread).
 * A damaged file counts as a miss and is removed.
 *
 * Returns: (transfer full) (nullable): a new prediction marked cached (its index is 0 and
 *   it has no input: both are the caller's to set), or %NULL on a miss
 */
AugurPrediction  *augur_result_cache_lookup        (AugurResultCache  *self,
                                                    const char        *key);
/* @keys: (element-type utf8): %NULL elements are misses */
void              augur_result_cache_lookup_async  (AugurResultCache  *self,
                                                    GPtrArray         *keys,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
/* Returns: (transfer full) (element-type AugurPrediction): one prediction or %NULL per key */
GPtrArray        *augur_result_cache_lookup_finish (AugurResultCache  *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);

/* Whether augur_result_cache_store() keeps @prediction: a success with a version id. */
gboolean          augur_result_cache_can_store     (AugurPrediction   *prediction);
/**
 * augur_result_cache_store:
 * @key: made with the version id that answered (augur_prediction_get_version_id())
 *
 * Writes one file (atomically) and trims the cache when it is over its limits. A
 * prediction that augur_result_cache_can_store() refuses is skipped: that is not an error.
 *
 * Returns: %FALSE with an error if the file could not be written
 */
gboolean          augur_result_cache_store         (AugurResultCache  *self,
                                                    const char        *key,
                                                    AugurPrediction   *prediction,
                                                    GError           **error);
/* Like augur_result_cache_store(), writing in a worker thread. @prediction is serialized
 * before this returns, so the caller may change it afterwards. */
void              augur_result_cache_store_async   (AugurResultCache  *self,
                                                    const char        *key,
                                                    AugurPrediction   *prediction,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
gboolean          augur_result_cache_store_finish  (AugurResultCache  *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);
/* Like augur_result_cache_store_async() without a callback: serialized and written in order
 * in a worker thread, so @prediction must not change afterwards; failures are logged. */
void              augur_result_cache_store_later   (AugurResultCache  *self,
                                                    const char        *key,
                                                    AugurPrediction   *prediction);
/* Removes the least recently used files until the disk cache is within its limits. */
gboolean          augur_result_cache_trim          (AugurResultCache  *self,
                                                    GError           **error);
/* Forgets everything, in memory and on disk. */
gboolean          augur_result_cache_clear         (AugurResultCache  *self,
                                                    GError           **error);

G_END_DECLS
