/* augur-result-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-result-cache"

#include <errno.h>
#include <string.h>
#include <utime.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "augur-input.h"
#include "augur-model-ref.h"
#include "augur-prediction-json.h"
#include "augur-prediction.h"
#include "augur-result-cache.h"
#include "augur-settings.h"
#include "augur-worker.h"

#define HASH_BLOCK_SIZE (64 * 1024)
#define KEY_LENGTH 64
#define ENTRY_SUFFIX ".json"
/* Bumped whenever what a key covers or the entry format changes: old entries then miss. */
#define KEY_VERSION "augur-result-cache-v1"

/* For arrays with empty slots: GPtrArray calls its free function on NULL elements too. */
static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Hashing ---------------------------------------------------------------------------------- */

static gboolean
hash_file (GChecksum     *checksum,
           GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guchar *buffer = NULL;
  gssize n_read;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  buffer = g_malloc (HASH_BLOCK_SIZE);
  do
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, HASH_BLOCK_SIZE,
                                    cancellable, error);
      if (n_read < 0)
        return FALSE;
      g_checksum_update (checksum, buffer, n_read);
    }
  while (n_read > 0);

  return TRUE;
}

static void
hash_string (GChecksum  *checksum,
             const char *text)
{
  g_checksum_update (checksum, (const guchar *) text, (gssize) strlen (text));
}

/* The same bytes hash the same whether they come from a file, memory or typed text, since
 * they make the same request; a URL is hashed with its kind. */
