/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-text-field.c: a multi-line field for words kept in full, stored without a Save button. */

#define G_LOG_DOMAIN "quorum-text-field"

#include <glib/gi18n.h>
#include <math.h>

#include "quorum-text-field.h"
#include "quorum-ui-util.h"

struct _QuorumTextField
{
  GtkWidget          parent_instance;

  GtkFrame          *frame;
  GtkLabel          *placeholder_label;
  GtkScrolledWindow *scroller;
  GtkTextView       *view;

  char              *label;
  int                max_height;
  gboolean           modified;
  gboolean           setting;
  gboolean           held;      /* quorum_text_field_set_held () */

  /* The last measured text height: GTK asks for the same width many times a frame, and
   * laying out a long reason each time held the window (reset when the text changes). */
  int                measured_width;
  int                measured_height;
  guint              measured_font;   /* projector mode changes the font, and so the height */
};

enum {
  PROP_0,
  PROP_TEXT,
  PROP_PLACEHOLDER_TEXT,
  PROP_LABEL,
  PROP_MAX_CONTENT_HEIGHT,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  COMMIT,
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (QuorumTextField, quorum_text_field, GTK_TYPE_WIDGET)

/* Lines a field shows before it scrolls, whatever the size of the type. */
#define MIN_LINES_SHOWN 8

static char *
get_raw_text (QuorumTextField *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_modified (QuorumTextField *self,
              gboolean         modified)
{
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

/* The field grows with its text up to max-content-height, then scrolls. The text view says
 * how tall its wrapped text is only once it has validated it, so the field measures the text
 * itself for the width it is offered. */
static int
measure_text_height (QuorumTextField *self,
                     int              width)
{
  GtkWidget *view = GTK_WIDGET (self->view);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  guint font;
  int height;
  int margins;
  int limit = 0;

  width -= gtk_text_view_get_left_margin (self->view) + gtk_text_view_get_right_margin (self->view);
  if (width <= 0)
    return 0;
  font = pango_font_description_hash (pango_context_get_font_description (gtk_widget_get_pango_context (view)));
  if (width == self->measured_width && font == self->measured_font)
    return self->measured_height;

  text = get_raw_text (self);
  layout = gtk_widget_create_pango_layout (view, *text != '\0' ? text : "X");
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, NULL, &height);
  margins = gtk_text_view_get_top_margin (self->view) + gtk_text_view_get_bottom_margin (self->view);
  height += margins;

  /* The limit is at least a few lines of the font in use: in projector mode's larger type a
   * reason of three lines was cut to two and a half, its end hidden behind a scroll. */
  if (self->max_height > 0)
    {
      g_autoptr(PangoLayout) line = gtk_widget_create_pango_layout (view, "X");
      int line_height;

      pango_layout_get_pixel_size (line, NULL, &line_height);
      limit = MAX (self->max_height, MIN_LINES_SHOWN * line_height + margins);
    }

  self->measured_width = width;
  self->measured_font = font;
  self->measured_height = limit > 0 ? MIN (height, limit) : height;
  return self->measured_height;
}

static GtkSizeRequestMode
quorum_text_field_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
quorum_text_field_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  QuorumTextField *self = QUORUM_TEXT_FIELD (widget);
  GtkWidget *frame = GTK_WIDGET (self->frame);

  gtk_widget_measure (frame, orientation, for_size, minimum, natural, NULL, NULL);

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size > 0)
    {
      int frame_min_width;
      int text_height;
      int chrome;

      /* The frame's own border and padding: what it adds around the scrolled text. */
      gtk_widget_measure (GTK_WIDGET (self->scroller), GTK_ORIENTATION_HORIZONTAL, -1,
                          &frame_min_width, NULL, NULL, NULL);
      gtk_widget_measure (frame, GTK_ORIENTATION_HORIZONTAL, -1, &chrome, NULL, NULL, NULL);
      chrome = MAX (chrome - frame_min_width, 0);

      text_height = measure_text_height (self, for_size - chrome);
      if (text_height > 0)
        {
          *minimum = MAX (*minimum, text_height + chrome);
          *natural = MAX (*natural, *minimum);
        }
    }
}

static void
quorum_text_field_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  gtk_widget_allocate (GTK_WIDGET (QUORUM_TEXT_FIELD (widget)->frame), width, height, baseline, NULL);
}

