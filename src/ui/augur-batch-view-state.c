/* augur-batch-view-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-batch-view-state"

#include <string.h>

#include <glib/gi18n.h>

#include "augur-batch-view-state.h"

#define SUMMARY_MAX_CHARS 120

static AugurConcept *
best_of (GPtrArray    *concepts,
         double        threshold,
         AugurConcept *best)
{
  for (guint i = 0; concepts != NULL && i < concepts->len; i++)
    {
      AugurConcept *concept = g_ptr_array_index (concepts, i);
      double value = augur_concept_get_value (concept);

      if (value >= threshold && (best == NULL || value > augur_concept_get_value (best)))
        best = concept;
    }

  return best;
}

AugurConcept *
augur_batch_view_state_top_concept (AugurPrediction *prediction,
                                    double           threshold)
{
  AugurConcept *best;
  GPtrArray *regions;

  g_return_val_if_fail (AUGUR_IS_PREDICTION (prediction), NULL);

  best = best_of (augur_prediction_get_concepts (prediction), threshold, NULL);
  if (best != NULL)
    return best;

  /* Detectors put their concepts on the regions. */
  regions = augur_prediction_get_regions (prediction);
  for (guint i = 0; i < regions->len; i++)
    best = best_of (augur_region_get_concepts (g_ptr_array_index (regions, i)), threshold, best);

  return best;
}

static char *
first_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '\0')
        continue;
      if (g_utf8_strlen (line, -1) <= SUMMARY_MAX_CHARS)
        return g_steal_pointer (&line);

      *g_utf8_offset_to_pointer (line, SUMMARY_MAX_CHARS) = '\0';
      return g_strconcat (line, "…", NULL);
    }

  return NULL;
}

char *
augur_batch_view_state_summary (AugurPrediction *prediction)
{
  const char *text;
  GPtrArray *regions;
  guint n_boxes = 0;

  g_return_val_if_fail (AUGUR_IS_PREDICTION (prediction), NULL);

  text = augur_prediction_get_text (prediction);
  if (text != NULL && *text != '\0')
    return first_line (text);

  regions = augur_prediction_get_regions (prediction);
  for (guint i = 0; i < regions->len; i++)
    n_boxes += augur_region_has_box (g_ptr_array_index (regions, i)) ? 1 : 0;
  if (n_boxes == 0)
    return NULL;

  /* Translators: the summary of a detection result in the batch table, e.g. "3 boxes" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u box", "%u boxes", n_boxes), n_boxes);
}

static const char *
failure_reason (AugurPrediction *prediction)
{
  const GError *error = augur_prediction_get_error (prediction);
  const AugurStatus *status = augur_prediction_get_status (prediction);

  if (error != NULL && error->message != NULL && *error->message != '\0')
    return error->message;
  if (status != NULL && status->details != NULL && *status->details != '\0')
    return status->details;
  if (status != NULL && status->description != NULL && *status->description != '\0')
    return status->description;

  return NULL;
}

char *
augur_batch_view_state_status_text (AugurBatchRowState  state,
                                    AugurPrediction    *prediction)
{
  const char *reason;

  switch (state)
    {
    case AUGUR_BATCH_ROW_PENDING:
      /* Translators: status of an input in the batch table that has no result yet */
      return g_strdup (_("Waiting"));
    case AUGUR_BATCH_ROW_DONE:
      /* Translators: status of an input in the batch table */
      return g_strdup (_("Done"));
    case AUGUR_BATCH_ROW_CACHED:
      /* Translators: status of an input whose result was reused from an earlier run */
      return g_strdup (_("Done (cached)"));
    case AUGUR_BATCH_ROW_FAILED:
    default:
      break;
    }

  reason = prediction != NULL ? failure_reason (prediction) : NULL;
  if (reason == NULL)
    return g_strdup (_("Failed"));

  /* Translators: status of an input that failed; %s says why */
  return g_strdup_printf (_("Failed: %s"), reason);
}

AugurBatchRowState
augur_batch_view_state_row_state (AugurPrediction *prediction,
                                  gboolean         cached)
{
  if (prediction == NULL)
    return AUGUR_BATCH_ROW_PENDING;
  if (!augur_prediction_is_success (prediction))
    return AUGUR_BATCH_ROW_FAILED;
  if (cached || augur_prediction_get_cached (prediction))
    return AUGUR_BATCH_ROW_CACHED;

  return AUGUR_BATCH_ROW_DONE;
}

/* Sorting ------------------------------------------------------------------------------ */

static AugurConcept *
row_top (AugurBatchRow *row,
         double         threshold)
{
  AugurPrediction *prediction = augur_batch_row_get_prediction (row);

  if (prediction == NULL || !augur_prediction_is_success (prediction))
    return NULL;

  return augur_batch_view_state_top_concept (prediction, threshold);
}

static const char *
concept_label (AugurConcept *concept)
{
  if (concept == NULL)
    return NULL;

  return augur_concept_get_name (concept) ?: augur_concept_get_id (concept);
}

/* NULL sorts before any text. */
static int
compare_text (const char *a,
              const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  return g_utf8_collate (a, b);
}

