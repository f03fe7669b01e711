#pragma once

#include "lokiresult.h"
#include "net/httpclient.h"

#include <QObject>

#include <functional>

namespace wf {

struct LokiQuery
{
    enum class Direction { Backward, Forward }; // newest first (Loki's default), oldest first
    QString logql;
    qint64 startNs = 0; // inclusive
    qint64 endNs = 0;   // exclusive
    int limit = 1000;   // Loki's servers refuse over max_entries_limit_per_query (5,000 by default)
    Direction direction = Direction::Backward;
    double stepSeconds = 0; // metric queries; 0: the server's choice
};

// Loki's HTTP API (shared/reference/apis.md §3). Every call answers once, by callback on the
// client's thread, with a value or a typed Error; bodies over 256 KB are parsed off the UI thread.
// The tenant (X-Scope-OrgID) and auth come from the profile, through the HttpClient.
class LokiClient : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Callback = std::function<void(const Result<T> &)>;

    static constexpr int kMaxLimit = 5000;
    static constexpr qsizetype kParseOffThreadBytes = 256 * 1024;

    explicit LokiClient(HttpClient *http, QObject *parent = nullptr);

    HttpClient *http() const { return m_http; }

    RequestId queryRange(const LokiQuery &query, QObject *context, Callback<LokiResult> done);
    // Metric LogQL at one instant (time 0: now).
    RequestId query(const QString &logql, qint64 timeNs, QObject *context, Callback<LokiResult> done);
    // selector may be empty; start/end 0: Loki's default window (the last 6 h).
    RequestId labels(const QString &selector, qint64 startNs, qint64 endNs, QObject *context,
                     Callback<QStringList> done);
    RequestId labelValues(const QString &label, const QString &selector, qint64 startNs, qint64 endNs,
                          QObject *context, Callback<QStringList> done);
    RequestId series(const QStringList &match, qint64 startNs, qint64 endNs, QObject *context,
                     Callback<QList<Labels>> done);
    RequestId ready(QObject *context, Callback<Done> done);
    void cancel(RequestId id) { m_http->cancel(id); }

private:
    template <typename T>
    RequestId call(const HttpRequest &request, QObject *context, Callback<T> done,
                   Result<T> (*parse)(const QByteArray &));

    HttpClient *m_http;
};

} // namespace wf
