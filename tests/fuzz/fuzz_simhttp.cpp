// The simulator's one HTTP port (sim/httpapi.cpp, sim/lokiapi.cpp) as any client on the machine
// may speak to it: /metrics, the health endpoint, the drill API and the read side of Loki's API,
// over a real loopback connection to the real QHttpServer. Each input is one request: its first
// byte picks the method and the route, then come the query string and, after a NUL, the body.
// Every request gets an answer (a status line), none crashes or hangs the server. The Loki restart
// drill is left out: it would make every later request a 503.
#include "fuzzsupport.h"
#include "httpapi.h"
#include "lokiapi.h"
#include "simlog.h"
#include "simservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

struct Sim
{
    std::unique_ptr<sim::SimLog> log;
    std::unique_ptr<sim::SimService> service;
    std::unique_ptr<sim::HttpApi> api;
    std::unique_ptr<sim::LokiApi> loki;
    quint16 port = 0;
};

Sim *theSim = nullptr;

const char *const kRoutes[] = {
    "/metrics", "/api/health/alpaca", "/control/faults", "/ready", "/loki/api/v1/query_range", "/loki/api/v1/query",
    "/loki/api/v1/labels", "/loki/api/v1/label/level/values", "/loki/api/v1/series", "/loki/api/v1/tail",
    "/loki/api/v1/label/", "/nowhere", "/loki/api/v1/push",
};
const char *const kMethods[] = {"GET", "POST", "DELETE", "PUT"};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quiet();
    static int argc = 1;
    static char name[] = "fuzz_simhttp";
    static char *argv[] = {name, nullptr};
    new QCoreApplication(argc, argv);
    theSim = new Sim;
    theSim->log = std::make_unique<sim::SimLog>(QStringLiteral("fuzz"), 5000, QString(), false);
    sim::SimOptions options;
    options.symbols = 5;
    options.seed = 7;
    theSim->service = std::make_unique<sim::SimService>(options, theSim->log.get());
    auto now = QDateTime::currentDateTimeUtc().addSecs(-60);
    for (int i = 0; i < 200; ++i) // a minute of the service's life: metrics and log lines to ask for
        theSim->service->advance(0.3, now = now.addMSecs(300));
    theSim->api = std::make_unique<sim::HttpApi>(theSim->service.get());
    theSim->loki = std::make_unique<sim::LokiApi>(theSim->log.get(), theSim->api->server());
    theSim->port = theSim->api->listen(QHostAddress::LocalHost, 0);
    if (theSim->port == 0) {
        std::fprintf(stderr, "fuzz_simhttp: cannot listen on loopback\n");
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const auto pick = data[0];
    const auto rest = fuzz::bytes(data + 1, size - 1);
    const auto nul = rest.indexOf('\0');
    const auto query = nul < 0 ? rest : rest.left(nul);
    const auto body = nul < 0 ? QByteArray() : rest.mid(nul + 1);
    const char *method = kMethods[(pick >> 4) % std::size(kMethods)];
    const char *route = kRoutes[(pick & 0x0f) % std::size(kRoutes)];

    // The query as a client would send it: its bytes percent-encoded but for = and &.
    QByteArray request = QByteArray(method) + ' ' + route;
    if (!query.isEmpty())
        request += '?' + QUrl::toPercentEncoding(QString::fromLatin1(query), "=&");
    request += " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: "
               + QByteArray::number(body.size()) + "\r\n\r\n" + body;

    QTcpSocket socket;
    QByteArray answer;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(request); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        answer += socket.readAll();
        // Done once the headers and the Content-Length's body are in.
        const auto end = answer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const auto headers = answer.left(end).toLower();
        const auto at = headers.indexOf("content-length:");
        if (at >= 0) {
            const auto line = headers.mid(at + 15, headers.indexOf('\r', at) - at - 15).trimmed();
            if (answer.size() - end - 4 >= line.toLongLong())
                loop.quit();
        }
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    socket.connectToHost(QHostAddress::LocalHost, theSim->port);
    loop.exec();
    answer += socket.readAll();
    if (!answer.startsWith("HTTP/1.1 ")) {
        std::fprintf(stderr, "fuzz_simhttp: no answer after %lld ms to %s\n", clock.elapsed(), request.left(300).constData());
        std::abort();
    }
    socket.abort();
    return 0;
}
