/* augur-compare-strip.h: the strip above a comparison: top-1 agreement, mean absolute
 * difference over shared concepts, concepts gained and lost per column, and each column's
 * median latency with the fastest marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_COMPARE_STRIP (augur_compare_strip_get_type ())
G_DECLARE_FINAL_TYPE (AugurCompareStrip, augur_compare_strip, AUGUR, COMPARE_STRIP, GtkWidget)

GtkWidget *augur_compare_strip_new        (void);
/* @columns: (element-type AugurCompareColumn); @summary: (nullable): hides the strip */
void       augur_compare_strip_set        (AugurCompareStrip         *self,
                                           GPtrArray                 *columns,
                                           const AugurCompareSummary *summary);
/* What the strip shows, one line per item, e.g. "Top-1 agreement: 85 %" — for tests. */
char      *augur_compare_strip_dup_text   (AugurCompareStrip         *self);

G_END_DECLS
