/* augur-journal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-journal"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "augur-config.h"
#include "augur-input.h"
#include "augur-journal.h"
#include "augur-model-ref.h"
#include "augur-prediction-json.h"
#include "augur-prediction.h"
#include "augur-settings.h"
#include "augur-worker.h"

#define RUN_SUFFIX ".jsonl"

/* Columns ---------------------------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (AugurRunColumn, augur_run_column, augur_run_column_copy,
                     augur_run_column_free)

AugurRunColumn *
augur_run_column_new (const AugurModelRef *ref,
                      AugurSettings       *settings)
{
  AugurRunColumn *column;

  g_return_val_if_fail (ref != NULL, NULL);

  column = g_new0 (AugurRunColumn, 1);
  column->ref = augur_model_ref_copy (ref);
  column->settings = settings != NULL ? augur_settings_copy (settings) : augur_settings_new ();
  return column;
}

AugurRunColumn *
augur_run_column_copy (const AugurRunColumn *column)
{
  AugurRunColumn *copy;

  g_return_val_if_fail (column != NULL, NULL);

  copy = augur_run_column_new (column->ref, column->settings);
  copy->answered_version_id = g_strdup (column->answered_version_id);
  return copy;
}

void
augur_run_column_free (AugurRunColumn *column)
{
  if (column == NULL)
    return;
  g_clear_pointer (&column->ref, augur_model_ref_free);
  g_clear_pointer (&column->settings, augur_settings_unref);
  g_free (column->answered_version_id);
  g_free (column);
}

char *
augur_run_column_describe_model (const AugurRunColumn *column)
{
  g_return_val_if_fail (column != NULL, NULL);
  return augur_model_ref_to_string (column->ref);
}

static char *
describe_json_value (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  text = augur_json_line_write (node);
  return g_strdup (g_strchomp (text));
}

static void
describe_select_concepts (GString       *out,
                          AugurSettings *settings)
{
  GPtrArray *concepts = augur_settings_get_select_concepts (settings);

  if (concepts == NULL || concepts->len == 0)
    return;

  g_string_append (out, out->len > 0 ? ", select_concepts=" : "select_concepts=");
  for (guint i = 0; i < concepts->len; i++)
    {
      const AugurSelectConcept *concept = g_ptr_array_index (concepts, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, concept->value);
    }
}

char *
augur_run_column_describe_settings (const AugurRunColumn *column)
{
  AugurSettings *settings;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) names = NULL;

  g_return_val_if_fail (column != NULL, NULL);

  settings = column->settings;
  if (augur_settings_get_max_concepts (settings) > 0)
    g_string_append_printf (out, "max_concepts=%u", augur_settings_get_max_concepts (settings));
  if (augur_settings_get_min_value (settings) >= 0)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (buf, sizeof buf, "%g", augur_settings_get_min_value (settings));
      g_string_append_printf (out, "%smin_value=%s", out->len > 0 ? ", " : "", buf);
    }
  if (augur_settings_get_language (settings) != NULL)
    g_string_append_printf (out, "%slanguage=%s", out->len > 0 ? ", " : "",
                            augur_settings_get_language (settings));
  describe_select_concepts (out, settings);

  names = augur_settings_list_params (settings);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      JsonNode *value = augur_settings_get_param (settings, name);
      g_autofree char *text = NULL;

      if (value == NULL)
        continue;
      text = describe_json_value (value);
      g_string_append_printf (out, "%s%s=%s", out->len > 0 ? ", " : "", name, text);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Inputs in the header --------------------------------------------------------------------- */

static const struct
{
  AugurInputKind  kind;
  const char     *name;
} input_kinds[] = {
  { AUGUR_INPUT_FILE, "file" },
  { AUGUR_INPUT_BYTES, "bytes" },
  { AUGUR_INPUT_IMAGE_URL, "image-url" },
  { AUGUR_INPUT_TEXT, "text" },
  { AUGUR_INPUT_TEXT_URL, "text-url" },
};

static const char *
input_kind_to_string (AugurInputKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (input_kinds); i++)
    if (input_kinds[i].kind == kind)
      return input_kinds[i].name;
  return "bytes";
}

