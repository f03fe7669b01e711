#include "lokitail.h"

#include "lokiclient.h"

#include "net/httpclient.h"
#include "net/requestsetup.h"
#include "telemetry/logging.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>

namespace wf {

LokiTail::LokiTail(QObject *parent)
    : QObject(parent)
    , m_retryTimer(new QTimer(this))
    , m_pingTimer(new QTimer(this))
    , m_connectTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    m_connectTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &LokiTail::connectSocket);
    connect(m_connectTimer, &QTimer::timeout, this, [this] {
        scheduleReconnect(tr("Loki did not accept the tail connection within %1 s.")
                              .arg(m_options.connectTimeoutMs / 1000));
    });
    connect(m_pingTimer, &QTimer::timeout, this, [this] {
        if (!m_socket)
            return;
        if (QDateTime::currentMSecsSinceEpoch() - m_lastPongMs > m_options.pongTimeoutMs) {
            scheduleReconnect(tr("Loki stopped answering pings for %1 s.").arg(m_options.pongTimeoutMs / 1000));
            return;
        }
        m_socket->ping();
    });
}

LokiTail::~LokiTail()
{
    dropSocket();
}

QString LokiTail::stateName(State state)
{
    switch (state) {
    case State::Idle: return tr("stopped");
    case State::Connecting: return tr("connecting");
    case State::Live: return tr("live");
    case State::Reconnecting: return tr("reconnecting");
    case State::Failed: return tr("failed");
    }
    return {};
}

void LokiTail::setProfile(const Profile &profile)
{
    stop();
    m_profile = profile;
}

QUrl LokiTail::url() const
{
    HttpRequest r;
    r.path = QStringLiteral("/loki/api/v1/tail");
    r.params = {{QStringLiteral("query"), m_query},
                {QStringLiteral("limit"), QString::number(m_options.limit)},
                {QStringLiteral("delay_for"), QString::number(std::clamp(m_options.delayForSeconds, 0, 5))}};
    if (m_lastNs > 0)
        r.params.append({QStringLiteral("start"), loki::formatNanos(m_lastNs)});
    QUrl base = m_profile.endpoint(Endpoint::Loki).url;
    base.setUserInfo({});
    auto path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    base.setPath(path + r.path);
    base.setQuery(QString::fromLatin1(HttpClient::encodeParams(r.params)), QUrl::StrictMode);
    return base;
}

void LokiTail::start(const QString &logql, qint64 startNs)
{
    stop();
    m_query = logql;
    m_lastNs = startNs;
    m_seenAtLast.clear();
    m_attempt = 0;
    m_reconnects = 0;
    setState(State::Connecting, {});
    connectSocket();
}

void LokiTail::stop()
{
    if (m_check && m_client)
        m_client->cancel(m_check);
    m_check = 0;
    m_resuming = false;
    dropSocket();
    m_retryTimer->stop();
    if (m_state != State::Idle)
        setState(State::Idle, {});
}

