/* test-tls.c: HTTPS against the fake server with a test CA: the client must refuse an
 * unknown issuer with a message that says what to do, accept the server once its root CA
 * file is chosen, and still trust the system store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "augur-client.h"
#include "augur-client-private.h"
#include "augur-config.h"
#include "augur-error.h"
#include "augur-model-ref.h"
#include "augur-status.h"
#include "augur-test-server.h"

#define PREDICT_BODY "{\"inputs\":[{\"data\":{\"text\":{\"raw\":\"hello\"}}}]}"
#define SYSTEM_BUNDLE "/etc/ssl/certs/ca-certificates.crt"

typedef struct
{
  AugurTestServer *server;
  AugurConfig     *config;
  AugurModelRef   *ref;
} Fixture;

static char *
cert_path (const char *name)
{
  const char *dir = g_getenv ("TEST_CERT_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static gboolean
have_tls (void)
{
  if (g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    return TRUE;
  g_test_skip ("No TLS backend (install glib-networking)");
  return FALSE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *certificate_file = cert_path ("server.pem");
  g_autofree char *key_file = cert_path ("server.key");
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    return;
  certificate = g_tls_certificate_new_from_files (certificate_file, key_file, &error);
  g_assert_no_error (error);
  f->server = augur_test_server_new (certificate);
  g_assert_true (g_str_has_prefix (augur_test_server_get_base_url (f->server), "https://"));
  f->config = augur_config_new ();
  augur_config_set_base_url (f->config, augur_test_server_get_base_url (f->server));
  augur_config_set_token (f->config, AUGUR_TEST_TOKEN);
  f->ref = augur_model_ref_new ("meta", "Llama-3", "llama-3-8b-instruct", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->config);
  g_clear_pointer (&f->ref, augur_model_ref_free);
  g_clear_pointer (&f->server, augur_test_server_free);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static AugurPredictReply *
predict (Fixture  *f,
         GError  **error)
{
  g_autoptr(AugurClient) client = augur_client_new (f->config, error);
  g_autoptr(GBytes) body = g_bytes_new_static (PREDICT_BODY, strlen (PREDICT_BODY));
  g_autoptr(GAsyncResult) result = NULL;
  AugurPredictReply *reply;

  g_assert_nonnull (client);
  augur_client_post_outputs_async (client, f->ref, body, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  reply = augur_client_post_outputs_finish (client, result, error);
  if (reply == NULL)
    {
      g_assert_null (strstr ((*error)->message, AUGUR_TEST_TOKEN));
      g_test_message ("error: %s", (*error)->message);
    }
  return reply;
}

static void
test_unknown_issuer (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;

  if (!have_tls ())
    return;
  reply = predict (f, &error);
  g_assert_null (reply);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "unknown authority"));
  g_assert_nonnull (strstr (error->message, "root CA file"));
  /* refused before any request reached the handler */
  g_assert_cmpuint (augur_test_server_count_requests (f->server, NULL), ==, 0);
}

static void
test_other_ca (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *other_ca = cert_path ("other-ca.pem");
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;

  if (!have_tls ())
    return;
  augur_config_set_root_ca_path (f->config, other_ca);
  reply = predict (f, &error);
  g_assert_null (reply);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "unknown authority"));
  g_assert_cmpuint (augur_test_server_count_requests (f->server, NULL), ==, 0);
}

static void
test_right_ca (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *ca = cert_path ("ca.pem");
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;
  g_autoptr(GPtrArray) requests = NULL;

  if (!have_tls ())
    return;
  augur_config_set_root_ca_path (f->config, ca);
  reply = predict (f, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reply->status->code, ==, AUGUR_STATUS_SUCCESS);
  requests = augur_test_server_get_requests (f->server);
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_cmpstr (((AugurTestRequest *) g_ptr_array_index (requests, 0))->authorization, ==,
                   "Key " AUGUR_TEST_TOKEN);
}

static void
test_relative_ca_path (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPredictReply) reply = NULL;

  if (!have_tls ())
    return;
  /* g_tls_file_database_new() warns on relative paths; the config makes them absolute */
  g_assert_cmpint (g_chdir (g_getenv ("TEST_CERT_DIR")), ==, 0);
  augur_config_set_root_ca_path (f->config, "./ca.pem");
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_true (g_path_is_absolute (augur_config_get_root_ca_path (f->config)));
  reply = predict (f, &error);
  g_assert_no_error (error);
}

static GTlsCertificate *
first_system_root (void)
{
  g_autoptr(GError) error = NULL;
  GList *certificates;
  GTlsCertificate *first;

  if (!g_file_test (SYSTEM_BUNDLE, G_FILE_TEST_EXISTS))
    return NULL;
  certificates = g_tls_certificate_list_new_from_file (SYSTEM_BUNDLE, &error);
  g_assert_no_error (error);
  if (certificates == NULL)
    return NULL;
  first = g_object_ref (certificates->data);
  g_list_free_full (certificates, g_object_unref);
  return first;
}

