// Memory per session is bounded: the real binary's resident memory is watched while
// a client does not read (backpressure must stop the relay from buffering), and
// while many connections sit idle (they must hold no buffer of their own).

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

#include "payload.h"
#include "targetserver.h"
#include "testsocket.h"

using namespace TestSupport;

namespace {

// Resident memory of a process, in KiB.
qint64 residentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// pasarela --headless forwarding a free port to targetPort; waits until it listens.
bool startPasarela(QProcess &process, quint16 port, quint16 targetPort)
{
    const QString rules = QStringLiteral(
        R"({"version": 1, "rules": [{"name": "m", "listen": "127.0.0.1:%1", "target": "127.0.0.1:%2",
            "maxConnections": 100000}]})").arg(port).arg(targetPort);
    QFile file(QDir::temp().filePath(QStringLiteral("pasarela-memory-%1.json").arg(port)));
    if (!file.open(QIODevice::WriteOnly) || file.write(rules.toUtf8()) < 0)
        return false;
    file.close();
    process.start(QStringLiteral(PASARELA_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--config"), file.fileName()});
    QByteArray output;
    QDeadlineTimer deadline(10000);
    while (!output.contains("listening ") && !deadline.hasExpired()) {
        process.waitForReadyRead(50);
        output += process.readAllStandardOutput();
    }
    file.remove();
    return output.contains("listening ");
}

} // namespace

class TestMemory final : public QObject
{
    Q_OBJECT

private slots:
    void slowReaderStaysBounded();
    void idleConnectionsAreCheap();
};

void TestMemory::slowReaderStaysBounded()
{
    constexpr qint64 Size = 256 * 1024 * 1024;
    std::atomic<bool> sent{false};
    QByteArray sentHash;
    TargetServer target([&](Socket &connection) {
        bool ok = false;
        sentHash = sendRandom(connection, 7, Size, &ok);
        sent = ok;
    });
    const quint16 port = freePort();
    QProcess pasarela;
    QVERIFY(startPasarela(pasarela, port, target.port()));

    Socket client = connectTcp(port);
    QVERIFY(client.isValid());
    const qint64 before = residentKiB(pasarela.processId());
    QVERIFY(before > 0);

    // The client reads nothing for a while: the target keeps pushing until every
    // buffer on the way is full, and pasarela must stop reading instead of buffering.
    QTest::qWait(1500);  // a measurement window, not synchronisation
    const qint64 during = residentKiB(pasarela.processId());
    QVERIFY2(during - before < 4 * 1024,
             qPrintable(QStringLiteral("resident memory grew by %1 KiB while the client did not read")
                            .arg(during - before)));
    QVERIFY(!sent);

    // Then it reads: everything arrives, intact.
    const Hashed received = receiveHashed(client, 60000);
    QCOMPARE(received.size, Size);
    QVERIFY(sent);
    QCOMPARE(received.hash, sentHash);

    pasarela.terminate();
    QVERIFY(pasarela.waitForFinished(10000));
    QCOMPARE(pasarela.exitCode(), 0);
}

void TestMemory::idleConnectionsAreCheap()
{
    constexpr int Count = 2000;
    constexpr qint64 MaxKiBPerConnection = 16;

    // A target that accepts and keeps its connections, without a thread for each.
    Socket listener = listenTcp(0, 4096);
    QVERIFY(listener.isValid());
    std::vector<Socket> accepted;
    std::thread acceptor([&] {
        while (int(accepted.size()) < Count) {
            Socket connection = acceptTcp(listener, 20000);
            if (!connection.isValid())
                return;
            accepted.push_back(std::move(connection));
        }
    });
    const quint16 port = freePort();
    QProcess pasarela;
    QVERIFY(startPasarela(pasarela, port, listener.localPort()));
    const qint64 before = residentKiB(pasarela.processId());

    std::vector<Socket> clients;
    for (int i = 0; i < Count; ++i) {
        clients.push_back(connectTcp(port));
        QVERIFY(clients.back().isValid());
    }
    acceptor.join();
    QCOMPARE(int(accepted.size()), Count);
    // Pasarela publishes its connection snapshots a few times a second; let them settle.
    QTest::qWait(1000);  // a measurement window, not synchronisation
    const qint64 growth = residentKiB(pasarela.processId()) - before;
    QVERIFY2(growth < Count * MaxKiBPerConnection,
             qPrintable(QStringLiteral("%1 KiB per idle connection").arg(double(growth) / Count)));
    qInfo("resident memory per idle connection: %.1f KiB", double(growth) / Count);

    pasarela.terminate();
    QVERIFY(pasarela.waitForFinished(10000));
    QCOMPARE(pasarela.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestMemory)
#include "tst_memory.moc"
