#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

// One window per user and rules file: the first start listens on a local socket
// in the user's runtime directory; a later start asks it to come to the front
// (and to start the demo, when asked for) and exits.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    enum class Request { Show, ShowDemo };
    Q_ENUM(Request)

    // name: a socket path; nameFor() gives the one for a rules file.
    explicit SingleInstance(QString name, QObject *parent = nullptr);
    ~SingleInstance() override;

    static QString nameFor(const QString &rulesPath);

    // True when a running instance took the request. Blocks for at most timeoutMs.
    bool sendToRunning(Request request, int timeoutMs = 3000) const;
    // Takes later starts' requests. A socket left by a crashed instance is replaced.
    // False when it cannot: then later starts open windows of their own.
    bool listen();

signals:
    void requested(SingleInstance::Request request);

private:
    void onConnection();

    QString m_name;
    QLocalServer *m_server = nullptr;
};