static void
buffer_changed_cb (QuorumTextField *self,
                   GtkTextBuffer   *buffer)
{
  self->measured_width = -1;

  gtk_widget_queue_resize (GTK_WIDGET (self));

  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label),
                          gtk_text_buffer_get_char_count (buffer) == 0);

  if (!self->setting)
    set_modified (self, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
}

/* Leaving the field stores what was typed, so nothing is lost when the chair moves on. */
static void
focus_leave_cb (QuorumTextField         *self,
                GtkEventControllerFocus *controller)
{
  if (self->modified)
    quorum_text_field_commit (self);
}

static gboolean
commit_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  quorum_text_field_commit (QUORUM_TEXT_FIELD (user_data));
  g_signal_emit (user_data, signals [ACTIVATE], 0);

  return TRUE;
}

static void
quorum_text_field_unmap (GtkWidget *widget)
{
  QuorumTextField *self = QUORUM_TEXT_FIELD (widget);

  /* The card closing, the child switched away, the window closing: store what was typed
   * while the field is still in its window and its actions can be reached. */
  if (self->modified)
    quorum_text_field_commit (self);

  GTK_WIDGET_CLASS (quorum_text_field_parent_class)->unmap (widget);
}

static gboolean
quorum_text_field_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (QUORUM_TEXT_FIELD (widget)->view));
}

/* Tab and Shift+Tab leave the field, whichever way they go, and enter it at the text: asked to
 * move the focus backward from itself, GTK 4.8 kept it in the text view, so Shift+Tab did
 * nothing (the next Space typed went into the reason, and after Tab the spaces of the typed
 * words ticked the category boxes). Other directions are GTK's. */
static gboolean
quorum_text_field_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  QuorumTextField *self = QUORUM_TEXT_FIELD (widget);
  GtkWidget *view = GTK_WIDGET (self->view);

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (quorum_text_field_parent_class)->focus (widget, direction);

  /* The focus is in the field: it goes on to the widget before or after it. */
  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  if (!gtk_widget_is_sensitive (view) || !gtk_widget_get_focusable (view) || !gtk_widget_get_can_focus (view))
    return FALSE;
  return gtk_widget_grab_focus (view);
}

static void
quorum_text_field_dispose (GObject *object)
{
  QuorumTextField *self = (QuorumTextField *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QUORUM_TYPE_TEXT_FIELD);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (quorum_text_field_parent_class)->dispose (object);
}

