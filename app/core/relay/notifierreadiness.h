#pragma once

#include <QHash>
#include <QObject>

#include "readiness.h"

class QSocketNotifier;

// Readiness through QSocketNotifiers, on whatever event dispatcher the thread has:
// level-triggered, so a notifier is on only while its handler wants it.
class NotifierReadiness final : public QObject, public Readiness
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotifierReadiness)

public:
    NotifierReadiness() = default;
    ~NotifierReadiness() override;

    void watch(int fd, ReadinessHandler *handler, Mode mode) override;
    void want(int fd, bool read, bool write) override;
    void unwatch(int fd, bool closing) override;

private:
    struct Watch
    {
        ReadinessHandler *handler = nullptr;
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };
    void activated(int fd, quint32 event);

    QHash<int, Watch> m_watches;
};
