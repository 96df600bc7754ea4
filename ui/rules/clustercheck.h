#pragma once

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

#include "cluster/clusterplan.h"
#include "result.h"
#include "relay/enginesnapshot.h"

class RuleController;

// Watches the rules made from the cluster: reads the cluster off the GUI thread
// (once per kubectl context the rules name) when such rules appear, every
// minute while they exist and on demand, and says which rules now point at an
// old address (after `minikube stop/start`). Does nothing while no rule has an origin.
class ClusterCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterCheck)

public:
    static constexpr int IntervalMs = 60 * 1000;

    explicit ClusterCheck(RuleController *controller, QObject *parent = nullptr);
    ~ClusterCheck() override;

    bool hasClusterRules() const;
    bool isRunning() const { return m_watcher.isRunning(); }
    QHash<RuleId, StaleTarget> staleTargets() const { return m_stale; }

    // Starts a read unless one is running or no rule has an origin.
    void check();

signals:
    // After each read, the rules whose target is stale (empty: all are right).
    void checked(const QHash<RuleId, StaleTarget> &stale);
    // A context could not be read. Said once until the reason changes or a read succeeds.
    void failed(const QString &message);

private:
    using Reads = QHash<QString, Result<ClusterInfo>>;
    void rulesChanged();
    void finished();

    RuleController *m_controller;
    QFutureWatcher<Reads> m_watcher;
    QTimer m_timer;
    QHash<RuleId, StaleTarget> m_stale;
    QString m_lastError;
};
