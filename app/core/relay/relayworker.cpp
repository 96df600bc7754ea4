#include "relayworker.h"

#include <atomic>

#include <unistd.h>

#include <QTimer>

#include "listener.h"
#include "nativesocket.h"
#include "relaysession.h"
#include "ruleruntime.h"

namespace {

constexpr int IdleSweepMs = 250;

QString endpointText(const QHostAddress &address, quint16 port)
{
    return Endpoint{address.toString(), port}.toString();
}

} // namespace

RelayWorker::RelayWorker(int index) : m_index(index) {}

RelayWorker::~RelayWorker() = default;

void RelayWorker::init(int publishIntervalMs)
{
    m_clock.start();
    m_clockEpochMs = QDateTime::currentMSecsSinceEpoch();
    m_scratch.reset(new char[ScratchSize]);
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

ConnectionInfo RelayWorker::newConnection(const RuleRuntime &rule, int clientFd, const QHostAddress &address, quint16 port)
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
    info.targetAddress = rule.targetAddress;
    info.targetPort = rule.rule.target.port;
    info.openedAt = QDateTime::currentDateTimeUtc();
    return info;
}

void RelayWorker::startListener(const std::shared_ptr<RuleRuntime> &rule)
{
    if (rule->stopped)
        return;
    auto *listener = new Listener(this, rule);
    QString error;
    if (!listener->start(&error)) {
        delete listener;
        logEvent(EventLevel::Error, rule->id, error);
        emit listenerState(rule->id, rule->generation, RuleState::Error, error);
        return;
    }
    delete m_listeners.value(rule->id);
    m_listeners.insert(rule->id, listener);
    emit listenerState(rule->id, rule->generation, RuleState::Listening, {});
}

void RelayWorker::stopListener(RuleId id)
{
    delete m_listeners.take(id);
}

void RelayWorker::closeRule(RuleId id, CloseReason reason)
{
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
    if (RelaySession *session = m_sessions.value(id))
        session->close(CloseReason::ClosedByUser);
}

void RelayWorker::shutdown()
{
    qDeleteAll(m_listeners);
    m_listeners.clear();
    const QList<RelaySession *> sessions = m_sessions.values();
    for (RelaySession *session : sessions)
        session->close(CloseReason::RuleStopped);
    qDeleteAll(sessions);
    if (m_publishTimer)
        m_publishTimer->stop();
    if (m_idleTimer)
        m_idleTimer->stop();
}

void RelayWorker::accepted(const std::shared_ptr<RuleRuntime> &rule, int fd, const QHostAddress &address,
                           quint16 port)
{
    // The allow-list and the limit are checked before any byte is relayed.
    if (!rule->allow.isEmpty()
        && std::none_of(rule->allow.cbegin(), rule->allow.cend(),
                        [&](const Cidr &cidr) { return cidr.contains(address); })) {
        refuse(rule, fd, address, port, CloseReason::NotAllowed, QStringLiteral("not in the allow-list"));
        return;
    }
    if (rule->active.fetch_add(1) >= rule->rule.maxConnections) {
        rule->active.fetch_sub(1);
        refuse(rule, fd, address, port, CloseReason::LimitReached,
               QStringLiteral("connection limit reached (%1)").arg(rule->rule.maxConnections));
        return;
    }
    // Counted even without a limit, so one set later applies to what is open already.
    const int totalLimit = m_budget->limit.load();
    if (m_budget->open.fetch_add(1) >= totalLimit && totalLimit > 0) {
        m_budget->open.fetch_sub(1);
        rule->active.fetch_sub(1);
        refuse(rule, fd, address, port, CloseReason::LimitReached,
               QStringLiteral("global connection limit (%1) reached").arg(totalLimit));
        return;
    }

    RelayWorker *worker = m_peers.empty() ? this : m_peers[m_nextPeer++ % m_peers.size()];
    if (worker == this) {
        adopt(rule, fd, address, port);
        return;
    }
    QMetaObject::invokeMethod(worker, [worker, rule, fd, address, port] { worker->adopt(rule, fd, address, port); },
                              Qt::QueuedConnection);
}

