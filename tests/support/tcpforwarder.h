#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

// A loopback TCP forwarder in front of a real server, for tests that need the connection cut:
// what a flaky network or a load balancer does to a WebSocket. Bytes pass unchanged both ways.
class TcpForwarder : public QObject
{
    Q_OBJECT
public:
    explicit TcpForwarder(quint16 targetPort, QObject *parent = nullptr)
        : QObject(parent)
        , m_target(targetPort)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (auto *client = m_server.nextPendingConnection()) {
                auto *upstream = new QTcpSocket(client);
                upstream->connectToHost(QHostAddress::LocalHost, m_target);
                connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
                    if (upstream->state() == QAbstractSocket::ConnectedState)
                        upstream->write(client->readAll());
                });
                connect(upstream, &QTcpSocket::connected, client, [client, upstream] { upstream->write(client->readAll()); });
                connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
                connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
                m_clients.append(client);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server.serverPort(); }
    // Drops every open connection at once, as a network failure would.
    int cutAll()
    {
        int cut = 0;
        for (const auto &client : std::as_const(m_clients)) {
            if (client && client->state() == QAbstractSocket::ConnectedState) {
                client->abort();
                ++cut;
            }
        }
        m_clients.removeAll(nullptr);
        return cut;
    }

private:
    QTcpServer m_server;
    quint16 m_target;
    QList<QPointer<QTcpSocket>> m_clients;
};
