/* augur-word-diff.c: tokens (words, ideographs, symbol clusters, whitespace runs), Myers'
 * O(ND) diff in linear space with a work budget, and a line-level first pass for long texts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-word-diff"

#include <string.h>

#include "augur-word-diff.h"

/* Work units (diagonals visited plus snake steps) one diff may spend searching. Past it, what
 * is left is reported as a deletion plus an insertion: still exact, just less fine-grained. */
#define WORK_BUDGET 20000000
/* The search never goes deeper than this many edits, which bounds the V arrays' size too:
 * d rounds cost at least d²/2 units, so a deeper search would exceed the budget anyway. */
#define MAX_EDIT_DEPTH 6400

#define ZERO_WIDTH_JOINER 0x200D

typedef enum {
  TOKEN_SPACE,
  TOKEN_WORD,
  TOKEN_IDEOGRAPH,
  TOKEN_SYMBOL,
} TokenKind;

/* A token's bytes, as offsets into its text. */
typedef struct
{
  gsize start;
  gsize end;
} Span;

/* A run of text in the result, pointing into one of the inputs. */
typedef struct
{
  AugurDiffOp  op;
  const char  *text;
  gsize        len;
} Piece;

/* One step of the token-level edit script. */
typedef struct
{
  AugurDiffOp op;
  guint       count;
} Edit;

typedef struct
{
  GArray *edits;    /* Edit */
  gint64 *budget;   /* shared by every diff of one augur_word_diff() call */
} Differ;

/* A token's text, as a hash table key. */
typedef struct
{
  const char *text;
  gsize       len;
} TokenKey;

void
augur_diff_segment_free (AugurDiffSegment *segment)
{
  if (segment == NULL)
    return;
  g_free (segment->text);
  g_free (segment);
}

/* Tokenizing ------------------------------------------------------------------------------- */

/* Invalid UTF-8 is read one byte at a time, as U+FFFD, so that any bytes still round-trip. */
static gunichar
read_char (const char  *p,
           const char  *end,
           const char **next)
{
  gunichar c = g_utf8_get_char_validated (p, end - p);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *next = p + 1;
      return 0xFFFD;
    }
  *next = g_utf8_next_char (p);
  return c;
}

/* Characters that belong to the one before them: combining marks (and variation selectors,
 * which are marks), emoji skin-tone modifiers and tag characters (subdivision flags). */
static gboolean
is_extender (gunichar c)
{
  return g_unichar_ismark (c) ||
         g_unichar_break_type (c) == G_UNICODE_BREAK_EMOJI_MODIFIER ||
         (c >= 0xE0020 && c <= 0xE007F);
}

static const char *
skip_extenders (const char *p,
                const char *end)
{
  while (p < end)
    {
      const char *next;
      gunichar c = read_char (p, end, &next);

      if (is_extender (c))
        p = next;
      else if (c == ZERO_WIDTH_JOINER && next < end)
        read_char (next, end, &p);   /* the joined character is part of the same cluster */
      else if (c == ZERO_WIDTH_JOINER)
        p = next;
      else
        break;
    }
  return p;
}

/* CJK ideographs and kana are words of their own: those scripts put no space between words. */
static TokenKind
classify_char (gunichar c)
{
  GUnicodeBreakType type;

  if (g_unichar_isspace (c))
    return TOKEN_SPACE;
  if (!g_unichar_isalnum (c))
    return TOKEN_SYMBOL;

  type = g_unichar_break_type (c);
  if (type == G_UNICODE_BREAK_IDEOGRAPHIC || type == G_UNICODE_BREAK_CONDITIONAL_JAPANESE_STARTER)
    return TOKEN_IDEOGRAPH;
  return TOKEN_WORD;
}

static const char *
skip_run (const char *p,
          const char *end,
          TokenKind   kind)
{
  while (p < end)
    {
      const char *next;
      gunichar c = read_char (p, end, &next);

      if (classify_char (c) != kind)
        break;
      p = kind == TOKEN_WORD ? skip_extenders (next, end) : next;
    }
  return p;
}

