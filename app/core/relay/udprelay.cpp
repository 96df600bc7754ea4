#include "udprelay.h"

#include <algorithm>
#include <cerrno>
#include <deque>

#include <sys/socket.h>
#include <unistd.h>

#include <QHostInfo>

#include "listener.h"
#include "nativesocket.h"
#include "relaysession.h"
#include "ruleruntime.h"

namespace {

// Datagrams read from one socket per turn before the other sockets of the worker get theirs.
constexpr int DatagramsPerTurn = 64;
// A UDP payload is at most 65,507 bytes over IPv4 and 65,527 over IPv6 (jumbograms aside).
constexpr size_t MaxDatagram = 65536;
// Clients turned away that are remembered (one "refused" each until they go quiet).
constexpr int MaxRefusedRemembered = 4096;

static_assert(MaxDatagram <= size_t(SessionHost::ScratchSize));

bool wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK;
}

// Errors of a connect()ed socket that mean the target is not there (ICMP unreachable).
bool targetGone(int error)
{
    return error == ECONNREFUSED || error == EHOSTUNREACH || error == ENETUNREACH || error == EHOSTDOWN;
}

} // namespace

struct UdpRelay::Session final : public ReadinessHandler
{
    explicit Session(UdpRelay &relay) : relay(relay) {}
    void ready(int, quint32 events) override { relay.sessionReady(*this, events); }

    UdpRelay &relay;
    DatagramPeer client;
    UdpClientKey key;
    ConnectionInfo info;
    int fd = -1;  // connect()ed to the target
    bool readable = false;
    std::shared_ptr<const TargetSet> targets;
    TargetSet::Order order;
    qsizetype orderPos = 0;
    int targetIndex = -1;
    QList<QHostAddress> addresses;  // of the target: its address, or what its name resolved to
    qsizetype nextAddress = 0;
    CloseReason error = CloseReason::TargetUnreachable;
    QString errorText;
    std::deque<QByteArray> toTarget;  // while the target's socket is full, or not connected yet
    std::deque<QByteArray> toClient;  // while the clients' socket is full
    qsizetype toTargetBytes = 0;
    qsizetype toClientBytes = 0;
    qint64 lastActivityMs = 0;

    const Endpoint &target() const { return targets->targets[size_t(std::max(targetIndex, 0))].endpoint; }
};

UdpRelay::UdpRelay(UdpHost &host, std::shared_ptr<RuleRuntime> rule, QObject *parent)
    : QObject(parent), m_host(host), m_rule(std::move(rule))
{
}

UdpRelay::~UdpRelay()
{
    stop(CloseReason::RuleStopped);
}

Result<void> UdpRelay::bind()
{
    const quint16 port = m_rule->rule.listen.port;
    m_wildcard = m_rule->listenAddress == QHostAddress::AnyIPv4 || m_rule->listenAddress == QHostAddress::AnyIPv6;
    m_fd = DatagramSocket::bind(m_rule->listenAddress, port, m_wildcard);
    if (m_fd < 0)
        return Error{m_rule->rule.listen.toString() + QStringLiteral(": ") + listenErrorAdvice(errno, port)};
    m_host.readiness().watch(m_fd, this, Readiness::Edge);
    m_host.readiness().want(m_fd, true, false);
    return {};
}

void UdpRelay::stop(CloseReason reason)
{
    const QList<Session *> sessions = m_sessions.values();
    for (Session *s : sessions)
        end(*s, reason);
    deleteEnded();
    if (m_fd >= 0) {
        m_host.readiness().unwatch(m_fd, true);
        ::close(m_fd);
        m_fd = -1;
    }
}

bool UdpRelay::closeSession(quint64 id, CloseReason reason)
{
    Session *s = m_byId.value(id);
    if (s)
        end(*s, reason);
    return s;
}

void UdpRelay::sweepIdle(qint64 nowMs)
{
    const qint64 idleMs = qint64(m_rule->rule.effectiveIdleTimeoutS()) * 1000;
    const QList<Session *> sessions = m_sessions.values();
    for (Session *s : sessions) {
        if (nowMs - s->lastActivityMs >= idleMs)
            end(*s, CloseReason::IdleTimeout);
    }
    m_refused.removeIf([&](const auto &it) { return nowMs - it.value().lastMs >= idleMs; });
}

