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

G_END_DECLS
