#include "relayworker.h"

#include <algorithm>
#include <atomic>

#include <unistd.h>

#include <QAbstractEventDispatcher>
#include <QTimer>
#include <QTimerEvent>

#include "nativesocket.h"
#include "ruleruntime.h"

namespace {

constexpr int IdleSweepMs = 250;

QString endpointText(const QHostAddress &address, quint16 port)
{
    return Endpoint{address.toString(), port}.toString();
}

// Keeps at most `cap` items: the oldest go first.
template<typename T>
void appendCapped(QList<T> &list, T item, qsizetype cap)
{
    if (list.size() >= cap)
        list.removeFirst();
    list.append(std::move(item));
}

} // namespace

RelayWorker::RelayWorker(int index) : m_index(index) {}

RelayWorker::~RelayWorker() = default;

void RelayWorker::init(int publishIntervalMs)
{
    m_clock.start();
    m_clockEpochMs = QDateTime::currentMSecsSinceEpoch();
    m_scratch.reset(new char[ScratchSize]);
    m_readiness = Readiness::forCurrentThread();
    // Before every wait, on any Qt event dispatcher: no posted event per closed session.
    connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, this,
            &RelayWorker::deleteClosed);
    m_publishTimer = new QTimer(this);
    connect(m_publishTimer, &QTimer::timeout, this, &RelayWorker::publish);
    m_publishTimer->start(publishIntervalMs);
    m_idleTimer = new QTimer(this);
    connect(m_idleTimer, &QTimer::timeout, this, &RelayWorker::sweepIdle);
    m_idleTimer->start(IdleSweepMs);
}

void RelayWorker::setPublishInterval(int ms)
{
    m_publishTimer->start(ms);
}

ConnectionInfo RelayWorker::newConnection(const RuleRuntime &rule, int clientFd, const QHostAddress &address,
                                          quint16 port) const
{
    static std::atomic<quint64> lastId{0};
    ConnectionInfo info;
    info.id = ++lastId;
    info.ruleId = rule.id;
    info.clientAddress = address;
    info.clientPort = port;
    info.listenAddress = rule.listenAddress;
    info.listenPort = rule.rule.listen.port;
    // On a wildcard listener, say which of this machine's addresses the client reached.
    if (info.listenAddress == QHostAddress::AnyIPv4 || info.listenAddress == QHostAddress::AnyIPv6)
        NativeSocket::address(clientFd, false, &info.listenAddress, &info.listenPort);
    // The first target until the session tries one (a refused client never does).
    const TargetSet::Target &first = rule.targets()->targets.front();
    info.targetAddress = first.address;
    info.targetPort = first.endpoint.port;
    info.openedAt = QDateTime::currentDateTimeUtc();
    return info;
}

void RelayWorker::startListener(const std::shared_ptr<RuleRuntime> &rule, const std::vector<RelayWorker *> &workers)
{
    if (rule->stopped || m_shutDown)
        return;
    if (rule->rule.transport == Transport::Udp) {
        std::unique_ptr<UdpRelay> relay(new UdpRelay(*this, rule, this));  // a private base: no make_unique
        if (const Result<void> bound = relay->bind(); !bound) {
            logEvent(EventLevel::Error, rule->id, bound.error());
            emit listenerState(rule->id, rule->generation, RuleState::Error, bound.error());
            return;
        }
        delete m_udp.value(rule->id);
        m_udp.insert(rule->id, relay.release());
        emit listenerState(rule->id, rule->generation, RuleState::Listening, {});
        return;
    }
    auto listener = std::make_unique<Listener>();
    const Result<std::vector<int>> sockets = listener->listen(*rule, int(workers.size()));
    if (!sockets) {
        logEvent(EventLevel::Error, rule->id, sockets.error());
        emit listenerState(rule->id, rule->generation, RuleState::Error, sockets.error());
        return;
    }
    for (size_t i = 0; i < workers.size(); ++i) {
        RelayWorker *worker = workers[i];
        const int fd = sockets.value()[i];
        QMetaObject::invokeMethod(worker, [worker, rule, fd] { worker->startAccepting(rule, fd); },
                                  Qt::QueuedConnection);
    }
    delete m_listeners.value(rule->id);
    m_listeners.insert(rule->id, listener.release());
    emit listenerState(rule->id, rule->generation, RuleState::Listening, {});
}

void RelayWorker::startAccepting(const std::shared_ptr<RuleRuntime> &rule, int fd)
{
    if (rule->stopped || m_shutDown) {
        ::close(fd);
        return;
    }
    delete m_acceptors.value(rule->id);
    m_acceptors.insert(rule->id, new Acceptor(*this, rule, fd, this));
}