static void
test_system_store_still_trusted (void)
{
  g_autofree char *ca = cert_path ("ca.pem");
  g_autofree char *server_file = cert_path ("server.pem");
  g_autoptr(GTlsDatabase) combined = NULL;
  g_autoptr(GTlsDatabase) file_only = NULL;
  g_autoptr(GTlsDatabase) system = NULL;
  g_autoptr(GTlsCertificate) system_root = NULL;
  g_autoptr(GTlsCertificate) server_certificate = NULL;
  g_autoptr(GError) error = NULL;
  GTlsCertificateFlags flags;

  if (!have_tls ())
    return;
  system = g_tls_backend_get_default_database (g_tls_backend_get_default ());
  system_root = first_system_root ();
  if (system_root == NULL)
    {
      g_test_skip ("No system CA bundle at " SYSTEM_BUNDLE);
      return;
    }
  flags = g_tls_database_verify_chain (system, system_root, G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER,
                                       NULL, NULL, G_TLS_DATABASE_VERIFY_NONE, NULL, &error);
  g_assert_no_error (error);
  if (flags != 0)
    {
      g_test_skip ("The system store does not trust its own first root here");
      return;
    }

  combined = _augur_tls_database_new_combined (ca, &error);
  g_assert_no_error (error);
  file_only = g_tls_file_database_new (ca, &error);
  g_assert_no_error (error);

  /* a public root: the file alone does not know it, the combined database does */
  flags = g_tls_database_verify_chain (file_only, system_root,
                                       G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER, NULL, NULL,
                                       G_TLS_DATABASE_VERIFY_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (flags & G_TLS_CERTIFICATE_UNKNOWN_CA);
  flags = g_tls_database_verify_chain (combined, system_root,
                                       G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER, NULL, NULL,
                                       G_TLS_DATABASE_VERIFY_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags, ==, 0);

  /* and the private server, which the system store does not know */
  server_certificate = g_tls_certificate_new_from_file (server_file, &error);
  g_assert_no_error (error);
  flags = g_tls_database_verify_chain (system, server_certificate,
                                       G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER, NULL, NULL,
                                       G_TLS_DATABASE_VERIFY_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (flags & G_TLS_CERTIFICATE_UNKNOWN_CA);
  flags = g_tls_database_verify_chain (combined, server_certificate,
                                       G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER, NULL, NULL,
                                       G_TLS_DATABASE_VERIFY_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags, ==, 0);
}

static void
test_client_uses_combined_database (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *ca = cert_path ("ca.pem");
  g_autoptr(AugurClient) plain = NULL;
  g_autoptr(AugurClient) with_ca = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) system_root = NULL;
  GTlsCertificateFlags flags;

  if (!have_tls ())
    return;
  plain = augur_client_new (f->config, &error);
  g_assert_no_error (error);
  g_assert_null (_augur_client_get_tls_database (plain));

  augur_config_set_root_ca_path (f->config, ca);
  with_ca = augur_client_new (f->config, &error);
  g_assert_no_error (error);
  g_assert_nonnull (_augur_client_get_tls_database (with_ca));

  system_root = first_system_root ();
  if (system_root == NULL)
    return;
  flags = g_tls_database_verify_chain (_augur_client_get_tls_database (with_ca), system_root,
                                       G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER, NULL, NULL,
                                       G_TLS_DATABASE_VERIFY_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (flags & G_TLS_CERTIFICATE_UNKNOWN_CA);
}

static void
test_missing_ca_file (void)
{
  g_autoptr(AugurConfig) config = augur_config_new ();
  g_autoptr(AugurClient) client = NULL;
  g_autoptr(GError) error = NULL;

  augur_config_set_root_ca_path (config, "/nonexistent/augur/ca.pem");
  g_assert_false (augur_config_validate (config, &error));
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/augur/ca.pem"));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  client = augur_client_new (config, &error);
  g_assert_null (client);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT);
}

static void
test_ca_file_not_pem (void)
{
  g_autoptr(AugurConfig) config = augur_config_new ();
  g_autoptr(AugurClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "not-a-ca.pem", NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_file_set_contents (path, "this is not a certificate\n", -1, &error);
  g_assert_no_error (error);
  augur_config_set_root_ca_path (config, path);
  g_assert_true (augur_config_validate (config, &error));
  g_assert_no_error (error);

  client = augur_client_new (config, &error);
  g_assert_null (client);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, path));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/tls/unknown-issuer", Fixture, NULL, fixture_set_up, test_unknown_issuer,
              fixture_tear_down);
  g_test_add ("/tls/other-ca", Fixture, NULL, fixture_set_up, test_other_ca, fixture_tear_down);
  g_test_add ("/tls/right-ca", Fixture, NULL, fixture_set_up, test_right_ca, fixture_tear_down);
  g_test_add ("/tls/relative-ca-path", Fixture, NULL, fixture_set_up, test_relative_ca_path,
              fixture_tear_down);
  g_test_add ("/tls/client-database", Fixture, NULL, fixture_set_up,
              test_client_uses_combined_database, fixture_tear_down);
  g_test_add_func ("/tls/system-store-still-trusted", test_system_store_still_trusted);
  g_test_add_func ("/tls/missing-ca-file", test_missing_ca_file);
  g_test_add_func ("/tls/ca-file-not-pem", test_ca_file_not_pem);

  return g_test_run ();
}