void LokiTail::dropSocket()
{
    m_pingTimer->stop();
    m_connectTimer->stop();
    if (!m_socket)
        return;
    auto *socket = m_socket.data();
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void LokiTail::connectSocket()
{
    dropSocket();
    const auto wsUrl = url();
    if (!wsUrl.isValid() || m_profile.endpoint(Endpoint::Loki).url.isEmpty()) {
        setState(State::Failed, tr("No Loki URL in this profile."));
        return;
    }
    QUrl httpUrl = wsUrl;
    httpUrl.setScheme(wsUrl.scheme() == u"https" ? QStringLiteral("https") : QStringLiteral("http"));
    auto request = makeRequest(httpUrl, m_profile.endpoint(Endpoint::Loki), m_profile, Endpoint::Loki, 0);
    QUrl socketUrl = wsUrl;
    socketUrl.setScheme(wsUrl.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    request.setUrl(socketUrl);

    m_socketConnected = false;
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socketError = QAbstractSocket::UnknownSocketError;
    m_socket = socket;
    // A tail message holds at most `limit` lines: a frame or message past kMaxMessageBytes closes the
    // connection before it is read (memory and the UI thread stay free; the tail reconnects).
    socket->setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
    socket->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    if (socketUrl.scheme() == u"wss")
        socket->setSslConfiguration(request.sslConfiguration());
    connect(socket, &QWebSocket::connected, this, [this] {
        m_connectTimer->stop();
        m_socketConnected = true;
        m_lastPongMs = QDateTime::currentMSecsSinceEpoch();
        m_pingTimer->start(m_options.pingIntervalMs);
        setState(State::Live, {});
    });
    connect(socket, &QWebSocket::textMessageReceived, this, &LokiTail::onTextMessage);
    connect(socket, &QWebSocket::pong, this, [this] { m_lastPongMs = QDateTime::currentMSecsSinceEpoch(); });
    connect(socket, &QWebSocket::disconnected, this, &LokiTail::onDisconnected);
    connect(socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, [this, socket](QAbstractSocket::SocketError error) {
        if (socket != m_socket)
            return;
        m_socketError = error;
        if (m_socketConnected && !m_gotMessage && m_client) {
            // Lost before Loki said a word: its close frame may have gone with the connection (a
            // TLS proxy that passes the handshake and the close on together, then closes). Ask
            // whether Loki refuses the query, as after a 1011.
            checkRejection(socket->errorString());
            return;
        }
        scheduleReconnect(m_socketConnected ? tr("The tail connection was lost: %1").arg(socket->errorString())
                                            : openError(socket));
    });
    m_connectTimer->start(m_options.connectTimeoutMs);
    logging::get("net")->debug("loki tail connect attempt={} start_ns={}", m_attempt, m_lastNs);
    socket->open(request);
}

QString LokiTail::openError(const QWebSocket *socket) const
{
    const auto where = url().adjusted(QUrl::RemoveQuery).toString();
    // Qt words a refused handshake as "…processHandshake: Unhandled http status code: 401 (…)".
    static const QRegularExpression statusCode(QStringLiteral(R"(status code: (\d{3}))"));
    const auto m = statusCode.match(socket->errorString());
    if (m.hasMatch()) {
        const int status = m.captured(1).toInt();
        if (status == 401 || status == 403)
            return tr("Loki refused the tail at %1 (HTTP %2): check the tenant and the credentials in the profile.")
                .arg(where)
                .arg(status);
        return tr("Loki answered the tail request at %1 with HTTP %2.").arg(where).arg(status);
    }
    auto reason = socket->errorString();
    if (reason.isEmpty() || reason == u"Unknown error") {
        // QWebSocket leaves some socket errors unworded.
        switch (m_socketError) {
        case QAbstractSocket::ConnectionRefusedError: reason = tr("connection refused — is Loki running, and is the port right?"); break;
        case QAbstractSocket::HostNotFoundError: reason = tr("host not found"); break;
        case QAbstractSocket::RemoteHostClosedError: reason = tr("Loki closed the connection"); break;
        case QAbstractSocket::SocketTimeoutError: reason = tr("no answer in time"); break;
        default: reason = tr("no answer"); break;
        }
    }
    return tr("Cannot open the tail at %1: %2").arg(where, reason);
}

QString LokiTail::entryKey(const Labels &labels, const QString &line)
{
    QString key;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        key += it.key() + u'\x1f' + it.value() + u'\x1e';
    return key + u'\x1d' + line;
}

void LokiTail::onTextMessage(const QString &text)
{
    if (sender() != m_socket)
        return;
    if (!m_gotMessage) {
        m_gotMessage = true;
        m_attempt = 0; // the server is talking to us: the next failure starts the backoff anew
    }
    auto message = loki::parseTailMessage(text.toUtf8());
    if (!message) {
        logging::get("net")->warn("loki tail: {}", message.error().message.toStdString());
        emit unreadable(message.error());
        return; // one unreadable message is not a reason to drop a live tail
    }
    std::vector<TailEntry> fresh;
    for (auto &stream : message->streams)
        for (auto &e : stream.entries)
            fresh.push_back({stream.labels, e.ns, std::move(e.line)});
    std::stable_sort(fresh.begin(), fresh.end(), [](const TailEntry &a, const TailEntry &b) { return a.ns < b.ns; });
    if (m_resuming && !fresh.empty()) {
        // The replay after a reconnect holds at most `limit` lines: as many means more were missed.
        m_resuming = false;
        if (int(fresh.size()) >= m_options.limit)
            emit gap(m_lastNs);
    }
    // On resume the server re-sends the lines at the start timestamp: deliver only those not seen.
    std::vector<TailEntry> out;
    out.reserve(fresh.size());
    for (auto &e : fresh) {
        if (e.ns == m_lastNs) {
            const auto key = entryKey(e.labels, e.line);
            if (m_seenAtLast.contains(key))
                continue;
            m_seenAtLast.insert(key);
        } else if (e.ns > m_lastNs) {
            m_lastNs = e.ns;
            m_seenAtLast = {entryKey(e.labels, e.line)};
        }
        // Older than the newest seen: a late line of another stream, delivered live. Keep it.
        out.push_back(std::move(e));
    }
    if (!out.empty())
        emit entries(out);
    if (!message->dropped.empty())
        emit dropped(message->dropped);
}

void LokiTail::onDisconnected()
{
    auto *socket = qobject_cast<QWebSocket *>(sender());
    if (!socket || socket != m_socket)
        return;
    if (!m_socketConnected) {
        scheduleReconnect(openError(socket));
        return;
    }
    const auto code = socket->closeCode();
    const auto reason = socket->closeReason();
    if (code == QWebSocketProtocol::CloseCodeBadOperation) {
        if (m_client) {
            checkRejection(reason);
            return;
        }
        dropSocket();
        m_retryTimer->stop();
        setState(State::Failed, reason.isEmpty() ? tr("Loki closed the tail with an internal error.")
                                                 : tr("Loki refused the tail: %1").arg(reason));
        return;
    }
    if (code == QWebSocketProtocol::CloseCodeTooMuchData) {
        // Closed by this end: Loki sent a message over the cap.
        scheduleReconnect(tr("Loki sent a tail message over %1 MB; the tail was closed and opens again.")
                              .arg(kMaxMessageBytes / (1024 * 1024)));
        return;
    }
    scheduleReconnect(reason.isEmpty() ? tr("The tail connection was closed (code %1).").arg(int(code))
                                       : tr("Loki closed the tail (code %1): %2").arg(int(code)).arg(reason));
}

void LokiTail::checkRejection(const QString &reason)
{
    // 1011 is Loki's code for its own endings (an ingester gone, a restart) as much as for a query
    // it cannot tail. Only Loki refusing the same query over HTTP says which.
    dropSocket();
    const auto why = reason.isEmpty() ? tr("Loki closed the tail with an internal error.")
                                      : tr("Loki closed the tail: %1").arg(reason);
    setState(State::Reconnecting, tr("%1 Checking the query…").arg(why));
    LokiQuery query;
    query.logql = m_query;
    query.limit = 1;
    query.endNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    query.startNs = query.endNs - 60'000'000'000LL;
    m_check = m_client->queryRange(query, this, [this, why](const Result<LokiResult> &answer) {
        m_check = 0;
        if (m_state != State::Reconnecting)
            return; // stopped or restarted meanwhile
        const auto status = answer ? 0 : answer.error().httpStatus;
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            m_retryTimer->stop();
            const auto &e = answer.error();
            setState(State::Failed, tr("Loki rejects the query: %1")
                                        .arg(e.apiError.isEmpty() ? e.message : e.apiError.trimmed()));
            return;
        }
        scheduleReconnect(why);
    });
}

int LokiTail::nextAttemptInMs() const
{
    return m_retryTimer->isActive() ? m_retryTimer->remainingTime() : -1;
}

void LokiTail::scheduleReconnect(const QString &why)
{
    if (m_state == State::Idle || m_state == State::Failed)
        return;
    dropSocket();
    if (m_retryTimer->isActive())
        return;
    const int exp = std::min(m_attempt, 16);
    const int base = int(std::min<qint64>(qint64(m_options.backoffBaseMs) << exp, m_options.maxBackoffMs));
    const int delay = base + int(QRandomGenerator::global()->bounded(base / 2 + 1));
    ++m_attempt;
    ++m_reconnects;
    m_gotMessage = false;
    m_resuming = m_lastNs > 0;
    logging::get("net")->info("loki tail reconnect in {} ms: {}", delay, why.toStdString());
    setState(State::Reconnecting, why);
    m_retryTimer->start(delay);
}

void LokiTail::setState(State state, const QString &message)
{
    if (state == m_state && message == m_message)
        return;
    m_state = state;
    m_message = message;
    emit stateChanged(state, message);
}

} // namespace wf
