#include "forwardengine.h"

#include <algorithm>

#include <sys/resource.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QThread>

#include "epolldispatcher.h"
#include "relayworker.h"
#include "ruleruntime.h"

namespace {

constexpr int DefaultSnapshotIntervalMs = 250;
// Descriptors kept for the rest of the program: the window, the HTTP client, files.
constexpr rlim_t ReservedDescriptors = 64;

// Whether `after` differs from `before` only in what a started rule can change in
// place: its targets, what following the cluster reads, and its faults.
bool changesInPlace(const ForwardRule &before, ForwardRule after)
{
    after.faults = before.faults;
    after.setTargets(before.targets());
    after.cooldownS = before.cooldownS;
    after.origin = before.origin;
    after.followCluster = before.followCluster;
    after.clusterCheckS = before.clusterCheckS;
    return after.toJson() == before.toJson();
}

} // namespace

ForwardEngine::ForwardEngine(int workerCount, QObject *parent) : QObject(parent)
{
    qRegisterMetaType<WorkerSnapshot>();
    qRegisterMetaType<EngineSnapshot>();
    qRegisterMetaType<EngineEvent>();
    qRegisterMetaType<RuleId>("RuleId");

    const int count = std::max(1, workerCount > 0 ? workerCount : QThread::idealThreadCount());
    // PASARELA_DISPATCHER=qt: Qt's own event dispatcher, for measuring what epoll gains.
    const bool useEpoll = qEnvironmentVariable("PASARELA_DISPATCHER") != QLatin1String("qt");
    for (int i = 0; i < count; ++i) {
        auto *worker = new RelayWorker(i);
        auto *thread = new QThread(this);
        thread->setObjectName(QStringLiteral("relay-%1").arg(i));
        if (useEpoll)
            thread->setEventDispatcher(new EpollDispatcher);
        worker->moveToThread(thread);
        connect(worker, &RelayWorker::published, this, &ForwardEngine::onWorkerSnapshot);
        connect(worker, &RelayWorker::listenerState, this, &ForwardEngine::onListenerState);
        m_workers.push_back(worker);
        m_threads.push_back(thread);
    }
    m_workerSnapshots.resize(count);
    m_budget = std::make_shared<ConnectionBudget>();
    m_budget->limit = defaultMaxTotalConnections();
    for (RelayWorker *worker : m_workers) {
        worker->setBudget(m_budget);
        QMetaObject::invokeMethod(worker, [worker] { worker->init(DefaultSnapshotIntervalMs); },
                                  Qt::QueuedConnection);
    }
    for (QThread *thread : m_threads)
        thread->start();

    connect(&m_timer, &QTimer::timeout, this, &ForwardEngine::publish);
    m_timer.start(DefaultSnapshotIntervalMs);
}

ForwardEngine::~ForwardEngine()
{
    stop();
    for (QThread *thread : m_threads) {
        thread->quit();
        thread->wait();
    }
    qDeleteAll(m_workers);
}

void ForwardEngine::setSnapshotInterval(int ms)
{
    m_timer.start(ms);
    for (RelayWorker *worker : m_workers)
        QMetaObject::invokeMethod(worker, [worker, ms] { worker->setPublishInterval(ms); }, Qt::QueuedConnection);
}

Result<void> ForwardEngine::checkAgainstOthers(RuleId id, const ForwardRule &rule) const
{
    QList<ForwardRule> rules;
    for (RuleId other : m_order) {
        if (other != id)
            rules.append(m_rules.value(other).rule);
    }
    rules.append(rule);
    return validateRules(rules);
}

Result<RuleId> ForwardEngine::addRule(const ForwardRule &rule)
{
    if (Result<void> valid = checkAgainstOthers(0, rule); !valid)
        return Error{valid.error()};
    const RuleId id = m_nextId++;
    RuleEntry entry;
    entry.rule = rule;
    m_rules.insert(id, entry);
    m_order.append(id);
    if (rule.enabled)
        startRule(id);
    return id;
}

Result<void> ForwardEngine::updateRule(RuleId id, const ForwardRule &rule)
{
    // An id no caller was given is a bug, not the user's doing: not translated.
    if (!m_rules.contains(id))
        return Error{QStringLiteral("there is no rule %1").arg(id)};
    if (Result<void> valid = checkAgainstOthers(id, rule); !valid)
        return valid;
    RuleEntry &entry = m_rules[id];
    if (entry.runtime && entry.state != RuleState::Error && changesInPlace(entry.rule, rule)) {
        // Only where it goes (or where it came from) changed: open connections stay,
        // new ones go to the new targets.
        if (rule.targets() != entry.rule.targets())
            entry.runtime->setTargets(std::make_shared<const TargetSet>(rule));
        const bool faultsChanged = rule.faults != entry.rule.faults;
        entry.rule = rule;
        if (faultsChanged) {
            // Open connections take them at once, as Toxiproxy's toxics do.
            entry.runtime->setFaults(rule.faults);
            for (RelayWorker *worker : m_workers)
                QMetaObject::invokeMethod(worker, [worker, id] { worker->faultsChanged(id); }, Qt::QueuedConnection);
            logFaults(id, rule);
        }
        return {};
    }
    stopRule(id);
    m_rules[id].rule = rule;
    if (rule.enabled)
        startRule(id);
    return {};
}

