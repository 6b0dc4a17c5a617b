/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-draft.c: keeps a form's words typed and not yet recorded in the store. */

#define G_LOG_DOMAIN "quorum-draft"

#include <adwaita.h>
#include <string.h>

#include "quorum-draft.h"
#include "quorum-text-field.h"
#include "quorum-ui-util.h"

typedef struct
{
  char      *name;
  GtkWidget *widget;     /* weak */
  char      *baseline;
  GStrv      keys;       /* a choice's: the key of each item, in order; NULL for words */
  QuorumDraftGetFunc get; /* a value the form reads and shows itself; NULL for words */
  QuorumDraftSetFunc set;
  gpointer   user_data;
  /* What the store holds for the field, as far as this draft knows (read or written by it):
   * a field unchanged since is not written again, so that a window closing with a form
   * nobody typed into does not write its nothing over the words another window kept. */
  gboolean   known;
  char      *stored;
} Field;

struct _QuorumDraft
{
  GObject      parent_instance;

  QuorumStore *store;
  gint64       conference_id;
  char        *scope;
  GPtrArray   *fields;
  guint        timeout;
  gint64       waiting_since; /* the first change the timeout waits to write (monotonic µs) */
  gboolean     restoring;
  gboolean     restored;    /* given back once: from then on a baseline may forget a draft */
  gboolean     has_draft;
  gboolean     writing;     /* the store's "draft-changed" is this draft's own */
  GPtrArray   *markers;     /* FieldsMarker: a marker for some of the fields only */
};

/* A marker that says "not yet recorded" only while one of its fields holds a draft (the chair's
 * reasons, not the Plan / No plan chosen beside them in the same draft). */
typedef struct
{
  GtkWidget *widget;     /* weak */
  GStrv      fields;
} FieldsMarker;

enum {
  PROP_0,
  PROP_HAS_DRAFT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuorumDraft, quorum_draft, G_TYPE_OBJECT)

/* Every draft alive, for quorum_draft_flush_waiting (): the main thread's only. */
static GList *all_drafts;

static void
field_free (Field *field)
{
  g_clear_weak_pointer (&field->widget);
  g_free (field->name);
  g_free (field->baseline);
  g_strfreev (field->keys);
  g_free (field->stored);
  g_free (field);
}

static Field *
find_field (QuorumDraft *self,
            const char  *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (field->name, name) == 0)
        return field;
    }

  return NULL;
}

static char *
field_get_text (Field *field)
{
  if (field->widget == NULL)
    return NULL;

  if (field->get != NULL)
    return field->get (field->user_data);

  /* A choice is kept as its item's key, not its label: a label may be translated, or the list
   * ordered otherwise, by the time the draft is given back. */
  if (field->keys != NULL)
    {
      guint selected = GTK_INVALID_LIST_POSITION;

      g_object_get (field->widget, "selected", &selected, NULL);
      if (selected >= g_strv_length (field->keys))
        return NULL;
      return g_strdup (field->keys[selected]);
    }

  if (QUORUM_IS_TEXT_FIELD (field->widget))
    {
      char *text = NULL;

      g_object_get (field->widget, "text", &text, NULL);
      return text;
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
}

static void
field_set_text (Field      *field,
                const char *text)
{
  if (field->widget == NULL)
    return;

  if (field->set != NULL)
    {
      field->set (text, field->user_data);
      return;
    }

  if (field->keys != NULL)
    {
      /* Nothing to give: the item recorded, as the form offered it. A key no longer offered
       * (a profile removed) leaves the choice as it is. */
      const char *key = text != NULL ? text : field->baseline;

      for (guint i = 0; key != NULL && field->keys[i] != NULL; i++)
        if (g_strcmp0 (field->keys[i], key) == 0)
          {
            g_object_set (field->widget, "selected", i, NULL);
            break;
          }
      return;
    }

  /* Given back as it was, not as typed now: nothing is stored until the chair acts. */
  if (QUORUM_IS_TEXT_FIELD (field->widget))
    quorum_text_field_set_text (QUORUM_TEXT_FIELD (field->widget), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (field->widget), text != NULL ? text : "");
}

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* Whether @a and @b are the same words, but for the spaces around them. */
static gboolean
same_words (const char *a,
            const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a != NULL ? a : ""));
  g_autofree char *y = g_strstrip (g_strdup (b != NULL ? b : ""));

  return g_strcmp0 (x, y) == 0;
}

