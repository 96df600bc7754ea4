#include "testsocket.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <memory>

#include <QtGlobal>

namespace TestSupport {

namespace {

using Clock = std::chrono::steady_clock;

int remainingMs(Clock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left > 0 ? int(left) : 0;
}

// 0 on timeout, 1 when ready, -1 on error (errno set).
int waitFor(int fd, short events, int timeoutMs)
{
    pollfd p{fd, events, 0};
    for (;;) {
        const int r = ::poll(&p, 1, timeoutMs);
        if (r < 0 && errno == EINTR)
            continue;
        return r;
    }
}

sockaddr_in loopbackAddress(const char *host, quint16 port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    ::inet_pton(AF_INET, host, &a.sin_addr);
    return a;
}

sockaddr_in socketName(int fd, bool peer)
{
    sockaddr_in a{};
    socklen_t len = sizeof a;
    if (peer)
        ::getpeername(fd, reinterpret_cast<sockaddr *>(&a), &len);
    else
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    return a;
}

} // namespace

Socket::~Socket()
{
    close();
}

Socket::Socket(Socket &&other) noexcept : m_fd(other.m_fd)
{
    other.m_fd = -1;
}

Socket &Socket::operator=(Socket &&other) noexcept
{
    if (this != &other) {
        close();
        m_fd = other.m_fd;
        other.m_fd = -1;
    }
    return *this;
}

void Socket::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

quint16 Socket::localPort() const
{
    return ntohs(socketName(m_fd, false).sin_port);
}

QHostAddress Socket::localAddress() const
{
    return QHostAddress(ntohl(socketName(m_fd, false).sin_addr.s_addr));
}

quint16 Socket::peerPort() const
{
    return ntohs(socketName(m_fd, true).sin_port);
}

quint16 freePort()
{
    Socket s = listenTcp(0, 1);
    return s.isValid() ? s.localPort() : 0;
}

int openFdCount()
{
    DIR *dir = ::opendir("/proc/self/fd");
    if (!dir)
        return -1;
    int count = 0;
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] != '.')
            ++count;
    }
    ::closedir(dir);
    return count - 1;  // the directory's own descriptor
}

Socket connectTcp(quint16 port, int timeoutMs, int *error, const char *host, const char *sourceAddress)
{
    int dummy = 0;
    int &err = error ? *error : dummy;
    err = 0;
    Socket s(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!s.isValid()) {
        err = errno;
        return {};
    }
    if (sourceAddress) {
        const sockaddr_in from = loopbackAddress(sourceAddress, 0);
        if (::bind(s.fd(), reinterpret_cast<const sockaddr *>(&from), sizeof from) != 0) {
            err = errno;
            return {};
        }
    }
    const sockaddr_in to = loopbackAddress(host, port);
    if (::connect(s.fd(), reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0) {
        if (errno != EINPROGRESS) {
            err = errno;
            return {};
        }
        const int r = waitFor(s.fd(), POLLOUT, timeoutMs);
        if (r <= 0) {
            err = r == 0 ? ETIMEDOUT : errno;
            return {};
        }
        int soError = 0;
        socklen_t len = sizeof soError;
        ::getsockopt(s.fd(), SOL_SOCKET, SO_ERROR, &soError, &len);
        if (soError != 0) {
            err = soError;
            return {};
        }
    }
    // The helpers below poll before each call, so blocking mode is only a safety net.
    ::fcntl(s.fd(), F_SETFL, ::fcntl(s.fd(), F_GETFL) & ~O_NONBLOCK);
    return s;
}

Socket listenTcp(quint16 port, int backlog, const char *host)
{
    Socket s(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const int one = 1;
    ::setsockopt(s.fd(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    const sockaddr_in a = loopbackAddress(host, port);
    if (::bind(s.fd(), reinterpret_cast<const sockaddr *>(&a), sizeof a) != 0 || ::listen(s.fd(), backlog) != 0)
        return {};
    return s;
}

Socket acceptTcp(const Socket &listener, int timeoutMs)
{
    if (waitFor(listener.fd(), POLLIN, timeoutMs) <= 0)
        return {};
    return Socket(::accept4(listener.fd(), nullptr, nullptr, SOCK_CLOEXEC));
}

bool sendAll(const Socket &socket, const char *data, qsizetype size, int timeoutMs)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (size > 0) {
        if (waitFor(socket.fd(), POLLOUT, remainingMs(deadline)) <= 0)
            return false;
        // MSG_NOSIGNAL: a peer that reset must not kill the test with SIGPIPE.
        const ssize_t n = ::send(socket.fd(), data, size_t(size), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

bool sendAll(const Socket &socket, const QByteArray &data, int timeoutMs)
{
    return sendAll(socket, data.constData(), data.size(), timeoutMs);
}

bool shutdownWrite(const Socket &socket)
{
    return ::shutdown(socket.fd(), SHUT_WR) == 0;
}

void resetClose(Socket &socket)
{
    const linger l{1, 0};
    ::setsockopt(socket.fd(), SOL_SOCKET, SO_LINGER, &l, sizeof l);
    socket.close();
}

const char *toString(RecvEnd end)
{
    switch (end) {
    case RecvEnd::Eof: return "EOF";
    case RecvEnd::Reset: return "reset";
    case RecvEnd::Timeout: return "timeout";
    case RecvEnd::Error: return "error";
    case RecvEnd::Complete: return "complete";
    }
    return "?";
}

namespace {

RecvEnd recvLoop(const Socket &socket, int timeoutMs, qsizetype maxBytes,
                 const std::function<void(const char *, qsizetype)> &sink, int *error)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    static constexpr qsizetype ChunkSize = 256 * 1024;
    std::unique_ptr<char[]> buffer(new char[ChunkSize]);
    qsizetype received = 0;
    for (;;) {
        if (maxBytes >= 0 && received >= maxBytes)
            return RecvEnd::Complete;
        const int r = waitFor(socket.fd(), POLLIN, remainingMs(deadline));
        if (r == 0)
            return RecvEnd::Timeout;
        if (r < 0) {
            *error = errno;
            return RecvEnd::Error;
        }
        const qsizetype want = maxBytes >= 0 ? qMin(ChunkSize, maxBytes - received) : ChunkSize;
        const ssize_t n = ::recv(socket.fd(), buffer.get(), size_t(want), MSG_DONTWAIT);
        if (n == 0)
            return RecvEnd::Eof;
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            *error = errno;
            return errno == ECONNRESET ? RecvEnd::Reset : RecvEnd::Error;
        }
        received += n;
        sink(buffer.get(), n);
    }
}

} // namespace

RecvEnd recvStream(const Socket &socket, int timeoutMs,
                   const std::function<void(const char *, qsizetype)> &sink, int *error)
{
    int dummy = 0;
    return recvLoop(socket, timeoutMs, -1, sink, error ? error : &dummy);
}

RecvResult recvUntilEof(const Socket &socket, int timeoutMs, qsizetype maxBytes)
{
    RecvResult result;
    result.end = recvLoop(socket, timeoutMs, maxBytes,
                          [&result](const char *data, qsizetype size) { result.data.append(data, size); },
                          &result.error);
    return result;
}

RecvResult recvExactly(const Socket &socket, qsizetype size, int timeoutMs)
{
    return recvUntilEof(socket, timeoutMs, size);
}

bool echoRoundTrip(const Socket &socket, const QByteArray &payload, int timeoutMs)
{
    if (!sendAll(socket, payload, timeoutMs))
        return false;
    const RecvResult r = recvExactly(socket, payload.size(), timeoutMs);
    return r.end == RecvEnd::Complete && r.data == payload;
}

} // namespace TestSupport
