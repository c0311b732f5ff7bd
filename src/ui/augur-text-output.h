/* augur-text-output.h: generated text in a selectable, scrollable view with a copy button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AUGUR_TYPE_TEXT_OUTPUT (augur_text_output_get_type ())
G_DECLARE_FINAL_TYPE (AugurTextOutput, augur_text_output, AUGUR, TEXT_OUTPUT, GtkWidget)

GtkWidget  *augur_text_output_new      (void);
void        augur_text_output_set_text (AugurTextOutput *self,
                                        const char      *text);
/* (transfer full) */
char       *augur_text_output_dup_text (AugurTextOutput *self);
/* The copy button's label: "Copy", or "Copied" for a moment after copying. */
const char *augur_text_output_get_copy_label (AugurTextOutput *self);

/* Action "text-output.copy": puts the whole text on the clipboard. */

G_END_DECLS
