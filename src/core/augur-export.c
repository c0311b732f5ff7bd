/* augur-export.c: predictions as JSON, CSV (RFC 4180) or an aligned text table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-export"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "augur-concept.h"
#include "augur-error.h"
#include "augur-export.h"
#include "augur-input.h"
#include "augur-prediction.h"
#include "augur-region.h"
#include "augur-status.h"

#define TABLE_MAX_NAME_WIDTH 40
#define PRETTY_LINE_WIDTH 100

/* Shared helpers ---------------------------------------------------------------------------- */

/* What the user gave: a path (relative to the working directory when inside it), the URL,
 * the whole text, or the label of pasted data. */
static char *
describe_file (GFile *file)
{
  g_autoptr(GFile) cwd = NULL;
  g_autofree char *cwd_path = g_get_current_dir ();
  g_autofree char *relative = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return g_file_get_uri (file);

  cwd = g_file_new_for_path (cwd_path);
  relative = g_file_get_relative_path (cwd, file);
  return g_filename_display_name (relative != NULL ? relative : path);
}

static char *
describe_input (AugurPrediction *prediction)
{
  AugurInput *input = augur_prediction_get_input (prediction);

  if (input == NULL)
    return NULL;

  if (augur_input_get_kind (input) == AUGUR_INPUT_FILE)
    return describe_file (augur_input_get_file (input));
  return augur_input_dup_description (input);
}

/* The server's status when it sent one; a local failure has code 0. A failure is described
 * by its error message, which already includes what the server said. */
static int
prediction_status_code (AugurPrediction *prediction)
{
  const GError *error = augur_prediction_get_error (prediction);
  const AugurStatus *status = augur_prediction_get_status (prediction);

  if (error != NULL && augur_error_get_status (error) != NULL)
    status = augur_error_get_status (error);
  if (status != NULL)
    return status->code;
  return error != NULL ? 0 : AUGUR_STATUS_SUCCESS;
}

static const char *
prediction_status_description (AugurPrediction *prediction)
{
  const GError *error = augur_prediction_get_error (prediction);
  const AugurStatus *status = augur_prediction_get_status (prediction);

  if (error != NULL)
    return error->message;
  if (status != NULL && status->description != NULL && *status->description != '\0')
    return status->description;
  return "Ok";
}

