#include "lokiapi.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QWebSocket>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace sim {
namespace {

using Status = QHttpServerResponse::StatusCode;

constexpr qint64 kNsPerSecond = 1'000'000'000;

qint64 nowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1'000'000;
}

// As Loki's parseTimestamp reads it (apis.md §3, "Time formats"): with a '.', Unix seconds with
// decimals; an integer of up to 10 digits (sign included), Unix seconds; a longer one, Unix
// nanoseconds; else RFC 3339. Times beyond ±2^62 ns (the years 1823 and 2116) saturate there:
// no line is older or newer, and a window's span and its range before it still fit in an int64.
constexpr qint64 kMaxTimeNs = qint64(1) << 62;

std::optional<qint64> parseTime(const QString &text)
{
    constexpr auto kMax = kMaxTimeNs;
    constexpr auto kMin = -kMaxTimeNs;
    const auto saturated = [](long double ns) -> qint64 {
        if (ns >= static_cast<long double>(kMax))
            return kMax;
        if (ns <= static_cast<long double>(kMin))
            return kMin;
        return static_cast<qint64>(ns);
    };
    bool ok = false;
    if (text.contains(u'.')) {
        const auto seconds = text.toDouble(&ok);
        if (ok && std::isfinite(seconds))
            return saturated(static_cast<long double>(seconds) * kNsPerSecond);
    }
    const auto integer = text.toLongLong(&ok);
    if (ok)
        return saturated(static_cast<long double>(integer) * (text.size() <= 10 ? kNsPerSecond : 1));
    const auto time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (time.isValid())
        return saturated(static_cast<long double>(time.toMSecsSinceEpoch()) * 1'000'000);
    return std::nullopt;
}

// The query string as a Go server reads it: '+' is a space (a literal plus comes as %2B).
QUrlQuery goQuery(const QUrl &url)
{
    auto raw = url.query(QUrl::FullyEncoded);
    raw.replace(u'+', QStringLiteral("%20"));
    return QUrlQuery(raw);
}

QHttpServerResponse badRequest(const QString &text)
{
    return QHttpServerResponse("text/plain; charset=utf-8", text.toUtf8() + '\n', Status::BadRequest);
}

// What Loki's auth middleware answers a request without X-Scope-OrgID when auth is enabled.
QHttpServerResponse noOrgId()
{
    return QHttpServerResponse("text/plain; charset=utf-8", "no org id\n", Status::Unauthorized);
}

// A gzip body (Content-Encoding: gzip), as Loki's push handler takes it; nullopt when it is not gzip.
std::optional<QByteArray> gunzip(const QByteArray &in)
{
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return std::nullopt;
    QByteArray out;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    z.avail_in = uInt(in.size());
    int rc = Z_OK;
    char chunk[16384];
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef *>(chunk);
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(chunk, qsizetype(sizeof chunk - z.avail_out));
        if (out.size() > (64 << 20)) // Loki's push limit is far below
            rc = Z_MEM_ERROR;
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END)
        return std::nullopt;
    return out;
}

QHttpServerResponse success(const QJsonValue &data)
{
    return QHttpServerResponse("application/json",
                               QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("success")},
                                                         {QStringLiteral("data"), data}})
                                   .toJson(QJsonDocument::Compact));
}

