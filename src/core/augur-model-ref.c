/* augur-model-ref.c: which model (and version) the user means.
 *
 * Accepts what people paste: a model page URL from clarifai.com (or an on-prem UI),
 * https://HOST/USER/APP/models/MODEL[/versions/VERSION], or the short USER/APP/MODEL[@VERSION].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-model-ref"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "augur-error.h"
#include "augur-model-ref.h"

G_DEFINE_BOXED_TYPE (AugurModelRef, augur_model_ref, augur_model_ref_copy, augur_model_ref_free)

AugurModelRef *
augur_model_ref_new (const char *user_id,
                     const char *app_id,
                     const char *model_id,
                     const char *version_id)
{
  AugurModelRef *ref;

  g_return_val_if_fail (user_id != NULL, NULL);
  g_return_val_if_fail (app_id != NULL, NULL);
  g_return_val_if_fail (model_id != NULL, NULL);

  ref = g_new0 (AugurModelRef, 1);
  ref->user_id = g_strdup (user_id);
  ref->app_id = g_strdup (app_id);
  ref->model_id = g_strdup (model_id);
  ref->version_id = version_id != NULL && version_id[0] != '\0' ? g_strdup (version_id) : NULL;
  return ref;
}

AugurModelRef *
augur_model_ref_copy (const AugurModelRef *ref)
{
  g_return_val_if_fail (ref != NULL, NULL);

  return augur_model_ref_new (ref->user_id, ref->app_id, ref->model_id, ref->version_id);
}

void
augur_model_ref_free (AugurModelRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->user_id);
  g_free (ref->app_id);
  g_free (ref->model_id);
  g_free (ref->version_id);
  g_free (ref);
}

/* @version_id: (nullable): %NULL means the latest version */
AugurModelRef *
augur_model_ref_with_version (const AugurModelRef *ref,
                              const char          *version_id)
{
  g_return_val_if_fail (ref != NULL, NULL);

  return augur_model_ref_new (ref->user_id, ref->app_id, ref->model_id, version_id);
}

gboolean
augur_model_ref_same_model (const AugurModelRef *a,
                            const AugurModelRef *b)
{
  return a != NULL && b != NULL
         && g_strcmp0 (a->user_id, b->user_id) == 0
         && g_strcmp0 (a->app_id, b->app_id) == 0
         && g_strcmp0 (a->model_id, b->model_id) == 0;
}

gboolean
augur_model_ref_equal (const AugurModelRef *a,
                       const AugurModelRef *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return augur_model_ref_same_model (a, b) && g_strcmp0 (a->version_id, b->version_id) == 0;
}

/* Clarifai ids: ASCII letters, digits, '-', '_' and '.'. */
static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || id[0] == '\0')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

static AugurModelRef *
parse_error (const char  *text,
             const char  *reason,
             GError     **error)
{
  g_set_error (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
               /* Translators: the first %s is what the user typed, the second why it fails */
               _("“%s” is not a model reference (%s). Use a model URL such as "
                 "https://clarifai.com/USER/APP/models/MODEL (optionally ending with "
                 "/versions/VERSION), or USER/APP/MODEL (optionally with @VERSION)."),
               text, reason);
  return NULL;
}

static AugurModelRef *
ref_from_ids (const char  *text,
              const char  *user_id,
              const char  *app_id,
              const char  *model_id,
              const char  *version_id,
              GError     **error)
{
  const char *ids[] = { user_id, app_id, model_id, version_id };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      if (i == 3 && version_id == NULL)
        break;
      if (!is_valid_id (ids[i]))
        return parse_error (text, ids[i] == NULL || ids[i][0] == '\0'
                                  ? _("an id is empty")
                                  : _("ids may only contain letters, digits, “-”, “_” and “.”"),
                            error);
    }
  return augur_model_ref_new (user_id, app_id, model_id, version_id);
}

/* USER/APP/models/MODEL[/versions/VERSION], the path of a model page. */
static AugurModelRef *
ref_from_page_segments (const char  *text,
                        char       **segments,
                        guint        n_segments,
                        GError     **error)
{
  if (n_segments != 4 && n_segments != 6)
    return parse_error (text, _("the path must be /USER/APP/models/MODEL or "
                                "/USER/APP/models/MODEL/versions/VERSION"), error);
  if (!g_str_equal (segments[2], "models") || (n_segments == 6 && !g_str_equal (segments[4], "versions")))
    return parse_error (text, _("the path must be /USER/APP/models/MODEL or "
                                "/USER/APP/models/MODEL/versions/VERSION"), error);
  return ref_from_ids (text, segments[0], segments[1], segments[3],
                       n_segments == 6 ? segments[5] : NULL, error);
}

static AugurModelRef *
parse_url (const char  *text,
           GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_ENCODED_PATH, NULL);
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) raw = NULL;
  const char *path;

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return parse_error (text, _("the URL is not valid"), error);

  path = g_uri_get_path (uri);
  raw = g_strsplit (path[0] == '/' ? path + 1 : path, "/", -1);
  for (guint i = 0; raw[i] != NULL; i++)
    {
      /* one trailing slash is fine: https://clarifai.com/u/a/models/m/ */
      if (raw[i][0] == '\0' && raw[i + 1] == NULL && i > 0)
        break;
      g_ptr_array_add (segments, g_uri_unescape_string (raw[i], NULL));
      if (g_ptr_array_index (segments, segments->len - 1) == NULL)
        return parse_error (text, _("the URL is not valid"), error);
    }
  return ref_from_page_segments (text, (char **) segments->pdata, segments->len, error);
}

