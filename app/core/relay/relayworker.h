#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>

#include "stats/connectioninfo.h"

class Listener;
class QTimer;
class RelaySession;
struct RuleRuntime;

// Totals of one rule in one worker, cumulative since the rule was added.
struct RuleCounters
{
    quint64 active = 0;
    quint64 total = 0;
    quint64 refused = 0;
    quint64 failed = 0;
    quint64 bytesUp = 0;
    quint64 bytesDown = 0;
};

// What one worker publishes: its counters, its open connections, and those that
// closed since its previous snapshot.
struct WorkerSnapshot
{
    int worker = 0;
    QHash<RuleId, RuleCounters> counters;
    QList<ConnectionInfo> connections;
    QList<RequestRecord> requests;  // seen since the previous snapshot
};

Q_DECLARE_METATYPE(WorkerSnapshot)

// Relayed connections open across every rule and worker, and their limit (0: none).
struct ConnectionBudget
{
    std::atomic<int> open{0};
    std::atomic<int> limit{0};
};

// A thread with its own event loop that owns listeners and sessions. Everything
// here runs in that thread; other threads reach it with queued calls only.
class RelayWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelayWorker)

public:
    // Per-worker read buffer: sessions read into it and write straight on, so an
    // idle or keeping-up session holds no buffer of its own. Big reads are what make
    // one stream fast (1 MiB: about a third faster than 256 KiB on loopback); a
    // stalled session keeps at most one read's rest.
    static constexpr int ScratchSize = 1024 * 1024;
    // Requests kept between two snapshots; beyond this the oldest are dropped.
    static constexpr int MaxRequestsPerSnapshot = 10000;

    explicit RelayWorker(int index);
    ~RelayWorker() override;

    // Set before the thread starts; read-only afterwards.
    void setPeers(std::vector<RelayWorker *> peers) { m_peers = std::move(peers); }
    void setBudget(std::shared_ptr<ConnectionBudget> budget) { m_budget = std::move(budget); }

    // Queued from the engine.
    void init(int publishIntervalMs);
    void setPublishInterval(int ms);
    void startListener(const std::shared_ptr<RuleRuntime> &rule);
    void stopListener(RuleId id);
    void closeRule(RuleId id, CloseReason reason);
    void forgetRule(RuleId id);
    void closeConnection(quint64 id);
    void shutdown();

    // Used by listeners and sessions of this worker.
    void accepted(const std::shared_ptr<RuleRuntime> &rule, int fd, const QHostAddress &address, quint16 port);
    void adopt(const std::shared_ptr<RuleRuntime> &rule, int fd, const QHostAddress &address, quint16 port);
    // Closes a client before any byte is relayed: counted, reported and logged.
    void refuse(const std::shared_ptr<RuleRuntime> &rule, int fd, const QHostAddress &address,
                quint16 port, CloseReason reason, const QString &why);
    void sessionClosed(RelaySession *session);
    void connectionFailed(const RelaySession &session, CloseReason reason, const QString &why);
    // Requests the session's inspector finished; the worker stamps and publishes them.
    void requestsSeen(const RelaySession &session, const QList<InspectedRequest> &requests);
    void logEvent(EventLevel level, RuleId rule, const QString &message);
    char *scratch() { return m_scratch.get(); }
    qint64 nowMs() const { return m_clock.elapsed(); }
    // A new connection's snapshot, with an id unique in the process.
    static ConnectionInfo newConnection(const RuleRuntime &rule, int clientFd, const QHostAddress &address, quint16 port);

signals:
    void published(const WorkerSnapshot &snapshot);
    void listenerState(RuleId id, quint64 generation, RuleState state, const QString &error);
    void eventLogged(const EngineEvent &event);

private:
    void publish();
    void sweepIdle();

    int m_index;
    std::vector<RelayWorker *> m_peers;
    size_t m_nextPeer = 0;
    std::shared_ptr<ConnectionBudget> m_budget = std::make_shared<ConnectionBudget>();
    QHash<RuleId, Listener *> m_listeners;
    QHash<quint64, RelaySession *> m_sessions;
    QHash<RuleId, RuleCounters> m_counters;  // closed sessions' bytes, and the counts
    QList<ConnectionInfo> m_closed;
    QList<RequestRecord> m_requests;
    std::unique_ptr<char[]> m_scratch;
    QElapsedTimer m_clock;
    qint64 m_clockEpochMs = 0;  // wall-clock time when m_clock started
    QTimer *m_publishTimer = nullptr;
    QTimer *m_idleTimer = nullptr;
};
