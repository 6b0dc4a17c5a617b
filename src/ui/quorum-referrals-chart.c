/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-referrals-chart.c: a small stacked bar chart of the referrals made each month, by what
 * the panel decided, drawn with cairo. Series differ by pattern as well as colour (the
 * not-yet-heard part is hatched), and every count is in the accessible description. */

#define G_LOG_DOMAIN "quorum-referrals-chart"

#include <glib/gi18n.h>

#include "quorum-referrals-chart.h"
#include "quorum-ui-util.h"

#define PAD          4.0
#define SWATCH       10.0
#define LEGEND_GAP   14.0
#define AXIS_GAP     6.0

struct _QuorumReferralsChart
{
  GtkWidget  parent_instance;

  GArray    *months;   /* QuorumMonthCount */
};

G_DEFINE_FINAL_TYPE (QuorumReferralsChart, quorum_referrals_chart, GTK_TYPE_WIDGET)

/* Drawing order, bottom up: the decided outcomes, then what is still to be heard. */
static const QuorumReportSeries stack_order[] = {
  QUORUM_REPORT_PLAN_CONFIRMED,
  QUORUM_REPORT_PLAN_ENDED,
  QUORUM_REPORT_OTHER,
  QUORUM_REPORT_NOT_HEARD,
};

/* Adwaita's palette: the vote board's plan (yellow) and no-plan (blue), purple for other. */
static const GdkRGBA series_colors[QUORUM_REPORT_N_SERIES] = {
  [QUORUM_REPORT_NOT_HEARD]      = { 0.50, 0.50, 0.50, 1.0 },
  [QUORUM_REPORT_PLAN_CONFIRMED] = { 0.898, 0.647, 0.039, 1.0 },  /* #e5a50a */
  [QUORUM_REPORT_PLAN_ENDED]     = { 0.208, 0.518, 0.894, 1.0 },  /* #3584e4 */
  [QUORUM_REPORT_OTHER]          = { 0.569, 0.255, 0.675, 1.0 },  /* #9141ac */
};

const char *
quorum_report_series_get_label (QuorumReportSeries series)
{
  switch (series)
    {
    case QUORUM_REPORT_NOT_HEARD:
      return _("Not yet heard");
    case QUORUM_REPORT_PLAN_CONFIRMED:
      return _("Plan confirmed");
    case QUORUM_REPORT_PLAN_ENDED:
      return _("Plan ended");
    case QUORUM_REPORT_OTHER:
      return _("Other");
    case QUORUM_REPORT_N_SERIES:
    default:
      return NULL;
    }
}

static guint
month_total (const QuorumMonthCount *m)
{
  guint total = 0;

  for (guint s = 0; s < QUORUM_REPORT_N_SERIES; s++)
    total += m->counts[s];
  return total;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *rgba)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha);
}

/* A hatched fill for the not-yet-heard part, so it never depends on colour to be told apart. */
static void
fill_series (cairo_t            *cr,
             QuorumReportSeries  series,
             const GdkRGBA      *fg,
             double              x,
             double              y,
             double              w,
             double              h)
{
  if (series != QUORUM_REPORT_NOT_HEARD)
    {
      set_source (cr, &series_colors[series]);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      return;
    }

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.12);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.55);
  cairo_set_line_width (cr, 1.0);
  for (double d = -h; d < w + h; d += 4.0)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.55);
  cairo_set_line_width (cr, 1.0);
  cairo_rectangle (cr, x + 0.5, y + 0.5, MAX (w - 1, 0), MAX (h - 1, 0));
  cairo_stroke (cr);
}

static PangoLayout *
small_layout (GtkWidget  *widget,
              const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

/* Draws the legend from the top, wrapping as needed; returns its height. */
static double
draw_legend (GtkWidget     *widget,
             cairo_t       *cr,
             const GdkRGBA *fg,
             double         width)
{
  double x = 0;
  double y = 0;
  double line_height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (stack_order); i++)
    {
      QuorumReportSeries series = stack_order[i];
      g_autoptr(PangoLayout) layout = small_layout (widget, quorum_report_series_get_label (series));
      int tw, th;
      double item;

      pango_layout_get_pixel_size (layout, &tw, &th);
      item = SWATCH + 4 + tw;
      if (x > 0 && x + item > width)
        {
          x = 0;
          y += line_height + 2;
        }
      line_height = MAX (line_height, th);

      fill_series (cr, series, fg, x, y + (th - SWATCH) / 2.0, SWATCH, SWATCH);
      set_source (cr, fg);
      cairo_move_to (cr, x + SWATCH + 4, y);
      pango_cairo_show_layout (cr, layout);
      x += item + LEGEND_GAP;
    }

  return y + line_height;
}

