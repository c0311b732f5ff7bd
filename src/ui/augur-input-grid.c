/* augur-input-grid.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-input-grid"

#include <glib/gi18n.h>

#include "augur-input-grid.h"
#include "augur-thumbnail.h"

#define TILE_SIZE 128

typedef struct _GridLink GridLink;

/* What the grid knows about one item; lives as long as the item is in the grid. */
typedef struct
{
  AugurInput   *input;        /* (owned) */
  GCancellable *cancellable;  /* (owned) size check and thumbnail of this item */
  GtkWidget    *tile;         /* (nullable) weak: the flow box owns it */
  GdkTexture   *texture;      /* (owned) (nullable) */
  char         *message;      /* (owned) (nullable) set with set_item_message() */
  char         *problem;      /* (owned) (nullable) found here: too big, unreadable, no preview */
  gboolean      oversize;
  gboolean      wants_thumbnail; /* checked and previewable; loaded once it has a tile */
  gboolean      thumbnail_started;
} ItemState;

#define MAX_TILES 60

struct _AugurInputGrid
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkStack       *stack;
  GtkFlowBox     *flow_box;
  GtkLabel       *more_label;
  GtkEntry       *url_entry;
  GtkLabel       *url_error_label;
  GtkWidget      *text_frame;
  GtkTextBuffer  *text_buffer;
  GtkWidget      *text_hint;

  /* Owned */
  GListStore     *items;    /* (element-type AugurInput) in display order */
  GtkSliceListModel *shown; /* the first MAX_TILES items, the ones with a tile */
  GHashTable     *states;   /* AugurInput -> ItemState */
  GridLink       *link;     /* (owned) how pending work finds the grid */

  gboolean        accepts_known;
  gboolean        accepts_images;
  gboolean        accepts_text;
};

G_DEFINE_FINAL_TYPE (AugurInputGrid, augur_input_grid, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Item state ------------------------------------------------------------------------------ */

static ItemState *
item_state_new (AugurInput *input)
{
  ItemState *state = g_new0 (ItemState, 1);

  state->input = g_object_ref (input);
  state->cancellable = g_cancellable_new ();
  return state;
}

static void
item_state_free (ItemState *state)
{
  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_clear_weak_pointer (&state->tile);
  g_clear_object (&state->texture);
  g_clear_object (&state->input);
  g_free (state->message);
  g_free (state->problem);
  g_free (state);
}

/* Async work holds the grid weakly, through one link the grid clears when it goes away: a
 * GWeakRef per item would cost a scan of all the grid's weak references each time one is
 * dropped, quadratic for a folder of thousands. Callbacks all run on the main thread. */
struct _GridLink
{
  AugurInputGrid *grid;  /* (nullable) (unowned) */
};

typedef struct
{
  GridLink   *link;   /* (owned) */
  AugurInput *input;  /* (owned) */
} LoadData;

static LoadData *
load_data_new (AugurInputGrid *self,
               AugurInput     *input)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->link = g_rc_box_acquire (self->link);
  data->input = g_object_ref (input);
  return data;
}