static gboolean
hash_content (GChecksum     *checksum,
              AugurInput    *input,
              GCancellable  *cancellable,
              GError       **error)
{
  GBytes *bytes;

  switch (augur_input_get_kind (input))
    {
    case AUGUR_INPUT_FILE:
      return hash_file (checksum, augur_input_get_file (input), cancellable, error);
    case AUGUR_INPUT_BYTES:
      bytes = augur_input_get_bytes (input);
      g_checksum_update (checksum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      return TRUE;
    case AUGUR_INPUT_TEXT:
      hash_string (checksum, augur_input_get_text (input));
      return TRUE;
    case AUGUR_INPUT_IMAGE_URL:
      hash_string (checksum, "image-url\n");
      hash_string (checksum, augur_input_get_url (input));
      return TRUE;
    case AUGUR_INPUT_TEXT_URL:
    default:
      hash_string (checksum, "text-url\n");
      hash_string (checksum, augur_input_get_url (input));
      return TRUE;
    }
}

char *
augur_result_cache_hash_input (AugurInput    *input,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(GChecksum) with_prompt = NULL;
  const char *prompt;

  g_return_val_if_fail (AUGUR_IS_INPUT (input), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  if (!hash_content (checksum, input, cancellable, error))
    return NULL;

  prompt = augur_input_get_prompt (input);
  if (prompt == NULL)
    return g_strdup (g_checksum_get_string (checksum));

  with_prompt = g_checksum_new (G_CHECKSUM_SHA256);
  hash_string (with_prompt, g_checksum_get_string (checksum));
  hash_string (with_prompt, "\nprompt\n");
  hash_string (with_prompt, prompt);
  return g_strdup (g_checksum_get_string (with_prompt));
}

static void
hash_inputs_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GPtrArray *inputs = task_data;
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_full (inputs->len, g_free);

  for (guint i = 0; i < inputs->len; i++)
    {
      g_autoptr(GError) error = NULL;
      char *hash = augur_result_cache_hash_input (g_ptr_array_index (inputs, i),
                                                  cancellable, &error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (hash == NULL)
        g_debug ("Input %u is not looked up in the cache: %s", i, error->message);
      g_ptr_array_add (hashes, hash);
    }

  g_task_return_pointer (task, g_steal_pointer (&hashes), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * augur_result_cache_hash_inputs_async:
 * @inputs: (element-type AugurInput)
 * @cancellable: (nullable)
 * @callback: called in the thread-default main context of the caller
 */
void
augur_result_cache_hash_inputs_async (GPtrArray           *inputs,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *copy;

  g_return_if_fail (inputs != NULL);

  copy = g_ptr_array_new_full (inputs->len, g_object_unref);
  for (guint i = 0; i < inputs->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (inputs, i)));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_result_cache_hash_inputs_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) g_ptr_array_unref);
  augur_worker_run (task, hash_inputs_thread);
}

GPtrArray *
augur_result_cache_hash_inputs_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        augur_result_cache_hash_inputs_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
augur_result_cache_make_key (const char          *input_hash,
                             const AugurModelRef *ref,
                             const char          *version_id,
                             AugurSettings       *settings)
{
  g_autoptr(AugurSettings) defaults = NULL;
  g_autofree char *settings_key = NULL;

  g_return_val_if_fail (input_hash != NULL, NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  if (version_id == NULL || *version_id == '\0')
    return NULL;
  if (settings == NULL)
    settings = defaults = augur_settings_new ();
  settings_key = augur_settings_to_key (settings);
  return augur_result_cache_make_key_with_settings_key (input_hash, ref, version_id, settings_key);
}

/**
 * augur_result_cache_make_key_with_settings_key:
 * @settings_key: augur_settings_to_key() of the settings
 *
 * Like augur_result_cache_make_key(), with the settings' part worked out once for a whole
 * run. Touches no #AugurSettings, so any thread may call it.
 */
char *
augur_result_cache_make_key_with_settings_key (const char          *input_hash,
                                               const AugurModelRef *ref,
                                               const char          *version_id,
                                               const char          *settings_key)
{
  g_autoptr(GChecksum) checksum = NULL;

  g_return_val_if_fail (input_hash != NULL, NULL);
  g_return_val_if_fail (ref != NULL, NULL);
  g_return_val_if_fail (settings_key != NULL, NULL);

  if (version_id == NULL || *version_id == '\0')
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  hash_string (checksum, KEY_VERSION "\n");
  hash_string (checksum, input_hash);
  hash_string (checksum, "\n");
  hash_string (checksum, ref->user_id);
  hash_string (checksum, "/");
  hash_string (checksum, ref->app_id);
  hash_string (checksum, "/");
  hash_string (checksum, ref->model_id);
  hash_string (checksum, "@");
  hash_string (checksum, version_id);
  hash_string (checksum, "\n");
  hash_string (checksum, settings_key);
  return g_strdup (g_checksum_get_string (checksum));
}

/* The cache -------------------------------------------------------------------------------- */

typedef struct
{
  char *key;
  char *json;   /* the entry as stored on disk */
} MemoryEntry;

static void
memory_entry_free (MemoryEntry *entry)
{
  g_free (entry->key);
  g_free (entry->json);
  g_free (entry);
}

/* A store on its way to a worker thread: the entry is serialized (@json), or still to be
 * serialized from @prediction by the worker (store_later()). */
typedef struct
{
  char            *key;
  char            *json;        /* (nullable) */
  AugurPrediction *prediction;  /* (owned) (nullable) */
} StoreData;

static void
store_data_free (StoreData *data)
{
  g_free (data->key);
  g_free (data->json);
  g_clear_object (&data->prediction);
  g_free (data);
}

struct _AugurResultCache
{
  GObject     parent_instance;

  char       *root_dir;

  GMutex      lock;
  /* Guarded by @lock: */
  GQueue      lru;            /* MemoryEntry, most recently used first */
  GHashTable *by_key;         /* key -> GList link in @lru (unowned) */
  guint       max_entries;
  guint64     max_bytes;
  guint       max_memory_entries;
  gboolean    disk_counted;   /* whether the two counts below are known */
  guint       n_disk_entries;
  guint64     n_disk_bytes;
  GQueue      later;          /* StoreData queued by store_later(), oldest first */
  gboolean    storing_later;  /* a worker drains @later */
};

G_DEFINE_FINAL_TYPE (AugurResultCache, augur_result_cache, G_TYPE_OBJECT)

static void
augur_result_cache_finalize (GObject *object)
{
  AugurResultCache *self = AUGUR_RESULT_CACHE (object);

  g_queue_clear_full (&self->lru, (GDestroyNotify) memory_entry_free);
  g_queue_clear_full (&self->later, (GDestroyNotify) store_data_free);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->root_dir, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (augur_result_cache_parent_class)->finalize (object);
}

static void
augur_result_cache_class_init (AugurResultCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = augur_result_cache_finalize;
}

static void
augur_result_cache_init (AugurResultCache *self)
{
  g_mutex_init (&self->lock);
  g_queue_init (&self->lru);
  g_queue_init (&self->later);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->max_entries = AUGUR_RESULT_CACHE_MAX_ENTRIES;
  self->max_bytes = AUGUR_RESULT_CACHE_MAX_BYTES;
  self->max_memory_entries = AUGUR_RESULT_CACHE_MAX_MEMORY_ENTRIES;
}

char *
augur_result_cache_get_default_root (void)
{
  return g_build_filename (g_get_user_cache_dir (), "augur", "results", NULL);
}

AugurResultCache *
augur_result_cache_new (const char *root_dir)
{
  AugurResultCache *self = g_object_new (AUGUR_TYPE_RESULT_CACHE, NULL);

  self->root_dir = root_dir != NULL ? g_strdup (root_dir) : augur_result_cache_get_default_root ();
  return self;
}

const char *
augur_result_cache_get_root_dir (AugurResultCache *self)
{
  g_return_val_if_fail (AUGUR_IS_RESULT_CACHE (self), NULL);
  return self->root_dir;
}

static void
memory_trim_locked (AugurResultCache *self)
{
  while (self->lru.length > self->max_memory_entries)
    {
      MemoryEntry *entry = g_queue_pop_tail (&self->lru);

      g_hash_table_remove (self->by_key, entry->key);
      memory_entry_free (entry);
    }
}

void
augur_result_cache_set_limits (AugurResultCache *self,
                               guint             max_entries,
                               guint64           max_bytes,
                               guint             max_memory_entries)
{
  g_return_if_fail (AUGUR_IS_RESULT_CACHE (self));

  g_mutex_lock (&self->lock);
  if (max_entries > 0)
    self->max_entries = max_entries;
  if (max_bytes > 0)
    self->max_bytes = max_bytes;
  if (max_memory_entries > 0)
    self->max_memory_entries = max_memory_entries;
  memory_trim_locked (self);
  g_mutex_unlock (&self->lock);
}

static gboolean
key_is_valid (const char *key)
{
  if (key == NULL || strlen (key) != KEY_LENGTH)
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static char *
entry_path (AugurResultCache *self,
            const char       *key)
{
  char fan_out[3] = { key[0], key[1], '\0' };
  g_autofree char *name = g_strconcat (key, ENTRY_SUFFIX, NULL);

  return g_build_filename (self->root_dir, fan_out, name, NULL);
}

/* Memory layer */

/* Returns: (transfer full) (nullable) */
static char *
memory_lookup (AugurResultCache *self,
               const char       *key)
{
  GList *link;
  char *json = NULL;

  g_mutex_lock (&self->lock);
  link = g_hash_table_lookup (self->by_key, key);
  if (link != NULL)
    {
      g_queue_unlink (&self->lru, link);
      g_queue_push_head_link (&self->lru, link);
      json = g_strdup (((MemoryEntry *) link->data)->json);
    }
  g_mutex_unlock (&self->lock);
  return json;
}

static void
memory_remember (AugurResultCache *self,
                 const char       *key,
                 const char       *json)
{
  MemoryEntry *entry;
  GList *link;

  g_mutex_lock (&self->lock);
  link = g_hash_table_lookup (self->by_key, key);
  if (link != NULL)
    {
      entry = link->data;
      g_free (entry->json);
      entry->json = g_strdup (json);
      g_queue_unlink (&self->lru, link);
      g_queue_push_head_link (&self->lru, link);
    }
  else
    {
      entry = g_new0 (MemoryEntry, 1);
      entry->key = g_strdup (key);
      entry->json = g_strdup (json);
      g_queue_push_head (&self->lru, entry);
      g_hash_table_insert (self->by_key, entry->key, self->lru.head);
      memory_trim_locked (self);
    }
  g_mutex_unlock (&self->lock);
}

static void
memory_forget (AugurResultCache *self,
               const char       *key)
{
  GList *link;

  g_mutex_lock (&self->lock);
  link = g_hash_table_lookup (self->by_key, key);
  if (link != NULL)
    {
      g_hash_table_remove (self->by_key, key);
      memory_entry_free (link->data);
      g_queue_delete_link (&self->lru, link);
    }
  g_mutex_unlock (&self->lock);
}

/* Lookup */

static AugurPrediction *
prediction_from_entry (const char  *json,
                       GError     **error)
{
  g_autoptr(JsonNode) node = augur_json_line_parse (json, -1, error);
  AugurPrediction *prediction;

  if (node == NULL)
    return NULL;
  prediction = augur_prediction_new_from_lossless_json (node, error);
  if (prediction != NULL)
    augur_prediction_set_cached (prediction, TRUE);
  return prediction;
}

static char *
disk_read (AugurResultCache *self,
           const char       *key)
{
  g_autofree char *path = entry_path (self, key);
  g_autoptr(GError) error = NULL;
  char *json = NULL;

  if (!g_file_get_contents (path, &json, NULL, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Could not read a cache entry: %s", error->message);
      return NULL;
    }

  /* Keeps the entry young: trimming removes the least recently used first. */
  if (g_utime (path, NULL) != 0)
    g_debug ("Could not touch a cache entry: %s", g_strerror (errno));
  return json;
}

static void
disk_remove (AugurResultCache *self,
             const char       *key)
{
  g_autofree char *path = entry_path (self, key);

  if (g_unlink (path) != 0 && errno != ENOENT)
    g_debug ("Could not remove a damaged cache entry: %s", g_strerror (errno));
}

static char *serialize_entry (AugurPrediction *prediction);

/* A store queued by store_later() and not written yet counts already. Returns: (transfer
 * full) (nullable): the newest such entry for @key */
static char *
later_lookup (AugurResultCache *self,
              const char       *key)
{
  g_autoptr(AugurPrediction) prediction = NULL;

  g_mutex_lock (&self->lock);
  for (GList *l = self->later.tail; l != NULL && prediction == NULL; l = l->prev)
    {
      StoreData *data = l->data;

      if (g_str_equal (data->key, key))
        prediction = g_object_ref (data->prediction);
    }
  g_mutex_unlock (&self->lock);
  return prediction != NULL ? serialize_entry (prediction) : NULL;
}

AugurPrediction *
augur_result_cache_lookup (AugurResultCache *self,
                           const char       *key)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  gboolean from_disk = FALSE;
  AugurPrediction *prediction;

  g_return_val_if_fail (AUGUR_IS_RESULT_CACHE (self), NULL);
  g_return_val_if_fail (key_is_valid (key), NULL);

  json = later_lookup (self, key);
  if (json == NULL)
    json = memory_lookup (self, key);
  if (json == NULL)
    {
      json = disk_read (self, key);
      from_disk = TRUE;
    }
  if (json == NULL)
    return NULL;

  prediction = prediction_from_entry (json, &error);
  if (prediction == NULL)
    {
      g_debug ("Dropping a damaged cache entry: %s", error->message);
      memory_forget (self, key);
      disk_remove (self, key);
      return NULL;
    }

  if (from_disk)
    memory_remember (self, key, json);
  return prediction;
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AugurResultCache *self = source_object;
  GPtrArray *keys = task_data;
  g_autoptr(GPtrArray) predictions = g_ptr_array_new_full (keys->len, unref_if_set);
  GError *error = NULL;

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (predictions, key_is_valid (key) ? augur_result_cache_lookup (self, key)
                                                       : NULL);
    }

  g_task_return_pointer (task, g_steal_pointer (&predictions),
                         (GDestroyNotify) g_ptr_array_unref);
}

void
augur_result_cache_lookup_async (AugurResultCache    *self,
                                 GPtrArray           *keys,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *copy;

  g_return_if_fail (AUGUR_IS_RESULT_CACHE (self));
  g_return_if_fail (keys != NULL);

  copy = g_ptr_array_new_full (keys->len, g_free);
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (keys, i)));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_result_cache_lookup_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) g_ptr_array_unref);
  augur_worker_run (task, lookup_thread);
}

