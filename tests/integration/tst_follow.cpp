// Following the cluster with the real binary (issue #18): `pasarela --headless` runs a
// rule made from the cluster while the fake minikube and kubectl change their answers
// under it, as `minikube stop && minikube start` would. Targets are echo servers on
// 127.0.0.2 and 127.0.0.3; a long connection opened before a move keeps its bytes.
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

#include "checks.h"
#include "fakecluster.h"
#include "pasarelaprocess.h"
#include "payload.h"
#include "rules/rulestore.h"
#include "targetserver.h"

using namespace TestSupport;

namespace {

constexpr int CheckS = 1;
// A check period, plus the time a read of the fake cluster and the tick's slack may take.
constexpr int MoveWithinMs = CheckS * 1000 + 4000;

const QByteArray Old = "127.0.0.2";
const QByteArray New = "127.0.0.3";

// A connection through the rule that stays open across a move: what it sends comes back
// (echo) and both directions are hashed, so a byte lost or changed shows at the end.
class LongConnection final
{
public:
    explicit LongConnection(quint16 port) : m_socket(connectTcp(port)) {}
    bool isValid() const { return m_socket.isValid(); }

    // Sends a seeded chunk and reads its echo.
    bool exchange(quint32 seed)
    {
        const QByteArray chunk = randomBytes(seed, 256 * 1024);
        if (!sendAll(m_socket, chunk))
            return false;
        m_sent.addData(chunk);
        const RecvResult echo = recvExactly(m_socket, chunk.size(), 10000);
        m_received.addData(echo.data);
        return echo.end == RecvEnd::Complete;
    }

    // Half-closes, reads to the end: true when every byte came back as sent.
    bool finish()
    {
        shutdownWrite(m_socket);
        const RecvResult rest = recvUntilEof(m_socket, 10000);
        return rest.end == RecvEnd::Eof && rest.data.isEmpty() && m_sent.result() == m_received.result();
    }

private:
    Socket m_socket;
    QCryptographicHash m_sent{QCryptographicHash::Sha256};
    QCryptographicHash m_received{QCryptographicHash::Sha256};
};

// One echo round trip through the rule on a new connection.
bool newConnectionEchoes(quint16 port)
{
    const Socket socket = connectTcp(port);
    return socket.isValid() && echoRoundTrip(socket, QByteArrayLiteral("hello through the rule"));
}

} // namespace

class TestFollow final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void targetMoves_data();
    void targetMoves();
    void unreadableClusterSaidOnce();
    void failedConnectionTriggersCheck();
    void noFollowClusterKeepsTargets();

private:
    // The fakes answer: Minikube's node on `node`, the Service default/web on nodePort.
    Result<void> answer(const QByteArray &node, quint16 nodePort);
    // kubectl cannot reach the API server (as after `minikube stop` behind the profile's back).
    Result<void> answerUnreachable();
    // Starts pasarela --headless on one rule "web" to node:nodePort, made from the
    // cluster; waits for its listening line and for the fakes' first read.
    bool start(const QByteArray &node, quint16 nodePort, int clusterCheckS, const QStringList &extraArgs = {});
    int reads() const { return m_answers->calls(QStringLiteral("kubectl-get-ingresses")); }
    QByteArray moveLine(const QByteArray &from, const QByteArray &to, const char *why, const char *trigger) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeCluster::Answers> m_answers;
    std::unique_ptr<PasarelaProcess> m_pasarela;
    quint16 m_listenPort = 0;
};

void TestFollow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_answers = std::make_unique<FakeCluster::Answers>();
    QVERIFY(m_answers->isValid());
}

void TestFollow::cleanup()
{
    if (m_pasarela && QTest::currentTestFailed())
        qWarning("%s", m_pasarela->transcript().constData());
    m_pasarela.reset();
    m_answers.reset();
    m_dir.reset();
}

Result<void> TestFollow::answer(const QByteArray &node, quint16 nodePort)
{
    return m_answers->set({{QStringLiteral("minikube-profile-list.out"), FakeCluster::minikubeProfiles({QString::fromLatin1(node)})},
                           {QStringLiteral("kubectl-get-services.out"), FakeCluster::webService(nodePort)}});
}

Result<void> TestFollow::answerUnreachable()
{
    return m_answers->set({{QStringLiteral("minikube-profile-list.out"), FakeCluster::minikubeProfiles({QString::fromLatin1(Old)})},
                           {QStringLiteral("kubectl-get-services.err"),
                            "The connection to the server 127.0.0.2:8443 was refused - did you specify the right host or port?"},
                           {QStringLiteral("kubectl-get-services.rc"), "1"}});
}

