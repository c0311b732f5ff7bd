/* augur-compare-view.h: a comparison of a few inputs: the summary strip above one
 * AugurCompareCard per input. Cards update in place as columns answer. Input images are
 * loaded off the main thread for detector cards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-compare-card.h"
#include "augur-compare-strip.h"
#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_COMPARE_VIEW (augur_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (AugurCompareView, augur_compare_view, AUGUR, COMPARE_VIEW, GtkWidget)

GtkWidget        *augur_compare_view_new             (void);
/* Starts over: @columns (element-type AugurCompareColumn) and the inputs compared
 * (element-type AugurInput, NULL slots allowed: no image then). Every card is pending. */
void              augur_compare_view_reset           (AugurCompareView *self,
                                                      GPtrArray        *columns,
                                                      GPtrArray        *inputs);
/* Input @comparison's index got an answer in some column: its card updates, and the
 * summary strip is recomputed over every comparison the view has. */
void              augur_compare_view_update          (AugurCompareView *self,
                                                      AugurComparison  *comparison);
/* Show only these inputs (element-type guint), e.g. the one clicked in the table; NULL
 * shows all. */
void              augur_compare_view_set_visible_indices (AugurCompareView *self,
                                                      GArray           *indices);
void              augur_compare_view_set_filter      (AugurCompareView *self,
                                                      guint             max_concepts,
                                                      double            min_value);
guint             augur_compare_view_get_n_cards     (AugurCompareView *self);
AugurCompareCard *augur_compare_view_get_card        (AugurCompareView *self,
                                                      guint             index);
AugurCompareStrip *augur_compare_view_get_strip (AugurCompareView *self);

G_END_DECLS
