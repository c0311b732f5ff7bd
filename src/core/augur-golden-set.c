/* augur-golden-set.c: golden sets, kept as one JSON file.
 *
 * The file: {"version": 1, "sets": [{"model": "user/app/model", "sources": ["/a.png", …],
 * "known_version_id": "…" | null, "pinned_at": 1732690000}]}. Reading and writing run on
 * the worker pool; the sets themselves are only touched on the thread that owns the store.
 *
 * A file that cannot be read (bad JSON, wrong shape, newer version, I/O error) leaves the
 * store empty and makes load fail; the store then protects the file: a save writes nothing
 * until something is pinned, unpinned or updated, so starting Augur and quitting never
 * replaces a damaged file the user may still want to repair.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-golden-set"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "augur-golden-set.h"
#include "augur-worker.h"

#define FILE_FORMAT_VERSION 1

struct _AugurGoldenSets
{
  GObject     parent_instance;

  char       *path;            /* (owned) */
  GHashTable *sets;            /* (owned) model ref → (owned) AugurGoldenSet */
  /* TRUE after a failed load, until the first change: a save must not replace a file we
   * could not read with an empty one. */
  gboolean    protect_file;

  /* Saves run on the worker pool in any order; only a newer snapshot may replace the file. */
  GMutex      save_mutex;
  guint64     n_snapshots;     /* owner thread only */
  guint64     written_snapshot;  /* under save_mutex */
};

G_DEFINE_FINAL_TYPE (AugurGoldenSets, augur_golden_sets, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* AugurGoldenSet ---------------------------------------------------------------------------- */

static GPtrArray *
copy_sources (GPtrArray *sources)
{
  GPtrArray *copy = g_ptr_array_new_full (sources->len, g_free);

  for (guint i = 0; i < sources->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (sources, i)));
  return copy;
}

static AugurGoldenSet *
golden_set_new (const char *model_ref,
                GPtrArray  *sources,
                const char *known_version_id,
                gint64      pinned_at)
{
  AugurGoldenSet *set = g_new0 (AugurGoldenSet, 1);

  set->model_ref = g_strdup (model_ref);
  set->sources = copy_sources (sources);
  set->known_version_id = g_strdup (known_version_id);
  set->pinned_at = pinned_at;
  return set;
}

AugurGoldenSet *
augur_golden_set_copy (const AugurGoldenSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);

  return golden_set_new (set->model_ref, set->sources, set->known_version_id, set->pinned_at);
}

void
augur_golden_set_free (AugurGoldenSet *set)
{
  if (set == NULL)
    return;
  g_free (set->model_ref);
  g_clear_pointer (&set->sources, g_ptr_array_unref);
  g_free (set->known_version_id);
  g_free (set);
}

/**
 * augur_golden_set_has_new_version:
 * @set: a golden set
 * @latest_version_id: (nullable): the version "latest" resolves to now; %NULL when unknown
 *
 * Returns: %TRUE when the set was never run on a known version, or on another one than
 *   @latest_version_id; %FALSE when the latest version is unknown or already known.
 */
gboolean
augur_golden_set_has_new_version (const AugurGoldenSet *set,
                                  const char           *latest_version_id)
{
  g_return_val_if_fail (set != NULL, FALSE);

  if (latest_version_id == NULL || *latest_version_id == '\0')
    return FALSE;
  return g_strcmp0 (set->known_version_id, latest_version_id) != 0;
}

/* Reading the file ------------------------------------------------------------------------ */

static GHashTable *
new_set_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                (GDestroyNotify) augur_golden_set_free);
}

/* The set's own key is its model_ref, so the table frees only the value. */
static void
add_set (GHashTable     *table,
         AugurGoldenSet *set)
{
  g_hash_table_replace (table, set->model_ref, set);
}

static const char *
optional_string_member (JsonObject *object,
                        const char *name,
                        gboolean   *ok)
{
  JsonNode *node;

  *ok = TRUE;
  if (!json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *ok = FALSE;
      return NULL;
    }
  return json_node_get_string (node);
}

/* NULL (with a reason for the debug log) when any entry of the array is not a string. */
static GPtrArray *
read_sources (JsonObject  *object,
              const char **why)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  JsonNode *node = json_object_has_member (object, "sources")
                   ? json_object_get_member (object, "sources") : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      *why = "no sources array";
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING
          || *json_node_get_string (element) == '\0')
        {
          *why = "a source is not a string";
          return NULL;
        }
      g_ptr_array_add (sources, g_strdup (json_node_get_string (element)));
    }
  if (sources->len == 0)
    {
      *why = "no sources";
      return NULL;
    }
  return g_steal_pointer (&sources);
}

