/* augur-controls-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-controls-panel"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "augur-controls-panel.h"
#include "augur-controls-state.h"

enum {
  CONCEPT_COLUMN_NAME,
  CONCEPT_COLUMN_ID,
  CONCEPT_COLUMN_KEY,   /* normalized, case-folded "name\nid" for matching */
  N_CONCEPT_COLUMNS
};

typedef struct
{
  char     *value;
  gboolean  by_name;
} Chip;

/* One control and the widgets that show it. Widgets are owned by their row, the row by its
 * group; a Control only borrows them and is freed before they go. */
typedef struct
{
  AugurControlsPanel  *panel;          /* (unowned) */
  AugurControlState   *state;          /* (owned) */
  AdwPreferencesGroup *group;          /* (unowned) */
  GtkWidget           *row;            /* (unowned) */
  GtkWidget           *widget;         /* (unowned) spin, scale, switch, drop-down, entry row,
                                          text view or chip entry */
  GtkWidget           *status_label;   /* (unowned) (nullable): rows without a subtitle */
  GtkWidget           *reset_button;   /* (unowned) */
  GtkWidget           *warning_label;  /* (unowned) (nullable) */
  GtkWidget           *chip_box;       /* (unowned) (nullable) */
  GPtrArray           *chips;          /* (owned) (nullable) (element-type Chip) */
  GObject             *signal_source;  /* (unowned) (nullable) */
  gulong               handler_id;
  char                *warning;        /* (owned) (nullable) */
  gboolean             changed;
  guint                updating;
} Control;

struct _AugurControlsPanel
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *scrolled;
  GtkWidget           *empty_label;
  AdwPreferencesGroup *concepts_group;
  AdwPreferencesGroup *sampling_group;
  AdwPreferencesGroup *model_group;
  GtkWidget           *advanced_expander;
  AdwPreferencesGroup *advanced_group;

  /* Owned */
  GPtrArray           *controls;       /* (element-type Control) */
  AugurModelSpec      *spec;           /* (nullable) */
  GPtrArray           *concepts;       /* (element-type AugurConcept) */
  GtkListStore        *concept_store;  /* the autocompletion's model */
};

