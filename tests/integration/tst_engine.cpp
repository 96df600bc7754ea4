// ForwardEngine as the window and command line use it: rule lifecycle, isolation
// between rules, validation on add, and the per-rule counters.
#include <atomic>

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

bool sawState(const QSignalSpy &spy, RuleId id, RuleState state)
{
    for (const QList<QVariant> &args : spy) {
        if (args.at(0).value<RuleId>() == id && args.at(1).value<RuleState>() == state)
            return true;
    }
    return false;
}

// True when nothing accepts on 127.0.0.1:port any more.
bool refusesConnections(quint16 port)
{
    int error = 0;
    return !connectTcp(port, 1000, &error).isValid() && error == ECONNREFUSED;
}

} // namespace

class TestEngine final : public QObject
{
    Q_OBJECT

private slots:
    void portInUse();
    void portOfAnotherEngineIsInUse();
    void stopThenStartSamePort();
    void removeRuleClosesEverything();
    void addRejectsDuplicates();
    void ruleStatsCountBytes();
    void targetByName();
    void wildcardListenNamesTheAddressReached();
};

// Each engine listens with SO_REUSEPORT, one socket per worker: a second engine (a
// second Pasarela) on the same port is told the port is taken, never given a share.
void TestEngine::portOfAnotherEngineIsInUse()
{
    TargetServer echo(TargetServer::echo());
    const ForwardRule rule = makeRule(QStringLiteral("first"), freePort(), echo.port());
    ForwardEngine first(Workers);
    RuleId id = 0;
    QVERIFY(startRule(first, rule, &id));

    ForwardEngine second(Workers);
    const Result<RuleId> other = second.addRule(rule);
    QVERIFY_RESULT(other);
    QVERIFY(waitForState(second, other.value(), RuleState::Error));
    const QString error = second.ruleError(other.value());
    QVERIFY2(error.contains(QStringLiteral("address already in use")), qPrintable(error));
    // Every connection still reaches the first engine.
    for (int i = 0; i < 20; ++i) {
        Socket client = connectTcp(rule.listen.port);
        QVERIFY(echoRoundTrip(client, QByteArrayLiteral("first only")));
    }
    QTRY_COMPARE(ruleStats(first, id).total, quint64(20));
}

void TestEngine::portInUse()
{
    TargetServer echo(TargetServer::echo());
    Socket occupier = listenTcp(0);
    QVERIFY(occupier.isValid());
    const quint16 busy = occupier.localPort();

    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    QSignalSpy states(&engine, &ForwardEngine::ruleStateChanged);
    const Result<RuleId> a = engine.addRule(makeRule(QStringLiteral("a"), busy, echo.port()));
    QVERIFY_RESULT(a);
    QVERIFY(waitForState(engine, a.value(), RuleState::Error));

    const QString error = engine.ruleError(a.value());
    QVERIFY2(error.contains(QStringLiteral("address already in use"), Qt::CaseInsensitive), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("127.0.0.1:%1").arg(busy)), qPrintable(error));
    QTRY_VERIFY(sawState(states, a.value(), RuleState::Error));
    const auto logged = [&] {
        for (const EngineEvent &e : log.events()) {
            if (e.ruleId == a.value() && e.message.contains(QString::number(busy)))
                return true;
        }
        return false;
    };
    const auto eventsText = [&]() -> QString {
        QStringList lines;
        for (const EngineEvent &e : log.events())
            lines.append(QString::number(e.ruleId) + QStringLiteral(": ") + e.message);
        return QStringLiteral("events: [") + lines.join(QStringLiteral(" | ")) + u']';
    };
    QTRY_VERIFY2(logged(), qPrintable(eventsText()));  // listener errors go to the log too

    RuleId b = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("b"), freePort(), echo.port()), &b));
    Socket client = connectTcp(engine.rule(b).listen.port);
    QVERIFY(echoRoundTrip(client, QByteArrayLiteral("through b")));
    COMPARE_NAMED(engine.ruleState(a.value()), RuleState::Error);

    // Once the port is free, enabling the failed rule again tries again.
    occupier.close();
    QVERIFY_RESULT(engine.setRuleEnabled(a.value(), true));
    QVERIFY(waitForState(engine, a.value(), RuleState::Listening));
    Socket viaA = connectTcp(busy);
    QVERIFY(echoRoundTrip(viaA, QByteArrayLiteral("through a")));
    QVERIFY(echoRoundTrip(client, QByteArrayLiteral("b undisturbed")));
}

void TestEngine::stopThenStartSamePort()
{
    TargetServer echo(TargetServer::echo());
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    RuleId id = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("restart"), freePort(), echo.port()), &id));
    const quint16 port = engine.rule(id).listen.port;

    // An open connection at stop time leaves the listen port in TIME_WAIT on our side:
    // the restart must bind anyway.
    Socket client = connectTcp(port);
    QVERIFY(echoRoundTrip(client, QByteArrayLiteral("before stop")));

    Result<void> r = engine.setRuleEnabled(id, false);
    QVERIFY_RESULT(r);
    QVERIFY(waitForState(engine, id, RuleState::Stopped));
    const RecvResult ended = recvUntilEof(client, 3000);
    VERIFY_CLOSED_BY_PEER(ended);
    QTRY_VERIFY(refusesConnections(port));
    QTRY_COMPARE(log.closed(id).size(), 1);
    COMPARE_NAMED(log.closed(id).first().closeReason, CloseReason::RuleStopped);

    r = engine.setRuleEnabled(id, true);
    QVERIFY_RESULT(r);
    QVERIFY(waitForState(engine, id, RuleState::Listening, 2000));
    Socket again = connectTcp(port);
    QVERIFY(echoRoundTrip(again, QByteArrayLiteral("after start")));
}

