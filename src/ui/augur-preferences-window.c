/* augur-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-preferences-window"

#include <glib/gi18n.h>

#include "augur-preferences-window.h"

#define TOKEN_SETTINGS_URL "https://clarifai.com/settings/security"

struct _AugurPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwEntryRow          *token_row;
  GtkLabel             *token_state_label;
  AdwActionRow         *token_note_row;
  GtkWidget            *keyring_label;
  AdwEntryRow          *base_url_row;
  AdwActionRow         *base_url_note_row;
  AdwActionRow         *root_ca_row;
  GtkWidget            *root_ca_clear_button;
  AdwActionRow         *root_ca_note_row;
  GtkWidget            *timeout_row;
  GtkAdjustment        *timeout_adjustment;
  GtkWidget            *test_button;
  GtkWidget            *test_spinner;
  GtkWidget            *test_result_box;
  GtkLabel             *test_status_label;
  GtkWidget            *test_choose_ca_button;
  GtkWidget            *batches_page;
  GtkAdjustment        *in_flight_adjustment;
  GtkAdjustment        *confirm_adjustment;
  GtkCheckButton       *downscale_check;
  GtkWidget            *longest_side_row;
  GtkAdjustment        *longest_side_adjustment;

  /* Owned */
  AugurContext         *context;           /* (owned) */
  GCancellable         *test_cancellable;  /* (owned) (nullable) while a test runs */
  GtkFileChooserNative *ca_chooser;        /* (owned) (nullable) while it is open */
  gint64                test_started_us;
};

G_DEFINE_FINAL_TYPE (AugurPreferencesWindow, augur_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows ------------------------------------------------------------------------------------ */

static AugurConfigSource
env_sources (AugurPreferencesWindow *self)
{
  return augur_config_get_env_sources (augur_context_get_config (self->context));
}

/* A note row sits under the row it explains. @message: (nullable) hides it. */
static void
set_note (AdwActionRow *row,
          const char   *message,
          gboolean      is_error)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (row), message != NULL);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (row), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
    }
}

static void
set_entry_invalid (AdwEntryRow *row,
                   gboolean     invalid)
{
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
update_token_rows (AugurPreferencesWindow *self)
{
  gboolean from_env = (env_sources (self) & AUGUR_CONFIG_FROM_ENV_TOKEN) != 0;
  gboolean has_token = augur_context_has_token (self->context);
  AugurTokenStore *store = augur_context_get_token_store (self->context);

  gtk_label_set_text (self->token_state_label, has_token ? _("Set") : _("Not set"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->token_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  has_token ? _("A token is set") : _("No token is set"),
                                  -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), !from_env);
  set_note (self->token_note_row,
            from_env ? _("Set by CLARIFAI_PAT for this session") : NULL, FALSE);
  gtk_widget_set_visible (self->keyring_label,
                          !from_env && !augur_token_store_is_persistent (store));
}

static void
update_base_url_rows (AugurPreferencesWindow *self)
{
  AugurConfig *config = augur_context_get_config (self->context);

  if ((env_sources (self) & AUGUR_CONFIG_FROM_ENV_BASE_URL) == 0)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->base_url_row),
                                augur_context_get_settings (self->context) != NULL);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), augur_config_get_base_url (config));
  gtk_widget_set_sensitive (GTK_WIDGET (self->base_url_row), FALSE);
  set_entry_invalid (self->base_url_row, FALSE);
  set_note (self->base_url_note_row, _("Set by CLARIFAI_API_BASE for this session"), FALSE);
}

static void
update_root_ca_rows (AugurPreferencesWindow *self)
{
  const char *path = augur_config_get_root_ca_path (augur_context_get_config (self->context));
  gboolean from_env = (env_sources (self) & AUGUR_CONFIG_FROM_ENV_ROOT_CA) != 0;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->root_ca_row),
                               path != NULL ? path
                                            : _("None — only the system's certificates are trusted"));
  gtk_widget_set_visible (self->root_ca_clear_button, path != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->root_ca_row),
                            !from_env && augur_context_get_settings (self->context) != NULL);
  if (from_env)
    set_note (self->root_ca_note_row,
              _("Set by CLARIFAI_ROOT_CERTIFICATES_PATH for this session"), FALSE);
  else if (gtk_widget_has_css_class (GTK_WIDGET (self->root_ca_note_row), "dim-label"))
    set_note (self->root_ca_note_row, NULL, FALSE);
}

static void
update_rows (AugurPreferencesWindow *self)
{
  update_token_rows (self);
  update_base_url_rows (self);
  update_root_ca_rows (self);
  gtk_widget_set_sensitive (self->timeout_row, augur_context_get_settings (self->context) != NULL);
}

