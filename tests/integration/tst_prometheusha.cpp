// A Prometheus HA pair (a profile naming two replicas), against two real Prometheus servers: a
// request goes to the first; when it is stopped, the same request is answered by the second (no
// error reaches the view, well within one refresh); the stopped one rests and is passed over; once
// it is back and its rest is over, requests go to it again; with both down, the error says so.

#include "mainwindow.h"
#include "monitoringstack.h"
#include "net/httpclient.h"
#include "panelframe.h"
#include "store/settings.h"
#include "views/viewbase.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QNetworkAccessManager>
#include <QTest>

#include <optional>

class TestPrometheusHa : public QObject
{
    Q_OBJECT
private slots:
    void theFirstThatAnswersIsAsked();
    void aPanelAnsweredByTheOtherReplicaSaysSo();
};

namespace {

struct Answer
{
    std::optional<wf::Result<wf::HttpResponse>> result;
    qint64 ms = 0;
};

Answer ask(wf::HttpClient &http)
{
    Answer a;
    QElapsedTimer clock;
    clock.start();
    wf::HttpRequest request;
    request.path = QStringLiteral("/api/v1/query");
    request.params = {{QStringLiteral("query"), QStringLiteral("up")}};
    QObject context;
    http.send(request, &context, [&a](const wf::Result<wf::HttpResponse> &r) { a.result = r; });
    if (!QTest::qWaitFor([&] { return a.result.has_value(); }, 40000))
        a.result.reset();
    a.ms = clock.elapsed();
    return a;
}

QString servedBy(const Answer &a)
{
    return a.result && a.result->ok() ? a.result->value().servedBy.toString() : QStringLiteral("(failed)");
}

} // namespace

void TestPrometheusHa::theFirstThatAnswersIsAsked()
{
    MonitoringStack first, second;
    QVERIFY2(first.start(), qPrintable(first.errorString()));
    QVERIFY2(second.start(), qPrintable(second.errorString()));
    QNetworkAccessManager network;
    wf::HttpClient::Options options;
    options.replicaRestMs = 3000;
    wf::HttpClient http(&network, wf::Endpoint::Prometheus);
    http.setOptions(options);
    wf::Profile profile;
    profile.name = QStringLiteral("ha");
    profile.endpoint(wf::Endpoint::Prometheus).url = first.prometheusUrl();
    profile.endpoint(wf::Endpoint::Prometheus).moreUrls = {second.prometheusUrl()};
    http.setProfile(profile);
    QCOMPARE(http.replicaCount(), 2);
    const auto a = first.prometheusUrl().toString(), b = second.prometheusUrl().toString();

    QCOMPARE(servedBy(ask(http)), a);

    // The first stops: the same request is answered by the second, at once.
    first.stopPrometheus();
    const auto failedOver = ask(http);
    QCOMPARE(servedBy(failedOver), b);
    QVERIFY2(failedOver.ms < 5000, qPrintable(QString::number(failedOver.ms)));
    // Resting: the next goes straight to the second.
    const auto direct = ask(http);
    QCOMPARE(servedBy(direct), b);

    // Back, and after its rest the first is asked again.
    QVERIFY2(first.restartPrometheus(), qPrintable(first.errorString()));
    QTest::qWait(options.replicaRestMs + 200);
    QCOMPARE(servedBy(ask(http)), a);

    // Both down: the error of the last one asked.
    first.stopPrometheus();
    second.stopPrometheus();
    const auto none = ask(http);
    QVERIFY(none.result && !none.result->ok());
    QVERIFY2(none.result->error().kind == wf::Error::Kind::Network, qPrintable(none.result->error().message));
    // It names the replica that was asked last, not the first.
    QVERIFY2(none.result->error().message.contains(QString::number(second.prometheusUrl().port())),
             qPrintable(none.result->error().message));
}

// In the console: the first replica stops; the Operations panels keep answering (from the second)
// and say which replica answered in their title's tooltip.
void TestPrometheusHa::aPanelAnsweredByTheOtherReplicaSaysSo()
{
    MonitoringStack first, second;
    QVERIFY2(first.start(), qPrintable(first.errorString()));
    QVERIFY2(second.start(), qPrintable(second.errorString()));
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.resize(1280, 800);
    wf::Profile profile;
    profile.name = QStringLiteral("ha");
    profile.scrapeSeconds = 1;
    profile.endpoint(wf::Endpoint::Prometheus).url = first.prometheusUrl();
    profile.endpoint(wf::Endpoint::Prometheus).moreUrls = {second.prometheusUrl()};
    window.setProfile(profile, true);
    window.showView(wf::ViewId::Operations);
    window.show();
    auto *frame = window.view(wf::ViewId::Operations)->findChild<wf::PanelFrame *>(QStringLiteral("panel-messages"));
    QVERIFY(frame);
    const auto saysSecond = [&] { return frame->titleToolTip().contains(second.prometheusUrl().toDisplayString()); };
    QTest::qWait(3000);
    QVERIFY2(!saysSecond(), qPrintable(frame->titleToolTip()));

    first.stopPrometheus();
    window.refreshNow();
    QTRY_VERIFY2_WITH_TIMEOUT(saysSecond(), qPrintable(frame->titleToolTip()), 15000);
    QVERIFY(frame->titleToolTip().contains(QStringLiteral("Answered by the replica")));
    QVERIFY2(frame->state() != wf::PanelFrame::State::Error, qPrintable(frame->titleToolTip()));
}

QTEST_MAIN(TestPrometheusHa)
#include "tst_prometheusha.moc"
