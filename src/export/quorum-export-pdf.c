/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export-pdf.c: the printed dissent record: laid out with Pango, paginated, drawn with cairo. */

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include "core/quorum-gettext.h"

#include "quorum-export-private.h"

/* Everything is in points (1/72 inch). */
#define MM (72.0 / 25.4)

/* Filing: 25 mm on the left leaves room for punching, 20 mm elsewhere. */
#define MARGIN_LEFT   (25.0 * MM)
#define MARGIN_RIGHT  (20.0 * MM)
#define MARGIN_TOP    (20.0 * MM)
#define MARGIN_BOTTOM (20.0 * MM)

#define FONT_FAMILY   "Noto Sans, DejaVu Sans, sans-serif"
#define BODY_SIZE     10.0
#define SMALL_SIZE    8.5
#define LINE_SPACING  1.25   /* a multiple of the font's height */
#define CELL_PAD_X    5.0
#define CELL_PAD_Y    3.5
#define INDENT        14.0
#define QUOTE_INDENT  14.0
#define MAX_COLUMNS   8
#define MAX_LABEL_WIDTH 80.0
#define SHORT_CELL    100.0  /* points, padding included: a cell this narrow keeps to one line */

typedef struct { double r, g, b; } Colour;

static const Colour ink = { 0.13, 0.13, 0.15 };
static const Colour quiet = { 0.40, 0.41, 0.45 };
static const Colour accent = { 0.12, 0.29, 0.49 };       /* headings */
static const Colour rule_colour = { 0.72, 0.73, 0.76 };
static const Colour header_fill = { 0.92, 0.93, 0.95 };
static const Colour dissent_fill = { 0.99, 0.95, 0.88 };
static const Colour dissent_mark = { 0.80, 0.45, 0.05 };
static const Colour draft_red = { 0.70, 0.11, 0.11 };
static const Colour watermark = { 0.90, 0.90, 0.90 };

typedef enum
{
  PARA_AUTO_DIR = 1 << 0,  /* the direction of its first strong letter, not the record's */
  PARA_ONE_LINE = 1 << 1,  /* never wraps: ellipsized at the end */
} ParaFlags;

/* A laid-out paragraph and where each of its lines sits, in points from the layout's top. */
typedef struct
{
  PangoLayout *layout;
  const Colour *colour;
  int          n_lines;
  double      *top;
  double      *bottom;
  double      *baseline;
  double      *x;         /* the line's left edge within the layout (RTL lines are right-aligned) */
  double       height;
} Para;

typedef enum
{
  ITEM_LINES,
  ITEM_FILL,
  ITEM_RULE,
} ItemKind;

/* One thing to draw on one page. */
typedef struct
{
  ItemKind      kind;
  int           page;
  const Colour *colour;
  /* LINES: lines [first, last) of para, the first one's top at (x, y) */
  Para         *para;
  int           first;
  int           last;
  /* LINES: origin; FILL: rectangle; RULE: from (x, y) to (x + w, y + h) */
  double        x;
  double        y;
  double        w;
  double        h;
  double        line_width;
  /* the block it was placed for: the child whose section it is part of (borrowed from the
   * block), and whether it is that section's heading */
  const char   *section;
  gboolean      opens_section;
} Item;

/* A row of cells placed side by side: a table row, a label and its value, or one paragraph. */
typedef struct
{
  guint         n_cells;
  Para         *cells[MAX_COLUMNS];
  double        x[MAX_COLUMNS];
  double        dy[MAX_COLUMNS];  /* a cell's own drop, to share a baseline with its row */
  double        pad_top;
  double        pad_bottom;
  /* decorations, repeated on each page the row spans */
  const Colour *fill;
  double        fill_x;
  double        fill_w;
  gboolean      rule_below;
  double        rule_x;
  double        rule_w;
  const Colour *bar;        /* a mark at the left of the row */
  double        bar_x;
  gboolean      may_break; /* broken between lines where it does not fit, never moved whole
                            * (a paragraph its heading keeps its first lines with) */
} Row;

struct _QuorumRecord
{
  QuorumDocument *doc;

  PangoContext   *context;
  double          page_w;
  double          page_h;
  double          body_left;
  double          body_width;
  double          body_top;
  double          body_bottom;  /* of the page being laid out */
  double          page_bottom;  /* of every page but short_page */
  int             short_page;   /* a page whose body ends at short_bottom, or -1 */
  double          short_bottom;

  GPtrArray      *paras;        /* Para*, owned */
  GArray         *items;        /* Item */
  int             n_pages;

  /* during pagination */
  int             page;
  double          y;
  double          fresh_y;      /* where the body of the current page starts */
  double          chain_above;  /* the height of the headings just placed, which keep with
                                 * what follows them (0 after anything else) */
  Row            *repeat_row;
  const QuorumBlock *placing;   /* the block being placed: its items say whose section they are in */
  double          label_width;  /* of every label / value block: one column down the record */   /* a table's header, repeated on every page it continues on */
  GPtrArray      *rows;         /* Row*, owned */

  /* chrome, the same on every page but the page number */
  Para           *header_title;
  Para           *header_draft;
  Para           *header_line;
  Para           *footer_left;
  GPtrArray      *footer_pages; /* Para* "Page N of M", one a page (in paras) */
  GPtrArray      *header_continued; /* Para* "Amy Jones (continued)", one a page, NULL on a page
                                     * that continues no child's section (in paras) */
  GPtrArray      *header_titles;    /* Para* the running title narrowed beside it, or NULL */
  double          header_bottom;
  double          footer_top;
};

static void
para_free (Para *para)
{
  g_clear_object (&para->layout);
  g_free (para->top);
  g_free (para->bottom);
  g_free (para->baseline);
  g_free (para->x);
  g_free (para);
}

static void
record_reset (QuorumRecord *self)
{
  g_clear_pointer (&self->paras, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->footer_pages, g_ptr_array_unref);
  g_clear_pointer (&self->header_continued, g_ptr_array_unref);
  g_clear_pointer (&self->header_titles, g_ptr_array_unref);
  g_clear_object (&self->context);
  self->header_title = NULL;
  self->header_draft = NULL;
  self->header_line = NULL;
  self->footer_left = NULL;
  self->repeat_row = NULL;
  self->placing = NULL;
  self->n_pages = 0;
}

QuorumRecord *
quorum_record_new (const QuorumConference *conference,
                   const QuorumProfile    *profile,
                   const char             *exported_by,
                   GDateTime              *exported_at)
{
  QuorumRecord *self;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (conference != NULL, NULL);

  if (exported_at == NULL)
    exported_at = now = g_date_time_new_now_local ();

  self = g_new0 (QuorumRecord, 1);
  self->doc = _quorum_document_new (conference, profile, exported_by, exported_at);

  return self;
}

