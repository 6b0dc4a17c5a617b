/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-export-text.c: the dissent record as plain UTF-8 text, for pasting into minutes. */

#include <string.h>
#include "core/quorum-gettext.h"

#include "quorum-export-private.h"

/* Table cells wider than this wrap onto further lines of their row. */
#define MAX_CELL_WIDTH 28

/* Columns a string takes in a monospaced terminal or editor: wide (CJK) characters take two,
 * combining marks none. */
static guint
display_width (const char *str,
               const char *end)
{
  guint width = 0;

  for (const char *p = str; p < end && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  guint used = display_width (text, text + strlen (text));

  g_string_append (out, text);
  for (guint i = used; i < width; i++)
    g_string_append_c (out, ' ');
}

static void
append_indent (GString *out,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/* Breaks @text into lines of at most @width columns, at spaces where it can and inside a word
 * only when the word alone is wider. Newlines in @text are kept. */
static GPtrArray *
wrap (const char *text,
      guint       width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      const char *rest = paragraphs[p];

      if (*rest == '\0')
        {
          g_ptr_array_add (lines, g_strdup (""));
          continue;
        }

      while (*rest != '\0')
        {
          const char *end = rest;
          const char *last_space = NULL;
          guint used = 0;

          while (*end != '\0')
            {
              gunichar c = g_utf8_get_char (end);
              guint w = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

              if (used + w > width && end > rest)
                break;
              if (c == ' ')
                last_space = end;
              used += w;
              end = g_utf8_next_char (end);
            }

          if (*end != '\0' && last_space != NULL && last_space > rest)
            end = last_space;

          g_ptr_array_add (lines, g_strndup (rest, end - rest));
          rest = end;
          while (*rest == ' ')
            rest++;
        }
    }

  return lines;
}

static void
append_underlined (GString    *out,
                   const char *text,
                   char        rule)
{
  guint width = display_width (text, text + strlen (text));

  g_string_append (out, text);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < width; i++)
    g_string_append_c (out, rule);
  g_string_append_c (out, '\n');
}

/* Every line of @text, each prefixed with @indent spaces. */
static void
append_indented_text (GString    *out,
                      const char *text,
                      guint       indent)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] != '\0')
        append_indent (out, indent);
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
}

static void
append_fields (GString           *out,
               const QuorumBlock *block)
{
  guint label_width = 0;
  guint indent = block->indent * 2;

  for (guint i = 0; i + 1 < block->cells->len; i += 2)
    {
      const char *label = g_ptr_array_index (block->cells, i);

      label_width = MAX (label_width, display_width (label, label + strlen (label)) + 1);
    }

  for (guint i = 0; i + 1 < block->cells->len; i += 2)
    {
      const char *label = g_ptr_array_index (block->cells, i);
      const char *value = g_ptr_array_index (block->cells, i + 1);
      g_auto(GStrv) lines = g_strsplit (value, "\n", -1);
      g_autofree char *with_colon = g_strconcat (label, ":", NULL);

      append_indent (out, indent);
      append_padded (out, with_colon, label_width + 2);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          if (l > 0 && lines[l][0] != '\0')
            append_indent (out, indent + label_width + 2);
          g_string_append (out, lines[l]);
          g_string_append_c (out, '\n');
        }
    }
}

