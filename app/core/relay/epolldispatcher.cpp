#include "epolldispatcher.h"

#include <algorithm>
#include <cerrno>
#include <ctime>

#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QSocketNotifier>

namespace {

constexpr int MaxEvents = 256;

void sendActivation(QSocketNotifier *notifier)
{
    QEvent event(QEvent::SockAct);
    QCoreApplication::sendEvent(notifier, &event);
}

} // namespace

EpollDispatcher::EpollDispatcher(QObject *parent)
    : EpollDispatcherBase(parent)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
    , m_wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epoll < 0 || m_wake < 0)
        qFatal("pasarela: cannot create an epoll event loop: %s", strerror(errno));
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = quint64(m_wake);
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &event);
}

EpollDispatcher::~EpollDispatcher()
{
    ::close(m_wake);
    ::close(m_epoll);
}

qint64 EpollDispatcher::nowMs() const
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

// One epoll entry per descriptor, for all its notifiers; a system call only when
// what is watched changes. Callers unregister a descriptor's notifiers before closing it.
void EpollDispatcher::updateInterest(int fd)
{
    Notifiers &n = m_notifiers[fd];
    if (!n.read && !n.write && !n.exception) {
        if (n.added)
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        m_notifiers.remove(fd);
        return;
    }
    const quint32 wanted = (n.read ? quint32(EPOLLIN) : 0u) | (n.write ? quint32(EPOLLOUT) : 0u)
                           | (n.exception ? quint32(EPOLLPRI) : 0u);
    if (n.added && wanted == n.events)
        return;
    epoll_event event{};
    event.events = wanted;
    event.data.u64 = quint64(fd);  // generation 0: a notifier's
    if (::epoll_ctl(m_epoll, n.added ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event) != 0) {
        // Closed and opened again under the same number, behind our back: start over.
        ::epoll_ctl(m_epoll, n.added ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &event);
    }
    n.added = true;
    n.events = wanted;
}

void EpollDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Notifiers &n = m_notifiers[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read: n.read = notifier; break;
    case QSocketNotifier::Write: n.write = notifier; break;
    case QSocketNotifier::Exception: n.exception = notifier; break;
    }
    updateInterest(fd);
}

void EpollDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const auto it = m_notifiers.find(fd);
    if (it == m_notifiers.end())
        return;
    for (QSocketNotifier **slot : {&it->read, &it->write, &it->exception}) {
        if (*slot == notifier)
            *slot = nullptr;
    }
    updateInterest(fd);
}

void EpollDispatcher::addTimer(int id, qint64 intervalMs, Qt::TimerType type, QObject *object)
{
    m_timers.push_back(Timer{id, intervalMs, type, object, nowMs() + intervalMs});
}

bool EpollDispatcher::removeTimer(int id)
{
    const auto it = std::find_if(m_timers.begin(), m_timers.end(), [id](const Timer &t) { return t.id == id; });
    if (it == m_timers.end())
        return false;
    m_timers.erase(it);
    return true;
}

qint64 EpollDispatcher::remainingMs(int id) const
{
    for (const Timer &t : m_timers) {
        if (t.id == id)
            return std::max<qint64>(0, t.dueMs - nowMs());
    }
    return -1;
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
void EpollDispatcher::registerTimer(Qt::TimerId timerId, Duration interval, Qt::TimerType timerType, QObject *object)
{
    addTimer(int(timerId), std::chrono::ceil<std::chrono::milliseconds>(interval).count(), timerType, object);
}

bool EpollDispatcher::unregisterTimer(Qt::TimerId timerId)
{
    return removeTimer(int(timerId));
}

QList<QAbstractEventDispatcher::TimerInfoV2> EpollDispatcher::timersForObject(QObject *object) const
{
    QList<TimerInfoV2> result;
    for (const Timer &t : m_timers) {
        if (t.object == object)
            result.append(TimerInfoV2{std::chrono::milliseconds(t.intervalMs), Qt::TimerId(t.id), t.type});
    }
    return result;
}

QAbstractEventDispatcher::Duration EpollDispatcher::remainingTime(Qt::TimerId timerId) const
{
    const qint64 ms = remainingMs(int(timerId));
    return ms < 0 ? Duration::min() : Duration(std::chrono::milliseconds(ms));
}
#else
void EpollDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    addTimer(timerId, interval, timerType, object);
}

bool EpollDispatcher::unregisterTimer(int timerId)
{
    return removeTimer(timerId);
}

QList<QAbstractEventDispatcher::TimerInfo> EpollDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> result;
    for (const Timer &t : m_timers) {
        if (t.object == object)
            result.append(TimerInfo(t.id, int(t.intervalMs), t.type));
    }
    return result;
}

int EpollDispatcher::remainingTime(int timerId)
{
    return int(remainingMs(timerId));
}
#endif

bool EpollDispatcher::unregisterTimers(QObject *object)
{
    const auto end = std::remove_if(m_timers.begin(), m_timers.end(), [object](const Timer &t) { return t.object == object; });
    const bool any = end != m_timers.end();
    m_timers.erase(end, m_timers.end());
    return any;
}

