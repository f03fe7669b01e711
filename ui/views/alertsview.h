#pragma once

#include "alerts/alertinbox.h"
#include "viewbase.h"

class QLabel;
class QLineEdit;
class QTextBrowser;
class QToolButton;
class QTreeView;

namespace wf {

class AlertInboxModel;

// The alert inbox: Alertmanager's alerts grouped by severity, their state (firing, acknowledged,
// ack pending, silenced, inhibited, resolved), a detail pane, and acknowledge / un-acknowledge.
class AlertsView : public ViewBase
{
    Q_OBJECT
public:
    AlertsView(AlertInbox *inbox, QWidget *parent = nullptr);

    bool isSettled() const override;
    QJsonObject snapshot() const override;
    AlertInboxModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }

    QList<AmAlert> selectedAlerts() const;
    void selectAlert(const QString &fingerprint);
    // What the Acknowledge dialog does, without the dialog.
    void acknowledgeSelected(AckRecord::Mode mode, int seconds, const QString &note, const QString &author);
    void setUtc(bool utc);

public slots:
    void refresh() override;
    void acknowledge(); // asks, then acknowledges the selection
    void unacknowledge();

private:
    void onUpdated();
    void showDetails();
    void updateActions();

    AlertInbox *m_inbox;
    AlertInboxModel *m_model;
    QLineEdit *m_filter;
    QToolButton *m_ack;
    QToolButton *m_unack;
    QLabel *m_status;
    QTreeView *m_tree;
    QTextBrowser *m_details;
    bool m_settled = false;
};

} // namespace wf