void UdpRelay::publish(quint64 *bytesUp, quint64 *bytesDown, QList<ConnectionInfo> *connections) const
{
    for (const Session *s : m_sessions) {
        *bytesUp += s->info.bytesUp;
        *bytesDown += s->info.bytesDown;
        if (connections)
            connections->append(s->info);
    }
}

void UdpRelay::ready(int, quint32 events)
{
    if (events & (Writable | Failed))
        flushToClients();
    if (events & (Readable | Failed)) {
        m_readable = true;
        readClients();
    }
}

void UdpRelay::readClients()
{
    char *buffer = m_host.scratch();
    for (int i = 0; m_readable && m_fd >= 0; ++i) {
        if (i == DatagramsPerTurn) {
            later(0);  // an edge-triggered socket will not tell again
            return;
        }
        DatagramPeer client;
        const ssize_t n = DatagramSocket::receive(m_fd, buffer, MaxDatagram, m_wildcard, &client);
        if (n < 0) {
            if (wouldBlock(errno))
                m_readable = false;
            continue;  // EINTR, or an error of one datagram
        }
        fromClient(client, buffer, n);
    }
}

void UdpRelay::fromClient(const DatagramPeer &client, const char *data, qsizetype size)
{
    const UdpClientKey key = client.key();
    Session *s = m_sessions.value(key);
    if (!s && !(s = open(client, key)))
        return;
    s->lastActivityMs = m_host.nowMs();
    sendToTarget(*s, data, size);
}

// A new client: admitted (a session, connecting to the first target in order) or
// turned away, with one "refused" until it has been quiet for the idle timeout.
UdpRelay::Session *UdpRelay::open(const DatagramPeer &client, const UdpClientKey &key)
{
    const qint64 now = m_host.nowMs();
    const auto refused = m_refused.find(key);
    if (refused != m_refused.end() && refused->reason == CloseReason::NotAllowed) {
        refused->lastMs = now;
        return nullptr;
    }
    QHostAddress address;
    quint16 port = 0;
    NativeSocket::fromSockaddr(client.address, &address, &port);
    QString why;
    // Over a limit, the client may get in once a session ends: asked again every time.
    if (const CloseReason reason = m_host.admit(*m_rule, address, &why); reason != CloseReason::None) {
        if (refused != m_refused.end()) {
            *refused = Refused{reason, now};
            return nullptr;
        }
        if (m_refused.size() >= MaxRefusedRemembered)
            m_refused.clear();
        m_refused.insert(key, Refused{reason, now});
        m_host.refuse(m_rule, -1, address, port, reason, why);
        return nullptr;
    }
    if (refused != m_refused.end())
        m_refused.erase(refused);
    auto *s = new Session(*this);
    s->client = client;
    s->key = key;
    s->info = m_host.newConnection(*m_rule, -1, address, port);
    s->info.transport = Transport::Udp;
    if (client.hasLocal)
        s->info.listenAddress = client.localAddress();  // the one of a wildcard's it was sent to
    s->lastActivityMs = now;
    // The set in force now: a rule that moves meanwhile sends later sessions elsewhere.
    s->targets = m_rule->targets();
    s->order = s->targets->order();
    m_sessions.insert(key, s);
    m_byId.insert(s->info.id, s);
    connectTarget(*s);
    return s->info.state == ConnectionState::Closed ? nullptr : s;
}

// The next target in order, or the failure when none is left. connect() on UDP only
// fixes where datagrams go: a target that is not there answers the first one with
// ICMP, which the socket reports as ECONNREFUSED (see targetError()).
void UdpRelay::connectTarget(Session &s)
{
    while (s.orderPos < s.order.size()) {
        s.targetIndex = s.order[s.orderPos++];
        const TargetSet::Target &target = s.targets->targets[size_t(s.targetIndex)];
        s.info.targetAddress = target.address;
        s.info.targetPort = target.endpoint.port;
        if (target.address.isNull()) {
            // Resolved for every session, so a changed cluster address is picked up.
            s.info.state = ConnectionState::Connecting;
            const quint64 id = s.info.id;
            QHostInfo::lookupHost(target.endpoint.host, this, [this, id](const QHostInfo &info) { resolved(id, info); });
            return;
        }
        s.addresses = {target.address};
        s.nextAddress = 0;
        if (connectNext(s))
            return;
    }
    fail(s, s.error, s.errorText);
}

