// The eight public Grafana dashboards of tests/data/grafana, imported and opened against the real
// Prometheus, which has none of their metrics: nothing crashes, every panel settles on what it
// can say ("No data", the query's error, or why it is not shown), and the panels stand where
// Grafana puts them — side by side when Grafana has them side by side, one under the other when
// it stacks them. WATCHFLOOR_GRAB_DIR=DIR saves each as DIR/<id>.png.

#include "dashboardpanel.h"
#include "dashboards/queryscheduler.h"
#include "domain/routertimeline.h"
#include "grafana/grafanaimport.h"
#include "monitoringstack.h"
#include "net/httpclient.h"
#include "panelframe.h"
#include "sources/loki/lokiclient.h"
#include "sources/prometheus/prometheusclient.h"
#include "testdata.h"
#include "views/dashboardview.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace wf;

class TestImportedViews : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void opensWhole_data();
    void opensWhole();

private:
    MonitoringStack m_stack;
    QNetworkAccessManager m_network;
};

void TestImportedViews::initTestCase()
{
    // The simulator too: its Loki API answers the LogQL panels (it has none of their streams).
    QVERIFY2(m_stack.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE), {QStringLiteral("--quiet")}),
             qPrintable(m_stack.errorString()));
    QVERIFY2(m_stack.start(), qPrintable(m_stack.errorString()));
}

void TestImportedViews::opensWhole_data()
{
    QTest::addColumn<QString>("name");
    for (const auto *name : {"alertmanager", "loki-chunks", "loki-logs", "loki-operational", "loki-reads", "nfs-full",
                             "node-exporter-full", "node-exporter-full-old"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestImportedViews::opensWhole()
{
    QFETCH(QString, name);
    const auto imported = grafana::importDashboard(readTestData(QStringLiteral("grafana/%1.json").arg(name)));
    QVERIFY(imported);
    const auto &dashboard = imported.value().dashboard;

    HttpClient http(&m_network, Endpoint::Prometheus);
    http.setProfile(m_stack.profile(QStringLiteral("imported")));
    PrometheusClient client(&http);
    HttpClient lokiHttp(&m_network, Endpoint::Loki); // the simulator's Loki API, for the LogQL panels
    lokiHttp.setProfile(m_stack.profile(QStringLiteral("imported")));
    LokiClient loki(&lokiHttp);
    PrometheusTransport transport(&client, &loki);
    QueryScheduler scheduler(&transport);
    RouterTimeline timeline;
    DashboardView view(ViewId::Operations, dashboard, &scheduler, &timeline);
    view.setPrometheus(&client);
    view.setScrapeSeconds(1);
    view.resize(1600, 1000);
    view.show();
    view.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 60000);
    QTest::qWait(200);

    int noData = 0, queryErrors = 0, notShown = 0, shown = 0, lokiPanels = 0;
    QStringList errors;
    for (auto *panel : view.panels()) {
        const auto state = panel->frame()->state();
        const auto &p = panel->definition();
        if (p.type == PanelType::Unsupported) {
            ++notShown;
            QVERIFY(panel->painted().first().toObject().value(QStringLiteral("text")).toString().startsWith(QLatin1String("Not shown: ")));
            continue;
        }
        if (p.type == PanelType::Text) {
            ++shown;
            QCOMPARE(state, PanelFrame::State::Ready);
            continue;
        }
        // Prometheus has none of these metrics: empty answers, or (for a query Prometheus refuses)
        // its error — never a panel still loading, never a stale one (nothing failed on the way).
        QVERIFY2(state == PanelFrame::State::Empty || state == PanelFrame::State::Error || state == PanelFrame::State::Ready,
                 qPrintable(p.title + QStringLiteral(": ") + panel->frame()->stateText()));
        if (p.source == u"loki") { // asked of Loki, not of Prometheus: Loki answered (data, none, or its error)
            QVERIFY(!m_stack.profile(QStringLiteral("imported")).endpoint(Endpoint::Loki).url.isEmpty());
            QVERIFY2(!panel->frame()->stateText().contains(QLatin1String("not configured")), qPrintable(p.title + u' ' + panel->frame()->stateText()));
            ++lokiPanels;
        }
        if (state == PanelFrame::State::Error) {
            ++queryErrors;
            errors.append(p.title + QStringLiteral(": ") + panel->frame()->stateText());
        } else {
            ++(state == PanelFrame::State::Empty ? noData : shown);
        }
    }
    qInfo("%s: %lld panels — %d no data, %d with data, %d refused, %d not shown; %d asked of Loki", qPrintable(name),
          qint64(view.panels().size()), noData, shown, queryErrors, notShown, lokiPanels);
    for (const auto &e : std::as_const(errors))
        qInfo("  %s", qPrintable(e.left(300)));

    // Where Grafana puts them: within a row, a panel to the right of another in Grafana is to its
    // right here, one below is below, and panels level in Grafana are level here.
    for (const auto &row : dashboard.rows) {
        for (const auto &a : row.panels) {
            for (const auto &b : row.panels) {
                if (&a == &b || !a.grid || !b.grid)
                    continue;
                const auto ra = view.panel(a.id)->frame()->geometry(), rb = view.panel(b.id)->frame()->geometry();
                const auto names = qPrintable(a.title + QStringLiteral(" / ") + b.title);
                if (a.grid->x + a.grid->w <= b.grid->x)
                    QVERIFY2(ra.right() < rb.left(), names);
                if (a.grid->y + a.grid->h <= b.grid->y)
                    QVERIFY2(ra.bottom() < rb.top(), names);
                if (a.grid->y == b.grid->y)
                    QVERIFY2(std::abs(ra.top() - rb.top()) <= 2, names);
                if (a.grid->w == b.grid->w)
                    QVERIFY2(std::abs(ra.width() - rb.width()) <= 2, names);
            }
        }
    }
    if (const auto dir = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !dir.isEmpty())
        view.grab().save(dir + QLatin1Char('/') + dashboard.id + QStringLiteral(".png"));
}

QTEST_MAIN(TestImportedViews)
#include "tst_importedviews.moc"
