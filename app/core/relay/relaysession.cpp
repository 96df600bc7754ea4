#include "relaysession.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "nativesocket.h"
#include "ruleruntime.h"

namespace {

// Reads per turn before yielding to the other sessions of this worker.
constexpr int ReadsPerTurn = 4;

CloseReason connectReason(int error)
{
    return error == ECONNREFUSED ? CloseReason::TargetRefused : CloseReason::TargetUnreachable;
}

bool wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK || error == EINTR;
}

} // namespace

RelaySession::RelaySession(SessionHost &host, std::shared_ptr<RuleRuntime> rule, ConnectionInfo info, int clientFd)
    : m_host(host), m_rule(std::move(rule)), m_info(std::move(info))
{
    m_client.fd = clientFd;
    m_up.from = &m_client;
    m_up.to = &m_target;
    m_up.bytes = &m_info.bytesUp;
    m_down.from = &m_target;
    m_down.to = &m_client;
    m_down.bytes = &m_info.bytesDown;
    m_lastActivityMs = host.nowMs();
    // TCP_NODELAY on the client's side came with accept(), from the listening socket.
    if (m_rule->inspect) {
        m_inspector = std::make_unique<StreamInspector>();
        m_inspector->setDetails(m_rule->publishRequests);
        m_inspector->setCaptureLimit(m_rule->captureBytes);
        m_info.protocol = Protocol::Unknown;
    }
}

RelaySession::~RelaySession()
{
    if (m_connectTimer)
        m_host.stopConnectTimer(m_connectTimer);
    dropFaults();
    closeSide(m_client, false);
    closeSide(m_target, false);
}

void RelaySession::start()
{
    // The set in force now: a rule that moves meanwhile sends later connections elsewhere.
    m_targets = m_rule->targets();
    m_order = m_targets->order();
    if (m_rule->hasFaults())
        applyFaults();
    connectTarget();
}

void RelaySession::applyFaults()
{
    const std::shared_ptr<const Faults> faults = m_rule->faults();
    const FaultPlan plan = faults ? FaultPlan::draw(*faults) : FaultPlan{};
    if (!plan.any() && (!m_faults || (m_faults->up.isEmpty() && m_faults->down.isEmpty()))) {
        dropFaults();
        return;
    }
    if (!m_faults)
        m_faults = std::make_unique<Faulted>();
    m_faults->plan = plan;
    // Timed faults count from the connect, or from now for a connection open already;
    // a reset after N bytes counts from now.
    m_faults->connectedMs = m_info.state == ConnectionState::Connecting ? -1 : m_host.nowMs();
    m_faults->resetChecks = 0;
    m_up.passed = m_down.passed = 0;
}

// The next target in m_order, or the failure when none is left.
void RelaySession::connectTarget()
{
    if (m_connectTimer)
        m_host.stopConnectTimer(m_connectTimer);
    m_connectTimer = 0;
    if (m_orderPos >= m_order.size()) {
        fail(m_connectError, m_connectErrorText);
        return;
    }
    m_targetIndex = m_order[m_orderPos++];
    const TargetSet::Target &target = m_targets->targets[size_t(m_targetIndex)];
    m_info.targetAddress = target.address;
    m_info.targetPort = target.endpoint.port;
    m_addresses.clear();
    m_nextAddress = 0;
    if (!target.address.isNull()) {
        m_addresses = {target.address};
        connectNext();
        return;
    }
    // Resolved for every connection, so a changed cluster address is picked up.
    m_connectTimer = m_host.startConnectTimer(*this);
    m_host.lookUp(*this, target.endpoint.host);
}

const Endpoint &RelaySession::target() const
{
    return m_targets->targets[size_t(std::max(m_targetIndex, 0))].endpoint;
}

void RelaySession::resolved(const QHostInfo &info)
{
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        m_connectError = CloseReason::TargetUnreachable;
        m_connectErrorText = QStringLiteral("cannot resolve \"%1\": %2").arg(target().host, info.errorString());
        targetFailed();
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
            m_host.readiness().watch(fd, this, Readiness::Edge);
            onConnected();
            return;
        }
        if (errno == EINPROGRESS) {
            // The timer counts from the target's first try: a name's addresses share it.
            if (!m_connectTimer)
                m_connectTimer = m_host.startConnectTimer(*this);
            m_host.readiness().watch(fd, this, Readiness::Edge);
            m_host.readiness().want(fd, false, true);
            return;
        }
        m_connectError = connectReason(errno);
        m_connectErrorText = NativeSocket::errorText(errno);
        closeSide(m_target, false);
        m_target = Side{};
    }
    targetFailed();
}

