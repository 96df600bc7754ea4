#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>

#include <atomic>
#include <vector>

// The relay workers' event loop, on epoll. Qt's own dispatchers poll every
// registered descriptor on each wake-up, which costs O(connections) per event;
// epoll costs O(ready descriptors). Level-triggered, like poll, so QSocketNotifier
// behaves as everywhere else. Only for threads without widgets.
class EpollDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EpollDispatcher)

public:
    explicit EpollDispatcher(QObject *parent = nullptr);
    ~EpollDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

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

    void updateInterest(int fd);
    qint64 nowMs() const;
    // Milliseconds until the next timer is due; -1 when there is none.
    int nextTimeout() const;
    bool fireTimers();

    int m_epoll;
    int m_wake;  // eventfd
    QHash<int, Notifiers> m_notifiers;
    std::vector<Timer> m_timers;
    std::atomic<bool> m_interrupted{false};
    std::atomic<bool> m_wakePending{false};  // the eventfd is already signalled
};