/* A draft that is the recorded words followed by spaces is kept as this mark and the spaces
 * ("the recorded words, then these"), never as the words: recorded again elsewhere, the words
 * would come back as a draft of the old ones, and be recorded over the new. */
#define RECORDED_MARK "\x1f"

static gboolean
is_marked (const char *text)
{
  return text != NULL && g_str_has_prefix (text, RECORDED_MARK);
}

/* What a stored draft @text shows in @field: a marked one is the recorded words as they stand
 * now, then its spaces. */
static char *
field_expand (Field      *field,
              const char *text)
{
  if (is_marked (text))
    return g_strconcat (field->baseline != NULL ? field->baseline : "", text + strlen (RECORDED_MARK), NULL);
  return g_strdup (text);
}

/* The text of @field as typed, to keep, when it is not what is recorded, or NULL. Kept exactly
 * as typed: "since March; " given back without its space would run on into the next word
 * typed. Recording trims; a draft does not. Only the recorded words followed by spaces are kept
 * for their spaces (where the next word goes); spaces elsewhere (before the words) are no
 * reason to keep a draft of what is recorded. */
static char *
field_draft_text (Field *field)
{
  g_autofree char *text = field_get_text (field);
  const char *baseline = field->baseline != NULL ? field->baseline : "";

  if (blank (text) || g_strcmp0 (text, baseline) == 0)
    return NULL;
  if (*baseline != '\0' && g_str_has_prefix (text, baseline) && blank (text + strlen (baseline)))
    return g_strconcat (RECORDED_MARK, text + strlen (baseline), NULL);
  if (same_words (text, baseline))
    return NULL;

  return g_steal_pointer (&text);
}

/* Whether @field holds words that are not recorded: the marker's "Draft · not yet recorded".
 * The recorded words followed by spaces are kept, but are no draft. */
static gboolean
field_has_words (Field *field)
{
  g_autofree char *text = field_draft_text (field);

  return text != NULL && !is_marked (text) && !same_words (text, field->baseline);
}

static void
field_set_stored (Field      *field,
                  const char *text)
{
  field->known = TRUE;
  g_free (field->stored);
  field->stored = g_strdup (text);
}

static void
forget_stored (QuorumDraft *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      field->known = FALSE;
      g_clear_pointer (&field->stored, g_free);
    }
}

static void
fields_marker_free (FieldsMarker *marker)
{
  g_clear_weak_pointer (&marker->widget);
  g_strfreev (marker->fields);
  g_free (marker);
}

/* Each marker of some fields: shown while one of them holds words not recorded. Asked each time
 * the draft is written or read, not only when the draft as a whole comes or goes: the reasons
 * typed after the choice make no change to the whole. */
static void
update_fields_markers (QuorumDraft *self)
{
  for (guint i = 0; self->markers != NULL && i < self->markers->len; i++)
    {
      FieldsMarker *marker = g_ptr_array_index (self->markers, i);
      gboolean shown = FALSE;

      if (marker->widget == NULL)
        continue;
      for (guint j = 0; self->has_draft && marker->fields[j] != NULL; j++)
        {
          Field *field = find_field (self, marker->fields[j]);

          shown |= field != NULL && field_has_words (field);
        }
      quorum_ui_set_marker_shown (marker->widget, shown);
    }
}

static void
set_has_draft (QuorumDraft *self,
               gboolean     has_draft)
{
  gboolean changed = self->has_draft != has_draft;

  self->has_draft = has_draft;
  update_fields_markers (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_DRAFT]);
}

