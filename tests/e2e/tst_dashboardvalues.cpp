// The drill walk: what the dashboards paint is what Prometheus answers, above all in the seconds
// right after a change. Against mytrader-sim under the real Prometheus (with the project's alert
// rules), scraping every second and, in a second pass, every five, and in a third under
// VictoriaMetrics (with vmalert) scraping every second, each of the eight drills runs in
// turn and is cleared again. At moments inside each — the first seconds after the fault starts,
// after it has taken hold, the first seconds after it is cleared — views are snapshotted (what
// --screenshot-dir writes) at 5 m, 1 h and 24 h, and:
//   - every painted value equals Prometheus' instant query of the same expression at the panel's
//     evaluation time (labels and value);
//   - a panel that shows a value "now" (stat, gauge, bar, table) paints exactly the series
//     Prometheus returns then: an ended series is never painted as current;
//   - the Operations "Now" row agrees with the health endpoint (connection, authentication,
//     subscribed symbols and router state come from its newer answer);
//   - time per router state sums to the range (less what lies before the first scrape);
//     availability and uptime never exceed 100 %; counts of events are whole numbers.

#include "dashboardpanel.h"
#include "mainwindow.h"
#include "monitoringstack.h"
#include "net/httpclient.h"
#include "sources/health/healthclient.h"
#include "sources/loki/lokiclient.h"
#include "sources/prometheus/prometheusclient.h"
#include "store/settings.h"
#include "views/dashboardview.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

wf::Labels labelsOf(const QJsonObject &value)
{
    wf::Labels labels;
    const auto o = value.value(QStringLiteral("labels")).toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

QString describe(const wf::Labels &labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts.append(it.key() + u'=' + it.value());
    return u'{' + parts.join(u',') + u'}';
}

} // namespace

class TestDashboardValues : public QObject
{
    Q_OBJECT
private slots:
    void drillWalk_data();
    void drillWalk();

private:
    QJsonObject get(const QUrl &url);
    void send(const QByteArray &verb, const QUrl &url, const QByteArray &body = {});
    // The query's answer at that moment: Prometheus', or Loki's for a LogQL panel.
    std::optional<wf::PromResult> ask(const QString &expr, double at, bool loki = false);
    // One view at one range, snapshotted right after a refresh and checked; returns values compared.
    int checkView(wf::ViewId id, std::chrono::seconds range, const QString &moment);

    QNetworkAccessManager m_network;
    wf::MainWindow *m_window = nullptr;
    wf::PrometheusClient *m_client = nullptr;
    wf::LokiClient *m_loki = nullptr;
    int m_lokiCompared = 0;
    QUrl m_health;
    QDateTime m_dataStart; // the first scrape of the service
    int m_scrape = 1;
    int m_unstableHealth = 0;
    bool m_victoriaMetrics = false;
    int m_provisional = 0; // VictoriaMetrics: ALERTS answers that changed after the moment
};

QJsonObject TestDashboardValues::get(const QUrl &url)
{
    std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(url)));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 15000))
        return {};
    return QJsonDocument::fromJson(reply->readAll()).object();
}

void TestDashboardValues::send(const QByteArray &verb, const QUrl &url, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, verb, body));
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 15000));
    QVERIFY2(reply->error() == QNetworkReply::NoError, qPrintable(reply->errorString()));
}

std::optional<wf::PromResult> TestDashboardValues::ask(const QString &expr, double at, bool loki)
{
    std::optional<wf::Result<wf::PromResult>> answer;
    const auto when = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(at * 1000)), Qt::UTC);
    if (loki) {
        std::optional<wf::Result<wf::LokiResult>> lokiAnswer;
        m_loki->query(expr, wf::loki::toNanos(when), this, [&](const wf::Result<wf::LokiResult> &r) { lokiAnswer = r; });
        if (!QTest::qWaitFor([&] { return lokiAnswer.has_value(); }, 10000) || !lokiAnswer->ok())
            return std::nullopt;
        wf::PromResult out;
        out.series = lokiAnswer->value().series;
        return out;
    }
    m_client->query(expr, when, this, [&](const wf::Result<wf::PromResult> &r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000) || !answer->ok())
        return std::nullopt;
    return answer->value();
}

