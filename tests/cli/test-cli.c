/* test-cli.c: the built augur-cli, run as a subprocess against the fake server, judged by
 * its exit code, its stdout and stderr, and what went over the wire.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cli"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "augur-core.h"
#include "augur-test-server.h"

#define MODEL "clarifai/main/general-image-recognition"
#define LLM "meta/Llama-3/llama-3-8b-instruct"
#define INVALID_URL "https://invalid.example/missing.jpg"

/* A 1×1 PNG; copies get a distinct trailer after IEND, so each is its own input. */
static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
  0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00,
  0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
  0x44, 0xAE, 0x42, 0x60, 0x82,
};

typedef struct
{
  AugurTestServer *server;
  char            *dir;        /* (owned) the CLI's working directory, with the images */
  char            *token;      /* what CLARIFAI_PAT is set to; NULL unsets it */
  char            *base_url;   /* what CLARIFAI_API_BASE is set to */
} Fixture;

typedef struct
{
  int   exit_code;
  char *out;
  char *err;
} CliRun;

static void
cli_run_free (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

/* Fixture ---------------------------------------------------------------------------------- */

static void
write_png (const char *dir,
           const char *name,
           guint       n)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *trailer = g_strdup_printf ("augur-test-%u", n);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_byte_array_append (data, tiny_png, sizeof tiny_png);
  g_byte_array_append (data, (const guint8 *) trailer, strlen (trailer));
  g_file_set_contents (path, (const char *) data->data, data->len, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = augur_test_server_new (NULL);
  fixture->dir = g_dir_make_tmp ("augur-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->token = g_strdup (AUGUR_TEST_TOKEN);
  fixture->base_url = g_strdup (augur_test_server_get_base_url (fixture->server));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("img-%u.png", i);
      write_png (fixture->dir, name, i);
    }
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                               NULL, NULL);
  GFileInfo *info;
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL)
         && info != NULL)
    remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);

  remove_tree (dir);
  g_clear_pointer (&fixture->server, augur_test_server_free);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->token, g_free);
  g_clear_pointer (&fixture->base_url, g_free);
}

/* Running the CLI -------------------------------------------------------------------------- */

static char *
bytes_to_string (GBytes *bytes)
{
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return g_strdup ("");
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The token must never show, whatever happened. */
static void
assert_no_token (const CliRun *run,
                 const char   *token)
{
  if (token == NULL || *token == '\0')
    return;
  g_assert_null (strstr (run->out, token));
  g_assert_null (strstr (run->err, token));
}

static GSubprocessLauncher *
launcher_new (Fixture *fixture)
{
  GSubprocessLauncher *launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);

  g_subprocess_launcher_set_cwd (launcher, fixture->dir);
  if (fixture->token != NULL)
    g_subprocess_launcher_setenv (launcher, "CLARIFAI_PAT", fixture->token, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "CLARIFAI_PAT");
  g_subprocess_launcher_setenv (launcher, "CLARIFAI_API_BASE", fixture->base_url, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "CLARIFAI_ROOT_CERTIFICATES_PATH");
  g_subprocess_launcher_setenv (launcher, "AUGUR_RETRY_DELAY_MS", "1", TRUE);
  return launcher;
}

static CliRun *
run_cli_argv (Fixture            *fixture,
              const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = launcher_new (fixture);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("AUGUR_CLI");
  CliRun *run = g_new0 (CliRun, 1);

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process))
    g_error ("augur-cli was killed by signal %d; stderr: %s", g_subprocess_get_term_sig (process),
             err != NULL ? (const char *) g_bytes_get_data (err, NULL) : "");

  run->exit_code = g_subprocess_get_exit_status (process);
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);
  g_test_message ("exit %d\nstderr: %s", run->exit_code, run->err);
  assert_no_token (run, fixture->token);
  assert_no_token (run, AUGUR_TEST_TOKEN);
  return run;
}

#define run_cli(fixture, ...) run_cli_argv ((fixture), (const char * const[]) { __VA_ARGS__, NULL })

static void
assert_one_line (const char *text)
{
  g_assert_cmpuint (strlen (text), >, 0);
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
}

/* Output and wire helpers ------------------------------------------------------------------ */

static JsonArray *
parse_json_array (JsonParser *parser,
                  const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_node_get_array (root);
}

static JsonObject *
status_of (JsonObject *item)
{
  return json_object_get_object_member (item, "status");
}

