/* fuzz-response.c: libFuzzer harness for the reply parser.
 *
 * Every input goes to every augur_response_parse_* function as a body received with HTTP 200
 * and with HTTP 400, then (when it is a JSON object with a status) its members go to the
 * object-level parsers. Any GLib warning or critical aborts, so that libFuzzer reports it as a
 * crash: a reply must never reach a g_return_if_fail or a json-glib type check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-fuzz"

#include <stdint.h>
#include <stdlib.h>

#include "augur-core.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static GLogWriterOutput
abort_on_warning_writer (GLogLevelFlags   log_level,
                         const GLogField *fields,
                         gsize            n_fields,
                         gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (abort_on_warning_writer, NULL, NULL);
  return 0;
}

static void
free_result (gpointer        result,
             GDestroyNotify  free_func)
{
  if (result != NULL)
    free_func (result);
}

static void
parse_object_members (JsonObject *root)
{
  g_autoptr(GList) members = json_object_get_members (root);
  g_autoptr(AugurModel) model = NULL;
  g_autoptr(AugurModelVersion) version = NULL;
  g_autoptr(AugurModelSpec) spec = NULL;

  model = augur_response_model_from_json (root, NULL);
  version = augur_response_model_version_from_json (root, NULL);
  spec = augur_response_spec_from_model_version (root, NULL);
  augur_status_free (augur_response_status_from_json (root));

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (root, l->data);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);

          free_result (augur_response_model_from_json (object, NULL), g_object_unref);
          free_result (augur_response_model_version_from_json (object, NULL), g_object_unref);
          free_result (augur_response_spec_from_model_version (object, NULL),
                       (GDestroyNotify) augur_model_spec_unref);
          free_result (augur_response_parse_output (node, NULL), g_object_unref);
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            free_result (augur_response_parse_output (json_array_get_element (array, i), NULL),
                         g_object_unref);
        }
    }
}

static void
parse_body (GBytes *body,
            guint   http_status)
{
  g_autoptr(AugurStatus) status = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;

  free_result (augur_response_parse_predict (body, http_status, &status, &error),
               (GDestroyNotify) g_ptr_array_unref);
  g_clear_error (&error);
  free_result (augur_response_parse_model (body, http_status, NULL), g_object_unref);
  free_result (augur_response_parse_model_version (body, http_status, NULL), g_object_unref);
  free_result (augur_response_parse_models (body, http_status, NULL),
               (GDestroyNotify) g_ptr_array_unref);
  free_result (augur_response_parse_model_versions (body, http_status, NULL),
               (GDestroyNotify) g_ptr_array_unref);
  free_result (augur_response_parse_concepts (body, http_status, NULL),
               (GDestroyNotify) g_ptr_array_unref);
  free_result (augur_response_parse_output_info_concepts (body, http_status, NULL),
               (GDestroyNotify) g_ptr_array_unref);
  free_result (augur_response_parse_envelope (body, http_status, FALSE, NULL, NULL),
               (GDestroyNotify) json_object_unref);

  /* Errors must carry a message people can read */
  if (error != NULL && !g_utf8_validate (error->message, -1, NULL))
    abort ();

  root = augur_response_parse_envelope (body, http_status, TRUE, NULL, NULL);
  if (root != NULL)
    parse_object_members (root);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new_static (data, size);

  parse_body (body, 200);
  parse_body (body, 400);
  return 0;
}
