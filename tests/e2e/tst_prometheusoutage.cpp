// Prometheus stops under an open Operations view: the view says so once — a bar naming it, the
// error and the next try — while each panel keeps its last data or says "No data" in a few
// words; when Prometheus is back, its readiness is noticed within seconds and the view fills
// again without waiting out the backoff.

#include "dashboardpanel.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "monitoringstack.h"
#include "panelframe.h"
#include "store/settings.h"
#include "views/dashboardview.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

// A tile of a fact the health endpoint also reports, showing the health endpoint's value: while
// Prometheus is down that value is still current (the endpoint answers every second).
bool healthCurrent(wf::DashboardPanel *panel)
{
    if (!panel->showsHealthFact() || panel->frame()->state() != wf::PanelFrame::State::Ready)
        return false;
    const auto painted = panel->painted();
    return !painted.isEmpty() && painted.first().toObject().value(QStringLiteral("source")).toString() == u"health";
}

} // namespace

class TestPrometheusOutage : public QObject
{
    Q_OBJECT
private slots:
    void saidOnceAndRefilledWhenBack();
};

void TestPrometheusOutage::saidOnceAndRefilledWhenBack()
{
    MonitoringStack stack;
    QVERIFY2(stack.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(stack.errorString()));
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.setProfile(stack.profile(QStringLiteral("outage")), true);
    window.resize(1280, 900);
    window.show();
    auto *view = qobject_cast<wf::DashboardView *>(window.view(wf::ViewId::Operations));
    // Latched: QTRY evaluates its expression once more after it held, and a refresh in it would
    // make that second look see the view unsettled again.
    bool whole = false;
    QTRY_VERIFY_WITH_TIMEOUT(whole || (whole = (view->refresh(), QTest::qWait(1000), view->isSettled() && view->isComplete())), 40000);
    QVERIFY(!view->outageBar()->isVisible());

    stack.stopPrometheus();
    // A few refreshes into the outage: the backoff grows past a refresh interval.
    for (int i = 0; i < 4; ++i) {
        view->refresh();
        QTest::qWait(800);
    }
    QTRY_VERIFY_WITH_TIMEOUT(view->outageBar()->isVisible(), 10000);
    const auto bar = view->outageBar()->text();
    QVERIFY2(bar.startsWith(QStringLiteral("Prometheus is not answering: ")), qPrintable(bar));
    // Every panel has heard of it (the client's retries take a few seconds to give up).
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(view->panels().cbegin(), view->panels().cend(), [](wf::DashboardPanel *p) {
                                 const auto state = p->frame()->state();
                                 return !p->usesPrometheus() || state == wf::PanelFrame::State::Stale
                                     || state == wf::PanelFrame::State::Error || healthCurrent(p);
                             }),
                             20000);
    int sentences = 0;
    for (auto *panel : view->panels()) {
        if (!panel->usesPrometheus())
            continue;
        const auto state = panel->frame()->state();
        if (healthCurrent(panel))
            continue; // its value the health endpoint's of just now: current, not stale
        // Last good data kept and marked stale; never the long sentence repeated in the panel.
        QVERIFY2(state == wf::PanelFrame::State::Stale || panel->frame()->stateText() == u"No data: Prometheus unreachable",
                 qPrintable(panel->definition().id + QStringLiteral(": ") + panel->frame()->stateText()));
        if (state == wf::PanelFrame::State::Stale)
            QVERIFY(panel->frame()->content()->isVisible());
        sentences += state == wf::PanelFrame::State::Error && panel->frame()->stateText().contains(QLatin1String("refused")) ? 1 : 0;
    }
    QCOMPARE(sentences, 0);
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        window.grab().save(grab + QStringLiteral("/operations-prometheus-down.png"));

    // Back: the readiness probe sees it within seconds and the view fills again.
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(stack.restartPrometheus(), qPrintable(stack.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(!view->outageBar()->isVisible(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(view->panels().cbegin(), view->panels().cend(), [](wf::DashboardPanel *p) {
                                 return !p->usesPrometheus() || p->frame()->state() == wf::PanelFrame::State::Ready;
                             }),
                             15000);
    qInfo("the view whole again %lld ms after Prometheus was started again", clock.elapsed());
}

QTEST_MAIN(TestPrometheusOutage)
#include "tst_prometheusoutage.moc"
