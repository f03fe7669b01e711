#include "faultproxy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

struct FaultProxy::Connection : QObject
{
    explicit Connection(QSslSocket *socket)
        : QObject(socket)
        , client(socket)
    {}
    QSslSocket *client;
    QPointer<QTcpSocket> upstream;
    QByteArray buffer;
    bool spliced = false;
    bool answered = false;
    qint64 hugeLeft = 0;
};

class FaultProxy::Listener : public QTcpServer
{
public:
    explicit Listener(FaultProxy *proxy)
        : QTcpServer(proxy)
        , m_proxy(proxy)
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_proxy->accept(descriptor); }

private:
    FaultProxy *m_proxy;
};

namespace {

bool run(const QString &dir, const QStringList &args, QString *error)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("openssl %1: %2%3")
                     .arg(args.join(u' '), p.errorString(), QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    for (const auto &line : head.split('\n')) {
        const auto colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 422: return "Unprocessable Entity";
    case 502: return "Bad Gateway";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

// A server's WebSocket frame (not masked): FIN + text, the payload's length as RFC 6455 writes it.
QByteArray frameHeader(qint64 length)
{
    QByteArray h;
    h.append(char(0x81));
    if (length < 126) {
        h.append(char(length));
    } else if (length < 65536) {
        h.append(char(126));
        h.append(char((length >> 8) & 0xff));
        h.append(char(length & 0xff));
    } else {
        h.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            h.append(char((length >> shift) & 0xff));
    }
    return h;
}

// What a Prometheus, Alertmanager, Loki or health endpoint never sends: cut off, or whole but not
// what the API promises (an object where a list belongs, a string where the data belongs).
const QByteArray kMalformed = R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":)";
const QByteArray kWrongShape = R"({"status":"success","data":"unexpected","streams":{"unexpected":true}})";
const QByteArray kTruncatedWhole =
    R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"up","job":"mytrader"},"value":[1764547200,"1"]}]}})";

} // namespace

QList<FaultProxy::Fault> FaultProxy::allFaults()
{
    return {Fault::Refused,     Fault::Hang,          Fault::Slow,       Fault::ServerError,      Fault::Unavailable,
            Fault::RateLimited, Fault::Truncated,     Fault::MalformedJson, Fault::WrongShape,  Fault::Huge,
            Fault::WrongCertificate, Fault::RedirectLoop, Fault::Unauthorized, Fault::Forbidden};
}

QString FaultProxy::describe(Fault fault)
{
    switch (fault) {
    case Fault::None: return QStringLiteral("none");
    case Fault::Refused: return QStringLiteral("connection refused");
    case Fault::Hang: return QStringLiteral("accepts, then hangs");
    case Fault::Slow: return QStringLiteral("answers after 10 s");
    case Fault::ServerError: return QStringLiteral("500");
    case Fault::Unavailable: return QStringLiteral("503 with a body");
    case Fault::RateLimited: return QStringLiteral("429, Retry-After: 2");
    case Fault::Truncated: return QStringLiteral("truncated body");
    case Fault::MalformedJson: return QStringLiteral("malformed JSON");
    case Fault::WrongShape: return QStringLiteral("JSON of the wrong shape");
    case Fault::Huge: return QStringLiteral("200 MB body");
    case Fault::WrongCertificate: return QStringLiteral("certificate for another name");
    case Fault::RedirectLoop: return QStringLiteral("redirect loop");
    case Fault::Unauthorized: return QStringLiteral("401");
    case Fault::Forbidden: return QStringLiteral("403");
    case Fault::LoginPage: return QStringLiteral("an HTML login page");
    case Fault::Custom: return QStringLiteral("a set answer");
    }
    return {};
}

QString FaultProxy::key(Fault fault)
{
    switch (fault) {
    case Fault::None: return QStringLiteral("none");
    case Fault::Refused: return QStringLiteral("refused");
    case Fault::Hang: return QStringLiteral("hang");
    case Fault::Slow: return QStringLiteral("slow");
    case Fault::ServerError: return QStringLiteral("500");
    case Fault::Unavailable: return QStringLiteral("503");
    case Fault::RateLimited: return QStringLiteral("429");
    case Fault::Truncated: return QStringLiteral("truncated");
    case Fault::MalformedJson: return QStringLiteral("malformed");
    case Fault::WrongShape: return QStringLiteral("shape");
    case Fault::Huge: return QStringLiteral("huge");
    case Fault::WrongCertificate: return QStringLiteral("certificate");
    case Fault::RedirectLoop: return QStringLiteral("redirect");
    case Fault::Unauthorized: return QStringLiteral("401");
    case Fault::Forbidden: return QStringLiteral("403");
    case Fault::LoginPage: return QStringLiteral("login");
    case Fault::Custom: return QStringLiteral("custom");
    }
    return {};
}

