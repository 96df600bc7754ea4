#include "clustercheck.h"

#include <algorithm>

#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include "cluster/clusterreader.h"
#include "rules/rulecontroller.h"

ClusterCheck::ClusterCheck(RuleController *controller, QObject *parent)
    : QObject(parent), m_controller(controller)
{
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ClusterCheck::check);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ClusterCheck::finished);
    connect(m_controller, &RuleController::rulesReset, this, &ClusterCheck::rulesChanged);
    connect(m_controller, &RuleController::ruleChanged, this, &ClusterCheck::rulesChanged);
    rulesChanged();
}

// A read still running keeps its thread; its result is dropped.
ClusterCheck::~ClusterCheck() = default;

bool ClusterCheck::hasClusterRules() const
{
    const QList<ForwardRule> rules = m_controller->rules();
    return std::any_of(rules.cbegin(), rules.cend(), [](const ForwardRule &rule) { return !rule.origin.isEmpty(); });
}

// The first rule with an origin (at window start, or made from the cluster) is checked at once.
void ClusterCheck::rulesChanged()
{
    const bool has = hasClusterRules();
    if (has && !m_timer.isActive()) {
        m_timer.start();
        check();
    } else if (!has) {
        m_timer.stop();
        if (!m_stale.isEmpty()) {
            m_stale.clear();
            emit checked(m_stale);
        }
    }
}

void ClusterCheck::check()
{
    if (isRunning())
        return;
    QSet<QString> contexts;
    for (const ForwardRule &rule : m_controller->rules()) {
        if (!rule.origin.isEmpty())
            contexts.insert(rule.origin.context);
    }
    if (contexts.isEmpty())
        return;
    m_watcher.setFuture(QtConcurrent::run([contexts] {
        Reads reads;
        for (const QString &context : contexts) {
            ClusterReadOptions options;
            options.context = context;
            reads.insert(context, readCluster(options));
        }
        return reads;
    }));
}

void ClusterCheck::finished()
{
    const Reads reads = m_watcher.result();
    QString error;
    m_stale.clear();
    for (RuleId id : m_controller->ruleIds()) {
        const ForwardRule rule = m_controller->rule(id);
        const auto read = reads.constFind(rule.origin.context);
        if (rule.origin.isEmpty() || read == reads.cend())
            continue;
        if (!read->ok()) {
            error = read->error();
            continue;
        }
        if (const std::optional<StaleTarget> stale = staleTarget(rule, read->value()))
            m_stale.insert(id, *stale);
    }
    if (error.isEmpty()) {
        m_lastError.clear();
    } else if (error != m_lastError) {
        m_lastError = error;
        emit failed(error);
    }
    emit checked(m_stale);
}