static void
assert_classified (JsonObject *item,
                   const char *input)
{
  JsonArray *concepts = json_object_get_array_member (item, "concepts");
  double previous = 2;

  g_assert_cmpstr (json_object_get_string_member (item, "input"), ==, input);
  g_assert_cmpint (json_object_get_int_member (status_of (item), "code"), ==, 10000);
  g_assert_cmpuint (json_array_get_length (concepts), >, 0);
  for (guint i = 0; i < json_array_get_length (concepts); i++)
    {
      JsonObject *concept = json_array_get_object_element (concepts, i);
      double value = json_object_get_double_member (concept, "value");

      g_assert_true (g_str_has_prefix (json_object_get_string_member (concept, "name"),
                                       "concept-"));
      g_assert_cmpfloat (value, <=, previous);
      previous = value;
    }
}

/* The body of the last request whose path ends with @suffix, parsed. */
static JsonNode *
last_request_body (Fixture    *fixture,
                   const char *suffix)
{
  g_autoptr(GPtrArray) requests = augur_test_server_get_requests (fixture->server);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = requests->len; i > 0; i--)
    {
      AugurTestRequest *request = g_ptr_array_index (requests, i - 1);

      if (!g_str_has_suffix (request->path, suffix))
        continue;
      json_parser_load_from_data (parser, g_bytes_get_data (request->body, NULL),
                                  g_bytes_get_size (request->body), &error);
      g_assert_no_error (error);
      return json_node_copy (json_parser_get_root (parser));
    }
  g_assert_not_reached ();
  return NULL;
}

static char *
last_request_query (Fixture    *fixture,
                    const char *suffix)
{
  g_autoptr(GPtrArray) requests = augur_test_server_get_requests (fixture->server);

  for (guint i = requests->len; i > 0; i--)
    {
      AugurTestRequest *request = g_ptr_array_index (requests, i - 1);

      if (g_str_has_suffix (request->path, suffix))
        return g_uri_unescape_string (request->query != NULL ? request->query : "", NULL);
    }
  g_assert_not_reached ();
  return NULL;
}

/* One input of a predict body, told apart: "image:TRAILER" for a test PNG (the bytes after
 * its IEND, see write_png()), "text:RAW" for a text, "url:URL" for an image URL. */
static char *
describe_wire_input (JsonObject *input)
{
  JsonObject *data = json_object_get_object_member (input, "data");
  JsonObject *image = json_object_has_member (data, "image")
                      ? json_object_get_object_member (data, "image") : NULL;
  gsize len = 0;
  g_autofree guchar *bytes = NULL;

  if (json_object_has_member (data, "text"))
    return g_strconcat ("text:", json_object_get_string_member (
                          json_object_get_object_member (data, "text"), "raw"), NULL);
  g_assert_nonnull (image);
  if (json_object_has_member (image, "url"))
    return g_strconcat ("url:", json_object_get_string_member (image, "url"), NULL);
  bytes = g_base64_decode (json_object_get_string_member (image, "base64"), &len);
  g_assert_cmpuint (len, >, sizeof tiny_png);
  g_assert_cmpmem (bytes, sizeof tiny_png, tiny_png, sizeof tiny_png);
  return g_strdup_printf ("image:%.*s", (int) (len - sizeof tiny_png),
                          (const char *) bytes + sizeof tiny_png);
}

