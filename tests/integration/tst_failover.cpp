// A rule with several targets (issue #18): the first that accepts gets the
// connection; a target that refused, could not be reached or did not answer in time
// cools down, and is first again once its cool-down is over.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include "checks.h"
#include "enginehelpers.h"
#include "relay/forwardengine.h"
#include "targetserver.h"
#include "testsocket.h"

using namespace TestSupport;

namespace {

constexpr int Workers = 2;

Endpoint loopback(quint16 port)
{
    return Endpoint{QStringLiteral("127.0.0.1"), port};
}

// One round trip through the rule: which echo answered is told by the one that accepted.
bool roundTrip(quint16 listenPort, qint64 *elapsedMs = nullptr)
{
    QElapsedTimer timer;
    timer.start();
    Socket client = connectTcp(listenPort);
    const bool ok = client.isValid() && echoRoundTrip(client, QByteArrayLiteral("ping"), 5000);
    if (elapsedMs)
        *elapsedMs = timer.elapsed();
    return ok;
}

int countEvents(const SnapshotLog &log, const QString &text)
{
    int count = 0;
    for (const EngineEvent &event : log.events())
        count += event.message.contains(text) ? 1 : 0;
    return count;
}

} // namespace

class TestFailover final : public QObject
{
    Q_OBJECT

private slots:
    void refusedFirstFailsOverThenComesBack();
    void silentFirstTimesOutToSecond();
    void allTargetsDownFailsWithTheLastReason();
    void movedTargetsKeepOpenConnections();
    void headlessForwardWithSeveralTargets();
};

void TestFailover::refusedFirstFailsOverThenComesBack()
{
    const quint16 firstPort = freePort();  // nothing listens there yet: refused
    TargetServer second(TargetServer::echo());
    ForwardRule rule = makeRule(QStringLiteral("failover"), freePort(), firstPort);
    rule.moreTargets = {loopback(second.port())};
    rule.cooldownS = 1;
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    QSignalSpy failing(&engine, &ForwardEngine::targetFailing);
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));

    qint64 elapsedMs = 0;
    QVERIFY(roundTrip(rule.listen.port, &elapsedMs));
    QCOMPARE(second.acceptedCount(), 1);
    QVERIFY2(elapsedMs < 1000, qPrintable(QStringLiteral("failover took %1 ms").arg(elapsedMs)));
    // While the first cools down, connections go straight to the second.
    QVERIFY(roundTrip(rule.listen.port));
    QCOMPARE(second.acceptedCount(), 2);
    QTRY_VERIFY(!failing.isEmpty());
    QCOMPARE(failing.first().at(0).value<RuleId>(), id);
    QTRY_COMPARE(countEvents(log, QStringLiteral("target 127.0.0.1:%1 did not take a connection: target refused").arg(firstPort)), 1);
    QCOMPARE(ruleStats(engine, id).failed, quint64(0));  // no client lost a connection

    // The first comes back: once its cool-down is over, it is first again.
    Socket first = listenTcp(firstPort);
    QVERIFY(first.isValid());
    QElapsedTimer back;
    back.start();
    Socket client;
    Socket accepted;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            client = connectTcp(rule.listen.port);
            accepted = acceptTcp(first, 200);
            return accepted.isValid();
        }(),
        5000);
    QVERIFY2(back.elapsed() >= 0 && back.elapsed() < 3000, qPrintable(QString::number(back.elapsed())));
    QVERIFY(sendAll(client, QByteArrayLiteral("to the first")));
    QCOMPARE(recvExactly(accepted, 12).data, QByteArrayLiteral("to the first"));
}

// A target whose accept queue is full drops SYNs: the connect times out, and the
// next target takes the connection.
void TestFailover::silentFirstTimesOutToSecond()
{
    Socket silent = listenTcp(0, 0);
    QVERIFY(silent.isValid());
    sockaddr_in address{};
    socklen_t length = sizeof address;
    QCOMPARE(::getsockname(silent.fd(), reinterpret_cast<sockaddr *>(&address), &length), 0);
    const quint16 silentPort = ntohs(address.sin_port);
    // Fill the queue (backlog 0 holds one) so further SYNs go unanswered.
    std::vector<Socket> queued;
    for (int i = 0; i < 4; ++i)
        queued.push_back(connectTcp(silentPort, 300));
    int error = 0;
    QVERIFY2(!connectTcp(silentPort, 300, &error).isValid(), "the silent target still accepts");

    TargetServer second(TargetServer::echo());
    ForwardRule rule = makeRule(QStringLiteral("timeout"), freePort(), silentPort);
    rule.moreTargets = {loopback(second.port())};
    rule.connectTimeoutMs = 300;
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));
    qint64 elapsedMs = 0;
    QVERIFY(roundTrip(rule.listen.port, &elapsedMs));
    QCOMPARE(second.acceptedCount(), 1);
    QVERIFY2(elapsedMs >= 250 && elapsedMs < 2000, qPrintable(QString::number(elapsedMs)));
    QTRY_COMPARE(countEvents(log, QStringLiteral("connect timeout (no answer within 300 ms)")), 1);
}

