/* augur-client.c: the Clarifai v2 REST client.
 *
 * One SoupSession per client; one *_async/_finish pair per route. Each call is a GTask
 * whose data (CallData) holds the message in flight. The token only ever goes into the
 * Authorization header: it is never logged, and error messages are scrubbed of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-client"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "augur-client.h"
#include "augur-client-private.h"
#include "augur-config.h"
#include "augur-error.h"
#include "augur-model.h"
#include "augur-model-ref.h"
#include "augur-response.h"
#include "augur-status.h"
#include "augur-worker.h"

#define REQUEST_ID_PREFIX "augur-" PACKAGE_VERSION

/* A TLS database that trusts a private root CA file in addition to the system store.
 * (g_tls_file_database_new() alone would replace the system store, and a Clarifai server
 * behind a private CA may still redirect to public hosts.) */

#define AUGUR_TYPE_COMBINED_TLS_DATABASE (augur_combined_tls_database_get_type ())
G_DECLARE_FINAL_TYPE (AugurCombinedTlsDatabase, augur_combined_tls_database,
                      AUGUR, COMBINED_TLS_DATABASE, GTlsDatabase)

struct _AugurCombinedTlsDatabase
{
  GTlsDatabase  parent_instance;

  GTlsDatabase *file_database;     /* (owned) */
  GTlsDatabase *system_database;   /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (AugurCombinedTlsDatabase, augur_combined_tls_database, G_TYPE_TLS_DATABASE)

static GTlsCertificateFlags
augur_combined_tls_database_verify_chain (GTlsDatabase             *database,
                                          GTlsCertificate          *chain,
                                          const char               *purpose,
                                          GSocketConnectable       *identity,
                                          GTlsInteraction          *interaction,
                                          GTlsDatabaseVerifyFlags   flags,
                                          GCancellable             *cancellable,
                                          GError                  **error)
{
  AugurCombinedTlsDatabase *self = AUGUR_COMBINED_TLS_DATABASE (database);
  GTlsCertificateFlags result;

  result = g_tls_database_verify_chain (self->file_database, chain, purpose, identity,
                                        interaction, flags, cancellable, error);
  if ((error != NULL && *error != NULL) || self->system_database == NULL
      || (result & G_TLS_CERTIFICATE_UNKNOWN_CA) == 0)
    return result;
  return g_tls_database_verify_chain (self->system_database, chain, purpose, identity,
                                      interaction, flags, cancellable, error);
}

static GTlsCertificate *
augur_combined_tls_database_lookup_certificate_issuer (GTlsDatabase             *database,
                                                       GTlsCertificate          *certificate,
                                                       GTlsInteraction          *interaction,
                                                       GTlsDatabaseLookupFlags   flags,
                                                       GCancellable             *cancellable,
                                                       GError                  **error)
{
  AugurCombinedTlsDatabase *self = AUGUR_COMBINED_TLS_DATABASE (database);
  GTlsCertificate *issuer;

  issuer = g_tls_database_lookup_certificate_issuer (self->file_database, certificate,
                                                     interaction, flags, cancellable, error);
  if (issuer != NULL || (error != NULL && *error != NULL) || self->system_database == NULL)
    return issuer;
  return g_tls_database_lookup_certificate_issuer (self->system_database, certificate,
                                                   interaction, flags, cancellable, error);
}

static GList *
augur_combined_tls_database_lookup_certificates_issued_by (GTlsDatabase             *database,
                                                           GByteArray               *issuer,
                                                           GTlsInteraction          *interaction,
                                                           GTlsDatabaseLookupFlags   flags,
                                                           GCancellable             *cancellable,
                                                           GError                  **error)
{
  AugurCombinedTlsDatabase *self = AUGUR_COMBINED_TLS_DATABASE (database);
  GList *certificates;

  certificates = g_tls_database_lookup_certificates_issued_by (self->file_database, issuer,
                                                               interaction, flags, cancellable,
                                                               error);
  if ((error != NULL && *error != NULL) || self->system_database == NULL)
    return certificates;
  return g_list_concat (certificates,
                        g_tls_database_lookup_certificates_issued_by (self->system_database,
                                                                      issuer, interaction, flags,
                                                                      cancellable, error));
}

static char *
augur_combined_tls_database_create_certificate_handle (GTlsDatabase    *database,
                                                       GTlsCertificate *certificate)
{
  AugurCombinedTlsDatabase *self = AUGUR_COMBINED_TLS_DATABASE (database);
  char *handle = g_tls_database_create_certificate_handle (self->file_database, certificate);

  if (handle == NULL && self->system_database != NULL)
    handle = g_tls_database_create_certificate_handle (self->system_database, certificate);
  return handle;
}

static GTlsCertificate *
augur_combined_tls_database_lookup_certificate_for_handle (GTlsDatabase             *database,
                                                           const char               *handle,
                                                           GTlsInteraction          *interaction,
                                                           GTlsDatabaseLookupFlags   flags,
                                                           GCancellable             *cancellable,
                                                           GError                  **error)
{
  AugurCombinedTlsDatabase *self = AUGUR_COMBINED_TLS_DATABASE (database);
  GTlsCertificate *certificate;

  certificate = g_tls_database_lookup_certificate_for_handle (self->file_database, handle,
                                                              interaction, flags, cancellable,
                                                              error);
  if (certificate != NULL || (error != NULL && *error != NULL) || self->system_database == NULL)
    return certificate;
  return g_tls_database_lookup_certificate_for_handle (self->system_database, handle,
                                                       interaction, flags, cancellable, error);
}

static void
augur_combined_tls_database_finalize (GObject *object)
{
  AugurCombinedTlsDatabase *self = AUGUR_COMBINED_TLS_DATABASE (object);

  g_clear_object (&self->file_database);
  g_clear_object (&self->system_database);

  G_OBJECT_CLASS (augur_combined_tls_database_parent_class)->finalize (object);
}

static void
augur_combined_tls_database_class_init (AugurCombinedTlsDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GTlsDatabaseClass *database_class = G_TLS_DATABASE_CLASS (klass);

  object_class->finalize = augur_combined_tls_database_finalize;
  /* The base class runs these in a thread for the *_async variants. */
  database_class->verify_chain = augur_combined_tls_database_verify_chain;
  database_class->lookup_certificate_issuer = augur_combined_tls_database_lookup_certificate_issuer;
  database_class->lookup_certificates_issued_by =
    augur_combined_tls_database_lookup_certificates_issued_by;
  database_class->create_certificate_handle = augur_combined_tls_database_create_certificate_handle;
  database_class->lookup_certificate_for_handle =
    augur_combined_tls_database_lookup_certificate_for_handle;
}

static void
augur_combined_tls_database_init (AugurCombinedTlsDatabase *self)
{
}

/**
 * _augur_tls_database_new_combined:
 * @ca_path: an absolute path to a PEM file with one or more CA certificates
 *
 * Returns: (transfer full) (nullable): the database, or %NULL with an
 *   %AUGUR_ERROR_INVALID_ARGUMENT error when the file holds no usable certificate
 */
GTlsDatabase *
_augur_tls_database_new_combined (const char  *ca_path,
                                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GTlsDatabase) file_database = NULL;
  GList *certificates;
  AugurCombinedTlsDatabase *self;

