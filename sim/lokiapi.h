#pragma once

#include "logql.h"
#include "simlog.h"

#include <QDateTime>
#include <QHttpServerResponse>
#include <QObject>
#include <QPointer>

#include <vector>

class QHttpServer;
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
    };

    void addRoutes(QHttpServer *server);
    // count_over_time, rate, … as a matrix (query_range) or a vector at one time (query).
    QHttpServerResponse metricQuery(const logql::MetricQuery &query, const QUrlQuery &q, bool instant) const;
    void onWebSocket();
    void onAppended(const LogRecord &record);
    static QHttpServerResponse notReady();

    SimLog *m_log;
    QHttpServer *m_server;
    std::vector<Tail> m_tails;
    QDateTime m_downUntil;
};

} // namespace sim
