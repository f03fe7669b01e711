#pragma once

#include "domain/timerange.h"
#include "net/httpclient.h"
#include "runbooks/runbook.h"
#include "sources/prometheus/promresult.h"
#include "viewbase.h"

#include <QMap>

#include <functional>

class QLabel;
class QLineEdit;
class QListView;
class QToolButton;

namespace wf {

class PrometheusClient;
class RunbookBrowser;
class RunbookIndexModel;
class RunbookLibrary;
class RunbookSearchProxy;

// The Runbooks view: the index with full-text search, the selected runbook rendered, links between
// runbooks with back and forward, and each diagnosis step runnable in place — a ```promql block's
// Run shows its value and a small chart below it; Open in Explore and Open in Logs take the query
// to those views. Nothing is fetched while rendering; web links open in the browser after asking.
class RunbooksView : public ViewBase
{
    Q_OBJECT
public:
    explicit RunbooksView(RunbookLibrary *library, QWidget *parent = nullptr);

    void setPrometheus(PrometheusClient *client) { m_prometheus = client; }
    void setUtc(bool utc) { m_utc = utc; }
    void setScrapeSeconds(qint64 seconds) { m_scrapeSeconds = std::max<qint64>(seconds, 1); }
    // Asked before a web link opens in the system browser (default: a question to the user).
    void setLinkConfirmation(std::function<bool(const QUrl &)> confirm) { m_confirm = std::move(confirm); }

    // Shows that runbook (and remembers the one before for Back); false when there is none.
    bool openRunbook(const QString &slug);
    QString currentSlug() const { return m_current.slug; }
    void search(const QString &words);
    QStringList visibleSlugs() const; // the index as filtered
    RunbookBrowser *browser() const { return m_browser; }

    // Runs the current runbook's query number n (its place among the runbook's queries).
    void runQuery(int index);
    // Its outcome as shown: empty while it has not run.
    QString resultText(int index) const;
    // The server's (or the network's) error for it; empty when it answered or has not run.
    QString resultError(int index) const { return m_outcomes.value(index).error; }
    bool hasChart(int index) const { return m_outcomes.value(index).hasChart; }
    bool canGoBack() const { return !m_back.isEmpty(); }
    bool canGoForward() const { return !m_forward.isEmpty(); }

    QJsonObject snapshot() const override;

public slots:
    void back();
    void forward();
    void setTimeRange(const wf::TimeRange &range) override { m_range = range; }

signals:
    void exploreRequested(const QString &promql);
    void logsRequested(const QString &logql);
    void queryAnswered(int index);
    void externalLinkOpened(const QUrl &url);

private:
    struct Outcome
    {
        bool running = false;
        QString error;
        QString markdown; // the value(s) as Markdown
        bool hasChart = false;
    };

    void display(const QString &slug);
    void render();
    QString augmentedMarkdown() const;
    void onLink(const QUrl &url);
    void onLibraryChanged();
    void updateNavigation();
    void showOrigin(const Runbook &book); // embedded, or which file of the user's folder
    void takeInstant(int index, const Result<PromResult> &result);
    void takeRange(int index, const Result<PromResult> &result, qint64 fromMs, qint64 toMs, qint64 stepMs);

    RunbookLibrary *m_library;
    RunbookIndexModel *m_index;
    RunbookSearchProxy *m_proxy;
    QLineEdit *m_search;
    QListView *m_list;
    RunbookBrowser *m_browser;
    QToolButton *m_backButton;
    QToolButton *m_forwardButton;
    QLabel *m_origin;
    QLabel *m_notice;
    PrometheusClient *m_prometheus = nullptr;
    Runbook m_current;
    QStringList m_back;
    QStringList m_forward;
    QMap<int, Outcome> m_outcomes;
    QMap<int, RequestId> m_requests;
    TimeRange m_range;
    qint64 m_scrapeSeconds = 15;
    bool m_utc = false;
    std::function<bool(const QUrl &)> m_confirm;
};

} // namespace wf