static void
quorum_text_field_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  QuorumTextField *self = QUORUM_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_take_string (value, get_raw_text (self));
      break;

    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, gtk_label_get_label (self->placeholder_label));
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_MAX_CONTENT_HEIGHT:
      g_value_set_int (value, self->max_height);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_text_field_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  QuorumTextField *self = QUORUM_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      quorum_text_field_set_text (self, g_value_get_string (value));
      break;

    case PROP_PLACEHOLDER_TEXT:
      gtk_label_set_label (self->placeholder_label, g_value_get_string (value));
      break;

    case PROP_LABEL:
      g_free (self->label);
      self->label = g_value_dup_string (value);
      quorum_ui_set_accessible_label (GTK_WIDGET (self->view), self->label);
      break;

    case PROP_MAX_CONTENT_HEIGHT:
      self->max_height = g_value_get_int (value);
      self->measured_width = -1;
      gtk_scrolled_window_set_max_content_height (self->scroller, self->max_height);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_text_field_class_init (QuorumTextFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_text_field_dispose;
  object_class->get_property = quorum_text_field_get_property;
  object_class->set_property = quorum_text_field_set_property;

  widget_class->get_request_mode = quorum_text_field_get_request_mode;
  widget_class->measure = quorum_text_field_measure;
  widget_class->size_allocate = quorum_text_field_size_allocate;
  widget_class->unmap = quorum_text_field_unmap;
  widget_class->grab_focus = quorum_text_field_grab_focus;
  widget_class->focus = quorum_text_field_focus;

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  /* The text view's accessible label: what a screen reader says the field is for. */
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties [PROP_MAX_CONTENT_HEIGHT] =
    g_param_spec_int ("max-content-height", NULL, NULL, -1, G_MAXINT, 160,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuorumTextField::commit:
   *
   * Store the text now: the field was left with changes, Ctrl+Enter was pressed, or the
   * field is going away with changes. The field is no longer modified when it is emitted.
   */
  signals [COMMIT] =
    g_signal_new ("commit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * QuorumTextField::activate:
   *
   * Ctrl+Enter was pressed (after ::commit): the form's default action, where it has one.
   */
  signals [ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "textfield");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/quorum_app/quorum/ui/quorum-text-field.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumTextField, frame);
  gtk_widget_class_bind_template_child (widget_class, QuorumTextField, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumTextField, scroller);
  gtk_widget_class_bind_template_child (widget_class, QuorumTextField, view);
}

/* The wheel over a field whose words all show scrolls what holds the field (the vote board):
 * GTK 4.8's scrolled window takes every wheel event, even with nothing to scroll, and the board
 * stood still under the chair's pointer (trial 6). A field with more words than it shows
 * scrolls them itself. */
static gboolean
scroll_cb (QuorumTextField          *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GtkAdjustment *own = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *outer;
  GtkAdjustment *adjustment;
  double step;

  if (dy == 0.0 ||
      gtk_adjustment_get_upper (own) - gtk_adjustment_get_lower (own) > gtk_adjustment_get_page_size (own))
    return GDK_EVENT_PROPAGATE;

  outer = gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (self)), GTK_TYPE_SCROLLED_WINDOW);
  if (outer == NULL)
    return GDK_EVENT_PROPAGATE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));
  /* As far as GTK's own scroll would go: a wheel's notch is the page's size to the power 2/3. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  else
    step = 1.0;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);

  return GDK_EVENT_STOP;
}

static void
quorum_text_field_init (QuorumTextField *self)
{
  GtkEventController *scroll;
  GtkEventController *focus;
  GtkEventController *shortcuts;
  g_autoptr(GtkShortcutTrigger) trigger = NULL;

  self->measured_width = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->max_height = gtk_scrolled_window_get_max_content_height (self->scroller);
  g_signal_connect_object (gtk_text_view_get_buffer (self->view), "changed",
                           G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave",
                           G_CALLBACK (focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->view), focus);

  /* Enter makes a new paragraph; Ctrl+Enter stores, before the view sees the key. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  trigger = gtk_alternative_trigger_new (gtk_shortcut_trigger_parse_string ("<Control>Return"),
                                         gtk_shortcut_trigger_parse_string ("<Control>KP_Enter"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (g_steal_pointer (&trigger),
                                                          gtk_callback_action_new (commit_shortcut_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->view), shortcuts);

  /* Before the field's own scrolled window sees the wheel. */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

GtkWidget *
quorum_text_field_new (void)
{
  return g_object_new (QUORUM_TYPE_TEXT_FIELD, NULL);
}

char *
quorum_text_field_get_text (QuorumTextField *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (QUORUM_IS_TEXT_FIELD (self), NULL);

  text = get_raw_text (self);
  g_strstrip (text);
  if (*text == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

void
quorum_text_field_set_text (QuorumTextField *self,
                            const char      *text)
{
  g_return_if_fail (QUORUM_IS_TEXT_FIELD (self));

  self->setting = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text != NULL ? text : "", -1);
  self->setting = FALSE;
  set_modified (self, FALSE);
}

gboolean
quorum_text_field_get_modified (QuorumTextField *self)
{
  g_return_val_if_fail (QUORUM_IS_TEXT_FIELD (self), FALSE);

  return self->modified;
}

void
quorum_text_field_type (QuorumTextField *self,
                        const char      *text)
{
  g_return_if_fail (QUORUM_IS_TEXT_FIELD (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text != NULL ? text : "", -1);
}

void
quorum_text_field_commit (QuorumTextField *self)
{
  g_return_if_fail (QUORUM_IS_TEXT_FIELD (self));

  if (self->held)
    return;
  set_modified (self, FALSE);
  g_signal_emit (self, signals [COMMIT], 0);
}

void
quorum_text_field_set_held (QuorumTextField *self,
                            gboolean         held)
{
  g_return_if_fail (QUORUM_IS_TEXT_FIELD (self));

  self->held = !!held;
}

GtkTextView *
quorum_text_field_get_view (QuorumTextField *self)
{
  g_return_val_if_fail (QUORUM_IS_TEXT_FIELD (self), NULL);

  return self->view;
}
