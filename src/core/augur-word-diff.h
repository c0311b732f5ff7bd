/* augur-word-diff.h: a word-level diff of two UTF-8 texts, for comparing what two model
 * versions wrote. Unicode-aware (accents, combining marks, CJK ideographs, emoji sequences)
 * and bounded in time and memory on long texts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Tokens beyond which a side is first diffed line by line (see augur_word_diff()). */
#define AUGUR_WORD_DIFF_MAX_TOKENS 20000

/**
 * AugurDiffOp:
 * @AUGUR_DIFF_EQUAL: the text is in both sides
 * @AUGUR_DIFF_DELETE: the text is only in the old side
 * @AUGUR_DIFF_INSERT: the text is only in the new side
 */
typedef enum {
  AUGUR_DIFF_EQUAL,
  AUGUR_DIFF_DELETE,
  AUGUR_DIFF_INSERT,
} AugurDiffOp;

/**
 * AugurDiffSegment:
 * @op: where @text belongs
 * @text: (not nullable): a non-empty run of text
 */
typedef struct
{
  AugurDiffOp  op;
  char        *text;
} AugurDiffSegment;

void       augur_diff_segment_free  (AugurDiffSegment *segment);

GPtrArray *augur_word_diff          (const char       *old_text,
                                     const char       *new_text);
char      *augur_word_diff_side     (GPtrArray        *segments,
                                     AugurDiffOp       side);
guint      augur_word_count         (const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurDiffSegment, augur_diff_segment_free)

G_END_DECLS