QJsonObject toJson(const logql::Labels &labels)
{
    QJsonObject o;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QString keyOf(const logql::Labels &labels)
{
    QString key;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        key += it.key() + u'\x1f' + it.value() + u'\x1e';
    return key;
}

struct Hit
{
    logql::Labels labels;
    qint64 ns;
    QString line;
};

// Entries grouped into streams by their (result) labels, each stream in the order given.
QJsonArray streamsJson(const std::vector<Hit> &hits)
{
    QStringList order;
    QHash<QString, std::pair<logql::Labels, QJsonArray>> streams;
    for (const auto &h : hits) {
        const auto key = keyOf(h.labels);
        auto it = streams.find(key);
        if (it == streams.end()) {
            order << key;
            it = streams.insert(key, {h.labels, {}});
        }
        it->second.append(QJsonArray{QString::number(h.ns), h.line});
    }
    QJsonArray out;
    for (const auto &key : order) {
        const auto &[labels, values] = streams.value(key);
        out.append(QJsonObject{{QStringLiteral("stream"), toJson(labels)}, {QStringLiteral("values"), values}});
    }
    return out;
}

// start/end/since and the window's default (apis.md: end exclusive, start inclusive).
std::optional<std::pair<qint64, qint64>> window(const QUrlQuery &q, qint64 defaultSpanNs, QString *error)
{
    qint64 end = nowNs() + 1;
    qint64 start = end - defaultSpanNs;
    if (q.hasQueryItem(QStringLiteral("end"))) {
        const auto t = parseTime(q.queryItemValue(QStringLiteral("end")));
        if (!t) {
            *error = QStringLiteral("invalid end parameter: could not parse \"%1\"").arg(q.queryItemValue(QStringLiteral("end")));
            return std::nullopt;
        }
        end = *t;
        start = end - defaultSpanNs;
    }
    if (q.hasQueryItem(QStringLiteral("start"))) {
        const auto t = parseTime(q.queryItemValue(QStringLiteral("start")));
        if (!t) {
            *error = QStringLiteral("invalid start parameter: could not parse \"%1\"").arg(q.queryItemValue(QStringLiteral("start")));
            return std::nullopt;
        }
        start = *t;
    }
    if (end < start) {
        *error = QStringLiteral("the end timestamp must not be before the start time");
        return std::nullopt;
    }
    return std::pair{start, end};
}

} // namespace

