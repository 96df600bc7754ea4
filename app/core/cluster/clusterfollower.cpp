#include "clusterfollower.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

#include "cluster/clusterreader.h"

ClusterFollower::ClusterFollower(FollowedRules *rules, QObject *parent)
    : QObject(parent), m_rules(rules), m_wallClock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<TargetMove>();
    m_clock.start();
    m_tick.setTimerType(Qt::CoarseTimer);
    connect(&m_tick, &QTimer::timeout, this, &ClusterFollower::tick);
    m_deferred.setSingleShot(true);
    connect(&m_deferred, &QTimer::timeout, this, &ClusterFollower::startPending);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ClusterFollower::finished);
    rulesChanged();
}

ClusterFollower::~ClusterFollower()
{
    m_cancel = true;
    m_watcher.waitForFinished();
}

void ClusterFollower::setWallClock(std::function<qint64()> clock)
{
    m_wallClock = std::move(clock);
    m_lastTickWallMs = m_wallClock();
}

void ClusterFollower::rulesChanged()
{
    const qint64 now = m_clock.elapsed();
    QHash<RuleId, Watched> watched;
    QSet<QString> fresh;
    qint64 tickMs = TickMs;
    for (RuleId id : m_rules->ruleIds()) {
        const ForwardRule rule = m_rules->rule(id);
        if (rule.origin.isEmpty())
            continue;
        const auto known = m_watched.constFind(id);
        Watched entry{rule.origin.context, rule.followsCluster(), qint64(rule.clusterCheckS) * 1000, now};
        // A rule new here, or that now reads another cluster or follows it, is read at once.
        if (known == m_watched.cend() || known->context != entry.context || (entry.follows && !known->follows))
            fresh.insert(entry.context);
        else
            entry.dueMs = qMin(known->dueMs, now + entry.periodMs);
        if (entry.follows)
            m_stale.remove(id);
        tickMs = qMin(tickMs, entry.periodMs);
        watched.insert(id, entry);
    }
    for (auto it = m_stale.begin(); it != m_stale.end();)
        it = watched.contains(it.key()) ? std::next(it) : m_stale.erase(it);
    for (auto it = m_status.begin(); it != m_status.end();)
        it = watched.contains(it.key()) ? std::next(it) : m_status.erase(it);
    m_watched = watched;
    const QSet<QString> watchedContexts = contexts();
    for (auto it = m_unreadable.begin(); it != m_unreadable.end();)
        it = watchedContexts.contains(it.key()) ? std::next(it) : m_unreadable.erase(it);

    if (m_watched.isEmpty()) {
        m_tick.stop();
        m_deferred.stop();
        m_pending.clear();
    } else if (!m_tick.isActive() || m_tick.interval() != tickMs) {
        m_lastTickMs = now;
        m_lastTickWallMs = m_wallClock();
        m_tick.start(int(tickMs));
    }
    request(fresh, CheckTrigger::Start);
}

QSet<QString> ClusterFollower::contexts() const
{
    QSet<QString> contexts;
    for (const Watched &entry : std::as_const(m_watched))
        contexts.insert(entry.context);
    return contexts;
}

void ClusterFollower::check()
{
    request(contexts(), CheckTrigger::Request);
}

void ClusterFollower::connectionFailed(RuleId id)
{
    const auto entry = m_watched.constFind(id);
    // Only a following rule moves by itself; a cluster that cannot be read is re-read on its timer.
    if (entry == m_watched.cend() || !entry->follows || m_unreadable.contains(entry->context))
        return;
    request({entry->context}, CheckTrigger::FailedConnection);
}

void ClusterFollower::tick()
{
    const qint64 now = m_clock.elapsed();
    const qint64 wall = m_wallClock();
    // A QTimer's clock stops while the computer sleeps; the wall clock does not.
    const bool woke = (wall - m_lastTickWallMs) - (now - m_lastTickMs) > WakeGapMs;
    m_lastTickMs = now;
    m_lastTickWallMs = wall;
    // A tick that comes a little early (a coarse timer may) still counts, or a check would wait a whole tick more.
    QSet<QString> due;
    for (const Watched &entry : std::as_const(m_watched)) {
        if (woke || entry.dueMs <= now + m_tick.interval() / 2)
            due.insert(entry.context);
    }
    request(due, woke ? CheckTrigger::Wake : CheckTrigger::Timer);
}