// The current target did not take the connection: it cools down, the next one is tried.
void RelaySession::targetFailed()
{
    m_host.targetFailed(*this, m_targets->markFailed(m_targetIndex), m_connectError, m_connectErrorText);
    connectTarget();
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
        finish(CloseReason::TargetReset, true);
        return;
    }
    m_connectError = connectReason(error);
    m_connectErrorText = NativeSocket::errorText(error);
    closeSide(m_target, false);
    m_target = Side{};
    connectNext();
}

void RelaySession::onConnected()
{
    if (m_connectTimer)
        m_host.stopConnectTimer(m_connectTimer);
    m_connectTimer = 0;
    m_info.state = ConnectionState::Open;
    if (m_faults)
        m_faults->connectedMs = m_host.nowMs();
    if (m_host.recordsConnections())
        NativeSocket::address(m_target.fd, false, &m_info.localAddress, &m_info.localPort);
    m_lastActivityMs = m_host.nowMs();
    m_target.writable = true;
    m_client.writable = true;
    m_host.readiness().watch(m_client.fd, this, Readiness::Edge);
    pump();
}

void RelaySession::ready(int fd, quint32 events)
{
    Side &side = fd == m_client.fd ? m_client : m_target;
    if (events & (Readable | PeerClosed | Failed))
        side.readable = true;
    if (events & PeerClosed)
        side.peerClosed = true;
    if (events & (Writable | Failed))
        side.writable = true;
    if (m_info.state == ConnectionState::Connecting) {
        if (&side == &m_target && side.writable) {
            // Writable without a failure: connected, no need to ask SO_ERROR.
            if (events & Failed)
                onConnectResult();
            else
                onConnected();
        }
        return;
    }
    pump();
}

void RelaySession::pump()
{
    if (m_faults && !faultDeadlines())
        return;
    pump(m_up);
    if (!isClosed())
        pump(m_down);
    if (!isClosed())
        updateWants();
}

// Sends what `to` did not take before; true when nothing is left.
bool RelaySession::sendPending(Flow &flow)
{
    if (!flow.to->writable)
        return false;
    const ssize_t sent = ::send(flow.to->fd, flow.pending.get() + flow.pendingOffset,
                                size_t(flow.pendingSize - flow.pendingOffset), MSG_NOSIGNAL);
    if (sent < 0) {
        if (!wouldBlock(errno))
            finish(resetReason(*flow.to), true);
        else
            flow.to->writable = false;
        return false;
    }
    flow.pendingOffset += sent;
    if (flow.pendingOffset < flow.pendingSize) {
        flow.to->writable = false;  // its buffer is full: wait to be told
        return false;
    }
    flow.pending.reset();
    flow.pendingSize = flow.pendingOffset = 0;
    return true;
}

