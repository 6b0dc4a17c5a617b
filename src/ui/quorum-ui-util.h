/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-ui-util.h: small helpers the app's widgets share: settings, toasts, dates in words. */
#pragma once

#include <adwaita.h>
#include <quorum/quorum.h>

#include "store/quorum-store.h"

G_BEGIN_DECLS

/* The app's settings (io.github.quorum_app.quorum), found installed or, when running uninstalled,
 * in the build's compiled schema; NULL when neither exists (nothing is remembered then). */
GSettings *quorum_ui_settings_new            (void);
gboolean   quorum_ui_needs_name              (QuorumStore *store);
void       quorum_ui_keep_name               (QuorumStore *store,
                                              const char  *name);
GtkWidget *quorum_ui_name_entry_new          (AdwMessageDialog *dialog,
                                              const char       *response,
                                              const char       *offered);
char      *quorum_ui_dialog_dup_name         (AdwMessageDialog *dialog);
/* Before an action that records who made a record: TRUE when the record would name this
 * computer's login (quorum_ui_needs_name ()), having asked the person's name ("Your Name for the
 * Record", checked as every name is); once a name is given (and kept), @action_name is activated
 * on @widget again with @param; cancelled, nothing is written and a toast says so (the words
 * typed stay in their fields). Asked once: an action asking while the question is open waits
 * for the same answer. FALSE: go on, the record names the person. */
gboolean   quorum_ui_ask_name_first          (GtkWidget   *widget,
                                              QuorumStore *store,
                                              const char  *action_name,
                                              GVariant    *param);
/* The same, for words typed in a dialog that is gone once answered (a correction): cancelled,
 * @cancel_action_name is activated on @widget with @param as well, to give them back. */
gboolean   quorum_ui_ask_name_first_full     (GtkWidget   *widget,
                                              QuorumStore *store,
                                              const char  *action_name,
                                              GVariant    *param,
                                              const char  *cancel_action_name);
/* g_date_strftime(), with month and day names from Quorum's translations (so Welsh without a
 * Welsh system locale): 0 when @buf is too small. */
gsize      quorum_ui_strftime                (char        *buf,
                                              gsize        len,
                                              const char  *format,
                                              const GDate *date);

/* Chooses GTK's cairo renderer when this machine has no GPU it may draw with (no render node
 * in /dev/dri that the person can open: a VM or a virtual desktop without one, a container),
 * where GTK's GL renderer would run on Mesa's software rasteriser at several times cairo's
 * CPU. A render node backed by software (a VM's virtio-gpu without 3D) or a remote X session
 * on a machine with a GPU is not told apart: GTK chooses there, as before. A renderer the
 * person chose ($GSK_RENDERER) is kept. Choosing cairo, it also keeps GTK from making a GL
 * context it would not use (GDK_DEBUG=gl-disable, added to the person's GDK_DEBUG). Call it
 * first in main(), before GTK starts and before any thread. */
void       quorum_ui_choose_renderer         (void);
/* The display is open: GDK_DEBUG is the person's own again (see quorum_ui_choose_renderer). */
void       quorum_ui_renderer_chosen         (void);

/* A marker ("Draft · not yet recorded") said or unsaid without moving anything: it keeps its
 * room, transparent, unheard and not under the pointer when it says nothing. */
void       quorum_ui_set_marker_shown        (GtkWidget    *marker,
                                              gboolean      shown);
/* Whether @marker is there to read (shown with quorum_ui_set_marker_shown () and drawn). */
gboolean   quorum_ui_get_marker_shown        (GtkWidget    *marker);

/* Shows @message as a toast on the QuorumWindow holding @widget (or its dialog's parent). */
void       quorum_ui_toast                   (GtkWidget    *widget,
                                              const char   *message);
/* The toast shown now asks for what lies from @first down to @last: kept clear of it
 * (quorum_window_toast_about). */
void       quorum_ui_toast_about             (GtkWidget    *first,
                                              GtkWidget    *last);
/* Shows @error to the chair in plain words: the store's messages are written for people. */
void       quorum_ui_show_error              (GtkWidget    *widget,
                                              const GError *error);
/* What quorum_ui_show_error says of @error, for a dialog to show in itself (to be freed). */
char      *quorum_ui_describe_error          (GtkWidget    *widget,
                                              const GError *error);

/* Shows the policy names of @chooser's model (an AdwComboRow or a GtkDropDown listing the names
 * of @profiles, and perhaps other items such as "All policies"): every name whole in its list;
 * the chosen one whole where there is room for it when @whole_when_room, else by its short name
 * (quorum_profile_dup_short_name), the whole name in its tooltip. */
void       quorum_ui_show_policy_names       (GtkWidget    *chooser,
                                              GPtrArray    *profiles,
                                              gboolean      whole_when_room);

/* Every item of @chooser's list (an AdwComboRow or a GtkDropDown of strings) shown whole, on two
 * lines where it is long, not cut off by an ellipsis. */
void       quorum_ui_show_whole_items        (GtkWidget    *chooser);

