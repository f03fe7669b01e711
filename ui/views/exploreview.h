#pragma once

#include "domain/promqlsyntax.h"
#include "domain/timerange.h"
#include "net/httpclient.h"
#include "sources/prometheus/promresult.h"
#include "viewbase.h"

#include <QDateTime>
#include <QHash>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QToolButton;

namespace wf {

class PrometheusClient;
class QueryEditor;
class TimeSeriesChart;

// The Explore view: a PromQL editor (highlighting, completion of metric names, label names and
// values from Prometheus, the server's parse error marked where it points) that runs a query as a
// range (a chart over the app's time range) or an instant (a table of the latest values), keeps a
// history per profile and adds a query to a dashboard in the user's folder.
class ExploreView : public ViewBase
{
    Q_OBJECT
public:
    enum class Mode { Range, Instant };

    explicit ExploreView(QWidget *parent = nullptr);

    void setPrometheus(PrometheusClient *client);
    void setScrapeSeconds(qint64 seconds) { m_scrapeSeconds = std::max<qint64>(seconds, 1); }
    void setUtc(bool utc);
    void setDashboardFolder(const QString &folder) { m_dashboardFolder = folder; }
    void setHistory(const QStringList &queries) { m_history = queries; }
    QStringList history() const { return m_history; }

    QueryEditor *editor() const { return m_editor; }
    TimeSeriesChart *chart() const { return m_chart; }
    QTableWidget *table() const { return m_table; }
    QString query() const;
    void setQuery(const QString &promql);
    Mode mode() const;
    void setMode(Mode mode);
    QString statusText() const;
    QString errorText() const { return m_error; }
    // Forgets what Prometheus told about names (another profile, or metrics that appeared).
    void clearCompletionCache();
    // Adds the query as a panel to that view's dashboard in the folder (see dashboards::appendPanel).
    bool addToDashboard(const QString &viewId, const QString &title, QString *error);

    bool isSettled() const override { return m_settled; }
    bool refreshesOnTimer() const override { return false; }
    QJsonObject snapshot() const override;

public slots:
    void refresh() override; // runs the query
    void setTimeRange(const wf::TimeRange &range) override;

signals:
    void queried(bool ok);
    void historyChanged(const QStringList &queries);
    // A panel was written to the dashboard folder: the views should load it.
    void dashboardsChanged();
    // Add to dashboard without a folder: the one the user chose for this profile.
    void dashboardFolderChosen(const QString &folder);

private:
    void provideCompletions(const promql::Completion &context, std::function<void(const QStringList &)> answer);
    void takeResult(const Result<PromResult> &result, Mode mode, qint64 fromMs, qint64 toMs, qint64 stepMs,
                    qint64 elapsedMs);
    void showError(const Error &error);
    void remember(const QString &promql);
    void askAddToDashboard();

    PrometheusClient *m_prometheus = nullptr;
    QueryEditor *m_editor;
    QComboBox *m_mode;
    QPushButton *m_run;
    QToolButton *m_historyButton;
    QPushButton *m_add;
    QLabel *m_status;
    QStackedWidget *m_results;
    QTableWidget *m_table;
    TimeSeriesChart *m_chart;
    QStringList m_history;
    TimeRange m_range;
    qint64 m_scrapeSeconds = 15;
    QString m_dashboardFolder;
    RequestId m_request = 0;
    bool m_settled = true;
    bool m_chartShown = false; // the last answer was a chart: a new time range runs it again
    QString m_error;
    // What Prometheus said about names, for completion: "" → metric names; "l:<metric>" → its label
    // names; "v:<label>:<metric>" → that label's values.
    QHash<QString, QStringList> m_names;
    QHash<QString, QDateTime> m_namesAt;
};

} // namespace wf
