/* augur-thumbnail.h: decode an input's image off the main thread, scaled down so that
 * memory stays bounded however large the photo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "augur-core.h"

G_BEGIN_DECLS

/* @max_size: longest side in pixels; 0 for full size */
void        augur_thumbnail_load_async  (AugurInput          *input,
                                         guint                max_size,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* Errors say why in words ("photo.heic is not an image Augur can show"). */
GdkTexture *augur_thumbnail_load_finish (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