/* Every input that went to the server, in request order, "|"-joined. */
static char *
wire_inputs (Fixture *fixture)
{
  g_autoptr(GPtrArray) requests = augur_test_server_get_requests (fixture->server);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < requests->len; i++)
    {
      AugurTestRequest *request = g_ptr_array_index (requests, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonArray *inputs;

      if (!g_str_has_suffix (request->path, "/outputs"))
        continue;
      json_parser_load_from_data (parser, g_bytes_get_data (request->body, NULL),
                                  g_bytes_get_size (request->body), &error);
      g_assert_no_error (error);
      inputs = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                             "inputs");
      for (guint j = 0; j < json_array_get_length (inputs); j++)
        {
          g_autofree char *description =
            describe_wire_input (json_array_get_object_element (inputs, j));
          g_string_append_printf (out, "%s%s", out->len > 0 ? "|" : "", description);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The inputs of a --format json answer, "|"-joined. */
static char *
output_inputs (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  JsonArray *items = parse_json_array (parser, json);

  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                            json_object_get_string_member (json_array_get_object_element (items, i),
                                                           "input"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The line augur-cli writes for a skipped file: its absolute path (as the CLI resolves it
 * from its working directory) and the reason. */
static char *
skipped_line (Fixture    *fixture,
              const char *relative,
              const char *reason)
{
  g_autofree char *real_dir = realpath (fixture->dir, NULL);

  g_assert_nonnull (real_dir);
  return g_strdup_printf ("augur-cli: Skipping %s/%s: %s\n", real_dir, relative, reason);
}

static JsonObject *
object_at (JsonNode   *root,
           const char *first,
           ...)
{
  JsonObject *object = json_node_get_object (root);
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      g_assert_true (json_object_has_member (object, name));
      object = json_object_get_object_member (object, name);
    }
  va_end (args);
  return object;
}

static void
assert_json_object (const char *what,
                    JsonObject *object,
                    const char *expected)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  augur_test_assert_json_equal (what, bytes, expected);
}

/* Legacy params are a protobuf Struct, where every number is a double: "number" is enough. */
static void
assert_member_type (JsonObject *object,
                    const char *name,
                    GType       type)
{
  JsonNode *node = json_object_get_member (object, name);
  GType value_type;

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  value_type = json_node_get_value_type (node);
  if (type == G_TYPE_DOUBLE && value_type == G_TYPE_INT64)
    value_type = G_TYPE_DOUBLE;
  g_assert_cmpstr (g_type_name (value_type), ==, g_type_name (type));
}

/* predict ---------------------------------------------------------------------------------- */

static void
test_predict_json_in_order (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(CliRun) run = run_cli (fixture, "predict", "--format", "json", MODEL, "img-0.png",
                                   "img-1.png", "https://example.com/photo.jpg", "img-2.png");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *items;

  g_assert_cmpint (run->exit_code, ==, 0);
  items = parse_json_array (parser, run->out);
  g_assert_cmpuint (json_array_get_length (items), ==, 4);
  assert_classified (json_array_get_object_element (items, 0), "img-0.png");
  assert_classified (json_array_get_object_element (items, 1), "img-1.png");
  assert_classified (json_array_get_object_element (items, 2), "https://example.com/photo.jpg");
  assert_classified (json_array_get_object_element (items, 3), "img-2.png");
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/outputs"), ==, 1);
}

/* Debug messages go to stderr, never into the results, and never show the token. */
static void
test_predict_verbose (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(CliRun) run = run_cli (fixture, "predict", "--verbose", "--format", "json", MODEL,
                                   "img-0.png");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *items;

  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_nonnull (strstr (run->err, "DEBUG"));
  items = parse_json_array (parser, run->out);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  assert_classified (json_array_get_object_element (items, 0), "img-0.png");
}

static void
test_predict_output_config_on_wire (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(CliRun) run = run_cli (fixture, "predict", "--format", "json", "--max-concepts", "3",
                                   "--min-value", "0.5", "--select-concepts",
                                   "id-01,name:concept-02", "--select-concepts", "id:id-03",
                                   MODEL, "img-0.png");
  g_autoptr(JsonNode) body = last_request_body (fixture, "/outputs");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *items;

  g_assert_cmpint (run->exit_code, ==, 0);
  assert_json_object ("output_config", object_at (body, "model", "output_info", "output_config",
                                                  NULL),
                      "{\"max_concepts\": 3, \"min_value\": 0.5, \"select_concepts\": ["
                      "{\"id\": \"id-01\"}, {\"name\": \"concept-02\"}, {\"id\": \"id-03\"}]}");

  items = parse_json_array (parser, run->out);
  g_assert_cmpuint (json_array_get_length (
                      json_object_get_array_member (json_array_get_object_element (items, 0),
                                                    "concepts")), <=, 3);
}

static void
test_predict_sampling_params (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(CliRun) run = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *params;

  augur_test_server_set_model (fixture->server, AUGUR_TEST_MODEL_TEXT);
  run = run_cli (fixture, "predict", "--format", "json", "--temperature", "0.7", "--top-p", "0.9",
                 "--top-k", "40", "--max-tokens", "100", "--num-beams", "2", "--do-sample",
                 "--return-full-text=false", "--reasoning-effort", "high",
                 "--system-prompt", "Be brief", "--prompt-template", "Q: {prompt}",
                 "--param", "seed=42", "--param", "stop=[\"x\"]", LLM, "--text", "hello");
  g_assert_cmpint (run->exit_code, ==, 0);

  body = last_request_body (fixture, "/outputs");
  params = object_at (body, "model", "model_version", "output_info", "params", NULL);
  assert_json_object ("params", params,
                      "{\"temperature\": 0.7, \"top_p\": 0.9, \"top_k\": 40, \"max_tokens\": 100,"
                      " \"num_beams\": 2, \"do_sample\": true, \"return_full_text\": false,"
                      " \"reasoning_effort\": \"high\", \"system_prompt\": \"Be brief\","
                      " \"prompt_template\": \"Q: {prompt}\", \"seed\": 42, \"stop\": [\"x\"]}");
  assert_member_type (params, "do_sample", G_TYPE_BOOLEAN);
  assert_member_type (params, "return_full_text", G_TYPE_BOOLEAN);
  assert_member_type (params, "reasoning_effort", G_TYPE_STRING);
  assert_member_type (params, "max_tokens", G_TYPE_DOUBLE);
  assert_member_type (params, "top_k", G_TYPE_DOUBLE);
  assert_member_type (params, "temperature", G_TYPE_DOUBLE);
  assert_member_type (params, "seed", G_TYPE_DOUBLE);
  g_assert_nonnull (strstr (run->out, "hello"));
}

static void
test_predict_folder (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "batch", "notes.bin", NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CliRun) run = NULL;
  JsonArray *items;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf (i < 290 ? "batch/img-%03u.png"
                                                       : "batch/sub/img-%03u.png", i);
      write_png (fixture->dir, name, i);
      g_ptr_array_add (expected, g_steal_pointer (&name));
    }
  write_png (fixture->dir, "batch/.hidden.png", 999);
  g_assert_true (g_file_set_contents (other, "\x01\x02\x03\x04 not an image", -1, NULL));

  run = run_cli (fixture, "predict", "--format", "json", MODEL, "batch");
  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/outputs"), ==, 3);
  g_assert_nonnull (strstr (run->err, "notes.bin"));
  g_assert_null (strstr (run->out, ".hidden"));

  items = parse_json_array (parser, run->out);
  g_assert_cmpuint (json_array_get_length (items), ==, 300);
  for (guint i = 0; i < 300; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i),
                                                    "input"), ==,
                     g_ptr_array_index (expected, i));
}