static gboolean
input_kind_from_string (const char     *name,
                        AugurInputKind *kind)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (input_kinds); i++)
    if (g_str_equal (input_kinds[i].name, name))
      {
        *kind = input_kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* Files are kept as URIs: a path need not be UTF-8, and JSON must be. */
static JsonObject *
input_to_object (AugurInput *input,
                 guint       index,
                 const char *hash)
{
  JsonObject *object = json_object_new ();
  AugurInputKind kind = augur_input_get_kind (input);

  json_object_set_int_member (object, "index", index);
  json_object_set_string_member (object, "label", augur_input_get_label (input));
  json_object_set_string_member (object, "kind", input_kind_to_string (kind));
  if (kind == AUGUR_INPUT_FILE)
    {
      g_autofree char *uri = g_file_get_uri (augur_input_get_file (input));

      json_object_set_string_member (object, "uri", uri);
    }
  else if (kind == AUGUR_INPUT_IMAGE_URL || kind == AUGUR_INPUT_TEXT_URL)
    json_object_set_string_member (object, "url", augur_input_get_url (input));
  else if (kind == AUGUR_INPUT_TEXT)
    json_object_set_string_member (object, "text", augur_input_get_text (input));
  if (augur_input_get_prompt (input) != NULL)
    json_object_set_string_member (object, "prompt", augur_input_get_prompt (input));
  if (hash != NULL)
    json_object_set_string_member (object, "sha256", hash);
  return object;
}

static const char *
string_member_or_null (JsonObject *object,
                       const char *name)
{
  JsonNode *node;

  if (!json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Returns: (transfer full) (nullable): %NULL when the input cannot be sent again */
static AugurInput *
input_from_object (JsonObject     *object,
                   AugurInputKind  kind)
{
  const char *prompt = string_member_or_null (object, "prompt");
  const char *value;
  g_autoptr(AugurInput) input = NULL;

  switch (kind)
    {
    case AUGUR_INPUT_FILE:
      if ((value = string_member_or_null (object, "uri")) != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_uri (value);

          input = augur_input_new_file (file);
        }
      else if ((value = string_member_or_null (object, "path")) != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_path (value);

          input = augur_input_new_file (file);
        }
      break;
    case AUGUR_INPUT_IMAGE_URL:
      if ((value = string_member_or_null (object, "url")) != NULL)
        input = augur_input_new_image_url (value);
      break;
    case AUGUR_INPUT_TEXT_URL:
      if ((value = string_member_or_null (object, "url")) != NULL)
        input = augur_input_new_text_url (value);
      break;
    case AUGUR_INPUT_TEXT:
      if ((value = string_member_or_null (object, "text")) != NULL)
        input = augur_input_new_text (value);
      break;
    case AUGUR_INPUT_BYTES:
    default:
      break;
    }

  if (input != NULL && prompt != NULL)
    return augur_input_with_prompt (input, prompt);
  return g_steal_pointer (&input);
}

/* Runs read back --------------------------------------------------------------------------- */

/* For arrays with empty slots: GPtrArray calls its free function on NULL elements too. */
static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

struct _AugurRun
{
  GObject        parent_instance;

  char          *id;
  char          *path;
  GDateTime     *created_at;      /* (owned) */
  GDateTime     *finished_at;     /* (owned) (nullable) */
  char          *base_url;        /* (nullable) */
  AugurRunState  state;
  GPtrArray     *columns;         /* (owned) AugurRunColumn */
  GPtrArray     *inputs;          /* (owned) AugurInput, NULL elements: not available */
  GPtrArray     *labels;          /* (owned) char* */
  GPtrArray     *hashes;          /* (owned) char*, NULL elements allowed */
  GPtrArray     *results;         /* (owned) (nullable) per column, a GPtrArray of slots */
  guint          n_done;
  guint          n_failed;
  guint          n_skipped_lines;
};

G_DEFINE_FINAL_TYPE (AugurRun, augur_run, G_TYPE_OBJECT)

static void
augur_run_dispose (GObject *object)
{
  AugurRun *self = AUGUR_RUN (object);

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);

  G_OBJECT_CLASS (augur_run_parent_class)->dispose (object);
}

static void
augur_run_finalize (GObject *object)
{
  AugurRun *self = AUGUR_RUN (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->finished_at, g_date_time_unref);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->hashes, g_ptr_array_unref);

  G_OBJECT_CLASS (augur_run_parent_class)->finalize (object);
}

static void
augur_run_class_init (AugurRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = augur_run_dispose;
  object_class->finalize = augur_run_finalize;
}

static void
augur_run_init (AugurRun *self)
{
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_run_column_free);
  self->inputs = g_ptr_array_new_with_free_func (unref_if_set);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->hashes = g_ptr_array_new_with_free_func (g_free);
}

const char *
augur_run_get_id (AugurRun *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), NULL);
  return self->id;
}

const char *
augur_run_get_path (AugurRun *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), NULL);
  return self->path;
}

GDateTime *
augur_run_get_created_at (AugurRun *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), NULL);
  return self->created_at;
}

GDateTime *
augur_run_get_finished_at (AugurRun *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), NULL);
  return self->finished_at;
}

const char *
augur_run_get_base_url (AugurRun *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), NULL);
  return self->base_url;
}

AugurRunState
augur_run_get_state (AugurRun *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), AUGUR_RUN_STATE_INTERRUPTED);
  return self->state;
}

guint
augur_run_get_n_columns (AugurRun *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), 0);
  return self->columns->len;
}

const AugurRunColumn *
augur_run_get_column (AugurRun *self,
                      guint     column)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, column);
}

guint
augur_run_get_n_inputs (AugurRun *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), 0);
  return self->labels->len;
}

AugurInput *
augur_run_get_input (AugurRun *self,
                     guint     index)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), NULL);
  g_return_val_if_fail (index < self->inputs->len, NULL);
  return g_ptr_array_index (self->inputs, index);
}

const char *
augur_run_get_input_label (AugurRun *self,
                           guint     index)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);
  return g_ptr_array_index (self->labels, index);
}

const char *
augur_run_get_input_hash (AugurRun *self,
                          guint     index)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), NULL);
  g_return_val_if_fail (index < self->hashes->len, NULL);
  return g_ptr_array_index (self->hashes, index);
}

gboolean
augur_run_has_results (AugurRun *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), FALSE);
  return self->results != NULL;
}

GPtrArray *
augur_run_get_results (AugurRun *self,
                       guint     column)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), NULL);
  g_return_val_if_fail (self->results != NULL, NULL);
  g_return_val_if_fail (column < self->results->len, NULL);
  return g_ptr_array_index (self->results, column);
}

guint
augur_run_get_n_done (AugurRun *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), 0);
  return self->n_done;
}

guint
augur_run_get_n_failed (AugurRun *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), 0);
  return self->n_failed;
}

guint
augur_run_get_n_pending (AugurRun *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), 0);
  return self->columns->len * self->labels->len - self->n_done - self->n_failed;
}

guint
augur_run_get_n_skipped_lines (AugurRun *self)
{
  g_return_val_if_fail (AUGUR_IS_RUN (self), 0);
  return self->n_skipped_lines;
}

