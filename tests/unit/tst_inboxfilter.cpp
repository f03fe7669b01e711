// The inbox's filter text: Alertmanager-style matchers (with or without braces and commas, quoted
// or bare, anchored regular expressions), plain words, the toggles, and errors that say what is
// wrong instead of silently showing nothing.

#include "alerts/inboxfilter.h"

#include <QTest>

using State = wf::InboxAlert::State;

namespace {

wf::InboxAlert make(const QString &name, const QString &severity, const QString &symbol, State state = State::Firing)
{
    wf::InboxAlert a;
    a.alert.labels = {{QStringLiteral("alertname"), name}, {QStringLiteral("severity"), severity}};
    if (!symbol.isEmpty())
        a.alert.labels.insert(QStringLiteral("symbol"), symbol);
    a.alert.annotations = {{QStringLiteral("summary"), QStringLiteral("Price moved on ") + symbol}};
    a.state = state;
    return a;
}

} // namespace

class TestInboxFilter : public QObject
{
    Q_OBJECT
private slots:
    void matchers_data();
    void matchers();
    void parsedForm();
    void errors();
    void toggles();
};

void TestInboxFilter::matchers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("aaplPrice");   // PriceDeltaHigh, warning, AAPL
    QTest::addColumn<bool>("tslaBreaker"); // CircuitBreakerTriggered, critical, TSLA
    QTest::addColumn<bool>("noSymbol");    // AlpacaDisconnected, critical, no symbol label

    QTest::newRow("empty") << QString() << true << true << true;
    QTest::newRow("equality") << R"(symbol="AAPL")" << true << false << false;
    QTest::newRow("bare value") << "symbol=AAPL" << true << false << false;
    QTest::newRow("not equal keeps missing label") << R"(symbol!="AAPL")" << false << true << true;
    QTest::newRow("regex is anchored") << R"(alertname=~"Alpaca")" << false << false << false;
    QTest::newRow("regex") << R"(alertname=~"Alpaca.*")" << false << false << true;
    QTest::newRow("negative regex") << R"(alertname!~"Alpaca.*|Price.*")" << false << true << false;
    QTest::newRow("braces and commas") << R"({severity="critical", symbol=~"T.*"})" << false << true << false;
    QTest::newRow("spaces around operator") << R"(severity = "critical")" << false << true << true;
    QTest::newRow("matcher and word") << R"(severity="critical" tsla)" << false << true << false;
    QTest::newRow("word in summary, any case") << "price moved" << true << true << true;
    QTest::newRow("word nowhere") << "NVDA" << false << false << false;
    QTest::newRow("escaped quote in value") << R"(symbol="A\"B")" << false << false << false;
}

void TestInboxFilter::matchers()
{
    QFETCH(QString, text);
    const auto filter = wf::InboxFilter::parse(text);
    QVERIFY2(filter.ok(), qPrintable(filter.ok() ? QString() : filter.error().message));
    QFETCH(bool, aaplPrice);
    QFETCH(bool, tslaBreaker);
    QFETCH(bool, noSymbol);
    QCOMPARE(filter->accepts(make(QStringLiteral("PriceDeltaHigh"), QStringLiteral("warning"), QStringLiteral("AAPL"))), aaplPrice);
    QCOMPARE(filter->accepts(make(QStringLiteral("CircuitBreakerTriggered"), QStringLiteral("critical"), QStringLiteral("TSLA"))),
             tslaBreaker);
    QCOMPARE(filter->accepts(make(QStringLiteral("AlpacaDisconnected"), QStringLiteral("critical"), {})), noSymbol);
}

void TestInboxFilter::parsedForm()
{
    const auto filter = wf::InboxFilter::parse(QStringLiteral(R"({alertname=~"Alpaca.*",symbol!="A\\B"} loud)"));
    QVERIFY(filter.ok());
    QCOMPARE(filter->matchers().size(), 2);
    QCOMPARE(filter->matchers().at(0), (wf::Matcher{QStringLiteral("alertname"), QStringLiteral("Alpaca.*"), true, true}));
    QCOMPARE(filter->matchers().at(1), (wf::Matcher{QStringLiteral("symbol"), QStringLiteral("A\\B"), false, false}));
    QCOMPARE(filter->words(), QStringList{QStringLiteral("loud")});
}

void TestInboxFilter::errors()
{
    const auto open = wf::InboxFilter::parse(QStringLiteral(R"(alertname=~"Alp)"));
    QVERIFY(!open.ok());
    QCOMPARE(open.error().message, QStringLiteral("The value of alertname has no closing quote."));
    const auto bad = wf::InboxFilter::parse(QStringLiteral(R"(symbol=~"(AAPL")"));
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.startsWith(QStringLiteral("symbol: not a valid regular expression: ")), qPrintable(bad.error().message));
}

void TestInboxFilter::toggles()
{
    auto filter = wf::InboxFilter::parse({}).value();
    const auto warning = make(QStringLiteral("PriceDeltaHigh"), QStringLiteral("warning"), QStringLiteral("AAPL"));
    const auto odd = make(QStringLiteral("Odd"), QStringLiteral("page-me"), {});
    const auto silenced = make(QStringLiteral("AlpacaDisconnected"), QStringLiteral("critical"), {}, State::Silenced);
    const auto resolved = make(QStringLiteral("AlpacaDisconnected"), QStringLiteral("critical"), {}, State::Resolved);
    filter.setSeverityShown(wf::InboxFilter::Severity::Warning, false);
    QVERIFY(!filter.accepts(warning));
    QVERIFY(filter.accepts(odd));
    filter.setSeverityShown(wf::InboxFilter::Severity::Other, false);
    QVERIFY(!filter.accepts(odd));
    filter.setSeverityShown(wf::InboxFilter::Severity::Warning, true);
    QVERIFY(filter.accepts(warning));
    filter.setStateShown(State::Silenced, false);
    QVERIFY(!filter.accepts(silenced));
    QVERIFY(filter.accepts(resolved));
    filter.setStateShown(State::Resolved, false);
    QVERIFY(!filter.accepts(resolved));
}

QTEST_MAIN(TestInboxFilter)
#include "tst_inboxfilter.moc"
