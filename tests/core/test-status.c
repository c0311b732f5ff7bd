/* test-status.c: status codes, their names, retry classes, and errors that carry a status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "augur-error.h"
#include "augur-status.h"

static void
test_code_names (void)
{
  static const struct {
    int         code;
    const char *name;
  } cases[] = {
    { 10000, "SUCCESS" },
    { 10010, "MIXED_STATUS" },
    { 10020, "FAILURE" },
    { 11005, "CONN_THROTTLED" },
    { 11008, "CONN_KEY_INVALID" },
    { 21200, "MODEL_DOES_NOT_EXIST" },
    { 21355, "MODEL_LOADING" },
    { 30002, "INPUT_FAILED" },
    { 40032, "RPC_REQUEST_TIMEOUT" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (augur_status_code_name (cases[i].code), ==, cases[i].name);
      g_assert_cmpint (augur_status_code_from_name (cases[i].name), ==, cases[i].code);
    }
}

static void
test_unknown_codes (void)
{
  g_assert_null (augur_status_code_name (0));
  g_assert_null (augur_status_code_name (12345));
  g_assert_cmpint (augur_status_code_from_name ("NOT_A_STATUS"), ==, -1);
  g_assert_cmpint (augur_status_code_from_name (""), ==, -1);
  g_assert_cmpint (augur_status_code_from_name (NULL), ==, -1);
  /* names are case-sensitive, as in status_code.proto */
  g_assert_cmpint (augur_status_code_from_name ("conn_throttled"), ==, -1);
}

static void
test_retry_classes (void)
{
  g_assert_cmpint (augur_status_code_retry_class (11005), ==, AUGUR_RETRY_THROTTLE);
  g_assert_cmpint (augur_status_code_retry_class (11003), ==, AUGUR_RETRY_THROTTLE);
  g_assert_cmpint (augur_status_code_retry_class (21355), ==, AUGUR_RETRY_WARMUP);
  g_assert_cmpint (augur_status_code_retry_class (21351), ==, AUGUR_RETRY_WARMUP);
  g_assert_cmpint (augur_status_code_retry_class (21354), ==, AUGUR_RETRY_WARMUP);
  g_assert_cmpint (augur_status_code_retry_class (40032), ==, AUGUR_RETRY_TRANSIENT);
  g_assert_cmpint (augur_status_code_retry_class (98004), ==, AUGUR_RETRY_TRANSIENT);
  g_assert_cmpint (augur_status_code_retry_class (21200), ==, AUGUR_RETRY_NEVER);
  g_assert_cmpint (augur_status_code_retry_class (11008), ==, AUGUR_RETRY_NEVER);
  g_assert_cmpint (augur_status_code_retry_class (10000), ==, AUGUR_RETRY_NEVER);
  g_assert_cmpint (augur_status_code_retry_class (0), ==, AUGUR_RETRY_NEVER);
}

static void
test_auth_and_input_codes (void)
{
  g_assert_true (augur_status_code_is_auth (11008));
  g_assert_true (augur_status_code_is_auth (11009));
  g_assert_false (augur_status_code_is_auth (11005));
  g_assert_false (augur_status_code_is_auth (21200));

  g_assert_true (augur_status_code_is_input (30002));
  g_assert_true (augur_status_code_is_input (30104));
  g_assert_false (augur_status_code_is_input (30000));
  g_assert_false (augur_status_code_is_input (21200));
}

static void
test_is_success (void)
{
  g_autoptr(AugurStatus) success = augur_status_new (10000, "Ok", NULL, NULL);
  g_autoptr(AugurStatus) mixed = augur_status_new (10010, "Mixed Success", NULL, NULL);
  g_autoptr(AugurStatus) failure = augur_status_new (10020, "Failure", NULL, NULL);
  g_autoptr(AugurStatus) none = augur_status_new (0, NULL, NULL, NULL);

  g_assert_true (augur_status_is_success (success));
  g_assert_true (augur_status_is_success (mixed));
  g_assert_false (augur_status_is_success (failure));
  g_assert_false (augur_status_is_success (none));
  g_assert_false (augur_status_is_success (NULL));
}