void
quorum_record_free (QuorumRecord *self)
{
  if (self == NULL)
    return;

  record_reset (self);
  g_clear_pointer (&self->doc, _quorum_document_free);
  g_free (self);
}

int
quorum_record_get_n_pages (QuorumRecord *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

/* ---- paragraphs ---- */

static PangoFontDescription *
font_for (double      size,
          PangoWeight weight,
          PangoStyle  style)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);

  return font;
}

static Para *
para_new_full (QuorumRecord  *self,
               const char    *text,
               double         width,
               double         size,
               PangoWeight    weight,
               PangoStyle     style,
               const Colour  *colour,
               ParaFlags      flags)
{
  g_autoptr(PangoFontDescription) font = font_for (size, weight, style);
  Para *para = g_new0 (Para, 1);
  PangoAttrList *attrs;
  PangoLayoutIter *iter;
  int i = 0;

  para->layout = pango_layout_new (self->context);
  para->colour = colour;
  pango_layout_set_font_description (para->layout, font);
  pango_layout_set_width (para->layout, (int) (MAX (width, 10.0) * PANGO_SCALE));
  /* A word longer than the line (a reference, a URL) breaks rather than runs off the page. */
  pango_layout_set_wrap (para->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (para->layout, LINE_SPACING);
  /* The record reads left to right and a right-to-left name sits in it as a run; only someone's
   * own words take the direction of their first letter. */
  pango_layout_set_auto_dir (para->layout, (flags & PARA_AUTO_DIR) != 0);
  if (flags & PARA_ONE_LINE)
    pango_layout_set_ellipsize (para->layout, PANGO_ELLIPSIZE_END);
  /* Never add a hyphen the writer did not write. */
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (para->layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (para->layout, text != NULL ? text : "", -1);

  para->n_lines = pango_layout_get_line_count (para->layout);
  para->top = g_new0 (double, para->n_lines);
  para->bottom = g_new0 (double, para->n_lines);
  para->baseline = g_new0 (double, para->n_lines);
  para->x = g_new0 (double, para->n_lines);

  iter = pango_layout_get_iter (para->layout);
  do
    {
      PangoRectangle logical;
      int y0;
      int y1;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      para->top[i] = (double) y0 / PANGO_SCALE;
      para->bottom[i] = (double) y1 / PANGO_SCALE;
      para->baseline[i] = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      para->x[i] = (double) logical.x / PANGO_SCALE;
      i++;
    }
  while (i < para->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  para->height = para->n_lines > 0 ? para->bottom[para->n_lines - 1] : 0;

  g_ptr_array_add (self->paras, para);

  return para;
}

static Para *
para_new (QuorumRecord  *self,
          const char    *text,
          double         width,
          double         size,
          PangoWeight    weight,
          PangoStyle     style,
          const Colour  *colour)
{
  return para_new_full (self, text, width, size, weight, style, colour, 0);
}

static double
para_natural_width (QuorumRecord *self,
                    const char   *text,
                    double        size,
                    PangoWeight   weight)
{
  g_autoptr(PangoFontDescription) font = font_for (size, weight, PANGO_STYLE_NORMAL);
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_get_extents (layout, NULL, &logical);

  return (double) logical.width / PANGO_SCALE;
}

/* The width of the longest word: a column narrower than this would break inside words. */
static double
para_min_width (QuorumRecord *self,
                const char   *text,
                double        size,
                PangoWeight   weight)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \n", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, para_natural_width (self, words[i], size, weight));

  return widest;
}

/* ---- placing ---- */

static void
add_item (QuorumRecord *self,
          const Item   *item)
{
  Item copy = *item;

  copy.page = self->page;
  copy.section = self->placing != NULL ? self->placing->section : NULL;
  copy.opens_section = self->placing != NULL && self->placing->kind == QUORUM_BLOCK_HEADING;
  g_array_append_val (self->items, copy);
}

static void place_row (QuorumRecord *self,
                       Row          *row);

static void
new_page (QuorumRecord *self)
{
  self->page++;
  self->y = self->body_top;
  self->body_bottom = self->page == self->short_page ? self->short_bottom : self->page_bottom;

  if (self->repeat_row != NULL)
    {
      Row *header = self->repeat_row;

      /* Placing the header must not recurse into another new page. */
      self->repeat_row = NULL;
      place_row (self, header);
      self->repeat_row = header;
    }

  self->fresh_y = self->y;
}

static double
row_height (const Row *row)
{
  double h = 0;

  for (guint c = 0; c < row->n_cells; c++)
    h = MAX (h, row->cells[c]->height);

  return row->pad_top + h + row->pad_bottom;
}

static void
emit_row_decorations (QuorumRecord *self,
                      const Row    *row,
                      double        top,
                      double        height)
{
  if (row->fill != NULL)
    add_item (self, &(Item) { .kind = ITEM_FILL, .colour = row->fill,
                              .x = row->fill_x, .y = top, .w = row->fill_w, .h = height });
  if (row->bar != NULL)
    add_item (self, &(Item) { .kind = ITEM_FILL, .colour = row->bar,
                              .x = row->bar_x, .y = top, .w = 2.0, .h = height });
  if (row->rule_below)
    add_item (self, &(Item) { .kind = ITEM_RULE, .colour = &rule_colour, .line_width = 0.5,
                              .x = row->rule_x, .y = top + height, .w = row->rule_w, .h = 0 });
}

/* Places @row at the current position. A row that does not fit goes whole to the next page;
 * one taller than a page is broken between lines, each cell at its own lines, so no line is
 * ever cut. */
static void
place_row (QuorumRecord *self,
           Row          *row)
{
  double body_height = self->body_bottom - self->body_top;
  double total = row_height (row);
  int next[MAX_COLUMNS] = { 0 };
  gboolean done = FALSE;

  if (!row->may_break && self->y + total > self->body_bottom &&
      total <= body_height - (self->repeat_row != NULL ? row_height (self->repeat_row) : 0) &&
      self->y > self->fresh_y)
    new_page (self);

  while (!done)
    {
      double avail = self->body_bottom - self->y - row->pad_top - row->pad_bottom;
      double used = 0;
      int last[MAX_COLUMNS];
      gboolean any = FALSE;

      done = TRUE;
      for (guint c = 0; c < row->n_cells; c++)
        {
          Para *para = row->cells[c];
          double offset = next[c] < para->n_lines ? para->top[next[c]] : 0;

          last[c] = next[c];
          while (last[c] < para->n_lines && para->bottom[last[c]] - offset <= avail)
            last[c]++;

          /* At the top of a page a line always goes, however tall. */
          if (last[c] == next[c] && next[c] < para->n_lines && self->y <= self->fresh_y)
            last[c]++;

          if (last[c] > next[c])
            {
              any = TRUE;
              used = MAX (used, para->bottom[last[c] - 1] - offset);
            }
          if (last[c] < para->n_lines)
            done = FALSE;
        }

      if (!any && !done)
        {
          new_page (self);
          continue;
        }

      emit_row_decorations (self, row, self->y, row->pad_top + used + row->pad_bottom);

      for (guint c = 0; c < row->n_cells; c++)
        {
          if (last[c] > next[c])
            add_item (self, &(Item) { .kind = ITEM_LINES, .para = row->cells[c],
                                      .colour = row->cells[c]->colour,
                                      .first = next[c], .last = last[c],
                                      .x = row->x[c], .y = self->y + row->pad_top + row->dy[c] });
          next[c] = last[c];
        }

      self->y += row->pad_top + used + row->pad_bottom;

      if (!done)
        new_page (self);
    }
}

static Row *
row_new (QuorumRecord *self)
{
  Row *row = g_new0 (Row, 1);

  g_ptr_array_add (self->rows, row);

  return row;
}

/* Starts a new page unless @needed points fit below the current position. What exactly fits
 * fits: a heading that kept room for its paragraph and the paragraph then asking for it sum the
 * same heights in another order, and a rounding's last bit left the heading alone at a page's
 * foot, its reason overleaf. */
static void
keep_space (QuorumRecord *self,
            double        needed)
{
  if (self->y > self->fresh_y && self->y + needed > self->body_bottom + 0.01)
    new_page (self);
}

static void
place_para (QuorumRecord *self,
            Para         *para,
            double        x,
            gboolean      may_break)
{
  Row *row = row_new (self);

  row->n_cells = 1;
  row->cells[0] = para;
  row->x[0] = x;
  row->may_break = may_break;
  place_row (self, row);
}

/* The first two lines of @para (or one), so a paragraph never starts with a lone line at a
 * page's foot. */
static double
para_head_height (const Para *para)
{
  if (para->n_lines == 0)
    return 0;

  return para->bottom[MIN (para->n_lines, 2) - 1];
}

/* ---- blocks ---- */

static GPtrArray *fields_rows        (QuorumRecord      *self,
                                      const QuorumBlock *block,
                                      double            *total);
static double     fields_keep_height (QuorumRecord      *self,
                                      double             total);

static double block_lead_height (QuorumRecord      *self,
                                 const QuorumBlock *block,
                                 double             above);

/* The block after @block in the document, or NULL. */
static const QuorumBlock *
block_after (QuorumRecord      *self,
             const QuorumBlock *block)
{
  guint index;

  if (!g_ptr_array_find (self->doc->blocks, block, &index) || index + 1 >= self->doc->blocks->len)
    return NULL;

  return g_ptr_array_index (self->doc->blocks, index + 1);
}

/* The block before @block in the document, or NULL. */
static const QuorumBlock *
block_before (QuorumRecord      *self,
              const QuorumBlock *block)
{
  guint index;

  if (!g_ptr_array_find (self->doc->blocks, block, &index) || index == 0)
    return NULL;

  return g_ptr_array_index (self->doc->blocks, index - 1);
}

static void
heading_metrics (const QuorumBlock *block,
                 double            *size,
                 PangoWeight       *weight,
                 double            *before,
                 double            *after)
{
  *weight = PANGO_WEIGHT_BOLD;
  switch (block->kind)
    {
    case QUORUM_BLOCK_TITLE:
      *size = 17;
      *before = 0;
      *after = 8;
      break;
    case QUORUM_BLOCK_HEADING:
      *size = 13.5;
      *before = 20;
      *after = 4 + 3;           /* and its rule */
      break;
    case QUORUM_BLOCK_SUBHEADING:
    default:
      *size = 10.5;
      *before = 13;
      *after = 4;
      *weight = PANGO_WEIGHT_SEMIBOLD;
      break;
    }
}

/* Whether @block heads what follows it: a heading, an entry's title, or a line that belongs
 * to the title before it (a dissenting group's representatives). */
static gboolean
is_lead (const QuorumBlock *block)
{
  return block->kind == QUORUM_BLOCK_HEADING || block->kind == QUORUM_BLOCK_SUBHEADING ||
         (block->kind == QUORUM_BLOCK_PARAGRAPH &&
          (block->style == QUORUM_BLOCK_STYLE_STRONG || block->keep_with_next));
}

/* A heading's own height when it follows another heading (a child's heading, then "Dissent",
 * then a group's title and its representatives): the chain is kept together with the first
 * lines of what ends it (the group's reason), so no heading is left alone at a page's foot.
 * The paragraphs made here to measure are dropped with the rest at the next pagination. */
static double
chained_heading_height (QuorumRecord      *self,
                        const QuorumBlock *block,
                        guint              depth,
                        double             above)
{
  const QuorumBlock *next = block_after (self, block);
  double own;
  double follows;

  if (block->kind == QUORUM_BLOCK_PARAGRAPH && block->style == QUORUM_BLOCK_STYLE_NOTE)
    {
      double width = self->body_width - block->indent * INDENT;
      Para *para = para_new (self, block->text, width, SMALL_SIZE + 0.5, PANGO_WEIGHT_NORMAL,
                             PANGO_STYLE_ITALIC, &quiet);

      /* As place_paragraph () sets a note: the gap before, and 4 after it. */
      own = para->height + 4 + (block->space_before ? 7 : 0);
    }
  else if (block->kind == QUORUM_BLOCK_PARAGRAPH)
    {
      gboolean strong = block->style == QUORUM_BLOCK_STYLE_STRONG;
      double width = self->body_width - block->indent * INDENT;
      Para *para = para_new (self, block->text, width, BODY_SIZE,
                             strong ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL,
                             PANGO_STYLE_NORMAL, &ink);

      /* As place_paragraph () sets them: the gap before, and after it 1 (a title) or 2. */
      own = para->height + (strong ? 1 : 2) + (block->space_before ? 7 : 0);
    }
  else
    {
      double size, before, after;
      PangoWeight weight;
      Para *para;

      heading_metrics (block, &size, &weight, &before, &after);
      para = para_new (self, block->text, self->body_width, size, weight, PANGO_STYLE_NORMAL, &accent);
      own = before + para->height + after;
    }

  if (next == NULL)
    return own;
  if (depth < 5 && is_lead (next))
    follows = chained_heading_height (self, next, depth + 1, above + own);
  else
    follows = block_lead_height (self, next, above + own);

  return own + follows;
}

/* How much of a paragraph must fit below its heading (@above: the heading's height, a chain
 * of headings' included) for the two to stay together. A paragraph that fits a page with its
 * heading goes whole: kept with only its first lines, place_row () moved it whole to the next
 * page and left the heading alone (issue 10: a group's title and representatives at a page's
 * foot, its reason overleaf). A longer one is broken between lines where it stands
 * (place_paragraph () makes it so), and its first two lines will do. The paragraph made here
 * to measure is dropped with the rest at the next pagination. */
static double
paragraph_lead_height (QuorumRecord      *self,
                       const QuorumBlock *block,
                       double             above)
{
  double width = self->body_width - block->indent * INDENT;
  double pad = block->space_before ? 7 : 0;
  Para *para;

  switch (block->style)
    {
    case QUORUM_BLOCK_STYLE_QUOTE:
      para = para_new_full (self, block->text, self->body_width - QUOTE_INDENT - 8, BODY_SIZE,
                            PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &ink, PARA_AUTO_DIR);
      pad += 6;   /* its row's padding, 2 + 2, and the 6 its own keep_space () asks */
      break;
    case QUORUM_BLOCK_STYLE_NOTE:
      para = para_new (self, block->text, width, SMALL_SIZE + 0.5, PANGO_WEIGHT_NORMAL,
                       PANGO_STYLE_ITALIC, &quiet);
      break;
    case QUORUM_BLOCK_STYLE_STRONG:
      para = para_new (self, block->text, width, BODY_SIZE, PANGO_WEIGHT_SEMIBOLD,
                       PANGO_STYLE_NORMAL, &ink);
      break;
    case QUORUM_BLOCK_STYLE_BODY:
    default:
      para = para_new (self, block->text, width, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                       PANGO_STYLE_NORMAL, &ink);
      break;
    }

  if (above + para->height + pad <= self->body_bottom - self->body_top)
    return para->height + pad;
  return para_head_height (para) + pad;
}

static double
block_lead_height (QuorumRecord      *self,
                   const QuorumBlock *block,
                   double             above)
{
  double line = BODY_SIZE * LINE_SPACING * 1.2;

  /* Enough of what follows a heading to keep the two together: its first lines, and for an
   * entry's title, the first lines of the entry too; another heading, with what follows it. */
  if (block == NULL)
    return 0;
  if (is_lead (block))
    return chained_heading_height (self, block, 0, above);
  switch (block->kind)
    {
    case QUORUM_BLOCK_TABLE:
      return 3 * line + 4 * CELL_PAD_Y;
    case QUORUM_BLOCK_PARAGRAPH:
      return paragraph_lead_height (self, block, above);
    case QUORUM_BLOCK_FIELDS:
      {
        /* A short block of fields is kept whole: keep it with its heading too. The rows made
         * here to measure are dropped with the rest at the next pagination. */
        double total;
        g_autoptr(GPtrArray) rows = fields_rows (self, block, &total);
        double keep = fields_keep_height (self, total);

        return keep > 0 ? keep : 2 * line;
      }
    default:
      return 2 * line;
    }
}

static void
place_heading (QuorumRecord      *self,
               const QuorumBlock *block,
               const QuorumBlock *next)
{
  double size;
  double before;
  double after;
  PangoWeight weight = PANGO_WEIGHT_BOLD;
  const Colour *colour = &accent;
  Para *para;

  switch (block->kind)
    {
    case QUORUM_BLOCK_TITLE:
      size = 17;
      before = 0;
      after = 8;
      colour = &ink;
      break;
    case QUORUM_BLOCK_HEADING:
      size = 13.5;
      before = 20;
      after = 4;
      break;
    case QUORUM_BLOCK_SUBHEADING:
    default:
      size = 10.5;
      before = 13;
      after = 4;
      weight = PANGO_WEIGHT_SEMIBOLD;
      break;
    }

  para = para_new (self, block->text, self->body_width, size, weight, PANGO_STYLE_NORMAL, colour);

  if (self->y > self->body_top)
    self->y += before;
  /* As chained_heading_height () counts it: the gap above a heading that follows another,
   * and a child's heading's rule. */
  self->chain_above += (self->chain_above > 0 ? before : 0) + para->height + after +
                       (block->kind == QUORUM_BLOCK_HEADING ? 3 : 0);
  keep_space (self, para->height + after + (next != NULL ? block_lead_height (self, next, self->chain_above) : 0));
  place_para (self, para, self->body_left, FALSE);

  /* A heading for a child is ruled off: it starts a new part of the record. */
  if (block->kind == QUORUM_BLOCK_HEADING)
    {
      add_item (self, &(Item) { .kind = ITEM_RULE, .colour = &accent, .line_width = 0.8,
                                .x = self->body_left, .y = self->y + 1.5,
                                .w = self->body_width, .h = 0 });
      self->y += 3;
    }

  self->y += after;
}

static void
place_paragraph (QuorumRecord      *self,
                 const QuorumBlock *block,
                 const QuorumBlock *next)
{
  double x = self->body_left + block->indent * INDENT;
  double width = self->body_width - block->indent * INDENT;
  const QuorumBlock *prev = block_before (self, block);
  /* After its heading a paragraph is broken where it does not fit, never moved whole: the
   * heading kept room for its first lines only when it could not keep all of it. */
  gboolean headed = prev != NULL && is_lead (prev);
  Para *para;
  Row *row;

  if (block->space_before && self->y > self->body_top)
    self->y += 7;

  switch (block->style)
    {
    case QUORUM_BLOCK_STYLE_STRONG:
      para = para_new (self, block->text, width, BODY_SIZE, PANGO_WEIGHT_SEMIBOLD,
                       PANGO_STYLE_NORMAL, &ink);
      self->chain_above += para->height + 1 + (block->space_before ? 7 : 0);
      keep_space (self, para->height + 1 + block_lead_height (self, next, self->chain_above));
      place_para (self, para, x, FALSE);
      self->y += 1;
      break;

    case QUORUM_BLOCK_STYLE_QUOTE:
      /* Someone's own words: set off by a rule at their left, never restyled. */
      x = self->body_left + QUOTE_INDENT;
      width = self->body_width - QUOTE_INDENT;
      para = para_new_full (self, block->text, width - 8, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                            PANGO_STYLE_NORMAL, &ink, PARA_AUTO_DIR);
      keep_space (self, para_head_height (para) + 6);
      row = row_new (self);
      row->n_cells = 1;
      row->cells[0] = para;
      row->x[0] = x + 8;
      row->pad_top = 2;
      row->pad_bottom = 2;
      row->bar = &rule_colour;
      row->bar_x = x;
      row->may_break = headed;
      place_row (self, row);
      self->y += 4;
      break;

    case QUORUM_BLOCK_STYLE_NOTE:
      para = para_new (self, block->text, width, SMALL_SIZE + 0.5, PANGO_WEIGHT_NORMAL,
                       PANGO_STYLE_ITALIC, &quiet);
      /* A note that heads what follows ("Amended after sign-off …; the original is above:",
       * then the amended words) goes with its first lines, as a title does. */
      if (block->keep_with_next)
        {
          self->chain_above += para->height + 4 + (block->space_before ? 7 : 0);
          keep_space (self, para->height + 4 + block_lead_height (self, next, self->chain_above));
        }
      else
        keep_space (self, para_head_height (para));
      place_para (self, para, x, headed);
      self->y += 4;
      break;

    case QUORUM_BLOCK_STYLE_BODY:
    default:
      para = para_new (self, block->text, width, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                       PANGO_STYLE_NORMAL, &ink);
      /* A line of a title's (a group's representatives) goes with what follows, as the title. */
      if (block->keep_with_next)
        {
          self->chain_above += para->height + 2 + (block->space_before ? 7 : 0);
          keep_space (self, para->height + 2 + block_lead_height (self, next, self->chain_above));
        }
      else
        keep_space (self, para_head_height (para));
      place_para (self, para, x, headed);
      self->y += 2;
      break;
    }
}

/* The rows of a FIELDS block, laid out but not placed; @total: their height. */
static GPtrArray *
fields_rows (QuorumRecord      *self,
             const QuorumBlock *block,
             double            *total)
{
  double x = self->body_left + block->indent * INDENT;
  double width = self->body_width - block->indent * INDENT;
  double label_width = self->label_width;
  GPtrArray *rows = g_ptr_array_new ();

  *total = 0;
  for (guint i = 0; i + 1 < block->cells->len; i += 2)
    {
      Row *row = row_new (self);

      row->n_cells = 2;
      row->cells[0] = para_new (self, g_ptr_array_index (block->cells, i), label_width,
                                SMALL_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &quiet);
      row->cells[1] = para_new (self, g_ptr_array_index (block->cells, i + 1),
                                width - label_width - 12, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                PANGO_STYLE_NORMAL, &ink);
      row->x[0] = x;
      row->x[1] = x + label_width + 12;
      row->pad_top = 1.5;
      row->pad_bottom = 1.5;
      /* The small label sits on the value's first baseline. */
      if (row->cells[0]->n_lines > 0 && row->cells[1]->n_lines > 0)
        row->dy[0] = row->cells[1]->baseline[0] - row->cells[0]->baseline[0];
      g_ptr_array_add (rows, row);
      *total += row_height (row);
    }

  return rows;
}

/* A few lines of fields read as one and go to the next page together; long values (a
 * discussion, an amendment) may run on over a page break. */
static double
fields_keep_height (QuorumRecord *self,
                    double        total)
{
  return total <= (self->body_bottom - self->body_top) / 3 ? total : 0;
}

static void
place_fields (QuorumRecord      *self,
              const QuorumBlock *block)
{
  double total;
  g_autoptr(GPtrArray) rows = fields_rows (self, block, &total);

  keep_space (self, fields_keep_height (self, total));

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      keep_space (self, para_head_height (row->cells[1]) + 3);
      place_row (self, row);
    }

  self->y += 3;
}

/* Column widths that fit @total, as a browser lays out an automatic table: when every column's
 * natural (unwrapped) width fits, each gets it and the room left is shared out; else each gets
 * its longest word and the rest is shared in proportion to how much more each would like. */
static void
fit_columns (const double *natural,
             const double *minimum,
             guint         n,
             double        total,
             double       *out)
{
  double sum_natural = 0;
  double sum_minimum = 0;

  for (guint c = 0; c < n; c++)
    {
      sum_natural += natural[c];
      sum_minimum += minimum[c];
    }

  if (sum_natural <= total)
    {
      for (guint c = 0; c < n; c++)
        out[c] = natural[c] + (total - sum_natural) * natural[c] / sum_natural;
      return;
    }

  if (sum_minimum >= total)
    {
      for (guint c = 0; c < n; c++)
        out[c] = total * minimum[c] / sum_minimum;
      return;
    }

  for (guint c = 0; c < n; c++)
    out[c] = minimum[c] + (total - sum_minimum) * (natural[c] - minimum[c]) / (sum_natural - sum_minimum);
}

static void
place_table (QuorumRecord      *self,
             const QuorumBlock *block)
{
  guint n = MIN (block->n_columns, MAX_COLUMNS);
  guint n_rows = block->cells->len / block->n_columns;
  double natural[MAX_COLUMNS] = { 0 };
  double minimum[MAX_COLUMNS] = { 0 };
  double widths[MAX_COLUMNS] = { 0 };
  double x = self->body_left + block->indent * INDENT;
  double width = self->body_width - block->indent * INDENT;
  Row *header = NULL;

  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < n; c++)
        {
          const char *text = g_ptr_array_index (block->cells, r * block->n_columns + c);
          double size = r == 0 ? SMALL_SIZE : BODY_SIZE;
          PangoWeight weight = r == 0 ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL;

          /* The last column's marks are bold. */
          if (r > 0 && c == n - 1)
            weight = PANGO_WEIGHT_BOLD;
          double cell_natural = para_natural_width (self, text, size, weight) + 2 * CELL_PAD_X + 1;

          natural[c] = MAX (natural[c], cell_natural);
          /* A short cell ("No plan") is never broken; a long one may break between words. */
          minimum[c] = MAX (minimum[c], cell_natural <= SHORT_CELL
                                          ? cell_natural
                                          : para_min_width (self, text, size, weight) + 2 * CELL_PAD_X + 1);
        }
    }
  fit_columns (natural, minimum, n, width, widths);

  for (guint r = 0; r < n_rows; r++)
    {
      Row *row = row_new (self);
      gboolean marked = r > 0 && g_array_index (block->marked_rows, gboolean, r - 1);
      double cx = x;

      row->n_cells = n;
      for (guint c = 0; c < n; c++)
        {
          const char *text = g_ptr_array_index (block->cells, r * block->n_columns + c);

          if (r == 0)
            row->cells[c] = para_new (self, text, widths[c] - 2 * CELL_PAD_X, SMALL_SIZE,
                                      PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, &quiet);
          else
            row->cells[c] = para_new (self, text, widths[c] - 2 * CELL_PAD_X, BODY_SIZE,
                                      marked && c == n - 1 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                      PANGO_STYLE_NORMAL,
                                      marked && c == n - 1 ? &dissent_mark : &ink);
          row->x[c] = cx + CELL_PAD_X;
          cx += widths[c];
        }

      row->pad_top = CELL_PAD_Y;
      row->pad_bottom = CELL_PAD_Y;
      row->rule_below = TRUE;
      row->rule_x = x;
      row->rule_w = width;
      if (r == 0)
        {
          row->fill = &header_fill;
          row->fill_x = x;
          row->fill_w = width;
          header = row;
        }
      else if (marked)
        {
          row->fill = &dissent_fill;
          row->fill_x = x;
          row->fill_w = width;
          row->bar = &dissent_mark;
          row->bar_x = x;
        }

      /* The header goes with at least the first row. */
      if (r == 0)
        keep_space (self, row_height (row) + (n_rows > 1 ? BODY_SIZE * 3 : 0));

      place_row (self, row);

      if (r == 0)
        self->repeat_row = header;
    }

  self->repeat_row = NULL;
  self->y += 6;
}

