// The Logs view end to end against mytrader-sim's Loki API (and the real Prometheus for the
// router timeline): a query shows the service's lines in columns; older pages come before them
// without a line twice; during a drill the router's transition line streams in live; and a
// double-click on the failover in the Operations view opens Logs on exactly that window. The
// tail survives its connection being cut, without a line twice.

#include "dashboardpanel.h"
#include "drillmenu.h"
#include "logfilterproxy.h"
#include "logmodel.h"
#include "mainwindow.h"
#include "monitoringstack.h"
#include "tcpforwarder.h"
#include "panelframe.h"
#include "sources/loki/lokiresult.h"
#include "store/settings.h"
#include "timeserieschart.h"
#include "views/dashboardview.h"
#include "views/logsview.h"
#include "volumehistogram.h"

#include <QAction>
#include <QDialog>
#include <QElapsedTimer>
#include <QMouseEvent>

#include <numeric>
#include <QMenu>
#include <QToolButton>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>

class TestLogsDrill : public QObject
{
    Q_OBJECT
private slots:
    void queryPagesTailAndFailoverWindow();
};

static int rowWith(const wf::LogModel &model, const QString &text)
{
    for (int r = model.rowCount() - 1; r >= 0; --r)
        if (model.index(r, wf::LogModel::Message).data().toString().contains(text))
            return r;
    return -1;
}

