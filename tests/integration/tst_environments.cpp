// The Environments view against two real environments (each mytrader-sim scraped by its own real
// Prometheus, with its own Alertmanager), looked at right after each change: a drill in one turns
// its card to Both unavailable within seconds while the other stays Primary; a critical alert
// posted to one counts there only; one environment's Prometheus stopped turns only its light red
// and its card says so; a double-click opens that environment's profile in the window.

#include "environments/environmentcard.h"
#include "environments/environmentmonitor.h"
#include "environments/environmentsview.h"
#include "mainwindow.h"
#include "monitoringstack.h"
#include "sources/sim/drillclient.h"
#include "store/settings.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

class TestEnvironments : public QObject
{
    Q_OBJECT
private slots:
    void everyEnvironmentLiveSideBySide();
};

namespace {

QJsonArray criticalAlert(const QString &name)
{
    const auto now = QDateTime::currentDateTimeUtc();
    return QJsonArray{QJsonObject{
        {QStringLiteral("labels"), QJsonObject{{QStringLiteral("alertname"), name}, {QStringLiteral("severity"), QStringLiteral("critical")}}},
        {QStringLiteral("startsAt"), now.toString(Qt::ISODateWithMs)},
        {QStringLiteral("endsAt"), now.addSecs(600).toString(Qt::ISODateWithMs)}}};
}

} // namespace

void TestEnvironments::everyEnvironmentLiveSideBySide()
{
    MonitoringStack east, west;
    QVERIFY2(east.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(east.errorString()));
    QVERIFY2(west.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(west.errorString()));
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    QVERIFY(settings.saveProfile(east.profile(QStringLiteral("east"))));
    QVERIFY(settings.saveProfile(west.profile(QStringLiteral("west"))));
    settings.setCurrentProfile(QStringLiteral("east"));

    wf::MainWindow window(settings);
    window.resize(1280, 800);
    window.setProfile(*settings.profile(QStringLiteral("east")));
    window.show();
    window.showView(wf::ViewId::Environments);
    auto *view = static_cast<wf::EnvironmentsView *>(window.view(wf::ViewId::Environments));
    QCOMPARE(view->cards().size(), 2);
    auto *eastCard = view->cards().at(0);
    auto *westCard = view->cards().at(1);
    QCOMPARE(eastCard->monitor()->profile().name, QStringLiteral("east"));
    QCOMPARE(westCard->monitor()->profile().name, QStringLiteral("west"));

    // Both live and primary; every light green.
    QTRY_VERIFY_WITH_TIMEOUT(view->isSettled(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(eastCard->stateText(), QStringLiteral("Primary (Alpaca)"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(westCard->stateText(), QStringLiteral("Primary (Alpaca)"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(eastCard->alertsText(), QStringLiteral("0 critical · 0 warning · 0 info"), 10000);
    for (const auto e : wf::kAllEndpoints)
        QTRY_COMPARE_WITH_TIMEOUT(westCard->monitor()->light(e).state, wf::ProbeResult::State::Ready, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(westCard->availabilityText().startsWith(QStringLiteral("Availability (30 days) ")), 20000);

    // A drill in the west: its card says so within seconds (health is polled every second); the
    // east's does not move.
    QNetworkAccessManager network;
    wf::DrillClient drills(&network);
    drills.setProfile(west.profile(QStringLiteral("west")));
    bool injected = false;
    drills.inject(QStringLiteral("both_down"), 30, this, [&injected](const auto &r) { injected = r.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(injected, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(westCard->stateText(), QStringLiteral("Both sources unavailable"), 20000);
    QCOMPARE(eastCard->stateText(), QStringLiteral("Primary (Alpaca)"));
    QCOMPARE(westCard->monitor()->healthStatus(), QStringLiteral("Unhealthy"));

    // A critical alert in the east counts there, not in the west.
    QVERIFY2(east.postAlerts(criticalAlert(QStringLiteral("EastOnly"))), qPrintable(east.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(eastCard->alertsText(), QStringLiteral("1 critical · 0 warning · 0 info"), 10000);
    QVERIFY2(westCard->alertsText().startsWith(QStringLiteral("0 critical")), qPrintable(westCard->alertsText()));

    // The west's Prometheus stops: its light turns red, naming the error; the east's stays green.
    west.stopPrometheus();
    QTRY_COMPARE_WITH_TIMEOUT(westCard->monitor()->light(wf::Endpoint::Prometheus).state, wf::ProbeResult::State::Down, 15000);
    QVERIFY(!westCard->monitor()->light(wf::Endpoint::Prometheus).message.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!westCard->monitor()->prometheusError().isEmpty(), 10000);
    QCOMPARE(eastCard->monitor()->light(wf::Endpoint::Prometheus).state, wf::ProbeResult::State::Ready);
    // Its state now still comes from its health endpoint.
    QCOMPARE(westCard->stateText(), QStringLiteral("Both sources unavailable"));

    // What --screenshot-dir writes: each environment as shown.
    const auto snapshot = view->snapshot().value(QStringLiteral("environments")).toArray();
    QCOMPARE(snapshot.size(), 2);
    QCOMPARE(snapshot.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("PRIMARY_ACTIVE"));
    QCOMPARE(snapshot.at(1).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("BOTH_UNAVAILABLE"));
    QCOMPARE(snapshot.at(0).toObject().value(QStringLiteral("alerts")).toObject().value(QStringLiteral("critical")).toInt(), 1);
    QCOMPARE(snapshot.at(1).toObject().value(QStringLiteral("lights")).toObject().value(QStringLiteral("prometheus")).toString(),
             QStringLiteral("down"));

    // Double-click the west: the window is on it.
    QTest::mouseDClick(westCard, Qt::LeftButton);
    QCOMPARE(window.profile().name, QStringLiteral("west"));
    QCOMPARE(window.currentView(), wf::ViewId::Operations);
    QCOMPARE(settings.currentProfile(), QStringLiteral("west"));

    // Hidden, the view asks nothing.
    QVERIFY(!westCard->monitor()->isRunning());
}

QTEST_MAIN(TestEnvironments)
#include "tst_environments.moc"