void UdpRelay::resolved(quint64 id, const QHostInfo &info)
{
    Session *s = m_byId.value(id);
    if (!s)
        return;
    s->addresses = info.addresses();
    s->nextAddress = 0;
    if (s->addresses.isEmpty()) {
        s->error = CloseReason::TargetUnreachable;
        s->errorText = QStringLiteral("cannot resolve \"%1\": %2").arg(s->target().host, info.errorString());
    }
    if (!connectNext(*s))
        connectTarget(*s);
}

// The target's next address, as TCP tries a name's addresses in turn; false when none is
// left: then the target failed (s.error says why) and cools down.
bool UdpRelay::connectNext(Session &s)
{
    closeSocket(s);
    while (s.nextAddress < s.addresses.size()) {
        const QHostAddress &address = s.addresses.at(s.nextAddress++);
        s.fd = DatagramSocket::connectTo(address, s.info.targetPort);
        if (s.fd >= 0) {
            s.info.targetAddress = address;
            s.info.state = ConnectionState::Open;
            if (m_host.recordsConnections())
                NativeSocket::address(s.fd, false, &s.info.localAddress, &s.info.localPort);
            m_host.readiness().watch(s.fd, &s, Readiness::Edge);
            flushToTarget(s);  // what came while the name was resolved; also sets what to watch for
            return true;
        }
        s.error = CloseReason::TargetUnreachable;
        s.errorText = NativeSocket::errorText(errno);
    }
    m_host.targetFailed(*m_rule, s.target(), s.targets->markFailed(s.targetIndex), s.error, s.errorText);
    return false;
}

void UdpRelay::closeSocket(Session &s)
{
    if (s.fd < 0)
        return;
    // Before the descriptor, which the kernel may hand out again at once.
    m_host.readiness().unwatch(s.fd, true);
    ::close(s.fd);
    s.fd = -1;
    s.readable = false;
}

// Queued behind what waits already, so the order holds; beyond the bound, dropped.
void UdpRelay::sendToTarget(Session &s, const char *data, qsizetype size)
{
    if (s.fd >= 0 && s.toTarget.empty()) {
        if (::send(s.fd, data, size_t(size), 0) >= 0) {
            s.info.bytesUp += quint64(size);
            return;
        }
        if (!wouldBlock(errno)) {
            targetError(s, errno);
            return;
        }
        m_host.readiness().want(s.fd, true, true);
    }
    if (s.toTargetBytes + size > QueueLimitBytes) {
        ++s.info.dropped;
        return;
    }
    s.toTarget.emplace_back(data, size);
    s.toTargetBytes += size;
}

void UdpRelay::flushToTarget(Session &s)
{
    while (!s.toTarget.empty()) {
        const QByteArray &datagram = s.toTarget.front();
        if (::send(s.fd, datagram.constData(), size_t(datagram.size()), 0) < 0) {
            if (!wouldBlock(errno)) {
                targetError(s, errno);
                return;
            }
            m_host.readiness().want(s.fd, true, true);
            return;
        }
        s.info.bytesUp += quint64(datagram.size());
        s.toTargetBytes -= datagram.size();
        s.toTarget.pop_front();
    }
    m_host.readiness().want(s.fd, true, false);
}

void UdpRelay::sessionReady(Session &s, quint32 events)
{
    if (s.fd < 0)
        return;
    if ((events & (Writable | Failed)) && !s.toTarget.empty()) {
        flushToTarget(s);
        if (s.info.state == ConnectionState::Closed)
            return;
    }
    if (events & (Readable | Failed)) {
        s.readable = true;
        readTarget(s);
    }
}

void UdpRelay::readTarget(Session &s)
{
    char *buffer = m_host.scratch();
    for (int i = 0; s.readable; ++i) {
        if (i == DatagramsPerTurn) {
            later(s.info.id);
            return;
        }
        // 0 bytes is an empty datagram, not an end: UDP has none.
        const ssize_t n = ::recv(s.fd, buffer, MaxDatagram, 0);
        if (n < 0) {
            if (wouldBlock(errno)) {
                s.readable = false;
            } else if (targetGone(errno)) {
                targetError(s, errno);
                return;
            }
            continue;
        }
        s.lastActivityMs = m_host.nowMs();
        sendToClient(s, buffer, n);
    }
}

