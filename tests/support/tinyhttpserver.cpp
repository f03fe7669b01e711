#include "tinyhttpserver.h"

#include <QTcpSocket>

TinyHttpServer::TinyHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TinyHttpServer::onConnection);
}

bool TinyHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl TinyHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

void TinyHttpServer::respond(int status, const QByteArray &body, const QByteArray &contentType)
{
    m_status = status;
    m_body = body;
    m_contentType = contentType;
}

void TinyHttpServer::onConnection()
{
    while (auto *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            const auto data = socket->readAll();
            if (!data.contains("\r\n\r\n"))
                return;
            m_lastRequest = data;
            ++m_requests;
            if (m_silent)
                return;
            QByteArray response = "HTTP/1.1 " + QByteArray::number(m_status) + " Status\r\nContent-Type: "
                + m_contentType + "\r\nContent-Length: " + QByteArray::number(m_body.size())
                + "\r\nConnection: close\r\n\r\n" + m_body;
            socket->write(response);
            socket->disconnectFromHost();
        });
    }
}
