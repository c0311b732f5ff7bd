/* augur-compare-export.c: comparisons as CSV (RFC 4180) and JSON, through the public
 * AugurComparison API only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-compare"

#include <json-glib/json-glib.h>

#include "augur-compare.h"
#include "augur-concept.h"
#include "augur-export.h"
#include "augur-prediction.h"
#include "augur-word-diff.h"

/* Computed numbers (deltas, means) are exported with this many significant digits: the
 * server's values are single precision, so more digits would only show rounding noise. */
#define EXPORT_DIGITS 9

/* Shortest text that reads back as the same double: 0.99960595, not 0.99960594999999998.
 * %g drops trailing zeros, so 15 digits already give the shortest form of any double that
 * has one of 15 digits or fewer; only the others need 16 or 17. */
static char *
format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

static double
round_computed (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%." G_STRINGIFY (EXPORT_DIGITS) "g", value);
  return g_ascii_strtod (buf, NULL);
}

static const char *
cell_state_to_string (AugurCompareCellState state)
{
  switch (state)
    {
    case AUGUR_COMPARE_CELL_SUCCEEDED:
      return "ok";
    case AUGUR_COMPARE_CELL_FAILED:
      return "failed";
    case AUGUR_COMPARE_CELL_PENDING:
    default:
      return "pending";
    }
}

static const char *
cell_error_message (AugurComparison *comparison,
                    guint            column)
{
  AugurPrediction *prediction = augur_comparison_get_prediction (comparison, column);
  const GError *error = prediction != NULL ? augur_prediction_get_error (prediction) : NULL;

  return error != NULL ? error->message : NULL;
}

static gboolean
columns_fit (GPtrArray *columns,
             GPtrArray *comparisons)
{
  for (guint i = 0; i < comparisons->len; i++)
    {
      AugurComparison *comparison = g_ptr_array_index (comparisons, i);

      if (!AUGUR_IS_COMPARISON (comparison) ||
          augur_comparison_get_n_columns (comparison) != columns->len)
        return FALSE;
    }
  return columns->len >= AUGUR_COMPARE_MIN_COLUMNS && columns->len <= AUGUR_COMPARE_MAX_COLUMNS;
}

static const char *
column_name (GPtrArray *columns,
             guint      column)
{
  return ((AugurCompareColumn *) g_ptr_array_index (columns, column))->display_name;
}

static gboolean
has_any_text (GPtrArray *comparisons)
{
  for (guint i = 0; i < comparisons->len; i++)
    {
      AugurComparison *comparison = g_ptr_array_index (comparisons, i);

      for (guint k = 0; k < augur_comparison_get_n_columns (comparison); k++)
        if (augur_comparison_get_text (comparison, k) != NULL)
          return TRUE;
    }
  return FALSE;
}

/* CSV */

/* Each of @fields (NULL entries are empty), then CRLF as RFC 4180 asks. */
static void
append_record (GString   *out,
               GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      augur_csv_append_field (out, g_ptr_array_index (fields, i));
    }
  g_string_append (out, "\r\n");
}

static void
append_csv_header (GString   *out,
                   GPtrArray *columns,
                   gboolean   with_text)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  static const char * const first[] = { "index", "input", "agreement", "concept_id",
                                        "concept_name" };

  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    g_ptr_array_add (fields, g_strdup (first[i]));
  for (guint k = 0; k < columns->len; k++)
    g_ptr_array_add (fields, g_strdup_printf ("%s value", column_name (columns, k)));
  for (guint k = 1; k < columns->len; k++)
    g_ptr_array_add (fields, g_strdup_printf ("%s delta", column_name (columns, k)));
  g_ptr_array_add (fields, g_strdup ("only_in"));
  g_ptr_array_add (fields, g_strdup ("top1_of"));
  for (guint k = 0; k < columns->len; k++)
    g_ptr_array_add (fields, g_strdup_printf ("%s status", column_name (columns, k)));
  for (guint k = 0; with_text && k < columns->len; k++)
    g_ptr_array_add (fields, g_strdup_printf ("%s text", column_name (columns, k)));
  append_record (out, fields);
}

static char *
describe_top1_columns (GPtrArray             *columns,
                       const AugurCompareRow *row)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint k = 0; k < columns->len; k++)
    {
      if (!row->is_top1[k])
        continue;
      if (names->len > 0)
        g_string_append_c (names, ';');
      g_string_append (names, column_name (columns, k));
    }
  return names->len > 0 ? g_strdup (names->str) : NULL;
}

