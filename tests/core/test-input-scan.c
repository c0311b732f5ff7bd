/* test-input-scan.c: dropped files and folders become inputs; lists expand to lines; the
 * command line's options (text files in folders, given files kept as they are).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <unistd.h>

#include "augur-core.h"

/* The smallest PNG there is: 1×1, enough for a name-based scan. */
static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
};

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0755);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

/* A fresh folder of its own, so that runs side by side do not share files. */
static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("augur-scan-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL)
         && info != NULL)
    remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);

  remove_tree (dir);
}

static GPtrArray *
files_for (const char *first, ...)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    g_ptr_array_add (files, g_file_new_for_path (path));
  va_end (args);
  return files;
}

static AugurSkippedFile *
find_skipped (AugurScanResult *scan,
              const char      *basename)
{
  for (guint i = 0; i < scan->skipped->len; i++)
    {
      AugurSkippedFile *skipped = g_ptr_array_index (scan->skipped, i);
      g_autofree char *name = g_path_get_basename (skipped->path);
      if (g_str_equal (name, basename))
        return skipped;
    }
  return NULL;
}

static const char *
skip_reason (AugurScanResult *scan,
             const char      *basename)
{
  AugurSkippedFile *skipped = find_skipped (scan, basename);

  return skipped != NULL ? skipped->reason : NULL;
}

static int
skip_kind (AugurScanResult *scan,
           const char      *basename)
{
  AugurSkippedFile *skipped = find_skipped (scan, basename);

  return skipped != NULL ? (int) skipped->kind : -1;
}

/* The inputs' labels, "|"-joined, for one readable comparison. */
static char *
input_labels (AugurScanResult *scan)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; i < scan->inputs->len; i++)
    g_string_append_printf (labels, "%s%s", i > 0 ? "|" : "",
                            augur_input_get_label (g_ptr_array_index (scan->inputs, i)));
  return g_string_free (g_steal_pointer (&labels), FALSE);
}

static void
test_folder (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *a = write_file (dir, "b.png", (const char *) tiny_png, sizeof tiny_png);
  g_autofree char *b = write_file (dir, "a.png", (const char *) tiny_png, sizeof tiny_png);
  g_autofree char *c = write_file (dir, "sub/c.png", (const char *) tiny_png, sizeof tiny_png);
  g_autofree char *notes = write_file (dir, "notes.txt", "hello\n", -1);
  g_autofree char *hidden = write_file (dir, ".hidden.png", (const char *) tiny_png, sizeof tiny_png);
  g_autoptr(GPtrArray) files = files_for (dir, a, NULL);
  g_autoptr(AugurScanResult) scan = augur_input_scan_files (files, NULL);

  /* Sorted by name, folders walked, the hidden file left out, the explicit duplicate said. */
  g_assert_cmpuint (scan->inputs->len, ==, 3);
  g_assert_cmpstr (augur_input_get_label (g_ptr_array_index (scan->inputs, 0)), ==, "a.png");
  g_assert_cmpstr (augur_input_get_label (g_ptr_array_index (scan->inputs, 1)), ==, "b.png");
  g_assert_cmpstr (augur_input_get_label (g_ptr_array_index (scan->inputs, 2)), ==, "c.png");
  g_assert_cmpstr (skip_reason (scan, "notes.txt"), ==, "not an image");
  g_assert_cmpint (skip_kind (scan, "notes.txt"), ==, AUGUR_SKIP_NOT_AN_IMAGE);
  g_assert_cmpstr (skip_reason (scan, "b.png"), ==, "duplicate");
  g_assert_cmpint (skip_kind (scan, "b.png"), ==, AUGUR_SKIP_DUPLICATE);
  g_assert_null (skip_reason (scan, ".hidden.png"));
  remove_dir (dir);
}