G_DEFINE_FINAL_TYPE (AugurControlsPanel, augur_controls_panel, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void control_user_changed (Control *control);

/* Chips ------------------------------------------------------------------------------------ */

static void
chip_free (Chip *chip)
{
  g_free (chip->value);
  g_free (chip);
}

static Chip *
chip_new (const char *value,
          gboolean    by_name)
{
  Chip *chip = g_new0 (Chip, 1);

  chip->value = g_strdup (value);
  chip->by_name = by_name;
  return chip;
}

static AugurConcept *
find_concept (AugurControlsPanel *self,
              const char         *text,
              gboolean            by_name,
              gboolean            ignore_case)
{
  g_autofree char *folded = ignore_case ? g_utf8_casefold (text, -1) : NULL;

  for (guint i = 0; i < self->concepts->len; i++)
    {
      AugurConcept *concept = g_ptr_array_index (self->concepts, i);
      const char *value = by_name ? augur_concept_get_name (concept)
                                  : augur_concept_get_id (concept);
      g_autofree char *value_folded = NULL;

      if (value == NULL)
        continue;
      if (!ignore_case && g_str_equal (value, text))
        return concept;
      if (ignore_case && g_str_equal ((value_folded = g_utf8_casefold (value, -1)), folded))
        return concept;
    }
  return NULL;
}

static const char *
chip_label (Control    *control,
            const Chip *chip)
{
  AugurConcept *concept;

  if (chip->by_name)
    return chip->value;
  concept = find_concept (control->panel, chip->value, FALSE, FALSE);
  return concept != NULL ? augur_concept_get_name (concept) : chip->value;
}

static void
chip_clicked_cb (GtkButton *button,
                 Control   *control)
{
  Chip *chip = g_object_get_data (G_OBJECT (button), "augur-chip");

  if (g_ptr_array_remove (control->chips, chip))
    control_user_changed (control);
}

static GtkWidget *
build_chip_button (Control    *control,
                   const Chip *chip)
{
  const char *label = chip_label (control, chip);
  g_autofree char *a11y = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_label_new (label));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "small");

  /* Translators: the tooltip of a selected concept; %s is its id or name */
  if (chip->by_name)
    tooltip = g_strdup_printf (_("Selected by name: %s"), chip->value);
  else
    /* Translators: the tooltip of a concept selected by its id; %s is the id */
    tooltip = g_strdup_printf (_("Selected by id: %s"), chip->value);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* Translators: the accessible name of the button that removes a selected concept */
  a11y = g_strdup_printf (_("Remove %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);

  g_object_set_data (G_OBJECT (button), "augur-chip", (gpointer) chip);
  g_signal_connect (button, "clicked", G_CALLBACK (chip_clicked_cb), control);
  return button;
}

static void
rebuild_chip_box (Control *control)
{
  GtkFlowBox *box = GTK_FLOW_BOX (control->chip_box);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
  for (guint i = 0; i < control->chips->len; i++)
    gtk_flow_box_append (box, build_chip_button (control, g_ptr_array_index (control->chips, i)));
  gtk_widget_set_visible (control->chip_box, control->chips->len > 0);
}

static gboolean
has_chip (Control    *control,
          const char *value,
          gboolean    by_name)
{
  for (guint i = 0; i < control->chips->len; i++)
    {
      const Chip *chip = g_ptr_array_index (control->chips, i);
      if (chip->by_name == by_name && g_str_equal (chip->value, value))
        return TRUE;
    }
  return FALSE;
}

static gboolean
add_chip (Control    *control,
          const char *value,
          gboolean    by_name)
{
  if (value == NULL || *value == '\0' || has_chip (control, value, by_name))
    return FALSE;
  g_ptr_array_add (control->chips, chip_new (value, by_name));
  return TRUE;
}

/* Exact id, then exact name, then a name that differs only in case (the server matches
 * exactly, so the concept's own spelling is sent); anything else goes as a name. */
static gboolean
add_chip_from_text (Control    *control,
                    const char *text)
{
  g_autofree char *value = g_strstrip (g_strdup (text));
  AugurConcept *concept;

  if (*value == '\0')
    return FALSE;
  if (find_concept (control->panel, value, FALSE, FALSE) != NULL)
    return add_chip (control, value, FALSE);
  if (find_concept (control->panel, value, TRUE, FALSE) != NULL)
    return add_chip (control, value, TRUE);
  concept = find_concept (control->panel, value, TRUE, TRUE);
  if (concept != NULL)
    return add_chip (control, augur_concept_get_name (concept), TRUE);
  return add_chip (control, value, TRUE);
}

static void
chip_entry_activate_cb (GtkEntry *entry,
                        Control  *control)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (add_chip_from_text (control, text))
    control_user_changed (control);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
chip_entry_icon_press_cb (GtkEntry             *entry,
                          GtkEntryIconPosition  position,
                          Control              *control)
{
  chip_entry_activate_cb (entry, control);
}

static gboolean
completion_match_selected_cb (GtkEntryCompletion *completion,
                              GtkTreeModel       *model,
                              GtkTreeIter        *iter,
                              Control            *control)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  gboolean added;

  gtk_tree_model_get (model, iter, CONCEPT_COLUMN_ID, &id, CONCEPT_COLUMN_NAME, &name, -1);
  if (id != NULL && *id != '\0')
    added = add_chip (control, id, FALSE);
  else
    added = add_chip (control, name, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (control->widget), "");
  if (added)
    control_user_changed (control);
  return TRUE;
}

static gboolean
completion_match (GtkEntryCompletion *completion,
                  const char         *key,
                  GtkTreeIter        *iter,
                  gpointer            user_data)
{
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  g_autofree char *haystack = NULL;

  gtk_tree_model_get (model, iter, CONCEPT_COLUMN_KEY, &haystack, -1);
  return haystack != NULL && strstr (haystack, key) != NULL;
}

static char *
concept_match_key (AugurConcept *concept)
{
  g_autofree char *joined = g_strconcat (augur_concept_get_name (concept), "\n",
                                         augur_concept_get_id (concept), NULL);
  g_autofree char *normalized = g_utf8_normalize (joined, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized ? normalized : joined, -1);
}

static void
fill_concept_store (AugurControlsPanel *self)
{
  gtk_list_store_clear (self->concept_store);
  for (guint i = 0; i < self->concepts->len; i++)
    {
      AugurConcept *concept = g_ptr_array_index (self->concepts, i);
      g_autofree char *key = concept_match_key (concept);

      gtk_list_store_insert_with_values (self->concept_store, NULL, -1,
                                         CONCEPT_COLUMN_NAME, augur_concept_get_name (concept),
                                         CONCEPT_COLUMN_ID, augur_concept_get_id (concept),
                                         CONCEPT_COLUMN_KEY, key,
                                         -1);
    }
}

/* Reading and writing values --------------------------------------------------------------- */

static JsonNode *
chips_to_json (Control *control)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < control->chips->len; i++)
    {
      const Chip *chip = g_ptr_array_index (control->chips, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, chip->by_name ? "name" : "id", chip->value);
      json_array_add_object_element (array, object);
    }
  return json_node_init_array (json_node_alloc (), array);
}

