// The fault matrix (issue "Prove it"): every way a server or the network in front of it fails, for
// each endpoint the console reads — Prometheus (the Operations view), the health endpoint (the
// router and health tiles), Alertmanager (the alert inbox), Loki's query and Loki's live tail (the
// Logs view) — and the recovery after each. One window per endpoint, each behind a FaultProxy in
// front of the real server (TLS with the profile's CA file), the five run side by side.
//
// For every cell: the UI thread never hangs (no event over 2 s of its CPU clock), memory stays
// bounded, the endpoint's light names the error in its tooltip, the last good data stays and is
// marked stale, and the view is whole again by itself after the fault ends. How long the longest
// UI event took and how soon the view was whole again are measured in every cell and written to
// the report; their targets (100 ms, 10 s) are figures of the machine as much as of the console,
// so only the bench run asserts them (`bench_faultmatrix`, the same test with
// WATCHFLOOR_FAULT_TARGETS=1: `cmake --preset bench`, ctest label bench).
// Writes its table to the build folder (faults.md beside the test, or WATCHFLOOR_FAULT_REPORT);
// `cmake --build --preset ci --target faults_doc` runs it and copies the table to docs/faults.md.

#include "dashboardpanel.h"
#include "faultproxy.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "alertinboxmodel.h"
#include "logmodel.h"
#include "monitoringstack.h"
#include "panelframe.h"
#include "procstats.h"
#include "slowevents.h"
#include "sources/loki/lokitail.h"
#include "statuslight.h"
#include "store/settings.h"
#include "alerts/alertinbox.h"
#include "views/alertsview.h"
#include "views/dashboardview.h"
#include "views/logsview.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>

using Fault = FaultProxy::Fault;

namespace {

const bool kLongTest = [] {
    qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number(45 * 60 * 1000)); // the cells take about 7 minutes
    return true;
}();

constexpr int kRefreshSeconds = 5;   // the profile's refresh (the default; one the refresh box offers)
constexpr int kGraceMs = 2'000;      // the request and its painting after the refresh is due
constexpr double kTargetBusyMs = 100; // the UI thread, per event, on its own CPU clock (bench run)
constexpr double kHangMs = 2'000;      // what no machine, however busy, makes of a responsive event
constexpr double kMaxGrowthMB = 250;   // five windows at once meeting a 200 MB body each

constexpr qint64 kOverdueMs = wf::kRequestOverdueMs; // every view says a request that waits this long
constexpr qint64 kTargetRecoveryMs = 10'000; // whole again by itself, back-offs the server asked for included (bench run)
constexpr qint64 kGiveUpRecoveryMs = 90'000; // not whole again by then: it does not recover by itself

// The bench run asserts the targets; the default run the hang bound and that it recovers at all.
bool targetsAsserted() { return qEnvironmentVariableIntValue("WATCHFLOOR_FAULT_TARGETS") == 1; }
double maxBusyMs() { return targetsAsserted() ? kTargetBusyMs : kHangMs; }
qint64 maxRecoveryMs() { return targetsAsserted() ? kTargetRecoveryMs : kGiveUpRecoveryMs; }

// What the endpoint's light must say, in one of these words, for the user to know what happened.
QStringList errorWords(Fault fault)
{
    switch (fault) {
    case Fault::Refused: return {QStringLiteral("refused")};
    case Fault::Hang: return {QStringLiteral("did not answer"), QStringLiteral("not answered"), QStringLiteral("lost")};
    case Fault::ServerError: return {QStringLiteral("500")};
    case Fault::Unavailable: return {QStringLiteral("503")};
    case Fault::RateLimited: return {QStringLiteral("429")};
    case Fault::Truncated: return {QStringLiteral("closed"), QStringLiteral("lost")};
    case Fault::MalformedJson: return {QStringLiteral("cannot read")};
    case Fault::WrongShape: return {QStringLiteral("cannot read")};
    case Fault::Huge: return {QStringLiteral("32 MB"), QStringLiteral("16 MB")};
    case Fault::WrongCertificate: return {QStringLiteral("host name did not match")};
    case Fault::RedirectLoop: return {QStringLiteral("302"), QStringLiteral("redirect")};
    case Fault::Unauthorized: return {QStringLiteral("401")};
    case Fault::Forbidden: return {QStringLiteral("403")};
    case Fault::None:
    case Fault::Slow:
    case Fault::LoginPage:
    case Fault::Custom: break; // not in the matrix
    }
    return {};
}