  g_return_val_if_fail (ca_path != NULL && g_path_is_absolute (ca_path), NULL);

  certificates = g_tls_certificate_list_new_from_file (ca_path, &local_error);
  if (certificates == NULL)
    {
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                   _("The root CA file “%s” has no certificate in PEM format%s%s"), ca_path,
                   local_error != NULL ? ": " : "",
                   local_error != NULL ? local_error->message : "");
      return NULL;
    }
  g_list_free_full (certificates, g_object_unref);

  file_database = g_tls_file_database_new (ca_path, &local_error);
  if (file_database == NULL)
    {
      g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                   _("The root CA file “%s” could not be loaded: %s"), ca_path,
                   local_error->message);
      return NULL;
    }

  self = g_object_new (AUGUR_TYPE_COMBINED_TLS_DATABASE, NULL);
  self->file_database = g_steal_pointer (&file_database);
  self->system_database = g_tls_backend_get_default_database (g_tls_backend_get_default ());
  if (self->system_database == NULL)
    g_debug ("No system TLS database; trusting only %s", ca_path);
  return G_TLS_DATABASE (self);
}

/* The client */

struct _AugurClient
{
  GObject       parent_instance;

  AugurConfig  *config;        /* (owned) */
  SoupSession  *session;       /* (owned) */
  GTlsDatabase *tls_database;  /* (owned) (nullable) */
};

G_DEFINE_FINAL_TYPE (AugurClient, augur_client, G_TYPE_OBJECT)

