/* augur-status.h: Clarifai status codes, their names and whether to retry them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-core-types.h"

G_BEGIN_DECLS

#define AUGUR_STATUS_SUCCESS            10000
#define AUGUR_STATUS_MIXED_STATUS       10010
#define AUGUR_STATUS_FAILURE            10020
#define AUGUR_STATUS_CONN_THROTTLED     11005
#define AUGUR_STATUS_MODEL_DOES_NOT_EXIST 21200
#define AUGUR_STATUS_MODEL_LOADING      21355
#define AUGUR_STATUS_INPUT_FAILED       30002

/**
 * AugurRetryClass:
 * @AUGUR_RETRY_NEVER: permanent; retrying cannot help.
 * @AUGUR_RETRY_THROTTLE: the server asked to slow down; wait a fixed, long delay.
 * @AUGUR_RETRY_WARMUP: the model is deploying or loading; wait a growing delay.
 * @AUGUR_RETRY_TRANSIENT: server or network fault; a few tries with exponential backoff.
 */
typedef enum {
  AUGUR_RETRY_NEVER,
  AUGUR_RETRY_THROTTLE,
  AUGUR_RETRY_WARMUP,
  AUGUR_RETRY_TRANSIENT,
} AugurRetryClass;

/**
 * AugurStatus:
 * @code: the Clarifai status code (e.g. 10000), 0 when the reply had none
 * @description: short text from the server (nullable)
 * @details: longer text that "may be exposed to non-technical users" (nullable)
 * @req_id: the server's request id, worth showing in error messages (nullable)
 * @http_status: the HTTP status of the reply, 0 when not from HTTP
 */
struct _AugurStatus
{
  int    code;
  char  *description;
  char  *details;
  char  *req_id;
  guint  http_status;
};

#define AUGUR_TYPE_STATUS (augur_status_get_type ())

GType            augur_status_get_type         (void) G_GNUC_CONST;
AugurStatus     *augur_status_new              (int                code,
                                                const char        *description,
                                                const char        *details,
                                                const char        *req_id);
AugurStatus     *augur_status_copy             (const AugurStatus *status);
void             augur_status_free             (AugurStatus       *status);
gboolean         augur_status_is_success       (const AugurStatus *status);
char            *augur_status_to_string        (const AugurStatus *status);

const char      *augur_status_code_name        (int                code);
int              augur_status_code_from_name   (const char        *name);
AugurRetryClass  augur_status_code_retry_class (int                code);
gboolean         augur_status_code_is_auth     (int                code);
gboolean         augur_status_code_is_input    (int                code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurStatus, augur_status_free)

G_END_DECLS
