// The Alerts view on the real Alertmanager: a posted alert appears under its severity, the
// navigation shows the count, acknowledging from the view shows who and makes the silence, and
// the view renders (WATCHFLOOR_GRAB_DIR saves a picture).

#include "ackdialog.h"
#include "alertinboxmodel.h"
#include "alerttray.h"
#include "alertqualitymodel.h"
#include "store/alerthistory.h"
#include "silencedialog.h"
#include "silencemodel.h"
#include "cli/translations.h"
#include "conditionmessages.h"
#include "mainwindow.h"
#include "monitoringstack.h"
#include "store/settings.h"
#include "views/alertsview.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QPushButton>
#include <QTabWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QCoreApplication>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

class TestAlertsView : public QObject
{
    Q_OBJECT
private slots:
    void inboxAcknowledgeAndBadge();
    void silencesTab();
    void silenceDialogChecksAndKeepsInput();
    void ackDialogFollowsTheProfile();
    void alertmanagerDownKeepsTheFilterUsable();
    void emptyListSaysWhy();
};

// A real Alertmanager and the console's window on it, showing the Alerts view.
struct Console
{
    MonitoringStack stack;
    QTemporaryDir dir;
    std::unique_ptr<wf::Settings> settings;
    std::unique_ptr<wf::MainWindow> window;
    wf::Profile profile;

    bool start()
    {
        if (!stack.start())
            return false;
        settings = std::make_unique<wf::Settings>(dir.path(), wf::SecretStore::Backend::File);
        window = std::make_unique<wf::MainWindow>(*settings);
        window->resize(1280, 800);
        profile.name = QStringLiteral("am");
        profile.endpoint(wf::Endpoint::Alertmanager).url = stack.alertmanagerUrl();
        window->setProfile(profile, true);
        window->showView(wf::ViewId::Alerts);
        window->show();
        return true;
    }
    wf::AlertsView *view() const { return static_cast<wf::AlertsView *>(window->view(wf::ViewId::Alerts)); }
};