typedef enum {
  REPLY_PREDICT,
  REPLY_MODEL,
  REPLY_VERSION,
  REPLY_VERSIONS,
  REPLY_CONCEPTS,
  REPLY_OUTPUT_INFO,
  REPLY_MODELS,
} ReplyKind;

typedef struct
{
  ReplyKind      kind;
  SoupMessage   *msg;            /* (owned) (nullable): the message in flight */
  char          *method;
  char          *path;           /* with the query; for logs */
  gint64         started_us;
  AugurModelRef *ref;            /* (owned) (nullable) */
  AugurModel    *model;          /* (owned) (nullable): get_model waiting for its version */
  guint          retry_after_s;  /* of the last reply; 0 when absent */
} CallData;

static void
call_data_free (CallData *call)
{
  g_clear_object (&call->msg);
  g_free (call->method);
  g_free (call->path);
  g_clear_pointer (&call->ref, augur_model_ref_free);
  g_clear_object (&call->model);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CallData, call_data_free)

void
augur_predict_reply_free (AugurPredictReply *reply)
{
  if (reply == NULL)
    return;
  g_clear_pointer (&reply->status, augur_status_free);
  g_clear_pointer (&reply->predictions, g_ptr_array_unref);
  g_free (reply);
}

static void
augur_client_dispose (GObject *object)
{
  AugurClient *self = AUGUR_CLIENT (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->tls_database);

  G_OBJECT_CLASS (augur_client_parent_class)->dispose (object);
}

static void
augur_client_finalize (GObject *object)
{
  AugurClient *self = AUGUR_CLIENT (object);

  g_clear_object (&self->config);

  G_OBJECT_CLASS (augur_client_parent_class)->finalize (object);
}

enum {
  REPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
augur_client_class_init (AugurClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = augur_client_dispose;
  object_class->finalize = augur_client_finalize;

  /**
   * AugurClient::reply:
   * @method: "GET" or "POST"
   * @path: the path and query that was called
   * @http_status: the reply's HTTP status
   * @body: the raw reply body
   *
   * Every reply, before it is parsed, so that a UI can show the raw last reply.
   */
  signals[REPLY] = g_signal_new ("reply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 4,
                                 G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_BYTES);
}

static void
augur_client_init (AugurClient *self)
{
}

/**
 * augur_client_new:
 * @config: where and how to connect; the client keeps a reference and reads the token
 *   and base URL from it for every call, while connection settings (timeout, root CA,
 *   connection count) are fixed when the client is made
 *
 * Returns: (transfer full) (nullable): a client, or %NULL when @config is not valid
 *   (%AUGUR_ERROR_INVALID_ARGUMENT)
 */
AugurClient *
augur_client_new (AugurConfig  *config,
                  GError      **error)
{
  g_autoptr(GTlsDatabase) tls_database = NULL;
  const char *root_ca_path;
  AugurClient *self;
  guint max_conns;

  g_return_val_if_fail (AUGUR_IS_CONFIG (config), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!augur_config_validate (config, error))
    return NULL;

  root_ca_path = augur_config_get_root_ca_path (config);
  if (root_ca_path != NULL)
    {
      tls_database = _augur_tls_database_new_combined (root_ca_path, error);
      if (tls_database == NULL)
        return NULL;
    }

  self = g_object_new (AUGUR_TYPE_CLIENT, NULL);
  self->config = g_object_ref (config);
  max_conns = augur_config_get_max_conns (config);
  /* max-conns-per-host is construct-only and defaults to 2 */
  self->session = soup_session_new_with_options ("max-conns", max_conns,
                                                 "max-conns-per-host", max_conns,
                                                 "timeout", augur_config_get_timeout (config),
                                                 "user-agent", augur_config_get_user_agent (config),
                                                 NULL);
  if (tls_database != NULL)
    {
      soup_session_set_tls_database (self->session, tls_database);
      self->tls_database = g_steal_pointer (&tls_database);
    }
  g_debug ("Client for %s: %u connections, timeout %u s, root CA %s",
           augur_config_get_base_url (config), max_conns, augur_config_get_timeout (config),
           root_ca_path != NULL ? root_ca_path : "(system)");
  return self;
}

AugurConfig *
augur_client_get_config (AugurClient *self)
{
  g_return_val_if_fail (AUGUR_IS_CLIENT (self), NULL);

  return self->config;
}

GTlsDatabase *
_augur_client_get_tls_database (AugurClient *self)
{
  g_return_val_if_fail (AUGUR_IS_CLIENT (self), NULL);

  return self->tls_database;
}

/* Errors */

/* A server could echo what it received; no message may carry the token. */
static void
scrub_token (AugurClient *self,
             GError      *error)
{
  const char *token = augur_config_get_token (self->config);
  g_auto(GStrv) pieces = NULL;

  if (token == NULL || strlen (token) < 4 || strstr (error->message, token) == NULL)
    return;
  pieces = g_strsplit (error->message, token, -1);
  g_free (error->message);
  error->message = g_strjoinv ("[redacted]", pieces);
}

static void
return_error (GTask  *task,
              GError *error)
{
  scrub_token (g_task_get_source_object (task), error);
  g_task_return_error (task, error);
}

static const char *
tls_problem (GTlsCertificateFlags flags)
{
  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return _("The server's certificate is signed by an unknown authority. If this is a "
             "private server, choose its root CA file.");
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    return _("The server's certificate has expired.");
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return _("The server's certificate is not valid yet. Check the computer's date and time.");
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return _("The server's certificate is for a different host name.");
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    return _("The server's certificate has been revoked.");
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    return _("The server's certificate uses an insecure algorithm.");
  return NULL;
}

static GError *
tls_error (const char           *server,
           GTlsCertificateFlags  flags,
           const GError         *error)
{
  const char *problem = tls_problem (flags);

  if (problem != NULL)
    return g_error_new (AUGUR_ERROR, AUGUR_ERROR_TLS, _("Could not connect securely to %s. %s"),
                        server, problem);
  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    return g_error_new (AUGUR_ERROR, AUGUR_ERROR_TLS,
                        _("Could not connect securely to %s: its certificate was not accepted "
                          "(%s). If this is a private server, choose its root CA file."),
                        server, error->message);
  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_NOT_TLS))
    return g_error_new (AUGUR_ERROR, AUGUR_ERROR_TLS,
                        _("Could not connect securely to %s: the server does not speak TLS. "
                          "Check whether its address should start with http://."), server);
  return g_error_new (AUGUR_ERROR, AUGUR_ERROR_TLS, _("Could not connect securely to %s: %s"),
                      server, error->message);
}