GPtrArray *
augur_result_cache_lookup_finish (AugurResultCache  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        augur_result_cache_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Trimming */

typedef struct
{
  char    *path;
  guint64  mtime_us;
  guint64  size;
} DiskEntry;

static void
disk_entry_free (DiskEntry *entry)
{
  g_free (entry->path);
  g_free (entry);
}

static gboolean
is_entry_name (const char *name)
{
  return g_str_has_suffix (name, ENTRY_SUFFIX) &&
         strlen (name) == KEY_LENGTH + strlen (ENTRY_SUFFIX);
}

static gboolean
list_fan_out_dir (GFile      *dir,
                  GPtrArray  *entries,
                  GError    **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (enumerator == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info = NULL;
      DiskEntry *entry;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, error))
        return FALSE;
      if (info == NULL)
        return TRUE;
      if (!is_entry_name (g_file_info_get_name (info)))
        continue;

      entry = g_new0 (DiskEntry, 1);
      entry->path = g_build_filename (g_file_peek_path (dir), g_file_info_get_name (info), NULL);
      entry->size = (guint64) g_file_info_get_size (info);
      entry->mtime_us =
        g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
        + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
      g_ptr_array_add (entries, entry);
    }
}

/* Returns: (transfer full) (element-type DiskEntry) (nullable) */
static GPtrArray *
list_disk_entries (AugurResultCache  *self,
                   GError           **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) disk_entry_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  dir = g_dir_open (self->root_dir, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&entries);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->root_dir, name, NULL);
      g_autoptr(GFile) subdir = g_file_new_for_path (path);

      if (strlen (name) != 2 || !g_file_test (path, G_FILE_TEST_IS_DIR))
        continue;
      if (!list_fan_out_dir (subdir, entries, error))
        return NULL;
    }
  return g_steal_pointer (&entries);
}