void TestAlertsView::inboxAcknowledgeAndBadge()
{
    Console console;
    QVERIFY2(console.start(), qPrintable(console.stack.errorString()));
    auto &window = *console.window;
    auto *view = console.view();

    // Post two alerts to Alertmanager.
    const auto post = [&](const QString &name, const QString &severity) {
        QVERIFY(console.stack.postAlerts(QJsonArray{QJsonObject{
            {QStringLiteral("labels"),
             QJsonObject{{QStringLiteral("alertname"), name}, {QStringLiteral("severity"), severity}, {QStringLiteral("job"), QStringLiteral("mytrader")}}},
            {QStringLiteral("annotations"),
             QJsonObject{{QStringLiteral("summary"), name + QStringLiteral(" is firing")},
                         {QStringLiteral("runbook_url"), QStringLiteral("https://runbooks.mytrader.example/alpaca/router-on-fallback")}}}}}));
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
    if (!tray->hasTray()) // no tray here (offscreen): the window says it, while they fire
        QVERIFY2(window.conditionMessages()->current().startsWith(QStringLiteral("Firing: 2 alerts firing")),
                 qPrintable(window.conditionMessages()->current()));
    // "Logs around this" opens the Logs view on the alert's start ± 5 minutes.
    const auto fingerprint = model->index(0, 0, model->index(0, 0)).data(wf::AlertInboxModel::FingerprintRole).toString();
    QVERIFY(!fingerprint.isEmpty());
    view->selectAlert(fingerprint);
    auto *details = view->findChild<QTextBrowser *>(QStringLiteral("alertDetails"));
    QTRY_VERIFY(details->toHtml().contains(QStringLiteral("Logs around this")));
    QSignalSpy logsAsked(view, &wf::AlertsView::logsRequested);
    QDateTime start;
    for (const auto &a : window.alertInbox()->alerts())
        if (a.alert.fingerprint == fingerprint)
            start = a.alert.startsAt;
    QVERIFY(start.isValid());
    QUrl logsLink;
    for (const auto &candidate : details->document()->toHtml().split(QLatin1Char('"')))
        if (candidate.startsWith(QLatin1String("watchfloor:logs")))
            logsLink = QUrl(QString(candidate).replace(QStringLiteral("&amp;"), QStringLiteral("&")));
    QVERIFY(logsLink.isValid());
    emit details->anchorClicked(logsLink);
    QCOMPARE(logsAsked.count(), 1);
    QCOMPARE(logsAsked.first().at(0).toDateTime().toSecsSinceEpoch(), start.addSecs(-300).toSecsSinceEpoch());
    QCOMPARE(logsAsked.first().at(1).toDateTime().toSecsSinceEpoch(), start.addSecs(300).toSecsSinceEpoch());
    QCOMPARE(window.currentView(), wf::ViewId::Logs);
    window.showView(wf::ViewId::Alerts);

    QSignalSpy notified(tray, &wf::AlertTray::notified);
    view->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(view->isSettled(), 15000); // the poll is in
    QCoreApplication::processEvents();
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
    // The acknowledgement is a silence in the Silences tab, marked as one.
    QTRY_COMPARE_WITH_TIMEOUT(view->silenceModel()->rowCount(), 1, 10000);
    QCOMPARE(view->silenceModel()->index(0, wf::SilenceModel::Acknowledgement).data().toString(), QStringLiteral("until resolved"));
    QCOMPARE(view->silenceModel()->index(0, wf::SilenceModel::CreatedBy).data().toString(), QStringLiteral("alice"));
    QCOMPARE(view->silenceModel()->index(0, wf::SilenceModel::Comment).data().toString(), QStringLiteral("failover drill"));
    // The History tab: both fired once, the warning was acknowledged, by the console's own record.
    view->tabs()->setCurrentIndex(2);
    auto *quality = view->qualityModel();
    QCOMPARE(quality->rowCount(), 2);
    QCOMPARE(quality->index(0, wf::AlertQualityModel::Alert).data().toString(), QStringLiteral("BothSourcesUnavailable"));
    QCOMPARE(quality->index(0, wf::AlertQualityModel::Fired).data().toInt(), 1);
    QCOMPARE(quality->index(0, wf::AlertQualityModel::Acknowledged).data().toString(), QStringLiteral("0 %"));
    QCOMPARE(quality->index(1, wf::AlertQualityModel::Alert).data().toString(), QStringLiteral("RouterOnFallback"));
    QCOMPARE(quality->index(1, wf::AlertQualityModel::Acknowledged).data().toString(), QStringLiteral("100 %"));
    const auto events = window.alertHistory()->events(QStringLiteral("am"), QDateTime::currentDateTimeUtc().addSecs(-600),
                                                      QDateTime::currentDateTimeUtc().addSecs(60));
    QCOMPARE(events.size(), 3); // two fired, one acknowledged
    QCOMPARE(events.last().author, QStringLiteral("alice"));
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        window.grab().save(grab + QStringLiteral("/history.png"));
    view->tabs()->setCurrentIndex(0);
    const auto json = view->snapshot();
    QCOMPARE(json.value(QStringLiteral("panels")).toArray().first().toObject().value(QStringLiteral("values")).toArray().size(), 2);
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        window.grab().save(grab + QStringLiteral("/alerts.png"));

    // The "Firing" message lasts while one of its alerts fires unhandled: the critical one still
    // does; acknowledged too, the message goes.
    if (!tray->hasTray()) {
        QVERIFY(window.conditionMessages()->current().startsWith(QStringLiteral("Firing: 2 alerts firing")));
        view->selectAlert(model->index(0, 0, model->index(0, 0)).data(wf::AlertInboxModel::FingerprintRole).toString());
        view->acknowledgeSelected(wf::AckRecord::Mode::UntilResolved, 3600, QStringLiteral("drill"), QStringLiteral("alice"));
        QTRY_COMPARE_WITH_TIMEOUT(window.conditionMessages()->current(), QString(), 10000);
    }
}

void TestAlertsView::silencesTab()
{
    Console console;
    QVERIFY2(console.start(), qPrintable(console.stack.errorString()));
    auto &window = *console.window;
    auto *view = console.view();
    QVERIFY(console.stack.postAlerts(QJsonArray{QJsonObject{{QStringLiteral("labels"),
                                                             QJsonObject{{QStringLiteral("alertname"), QStringLiteral("PriceDeltaHigh")},
                                                                         {QStringLiteral("severity"), QStringLiteral("warning")},
                                                                         {QStringLiteral("symbol"), QStringLiteral("AAPL")}}}}}));
    view->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->firingCount(), 1, 10000);
    // No silence yet: the empty table says so, and how one is made.
    auto *note = view->findChild<QLabel *>(QStringLiteral("silenceEmptyNote"));
    QVERIFY(note);
    QCOMPARE(note->text(), QStringLiteral("No silence. Acknowledging an alert makes one; so does \"New silence…\"."));
    QVERIFY(!note->isHidden());

    // Create: the silence is in Alertmanager, the alert shows silenced, the tab counts it.
    wf::Silence silence;
    silence.matchers = {wf::Matcher{QStringLiteral("alertname"), QStringLiteral("PriceDeltaHigh"), false, true}};
    silence.startsAt = QDateTime::currentDateTimeUtc();
    silence.endsAt = silence.startsAt.addSecs(3600);
    silence.createdBy = QStringLiteral("bob");
    silence.comment = QStringLiteral("exchange maintenance");
    std::optional<QString> error;
    view->saveSilence(silence, view, [&error](const QString &e) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 10000);
    QCOMPARE(*error, QString());
    auto *silences = view->silenceModel();
    QTRY_COMPARE_WITH_TIMEOUT(silences->rowCount(), 1, 10000);
    QCOMPARE(silences->index(0, wf::SilenceModel::State).data().toString(), QStringLiteral("active"));
    QCOMPARE(silences->index(0, wf::SilenceModel::Matchers).data().toString(), QStringLiteral("alertname=\"PriceDeltaHigh\""));
    QCOMPARE(silences->index(0, wf::SilenceModel::CreatedBy).data().toString(), QStringLiteral("bob"));
    QCOMPARE(silences->index(0, wf::SilenceModel::Acknowledgement).data().toString(), QString());
    QCOMPARE(view->tabs()->tabText(1), QStringLiteral("&Silences (1)"));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->count(wf::InboxAlert::State::Silenced), 1, 10000);
    QCOMPARE(view->model()->firingCount(), 0);

    // Edit (Alertmanager replaces it): still one active silence, with the new comment.
    view->tabs()->setCurrentIndex(1);
    view->selectSilence(silences->index(0, 0).data(wf::SilenceModel::IdRole).toString());
    QVERIFY(view->findChild<QToolButton *>(QStringLiteral("editSilence"))->isEnabled());
    auto edited = view->selectedSilences().first();
    edited.comment = QStringLiteral("exchange maintenance, extended");
    edited.endsAt = edited.endsAt.addSecs(3600);
    error.reset();
    view->saveSilence(edited, view, [&error](const QString &e) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 10000);
    QCOMPARE(*error, QString());
    QTRY_COMPARE_WITH_TIMEOUT(silences->index(0, wf::SilenceModel::Comment).data().toString(), QStringLiteral("exchange maintenance, extended"), 10000);
    QCOMPARE(silences->count(QStringLiteral("active")), 1);
    QVERIFY(note->isHidden());
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        window.grab().save(grab + QStringLiteral("/silences.png"));

    // Expire: gone from the list (unless expired ones are shown) and the alert fires again.
    view->selectSilence(silences->index(0, 0).data(wf::SilenceModel::IdRole).toString());
    view->expireSelectedSilences();
    QTRY_COMPARE_WITH_TIMEOUT(silences->rowCount(), 0, 10000);
    // The table is empty, but not for want of silences: it says where the expired ones went.
    const int expired = silences->count(QStringLiteral("expired"));
    QVERIFY(expired >= 1);
    QCOMPARE(note->text(), QStringLiteral("No active or pending silence. %1 expired, hidden: tick \"Show expired\" to see them.").arg(expired));
    QVERIFY(note->isVisible());
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        window.grab().save(grab + QStringLiteral("/silences-empty-note.png"));
    view->findChild<QCheckBox *>(QStringLiteral("showExpired"))->setChecked(true);
    QVERIFY(silences->rowCount() >= 1);
    QVERIFY(note->isHidden());
    QCOMPARE(silences->index(0, wf::SilenceModel::State).data().toString(), QStringLiteral("expired"));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->firingCount(), 1, 10000);
}

