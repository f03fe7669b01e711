// Every query of every built-in dashboard, as the scheduler sends it (variables, $__range,
// $__rate_interval substituted), is valid PromQL for the real Prometheus and returns data from
// mytrader-sim once it has been scraped for a while — except those that only have data after
// something went wrong (firing alerts, circuit breakers tripped: queries filtered by "> 0"),
// which must still parse. A Loki panel's LogQL goes to the simulator's Loki API, as the console
// sends it (through the same transport), and must parse there; it may have no lines yet.

#include "dashboards/dashboard.h"
#include "dashboards/queryplan.h"
#include "dashboards/queryscheduler.h"
#include "monitoringstack.h"
#include "net/httpclient.h"
#include "sources/loki/lokiclient.h"
#include "sources/prometheus/prometheusclient.h"

#include <QNetworkAccessManager>
#include <QTest>

class TestDashboardQueries : public QObject
{
    Q_OBJECT
private slots:
    void everyQueryParsesAndAnswers();
};

void TestDashboardQueries::everyQueryParsesAndAnswers()
{
    MonitoringStack stack;
    QVERIFY2(stack.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE), {QStringLiteral("--quiet")}),
             qPrintable(stack.errorString()));
    const auto scrape = stack.simulatorScrapeConfig();
    QVERIFY2(stack.start({}, scrape), qPrintable(stack.errorString()));

    QNetworkAccessManager network;
    wf::HttpClient http(&network, wf::Endpoint::Prometheus);
    wf::Profile profile;
    profile.endpoint(wf::Endpoint::Prometheus).url = stack.prometheusUrl();
    http.setProfile(profile);
    wf::PrometheusClient client(&http);
    wf::HttpClient lokiHttp(&network, wf::Endpoint::Loki);
    wf::Profile lokiProfile;
    lokiProfile.endpoint(wf::Endpoint::Loki).url = stack.simulatorUrl();
    lokiHttp.setProfile(lokiProfile);
    wf::LokiClient loki(&lokiHttp);
    wf::PrometheusTransport transport(&client, &loki);

    // Scraped long enough for rates over four scrapes to have points: six scrapes of the simulator.
    const auto scrapes = [&] {
        std::optional<wf::Result<wf::PromResult>> answer;
        client.query(QStringLiteral("count_over_time(alpaca_authentication_status[1m])"), {}, this,
                     [&](const wf::Result<wf::PromResult> &r) { answer = r; });
        (void)QTest::qWaitFor([&] { return answer.has_value(); }, 15000);
        return answer && answer->ok() && !answer->value().series.empty()
            ? answer->value().series.front().samples.back().value
            : 0.0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(scrapes() >= 6, 30000);
    QStringList failures;
    QStringList empty;
    int checked = 0;
    for (const auto &id : wf::dashboards::builtInIds()) {
        const auto dashboard = wf::dashboards::builtIn(id);
        if (!dashboard)
            continue;
        for (const auto *panel : dashboard->panels()) {
            for (const auto &q : panel->queries) {
                wf::QueryContext context;
                context.to = QDateTime::currentDateTimeUtc();
                context.from = context.to.addSecs(-300);
                context.scrapeSeconds = 1;
                context.widthPx = 300;
                for (const auto &v : dashboard->variables)
                    context.variables.insert(v.name, {});
                auto key = q.instant ? wf::queryplan::instantKey(q.expr, context)
                                     : wf::queryplan::rangeKey(q.expr, context);
                key.loki = panel->source == u"loki";
                std::optional<wf::Result<wf::PromResult>> answer;
                transport.send(key, this, [&](const wf::Result<wf::PromResult> &r) { answer = r; });
                QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
                ++checked;
                const auto where = QStringLiteral("%1/%2: %3").arg(id, panel->title, key.expr);
                if (!answer->ok()) {
                    failures.append(where + QStringLiteral(" → ") + answer->error().message);
                    continue;
                }
                if (answer->value().series.empty() && !key.loki) // log lines of a level may not have come yet
                    empty.append(where);
            }
        }
    }
    QVERIFY(checked > 5);
    if (!failures.isEmpty())
        QFAIL(qPrintable(failures.join(QLatin1Char('\n'))));
    // A healthy simulator has data for everything but what only exists after trouble: firing
    // alerts. Anything else empty means a metric name or label that the service does not have.
    empty.removeIf([](const QString &w) {
        return w.contains(QLatin1String("ALERTS{")) || w.endsWith(QLatin1String(" > 0")); // only ever after trouble
    });
    if (!empty.isEmpty())
        QFAIL(qPrintable(QStringLiteral("no data for:\n") + empty.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestDashboardQueries)
#include "tst_dashboardqueries.moc"