static void
update_has_draft (QuorumDraft *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->fields->len; i++)
    any |= field_has_words (g_ptr_array_index (self->fields, i));
  set_has_draft (self, any);
}

static gboolean
save_field (QuorumDraft  *self,
            Field        *field,
            const char   *text,
            GError      **error)
{
  gboolean ok;

  self->writing = TRUE;
  ok = quorum_store_save_draft (self->store, self->conference_id, self->scope, field->name, text, error);
  self->writing = FALSE;
  if (ok)
    field_set_stored (field, text);
  return ok;
}

/* Shows @text in @field as given back, not typed: nothing is written for it. In a field typed
 * into and not yet recorded, words other than the recorded ones (two windows' words joined) stay
 * typed, so that leaving the field still records them, with the cursor where it was. */
static void
field_show (QuorumDraft *self,
            Field       *field,
            const char  *text)
{
  self->restoring = TRUE;
  if (field->widget != NULL && QUORUM_IS_TEXT_FIELD (field->widget) &&
      quorum_text_field_get_modified (QUORUM_TEXT_FIELD (field->widget)) &&
      text != NULL && !same_words (text, field->baseline))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (quorum_text_field_get_view (QUORUM_TEXT_FIELD (field->widget)));
      GtkTextIter iter;
      int offset;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&iter);
      quorum_text_field_type (QUORUM_TEXT_FIELD (field->widget), text);
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
      gtk_text_buffer_place_cursor (buffer, &iter);
    }
  else
    field_set_text (field, text);
  self->restoring = FALSE;
}

/* Whether the words on the screen are still those the store held when this draft last read
 * or wrote them: nothing typed here since. */
static gboolean
field_untouched (Field *field)
{
  g_autofree char *text = field_draft_text (field);

  if (!field->known)
    return text == NULL;
  return g_strcmp0 (text, field->stored) == 0;
}

/* Another window of the app (another QuorumDraft on the same store and scope) wrote a field's
 * draft, or let the scope's drafts go: a field nobody has typed into here since shows the new
 * words, so two windows on one form show one draft. Words typed here and not yet written
 * stay; quorum_draft_flush () then keeps both. */
static void
store_draft_changed_cb (QuorumDraft *self,
                        gint64       conference_id,
                        const char  *scope,
                        const char  *name,
                        QuorumStore *store)
{
  if (self->writing || !self->restored || self->restoring || self->scope == NULL || self->fields == NULL ||
      conference_id != self->conference_id || g_strcmp0 (scope, self->scope) != 0)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      if ((name != NULL && g_strcmp0 (field->name, name) != 0) || field->widget == NULL ||
          gtk_widget_in_destruction (field->widget))
        continue;
      if (!field_untouched (field))
        continue;
      text = quorum_store_get_draft (self->store, self->conference_id, self->scope, field->name, &error);
      if (error != NULL)
        {
          g_warning ("A draft could not be read: %s", error->message);
          continue;
        }
      /* Let go (recorded, or cleared): the field shows what is recorded, as the form would. */
      {
        g_autofree char *shown = field_expand (field, text);

        field_show (self, field, shown != NULL ? shown : field->baseline);
      }
      field_set_stored (field, text);
    }
  update_has_draft (self);
}

/* The words to write for @field, typed here as @text, when another window wrote the field's
 * draft since this one last read or wrote it (@stored_now): neither window's words are lost.
 * Returns NULL to write @text as it is. */
static char *
field_reconcile (QuorumDraft *self,
                 Field       *field,
                 const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;

  if (!field->known || field->keys != NULL || field->get != NULL)
    return NULL;
  now = quorum_store_get_draft (self->store, self->conference_id, self->scope, field->name, &error);
  if (error != NULL || now == NULL || g_strcmp0 (now, field->stored) == 0 || blank (now) || is_marked (now))
    return NULL;
  if (text != NULL && strstr (text, now) != NULL)
    return NULL;
  /* The other window's words hold these already (typed there after they were shown here),
   * or this field was emptied: the other window's are kept. */
  if (text == NULL || is_marked (text) || strstr (now, text) != NULL)
    return g_steal_pointer (&now);
  /* Both typed apart: this window's words, then the other's. */
  return g_strconcat (text, "\n\n", now, NULL);
}

