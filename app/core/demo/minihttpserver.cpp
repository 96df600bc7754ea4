#include "minihttpserver.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

namespace {

using Request = MiniHttpServer::Request;
using Response = MiniHttpServer::Response;

// One client connection: parses requests in order and answers each before the
// next, so a delayed or chunked answer holds the ones pipelined behind it.
class Connection final : public QObject
{
public:
    Connection(QTcpSocket *socket, const MiniHttpServer::Handler &handler, QObject *parent)
        : QObject(parent), m_socket(socket), m_handler(handler)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &Connection::process);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        connect(socket, &QTcpSocket::errorOccurred, this, &QObject::deleteLater);
    }
    Q_DISABLE_COPY_MOVE(Connection)

private:
    void process()
    {
        m_buffer += m_socket->readAll();
        while (!m_busy && m_socket->state() == QAbstractSocket::ConnectedState) {
            // RFC 9112 2.2: empty lines before a request line are to be ignored.
            while (m_buffer.startsWith("\r\n"))
                m_buffer.remove(0, 2);
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if ((end < 0 ? m_buffer.size() : end) > MiniHttpServer::MaxHeaderBytes) {
                m_socket->abort();
                return;
            }
            if (end < 0)
                return;
            Request request;
            if (!parseHead(m_buffer.left(end), request))
                return fail(400, "Bad Request");
            if (!request.header("Transfer-Encoding").isEmpty())
                return fail(411, "Length Required");
            const QByteArray lengthText = request.header("Content-Length");
            bool ok = true;
            const qsizetype length = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&ok);
            if (!ok || length < 0)
                return fail(400, "Bad Request");
            if (length > MiniHttpServer::MaxBodyBytes)
                return fail(413, "Content Too Large");
            if (m_buffer.size() < end + 4 + length)
                return;
            request.body = m_buffer.mid(end + 4, length);
            m_buffer.remove(0, end + 4 + length);

            const QByteArray connection = request.header("Connection").toLower();
            const bool close = request.version == "HTTP/1.0" ? !connection.contains("keep-alive")
                                                             : connection.contains("close");
            const bool head = request.method == "HEAD";
            const Response response = m_handler(request);
            if (response.delayMs > 0) {
                m_busy = true;
                QTimer::singleShot(response.delayMs, this, [this, response, close, head] {
                    m_busy = false;
                    send(response, close, head);
                    process();
                });
                return;
            }
            send(response, close, head);
        }
    }

    static bool parseHead(const QByteArray &head, Request &request)
    {
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || requestLine.at(0).isEmpty() || requestLine.at(1).isEmpty()
            || !requestLine.at(2).startsWith("HTTP/1.")) {
            return false;
        }
        request.method = requestLine.at(0);
        request.target = requestLine.at(1);
        request.version = requestLine.at(2);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
        }
        return true;
    }

    // A request we cannot take: say why and close, as the rest of the stream
    // cannot be framed any more.
    void fail(int status, const QByteArray &reason)
    {
        m_buffer.clear();
        send(Response::make(status, reason, "text/plain", reason + '\n'), true, false);
    }

    void send(const Response &response, bool close, bool head)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + response.reason + "\r\n";
        for (const auto &h : response.headers)
            out += h.first + ": " + h.second + "\r\n";
        out += response.chunked ? QByteArray("Transfer-Encoding: chunked\r\n")
                                : "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
        if (response.chunked && !head) {
            m_socket->write(out);
            sendChunks(response.body, close);
            return;
        }
        m_socket->write(head ? out : out + response.body);
        // Now, not on the next loop: Qt drops unsent bytes when it reads the EOF of
        // a client that half-closed after its request.
        m_socket->flush();
        if (close)
            m_socket->disconnectFromHost();
    }

    // Four chunks with pauses between, so that they reach the client separately.
    void sendChunks(const QByteArray &body, bool close)
    {
        m_busy = true;
        const qsizetype part = (body.size() + 3) / 4;
        for (int i = 0; i <= 4; ++i) {
            const QByteArray piece = body.mid(i * part, part);
            const bool last = i == 4;
            if (piece.isEmpty() && !last)
                continue;  // a zero-size chunk would end the body early
            QTimer::singleShot(i * MiniHttpServer::ChunkIntervalMs, this, [this, piece, last, close] {
                m_socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
                m_socket->flush();
                if (!last)
                    return;
                m_busy = false;
                if (close)
                    m_socket->disconnectFromHost();
                else
                    process();
            });
        }
    }

    QTcpSocket *m_socket;
    const MiniHttpServer::Handler &m_handler;  // the worker's, which owns this connection
    QByteArray m_buffer;
    bool m_busy = false;
};

