// Opt-in benchmark of a cold start (ctest --preset bench). Prints, never asserts on a timer:
//   - against a stack that is already running (mytrader-sim under the real Prometheus, scraped for
//     a while): the console started as a user starts it, with the endpoints on the command line,
//     from the process' start (the kernel's) to each phase it logs — Qt and translations ready,
//     settings read, the window shown, the first request to Prometheus, the first frame with data
//     (the health endpoint's may come first) and the first frame with Prometheus' data on the
//     Operations view. Target: first Operations data painted ≤ 1 s. Five runs.
//   - `watchfloor --demo` from launch to the stack answering, the first data painted, and the
//     whole Operations view complete (every panel with data: its screenshot written). Three runs.
// Each run has its own empty settings and data folders, as on a first start. The console draws
// offscreen; WATCHFLOOR_BENCH_QPA=xcb under xvfb-run measures it with an X server.

#include "monitoringstack.h"

#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {

struct Run
{
    QMap<QString, double> phaseMs; // the console's own figures: ms since its process started
    QMap<QString, double> seenMs;  // the bench's clock: launch to the phase's line read
    double operationsCompleteMs = -1; // the bench's clock: launch to the Operations screenshot
    bool ok = false;
    QString log;
};

// Starts the console and reads its log until `until` is seen (or 60 s pass), then stops it.
Run runConsole(const QStringList &args, const QString &until)
{
    QTemporaryDir home;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
    // offscreen unless WATCHFLOOR_BENCH_QPA says otherwise (xcb, run under xvfb-run: a real X server).
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), qEnvironmentVariable("WATCHFLOOR_BENCH_QPA", QStringLiteral("offscreen")));
    QProcess console;
    console.setProcessEnvironment(env);
    console.setProcessChannelMode(QProcess::MergedChannels);
    Run run;
    QElapsedTimer clock;
    static const QRegularExpression phase(QStringLiteral(R"(startup phase=(\S+) ms=(\d+))"));
    QByteArray pending;
    QObject::connect(&console, &QProcess::readyRead, [&] {
        pending += console.readAll();
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const auto line = QString::fromUtf8(pending.left(nl));
            pending.remove(0, nl + 1);
            run.log += line + u'\n';
            if (const auto m = phase.match(line); m.hasMatch()) {
                run.phaseMs.insert(m.captured(1), m.captured(2).toDouble());
                run.seenMs.insert(m.captured(1), double(clock.elapsed()));
            }
            if (line.contains(QStringLiteral("view=operations")) && line.contains(QStringLiteral("screenshot written")))
                run.operationsCompleteMs = double(clock.elapsed());
            if (line.contains(until))
                run.ok = true;
        }
    });
    clock.start();
    console.start(QStringLiteral(WATCHFLOOR_EXECUTABLE), args);
    (void)QTest::qWaitFor([&] { return run.ok || console.state() == QProcess::NotRunning; }, 60000);
    console.terminate();
    if (!console.waitForFinished(10000)) {
        console.kill();
        console.waitForFinished();
    }
    return run;
}

void printPhases(const QList<Run> &runs, const QStringList &phases)
{
    for (const auto &name : phases) {
        QList<double> ms;
        for (const auto &r : runs)
            if (r.phaseMs.contains(name))
                ms << r.phaseMs.value(name);
        if (ms.isEmpty()) {
            std::printf("  %-30s (not reached)\n", qPrintable(name));
            continue;
        }
        QList<double> seen;
        for (const auto &r : runs)
            if (r.seenMs.contains(name))
                seen << r.seenMs.value(name);
        std::sort(ms.begin(), ms.end());
        std::sort(seen.begin(), seen.end());
        std::printf("  %-30s median %6.0f ms   min %6.0f   max %6.0f   (%lld runs; the bench's clock: median %.0f ms)\n",
                    qPrintable(name), ms.at(ms.size() / 2), ms.first(), ms.last(), static_cast<long long>(ms.size()),
                    seen.at(seen.size() / 2));
    }
}

} // namespace

class BenchColdStart : public QObject
{
    Q_OBJECT
private slots:
    void againstARunningStack();
    void demoLaunch();
};

void BenchColdStart::againstARunningStack()
{
    MonitoringStack stack;
    QVERIFY2(stack.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(stack.errorString()));
    QTest::qWait(8000); // a few scrapes, so that every panel has data to show
    const auto profile = stack.profile(QStringLiteral("bench"));
    const QStringList args{QStringLiteral("--prometheus"), profile.endpoint(wf::Endpoint::Prometheus).url.toString(),
                           QStringLiteral("--alertmanager"), profile.endpoint(wf::Endpoint::Alertmanager).url.toString(),
                           QStringLiteral("--loki"), profile.endpoint(wf::Endpoint::Loki).url.toString(),
                           QStringLiteral("--health"), profile.endpoint(wf::Endpoint::Health).url.toString(),
                           QStringLiteral("--view"), QStringLiteral("operations")};
    QList<Run> runs;
    for (int i = 0; i < 5; ++i) {
        runs << runConsole(args, QStringLiteral("phase=first-prometheus-data-painted"));
        QVERIFY2(runs.last().ok, qPrintable(runs.last().log.right(3000)));
    }
    std::printf("\nCold start against a running stack (process start → phase; the console's own figures):\n");
    printPhases(runs, {QStringLiteral("qt"), QStringLiteral("settings"), QStringLiteral("window-shown"),
                       QStringLiteral("first-prometheus-request"), QStringLiteral("first-data-painted"),
                       QStringLiteral("first-prometheus-data-painted")});
    std::printf("  target: first Operations data painted ≤ 1000 ms\n");
    std::fflush(stdout);
}

void BenchColdStart::demoLaunch()
{
    QList<Run> runs;
    for (int i = 0; i < 3; ++i) {
        QTemporaryDir shots;
        runs << runConsole({QStringLiteral("--demo"), QStringLiteral("--view"), QStringLiteral("operations"),
                            QStringLiteral("--screenshot-dir"), shots.path()},
                           QStringLiteral("view=operations"));
        QVERIFY2(runs.last().ok, qPrintable(runs.last().log.right(3000)));
    }
    std::printf("\nwatchfloor --demo (process start → phase):\n");
    printPhases(runs, {QStringLiteral("qt"), QStringLiteral("demo-ready"), QStringLiteral("window-shown"),
                       QStringLiteral("first-data-painted"), QStringLiteral("first-prometheus-data-painted")});
    QList<double> complete;
    for (const auto &r : runs)
        complete << r.operationsCompleteMs;
    std::sort(complete.begin(), complete.end());
    std::printf("  %-30s median %6.0f ms   min %6.0f   max %6.0f   (launch → every Operations panel with data)\n",
                "operations-complete", complete.at(complete.size() / 2), complete.first(), complete.last());
    std::fflush(stdout);
}

QTEST_GUILESS_MAIN(BenchColdStart)
#include "bench_coldstart.moc"
