/* augur-error.h: the error domain of the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-core-types.h"

G_BEGIN_DECLS

#define AUGUR_ERROR (augur_error_quark ())

/**
 * AugurErrorCode:
 * @AUGUR_ERROR_TRANSPORT: the server could not be reached (DNS, refused, reset, timeout).
 * @AUGUR_ERROR_TLS: the TLS handshake failed (unknown issuer, expired, wrong host).
 * @AUGUR_ERROR_AUTH: no token, or the server rejected it (110xx codes, HTTP 401/403).
 * @AUGUR_ERROR_THROTTLED: the server asked us to slow down (11005, 11003, HTTP 429).
 * @AUGUR_ERROR_BAD_INPUT: an input was rejected before sending (unreadable, not an image, too big).
 * @AUGUR_ERROR_BAD_REPLY: the reply was not the JSON we expect (malformed, truncated, wrong shape).
 * @AUGUR_ERROR_API: the server answered with a non-success Clarifai status.
 * @AUGUR_ERROR_INVALID_ARGUMENT: a setting or model reference is not valid.
 *
 * Errors that come from a server reply carry its #AugurStatus; get it with
 * augur_error_get_status().
 */
typedef enum {
  AUGUR_ERROR_TRANSPORT,
  AUGUR_ERROR_TLS,
  AUGUR_ERROR_AUTH,
  AUGUR_ERROR_THROTTLED,
  AUGUR_ERROR_BAD_INPUT,
  AUGUR_ERROR_BAD_REPLY,
  AUGUR_ERROR_API,
  AUGUR_ERROR_INVALID_ARGUMENT,
} AugurErrorCode;

GQuark             augur_error_quark      (void);
GError            *augur_error_new_status (AugurErrorCode     code,
                                           const AugurStatus *status);
const AugurStatus *augur_error_get_status (const GError      *error);

G_END_DECLS
