/* test-result-cache.c: results cached by input content, model version and settings: keys,
 * hashing (cancellable), the memory LRU, disk bounds, damaged entries, and a second drop of
 * the same files answered without a request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-result-cache"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "augur-core.h"
#include "augur-prediction-json.h"
#include "augur-result-cache.h"
#include "augur-test-server.h"

#define MODEL_PATH_SUFFIX "/outputs"
#define VERSION_A "aa7f35c01e0642fda5cf400f543e7c40"
#define VERSION_B "bb7f35c01e0642fda5cf400f543e7c41"

/* Helpers ---------------------------------------------------------------------------------- */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static char *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "inputs", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static AugurInput *
file_input (const char *name,
            const char *contents)
{
  g_autofree char *path = write_file (name, contents, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return augur_input_new_file (file);
}

static char *
hash_of (AugurInput *input)
{
  g_autoptr(GError) error = NULL;
  char *hash = augur_result_cache_hash_input (input, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hash);
  g_assert_cmpuint (strlen (hash), ==, 64);
  return hash;
}

static AugurModelRef *
model_ref (void)
{
  return augur_model_ref_new ("clarifai", "main", "general-image-recognition", NULL);
}

static AugurPrediction *
classifier_prediction (const char *version_id,
                       guint       seed)
{
  AugurPrediction *prediction = augur_prediction_new ();
  g_autoptr(AugurStatus) status = augur_status_new (AUGUR_STATUS_SUCCESS, "Ok", NULL, "req-1");
  g_autofree char *name = g_strdup_printf ("concept %u", seed);

  status->http_status = 200;
  augur_prediction_set_status (prediction, status);
  augur_prediction_set_index (prediction, 4);
  g_ptr_array_add (augur_prediction_get_concepts (prediction),
                   augur_concept_new ("ai_1", name, 0.99960595));
  g_ptr_array_add (augur_prediction_get_concepts (prediction),
                   augur_concept_new ("ai_2", "railway", 0.7));
  augur_prediction_set_model (prediction, "general-image-recognition", version_id,
                              "visual-classifier");
  augur_prediction_set_duration_ms (prediction, 42.5);
  return prediction;
}

static char *
key_for (const char *content,
         const char *version_id)
{
  g_autoptr(AugurInput) input = augur_input_new_text (content);
  g_autoptr(AugurModelRef) ref = model_ref ();
  g_autofree char *hash = hash_of (input);

  return augur_result_cache_make_key (hash, ref, version_id, NULL);
}

static char *
entry_path (AugurResultCache *cache,
            const char       *key)
{
  char fan_out[3] = { key[0], key[1], '\0' };
  g_autofree char *name = g_strconcat (key, ".json", NULL);

  return g_build_filename (augur_result_cache_get_root_dir (cache), fan_out, name, NULL);
}

static void
store (AugurResultCache *cache,
       const char       *key,
       AugurPrediction  *prediction)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (augur_result_cache_store (cache, key, prediction, &error));
  g_assert_no_error (error);
}

static gboolean
is_cached (AugurResultCache *cache,
           const char       *key)
{
  g_autoptr(AugurPrediction) prediction = augur_result_cache_lookup (cache, key);

  if (prediction != NULL)
    g_assert_true (augur_prediction_get_cached (prediction));
  return prediction != NULL;
}