void TestFailover::allTargetsDownFailsWithTheLastReason()
{
    ForwardRule rule = makeRule(QStringLiteral("down"), freePort(), freePort());
    rule.moreTargets = {loopback(freePort())};
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));
    Socket client = connectTcp(rule.listen.port);
    QVERIFY(client.isValid());
    VERIFY_CLOSED_BY_PEER(recvUntilEof(client, 5000));
    QTRY_COMPARE(log.closed(id).size(), 1);
    const ConnectionInfo closed = log.closed(id).first();
    QVERIFY(closed.closeReason == CloseReason::TargetRefused);
    QCOMPARE(closed.targetPort, rule.moreTargets.first().port);  // the last one tried
    QTRY_COMPARE(ruleStats(engine, id).failed, quint64(1));
    QCOMPARE(ruleStats(engine, id).targetFailures, quint64(2));
}

// Moving the targets of a started rule (what following the cluster does) leaves
// open connections on the old target; new ones go to the new one.
void TestFailover::movedTargetsKeepOpenConnections()
{
    TargetServer oldTarget(TargetServer::echo());
    TargetServer newTarget(TargetServer::echo());
    const ForwardRule rule = makeRule(QStringLiteral("moving"), freePort(), oldTarget.port());
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    QSignalSpy states(&engine, &ForwardEngine::ruleStateChanged);
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));
    states.clear();

    Socket open = connectTcp(rule.listen.port);
    QVERIFY(echoRoundTrip(open, QByteArrayLiteral("before")));
    ForwardRule moved = rule;
    moved.target = loopback(newTarget.port());
    QVERIFY_RESULT(engine.updateRule(id, moved));
    QCOMPARE(engine.rule(id).target, moved.target);
    QVERIFY(roundTrip(rule.listen.port));
    QCOMPARE(newTarget.acceptedCount(), 1);
    QVERIFY(echoRoundTrip(open, QByteArray(256 * 1024, 'x'), 5000));  // still through the old one
    QCOMPARE(oldTarget.acceptedCount(), 1);
    QVERIFY(states.isEmpty());  // no restart
    QVERIFY(log.closed(id).size() <= 1);
    for (const ConnectionInfo &closed : log.closed(id))
        QVERIFY(closed.closeReason != CloseReason::RuleStopped);
}

// --forward PORT=HOST:PORT,HOST:PORT on the real program.
void TestFailover::headlessForwardWithSeveralTargets()
{
    TargetServer second(TargetServer::echo());
    const quint16 listenPort = freePort();
    const quint16 deadPort = freePort();
    const QString targets = QStringLiteral("127.0.0.1:%1,127.0.0.1:%2").arg(deadPort).arg(second.port());
    QProcess program;
    program.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    program.start(QStringLiteral(PASARELA_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--config"), QStringLiteral("/nonexistent/rules.json"),
                   QStringLiteral("--forward"), QStringLiteral("%1=%2").arg(listenPort).arg(targets)});
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += program.readAllStandardOutput()).contains('\n'), 10000);
    QCOMPARE(out.left(out.indexOf('\n')),
             QStringLiteral("listening 127.0.0.1:%1 -> 127.0.0.1:%2, 127.0.0.1:%3")
                 .arg(listenPort).arg(deadPort).arg(second.port()).toUtf8());
    QVERIFY(roundTrip(listenPort));
    QCOMPARE(second.acceptedCount(), 1);
    program.terminate();
    QVERIFY(program.waitForFinished(10000));
    QCOMPARE(program.exitStatus(), QProcess::NormalExit);
}

QTEST_MAIN(TestFailover)
#include "tst_failover.moc"
