/* augur-mirror-bars.h: two columns of one input as mirror bars: column A's values grow left,
 * B's grow right, from a shared concept name in the middle; the delta at the right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_MIRROR_BARS (augur_mirror_bars_get_type ())
G_DECLARE_FINAL_TYPE (AugurMirrorBars, augur_mirror_bars, AUGUR, MIRROR_BARS, GtkWidget)

GtkWidget *augur_mirror_bars_new            (void);
/* @columns: (element-type AugurCompareColumn): the first two are shown */
void       augur_mirror_bars_set_comparison (AugurMirrorBars *self,
                                             GPtrArray       *columns,
                                             AugurComparison *comparison);
/* Rows whose largest value is below @min_value are hidden; at most @max_rows are shown. */
void       augur_mirror_bars_set_filter     (AugurMirrorBars *self,
                                             guint            max_rows,
                                             double           min_value);
/* The accessible label of each visible row, e.g.
 * "cat: A 91 percent, B 85 percent, 6 points lower in B" — for tests. */
GStrv      augur_mirror_bars_dup_rows       (AugurMirrorBars *self);

G_END_DECLS
