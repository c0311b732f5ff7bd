/* augur-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-context"

#include <string.h>

#include "augur-context.h"

#define MAX_RECENT_MODELS 10

struct _AugurContext
{
  GObject          parent_instance;

  GSettings       *settings;      /* (owned) (nullable) */
  AugurTokenStore *token_store;   /* (owned) */
  AugurConfig     *config;        /* (owned) */
  AugurClient     *client;        /* (owned) (nullable) */
  GError          *client_error;  /* (owned) (nullable) */
  char            *token;         /* (owned) (nullable) never logged */
};

G_DEFINE_FINAL_TYPE (AugurContext, augur_context, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
wipe_token (char **token)
{
  if (*token != NULL)
    memset (*token, 0, strlen (*token));
  g_clear_pointer (token, g_free);
}

static void
augur_context_dispose (GObject *object)
{
  AugurContext *self = AUGUR_CONTEXT (object);

  g_clear_object (&self->client);
  g_clear_object (&self->config);
  g_clear_object (&self->token_store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (augur_context_parent_class)->dispose (object);
}

static void
augur_context_finalize (GObject *object)
{
  AugurContext *self = AUGUR_CONTEXT (object);

  g_clear_error (&self->client_error);
  wipe_token (&self->token);

  G_OBJECT_CLASS (augur_context_parent_class)->finalize (object);
}

static void
augur_context_class_init (AugurContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = augur_context_dispose;
  object_class->finalize = augur_context_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
augur_context_init (AugurContext *self)
{
}

static AugurConfig *
build_config (AugurContext *self)
{
  AugurConfig *config = augur_config_new ();

  if (self->settings != NULL)
    {
      g_autofree char *base_url = g_settings_get_string (self->settings, "base-url");
      g_autofree char *root_ca = g_settings_get_string (self->settings, "root-ca-path");

      if (*base_url != '\0')
        augur_config_set_base_url (config, base_url);
      if (*root_ca != '\0')
        augur_config_set_root_ca_path (config, root_ca);
      augur_config_set_timeout (config, g_settings_get_uint (self->settings, "request-timeout"));
    }

  /* The environment wins over Preferences, for this session (as in the Clarifai SDKs). */
  augur_config_apply_environment (config);
  if ((augur_config_get_env_sources (config) & AUGUR_CONFIG_FROM_ENV_TOKEN) == 0 &&
      self->token != NULL)
    augur_config_set_token (config, self->token);

  return config;
}

static void
rebuild_client (AugurContext *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->client);
  g_clear_error (&self->client_error);
  g_set_object (&self->config, NULL);
  self->config = build_config (self);

  self->client = augur_client_new (self->config, &error);
  if (self->client == NULL)
    {
      g_debug ("No client: %s", error->message);
      self->client_error = g_steal_pointer (&error);
    }
}

AugurContext *
augur_context_new (GSettings       *settings,
                   AugurTokenStore *token_store)
{
  AugurContext *self = g_object_new (AUGUR_TYPE_CONTEXT, NULL);

  if (settings != NULL)
    self->settings = g_object_ref (settings);
  self->token_store = token_store ? g_object_ref (token_store) : augur_token_store_new ();
  rebuild_client (self);

  return self;
}

GSettings *
augur_context_get_settings (AugurContext *self)
{
  g_return_val_if_fail (AUGUR_IS_CONTEXT (self), NULL);
  return self->settings;
}

AugurTokenStore *
augur_context_get_token_store (AugurContext *self)
{
  g_return_val_if_fail (AUGUR_IS_CONTEXT (self), NULL);
  return self->token_store;
}

AugurConfig *
augur_context_get_config (AugurContext *self)
{
  g_return_val_if_fail (AUGUR_IS_CONTEXT (self), NULL);
  return self->config;
}

AugurClient *
augur_context_get_client (AugurContext *self)
{
  g_return_val_if_fail (AUGUR_IS_CONTEXT (self), NULL);
  return self->client;
}

const GError *
augur_context_get_client_error (AugurContext *self)
{
  g_return_val_if_fail (AUGUR_IS_CONTEXT (self), NULL);
  return self->client_error;
}

gboolean
augur_context_has_token (AugurContext *self)
{
  const char *token;

  g_return_val_if_fail (AUGUR_IS_CONTEXT (self), FALSE);
  token = augur_config_get_token (self->config);
  return token != NULL && *token != '\0';
}

void
augur_context_reload (AugurContext *self)
{
  g_return_if_fail (AUGUR_IS_CONTEXT (self));
  rebuild_client (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
token_lookup_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AugurContext *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  token = augur_token_store_lookup_finish (AUGUR_TOKEN_STORE (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (token != NULL)
    {
      wipe_token (&self->token);
      self->token = g_steal_pointer (&token);
      augur_context_reload (self);
    }
  g_task_return_boolean (task, TRUE);
}

void
augur_context_load_token_async (AugurContext        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AUGUR_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_context_load_token_async);

  if (augur_config_get_env_sources (self->config) & AUGUR_CONFIG_FROM_ENV_TOKEN)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  augur_token_store_lookup_async (self->token_store, augur_config_get_base_url (self->config),
                                  cancellable, token_lookup_cb, g_steal_pointer (&task));
}

gboolean
augur_context_load_token_finish (AugurContext  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
token_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(AugurContext) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);
  if (!augur_token_store_save_finish (AUGUR_TOKEN_STORE (source), result, &error))
    g_debug ("Could not save the token: %s", error->message);
  /* Saving may have fallen back to memory: let Preferences say so. A weak reference, so
   * that a slow keyring does not keep the context alive. */
  if (self != NULL)
    g_signal_emit (self, signals[CHANGED], 0);
}

void
augur_context_set_token (AugurContext *self,
                         const char   *token)
{
  GWeakRef *weak;

  g_return_if_fail (AUGUR_IS_CONTEXT (self));
  g_return_if_fail (token != NULL);

  wipe_token (&self->token);
  self->token = g_strstrip (g_strdup (token));
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  augur_token_store_save_async (self->token_store, augur_config_get_base_url (self->config),
                                self->token, NULL, token_saved_cb, weak);
  augur_context_reload (self);
}

char **
augur_context_get_recent_models (AugurContext *self)
{
  g_return_val_if_fail (AUGUR_IS_CONTEXT (self), NULL);
  if (self->settings == NULL)
    return g_new0 (char *, 1);
  return g_settings_get_strv (self->settings, "recent-models");
}

void
augur_context_add_recent_model (AugurContext        *self,
                                const AugurModelRef *ref)
{
  g_autofree char *key = NULL;
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_return_if_fail (AUGUR_IS_CONTEXT (self));
  if (self->settings == NULL)
    return;

  key = augur_model_ref_to_string (&(AugurModelRef) { ref->user_id, ref->app_id, ref->model_id, NULL });
  old = g_settings_get_strv (self->settings, "recent-models");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, key);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_MODELS; i++)
    {
      if (g_str_equal (old[i], key))
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-models", (const char * const *) recent);
  g_settings_set_string (self->settings, "last-model", key);
}


static char *
lookup_in_dict (GSettings  *settings,
                const char *dict_key,
                const char *key)
{
  g_autoptr(GVariant) dict = g_settings_get_value (settings, dict_key);
  const char *value = NULL;

  if (g_variant_lookup (dict, key, "&s", &value))
    return g_strdup (value);
  return NULL;
}

static void
store_in_dict (GSettings  *settings,
               const char *dict_key,
               const char *key,
               const char *value)
{
  g_autoptr(GVariant) dict = g_settings_get_value (settings, dict_key);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (!g_str_equal (k, key))
      g_variant_builder_add (&builder, "{ss}", k, v);
  if (value != NULL && *value != '\0')
    g_variant_builder_add (&builder, "{ss}", key, value);
  g_settings_set_value (settings, dict_key, g_variant_builder_end (&builder));
}

char *
augur_context_get_model_version (AugurContext        *self,
                                 const AugurModelRef *ref)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (AUGUR_IS_CONTEXT (self), NULL);
  if (self->settings == NULL)
    return NULL;
  key = augur_model_ref_to_model_string (ref);
  return lookup_in_dict (self->settings, "model-versions", key);
}

void
augur_context_set_model_version (AugurContext        *self,
                                 const AugurModelRef *ref,
                                 const char          *version_id)
{
  g_autofree char *key = NULL;

  g_return_if_fail (AUGUR_IS_CONTEXT (self));
  if (self->settings == NULL)
    return;
  key = augur_model_ref_to_model_string (ref);
  store_in_dict (self->settings, "model-versions", key, version_id);
}

static char *
controls_key (const AugurModelRef *ref)
{
  return g_strdup_printf ("%s/%s/%s@%s", ref->user_id, ref->app_id, ref->model_id,
                          ref->version_id ? ref->version_id : "latest");
}

char *
augur_context_get_controls (AugurContext        *self,
                            const AugurModelRef *ref)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (AUGUR_IS_CONTEXT (self), NULL);
  if (self->settings == NULL)
    return NULL;
  key = controls_key (ref);
  return lookup_in_dict (self->settings, "model-controls", key);
}

void
augur_context_set_controls (AugurContext        *self,
                            const AugurModelRef *ref,
                            const char          *json)
{
  g_autofree char *key = NULL;

  g_return_if_fail (AUGUR_IS_CONTEXT (self));
  if (self->settings == NULL)
    return;
  key = controls_key (ref);
  store_in_dict (self->settings, "model-controls", key, json);
}
