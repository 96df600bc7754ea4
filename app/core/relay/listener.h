#pragma once

#include <memory>

#include <sys/socket.h>

#include <QObject>
#include <QTcpServer>
#include <QTimer>

#include "readiness.h"
#include "result.h"
#include "stats/connectioninfo.h"

struct RuleRuntime;

// A rule's listening socket, bound and put to listen by QTcpServer, which also
// words the errors. Every worker accepts from a descriptor of its own (Acceptor).
class Listener final
{
public:
    explicit Listener(const RuleRuntime &rule);
    // Stops listening for every descriptor of the socket at once, so the port is free
    // for a restart even while other workers still hold theirs.
    ~Listener();
    Q_DISABLE_COPY_MOVE(Listener)

    // Listens on the rule's address; the error names the address and says what to do.
    Result<void> listen();
    // A new descriptor of the listening socket, for one worker's Acceptor.
    int duplicate() const;

private:
    const RuleRuntime &m_rule;
    QTcpServer m_server;
};

// What an acceptor needs of the worker that owns it.
class AcceptorHost
{
public:
    virtual Readiness &readiness() = 0;
    virtual void accepted(const std::shared_ptr<RuleRuntime> &rule, int fd, const sockaddr_storage &peer) = 0;
    // Closes a client before any byte is relayed: counted, reported and logged.
    virtual void refuse(const std::shared_ptr<RuleRuntime> &rule, int fd, CloseReason reason, const QString &why) = 0;
    virtual void logEvent(EventLevel level, RuleId rule, const QString &message) = 0;

protected:
    ~AcceptorHost() = default;
};

// One worker's descriptor of a rule's listening socket. Each worker accepts for
// itself, so a connection lives in the thread that accepted it, with no hand-over;
// the kernel wakes one waiting worker per connection (EPOLLEXCLUSIVE). Accepting is
// done here, not by QTcpServer, which takes EMFILE for a temporary error once it has
// seen an EAGAIN, and then spins. Out of descriptors, accepting pauses for a moment
// and the clients waiting meanwhile are turned away.
class Acceptor final : public QObject, public ReadinessHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Acceptor)

public:
    // Takes fd, a descriptor of the rule's listening socket.
    Acceptor(AcceptorHost &host, std::shared_ptr<RuleRuntime> rule, int fd, QObject *parent);
    ~Acceptor() override;

    void ready(int fd, quint32 events) override;

private:
    void pause(int error);
    void turnAwayWaiting();

    AcceptorHost &m_host;
    std::shared_ptr<RuleRuntime> m_rule;
    int m_fd;
    QTimer m_resume;
    bool m_watched = false;
    bool m_paused = false;
    int m_spare = -1;  // a descriptor held in reserve for turning clients away when out of them
};
