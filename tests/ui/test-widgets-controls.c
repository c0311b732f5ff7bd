/* test-widgets-controls.c: the controls panel, driven through its widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <adwaita.h>

#include "augur-controls-panel.h"
#include "augur-resources.h"
#include "augur-test-server.h"

/* Widget tree helpers ---------------------------------------------------------------------- */

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
get_row (GtkWidget  *panel,
         const char *title)
{
  GtkWidget *row = find_row (panel, title);

  if (row == NULL)
    g_error ("No row titled “%s”", title);
  return row;
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
get_descendant (GtkWidget *root,
                GType      type)
{
  GtkWidget *widget = find_descendant (root, type);

  if (widget == NULL)
    g_error ("No %s in %s", g_type_name (type), G_OBJECT_TYPE_NAME (root));
  return widget;
}

static const char *
row_subtitle (GtkWidget *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static GtkWidget *
find_button_with_icon (GtkWidget  *root,
                       const char *icon_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), icon_name) == 0)
        return child;
      found = find_button_with_icon (child, icon_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The per-row reset button shows only on a changed row. */
static gboolean
row_shows_reset (GtkWidget *row)
{
  GtkWidget *button = find_button_with_icon (row, "edit-undo-symbolic");

  g_assert_nonnull (button);
  return gtk_widget_get_visible (button);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
count_changed_cb (AugurControlsPanel *panel,
                  guint              *count)
{
  (*count)++;
}

static GtkWidget *
new_panel (const char     *model_type_id,
           AugurModelSpec *spec,
           guint          *n_changed)
{
  GtkWidget *panel = g_object_ref_sink (augur_controls_panel_new ());

  augur_controls_panel_set_model (AUGUR_CONTROLS_PANEL (panel), model_type_id, spec);
  if (n_changed != NULL)
    g_signal_connect (panel, "changed", G_CALLBACK (count_changed_cb), n_changed);
  return panel;
}

static AugurModelSpec *
load_pythonic_spec (void)
{
  g_autoptr(GBytes) bytes = augur_test_fixture_bytes ("pythonic-method-signatures.model-version.json");
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  AugurModelSpec *spec;

  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);
  spec = augur_response_spec_from_model_version (json_node_get_object (json_parser_get_root (parser)),
                                                 &error);
  g_assert_no_error (error);
  return spec;
}

static void
assert_settings_empty (AugurSettings *settings)
{
  g_autoptr(GPtrArray) params = augur_settings_list_params (settings);

  g_assert_cmpuint (augur_settings_get_max_concepts (settings), ==, 0);
  g_assert_cmpfloat (augur_settings_get_min_value (settings), <, 0);
  g_assert_cmpuint (augur_settings_get_select_concepts (settings)->len, ==, 0);
  g_assert_cmpuint (params->len, ==, 0);
  g_assert_false (augur_settings_has_output_config (settings));
}

/* Tests ------------------------------------------------------------------------------------ */

static void
test_classifier (void)
{
  guint n_changed = 0;
  GtkWidget *panel = new_panel ("visual-classifier", NULL, &n_changed);
  GtkWidget *max_row = get_row (panel, "Maximum concepts");
  GtkWidget *min_row = get_row (panel, "Minimum value");
  GtkWidget *spin = get_descendant (max_row, GTK_TYPE_SPIN_BUTTON);
  GtkWidget *scale = get_descendant (min_row, GTK_TYPE_SCALE);
  g_autoptr(AugurSettings) before = augur_controls_panel_get_settings (AUGUR_CONTROLS_PANEL (panel));
  g_autoptr(AugurSettings) after = NULL;
  g_autoptr(GPtrArray) params = NULL;

  g_assert_null (find_row (panel, "Temperature"));
  g_assert_nonnull (find_row (panel, "Select concepts"));
  g_assert_cmpstr (row_subtitle (max_row), ==, "Model default (20)");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 20);
  g_assert_true (gtk_scale_get_draw_value (GTK_SCALE (scale)));
  g_assert_false (row_shows_reset (max_row));
  assert_settings_empty (before);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);
  g_assert_cmpuint (n_changed, ==, 1);
  gtk_range_set_value (GTK_RANGE (scale), 0.25);
  g_assert_cmpuint (n_changed, ==, 2);

  g_assert_cmpstr (row_subtitle (max_row), ==, "Set by you (model default 20)");
  g_assert_true (row_shows_reset (max_row));

  after = augur_controls_panel_get_settings (AUGUR_CONTROLS_PANEL (panel));
  g_assert_cmpuint (augur_settings_get_max_concepts (after), ==, 3);
  g_assert_cmpfloat_with_epsilon (augur_settings_get_min_value (after), 0.25, 1e-9);
  g_assert_cmpuint (augur_settings_get_select_concepts (after)->len, ==, 0);
  params = augur_settings_list_params (after);
  g_assert_cmpuint (params->len, ==, 0);

  g_assert_finalize_object (panel);
}