static int
compare_by_age (gconstpointer a,
                gconstpointer b)
{
  const DiskEntry *x = *(DiskEntry * const *) a;
  const DiskEntry *y = *(DiskEntry * const *) b;

  if (x->mtime_us != y->mtime_us)
    return x->mtime_us < y->mtime_us ? -1 : 1;
  return strcmp (x->path, y->path);
}

static void
forget_entry_path (AugurResultCache *self,
                   const char       *path)
{
  g_autofree char *name = g_path_get_basename (path);

  name[KEY_LENGTH] = '\0';
  memory_forget (self, name);
}

/* Trims down to nine tenths of each limit, so that a full cache is not rescanned on every
 * store. */
gboolean
augur_result_cache_trim (AugurResultCache  *self,
                         GError           **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  guint64 n_bytes = 0, target_bytes;
  guint n_entries, target_entries, i;

  g_return_val_if_fail (AUGUR_IS_RESULT_CACHE (self), FALSE);

  entries = list_disk_entries (self, error);
  if (entries == NULL)
    return FALSE;

  g_mutex_lock (&self->lock);
  target_entries = self->max_entries - self->max_entries / 10;
  target_bytes = self->max_bytes - self->max_bytes / 10;
  g_mutex_unlock (&self->lock);

  g_ptr_array_sort (entries, compare_by_age);
  for (i = 0; i < entries->len; i++)
    n_bytes += ((DiskEntry *) g_ptr_array_index (entries, i))->size;
  n_entries = entries->len;

  for (i = 0; i < entries->len && (n_entries > target_entries || n_bytes > target_bytes); i++)
    {
      DiskEntry *entry = g_ptr_array_index (entries, i);

      if (g_unlink (entry->path) != 0 && errno != ENOENT)
        {
          g_debug ("Could not remove an old cache entry: %s", g_strerror (errno));
          continue;
        }
      forget_entry_path (self, entry->path);
      n_entries--;
      n_bytes -= entry->size;
    }
  g_debug ("Result cache: %u entries, %" G_GUINT64_FORMAT " bytes", n_entries, n_bytes);

  g_mutex_lock (&self->lock);
  self->disk_counted = TRUE;
  self->n_disk_entries = n_entries;
  self->n_disk_bytes = n_bytes;
  g_mutex_unlock (&self->lock);
  return TRUE;
}

