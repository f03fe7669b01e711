// The alert inbox end to end on the simulated MyTrader stack: mytrader-sim under the real
// Prometheus (with the project's alert rules) and the real Alertmanager. A drill chosen from the
// Drill menu makes RouterOnFallback fire; it appears in the inbox within the rule's `for` +
// Prometheus' evaluation + Alertmanager's group wait + one poll; it notifies once; it is
// acknowledged through the Acknowledge dialog; the silence is in Alertmanager with who and why;
// and when the drill ends and the alert resolves, the "until resolved" silence ends with it.

#include "alerttray.h"
#include "alertinboxmodel.h"
#include "ackdialog.h"
#include "drillmenu.h"
#include "mainwindow.h"
#include "monitoringstack.h"
#include "sources/alertmanager/alertmanagerclient.h"
#include "statuslight.h"
#include "store/settings.h"
#include "views/alertsview.h"
#include "views/exploreview.h"
#include "views/runbooksview.h"
#include "runbookbrowser.h"
#include "runbooks/runbooklibrary.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

class TestAlertDrill : public QObject
{
    Q_OBJECT
private slots:
    void drillAlertIsSeenNotifiedAndAcknowledged_data();
    void drillAlertIsSeenNotifiedAndAcknowledged();
};

void TestAlertDrill::drillAlertIsSeenNotifiedAndAcknowledged_data()
{
    QTest::addColumn<bool>("victoriaMetrics");
    QTest::newRow("Prometheus") << false;
    // vmalert evaluating the same rules, the runbook's steps asked of VictoriaMetrics as installed.
    QTest::newRow("VictoriaMetrics and vmalert") << true;
}