static void
test_reset (void)
{
  guint n_changed = 0;
  GtkWidget *panel = new_panel ("visual-detector", NULL, &n_changed);
  GtkWidget *max_row = get_row (panel, "Maximum concepts");
  GtkWidget *spin = get_descendant (max_row, GTK_TYPE_SPIN_BUTTON);
  GtkWidget *scale = get_descendant (get_row (panel, "Minimum value"), GTK_TYPE_SCALE);
  g_autoptr(AugurSettings) settings = NULL;
  g_autofree char *saved = NULL;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 7);
  gtk_range_set_value (GTK_RANGE (scale), 0.5);

  /* One row back to its default */
  gtk_widget_activate_action (panel, "controls.reset-control", "s", "max_concepts");
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 20);
  g_assert_cmpstr (row_subtitle (max_row), ==, "Model default (20)");
  settings = augur_controls_panel_get_settings (AUGUR_CONTROLS_PANEL (panel));
  g_assert_cmpuint (augur_settings_get_max_concepts (settings), ==, 0);
  g_assert_cmpfloat_with_epsilon (augur_settings_get_min_value (settings), 0.5, 1e-9);
  g_clear_pointer (&settings, augur_settings_unref);

  /* "Reset to model defaults" */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 9);
  gtk_widget_activate_action (panel, "controls.reset", NULL);
  g_assert_cmpuint (n_changed, ==, 5);
  settings = augur_controls_panel_get_settings (AUGUR_CONTROLS_PANEL (panel));
  assert_settings_empty (settings);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (scale)), ==, 0);
  g_assert_false (row_shows_reset (max_row));
  saved = augur_controls_panel_save (AUGUR_CONTROLS_PANEL (panel));
  g_assert_cmpstr (saved, ==, "{}");

  /* Nothing to reset: no signal */
  augur_controls_panel_reset (AUGUR_CONTROLS_PANEL (panel));
  g_assert_cmpuint (n_changed, ==, 5);

  g_assert_finalize_object (panel);
}

static GPtrArray *
make_concepts (void)
{
  GPtrArray *concepts = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (concepts, augur_concept_new ("id-00", "concept-00", 0));
  g_ptr_array_add (concepts, augur_concept_new ("id-01", "concept-01", 0));
  g_ptr_array_add (concepts, augur_concept_new ("ai_6kTjGfF6", "Train", 0));
  return concepts;
}

static void
type_concept (GtkWidget  *entry,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static GtkWidget *
chip_at (GtkWidget *chips,
         int        index)
{
  return GTK_WIDGET (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (chips), index));
}

static const char *
chip_label (GtkWidget *chips,
            int        index)
{
  return gtk_label_get_label (GTK_LABEL (get_descendant (chip_at (chips, index), GTK_TYPE_LABEL)));
}

static void
assert_select (AugurSelectConcept *concept,
               const char         *value,
               gboolean            by_name)
{
  g_assert_cmpstr (concept->value, ==, value);
  g_assert_cmpint (concept->by_name, ==, by_name);
}

