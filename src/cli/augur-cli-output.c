/* augur-cli-output.c: what the query commands print: aligned tables for people, JSON for
 * scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-cli"

#include <glib/gi18n.h>

#include "augur-cli-output.h"

/* Tables ----------------------------------------------------------------------------------- */

typedef struct
{
  guint      n_columns;
  GPtrArray *cells;    /* (element-type utf8) row after row */
} Table;

static Table *
table_new (guint n_columns)
{
  Table *table = g_new0 (Table, 1);

  table->n_columns = n_columns;
  table->cells = g_ptr_array_new_with_free_func (g_free);
  return table;
}

static void
table_free (Table *table)
{
  g_ptr_array_unref (table->cells);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

/* Adds the next cell, on one line; %NULL or "" shows as "-". */
static void
table_add (Table      *table,
           const char *text)
{
  char *cell = g_strdup (text != NULL && *text != '\0' ? text : "-");

  g_strdelimit (cell, "\r\n\t", ' ');
  g_ptr_array_add (table->cells, cell);
}

static void
table_take (Table *table,
            char  *text)
{
  table_add (table, text);
  g_free (text);
}

static guint
table_column_width (Table *table,
                    guint  column)
{
  guint width = 0;

  for (guint i = column; i < table->cells->len; i += table->n_columns)
    width = MAX (width, (guint) g_utf8_strlen (g_ptr_array_index (table->cells, i), -1));
  return width;
}

static char *
table_to_string (Table      *table,
                 const char *indent)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < table->n_columns; c++)
    widths[c] = table_column_width (table, c);

  for (guint i = 0; i < table->cells->len; i++)
    {
      const char *cell = g_ptr_array_index (table->cells, i);
      guint column = i % table->n_columns;

      if (column == 0)
        g_string_append (out, indent);
      g_string_append (out, cell);
      if (column == table->n_columns - 1)
        {
          g_string_append_c (out, '\n');
          continue;
        }
      for (guint pad = g_utf8_strlen (cell, -1); pad < widths[column] + 2; pad++)
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

static void
print_table (Table *table)
{
  g_autofree char *text = table_to_string (table, "");

  augur_cli_write_stdout (text);
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = augur_export_json_node (root, TRUE);

  augur_cli_write_stdout (text);
}

typedef void (*AddObjectFunc) (JsonBuilder *builder,
                               gpointer     item);

/* Prints @items as a JSON array, one object each from @add_object. */
static void
print_json_array (GPtrArray     *items,
                  AddObjectFunc  add_object)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    add_object (builder, g_ptr_array_index (items, i));
  json_builder_end_array (builder);
  print_json (builder);
}

/* JSON helpers ----------------------------------------------------------------------------- */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_status (JsonBuilder       *builder,
            const AugurStatus *status)
{
  json_builder_set_member_name (builder, "status");
  if (status == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  add_int (builder, "code", status->code);
  add_string (builder, "description", status->description);
  json_builder_end_object (builder);
}

static char *
describe_status (const AugurStatus *status)
{
  const char *name;

  if (status == NULL)
    return NULL;
  if (status->description != NULL && *status->description != '\0')
    return g_strdup (status->description);
  name = augur_status_code_name (status->code);
  return name != NULL ? g_strdup (name) : g_strdup_printf ("%d", status->code);
}

/* Versions --------------------------------------------------------------------------------- */

static void
add_version_object (JsonBuilder       *builder,
                    AugurModelVersion *version)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", augur_model_version_get_id (version));
  add_string (builder, "created_at", augur_model_version_get_created_at (version));
  add_status (builder, augur_model_version_get_status (version));
  add_string (builder, "description", augur_model_version_get_description (version));
  add_int (builder, "active_concept_count",
           augur_model_version_get_active_concept_count (version));
  json_builder_end_object (builder);
}

static void
add_version_item (JsonBuilder *builder,
                  gpointer     item)
{
  add_version_object (builder, item);
}

void
augur_cli_print_versions (GPtrArray      *versions,
                          AugurCliFormat  format)
{
  g_autoptr(Table) table = NULL;

  if (format == AUGUR_CLI_FORMAT_JSON)
    {
      print_json_array (versions, add_version_item);
      return;
    }

  table = table_new (3);
  table_add (table, _("ID"));
  table_add (table, _("CREATED"));
  table_add (table, _("STATUS"));
  for (guint i = 0; i < versions->len; i++)
    {
      AugurModelVersion *version = g_ptr_array_index (versions, i);

      table_add (table, augur_model_version_get_id (version));
      table_add (table, augur_model_version_get_created_at (version));
      table_take (table, describe_status (augur_model_version_get_status (version)));
    }
  print_table (table);
}

/* Concepts --------------------------------------------------------------------------------- */

