#pragma once

#include <optional>

#include <QByteArray>
#include <QSslSocket>

#include "demo/minihttpserver.h"

// Shared by the demo ingress and MiniHttpServer tests: a client that writes raw
// bytes and parses answers itself, to see HTTP/1.1 framing as it is on the wire.

constexpr int SocketWaitMs = 5000;

struct Answer
{
    int status = 0;
    MiniHttpServer::Headers headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const;  // case-insensitive, empty if absent
};

class RawClient
{
public:
    bool connectTo(quint16 port, bool tls = false);
    void send(const QByteArray &bytes);
    // The next answer (Content-Length or chunked); a HEAD answer has no body.
    std::optional<Answer> read(bool head = false);
    // True when the server closed the connection (FIN or RST) and sent nothing more.
    bool closedWithoutMore();
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

private:
    bool fill();  // false once closed or after SocketWaitMs without data
    qsizetype waitFor(const QByteArray &marker, qsizetype from);  // its index, -1 if it never came
    bool waitForSize(qsizetype size);

    QSslSocket m_socket;  // plain TCP unless encryption is started
    QByteArray m_buffer;
};

// An HTTP/1.1 request; a body comes with Content-Type: application/json and its length.
QByteArray rawRequest(const QByteArray &method, const QByteArray &target, const QByteArray &host,
                      const QByteArray &body = {}, const QByteArray &extraHeaders = {});
// bytes on a new connection, and its first answer.
std::optional<Answer> ask(quint16 port, const QByteArray &bytes);

// QVERIFY needs a test function's scope: declares `var`, the answer expr gives.
#define ANSWER(var, expr)                                                                                              \
    const std::optional<Answer> var##Opt = (expr);                                                                    \
    QVERIFY2(var##Opt.has_value(), "no complete answer");                                                            \
    const Answer &var = *var##Opt