/* A folder as the window scans it: an image, a file that is not one, a nested folder, and
 * the same image given again. Only the two images go over the wire, once each; stderr
 * names the two skipped files with the window's reasons; that is no failure. */
static void
test_predict_folder_skips (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *binary = g_build_filename (fixture->dir, "mixed", "notes.bin", NULL);
  g_autofree char *skipped_binary = NULL;
  g_autofree char *skipped_duplicate = NULL;
  g_autofree char *expected_err = NULL;
  g_autofree char *inputs = NULL;
  g_autofree char *wire = NULL;
  g_autoptr(CliRun) run = NULL;

  write_png (fixture->dir, "mixed/a.png", 10);
  write_png (fixture->dir, "mixed/nested/deeper/b.png", 11);
  g_assert_true (g_file_set_contents (binary, "\x01\x02\x03\x04\xff\xfe", 6, NULL));

  run = run_cli (fixture, "predict", "--format", "json", MODEL, "mixed", "mixed/a.png");
  g_assert_cmpint (run->exit_code, ==, 0);
  inputs = output_inputs (run->out);
  g_assert_cmpstr (inputs, ==, "mixed/a.png|mixed/nested/deeper/b.png");

  skipped_binary = skipped_line (fixture, "mixed/notes.bin", "not an image or a text file");
  skipped_duplicate = skipped_line (fixture, "mixed/a.png", "duplicate");
  expected_err = g_strconcat (skipped_binary, skipped_duplicate, NULL);
  g_assert_cmpstr (run->err, ==, expected_err);

  wire = wire_inputs (fixture);
  g_assert_cmpstr (wire, ==, "image:augur-test-10|image:augur-test-11");
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/outputs"), ==, 1);
}

/* An image over the size limit in a folder is skipped before anything is sent, and, being
 * an input that could not be predicted, makes the exit status 1. */
