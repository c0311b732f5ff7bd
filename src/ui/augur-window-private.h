/* augur-window-private.h: shared between augur-window.c, -actions.c and -dnd.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "augur-batch-view.h"
#include "augur-compare-columns.h"
#include "augur-compare-strip.h"
#include "augur-compare-table.h"
#include "augur-compare-view.h"
#include "augur-controls-panel.h"
#include "augur-input-grid.h"
#include "augur-model-picker.h"
#include "augur-request-view.h"
#include "augur-run-recorder.h"
#include "augur-window.h"

G_BEGIN_DECLS

typedef struct _AugurCompareSession AugurCompareSession;

struct _AugurWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *main_stack;
  GtkPasswordEntry     *token_entry;
  AugurModelPicker     *model_picker;
  GtkButton            *predict_button;
  GtkButton            *cancel_button;
  GtkLabel             *estimate_label;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  AugurInputGrid       *input_grid;
  GtkLabel             *results_heading;
  GtkBox               *results_box;
  GtkStack             *results_stack;
  GtkStackSwitcher     *results_switcher;
  AugurBatchView       *batch_view;
  AugurControlsPanel   *controls_panel;
  AugurRequestView     *request_view;
  GtkRevealer          *compare_revealer;
  AugurCompareColumns  *compare_columns;
  AugurCompareView     *compare_view;
  AugurCompareStrip    *compare_strip;
  AugurCompareTable    *compare_table;
  GtkInfoBar           *golden_bar;
  GtkLabel             *golden_label;

  /* Owned */
  AugurContext         *context;
  AugurClient          *followed_client; /* (weak) whose replies the request view shows */
  GCancellable         *cancellable;     /* the running prediction (nullable) */
  AugurBatch           *batch;           /* the running or last prediction (nullable) */
  AugurSettings        *batch_settings;  /* what that prediction sent (nullable) */
  AugurRunRecorder     *recorder;        /* the run journal of that prediction (nullable) */
  gint64                batch_started_us;
  guint                 confirmed_n;     /* the run size the user agreed to send */
  GPtrArray            *last_skipped;    /* AugurSkippedFile of the last drop (nullable) */
  AugurGroundTruth     *ground_truth;    /* label subfolders of the last dropped folder (nullable) */
  GArray               *index_map;       /* batch index -> run index when resending (nullable) */
  GPtrArray            *run_inputs;      /* the run's inputs, NULL where not available again */
  GPtrArray            *run_results;     /* AugurPrediction per run index, NULL until finished */
  char                 *run_path;        /* the run's journal file, once created (nullable) */
  char                 *run_version_id;  /* the concrete version asked, for cache keys (nullable) */
  AugurResultCache     *cache;           /* (nullable) created on first use */
  GCancellable         *preview_cancellable;
  guint                 preview_source;
  char                 *controls_key;    /* model@version whose controls are shown */
  gint64                started_at;

  /* Compare mode */
  gboolean              compare_mode;
  AugurCompareSession  *compare;         /* the running or last comparison (nullable) */
  AugurGoldenSets      *golden_sets;     /* (nullable) until loaded */
  char                 *golden_offered;  /* model@latest already offered, so it is asked once */

  /* Batch pipeline */
  struct _AugurWindowPipeline *pipeline; /* (owned) see _augur_window_get_pipeline() */
};

/* Many inputs read better as a table; a few as cards (either a click away). */
#define TABLE_ABOVE_INPUTS 12

/* GPtrArray calls its free function on NULL slots too; run arrays have NULL slots. */
static inline void
_augur_unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* augur-window-actions.c */
void _augur_window_class_add_actions (GtkWidgetClass *widget_class);
void _augur_window_actions_update    (AugurWindow    *self);

/* augur-window-dnd.c */
void _augur_window_setup_dnd         (AugurWindow    *self);
void _augur_window_paste             (AugurWindow    *self);
void _augur_window_handle_text       (AugurWindow    *self,
                                      const char     *text);

/* augur-window-predict.c */
void _augur_window_start_prediction  (AugurWindow    *self);
void _augur_window_retry_failed      (AugurWindow    *self);
void _augur_window_update_estimate   (AugurWindow    *self);
guint _augur_window_count_unfinished (AugurWindow    *self);
void _augur_window_open_run          (AugurWindow    *self,
                                      AugurRun       *run);

void _augur_window_fill_table        (AugurWindow     *self);
void _augur_window_show_result       (AugurWindow     *self,
                                      guint            index,
                                      AugurPrediction *prediction);
void _augur_window_launch            (AugurWindow    *self,
                                      AugurModelRef  *ref,
                                      GArray         *indices);
/* What the server is asked for, from the controls' settings (see augur-window-predict.c) */
AugurSettings *_augur_window_settings_for_request (AugurWindow   *self,
                                                   AugurSettings *user);

