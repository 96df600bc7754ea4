#include "udprelay.h"

#include <algorithm>
#include <cerrno>
#include <deque>

#include <netinet/in.h>
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
// The one socket takes every client's datagrams: room for bursts (the kernel caps it at
// net.core.rmem_max). UDP has no autotuning for this to defeat, unlike TCP.
constexpr int ReceiveBuffer = 1024 * 1024;
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

UdpClientKey keyOf(const sockaddr_storage &peer)
{
    UdpClientKey key;
    key.family = peer.ss_family;
    if (peer.ss_family == AF_INET6) {
        const auto &in6 = reinterpret_cast<const sockaddr_in6 &>(peer);
        std::memcpy(key.address, &in6.sin6_addr, sizeof in6.sin6_addr);
        key.scope = in6.sin6_scope_id;
        key.port = in6.sin6_port;
    } else {
        const auto &in4 = reinterpret_cast<const sockaddr_in &>(peer);
        std::memcpy(key.address, &in4.sin_addr, sizeof in4.sin_addr);
        key.port = in4.sin_port;
    }
    return key;
}

} // namespace

size_t qHash(const UdpClientKey &key, size_t seed)
{
    return qHashBits(&key, sizeof key, seed);
}

// Where a datagram came from, and (on a wildcard address) which of ours it was sent to.
struct UdpRelay::Client
{
    sockaddr_storage address{};
    socklen_t length = 0;
    UdpClientKey key;
    bool hasLocal = false;
    in_pktinfo local4{};
    in6_pktinfo local6{};
};

struct UdpRelay::Session final : public ReadinessHandler
{
    explicit Session(UdpRelay &relay) : relay(relay) {}
    void ready(int, quint32 events) override { relay.sessionReady(*this, events); }

    UdpRelay &relay;
    Client client;
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
    sockaddr_storage address{};
    const quint16 port = m_rule->rule.listen.port;
    const socklen_t length = NativeSocket::toSockaddr(m_rule->listenAddress, port, &address);
    m_wildcard = m_rule->listenAddress == QHostAddress::AnyIPv4 || m_rule->listenAddress == QHostAddress::AnyIPv6;
    const int fd = ::socket(address.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    // No SO_REUSEADDR: on UDP it would let a second socket (another Pasarela) bind the
    // same port and share its datagrams, and there is no TIME_WAIT for it to skip.
    const int one = 1;
    if (fd >= 0) {
        if (address.ss_family == AF_INET6) {
            ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
            if (m_wildcard)
                ::setsockopt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &one, sizeof one);
        } else if (m_wildcard) {
            ::setsockopt(fd, IPPROTO_IP, IP_PKTINFO, &one, sizeof one);
        }
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &ReceiveBuffer, sizeof ReceiveBuffer);
    }
    if (fd < 0 || ::bind(fd, reinterpret_cast<const sockaddr *>(&address), length) != 0) {
        const int error = errno;
        if (fd >= 0)
            ::close(fd);
        return Error{m_rule->rule.listen.toString() + QStringLiteral(": ") + listenErrorAdvice(error, port)};
    }
    m_fd = fd;
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
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(in6_pktinfo))];
    for (int i = 0; m_readable && m_fd >= 0; ++i) {
        if (i == DatagramsPerTurn) {
            later(0);  // an edge-triggered socket will not tell again
            return;
        }
        Client client;
        iovec iov{buffer, MaxDatagram};
        msghdr message{};
        message.msg_name = &client.address;
        message.msg_namelen = sizeof client.address;
        message.msg_iov = &iov;
        message.msg_iovlen = 1;
        if (m_wildcard) {
            message.msg_control = control;
            message.msg_controllen = sizeof control;
        }
        const ssize_t n = ::recvmsg(m_fd, &message, 0);
        if (n < 0) {
            if (wouldBlock(errno))
                m_readable = false;
            continue;  // EINTR, or an error of one datagram
        }
        client.length = message.msg_namelen;
        client.key = keyOf(client.address);
        for (cmsghdr *c = m_wildcard ? CMSG_FIRSTHDR(&message) : nullptr; c; c = CMSG_NXTHDR(&message, c)) {
            if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
                std::memcpy(&client.local4, CMSG_DATA(c), sizeof client.local4);
                client.hasLocal = true;
            } else if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_PKTINFO) {
                std::memcpy(&client.local6, CMSG_DATA(c), sizeof client.local6);
                client.hasLocal = true;
            }
        }
        fromClient(client, buffer, n);
    }
}