/* ---- chrome ---- */

/* The footer's words at @width with its seal never broken across lines: the seal's hyphens let
 * a line break inside it ("seal 183-d6ab3-afa6a-" / "d76f5-8d732"), which no one can read or
 * type back into `verify --seal`. Where a line would break inside the seal or between it and the
 * word naming it, the line breaks before that word instead. The paragraphs made here to measure
 * are dropped with the rest at the next pagination. */
static char *
footer_text (QuorumRecord *self,
             double        width)
{
  GString *text = g_string_new (self->doc->footer);
  const char *seal = self->doc->seal;

  for (guint pass = 0; seal != NULL && *seal != '\0' && pass < 4; pass++)
    {
      Para *para = para_new (self, text->str, width, SMALL_SIZE, PANGO_WEIGHT_NORMAL,
                             PANGO_STYLE_NORMAL, &quiet);
      gboolean moved = FALSE;

      for (GSList *l = pango_layout_get_lines_readonly (para->layout); l != NULL && !moved; l = l->next)
        {
          gsize start = ((PangoLayoutLine *) l->data)->start_index;

          for (const char *at = strstr (text->str, seal); at != NULL && !moved; at = strstr (at + 1, seal))
            {
              gsize from = at - text->str;
              gsize word = from;

              /* Back over the space before the seal and the word naming it ("seal", "sêl"). */
              while (word > 0 && text->str[word - 1] == ' ')
                word--;
              while (word > 0 && text->str[word - 1] != ' ' && text->str[word - 1] != '\n')
                word--;
              if (start <= word || start >= from + strlen (seal))
                continue;
              if (word > 0 && text->str[word - 1] == ' ')
                text->str[word - 1] = '\n';
              else if (from > 0 && text->str[from - 1] == ' ')
                text->str[from - 1] = '\n';
              else
                continue;
              moved = TRUE;
            }
        }
      if (!moved)
        break;
    }

  return g_string_free (text, FALSE);
}