static void
load_data_free (LoadData *data)
{
  g_rc_box_release (data->link);
  g_clear_object (&data->input);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

/* Returns the grid (a new reference) and its state for the item, or NULL when either is gone. */
static AugurInputGrid *
load_data_get_grid (LoadData   *data,
                    ItemState **state)
{
  AugurInputGrid *self = data->link->grid != NULL ? g_object_ref (data->link->grid) : NULL;

  if (self == NULL)
    return NULL;
  *state = g_hash_table_lookup (self->states, data->input);
  if (*state == NULL)
    g_clear_object (&self);
  return self;
}

/* Kinds ----------------------------------------------------------------------------------- */

static gboolean
file_is_text (AugurInput *input)
{
  g_autofree char *basename = g_file_get_basename (augur_input_get_file (input));
  g_autofree char *content_type = NULL;

  if (!augur_input_is_image (input))
    return TRUE;
  if (basename == NULL)
    return FALSE;
  content_type = g_content_type_guess (basename, NULL, 0, NULL);
  return g_content_type_is_a (content_type, "text/plain");
}

static gboolean
input_is_text_item (AugurInput *input)
{
  switch (augur_input_get_kind (input))
    {
    case AUGUR_INPUT_TEXT:
    case AUGUR_INPUT_TEXT_URL:
      return TRUE;
    case AUGUR_INPUT_FILE:
      return file_is_text (input);
    case AUGUR_INPUT_BYTES:
    case AUGUR_INPUT_IMAGE_URL:
    default:
      return FALSE;
    }
}

/* (nullable): why the current model cannot take @input */
static const char *
kind_message (AugurInputGrid *self,
              AugurInput     *input)
{
  gboolean is_text;

  if (!self->accepts_known)
    return NULL;

  is_text = input_is_text_item (input);
  if (is_text && !self->accepts_text)
    return _("This model takes images, not text");
  if (!is_text && !self->accepts_images)
    return _("This model takes text, not images");
  return NULL;
}

/* The one message a tile shows: a wrong kind first, since it says why the item is skipped. */
static const char *
item_message (AugurInputGrid *self,
              ItemState      *state)
{
  const char *message = kind_message (self, state->input);

  if (message != NULL)
    return message;
  if (state->message != NULL)
    return state->message;
  return state->problem;
}

static gboolean
is_same_input (AugurInput *a,
               AugurInput *b)
{
  if (a == b)
    return TRUE;
  if (augur_input_get_kind (a) != augur_input_get_kind (b))
    return FALSE;

  switch (augur_input_get_kind (a))
    {
    case AUGUR_INPUT_FILE:
      return g_file_equal (augur_input_get_file (a), augur_input_get_file (b));
    case AUGUR_INPUT_BYTES:
      return g_bytes_equal (augur_input_get_bytes (a), augur_input_get_bytes (b));
    case AUGUR_INPUT_IMAGE_URL:
    case AUGUR_INPUT_TEXT_URL:
      return g_strcmp0 (augur_input_get_url (a), augur_input_get_url (b)) == 0;
    case AUGUR_INPUT_TEXT:
    default:
      return FALSE;
    }
}

static gboolean
has_same_input (AugurInputGrid *self,
                AugurInput     *input)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->states);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (is_same_input (key, input))
      return TRUE;
  return FALSE;
}

/* Tiles ----------------------------------------------------------------------------------- */

static const char *
tile_icon_name (ItemState *state)
{
  switch (augur_input_get_kind (state->input))
    {
    case AUGUR_INPUT_IMAGE_URL:
    case AUGUR_INPUT_TEXT_URL:
      return "insert-link-symbolic";
    case AUGUR_INPUT_TEXT:
      return "text-x-generic-symbolic";
    case AUGUR_INPUT_FILE:
    case AUGUR_INPUT_BYTES:
    default:
      if (input_is_text_item (state->input))
        return "text-x-generic-symbolic";
      return state->problem != NULL ? "image-missing-symbolic" : "image-x-generic-symbolic";
    }
}

static void
update_tile (AugurInputGrid *self,
             ItemState      *state)
{
  GtkWidget *tile = state->tile;
  GtkWidget *area, *picture, *icon, *message_label;
  const char *message;

  if (tile == NULL)
    return;

  area = g_object_get_data (G_OBJECT (tile), "augur-area");
  picture = g_object_get_data (G_OBJECT (tile), "augur-picture");
  icon = g_object_get_data (G_OBJECT (tile), "augur-icon");
  message_label = g_object_get_data (G_OBJECT (tile), "augur-message");
  message = item_message (self, state);

  gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (state->texture));
  gtk_widget_set_visible (picture, state->texture != NULL);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), tile_icon_name (state));
  gtk_widget_set_visible (icon, state->texture == NULL);

  gtk_label_set_text (GTK_LABEL (message_label), message != NULL ? message : "");
  gtk_widget_set_visible (message_label, message != NULL);

  if (kind_message (self, state->input) != NULL)
    gtk_widget_add_css_class (area, "dim-label");
  else
    gtk_widget_remove_css_class (area, "dim-label");

  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (tile),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
