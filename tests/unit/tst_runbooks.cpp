// The embedded runbooks: one for every alert rule, each complete and linked; the library's folder
// override and live reload; the parser's fences and slugs.
#include "runbooks/runbook.h"
#include "runbooks/runbooklibrary.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;

class TestRunbooks : public QObject
{
    Q_OBJECT
private slots:
    void everyAlertRuleHasItsRunbook();
    void procedureRunbooksExist();
    void everyRunbookHasTheSixSections_data();
    void everyRunbookHasTheSixSections();
    void linksBetweenRunbooksResolve();
    void parseFindsQueriesInFences();
    void slugFromUrl_data();
    void slugFromUrl();
    void slugFromLink_data();
    void slugFromLink();
    void folderOverridesAddsAndReloadsLive();
    void folderRefusesBadNames();
};

namespace {

struct Rule
{
    QString alert;
    QString runbookUrl;
};

// The alerting rules of the shipped rules file, in order: name and runbook_url.
QList<Rule> alertRules()
{
    QFile file(QStringLiteral(WATCHFLOOR_ALERT_RULES));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Rule> rules;
    static const QRegularExpression alert(QStringLiteral(R"(^\s*- alert:\s*(\S+))"));
    static const QRegularExpression url(QStringLiteral(R"re(^\s*runbook_url:\s*"?([^"\s]+)"?)re"));
    for (const auto &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (const auto m = alert.match(line); m.hasMatch())
            rules.append({m.captured(1), {}});
        else if (const auto u = url.match(line); u.hasMatch() && !rules.isEmpty())
            rules.last().runbookUrl = u.captured(1);
    }
    return rules;
}

bool write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

} // namespace

void TestRunbooks::everyAlertRuleHasItsRunbook()
{
    const auto rules = alertRules();
    QVERIFY2(rules.size() >= 13, qPrintable(QStringLiteral("read %1 rules").arg(rules.size())));
    RunbookLibrary library;
    QStringList missing;
    for (const auto &rule : rules) {
        const auto slug = runbooks::slugFromUrl(QUrl(rule.runbookUrl));
        if (rule.runbookUrl.isEmpty() || !library.find(slug))
            missing.append(QStringLiteral("%1 → '%2'").arg(rule.alert, rule.runbookUrl));
    }
    QCOMPARE(missing, QStringList());
}

void TestRunbooks::procedureRunbooksExist()
{
    RunbookLibrary library;
    for (const auto *slug : {"failover-procedure", "both-sources-down-incident", "escalation", "post-incident"})
        QVERIFY2(library.find(QString::fromLatin1(slug)), slug);
}

void TestRunbooks::everyRunbookHasTheSixSections_data()
{
    QTest::addColumn<QString>("slug");
    for (const auto &book : RunbookLibrary::embedded())
        QTest::newRow(qPrintable(book.slug)) << book.slug;
}

void TestRunbooks::everyRunbookHasTheSixSections()
{
    QFETCH(QString, slug);
    const auto book = RunbookLibrary().find(slug);
    QVERIFY(book);
    QCOMPARE(book->sections(), runbooks::requiredSections());
    QVERIFY2(book->title != slug, "a runbook starts with a '# Title'");
    QVERIFY2(!book->queries.isEmpty(), "a runbook has at least one runnable diagnosis query");
    // A runbook for an alert names the alert it answers.
    const auto rules = alertRules();
    for (const auto &rule : rules)
        if (runbooks::slugFromUrl(QUrl(rule.runbookUrl)) == slug)
            QVERIFY2(book->markdown.contains(rule.alert), qPrintable(rule.alert));
}

void TestRunbooks::linksBetweenRunbooksResolve()
{
    RunbookLibrary library;
    static const QRegularExpression link(QStringLiteral(R"(\]\(([^)\s]+)\))"));
    QStringList broken;
    for (const auto &book : library.runbooks()) {
        for (auto it = link.globalMatch(book.markdown); it.hasNext();) {
            const QUrl target(it.next().captured(1));
            const auto slug = runbooks::slugFromLink(target);
            if (!slug.isEmpty() && !library.find(slug))
                broken.append(book.slug + QStringLiteral(" → ") + target.toString());
        }
    }
    QCOMPARE(broken, QStringList());
}

void TestRunbooks::parseFindsQueriesInFences()
{
    const auto book = runbooks::parse(QStringLiteral("x"), QStringLiteral("# Title here\n"
                                                                           "## Diagnosis\n"
                                                                           "1. Step\n\n"
                                                                           "   ```promql\n"
                                                                           "   sum(up)\n"
                                                                           "   ```\n"
                                                                           "```bash\nrm -rf /\n```\n"
                                                                           "~~~logql\n{app=\"a\"} |= \"x\"\n~~~\n"
                                                                           "```promql\n```\n"
                                                                           "```\n## Not a section\n```\n"
                                                                           "## Mitigation\n"));
    QCOMPARE(book.title, QStringLiteral("Title here"));
    QCOMPARE(book.queries.size(), 2);
    QCOMPARE(book.queries.at(0).language, RunbookQuery::Language::PromQL);
    QCOMPARE(book.queries.at(0).text, QStringLiteral("sum(up)"));
    QCOMPARE(book.queries.at(1).language, RunbookQuery::Language::LogQL);
    QCOMPARE(book.queries.at(1).text, QStringLiteral("{app=\"a\"} |= \"x\""));
    QCOMPARE(book.queries.at(1).index, 1);
    QCOMPARE(book.sections(), (QStringList{QStringLiteral("Diagnosis"), QStringLiteral("Mitigation")}));
    QVERIFY(book.contains(QStringLiteral("TITLE sum")));
    QVERIFY(!book.contains(QStringLiteral("title absentword")));
}

void TestRunbooks::slugFromUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("slug");
    QTest::newRow("rule") << "https://runbooks.mytrader.example/alpaca/router-on-fallback" << "router-on-fallback";
    QTest::newRow("trailing slash") << "https://wiki.example/runbooks/high-latency/" << "high-latency";
    QTest::newRow("markdown file") << "https://git.example/ops/-/blob/main/runbooks/escalation.md" << "escalation";
    QTest::newRow("query and fragment") << "https://wiki.example/price-delta?x=1#diagnosis" << "price-delta";
    QTest::newRow("no path") << "https://wiki.example" << "";
}

void TestRunbooks::slugFromUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, slug);
    QCOMPARE(runbooks::slugFromUrl(QUrl(url)), slug);
}