static void
test_select_concepts (void)
{
  guint n_changed = 0;
  GtkWidget *panel = new_panel ("visual-classifier", NULL, &n_changed);
  g_autoptr(GPtrArray) concepts = make_concepts ();
  GtkWidget *row = get_row (panel, "Select concepts");
  GtkWidget *entry = get_descendant (row, GTK_TYPE_ENTRY);
  GtkWidget *chips = get_descendant (row, GTK_TYPE_FLOW_BOX);
  g_autoptr(AugurSettings) settings = NULL;
  GPtrArray *selected;
  GtkWidget *first_chip;

  augur_controls_panel_set_concepts (AUGUR_CONTROLS_PANEL (panel), concepts);
  g_assert_nonnull (gtk_entry_get_completion (GTK_ENTRY (entry)));
  g_assert_false (gtk_widget_get_visible (chips));

  type_concept (entry, "concept-00");   /* a name: by name */
  type_concept (entry, "id-01");        /* an id: by id */
  type_concept (entry, "train");        /* a name in another case: the concept's spelling */
  type_concept (entry, "unicorn");      /* unknown: by name */
  type_concept (entry, "concept-00");   /* again: no duplicate */
  type_concept (entry, "   ");          /* blank: nothing */
  g_assert_cmpuint (n_changed, ==, 4);

  g_assert_true (gtk_widget_get_visible (chips));
  g_assert_cmpuint (count_children (chips), ==, 4);
  /* A concept chosen by id shows its name */
  g_assert_cmpstr (chip_label (chips, 1), ==, "concept-01");
  g_assert_cmpstr (chip_label (chips, 2), ==, "Train");

  settings = augur_controls_panel_get_settings (AUGUR_CONTROLS_PANEL (panel));
  selected = augur_settings_get_select_concepts (settings);
  g_assert_cmpuint (selected->len, ==, 4);
  assert_select (g_ptr_array_index (selected, 0), "concept-00", TRUE);
  assert_select (g_ptr_array_index (selected, 1), "id-01", FALSE);
  assert_select (g_ptr_array_index (selected, 2), "Train", TRUE);
  assert_select (g_ptr_array_index (selected, 3), "unicorn", TRUE);
  g_clear_pointer (&settings, augur_settings_unref);

  /* Clicking a chip removes it */
  first_chip = get_descendant (chip_at (chips, 0), GTK_TYPE_BUTTON);
  g_signal_emit_by_name (first_chip, "clicked");
  g_assert_cmpuint (count_children (chips), ==, 3);
  g_assert_cmpuint (n_changed, ==, 5);
  settings = augur_controls_panel_get_settings (AUGUR_CONTROLS_PANEL (panel));
  selected = augur_settings_get_select_concepts (settings);
  g_assert_cmpuint (selected->len, ==, 3);
  assert_select (g_ptr_array_index (selected, 0), "id-01", FALSE);

  g_assert_finalize_object (panel);
}

static void
test_save_restore (void)
{
  GtkWidget *panel = new_panel ("visual-classifier", NULL, NULL);
  GtkWidget *copy = new_panel ("visual-classifier", NULL, NULL);
  GtkWidget *entry = get_descendant (get_row (panel, "Select concepts"), GTK_TYPE_ENTRY);
  g_autoptr(GPtrArray) concepts = make_concepts ();
  g_autoptr(AugurSettings) settings = NULL;
  g_autoptr(JsonNode) saved_node = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  JsonObject *object;
  JsonArray *chips;
  GPtrArray *selected;

  augur_controls_panel_set_concepts (AUGUR_CONTROLS_PANEL (panel), concepts);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_descendant (get_row (panel, "Maximum concepts"),
                                                              GTK_TYPE_SPIN_BUTTON)), 5);
  type_concept (entry, "Train");
  type_concept (entry, "id-00");

  saved = augur_controls_panel_save (AUGUR_CONTROLS_PANEL (panel));
  saved_node = json_from_string (saved, NULL);
  object = json_node_get_object (saved_node);
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "max_concepts"), ==, 5);
  g_assert_false (json_object_has_member (object, "min_value"));
  chips = json_object_get_array_member (object, "select_concepts");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (chips, 0), "name"),
                   ==, "Train");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (chips, 1), "id"),
                   ==, "id-00");

  /* Unknown names and wrong types are skipped */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_descendant (get_row (copy, "Maximum concepts"),
                                                              GTK_TYPE_SPIN_BUTTON)), 77);
  augur_controls_panel_restore (AUGUR_CONTROLS_PANEL (copy), "{\"min_value\": \"high\", \"nope\": 1}");
  settings = augur_controls_panel_get_settings (AUGUR_CONTROLS_PANEL (copy));
  assert_settings_empty (settings);
  g_clear_pointer (&settings, augur_settings_unref);

  augur_controls_panel_restore (AUGUR_CONTROLS_PANEL (copy), saved);
  settings = augur_controls_panel_get_settings (AUGUR_CONTROLS_PANEL (copy));
  g_assert_cmpuint (augur_settings_get_max_concepts (settings), ==, 5);
  g_assert_cmpfloat (augur_settings_get_min_value (settings), <, 0);
  selected = augur_settings_get_select_concepts (settings);
  g_assert_cmpuint (selected->len, ==, 2);
  assert_select (g_ptr_array_index (selected, 0), "Train", TRUE);
  assert_select (g_ptr_array_index (selected, 1), "id-00", FALSE);
  g_assert_cmpstr (row_subtitle (get_row (copy, "Maximum concepts")), ==, "Set by you (model default 20)");

  saved_again = augur_controls_panel_save (AUGUR_CONTROLS_PANEL (copy));
  g_assert_cmpstr (saved_again, ==, saved);

  g_assert_finalize_object (panel);
  g_assert_finalize_object (copy);
}

