// Faults a rule injects (latency, bandwidth, reset, timeout, slicer, refuse), on real
// sockets through the engine, measured at the client; applied and cleared live.

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <memory>
#include <thread>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "checks.h"
#include "enginehelpers.h"
#include "pasarelaprocess.h"
#include "relay/forwardengine.h"
#include "targetserver.h"
#include "testsocket.h"

using namespace TestSupport;

namespace {

constexpr int Workers = 2;

Fault parsed(const char *text)
{
    const Result<Fault> fault = Fault::parse(QString::fromLatin1(text));
    if (!fault)
        qFatal("%s: %s", text, qPrintable(fault.error()));
    return fault.value();
}

// Milliseconds for one small echo round trip on an open connection; -1 on failure.
double roundTripMs(const Socket &socket)
{
    static const QByteArray ping(16, 'p');
    QElapsedTimer timer;
    timer.start();
    if (!sendAll(socket, ping))
        return -1;
    const RecvResult echo = recvExactly(socket, ping.size(), 10000);
    if (echo.end != RecvEnd::Complete || echo.data != ping)
        return -1;
    return double(timer.nsecsElapsed()) / 1e6;
}

// Sends size bytes and closes once the client's first byte came: the client's clock
// starts before anything passes, and nothing ends before its connect is seen complete.
TargetServer::Handler sourceOnRequest(qsizetype size)
{
    return [size](Socket &c) {
        if (recvExactly(c, 1).end == RecvEnd::Complete)
            sendAll(c, QByteArray(size, 'x'));
    };
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

class TestFaultInjection : public QObject
{
    Q_OBJECT

private slots:
    void latencyMedian();
    void latencyWithJitterKeepsOrder();
    void bandwidthLimit();
    void resetAfterBytes();
    void resetAfterTime();
    void timeoutHoldsUntilCleared();
    void slicerCutsWrites();
    void toxicityShare();
    void liveChangeKeepsConnections();
    void headlessFaultOption();

private:
    struct Running
    {
        std::unique_ptr<ForwardEngine> engine;
        std::unique_ptr<SnapshotLog> log;
        RuleId id = 0;
        quint16 port = 0;
    };
    static bool run(Running &running, quint16 targetPort, const Faults &faults);
};

bool TestFaultInjection::run(Running &running, quint16 targetPort, const Faults &faults)
{
    running.engine = std::make_unique<ForwardEngine>(Workers);
    running.engine->setSnapshotInterval(50);
    running.log = std::make_unique<SnapshotLog>(*running.engine);
    ForwardRule rule = makeRule(QStringLiteral("faulty"), freePort(), targetPort);
    rule.faults = faults;
    if (!startRule(*running.engine, rule, &running.id))
        return false;
    running.port = rule.listen.port;
    return true;
}

// Median of 100 round trips within 10% of the latency set (responses only: the default).
void TestFaultInjection::latencyMedian()
{
    TargetServer target(TargetServer::echo());
    Running r;
    QVERIFY(run(r, target.port(), {parsed("latency=80ms")}));
    const Socket client = connectTcp(r.port);
    QVERIFY(client.isValid());
    QList<double> times;
    for (int i = 0; i < 100; ++i) {
        const double ms = roundTripMs(client);
        QVERIFY2(ms >= 0, "round trip failed");
        times.append(ms);
    }
    const double m = median(times);
    QVERIFY2(m >= 72 && m <= 88, qPrintable(QStringLiteral("median %1 ms for 80 ms").arg(m)));
    QVERIFY2(*std::min_element(times.cbegin(), times.cend()) >= 80.0,
             "a response came before its latency");

    // Both ways: twice per round trip.
    Running both;
    QVERIFY(run(both, target.port(), {parsed("latency=40ms,both")}));
    const Socket second = connectTcp(both.port);
    QList<double> bothTimes;
    for (int i = 0; i < 20; ++i)
        bothTimes.append(roundTripMs(second));
    const double mb = median(bothTimes);
    QVERIFY2(mb >= 72 && mb <= 88, qPrintable(QStringLiteral("median %1 ms for 2 x 40 ms").arg(mb)));
}

// Jitter spreads the delays around the latency, and bytes still arrive in order.
void TestFaultInjection::latencyWithJitterKeepsOrder()
{
    TargetServer target(TargetServer::echo());
    Running r;
    QVERIFY(run(r, target.port(), {parsed("latency=40ms,jitter=30ms")}));
    const Socket client = connectTcp(r.port);
    QList<double> times;
    for (int i = 0; i < 40; ++i) {
        const double ms = roundTripMs(client);
        QVERIFY(ms >= 0);
        QVERIFY2(ms >= 9 && ms <= 120, qPrintable(QString::number(ms)));
        times.append(ms);
    }
    const auto [low, high] = std::minmax_element(times.cbegin(), times.cend());
    QVERIFY2(*high - *low > 15, "jitter did not spread the delays");

    // Many writes in a row: the order holds whatever each piece drew.
    QByteArray sent;
    for (int i = 0; i < 200; ++i)
        sent += QByteArray::number(i).rightJustified(5, '0');
    for (qsizetype at = 0; at < sent.size(); at += 50)
        QVERIFY(sendAll(client, sent.mid(at, 50)));
    const RecvResult back = recvExactly(client, sent.size(), 10000);
    QCOMPARE(back.end, RecvEnd::Complete);
    QVERIFY(back.data == sent);
}

// 8 MiB at 2048 KiB/s: the client's rate within 10%.
void TestFaultInjection::bandwidthLimit()
{
    constexpr qsizetype Size = 8 * 1024 * 1024;
    TargetServer target(sourceOnRequest(Size));
    Running r;
    QVERIFY(run(r, target.port(), {parsed("bandwidth=2048")}));
    const Socket client = connectTcp(r.port);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(sendAll(client, QByteArrayLiteral("?")));
    qint64 received = 0;
    const RecvEnd end = recvStream(client, 30000, [&](const char *, qsizetype n) { received += n; });
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    COMPARE_NAMED(end, RecvEnd::Eof);
    QCOMPARE(received, qint64(Size));
    const double kibPerS = double(Size) / 1024 / seconds;
    QVERIFY2(kibPerS >= 2048 * 0.9 && kibPerS <= 2048 * 1.1,
             qPrintable(QStringLiteral("%1 KiB/s for 2048").arg(kibPerS)));
}

// The client reads exactly N bytes, then a reset.
void TestFaultInjection::resetAfterBytes()
{
    TargetServer target(sourceOnRequest(1024 * 1024));
    Running r;
    QVERIFY(run(r, target.port(), {parsed("reset=10000")}));
    const Socket client = connectTcp(r.port);
    QVERIFY(client.isValid());
    QVERIFY(sendAll(client, QByteArrayLiteral("?")));
    const RecvResult result = recvUntilEof(client, 10000);
    QCOMPARE(result.data.size(), qsizetype(10000));
    COMPARE_NAMED(result.end, RecvEnd::Reset);
    QTRY_COMPARE(r.log->closed(r.id).size(), qsizetype(1));
    COMPARE_NAMED(r.log->closed(r.id).constFirst().closeReason, CloseReason::FaultReset);
}

void TestFaultInjection::resetAfterTime()
{
    TargetServer target(TargetServer::echo());
    Running r;
    QVERIFY(run(r, target.port(), {parsed("reset=300ms")}));
    const Socket client = connectTcp(r.port);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(roundTripMs(client) >= 0);  // open until then
    const RecvResult result = recvUntilEof(client, 10000);
    COMPARE_NAMED(result.end, RecvEnd::Reset);
    QVERIFY2(timer.elapsed() >= 290 && timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
}

// Nothing passes while a timeout holds; clearing it lets the held bytes through on the
// same connection. A timeout with a time closes the connection then.
void TestFaultInjection::timeoutHoldsUntilCleared()
{
    TargetServer target(TargetServer::echo());
    Running r;
    QVERIFY(run(r, target.port(), {parsed("timeout")}));
    const Socket client = connectTcp(r.port);
    QVERIFY(sendAll(client, QByteArrayLiteral("held")));
    const RecvResult nothing = recvExactly(client, 4, 400);
    COMPARE_NAMED(nothing.end, RecvEnd::Timeout);
    QVERIFY(nothing.data.isEmpty());

    ForwardRule rule = r.engine->rule(r.id);
    rule.faults.clear();
    QVERIFY(r.engine->updateRule(r.id, rule));
    const RecvResult released = recvExactly(client, 4, 5000);
    COMPARE_NAMED(released.end, RecvEnd::Complete);
    QCOMPARE(released.data, QByteArrayLiteral("held"));

    Running timed;
    QVERIFY(run(timed, target.port(), {parsed("timeout=300ms")}));
    const Socket second = connectTcp(timed.port);
    QVERIFY(sendAll(second, QByteArrayLiteral("never")));
    const RecvResult closed = recvUntilEof(second, 5000);
    COMPARE_NAMED(closed.end, RecvEnd::Eof);
    QVERIFY(closed.data.isEmpty());
    QTRY_COMPARE(timed.log->closed(timed.id).size(), qsizetype(1));
    COMPARE_NAMED(timed.log->closed(timed.id).constFirst().closeReason, CloseReason::FaultTimeout);
}

// 1,000 bytes written at once leave as 100-byte pieces, 20 ms apart: the client needs
// many reads and 180 ms (a client slow to read may find two pieces at once).
void TestFaultInjection::slicerCutsWrites()
{
    TargetServer target(sourceOnRequest(1000));
    Running r;
    QVERIFY(run(r, target.port(), {parsed("slice=100,delay=20ms")}));
    const Socket client = connectTcp(r.port);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(sendAll(client, QByteArrayLiteral("?")));
    int reads = 0;
    qint64 received = 0;
    const RecvEnd end = recvStream(client, 10000, [&](const char *, qsizetype n) {
        ++reads;
        received += n;
    });
    COMPARE_NAMED(end, RecvEnd::Eof);
    QCOMPARE(received, qint64(1000));
    QVERIFY2(reads >= 5, qPrintable(QString::number(reads)));
    QVERIFY2(timer.elapsed() >= 175, qPrintable(QString::number(timer.elapsed())));
}

// refuse with toxicity 0.5 over 400 connections: 160 to 240 refused (a reset at once),
// the others relay.
void TestFaultInjection::toxicityShare()
{
    TargetServer target(TargetServer::echo());
    Running r;
    QVERIFY(run(r, target.port(), {parsed("refuse,toxicity=0.5")}));
    int refused = 0;
    for (int i = 0; i < 400; ++i) {
        int error = 0;
        const Socket client = connectTcp(r.port, 5000, &error);
        if (!client.isValid()) {  // the reset came before the connect was seen complete
            QVERIFY2(error == ECONNRESET, qPrintable(qt_error_string(error)));
            ++refused;
            continue;
        }
        if (!sendAll(client, QByteArrayLiteral("x"))) {
            ++refused;
            continue;
        }
        const RecvResult echo = recvExactly(client, 1, 5000);
        if (echo.end == RecvEnd::Reset || echo.end == RecvEnd::Eof)
            ++refused;
        else
            QCOMPARE(echo.data, QByteArrayLiteral("x"));
    }
    QVERIFY2(refused >= 160 && refused <= 240, qPrintable(QStringLiteral("%1 of 400 refused").arg(refused)));
    QTRY_COMPARE(ruleStats(*r.engine, r.id).refused, quint64(refused));
}

// A fault set on a started rule applies to its open connection at once, and clearing
// it too; the connection stays open throughout (no restart).
void TestFaultInjection::liveChangeKeepsConnections()
{
    TargetServer target(TargetServer::echo());
    Running r;
    QVERIFY(run(r, target.port(), {}));
    QSignalSpy states(r.engine.get(), &ForwardEngine::ruleStateChanged);
    const Socket client = connectTcp(r.port);
    QVERIFY(roundTripMs(client) < 50);

    ForwardRule rule = r.engine->rule(r.id);
    rule.faults = {parsed("latency=120ms")};
    QVERIFY(r.engine->updateRule(r.id, rule));
    QTRY_VERIFY_WITH_TIMEOUT(roundTripMs(client) >= 120, 5000);
    QVERIFY(roundTripMs(client) >= 120);

    rule.faults.clear();
    QVERIFY(r.engine->updateRule(r.id, rule));
    QTRY_VERIFY_WITH_TIMEOUT(roundTripMs(client) < 50, 5000);
    QCOMPARE(states.count(), 0);  // never stopped nor started again
    QCOMPARE(target.acceptedCount(), 1);
    QVERIFY(r.log->closed(r.id).isEmpty());
    const QStringList messages = [&] {
        QStringList list;
        for (const EngineEvent &event : r.log->events())
            list.append(event.message);
        return list;
    }();
    QVERIFY2(messages.contains(QStringLiteral("rule \"faulty\": faults latency=120ms")), qPrintable(messages.join(u'\n')));
    QVERIFY2(messages.contains(QStringLiteral("rule \"faulty\": faults cleared")), qPrintable(messages.join(u'\n')));
}

// --fault RULE:FAULT on the real program, RULE as the --forward port.
void TestFaultInjection::headlessFaultOption()
{
    TargetServer target(TargetServer::echo());
    const quint16 port = freePort();
    PasarelaProcess pasarela(QStringLiteral(PASARELA_BINARY), QProcessEnvironment::systemEnvironment());
    QVERIFY(pasarela.start({QStringLiteral("--headless"), QStringLiteral("--config"), QStringLiteral("/nonexistent/rules.json"),
                            QStringLiteral("--forward"), QStringLiteral("%1=127.0.0.1:%2").arg(port).arg(target.port()),
                            QStringLiteral("--fault"), QStringLiteral("%1:latency=100ms").arg(port)}));
    QVERIFY2(!pasarela.waitForLineStartingWith("listening").isEmpty(), pasarela.transcript().constData());
    QVERIFY2(pasarela.seen().contains("faults latency=100ms"), pasarela.transcript().constData());
    const Socket client = connectTcp(port);
    const double ms = roundTripMs(client);
    QVERIFY2(ms >= 100 && ms < 1000, qPrintable(QString::number(ms)));
    QVERIFY(pasarela.stop(SIGTERM));

    // A fault for no rule, or a fault that does not parse: exit 2 with the reason.
    for (const QString &bad : {QStringLiteral("9:latency=100ms"), QStringLiteral("%1:latency=fast").arg(port)}) {
        QProcess process;
        process.start(QStringLiteral(PASARELA_BINARY),
                      {QStringLiteral("--headless"), QStringLiteral("--config"), QStringLiteral("/nonexistent/rules.json"),
                       QStringLiteral("--forward"), QStringLiteral("%1=127.0.0.1:%2").arg(port).arg(target.port()),
                       QStringLiteral("--fault"), bad});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("--fault"), err.constData());
    }
}

QTEST_GUILESS_MAIN(TestFaultInjection)
#include "tst_faultinjection.moc"
