/* test-word-diff.c: the word diff as the compare view shows it: which words were kept,
 * deleted and inserted, in any script, and that both texts can always be rebuilt from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "augur-core.h"
#include "augur-word-diff.h"

/* "=kept|-gone|+new|" : what the user sees, one segment per field. */
static char *
describe_segments (GPtrArray *segments)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      const AugurDiffSegment *segment = g_ptr_array_index (segments, i);
      const char op = segment->op == AUGUR_DIFF_EQUAL ? '='
                      : segment->op == AUGUR_DIFF_DELETE ? '-' : '+';

      g_string_append_printf (out, "%c%s|", op, segment->text);
    }
  return g_string_free (out, FALSE);
}

/* Both texts come back byte for byte, and the segments have the documented shape: none
 * empty, no two equal runs in a row, a deletion never right after an insertion. */
static void
assert_reconstructs (const char *old_text,
                     const char *new_text,
                     GPtrArray  *segments)
{
  g_autofree char *old_side = augur_word_diff_side (segments, AUGUR_DIFF_DELETE);
  g_autofree char *new_side = augur_word_diff_side (segments, AUGUR_DIFF_INSERT);

  g_assert_cmpstr (old_side, ==, old_text);
  g_assert_cmpstr (new_side, ==, new_text);

  for (guint i = 0; i < segments->len; i++)
    {
      const AugurDiffSegment *segment = g_ptr_array_index (segments, i);

      g_assert_nonnull (segment->text);
      g_assert_cmpuint (strlen (segment->text), >, 0);
      if (i > 0)
        {
          const AugurDiffSegment *previous = g_ptr_array_index (segments, i - 1);

          g_assert_false (previous->op == segment->op);
          g_assert_false (previous->op == AUGUR_DIFF_INSERT && segment->op == AUGUR_DIFF_DELETE);
        }
    }
}

static void
assert_diff (const char *old_text,
             const char *new_text,
             const char *expected)
{
  g_autoptr(GPtrArray) segments = augur_word_diff (old_text, new_text);
  g_autofree char *described = describe_segments (segments);

  g_assert_cmpstr (described, ==, expected);
  assert_reconstructs (old_text != NULL ? old_text : "", new_text != NULL ? new_text : "",
                       segments);
}

static void
test_identical (void)
{
  assert_diff ("The quick brown fox.", "The quick brown fox.", "=The quick brown fox.|");
  assert_diff ("line one\nline two\n", "line one\nline two\n", "=line one\nline two\n|");
}

static void
test_empty_sides (void)
{
  g_autoptr(GPtrArray) both_empty = augur_word_diff ("", "");
  g_autoptr(GPtrArray) both_null = augur_word_diff (NULL, NULL);

  g_assert_cmpuint (both_empty->len, ==, 0);
  g_assert_cmpuint (both_null->len, ==, 0);
  assert_diff ("", "Hello there", "+Hello there|");
  assert_diff ("Hello there", "", "-Hello there|");
  assert_diff (NULL, "Hi", "+Hi|");
}

static void
test_insertions (void)
{
  assert_diff ("the cat sat", "the black cat sat", "=the |+black |=cat sat|");
  assert_diff ("the cat sat", "the cat sat down", "=the cat sat|+ down|");
  assert_diff ("cat sat", "Yesterday the cat sat", "+Yesterday the |=cat sat|");
}

static void
test_deletions (void)
{
  assert_diff ("the black cat sat", "the cat sat", "=the |-black |=cat sat|");
  assert_diff ("It works, mostly.", "It works.", "=It works|-, mostly|=.|");
}

static void
test_replacements (void)
{
  assert_diff ("I like red apples", "I like green apples", "=I like |-red|+green|= apples|");
  /* The space between two replaced words belongs to the change. */
  assert_diff ("one two three four", "one 2 3 four", "=one |-two three|+2 3|= four|");
  /* A word is replaced whole, not letter by letter. */
  assert_diff ("colour", "color", "-colour|+color|");
  /* A line break between two changes stays a separate equal run. */
  assert_diff ("alpha\nbeta", "gamma\ndelta", "-alpha|+gamma|=\n|-beta|+delta|");
  assert_diff ("a, b", "a; b", "=a|-,|+;|= b|");
}

static void
test_accents (void)
{
  assert_diff ("naïve café", "naïve cafe", "=naïve |-café|+cafe|");
  /* Decomposed: the combining acute accent belongs to its word. */
  assert_diff ("cafe\xcc\x81 ouvert", "cafe ouvert", "-cafe\xcc\x81|+cafe|= ouvert|");
  assert_diff ("Übergrößenträger sind da", "Übergrößenträger waren da",
               "=Übergrößenträger |-sind|+waren|= da|");
  g_assert_cmpuint (augur_word_count ("naïve cafe\xcc\x81, déjà-vu"), ==, 4);
}

