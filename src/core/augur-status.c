/* augur-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-status"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "augur-status.h"

typedef struct
{
  int              code;
  const char      *name;
  AugurRetryClass  retry;
} StatusInfo;

/* Names from status_code.proto; retry classes from contract §6.2 and the SDK (§10). */
static const StatusInfo status_table[] = {
  { 10000, "SUCCESS", AUGUR_RETRY_NEVER },
  { 10010, "MIXED_STATUS", AUGUR_RETRY_NEVER },
  { 10020, "FAILURE", AUGUR_RETRY_NEVER },
  { 10030, "TRY_AGAIN", AUGUR_RETRY_TRANSIENT },
  { 10040, "NOT_IMPLEMENTED", AUGUR_RETRY_NEVER },
  { 10050, "MOVED", AUGUR_RETRY_NEVER },
  { 10070, "ACCEPTED", AUGUR_RETRY_NEVER },
  { 11000, "CONN_ACCOUNT_ISSUES", AUGUR_RETRY_NEVER },
  { 11001, "CONN_TOKEN_INVALID", AUGUR_RETRY_NEVER },
  { 11002, "CONN_CREDENTIALS_INVALID", AUGUR_RETRY_NEVER },
  { 11003, "CONN_EXCEED_HOURLY_LIMIT", AUGUR_RETRY_THROTTLE },
  { 11004, "CONN_EXCEED_MONTHLY_LIMIT", AUGUR_RETRY_NEVER },
  { 11005, "CONN_THROTTLED", AUGUR_RETRY_THROTTLE },
  { 11006, "CONN_EXCEEDS_LIMITS", AUGUR_RETRY_NEVER },
  { 11007, "CONN_INSUFFICIENT_SCOPES", AUGUR_RETRY_NEVER },
  { 11008, "CONN_KEY_INVALID", AUGUR_RETRY_NEVER },
  { 11009, "CONN_KEY_NOT_FOUND", AUGUR_RETRY_NEVER },
  { 11100, "CONN_BAD_REQUEST_FORMAT", AUGUR_RETRY_NEVER },
  { 11101, "CONN_DOES_NOT_EXIST", AUGUR_RETRY_NEVER },
  { 11102, "CONN_INVALID_REQUEST", AUGUR_RETRY_NEVER },
  { 11103, "CONN_METHOD_NOT_ALLOWED", AUGUR_RETRY_NEVER },
  { 11104, "CONN_NO_GDPR_CONSENT", AUGUR_RETRY_NEVER },
  { 11200, "CONN_AUTH_METHOD_DISABLED", AUGUR_RETRY_NEVER },
  { 21100, "MODEL_TRAINED", AUGUR_RETRY_NEVER },
  { 21101, "MODEL_TRAINING", AUGUR_RETRY_NEVER },
  { 21102, "MODEL_UNTRAINED", AUGUR_RETRY_NEVER },
  { 21103, "MODEL_QUEUED_FOR_TRAINING", AUGUR_RETRY_NEVER },
  { 21104, "MODEL_UPLOADING", AUGUR_RETRY_NEVER },
  { 21105, "MODEL_UPLOADING_FAILED", AUGUR_RETRY_NEVER },
  { 21106, "MODEL_TRAINING_FAILED", AUGUR_RETRY_NEVER },
  { 21107, "MODEL_BUILDING", AUGUR_RETRY_NEVER },
  { 21108, "MODEL_BUILDING_FAILED", AUGUR_RETRY_NEVER },
  { 21109, "MODEL_BUILD_UNEXPECTED_ERROR", AUGUR_RETRY_NEVER },
  { 21200, "MODEL_DOES_NOT_EXIST", AUGUR_RETRY_NEVER },
  { 21201, "MODEL_PERMISSION_DENIED", AUGUR_RETRY_NEVER },
  { 21202, "MODEL_INVALID_ARGUMENT", AUGUR_RETRY_NEVER },
  { 21203, "MODEL_INVALID_REQUEST", AUGUR_RETRY_NEVER },
  { 21313, "MODEL_PREDICTION_FAILED", AUGUR_RETRY_NEVER },
  { 21350, "MODEL_DEPLOYMENT_FAILED", AUGUR_RETRY_NEVER },
  { 21351, "MODEL_DEPLOYING", AUGUR_RETRY_WARMUP },
  { 21352, "MODEL_QUEUED_FOR_DEPLOYMENT", AUGUR_RETRY_WARMUP },
  { 21353, "MODEL_NOT_DEPLOYED", AUGUR_RETRY_NEVER },
  { 21354, "MODEL_BUSY_PLEASE_RETRY", AUGUR_RETRY_WARMUP },
  { 21355, "MODEL_LOADING", AUGUR_RETRY_WARMUP },
  { 25604, "RUNNER_NEEDS_RETRY", AUGUR_RETRY_TRANSIENT },
  { 30000, "INPUT_SUCCESS", AUGUR_RETRY_NEVER },
  { 30001, "INPUT_PENDING", AUGUR_RETRY_NEVER },
  { 30002, "INPUT_FAILED", AUGUR_RETRY_NEVER },
  { 30003, "INPUT_IN_PROGRESS", AUGUR_RETRY_NEVER },
  { 30100, "INPUT_DUPLICATE", AUGUR_RETRY_NEVER },
  { 30101, "INPUT_UNSUPPORTED_FORMAT", AUGUR_RETRY_NEVER },
  { 30102, "INPUT_DOES_NOT_EXIST", AUGUR_RETRY_NEVER },
  { 30103, "INPUT_PERMISSION_DENIED", AUGUR_RETRY_NEVER },
  { 30104, "INPUT_INVALID_ARGUMENT", AUGUR_RETRY_NEVER },
  { 30105, "INPUT_OVER_LIMIT", AUGUR_RETRY_NEVER },
  { 30106, "INPUT_INVALID_URL", AUGUR_RETRY_NEVER },
  { 30300, "ALL_INPUT_INVALID_BYTES", AUGUR_RETRY_NEVER },
  { 39996, "INPUT_CONNECTION_FAILED", AUGUR_RETRY_TRANSIENT },
  { 39997, "REQUEST_DISABLED_FOR_MAINTENANCE", AUGUR_RETRY_TRANSIENT },
  { 39999, "INPUT_INVALID_REQUEST", AUGUR_RETRY_NEVER },
  { 40001, "PREDICT_INVALID_REQUEST", AUGUR_RETRY_NEVER },
  { 40030, "RPC_REQUEST_QUEUE_FULL", AUGUR_RETRY_TRANSIENT },
  { 40031, "RPC_SERVER_UNAVAILABLE", AUGUR_RETRY_TRANSIENT },
  { 40032, "RPC_REQUEST_TIMEOUT", AUGUR_RETRY_TRANSIENT },
  { 40033, "RPC_MAX_MESSAGE_SIZE_EXCEEDED", AUGUR_RETRY_NEVER },
  { 40034, "EXTERNAL_CONNECTION_ERROR", AUGUR_RETRY_TRANSIENT },
  { 40035, "RPC_CANCELED", AUGUR_RETRY_NEVER },
  { 40037, "REQUEST_CANCELED_BY_USER", AUGUR_RETRY_NEVER },
  { 41000, "QUEUE_CONN_ERROR", AUGUR_RETRY_TRANSIENT },
  { 69000, "BILLING_INVALID_INFO", AUGUR_RETRY_NEVER },
  { 69001, "BILLING_MISSING_TOKENS", AUGUR_RETRY_NEVER },
  { 90400, "BAD_REQUEST", AUGUR_RETRY_NEVER },
  { 90500, "SERVER_ERROR", AUGUR_RETRY_TRANSIENT },
  { 98004, "INTERNAL_SERVER_ISSUE", AUGUR_RETRY_TRANSIENT },
  { 98005, "INTERNAL_FETCHING_ISSUE", AUGUR_RETRY_TRANSIENT },
  { 98006, "INTERNAL_DATABASE_ISSUE", AUGUR_RETRY_TRANSIENT },
  { 98009, "INTERNAL_UNEXPECTED_TIMEOUT", AUGUR_RETRY_TRANSIENT },
  { 98010, "INTERNAL_UNEXPECTED_V1", AUGUR_RETRY_TRANSIENT },
  { 98011, "INTERNAL_UNEXPECTED_PANIC", AUGUR_RETRY_TRANSIENT },
  { 98012, "INTERNAL_UNEXPECTED_SPIRE", AUGUR_RETRY_TRANSIENT },
  { 98013, "INTERNAL_REDIS_UNAVAILABLE", AUGUR_RETRY_TRANSIENT },
  { 98014, "INTERNAL_RESOURCE_EXHAUSTED", AUGUR_RETRY_TRANSIENT },
  { 98015, "INTERNAL_REDIS_UNCATEGORIZED", AUGUR_RETRY_TRANSIENT },
  { 98016, "INTERNAL_AWS_UNCATEGORIZED", AUGUR_RETRY_TRANSIENT },
  { 98017, "INTERNAL_AZURE_UNCATEGORIZED", AUGUR_RETRY_TRANSIENT },
  { 98018, "INTERNAL_GCP_UNCATEGORIZED", AUGUR_RETRY_TRANSIENT },
  { 98019, "INTERNAL_INVALID_REQUEST", AUGUR_RETRY_NEVER },
  { 98020, "INTERNAL_CONFLICT", AUGUR_RETRY_NEVER },
  { 98021, "INTERNAL_ELASTICSEARCH_UNAVAILABLE", AUGUR_RETRY_TRANSIENT },
};