LokiApi::LokiApi(SimLog *log, QHttpServer *server, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_server(server)
{
    addRoutes(server);
    connect(server, &QAbstractHttpServer::newWebSocketConnection, this, &LokiApi::onWebSocket);
    connect(log, &SimLog::appended, this, &LokiApi::onAppended);
    connect(log, &SimLog::ingested, this, &LokiApi::onAppended);
}

LokiApi::~LokiApi()
{
    for (auto &t : m_tails)
        if (t.socket)
            t.socket->abort();
}

int LokiApi::tailCount() const
{
    return int(std::count_if(m_tails.begin(), m_tails.end(), [](const Tail &t) { return !t.socket.isNull(); }));
}

QHttpServerResponse LokiApi::metricQuery(const logql::MetricQuery &query, const QUrlQuery &q, bool instant,
                                         const QString &tenant) const
{
    qint64 start = 0, end = 0, step = kNsPerSecond;
    if (instant) {
        const auto time = q.hasQueryItem(QStringLiteral("time")) ? parseTime(q.queryItemValue(QStringLiteral("time")))
                                                                 : std::optional<qint64>(nowNs());
        if (!time)
            return badRequest(QStringLiteral("invalid time parameter"));
        start = end = *time;
    } else {
        QString error;
        const auto w = window(q, 3600 * kNsPerSecond, &error);
        if (!w)
            return badRequest(error);
        std::tie(start, end) = *w;
        const auto span = static_cast<long double>(end) - static_cast<long double>(start); // up to 2^63
        if (q.hasQueryItem(QStringLiteral("step"))) {
            const auto text = q.queryItemValue(QStringLiteral("step"));
            bool number = false;
            const auto seconds = text.toDouble(&number);
            const auto duration = logql::durationNs(text);
            if (!number && !duration)
                return badRequest(QStringLiteral("invalid step parameter: could not parse \"%1\"").arg(text));
            if (number && !(std::abs(seconds * 1e9) < 9.2e18)) // Loki's words for a step past an int64
                return badRequest(QStringLiteral("invalid step parameter: cannot parse \"%1\" to a valid duration. It overflows int64").arg(text));
            step = number ? qint64(seconds * 1e9) : *duration;
        } else {
            // Loki's default: a 250th of the range in whole seconds, at least one.
            step = std::max<qint64>(qint64(span / kNsPerSecond / 250), 1) * kNsPerSecond;
        }
        if (step <= 0)
            return badRequest(QStringLiteral("zero or negative query resolution step widths are not accepted. Try a positive integer"));
        if (span / step > 11000)
            return badRequest(QStringLiteral("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)"));
    }
    // The lines in (start − range, end]: the records are in time order.
    const auto &records = m_log->records();
    const auto from = std::upper_bound(records.begin(), records.end(), logql::saturatedMinus(start, query.rangeNs),
                                       [](qint64 t, const LogRecord &r) { return t < r.ns; });
    std::vector<logql::LogLine> lines;
    for (auto it = from; it != records.end() && it->ns <= end; ++it)
        if (visible(*it, tenant))
            lines.push_back({&it->labels, it->ns, &it->line});
    const auto series = logql::evaluate(query, lines, start, end, step);
    const auto number = [](double v) { return QString::number(v, 'f', QLocale::FloatingPointShortest); };
    const auto seconds = [](qint64 ns) { return double(ns) / 1e9; };
    QJsonArray result;
    for (const auto &s : series) {
        if (instant) {
            const auto &[t, v] = s.points.back();
            result.append(QJsonObject{{QStringLiteral("metric"), toJson(s.labels)},
                                      {QStringLiteral("value"), QJsonArray{seconds(t), number(v)}}});
            continue;
        }
        QJsonArray values;
        for (const auto &[t, v] : s.points)
            values.append(QJsonArray{seconds(t), number(v)});
        result.append(QJsonObject{{QStringLiteral("metric"), toJson(s.labels)}, {QStringLiteral("values"), values}});
    }
    return success(QJsonObject{{QStringLiteral("resultType"), instant ? QStringLiteral("vector") : QStringLiteral("matrix")},
                               {QStringLiteral("result"), result},
                               {QStringLiteral("stats"), QJsonObject{{QStringLiteral("summary"),
                                                                      QJsonObject{{QStringLiteral("totalLinesProcessed"), int(lines.size())}}}}}});
}

void LokiApi::addRoutes(QHttpServer *server)
{
    using Method = QHttpServerRequest::Method;

    // Qt 6.4 upgrades a WebSocket request only when a route takes it: this one answers plain HTTP
    // with Loki's complaint and leaves upgrades alone (onWebSocket() gets those).
    server->route(QStringLiteral("/loki/api/v1/tail"), Method::Get,
                  [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                      if (!tenantOf(request)) // the auth middleware answers before the upgrade
                          responder.write("no org id\n", "text/plain; charset=utf-8",
                                          QHttpServerResponder::StatusCode::Unauthorized);
                      else if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) != 0)
                          responder.write("bad handshake: the tail endpoint needs a WebSocket upgrade\n",
                                          "text/plain; charset=utf-8", QHttpServerResponder::StatusCode::BadRequest);
                  });

    // The restart drill (not Loki's API): POST {"downSeconds": 3}.
    server->route(QStringLiteral("/control/loki/restart"), Method::Post, [this](const QHttpServerRequest &request) {
        const auto body = QJsonDocument::fromJson(request.body()).object();
        const double down = body.value(QStringLiteral("downSeconds")).toDouble(3);
        if (!(down >= 0 && down <= 600))
            return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), QStringLiteral("downSeconds must be between 0 and 600")}},
                                       QHttpServerResponder::StatusCode::BadRequest);
        const int closed = tailCount();
        restart(down);
        return QHttpServerResponse(QJsonObject{{QStringLiteral("downSeconds"), down}, {QStringLiteral("tailsClosed"), closed}},
                                   QHttpServerResponder::StatusCode::Accepted);
    });

    server->route(QStringLiteral("/ready"), Method::Get, [this] {
        return restarting() ? notReady() : QHttpServerResponse("text/plain", "ready\n");
    });

    server->route(QStringLiteral("/loki/api/v1/push"), Method::Post, [this](const QHttpServerRequest &request) {
        return restarting() ? notReady() : push(request);
    });

    const auto logQuery = [this](const QHttpServerRequest &request, bool instant) {
        const auto tenant = tenantOf(request);
        if (!tenant)
            return noOrgId();
        const auto q = goQuery(request.url());
        const auto text = q.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
        auto parsed = logql::parseQuery(text);
        if (auto *e = std::get_if<logql::ParseError>(&parsed))
            return badRequest(e->message);
        if (auto *metric = std::get_if<logql::MetricQuery>(&parsed))
            return metricQuery(*metric, q, instant, *tenant);
        const auto &query = std::get<logql::LogQuery>(parsed);
        bool ok = true;
        const int limit = q.hasQueryItem(QStringLiteral("limit")) ? q.queryItemValue(QStringLiteral("limit")).toInt(&ok) : 100;
        if (!ok || limit <= 0)
            return badRequest(QStringLiteral("invalid limit parameter: must be a positive number"));
        if (limit > kMaxEntries)
            return badRequest(QStringLiteral("max entries limit per query exceeded, limit > max_entries_limit (%1 > %2)")
                                  .arg(limit)
                                  .arg(kMaxEntries));
        const auto direction = q.queryItemValue(QStringLiteral("direction")).toLower();
        if (!direction.isEmpty() && direction != u"backward" && direction != u"forward")
            return badRequest(QStringLiteral("invalid direction parameter: \"%1\" is neither forward nor backward").arg(direction));
        const bool forward = direction == u"forward";
        qint64 start = 0, end = 0;
        if (instant) {
            // Loki 2.8 answers a log query at an instant with the lines before it (apis.md §3).
            const auto time = q.hasQueryItem(QStringLiteral("time")) ? parseTime(q.queryItemValue(QStringLiteral("time")))
                                                                     : std::optional<qint64>(nowNs());
            if (!time)
                return badRequest(QStringLiteral("invalid time parameter"));
            end = *time + 1;
            start = end - 3600 * kNsPerSecond;
        } else {
            QString error;
            auto w = window(q, 3600 * kNsPerSecond, &error);
            if (!w)
                return badRequest(error);
            std::tie(start, end) = *w;
        }
        std::vector<Hit> hits;
        const auto &records = m_log->records();
        const auto consider = [&](const LogRecord &r) {
            if (r.ns < start || r.ns >= end || !visible(r, *tenant))
                return;
            logql::Labels labels;
            if (query.evaluate(r.labels, r.line, &labels))
                hits.push_back({labels, r.ns, r.line});
        };
        if (forward) {
            for (auto it = records.begin(); it != records.end() && int(hits.size()) < limit; ++it)
                consider(*it);
        } else {
            for (auto it = records.rbegin(); it != records.rend() && int(hits.size()) < limit; ++it)
                consider(*it);
        }
        return success(QJsonObject{{QStringLiteral("resultType"), QStringLiteral("streams")},
                                   {QStringLiteral("result"), streamsJson(hits)},
                                   {QStringLiteral("stats"),
                                    QJsonObject{{QStringLiteral("summary"),
                                                 QJsonObject{{QStringLiteral("totalEntriesReturned"), int(hits.size())}}}}}});
    };
    server->route(QStringLiteral("/loki/api/v1/query_range"), Method::Get,
                  [this, logQuery](const QHttpServerRequest &request) {
                      return restarting() ? notReady() : logQuery(request, false);
                  });
    server->route(QStringLiteral("/loki/api/v1/query"), Method::Get,
                  [this, logQuery](const QHttpServerRequest &request) {
                      return restarting() ? notReady() : logQuery(request, true);
                  });

    // Label names and values in a window (default: the last 6 h), optionally of the streams a
    // selector picks.
    const auto labelsOf = [this](const QHttpServerRequest &request, const QString &name) {
        const auto tenant = tenantOf(request);
        if (!tenant)
            return noOrgId();
        const auto q = goQuery(request.url());
        QString error;
        const auto w = window(q, 6 * 3600 * kNsPerSecond, &error);
        if (!w)
            return badRequest(error);
        std::optional<logql::LogQuery> selector;
        if (q.hasQueryItem(QStringLiteral("query"))) {
            auto parsed = logql::parse(q.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded));
            if (auto *e = std::get_if<logql::ParseError>(&parsed))
                return badRequest(e->message);
            selector = std::get<logql::LogQuery>(parsed);
        }
        QSet<QString> seen;
        for (const auto &r : m_log->records()) {
            if (r.ns < w->first || r.ns >= w->second || !visible(r, *tenant) || (selector && !selector->selects(r.labels)))
                continue;
            if (name.isEmpty()) {
                for (auto it = r.labels.keyBegin(); it != r.labels.keyEnd(); ++it)
                    seen.insert(*it);
            } else if (r.labels.contains(name)) {
                seen.insert(r.labels.value(name));
            }
        }
        auto list = QStringList(seen.begin(), seen.end());
        list.sort();
        if (list.isEmpty()) // Loki leaves "data" out when nothing matches
            return QHttpServerResponse("application/json", QByteArrayLiteral("{\"status\":\"success\"}"));
        return success(QJsonArray::fromStringList(list));
    };
    server->route(QStringLiteral("/loki/api/v1/labels"), Method::Get,
                  [this, labelsOf](const QHttpServerRequest &request) {
                      return restarting() ? notReady() : labelsOf(request, {});
                  });
    server->route(QStringLiteral("/loki/api/v1/label/<arg>/values"), Method::Get,
                  [this, labelsOf](const QString &name, const QHttpServerRequest &request) {
                      return restarting() ? notReady() : labelsOf(request, name);
                  });

    server->route(QStringLiteral("/loki/api/v1/series"), Method::Get, [this](const QHttpServerRequest &request) {
        if (restarting())
            return notReady();
        const auto tenant = tenantOf(request);
        if (!tenant)
            return noOrgId();
        const auto q = goQuery(request.url());
        QString error;
        const auto w = window(q, 6 * 3600 * kNsPerSecond, &error);
        if (!w)
            return badRequest(error);
        std::vector<logql::LogQuery> selectors;
        for (const auto &m : q.allQueryItemValues(QStringLiteral("match[]"), QUrl::FullyDecoded)
                 + q.allQueryItemValues(QStringLiteral("match%5B%5D"), QUrl::FullyDecoded)) {
            auto parsed = logql::parse(m);
            if (auto *e = std::get_if<logql::ParseError>(&parsed))
                return badRequest(e->message);
            selectors.push_back(std::get<logql::LogQuery>(parsed));
        }
        if (selectors.empty())
            return badRequest(QStringLiteral("0 matchers provided, at least one is required"));
        QStringList order;
        QHash<QString, logql::Labels> sets;
        for (const auto &r : m_log->records()) {
            if (r.ns < w->first || r.ns >= w->second || !visible(r, *tenant))
                continue;
            if (std::none_of(selectors.begin(), selectors.end(), [&](const logql::LogQuery &s) { return s.selects(r.labels); }))
                continue;
            const auto key = keyOf(r.labels);
            if (!sets.contains(key)) {
                order << key;
                sets.insert(key, r.labels);
            }
        }
        QJsonArray data;
        for (const auto &key : order)
            data.append(toJson(sets.value(key)));
        return success(data);
    });
}

