/* augur-compare-colors.h: the colour of each compare column, the same in headers, bars,
 * boxes and the table, so "A" is always blue wherever it appears.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"

G_BEGIN_DECLS

/* GNOME palette: blue 3, orange 3, purple 2, green 4 — distinct for the common forms of
 * colour blindness in the order they are used (two columns: blue/orange). */
static inline void
augur_compare_column_color (guint    column,
                            GdkRGBA *color)
{
  static const char * const colors[AUGUR_COMPARE_MAX_COLUMNS] = {
    "#3584e4", "#ff7800", "#9141ac", "#2ec27e",
  };

  gdk_rgba_parse (color, colors[column % AUGUR_COMPARE_MAX_COLUMNS]);
}

/* CSS class for a column's colour (style.css defines .compare-column-0 … -3). */
static inline const char *
augur_compare_column_css_class (guint column)
{
  static const char * const classes[AUGUR_COMPARE_MAX_COLUMNS] = {
    "compare-column-0", "compare-column-1", "compare-column-2", "compare-column-3",
  };

  return classes[column % AUGUR_COMPARE_MAX_COLUMNS];
}

G_END_DECLS