Result<void> ForwardEngine::setRuleEnabled(RuleId id, bool enabled)
{
    if (!m_rules.contains(id))
        return Error{QStringLiteral("there is no rule %1").arg(id)};
    const RuleEntry &entry = m_rules[id];
    // Enabling a rule that failed to listen tries again.
    if (entry.rule.enabled == enabled && entry.state != RuleState::Error)
        return {};
    ForwardRule rule = entry.rule;
    rule.enabled = enabled;
    return updateRule(id, rule);
}

void ForwardEngine::removeRule(RuleId id)
{
    if (!m_rules.contains(id))
        return;
    stopRule(id);
    for (RelayWorker *worker : m_workers)
        QMetaObject::invokeMethod(worker, [worker, id] { worker->forgetRule(id); }, Qt::QueuedConnection);
    m_rules.remove(id);
    m_order.removeAll(id);
}

void ForwardEngine::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_timer.stop();
    for (const RuleEntry &entry : std::as_const(m_rules)) {
        if (entry.runtime)
            entry.runtime->stopped = true;
    }
    for (RelayWorker *worker : m_workers)
        QMetaObject::invokeMethod(worker, &RelayWorker::shutdown, Qt::BlockingQueuedConnection);
    // Each worker queued its last snapshot and events to this thread before returning:
    // take them in order, so the final snapshot holds every connection that ended.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    publish();
}

QList<RuleId> ForwardEngine::ruleIds() const
{
    return m_order;
}

ForwardRule ForwardEngine::rule(RuleId id) const
{
    return m_rules.value(id).rule;
}

RuleState ForwardEngine::ruleState(RuleId id) const
{
    return m_rules.value(id).state;
}

QString ForwardEngine::ruleError(RuleId id) const
{
    return m_rules.value(id).error;
}

void ForwardEngine::closeConnection(quint64 connectionId)
{
    for (RelayWorker *worker : m_workers) {
        QMetaObject::invokeMethod(worker, [worker, connectionId] { worker->closeConnection(connectionId); },
                                  Qt::QueuedConnection);
    }
}

void ForwardEngine::setPublishConnections(bool on)
{
    for (RelayWorker *worker : m_workers)
        QMetaObject::invokeMethod(worker, [worker, on] { worker->setPublishConnections(on); }, Qt::QueuedConnection);
}

void ForwardEngine::setMaxTotalConnections(int limit)
{
    m_budget->limit = std::max(0, limit);
}

int ForwardEngine::maxTotalConnections() const
{
    return m_budget->limit;
}

int ForwardEngine::defaultMaxTotalConnections()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY
        || limit.rlim_cur <= ReservedDescriptors + 1)
        return 0;
    return int(std::min<rlim_t>((limit.rlim_cur - ReservedDescriptors) / 2, ForwardRule::MaxConnectionsLimit));
}

RelayWorker *ForwardEngine::listenerWorker(RuleId id) const
{
    return m_workers[size_t(id) % m_workers.size()];
}

// English, as the other engine lines: "rule "api": faults latency=200ms", or "... faults cleared".
void ForwardEngine::logFaults(RuleId id, const ForwardRule &rule)
{
    const QString message = rule.faults.isEmpty()
                                ? QStringLiteral("rule \"%1\": faults cleared").arg(rule.name)
                                : QStringLiteral("rule \"%1\": faults %2").arg(rule.name, faultsText(rule.faults));
    emit eventLogged(EngineEvent{QDateTime::currentDateTimeUtc(),
                                 rule.faults.isEmpty() ? EventLevel::Info : EventLevel::Warning, id, message});
}