/* Returns the end of the token that starts at @p and sets @kind. */
static const char *
next_token (const char *p,
            const char *end,
            TokenKind  *kind)
{
  const char *next;
  gunichar c = read_char (p, end, &next);

  *kind = classify_char (c);
  switch (*kind)
    {
    case TOKEN_SPACE:
      return skip_run (next, end, TOKEN_SPACE);
    case TOKEN_WORD:
      return skip_run (skip_extenders (next, end), end, TOKEN_WORD);
    case TOKEN_IDEOGRAPH:
      return skip_extenders (next, end);
    case TOKEN_SYMBOL:
    default:
      /* A flag is a pair of regional indicators. */
      if (g_unichar_break_type (c) == G_UNICODE_BREAK_REGIONAL_INDICATOR && next < end)
        {
          const char *after;
          gunichar second = read_char (next, end, &after);

          if (g_unichar_break_type (second) == G_UNICODE_BREAK_REGIONAL_INDICATOR)
            next = after;
        }
      return skip_extenders (next, end);
    }
}

static GArray *
tokenize_words (const char *text,
                gsize       len)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *p = text;
  const char *end = text + len;

  while (p < end)
    {
      TokenKind kind;
      const char *token_end = next_token (p, end, &kind);
      Span span = { p - text, token_end - text };

      g_array_append_val (spans, span);
      p = token_end;
    }
  return spans;
}

/* Each line with its newline. */
static GArray *
tokenize_lines (const char *text,
                gsize       len)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  gsize start = 0;

  while (start < len)
    {
      const char *newline = memchr (text + start, '\n', len - start);
      gsize end = newline != NULL ? (gsize) (newline - text) + 1 : len;
      Span span = { start, end };

      g_array_append_val (spans, span);
      start = end;
    }
  return spans;
}

/**
 * augur_word_count:
 * @text: (nullable): UTF-8 text
 *
 * Counts words the way augur_word_diff() splits them: runs of letters and digits (with their
 * combining marks), and each CJK ideograph or kana on its own. Punctuation and emoji are not
 * words.
 *
 * Returns: the number of words; 0 for %NULL
 */
guint
augur_word_count (const char *text)
{
  const char *p = text;
  const char *end;
  guint n = 0;

  if (text == NULL)
    return 0;

  end = text + strlen (text);
  while (p < end)
    {
      TokenKind kind;

      p = next_token (p, end, &kind);
      if (kind == TOKEN_WORD || kind == TOKEN_IDEOGRAPH)
        n++;
    }
  return n;
}

/* Interning: equal tokens get equal numbers, so the diff compares integers. */

static guint
token_key_hash (gconstpointer key)
{
  const TokenKey *token = key;
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < token->len; i++)
    hash = (hash ^ (guchar) token->text[i]) * 16777619u;
  return hash;
}

static gboolean
token_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const TokenKey *x = a;
  const TokenKey *y = b;

  return x->len == y->len && memcmp (x->text, y->text, x->len) == 0;
}

/* Returns: (transfer full): one number per span of @text */
static guint *
intern_tokens (GHashTable *table,
               const char *text,
               GArray     *spans,
               TokenKey   *keys)
{
  guint *ids = g_new (guint, MAX (spans->len, 1));

  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      gpointer id;

      keys[i].text = text + span->start;
      keys[i].len = span->end - span->start;
      id = g_hash_table_lookup (table, &keys[i]);
      if (id == NULL)
        {
          id = GUINT_TO_POINTER (g_hash_table_size (table) + 1);
          g_hash_table_insert (table, &keys[i], id);
        }
      ids[i] = GPOINTER_TO_UINT (id);
    }
  return ids;
}

/* Myers' diff ------------------------------------------------------------------------------ */

static void
push_edit (Differ      *differ,
           AugurDiffOp  op,
           guint        count)
{
  Edit edit = { op, count };

  if (count == 0)
    return;
  if (differ->edits->len > 0)
    {
      Edit *last = &g_array_index (differ->edits, Edit, differ->edits->len - 1);

      if (last->op == op)
        {
          last->count += count;
          return;
        }
    }
  g_array_append_val (differ->edits, edit);
}

static gboolean
spend (Differ *differ,
       gint64  units)
{
  *differ->budget -= units;
  return *differ->budget > 0;
}

/* One round of the forward search; TRUE with the split point once it overlaps the reverse
 * search. The V-array bookkeeping follows diff-match-patch's diff_bisect. */