std::optional<FaultProxy::Certificates> FaultProxy::makeCertificates(const QString &dir, QString *error)
{
    const auto ec = QStringList{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    if (!run(dir, QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
                      + QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                                    QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                                    QStringLiteral("-subj"), QStringLiteral("/CN=Watchfloor fault matrix CA")},
             error))
        return std::nullopt;
    const auto issue = [&](const QString &name, const QString &altNames) {
        QFile ext(QDir(dir).filePath(name + QStringLiteral(".ext")));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("subjectAltName=" + altNames.toLatin1() + "\n");
        ext.close();
        return run(dir, QStringList{QStringLiteral("req")} + ec
                            + QStringList{QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                                          name + QStringLiteral(".csr"), QStringLiteral("-subj"), QStringLiteral("/CN=") + name},
                   error)
            && run(dir,
                   {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                    QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                    QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-out"),
                    name + QStringLiteral(".pem"), QStringLiteral("-extfile"), name + QStringLiteral(".ext")},
                   error);
    };
    if (!issue(QStringLiteral("localhost"), QStringLiteral("IP:127.0.0.1,DNS:localhost"))
        || !issue(QStringLiteral("other.example"), QStringLiteral("DNS:other.example")))
        return std::nullopt;
    const QDir d(dir);
    Certificates c;
    c.caFile = d.filePath(QStringLiteral("ca.pem"));
    c.good = QSslCertificate(readFile(d.filePath(QStringLiteral("localhost.pem"))));
    c.goodKey = QSslKey(readFile(d.filePath(QStringLiteral("localhost.key"))), QSsl::Ec);
    c.otherName = QSslCertificate(readFile(d.filePath(QStringLiteral("other.example.pem"))));
    c.otherNameKey = QSslKey(readFile(d.filePath(QStringLiteral("other.example.key"))), QSsl::Ec);
    if (c.good.isNull() || c.goodKey.isNull() || c.otherName.isNull() || c.otherNameKey.isNull()) {
        *error = QStringLiteral("the certificates openssl made could not be read");
        return std::nullopt;
    }
    return c;
}

FaultProxy::FaultProxy(quint16 upstreamPort, const Certificates &certificates, QObject *parent)
    : QObject(parent)
    , m_server(new Listener(this))
    , m_upstream(upstreamPort)
    , m_certificates(certificates)
{}

FaultProxy::~FaultProxy()
{
    dropAll();
}

