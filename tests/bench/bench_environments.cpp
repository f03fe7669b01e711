// Opt-in (ctest --preset bench): what the Environments view costs the console. For each count in
// WATCHFLOOR_BENCH_ENVIRONMENTS (default "5,10"), that many environments — each mytrader-sim with
// its own real Prometheus and Alertmanager — are saved as profiles; the window shows the
// Environments view (health polled every second each, Prometheus and Alertmanager every 5 s) and,
// once every card has its data, the console's CPU time and resident memory are measured over
// WATCHFLOOR_BENCH_SECONDS (default 60). Targets (issue "Beyond one server"): with 5
// environments, resident memory < 150 MB and CPU < 5 % of a core. Prints figures; never asserts
// on them.

#include "environments/environmentsview.h"
#include "mainwindow.h"
#include "monitoringstack.h"
#include "procstats.h"
#include "store/settings.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage); // this process only: the stacks are children, not counted
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

class BenchEnvironments : public QObject
{
    Q_OBJECT
private slots:
    void environmentsSideBySide();
};

void BenchEnvironments::environmentsSideBySide()
{
    QList<int> counts;
    for (const auto &n : qEnvironmentVariable("WATCHFLOOR_BENCH_ENVIRONMENTS", QStringLiteral("5,10")).split(u','))
        if (n.trimmed().toInt() > 0)
            counts << n.trimmed().toInt();
    const int seconds = qEnvironmentVariableIsSet("WATCHFLOOR_BENCH_SECONDS") ? qEnvironmentVariableIntValue("WATCHFLOOR_BENCH_SECONDS") : 60;

    std::vector<std::unique_ptr<MonitoringStack>> stacks;
    std::printf("\nEnvironments view, measured over %d s once every card has its data (bench build, %s)\n", seconds,
                qPrintable(QDateTime::currentDateTimeUtc().toString(QStringLiteral("MMMM yyyy"))));
    for (const int count : counts) {
        while (int(stacks.size()) < count) {
            auto stack = std::make_unique<MonitoringStack>();
            QVERIFY2(stack->startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(stack->errorString()));
            stacks.push_back(std::move(stack));
        }
        QTemporaryDir dir;
        wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
        for (int i = 0; i < count; ++i)
            QVERIFY(settings.saveProfile(stacks[std::size_t(i)]->profile(QStringLiteral("env-%1").arg(i + 1))));
        settings.setCurrentProfile(QStringLiteral("env-1"));
        const long before = residentKiB();
        wf::MainWindow window(settings);
        window.resize(1600, 1000);
        window.setProfile(*settings.profile(QStringLiteral("env-1")));
        window.show();
        QTest::qWait(5000);
        const long withWindow = residentKiB();
        window.showView(wf::ViewId::Environments);
        auto *view = static_cast<wf::EnvironmentsView *>(window.view(wf::ViewId::Environments));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(QTest::qWaitFor([&] { return view->isSettled() && view->isComplete(); }, 60000));
        const auto firstData = clock.elapsed();
        QTest::qWait(5000);
        const double cpu0 = cpuSeconds();
        clock.restart();
        QTest::qWait(seconds * 1000);
        const double cpu = (cpuSeconds() - cpu0) / (double(clock.elapsed()) / 1000.0);
        const long after = residentKiB();
        std::printf("%3d environments: every card with data %5.1f s after shown; console CPU %4.1f %% of a core; "
                    "resident %6.1f MB (%6.1f MB with the window on Operations, %6.1f MB before it)\n",
                    count, firstData / 1000.0, 100.0 * cpu, after / 1024.0, withWindow / 1024.0, before / 1024.0);
        std::fflush(stdout);
    }
}

QTEST_MAIN(BenchEnvironments)
#include "bench_environments.moc"
