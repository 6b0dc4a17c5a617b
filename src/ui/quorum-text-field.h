/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-text-field.h: a multi-line field for words kept in full (a group's reasons, a
 * discussion): it wraps, grows with its text up to a height, then scrolls. There is no Save
 * button: ::commit says when to store it (leaving the field, Ctrl+Enter, or the field going
 * away with changes). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define QUORUM_TYPE_TEXT_FIELD (quorum_text_field_get_type ())
G_DECLARE_FINAL_TYPE (QuorumTextField, quorum_text_field, QUORUM, TEXT_FIELD, GtkWidget)

GtkWidget  *quorum_text_field_new          (void);
/* The trimmed text; NULL when empty. */
char       *quorum_text_field_get_text     (QuorumTextField *self);
/* Shows @text as stored: afterwards the field is not modified. */
void        quorum_text_field_set_text     (QuorumTextField *self,
                                            const char      *text);
/* TRUE when the text was typed since it was last set or committed. */
gboolean    quorum_text_field_get_modified (QuorumTextField *self);
/* What a person does, for tests: types @text over the field's text (it is then modified). */
void        quorum_text_field_type         (QuorumTextField *self,
                                            const char      *text);
/* Emits ::commit, as Ctrl+Enter does; nothing while the field is held. */
void        quorum_text_field_commit       (QuorumTextField *self);
/* While @held, the words typed are not committed (leaving the field, the field unmapped,
 * quorum_text_field_commit ()): they stay typed and modified, for the form's draft to keep, and
 * are committed as usual once the field is let go. */
void        quorum_text_field_set_held     (QuorumTextField *self,
                                            gboolean         held);
GtkTextView *quorum_text_field_get_view    (QuorumTextField *self);

G_END_DECLS
