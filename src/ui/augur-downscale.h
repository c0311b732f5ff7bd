/* augur-downscale.h: shrink large images before a batch sends them (the
 * "downscale-longest-side" preference), as an AugurBatch payload transform.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core.h"

G_BEGIN_DECLS

/**
 * augur_downscale_payload:
 * @payload: (transfer full): a loaded input
 * @user_data: the longest side in pixels, as GUINT_TO_POINTER()
 *
 * An #AugurPayloadTransform. An image whose longest side is larger than the limit is
 * decoded at the smaller size, turned upright by its EXIF orientation (Clarifai ignores
 * it) and re-encoded as JPEG (quality 90), or PNG when it has transparency. Other
 * payloads, smaller images and images that cannot be decoded pass through untouched.
 *
 * Thread-safe. Returns: (transfer full): the payload to send (never %NULL)
 */
AugurPayload *augur_downscale_payload            (AugurPayload  *payload,
                                                  gpointer       user_data,
                                                  GError       **error);

/* Installs the transform on @batch when @longest_side is not 0; 0 leaves it alone. */
void          augur_downscale_setup_batch        (AugurBatch    *batch,
                                                  guint          longest_side);
/* The same, with the value of "downscale-longest-side" in @settings. */
void          augur_downscale_setup_batch_from_settings (AugurBatch *batch,
                                                         GSettings  *settings);

G_END_DECLS
