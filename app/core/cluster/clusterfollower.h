#pragma once

#include <atomic>
#include <functional>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include "cluster/clusterplan.h"
#include "relay/enginesnapshot.h"
#include "result.h"

// The rules a ClusterFollower reads and moves: the window's (which saves them to the
// rules file) or headless's (the engine's only).
class FollowedRules
{
public:
    virtual QList<RuleId> ruleIds() const = 0;
    virtual ForwardRule rule(RuleId id) const = 0;
    // Moving only the targets and origin keeps the rule's open connections.
    virtual Result<void> updateRule(RuleId id, const ForwardRule &rule) = 0;

protected:
    ~FollowedRules() = default;
};

// What made a check happen; when several did, the later in this list is told.
enum class CheckTrigger { Timer, Request, Start, Wake, FailedConnection };

// A rule that followed its service to another address.
struct TargetMove
{
    RuleId ruleId = 0;
    QString ruleName;
    QList<Endpoint> before;
    QList<Endpoint> after;
    bool nodeMoved = false;  // the node IP (or the list of nodes) changed
    bool portMoved = false;  // the node port changed
    CheckTrigger trigger = CheckTrigger::Timer;
};

// How a rule's last check went.
struct FollowStatus
{
    QDateTime checkedAt;  // the last read of its cluster; invalid before the first ends
    QString problem;      // why that read did not tell where the service is; empty when it did
};

// Keeps the rules made from the cluster pointing at their service. Each rule with an
// origin is re-read every clusterCheckS seconds, at once when it appears, soon after
// a failed connection to its target (connectionFailed) and after the computer wakes
// up; one read per kubectl context, off the calling thread, as `pasarela cluster`
// reads. A rule that follows the cluster is moved by updateRule (open connections
// stay); the others are only reported stale, for the user to update. A context
// that cannot be read keeps its rules' targets and is said once (unreadable) until
// the reason changes, and again when it can be read (readable).
class ClusterFollower final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterFollower)

public:
    // A failed connection asks for a read at most this often.
    static constexpr int MinFailureGapMs = 3000;
    // The wall clock ran this much further than the timers: the computer slept.
    static constexpr int WakeGapMs = 10000;
    static constexpr int TickMs = 5000;

    explicit ClusterFollower(FollowedRules *rules, QObject *parent = nullptr);
    // Stops a read still running (its tools are killed) and waits for it.
    ~ClusterFollower() override;

    bool hasClusterRules() const { return !m_watched.isEmpty(); }
    bool isRunning() const { return m_watcher.isRunning(); }
    // The rules that do not follow and point at an old address.
    QHash<RuleId, StaleTarget> staleTargets() const { return m_stale; }
    FollowStatus status(RuleId id) const { return m_status.value(id); }

    // Reads every cluster the rules come from, now or once the read running ends.
    void check();
    // Call when the rules changed: new ones are read at once, removed ones forgotten.
    void rulesChanged();
    // From ForwardEngine::targetFailing: a rule's target refused or did not answer.
    void connectionFailed(RuleId id);
    // For tests: the wall clock that tells a sleep (ms since the epoch).
    void setWallClock(std::function<qint64()> clock);

signals:
    // A following rule was moved.
    void moved(const TargetMove &move);
    // After each read; staleTargets() and status() are up to date.
    void checked();
    // The cluster of a kubectl context could not be read; its rules keep their targets.
    void unreadable(const QString &context, const QString &reason);
    // It can be read again after unreadable().
    void readable(const QString &context);

private:
    struct Watched
    {
        QString context;
        bool follows = false;
        qint64 periodMs = 0;
        qint64 dueMs = 0;  // on m_clock
    };
    using Reads = QHash<QString, Result<ClusterInfo>>;

    QSet<QString> contexts() const;
    void tick();
    void request(const QSet<QString> &contexts, CheckTrigger trigger);
    void startPending();
    void finished();
    void apply(RuleId id, const ForwardRule &rule, const ClusterInfo &info, CheckTrigger trigger);

    FollowedRules *m_rules;
    QHash<RuleId, Watched> m_watched;
    QHash<RuleId, StaleTarget> m_stale;
    QHash<RuleId, FollowStatus> m_status;
    QHash<QString, QString> m_unreadable;  // context -> the reason said
    QSet<QString> m_pending;
    CheckTrigger m_pendingTrigger = CheckTrigger::Timer;
    CheckTrigger m_runningTrigger = CheckTrigger::Timer;
    QFutureWatcher<Reads> m_watcher;
    std::atomic<bool> m_cancel{false};
    QTimer m_tick;
    QTimer m_deferred;  // a failed connection's read, held back by MinFailureGapMs
    QElapsedTimer m_clock;
    qint64 m_lastStartMs = -MinFailureGapMs;
    qint64 m_lastTickMs = 0;
    qint64 m_lastTickWallMs = 0;
    std::function<qint64()> m_wallClock;
};

Q_DECLARE_METATYPE(TargetMove)
