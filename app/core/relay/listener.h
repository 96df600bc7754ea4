#pragma once

#include <memory>
#include <vector>

#include <sys/socket.h>

#include <QObject>
#include <QTimer>

#include "readiness.h"
#include "result.h"
#include "relay/enginesnapshot.h"

struct RuleRuntime;

// Why binding to port failed (errno `error`), in words that say what to do; for TCP and UDP.
QString listenErrorAdvice(int error, quint16 port);

// A rule's listening sockets, one per worker, bound to the same address with
// SO_REUSEPORT: the kernel spreads new connections over them (by the connection's
// hash), and each worker accepts from its own queue, with no hand-over between
// threads. A plain bind first proves the port free, so a port another program (or
// another Pasarela) listens on is reported, never shared.
class Listener final
{
public:
    Listener() = default;
    // Stops listening on every socket at once, so the port is free for a restart
    // even while workers still hold their descriptors.
    ~Listener();
    Q_DISABLE_COPY_MOVE(Listener)

    // Listens on the rule's address with `count` sockets and returns a new descriptor
    // of each, one per worker's Acceptor. The error names the address and says what to do.
    Result<std::vector<int>> listen(const RuleRuntime &rule, int count);

private:
    std::vector<int> m_fds;
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

// One worker's listening socket of a rule: a connection lives in the thread that
// accepted it. Accepting is done here, not by QTcpServer, which takes EMFILE for a
// temporary error once it has seen an EAGAIN, and then spins. Out of descriptors,
// accepting pauses for a moment and the clients waiting meanwhile are turned away.
class Acceptor final : public QObject, public ReadinessHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Acceptor)

public:
    // Takes fd, a descriptor of one of the rule's listening sockets.
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