static void
add_concept_object (JsonBuilder *builder,
                    gpointer     item)
{
  AugurConcept *concept = item;

  json_builder_begin_object (builder);
  add_string (builder, "id", augur_concept_get_id (concept));
  add_string (builder, "name", augur_concept_get_name (concept));
  json_builder_end_object (builder);
}

void
augur_cli_print_concepts (GPtrArray      *concepts,
                          AugurCliFormat  format)
{
  g_autoptr(Table) table = NULL;

  if (format == AUGUR_CLI_FORMAT_JSON)
    {
      print_json_array (concepts, add_concept_object);
      return;
    }

  table = table_new (2);
  table_add (table, _("ID"));
  table_add (table, _("NAME"));
  for (guint i = 0; i < concepts->len; i++)
    {
      table_add (table, augur_concept_get_id (g_ptr_array_index (concepts, i)));
      table_add (table, augur_concept_get_name (g_ptr_array_index (concepts, i)));
    }
  print_table (table);
}

/* Models ----------------------------------------------------------------------------------- */

static char *
model_ref_string (AugurModel *model)
{
  g_autoptr(AugurModelRef) ref = augur_model_get_ref (model);

  return augur_model_ref_to_string (ref);
}

static void
add_model_members (JsonBuilder *builder,
                   AugurModel  *model)
{
  g_autoptr(AugurModelRef) ref = augur_model_get_ref (model);
  g_autofree char *url = augur_model_ref_to_url (ref);

  add_string (builder, "id", augur_model_get_id (model));
  add_string (builder, "name", augur_model_get_name (model));
  add_string (builder, "user_id", augur_model_get_user_id (model));
  add_string (builder, "app_id", augur_model_get_app_id (model));
  add_string (builder, "model_type_id", augur_model_get_model_type_id (model));
  add_string (builder, "description", augur_model_get_description (model));
  add_string (builder, "created_at", augur_model_get_created_at (model));
  add_string (builder, "modified_at", augur_model_get_modified_at (model));
  add_int (builder, "star_count", augur_model_get_star_count (model));
  add_string (builder, "url", url);
}

static void
add_model_object (JsonBuilder *builder,
                  gpointer     item)
{
  json_builder_begin_object (builder);
  add_model_members (builder, item);
  json_builder_end_object (builder);
}

void
augur_cli_print_models (GPtrArray      *models,
                        AugurCliFormat  format)
{
  g_autoptr(Table) table = NULL;

  if (format == AUGUR_CLI_FORMAT_JSON)
    {
      print_json_array (models, add_model_object);
      return;
    }

  table = table_new (3);
  table_add (table, _("MODEL"));
  table_add (table, _("TYPE"));
  table_add (table, _("NAME"));
  for (guint i = 0; i < models->len; i++)
    {
      AugurModel *model = g_ptr_array_index (models, i);

      table_take (table, model_ref_string (model));
      table_add (table, augur_model_get_model_type_id (model));
      table_add (table, augur_model_get_name (model));
    }
  print_table (table);
}

/* Model info ------------------------------------------------------------------------------- */

static char *
format_number (double value)
{
  g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), value);
  char *text = augur_export_json_node (node, FALSE);

  return g_strchomp (text);
}

