#pragma once

#include <functional>

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include "result.h"

class QThread;

// A small HTTP/1.1 server on its own thread, behind the demo ingress and the
// tests' HTTP server: keep-alive, Content-Length request bodies, HEAD, pipelined
// requests answered in order, optional TLS. Requests it cannot take (bad request
// line, bad Content-Length, a chunked body, a body over MaxBodyBytes) get a 4xx
// and the connection closes; a header block over MaxHeaderBytes is cut off.
class MiniHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MiniHttpServer)

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method;
        QByteArray target;   // as on the request line
        QByteArray version;  // "HTTP/1.1"
        Headers headers;     // in order, as received
        QByteArray body;
        QByteArray header(const QByteArray &name) const;  // case-insensitive, empty if absent
    };

    struct Response
    {
        int status = 200;
        QByteArray reason = "OK";
        Headers headers;     // Content-Length or Transfer-Encoding and Connection are added
        QByteArray body;     // HEAD: only its length is sent
        bool chunked = false;  // body in four chunks, ChunkIntervalMs apart
        int delayMs = 0;       // holds the requests pipelined behind it too

        static Response make(int status, const QByteArray &reason, const QByteArray &contentType,
                             const QByteArray &body);
    };

    // Called on the server's thread, one request at a time.
    using Handler = std::function<Response(const Request &)>;

    static constexpr qsizetype MaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype MaxBodyBytes = 16 * 1024 * 1024;
    static constexpr int ChunkIntervalMs = 10;

    explicit MiniHttpServer(Handler handler, QObject *parent = nullptr);
    ~MiniHttpServer() override;

    // Serve HTTPS with these PEM files (an RSA or EC key); call before listen().
    Result<void> useTls(const QString &certificatePem, const QString &keyPem);
    // Once; port 0 picks a free port. The error says why not.
    Result<void> listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;  // 0 until listen() succeeded

    // "api.local:8080" -> "api.local"; "[::1]:80" -> "[::1]".
    static QByteArray hostWithoutPort(const QByteArray &host);

private:
    class Worker;
    QThread *m_thread;
    Worker *m_worker;
    quint16 m_port = 0;
};