static void
test_lists (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *csv = write_file (dir, "list.csv",
                                     "url,label\n"
                                     "https://example.com/a.jpg,cat\n"
                                     "\"https://example.com/b,c.jpg\",dog\n"
                                     "https://example.com/a.jpg,again\n"
                                     "\n", -1);
  g_autofree char *txt = write_file (dir, "prompts.txt",
                                     "What is in the picture?\n"
                                     "  \n"
                                     "https://example.com/d.png\n", -1);
  g_autofree char *empty = write_file (dir, "empty.txt", "\n\n", -1);
  g_autoptr(GPtrArray) files = files_for (csv, txt, empty, NULL);
  g_autoptr(AugurScanResult) scan = augur_input_scan_files (files, NULL);

  g_assert_cmpuint (scan->inputs->len, ==, 4);
  g_assert_cmpint (augur_input_get_kind (g_ptr_array_index (scan->inputs, 0)), ==, AUGUR_INPUT_IMAGE_URL);
  g_assert_cmpstr (augur_input_get_url (g_ptr_array_index (scan->inputs, 0)), ==, "https://example.com/a.jpg");
  g_assert_cmpstr (augur_input_get_url (g_ptr_array_index (scan->inputs, 1)), ==, "https://example.com/b,c.jpg");
  g_assert_cmpint (augur_input_get_kind (g_ptr_array_index (scan->inputs, 2)), ==, AUGUR_INPUT_TEXT);
  g_assert_cmpstr (augur_input_get_text (g_ptr_array_index (scan->inputs, 2)), ==, "What is in the picture?");
  g_assert_cmpstr (augur_input_get_url (g_ptr_array_index (scan->inputs, 3)), ==, "https://example.com/d.png");
  g_assert_cmpstr (skip_reason (scan, "empty.txt"), ==, "no image URL or text in it");
  g_assert_cmpint (skip_kind (scan, "empty.txt"), ==, AUGUR_SKIP_EMPTY_LIST);
  remove_dir (dir);
}

static void
test_missing (void)
{
  g_autoptr(GPtrArray) files = files_for ("/nonexistent/augur/photo.jpg", NULL);
  g_autoptr(AugurScanResult) scan = augur_input_scan_files (files, NULL);

  g_assert_cmpuint (scan->inputs->len, ==, 0);
  g_assert_true (g_str_has_prefix (skip_reason (scan, "photo.jpg"), "unreadable: "));
  g_assert_cmpint (skip_kind (scan, "photo.jpg"), ==, AUGUR_SKIP_UNREADABLE);
}

/* A file over the limit is skipped with its size; a PNG header followed by a hole makes one
 * without the 21 MB of writes. */
static void
test_too_large (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *big = write_file (dir, "big.png", (const char *) tiny_png, sizeof tiny_png);
  g_autofree char *ok = write_file (dir, "ok.png", (const char *) tiny_png, sizeof tiny_png);
  g_autoptr(GPtrArray) files = files_for (dir, NULL);
  g_autoptr(AugurScanResult) scan = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *size = g_format_size (AUGUR_MAX_INPUT_BYTES + 1000 * 1000);
  g_autofree char *reason = g_strdup_printf ("%s, over the 20 MB limit", size);

  g_assert_cmpint (truncate (big, AUGUR_MAX_INPUT_BYTES + 1000 * 1000), ==, 0);
  scan = augur_input_scan_files (files, NULL);
  labels = input_labels (scan);
  g_assert_cmpstr (labels, ==, "ok.png");
  g_assert_true (g_str_has_prefix (size, "21.0"));
  g_assert_cmpstr (skip_reason (scan, "big.png"), ==, reason);
  g_assert_cmpint (skip_kind (scan, "big.png"), ==, AUGUR_SKIP_TOO_LARGE);
  remove_dir (dir);
}

/* Text files in folders: left out by default (a folder of photos), taken for text models,
 * told by name or, without a telling name, by their first bytes. */