bool TestFollow::start(const QByteArray &node, quint16 nodePort, int clusterCheckS, const QStringList &extraArgs)
{
    m_listenPort = freePort();
    ForwardRule rule;
    rule.name = QStringLiteral("web");
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), m_listenPort};
    rule.target = Endpoint{QString::fromLatin1(node), nodePort};
    rule.clusterCheckS = clusterCheckS;
    rule.origin = RuleOrigin{QStringLiteral("minikube"), QStringLiteral("minikube"), QStringLiteral("default"),
                             QStringLiteral("web"), QStringLiteral("http"), 8080, nodePort, QStringLiteral("8080"),
                             {{QStringLiteral("app"), QStringLiteral("web")}}};
    const QString rulesPath = m_dir->filePath(QStringLiteral("rules.json"));
    RuleStore store(rulesPath);
    if (const Result<void> saved = store.save({rule}); !saved) {
        qWarning("%s", qPrintable(saved.error()));
        return false;
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), FakeCluster::path());
    env.insert(QStringLiteral("PASARELA_FAKE_CLUSTER_DIR"), FakeCluster::dir());
    env.insert(QStringLiteral("PASARELA_FAKE_CLUSTER_ANSWERS"), m_answers->path());
    env.insert(QStringLiteral("PASARELA_FAKE_CLUSTER_LOG"), m_answers->logPath());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    m_pasarela = std::make_unique<PasarelaProcess>(QStringLiteral(PASARELA_BINARY), env);
    if (!m_pasarela->start(QStringList{QStringLiteral("--headless"), QStringLiteral("--config"), rulesPath} + extraArgs))
        return false;
    if (m_pasarela->waitForLineStartingWith("listening ").isEmpty())
        return false;
    // The rule is read once at start; the tests change the cluster after that read.
    QElapsedTimer clock;
    clock.start();
    while (reads() == 0 && clock.elapsed() < 10000 && m_pasarela->process().state() == QProcess::Running)
        m_pasarela->process().waitForReadyRead(50);
    return reads() > 0 || !extraArgs.isEmpty();
}

QByteArray TestFollow::moveLine(const QByteArray &from, const QByteArray &to, const char *why, const char *trigger) const
{
    return "rule \"web\": target " + from + " -> " + to + " (" + why + "; " + trigger + ")";
}

void TestFollow::targetMoves_data()
{
    QTest::addColumn<bool>("portMoves");  // else the node IP does
    QTest::newRow("node IP 127.0.0.2 -> 127.0.0.3") << false;
    QTest::newRow("node port") << true;
}

// The cluster moves while a connection is open: within a check period the rule follows,
// the line names both addresses, new connections reach the new target, and the open one
// keeps streaming to the old one with every byte intact.
void TestFollow::targetMoves()
{
    QFETCH(bool, portMoves);
    TargetServer before(TargetServer::echo(), 0, Old.constData());
    QVERIFY(before.port() != 0);
    // The same port on the other node, or another port on the same one.
    TargetServer after(TargetServer::echo(), portMoves ? 0 : before.port(), (portMoves ? Old : New).constData());
    QVERIFY2(after.port() != 0, "the port is taken on 127.0.0.3");
    const QByteArray from = Old + ':' + QByteArray::number(before.port());
    const QByteArray to = (portMoves ? Old : New) + ':' + QByteArray::number(after.port());

    QVERIFY_RESULT(answer(Old, before.port()));
    QVERIFY(start(Old, before.port(), CheckS));
    LongConnection open(m_listenPort);
    QVERIFY(open.isValid());
    QVERIFY(open.exchange(1));
    QTRY_COMPARE(before.acceptedCount(), 1);

    QVERIFY_RESULT(answer(portMoves ? Old : New, after.port()));
    QElapsedTimer clock;
    clock.start();
    const QByteArray line = m_pasarela->waitForLineStartingWith("rule \"web\": target", MoveWithinMs);
    QCOMPARE(line, moveLine(from, to, portMoves ? "node port changed" : "node IP changed", "regular check"));
    qInfo("moved %lld ms after the cluster changed", clock.elapsed());

    QVERIFY(newConnectionEchoes(m_listenPort));
    QCOMPARE(after.acceptedCount(), 1);
    // The connection opened before the move still talks to the old target.
    QVERIFY(open.exchange(2));
    QVERIFY(open.exchange(3));
    QVERIFY(open.finish());
    QCOMPARE(before.acceptedCount(), 1);

    QVERIFY(m_pasarela->stop(SIGTERM));
    QCOMPARE(m_pasarela->process().exitCode(), 0);
}