void TestAlertDrill::drillAlertIsSeenNotifiedAndAcknowledged()
{
    QFETCH(bool, victoriaMetrics);
    MonitoringStack stack;
    if (victoriaMetrics) {
        stack.setBackend(MonitoringStack::Backend::VictoriaMetrics);
        stack.setVictoriaMetricsDefaults(true);
    }
    QVERIFY2(stack.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE), {QStringLiteral("--quiet")}), qPrintable(stack.errorString()));
    QFile rules(QStringLiteral(WATCHFLOOR_ALERT_RULES));
    QVERIFY(rules.open(QIODevice::ReadOnly));
    const auto scrape = stack.simulatorScrapeConfig();
    QVERIFY2(stack.start(QString::fromUtf8(rules.readAll()), scrape), qPrintable(stack.errorString()));

    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    wf::Profile profile;
    profile.name = QStringLiteral("drill");
    profile.endpoint(wf::Endpoint::Prometheus).url = stack.prometheusUrl();
    profile.endpoint(wf::Endpoint::Alertmanager).url = stack.alertmanagerUrl();
    profile.endpoint(wf::Endpoint::Health).url = stack.simulatorUrl().resolved(QUrl(QStringLiteral("/api/health/alpaca")));
    window.setProfile(profile, true);
    window.enableDrills();
    window.showView(wf::ViewId::Alerts);
    window.show();
    auto *view = static_cast<wf::AlertsView *>(window.view(wf::ViewId::Alerts));
    QTRY_COMPARE_WITH_TIMEOUT(window.routerLight()->label(), QStringLiteral("Router: Primary (Alpaca)"), 10000);

    const auto find = [&]() -> std::optional<wf::InboxAlert> {
        for (const auto &a : window.alertInbox()->alerts())
            if (a.alert.labels.value(QStringLiteral("alertname")) == u"RouterOnFallback")
                return a;
        return std::nullopt;
    };
    QVERIFY(!find());
    window.drillMenu()->injectAction(QStringLiteral("alpaca_disconnect"), 300)->trigger();
    QElapsedTimer clock;
    clock.start();
    // The rule's `for` (5 s) + evaluation (1 s here) + group wait (1 s here) + one 5 s poll, with slack.
    QTRY_VERIFY_WITH_TIMEOUT(find().has_value(), 40000);
    qInfo("RouterOnFallback in the inbox %lld ms after the drill", clock.elapsed());
    QCOMPARE(find()->state, wf::InboxAlert::State::Firing);

    // One notification that names it.
    auto *tray = window.alertTray();
    QVERIFY(tray->lastNotification().has_value());
    const auto text = tray->lastNotification()->title + u'\n' + tray->lastNotification()->body;
    QVERIFY2(text.contains(QStringLiteral("RouterOnFallback")), qPrintable(text));

    // Selected, the detail pane charts the rule's expression over the last hour from Prometheus,
    // and links its runbook.
    // (vmalert's generator URL points to its own page: the expression comes from its rules.)
    QSignalSpy charted(view, &wf::AlertsView::chartLoaded);
    view->selectAlert(find()->alert.fingerprint);
    QTRY_VERIFY_WITH_TIMEOUT(view->ruleExpression(find()->alert).contains(QStringLiteral("datasource_router_state")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(charted.count(), 1, 10000);
    QCOMPARE(charted.first().first().toBool(), true);
    auto *chart = view->chartView()->chart();
    QVERIFY(!chart->series().isEmpty());
    QVERIFY(static_cast<QLineSeries *>(chart->series().first())->count() > 0);
    QVERIFY(view->findChild<QTextBrowser *>(QStringLiteral("alertDetails"))->toPlainText().contains(QStringLiteral("Runbook")));
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        window.grab().save(grab + QStringLiteral("/alert-drill.png"));

    // Acknowledge it the way a user does: select it, Acknowledge…, a note, OK.
    view->selectAlert(find()->alert.fingerprint);
    auto *ackButton = view->findChild<QToolButton *>(QStringLiteral("acknowledge"));
    QVERIFY(ackButton->isEnabled());
    bool dialogSeen = false;
    QTimer::singleShot(200, this, [&] {
        auto *dialog = qobject_cast<wf::AckDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialogSeen = true;
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("duration"))->currentIndex(), 0); // "Until resolved" first
        dialog->findChild<QLineEdit *>(QStringLiteral("note"))->setText(QStringLiteral("drill: checking the fallback feed"));
        dialog->findChild<QLineEdit *>(QStringLiteral("author"))->setText(QStringLiteral("oncall-ana"));
        dialog->accept();
    });
    ackButton->click();
    QVERIFY(dialogSeen);
    QTRY_COMPARE_WITH_TIMEOUT(find()->state, wf::InboxAlert::State::Acknowledged, 10000);
    QCOMPARE(find()->ack->author, QStringLiteral("oncall-ana"));

    // The silence is in Alertmanager: the alert's labels as matchers, who, why, and the mode.
    QNetworkAccessManager network;
    wf::HttpClient http(&network, wf::Endpoint::Alertmanager);
    http.setProfile(profile);
    wf::AlertmanagerClient am(&http);
    const auto silenceById = [&](const QString &id) -> std::optional<wf::Silence> {
        std::optional<wf::Result<QList<wf::Silence>>> out;
        am.silences({}, nullptr, [&out](const wf::Result<QList<wf::Silence>> &r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000) || !out->ok())
            return std::nullopt;
        for (const auto &s : out->value())
            if (s.id == id)
                return s;
        return std::nullopt;
    };
    const auto silenceId = find()->ack->silenceId;
    const auto silence = silenceById(silenceId);
    QVERIFY(silence.has_value());
    QCOMPARE(silence->state, QStringLiteral("active"));
    QCOMPARE(silence->createdBy, QStringLiteral("oncall-ana"));
    QVERIFY2(silence->comment.startsWith(QStringLiteral("ACK: drill: checking the fallback feed [watchfloor ack until-resolved id=")),
             qPrintable(silence->comment));
    QCOMPARE(silence->matchers, wf::AlertInbox::matchersFor(find()->alert.labels));

    // From the firing alert, one click opens its runbook, and each diagnosis step runs in place
    // against the live service: the router state step shows the fallback the drill caused.
    view->selectAlert(find()->alert.fingerprint);
    auto *details = view->findChild<QTextBrowser *>(QStringLiteral("alertDetails"));
    emit details->anchorClicked(QUrl(QStringLiteral("watchfloor:runbook")));
    QCOMPARE(window.currentView(), wf::ViewId::Runbooks);
    auto *runbooks = static_cast<wf::RunbooksView *>(window.view(wf::ViewId::Runbooks));
    QCOMPARE(runbooks->currentSlug(), QStringLiteral("router-on-fallback"));
    QSignalSpy answered(runbooks, &wf::RunbooksView::queryAnswered);
    const auto book = wf::RunbookLibrary::embedded();
    const auto steps = std::find_if(book.cbegin(), book.cend(), [](const wf::Runbook &b) { return b.slug == u"router-on-fallback"; })->queries;
    int ran = 0;
    for (const auto &step : steps) {
        if (step.language != wf::RunbookQuery::Language::PromQL)
            continue;
        emit runbooks->browser()->anchorClicked(QUrl(QStringLiteral("wf:run/%1").arg(step.index)));
        ++ran;
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), ran, 10000);
        QVERIFY2(runbooks->resultError(step.index).isEmpty(), qPrintable(step.text + u' ' + runbooks->resultError(step.index)));
    }
    QVERIFY(ran >= 4);
    QVERIFY2(runbooks->browser()->toPlainText().contains(QStringLiteral("FALLBACK_ACTIVE")), qPrintable(runbooks->browser()->toPlainText()));
    // The state over the time range, drawn below its value. VictoriaMetrics as installed holds a
    // range's last 30 s back: on a stack a minute old the chart may need the step run again later.
    const auto runbookCharted = [&] {
        if (runbooks->hasChart(1) || !victoriaMetrics)
            return runbooks->hasChart(1);
        emit runbooks->browser()->anchorClicked(QUrl(QStringLiteral("wf:run/1")));
        QTest::qWait(5000);
        return runbooks->hasChart(1);
    };
    QTRY_VERIFY_WITH_TIMEOUT(runbookCharted(), victoriaMetrics ? 90000 : 10000);
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        window.grab().save(grab + QStringLiteral("/alert-runbook.png"));

    // The rule's expression opens in Explore and runs there.
    window.showView(wf::ViewId::Alerts);
    view->selectAlert(find()->alert.fingerprint);
    auto *explore = static_cast<wf::ExploreView *>(window.view(wf::ViewId::Explore));
    QSignalSpy explored(explore, &wf::ExploreView::queried);
    emit details->anchorClicked(QUrl(QStringLiteral("watchfloor:explore")));
    QCOMPARE(window.currentView(), wf::ViewId::Explore);
    QCOMPARE(explore->query(), view->ruleExpression(find()->alert));
    QTRY_COMPARE_WITH_TIMEOUT(explored.size(), 1, 10000);
    QVERIFY2(explored.at(0).at(0).toBool(), qPrintable(explore->statusText()));

    // The drill ends; the router recovers; the alert resolves and its acknowledgement ends with it.
    window.drillMenu()->clearAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!find().has_value() || find()->state == wf::InboxAlert::State::Resolved, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(silenceById(silenceId)->state, QStringLiteral("expired"), 15000);
    qInfo("resolved and its silence expired %lld ms after the drill began", clock.elapsed());
}

QTEST_MAIN(TestAlertDrill)
#include "tst_alertdrill.moc"
