// Opt-in soak (ctest --preset bench, or run alone): the console left open against mytrader-sim
// under the real Prometheus and Alertmanager, every view shown in turn, the Logs view's live tail
// on, a random drill every minute and, every 30 minutes, a restart of the simulator's Loki API,
// Alertmanager or Prometheus in turn. Prints at the start, at each report and at the end: resident
// memory, open file descriptors, threads, and how long the UI thread was busy at once (p99, max).
// Targets (issue "Prove it"): memory grows less than 5 % after the first hour; descriptors and
// threads flat; no stall over 100 ms. Never asserts on a timer.
//
//   WATCHFLOOR_SOAK_MINUTES          how long (default 30; 480 for the night)
//   WATCHFLOOR_SOAK_REPORT_MINUTES   between reports (default 60)
//   WATCHFLOOR_SOAK_RESTART_MINUTES  between restarts (default 30)
//   WATCHFLOOR_SOAK_DRILL_SECONDS    between drills (default 60; each lasts 20 s)
//   WATCHFLOOR_SOAK_EXIT_AT_END      1: end the process at once after the last report, so that a
//                                    heap profiler (heaptrack) lists everything alive then as leaked

#include "logmodel.h"
#include "mainwindow.h"
#include "monitoringstack.h"
#include "procstats.h"
#include "sources/sim/drillclient.h"
#include "slowevents.h"
#include "stallprobe.h"
#include "store/settings.h"
#include "views/logsview.h"
#include "views/viewbase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <malloc.h>
#include <memory>

namespace {

const bool kLongRun = [] {
    qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number(24LL * 3600 * 1000));
    return true;
}();

int setting(const char *name, int fallback)
{
    return qEnvironmentVariableIsSet(name) ? qEnvironmentVariableIntValue(name) : fallback;
}

int openDescriptors()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size());
}

int threads()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const auto &line : f.readAll().split('\n'))
        if (line.startsWith("Threads:"))
            return line.mid(8).trimmed().toInt();
    return -1;
}

struct Report
{
    double minutes = 0;
    long residentKiB = 0;
    int descriptors = 0;
    int threads = 0;
    double stallP99 = 0;
    double stallMax = 0;
    int drills = 0;
    int restarts = 0;
    double heapMiB = 0; // what malloc has handed out and not had back (mallinfo2): a leak grows this
    qsizetype logLines = 0; // what the Logs view holds: its buffer is the one thing meant to grow
    qsizetype logBytes = 0;
    qsizetype logStored = 0; // what that text takes in memory (the older lines packed)
    qsizetype logSpilled = 0; // the packed blocks in the spill file, on disk
    qsizetype parsedKiB = 0;  // the parsed lines kept for the rows shown (bounded)
};

} // namespace

class BenchSoak : public QObject
{
    Q_OBJECT
private slots:
    void leftOpenAllNight();
};

