// readCluster against the fake minikube and kubectl, one case per way a cluster looks.
#include <atomic>
#include <thread>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "checks.h"
#include "cluster/clusterplan.h"
#include "cluster/clusterreader.h"
#include "fakecluster.h"

class TestClusterReader final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void running();
    void ipv6();
    void noIngressController();
    void failures_data();
    void failures();
    void explicitContext();
    void minikubeMissing();
    void otherClusterUsesItsNode();
    void multiNodeMinikube();
    void nodesNotReadable();
    void kubectlMissing();
    void timeout();
    void cancel();

private:
    QByteArray m_path;
};

void TestClusterReader::initTestCase()
{
    m_path = FakeCluster::path().toLocal8Bit();
    qputenv("PASARELA_FAKE_CLUSTER_DIR", FakeCluster::dir().toLocal8Bit());
}

void TestClusterReader::init()
{
    qputenv("PATH", m_path);
    qputenv("PASARELA_FAKE_CLUSTER", "running");
}

void TestClusterReader::running()
{
    const Result<ClusterInfo> info = readCluster();
    QVERIFY_RESULT(info);
    QCOMPARE(info.value().context, QStringLiteral("minikube"));
    QCOMPARE(info.value().profile, QStringLiteral("minikube"));
    QCOMPARE(info.value().nodeIp, QStringLiteral("192.168.49.2"));
    QCOMPARE(info.value().profiles.size(), 2);
    QCOMPARE(info.value().profiles.at(1).status, QStringLiteral("Stopped"));
    QVERIFY(info.value().controller.found());
    QCOMPARE(info.value().controller.httpNodePort, quint16(31589));
    QCOMPARE(info.value().controller.httpsNodePort, quint16(32091));
    QCOMPARE(info.value().services.size(), 4);
    QCOMPARE(info.value().ingresses.size(), 2);
    QVERIFY2(info.value().notes.isEmpty(), qPrintable(info.value().notes.join(u'\n')));
}

void TestClusterReader::ipv6()
{
    qputenv("PASARELA_FAKE_CLUSTER", "ipv6");
    const Result<ClusterInfo> info = readCluster();
    QVERIFY_RESULT(info);
    QCOMPARE(info.value().nodeIp, QStringLiteral("fd00:49::2"));
}

void TestClusterReader::noIngressController()
{
    qputenv("PASARELA_FAKE_CLUSTER", "no-ingress");
    const Result<ClusterInfo> info = readCluster();
    QVERIFY_RESULT(info);
    QVERIFY(!info.value().controller.found());
    QCOMPARE(info.value().services.size(), 3);
    QVERIFY(info.value().ingresses.isEmpty());
    QCOMPARE(info.value().notes.size(), 1);
    QVERIFY2(info.value().notes.constFirst().contains(QStringLiteral("minikube addons enable ingress")),
             qPrintable(info.value().notes.constFirst()));
}

void TestClusterReader::failures_data()
{
    QTest::addColumn<QByteArray>("fakeCase");
    QTest::addColumn<QString>("message");

    QTest::newRow("stopped") << QByteArray("stopped")
                             << QStringLiteral("the Minikube profile \"minikube\" is stopped: start it with \"minikube start -p minikube\"");
    QTest::newRow("unreachable") << QByteArray("unreachable")
                                 << QStringLiteral("cannot reach the cluster of the kubectl context \"prod-eu\": Unable to connect "
                                                   "to the server: dial tcp 10.20.0.1:6443: i/o timeout; is it running? "
                                                   "(\"kubectl cluster-info\" says more)");
    QTest::newRow("no context") << QByteArray("no-context")
                                << QStringLiteral("kubectl has no current context; choose one with \"kubectl config use-context NAME\"");
}

void TestClusterReader::failures()
{
    QFETCH(QByteArray, fakeCase);
    QFETCH(QString, message);

    qputenv("PASARELA_FAKE_CLUSTER", fakeCase);
    const Result<ClusterInfo> info = readCluster();
    QVERIFY(!info.ok());
    QCOMPARE(info.error(), message);
}

void TestClusterReader::explicitContext()
{
    // No current context, but the one asked for is read.
    qputenv("PASARELA_FAKE_CLUSTER", "no-context");
    ClusterReadOptions options;
    options.context = QStringLiteral("minikube");
    const Result<ClusterInfo> info = readCluster(options);
    QVERIFY_RESULT(info);
    QCOMPARE(info.value().context, QStringLiteral("minikube"));
    QCOMPARE(info.value().nodeIp, QStringLiteral("192.168.49.2"));
}

void TestClusterReader::minikubeMissing()
{
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    QVERIFY(FakeCluster::installOnly(bin, QStringLiteral("kubectl")));
    qputenv("PATH", bin.path().toLocal8Bit());

    const Result<ClusterInfo> info = readCluster();
    QVERIFY_RESULT(info);
    QVERIFY(info.value().profiles.isEmpty());
    // The node's address comes from kubectl instead.
    QCOMPARE(info.value().nodeIp, QStringLiteral("192.168.49.2"));
    QVERIFY(info.value().controller.found());
    const QString notes = info.value().notes.join(u'\n');
    QVERIFY2(notes.contains(QStringLiteral("minikube is not installed or not on PATH")), qPrintable(notes));
    QVERIFY2(notes.contains(QStringLiteral("the rules go to the node 192.168.49.2 (kubectl get nodes)")), qPrintable(notes));
}