void
quorum_draft_flush (QuorumDraft *self)
{
  gboolean any = FALSE;

  g_return_if_fail (QUORUM_IS_DRAFT (self));

  g_clear_handle_id (&self->timeout, g_source_remove);

  if (self->scope == NULL)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      if (field->widget == NULL)
        continue;

      text = field_draft_text (field);
      if (!(field->known && g_strcmp0 (text, field->stored) == 0))
        {
          g_autofree char *both = field_reconcile (self, field, text);

          if (both != NULL)
            {
              field_show (self, field, both);
              g_free (text);
              text = g_steal_pointer (&both);
            }
          if (!save_field (self, field, text, &error))
            g_warning ("The words typed could not be kept as a draft: %s", error->message);
        }
      any |= field_has_words (field);
    }

  set_has_draft (self, any);
}

/* Writes, now, the words of every draft still waiting for its pause (QUORUM_DRAFT_DELAY_MS, or
 * QUORUM_DRAFT_MAX_WAIT_MS of steady typing): the app is about to end (SIGTERM at a shutdown or
 * logout) and the last words typed would otherwise go with it. */
void
quorum_draft_flush_waiting (void)
{
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_object_unref);

  /* Writing may make or let go of drafts (a board read again): the list is read first. */
  for (GList *iter = all_drafts; iter != NULL; iter = iter->next)
    {
      QuorumDraft *draft = iter->data;

      if (draft->timeout != 0 && draft->store != NULL)
        g_ptr_array_add (waiting, g_object_ref (draft));
    }
  for (guint i = 0; i < waiting->len; i++)
    {
      QuorumDraft *draft = g_ptr_array_index (waiting, i);

      if (draft->timeout != 0)
        quorum_draft_flush (draft);
    }
}

static gboolean
flush_cb (gpointer user_data)
{
  QuorumDraft *self = user_data;

  self->timeout = 0;
  quorum_draft_flush (self);

  return G_SOURCE_REMOVE;
}

static void
changed_cb (QuorumDraft *self)
{
  gint64 now;
  gint64 wait_ms;

  if (self->restoring)
    return;

  /* Each key puts the write off until typing pauses, but never past QUORUM_DRAFT_MAX_WAIT_MS
   * from the first change not yet written: a steady typist never pauses, and a crash then lost
   * the whole sentence (trial 8, D2). Still written from the main loop, not in the key's handler. */
  now = g_get_monotonic_time ();
  if (self->timeout == 0)
    self->waiting_since = now;
  wait_ms = (self->waiting_since + QUORUM_DRAFT_MAX_WAIT_MS * G_TIME_SPAN_MILLISECOND - now) / G_TIME_SPAN_MILLISECOND;
  wait_ms = CLAMP (wait_ms, 0, QUORUM_DRAFT_DELAY_MS);

  g_clear_handle_id (&self->timeout, g_source_remove);
  self->timeout = g_timeout_add ((guint) wait_ms, flush_cb, self);
}

static void
choice_changed_cb (QuorumDraft *self)
{
  if (self->restoring)
    return;

  quorum_draft_flush (self);
}

static void
quorum_draft_dispose (GObject *object)
{
  QuorumDraft *self = (QuorumDraft *)object;

  /* Whatever was typed in the last moment before the form went: kept. */
  if (self->timeout != 0 && self->store != NULL)
    quorum_draft_flush (self);

  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->widget != NULL)
        g_signal_handlers_disconnect_by_data (field->widget, self);
    }
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->markers, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (quorum_draft_parent_class)->dispose (object);
}

static void
quorum_draft_finalize (GObject *object)
{
  QuorumDraft *self = (QuorumDraft *)object;

  all_drafts = g_list_remove (all_drafts, self);
  g_clear_pointer (&self->scope, g_free);

  G_OBJECT_CLASS (quorum_draft_parent_class)->finalize (object);
}