static const StatusInfo *
find_status (int code)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_table); i++)
    if (status_table[i].code == code)
      return &status_table[i];
  return NULL;
}

G_DEFINE_BOXED_TYPE (AugurStatus, augur_status, augur_status_copy, augur_status_free)

AugurStatus *
augur_status_new (int         code,
                  const char *description,
                  const char *details,
                  const char *req_id)
{
  AugurStatus *status = g_new0 (AugurStatus, 1);

  status->code = code;
  status->description = g_strdup (description);
  status->details = g_strdup (details);
  status->req_id = g_strdup (req_id);

  return status;
}

AugurStatus *
augur_status_copy (const AugurStatus *status)
{
  AugurStatus *copy;

  g_return_val_if_fail (status != NULL, NULL);

  copy = augur_status_new (status->code, status->description, status->details, status->req_id);
  copy->http_status = status->http_status;
  return copy;
}

void
augur_status_free (AugurStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->description);
  g_free (status->details);
  g_free (status->req_id);
  g_free (status);
}

/* SUCCESS and MIXED_STATUS are success-class: the reply has usable outputs. */
gboolean
augur_status_is_success (const AugurStatus *status)
{
  return status != NULL &&
         (status->code == AUGUR_STATUS_SUCCESS || status->code == AUGUR_STATUS_MIXED_STATUS ||
          status->code == 30000 /* INPUT_SUCCESS, seen on some per-output statuses */);
}