static gboolean
is_unreadable_reply (const GError *error)
{
  return g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING)
         || g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_ENCODING)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
}

static GError *
transport_error (AugurClient  *self,
                 SoupMessage  *msg,
                 const GError *error)
{
  const char *server = augur_config_get_base_url (self->config);
  GTlsCertificateFlags flags = soup_message_get_tls_peer_certificate_errors (msg);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (error->domain == G_TLS_ERROR || flags != 0)
    return tls_error (server, flags, error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      guint timeout = augur_config_get_timeout (self->config);

      return g_error_new (AUGUR_ERROR, AUGUR_ERROR_TRANSPORT,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Could not reach %s: no answer within %u second",
                                       "Could not reach %s: no answer within %u seconds", timeout),
                          server, timeout);
    }
  if (is_unreadable_reply (error))
    return g_error_new (AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY,
                        _("The reply from %s could not be read: %s"), server, error->message);
  return g_error_new (AUGUR_ERROR, AUGUR_ERROR_TRANSPORT, _("Could not reach %s: %s"), server,
                      error->message);
}

/* Sending */

static guint
read_retry_after (SoupMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                    "Retry-After");
  guint64 seconds = 0;

  /* The HTTP-date form is not used by API servers in practice. */
  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &seconds, NULL))
    return 0;
  return seconds;
}

static void message_sent_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data);

/* Takes ownership of @task (it is handed to the callback). */
static void
send_request (GTask      *task,
              const char *method,
              const char *path_and_query,
              GBytes     *body)
{
  AugurClient *self = g_task_get_source_object (task);
  CallData *call = g_task_get_task_data (task);
  g_autofree char *url = augur_config_build_url (self->config, path_and_query);
  g_autofree char *authorization = NULL;
  SoupMessageHeaders *headers;

  g_clear_object (&call->msg);
  g_free (call->method);
  g_free (call->path);
  call->method = g_strdup (method);
  call->path = g_strdup (path_and_query);
  call->msg = soup_message_new (method, url);
  if (call->msg == NULL)
    {
      return_error (task, g_error_new (AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                                       _("Cannot make a request to “%s”"), url));
      g_object_unref (task);
      return;
    }

  headers = soup_message_get_request_headers (call->msg);
  authorization = g_strconcat ("Key ", augur_config_get_token (self->config), NULL);
  soup_message_headers_replace (headers, "Authorization", authorization);
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "X-Clarifai-Request-ID-Prefix", REQUEST_ID_PREFIX);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (call->msg, "application/json", body);

  g_debug ("%s %s", method, path_and_query);
  call->started_us = g_get_monotonic_time ();
  soup_session_send_and_read_async (self->session, call->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), message_sent_cb, task);
}

