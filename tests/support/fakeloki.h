#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocketServer>

#include <optional>
#include <vector>

class QTcpSocket;
class QWebSocket;

// A Loki for the cases no real server (and not mytrader-sim) produces on demand: a tenant header
// required, a tail cut mid-stream, dropped entries, a query refused on the tail socket. Speaks
// shared/reference/apis.md §3 to the letter for what it supports: query_range (streams), labels,
// label values, series, ready, and the tail WebSocket on the same port. Its LogQL is a stream
// selector of = matchers with optional |= filters; anything else is a 400 parse error in plain
// text sent as application/json, as Loki 2.8 does. It also takes pushes (POST /loki/api/v1/push).
class FakeLoki : public QObject
{
    Q_OBJECT
public:
    using Labels = QMap<QString, QString>;
    struct Line
    {
        Labels labels;
        qint64 ns = 0;
        QString text;
    };

    explicit FakeLoki(QObject *parent = nullptr);
    ~FakeLoki() override;

    bool listen(quint16 port = 0);
    QUrl url() const;

    void setRequiredTenant(const QString &tenant) { m_tenant = tenant; } // empty: single-tenant
    // Stores a line and sends it to every tail whose query selects it.
    void append(const Labels &labels, qint64 ns, const QString &text);
    // Tells every tail these were dropped (a "dropped_entries" message without streams).
    void sendDropped(const Labels &labels, qint64 ns);
    // Cuts every tail's TCP connection without a close frame, as a dying proxy does.
    void cutTails();
    int tailCount() const;
    QList<QUrl> tailRequests() const { return m_tailRequests; } // every tail handshake's URL
    QList<QByteArray> httpRequests() const { return m_httpRequests; }
    int pushCount() const { return m_pushes; } // accepted POSTs to /loki/api/v1/push
    qsizetype lineCount() const { return qsizetype(m_lines.size()); }

private:
    struct Selector
    {
        Labels equals;
        QStringList contains;
        bool matches(const Line &line) const;
    };
    struct Tail
    {
        QPointer<QWebSocket> socket;
        Selector selector;
    };
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
    };

    void onConnection();
    void onRequest(QTcpSocket *socket, const QByteArray &head);
    void onTailConnection();
    Answer route(const QString &path, const QUrlQuery &query) const;
    Answer push(const QByteArray &body);
    static std::optional<Selector> parseQuery(const QString &logql, QString *error);
    static QByteArray streamsJson(const std::vector<Line> &lines);

    QTcpServer m_server;
    QWebSocketServer m_ws;
    QString m_tenant;
    std::vector<Line> m_lines;
    std::vector<Tail> m_tails;
    QList<QUrl> m_tailRequests;
    QList<QByteArray> m_httpRequests;
    QByteArray m_body;
    int m_pushes = 0;
};