bool FaultProxy::listen()
{
    if (!m_server->listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server->serverPort();
    return true;
}

void FaultProxy::setFaultFor(Fault fault, int requests)
{
    setFault(fault);
    m_faultBudget = requests;
}

void FaultProxy::setFault(Fault fault)
{
    m_faultBudget = -1;
    if (fault == m_fault)
        return;
    const auto was = m_fault;
    m_fault = fault;
    m_faultedRequests = 0;
    dropAll();
    if (fault == Fault::Refused)
        m_server->close();
    else if (was == Fault::Refused)
        listen();
}

void FaultProxy::setPaused(bool paused)
{
    m_paused = paused;
    for (const auto &c : std::as_const(m_clients)) {
        if (!c || !c->upstream)
            continue;
        // A small read buffer: the proxy stops taking bytes off the socket, so they back up into
        // the server.
        c->upstream->setReadBufferSize(paused ? 64 * 1024 : 0);
        if (!paused)
            c->client->write(c->upstream->readAll());
    }
}

int FaultProxy::openConnections() const
{
    int n = 0;
    for (const auto &c : m_clients)
        n += c && c->client->state() == QAbstractSocket::ConnectedState ? 1 : 0;
    return n;
}

void FaultProxy::dropAll()
{
    for (const auto &c : std::as_const(m_clients)) {
        if (!c)
            continue;
        if (c->upstream)
            c->upstream->abort();
        c->client->abort();
        c->client->deleteLater();
    }
    m_clients.clear();
}

void FaultProxy::accept(qintptr descriptor)
{
    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        socket->deleteLater();
        return;
    }
    auto *connection = new Connection(socket);
    m_clients.removeAll(nullptr);
    m_clients.append(connection);
    m_maxOpen = std::max(m_maxOpen, openConnections());
    const bool other = m_fault == Fault::WrongCertificate;
    socket->setLocalCertificate(other ? m_certificates.otherName : m_certificates.good);
    socket->setPrivateKey(other ? m_certificates.otherNameKey : m_certificates.goodKey);
    socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    connect(socket, &QSslSocket::readyRead, connection, [this, connection] {
        if (connection->spliced) {
            if (connection->upstream && connection->upstream->state() == QAbstractSocket::ConnectedState)
                connection->upstream->write(connection->client->readAll());
            else
                connection->buffer += connection->client->readAll();
            return;
        }
        connection->buffer += connection->client->readAll();
        onRequest(*connection);
    });
    connect(socket, &QSslSocket::encryptedBytesWritten, connection, [this, connection] {
        if (connection->hugeLeft > 0)
            streamHuge(*connection);
    });
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QSslSocket::sslErrors, socket, [](const QList<QSslError> &) {});
    socket->startServerEncryption();
}

