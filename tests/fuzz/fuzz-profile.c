/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-profile.c: libFuzzer harness for policy profiles (key files from an authority, and the
 * copy frozen with each conference). */
#include <quorum/quorum.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  QuorumProfile *profile = quorum_profile_new_from_data ("fuzz", text, &error);

  if (profile != NULL)
    {
      /* Whatever loads is printable: no escapes, no hidden characters in its name. */
      g_assert (profile->name != NULL && g_utf8_validate (profile->name, -1, NULL));
      for (const char *p = profile->name; *p; p = g_utf8_next_char (p))
        g_assert (!g_unichar_iscntrl (g_utf8_get_char (p)) && !quorum_unichar_is_deceptive (g_utf8_get_char (p)));
      quorum_profile_unref (profile);
    }
  else
    g_assert (error != NULL);
  return 0;
}
