// Faults on either side of a rule, with the timings issue #7 asks for: half-closes
// that leave nothing behind (resets: tst_relay), failing targets (refused,
// blackholed, reset at once) with the listener accepting throughout, idle timeouts on
// one-way and half-closed sessions. Stopping and editing rules: tst_ruleedits.
#include <atomic>
#include <chrono>
#include <cstring>
#include <future>
#include <thread>

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTest>

#include "checks.h"
#include "enginehelpers.h"
#include "payload.h"
#include "relay/forwardengine.h"
#include "targetserver.h"
#include "testsocket.h"

using namespace TestSupport;

namespace {

constexpr int Workers = 2;
// Traffic at this pace keeps a session with a 1 s idle timeout alive.
constexpr std::chrono::milliseconds Pace(300);

QByteArray ms(qint64 value)
{
    return QByteArray::number(value) + " ms";
}

// Holds a target handler until the test lets it go.
class Gate final
{
public:
    Gate() : m_future(m_promise.get_future().share()) {}
    Gate(const Gate &) = delete;
    Gate &operator=(const Gate &) = delete;
    void open()
    {
        if (!m_opened.exchange(true))
            m_promise.set_value();
    }
    void wait() const { m_future.wait_for(std::chrono::seconds(30)); }

private:
    std::promise<void> m_promise;
    std::shared_future<void> m_future;
    std::atomic<bool> m_opened{false};
};

// A target on a fixed port, so one rule can meet it up, down, blackholed or resetting.
// Connections are handled one at a time in the accept thread: the tests send one at a time.
class PortTarget final
{
public:
    enum class Mode { Echo, Reset };

