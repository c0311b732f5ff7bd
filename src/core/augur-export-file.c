/* augur-export-file.c: predictions to a file, in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-export-file"

#include "augur-export-file.h"

#include <string.h>

#include "augur-config.h"
#include "augur-prediction.h"
#include "augur-worker.h"

const char *
augur_export_format_get_extension (AugurExportFormat format)
{
  return format == AUGUR_EXPORT_FORMAT_JSON ? "json" : "csv";
}

JsonNode *
augur_export_run_info_new (const char *model,
                           const char *version_id,
                           JsonNode   *settings,
                           const char *base_url)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported_at = g_date_time_format_iso8601 (now);
  g_autofree char *safe_url = augur_base_url_dup_public (base_url);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  model != NULL ? json_builder_add_string_value (builder, model)
                : json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "version_id");
  version_id != NULL ? json_builder_add_string_value (builder, version_id)
                     : json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "settings");
  settings != NULL ? json_builder_add_value (builder, json_node_copy (settings))
                   : json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "base_url");
  safe_url != NULL ? json_builder_add_string_value (builder, safe_url)
                   : json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, exported_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
json_contents (GPtrArray *predictions,
               JsonNode  *run_info)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  JsonArray *results = json_array_sized_new (predictions->len);

  if (run_info != NULL && JSON_NODE_HOLDS_OBJECT (run_info))
    {
      JsonObject *info = json_node_get_object (run_info);
      g_autoptr(GList) members = json_object_get_members (info);

      for (GList *l = members; l != NULL; l = l->next)
        if (g_strcmp0 (l->data, "results") != 0)
          json_object_set_member (object, l->data,
                                  json_node_copy (json_object_get_member (info, l->data)));
    }

  for (guint i = 0; i < predictions->len; i++)
    json_array_add_element (results,
                            augur_export_prediction_to_json (g_ptr_array_index (predictions, i)));
  json_object_set_array_member (object, "results", results);
  json_node_set_object (root, object);

  return augur_export_json_node (root, TRUE);
}

char *
augur_export_file_contents (AugurExportFormat  format,
                            AugurCsvLayout     layout,
                            guint              top_k,
                            GPtrArray         *predictions,
                            JsonNode          *run_info)
{
  g_return_val_if_fail (predictions != NULL, NULL);

  if (format == AUGUR_EXPORT_FORMAT_JSON)
    return json_contents (predictions, run_info);
  return augur_export_csv (predictions, layout, top_k);
}

typedef struct
{
  AugurExportFormat  format;
  AugurCsvLayout     layout;
  guint              top_k;
  GPtrArray         *predictions;  /* (owned) */
  JsonNode          *run_info;     /* (owned) (nullable) */
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->predictions, g_ptr_array_unref);
  g_clear_pointer (&data->run_info, json_node_unref);
  g_free (data);
}

static void
write_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  contents = augur_export_file_contents (data->format, data->layout, data->top_k,
                                         data->predictions, data->run_info);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (!g_file_replace_contents (G_FILE (source_object), contents, strlen (contents), NULL,
                                FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                cancellable, &error))
    {
      g_debug ("Could not export to %s: %s",
               g_file_peek_path (G_FILE (source_object)), error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
augur_export_write_file_async (GFile              *file,
                               AugurExportFormat   format,
                               AugurCsvLayout      layout,
                               guint               top_k,
                               GPtrArray          *predictions,
                               JsonNode           *run_info,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (predictions != NULL);

  data = g_new0 (WriteData, 1);
  data->format = format;
  data->layout = layout;
  data->top_k = top_k;
  data->predictions = g_ptr_array_new_full (predictions->len, g_object_unref);
  for (guint i = 0; i < predictions->len; i++)
    g_ptr_array_add (data->predictions, g_object_ref (g_ptr_array_index (predictions, i)));
  data->run_info = run_info != NULL ? json_node_copy (run_info) : NULL;

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_export_write_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  augur_worker_run (task, write_file_thread);
}

gboolean
augur_export_write_file_finish (GFile         *file,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
