// The Logs filter's first pass: the literal every match needs, and that a line it turns away
// never matches the regular expression (caseless folding, non-ASCII, every place in a line).
#include "domain/textprefilter.h"

#include <QRegularExpression>
#include <QTest>

using namespace wf;

class TestTextPrefilter : public QObject
{
    Q_OBJECT
private slots:
    void requiredLiteral_data();
    void requiredLiteral();
    void neverTurnsAwayAMatch_data();
    void neverTurnsAwayAMatch();
    void turnsAwayLinesWithoutTheText();
};

void TestTextPrefilter::requiredLiteral_data()
{
    QTest::addColumn<QString>("regex");
    QTest::addColumn<QString>("literal");
    QTest::newRow("leading text") << R"(NVDA: bid 1[0-4]\d\.\d[02468])" << "NVDA: bid 1";
    QTest::newRow("escaped punctuation") << R"(a\.b\-c\d)" << "a.b-c";
    QTest::newRow("anchor") << "^Failover to" << "Failover to";
    QTest::newRow("quantified last char") << "colou?r" << "colo";
    QTest::newRow("braces") << "abcd{2}" << "abc";
    QTest::newRow("alternation") << "timeout|refused" << "";
    QTest::newRow("escaped bar is still refused") << R"(a\|b)" << "";
    QTest::newRow("group first") << "(?i)error" << "";
    QTest::newRow("class escape first") << R"(\d+ ms)" << "";
    QTest::newRow("dot") << "Alpaca.*lost" << "Alpaca";
}

void TestTextPrefilter::requiredLiteral()
{
    QFETCH(QString, regex);
    QFETCH(QString, literal);
    QCOMPARE(TextPrefilter::requiredLiteral(regex), literal);
}

void TestTextPrefilter::neverTurnsAwayAMatch_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<bool>("caseSensitive");
    QTest::newRow("regex caseless") << R"(nvda: bid 1[0-4])" << true << false;
    QTest::newRow("regex case") << R"(NVDA: bid 1[0-4])" << true << true;
    QTest::newRow("plain caseless") << "connection lost" << false << false;
    QTest::newRow("plain case") << "Connection lost" << false << true;
    QTest::newRow("kelvin") << "kelvin" << false << false;
    QTest::newRow("long s") << "status" << true << false;
    QTest::newRow("non-ascii text") << "Übertragung" << false << false;
    QTest::newRow("non-ascii case") << "größe" << false << true;
}

void TestTextPrefilter::neverTurnsAwayAMatch()
{
    QFETCH(QString, pattern);
    QFETCH(bool, regex);
    QFETCH(bool, caseSensitive);
    QRegularExpression re(regex ? pattern : QRegularExpression::escape(pattern),
                          caseSensitive ? QRegularExpression::NoPatternOption : QRegularExpression::CaseInsensitiveOption);
    QVERIFY(re.isValid());
    const TextPrefilter prefilter(pattern, regex, caseSensitive);
    // Lines with the text in every position around the 16-byte blocks, in other cases, with the
    // Kelvin sign and the long s that PCRE2 folds onto k and s, and lines without it.
    QStringList samples{QStringLiteral("NVDA: bid 123.40"), QStringLiteral("nvda: BID 140"), QStringLiteral("Connection lost"),
                        QStringLiteral("CONNECTION LOST"), QStringLiteral("\u212Aelvin"), QStringLiteral("KELVIN"),
                        QStringLiteral("\u017Ftatus"), QStringLiteral("STATUS"), QStringLiteral("übertragung"),
                        QStringLiteral("ÜBERTRAGUNG"), QStringLiteral("größe"), QStringLiteral("GRÖSSE"),
                        QStringLiteral("nothing here"), QString()};
    QStringList lines;
    for (const auto &sample : samples)
        for (int pad = 0; pad < 40; ++pad)
            for (const auto &tail : {QString(), QStringLiteral(" and the rest of the line")})
                lines.append(QString(pad, u'x') + sample + tail);
    int matching = 0;
    for (const auto &line : lines) {
        const bool matches = re.match(line).hasMatch();
        matching += matches ? 1 : 0;
        if (matches)
            QVERIFY2(prefilter.mayMatch(line.toUtf8()), qPrintable(line));
    }
    QVERIFY(matching > 0);
}

void TestTextPrefilter::turnsAwayLinesWithoutTheText()
{
    const TextPrefilter caseless(QStringLiteral(R"(NVDA: bid 1[0-4]\d)"), true, false);
    QVERIFY(caseless.isActive());
    QCOMPARE(caseless.literal(), QByteArray("nvda: bid 1"));
    const QByteArray line = R"({"level":"Information","message":"Quote received for AAPL: bid 123.40 ask 123.45"})";
    QVERIFY(!caseless.mayMatch(line));
    QVERIFY(caseless.mayMatch(QByteArray(line).replace("AAPL", "nVdA")));
    // Non-ASCII bytes do not make a line pass when the text has no k or s to fold.
    QVERIFY(!caseless.mayMatch(QByteArray(line).append(" \xe2\x84\xaa")));
    // With an s in the text, they do: the long s may stand for it.
    const TextPrefilter status(QStringLiteral("status"), false, false);
    QVERIFY(!status.mayMatch("no such word"));
    QVERIFY(status.mayMatch("no such word \xc3\xbc"));
    // Too short or an alternation: no prefilter, every line goes to the regex.
    QVERIFY(!TextPrefilter(QStringLiteral("ab"), false, true).isActive());
    QVERIFY(!TextPrefilter(QStringLiteral("ab|cd"), true, true).isActive());
    QVERIFY(TextPrefilter(QStringLiteral("ab|cd"), false, true).isActive()); // plain text: the bar is text
}

QTEST_GUILESS_MAIN(TestTextPrefilter)
#include "tst_textprefilter.moc"