void TestEngine::removeRuleClosesEverything()
{
    TargetServer echo(TargetServer::echo());
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    RuleId id = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("gone"), freePort(), echo.port()), &id));
    const quint16 port = engine.rule(id).listen.port;
    Socket client = connectTcp(port);
    QVERIFY(echoRoundTrip(client, QByteArrayLiteral("hi")));

    engine.removeRule(id);
    QVERIFY(!engine.ruleIds().contains(id));
    QTRY_VERIFY(refusesConnections(port));
    const RecvResult ended = recvUntilEof(client, 3000);
    VERIFY_CLOSED_BY_PEER(ended);
    QTRY_COMPARE(log.closed(id).size(), 1);
    COMPARE_NAMED(log.closed(id).first().closeReason, CloseReason::RuleStopped);
}

void TestEngine::addRejectsDuplicates()
{
    ForwardEngine engine(Workers);
    const quint16 port = freePort();
    const quint16 target = freePort();
    const Result<RuleId> first = engine.addRule(makeRule(QStringLiteral("api"), port, target));
    QVERIFY_RESULT(first);

    const Result<RuleId> samePort = engine.addRule(makeRule(QStringLiteral("other"), port, target));
    QVERIFY(!samePort.ok());
    QVERIFY2(samePort.error().contains(QString::number(port)), qPrintable(samePort.error()));

    const Result<RuleId> sameName = engine.addRule(makeRule(QStringLiteral("api"), freePort(), target));
    QVERIFY(!sameName.ok());
    QVERIFY2(sameName.error().contains(QStringLiteral("name"), Qt::CaseInsensitive)
                 && sameName.error().contains(QStringLiteral("api")),
             qPrintable(sameName.error()));

    // Only enabled rules compete for a port.
    ForwardRule disabled = makeRule(QStringLiteral("spare"), port, target);
    disabled.enabled = false;
    const Result<RuleId> spare = engine.addRule(disabled);
    QVERIFY_RESULT(spare);
    QCOMPARE(engine.ruleIds().size(), 2);
}

void TestEngine::ruleStatsCountBytes()
{
    // The target reads the request to EOF, then answers a fixed size: up and down differ.
    constexpr int Answer = 5000;
    TargetServer target([](Socket &c) {
        if (recvUntilEof(c, 10000).end == RecvEnd::Eof)
            sendAll(c, QByteArray(Answer, 'd'));
    });
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    RuleId id = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("stats"), freePort(), target.port()), &id));

    quint64 up = 0;
    for (int size : {1000, 2000, 3000}) {
        Socket client = connectTcp(engine.rule(id).listen.port);
        QVERIFY(sendAll(client, QByteArray(size, 'u')));
        QVERIFY(shutdownWrite(client));
        const RecvResult answer = recvUntilEof(client, 10000);
        QCOMPARE(toString(answer.end), "EOF");
        QCOMPARE(answer.data.size(), Answer);
        up += quint64(size);
    }

    QTRY_COMPARE(ruleStats(engine, id).active, quint64(0));
    QTRY_COMPARE(ruleStats(engine, id).bytesUp, up);
    QTRY_COMPARE(ruleStats(engine, id).bytesDown, quint64(3 * Answer));
    const RuleStats stats = ruleStats(engine, id);
    QCOMPARE(stats.total, quint64(3));
    QCOMPARE(stats.failed, quint64(0));
    QCOMPARE(stats.refused, quint64(0));
    QCOMPARE(stats.name, QStringLiteral("stats"));
    QTRY_COMPARE(log.closed(id).size(), 3);
}

// A target given by name is resolved for each connection, and relayed to.
void TestEngine::targetByName()
{
    TargetServer echo(TargetServer::echo());  // 127.0.0.1 only
    ForwardRule rule = makeRule(QStringLiteral("by name"), freePort(), echo.port());
    rule.target.host = QStringLiteral("localhost");
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));
    for (int i = 0; i < 2; ++i) {
        Socket client = connectTcp(rule.listen.port);
        QVERIFY(echoRoundTrip(client, QByteArrayLiteral("resolved")));
    }
    QTRY_COMPARE(ruleStats(engine, id).total, quint64(2));
    QCOMPARE(ruleStats(engine, id).failed, quint64(0));
}

// On 0.0.0.0, each connection says which local address the client reached.
void TestEngine::wildcardListenNamesTheAddressReached()
{
    TargetServer echo(TargetServer::echo());
    ForwardRule rule = makeRule(QStringLiteral("wildcard"), freePort(), echo.port());
    rule.listen.host = QStringLiteral("0.0.0.0");
    ForwardEngine engine(Workers);
    SnapshotLog log(engine);
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));
    for (const char *address : {"127.0.0.1", "127.0.0.2"}) {
        Socket client = connectTcp(rule.listen.port, 5000, nullptr, address);
        QVERIFY(echoRoundTrip(client, QByteArrayLiteral("where am I")));
    }
    QTRY_COMPARE(log.closed(id).size(), 2);
    QStringList reached;
    for (const ConnectionInfo &info : log.closed(id)) {
        QCOMPARE(info.listenPort, rule.listen.port);
        reached.append(info.listenAddress.toString());
    }
    reached.sort();
    QCOMPARE(reached, (QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("127.0.0.2")}));
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