void EpollDispatcher::watch(int fd, ReadinessHandler *handler, Readiness::Mode mode)
{
    if (size_t(fd) >= m_native.size())
        m_native.resize(size_t(fd) + 1024);
    Native &n = m_native[size_t(fd)];
    n.handler = handler;
    n.generation = m_nextGeneration++;
    if (m_nextGeneration == 0)  // 0 is the notifiers'
        m_nextGeneration = 1;
    epoll_event event{};
    event.events = mode == Readiness::Edge ? quint32(EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET)
                                           : quint32(EPOLLIN);
    event.data.u64 = (quint64(n.generation) << 32) | quint32(fd);
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
}

void EpollDispatcher::unwatch(int fd, bool closing)
{
    if (size_t(fd) >= m_native.size())
        return;
    m_native[size_t(fd)] = Native{};
    if (!closing)
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
}

// Every posted event calls this (a closing session posts several): one write
// until the loop has seen it.
void EpollDispatcher::wakeUp()
{
    if (m_wakePending.exchange(true))
        return;
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_wake, &one, sizeof one);
}

void EpollDispatcher::drainWake()
{
    quint64 value = 0;
    [[maybe_unused]] const ssize_t n = ::read(m_wake, &value, sizeof value);
    // After the read: a wake-up from here on writes again. One that came just
    // before is served anyway, by the posted events sent at the next call.
    m_wakePending = false;
}

void EpollDispatcher::interrupt()
{
    m_interrupted = true;
    wakeUp();
}

int EpollDispatcher::nextTimeout() const
{
    if (m_timers.empty())
        return -1;
    qint64 due = m_timers.front().dueMs;
    for (const Timer &t : m_timers)
        due = std::min(due, t.dueMs);
    return int(std::clamp<qint64>(due - nowMs(), 0, 24 * 3600 * 1000));
}

bool EpollDispatcher::fireTimers()
{
    // A timer's handler may add or remove timers: take the due ids first.
    const qint64 now = nowMs();
    std::vector<int> due;
    for (const Timer &t : m_timers) {
        if (t.dueMs <= now)
            due.push_back(t.id);
    }
    for (int id : due) {
        const auto it = std::find_if(m_timers.begin(), m_timers.end(), [id](const Timer &t) { return t.id == id; });
        if (it == m_timers.end())
            continue;
        // The next due time counts from this one, but never piles up behind a slow loop.
        it->dueMs = std::max(it->dueMs + it->intervalMs, now + (it->intervalMs > 0 ? 1 : 0));
        QObject *object = it->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
    }
    return !due.empty();
}

void EpollDispatcher::deliverNotifiers(int fd, quint32 ready, bool *handled)
{
    // A handler may delete or disable the other notifiers of this descriptor: look each up again.
    if (ready & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
        const Notifiers n = m_notifiers.value(fd);
        if (n.read && n.read->isEnabled()) {
            sendActivation(n.read);
            *handled = true;
        }
    }
    if (ready & (EPOLLOUT | EPOLLHUP | EPOLLERR)) {
        const Notifiers n = m_notifiers.value(fd);
        if (n.write && n.write->isEnabled()) {
            sendActivation(n.write);
            *handled = true;
        }
    }
    if (ready & EPOLLPRI) {
        const Notifiers n = m_notifiers.value(fd);
        if (n.exception && n.exception->isEnabled()) {
            sendActivation(n.exception);
            *handled = true;
        }
    }
}

bool EpollDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted = false;
    emit awake();
    QCoreApplication::sendPostedEvents();

    const bool wait = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupted;
    int timeout = wait ? nextTimeout() : 0;
    if (wait)
        emit aboutToBlock();

    if (flags & QEventLoop::ExcludeSocketNotifiers) {
        // No descriptor now: wait for posted events and timers only. What became
        // ready meanwhile stays in epoll's ready list (edge-triggered events too).
        pollfd wake{m_wake, POLLIN, 0};
        const bool woken = ::poll(&wake, 1, timeout) > 0;
        if (wait)
            emit awake();
        if (woken)
            drainWake();
        const bool fired = !(flags & QEventLoop::X11ExcludeTimers) && fireTimers();
        return fired || woken;
    }
    epoll_event events[MaxEvents];
    const int count = ::epoll_wait(m_epoll, events, MaxEvents, timeout);
    if (wait)
        emit awake();
    bool handled = false;
    for (int i = 0; i < count; ++i) {
        const int fd = int(quint32(events[i].data.u64));
        const quint32 generation = quint32(events[i].data.u64 >> 32);
        const quint32 ready = events[i].events;
        if (generation != 0) {
            // A copy: the handler may watch new descriptors, which can grow m_native.
            const Native n = size_t(fd) < m_native.size() ? m_native[size_t(fd)] : Native{};
            if (n.handler && n.generation == generation) {
                quint32 what = 0;
                if (ready & EPOLLIN)
                    what |= ReadinessHandler::Readable;
                if (ready & EPOLLOUT)
                    what |= ReadinessHandler::Writable;
                if (ready & EPOLLRDHUP)
                    what |= ReadinessHandler::PeerClosed;
                if (ready & (EPOLLERR | EPOLLHUP))
                    what |= ReadinessHandler::Failed;
                n.handler->ready(fd, what);
                handled = true;
            }
            continue;
        }
        if (fd == m_wake) {
            drainWake();
            continue;
        }
        deliverNotifiers(fd, ready, &handled);
    }
    if (!(flags & QEventLoop::X11ExcludeTimers))
        handled |= fireTimers();
    return handled || count > 0;
}
