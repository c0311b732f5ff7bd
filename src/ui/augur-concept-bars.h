/* augur-concept-bars.h: ranked concepts as horizontal bars with name and percentage.
 * Each row is focusable and reads as "dog, 92 percent".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_CONCEPT_BARS (augur_concept_bars_get_type ())
G_DECLARE_FINAL_TYPE (AugurConceptBars, augur_concept_bars, AUGUR, CONCEPT_BARS, GtkWidget)

GtkWidget *augur_concept_bars_new              (void);
/* (element-type AugurConcept) ranked as returned */
void       augur_concept_bars_set_concepts     (AugurConceptBars   *self,
                                                GPtrArray          *concepts);
void       augur_concept_bars_set_filter       (AugurConceptBars   *self,
                                                guint               max_concepts,
                                                double              min_value,
                                                const char * const *selected);
GStrv      augur_concept_bars_dup_visible_rows (AugurConceptBars   *self);
/* (nullable): the empty-state text shown when every concept is filtered out, else NULL */
const char *augur_concept_bars_get_empty_text  (AugurConceptBars   *self);
/* "percent" text used everywhere, e.g. 0.9234 -> "92%"; values below 1% show one decimal. */
char      *augur_format_percent                (double              value);
/* What a screen reader reads for a result row: "dog, 92 percent". */
char      *augur_format_percent_accessible     (const char         *name,
                                                double              value);
/* The number in both: "92", or "0.4" below 1%. */
char      *augur_format_percent_number         (double              value);

/* Pieces of lists of concept rows, shared with the compare widgets. */

/* A 0–1 bar without the warning colours of low values. */
GtkWidget *augur_concept_bar_new               (double              value);
/* A value's text ("92%"), end-aligned in numeric digits, five characters wide. */
GtkWidget *augur_percent_label_new             (const char         *text);
/* A concept's name, start-aligned and ellipsized, with its id as tooltip. */
GtkWidget *augur_concept_name_label_new        (const char         *name,
                                                const char         *id);
/* @accessible_label: (transfer full). A focusable row around @child that reads as
 * @accessible_label. */
GtkWidget *augur_concept_row_new               (GtkWidget          *child,
                                                char               *accessible_label);
/* @rows: (element-type GtkListBoxRow) made by augur_concept_row_new(): the accessible labels
 * of those shown, in order. */
GStrv      augur_concept_rows_dup_labels       (GPtrArray          *rows);
/* Removes @rows (element-type GtkListBoxRow) from @list_box and empties @rows. */
void       augur_concept_rows_remove           (GtkListBox         *list_box,
                                                GPtrArray          *rows);
/* A boxed list without selection, named @accessible_label. */
GtkListBox *augur_concept_list_new             (const char         *accessible_label);
/* The wrapped, dimmed text that stands in for an empty list. */
GtkLabel  *augur_empty_label_new               (void);

G_END_DECLS
