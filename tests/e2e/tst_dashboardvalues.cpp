// What the dashboards show is what Prometheus answers: each of the four views is shown against
// mytrader-sim under the real Prometheus, its snapshot (what --screenshot-dir writes as JSON) is
// taken, and every value in it is asked of Prometheus again, as an instant query of the same
// expression at the same time: labels and value must agree.

#include "dashboardpanel.h"
#include "mainwindow.h"
#include "monitoringstack.h"
#include "net/httpclient.h"
#include "panelframe.h"
#include "sources/prometheus/prometheusclient.h"
#include "store/settings.h"
#include "views/dashboardview.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

class TestDashboardValues : public QObject
{
    Q_OBJECT
private slots:
    void snapshotsEqualPrometheus();
};

void TestDashboardValues::snapshotsEqualPrometheus()
{
    MonitoringStack stack;
    QVERIFY2(stack.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(stack.errorString()));

    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    auto profile = stack.profile(QStringLiteral("values"));
    window.setProfile(profile, true);
    window.resize(1280, 900);
    window.show();

    QNetworkAccessManager network;
    wf::HttpClient http(&network, wf::Endpoint::Prometheus);
    http.setProfile(profile);
    wf::PrometheusClient client(&http);

    int compared = 0;
    for (const auto id : {wf::ViewId::Operations, wf::ViewId::Performance, wf::ViewId::Reliability, wf::ViewId::Business}) {
        window.showView(id);
        auto *view = qobject_cast<wf::DashboardView *>(window.view(id));
        QVERIFY(view);
        // A fresh stack: refresh until every panel shows data or says why it has none.
        QTRY_VERIFY_WITH_TIMEOUT((view->refresh(), QTest::qWait(1000), view->isSettled() && view->isComplete()), 40000);
        const auto snapshot = view->snapshot();
        QCOMPARE(snapshot.value(QStringLiteral("view")).toString(), wf::viewName(id));
        for (const auto &p : snapshot.value(QStringLiteral("panels")).toArray()) {
            const auto panel = p.toObject();
            QVERIFY(!panel.value(QStringLiteral("title")).toString().isEmpty());
            for (const auto &v : panel.value(QStringLiteral("values")).toArray()) {
                const auto value = v.toObject();
                const auto expr = value.value(QStringLiteral("query")).toString();
                if (expr.isEmpty())
                    continue; // the router and health panels: not from Prometheus
                QVERIFY(panel.value(QStringLiteral("queries")).toArray().contains(expr));
                const auto at = QDateTime::fromMSecsSinceEpoch(qint64(value.value(QStringLiteral("time")).toDouble() * 1000), Qt::UTC);
                std::optional<wf::Result<wf::PromResult>> answer;
                client.query(expr, at, this, [&](const wf::Result<wf::PromResult> &r) { answer = r; });
                QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
                QVERIFY2(answer->ok(), qPrintable(expr));
                const auto labels = value.value(QStringLiteral("labels")).toObject();
                const wf::Series *match = nullptr;
                for (const auto &series : answer->value().series) {
                    wf::Labels shown;
                    for (auto it = labels.begin(); it != labels.end(); ++it)
                        shown.insert(it.key(), it.value().toString());
                    if (series.labels == shown)
                        match = &series;
                }
                const auto close = [](double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b)); };
                if (!match && expr.startsWith(QLatin1String("topk("))) {
                    // topk between equal values picks any of them, differently from one evaluation
                    // to the next: the value shown must still be one of the top k.
                    const double shown = value.value(QStringLiteral("value")).toDouble();
                    QVERIFY2(std::any_of(answer->value().series.cbegin(), answer->value().series.cend(),
                                         [&](const wf::Series &s) { return close(shown, s.samples.back().value); }),
                             qPrintable(QStringLiteral("%1: %2 is not among the top values").arg(expr).arg(shown)));
                    ++compared;
                    continue;
                }
                QVERIFY2(match, qPrintable(QStringLiteral("%1: no series with the labels shown").arg(expr)));
                const double asked = match->samples.back().value;
                const auto shownValue = value.value(QStringLiteral("value"));
                if (std::isnan(asked)) {
                    QVERIFY(shownValue.isNull()); // NaN is "no data", never a number
                } else {
                    const double shown = shownValue.toDouble();
                    QVERIFY2(close(shown, asked),
                             qPrintable(QStringLiteral("%1: shown %2, Prometheus %3").arg(expr).arg(shown).arg(asked)));
                }
                ++compared;
            }
        }
    }
    qInfo("compared %d values with Prometheus", compared);
    QVERIFY(compared > 30);
}

QTEST_MAIN(TestDashboardValues)
#include "tst_dashboardvalues.moc"
