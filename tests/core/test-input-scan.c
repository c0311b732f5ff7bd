/* test-input-scan.c: dropped files and folders become inputs; lists expand to lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

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

static const char *
skip_reason (AugurScanResult *scan,
             const char      *basename)
{
  for (guint i = 0; i < scan->skipped->len; i++)
    {
      AugurSkippedFile *skipped = g_ptr_array_index (scan->skipped, i);
      g_autofree char *name = g_path_get_basename (skipped->path);
      if (g_str_equal (name, basename))
        return skipped->reason;
    }
  return NULL;
}

static void
test_folder (void)
{
  g_autofree char *dir = g_build_filename (g_get_tmp_dir (), "scan-folder", NULL);
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
  g_assert_cmpstr (skip_reason (scan, "b.png"), ==, "duplicate");
  g_assert_null (skip_reason (scan, ".hidden.png"));
}

static void
test_lists (void)
{
  g_autofree char *dir = g_build_filename (g_get_tmp_dir (), "scan-lists", NULL);
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
}

static void
test_missing (void)
{
  g_autoptr(GPtrArray) files = files_for ("/nonexistent/augur/photo.jpg", NULL);
  g_autoptr(AugurScanResult) scan = augur_input_scan_files (files, NULL);

  g_assert_cmpuint (scan->inputs->len, ==, 0);
  g_assert_true (g_str_has_prefix (skip_reason (scan, "photo.jpg"), "unreadable: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/input-scan/folder", test_folder);
  g_test_add_func ("/input-scan/lists", test_lists);
  g_test_add_func ("/input-scan/missing", test_missing);

  return g_test_run ();
}