static void
test_predict_folder_too_large (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *huge = g_build_filename (fixture->dir, "big", "huge.png", NULL);
  g_autofree char *size = g_format_size (AUGUR_MAX_INPUT_BYTES + 1000 * 1000);
  g_autofree char *reason = g_strdup_printf ("%s, over the 20 MB limit", size);
  g_autofree char *expected_err = NULL;
  g_autofree char *inputs = NULL;
  g_autofree char *wire = NULL;
  g_autoptr(CliRun) run = NULL;

  write_png (fixture->dir, "big/ok.png", 20);
  write_png (fixture->dir, "big/huge.png", 21);
  g_assert_cmpint (truncate (huge, AUGUR_MAX_INPUT_BYTES + 1000 * 1000), ==, 0);

  run = run_cli (fixture, "predict", "--format", "json", MODEL, "big");
  g_assert_cmpint (run->exit_code, ==, 1);
  inputs = output_inputs (run->out);
  g_assert_cmpstr (inputs, ==, "big/ok.png");
  g_assert_true (g_str_has_prefix (size, "21.0"));
  expected_err = skipped_line (fixture, "big/huge.png", reason);
  g_assert_cmpstr (run->err, ==, expected_err);
  wire = wire_inputs (fixture);
  g_assert_cmpstr (wire, ==, "image:augur-test-20");
}

/* For text models, folders give their text files too, told by name or by their first bytes;
 * a text file named on the command line is one input, not a list (unlike a drop). */
static void
test_predict_folder_text_files (Fixture       *fixture,
                                gconstpointer  user_data)
{
  const struct { const char *name; const char *text; gssize len; } files[] = {
    { "notes/a.txt", "first note", -1 },
    { "notes/b.bin", "\x01\x02\x03\x04\xff\xfe", 6 },
    { "notes/sub/c", "second note", -1 },
    { "list.txt", "https://example.com/x.jpg\nhello", -1 },
  };
  g_autofree char *expected_err = NULL;
  g_autofree char *inputs = NULL;
  g_autofree char *wire = NULL;
  g_autoptr(CliRun) run = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, files[i].name, NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, files[i].text, files[i].len, NULL));
    }
  augur_test_server_set_model (fixture->server, AUGUR_TEST_MODEL_TEXT);

  run = run_cli (fixture, "predict", "--format", "json", LLM, "notes", "list.txt");
  g_assert_cmpint (run->exit_code, ==, 0);
  inputs = output_inputs (run->out);
  g_assert_cmpstr (inputs, ==, "notes/a.txt|notes/sub/c|list.txt");
  expected_err = skipped_line (fixture, "notes/b.bin", "not an image or a text file");
  g_assert_cmpstr (run->err, ==, expected_err);
  wire = wire_inputs (fixture);
  g_assert_cmpstr (wire, ==, "text:first note|text:second note|"
                             "text:https://example.com/x.jpg\nhello");
}

static void
test_predict_invalid_url (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(CliRun) run = run_cli (fixture, "predict", "--format", "json", MODEL, "img-0.png",
                                   INVALID_URL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *items;
  JsonObject *failed;

  g_assert_cmpint (run->exit_code, ==, 1);
  items = parse_json_array (parser, run->out);
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  assert_classified (json_array_get_object_element (items, 0), "img-0.png");

  failed = json_array_get_object_element (items, 1);
  g_assert_cmpstr (json_object_get_string_member (failed, "input"), ==, INVALID_URL);
  g_assert_cmpint (json_object_get_int_member (status_of (failed), "code"), ==, 30002);
  g_assert_nonnull (strstr (json_object_get_string_member (status_of (failed), "description"),
                            "Download failed"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (failed, "concepts")),
                    ==, 0);
}

static void
test_predict_missing_file (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(CliRun) run = run_cli (fixture, "predict", MODEL, "img-0.png", "nope.png");

  g_assert_cmpint (run->exit_code, ==, 1);
  g_assert_nonnull (strstr (run->out, "nope.png\n  error: "));
}

static void
test_predict_csv (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(CliRun) run = run_cli (fixture, "predict", "--format", "csv", "--max-concepts", "2",
                                   MODEL, "img-0.png", "img-1.png");
  g_autoptr(CliRun) per_input = run_cli (fixture, "predict", "--format", "csv", "--csv-layout",
                                         "input", "--max-concepts", "2", MODEL, "img-0.png",
                                         "img-1.png");
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) input_rows = NULL;

  g_assert_cmpint (run->exit_code, ==, 0);
  rows = g_strsplit (run->out, "\r\n", -1);
  g_assert_cmpstr (rows[0], ==, "input,status,concept_id,concept_name,value,region,top_row,"
                                "left_col,bottom_row,right_col,text,error");
  /* header, 2 concepts for each of 2 inputs, and the empty string after the last CRLF */
  g_assert_cmpuint (g_strv_length (rows), ==, 6);
  g_assert_true (g_str_has_prefix (rows[1], "img-0.png,10000,id-"));
  g_assert_true (g_str_has_prefix (rows[3], "img-1.png,10000,id-"));

  g_assert_cmpint (per_input->exit_code, ==, 0);
  input_rows = g_strsplit (per_input->out, "\r\n", -1);
  g_assert_cmpstr (input_rows[0], ==,
                   "input,status,top1_name,top1_value,top2_name,top2_value,text,error");
  g_assert_cmpuint (g_strv_length (input_rows), ==, 4);
}

