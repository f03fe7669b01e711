// The alert inbox model: groups by severity (critical first), sorts by alert name, shows each
// state and who acknowledged, filters by words; checked by QAbstractItemModelTester throughout.

#include "alertinboxmodel.h"
#include "alertqualitymodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using State = wf::InboxAlert::State;

namespace {

wf::InboxAlert make(const QString &name, const QString &severity, const QString &symbol, State state = State::Firing)
{
    wf::InboxAlert a;
    a.alert.labels = {{QStringLiteral("alertname"), name}, {QStringLiteral("severity"), severity}, {QStringLiteral("symbol"), symbol}};
    a.alert.annotations = {{QStringLiteral("summary"), name + QStringLiteral(" summary")}};
    a.alert.fingerprint = name + symbol;
    a.alert.startsAt = QDateTime(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC);
    a.state = state;
    return a;
}

} // namespace

class TestAlertInboxModel : public QObject
{
    Q_OBJECT
private slots:
    void groupsAndOrder();
    void statesAndAcks();
    void filter();
    void qualityTable();
    void unchangedPollKeepsRows();
};

void TestAlertInboxModel::groupsAndOrder()
{
    wf::AlertInboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAlerts({make(QStringLiteral("PriceDeltaHigh"), QStringLiteral("warning"), QStringLiteral("NVDA")),
                     make(QStringLiteral("BothSourcesUnavailable"), QStringLiteral("critical"), {}),
                     make(QStringLiteral("CircuitBreakerTriggered"), QStringLiteral("warning"), QStringLiteral("TSLA")),
                     make(QStringLiteral("Odd"), QStringLiteral("page-me"), {})});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("critical (1)"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("warning (2)"));
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("other (1)"));
    const auto warnings = model.index(1, 0);
    QCOMPARE(model.index(0, wf::AlertInboxModel::Alert, warnings).data().toString(), QStringLiteral("CircuitBreakerTriggered"));
    QCOMPARE(model.index(1, wf::AlertInboxModel::Alert, warnings).data().toString(), QStringLiteral("PriceDeltaHigh"));
    QCOMPARE(model.index(1, wf::AlertInboxModel::KeyLabels, warnings).data().toString(), QStringLiteral("symbol=NVDA"));
    QCOMPARE(model.indexOf(QStringLiteral("PriceDeltaHighNVDA")), model.index(1, 0, warnings));
    QCOMPARE(model.alertAt(model.index(0, 0)), nullptr); // a group is not an alert
}

void TestAlertInboxModel::statesAndAcks()
{
    wf::AlertInboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUtc(true);
    model.setNow(QDateTime(QDate(2026, 1, 5), QTime(11, 30), Qt::UTC));
    auto acked = make(QStringLiteral("RouterOnFallback"), QStringLiteral("warning"), {}, State::Acknowledged);
    acked.ack = wf::AckInfo{QStringLiteral("s1"), QStringLiteral("a1"), QStringLiteral("alice"), QStringLiteral("on it"),
                            wf::AckRecord::Mode::UntilResolved, {}, false, {}};
    auto timed = make(QStringLiteral("AlpacaHighLatencyP95"), QStringLiteral("warning"), {}, State::AckPending);
    timed.ack = wf::AckInfo{{}, QStringLiteral("a2"), QStringLiteral("bob"), {}, wf::AckRecord::Mode::Timed,
                            QDateTime(QDate(2026, 1, 5), QTime(12, 0), Qt::UTC), true, QStringLiteral("Connection refused")};
    auto resolved = make(QStringLiteral("ValidationFailuresRising"), QStringLiteral("warning"), {}, State::Resolved);
    resolved.resolvedAt = QDateTime(QDate(2026, 1, 5), QTime(10, 45), Qt::UTC);
    model.setAlerts({acked, timed, resolved, make(QStringLiteral("AlpacaDisconnected"), QStringLiteral("critical"), {})});
    QCOMPARE(model.firingCount(), 1);
    const auto warnings = model.index(1, 0);
    const auto row = [&](const QString &name) {
        for (int r = 0; r < model.rowCount(warnings); ++r)
            if (model.index(r, wf::AlertInboxModel::Alert, warnings).data().toString() == name)
                return r;
        return -1;
    };
    const auto cell = [&](const QString &name, int column) { return model.index(row(name), column, warnings).data().toString(); };
    QCOMPARE(cell(QStringLiteral("RouterOnFallback"), wf::AlertInboxModel::State), QStringLiteral("acknowledged"));
    QCOMPARE(cell(QStringLiteral("RouterOnFallback"), wf::AlertInboxModel::Acknowledged), QStringLiteral("alice, until resolved"));
    QCOMPARE(cell(QStringLiteral("RouterOnFallback"), wf::AlertInboxModel::Duration), QStringLiteral("1 h 30 min"));
    QCOMPARE(cell(QStringLiteral("RouterOnFallback"), wf::AlertInboxModel::Started), QStringLiteral("2026-01-05 10:00:00"));
    QCOMPARE(cell(QStringLiteral("AlpacaHighLatencyP95"), wf::AlertInboxModel::State), QStringLiteral("ack pending"));
    QCOMPARE(cell(QStringLiteral("AlpacaHighLatencyP95"), wf::AlertInboxModel::Acknowledged), QStringLiteral("bob, until 2026-01-05 12:00:00"));
    QVERIFY(model.index(row(QStringLiteral("AlpacaHighLatencyP95")), wf::AlertInboxModel::State, warnings)
                .data(Qt::ToolTipRole).toString().contains(QStringLiteral("Connection refused")));
    // Resolved: its duration stops at the resolution, and it is greyed.
    QCOMPARE(cell(QStringLiteral("ValidationFailuresRising"), wf::AlertInboxModel::Duration), QStringLiteral("45 min"));
    QVERIFY(model.index(row(QStringLiteral("ValidationFailuresRising")), 1, warnings).data(Qt::ForegroundRole).isValid());
}