static void
set_age (AugurResultCache *cache,
         const char       *key,
         time_t            mtime)
{
  g_autofree char *path = entry_path (cache, key);
  struct utimbuf times = { mtime, mtime };

  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static guint
count_entries (AugurResultCache *cache,
               guint64          *n_bytes)
{
  g_autoptr(GDir) root = g_dir_open (augur_result_cache_get_root_dir (cache), 0, NULL);
  const char *name;
  guint n = 0;

  *n_bytes = 0;
  if (root == NULL)
    return 0;
  while ((name = g_dir_read_name (root)) != NULL)
    {
      g_autofree char *sub_path = g_build_filename (augur_result_cache_get_root_dir (cache),
                                                    name, NULL);
      g_autoptr(GDir) sub = g_dir_open (sub_path, 0, NULL);
      const char *entry;

      while (sub != NULL && (entry = g_dir_read_name (sub)) != NULL)
        {
          g_autofree char *path = g_build_filename (sub_path, entry, NULL);
          GStatBuf buf;

          g_assert_cmpint (g_stat (path, &buf), ==, 0);
          *n_bytes += buf.st_size;
          n++;
        }
    }
  return n;
}

/* Tests: hashing --------------------------------------------------------------------------- */

static void
test_hash_same_content (void)
{
  const char *contents = "the same bytes, whatever the name";
  g_autoptr(AugurInput) first = file_input ("holiday.jpg", contents);
  g_autoptr(AugurInput) renamed = file_input ("copy of holiday (2).jpg", contents);
  g_autoptr(AugurInput) other = file_input ("other.jpg", "other bytes");
  g_autoptr(GBytes) bytes = g_bytes_new_static (contents, strlen (contents));
  g_autoptr(AugurInput) pasted = augur_input_new_bytes (bytes, NULL);
  g_autoptr(AugurInput) image_url = augur_input_new_image_url ("https://example.com/a.txt");
  g_autoptr(AugurInput) text_url = augur_input_new_text_url ("https://example.com/a.txt");
  g_autoptr(AugurInput) with_prompt = augur_input_with_prompt (first, "What is this?");
  g_autoptr(AugurInput) other_prompt = augur_input_with_prompt (first, "What is that?");
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  g_autofree char *h_first = hash_of (first);
  g_autofree char *h_renamed = hash_of (renamed);
  g_autofree char *h_other = hash_of (other);
  g_autofree char *h_pasted = hash_of (pasted);
  g_autofree char *h_image_url = hash_of (image_url);
  g_autofree char *h_text_url = hash_of (text_url);
  g_autofree char *h_prompt = hash_of (with_prompt);
  g_autofree char *h_other_prompt = hash_of (other_prompt);

  g_assert_cmpstr (h_first, ==, expected);
  g_assert_cmpstr (h_renamed, ==, h_first);
  g_assert_cmpstr (h_pasted, ==, h_first);
  g_assert_cmpstr (h_other, !=, h_first);
  g_assert_cmpstr (h_image_url, !=, h_text_url);
  g_assert_cmpstr (h_prompt, !=, h_first);
  g_assert_cmpstr (h_prompt, !=, h_other_prompt);
}

static void
test_hash_large_file (void)
{
  gsize size = 3 * 64 * 1024 + 17;
  g_autofree char *data = g_malloc (size);
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AugurInput) input = NULL;

  for (gsize i = 0; i < size; i++)
    data[i] = (char) (i * 7 + i / 251);
  path = write_file ("big.bin", data, (gssize) size);
  file = g_file_new_for_path (path);
  input = augur_input_new_file (file);

  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
  hash = hash_of (input);
  g_assert_cmpstr (hash, ==, expected);
}

static void
test_hash_inputs_async (void)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/augur/missing.jpg");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) hashes = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (inputs, file_input ("a.jpg", "aaa"));
  g_ptr_array_add (inputs, augur_input_new_file (missing));
  g_ptr_array_add (inputs, augur_input_new_text ("aaa"));

  augur_result_cache_hash_inputs_async (inputs, NULL, store_result_cb, &result);
  hashes = augur_result_cache_hash_inputs_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hashes->len, ==, 3);
  g_assert_nonnull (g_ptr_array_index (hashes, 0));
  g_assert_null (g_ptr_array_index (hashes, 1));
  g_assert_cmpstr (g_ptr_array_index (hashes, 2), ==, g_ptr_array_index (hashes, 0));
}