static AugurModelRef *
parse_short (const char  *text,
             GError     **error)
{
  g_auto(GStrv) segments = g_strsplit (text, "/", -1);
  guint n_segments = g_strv_length (segments);
  g_auto(GStrv) model_and_version = NULL;

  /* The path of a model page without its host, as the OpenAI-compatible API takes it. */
  if (n_segments == 4 || n_segments == 6)
    return ref_from_page_segments (text, segments, n_segments, error);
  if (n_segments != 3)
    return parse_error (text, _("expected three parts separated by “/”"), error);

  /* g_strsplit() gives an empty vector for an empty string */
  if (segments[2][0] == '\0')
    return parse_error (text, _("an id is empty"), error);
  model_and_version = g_strsplit (segments[2], "@", -1);
  if (g_strv_length (model_and_version) > 2)
    return parse_error (text, _("more than one “@”"), error);
  if (model_and_version[1] != NULL && model_and_version[1][0] == '\0')
    return parse_error (text, _("the version after “@” is empty"), error);
  return ref_from_ids (text, segments[0], segments[1], model_and_version[0],
                       model_and_version[1], error);
}

static gboolean
has_http_scheme (const char *text)
{
  return g_ascii_strncasecmp (text, "https://", strlen ("https://")) == 0
         || g_ascii_strncasecmp (text, "http://", strlen ("http://")) == 0;
}

/**
 * augur_model_ref_parse:
 * @text: a model page URL (any http or https host; query and fragment are ignored) or
 *   USER/APP/MODEL[@VERSION]; surrounding white space is ignored
 *
 * Returns: (transfer full) (nullable): the reference, or %NULL with an
 *   %AUGUR_ERROR_INVALID_ARGUMENT error that lists the accepted forms.
 */
AugurModelRef *
augur_model_ref_parse (const char  *text,
                       GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    return parse_error (trimmed, _("it is empty"), error);
  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, AUGUR_ERROR, AUGUR_ERROR_INVALID_ARGUMENT,
                           _("The model reference is not valid text"));
      return NULL;
    }
  if (has_http_scheme (trimmed))
    return parse_url (trimmed, error);
  if (strstr (trimmed, "://") != NULL)
    return parse_error (trimmed, _("only http and https URLs are model pages"), error);
  return parse_short (trimmed, error);
}

char *
augur_model_ref_to_string (const AugurModelRef *ref)
{
  g_return_val_if_fail (ref != NULL, NULL);

  if (ref->version_id != NULL)
    return g_strdup_printf ("%s/%s/%s@%s", ref->user_id, ref->app_id, ref->model_id, ref->version_id);
  return augur_model_ref_to_model_string (ref);
}

char *
augur_model_ref_to_model_string (const AugurModelRef *ref)
{
  g_return_val_if_fail (ref != NULL, NULL);

  return g_strdup_printf ("%s/%s/%s", ref->user_id, ref->app_id, ref->model_id);
}

char *
augur_model_ref_to_url (const AugurModelRef *ref)
{
  g_autoptr(GString) url = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *model_id = NULL;

  g_return_val_if_fail (ref != NULL, NULL);

  user_id = g_uri_escape_string (ref->user_id, NULL, FALSE);
  app_id = g_uri_escape_string (ref->app_id, NULL, FALSE);
  model_id = g_uri_escape_string (ref->model_id, NULL, FALSE);
  url = g_string_new ("https://clarifai.com/");
  g_string_append_printf (url, "%s/%s/models/%s", user_id, app_id, model_id);
  if (ref->version_id != NULL)
    {
      g_autofree char *version_id = g_uri_escape_string (ref->version_id, NULL, FALSE);

      g_string_append_printf (url, "/versions/%s", version_id);
    }
  return g_string_free (g_steal_pointer (&url), FALSE);
}

/**
 * augur_model_ref_build_path:
 * @with_version: include /versions/{id} when the reference has a version
 * @suffix: (nullable): appended as is, e.g. "/outputs"
 *
 * Returns: (transfer full): "/v2/users/{u}/apps/{a}/models/{m}[/versions/{v}]{suffix}",
 *   each id percent-escaped.
 */
char *
augur_model_ref_build_path (const AugurModelRef *ref,
                            gboolean             with_version,
                            const char          *suffix)
{
  g_autoptr(GString) path = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *model_id = NULL;

  g_return_val_if_fail (ref != NULL, NULL);

  user_id = g_uri_escape_string (ref->user_id, NULL, FALSE);
  app_id = g_uri_escape_string (ref->app_id, NULL, FALSE);
  model_id = g_uri_escape_string (ref->model_id, NULL, FALSE);
  path = g_string_new (NULL);
  g_string_append_printf (path, "/v2/users/%s/apps/%s/models/%s", user_id, app_id, model_id);
  if (with_version && ref->version_id != NULL)
    {
      g_autofree char *version_id = g_uri_escape_string (ref->version_id, NULL, FALSE);

      g_string_append_printf (path, "/versions/%s", version_id);
    }
  if (suffix != NULL)
    g_string_append (path, suffix);
  return g_string_free (g_steal_pointer (&path), FALSE);
}
