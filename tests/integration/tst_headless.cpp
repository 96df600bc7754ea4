// Drives the real `pasarela` binary the way a user or a service manager would:
// arguments, rules files, exit codes, stdout lines, signals, and bytes through a forward.

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <vector>

#include <signal.h>

#include "checks.h"
#include "pasarelaprocess.h"
#include "processrun.h"
#include "testfiles.h"
#include "testhttpserver.h"

using namespace TestSupport;

namespace {

constexpr int StartTimeoutMs = 10000;
constexpr int ExitTimeoutMs = 10000;
constexpr int LineTimeoutMs = 10000;

QString binary()
{
    return QString::fromUtf8(PASARELA_BINARY);
}

QByteArray num(int value)
{
    return QByteArray::number(value);
}

// Ports that nobody listens on right now (all held open together, so they differ).
QList<quint16> freePorts(int count)
{
    std::vector<std::unique_ptr<QTcpServer>> servers;
    QList<quint16> ports;
    for (int i = 0; i < count; ++i) {
        auto server = std::make_unique<QTcpServer>();
        if (!server->listen(QHostAddress::LocalHost, 0))
            return {};
        ports.append(server->serverPort());
        servers.push_back(std::move(server));
    }
    return ports;
}

// The binary under test, its stdout consumed line by line.
class Pasarela final : public PasarelaProcess
{
public:
    explicit Pasarela(const QProcessEnvironment &env) : PasarelaProcess(binary(), env) {}
};

// A forward with one client connected through it (TestHeadless::startForwarded).
struct Forwarded
{
    QTcpServer target;
    std::unique_ptr<Pasarela> pasarela;
    QTcpSocket client;
    QTcpSocket *upstream = nullptr;
    quint16 listenPort = 0;
};

} // namespace

class TestHeadless final : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void version();
    void help();
    void badArguments_data();
    void badArguments();
    void windowOnly_data();
    void windowOnly();
    void badRulesFile_data();
    void badRulesFile();
    void rulesFileIsADirectory();
    void noRules_data();
    void noRules();
    void missingConfigFile();
    void portInUse();
    void forwardAndStop_data();
    void forwardAndStop();
    void stats();
    void failedConnectionIsReported();
    void refusedConnectionIsReported();
    void globalConnectionLimit_data();
    void globalConnectionLimit();
    void logConnections();
    void logRequests();
    void nothingLostAtStop_data();
    void nothingLostAtStop();
    void demo();

private:
    QString configHome() const { return m_dir->filePath(QStringLiteral("config")); }
    QString defaultRulesPath() const { return configHome() + QStringLiteral("/pasarela/rules.json"); }
    QProcessEnvironment environment() const;
    ProcessRun runToEnd(const QStringList &args) const;
    void expectUntouched(const QString &path, QStringList args, bool defaultLocation, const QString &pattern) const;
    void startForwarded(const QString &option, Forwarded &f);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHeadless::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir().mkpath(configHome() + QStringLiteral("/pasarela")));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("home"))));
}

// The user's real configuration is never read or touched, and no display is needed.
QProcessEnvironment TestHeadless::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome());
    env.insert(QStringLiteral("HOME"), m_dir->filePath(QStringLiteral("home")));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return env;
}

ProcessRun TestHeadless::runToEnd(const QStringList &args) const
{
    ProcessOptions options;
    options.environment = environment();
    options.timeoutMs = ExitTimeoutMs;
    return runProcess(binary(), args, options);
}

void TestHeadless::version()
{
    const ProcessRun o = runToEnd({QStringLiteral("--version")});
    QVERIFY2(o.started, qPrintable(binary()));
    QVERIFY2(o.finished, o.describe().constData());
    QCOMPARE(o.status, QProcess::NormalExit);
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(o.out.trimmed(), QByteArray("pasarela " PASARELA_VERSION));
}

void TestHeadless::help()
{
    const ProcessRun o = runToEnd({QStringLiteral("--help")});
    QVERIFY(o.finished);
    QCOMPARE(o.status, QProcess::NormalExit);
    QCOMPARE(o.exitCode, 0);
    for (const char *option : {"--headless", "--config", "--forward", "--stats", "--max-connections", "--version", "--help"})
        QVERIFY2(o.out.contains(option),
                 QByteArray(QByteArray(option) + " missing from:\n" + o.out).constData());
}

