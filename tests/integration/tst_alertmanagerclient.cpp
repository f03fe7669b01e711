// AlertmanagerClient against the real Debian Alertmanager on a free loopback port.

#include "alerts/fingerprint.h"
#include "monitoringstack.h"
#include "sources/alertmanager/alertmanagerclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

#include <optional>

class TestAlertmanagerClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void alertsWithFilters();
    void groups();
    void silenceLifecycle();
    void replacingASilence();
    void unknownSilenceIs404();
    void invalidSilenceShowsServerMessage();
    void status();

private:
    template <typename T, typename F>
    wf::Result<T> wait(F &&start);
    void postAlert(const QJsonObject &labels);
    wf::Silence silenceFor(const QString &alertname, int minutes) const;

    MonitoringStack m_stack;
    QNetworkAccessManager m_network;
    wf::HttpClient *m_http = nullptr;
    wf::AlertmanagerClient *m_client = nullptr;
};

template <typename T, typename F>
wf::Result<T> TestAlertmanagerClient::wait(F &&start)
{
    std::optional<wf::Result<T>> out;
    start([&out](const wf::Result<T> &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 15000)) {
        wf::Error e;
        e.message = QStringLiteral("the client never called back");
        return e;
    }
    return *out;
}

void TestAlertmanagerClient::postAlert(const QJsonObject &labels)
{
    const QJsonArray body{QJsonObject{
        {QStringLiteral("labels"), labels},
        {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("summary"), QStringLiteral("test alert")}}}}};
    wf::HttpRequest r;
    r.method = wf::HttpRequest::Method::Post;
    r.path = QStringLiteral("/api/v2/alerts");
    r.body = QJsonDocument(body).toJson();
    r.contentType = "application/json";
    const auto posted = wait<wf::HttpResponse>([&](auto cb) { m_http->send(r, this, cb); });
    QVERIFY2(posted.ok(), qPrintable(posted.ok() ? QString() : posted.error().message));
}

wf::Silence TestAlertmanagerClient::silenceFor(const QString &alertname, int minutes) const
{
    wf::Silence s;
    s.matchers = {{QStringLiteral("alertname"), alertname, false, true}};
    s.startsAt = QDateTime::currentDateTimeUtc();
    s.endsAt = s.startsAt.addSecs(minutes * 60);
    s.createdBy = QStringLiteral("jane");
    s.comment = QStringLiteral("ACK: investigating");
    return s;
}

void TestAlertmanagerClient::initTestCase()
{
    QVERIFY2(m_stack.start(), qPrintable(m_stack.errorString()));
    auto profile = wf::demoProfile();
    profile.endpoint(wf::Endpoint::Alertmanager).url = m_stack.alertmanagerUrl();
    m_http = new wf::HttpClient(&m_network, wf::Endpoint::Alertmanager, this);
    m_http->setProfile(profile);
    m_client = new wf::AlertmanagerClient(m_http, this);
    postAlert({{QStringLiteral("alertname"), QStringLiteral("AlpacaDisconnected")},
               {QStringLiteral("severity"), QStringLiteral("critical")}});
    postAlert({{QStringLiteral("alertname"), QStringLiteral("HighLatency")},
               {QStringLiteral("severity"), QStringLiteral("warning")},
               {QStringLiteral("symbol"), QStringLiteral("AAPL")}});
}

void TestAlertmanagerClient::alertsWithFilters()
{
    const auto all = wait<QList<wf::AmAlert>>([this](auto cb) { m_client->alerts({}, this, cb); });
    QVERIFY(all.ok());
    QCOMPARE(all.value().size(), 2);

    wf::AlertFilter filter;
    filter.matchers = {QStringLiteral("severity=~\"crit.*\"")};
    const auto critical = wait<QList<wf::AmAlert>>([&](auto cb) { m_client->alerts(filter, this, cb); });
    QVERIFY(critical.ok());
    QCOMPARE(critical.value().size(), 1);
    QCOMPARE(critical.value().first().labels.value(QStringLiteral("alertname")), QStringLiteral("AlpacaDisconnected"));
    QVERIFY(!critical.value().first().fingerprint.isEmpty());
    // Ours, computed from the labels, is Alertmanager's (the alert history and the report match by it).
    for (const auto &alert : all.value())
        QCOMPARE(wf::alertFingerprint(alert.labels), alert.fingerprint);
}

void TestAlertmanagerClient::groups()
{
    const auto groups = wait<QList<wf::AmAlertGroup>>([this](auto cb) { m_client->alertGroups({}, this, cb); });
    QVERIFY(groups.ok());
    int alerts = 0;
    for (const auto &g : groups.value())
        alerts += int(g.alerts.size());
    QCOMPARE(alerts, 2);
    QCOMPARE(groups.value().first().receiver, QStringLiteral("null"));
}

