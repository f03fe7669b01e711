#pragma once

#include "simlog.h"

#include <QObject>
#include <QUrl>

#include <deque>

class QNetworkAccessManager;
class QTimer;

namespace sim {

// --loki-push URL: every log line also goes to a real Loki (POST /loki/api/v1/push, apis.md §3),
// in batches once a second. Lines wait while Loki is down (up to a bound, oldest dropped first and
// counted) and are sent in order when it is back; a batch Loki refuses as bad (4xx) is dropped.
class LokiPush : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxPending = 20000;

    LokiPush(SimLog *log, const QUrl &lokiUrl, QObject *parent = nullptr);

    qint64 pushed() const { return m_pushed; }
    qint64 dropped() const { return m_dropped; }

private:
    void flush();

    QUrl m_url;
    QNetworkAccessManager *m_network;
    QTimer *m_timer;
    std::deque<LogRecord> m_pending;
    qsizetype m_inFlight = 0; // records at the front of m_pending being sent
    qint64 m_pushed = 0;
    qint64 m_dropped = 0;
    QString m_lastError;
};

} // namespace sim
