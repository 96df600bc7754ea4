#include "listener.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QSocketNotifier>

#include "nativesocket.h"
#include "relayworker.h"
#include "ruleruntime.h"

namespace {

// How long accepting pauses after an error such as "too many open files".
constexpr int ResumeAfterErrorMs = 250;
// Accepts per readiness event, so one busy listener does not starve the sessions.
constexpr int AcceptsPerEvent = 64;

QString listenErrorAdvice(QAbstractSocket::SocketError error, quint16 port, const QString &fallback)
{
    switch (error) {
    case QAbstractSocket::AddressInUseError:
        return QCoreApplication::translate("Engine", "address already in use: another program or rule listens "
                                                     "there; stop it or pick another port");
    case QAbstractSocket::SocketAccessError:
        if (port < 1024)
            return QCoreApplication::translate("Engine", "permission denied: ports below 1024 need privileges; "
                                                         "pick a port above 1024, or grant them with \"sudo setcap "
                                                         "cap_net_bind_service=+ep $(command -v pasarela)\"");
        return QCoreApplication::translate("Engine", "permission denied");
    case QAbstractSocket::SocketAddressNotAvailableError:
        return QCoreApplication::translate("Engine", "address not available: no network interface of this machine "
                                                     "has that address; pick one it has, or 0.0.0.0 for all");
    default:
        return fallback.toLower();
    }
}

int openSpare()
{
    return ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

} // namespace

Listener::Listener(RelayWorker *worker, std::shared_ptr<RuleRuntime> rule)
    : QObject(worker), m_worker(worker), m_rule(std::move(rule)), m_spare(openSpare())
{
    m_server.setListenBacklogSize(4096);
    m_resume.setSingleShot(true);
    connect(&m_resume, &QTimer::timeout, this, [this] { m_notifier->setEnabled(true); });
}

Listener::~Listener()
{
    delete m_notifier;  // before m_server closes the descriptor
    if (m_spare >= 0)
        ::close(m_spare);
}

bool Listener::start(QString *error)
{
    if (!m_server.listen(m_rule->listenAddress, m_rule->rule.listen.port)) {
        *error = m_rule->rule.listen.toString() + QStringLiteral(": ")
                 + listenErrorAdvice(m_server.serverError(), m_rule->rule.listen.port, m_server.errorString());
        return false;
    }
    m_server.pauseAccepting();
    m_notifier = new QSocketNotifier(m_server.socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Listener::acceptPending);
    return true;
}

void Listener::acceptPending()
{
    const int listenFd = int(m_server.socketDescriptor());
    // Stopped, and about to close: whoever is waiting gets a reset, not a relay that ends at once.
    if (m_rule->stopped) {
        m_notifier->setEnabled(false);
        return;
    }
    for (int i = 0; i < AcceptsPerEvent; ++i) {
        // The client's address comes with the accept: no getpeername() per connection.
        sockaddr_storage peer{};
        socklen_t peerLength = sizeof peer;
        const int fd = ::accept4(listenFd, reinterpret_cast<sockaddr *>(&peer), &peerLength, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd >= 0) {
            if (m_paused) {
                m_paused = false;
                m_worker->logEvent(EventLevel::Info, m_rule->id,
                                   QCoreApplication::translate("Engine", "%1: accepting again")
                                       .arg(m_rule->rule.listen.toString()));
            }
            QHostAddress address;
            quint16 port = 0;
            NativeSocket::fromSockaddr(peer, &address, &port);
            m_worker->accepted(m_rule, fd, address, port);
            continue;
        }
        switch (errno) {
        case EAGAIN:
#if EAGAIN != EWOULDBLOCK
        case EWOULDBLOCK:
#endif
            return;
        case EINTR:
        case ECONNABORTED:  // the client gave up before accept(): nothing to pause for
            continue;
        default:
            pause(errno);
            return;
        }
    }
}

void Listener::pause(int error)
{
    m_notifier->setEnabled(false);
    m_resume.start(ResumeAfterErrorMs);
    const bool outOfDescriptors = error == EMFILE || error == ENFILE;
    if (!m_paused) {
        m_paused = true;
        const QString message = outOfDescriptors
                                    ? QCoreApplication::translate("Engine", "%1: accepting paused: %2 (raise the "
                                                                            "limit with \"ulimit -n\"); retrying")
                                    : QCoreApplication::translate("Engine", "%1: accepting paused: %2; retrying");
        m_worker->logEvent(EventLevel::Warning, m_rule->id,
                           message.arg(m_rule->rule.listen.toString(), NativeSocket::errorText(error)));
    }
    if (outOfDescriptors)
        turnAwayWaiting();
}

// Out of descriptors: release the spare one to accept each waiting client and close
// it at once, so clients are turned away instead of hanging in the backlog.
void Listener::turnAwayWaiting()
{
    if (m_spare < 0)  // another thread took the descriptor freed last time
        m_spare = openSpare();
    while (m_spare >= 0) {
        ::close(m_spare);
        const int fd = ::accept4(int(m_server.socketDescriptor()), nullptr, nullptr, SOCK_CLOEXEC);
        if (fd >= 0) {
            QHostAddress address;
            quint16 port = 0;
            NativeSocket::address(fd, true, &address, &port);
            // Part of a "refused" line: English, like the others (see RelayWorker::refuse).
            m_worker->refuse(m_rule, fd, address, port, CloseReason::LimitReached,
                             QStringLiteral("out of descriptors (too many open files)"));
        }
        m_spare = openSpare();
        if (fd < 0)
            return;
    }
}
