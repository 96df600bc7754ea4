// UDP rules (issue #18): datagrams relayed per client address, one read one sent,
// in order; sessions in the snapshots like connections, ended by idle time, by the
// rule's stop or by the user; the allow-list and the limits; --forward udp:.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include "checks.h"
#include "enginehelpers.h"
#include "relay/forwardengine.h"
#include "targetserver.h"
#include "testsocket.h"

using namespace TestSupport;

namespace {

constexpr int Workers = 2;
constexpr int ReplyTimeoutMs = 10000;

sockaddr_in loopbackAddress(quint16 port, const char *host = "127.0.0.1")
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    ::inet_pton(AF_INET, host, &address.sin_addr);
    return address;
}

// A blocking UDP socket bound to host:port (0: any port).
Socket udpSocket(const char *host = "127.0.0.1", quint16 port = 0)
{
    Socket socket(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const sockaddr_in address = loopbackAddress(port, host);
    if (::bind(socket.fd(), reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0)
        return Socket();
    // Room for a window of the biggest datagrams (the kernel caps it at rmem_max).
    const int size = 1024 * 1024;
    ::setsockopt(socket.fd(), SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    return socket;
}

// A UDP port that was free a moment ago.
quint16 freeUdpPort()
{
    const Socket socket = udpSocket();
    return socket.isValid() ? socket.localPort() : 0;
}

// A port free for TCP and UDP both.
quint16 freeTcpAndUdpPort()
{
    for (int i = 0; i < 20; ++i) {
        const quint16 port = freePort();
        if (udpSocket("127.0.0.1", port).isValid())
            return port;
    }
    return 0;
}

bool sendDatagram(const Socket &socket, quint16 port, const QByteArray &data, const char *host = "127.0.0.1")
{
    const sockaddr_in to = loopbackAddress(port, host);
    return ::sendto(socket.fd(), data.constData(), size_t(data.size()), 0, reinterpret_cast<const sockaddr *>(&to),
                    sizeof to)
           == data.size();
}

// The next datagram within timeoutMs, or none; *from: who sent it.
std::optional<QByteArray> receiveDatagram(const Socket &socket, int timeoutMs = ReplyTimeoutMs,
                                          sockaddr_in *from = nullptr)
{
    pollfd p{socket.fd(), POLLIN, 0};
    if (::poll(&p, 1, timeoutMs) <= 0)
        return std::nullopt;
    QByteArray buffer(65536, Qt::Uninitialized);
    socklen_t length = sizeof *from;
    const ssize_t n = ::recvfrom(socket.fd(), buffer.data(), size_t(buffer.size()), 0,
                                 reinterpret_cast<sockaddr *>(from), from ? &length : nullptr);
    if (n < 0)
        return std::nullopt;
    buffer.truncate(n);
    return buffer;
}

// One datagram there and its answer back; "(no answer)" when none came.
QByteArray roundTrip(const Socket &socket, quint16 port, const QByteArray &data)
{
    if (!sendDatagram(socket, port, data))
        return QByteArrayLiteral("(not sent)");
    return receiveDatagram(socket).value_or(QByteArrayLiteral("(no answer)"));
}

// A UDP target on 127.0.0.1 (and, with alsoIpv6, on [::1] with the same port where it
// can) that answers each datagram with what the handler makes of it (nothing: no
// answer), in its own thread.
class UdpTarget final
{
public:
    using Handler = std::function<std::optional<QByteArray>(const QByteArray &datagram, quint16 fromPort)>;

    explicit UdpTarget(Handler handler, bool alsoIpv6 = false) : m_socket(udpSocket()), m_handler(std::move(handler))
    {
        if (alsoIpv6) {
            m_socket6 = Socket(::socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0));
            sockaddr_in6 address{};
            address.sin6_family = AF_INET6;
            address.sin6_port = htons(m_socket.localPort());
            address.sin6_addr = in6addr_loopback;
            if (::bind(m_socket6.fd(), reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0)
                m_socket6.close();
        }
        m_thread = std::thread([this] { run(); });
    }
    ~UdpTarget()
    {
        m_stop = true;
        m_thread.join();
    }
    UdpTarget(const UdpTarget &) = delete;
    UdpTarget &operator=(const UdpTarget &) = delete;

    // Answers "echo:" and the datagram.
    static Handler echo()
    {
        return [](const QByteArray &datagram, quint16) { return std::optional<QByteArray>(QByteArray("echo:" + datagram)); };
    }

    quint16 port() const { return m_socket.localPort(); }
    int received() const { return m_received; }

private:
    void run()
    {
        QByteArray buffer(65536, Qt::Uninitialized);
        while (!m_stop) {
            pollfd p[2] = {{m_socket.fd(), POLLIN, 0}, {m_socket6.fd(), POLLIN, 0}};
            if (::poll(p, m_socket6.isValid() ? 2 : 1, 20) <= 0)  // 20 ms: how soon the destructor is heard
                continue;
            for (const pollfd &ready : p) {
                if (!(ready.revents & POLLIN))
                    continue;
                sockaddr_storage from{};
                socklen_t length = sizeof from;
                const ssize_t n = ::recvfrom(ready.fd, buffer.data(), size_t(buffer.size()), MSG_DONTWAIT,
                                             reinterpret_cast<sockaddr *>(&from), &length);
                if (n < 0)
                    continue;
                ++m_received;
                // The port is at the same place in sockaddr_in and sockaddr_in6.
                const quint16 port = ntohs(reinterpret_cast<const sockaddr_in &>(from).sin_port);
                if (const std::optional<QByteArray> reply = m_handler(buffer.left(n), port))
                    ::sendto(ready.fd, reply->constData(), size_t(reply->size()), 0,
                             reinterpret_cast<const sockaddr *>(&from), length);
            }
        }
    }

    Socket m_socket;
    Socket m_socket6;
    Handler m_handler;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_received{0};
    std::thread m_thread;
};

// --- The datagrams of the many-datagrams test: each is fully determined by its
// client, sequence number and direction, so the receiver regenerates what it must
// get and compares every byte (a merged, split, reordered or lost datagram differs).
// Those of 16 bytes or more also carry a header: magic, client, direction, sequence
// number, size and a checksum of the rest, to say what came instead.

enum Direction : quint8 { Up = 0, Down = 1 };

quint32 mix(quint32 x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

quint32 seedOf(int client, int seq, Direction direction)
{
    return mix(quint32(client) * 1000003U + quint32(seq) * 7919U + quint32(direction) * 0x9e3779b9U + 1U);
}

// Mixed sizes: empty and tiny ones, up to a typical MTU, up to a jumbo frame, up to 60 KiB.
int datagramSize(int client, int seq, Direction direction)
{
    if (seq == 0)
        return 64;  // the first one's header tells the target which client the flow is
    const quint32 r = seedOf(client, seq, direction);
    switch (r % 10) {
    case 0: case 1: case 2: case 3: return int((r >> 8) % 100);
    case 4: case 5: case 6: return 100 + int((r >> 8) % 1400);
    case 7: case 8: return 1500 + int((r >> 8) % 7501);
    default: return 9001 + int((r >> 8) % (61440 - 9000));
    }
}

quint32 checksum(const char *data, qsizetype size)
{
    quint32 h = 2166136261U;  // FNV-1a
    for (qsizetype i = 0; i < size; ++i)
        h = (h ^ quint8(data[i])) * 16777619U;
    return h;
}

constexpr int HeaderSize = 16;

void put32(char *at, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        at[i] = char(value >> (8 * i));
}

quint32 get32(const char *at)
{
    quint32 value = 0;
    for (int i = 0; i < 4; ++i)
        value |= quint32(quint8(at[i])) << (8 * i);
    return value;
}

QByteArray datagram(int client, int seq, Direction direction)
{
    QByteArray data(datagramSize(client, seq, direction), Qt::Uninitialized);
    quint32 state = seedOf(client, seq, direction) | 1U;
    for (char &byte : data) {
        state ^= state << 13;  // xorshift32
        state ^= state >> 17;
        state ^= state << 5;
        byte = char(state);
    }
    if (data.size() >= HeaderSize) {
        data[0] = 'P';
        data[1] = 'U';
        data[2] = char(client);
        data[3] = char(direction);
        put32(data.data() + 4, quint32(seq));
        put32(data.data() + 8, quint32(data.size()));
        put32(data.data() + 12, checksum(data.constData() + HeaderSize, data.size() - HeaderSize));
    }
    return data;
}

bool hasHeader(const QByteArray &data)
{
    return data.size() >= HeaderSize && data[0] == 'P' && data[1] == 'U';
}

// What came where `expected` was due: for the failure message.
QString mismatch(const QByteArray &got, int client, int seq, Direction direction)
{
    QString text = QStringLiteral("client %1 %2: datagram %3 (%4 bytes) was due, ")
                       .arg(client)
                       .arg(direction == Up ? QStringLiteral("up") : QStringLiteral("down"))
                       .arg(seq)
                       .arg(datagramSize(client, seq, direction));
    if (hasHeader(got)) {
        const bool intact = get32(got.constData() + 8) == quint32(got.size())
                            && get32(got.constData() + 12) == checksum(got.constData() + HeaderSize, got.size() - HeaderSize);
        return text + QStringLiteral("got datagram %1 of client %2 (%3 bytes, %4)")
                          .arg(get32(got.constData() + 4))
                          .arg(int(got[2]))
                          .arg(got.size())
                          .arg(intact ? QStringLiteral("intact") : QStringLiteral("size or checksum wrong"));
    }
    return text + QStringLiteral("got %1 bytes that are not it").arg(got.size());
}

// What one client sent and got.
struct ClientRun
{
    quint16 port = 0;
    int answered = 0;
    quint64 bytesUp = 0;
    quint64 bytesDown = 0;
    QString error;
};

// Sends `count` datagrams to the rule, at most a window of them (by count and bytes,
// both ways) unanswered at once: no buffer on the path overflows, so loopback loses
// nothing and the run is the same every time. Each answer must be the next one due.
void runClient(int client, quint16 port, int count, ClientRun *run)
{
    constexpr int WindowDatagrams = 4;
    constexpr qsizetype WindowBytes = 64 * 1024;
    const Socket socket = udpSocket();
    run->port = socket.localPort();
    int sent = 0;
    qsizetype inFlight = 0;
    const auto cost = [client](int seq) { return datagramSize(client, seq, Up) + datagramSize(client, seq, Down); };
    while (run->answered < count) {
        while (sent < count
               && (sent == run->answered
                   || (sent - run->answered < WindowDatagrams && inFlight + cost(sent) <= WindowBytes))) {
            const QByteArray data = datagram(client, sent, Up);
            if (!sendDatagram(socket, port, data)) {
                run->error = QStringLiteral("client %1: sendto failed: %2").arg(client).arg(qt_error_string(errno));
                return;
            }
            run->bytesUp += quint64(data.size());
            inFlight += cost(sent);
            ++sent;
        }
        const std::optional<QByteArray> reply = receiveDatagram(socket);
        if (!reply) {
            run->error = QStringLiteral("client %1: no answer to datagram %2 within %3 ms (%4 sent)")
                             .arg(client)
                             .arg(run->answered)
                             .arg(ReplyTimeoutMs)
                             .arg(sent);
            return;
        }
        if (*reply != datagram(client, run->answered, Down)) {
            run->error = mismatch(*reply, client, run->answered, Down);
            return;
        }
        run->bytesDown += quint64(reply->size());
        inFlight -= cost(run->answered);
        ++run->answered;
    }
}

// The target's side of the many-datagrams test: per flow (the relay's socket for one
// client), each datagram must be the next one due; it is answered with its reply.
class FlowChecker final
{
public:
    std::optional<QByteArray> take(const QByteArray &data, quint16 fromPort)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        Flow &flow = m_flows[fromPort];
        if (flow.broken)
            return std::nullopt;
        if (flow.client < 0) {
            if (!hasHeader(data)) {
                fail(flow, QStringLiteral("flow from port %1 did not start with a datagram 0").arg(fromPort));
                return std::nullopt;
            }
            flow.client = quint8(data[2]);
        }
        if (data != datagram(flow.client, flow.next, Up)) {
            fail(flow, mismatch(data, flow.client, flow.next, Up));
            return std::nullopt;
        }
        return datagram(flow.client, flow.next++, Down);
    }

    QStringList errors() const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_errors;
    }
    int flowCount() const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return int(m_flows.size());
    }

private:
    struct Flow
    {
        int client = -1;
        int next = 0;
        bool broken = false;
    };

    void fail(Flow &flow, const QString &error)
    {
        flow.broken = true;
        m_errors.append(error);
    }

    mutable std::mutex m_mutex;
    QHash<quint16, Flow> m_flows;
    QStringList m_errors;
};

ForwardRule udpRule(const QString &name, quint16 listenPort, quint16 targetPort)
{
    ForwardRule rule = makeRule(name, listenPort, targetPort);
    rule.transport = Transport::Udp;
    return rule;
}

// The rule's connection from the client port in the last snapshot (id 0: none).
ConnectionInfo sessionOf(const ForwardEngine &engine, RuleId rule, quint16 clientPort)
{
    for (const ConnectionInfo &c : engine.lastSnapshot().connections) {
        if (c.ruleId == rule && c.clientPort == clientPort && c.state != ConnectionState::Closed)
            return c;
    }
    return {};
}

QList<ConnectionInfo> closedWith(const SnapshotLog &log, RuleId rule, CloseReason reason)
{
    QList<ConnectionInfo> result;
    for (const ConnectionInfo &c : log.closed(rule)) {
        if (c.closeReason == reason)
            result.append(c);
    }
    return result;
}

} // namespace

