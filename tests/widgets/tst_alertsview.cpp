// The Alerts view on the real Alertmanager: a posted alert appears under its severity, the
// navigation shows the count, acknowledging from the view shows who and makes the silence, and
// the view renders (WATCHFLOOR_GRAB_DIR saves a picture).

#include "alertinboxmodel.h"
#include "alerttray.h"
#include "mainwindow.h"
#include "monitoringstack.h"
#include "store/settings.h"
#include "views/alertsview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

class TestAlertsView : public QObject
{
    Q_OBJECT
private slots:
    void inboxAcknowledgeAndBadge();
};

void TestAlertsView::inboxAcknowledgeAndBadge()
{
    MonitoringStack stack;
    QVERIFY2(stack.start(), qPrintable(stack.errorString()));
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.resize(1280, 800);
    wf::Profile profile;
    profile.name = QStringLiteral("am");
    profile.endpoint(wf::Endpoint::Alertmanager).url = stack.alertmanagerUrl();
    window.setProfile(profile, true);
    window.showView(wf::ViewId::Alerts);
    window.show();
    auto *view = static_cast<wf::AlertsView *>(window.view(wf::ViewId::Alerts));

    // Post two alerts to Alertmanager.
    const auto post = [&](const QString &name, const QString &severity) {
        QNetworkAccessManager network;
        wf::HttpClient client(&network, wf::Endpoint::Alertmanager);
        client.setProfile(profile);
        wf::HttpRequest r;
        r.method = wf::HttpRequest::Method::Post;
        r.path = QStringLiteral("/api/v2/alerts");
        r.contentType = "application/json";
        r.body = QJsonDocument(QJsonArray{QJsonObject{
                                   {QStringLiteral("labels"), QJsonObject{{QStringLiteral("alertname"), name},
                                                                          {QStringLiteral("severity"), severity},
                                                                          {QStringLiteral("job"), QStringLiteral("mytrader")}}},
                                   {QStringLiteral("annotations"),
                                    QJsonObject{{QStringLiteral("summary"), name + QStringLiteral(" is firing")},
                                                {QStringLiteral("runbook_url"), QStringLiteral("https://runbooks.mytrader.example/alpaca/router-on-fallback")}}}}})
                     .toJson(QJsonDocument::Compact);
        bool done = false;
        client.send(r, nullptr, [&done](const wf::Result<wf::HttpResponse> &) { done = true; });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
    };
    post(QStringLiteral("RouterOnFallback"), QStringLiteral("warning"));
    post(QStringLiteral("BothSourcesUnavailable"), QStringLiteral("critical"));
    view->refresh();
    auto *model = view->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("critical (1)"));
    // Group rows read across the row rather than being clipped to the severity column.
    QVERIFY(view->findChild<QTreeView *>(QStringLiteral("alertTree"))->isFirstColumnSpanned(1, QModelIndex()));
    auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    QCOMPARE(nav->item(int(wf::ViewId::Alerts))->text(), QStringLiteral("Alerts (2)"));

    // Both alerts made one notification, worst first, and the tray icon is the worst's colour.
    auto *tray = window.alertTray();
    QVERIFY(tray->lastNotification().has_value());
    QCOMPARE(tray->lastNotification()->title, QStringLiteral("2 alerts firing"));
    QCOMPARE(tray->lastNotification()->body, QStringLiteral("BothSourcesUnavailable\nRouterOnFallback"));
    QCOMPARE(tray->worst(), wf::InboxFilter::Severity::Critical);
    if (!tray->hasTray()) // no tray here (offscreen): the window says it
        QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("Firing: 2 alerts firing")),
                 qPrintable(window.statusBar()->currentMessage()));
    QSignalSpy notified(tray, &wf::AlertTray::notified);
    view->refresh();
    QTest::qWait(300);
    QCOMPARE(notified.count(), 0); // still firing is not news
    // Clicking the notification opens the inbox on its first alert.
    window.showView(wf::ViewId::Operations);
    window.openAlert(tray->lastNotification()->fingerprints.first());
    QCOMPARE(window.currentView(), wf::ViewId::Alerts);
    QCOMPARE(view->selectedAlerts().size(), 1);
    QCOMPARE(view->selectedAlerts().first().labels.value(QStringLiteral("alertname")), QStringLiteral("BothSourcesUnavailable"));

    // The filter bar: a matcher narrows the tree, a broken one says why and keeps the last good
    // result, the severity toggles hide a group and show its count.
    view->setFilterText(QStringLiteral(R"(alertname=~"Both.*")"));
    QCOMPARE(model->shownCount(), 1);
    view->setFilterText(QStringLiteral(R"(alertname=~"Both.*)"));
    QCOMPARE(view->filterError(), QStringLiteral("The value of alertname has no closing quote."));
    QCOMPARE(model->shownCount(), 1);
    view->setFilterText({});
    QVERIFY(view->filterError().isEmpty());
    QCOMPARE(model->shownCount(), 2);
    QCOMPARE(view->severityToggle(wf::InboxFilter::Severity::Critical)->text(), QStringLiteral("Critical 1"));
    view->severityToggle(wf::InboxFilter::Severity::Critical)->setChecked(false);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("warning (1)"));
    view->severityToggle(wf::InboxFilter::Severity::Critical)->setChecked(true);
    QCOMPARE(model->rowCount(), 2);

    // Acknowledge the warning from the view.
    const auto warning = model->index(0, 0, model->index(1, 0));
    view->selectAlert(warning.data(wf::AlertInboxModel::FingerprintRole).toString());
    QVERIFY(view->findChild<QToolButton *>(QStringLiteral("acknowledge"))->isEnabled());
    view->acknowledgeSelected(wf::AckRecord::Mode::UntilResolved, 3600, QStringLiteral("failover drill"), QStringLiteral("alice"));
    const auto stateOf = [&] {
        const auto idx = model->index(0, wf::AlertInboxModel::State, model->index(1, 0));
        return idx.data().toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(), QStringLiteral("acknowledged"), 10000);
    QCOMPARE(model->index(0, wf::AlertInboxModel::Acknowledged, model->index(1, 0)).data().toString(),
             QStringLiteral("alice, until resolved"));
    QCOMPARE(nav->item(int(wf::ViewId::Alerts))->text(), QStringLiteral("Alerts (1)"));
    // The selection survived the refreshes, and the detail pane says who.
    view->selectAlert(model->index(0, 0, model->index(1, 0)).data(wf::AlertInboxModel::FingerprintRole).toString());
    QVERIFY(view->findChild<QToolButton *>(QStringLiteral("unacknowledge"))->isEnabled());
    const auto json = view->snapshot();
    QCOMPARE(json.value(QStringLiteral("panels")).toArray().first().toObject().value(QStringLiteral("values")).toArray().size(), 2);
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        window.grab().save(grab + QStringLiteral("/alerts.png"));
}

QTEST_MAIN(TestAlertsView)
#include "tst_alertsview.moc"