update_all_tiles (AugurInputGrid *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->states);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    update_tile (self, value);
}

static void
remove_clicked_cb (GtkButton      *button,
                   AugurInputGrid *self)
{
  AugurInput *input = g_object_get_data (G_OBJECT (button), "augur-input");

  augur_input_grid_remove_input (self, input);
}

static gboolean
delete_pressed_cb (GtkWidget *tile,
                   GVariant  *args,
                   gpointer   user_data)
{
  AugurInputGrid *self = AUGUR_INPUT_GRID (gtk_widget_get_ancestor (tile, AUGUR_TYPE_INPUT_GRID));
  AugurInput *input = g_object_get_data (G_OBJECT (tile), "augur-input");

  if (self == NULL)
    return FALSE;
  augur_input_grid_remove_input (self, input);
  return TRUE;
}

static GtkWidget *
build_remove_button (AugurInputGrid *self,
                     AugurInput     *input)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  /* Translators: accessible label of the button on an input's tile, e.g. "Remove photo.jpg" */
  g_autofree char *label = g_strdup_printf (_("Remove %s"), augur_input_get_label (input));

  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_end (button, 6);
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "osd");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "augur-input", g_object_ref (input), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  return button;
}

static GtkWidget *
build_preview_area (GtkWidget  *tile,
                    AugurInput *input)
{
  GtkWidget *area = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *icon = gtk_image_new ();

  gtk_widget_set_size_request (area, TILE_SIZE, TILE_SIZE);
  gtk_widget_add_css_class (area, "card");
  gtk_widget_set_overflow (area, GTK_OVERFLOW_HIDDEN);

  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), augur_input_get_label (input));
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_widget_set_visible (picture, FALSE);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 48);
  gtk_widget_set_vexpand (icon, TRUE);
  gtk_widget_add_css_class (icon, "dim-label");

  gtk_box_append (GTK_BOX (area), picture);
  gtk_box_append (GTK_BOX (area), icon);
  g_object_set_data (G_OBJECT (tile), "augur-area", area);
  g_object_set_data (G_OBJECT (tile), "augur-picture", picture);
  g_object_set_data (G_OBJECT (tile), "augur-icon", icon);
  return area;
}

/* The tile is the flow box child itself, so that Delete works wherever the focus is on it. */
static GtkWidget *
build_tile (AugurInputGrid *self,
            AugurInput     *input)
{
  const char *label = augur_input_get_label (input);
  GtkWidget *tile = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *name = gtk_label_new (label);
  GtkWidget *message = gtk_label_new (NULL);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_set_size_request (box, TILE_SIZE, -1);
  gtk_widget_set_valign (tile, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (tile), "augur-input", g_object_ref (input), g_object_unref);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (tile), box);

  gtk_overlay_set_child (GTK_OVERLAY (overlay), build_preview_area (tile, input));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), build_remove_button (self, input));
  gtk_box_append (GTK_BOX (box), overlay);

  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 16);
  gtk_widget_set_tooltip_text (name, label);
  gtk_box_append (GTK_BOX (box), name);

  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 16);
  gtk_label_set_justify (GTK_LABEL (message), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (message, "error");
  gtk_widget_add_css_class (message, "caption");
  gtk_widget_set_visible (message, FALSE);
  gtk_box_append (GTK_BOX (box), message);
  g_object_set_data (G_OBJECT (tile), "augur-message", message);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_callback_action_new (delete_pressed_cb,
                                                                                   NULL, NULL)));
  gtk_widget_add_controller (tile, shortcuts);
  return tile;
}

static void load_thumbnail (AugurInputGrid *self,
                            ItemState      *state);

static GtkWidget *
create_tile_cb (gpointer item,
                gpointer user_data)
{
  AugurInputGrid *self = user_data;
  ItemState *state = g_hash_table_lookup (self->states, item);
  GtkWidget *tile = build_tile (self, AUGUR_INPUT (item));

  g_assert (state != NULL);
  g_set_weak_pointer (&state->tile, tile);
  update_tile (self, state);
  if (state->wants_thumbnail)
    load_thumbnail (self, state);
  return tile;
}