void TestAlertsView::silenceDialogChecksAndKeepsInput()
{
    wf::InboxAlert alert;
    alert.alert.labels = {{QStringLiteral("alertname"), QStringLiteral("PriceDeltaHigh")}, {QStringLiteral("symbol"), QStringLiteral("AAPL")}};
    QString failWith = QStringLiteral("Alertmanager answered 400: bad matcher");
    int saves = 0;
    wf::SilenceDialog dialog({}, {alert}, [&](const wf::Silence &, std::function<void(const QString &)> done) {
        ++saves;
        done(failWith);
    });
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    dialog.setMatchersText(QStringLiteral("PriceDeltaHigh"));
    QVERIFY(dialog.statusText().startsWith(QStringLiteral("“PriceDeltaHigh” is not a matcher")));
    QVERIFY(!ok->isEnabled());
    dialog.setMatchersText(QStringLiteral(R"(symbol=~".*")"));
    QCOMPARE(dialog.statusText(), QStringLiteral("These matchers would silence every alert; make at least one of them specific."));
    dialog.setMatchersText(QStringLiteral(R"(symbol="AAPL")"));
    QCOMPARE(dialog.statusText(), QStringLiteral("Say why: Alertmanager requires a comment."));
    dialog.setComment(QStringLiteral("earnings call"));
    QCOMPARE(dialog.statusText(), QStringLiteral("Alerts it matches now: 1."));
    QVERIFY(ok->isEnabled());
    // Alertmanager refuses it: the dialog stays, says why, and keeps what was typed.
    dialog.show();
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        dialog.grab().save(grab + QStringLiteral("/silencedialog.png"));
    ok->click();
    QCOMPARE(saves, 1);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.statusText(), QStringLiteral("Alertmanager did not take the silence: Alertmanager answered 400: bad matcher"));
    QCOMPARE(dialog.silence()->comment, QStringLiteral("earnings call"));
    QVERIFY(ok->isEnabled());
    failWith.clear();
    ok->click();
    QCOMPARE(saves, 2);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestAlertsView::ackDialogFollowsTheProfile()
{
    // The profile's default duration is preselected; "until resolved" lasts the profile's safety end.
    wf::AckDialog timed(2, QStringLiteral("night-shift"), 3600, 12 * 3600);
    QCOMPARE(timed.mode(), wf::AckRecord::Mode::Timed);
    QCOMPARE(timed.seconds(), 3600);
    QCOMPARE(timed.author(), QStringLiteral("night-shift"));
    wf::AckDialog untilResolved(1, QStringLiteral("night-shift"), 0, 12 * 3600);
    QCOMPARE(untilResolved.mode(), wf::AckRecord::Mode::UntilResolved);
    QCOMPARE(untilResolved.seconds(), 12 * 3600);
}