static void
quorum_referrals_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  QuorumReferralsChart *self = QUORUM_REFERRALS_CHART (widget);
  g_autoptr(PangoLayout) max_layout = NULL;
  g_autofree char *max_text = NULL;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double legend_height;
  double label_height;
  double axis_width;
  double top, bottom, plot_w, slot;
  guint max = 0;
  guint n;
  cairo_t *cr;
  GdkRGBA fg;
  int tw, th;

  if (self->months == NULL || self->months->len == 0 || width <= 0 || height <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  n = self->months->len;
  for (guint i = 0; i < n; i++)
    max = MAX (max, month_total (&g_array_index (self->months, QuorumMonthCount, i)));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  legend_height = draw_legend (widget, cr, &fg, width);

  /* The scale: 0 and the busiest month's count. */
  max_text = g_strdup_printf ("%u", MAX (max, 1));
  max_layout = small_layout (widget, max_text);
  pango_layout_get_pixel_size (max_layout, &tw, &th);
  axis_width = tw + AXIS_GAP;
  label_height = th;

  top = legend_height + PAD + th / 2.0;
  bottom = height - label_height - PAD;
  plot_w = width - axis_width;
  if (bottom - top < 8 || plot_w < n * 4)
    {
      cairo_destroy (cr);
      return;
    }
  slot = plot_w / n;

  set_source (cr, &fg);
  cairo_move_to (cr, axis_width - AXIS_GAP - tw, top - th / 2.0);
  pango_cairo_show_layout (cr, max_layout);

  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, axis_width, floor (top) + 0.5);
  cairo_line_to (cr, width, floor (top) + 0.5);
  cairo_stroke (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.4);
  cairo_move_to (cr, axis_width, floor (bottom) + 0.5);
  cairo_line_to (cr, width, floor (bottom) + 0.5);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      const QuorumMonthCount *m = &g_array_index (self->months, QuorumMonthCount, i);
      g_autoptr(PangoLayout) layout = NULL;
      double bar_w = MAX (2.0, MIN (slot * 0.62, 28.0));
      double x = axis_width + i * slot + (slot - bar_w) / 2.0;
      double y = bottom;
      char buf[32];
      int lw, lh;

      for (guint k = 0; k < G_N_ELEMENTS (stack_order); k++)
        {
          QuorumReportSeries series = stack_order[k];
          double h;

          if (m->counts[series] == 0 || max == 0)
            continue;
          h = (bottom - top) * m->counts[series] / (double)max;
          fill_series (cr, series, &fg, x, y - h, bar_w, h);
          y -= h;
        }

      /* The month's abbreviation when there is room, else its number. */
      if (slot < 30 ||
          /* Translators: a month under a bar of the chart, see strftime(3): "Jan" */
          quorum_ui_strftime (buf, sizeof buf, _("%b"), &m->month) == 0)
        g_snprintf (buf, sizeof buf, "%d", g_date_get_month (&m->month));
      layout = small_layout (widget, buf);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.75);
      cairo_move_to (cr, axis_width + i * slot + (slot - lw) / 2.0, bottom + 2);
      pango_cairo_show_layout (cr, layout);
    }

  cairo_destroy (cr);
}

static void
quorum_referrals_chart_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 420;
    }
  else
    {
      *minimum = 96;
      *natural = 110;
    }
}

static void
quorum_referrals_chart_finalize (GObject *object)
{
  QuorumReferralsChart *self = (QuorumReferralsChart *)object;

  g_clear_pointer (&self->months, g_array_unref);

  G_OBJECT_CLASS (quorum_referrals_chart_parent_class)->finalize (object);
}

static void
quorum_referrals_chart_class_init (QuorumReferralsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = quorum_referrals_chart_finalize;

  widget_class->snapshot = quorum_referrals_chart_snapshot;
  widget_class->measure = quorum_referrals_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "referralschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
quorum_referrals_chart_init (QuorumReferralsChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of referrals per month by the panel’s outcome"),
                                  -1);
}

GtkWidget *
quorum_referrals_chart_new (void)
{
  return g_object_new (QUORUM_TYPE_REFERRALS_CHART, NULL);
}