static void
test_predict_retry_message (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(CliRun) run = NULL;

  augur_test_server_queue_fixture (fixture->server, "POST", "/outputs", 429,
                                   "error-throttled.response.json");
  run = run_cli (fixture, "predict", MODEL, "img-0.png");
  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_nonnull (strstr (run->err, "retrying in 1 ms (attempt 2 of 10)"));
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/outputs"), ==, 2);
}

/* Fatal errors: exit 2 and one line that says what to do ----------------------------------- */

static void
test_wrong_token (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(CliRun) run = NULL;

  g_free (fixture->token);
  fixture->token = g_strdup ("wrong-token-5f3e9a7b");
  run = run_cli (fixture, "predict", MODEL, "img-0.png");
  g_assert_cmpint (run->exit_code, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  assert_one_line (run->err);
  g_assert_nonnull (strstr (run->err, "CLARIFAI_PAT"));
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/outputs"), ==, 0);
}

static void
test_no_token (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(CliRun) run = NULL;

  g_clear_pointer (&fixture->token, g_free);
  run = run_cli (fixture, "predict", MODEL, "img-0.png");
  g_assert_cmpint (run->exit_code, ==, 2);
  g_assert_cmpstr (run->err, ==, "augur-cli: No access token. Set CLARIFAI_PAT to a personal "
                                 "access token (https://clarifai.com/settings/security).\n");
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, ""), ==, 0);
}

static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, &error);

  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return port;
}

static void
test_connection_refused (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(CliRun) run = NULL;

  g_free (fixture->base_url);
  fixture->base_url = g_strdup_printf ("http://127.0.0.1:%u", closed_port ());
  run = run_cli (fixture, "predict", MODEL, "img-0.png");
  g_assert_cmpint (run->exit_code, ==, 2);
  assert_one_line (run->err);
  g_assert_nonnull (strstr (run->err, fixture->base_url));
  g_assert_nonnull (strstr (run->err, "--base-url"));
}

static void
test_bad_usage (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char * const *cases[] = {
    (const char * const[]) { NULL },
    (const char * const[]) { "frobnicate", NULL },
    (const char * const[]) { "predict", NULL },
    (const char * const[]) { "predict", MODEL, NULL },
    (const char * const[]) { "predict", "--bogus", MODEL, "img-0.png", NULL },
    (const char * const[]) { "predict", "--format", "xml", MODEL, "img-0.png", NULL },
    (const char * const[]) { "predict", "--max-concepts", "500", MODEL, "img-0.png", NULL },
    (const char * const[]) { "predict", "--prompt-template", "no placeholder", MODEL,
                             "img-0.png", NULL },
    (const char * const[]) { "predict", "not-a-model", "img-0.png", NULL },
    (const char * const[]) { "versions", NULL },
    (const char * const[]) { "models", "--sort", "weird", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliRun) run = run_cli_argv (fixture, cases[i]);

      g_assert_cmpint (run->exit_code, ==, 2);
      g_assert_cmpstr (run->out, ==, "");
      if (i > 0)
        assert_one_line (run->err);
    }
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, ""), ==, 0);
}

static GTlsCertificate *
test_server_certificate (void)
{
  g_autofree char *cert = g_build_filename (g_getenv ("TEST_CERT_DIR"), "server.pem", NULL);
  g_autofree char *key = g_build_filename (g_getenv ("TEST_CERT_DIR"), "server.key", NULL);
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate = g_tls_certificate_new_from_files (cert, key, &error);

  g_assert_no_error (error);
  return certificate;
}

