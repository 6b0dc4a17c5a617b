/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-search.c: the search's fold (quorum-search.h), the same map SQL's translate () is
 * given, so a search finds the same conferences on SQLite and on PostgreSQL. */

#include <string.h>

#include <quorum/quorum-search.h>

static GHashTable *
fold_map (void)
{
  static gsize made = 0;
  static GHashTable *map = NULL;

  if (g_once_init_enter (&made))
    {
      GHashTable *m = g_hash_table_new (NULL, NULL);
      const char *from = QUORUM_SEARCH_FOLD_FROM;
      const char *to = QUORUM_SEARCH_FOLD_TO;

      for (; *from != '\0' && *to != '\0'; from = g_utf8_next_char (from), to = g_utf8_next_char (to))
        g_hash_table_insert (m, GUINT_TO_POINTER (g_utf8_get_char (from)), GUINT_TO_POINTER (g_utf8_get_char (to)));
      g_assert (*from == '\0' && *to == '\0');
      map = m;
      g_once_init_leave (&made, 1);
    }

  return map;
}

char *
quorum_search_fold (const char *text)
{
  GHashTable *map;
  GString *out;

  if (text == NULL)
    return NULL;

  /* Most names are ASCII: lowered without the map. */
  for (const char *p = text;; p++)
    {
      if (*p == '\0')
        return g_ascii_strdown (text, -1);
      if ((guchar) *p >= 0x80)
        break;
    }

  /* Not text: left as it is (the store keeps only valid UTF-8). */
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  map = fold_map ();
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gpointer folded;

      if (c < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) c));
      else if (g_hash_table_lookup_extended (map, GUINT_TO_POINTER (c), NULL, &folded))
        g_string_append_unichar (out, GPOINTER_TO_UINT (folded));
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}
