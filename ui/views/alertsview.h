#pragma once

#include "alerts/inboxfilter.h"
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
    // The filter bar's text (matchers and words); an error is shown and the last good filter kept.
    void setFilterText(const QString &text);
    QString filterError() const;
    QToolButton *severityToggle(InboxFilter::Severity severity) const { return m_severityToggles.at(int(severity)); }
    QToolButton *stateToggle(InboxAlert::State state) const;

public slots:
    void refresh() override;
    void acknowledge(); // asks, then acknowledges the selection
    void unacknowledge();

private:
    void onUpdated();
    void showDetails();
    void updateActions();
    void applyFilter();
    QStringList selectedFingerprints() const;
    void reselect(const QStringList &fingerprints);
    void updateToggleTexts();

    AlertInbox *m_inbox;
    AlertInboxModel *m_model;
    QLineEdit *m_filter;
    QLabel *m_filterError;
    QList<QToolButton *> m_severityToggles; // InboxFilter::Severity order
    QList<QPair<InboxAlert::State, QToolButton *>> m_stateToggles;
    QToolButton *m_ack;
    QToolButton *m_unack;
    QLabel *m_status;
    QTreeView *m_tree;
    QTextBrowser *m_details;
    bool m_settled = false;
};

} // namespace wf