void TestHeadless::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("mentions");  // the message names what is wrong

    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus-option")} << QByteArray("bogus-option");
    QTest::newRow("forward without =") << QStringList{QStringLiteral("--forward"), QStringLiteral("abc")}
                                       << QByteArray("abc");
    QTest::newRow("forward target without port")
        << QStringList{QStringLiteral("--forward"), QStringLiteral("8080=host")} << QByteArray("host");
    QTest::newRow("forward listen port 70000")
        << QStringList{QStringLiteral("--forward"), QStringLiteral("70000=127.0.0.1:80")} << QByteArray("70000");
    QTest::newRow("forward target port 70000")
        << QStringList{QStringLiteral("--forward"), QStringLiteral("8080=127.0.0.1:70000")} << QByteArray("70000");
    QTest::newRow("stats not a number") << QStringList{QStringLiteral("--stats"), QStringLiteral("x")}
                                        << QByteArray("stats");
    QTest::newRow("stats without value") << QStringList{QStringLiteral("--stats")} << QByteArray("stats");
    QTest::newRow("stats 0") << QStringList{QStringLiteral("--stats"), QStringLiteral("0")} << QByteArray("--stats \"0\"");
    QTest::newRow("workers abc") << QStringList{QStringLiteral("--workers"), QStringLiteral("abc")}
                                 << QByteArray("--workers \"abc\"");
    QTest::newRow("workers 0") << QStringList{QStringLiteral("--workers"), QStringLiteral("0")} << QByteArray("--workers \"0\"");
    QTest::newRow("max-connections 0") << QStringList{QStringLiteral("--max-connections"), QStringLiteral("0")}
                                       << QByteArray("--max-connections \"0\"");
    QTest::newRow("max-connections abc") << QStringList{QStringLiteral("--max-connections"), QStringLiteral("abc")}
                                         << QByteArray("--max-connections \"abc\"");
    QTest::newRow("max-connections too many") << QStringList{QStringLiteral("--max-connections"), QStringLiteral("1000001")}
                                              << QByteArray("1-1000000");
    QTest::newRow("max-connections without value") << QStringList{QStringLiteral("--max-connections")}
                                                   << QByteArray("max-connections");
    QTest::newRow("forward empty") << QStringList{QStringLiteral("--forward"), QString()} << QByteArray("--forward");
    QTest::newRow("forward listen port 0")
        << QStringList{QStringLiteral("--forward"), QStringLiteral("0=127.0.0.1:80")} << QByteArray("1-65535");
    QTest::newRow("forward host name to listen on")
        << QStringList{QStringLiteral("--forward"), QStringLiteral("localhost:8080=127.0.0.1:80")} << QByteArray("localhost");
    QTest::newRow("forward IPv6 without brackets")
        << QStringList{QStringLiteral("--forward"), QStringLiteral("::1:8080=127.0.0.1:80")} << QByteArray("::1:8080");
    QTest::newRow("forward two =") << QStringList{QStringLiteral("--forward"), QStringLiteral("8080=127.0.0.1:80=x")}
                                   << QByteArray("8080=127.0.0.1:80=x");
    QTest::newRow("forward target without host")
        << QStringList{QStringLiteral("--forward"), QStringLiteral("8080=:80")} << QByteArray("target");
}

void TestHeadless::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, mentions);

    // A valid forward comes first: if the bad argument were accepted, the program would
    // run (and time out here) instead of exiting 2 for "no rule".
    const QList<quint16> ports = freePorts(1);
    QVERIFY(!ports.isEmpty());
    const QStringList all = QStringList{QStringLiteral("--headless"), QStringLiteral("--forward"),
                                        QString::number(ports[0]) + QStringLiteral("=127.0.0.1:9")}
                            + args;
    const ProcessRun o = runToEnd(all);
    QVERIFY2(o.finished, o.describe().constData());
    QCOMPARE(o.status, QProcess::NormalExit);
    QVERIFY2(o.exitCode == 2, o.describe().constData());
    QVERIFY2(o.err.startsWith("pasarela: "), o.describe().constData());
    QVERIFY2(o.err.contains(mentions), o.describe().constData());
    QVERIFY2(!o.out.contains("listening "), o.describe().constData());
}

void TestHeadless::windowOnly_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("mentions");

    // Without --headless the window opens, which needs a display (there is none here).
    QTest::newRow("no display") << QStringList{} << QByteArray("no display");
    QTest::newRow("forward without --headless")
        << QStringList{QStringLiteral("--forward"), QStringLiteral("8080=127.0.0.1:9")} << QByteArray("need --headless");
    QTest::newRow("stats without --headless")
        << QStringList{QStringLiteral("--stats"), QStringLiteral("5")} << QByteArray("need --headless");
    QTest::newRow("max-connections without --headless")
        << QStringList{QStringLiteral("--max-connections"), QStringLiteral("5")} << QByteArray("need --headless");
    QTest::newRow("log-connections without --headless")
        << QStringList{QStringLiteral("--log-connections")} << QByteArray("need --headless");
    QTest::newRow("log-requests without --headless")
        << QStringList{QStringLiteral("--log-requests")} << QByteArray("need --headless");
}

void TestHeadless::windowOnly()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, mentions);

    const ProcessRun o = runToEnd(args);
    QVERIFY2(o.finished, o.describe().constData());
    QCOMPARE(o.status, QProcess::NormalExit);
    QVERIFY2(o.exitCode == 2, o.describe().constData());
    QVERIFY2(o.err.startsWith("pasarela: "), o.describe().constData());
    QVERIFY2(o.err.contains(mentions) && o.err.contains("--headless"), o.describe().constData());
}

