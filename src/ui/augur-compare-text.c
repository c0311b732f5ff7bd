/* augur-compare-text.c: one column per compared model, each with its name, a stats line and
 * its text. Words a column adds over the first column are highlighted in it; words of the
 * first column that another column lacks are struck through in the first column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "augur-compare-text"

#include <string.h>

#include <glib/gi18n.h>

#include "augur-compare-colors.h"
#include "augur-compare-text.h"

#define TAG_INSERTED "inserted"
#define TAG_REMOVED  "removed"
/* The scrolled area grows with the texts up to this height, then scrolls. */
#define MAX_CONTENT_HEIGHT 480
/* Narrow enough for four columns in a card, wide enough for a few words a line. */
#define MIN_COLUMN_WIDTH   120

typedef struct
{
  GtkWidget   *box;
  GtkLabel    *name_label;
  GtkButton   *copy_button;
  GtkLabel    *stats_label;
  GtkStack    *stack;
  GtkTextView *text_view;
  GtkLabel    *error_label;
  GtkSpinner  *spinner;
} Column;

/* A run of bytes of a column's text to highlight. */
typedef struct
{
  gsize start;
  gsize end;
} Range;

struct _AugurCompareText
{
  GtkWidget        parent_instance;

  /* Children */
  GtkWidget       *scrolled_window;
  GtkWidget       *columns_box;
  Column           columns[AUGUR_COMPARE_MAX_COLUMNS];

  /* Owned */
  AugurComparison *comparison;                          /* (nullable) */
  char            *names[AUGUR_COMPARE_MAX_COLUMNS];
  char            *stats[AUGUR_COMPARE_MAX_COLUMNS];
  guint            n_changed[AUGUR_COMPARE_MAX_COLUMNS];

  guint            n_columns;
};

G_DEFINE_FINAL_TYPE (AugurCompareText, augur_compare_text, GTK_TYPE_WIDGET)

/* Highlighted ranges ------------------------------------------------------------------- */

static void
add_range (GArray *ranges,
           gsize   start,
           gsize   end)
{
  Range range = { start, end };

  if (end > start)
    g_array_append_val (ranges, range);
}

/* Where @side's segments lie in that side's text: column k's insertions (AUGUR_DIFF_INSERT)
 * or column 0's deletions (AUGUR_DIFF_DELETE), as augur_word_diff_side() rebuilds it. */
static void
add_segment_ranges (GArray      *ranges,
                    GPtrArray   *segments,
                    AugurDiffOp  side)
{
  gsize offset = 0;

  for (guint i = 0; segments != NULL && i < segments->len; i++)
    {
      const AugurDiffSegment *segment = g_ptr_array_index (segments, i);
      gsize len = strlen (segment->text);

      if (segment->op == AUGUR_DIFF_EQUAL)
        offset += len;
      else if (segment->op == side)
        {
          add_range (ranges, offset, offset + len);
          offset += len;
        }
    }
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *x = a;
  const Range *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/* Column 0's deletions come from one diff per other column: merge them into one set. */
static void
merge_ranges (GArray *ranges)
{
  guint n = 0;

  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      Range *range = &g_array_index (ranges, Range, i);
      Range *last = n > 0 ? &g_array_index (ranges, Range, n - 1) : NULL;

      if (last != NULL && range->start <= last->end)
        last->end = MAX (last->end, range->end);
      else
        g_array_index (ranges, Range, n++) = *range;
    }
  g_array_set_size (ranges, n);
}

/* A space between two changed words belongs to the change, but highlighting it at the edges
 * of a run only makes the run look ragged. */
static void
trim_ranges (GArray     *ranges,
             const char *text)
{
  guint n = 0;

  for (guint i = 0; i < ranges->len; i++)
    {
      Range range = g_array_index (ranges, Range, i);

      while (range.start < range.end && g_ascii_isspace (text[range.start]))
        range.start++;
      while (range.end > range.start && g_ascii_isspace (text[range.end - 1]))
        range.end--;
      if (range.end > range.start)
        g_array_index (ranges, Range, n++) = range;
    }
  g_array_set_size (ranges, n);
}