// "refused" and "failed" lines are read by scripts (stdout of --headless): English whatever the
// locale, reasons included, in the window's log too.
void RelayWorker::refuse(const std::shared_ptr<RuleRuntime> &rule, int fd, const QHostAddress &address,
                         quint16 port, CloseReason reason, const QString &why)
{
    ConnectionInfo info = newConnection(*rule, fd, address, port);
    ::close(fd);
    ++m_counters[rule->id].refused;
    info.state = ConnectionState::Closed;
    info.closeReason = reason;
    info.closedAt = info.openedAt;
    m_closed.append(info);
    logEvent(EventLevel::Warning, rule->id,
             QStringLiteral("refused %1 -> %2: %3")
                 .arg(endpointText(address, port), rule->rule.listen.toString(), why));
}

void RelayWorker::adopt(const std::shared_ptr<RuleRuntime> &rule, int fd, const QHostAddress &address,
                        quint16 port)
{
    auto *session = new RelaySession(this, rule, fd, address, port);
    m_sessions.insert(session->info().id, session);
    RuleCounters &counters = m_counters[rule->id];
    ++counters.total;
    ++counters.active;
    if (rule->stopped)
        session->close(CloseReason::RuleStopped);
    else
        session->start();
}

void RelayWorker::sessionClosed(RelaySession *session)
{
    const ConnectionInfo &info = session->info();
    RuleCounters &counters = m_counters[info.ruleId];
    --counters.active;
    counters.bytesUp += info.bytesUp;
    counters.bytesDown += info.bytesDown;
    session->rule().active.fetch_sub(1);
    m_budget->open.fetch_sub(1);
    m_closed.append(info);
    m_sessions.remove(info.id);
    session->deleteLater();
}

void RelayWorker::connectionFailed(const RelaySession &session, CloseReason reason, const QString &why)
{
    const ConnectionInfo &info = session.info();
    ++m_counters[info.ruleId].failed;
    const QString target = info.targetAddress.isNull() ? session.rule().rule.target.toString()
                                                       : endpointText(info.targetAddress, info.targetPort);
    logEvent(EventLevel::Warning, info.ruleId,
             QStringLiteral("failed %1 -> %2: %3: %4")
                 .arg(endpointText(info.clientAddress, info.clientPort), target, toString(reason), why));
}

void RelayWorker::requestsSeen(const RelaySession &session, const QList<InspectedRequest> &requests)
{
    const ConnectionInfo &info = session.info();
    for (const InspectedRequest &request : requests) {
        // A flood between two snapshots is not worth its memory: the window keeps the last few thousand anyway.
        if (m_requests.size() >= MaxRequestsPerSnapshot)
            m_requests.removeFirst();
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
        m_requests.append(record);
    }
}

void RelayWorker::logEvent(EventLevel level, RuleId rule, const QString &message)
{
    emit eventLogged(EngineEvent{QDateTime::currentDateTimeUtc(), level, rule, message});
}

void RelayWorker::publish()
{
    WorkerSnapshot snapshot;
    snapshot.worker = m_index;
    snapshot.counters = m_counters;
    snapshot.connections.reserve(m_sessions.size() + m_closed.size());
    for (const RelaySession *session : std::as_const(m_sessions)) {
        const ConnectionInfo &info = session->info();
        RuleCounters &counters = snapshot.counters[info.ruleId];
        counters.bytesUp += info.bytesUp;
        counters.bytesDown += info.bytesDown;
        snapshot.connections.append(info);
    }
    snapshot.connections.append(m_closed);
    m_closed.clear();
    snapshot.requests.swap(m_requests);
    m_requests.reserve(snapshot.requests.size());  // as many next time: grown once, not step by step
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
}