/* Shortest text that reads back as the same double: 0.99960595, not 0.99960594999999998. */
static void
append_double (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

/* The concepts of a prediction, or of all its regions ranked by value when it has none
 * (detection), as (transfer container) element-type AugurConcept. */
static int
compare_concepts_by_value (gconstpointer a,
                           gconstpointer b)
{
  double va = augur_concept_get_value (*(AugurConcept **) a);
  double vb = augur_concept_get_value (*(AugurConcept **) b);

  return (va < vb) - (va > vb);
}

static GPtrArray *
ranked_concepts (AugurPrediction *prediction)
{
  GPtrArray *concepts = augur_prediction_get_concepts (prediction);
  GPtrArray *regions = augur_prediction_get_regions (prediction);
  GPtrArray *ranked = g_ptr_array_new ();

  if (concepts->len > 0)
    {
      g_ptr_array_extend (ranked, concepts, NULL, NULL);
      return ranked;
    }
  for (guint i = 0; i < regions->len; i++)
    g_ptr_array_extend (ranked, augur_region_get_concepts (g_ptr_array_index (regions, i)),
                        NULL, NULL);
  g_ptr_array_sort (ranked, compare_concepts_by_value);
  return ranked;
}

/* JSON ------------------------------------------------------------------------------------- */

static void
add_concepts_member (JsonBuilder *builder,
                     GPtrArray   *concepts)
{
  json_builder_set_member_name (builder, "concepts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < concepts->len; i++)
    {
      AugurConcept *concept = g_ptr_array_index (concepts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, augur_concept_get_id (concept));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, augur_concept_get_name (concept));
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, augur_concept_get_value (concept));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_double_member (JsonBuilder *builder,
                   const char  *name,
                   double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
add_regions_member (JsonBuilder *builder,
                    GPtrArray   *regions)
{
  json_builder_set_member_name (builder, "regions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < regions->len; i++)
    {
      AugurRegion *region = g_ptr_array_index (regions, i);

      json_builder_begin_object (builder);
      if (augur_region_has_box (region))
        {
          add_double_member (builder, "top_row", augur_region_get_top_row (region));
          add_double_member (builder, "left_col", augur_region_get_left_col (region));
          add_double_member (builder, "bottom_row", augur_region_get_bottom_row (region));
          add_double_member (builder, "right_col", augur_region_get_right_col (region));
        }
      add_concepts_member (builder, augur_region_get_concepts (region));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_nullable_string_member (JsonBuilder *builder,
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
add_status_member (JsonBuilder     *builder,
                   AugurPrediction *prediction)
{
  json_builder_set_member_name (builder, "status");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, prediction_status_code (prediction));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, prediction_status_description (prediction));
  json_builder_end_object (builder);
}

/* Embeddings are long; they go out only when the model made some. */
static void
add_embeddings_member (JsonBuilder *builder,
                       GPtrArray   *embeddings)
{
  if (embeddings == NULL || embeddings->len == 0)
    return;

  json_builder_set_member_name (builder, "embeddings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < embeddings->len; i++)
    {
      GArray *vector = g_ptr_array_index (embeddings, i);

      json_builder_begin_array (builder);
      for (guint j = 0; j < vector->len; j++)
        json_builder_add_double_value (builder, g_array_index (vector, float, j));
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

static void
add_model_members (JsonBuilder     *builder,
                   AugurPrediction *prediction)
{
  const char *model_id = augur_prediction_get_model_id (prediction);
  const char *version_id = augur_prediction_get_version_id (prediction);

  if (model_id != NULL)
    add_nullable_string_member (builder, "model_id", model_id);
  if (version_id != NULL)
    add_nullable_string_member (builder, "version_id", version_id);
}

/**
 * augur_export_prediction_to_json:
 * @prediction: a finished prediction
 *
 * Returns: (transfer full): an object with "input", "status" {code, description},
 *   "concepts" [{id, name, value}] ranked as returned, "regions" [{top_row, left_col,
 *   bottom_row, right_col, concepts}], "text" (or null), plus "model_id", "version_id" and
 *   "embeddings" when known. A failure has code 0 unless the server sent a status, and its
 *   error message as description.
 */
JsonNode *
augur_export_prediction_to_json (AugurPrediction *prediction)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *input = NULL;

  g_return_val_if_fail (AUGUR_IS_PREDICTION (prediction), NULL);

  input = describe_input (prediction);
  json_builder_begin_object (builder);
  add_nullable_string_member (builder, "input", input);
  add_status_member (builder, prediction);
  add_concepts_member (builder, augur_prediction_get_concepts (prediction));
  add_regions_member (builder, augur_prediction_get_regions (prediction));
  add_nullable_string_member (builder, "text", augur_prediction_get_text (prediction));
  add_model_members (builder, prediction);
  add_embeddings_member (builder, augur_prediction_get_embeddings (prediction));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Our own writer, because json-glib 1.6 prints 0.7 as 0.69999999999999996. Pretty output
 * puts an object or array of plain values on one line when it fits in 100 columns:
 * {"id": "x", "name": "y", "value": 1}. */
static void write_node (GString *out, JsonNode *node, int indent);

static void
write_string (GString    *out,
              const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_STRING)
    write_string (out, json_node_get_string (node));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (isfinite (json_node_get_double (node)))
    append_double (out, json_node_get_double (node));
  else
    g_string_append (out, "null");
}

static gboolean
node_is_container (JsonNode *node)
{
  JsonNodeType type = json_node_get_node_type (node);

  return type == JSON_NODE_OBJECT || type == JSON_NODE_ARRAY;
}

static gboolean
object_is_flat (JsonObject *object)
{
  g_autoptr(GList) values = json_object_get_values (object);

  for (GList *l = values; l != NULL; l = l->next)
    if (node_is_container (l->data))
      return FALSE;
  return TRUE;
}

static gboolean
array_is_flat (JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (node_is_container (json_array_get_element (array, i)))
      return FALSE;
  return TRUE;
}

/* Writes what goes between two elements: a comma, then a newline and indent unless @flat. */
static void
write_separator (GString  *out,
                 gboolean  first,
                 gboolean  flat,
                 int       indent)
{
  if (!first)
    g_string_append_c (out, ',');
  if (indent < 0)
    return;
  if (flat)
    {
      if (!first)
        g_string_append_c (out, ' ');
      return;
    }
  g_string_append_c (out, '\n');
  g_string_append_printf (out, "%*s", indent + 2, "");
}

static void
write_closing (GString  *out,
               char      bracket,
               gboolean  empty,
               gboolean  flat,
               int       indent)
{
  if (indent >= 0 && !flat && !empty)
    g_string_append_printf (out, "\n%*s", indent, "");
  g_string_append_c (out, bracket);
}

static void
write_object (GString    *out,
              JsonObject *object,
              gboolean    flat,
              int         indent)
{
  g_autoptr(GList) members = json_object_get_members (object);

  g_string_append_c (out, '{');
  for (GList *l = members; l != NULL; l = l->next)
    {
      write_separator (out, l == members, flat, indent);
      write_string (out, l->data);
      g_string_append (out, indent >= 0 ? ": " : ":");
      write_node (out, json_object_get_member (object, l->data), indent < 0 ? -1 : indent + 2);
    }
  write_closing (out, '}', members == NULL, flat, indent);
}

static void
write_array (GString   *out,
             JsonArray *array,
             gboolean   flat,
             int        indent)
{
  guint length = json_array_get_length (array);

  g_string_append_c (out, '[');
  for (guint i = 0; i < length; i++)
    {
      write_separator (out, i == 0, flat, indent);
      write_node (out, json_array_get_element (array, i), indent < 0 ? -1 : indent + 2);
    }
  write_closing (out, ']', length == 0, flat, indent);
}

static void
write_container (GString  *out,
                 JsonNode *node,
                 gboolean  flat,
                 int       indent)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    write_object (out, json_node_get_object (node), flat, indent);
  else
    write_array (out, json_node_get_array (node), flat, indent);
}

static gboolean
container_is_flat (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return object_is_flat (json_node_get_object (node));
  return array_is_flat (json_node_get_array (node));
}

/* Pretty output keeps a container of plain values on one line when it fits. */
static void
write_pretty_container (GString  *out,
                        JsonNode *node,
                        int       indent)
{
  g_autoptr(GString) line = NULL;

  if (container_is_flat (node))
    {
      line = g_string_new (NULL);
      write_container (line, node, TRUE, indent);
      if (indent + line->len <= PRETTY_LINE_WIDTH)
        {
          g_string_append_len (out, line->str, line->len);
          return;
        }
    }
  write_container (out, node, FALSE, indent);
}

/* @indent < 0 means compact output. */
static void
write_node (GString  *out,
            JsonNode *node,
            int       indent)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
    case JSON_NODE_ARRAY:
      if (indent < 0)
        write_container (out, node, TRUE, indent);
      else
        write_pretty_container (out, node, indent);
      break;
    case JSON_NODE_VALUE:
      write_value (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * augur_export_json_node:
 * @node: any JSON tree
 * @pretty: indent with two spaces; objects and arrays of plain values stay on one line
 *
 * Returns: (transfer full): @node as JSON text, numbers written shortest, ending with a
 *   newline
 */
char *
augur_export_json_node (JsonNode *node,
                        gboolean  pretty)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  write_node (out, node, pretty ? 0 : -1);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/**
 * augur_export_json:
 * @predictions: (element-type AugurPrediction): in the order to print them
 * @pretty: indent with two spaces, one concept per line
 *
 * Returns: (transfer full): one JSON array, one object per prediction (see
 *   augur_export_prediction_to_json()), ending with a newline.
 */
char *
augur_export_json (GPtrArray *predictions,
                   gboolean   pretty)
{
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (predictions != NULL, NULL);

  array = json_array_sized_new (predictions->len);
  for (guint i = 0; i < predictions->len; i++)
    json_array_add_element (array,
                            augur_export_prediction_to_json (g_ptr_array_index (predictions, i)));
  root = json_node_init_array (json_node_alloc (), array);
  return augur_export_json_node (root, pretty);
}

/* CSV -------------------------------------------------------------------------------------- */

static gboolean
field_is_number (const char *field)
{
  char *end = NULL;

  g_ascii_strtod (field, &end);
  return end != field && *end == '\0';
}

/* A spreadsheet runs "=HYPERLINK(…)" typed in a cell; a leading ' makes it text. */
static gboolean
field_needs_formula_guard (const char *field)
{
  return field[0] != '\0' && strchr ("=+-@", field[0]) != NULL && !field_is_number (field);
}

/**
 * augur_csv_append_field:
 * @out: where to append
 * @field: (nullable): the field; %NULL is an empty field
 *
 * Appends @field quoted as RFC 4180 asks (when it holds a comma, a double quote, CR or LF;
 * quotes doubled). A field that a spreadsheet would run as a formula (starting with = + - @,
 * unless it is a number) gets a leading single quote.
 */
void
augur_csv_append_field (GString    *out,
                        const char *field)
{
  gboolean guard;

  g_return_if_fail (out != NULL);

  if (field == NULL || *field == '\0')
    return;

  guard = field_needs_formula_guard (field);
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      if (guard)
        g_string_append_c (out, '\'');
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Appends each of @fields (NULL entries are empty) and ends the record with CRLF. */
static void
append_record (GString           *out,
               const char * const *fields,
               guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      augur_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static char *
format_double (double value)
{
  GString *s = g_string_new (NULL);

  append_double (s, value);
  return g_string_free (s, FALSE);
}

enum {
  COL_INPUT,
  COL_STATUS,
  COL_CONCEPT_ID,
  COL_CONCEPT_NAME,
  COL_VALUE,
  COL_REGION,
  COL_TOP_ROW,
  COL_LEFT_COL,
  COL_BOTTOM_ROW,
  COL_RIGHT_COL,
  COL_TEXT,
  COL_ERROR,
  N_CONCEPT_COLUMNS
};

static const char * const concept_header[N_CONCEPT_COLUMNS] = {
  "input", "status", "concept_id", "concept_name", "value", "region",
  "top_row", "left_col", "bottom_row", "right_col", "text", "error",
};

/* One record of the row-per-concept layout; strings it formats are freed with it. */
typedef struct
{
  const char *fields[N_CONCEPT_COLUMNS];
  char       *owned[N_CONCEPT_COLUMNS];
} ConceptRow;

static void
concept_row_set_owned (ConceptRow *row,
                       guint       column,
                       char       *value)
{
  g_free (row->owned[column]);
  row->owned[column] = value;
  row->fields[column] = value;
}

static void
concept_row_clear (ConceptRow *row)
{
  for (guint i = 0; i < N_CONCEPT_COLUMNS; i++)
    g_clear_pointer (&row->owned[i], g_free);
  memset (row->fields, 0, sizeof row->fields);
}

static void
concept_row_set_concept (ConceptRow   *row,
                         AugurConcept *concept)
{
  row->fields[COL_CONCEPT_ID] = concept != NULL ? augur_concept_get_id (concept) : NULL;
  row->fields[COL_CONCEPT_NAME] = concept != NULL ? augur_concept_get_name (concept) : NULL;
  if (concept != NULL)
    concept_row_set_owned (row, COL_VALUE, format_double (augur_concept_get_value (concept)));
  else
    concept_row_set_owned (row, COL_VALUE, NULL);
}

static void
concept_row_set_region (ConceptRow  *row,
                        guint        index,
                        AugurRegion *region)
{
  concept_row_set_owned (row, COL_REGION, g_strdup_printf ("%u", index));
  if (!augur_region_has_box (region))
    return;
  concept_row_set_owned (row, COL_TOP_ROW, format_double (augur_region_get_top_row (region)));
  concept_row_set_owned (row, COL_LEFT_COL, format_double (augur_region_get_left_col (region)));
  concept_row_set_owned (row, COL_BOTTOM_ROW,
                         format_double (augur_region_get_bottom_row (region)));
  concept_row_set_owned (row, COL_RIGHT_COL, format_double (augur_region_get_right_col (region)));
}

static void
append_region_rows (GString     *out,
                    ConceptRow  *row,
                    guint        index,
                    AugurRegion *region)
{
  GPtrArray *concepts = augur_region_get_concepts (region);

  concept_row_set_region (row, index, region);
  for (guint i = 0; i < MAX (concepts->len, 1); i++)
    {
      concept_row_set_concept (row, i < concepts->len ? g_ptr_array_index (concepts, i) : NULL);
      append_record (out, row->fields, N_CONCEPT_COLUMNS);
    }
  for (guint c = COL_REGION; c <= COL_RIGHT_COL; c++)
    concept_row_set_owned (row, c, NULL);
}

static void
append_prediction_concept_rows (GString         *out,
                                AugurPrediction *prediction)
{
  GPtrArray *concepts = augur_prediction_get_concepts (prediction);
  GPtrArray *regions = augur_prediction_get_regions (prediction);
  const GError *error = augur_prediction_get_error (prediction);
  ConceptRow row = { { NULL, }, { NULL, } };

  concept_row_set_owned (&row, COL_INPUT, describe_input (prediction));
  concept_row_set_owned (&row, COL_STATUS,
                         g_strdup_printf ("%d", prediction_status_code (prediction)));
  row.fields[COL_TEXT] = augur_prediction_get_text (prediction);
  row.fields[COL_ERROR] = error != NULL ? error->message : NULL;

  for (guint i = 0; i < concepts->len; i++)
    {
      concept_row_set_concept (&row, g_ptr_array_index (concepts, i));
      append_record (out, row.fields, N_CONCEPT_COLUMNS);
    }
  for (guint i = 0; i < regions->len; i++)
    append_region_rows (out, &row, i, g_ptr_array_index (regions, i));
  if (concepts->len == 0 && regions->len == 0)
    append_record (out, row.fields, N_CONCEPT_COLUMNS);

  concept_row_clear (&row);
}

static guint
max_concept_count (GPtrArray *predictions)
{
  guint max = 0;

  for (guint i = 0; i < predictions->len; i++)
    {
      g_autoptr(GPtrArray) ranked = ranked_concepts (g_ptr_array_index (predictions, i));
      max = MAX (max, ranked->len);
    }
  return max;
}

static void
append_input_header (GString *out,
                     guint    top_k)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (fields, g_strdup ("input"));
  g_ptr_array_add (fields, g_strdup ("status"));
  for (guint k = 1; k <= top_k; k++)
    {
      g_ptr_array_add (fields, g_strdup_printf ("top%u_name", k));
      g_ptr_array_add (fields, g_strdup_printf ("top%u_value", k));
    }
  g_ptr_array_add (fields, g_strdup ("text"));
  g_ptr_array_add (fields, g_strdup ("error"));
  append_record (out, (const char * const *) fields->pdata, fields->len);
}

static void
append_prediction_input_row (GString         *out,
                             AugurPrediction *prediction,
                             guint            top_k)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ranked = ranked_concepts (prediction);
  const GError *error = augur_prediction_get_error (prediction);

  g_ptr_array_add (fields, describe_input (prediction));
  g_ptr_array_add (fields, g_strdup_printf ("%d", prediction_status_code (prediction)));
  for (guint k = 0; k < top_k; k++)
    {
      AugurConcept *concept = k < ranked->len ? g_ptr_array_index (ranked, k) : NULL;

      g_ptr_array_add (fields, concept != NULL ? g_strdup (augur_concept_get_name (concept)) : NULL);
      g_ptr_array_add (fields, concept != NULL ? format_double (augur_concept_get_value (concept))
                                               : NULL);
    }
  g_ptr_array_add (fields, g_strdup (augur_prediction_get_text (prediction)));
  g_ptr_array_add (fields, g_strdup (error != NULL ? error->message : NULL));
  append_record (out, (const char * const *) fields->pdata, fields->len);
}

/**
 * augur_export_csv:
 * @predictions: (element-type AugurPrediction): in the order to print them
 * @layout: one row per concept, or one row per input
 * @top_k: for %AUGUR_CSV_ROW_PER_INPUT, how many concepts to give columns to; 0 means as
 *   many as the richest prediction has
 *
 * Row per concept: input,status,concept_id,concept_name,value,region,top_row,left_col,
 * bottom_row,right_col,text,error. Region concepts carry their region's index (from 0) and
 * box. An input with no concepts (text, or a failure) gets one row with empty concept columns.
 *
 * Row per input: input,status,top1_name,top1_value,…,text,error. For a detection, the
 * concepts of all regions, ranked by value.
 *
 * Status is the Clarifai status code (0 for a failure that never reached the server).
 * Records end with CRLF, as RFC 4180 asks.
 *
 * Returns: (transfer full): the CSV text
 */
char *
augur_export_csv (GPtrArray      *predictions,
                  AugurCsvLayout  layout,
                  guint           top_k)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (predictions != NULL, NULL);

  if (layout == AUGUR_CSV_ROW_PER_INPUT)
    {
      if (top_k == 0)
        top_k = max_concept_count (predictions);
      append_input_header (out, top_k);
      for (guint i = 0; i < predictions->len; i++)
        append_prediction_input_row (out, g_ptr_array_index (predictions, i), top_k);
    }
  else
    {
      append_record (out, concept_header, N_CONCEPT_COLUMNS);
      for (guint i = 0; i < predictions->len; i++)
        append_prediction_concept_rows (out, g_ptr_array_index (predictions, i));
    }

  return g_string_free (out, FALSE);
}

/* Table ------------------------------------------------------------------------------------ */

static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  glong n_chars = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = n_chars; i < (glong) width; i++)
    g_string_append_c (out, ' ');
}

static guint
name_column_width (GPtrArray *concepts)
{
  guint width = 0;

  for (guint i = 0; i < concepts->len; i++)
    {
      const char *name = augur_concept_get_name (g_ptr_array_index (concepts, i));
      width = MAX (width, (guint) g_utf8_strlen (name, -1));
    }
  return MIN (width, TABLE_MAX_NAME_WIDTH);
}

static void
append_table_concepts (GString   *out,
                       GPtrArray *concepts)
{
  guint width = name_column_width (concepts);

  for (guint i = 0; i < concepts->len; i++)
    {
      AugurConcept *concept = g_ptr_array_index (concepts, i);

      g_string_append (out, "  ");
      append_padded (out, augur_concept_get_name (concept), width);
      g_string_append_printf (out, "  %5.1f%%\n", augur_concept_get_value (concept) * 100.0);
    }
}

static void
append_table_box (GString     *out,
                  AugurRegion *region)
{
  char l[16], t[16], r[16], b[16];

  if (!augur_region_has_box (region))
    {
      g_string_append (out, "  region");
      return;
    }
  g_ascii_formatd (l, sizeof l, "%.3f", augur_region_get_left_col (region));
  g_ascii_formatd (t, sizeof t, "%.3f", augur_region_get_top_row (region));
  g_ascii_formatd (r, sizeof r, "%.3f", augur_region_get_right_col (region));
  g_ascii_formatd (b, sizeof b, "%.3f", augur_region_get_bottom_row (region));
  g_string_append_printf (out, "  box [%s, %s, %s, %s]", l, t, r, b);
}

static void
append_table_regions (GString   *out,
                      GPtrArray *regions)
{
  for (guint i = 0; i < regions->len; i++)
    {
      AugurRegion *region = g_ptr_array_index (regions, i);
      GPtrArray *concepts = augur_region_get_concepts (region);

      append_table_box (out, region);
      if (concepts->len > 0)
        g_string_append_printf (out, " %s %.1f%%", augur_region_get_label (region),
                                augur_concept_get_value (g_ptr_array_index (concepts, 0)) * 100.0);
      g_string_append_c (out, '\n');
    }
}

static void
append_table_extras (GString         *out,
                     AugurPrediction *prediction)
{
  GPtrArray *embeddings = augur_prediction_get_embeddings (prediction);
  GBytes *image = augur_prediction_get_image (prediction);

  for (guint i = 0; embeddings != NULL && i < embeddings->len; i++)
    g_string_append_printf (out, "  embedding: %u dimensions\n",
                            ((GArray *) g_ptr_array_index (embeddings, i))->len);
  if (image != NULL)
    g_string_append_printf (out, "  image: %" G_GSIZE_FORMAT " bytes\n", g_bytes_get_size (image));
}

static void
append_table_prediction (GString         *out,
                         AugurPrediction *prediction)
{
  g_autofree char *input = describe_input (prediction);
  const GError *error = augur_prediction_get_error (prediction);
  const char *text = augur_prediction_get_text (prediction);

  g_string_append_printf (out, "%s\n", input != NULL ? input : "");
  if (error != NULL)
    {
      g_string_append_printf (out, "  error: %s\n", error->message);
      return;
    }
  append_table_concepts (out, augur_prediction_get_concepts (prediction));
  append_table_regions (out, augur_prediction_get_regions (prediction));
  append_table_extras (out, prediction);
  if (text != NULL)
    {
      g_string_append (out, text);
      if (*text == '\0' || !g_str_has_suffix (text, "\n"))
        g_string_append_c (out, '\n');
    }
}

/**
 * augur_export_table:
 * @predictions: (element-type AugurPrediction): in the order to print them
 *
 * Returns: (transfer full): text for people: each input on its own line, then its concepts
 *   as "name  93.1%" lines, regions as "box [left, top, right, bottom] label value", text as
 *   is, or "error: message"; a blank line between inputs.
 */
char *
augur_export_table (GPtrArray *predictions)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (predictions != NULL, NULL);

  for (guint i = 0; i < predictions->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      append_table_prediction (out, g_ptr_array_index (predictions, i));
    }
  return g_string_free (out, FALSE);
}
