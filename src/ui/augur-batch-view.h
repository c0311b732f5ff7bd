/* augur-batch-view.h: the table of a batch run: thumbnail, file name, top concept, value,
 * summary and status per input, sortable by every column and filtered by concept, status and
 * value range at a threshold, all locally.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-batch-row.h"
#include "augur-batch-view-state.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_BATCH_VIEW (augur_batch_view_get_type ())
G_DECLARE_FINAL_TYPE (AugurBatchView, augur_batch_view, AUGUR, BATCH_VIEW, GtkWidget)

GtkWidget   *augur_batch_view_new               (void);

/* (transfer none): the rows, in input order; add AugurBatchRow items to fill the table */
GListStore  *augur_batch_view_get_store         (AugurBatchView         *self);
/* Replaces the rows with those of @rows, a GListModel of AugurBatchRow. */
void         augur_batch_view_set_rows          (AugurBatchView         *self,
                                                 GListModel             *rows);

double       augur_batch_view_get_threshold     (AugurBatchView         *self);
void         augur_batch_view_set_threshold     (AugurBatchView         *self,
                                                 double                  threshold);
const char  *augur_batch_view_get_filter_text   (AugurBatchView         *self);
void         augur_batch_view_set_filter_text   (AugurBatchView         *self,
                                                 const char             *text);
AugurBatchStatusFilter augur_batch_view_get_status_filter (AugurBatchView *self);
void         augur_batch_view_set_status_filter (AugurBatchView         *self,
                                                 AugurBatchStatusFilter  status);
void         augur_batch_view_set_value_range   (AugurBatchView         *self,
                                                 double                  min_value,
                                                 double                  max_value);
/* Sorts as a click on that column's header would. */
void         augur_batch_view_sort_by           (AugurBatchView         *self,
                                                 AugurBatchColumn        column,
                                                 GtkSortType             direction);

guint        augur_batch_view_get_n_visible     (AugurBatchView         *self);
/* (transfer full) (element-type AugurBatchRow): what the table shows, in display order */
GPtrArray   *augur_batch_view_dup_visible_rows  (AugurBatchView         *self);

/* Thumbnail textures kept in memory; never more than the limit (300 by default). */
guint        augur_batch_view_get_n_thumbnails  (AugurBatchView         *self);
guint        augur_batch_view_get_thumbnail_limit (AugurBatchView       *self);
void         augur_batch_view_set_thumbnail_limit (AugurBatchView       *self,
                                                 guint                   limit);

G_END_DECLS
