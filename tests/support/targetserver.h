#pragma once

#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <QList>

#include "testsocket.h"

namespace TestSupport {

// A target on 127.0.0.1 (ephemeral port), or on host:port, that runs handler for
// each accepted connection in its own thread. Blocking peers are fine here: the engine relays
// in its own worker threads, so nothing waits on the test's event loop.
class TargetServer final
{
public:
    using Handler = std::function<void(Socket &connection)>;

    explicit TargetServer(Handler handler, quint16 port = 0, const char *host = "127.0.0.1");
    ~TargetServer();
    TargetServer(const TargetServer &) = delete;
    TargetServer &operator=(const TargetServer &) = delete;

    // Sends back what it reads; half-closes after EOF.
    static Handler echo();
    // Reads until EOF and adds the byte count to *received.
    static Handler sink(std::shared_ptr<std::atomic<qint64>> received);
    // Sends size bytes, then closes.
    static Handler source(qsizetype size);

    // 0 when the port could not be listened on.
    quint16 port() const { return m_port; }
    int acceptedCount() const { return m_accepted.load(); }
    // Connections whose handler has not returned yet.
    int activeConnections() const;
    // Peer ports of the accepted connections, in order: the engine's upstream ends.
    QList<quint16> peerPorts() const;

private:
    struct Worker
    {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
        int fd = -1;
    };

    void acceptLoop();
    void reapFinished();

    Handler m_handler;
    Socket m_listener;
    quint16 m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_accepted{0};
    mutable std::mutex m_mutex;
    std::list<Worker> m_workers;
    QList<quint16> m_peerPorts;
    std::thread m_acceptThread;
};

// Joins on destruction, so a check that returns early cannot std::terminate().
class ScopedThread final
{
public:
    template<typename F>
    explicit ScopedThread(F &&f) : m_thread(std::forward<F>(f)) {}
    ~ScopedThread() { join(); }
    ScopedThread(const ScopedThread &) = delete;
    ScopedThread &operator=(const ScopedThread &) = delete;
    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    std::thread m_thread;
};

// A loopback port that never answers a SYN: a listener with backlog 0 whose accept
// queue is already full, so the kernel drops new SYNs and the connecting side
// waits for its own timeout. Used for the engine's connect timeout.
class Blackhole final
{
public:
    Blackhole();
    // 0 when the port could not be listened on.
    quint16 port() const { return m_port; }
    // True when the queue was filled (a probe connect did not complete).
    bool isReady() const { return m_ready; }

private:
    Socket m_listener;
    std::vector<Socket> m_fillers;
    quint16 m_port = 0;
    bool m_ready = false;
};

} // namespace TestSupport