class TestUdp final : public QObject
{
    Q_OBJECT

private slots:
    void manyDatagramsBothWays();
    void idleSessionEnds();
    void notAllowedRefusedOncePerClient();
    void limitReachedAndClosedByUser();
    void ruleStopEndsSessions();
    void tcpAndUdpOnOnePort();
    void portInUseIsAnError();
    void refusedTargetFailsOver();
    void namedTargetKeepsTheOrder();
    void wildcardAnswersFromTheAddressUsed();
    void headlessForwardUdp();
};

void TestUdp::manyDatagramsBothWays()
{
    constexpr int Clients = 4;
    constexpr int PerClient = 2500;
    FlowChecker checker;
    UdpTarget target([&checker](const QByteArray &data, quint16 from) { return checker.take(data, from); });
    ForwardEngine engine(Workers);
    engine.setSnapshotInterval(50);
    RuleId id = 0;
    QVERIFY(startRule(engine, udpRule(QStringLiteral("udp"), freeUdpPort(), target.port()), &id));
    const quint16 port = engine.rule(id).listen.port;

    QElapsedTimer timer;
    timer.start();
    std::vector<ClientRun> runs(Clients);
    std::atomic<int> done{0};
    std::vector<std::thread> threads;
    for (int c = 0; c < Clients; ++c) {
        threads.emplace_back([c, port, &runs, &done] {
            runClient(c, port, PerClient, &runs[size_t(c)]);
            ++done;
        });
    }
    // The engine's snapshots keep coming meanwhile.
    const bool finished = QTest::qWaitFor([&] { return done == Clients; }, 120000);
    const qint64 elapsedMs = timer.elapsed();
    for (std::thread &t : threads)
        t.join();
    QVERIFY(finished);
    for (const QString &error : checker.errors())
        qWarning("target: %s", qPrintable(error));
    for (const ClientRun &run : runs) {
        if (!run.error.isEmpty())
            qWarning("%s", qPrintable(run.error));
    }
    QVERIFY(checker.errors().isEmpty());
    quint64 bytes = 0;
    for (const ClientRun &run : runs) {
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QCOMPARE(run.answered, PerClient);
        bytes += run.bytesUp + run.bytesDown;
    }
    QCOMPARE(checker.flowCount(), Clients);  // one upstream socket per client
    QCOMPARE(target.received(), Clients * PerClient);
    qInfo("%d datagrams each way (%.1f MB in all) in %lld ms: %.0f round trips/s", Clients * PerClient,
          double(bytes) / 1e6, elapsedMs, Clients * PerClient * 1000.0 / double(std::max<qint64>(elapsedMs, 1)));

    // The table's view: one UDP session per client, its payload bytes each way.
    for (const ClientRun &run : runs) {
        QTRY_COMPARE(sessionOf(engine, id, run.port).bytesDown, run.bytesDown);
        const ConnectionInfo session = sessionOf(engine, id, run.port);
        COMPARE_NAMED(session.transport, Transport::Udp);
        COMPARE_NAMED(session.state, ConnectionState::Open);
        QCOMPARE(session.bytesUp, run.bytesUp);
        QCOMPARE(session.dropped, quint64(0));
        QCOMPARE(session.targetPort, target.port());
        QVERIFY(session.localPort != 0);
    }
    const RuleStats stats = ruleStats(engine, id);
    QCOMPARE(stats.active, quint64(Clients));
    QCOMPARE(stats.total, quint64(Clients));
    quint64 up = 0;
    for (const ClientRun &run : runs)
        up += run.bytesUp;
    QCOMPARE(stats.bytesUp, up);
}