static void
layout_chrome (QuorumRecord *self)
{
  double draft_width = 0;
  double top = MARGIN_TOP;

  if (self->doc->draft)
    {
      g_autofree char *draft = _quorum_document_draft_label (self->doc);

      self->header_draft = para_new (self, draft, self->body_width, SMALL_SIZE + 1,
                                     PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, &draft_red);
      pango_layout_set_width (self->header_draft->layout, -1);
      draft_width = para_natural_width (self, draft, SMALL_SIZE + 1, PANGO_WEIGHT_BOLD) + 12;
    }

  /* One line each, whatever the names: the header is the same height on every page. */
  self->header_title = para_new_full (self, self->doc->running_title, self->body_width - draft_width,
                                      SMALL_SIZE + 1, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL,
                                      &ink, PARA_ONE_LINE);
  self->header_line = para_new_full (self, self->doc->header, self->body_width, SMALL_SIZE,
                                     PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &quiet, PARA_ONE_LINE);
  self->header_bottom = top + self->header_title->height + 1 + self->header_line->height + 4;

  {
    g_autofree char *footer = footer_text (self, self->body_width * 0.72);

    self->footer_left = para_new (self, footer, self->body_width * 0.72, SMALL_SIZE,
                                  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &quiet);
  }
  self->footer_top = self->page_h - MARGIN_BOTTOM - self->footer_left->height - 4;

  self->body_top = self->header_bottom + 14;
  self->page_bottom = self->footer_top - 12;
  self->body_bottom = self->page_bottom;
}

