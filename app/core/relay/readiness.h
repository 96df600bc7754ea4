#pragma once

#include <memory>

#include <QtGlobal>

// Told when a watched descriptor may be read or written.
class ReadinessHandler
{
public:
    enum Event : quint32 {
        Readable = 1,
        Writable = 2,
        PeerClosed = 4,  // the peer sent its FIN: read until recv() says 0
        Failed = 8,      // error or hang-up (or, from QSocketNotifier, maybe): the next call says which
    };
    virtual void ready(int fd, quint32 events) = 0;

protected:
    ~ReadinessHandler() = default;
};

// How a relay worker watches its descriptors. On the EpollDispatcher, straight from
// epoll with no QSocketNotifier and no event object per wake-up; on any other Qt event
// dispatcher (PASARELA_DISPATCHER=qt, to measure the difference), through
// QSocketNotifiers. Handlers keep their own readable/writable flags and read and write
// until EAGAIN or a short read, so both kinds serve them alike.
class Readiness
{
public:
    enum Mode {
        Edge,   // told once per change (epoll); for sessions
        Level,  // told while ready; for listeners, which accept one client per event
    };

    virtual ~Readiness() = default;

    virtual void watch(int fd, ReadinessHandler *handler, Mode mode) = 0;
    // What the handler waits for now. Only a level-triggered kind needs it: the
    // edge-triggered one reports every change anyway.
    virtual void want(int fd, bool read, bool write) = 0;
    // Stops telling about fd. closing: the caller closes its only descriptor of the
    // socket next, which takes it out of epoll without a system call.
    virtual void unwatch(int fd, bool closing) = 0;

    // The kind for the calling thread's event dispatcher.
    static std::unique_ptr<Readiness> forCurrentThread();
};