static GtkWidget *
text_view_in (GtkWidget *row)
{
  return get_descendant (row, GTK_TYPE_TEXT_VIEW);
}

static GtkWidget *
warning_label_in (GtkWidget *row)
{
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
       w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "warning"))
      return w;
  g_error ("No warning label");
  return NULL;
}

static void
test_prompt_template (void)
{
  g_autoptr(AugurModelSpec) spec = augur_model_spec_new ();
  AugurParamSpec *param = augur_param_spec_new ("prompt_template", AUGUR_PARAM_TYPE_STRING);
  GtkWidget *panel;
  GtkWidget *row;
  GtkWidget *warning;
  GtkTextBuffer *buffer;
  g_autoptr(AugurSettings) settings = NULL;
  JsonNode *value;

  param->is_param = TRUE;
  param->default_value = json_from_string ("\"<s>{prompt}</s>\"", NULL);
  g_ptr_array_add (spec->params, param);
  panel = new_panel ("text-to-text", spec, NULL);
  row = get_row (panel, "Prompt template");
  warning = warning_label_in (row);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view_in (row)));

  g_assert_true (gtk_widget_get_sensitive (row));
  g_assert_null (augur_controls_panel_get_warning (AUGUR_CONTROLS_PANEL (panel)));
  g_assert_false (gtk_widget_get_visible (warning));

  gtk_text_buffer_set_text (buffer, "Answer briefly.", -1);
  g_assert_nonnull (augur_controls_panel_get_warning (AUGUR_CONTROLS_PANEL (panel)));
  g_assert_true (strstr (augur_controls_panel_get_warning (AUGUR_CONTROLS_PANEL (panel)), "{prompt}") != NULL);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (warning)), ==,
                   augur_controls_panel_get_warning (AUGUR_CONTROLS_PANEL (panel)));

  gtk_text_buffer_set_text (buffer, "Answer briefly: {prompt}", -1);
  g_assert_null (augur_controls_panel_get_warning (AUGUR_CONTROLS_PANEL (panel)));
  g_assert_false (gtk_widget_get_visible (warning));

  settings = augur_controls_panel_get_settings (AUGUR_CONTROLS_PANEL (panel));
  value = augur_settings_get_param (settings, "prompt_template");
  g_assert_nonnull (value);
  g_assert_cmpstr (json_node_get_string (value), ==, "Answer briefly: {prompt}");

  /* Back to the default: no warning even though the text was bad */
  gtk_text_buffer_set_text (buffer, "no placeholder", -1);
  g_assert_nonnull (augur_controls_panel_get_warning (AUGUR_CONTROLS_PANEL (panel)));
  augur_controls_panel_reset (AUGUR_CONTROLS_PANEL (panel));
  g_assert_null (augur_controls_panel_get_warning (AUGUR_CONTROLS_PANEL (panel)));
  g_assert_false (gtk_widget_get_visible (warning));

  g_assert_finalize_object (panel);
}

