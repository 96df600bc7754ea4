// Stopping and editing rules while bytes flow (issue #7): a stopped rule refuses at
// once and drains its sessions quickly, restarts on the same port immediately, and
// editing one rule never disturbs another's connections.
#include <atomic>
#include <chrono>

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
using Clock = std::chrono::steady_clock;

qint64 msBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count();
}

QByteArray ms(qint64 value)
{
    return QByteArray::number(value) + " ms";
}

} // namespace

class TestRuleEdits final : public QObject
{
    Q_OBJECT

private slots:
    void stopDuringTransferThenRestart();
    void editDuringTransferLeavesOthersAlone();
};

// Stopping a rule while it streams: the listener refuses at once, the session ends
// within a short drain, and enabling it again listens on the same port immediately.
void TestRuleEdits::stopDuringTransferThenRestart()
{
    TargetServer target([](Socket &c) {
        const QByteArray chunk = randomBytes(30, 64 * 1024);
        while (sendAll(c, chunk, 5000)) {
        }
    });
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    RuleId id = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("stop"), freePort(), target.port()), &id));
    const quint16 port = engine.rule(id).listen.port;

    Socket client = connectTcp(port);
    QVERIFY(client.isValid());
    std::atomic<qint64> received{0};
    std::atomic<bool> ended{false};
    Clock::time_point endedAt;
    ScopedThread reader([&] {
        recvStream(client, 20000, [&](const char *, qsizetype size) { received += size; });
        endedAt = Clock::now();
        ended = true;
    });
    QTRY_VERIFY(received > 4 * 1024 * 1024);

    const Clock::time_point stoppedAt = Clock::now();
    QVERIFY_RESULT(engine.setRuleEnabled(id, false));
    int error = 0;
    QDeadlineTimer deadline(2000);
    while (!deadline.hasExpired() && (connectTcp(port, 500, &error).isValid() || error != ECONNREFUSED)) {
    }
    const qint64 refusedAfter = msBetween(stoppedAt, Clock::now());
    QCOMPARE(error, ECONNREFUSED);
    QTRY_VERIFY_WITH_TIMEOUT(ended, 5000);
    const qint64 closedAfter = msBetween(stoppedAt, endedAt);
    qInfo("stopped: listener refused after %lld ms, session closed after %lld ms", refusedAfter, closedAfter);
    QVERIFY2(refusedAfter < 100, ms(refusedAfter).constData());
    QVERIFY2(closedAfter < 500, ms(closedAfter).constData());
    // Probes that got in before the stop are closed with it too.
    QTRY_COMPARE(ruleStats(engine, id).active, quint64(0));
    QTRY_VERIFY(!log.closed(id).isEmpty());
    for (const ConnectionInfo &c : log.closed(id))
        COMPARE_NAMED(c.closeReason, CloseReason::RuleStopped);

    QElapsedTimer restart;
    restart.start();
    QVERIFY_RESULT(engine.setRuleEnabled(id, true));
    QVERIFY(waitForState(engine, id, RuleState::Listening, 1000));
    qInfo("listening again after %lld ms", restart.elapsed());
    Socket again = connectTcp(port);
    QVERIFY(again.isValid());
    COMPARE_NAMED(recvExactly(again, 1024 * 1024, 5000).end, RecvEnd::Complete);
}

// While rule A is edited over and over (new target, same port; off and on), a
// connection through B keeps echoing large blocks intact and is never closed.
void TestRuleEdits::editDuringTransferLeavesOthersAlone()
{
    TargetServer echo1(TargetServer::echo());
    TargetServer echo2(TargetServer::echo());
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    RuleId a = 0;
    RuleId b = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("a"), freePort(), echo1.port()), &a));
    QVERIFY(startRule(engine, makeRule(QStringLiteral("b"), freePort(), echo1.port()), &b));
    QSignalSpy states(&engine, &ForwardEngine::ruleStateChanged);
    const quint16 portA = engine.rule(a).listen.port;

    Socket throughB = connectTcp(engine.rule(b).listen.port);
    QVERIFY(throughB.isValid());
    std::atomic<bool> stop{false};
    std::atomic<int> roundTrips{0};
    std::atomic<int> broken{0};
    ScopedThread transfer([&] {
        for (quint32 seed = 100; !stop && broken == 0; ++seed)
            (echoRoundTrip(throughB, randomBytes(seed, 256 * 1024), 10000) ? roundTrips : broken)++;
    });
    QTRY_VERIFY(roundTrips > 0);

    qint64 slowestRestartMs = 0;
    for (int i = 0; i < 10 && broken == 0; ++i) {
        Socket throughA = connectTcp(portA);
        QVERIFY(echoRoundTrip(throughA, QByteArrayLiteral("before edit")));
        ForwardRule edited = engine.rule(a);
        edited.target.port = (i % 2 ? echo1 : echo2).port();
        // A new target alone moves the rule in place; anything else restarts it.
        const bool movesOnly = i % 3 == 0;
        if (!movesOnly)
            edited.connectTimeoutMs = 5000 + i;
        QElapsedTimer timer;
        timer.start();
        if (i % 3 == 2) {
            QVERIFY_RESULT(engine.setRuleEnabled(a, false));
            QVERIFY_RESULT(engine.setRuleEnabled(a, true));
        } else {
            QVERIFY_RESULT(engine.updateRule(a, edited));
        }
        QVERIFY(waitForState(engine, a, RuleState::Listening, 1000));
        slowestRestartMs = qMax(slowestRestartMs, timer.elapsed());
        if (movesOnly)
            QVERIFY(echoRoundTrip(throughA, QByteArrayLiteral("still open")));  // to the old target
        else
            VERIFY_CLOSED_BY_PEER(recvUntilEof(throughA, 2000));  // A's own session ends with the restart
        Socket again = connectTcp(portA);
        QVERIFY(echoRoundTrip(again, QByteArrayLiteral("after edit")));
    }
    const int duringEdits = roundTrips;
    QTRY_VERIFY(roundTrips > duringEdits);  // still going after the edits
    stop = true;
    transfer.join();
    qInfo("B: %d round trips of 256 KiB; slowest restart of A: %lld ms", roundTrips.load(), slowestRestartMs);
    QCOMPARE(broken.load(), 0);
    QVERIFY(log.closed(b).isEmpty());
    for (const QList<QVariant> &args : states)
        QVERIFY(args.at(0).value<RuleId>() != b);
    QTRY_COMPARE(log.closed(a).size(), 20);
    for (const ConnectionInfo &c : log.closed(a)) {
        QVERIFY(c.closeReason == CloseReason::RuleStopped || c.closeReason == CloseReason::ClientClosed
                || c.closeReason == CloseReason::ClientReset);
    }
}

QTEST_GUILESS_MAIN(TestRuleEdits)
#include "tst_ruleedits.moc"
