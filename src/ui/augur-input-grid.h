/* augur-input-grid.h: what the user will predict on: image thumbnails and URL chips that can
 * be removed one by one, and a text area for text models. Each item can carry a message
 * ("Not an image", "Over the 20 MB limit", "This model takes text, not images").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_INPUT_GRID (augur_input_grid_get_type ())
G_DECLARE_FINAL_TYPE (AugurInputGrid, augur_input_grid, AUGUR, INPUT_GRID, GtkWidget)

GtkWidget  *augur_input_grid_new              (void);
/* (element-type AugurInput): files, bytes, URLs; a duplicate of an item already there is
 * skipped. Text inputs go to the text area. */
void        augur_input_grid_add_inputs       (AugurInputGrid *self,
                                               GPtrArray      *inputs);
void        augur_input_grid_remove_input     (AugurInputGrid *self,
                                               AugurInput     *input);
void        augur_input_grid_clear            (AugurInputGrid *self);
/* (element-type AugurInput): the image items */
GListModel *augur_input_grid_get_items        (AugurInputGrid *self);
/* (transfer full) (element-type AugurInput): everything to send, in order: the image items
 * the model can take, then the typed text (when the model takes text and it is not empty) */
GPtrArray  *augur_input_grid_collect_inputs   (AugurInputGrid *self);
/* Which kinds the current model takes; shows the text area and marks wrong-kind items. */
void        augur_input_grid_set_accepts      (AugurInputGrid *self,
                                               gboolean        images,
                                               gboolean        text);
void        augur_input_grid_set_item_message (AugurInputGrid *self,
                                               AugurInput     *input,
                                               const char     *message);
/* (nullable) */
const char *augur_input_grid_get_item_message (AugurInputGrid *self,
                                               AugurInput     *input);
void        augur_input_grid_set_text         (AugurInputGrid *self,
                                               const char     *text);
/* (transfer full) */
char       *augur_input_grid_dup_text         (AugurInputGrid *self);

/* Signal "changed": items or text changed. */

G_END_DECLS
