/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quorum-conference-row.c: one conference in the list. */

#define G_LOG_DOMAIN "quorum-conference-row"

#include "quorum-conference-row.h"

struct _QuorumConferenceRow
{
  GtkWidget  parent_instance;

  GtkLabel  *title_label;
  GtkImage  *signed_icon;
  GtkLabel  *subtitle_label;
  GtkLabel  *case_ref_label;
};

G_DEFINE_FINAL_TYPE (QuorumConferenceRow, quorum_conference_row, GTK_TYPE_WIDGET)

static void
quorum_conference_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QUORUM_TYPE_CONFERENCE_ROW);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (object));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (object)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (quorum_conference_row_parent_class)->dispose (object);
}

static void
quorum_conference_row_class_init (QuorumConferenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quorum_conference_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/quorum_app/quorum/ui/quorum-conference-row.ui");
  gtk_widget_class_bind_template_child (widget_class, QuorumConferenceRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferenceRow, signed_icon);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferenceRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, QuorumConferenceRow, case_ref_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
quorum_conference_row_init (QuorumConferenceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
quorum_conference_row_new (void)
{
  return g_object_new (QUORUM_TYPE_CONFERENCE_ROW, NULL);
}

void
quorum_conference_row_set_item (QuorumConferenceRow  *self,
                                QuorumConferenceItem *item)
{
  g_return_if_fail (QUORUM_IS_CONFERENCE_ROW (self));
  g_return_if_fail (item == NULL || QUORUM_IS_CONFERENCE_ITEM (item));

  gtk_label_set_label (self->title_label, item != NULL ? quorum_conference_item_get_title (item) : NULL);
  gtk_label_set_label (self->subtitle_label, item != NULL ? quorum_conference_item_get_subtitle (item) : NULL);
  gtk_label_set_label (self->case_ref_label, item != NULL ? quorum_conference_item_get_case_ref (item) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->signed_icon), item != NULL && quorum_conference_item_get_finalised (item));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, quorum_conference_row_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  quorum_conference_row_set_item (QUORUM_CONFERENCE_ROW (gtk_list_item_get_child (list_item)),
                                  gtk_list_item_get_item (list_item));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  quorum_conference_row_set_item (QUORUM_CONFERENCE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

GtkListItemFactory *
quorum_conference_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  return factory;
}
