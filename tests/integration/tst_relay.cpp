// The byte path through a rule, seen from both peers with native sockets:
// half-close, resets, failed targets, timeouts, limits, descriptor hygiene.
// (Volume is in tst_load, more faults in tst_faults.)
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include <QElapsedTimer>
#include <QSignalSpy>
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

// One end of a request/answer exchange that waits for the asker's EOF first.
struct Responder
{
    RecvResult request;
    bool answered = false;
};

void respond(Socket &socket, const QByteArray &answer, Responder *out)
{
    out->request = recvUntilEof(socket, 10000);
    if (out->request.end != RecvEnd::Eof)
        return;
    std::this_thread::sleep_for(std::chrono::seconds(1));  // the scenario: a slow answer
    out->answered = sendAll(socket, answer);
    socket.close();
}

RecvResult ask(const Socket &socket, const QByteArray &request)
{
    if (!sendAll(socket, request) || !shutdownWrite(socket))
        return {};
    return recvUntilEof(socket, 15000);
}

const ConnectionInfo *findByClientPort(const EngineSnapshot &snapshot, quint16 clientPort)
{
    for (const ConnectionInfo &c : snapshot.connections) {
        if (c.clientPort == clientPort)
            return &c;
    }
    return nullptr;
}

} // namespace

class TestRelay final : public QObject
{
    Q_OBJECT

private slots:
    void halfClose_data();
    void halfClose();
    void resetPassedOn_data();
    void resetPassedOn();
    void targetRefused();
    void connectTimeout();
    void idleTimeout();
    void allowList();
    void connectionLimit();
    void globalConnectionLimit();
    void manyShortConnections();
    void closedReportedOnce();
};

void TestRelay::halfClose_data()
{
    QTest::addColumn<bool>("clientFirst");
    QTest::newRow("client first") << true;
    QTest::newRow("target first") << false;
}

// The side that shuts its write side first must still get the whole answer,
// which the far side sends only after it has seen EOF (and a pause).
void TestRelay::halfClose()
{
    QFETCH(bool, clientFirst);
    const QByteArray request = randomBytes(10, 64 * 1024);
    const QByteArray answer = randomBytes(11, 1024 * 1024);

    Responder targetResponder;
    RecvResult targetGot;
    std::atomic<bool> targetDone{false};
    TargetServer target([&](Socket &c) {
        if (clientFirst)
            respond(c, answer, &targetResponder);
        else
            targetGot = ask(c, request);
        targetDone = true;
    });

    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    RuleId id = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("half"), freePort(), target.port()), &id));

    Socket client = connectTcp(engine.rule(id).listen.port);
    QVERIFY(client.isValid());
    if (clientFirst) {
        const RecvResult got = ask(client, request);
        QCOMPARE(toString(got.end), "EOF");
        QCOMPARE(got.data.size(), answer.size());
        QVERIFY(got.data == answer);
        QTRY_VERIFY(targetDone);
        QVERIFY(targetResponder.request.data == request);
        client.close();
    } else {
        Responder clientResponder;
        respond(client, answer, &clientResponder);
        QCOMPARE(toString(clientResponder.request.end), "EOF");
        QVERIFY(clientResponder.request.data == request);
        QVERIFY(clientResponder.answered);
        QTRY_VERIFY_WITH_TIMEOUT(targetDone, 20000);
        QCOMPARE(toString(targetGot.end), "EOF");
        QCOMPARE(targetGot.data.size(), answer.size());
        QVERIFY(targetGot.data == answer);
    }

    QTRY_COMPARE(log.closed(id).size(), 1);
    const ConnectionInfo info = log.closed(id).first();
    COMPARE_NAMED(info.closeReason, clientFirst ? CloseReason::ClientClosed : CloseReason::TargetClosed);
    QCOMPARE(info.bytesUp, quint64(clientFirst ? request.size() : answer.size()));
    QCOMPARE(info.bytesDown, quint64(clientFirst ? answer.size() : request.size()));
}

void TestRelay::resetPassedOn_data()
{
    QTest::addColumn<bool>("fromClient");
    QTest::newRow("from client") << true;
    QTest::newRow("from target") << false;
}

