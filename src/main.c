/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the entry point of Quorum, the chair's live conference screen. */

#include <glib/gi18n.h>
#include <locale.h>

#include "ui/quorum-application.h"
#include "ui/quorum-ui-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(QuorumApplication) app = NULL;
  const char *localedir;
  int status;

  quorum_ui_choose_renderer ();
  setlocale (LC_ALL, "");
  /* Installed, the translations are under the prefix; run from the build tree (build-aux/dev,
   * the tests), $QUORUM_LOCALEDIR names the build's po folder. */
  localedir = g_getenv ("QUORUM_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = quorum_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status != 0 ? status : quorum_application_get_exit_status (app);
}