GArray *
augur_run_list_pending (AugurRun *self,
                        guint     column,
                        gboolean  include_failed,
                        guint    *n_unavailable)
{
  GPtrArray *slots;
  GArray *pending;
  guint unavailable = 0;

  g_return_val_if_fail (AUGUR_IS_RUN (self), NULL);
  g_return_val_if_fail (self->results != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  slots = g_ptr_array_index (self->results, column);
  pending = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < slots->len; i++)
    {
      AugurPrediction *prediction = g_ptr_array_index (slots, i);

      if (prediction != NULL && !(include_failed && !augur_prediction_is_success (prediction)))
        continue;
      if (g_ptr_array_index (self->inputs, i) == NULL)
        unavailable++;
      else
        g_array_append_val (pending, i);
    }

  if (n_unavailable != NULL)
    *n_unavailable = unavailable;
  return pending;
}

/* The header ------------------------------------------------------------------------------- */

static char *
format_timestamp (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static char *
make_run_id (GDateTime *now)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  return g_strdup_printf ("%s-%08x", stamp, g_random_int ());
}

static JsonObject *
column_to_object (const AugurRunColumn *column)
{
  JsonObject *object = json_object_new ();
  g_autofree char *model = augur_model_ref_to_model_string (column->ref);

  json_object_set_string_member (object, "model", model);
  if (column->ref->version_id != NULL)
    json_object_set_string_member (object, "version_id", column->ref->version_id);
  else
    json_object_set_null_member (object, "version_id");
  json_object_set_member (object, "settings",
                          augur_settings_to_lossless_json (column->settings));
  return object;
}

static JsonArray *
build_column_array (GPtrArray *columns)
{
  JsonArray *column_array = json_array_sized_new (columns->len);

  for (guint i = 0; i < columns->len; i++)
    json_array_add_object_element (column_array, column_to_object (g_ptr_array_index (columns, i)));
  return column_array;
}

/* Takes @column_array. Reads only the inputs: any thread may call it. */
static char *
build_header_line_with_columns (const char *run_id,
                                GDateTime  *created_at,
                                const char *base_url,
                                JsonArray  *column_array,
                                GPtrArray  *inputs,
                                GPtrArray  *input_hashes)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *created = format_timestamp (created_at);
  g_autofree char *safe_url = augur_base_url_dup_public (base_url);
  JsonObject *object = json_object_new ();
  JsonArray *input_array = json_array_sized_new (inputs->len);

  json_object_set_int_member (object, "format", AUGUR_JOURNAL_FORMAT);
  json_object_set_string_member (object, "run_id", run_id);
  json_object_set_string_member (object, "created_at", created);
  if (safe_url != NULL)
    json_object_set_string_member (object, "base_url", safe_url);
  else
    json_object_set_null_member (object, "base_url");

  json_object_set_array_member (object, "columns", column_array);

  for (guint i = 0; i < inputs->len; i++)
    {
      const char *hash = input_hashes != NULL && i < input_hashes->len
                         ? g_ptr_array_index (input_hashes, i) : NULL;

      json_array_add_object_element (input_array,
                                     input_to_object (g_ptr_array_index (inputs, i), i, hash));
    }
  json_object_set_array_member (object, "inputs", input_array);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return augur_json_line_write (node);
}

static char *
build_header_line (const char *run_id,
                   GDateTime  *created_at,
                   const char *base_url,
                   GPtrArray  *columns,
                   GPtrArray  *inputs,
                   GPtrArray  *input_hashes)
{
  return build_header_line_with_columns (run_id, created_at, base_url,
                                         build_column_array (columns), inputs, input_hashes);
}

static gboolean
set_damaged_header_error (const char  *path,
                          const char  *why,
                          GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);

  g_debug ("Run %s has a damaged header: %s", name, why);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The saved run “%s” cannot be read: its first line is damaged"), name);
  return FALSE;
}

static JsonArray *
array_member_or_null (JsonObject *object,
                      const char *name)
{
  JsonNode *node;

  if (!json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static AugurRunColumn *
column_from_object (JsonObject  *object,
                    GError     **error)
{
  const char *model = string_member_or_null (object, "model");
  const char *version_id = string_member_or_null (object, "version_id");
  g_auto(GStrv) parts = NULL;
  g_autoptr(AugurModelRef) ref = NULL;
  g_autoptr(AugurSettings) settings = NULL;
  AugurRunColumn *column;

  if (model == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "a column has no model");
      return NULL;
    }
  parts = g_strsplit (model, "/", -1);
  if (g_strv_length (parts) != 3 || *parts[0] == '\0' || *parts[1] == '\0' || *parts[2] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "a column has a bad model");
      return NULL;
    }
  if (json_object_has_member (object, "settings"))
    {
      settings = augur_settings_new_from_lossless_json (json_object_get_member (object, "settings"),
                                                        error);
      if (settings == NULL)
        return NULL;
    }

  ref = augur_model_ref_new (parts[0], parts[1], parts[2], version_id);
  column = augur_run_column_new (ref, settings);
  return column;
}

static gboolean
read_header_columns (AugurRun    *run,
                     JsonObject  *header,
                     GError     **error)
{
  JsonArray *columns = array_member_or_null (header, "columns");

  if (columns == NULL || json_array_get_length (columns) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no columns");
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (columns); i++)
    {
      JsonNode *node = json_array_get_element (columns, i);
      AugurRunColumn *column;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "a column is not an object");
          return FALSE;
        }
      column = column_from_object (json_node_get_object (node), error);
      if (column == NULL)
        return FALSE;
      g_ptr_array_add (run->columns, column);
    }
  return TRUE;
}

static gboolean
read_header_inputs (AugurRun    *run,
                    JsonObject  *header,
                    GError     **error)
{
  JsonArray *inputs = array_member_or_null (header, "inputs");

  if (inputs == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no inputs");
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (inputs); i++)
    {
      JsonNode *node = json_array_get_element (inputs, i);
      JsonObject *object;
      const char *label;
      AugurInputKind kind;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "an input is not an object");
          return FALSE;
        }
      object = json_node_get_object (node);
      if (!input_kind_from_string (string_member_or_null (object, "kind"), &kind))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "an input has no kind");
          return FALSE;
        }
      label = string_member_or_null (object, "label");
      g_ptr_array_add (run->inputs, input_from_object (object, kind));
      g_ptr_array_add (run->labels, g_strdup (label != NULL ? label : ""));
      g_ptr_array_add (run->hashes, g_strdup (string_member_or_null (object, "sha256")));
    }
  return TRUE;
}