    PortTarget(quint16 port, Mode mode) : m_listener(listenTcp(port)), m_mode(mode)
    {
        m_thread = std::thread([this] {
            while (!m_stopping) {
                Socket c = acceptTcp(m_listener, 100);
                if (!c.isValid())
                    continue;
                if (m_mode == Mode::Reset) {
                    resetClose(c);
                    continue;
                }
                if (recvStream(c, 5000, [&c](const char *data, qsizetype size) { sendAll(c, data, size); })
                    == RecvEnd::Eof)
                    shutdownWrite(c);
            }
        });
    }
    ~PortTarget()
    {
        m_stopping = true;
        m_thread.join();
    }
    PortTarget(const PortTarget &) = delete;
    PortTarget &operator=(const PortTarget &) = delete;
    bool isValid() const { return m_listener.isValid(); }

private:
    Socket m_listener;
    Mode m_mode;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

// A connection through the rule that carries an echo both ways and ends cleanly.
bool goodConnection(quint16 port)
{
    Socket client = connectTcp(port);
    if (!client.isValid() || !echoRoundTrip(client, randomBytes(3, 64 * 1024)) || !shutdownWrite(client))
        return false;
    return recvUntilEof(client, 5000).end == RecvEnd::Eof;
}

bool hasOpenConnection(const EngineSnapshot &snapshot, RuleId id)
{
    for (const ConnectionInfo &c : snapshot.connections) {
        if (c.ruleId == id && c.state != ConnectionState::Closed)
            return true;
    }
    return false;
}

} // namespace

class TestFaults final : public QObject
{
    Q_OBJECT

private slots:
    void halfCloseBothWays_data();
    void halfCloseBothWays();
    void failingTargetsKeepAccepting();
    void idleResetByOneWayTraffic_data();
    void idleResetByOneWayTraffic();
    void quietHalfClosedSessionEnds_data();
    void quietHalfClosedSessionEnds();
};

void TestFaults::halfCloseBothWays_data()
{
    QTest::addColumn<int>("order");  // 0: client ends first, 1: target first, 2: both at once
    QTest::newRow("client first") << 0;
    QTest::newRow("target first") << 1;
    QTest::newRow("both at once") << 2;
}

// Each side sends, then shuts its write side; each must get the other's bytes and a FIN,
// and the engine must keep nothing: no open session, no descriptor, one closed report.
void TestFaults::halfCloseBothWays()
{
    QFETCH(int, order);
    const QByteArray up = randomBytes(20, 256 * 1024);
    const QByteArray down = randomBytes(21, 256 * 1024);
    const auto exchange = [&order](Socket &s, const QByteArray &mine, bool goesFirst) {
        RecvResult got;
        if (goesFirst || order == 2) {
            sendAll(s, mine);
            shutdownWrite(s);
            got = recvUntilEof(s, 10000);
        } else {
            got = recvUntilEof(s, 10000);
            sendAll(s, mine);
            shutdownWrite(s);
        }
        return got;
    };
    RecvResult atTarget;
    std::atomic<bool> targetDone{false};
    TargetServer target([&](Socket &c) {
        atTarget = exchange(c, down, order == 1);
        targetDone = true;
    });
    TargetServer echo(TargetServer::echo());
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    RuleId id = 0;
    RuleId warm = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("fin"), freePort(), target.port()), &id));
    QVERIFY(startRule(engine, makeRule(QStringLiteral("warm-up"), freePort(), echo.port()), &warm));
    // Whatever the workers create on first use is not a leak.
    for (int i = 0; i < Workers; ++i)
        QVERIFY(goodConnection(engine.rule(warm).listen.port));
    QTRY_COMPARE(echo.activeConnections(), 0);
    QTRY_COMPARE(log.closed(warm).size(), Workers);
    const int baseline = openFdCount();

    Socket client = connectTcp(engine.rule(id).listen.port);
    QVERIFY(client.isValid());
    const RecvResult atClient = exchange(client, up, order == 0);
    QTRY_VERIFY(targetDone);
    COMPARE_NAMED(atClient.end, RecvEnd::Eof);
    COMPARE_NAMED(atTarget.end, RecvEnd::Eof);
    QVERIFY(atClient.data == down);
    QVERIFY(atTarget.data == up);

    QTRY_COMPARE(log.closed(id).size(), 1);
    const ConnectionInfo info = log.closed(id).first();
    if (order == 2)
        QVERIFY(info.closeReason == CloseReason::ClientClosed || info.closeReason == CloseReason::TargetClosed);
    else
        COMPARE_NAMED(info.closeReason, order == 0 ? CloseReason::ClientClosed : CloseReason::TargetClosed);
    QCOMPARE(info.bytesUp, quint64(up.size()));
    QCOMPARE(info.bytesDown, quint64(down.size()));
    QTRY_COMPARE(ruleStats(engine, id).active, quint64(0));
    QTRY_VERIFY(!hasOpenConnection(engine.lastSnapshot(), id));
    client.close();
    QTRY_COMPARE(target.activeConnections(), 0);
    QTRY_COMPARE(openFdCount(), baseline);
}

