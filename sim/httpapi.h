#pragma once

#include <QHostAddress>
#include <QObject>

#include <memory>

class QHttpServer;

namespace sim {

class SimService;

// The simulator's one HTTP port, like the real service's: /metrics, /api/health/alpaca, the
// drill API (/control/faults) and the read side of Loki's API (LokiApi).
class HttpApi : public QObject
{
    Q_OBJECT
public:
    explicit HttpApi(SimService *service, QObject *parent = nullptr);
    ~HttpApi() override;

    // 0 on failure; the port bound otherwise (port 0 picks a free one).
    quint16 listen(const QHostAddress &address, quint16 port);
    QHttpServer *server() const { return m_server.get(); }

private:
    void addRoutes();

    SimService *m_service;
    std::unique_ptr<QHttpServer> m_server;
};

} // namespace sim