static char *
describe_default (JsonNode *value)
{
  if (value == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  return g_strchomp (augur_export_json_node (value, FALSE));
}

static char *
describe_range (const AugurParamSpec *param)
{
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *step = NULL;

  if (!param->has_range)
    return NULL;
  min = format_number (param->min);
  max = format_number (param->max);
  if (param->step <= 0)
    return g_strdup_printf ("%s..%s", min, max);
  step = format_number (param->step);
  return g_strdup_printf (_("%s..%s step %s"), min, max, step);
}

static char *
describe_param_type (const AugurParamSpec *param)
{
  const char *type = augur_param_type_to_string (param->type);

  if (!param->is_param)
    return g_strdup_printf (_("%s (input)"), type);
  if (param->required)
    return g_strdup_printf (_("%s (required)"), type);
  return g_strdup (type);
}

static void
add_param_row (Table                *table,
               const AugurParamSpec *param)
{
  table_add (table, param->name);
  table_take (table, describe_param_type (param));
  table_take (table, describe_default (param->default_value));
  table_take (table, describe_range (param));
  table_take (table, param->enum_options != NULL ? g_strjoinv (", ", param->enum_options) : NULL);
  table_add (table, param->description);
}

static char *
describe_params (const AugurModelSpec *spec)
{
  g_autoptr(Table) table = table_new (6);

  if (spec == NULL || spec->params->len == 0)
    return g_strdup_printf ("  %s\n", _("(the model lists no parameters)"));

  table_add (table, _("NAME"));
  table_add (table, _("TYPE"));
  table_add (table, _("DEFAULT"));
  table_add (table, _("RANGE"));
  table_add (table, _("OPTIONS"));
  table_add (table, _("DESCRIPTION"));
  for (guint i = 0; i < spec->params->len; i++)
    add_param_row (table, g_ptr_array_index (spec->params, i));
  return table_to_string (table, "  ");
}

static char *
describe_style (const AugurModelSpec *spec)
{
  if (spec != NULL && spec->pythonic)
    return g_strdup_printf (_("pythonic: arguments go as parts of method %s"),
                            spec->method_name != NULL ? spec->method_name : "predict");
  return g_strdup (_("legacy: parameters go in output_info.params"));
}

static char *
describe_version (AugurModelVersion *version)
{
  const char *created_at;

  if (version == NULL)
    return NULL;
  created_at = augur_model_version_get_created_at (version);
  if (created_at == NULL)
    return g_strdup (augur_model_version_get_id (version));
  return g_strdup_printf (_("%s (created %s)"), augur_model_version_get_id (version), created_at);
}

static void
print_model_info_table (AugurModel *model)
{
  AugurModelVersion *version = augur_model_get_version (model);
  AugurModelSpec *spec = version != NULL ? augur_model_version_get_spec (version) : NULL;
  g_autoptr(Table) table = table_new (2);
  g_autofree char *summary = NULL;
  g_autofree char *params = describe_params (spec);
  g_autofree char *text = NULL;

  table_add (table, _("Model"));
  table_take (table, model_ref_string (model));
  table_add (table, _("Name"));
  table_add (table, augur_model_get_name (model));
  table_add (table, _("Type"));
  table_add (table, augur_model_get_model_type_id (model));
  table_add (table, _("Version"));
  table_take (table, describe_version (version));
  table_add (table, _("Style"));
  table_take (table, describe_style (spec));
  table_add (table, _("Description"));
  table_add (table, augur_model_get_description (model));

  summary = table_to_string (table, "");
  text = g_strdup_printf ("%s%s\n%s", summary, _("Accepts:"), params);
  augur_cli_write_stdout (text);
}

static void
add_param_range (JsonBuilder          *builder,
                 const AugurParamSpec *param)
{
  if (!param->has_range)
    return;
  json_builder_set_member_name (builder, "min");
  json_builder_add_double_value (builder, param->min);
  json_builder_set_member_name (builder, "max");
  json_builder_add_double_value (builder, param->max);
  json_builder_set_member_name (builder, "step");
  json_builder_add_double_value (builder, param->step);
}

static void
add_param_object (JsonBuilder          *builder,
                  const AugurParamSpec *param)
{
  json_builder_begin_object (builder);
  add_string (builder, "name", param->name);
  add_string (builder, "type", augur_param_type_to_string (param->type));
  json_builder_set_member_name (builder, "input");
  json_builder_add_boolean_value (builder, !param->is_param);
  json_builder_set_member_name (builder, "required");
  json_builder_add_boolean_value (builder, param->required);
  json_builder_set_member_name (builder, "default");
  if (param->default_value != NULL)
    json_builder_add_value (builder, json_node_copy (param->default_value));
  else
    json_builder_add_null_value (builder);
  add_param_range (builder, param);
  json_builder_set_member_name (builder, "enum_options");
  json_builder_begin_array (builder);
  for (guint i = 0; param->enum_options != NULL && param->enum_options[i] != NULL; i++)
    json_builder_add_string_value (builder, param->enum_options[i]);
  json_builder_end_array (builder);
  add_string (builder, "description", param->description);
  json_builder_end_object (builder);
}

static void
add_spec_members (JsonBuilder          *builder,
                  const AugurModelSpec *spec)
{
  json_builder_set_member_name (builder, "pythonic");
  json_builder_add_boolean_value (builder, spec != NULL && spec->pythonic);
  add_string (builder, "method", spec != NULL ? spec->method_name : NULL);
  json_builder_set_member_name (builder, "params");
  json_builder_begin_array (builder);
  for (guint i = 0; spec != NULL && i < spec->params->len; i++)
    add_param_object (builder, g_ptr_array_index (spec->params, i));
  json_builder_end_array (builder);
}

static void
print_model_info_json (AugurModel *model)
{
  AugurModelVersion *version = augur_model_get_version (model);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_model_members (builder, model);
  json_builder_set_member_name (builder, "version");
  if (version != NULL)
    add_version_object (builder, version);
  else
    json_builder_add_null_value (builder);
  add_spec_members (builder, version != NULL ? augur_model_version_get_spec (version) : NULL);
  json_builder_end_object (builder);
  print_json (builder);
}

void
augur_cli_print_model_info (AugurModel     *model,
                            AugurCliFormat  format)
{
  if (format == AUGUR_CLI_FORMAT_JSON)
    print_model_info_json (model);
  else
    print_model_info_table (model);
}