// One rule, one target port, which in turn blackholes, refuses, accepts and resets, and
// works: every failure ends the client's connection as it should, and a good connection
// through the same rule works after each.
void TestFaults::failingTargetsKeepAccepting()
{
    constexpr int TimeoutMs = 1000;
    auto hole = std::make_unique<Blackhole>();
    QVERIFY2(hole->isReady(), "could not fill the blackhole's accept queue");
    const quint16 targetPort = hole->port();
    int error = 0;
    QVERIFY2(!connectTcp(targetPort, 300, &error).isValid() && error == ETIMEDOUT,
             "a connect to the blackhole did not hang");

    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    ForwardRule rule = makeRule(QStringLiteral("faulty"), freePort(), targetPort);
    rule.connectTimeoutMs = TimeoutMs;
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));
    const quint16 port = rule.listen.port;
    // Sessions of different workers are reported in no particular order: count by reason.
    const auto closedWith = [&](CloseReason reason) {
        int n = 0;
        for (const ConnectionInfo &c : log.closed(id))
            n += c.closeReason == reason ? 1 : 0;
        return n;
    };

    {   // Blackholed: two clients, the second while the first still waits; each ends after the timeout.
        Socket first = connectTcp(port);
        QElapsedTimer sinceFirst;
        sinceFirst.start();
        QVERIFY(first.isValid());
        QTRY_VERIFY(hasOpenConnection(engine.lastSnapshot(), id));
        Socket second = connectTcp(port);
        QElapsedTimer sinceSecond;
        sinceSecond.start();
        QVERIFY(second.isValid());
        VERIFY_CLOSED_BY_PEER(recvUntilEof(first, 5000));
        const qint64 firstMs = sinceFirst.elapsed();
        VERIFY_CLOSED_BY_PEER(recvUntilEof(second, 5000));
        const qint64 secondMs = sinceSecond.elapsed();
        qInfo("connect timeout %d ms: clients closed after %lld and %lld ms", TimeoutMs, firstMs, secondMs);
        for (qint64 elapsed : {firstMs, secondMs})
            QVERIFY2(elapsed >= TimeoutMs * 9 / 10 && elapsed <= TimeoutMs * 11 / 10, ms(elapsed).constData());
        QTRY_COMPARE(closedWith(CloseReason::ConnectTimeout), 2);
    }
    hole.reset();
    {
        PortTarget up(targetPort, PortTarget::Mode::Echo);
        QVERIFY(up.isValid());
        QVERIFY(goodConnection(port));
    }
    {   // Refused: nothing listens there now.
        Socket client = connectTcp(port, 5000, &error);
        QVERIFY2(client.isValid(), std::strerror(error));
        QElapsedTimer timer;
        timer.start();
        const RecvResult got = recvUntilEof(client, 5000);
        VERIFY_CLOSED_BY_PEER(got);
        QVERIFY(got.data.isEmpty());
        QVERIFY2(timer.elapsed() < 500, ms(timer.elapsed()).constData());
        QTRY_COMPARE(closedWith(CloseReason::TargetRefused), 1);
    }
    {
        PortTarget up(targetPort, PortTarget::Mode::Echo);
        QVERIFY(up.isValid());
        QVERIFY(goodConnection(port));
    }
    {   // Accepts, then resets at once.
        PortTarget resetting(targetPort, PortTarget::Mode::Reset);
        QVERIFY(resetting.isValid());
        QElapsedTimer timer;
        timer.start();
        Socket client = connectTcp(port, 5000, &error);
        // The reset can come through before connectTcp() has checked its connection.
        QVERIFY2(client.isValid() || error == ECONNRESET, std::strerror(error));
        COMPARE_NAMED(client.isValid() ? recvUntilEof(client, 5000).end : RecvEnd::Reset, RecvEnd::Reset);
        QVERIFY2(timer.elapsed() < 500, ms(timer.elapsed()).constData());
        QTRY_COMPARE(closedWith(CloseReason::TargetReset), 1);
    }
    PortTarget up(targetPort, PortTarget::Mode::Echo);
    QVERIFY(up.isValid());
    QVERIFY(goodConnection(port));

    QTRY_COMPARE(log.closed(id).size(), 7);
    QCOMPARE(closedWith(CloseReason::ClientClosed), 3);  // the good ones
    QCOMPARE(ruleStats(engine, id).total, quint64(7));
    QTRY_COMPARE(ruleStats(engine, id).failed, quint64(3));  // two timeouts and the refusal
    QTRY_COMPARE(ruleStats(engine, id).active, quint64(0));
    COMPARE_NAMED(engine.ruleState(id), RuleState::Listening);
}

void TestFaults::idleResetByOneWayTraffic_data()
{
    QTest::addColumn<bool>("upstream");
    QTest::newRow("client sends only") << true;
    QTest::newRow("target sends only") << false;
}