/* Checks ---------------------------------------------------------------------------------- */

static void
set_problem (AugurInputGrid *self,
             ItemState      *state,
             char           *problem)
{
  g_free (state->problem);
  state->problem = problem;
  update_tile (self, state);
}

/* Returns TRUE (and marks the item) when Clarifai would refuse it for its size. */
static gboolean
mark_if_oversize (AugurInputGrid *self,
                  ItemState      *state,
                  guint64         n_bytes)
{
  g_autofree char *size = NULL;

  if (n_bytes < AUGUR_MAX_INPUT_BYTES)
    return FALSE;

  size = g_format_size (n_bytes);
  state->oversize = TRUE;
  set_problem (self, state,
               /* Translators: "photo.jpg is 24.1 MB; Clarifai accepts files under 20 MB" */
               g_strdup_printf (_("%s is %s; Clarifai accepts files under %u MB"),
                                augur_input_get_label (state->input), size,
                                (guint) (AUGUR_MAX_INPUT_BYTES / (1000 * 1000))));
  return TRUE;
}

static void
thumbnail_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(AugurInputGrid) self = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  ItemState *state = NULL;

  texture = augur_thumbnail_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if ((self = load_data_get_grid (data, &state)) == NULL)
    return;

  if (texture == NULL)
    {
      g_debug ("No preview for %s: %s", augur_input_get_label (data->input), error->message);
      set_problem (self, state, g_strdup (error->message));
      return;
    }
  g_set_object (&state->texture, texture);
  update_tile (self, state);
}

/* Only items with a tile get a thumbnail: a folder of thousands would otherwise decode
 * (and keep) a texture per file that no tile shows. */
static void
load_thumbnail (AugurInputGrid *self,
                ItemState      *state)
{
  guint size = TILE_SIZE * MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));

  state->wants_thumbnail = TRUE;
  if (state->tile == NULL || state->thumbnail_started)
    return;
  state->thumbnail_started = TRUE;
  augur_thumbnail_load_async (state->input, size, state->cancellable, thumbnail_loaded_cb,
                              load_data_new (self, state->input));
}

/* GIO's own messages repeat the whole path; the tile already names the file. */
static char *
describe_read_error (AugurInput   *input,
                     const GError *error)
{
  const char *label = augur_input_get_label (input);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    /* Translators: "photo.jpg was not found" (moved or deleted since it was added) */
    return g_strdup_printf (_("%s was not found"), label);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return g_strdup_printf (_("%s cannot be read: permission denied"), label);
  /* Translators: "photo.jpg could not be read: Input/output error" */
  return g_strdup_printf (_("%s could not be read: %s"), label, error->message);
}

static void
file_info_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(AugurInputGrid) self = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  ItemState *state = NULL;

  info = g_file_query_info_finish (G_FILE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if ((self = load_data_get_grid (data, &state)) == NULL)
    return;

  if (info == NULL)
    {
      g_debug ("Cannot read %s: %s", augur_input_get_label (data->input), error->message);
      set_problem (self, state, describe_read_error (data->input, error));
      return;
    }

  if (!mark_if_oversize (self, state, g_file_info_get_size (info)) &&
      !input_is_text_item (state->input))
    load_thumbnail (self, state);
}

static void
start_checks (AugurInputGrid *self,
              ItemState      *state)
{
  switch (augur_input_get_kind (state->input))
    {
    case AUGUR_INPUT_FILE:
      g_file_query_info_async (augur_input_get_file (state->input),
                               G_FILE_ATTRIBUTE_STANDARD_SIZE,
                               G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT,
                               state->cancellable, file_info_cb,
                               load_data_new (self, state->input));
      break;
    case AUGUR_INPUT_BYTES:
      if (!mark_if_oversize (self, state, g_bytes_get_size (augur_input_get_bytes (state->input))))
        load_thumbnail (self, state);
      break;
    case AUGUR_INPUT_IMAGE_URL:
    case AUGUR_INPUT_TEXT_URL:
    case AUGUR_INPUT_TEXT:
    default:
      break;
    }
}

