/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-validate.c: checks on typed text before it reaches the record. */

#include <string.h>
#include "quorum-gettext.h"

#include "quorum/quorum-error.h"
#include "quorum/quorum-validate.h"

/* "20,001": counts are read by people, so group the thousands. */
static char *
format_count (gsize n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GSIZE_FORMAT, n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/* Characters that change how the text around them reads without showing themselves: the
 * bidirectional embeddings, overrides and isolates (a name printed backwards in a record),
 * and the invisible spaces and marks. The joiners U+200C/U+200D stay: scripts and emoji
 * need them. */
gboolean
quorum_unichar_is_deceptive (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) ||   /* LRE RLE PDF LRO RLO */
         (c >= 0x2066 && c <= 0x2069) ||   /* LRI RLI FSI PDI */
         c == 0x200B ||                    /* zero-width space */
         c == 0x200E || c == 0x200F ||     /* LRM RLM */
         c == 0x061C ||                    /* Arabic letter mark */
         c == 0x2060 ||                    /* word joiner */
         c == 0xFEFF ||                    /* zero-width no-break space */
         c == 0x00AD;                      /* soft hyphen */
}

gboolean
quorum_check_text (const char  *text,
                   const char  *what,
                   gboolean     required,
                   gsize        max,
                   GError     **error)
{
  gboolean blank = TRUE;
  gsize length;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (what == NULL)
    what = _("the text");

  if (text == NULL)
    {
      if (!required)
        return TRUE;
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s must not be empty"), what);
      return FALSE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s is not valid UTF-8"), what);
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* A name is one line; reasons and summaries keep their new lines. */
      if (max <= QUORUM_MAX_NAME && (c == '\n' || c == '\t'))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("%s must be one line (it contains a new line or a tab)"), what);
          return FALSE;
        }

      if (quorum_unichar_is_deceptive (c))
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("%s contains an invisible character (U+%04X) that changes how text reads; "
                         "remove it"), what, (guint) c);
          return FALSE;
        }

      /* Escapes and other controls could rewrite a terminal or a printed record. */
      if (g_unichar_iscntrl (c) && c != '\n' && c != '\t')
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                       _("%s contains a control character (U+%04X); only new lines and tabs are allowed"),
                       what, (guint) c);
          return FALSE;
        }

      if (!g_unichar_isspace (c))
        blank = FALSE;
    }

  if (required && blank)
    {
      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s must not be empty"), what);
      return FALSE;
    }

  length = (gsize) g_utf8_strlen (text, -1);
  if (length > max)
    {
      g_autofree char *shown_length = format_count (length);
      g_autofree char *shown_max = format_count (max);

      g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_INVALID,
                   _("%s is %s characters long; the most is %s"),
                   what, shown_length, shown_max);
      return FALSE;
    }

  return TRUE;
}