void TestUdp::idleSessionEnds()
{
    UdpTarget target(UdpTarget::echo());
    ForwardEngine engine(Workers);
    engine.setSnapshotInterval(50);
    SnapshotLog log(engine);
    ForwardRule rule = udpRule(QStringLiteral("idle"), freeUdpPort(), target.port());
    rule.idleTimeoutS = 1;
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));
    const quint16 port = engine.rule(id).listen.port;

    const Socket quiet = udpSocket();
    QCOMPARE(roundTrip(quiet, port, QByteArrayLiteral("once")), QByteArrayLiteral("echo:once"));
    QTRY_VERIFY(sessionOf(engine, id, quiet.localPort()).id != 0);
    const ConnectionInfo open = sessionOf(engine, id, quiet.localPort());
    COMPARE_NAMED(open.transport, Transport::Udp);
    COMPARE_NAMED(open.state, ConnectionState::Open);
    QCOMPARE(open.bytesUp, quint64(4));
    QCOMPARE(open.bytesDown, quint64(9));

    // A client that keeps talking keeps its session meanwhile.
    const Socket talking = udpSocket();
    QElapsedTimer timer;
    timer.start();
    while (closedWith(log, id, CloseReason::IdleTimeout).isEmpty() && timer.elapsed() < 5000) {
        QCOMPARE(roundTrip(talking, port, QByteArrayLiteral("still here")), QByteArrayLiteral("echo:still here"));
        QTest::qWait(100);
    }
    const QList<ConnectionInfo> ended = closedWith(log, id, CloseReason::IdleTimeout);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.first().id, open.id);
    COMPARE_NAMED(ended.first().transport, Transport::Udp);
    QCOMPARE(ended.first().bytesDown, quint64(9));
    const qint64 lastedMs = ended.first().openedAt.msecsTo(ended.first().closedAt);
    QVERIFY2(lastedMs >= 950 && lastedMs < 5000, qPrintable(QString::number(lastedMs)));
    QVERIFY(sessionOf(engine, id, talking.localPort()).id != 0);
    QCOMPARE(log.timesClosed(open.id), 1);

    // The next datagram from the same address opens a new session.
    QCOMPARE(roundTrip(quiet, port, QByteArrayLiteral("again")), QByteArrayLiteral("echo:again"));
    QTRY_VERIFY(sessionOf(engine, id, quiet.localPort()).id != 0);
    QVERIFY(sessionOf(engine, id, quiet.localPort()).id != open.id);
}