void TestHeadless::badRulesFile_data()
{
    QTest::addColumn<QByteArray>("content");  // what the file holds
    QTest::addColumn<bool>("defaultLocation");
    QTest::addColumn<QString>("pattern");  // what stderr must also say, besides the file name

    const QByteArray broken = "{\"version\": 1, \"rules\": [\n"
                              "  {\"name\": \"a\",\n"
                              "   \"listen\": }\n"
                              "]}\n";
    // The parse error is on line 3; line/column in any usual spelling.
    const QString line3 = QStringLiteral(R"((?i)(line 3\b|:3:\d+))");
    QTest::newRow("broken JSON, --config") << broken << false << line3;
    QTest::newRow("broken JSON, default location") << broken << true << line3;
    QTest::newRow("trailing comma")
        << QByteArray("{\"version\": 1,\n \"rules\": [],\n}\n") << false << QStringLiteral(R"(not valid JSON at line 3, column \d+: )");
    QTest::newRow("not an object") << QByteArray("[1, 2, 3]\n") << false << QStringLiteral("expected a JSON object");
    QTest::newRow("listen is a number")
        << QByteArray(R"({"version": 1, "rules": [{"name": "a", "listen": 80, "target": "127.0.0.1:80"}]})")
        << false << QStringLiteral(R"(rule 1 \("a"\): field "listen": expected a string, got a number)");
    QTest::newRow("rules is an object") << QByteArray(R"({"version": 1, "rules": {}})") << false
                                        << QStringLiteral(R"("rules" must be a list of rule objects, got an object)");
    QTest::newRow("rule is a string") << QByteArray(R"({"version": 1, "rules": ["a"]})") << false
                                      << QStringLiteral("rule 1: expected a rule object");
    QTest::newRow("listen port 0")
        << QByteArray(R"({"version": 1, "rules": [{"name": "a", "listen": "127.0.0.1:0", "target": "127.0.0.1:80"}]})")
        << false << QStringLiteral(R"(rule 1 \("a"\): field "listen": .*1-65535)");
    QTest::newRow("listen port 70000")
        << QByteArray(R"({"version": 1, "rules": [{"name": "a", "listen": "127.0.0.1:70000", "target": "127.0.0.1:80"}]})")
        << false << QStringLiteral(R"(rule 1 \("a"\): field "listen": .*70000.*1-65535)");
    QTest::newRow("target port 70000")
        << QByteArray(R"({"version": 1, "rules": [{"name": "a", "listen": "127.0.0.1:8080", "target": "127.0.0.1:70000"}]})")
        << false << QStringLiteral(R"(rule 1 \("a"\): field "target": .*70000)");
    QTest::newRow("CIDR /33")
        << QByteArray(R"({"version": 1, "rules": [{"name": "a", "listen": "127.0.0.1:8080", "target": "127.0.0.1:80", )"
                      R"("allow": ["10.0.0.0/33"]}]})")
        << false << QStringLiteral(R"(rule 1 \("a"\): field "allow": "10.0.0.0/33": prefix length must be 0-32)");
    QTest::newRow("version 99") << QByteArray(R"({"version": 99, "rules": []})") << false
                                << QStringLiteral("version 99 is newer than this Pasarela understands");
    QTest::newRow("version is text") << QByteArray(R"({"version": "1", "rules": []})") << false
                                     << QStringLiteral(R"("version" must be a number)");
    QTest::newRow("same listen address twice")
        << QByteArray(R"({"version": 1, "rules": [{"name": "a", "listen": "127.0.0.1:8080", "target": "127.0.0.1:80"},)"
                      R"( {"name": "b", "listen": "127.0.0.1:8080", "target": "127.0.0.1:81"}]})")
        << false << QStringLiteral(R"(rules 1 \("a"\) and 2 \("b"\) both listen on 127.0.0.1:8080)");
    QTest::newRow("empty file") << QByteArray() << false << QStringLiteral("the file is empty");
    QTest::newRow("only whitespace") << QByteArray(" \n\t\r\n  ") << false << QStringLiteral("the file is empty");
    QTest::newRow("maxConnections 0") << QByteArray(R"({"version": 1, "maxConnections": 0, "rules": []})") << false
                                      << QStringLiteral(R"("maxConnections" .*from 1 to 1000000, got 0)");
    QTest::newRow("maxConnections text") << QByteArray(R"({"version": 1, "maxConnections": "many", "rules": []})") << false
                                         << QStringLiteral(R"("maxConnections" .*got a string)");
}

void TestHeadless::badRulesFile()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, defaultLocation);
    QFETCH(QString, pattern);

    const QString path = defaultLocation ? defaultRulesPath() : m_dir->filePath(QStringLiteral("my-rules.json"));
    QVERIFY_RESULT(writeFile(path, content));
    expectUntouched(path, {QStringLiteral("--headless")}, defaultLocation, pattern);
}

void TestHeadless::rulesFileIsADirectory()
{
    const QString path = m_dir->filePath(QStringLiteral("rules.json"));
    QVERIFY(QDir().mkpath(path));
    expectUntouched(path, {QStringLiteral("--headless")}, false, QStringLiteral("cannot read the file"));
    QVERIFY(QFileInfo(path).isDir());
}