void TestLogsDrill::queryPagesTailAndFailoverWindow()
{
    MonitoringStack stack;
    QVERIFY2(stack.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(stack.errorString()));

    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    auto profile = stack.profile(QStringLiteral("logs"));
    TcpForwarder forwarder(quint16(stack.simulatorUrl().port())); // Loki through a line that can be cut
    auto lokiUrl = stack.simulatorUrl();
    lokiUrl.setPort(forwarder.port());
    profile.endpoint(wf::Endpoint::Loki).url = lokiUrl;
    window.setProfile(profile, true);
    window.enableDrills();
    window.resize(1280, 800);
    window.show();
    auto *logs = static_cast<wf::LogsView *>(window.view(wf::ViewId::Logs));
    auto *model = logs->model();

    // A query shows the service's lines, parsed into columns (a fresh service writes a few a second).
    QSignalSpy answered(logs, &wf::LogsView::queried);
    window.showView(wf::ViewId::Logs);
    QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 10000);
    QVERIFY2(answered.last().first().toBool(), qPrintable(logs->statusText()));
    for (int i = 0; i < 30 && model->rowCount() <= 3; ++i) {
        QTest::qWait(1000);
        answered.clear();
        logs->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 10000);
    }
    QVERIFY(model->rowCount() > 3);
    QVERIFY(!model->index(0, wf::LogModel::Level).data().toString().isEmpty());
    QVERIFY(!model->index(0, wf::LogModel::Source).data().toString().isEmpty());

    // The query is remembered for this profile.
    QCOMPARE(logs->history().value(0), QStringLiteral("{app=\"mytrader-api\"}"));
    QCOMPARE(settings.logQueryHistory(QStringLiteral("logs")).value(0), QStringLiteral("{app=\"mytrader-api\"}"));

    // The label picker: Loki's labels, then a label's values; a value goes into the selector.
    auto *labelMenu = logs->findChild<QToolButton *>(QStringLiteral("labels"))->menu();
    emit labelMenu->aboutToShow();
    QMenu *levelMenu = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((levelMenu = [&]() -> QMenu * {
                                 for (auto *a : labelMenu->actions())
                                     if (a->menu() && a->text() == u"level")
                                         return a->menu();
                                 return nullptr;
                             }()) != nullptr,
                             10000);
    emit levelMenu->aboutToShow();
    QTRY_VERIFY_WITH_TIMEOUT(levelMenu->actions().size() > 2, 10000); // "any value", a separator, values
    QAction *information = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((information = [&]() -> QAction * {
                                 for (auto *a : levelMenu->actions())
                                     if (a->text() == u"Information") // a young service has written only these for sure
                                         return a;
                                 return nullptr;
                             }()) != nullptr,
                             10000);
    answered.clear();
    information->trigger();
    QCOMPARE(logs->query(), QStringLiteral("{app=\"mytrader-api\", level=\"Information\"}"));
    QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 10000);
    QVERIFY(model->rowCount() > 0);
    for (int r = 0; r < model->rowCount(); ++r)
        QCOMPARE(model->index(r, wf::LogModel::Level).data().toString(), QStringLiteral("Information"));
    logs->setQuery(QStringLiteral("{app=\"mytrader-api\"}"));

    // A small page, then the older ones before it: in time order, never a line twice.
    logs->findChild<QSpinBox *>(QStringLiteral("limit"))->setValue(3);
    answered.clear();
    logs->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 10000);
    QCOMPARE(model->rowCount(), 3);
    const auto newest = model->line(2).ns;
    for (int page = 0; page < 2; ++page) {
        answered.clear();
        logs->loadOlder();
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 10000);
    }
    QVERIFY(model->rowCount() > 3);
    QCOMPARE(model->line(model->rowCount() - 1).ns, newest);
    for (int r = 1; r < model->rowCount(); ++r) {
        QVERIFY(model->line(r - 1).ns <= model->line(r).ns);
        QVERIFY(!(model->line(r - 1).ns == model->line(r).ns && model->line(r - 1).utf8 == model->line(r).utf8));
    }

    logs->findChild<QSpinBox *>(QStringLiteral("limit"))->setValue(1000);

    // Live: the drill's transition line streams in.
    logs->setLive(true);
    QTRY_COMPARE_WITH_TIMEOUT(logs->tail()->state(), wf::LokiTail::State::Live, 10000);
    window.drillMenu()->injectAction(QStringLiteral("alpaca_disconnect"), 30)->trigger();
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(rowWith(*model, QStringLiteral("PRIMARY_ACTIVE → FALLBACK_ACTIVE")) >= 0, 10000);
    qInfo("transition line in the live Logs view %lld ms after the drill", clock.elapsed());
    const auto transitionRow = rowWith(*model, QStringLiteral("PRIMARY_ACTIVE → FALLBACK_ACTIVE"));
    QCOMPARE(model->index(transitionRow, wf::LogModel::Level).data().toString(), QStringLiteral("Information"));
    QCOMPARE(model->index(transitionRow, 0).data(wf::LogModel::PropertiesRole).toJsonObject()
                 .value(QStringLiteral("NewState")).toString(), QStringLiteral("FALLBACK_ACTIVE"));
    QVERIFY(logs->statusText().contains(QLatin1String("live")));
    // The level toggles filter what arrives.
    logs->proxy()->setLevelShown(wf::LogLevel::Information, false);
    QVERIFY(logs->proxy()->rowCount() < model->rowCount());
    logs->proxy()->setLevelShown(wf::LogLevel::Information, true);

    // The connection to Loki is cut twice while lines keep coming: the tail reconnects by itself
    // and no line shows twice.
    for (int cut = 0; cut < 2; ++cut) {
        const auto before = model->rowCount();
        QVERIFY(forwarder.cutAll() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(logs->tail()->state(), wf::LokiTail::State::Live, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > before, 15000); // the drill's reconnect attempts go on
    }
    QVERIFY(logs->tail()->reconnects() >= 2);
    // Loki restarts (the simulator's restart drill: 1011 "all ingesters closed the connection",
    // then not ready for three seconds): the view says it is reconnecting, which attempt and
    // when the next comes, and is live again by itself.
    {
        QNetworkAccessManager network;
        QNetworkRequest request(stack.simulatorUrl().resolved(QUrl(QStringLiteral("/control/loki/restart"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        std::unique_ptr<QNetworkReply> reply(network.post(request, QByteArrayLiteral(R"({"downSeconds": 3})")));
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 15000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 202);
        QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("tailsClosed")).toInt(), 1);
        const auto before = model->rowCount();
        static const QRegularExpression reconnecting(QStringLiteral("live tail reconnecting — attempt \\d+, next in \\d+ s"));
        QTRY_VERIFY2_WITH_TIMEOUT(logs->statusText().contains(reconnecting),
                                  qPrintable(logs->statusText()), 10000);
        QVERIFY2(logs->statusText().contains(QLatin1String("all ingesters closed the connection")), qPrintable(logs->statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(logs->tail()->state(), wf::LokiTail::State::Live, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > before, 15000);
        QVERIFY2(logs->statusText().contains(QLatin1String("live,")), qPrintable(logs->statusText()));
    }
    QSet<QPair<qint64, QByteArray>> seen;
    for (int r = 0; r < model->rowCount(); ++r) {
        const QPair<qint64, QByteArray> key{model->line(r).ns, model->line(r).utf8};
        QVERIFY2(!seen.contains(key), qPrintable(QString::fromUtf8(model->line(r).utf8)));
        seen.insert(key);
    }
    logs->setLive(false);

    // Operations: the failover in the list; a double-click opens Logs on exactly its window.
    window.showView(wf::ViewId::Operations);
    auto *operations = qobject_cast<wf::DashboardView *>(window.view(wf::ViewId::Operations));
    auto *table = operations->panel(QStringLiteral("transitions"))->frame()->findChild<QTableWidget *>();
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= 1, 10000);
    const auto from = table->item(0, 0)->data(Qt::UserRole).toDateTime();
    QVERIFY(from.isValid());
    QTRY_VERIFY(table->isVisible());
    QTest::qWait(100); // laid out
    answered.clear();
    QSignalSpy asked(operations, &wf::DashboardView::logsRequested);
    const auto cell = table->visualItemRect(table->item(0, 0)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell); // as a hand does: press, release,
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell); // press again
    QCOMPARE(asked.count(), 1);
    QCOMPARE(window.currentView(), wf::ViewId::Logs);
    QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 10000);
    QVERIFY(model->rowCount() > 0);
    const auto fromNs = wf::loki::toNanos(from.addSecs(-30)); // with the half minute that led to it
    for (int r = 0; r < model->rowCount(); ++r)
        QVERIFY(model->line(r).ns >= fromNs);
    QVERIFY2(rowWith(*model, QStringLiteral("PRIMARY_ACTIVE → FALLBACK_ACTIVE")) >= 0,
             "the failover's own transition line is in its window");
    // Copy a line as it is shown or as JSON; export what is shown.
    const auto row = rowWith(*model, QStringLiteral("PRIMARY_ACTIVE → FALLBACK_ACTIVE"));
    logs->table()->setCurrentIndex(logs->proxy()->mapFromSource(model->index(row, 0)));
    QVERIFY(logs->selectedLineText().contains(QLatin1String("\"NewState\":\"FALLBACK_ACTIVE\"")));
    const auto json = QJsonDocument::fromJson(logs->selectedLineJson().toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("level")).toString(), QStringLiteral("Information"));
    QCOMPARE(json.value(QStringLiteral("properties")).toObject().value(QStringLiteral("NewState")).toString(),
             QStringLiteral("FALLBACK_ACTIVE"));
    // Its context: the lines around it from its own stream, the line itself selected.
    logs->showContext();
    auto *contextTable = logs->contextDialog()->findChild<QTableView *>(QStringLiteral("contextTable"));
    // (A stream is narrow: this one holds the router's Information lines, and a young service
    // has written few of them.)
    QTRY_VERIFY_WITH_TIMEOUT(contextTable->model()->rowCount() >= 1 && contextTable->currentIndex().isValid(), 10000);
    const auto selected = contextTable->currentIndex();
    QVERIFY(selected.isValid());
    QVERIFY(selected.siblingAtColumn(wf::LogModel::Message).data().toString().contains(QStringLiteral("PRIMARY_ACTIVE → FALLBACK_ACTIVE")));
    const auto stream = model->index(row, 0).data(wf::LogModel::StreamRole).toString();
    for (int r = 0; r < contextTable->model()->rowCount(); ++r)
        QCOMPARE(contextTable->model()->index(r, 0).data(wf::LogModel::StreamRole).toString(), stream);
    logs->contextDialog()->close();
    QTemporaryDir out;
    QString error;
    QVERIFY(logs->exportVisible(out.filePath(QStringLiteral("lines.jsonl")), &error));
    QVERIFY(logs->exportVisible(out.filePath(QStringLiteral("lines.csv")), &error));
    QFile jsonl(out.filePath(QStringLiteral("lines.jsonl")));
    QVERIFY(jsonl.open(QIODevice::ReadOnly));
    const auto exported = jsonl.readAll().split('\n');
    QCOMPARE(exported.size() - 1, logs->proxy()->rowCount());
    QFile csv(out.filePath(QStringLiteral("lines.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readLine().startsWith("time,level,source,message"));
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        window.grab().save(grab + QStringLiteral("/logs-failover.png"));

    // From the line back to the metrics: Operations around its time, the moment marked on the charts.
    logs->table()->findChild<QAction *>(QStringLiteral("metricsAtTime"))->trigger();
    QCOMPARE(window.currentView(), wf::ViewId::Operations);
    auto *chart = operations->panel(QStringLiteral("messages-by-type"))->frame()->findChild<wf::TimeSeriesChart *>();
    const auto lineMs = model->line(row).ns / 1'000'000;
    QTRY_VERIFY(std::any_of(chart->bands().cbegin(), chart->bands().cend(),
                            [&](const auto &b) { return b.fromMs == lineMs && b.toMs == lineMs; }));
    // ... and the views now show the half hour around it.
    const auto shownFrom = QDateTime::fromString(operations->snapshot().value(QStringLiteral("from")).toString(), Qt::ISODate);
    const auto lineTime = QDateTime::fromMSecsSinceEpoch(lineMs, Qt::UTC);
    QVERIFY2(shownFrom <= lineTime && shownFrom.secsTo(lineTime) <= 1801, qPrintable(shownFrom.toString(Qt::ISODate)));

    // The volume histogram counts every line shown; a drag over it narrows the time range to it.
    window.showView(wf::ViewId::Logs);
    answered.clear();
    logs->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 10000);
    QVERIFY(model->rowCount() > 0);
    int counted = 0;
    for (const auto &bar : logs->histogram()->counts())
        counted += std::accumulate(bar.cbegin(), bar.cend(), 0);
    QCOMPARE(counted, model->rowCount());
    {
        QSignalSpy zoomed(logs, &wf::LogsView::rangeRequested);
        auto *bars = logs->histogram();
        const int y = bars->height() / 3;
        QTest::mousePress(bars, Qt::LeftButton, {}, QPoint(bars->width() / 2, y));
        QMouseEvent move(QEvent::MouseMove, QPointF(bars->width() - 3, y), bars->mapToGlobal(QPointF(bars->width() - 3, y)),
                         Qt::NoButton, Qt::LeftButton, {});
        QCoreApplication::sendEvent(bars, &move);
        answered.clear();
        QTest::mouseRelease(bars, Qt::LeftButton, {}, QPoint(bars->width() - 3, y));
        QCOMPARE(zoomed.count(), 1);
        const auto from = zoomed.first().at(0).toDateTime(), to = zoomed.first().at(1).toDateTime();
        QVERIFY(from < to);
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 10000); // the range changed: asked again
        for (int r = 0; r < model->rowCount(); ++r)
            QVERIFY(model->line(r).ns >= wf::loki::toNanos(from.addSecs(-6))); // (at least ten seconds)
    }
}

QTEST_MAIN(TestLogsDrill)
#include "tst_logsdrill.moc"
