// Explore's "add to dashboard": the panel lands in the user's folder, the view's other panels stay.
#include "dashboards/dashboard.h"
#include "dashboards/dashboardwriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;

class TestDashboardWriter : public QObject
{
    Q_OBJECT
private slots:
    void firstPanelCopiesTheBuiltInDashboard();
    void secondPanelJoinsTheExploreRow();
    void instantQueryBecomesATable();
    void brokenFileIsLeftAlone();
    void noFolderIsAnError();
};

namespace {

Dashboard load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    auto parsed = dashboards::parse(f.readAll());
    return parsed.ok() ? parsed.value() : Dashboard{};
}

} // namespace

void TestDashboardWriter::firstPanelCopiesTheBuiltInDashboard()
{
    QTemporaryDir dir;
    const auto written = dashboards::appendPanel(dir.path(), QStringLiteral("business"),
                                                 {QStringLiteral("Quotes/s"), QStringLiteral("sum(rate(alpaca_messages_received_total{type=\"quote\"}[5m]))"), false});
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
    QCOMPARE(written.value(), dir.filePath(QStringLiteral("business.json")));
    const auto mine = load(written.value());
    const auto builtIn = dashboards::builtIn(QStringLiteral("business")).value();
    QCOMPARE(mine.rows.size(), builtIn.rows.size() + 1);
    QCOMPARE(mine.panels().size(), builtIn.panels().size() + 1);
    const auto &row = mine.rows.constLast();
    QCOMPARE(row.title, QStringLiteral("Explore"));
    QCOMPARE(row.panels.size(), 1);
    QCOMPARE(row.panels.at(0).title, QStringLiteral("Quotes/s"));
    QCOMPARE(row.panels.at(0).type, PanelType::TimeSeries);
    QCOMPARE(row.panels.at(0).queries.at(0).expr, QStringLiteral("sum(rate(alpaca_messages_received_total{type=\"quote\"}[5m]))"));
    // The folder now replaces the view's dashboard: it loads.
    QStringList errors;
    QCOMPARE(dashboards::loadFolder(dir.path(), &errors).size(), 1);
    QCOMPARE(errors, QStringList());
}

void TestDashboardWriter::secondPanelJoinsTheExploreRow()
{
    QTemporaryDir dir;
    QVERIFY(dashboards::appendPanel(dir.path(), QStringLiteral("operations"), {QStringLiteral("a"), QStringLiteral("up"), false}).ok());
    QVERIFY(dashboards::appendPanel(dir.path(), QStringLiteral("operations"), {QString(), QStringLiteral("sum(up)"), false}).ok());
    const auto mine = load(dir.filePath(QStringLiteral("operations.json")));
    const auto &row = mine.rows.constLast();
    QCOMPARE(row.panels.size(), 2);
    QCOMPARE(row.panels.at(0).id, QStringLiteral("explore-1"));
    QCOMPARE(row.panels.at(1).id, QStringLiteral("explore-2"));
    QCOMPARE(row.panels.at(1).title, QStringLiteral("sum(up)")); // no title: the query
}

void TestDashboardWriter::instantQueryBecomesATable()
{
    QTemporaryDir dir;
    QVERIFY(dashboards::appendPanel(dir.path(), QStringLiteral("performance"), {QStringLiteral("t"), QStringLiteral("up"), true}).ok());
    const auto panel = load(dir.filePath(QStringLiteral("performance.json"))).rows.constLast().panels.at(0);
    QCOMPARE(panel.type, PanelType::Table);
    QVERIFY(panel.queries.at(0).instant);
}

void TestDashboardWriter::brokenFileIsLeftAlone()
{
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("reliability.json"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"schemaVersion\": 1, \"id\": \"reliability\", \"rows\": [ oops");
    }
    const auto written = dashboards::appendPanel(dir.path(), QStringLiteral("reliability"), {QStringLiteral("x"), QStringLiteral("up"), false});
    QVERIFY(!written.ok());
    QVERIFY(written.error().message.contains(QStringLiteral("fix it first")));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().endsWith("oops"));
}

void TestDashboardWriter::noFolderIsAnError()
{
    QVERIFY(!dashboards::appendPanel(QString(), QStringLiteral("business"), {QStringLiteral("x"), QStringLiteral("up"), false}).ok());
    QTemporaryDir dir;
    QVERIFY(!dashboards::appendPanel(dir.path(), QStringLiteral("nonsense"), {QStringLiteral("x"), QStringLiteral("up"), false}).ok());
}

QTEST_GUILESS_MAIN(TestDashboardWriter)
#include "tst_dashboardwriter.moc"
