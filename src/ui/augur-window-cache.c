/* augur-window-cache.c: inputs already answered by the same model version with the same
 * settings are shown from the result cache, marked cached, without spending quota; the
 * rest are sent, and what comes back is cached.
 *
 * The batch looks each input up in a worker thread just ahead of its request (hashing the
 * file there), so a run of thousands starts sending at once instead of after hashing every
 * file; the hashes stay in the run's AugurRunCache for storing the answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-window-cache"

#include <glib/gi18n.h>

#include "augur-window-private.h"

/* Shared by the main thread and the batch's lookups: everything but @hashes is set once. */
struct _AugurRunCache
{
  AugurResultCache *cache;         /* (owned) */
  AugurModelRef    *ref;           /* (owned) */
  char             *version_id;    /* the concrete version asked */
  char             *settings_key;  /* augur_settings_to_key() of what is sent */

  GMutex            lock;
  GPtrArray        *hashes;        /* (owned) guarded by @lock: hash per run index, or NULL */
};

static void
run_cache_clear (AugurRunCache *run_cache)
{
  g_clear_object (&run_cache->cache);
  g_clear_pointer (&run_cache->ref, augur_model_ref_free);
  g_clear_pointer (&run_cache->version_id, g_free);
  g_clear_pointer (&run_cache->settings_key, g_free);
  g_clear_pointer (&run_cache->hashes, g_ptr_array_unref);
  g_mutex_clear (&run_cache->lock);
}

static AugurRunCache *
run_cache_new (AugurResultCache *cache,
               AugurModelRef    *ref,
               const char       *version_id,
               AugurSettings    *settings,
               guint             n_inputs)
{
  AugurRunCache *run_cache = g_atomic_rc_box_new0 (AugurRunCache);

  run_cache->cache = g_object_ref (cache);
  run_cache->ref = augur_model_ref_copy (ref);
  run_cache->version_id = g_strdup (version_id);
  run_cache->settings_key = augur_settings_to_key (settings);
  g_mutex_init (&run_cache->lock);
  run_cache->hashes = g_ptr_array_new_full (n_inputs, g_free);
  g_ptr_array_set_size (run_cache->hashes, n_inputs);
  return run_cache;
}

static AugurRunCache *
run_cache_ref (AugurRunCache *run_cache)
{
  return g_atomic_rc_box_acquire (run_cache);
}

void
_augur_run_cache_unref (AugurRunCache *run_cache)
{
  g_atomic_rc_box_release_full (run_cache, (GDestroyNotify) run_cache_clear);
}

static void
run_cache_set_hash (AugurRunCache *run_cache,
                    guint          index,
                    char          *hash)
{
  g_mutex_lock (&run_cache->lock);
  if (index < run_cache->hashes->len)
    {
      g_free (g_ptr_array_index (run_cache->hashes, index));
      g_ptr_array_index (run_cache->hashes, index) = hash;
      hash = NULL;
    }
  g_mutex_unlock (&run_cache->lock);
  g_free (hash);
}

static char *
run_cache_dup_hash (AugurRunCache *run_cache,
                    guint          index)
{
  char *hash = NULL;

  g_mutex_lock (&run_cache->lock);
  if (index < run_cache->hashes->len)
    hash = g_strdup (g_ptr_array_index (run_cache->hashes, index));
  g_mutex_unlock (&run_cache->lock);
  return hash;
}

static AugurResultCache *
get_cache (AugurWindow *self)
{
  if (self->cache == NULL)
    self->cache = augur_result_cache_new (NULL);
  return self->cache;
}

/* "Latest" is never a cache key: the version the picker resolved it to is. */
static char *
resolve_version (AugurWindow         *self,
                 const AugurModelRef *ref)
{
  AugurModel *model = augur_model_picker_get_model (self->model_picker);
  AugurModelVersion *latest = model ? augur_model_get_version (model) : NULL;

  if (ref->version_id != NULL)
    return g_strdup (ref->version_id);
  if (latest != NULL && *augur_model_version_get_id (latest) != '\0')
    return g_strdup (augur_model_version_get_id (latest));
  return NULL;
}