static void
chips_from_json (Control  *control,
                 JsonNode *value)
{
  JsonArray *array = json_node_get_array (value);

  g_ptr_array_set_size (control->chips, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      gboolean by_name = !json_object_has_member (object, "id");

      add_chip (control, json_object_get_string_member (object, by_name ? "name" : "id"), by_name);
    }
  rebuild_chip_box (control);
}

static char *
dup_text_view_text (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static double
round_to_digits (double value,
                 guint  digits)
{
  double scale = pow (10, digits);

  return round (value * scale) / scale;
}

/* Returns: (transfer full): the value the widget shows, typed for the wire */
static JsonNode *
dup_widget_value (Control *control)
{
  AugurControlState *state = control->state;
  JsonNode *node = json_node_alloc ();
  double number;
  guint selected;

  switch (state->kind)
    {
    case AUGUR_CONTROL_KIND_SPIN_INT:
      number = gtk_spin_button_get_value (GTK_SPIN_BUTTON (control->widget));
      return json_node_init_int (node, (gint64) round (number));
    case AUGUR_CONTROL_KIND_SPIN_FLOAT:
      number = gtk_spin_button_get_value (GTK_SPIN_BUTTON (control->widget));
      return json_node_init_double (node, round_to_digits (number, state->digits));
    case AUGUR_CONTROL_KIND_SCALE:
      number = gtk_range_get_value (GTK_RANGE (control->widget));
      return json_node_init_double (node, round_to_digits (number, state->digits));
    case AUGUR_CONTROL_KIND_SWITCH:
      return json_node_init_boolean (node, gtk_switch_get_active (GTK_SWITCH (control->widget)));
    case AUGUR_CONTROL_KIND_ENUM:
      selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (control->widget));
      if (state->options == NULL || selected >= g_strv_length (state->options))
        return json_node_init_null (node);
      return json_node_init_string (node, state->options[selected]);
    case AUGUR_CONTROL_KIND_ENTRY:
      return json_node_init_string (node, gtk_editable_get_text (GTK_EDITABLE (control->widget)));
    case AUGUR_CONTROL_KIND_MULTILINE:
      {
        g_autofree char *text = dup_text_view_text (control->widget);
        return json_node_init_string (node, text);
      }
    case AUGUR_CONTROL_KIND_CONCEPT_CHIPS:
      json_node_unref (node);
      return chips_to_json (control);
    default:
      return json_node_init_null (node);
    }
}

static guint
option_index (AugurControlState *state,
              const char        *option)
{
  for (guint i = 0; state->options != NULL && state->options[i] != NULL; i++)
    if (g_str_equal (state->options[i], option))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* @value must come from augur_control_state_coerce(). Never counts as a user change. */
static void
set_widget_value (Control  *control,
                  JsonNode *value)
{
  AugurControlState *state = control->state;

  control->updating++;
  switch (state->kind)
    {
    case AUGUR_CONTROL_KIND_SPIN_INT:
    case AUGUR_CONTROL_KIND_SPIN_FLOAT:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (control->widget), json_node_get_double (value));
      break;
    case AUGUR_CONTROL_KIND_SCALE:
      gtk_range_set_value (GTK_RANGE (control->widget), json_node_get_double (value));
      break;
    case AUGUR_CONTROL_KIND_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (control->widget), json_node_get_boolean (value));
      break;
    case AUGUR_CONTROL_KIND_ENUM:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (control->widget),
                                  option_index (state, json_node_get_string (value)));
      break;
    case AUGUR_CONTROL_KIND_ENTRY:
      gtk_editable_set_text (GTK_EDITABLE (control->widget), json_node_get_string (value));
      break;
    case AUGUR_CONTROL_KIND_MULTILINE:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (control->widget)),
                                json_node_get_string (value), -1);
      break;
    case AUGUR_CONTROL_KIND_CONCEPT_CHIPS:
      chips_from_json (control, value);
      break;
    default:
      break;
    }
  control->updating--;
}

static gboolean
is_json_param (AugurControlsPanel *self,
               Control            *control)
{
  const AugurParamSpec *param = augur_model_spec_find_param (self->spec, control->state->name);

  return param != NULL && param->type == AUGUR_PARAM_TYPE_JSON;
}

/* Row state -------------------------------------------------------------------------------- */

static char *
describe_status (Control *control)
{
  g_autofree char *value = NULL;

  if (!control->changed || !control->state->declared)
    return augur_control_state_describe_default (control->state);
  if (control->state->default_value == NULL ||
      control->state->kind == AUGUR_CONTROL_KIND_CONCEPT_CHIPS)
    return g_strdup (_("Set by you"));

  value = augur_control_state_format_value (control->state, control->state->default_value);
  /* Translators: the subtitle of a control the user changed; %s is e.g. "0.7" */
  return g_strdup_printf (_("Set by you (model default %s)"), value);
}