// Passed on within 100 ms, measured from the reset to the moment the far peer's
// blocked recv() returns: an upper bound on the relay's part.
void TestRelay::resetPassedOn()
{
    using Clock = std::chrono::steady_clock;
    QFETCH(bool, fromClient);
    std::atomic<bool> targetReady{false};
    std::atomic<bool> targetDone{false};
    RecvResult targetEnd;
    Clock::time_point resetAt;
    Clock::time_point seenAt;
    TargetServer target([&](Socket &c) {
        if (recvExactly(c, 5).data != "hello")
            return;
        if (fromClient) {
            targetReady = true;
            targetEnd = recvUntilEof(c, 5000);
            seenAt = Clock::now();
        } else {
            resetAt = Clock::now();
            resetClose(c);
        }
        targetDone = true;
    });

    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    RuleId id = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("rst"), freePort(), target.port()), &id));

    Socket client = connectTcp(engine.rule(id).listen.port);
    QVERIFY(client.isValid());
    QVERIFY(sendAll(client, QByteArrayLiteral("hello")));
    if (fromClient) {
        QTRY_VERIFY(targetReady);  // the session is relaying before anyone resets
        resetAt = Clock::now();
        resetClose(client);
        QTRY_VERIFY_WITH_TIMEOUT(targetDone, 10000);
        QCOMPARE(toString(targetEnd.end), "reset");
        QVERIFY(targetEnd.data.isEmpty());
    } else {
        const RecvResult got = recvUntilEof(client, 5000);
        seenAt = Clock::now();
        QCOMPARE(toString(got.end), "reset");
        QCOMPARE(got.error, ECONNRESET);
        QTRY_VERIFY(targetDone);
    }
    const auto delay = std::chrono::duration_cast<std::chrono::milliseconds>(seenAt - resetAt).count();
    QVERIFY2(delay < 100, qPrintable(QStringLiteral("passed on after %1 ms").arg(delay)));

    QTRY_COMPARE(log.closed(id).size(), 1);
    COMPARE_NAMED(log.closed(id).first().closeReason,
                   fromClient ? CloseReason::ClientReset : CloseReason::TargetReset);
    QTRY_COMPARE(ruleStats(engine, id).active, quint64(0));
}

void TestRelay::targetRefused()
{
    const quint16 deadPort = freePort();  // nothing listens there
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    RuleId id = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("down"), freePort(), deadPort), &id));

    for (int attempt = 1; attempt <= 2; ++attempt) {
        Socket client = connectTcp(engine.rule(id).listen.port);
        QVERIFY(client.isValid());
        QElapsedTimer timer;
        timer.start();
        const RecvResult got = recvUntilEof(client, 5000);
        VERIFY_CLOSED_BY_PEER(got);
        QVERIFY(got.data.isEmpty());
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));

        QTRY_COMPARE(ruleStats(engine, id).failed, quint64(attempt));
        QTRY_COMPARE(log.closed(id).size(), attempt);
        COMPARE_NAMED(log.closed(id).last().closeReason, CloseReason::TargetRefused);
        COMPARE_NAMED(engine.ruleState(id), RuleState::Listening);
    }
}

void TestRelay::connectTimeout()
{
    Blackhole hole;
    QVERIFY2(hole.isReady(), "could not fill the blackhole's accept queue");
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    ForwardRule rule = makeRule(QStringLiteral("hole"), freePort(), hole.port());
    rule.connectTimeoutMs = 500;
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));

    Socket client = connectTcp(rule.listen.port);
    QVERIFY(client.isValid());
    QElapsedTimer timer;
    timer.start();
    const RecvResult got = recvUntilEof(client, 10000);
    const qint64 elapsed = timer.elapsed();
    VERIFY_CLOSED_BY_PEER(got);
    QVERIFY2(elapsed >= 400 && elapsed < 3000, qPrintable(QString::number(elapsed)));

    QTRY_COMPARE(log.closed(id).size(), 1);
    COMPARE_NAMED(log.closed(id).first().closeReason, CloseReason::ConnectTimeout);
    QTRY_COMPARE(ruleStats(engine, id).failed, quint64(1));
}

