/* test-config.c: defaults, the CLARIFAI_* environment, and the messages that explain a
 * setting that cannot work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "augur-config.h"
#include "augur-error.h"

static void
unset_environment (void)
{
  g_unsetenv ("CLARIFAI_PAT");
  g_unsetenv ("CLARIFAI_API_BASE");
  g_unsetenv ("CLARIFAI_ROOT_CERTIFICATES_PATH");
}

static char *
ca_path (void)
{
  const char *dir = g_getenv ("TEST_CERT_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, "ca.pem", NULL);
}

static void
test_defaults (void)
{
  g_autoptr(AugurConfig) config = augur_config_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (augur_config_get_base_url (config), ==, "https://api.clarifai.com");
  g_assert_cmpuint (augur_config_get_timeout (config), ==, AUGUR_DEFAULT_TIMEOUT_S);
  g_assert_cmpstr (augur_config_get_user_agent (config), ==, "Augur/" PACKAGE_VERSION);
  g_assert_cmpuint (augur_config_get_max_conns (config), ==, 8);
  g_assert_null (augur_config_get_token (config));
  g_assert_null (augur_config_get_root_ca_path (config));
  g_assert_cmpint (augur_config_get_env_sources (config), ==, AUGUR_CONFIG_FROM_ENV_NONE);
  g_assert_true (augur_config_validate (config, &error));
  g_assert_no_error (error);
}

static void
test_environment (void)
{
  g_autoptr(AugurConfig) config = augur_config_new ();
  g_autofree char *ca = ca_path ();

  g_setenv ("CLARIFAI_PAT", "env-token-123", TRUE);
  g_setenv ("CLARIFAI_API_BASE", "https://onprem.example.com:8443", TRUE);
  g_setenv ("CLARIFAI_ROOT_CERTIFICATES_PATH", ca, TRUE);
  augur_config_apply_environment (config);
  unset_environment ();

  g_assert_cmpstr (augur_config_get_token (config), ==, "env-token-123");
  g_assert_cmpstr (augur_config_get_base_url (config), ==, "https://onprem.example.com:8443");
  g_assert_cmpstr (augur_config_get_root_ca_path (config), ==, ca);
  g_assert_cmpint (augur_config_get_env_sources (config), ==,
                   AUGUR_CONFIG_FROM_ENV_TOKEN | AUGUR_CONFIG_FROM_ENV_BASE_URL
                   | AUGUR_CONFIG_FROM_ENV_ROOT_CA);
  g_assert_true (augur_config_validate (config, NULL));
}

static void
test_environment_partial_and_empty (void)
{
  g_autoptr(AugurConfig) config = augur_config_new ();

  augur_config_set_token (config, "from-preferences");
  g_setenv ("CLARIFAI_PAT", "", TRUE);
  g_setenv ("CLARIFAI_API_BASE", "https://api.example.com", TRUE);
  g_setenv ("CLARIFAI_ROOT_CERTIFICATES_PATH", "", TRUE);
  augur_config_apply_environment (config);
  unset_environment ();

  /* empty variables are as good as unset */
  g_assert_cmpstr (augur_config_get_token (config), ==, "from-preferences");
  g_assert_null (augur_config_get_root_ca_path (config));
  g_assert_cmpstr (augur_config_get_base_url (config), ==, "https://api.example.com");
  g_assert_cmpint (augur_config_get_env_sources (config), ==, AUGUR_CONFIG_FROM_ENV_BASE_URL);
}

static void
test_environment_bare_host (void)
{
  static const struct { const char *value; const char *base_url; } cases[] = {
    { "api.example.com", "https://api.example.com" },
    { "onprem.internal:8443", "https://onprem.internal:8443" },
    { "  api.example.com  ", "https://api.example.com" },
    { "http://plain.internal:8080", "http://plain.internal:8080" },
    { "https://api.clarifai.com", "https://api.clarifai.com" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AugurConfig) config = augur_config_new ();

      g_setenv ("CLARIFAI_API_BASE", cases[i].value, TRUE);
      augur_config_apply_environment (config);
      unset_environment ();
      g_assert_cmpstr (augur_config_get_base_url (config), ==, cases[i].base_url);
      g_assert_true (augur_config_validate (config, NULL));
    }
}

