#pragma once

#include <memory>

#include <QObject>
#include <QTcpServer>
#include <QTimer>

class QSocketNotifier;
class RelayWorker;
struct RuleRuntime;

// The listening socket of one rule. Lives in a worker thread and hands each
// accepted descriptor to its worker. QTcpServer binds and listens; accepting is
// done here, because QTcpServer takes EMFILE for a temporary error once it has
// seen an EAGAIN, and then spins. Out of descriptors, accepting pauses for a
// moment and the clients waiting meanwhile are turned away.
class Listener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    Listener(RelayWorker *worker, std::shared_ptr<RuleRuntime> rule);
    ~Listener() override;

    // Listens on the rule's address; the error names the address and says what to do.
    bool start(QString *error);
    const std::shared_ptr<RuleRuntime> &rule() const { return m_rule; }

private:
    void acceptPending();
    void pause(int error);
    void turnAwayWaiting();

    RelayWorker *m_worker;
    std::shared_ptr<RuleRuntime> m_rule;
    QTcpServer m_server;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_resume;
    bool m_paused = false;
    int m_spare = -1;  // a descriptor held in reserve for turning clients away when out of them
};