static void
describe_widget (GtkWidget  *widget,
                 const char *description)
{
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static char *
compute_warning (AugurControlsPanel *self,
                 Control            *control)
{
  g_autoptr(JsonNode) value = NULL;
  const char *text;

  if (!control->changed || !control->state->declared)
    return NULL;

  if (g_str_equal (control->state->name, AUGUR_PARAM_PROMPT_TEMPLATE) &&
      control->state->kind == AUGUR_CONTROL_KIND_MULTILINE)
    {
      g_autofree char *template_text = dup_text_view_text (control->widget);
      return g_strdup (augur_controls_state_check_prompt_template (template_text));
    }

  if (control->state->kind != AUGUR_CONTROL_KIND_ENTRY || !is_json_param (self, control))
    return NULL;
  text = gtk_editable_get_text (GTK_EDITABLE (control->widget));
  value = json_from_string (text, NULL);
  if (*text == '\0' ||
      (value != NULL && (JSON_NODE_HOLDS_OBJECT (value) || JSON_NODE_HOLDS_ARRAY (value))))
    return NULL;
  /* Translators: %s is the title of a setting that takes a JSON object or list */
  return g_strdup_printf (_("%s needs a JSON object or list, such as {\"key\": \"value\"}"),
                          control->state->title);
}

static void
update_warning (Control *control)
{
  g_free (control->warning);
  control->warning = compute_warning (control->panel, control);

  if (control->warning_label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (control->warning_label), control->warning);
      gtk_widget_set_visible (control->warning_label, control->warning != NULL);
    }
  if (control->state->kind == AUGUR_CONTROL_KIND_ENTRY)
    {
      if (control->warning != NULL)
        gtk_widget_add_css_class (control->row, "error");
      else
        gtk_widget_remove_css_class (control->row, "error");
    }
  describe_widget (control->widget, control->warning ? control->warning : control->state->tooltip);
}

static void
update_row (Control *control)
{
  g_autofree char *status = describe_status (control);

  if (control->status_label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (control->status_label), status);
      gtk_widget_set_tooltip_text (control->status_label, status);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (control->row), status);
    }
  gtk_widget_set_visible (control->reset_button, control->changed && control->state->declared);
  update_warning (control);
}

static gboolean
any_changed (AugurControlsPanel *self)
{
  for (guint i = 0; i < self->controls->len; i++)
    if (((Control *) g_ptr_array_index (self->controls, i))->changed)
      return TRUE;
  return FALSE;
}

static void
update_actions (AugurControlsPanel *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "controls.reset", any_changed (self));
}

static void
control_user_changed (Control *control)
{
  if (control->updating > 0)
    return;

  if (control->chips != NULL)
    {
      rebuild_chip_box (control);
      /* No chips is the model default: nothing to send. */
      control->changed = control->chips->len > 0;
    }
  else
    {
      control->changed = TRUE;
    }
  update_row (control);
  update_actions (control->panel);
  g_signal_emit (control->panel, signals[CHANGED], 0);
}

static void
control_reset (Control *control)
{
  g_autoptr(JsonNode) initial = augur_control_state_dup_initial_value (control->state);

  set_widget_value (control, initial);
  control->changed = FALSE;
  update_row (control);
}

static gboolean
control_set (Control  *control,
             JsonNode *value)
{
  g_autoptr(JsonNode) coerced = NULL;

  if (!control->state->declared)
    return FALSE;
  coerced = augur_control_state_coerce (control->state, value);
  if (coerced == NULL)
    return FALSE;

  set_widget_value (control, coerced);
  control->changed = control->chips == NULL || control->chips->len > 0;
  update_row (control);
  return TRUE;
}

/* Building rows ---------------------------------------------------------------------------- */

static void
widget_changed_cb (Control *control)
{
  control_user_changed (control);
}

static void
listen (Control    *control,
        gpointer    source,
        const char *signal)
{
  control->signal_source = source;
  control->handler_id = g_signal_connect_swapped (source, signal,
                                                  G_CALLBACK (widget_changed_cb), control);
}

static GtkWidget *
build_reset_button (Control *control)
{
  g_autofree char *a11y = NULL;
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-undo-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Back to the model default"));
  /* Translators: the accessible name of a per-setting reset button; %s is e.g. "Temperature" */
  a11y = g_strdup_printf (_("Reset %s to the model default"), control->state->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "controls.reset-control");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_string (control->state->name));
  gtk_widget_set_visible (button, FALSE);
  return button;
}

