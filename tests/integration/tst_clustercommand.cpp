// `pasarela cluster` as a user runs it, with the fake minikube and kubectl first on PATH.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "fakecluster.h"
#include "processrun.h"

using namespace TestSupport;

namespace {

// `pasarela cluster ARGS` with the fakes answering as in fakeCase, and PATH as given.
ProcessRun run(const QStringList &args, const QByteArray &fakeCase = "running", const QString &path = FakeCluster::path())
{
    ProcessOptions options;
    options.environment.insert(QStringLiteral("PATH"), path);
    options.environment.insert(QStringLiteral("PASARELA_FAKE_CLUSTER"), QString::fromLatin1(fakeCase));
    options.environment.insert(QStringLiteral("PASARELA_FAKE_CLUSTER_DIR"), FakeCluster::dir());
    // The messages as written, whatever the locale of the machine running the tests.
    options.environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    options.environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return runProcess(QStringLiteral(PASARELA_BINARY), QStringList{QStringLiteral("cluster")} + args, options);
}

} // namespace

class TestClusterCommand final : public QObject
{
    Q_OBJECT

private slots:
    void text();
    void json();
    void jsonIpv6AndListen();
    void noIngressController();
    void noCluster_data();
    void noCluster();
    void kubectlMissing();
    void badArguments_data();
    void badArguments();
    void help();
};

void TestClusterCommand::text()
{
    const ProcessRun result = run({});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.errText().isEmpty(), qPrintable(result.errText()));
    for (const char *line : {"Context: minikube (Minikube profile \"minikube\", node 192.168.49.2)",
                             "  minikube  Running  192.168.49.2  docker",
                             "  dev  Stopped  192.168.58.2  docker",
                             "Ingress controller: ingress-nginx/ingress-nginx-controller, http node port 31589, https node port 32091",
                             "  default/db  LoadBalancer 10.96.184.178  5432 -> node port 31543/TCP",
                             "    https://shop.local/api -> api:http",
                             "    http://*/status -> docs:80",
                             "    TLS shop.local (secret shop-tls)",
                             "    default backend -> docs:80",
                             "  ingress http  0.0.0.0:31042 -> 192.168.49.2:31589",
                             "  ingress https  0.0.0.0:31443 -> 192.168.49.2:32091",
                             "  default/web http  0.0.0.0:30808 -> 192.168.49.2:30808"}) {
        QVERIFY2(result.outText().contains(QString::fromUtf8(line) + u'\n'), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(QString::fromUtf8(line), result.outText())));
    }
    QVERIFY(!result.outText().contains(QStringLiteral("Notes:")));
}

void TestClusterCommand::json()
{
    const ProcessRun result = run({QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(result.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root.value(QStringLiteral("context")).toString(), QStringLiteral("minikube"));
    QCOMPARE(root.value(QStringLiteral("nodeIp")).toString(), QStringLiteral("192.168.49.2"));
    QCOMPARE(root.value(QStringLiteral("profiles")).toArray().size(), 2);
    const QJsonObject controller = root.value(QStringLiteral("ingressController")).toObject();
    QCOMPARE(controller.value(QStringLiteral("httpNodePort")).toInt(), 31589);
    QCOMPARE(controller.value(QStringLiteral("httpsNodePort")).toInt(), 32091);
    QCOMPARE(root.value(QStringLiteral("services")).toArray().size(), 4);
    QCOMPARE(root.value(QStringLiteral("ingresses")).toArray().size(), 2);

    const QJsonArray rules = root.value(QStringLiteral("rules")).toArray();
    QCOMPARE(rules.size(), 4);
    const QJsonObject first = rules.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("listen")).toString(), QStringLiteral("0.0.0.0:31042"));
    QCOMPARE(first.value(QStringLiteral("target")).toString(), QStringLiteral("192.168.49.2:31589"));
    const QJsonObject origin = first.value(QStringLiteral("origin")).toObject();
    QCOMPARE(origin.value(QStringLiteral("service")).toString(), QStringLiteral("ingress-nginx-controller"));
    QCOMPARE(origin.value(QStringLiteral("nodePort")).toInt(), 31589);

    const QJsonArray requests = root.value(QStringLiteral("requests")).toArray();
    QCOMPARE(requests.size(), 2);
    const QJsonObject shop = requests.at(0).toObject();
    QCOMPARE(shop.value(QStringLiteral("collection")).toString(), QStringLiteral("shop"));
    const QJsonObject api = shop.value(QStringLiteral("requests")).toArray().at(1).toObject();
    QCOMPARE(api.value(QStringLiteral("url")).toString(), QStringLiteral("https://127.0.0.1:31443/api"));
    QCOMPARE(api.value(QStringLiteral("host")).toString(), QStringLiteral("shop.local"));
}

