// Descriptor exhaustion: run the real binary with a low RLIMIT_NOFILE so accept()
// fails with EMFILE. Pasarela must pause accepting without spinning, say so, and
// accept again soon after descriptors free up.

#include <sys/resource.h>
#include <unistd.h>

#include <QFile>
#include <QProcess>
#include <QTest>

#include <vector>

#include "targetserver.h"
#include "testsocket.h"

using namespace TestSupport;

namespace {

// Enough for the process itself and a handful of sessions, no more.
constexpr rlim_t DescriptorLimit = 40;

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
                   {QStringLiteral("--headless"), QStringLiteral("--forward"),
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

    // More clients than descriptors: each relayed one holds two in pasarela.
    std::vector<Socket> clients;
    for (int i = 0; i < int(DescriptorLimit); ++i) {
        Socket client = connectTcp(port);
        QVERIFY(client.isValid());
        clients.push_back(std::move(client));
    }
    QVERIFY2(readUntil("accepting paused: too many open files", 10000), output.constData());

    // While paused, it retries on a timer instead of spinning on the ready listener.
    const double before = cpuSeconds(pasarela.processId());
    QTest::qWait(1000);  // a measurement window, not synchronisation
    const double used = cpuSeconds(pasarela.processId()) - before;
    QVERIFY2(before >= 0 && used < 0.2, qPrintable(QStringLiteral("CPU used while paused: %1 s").arg(used)));

    clients.clear();
    QVERIFY2(readUntil("accepting again", 3000), output.constData());
    Socket late = connectTcp(port);
    QVERIFY(late.isValid());
    QVERIFY(echoRoundTrip(late, QByteArrayLiteral("still here"), 3000));

    pasarela.terminate();
    QVERIFY(pasarela.waitForFinished(10000));
    QCOMPARE(pasarela.exitStatus(), QProcess::NormalExit);
    QCOMPARE(pasarela.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestFdLimit)
#include "tst_fdlimit.moc"