static GDateTime *
parse_timestamp (const char *text)
{
  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static gboolean
read_header (AugurRun    *run,
             JsonNode    *node,
             GError     **error)
{
  JsonObject *header;
  JsonNode *format;
  const char *run_id;
  g_autoptr(GError) local_error = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_damaged_header_error (run->path, "not an object", error);
  header = json_node_get_object (node);

  format = json_object_has_member (header, "format") ? json_object_get_member (header, "format")
                                                     : NULL;
  if (format == NULL || json_node_get_value_type (format) != G_TYPE_INT64)
    return set_damaged_header_error (run->path, "no format", error);
  if (json_node_get_int (format) > AUGUR_JOURNAL_FORMAT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The saved run “%s” was made by a newer version of Augur"), run->id);
      return FALSE;
    }

  run_id = string_member_or_null (header, "run_id");
  run->created_at = parse_timestamp (string_member_or_null (header, "created_at"));
  if (run_id == NULL || run->created_at == NULL)
    return set_damaged_header_error (run->path, "no run id or date", error);
  g_free (run->id);
  run->id = g_strdup (run_id);
  run->base_url = g_strdup (string_member_or_null (header, "base_url"));

  if (!read_header_columns (run, header, &local_error) ||
      !read_header_inputs (run, header, &local_error))
    return set_damaged_header_error (run->path, local_error->message, error);
  return TRUE;
}

/* Loading ---------------------------------------------------------------------------------- */

typedef struct
{
  AugurRun  *run;
  gboolean   keep_results;
  GPtrArray *slots;   /* (owned) per column, a GPtrArray of AugurPrediction or NULL */
} Loader;

static gboolean
read_result_line (Loader     *loader,
                  JsonObject *object)
{
  AugurRun *run = loader->run;
  g_autoptr(GError) error = NULL;
  g_autoptr(AugurPrediction) prediction = NULL;
  JsonNode *index_node, *column_node;
  gint64 index, column;
  GPtrArray *slots;

  index_node = json_object_get_member (object, "index");
  column_node = json_object_has_member (object, "column")
                ? json_object_get_member (object, "column") : NULL;
  if (json_node_get_value_type (index_node) != G_TYPE_INT64 ||
      column_node == NULL || json_node_get_value_type (column_node) != G_TYPE_INT64)
    return FALSE;
  index = json_node_get_int (index_node);
  column = json_node_get_int (column_node);
  if (index < 0 || index >= run->labels->len || column < 0 || column >= run->columns->len)
    return FALSE;

  prediction = augur_prediction_new_from_lossless_json (json_object_get_member (object,
                                                                               "prediction"),
                                                        &error);
  if (prediction == NULL)
    {
      g_debug ("Skipping a damaged result: %s", error->message);
      return FALSE;
    }

  augur_prediction_set_index (prediction, (guint) index);
  augur_prediction_set_input (prediction, g_ptr_array_index (run->inputs, index));
  slots = g_ptr_array_index (loader->slots, column);
  g_clear_object (&slots->pdata[index]);
  slots->pdata[index] = g_steal_pointer (&prediction);
  return TRUE;
}

static gboolean
read_state_line (Loader     *loader,
                 JsonObject *object)
{
  AugurRun *run = loader->run;
  const char *state = string_member_or_null (object, "state");

  if (state == NULL)
    return FALSE;

  g_clear_pointer (&run->finished_at, g_date_time_unref);
  if (g_str_equal (state, "finished") || g_str_equal (state, "cancelled"))
    {
      run->state = g_str_equal (state, "finished") ? AUGUR_RUN_STATE_FINISHED
                                                   : AUGUR_RUN_STATE_CANCELLED;
      run->finished_at = parse_timestamp (string_member_or_null (object, "finished_at"));
      return TRUE;
    }
  if (g_str_equal (state, "resumed"))
    {
      run->state = AUGUR_RUN_STATE_INTERRUPTED;
      return TRUE;
    }
  return FALSE;
}

static void
read_body_line (Loader     *loader,
                const char *line,
                gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = augur_json_line_parse (line, (gssize) length, &error);
  gboolean understood = FALSE;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (json_object_has_member (object, "prediction") && json_object_has_member (object, "index"))
        understood = read_result_line (loader, object);
      else if (json_object_has_member (object, "state"))
        understood = read_state_line (loader, object);
    }

  if (!understood)
    {
      g_debug ("Run %s: skipping a damaged line (%s)", loader->run->id,
               error != NULL ? error->message : "unknown shape");
      loader->run->n_skipped_lines++;
    }
}

static gboolean
line_is_blank (const char *line,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

static void
prepare_slots (Loader *loader)
{
  AugurRun *run = loader->run;

  loader->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint c = 0; c < run->columns->len; c++)
    {
      GPtrArray *slots = g_ptr_array_new_full (run->labels->len, unref_if_set);

      g_ptr_array_set_size (slots, run->labels->len);
      g_ptr_array_add (loader->slots, slots);
    }
}

