// Descriptor exhaustion: run the real binary with a low RLIMIT_NOFILE so accept()
// fails with EMFILE. Pasarela must turn extra clients away at once, not spin, say
// why, and accept again soon after descriptors free up.

#include <sys/resource.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <vector>

#include "targetserver.h"
#include "testsocket.h"

using namespace TestSupport;

namespace {

// As under "prlimit --nofile=64": enough for the process and a few dozen sessions, no more.
constexpr rlim_t DescriptorLimit = 64;

// User + system CPU time of a process, in seconds.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after the ")" that ends the command name; utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

} // namespace

class TestFdLimit final : public QObject
{
    Q_OBJECT

private slots:
    void acceptPausesAndResumes();
};

void TestFdLimit::acceptPausesAndResumes()
{
    TargetServer target(TargetServer::echo());
    const quint16 port = freePort();

    QProcess pasarela;
    pasarela.setChildProcessModifier([] {
        const rlimit limit{DescriptorLimit, DescriptorLimit};
        ::setrlimit(RLIMIT_NOFILE, &limit);
    });
    pasarela.setProcessChannelMode(QProcess::MergedChannels);
    pasarela.start(QStringLiteral(PASARELA_BINARY),
                   // One relay thread: with several, one may take the descriptor
                   // freed for turning a client away, and that client then waits.
                   {QStringLiteral("--headless"), QStringLiteral("--workers"), QStringLiteral("1"),
                    QStringLiteral("--forward"),
                    QStringLiteral("%1=127.0.0.1:%2").arg(port).arg(target.port())});
    QByteArray output;
    auto readUntil = [&](const QByteArray &needle, int timeoutMs) {
        QDeadlineTimer deadline(timeoutMs);
        while (!output.contains(needle) && !deadline.hasExpired()) {
            pasarela.waitForReadyRead(50);
            output += pasarela.readAll();
        }
        return output.contains(needle);
    };
    QVERIFY2(readUntil("listening 127.0.0.1:", 10000), output.constData());

    // More clients than descriptors: each relayed one holds two in pasarela. Every
    // client is either relayed (its byte comes back) or turned away at once; none
    // may hang in the backlog.
    std::vector<Socket> clients;
    for (int i = 0; i < int(DescriptorLimit); ++i) {
        Socket client = connectTcp(port);
        QVERIFY(client.isValid());
        QVERIFY(sendAll(client, QByteArrayLiteral("x")));
        clients.push_back(std::move(client));
    }
    int relayed = 0;
    int turnedAway = 0;
    for (const Socket &client : clients) {
        const RecvResult result = recvExactly(client, 1, 2000);
        if (result.end == RecvEnd::Timeout)
            output += pasarela.readAll();
        QVERIFY2(result.end != RecvEnd::Timeout,
                 qPrintable(QStringLiteral("a client hangs instead of being turned away:\n") + QString::fromLocal8Bit(output)));
        (result.end == RecvEnd::Complete ? relayed : turnedAway)++;
    }
    QVERIFY(relayed > 0);
    QVERIFY(turnedAway > 0);
    QVERIFY2(readUntil("too many open files", 5000), output.constData());

    // A client arriving while it is out of descriptors is turned away within the retry
    // interval, not left waiting in the backlog.
    for (int i = 0; i < 3; ++i) {
        Socket extra = connectTcp(port);
        QVERIFY(extra.isValid());
        QElapsedTimer timer;
        timer.start();
        const RecvResult result = recvUntilEof(extra, 2000);
        QVERIFY2(result.end == RecvEnd::Eof || result.end == RecvEnd::Reset, toString(result.end));
        QVERIFY(result.data.isEmpty());
        QVERIFY2(timer.elapsed() < 500, qPrintable(QStringLiteral("turned away after %1 ms").arg(timer.elapsed())));
    }

    // Out of descriptors, it retries on a timer instead of spinning on the ready listener.
    const double before = cpuSeconds(pasarela.processId());
    QTest::qWait(1000);  // a measurement window, not synchronisation
    const double used = cpuSeconds(pasarela.processId()) - before;
    QVERIFY2(before >= 0 && used < 0.2, qPrintable(QStringLiteral("CPU used while out of descriptors: %1 s").arg(used)));

    // Once descriptors free up, new clients get through within a second. Closing the
    // clients frees pasarela's descriptors a moment later, so a client may still be
    // turned away meanwhile: poll with a deadline.
    clients.clear();
    QElapsedTimer freed;
    freed.start();
    QDeadlineTimer deadline(1000);
    bool through = false;
    while (!through && !deadline.hasExpired()) {
        Socket late = connectTcp(port, 500);
        through = late.isValid() && echoRoundTrip(late, QByteArrayLiteral("still here"), 500);
    }
    QVERIFY2(through, "no client got through within 1 s of descriptors freeing up");
    qInfo("a client got through %lld ms after descriptors were freed", freed.elapsed());

    pasarela.terminate();
    QVERIFY(pasarela.waitForFinished(10000));
    QCOMPARE(pasarela.exitStatus(), QProcess::NormalExit);
    QCOMPARE(pasarela.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestFdLimit)
#include "tst_fdlimit.moc"