static void
layout_page_numbers (QuorumRecord *self)
{
  self->footer_pages = g_ptr_array_new ();

  for (int i = 0; i < self->n_pages; i++)
    {
      g_autofree char *text = _quorum_document_page_label (self->doc, i + 1, self->n_pages);
      Para *para = para_new (self, text, self->body_width * 0.25, SMALL_SIZE,
                             PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, &quiet);

      pango_layout_set_alignment (para->layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_auto_dir (para->layout, FALSE);
      g_ptr_array_add (self->footer_pages, para);
    }
}

/* DOMAIN: a page read alone can be placed. A page whose first line continues a child's section
 * (not the section's own heading) names the child, as the name stands, at the right of its
 * running title: "Amy Jones (continued)"; the title beside it is narrowed to leave it room. */
static void
layout_continued (QuorumRecord *self)
{
  double draft_width = 0;

  self->header_continued = g_ptr_array_new ();
  self->header_titles = g_ptr_array_new ();
  if (self->header_draft != NULL)
    {
      g_autofree char *draft = _quorum_document_draft_label (self->doc);

      draft_width = para_natural_width (self, draft, SMALL_SIZE + 1, PANGO_WEIGHT_BOLD) + 12;
    }

  for (int page = 0; page < self->n_pages; page++)
    {
      const Item *first = NULL;
      Para *label = NULL;
      Para *title = NULL;

      for (guint i = 0; i < self->items->len && first == NULL; i++)
        if (g_array_index (self->items, Item, i).page == page)
          first = &g_array_index (self->items, Item, i);

      if (first != NULL && first->section != NULL && !first->opens_section)
        {
          g_autofree char *text = _quorum_document_continued_label (self->doc, first->section);
          double width = MIN (para_natural_width (self, text, SMALL_SIZE + 1, PANGO_WEIGHT_SEMIBOLD) + 1,
                              (self->body_width - draft_width) / 2);

          label = para_new_full (self, text, width, SMALL_SIZE + 1, PANGO_WEIGHT_SEMIBOLD,
                                 PANGO_STYLE_NORMAL, &ink, PARA_ONE_LINE);
          title = para_new_full (self, self->doc->running_title,
                                 self->body_width - draft_width - width - 12,
                                 SMALL_SIZE + 1, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL,
                                 &ink, PARA_ONE_LINE);
        }
      g_ptr_array_add (self->header_continued, label);
      g_ptr_array_add (self->header_titles, title);
    }
}

static guint place_blocks (QuorumRecord *self);

static PangoDirection
record_direction (void)
{
  /* TRANSLATORS: "default:RTL" for a language written right to left, else "default:LTR" */
  return g_strcmp0 (_("default:LTR"), "default:RTL") == 0 ? PANGO_DIRECTION_RTL
                                                          : PANGO_DIRECTION_LTR;
}

/* Whether the items from @tail on (the record's closing lines) are all its last page holds,
 * the record's content ending on the page before. Then @cut: where that page's body should
 * end for its last two lines of content (or its last one, a row of one line) to go over with
 * them. */
static gboolean
closing_alone (QuorumRecord *self,
               guint         tail,
               double       *cut)
{
  const Item *last;
  const Item *content = NULL;
  int first_line;

  if (tail == 0 || tail >= self->items->len)
    return FALSE;
  last = &g_array_index (self->items, Item, self->items->len - 1);
  if (g_array_index (self->items, Item, tail - 1).page >= last->page)
    return FALSE;

  for (guint i = tail; i > 0 && content == NULL; i--)
    {
      const Item *item = &g_array_index (self->items, Item, i - 1);

      if (item->kind == ITEM_LINES)
        content = item;
    }
  if (content == NULL || content->page != last->page - 1)
    return FALSE;

  /* Above the line's row's padding and rule too: the whole of the line goes over. */
  first_line = MAX (content->first, content->last - 2);
  *cut = content->y + content->para->top[first_line] - content->para->top[content->first] - CELL_PAD_Y - 1;

  /* What the page keeps: something, else there is nothing to move and no page to gain. */
  return *cut > self->body_top + BODY_SIZE;
}

void
quorum_record_paginate (QuorumRecord *self,
                        PangoContext *context,
                        double        page_w,
                        double        page_h)
{
  guint tail;
  double cut = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  record_reset (self);

  self->context = g_object_ref (context);
  /* The record's own direction, whatever the first letter of a name in it. */
  pango_context_set_base_dir (context, record_direction ());
  self->page_w = page_w;
  self->page_h = page_h;
  self->body_left = MARGIN_LEFT;
  self->body_width = page_w - MARGIN_LEFT - MARGIN_RIGHT;
  self->paras = g_ptr_array_new_with_free_func ((GDestroyNotify) para_free);
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  self->rows = g_ptr_array_new_with_free_func (g_free);

  layout_chrome (self);

  self->label_width = 0;
  for (guint i = 0; i < self->doc->blocks->len; i++)
    {
      const QuorumBlock *block = g_ptr_array_index (self->doc->blocks, i);

      for (guint k = 0; block->kind == QUORUM_BLOCK_FIELDS && k + 1 < block->cells->len; k += 2)
        self->label_width = MAX (self->label_width,
                                 para_natural_width (self, g_ptr_array_index (block->cells, k),
                                                     SMALL_SIZE, PANGO_WEIGHT_NORMAL));
    }
  /* A long label ("Proceeded although inquorate, because") wraps rather than push values away. */
  self->label_width = MIN (self->label_width, MAX_LABEL_WIDTH) + 1;

  self->short_page = -1;
  tail = place_blocks (self);

  /* The record's closing lines alone on its last page (issue: a page holding only the seal's
   * sentence): laid out again with the page before ending above its last two lines of
   * content, which then go over with them. */
  if (closing_alone (self, tail, &cut))
    {
      self->short_page = self->items->len > 0 ? g_array_index (self->items, Item, self->items->len - 1).page - 1 : -1;
      self->short_bottom = cut;
      g_array_set_size (self->items, 0);
      g_ptr_array_set_size (self->rows, 0);
      tail = place_blocks (self);
      if (closing_alone (self, tail, &cut))
        g_debug ("The record's closing lines are still alone on its last page");
    }

  self->n_pages = self->page + 1;
  layout_page_numbers (self);
  layout_continued (self);
}

/* Places every block from the first page on. Returns the index in items of the first of the
 * record's closing lines (the number of items when there are none). */
static guint
place_blocks (QuorumRecord *self)
{
  guint tail = G_MAXUINT;

  self->page = 0;
  self->y = self->body_top;
  self->fresh_y = self->body_top;
  self->body_bottom = self->short_page == 0 ? self->short_bottom : self->page_bottom;
  self->chain_above = 0;
  self->repeat_row = NULL;

  for (guint i = 0; i < self->doc->blocks->len; i++)
    {
      const QuorumBlock *block = g_ptr_array_index (self->doc->blocks, i);
      const QuorumBlock *next = i + 1 < self->doc->blocks->len
                                  ? g_ptr_array_index (self->doc->blocks, i + 1) : NULL;

      self->placing = block;

      switch (block->kind)
        {
        case QUORUM_BLOCK_TITLE:
        case QUORUM_BLOCK_HEADING:
        case QUORUM_BLOCK_SUBHEADING:
          place_heading (self, block, next);
          break;
        case QUORUM_BLOCK_FIELDS:
          place_fields (self, block);
          break;
        case QUORUM_BLOCK_TABLE:
          place_table (self, block);
          break;
        case QUORUM_BLOCK_PARAGRAPH:
          if (block->closing && tail == G_MAXUINT)
            tail = self->items->len;
          place_paragraph (self, block, next);
          break;
        default:
          break;
        }
      if (!is_lead (block))
        self->chain_above = 0;
    }

  self->placing = NULL;

  return MIN (tail, self->items->len);
}

/* ---- drawing ---- */

static void
set_colour (cairo_t      *cr,
            const Colour *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

static void
draw_lines (cairo_t    *cr,
            const Para *para,
            int         first,
            int         last,
            double      x,
            double      y)
{
  set_colour (cr, para->colour);

  for (int i = first; i < last; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (para->layout, i);

      cairo_move_to (cr, x + para->x[i], y + para->baseline[i] - para->top[first]);
      pango_cairo_show_layout_line (cr, line);
    }
}

static void
draw_para (cairo_t    *cr,
           const Para *para,
           double      x,
           double      y)
{
  draw_lines (cr, para, 0, para->n_lines, x, y);
}

/* A diagonal "DRAFT" behind the text, drawn as outlines: it marks the page without becoming
 * part of the text a reader copies or pdftotext extracts. */
static void
draw_watermark (QuorumRecord *self,
                cairo_t      *cr)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = font_for (110, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  PangoRectangle ink_rect;
  double angle = -atan2 (self->page_h, self->page_w);

  g_autofree char *label = _quorum_document_draft_label (self->doc);
  g_auto(GStrv) words = g_strsplit (label, " / ", -1);
  g_autofree char *lines = g_strjoinv ("\n", words);

  /* A bilingual record's mark is one word a line. */
  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, lines, -1);
  pango_layout_get_extents (layout, &ink_rect, NULL);

  cairo_save (cr);
  cairo_translate (cr, self->page_w / 2, self->page_h / 2);
  cairo_rotate (cr, angle);
  cairo_move_to (cr,
                 -((double) ink_rect.x + ink_rect.width / 2.0) / PANGO_SCALE,
                 -((double) ink_rect.y + ink_rect.height / 2.0) / PANGO_SCALE);
  pango_cairo_layout_path (cr, layout);
  set_colour (cr, &watermark);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_chrome (QuorumRecord *self,
             cairo_t      *cr,
             int           page)
{
  double y = MARGIN_TOP;
  double right = self->body_left + self->body_width;

  Para *continued = self->header_continued != NULL && page < (int) self->header_continued->len
                     ? g_ptr_array_index (self->header_continued, page) : NULL;
  double draft_left = right;

  if (continued != NULL)
    draw_para (cr, g_ptr_array_index (self->header_titles, page), self->body_left, y);
  else
    draw_para (cr, self->header_title, self->body_left, y);
  if (self->header_draft != NULL)
    {
      PangoRectangle logical;

      pango_layout_get_extents (self->header_draft->layout, NULL, &logical);
      draft_left = right - (double) logical.width / PANGO_SCALE;
    }
  /* Drawn left to right, so the header reads back as one line (pdftotext -raw). */
  if (continued != NULL)
    {
      PangoRectangle logical;

      pango_layout_get_extents (continued->layout, NULL, &logical);
      draw_para (cr, continued,
                 draft_left - (self->header_draft != NULL ? 12 : 0) - (double) logical.width / PANGO_SCALE, y);
    }
  if (self->header_draft != NULL)
    draw_para (cr, self->header_draft, draft_left, y);
  y += self->header_title->height + 1;
  draw_para (cr, self->header_line, self->body_left, y);

  set_colour (cr, &rule_colour);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, self->body_left, self->header_bottom + 2);
  cairo_line_to (cr, right, self->header_bottom + 2);
  cairo_stroke (cr);

  cairo_move_to (cr, self->body_left, self->footer_top);
  cairo_line_to (cr, right, self->footer_top);
  cairo_stroke (cr);

  draw_para (cr, self->footer_left, self->body_left, self->footer_top + 4);
  if (page < (int) self->footer_pages->len)
    draw_para (cr, g_ptr_array_index (self->footer_pages, page),
               right - self->body_width * 0.25, self->footer_top + 4);
}

void
quorum_record_draw_page (QuorumRecord *self,
                         cairo_t      *cr,
                         int           page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0 && page < self->n_pages);

  cairo_save (cr);

  if (self->doc->draft)
    draw_watermark (self, cr);

  draw_chrome (self, cr, page);

  /* Fills first, so rules and text lie on top of them. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < self->items->len; i++)
        {
          const Item *item = &g_array_index (self->items, Item, i);

          if (item->page != page)
            continue;

          if (pass == 0 && item->kind == ITEM_FILL)
            {
              set_colour (cr, item->colour);
              cairo_rectangle (cr, item->x, item->y, item->w, item->h);
              cairo_fill (cr);
            }
          else if (pass == 1 && item->kind == ITEM_RULE)
            {
              set_colour (cr, item->colour);
              cairo_set_line_width (cr, item->line_width);
              cairo_move_to (cr, item->x, item->y);
              cairo_line_to (cr, item->x + item->w, item->y + item->h);
              cairo_stroke (cr);
            }
          else if (pass == 1 && item->kind == ITEM_LINES)
            draw_lines (cr, item->para, item->first, item->last, item->x, item->y);
        }
    }

  cairo_restore (cr);
}

/* ---- PDF ---- */

static FcConfig *
outline_fonts_config (void)
{
  static const char reject_colour[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
    "<fontconfig><selectfont><rejectfont><pattern>"
    "<patelt name=\"color\"><bool>true</bool></patelt>"
    "</pattern></rejectfont></selectfont></fontconfig>\n";
  static gsize initialised;
  static FcConfig *config;

  /* Read once a process (it scans the fonts); fontconfig is safe to query from any thread. */
  if (g_once_init_enter (&initialised))
    {
      FcConfig *made = FcConfigCreate ();

      if (!FcConfigParseAndLoad (made, NULL, FcTrue) ||
          !FcConfigParseAndLoadFromMemory (made, (const FcChar8 *) reject_colour, FcTrue) ||
          !FcConfigBuildFonts (made))
        {
          g_warning ("Could not set up the fonts of the PDF record: colour emoji may not be text");
          g_clear_pointer (&made, FcConfigDestroy);
        }
      config = made;
      g_once_init_leave (&initialised, 1);
    }

  return config;
}

/* Fonts for a PDF: every font fontconfig knows but colour ones. cairo 1.16 draws a colour
 * glyph (an emoji) as a picture with no text behind it, so the emoji would vanish from the
 * text a reader copies or searches; an outline emoji font keeps it. */
PangoFontMap *
_quorum_record_create_font_map (void)
{
  PangoFontMap *fontmap = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  FcConfig *config;

  if (fontmap == NULL)
    return pango_cairo_font_map_new ();

  if (PANGO_IS_FC_FONT_MAP (fontmap) && (config = outline_fonts_config ()) != NULL)
    pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (fontmap), config);

  return fontmap;
}

PangoContext *
quorum_record_create_pdf_context (cairo_t *cr)
{
  g_autoptr(PangoFontMap) fontmap = _quorum_record_create_font_map ();
  PangoContext *context = pango_font_map_create_context (fontmap);
  cairo_font_options_t *options;

  pango_cairo_update_context (cr, context);
  /* Points at 72 per inch and no hinting: the same layout on paper as in any viewer. */
  pango_cairo_context_set_resolution (context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  return context;
}

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

GBytes *
quorum_export_pdf_bytes (const QuorumConference  *conference,
                         const QuorumProfile     *profile,
                         const char              *exported_by,
                         GDateTime               *exported_at,
                         GError                 **error)
{
  g_autoptr(QuorumRecord) record = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  PangoContext *context;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (conference != NULL, NULL);

  record = quorum_record_new (conference, profile, exported_by, exported_at);

  surface = cairo_pdf_surface_create_for_stream (write_to_bytes, bytes,
                                                 QUORUM_RECORD_A4_WIDTH, QUORUM_RECORD_A4_HEIGHT);
  title = g_strdup_printf ("%s: %s", record->doc->running_title, record->doc->header);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  exported_by != NULL ? exported_by : _quorum_export_default_user ());
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Quorum " QUORUM_VERSION);

  cr = cairo_create (surface);

  context = quorum_record_create_pdf_context (cr);

  quorum_record_paginate (record, context, QUORUM_RECORD_A4_WIDTH, QUORUM_RECORD_A4_HEIGHT);

  for (int page = 0; page < quorum_record_get_n_pages (record); page++)
    {
      quorum_record_draw_page (record, cr, page);
      cairo_show_page (cr);
    }
  g_object_unref (context);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                   _("Could not draw the record: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
quorum_export_pdf (const QuorumConference  *conference,
                   const QuorumProfile     *profile,
                   const char              *exported_by,
                   GDateTime               *exported_at,
                   const char              *path,
                   GError                 **error)
{
  return quorum_export_conference (conference, profile, QUORUM_EXPORT_PDF,
                                   exported_by, exported_at, path, error);
}
