// Runbooks and Explore against the real Prometheus (with the shipped rules) scraping mytrader-sim,
// and the simulator's Loki API: every ```promql block of every runbook parses in Prometheus, every
// ```logql block is accepted by the Loki API; Explore completes names from Prometheus, marks the
// server's parse error where it points, charts a range, tables an instant and keeps a history.
// Built twice: tst_explorevm (WF_EXPLORE_ON_VICTORIAMETRICS) asks VictoriaMetrics as installed,
// with vmalert evaluating the rules, the same.
#include "monitoringstack.h"
#include "net/httpclient.h"
#include "queryeditor.h"
#include "runbooks/runbooklibrary.h"
#include "sources/loki/lokiclient.h"
#include "sources/prometheus/prometheusclient.h"
#include "timeserieschart.h"
#include "views/exploreview.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

class TestExplore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyRunbookPromqlParses();
    void everyRunbookLogqlIsAccepted();
    void completesMetricNames();
    void completesLabelNamesAndValues();
    void typingOffersAndEnterInserts();
    void parseErrorIsMarkedWhereItPoints();
    void rangeChartsInstantTables();
    void addToDashboardWritesThePanel();

private:
    MonitoringStack m_stack;
    QNetworkAccessManager m_network;
    std::unique_ptr<wf::HttpClient> m_promHttp;
    std::unique_ptr<wf::HttpClient> m_lokiHttp;
    std::unique_ptr<wf::PrometheusClient> m_prometheus;
    std::unique_ptr<wf::LokiClient> m_loki;
    std::unique_ptr<wf::ExploreView> m_view;
};

void TestExplore::initTestCase()
{
    QFile rules(QStringLiteral(WATCHFLOOR_ALERT_RULES));
    QVERIFY(rules.open(QIODevice::ReadOnly));
#ifdef WF_EXPLORE_ON_VICTORIAMETRICS
    m_stack.setBackend(MonitoringStack::Backend::VictoriaMetrics);
    m_stack.setVictoriaMetricsDefaults(true);
#endif
    QVERIFY2(m_stack.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE), QString::fromUtf8(rules.readAll())),
             qPrintable(m_stack.errorString()));
    const auto profile = m_stack.profile(QStringLiteral("explore"));
    m_promHttp = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Prometheus);
    m_promHttp->setProfile(profile);
    m_lokiHttp = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Loki);
    m_lokiHttp->setProfile(profile);
    m_prometheus = std::make_unique<wf::PrometheusClient>(m_promHttp.get());
    m_prometheus->detectServer();
    m_loki = std::make_unique<wf::LokiClient>(m_lokiHttp.get());
    m_view = std::make_unique<wf::ExploreView>();
    m_view->setPrometheus(m_prometheus.get());
    m_view->setScrapeSeconds(1);
    m_view->setTimeRange(wf::TimeRange::last(std::chrono::minutes(5)));
    m_view->resize(1000, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    // Scraped a few times: the simulator's series exist.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            std::optional<wf::Result<QStringList>> names;
            m_prometheus->labelValues(QStringLiteral("__name__"), {}, this, [&](const wf::Result<QStringList> &r) { names = r; });
            (void)QTest::qWaitFor([&] { return names.has_value(); }, 15000);
            return names && names->ok() && names->value().contains(QStringLiteral("alpaca_messages_received_total"));
        }(),
        30000);
}

void TestExplore::everyRunbookPromqlParses()
{
    QStringList failures;
    int checked = 0;
    for (const auto &book : wf::RunbookLibrary::embedded()) {
        for (const auto &q : book.queries) {
            if (q.language != wf::RunbookQuery::Language::PromQL)
                continue;
            std::optional<wf::Result<wf::PromResult>> answer;
            m_prometheus->query(q.text, {}, this, [&](const wf::Result<wf::PromResult> &r) { answer = r; });
            QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
            ++checked;
            if (!answer->ok())
                failures.append(QStringLiteral("%1 #%2: %3 → %4").arg(book.slug).arg(q.index).arg(q.text, answer->error().message));
        }
    }
    QVERIFY2(checked >= 40, qPrintable(QString::number(checked)));
    QCOMPARE(failures, QStringList());
}

