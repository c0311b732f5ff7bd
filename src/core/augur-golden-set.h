/* augur-golden-set.h: golden sets — inputs a user pinned to a model, with the version
 * "latest" meant when they were last run. When the server's latest version changes, the
 * window offers to re-run the set on the old and the new version and show what changed.
 * Kept as one JSON file (XDG data dir, augur/golden-sets.json); read and written off the
 * main thread; a corrupt file is reported, never fatal, and never overwritten silently:
 * after a failed load the store is empty and a save writes nothing until something is
 * pinned, unpinned or updated (then the new contents replace the file).
 * Signal "changed" (no arguments): a set was pinned, unpinned or updated, or a load
 * replaced the sets. Sources are stored exactly as given; the file never holds a token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "augur-core-types.h"

G_BEGIN_DECLS

/**
 * AugurGoldenSet:
 * @model_ref: "user/app/model", no version
 * @sources: (element-type utf8): the inputs, as absolute file paths or http(s) URLs, in order
 * @known_version_id: (nullable): the concrete version "latest" was when last run
 * @pinned_at: when the set was pinned (Unix seconds, UTC)
 */
typedef struct
{
  char      *model_ref;
  GPtrArray *sources;
  char      *known_version_id;
  gint64     pinned_at;
} AugurGoldenSet;

AugurGoldenSet *augur_golden_set_copy (const AugurGoldenSet *set);
void            augur_golden_set_free (AugurGoldenSet       *set);
/* Whether @latest_version_id is a version the set was not run on yet. */
gboolean        augur_golden_set_has_new_version (const AugurGoldenSet *set,
                                                  const char           *latest_version_id);

#define AUGUR_TYPE_GOLDEN_SETS (augur_golden_sets_get_type ())
G_DECLARE_FINAL_TYPE (AugurGoldenSets, augur_golden_sets, AUGUR, GOLDEN_SETS, GObject)

/* @path: (nullable): the file; NULL means $XDG_DATA_HOME/augur/golden-sets.json */
AugurGoldenSets      *augur_golden_sets_new         (const char          *path);
const char           *augur_golden_sets_get_path    (AugurGoldenSets     *self);
/* Reads the file in a thread. A missing file is an empty store, not an error. */
void                  augur_golden_sets_load_async  (AugurGoldenSets     *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean              augur_golden_sets_load_finish (AugurGoldenSets     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* Writes atomically (temporary file + rename) in a thread. */
void                  augur_golden_sets_save_async  (AugurGoldenSets     *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean              augur_golden_sets_save_finish (AugurGoldenSets     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* (nullable) (transfer none): the set pinned to @model_ref ("user/app/model"), valid until
 * the store next changes (copy it with augur_golden_set_copy() to keep it). */
const AugurGoldenSet *augur_golden_sets_lookup      (AugurGoldenSets     *self,
                                                     const char          *model_ref);
/* Pins @sources (element-type utf8) to @model_ref, replacing any earlier set. */
void                  augur_golden_sets_pin         (AugurGoldenSets     *self,
                                                     const char          *model_ref,
                                                     GPtrArray           *sources,
                                                     const char          *known_version_id);
void                  augur_golden_sets_unpin       (AugurGoldenSets     *self,
                                                     const char          *model_ref);
void                  augur_golden_sets_set_known_version (AugurGoldenSets *self,
                                                     const char          *model_ref,
                                                     const char          *version_id);
/* (transfer full) (element-type utf8): model refs with a set, sorted. */
GPtrArray            *augur_golden_sets_list        (AugurGoldenSets     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AugurGoldenSet, augur_golden_set_free)

G_END_DECLS