static gboolean
read_pinned_at (JsonObject *object,
                gint64     *pinned_at)
{
  JsonNode *node;

  *pinned_at = 0;
  if (!json_object_has_member (object, "pinned_at"))
    return TRUE;
  node = json_object_get_member (object, "pinned_at");
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *pinned_at = json_node_get_int (node);
  return TRUE;
}

/* One entry of "sets"; NULL (with a reason) when it has to be skipped. */
static AugurGoldenSet *
read_set (JsonNode    *node,
          const char **why)
{
  g_autoptr(GPtrArray) sources = NULL;
  JsonObject *object;
  const char *model_ref, *known_version_id;
  gint64 pinned_at;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      *why = "not an object";
      return NULL;
    }
  object = json_node_get_object (node);
  model_ref = optional_string_member (object, "model", &ok);
  if (model_ref == NULL || *model_ref == '\0')
    {
      *why = "no model";
      return NULL;
    }
  known_version_id = optional_string_member (object, "known_version_id", &ok);
  if (!ok)
    {
      *why = "known_version_id is not a string";
      return NULL;
    }
  if (!read_pinned_at (object, &pinned_at))
    {
      *why = "pinned_at is not an integer";
      return NULL;
    }
  sources = read_sources (object, why);
  if (sources == NULL)
    return NULL;
  if (known_version_id != NULL && *known_version_id == '\0')
    known_version_id = NULL;
  return golden_set_new (model_ref, sources, known_version_id, pinned_at);
}

static gboolean
set_damaged_error (const char  *path,
                   const char  *why,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_debug ("Golden sets file %s is damaged: %s", display, why);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: %s is a file path */
               _("The golden sets in %s cannot be read: the file is damaged"), display);
  return FALSE;
}

static gboolean
check_format_version (JsonObject  *root,
                      const char  *path,
                      GError     **error)
{
  JsonNode *node = json_object_has_member (root, "version")
                   ? json_object_get_member (root, "version") : NULL;
  g_autofree char *display = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return set_damaged_error (path, "no version number", error);
  if (json_node_get_int (node) == FILE_FORMAT_VERSION)
    return TRUE;

  display = g_filename_display_name (path);
  g_debug ("Golden sets file %s has version %" G_GINT64_FORMAT, display, json_node_get_int (node));
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: %s is a file path */
               _("The golden sets in %s were saved by a newer version of Augur"), display);
  return FALSE;
}

/* The "sets" array of a file in the expected format, or NULL with @error. */
static JsonArray *
sets_array (JsonParser  *parser,
            const char  *path,
            const char  *contents,
            gsize        length,
            GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root, *sets;

  if (!json_parser_load_from_data (parser, contents, length, &parse_error))
    {
      set_damaged_error (path, parse_error->message, error);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_damaged_error (path, "the root is not an object", error);
      return NULL;
    }
  if (!check_format_version (json_node_get_object (root), path, error))
    return NULL;
  sets = json_object_has_member (json_node_get_object (root), "sets")
         ? json_object_get_member (json_node_get_object (root), "sets") : NULL;
  if (sets == NULL || !JSON_NODE_HOLDS_ARRAY (sets))
    {
      set_damaged_error (path, "no sets array", error);
      return NULL;
    }
  return json_node_get_array (sets);
}

static GHashTable *
parse_sets (const char  *path,
            const char  *contents,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) table = new_set_table ();
  JsonArray *sets = sets_array (parser, path, contents, length, error);

  if (sets == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (sets); i++)
    {
      const char *why = NULL;
      AugurGoldenSet *set = read_set (json_array_get_element (sets, i), &why);

      if (set == NULL)
        g_debug ("Skipping golden set %u: %s", i, why);
      else if (g_hash_table_contains (table, set->model_ref))
        {
          g_debug ("Skipping golden set %u: a second set for its model", i);
          augur_golden_set_free (set);
        }
      else
        add_set (table, set);
    }
  return g_steal_pointer (&table);
}

/* Writing the file ------------------------------------------------------------------------ */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new_full (g_hash_table_size (table), g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static void
build_set (JsonBuilder          *builder,
           const AugurGoldenSet *set)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, set->model_ref);
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < set->sources->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (set->sources, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "known_version_id");
  if (set->known_version_id != NULL)
    json_builder_add_string_value (builder, set->known_version_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "pinned_at");
  json_builder_add_int_value (builder, set->pinned_at);
  json_builder_end_object (builder);
}