static void
test_undeclared (void)
{
  g_autoptr(AugurModelSpec) spec = load_pythonic_spec ();
  GtkWidget *panel = new_panel ("text-to-text", spec, NULL);
  GtkWidget *expander = get_descendant (panel, GTK_TYPE_EXPANDER);
  GtkWidget *temperature = get_row (panel, "Temperature");
  GtkWidget *top_k;
  g_autoptr(JsonNode) five = json_from_string ("5", NULL);
  g_autoptr(AugurSettings) settings = NULL;
  g_autoptr(GPtrArray) params = NULL;
  JsonNode *value;

  g_assert_null (find_row (panel, "Maximum concepts"));
  g_assert_true (gtk_widget_get_visible (expander));
  g_assert_cmpstr (gtk_expander_get_label (GTK_EXPANDER (expander)), ==, "_Advanced");
  /* Folded away until the user opens "Advanced" */
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
  g_assert_null (find_row (panel, "Top-k"));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  top_k = get_row (panel, "Top-k");
  g_assert_true (gtk_widget_is_ancestor (top_k, expander));
  g_assert_false (gtk_widget_get_sensitive (top_k));
  g_assert_cmpstr (row_subtitle (top_k), ==, "This model does not use it");
  g_assert_true (gtk_widget_is_ancestor (get_row (panel, "System prompt"), expander));

  g_assert_false (gtk_widget_is_ancestor (temperature, expander));
  g_assert_true (gtk_widget_get_sensitive (temperature));
  g_assert_cmpstr (row_subtitle (temperature), ==, "Model default (0.7)");
  g_assert_cmpstr (row_subtitle (get_row (panel, "Maximum tokens")), ==, "Model default (512)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (temperature), ==,
                   "Sampling temperature (higher = more random).");

  /* Undeclared controls cannot be set, even by code */
  g_assert_false (augur_controls_panel_set_value (AUGUR_CONTROLS_PANEL (panel), "top_k", five));
  g_assert_true (augur_controls_panel_set_value (AUGUR_CONTROLS_PANEL (panel), "max_tokens", five));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_descendant (temperature, GTK_TYPE_SPIN_BUTTON)), 1.2);

  settings = augur_controls_panel_get_settings (AUGUR_CONTROLS_PANEL (panel));
  params = augur_settings_list_params (settings);
  g_assert_cmpuint (params->len, ==, 2);
  value = augur_settings_get_param (settings, "max_tokens");
  g_assert_cmpint (json_node_get_value_type (value), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (value), ==, 5);
  value = augur_settings_get_param (settings, "temperature");
  g_assert_cmpint (json_node_get_value_type (value), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (value), 1.2, 1e-9);
  g_assert_null (augur_settings_get_param (settings, "top_p"));
  g_assert_null (augur_settings_get_param (settings, "top_k"));

  g_assert_finalize_object (panel);
}

static void
test_model_params (void)
{
  g_autoptr(AugurModelSpec) spec = augur_model_spec_new ();
  AugurParamSpec *param = augur_param_spec_new ("input_type", AUGUR_PARAM_TYPE_STRING);
  GtkWidget *panel;
  GtkWidget *drop_down;
  GtkWidget *entry_row;
  GtkWidget *json_row;
  g_autoptr(AugurSettings) settings = NULL;
  g_autofree char *saved = NULL;
  JsonNode *extra;

  param->is_param = TRUE;
  param->enum_options = g_strsplit ("search_query,search_document", ",", -1);
  g_ptr_array_add (spec->params, param);
  param = augur_param_spec_new ("api_key", AUGUR_PARAM_TYPE_STRING);
  param->is_param = TRUE;
  g_ptr_array_add (spec->params, param);
  param = augur_param_spec_new ("extra", AUGUR_PARAM_TYPE_JSON);
  param->is_param = TRUE;
  g_ptr_array_add (spec->params, param);
  panel = new_panel ("text-embedder", spec, NULL);
  json_row = get_row (panel, "Extra");

  /* A JSON parameter wants an object or a list */
  gtk_editable_set_text (GTK_EDITABLE (json_row), "oops");
  g_assert_nonnull (augur_controls_panel_get_warning (AUGUR_CONTROLS_PANEL (panel)));
  g_assert_true (gtk_widget_has_css_class (json_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (json_row), "{\"mode\": 1}");
  g_assert_null (augur_controls_panel_get_warning (AUGUR_CONTROLS_PANEL (panel)));
  g_assert_false (gtk_widget_has_css_class (json_row, "error"));

  drop_down = get_descendant (get_row (panel, "Input type"), GTK_TYPE_DROP_DOWN);
  entry_row = get_row (panel, "Api key");
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (entry_row));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 1);
  gtk_editable_set_text (GTK_EDITABLE (entry_row), "sk-123");

  settings = augur_controls_panel_get_settings (AUGUR_CONTROLS_PANEL (panel));
  g_assert_cmpstr (json_node_get_string (augur_settings_get_param (settings, "input_type")), ==,
                   "search_document");
  g_assert_cmpstr (json_node_get_string (augur_settings_get_param (settings, "api_key")), ==, "sk-123");
  extra = augur_settings_get_param (settings, "extra");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (extra));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (extra), "mode"), ==, 1);

  /* Credentials are never remembered */
  saved = augur_controls_panel_save (AUGUR_CONTROLS_PANEL (panel));
  g_assert_cmpstr (saved, ==, "{\"input_type\":\"search_document\",\"extra\":\"{\\\"mode\\\": 1}\"}");

  g_assert_finalize_object (panel);
}

