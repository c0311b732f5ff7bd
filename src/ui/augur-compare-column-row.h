/* augur-compare-column-row.h: one row of AugurCompareColumns: the column's letter in its
 * colour, the model entry ("user/app/model" or a model URL), the version drop-down ("Latest"
 * and the versions the server lists) and a remove button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-context.h"
#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_COMPARE_COLUMN_ROW (augur_compare_column_row_get_type ())
G_DECLARE_FINAL_TYPE (AugurCompareColumnRow, augur_compare_column_row, AUGUR, COMPARE_COLUMN_ROW,
                      GtkListBoxRow)

GtkWidget           *augur_compare_column_row_new         (void);
void                 augur_compare_column_row_set_context (AugurCompareColumnRow *self,
                                                           AugurContext          *context);
/* Names the row after its position: "A" for 0, in that column's colour. */
void                 augur_compare_column_row_set_index   (AugurCompareColumnRow *self,
                                                           guint                  index);
void                 augur_compare_column_row_set_removable (AugurCompareColumnRow *self,
                                                             gboolean               removable);
/* Shows @ref's model and chooses its version (Latest when it has none, unless the model is
 * the one shown already). A new model's versions are listed again. Returns whether the
 * model or version changed. */
void                 augur_compare_column_row_set_settings_editable (AugurCompareColumnRow *self,
                                                                     gboolean               editable);
gboolean             augur_compare_column_row_apply_ref   (AugurCompareColumnRow *self,
                                                           const AugurModelRef   *ref);
/* @version_id: (nullable): NULL for Latest. Returns whether it changed. */
gboolean             augur_compare_column_row_set_version (AugurCompareColumnRow *self,
                                                           const char            *version_id);
/* Lists the versions again (the connection changed). */
void                 augur_compare_column_row_reload      (AugurCompareColumnRow *self);
/* (nullable) (transfer none): the model, without version; NULL while the entry is invalid */
const AugurModelRef *augur_compare_column_row_get_model   (AugurCompareColumnRow *self);
/* (nullable): the chosen version, NULL for Latest */
const char          *augur_compare_column_row_get_version (AugurCompareColumnRow *self);
/* (element-type AugurModelVersion) (transfer none): as listed, newest first; empty until
 * loaded or when listing failed */
GPtrArray           *augur_compare_column_row_get_versions (AugurCompareColumnRow *self);
gboolean             augur_compare_column_row_is_loading  (AugurCompareColumnRow *self);

/* Signals:
 * "changed": the user applied the entry (valid or not) or chose a version
 * "versions-loaded": the version list arrived or failed (is_loading() is FALSE again)
 * "remove": the remove button was clicked */

G_END_DECLS