void TestRelay::idleTimeout()
{
    TargetServer echo(TargetServer::echo());
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    ForwardRule rule = makeRule(QStringLiteral("idle"), freePort(), echo.port());
    rule.idleTimeoutS = 1;
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));

    {   // Quiet from the start: closed after about a second.
        Socket client = connectTcp(rule.listen.port);
        QVERIFY(client.isValid());
        QElapsedTimer timer;
        timer.start();
        const RecvResult got = recvUntilEof(client, 5000);
        VERIFY_CLOSED_BY_PEER(got);
        QVERIFY2(timer.elapsed() >= 900 && timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QTRY_COMPARE(log.closed(id).size(), 1);
        COMPARE_NAMED(log.closed(id).first().closeReason, CloseReason::IdleTimeout);
    }
    {   // Traffic every 300 ms keeps it open well past the timeout; silence then ends it.
        Socket client = connectTcp(rule.listen.port);
        QVERIFY(client.isValid());
        QElapsedTimer active;
        active.start();
        while (active.elapsed() < 2500) {
            QVERIFY2(echoRoundTrip(client, QByteArrayLiteral("."), 1000),
                     qPrintable(QStringLiteral("closed after %1 ms of activity").arg(active.elapsed())));
            std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the scenario's pace
        }
        QElapsedTimer quiet;
        quiet.start();
        const RecvResult got = recvUntilEof(client, 5000);
        VERIFY_CLOSED_BY_PEER(got);
        QVERIFY2(quiet.elapsed() >= 600 && quiet.elapsed() < 3000, qPrintable(QString::number(quiet.elapsed())));
        QTRY_COMPARE(log.closed(id).size(), 2);
        COMPARE_NAMED(log.closed(id).last().closeReason, CloseReason::IdleTimeout);
    }
}

void TestRelay::allowList()
{
    TargetServer echo(TargetServer::echo());
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    ForwardRule rule = makeRule(QStringLiteral("allow"), freePort(), echo.port());
    // A wildcard listener: both loopback sources reach it, only the allow-list tells them apart.
    rule.listen.host = QStringLiteral("0.0.0.0");
    rule.allow = QStringList{QStringLiteral("127.0.0.1/32")};
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));

    // The outsider sends first: nothing of it may reach the target.
    Socket outsider = connectTcp(rule.listen.port, 5000, nullptr, "127.0.0.1", "127.0.0.2");
    QVERIFY(outsider.isValid());
    sendAll(outsider, QByteArrayLiteral("let me in"));  // may fail once refused: that is the point
    const QString outsiderName = QStringLiteral("127.0.0.2:%1").arg(outsider.localPort());
    const RecvResult refused = recvUntilEof(outsider, 3000);
    VERIFY_CLOSED_BY_PEER(refused);
    QVERIFY(refused.data.isEmpty());

    QTRY_COMPARE(ruleStats(engine, id).refused, quint64(1));
    QTRY_COMPARE(log.closed(id).size(), 1);
    COMPARE_NAMED(log.closed(id).first().closeReason, CloseReason::NotAllowed);
    QCOMPARE(log.closed(id).first().bytesUp, quint64(0));
    QCOMPARE(echo.acceptedCount(), 0);  // never forwarded, not even connected
    const auto refusalLine = [&] {
        for (const EngineEvent &e : log.events()) {
            if (e.message.contains(outsiderName))
                return e.message;
        }
        return QString();
    };
    QTRY_VERIFY2(!refusalLine().isEmpty(), qPrintable(outsiderName));
    QCOMPARE(refusalLine(), QStringLiteral("refused %1 -> 0.0.0.0:%2: not in the allow-list").arg(outsiderName).arg(rule.listen.port));

    Socket insider = connectTcp(rule.listen.port);
    QVERIFY(insider.isValid());
    QVERIFY(echoRoundTrip(insider, QByteArrayLiteral("from 127.0.0.1")));
    QCOMPARE(echo.acceptedCount(), 1);
    QCOMPARE(ruleStats(engine, id).refused, quint64(1));
}

void TestRelay::connectionLimit()
{
    TargetServer echo(TargetServer::echo());
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    ForwardRule rule = makeRule(QStringLiteral("limit"), freePort(), echo.port());
    rule.maxConnections = 2;
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));

    Socket first = connectTcp(rule.listen.port);
    Socket second = connectTcp(rule.listen.port);
    QVERIFY(echoRoundTrip(first, QByteArrayLiteral("one")));
    QVERIFY(echoRoundTrip(second, QByteArrayLiteral("two")));

    Socket third = connectTcp(rule.listen.port);
    QVERIFY(third.isValid());
    QElapsedTimer timer;
    timer.start();
    const RecvResult over = recvUntilEof(third, 3000);
    VERIFY_CLOSED_BY_PEER(over);
    QVERIFY(over.data.isEmpty());
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QTRY_COMPARE(ruleStats(engine, id).refused, quint64(1));
    QTRY_COMPARE(log.closed(id).size(), 1);
    COMPARE_NAMED(log.closed(id).first().closeReason, CloseReason::LimitReached);

    // Closing one frees a slot.
    first.close();
    QTRY_COMPARE(ruleStats(engine, id).active, quint64(1));
    Socket fourth = connectTcp(rule.listen.port);
    QVERIFY(echoRoundTrip(fourth, QByteArrayLiteral("four")));
    QVERIFY(echoRoundTrip(second, QByteArrayLiteral("still two")));
    QCOMPARE(ruleStats(engine, id).refused, quint64(1));
}

