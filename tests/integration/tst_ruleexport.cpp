// exportRules() in every format, against golden files (export_golden/), and the
// cases around them: what is left out, what cannot be carried over, quoting.
// PASARELA_WRITE_GOLDEN=1 rewrites the golden files from the current output.
#include <QFileInfo>
#include <QTest>

#include "checks.h"
#include "export/ruleexport.h"
#include "testfiles.h"

using namespace TestSupport;

namespace {

ForwardRule makeRule(const QString &name, const QString &listen, const QString &target)
{
    ForwardRule rule;
    rule.name = name;
    rule.listen = parseListen(listen).value();
    rule.target = parseTarget(target).value();
    return rule;
}

// Allow-list and timeouts; a disabled rule; IPv6; one made from the cluster.
QList<ForwardRule> sampleRules()
{
    ForwardRule api = makeRule(QStringLiteral("api"), QStringLiteral("0.0.0.0:31042"), QStringLiteral("192.168.49.2:80"));
    api.allow = {QStringLiteral("10.0.0.0/8"), QStringLiteral("192.168.1.7")};
    api.connectTimeoutMs = 2500;
    api.idleTimeoutS = 300;
    api.maxConnections = 100;
    ForwardRule old = makeRule(QStringLiteral("old"), QStringLiteral("31043"), QStringLiteral("127.0.0.1:9"));
    old.enabled = false;
    ForwardRule v6 = makeRule(QStringLiteral("v6"), QStringLiteral("[::1]:8443"), QStringLiteral("[fd00::2]:443"));
    v6.allow = {QStringLiteral("fd00::/8")};
    ForwardRule web = makeRule(QStringLiteral("web"), QStringLiteral("127.0.0.1:30080"), QStringLiteral("localhost:31080"));
    web.allow = {QStringLiteral("192.168.0.0/16")};
    web.origin.context = QStringLiteral("minikube");
    web.origin.ns = QStringLiteral("shop");
    web.origin.service = QStringLiteral("web");
    web.origin.portName = QStringLiteral("http");
    web.origin.servicePort = 80;
    web.origin.nodePort = 31080;
    web.origin.targetPort = QStringLiteral("8080");
    web.origin.selector = {{QStringLiteral("app"), QStringLiteral("web")}, {QStringLiteral("tier"), QStringLiteral("front")}};
    // Failover: nginx backup servers, socat the first target only.
    ForwardRule ha = makeRule(QStringLiteral("ha"), QStringLiteral("127.0.0.1:8081"), QStringLiteral("192.168.49.2:30080"));
    ha.moreTargets = {parseTarget(QStringLiteral("192.168.49.3:30080")).value(),
                      parseTarget(QStringLiteral("192.168.49.4:30080")).value()};
    ha.cooldownS = 5;
    // UDP, from a NodePort of the cluster.
    ForwardRule dns = makeRule(QStringLiteral("dns"), QStringLiteral("0.0.0.0:5353"), QStringLiteral("192.168.49.2:30053"));
    dns.transport = Transport::Udp;
    dns.origin.context = QStringLiteral("minikube");
    dns.origin.ns = QStringLiteral("kube-system");
    dns.origin.service = QStringLiteral("dns-np");
    dns.origin.servicePort = 53;
    dns.origin.nodePort = 30053;
    dns.origin.targetPort = QStringLiteral("53");
    dns.origin.selector = {{QStringLiteral("k8s-app"), QStringLiteral("kube-dns")}};
    return {api, old, v6, web, ha, dns};
}

ExportOptions sampleOptions()
{
    ExportOptions options;
    options.rulesPath = QStringLiteral("/etc/pasarela/rules.json");
    options.binaryPath = QStringLiteral("/usr/bin/pasarela");
    return options;
}

} // namespace

class TestRuleExport : public QObject
{
    Q_OBJECT

private slots:
    void golden_data();
    void golden();
    void nothingToExport_data();
    void nothingToExport();
    void formatNames();
    void serviceNames();
    void socatWithoutMatchingRange();
    void systemdQuoting();
};

void TestRuleExport::golden_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<bool>("nodePort");
    QTest::addColumn<QString>("file");
    QTest::newRow("nginx") << ExportFormat::Nginx << false << QStringLiteral("nginx.conf");
    QTest::newRow("tcp-services") << ExportFormat::TcpServices << false << QStringLiteral("tcp-services.yaml");
    QTest::newRow("service") << ExportFormat::Service << false << QStringLiteral("service.yaml");
    QTest::newRow("service NodePort") << ExportFormat::Service << true << QStringLiteral("service-nodeport.yaml");
    QTest::newRow("socat") << ExportFormat::Socat << false << QStringLiteral("socat.sh");
    QTest::newRow("systemd") << ExportFormat::Systemd << false << QStringLiteral("pasarela.service");
}