void TestUdp::notAllowedRefusedOncePerClient()
{
    UdpTarget target(UdpTarget::echo());
    ForwardEngine engine(Workers);
    engine.setSnapshotInterval(50);
    SnapshotLog log(engine);
    ForwardRule rule = udpRule(QStringLiteral("allow"), freeUdpPort(), target.port());
    rule.allow = {QStringLiteral("127.0.0.2/32")};
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));
    const quint16 port = engine.rule(id).listen.port;

    const Socket stranger = udpSocket("127.0.0.1");
    const Socket friendly = udpSocket("127.0.0.2");
    QVERIFY(friendly.isValid());
    for (int i = 0; i < 5; ++i)
        QVERIFY(sendDatagram(stranger, port, QByteArrayLiteral("let me in")));
    // Read from the same socket after the stranger's: those were handled by then.
    QCOMPARE(roundTrip(friendly, port, QByteArrayLiteral("hi")), QByteArrayLiteral("echo:hi"));
    QTRY_COMPARE(ruleStats(engine, id).refused, quint64(1));
    QTRY_COMPARE(closedWith(log, id, CloseReason::NotAllowed).size(), 1);
    const ConnectionInfo refused = closedWith(log, id, CloseReason::NotAllowed).first();
    QCOMPARE(refused.clientPort, stranger.localPort());
    COMPARE_NAMED(refused.transport, Transport::Udp);
    QCOMPARE(refused.bytesUp, quint64(0));
    QCOMPARE(target.received(), 1);
    QCOMPARE(ruleStats(engine, id).total, quint64(1));
}