/* Every call needs a token; fails the task (and drops it) when there is none. */
static gboolean
check_token (AugurClient *self,
             GTask       *task)
{
  const char *token = augur_config_get_token (self->config);

  if (token != NULL && token[0] != '\0')
    return TRUE;
  g_task_return_new_error (task, AUGUR_ERROR, AUGUR_ERROR_AUTH, "%s",
                           _("No personal access token. Set one in Preferences or in "
                             "CLARIFAI_PAT."));
  g_object_unref (task);
  return FALSE;
}

static GTask *
new_call (AugurClient         *self,
          ReplyKind            kind,
          const AugurModelRef *ref,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(CallData) call = g_new0 (CallData, 1);

  call->kind = kind;
  call->ref = ref != NULL ? augur_model_ref_copy (ref) : NULL;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_steal_pointer (&call), (GDestroyNotify) call_data_free);
  return task;
}

/* Predict replies are parsed in a worker thread: with hundreds of concepts (or embeddings)
 * per input, a reply for 128 inputs is megabytes of JSON. */
typedef struct
{
  GBytes *body;
  guint   http_status;
  double  duration_ms;
  guint   retry_after_s;
} PredictParse;

static void
predict_parse_free (PredictParse *parse)
{
  g_bytes_unref (parse->body);
  g_free (parse);
}

static void
parse_predict_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  PredictParse *parse = task_data;
  g_autoptr(AugurPredictReply) reply = g_new0 (AugurPredictReply, 1);
  GError *error = NULL;

  reply->predictions = augur_response_parse_predict (parse->body, parse->http_status,
                                                     &reply->status, &error);
  if (reply->predictions == NULL)
    {
      if (error == NULL)
        error = g_error_new (AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY, "%s",
                             _("The server's reply could not be understood"));
      g_task_return_error (task, error);
      return;
    }
  if (reply->status == NULL)
    reply->status = augur_status_new (AUGUR_STATUS_SUCCESS, NULL, NULL, NULL);
  reply->retry_after_s = parse->retry_after_s;
  reply->duration_ms = parse->duration_ms;
  g_task_return_pointer (task, g_steal_pointer (&reply), (GDestroyNotify) augur_predict_reply_free);
}

static void
predict_parsed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *call = g_task_get_task_data (task);
  GError *error = NULL;
  AugurPredictReply *reply = g_task_propagate_pointer (G_TASK (result), &error);

  if (reply == NULL)
    {
      g_debug ("%s %s: %s", call->method, call->path, error->message);
      return_error (task, error);
      return;
    }
  g_task_return_pointer (task, reply, (GDestroyNotify) augur_predict_reply_free);
}

/* Takes ownership of @task. */
static void
parse_predict_reply (GTask  *task,
                     GBytes *body,
                     guint   http_status,
                     double  duration_ms)
{
  CallData *call = g_task_get_task_data (task);
  PredictParse *parse = g_new0 (PredictParse, 1);
  g_autoptr(GTask) parse_task = g_task_new (NULL, NULL, predict_parsed_cb, task);

  parse->body = g_bytes_ref (body);
  parse->http_status = http_status;
  parse->duration_ms = duration_ms;
  parse->retry_after_s = call->retry_after_s;
  g_task_set_source_tag (parse_task, parse_predict_reply);
  g_task_set_task_data (parse_task, parse, (GDestroyNotify) predict_parse_free);
  augur_worker_run_short (parse_task, parse_predict_thread);
}

static void
return_version_or_model (GTask  *task,
                         GBytes *body,
                         guint   http_status)
{
  CallData *call = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(AugurModelVersion) version = NULL;

  version = augur_response_parse_model_version (body, http_status, &error);
  if (version == NULL)
    {
      return_error (task, error);
      return;
    }
  augur_model_set_version (call->model, version);
  g_task_return_pointer (task, g_steal_pointer (&call->model), g_object_unref);
}