void TestRuleExport::golden()
{
    QFETCH(ExportFormat, format);
    QFETCH(bool, nodePort);
    QFETCH(QString, file);
    ExportOptions options = sampleOptions();
    if (nodePort)
        options.serviceType = ExportOptions::ServiceType::NodePort;
    const Result<QString> text = exportRules(sampleRules(), format, options);
    QVERIFY_RESULT(text);
    // The golden files hold "@VERSION@" where the version goes.
    const QString version = QStringLiteral(PASARELA_VERSION);
    QVERIFY(text.value().contains(QStringLiteral("Pasarela ") + version));

    const QString golden = QStringLiteral(EXPORT_GOLDEN_DIR "/") + file;
    if (qEnvironmentVariableIsSet("PASARELA_WRITE_GOLDEN")) {
        QVERIFY_RESULT(writeFile(golden, QString(text.value()).replace(version, QStringLiteral("@VERSION@")).toUtf8()));
        return;
    }
    QVERIFY2(QFileInfo::exists(golden), qPrintable(golden));
    const QString expected = QString::fromUtf8(readFile(golden)).replace(QStringLiteral("@VERSION@"), version);
    QCOMPARE(text.value(), expected);
    // Deterministic: the same rules give the same bytes.
    QCOMPARE(exportRules(sampleRules(), format, options).value(), text.value());
}

void TestRuleExport::nothingToExport_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QList<ForwardRule>>("rules");
    QTest::addColumn<QString>("error");
    QList<ForwardRule> disabled = sampleRules().mid(0, 4);
    for (ForwardRule &rule : disabled)
        rule.enabled = false;
    QList<ForwardRule> local = sampleRules().mid(0, 3);
    QTest::newRow("no rules") << ExportFormat::Nginx << QList<ForwardRule>{}
                              << QStringLiteral("nothing to export as nginx: there are no rules");
    QTest::newRow("all disabled") << ExportFormat::Socat << disabled
                                  << QStringLiteral("nothing to export as socat: rule \"api\": disabled; rule \"old\": "
                                                    "disabled; rule \"v6\": disabled; rule \"web\": disabled");
    QTest::newRow("none from the cluster")
        << ExportFormat::TcpServices << local
        << QStringLiteral("nothing to export as tcp-services: rule \"old\": disabled; rule \"api\": not made from a "
                          "cluster Service; rule \"v6\": not made from a cluster Service");
}

void TestRuleExport::nothingToExport()
{
    QFETCH(ExportFormat, format);
    QFETCH(QList<ForwardRule>, rules);
    QFETCH(QString, error);
    const Result<QString> text = exportRules(rules, format, sampleOptions());
    QVERIFY(!text.ok());
    QCOMPARE(text.error(), error);
}

void TestRuleExport::formatNames()
{
    const QStringList names = exportFormatNames();
    QCOMPARE(names, (QStringList{QStringLiteral("nginx"), QStringLiteral("tcp-services"), QStringLiteral("service"),
                                 QStringLiteral("socat"), QStringLiteral("systemd")}));
    for (const QString &name : names)
        QCOMPARE(exportFormatName(exportFormatFromName(name).value()), name);
    QVERIFY(!exportFormatFromName(QStringLiteral("Nginx")));
}

// Two rules for one Service get one manifest each; a long Service name still makes a DNS label.
void TestRuleExport::serviceNames()
{
    QList<ForwardRule> rules = sampleRules().mid(3);
    rules.append(rules.constFirst());
    rules.last().name = QStringLiteral("web2");
    rules.last().listen.port = 30081;
    rules.last().origin.service = QString(63, u'a');
    const QString text = exportRules(rules, ExportFormat::Service, sampleOptions()).value();
    QVERIFY(text.contains(QStringLiteral("name: \"web-30080\"")));
    QVERIFY(text.contains(QStringLiteral("name: \"") + QString(57, u'a') + QStringLiteral("-30081\"")));
}

// An allow-list with nothing of the listener's family refuses everyone, and says so.
void TestRuleExport::socatWithoutMatchingRange()
{
    ForwardRule rule = makeRule(QStringLiteral("x"), QStringLiteral("127.0.0.1:2000"), QStringLiteral("127.0.0.1:3000"));
    rule.allow = {QStringLiteral("fd00::/8")};
    const QString text = exportRules({rule}, ExportFormat::Socat, sampleOptions()).value();
    QVERIFY(text.contains(QStringLiteral(",range=127.0.0.1/32 ")));
    QVERIFY(text.contains(QStringLiteral("#   rule \"x\": allow fd00::/8 (socat takes one range")));
}

void TestRuleExport::systemdQuoting()
{
    ExportOptions options = sampleOptions();
    options.binaryPath = QStringLiteral("/opt/my tools/pasarela");
    options.rulesPath = QStringLiteral("/srv/100%/rules \"a\".json");
    const QString text = exportRules(sampleRules(), ExportFormat::Systemd, options).value();
    QVERIFY2(text.contains(QStringLiteral("\nExecStart=\"/opt/my tools/pasarela\" --headless --config "
                                          "\"/srv/100%%/rules \\\"a\\\".json\"\n")),
             qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("AmbientCapabilities")));
    QList<ForwardRule> low = sampleRules();
    low.first().listen.port = 443;
    QVERIFY(exportRules(low, ExportFormat::Systemd, options).value().contains(
        QStringLiteral("\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n")));
}

QTEST_GUILESS_MAIN(TestRuleExport)
#include "tst_ruleexport.moc"