/* "Tuesday 20 January 2026"; "" for an unset date. */
char      *quorum_ui_format_date             (const GDate  *date);
/* The same, with a day off said: "Saturday 5 December 2026 (a Saturday, not a working day)". */
char      *quorum_ui_format_date_day_off     (const GDate  *date,
                                              QuorumDayOff  day_off,
                                              QuorumRegion  region);
/* When and how a referral was sent to the Head of Service, and by whom: "Thursday 3 December
 * 2026 by secure email, sent by J. Okafor", a day off and lateness said; "" when not sent. */
char      *quorum_ui_describe_sent           (const GDate  *sent,
                                              const char   *by,
                                              const char   *means,
                                              QuorumDayOff  day_off,
                                              QuorumRegion  region,
                                              gboolean      late);
/* "20 Jan 2026, 10:14" in local time, from an ISO 8601 timestamp; a copy of @iso if unparsable. */
char      *quorum_ui_format_timestamp        (const char   *iso);
/* "neglect, emotional", translated; "" for none. */
char      *quorum_ui_format_categories       (guint         categories);
/* "Plan (neglect, emotional)", "No plan", "Declined". */
char      *quorum_ui_format_view             (QuorumView    view,
                                              guint         categories);

/* A value corrected after sign-off, where the record shows it (DOMAIN 7: with the original):
 * NULL when no amendment corrected @field of @record ("vote:12"), else sets @current to the value
 * as it stands and returns the words that keep @original beside it, "Amended after sign-off
 * (amendment 2); the original: “…”". */
char      *quorum_ui_amended_note            (const QuorumConference *conference,
                                              const char   *record,
                                              const char   *field,
                                              const char   *original,
                                              const char  **current);

/* The account's real name (GECOS), to offer as a person's name; NULL when there is none but
 * the login ("Unknown", empty, or the login again). */
const char *quorum_ui_account_real_name      (void);

/* A correction of a referral in words, as the page and the conference tell it: "Panel outcome:
 * Plan ended → Plan confirmed (Minuted wrongly)", an outcome by its label and a date in full;
 * "Panel outcome: Other, its reasons corrected (…)" when only Other's reasons changed, and then
 * sets @reasons_only. */
char      *quorum_ui_referral_correction_text (const QuorumReferralCorrection *correction,
                                               gboolean                       *reasons_only);

void       quorum_ui_set_accessible_label    (GtkWidget    *widget,
                                              const char   *label);
/* Works around GTK 4.8's accessible names: a button with a mnemonic is named once, without
 * its underscore; a list row, table row or board cell is named by its first label. Names
 * @root's tree now and every widget realized from then on. */
void       quorum_ui_fix_accessible_names    (GtkWidget    *root);
/* Renders @widget as it is drawn now and saves it as a PNG at @path. */
gboolean   quorum_ui_save_screenshot         (GtkWidget    *widget,
                                              const char   *path,
                                              GError      **error);

/* Sets @widget's sensitivity; focus inside a widget going insensitive is released first, so
 * an entry being typed in is told it lost the focus. */
/* The widget under @root (itself included) of that name (gtk_widget_set_name), or NULL. */
GtkWidget *quorum_ui_find_named              (GtkWidget    *root,
                                              const char   *name);
void       quorum_ui_set_sensitive           (GtkWidget    *widget,
                                              gboolean      sensitive);

/* Stores every word typed and not yet stored under @scope (each modified QuorumTextField
 * commits, as leaving it does), before an action acts on the record: an action must never
 * run with a reason still in the field it came from. */
void       quorum_ui_commit_pending          (GtkWidget    *scope);

/* The name the chair gave in Preferences (the "chair-name" setting), else the OS user's real
 * name, else the login: who decided, signed off and exported, in the record. */
char      *quorum_ui_get_chair_name          (void);
char      *quorum_ui_get_default_chair       (void);
void       quorum_ui_remember_last_chair     (const char *chair);

/* The trimmed text of an editable; NULL when empty. */
char      *quorum_ui_editable_get_text       (GtkEditable  *editable);

/* The focus put in @widget, a field that may hold words (an entry, an entry row, a text field),
 * as the app moves the chair on to it: the caret at the end of its words and nothing selected,
 * so that the next key adds to them (GTK 4 selects an entry's whole text when it is given the
 * focus, and the next key replaced it). Other widgets are given the focus as they are. */
gboolean   quorum_ui_focus_at_end            (GtkWidget    *widget);
/* Whether @focus (a focus widget, or NULL) takes typed words: an editable GtkText (an entry's,
 * an entry row's) or an editable GtkTextView (a reason, a summary). */
gboolean   quorum_ui_takes_words             (GtkWidget    *focus);


/* GTK 4.8's list and column views make a row widget for up to 200 items past the first one
 * shown, whatever fits on screen: give @view the first @rows items of @model (a screenful on
 * any display), and @grow more each time @view is scrolled within two pages of their end.
 * Positions in the slice are positions in @model. */
GtkSliceListModel *quorum_ui_slice_for_view  (GListModel        *model,
                                              GtkScrollable     *view,
                                              guint              rows,
                                              guint              grow);
/* The slice reaches @position (and @grow items past it), to select or show it. */
void       quorum_ui_slice_reach             (GtkSliceListModel *slice,
                                              guint              position);

G_END_DECLS
