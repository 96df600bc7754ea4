#pragma once

#include <functional>

#include <QByteArray>
#include <QHostAddress>

// Plain blocking POSIX sockets for test peers. The relay must be checked from
// outside Qt's socket classes: they hide the difference between FIN and RST and
// cannot half-close, which is exactly what the tests have to observe.
namespace TestSupport {

// An owned socket descriptor; closes on destruction.
class Socket final
{
public:
    Socket() = default;
    explicit Socket(int fd) : m_fd(fd) {}
    ~Socket();
    Socket(Socket &&other) noexcept;
    Socket &operator=(Socket &&other) noexcept;
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;

    int fd() const { return m_fd; }
    bool isValid() const { return m_fd >= 0; }
    void close();

    quint16 localPort() const;
    QHostAddress localAddress() const;
    quint16 peerPort() const;

private:
    int m_fd = -1;
};

// A port that was free a moment ago (bind 127.0.0.1:0, read it, close).
quint16 freePort();
// Descriptors open in this process right now (/proc/self/fd).
int openFdCount();

// Connects to host:port, optionally from sourceAddress (e.g. "127.0.0.2").
// On failure returns an invalid socket and sets *error to errno (ETIMEDOUT on timeout).
Socket connectTcp(quint16 port, int timeoutMs = 5000, int *error = nullptr,
                  const char *host = "127.0.0.1", const char *sourceAddress = nullptr);

// A listening socket on host:port (port 0: any), backlog as given.
Socket listenTcp(quint16 port = 0, int backlog = 128, const char *host = "127.0.0.1");
// Waits for one connection on a listening socket.
Socket acceptTcp(const Socket &listener, int timeoutMs = 5000);

bool sendAll(const Socket &socket, const char *data, qsizetype size, int timeoutMs = 10000);
bool sendAll(const Socket &socket, const QByteArray &data, int timeoutMs = 10000);
bool shutdownWrite(const Socket &socket);
// Closes with SO_LINGER {1, 0}: the peer gets a RST instead of a FIN.
void resetClose(Socket &socket);

enum class RecvEnd { Eof, Reset, Timeout, Error, Complete };
const char *toString(RecvEnd end);

struct RecvResult
{
    QByteArray data;
    RecvEnd end = RecvEnd::Error;
    int error = 0;  // errno for Error
};

// Reads until EOF, reset, error or the overall deadline. maxBytes >= 0 stops
// with Complete once that many bytes arrived.
RecvResult recvUntilEof(const Socket &socket, int timeoutMs = 5000, qsizetype maxBytes = -1);
// Exactly size bytes (end Complete), or whatever came before the other ends.
RecvResult recvExactly(const Socket &socket, qsizetype size, int timeoutMs = 5000);
// Streams everything to sink instead of keeping it; for large transfers.
RecvEnd recvStream(const Socket &socket, int timeoutMs,
                   const std::function<void(const char *, qsizetype)> &sink, int *error = nullptr);

// One echo round trip: send payload, expect it back.
bool echoRoundTrip(const Socket &socket, const QByteArray &payload, int timeoutMs = 5000);

} // namespace TestSupport