static void
test_base_url_accepted (void)
{
  static const char *const urls[] = {
    "https://api.clarifai.com",
    "https://api.clarifai.com/",
    "http://127.0.0.1:8080",
    "HTTPS://API.Clarifai.com",
    "https://[::1]:8443",
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(AugurConfig) config = augur_config_new ();
      g_autoptr(GError) error = NULL;

      augur_config_set_base_url (config, urls[i]);
      g_assert_true (augur_config_validate (config, &error));
      g_assert_no_error (error);
    }
}

static void
test_base_url_rejected (void)
{
  static const struct { const char *url; const char *message; } cases[] = {
    { "https://api.clarifai.com/v2",
      "The base URL “https://api.clarifai.com/v2” has a path (/v2); use just the server address, "
      "like https://api.clarifai.com" },
    { "https://api.clarifai.com/v2/", "has a path (/v2/)" },
    { "api.clarifai.com", "has no scheme; write it like https://api.clarifai.com" },
    { "ftp://files.example.com", "must start with https://" },
    { "https://host?x=1", "has a query or a fragment" },
    { "https://host#top", "has a query or a fragment" },
    { "https://", "has no host name" },
    { "https:///v2", "has no host name" },
    { "https://exa mple.com", "has an invalid host name" },
    { "https://exa%20mple.com", "has an invalid host name" },
    { "https://[nonsense", "is not a valid URL" },
    { "", "No server address" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AugurConfig) config = augur_config_new ();
      g_autoptr(GError) error = NULL;

      augur_config_set_base_url (config, cases[i].url);
      g_test_message ("%s", cases[i].url);
      g_assert_false (augur_config_validate (config, &error));
      g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT);
      g_test_message ("→ %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_base_url_user_info_not_echoed (void)
{
  g_autoptr(AugurConfig) config = augur_config_new ();
  g_autoptr(GError) error = NULL;

  augur_config_set_base_url (config, "https://me:s3cret-pass@api.clarifai.com");
  g_assert_false (augur_config_validate (config, &error));
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "user name or password"));
  g_assert_null (strstr (error->message, "s3cret-pass"));
}

static void
test_root_ca (void)
{
  g_autoptr(AugurConfig) config = augur_config_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ca = ca_path ();
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *expected = NULL;

  augur_config_set_root_ca_path (config, ca);
  g_assert_true (augur_config_validate (config, &error));
  g_assert_no_error (error);

  augur_config_set_root_ca_path (config, "/nonexistent/ca.pem");
  g_assert_false (augur_config_validate (config, &error));
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "“/nonexistent/ca.pem” does not exist"));
  g_clear_error (&error);

  augur_config_set_root_ca_path (config, g_getenv ("TEST_CERT_DIR"));
  g_assert_false (augur_config_validate (config, &error));
  g_assert_nonnull (strstr (error->message, "is not a file"));
  g_clear_error (&error);

  /* relative paths become absolute (g_tls_file_database_new() needs that) */
  augur_config_set_root_ca_path (config, "certs/../ca.pem");
  expected = g_build_filename (cwd, "ca.pem", NULL);
  g_assert_cmpstr (augur_config_get_root_ca_path (config), ==, expected);

  augur_config_set_root_ca_path (config, "");
  g_assert_null (augur_config_get_root_ca_path (config));
  augur_config_set_root_ca_path (config, NULL);
  g_assert_null (augur_config_get_root_ca_path (config));
  g_assert_true (augur_config_validate (config, NULL));
}

