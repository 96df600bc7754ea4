// One window per user and rules file: the protocol between two starts, a socket
// left by a crashed instance, and the real program started twice.
#include <QFile>
#include <QLocalServer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <future>

#include "singleinstance.h"

class TestSingleInstance final : public QObject
{
    Q_OBJECT

private slots:
    void secondStartReachesTheFirst_data();
    void secondStartReachesTheFirst();
    void nobodyRunning();
    void staleSocketIsReplaced();
    void namePerRulesFile();
    void realProgramStartedTwice();

private:
    QTemporaryDir m_dir;
};

void TestSingleInstance::secondStartReachesTheFirst_data()
{
    QTest::addColumn<SingleInstance::Request>("request");
    QTest::newRow("show") << SingleInstance::Request::Show;
    QTest::newRow("demo") << SingleInstance::Request::ShowDemo;
}

void TestSingleInstance::secondStartReachesTheFirst()
{
    QFETCH(SingleInstance::Request, request);
    const QString name = m_dir.filePath(QStringLiteral("a.sock"));
    SingleInstance first(name);
    QVERIFY(first.listen());
    QSignalSpy requested(&first, &SingleInstance::requested);

    // The second start blocks while it waits, as in main(); the first answers from its event loop.
    std::future<bool> sent = std::async(std::launch::async, [name, request] {
        return SingleInstance(name).sendToRunning(request);
    });
    QVERIFY(requested.wait(5000));
    QCOMPARE(requested.constFirst().constFirst().value<SingleInstance::Request>(), request);
    QTRY_VERIFY(sent.wait_for(std::chrono::seconds(0)) == std::future_status::ready);
    QVERIFY(sent.get());
}

void TestSingleInstance::nobodyRunning()
{
    QVERIFY(!SingleInstance(m_dir.filePath(QStringLiteral("none.sock"))).sendToRunning(SingleInstance::Request::Show, 500));
}

void TestSingleInstance::staleSocketIsReplaced()
{
    const QString name = m_dir.filePath(QStringLiteral("stale.sock"));
    {
        // A server whose file stays behind, as after a crash.
        QLocalServer crashed;
        QVERIFY(crashed.listen(name));
        crashed.close();
        QFile(name).open(QIODevice::WriteOnly);
    }
    QVERIFY(QFile::exists(name));
    QVERIFY(!SingleInstance(name).sendToRunning(SingleInstance::Request::Show, 500));
    SingleInstance next(name);
    QVERIFY(next.listen());
}

void TestSingleInstance::namePerRulesFile()
{
    QCOMPARE(SingleInstance::nameFor(QStringLiteral("/a/rules.json")), SingleInstance::nameFor(QStringLiteral("/a/rules.json")));
    QVERIFY(SingleInstance::nameFor(QStringLiteral("/a/rules.json")) != SingleInstance::nameFor(QStringLiteral("/b/rules.json")));
}

// The program as a user starts it twice: the second start exits 0 at once and
// says so; the first keeps running.
void TestSingleInstance::realProgramStartedTwice()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    const QString runtime = m_dir.filePath(QStringLiteral("runtime"));
    QVERIFY(QDir().mkpath(runtime));
    QVERIFY(QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    const QString rules = m_dir.filePath(QStringLiteral("rules.json"));
    const QStringList args{QStringLiteral("--config"), rules};

    QProcess first;
    first.setProcessEnvironment(env);
    first.start(QStringLiteral(PASARELA_BINARY), args);
    QVERIFY(first.waitForStarted(10000));
    // Listening once its socket is there (the name depends only on the rules file).
    const QString socket = runtime + QStringLiteral("/") + QFileInfo(SingleInstance::nameFor(rules)).fileName();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socket) || first.state() == QProcess::NotRunning, 10000);
    QVERIFY2(first.state() == QProcess::Running, first.readAllStandardError().constData());

    QProcess second;
    second.setProcessEnvironment(env);
    second.start(QStringLiteral(PASARELA_BINARY), args);
    QVERIFY(second.waitForFinished(10000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
    QVERIFY2(second.readAllStandardError().contains("already running"), "the second start said nothing");
    QCOMPARE(first.state(), QProcess::Running);

    first.terminate();
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitCode(), 0);
}

QTEST_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
