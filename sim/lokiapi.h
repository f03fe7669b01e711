#pragma once

#include "logql.h"
#include "simlog.h"

#include <QDateTime>
#include <QHttpServerResponse>
#include <QObject>
#include <QPointer>

#include <optional>

#include <vector>

class QHttpServer;
class QHttpServerRequest;
class QUrlQuery;
class QWebSocket;

namespace sim {

// The read side of Loki's HTTP API over the simulator's own log buffer, faithful to
// shared/reference/apis.md §3: query_range, query, labels, label values, series, ready, and the
// tail WebSocket. Errors are Loki's: HTTP 400 with the text of the problem.
class LokiApi : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxEntries = 5000; // max_entries_limit_per_query

    LokiApi(SimLog *log, QHttpServer *server, QObject *parent = nullptr);
    ~LokiApi() override;

    // Multi-tenant Loki (auth_enabled): every request names its tenant in X-Scope-OrgID or is
    // refused with 401 "no org id"; a tenant sees only its own lines — the service's own are
    // ownTenant's, a pushed line is its pusher's. Single-tenant (the default) ignores the header.
    void setMultiTenant(const QString &ownTenant);
    // What a tail may have waiting to be written before new lines are dropped for it and reported
    // in its next message's dropped_entries, as Loki's tailer drops for a client that reads too
    // slowly (its responses' buffer full).
    static constexpr qint64 kTailBacklogBytes = 1 << 20;

    int tailCount() const;
    // The restart drill: every tail is closed as Loki closes them when it shuts down (1011, "all
    // ingesters closed the connection"); for downSeconds new tails are cut at once and the HTTP
    // API answers 503 "Ingester not ready"; then Loki is back.
    void restart(double downSeconds);
    bool restarting() const;

private:
    struct Tail
    {
        QPointer<QWebSocket> socket;
        logql::LogQuery query;
        QString tenant;
        std::vector<std::pair<logql::Labels, qint64>> dropped; // to report with the next message
    };

    void addRoutes(QHttpServer *server);
    // count_over_time, rate, … as a matrix (query_range) or a vector at one time (query).
    QHttpServerResponse metricQuery(const logql::MetricQuery &query, const QUrlQuery &q, bool instant,
                                    const QString &tenant) const;
    // The tenant a request reads as ("" when single-tenant), or nullopt when it named none.
    std::optional<QString> tenantOf(const QHttpServerRequest &request) const;
    bool visible(const LogRecord &record, const QString &tenant) const;
    QHttpServerResponse push(const QHttpServerRequest &request);
    void onWebSocket();
    void onAppended(const LogRecord &record);
    void send(Tail &tail, const logql::Labels &labels, const LogRecord &record);
    static QHttpServerResponse notReady();

    SimLog *m_log;
    QHttpServer *m_server;
    std::vector<Tail> m_tails;
    QDateTime m_downUntil;
    bool m_multiTenant = false;
    QString m_ownTenant;
};

} // namespace sim