void TestRelay::globalConnectionLimit()
{
    TargetServer echo(TargetServer::echo());
    ForwardEngine engine(Workers);
    QVERIFY(engine.maxTotalConnections() == ForwardEngine::defaultMaxTotalConnections());
    engine.setMaxTotalConnections(3);
    SnapshotLog log(engine);
    RuleId a = 0;
    RuleId b = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("a"), freePort(), echo.port()), &a));
    QVERIFY(startRule(engine, makeRule(QStringLiteral("b"), freePort(), echo.port()), &b));
    const quint16 portA = engine.rule(a).listen.port;
    const quint16 portB = engine.rule(b).listen.port;

    // Three across both rules, each far below its own limit.
    Socket first = connectTcp(portA);
    Socket second = connectTcp(portA);
    Socket third = connectTcp(portB);
    QVERIFY(echoRoundTrip(first, QByteArrayLiteral("one")));
    QVERIFY(echoRoundTrip(second, QByteArrayLiteral("two")));
    QVERIFY(echoRoundTrip(third, QByteArrayLiteral("three")));

    Socket fourth = connectTcp(portB);
    QVERIFY(fourth.isValid());
    const QString fourthName = QStringLiteral("127.0.0.1:%1").arg(fourth.localPort());
    QElapsedTimer timer;
    timer.start();
    const RecvResult over = recvUntilEof(fourth, 3000);
    VERIFY_CLOSED_BY_PEER(over);
    QVERIFY(over.data.isEmpty());
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(echo.acceptedCount(), 3);
    QTRY_COMPARE(ruleStats(engine, b).refused, quint64(1));
    QCOMPARE(ruleStats(engine, a).refused, quint64(0));
    QTRY_COMPARE(log.closed(b).size(), 1);
    COMPARE_NAMED(log.closed(b).first().closeReason, CloseReason::LimitReached);
    const auto refusalLine = [&] {
        for (const EngineEvent &e : log.events()) {
            if (e.message.contains(fourthName))
                return e.message;
        }
        return QString();
    };
    QTRY_VERIFY2(!refusalLine().isEmpty(), qPrintable(fourthName));
    QCOMPARE(refusalLine(),
             QStringLiteral("refused %1 -> 127.0.0.1:%2: global connection limit (3) reached").arg(fourthName).arg(portB));

    // Closing one on rule a frees a slot for rule b.
    first.close();
    QTRY_COMPARE(ruleStats(engine, a).active, quint64(1));
    Socket fifth = connectTcp(portB);
    QVERIFY(echoRoundTrip(fifth, QByteArrayLiteral("five")));
    QVERIFY(echoRoundTrip(second, QByteArrayLiteral("still two")));
    QCOMPARE(ruleStats(engine, b).refused, quint64(1));

    // 0 lifts the limit.
    engine.setMaxTotalConnections(0);
    Socket sixth = connectTcp(portA);
    QVERIFY(echoRoundTrip(sixth, QByteArrayLiteral("six")));
}

void TestRelay::manyShortConnections()
{
    TargetServer echo(TargetServer::echo());
    ForwardEngine engine(Workers);
    RuleId id = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("many"), freePort(), echo.port()), &id));
    const quint16 port = engine.rule(id).listen.port;

    // Each thread runs its share one after another; returns how many round trips worked.
    std::atomic<int> ok{0};
    std::atomic<int> finished{0};
    const auto run = [&](int threads, int perThread) {
        ok = 0;
        finished = 0;
        std::vector<std::unique_ptr<ScopedThread>> pool;
        for (int t = 0; t < threads; ++t) {
            pool.push_back(std::make_unique<ScopedThread>([&, t] {
                for (int i = 0; i < perThread; ++i) {
                    Socket s = connectTcp(port);
                    const QByteArray payload = QByteArray::number(t) + '/' + QByteArray::number(i) + QByteArray(48, '#');
                    if (s.isValid() && echoRoundTrip(s, payload))
                        ++ok;
                }
                ++finished;
            }));
        }
        // Spin the event loop meanwhile so the engine keeps publishing.
        QTRY_COMPARE_WITH_TIMEOUT(finished.load(), threads, 120000);
    };

    // Warm up every worker first: lazily created descriptors are not leaks.
    run(4, 8);
    QCOMPARE(ok.load(), 32);
    QTRY_COMPARE(ruleStats(engine, id).active, quint64(0));
    QTRY_COMPARE(echo.activeConnections(), 0);
    const int baseline = openFdCount();

    run(4, 500);
    QCOMPARE(ok.load(), 2000);
    QTRY_COMPARE_WITH_TIMEOUT(ruleStats(engine, id).total, quint64(2032), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(ruleStats(engine, id).active, quint64(0), 10000);
    QCOMPARE(ruleStats(engine, id).failed, quint64(0));
    QTRY_COMPARE_WITH_TIMEOUT(openFdCount(), baseline, 10000);
}

