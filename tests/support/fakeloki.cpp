#include "fakeloki.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QWebSocket>

#include <algorithm>
#include <set>

namespace {

QString keyOf(const FakeLoki::Labels &labels)
{
    QString key;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        key += it.key() + u'=' + it.value() + u'\x1f';
    return key;
}

} // namespace

FakeLoki::FakeLoki(QObject *parent)
    : QObject(parent)
    , m_ws(QStringLiteral("fake-loki"), QWebSocketServer::NonSecureMode)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeLoki::onConnection);
    connect(&m_ws, &QWebSocketServer::newConnection, this, &FakeLoki::onTailConnection);
}

FakeLoki::~FakeLoki()
{
    for (auto &t : m_tails)
        if (t.socket)
            t.socket->abort();
}

bool FakeLoki::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

QUrl FakeLoki::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

bool FakeLoki::Selector::matches(const Line &line) const
{
    for (auto it = equals.begin(); it != equals.end(); ++it)
        if (line.labels.value(it.key()) != it.value())
            return false;
    return std::all_of(contains.begin(), contains.end(), [&](const QString &s) { return line.text.contains(s); });
}

std::optional<FakeLoki::Selector> FakeLoki::parseQuery(const QString &logql, QString *error)
{
    // {name="value", …} (|= "text")*  — the subset this fixture needs; the rest is refused.
    static const QRegularExpression whole(
        QStringLiteral(R"re(^\s*\{((?:\s*[a-zA-Z_][a-zA-Z0-9_]*\s*=\s*"(?:[^"\\]|\\.)*"\s*,?)+)\}((?:\s*\|=\s*"(?:[^"\\]|\\.)*")*)\s*$)re"));
    static const QRegularExpression matcher(QStringLiteral(R"re(([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)")re"));
    static const QRegularExpression filter(QStringLiteral(R"re(\|=\s*"((?:[^"\\]|\\.)*)")re"));
    const auto m = whole.match(logql);
    if (!m.hasMatch()) {
        *error = QStringLiteral("parse error at line 1, col 1: syntax error: unexpected IDENTIFIER, expecting {");
        return std::nullopt;
    }
    const auto unescape = [](QString s) { return s.replace(QStringLiteral("\\\""), QStringLiteral("\"")).replace(QStringLiteral("\\\\"), QStringLiteral("\\")); };
    Selector selector;
    for (auto it = matcher.globalMatch(m.captured(1)); it.hasNext();) {
        const auto mm = it.next();
        selector.equals.insert(mm.captured(1), unescape(mm.captured(2)));
    }
    for (auto it = filter.globalMatch(m.captured(2)); it.hasNext();)
        selector.contains << unescape(it.next().captured(1));
    return selector;
}

QByteArray FakeLoki::streamsJson(const std::vector<Line> &lines)
{
    // One stream per label set, its values in the order given.
    QList<Labels> order;
    QHash<QString, QJsonArray> values;
    for (const auto &l : lines) {
        const auto key = keyOf(l.labels);
        if (!values.contains(key))
            order << l.labels;
        values[key].append(QJsonArray{QString::number(l.ns), l.text});
    }
    QJsonArray streams;
    for (const auto &labels : order) {
        QJsonObject stream;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            stream.insert(it.key(), it.value());
        streams.append(QJsonObject{{QStringLiteral("stream"), stream}, {QStringLiteral("values"), values.value(keyOf(labels))}});
    }
    return QJsonDocument(streams).toJson(QJsonDocument::Compact);
}

void FakeLoki::append(const Labels &labels, qint64 ns, const QString &text)
{
    Line line{labels, ns, text};
    m_lines.push_back(line);
    for (auto &t : m_tails) {
        if (!t.socket || !t.selector.matches(line))
            continue;
        t.socket->sendTextMessage(QStringLiteral(R"({"streams":%1})").arg(QString::fromUtf8(streamsJson({line}))));
    }
}

void FakeLoki::sendDropped(const Labels &labels, qint64 ns)
{
    QJsonObject l;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        l.insert(it.key(), it.value());
    const QJsonObject message{{QStringLiteral("streams"), QJsonArray{}},
                              {QStringLiteral("dropped_entries"),
                               QJsonArray{QJsonObject{{QStringLiteral("labels"), l},
                                                      {QStringLiteral("timestamp"), QString::number(ns)}}}}};
    for (auto &t : m_tails)
        if (t.socket)
            t.socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void FakeLoki::cutTails()
{
    for (auto &t : m_tails)
        if (t.socket)
            t.socket->abort();
    m_tails.clear();
}

int FakeLoki::tailCount() const
{
    return int(std::count_if(m_tails.begin(), m_tails.end(), [](const Tail &t) { return !t.socket.isNull(); }));
}

void FakeLoki::onConnection()
{
    while (auto *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            // Peek: an upgrade is handed to the WebSocket server with its handshake still unread.
            const auto data = socket->peek(8 * 1024 * 1024);
            const auto headEnd = data.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const auto head = data.left(headEnd);
            const auto lengthAt = head.toLower().indexOf("content-length:");
            const auto length = lengthAt < 0 ? 0 : head.mid(lengthAt + 15, head.indexOf("\r\n", lengthAt) - lengthAt - 15).trimmed().toLongLong();
            if (data.size() < headEnd + 4 + length)
                return; // the body is still coming
            disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
            m_body = data.mid(headEnd + 4, length);
            onRequest(socket, head);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeLoki::onRequest(QTcpSocket *socket, const QByteArray &head)
{
    const auto lines = head.split('\n');
    const auto requestLine = lines.value(0).trimmed().split(' ');
    QByteArray tenant;
    bool upgrade = false;
    for (const auto &l : lines.mid(1)) {
        const auto colon = l.indexOf(':');
        const auto name = l.left(colon).trimmed().toLower();
        const auto value = l.mid(colon + 1).trimmed();
        if (name == "x-scope-orgid")
            tenant = value;
        if (name == "upgrade" && value.toLower() == "websocket")
            upgrade = true;
    }
    const auto respond = [socket](const Answer &a) {
        socket->write("HTTP/1.1 " + QByteArray::number(a.status) + " X\r\nContent-Type: " + a.contentType
                      + "\r\nContent-Length: " + QByteArray::number(a.body.size()) + "\r\nConnection: close\r\n\r\n"
                      + a.body);
        socket->disconnectFromHost();
    };
    if (!m_tenant.isEmpty() && tenant != m_tenant.toUtf8()) {
        socket->readAll();
        respond({401, "no org id\n", "text/plain; charset=utf-8"});
        return;
    }
    if (upgrade) {
        socket->disconnect(this);
        disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        m_ws.handleConnection(socket);
        return;
    }
    m_httpRequests << head;
    socket->readAll();
    const QUrl target(QString::fromUtf8(requestLine.value(1)));
    if (requestLine.value(0) == "POST" && target.path() == u"/loki/api/v1/push") {
        respond(push(m_body));
        return;
    }
    respond(route(target.path(), QUrlQuery(target)));
}

// POST /loki/api/v1/push (apis.md §3): 204, or 400 when a timestamp is not a string of nanoseconds.
FakeLoki::Answer FakeLoki::push(const QByteArray &body)
{
    const auto doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {400, "loghttp.PushRequest: unexpected end of JSON input\n", "text/plain; charset=utf-8"};
    std::vector<Line> lines;
    for (const auto &s : doc.object().value(QStringLiteral("streams")).toArray()) {
        Labels labels;
        const auto stream = s.toObject().value(QStringLiteral("stream")).toObject();
        for (auto it = stream.begin(); it != stream.end(); ++it)
            labels.insert(it.key(), it.value().toString());
        for (const auto &v : s.toObject().value(QStringLiteral("values")).toArray()) {
            const auto pair = v.toArray();
            if (!pair.at(0).isString() || !pair.at(1).isString())
                return {400, "loghttp.PushRequest.Streams: ReadString: expects \" or n\n", "text/plain; charset=utf-8"};
            lines.push_back({labels, pair.at(0).toString().toLongLong(), pair.at(1).toString()});
        }
    }
    for (const auto &l : lines)
        append(l.labels, l.ns, l.text);
    ++m_pushes;
    return {204, {}, "text/plain"};
}

FakeLoki::Answer FakeLoki::route(const QString &path, const QUrlQuery &query) const
{
    const auto param = [&](const char *name) { return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded); };
    const auto success = [](const QJsonValue &data) {
        return Answer{200, QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("success")},
                                                     {QStringLiteral("data"), data}})
                               .toJson(QJsonDocument::Compact)};
    };
    const auto parseError = [](const QString &text) { return Answer{400, text.toUtf8() + '\n', "application/json"}; };
    const auto inWindow = [&](const Line &l) {
        const auto start = param("start"), end = param("end");
        return (start.isEmpty() || l.ns >= start.toLongLong()) && (end.isEmpty() || l.ns < end.toLongLong());
    };
    if (path == u"/ready")
        return {200, "ready\n", "text/plain"};
    if (path == u"/loki/api/v1/query_range") {
        QString error;
        const auto selector = parseQuery(param("query"), &error);
        if (!selector)
            return parseError(error);
        const int limit = param("limit").isEmpty() ? 100 : param("limit").toInt();
        if (limit > 5000)
            return parseError(QStringLiteral("max entries limit per query exceeded, limit > max_entries_limit (%1 > 5000)").arg(limit));
        const bool forward = param("direction") == u"forward";
        std::vector<Line> hits;
        for (const auto &l : m_lines)
            if (selector->matches(l) && inWindow(l))
                hits.push_back(l);
        std::stable_sort(hits.begin(), hits.end(), [forward](const Line &a, const Line &b) {
            return forward ? a.ns < b.ns : a.ns > b.ns;
        });
        if (int(hits.size()) > limit)
            hits.resize(std::size_t(limit));
        const auto streams = QJsonDocument::fromJson(streamsJson(hits)).array();
        return success(QJsonObject{{QStringLiteral("resultType"), QStringLiteral("streams")},
                                   {QStringLiteral("result"), streams},
                                   {QStringLiteral("stats"), QJsonObject{}}});
    }
    if (path == u"/loki/api/v1/labels" || path.startsWith(u"/loki/api/v1/label/")) {
        const bool names = path == u"/loki/api/v1/labels";
        const auto name = names ? QString() : path.section(u'/', 5, 5);
        std::set<QString> out;
        for (const auto &l : m_lines) {
            if (!inWindow(l))
                continue;
            if (names)
                out.insert(l.labels.keyBegin(), l.labels.keyEnd());
            else if (l.labels.contains(name))
                out.insert(l.labels.value(name));
        }
        QJsonArray data;
        for (const auto &s : out)
            data.append(s);
        return success(data);
    }
    if (path == u"/loki/api/v1/series") {
        std::vector<Selector> selectors;
        const auto matches = query.allQueryItemValues(QStringLiteral("match[]"), QUrl::FullyDecoded)
            + query.allQueryItemValues(QStringLiteral("match%5B%5D"), QUrl::FullyDecoded);
        for (const auto &m : matches) {
            QString error;
            const auto s = parseQuery(m, &error);
            if (!s)
                return parseError(error);
            selectors.push_back(*s);
        }
        QMap<QString, Labels> out;
        for (const auto &l : m_lines)
            if (inWindow(l) && std::any_of(selectors.begin(), selectors.end(), [&](const Selector &s) { return s.matches(l); }))
                out.insert(keyOf(l.labels), l.labels);
        QJsonArray data;
        for (const auto &labels : out) {
            QJsonObject o;
            for (auto it = labels.begin(); it != labels.end(); ++it)
                o.insert(it.key(), it.value());
            data.append(o);
        }
        return success(data);
    }
    return {404, "404 page not found\n", "text/plain; charset=utf-8"};
}

void FakeLoki::onTailConnection()
{
    while (auto *socket = m_ws.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        const auto url = socket->requestUrl();
        m_tailRequests << url;
        const QUrlQuery query(url);
        QString error;
        const auto selector = parseQuery(query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded), &error);
        if (!selector) {
            // Loki opens the socket, then closes it with 1011 and the error as the reason.
            socket->close(QWebSocketProtocol::CloseCodeBadOperation, error);
            continue;
        }
        const auto startText = query.queryItemValue(QStringLiteral("start"));
        const qint64 start = startText.isEmpty() ? 0 : startText.toLongLong();
        const int limit = query.queryItemValue(QStringLiteral("limit")).isEmpty()
            ? 100
            : query.queryItemValue(QStringLiteral("limit")).toInt();
        std::vector<Line> history;
        for (const auto &l : m_lines)
            if (l.ns >= start && selector->matches(l))
                history.push_back(l);
        std::stable_sort(history.begin(), history.end(), [](const Line &a, const Line &b) { return a.ns < b.ns; });
        if (int(history.size()) > limit)
            history.erase(history.begin(), history.end() - limit); // the newest `limit`
        if (!history.empty())
            socket->sendTextMessage(QStringLiteral(R"({"streams":%1})").arg(QString::fromUtf8(streamsJson(history))));
        m_tails.push_back({socket, *selector});
    }
}