void ClusterFollower::request(const QSet<QString> &contexts, CheckTrigger trigger)
{
    if (contexts.isEmpty())
        return;
    if (m_pending.isEmpty() || int(trigger) > int(m_pendingTrigger))
        m_pendingTrigger = trigger;
    m_pending.unite(contexts);
    // Rules added one after another (a file loaded, a cluster exposed) share one read.
    if (trigger == CheckTrigger::Start)
        QTimer::singleShot(0, this, &ClusterFollower::startPending);
    else
        startPending();
}

// One read at a time; a failed connection's waits until MinFailureGapMs after the last.
void ClusterFollower::startPending()
{
    if (m_pending.isEmpty() || isRunning())
        return;
    const qint64 now = m_clock.elapsed();
    if (m_pendingTrigger == CheckTrigger::FailedConnection && now - m_lastStartMs < MinFailureGapMs) {
        m_deferred.start(int(m_lastStartMs + MinFailureGapMs - now));
        return;
    }
    const QSet<QString> contexts = m_pending;
    m_runningTrigger = m_pendingTrigger;
    m_pending.clear();
    m_lastStartMs = now;
    for (Watched &entry : m_watched) {
        if (contexts.contains(entry.context))
            entry.dueMs = now + entry.periodMs;
    }
    const std::atomic<bool> *cancel = &m_cancel;
    m_watcher.setFuture(QtConcurrent::run([contexts, cancel] {
        Reads reads;
        for (const QString &context : contexts) {
            ClusterReadOptions options;
            options.context = context;
            options.cancel = cancel;
            reads.insert(context, readCluster(options));
        }
        return reads;
    }));
}

void ClusterFollower::finished()
{
    const Reads reads = m_watcher.result();
    for (auto read = reads.cbegin(); read != reads.cend(); ++read) {
        if (!read->ok()) {
            if (m_unreadable.value(read.key()) != read->error()) {
                m_unreadable.insert(read.key(), read->error());
                emit unreadable(read.key(), read->error());
            }
        } else if (m_unreadable.remove(read.key()) > 0) {
            emit readable(read.key());
        }
    }
    const QDateTime now = QDateTime::currentDateTime();
    // Moving a rule may change the rules (and call rulesChanged): nothing of m_watched is held across it.
    for (RuleId id : m_rules->ruleIds()) {
        const QString context = m_watched.value(id).context;
        const auto read = reads.constFind(context);
        if (!m_watched.contains(id) || read == reads.cend())
            continue;
        if (!read->ok()) {
            m_status.insert(id, FollowStatus{now, read->error()});
            continue;
        }
        m_status.insert(id, FollowStatus{now, {}});
        apply(id, m_rules->rule(id), read->value(), m_runningTrigger);
    }
    emit checked();
    startPending();
}

void ClusterFollower::apply(RuleId id, const ForwardRule &rule, const ClusterInfo &info, CheckTrigger trigger)
{
    const RuleOrigin &origin = rule.origin;
    const ClusterService *service = info.findService(origin.ns, origin.service);
    if (service == nullptr || service->findPort(origin.portName, origin.servicePort) == nullptr) {
        m_status[id].problem = QCoreApplication::translate("ClusterFollower", "the Service %1/%2 has no port %3 now")
                                   .arg(origin.ns, origin.service,
                                        origin.portName.isEmpty() ? QString::number(origin.servicePort) : origin.portName);
    }
    const std::optional<StaleTarget> stale = staleTarget(rule, info);
    m_stale.remove(id);
    if (!stale)
        return;
    if (!rule.followsCluster()) {
        m_stale.insert(id, *stale);
        return;
    }
    ForwardRule moved = rule;
    moved.setTargets(stale->targets);
    moved.origin = stale->origin;
    if (const Result<void> updated = m_rules->updateRule(id, moved); !updated) {
        m_status[id].problem = updated.error();
        m_stale.insert(id, *stale);
        return;
    }
    emit this->moved(TargetMove{id, rule.name, rule.targets(), stale->targets, stale->nodeMoved, stale->portMoved, trigger});
}
