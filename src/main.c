/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the entry point of Quorum, the chair's live conference screen. */

#include <glib/gi18n.h>
#include <locale.h>

#include "ui/quorum-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(QuorumApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = quorum_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status != 0 ? status : quorum_application_get_exit_status (app);
}
