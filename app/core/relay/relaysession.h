#pragma once

#include <memory>

#include <QHostInfo>
#include <QList>
#include <QVarLengthArray>

#include "faultshaper.h"
#include "inspect/streaminspector.h"
#include "readiness.h"
#include "relay/enginesnapshot.h"

class RelaySession;
struct Endpoint;
struct RuleRuntime;
struct TargetSet;

// What a session needs of the worker that owns it, and nothing more.
class SessionHost
{
public:
    // A buffer shared by the worker's sessions: they read into it and write straight
    // on, so an idle or keeping-up session holds no buffer of its own. Big reads make
    // one stream fast (1 MiB: about a third faster than 256 KiB on loopback); a
    // stalled session keeps at most one read's rest.
    static constexpr int ScratchSize = 1024 * 1024;

    virtual Readiness &readiness() = 0;
    virtual char *scratch() = 0;
    virtual qint64 nowMs() const = 0;
    // Someone reads the connections' details (the upstream leg's local address costs a call).
    virtual bool recordsConnections() const = 0;
    // A timer that calls session.connectTimedOut(); returns its id.
    virtual int startConnectTimer(const RelaySession &session) = 0;
    virtual void stopConnectTimer(int id) = 0;
    // A timer that calls session.faultTimedOut() after ms; returns its id.
    virtual int startFaultTimer(const RelaySession &session, qint64 ms) = 0;
    virtual void stopFaultTimer(int id) = 0;
    // Resolves the target name; calls session.resolved() unless the session closed meanwhile.
    virtual void lookUp(const RelaySession &session, const QString &host) = 0;
    // Calls session.pump() soon, after the other ready sessions had their turn.
    virtual void pumpLater(const RelaySession &session) = 0;
    virtual void connectionFailed(const RelaySession &session, CloseReason reason, const QString &why) = 0;
    // session.target() did not take the connection; cooling: it is skipped for a while now.
    virtual void targetFailed(const RelaySession &session, bool cooling, CloseReason reason, const QString &why) = 0;
    virtual void requestsSeen(const RelaySession &session, const QList<InspectedRequest> &requests) = 0;
    // The session is closed; the host deletes it later, not from inside its own call.
    virtual void sessionClosed(RelaySession &session) = 0;

protected:
    ~SessionHost() = default;
};

// One client <-> target pair on native non-blocking descriptors, watched through
// the worker's Readiness. QTcpSocket cannot pass a half-close or tell a reset from a
// close, so the bytes go through recv()/send() here.
class RelaySession final : public ReadinessHandler
{
public:
    RelaySession(SessionHost &host, std::shared_ptr<RuleRuntime> rule, ConnectionInfo info, int clientFd);
    ~RelaySession();
    Q_DISABLE_COPY_MOVE(RelaySession)

    // Resolves the target (when it is a name) and connects without blocking.
    void start();
    // Ends the session from outside (rule stopped, idle, user): both sides get a FIN.
    void close(CloseReason reason);

    void resolved(const QHostInfo &info);
    void connectTimedOut();
    // Takes the rule's faults as they are now (drawn again by toxicity).
    void applyFaults();
    void faultTimedOut();
    void pump();
    void ready(int fd, quint32 events) override;

    const RuleRuntime &rule() const { return *m_rule; }
    // The target being tried, or the one connected to.
    const Endpoint &target() const;
    const ConnectionInfo &info() const { return m_info; }
    qint64 lastActivityMs() const { return m_lastActivityMs; }
    bool isClosed() const { return m_info.state == ConnectionState::Closed; }

private:
    struct Side
    {
        int fd = -1;
        bool readable = false;
        bool writable = false;
        bool peerClosed = false;  // its FIN is in: read on until recv() says 0
    };
    // One direction of the relay, from one side to the other.
    struct Flow
    {
        Side *from = nullptr;
        Side *to = nullptr;
        quint64 *bytes = nullptr;
        std::unique_ptr<char[]> pending;  // bytes `to` did not take yet; only while backed up
        qsizetype pendingOffset = 0;
        qsizetype pendingSize = 0;
        bool eof = false;       // `from` sent its FIN
        bool eofDelayed = false;  // and it waits behind the delayed bytes (faults)
        qint64 passed = 0;      // bytes sent on while faults apply (a reset after N bytes)
        bool shutDown = false;  // and `to` got it
    };

    void connectTarget();
    void connectNext();
    void targetFailed();
    void onConnectResult();
    void onConnected();
    void pump(Flow &flow);
    void pumpWithFaults(Flow &flow, DelayLine &line, const FaultPlan::Way &way);
    bool faultDeadlines();
    void armFaultTimer(qint64 dueMs);
    void dropFaults();
    void resetByFault();
    bool sendPending(Flow &flow);
    bool readFailed(Flow &flow);
    void updateWants();
    void inspect(const Flow &flow, const char *data, qsizetype size);
    void takeInspection();
    void endFlow(Flow &flow);
    void fail(CloseReason reason, const QString &why);
    void finish(CloseReason reason, bool reset);
    void closeSide(Side &side, bool reset);
    CloseReason resetReason(const Side &side) const;

    SessionHost &m_host;
    std::shared_ptr<RuleRuntime> m_rule;
    ConnectionInfo m_info;
    Side m_client;
    Side m_target;
    Flow m_up;    // client -> target
    Flow m_down;  // target -> client
    std::shared_ptr<const TargetSet> m_targets;
    QVarLengthArray<int, 4> m_order;  // of m_targets, to try
    qsizetype m_orderPos = 0;
    int m_targetIndex = -1;
    QList<QHostAddress> m_addresses;  // of the target being tried
    qsizetype m_nextAddress = 0;
    CloseReason m_connectError = CloseReason::TargetUnreachable;
    QString m_connectErrorText;
    CloseReason m_firstEnd = CloseReason::None;
    int m_connectTimer = 0;
    qint64 m_lastActivityMs = 0;
    std::unique_ptr<StreamInspector> m_inspector;
    // Only while the rule's faults apply to this connection (or its delayed bytes wait).
    struct Faulted
    {
        FaultPlan plan;
        DelayLine up;
        DelayLine down;
        int timer = 0;
        qint64 timerDueMs = 0;
        qint64 connectedMs = -1;
        int resetChecks = 0;  // a reset after N bytes waits (a while) for them to leave
    };
    std::unique_ptr<Faulted> m_faults;  // while the rule inspects and there is more to learn
};