/* Runs in a worker thread (AugurBatchLookup); the batch index is the run index, since only
 * a whole run is looked up. An input that cannot be read is simply sent: the batch then
 * says why it failed. */
static AugurPrediction *
lookup_input (AugurInput   *input,
              guint         index,
              gpointer      user_data,
              GCancellable *cancellable)
{
  AugurRunCache *run_cache = user_data;
  g_autofree char *hash = augur_result_cache_hash_input (input, cancellable, NULL);
  g_autofree char *key = NULL;

  if (hash == NULL)
    return NULL;
  key = augur_result_cache_make_key_with_settings_key (hash, run_cache->ref,
                                                       run_cache->version_id,
                                                       run_cache->settings_key);
  run_cache_set_hash (run_cache, index, g_steal_pointer (&hash));
  return key != NULL ? augur_result_cache_lookup (run_cache->cache, key) : NULL;
}

/* A reopened run or a new prediction: the hashes belong to another run's indices. */
void
_augur_window_forget_run_cache (AugurWindow *self)
{
  AugurWindowPipeline *pipeline = _augur_window_get_pipeline (self);

  g_clear_pointer (&pipeline->run_cache, _augur_run_cache_unref);
}

/* Sets up the lookups of a whole run on @batch (whose indices are the run's). */
void
_augur_window_setup_lookups (AugurWindow *self,
                             AugurBatch  *batch)
{
  AugurWindowPipeline *pipeline = _augur_window_get_pipeline (self);

  if (pipeline->run_cache != NULL)
    augur_batch_set_lookup (batch, lookup_input, run_cache_ref (pipeline->run_cache),
                            (GDestroyNotify) _augur_run_cache_unref);
}

/* Says, once the run is over, how many results cost no quota. */
void
_augur_window_report_cached (AugurWindow *self)
{
  AugurWindowPipeline *pipeline = _augur_window_get_pipeline (self);
  g_autofree char *text = NULL;

  if (pipeline->n_cached == 0)
    return;
  text = g_strdup_printf (ngettext ("%u result came from the cache: no quota spent on it",
                                    "%u results came from the cache: no quota spent on them",
                                    pipeline->n_cached), pipeline->n_cached);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  pipeline->n_cached = 0;
}

/**
 * _augur_window_predict_cached:
 *
 * Starts the current run: each input is hashed and looked up in the cache just before its
 * request is built, what the cache has is shown, and the rest is sent. Without a concrete
 * version (the model's latest not known yet) there is no key, and everything is sent.
 */
void
_augur_window_predict_cached (AugurWindow   *self,
                              AugurModelRef *ref)
{
  AugurWindowPipeline *pipeline = _augur_window_get_pipeline (self);

  _augur_window_forget_run_cache (self);
  g_free (self->run_version_id);
  self->run_version_id = resolve_version (self, ref);

  if (self->run_version_id != NULL)
    pipeline->run_cache = run_cache_new (get_cache (self), ref, self->run_version_id,
                                         self->batch_settings, self->run_inputs->len);
  _augur_window_launch (self, ref, NULL);
}

/* Keeps a fresh success for next time, under the version that actually answered. The entry
 * is serialized and written in a worker thread. */
void
_augur_window_cache_result (AugurWindow     *self,
                            guint            index,
                            AugurPrediction *prediction)
{
  AugurRunCache *run_cache = _augur_window_get_pipeline (self)->run_cache;
  g_autofree char *hash = NULL;
  g_autofree char *key = NULL;
  const char *version;

  if (run_cache == NULL || augur_prediction_get_cached (prediction) ||
      !augur_result_cache_can_store (prediction))
    return;
  hash = run_cache_dup_hash (run_cache, index);
  if (hash == NULL)
    return;
  version = augur_prediction_get_version_id (prediction);
  key = augur_result_cache_make_key_with_settings_key (hash, run_cache->ref,
                                                       version ? version : run_cache->version_id,
                                                       run_cache->settings_key);
  if (key != NULL)
    augur_result_cache_store_later (run_cache->cache, key, prediction);
}