/* Takes ownership of @task. */
static void
handle_reply (GTask  *task,
              GBytes *body,
              guint   http_status,
              double  duration_ms)
{
  g_autoptr(GTask) owned_task = task;
  CallData *call = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer result = NULL;
  GDestroyNotify result_free = g_object_unref;

  switch (call->kind)
    {
    case REPLY_PREDICT:
      parse_predict_reply (g_steal_pointer (&owned_task), body, http_status, duration_ms);
      return;
    case REPLY_MODEL:
      if (call->model != NULL)
        {
          return_version_or_model (task, body, http_status);
          return;
        }
      result = augur_response_parse_model (body, http_status, &error);
      if (result != NULL && call->ref->version_id != NULL)
        {
          g_autofree char *path = augur_model_ref_build_path (call->ref, TRUE, NULL);

          call->model = result;
          send_request (g_steal_pointer (&owned_task), "GET", path, NULL);
          return;
        }
      break;
    case REPLY_VERSION:
      if (call->ref->version_id == NULL)
        {
          g_autoptr(AugurModel) model = augur_response_parse_model (body, http_status, &error);
          AugurModelVersion *version = model != NULL ? augur_model_get_version (model) : NULL;

          if (model != NULL && version == NULL)
            error = g_error_new (AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY, "%s",
                                 _("The server did not say which version of the model is the "
                                   "latest"));
          result = version != NULL ? g_object_ref (version) : NULL;
        }
      else
        result = augur_response_parse_model_version (body, http_status, &error);
      break;
    case REPLY_VERSIONS:
      result = augur_response_parse_model_versions (body, http_status, &error);
      result_free = (GDestroyNotify) g_ptr_array_unref;
      break;
    case REPLY_CONCEPTS:
      result = augur_response_parse_concepts (body, http_status, &error);
      result_free = (GDestroyNotify) g_ptr_array_unref;
      break;
    case REPLY_OUTPUT_INFO:
      result = augur_response_parse_output_info_concepts (body, http_status, &error);
      result_free = (GDestroyNotify) g_ptr_array_unref;
      break;
    case REPLY_MODELS:
      result = augur_response_parse_models (body, http_status, &error);
      result_free = (GDestroyNotify) g_ptr_array_unref;
      break;
    default:
      g_assert_not_reached ();
    }

  if (result == NULL)
    {
      if (error == NULL)
        error = g_error_new (AUGUR_ERROR, AUGUR_ERROR_BAD_REPLY, "%s",
                             _("The server's reply could not be understood"));
      g_debug ("%s %s: %s", call->method, call->path, error->message);
      return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, result_free);
}

static void
message_sent_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  AugurClient *self = g_task_get_source_object (task);
  CallData *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  double duration_ms;
  guint http_status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  duration_ms = (g_get_monotonic_time () - call->started_us) / 1000.0;
  call->retry_after_s = 0;
  /* The connection may keep its last message until it carries another one: without this,
   * every open connection would hold on to a predict body of tens of megabytes. */
  soup_message_set_request_body (call->msg, NULL, NULL, -1);
  if (body == NULL)
    {
      g_debug ("%s %s failed after %.0f ms: %s", call->method, call->path, duration_ms,
               error->message);
      return_error (task, transport_error (self, call->msg, error));
      g_object_unref (task);
      return;
    }

  http_status = soup_message_get_status (call->msg);
  call->retry_after_s = read_retry_after (call->msg);
  g_debug ("%s %s → HTTP %u, %" G_GSIZE_FORMAT " bytes, %.0f ms", call->method, call->path,
           http_status, g_bytes_get_size (body), duration_ms);
  g_signal_emit (self, signals[REPLY], 0, call->method, call->path, http_status, body);
  handle_reply (task, body, http_status, duration_ms);
}

/* Query strings */

static void
append_query (GString    *path,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || value[0] == '\0')
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (path, "%c%s=%s", strchr (path->str, '?') != NULL ? '&' : '?',
                          name, escaped);
}

static void
append_query_uint (GString    *path,
                   const char *name,
                   guint       value)
{
  char text[16];

  if (value == 0)
    return;
  g_snprintf (text, sizeof text, "%u", value);
  append_query (path, name, text);
}

