/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-cli.c: libFuzzer harness for quorum-cli's argument handling: the input, split at NUL
 * bytes, is the argument list of one whole run of quorum-cli (its main, built in), against a
 * database of its own. A run may refuse (1, 2), never crash, leak or exceed. */
#include <stdlib.h>
#include <string.h>
#include <glib.h>

int quorum_cli_main (int argc, char **argv);
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = g_dir_make_tmp ("quorum-fuzz-cli.XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "fuzz.db", NULL);
  g_autofree char *key = g_build_filename (dir, "fuzz.key", NULL);
  g_autofree char *state = g_build_filename (dir, "state", NULL);

  g_setenv ("QUORUM_DB", db, TRUE);
  g_setenv ("QUORUM_KEY_FILE", key, TRUE);
  g_setenv ("QUORUM_NO_KEYRING", "1", TRUE);
  g_setenv ("QUORUM_BACKUPS_KEEP", "0", TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  size_t start = 0;

  if (size > 4096)
    return 0;
  g_ptr_array_add (args, g_strdup ("quorum-cli"));
  for (size_t i = 0; i <= size && args->len < 24; i++)
    if (i == size || data[i] == '\0')
      {
        char *arg = g_strndup ((const char *) data + start, i - start);

        /* GOption's --help exits the process: not a finding. Nor are exports written to
         * files the input names. */
        if (g_str_has_prefix (arg, "-h") || g_str_has_prefix (arg, "--help") || g_str_has_prefix (arg, "-?") ||
            g_str_equal (arg, "-o") || g_str_has_prefix (arg, "--output") || g_str_equal (arg, "restore") ||
            g_str_equal (arg, "backup"))
          {
            g_free (arg);
            return 0;
          }
        g_ptr_array_add (args, arg);
        start = i + 1;
      }
  g_ptr_array_add (args, NULL);
  quorum_cli_main ((int) args->len - 1, (char **) args->pdata);
  return 0;
}
