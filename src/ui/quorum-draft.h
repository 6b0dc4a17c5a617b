/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-draft.h: keeps a form's words typed and not yet recorded in the store, as they are
 * typed (a short pause, or a second of steady typing, then written), and gives them back when
 * the form comes again. */
#pragma once

#include <gtk/gtk.h>

#include "store/quorum-store.h"

G_BEGIN_DECLS

#define QUORUM_TYPE_DRAFT (quorum_draft_get_type ())
G_DECLARE_FINAL_TYPE (QuorumDraft, quorum_draft, QUORUM, DRAFT, GObject)

/* How long typing pauses before the words are written: short enough that a crash right after
 * typing loses nothing a person would retype, long enough not to write every key. */
#define QUORUM_DRAFT_DELAY_MS 250
/* The longest words wait while keys keep coming with no such pause (a steady typist): written at
 * least this often all the same, so that a crash mid-sentence loses at most its last second. */
#define QUORUM_DRAFT_MAX_WAIT_MS 1000

QuorumDraft *quorum_draft_new           (QuorumStore *store,
                                         gint64       conference_id,
                                         const char  *scope);
/* @widget is a GtkEditable (an entry, an AdwEntryRow) or a QuorumTextField. */
void         quorum_draft_add_field     (QuorumDraft *self,
                                         const char  *field,
                                         GtkWidget   *widget);
/* @widget is a choice (an AdwComboRow, a GtkDropDown); @keys names each of its items, in
 * order, as the store keeps it (an id, not a label a translation changes). Its baseline is
 * a key too, the item the form offers when nothing is drafted: it stays through
 * quorum_draft_set_scope (), which chooses it again. */
void         quorum_draft_add_choice    (QuorumDraft        *self,
                                         const char         *field,
                                         GtkWidget          *widget,
                                         const char * const *keys);
/* A value the form reads and shows itself (a box ticked by hand, not by the form's guess):
 * @get returns the text to keep (NULL: nothing to keep, the form's own state), @set shows what
 * was kept (NULL: the form's own state again). Written a short pause after @widget's "toggled"
 * (a GtkCheckButton or a GtkToggleButton) or when quorum_draft_flush () is called. */
typedef char *(*QuorumDraftGetFunc) (gpointer    user_data);
typedef void  (*QuorumDraftSetFunc) (const char *text,
                                     gpointer    user_data);

void         quorum_draft_add_value     (QuorumDraft        *self,
                                         const char         *field,
                                         GtkWidget          *widget,
                                         QuorumDraftGetFunc  get,
                                         QuorumDraftSetFunc  set,
                                         gpointer            user_data);
/* Another button whose "toggled" changes a value kept by quorum_draft_add_value () (a choice
 * of two buttons, boxes ticked together): written as the field's own widget's is. */
void         quorum_draft_watch         (QuorumDraft        *self,
                                         GtkWidget          *widget);
/* The value recorded for @field (a vote's reason): the words are a draft only while they
 * differ from it. NULL: any words are a draft. */
void         quorum_draft_set_baseline  (QuorumDraft *self,
                                         const char  *field,
                                         const char  *recorded);
/* The same widgets now serve another form (another stage, another difference): the words of
 * the old one are kept under its scope, the widgets are emptied and filled with the new
 * scope's draft, if any. */
void         quorum_draft_set_scope     (QuorumDraft *self,
                                         gint64       conference_id,
                                         const char  *scope);
const char  *quorum_draft_get_scope     (QuorumDraft *self);
QuorumDraft *quorum_draft_new_beside    (QuorumDraft *self,
                                         const char  *suffix);
/* Fills the fields from the stored draft (only a field showing nothing, or its baseline).
 * Returns whether anything was given back. */
gboolean     quorum_draft_restore       (QuorumDraft *self);
/* Writes the words now (the window closing, a commit). */
void         quorum_draft_flush         (QuorumDraft *self);
/* Writes now every draft whose words wait for the pause after the last key (the app ending). */
void         quorum_draft_flush_waiting (void);
/* What the draft held is recorded, or was cleared on purpose: forget it. */
void         quorum_draft_discard       (QuorumDraft *self);
/* Whether the store keeps words for @field that would be a draft against @recorded (its
 * baseline), without a widget: a form not built yet asks whether it has anything to give back. */
gboolean     quorum_draft_peek          (QuorumDraft *self,
                                         const char  *field,
                                         const char  *recorded);
/* Whether words not yet recorded are kept: the form shows "not yet recorded". */
gboolean     quorum_draft_get_has_draft (QuorumDraft *self);
/* Says "not yet recorded" in @marker while words are kept (quorum_ui_set_marker_shown ()): the
 * marker keeps its room when it says nothing, so that nothing below it moves as the first word
 * is typed or the words are recorded (the next vote card's buttons moved ~32 px under the
 * chair's next click). */
void         quorum_draft_bind_marker   (QuorumDraft *self,
                                         GtkWidget   *marker);
/* The same for some of the draft's fields only: @marker is shown while one of @fields holds
 * words (or a value) not yet recorded, so that a marker beside the reasons does not say a draft
 * when only the choice beside it is kept. */
void         quorum_draft_bind_fields_marker (QuorumDraft        *self,
                                              GtkWidget          *marker,
                                              const char * const *fields);

G_END_DECLS