// Runs pasarela on a bad rules file: exit 2, a message naming the file, and the
// file (and its folder) exactly as before, modification time included.
void TestHeadless::expectUntouched(const QString &path, QStringList args, bool defaultLocation,
                                   const QString &pattern) const
{
    // An old time, so a rewrite within the same second would still show.
    const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-100);
    if (!QFileInfo(path).isDir()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(old, QFileDevice::FileModificationTime));
    }
    const QByteArray bytesBefore = readFile(path);
    const QDateTime mtimeBefore = QFileInfo(path).lastModified();
    const QDir folder = QFileInfo(path).dir();
    const QStringList entriesBefore = folder.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);

    if (!defaultLocation)
        args << QStringLiteral("--config") << path;
    const ProcessRun o = runToEnd(args);
    QVERIFY2(o.finished, o.describe().constData());
    QCOMPARE(o.status, QProcess::NormalExit);
    QVERIFY2(o.exitCode == 2, o.describe().constData());
    QVERIFY2(o.err.startsWith(QByteArray("pasarela: " + path.toUtf8() + ": ")), o.describe().constData());
    if (!pattern.isEmpty())
        QVERIFY2(QString::fromUtf8(o.err).contains(QRegularExpression(pattern)), o.describe().constData());
    QVERIFY2(!o.out.contains("listening "), o.describe().constData());

    // Never modified, moved or accompanied by new files.
    QCOMPARE(readFile(path), bytesBefore);
    QCOMPARE(QFileInfo(path).lastModified(), mtimeBefore);
    QCOMPARE(folder.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), entriesBefore);
}

void TestHeadless::noRules_data()
{
    QTest::addColumn<QByteArray>("content");  // default rules file; empty: none

    QTest::newRow("no rules file") << QByteArray();
    QTest::newRow("empty rule list") << QByteArray(R"({"version": 1, "rules": []})");
    QTest::newRow("only disabled rules") << QByteArray(
        R"({"version": 1, "rules": [{"name": "off", "listen": "127.0.0.1:1", "target": "127.0.0.1:2", "enabled": false}]})");
}

void TestHeadless::noRules()
{
    QFETCH(QByteArray, content);
    if (!content.isEmpty())
        QVERIFY_RESULT(writeFile(defaultRulesPath(), content));

    const ProcessRun o = runToEnd({QStringLiteral("--headless")});
    QVERIFY2(o.finished, o.describe().constData());
    QCOMPARE(o.status, QProcess::NormalExit);
    QVERIFY2(o.exitCode == 2, o.describe().constData());
    QVERIFY2(o.err.startsWith("pasarela: "), o.describe().constData());
    if (content.isEmpty())
        QVERIFY2(!QFile::exists(defaultRulesPath()), "a rules file was created");
    else
        QCOMPARE(readFile(defaultRulesPath()), content);
}

// A --config file that does not exist is reported, and never created.
void TestHeadless::missingConfigFile()
{
    const QString path = m_dir->filePath(QStringLiteral("missing.json"));
    const ProcessRun alone = runToEnd({QStringLiteral("--headless"), QStringLiteral("--config"), path});
    QVERIFY2(alone.finished && alone.exitCode == 2, alone.describe().constData());
    QVERIFY2(alone.err.contains(QByteArray(path.toLocal8Bit() + " does not exist")), alone.describe().constData());

    // With --forward it runs those, after saying the file is missing.
    Pasarela p(environment());
    QVERIFY(p.start({QStringLiteral("--headless"), QStringLiteral("--config"), path, QStringLiteral("--forward"),
                     QStringLiteral("%1=127.0.0.1:9").arg(freePorts(1).value(0))}));
    QVERIFY(!p.waitForLineStartingWith("listening ").isEmpty());
    QVERIFY(!QFile::exists(path));
}

void TestHeadless::portInUse()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const QByteArray address = "127.0.0.1:" + num(occupant.serverPort());

    const ProcessRun o = runToEnd({QStringLiteral("--headless"), QStringLiteral("--forward"),
                                QString::number(occupant.serverPort()) + QStringLiteral("=127.0.0.1:9")});
    QVERIFY2(o.finished, o.describe().constData());
    QCOMPARE(o.status, QProcess::NormalExit);
    QVERIFY2(o.exitCode == 3, o.describe().constData());
    QVERIFY2(o.err.startsWith("pasarela: "), o.describe().constData());
    QVERIFY2(o.err.contains(address), o.describe().constData());
    QVERIFY2(o.err.toLower().contains("address already in use"), o.describe().constData());
}

void TestHeadless::forwardAndStop_data()
{
    QTest::addColumn<bool>("ipv6");
    QTest::addColumn<int>("signal");

    QTest::newRow("IPv4, SIGTERM") << false << int(SIGTERM);
    QTest::newRow("IPv4, SIGINT") << false << int(SIGINT);
    QTest::newRow("IPv6, SIGTERM") << true << int(SIGTERM);
}