static void
test_to_string (void)
{
  g_autoptr(AugurStatus) status = augur_status_new (21200, "Model does not exist",
                                                    "No model with id 'gen'",
                                                    "09715165a0d24a109f3951b61d73dfe8");
  g_autofree char *text = augur_status_to_string (status);

  g_assert_nonnull (strstr (text, "Model does not exist"));
  g_assert_nonnull (strstr (text, "MODEL_DOES_NOT_EXIST"));
  g_assert_nonnull (strstr (text, "21200"));
  g_assert_nonnull (strstr (text, "No model with id 'gen'"));
  g_assert_nonnull (strstr (text, "09715165a0d24a109f3951b61d73dfe8"));
}

static void
test_to_string_http_only (void)
{
  g_autoptr(AugurStatus) status = augur_status_new (0, NULL, NULL, NULL);
  g_autofree char *text = NULL;

  status->http_status = 502;
  text = augur_status_to_string (status);
  g_assert_nonnull (strstr (text, "502"));
}

static void
test_copy (void)
{
  g_autoptr(AugurStatus) status = augur_status_new (11005, "Making too many requests",
                                                    "exceeded limit", "req-1");
  g_autoptr(AugurStatus) copy = NULL;

  status->http_status = 429;
  copy = augur_status_copy (status);
  g_assert_true (copy != status);
  g_assert_cmpint (copy->code, ==, 11005);
  g_assert_cmpstr (copy->description, ==, "Making too many requests");
  g_assert_cmpstr (copy->details, ==, "exceeded limit");
  g_assert_cmpstr (copy->req_id, ==, "req-1");
  g_assert_cmpuint (copy->http_status, ==, 429);
}

static void
assert_status_is_throttled (const AugurStatus *status)
{
  g_assert_nonnull (status);
  g_assert_cmpint (status->code, ==, 11005);
  g_assert_cmpstr (status->description, ==, "Making too many requests");
  g_assert_cmpstr (status->details, ==, "exceeded limit of 15 requests per second");
  g_assert_cmpstr (status->req_id, ==, "830aebd82df444e0");
  g_assert_cmpuint (status->http_status, ==, 429);
}

static void
test_error_carries_status (void)
{
  g_autoptr(AugurStatus) status = augur_status_new (11005, "Making too many requests",
                                                    "exceeded limit of 15 requests per second",
                                                    "830aebd82df444e0");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;

  status->http_status = 429;
  error = augur_error_new_status (AUGUR_ERROR_THROTTLED, status);

  g_assert_error (error, AUGUR_ERROR, AUGUR_ERROR_THROTTLED);
  g_assert_nonnull (strstr (error->message, "Making too many requests"));
  g_assert_nonnull (strstr (error->message, "830aebd82df444e0"));
  assert_status_is_throttled (augur_error_get_status (error));
  /* the error keeps its own copy */
  g_assert_true (augur_error_get_status (error) != status);

  copy = g_error_copy (error);
  g_clear_error (&error);
  g_assert_error (copy, AUGUR_ERROR, AUGUR_ERROR_THROTTLED);
  assert_status_is_throttled (augur_error_get_status (copy));
}

static void
test_error_without_status (void)
{
  g_autoptr(GError) plain = g_error_new_literal (AUGUR_ERROR, AUGUR_ERROR_TRANSPORT, "refused");
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "failed");

  g_assert_null (augur_error_get_status (plain));
  g_assert_null (augur_error_get_status (other));
  g_assert_null (augur_error_get_status (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/status/code/names", test_code_names);
  g_test_add_func ("/status/code/unknown", test_unknown_codes);
  g_test_add_func ("/status/code/retry-classes", test_retry_classes);
  g_test_add_func ("/status/code/auth-and-input", test_auth_and_input_codes);
  g_test_add_func ("/status/is-success", test_is_success);
  g_test_add_func ("/status/to-string/full", test_to_string);
  g_test_add_func ("/status/to-string/http-only", test_to_string_http_only);
  g_test_add_func ("/status/copy", test_copy);
  g_test_add_func ("/status/error/carries-status", test_error_carries_status);
  g_test_add_func ("/status/error/without-status", test_error_without_status);

  return g_test_run ();
}
