/* augur-region.h: one detected region: a box in 0..1 fractions and its concepts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-core-types.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_REGION (augur_region_get_type ())
G_DECLARE_FINAL_TYPE (AugurRegion, augur_region, AUGUR, REGION, GObject)

AugurRegion *augur_region_new          (const char  *id,
                                        double       top_row,
                                        double       left_col,
                                        double       bottom_row,
                                        double       right_col,
                                        double       value);
const char  *augur_region_get_id       (AugurRegion *self);
double       augur_region_get_top_row  (AugurRegion *self);
double       augur_region_get_left_col (AugurRegion *self);
double       augur_region_get_bottom_row (AugurRegion *self);
double       augur_region_get_right_col (AugurRegion *self);
double       augur_region_get_value    (AugurRegion *self);
gboolean     augur_region_has_box      (AugurRegion *self);
void         augur_region_set_has_box  (AugurRegion *self,
                                        gboolean     has_box);
/* (element-type AugurConcept) (transfer none) */
GPtrArray   *augur_region_get_concepts (AugurRegion *self);
void         augur_region_add_concept  (AugurRegion *self,
                                        AugurConcept *concept);
/* The top concept's name, or NULL. */
const char  *augur_region_get_label    (AugurRegion *self);

G_END_DECLS