static void
test_hash_cancelled_before (void)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) hashes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  g_ptr_array_add (inputs, file_input ("a.jpg", "aaa"));
  g_cancellable_cancel (cancellable);

  hash = augur_result_cache_hash_input (g_ptr_array_index (inputs, 0), cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (hash);
  g_clear_error (&error);

  augur_result_cache_hash_inputs_async (inputs, cancellable, store_result_cb, &result);
  hashes = augur_result_cache_hash_inputs_finish (wait_for_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (hashes);
}

static void
write_to_fifo (int         fd,
               const char *text)
{
  gsize length = strlen (text);

  g_assert_cmpint (write (fd, text, length), ==, (gssize) length);
}

typedef struct
{
  AugurInput   *input;
  GCancellable *cancellable;
  GError       *error;
  char         *hash;
} HashJob;

static gpointer
hash_in_thread (gpointer data)
{
  HashJob *job = data;

  job->hash = augur_result_cache_hash_input (job->input, job->cancellable, &job->error);
  return NULL;
}

/* Cancelling while a file is being read: a FIFO lets the test decide when data arrives.
 * Data written after the cancellation is followed by the end of the file, so a hasher that
 * did not check between blocks would finish with a hash instead of an error. */
static void
test_hash_cancelled_midway (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "fifo", NULL);
  g_autofree char *path = g_build_filename (dir, "slow-network-share.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AugurInput) input = augur_input_new_file (file);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  HashJob job = { input, cancellable, NULL, NULL };
  GThread *thread;
  int fd;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  thread = g_thread_new ("hash", hash_in_thread, &job);

  /* Blocks until the hashing thread has opened the other end. */
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  write_to_fifo (fd, "the first block of a big file");
  g_cancellable_cancel (cancellable);
  write_to_fifo (fd, "more data, after the user gave up");
  g_assert_cmpint (close (fd), ==, 0);
  g_thread_join (thread);

  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (job.hash);
  g_clear_error (&job.error);
}

/* Tests: keys ------------------------------------------------------------------------------ */

static void
test_key (void)
{
  g_autoptr(AugurModelRef) ref = model_ref ();
  g_autoptr(AugurModelRef) pinned = augur_model_ref_with_version (ref, VERSION_B);
  g_autoptr(AugurModelRef) other_model = augur_model_ref_new ("clarifai", "main", "other", NULL);
  g_autoptr(AugurSettings) defaults = augur_settings_new ();
  g_autoptr(AugurSettings) a = augur_settings_new ();
  g_autoptr(AugurSettings) b = augur_settings_new ();
  g_autoptr(AugurSettings) changed = augur_settings_new ();
  const char *hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  g_autofree char *k_null = augur_result_cache_make_key (hash, ref, VERSION_A, NULL);
  g_autofree char *k_defaults = augur_result_cache_make_key (hash, ref, VERSION_A, defaults);
  g_autofree char *k_a = NULL;
  g_autofree char *k_b = NULL;
  g_autofree char *k_changed = NULL;
  g_autofree char *k_version = augur_result_cache_make_key (hash, ref, VERSION_B, NULL);
  g_autofree char *k_pinned = augur_result_cache_make_key (hash, pinned, VERSION_A, NULL);
  g_autofree char *k_model = augur_result_cache_make_key (hash, other_model, VERSION_A, NULL);
  g_autofree char *k_input = augur_result_cache_make_key ("ff", ref, VERSION_A, NULL);

  /* Parameters set in another order are the same settings. */
  augur_settings_set_param_double (a, AUGUR_PARAM_TEMPERATURE, 0.7);
  augur_settings_set_param_int (a, AUGUR_PARAM_MAX_TOKENS, 100);
  augur_settings_set_param_int (b, AUGUR_PARAM_MAX_TOKENS, 100);
  augur_settings_set_param_double (b, AUGUR_PARAM_TEMPERATURE, 0.7);
  augur_settings_set_param_double (changed, AUGUR_PARAM_TEMPERATURE, 0.8);
  augur_settings_set_param_int (changed, AUGUR_PARAM_MAX_TOKENS, 100);
  k_a = augur_result_cache_make_key (hash, ref, VERSION_A, a);
  k_b = augur_result_cache_make_key (hash, ref, VERSION_A, b);
  k_changed = augur_result_cache_make_key (hash, ref, VERSION_A, changed);

  g_assert_cmpuint (strlen (k_null), ==, 64);
  g_assert_cmpstr (k_null, ==, k_defaults);
  g_assert_cmpstr (k_a, ==, k_b);
  g_assert_cmpstr (k_a, !=, k_null);
  g_assert_cmpstr (k_changed, !=, k_a);
  g_assert_cmpstr (k_version, !=, k_null);
  g_assert_cmpstr (k_model, !=, k_null);
  g_assert_cmpstr (k_input, !=, k_null);
  /* Only the version that answered counts, not the one in the reference. */
  g_assert_cmpstr (k_pinned, ==, k_null);

  /* "Latest" is not a version. */
  g_assert_null (augur_result_cache_make_key (hash, ref, NULL, NULL));
  g_assert_null (augur_result_cache_make_key (hash, ref, "", NULL));
}

/* Tests: storing --------------------------------------------------------------------------- */

static void
test_store_and_lookup (void)
{
  g_autoptr(AugurResultCache) cache = augur_result_cache_new (NULL);
  g_autoptr(AugurResultCache) reopened = NULL;
  g_autoptr(AugurPrediction) prediction = classifier_prediction (VERSION_A, 1);
  g_autoptr(AugurPrediction) found = NULL;
  g_autoptr(GPtrArray) concepts = NULL;
  g_autofree char *key = key_for ("hello", VERSION_A);
  g_autofree char *other_key = key_for ("hello", VERSION_B);
  g_autofree char *path = NULL;
  g_autofree char *default_root = augur_result_cache_get_default_root ();
  GStatBuf buf;

  g_assert_cmpstr (augur_result_cache_get_root_dir (cache), ==, default_root);
  g_assert_true (g_str_has_prefix (default_root, g_get_user_cache_dir ()));
  g_assert_false (is_cached (cache, key));

  augur_prediction_set_input (prediction, augur_input_new_text ("hello"));
  g_object_unref (augur_prediction_get_input (prediction));
  store (cache, key, prediction);

  path = entry_path (cache, key);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  /* A new cache reads the disk. */
  reopened = augur_result_cache_new (NULL);
  found = augur_result_cache_lookup (reopened, key);
  g_assert_nonnull (found);
  g_assert_true (augur_prediction_get_cached (found));
  g_assert_false (augur_prediction_get_cached (prediction));
  g_assert_cmpuint (augur_prediction_get_index (found), ==, 0);
  g_assert_null (augur_prediction_get_input (found));
  g_assert_true (augur_prediction_is_success (found));
  g_assert_cmpstr (augur_prediction_get_version_id (found), ==, VERSION_A);
  g_assert_cmpstr (augur_prediction_get_model_type_id (found), ==, "visual-classifier");
  g_assert_cmpfloat (augur_prediction_get_duration_ms (found), ==, 42.5);
  g_assert_cmpint (augur_prediction_get_status (found)->code, ==, AUGUR_STATUS_SUCCESS);
  g_assert_cmpuint (augur_prediction_get_status (found)->http_status, ==, 200);
  concepts = g_ptr_array_ref (augur_prediction_get_concepts (found));
  g_assert_cmpuint (concepts->len, ==, 2);
  g_assert_cmpstr (augur_concept_get_name (g_ptr_array_index (concepts, 0)), ==, "concept 1");
  g_assert_cmpfloat (augur_concept_get_value (g_ptr_array_index (concepts, 0)), ==, 0.99960595);

  /* Another version of the model is another result. */
  g_assert_false (is_cached (reopened, other_key));
}

static void
test_failed_not_cached (void)
{
  g_autoptr(AugurResultCache) cache = augur_result_cache_new (NULL);
  g_autoptr(AugurPrediction) failed = classifier_prediction (VERSION_A, 1);
  g_autoptr(AugurPrediction) no_version = classifier_prediction (NULL, 2);
  g_autoptr(GError) input_error = g_error_new_literal (AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT, "bad");
  g_autofree char *key = key_for ("hello", VERSION_A);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n_bytes;

  augur_prediction_set_error (failed, input_error);
  g_assert_false (augur_result_cache_can_store (failed));
  g_assert_false (augur_result_cache_can_store (no_version));

  store (cache, key, failed);
  store (cache, key, no_version);
  augur_result_cache_store_async (cache, key, failed, NULL, store_result_cb, &result);
  g_assert_true (augur_result_cache_store_finish (cache, wait_for_result (&result), &error));
  g_assert_no_error (error);

  g_assert_false (is_cached (cache, key));
  g_assert_cmpuint (count_entries (cache, &n_bytes), ==, 0);
}

static void
test_async (void)
{
  g_autoptr(AugurResultCache) cache = augur_result_cache_new (NULL);
  g_autoptr(AugurResultCache) reopened = NULL;
  g_autoptr(AugurPrediction) prediction = classifier_prediction (VERSION_A, 1);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = key_for ("hello", VERSION_A);

  augur_result_cache_store_async (cache, key, prediction, NULL, store_result_cb, &result);
  /* Serialized already: changing the prediction now does not change what is stored. */
  augur_prediction_set_text (prediction, "changed afterwards");
  g_assert_true (augur_result_cache_store_finish (cache, wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  g_ptr_array_add (keys, key_for ("miss", VERSION_A));
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (keys, g_strdup (key));

  reopened = augur_result_cache_new (NULL);
  augur_result_cache_lookup_async (reopened, keys, NULL, store_result_cb, &result);
  found = augur_result_cache_lookup_finish (reopened, wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_null (g_ptr_array_index (found, 0));
  g_assert_null (g_ptr_array_index (found, 1));
  g_assert_nonnull (g_ptr_array_index (found, 2));
  g_assert_true (augur_prediction_get_cached (g_ptr_array_index (found, 2)));
  g_assert_null (augur_prediction_get_text (g_ptr_array_index (found, 2)));
}

/* The settings' part of a key can be worked out once per run: same keys. */
static void
test_key_with_settings_key (void)
{
  g_autoptr(AugurModelRef) ref = model_ref ();
  g_autoptr(AugurSettings) settings = augur_settings_new ();
  const char *hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  g_autofree char *settings_key = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *key = NULL;
  g_autofree char *other = NULL;

  augur_settings_set_param_double (settings, AUGUR_PARAM_TEMPERATURE, 0.7);
  settings_key = augur_settings_to_key (settings);
  expected = augur_result_cache_make_key (hash, ref, VERSION_A, settings);
  key = augur_result_cache_make_key_with_settings_key (hash, ref, VERSION_A, settings_key);
  other = augur_result_cache_make_key_with_settings_key (hash, ref, VERSION_B, settings_key);

  g_assert_cmpstr (key, ==, expected);
  g_assert_cmpstr (other, !=, expected);
  g_assert_null (augur_result_cache_make_key_with_settings_key (hash, ref, NULL, settings_key));
}

/* Whether a cache reading only the disk finds every key (files are renamed into place, so
 * counting them would also count one still being written). */
static gboolean
all_on_disk (GPtrArray *keys)
{
  g_autoptr(AugurResultCache) fresh = augur_result_cache_new (NULL);

  for (guint i = 0; i < keys->len; i++)
    if (!is_cached (fresh, g_ptr_array_index (keys, i)))
      return FALSE;
  return TRUE;
}

/* Stores queued for a worker thread: found at once (before they reach the disk), then on
 * disk for a fresh cache, in full. */
static void
test_store_later (void)
{
  g_autoptr(AugurResultCache) cache = augur_result_cache_new (NULL);
  g_autoptr(AugurResultCache) reopened = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AugurPrediction) failed = classifier_prediction (VERSION_A, 99);
  g_autoptr(GError) input_error = g_error_new_literal (AUGUR_ERROR, AUGUR_ERROR_BAD_INPUT, "bad");
  g_autofree char *failed_key = key_for ("failed", VERSION_A);
  guint64 n_bytes;
  gint64 deadline;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *content = g_strdup_printf ("later %u", i);
      g_autoptr(AugurPrediction) prediction = classifier_prediction (VERSION_A, i);
      g_autoptr(AugurPrediction) found = NULL;
      char *key = key_for (content, VERSION_A);

      g_ptr_array_add (keys, key);
      augur_result_cache_store_later (cache, key, prediction);
      found = augur_result_cache_lookup (cache, key);
      g_assert_nonnull (found);
      g_assert_true (augur_prediction_get_cached (found));
    }
  augur_prediction_set_error (failed, input_error);
  augur_result_cache_store_later (cache, failed_key, failed);
  g_assert_false (is_cached (cache, failed_key));

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!all_on_disk (keys))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  reopened = augur_result_cache_new (NULL);
  for (guint i = 0; i < keys->len; i++)
    {
      g_autoptr(AugurPrediction) found = augur_result_cache_lookup (reopened, g_ptr_array_index (keys, i));
      g_autofree char *name = g_strdup_printf ("concept %u", i);

      g_assert_nonnull (found);
      g_assert_cmpstr (augur_concept_get_name (g_ptr_array_index (augur_prediction_get_concepts (found), 0)),
                       ==, name);
    }
  g_assert_false (is_cached (reopened, failed_key));
  g_assert_cmpuint (count_entries (reopened, &n_bytes), ==, 20);
}

static void
test_damaged_entry (void)
{
  g_autoptr(AugurResultCache) cache = augur_result_cache_new (NULL);
  g_autoptr(AugurResultCache) reopened = augur_result_cache_new (NULL);
  g_autoptr(AugurPrediction) prediction = classifier_prediction (VERSION_A, 1);
  g_autofree char *key = key_for ("hello", VERSION_A);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  store (cache, key, prediction);
  path = entry_path (cache, key);
  g_file_set_contents (path, "{\"concepts\": \"not a list\"", -1, &error);
  g_assert_no_error (error);

  g_assert_false (is_cached (reopened, key));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Tests: bounds ---------------------------------------------------------------------------- */

static void
delete_entry_file (AugurResultCache *cache,
                   const char       *key)
{
  g_autofree char *path = entry_path (cache, key);

  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_memory_lru (void)
{
  g_autoptr(AugurResultCache) cache = augur_result_cache_new (NULL);
  g_autoptr(AugurPrediction) prediction = classifier_prediction (VERSION_A, 1);
  char *keys[4];

  augur_result_cache_set_limits (cache, 0, 0, 2);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *content = g_strdup_printf ("input %u", i);

      keys[i] = key_for (content, VERSION_A);
    }

  store (cache, keys[0], prediction);
  store (cache, keys[1], prediction);
  store (cache, keys[2], prediction);
  /* Without the files, only what the memory layer still holds can answer. */
  for (guint i = 0; i < 3; i++)
    delete_entry_file (cache, keys[i]);
  g_assert_false (is_cached (cache, keys[0]));
  g_assert_true (is_cached (cache, keys[1]));
  g_assert_true (is_cached (cache, keys[2]));

  /* Using keys[1] keeps it; the next store pushes out keys[2]. */
  g_assert_true (is_cached (cache, keys[1]));
  store (cache, keys[3], prediction);
  delete_entry_file (cache, keys[3]);
  g_assert_true (is_cached (cache, keys[1]));
  g_assert_false (is_cached (cache, keys[2]));
  g_assert_true (is_cached (cache, keys[3]));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_free (keys[i]);
}

static void
test_disk_entries_bound (void)
{
  g_autoptr(AugurResultCache) cache = augur_result_cache_new (NULL);
  g_autoptr(AugurResultCache) reader = augur_result_cache_new (NULL);
  g_autoptr(AugurResultCache) fresh = augur_result_cache_new (NULL);
  g_autoptr(AugurPrediction) prediction = classifier_prediction (VERSION_A, 1);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  guint64 n_bytes;

  augur_result_cache_set_limits (cache, 10, 0, 0);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *content = g_strdup_printf ("input %u", i);

      g_ptr_array_add (keys, key_for (content, VERSION_A));
      store (cache, keys->pdata[i], prediction);
      set_age (cache, keys->pdata[i], 1000000 + i * 60);
    }
  g_assert_cmpuint (count_entries (cache, &n_bytes), ==, 10);

  /* Reading input 0 from disk makes it the most recently used. */
  g_assert_true (is_cached (reader, keys->pdata[0]));

  /* The eleventh goes over: the least recently used go until nine tenths are left. */
  g_ptr_array_add (keys, key_for ("input 10", VERSION_A));
  store (cache, keys->pdata[10], prediction);
  g_assert_cmpuint (count_entries (cache, &n_bytes), ==, 9);
  g_assert_true (is_cached (fresh, keys->pdata[0]));
  g_assert_false (is_cached (fresh, keys->pdata[1]));
  g_assert_false (is_cached (fresh, keys->pdata[2]));
  for (guint i = 3; i <= 10; i++)
    g_assert_true (is_cached (fresh, keys->pdata[i]));
  /* The cache that trimmed forgets them in memory too. */
  g_assert_false (is_cached (cache, keys->pdata[1]));
}

static void
test_disk_bytes_bound (void)
{
  g_autoptr(AugurResultCache) cache = augur_result_cache_new (NULL);
  g_autoptr(AugurPrediction) prediction = classifier_prediction (VERSION_A, 1);
  g_autofree char *first_key = key_for ("input 0", VERSION_A);
  guint64 entry_size, limit, n_bytes;

  store (cache, first_key, prediction);
  g_assert_cmpuint (count_entries (cache, &entry_size), ==, 1);
  g_assert_cmpuint (entry_size, >, 100);

  limit = entry_size * 5 + entry_size / 2;
  augur_result_cache_set_limits (cache, 0, limit, 0);
  for (guint i = 1; i < 20; i++)
    {
      g_autofree char *content = g_strdup_printf ("input %u", i);
      g_autofree char *key = key_for (content, VERSION_A);

      store (cache, key, prediction);
      count_entries (cache, &n_bytes);
      g_assert_cmpuint (n_bytes, <=, limit);
    }
  g_assert_cmpuint (count_entries (cache, &n_bytes), >=, 3);
}

static void
test_clear (void)
{
  g_autoptr(AugurResultCache) cache = augur_result_cache_new (NULL);
  g_autoptr(AugurPrediction) prediction = classifier_prediction (VERSION_A, 1);
  g_autofree char *key = key_for ("hello", VERSION_A);
  g_autoptr(GError) error = NULL;
  guint64 n_bytes;

  store (cache, key, prediction);
  g_assert_true (augur_result_cache_clear (cache, &error));
  g_assert_no_error (error);
  g_assert_false (is_cached (cache, key));
  g_assert_cmpuint (count_entries (cache, &n_bytes), ==, 0);
}

/* Tests: with a batch ---------------------------------------------------------------------- */

typedef struct
{
  AugurTestServer *server;
  AugurClient     *client;
  AugurModelRef   *ref;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(AugurConfig) config = augur_config_new ();
  g_autoptr(GError) error = NULL;

  fixture->server = augur_test_server_new (NULL);
  augur_config_set_base_url (config, augur_test_server_get_base_url (fixture->server));
  augur_config_set_token (config, AUGUR_TEST_TOKEN);
  fixture->client = augur_client_new (config, &error);
  g_assert_no_error (error);
  fixture->ref = model_ref ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->ref, augur_model_ref_free);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, augur_test_server_free);
}

