#include "relaysession.h"

#include <cerrno>
#include <cstring>

#include <sys/socket.h>
#include <unistd.h>

#include <QSocketNotifier>
#include <QTimerEvent>

#include "nativesocket.h"
#include "relayworker.h"
#include "ruleruntime.h"

namespace {

// Reads per readiness event before yielding to other sessions on this worker.
constexpr int ReadsPerEvent = 4;

CloseReason connectReason(int error)
{
    return error == ECONNREFUSED ? CloseReason::TargetRefused : CloseReason::TargetUnreachable;
}

} // namespace

RelaySession::RelaySession(RelayWorker *worker, std::shared_ptr<RuleRuntime> rule, int clientFd,
                           const QHostAddress &clientAddress, quint16 clientPort)
    : QObject(worker), m_worker(worker), m_rule(std::move(rule)),
      m_info(RelayWorker::newConnection(*m_rule, clientFd, clientAddress, clientPort))
{
    m_client.fd = clientFd;
    m_up.from = &m_client;
    m_up.to = &m_target;
    m_up.bytes = &m_info.bytesUp;
    m_down.from = &m_target;
    m_down.to = &m_client;
    m_down.bytes = &m_info.bytesDown;
    m_lastActivityMs = worker->nowMs();
    NativeSocket::setNoDelay(clientFd);
    if (m_rule->inspect) {
        m_inspector = std::make_unique<StreamInspector>();
        m_inspector->setDetails(m_rule->publishRequests);
        m_info.protocol = Protocol::Unknown;
    }
}

RelaySession::~RelaySession()
{
    closeSide(m_client, false);
    closeSide(m_target, false);
}

void RelaySession::start()
{
    m_connectTimer = startTimer(m_rule->rule.connectTimeoutMs);
    if (!m_rule->targetAddress.isNull()) {
        m_addresses = {m_rule->targetAddress};
        connectNext();
        return;
    }
    // Resolved for every connection, so a changed cluster address is picked up.
    QHostInfo::lookupHost(m_rule->rule.target.host, this, &RelaySession::onResolved);
}

void RelaySession::onResolved(const QHostInfo &info)
{
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        fail(CloseReason::TargetUnreachable,
             QStringLiteral("cannot resolve \"%1\": %2").arg(m_rule->rule.target.host, info.errorString()));
        return;
    }
    m_addresses = info.addresses();
    connectNext();
}

void RelaySession::connectNext()
{
    while (m_nextAddress < m_addresses.size()) {
        const QHostAddress address = m_addresses.at(m_nextAddress++);
        m_info.targetAddress = address;
        sockaddr_storage storage{};
        const socklen_t length = NativeSocket::toSockaddr(address, m_info.targetPort, &storage);
        const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            m_connectError = CloseReason::TargetUnreachable;
            m_connectErrorText = QStringLiteral("cannot open a socket: ") + NativeSocket::errorText(errno);
            break;
        }
        NativeSocket::setNoDelay(fd);
        m_target.fd = fd;
        if (::connect(fd, reinterpret_cast<sockaddr *>(&storage), length) == 0) {
            onConnected();
            return;
        }
        if (errno == EINPROGRESS) {
            m_target.write = new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, this);
            connect(m_target.write, &QSocketNotifier::activated, this, [this] {
                if (m_info.state == ConnectionState::Connecting)
                    onConnectResult();
                else
                    onWritable(m_up);
            });
            return;
        }
        m_connectError = connectReason(errno);
        m_connectErrorText = NativeSocket::errorText(errno);
        closeSide(m_target, false);
    }
    fail(m_connectError, m_connectErrorText);
}

void RelaySession::onConnectResult()
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(m_target.fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        error = errno;
    if (error == 0) {
        onConnected();
        return;
    }
    if (error == ECONNRESET) {
        // Accepted, then reset before this thread saw the connect complete: the target
        // was reached and ended it, so pass the reset on as for an open session.
        abort(CloseReason::TargetReset);
        return;
    }
    m_connectError = connectReason(error);
    m_connectErrorText = NativeSocket::errorText(error);
    closeSide(m_target, false);
    connectNext();
}