int TestDashboardValues::checkView(wf::ViewId id, std::chrono::seconds range, const QString &moment)
{
    m_window->showView(id);
    auto *view = qobject_cast<wf::DashboardView *>(m_window->view(id));
    [&] { QVERIFY(view); }();
    view->setTimeRange(wf::TimeRange::last(range));
    if (!QTest::qWaitFor([&] { return view->isSettled(); }, 20000)) {
        [&] { QFAIL(qPrintable(moment + QStringLiteral(": the view did not settle"))); }();
        return 0;
    }
    // The health endpoint just before and just after the snapshot: where both agree, the Now row
    // must say the same. The app's health sample on screen is one asked after `before`: the
    // second sample after it (polls never overlap, so that one was asked once the first was in);
    // a busy machine can hold a poll back for longer than one interval.
    const auto before = get(m_health);
    if (auto *health = m_window->findChild<wf::HealthClient *>()) {
        QSignalSpy sampled(health, &wf::HealthClient::sampled);
        if (!QTest::qWaitFor([&] { return sampled.size() >= 2; }, 20000)) {
            [&] { QFAIL(qPrintable(moment + QStringLiteral(": no health sample in 20 s"))); }();
            return 0;
        }
        QCoreApplication::processEvents(); // the view has it too
    }
    const auto snapshot = view->snapshot();
    const auto after = get(m_health);
    const auto where = [&](const QJsonObject &panel) {
        return QStringLiteral("%1, %2 at %3 s, panel %4")
            .arg(moment, wf::viewName(id))
            .arg(range.count())
            .arg(panel.value(QStringLiteral("id")).toString());
    };
    int compared = 0;
    for (const auto &p : snapshot.value(QStringLiteral("panels")).toArray()) {
        const auto panel = p.toObject();
        const auto type = panel.value(QStringLiteral("type")).toString();
        const auto values = panel.value(QStringLiteral("values")).toArray();
        const bool now = type == u"stat" || type == u"gauge" || type == u"bar" || type == u"table";
        const auto state = panel.value(QStringLiteral("state")).toString();
        if (state != u"ready" && state != u"empty") {
            [&] {
                QFAIL(qPrintable(where(panel) + QStringLiteral(": ") + state + u' '
                    + panel.value(QStringLiteral("error")).toString()));
            }();
            return compared;
        }

        // Group what is painted from Prometheus by (query, time): one question each.
        QMap<std::pair<QString, double>, QList<QJsonObject>> asked;
        for (const auto &v : values) {
            const auto value = v.toObject();
            const auto source = value.value(QStringLiteral("source")).toString();
            if ((source == u"prometheus" || source == u"loki")
                && !value.value(QStringLiteral("derived")).toBool() && value.contains(QStringLiteral("query"))
                && panel.value(QStringLiteral("source")).toString() == source)
                asked[{ value.value(QStringLiteral("query")).toString(),
                          value.value(QStringLiteral("time")).toDouble() }]
                    .append(value);
        }
        for (auto it = asked.cbegin(); it != asked.cend(); ++it) {
            const auto &[expr, at] = it.key();
            // VictoriaMetrics takes vmalert's ALERTS through remote write: samples for a moment
            // can arrive after it, so its answer for that moment may still change. Such a
            // question is not compared; how many is said at the end.
            if (m_victoriaMetrics && expr.contains(QLatin1String("ALERTS"))) {
                const auto first = ask(expr, at);
                QTest::qWait(1500);
                const auto again = ask(expr, at);
                const auto text = [](const std::optional<wf::PromResult> &r) {
                    QStringList parts;
                    if (r)
                        for (const auto &s : r->series)
                            if (!s.samples.empty())
                                parts.append(describe(s.labels) + u'=' + QString::number(s.samples.back().value));
                    parts.sort();
                    return parts.join(u' ');
                };
                QStringList painted;
                for (const auto &v : it.value())
                    if (!v.value(QStringLiteral("noData")).toBool())
                        painted.append(describe(labelsOf(v)) + u'=' + QString::number(v.value(QStringLiteral("value")).toDouble()));
                painted.sort();
                if (text(first) != text(again) || painted.join(u' ') != text(again)) {
                    ++m_provisional;
                    continue;
                }
            }
            const bool fromLoki = panel.value(QStringLiteral("source")).toString() == u"loki";
            m_lokiCompared += fromLoki ? int(it.value().size()) : 0;
            const auto answer = ask(expr, at, fromLoki);
            if (!answer) {
                [&] { QFAIL(qPrintable(where(panel) + QStringLiteral(": Prometheus did not answer ") + expr)); }();
                return compared;
            }
            QList<const wf::Series *> answered;
            for (const auto &s : answer->series)
                if (!s.samples.empty())
                    answered.append(&s);
            const bool noData = it.value().size() == 1 && it.value().first().value(QStringLiteral("noData")).toBool();
            if (noData) {
                [&] {
                    QVERIFY2(answered.isEmpty(),
                        qPrintable(where(panel)
                            + QStringLiteral(": painted “none” but Prometheus has %1 series").arg(answered.size())));
                }();
                ++compared;
                continue;
            }
            const bool topk = expr.startsWith(QLatin1String("topk("));
            for (const auto &value : it.value()) {
                const auto labels = labelsOf(value);
                const auto shown = value.value(QStringLiteral("value"));
                const wf::Series *match = nullptr;
                for (const auto *s : answered)
                    if (s->labels == labels)
                        match = s;
                if (!match && topk) {
                    // topk between equal values picks any of them: the value must still be a top one.
                    const bool among = std::any_of(answered.cbegin(), answered.cend(),
                        [&](const wf::Series *s) { return close(shown.toDouble(), s->samples.back().value); });
                    [&] {
                        QVERIFY2(among,
                            qPrintable(where(panel) + QStringLiteral(": %1 is not a top value").arg(shown.toDouble())));
                    }();
                    ++compared;
                    continue;
                }
                if (!match && fromLoki && shown.toDouble() == 0) {
                    // Loki has no series where no line fell in the window; the chart draws it as 0 lines.
                    ++compared;
                    continue;
                }
                if (!match) {
                    [&] {
                        QFAIL(qPrintable(where(panel)
                            + QStringLiteral(": painted %1, which Prometheus does not have at %2: %3")
                                  .arg(describe(labels))
                                  .arg(at, 0, 'f', 3)
                                  .arg(expr)));
                    }();
                    return compared;
                }
                const double truth = match->samples.back().value;
                if (std::isnan(truth))
                    [&] { QVERIFY2(shown.isNull(), qPrintable(where(panel))); }();
                else
                    [&] {
                        QVERIFY2(close(shown.toDouble(), truth),
                            qPrintable(where(panel)
                                + QStringLiteral(": %1 painted %2, Prometheus %3")
                                      .arg(describe(labels))
                                      .arg(shown.toDouble())
                                      .arg(truth)));
                    }();
                ++compared;
            }
            // Nothing missing either: a "now" panel paints every series Prometheus has then.
            if (now)
                [&] {
                    QVERIFY2(it.value().size() == answered.size(),
                        qPrintable(where(panel)
                            + QStringLiteral(": painted %1 series, Prometheus has %2 at its now")
                                  .arg(it.value().size())
                                  .arg(answered.size())));
                }();
        }
        if (QTest::currentTestFailed())
            return compared;

        const auto id = panel.value(QStringLiteral("id")).toString();
        // Durations fit the range; shares stay shares; events are counted whole.
        if (id == u"state-time" && !values.isEmpty()) {
            double sum = 0;
            QStringList parts;
            for (const auto &v : values) {
                sum += v.toObject().value(QStringLiteral("value")).toDouble();
                parts.append(v.toObject().value(QStringLiteral("text")).toString());
            }
            const auto at = values.first().toObject().value(QStringLiteral("time")).toDouble();
            const double covered
                = std::min<double>(double(range.count()), at - m_dataStart.toMSecsSinceEpoch() / 1000.0);
            [&] {
                QVERIFY2(sum <= covered + m_scrape + 1 && sum >= covered - 3 * m_scrape - 1,
                    qPrintable(where(panel)
                        + QStringLiteral(": the states sum to %1 s (%3), the range holds %2 s of data")
                              .arg(sum)
                              .arg(covered)
                              .arg(parts.join(u", "))));
            }();
        }
        if (id == u"availability" || id == u"uptime")
            for (const auto &v : values)
                [&] {
                    QVERIFY2(v.toObject().value(QStringLiteral("value")).toDouble() <= 100.0, qPrintable(where(panel)));
                }();
        if (id == u"failovers" || id == u"breakers" || id == u"tripped")
            for (const auto &v : values) {
                const auto x = v.toObject().value(QStringLiteral("value")).toDouble();
                [&] {
                    QVERIFY2(x == std::round(x), qPrintable(where(panel) + QStringLiteral(": %1 events").arg(x)));
                }();
            }

        // The Now row: the health endpoint's facts, and the same as it said (when it held still).
        if (id == u"connection" || id == u"auth" || id == u"symbols" || id == u"router") {
            [&] {
                QVERIFY2(
                    values.size() == 1, qPrintable(where(panel) + QStringLiteral(": %1 items").arg(values.size())));
            }();
            if (values.size() != 1)
                return compared;
            const auto item = values.first().toObject();
            [&] { QCOMPARE(item.value(QStringLiteral("source")).toString(), QStringLiteral("health")); }();
            const auto fact = [&](const QJsonObject &health) -> QString {
                const auto alpaca = health.value(QStringLiteral("alpaca")).toObject();
                if (id == u"connection")
                    return alpaca.value(QStringLiteral("state")).toString();
                if (id == u"auth")
                    return alpaca.value(QStringLiteral("isAuthenticated")).toBool() ? QStringLiteral("1")
                                                                                    : QStringLiteral("0");
                if (id == u"symbols")
                    return QString::number(alpaca.value(QStringLiteral("subscribedSymbols")).toInt());
                return health.value(QStringLiteral("router"))
                    .toObject()
                    .value(QStringLiteral("currentState"))
                    .toString();
            };
            const auto painted = id == u"connection"
                ? item.value(QStringLiteral("labels")).toObject().value(QStringLiteral("state")).toString()
                : id == u"router" ? item.value(QStringLiteral("state")).toString()
                                  : QString::number(item.value(QStringLiteral("value")).toDouble());
            if (fact(before) == fact(after))
                [&] {
                    QVERIFY2(painted == fact(before),
                        qPrintable(where(panel)
                            + QStringLiteral(": painted %1, the health endpoint says %2").arg(painted, fact(before))));
                }();
            else
                ++m_unstableHealth;
            ++compared;
        }
    }
    return compared;
}

