/* augur-gui-bench.c: the real window on a big folder against the bench server: throughput
 * versus the ideal for the server's delay, peak RSS, and the longest main-loop stall.
 *
 * Run by bench/run-gui-bench.sh, which starts augur-bench-server and sets CLARIFAI_PAT,
 * CLARIFAI_API_BASE, GSETTINGS_BACKEND=memory and fresh XDG dirs. Usage:
 *
 *   augur-gui-bench --images DIR --delay-ms MS
 *
 * The folder goes in the way a drop does (augur_window_add_files: scanned in a worker thread),
 * the run starts as "win.predict" does (augur_window_predict). While the run goes, a 10 ms
 * timer on the main context records how late each tick is (interval − 10 ms): the longest
 * lateness is the longest main-loop stall. With G_MESSAGES_DEBUG=augur-gui-bench, every stall
 * over 50 ms is logged with its time since the start of the run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-gui-bench"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "augur-window-private.h"

#define MODEL_ID   "clarifai/main/general-image-recognition"
#define TICK_MS    10
#define PER_REQUEST 128

typedef gboolean (*Condition) (AugurWindow *window);

typedef struct
{
  gint64  start_us;
  gint64  last_us;
  gint64  max_late_us;
  GArray *late_us;     /* gint64 per tick */
} Ticker;

static guint expected_n;

static gboolean
keep_going (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main context until @condition holds; exits after @timeout_s seconds. */
static void
wait_until (AugurWindow *window,
            Condition    condition,
            const char  *what,
            int          timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;
  guint wakeup = g_timeout_add (50, keep_going, NULL);  /* re-check the condition */

  while (!condition (window))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_printerr ("augur-gui-bench: timed out waiting for %s\n", what);
          exit (1);
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wakeup);
}

static gboolean
model_loaded (AugurWindow *window)
{
  return augur_model_picker_get_model (window->model_picker) != NULL &&
         !augur_model_picker_is_loading (window->model_picker);
}

static gboolean
grid_full (AugurWindow *window)
{
  return g_list_model_get_n_items (augur_input_grid_get_items (window->input_grid)) >= expected_n;
}

static gboolean
run_done (AugurWindow *window)
{
  return !augur_window_is_busy (window);
}

static gboolean
tick_cb (gpointer user_data)
{
  Ticker *ticker = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 late = MAX (0, now - ticker->last_us - TICK_MS * 1000);

  g_array_append_val (ticker->late_us, late);
  /* The monotonic time matches `perf record -k CLOCK_MONOTONIC` timestamps. */
  if (late > 50 * 1000)
    g_debug ("stall of %.1f ms ending at +%.3f s (monotonic %.6f s)", late / 1000.0,
             (now - ticker->start_us) / (double) G_USEC_PER_SEC, now / (double) G_USEC_PER_SEC);
  ticker->max_late_us = MAX (ticker->max_late_us, late);
  ticker->last_us = now;
  return G_SOURCE_CONTINUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

/* VmHWM of this process, in kB. */
static guint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) : 0;
}

static guint
count_results (AugurWindow *window)
{
  guint n = 0;

  if (window->run_results == NULL)
    return 0;
  for (guint i = 0; i < window->run_results->len; i++)
    if (g_ptr_array_index (window->run_results, i) != NULL)
      n++;
  return n;
}

static guint
count_images (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".jpg"))
      n++;
  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *images = NULL;
  int delay_ms = 0;
  GOptionEntry entries[] = {
    { "images", 0, 0, G_OPTION_ARG_FILENAME, &images, "Folder of JPEGs", "DIR" },
    { "delay-ms", 0, 0, G_OPTION_ARG_INT, &delay_ms, "The bench server's delay", "MS" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("- the window on a big folder");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(AugurContext) context = NULL;
  g_autoptr(AugurModelRef) ref = NULL;
  g_autoptr(GPtrArray) files = NULL;
  AugurWindow *window;
  Ticker ticker = { 0 };
  guint tick_source;
  guint in_flight, results;
  gint64 start_us, end_us;
  double secs, rate, ideal, p99_ms;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || images == NULL || delay_ms <= 0)
    {
      g_printerr ("usage: augur-gui-bench --images DIR --delay-ms MS%s%s\n",
                  error != NULL ? ": " : "", error != NULL ? error->message : "");
      return 2;
    }
  expected_n = count_images (images);
  if (expected_n == 0)
    {
      g_printerr ("augur-gui-bench: no .jpg files in %s\n", images);
      return 2;
    }

  gtk_init ();
  adw_init ();

  settings = g_settings_new ("io.github.augur.Augur");
  g_settings_set_uint (settings, "confirm-above-inputs", 0);
  in_flight = g_settings_get_uint (settings, "requests-in-flight");
  context = augur_context_new (settings, NULL);
  window = g_object_ref_sink (augur_window_new (NULL, context));
  gtk_window_present (GTK_WINDOW (window));

  ref = augur_model_ref_parse (MODEL_ID, NULL);
  augur_window_select_model (window, ref);
  wait_until (window, model_loaded, "the model to load", 30);
  if (g_strcmp0 (augur_window_get_page (window), "main") != 0)
    {
      g_printerr ("augur-gui-bench: the window shows page %s, not main (no token?)\n",
                  augur_window_get_page (window));
      return 1;
    }

  files = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (files, g_file_new_for_path (images));
  augur_window_add_files (window, files);
  wait_until (window, grid_full, "the folder to show in the grid", 300);

  ticker.late_us = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 4096);
  ticker.last_us = ticker.start_us = g_get_monotonic_time ();
  tick_source = g_timeout_add (TICK_MS, tick_cb, &ticker);

  start_us = g_get_monotonic_time ();
  augur_window_predict (window);
  if (!augur_window_is_busy (window))
    {
      g_printerr ("augur-gui-bench: the window did not start a prediction\n");
      return 1;
    }
  wait_until (window, run_done, "the run to finish", 3600);
  end_us = g_get_monotonic_time ();
  g_source_remove (tick_source);

  results = count_results (window);
  secs = (end_us - start_us) / (double) G_USEC_PER_SEC;
  rate = expected_n / secs;
  ideal = in_flight * PER_REQUEST / (delay_ms / 1000.0);
  g_array_sort (ticker.late_us, compare_gint64);
  p99_ms = ticker.late_us->len > 0
             ? g_array_index (ticker.late_us, gint64, (ticker.late_us->len - 1) * 99 / 100) / 1000.0
             : 0;

  printf ("     N  results     wall   inputs/s    ideal/s   ratio  peak MB  max stall  p99 late  ticks\n");
  printf ("%6u  %7u  %7.2f s  %7.1f/s  %7.1f/s  %6.3f  %7.1f  %6.1f ms  %5.1f ms  %5u\n",
          expected_n, results, secs, rate, ideal, rate / ideal, peak_rss_kb () / 1024.0,
          ticker.max_late_us / 1000.0, p99_ms, ticker.late_us->len);
  fflush (stdout);

  g_array_unref (ticker.late_us);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  return results == expected_n ? 0 : 1;
}