/* Counts results and notes which version answered each column. */
static void
tally_results (Loader *loader)
{
  AugurRun *run = loader->run;

  for (guint c = 0; c < loader->slots->len; c++)
    {
      GPtrArray *slots = g_ptr_array_index (loader->slots, c);
      AugurRunColumn *column = g_ptr_array_index (run->columns, c);

      for (guint i = 0; i < slots->len; i++)
        {
          AugurPrediction *prediction = g_ptr_array_index (slots, i);
          const char *version_id;

          if (prediction == NULL)
            continue;
          if (!augur_prediction_is_success (prediction))
            {
              run->n_failed++;
              continue;
            }
          run->n_done++;
          version_id = augur_prediction_get_version_id (prediction);
          if (column->answered_version_id == NULL && version_id != NULL && *version_id != '\0')
            column->answered_version_id = g_strdup (version_id);
        }
    }
}

static AugurRun *
load_run (const char  *path,
          gboolean     keep_results,
          GError     **error)
{
  g_autoptr(AugurRun) run = g_object_new (AUGUR_TYPE_RUN, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  Loader loader = { run, keep_results, NULL };
  gsize length = 0;
  const char *line, *end;
  gboolean have_header = FALSE;

  run->path = g_strdup (path);
  run->id = g_strdup (basename);
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  for (line = contents; line < contents + length; line = end + 1)
    {
      gsize line_length;

      end = memchr (line, '\n', contents + length - line);
      if (end == NULL)
        {
          /* The last line of a crash: never complete, never trusted. */
          if (!line_is_blank (line, contents + length - line))
            {
              g_debug ("Run %s: skipping a half-written last line", run->id);
              run->n_skipped_lines++;
            }
          break;
        }
      line_length = end - line;
      if (line_is_blank (line, line_length))
        continue;

      if (!have_header)
        {
          g_autoptr(GError) parse_error = NULL;
          g_autoptr(JsonNode) node = augur_json_line_parse (line, (gssize) line_length,
                                                            &parse_error);

          if (node == NULL)
            {
              set_damaged_header_error (path, parse_error->message, error);
              return NULL;
            }
          if (!read_header (run, node, error))
            return NULL;
          have_header = TRUE;
          prepare_slots (&loader);
          continue;
        }
      read_body_line (&loader, line, line_length);
    }

  if (!have_header)
    {
      set_damaged_header_error (path, "empty", error);
      return NULL;
    }

  tally_results (&loader);
  if (keep_results)
    run->results = g_steal_pointer (&loader.slots);
  g_clear_pointer (&loader.slots, g_ptr_array_unref);
  return g_steal_pointer (&run);
}

AugurRun *
augur_journal_load (const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_run (path, TRUE, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  AugurRun *run = augur_journal_load (task_data, &error);

  if (run == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, run, g_object_unref);
}

void
augur_journal_load_async (const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_journal_load_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  augur_worker_run (task, load_thread);
}

AugurRun *
augur_journal_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_journal_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Listing and deleting --------------------------------------------------------------------- */

char *
augur_journal_get_default_root (void)
{
  return g_build_filename (g_get_user_data_dir (), "augur", "runs", NULL);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  AugurRun *x = *(AugurRun * const *) a;
  AugurRun *y = *(AugurRun * const *) b;
  int by_date = g_date_time_compare (y->created_at, x->created_at);

  return by_date != 0 ? by_date : strcmp (y->id, x->id);
}

GPtrArray *
augur_journal_list_runs (const char  *root_dir,
                         GError     **error)
{
  g_autofree char *default_root = NULL;
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (root_dir == NULL)
    root_dir = default_root = augur_journal_get_default_root ();

  dir = g_dir_open (root_dir, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&runs);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) load_error = NULL;
      AugurRun *run;

      if (!g_str_has_suffix (name, RUN_SUFFIX))
        continue;
      path = g_build_filename (root_dir, name, NULL);
      run = load_run (path, FALSE, &load_error);
      if (run == NULL)
        {
          g_debug ("Leaving %s out of the history: %s", name, load_error->message);
          continue;
        }
      g_ptr_array_add (runs, run);
    }

  g_ptr_array_sort (runs, compare_newest_first);
  return g_steal_pointer (&runs);
}

static void
list_runs_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *runs = augur_journal_list_runs (task_data, &error);

  if (runs == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, runs, (GDestroyNotify) g_ptr_array_unref);
}

void
augur_journal_list_runs_async (const char          *root_dir,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_journal_list_runs_async);
  g_task_set_task_data (task, g_strdup (root_dir), g_free);
  augur_worker_run (task, list_runs_thread);
}