void
quorum_referrals_chart_set_months (QuorumReferralsChart *self,
                                   GArray               *months)
{
  g_autofree char *details = NULL;

  g_return_if_fail (QUORUM_IS_REFERRALS_CHART (self));

  g_clear_pointer (&self->months, g_array_unref);
  if (months != NULL)
    self->months = g_array_copy (months);

  details = quorum_referrals_chart_dup_details (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
quorum_referrals_chart_get_n_months (QuorumReferralsChart *self)
{
  g_return_val_if_fail (QUORUM_IS_REFERRALS_CHART (self), 0);

  return self->months != NULL ? self->months->len : 0;
}

static void
append_counts (GString                *out,
               const QuorumMonthCount *m)
{
  guint total = month_total (m);

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u referral", "%u referrals", total), total);
  /* Translators: follows "12 referrals", e.g. ": 6 plan confirmed, 3 plan ended, 1 other, 2 not yet heard" */
  g_string_append_printf (out, _(": %u plan confirmed, %u plan ended, %u other, %u not yet heard"),
                          m->counts[QUORUM_REPORT_PLAN_CONFIRMED],
                          m->counts[QUORUM_REPORT_PLAN_ENDED],
                          m->counts[QUORUM_REPORT_OTHER],
                          m->counts[QUORUM_REPORT_NOT_HEARD]);
}

static void
format_month (const GDate *month,
              char        *buf,
              gsize        len)
{
  /* Translators: a month and its year, see strftime(3): "January 2027" */
  if (quorum_ui_strftime (buf, len, _("%B %Y"), month) == 0)
    g_snprintf (buf, len, "%04d-%02d", g_date_get_year (month), g_date_get_month (month));
}

char *
quorum_referrals_chart_dup_summary (QuorumReferralsChart *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  QuorumMonthCount sum = { 0, };
  const QuorumMonthCount *busiest = NULL;
  const QuorumMonthCount *second = NULL;
  guint n_busiest = 0;
  char first[64];
  char last[64];

  g_return_val_if_fail (QUORUM_IS_REFERRALS_CHART (self), NULL);

  if (self->months == NULL || self->months->len == 0)
    return g_strdup ("");

  for (guint i = 0; i < self->months->len; i++)
    {
      const QuorumMonthCount *m = &g_array_index (self->months, QuorumMonthCount, i);

      for (guint s = 0; s < QUORUM_REPORT_N_SERIES; s++)
        sum.counts[s] += m->counts[s];
      if (busiest == NULL || month_total (m) > month_total (busiest))
        {
          busiest = m;
          second = NULL;
          n_busiest = 1;
        }
      else if (month_total (m) == month_total (busiest))
        {
          /* A tie is said as one: "Most in November" when December had as many was untrue. */
          if (second == NULL)
            second = m;
          n_busiest++;
        }
    }

  format_month (&g_array_index (self->months, QuorumMonthCount, 0).month, first, sizeof first);
  format_month (&g_array_index (self->months, QuorumMonthCount, self->months->len - 1).month, last, sizeof last);
  /* Translators: the chart's caption starts "January 2026 to December 2026: " */
  g_string_append_printf (out, _("%s to %s: "), first, last);
  append_counts (out, &sum);
  if (busiest != NULL && month_total (busiest) > 0)
    {
      char busy[64];

      format_month (&busiest->month, busy, sizeof busy);
      g_string_append (out, ". ");
      if (n_busiest == 1)
        g_string_append_printf (out, _("Most in %s (%u)."), busy, month_total (busiest));
      else if (n_busiest == 2)
        {
          char also[64];

          format_month (&second->month, also, sizeof also);
          /* Translators: two months tie for the most referrals: "Most in November 2026 and
           * December 2026 (1 each)." */
          g_string_append_printf (out, _("Most in %s and %s (%u each)."), busy, also, month_total (busiest));
        }
      else
        /* Translators: three or more months tie for the most referrals: "3 months have the
         * most (1 each)." The first number is always 3 or more. */
        g_string_append_printf (out, _("%u months have the most (%u each)."), n_busiest, month_total (busiest));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
quorum_referrals_chart_dup_details (QuorumReferralsChart *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (QUORUM_IS_REFERRALS_CHART (self), NULL);

  if (self->months == NULL || self->months->len == 0)
    return g_strdup (_("No referrals to chart"));

  for (guint i = 0; i < self->months->len; i++)
    {
      const QuorumMonthCount *m = &g_array_index (self->months, QuorumMonthCount, i);
      char month[64];

      format_month (&m->month, month, sizeof month);
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s, ", month);
      append_counts (out, m);
    }
  g_string_append (out, ".");

  return g_string_free (g_steal_pointer (&out), FALSE);
}