static GtkWidget *
build_spin (Control *control)
{
  AugurControlState *state = control->state;
  GtkWidget *spin = gtk_spin_button_new_with_range (state->min, state->max, state->step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), state->digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 6);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  listen (control, spin, "value-changed");
  return spin;
}

static GtkWidget *
build_scale (Control *control)
{
  AugurControlState *state = control->state;
  GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL,
                                               state->min, state->max, state->step);

  gtk_scale_set_digits (GTK_SCALE (scale), (int) state->digits);
  gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
  gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_LEFT);
  gtk_widget_set_size_request (scale, 160, -1);
  gtk_widget_set_valign (scale, GTK_ALIGN_CENTER);
  listen (control, scale, "value-changed");
  return scale;
}

static GtkWidget *
build_switch (Control *control)
{
  GtkWidget *toggle = gtk_switch_new ();

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  listen (control, toggle, "notify::active");
  return toggle;
}

static GtkWidget *
build_drop_down (Control *control)
{
  const char * const *options = (const char * const *) control->state->options;
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (options);

  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  listen (control, drop_down, "notify::selected");
  return drop_down;
}

static GtkWidget *
build_action_row (Control *control)
{
  GtkWidget *row = adw_action_row_new ();

  switch (control->state->kind)
    {
    case AUGUR_CONTROL_KIND_SPIN_INT:
    case AUGUR_CONTROL_KIND_SPIN_FLOAT:
      control->widget = build_spin (control);
      break;
    case AUGUR_CONTROL_KIND_SCALE:
      control->widget = build_scale (control);
      break;
    case AUGUR_CONTROL_KIND_SWITCH:
      control->widget = build_switch (control);
      break;
    case AUGUR_CONTROL_KIND_ENUM:
    default:
      control->widget = build_drop_down (control);
      break;
    }

  control->reset_button = build_reset_button (control);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control->reset_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control->widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control->widget);
  return row;
}

static GtkWidget *
build_status_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static GtkWidget *
build_entry_row (Control *control)
{
  GtkWidget *row = augur_control_state_is_secret (control->state) ? adw_password_entry_row_new ()
                                                                  : adw_entry_row_new ();

  control->widget = row;
  control->status_label = build_status_label ();
  gtk_label_set_max_width_chars (GTK_LABEL (control->status_label), 14);
  gtk_widget_set_valign (control->status_label, GTK_ALIGN_CENTER);
  control->reset_button = build_reset_button (control);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), control->status_label);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), control->reset_button);
  listen (control, row, "changed");
  return row;
}

static GtkWidget *
build_text_view (Control *control)
{
  GtkWidget *text_view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  /* Tab moves the focus on, as everywhere else in the panel. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_widget_set_size_request (text_view, -1, 72);
  listen (control, gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "changed");
  return text_view;
}

static GtkWidget *
build_chip_entry (Control *control)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();

  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (control->panel->concept_store));
  gtk_entry_completion_set_text_column (completion, CONCEPT_COLUMN_NAME);
  gtk_entry_completion_set_match_func (completion, completion_match, NULL, NULL);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  g_signal_connect (completion, "match-selected",
                    G_CALLBACK (completion_match_selected_cb), control);
  gtk_entry_set_completion (GTK_ENTRY (entry), completion);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Add a concept by name or id"));
  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY,
                                     "list-add-symbolic");
  gtk_entry_set_icon_tooltip_text (GTK_ENTRY (entry), GTK_ENTRY_ICON_SECONDARY, _("Add Concept"));
  g_signal_connect (entry, "activate", G_CALLBACK (chip_entry_activate_cb), control);
  g_signal_connect (entry, "icon-press", G_CALLBACK (chip_entry_icon_press_cb), control);

  control->chips = g_ptr_array_new_with_free_func ((GDestroyNotify) chip_free);
  control->chip_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (control->chip_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (control->chip_box), 20);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (control->chip_box), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (control->chip_box), 6);
  gtk_widget_set_visible (control->chip_box, FALSE);
  return entry;
}

/* A row with a title and status above a larger input: multiline text or concept chips. */
static GtkWidget *
build_block_row (Control *control)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (control->state->title);
  GtkWidget *frame;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (titles, TRUE);
  control->status_label = build_status_label ();
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), control->status_label);
  control->reset_button = build_reset_button (control);
  gtk_box_append (GTK_BOX (header), titles);
  gtk_box_append (GTK_BOX (header), control->reset_button);
  gtk_box_append (GTK_BOX (box), header);

  if (control->state->kind == AUGUR_CONTROL_KIND_CONCEPT_CHIPS)
    {
      control->widget = build_chip_entry (control);
      gtk_box_append (GTK_BOX (box), control->widget);
      gtk_box_append (GTK_BOX (box), control->chip_box);
    }
  else
    {
      control->widget = build_text_view (control);
      frame = gtk_frame_new (NULL);
      gtk_frame_set_child (GTK_FRAME (frame), control->widget);
      gtk_box_append (GTK_BOX (box), frame);
    }

  control->warning_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (control->warning_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (control->warning_label), 0);
  gtk_widget_add_css_class (control->warning_label, "warning");
  gtk_widget_add_css_class (control->warning_label, "caption");
  gtk_widget_set_visible (control->warning_label, FALSE);
  gtk_box_append (GTK_BOX (box), control->warning_label);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
