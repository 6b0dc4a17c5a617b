/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-files.c: libFuzzer harness for the files Quorum reads from outside its database, which
 * anyone with file access can write: the audit key file ($QUORUM_KEY_FILE, 64 hexadecimal digits)
 * and this computer's anchor of the database (its id, the last audit entry seen and its MAC, under
 * $XDG_STATE_HOME/quorum/anchors/), and the seal a person types for `verify --seal`. The input,
 * split at NUL bytes, is the key file's text, the anchor's text and the seal; quorum-cli's main
 * (built in) then runs `verify --json --seal SEAL` and `conference show 1` on a database holding one
 * conference. Any of them may refuse or report tampering (exit 2, 3, 4), never crash, leak or
 * exceed. */
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

int quorum_cli_main (int argc, char **argv);
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *key_path;
static char *anchor_path;

static int
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (char *) "quorum-cli");
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return quorum_cli_main ((int) args->len - 1, (char **) args->pdata);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = g_dir_make_tmp ("quorum-fuzz-files.XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "fuzz.db", NULL);
  g_autofree char *state = g_build_filename (dir, "state", NULL);
  g_autofree char *real = NULL;
  g_autofree char *digest = NULL;

  key_path = g_build_filename (dir, "fuzz.key", NULL);
  g_setenv ("QUORUM_DB", db, TRUE);
  g_setenv ("QUORUM_KEY_FILE", key_path, TRUE);
  g_setenv ("QUORUM_NO_KEYRING", "1", TRUE);
  g_setenv ("QUORUM_BACKUPS_KEEP", "0", TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  /* A real record under a known key (64 a's: the seed corpus holds it), its anchor then written
   * where Quorum looks for it. */
  if (!g_file_set_contents_full (key_path, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n", -1,
                                 G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    g_error ("fuzz-files: the key file could not be written");
  if (run ("conference", "new", "--child", "Amy Jones", "--kind", "initial", "--date", "2026-11-20",
           "--chair", "R. Patel", NULL) != 0)
    g_error ("fuzz-files: the database could not be made");
  real = realpath (db, NULL);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, real, -1);
  anchor_path = g_build_filename (state, "quorum", "anchors", digest, NULL);
  if (!g_file_test (anchor_path, G_FILE_TEST_EXISTS))
    g_error ("fuzz-files: no anchor at %s: the harness no longer knows where Quorum keeps it", anchor_path);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *parts[3] = { "", "", "" };
  g_autofree char *text = NULL;
  char *p;

  if (size > 4096)
    return 0;
  /* Not g_strndup, which stops at the first NUL: the whole input, split by hand. */
  text = g_malloc (size + 1);
  memcpy (text, data, size);
  text[size] = '\0';
  p = text;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      parts[i] = p;
      p += strlen (p);
      if (p == text + size)
        break;
      p++;
    }

  g_file_set_contents_full (key_path, parts[0], -1, G_FILE_SET_CONTENTS_NONE, 0600, NULL);
  g_file_set_contents_full (anchor_path, parts[1], -1, G_FILE_SET_CONTENTS_NONE, 0600, NULL);
  run ("verify", "--json", "--seal", parts[2], NULL);
  run ("conference", "show", "1", NULL);
  return 0;
}
