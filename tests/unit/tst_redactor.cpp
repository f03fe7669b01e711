#include "domain/redactor.h"

#include <QTest>

class TestRedactor : public QObject
{
    Q_OBJECT
private slots:
    void redacts_data();
    void redacts();
    void leavesAlone_data();
    void leavesAlone();
    void isIdempotent();
    void handlesUtf8Bytes();
};

void TestRedactor::redacts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    // The design document's §3.3 patterns: a keyword, a separator, 20+ word characters.
    QTest::newRow("api_key colon") << "Connecting with api_key: PKABCDEFGHIJKLMNOPQRST12"
                                   << "Connecting with api_key: [REDACTED]";
    QTest::newRow("apikey equals") << "apikey=AKIAIOSFODNN7EXAMPLEKEY" << "apikey=[REDACTED]";
    QTest::newRow("api-key quoted") << R"(config "api-key" "abcdefghijklmnopqrstuvwxyz")"
                                    << R"(config "api-key" "[REDACTED]")";
    QTest::newRow("env var key") << "ALPACA_API_KEY=PK1234567890ABCDEFGHIJ"
                                 << "ALPACA_API_KEY=[REDACTED]";
    QTest::newRow("secret") << "secret: sk_live_0123456789abcdefghijkl" << "secret: [REDACTED]";
    QTest::newRow("password long") << "password=correct-horse-battery-staple-xyz" << "password=[REDACTED]";
    QTest::newRow("token upper case") << "TOKEN: ghp_0123456789abcdefghijklmnopqrstuv" << "TOKEN: [REDACTED]";
    // The property rule: names containing key/secret/password, whatever the value's length.
    QTest::newRow("json ApiKey property") << R"({"ApiKey":"PKABCDEFGH","Symbol":"AAPL"})"
                                          << R"({"ApiKey":"[REDACTED]","Symbol":"AAPL"})";
    QTest::newRow("json password short") << R"({"user":"jane","password":"hunter2"})"
                                         << R"({"user":"jane","password":"[REDACTED]"})";
    QTest::newRow("json SecretKey spaced") << R"({"SecretKey" : "abc"})" << R"({"SecretKey" : "[REDACTED]"})";
    QTest::newRow("json privateKey") << R"({"privateKey":"x"})" << R"({"privateKey":"[REDACTED]"})";
    QTest::newRow("json numeric token") << R"({"token": 123456})" << R"({"token": "[REDACTED]"})";
    QTest::newRow("json escaped quote") << R"({"password":"a\"b","x":1})" << R"({"password":"[REDACTED]","x":1})";
    // Headers, bearer tokens, URLs.
    QTest::newRow("authorization bearer") << "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc"
                                          << "Authorization: Bearer [REDACTED]";
    QTest::newRow("authorization basic") << "authorization: Basic dXNlcjpwYXNz"
                                         << "authorization: Basic [REDACTED]";
    QTest::newRow("authorization bare") << "Authorization=abcdef123" << "Authorization=[REDACTED]";
    QTest::newRow("proxy authorization") << "Proxy-Authorization: Basic Zm9vOmJhcg=="
                                         << "Proxy-Authorization: Basic [REDACTED]";
    QTest::newRow("bearer in text") << "retrying with bearer abcdef0123456789 after 401"
                                    << "retrying with bearer [REDACTED] after 401";
    QTest::newRow("url credentials") << "GET https://admin:s3cr3t@prometheus.example:9090/api/v1/query failed"
                                     << "GET https://[REDACTED]@prometheus.example:9090/api/v1/query failed";
    QTest::newRow("url empty password") << "ws://bob:@loki:3100/tail" << "ws://[REDACTED]@loki:3100/tail";
    QTest::newRow("query password") << "connect?user=jane&password=hunter2&db=x"
                                    << "connect?user=jane&password=[REDACTED]&db=x";
    QTest::newRow("two secrets") << "api_key=AAAAAAAAAAAAAAAAAAAAAAAA token=BBBBBBBBBBBBBBBBBBBBBBBB"
                                 << "api_key=[REDACTED] token=[REDACTED]";
}

void TestRedactor::redacts()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(wf::redact(input), expected);
}

void TestRedactor::leavesAlone_data()
{
    QTest::addColumn<QString>("input");

    QTest::newRow("router transition") << "Alpaca state transition: PRIMARY_ACTIVE → FALLBACK_ACTIVE (Reason: "
                                          "Connection timeout, Duration: 35s)";
    QTest::newRow("short secret word") << "secret: short";
    QTest::newRow("monkey") << "monkey: abcdefghijklmnopqrstuvwxyz";
    QTest::newRow("tokenizer") << "tokenizer: abcdefghijklmnopqrstuvwxyz";
    QTest::newRow("token bucket") << "The token bucket refilled after 20 ms";
    QTest::newRow("password reset") << "password reset requested for user jane";
    QTest::newRow("key count") << "key count 12 for symbol AAPL";
    QTest::newRow("plain url") << "https://prometheus.example:9090/api/v1/query?query=up";
    QTest::newRow("url user only") << "ssh://git@github.example/org/repo";
    QTest::newRow("email") << "paged jane.doe@example.com";
    QTest::newRow("json other keys") << R"({"keyboard":"de","Symbol":"AAPL","monkey":"x"})";
    QTest::newRow("redacted stays") << "Authorization: Bearer [REDACTED]";
    QTest::newRow("promql") << R"(sum by (le) (rate(alpaca_message_latency_seconds_bucket{symbol=~"AAPL"}[5m])))";
}

void TestRedactor::leavesAlone()
{
    QFETCH(QString, input);
    QCOMPARE(wf::redact(input), input);
}

void TestRedactor::isIdempotent()
{
    const auto once = wf::redact(QStringLiteral("Authorization: Bearer abcdefghijklmnop api_key=%1")
                                     .arg(QString(24, u'x')));
    QCOMPARE(wf::redact(once), once);
}

void TestRedactor::handlesUtf8Bytes()
{
    const std::string line = "Grüße password=wörterbuch secret: " + std::string(24, 'z');
    QCOMPARE(QString::fromStdString(wf::redact(std::string_view(line))),
             QStringLiteral("Grüße password=[REDACTED] secret: [REDACTED]"));
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