/* Layout ---------------------------------------------------------------------------------- */

static void
update_visibility (AugurInputGrid *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  gboolean show_images = !self->accepts_known || self->accepts_images || n_items > 0;

  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "items" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->stack), show_images);
  gtk_widget_set_visible (self->text_frame, self->accepts_known && self->accepts_text);
  gtk_widget_set_vexpand (self->text_frame, !show_images);
}

static void
emit_changed (AugurInputGrid *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Text area and URL entry ----------------------------------------------------------------- */

static void
text_changed_cb (AugurInputGrid *self)
{
  gtk_widget_set_visible (self->text_hint, gtk_text_buffer_get_char_count (self->text_buffer) == 0);
  emit_changed (self);
}

static void
append_text (AugurInputGrid *self,
             const char     *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (self->text_buffer, &end);
  if (gtk_text_buffer_get_char_count (self->text_buffer) > 0)
    gtk_text_buffer_insert (self->text_buffer, &end, "\n", -1);
  gtk_text_buffer_insert (self->text_buffer, &end, text, -1);
}

static gboolean
is_web_url (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *host;

  if (uri == NULL)
    return FALSE;
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0 ||
          g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0) &&
         host != NULL && *host != '\0';
}

static void
show_url_error (AugurInputGrid *self,
                const char     *message)
{
  gtk_label_set_text (self->url_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->url_error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->url_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->url_entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->url_entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
add_url_from_entry (AugurInputGrid *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_entry))));
  g_autoptr(GPtrArray) inputs = NULL;

  if (*url == '\0')
    return;
  if (!is_web_url (url))
    {
      show_url_error (self, _("Enter an image address that starts with http:// or https://"));
      return;
    }

  inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (inputs, augur_input_new_image_url (url));
  augur_input_grid_add_inputs (self, inputs);
  gtk_editable_set_text (GTK_EDITABLE (self->url_entry), "");
}

static void
url_entry_activated_cb (AugurInputGrid *self)
{
  add_url_from_entry (self);
}

static void
url_add_clicked_cb (AugurInputGrid *self)
{
  add_url_from_entry (self);
}

static void
url_entry_changed_cb (AugurInputGrid *self)
{
  show_url_error (self, NULL);
}

/* GObject --------------------------------------------------------------------------------- */

static void
augur_input_grid_dispose (GObject *object)
{
  AugurInputGrid *self = AUGUR_INPUT_GRID (object);

  if (self->link != NULL)
    self->link->grid = NULL;
  if (self->flow_box != NULL)
    gtk_flow_box_bind_model (self->flow_box, NULL, NULL, NULL, NULL);
  if (self->states != NULL)
    g_hash_table_remove_all (self->states);
  gtk_widget_dispose_template (GTK_WIDGET (self), AUGUR_TYPE_INPUT_GRID);
  g_clear_object (&self->shown);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (augur_input_grid_parent_class)->dispose (object);
}

static void
augur_input_grid_finalize (GObject *object)
{
  AugurInputGrid *self = AUGUR_INPUT_GRID (object);

  g_clear_pointer (&self->states, g_hash_table_unref);
  g_clear_pointer (&self->link, g_rc_box_release);

  G_OBJECT_CLASS (augur_input_grid_parent_class)->finalize (object);
}

