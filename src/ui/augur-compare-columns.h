/* augur-compare-columns.h: what Compare compares: 2–4 columns, each a model (the window's
 * model, or another pasted as URL or user/app/model) and a version ("Latest" or one listed
 * by the server), named A–D; an Add Column button, a remove button per column beyond two,
 * and the "Same settings for every column" switch (on by default).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-context.h"
#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_COMPARE_COLUMNS (augur_compare_columns_get_type ())
G_DECLARE_FINAL_TYPE (AugurCompareColumns, augur_compare_columns, AUGUR, COMPARE_COLUMNS, GtkWidget)

GtkWidget *augur_compare_columns_new              (void);
void       augur_compare_columns_set_context      (AugurCompareColumns *self,
                                                   AugurContext        *context);
/* Two columns of @ref's model: A its version (or Latest when it has none), B the newest
 * listed version other than A's; the version lists are loaded from the server. */
void       augur_compare_columns_start_from       (AugurCompareColumns *self,
                                                   const AugurModelRef *ref);
/* @refs: (element-type AugurModelRef): 2–4 columns, as they were (reopening a run). */
void       augur_compare_columns_set_refs         (AugurCompareColumns *self,
                                                   GPtrArray           *refs);
/* (element-type AugurModelRef) (transfer full): each column's model and version
 * (version_id NULL for Latest), or NULL while a column's model is not valid. */
GPtrArray *augur_compare_columns_dup_refs         (AugurCompareColumns *self);
/* (element-type AugurCompareColumn) (transfer full): the same, as compare columns named
 * "A".."D" followed by the version ("A · 0a1b2c3d" / "A · Latest"). */
GPtrArray *augur_compare_columns_dup_columns      (AugurCompareColumns *self);
/* (transfer full) (element-type AugurCompareColumn): @refs (element-type AugurModelRef) named
 * the same way, for columns that are not in the widget (a reopened run). */
GPtrArray *augur_compare_columns_name_refs        (GPtrArray           *refs);
guint      augur_compare_columns_get_n_columns    (AugurCompareColumns *self);
gboolean   augur_compare_columns_add_column       (AugurCompareColumns *self);
void       augur_compare_columns_remove_column    (AugurCompareColumns *self,
                                                   guint                column);
/* Choose a version for @column (NULL: Latest). */
void       augur_compare_columns_set_version      (AugurCompareColumns *self,
                                                   guint                column,
                                                   const char          *version_id);
gboolean   augur_compare_columns_get_sync_controls (AugurCompareColumns *self);
void       augur_compare_columns_set_sync_controls (AugurCompareColumns *self,
                                                   gboolean             sync);
/* Whether every column's version list has loaded (or failed). */
gboolean   augur_compare_columns_is_loading       (AugurCompareColumns *self);

/* Signal "edit-settings" (guint column): without shared controls, the user asked to edit
 * that column's settings. */
/* Signal "changed": a column was added, removed or changed model or version, or sync
 * was switched. Property "sync-controls" (boolean). Property "loading" (boolean, read-only):
 * augur_compare_columns_is_loading(), notified when it changes. */

G_END_DECLS
