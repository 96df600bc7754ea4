#pragma once

#include <memory>
#include <vector>

#include <QHash>
#include <QList>
#include <QObject>

#include "datagramsocket.h"
#include "readiness.h"
#include "result.h"
#include "relay/enginesnapshot.h"

class QHostInfo;
struct Endpoint;
struct RuleRuntime;

// What a UDP relay needs of the worker that owns it.
class UdpHost
{
public:
    virtual Readiness &readiness() = 0;
    virtual char *scratch() = 0;  // SessionHost::ScratchSize bytes: a datagram fits
    virtual qint64 nowMs() const = 0;
    virtual bool recordsConnections() const = 0;
    // A new session's info, with a new id (fd -1: no socket of the client's to ask).
    virtual ConnectionInfo newConnection(const RuleRuntime &rule, int clientFd, const QHostAddress &address,
                                         quint16 port) const = 0;
    // The allow-list and the limits: None, and the session counted, or why not (*why in words).
    virtual CloseReason admit(RuleRuntime &rule, const QHostAddress &address, QString *why) = 0;
    // Counts, reports and logs a client turned away (fd -1 for UDP).
    virtual void refuse(const std::shared_ptr<RuleRuntime> &rule, int fd, const QHostAddress &address, quint16 port,
                        CloseReason reason, const QString &why) = 0;
    // A target did not take a session; cooling: it is skipped for a while now.
    virtual void targetFailed(const RuleRuntime &rule, const Endpoint &target, bool cooling, CloseReason reason,
                              const QString &why) = 0;
    // A session that ends because its target failed: counted and logged.
    virtual void connectionFailed(const ConnectionInfo &info, const QString &target, CloseReason reason,
                                  const QString &why) = 0;
    // A session admitted by admit() ended: its counters and its last snapshot.
    virtual void connectionClosed(const RuleRuntime &rule, const ConnectionInfo &info) = 0;

protected:
    ~UdpHost() = default;
};

// A UDP rule: one socket on the listen address, and per client address:port a
// session with its own socket connect()ed to the target. One datagram read is one
// datagram sent, in the order read; what a side cannot take yet waits in a bounded
// queue, in order, and what is beyond the bound is dropped and counted. A session
// ends after the rule's idle timeout without a datagram either way.
class UdpRelay final : public QObject, public ReadinessHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpRelay)

public:
    // Datagrams waiting for a side, per session and direction.
    static constexpr qsizetype QueueLimitBytes = 256 * 1024;

    UdpRelay(UdpHost &host, std::shared_ptr<RuleRuntime> rule, QObject *parent);
    ~UdpRelay() override;

    // Binds the rule's address; the error names it and says what to do.
    Result<void> bind();
    // Ends every session and closes the socket.
    void stop(CloseReason reason);
    bool closeSession(quint64 id, CloseReason reason);
    void sweepIdle(qint64 nowMs);
    // Adds the open sessions' bytes, and (when given) their infos.
    void publish(quint64 *bytesUp, quint64 *bytesDown, QList<ConnectionInfo> *connections) const;

    void ready(int fd, quint32 events) override;

private:
    struct Session;
    struct Refused
    {
        CloseReason reason;
        qint64 lastMs;
    };

    void readClients();
    void fromClient(const DatagramPeer &client, const char *data, qsizetype size);
    Session *open(const DatagramPeer &client, const UdpClientKey &key);
    void connectTarget(Session &s);
    void resolved(quint64 id, const QHostInfo &info);
    bool connectNext(Session &s);
    void closeSocket(Session &s);
    void sendToTarget(Session &s, const char *data, qsizetype size);
    void flushToTarget(Session &s);
    void readTarget(Session &s);
    void sendToClient(Session &s, const char *data, qsizetype size);
    void flushToClients();
    void targetError(Session &s, int error);
    void sessionReady(Session &s, quint32 events);
    void fail(Session &s, CloseReason reason, const QString &why);
    void end(Session &s, CloseReason reason);
    void later(quint64 sessionId);
    void runLater();
    void deleteEnded();

    UdpHost &m_host;
    std::shared_ptr<RuleRuntime> m_rule;
    int m_fd = -1;
    bool m_wildcard = false;  // replies leave from the address each client sent to
    bool m_readable = false;
    QHash<UdpClientKey, Session *> m_sessions;  // by client address, owned
    QHash<quint64, Session *> m_byId;
    QHash<UdpClientKey, Refused> m_refused;   // clients turned away, told once until they go quiet
    std::vector<quint64> m_waitingForClients; // sessions with replies the socket did not take yet, in order
    std::vector<quint64> m_later;             // sessions to read again (0: the clients' socket)
    std::vector<std::unique_ptr<Session>> m_ended;  // deleted once out of their own calls
};