/* @row: (nullable): %NULL for an input without concepts, whose concept fields are empty */
static void
add_row_fields (GPtrArray             *fields,
                GPtrArray             *columns,
                const AugurCompareRow *row)
{
  g_ptr_array_add (fields, row != NULL ? g_strdup (row->concept_id) : NULL);
  g_ptr_array_add (fields, row != NULL ? g_strdup (row->concept_name) : NULL);
  for (guint k = 0; k < columns->len; k++)
    g_ptr_array_add (fields, row != NULL && row->present[k] ? format_double (row->values[k])
                                                            : NULL);
  for (guint k = 1; k < columns->len; k++)
    g_ptr_array_add (fields, row != NULL && row->has_delta[k]
                               ? format_double (round_computed (row->deltas[k])) : NULL);
  g_ptr_array_add (fields, row != NULL && row->only_in >= 0
                             ? g_strdup (column_name (columns, row->only_in)) : NULL);
  g_ptr_array_add (fields, row != NULL ? describe_top1_columns (columns, row) : NULL);
}

static char *
describe_cell_status (AugurComparison *comparison,
                      guint            column)
{
  const char *state = cell_state_to_string (augur_comparison_get_cell_state (comparison, column));
  const char *message = cell_error_message (comparison, column);

  if (message != NULL)
    return g_strdup_printf ("%s: %s", state, message);
  return g_strdup (state);
}

static void
append_csv_comparison (GString         *out,
                       GPtrArray       *columns,
                       AugurComparison *comparison,
                       gboolean         with_text)
{
  guint n_records = MAX (augur_comparison_get_n_rows (comparison), 1);
  const char *verdict = augur_compare_verdict_to_string (augur_comparison_get_verdict (comparison));

  for (guint r = 0; r < n_records; r++)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      const AugurCompareRow *row = NULL;

      if (r < augur_comparison_get_n_rows (comparison))
        row = augur_comparison_get_row (comparison, r);

      g_ptr_array_add (fields, g_strdup_printf ("%u", augur_comparison_get_index (comparison)));
      g_ptr_array_add (fields, g_strdup (augur_comparison_get_input_label (comparison)));
      g_ptr_array_add (fields, g_strdup (verdict));
      add_row_fields (fields, columns, row);
      for (guint k = 0; k < columns->len; k++)
        g_ptr_array_add (fields, describe_cell_status (comparison, k));
      for (guint k = 0; with_text && k < columns->len; k++)
        g_ptr_array_add (fields, g_strdup (augur_comparison_get_text (comparison, k)));
      append_record (out, fields);
    }
}

/**
 * augur_compare_export_csv:
 * @columns: (element-type AugurCompareColumn): the columns' identities, one per column
 * @comparisons: (element-type AugurComparison): the inputs, in the order to write them
 *
 * One record per input and aligned concept (an input without concepts gets one record with
 * empty concept fields): index,input,agreement,concept_id,concept_name, "NAME value" per
 * column, "NAME delta" per column after the first, only_in, top1_of (the names of the columns
 * whose top-1 this concept is, separated by ";"), "NAME status" per column ("ok", "pending",
 * or "failed: message"), and "NAME text" per column when any column wrote text. Absent
 * values and deltas are empty fields. Records end with CRLF; fields are quoted as RFC 4180
 * asks.
 *
 * Returns: (transfer full): the CSV text
 */
char *
augur_compare_export_csv (GPtrArray *columns,
                          GPtrArray *comparisons)
{
  GString *out = g_string_new (NULL);
  gboolean with_text;

  g_return_val_if_fail (columns != NULL && comparisons != NULL, g_string_free (out, FALSE));
  g_return_val_if_fail (columns_fit (columns, comparisons), g_string_free (out, FALSE));

  with_text = has_any_text (comparisons);
  append_csv_header (out, columns, with_text);
  for (guint i = 0; i < comparisons->len; i++)
    append_csv_comparison (out, columns, g_ptr_array_index (comparisons, i), with_text);
  return g_string_free (out, FALSE);
}

/* JSON */