static void
test_text_files (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *png = write_file (dir, "a.png", (const char *) tiny_png, sizeof tiny_png);
  g_autofree char *named = write_file (dir, "b.txt", "a named note", -1);
  g_autofree char *unnamed = write_file (dir, "sub/c", "a note without a telling name", -1);
  g_autofree char *binary = write_file (dir, "d.bin", "\x01\x02\x03\x04\xff\xfe", 6);
  g_autoptr(GPtrArray) files = files_for (dir, NULL);
  g_autoptr(AugurScanResult) images = augur_input_scan_files (files, NULL);
  g_autoptr(AugurInputScan) text_scan = augur_input_scan_new (AUGUR_SCAN_TEXT_FILES, NULL);
  g_autoptr(AugurScanResult) texts = NULL;
  g_autofree char *image_labels = input_labels (images);
  g_autofree char *text_labels = NULL;

  g_assert_cmpstr (image_labels, ==, "a.png");
  g_assert_cmpstr (skip_reason (images, "b.txt"), ==, "not an image");
  g_assert_cmpstr (skip_reason (images, "c"), ==, "not an image");
  g_assert_cmpstr (skip_reason (images, "d.bin"), ==, "not an image");

  augur_input_scan_add_file (text_scan, g_ptr_array_index (files, 0));
  texts = augur_input_scan_end (g_steal_pointer (&text_scan));
  text_labels = input_labels (texts);
  g_assert_cmpstr (text_labels, ==, "a.png|b.txt|c");
  for (guint i = 0; i < texts->inputs->len; i++)
    g_assert_cmpint (augur_input_get_kind (g_ptr_array_index (texts->inputs, i)), ==,
                     AUGUR_INPUT_FILE);
  g_assert_cmpuint (texts->skipped->len, ==, 1);
  g_assert_cmpstr (skip_reason (texts, "d.bin"), ==, "not an image or a text file");
  g_assert_cmpint (skip_kind (texts, "d.bin"), ==, AUGUR_SKIP_NOT_AN_IMAGE);
  remove_dir (dir);
}

/* Files given directly are taken as they are: a list stays one file, a missing file is
 * still an input (its failure shows when it is read); only a duplicate is skipped. Folders
 * are walked as usual. */