void TestDashboardValues::drillWalk_data()
{
    QTest::addColumn<int>("scrape");
    QTest::addColumn<bool>("victoriaMetrics");
    QTest::newRow("scrape 1 s") << 1 << false;
    QTest::newRow("scrape 5 s") << 5 << false;
    QTest::newRow("VictoriaMetrics, scrape 1 s") << 1 << true;
}

void TestDashboardValues::drillWalk()
{
    QFETCH(int, scrape);
    QFETCH(bool, victoriaMetrics);
    m_scrape = scrape;
    m_unstableHealth = 0;
    m_victoriaMetrics = victoriaMetrics;
    m_provisional = 0;
    MonitoringStack stack;
    stack.setScrapeSeconds(scrape);
    if (victoriaMetrics) {
        // As installed: its 30-s latency offset held back (instant queries ask nocache=1, a range's
        // held-back points are dropped), which the values must survive.
        stack.setBackend(MonitoringStack::Backend::VictoriaMetrics);
        stack.setVictoriaMetricsDefaults(true);
    }
    QVERIFY2(stack.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE), { QStringLiteral("--quiet") }),
        qPrintable(stack.errorString()));
    QFile rules(QStringLiteral(WATCHFLOOR_ALERT_RULES));
    QVERIFY(rules.open(QIODevice::ReadOnly));
    QVERIFY2(stack.start(QString::fromUtf8(rules.readAll()), stack.simulatorScrapeConfig()),
        qPrintable(stack.errorString()));
    const auto faults = stack.simulatorUrl().resolved(QUrl(QStringLiteral("/control/faults")));

    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    m_window = &window;
    auto profile = stack.profile(QStringLiteral("walk"));
    m_health = profile.endpoint(wf::Endpoint::Health).url;
    window.setProfile(profile, true);
    window.resize(1280, 900);
    window.show();
    wf::HttpClient http(&m_network, wf::Endpoint::Prometheus);
    http.setProfile(profile);
    wf::PrometheusClient client(&http);
    client.detectServer(); // as the console's own: VictoriaMetrics' held-back points dropped alike
    m_client = &client;
    wf::HttpClient lokiHttp(&m_network, wf::Endpoint::Loki);
    lokiHttp.setProfile(profile);
    wf::LokiClient loki(&lokiHttp);
    m_loki = &loki;
    // The first scrape of the service (Prometheus applies new targets up to 5 s after it is ready):
    // the first raw sample of up, asked as a range vector — VictoriaMetrics makes a sample
    // searchable seconds after it is scraped, so the newest one when it first answers is too late.
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        const auto first
            = ask(QStringLiteral("up{job=\"mytrader\"}[10m]"), QDateTime::currentMSecsSinceEpoch() / 1000.0);
        if (!first || first->series.empty() || first->series.front().samples.empty())
            return false;
        m_dataStart = QDateTime::fromMSecsSinceEpoch(
            qint64(std::llround(first->series.front().samples.front().time * 1000)), Qt::UTC);
        return true;
    }()),
        20000);

    // Until rates have two scrapes in their window, Operations has empty panels: wait for data.
    auto *operations = qobject_cast<wf::DashboardView *>(window.view(wf::ViewId::Operations));
    // Latched: QTRY evaluates its expression once more after it held, and a refresh in it would
    // make that second look see the view unsettled again.
    bool whole = false;
    QTRY_VERIFY_WITH_TIMEOUT(whole
            || (whole = (operations->refresh(), QTest::qWait(1000),
                    operations->isSettled() && operations->isComplete())),
        20000 + 8000 * scrape);

    using namespace std::chrono_literals;
    const QList<std::chrono::seconds> ranges { 5min, 1h, 24h };
    const QList<wf::ViewId> others { wf::ViewId::Performance, wf::ViewId::Reliability, wf::ViewId::Business };
    const QStringList drills { QStringLiteral("alpaca_disconnect"), QStringLiteral("auth_failure"),
        QStringLiteral("latency_spike"), QStringLiteral("invalid_prices"), QStringLiteral("price_spike"),
        QStringLiteral("yahoo_down"), QStringLiteral("both_down"), QStringLiteral("stale_stream") };
    QElapsedTimer clock;
    clock.start();
    int compared = 0;
    int moment = 0;
    // Operations at one range and one other view at another: over a pass, each view sees each range.
    const auto check = [&](const QString &name) {
        compared += checkView(wf::ViewId::Operations, ranges.at(moment % 3), name);
        if (!QTest::currentTestFailed())
            compared += checkView(others.at(moment % 3), ranges.at((moment / 3 + 1) % 3), name);
        ++moment;
    };
    for (const auto &drill : drills) {
        send("POST", faults,
            QJsonDocument(QJsonObject { { QStringLiteral("kind"), drill }, { QStringLiteral("durationSeconds"), 120 } })
                .toJson());
        QTest::qWait(1000 + 1000 * scrape); // the first scrape that sees it
        check(drill + QStringLiteral(", first seconds"));
        QVERIFY(!QTest::currentTestFailed());
        QTest::qWait(5000); // the router's stale-data and hysteresis window: the failover is on
        check(drill + QStringLiteral(", taken hold"));
        QVERIFY(!QTest::currentTestFailed());
        send("DELETE", faults);
        QTest::qWait(1000 + 1000 * scrape);
        check(drill + QStringLiteral(", first seconds of the recovery"));
        QVERIFY(!QTest::currentTestFailed());
    }
    qInfo("%s, scrape %d s: %d values compared with Prometheus and the health endpoint at %d moments in %lld s "
          "(%d Now-row checks skipped: the health endpoint changed across the snapshot)",
        victoriaMetrics ? "VictoriaMetrics" : "Prometheus", scrape, compared, moment, clock.elapsed() / 1000,
        m_unstableHealth);
    if (victoriaMetrics)
        qInfo("VictoriaMetrics: %d answers about ALERTS left out (they changed after the moment, or differed from what "
              "was painted then: vmalert writes them through remote write)", m_provisional);
    QVERIFY(compared > 40 * moment);
    // Operations' "Errors in the logs" (LogQL, from Loki) was among them, at every moment.
    qInfo("%d of them painted from Loki", m_lokiCompared);
    QVERIFY(m_lokiCompared >= moment);
    m_window = nullptr;
    m_client = nullptr;
    m_loki = nullptr;
}

QTEST_MAIN(TestDashboardValues)
#include "tst_dashboardvalues.moc"
