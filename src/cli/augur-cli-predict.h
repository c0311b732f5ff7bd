/* augur-cli-predict.h: the options of `augur-cli predict` and the settings they make.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-cli.h"

G_BEGIN_DECLS

/* Everything `predict` was told, in the order it was told. */
typedef struct
{
  AugurCliCommon  common;

  char           *version;
  gint64          max_concepts;
  double          min_value;
  char          **select_concepts;
  char           *language;
  double          temperature;
  double          top_p;
  char           *top_k;
  gint64          max_tokens;
  gint64          num_beams;
  char           *reasoning_effort;
  char           *system_prompt;
  char           *prompt_template;
  int             do_sample;          /* -1: not given */
  int             return_full_text;   /* -1: not given */
  char          **params;
  int             concurrency;
  char           *csv_layout;

  char           *model;              /* the first positional argument */
  GPtrArray      *args;               /* (element-type AugurCliInputArg) in command-line order */
} AugurCliPredictOptions;

void            augur_cli_predict_options_init    (AugurCliPredictOptions  *o);
void            augur_cli_predict_options_clear   (AugurCliPredictOptions  *o);
GOptionContext *augur_cli_predict_context_new     (AugurCliPredictOptions  *o);
/* Checks what the settings do not: MODEL, INPUT, --concurrency, --csv-layout. */
gboolean        augur_cli_predict_options_check   (AugurCliPredictOptions  *o,
                                                   AugurCsvLayout          *layout,
                                                   GError                 **error);
AugurSettings  *augur_cli_predict_options_build_settings (AugurCliPredictOptions  *o,
                                                          GError                 **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AugurCliPredictOptions, augur_cli_predict_options_clear)

G_END_DECLS