static void
test_cjk (void)
{
  /* Each ideograph is a word: only the changed one is marked. */
  assert_diff ("我喜欢猫", "我喜欢狗", "=我喜欢|-猫|+狗|");
  assert_diff ("東京は晴れです。", "東京は雨です。", "=東京は|-晴れ|+雨|=です。|");
  g_assert_cmpuint (augur_word_count ("我喜欢猫"), ==, 4);
  g_assert_cmpuint (augur_word_count ("東京は晴れです。"), ==, 7);
  g_assert_cmpuint (augur_word_count ("한국어 문장입니다"), ==, 2);
}

static void
test_emoji (void)
{
  assert_diff ("I ❤️ cats 👍🏽", "I ❤️ dogs 👍🏽", "=I ❤️ |-cats|+dogs|= 👍🏽|");
  /* A skin tone, a family joined with ZWJ and a flag are one token each. */
  assert_diff ("ok 👍🏽", "ok 👍🏿", "=ok |-👍🏽|+👍🏿|");
  assert_diff ("👨‍👩‍👧 home", "👨‍👩‍👦 home", "-👨‍👩‍👧|+👨‍👩‍👦|= home|");
  assert_diff ("🇫🇷🇩🇪", "🇫🇷🇮🇹", "=🇫🇷|-🇩🇪|+🇮🇹|");
  g_assert_cmpuint (augur_word_count ("I ❤️ cats 👍🏽"), ==, 2);
  g_assert_cmpuint (augur_word_count (""), ==, 0);
  g_assert_cmpuint (augur_word_count (NULL), ==, 0);
}

static void
test_invalid_utf8 (void)
{
  const char *old_text = "bad \xff\xfe bytes \xc3";
  const char *new_text = "bad \xff bytes";
  g_autoptr(GPtrArray) segments = augur_word_diff (old_text, new_text);

  assert_reconstructs (old_text, new_text, segments);
}

/* Random cases --------------------------------------------------------------------------- */

static const char * const vocabulary[] = {
  "the", "cat", "a", "dog", "naïve", "café", "cafe\xcc\x81", "東", "京", "猫", "👍🏽", "❤️",
  "🇫🇷", "42", ",", ".", "!", " ", " ", " ", "  ", "\n", "\t", "x", "y", "z", "é",
};

static char *
random_text (GRand *rand,
             guint  max_tokens)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, max_tokens + 1);

  for (guint i = 0; i < n; i++)
    g_string_append (text, vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);
  return g_string_free (text, FALSE);
}

/* Copies @text with some tokens dropped, replaced or added, so the two share a lot. */
static char *
mutate_text (GRand      *rand,
             const char *text)
{
  GString *out = g_string_new (NULL);
  guint len = strlen (text);
  guint i = 0;

  while (i < len)
    {
      guint run = MIN ((guint) g_rand_int_range (rand, 1, 8), len - i);
      int what = g_rand_int_range (rand, 0, 10);

      if (what == 0)
        g_string_append (out, vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);
      if (what != 1)
        g_string_append_len (out, text + i, run);
      i += run;
    }
  return g_string_free (out, FALSE);
}

static void
test_random_reconstruction (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);

  for (guint round = 0; round < 2000; round++)
    {
      g_autofree char *old_text = random_text (rand, 40);
      g_autofree char *new_text = round % 2 == 0 ? random_text (rand, 40)
                                                 : mutate_text (rand, old_text);
      g_autoptr(GPtrArray) segments = augur_word_diff (old_text, new_text);

      assert_reconstructs (old_text, new_text, segments);
    }
}

/* Longest common subsequence of two ideograph strings, by the textbook table. */
static guint
lcs_length (const gunichar *a,
            glong           n,
            const gunichar *b,
            glong           m)
{
  g_autofree guint *table = g_new0 (guint, (n + 1) * (m + 1));

  for (glong i = 1; i <= n; i++)
    for (glong j = 1; j <= m; j++)
      table[i * (m + 1) + j] = a[i - 1] == b[j - 1] ? table[(i - 1) * (m + 1) + j - 1] + 1
                               : MAX (table[(i - 1) * (m + 1) + j], table[i * (m + 1) + j - 1]);
  return table[n * (m + 1) + m];
}

static guint
count_equal_chars (GPtrArray *segments)
{
  guint n = 0;

  for (guint i = 0; i < segments->len; i++)
    {
      const AugurDiffSegment *segment = g_ptr_array_index (segments, i);

      if (segment->op == AUGUR_DIFF_EQUAL)
        n += g_utf8_strlen (segment->text, -1);
    }
  return n;
}

/* With one token per character and no spaces, what the diff keeps must be a longest common
 * subsequence: the diff is minimal, not just valid. */