struct Cell
{
    Fault fault = Fault::None;
    qint64 shownMs = -1;     // from the fault's start to the view saying so
    QString light;           // the endpoint light's state and tooltip then
    QString said;            // what the view said
    bool kept = false;       // the last good data still there
    bool staleMarked = false; // and marked as old
    qint64 recoveredMs = -1; // from the fault's end to the view whole again
    double busyCpuMs = 0;    // the longest UI event meanwhile (any window)
    QString busyWhat;
    qint64 busyWallMs = 0;
    double residentMB = 0; // the most resident memory meanwhile, over the start
};

// One endpoint behind a proxy, one window showing what reads it, the cells run in turn.
struct Lane
{
    QString name;
    wf::Endpoint endpoint = wf::Endpoint::Prometheus;
    FaultProxy *proxy = nullptr; // on the proxies' thread
    void setFault(Fault fault)
    {
        QMetaObject::invokeMethod(proxy, [p = proxy, fault] { p->setFault(fault); }, Qt::BlockingQueuedConnection);
    }
    std::unique_ptr<wf::MainWindow> window;
    std::function<bool()> whole;  // every part of the view has fresh data, the light is green
    std::function<bool()> shown;  // the view says something is wrong
    std::function<bool()> kept;   // the last good data is still on screen
    std::function<bool()> stale;  // and marked as old
    std::function<QString()> said;
    std::function<void()> poke = [] {}; // what a user would do each second (Loki query: Run)
    int refreshMs = kRefreshSeconds * 1000;

    enum class Phase { Settling, Faulted, Recovering, Done };
    Phase phase = Phase::Settling;
    int index = -1;
    QElapsedTimer clock;
    QList<Cell> cells;
    QString failure; // the lane could not go on

    wf::StatusLight *light() const
    {
        return window->findChild<wf::StatusLight *>(wf::endpointKey(endpoint) + QStringLiteral("Light"));
    }
    Cell *cell() { return index >= 0 && index < cells.size() ? &cells[index] : nullptr; }

    static qint64 holdMs(Fault fault)
    {
        switch (fault) {
        case Fault::Slow: return FaultProxy::kSlowMs + 6'000; // long enough for the late answers to land
        case Fault::Hang: return 75'000;
        default: return 25'000;
        }
    }

    void step()
    {
        switch (phase) {
        case Phase::Settling:
            if (whole()) {
                if (++index >= cells.size()) {
                    phase = Phase::Done;
                    return;
                }
                setFault(cells[index].fault);
                phase = Phase::Faulted;
                clock.start();
            } else if (clock.isValid() && clock.elapsed() > 90'000) {
                failure = QStringLiteral("%1 never became whole after %2").arg(name, index >= 0 ? FaultProxy::describe(cells[index].fault)
                                                                                                : QStringLiteral("the start"));
                phase = Phase::Done;
            }
            break;
        case Phase::Faulted: {
            auto &c = cells[index];
            const bool slow = c.fault == Fault::Slow;
            if (c.shownMs < 0 && shown())
                c.shownMs = clock.elapsed();
            // Look a second after the view said it (or at the end of the hold): what stayed, how it is marked.
            // Look once the view has had a refresh to take it all in after it first said something, and
            // the light has changed (or at the end of the hold): what stayed, how it is marked.
            const bool lightChanged = light() != nullptr && light()->health() != wf::Health::Good;
            // A request that waits is said once it has waited kOverdueMs (the same in every view).
            // Requests still waiting (retries, Retry-After) are said once they have waited that long: look after.
            const qint64 earliest = kOverdueMs + refreshMs + kGraceMs;
            const bool look = !slow && c.shownMs >= 0 && lightChanged
                && clock.elapsed() >= std::max(earliest, c.shownMs + refreshMs + kGraceMs);
            if (look || clock.elapsed() >= holdMs(c.fault)) {
                if (auto *l = light())
                    c.light = lightText(l);
                c.said = said();
                c.kept = kept();
                c.staleMarked = stale();
                // WATCHFLOOR_GRAB_DIR: the window as it looked then, <lane>-<fault>.png.
                if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
                    window->grab().save(QStringLiteral("%1/%2-%3.png").arg(grab, name, FaultProxy::key(c.fault)));
                setFault(Fault::None);
                phase = Phase::Recovering;
                clock.start();
            }
            break;
        }
        case Phase::Recovering:
            if (whole()) {
                cells[index].recoveredMs = clock.elapsed();
                phase = Phase::Settling;
                clock.start();
            } else if (clock.elapsed() > kGiveUpRecoveryMs) {
                phase = Phase::Settling; // recoveredMs stays -1: not whole again; Settling gives up in time
                clock.start();
            }
            break;
        case Phase::Done:
            break;
        }
    }

