// Load from issue #7: 256 MiB each way at once through the engine, and an accept
// storm on the real binary whose open descriptors must come back to their baseline.
#include <atomic>
#include <memory>
#include <vector>

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include "checks.h"
#include "enginehelpers.h"
#include "payload.h"
#include "relay/forwardengine.h"
#include "targetserver.h"
#include "testsocket.h"

using namespace TestSupport;

namespace {

// Descriptors open in a process (/proc/PID/fd).
int openFdCount(qint64 pid)
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size());
}

} // namespace

class TestLoad final : public QObject
{
    Q_OBJECT

private slots:
    void bulkBothWays256MiB();
    void acceptStorm();
};

void TestLoad::bulkBothWays256MiB()
{
    constexpr qint64 Size = 256 * 1024 * 1024;
    constexpr int TimeoutMs = 240000;
    // Declared before the server: its handler threads write here until the server is gone.
    Hashed atTarget;
    QByteArray sentByTarget;
    bool targetSendOk = false;
    std::atomic<bool> targetDone{false};
    TargetServer target([&](Socket &c) {
        ScopedThread sender([&] {
            sentByTarget = sendRandom(c, 2, Size, &targetSendOk);
            shutdownWrite(c);
        });
        atTarget = receiveHashed(c, TimeoutMs);
        sender.join();
        targetDone = true;
    });

    ForwardEngine engine(2);
    SnapshotLog log(engine);
    RuleId id = 0;
    QVERIFY(startRule(engine, makeRule(QStringLiteral("bulk"), freePort(), target.port()), &id));

    Socket client = connectTcp(engine.rule(id).listen.port);
    QVERIFY(client.isValid());
    Hashed atClient;
    QByteArray sentByClient;
    bool clientSendOk = false;
    std::atomic<bool> clientDone{false};
    QElapsedTimer timer;
    timer.start();
    {
        ScopedThread sender([&] {
            sentByClient = sendRandom(client, 1, Size, &clientSendOk);
            shutdownWrite(client);
        });
        ScopedThread receiver([&] {
            atClient = receiveHashed(client, TimeoutMs);
            clientDone = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(clientDone && targetDone, TimeoutMs);
    }
    qInfo("256 MiB each way in %lld ms", timer.elapsed());
    QVERIFY(clientSendOk);
    QVERIFY(targetSendOk);
    COMPARE_NAMED(atTarget.end, RecvEnd::Eof);
    COMPARE_NAMED(atClient.end, RecvEnd::Eof);
    QCOMPARE(atTarget.size, Size);
    QCOMPARE(atClient.size, Size);
    QCOMPARE(atTarget.hash.toHex(), sentByClient.toHex());
    QCOMPARE(atClient.hash.toHex(), sentByTarget.toHex());
    QTRY_COMPARE(log.closed(id).size(), 1);
    QCOMPARE(log.closed(id).first().bytesUp, quint64(Size));
    QCOMPARE(log.closed(id).first().bytesDown, quint64(Size));
}

// 10,000 connect/echo/close cycles from 100 threads against pasarela --headless. Every
// one is relayed (the rule's total, the echoed bytes), and once they are all closed
// pasarela holds as many descriptors as before.
void TestLoad::acceptStorm()
{
    constexpr int Threads = 100;
    constexpr int PerThread = 100;
    constexpr int WarmUp = 100;
    constexpr qsizetype PayloadSize = 64;
    TargetServer echo(TargetServer::echo());
    const quint16 port = freePort();
    QProcess pasarela;
    pasarela.start(QStringLiteral(PASARELA_BINARY),
                   {QStringLiteral("--headless"), QStringLiteral("--stats"), QStringLiteral("1"),
                    QStringLiteral("--forward"), QStringLiteral("%1=127.0.0.1:%2").arg(port).arg(echo.port())});
    QByteArray output;
    const auto readUntil = [&](const auto &done, int timeoutMs) {
        QDeadlineTimer deadline(timeoutMs);
        while (!done() && !deadline.hasExpired()) {
            pasarela.waitForReadyRead(50);
            output += pasarela.readAllStandardOutput();
        }
        return done();
    };
    QVERIFY2(readUntil([&] { return output.contains("listening "); }, 10000), output.constData());
    const qint64 pid = pasarela.processId();

    std::atomic<int> relayed{0};
    std::atomic<qint64> echoed{0};
    std::atomic<int> finished{0};
    const auto storm = [&](int threads, int perThread) {
        finished = 0;
        std::vector<std::unique_ptr<ScopedThread>> pool;
        for (int t = 0; t < threads; ++t) {
            pool.push_back(std::make_unique<ScopedThread>([&, t] {
                const QByteArray payload = randomBytes(quint32(t), PayloadSize);
                for (int i = 0; i < perThread; ++i) {
                    Socket s = connectTcp(port);
                    if (s.isValid() && echoRoundTrip(s, payload)) {
                        ++relayed;
                        echoed += PayloadSize;
                    }
                }
                ++finished;
            }));
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.load(), threads, 180000);
    };
    // Whatever pasarela's threads create on first use is not a leak.
    storm(4, WarmUp / 4);
    QCOMPARE(relayed.load(), WarmUp);
    QTRY_COMPARE(echo.activeConnections(), 0);
    const QByteArray warmedUp = "active 0, total " + QByteArray::number(WarmUp) + ",";
    QVERIFY2(readUntil([&] { return output.contains(warmedUp); }, 10000), output.right(2000).constData());
    const int baseline = openFdCount(pid);
    QVERIFY(baseline > 0);

    QElapsedTimer timer;
    timer.start();
    storm(Threads, PerThread);
    const qint64 stormMs = timer.elapsed();
    QCOMPARE(relayed.load(), WarmUp + Threads * PerThread);
    QCOMPARE(echoed.load(), qint64(WarmUp + Threads * PerThread) * PayloadSize);
    QCOMPARE(echo.acceptedCount(), WarmUp + Threads * PerThread);

    // The stats line that counts every connection, none of them still open.
    const QByteArray expected = "active 0, total " + QByteArray::number(WarmUp + Threads * PerThread) + ", refused 0, failed 0";
    QVERIFY2(readUntil([&] { return output.contains(expected); }, 10000), output.right(2000).constData());
    QTRY_COMPARE_WITH_TIMEOUT(openFdCount(pid), baseline, 10000);
    qInfo("%d cycles from %d threads in %lld ms; %d descriptors before and after", Threads * PerThread, Threads,
          stormMs, baseline);

    pasarela.terminate();
    QVERIFY(pasarela.waitForFinished(10000));
    QCOMPARE(pasarela.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestLoad)
#include "tst_load.moc"