void LokiApi::onWebSocket()
{
    while (auto socket = m_server->nextPendingWebSocketConnection()) {
        auto *ws = socket.release();
        ws->setParent(this);
        connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
        if (restarting()) {
            // Loki is down: the connection goes before a word is said (the port is shared with the
            // service's metrics and health, so this stands for the refused connection).
            ws->abort();
            continue;
        }
        const auto url = ws->requestUrl();
        if (url.path() != u"/loki/api/v1/tail") {
            ws->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("404 page not found"));
            continue;
        }
        const auto q = goQuery(url);
        auto parsed = logql::parse(q.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded));
        if (auto *e = std::get_if<logql::ParseError>(&parsed)) {
            // Loki accepts the handshake, then closes with 1011 and the error (apis.md §3).
            ws->close(QWebSocketProtocol::CloseCodeBadOperation, e->message);
            continue;
        }
        const auto query = std::get<logql::LogQuery>(parsed);
        const auto tenant = QString::fromUtf8(ws->request().rawHeader("X-Scope-OrgID"));
        if (m_multiTenant && tenant.isEmpty()) { // the handshake route refuses these: a last guard
            ws->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("no org id"));
            continue;
        }
        const auto startText = q.queryItemValue(QStringLiteral("start"));
        const qint64 start = startText.isEmpty() ? nowNs() - 3600 * kNsPerSecond : parseTime(startText).value_or(0);
        const int limit = q.hasQueryItem(QStringLiteral("limit")) ? std::clamp(q.queryItemValue(QStringLiteral("limit")).toInt(), 1, kMaxEntries) : 100;
        // History first: the newest `limit` lines from start, oldest first.
        std::vector<Hit> history;
        const auto &records = m_log->records();
        for (auto it = records.rbegin(); it != records.rend() && int(history.size()) < limit; ++it) {
            if (it->ns < start)
                break;
            if (!visible(*it, tenant))
                continue;
            logql::Labels labels;
            if (query.evaluate(it->labels, it->line, &labels))
                history.push_back({labels, it->ns, it->line});
        }
        std::reverse(history.begin(), history.end());
        if (!history.empty())
            ws->sendTextMessage(QString::fromUtf8(
                QJsonDocument(QJsonObject{{QStringLiteral("streams"), streamsJson(history)}}).toJson(QJsonDocument::Compact)));
        m_tails.push_back({ws, query, tenant, {}});
    }
}