void UdpRelay::fromClient(const Client &client, const char *data, qsizetype size)
{
    Session *s = m_sessions.value(client.key);
    if (!s && !(s = open(client)))
        return;
    s->lastActivityMs = m_host.nowMs();
    sendToTarget(*s, data, size);
}

// A new client: admitted (a session, connecting to the first target in order) or
// turned away, with one "refused" until it has been quiet for the idle timeout.
UdpRelay::Session *UdpRelay::open(const Client &client)
{
    const qint64 now = m_host.nowMs();
    const auto refused = m_refused.find(client.key);
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
        m_refused.insert(client.key, Refused{reason, now});
        m_host.refuse(m_rule, -1, address, port, reason, why);
        return nullptr;
    }
    if (refused != m_refused.end())
        m_refused.erase(refused);
    auto *s = new Session(*this);
    s->client = client;
    s->info = m_host.newConnection(*m_rule, -1, address, port);
    s->info.transport = Transport::Udp;
    if (client.hasLocal) {
        if (client.address.ss_family == AF_INET6)
            s->info.listenAddress.setAddress(client.local6.ipi6_addr.s6_addr);
        else
            s->info.listenAddress.setAddress(ntohl(client.local4.ipi_addr.s_addr));
    }
    s->lastActivityMs = now;
    // The set in force now: a rule that moves meanwhile sends later sessions elsewhere.
    s->targets = m_rule->targets();
    s->order = s->targets->order();
    m_sessions.insert(client.key, s);
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
        const int error = connectTo(s, s.addresses.at(s.nextAddress++));
        if (error == 0)
            return true;
        s.error = CloseReason::TargetUnreachable;
        s.errorText = NativeSocket::errorText(error);
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

// 0, or the errno of socket() or connect().
int UdpRelay::connectTo(Session &s, const QHostAddress &address)
{
    sockaddr_storage storage{};
    const socklen_t length = NativeSocket::toSockaddr(address, s.info.targetPort, &storage);
    const int fd = ::socket(storage.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return errno;
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0) {
        const int error = errno;
        ::close(fd);
        return error;
    }
    s.fd = fd;
    s.info.targetAddress = address;
    s.info.state = ConnectionState::Open;
    if (m_host.recordsConnections())
        NativeSocket::address(fd, false, &s.info.localAddress, &s.info.localPort);
    m_host.readiness().watch(fd, &s, Readiness::Edge);
    flushToTarget(s);  // what came while the name was resolved; also sets what to watch for
    return 0;
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
        const int error = sendTo(s, data, size);
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
            const int error = sendTo(*s, datagram.constData(), datagram.size());
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

// 0, or the errno of sendmsg(). On a wildcard address, from the address the client sent
// to: a reply from another of this machine's addresses would be ignored by the client.
int UdpRelay::sendTo(const Session &s, const char *data, qsizetype size)
{
    iovec iov{const_cast<char *>(data), size_t(size)};
    msghdr message{};
    message.msg_name = const_cast<sockaddr_storage *>(&s.client.address);
    message.msg_namelen = s.client.length;
    message.msg_iov = &iov;
    message.msg_iovlen = 1;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(in6_pktinfo))] = {};
    if (s.client.hasLocal) {
        const bool v6 = s.client.address.ss_family == AF_INET6;
        message.msg_control = control;
        message.msg_controllen = v6 ? CMSG_SPACE(sizeof(in6_pktinfo)) : CMSG_SPACE(sizeof(in_pktinfo));
        cmsghdr *c = CMSG_FIRSTHDR(&message);
        if (v6) {
            c->cmsg_level = IPPROTO_IPV6;
            c->cmsg_type = IPV6_PKTINFO;
            c->cmsg_len = CMSG_LEN(sizeof(in6_pktinfo));
            std::memcpy(CMSG_DATA(c), &s.client.local6, sizeof(in6_pktinfo));
        } else {
            in_pktinfo local{};
            local.ipi_spec_dst = s.client.local4.ipi_addr;  // the source; the route picks the interface
            c->cmsg_level = IPPROTO_IP;
            c->cmsg_type = IP_PKTINFO;
            c->cmsg_len = CMSG_LEN(sizeof(in_pktinfo));
            std::memcpy(CMSG_DATA(c), &local, sizeof local);
        }
    }
    return ::sendmsg(m_fd, &message, MSG_NOSIGNAL) >= 0 ? 0 : errno;
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
    m_host.connectionFailed(s.info, s.info.targetAddress.isNull() ? s.target().toString()
                                                                  : Endpoint{s.info.targetAddress.toString(), s.info.targetPort}.toString(),
                            reason, why);
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
    m_sessions.remove(s.client.key);
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
