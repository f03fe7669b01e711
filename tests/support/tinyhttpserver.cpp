#include "tinyhttpserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

TinyHttpServer::TinyHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TinyHttpServer::onConnection);
}

bool TinyHttpServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

QUrl TinyHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
}

void TinyHttpServer::respond(int status, const QByteArray &body, const QByteArray &contentType)
{
    m_default = Reply{};
    m_default.status = status;
    m_default.body = body;
    m_default.contentType = contentType;
}

void TinyHttpServer::onConnection()
{
    while (auto *socket = m_server.nextPendingConnection()) {
        ++m_open;
        m_maxOpen = std::max(m_maxOpen, m_open);
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            --m_open;
            socket->deleteLater();
        });
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const auto headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const auto lengthAt = buffer->toLower().indexOf("content-length:");
            if (lengthAt >= 0 && lengthAt < headerEnd) {
                const auto lineEnd = buffer->indexOf("\r\n", lengthAt);
                const auto length = buffer->mid(lengthAt + 15, lineEnd - lengthAt - 15).trimmed().toLongLong();
                if (buffer->size() < headerEnd + 4 + length)
                    return; // the body is still coming
            }
            m_lastRequest = *buffer;
            m_requests << *buffer;
            buffer->clear();
            Reply reply = m_default;
            if (!m_queue.empty()) {
                reply = m_queue.front();
                m_queue.pop_front();
            }
            if (reply.silent)
                return;
            QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " Status\r\nContent-Type: "
                + reply.contentType + "\r\nContent-Length: " + QByteArray::number(reply.body.size())
                + "\r\nConnection: close\r\n";
            for (const auto &[name, value] : reply.headers)
                head += name + ": " + value + "\r\n";
            head += "\r\n";
            const auto body = reply.truncate ? reply.body.left(reply.body.size() / 2) : reply.body;
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(reply.delayMs, this, [guard, head, body, reply] {
                if (!guard)
                    return;
                guard->write(head);
                guard->write(body);
                if (reply.truncate)
                    guard->abort();
                else
                    guard->disconnectFromHost();
            });
        });
    }
}
