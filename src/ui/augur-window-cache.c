/* augur-window-cache.c: inputs already answered by the same model version with the same
 * settings are shown from the result cache, marked cached, without spending quota; the
 * rest are sent, and what comes back is cached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-window-cache"

#include <glib/gi18n.h>

#include "augur-window-private.h"

typedef struct
{
  AugurWindow   *self;     /* (owned) */
  AugurModelRef *ref;      /* (owned) */
} CacheCall;

static void
cache_call_free (CacheCall *call)
{
  g_object_unref (call->self);
  augur_model_ref_free (call->ref);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CacheCall, cache_call_free)

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

static void
send_everything (CacheCall *call)
{
  _augur_window_launch (call->self, call->ref, NULL);
}

static void
cache_looked_up_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CacheCall) call = user_data;
  AugurWindow *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = augur_result_cache_lookup_finish (AUGUR_RESULT_CACHE (source), result, &error);
  g_autoptr(GArray) misses = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_hits = 0;

  if (hits == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        send_everything (call);
      return;
    }

  _augur_window_open_journal (self, call->ref, self->batch_settings, self->run_inputs);
  for (guint i = 0; i < hits->len; i++)
    {
      AugurPrediction *hit = g_ptr_array_index (hits, i);

      if (hit == NULL)
        {
          g_array_append_val (misses, i);
          continue;
        }
      augur_prediction_set_input (hit, g_ptr_array_index (self->run_inputs, i));
      augur_prediction_set_cached (hit, TRUE);
      _augur_window_show_result (self, i, hit);
      n_hits++;
    }

  if (n_hits > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u result came from the cache: no quota spent on it",
                                                         "%u results came from the cache: no quota spent on them",
                                                         n_hits), n_hits);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
  _augur_window_launch (self, call->ref, misses);
}

static void
inputs_hashed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CacheCall) call = user_data;
  AugurWindow *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hashes = augur_result_cache_hash_inputs_finish (result, &error);
  g_autoptr(GPtrArray) keys = NULL;

  if (hashes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        send_everything (g_steal_pointer (&call));
      return;
    }

  keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < hashes->len; i++)
    {
      const char *hash = g_ptr_array_index (hashes, i);
      g_ptr_array_add (keys, hash ? augur_result_cache_make_key (hash, call->ref, self->run_version_id,
                                                                 self->batch_settings)
                                  : NULL);
    }
  g_clear_pointer (&self->run_hashes, g_ptr_array_unref);
  self->run_hashes = g_steal_pointer (&hashes);
  augur_result_cache_lookup_async (get_cache (self), keys, self->cancellable,
                                   cache_looked_up_cb, g_steal_pointer (&call));
}

/**
 * _augur_window_predict_cached:
 *
 * Starts the current run: hashes its inputs in a worker thread, shows what the cache has,
 * and sends the rest. Without a concrete version (the model's latest not known yet) there
 * is no key, and everything is sent.
 */
void
_augur_window_predict_cached (AugurWindow   *self,
                              AugurModelRef *ref)
{
  CacheCall *call = g_new0 (CacheCall, 1);

  call->self = g_object_ref (self);
  call->ref = augur_model_ref_copy (ref);
  g_clear_pointer (&self->run_hashes, g_ptr_array_unref);
  g_free (self->run_version_id);
  self->run_version_id = resolve_version (self, ref);

  if (self->run_version_id == NULL)
    {
      send_everything (call);
      cache_call_free (call);
      return;
    }
  gtk_label_set_text (self->progress_label, _("Looking for earlier results…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  augur_result_cache_hash_inputs_async (self->run_inputs, self->cancellable, inputs_hashed_cb, call);
}

static void
result_stored_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!augur_result_cache_store_finish (AUGUR_RESULT_CACHE (source), result, &error))
    g_debug ("Could not cache a result: %s", error->message);
}

/* Keeps a fresh success for next time, under the version that actually answered. */
void
_augur_window_cache_result (AugurWindow     *self,
                            guint            index,
                            AugurPrediction *prediction)
{
  g_autoptr(AugurModelRef) ref = NULL;
  g_autofree char *key = NULL;
  const char *hash;
  const char *version;

  if (self->run_hashes == NULL || index >= self->run_hashes->len ||
      augur_prediction_get_cached (prediction) || !augur_result_cache_can_store (prediction))
    return;
  hash = g_ptr_array_index (self->run_hashes, index);
  version = augur_prediction_get_version_id (prediction);
  ref = augur_model_picker_dup_ref (self->model_picker);
  if (hash == NULL || ref == NULL)
    return;
  key = augur_result_cache_make_key (hash, ref, version ? version : self->run_version_id,
                                     self->batch_settings);
  if (key != NULL)
    augur_result_cache_store_async (get_cache (self), key, prediction, NULL, result_stored_cb, NULL);
}