void RelaySession::pump(Flow &flow)
{
    if (m_faults) {
        DelayLine &line = &flow == &m_up ? m_faults->up : m_faults->down;
        const FaultPlan::Way &way = &flow == &m_up ? m_faults->plan.up : m_faults->plan.down;
        if (way.any() || !line.isEmpty() || flow.eofDelayed) {
            pumpWithFaults(flow, line, way);
            return;
        }
    }
    if (flow.pendingSize && !sendPending(flow))
        return;
    if (flow.eof)
        return;
    char *buffer = m_host.scratch();
    for (int i = 0; flow.from->readable; ++i) {
        if (i == ReadsPerTurn) {
            m_host.pumpLater(*this);  // an edge-triggered source will not tell again
            return;
        }
        const ssize_t n = ::recv(flow.from->fd, buffer, SessionHost::ScratchSize, 0);
        if (n == 0) {
            flow.from->readable = false;
            endFlow(flow);
            return;
        }
        if (n < 0) {
            if (readFailed(flow))
                return;
            continue;
        }
        *flow.bytes += quint64(n);
        m_lastActivityMs = m_host.nowMs();
        ssize_t sent = ::send(flow.to->fd, buffer, size_t(n), MSG_NOSIGNAL);
        if (sent < 0) {
            if (!wouldBlock(errno)) {
                finish(resetReason(*flow.to), true);
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
            flow.to->writable = false;
            return;
        }
        // A short read emptied the socket: the next data comes with an event. With the
        // peer's FIN in before the read, that was the last of it: the end, without
        // the recv() that would only say 0.
        if (n < SessionHost::ScratchSize) {
            flow.from->readable = false;
            if (flow.from->peerClosed) {
                endFlow(flow);
                return;
            }
        }
    }
}

// One direction through its faults: what is due is sent, then read as far as the
// delay line has room, then sent again if due at once; the timer is set for the next.
void RelaySession::pumpWithFaults(Flow &flow, DelayLine &line, const FaultPlan::Way &way)
{
    if (flow.pendingSize && !sendPending(flow))
        return;
    if (way.hold)
        return;  // a timeout: nothing passes until it is cleared
    const auto sendDue = [&] {
        const qint64 now = m_host.nowMs();
        while (!line.isEmpty() && line.nextDueMs() <= now && flow.to->writable) {
            const qsizetype size = line.frontSize();
            const ssize_t sent = ::send(flow.to->fd, line.frontData(), size_t(size), MSG_NOSIGNAL);
            if (sent < 0) {
                if (!wouldBlock(errno)) {
                    finish(resetReason(*flow.to), true);
                    return false;
                }
                flow.to->writable = false;
                break;
            }
            line.consume(sent);
            flow.passed += sent;
            if (sent < size)
                flow.to->writable = false;
        }
        return true;
    };
    if (!sendDue())
        return;
    char *buffer = m_host.scratch();
    for (int i = 0; !flow.eof && !flow.eofDelayed && flow.from->readable; ++i) {
        qsizetype room = std::min<qsizetype>(line.room(way), SessionHost::ScratchSize);
        if (way.resetAfterBytes > 0)
            room = std::min(room, way.resetAfterBytes - flow.passed - line.bytes());
        if (room <= 0)
            break;
        if (i == ReadsPerTurn) {
            m_host.pumpLater(*this);
            break;
        }
        const ssize_t n = ::recv(flow.from->fd, buffer, size_t(room), 0);
        if (n == 0) {
            flow.from->readable = false;
            flow.eofDelayed = true;  // the FIN keeps its place behind the bytes
            break;
        }
        if (n < 0) {
            if (readFailed(flow))
                return;
            continue;
        }
        *flow.bytes += quint64(n);
        m_lastActivityMs = m_host.nowMs();
        line.add(buffer, n, m_lastActivityMs, way);
        if (m_inspector)
            inspect(flow, buffer, qsizetype(n));
        if (n < room) {
            flow.from->readable = false;
            flow.eofDelayed = flow.from->peerClosed;
        }
    }
    if (!sendDue())
        return;
    if (way.resetAfterBytes > 0 && flow.passed >= way.resetAfterBytes) {
        resetByFault();
        return;
    }
    if (!line.isEmpty()) {
        if (flow.to->writable)
            armFaultTimer(line.nextDueMs());  // else its writable event comes first
    } else if (flow.eofDelayed && !flow.eof) {
        endFlow(flow);
    }
}

// The timed faults: a reset, or a timeout's close, once their time came; until then
// the timer waits for it. False when the session ended.
bool RelaySession::faultDeadlines()
{
    if (m_faults->connectedMs < 0)
        return true;
    const qint64 now = m_host.nowMs();
    const std::pair<int, CloseReason> deadlines[] = {{m_faults->plan.resetAfterMs, CloseReason::FaultReset},
                                                     {m_faults->plan.closeAfterMs, CloseReason::FaultTimeout}};
    for (const auto &[afterMs, reason] : deadlines) {
        if (afterMs < 0)
            continue;
        const qint64 due = m_faults->connectedMs + afterMs;
        if (now >= due) {
            finish(reason, reason == CloseReason::FaultReset);
            return false;
        }
        armFaultTimer(due);
    }
    return true;
}

void RelaySession::dropFaults()
{
    if (m_faults && m_faults->timer)
        m_host.stopFaultTimer(m_faults->timer);
    m_faults.reset();
}

void RelaySession::armFaultTimer(qint64 dueMs)
{
    if (m_faults->timer) {
        if (m_faults->timerDueMs <= dueMs)
            return;
        m_host.stopFaultTimer(m_faults->timer);
    }
    m_faults->timerDueMs = dueMs;
    m_faults->timer = m_host.startFaultTimer(*this, std::max<qint64>(0, dueMs - m_host.nowMs()));
}

void RelaySession::faultTimedOut()
{
    m_faults->timer = 0;
    pump();
}

// The N bytes a reset fault lets through leave first (the client reads them before the
// reset), for a second at most; then both sides get a reset.
void RelaySession::resetByFault()
{
    for (const Side *side : {&m_client, &m_target}) {
        int unsent = 0;
        if (::ioctl(side->fd, SIOCOUTQ, &unsent) == 0 && unsent > 0 && m_faults->resetChecks++ < 200) {
            armFaultTimer(m_host.nowMs() + 5);
            return;
        }
    }
    finish(CloseReason::FaultReset, true);
}

// Only the level-triggered kind of Readiness listens to this.
void RelaySession::updateWants()
{
    bool readUp = !m_up.eof && !m_up.pendingSize;
    bool readDown = !m_down.eof && !m_down.pendingSize;
    bool writeTarget = m_up.pendingSize > 0;
    bool writeClient = m_down.pendingSize > 0;
    if (m_faults) {
        // Not read while the delay line is full or held: the timer or the far side's
        // writable event pumps again.
        const FaultPlan &plan = m_faults->plan;
        readUp = readUp && !m_up.eofDelayed && !plan.up.hold && m_faults->up.room(plan.up) > 0;
        readDown = readDown && !m_down.eofDelayed && !plan.down.hold && m_faults->down.room(plan.down) > 0;
        writeTarget = writeTarget || (!m_faults->up.isEmpty() && !m_target.writable);
        writeClient = writeClient || (!m_faults->down.isEmpty() && !m_client.writable);
    }
    m_host.readiness().want(m_client.fd, readUp, writeClient);
    m_host.readiness().want(m_target.fd, readDown, writeTarget);
}


void RelaySession::inspect(const Flow &flow, const char *data, qsizetype size)
{
    if (&flow == &m_up)
        m_inspector->clientData(data, size, m_host.nowMs());
    else
        m_inspector->serverData(data, size, m_host.nowMs());
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
            m_host.requestsSeen(*this, requests);
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

// recv() on flow.from returned -1: true when that ended the session (a reset, passed on);
// else the source is merely empty for now (or was interrupted: read again).
bool RelaySession::readFailed(Flow &flow)
{
    if (!wouldBlock(errno)) {
        finish(resetReason(*flow.from), true);
        return true;
    }
    if (errno != EINTR)
        flow.from->readable = false;
    return false;
}

// `from` sent its FIN and everything before it went out: pass the half-close on.
void RelaySession::endFlow(Flow &flow)
{
    flow.eof = true;
    const bool fromClient = flow.from == &m_client;
    if (m_firstEnd == CloseReason::None) {
        m_firstEnd = fromClient ? CloseReason::ClientClosed : CloseReason::TargetClosed;
        m_info.state = fromClient ? ConnectionState::ClientHalfClosed : ConnectionState::TargetHalfClosed;
    }
    flow.shutDown = true;
    // The last direction to end needs no shutdown(): closing sends the same FIN.
    if (m_up.shutDown && m_down.shutDown) {
        finish(m_firstEnd, false);
        return;
    }
    ::shutdown(flow.to->fd, SHUT_WR);
}

CloseReason RelaySession::resetReason(const Side &side) const
{
    return &side == &m_client ? CloseReason::ClientReset : CloseReason::TargetReset;
}

// `why` ends a "failed" line, which stays English (see RelayWorker::refuse).
void RelaySession::fail(CloseReason reason, const QString &why)
{
    m_host.connectionFailed(*this, reason, why);
    finish(reason, false);
}

void RelaySession::close(CloseReason reason)
{
    finish(reason, false);
}

void RelaySession::connectTimedOut()
{
    m_connectTimer = 0;
    closeSide(m_target, false);
    m_target = Side{};
    m_connectError = CloseReason::ConnectTimeout;
    m_connectErrorText = QStringLiteral("no answer within %1 ms").arg(m_rule->rule.connectTimeoutMs);
    targetFailed();
}

// reset: one side reset (or failed hard), so the other side gets a reset too.
void RelaySession::finish(CloseReason reason, bool reset)
{
    if (isClosed())
        return;
    if (m_connectTimer)
        m_host.stopConnectTimer(m_connectTimer);
    m_connectTimer = 0;
    dropFaults();
    closeSide(m_client, reset);
    closeSide(m_target, reset);
    m_up.pending.reset();
    m_down.pending.reset();
    if (m_inspector) {
        m_inspector->finish(m_host.nowMs(), m_down.eof);
        takeInspection();
        m_inspector.reset();
    }
    m_info.state = ConnectionState::Closed;
    m_info.closeReason = reason;
    m_info.closedAt = QDateTime::currentDateTimeUtc();
    m_host.sessionClosed(*this);
}

void RelaySession::closeSide(Side &side, bool reset)
{
    if (side.fd < 0)
        return;
    // Before the descriptor, which the kernel may hand out again at once.
    m_host.readiness().unwatch(side.fd, true);
    if (reset) {
        const linger abortive{1, 0};
        ::setsockopt(side.fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
    }
    ::close(side.fd);
    side.fd = -1;
}