void TestExplore::everyRunbookLogqlIsAccepted()
{
    QStringList failures;
    int checked = 0;
    const qint64 nowNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    for (const auto &book : wf::RunbookLibrary::embedded()) {
        for (const auto &q : book.queries) {
            if (q.language != wf::RunbookQuery::Language::LogQL)
                continue;
            std::optional<wf::Result<wf::LokiResult>> answer;
            wf::LokiQuery query;
            query.logql = q.text;
            query.startNs = nowNs - 3600LL * 1'000'000'000;
            query.endNs = nowNs;
            query.limit = 10;
            m_loki->queryRange(query, this, [&](const wf::Result<wf::LokiResult> &r) { answer = r; });
            QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
            ++checked;
            if (!answer->ok())
                failures.append(QStringLiteral("%1 #%2: %3 → %4").arg(book.slug).arg(q.index).arg(q.text, answer->error().message));
        }
    }
    QVERIFY2(checked >= 15, qPrintable(QString::number(checked)));
    QCOMPARE(failures, QStringList());
}

void TestExplore::completesMetricNames()
{
    auto *editor = m_view->editor();
    editor->setQuery(QStringLiteral("alpaca_con"));
    editor->complete(true);
    QTRY_VERIFY_WITH_TIMEOUT(editor->completions().contains(QStringLiteral("alpaca_connection_status")), 15000);
    QVERIFY(!editor->completions().contains(QStringLiteral("datasource_router_state")));
    // Functions complete too, and recording rules from the shipped rules file.
    editor->setQuery(QStringLiteral("histogram_q"));
    editor->complete(true);
    QTRY_VERIFY_WITH_TIMEOUT(editor->completions().contains(QStringLiteral("histogram_quantile")), 15000);
    // MetricsQL's own functions only where the server answers MetricsQL.
    editor->setQuery(QStringLiteral("rollup_r"));
    editor->complete(true);
#ifdef WF_EXPLORE_ON_VICTORIAMETRICS
    QTRY_VERIFY_WITH_TIMEOUT(editor->completions().contains(QStringLiteral("rollup_rate")), 15000);
#else
    QTest::qWait(300);
    QVERIFY(!editor->completions().contains(QStringLiteral("rollup_rate")));
#endif
    // Recording rules once Prometheus has evaluated them (the first time within 30 s of starting).
    editor->setQuery(QStringLiteral("mytrader:router"));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            m_view->clearCompletionCache();
            editor->complete(true);
            QTest::qWait(300);
            return editor->completions().contains(QStringLiteral("mytrader:router_unavailable:ratio_rate5m"));
        }(),
        45000);
}

void TestExplore::completesLabelNamesAndValues()
{
    auto *editor = m_view->editor();
    editor->setQuery(QStringLiteral("alpaca_messages_received_total{"));
    editor->complete(true);
    QTRY_VERIFY_WITH_TIMEOUT(editor->completions().contains(QStringLiteral("type")), 15000);
    QVERIFY(editor->completions().contains(QStringLiteral("symbol")));
    QVERIFY(!editor->completions().contains(QStringLiteral("reason"))); // another metric's label
    editor->setQuery(QStringLiteral("alpaca_messages_received_total{type=\""));
    editor->complete(true);
    QTRY_VERIFY_WITH_TIMEOUT(editor->completions().contains(QStringLiteral("trade")), 15000);
    QVERIFY(editor->completions().contains(QStringLiteral("quote")));
    QVERIFY(!editor->completions().contains(QStringLiteral("parse"))); // alpaca_errors_total's type
}

void TestExplore::typingOffersAndEnterInserts()
{
    auto *editor = m_view->editor();
    editor->setQuery(QString());
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("alpaca_subs"));
    QTRY_VERIFY_WITH_TIMEOUT(editor->completer()->popup()->isVisible(), 15000);
    QCOMPARE(editor->completions(), QStringList{QStringLiteral("alpaca_subscribed_symbols_count")});
    QTest::keyClick(editor->completer()->popup(), Qt::Key_Return);
    QCOMPARE(editor->query(), QStringLiteral("alpaca_subscribed_symbols_count"));
}