void TestHeadless::forwardAndStop()
{
    QFETCH(bool, ipv6);
    QFETCH(int, signal);

    const QHostAddress loopback = ipv6 ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost;
    const QByteArray host = ipv6 ? "[::1]" : "127.0.0.1";

    // The target echoes every byte back.
    QTcpServer target;
    if (!target.listen(loopback, 0)) {
        QVERIFY(ipv6);
        QSKIP("no IPv6 loopback here");
    }
    connect(&target, &QTcpServer::newConnection, this, [&target] {
        while (QTcpSocket *peer = target.nextPendingConnection())
            connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
    });

    QTcpServer probe;
    QVERIFY(probe.listen(loopback, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    const QByteArray listen = host + ':' + num(port);
    const QByteArray to = host + ':' + num(target.serverPort());
    Pasarela p(environment());
    // The listen side spelled as [ADDR:]PORT: plain PORT means 127.0.0.1.
    const QByteArray spec = (ipv6 ? listen : num(port)) + '=' + to;
    QVERIFY(p.start({QStringLiteral("--headless"), QStringLiteral("--forward"), QString::fromLatin1(spec)}));
    const QByteArray line = p.waitForLineStartingWith("listening ");
    QVERIFY2(line == QByteArray("listening " + listen + " -> " + to), p.transcript().constData());

    QTcpSocket client;
    QByteArray received;
    connect(&client, &QTcpSocket::readyRead, this, [&] { received += client.readAll(); });
    client.connectToHost(loopback, port);
    QVERIFY(client.waitForConnected(5000));

    QByteArray payload(256 * 1024, Qt::Uninitialized);
    for (int i = 0; i < payload.size(); ++i)
        payload[i] = char((i * 7) ^ (i >> 9));
    client.write(payload);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), payload.size(), 10000);
    QVERIFY(received == payload);

    QVERIFY2(p.stop(signal), p.transcript().constData());
    QCOMPARE(p.process().exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.process().exitCode() == 0, p.transcript().constData());
}

void TestHeadless::stats()
{
    const QList<quint16> ports = freePorts(2);
    QVERIFY(!ports.isEmpty());
    Pasarela p(environment());
    QVERIFY(p.start({QStringLiteral("--headless"), QStringLiteral("--stats"), QStringLiteral("1"),
                     QStringLiteral("--forward"),
                     QString::number(ports[0]) + QStringLiteral("=127.0.0.1:") + QString::number(ports[1])}));
    QVERIFY2(!p.waitForLineStartingWith("listening ").isEmpty(), p.transcript().constData());
    const QByteArray line = p.waitForLineStartingWith("stats ", 5000);
    QVERIFY2(!line.isEmpty(), p.transcript().constData());
    qInfo("%s", line.constData());

    QVERIFY(p.stop(SIGTERM));
    QCOMPARE(p.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.process().exitCode(), 0);
}

void TestHeadless::failedConnectionIsReported()
{
    const QList<quint16> ports = freePorts(2);  // [1] stays closed: the target refuses
    QVERIFY(!ports.isEmpty());
    Pasarela p(environment());
    QVERIFY(p.start({QStringLiteral("--headless"), QStringLiteral("--forward"),
                     QString::number(ports[0]) + QStringLiteral("=127.0.0.1:") + QString::number(ports[1])}));
    QVERIFY2(!p.waitForLineStartingWith("listening ").isEmpty(), p.transcript().constData());

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, ports[0]);
    QVERIFY(client.waitForConnected(5000));
    const QByteArray clientAddress = "127.0.0.1:" + num(client.localPort());

    const QByteArray line = p.waitForLineStartingWith("failed ");
    QVERIFY2(!line.isEmpty(), p.transcript().constData());
    qInfo("%s", line.constData());
    QVERIFY2(line.contains(clientAddress), line.constData());
    QVERIFY2(line.toLower().contains("refused"), line.constData());
    QVERIFY(client.state() == QAbstractSocket::UnconnectedState || client.waitForDisconnected(5000));

    QVERIFY(p.stop(SIGTERM));
    QCOMPARE(p.process().exitCode(), 0);
}

void TestHeadless::refusedConnectionIsReported()
{
    const QList<quint16> ports = freePorts(2);
    QVERIFY(!ports.isEmpty());
    // Only a documentation network may connect, so loopback clients are refused.
    const QByteArray rules = R"({"version": 1, "rules": [{"name": "lan only", "listen": "127.0.0.1:)"
                             + num(ports[0]) + R"(", "target": "127.0.0.1:)" + num(ports[1])
                             + R"(", "enabled": true, "allow": ["192.0.2.0/24"]}]})";
    const QString path = m_dir->filePath(QStringLiteral("rules.json"));
    QVERIFY_RESULT(writeFile(path, rules));

    Pasarela p(environment());
    QVERIFY(p.start({QStringLiteral("--headless"), QStringLiteral("--config"), path}));
    const QByteArray listening = p.waitForLineStartingWith("listening ");
    QVERIFY2(listening == QByteArray("listening 127.0.0.1:" + num(ports[0]) + " -> 127.0.0.1:" + num(ports[1])),
             p.transcript().constData());

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, ports[0]);
    QVERIFY(client.waitForConnected(5000));
    const QByteArray clientAddress = "127.0.0.1:" + num(client.localPort());

    const QByteArray line = p.waitForLineStartingWith("refused ");
    QVERIFY2(!line.isEmpty(), p.transcript().constData());
    qInfo("%s", line.constData());
    QVERIFY2(line.contains(clientAddress), line.constData());
    QVERIFY(client.state() == QAbstractSocket::UnconnectedState || client.waitForDisconnected(5000));

    QVERIFY(p.stop(SIGTERM));
    QCOMPARE(p.process().exitCode(), 0);
    QCOMPARE(readFile(path), rules);
}