void TestUdp::limitReachedAndClosedByUser()
{
    UdpTarget target(UdpTarget::echo());
    ForwardEngine engine(Workers);
    engine.setSnapshotInterval(50);
    SnapshotLog log(engine);
    ForwardRule rule = udpRule(QStringLiteral("limit"), freeUdpPort(), target.port());
    rule.maxConnections = 1;
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));
    const quint16 port = engine.rule(id).listen.port;

    const Socket first = udpSocket();
    const Socket second = udpSocket();
    QCOMPARE(roundTrip(first, port, QByteArrayLiteral("1")), QByteArrayLiteral("echo:1"));
    for (int i = 0; i < 3; ++i)
        QVERIFY(sendDatagram(second, port, QByteArrayLiteral("2")));
    QCOMPARE(roundTrip(first, port, QByteArrayLiteral("1 again")), QByteArrayLiteral("echo:1 again"));
    QTRY_COMPARE(closedWith(log, id, CloseReason::LimitReached).size(), 1);
    QCOMPARE(closedWith(log, id, CloseReason::LimitReached).first().clientPort, second.localPort());
    QTRY_COMPARE(ruleStats(engine, id).refused, quint64(1));
    QCOMPARE(target.received(), 2);

    // Closed from the window: the limit has room again.
    QTRY_VERIFY(sessionOf(engine, id, first.localPort()).id != 0);
    const quint64 firstId = sessionOf(engine, id, first.localPort()).id;
    engine.closeConnection(firstId);
    QTRY_COMPARE(closedWith(log, id, CloseReason::ClosedByUser).size(), 1);
    QCOMPARE(closedWith(log, id, CloseReason::ClosedByUser).first().id, firstId);
    QCOMPARE(roundTrip(second, port, QByteArrayLiteral("2 now")), QByteArrayLiteral("echo:2 now"));
    QCOMPARE(ruleStats(engine, id).refused, quint64(1));
}