    static QString lightText(wf::StatusLight *l)
    {
        static const char *const names[] = {"good", "warning", "bad", "unknown"};
        const int h = int(l->health());
        return QStringLiteral("%1: %2").arg(QLatin1String(h >= 0 && h < 4 ? names[h] : "?"), l->toolTip().simplified());
    }
};

QString cellText(const QString &s)
{
    auto out = s;
    out.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    out.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return out.left(220);
}

} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT
private slots:
    void everyEndpointEveryFault();
};

void TestFaultMatrix::everyEndpointEveryFault()
{
    auto *app = static_cast<SlowEventApplication *>(qApp);
    QTemporaryDir certDir;
    QString error;
    const auto certs = FaultProxy::makeCertificates(certDir.path(), &error);
    QVERIFY2(certs, qPrintable(error));

    MonitoringStack stack;
    QVERIFY2(stack.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(stack.errorString()));
    // Alerts in the inbox for its lane to keep through the faults.
    QJsonArray alerts;
    for (int i = 0; i < 3; ++i)
        alerts.append(QJsonObject{
            {QStringLiteral("labels"), QJsonObject{{QStringLiteral("alertname"), QStringLiteral("FaultMatrix%1").arg(i)},
                                                   {QStringLiteral("severity"), QStringLiteral("warning")}}},
            {QStringLiteral("startsAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
            {QStringLiteral("endsAt"), QDateTime::currentDateTimeUtc().addSecs(3 * 3600).toString(Qt::ISODate)}});
    QVERIFY(stack.postAlerts(alerts));

    QTemporaryDir settingsDir;
    wf::Settings settings(settingsDir.path(), wf::SecretStore::Backend::File);
    const auto startResidentMB = residentKiB() / 1024.0;

    // The proxies on a thread of their own: what they do is not the UI thread's time.
    QThread proxyThread;
    proxyThread.start();
    std::vector<std::unique_ptr<Lane>> lanes;
    struct Cleanup
    {
        QThread &thread;
        std::vector<std::unique_ptr<Lane>> &lanes;
        ~Cleanup()
        {
            for (auto &lane : lanes) {
                lane->window.reset();
                QMetaObject::invokeMethod(lane->proxy, [p = lane->proxy] { delete p; }, Qt::BlockingQueuedConnection);
            }
            thread.quit();
            thread.wait();
        }
    } cleanup{proxyThread, lanes};
    // WATCHFLOOR_FAULT_LANES=prometheus,loki-tail runs only those lanes.
    const auto lanesWanted = qEnvironmentVariable("WATCHFLOOR_FAULT_LANES").split(u',', Qt::SkipEmptyParts);
    const auto addLane = [&](const QString &name, wf::Endpoint endpoint, wf::ViewId view) -> Lane & {
        auto lane = std::make_unique<Lane>();
        lane->name = name;
        lane->endpoint = endpoint;
        auto profile = stack.profile(QStringLiteral("faults-") + name);
        const auto upstream = profile.endpoint(endpoint).url;
        lane->proxy = new FaultProxy(quint16(upstream.port()), *certs);
        lane->proxy->moveToThread(&proxyThread);
        bool listening = false;
        QMetaObject::invokeMethod(lane->proxy, [&] { listening = lane->proxy->listen(); }, Qt::BlockingQueuedConnection);
        if (!listening)
            qFatal("no port for the fault proxy");
        QUrl url = upstream;
        url.setScheme(QStringLiteral("https"));
        url.setPort(lane->proxy->port());
        profile.endpoint(endpoint).url = url;
        profile.caFile = certs->caFile;
        profile.refreshSeconds = kRefreshSeconds;
        lane->window = std::make_unique<wf::MainWindow>(settings);
        lane->window->setProfile(profile, true);
        lane->window->resize(1280, 800);
        lane->window->showView(view);
        lane->window->show();
        // WATCHFLOOR_FAULTS=hang,500 runs only those cells (by FaultProxy::key), to look at one closely.
        const auto only = qEnvironmentVariable("WATCHFLOOR_FAULTS").split(u',', Qt::SkipEmptyParts);
        for (const auto fault : FaultProxy::allFaults())
            if ((only.isEmpty() || only.contains(FaultProxy::key(fault))) && (lanesWanted.isEmpty() || lanesWanted.contains(name)))
            { Cell c; c.fault = fault; lane->cells.append(c); }
        lanes.push_back(std::move(lane));
        return *lanes.back();
    };

    // Prometheus: the Operations view's Prometheus panels.
    {
        auto &lane = addLane(QStringLiteral("prometheus"), wf::Endpoint::Prometheus, wf::ViewId::Operations);
        auto *view = qobject_cast<wf::DashboardView *>(lane.window->view(wf::ViewId::Operations));
        const auto promPanels = [view] {
            QList<wf::DashboardPanel *> out;
            for (auto *p : view->panels())
                if (p->usesPrometheus())
                    out << p;
            return out;
        };
        auto *light = lane.light();
        lane.whole = [=] {
            const auto panels = promPanels();
            return light->health() == wf::Health::Good && !view->outageBar()->isVisible()
                && std::all_of(panels.cbegin(), panels.cend(), [](auto *p) { return p->frame()->state() == wf::PanelFrame::State::Ready; });
        };
        lane.shown = [=] {
            const auto panels = promPanels();
            return light->health() != wf::Health::Good || view->outageBar()->isVisible()
                || std::any_of(panels.cbegin(), panels.cend(), [](auto *p) {
                       return p->frame()->state() == wf::PanelFrame::State::Stale || p->frame()->state() == wf::PanelFrame::State::Error;
                   });
        };
        lane.kept = [=] {
            const auto panels = promPanels();
            return std::all_of(panels.cbegin(), panels.cend(), [](auto *p) { return !p->painted().isEmpty(); });
        };
        lane.stale = [=] {
            const auto panels = promPanels();
            return std::all_of(panels.cbegin(), panels.cend(), [](auto *p) {
                // A health fact's tile is kept fresh by the health endpoint, which answers.
                return p->frame()->state() == wf::PanelFrame::State::Stale || p->showsHealthFact();
            });
        };
        lane.said = [=] {
            QStringList fresh; // panels not marked stale, if any: which, and how they stand
            for (auto *p : promPanels())
                if (p->frame()->state() != wf::PanelFrame::State::Stale && !p->showsHealthFact())
                    fresh << p->definition().id + QLatin1Char('=') + p->snapshot().value(QStringLiteral("state")).toString();
            const auto unmarked = fresh.isEmpty() ? QString() : QStringLiteral(" [not stale: %1]").arg(fresh.join(QStringLiteral(", ")));
            if (view->outageBar()->isVisible())
                return view->outageBar()->text() + unmarked;
            for (auto *p : promPanels())
                if (!p->frame()->stateText().isEmpty())
                    return p->frame()->stateText() + unmarked;
            return unmarked;
        };
    }
    // The health endpoint: the router light and the Operations view's health panels.
    {
        auto &lane = addLane(QStringLiteral("health"), wf::Endpoint::Health, wf::ViewId::Operations);
        lane.refreshMs = 1000;
        auto *view = qobject_cast<wf::DashboardView *>(lane.window->view(wf::ViewId::Operations));
        auto *router = lane.window->findChild<wf::StatusLight *>(QStringLiteral("routerLight"));
        const auto healthPanels = [view] {
            QList<wf::DashboardPanel *> out;
            for (auto *p : view->panels())
                if (p->usesHealth() && p->snapshot().value(QStringLiteral("type")).toString() == u"stat")
                    out << p; // the health status tile (the round-trip chart shows the gap itself)
            return out;
        };
        auto *light = lane.light();
        lane.whole = [=] {
            const auto panels = healthPanels();
            return light->health() == wf::Health::Good && router->health() != wf::Health::Unknown
                && std::all_of(panels.cbegin(), panels.cend(), [](auto *p) { return p->frame()->state() == wf::PanelFrame::State::Ready; });
        };
        lane.shown = [=] {
            const auto panels = healthPanels();
            return light->health() != wf::Health::Good || router->health() == wf::Health::Unknown
                || std::any_of(panels.cbegin(), panels.cend(), [](auto *p) { return p->frame()->state() != wf::PanelFrame::State::Ready; });
        };
        lane.kept = [=] {
            const auto panels = healthPanels();
            return !panels.isEmpty()
                && std::all_of(panels.cbegin(), panels.cend(), [](auto *p) { return !p->painted().isEmpty(); });
        };
        lane.stale = [=] {
            const auto panels = healthPanels();
            return std::all_of(panels.cbegin(), panels.cend(), [](auto *p) { return p->frame()->state() == wf::PanelFrame::State::Stale; });
        };
        lane.said = [=] { return router->label() + QStringLiteral(" — ") + router->toolTip().simplified(); };
    }
    // Alertmanager: the inbox.
    {
        auto &lane = addLane(QStringLiteral("alertmanager"), wf::Endpoint::Alertmanager, wf::ViewId::Alerts);
        lane.refreshMs = 2000; // the profile's alert poll
        auto *view = qobject_cast<wf::AlertsView *>(lane.window->view(wf::ViewId::Alerts));
        auto *light = lane.light();
        const auto inbox = [view] { return view->snapshot().value(QStringLiteral("panels")).toArray().at(0).toObject(); };
        const auto shownAlerts = [inbox] { return inbox().value(QStringLiteral("values")).toArray().size(); };
        const auto inboxError = [inbox] { return inbox().value(QStringLiteral("error")).toString(); };
        lane.whole = [=] { return light->health() == wf::Health::Good && shownAlerts() >= 3 && inboxError().isEmpty(); };
        lane.shown = [=] { return light->health() != wf::Health::Good || !inboxError().isEmpty(); };
        lane.kept = [=] { return shownAlerts() >= 3; };
        lane.stale = [=] { return !inboxError().isEmpty(); };
        lane.said = [=] { return inboxError(); };
    }
    // Loki's query: the Logs view, Run pressed every few seconds.
    {
        auto &lane = addLane(QStringLiteral("loki-query"), wf::Endpoint::Loki, wf::ViewId::Logs);
        auto *view = static_cast<wf::LogsView *>(lane.window->view(wf::ViewId::Logs));
        auto *light = lane.light();
        lane.poke = [view] {
            if (view->isSettled())
                view->refresh(); // Run again once the last one has its answer (or its error)
        };
        lane.whole = [=] {
            return light->health() == wf::Health::Good && view->model()->rowCount() > 0 && !view->statusText().contains(QStringLiteral("Loki: "));
        };
        lane.shown = [=] { return light->health() != wf::Health::Good || view->statusText().contains(QStringLiteral("Loki: ")); };
        lane.kept = [=] { return view->model()->rowCount() > 0; };
        lane.stale = [=] {
            const auto status = view->statusText();
            return status.contains(QStringLiteral("Loki: ")) || status.contains(QStringLiteral("last time:"))
                || status.contains(QStringLiteral("no answer for"));
        };
        lane.said = [=] { return view->statusText(); };
    }
    // Loki's live tail: the Logs view, Live on.
    {
        auto &lane = addLane(QStringLiteral("loki-tail"), wf::Endpoint::Loki, wf::ViewId::Logs);
        auto *view = static_cast<wf::LogsView *>(lane.window->view(wf::ViewId::Logs));
        view->setLive(true);
        auto *light = lane.light();
        lane.whole = [=] { return light->health() == wf::Health::Good && view->tail()->state() == wf::LokiTail::State::Live; };
        lane.shown = [=] { return light->health() != wf::Health::Good || view->tail()->state() != wf::LokiTail::State::Live; };
        lane.kept = [=] { return view->model()->rowCount() > 0; };
        lane.stale = [=] {
            return view->tail()->state() != wf::LokiTail::State::Live || view->statusText().contains(QStringLiteral("skipped"));
        };
        lane.said = [=] { return view->statusText(); };
    }

    // Run the lanes side by side; every 100 ms each steps, every second the user's pokes.
    QElapsedTimer total;
    total.start();
    app->resetMax();
    double peakMB = 0;
    QTimer tick;
    int ticks = 0;
    connect(&tick, &QTimer::timeout, this, [&] {
        // Each lane is charged with its own window's events, and with those of objects in no
        // window (which cannot be told apart): not with the other windows'.
        const auto wall = app->maxBusyWallMs();
        const auto unowned = app->maxBusyOf(nullptr);
        QHash<const Lane *, SlowEventApplication::Busy> busyOf;
        for (const auto &lane : lanes) {
            auto own = app->maxBusyOf(lane->window.get());
            if (unowned.cpuMs > own.cpuMs)
                own = {unowned.cpuMs, unowned.what + QStringLiteral(" (in no window)")};
            busyOf.insert(lane.get(), own);
        }
        app->resetMax();
        const auto mb = residentKiB() / 1024.0 - startResidentMB;
        peakMB = std::max(peakMB, mb);
        const bool poke = ++ticks % (kRefreshSeconds * 10) == 0;
        for (auto &lane : lanes) {
            if (auto *c = lane->cell(); c && lane->phase != Lane::Phase::Settling) {
                if (const auto busy = busyOf.value(lane.get()); busy.cpuMs > c->busyCpuMs) {
                    c->busyCpuMs = busy.cpuMs;
                    c->busyWhat = busy.what;
                }
                c->busyWallMs = std::max(c->busyWallMs, wall);
                c->residentMB = std::max(c->residentMB, mb);
            }
            if (poke)
                lane->poke();
            lane->step();
        }
    });
    app->ignore(&tick); // the test looking (snapshots of every panel) is not the console's time
    tick.start(100);
    for (auto &lane : lanes)
        lane->clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(lanes.cbegin(), lanes.cend(), [](const auto &l) { return l->phase == Lane::Phase::Done; }),
                             40 * 60 * 1000);
    tick.stop();

    // The report (docs/faults.md when faults_doc copies it): every cell, what was seen.
    QString md;
    md += QStringLiteral("# The fault matrix\n\n"
                         "Written by `tst_faultmatrix` (ctest label `e2e`; `scripts/test` runs it) on %1, in %2 s. "
                         "Each endpoint sits behind a TLS proxy (`tests/support/faultproxy.*`) in front of the real server "
                         "— Prometheus and Alertmanager from Debian, `mytrader-sim`'s health endpoint and Loki API — "
                         "and one window per endpoint looks at it: Prometheus through the Operations view, the health "
                         "endpoint through the router light and the health tiles, Alertmanager through the inbox, Loki "
                         "through the Logs view (the query run again every refresh; the live tail). The five run side by side. "
                         "Each fault starts by dropping every open connection, as a restarted server does.\n\n"
                         "Columns: *shown* — from the fault's start to the view saying so; *light* — the endpoint light "
                         "and its tooltip then; *said* — what the view said; *kept/stale* — the last good data still on "
                         "screen, and marked as old; *whole again* — from the fault's end to every part fresh (the "
                         "profile refreshes every %3 s, the alert inbox every 2 s, health 4×/s); *UI* — the longest single "
                         "event on the UI thread meanwhile, CPU time, in the lane's window or in no window; *memory* — the most resident memory "
                         "over the start meanwhile (all five windows).\n\n"
                         "Asserted in every run: no UI event over %4 ms (a hang); memory bounded (bodies over 32 MB are refused, "
                         "tail messages over 16 MB close the tail); the light names the error; data kept and marked stale (a slow "
                         "answer is not a fault); whole again by itself (within %5 s). Targets, asserted in the bench run "
                         "(`bench_faultmatrix`)%6: UI ≤ %7 ms, whole again within %8 s.\n\n")
              .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
              .arg(total.elapsed() / 1000)
              .arg(kRefreshSeconds)
              .arg(kHangMs)
              .arg(kGiveUpRecoveryMs / 1000)
              .arg(targetsAsserted() ? QStringLiteral(", which this was") : QString())
              .arg(kTargetBusyMs)
              .arg(kTargetRecoveryMs / 1000);
    for (const auto &lane : lanes) {
        md += QStringLiteral("## %1\n\n| fault | shown | light | said | kept | stale | whole again | UI | memory |\n"
                             "|---|---|---|---|---|---|---|---|---|\n")
                  .arg(lane->name);
        for (const auto &c : lane->cells) {
            md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 ms | +%9 MB |\n")
                      .arg(FaultProxy::describe(c.fault),
                           c.shownMs >= 0 ? QStringLiteral("%1 s").arg(c.shownMs / 1000.0, 0, 'f', 1) : QStringLiteral("—"),
                           cellText(c.light), cellText(c.said), c.kept ? QStringLiteral("yes") : QStringLiteral("**no**"),
                           c.staleMarked ? QStringLiteral("yes") : QStringLiteral("no"),
                           c.recoveredMs >= 0 ? QStringLiteral("%1 s").arg(c.recoveredMs / 1000.0, 0, 'f', 1) : QStringLiteral("**never**"))
                      .arg(c.busyCpuMs, 0, 'f', 0)
                      .arg(c.residentMB, 0, 'f', 0);
        }
        for (const auto &c : lane->cells)
            if (c.busyCpuMs > kTargetBusyMs)
                md += QStringLiteral("\nThe UI thread's longest event during *%1*: %2 ms in %3.\n")
                          .arg(FaultProxy::describe(c.fault))
                          .arg(c.busyCpuMs, 0, 'f', 0)
                          .arg(c.busyWhat);
        if (!lane->failure.isEmpty())
            md += QStringLiteral("\n**Stopped:** %1\n").arg(lane->failure);
        md += QLatin1Char('\n');
    }
    const auto reportPath = qEnvironmentVariable("WATCHFLOOR_FAULT_REPORT", QStringLiteral(WATCHFLOOR_FAULT_REPORT));
    QFile out(reportPath);
    QVERIFY2(out.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(reportPath + QStringLiteral(": ") + out.errorString()));
    out.write(md.toUtf8());
    out.close();
    std::printf("%s", qPrintable(md));

    for (const auto &lane : lanes)
        QVERIFY2(lane->failure.isEmpty(), qPrintable(lane->failure));
    QStringList wrong;
    for (const auto &lane : lanes) {
        for (const auto &c : lane->cells) {
            const auto where = lane->name + QStringLiteral(", ") + FaultProxy::describe(c.fault) + QStringLiteral(": ");
            if (c.busyCpuMs > maxBusyMs())
                wrong << where + QStringLiteral("the UI thread was busy %1 ms at once (%2; bound %3 ms)").arg(c.busyCpuMs).arg(c.busyWhat).arg(maxBusyMs());
            if (c.residentMB > kMaxGrowthMB)
                wrong << where + QStringLiteral("resident memory grew by %1 MB").arg(c.residentMB);
            if (!c.kept)
                wrong << where + QStringLiteral("the last good data is gone");
            if (c.recoveredMs < 0 || c.recoveredMs > maxRecoveryMs())
                wrong << where + QStringLiteral("not whole again within %1 s of the fault's end").arg(maxRecoveryMs() / 1000);
            if (c.fault == Fault::Slow)
                continue; // slow is not wrong: the answers come, late
            if (!c.staleMarked)
                wrong << where + QStringLiteral("the data is not marked stale (the view said: %1)").arg(c.said);
            const auto names = errorWords(c.fault);
            if (!std::any_of(names.cbegin(), names.cend(), [&](const QString &w) { return c.light.contains(w, Qt::CaseInsensitive); })
                || c.light.startsWith(QStringLiteral("good")))
                wrong << where + QStringLiteral("the light does not name it (%1)").arg(c.light);
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    QVERIFY2(peakMB < kMaxGrowthMB, qPrintable(QStringLiteral("resident memory grew by %1 MB").arg(peakMB)));
}

int main(int argc, char **argv)
{
    SlowEventApplication app(argc, argv);
    TestFaultMatrix test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_faultmatrix.moc"