void ForwardEngine::startRule(RuleId id)
{
    RuleEntry &entry = m_rules[id];
    auto runtime = std::make_shared<RuleRuntime>();
    runtime->id = id;
    runtime->generation = m_nextGeneration++;
    runtime->rule = entry.rule;
    runtime->listenAddress = QHostAddress(entry.rule.listen.host);
    runtime->setTargets(std::make_shared<const TargetSet>(entry.rule));
    runtime->setFaults(entry.rule.faults);
    if (!entry.rule.faults.isEmpty())
        logFaults(id, entry.rule);
    runtime->allow = entry.rule.allowCidrs();
    runtime->inspect = m_inspectAll || entry.rule.inspectsHttp();
    runtime->publishRequests = runtime->inspect && m_publishRequests;
    runtime->captureBytes = runtime->publishRequests && m_captureExchanges ? CaptureBytes : 0;
    entry.runtime = runtime;
    setState(id, RuleState::Starting);
    RelayWorker *worker = listenerWorker(id);
    QMetaObject::invokeMethod(worker, [worker, runtime, workers = m_workers] { worker->startListener(runtime, workers); },
                              Qt::QueuedConnection);
}

void ForwardEngine::stopRule(RuleId id)
{
    RuleEntry &entry = m_rules[id];
    if (!entry.runtime)
        return;
    entry.runtime->stopped = true;
    entry.runtime.reset();
    for (RelayWorker *worker : m_workers) {
        QMetaObject::invokeMethod(worker, [worker, id] { worker->stopRule(id, CloseReason::RuleStopped); },
                                  Qt::QueuedConnection);
    }
    setState(id, RuleState::Stopped);
}

void ForwardEngine::setState(RuleId id, RuleState state, const QString &error)
{
    RuleEntry &entry = m_rules[id];
    if (entry.state == state && entry.error == error)
        return;
    entry.state = state;
    entry.error = error;
    emit ruleStateChanged(id, state, error);
}

void ForwardEngine::onListenerState(RuleId id, quint64 generation, RuleState state, const QString &error)
{
    const auto it = m_rules.constFind(id);
    // A report about an earlier start of this rule is stale.
    if (it == m_rules.cend() || !it->runtime || it->runtime->generation != generation)
        return;
    setState(id, state, error);
}

void ForwardEngine::onWorkerSnapshot(const WorkerSnapshot &snapshot)
{
    for (const EngineEvent &event : snapshot.events)
        emit eventLogged(event);
    WorkerSnapshot &latest = m_workerSnapshots[snapshot.worker];
    latest.counters = snapshot.counters;
    m_requestsPending.append(snapshot.requests);
    latest.connections.clear();
    for (const ConnectionInfo &info : snapshot.connections) {
        if (info.state == ConnectionState::Closed)
            m_closedPending.append(info);
        else
            latest.connections.append(info);
    }
}

void ForwardEngine::publish()
{
    EngineSnapshot snapshot;
    snapshot.time = QDateTime::currentDateTimeUtc();
    const qint64 nowMs = snapshot.time.toMSecsSinceEpoch();
    const double seconds = m_lastPublishMs ? double(nowMs - m_lastPublishMs) / 1000.0 : 0.0;
    m_lastPublishMs = nowMs;

    QList<RuleId> failing;
    for (RuleId id : std::as_const(m_order)) {
        RuleEntry &entry = m_rules[id];
        RuleStats stats;
        stats.ruleId = id;
        stats.name = entry.rule.name;
        stats.state = entry.state;
        stats.error = entry.error;
        for (const WorkerSnapshot &worker : std::as_const(m_workerSnapshots)) {
            const RuleCounters counters = worker.counters.value(id);
            stats.active += counters.active;
            stats.total += counters.total;
            stats.refused += counters.refused;
            stats.failed += counters.failed;
            stats.targetFailures += counters.targetFailures;
            stats.bytesUp += counters.bytesUp;
            stats.bytesDown += counters.bytesDown;
        }
        if (seconds > 0) {
            stats.rateUp = double(stats.bytesUp - std::min(stats.bytesUp, entry.lastBytesUp)) / seconds;
            stats.rateDown = double(stats.bytesDown - std::min(stats.bytesDown, entry.lastBytesDown)) / seconds;
        }
        if (stats.targetFailures > entry.lastTargetFailures)
            failing.append(id);
        entry.lastTargetFailures = stats.targetFailures;
        entry.lastBytesUp = stats.bytesUp;
        entry.lastBytesDown = stats.bytesDown;
        snapshot.rules.append(stats);
    }
    for (const WorkerSnapshot &worker : std::as_const(m_workerSnapshots)) {
        for (const ConnectionInfo &info : worker.connections) {
            if (m_rules.contains(info.ruleId))
                snapshot.connections.append(info);
        }
    }
    // Closed ones are reported even when their rule is gone: removing a rule closes them.
    snapshot.connections.append(m_closedPending);
    m_closedPending.clear();
    snapshot.requests.swap(m_requestsPending);
    m_last = snapshot;
    emit snapshotReady(m_last);
    for (RuleId id : std::as_const(failing))
        emit targetFailing(id);
}