static void
quorum_draft_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QuorumDraft *self = QUORUM_DRAFT (object);

  switch (prop_id)
    {
    case PROP_HAS_DRAFT:
      g_value_set_boolean (value, self->has_draft);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quorum_draft_class_init (QuorumDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = quorum_draft_dispose;
  object_class->finalize = quorum_draft_finalize;
  object_class->get_property = quorum_draft_get_property;

  properties [PROP_HAS_DRAFT] =
    g_param_spec_boolean ("has-draft", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quorum_draft_init (QuorumDraft *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  self->markers = g_ptr_array_new_with_free_func ((GDestroyNotify) fields_marker_free);
  all_drafts = g_list_prepend (all_drafts, self);
}

QuorumDraft *
quorum_draft_new (QuorumStore *store,
                  gint64       conference_id,
                  const char  *scope)
{
  QuorumDraft *self;

  g_return_val_if_fail (QUORUM_IS_STORE (store), NULL);

  self = g_object_new (QUORUM_TYPE_DRAFT, NULL);
  self->store = g_object_ref (store);
  self->conference_id = conference_id;
  self->scope = g_strdup (scope);
  g_signal_connect_object (store, "draft-changed", G_CALLBACK (store_draft_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}


static Field *
take_field (QuorumDraft *self,
            const char  *name,
            GtkWidget   *widget)
{
  Field *field;

  /* A field made again (a form rebuilt) takes its old place, and its baseline. */
  field = find_field (self, name);
  if (field != NULL)
    {
      if (field->widget != NULL)
        g_signal_handlers_disconnect_by_data (field->widget, self);
      g_set_weak_pointer (&field->widget, widget);
      g_clear_pointer (&field->keys, g_strfreev);
      field->get = NULL;
      field->set = NULL;
      field->user_data = NULL;
    }
  else
    {
      field = g_new0 (Field, 1);
      field->name = g_strdup (name);
      g_set_weak_pointer (&field->widget, widget);
      g_ptr_array_add (self->fields, field);
    }

  /* The form going (the window closing): keep what was typed in the last moment. */
  g_signal_connect_object (widget, "unmap", G_CALLBACK (quorum_draft_flush), self, G_CONNECT_SWAPPED);

  return field;
}

void
quorum_draft_add_field (QuorumDraft *self,
                        const char  *name,
                        GtkWidget   *widget)
{
  g_return_if_fail (QUORUM_IS_DRAFT (self));
  g_return_if_fail (QUORUM_IS_TEXT_FIELD (widget) || GTK_IS_EDITABLE (widget));

  take_field (self, name, widget);

  if (QUORUM_IS_TEXT_FIELD (widget))
    {
      g_signal_connect_object (widget, "notify::text", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
      /* Stored or left: write at once. */
      g_signal_connect_object (widget, "commit", G_CALLBACK (quorum_draft_flush), self, G_CONNECT_SWAPPED);
    }
  else
    g_signal_connect_object (widget, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

void
quorum_draft_add_choice (QuorumDraft        *self,
                         const char         *name,
                         GtkWidget          *widget,
                         const char * const *keys)
{
  Field *field;

  g_return_if_fail (QUORUM_IS_DRAFT (self));
  g_return_if_fail (GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget));
  g_return_if_fail (keys != NULL);

  field = take_field (self, name, widget);
  field->keys = g_strdupv ((char **) keys);

  /* A choice is made at once, not typed: written at once. */
  g_signal_connect_object (widget, "notify::selected", G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
}

void
quorum_draft_add_value (QuorumDraft        *self,
                        const char         *name,
                        GtkWidget          *widget,
                        QuorumDraftGetFunc  get,
                        QuorumDraftSetFunc  set,
                        gpointer            user_data)
{
  Field *field;

  g_return_if_fail (QUORUM_IS_DRAFT (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (get != NULL && set != NULL);

  field = take_field (self, name, widget);
  field->get = get;
  field->set = set;
  field->user_data = user_data;

  /* After the form's own handlers (connected first), which say whose the value now is. */
  if (GTK_IS_CHECK_BUTTON (widget) || GTK_IS_TOGGLE_BUTTON (widget))
    g_signal_connect_object (widget, "toggled", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

void
quorum_draft_watch (QuorumDraft *self,
                    GtkWidget   *widget)
{
  g_return_if_fail (QUORUM_IS_DRAFT (self));
  g_return_if_fail (GTK_IS_CHECK_BUTTON (widget) || GTK_IS_TOGGLE_BUTTON (widget));

  g_signal_connect_object (widget, "toggled", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

void
quorum_draft_set_baseline (QuorumDraft *self,
                           const char  *name,
                           const char  *recorded)
{
  Field *field;

  g_return_if_fail (QUORUM_IS_DRAFT (self));

  field = find_field (self, name);
  g_return_if_fail (field != NULL);

  if (g_strcmp0 (field->baseline, recorded) == 0)
    return;

  /* The field shows the value recorded before, untouched (another window let its draft go, or
   * another writer changed the value): it shows the new one, not words to keep as a draft. */
  if (self->restored && field->widget != NULL && field->keys == NULL && field->baseline != NULL &&
      recorded != NULL)
    {
      g_autofree char *shown = field_get_text (field);

      if (shown != NULL && same_words (shown, field->baseline))
        field_show (self, field, recorded);
    }

  g_free (field->baseline);
  field->baseline = g_strdup (recorded);

  /* Recorded now as the field shows it: the draft of this field is done with. (Before the
   * draft was given back there is nothing on the screen to judge it by; nor while it is being
   * given back: a choice given back may set the baseline of a field whose own draft comes
   * next, as the Amend dialog's chosen value does its corrected text's.) */
  if (self->restored && !self->restoring && self->scope != NULL && field->widget != NULL)
    {
      g_autofree char *text = field_draft_text (field);
      g_autoptr(GError) error = NULL;
      gboolean any = FALSE;

      /* What the store holds already (a date offered as the form is filled) is not written again. */
      if (field->known && g_strcmp0 (text, field->stored) == 0)
        ;
      else if (!save_field (self, field, text, &error))
        g_warning ("The words typed could not be kept as a draft: %s", error->message);

      for (guint i = 0; i < self->fields->len; i++)
        {
          any |= field_has_words (g_ptr_array_index (self->fields, i));
        }
      set_has_draft (self, any);
    }
}

gboolean
quorum_draft_restore (QuorumDraft *self)
{
  gboolean restored = FALSE;

  g_return_val_if_fail (QUORUM_IS_DRAFT (self), FALSE);

  self->restored = TRUE;
  if (self->scope == NULL)
    return FALSE;

  self->restoring = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = quorum_store_get_draft (self->store, self->conference_id, self->scope,
                                                      field->name, &error);
      g_autofree char *shown = field_get_text (field);

      if (error != NULL)
        g_warning ("A draft could not be read: %s", error->message);
      else
        field_set_stored (field, text);
      if (text == NULL || field->widget == NULL)
        continue;

      /* Never over words on the screen, only over nothing or the recorded value. */
      if (blank (shown) || g_strcmp0 (shown, field->baseline) == 0)
        {
          g_autofree char *given = field_expand (field, text);

          field_set_text (field, given);
          restored = TRUE;
        }
    }
  self->restoring = FALSE;

  /* The marker says what the store keeps. */
  {
    gboolean any = FALSE;

    for (guint i = 0; i < self->fields->len; i++)
      {
        any |= field_has_words (g_ptr_array_index (self->fields, i));
      }
    set_has_draft (self, any);
  }

  return restored;
}

void
quorum_draft_discard (QuorumDraft *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (QUORUM_IS_DRAFT (self));

  g_clear_handle_id (&self->timeout, g_source_remove);
  self->writing = TRUE;
  if (self->scope != NULL &&
      !quorum_store_discard_drafts (self->store, self->conference_id, self->scope, &error))
    g_warning ("A draft could not be discarded: %s", error->message);
  else
    for (guint i = 0; i < self->fields->len; i++)
      field_set_stored (g_ptr_array_index (self->fields, i), NULL);
  self->writing = FALSE;

  set_has_draft (self, FALSE);
}

void
quorum_draft_set_scope (QuorumDraft *self,
                        gint64       conference_id,
                        const char  *scope)
{
  g_return_if_fail (QUORUM_IS_DRAFT (self));

  if (self->conference_id == conference_id && g_strcmp0 (self->scope, scope) == 0)
    return;

  /* The old form's words stay with the old form. */
  quorum_draft_flush (self);

  self->restoring = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      /* A choice's baseline is the form's own (the item offered first), for every scope. */
      if (field->keys == NULL)
        g_clear_pointer (&field->baseline, g_free);
      field_set_text (field, NULL);
    }
  self->restored = FALSE;
  self->restoring = FALSE;

  self->conference_id = conference_id;
  g_free (self->scope);
  self->scope = g_strdup (scope);
  forget_stored (self);
  set_has_draft (self, FALSE);

  quorum_draft_restore (self);
}

/* A draft of the same conference, its scope @self's followed by @suffix: words of the same form
 * kept apart (a card's representatives' reasons beside the group's). */
QuorumDraft *
quorum_draft_new_beside (QuorumDraft *self,
                         const char  *suffix)
{
  g_autofree char *scope = NULL;

  g_return_val_if_fail (QUORUM_IS_DRAFT (self), NULL);

  scope = g_strconcat (self->scope != NULL ? self->scope : "", suffix, NULL);
  return quorum_draft_new (self->store, self->conference_id, scope);
}

const char *
quorum_draft_get_scope (QuorumDraft *self)
{
  g_return_val_if_fail (QUORUM_IS_DRAFT (self), NULL);

  return self->scope;
}

gboolean
quorum_draft_peek (QuorumDraft *self,
                   const char  *field,
                   const char  *recorded)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (QUORUM_IS_DRAFT (self), FALSE);

  if (self->scope == NULL)
    return FALSE;

  text = quorum_store_get_draft (self->store, self->conference_id, self->scope, field, &error);
  if (error != NULL)
    g_warning ("A draft could not be read: %s", error->message);
  if (blank (text) || is_marked (text))
    return FALSE;

  /* As field_has_words () judges words on the screen against the baseline. */
  return !same_words (text, recorded);
}

gboolean
quorum_draft_get_has_draft (QuorumDraft *self)
{
  g_return_val_if_fail (QUORUM_IS_DRAFT (self), FALSE);

  return self->has_draft;
}

static void
marker_has_draft_cb (GtkWidget   *marker,
                     GParamSpec  *pspec,
                     QuorumDraft *self)
{
  quorum_ui_set_marker_shown (marker, self->has_draft);
}

void
quorum_draft_bind_marker (QuorumDraft *self,
                          GtkWidget   *marker)
{
  g_return_if_fail (QUORUM_IS_DRAFT (self));
  g_return_if_fail (GTK_IS_WIDGET (marker));

  g_signal_connect_object (self, "notify::has-draft", G_CALLBACK (marker_has_draft_cb), marker, G_CONNECT_SWAPPED);
  quorum_ui_set_marker_shown (marker, self->has_draft);
}

void
quorum_draft_bind_fields_marker (QuorumDraft        *self,
                                 GtkWidget          *marker,
                                 const char * const *fields)
{
  FieldsMarker *bound;

  g_return_if_fail (QUORUM_IS_DRAFT (self));
  g_return_if_fail (GTK_IS_WIDGET (marker));
  g_return_if_fail (fields != NULL);

  bound = g_new0 (FieldsMarker, 1);
  g_set_weak_pointer (&bound->widget, marker);
  bound->fields = g_strdupv ((char **) fields);
  g_ptr_array_add (self->markers, bound);
  update_fields_markers (self);
}