void TestRunbooks::slugFromLink_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("slug");
    QTest::newRow("relative md") << "failover-procedure.md" << "failover-procedure";
    QTest::newRow("with anchor") << "escalation.md#who" << "escalation";
    QTest::newRow("scheme") << "runbook:post-incident" << "post-incident";
    QTest::newRow("web") << "https://status.alpaca.markets/x.md" << "";
    QTest::newRow("anchor only") << "#diagnosis" << "";
    QTest::newRow("not markdown") << "picture.png" << "";
}

void TestRunbooks::slugFromLink()
{
    QFETCH(QString, link);
    QFETCH(QString, slug);
    QCOMPARE(runbooks::slugFromLink(QUrl(link)), slug);
}

void TestRunbooks::folderOverridesAddsAndReloadsLive()
{
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath(QStringLiteral("price-delta.md")), "# Our price delta\n\n## Diagnosis\n```promql\nsum(up)\n```\n"));
    QVERIFY(write(dir.filePath(QStringLiteral("kafka-lag.md")), "# Kafka lag\n"));
    RunbookLibrary library;
    const auto embeddedCount = library.runbooks().size();
    QSignalSpy changed(&library, &RunbookLibrary::changed);
    library.setFolder(dir.path());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(library.runbooks().size(), embeddedCount + 1);
    QCOMPARE(library.find(QStringLiteral("price-delta"))->title, QStringLiteral("Our price delta"));
    QVERIFY(library.find(QStringLiteral("price-delta"))->userProvided);
    QVERIFY(library.find(QStringLiteral("kafka-lag")));

    // Saved in an editor: the new text shows without anything else happening.
    QVERIFY(write(dir.filePath(QStringLiteral("price-delta.md")), "# Price delta, revised\n"));
    QTRY_COMPARE_WITH_TIMEOUT(library.find(QStringLiteral("price-delta"))->title, QStringLiteral("Price delta, revised"), 15000);
    // Deleted: the embedded runbook is back; the added one is gone.
    QVERIFY(QFile::remove(dir.filePath(QStringLiteral("price-delta.md"))));
    QVERIFY(QFile::remove(dir.filePath(QStringLiteral("kafka-lag.md"))));
    QTRY_VERIFY_WITH_TIMEOUT(!library.find(QStringLiteral("kafka-lag")), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!library.find(QStringLiteral("price-delta"))->userProvided, 15000);
    // A new file appears.
    QVERIFY(write(dir.filePath(QStringLiteral("new-one.md")), "# Brand new\n"));
    QTRY_VERIFY_WITH_TIMEOUT(library.find(QStringLiteral("new-one")), 15000);
}

void TestRunbooks::folderRefusesBadNames()
{
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath(QStringLiteral("Bad Name.md")), "# x\n"));
    RunbookLibrary library;
    library.setFolder(dir.path());
    QCOMPARE(library.errors().size(), 1);
    QVERIFY(library.errors().constFirst().contains(QStringLiteral("Bad Name.md")));
    library.setFolder(dir.filePath(QStringLiteral("missing")));
    QCOMPARE(library.errors().size(), 1);
    QVERIFY(library.errors().constFirst().contains(QStringLiteral("does not exist")));
    QCOMPARE(library.runbooks().size(), RunbookLibrary::embedded().size());
}

QTEST_GUILESS_MAIN(TestRunbooks)
#include "tst_runbooks.moc"
