/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-store-key.c: the audit key, kept outside the database: a key file the authority
 * names ($QUORUM_KEY_FILE), else the user's keyring (libsecret), else a private key file in
 * the user's configuration folder. */

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "quorum-store-private.h"

#define KEY_BYTES 32

static const SecretSchema *
key_schema (void)
{
  static const SecretSchema schema = {
    "io.github.quorum_app.quorum.AuditKey", SECRET_SCHEMA_NONE,
    {
      { "purpose", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "NULL", 0 },
    }
  };
  return &schema;
}

static GBytes *
key_from_hex (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint8 key[KEY_BYTES];

  if (strlen (stripped) != KEY_BYTES * 2)
    return NULL;
  for (guint i = 0; i < KEY_BYTES; i++)
    {
      int hi = g_ascii_xdigit_value (stripped[2 * i]);
      int lo = g_ascii_xdigit_value (stripped[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return NULL;
      key[i] = (guint8)(hi << 4 | lo);
    }
  return g_bytes_new (key, sizeof key);
}

static char *
random_key_hex (void)
{
  GString *hex = g_string_new (NULL);
  guint8 key[KEY_BYTES];
  int fd = g_open ("/dev/urandom", O_RDONLY | O_CLOEXEC, 0);
  gssize got = fd >= 0 ? read (fd, key, sizeof key) : -1;

  if (fd >= 0)
    close (fd);
  if (got != (gssize) sizeof key)
    {
      /* /dev/urandom is always there on Linux; GLib's generator is the last resort. */
      for (guint i = 0; i < KEY_BYTES; i++)
        key[i] = (guint8) g_random_int_range (0, 256);
    }
  for (guint i = 0; i < KEY_BYTES; i++)
    g_string_append_printf (hex, "%02x", key[i]);
  memset (key, 0, sizeof key);
  return g_string_free (hex, FALSE);
}

/* A key file: 64 hex digits, mode 0600, created atomically (written aside, then linked into
 * place) so that two first uses agree on one key. */
static GBytes *
key_from_file (const char  *path,
               GPtrArray   *notices,
               GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;
  GBytes *key;
  GStatBuf st;

  for (int attempt = 0; attempt < 2; attempt++)
    {
      if (g_file_get_contents (path, &text, NULL, &local))
        break;
      if (!g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT) || attempt > 0)
        {
          g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                       _("The audit key %s could not be read: %s"), path, local->message);
          return NULL;
        }
      g_clear_error (&local);

      {
        g_autofree char *dir = g_path_get_dirname (path);
        g_autofree char *tmp = g_strconcat (path, ".new-XXXXXX", NULL);
        g_autofree char *hex = random_key_hex ();
        g_autofree char *line = g_strconcat (hex, "\n", NULL);
        int fd;

        if (g_mkdir_with_parents (dir, 0700) != 0)
          {
            int saved_errno = errno;
            g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                         _("The audit key could not be created in %s: %s"), dir, g_strerror (saved_errno));
            return NULL;
          }
        fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
        if (fd < 0 || write (fd, line, strlen (line)) != (gssize) strlen (line) || fsync (fd) != 0)
          {
            int saved_errno = errno;
            if (fd >= 0)
              {
                close (fd);
                g_unlink (tmp);
              }
            g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                         _("The audit key %s could not be created: %s"), path, g_strerror (saved_errno));
            return NULL;
          }
        close (fd);
        /* link () fails if another process made the key first: then its key is the key. */
        if (link (tmp, path) == 0)
          g_ptr_array_add (notices, g_strdup_printf (_("A new audit key was created in %s; keep it "
                                                        "safe: without it the audit chain cannot be checked"),
                                                      path));
        g_unlink (tmp);
      }
    }

  if (g_stat (path, &st) == 0 && (st.st_mode & 077) != 0)
    {
      if (g_chmod (path, 0600) == 0)
        g_ptr_array_add (notices, g_strdup_printf (_("The audit key %s could be read by others; "
                                                      "it is now private to you (0600)"), path));
    }

  key = key_from_hex (text);
  if (key == NULL)
    g_set_error (error, QUORUM_ERROR, QUORUM_ERROR_STORAGE,
                 _("The audit key %s is not a Quorum key (64 hexadecimal digits)"), path);
  return key;
}

/* A keyring is used only when its default collection exists and is already unlocked: asking the
 * service to create or unlock one raises a prompt, and where no prompter runs (a session without a
 * desktop, Xvfb) the call would wait for ever. Anything else falls back to the key file. */
static gboolean
keyring_ready (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, NULL);
  if (service == NULL)
    return FALSE;
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, NULL);
  return collection != NULL && !secret_collection_get_locked (collection);
}

/* The keyring, when a secret service answers on the session bus. FALSE when there is none. */
static gboolean
key_from_keyring (GBytes    **out,
                  GPtrArray  *notices)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  *out = NULL;
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL || g_getenv ("QUORUM_NO_KEYRING") != NULL
      || !keyring_ready ())
    return FALSE;

  secret = secret_password_lookup_sync (key_schema (), NULL, &error, "purpose", "audit-key", NULL);
  if (error != NULL)
    return FALSE;
  if (secret == NULL)
    {
      g_autofree char *hex = random_key_hex ();

      if (!secret_password_store_sync (key_schema (), SECRET_COLLECTION_DEFAULT,
                                       _("Quorum audit key"), hex, NULL, &error,
                                       "purpose", "audit-key", NULL))
        return FALSE;
      secret = secret_password_lookup_sync (key_schema (), NULL, &error, "purpose", "audit-key", NULL);
      if (secret == NULL)
        return FALSE;
      g_ptr_array_add (notices, g_strdup (_("A new audit key was created in your keyring")));
    }
  *out = key_from_hex (secret);
  secret_password_free (g_steal_pointer (&secret));
  return *out != NULL;
}

GBytes *
_quorum_store_load_key (char      **source,
                        GPtrArray  *notices,
                        GError    **error)
{
  const char *file = g_getenv ("QUORUM_KEY_FILE");
  GBytes *key = NULL;

  if (file != NULL && *file != '\0')
    {
      *source = g_strdup (file);
      return key_from_file (file, notices, error);
    }

  if (key_from_keyring (&key, notices))
    {
      *source = g_strdup (_("your keyring"));
      return key;
    }

  {
    g_autofree char *path = g_build_filename (g_get_user_config_dir (), "quorum", "audit.key", NULL);
    *source = g_strdup (path);
    return key_from_file (path, notices, error);
  }
}

char *
_quorum_store_hmac (GBytes     *key,
                    const char *data)
{
  gsize len = 0;
  const guint8 *k = g_bytes_get_data (key, &len);

  return g_compute_hmac_for_string (G_CHECKSUM_SHA256, k, len, data, -1);
}