static GtkTreeModel *
completion_model (GtkWidget *panel)
{
  GtkWidget *entry = get_descendant (get_row (panel, "Select concepts"), GTK_TYPE_ENTRY);

  return gtk_entry_completion_get_model (gtk_entry_get_completion (GTK_ENTRY (entry)));
}

static void
test_no_controls (void)
{
  g_autoptr(AugurModelSpec) spec = augur_model_spec_new ();
  GtkWidget *panel = new_panel ("visual-embedder", spec, NULL);
  GtkWidget *expander = get_descendant (panel, GTK_TYPE_EXPANDER);
  g_autofree char *saved = augur_controls_panel_save (AUGUR_CONTROLS_PANEL (panel));
  g_autoptr(GPtrArray) concepts = make_concepts ();

  g_assert_false (gtk_widget_get_visible (expander));
  g_assert_null (find_row (panel, "Maximum concepts"));
  g_assert_cmpstr (saved, ==, "{}");

  /* Switching models rebuilds the rows, and forgets the old model's concepts */
  augur_controls_panel_set_model (AUGUR_CONTROLS_PANEL (panel), "visual-classifier", NULL);
  augur_controls_panel_set_concepts (AUGUR_CONTROLS_PANEL (panel), concepts);
  g_assert_cmpint (gtk_tree_model_iter_n_children (completion_model (panel), NULL), ==, 3);
  augur_controls_panel_set_model (AUGUR_CONTROLS_PANEL (panel), "visual-classifier", NULL);
  g_assert_nonnull (find_row (panel, "Maximum concepts"));
  g_assert_cmpint (gtk_tree_model_iter_n_children (completion_model (panel), NULL), ==, 0);

  g_assert_finalize_object (panel);
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_until_mapped (GtkWidget *widget)
{
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  /* A few more rounds so that layout and drawing happen too */
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

/* AUGUR_SCREENSHOT_DIR set (meson does): keep a picture of the panel for review. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("AUGUR_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL || width <= 0 || height <= 0)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, &error))
    return;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static void
test_shown (void)
{
  g_autoptr(AugurModelSpec) spec = load_pythonic_spec ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = augur_controls_panel_new ();
  GtkWidget *row;

  gtk_window_set_default_size (GTK_WINDOW (window), 380, 900);
  gtk_window_set_child (GTK_WINDOW (window), panel);
  augur_controls_panel_set_model (AUGUR_CONTROLS_PANEL (panel), "text-to-text", spec);
  gtk_expander_set_expanded (GTK_EXPANDER (get_descendant (panel, GTK_TYPE_EXPANDER)), TRUE);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (panel);

  row = get_row (panel, "Temperature");
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_true (gtk_widget_get_mapped (get_descendant (row, GTK_TYPE_SPIN_BUTTON)));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_descendant (row, GTK_TYPE_SPIN_BUTTON)), 1);
  wait_until_mapped (panel);
  save_screenshot (panel, "controls-panel-text-to-text");

  augur_controls_panel_set_model (AUGUR_CONTROLS_PANEL (panel), "visual-classifier", NULL);
  wait_until_mapped (panel);
  g_assert_true (gtk_widget_get_mapped (get_row (panel, "Maximum concepts")));
  save_screenshot (panel, "controls-panel-classifier");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Nothing else pulls the resource object out of the static library. */
  if (!g_resources_get_info ("/io/github/augur/Augur/augur-controls-panel.ui",
                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    g_resources_register (augur_get_resource ());

  g_test_add_func ("/ui/controls-panel/classifier", test_classifier);
  g_test_add_func ("/ui/controls-panel/reset", test_reset);
  g_test_add_func ("/ui/controls-panel/select-concepts", test_select_concepts);
  g_test_add_func ("/ui/controls-panel/save-restore", test_save_restore);
  g_test_add_func ("/ui/controls-panel/prompt-template", test_prompt_template);
  g_test_add_func ("/ui/controls-panel/undeclared", test_undeclared);
  g_test_add_func ("/ui/controls-panel/model-params", test_model_params);
  g_test_add_func ("/ui/controls-panel/no-controls", test_no_controls);
  g_test_add_func ("/ui/controls-panel/shown", test_shown);

  return g_test_run ();
}