void LokiApi::restart(double downSeconds)
{
    // As Loki's tail handler ends every tail when its ingesters go away: 1011 and the error text.
    for (auto &t : m_tails)
        if (t.socket)
            t.socket->close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("all ingesters closed the connection"));
    m_tails.clear();
    m_downUntil = QDateTime::currentDateTimeUtc().addMSecs(qint64(downSeconds * 1000));
}

bool LokiApi::restarting() const
{
    return m_downUntil.isValid() && QDateTime::currentDateTimeUtc() < m_downUntil;
}

QHttpServerResponse LokiApi::notReady()
{
    // What Loki answers while its ingester is starting.
    return QHttpServerResponse("text/plain; charset=utf-8", "Ingester not ready: ingester is starting\n",
                               QHttpServerResponder::StatusCode::ServiceUnavailable);
}

void LokiApi::onAppended(const LogRecord &record)
{
    m_tails.erase(std::remove_if(m_tails.begin(), m_tails.end(), [](const Tail &t) { return t.socket.isNull(); }),
                  m_tails.end());
    for (auto &t : m_tails) {
        logql::Labels labels;
        if (!visible(record, t.tenant) || !t.query.evaluate(record.labels, record.line, &labels))
            continue;
        send(t, labels, record);
    }
}

void LokiApi::send(Tail &tail, const logql::Labels &labels, const LogRecord &record)
{
    if (tail.socket->bytesToWrite() > kTailBacklogBytes) {
        tail.dropped.emplace_back(labels, record.ns); // the client reads too slowly
        return;
    }
    QJsonObject message{{QStringLiteral("streams"), streamsJson({{labels, record.ns, record.line}})}};
    if (!tail.dropped.empty()) {
        QJsonArray dropped;
        for (const auto &[l, ns] : tail.dropped)
            dropped.append(QJsonObject{{QStringLiteral("labels"), toJson(l)}, {QStringLiteral("timestamp"), QString::number(ns)}});
        message.insert(QStringLiteral("dropped_entries"), dropped);
        tail.dropped.clear();
    }
    tail.socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void LokiApi::setMultiTenant(const QString &ownTenant)
{
    m_multiTenant = true;
    m_ownTenant = ownTenant;
}

std::optional<QString> LokiApi::tenantOf(const QHttpServerRequest &request) const
{
    if (!m_multiTenant)
        return QString();
    const auto tenant = QString::fromUtf8(request.value("X-Scope-OrgID")).trimmed();
    if (tenant.isEmpty())
        return std::nullopt;
    return tenant;
}

bool LokiApi::visible(const LogRecord &record, const QString &tenant) const
{
    return !m_multiTenant || (record.tenant.isEmpty() ? m_ownTenant : record.tenant) == tenant;
}

QHttpServerResponse LokiApi::push(const QHttpServerRequest &request)
{
    // POST /loki/api/v1/push, JSON (apis.md §3): {"streams":[{"stream":{…},"values":[["<ns>","line"(, {…})]]}]}
    const auto tenant = tenantOf(request);
    if (!tenant)
        return noOrgId();
    const auto type = request.value("Content-Type").toLower();
    if (!type.startsWith("application/json"))
        // Loki reads any other type as snappy-compressed protobuf, which the simulator does not.
        return badRequest(QStringLiteral("the simulator's Loki takes JSON pushes only (Content-Type: application/json), not \"%1\"")
                              .arg(QString::fromUtf8(type)));
    auto body = request.body();
    if (request.value("Content-Encoding").toLower() == "gzip") {
        auto plain = gunzip(body);
        if (!plain)
            return badRequest(QStringLiteral("gzip: invalid header"));
        body = *plain;
    }
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return badRequest(QStringLiteral("loghttp.PushRequest.Streams: ReadArray: expect [ or n, but found %1")
                              .arg(error.error != QJsonParseError::NoError ? error.errorString() : QStringLiteral("no object")));
    std::vector<LogRecord> records;
    for (const auto &streamValue : doc.object().value(QStringLiteral("streams")).toArray()) {
        const auto stream = streamValue.toObject();
        LogRecord base;
        base.tenant = *tenant;
        const auto labels = stream.value(QStringLiteral("stream")).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            if (!it.value().isString())
                return badRequest(QStringLiteral("error parsing labels: label value of %1 is not a string").arg(it.key()));
            base.labels.insert(it.key(), it.value().toString());
        }
        if (base.labels.isEmpty())
            return badRequest(QStringLiteral("error at least one label pair is required per stream"));
        for (const auto &v : stream.value(QStringLiteral("values")).toArray()) {
            const auto entry = v.toArray();
            if (entry.size() < 2 || !entry.at(1).isString())
                return badRequest(QStringLiteral("loghttp.PushRequest.Streams: each value must be [\"<ns>\", \"<line>\"]"));
            if (!entry.at(0).isString()) // a number is refused, as Loki refuses it
                return badRequest(QStringLiteral("loghttp.PushRequest.Streams: timestamp must be a string of nanoseconds"));
            bool ok = false;
            const auto ns = entry.at(0).toString().toLongLong(&ok);
            if (!ok)
                return badRequest(QStringLiteral("loghttp.PushRequest.Streams: invalid timestamp \"%1\"").arg(entry.at(0).toString()));
            auto record = base;
            record.ns = ns;
            record.line = entry.at(1).toString();
            records.push_back(std::move(record));
        }
    }
    for (const auto &r : records) // all or nothing: a bad stream refuses the whole push
        m_log->ingest(r);
    return QHttpServerResponse(QHttpServerResponder::StatusCode::NoContent);
}

} // namespace sim