/* The file's text, sets sorted by model so that the file diffs well. */
static char *
serialize_sets (GHashTable *table)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) keys = sorted_keys (table);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FILE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "sets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < keys->len; i++)
    build_set (builder, g_hash_table_lookup (table, g_ptr_array_index (keys, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* Loading ---------------------------------------------------------------------------------- */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AugurGoldenSets *self = source_object;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  GHashTable *table;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!g_file_get_contents (self->path, &contents, &length, &error))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_task_return_pointer (task, new_set_table (), (GDestroyNotify) g_hash_table_unref);
          return;
        }
      g_debug ("Could not read the golden sets: %s", error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  table = parse_sets (self->path, contents, length, &error);
  if (table == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, table, (GDestroyNotify) g_hash_table_unref);
}

/* Back on the owner's thread: the sets read replace the store's. */
static void
sets_read_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AugurGoldenSets *self = AUGUR_GOLDEN_SETS (source_object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GHashTable) table = NULL;
  GError *error = NULL;

  table = g_task_propagate_pointer (G_TASK (result), &error);
  if (table == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_hash_table_remove_all (self->sets);
          self->protect_file = TRUE;
          g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
        }
      g_task_return_error (task, error);
      return;
    }

  g_clear_pointer (&self->sets, g_hash_table_unref);
  self->sets = g_steal_pointer (&table);
  self->protect_file = FALSE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  g_task_return_boolean (task, TRUE);
}

/**
 * augur_golden_sets_load_async:
 * @self: the store
 * @cancellable: (nullable): cancels the load; the store is then left as it was
 * @callback: called on the calling thread's main context once the store holds the sets read
 * @user_data: for @callback
 *
 * Reads the file in a worker thread and replaces what the store holds. A missing file is an
 * empty store. A file that cannot be read or is damaged leaves the store empty, fails with a
 * #G_IO_ERROR (%G_IO_ERROR_INVALID_DATA when damaged) whose message names the file, and
 * protects the file from the next save until something changes. Sets with a bad entry are
 * skipped one by one. Emits #AugurGoldenSets::changed unless cancelled.
 */
void
augur_golden_sets_load_async (AugurGoldenSets     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read = NULL;

  g_return_if_fail (AUGUR_IS_GOLDEN_SETS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_golden_sets_load_async);
  read = g_task_new (self, cancellable, sets_read_cb, g_steal_pointer (&task));
  g_task_set_source_tag (read, load_thread);
  augur_worker_run (read, load_thread);
}

