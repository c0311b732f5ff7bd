/* augur-concept.h: one concept with its value, as a GObject for list models.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-core-types.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_CONCEPT (augur_concept_get_type ())
G_DECLARE_FINAL_TYPE (AugurConcept, augur_concept, AUGUR, CONCEPT, GObject)

AugurConcept *augur_concept_new       (const char   *id,
                                       const char   *name,
                                       double        value);
const char   *augur_concept_get_id    (AugurConcept *self);
/* Falls back to the id when the server sent no name. */
const char   *augur_concept_get_name  (AugurConcept *self);
double        augur_concept_get_value (AugurConcept *self);

G_END_DECLS