static void
augur_input_grid_class_init (AugurInputGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_input_grid_dispose;
  object_class->finalize = augur_input_grid_finalize;

  /**
   * AugurInputGrid::changed:
   * The items, the typed text, or what would be sent changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/augur/Augur/augur-input-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, AugurInputGrid, box);
  gtk_widget_class_bind_template_child (widget_class, AugurInputGrid, stack);
  gtk_widget_class_bind_template_child (widget_class, AugurInputGrid, flow_box);
  gtk_widget_class_bind_template_child (widget_class, AugurInputGrid, more_label);
  gtk_widget_class_bind_template_child (widget_class, AugurInputGrid, url_entry);
  gtk_widget_class_bind_template_child (widget_class, AugurInputGrid, url_error_label);
  gtk_widget_class_bind_template_child (widget_class, AugurInputGrid, text_frame);
  gtk_widget_class_bind_template_child (widget_class, AugurInputGrid, text_buffer);
  gtk_widget_class_bind_template_child (widget_class, AugurInputGrid, text_hint);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_entry_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "augur-input-grid");
}

static void
update_more_label (AugurInputGrid *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->more_label), n > MAX_TILES);
  if (n <= MAX_TILES)
    return;
  text = g_strdup_printf (ngettext ("…and %u more input", "…and %u more inputs", n - MAX_TILES),
                          n - MAX_TILES);
  gtk_label_set_text (self->more_label, text);
}

static void
augur_input_grid_init (AugurInputGrid *self)
{
  g_type_ensure (ADW_TYPE_STATUS_PAGE);

  self->items = g_list_store_new (AUGUR_TYPE_INPUT);
  self->link = g_rc_box_new0 (GridLink);
  self->link->grid = self;
  self->states = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                        NULL, (GDestroyNotify) item_state_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* A flow box makes a widget per item: thousands of thumbnails would cost the main loop
   * and memory for nothing. The first tiles show; the rest are counted (and listed in the
   * results table once predicted). */
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->items)), 0, MAX_TILES);
  gtk_flow_box_bind_model (self->flow_box, G_LIST_MODEL (self->shown),
                           create_tile_cb, self, NULL);
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (update_more_label), self,
                           G_CONNECT_SWAPPED);
  update_visibility (self);
}

/* Public ---------------------------------------------------------------------------------- */

GtkWidget *
augur_input_grid_new (void)
{
  return g_object_new (AUGUR_TYPE_INPUT_GRID, NULL);
}

/**
 * augur_input_grid_add_inputs:
 * @inputs: (element-type AugurInput): text inputs go to the text area; every other input
 *   becomes a tile, unless the same file, data or URL is already there
 */
void
augur_input_grid_add_inputs (AugurInputGrid *self,
                             GPtrArray      *inputs)
{
  g_autoptr(GPtrArray) added = NULL;

  g_return_if_fail (AUGUR_IS_INPUT_GRID (self));
  g_return_if_fail (inputs != NULL);

  for (guint i = 0; i < inputs->len; i++)
    g_return_if_fail (AUGUR_IS_INPUT (g_ptr_array_index (inputs, i)));

  added = g_ptr_array_new ();
  for (guint i = 0; i < inputs->len; i++)
    {
      AugurInput *input = g_ptr_array_index (inputs, i);

      if (augur_input_get_kind (input) == AUGUR_INPUT_TEXT)
        {
          append_text (self, augur_input_get_text (input));
          continue;
        }
      if (has_same_input (self, input))
        {
          g_debug ("Skipping %s: already in the list", augur_input_get_label (input));
          continue;
        }
      g_hash_table_insert (self->states, input, item_state_new (input));
      g_ptr_array_add (added, input);
    }

  if (added->len == 0)
    return;

  g_list_store_splice (self->items, g_list_model_get_n_items (G_LIST_MODEL (self->items)), 0,
                       added->pdata, added->len);
  for (guint i = 0; i < added->len; i++)
    start_checks (self, g_hash_table_lookup (self->states, g_ptr_array_index (added, i)));
  update_visibility (self);
  emit_changed (self);
}

void
augur_input_grid_remove_input (AugurInputGrid *self,
                               AugurInput     *input)
{
  guint position;

  g_return_if_fail (AUGUR_IS_INPUT_GRID (self));
  g_return_if_fail (AUGUR_IS_INPUT (input));

  if (!g_list_store_find (self->items, input, &position))
    return;

  /* Keep @input alive: the tile that may have sent it goes away with the item. */
  g_object_ref (input);
  g_list_store_remove (self->items, position);
  g_hash_table_remove (self->states, input);
  g_object_unref (input);

  update_visibility (self);
  emit_changed (self);
}