gboolean
augur_golden_sets_load_finish (AugurGoldenSets  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (AUGUR_IS_GOLDEN_SETS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_golden_sets_load_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Saving ------------------------------------------------------------------------------------ */

typedef struct
{
  char    *contents;
  guint64  snapshot;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->contents);
  g_free (data);
}

static gboolean
write_contents (const char  *path,
                const char  *contents,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a folder, the second why it failed */
                   _("Could not create the folder %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  /* Written to a temporary file, flushed, then renamed over the old one. */
  return g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AugurGoldenSets *self = source_object;
  SaveData *data = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_mutex_lock (&self->save_mutex);
  if (data->snapshot > self->written_snapshot)
    {
      ok = write_contents (self->path, data->contents, &error);
      if (ok)
        self->written_snapshot = data->snapshot;
    }
  g_mutex_unlock (&self->save_mutex);

  if (!ok)
    {
      g_debug ("Could not save the golden sets: %s", error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * augur_golden_sets_save_async:
 * @self: the store
 * @cancellable: (nullable): cancels the save if it has not started writing
 * @callback: called on the calling thread's main context
 * @user_data: for @callback
 *
 * Writes what the store holds now, in a worker thread: to a temporary file that is then
 * renamed over the old one, creating the folder if needed. After a failed load, and until
 * something changes, there is nothing to save: the file is left alone and the save succeeds.
 * When saves overlap, an older snapshot never replaces a newer one.
 */
void
augur_golden_sets_save_async (AugurGoldenSets     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (AUGUR_IS_GOLDEN_SETS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_golden_sets_save_async);
  if (self->protect_file)
    {
      g_debug ("Not saving golden sets: the file could not be read and nothing changed");
      g_task_return_boolean (task, TRUE);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->contents = serialize_sets (self->sets);
  data->snapshot = ++self->n_snapshots;
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  augur_worker_run (task, save_thread);
}

gboolean
augur_golden_sets_save_finish (AugurGoldenSets  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (AUGUR_IS_GOLDEN_SETS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_golden_sets_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Editing ---------------------------------------------------------------------------------- */

static void
sets_changed (AugurGoldenSets *self)
{
  self->protect_file = FALSE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

const AugurGoldenSet *
augur_golden_sets_lookup (AugurGoldenSets *self,
                          const char      *model_ref)
{
  g_return_val_if_fail (AUGUR_IS_GOLDEN_SETS (self), NULL);
  g_return_val_if_fail (model_ref != NULL, NULL);

  return g_hash_table_lookup (self->sets, model_ref);
}

/**
 * augur_golden_sets_pin:
 * @self: the store
 * @model_ref: "user/app/model", without a version
 * @sources: (element-type utf8): at least one input, an absolute path or an http(s) URL;
 *   stored as given, in order
 * @known_version_id: (nullable): the version "latest" is now, if known
 *
 * Pins @sources to @model_ref, replacing any earlier set, with the current time.
 */
void
augur_golden_sets_pin (AugurGoldenSets *self,
                       const char      *model_ref,
                       GPtrArray       *sources,
                       const char      *known_version_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_if_fail (AUGUR_IS_GOLDEN_SETS (self));
  g_return_if_fail (model_ref != NULL && *model_ref != '\0');
  g_return_if_fail (sources != NULL && sources->len > 0);

  if (known_version_id != NULL && *known_version_id == '\0')
    known_version_id = NULL;
  add_set (self->sets, golden_set_new (model_ref, sources, known_version_id,
                                       g_date_time_to_unix (now)));
  sets_changed (self);
}

void
augur_golden_sets_unpin (AugurGoldenSets *self,
                         const char      *model_ref)
{
  g_return_if_fail (AUGUR_IS_GOLDEN_SETS (self));
  g_return_if_fail (model_ref != NULL);

  if (g_hash_table_remove (self->sets, model_ref))
    sets_changed (self);
}

/* @version_id: (nullable). Does nothing when no set is pinned to @model_ref. */
void
augur_golden_sets_set_known_version (AugurGoldenSets *self,
                                     const char      *model_ref,
                                     const char      *version_id)
{
  AugurGoldenSet *set;

  g_return_if_fail (AUGUR_IS_GOLDEN_SETS (self));
  g_return_if_fail (model_ref != NULL);

  if (version_id != NULL && *version_id == '\0')
    version_id = NULL;
  set = g_hash_table_lookup (self->sets, model_ref);
  if (set == NULL || g_strcmp0 (set->known_version_id, version_id) == 0)
    return;
  g_free (set->known_version_id);
  set->known_version_id = g_strdup (version_id);
  sets_changed (self);
}

GPtrArray *
augur_golden_sets_list (AugurGoldenSets *self)
{
  g_return_val_if_fail (AUGUR_IS_GOLDEN_SETS (self), NULL);

  return sorted_keys (self->sets);
}

/* The object -------------------------------------------------------------------------------- */

static void
augur_golden_sets_finalize (GObject *object)
{
  AugurGoldenSets *self = AUGUR_GOLDEN_SETS (object);

  g_clear_pointer (&self->sets, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->save_mutex);

  G_OBJECT_CLASS (augur_golden_sets_parent_class)->finalize (object);
}

static void
augur_golden_sets_class_init (AugurGoldenSetsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = augur_golden_sets_finalize;

  /**
   * AugurGoldenSets::changed:
   *
   * A set was pinned, unpinned or updated, or a load replaced the sets.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
augur_golden_sets_init (AugurGoldenSets *self)
{
  self->sets = new_set_table ();
  g_mutex_init (&self->save_mutex);
}

AugurGoldenSets *
augur_golden_sets_new (const char *path)
{
  AugurGoldenSets *self = g_object_new (AUGUR_TYPE_GOLDEN_SETS, NULL);

  if (path != NULL)
    self->path = g_strdup (path);
  else
    self->path = g_build_filename (g_get_user_data_dir (), "augur", "golden-sets.json", NULL);
  return self;
}

const char *
augur_golden_sets_get_path (AugurGoldenSets *self)
{
  g_return_val_if_fail (AUGUR_IS_GOLDEN_SETS (self), NULL);

  return self->path;
}
