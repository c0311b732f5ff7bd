/* augur-token-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-token-store"

#include <libsecret/secret.h>
#include <string.h>

#include "augur-token-store.h"

struct _AugurTokenStore
{
  GObject     parent_instance;

  /* Session-only tokens by base URL, used when the keyring is unavailable. */
  GHashTable *memory;
  gboolean    persistent;
};

G_DEFINE_FINAL_TYPE (AugurTokenStore, augur_token_store, G_TYPE_OBJECT)

/* DONT_MATCH_NAME: libsecret 0.20.5 otherwise adds xdg:schema to the lookup, which misses
 * items stored by other tools and fails on some locked keyrings. */
static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "io.github.augur.Augur.Token", SECRET_SCHEMA_DONT_MATCH_NAME,
    {
      { "service", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "base-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  return &schema;
}

static void
augur_token_store_finalize (GObject *object)
{
  AugurTokenStore *self = AUGUR_TOKEN_STORE (object);

  g_clear_pointer (&self->memory, g_hash_table_unref);

  G_OBJECT_CLASS (augur_token_store_parent_class)->finalize (object);
}

static void
augur_token_store_class_init (AugurTokenStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = augur_token_store_finalize;
}

static void
augur_token_store_init (AugurTokenStore *self)
{
  self->memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->persistent = TRUE;
}

AugurTokenStore *
augur_token_store_new (void)
{
  return g_object_new (AUGUR_TYPE_TOKEN_STORE, NULL);
}

gboolean
augur_token_store_is_persistent (AugurTokenStore *self)
{
  g_return_val_if_fail (AUGUR_IS_TOKEN_STORE (self), FALSE);
  return self->persistent;
}

static void
fall_back_to_memory (AugurTokenStore *self,
                     const GError    *error)
{
  if (self->persistent)
    g_debug ("Keyring unavailable, keeping tokens for this session only: %s", error->message);
  self->persistent = FALSE;
}

static void
password_lookup_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AugurTokenStore *self = g_task_get_source_object (task);
  const char *base_url = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *token;

  token = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      fall_back_to_memory (self, error);
      g_task_return_pointer (task, g_strdup (g_hash_table_lookup (self->memory, base_url)), g_free);
      return;
    }
  g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

void
augur_token_store_lookup_async (AugurTokenStore     *self,
                                const char          *base_url,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AUGUR_IS_TOKEN_STORE (self));
  g_return_if_fail (base_url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_token_store_lookup_async);
  g_task_set_task_data (task, g_strdup (base_url), g_free);

  if (!self->persistent)
    {
      g_task_return_pointer (task, g_strdup (g_hash_table_lookup (self->memory, base_url)), g_free);
      return;
    }

  secret_password_lookup (token_schema (), cancellable, password_lookup_cb, g_steal_pointer (&task),
                          "service", "clarifai", "base-url", base_url, NULL);
}

char *
augur_token_store_lookup_finish (AugurTokenStore  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_token_store_lookup_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char *base_url;
  char *token;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->base_url);
  if (data->token != NULL)
    memset (data->token, 0, strlen (data->token));
  g_free (data->token);
  g_free (data);
}

static void
password_store_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AugurTokenStore *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      fall_back_to_memory (self, error);
    }
  g_hash_table_replace (self->memory, g_strdup (data->base_url), g_strdup (data->token));
  g_task_return_boolean (task, TRUE);
}

void
augur_token_store_save_async (AugurTokenStore     *self,
                              const char          *base_url,
                              const char          *token,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (AUGUR_IS_TOKEN_STORE (self));
  g_return_if_fail (base_url != NULL);
  g_return_if_fail (token != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_token_store_save_async);
  data = g_new0 (SaveData, 1);
  data->base_url = g_strdup (base_url);
  data->token = g_strdup (token);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  if (!self->persistent)
    {
      g_hash_table_replace (self->memory, g_strdup (base_url), g_strdup (token));
      g_task_return_boolean (task, TRUE);
      return;
    }

  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, "Clarifai access token (Augur)",
                         token, cancellable, password_store_cb, g_steal_pointer (&task),
                         "service", "clarifai", "base-url", base_url, NULL);
}

gboolean
augur_token_store_save_finish (AugurTokenStore  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
password_clear_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
augur_token_store_clear_async (AugurTokenStore     *self,
                               const char          *base_url,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AUGUR_IS_TOKEN_STORE (self));
  g_return_if_fail (base_url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_token_store_clear_async);
  g_hash_table_remove (self->memory, base_url);

  if (!self->persistent)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  secret_password_clear (token_schema (), cancellable, password_clear_cb, g_steal_pointer (&task),
                         "service", "clarifai", "base-url", base_url, NULL);
}

gboolean
augur_token_store_clear_finish (AugurTokenStore  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