static void
test_untrusted_certificate (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GTlsCertificate) certificate = test_server_certificate ();
  g_autofree char *ca = g_build_filename (g_getenv ("TEST_CERT_DIR"), "ca.pem", NULL);
  AugurTestServer *tls_server = augur_test_server_new (certificate);
  g_autoptr(CliRun) untrusted = NULL;
  g_autoptr(CliRun) trusted = NULL;

  g_free (fixture->base_url);
  fixture->base_url = g_strdup (augur_test_server_get_base_url (tls_server));
  g_assert_true (g_str_has_prefix (fixture->base_url, "https://"));

  untrusted = run_cli (fixture, "predict", MODEL, "img-0.png");
  g_assert_cmpint (untrusted->exit_code, ==, 2);
  assert_one_line (untrusted->err);
  g_assert_nonnull (strstr (untrusted->err, "--root-ca"));

  trusted = run_cli (fixture, "predict", "--root-ca", ca, MODEL, "img-0.png");
  g_assert_cmpint (trusted->exit_code, ==, 0);
  g_assert_true (g_str_has_prefix (trusted->out, "img-0.png\n  concept-"));

  augur_test_server_free (tls_server);
}

/* Query commands --------------------------------------------------------------------------- */

static void
test_versions (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(CliRun) table = run_cli (fixture, "versions", MODEL);
  g_autoptr(CliRun) json = run_cli (fixture, "versions", "--format", "json", MODEL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *versions;
  const char *first_id;

  g_assert_cmpint (json->exit_code, ==, 0);
  versions = parse_json_array (parser, json->out);
  g_assert_cmpuint (json_array_get_length (versions), >, 0);
  first_id = json_object_get_string_member (json_array_get_object_element (versions, 0), "id");

  g_assert_cmpint (table->exit_code, ==, 0);
  g_assert_true (g_str_has_prefix (table->out, "ID "));
  g_assert_nonnull (strstr (table->out, "CREATED"));
  g_assert_nonnull (strstr (table->out, first_id));
  g_assert_cmpuint (augur_test_server_count_requests (fixture->server, "/versions"), ==, 2);
}

static void
test_concepts_search (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(CliRun) run = run_cli (fixture, "concepts", "--search", "concept-1", "--format",
                                   "json", MODEL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *query = last_request_query (fixture, "/concepts");
  JsonArray *concepts;

  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_nonnull (strstr (query, "search=concept-1"));
  concepts = parse_json_array (parser, run->out);
  g_assert_cmpuint (json_array_get_length (concepts), >, 0);
  for (guint i = 0; i < json_array_get_length (concepts); i++)
    g_assert_true (g_str_has_prefix (
      json_object_get_string_member (json_array_get_object_element (concepts, i), "name"),
      "concept-1"));
}

static void
test_models_search (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(CliRun) run = run_cli (fixture, "models", "--search", "image", "--type",
                                   "visual-classifier", "--format", "json");
  g_autoptr(CliRun) table = run_cli (fixture, "models", "--search", "image", "--type",
                                     "visual-classifier");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *query = last_request_query (fixture, "/models");
  JsonArray *models;

  g_assert_cmpint (run->exit_code, ==, 0);
  g_assert_nonnull (strstr (query, "search=image"));
  g_assert_nonnull (strstr (query, "model_type_id=visual-classifier"));
  models = parse_json_array (parser, run->out);
  g_assert_cmpuint (json_array_get_length (models), >, 0);
  for (guint i = 0; i < json_array_get_length (models); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (models, i),
                                                    "model_type_id"), ==, "visual-classifier");

  g_assert_cmpint (table->exit_code, ==, 0);
  g_assert_nonnull (strstr (table->out, MODEL "  visual-classifier"));
}

/* A GetModel reply for a pythonic model, around the fixture's method signatures. */
static char *
pythonic_model_reply (void)
{
  g_autoptr(GBytes) fixture = augur_test_fixture_bytes ("pythonic-method-signatures.model-version.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonObject) model = json_object_new ();
  g_autoptr(JsonObject) reply = json_object_new ();
  g_autoptr(JsonObject) status = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *version;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (fixture, NULL),
                                             g_bytes_get_size (fixture), NULL));
  version = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (version, "id", "v-pythonic");
  json_object_set_string_member (model, "id", "llama-3-8b-instruct");
  json_object_set_string_member (model, "user_id", "meta");
  json_object_set_string_member (model, "app_id", "Llama-3");
  json_object_set_string_member (model, "name", "Llama 3 8B Instruct");
  json_object_set_string_member (model, "model_type_id", "text-to-text");
  json_object_set_object_member (model, "model_version", json_object_ref (version));
  json_object_set_int_member (status, "code", 10000);
  json_object_set_string_member (status, "description", "Ok");
  json_object_set_object_member (reply, "status", json_object_ref (status));
  json_object_set_object_member (reply, "model", json_object_ref (model));
  root = json_node_init_object (json_node_alloc (), reply);
  return json_to_string (root, FALSE);
}