void TestHeadless::globalConnectionLimit_data()
{
    QTest::addColumn<QString>("option");   // --max-connections; empty: not given
    QTest::addColumn<QByteArray>("fileKey");  // the rules file's top-level key; empty: none
    QTest::addColumn<int>("expected");

    QTest::newRow("--max-connections") << QStringLiteral("1") << QByteArray() << 1;
    QTest::newRow("rules file") << QString() << QByteArray(R"("maxConnections": 1, )") << 1;
    QTest::newRow("option over file") << QStringLiteral("1") << QByteArray(R"("maxConnections": 50, )") << 1;
}

// The limit counts across rules: the second client, on another rule, is turned away.
void TestHeadless::globalConnectionLimit()
{
    QFETCH(QString, option);
    QFETCH(QByteArray, fileKey);
    QFETCH(int, expected);

    // The kernel completes the upstream handshakes into the backlog: enough to hold them open.
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    const QList<quint16> ports = freePorts(2);
    QVERIFY(!ports.isEmpty());
    const QByteArray rules = "{" + fileKey + R"("version": 1, "rules": [{"name": "a", "listen": "127.0.0.1:)"
                             + num(ports[0]) + R"(", "target": "127.0.0.1:)" + num(target.serverPort())
                             + R"("}]})";
    const QString path = m_dir->filePath(QStringLiteral("rules.json"));
    QVERIFY_RESULT(writeFile(path, rules));

    QStringList args{QStringLiteral("--headless"), QStringLiteral("--config"), path, QStringLiteral("--forward"),
                     QString::number(ports[1]) + QStringLiteral("=127.0.0.1:") + QString::number(target.serverPort())};
    if (!option.isEmpty())
        args << QStringLiteral("--max-connections") << option;
    Pasarela p(environment());
    QVERIFY(p.start(args));
    QVERIFY2(!p.waitForLineStartingWith("listening ").isEmpty(), p.transcript().constData());
    QVERIFY2(!p.waitForLineStartingWith("listening ").isEmpty(), p.transcript().constData());

    QTcpSocket first;
    first.connectToHost(QHostAddress::LocalHost, ports[0]);
    QVERIFY(first.waitForConnected(5000));
    QTRY_VERIFY(target.hasPendingConnections());  // relayed: it counts

    QTcpSocket second;
    second.connectToHost(QHostAddress::LocalHost, ports[1]);
    QVERIFY(second.waitForConnected(5000));
    const QByteArray expectedLine = "refused 127.0.0.1:" + num(second.localPort()) + " -> 127.0.0.1:" + num(ports[1])
                                    + ": global connection limit (" + num(expected) + ") reached";
    const QByteArray line = p.waitForLineStartingWith("refused ");
    QVERIFY2(line == expectedLine, p.transcript().constData());
    QVERIFY(second.state() == QAbstractSocket::UnconnectedState || second.waitForDisconnected(5000));
    QCOMPARE(first.state(), QAbstractSocket::ConnectedState);

    QVERIFY(p.stop(SIGTERM));
    QCOMPARE(p.process().exitCode(), 0);
    QCOMPARE(readFile(path), rules);
}

QTEST_GUILESS_MAIN(TestHeadless)
// pasarela --headless OPTION --forward PORT=target, and one client connected through
// it, its upstream accepted: the start of the --log-* cases.
void TestHeadless::startForwarded(const QString &option, Forwarded &f)
{
    QVERIFY(f.target.listen(QHostAddress::LocalHost, 0));
    const QList<quint16> ports = freePorts(1);
    QVERIFY(!ports.isEmpty());
    f.listenPort = ports[0];
    f.pasarela = std::make_unique<Pasarela>(environment());
    QVERIFY(f.pasarela->start({QStringLiteral("--headless"), option, QStringLiteral("--forward"),
                               QString::number(f.listenPort) + QStringLiteral("=127.0.0.1:")
                                   + QString::number(f.target.serverPort())}));
    QVERIFY2(!f.pasarela->waitForLineStartingWith("listening ").isEmpty(), f.pasarela->transcript().constData());
    f.client.connectToHost(QHostAddress::LocalHost, f.listenPort);
    QVERIFY(f.client.waitForConnected(5000));
    QVERIFY(f.target.waitForNewConnection(5000));
    f.upstream = f.target.nextPendingConnection();
}

