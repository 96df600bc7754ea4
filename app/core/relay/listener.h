#pragma once

#include <memory>

#include <QTcpServer>
#include <QTimer>

class RelayWorker;
struct RuleRuntime;

// The listening socket of one rule. Lives in a worker thread and hands each
// accepted descriptor to its worker; accept errors pause accepting for a moment
// instead of spinning.
class Listener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    Listener(RelayWorker *worker, std::shared_ptr<RuleRuntime> rule);

    // Listens on the rule's address; the error names the address and says what to do.
    bool start(QString *error);
    const std::shared_ptr<RuleRuntime> &rule() const { return m_rule; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void onAcceptError(QAbstractSocket::SocketError error);

    RelayWorker *m_worker;
    std::shared_ptr<RuleRuntime> m_rule;
    QTimer m_resume;
    bool m_paused = false;
};