void RelayWorker::stopRule(RuleId id, CloseReason reason)
{
    delete m_acceptors.take(id);
    delete m_listeners.take(id);
    if (UdpRelay *relay = m_udp.take(id)) {
        relay->stop(reason);
        delete relay;
    }
    const QList<RelaySession *> sessions = m_sessions.values();
    for (RelaySession *session : sessions) {
        if (session->rule().id == id)
            session->close(reason);
    }
}

void RelayWorker::forgetRule(RuleId id)
{
    m_counters.remove(id);
}

void RelayWorker::closeConnection(quint64 id)
{
    if (RelaySession *session = m_sessions.value(id)) {
        session->close(CloseReason::ClosedByUser);
        return;
    }
    for (UdpRelay *relay : std::as_const(m_udp)) {
        if (relay->closeSession(id, CloseReason::ClosedByUser))
            return;
    }
}

void RelayWorker::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    qDeleteAll(m_acceptors);
    m_acceptors.clear();
    qDeleteAll(m_listeners);
    m_listeners.clear();
    // What already happened on the wire (a client's FIN just in) ends its session as it
    // would have without the stop; only the rest is ended by it.
    QAbstractEventDispatcher::instance()->processEvents(QEventLoop::AllEvents);
    const QList<RelaySession *> sessions = m_sessions.values();
    for (RelaySession *session : sessions)
        session->close(CloseReason::RuleStopped);
    for (UdpRelay *relay : std::as_const(m_udp))
        relay->stop(CloseReason::RuleStopped);
    qDeleteAll(m_udp);
    m_udp.clear();
    deleteClosed();
    if (m_publishTimer)
        m_publishTimer->stop();
    if (m_idleTimer)
        m_idleTimer->stop();
    m_readiness.reset();
    publish();  // the last one: what the stop ended, and what ended just before
}

void RelayWorker::accepted(const std::shared_ptr<RuleRuntime> &rule, int fd, const sockaddr_storage &peer)
{
    QHostAddress address;
    quint16 port = 0;
    NativeSocket::fromSockaddr(peer, &address, &port);
    // A refuse fault takes its share first; the allow-list and the limits are checked
    // before any byte is relayed.
    if (rule->hasFaults()) {
        if (const auto faults = rule->faults(); faults && FaultPlan::refuses(*faults)) {
            const linger abortive{1, 0};  // the client sees a reset at once
            ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
            refuse(rule, fd, address, port, CloseReason::FaultRefused, QStringLiteral("refused by a fault"));
            return;
        }
    }
    QString why;
    if (const CloseReason reason = admit(*rule, address, &why); reason != CloseReason::None) {
        refuse(rule, fd, address, port, reason, why);
        return;
    }
    auto *session = new RelaySession(*this, rule, newConnection(*rule, fd, address, port), fd);
    m_sessions.insert(session->info().id, session);
    session->start();
}

CloseReason RelayWorker::admit(RuleRuntime &rule, const QHostAddress &address, QString *why)
{
    if (!rule.allow.isEmpty()
        && std::none_of(rule.allow.cbegin(), rule.allow.cend(), [&](const Cidr &cidr) { return cidr.contains(address); })) {
        *why = QStringLiteral("not in the allow-list");
        return CloseReason::NotAllowed;
    }
    if (rule.active.fetch_add(1) >= rule.rule.maxConnections) {
        rule.active.fetch_sub(1);
        *why = QStringLiteral("connection limit reached (%1)").arg(rule.rule.maxConnections);
        return CloseReason::LimitReached;
    }
    // Counted even without a limit, so one set later applies to what is open already.
    const int totalLimit = m_budget->limit.load();
    if (m_budget->open.fetch_add(1) >= totalLimit && totalLimit > 0) {
        m_budget->open.fetch_sub(1);
        rule.active.fetch_sub(1);
        *why = QStringLiteral("global connection limit (%1) reached").arg(totalLimit);
        return CloseReason::LimitReached;
    }
    RuleCounters &counters = m_counters[rule.id];
    ++counters.total;
    ++counters.active;
    return CloseReason::None;
}

void RelayWorker::refuse(const std::shared_ptr<RuleRuntime> &rule, int fd, CloseReason reason, const QString &why)
{
    QHostAddress address;
    quint16 port = 0;
    NativeSocket::address(fd, true, &address, &port);
    refuse(rule, fd, address, port, reason, why);
}

