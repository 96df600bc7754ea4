#include "notifierreadiness.h"

#include <QSocketNotifier>

#include "epolldispatcher.h"

std::unique_ptr<Readiness> Readiness::forCurrentThread()
{
    if (auto *epoll = qobject_cast<EpollDispatcher *>(QAbstractEventDispatcher::instance()))
        return std::make_unique<EpollReadiness>(epoll);
    return std::make_unique<NotifierReadiness>();
}

NotifierReadiness::~NotifierReadiness()
{
    for (const Watch &w : std::as_const(m_watches)) {
        delete w.read;
        delete w.write;
    }
}

// A notifier tells no more than "ready": a write event may hide a failed connect.
void NotifierReadiness::watch(int fd, ReadinessHandler *handler, Mode mode)
{
    Watch w;
    w.handler = handler;
    w.read = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(w.read, &QSocketNotifier::activated, this, [this, fd] { activated(fd, ReadinessHandler::Readable); });
    if (mode == Edge) {
        w.write = new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, this);
        connect(w.write, &QSocketNotifier::activated, this, [this, fd] { activated(fd, ReadinessHandler::Writable | ReadinessHandler::Failed); });
    }
    m_watches.insert(fd, w);
}

void NotifierReadiness::want(int fd, bool read, bool write)
{
    const auto it = m_watches.constFind(fd);
    if (it == m_watches.cend())
        return;
    if (it->read && it->read->isEnabled() != read)
        it->read->setEnabled(read);
    if (it->write && it->write->isEnabled() != write)
        it->write->setEnabled(write);
}

void NotifierReadiness::unwatch(int fd, bool)
{
    const Watch w = m_watches.take(fd);
    // Maybe from inside one of their own activations.
    for (QSocketNotifier *notifier : {w.read, w.write}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
}

void NotifierReadiness::activated(int fd, quint32 event)
{
    if (const auto it = m_watches.constFind(fd); it != m_watches.cend())
        it->handler->ready(fd, event);
}