static JsonObject *
find_param (JsonArray  *params,
            const char *name)
{
  for (guint i = 0; i < json_array_get_length (params); i++)
    {
      JsonObject *param = json_array_get_object_element (params, i);
      if (g_str_equal (json_object_get_string_member (param, "name"), name))
        return param;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_info_pythonic (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *reply = pythonic_model_reply ();
  g_autoptr(CliRun) table = NULL;
  g_autoptr(CliRun) json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *info, *temperature, *max_tokens;
  JsonArray *params;

  augur_test_server_queue_response (fixture->server, "GET", "/models/llama-3-8b-instruct", 200,
                                    reply, 0);
  augur_test_server_queue_response (fixture->server, "GET", "/models/llama-3-8b-instruct", 200,
                                    reply, 0);
  table = run_cli (fixture, "info", LLM);
  json = run_cli (fixture, "info", "--format", "json", LLM);

  g_assert_cmpint (table->exit_code, ==, 0);
  g_assert_nonnull (strstr (table->out, "pythonic"));
  g_assert_nonnull (strstr (table->out, "Llama 3 8B Instruct"));
  g_assert_true (g_regex_match_simple ("\n  max_tokens +int +512 ", table->out, 0, 0));
  g_assert_true (g_regex_match_simple ("\n  temperature +float +0.7 .*Sampling temperature",
                                       table->out, 0, 0));
  g_assert_true (g_regex_match_simple ("\n  prompt +[a-z]+ \\(input\\)", table->out, 0, 0));

  g_assert_cmpint (json->exit_code, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json->out, -1, NULL));
  info = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (info, "pythonic"));
  params = json_object_get_array_member (info, "params");
  temperature = find_param (params, "temperature");
  g_assert_cmpstr (json_object_get_string_member (temperature, "type"), ==, "float");
  g_assert_cmpfloat (json_object_get_double_member (temperature, "default"), ==, 0.7);
  g_assert_false (json_object_get_boolean_member (temperature, "input"));
  max_tokens = find_param (params, "max_tokens");
  g_assert_cmpint (json_object_get_int_member (max_tokens, "default"), ==, 512);
  g_assert_true (json_object_get_boolean_member (find_param (params, "prompt"), "input"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/predict/json-in-input-order", test_predict_json_in_order);
  ADD ("/cli/predict/verbose", test_predict_verbose);
  ADD ("/cli/predict/output-config-on-wire", test_predict_output_config_on_wire);
  ADD ("/cli/predict/sampling-params-on-wire", test_predict_sampling_params);
  ADD ("/cli/predict/folder-of-300", test_predict_folder);
  ADD ("/cli/predict/folder-skips", test_predict_folder_skips);
  ADD ("/cli/predict/folder-too-large", test_predict_folder_too_large);
  ADD ("/cli/predict/folder-text-files", test_predict_folder_text_files);
  ADD ("/cli/predict/invalid-url", test_predict_invalid_url);
  ADD ("/cli/predict/missing-file", test_predict_missing_file);
  ADD ("/cli/predict/csv", test_predict_csv);
  ADD ("/cli/predict/retry-message", test_predict_retry_message);
  ADD ("/cli/errors/wrong-token", test_wrong_token);
  ADD ("/cli/errors/no-token", test_no_token);
  ADD ("/cli/errors/connection-refused", test_connection_refused);
  ADD ("/cli/errors/bad-usage", test_bad_usage);
  ADD ("/cli/errors/untrusted-certificate", test_untrusted_certificate);
  ADD ("/cli/query/versions", test_versions);
  ADD ("/cli/query/concepts-search", test_concepts_search);
  ADD ("/cli/query/models-search", test_models_search);
  ADD ("/cli/query/info-pythonic", test_info_pythonic);

#undef ADD

  return g_test_run ();
}
