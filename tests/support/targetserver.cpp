#include "targetserver.h"

#include <sys/socket.h>

#include <cerrno>

namespace TestSupport {

// Handlers give up after this long without traffic, so a stuck test cannot hang the server.
static constexpr int HandlerTimeoutMs = 60000;

TargetServer::TargetServer(Handler handler, quint16 port, const char *host)
    : m_handler(std::move(handler)), m_listener(listenTcp(port, 512, host)), m_port(m_listener.localPort())
{
    m_acceptThread = std::thread([this] { acceptLoop(); });
}

TargetServer::~TargetServer()
{
    m_stopping = true;
    // shutdown() wakes the thread blocked in poll/accept; close() alone would not.
    ::shutdown(m_listener.fd(), SHUT_RDWR);
    m_acceptThread.join();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (Worker &w : m_workers) {
            if (!w.done->load())
                ::shutdown(w.fd, SHUT_RDWR);
        }
    }
    for (Worker &w : m_workers)
        w.thread.join();
}

void TargetServer::acceptLoop()
{
    while (!m_stopping) {
        Socket connection = acceptTcp(m_listener, 200);
        reapFinished();
        if (!connection.isValid())
            continue;
        ++m_accepted;
        auto done = std::make_shared<std::atomic<bool>>(false);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_peerPorts.append(connection.peerPort());
        const int fd = connection.fd();
        // The descriptor stays open until the handler's Socket dies, so fd stays valid
        // for shutdown() in the destructor as long as done is false.
        m_workers.push_back({std::thread([this, done, c = std::move(connection)]() mutable {
                                 m_handler(c);
                                 // Under the lock: the destructor must never shut down a reused fd.
                                 std::lock_guard<std::mutex> lock(m_mutex);
                                 c.close();
                                 done->store(true);
                             }),
                             done, fd});
    }
}

void TargetServer::reapFinished()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (auto it = m_workers.begin(); it != m_workers.end();) {
        if (it->done->load()) {
            it->thread.join();
            it = m_workers.erase(it);
        } else {
            ++it;
        }
    }
}

QList<quint16> TargetServer::peerPorts() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_peerPorts;
}

int TargetServer::activeConnections() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    int count = 0;
    for (const Worker &w : m_workers)
        count += w.done->load() ? 0 : 1;
    return count;
}

TargetServer::Handler TargetServer::echo()
{
    return [](Socket &c) {
        const RecvEnd end = recvStream(c, HandlerTimeoutMs, [&c](const char *data, qsizetype size) {
            sendAll(c, data, size);
        });
        if (end == RecvEnd::Eof)
            shutdownWrite(c);
    };
}

TargetServer::Handler TargetServer::sink(std::shared_ptr<std::atomic<qint64>> received)
{
    return [received](Socket &c) {
        recvStream(c, HandlerTimeoutMs, [&received](const char *, qsizetype size) { *received += size; });
    };
}

TargetServer::Handler TargetServer::source(qsizetype size)
{
    return [size](Socket &c) { sendAll(c, QByteArray(size, 'x'), HandlerTimeoutMs); };
}

Blackhole::Blackhole() : m_listener(listenTcp(0, 0)), m_port(m_listener.localPort())
{
    // With backlog 0 the kernel queues one connection; fill until a connect hangs.
    for (int i = 0; i < 8 && !m_ready; ++i) {
        int error = 0;
        Socket s = connectTcp(m_port, 300, &error);
        if (s.isValid())
            m_fillers.push_back(std::move(s));
        else
            m_ready = error == ETIMEDOUT;
    }
}

} // namespace TestSupport