// One line per closed connection, naming both ends of both legs, so a user can
// match it with a capture.
void TestHeadless::logConnections()
{
    Forwarded f;
    startForwarded(QStringLiteral("--log-connections"), f);
    if (QTest::currentTestFailed())
        return;
    Pasarela &p = *f.pasarela;
    QTcpServer &target = f.target;
    QTcpSocket &client = f.client;
    QTcpSocket *upstream = f.upstream;
    const quint16 listenPort = f.listenPort;
    const quint16 upstreamPort = upstream->peerPort();
    const quint16 clientPort = client.localPort();
    client.write("hello");
    QVERIFY(client.waitForBytesWritten(5000));
    QDeadlineTimer deadline(5000);
    QByteArray received;
    while (received.size() < 5 && upstream->waitForReadyRead(int(deadline.remainingTime())))
        received += upstream->readAll();
    QCOMPARE(received, QByteArray("hello"));
    upstream->write("abc");
    QVERIFY(upstream->waitForBytesWritten(5000));
    QVERIFY(client.waitForReadyRead(5000));
    QCOMPARE(client.readAll(), QByteArray("abc"));
    // The client ends first; the target closes once the relay passed the end on.
    client.disconnectFromHost();
    QVERIFY(upstream->state() == QAbstractSocket::UnconnectedState || upstream->waitForDisconnected(5000));
    upstream->close();

    const QByteArray line = p.waitForLineStartingWith("connection ");
    QVERIFY2(!line.isEmpty(), p.transcript().constData());
    qInfo("%s", line.constData());
    const QRegularExpression expected(
        QStringLiteral(R"(^connection "forward 127\.0\.0\.1:%1": 127\.0\.0\.1:%2 -> 127\.0\.0\.1:%1 => )"
                       R"(127\.0\.0\.1:%3 -> 127\.0\.0\.1:%4, client closed after \d+ ms, up 5 bytes, down 3 bytes$)")
            .arg(listenPort)
            .arg(clientPort)
            .arg(upstreamPort)
            .arg(target.serverPort()));
    QVERIFY2(expected.match(QString::fromUtf8(line)).hasMatch(), line.constData());
    QVERIFY(p.stop(SIGTERM));
    QCOMPARE(p.process().exitCode(), 0);
}

// --log-requests inspects a rule that would not by default (its target is no HTTP
// port): a line per request on a keep-alive connection, and one for a TLS hello.
void TestHeadless::logRequests()
{
    Forwarded f;
    startForwarded(QStringLiteral("--log-requests"), f);
    if (QTest::currentTestFailed())
        return;
    Pasarela &p = *f.pasarela;
    QTcpServer &target = f.target;
    QTcpSocket &client = f.client;
    QTcpSocket *upstream = f.upstream;
    const quint16 listenPort = f.listenPort;
    // One exchange: the request must reach the target whole before it answers.
    const auto exchange = [&](const QByteArray &request, const QByteArray &response) {
        client.write(request);
        client.waitForBytesWritten(5000);
        QByteArray received;
        QDeadlineTimer deadline(5000);
        while (received.size() < request.size() && upstream->waitForReadyRead(int(deadline.remainingTime())))
            received += upstream->readAll();
        upstream->write(response);
        upstream->waitForBytesWritten(5000);
        QByteArray answer;
        while (answer.size() < response.size() && client.waitForReadyRead(int(deadline.remainingTime())))
            answer += client.readAll();
        return received == request && answer == response;
    };
    QVERIFY(exchange("GET /api/v1/items HTTP/1.1\r\nHost: api.local\r\n\r\n",
                     "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"));
    QVERIFY(exchange("GET /missing?x=1 HTTP/1.1\r\nHost: api.local:8080\r\n\r\n",
                     "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found"));

    const QString prefix = QStringLiteral(R"(^request "forward 127\.0\.0\.1:%1": 127\.0\.0\.1:%2 )")
                               .arg(listenPort)
                               .arg(client.localPort());
    const QRegularExpression first(prefix + QStringLiteral(R"(GET api\.local /api/v1/items -> 200 in \d+ ms )"
                                                           R"(\(first byte \d+ ms\), 5 bytes$)"));
    const QRegularExpression second(prefix + QStringLiteral(R"(GET api\.local:8080 /missing\?x=1 -> 404 in \d+ ms )"
                                                            R"(\(first byte \d+ ms\), 9 bytes$)"));
    QByteArray line = p.waitForLineStartingWith("request ");
    QVERIFY2(first.match(QString::fromUtf8(line)).hasMatch(), p.transcript().constData());
    line = p.waitForLineStartingWith("request ");
    QVERIFY2(second.match(QString::fromUtf8(line)).hasMatch(), p.transcript().constData());

    // A ClientHello through the same rule; the target never answers it.
    QSslSocket tls;
    QSslConfiguration config = tls.sslConfiguration();
    config.setAllowedNextProtocols({QByteArrayLiteral("h2"), QByteArrayLiteral("http/1.1")});
    tls.setSslConfiguration(config);
    tls.setPeerVerifyName(QStringLiteral("api.local"));
    tls.connectToHostEncrypted(QStringLiteral("127.0.0.1"), listenPort);
    QTRY_VERIFY_WITH_TIMEOUT(target.hasPendingConnections(), 5000);
    QTcpSocket *tlsUpstream = target.nextPendingConnection();
    QTRY_VERIFY_WITH_TIMEOUT(tlsUpstream->bytesAvailable() > 0, 5000);
    line = p.waitForLineStartingWith("tls ");
    const QByteArray expected = "tls \"forward 127.0.0.1:" + num(listenPort) + "\": 127.0.0.1:" + num(tls.localPort())
                                + " server name api.local, alpn h2,http/1.1";
    QVERIFY2(line == expected, p.transcript().constData());

    QVERIFY(p.stop(SIGTERM));
    QCOMPARE(p.process().exitCode(), 0);
}

void TestHeadless::nothingLostAtStop_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

