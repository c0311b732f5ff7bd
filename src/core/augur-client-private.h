/* augur-client-private.h: internals of AugurClient, for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-client.h"

G_BEGIN_DECLS

/* A GTlsDatabase that trusts the CAs in @ca_path and, when it has one, the system store. */
GTlsDatabase *_augur_tls_database_new_combined (const char   *ca_path,
                                                GError      **error);
/* (transfer none) (nullable): the database the session uses, NULL for the default one */
GTlsDatabase *_augur_client_get_tls_database   (AugurClient  *self);

G_END_DECLS