void TestUdp::ruleStopEndsSessions()
{
    UdpTarget target(UdpTarget::echo());
    ForwardEngine engine(Workers);
    engine.setSnapshotInterval(50);
    SnapshotLog log(engine);
    RuleId id = 0;
    QVERIFY(startRule(engine, udpRule(QStringLiteral("stop"), freeUdpPort(), target.port()), &id));
    const quint16 port = engine.rule(id).listen.port;
    const Socket a = udpSocket();
    const Socket b = udpSocket();
    QCOMPARE(roundTrip(a, port, QByteArrayLiteral("a")), QByteArrayLiteral("echo:a"));
    QCOMPARE(roundTrip(b, port, QByteArrayLiteral("b")), QByteArrayLiteral("echo:b"));
    QTRY_COMPARE(ruleStats(engine, id).active, quint64(2));

    QVERIFY_RESULT(engine.setRuleEnabled(id, false));
    QTRY_COMPARE(closedWith(log, id, CloseReason::RuleStopped).size(), 2);
    for (const ConnectionInfo &c : closedWith(log, id, CloseReason::RuleStopped)) {
        QVERIFY(c.clientPort == a.localPort() || c.clientPort == b.localPort());
        QCOMPARE(c.bytesUp, quint64(1));
        QCOMPARE(c.bytesDown, quint64(6));
    }
    // The socket is closed: the port can be bound again.
    QTRY_VERIFY(udpSocket("127.0.0.1", port).isValid());
}

