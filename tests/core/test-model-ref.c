/* test-model-ref.c: every form of model reference a user may paste, and the paths built
 * from one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "augur-error.h"
#include "augur-model-ref.h"

typedef struct
{
  const char *text;
  const char *user_id;
  const char *app_id;
  const char *model_id;
  const char *version_id;
} Accepted;

static const Accepted accepted[] = {
  { "https://clarifai.com/clarifai/main/models/general-image-recognition",
    "clarifai", "main", "general-image-recognition", NULL },
  { "https://clarifai.com/clarifai/main/models/general-image-recognition/versions/aa7f35c01e0642fda5cf400f543e7c40",
    "clarifai", "main", "general-image-recognition", "aa7f35c01e0642fda5cf400f543e7c40" },
  { "https://clarifai.com/meta/Llama-3/models/llama-3-8b-instruct/",
    "meta", "Llama-3", "llama-3-8b-instruct", NULL },
  { "https://clarifai.com/u/a/models/m/versions/v/", "u", "a", "m", "v" },
  { "https://clarifai.com/u/a/models/m?tab=versions&x=1#top", "u", "a", "m", NULL },
  { "https://clarifai.com/u/a/models/m#versions", "u", "a", "m", NULL },
  { "http://clarifai.com/u/a/models/m", "u", "a", "m", NULL },
  { "HTTPS://Clarifai.com/u/a/models/m", "u", "a", "m", NULL },
  { "https://ui.example.internal:8443/team/vision/models/detector/versions/7",
    "team", "vision", "detector", "7" },
  { "https://clarifai.com/u/a/models/m%2Dx", "u", "a", "m-x", NULL },
  { "  https://clarifai.com/u/a/models/m\n", "u", "a", "m", NULL },
  { "clarifai/main/general-image-recognition", "clarifai", "main", "general-image-recognition", NULL },
  { "clarifai/main/general-image-recognition@aa7f35c01e0642fda5cf400f543e7c40",
    "clarifai", "main", "general-image-recognition", "aa7f35c01e0642fda5cf400f543e7c40" },
  { "my.user/app_1/model-x@ver.2", "my.user", "app_1", "model-x", "ver.2" },
  { "\tu/a/m  ", "u", "a", "m", NULL },
  { "anthropic/completion/models/claude-sonnet-4", "anthropic", "completion", "claude-sonnet-4", NULL },
  { "u/a/models/m/versions/v", "u", "a", "m", "v" },
};

static const char *const rejected[] = {
  "",
  "   ",
  "model",
  "u/a",
  "u/a/m/x",
  "u/a/m/x/y",
  "u//m",
  "/a/m",
  "u/a/",
  "u/a/m/",
  "u/a/m@",
  "u/a/@v",
  "u/a/m@v@w",
  "u/a/m@v w",
  "u a/b/c",
  "ü/a/m",
  "u/a/mödel",
  "u/a/модель",
  "u/a/m\xff",
  "u/a/models/m/versions",
  "u/a/models/m/extra/v",
  "https://clarifai.com",
  "https://clarifai.com/",
  "https://clarifai.com/u/a/models",
  "https://clarifai.com/u/a/models/",
  "https://clarifai.com/u/a/models/m/versions",
  "https://clarifai.com/u/a/models/m/versions/",
  "https://clarifai.com/u/a/models/m/versions/v/extra",
  "https://clarifai.com/u/a/models/m/outputs",
  "https://clarifai.com/u/a/modelz/m",
  "https://clarifai.com/u/a/workflows/w",
  "https://clarifai.com//a/models/m",
  "https://clarifai.com/u/a/models/m//",
  "https://clarifai.com/u/a/models/m%2Fx",
  "https://clarifai.com/u/a/models/m%20x",
  "https://clarifai.com/u/a/models/mödel",
  "https:///u/a/models/m",
  "ftp://clarifai.com/u/a/models/m",
  "file:///u/a/models/m",
  "clarifai.com/u/a/models/m",
};

static void
test_accepted (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      const Accepted *expected = &accepted[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(AugurModelRef) ref = augur_model_ref_parse (expected->text, &error);

      g_autofree char *printable = g_strescape (expected->text, NULL);

      g_test_message ("%s", printable);
      g_assert_no_error (error);
      g_assert_nonnull (ref);
      g_assert_cmpstr (ref->user_id, ==, expected->user_id);
      g_assert_cmpstr (ref->app_id, ==, expected->app_id);
      g_assert_cmpstr (ref->model_id, ==, expected->model_id);
      g_assert_cmpstr (ref->version_id, ==, expected->version_id);
    }
}

static void
test_rejected (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AugurModelRef) ref = augur_model_ref_parse (rejected[i], &error);

      g_autofree char *printable = g_strescape (rejected[i], NULL);

      g_test_message ("%s", printable);
      g_assert_null (ref);
      g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_error_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurModelRef) ref = augur_model_ref_parse ("clarifai/main", &error);

  g_assert_null (ref);
  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT);
  /* what was typed, and both accepted forms */
  g_assert_nonnull (strstr (error->message, "“clarifai/main”"));
  g_assert_nonnull (strstr (error->message, "https://clarifai.com/USER/APP/models/MODEL"));
  g_assert_nonnull (strstr (error->message, "/versions/VERSION"));
  g_assert_nonnull (strstr (error->message, "USER/APP/MODEL"));
  g_assert_nonnull (strstr (error->message, "@VERSION"));
  g_clear_error (&error);

  ref = augur_model_ref_parse ("u/a/m o", &error);
  g_assert_null (ref);
  g_assert_nonnull (strstr (error->message, "letters, digits"));
}