static void
add_string_member (JsonBuilder *builder,
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
add_double_member (JsonBuilder *builder,
                   const char  *name,
                   double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_columns_member (JsonBuilder *builder,
                    GPtrArray   *columns)
{
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint k = 0; k < columns->len; k++)
    {
      AugurCompareColumn *column = g_ptr_array_index (columns, k);

      json_builder_begin_object (builder);
      add_string_member (builder, "name", column->display_name);
      add_string_member (builder, "model", column->model_ref);
      add_string_member (builder, "version_id", column->version_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_concept_counts_member (JsonBuilder *builder,
                           const char  *name,
                           GPtrArray   *counts)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      AugurConceptCount *count = g_ptr_array_index (counts, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "id", count->concept_id);
      add_string_member (builder, "name", count->concept_name);
      add_int_member (builder, "count", count->count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_column_summary (JsonBuilder                     *builder,
                    const AugurCompareColumnSummary *column)
{
  json_builder_begin_object (builder);
  add_int_member (builder, "succeeded", column->n_succeeded);
  add_int_member (builder, "failed", column->n_failed);
  add_int_member (builder, "pending", column->n_pending);
  add_double_member (builder, "median_duration_ms", round_computed (column->median_duration_ms));
  add_int_member (builder, "shared", column->n_shared);
  add_double_member (builder, "mean_abs_delta", round_computed (column->mean_abs_delta));
  add_int_member (builder, "gained", column->n_gained);
  add_int_member (builder, "lost", column->n_lost);
  add_concept_counts_member (builder, "gained_concepts", column->gained);
  add_concept_counts_member (builder, "lost_concepts", column->lost);
  json_builder_end_object (builder);
}

static void
add_summary_member (JsonBuilder         *builder,
                    AugurCompareSummary *summary)
{
  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  add_int_member (builder, "inputs", summary->n_inputs);
  add_int_member (builder, "complete", summary->n_complete);
  add_int_member (builder, "agree", summary->n_agree);
  add_double_member (builder, "top1_agreement", round_computed (summary->top1_agreement));
  add_int_member (builder, "shared", summary->n_shared);
  add_double_member (builder, "mean_abs_delta", round_computed (summary->mean_abs_delta));
  json_builder_set_member_name (builder, "fastest_column");
  if (summary->fastest_column >= 0)
    json_builder_add_int_value (builder, summary->fastest_column);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "disagreeing");
  json_builder_begin_array (builder);
  for (guint i = 0; i < summary->disagreeing->len; i++)
    json_builder_add_int_value (builder, g_array_index (summary->disagreeing, guint, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint k = 0; k < summary->n_columns; k++)
    add_column_summary (builder, &summary->columns[k]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_concept_member (JsonBuilder  *builder,
                    const char   *name,
                    AugurConcept *concept)
{
  json_builder_set_member_name (builder, name);
  if (concept == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  add_string_member (builder, "id", augur_concept_get_id (concept));
  add_string_member (builder, "name", augur_concept_get_name (concept));
  add_double_member (builder, "value", augur_concept_get_value (concept));
  json_builder_end_object (builder);
}

static void
add_diff_member (JsonBuilder *builder,
                 GPtrArray   *segments)
{
  static const char * const op_names[] = { "equal", "delete", "insert" };

  json_builder_set_member_name (builder, "diff");
  json_builder_begin_array (builder);
  for (guint i = 0; i < segments->len; i++)
    {
      AugurDiffSegment *segment = g_ptr_array_index (segments, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "op", op_names[segment->op]);
      add_string_member (builder, "text", segment->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_box_matches_member (JsonBuilder *builder,
                        GArray      *matches)
{
  json_builder_set_member_name (builder, "box_matches");
  json_builder_begin_array (builder);
  for (guint i = 0; i < matches->len; i++)
    {
      const AugurBoxMatch *match = &g_array_index (matches, AugurBoxMatch, i);

      json_builder_begin_object (builder);
      add_int_member (builder, "ref_region", match->ref_region);
      add_int_member (builder, "region", match->region);
      add_double_member (builder, "iou", round_computed (match->iou));
      json_builder_set_member_name (builder, "same_label");
      json_builder_add_boolean_value (builder, match->same_label);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_cell_text (JsonBuilder     *builder,
               AugurComparison *comparison,
               guint            column)
{
  const char *text = augur_comparison_get_text (comparison, column);
  GPtrArray *diff;

  if (text == NULL)
    return;
  add_string_member (builder, "text", text);
  add_int_member (builder, "chars", augur_comparison_get_text_chars (comparison, column));
  add_int_member (builder, "words", augur_comparison_get_text_words (comparison, column));
  diff = augur_comparison_get_text_diff (comparison, column);
  if (diff != NULL && augur_comparison_get_text (comparison, 0) != NULL)
    add_diff_member (builder, diff);
}

static void
add_cell (JsonBuilder     *builder,
          AugurComparison *comparison,
          guint            column)
{
  AugurPrediction *prediction = augur_comparison_get_prediction (comparison, column);
  GArray *matches;

  json_builder_begin_object (builder);
  add_string_member (builder, "status",
                     cell_state_to_string (augur_comparison_get_cell_state (comparison, column)));
  if (cell_error_message (comparison, column) != NULL)
    add_string_member (builder, "error", cell_error_message (comparison, column));
  if (prediction != NULL)
    {
      add_string_member (builder, "model_id", augur_prediction_get_model_id (prediction));
      add_string_member (builder, "version_id", augur_prediction_get_version_id (prediction));
      add_double_member (builder, "duration_ms", augur_prediction_get_duration_ms (prediction));
    }
  add_concept_member (builder, "top1", augur_comparison_get_top1 (comparison, column));
  add_cell_text (builder, comparison, column);
  matches = augur_comparison_get_box_matches (comparison, column);
  if (matches != NULL && matches->len > 0)
    add_box_matches_member (builder, matches);
  json_builder_end_object (builder);
}

static void
add_row (JsonBuilder           *builder,
         guint                  n_columns,
         const AugurCompareRow *row)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "concept_id", row->concept_id);
  add_string_member (builder, "concept_name", row->concept_name);
  json_builder_set_member_name (builder, "values");
  json_builder_begin_array (builder);
  for (guint k = 0; k < n_columns; k++)
    if (row->present[k])
      json_builder_add_double_value (builder, row->values[k]);
    else
      json_builder_add_null_value (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "deltas");
  json_builder_begin_array (builder);
  for (guint k = 0; k < n_columns; k++)
    if (row->has_delta[k])
      json_builder_add_double_value (builder, round_computed (row->deltas[k]));
    else
      json_builder_add_null_value (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "only_in");
  if (row->only_in >= 0)
    json_builder_add_int_value (builder, row->only_in);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "top1_of");
  json_builder_begin_array (builder);
  for (guint k = 0; k < n_columns; k++)
    if (row->is_top1[k])
      json_builder_add_int_value (builder, k);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_input (JsonBuilder     *builder,
           AugurComparison *comparison)
{
  json_builder_begin_object (builder);
  add_int_member (builder, "index", augur_comparison_get_index (comparison));
  add_string_member (builder, "input", augur_comparison_get_input_label (comparison));
  add_string_member (builder, "agreement",
                     augur_compare_verdict_to_string (augur_comparison_get_verdict (comparison)));
  json_builder_set_member_name (builder, "top1_agrees");
  json_builder_add_boolean_value (builder, augur_comparison_top1_agrees (comparison));
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint k = 0; k < augur_comparison_get_n_columns (comparison); k++)
    add_cell (builder, comparison, k);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < augur_comparison_get_n_rows (comparison); i++)
    add_row (builder, augur_comparison_get_n_columns (comparison),
             augur_comparison_get_row (comparison, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * augur_compare_export_json:
 * @columns: (element-type AugurCompareColumn): the columns' identities, one per column
 * @comparisons: (element-type AugurComparison): the inputs, in the order to write them
 * @pretty: indent for people rather than machines
 *
 * One object: "columns" (name, model, version_id), "summary" (as augur_compare_summarize()
 * computes it, with "disagreeing" input indices and per-column counts), and "inputs": per
 * input its index, input, agreement, top1_agrees, "columns" (status, error, model_id,
 * version_id, duration_ms, top1, and text, chars, words, diff, box_matches when they apply)
 * and "rows" (concept_id, concept_name, "values" and "deltas" with one entry per column, null
 * when absent, only_in, top1_of as column indices). Computed numbers are rounded to nine
 * significant digits; the server's values are written as they came.
 *
 * Returns: (transfer full): the JSON text
 */
char *
augur_compare_export_json (GPtrArray *columns,
                           GPtrArray *comparisons,
                           gboolean   pretty)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(AugurCompareSummary) summary = NULL;

  g_return_val_if_fail (columns != NULL && comparisons != NULL, NULL);
  g_return_val_if_fail (columns_fit (columns, comparisons), NULL);

  summary = augur_compare_summarize (comparisons);
  json_builder_begin_object (builder);
  add_columns_member (builder, columns);
  add_summary_member (builder, summary);
  json_builder_set_member_name (builder, "inputs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < comparisons->len; i++)
    add_input (builder, g_ptr_array_index (comparisons, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return augur_export_json_node (root, pretty);
}
