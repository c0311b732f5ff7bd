/* augur-cli-output.h: what the query commands print, as a table or as JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-cli.h"

G_BEGIN_DECLS

/* (element-type AugurModelVersion) */
void augur_cli_print_versions   (GPtrArray      *versions,
                                 AugurCliFormat  format);
/* (element-type AugurConcept) */
void augur_cli_print_concepts   (GPtrArray      *concepts,
                                 AugurCliFormat  format);
/* (element-type AugurModel) */
void augur_cli_print_models     (GPtrArray      *models,
                                 AugurCliFormat  format);
void augur_cli_print_model_info (AugurModel     *model,
                                 AugurCliFormat  format);

G_END_DECLS
