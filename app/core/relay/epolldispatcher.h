#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>

#include <atomic>
#include <vector>

#include "readiness.h"

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
using EpollDispatcherBase = QAbstractEventDispatcherV2;  // timers in std::chrono
#else
using EpollDispatcherBase = QAbstractEventDispatcher;
#endif

// The relay workers' event loop, on epoll. Qt's own dispatchers poll every
// registered descriptor on each wake-up, which costs O(connections) per event;
// epoll costs O(ready descriptors). QSocketNotifiers are level-triggered, as
// everywhere else. The relay's own descriptors are watched natively (watch()):
// edge-triggered, told straight to their handler without a QObject or an event
// per wake-up, and registered once for their lifetime. Only for threads without widgets.
class EpollDispatcher final : public EpollDispatcherBase
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EpollDispatcher)

public:
    explicit EpollDispatcher(QObject *parent = nullptr);
    ~EpollDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    void registerTimer(Qt::TimerId timerId, Duration interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(Qt::TimerId timerId) override;
    QList<TimerInfoV2> timersForObject(QObject *object) const override;
    Duration remainingTime(Qt::TimerId timerId) const override;
#else
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
#endif
    bool unregisterTimers(QObject *object) override;
    void wakeUp() override;
    void interrupt() override;

    // The native watches behind EpollReadiness.
    void watch(int fd, ReadinessHandler *handler, Readiness::Mode mode);
    void unwatch(int fd, bool closing);

private:
    struct Notifiers
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        quint32 events = 0;  // what epoll watches for now
        bool added = false;
    };
    struct Timer
    {
        int id;
        qint64 intervalMs;
        Qt::TimerType type;
        QObject *object;
        qint64 dueMs;
    };
    struct Native
    {
        ReadinessHandler *handler = nullptr;
        quint32 generation = 0;  // tells a stale event of a reused descriptor number apart
    };

    void addTimer(int id, qint64 intervalMs, Qt::TimerType type, QObject *object);
    bool removeTimer(int id);
    qint64 remainingMs(int id) const;
    void updateInterest(int fd);
    void deliverNotifiers(int fd, quint32 ready, bool *handled);
    void drainWake();
    qint64 nowMs() const;
    // Milliseconds until the next timer is due; -1 when there is none.
    int nextTimeout() const;
    bool fireTimers();

    int m_epoll;
    int m_wake;  // eventfd
    QHash<int, Notifiers> m_notifiers;
    std::vector<Native> m_native;  // by descriptor number
    quint32 m_nextGeneration = 1;
    std::vector<Timer> m_timers;
    std::atomic<bool> m_interrupted{false};
    std::atomic<bool> m_wakePending{false};  // the eventfd is already signalled
};

// Readiness on the thread's EpollDispatcher.
class EpollReadiness final : public Readiness
{
public:
    explicit EpollReadiness(EpollDispatcher *dispatcher) : m_dispatcher(dispatcher) {}

    void watch(int fd, ReadinessHandler *handler, Mode mode) override { m_dispatcher->watch(fd, handler, mode); }
    void want(int, bool, bool) override {}
    void unwatch(int fd, bool closing) override { m_dispatcher->unwatch(fd, closing); }

private:
    EpollDispatcher *m_dispatcher;
};