void TestAlertsView::alertmanagerDownKeepsTheFilterUsable()
{
    // Alertmanager stopped: its long error has a line of its own; the filter keeps its width.
    Console console;
    QVERIFY2(console.start(), qPrintable(console.stack.errorString()));
    auto *view = console.view();
    auto *filter = view->findChild<QLineEdit *>(QStringLiteral("alertFilter"));
    QTRY_VERIFY_WITH_TIMEOUT(view->isSettled(), 10000);
    console.stack.stopAlertmanager();
    view->refresh();
    auto *error = view->findChild<QLabel *>(QStringLiteral("inboxError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15000);
    QVERIFY2(error->text().startsWith(QStringLiteral("Alertmanager: ")), qPrintable(error->text()));
    QVERIFY(error->text().size() > 60); // the whole sentence, not cut
    QCOMPARE(view->findChild<QLabel *>(QStringLiteral("inboxStatus"))->text().contains(QLatin1String("not answering")), true);
    QTRY_VERIFY2(filter->width() >= view->width() / 2, qPrintable(QStringLiteral("%1 of %2").arg(filter->width()).arg(view->width())));
    QVERIFY(filter->width() >= filter->fontMetrics().horizontalAdvance(QStringLiteral("alertname=~\"Alpaca.*\"")));
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        console.window->grab().save(grab + QStringLiteral("/alerts-down.png"));
    // Back: the error line goes.
    QVERIFY(console.stack.restartAlertmanager());
    view->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!error->isVisible(), 15000);
}

void TestAlertsView::emptyListSaysWhy()
{
    // An empty list is never mistaken for a broken one: it says whether nothing fires, the filter
    // hides what does, or Alertmanager is not answering.
    QCOMPARE(wf::installTranslations(QStringLiteral("en")), QStringLiteral("en")); // "1 alert", as the app says it
    Console console;
    QVERIFY2(console.start(), qPrintable(console.stack.errorString()));
    auto *view = console.view();
    auto *note = view->findChild<QLabel *>(QStringLiteral("emptyNote"));
    QVERIFY(note);
    QTRY_VERIFY_WITH_TIMEOUT(view->isSettled(), 10000);
    QTRY_COMPARE(note->text(), QStringLiteral("Nothing is firing."));
    QVERIFY(note->isVisible());
    const auto tree = view->findChild<QTreeView *>(QStringLiteral("alertTree"));
    QCOMPARE(note->geometry(), tree->viewport()->rect()); // the whole list, centred in it
    // The History tab, too, says why it is empty.
    view->tabs()->setCurrentIndex(2);
    auto *historyNote = view->findChild<QLabel *>(QStringLiteral("historyEmptyNote"));
    QVERIFY(historyNote);
    QTRY_COMPARE(historyNote->text(), QStringLiteral("No alert has fired in the last 7 days, as this console saw it."));
    QVERIFY(historyNote->isVisible());
    view->tabs()->setCurrentIndex(0);

    QVERIFY(console.stack.postAlerts(QJsonArray{QJsonObject{
        {QStringLiteral("labels"), QJsonObject{{QStringLiteral("alertname"), QStringLiteral("RouterOnFallback")},
                                               {QStringLiteral("severity"), QStringLiteral("warning")}}}}}));
    view->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!note->isVisible(), 10000);

    view->setFilterText(QStringLiteral("alertname=\"NoSuchAlert\""));
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("None shown: 1 alert hidden by the filter or the buttons above."));
    view->setFilterText({});
    QVERIFY(!note->isVisible());

    // Alertmanager gone: the alert it last listed stays, so the list is not empty.
    console.stack.stopAlertmanager();
    view->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(view->findChild<QLabel *>(QStringLiteral("inboxError"))->isVisible(), 15000);
    QVERIFY(!note->isVisible());
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty()) {
        view->setFilterText(QStringLiteral("alertname=\"NoSuchAlert\""));
        console.window->grab().save(grab + QStringLiteral("/alerts-empty-note.png"));
    }
}

QTEST_MAIN(TestAlertsView)
#include "tst_alertsview.moc"
