/* augur-window-golden.c: golden sets in the window. The user pins the current inputs to
 * the model; when the server's newest version is one the set has not run on, a bar says so
 * and one click compares the old and the new version on the set, showing only what changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-window-golden"

#include <glib/gi18n.h>

#include "augur-window-private.h"

/* The concrete version "latest" stands for now: the newest listed. */
static char *
dup_latest_version (AugurWindow *self)
{
  GListModel *versions = augur_model_picker_get_versions (self->model_picker);
  g_autoptr(AugurModelVersion) newest = NULL;

  if (versions == NULL || g_list_model_get_n_items (versions) == 0)
    return NULL;
  newest = g_list_model_get_item (versions, 0);
  return g_strdup (augur_model_version_get_id (newest));
}

static char *
short_id (const char *version_id)
{
  return g_strndup (version_id, 8);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!augur_golden_sets_save_finish (AUGUR_GOLDEN_SETS (source), result, &error))
    _augur_window_show_error (self, error);
}

static void
save_sets (AugurWindow *self)
{
  augur_golden_sets_save_async (self->golden_sets, NULL, saved_cb, g_object_ref (self));
}

void
_augur_window_check_golden (AugurWindow *self)
{
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);
  g_autofree char *key = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *offer = NULL;
  g_autofree char *was = NULL;
  g_autofree char *now = NULL;
  g_autofree char *text = NULL;
  const AugurGoldenSet *set;

  if (ref == NULL || self->golden_sets == NULL)
    return;
  key = augur_model_ref_to_model_string (ref);
  set = augur_golden_sets_lookup (self->golden_sets, key);
  latest = dup_latest_version (self);
  if (set == NULL || latest == NULL || !augur_golden_set_has_new_version (set, latest))
    return;
  if (set->known_version_id == NULL)
    {
      /* Pinned before any version was known: this one is the baseline. */
      augur_golden_sets_set_known_version (self->golden_sets, key, latest);
      save_sets (self);
      return;
    }

  /* Asked once per change of version: dismissing the bar is an answer. */
  offer = g_strdup_printf ("%s@%s@%s", key, set->known_version_id, latest);
  if (g_strcmp0 (offer, self->golden_offered) == 0)
    return;
  g_free (self->golden_offered);
  self->golden_offered = g_steal_pointer (&offer);

  was = short_id (set->known_version_id);
  now = short_id (latest);
  /* Translators: "A new version of this model is out: 3f2a1b2c (your golden set last ran on
   * 0a1b2c3d). Compare both on its 12 inputs?" */
  text = g_strdup_printf (ngettext ("A new version of this model is out: %s (your golden set last ran on %s). Compare both on its %u input?",
                                    "A new version of this model is out: %s (your golden set last ran on %s). Compare both on its %u inputs?",
                                    set->sources->len),
                          now, was, set->sources->len);
  gtk_label_set_text (self->golden_label, text);
  gtk_info_bar_set_revealed (self->golden_bar, TRUE);
}

static void
golden_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AugurWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!augur_golden_sets_load_finish (AUGUR_GOLDEN_SETS (source), result, &error))
    {
      _augur_window_show_error (self, error);
      return;
    }
  _augur_window_check_golden (self);
}

static void
versions_changed_cb (AugurWindow *self)
{
  _augur_window_check_golden (self);
}

void
_augur_window_setup_golden (AugurWindow *self)
{
  self->golden_sets = augur_golden_sets_new (NULL);
  augur_golden_sets_load_async (self->golden_sets, NULL, golden_loaded_cb, g_object_ref (self));
  g_signal_connect_object (augur_model_picker_get_versions (self->model_picker), "items-changed",
                           G_CALLBACK (versions_changed_cb), self, G_CONNECT_SWAPPED);
}

static char *
input_source (AugurInput *input)
{
  GFile *file = augur_input_get_file (input);

  if (file != NULL)
    return g_file_get_path (file);
  if (augur_input_get_url (input) != NULL && augur_input_is_image (input))
    return g_strdup (augur_input_get_url (input));
  return NULL;
}

/* Pins the image inputs in the grid to the current model; the newest version is what the
 * set counts as run on. Pasted images have no path to come back to, so they are left out. */
void
_augur_window_pin_golden (AugurWindow *self)
{
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);
  GListModel *items = augur_input_grid_get_items (self->input_grid);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *key = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *text = NULL;
  guint n_left_out = 0;

  if (ref == NULL || self->golden_sets == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AugurInput) input = g_list_model_get_item (items, i);
      char *source = input_source (input);

      if (source != NULL)
        g_ptr_array_add (sources, source);
      else
        n_left_out++;
    }
  if (sources->len == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Only files and image links can be pinned")));
      return;
    }

  key = augur_model_ref_to_model_string (ref);
  latest = dup_latest_version (self);
  augur_golden_sets_pin (self->golden_sets, key, sources, latest);
  save_sets (self);

  if (n_left_out > 0)
    text = g_strdup_printf (ngettext ("Golden set of %u input pinned; %u pasted input left out",
                                      "Golden set of %u inputs pinned; %u pasted inputs left out",
                                      sources->len),
                            sources->len, n_left_out);
  else
    text = g_strdup_printf (ngettext ("Golden set of %u input pinned to this model",
                                      "Golden set of %u inputs pinned to this model",
                                      sources->len),
                            sources->len);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static AugurInput *
input_for_source (const char *source)
{
  g_autoptr(GFile) file = NULL;

  if (augur_text_is_http_url (source))
    return augur_input_new_image_url (source);
  file = g_file_new_for_path (source);
  return augur_input_new_file (file);
}

/* The old version against the new one on the set's inputs; only what changed is shown
 * when the run ends, and the new version becomes the one the set is known to have run on. */
void
_augur_window_rerun_golden (AugurWindow *self)
{
  g_autoptr(AugurModelRef) ref = augur_model_picker_dup_ref (self->model_picker);
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func ((GDestroyNotify) augur_model_ref_free);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *key = NULL;
  g_autofree char *latest = NULL;
  const AugurGoldenSet *set;

  if (ref == NULL || self->golden_sets == NULL || self->cancellable != NULL)
    return;
  key = augur_model_ref_to_model_string (ref);
  set = augur_golden_sets_lookup (self->golden_sets, key);
  latest = dup_latest_version (self);
  if (set == NULL || latest == NULL)
    return;

  g_ptr_array_add (refs, augur_model_ref_with_version (ref, set->known_version_id));
  g_ptr_array_add (refs, augur_model_ref_with_version (ref, latest));
  for (guint i = 0; i < set->sources->len; i++)
    g_ptr_array_add (inputs, input_for_source (g_ptr_array_index (set->sources, i)));

  augur_compare_columns_set_refs (self->compare_columns, refs);
  _augur_window_set_compare_mode (self, TRUE);
  augur_input_grid_clear (self->input_grid);
  augur_input_grid_add_inputs (self->input_grid, inputs);
  _augur_window_start_compare (self, TRUE);

  augur_golden_sets_set_known_version (self->golden_sets, key, latest);
  save_sets (self);
}