void FaultProxy::onRequest(Connection &connection)
{
    if (connection.answered)
        return; // one request per connection once faulted: the answer closes it
    const auto end = connection.buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const auto head = connection.buffer.left(end + 4);
    const auto length = headerValue(head, "Content-Length").toLongLong();
    if (connection.buffer.size() < end + 4 + length)
        return;
    const auto requestLine = head.left(head.indexOf("\r\n"));
    const auto path = requestLine.split(' ').value(1);
    const bool upgrade = headerValue(head, "Upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
    const auto key = headerValue(head, "Sec-WebSocket-Key");
    const auto rest = connection.buffer.mid(end + 4);

    m_heads.append(head);
    ++m_requests;
    if (m_fault == Fault::None) {
        splice(connection, head, rest);
        return;
    }
    ++m_faultedRequests;
    connection.answered = true;
    const auto fault = m_fault;
    if (m_faultBudget > 0 && --m_faultBudget == 0) {
        m_fault = Fault::None; // this one still meets it; the connections open stay
        m_faultBudget = -1;
    }
    switch (fault) {
    case Fault::None:
    case Fault::Refused: // not listening: nothing arrives
    case Fault::WrongCertificate: // the client gives up in the handshake
        splice(connection, head, rest);
        break;
    case Fault::Hang:
        break; // read, never answered
    case Fault::Slow: {
        QPointer<Connection> c(&connection);
        m_maxHeld = std::max(m_maxHeld, ++m_held);
        QTimer::singleShot(m_slowMs, this, [this, c, head, rest, upgrade] {
            --m_held;
            if (!c)
                return;
            // One request per connection, so that every request waits: the server closes after it.
            auto closing = head;
            if (!upgrade)
                closing.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n");
            splice(*c, closing, rest);
        });
        break;
    }
    case Fault::ServerError:
        answer(connection, 500, R"({"status":"error","errorType":"internal","error":"fault injected: internal error"})",
               "application/json");
        break;
    case Fault::Unavailable:
        answer(connection, 503, "upstream connect error or disconnect/reset before headers. reset reason: connection failure\n",
               "text/plain");
        break;
    case Fault::RateLimited:
        answer(connection, 429, "Too many requests, retry after " + QByteArray::number(m_retryAfterSeconds) + " seconds\n",
               "text/plain", {{"Retry-After", QByteArray::number(m_retryAfterSeconds)}});
        break;
    case Fault::Unauthorized:
        answer(connection, 401, "Unauthorized\n", "text/plain", {{"WWW-Authenticate", R"(Basic realm="fault matrix")"}});
        break;
    case Fault::Forbidden:
        answer(connection, 403, "Forbidden: this token may not read here\n", "text/plain");
        break;
    case Fault::Custom:
        answer(connection, m_custom.status, m_custom.body, m_custom.contentType, m_custom.headers);
        break;
    case Fault::LoginPage:
        answer(connection, 200, "<html><body><form action=\"/oauth2/start\">Please log in</form></body></html>\n",
               "text/html; charset=utf-8");
        break;
    case Fault::RedirectLoop:
        answer(connection, 302, {}, "text/plain",
               {{"Location", QByteArrayLiteral("https://127.0.0.1:") + QByteArray::number(m_port.load()) + path}});
        break;
    case Fault::Truncated:
        if (upgrade)
            upgradeThenSend(connection, key, kTruncatedWhole.left(kTruncatedWhole.size() / 2), kTruncatedWhole.size(), true);
        else
            answer(connection, 200, kTruncatedWhole.left(kTruncatedWhole.size() / 2), "application/json", {},
                   kTruncatedWhole.size());
        break;
    case Fault::MalformedJson:
        if (upgrade)
            upgradeThenSend(connection, key, kMalformed, kMalformed.size(), false);
        else
            answer(connection, 200, kMalformed, "application/json");
        break;
    case Fault::WrongShape:
        if (upgrade)
            upgradeThenSend(connection, key, kWrongShape, kWrongShape.size(), false);
        else
            answer(connection, 200, kWrongShape, "application/json");
        break;
    case Fault::Huge:
        connection.hugeLeft = kHugeBytes;
        if (upgrade)
            upgradeThenSend(connection, key, {}, kHugeBytes, false);
        else
            answer(connection, 200, {}, "application/json", {}, kHugeBytes);
        streamHuge(connection);
        break;
    }
}

void FaultProxy::splice(Connection &connection, const QByteArray &head, const QByteArray &rest)
{
    connection.spliced = true;
    connection.buffer = head + rest;
    auto *upstream = new QTcpSocket(connection.client);
    connection.upstream = upstream;
    auto *c = &connection;
    connect(upstream, &QTcpSocket::connected, c, [c] {
        c->upstream->write(c->buffer + c->client->readAll());
        c->buffer.clear();
    });
    connect(upstream, &QTcpSocket::readyRead, c, [this, c] {
        if (!m_paused)
            c->client->write(c->upstream->readAll());
    });
    connect(upstream, &QTcpSocket::disconnected, c, [c] { c->client->disconnectFromHost(); });
    connect(upstream, &QTcpSocket::errorOccurred, c, [c](QAbstractSocket::SocketError) {
        if (c->upstream->state() != QAbstractSocket::ConnectedState)
            c->client->abort(); // the real server is down: the client sees the connection go
    });
    upstream->connectToHost(QHostAddress::LocalHost, m_upstream);
}

void FaultProxy::answer(Connection &connection, int status, const QByteArray &body, const QByteArray &contentType,
                        const QList<std::pair<QByteArray, QByteArray>> &headers, qint64 announced)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(announced >= 0 ? announced : body.size()) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "Connection: close\r\n\r\n";
    out += body;
    connection.client->write(out);
    if (connection.hugeLeft == 0)
        connection.client->disconnectFromHost(); // after what was written; cut short if less was announced
}

void FaultProxy::upgradeThenSend(Connection &connection, const QByteArray &key, const QByteArray &frame, qint64 announced,
                                 bool cut)
{
    const auto accept =
        QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1).toBase64();
    connection.client->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                             "Sec-WebSocket-Accept: "
                             + accept + "\r\n\r\n");
    connection.client->write(frameHeader(announced) + frame);
    if (cut)
        connection.client->disconnectFromHost(); // mid-frame
    // A bad but whole frame: the connection stays open, as the server would keep it.
}

void FaultProxy::streamHuge(Connection &connection)
{
    constexpr qint64 kChunk = 1024 * 1024;
    static const QByteArray chunk(kChunk, ' ');
    // Only as fast as the client reads: what waits to be encrypted and what waits to be sent.
    while (connection.hugeLeft > 0
           && connection.client->bytesToWrite() + connection.client->encryptedBytesToWrite() < 4 * kChunk) {
        const auto n = std::min(kChunk, connection.hugeLeft);
        connection.client->write(chunk.constData(), n);
        connection.hugeLeft -= n;
    }
    if (connection.hugeLeft == 0)
        connection.client->disconnectFromHost();
}
