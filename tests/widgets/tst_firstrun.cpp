// The first start with no profile: “Start the demo” starts the same stack as --demo (the simulator,
// the real Prometheus and Alertmanager on free ports) and live values arrive, with the Drill menu;
// the stack stops with the window. Without Prometheus and Alertmanager installed the simulator
// still runs and the console says which Debian packages to install. Quit leaves nothing.

#include "demo/demolauncher.h"
#include "drillmenu.h"
#include "firstrundialog.h"
#include "mainwindow.h"
#include "statuslight.h"
#include "store/settings.h"
#include "views/viewbase.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

class TestFirstRun : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void demoChoiceStartsTheDemo();
    void demoWithoutPrometheusSaysWhatToInstall();
    void quitLeavesNoProfile();

private:
    QByteArray m_path;
};

namespace {

// Clicks the first-start question's button whose text contains `label` once it is shown.
void answer(const QString &label)
{
    QTimer::singleShot(0, [label] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        for (auto *button : box->buttons()) {
            if (button->text().remove(u'&').contains(label))
                static_cast<QPushButton *>(button)->click();
        }
    });
}

// A value the Operations view painted from Prometheus (a number), if any.
bool paintedFromPrometheus(wf::MainWindow &window)
{
    const auto panels = window.view(wf::ViewId::Operations)->snapshot().value(QStringLiteral("panels")).toArray();
    for (const auto &panel : panels)
        for (const auto &v : panel.toObject().value(QStringLiteral("values")).toArray())
            if (v.toObject().value(QStringLiteral("source")).toString() == u"prometheus" && v.toObject().value(QStringLiteral("value")).isDouble())
                return true;
    return false;
}

bool gone(qint64 pid)
{
    return ::kill(pid_t(pid), 0) != 0;
}

} // namespace

void TestFirstRun::init()
{
    m_path = qgetenv("PATH");
}

void TestFirstRun::cleanup()
{
    qputenv("PATH", m_path);
}

void TestFirstRun::demoChoiceStartsTheDemo()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    answer(QStringLiteral("Start the demo"));
    QCOMPARE(wf::FirstRun::run(settings), wf::FirstRun::Choice::Demo);
    QVERIFY(settings.profileNames().isEmpty()); // a demo is not stored: its ports change each start

    // mytrader-sim where the package puts it, on PATH (the console's own folder is looked in first).
    qputenv("PATH", QFileInfo(QStringLiteral(MYTRADER_SIM_EXECUTABLE)).absolutePath().toUtf8() + ':' + m_path);
    QList<qint64> pids;
    {
        wf::MainWindow window(settings);
        window.resize(1280, 800);
        QVERIFY2(window.startDemo(false), qPrintable(window.demoLauncher()->errorString()));
        window.show();
        QVERIFY(window.demoLauncher()->missing().isEmpty());
        pids = window.demoLauncher()->stack()->processIds();
        QCOMPARE(pids.size(), 3);
        QVERIFY(window.drillMenu());
        QCOMPARE(window.profile().endpoint(wf::Endpoint::Prometheus).url.host(), QStringLiteral("127.0.0.1"));
        // Live: the router state from the health endpoint, values from Prometheus.
        QTRY_VERIFY_WITH_TIMEOUT(window.routerLight()->label().contains(QStringLiteral("Primary"), Qt::CaseInsensitive), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(paintedFromPrometheus(window), 30000);
        if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
            window.grab().save(grab + QStringLiteral("/first-run-demo.png"));
        // File → Start demo stack again shows the same demo, it does not start a second one.
        QVERIFY(window.startDemo(false));
        QCOMPARE(window.demoLauncher()->stack()->processIds(), pids);
    }
    // The stack stopped with the window.
    for (const auto pid : pids)
        QVERIFY2(gone(pid), qPrintable(QString::number(pid)));
}

void TestFirstRun::demoWithoutPrometheusSaysWhatToInstall()
{
    // A PATH with the simulator only: no prometheus, promtool or prometheus-alertmanager.
    QTemporaryDir bin;
    QVERIFY(QFile::link(QStringLiteral(MYTRADER_SIM_EXECUTABLE), bin.filePath(QStringLiteral("mytrader-sim"))));
    qputenv("PATH", bin.path().toUtf8());
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    QVERIFY2(window.startDemo(false), qPrintable(window.demoLauncher()->errorString()));
    window.show();
    const auto missing = window.demoLauncher()->missing();
    QVERIFY2(missing.contains(QStringLiteral("sudo apt-get install prometheus prometheus-alertmanager")), qPrintable(missing));
    QCOMPARE(window.demoLauncher()->stack()->processIds().size(), 1);
    QVERIFY(window.profile().endpoint(wf::Endpoint::Prometheus).url.isEmpty());
    QVERIFY(window.profile().endpoint(wf::Endpoint::Alertmanager).url.isEmpty());
    // What the simulator gives still works: the health endpoint, and drills.
    QVERIFY(window.drillMenu());
    QTRY_VERIFY_WITH_TIMEOUT(window.routerLight()->label().contains(QStringLiteral("Primary"), Qt::CaseInsensitive), 15000);
    // The endpoints that are not there say so, not “connection refused”.
    QTRY_VERIFY_WITH_TIMEOUT(window.statusLight(wf::Endpoint::Prometheus)->toolTip().contains(QStringLiteral("not configured"), Qt::CaseInsensitive), 10000);
}

void TestFirstRun::quitLeavesNoProfile()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    answer(QStringLiteral("Quit"));
    QCOMPARE(wf::FirstRun::run(settings), wf::FirstRun::Choice::Quit);
    QVERIFY(settings.profileNames().isEmpty());
}

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