/* Removes every item and the typed text. */
void
augur_input_grid_clear (AugurInputGrid *self)
{
  g_return_if_fail (AUGUR_IS_INPUT_GRID (self));

  g_list_store_remove_all (self->items);
  g_hash_table_remove_all (self->states);
  gtk_text_buffer_set_text (self->text_buffer, "", -1);
  update_visibility (self);
  emit_changed (self);
}

GListModel *
augur_input_grid_get_items (AugurInputGrid *self)
{
  g_return_val_if_fail (AUGUR_IS_INPUT_GRID (self), NULL);
  return G_LIST_MODEL (self->items);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * augur_input_grid_collect_inputs:
 *
 * Items of a kind the model does not take, and files over the size limit, are left out:
 * their tiles say why.
 *
 * Returns: (transfer full) (element-type AugurInput): what to send, in display order, then
 *   the typed text when the model takes text and it is not blank
 */
GPtrArray *
augur_input_grid_collect_inputs (AugurInputGrid *self)
{
  GPtrArray *inputs;
  guint n_items;

  g_return_val_if_fail (AUGUR_IS_INPUT_GRID (self), NULL);

  inputs = g_ptr_array_new_with_free_func (g_object_unref);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AugurInput) input = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      ItemState *state = g_hash_table_lookup (self->states, input);

      if (kind_message (self, input) != NULL || state->oversize)
        continue;
      g_ptr_array_add (inputs, g_steal_pointer (&input));
    }

  if (self->accepts_known && self->accepts_text)
    {
      g_autofree char *text = augur_input_grid_dup_text (self);

      if (!is_blank (text))
        g_ptr_array_add (inputs, augur_input_new_text (text));
    }

  return inputs;
}

/* Until this is first called, every kind is taken and the text area stays hidden. */
void
augur_input_grid_set_accepts (AugurInputGrid *self,
                              gboolean        images,
                              gboolean        text)
{
  g_return_if_fail (AUGUR_IS_INPUT_GRID (self));

  images = !!images;
  text = !!text;
  if (self->accepts_known && self->accepts_images == images && self->accepts_text == text)
    return;

  self->accepts_known = TRUE;
  self->accepts_images = images;
  self->accepts_text = text;
  update_visibility (self);
  update_all_tiles (self);
  emit_changed (self);
}

/* @message: (nullable): shown under the item's tile; %NULL removes it */
void
augur_input_grid_set_item_message (AugurInputGrid *self,
                                   AugurInput     *input,
                                   const char     *message)
{
  ItemState *state;

  g_return_if_fail (AUGUR_IS_INPUT_GRID (self));
  g_return_if_fail (AUGUR_IS_INPUT (input));

  state = g_hash_table_lookup (self->states, input);
  if (state == NULL || g_strcmp0 (state->message, message) == 0)
    return;

  g_free (state->message);
  state->message = g_strdup (message);
  update_tile (self, state);
}

/**
 * augur_input_grid_get_item_message:
 *
 * Returns: (nullable): the message the item's tile shows: why the model cannot take it, the
 *   message set with augur_input_grid_set_item_message(), or a problem found with the file
 */
const char *
augur_input_grid_get_item_message (AugurInputGrid *self,
                                   AugurInput     *input)
{
  ItemState *state;

  g_return_val_if_fail (AUGUR_IS_INPUT_GRID (self), NULL);
  g_return_val_if_fail (AUGUR_IS_INPUT (input), NULL);

  state = g_hash_table_lookup (self->states, input);
  return state != NULL ? item_message (self, state) : NULL;
}

void
augur_input_grid_set_text (AugurInputGrid *self,
                           const char     *text)
{
  g_return_if_fail (AUGUR_IS_INPUT_GRID (self));

  gtk_text_buffer_set_text (self->text_buffer, text != NULL ? text : "", -1);
}

char *
augur_input_grid_dup_text (AugurInputGrid *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (AUGUR_IS_INPUT_GRID (self), NULL);

  gtk_text_buffer_get_bounds (self->text_buffer, &start, &end);
  return gtk_text_buffer_get_text (self->text_buffer, &start, &end, FALSE);
}
