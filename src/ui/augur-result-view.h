/* augur-result-view.h: the result for one input: concept bars, boxes over the image, or
 * generated text, with where it came from. Filters re-apply instantly, without a request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "augur-core.h"
#include "augur-region-overlay.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_RESULT_VIEW (augur_result_view_get_type ())
G_DECLARE_FINAL_TYPE (AugurResultView, augur_result_view, AUGUR, RESULT_VIEW, GtkWidget)

GtkWidget       *augur_result_view_new             (AugurPrediction    *prediction);
AugurPrediction *augur_result_view_get_prediction  (AugurResultView    *self);
/* "general-image-recognition · version aa7f35c0 · 312 ms · api.clarifai.com" */
void             augur_result_view_set_provenance  (AugurResultView    *self,
                                                    const char         *provenance);
/**
 * augur_result_view_set_filter:
 * @max_concepts: show at most this many (0: all received)
 * @min_value: hide concepts below this (negative: no threshold)
 * @selected: (nullable) (array zero-terminated=1): show only concepts whose id or name is
 *   listed; %NULL or empty shows all
 */
void             augur_result_view_set_filter      (AugurResultView    *self,
                                                    guint               max_concepts,
                                                    double              min_value,
                                                    const char * const *selected);
/* What a screen reader reads for each visible row, e.g. "dog, 92 percent" (for tests). */
GStrv            augur_result_view_dup_visible_rows (AugurResultView   *self);
/* Number of boxes drawn (detectors). */
guint            augur_result_view_get_n_boxes     (AugurResultView    *self);
/* (nullable): the provenance line shown (by default built from the prediction's model,
 * version and duration), or NULL when hidden */
const char      *augur_result_view_get_provenance  (AugurResultView    *self);
/* (nullable): the inline error shown (with the server's description and request id), or
 * NULL when this input succeeded */
const char      *augur_result_view_get_error_text  (AugurResultView    *self);
/* Selects the row of region @index, which highlights its box; -1 clears the selection. */
void             augur_result_view_select_region   (AugurResultView    *self,
                                                    int                 index);
/* (nullable) (transfer none): the image with boxes, for detectors */
AugurRegionOverlay *augur_result_view_get_overlay  (AugurResultView    *self);

G_END_DECLS