void UdpRelay::sendToClient(Session &s, const char *data, qsizetype size)
{
    if (s.toClient.empty()) {
        const int error = DatagramSocket::sendTo(m_fd, data, size, s.client);
        if (error == 0) {
            s.info.bytesDown += quint64(size);
            return;
        }
        if (!wouldBlock(error)) {
            ++s.info.dropped;  // the client's address is not reachable from here
            return;
        }
        m_waitingForClients.push_back(s.info.id);
        m_host.readiness().want(m_fd, true, true);
    }
    if (s.toClientBytes + size > QueueLimitBytes) {
        ++s.info.dropped;
        return;
    }
    s.toClient.emplace_back(data, size);
    s.toClientBytes += size;
}

// The socket takes datagrams again: the sessions waiting go first, in the order they waited.
void UdpRelay::flushToClients()
{
    size_t done = 0;
    for (; done < m_waitingForClients.size(); ++done) {
        Session *s = m_byId.value(m_waitingForClients[done]);
        while (s && !s->toClient.empty()) {
            const QByteArray &datagram = s->toClient.front();
            const int error = DatagramSocket::sendTo(m_fd, datagram.constData(), datagram.size(), s->client);
            if (wouldBlock(error)) {
                m_waitingForClients.erase(m_waitingForClients.begin(), m_waitingForClients.begin() + qsizetype(done));
                return;
            }
            if (error == 0)
                s->info.bytesDown += quint64(datagram.size());
            else
                ++s->info.dropped;
            s->toClientBytes -= datagram.size();
            s->toClient.pop_front();
        }
    }
    m_waitingForClients.clear();
    m_host.readiness().want(m_fd, true, false);
}

// A target that is not there (ICMP unreachable): the session moves to the name's next
// address if any (what was sent to this one is lost); else it ends and the target cools
// down, so the client's next datagram opens a session to the next target. Other errors
// drop the datagram.
void UdpRelay::targetError(Session &s, int error)
{
    if (!targetGone(error)) {
        ++s.info.dropped;
        return;
    }
    s.error = error == ECONNREFUSED ? CloseReason::TargetRefused : CloseReason::TargetUnreachable;
    s.errorText = NativeSocket::errorText(error);
    if (!connectNext(s))
        fail(s, s.error, s.errorText);
}

void UdpRelay::fail(Session &s, CloseReason reason, const QString &why)
{
    const QString target = s.info.targetAddress.isNull()
                               ? s.target().toString()
                               : Endpoint{s.info.targetAddress.toString(), s.info.targetPort}.toString();
    m_host.connectionFailed(s.info, target, reason, why);
    end(s, reason);
}

void UdpRelay::end(Session &s, CloseReason reason)
{
    if (s.info.state == ConnectionState::Closed)
        return;
    closeSocket(s);
    s.info.dropped += s.toTarget.size() + s.toClient.size();
    s.toTarget.clear();
    s.toClient.clear();
    s.info.state = ConnectionState::Closed;
    s.info.closeReason = reason;
    s.info.closedAt = QDateTime::currentDateTimeUtc();
    m_host.connectionClosed(*m_rule, s.info);
    m_sessions.remove(s.key);
    m_byId.remove(s.info.id);
    if (m_ended.empty())
        QMetaObject::invokeMethod(this, &UdpRelay::deleteEnded, Qt::QueuedConnection);
    m_ended.emplace_back(&s);
}

void UdpRelay::deleteEnded()
{
    m_ended.clear();
}

// A socket that yielded with more to read is read again once the others had their turn.
void UdpRelay::later(quint64 sessionId)
{
    if (m_later.empty())
        QMetaObject::invokeMethod(this, &UdpRelay::runLater, Qt::QueuedConnection);
    m_later.push_back(sessionId);
}

void UdpRelay::runLater()
{
    for (quint64 id : std::exchange(m_later, {})) {
        if (id == 0)
            readClients();
        else if (Session *s = m_byId.value(id); s && s->readable)
            readTarget(*s);
    }
}