static void
test_keep_given_files (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *list = write_file (dir, "urls.txt", "https://example.com/a.jpg\nhello\n", -1);
  g_autofree char *png = write_file (dir, "photos/a.png", (const char *) tiny_png,
                                     sizeof tiny_png);
  g_autofree char *notes = write_file (dir, "photos/notes.txt", "hello\n", -1);
  g_autofree char *photos = g_build_filename (dir, "photos", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.png", NULL);
  g_autoptr(GPtrArray) files = files_for (list, missing, photos, png, NULL);
  g_autoptr(AugurInputScan) kept_scan = augur_input_scan_new (AUGUR_SCAN_KEEP_GIVEN_FILES, NULL);
  g_autoptr(AugurScanResult) kept = NULL;
  g_autoptr(AugurScanResult) dropped = augur_input_scan_files (files, NULL);
  g_autofree char *kept_labels = NULL;
  g_autofree char *dropped_labels = input_labels (dropped);

  /* The window's default, for comparison: the list expands, the missing file is skipped. */
  g_assert_cmpstr (dropped_labels, ==, "https://example.com/a.jpg|hello|a.png");
  g_assert_cmpint (skip_kind (dropped, "missing.png"), ==, AUGUR_SKIP_UNREADABLE);

  for (guint i = 0; i < files->len; i++)
    augur_input_scan_add_file (kept_scan, g_ptr_array_index (files, i));
  kept = augur_input_scan_end (g_steal_pointer (&kept_scan));
  kept_labels = input_labels (kept);
  g_assert_cmpstr (kept_labels, ==, "urls.txt|missing.png|a.png");
  g_assert_cmpint (augur_input_get_kind (g_ptr_array_index (kept->inputs, 0)), ==,
                   AUGUR_INPUT_FILE);
  g_assert_cmpuint (kept->skipped->len, ==, 2);
  g_assert_cmpstr (skip_reason (kept, "notes.txt"), ==, "not an image");
  g_assert_cmpstr (skip_reason (kept, "a.png"), ==, "duplicate");
  remove_dir (dir);
}

/* Inputs that are not files keep their place among the files; duplicates are caught across
 * every file added to one scan. */
static void
test_incremental_order (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *a = write_file (dir, "one/a.png", (const char *) tiny_png, sizeof tiny_png);
  g_autofree char *b = write_file (dir, "two/b.png", (const char *) tiny_png, sizeof tiny_png);
  g_autofree char *one = g_build_filename (dir, "one", NULL);
  g_autoptr(GFile) one_folder = g_file_new_for_path (one);
  g_autoptr(GFile) a_file = g_file_new_for_path (a);
  g_autoptr(GFile) b_file = g_file_new_for_path (b);
  g_autoptr(AugurInput) text = augur_input_new_text ("between");
  g_autoptr(AugurInputScan) scan = augur_input_scan_new (AUGUR_SCAN_DEFAULT, NULL);
  g_autoptr(AugurScanResult) result = NULL;
  g_autofree char *labels = NULL;

  augur_input_scan_add_file (scan, one_folder);
  augur_input_scan_add_input (scan, text);
  augur_input_scan_add_file (scan, b_file);
  augur_input_scan_add_file (scan, a_file);
  result = augur_input_scan_end (g_steal_pointer (&scan));

  labels = input_labels (result);
  g_assert_cmpstr (labels, ==, "a.png|between|b.png");
  g_assert_cmpuint (result->skipped->len, ==, 1);
  g_assert_cmpint (skip_kind (result, "a.png"), ==, AUGUR_SKIP_DUPLICATE);
  remove_dir (dir);
}

/* A link to another folder is followed; a link back to a folder being walked is skipped
 * instead of walked again and again. */
static void
test_folder_links (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *a = write_file (dir, "photos/a.png", (const char *) tiny_png, sizeof tiny_png);
  g_autofree char *b = write_file (dir, "elsewhere/b.png", (const char *) tiny_png,
                                   sizeof tiny_png);
  g_autofree char *photos = g_build_filename (dir, "photos", NULL);
  g_autofree char *elsewhere = g_build_filename (dir, "elsewhere", NULL);
  g_autofree char *back = g_build_filename (photos, "back", NULL);
  g_autofree char *other = g_build_filename (photos, "other", NULL);
  g_autoptr(GPtrArray) files = files_for (photos, NULL);
  g_autoptr(AugurScanResult) scan = NULL;
  g_autofree char *labels = NULL;

  g_assert_cmpint (symlink (photos, back), ==, 0);
  g_assert_cmpint (symlink (elsewhere, other), ==, 0);
  scan = augur_input_scan_files (files, NULL);

  labels = input_labels (scan);
  g_assert_cmpstr (labels, ==, "a.png|b.png");
  g_assert_cmpuint (scan->skipped->len, ==, 1);
  g_assert_cmpint (skip_kind (scan, "back"), ==, AUGUR_SKIP_LOOP);
  g_assert_cmpstr (skip_reason (scan, "back"), ==, "a link back to a folder it is in");
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/input-scan/folder", test_folder);
  g_test_add_func ("/input-scan/lists", test_lists);
  g_test_add_func ("/input-scan/missing", test_missing);
  g_test_add_func ("/input-scan/too-large", test_too_large);
  g_test_add_func ("/input-scan/text-files", test_text_files);
  g_test_add_func ("/input-scan/keep-given-files", test_keep_given_files);
  g_test_add_func ("/input-scan/incremental-order", test_incremental_order);
  g_test_add_func ("/input-scan/folder-links", test_folder_links);

  return g_test_run ();
}