void TestClusterCommand::jsonIpv6AndListen()
{
    const ProcessRun result = run({QStringLiteral("--json"), QStringLiteral("--listen"), QStringLiteral("192.168.1.20")}, "ipv6");
    QCOMPARE(result.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(result.out).object();
    const QJsonObject first = root.value(QStringLiteral("rules")).toArray().at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("listen")).toString(), QStringLiteral("192.168.1.20:31042"));
    QCOMPARE(first.value(QStringLiteral("target")).toString(), QStringLiteral("[fd00:49::2]:31589"));
}

void TestClusterCommand::noIngressController()
{
    const ProcessRun result = run({}, "no-ingress");
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.outText().contains(QStringLiteral("Ingress controller: none found\n")), qPrintable(result.outText()));
    QVERIFY2(result.outText().contains(QStringLiteral("Notes:\n")), qPrintable(result.outText()));
    QVERIFY(result.outText().contains(QStringLiteral("minikube addons enable ingress")));
    QVERIFY(!result.outText().contains(QStringLiteral("ingress http")));
}

void TestClusterCommand::noCluster_data()
{
    QTest::addColumn<QByteArray>("fakeCase");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");

    QTest::newRow("stopped") << QByteArray("stopped") << QStringList{} << QStringLiteral("minikube start -p minikube");
    QTest::newRow("stopped json") << QByteArray("stopped") << QStringList{QStringLiteral("--json")}
                                  << QStringLiteral("is stopped");
    QTest::newRow("unreachable") << QByteArray("unreachable") << QStringList{}
                                 << QStringLiteral("Unable to connect to the server");
    QTest::newRow("no context") << QByteArray("no-context") << QStringList{} << QStringLiteral("no current context");
}

void TestClusterCommand::noCluster()
{
    QFETCH(QByteArray, fakeCase);
    QFETCH(QStringList, args);
    QFETCH(QString, reason);

    const ProcessRun result = run(args, fakeCase);
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.outText().isEmpty(), qPrintable(result.outText()));
    QVERIFY2(result.errText().startsWith(QStringLiteral("pasarela: ")) && result.errText().contains(reason), qPrintable(result.errText()));
}

void TestClusterCommand::kubectlMissing()
{
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    QVERIFY(FakeCluster::installOnly(bin, QStringLiteral("minikube")));
    const ProcessRun result = run({}, "running", bin.path());
    QCOMPARE(result.exitCode, 3);
    QCOMPARE(result.errText(), QStringLiteral("pasarela: kubectl is not installed or not on PATH\n"));
}

void TestClusterCommand::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown option") << QStringList{QStringLiteral("--yaml")} << QStringLiteral("--help");
    QTest::newRow("listen name") << QStringList{QStringLiteral("--listen"), QStringLiteral("localhost")}
                                 << QStringLiteral("--listen: ");
    QTest::newRow("listen missing") << QStringList{QStringLiteral("--listen")} << QStringLiteral("listen");
    QTest::newRow("positional") << QStringList{QStringLiteral("minikube")} << QStringLiteral("unexpected argument \"minikube\"");
}

void TestClusterCommand::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);

    const ProcessRun result = run(args);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.outText().isEmpty());
    QVERIFY2(result.errText().contains(message), qPrintable(result.errText()));
}

void TestClusterCommand::help()
{
    const ProcessRun result = run({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.outText().startsWith(QStringLiteral("Usage: pasarela cluster [options]")), qPrintable(result.outText()));
    for (const char *text : {"--json", "--listen <ADDR>", "--context <NAME>", "Exit codes:", "  0  the cluster was read",
                             "  2  bad arguments", "  3  no cluster could be read"})
        QVERIFY2(result.outText().contains(QString::fromUtf8(text)), text);
}

QTEST_GUILESS_MAIN(TestClusterCommand)
#include "tst_clustercommand.moc"
