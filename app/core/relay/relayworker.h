#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>

#include "listener.h"
#include "relaysession.h"
#include "udprelay.h"
#include "relay/enginesnapshot.h"

class QTimer;
struct RuleRuntime;

// Totals of one rule in one worker, cumulative since the rule was added.
struct RuleCounters
{
    quint64 active = 0;
    quint64 total = 0;
    quint64 refused = 0;
    quint64 failed = 0;
    quint64 targetFailures = 0;  // tries a target did not take (the next one may have)
    quint64 bytesUp = 0;
    quint64 bytesDown = 0;
};

// What one worker publishes: its counters, its open connections, those that closed
// since its previous snapshot, and the requests and events seen meanwhile.
struct WorkerSnapshot
{
    int worker = 0;
    QHash<RuleId, RuleCounters> counters;
    QList<ConnectionInfo> connections;
    QList<RequestRecord> requests;
    QList<EngineEvent> events;
};

Q_DECLARE_METATYPE(WorkerSnapshot)

// Relayed connections open across every rule and worker, and their limit (0: none).
struct ConnectionBudget
{
    std::atomic<int> open{0};
    std::atomic<int> limit{0};
};

// A thread with its own event loop that owns listeners, acceptors and sessions.
// Everything here runs in that thread; other threads reach it with queued calls only.
// Its children reach it through the narrow SessionHost, AcceptorHost and UdpHost.
class RelayWorker final : public QObject, private SessionHost, private AcceptorHost, private UdpHost
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelayWorker)

public:
    // What a snapshot keeps between two publications; beyond this the oldest go (the
    // counters still count them): a flood is not worth its memory.
    static constexpr int MaxRequestsPerSnapshot = 10000;
    static constexpr int MaxRefusedPerSnapshot = 1000;
    static constexpr int MaxEventsPerSnapshot = 1000;
    // Captured heads and bodies of those requests; beyond this, later ones go without.
    static constexpr qsizetype MaxCapturedPerSnapshot = 64 * 1024 * 1024;

    explicit RelayWorker(int index);
    ~RelayWorker() override;

    void setBudget(std::shared_ptr<ConnectionBudget> budget) { m_budget = std::move(budget); }

    // Queued from the engine.
    void init(int publishIntervalMs);
    void setPublishInterval(int ms);
    // Off: snapshots carry counters, requests and events only (nobody shows connections).
    void setPublishConnections(bool on) { m_publishConnections = on; }
    // Binds the rule's sockets; on success, gives every worker of `workers` (this one
    // included) one of them to accept from.
    void startListener(const std::shared_ptr<RuleRuntime> &rule, const std::vector<RelayWorker *> &workers);
    void startAccepting(const std::shared_ptr<RuleRuntime> &rule, int fd);
    // Stops accepting for the rule (and closes its sockets, here where they were bound)
    // and closes its connections.
    void stopRule(RuleId id, CloseReason reason);
    void forgetRule(RuleId id);
    void closeConnection(quint64 id);
    // The rule's faults changed (RuleRuntime::setFaults): its open connections take them.
    void faultsChanged(RuleId id);
    // Closes everything and publishes a last snapshot.
    void shutdown();

signals:
    void published(const WorkerSnapshot &snapshot);
    void listenerState(RuleId id, quint64 generation, RuleState state, const QString &error);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    // SessionHost
    Readiness &readiness() override { return *m_readiness; }
    char *scratch() override { return m_scratch.get(); }
    qint64 nowMs() const override { return m_clock.elapsed(); }
    bool recordsConnections() const override { return m_publishConnections; }
    int startConnectTimer(const RelaySession &session) override;
    void stopConnectTimer(int id) override;
    int startFaultTimer(const RelaySession &session, qint64 ms) override;
    void stopFaultTimer(int id) override;
    void lookUp(const RelaySession &session, const QString &host) override;
    void pumpLater(const RelaySession &session) override;
    void connectionFailed(const RelaySession &session, CloseReason reason, const QString &why) override;
    void targetFailed(const RelaySession &session, bool cooling, CloseReason reason, const QString &why) override;
    void requestsSeen(const RelaySession &session, const QList<InspectedRequest> &requests) override;
    void sessionClosed(RelaySession &session) override;
    // AcceptorHost
    void accepted(const std::shared_ptr<RuleRuntime> &rule, int fd, const sockaddr_storage &peer) override;
    void refuse(const std::shared_ptr<RuleRuntime> &rule, int fd, CloseReason reason, const QString &why) override;
    void logEvent(EventLevel level, RuleId rule, const QString &message) override;
    // UdpHost
    ConnectionInfo newConnection(const RuleRuntime &rule, int clientFd, const QHostAddress &address,
                                 quint16 port) const override;
    CloseReason admit(RuleRuntime &rule, const QHostAddress &address, QString *why) override;
    void refuse(const std::shared_ptr<RuleRuntime> &rule, int fd, const QHostAddress &address, quint16 port,
                CloseReason reason, const QString &why) override;
    void targetFailed(const RuleRuntime &rule, const Endpoint &target, bool cooling, CloseReason reason,
                      const QString &why) override;
    void connectionFailed(const ConnectionInfo &info, const QString &target, CloseReason reason,
                          const QString &why) override;
    void connectionClosed(const RuleRuntime &rule, const ConnectionInfo &info) override;

    void pumpYielded();
    void deleteClosed();
    void publish();
    void sweepIdle();

    int m_index;
    std::shared_ptr<ConnectionBudget> m_budget = std::make_shared<ConnectionBudget>();
    std::unique_ptr<Readiness> m_readiness;
    QHash<RuleId, Listener *> m_listeners;  // the rules whose sockets were bound here
    QHash<RuleId, Acceptor *> m_acceptors;
    QHash<RuleId, UdpRelay *> m_udp;         // the UDP rules whose socket was bound here
    QHash<quint64, RelaySession *> m_sessions;
    QHash<int, quint64> m_connectTimers;     // timer id -> session id
    QHash<int, quint64> m_faultTimers;       // timer id -> session id
    std::vector<quint64> m_pumpLater;        // session ids
    std::vector<RelaySession *> m_closedSessions;  // deleted before the loop waits again
    QHash<RuleId, RuleCounters> m_counters;  // closed sessions' bytes, and the counts
    QList<ConnectionInfo> m_closed;
    int m_refusedInSnapshot = 0;
    QList<RequestRecord> m_requests;
    qsizetype m_capturedBytes = 0;           // of m_requests' captures (may overcount after a cap)
    QList<EngineEvent> m_events;
    bool m_publishConnections = true;
    bool m_shutDown = false;
    std::unique_ptr<char[]> m_scratch;
    QElapsedTimer m_clock;
    qint64 m_clockEpochMs = 0;  // wall-clock time when m_clock started
    QTimer *m_publishTimer = nullptr;
    QTimer *m_idleTimer = nullptr;
};
