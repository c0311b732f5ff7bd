/* augur-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-error"

#include "augur-error.h"
#include "augur-status.h"

/* An extended GError: errors from a server reply keep the whole status (code, details,
 * request id) so that the UI can show the request id without parsing the message. */
typedef struct
{
  AugurStatus *status;
} AugurErrorPrivate;

static void
augur_error_private_init (AugurErrorPrivate *priv)
{
  priv->status = NULL;
}

static void
augur_error_private_copy (const AugurErrorPrivate *src,
                          AugurErrorPrivate       *dest)
{
  dest->status = src->status ? augur_status_copy (src->status) : NULL;
}

static void
augur_error_private_clear (AugurErrorPrivate *priv)
{
  g_clear_pointer (&priv->status, augur_status_free);
}

G_DEFINE_EXTENDED_ERROR (AugurError, augur_error)

/**
 * augur_error_new_status:
 * @code: the kind of failure
 * @status: the status the server sent
 *
 * Returns: (transfer full): an error whose message describes @status and which keeps a copy
 *   of it for augur_error_get_status().
 */
GError *
augur_error_new_status (AugurErrorCode     code,
                        const AugurStatus *status)
{
  g_autofree char *message = NULL;
  GError *error;

  g_return_val_if_fail (status != NULL, NULL);

  message = augur_status_to_string (status);
  error = g_error_new_literal (AUGUR_ERROR, code, message);
  augur_error_get_private (error)->status = augur_status_copy (status);

  return error;
}

/**
 * augur_error_get_status:
 *
 * Returns: (nullable) (transfer none): the server status behind @error, if any
 */
const AugurStatus *
augur_error_get_status (const GError *error)
{
  AugurErrorPrivate *priv;

  if (error == NULL || error->domain != AUGUR_ERROR)
    return NULL;

  priv = augur_error_get_private (error);
  return priv ? priv->status : NULL;
}