/**
 * augur_status_to_string:
 *
 * Returns: a one-line message for people: "Model does not exist (MODEL_DOES_NOT_EXIST,
 *   21200): details. Request ID: …"
 */
char *
augur_status_to_string (const AugurStatus *status)
{
  GString *s = g_string_new (NULL);
  const char *name = augur_status_code_name (status->code);

  if (status->description != NULL && *status->description != '\0')
    g_string_append (s, status->description);
  else if (status->http_status != 0)
    /* Translators: %u is an HTTP status code such as 502 */
    g_string_append_printf (s, _("The server answered with HTTP status %u"), status->http_status);
  else
    g_string_append (s, _("The server reported an error"));

  if (status->code != 0)
    {
      if (name != NULL)
        g_string_append_printf (s, " (%s, %d)", name, status->code);
      else
        g_string_append_printf (s, " (%d)", status->code);
    }

  if (status->details != NULL && *status->details != '\0' &&
      g_strcmp0 (status->details, status->description) != 0)
    g_string_append_printf (s, ": %s", status->details);
  /* The server's texts sometimes end with a period of their own. */
  while (s->len > 0 && s->str[s->len - 1] == '.')
    g_string_truncate (s, s->len - 1);

  if (status->req_id != NULL && *status->req_id != '\0')
    {
      g_autofree char *message = g_string_free (g_steal_pointer (&s), FALSE);
      /* Translators: the first %s is an error message, the second the request id that
       * helps Clarifai support find the failed call */
      return g_strdup_printf (_("%s. Request ID: %s"), message, status->req_id);
    }

  return g_string_free (s, FALSE);
}

/**
 * augur_status_code_name:
 *
 * Returns: (nullable): the enum name of @code in status_code.proto, e.g. "CONN_THROTTLED"
 */
const char *
augur_status_code_name (int code)
{
  const StatusInfo *info = find_status (code);
  return info ? info->name : NULL;
}

/**
 * augur_status_code_from_name:
 *
 * Returns: the numeric code for @name, or -1 when the name is unknown
 */
int
augur_status_code_from_name (const char *name)
{
  if (name == NULL)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (status_table); i++)
    if (g_str_equal (status_table[i].name, name))
      return status_table[i].code;
  return -1;
}

AugurRetryClass
augur_status_code_retry_class (int code)
{
  const StatusInfo *info = find_status (code);

  if (info != NULL)
    return info->retry;
  /* Unlisted internal errors are server faults; anything else unknown is not retried. */
  if (code >= 98000 && code < 99000)
    return AUGUR_RETRY_TRANSIENT;
  return AUGUR_RETRY_NEVER;
}

gboolean
augur_status_code_is_auth (int code)
{
  return code == 11000 || code == 11001 || code == 11002 || code == 11007 ||
         code == 11008 || code == 11009 || code == 11200;
}

/* Codes that blame one input, not the request: the rest of a batch is fine. */
gboolean
augur_status_code_is_input (int code)
{
  return code >= 30000 && code < 40000 && code != 30000;
}
