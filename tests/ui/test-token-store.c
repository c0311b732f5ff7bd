/* test-token-store.c: the token in the keyring through the real libsecret API (its file
 * backend, so no keyring daemon is needed), and the session-only fallback when no Secret
 * Service can be reached. Each case runs in its own process: libsecret picks its backend once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>

#include "augur-token-store.h"

#define SERVER_A "https://api.clarifai.com"
#define SERVER_B "https://clarifai.example.com"

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
save (AugurTokenStore *store,
      const char      *base_url,
      const char      *token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  augur_token_store_save_async (store, base_url, token, NULL, store_result_cb, &result);
  g_assert_true (augur_token_store_save_finish (store, wait_for_result (&result), &error));
  g_assert_no_error (error);
}

static char *
lookup (AugurTokenStore *store,
        const char      *base_url)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  augur_token_store_lookup_async (store, base_url, NULL, store_result_cb, &result);
  token = augur_token_store_lookup_finish (store, wait_for_result (&result), &error);
  g_assert_no_error (error);
  return token;
}

static void
clear (AugurTokenStore *store,
       const char      *base_url)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  augur_token_store_clear_async (store, base_url, NULL, store_result_cb, &result);
  g_assert_true (augur_token_store_clear_finish (store, wait_for_result (&result), &error));
  g_assert_no_error (error);
}

static void
assert_lookup (AugurTokenStore *store,
               const char      *base_url,
               const char      *expected)
{
  g_autofree char *token = lookup (store, base_url);

  g_assert_cmpstr (token, ==, expected);
}

static void
test_keyring_round_trip (void)
{
  g_autoptr(AugurTokenStore) store = NULL;
  g_autoptr(AugurTokenStore) other = NULL;
  g_autofree char *path = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* libsecret's own test hook; it must be set before the first libsecret call. */
  path = g_build_filename (g_get_user_data_dir (), "keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", path, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test", TRUE);

  store = augur_token_store_new ();
  assert_lookup (store, SERVER_A, NULL);
  save (store, SERVER_A, "token-for-a");
  save (store, SERVER_B, "token-for-b");
  g_assert_true (augur_token_store_is_persistent (store));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A second store has no memory of its own: this reads the keyring. */
  other = augur_token_store_new ();
  assert_lookup (other, SERVER_A, "token-for-a");
  assert_lookup (other, SERVER_B, "token-for-b");

  /* Saving again replaces, per server. */
  save (store, SERVER_A, "new-token-for-a");
  assert_lookup (other, SERVER_A, "new-token-for-a");
  assert_lookup (other, SERVER_B, "token-for-b");

  clear (store, SERVER_A);
  assert_lookup (other, SERVER_A, NULL);
  assert_lookup (other, SERVER_B, "token-for-b");
  g_assert_true (augur_token_store_is_persistent (other));
}

static void
test_no_keyring_falls_back_to_memory (void)
{
  g_autoptr(AugurTokenStore) store = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* No file backend and a session bus that is not there: no Secret Service at all. */
  g_unsetenv ("SECRET_BACKEND");
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/augur-test-bus", TRUE);

  store = augur_token_store_new ();
  g_assert_true (augur_token_store_is_persistent (store));

  save (store, SERVER_A, "session-token");
  g_assert_false (augur_token_store_is_persistent (store));
  assert_lookup (store, SERVER_A, "session-token");
  assert_lookup (store, SERVER_B, NULL);

  clear (store, SERVER_A);
  assert_lookup (store, SERVER_A, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ui/token-store/keyring/round-trip", test_keyring_round_trip);
  g_test_add_func ("/ui/token-store/no-keyring/memory", test_no_keyring_falls_back_to_memory);

  return g_test_run ();
}