static int
compare_double (double a,
                double b)
{
  return (a > b) - (a < b);
}

static int
compare_column (AugurBatchRow    *a,
                AugurBatchRow    *b,
                AugurBatchColumn  column,
                double            threshold)
{
  AugurConcept *top_a, *top_b;

  switch (column)
    {
    case AUGUR_BATCH_COLUMN_NAME:
      return compare_text (augur_batch_row_get_label (a), augur_batch_row_get_label (b));
    case AUGUR_BATCH_COLUMN_TOP:
      return compare_text (concept_label (row_top (a, threshold)),
                           concept_label (row_top (b, threshold)));
    case AUGUR_BATCH_COLUMN_VALUE:
      top_a = row_top (a, threshold);
      top_b = row_top (b, threshold);
      return compare_double (top_a != NULL ? augur_concept_get_value (top_a) : -1,
                             top_b != NULL ? augur_concept_get_value (top_b) : -1);
    case AUGUR_BATCH_COLUMN_SUMMARY:
      {
        g_autofree char *summary_a = augur_batch_row_dup_summary (a);
        g_autofree char *summary_b = augur_batch_row_dup_summary (b);

        return compare_text (summary_a, summary_b);
      }
    case AUGUR_BATCH_COLUMN_STATUS:
      return (int) augur_batch_row_get_state (a) - (int) augur_batch_row_get_state (b);
    case AUGUR_BATCH_COLUMN_INDEX:
    default:
      return 0;
    }
}

int
augur_batch_view_state_compare (AugurBatchRow    *a,
                                AugurBatchRow    *b,
                                AugurBatchColumn  column,
                                double            threshold)
{
  int result;

  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (a), 0);
  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (b), 0);

  result = compare_column (a, b, column, threshold);
  if (result != 0)
    return result < 0 ? -1 : 1;

  /* Ties keep the input order, so the table never shuffles equal rows. */
  return (augur_batch_row_get_index (a) > augur_batch_row_get_index (b)) -
         (augur_batch_row_get_index (a) < augur_batch_row_get_index (b));
}

/* Filtering ---------------------------------------------------------------------------- */

static gboolean
status_matches (AugurBatchRowState     state,
                AugurBatchStatusFilter status)
{
  switch (status)
    {
    case AUGUR_BATCH_STATUS_SUCCEEDED:
      return state == AUGUR_BATCH_ROW_DONE || state == AUGUR_BATCH_ROW_CACHED;
    case AUGUR_BATCH_STATUS_FAILED:
      return state == AUGUR_BATCH_ROW_FAILED;
    case AUGUR_BATCH_STATUS_CACHED:
      return state == AUGUR_BATCH_ROW_CACHED;
    case AUGUR_BATCH_STATUS_PENDING:
      return state == AUGUR_BATCH_ROW_PENDING;
    case AUGUR_BATCH_STATUS_ALL:
    default:
      return TRUE;
    }
}

static gboolean
folded_contains (const char *haystack,
                 const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, folded_needle) != NULL;
}

static gboolean
any_concept_matches (GPtrArray  *concepts,
                     const char *folded_needle)
{
  for (guint i = 0; concepts != NULL && i < concepts->len; i++)
    {
      AugurConcept *concept = g_ptr_array_index (concepts, i);

      if (folded_contains (augur_concept_get_name (concept), folded_needle) ||
          folded_contains (augur_concept_get_id (concept), folded_needle))
        return TRUE;
    }

  return FALSE;
}

static gboolean
text_matches (AugurBatchRow *row,
              const char    *text)
{
  AugurPrediction *prediction = augur_batch_row_get_prediction (row);
  g_autofree char *needle = NULL;
  GPtrArray *regions;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (prediction == NULL || !augur_prediction_is_success (prediction))
    return FALSE;

  needle = g_utf8_casefold (text, -1);
  if (any_concept_matches (augur_prediction_get_concepts (prediction), needle))
    return TRUE;

  regions = augur_prediction_get_regions (prediction);
  for (guint i = 0; i < regions->len; i++)
    if (any_concept_matches (augur_region_get_concepts (g_ptr_array_index (regions, i)), needle))
      return TRUE;

  return FALSE;
}

gboolean
augur_batch_view_state_value_filter_active (const AugurBatchFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return filter->min_value > 0 || filter->max_value < 1;
}

gboolean
augur_batch_view_state_filter (AugurBatchRow          *row,
                               const AugurBatchFilter *filter)
{
  AugurConcept *top;
  double value;

  g_return_val_if_fail (AUGUR_IS_BATCH_ROW (row), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  if (!status_matches (augur_batch_row_get_state (row), filter->status))
    return FALSE;
  if (!text_matches (row, filter->text))
    return FALSE;
  if (!augur_batch_view_state_value_filter_active (filter))
    return TRUE;

  /* A set range asks for a value, so rows without one drop out. */
  top = row_top (row, filter->threshold);
  if (top == NULL)
    return FALSE;

  value = augur_concept_get_value (top);
  return value >= filter->min_value && value <= filter->max_value;
}