void RelaySession::onConnected()
{
    killTimer(m_connectTimer);
    m_connectTimer = 0;
    m_info.state = ConnectionState::Open;
    NativeSocket::address(m_target.fd, false, &m_info.localAddress, &m_info.localPort);
    m_lastActivityMs = m_worker->nowMs();

    if (m_target.write) {
        m_target.write->setEnabled(false);
    } else {
        m_target.write = writeNotifier(m_target.fd);
        connect(m_target.write, &QSocketNotifier::activated, this, [this] { onWritable(m_up); });
    }
    m_client.write = writeNotifier(m_client.fd);
    connect(m_client.write, &QSocketNotifier::activated, this, [this] { onWritable(m_down); });
    m_client.read = new QSocketNotifier(qintptr(m_client.fd), QSocketNotifier::Read, this);
    connect(m_client.read, &QSocketNotifier::activated, this, [this] { onReadable(m_up); });
    m_target.read = new QSocketNotifier(qintptr(m_target.fd), QSocketNotifier::Read, this);
    connect(m_target.read, &QSocketNotifier::activated, this, [this] { onReadable(m_down); });
}

// Switched off from the start, so it costs no registration: most sessions never need one.
QSocketNotifier *RelaySession::writeNotifier(int fd)
{
    auto *notifier = new QSocketNotifier(QSocketNotifier::Write, this);
    notifier->setSocket(qintptr(fd));
    return notifier;
}

void RelaySession::onReadable(Flow &flow)
{
    char *buffer = m_worker->scratch();
    for (int i = 0; i < ReadsPerEvent; ++i) {
        const ssize_t n = ::recv(flow.from->fd, buffer, RelayWorker::ScratchSize, 0);
        if (n == 0) {
            flow.eof = true;
            flow.from->read->setEnabled(false);
            endFlow(flow);
            return;
        }
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                return;
            abort(resetReason(*flow.from));
            return;
        }
        *flow.bytes += quint64(n);
        m_lastActivityMs = m_worker->nowMs();
        ssize_t sent = ::send(flow.to->fd, buffer, size_t(n), MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                abort(resetReason(*flow.to));
                return;
            }
            sent = 0;
        }
        // After the send: inspection looks at what went by, it never holds it back.
        if (m_inspector)
            inspect(flow, buffer, qsizetype(n));
        if (sent < n) {
            // The far side is behind: keep the rest and stop reading until it drains.
            flow.pendingSize = n - sent;
            flow.pendingOffset = 0;
            flow.pending.reset(new char[size_t(flow.pendingSize)]);
            std::memcpy(flow.pending.get(), buffer + sent, size_t(flow.pendingSize));
            flow.from->read->setEnabled(false);
            flow.to->write->setEnabled(true);
            return;
        }
        if (n < RelayWorker::ScratchSize)
            return;  // drained for now; the next read would only say EAGAIN
    }
}

void RelaySession::inspect(const Flow &flow, const char *data, qsizetype size)
{
    if (&flow == &m_up)
        m_inspector->clientData(data, size, m_worker->nowMs());
    else
        m_inspector->serverData(data, size, m_worker->nowMs());
    takeInspection();
}

