#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

#include "result.h"
#include "rules/forwardrule.h"
#include "relay/enginesnapshot.h"

class QThread;
class RelayWorker;
struct ConnectionBudget;
struct RuleRuntime;
struct WorkerSnapshot;

// The facade the window and the command line talk to. Owns the relay worker
// threads; the calling thread only sends commands and receives snapshots.
// Every method must be called from the thread that created the engine.
class ForwardEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ForwardEngine)

public:
    // workerCount 0: QThread::idealThreadCount(), at least 1.
    explicit ForwardEngine(int workerCount = 0, QObject *parent = nullptr);
    ~ForwardEngine() override;

    // Validated together with the rules already present. An enabled rule starts at once.
    Result<RuleId> addRule(const ForwardRule &rule);
    // Restarts that rule only (its connections close with "rule stopped"), unless only
    // its targets, cool-down, origin or following changed: then open connections stay
    // and new ones go to the new targets.
    Result<void> updateRule(RuleId id, const ForwardRule &rule);
    Result<void> setRuleEnabled(RuleId id, bool enabled);
    void removeRule(RuleId id);
    // Closes every listener and connection (reason: rule stopped) and publishes one
    // last snapshot with all that ended, before and by the stop. Nothing relays
    // afterwards; the destructor stops an engine that was not stopped.
    void stop();

    QList<RuleId> ruleIds() const;
    ForwardRule rule(RuleId id) const;
    RuleState ruleState(RuleId id) const;
    QString ruleError(RuleId id) const;

    void closeConnection(quint64 connectionId);

    // Relayed connections open at once across all rules; more are refused before a
    // byte is relayed. 0: no limit. Starts at defaultMaxTotalConnections().
    void setMaxTotalConnections(int limit);
    int maxTotalConnections() const;
    // Each relayed connection takes two descriptors: half of RLIMIT_NOFILE's soft
    // limit once a reserve for the rest of the program is set aside, so a flood is
    // refused with a reason instead of starving the process of descriptors.
    // 0 (no limit) when the limit is unlimited or too low to leave room for one.
    static int defaultMaxTotalConnections();

    // Inspect every rule's connections whatever the rule says (--log-requests).
    // Takes effect on rules started afterwards.
    void setInspectAll(bool on) { m_inspectAll = on; }
    // Publish the requests inspection sees (EngineSnapshot::requests). Off by default:
    // at tens of thousands of requests a second, handing records to another thread
    // costs that thread more than the parsing costs the relay, so only a reader turns
    // it on (the window, --log-requests). Takes effect on rules started afterwards.
    void setPublishRequests(bool on) { m_publishRequests = on; }
    // With published requests, keep each answer's head and the first CaptureBytes of
    // both bodies (InspectedRequest::captured), for the window's replay to compare with.
    // Off by default. Takes effect on rules started afterwards.
    static constexpr qsizetype CaptureBytes = 256 * 1024;
    void setCaptureExchanges(bool on) { m_captureExchanges = on; }

    // Publish each connection, open and closed (EngineSnapshot::connections). On by
    // default; off where nobody shows them (headless without --log-*), so a snapshot
    // costs nothing per connection.
    void setPublishConnections(bool on);

    void setSnapshotInterval(int ms);
    // The last snapshot published.
    const EngineSnapshot &lastSnapshot() const { return m_last; }

signals:
    void ruleStateChanged(RuleId id, RuleState state, const QString &error);
    void snapshotReady(const EngineSnapshot &snapshot);
    void eventLogged(const EngineEvent &event);
    // Since the previous snapshot, a target of the rule refused, was unreachable or
    // timed out (whether or not a later target took the connection).
    void targetFailing(RuleId id);

private:
    struct RuleEntry
    {
        ForwardRule rule;
        RuleState state = RuleState::Stopped;
        QString error;
        std::shared_ptr<RuleRuntime> runtime;  // set while started
        quint64 lastBytesUp = 0;
        quint64 lastBytesDown = 0;
        quint64 lastTargetFailures = 0;
    };

    void startRule(RuleId id);
    void logFaults(RuleId id, const ForwardRule &rule);
    void stopRule(RuleId id);
    Result<void> checkAgainstOthers(RuleId id, const ForwardRule &rule) const;
    void setState(RuleId id, RuleState state, const QString &error = {});
    void onWorkerSnapshot(const WorkerSnapshot &snapshot);
    void onListenerState(RuleId id, quint64 generation, RuleState state, const QString &error);
    void publish();
    RelayWorker *listenerWorker(RuleId id) const;

    std::vector<QThread *> m_threads;
    std::vector<RelayWorker *> m_workers;
    std::shared_ptr<ConnectionBudget> m_budget;
    QHash<RuleId, RuleEntry> m_rules;
    QList<RuleId> m_order;
    RuleId m_nextId = 1;
    quint64 m_nextGeneration = 1;
    QTimer m_timer;
    qint64 m_lastPublishMs = 0;
    QList<WorkerSnapshot> m_workerSnapshots;
    QList<ConnectionInfo> m_closedPending;
    EngineSnapshot m_last;
    bool m_inspectAll = false;
    bool m_publishRequests = false;
    bool m_captureExchanges = false;
    bool m_stopped = false;
    QList<RequestRecord> m_requestsPending;
};