/* augur-window-preview.c */
void _augur_window_queue_preview     (AugurWindow    *self);

/* augur-window-cache.c */
void _augur_window_predict_cached    (AugurWindow    *self,
                                      AugurModelRef  *ref);
void _augur_window_cache_result      (AugurWindow     *self,
                                      guint            index,
                                      AugurPrediction *prediction);

/* augur-window-evaluate.c */
void _augur_window_detect_ground_truth (AugurWindow  *self,
                                        GPtrArray    *files);
void _augur_window_show_evaluation     (AugurWindow  *self);

/* augur-window-compare.c */
void     _augur_compare_session_free    (AugurCompareSession *session);
void     _augur_window_setup_compare    (AugurWindow    *self);
gboolean _augur_window_get_compare_mode (AugurWindow    *self);
void     _augur_window_set_compare_mode (AugurWindow    *self,
                                         gboolean        compare);
void     _augur_window_start_compare    (AugurWindow    *self,
                                         gboolean        only_changes);
void     _augur_window_open_compare_run (AugurWindow    *self,
                                         AugurRun       *run);
gboolean _augur_window_has_comparison   (AugurWindow    *self);
void     _augur_window_apply_compare_filter (AugurWindow *self);
guint    _augur_window_count_compare_unfinished (AugurWindow *self);
void     _augur_window_retry_compare    (AugurWindow    *self);
void     _augur_window_export_compare   (AugurWindow    *self);
void     _augur_window_export_compare_to (AugurWindow   *self,
                                         GFile          *file);

/* augur-window-compare.c: reading the session */
GPtrArray       *_augur_compare_session_get_columns    (AugurCompareSession *session);
AugurComparison *_augur_compare_session_get_comparison (AugurCompareSession *session,
                                                        guint                index);
AugurInput      *_augur_compare_session_get_input      (AugurCompareSession *session,
                                                        guint                index);
guint            _augur_compare_session_get_n_inputs   (AugurCompareSession *session);

/* augur-window-compare-export.c */
void     _augur_window_show_comparison  (AugurWindow    *self,
                                         guint           index);

/* augur-window-golden.c */
void _augur_window_setup_golden      (AugurWindow    *self);
void _augur_window_check_golden      (AugurWindow    *self);
void _augur_window_pin_golden        (AugurWindow    *self);
void _augur_window_rerun_golden      (AugurWindow    *self);

/* augur-window-runs.c */
void _augur_window_open_journal      (AugurWindow    *self,
                                      AugurModelRef  *ref,
                                      AugurSettings  *settings,
                                      GPtrArray      *inputs);
void _augur_window_offer_resume      (AugurWindow    *self);
void _augur_window_offer_to_send_missing (AugurWindow *self,
                                          const char  *text);
void _augur_window_show_history      (AugurWindow    *self);
void _augur_window_apply_filters     (AugurWindow    *self);
void _augur_window_show_error        (AugurWindow    *self,
                                      const GError   *error);

/* augur-window-predict.c (pipeline) */
typedef struct _AugurRunCache AugurRunCache;
typedef struct _AugurWindowPipeline AugurWindowPipeline;

/* What a prediction run keeps besides the fields above: results on their way to the table,
 * and the run's cache lookups and stores (augur-window-cache.c). */
struct _AugurWindowPipeline
{
  AugurRunCache *run_cache;       /* (nullable) the current run's, shared with worker threads */
  GQueue         pending;         /* AugurPrediction: finished, not shown yet (index = run index) */
  guint          flush_source;    /* shows pending results a slice at a time */
  gboolean       progress_dirty;  /* a "progress" not shown yet */
  guint          progress_done;
  guint          progress_failed;
  guint          progress_total;
  gint64         progress_shown_us; /* when the progress line last changed */
  guint          n_cached;        /* results of this launch that came from the cache */
  GPtrArray     *unfilled;        /* (nullable) AugurBatchRow: rows not in the table yet */
  guint          fill_source;     /* adds them a few at a time */
};

AugurWindowPipeline *_augur_window_get_pipeline   (AugurWindow    *self);
void _augur_window_flush_results     (AugurWindow    *self);

/* augur-window-cache.c (pipeline) */
void _augur_run_cache_unref          (AugurRunCache  *run_cache);
void _augur_window_forget_run_cache  (AugurWindow    *self);
void _augur_window_setup_lookups     (AugurWindow    *self,
                                      AugurBatch     *batch);
void _augur_window_report_cached     (AugurWindow    *self);

/* augur-window-runs.c (pipeline) */
void _augur_window_journal_result    (AugurWindow     *self,
                                      guint            index,
                                      AugurPrediction *prediction);
void _augur_window_close_journal     (AugurWindow     *self,
                                      AugurRunState    state);

G_END_DECLS
