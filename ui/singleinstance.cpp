#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace {

constexpr char ShowLine[] = "show\n";
constexpr char DemoLine[] = "demo\n";
constexpr char AnswerLine[] = "ok\n";

} // namespace

SingleInstance::SingleInstance(QString name, QObject *parent) : QObject(parent), m_name(std::move(name)) {}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::nameFor(const QString &rulesPath)
{
    const QByteArray key = QFileInfo(rulesPath).absoluteFilePath().toUtf8();
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16));
    return QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation) + QStringLiteral("/pasarela-")
           + hash + QStringLiteral(".sock");
}

bool SingleInstance::sendToRunning(Request request, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return false;
    socket.write(request == Request::ShowDemo ? DemoLine : ShowLine);
    if (!socket.waitForBytesWritten(int(deadline.remainingTime())))
        return false;
    QByteArray answer;
    while (!answer.endsWith('\n') && socket.waitForReadyRead(int(deadline.remainingTime())))
        answer += socket.readAll();
    return answer == AnswerLine;
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    QDir().mkpath(QFileInfo(m_name).absolutePath());
    // Nobody answered on it (sendToRunning came first), so the file is a crashed instance's.
    if (!m_server->listen(m_name) && QLocalServer::removeServer(m_name) && !m_server->listen(m_name))
        return false;
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onConnection);
    return m_server->isListening();
}

void SingleInstance::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine())
                return;
            const QByteArray line = socket->readLine(16);
            socket->write(AnswerLine);
            socket->disconnectFromServer();
            emit requested(line == DemoLine ? Request::ShowDemo : Request::Show);
        });
    }
}