void TestUdp::tcpAndUdpOnOnePort()
{
    UdpTarget udpTarget(UdpTarget::echo());
    TargetServer tcpTarget(TargetServer::echo());
    ForwardEngine engine(Workers);
    engine.setSnapshotInterval(50);
    const quint16 port = freeTcpAndUdpPort();
    QVERIFY(port != 0);
    RuleId tcp = 0;
    RuleId udp = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("tcp"), port, tcpTarget.port()), &tcp));
    QVERIFY(startRule(engine, udpRule(QStringLiteral("udp"), port, udpTarget.port()), &udp));

    Socket stream = connectTcp(port);
    QVERIFY(stream.isValid());
    QVERIFY(echoRoundTrip(stream, QByteArrayLiteral("over tcp")));
    const Socket datagrams = udpSocket();
    QCOMPARE(roundTrip(datagrams, port, QByteArrayLiteral("over udp")), QByteArrayLiteral("echo:over udp"));
    QTRY_VERIFY(sessionOf(engine, udp, datagrams.localPort()).id != 0);
    QTRY_VERIFY(sessionOf(engine, tcp, stream.localPort()).id != 0);
    COMPARE_NAMED(sessionOf(engine, udp, datagrams.localPort()).transport, Transport::Udp);
    COMPARE_NAMED(sessionOf(engine, tcp, stream.localPort()).transport, Transport::Tcp);
}

// UDP would share a port bound with SO_REUSEADDR twice: the relay does not set it, so a
// second engine is told the port is taken, as for TCP.
void TestUdp::portInUseIsAnError()
{
    UdpTarget target(UdpTarget::echo());
    ForwardEngine first(1);
    ForwardEngine second(1);
    RuleId id = 0;
    const ForwardRule rule = udpRule(QStringLiteral("udp"), freeUdpPort(), target.port());
    QVERIFY(startRule(first, rule, &id));
    const Result<RuleId> added = second.addRule(rule);
    QVERIFY_RESULT(added);
    QVERIFY(waitForState(second, added.value(), RuleState::Error));
    QVERIFY2(second.ruleError(added.value()).contains(QStringLiteral("address already in use")),
             qPrintable(second.ruleError(added.value())));
    const Socket client = udpSocket();
    QCOMPARE(roundTrip(client, rule.listen.port, QByteArrayLiteral("first")), QByteArrayLiteral("echo:first"));
}

// A target that is not there answers with ICMP: the session ends "target refused", the
// target cools down, and the client's next datagram goes to the next target.
void TestUdp::refusedTargetFailsOver()
{
    UdpTarget target(UdpTarget::echo());
    ForwardEngine engine(Workers);
    engine.setSnapshotInterval(50);
    SnapshotLog log(engine);
    ForwardRule rule = udpRule(QStringLiteral("failover"), freeUdpPort(), freeUdpPort());
    rule.moreTargets = {Endpoint{QStringLiteral("127.0.0.1"), target.port()}};
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));
    const quint16 port = engine.rule(id).listen.port;

    const Socket client = udpSocket();
    QVERIFY(sendDatagram(client, port, QByteArrayLiteral("anyone?")));
    QTRY_COMPARE(closedWith(log, id, CloseReason::TargetRefused).size(), 1);
    QCOMPARE(closedWith(log, id, CloseReason::TargetRefused).first().targetPort, rule.target.port);
    QCOMPARE(roundTrip(client, port, QByteArrayLiteral("again")), QByteArrayLiteral("echo:again"));
    QTRY_VERIFY(ruleStats(engine, id).targetFailures >= 1);
    QCOMPARE(ruleStats(engine, id).failed, quint64(1));
    QTRY_COMPARE(sessionOf(engine, id, client.localPort()).targetPort, target.port());
}

// A target given by name is resolved for each session; what the client sends meanwhile
// waits, and goes on in order.
void TestUdp::namedTargetKeepsTheOrder()
{
    UdpTarget target(UdpTarget::echo(), true);
    ForwardEngine engine(Workers);
    engine.setSnapshotInterval(50);
    ForwardRule rule = udpRule(QStringLiteral("named"), freeUdpPort(), target.port());
    rule.target.host = QStringLiteral("localhost");
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));
    const quint16 port = engine.rule(id).listen.port;

    constexpr int Count = 50;
    const Socket client = udpSocket();
    for (int i = 0; i < Count; ++i)
        QVERIFY(sendDatagram(client, port, QByteArray::number(i).leftJustified(1000, '.')));
    for (int i = 0; i < Count; ++i) {
        const std::optional<QByteArray> reply = receiveDatagram(client);
        QVERIFY2(reply, qPrintable(QStringLiteral("no answer to datagram %1").arg(i)));
        QCOMPARE(*reply, "echo:" + QByteArray::number(i).leftJustified(1000, '.'));
    }
    QTRY_VERIFY(sessionOf(engine, id, client.localPort()).id != 0);
    QVERIFY(sessionOf(engine, id, client.localPort()).targetAddress.isLoopback());
    QCOMPARE(sessionOf(engine, id, client.localPort()).dropped, quint64(0));
}