void TestExplore::parseErrorIsMarkedWhereItPoints()
{
    QSignalSpy queried(m_view.get(), &wf::ExploreView::queried);
    const auto broken = QStringLiteral("sum by (type) (\n  rate(alpaca_errors_total[5m]) +* 2)");
    m_view->setQuery(broken);
    m_view->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(queried.size(), 1, 10000);
    QCOMPARE(queried.at(0).at(0).toBool(), false);
    // Prometheus says 2:34 (the '*' after '+'); the editor marks that character.
    QVERIFY(m_view->editor()->errorOffset());
    QCOMPARE(broken.at(*m_view->editor()->errorOffset()), QChar(u'*'));
    QVERIFY2(m_view->errorText().startsWith(QStringLiteral("Line 2, column")), qPrintable(m_view->errorText()));
#ifdef WF_EXPLORE_ON_VICTORIAMETRICS
    // MetricsQL's words, without its "error when executing query=…" preamble.
    QVERIFY2(m_view->statusText().contains(QStringLiteral("unexpected token")), qPrintable(m_view->statusText()));
    QVERIFY2(!m_view->statusText().contains(QStringLiteral("error when executing")), qPrintable(m_view->statusText()));
#else
    QVERIFY(m_view->statusText().contains(QStringLiteral("parse error")));
#endif
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        m_view->grab().save(grab + QStringLiteral("/explore-error.png"));
    // Typing clears the mark.
    m_view->editor()->moveCursor(QTextCursor::End);
    m_view->editor()->insertPlainText(QStringLiteral(" "));
    QVERIFY(!m_view->editor()->errorOffset());
}

void TestExplore::rangeChartsInstantTables()
{
    QSignalSpy queried(m_view.get(), &wf::ExploreView::queried);
    const auto promql = QStringLiteral("sum by (type) (rate(alpaca_messages_received_total[1m]))");
    m_view->setQuery(promql);
    m_view->setMode(wf::ExploreView::Mode::Range);
    m_view->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(queried.size(), 1, 10000);
    QVERIFY2(queried.at(0).at(0).toBool(), qPrintable(m_view->statusText()));
    QVERIFY(m_view->chart()->isVisible());
    QStringList names;
    for (const auto &line : m_view->chart()->lines())
        names.append(line.name);
    QVERIFY2(names.contains(QStringLiteral("{type=\"trade\"}")), qPrintable(names.join(u',')));
    QVERIFY(m_view->chart()->lines().constFirst().points.size() > 3);
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        m_view->grab().save(grab + QStringLiteral("/explore-range.png"));

    m_view->setMode(wf::ExploreView::Mode::Instant);
    m_view->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(queried.size(), 2, 10000);
    QVERIFY(queried.at(1).at(0).toBool());
    QVERIFY(m_view->table()->isVisible());
    QVERIFY(m_view->table()->rowCount() >= 3);
    bool numeric = false;
    QVERIFY(m_view->table()->item(0, 1)->data(Qt::DisplayRole).toDouble(&numeric) >= 0);
    QVERIFY(numeric);
    QCOMPARE(m_view->history().constFirst(), promql);
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        m_view->grab().save(grab + QStringLiteral("/explore-instant.png"));
}

void TestExplore::addToDashboardWritesThePanel()
{
    QTemporaryDir dir;
    m_view->setDashboardFolder(dir.path());
    m_view->setQuery(QStringLiteral("max(alpaca_subscribed_symbols_count)"));
    m_view->setMode(wf::ExploreView::Mode::Range);
    QSignalSpy changed(m_view.get(), &wf::ExploreView::dashboardsChanged);
    QString error;
    QVERIFY2(m_view->addToDashboard(QStringLiteral("business"), QStringLiteral("Symbols"), &error), qPrintable(error));
    QCOMPARE(changed.size(), 1);
    QFile file(dir.filePath(QStringLiteral("business.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("max(alpaca_subscribed_symbols_count)"));
}

QTEST_MAIN(TestExplore)
#include "tst_explore.moc"