build_row (Control *control)
{
  switch (control->state->kind)
    {
    case AUGUR_CONTROL_KIND_ENTRY:
      return build_entry_row (control);
    case AUGUR_CONTROL_KIND_MULTILINE:
    case AUGUR_CONTROL_KIND_CONCEPT_CHIPS:
      return build_block_row (control);
    case AUGUR_CONTROL_KIND_SPIN_INT:
    case AUGUR_CONTROL_KIND_SPIN_FLOAT:
    case AUGUR_CONTROL_KIND_SCALE:
    case AUGUR_CONTROL_KIND_SWITCH:
    case AUGUR_CONTROL_KIND_ENUM:
    default:
      return build_action_row (control);
    }
}

static AdwPreferencesGroup *
group_for_state (AugurControlsPanel *self,
                 AugurControlState  *state)
{
  if (!state->declared)
    return self->advanced_group;
  switch (state->group)
    {
    case AUGUR_CONTROL_GROUP_CONCEPTS:
      return self->concepts_group;
    case AUGUR_CONTROL_GROUP_SAMPLING:
      return self->sampling_group;
    case AUGUR_CONTROL_GROUP_MODEL:
    default:
      return self->model_group;
    }
}

static Control *
control_new (AugurControlsPanel *self,
             AugurControlState  *state)
{
  Control *control = g_new0 (Control, 1);

  control->panel = self;
  control->state = state;
  control->row = build_row (control);
  control->group = group_for_state (self, state);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (control->row), state->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (control->row), FALSE);
  gtk_widget_set_tooltip_text (control->row, state->tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control->widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, state->title,
                                  -1);
  gtk_widget_set_sensitive (control->row, state->declared);
  adw_preferences_group_add (control->group, control->row);

  control_reset (control);
  return control;
}

/* Removes the row too: a Control never outlives its widgets, nor they it. */
static void
control_free (Control *control)
{
  if (control->handler_id != 0)
    g_signal_handler_disconnect (control->signal_source, control->handler_id);
  adw_preferences_group_remove (control->group, control->row);
  augur_control_state_free (control->state);
  g_clear_pointer (&control->chips, g_ptr_array_unref);
  g_free (control->warning);
  g_free (control);
}

static Control *
find_control (AugurControlsPanel *self,
              const char         *name)
{
  for (guint i = 0; i < self->controls->len; i++)
    {
      Control *control = g_ptr_array_index (self->controls, i);
      if (g_str_equal (control->state->name, name))
        return control;
    }
  return NULL;
}

static void
update_groups (AugurControlsPanel *self)
{
  gboolean concepts = FALSE, sampling = FALSE, model = FALSE, advanced = FALSE;

  for (guint i = 0; i < self->controls->len; i++)
    {
      AdwPreferencesGroup *group = ((Control *) g_ptr_array_index (self->controls, i))->group;

      concepts |= group == self->concepts_group;
      sampling |= group == self->sampling_group;
      model |= group == self->model_group;
      advanced |= group == self->advanced_group;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->concepts_group), concepts);
  gtk_widget_set_visible (GTK_WIDGET (self->sampling_group), sampling);
  gtk_widget_set_visible (GTK_WIDGET (self->model_group), model);
  gtk_widget_set_visible (self->advanced_expander, advanced);
  gtk_widget_set_visible (self->empty_label, self->controls->len == 0);
}

/* Actions ---------------------------------------------------------------------------------- */

static void
reset_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  augur_controls_panel_reset (AUGUR_CONTROLS_PANEL (widget));
}