void TestAlertmanagerClient::silenceLifecycle()
{
    const auto id = wait<QString>([this](auto cb) { m_client->createSilence(silenceFor(QStringLiteral("HighLatency"), 60), this, cb); });
    QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));

    const auto listed = wait<QList<wf::Silence>>([this](auto cb) {
        m_client->silences({QStringLiteral("alertname=\"HighLatency\"")}, this, cb);
    });
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().size(), 1);
    QCOMPARE(listed.value().first().id, id.value());
    QCOMPARE(listed.value().first().state, QStringLiteral("active"));
    QCOMPARE(listed.value().first().createdBy, QStringLiteral("jane"));

    // The silenced alert shows as suppressed, naming the silence.
    QTRY_VERIFY_WITH_TIMEOUT(([this, &id] {
                                 wf::AlertFilter f;
                                 f.matchers = {QStringLiteral("alertname=\"HighLatency\"")};
                                 const auto a = wait<QList<wf::AmAlert>>([&](auto cb) { m_client->alerts(f, this, cb); });
                                 return a.ok() && !a.value().isEmpty() && a.value().first().state == u"suppressed"
                                     && a.value().first().silencedBy.contains(id.value());
                             }()),
                             10000);

    const auto expired = wait<wf::Done>([&](auto cb) { m_client->expireSilence(id.value(), this, cb); });
    QVERIFY(expired.ok());
    const auto after = wait<wf::Silence>([&](auto cb) { m_client->silence(id.value(), this, cb); });
    QVERIFY(after.ok());
    QCOMPARE(after.value().state, QStringLiteral("expired"));
}

void TestAlertmanagerClient::replacingASilence()
{
    const auto first = wait<QString>([this](auto cb) { m_client->createSilence(silenceFor(QStringLiteral("AlpacaDisconnected"), 15), this, cb); });
    QVERIFY(first.ok());
    auto edited = silenceFor(QStringLiteral("AlpacaDisconnected"), 120);
    edited.id = first.value();
    edited.comment = QStringLiteral("ACK: longer");
    const auto second = wait<QString>([&](auto cb) { m_client->createSilence(edited, this, cb); });
    QVERIFY(second.ok());
    const auto now = wait<wf::Silence>([&](auto cb) { m_client->silence(second.value(), this, cb); });
    QVERIFY(now.ok());
    QCOMPARE(now.value().comment, QStringLiteral("ACK: longer"));
    QCOMPARE(now.value().state, QStringLiteral("active"));
    const auto active = wait<QList<wf::Silence>>([this](auto cb) {
        m_client->silences({QStringLiteral("alertname=\"AlpacaDisconnected\"")}, this, cb);
    });
    int activeCount = 0;
    for (const auto &s : active.value())
        activeCount += s.state == u"active";
    QCOMPARE(activeCount, 1); // replaced, not duplicated
}

void TestAlertmanagerClient::unknownSilenceIs404()
{
    const auto r = wait<wf::Silence>([this](auto cb) {
        m_client->silence(QStringLiteral("00000000-0000-0000-0000-000000000000"), this, cb);
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, wf::Error::Kind::HttpStatus);
    QCOMPARE(r.error().httpStatus, 404);
}

void TestAlertmanagerClient::invalidSilenceShowsServerMessage()
{
    auto s = silenceFor(QStringLiteral("X"), 10);
    s.endsAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    s.startsAt = s.endsAt.addSecs(-60);
    const auto r = wait<QString>([&](auto cb) { m_client->createSilence(s, this, cb); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, wf::Error::Kind::Api);
    QCOMPARE(r.error().httpStatus, 400);
    QVERIFY2(r.error().apiError.contains(QStringLiteral("in the past")), qPrintable(r.error().apiError));

    s = silenceFor(QStringLiteral("X"), 10);
    s.matchers.clear();
    const auto none = wait<QString>([&](auto cb) { m_client->createSilence(s, this, cb); });
    QVERIFY(!none.ok());
    QCOMPARE(none.error().kind, wf::Error::Kind::Api);
    QVERIFY(none.error().message.contains(QStringLiteral("matchers")));
}

void TestAlertmanagerClient::status()
{
    const auto s = wait<wf::AmStatus>([this](auto cb) { m_client->status(this, cb); });
    QVERIFY(s.ok());
    QVERIFY(s.value().version.startsWith(QStringLiteral("0.")));
    QCOMPARE(s.value().clusterStatus, QStringLiteral("disabled"));
}

QTEST_GUILESS_MAIN(TestAlertmanagerClient)
#include "tst_alertmanagerclient.moc"
