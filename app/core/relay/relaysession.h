#pragma once

#include <memory>

#include <QHostInfo>
#include <QList>
#include <QObject>

#include "inspect/streaminspector.h"
#include "stats/connectioninfo.h"

class QSocketNotifier;
class RelayWorker;
struct RuleRuntime;

// One client <-> target pair on native non-blocking descriptors, driven by
// QSocketNotifier in the worker's event loop. QTcpSocket cannot pass a half-close
// or tell a reset from a close, so the bytes go through recv()/send() here.
class RelaySession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelaySession)

public:
    RelaySession(RelayWorker *worker, std::shared_ptr<RuleRuntime> rule, int clientFd,
                 const QHostAddress &clientAddress, quint16 clientPort);
    ~RelaySession() override;

    // Resolves the target (when it is a name) and connects without blocking.
    void start();
    // Ends the session from outside (rule stopped, idle, user): both sides get a FIN.
    void close(CloseReason reason);

    const RuleRuntime &rule() const { return *m_rule; }
    const ConnectionInfo &info() const { return m_info; }
    qint64 lastActivityMs() const { return m_lastActivityMs; }
    bool isClosed() const { return m_info.state == ConnectionState::Closed; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Side
    {
        int fd = -1;
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
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
        bool shutDown = false;  // and `to` got shutdown(SHUT_WR)
    };

    void onResolved(const QHostInfo &info);
    void connectNext();
    void onConnectResult();
    void onConnected();
    QSocketNotifier *writeNotifier(int fd);
    void onReadable(Flow &flow);
    void onWritable(Flow &flow);
    void inspect(const Flow &flow, const char *data, qsizetype size);
    void takeInspection();
    void endFlow(Flow &flow);
    void fail(CloseReason reason, const QString &why);
    void abort(CloseReason reason);
    void finish(CloseReason reason, bool reset);
    void closeSide(Side &side, bool reset);
    CloseReason resetReason(const Side &side) const;

    RelayWorker *m_worker;
    std::shared_ptr<RuleRuntime> m_rule;
    ConnectionInfo m_info;
    Side m_client;
    Side m_target;
    Flow m_up;    // client -> target
    Flow m_down;  // target -> client
    QList<QHostAddress> m_addresses;
    qsizetype m_nextAddress = 0;
    CloseReason m_connectError = CloseReason::TargetUnreachable;
    QString m_connectErrorText;
    CloseReason m_firstEnd = CloseReason::None;
    int m_connectTimer = 0;
    qint64 m_lastActivityMs = 0;
    std::unique_ptr<StreamInspector> m_inspector;  // while the rule inspects and there is more to learn
};