// kind, k3s...: a context that is no Minikube profile; NodePorts answer on the first node.
void TestClusterReader::otherClusterUsesItsNode()
{
    qputenv("PASARELA_FAKE_CLUSTER", "kind");
    const Result<ClusterInfo> info = readCluster();
    QVERIFY_RESULT(info);
    QCOMPARE(info.value().context, QStringLiteral("kind-kind"));
    QVERIFY(info.value().profile.isEmpty());
    QCOMPARE(info.value().nodeIp, QStringLiteral("172.18.0.2"));
    QCOMPARE(info.value().nodeIps(), (QStringList{QStringLiteral("172.18.0.2"), QStringLiteral("172.18.0.3")}));
    const QList<ForwardRule> rules = planRules(info.value(), QStringLiteral("127.0.0.1"));
    QVERIFY(!rules.isEmpty());
    QCOMPARE(rules.constFirst().targetsText(), QStringLiteral("172.18.0.2:31589, 172.18.0.3:31589"));
    const QString notes = info.value().notes.join(u'\n');
    QVERIFY2(notes.contains(QStringLiteral("the rules go to the nodes 172.18.0.2, 172.18.0.3")), qPrintable(notes));
}

// `minikube start --nodes 2`: the profile lists both nodes; a rule has one target per node.
void TestClusterReader::multiNodeMinikube()
{
    FakeCluster::Answers answers;
    QVERIFY(answers.isValid());
    QVERIFY_RESULT(answers.set({{QStringLiteral("minikube-profile-list.out"),
                                 FakeCluster::minikubeProfiles({QStringLiteral("127.0.0.2"), QStringLiteral("127.0.0.3")})},
                                {QStringLiteral("kubectl-get-services.out"), FakeCluster::webService(30080)}}));
    qputenv("PASARELA_FAKE_CLUSTER_ANSWERS", answers.path().toLocal8Bit());
    const Result<ClusterInfo> info = readCluster();
    qunsetenv("PASARELA_FAKE_CLUSTER_ANSWERS");
    QVERIFY_RESULT(info);
    QCOMPARE(info.value().profile, QStringLiteral("minikube"));
    QCOMPARE(info.value().nodeIps(), (QStringList{QStringLiteral("127.0.0.2"), QStringLiteral("127.0.0.3")}));
    const QList<ForwardRule> rules = planRules(info.value(), QStringLiteral("127.0.0.1"));
    QCOMPARE(rules.size(), 1);
    QCOMPARE(rules.constFirst().targetsText(), QStringLiteral("127.0.0.2:30080, 127.0.0.3:30080"));
}

// A user who may not list nodes: the rest is read, no rules are planned, and the note says why.
void TestClusterReader::nodesNotReadable()
{
    qputenv("PASARELA_FAKE_CLUSTER", "no-nodes");
    const Result<ClusterInfo> info = readCluster();
    QVERIFY_RESULT(info);
    QVERIFY(info.value().nodeIp.isEmpty());
    QVERIFY(info.value().controller.found());
    QVERIFY(planRules(info.value(), QStringLiteral("127.0.0.1")).isEmpty());
    const QString notes = info.value().notes.join(u'\n');
    QVERIFY2(notes.contains(QStringLiteral("nodes is forbidden")), qPrintable(notes));
    QVERIFY2(notes.contains(QStringLiteral("no rules are planned")), qPrintable(notes));
}

void TestClusterReader::kubectlMissing()
{
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    QVERIFY(FakeCluster::installOnly(bin, QStringLiteral("minikube")));
    qputenv("PATH", bin.path().toLocal8Bit());

    const Result<ClusterInfo> info = readCluster();
    QVERIFY(!info.ok());
    QCOMPARE(info.error(), QStringLiteral("kubectl is not installed or not on PATH"));
}

void TestClusterReader::timeout()
{
    qputenv("PASARELA_FAKE_CLUSTER", "slow");
    ClusterReadOptions options;
    options.timeoutMs = 500;
    QElapsedTimer clock;
    clock.start();
    const Result<ClusterInfo> info = readCluster(options);
    QVERIFY(!info.ok());
    QVERIFY2(info.error().contains(QStringLiteral("did not answer within 0.5 s")), qPrintable(info.error()));
    QVERIFY2(clock.elapsed() < 10000, "the hanging kubectl was not given up on");
}

// A program that quits does not wait for a hanging kubectl: the read it cancels ends at once.
void TestClusterReader::cancel()
{
    qputenv("PASARELA_FAKE_CLUSTER", "slow");
    std::atomic<bool> cancel{false};
    std::atomic<bool> done{false};
    ClusterReadOptions options;
    options.cancel = &cancel;
    Result<ClusterInfo> info = Error{QString()};
    std::thread reader([&] {
        info = readCluster(options);
        done = true;
    });
    QTimer::singleShot(300, [&] { cancel = true; });
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    reader.join();
    QVERIFY(!info.ok());
    QCOMPARE(info.error(), QStringLiteral("cancelled"));
    QVERIFY2(clock.elapsed() < 5000, "the hanging kubectl was not stopped");
}

QTEST_GUILESS_MAIN(TestClusterReader)
#include "tst_clusterreader.moc"