static const char *
sort_parameter (const AugurModelQuery *query)
{
  switch (query->sort)
    {
    case AUGUR_MODEL_SORT_NAME:
      return "sort_by_name";
    case AUGUR_MODEL_SORT_CREATED_AT:
      return "sort_by_created_at";
    case AUGUR_MODEL_SORT_MODIFIED_AT:
      return "sort_by_modified_at";
    case AUGUR_MODEL_SORT_STAR_COUNT:
      return "sort_by_star_count";
    case AUGUR_MODEL_SORT_RELEVANCE:
      /* "Can only be used if search is not empty" */
      return query->search != NULL && query->search[0] != '\0' ? "sort_by_relevance" : NULL;
    case AUGUR_MODEL_SORT_DEFAULT:
    default:
      return NULL;
    }
}

static char *
list_models_path (const AugurModelQuery *query)
{
  GString *path = g_string_new (NULL);
  const char *sort = sort_parameter (query);

  if (query->user_id != NULL && query->user_id[0] != '\0')
    {
      g_autofree char *user_id = g_uri_escape_string (query->user_id, NULL, FALSE);

      g_string_append_printf (path, "/v2/users/%s", user_id);
      if (query->app_id != NULL && query->app_id[0] != '\0')
        {
          g_autofree char *app_id = g_uri_escape_string (query->app_id, NULL, FALSE);

          g_string_append_printf (path, "/apps/%s", app_id);
        }
      g_string_append (path, "/models");
    }
  else
    g_string_append (path, "/v2/models");

  append_query (path, "search", query->search);
  append_query (path, "model_type_id", query->model_type_id);
  if (sort != NULL)
    append_query (path, sort, "true");
  if (query->sort_ascending)
    append_query (path, "sort_ascending", "true");
  append_query_uint (path, "page", MAX (query->page, 1));
  append_query_uint (path, "per_page", query->per_page);
  return g_string_free (path, FALSE);
}

/* Routes */

/**
 * augur_client_post_outputs_async:
 * @ref: the model; its version, if any, goes in the path
 * @body: a PostModelOutputs request body (see augur-request.h)
 * @cancellable: (nullable): cancels the request; the callback then gets
 *   %G_IO_ERROR_CANCELLED
 *
 * Sends one predict request. The callback runs in the thread-default main context of the
 * caller.
 */