static void
context_changed_cb (AugurPreferencesWindow *self)
{
  update_rows (self);
}

/* Account --------------------------------------------------------------------------------- */

static void
token_applied_cb (AugurPreferencesWindow *self)
{
  g_autofree char *token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row))));

  if (*token == '\0')
    return;
  augur_context_set_token (self->context, token);
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
  update_token_rows (self);
}

static void
token_link_activated_cb (AugurPreferencesWindow *self)
{
  gtk_show_uri (GTK_WINDOW (self), TOKEN_SETTINGS_URL, GDK_CURRENT_TIME);
}

/* Server ---------------------------------------------------------------------------------- */

static void
base_url_applied_cb (AugurPreferencesWindow *self)
{
  GSettings *settings = augur_context_get_settings (self->context);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->base_url_row));
  g_autofree char *base_url = g_strstrip (g_strdup (text));
  g_autofree char *current = NULL;
  g_autoptr(AugurConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  if (settings == NULL || (env_sources (self) & AUGUR_CONFIG_FROM_ENV_BASE_URL) != 0)
    return;

  if (*base_url == '\0')
    {
      g_settings_reset (settings, "base-url");
      g_free (base_url);
      base_url = g_settings_get_string (settings, "base-url");
      gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), base_url);
    }

  config = augur_config_copy (augur_context_get_config (self->context));
  augur_config_set_base_url (config, base_url);
  if (!augur_config_validate (config, &error))
    {
      set_entry_invalid (self->base_url_row, TRUE);
      set_note (self->base_url_note_row, error->message, TRUE);
      return;
    }
  set_entry_invalid (self->base_url_row, FALSE);
  set_note (self->base_url_note_row, NULL, FALSE);

  current = g_settings_get_string (settings, "base-url");
  if (g_strcmp0 (current, base_url) == 0)
    return;
  g_settings_set_string (settings, "base-url", base_url);
  augur_context_reload (self->context);
}

/* Checks @path the way the client will use it: it must exist and hold certificates. */
static gboolean
check_root_ca (AugurPreferencesWindow  *self,
               const char              *path,
               GError                 **error)
{
  g_autoptr(AugurConfig) config = augur_config_copy (augur_context_get_config (self->context));
  g_autoptr(AugurClient) client = NULL;

  augur_config_set_root_ca_path (config, path);
  client = augur_client_new (config, error);
  return client != NULL;
}

static void
set_root_ca (AugurPreferencesWindow *self,
             const char             *path)
{
  GSettings *settings = augur_context_get_settings (self->context);
  g_autoptr(GError) error = NULL;

  if (settings == NULL)
    return;

  if (path != NULL && !check_root_ca (self, path, &error))
    {
      g_debug ("Refusing root CA %s: %s", path, error->message);
      set_note (self->root_ca_note_row, error->message, TRUE);
      return;
    }
  set_note (self->root_ca_note_row, NULL, FALSE);
  g_settings_set_string (settings, "root-ca-path", path != NULL ? path : "");
  augur_context_reload (self->context);
}

static void
ca_chooser_response_cb (AugurPreferencesWindow *self,
                        int                     response,
                        GtkFileChooserNative   *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        set_root_ca (self, path);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->ca_chooser);
}

static GtkFileFilter *
new_pem_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  /* Translators: a file type in the file chooser */
  gtk_file_filter_set_name (filter, _("PEM certificates"));
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.crt");
  gtk_file_filter_add_pattern (filter, "*.cer");
  return filter;
}

static void
choose_ca_clicked_cb (AugurPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) pem = new_pem_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->ca_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->ca_chooser));
      return;
    }

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->ca_chooser = gtk_file_chooser_native_new (_("Choose Root CA File"), GTK_WINDOW (self),
                                                  GTK_FILE_CHOOSER_ACTION_OPEN,
                                                  _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->ca_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->ca_chooser), pem);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->ca_chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->ca_chooser), pem);
  g_signal_connect_object (self->ca_chooser, "response",
                           G_CALLBACK (ca_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->ca_chooser));
}

static void
root_ca_clear_clicked_cb (AugurPreferencesWindow *self)
{
  set_root_ca (self, NULL);
}

static void
timeout_changed_cb (AugurPreferencesWindow *self)
{
  augur_context_reload (self->context);
}

/* Test ------------------------------------------------------------------------------------ */