static void
test_random_minimal (void)
{
  static const char * const ideographs[] = { "甲", "乙", "丙", "丁" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 500; round++)
    {
      GString *a = g_string_new (NULL);
      GString *b = g_string_new (NULL);
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      g_autofree gunichar *ua = NULL;
      g_autofree gunichar *ub = NULL;
      g_autoptr(GPtrArray) segments = NULL;
      glong n, m;

      for (int i = g_rand_int_range (rand, 0, 30); i > 0; i--)
        g_string_append (a, ideographs[g_rand_int_range (rand, 0, 4)]);
      for (int i = g_rand_int_range (rand, 0, 30); i > 0; i--)
        g_string_append (b, ideographs[g_rand_int_range (rand, 0, 4)]);
      old_text = g_string_free (a, FALSE);
      new_text = g_string_free (b, FALSE);

      segments = augur_word_diff (old_text, new_text);
      assert_reconstructs (old_text, new_text, segments);
      ua = g_utf8_to_ucs4_fast (old_text, -1, &n);
      ub = g_utf8_to_ucs4_fast (new_text, -1, &m);
      g_assert_cmpuint (count_equal_chars (segments), ==, lcs_length (ua, n, ub, m));
    }
}

/* Long inputs ----------------------------------------------------------------------------- */

static char *
long_text (guint n_lines,
           guint seed,
           guint change_every)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_lines; i++)
    {
      if (change_every > 0 && i % change_every == 0)
        g_string_append_printf (text, "Line %u was changed by version %u here.\n", i, seed);
      else
        g_string_append_printf (text, "Line %u says the same thing in both texts.\n", i);
    }
  return g_string_free (text, FALSE);
}

static gboolean
has_segment (GPtrArray   *segments,
             AugurDiffOp  op,
             const char  *text)
{
  for (guint i = 0; i < segments->len; i++)
    {
      const AugurDiffSegment *segment = g_ptr_array_index (segments, i);

      if (segment->op == op && strstr (segment->text, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Over the token limit the diff goes line by line first; changed lines still get words. */
static void
test_long_similar (void)
{
  g_autofree char *old_text = long_text (8000, 1, 97);
  g_autofree char *new_text = long_text (8000, 2, 97);
  g_autoptr(GPtrArray) segments = augur_word_diff (old_text, new_text);

  g_assert_cmpuint (augur_word_count (old_text), >, AUGUR_WORD_DIFF_MAX_TOKENS);
  assert_reconstructs (old_text, new_text, segments);
  g_assert_true (has_segment (segments, AUGUR_DIFF_EQUAL, "Line 1 says the same thing"));
  g_assert_true (has_segment (segments, AUGUR_DIFF_DELETE, "1"));
  g_assert_true (has_segment (segments, AUGUR_DIFF_INSERT, "2"));
  g_assert_true (has_segment (segments, AUGUR_DIFF_EQUAL, " here.\nLine 7761 says"));
}

/* Nothing in common, no line breaks, just under the limit: the search runs out of budget
 * and must still finish with an exact answer. */
static void
test_long_different (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  GString *a = g_string_new (NULL);
  GString *b = g_string_new (NULL);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autoptr(GPtrArray) segments = NULL;

  for (guint i = 0; i < 9000; i++)
    {
      g_string_append_printf (a, "w%u ", g_rand_int_range (rand, 0, 500));
      g_string_append_printf (b, "w%u ", g_rand_int_range (rand, 0, 500));
    }
  old_text = g_string_free (a, FALSE);
  new_text = g_string_free (b, FALSE);

  segments = augur_word_diff (old_text, new_text);
  assert_reconstructs (old_text, new_text, segments);
}

/* One line of a million words: too many tokens for a word diff, and a single line for the
 * line pass, so it comes out as one deletion and one insertion. */
static void
test_long_single_line (void)
{
  GString *text = g_string_sized_new (2 * 1000 * 1000 + 2);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autoptr(GPtrArray) segments = NULL;

  for (guint i = 0; i < 1000 * 1000; i++)
    g_string_append (text, "a ");
  old_text = g_string_free (text, FALSE);
  new_text = g_strconcat (old_text, "b", NULL);

  segments = augur_word_diff (old_text, new_text);
  assert_reconstructs (old_text, new_text, segments);
  g_assert_cmpuint (segments->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/word-diff/identical", test_identical);
  g_test_add_func ("/word-diff/empty-sides", test_empty_sides);
  g_test_add_func ("/word-diff/insertions", test_insertions);
  g_test_add_func ("/word-diff/deletions", test_deletions);
  g_test_add_func ("/word-diff/replacements", test_replacements);
  g_test_add_func ("/word-diff/unicode/accents", test_accents);
  g_test_add_func ("/word-diff/unicode/cjk", test_cjk);
  g_test_add_func ("/word-diff/unicode/emoji", test_emoji);
  g_test_add_func ("/word-diff/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/word-diff/random/reconstruction", test_random_reconstruction);
  g_test_add_func ("/word-diff/random/minimal", test_random_minimal);
  g_test_add_func ("/word-diff/long/similar", test_long_similar);
  g_test_add_func ("/word-diff/long/different", test_long_different);
  g_test_add_func ("/word-diff/long/single-line", test_long_single_line);

  return g_test_run ();
}