static void
append_table (GString           *out,
              const QuorumBlock *block)
{
  guint n_columns = block->n_columns;
  guint n_rows = block->cells->len / n_columns;
  g_autofree guint *widths = g_new0 (guint, n_columns);
  guint last_used = 0;

  /* The last column that has anything in it: trailing blanks are not written. */
  for (guint c = 0; c < n_columns; c++)
    {
      for (guint r = 0; r < n_rows; r++)
        {
          const char *cell = g_ptr_array_index (block->cells, r * n_columns + c);
          g_autoptr(GPtrArray) lines = wrap (cell, MAX_CELL_WIDTH);

          for (guint l = 0; l < lines->len; l++)
            {
              const char *line = g_ptr_array_index (lines, l);

              widths[c] = MAX (widths[c], display_width (line, line + strlen (line)));
            }
          if (r > 0 && *cell != '\0')
            last_used = MAX (last_used, c);
        }
    }

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      guint height = 1;

      for (guint c = 0; c < n_columns; c++)
        {
          GPtrArray *lines = wrap (g_ptr_array_index (block->cells, r * n_columns + c),
                                   MAX_CELL_WIDTH);

          height = MAX (height, lines->len);
          g_ptr_array_add (cells, lines);
        }

      for (guint l = 0; l < height; l++)
        {
          GString *line = g_string_new ("  ");

          for (guint c = 0; c <= last_used && c < n_columns; c++)
            {
              GPtrArray *lines = g_ptr_array_index (cells, c);
              const char *text = l < lines->len ? g_ptr_array_index (lines, l) : "";

              if (c > 0)
                g_string_append (line, "  ");
              append_padded (line, text, widths[c]);
            }

          /* No trailing spaces: editors and mail clients show them. */
          while (line->len > 0 && line->str[line->len - 1] == ' ')
            g_string_truncate (line, line->len - 1);
          g_string_append (out, line->str);
          g_string_append_c (out, '\n');
          g_string_free (line, TRUE);
        }

      if (r == 0)
        {
          g_string_append (out, "  ");
          for (guint c = 0; c <= last_used && c < n_columns; c++)
            {
              if (c > 0)
                g_string_append (out, "  ");
              for (guint i = 0; i < widths[c]; i++)
                g_string_append_c (out, '-');
            }
          g_string_append_c (out, '\n');
        }
    }
}

static gboolean
previous_is_note (const QuorumDocument *doc,
                  guint                 i)
{
  const QuorumBlock *previous = g_ptr_array_index (doc->blocks, i - 1);

  return previous->kind == QUORUM_BLOCK_PARAGRAPH && previous->style == QUORUM_BLOCK_STYLE_NOTE;
}

char *
quorum_export_text_string (const QuorumConference *conference,
                           const QuorumProfile    *profile,
                           const char             *exported_by,
                           GDateTime              *exported_at)
{
  g_autoptr(QuorumDocument) doc = NULL;
  g_autoptr(GDateTime) now = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (conference != NULL, NULL);

  if (exported_at == NULL)
    exported_at = now = g_date_time_new_now_local ();

  doc = _quorum_document_new (conference, profile, exported_by, exported_at);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const QuorumBlock *block = g_ptr_array_index (doc->blocks, i);

      switch (block->kind)
        {
        case QUORUM_BLOCK_TITLE:
          {
            g_autofree char *draft = doc->draft ? _quorum_document_draft_label (doc) : NULL;
            g_autofree char *title = draft != NULL
              ? g_strdup_printf ("%s (%s)", block->text, draft)
              : g_strdup (block->text);

            append_underlined (out, title, '=');
            g_string_append_printf (out, "%s\n\n", doc->header);
          }
          break;

        case QUORUM_BLOCK_HEADING:
          g_string_append_c (out, '\n');
          append_underlined (out, block->text, '=');
          g_string_append_c (out, '\n');
          break;

        case QUORUM_BLOCK_SUBHEADING:
          g_string_append_c (out, '\n');
          append_underlined (out, block->text, '-');
          break;

        case QUORUM_BLOCK_FIELDS:
          if (i > 0 && previous_is_note (doc, i))
            g_string_append_c (out, '\n');
          append_fields (out, block);
          break;

        case QUORUM_BLOCK_TABLE:
          append_table (out, block);
          break;

        case QUORUM_BLOCK_PARAGRAPH:
          if (block->space_before)
            g_string_append_c (out, '\n');
          if (block->style == QUORUM_BLOCK_STYLE_QUOTE)
            append_indented_text (out, block->text, 4);
          else
            append_indented_text (out, block->text, block->indent * 2);
          break;

        default:
          break;
        }
    }

  return g_string_free (out, FALSE);
}