static gboolean
ensure_disk_counted (AugurResultCache  *self,
                     GError           **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  guint64 n_bytes = 0;
  gboolean counted;

  g_mutex_lock (&self->lock);
  counted = self->disk_counted;
  g_mutex_unlock (&self->lock);
  if (counted)
    return TRUE;

  entries = list_disk_entries (self, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    n_bytes += ((DiskEntry *) g_ptr_array_index (entries, i))->size;

  g_mutex_lock (&self->lock);
  self->disk_counted = TRUE;
  self->n_disk_entries = entries->len;
  self->n_disk_bytes = n_bytes;
  g_mutex_unlock (&self->lock);
  return TRUE;
}

/* Storing */

gboolean
augur_result_cache_can_store (AugurPrediction *prediction)
{
  const char *version_id;

  g_return_val_if_fail (AUGUR_IS_PREDICTION (prediction), FALSE);

  version_id = augur_prediction_get_version_id (prediction);
  return augur_prediction_is_success (prediction) && version_id != NULL && *version_id != '\0';
}

/* What goes on disk: the result alone, not where it was in one batch. */
static char *
serialize_entry (AugurPrediction *prediction)
{
  g_autoptr(JsonNode) node = augur_prediction_to_lossless_json (prediction);
  JsonObject *object = json_node_get_object (node);

  json_object_set_int_member (object, "index", 0);
  json_object_set_boolean_member (object, "cached", FALSE);
  if (json_object_has_member (object, "input_label"))
    json_object_remove_member (object, "input_label");
  return augur_json_line_write (node);
}

static gboolean
write_entry (AugurResultCache  *self,
             const char        *key,
             const char        *json,
             GError           **error)
{
  g_autofree char *path = entry_path (self, key);
  g_autofree char *dir = g_path_get_dirname (path);
  gboolean over_limits;
  GStatBuf old;
  gboolean replaced;
  gsize length = strlen (json);

  if (!ensure_disk_counted (self, error))
    return FALSE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the result cache folder: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  replaced = g_stat (path, &old) == 0;
  if (!g_file_set_contents_full (path, json, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, error))
    return FALSE;

  g_mutex_lock (&self->lock);
  if (replaced)
    {
      self->n_disk_entries--;
      self->n_disk_bytes -= MIN (self->n_disk_bytes, (guint64) old.st_size);
    }
  self->n_disk_entries++;
  self->n_disk_bytes += length;
  over_limits = self->n_disk_entries > self->max_entries || self->n_disk_bytes > self->max_bytes;
  g_mutex_unlock (&self->lock);

  memory_remember (self, key, json);

  if (over_limits)
    return augur_result_cache_trim (self, error);
  return TRUE;
}

gboolean
augur_result_cache_store (AugurResultCache  *self,
                          const char        *key,
                          AugurPrediction   *prediction,
                          GError           **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (AUGUR_IS_RESULT_CACHE (self), FALSE);
  g_return_val_if_fail (key_is_valid (key), FALSE);
  g_return_val_if_fail (AUGUR_IS_PREDICTION (prediction), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!augur_result_cache_can_store (prediction))
    return TRUE;

  json = serialize_entry (prediction);
  return write_entry (self, key, json, error);
}


static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  StoreData *data = task_data;
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !write_entry (source_object, data->key, data->json, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
augur_result_cache_store_async (AugurResultCache    *self,
                                const char          *key,
                                AugurPrediction     *prediction,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StoreData *data;

  g_return_if_fail (AUGUR_IS_RESULT_CACHE (self));
  g_return_if_fail (key_is_valid (key));
  g_return_if_fail (AUGUR_IS_PREDICTION (prediction));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_result_cache_store_async);

  if (!augur_result_cache_can_store (prediction))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  data = g_new0 (StoreData, 1);
  data->key = g_strdup (key);
  data->json = serialize_entry (prediction);
  g_task_set_task_data (task, data, (GDestroyNotify) store_data_free);
  augur_worker_run (task, store_thread);
}

static void
store_later_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  AugurResultCache *self = source_object;

  for (;;)
    {
      StoreData *data;
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL;

      /* The entry leaves the queue only once written: until then later_lookup() finds it. */
      g_mutex_lock (&self->lock);
      data = g_queue_peek_head (&self->later);
      if (data == NULL)
        self->storing_later = FALSE;
      g_mutex_unlock (&self->lock);
      if (data == NULL)
        break;

      json = serialize_entry (data->prediction);
      if (!write_entry (self, data->key, json, &error))
        g_debug ("Could not cache a result: %s", error->message);

      g_mutex_lock (&self->lock);
      g_assert (g_queue_peek_head (&self->later) == data);
      g_queue_pop_head (&self->later);
      g_mutex_unlock (&self->lock);
      store_data_free (data);
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * augur_result_cache_store_later:
 * @key: made with the version id that answered (augur_prediction_get_version_id())
 * @prediction: serialized later, in a worker thread, so it must not change afterwards
 *
 * Like augur_result_cache_store_async() without a callback, for runs of thousands of
 * results: stores are serialized and written one after the other in a worker thread, off
 * the caller's thread. A failure is only logged (g_debug()).
 */
void
augur_result_cache_store_later (AugurResultCache *self,
                                const char       *key,
                                AugurPrediction  *prediction)
{
  StoreData *data;
  gboolean start;

  g_return_if_fail (AUGUR_IS_RESULT_CACHE (self));
  g_return_if_fail (key_is_valid (key));
  g_return_if_fail (AUGUR_IS_PREDICTION (prediction));

  if (!augur_result_cache_can_store (prediction))
    return;

  data = g_new0 (StoreData, 1);
  data->key = g_strdup (key);
  data->prediction = g_object_ref (prediction);

  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->later, data);
  start = !self->storing_later;
  self->storing_later = TRUE;
  g_mutex_unlock (&self->lock);

  if (start)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, NULL, NULL);

      g_task_set_source_tag (task, augur_result_cache_store_later);
      augur_worker_run_short (task, store_later_thread);
    }
}

gboolean
augur_result_cache_store_finish (AugurResultCache  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        augur_result_cache_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
augur_result_cache_clear (AugurResultCache  *self,
                          GError           **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (AUGUR_IS_RESULT_CACHE (self), FALSE);

  g_mutex_lock (&self->lock);
  g_queue_clear_full (&self->lru, (GDestroyNotify) memory_entry_free);
  g_hash_table_remove_all (self->by_key);
  g_mutex_unlock (&self->lock);

  entries = list_disk_entries (self, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      DiskEntry *entry = g_ptr_array_index (entries, i);

      if (g_unlink (entry->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove a cached result: %s"), g_strerror (saved_errno));
          return FALSE;
        }
    }

  g_mutex_lock (&self->lock);
  self->disk_counted = TRUE;
  self->n_disk_entries = 0;
  self->n_disk_bytes = 0;
  g_mutex_unlock (&self->lock);
  return TRUE;
}
