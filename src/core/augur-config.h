/* augur-config.h: where and how to connect: base URL, token, root CA, timeout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-core-types.h"

G_BEGIN_DECLS

#define AUGUR_DEFAULT_BASE_URL "https://api.clarifai.com"
#define AUGUR_DEFAULT_TIMEOUT_S 60

/**
 * AugurConfigSource:
 * Which settings came from the environment (CLARIFAI_PAT, CLARIFAI_API_BASE,
 * CLARIFAI_ROOT_CERTIFICATES_PATH), so that a UI can say so.
 */
typedef enum {
  AUGUR_CONFIG_FROM_ENV_NONE     = 0,
  AUGUR_CONFIG_FROM_ENV_TOKEN    = 1 << 0,
  AUGUR_CONFIG_FROM_ENV_BASE_URL = 1 << 1,
  AUGUR_CONFIG_FROM_ENV_ROOT_CA  = 1 << 2,
} AugurConfigSource;

#define AUGUR_TYPE_CONFIG (augur_config_get_type ())
G_DECLARE_FINAL_TYPE (AugurConfig, augur_config, AUGUR, CONFIG, GObject)

AugurConfig       *augur_config_new                (void);
AugurConfig       *augur_config_copy               (AugurConfig  *self);
void               augur_config_apply_environment  (AugurConfig  *self);
AugurConfigSource  augur_config_get_env_sources    (AugurConfig  *self);

const char        *augur_config_get_base_url       (AugurConfig  *self);
/* (transfer full) (nullable): @base_url with only scheme, host, port and path, fit for logs,
 * journals and exports: a user name or password (which could hold a key), a query and a
 * fragment are dropped. NULL when @base_url is NULL or not a URL. */
char              *augur_base_url_dup_public       (const char   *base_url);
void               augur_config_set_base_url       (AugurConfig  *self,
                                                    const char   *base_url);
/* The token is never logged; the getter exists for the client and the keyring only. */
const char        *augur_config_get_token          (AugurConfig  *self);
void               augur_config_set_token          (AugurConfig  *self,
                                                    const char   *token);
const char        *augur_config_get_root_ca_path   (AugurConfig  *self);
void               augur_config_set_root_ca_path   (AugurConfig  *self,
                                                    const char   *path);
guint              augur_config_get_timeout        (AugurConfig  *self);
void               augur_config_set_timeout        (AugurConfig  *self,
                                                    guint         seconds);
const char        *augur_config_get_user_agent     (AugurConfig  *self);
void               augur_config_set_user_agent     (AugurConfig  *self,
                                                    const char   *user_agent);
guint              augur_config_get_max_conns      (AugurConfig  *self);
void               augur_config_set_max_conns      (AugurConfig  *self,
                                                    guint         max_conns);

gboolean           augur_config_validate           (AugurConfig  *self,
                                                    GError      **error);
char              *augur_config_build_url          (AugurConfig  *self,
                                                    const char   *path_and_query);

G_END_DECLS