// "refused" and "failed" lines are read by scripts (stdout of --headless): English whatever the
// locale, reasons included, in the window's log too.
void RelayWorker::refuse(const std::shared_ptr<RuleRuntime> &rule, int fd, const QHostAddress &address,
                         quint16 port, CloseReason reason, const QString &why)
{
    ConnectionInfo info = newConnection(*rule, fd, address, port);
    if (fd >= 0)
        ::close(fd);
    info.transport = rule->rule.transport;
    ++m_counters[rule->id].refused;
    logEvent(EventLevel::Warning, rule->id,
             QStringLiteral("refused %1 -> %2: %3").arg(endpointText(address, port), rule->rule.listen.toString(), why));
    if (!m_publishConnections || m_refusedInSnapshot >= MaxRefusedPerSnapshot)
        return;
    ++m_refusedInSnapshot;
    info.state = ConnectionState::Closed;
    info.closeReason = reason;
    info.closedAt = info.openedAt;
    m_closed.append(info);
}

int RelayWorker::startConnectTimer(const RelaySession &session)
{
    const int id = startTimer(session.rule().rule.connectTimeoutMs);
    m_connectTimers.insert(id, session.info().id);
    return id;
}

void RelayWorker::stopConnectTimer(int id)
{
    killTimer(id);
    m_connectTimers.remove(id);
}

int RelayWorker::startFaultTimer(const RelaySession &session, qint64 ms)
{
    const int id = startTimer(std::chrono::milliseconds(ms), Qt::PreciseTimer);
    m_faultTimers.insert(id, session.info().id);
    return id;
}

void RelayWorker::stopFaultTimer(int id)
{
    killTimer(id);
    m_faultTimers.remove(id);
}

void RelayWorker::timerEvent(QTimerEvent *event)
{
    killTimer(event->timerId());
    if (const auto fault = m_faultTimers.constFind(event->timerId()); fault != m_faultTimers.cend()) {
        const quint64 sessionId = *fault;
        m_faultTimers.erase(fault);
        if (RelaySession *session = m_sessions.value(sessionId); session && !session->isClosed())
            session->faultTimedOut();
        return;
    }
    const quint64 sessionId = m_connectTimers.take(event->timerId());
    if (RelaySession *session = m_sessions.value(sessionId); session && !session->isClosed())
        session->connectTimedOut();
}

void RelayWorker::faultsChanged(RuleId id)
{
    const QList<RelaySession *> sessions = m_sessions.values();
    for (RelaySession *session : sessions) {
        if (session->rule().id == id && !session->isClosed()) {
            session->applyFaults();
            if (session->info().state != ConnectionState::Connecting)
                session->pump();
        }
    }
}

void RelayWorker::lookUp(const RelaySession &session, const QString &host)
{
    const quint64 id = session.info().id;
    QHostInfo::lookupHost(host, this, [this, id](const QHostInfo &info) {
        if (RelaySession *session = m_sessions.value(id); session && !session->isClosed())
            session->resolved(info);
    });
}

// A session that yielded with more to read is pumped again once the others had
// their turn: no event would come for it.
void RelayWorker::pumpLater(const RelaySession &session)
{
    if (m_pumpLater.empty())
        QMetaObject::invokeMethod(this, &RelayWorker::pumpYielded, Qt::QueuedConnection);
    m_pumpLater.push_back(session.info().id);
}

void RelayWorker::pumpYielded()
{
    for (quint64 id : std::exchange(m_pumpLater, {})) {
        if (RelaySession *session = m_sessions.value(id); session && !session->isClosed())
            session->pump();
    }
}

void RelayWorker::sessionClosed(RelaySession &session)
{
    connectionClosed(session.rule(), session.info());
    m_sessions.remove(session.info().id);
    m_closedSessions.push_back(&session);
}

void RelayWorker::connectionClosed(const RuleRuntime &rule, const ConnectionInfo &info)
{
    RuleCounters &counters = m_counters[info.ruleId];
    --counters.active;
    counters.bytesUp += info.bytesUp;
    counters.bytesDown += info.bytesDown;
    rule.active.fetch_sub(1);
    m_budget->open.fetch_sub(1);
    if (m_publishConnections)
        m_closed.append(info);
}

// Not from inside the session's own call: once the loop has nothing else to do.
void RelayWorker::deleteClosed()
{
    for (RelaySession *session : std::exchange(m_closedSessions, {}))
        delete session;
}