// On 0.0.0.0 the answer leaves from the address the client sent to (here 127.0.0.2,
// where the route would pick 127.0.0.1), or the client would drop it.
void TestUdp::wildcardAnswersFromTheAddressUsed()
{
    UdpTarget target(UdpTarget::echo());
    ForwardEngine engine(Workers);
    engine.setSnapshotInterval(50);
    ForwardRule rule = udpRule(QStringLiteral("wildcard"), freeUdpPort(), target.port());
    rule.listen.host = QStringLiteral("0.0.0.0");
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));

    const Socket client = udpSocket();
    QVERIFY(sendDatagram(client, rule.listen.port, QByteArrayLiteral("who answers?"), "127.0.0.2"));
    sockaddr_in from{};
    QCOMPARE(receiveDatagram(client, ReplyTimeoutMs, &from).value_or("(no answer)"), QByteArrayLiteral("echo:who answers?"));
    QCOMPARE(QHostAddress(ntohl(from.sin_addr.s_addr)), QHostAddress(QStringLiteral("127.0.0.2")));
    QCOMPARE(ntohs(from.sin_port), rule.listen.port);
    QTRY_VERIFY(sessionOf(engine, id, client.localPort()).id != 0);
    QCOMPARE(sessionOf(engine, id, client.localPort()).listenAddress, QHostAddress(QStringLiteral("127.0.0.2")));
}

void TestUdp::headlessForwardUdp()
{
    UdpTarget target(UdpTarget::echo());
    const quint16 port = freeUdpPort();
    QProcess pasarela;
    pasarela.start(QString::fromUtf8(PASARELA_BINARY),
                   {QStringLiteral("--headless"), QStringLiteral("--log-connections"), QStringLiteral("--forward"),
                    QStringLiteral("udp:%1=127.0.0.1:%2").arg(port).arg(target.port())});
    QVERIFY(pasarela.waitForStarted());
    QByteArray out;
    const QByteArray listening = "listening udp:127.0.0.1:" + QByteArray::number(port) + " -> 127.0.0.1:"
                                 + QByteArray::number(target.port());
    QDeadlineTimer deadline(10000);
    while (!out.contains(listening) && !deadline.hasExpired() && pasarela.state() == QProcess::Running) {
        pasarela.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        out += pasarela.readAllStandardOutput();
    }
    QVERIFY2(out.contains(listening), QByteArray(out + pasarela.readAllStandardError()).constData());

    const Socket client = udpSocket();
    QCOMPARE(roundTrip(client, port, QByteArrayLiteral("dns?")), QByteArrayLiteral("echo:dns?"));
    QCOMPARE(roundTrip(client, port, QByteArray()), QByteArrayLiteral("echo:"));  // an empty datagram

    ::kill(pasarela.processId(), SIGINT);
    QVERIFY(pasarela.waitForFinished(10000));
    out += pasarela.readAllStandardOutput();
    QCOMPARE(pasarela.exitCode(), 0);
    const QByteArray line = "connection \"forward udp:127.0.0.1:" + QByteArray::number(port) + "\": udp 127.0.0.1:"
                            + QByteArray::number(client.localPort()) + " -> 127.0.0.1:" + QByteArray::number(port);
    QVERIFY2(out.contains(line), out.constData());
    QVERIFY2(out.contains(", rule stopped after "), out.constData());
    QVERIFY2(out.contains(" ms, up 4 bytes, down 14 bytes\n"), out.constData());
}

QTEST_GUILESS_MAIN(TestUdp)
#include "tst_udp.moc"