static void
show_test_result (AugurPreferencesWindow *self,
                  const char             *message,
                  gboolean                success,
                  gboolean                offer_ca)
{
  gtk_label_set_text (self->test_status_label, message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_status_label), success ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->test_status_label), success ? "success" : "error");
  gtk_widget_set_visible (self->test_result_box, TRUE);
  /* A CA from the environment wins over one chosen here, so choosing would not help. */
  gtk_widget_set_visible (self->test_choose_ca_button,
                          offer_ca && (env_sources (self) & AUGUR_CONFIG_FROM_ENV_ROOT_CA) == 0);
}

static void
set_testing (AugurPreferencesWindow *self,
             gboolean                testing)
{
  gtk_widget_set_sensitive (self->test_button, !testing);
  gtk_widget_set_visible (self->test_spinner, testing);
  gtk_spinner_set_spinning (GTK_SPINNER (self->test_spinner), testing);
}

static char *
describe_failure (const GError *error,
                  gboolean     *offer_ca)
{
  *offer_ca = FALSE;
  if (error->domain != AUGUR_ERROR)
    return g_strdup_printf (_("The test failed: %s"), error->message);

  switch (error->code)
    {
    case AUGUR_ERROR_AUTH:
      return g_strdup_printf (_("The server rejected the token: %s"), error->message);
    case AUGUR_ERROR_TLS:
      *offer_ca = TRUE;
      return g_strdup (error->message);
    case AUGUR_ERROR_TRANSPORT:
    case AUGUR_ERROR_INVALID_ARGUMENT:
      /* These already name the server and the problem ("Could not reach …"). */
      return g_strdup (error->message);
    case AUGUR_ERROR_THROTTLED:
      return g_strdup_printf (_("The server is busy and asked to slow down: %s"), error->message);
    default:
      return g_strdup_printf (_("The server answered with an error: %s"), error->message);
    }
}

static void
models_listed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AugurPreferencesWindow) self = user_data;
  AugurClient *client = AUGUR_CLIENT (source);
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean offer_ca = FALSE;

  models = augur_client_list_models_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->test_cancellable);
  set_testing (self, FALSE);
  update_token_rows (self);

  if (models == NULL)
    {
      g_debug ("Connection test failed: %s", error->message);
      message = describe_failure (error, &offer_ca);
      show_test_result (self, message, FALSE, offer_ca);
      return;
    }

  /* Translators: "Connected to https://api.clarifai.com (312 ms)" */
  message = g_strdup_printf (_("Connected to %s (%u ms)"),
                             augur_config_get_base_url (augur_client_get_config (client)),
                             (guint) ((g_get_monotonic_time () - self->test_started_us) / 1000));
  show_test_result (self, message, TRUE, FALSE);
}

/* Fails early, without a request, when there is nothing to test with. */
static gboolean
check_can_test (AugurPreferencesWindow  *self,
                AugurClient            **client)
{
  const GError *client_error = augur_context_get_client_error (self->context);

  *client = augur_context_get_client (self->context);
  if (*client == NULL)
    {
      show_test_result (self,
                        client_error != NULL ? client_error->message
                                             : _("The connection settings are not complete"),
                        FALSE, client_error != NULL && g_error_matches (client_error, AUGUR_ERROR,
                                                                       AUGUR_ERROR_TLS));
      return FALSE;
    }
  if (!augur_context_has_token (self->context))
    {
      show_test_result (self, _("Enter a personal access token first"), FALSE, FALSE);
      return FALSE;
    }
  return TRUE;
}

static void
test_clicked_cb (AugurPreferencesWindow *self)
{
  AugurModelQuery query = { .user_id = NULL, .per_page = 1 };
  AugurClient *client = NULL;

  if (self->test_cancellable != NULL || !check_can_test (self, &client))
    return;

  gtk_widget_set_visible (self->test_result_box, FALSE);
  set_testing (self, TRUE);
  self->test_cancellable = g_cancellable_new ();
  self->test_started_us = g_get_monotonic_time ();
  augur_client_list_models_async (client, &query, self->test_cancellable,
                                  models_listed_cb, g_object_ref (self));
}

/* Batches --------------------------------------------------------------------------------- */

/* downscale-longest-side holds both the check button (0 = off) and the size, so the spin
 * button keeps its last size while downscaling is off, and turning it on sends that size.
 * A check button, not a switch: Preferences has no switch, so that none can be mistaken for
 * one that turns certificate checks off. */
static gboolean
downscale_get_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  g_value_set_boolean (value, g_variant_get_uint32 (variant) != 0);
  return TRUE;
}

static GVariant *
downscale_set_mapping (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  AugurPreferencesWindow *self = user_data;
  guint side = (guint) gtk_adjustment_get_value (self->longest_side_adjustment);

  return g_variant_new_uint32 (g_value_get_boolean (value) ? side : 0);
}