// A cluster that cannot be read: one line over several checks, the old target still used;
// one line again when it comes back.
void TestFollow::unreadableClusterSaidOnce()
{
    TargetServer target(TargetServer::echo(), 0, Old.constData());
    QVERIFY_RESULT(answer(Old, target.port()));
    QVERIFY(start(Old, target.port(), CheckS));

    QVERIFY_RESULT(answerUnreachable());
    const QByteArray said = m_pasarela->waitForLineStartingWith("cluster \"minikube\"", MoveWithinMs);
    QCOMPARE(said, QByteArray("cluster \"minikube\" cannot be read, its rules keep their targets: cannot reach the "
                              "cluster of the kubectl context \"minikube\": The connection to the server "
                              "127.0.0.2:8443 was refused - did you specify the right host or port?; is it running? "
                              "(\"kubectl cluster-info\" says more)"));
    // Three more checks fail the same way: nothing more is said.
    const int failedReads = m_answers->calls(QStringLiteral("kubectl-get-services")) + 3;
    QTRY_VERIFY_WITH_TIMEOUT(m_answers->calls(QStringLiteral("kubectl-get-services")) >= failedReads, 3 * MoveWithinMs);
    QVERIFY(newConnectionEchoes(m_listenPort));
    QCOMPARE(target.acceptedCount(), 1);
    m_pasarela->readLines();
    QCOMPARE(m_pasarela->seen().count("cluster \"minikube\""), 1);

    QVERIFY_RESULT(answer(Old, target.port()));
    QCOMPARE(m_pasarela->waitForLineStartingWith("cluster \"minikube\"", MoveWithinMs),
             QByteArray("cluster \"minikube\" readable again"));
    QVERIFY(!m_pasarela->seen().contains("rule \"web\": target"));
    QVERIFY(m_pasarela->stop(SIGTERM));
}

// With an hour between checks, a connection the old address refuses makes the check:
// the first client fails, a retry soon after reaches the new address.
void TestFollow::failedConnectionTriggersCheck()
{
    TargetServer moved(TargetServer::echo(), 0, New.constData());
    QVERIFY(moved.port() != 0);
    QVERIFY_RESULT(answer(Old, moved.port()));
    QVERIFY(start(Old, moved.port(), 3600));
    QVERIFY_RESULT(answer(New, moved.port()));

    QVERIFY(!newConnectionEchoes(m_listenPort));  // 127.0.0.2 refuses it
    QElapsedTimer clock;
    clock.start();
    bool reached = false;
    while (!reached && clock.elapsed() < 15000) {
        reached = newConnectionEchoes(m_listenPort);
        if (!reached)
            QTest::qWait(200);  // a client's retry interval, not a wait for the program
    }
    QVERIFY(reached);
    qInfo("reached the new address %lld ms after the first failure", clock.elapsed());
    QCOMPARE(moved.acceptedCount(), 1);
    const QByteArray at = ':' + QByteArray::number(moved.port());
    QCOMPARE(m_pasarela->waitForLineStartingWith("rule \"web\": target"),
             moveLine(Old + at, New + at, "node IP changed", "checked after a failed connection"));
    QVERIFY(m_pasarela->stop(SIGTERM));
}

// --no-follow-cluster: the cluster is not read, the target stays.
void TestFollow::noFollowClusterKeepsTargets()
{
    TargetServer target(TargetServer::echo(), 0, Old.constData());
    QVERIFY_RESULT(answer(New, target.port()));
    QVERIFY(start(Old, target.port(), CheckS, {QStringLiteral("--no-follow-cluster")}));
    QVERIFY(newConnectionEchoes(m_listenPort));
    QVERIFY(newConnectionEchoes(m_listenPort));
    QCOMPARE(target.acceptedCount(), 2);
    QCOMPARE(m_answers->calls(QStringLiteral("minikube-profile-list")), 0);
    QVERIFY(m_pasarela->stop(SIGTERM));
    m_pasarela->readLines();
    QVERIFY(!m_pasarela->seen().contains("rule \"web\": target"));
}

QTEST_GUILESS_MAIN(TestFollow)
#include "tst_follow.moc"