GPtrArray *
augur_journal_list_runs_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        augur_journal_list_runs_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
augur_journal_delete_run (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (g_str_has_suffix (path, RUN_SUFFIX), FALSE);

  if (g_unlink (path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_path_get_basename (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not delete the saved run “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Writing ---------------------------------------------------------------------------------- */

/* One line waiting for the writer, or a flush marker (no line). */
typedef struct
{
  char            *line;          /* (nullable) */
  AugurPrediction *prediction;    /* (owned) (nullable) a result line still to build */
  guint            column;
  guint            input_index;
  GTask           *task;          /* (owned) (nullable) */
  gboolean         close_after;
} PendingLine;

static void
pending_line_free (PendingLine *pending)
{
  g_free (pending->line);
  g_clear_object (&pending->prediction);
  g_clear_object (&pending->task);
  g_free (pending);
}

struct _AugurJournal
{
  GObject        parent_instance;

  char          *run_id;
  char          *path;
  guint          n_columns;
  guint          n_inputs;
  gboolean       closing;   /* main thread only: close_async() was called */

  GMutex         lock;
  /* Guarded by @lock: */
  GQueue         pending;   /* PendingLine, oldest first */
  gboolean       writing;   /* a drain job owns @stream */
  GOutputStream *stream;    /* (owned) (nullable) NULL once closed */
  GError        *write_error;
};

G_DEFINE_FINAL_TYPE (AugurJournal, augur_journal, G_TYPE_OBJECT)

static void
augur_journal_finalize (GObject *object)
{
  AugurJournal *self = AUGUR_JOURNAL (object);
  g_autoptr(GError) error = NULL;

  /* Every pending line holds a reference to us, so nothing is left to write: dropping the
   * journal without closing it leaves the run interrupted, on purpose. */
  if (self->stream != NULL && !g_output_stream_close (self->stream, NULL, &error))
    g_debug ("Could not close run %s: %s", self->run_id, error->message);

  g_clear_object (&self->stream);
  g_queue_clear_full (&self->pending, (GDestroyNotify) pending_line_free);
  g_clear_error (&self->write_error);
  g_clear_pointer (&self->run_id, g_free);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (augur_journal_parent_class)->finalize (object);
}

static void
augur_journal_class_init (AugurJournalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = augur_journal_finalize;
}

static void
augur_journal_init (AugurJournal *self)
{
  g_mutex_init (&self->lock);
  g_queue_init (&self->pending);
}

static AugurJournal *
journal_new (const char    *run_id,
             const char    *path,
             guint          n_columns,
             guint          n_inputs,
             GOutputStream *stream)
{
  AugurJournal *self = g_object_new (AUGUR_TYPE_JOURNAL, NULL);

  self->run_id = g_strdup (run_id);
  self->path = g_strdup (path);
  self->n_columns = n_columns;
  self->n_inputs = n_inputs;
  self->stream = g_object_ref (stream);
  return self;
}

static gboolean
write_line (GOutputStream  *stream,
            const char     *line,
            GError        **error)
{
  return g_output_stream_write_all (stream, line, strlen (line), NULL, NULL, error) &&
         g_output_stream_flush (stream, NULL, error);
}

static gboolean
make_root (const char  *root_dir,
           GError     **error)
{
  if (g_mkdir_with_parents (root_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder for saved runs: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char      *root_dir;
  char      *run_id;
  char      *header_line;  /* (nullable) until built from the fields below */
  guint      n_columns;
  guint      n_inputs;

  /* For building the header in the worker thread (create_async) */
  char      *base_url;
  GDateTime *created_at;
  char      *columns_json;  /* serialized here: settings share JSON nodes with the caller's */
  GPtrArray *inputs;        /* AugurInput */
  GPtrArray *input_hashes;  /* (nullable) char* */
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->root_dir);
  g_free (data->run_id);
  g_free (data->header_line);
  g_free (data->base_url);
  g_clear_pointer (&data->created_at, g_date_time_unref);
  g_free (data->columns_json);
  g_clear_pointer (&data->inputs, g_ptr_array_unref);
  g_clear_pointer (&data->input_hashes, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CreateData, create_data_free)

/* Everything but the disk, so that it can run on the caller's thread. */
static CreateData *
prepare_create (const char *root_dir,
                const char *base_url,
                GPtrArray  *columns,
                GPtrArray  *inputs,
                GPtrArray  *input_hashes)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  CreateData *data = g_new0 (CreateData, 1);

  data->root_dir = root_dir != NULL ? g_strdup (root_dir) : augur_journal_get_default_root ();
  data->run_id = make_run_id (now);
  data->header_line = build_header_line (data->run_id, now, base_url, columns, inputs,
                                         input_hashes);
  data->n_columns = columns->len;
  data->n_inputs = inputs->len;
  return data;
}

/* The same data, with the header (thousands of inputs) left for the worker thread to build:
 * only the small columns are serialized on the caller's thread. */
static CreateData *
prepare_create_later (const char *root_dir,
                      const char *base_url,
                      GPtrArray  *columns,
                      GPtrArray  *inputs,
                      GPtrArray  *input_hashes)
{
  CreateData *data = g_new0 (CreateData, 1);
  g_autoptr(JsonNode) column_node = json_node_new (JSON_NODE_ARRAY);

  data->created_at = g_date_time_new_now_utc ();
  data->root_dir = root_dir != NULL ? g_strdup (root_dir) : augur_journal_get_default_root ();
  data->run_id = make_run_id (data->created_at);
  data->n_columns = columns->len;
  data->n_inputs = inputs->len;
  data->base_url = g_strdup (base_url);
  json_node_take_array (column_node, build_column_array (columns));
  data->columns_json = json_to_string (column_node, FALSE);
  data->inputs = g_ptr_array_new_full (inputs->len, g_object_unref);
  for (guint i = 0; i < inputs->len; i++)
    g_ptr_array_add (data->inputs, g_object_ref (g_ptr_array_index (inputs, i)));
  if (input_hashes != NULL)
    {
      data->input_hashes = g_ptr_array_new_full (input_hashes->len, g_free);
      for (guint i = 0; i < input_hashes->len; i++)
        g_ptr_array_add (data->input_hashes, g_strdup (g_ptr_array_index (input_hashes, i)));
    }
  return data;
}

static void
build_header_later (CreateData *data)
{
  g_autoptr(JsonNode) column_node = json_from_string (data->columns_json, NULL);

  g_assert (column_node != NULL && JSON_NODE_HOLDS_ARRAY (column_node));
  data->header_line = build_header_line_with_columns (data->run_id, data->created_at,
                                                      data->base_url,
                                                      json_array_ref (json_node_get_array (column_node)),
                                                      data->inputs, data->input_hashes);
}

static AugurJournal *
create_on_disk (CreateData  *data,
                GError     **error)
{
  g_autofree char *name = g_strconcat (data->run_id, RUN_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (data->root_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;

  if (!make_root (data->root_dir, error))
    return NULL;
  if (data->header_line == NULL)
    build_header_later (data);

  stream = g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, error);
  if (stream == NULL || !write_line (G_OUTPUT_STREAM (stream), data->header_line, error))
    return NULL;

  g_debug ("Journaling run %s", data->run_id);
  return journal_new (data->run_id, path, data->n_columns, data->n_inputs,
                      G_OUTPUT_STREAM (stream));
}

static gboolean
check_create_args (GPtrArray *columns,
                   GPtrArray *inputs,
                   GPtrArray *input_hashes)
{
  return columns != NULL && columns->len > 0 && inputs != NULL &&
         (input_hashes == NULL || input_hashes->len == inputs->len);
}

AugurJournal *
augur_journal_create (const char  *root_dir,
                      const char  *base_url,
                      GPtrArray   *columns,
                      GPtrArray   *inputs,
                      GPtrArray   *input_hashes,
                      GError     **error)
{
  g_autoptr(CreateData) data = NULL;

  g_return_val_if_fail (check_create_args (columns, inputs, input_hashes), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = prepare_create (root_dir, base_url, columns, inputs, input_hashes);
  return create_on_disk (data, error);
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  AugurJournal *journal;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      (journal = create_on_disk (task_data, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, journal, g_object_unref);
}

void
augur_journal_create_async (const char          *root_dir,
                            const char          *base_url,
                            GPtrArray           *columns,
                            GPtrArray           *inputs,
                            GPtrArray           *input_hashes,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (check_create_args (columns, inputs, input_hashes));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_journal_create_async);
  g_task_set_task_data (task,
                        prepare_create_later (root_dir, base_url, columns, inputs, input_hashes),
                        (GDestroyNotify) create_data_free);
  augur_worker_run (task, create_thread);
}

AugurJournal *
augur_journal_create_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_journal_create_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Reopening */

static char *
build_state_line (const char *state,
                  const char *time_member)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = format_timestamp (now);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "state", state);
  json_object_set_string_member (object, time_member, stamp);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return augur_json_line_write (node);
}

/* Reads the header (the first line) and whether the file ends with a newline. */
static AugurRun *
read_header_only (const char  *path,
                  gboolean    *ends_with_newline,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  g_autoptr(AugurRun) run = g_object_new (AUGUR_TYPE_RUN, NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *line = NULL;
  gsize length = 0;
  char last = '\n';

  run->path = g_strdup (path);
  run->id = g_path_get_basename (path);

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  data = g_data_input_stream_new (G_INPUT_STREAM (stream));
  line = g_data_input_stream_read_line (data, &length, NULL, error);
  if (line == NULL)
    {
      if (error != NULL && *error == NULL)
        set_damaged_header_error (path, "empty", error);
      return NULL;
    }
  node = augur_json_line_parse (line, (gssize) length, &parse_error);
  if (node == NULL)
    {
      set_damaged_header_error (path, parse_error->message, error);
      return NULL;
    }
  if (!read_header (run, node, error))
    return NULL;

  if (!g_seekable_seek (G_SEEKABLE (stream), -1, G_SEEK_END, NULL, error) ||
      g_input_stream_read (G_INPUT_STREAM (stream), &last, 1, NULL, error) != 1)
    return NULL;
  *ends_with_newline = last == '\n';
  return g_steal_pointer (&run);
}

AugurJournal *
augur_journal_reopen (const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(AugurRun) run = NULL;
  g_autofree char *resumed = NULL;
  gboolean ends_with_newline = TRUE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  run = read_header_only (path, &ends_with_newline, error);
  if (run == NULL)
    return NULL;

  file = g_file_new_for_path (path);
  stream = g_file_append_to (file, G_FILE_CREATE_PRIVATE, NULL, error);
  if (stream == NULL)
    return NULL;
  if (!ends_with_newline && !write_line (G_OUTPUT_STREAM (stream), "\n", error))
    return NULL;

  resumed = build_state_line ("resumed", "resumed_at");
  if (!write_line (G_OUTPUT_STREAM (stream), resumed, error))
    return NULL;

  g_debug ("Resuming run %s", run->id);
  return journal_new (run->id, path, run->columns->len, run->labels->len,
                      G_OUTPUT_STREAM (stream));
}

static void
reopen_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  AugurJournal *journal;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      (journal = augur_journal_reopen (task_data, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, journal, g_object_unref);
}

void
augur_journal_reopen_async (const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_journal_reopen_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  augur_worker_run (task, reopen_thread);
}

AugurJournal *
augur_journal_reopen_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_journal_reopen_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
augur_journal_get_run_id (AugurJournal *self)
{
  g_return_val_if_fail (AUGUR_IS_JOURNAL (self), NULL);
  return self->run_id;
}

const char *
augur_journal_get_path (AugurJournal *self)
{
  g_return_val_if_fail (AUGUR_IS_JOURNAL (self), NULL);
  return self->path;
}

guint
augur_journal_get_n_columns (AugurJournal *self)
{
  g_return_val_if_fail (AUGUR_IS_JOURNAL (self), 0);
  return self->n_columns;
}

guint
augur_journal_get_n_inputs (AugurJournal *self)
{
  g_return_val_if_fail (AUGUR_IS_JOURNAL (self), 0);
  return self->n_inputs;
}

/* The writer: one drain job at a time takes lines off the queue in order. */

static void
record_write_error (AugurJournal *self,
                    const GError *error)
{
  g_debug ("Could not write to run %s: %s", self->run_id, error->message);

  g_mutex_lock (&self->lock);
  if (self->write_error == NULL)
    self->write_error = g_error_copy (error);
  g_mutex_unlock (&self->lock);
}

static char *build_result_line (guint            column,
                                guint            input_index,
                                AugurPrediction *prediction);

static void
write_pending (AugurJournal *self,
               PendingLine  *pending)
{
  g_autoptr(GError) error = NULL;
  GOutputStream *stream;

  if (pending->prediction != NULL)
    pending->line = build_result_line (pending->column, pending->input_index,
                                       pending->prediction);

  g_mutex_lock (&self->lock);
  stream = self->stream;
  g_mutex_unlock (&self->lock);

  if (pending->line != NULL && stream == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                         _("The run journal is already closed"));
  else if (pending->line != NULL && !write_line (stream, pending->line, &error))
    record_write_error (self, error);

  if (pending->close_after && stream != NULL)
    {
      g_autoptr(GError) close_error = NULL;

      if (!g_output_stream_close (stream, NULL, &close_error))
        record_write_error (self, close_error);
      g_mutex_lock (&self->lock);
      g_clear_object (&self->stream);
      g_mutex_unlock (&self->lock);
      if (error == NULL && close_error != NULL)
        error = g_steal_pointer (&close_error);
    }

  if (pending->task == NULL)
    return;
  if (error != NULL)
    g_task_return_error (pending->task, g_steal_pointer (&error));
  else
    g_task_return_boolean (pending->task, TRUE);
}

static void
drain_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AugurJournal *self = source_object;

  for (;;)
    {
      PendingLine *pending;

      g_mutex_lock (&self->lock);
      pending = g_queue_pop_head (&self->pending);
      if (pending == NULL)
        self->writing = FALSE;
      g_mutex_unlock (&self->lock);

      if (pending == NULL)
        break;
      write_pending (self, pending);
      pending_line_free (pending);
    }

  g_task_return_boolean (task, TRUE);
}

static PendingLine *
pending_line_new (char     *line,
                  GTask    *task,
                  gboolean  close_after)
{
  PendingLine *pending = g_new0 (PendingLine, 1);

  pending->line = line;
  pending->task = task != NULL ? g_object_ref (task) : NULL;
  pending->close_after = close_after;
  return pending;
}

/* Takes @pending. */
static void
enqueue_pending (AugurJournal *self,
                 PendingLine  *pending)
{
  gboolean start_writer;

  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->pending, pending);
  start_writer = !self->writing;
  self->writing = TRUE;
  g_mutex_unlock (&self->lock);

  if (start_writer)
    {
      g_autoptr(GTask) drain = g_task_new (self, NULL, NULL, NULL);

      g_task_set_source_tag (drain, drain_thread);
      augur_worker_run_short (drain, drain_thread);
    }
}

static void
enqueue (AugurJournal *self,
         char         *line,
         GTask        *task,
         gboolean      close_after)
{
  enqueue_pending (self, pending_line_new (line, task, close_after));
}

static char *
build_result_line (guint            column,
                   guint            input_index,
                   AugurPrediction *prediction)
{
  g_autoptr(JsonNode) node = NULL;
  JsonNode *prediction_node = augur_prediction_to_lossless_json (prediction);
  JsonObject *object = json_object_new ();

  /* The prediction's own index is its place in one batch, which a resume renumbers. */
  json_object_set_int_member (json_node_get_object (prediction_node), "index", input_index);

  json_object_set_int_member (object, "index", input_index);
  json_object_set_int_member (object, "column", column);
  json_object_set_member (object, "prediction", prediction_node);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return augur_json_line_write (node);
}

void
augur_journal_append_async (AugurJournal        *self,
                            guint                column,
                            guint                input_index,
                            AugurPrediction     *prediction,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AUGUR_IS_JOURNAL (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (input_index < self->n_inputs);
  g_return_if_fail (AUGUR_IS_PREDICTION (prediction));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_journal_append_async);

  if (self->closing)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED, "%s",
                               _("The run journal is already closed"));
      return;
    }

  enqueue (self, build_result_line (column, input_index, prediction), task, FALSE);
}

/**
 * augur_journal_add_result:
 * @column: which column of the run
 * @input_index: which input of the run
 * @prediction: a final result; serialized later, in the writer thread, so it must not be
 *   changed afterwards
 *
 * Like augur_journal_append_async() without a callback, for runs of thousands of results:
 * the line is built off the caller's thread. A failure shows in
 * augur_journal_dup_write_error(); after augur_journal_close_async() the result is dropped
 * with a g_debug().
 */
void
augur_journal_add_result (AugurJournal    *self,
                          guint            column,
                          guint            input_index,
                          AugurPrediction *prediction)
{
  PendingLine *pending;

  g_return_if_fail (AUGUR_IS_JOURNAL (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (input_index < self->n_inputs);
  g_return_if_fail (AUGUR_IS_PREDICTION (prediction));

  if (self->closing)
    {
      g_debug ("Run %s is closed: result %u not journaled", self->run_id, input_index);
      return;
    }

  pending = pending_line_new (NULL, NULL, FALSE);
  pending->prediction = g_object_ref (prediction);
  pending->column = column;
  pending->input_index = input_index;
  enqueue_pending (self, pending);
}

gboolean
augur_journal_append_finish (AugurJournal  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_journal_append_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
augur_journal_flush_async (AugurJournal        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AUGUR_IS_JOURNAL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_journal_flush_async);
  enqueue (self, NULL, task, FALSE);
}

gboolean
augur_journal_flush_finish (AugurJournal  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_journal_flush_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
augur_journal_close_async (AugurJournal        *self,
                           AugurRunState        state,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AUGUR_IS_JOURNAL (self));
  g_return_if_fail (state == AUGUR_RUN_STATE_FINISHED || state == AUGUR_RUN_STATE_CANCELLED);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, augur_journal_close_async);

  if (self->closing)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED, "%s",
                               _("The run journal is already closed"));
      return;
    }

  self->closing = TRUE;
  enqueue (self,
           build_state_line (state == AUGUR_RUN_STATE_FINISHED ? "finished" : "cancelled",
                             "finished_at"),
           task, TRUE);
}

gboolean
augur_journal_close_finish (AugurJournal  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == augur_journal_close_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GError *
augur_journal_dup_write_error (AugurJournal *self)
{
  GError *error;

  g_return_val_if_fail (AUGUR_IS_JOURNAL (self), NULL);

  g_mutex_lock (&self->lock);
  error = self->write_error != NULL ? g_error_copy (self->write_error) : NULL;
  g_mutex_unlock (&self->lock);
  return error;
}
