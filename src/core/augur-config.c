/* augur-config.c: where and how to connect: base URL, token, root CA, timeout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-config"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "augur-config.h"
#include "augur-error.h"

#define DEFAULT_MAX_CONNS 8
#define DEFAULT_USER_AGENT "Augur/" PACKAGE_VERSION

struct _AugurConfig
{
  GObject            parent_instance;

  char              *base_url;
  char              *token;          /* never logged */
  char              *root_ca_path;   /* (nullable) absolute */
  char              *user_agent;
  guint              timeout;
  guint              max_conns;
  AugurConfigSource  env_sources;
};

G_DEFINE_FINAL_TYPE (AugurConfig, augur_config, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TOKEN,
  PROP_ROOT_CA_PATH,
  PROP_TIMEOUT,
  PROP_USER_AGENT,
  PROP_MAX_CONNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
augur_config_finalize (GObject *object)
{
  AugurConfig *self = AUGUR_CONFIG (object);

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->root_ca_path, g_free);
  g_clear_pointer (&self->user_agent, g_free);

  G_OBJECT_CLASS (augur_config_parent_class)->finalize (object);
}

static void
augur_config_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AugurConfig *self = AUGUR_CONFIG (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;
    case PROP_ROOT_CA_PATH:
      g_value_set_string (value, self->root_ca_path);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_USER_AGENT:
      g_value_set_string (value, self->user_agent);
      break;
    case PROP_MAX_CONNS:
      g_value_set_uint (value, self->max_conns);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_config_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AugurConfig *self = AUGUR_CONFIG (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      augur_config_set_base_url (self, g_value_get_string (value));
      break;
    case PROP_TOKEN:
      augur_config_set_token (self, g_value_get_string (value));
      break;
    case PROP_ROOT_CA_PATH:
      augur_config_set_root_ca_path (self, g_value_get_string (value));
      break;
    case PROP_TIMEOUT:
      augur_config_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_USER_AGENT:
      augur_config_set_user_agent (self, g_value_get_string (value));
      break;
    case PROP_MAX_CONNS:
      augur_config_set_max_conns (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_config_class_init (AugurConfigClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = augur_config_finalize;
  object_class->get_property = augur_config_get_property;
  object_class->set_property = augur_config_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, AUGUR_DEFAULT_BASE_URL, flags);
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL, flags);
  properties[PROP_ROOT_CA_PATH] =
    g_param_spec_string ("root-ca-path", NULL, NULL, NULL, flags);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, AUGUR_DEFAULT_TIMEOUT_S, flags);
  properties[PROP_USER_AGENT] =
    g_param_spec_string ("user-agent", NULL, NULL, DEFAULT_USER_AGENT, flags);
  properties[PROP_MAX_CONNS] =
    g_param_spec_uint ("max-conns", NULL, NULL, 1, G_MAXUINT, DEFAULT_MAX_CONNS, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
augur_config_init (AugurConfig *self)
{
  self->base_url = g_strdup (AUGUR_DEFAULT_BASE_URL);
  self->user_agent = g_strdup (DEFAULT_USER_AGENT);
  self->timeout = AUGUR_DEFAULT_TIMEOUT_S;
  self->max_conns = DEFAULT_MAX_CONNS;
}

AugurConfig *
augur_config_new (void)
{
  return g_object_new (AUGUR_TYPE_CONFIG, NULL);
}

AugurConfig *
augur_config_copy (AugurConfig *self)
{
  AugurConfig *copy;

  g_return_val_if_fail (AUGUR_IS_CONFIG (self), NULL);

  copy = augur_config_new ();
  augur_config_set_base_url (copy, self->base_url);
  augur_config_set_token (copy, self->token);
  augur_config_set_root_ca_path (copy, self->root_ca_path);
  augur_config_set_timeout (copy, self->timeout);
  augur_config_set_user_agent (copy, self->user_agent);
  augur_config_set_max_conns (copy, self->max_conns);
  copy->env_sources = self->env_sources;
  return copy;
}

static const char *
nonempty_env (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

/* The SDK accepts a bare "host" or "host:port" as CLARIFAI_API_BASE and means TLS. */
static char *
base_url_from_env (const char *value)
{
  g_autofree char *text = g_strstrip (g_strdup (value));

  if (strstr (text, "://") != NULL)
    return g_steal_pointer (&text);
  return g_strconcat ("https://", text, NULL);
}

/**
 * augur_config_apply_environment:
 *
 * Takes the token, base URL and root CA from CLARIFAI_PAT, CLARIFAI_API_BASE and
 * CLARIFAI_ROOT_CERTIFICATES_PATH when they are set and not empty, and records which ones
 * were used (augur_config_get_env_sources()).
 */
void
augur_config_apply_environment (AugurConfig *self)
{
  const char *token, *base, *root_ca;
  g_autofree char *public_base = NULL;

  g_return_if_fail (AUGUR_IS_CONFIG (self));

  token = nonempty_env ("CLARIFAI_PAT");
  base = nonempty_env ("CLARIFAI_API_BASE");
  root_ca = nonempty_env ("CLARIFAI_ROOT_CERTIFICATES_PATH");

  if (token != NULL)
    {
      augur_config_set_token (self, token);
      self->env_sources |= AUGUR_CONFIG_FROM_ENV_TOKEN;
    }
  if (base != NULL)
    {
      g_autofree char *base_url = base_url_from_env (base);

      augur_config_set_base_url (self, base_url);
      self->env_sources |= AUGUR_CONFIG_FROM_ENV_BASE_URL;
    }
  if (root_ca != NULL)
    {
      augur_config_set_root_ca_path (self, root_ca);
      self->env_sources |= AUGUR_CONFIG_FROM_ENV_ROOT_CA;
    }
  public_base = augur_base_url_dup_public (base);
  /* Logged before it is checked, so only its public part. */
  g_debug ("Environment: token %s, base URL %s, root CA %s",
           token != NULL ? "set" : "unset",
           public_base != NULL ? public_base : (base != NULL ? "(not a URL)" : "unset"),
           root_ca != NULL ? root_ca : "unset");
}

char *
augur_base_url_dup_public (const char *base_url)
{
  g_autoptr(GUri) uri = NULL;

  if (base_url == NULL)
    return NULL;
  uri = g_uri_parse (base_url, G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL)
    return NULL;
  return g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                     g_uri_get_port (uri), g_uri_get_path (uri), NULL, NULL);
}

AugurConfigSource
augur_config_get_env_sources (AugurConfig *self)
{
  g_return_val_if_fail (AUGUR_IS_CONFIG (self), AUGUR_CONFIG_FROM_ENV_NONE);

  return self->env_sources;
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

const char *
augur_config_get_base_url (AugurConfig *self)
{
  g_return_val_if_fail (AUGUR_IS_CONFIG (self), NULL);

  return self->base_url;
}

/* @base_url: (nullable): %NULL restores the default */
void
augur_config_set_base_url (AugurConfig *self,
                           const char  *base_url)
{
  g_return_if_fail (AUGUR_IS_CONFIG (self));

  if (replace_string (&self->base_url, base_url != NULL ? base_url : AUGUR_DEFAULT_BASE_URL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

const char *
augur_config_get_token (AugurConfig *self)
{
  g_return_val_if_fail (AUGUR_IS_CONFIG (self), NULL);

  return self->token;
}

void
augur_config_set_token (AugurConfig *self,
                        const char  *token)
{
  g_return_if_fail (AUGUR_IS_CONFIG (self));

  if (token != NULL && token[0] == '\0')
    token = NULL;
  if (replace_string (&self->token, token))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);
}

const char *
augur_config_get_root_ca_path (AugurConfig *self)
{
  g_return_val_if_fail (AUGUR_IS_CONFIG (self), NULL);

  return self->root_ca_path;
}

/* Stored absolute: g_tls_file_database_new() warns about relative paths. */
void
augur_config_set_root_ca_path (AugurConfig *self,
                               const char  *path)
{
  g_autofree char *absolute = NULL;

  g_return_if_fail (AUGUR_IS_CONFIG (self));

  if (path != NULL && path[0] != '\0')
    absolute = g_canonicalize_filename (path, NULL);
  if (replace_string (&self->root_ca_path, absolute))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOT_CA_PATH]);
}

guint
augur_config_get_timeout (AugurConfig *self)
{
  g_return_val_if_fail (AUGUR_IS_CONFIG (self), 0);

  return self->timeout;
}

/* @seconds: 0 means no timeout */
void
augur_config_set_timeout (AugurConfig *self,
                          guint        seconds)
{
  g_return_if_fail (AUGUR_IS_CONFIG (self));

  if (self->timeout == seconds)
    return;
  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

const char *
augur_config_get_user_agent (AugurConfig *self)
{
  g_return_val_if_fail (AUGUR_IS_CONFIG (self), NULL);

  return self->user_agent;
}

void
augur_config_set_user_agent (AugurConfig *self,
                             const char  *user_agent)
{
  g_return_if_fail (AUGUR_IS_CONFIG (self));

  if (replace_string (&self->user_agent, user_agent != NULL ? user_agent : DEFAULT_USER_AGENT))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_AGENT]);
}

guint
augur_config_get_max_conns (AugurConfig *self)
{
  g_return_val_if_fail (AUGUR_IS_CONFIG (self), DEFAULT_MAX_CONNS);

  return self->max_conns;
}

void
augur_config_set_max_conns (AugurConfig *self,
                            guint        max_conns)
{
  g_return_if_fail (AUGUR_IS_CONFIG (self));
  g_return_if_fail (max_conns > 0);

  if (self->max_conns == max_conns)
    return;
  self->max_conns = max_conns;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_CONNS]);
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

/* Letters, digits, '-', '.', '_' (and non-ASCII, for IDN), or an IP address. */
static gboolean
is_valid_host (const char *host)
{
  if (g_hostname_is_ip_address (host))
    return TRUE;
  for (const guchar *p = (const guchar *) host; *p != '\0'; p++)
    if (*p < 0x80 && !g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
validate_base_url (const char  *base_url,
                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *message = NULL;
  const char *scheme, *path;

  if (base_url == NULL || base_url[0] == '\0')
    return invalid (error, _("No server address. Use https://api.clarifai.com or the address of "
                             "your own Clarifai server."));
  if (strstr (base_url, "://") == NULL)
    {
      message = g_strdup_printf (_("The base URL “%s” has no scheme; write it like https://%s"),
                                 base_url, base_url);
      return invalid (error, message);
    }

  uri = g_uri_parse (base_url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    {
      message = g_strdup_printf (_("The base URL “%s” is not a valid URL; write it like "
                                   "https://api.clarifai.com"), base_url);
      return invalid (error, message);
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    {
      message = g_strdup_printf (_("The base URL “%s” must start with https:// (or http:// "
                                   "for a server without TLS)"), base_url);
      return invalid (error, message);
    }
  /* Not echoed: the user info may hold a secret. */
  if (g_uri_get_userinfo (uri) != NULL)
    return invalid (error, _("The base URL contains a user name or password. Remove it: the "
                             "access token goes in Preferences or in CLARIFAI_PAT."));
  if (g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      message = g_strdup_printf (_("The base URL “%s” has no host name"), base_url);
      return invalid (error, message);
    }
  if (!is_valid_host (g_uri_get_host (uri)))
    {
      message = g_strdup_printf (_("The base URL “%s” has an invalid host name"), base_url);
      return invalid (error, message);
    }
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      message = g_strdup_printf (_("The base URL “%s” has a query or a fragment; use just the "
                                   "server address, like https://api.clarifai.com"), base_url);
      return invalid (error, message);
    }
  path = g_uri_get_path (uri);
  if (path[0] != '\0' && !g_str_equal (path, "/"))
    {
      message = g_strdup_printf (_("The base URL “%s” has a path (%s); use just the server "
                                   "address, like https://api.clarifai.com"), base_url, path);
      return invalid (error, message);
    }
  return TRUE;
}

static gboolean
validate_root_ca_path (const char  *path,
                       GError     **error)
{
  g_autofree char *message = NULL;

  if (path == NULL)
    return TRUE;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    message = g_strdup_printf (_("The root CA file “%s” does not exist"), path);
  else if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    message = g_strdup_printf (_("The root CA file “%s” is not a file"), path);
  else if (g_access (path, R_OK) != 0)
    message = g_strdup_printf (_("The root CA file “%s” cannot be read"), path);
  return message == NULL || invalid (error, message);
}

/**
 * augur_config_validate:
 *
 * Checks the base URL (an http or https server address with no path, query or user info)
 * and that the root CA file, when set, is a readable file. The token is not checked here:
 * a client can exist without one, and each call fails with %AUGUR_ERROR_AUTH instead.
 *
 * Returns: %TRUE if the settings are usable, else %FALSE with an
 *   %AUGUR_ERROR_INVALID_ARGUMENT error that explains what to fix.
 */
gboolean
augur_config_validate (AugurConfig  *self,
                       GError      **error)
{
  g_return_val_if_fail (AUGUR_IS_CONFIG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_base_url (self->base_url, error)
         && validate_root_ca_path (self->root_ca_path, error);
}

/**
 * augur_config_build_url:
 * @path_and_query: (nullable): e.g. "/v2/models?page=1"
 *
 * Returns: (transfer full): the base URL joined with @path_and_query by exactly one slash.
 */
char *
augur_config_build_url (AugurConfig *self,
                        const char  *path_and_query)
{
  g_autofree char *base = NULL;
  gsize length;

  g_return_val_if_fail (AUGUR_IS_CONFIG (self), NULL);

  base = g_strdup (self->base_url);
  length = strlen (base);
  while (length > 0 && base[length - 1] == '/')
    base[--length] = '\0';
  if (path_and_query == NULL)
    return g_steal_pointer (&base);
  while (path_and_query[0] == '/')
    path_and_query++;
  if (path_and_query[0] == '\0')
    return g_steal_pointer (&base);
  return g_strconcat (base, "/", path_and_query, NULL);
}