static void
reset_control_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AugurControlsPanel *self = AUGUR_CONTROLS_PANEL (widget);
  Control *control = find_control (self, g_variant_get_string (parameter, NULL));

  if (control == NULL || !control->changed)
    return;
  control_reset (control);
  update_actions (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* GObject ---------------------------------------------------------------------------------- */

static void
augur_controls_panel_dispose (GObject *object)
{
  AugurControlsPanel *self = AUGUR_CONTROLS_PANEL (object);

  g_clear_pointer (&self->controls, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), AUGUR_TYPE_CONTROLS_PANEL);
  g_clear_pointer (&self->spec, augur_model_spec_unref);
  g_clear_pointer (&self->concepts, g_ptr_array_unref);
  g_clear_object (&self->concept_store);

  G_OBJECT_CLASS (augur_controls_panel_parent_class)->dispose (object);
}

static void
augur_controls_panel_class_init (AugurControlsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_controls_panel_dispose;

  /**
   * AugurControlsPanel::changed:
   * Emitted once per change the user makes, and after reset() and restore().
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/augur/Augur/augur-controls-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AugurControlsPanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, AugurControlsPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AugurControlsPanel, concepts_group);
  gtk_widget_class_bind_template_child (widget_class, AugurControlsPanel, sampling_group);
  gtk_widget_class_bind_template_child (widget_class, AugurControlsPanel, model_group);
  gtk_widget_class_bind_template_child (widget_class, AugurControlsPanel, advanced_expander);
  gtk_widget_class_bind_template_child (widget_class, AugurControlsPanel, advanced_group);

  gtk_widget_class_install_action (widget_class, "controls.reset", NULL, reset_activated);
  gtk_widget_class_install_action (widget_class, "controls.reset-control", "s",
                                   reset_control_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "augur-controls-panel");
}

static void
augur_controls_panel_init (AugurControlsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->controls = g_ptr_array_new_with_free_func ((GDestroyNotify) control_free);
  self->concepts = g_ptr_array_new_with_free_func (g_object_unref);
  self->concept_store = gtk_list_store_new (N_CONCEPT_COLUMNS,
                                            G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  update_groups (self);
  update_actions (self);
}

/* Public API ------------------------------------------------------------------------------- */

GtkWidget *
augur_controls_panel_new (void)
{
  return g_object_new (AUGUR_TYPE_CONTROLS_PANEL, NULL);
}

/**
 * augur_controls_panel_set_model:
 * @model_type_id: (nullable)
 * @spec: (nullable)
 *
 * Rebuilds every control at its model default and forgets the concepts of the previous
 * model. Does not emit "changed": the caller knows.
 */
void
augur_controls_panel_set_model (AugurControlsPanel *self,
                                const char         *model_type_id,
                                AugurModelSpec     *spec)
{
  g_autoptr(GPtrArray) states = NULL;

  g_return_if_fail (AUGUR_IS_CONTROLS_PANEL (self));

  if (spec != NULL)
    augur_model_spec_ref (spec);
  g_ptr_array_set_size (self->controls, 0);
  g_clear_pointer (&self->spec, augur_model_spec_unref);
  self->spec = spec;
  /* Another model's concepts would only suggest ids this one rejects. */
  g_ptr_array_set_size (self->concepts, 0);
  gtk_list_store_clear (self->concept_store);

  states = augur_controls_state_for_model (model_type_id, spec);
  /* The controls take the states over. */
  g_ptr_array_set_free_func (states, NULL);
  for (guint i = 0; i < states->len; i++)
    g_ptr_array_add (self->controls, control_new (self, g_ptr_array_index (states, i)));

  gtk_expander_set_expanded (GTK_EXPANDER (self->advanced_expander), FALSE);
  update_groups (self);
  update_actions (self);
}

/**
 * augur_controls_panel_set_concepts:
 * @concepts: (nullable) (element-type AugurConcept): the model's own concepts
 */
void
augur_controls_panel_set_concepts (AugurControlsPanel *self,
                                   GPtrArray          *concepts)
{
  g_return_if_fail (AUGUR_IS_CONTROLS_PANEL (self));

  g_ptr_array_set_size (self->concepts, 0);
  for (guint i = 0; concepts != NULL && i < concepts->len; i++)
    g_ptr_array_add (self->concepts, g_object_ref (g_ptr_array_index (concepts, i)));
  fill_concept_store (self);

  /* Chips selected by id can now show the concept's name. */
  for (guint i = 0; i < self->controls->len; i++)
    {
      Control *control = g_ptr_array_index (self->controls, i);
      if (control->chips != NULL)
        rebuild_chip_box (control);
    }
}

static void
add_to_settings (AugurControlsPanel *self,
                 AugurSettings      *settings,
                 Control            *control)
{
  g_autoptr(JsonNode) value = dup_widget_value (control);
  const char *name = control->state->name;

  if (control->state->group == AUGUR_CONTROL_GROUP_CONCEPTS)
    {
      if (control->chips != NULL)
        for (guint i = 0; i < control->chips->len; i++)
          {
            const Chip *chip = g_ptr_array_index (control->chips, i);
            augur_settings_add_select_concept (settings, chip->value, chip->by_name);
          }
      else if (g_str_equal (name, "max_concepts"))
        augur_settings_set_max_concepts (settings, (guint) json_node_get_int (value));
      else if (g_str_equal (name, "min_value"))
        augur_settings_set_min_value (settings, json_node_get_double (value));
      return;
    }

  if (control->state->kind == AUGUR_CONTROL_KIND_ENTRY && is_json_param (self, control))
    {
      const char *text = json_node_get_string (value);
      g_autoptr(JsonNode) parsed = *text != '\0' ? json_from_string (text, NULL) : NULL;

      if (*text == '\0')
        return;
      if (parsed != NULL)
        {
          augur_settings_set_param (settings, name, parsed);
          return;
        }
    }
  augur_settings_set_param (settings, name, value);
}

AugurSettings *
augur_controls_panel_get_settings (AugurControlsPanel *self)
{
  AugurSettings *settings;

  g_return_val_if_fail (AUGUR_IS_CONTROLS_PANEL (self), NULL);

  settings = augur_settings_new ();
  for (guint i = 0; i < self->controls->len; i++)
    {
      Control *control = g_ptr_array_index (self->controls, i);

      /* An undeclared control is never sent, whatever it shows. */
      if (control->changed && control->state->declared)
        add_to_settings (self, settings, control);
    }
  return settings;
}

char *
augur_controls_panel_save (AugurControlsPanel *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (AUGUR_IS_CONTROLS_PANEL (self), NULL);

  for (guint i = 0; i < self->controls->len; i++)
    {
      Control *control = g_ptr_array_index (self->controls, i);

      /* Credentials stay out of saved choices, like the token stays out of GSettings. */
      if (control->changed && control->state->declared &&
          !augur_control_state_is_secret (control->state))
        json_object_set_member (object, control->state->name, dup_widget_value (control));
    }

  root = json_node_init_object (json_node_alloc (), object);
  return json_to_string (root, FALSE);
}

static void
reset_all (AugurControlsPanel *self)
{
  for (guint i = 0; i < self->controls->len; i++)
    {
      Control *control = g_ptr_array_index (self->controls, i);
      if (control->changed)
        control_reset (control);
    }
}

/**
 * augur_controls_panel_restore:
 * @json: (nullable): from augur_controls_panel_save()
 *
 * Puts every control back to its model default, then applies @json. Values that do not fit
 * (unknown names, wrong types, controls this model does not use) are skipped.
 */
void
augur_controls_panel_restore (AugurControlsPanel *self,
                              const char         *json)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  gboolean had_changes;

  g_return_if_fail (AUGUR_IS_CONTROLS_PANEL (self));

  had_changes = any_changed (self);
  reset_all (self);

  if (json != NULL && *json != '\0')
    root = json_from_string (json, &error);
  if (error != NULL)
    g_debug ("Ignoring saved controls: %s", error->message);

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        {
          Control *control = find_control (self, l->data);

          if (control == NULL || !control_set (control, json_object_get_member (object, l->data)))
            g_debug ("Ignoring saved control “%s”", (const char *) l->data);
        }
    }

  update_actions (self);
  if (had_changes || any_changed (self))
    g_signal_emit (self, signals[CHANGED], 0);
}

void
augur_controls_panel_reset (AugurControlsPanel *self)
{
  gboolean had_changes;

  g_return_if_fail (AUGUR_IS_CONTROLS_PANEL (self));

  had_changes = any_changed (self);
  reset_all (self);
  update_actions (self);
  if (had_changes)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * augur_controls_panel_set_value:
 * @value: the value, as in augur_controls_panel_save()
 *
 * Returns: %FALSE when there is no such control, the model does not use it, or @value does
 *   not fit it
 */
gboolean
augur_controls_panel_set_value (AugurControlsPanel *self,
                                const char         *name,
                                JsonNode           *value)
{
  Control *control;

  g_return_val_if_fail (AUGUR_IS_CONTROLS_PANEL (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  control = find_control (self, name);
  if (control == NULL || !control_set (control, value))
    return FALSE;

  update_actions (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

const char *
augur_controls_panel_get_warning (AugurControlsPanel *self)
{
  g_return_val_if_fail (AUGUR_IS_CONTROLS_PANEL (self), NULL);

  for (guint i = 0; i < self->controls->len; i++)
    {
      Control *control = g_ptr_array_index (self->controls, i);
      if (control->warning != NULL)
        return control->warning;
    }
  return NULL;
}