void TestRelay::closedReportedOnce()
{
    TargetServer echo(TargetServer::echo());
    ForwardEngine engine(Workers);
    engine.setSnapshotInterval(50);
    QSignalSpy spy(&engine, &ForwardEngine::snapshotReady);
    RuleId id = 0;
    const quint16 listenPort = freePort();
    QVERIFY(startRule(engine, makeRule(QStringLiteral("once"), listenPort, echo.port()), &id));

    Socket client = connectTcp(listenPort);
    QVERIFY(client.isValid());
    const quint16 clientPort = client.localPort();
    QVERIFY(echoRoundTrip(client, QByteArrayLiteral("ping")));

    QTRY_VERIFY(findByClientPort(engine.lastSnapshot(), clientPort)
                && findByClientPort(engine.lastSnapshot(), clientPort)->bytesDown == 4);
    const ConnectionInfo open = *findByClientPort(engine.lastSnapshot(), clientPort);
    QVERIFY(open.state != ConnectionState::Closed);
    QCOMPARE(open.ruleId, id);
    QVERIFY(open.clientAddress.isEqual(QHostAddress::LocalHost, QHostAddress::TolerantConversion));
    QCOMPARE(open.listenPort, listenPort);
    QVERIFY(open.listenAddress.isEqual(QHostAddress::LocalHost, QHostAddress::TolerantConversion));
    QCOMPARE(open.targetPort, echo.port());
    QVERIFY(open.targetAddress.isEqual(QHostAddress::LocalHost, QHostAddress::TolerantConversion));
    QCOMPARE(echo.peerPorts().size(), 1);
    QCOMPARE(open.localPort, echo.peerPorts().first());  // our upstream end, as the target saw it

    QVERIFY(shutdownWrite(client));
    QCOMPARE(toString(recvUntilEof(client).end), "EOF");
    client.close();

    // Every snapshot from here on, as (index of snapshot, connection) for our id.
    const auto occurrences = [&] {
        QList<QPair<int, ConnectionInfo>> found;
        for (int i = 0; i < spy.size(); ++i) {
            const auto snapshot = spy.at(i).at(0).value<EngineSnapshot>();
            for (const ConnectionInfo &c : snapshot.connections) {
                if (c.id == open.id)
                    found.append({i, c});
            }
        }
        return found;
    };
    const auto closedCount = [&] {
        int n = 0;
        for (const auto &o : occurrences())
            n += o.second.state == ConnectionState::Closed ? 1 : 0;
        return n;
    };
    QTRY_COMPARE(closedCount(), 1);
    const int seen = spy.size();
    QTRY_VERIFY(spy.size() >= seen + 5);  // later snapshots must not repeat it
    QCOMPARE(closedCount(), 1);

    const auto all = occurrences();
    const auto &last = all.last();
    COMPARE_NAMED(last.second.state, ConnectionState::Closed);  // nothing after the closed entry
    const ConnectionInfo &closed = last.second;
    COMPARE_NAMED(closed.closeReason, CloseReason::ClientClosed);
    QCOMPARE(closed.clientPort, clientPort);
    QCOMPARE(closed.listenPort, listenPort);
    QCOMPARE(closed.targetPort, echo.port());
    QCOMPARE(closed.localPort, open.localPort);
    QCOMPARE(closed.bytesUp, quint64(4));
    QCOMPARE(closed.bytesDown, quint64(4));
    QVERIFY(closed.closedAt.isValid());
    QVERIFY(closed.closedAt >= closed.openedAt);
}

QTEST_GUILESS_MAIN(TestRelay)
#include "tst_relay.moc"