typedef struct
{
  const guint *a;
  const guint *b;
  gint         n;
  gint         m;
  gint         delta;
  gboolean     front;   /* the forward search checks for overlap (delta is odd) */
  gint         v_offset;
  gint         v_length;
  gint        *v1;
  gint        *v2;
  gint         k1start, k1end, k2start, k2end;
} Bisect;

static gboolean
advance_forward (Differ *differ,
                 Bisect *s,
                 gint    d,
                 gint   *split_x,
                 gint   *split_y)
{
  for (gint k1 = -d + s->k1start; k1 <= d - s->k1end; k1 += 2)
    {
      gint k1_offset = s->v_offset + k1;
      gint x1, y1, x1_start;

      if (k1 == -d || (k1 != d && s->v1[k1_offset - 1] < s->v1[k1_offset + 1]))
        x1 = s->v1[k1_offset + 1];
      else
        x1 = s->v1[k1_offset - 1] + 1;
      y1 = x1 - k1;
      x1_start = x1;
      while (x1 < s->n && y1 < s->m && s->a[x1] == s->b[y1])
        {
          x1++;
          y1++;
        }
      s->v1[k1_offset] = x1;
      if (!spend (differ, 1 + x1 - x1_start))
        return FALSE;

      if (x1 > s->n)
        s->k1end += 2;
      else if (y1 > s->m)
        s->k1start += 2;
      else if (s->front)
        {
          gint k2_offset = s->v_offset + s->delta - k1;

          if (k2_offset >= 0 && k2_offset < s->v_length && s->v2[k2_offset] != -1 &&
              x1 >= s->n - s->v2[k2_offset])
            {
              *split_x = x1;
              *split_y = y1;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static gboolean
advance_reverse (Differ *differ,
                 Bisect *s,
                 gint    d,
                 gint   *split_x,
                 gint   *split_y)
{
  for (gint k2 = -d + s->k2start; k2 <= d - s->k2end; k2 += 2)
    {
      gint k2_offset = s->v_offset + k2;
      gint x2, y2, x2_start;

      if (k2 == -d || (k2 != d && s->v2[k2_offset - 1] < s->v2[k2_offset + 1]))
        x2 = s->v2[k2_offset + 1];
      else
        x2 = s->v2[k2_offset - 1] + 1;
      y2 = x2 - k2;
      x2_start = x2;
      while (x2 < s->n && y2 < s->m && s->a[s->n - x2 - 1] == s->b[s->m - y2 - 1])
        {
          x2++;
          y2++;
        }
      s->v2[k2_offset] = x2;
      if (!spend (differ, 1 + x2 - x2_start))
        return FALSE;

      if (x2 > s->n)
        s->k2end += 2;
      else if (y2 > s->m)
        s->k2start += 2;
      else if (!s->front)
        {
          gint k1_offset = s->v_offset + s->delta - k2;

          if (k1_offset >= 0 && k1_offset < s->v_length && s->v1[k1_offset] != -1 &&
              s->v1[k1_offset] >= s->n - x2)
            {
              *split_x = s->v1[k1_offset];
              *split_y = s->v_offset + *split_x - k1_offset;
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* A split at a corner would recurse on the same problem; after trimming the common prefix
 * and suffix it cannot happen, but the recursion must never depend on that. */
static gboolean
is_proper_split (gint x,
                 gint y,
                 gint n,
                 gint m)
{
  return (x > 0 || y > 0) && (x < n || y < m);
}

/* Finds where a shortest edit script crosses its middle; FALSE when the budget runs out or
 * the search would go deeper than MAX_EDIT_DEPTH. */
static gboolean
find_middle_snake (Differ      *differ,
                   const guint *a,
                   gint         n,
                   const guint *b,
                   gint         m,
                   gint        *split_x,
                   gint        *split_y)
{
  gint max_d = MIN ((n + m + 1) / 2, MAX_EDIT_DEPTH);
  g_autofree gint *v1 = NULL;
  g_autofree gint *v2 = NULL;
  Bisect s = { a, b, n, m, n - m, (n - m) % 2 != 0, max_d, 2 * max_d + 2, NULL, NULL, 0, 0, 0, 0 };

  v1 = g_new (gint, s.v_length);
  v2 = g_new (gint, s.v_length);
  for (gint i = 0; i < s.v_length; i++)
    v1[i] = v2[i] = -1;
  v1[s.v_offset + 1] = 0;
  v2[s.v_offset + 1] = 0;
  s.v1 = v1;
  s.v2 = v2;

  for (gint d = 0; d < max_d && *differ->budget > 0; d++)
    {
      if (advance_forward (differ, &s, d, split_x, split_y) ||
          advance_reverse (differ, &s, d, split_x, split_y))
        return is_proper_split (*split_x, *split_y, n, m);
    }
  return FALSE;
}

static void diff_range (Differ      *differ,
                        const guint *a,
                        gint         n,
                        const guint *b,
                        gint         m);

static void
diff_middle (Differ      *differ,
             const guint *a,
             gint         n,
             const guint *b,
             gint         m)
{
  gint x = 0, y = 0;

  if (n == 0 || m == 0 || *differ->budget <= 0 ||
      !find_middle_snake (differ, a, n, b, m, &x, &y))
    {
      push_edit (differ, AUGUR_DIFF_DELETE, n);
      push_edit (differ, AUGUR_DIFF_INSERT, m);
      return;
    }

  diff_range (differ, a, x, b, y);
  diff_range (differ, a + x, n - x, b + y, m - y);
}

static void
diff_range (Differ      *differ,
            const guint *a,
            gint         n,
            const guint *b,
            gint         m)
{
  gint prefix = 0;
  gint suffix = 0;

  while (prefix < n && prefix < m && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix &&
         a[n - suffix - 1] == b[m - suffix - 1])
    suffix++;

  push_edit (differ, AUGUR_DIFF_EQUAL, prefix);
  diff_middle (differ, a + prefix, n - prefix - suffix, b + prefix, m - prefix - suffix);
  push_edit (differ, AUGUR_DIFF_EQUAL, suffix);
}

/* Pieces ----------------------------------------------------------------------------------- */

/* Appends, merging with the last piece when it is the same run continued. */
static void
push_piece (GArray      *pieces,
            AugurDiffOp  op,
            const char  *text,
            gsize        len)
{
  Piece piece = { op, text, len };

  if (len == 0)
    return;
  if (pieces->len > 0)
    {
      Piece *last = &g_array_index (pieces, Piece, pieces->len - 1);

      if (last->op == op && last->text + last->len == text)
        {
          last->len += len;
          return;
        }
    }
  g_array_append_val (pieces, piece);
}

/* Bytes covered by @count spans from @first. */
static void
span_range (GArray     *spans,
            guint       first,
            guint       count,
            gsize      *start,
            gsize      *len)
{
  const Span *from = &g_array_index (spans, Span, first);
  const Span *to = &g_array_index (spans, Span, first + count - 1);

  *start = from->start;
  *len = to->end - from->start;
}

static void
pieces_from_edits (GArray     *pieces,
                   GArray     *edits,
                   const char *a,
                   GArray     *a_spans,
                   const char *b,
                   GArray     *b_spans)
{
  guint ia = 0;
  guint ib = 0;

  for (guint i = 0; i < edits->len; i++)
    {
      const Edit *edit = &g_array_index (edits, Edit, i);
      gsize start, len;

      if (edit->op == AUGUR_DIFF_INSERT)
        {
          span_range (b_spans, ib, edit->count, &start, &len);
          push_piece (pieces, edit->op, b + start, len);
          ib += edit->count;
          continue;
        }

      span_range (a_spans, ia, edit->count, &start, &len);
      push_piece (pieces, edit->op, a + start, len);
      ia += edit->count;
      if (edit->op == AUGUR_DIFF_EQUAL)
        ib += edit->count;
    }
}

/* Diffs two token lists and appends the result as pieces. */
static void
diff_spans (GArray     *pieces,
            const char *a,
            GArray     *a_spans,
            const char *b,
            GArray     *b_spans,
            gint64     *budget)
{
  g_autoptr(GHashTable) table = g_hash_table_new (token_key_hash, token_key_equal);
  g_autofree TokenKey *a_keys = g_new (TokenKey, MAX (a_spans->len, 1));
  g_autofree TokenKey *b_keys = g_new (TokenKey, MAX (b_spans->len, 1));
  g_autofree guint *a_ids = intern_tokens (table, a, a_spans, a_keys);
  g_autofree guint *b_ids = intern_tokens (table, b, b_spans, b_keys);
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  Differ differ = { edits, budget };

  diff_range (&differ, a_ids, (gint) a_spans->len, b_ids, (gint) b_spans->len);
  pieces_from_edits (pieces, edits, a, a_spans, b, b_spans);
}

static void diff_lines (GArray     *pieces,
                        const char *a,
                        gsize       a_len,
                        const char *b,
                        gsize       b_len,
                        gint64     *budget);

static void
diff_words (GArray     *pieces,
            const char *a,
            gsize       a_len,
            const char *b,
            gsize       b_len,
            gint64     *budget,
            gboolean    may_split_lines)
{
  g_autoptr(GArray) a_spans = tokenize_words (a, a_len);
  g_autoptr(GArray) b_spans = tokenize_words (b, b_len);

  if (a_spans->len <= AUGUR_WORD_DIFF_MAX_TOKENS && b_spans->len <= AUGUR_WORD_DIFF_MAX_TOKENS)
    {
      diff_spans (pieces, a, a_spans, b, b_spans, budget);
      return;
    }

  if (may_split_lines)
    {
      g_clear_pointer (&a_spans, g_array_unref);
      g_clear_pointer (&b_spans, g_array_unref);
      diff_lines (pieces, a, a_len, b, b_len, budget);
      return;
    }

  push_piece (pieces, AUGUR_DIFF_DELETE, a, a_len);
  push_piece (pieces, AUGUR_DIFF_INSERT, b, b_len);
}

/* Diffs whole lines first, then the words of each changed block that is small enough. A
 * change block's deletions are contiguous in @a and its insertions contiguous in @b. */
static void
diff_lines (GArray     *pieces,
            const char *a,
            gsize       a_len,
            const char *b,
            gsize       b_len,
            gint64     *budget)
{
  g_autoptr(GArray) a_spans = tokenize_lines (a, a_len);
  g_autoptr(GArray) b_spans = tokenize_lines (b, b_len);
  g_autoptr(GArray) line_pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  guint i = 0;

  g_debug ("Diffing %u against %u lines before words", a_spans->len, b_spans->len);
  diff_spans (line_pieces, a, a_spans, b, b_spans, budget);

  while (i < line_pieces->len)
    {
      const Piece *piece = &g_array_index (line_pieces, Piece, i);
      const char *deleted = NULL, *inserted = NULL;
      gsize deleted_len = 0, inserted_len = 0;

      if (piece->op == AUGUR_DIFF_EQUAL)
        {
          push_piece (pieces, piece->op, piece->text, piece->len);
          i++;
          continue;
        }

      for (; i < line_pieces->len; i++)
        {
          piece = &g_array_index (line_pieces, Piece, i);
          if (piece->op == AUGUR_DIFF_EQUAL)
            break;
          if (piece->op == AUGUR_DIFF_DELETE)
            {
              deleted = deleted != NULL ? deleted : piece->text;
              deleted_len += piece->len;
            }
          else
            {
              inserted = inserted != NULL ? inserted : piece->text;
              inserted_len += piece->len;
            }
        }
      diff_words (pieces, deleted != NULL ? deleted : a, deleted_len,
                  inserted != NULL ? inserted : b, inserted_len, budget, FALSE);
    }
}

/* Segments --------------------------------------------------------------------------------- */

static gboolean
is_horizontal_space (const char *text,
                     gsize       len)
{
  const char *end = text + len;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2 || c == '\n' || c == '\r' ||
          !g_unichar_isspace (c))
        return FALSE;
    }
  return TRUE;
}

/* A lone space between two changes reads better as part of one change ("a b" -> "x y"
 * rather than "a"->"x", " ", "b"->"y"). A line break stays: it separates paragraphs. */
static gboolean
is_absorbed (GArray *pieces,
             guint   i)
{
  const Piece *piece = &g_array_index (pieces, Piece, i);

  return piece->op == AUGUR_DIFF_EQUAL && i > 0 && i + 1 < pieces->len &&
         is_horizontal_space (piece->text, piece->len);
}

static void
flush_segment (GPtrArray   *segments,
               AugurDiffOp  op,
               GString     *text)
{
  AugurDiffSegment *segment;

  if (text->len == 0)
    return;
  segment = g_new0 (AugurDiffSegment, 1);
  segment->op = op;
  segment->text = g_strndup (text->str, text->len);
  g_ptr_array_add (segments, segment);
  g_string_truncate (text, 0);
}

static void
flush_change (GPtrArray *segments,
              GString   *deleted,
              GString   *inserted)
{
  flush_segment (segments, AUGUR_DIFF_DELETE, deleted);
  flush_segment (segments, AUGUR_DIFF_INSERT, inserted);
}

/* Each change comes out as one deletion followed by one insertion, between equal runs. */
static GPtrArray *
segments_from_pieces (GArray *pieces)
{
  GPtrArray *segments = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_diff_segment_free);
  g_autoptr(GString) equal = g_string_new (NULL);
  g_autoptr(GString) deleted = g_string_new (NULL);
  g_autoptr(GString) inserted = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);

      if (piece->op == AUGUR_DIFF_EQUAL && !is_absorbed (pieces, i))
        {
          flush_change (segments, deleted, inserted);
          g_string_append_len (equal, piece->text, piece->len);
          continue;
        }

      flush_segment (segments, AUGUR_DIFF_EQUAL, equal);
      if (piece->op != AUGUR_DIFF_INSERT)
        g_string_append_len (deleted, piece->text, piece->len);
      if (piece->op != AUGUR_DIFF_DELETE)
        g_string_append_len (inserted, piece->text, piece->len);
    }
  flush_change (segments, deleted, inserted);
  flush_segment (segments, AUGUR_DIFF_EQUAL, equal);
  return segments;
}

/**
 * augur_word_diff:
 * @old_text: (nullable): the reference text, UTF-8; %NULL is empty
 * @new_text: (nullable): the text to compare with it; %NULL is empty
 *
 * Splits both texts into words (letters and digits with their combining marks), single CJK
 * ideographs or kana, single symbols or emoji sequences, and whitespace runs, then finds a
 * shortest edit script between the two token lists (Myers). Each change is reported as one
 * %AUGUR_DIFF_DELETE segment followed by one %AUGUR_DIFF_INSERT segment (either may be
 * missing); a space between two changed words belongs to the change.
 *
 * The segments reconstruct both texts byte for byte (see augur_word_diff_side()), invalid
 * UTF-8 included. Work and memory are bounded: a side of more than
 * %AUGUR_WORD_DIFF_MAX_TOKENS tokens is first diffed line by line, and a search that would
 * cost too much reports the rest of its range as a plain deletion and insertion.
 *
 * Returns: (transfer full) (element-type AugurDiffSegment): the segments in text order;
 *   empty when both texts are empty
 */
GPtrArray *
augur_word_diff (const char *old_text,
                 const char *new_text)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  gint64 budget = WORK_BUDGET;

  if (old_text == NULL)
    old_text = "";
  if (new_text == NULL)
    new_text = "";

  diff_words (pieces, old_text, strlen (old_text), new_text, strlen (new_text), &budget, TRUE);
  if (budget <= 0)
    g_debug ("Word diff ran out of budget; part of it is reported as whole blocks");
  return segments_from_pieces (pieces);
}

/**
 * augur_word_diff_side:
 * @segments: (element-type AugurDiffSegment): as returned by augur_word_diff()
 * @side: %AUGUR_DIFF_DELETE for the old text, %AUGUR_DIFF_INSERT for the new text
 *
 * Returns: (transfer full): the equal segments and those of @side, concatenated
 */
char *
augur_word_diff_side (GPtrArray   *segments,
                      AugurDiffOp  side)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (segments != NULL, NULL);
  g_return_val_if_fail (side == AUGUR_DIFF_DELETE || side == AUGUR_DIFF_INSERT, NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      const AugurDiffSegment *segment = g_ptr_array_index (segments, i);

      if (segment->op == AUGUR_DIFF_EQUAL || segment->op == side)
        g_string_append (text, segment->text);
    }
  return g_string_free (text, FALSE);
}