// Traffic in one direction alone keeps a session alive past its idle timeout; once
// it stops, the session ends after about that timeout.
void TestFaults::idleResetByOneWayTraffic()
{
    QFETCH(bool, upstream);
    constexpr int Beats = 8;
    auto received = std::make_shared<std::atomic<qint64>>(0);
    TargetServer target(upstream ? TargetServer::sink(received) : TargetServer::Handler([](Socket &c) {
        for (int i = 0; i < Beats && sendAll(c, QByteArrayLiteral("."), 1000); ++i)
            std::this_thread::sleep_for(Pace);
        recvUntilEof(c, 10000);  // quiet until the relay ends the session
    }));
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    ForwardRule rule = makeRule(QStringLiteral("idle"), freePort(), target.port());
    rule.idleTimeoutS = 1;
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));

    Socket client = connectTcp(rule.listen.port);
    QVERIFY(client.isValid());
    QElapsedTimer quiet;
    for (int i = 0; i < Beats; ++i) {
        if (upstream) {
            QVERIFY2(sendAll(client, QByteArrayLiteral("."), 1000), qPrintable(QString::number(i)));
            quiet.start();
            std::this_thread::sleep_for(Pace);
        } else {
            const RecvResult beat = recvExactly(client, 1, 1500);
            QVERIFY2(beat.end == RecvEnd::Complete, qPrintable(QString::number(i)));
            quiet.start();
        }
    }
    QVERIFY(log.closed(id).isEmpty());  // alive after Beats * Pace, well past the timeout

    const RecvResult ended = recvUntilEof(client, 5000);
    VERIFY_CLOSED_BY_PEER(ended);
    QVERIFY2(quiet.elapsed() >= 900 && quiet.elapsed() < 2000, ms(quiet.elapsed()).constData());
    QTRY_COMPARE(log.closed(id).size(), 1);
    COMPARE_NAMED(log.closed(id).first().closeReason, CloseReason::IdleTimeout);
    if (upstream)
        QTRY_COMPARE(received->load(), qint64(Beats));
}

void TestFaults::quietHalfClosedSessionEnds_data()
{
    QTest::addColumn<bool>("clientHalfCloses");
    QTest::newRow("client half-closed") << true;
    QTest::newRow("target half-closed") << false;
}

// One side sends and half-closes, the other keeps its write side open and says nothing:
// the idle timeout must end the session rather than leave it half-open for ever.
void TestFaults::quietHalfClosedSessionEnds()
{
    QFETCH(bool, clientHalfCloses);
    std::atomic<qint64> targetSawEndMs{-1};
    QElapsedTimer quiet;
    auto gate = std::make_shared<Gate>();
    TargetServer target([&](Socket &c) {
        if (clientHalfCloses) {
            recvUntilEof(c, 10000);
            gate->wait();  // the FIN came through; now silence, write side open
        } else {
            recvExactly(c, 1, 5000);
            quiet.start();
            sendAll(c, QByteArrayLiteral("bye"));
            shutdownWrite(c);
            if (recvUntilEof(c, 10000).end == RecvEnd::Eof)  // the relay ended it
                targetSawEndMs = quiet.elapsed();
        }
    });
    const auto release = qScopeGuard([gate] { gate->open(); });  // before the server joins its threads
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    ForwardRule rule = makeRule(QStringLiteral("half idle"), freePort(), target.port());
    rule.idleTimeoutS = 1;
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));

    Socket client = connectTcp(rule.listen.port);
    QVERIFY(client.isValid());
    if (clientHalfCloses) {
        quiet.start();
        QVERIFY(sendAll(client, QByteArrayLiteral("bye")));
        QVERIFY(shutdownWrite(client));
        const RecvResult ended = recvUntilEof(client, 5000);
        COMPARE_NAMED(ended.end, RecvEnd::Eof);
        const qint64 elapsed = quiet.elapsed();
        QVERIFY2(elapsed >= 900 && elapsed < 2000, ms(elapsed).constData());
    } else {
        QVERIFY(sendAll(client, QByteArrayLiteral("!")));
        QCOMPARE(recvUntilEof(client, 5000).data, QByteArrayLiteral("bye"));  // and the FIN
        QTRY_VERIFY_WITH_TIMEOUT(targetSawEndMs >= 0, 5000);
        QVERIFY2(targetSawEndMs >= 900 && targetSawEndMs < 2000, ms(targetSawEndMs).constData());
    }
    QTRY_COMPARE(log.closed(id).size(), 1);
    COMPARE_NAMED(log.closed(id).first().closeReason, CloseReason::IdleTimeout);
    QTRY_COMPARE(ruleStats(engine, id).active, quint64(0));
    client.close();
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