static void
test_build_url (void)
{
  static const struct { const char *base; const char *path; const char *url; } cases[] = {
    { "https://api.clarifai.com", "/v2/models", "https://api.clarifai.com/v2/models" },
    { "https://api.clarifai.com/", "/v2/models", "https://api.clarifai.com/v2/models" },
    { "https://api.clarifai.com//", "v2/models", "https://api.clarifai.com/v2/models" },
    { "https://api.clarifai.com", "//v2/models?page=2&search=a%20b",
      "https://api.clarifai.com/v2/models?page=2&search=a%20b" },
    { "http://127.0.0.1:8080/", NULL, "http://127.0.0.1:8080" },
    { "http://127.0.0.1:8080", "/", "http://127.0.0.1:8080" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AugurConfig) config = augur_config_new ();
      g_autofree char *url = NULL;

      augur_config_set_base_url (config, cases[i].base);
      url = augur_config_build_url (config, cases[i].path);
      g_assert_cmpstr (url, ==, cases[i].url);
    }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_setters_notify (void)
{
  g_autoptr(AugurConfig) config = augur_config_new ();
  guint count = 0;

  g_signal_connect (config, "notify", G_CALLBACK (count_notify_cb), &count);
  augur_config_set_timeout (config, 5);
  augur_config_set_timeout (config, 5);
  g_assert_cmpuint (count, ==, 1);
  augur_config_set_token (config, "t");
  augur_config_set_token (config, "t");
  g_assert_cmpuint (count, ==, 2);
  augur_config_set_token (config, "");
  g_assert_null (augur_config_get_token (config));
  g_assert_cmpuint (count, ==, 3);
  augur_config_set_base_url (config, "https://a.example.com");
  augur_config_set_base_url (config, NULL);
  g_assert_cmpstr (augur_config_get_base_url (config), ==, AUGUR_DEFAULT_BASE_URL);
  g_assert_cmpuint (count, ==, 5);
  augur_config_set_max_conns (config, 16);
  augur_config_set_max_conns (config, 16);
  g_assert_cmpuint (count, ==, 6);
  g_object_set (config, "user-agent", "Test/1", NULL);
  g_assert_cmpstr (augur_config_get_user_agent (config), ==, "Test/1");
  g_assert_cmpuint (count, ==, 7);
}

static void
test_copy (void)
{
  g_autoptr(AugurConfig) config = augur_config_new ();
  g_autoptr(AugurConfig) copy = NULL;
  g_autofree char *ca = ca_path ();

  g_setenv ("CLARIFAI_PAT", "env-token", TRUE);
  augur_config_apply_environment (config);
  unset_environment ();
  augur_config_set_base_url (config, "https://onprem.example.com");
  augur_config_set_root_ca_path (config, ca);
  augur_config_set_timeout (config, 12);
  augur_config_set_max_conns (config, 3);
  augur_config_set_user_agent (config, "Test/2");

  copy = augur_config_copy (config);
  g_assert_true (copy != config);
  g_assert_cmpstr (augur_config_get_token (copy), ==, "env-token");
  g_assert_cmpstr (augur_config_get_base_url (copy), ==, "https://onprem.example.com");
  g_assert_cmpstr (augur_config_get_root_ca_path (copy), ==, ca);
  g_assert_cmpuint (augur_config_get_timeout (copy), ==, 12);
  g_assert_cmpuint (augur_config_get_max_conns (copy), ==, 3);
  g_assert_cmpstr (augur_config_get_user_agent (copy), ==, "Test/2");
  g_assert_cmpint (augur_config_get_env_sources (copy), ==, AUGUR_CONFIG_FROM_ENV_TOKEN);
}

/* What logs, journals and exports may show of a base URL: never a user name or password. */
static void
test_public_base_url (void)
{
  g_autofree char *full = augur_base_url_dup_public ("https://key:s3cret@clarifai.example.com:8443/api?x=1#top");
  g_autofree char *plain = augur_base_url_dup_public ("https://api.clarifai.com");

  g_assert_cmpstr (full, ==, "https://clarifai.example.com:8443/api");
  g_assert_null (strstr (full, "s3cret"));
  g_assert_cmpstr (plain, ==, "https://api.clarifai.com");
  g_assert_null (augur_base_url_dup_public (NULL));
  g_assert_null (augur_base_url_dup_public ("not a url"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  unset_environment ();

  g_test_add_func ("/config/defaults", test_defaults);
  g_test_add_func ("/config/environment/all", test_environment);
  g_test_add_func ("/config/environment/partial-and-empty", test_environment_partial_and_empty);
  g_test_add_func ("/config/environment/bare-host", test_environment_bare_host);
  g_test_add_func ("/config/base-url/accepted", test_base_url_accepted);
  g_test_add_func ("/config/base-url/rejected", test_base_url_rejected);
  g_test_add_func ("/config/base-url/user-info-not-echoed", test_base_url_user_info_not_echoed);
  g_test_add_func ("/config/root-ca", test_root_ca);
  g_test_add_func ("/config/build-url", test_build_url);
  g_test_add_func ("/config/setters-notify", test_setters_notify);
  g_test_add_func ("/config/copy", test_copy);
  g_test_add_func ("/config/public-base-url", test_public_base_url);

  return g_test_run ();
}