void
augur_client_post_outputs_async (AugurClient         *self,
                                 const AugurModelRef *ref,
                                 GBytes              *body,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  g_autofree char *path = NULL;

  g_return_if_fail (AUGUR_IS_CLIENT (self));
  g_return_if_fail (ref != NULL);
  g_return_if_fail (body != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_call (self, REPLY_PREDICT, ref, cancellable, callback, user_data,
                   augur_client_post_outputs_async);
  if (!check_token (self, task))
    return;
  path = augur_model_ref_build_path (ref, TRUE, "/outputs");
  send_request (task, "POST", path, body);
}

/**
 * augur_client_post_outputs_finish:
 *
 * Returns: (transfer full) (nullable): the reply, whose status may be MIXED_STATUS or
 *   FAILURE with per-prediction statuses; %NULL with an error when the request failed as a
 *   whole (transport, TLS, auth, throttling, an API error without outputs, a bad reply)
 */
AugurPredictReply *
augur_client_post_outputs_finish (AugurClient   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (AUGUR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_client_post_outputs_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * augur_client_post_outputs_get_retry_after:
 * @result: what augur_client_post_outputs_async() passed to its callback
 *
 * The reply's Retry-After, also when the request failed as a whole (a throttled request
 * gives no #AugurPredictReply to read it from).
 *
 * Returns: seconds to wait before asking again; 0 when the reply had no Retry-After (or
 *   there was no reply)
 */
guint
augur_client_post_outputs_get_retry_after (AugurClient  *self,
                                           GAsyncResult *result)
{
  CallData *call;

  g_return_val_if_fail (AUGUR_IS_CLIENT (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_client_post_outputs_async,
                        0);

  call = g_task_get_task_data (G_TASK (result));
  return call != NULL ? call->retry_after_s : 0;
}

void
augur_client_get_model_async (AugurClient         *self,
                              const AugurModelRef *ref,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  g_autofree char *path = NULL;

  g_return_if_fail (AUGUR_IS_CLIENT (self));
  g_return_if_fail (ref != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_call (self, REPLY_MODEL, ref, cancellable, callback, user_data,
                   augur_client_get_model_async);
  if (!check_token (self, task))
    return;
  path = augur_model_ref_build_path (ref, FALSE, NULL);
  send_request (task, "GET", path, NULL);
}

/**
 * augur_client_get_model_finish:
 *
 * Returns: (transfer full) (nullable): the model; when the reference named a version, the
 *   model's version is that one (from GetModelVersion)
 */
AugurModel *
augur_client_get_model_finish (AugurClient   *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (AUGUR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_client_get_model_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Without a version in @ref, this is the latest version (from GetModel). */
void
augur_client_get_version_async (AugurClient         *self,
                                const AugurModelRef *ref,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  g_autofree char *path = NULL;

  g_return_if_fail (AUGUR_IS_CLIENT (self));
  g_return_if_fail (ref != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_call (self, REPLY_VERSION, ref, cancellable, callback, user_data,
                   augur_client_get_version_async);
  if (!check_token (self, task))
    return;
  path = augur_model_ref_build_path (ref, TRUE, NULL);
  send_request (task, "GET", path, NULL);
}

AugurModelVersion *
augur_client_get_version_finish (AugurClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (AUGUR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_client_get_version_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* @page: from 1 (0 means 1); @per_page: 0 means the server default */
void
augur_client_list_versions_async (AugurClient         *self,
                                  const AugurModelRef *ref,
                                  guint                page,
                                  guint                per_page,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  g_autofree char *base = NULL;
  g_autoptr(GString) path = NULL;

  g_return_if_fail (AUGUR_IS_CLIENT (self));
  g_return_if_fail (ref != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_call (self, REPLY_VERSIONS, ref, cancellable, callback, user_data,
                   augur_client_list_versions_async);
  if (!check_token (self, task))
    return;
  base = augur_model_ref_build_path (ref, FALSE, "/versions");
  path = g_string_new (base);
  append_query_uint (path, "page", MAX (page, 1));
  append_query_uint (path, "per_page", per_page);
  send_request (task, "GET", path->str, NULL);
}

GPtrArray *
augur_client_list_versions_finish (AugurClient   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (AUGUR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_client_list_versions_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* @search: (nullable): prefix of a concept id or name */
void
augur_client_list_concepts_async (AugurClient         *self,
                                  const AugurModelRef *ref,
                                  const char          *search,
                                  guint                page,
                                  guint                per_page,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  g_autofree char *base = NULL;
  g_autoptr(GString) path = NULL;

  g_return_if_fail (AUGUR_IS_CLIENT (self));
  g_return_if_fail (ref != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_call (self, REPLY_CONCEPTS, ref, cancellable, callback, user_data,
                   augur_client_list_concepts_async);
  if (!check_token (self, task))
    return;
  base = augur_model_ref_build_path (ref, TRUE, "/concepts");
  path = g_string_new (base);
  append_query (path, "search", search);
  append_query_uint (path, "page", MAX (page, 1));
  append_query_uint (path, "per_page", per_page);
  send_request (task, "GET", path->str, NULL);
}

GPtrArray *
augur_client_list_concepts_finish (AugurClient   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (AUGUR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_client_list_concepts_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
augur_client_get_output_info_async (AugurClient         *self,
                                    const AugurModelRef *ref,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;
  g_autofree char *path = NULL;

  g_return_if_fail (AUGUR_IS_CLIENT (self));
  g_return_if_fail (ref != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_call (self, REPLY_OUTPUT_INFO, ref, cancellable, callback, user_data,
                   augur_client_get_output_info_async);
  if (!check_token (self, task))
    return;
  path = augur_model_ref_build_path (ref, TRUE, "/output_info");
  send_request (task, "GET", path, NULL);
}

GPtrArray *
augur_client_get_output_info_finish (AugurClient   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (AUGUR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_client_get_output_info_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * augur_client_list_models_async:
 * @query: what to list; with a @user_id, that user's models (in @app_id if set), else
 *   community models across the platform
 */
void
augur_client_list_models_async (AugurClient           *self,
                                const AugurModelQuery *query,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  GTask *task;
  g_autofree char *path = NULL;

  g_return_if_fail (AUGUR_IS_CLIENT (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_call (self, REPLY_MODELS, NULL, cancellable, callback, user_data,
                   augur_client_list_models_async);
  if (!check_token (self, task))
    return;
  path = list_models_path (query);
  send_request (task, "GET", path, NULL);
}

GPtrArray *
augur_client_list_models_finish (AugurClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (AUGUR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_client_list_models_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