static void
test_to_string_and_url (void)
{
  g_autoptr(AugurModelRef) latest = augur_model_ref_new ("clarifai", "main", "general-image-recognition", NULL);
  g_autoptr(AugurModelRef) pinned = augur_model_ref_new ("u", "a", "m", "v1");
  g_autofree char *latest_string = augur_model_ref_to_string (latest);
  g_autofree char *pinned_string = augur_model_ref_to_string (pinned);
  g_autofree char *latest_url = augur_model_ref_to_url (latest);
  g_autofree char *pinned_url = augur_model_ref_to_url (pinned);

  g_assert_cmpstr (latest_string, ==, "clarifai/main/general-image-recognition");
  g_assert_cmpstr (pinned_string, ==, "u/a/m@v1");
  g_assert_cmpstr (latest_url, ==, "https://clarifai.com/clarifai/main/models/general-image-recognition");
  g_assert_cmpstr (pinned_url, ==, "https://clarifai.com/u/a/models/m/versions/v1");
}

static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(AugurModelRef) ref = augur_model_ref_parse (accepted[i].text, NULL);
      g_autofree char *text = augur_model_ref_to_string (ref);
      g_autofree char *url = augur_model_ref_to_url (ref);
      g_autoptr(AugurModelRef) from_text = augur_model_ref_parse (text, NULL);
      g_autoptr(AugurModelRef) from_url = augur_model_ref_parse (url, NULL);

      g_assert_true (augur_model_ref_equal (ref, from_text));
      g_assert_true (augur_model_ref_equal (ref, from_url));
    }
}

static void
test_build_path (void)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_new ("clarifai", "main", "general-image-recognition", "v1");
  g_autoptr(AugurModelRef) odd = augur_model_ref_new ("a b", "c/d", "e?f#g", "ü%");
  g_autofree char *with_version = augur_model_ref_build_path (ref, TRUE, "/outputs");
  g_autofree char *without_version = augur_model_ref_build_path (ref, FALSE, "/versions");
  g_autofree char *bare = augur_model_ref_build_path (ref, TRUE, NULL);
  g_autofree char *escaped = augur_model_ref_build_path (odd, TRUE, "/concepts");

  g_assert_cmpstr (with_version, ==,
                   "/v2/users/clarifai/apps/main/models/general-image-recognition/versions/v1/outputs");
  g_assert_cmpstr (without_version, ==,
                   "/v2/users/clarifai/apps/main/models/general-image-recognition/versions");
  g_assert_cmpstr (bare, ==, "/v2/users/clarifai/apps/main/models/general-image-recognition/versions/v1");
  g_assert_cmpstr (escaped, ==,
                   "/v2/users/a%20b/apps/c%2Fd/models/e%3Ff%23g/versions/%C3%BC%25/concepts");
}

static void
test_copy_equal_with_version (void)
{
  g_autoptr(AugurModelRef) ref = augur_model_ref_new ("u", "a", "m", NULL);
  g_autoptr(AugurModelRef) copy = augur_model_ref_copy (ref);
  g_autoptr(AugurModelRef) pinned = augur_model_ref_with_version (ref, "v2");
  g_autoptr(AugurModelRef) unpinned = augur_model_ref_with_version (pinned, NULL);
  g_autoptr(AugurModelRef) empty_version = augur_model_ref_new ("u", "a", "m", "");
  AugurModelRef *boxed = g_boxed_copy (AUGUR_TYPE_MODEL_REF, pinned);

  g_assert_true (copy != ref);
  g_assert_true (augur_model_ref_equal (ref, copy));
  g_assert_false (augur_model_ref_equal (ref, pinned));
  g_assert_cmpstr (pinned->version_id, ==, "v2");
  g_assert_null (ref->version_id);
  g_assert_true (augur_model_ref_equal (ref, unpinned));
  g_assert_null (empty_version->version_id);
  g_assert_true (augur_model_ref_equal (boxed, pinned));
  g_assert_true (augur_model_ref_equal (NULL, NULL));
  g_assert_false (augur_model_ref_equal (ref, NULL));
  g_boxed_free (AUGUR_TYPE_MODEL_REF, boxed);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model-ref/parse/accepted", test_accepted);
  g_test_add_func ("/model-ref/parse/rejected", test_rejected);
  g_test_add_func ("/model-ref/parse/error-message", test_error_message);
  g_test_add_func ("/model-ref/to-string-and-url", test_to_string_and_url);
  g_test_add_func ("/model-ref/round-trip", test_round_trip);
  g_test_add_func ("/model-ref/build-path", test_build_path);
  g_test_add_func ("/model-ref/copy-equal-with-version", test_copy_equal_with_version);

  return g_test_run ();
}