void TestAlertInboxModel::filter()
{
    wf::AlertInboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAlerts({make(QStringLiteral("PriceDeltaHigh"), QStringLiteral("warning"), QStringLiteral("NVDA")),
                     make(QStringLiteral("PriceDeltaHigh"), QStringLiteral("warning"), QStringLiteral("AAPL")),
                     make(QStringLiteral("BothSourcesUnavailable"), QStringLiteral("critical"), {})});
    model.setFilter(wf::InboxFilter::parse(QStringLiteral("pricedelta nvda")).value());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.index(0, 0)), 1);
    QCOMPARE(model.index(0, wf::AlertInboxModel::KeyLabels, model.index(0, 0)).data().toString(), QStringLiteral("symbol=NVDA"));
    // Label matchers as in Alertmanager.
    model.setFilter(wf::InboxFilter::parse(QStringLiteral(R"(alertname=~"Price.*" symbol!="NVDA")")).value());
    QCOMPARE(model.shownCount(), 1);
    QCOMPARE(model.index(0, wf::AlertInboxModel::KeyLabels, model.index(0, 0)).data().toString(), QStringLiteral("symbol=AAPL"));
    // Severity toggles hide whole groups.
    auto noWarnings = wf::InboxFilter::parse({}).value();
    noWarnings.setSeverityShown(wf::InboxFilter::Severity::Warning, false);
    model.setFilter(noWarnings);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("critical (1)"));
    model.setFilter({});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.firingCount(), 3); // counts ignore the filter
}

void TestAlertInboxModel::qualityTable()
{
    wf::AlertQualityModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    wf::AlertQuality q;
    q.alertname = QStringLiteral("Flappy");
    q.severity = QStringLiteral("warning");
    q.fired = 3;
    q.medianDurationS = 240;
    q.acknowledgedShare = 1.0 / 3;
    q.flapping = 1;
    model.setRows({q});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, wf::AlertQualityModel::MedianDuration).data().toString(), QStringLiteral("4 min"));
    QCOMPARE(model.index(0, wf::AlertQualityModel::Acknowledged).data().toString(), QStringLiteral("33 %"));
    QCOMPARE(model.index(0, wf::AlertQualityModel::MedianTimeToAck).data().toString(), QStringLiteral("—")); // never acknowledged
    QCOMPARE(model.index(0, wf::AlertQualityModel::MedianDuration).data(Qt::UserRole).toLongLong(), 240);
}

void TestAlertInboxModel::unchangedPollKeepsRows()
{
    wf::AlertInboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<wf::InboxAlert> alerts{make(QStringLiteral("PriceDeltaHigh"), QStringLiteral("warning"), QStringLiteral("NVDA")),
                                 make(QStringLiteral("BothSourcesUnavailable"), QStringLiteral("critical"), {})};
    model.setAlerts(alerts);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    // A poll with the same alerts: the rows stay (the view keeps expansion, selection, scroll).
    model.setAlerts(alerts);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changes.count(), 2); // one per group, for the "for how long" column
    // One alert is now silenced: the tree is rebuilt and shows it.
    alerts[0].state = State::Silenced;
    model.setAlerts(alerts);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.index(0, wf::AlertInboxModel::State, model.index(1, 0)).data().toString(), QStringLiteral("silenced"));
}

QTEST_MAIN(TestAlertInboxModel)
#include "tst_alertinboxmodel.moc"
