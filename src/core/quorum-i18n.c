/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-i18n.c: a record's language apart from the desktop's: Quorum's own .mo catalogs read
 * directly (thread-safe, and needing no system locale for Welsh), and localized dates. */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "quorum/quorum-i18n.h"

/* The names of months and days follow the language pushed, as the record's other words do. */
#undef C_
#define C_(Context, String) quorum_pgettext (Context "\004" String, strlen (Context) + 1)

/* One language's catalog: msgid (with "context\004" before it) → its msgstr (plural forms
 * separated by NULs), pointing into the mapped .mo file. */
typedef struct
{
  GMappedFile *file;
  GHashTable  *messages;   /* const char * → Translation */
  char        *language;
} Catalog;

typedef struct
{
  const char *str;
  gsize       len;
} Translation;

static GPrivate language_stack = G_PRIVATE_INIT ((GDestroyNotify) g_slist_free);
static GHashTable *catalogs;  /* language → Catalog* (NULL when it has none) */
G_LOCK_DEFINE_STATIC (catalogs);

void
quorum_i18n_push_language (const char *language)
{
  GSList *stack = g_private_get (&language_stack);

  g_private_set (&language_stack, NULL);
  stack = g_slist_prepend (stack, (gpointer) (language != NULL ? g_intern_string (language) : NULL));
  g_private_set (&language_stack, stack);
}

void
quorum_i18n_pop_language (void)
{
  GSList *stack = g_private_get (&language_stack);

  g_return_if_fail (stack != NULL);

  g_private_set (&language_stack, NULL);
  stack = g_slist_delete_link (stack, stack);
  g_private_set (&language_stack, stack);
}

const char *
quorum_i18n_get_language (void)
{
  GSList *stack = g_private_get (&language_stack);

  return stack != NULL ? stack->data : NULL;
}

const char *
quorum_i18n_desktop_language (void)
{
  const char * const *names = g_get_language_names ();

  if (names != NULL && names[0] != NULL && g_str_has_prefix (names[0], "cy") &&
      (names[0][2] == '\0' || names[0][2] == '_' || names[0][2] == '.' || names[0][2] == '@'))
    return "cy";

  return "en";
}

static guint32
read_u32 (const guint8 *p,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, p, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

static const char *
locale_dir (void)
{
  const char *env = g_getenv ("QUORUM_LOCALEDIR");
  const char *bound;

  if (env != NULL && *env != '\0')
    return env;
  bound = bindtextdomain (GETTEXT_PACKAGE, NULL);

  return bound != NULL ? bound : LOCALEDIR;
}

/* Reads LOCALEDIR/LANG/LC_MESSAGES/quorum.mo; NULL when there is none or it is damaged. */
static Catalog *
catalog_load (const char *language)
{
  g_autofree char *path = g_build_filename (locale_dir (), language, "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const guint8 *data;
  gsize size;
  guint32 magic;
  gboolean swap;
  guint32 n;
  guint32 originals;
  guint32 translations;
  Catalog *catalog;

  if (file == NULL)
    return NULL;

  data = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (size < 20)
    return NULL;

  memcpy (&magic, data, 4);
  if (magic == 0x950412de)
    swap = FALSE;
  else if (magic == 0xde120495)
    swap = TRUE;
  else
    return NULL;

  n = read_u32 (data + 8, swap);
  originals = read_u32 (data + 12, swap);
  translations = read_u32 (data + 16, swap);
  if ((guint64) originals + (guint64) n * 8 > size || (guint64) translations + (guint64) n * 8 > size)
    return NULL;

  catalog = g_new0 (Catalog, 1);
  catalog->language = g_strdup (language);
  catalog->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data + originals + i * 8, swap);
      guint32 ooff = read_u32 (data + originals + i * 8 + 4, swap);
      guint32 tlen = read_u32 (data + translations + i * 8, swap);
      guint32 toff = read_u32 (data + translations + i * 8 + 4, swap);
      Translation *translation;

      if ((guint64) ooff + olen >= size || (guint64) toff + tlen >= size)
        continue;

      translation = g_new (Translation, 1);
      translation->str = (const char *) data + toff;
      translation->len = tlen;
      /* The key is the singular msgid: the plural follows it after a NUL. */
      g_hash_table_replace (catalog->messages, (gpointer) (data + ooff), translation);
    }

  catalog->file = g_steal_pointer (&file);

  return catalog;
}

static Catalog *
catalog_get (const char *language)
{
  Catalog *catalog;

  G_LOCK (catalogs);
  if (catalogs == NULL)
    catalogs = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_lookup_extended (catalogs, language, NULL, (gpointer *) &catalog))
    {
      /* Loaded once and kept for the process's life, as gettext keeps its own. */
      catalog = catalog_load (language);
      g_hash_table_insert (catalogs, (gpointer) g_intern_string (language), catalog);
    }
  G_UNLOCK (catalogs);

  return catalog;
}

static const Translation *
lookup (const char *language,
        const char *msgid)
{
  Catalog *catalog = catalog_get (language);
  const Translation *translation;

  if (catalog == NULL)
    return NULL;

  translation = g_hash_table_lookup (catalog->messages, msgid);
  if (translation == NULL || translation->len == 0)
    return NULL;

  return translation;
}

/* The plural form of @n: Welsh has six (po/cy.po's Plural-Forms), English two. */
static guint
plural_index (const char *language,
              gulong      n)
{
  if (g_str_equal (language, "cy"))
    return n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n == 3 ? 3 : n == 6 ? 4 : 5;

  return n != 1;
}

