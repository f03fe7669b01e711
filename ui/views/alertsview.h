#pragma once

#include "alerts/inboxfilter.h"
#include "alerts/alertinbox.h"
#include "viewbase.h"

class QChartView;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QToolButton;
class QTreeView;

namespace wf {

class AlertHistory;
class EmptyNote;
class AlertInboxModel;
class AlertQualityModel;
class PrometheusClient;
class SilenceModel;

// The alert inbox: Alertmanager's alerts grouped by severity, their state (firing, acknowledged,
// ack pending, silenced, inhibited, resolved), a detail pane, and acknowledge / un-acknowledge.
class AlertsView : public ViewBase
{
    Q_OBJECT
public:
    // history may be null (no History tab then).
    AlertsView(AlertInbox *inbox, AlertHistory *history, QWidget *parent = nullptr);

    bool isSettled() const override;
    QJsonObject snapshot() const override;
    AlertInboxModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }

    QList<AmAlert> selectedAlerts() const;
    void selectAlert(const QString &fingerprint);
    // What the Acknowledge dialog does, without the dialog.
    void acknowledgeSelected(AckRecord::Mode mode, int seconds, const QString &note, const QString &author);
    void setUtc(bool utc);
    // The profile's acknowledgement settings: author (empty: the OS user), the preselected
    // duration (0: until resolved) and the "until resolved" safety end.
    void setAckDefaults(const QString &author, int defaultSeconds, int safetyHours);
    // The filter bar's text (matchers and words); an error is shown and the last good filter kept.
    void setFilterText(const QString &text);
    QString filterError() const;
    QToolButton *severityToggle(InboxFilter::Severity severity) const { return m_severityToggles.at(int(severity)); }
    QToolButton *stateToggle(InboxAlert::State state) const;

    // The Silences tab.
    SilenceModel *silenceModel() const { return m_silenceModel; }
    QTabWidget *tabs() const { return m_tabs; }
    QList<Silence> selectedSilences() const;
    void selectSilence(const QString &id);
    // What the silence dialog's OK does: done gets an empty string or the error.
    void saveSilence(const Silence &silence, QObject *context, std::function<void(const QString &)> done);
    void expireSelectedSilences();
    // Opens the dialog: create (from the selected alerts' shared labels) or edit the selected silence.
    void editSilence(bool create);

    // The detail pane's chart of the alert's expression over the last hour (from its rule, through
    // Prometheus); without a Prometheus client there is no chart.
    void setPrometheus(PrometheusClient *prometheus);
    QChartView *chartView() const { return m_chart; }
    // The rule's expression from the alert's generator URL (Prometheus' …/graph?g0.expr=…).
    static QString expressionOf(const AmAlert &alert);
    // That, or — when the URL does not hold it (vmalert's points to its own page) — the expression
    // of the alerting rule of that name, as /api/v1/rules lists it (asked when such an alert is
    // shown; empty until answered).
    QString ruleExpression(const AmAlert &alert) const;

    // The History tab: alert quality per alert name over the last 7 days.
    AlertQualityModel *qualityModel() const { return m_qualityModel; }
    void refreshHistory();

signals:
    void linkActivated(const QUrl &url); // a link in the detail pane (runbook, rule)
    void chartLoaded(bool ok);
    // "Logs around this": the alert's start ± 5 minutes.
    void logsRequested(const QDateTime &from, const QDateTime &to);
    void runbookRequested(const QUrl &runbookUrl); // the alert's runbook_url
    void exploreRequested(const QString &promql);  // the alert rule's expression

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
    QWidget *createSilencesPage();
    QWidget *createHistoryPage();
    void showChart(const AmAlert &alert);

    AlertInbox *m_inbox;
    AlertInboxModel *m_model;
    QLineEdit *m_filter;
    QLabel *m_filterError;
    QLabel *m_inboxError; // Alertmanager's error in full, on its own line under the bar
    QList<QToolButton *> m_severityToggles; // InboxFilter::Severity order
    QList<QPair<InboxAlert::State, QToolButton *>> m_stateToggles;
    QToolButton *m_ack;
    QToolButton *m_unack;
    QLabel *m_status;
    QTreeView *m_tree;
    EmptyNote *m_emptyNote = nullptr; // why the list is empty, in its middle
    EmptyNote *m_silenceNote = nullptr; // why the silences are, on their tab
    EmptyNote *m_historyNote = nullptr; // and the history
    void updateEmptyNote();
    QTextBrowser *m_details;
    QChartView *m_chart;
    PrometheusClient *m_prometheus = nullptr;
    quint64 m_chartRequest = 0;
    void learnRules();
    QHash<QString, QString> m_ruleQueries; // alert name → expression, from /api/v1/rules
    qint64 m_rulesAskedAt = 0;             // ms
    QString m_chartFor; // the fingerprint the chart shows
    QTabWidget *m_tabs;
    SilenceModel *m_silenceModel;
    QTableView *m_silenceTable;
    QToolButton *m_editSilence;
    QToolButton *m_expireSilence;
    QLabel *m_silenceStatus;
    QString m_lastSavedSilence;
    QString m_ackAuthor;
    int m_ackDefaultSeconds = 0;
    int m_ackSafetySeconds = 24 * 3600;
    AlertHistory *m_history;
    AlertQualityModel *m_qualityModel;
    QLabel *m_historyStatus = nullptr;
    bool m_settled = false;
};

} // namespace wf
