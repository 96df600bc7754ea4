#include "listener.h"

#include <cerrno>

#include "nativesocket.h"
#include "relayworker.h"
#include "ruleruntime.h"

namespace {

// How long accepting pauses after a resource error such as "too many open files".
constexpr int ResumeAfterResourceErrorMs = 250;

QString listenErrorAdvice(QAbstractSocket::SocketError error, quint16 port, const QString &fallback)
{
    switch (error) {
    case QAbstractSocket::AddressInUseError:
        return QStringLiteral("address already in use: another program or rule listens there; "
                              "stop it or pick another port");
    case QAbstractSocket::SocketAccessError:
        if (port < 1024)
            return QStringLiteral("permission denied: ports below 1024 need privileges; pick a port "
                                  "above 1024, or grant them with "
                                  "\"sudo setcap cap_net_bind_service=+ep $(command -v pasarela)\"");
        return QStringLiteral("permission denied");
    case QAbstractSocket::SocketAddressNotAvailableError:
        return QStringLiteral("address not available: no network interface of this machine has "
                              "that address; pick one it has, or 0.0.0.0 for all");
    default:
        return fallback.toLower();
    }
}

} // namespace

Listener::Listener(RelayWorker *worker, std::shared_ptr<RuleRuntime> rule)
    : QTcpServer(worker), m_worker(worker), m_rule(std::move(rule))
{
    m_resume.setSingleShot(true);
    connect(&m_resume, &QTimer::timeout, this, &QTcpServer::resumeAccepting);
    connect(this, &QTcpServer::acceptError, this, &Listener::onAcceptError);
    setListenBacklogSize(4096);
}

bool Listener::start(QString *error)
{
    if (listen(m_rule->listenAddress, m_rule->rule.listen.port))
        return true;
    *error = m_rule->rule.listen.toString() + QStringLiteral(": ")
             + listenErrorAdvice(serverError(), m_rule->rule.listen.port, errorString());
    return false;
}

void Listener::incomingConnection(qintptr descriptor)
{
    if (m_paused) {
        m_paused = false;
        m_worker->logEvent(EventLevel::Info, m_rule->id,
                           m_rule->rule.listen.toString() + QStringLiteral(": accepting again"));
    }
    m_worker->accepted(m_rule, int(descriptor));
}

void Listener::onAcceptError(QAbstractSocket::SocketError error)
{
    // Still accept()'s errno: Qt reports "out of resources" for EMFILE, ENFILE and ENOMEM alike.
    const int code = errno;
    // QTcpServer has paused accepting; a client that gave up before accept() is no reason to wait.
    if (error != QAbstractSocket::SocketResourceError) {
        resumeAccepting();
        return;
    }
    if (!m_paused) {
        m_paused = true;
        m_worker->logEvent(EventLevel::Warning, m_rule->id,
                           m_rule->rule.listen.toString() + QStringLiteral(": accepting paused: ")
                               + (code == EMFILE || code == ENFILE
                                      ? NativeSocket::errorText(code)
                                            + QStringLiteral(" (raise the limit with \"ulimit -n\")")
                                      : errorString().toLower())
                               + QStringLiteral("; retrying"));
    }
    m_resume.start(ResumeAfterResourceErrorMs);
}