static void
longest_side_key_changed_cb (AugurPreferencesWindow *self)
{
  GSettings *settings = augur_context_get_settings (self->context);
  guint side = g_settings_get_uint (settings, "downscale-longest-side");

  if (side != 0)
    gtk_adjustment_set_value (self->longest_side_adjustment, side);
}

static void
longest_side_value_changed_cb (AugurPreferencesWindow *self)
{
  GSettings *settings = augur_context_get_settings (self->context);
  guint side = (guint) gtk_adjustment_get_value (self->longest_side_adjustment);

  if (settings != NULL && gtk_check_button_get_active (self->downscale_check) &&
      g_settings_get_uint (settings, "downscale-longest-side") != side)
    g_settings_set_uint (settings, "downscale-longest-side", side);
}

static void
bind_batch_settings (AugurPreferencesWindow *self,
                     GSettings              *settings)
{
  g_settings_bind (settings, "requests-in-flight", self->in_flight_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "confirm-above-inputs", self->confirm_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);

  longest_side_key_changed_cb (self);
  g_settings_bind_with_mapping (settings, "downscale-longest-side",
                                self->downscale_check, "active", G_SETTINGS_BIND_DEFAULT,
                                downscale_get_mapping, downscale_set_mapping, self, NULL);
  g_signal_connect_object (settings, "changed::downscale-longest-side",
                           G_CALLBACK (longest_side_key_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->longest_side_adjustment, "value-changed",
                           G_CALLBACK (longest_side_value_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
unbind_batch_settings (AugurPreferencesWindow *self)
{
  g_settings_unbind (self->in_flight_adjustment, "value");
  g_settings_unbind (self->confirm_adjustment, "value");
  g_settings_unbind (self->downscale_check, "active");
}

/* GObject --------------------------------------------------------------------------------- */

static void
bind_settings (AugurPreferencesWindow *self)
{
  GSettings *settings = augur_context_get_settings (self->context);
  g_autofree char *base_url = NULL;

  if (settings == NULL)
    return;

  base_url = g_settings_get_string (settings, "base-url");
  gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), base_url);
  g_settings_bind (settings, "request-timeout", self->timeout_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::request-timeout",
                           G_CALLBACK (timeout_changed_cb), self, G_CONNECT_SWAPPED);
  bind_batch_settings (self, settings);
}

static void
augur_preferences_window_constructed (GObject *object)
{
  AugurPreferencesWindow *self = AUGUR_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (augur_preferences_window_parent_class)->constructed (object);

  g_assert (AUGUR_IS_CONTEXT (self->context));

  bind_settings (self);
  g_signal_connect_object (self->context, "changed",
                           G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  update_rows (self);
}

static void
augur_preferences_window_dispose (GObject *object)
{
  AugurPreferencesWindow *self = AUGUR_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->test_cancellable);
  g_clear_object (&self->test_cancellable);
  if (self->ca_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->ca_chooser));
  g_clear_object (&self->ca_chooser);
  if (self->context != NULL && augur_context_get_settings (self->context) != NULL)
    {
      g_settings_unbind (self->timeout_adjustment, "value");
      unbind_batch_settings (self);
    }
  g_clear_object (&self->context);

  G_OBJECT_CLASS (augur_preferences_window_parent_class)->dispose (object);
}

static void
augur_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AugurPreferencesWindow *self = AUGUR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AugurPreferencesWindow *self = AUGUR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
augur_preferences_window_class_init (AugurPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = augur_preferences_window_constructed;
  object_class->dispose = augur_preferences_window_dispose;
  object_class->get_property = augur_preferences_window_get_property;
  object_class->set_property = augur_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AUGUR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/augur/Augur/augur-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, token_state_label);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, token_note_row);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, keyring_label);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, base_url_note_row);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, root_ca_row);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, root_ca_clear_button);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, root_ca_note_row);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, timeout_row);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, timeout_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, test_button);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, test_result_box);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, test_status_label);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, test_choose_ca_button);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, batches_page);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, in_flight_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, confirm_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, downscale_check);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, longest_side_row);
  gtk_widget_class_bind_template_child (widget_class, AugurPreferencesWindow, longest_side_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, token_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, token_link_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, base_url_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_ca_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, root_ca_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked_cb);
}

static void
augur_preferences_window_init (AugurPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self->downscale_check, "active", self->longest_side_row, "sensitive",
                          G_BINDING_SYNC_CREATE);
}

GtkWidget *
augur_preferences_window_new (AugurContext *context)
{
  g_return_val_if_fail (AUGUR_IS_CONTEXT (context), NULL);

  return g_object_new (AUGUR_TYPE_PREFERENCES_WINDOW, "context", context, NULL);
}
