/* augur-controls-panel.h: the side panel of controls, built from what the model declares.
 * Every control is "model default" until changed; only changed controls go into the settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "augur-core.h"

G_BEGIN_DECLS

#define AUGUR_TYPE_CONTROLS_PANEL (augur_controls_panel_get_type ())
G_DECLARE_FINAL_TYPE (AugurControlsPanel, augur_controls_panel, AUGUR, CONTROLS_PANEL, GtkWidget)

GtkWidget     *augur_controls_panel_new          (void);
/* Rebuilds the controls for @model_type_id and @spec; resets every control to default and
 * forgets the previous model's concepts (call set_concepts() afterwards). Does not emit
 * "changed". */
void           augur_controls_panel_set_model    (AugurControlsPanel   *self,
                                                  const char           *model_type_id,
                                                  AugurModelSpec       *spec);
/* Concepts offered by the select-concepts autocompletion (element-type AugurConcept). */
void           augur_controls_panel_set_concepts (AugurControlsPanel   *self,
                                                  GPtrArray            *concepts);
/* (transfer full): only the controls the user changed */
AugurSettings *augur_controls_panel_get_settings (AugurControlsPanel   *self);
/* The changed controls as a JSON object string ({} when none), and back; for remembering
 * the choices per model and version. Unknown names in @json are ignored. */
char          *augur_controls_panel_save         (AugurControlsPanel   *self);
void           augur_controls_panel_restore      (AugurControlsPanel   *self,
                                                  const char           *json);
void           augur_controls_panel_reset        (AugurControlsPanel   *self);
/* Set a control by wire name as if the user had changed it (tests, restore). */
gboolean       augur_controls_panel_set_value    (AugurControlsPanel   *self,
                                                  const char           *name,
                                                  JsonNode             *value);
/* (nullable): the warning shown, e.g. when the prompt template lacks {prompt} */
const char    *augur_controls_panel_get_warning  (AugurControlsPanel   *self);

/* Signal "changed": any control changed (emitted once per user change, and once by reset(),
 * restore() and set_value() when they change something).
 * Actions: "controls.reset" (the Reset to Model Defaults button; disabled when nothing is
 * changed) and "controls.reset-control" (s: a control's wire name). */

G_END_DECLS
