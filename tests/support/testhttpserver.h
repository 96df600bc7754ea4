#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include "demo/minihttpserver.h"

// The HTTP client tests' server: the routes below on a MiniHttpServer. It routes
// on the Host header like an ingress controller and serves from its own thread, so
// a test may block (QProcess::waitForFinished) while it answers. Plain or TLS with
// the self-signed certificate of tests/support/tls.
//
// Routes for Host "api.local" (any port suffix):
//   GET  /api/v1/items         200 {"pod":"api-7d9f","items":[...]} (keys not sorted)
//   POST /api/v1/items         201 {"created": <the request body as JSON>}; 400 JSON error if not JSON
//   ANY  /api/v1/echo          200 {"method","path","headers":[[name,value]...],"body"}
//   GET  /api/v1/redirect      302 Location: /api/v1/items; any method with ?status=301|302|303|307|308
//                              and ?to=LOCATION, or ?loop=1 (Location: itself)
//   GET  /api/v1/chunked       200 JSON sent with Transfer-Encoding: chunked in several chunks
//   GET  /api/v1/gzip          200 JSON, Content-Encoding: gzip when Accept-Encoding allows it
//   GET  /api/v1/big?bytes=N   200 a valid JSON document of exactly N bytes (N >= 64), deterministic
//   GET  /api/v1/text          200 text/plain, not JSON
//   GET  /api/v1/slow?ms=N     200 JSON after N ms
//   anything else              404 {"error":"not found","path":...}
// Host "web.local": GET / 200 text/html. Any other Host: 404 text/plain
// "default backend - 404", as ingress-nginx answers.
class TestHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestHttpServer)

public:
    // method, target (as on the request line), headers, body; header(name) is case-insensitive.
    using Seen = MiniHttpServer::Request;

    explicit TestHttpServer(bool tls = false, QObject *parent = nullptr);
    ~TestHttpServer() override;

    // Listens on 127.0.0.1, an ephemeral port. False (with a qWarning) on failure.
    bool listen();
    quint16 port() const;
    // "http://127.0.0.1:PORT" + path (https:// when TLS).
    QString url(const QString &path) const;
    // Every request received so far, in order (thread-safe copy).
    QList<Seen> requests() const;

    static QString certificatePath();  // tests/support/tls/selfsigned.crt
    static QString keyPath();
    // The body of /api/v1/big?bytes=N, for tests to compare with.
    static QByteArray bigBody(qsizetype bytes);

private:
    void record(const Seen &request);

    bool m_tls;
    mutable QMutex m_mutex;
    QList<Seen> m_requests;
    MiniHttpServer m_server;  // last: its thread stops before the records go
};