static GPtrArray *
hash_all (GPtrArray *inputs)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *hashes;

  augur_result_cache_hash_inputs_async (inputs, NULL, store_result_cb, &result);
  hashes = augur_result_cache_hash_inputs_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);
  return hashes;
}

static GPtrArray *
keys_for (GPtrArray     *hashes,
          AugurModelRef *ref,
          const char    *version_id,
          AugurSettings *settings)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < hashes->len; i++)
    g_ptr_array_add (keys, augur_result_cache_make_key (g_ptr_array_index (hashes, i), ref,
                                                        version_id, settings));
  return keys;
}

static GPtrArray *
lookup_all (AugurResultCache *cache,
            GPtrArray        *keys)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *found;

  augur_result_cache_lookup_async (cache, keys, NULL, store_result_cb, &result);
  found = augur_result_cache_lookup_finish (cache, wait_for_result (&result), &error);
  g_assert_no_error (error);
  return found;
}

/* Dropping the same files again (renamed, even) is answered from the cache: no request. */
static void
test_second_drop_is_free (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurResultCache) cache = augur_result_cache_new (NULL);
  g_autoptr(AugurBatch) batch = NULL;
  g_autoptr(AugurSettings) fewer = augur_settings_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hashes = NULL;
  g_autoptr(GPtrArray) again_hashes = NULL;
  g_autoptr(GPtrArray) again_keys = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) other_keys = NULL;
  g_autoptr(GPtrArray) other_found = NULL;
  GPtrArray *results;
  guint n_requests;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("note-%u.txt", i);
      g_autofree char *copy = g_strdup_printf ("copy of note-%u.txt", i);
      g_autofree char *text = g_strdup_printf ("note number %u", i);

      g_ptr_array_add (inputs, file_input (name, text));
      g_ptr_array_add (again, file_input (copy, text));
    }

  batch = augur_batch_new (fixture->client, fixture->ref, NULL, NULL, inputs);
  augur_batch_run_async (batch, NULL, store_result_cb, &result);
  g_assert_true (augur_batch_run_finish (batch, wait_for_result (&result), &error));
  g_assert_no_error (error);

  hashes = hash_all (inputs);
  results = augur_batch_get_results (batch);
  for (guint i = 0; i < results->len; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (results, i);
      g_autofree char *key = augur_result_cache_make_key (g_ptr_array_index (hashes, i),
                                                          fixture->ref,
                                                          augur_prediction_get_version_id (prediction),
                                                          NULL);

      g_assert_cmpstr (augur_prediction_get_version_id (prediction), ==, AUGUR_TEST_VERSION_LATEST);
      store (cache, key, prediction);
    }
  n_requests = augur_test_server_count_requests (fixture->server, NULL);

  /* "Latest" resolved to its version id, as the window does before looking up. */
  again_hashes = hash_all (again);
  again_keys = keys_for (again_hashes, fixture->ref, AUGUR_TEST_VERSION_LATEST, NULL);
  found = lookup_all (cache, again_keys);
  for (guint i = 0; i < found->len; i++)
    {
      AugurPrediction *cached = g_ptr_array_index (found, i);
      AugurPrediction *original = g_ptr_array_index (results, i);
      GPtrArray *cached_concepts, *original_concepts;

      g_assert_nonnull (cached);
      g_assert_true (augur_prediction_get_cached (cached));
      cached_concepts = augur_prediction_get_concepts (cached);
      original_concepts = augur_prediction_get_concepts (original);
      g_assert_cmpuint (cached_concepts->len, ==, original_concepts->len);
      for (guint j = 0; j < cached_concepts->len; j++)
        {
          g_assert_cmpstr (augur_concept_get_id (g_ptr_array_index (cached_concepts, j)), ==,
                           augur_concept_get_id (g_ptr_array_index (original_concepts, j)));
          g_assert_cmpfloat (augur_concept_get_value (g_ptr_array_index (cached_concepts, j)), ==,
                             augur_concept_get_value (g_ptr_array_index (original_concepts, j)));
        }
    }
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, NULL), ==, n_requests);

  /* Other settings, or the older version, are other results. */
  augur_settings_set_max_concepts (fewer, 3);
  other_keys = keys_for (again_hashes, fixture->ref, AUGUR_TEST_VERSION_LATEST, fewer);
  other_found = lookup_all (cache, other_keys);
  for (guint i = 0; i < other_found->len; i++)
    g_assert_null (g_ptr_array_index (other_found, i));
  g_clear_pointer (&other_keys, g_ptr_array_unref);
  g_clear_pointer (&other_found, g_ptr_array_unref);

  other_keys = keys_for (again_hashes, fixture->ref, AUGUR_TEST_VERSION_OLDER, NULL);
  other_found = lookup_all (cache, other_keys);
  for (guint i = 0; i < other_found->len; i++)
    g_assert_null (g_ptr_array_index (other_found, i));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/result-cache/hash/same-content", test_hash_same_content);
  g_test_add_func ("/result-cache/hash/large-file", test_hash_large_file);
  g_test_add_func ("/result-cache/hash/async", test_hash_inputs_async);
  g_test_add_func ("/result-cache/hash/cancelled-before", test_hash_cancelled_before);
  g_test_add_func ("/result-cache/hash/cancelled-midway", test_hash_cancelled_midway);
  g_test_add_func ("/result-cache/key", test_key);
  g_test_add_func ("/result-cache/store-and-lookup", test_store_and_lookup);
  g_test_add_func ("/result-cache/failed-not-cached", test_failed_not_cached);
  g_test_add_func ("/result-cache/async", test_async);
  g_test_add_func ("/result-cache/key-with-settings-key", test_key_with_settings_key);
  g_test_add_func ("/result-cache/store-later", test_store_later);
  g_test_add_func ("/result-cache/damaged-entry", test_damaged_entry);
  g_test_add_func ("/result-cache/bounds/memory-lru", test_memory_lru);
  g_test_add_func ("/result-cache/bounds/disk-entries", test_disk_entries_bound);
  g_test_add_func ("/result-cache/bounds/disk-bytes", test_disk_bytes_bound);
  g_test_add_func ("/result-cache/clear", test_clear);
  g_test_add ("/result-cache/second-drop-is-free", Fixture, NULL,
              fixture_set_up, test_second_drop_is_free, fixture_tear_down);

  return g_test_run ();
}