void BenchSoak::leftOpenAllNight()
{
    const int minutes = setting("WATCHFLOOR_SOAK_MINUTES", 30);
    const int reportMinutes = std::max(1, setting("WATCHFLOOR_SOAK_REPORT_MINUTES", 60));
    const int restartMinutes = std::max(1, setting("WATCHFLOOR_SOAK_RESTART_MINUTES", 30));
    const int drillSeconds = std::max(10, setting("WATCHFLOOR_SOAK_DRILL_SECONDS", 60));

    MonitoringStack stack;
    QVERIFY2(stack.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(stack.errorString()));
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.resize(1280, 800);
    window.setProfile(stack.profile(QStringLiteral("soak")), true);
    window.show();
    auto *logs = static_cast<wf::LogsView *>(window.view(wf::ViewId::Logs));
    logs->setLive(true);

    QNetworkAccessManager network;
    wf::DrillClient drills(&network);
    drills.setProfile(stack.profile(QStringLiteral("soak")));
    const auto kinds = wf::DrillClient::knownKinds();

    Report now;
    QList<Report> reports;
    auto probe = std::make_unique<StallProbe>();
    const auto take = [&](double atMinutes) {
        probe->stop();
        auto stalls = probe->stalls();
        std::sort(stalls.begin(), stalls.end());
        now.minutes = atMinutes;
        now.residentKiB = residentKiB();
        now.descriptors = openDescriptors();
        now.threads = threads();
        now.stallP99 = stalls.isEmpty() ? 0 : stalls.at(qsizetype(0.99 * double(stalls.size() - 1)));
        now.stallMax = stalls.isEmpty() ? 0 : stalls.last();
        const auto heap = mallinfo2();
        now.heapMiB = double(heap.uordblks + heap.hblkhd) / (1024.0 * 1024.0);
        now.logLines = logs->model()->rowCount();
        now.logBytes = logs->model()->bytes();
        now.logStored = logs->model()->storedBytes();
        now.logSpilled = logs->model()->spilledBytes();
        now.parsedKiB = logs->model()->parsedCacheKiB();
        reports << now;
        std::printf("%7.1f min  resident %7.1f MB  fds %4d  threads %3d  UI busy at once p99 %5.0f ms max %5.0f ms  "
                    "(%d drills, %d restarts so far)  heap in use %.1f MB  logs %lld lines, %.1f MB of text in %.1f MB "
                    "(%.1f MB on disk), %lld KiB parsed\n",
                    now.minutes, now.residentKiB / 1024.0, now.descriptors, now.threads, now.stallP99, now.stallMax,
                    now.drills, now.restarts, now.heapMiB, qlonglong(now.logLines), double(now.logBytes) / (1024.0 * 1024.0),
                    double(now.logStored) / (1024.0 * 1024.0), double(now.logSpilled) / (1024.0 * 1024.0),
                    qlonglong(now.parsedKiB));
        // What held the UI thread (events of 40 ms or more of its CPU time, paints of 20, since the
        // last report), slowest first. The stalls above are wall time: a busy machine adds to them.
        for (const auto &c : static_cast<SlowEventApplication *>(qApp)->take())
            std::printf("           %4d × up to %4lld ms CPU (%5lld ms in all)  %s\n", c.count, c.maxMs, c.totalMs, qPrintable(c.what));
        std::fflush(stdout);
        probe = std::make_unique<StallProbe>(); // each report covers its own stretch
        probe->start();
    };

    std::printf("\nSoak: %d min, a report every %d min, a drill every %d s, a restart every %d min\n", minutes,
                reportMinutes, drillSeconds, restartMinutes);
    QTest::qWait(10000); // the first refresh of everything
    take(0);

    QTimer cycle; // every view shown in turn: only the visible one asks Prometheus
    int viewIndex = 0;
    connect(&cycle, &QTimer::timeout, this, [&] { window.showView(wf::kAllViews[std::size_t(++viewIndex % wf::kAllViews.size())]); });
    cycle.start(15000);
    QTimer drill;
    connect(&drill, &QTimer::timeout, this, [&] {
        const auto kind = kinds.at(QRandomGenerator::global()->bounded(int(kinds.size())));
        drills.inject(kind, 20, this, [](const auto &) {});
        ++now.drills;
    });
    drill.start(drillSeconds * 1000);
    QTimer restart;
    int restartIndex = 0;
    connect(&restart, &QTimer::timeout, this, [&] {
        probe->stop(); // the bench waits here for the server to be ready: not the console's stall
        switch (restartIndex++ % 3) {
        case 0: drills.restartLoki(5, this, [](const auto &) {}); break;
        case 1: stack.killAlertmanager(); QVERIFY(stack.restartAlertmanager()); break;
        case 2: QVERIFY(stack.restartPrometheus()); break;
        }
        ++now.restarts;
        probe->start();
    });
    restart.start(restartMinutes * 60 * 1000);

    QElapsedTimer clock;
    clock.start();
    const qint64 endMs = qint64(minutes) * 60 * 1000;
    qint64 nextReport = qint64(reportMinutes) * 60 * 1000;
    while (clock.elapsed() < endMs) {
        QTest::qWait(int(std::min<qint64>(1000, endMs - clock.elapsed())));
        if (clock.elapsed() >= nextReport && clock.elapsed() < endMs) {
            take(clock.elapsed() / 60000.0);
            nextReport += qint64(reportMinutes) * 60 * 1000;
        }
    }
    take(clock.elapsed() / 60000.0);

    // Growth after the first report at or past an hour (or the first report, in a shorter run).
    const auto base = std::find_if(reports.cbegin(), reports.cend(), [](const Report &r) { return r.minutes >= 60; });
    const auto &from = base != reports.cend() && base != reports.cend() - 1 ? *base : reports.at(std::min<qsizetype>(1, reports.size() - 1));
    const auto &last = reports.last();
    double worst = 0;
    for (const auto &r : reports)
        worst = std::max(worst, r.stallMax);
    std::printf("memory %+.1f %% from %.0f min to the end (target < 5 %% after the first hour); fds %d → %d, threads %d → %d; "
                "longest UI stall %.0f ms (target ≤ 100 ms); %d drills, %d restarts\n",
                100.0 * double(last.residentKiB - from.residentKiB) / double(from.residentKiB), from.minutes, reports.first().descriptors,
                last.descriptors, reports.first().threads, last.threads, worst, last.drills, last.restarts);
    std::fflush(stdout);
    if (qEnvironmentVariableIntValue("WATCHFLOOR_SOAK_EXIT_AT_END") == 1) {
        stack.stopSimulator(); // its children too: nothing outlives the bench
        stack.stopPrometheus();
        stack.stopAlertmanager();
        std::_Exit(0);
    }
}

int main(int argc, char **argv)
{
    SlowEventApplication app(argc, argv);
    BenchSoak soak;
    return QTest::qExec(&soak, argc, argv);
}

#include "bench_soak.moc"