/* Returns: (transfer full): the ranges of column @column's text to highlight, in order */
static GArray *
compute_ranges (AugurComparison *comparison,
                guint            column)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  const char *text = augur_comparison_get_text (comparison, column);

  if (column > 0)
    add_segment_ranges (ranges, augur_comparison_get_text_diff (comparison, column),
                        AUGUR_DIFF_INSERT);
  else
    for (guint k = 1; k < augur_comparison_get_n_columns (comparison); k++)
      add_segment_ranges (ranges, augur_comparison_get_text_diff (comparison, k),
                          AUGUR_DIFF_DELETE);

  merge_ranges (ranges);
  if (text != NULL)
    trim_ranges (ranges, text);
  return ranges;
}

static guint
count_range_words (const char *text,
                   GArray     *ranges)
{
  guint n = 0;

  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *range = &g_array_index (ranges, Range, i);
      g_autofree char *run = g_strndup (text + range->start, range->end - range->start);

      n += augur_word_count (run);
    }
  return n;
}

/* Buffer ------------------------------------------------------------------------------- */

/* A text buffer takes only valid UTF-8; a model's output may not be. */
static void
insert_run (GtkTextBuffer *buffer,
            const char    *text,
            gsize          len,
            const char    *tag)
{
  g_autofree char *valid = NULL;
  GtkTextIter end;

  if (len == 0)
    return;
  valid = g_utf8_make_valid (text, len);
  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, valid, -1, tag, NULL);
  else
    gtk_text_buffer_insert (buffer, &end, valid, -1);
}

static void
fill_buffer (GtkTextBuffer *buffer,
             const char    *text,
             GArray        *ranges,
             const char    *tag)
{
  gsize offset = 0;

  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *range = &g_array_index (ranges, Range, i);

      insert_run (buffer, text + offset, range->start - offset, NULL);
      insert_run (buffer, text + range->start, range->end - range->start, tag);
      offset = range->end;
    }
  insert_run (buffer, text + offset, strlen (text) - offset, NULL);
}

static void
create_tags (GtkTextBuffer *buffer)
{
  /* Translucent so that the text stays readable in light and dark styles. */
  const GdkRGBA green = { 0.18f, 0.76f, 0.49f, 0.3f };
  const GdkRGBA red = { 0.88f, 0.11f, 0.14f, 1.0f };
  const GdkRGBA red_background = { 0.88f, 0.11f, 0.14f, 0.15f };

  gtk_text_buffer_create_tag (buffer, TAG_INSERTED,
                              "background-rgba", &green,
                              NULL);
  gtk_text_buffer_create_tag (buffer, TAG_REMOVED,
                              "strikethrough", TRUE,
                              "strikethrough-rgba", &red,
                              "background-rgba", &red_background,
                              NULL);
}

/* Stats -------------------------------------------------------------------------------- */

static char *
format_duration (double duration_ms)
{
  if (duration_ms < 1000)
    /* Translators: how long the request took, in milliseconds */
    return g_strdup_printf (_("%.0f ms"), duration_ms);
  /* Translators: how long the request took, in seconds */
  return g_strdup_printf (_("%.1f s"), duration_ms / 1000.0);
}

/* "1.2 s · 42 words · 230 characters"; a failed column gives its time and "failed". */
static char *
describe_stats (AugurComparison *comparison,
                guint            column)
{
  AugurCompareCellState state = augur_comparison_get_cell_state (comparison, column);
  double duration_ms = augur_comparison_get_duration_ms (comparison, column);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (state == AUGUR_COMPARE_CELL_PENDING)
    /* Translators: the stats line of a column that has not answered yet */
    return g_strdup (_("Waiting…"));

  if (duration_ms > 0)
    g_ptr_array_add (parts, format_duration (duration_ms));
  if (state == AUGUR_COMPARE_CELL_FAILED)
    /* Translators: in a column's stats line, "1.2 s · failed" */
    g_ptr_array_add (parts, g_strdup (_("failed")));
  else
    {
      guint words = augur_comparison_get_text_words (comparison, column);
      guint chars = augur_comparison_get_text_chars (comparison, column);

      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u word", "%u words", words),
                                               words));
      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u character", "%u characters",
                                                         chars),
                                               chars));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* Columns ------------------------------------------------------------------------------ */