// With --log-connections --log-requests, a request that curl finished just before the
// signal is printed, and so is a connection the stop itself ends ("rule stopped"), with
// its request: the last snapshot is not lost with the process.
void TestHeadless::nothingLostAtStop()
{
    QFETCH(int, signal);
    TestHttpServer server;
    QVERIFY(server.listen());
    const quint16 port = freePorts(1).value(0);
    QVERIFY(port != 0);
    Pasarela p(environment());
    QVERIFY(p.start({QStringLiteral("--headless"), QStringLiteral("--log-connections"), QStringLiteral("--log-requests"),
                     QStringLiteral("--forward"), QStringLiteral("%1=127.0.0.1:%2").arg(port).arg(server.port())}));
    QVERIFY2(!p.waitForLineStartingWith("listening ").isEmpty(), p.transcript().constData());

    // A keep-alive client that stays connected through the stop.
    QTcpSocket held;
    held.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(held.waitForConnected(5000));
    held.write("GET /api/v1/items HTTP/1.1\r\nHost: api.local\r\n\r\n");
    QByteArray answer;
    QDeadlineTimer deadline(5000);
    while (!answer.endsWith('}') && held.waitForReadyRead(int(deadline.remainingTime())))
        answer += held.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 200 ") && answer.endsWith('}'), answer.constData());

    // One request with curl, then the signal at once.
    const ProcessRun curl = runProcess(QStringLiteral("curl"),
                                       {QStringLiteral("-sS"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                        QStringLiteral("-w"), QStringLiteral("%{http_code} %{local_port}"),
                                        QStringLiteral("-H"), QStringLiteral("Host: api.local"),
                                        QStringLiteral("http://127.0.0.1:%1/api/v1/items").arg(port)});
    QVERIFY(p.stop(signal));
    QVERIFY2(curl.exitCode == 0 && curl.outText().startsWith(QStringLiteral("200 ")), curl.describe().constData());
    const QString curlPort = curl.outText().section(u' ', 1);
    QCOMPARE(p.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.process().exitCode(), 0);

    QStringList lines;
    for (QByteArray line; !(line = p.waitForLine([](const QByteArray &) { return true; }, 1000)).isEmpty();)
        lines.append(QString::fromUtf8(line));
    const QString log = lines.join(u'\n');
    const auto hasLine = [&](const QString &pattern) {
        return !lines.filter(QRegularExpression(pattern)).isEmpty();
    };
    const QString prefix = QStringLiteral(R"(^%1 "forward 127\.0\.0\.1:%2": 127\.0\.0\.1:%3 )");
    const QString heldPort = QString::number(held.localPort());
    const QString request = QStringLiteral(R"(GET api\.local /api/v1/items -> 200 in \d+ ms)");
    QVERIFY2(hasLine(prefix.arg(QStringLiteral("request")).arg(port).arg(curlPort) + request), qPrintable(log));
    QVERIFY2(hasLine(prefix.arg(QStringLiteral("request")).arg(port).arg(heldPort) + request), qPrintable(log));
    // curl's connection ended before the stop; which side the relay saw end first
    // depends on how fast the signal came.
    QVERIFY2(hasLine(prefix.arg(QStringLiteral("connection")).arg(port).arg(curlPort)
                     + QStringLiteral(R"(.* (client closed|rule stopped) after \d+ ms)")),
             qPrintable(log));
    QVERIFY2(hasLine(prefix.arg(QStringLiteral("connection")).arg(port).arg(heldPort)
                     + QStringLiteral(R"(.* rule stopped after \d+ ms, up \d+ bytes, down \d+ bytes$)")),
             qPrintable(log));
}

// --demo alone runs: the demo ingress answers through the rule on 31042, and
// nothing is written to the rules file.
void TestHeadless::demo()
{
    Pasarela p(environment());
    QVERIFY(p.start({QStringLiteral("--headless"), QStringLiteral("--demo")}));
    // The hint is printed before the event loop runs, so before the listener is ready.
    const QByteArray hint = p.waitForLineStartingWith("demo ingress on 127.0.0.1:");
    QVERIFY2(hint.contains("curl") && hint.contains("Host: api.local") && hint.contains("/api/v1/items"),
             p.transcript().constData());
    const QByteArray listening = p.waitForLineStartingWith("listening ");
    QVERIFY2(listening.startsWith("listening 127.0.0.1:31042 -> 127.0.0.1:"), p.transcript().constData());

    const auto get = [](const QByteArray &host, const QByteArray &path) -> QByteArray {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, 31042);
        if (!socket.waitForConnected(5000))
            return QByteArray("not connected");
        socket.write("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (socket.waitForReadyRead(5000))
            answer += socket.readAll();
        return answer + socket.readAll();
    };
    const QByteArray items = get("api.local", "/api/v1/items");
    QVERIFY2(items.startsWith("HTTP/1.1 200 "), items.constData());
    QVERIFY2(items.contains("application/json") && items.contains("\"pod\"") && items.contains("api-"), items.constData());
    const QByteArray unknown = get("shop.local", "/");
    QVERIFY2(unknown.startsWith("HTTP/1.1 404 ") && unknown.endsWith("default backend - 404"), unknown.constData());

    QVERIFY(p.stop(SIGTERM));
    QCOMPARE(p.process().exitCode(), 0);
    QVERIFY(!QFileInfo::exists(defaultRulesPath()));
}

#include "tst_headless.moc"
