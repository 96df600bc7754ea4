#include "listener.h"

#include <cerrno>

#include <fcntl.h>
#include <netinet/in.h>
#include <unistd.h>

#include <QCoreApplication>

#include "nativesocket.h"
#include "ruleruntime.h"

namespace {

// How long accepting pauses after an error such as "too many open files".
constexpr int ResumeAfterErrorMs = 250;
constexpr int ListenBacklog = 4096;

// A TCP socket bound to the address, as QTcpServer binds (SO_REUSEADDR; "::" is IPv6
// only), or -1 with errno set.
int boundSocket(const sockaddr_storage &address, socklen_t length, bool reusePort)
{
    const int fd = ::socket(address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (reusePort)
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    if (address.ss_family == AF_INET6)
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&address), length) != 0) {
        const int error = errno;
        ::close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

int openSpare()
{
    return ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

} // namespace

QString listenErrorAdvice(int error, quint16 port)
{
    switch (error) {
    case EADDRINUSE:
        return QCoreApplication::translate("Engine", "address already in use: another program or rule listens "
                                                     "there; stop it or pick another port");
    case EACCES:
    case EPERM:
        if (port < 1024)
            return QCoreApplication::translate("Engine", "permission denied: ports below 1024 need privileges; "
                                                         "pick a port above 1024, or grant them with \"sudo setcap "
                                                         "cap_net_bind_service=+ep $(command -v pasarela)\"");
        return QCoreApplication::translate("Engine", "permission denied");
    case EADDRNOTAVAIL:
        return QCoreApplication::translate("Engine", "address not available: no network interface of this machine "
                                                     "has that address; pick one it has, or 0.0.0.0 for all");
    default:
        return NativeSocket::errorText(error);
    }
}

Listener::~Listener()
{
    for (int fd : m_fds) {
        ::shutdown(fd, SHUT_RD);
        ::close(fd);
    }
}

Result<std::vector<int>> Listener::listen(const RuleRuntime &rule, int count)
{
    const auto error = [&rule](int errorNumber) {
        return Error{rule.rule.listen.toString() + QStringLiteral(": ") + listenErrorAdvice(errorNumber, rule.rule.listen.port)};
    };
    sockaddr_storage address{};
    const socklen_t length = NativeSocket::toSockaddr(rule.listenAddress, rule.rule.listen.port, &address);
    // Without SO_REUSEPORT this fails wherever anything listens on the port already.
    const int probe = boundSocket(address, length, false);
    if (probe < 0)
        return error(errno);
    ::close(probe);
    std::vector<int> copies;
    for (int i = 0; i < count; ++i) {
        const int fd = boundSocket(address, length, true);
        if (fd >= 0) {
            m_fds.push_back(fd);
            // Accepted sockets inherit it (Linux): one setsockopt() here, none per client.
            NativeSocket::setNoDelay(fd);
        }
        const int copy = fd >= 0 && ::listen(fd, ListenBacklog) == 0 ? ::fcntl(fd, F_DUPFD_CLOEXEC, 0) : -1;
        if (copy < 0) {
            const Error failed = error(errno);
            for (int c : copies)
                ::close(c);
            return failed;
        }
        copies.push_back(copy);
    }
    return copies;
}

Acceptor::Acceptor(AcceptorHost &host, std::shared_ptr<RuleRuntime> rule, int fd, QObject *parent)
    : QObject(parent), m_host(host), m_rule(std::move(rule)), m_fd(fd), m_spare(openSpare())
{
    m_resume.setSingleShot(true);
    connect(&m_resume, &QTimer::timeout, this, [this] {
        m_host.readiness().watch(m_fd, this, Readiness::Level);
        m_watched = true;
    });
    m_host.readiness().watch(m_fd, this, Readiness::Level);
    m_watched = true;
}

Acceptor::~Acceptor()
{
    // The Listener may hold the socket open still: take it out of epoll by hand.
    if (m_watched)
        m_host.readiness().unwatch(m_fd, false);
    ::close(m_fd);
    if (m_spare >= 0)
        ::close(m_spare);
}

// One connection per event: the loop asks again while more wait, which spares the
// accept() that would only say EAGAIN.
void Acceptor::ready(int, quint32)
{
    // Stopped, and about to close: whoever is waiting gets a reset, not a relay that ends at once.
    if (m_rule->stopped) {
        m_host.readiness().unwatch(m_fd, false);
        m_watched = false;
        return;
    }
    // The client's address comes with the accept: no getpeername() per connection.
    sockaddr_storage peer{};
    socklen_t peerLength = sizeof peer;
    const int fd = ::accept4(m_fd, reinterpret_cast<sockaddr *>(&peer), &peerLength, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd >= 0) {
        if (m_paused) {
            m_paused = false;
            m_host.logEvent(EventLevel::Info, m_rule->id,
                            QCoreApplication::translate("Engine", "%1: accepting again").arg(m_rule->rule.listen.toString()));
        }
        m_host.accepted(m_rule, fd, peer);
        return;
    }
    switch (errno) {
    case EAGAIN:  // the client gave up meanwhile
#if EAGAIN != EWOULDBLOCK
    case EWOULDBLOCK:
#endif
    case EINTR:
    case ECONNABORTED:  // the client gave up before accept(): nothing to pause for
        return;
    case EINVAL:  // no longer listening: the rule stops, and this worker hears of it next
        m_host.readiness().unwatch(m_fd, false);
        m_watched = false;
        return;
    default:
        pause(errno);
    }
}

void Acceptor::pause(int error)
{
    m_host.readiness().unwatch(m_fd, false);
    m_watched = false;
    m_resume.start(ResumeAfterErrorMs);
    const bool outOfDescriptors = error == EMFILE || error == ENFILE;
    if (!m_paused) {
        m_paused = true;
        const QString message = outOfDescriptors
                                    ? QCoreApplication::translate("Engine", "%1: accepting paused: %2 (raise the "
                                                                            "limit with \"ulimit -n\"); retrying")
                                    : QCoreApplication::translate("Engine", "%1: accepting paused: %2; retrying");
        m_host.logEvent(EventLevel::Warning, m_rule->id,
                        message.arg(m_rule->rule.listen.toString(), NativeSocket::errorText(error)));
    }
    if (outOfDescriptors)
        turnAwayWaiting();
}

// Out of descriptors: release the spare one to accept each waiting client and close
// it at once, so clients are turned away instead of hanging in the backlog.
void Acceptor::turnAwayWaiting()
{
    if (m_spare < 0)  // another thread took the descriptor freed last time
        m_spare = openSpare();
    while (m_spare >= 0) {
        ::close(m_spare);
        const int fd = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd >= 0) {
            // Part of a "refused" line: English, like the others (see RelayWorker::refuse).
            m_host.refuse(m_rule, fd, CloseReason::LimitReached, QStringLiteral("out of descriptors (too many open files)"));
        }
        m_spare = openSpare();
        if (fd < 0)
            return;
    }
}