static void
copy_clicked_cb (GtkButton        *button,
                 AugurCompareText *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "column"));
  g_autofree char *text = augur_compare_text_dup_text (self, column);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
}

static GtkWidget *
create_header (AugurCompareText *self,
               Column           *column,
               guint             index)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  column->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (column->name_label, 0.0);
  gtk_label_set_ellipsize (column->name_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (column->name_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (column->name_label), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (column->name_label),
                            augur_compare_column_css_class (index));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (column->name_label));

  column->copy_button = GTK_BUTTON (gtk_button_new_from_icon_name ("edit-copy-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (column->copy_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (column->copy_button), _("Copy"));
  g_object_set_data (G_OBJECT (column->copy_button), "column", GUINT_TO_POINTER (index));
  g_signal_connect_object (column->copy_button, "clicked",
                           G_CALLBACK (copy_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (column->copy_button));
  return header;
}

static GtkWidget *
create_text_view (void)
{
  GtkWidget *text_view = gtk_text_view_new ();

  gtk_text_view_set_editable (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (text_view, "inline");
  create_tags (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)));
  return text_view;
}

static GtkWidget *
create_error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "error");
  return label;
}

static void
create_column (AugurCompareText *self,
               guint             index)
{
  Column *column = &self->columns[index];

  column->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (column->box, MIN_COLUMN_WIDTH, -1);
  gtk_box_append (GTK_BOX (column->box), create_header (self, column, index));

  column->stats_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (column->stats_label, 0.0);
  gtk_label_set_wrap (column->stats_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (column->stats_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (column->stats_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (column->stats_label), "numeric");
  gtk_box_append (GTK_BOX (column->box), GTK_WIDGET (column->stats_label));

  column->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (column->stack), TRUE);
  column->text_view = GTK_TEXT_VIEW (create_text_view ());
  gtk_stack_add_named (column->stack, GTK_WIDGET (column->text_view), "text");
  column->error_label = GTK_LABEL (create_error_label ());
  gtk_stack_add_named (column->stack, GTK_WIDGET (column->error_label), "error");
  column->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_halign (GTK_WIDGET (column->spinner), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (column->spinner), GTK_ALIGN_START);
  gtk_stack_add_named (column->stack, GTK_WIDGET (column->spinner), "pending");
  gtk_box_append (GTK_BOX (column->box), GTK_WIDGET (column->stack));

  gtk_box_append (GTK_BOX (self->columns_box), column->box);
}

static void
ensure_columns (AugurCompareText *self,
                guint             n_columns)
{
  for (guint k = n_columns; k < self->n_columns; k++)
    {
      gtk_box_remove (GTK_BOX (self->columns_box), self->columns[k].box);
      memset (&self->columns[k], 0, sizeof (Column));
    }
  for (guint k = self->n_columns; k < n_columns; k++)
    create_column (self, k);
  self->n_columns = n_columns;
}

static void
set_column_name (AugurCompareText *self,
                 guint             index,
                 GPtrArray        *columns)
{
  Column *column = &self->columns[index];
  g_autofree char *copy_label = NULL;
  g_autofree char *text_label = NULL;

  g_free (self->names[index]);
  if (columns != NULL && index < columns->len)
    self->names[index] =
      g_strdup (((AugurCompareColumn *) g_ptr_array_index (columns, index))->display_name);
  else
    self->names[index] = g_strdup_printf ("%c", 'A' + index);

  gtk_label_set_text (column->name_label, self->names[index]);
  /* Translators: accessible label of the button copying a compared column's text */
  copy_label = g_strdup_printf (_("Copy %s's text"), self->names[index]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label,
                                  -1);
  /* Translators: accessible label of a compared column's text; %s is the column's name */
  text_label = g_strdup_printf (_("Text from %s"), self->names[index]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text_label,
                                  -1);
}

/* Whether column @index was diffed at all: against column 0, or for column 0 against any. */
static gboolean
has_diff (AugurCompareText *self,
          guint             index)
{
  if (index > 0)
    return augur_comparison_get_text_diff (self->comparison, index) != NULL;
  for (guint k = 1; k < self->n_columns; k++)
    if (augur_comparison_get_text_diff (self->comparison, k) != NULL)
      return TRUE;
  return FALSE;
}

/* What the highlights mean, for those who cannot see them. */
static char *
describe_changes (AugurCompareText *self,
                  guint             index)
{
  guint n = self->n_changed[index];

  if (!has_diff (self, index))
    return g_strdup ("");

  if (index == 0)
    /* Translators: accessible description of the first column's text */
    return g_strdup_printf (ngettext ("%u word missing from another column",
                                      "%u words missing from another column", n), n);
  /* Translators: accessible description of a column's text; %s is the first column's name */
  return g_strdup_printf (ngettext ("%u word differs from %s", "%u words differ from %s", n),
                          n, self->names[0]);
}

static void
show_text (AugurCompareText *self,
           guint             index)
{
  Column *column = &self->columns[index];
  const char *text = augur_comparison_get_text (self->comparison, index);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (column->text_view);
  g_autoptr(GArray) ranges = compute_ranges (self->comparison, index);
  g_autofree char *description = NULL;

  fill_buffer (buffer, text != NULL ? text : "", ranges, index == 0 ? TAG_REMOVED
                                                                    : TAG_INSERTED);
  self->n_changed[index] = text != NULL ? count_range_words (text, ranges) : 0;

  description = describe_changes (self, index);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_stack_set_visible_child_name (column->stack, "text");
  gtk_widget_set_sensitive (GTK_WIDGET (column->copy_button), text != NULL && *text != '\0');
}

static void
show_error (AugurCompareText *self,
            guint             index)
{
  Column *column = &self->columns[index];
  AugurPrediction *prediction = augur_comparison_get_prediction (self->comparison, index);
  const GError *error = augur_prediction_get_error (prediction);

  gtk_label_set_text (column->error_label,
                      error != NULL ? error->message : _("The request failed"));
  gtk_stack_set_visible_child_name (column->stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (column->copy_button), TRUE);
}

static void
update_column (AugurCompareText *self,
               guint             index)
{
  Column *column = &self->columns[index];
  AugurCompareCellState state = augur_comparison_get_cell_state (self->comparison, index);

  self->n_changed[index] = 0;
  g_free (self->stats[index]);
  self->stats[index] = describe_stats (self->comparison, index);
  gtk_label_set_text (column->stats_label, self->stats[index]);

  gtk_spinner_set_spinning (column->spinner, state == AUGUR_COMPARE_CELL_PENDING);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (column->text_view), "", 0);
  gtk_label_set_text (column->error_label, "");

  if (state == AUGUR_COMPARE_CELL_SUCCEEDED)
    show_text (self, index);
  else if (state == AUGUR_COMPARE_CELL_FAILED)
    show_error (self, index);
  else
    {
      gtk_stack_set_visible_child_name (column->stack, "pending");
      gtk_widget_set_sensitive (GTK_WIDGET (column->copy_button), FALSE);
    }
}