QString listenError(const QTcpServer &server, const QHostAddress &address, quint16 port)
{
    const QString where = port ? QStringLiteral("%1:%2").arg(address.toString()).arg(port) : address.toString();
    QString why = server.errorString();
    if (server.serverError() == QAbstractSocket::AddressInUseError)
        why = QCoreApplication::translate("Demo", "the port is in use: pick another one or stop the program that uses it");
    else if (server.serverError() == QAbstractSocket::SocketAccessError)
        why = QCoreApplication::translate("Demo", "permission denied: pick a port above 1024");
    return QCoreApplication::translate("Demo", "cannot listen on %1: %2").arg(where, why);
}

} // namespace

class MiniHttpServer::Worker final : public QTcpServer
{
public:
    explicit Worker(Handler handler) : m_handler(std::move(handler)) {}
    Q_DISABLE_COPY_MOVE(Worker)

    void setTls(const QSslCertificate &certificate, const QSslKey &key)
    {
        m_certificate = certificate;
        m_key = key;
        m_tls = true;
    }

    Result<quint16> start(const QHostAddress &address, quint16 port)
    {
        if (!listen(address, port))
            return Error{listenError(*this, address, port)};
        return serverPort();
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        QTcpSocket *socket = nullptr;
        if (m_tls) {
            auto *ssl = new QSslSocket;
            ssl->setLocalCertificate(m_certificate);
            ssl->setPrivateKey(m_key);
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            socket = ssl;
        } else {
            socket = new QTcpSocket;
        }
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        new Connection(socket, m_handler, this);
        if (m_tls)
            static_cast<QSslSocket *>(socket)->startServerEncryption();
    }

private:
    Handler m_handler;
    bool m_tls = false;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

QByteArray MiniHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

MiniHttpServer::Response MiniHttpServer::Response::make(int status, const QByteArray &reason,
                                                        const QByteArray &contentType, const QByteArray &body)
{
    Response r;
    r.status = status;
    r.reason = reason;
    r.headers.append({"Content-Type", contentType});
    r.body = body;
    return r;
}

MiniHttpServer::MiniHttpServer(Handler handler, QObject *parent)
    : QObject(parent), m_thread(new QThread), m_worker(new Worker(std::move(handler)))
{
    m_thread->setObjectName(QStringLiteral("MiniHttpServer"));
    m_worker->moveToThread(m_thread);
    // Deleted in its own thread, with its sockets, once the loop ends.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

MiniHttpServer::~MiniHttpServer()
{
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

// Only the tests' HTTPS servers use TLS: these errors are for developers, in English.
Result<void> MiniHttpServer::useTls(const QString &certificatePem, const QString &keyPem)
{
    if (m_port != 0)
        return Error{QStringLiteral("TLS must be set up before the server listens")};
    if (!QSslSocket::supportsSsl())
        return Error{QStringLiteral("TLS is not available: Qt found no TLS library (install OpenSSL 3)")};
    QFile certificateFile(certificatePem);
    QFile keyFile(keyPem);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot read %1: %2").arg(certificatePem, certificateFile.errorString())};
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot read %1: %2").arg(keyPem, keyFile.errorString())};
    const QSslCertificate certificate(&certificateFile, QSsl::Pem);
    if (certificate.isNull())
        return Error{QStringLiteral("%1 holds no PEM certificate").arg(certificatePem)};
    const QByteArray keyBytes = keyFile.readAll();
    QSslKey key(keyBytes, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyBytes, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return Error{QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(keyPem)};
    QMetaObject::invokeMethod(
        m_worker, [&] { m_worker->setTls(certificate, key); }, Qt::BlockingQueuedConnection);
    return {};
}

Result<void> MiniHttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_port != 0)
        return Error{QStringLiteral("already listening on port %1").arg(m_port)};
    Result<quint16> started = Error{};
    QMetaObject::invokeMethod(
        m_worker, [&] { started = m_worker->start(address, port); }, Qt::BlockingQueuedConnection);
    if (!started)
        return Error{started.error()};
    m_port = started.value();
    return {};
}

quint16 MiniHttpServer::port() const
{
    return m_port;
}

QByteArray MiniHttpServer::hostWithoutPort(const QByteArray &host)
{
    const qsizetype bracket = host.lastIndexOf(']');
    const qsizetype colon = host.lastIndexOf(':');
    return colon > bracket ? host.left(colon) : host;
}
