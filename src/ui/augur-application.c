/* augur-application.c: startup, app actions, and `augur [MODEL] [FILE|URL…]`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-application"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "augur-application.h"
#include "augur-preferences-window.h"
#include "augur-window.h"

struct _AugurApplication
{
  AdwApplication  parent_instance;

  AugurContext   *context;   /* (owned) */
};

G_DEFINE_FINAL_TYPE (AugurApplication, augur_application, ADW_TYPE_APPLICATION)

static AugurWindow *
get_or_create_window (AugurApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (augur_window_new (self, self->context));
  return AUGUR_WINDOW (window);
}

static void
augur_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_or_create_window (AUGUR_APPLICATION (app))));
}

/* The first argument is a model when it reads as one (a model URL or user/app/model);
 * every other argument is a file or an image URL to add as input. */
static int
augur_application_command_line (GApplication            *app,
                                GApplicationCommandLine *command_line)
{
  AugurApplication *self = AUGUR_APPLICATION (app);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AugurModelRef) ref = NULL;
  AugurWindow *window;
  int argc, first = 1;

  argv = g_application_command_line_get_arguments (command_line, &argc);

  if (argc > 1)
    {
      g_autoptr(GError) error = NULL;
      gboolean looks_like_path = g_file_test (argv[1], G_FILE_TEST_EXISTS);

      if (!looks_like_path)
        ref = augur_model_ref_parse (argv[1], &error);
      if (ref != NULL)
        first = 2;
    }

  for (int i = first; i < argc; i++)
    {
      if (augur_text_is_http_url (argv[i]))
        g_ptr_array_add (inputs, augur_input_new_image_url (argv[i]));
      else
        {
          g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, argv[i]);
          g_ptr_array_add (inputs, augur_input_new_file (file));
        }
    }

  window = get_or_create_window (self);
  if (ref != NULL)
    augur_window_select_model (window, ref);
  if (inputs->len > 0)
    augur_window_add_inputs (window, inputs);
  gtk_window_present (GTK_WINDOW (window));

  return EXIT_SUCCESS;
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  AugurApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *prefs = GTK_WINDOW (augur_preferences_window_new (self->context));

  gtk_window_set_transient_for (prefs, parent);
  gtk_window_present (prefs);
}

static char *
build_debug_info (void)
{
  return g_strdup_printf ("Augur %s\n"
                          "GLib %u.%u.%u (built with %u.%u.%u)\n"
                          "GTK %u.%u.%u (built with %u.%u.%u)\n"
                          "libadwaita %u.%u.%u (built with %u.%u.%u)\n"
                          "libsoup %u.%u.%u\n",
                          PACKAGE_VERSION,
                          glib_major_version, glib_minor_version, glib_micro_version,
                          GLIB_MAJOR_VERSION, GLIB_MINOR_VERSION, GLIB_MICRO_VERSION,
                          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                          GTK_MAJOR_VERSION, GTK_MINOR_VERSION, GTK_MICRO_VERSION,
                          adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                          ADW_MAJOR_VERSION, ADW_MINOR_VERSION, ADW_MICRO_VERSION,
                          soup_get_major_version (), soup_get_minor_version (), soup_get_micro_version ());
}

static void
show_about (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  AugurApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *debug_info = build_debug_info ();
  const char *developers[] = { "The Augur developers", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Augur"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Augur developers"),
                         "developers", developers,
                         "website", "https://github.com/augur-app/augur",
                         "issue-url", "https://github.com/augur-app/augur/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Try AI models on your images and text without writing code"),
                         "debug-info", debug_info,
                         /* Translators: your name and address, one translator per line */
                         "translator-credits", _("translator-credits"),
                         "debug-info-filename", "augur-debug-info.txt",
                         NULL);
}

static void
quit_app (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (app);
}

static const GActionEntry app_actions[] = {
  { "preferences", show_preferences },
  { "about", show_about },
  { "quit", quit_app },
};

static void
augur_application_startup (GApplication *app)
{
  AugurApplication *self = AUGUR_APPLICATION (app);
  g_autoptr(GSettings) settings = NULL;
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *predict_accels[] = { "<Control>Return", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *paste_accels[] = { "<Control>v", NULL };
  static const char *cancel_accels[] = { "Escape", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (augur_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.predict", predict_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.paste", paste_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.cancel", cancel_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_accels);

  settings = g_settings_new ("io.github.augur.Augur");
  self->context = augur_context_new (settings, NULL);
}

static void
augur_application_dispose (GObject *object)
{
  AugurApplication *self = AUGUR_APPLICATION (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (augur_application_parent_class)->dispose (object);
}

static void
augur_application_class_init (AugurApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = augur_application_dispose;
  app_class->activate = augur_application_activate;
  app_class->command_line = augur_application_command_line;
  app_class->startup = augur_application_startup;
}

static void
augur_application_init (AugurApplication *self)
{
}

AugurApplication *
augur_application_new (void)
{
  return g_object_new (AUGUR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/augur/Augur",
                       NULL);
}

AugurContext *
augur_application_get_context (AugurApplication *self)
{
  g_return_val_if_fail (AUGUR_IS_APPLICATION (self), NULL);
  return self->context;
}