/* GObject ------------------------------------------------------------------------------ */

static void
augur_compare_text_dispose (GObject *object)
{
  AugurCompareText *self = AUGUR_COMPARE_TEXT (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->scrolled_window = self->columns_box = NULL;
  memset (self->columns, 0, sizeof self->columns);
  self->n_columns = 0;

  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (augur_compare_text_parent_class)->dispose (object);
}

static void
augur_compare_text_finalize (GObject *object)
{
  AugurCompareText *self = AUGUR_COMPARE_TEXT (object);

  for (guint k = 0; k < AUGUR_COMPARE_MAX_COLUMNS; k++)
    {
      g_clear_pointer (&self->names[k], g_free);
      g_clear_pointer (&self->stats[k], g_free);
    }

  G_OBJECT_CLASS (augur_compare_text_parent_class)->finalize (object);
}

static void
augur_compare_text_class_init (AugurCompareTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = augur_compare_text_dispose;
  object_class->finalize = augur_compare_text_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "augur-compare-text");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
augur_compare_text_init (AugurCompareText *self)
{
  GtkScrolledWindow *scrolled;

  self->scrolled_window = gtk_scrolled_window_new ();
  scrolled = GTK_SCROLLED_WINDOW (self->scrolled_window);
  /* Texts wrap to their column's width; only a long text scrolls, vertically. */
  gtk_scrolled_window_set_policy (scrolled, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (scrolled, TRUE);
  gtk_scrolled_window_set_propagate_natural_height (scrolled, TRUE);
  gtk_scrolled_window_set_max_content_height (scrolled, MAX_CONTENT_HEIGHT);
  gtk_widget_set_parent (self->scrolled_window, GTK_WIDGET (self));

  self->columns_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_box_set_homogeneous (GTK_BOX (self->columns_box), TRUE);
  gtk_scrolled_window_set_child (scrolled, self->columns_box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Compared texts"),
                                  -1);
}

/* Public ------------------------------------------------------------------------------- */

GtkWidget *
augur_compare_text_new (void)
{
  return g_object_new (AUGUR_TYPE_COMPARE_TEXT, NULL);
}

/**
 * augur_compare_text_set_comparison:
 * @columns: (nullable) (element-type AugurCompareColumn): the columns' names
 * @comparison: (nullable): the input's comparison; %NULL shows no columns
 *
 * Keeps the column widgets while their number stays the same, so that a pending column
 * answering does not rebuild the others.
 */
void
augur_compare_text_set_comparison (AugurCompareText *self,
                                   GPtrArray        *columns,
                                   AugurComparison  *comparison)
{
  guint n_columns;

  g_return_if_fail (AUGUR_IS_COMPARE_TEXT (self));
  g_return_if_fail (comparison == NULL || AUGUR_IS_COMPARISON (comparison));

  g_set_object (&self->comparison, comparison);
  n_columns = comparison != NULL ? augur_comparison_get_n_columns (comparison) : 0;
  ensure_columns (self, MIN (n_columns, AUGUR_COMPARE_MAX_COLUMNS));

  for (guint k = 0; k < self->n_columns; k++)
    {
      set_column_name (self, k, columns);
      update_column (self, k);
    }
}

/**
 * augur_compare_text_dup_text:
 *
 * Returns: (transfer full): what column @column shows: its text (made valid UTF-8), its error
 *   message when it failed, or "" while it is pending
 */
char *
augur_compare_text_dup_text (AugurCompareText *self,
                             guint             column)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (AUGUR_IS_COMPARE_TEXT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  if (augur_comparison_get_cell_state (self->comparison, column) == AUGUR_COMPARE_CELL_FAILED)
    return g_strdup (gtk_label_get_text (self->columns[column].error_label));

  buffer = gtk_text_view_get_buffer (self->columns[column].text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

guint
augur_compare_text_get_n_changed (AugurCompareText *self,
                                  guint             column)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_TEXT (self), 0);
  g_return_val_if_fail (column < self->n_columns, 0);

  return self->n_changed[column];
}

const char *
augur_compare_text_get_stats (AugurCompareText *self,
                              guint             column)
{
  g_return_val_if_fail (AUGUR_IS_COMPARE_TEXT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->stats[column];
}