const char *
quorum_gettext (const char *msgid)
{
  const char *language = quorum_i18n_get_language ();
  const Translation *translation;

  if (language == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (g_str_equal (language, "en") || (translation = lookup (language, msgid)) == NULL)
    return msgid;

  return translation->str;
}

const char *
quorum_pgettext (const char *msgctxtid,
                 gsize       msgidoffset)
{
  const char *language = quorum_i18n_get_language ();
  const Translation *translation;

  if (language == NULL)
    return g_dpgettext (GETTEXT_PACKAGE, msgctxtid, msgidoffset);
  if (g_str_equal (language, "en") || (translation = lookup (language, msgctxtid)) == NULL)
    return msgctxtid + msgidoffset;

  return translation->str;
}

const char *
quorum_ngettext (const char *msgid,
                 const char *msgid_plural,
                 gulong      n)
{
  const char *language = quorum_i18n_get_language ();
  const Translation *translation;
  const char *form;
  const char *end;
  guint index;

  if (language == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  if (g_str_equal (language, "en") || (translation = lookup (language, msgid)) == NULL)
    return n == 1 ? msgid : msgid_plural;

  index = plural_index (language, n);
  form = translation->str;
  end = translation->str + translation->len;
  for (guint i = 0; i < index; i++)
    {
      const char *next = form + strlen (form) + 1;

      if (next >= end)
        return translation->str;  /* fewer forms than the rule names: the first */
      form = next;
    }

  return form;
}

/* ---- dates ---- */

static const char *
month_name (int month,
            gboolean abbreviated)
{
  switch (abbreviated ? -month : month)
    {
    case 1: return C_("month name", "January");
    case 2: return C_("month name", "February");
    case 3: return C_("month name", "March");
    case 4: return C_("month name", "April");
    case 5: return C_("month name", "May");
    case 6: return C_("month name", "June");
    case 7: return C_("month name", "July");
    case 8: return C_("month name", "August");
    case 9: return C_("month name", "September");
    case 10: return C_("month name", "October");
    case 11: return C_("month name", "November");
    case 12: return C_("month name", "December");
    case -1: return C_("abbreviated month name", "Jan");
    case -2: return C_("abbreviated month name", "Feb");
    case -3: return C_("abbreviated month name", "Mar");
    case -4: return C_("abbreviated month name", "Apr");
    case -5: return C_("abbreviated month name", "May");
    case -6: return C_("abbreviated month name", "Jun");
    case -7: return C_("abbreviated month name", "Jul");
    case -8: return C_("abbreviated month name", "Aug");
    case -9: return C_("abbreviated month name", "Sep");
    case -10: return C_("abbreviated month name", "Oct");
    case -11: return C_("abbreviated month name", "Nov");
    case -12: return C_("abbreviated month name", "Dec");
    default: return "";
    }
}

static const char *
day_name (int day,
          gboolean abbreviated)
{
  /* GDateTime's day of the week: 1 is Monday. */
  switch (abbreviated ? -day : day)
    {
    case 1: return C_("day name", "Monday");
    case 2: return C_("day name", "Tuesday");
    case 3: return C_("day name", "Wednesday");
    case 4: return C_("day name", "Thursday");
    case 5: return C_("day name", "Friday");
    case 6: return C_("day name", "Saturday");
    case 7: return C_("day name", "Sunday");
    case -1: return C_("abbreviated day name", "Mon");
    case -2: return C_("abbreviated day name", "Tue");
    case -3: return C_("abbreviated day name", "Wed");
    case -4: return C_("abbreviated day name", "Thu");
    case -5: return C_("abbreviated day name", "Fri");
    case -6: return C_("abbreviated day name", "Sat");
    case -7: return C_("abbreviated day name", "Sun");
    default: return "";
    }
}

char *
quorum_date_time_format (GDateTime  *datetime,
                         const char *format)
{
  g_autoptr(GString) expanded = g_string_new (NULL);

  g_return_val_if_fail (datetime != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  /* The names first, from our catalogs (a '%' in a name would be read as a directive). */
  for (const char *p = format; *p != '\0'; p++)
    {
      const char *name = NULL;

      if (p[0] == '%' && p[1] != '\0')
        {
          switch (p[1])
            {
            case 'B': name = month_name (g_date_time_get_month (datetime), FALSE); break;
            case 'b': name = month_name (g_date_time_get_month (datetime), TRUE); break;
            case 'A': name = day_name (g_date_time_get_day_of_week (datetime), FALSE); break;
            case 'a': name = day_name (g_date_time_get_day_of_week (datetime), TRUE); break;
            default:
              g_string_append_c (expanded, '%');
              g_string_append_c (expanded, p[1]);
              p++;
              continue;
            }
          for (const char *q = name; *q != '\0'; q++)
            {
              if (*q == '%')
                g_string_append_c (expanded, '%');
              g_string_append_c (expanded, *q);
            }
          p++;
          continue;
        }
      g_string_append_c (expanded, *p);
    }

  return g_date_time_format (datetime, expanded->str);
}

char *
quorum_date_format (const GDate *date,
                    const char  *format)
{
  g_autoptr(GDateTime) datetime = NULL;

  if (date == NULL || !g_date_valid (date))
    return NULL;

  datetime = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                  g_date_get_day (date), 0, 0, 0);

  return datetime != NULL ? quorum_date_time_format (datetime, format) : NULL;
}