void RelayWorker::connectionFailed(const RelaySession &session, CloseReason reason, const QString &why)
{
    const ConnectionInfo &info = session.info();
    connectionFailed(info,
                     info.targetAddress.isNull() ? session.target().toString()
                                                 : endpointText(info.targetAddress, info.targetPort),
                     reason, why);
}

void RelayWorker::connectionFailed(const ConnectionInfo &info, const QString &target, CloseReason reason,
                                   const QString &why)
{
    ++m_counters[info.ruleId].failed;
    logEvent(EventLevel::Warning, info.ruleId,
             QStringLiteral("failed %1 -> %2: %3: %4")
                 .arg(endpointText(info.clientAddress, info.clientPort), target, toString(reason), why));
}

void RelayWorker::targetFailed(const RelaySession &session, bool cooling, CloseReason reason, const QString &why)
{
    targetFailed(session.rule(), session.target(), cooling, reason, why);
}

void RelayWorker::targetFailed(const RuleRuntime &rule, const Endpoint &target, bool cooling, CloseReason reason,
                               const QString &why)
{
    ++m_counters[rule.id].targetFailures;
    if (cooling) {
        logEvent(EventLevel::Warning, rule.id,
                 QStringLiteral("target %1 did not take a connection: %2 (%3); the next targets go first for %4 s")
                     .arg(target.toString(), toString(reason), why, QString::number(rule.rule.cooldownS)));
    }
}

void RelayWorker::requestsSeen(const RelaySession &session, const QList<InspectedRequest> &requests)
{
    const ConnectionInfo &info = session.info();
    for (const InspectedRequest &request : requests) {
        RequestRecord record;
        record.connectionId = info.id;
        record.ruleId = info.ruleId;
        record.clientAddress = info.clientAddress;
        record.clientPort = info.clientPort;
        record.listenAddress = info.listenAddress;
        record.listenPort = info.listenPort;
        // On this worker's monotonic clock, from one fixed point: requests keep their order.
        record.startedAt = QDateTime::fromMSecsSinceEpoch(m_clockEpochMs + request.startMs, Qt::UTC);
        record.request = request;
        if (request.captured) {
            if (m_capturedBytes + request.capturedBytes() > MaxCapturedPerSnapshot)
                record.request.dropCapture();
            else
                m_capturedBytes += request.capturedBytes();
        }
        appendCapped(m_requests, std::move(record), MaxRequestsPerSnapshot);
    }
}

void RelayWorker::logEvent(EventLevel level, RuleId rule, const QString &message)
{
    appendCapped(m_events, EngineEvent{QDateTime::currentDateTimeUtc(), level, rule, message}, MaxEventsPerSnapshot);
}

void RelayWorker::publish()
{
    WorkerSnapshot snapshot;
    snapshot.worker = m_index;
    snapshot.counters = m_counters;
    if (m_publishConnections)
        snapshot.connections.reserve(m_sessions.size() + m_closed.size());
    for (const RelaySession *session : std::as_const(m_sessions)) {
        const ConnectionInfo &info = session->info();
        RuleCounters &counters = snapshot.counters[info.ruleId];
        counters.bytesUp += info.bytesUp;
        counters.bytesDown += info.bytesDown;
        if (m_publishConnections)
            snapshot.connections.append(info);
    }
    for (auto it = m_udp.cbegin(); it != m_udp.cend(); ++it) {
        RuleCounters &counters = snapshot.counters[it.key()];
        it.value()->publish(&counters.bytesUp, &counters.bytesDown, m_publishConnections ? &snapshot.connections : nullptr);
    }
    snapshot.connections.append(m_closed);
    m_closed.clear();
    m_refusedInSnapshot = 0;
    snapshot.requests.swap(m_requests);
    m_capturedBytes = 0;
    m_requests.reserve(snapshot.requests.size());  // as many next time: grown once, not step by step
    snapshot.events.swap(m_events);
    emit published(snapshot);
}

void RelayWorker::sweepIdle()
{
    const qint64 now = nowMs();
    const QList<RelaySession *> sessions = m_sessions.values();
    for (RelaySession *session : sessions) {
        const int idleS = session->rule().rule.idleTimeoutS;
        // A session still connecting is the connect timeout's business.
        if (idleS > 0 && session->info().state != ConnectionState::Connecting
            && now - session->lastActivityMs() >= qint64(idleS) * 1000)
            session->close(CloseReason::IdleTimeout);
    }
    for (UdpRelay *relay : std::as_const(m_udp))
        relay->sweepIdle(now);
}
