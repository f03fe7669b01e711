#include "domain/querytext.h"

#include <QTest>

class TestQueryText : public QObject
{
    Q_OBJECT
private slots:
    void quoting_data();
    void quoting();
    void regexLiterals();
    void labelNames();
    void matchers();
    void streamMatchers_data();
    void streamMatchers();
    void csvFields();
};

void TestQueryText::quoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << "AAPL" << R"("AAPL")";
    QTest::newRow("quote") << R"(say "hi")" << R"("say \"hi\"")";
    QTest::newRow("backslash") << R"(C:\temp)" << R"("C:\\temp")";
    QTest::newRow("newline tab") << "a\nb\tc" << R"("a\nb\tc")";
    QTest::newRow("control") << QString(QChar(0x01)) << R"("\x01")";
    QTest::newRow("utf8") << "Grüße €" << R"("Grüße €")";
    QTest::newRow("injection") << R"(x"} or vector(1) #)" << R"("x\"} or vector(1) #")";
}

void TestQueryText::quoting()
{
    QFETCH(QString, value);
    QFETCH(QString, quoted);
    QCOMPARE(wf::quoteString(value), quoted);
}

void TestQueryText::regexLiterals()
{
    QCOMPARE(wf::escapeRegex(QStringLiteral("BRK.B")), QStringLiteral(R"(BRK\.B)"));
    QCOMPARE(wf::escapeRegex(QStringLiteral("a+b*(c)|[d]{e}^$?\\")),
             QStringLiteral(R"(a\+b\*\(c\)\|\[d\]\{e\}\^\$\?\\)"));
    // apis.md §4: a literal dot in a regex matcher becomes \\. in the query text.
    QCOMPARE(wf::labelMatcher(QStringLiteral("symbol"), QStringLiteral("=~"), wf::escapeRegex(QStringLiteral("BRK.B"))),
             QStringLiteral(R"(symbol=~"BRK\\.B")"));
}

void TestQueryText::labelNames()
{
    QVERIFY(wf::isValidLabelName(QStringLiteral("symbol")));
    QVERIFY(wf::isValidLabelName(QStringLiteral("_private9")));
    QVERIFY(!wf::isValidLabelName(QStringLiteral("9lives")));
    QVERIFY(!wf::isValidLabelName(QStringLiteral("a-b")));
    QVERIFY(!wf::isValidLabelName(QStringLiteral("a\"} or up{b")));
    QVERIFY(!wf::isValidLabelName(QString()));
}

void TestQueryText::matchers()
{
    QCOMPARE(wf::labelMatcher(QStringLiteral("app"), QStringLiteral("="), QStringLiteral("mytrader-api")),
             QStringLiteral(R"(app="mytrader-api")"));
    QCOMPARE(wf::labelMatcher(QStringLiteral("level"), QStringLiteral("!~"), QStringLiteral("Debug|Verbose")),
             QStringLiteral(R"(level!~"Debug|Verbose")"));
    QVERIFY(wf::labelMatcher(QStringLiteral("bad name"), QStringLiteral("="), QStringLiteral("x")).isEmpty());
    QVERIFY(wf::labelMatcher(QStringLiteral("app"), QStringLiteral("=="), QStringLiteral("x")).isEmpty());
}

void TestQueryText::streamMatchers_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("result");
    QTest::newRow("add") << R"({app="mytrader-api"})" << "level" << "Error" << R"({app="mytrader-api", level="Error"})";
    QTest::newRow("replace") << R"({app="mytrader-api", level="Error"} |= "AAPL")" << "level" << "Warning"
                             << R"({app="mytrader-api", level="Warning"} |= "AAPL")";
    QTest::newRow("replace a regex matcher") << R"({level=~"E.*"})" << "level" << "Error" << R"({level="Error"})";
    QTest::newRow("remove") << R"({app="a", level="Error"})" << "level" << "" << R"({app="a"})";
    QTest::newRow("comma and brace inside quotes") << R"({msg="a,b}", app="x"})" << "app" << "y" << R"({msg="a,b}", app="y"})";
    QTest::newRow("no selector") << R"(|= "x")" << "app" << "mytrader-api" << R"({app="mytrader-api"} |= "x")";
    QTest::newRow("empty") << "" << "app" << "a" << R"({app="a"})";
    QTest::newRow("value escaped") << "{}" << "source_context" << R"(A"B\C)" << R"({source_context="A\"B\\C"})";
    QTest::newRow("bad label name") << "{}" << "not-a-label" << "x" << "{}";
}

void TestQueryText::streamMatchers()
{
    QFETCH(QString, query);
    QFETCH(QString, label);
    QFETCH(QString, value);
    QFETCH(QString, result);
    QCOMPARE(wf::withStreamMatcher(query, label, value), result);
}

void TestQueryText::csvFields()
{
    QCOMPARE(wf::csvField(QStringLiteral("plain text")), QStringLiteral("plain text"));
    QCOMPARE(wf::csvField(QStringLiteral("trade, \"x\"")), QStringLiteral("\"trade, \"\"x\"\"\""));
    QCOMPARE(wf::csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    QCOMPARE(wf::csvField(QStringLiteral("cr\r")), QStringLiteral("\"cr\r\""));
    QCOMPARE(wf::csvField(QString()), QString());
}

QTEST_GUILESS_MAIN(TestQueryText)
#include "tst_querytext.moc"