// Publishes the finished requests and what is known of the protocol; an inspector
// that has nothing more to learn is dropped, so the rest of the stream costs nothing.
void RelaySession::takeInspection()
{
    const QList<InspectedRequest> requests = m_inspector->takeRequests();
    if (!requests.isEmpty()) {
        m_info.requests += int(requests.size());
        if (m_rule->publishRequests)
            m_worker->requestsSeen(*this, requests);
    }
    switch (m_inspector->kind()) {
    case StreamInspector::Kind::Unknown: break;
    case StreamInspector::Kind::Http: m_info.protocol = Protocol::Http; break;
    case StreamInspector::Kind::Tls:
        m_info.protocol = Protocol::Tls;
        if (const InspectedTls *tls = m_inspector->tls()) {
            m_info.serverName = tls->serverName;
            m_info.alpn = tls->alpn;
        }
        break;
    case StreamInspector::Kind::Other:
        m_info.protocol = Protocol::Other;
        m_info.protocolNote = m_inspector->otherReason();
        break;
    }
    if (m_inspector->done())
        m_inspector.reset();
}

void RelaySession::onWritable(Flow &flow)
{
    const ssize_t sent = ::send(flow.to->fd, flow.pending.get() + flow.pendingOffset,
                                size_t(flow.pendingSize - flow.pendingOffset), MSG_NOSIGNAL);
    if (sent < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            abort(resetReason(*flow.to));
        return;
    }
    flow.pendingOffset += sent;
    if (flow.pendingOffset < flow.pendingSize)
        return;
    flow.pending.reset();
    flow.pendingSize = flow.pendingOffset = 0;
    flow.to->write->setEnabled(false);
    flow.from->read->setEnabled(true);
}

// `from` sent its FIN and everything before it went out: pass the half-close on.
void RelaySession::endFlow(Flow &flow)
{
    ::shutdown(flow.to->fd, SHUT_WR);
    flow.shutDown = true;
    const bool fromClient = flow.from == &m_client;
    if (m_firstEnd == CloseReason::None) {
        m_firstEnd = fromClient ? CloseReason::ClientClosed : CloseReason::TargetClosed;
        m_info.state = fromClient ? ConnectionState::ClientHalfClosed : ConnectionState::TargetHalfClosed;
    }
    if (m_up.shutDown && m_down.shutDown)
        finish(m_firstEnd, false);
}

CloseReason RelaySession::resetReason(const Side &side) const
{
    return &side == &m_client ? CloseReason::ClientReset : CloseReason::TargetReset;
}

// `why` ends a "failed" line, which stays English (see RelayWorker::refuse).
void RelaySession::fail(CloseReason reason, const QString &why)
{
    m_worker->connectionFailed(*this, reason, why);
    finish(reason, false);
}

// One side reset (or failed hard): the other side gets a reset too.
void RelaySession::abort(CloseReason reason)
{
    finish(reason, true);
}

void RelaySession::close(CloseReason reason)
{
    finish(reason, false);
}

void RelaySession::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_connectTimer)
        return;
    killTimer(m_connectTimer);
    m_connectTimer = 0;
    fail(CloseReason::ConnectTimeout,
         QStringLiteral("no answer within %1 ms").arg(m_rule->rule.connectTimeoutMs));
}

void RelaySession::finish(CloseReason reason, bool reset)
{
    if (isClosed())
        return;
    if (m_connectTimer)
        killTimer(m_connectTimer);
    m_connectTimer = 0;
    closeSide(m_client, reset);
    closeSide(m_target, reset);
    m_up.pending.reset();
    m_down.pending.reset();
    if (m_inspector) {
        m_inspector->finish(m_worker->nowMs(), m_down.eof);
        takeInspection();
        m_inspector.reset();
    }
    m_info.state = ConnectionState::Closed;
    m_info.closeReason = reason;
    m_info.closedAt = QDateTime::currentDateTimeUtc();
    m_worker->sessionClosed(this);
}

void RelaySession::closeSide(Side &side, bool reset)
{
    // Notifiers go before the descriptor, which the kernel may hand out again at once.
    for (QSocketNotifier *notifier : {side.read, side.write}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    side.read = side.write = nullptr;
    if (side.fd < 0)
        return;
    if (reset) {
        const linger abortive{1, 0};
        ::setsockopt(side.fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
    }
    ::close(side.fd);
    side.fd = -1;
}
