// The parsers of minikube's and kubectl's outputs over the fake tools' fixtures
// (the exact shapes of the real outputs), and what is planned from them.
#include <QFile>
#include <QTest>

#include "checks.h"
#include "cluster/clusterinfo.h"
#include "cluster/clusterplan.h"
#include "fakecluster.h"

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(FakeCluster::dir() + QStringLiteral("/fixtures/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

// What readCluster puts together for the "running" case, without the processes.
ClusterInfo runningCluster()
{
    ClusterInfo info;
    info.profiles = parseMinikubeProfiles(fixture(QStringLiteral("running/minikube-profile-list.out"))).value();
    info.context = QStringLiteral("minikube");
    info.profile = QStringLiteral("minikube");
    info.nodeIp = QStringLiteral("192.168.49.2");
    info.services = parseServices(fixture(QStringLiteral("running/kubectl-get-services.out"))).value();
    info.controller = findIngressController(info.services);
    info.ingresses = parseIngresses(fixture(QStringLiteral("running/kubectl-get-ingresses.out"))).value();
    return info;
}

const ForwardRule *findRule(const QList<ForwardRule> &rules, const QString &name)
{
    for (const ForwardRule &rule : rules) {
        if (rule.name == name)
            return &rule;
    }
    return nullptr;
}

} // namespace

class TestClusterParsers final : public QObject
{
    Q_OBJECT

private slots:
    void profiles_data();
    void profiles();
    void profilesErrors_data();
    void profilesErrors();
    void currentContext_data();
    void currentContext();
    void nodeAddresses_data();
    void nodeAddresses();
    void services_data();
    void services();
    void servicesDetail();
    void servicesErrors_data();
    void servicesErrors();
    void ingresses();
    void planRulesRunning();
    void planRulesIpv6AndEmpty();
    void planRulesMultiNode();
    void staleTarget_data();
    void staleTarget();
    void staleTargetMultiNode();
    void requests();
};

void TestClusterParsers::profiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("ip");

    QTest::newRow("running") << QStringLiteral("running") << 2 << QStringLiteral("Running") << QStringLiteral("192.168.49.2");
    QTest::newRow("stopped") << QStringLiteral("stopped") << 1 << QStringLiteral("Stopped") << QStringLiteral("192.168.49.2");
    QTest::newRow("ipv6") << QStringLiteral("ipv6") << 1 << QStringLiteral("Running") << QStringLiteral("fd00:49::2");
}

void TestClusterParsers::profiles()
{
    QFETCH(QString, file);
    QFETCH(int, count);
    QFETCH(QString, status);
    QFETCH(QString, ip);

    const Result<QList<MinikubeProfile>> profiles = parseMinikubeProfiles(fixture(file + QStringLiteral("/minikube-profile-list.out")));
    QVERIFY_RESULT(profiles);
    QCOMPARE(profiles.value().size(), count);
    const MinikubeProfile &first = profiles.value().constFirst();
    QCOMPARE(first.name, QStringLiteral("minikube"));
    QCOMPARE(first.status, status);
    QCOMPARE(first.isRunning(), status == u"Running");
    QCOMPARE(first.ip, ip);
    QVERIFY(first.otherNodeIps.isEmpty());
    QCOMPARE(first.driver, QStringLiteral("docker"));

    // A multi-node profile (minikube start --nodes 3) lists each node; the control plane's IP is `ip`.
    const Result<QList<MinikubeProfile>> multi = parseMinikubeProfiles(R"({"valid": [{"Name": "minikube",
        "Status": "Running", "Config": {"Nodes": [{"Name": "m02", "IP": "127.0.0.3", "ControlPlane": false},
        {"Name": "", "IP": "127.0.0.2", "ControlPlane": true}, {"Name": "m03", "IP": "127.0.0.4"}]}}]})");
    QVERIFY_RESULT(multi);
    QCOMPARE(multi.value().constFirst().ip, QStringLiteral("127.0.0.2"));
    QCOMPARE(multi.value().constFirst().otherNodeIps, (QStringList{QStringLiteral("127.0.0.3"), QStringLiteral("127.0.0.4")}));
}

void TestClusterParsers::profilesErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("count");  // -1: an error

    QTest::newRow("no profiles") << QByteArray(R"({"invalid":[],"valid":[]})") << 0;
    QTest::newRow("invalid only") << QByteArray(R"({"invalid":[{"Name":"broken","Status":"","Config":null}],"valid":null})") << 0;
    QTest::newRow("not JSON") << QByteArray("* Exiting due to MK_USAGE: bad flag") << -1;
    QTest::newRow("a list") << QByteArray("[]") << -1;
}

void TestClusterParsers::profilesErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(int, count);

    const Result<QList<MinikubeProfile>> profiles = parseMinikubeProfiles(json);
    QCOMPARE(profiles.ok(), count >= 0);
    if (profiles)
        QCOMPARE(profiles.value().size(), count);
    else
        QVERIFY2(profiles.error().contains(QStringLiteral("minikube profile list -o json")), qPrintable(profiles.error()));
}

void TestClusterParsers::currentContext_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("context");  // empty: an error

    QTest::newRow("fixture") << fixture(QStringLiteral("running/kubectl-current-context.out")) << QStringLiteral("minikube");
    QTest::newRow("spaces") << QByteArray("  prod-eu \r\n") << QStringLiteral("prod-eu");
    QTest::newRow("empty") << QByteArray("\n") << QString();
}

void TestClusterParsers::currentContext()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, context);

    const Result<QString> parsed = parseCurrentContext(text);
    QCOMPARE(parsed.ok(), !context.isEmpty());
    if (parsed)
        QCOMPARE(parsed.value(), context);
    else
        QVERIFY(parsed.error().contains(QStringLiteral("kubectl config use-context")));
}

void TestClusterParsers::nodeAddresses_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("addresses");  // empty: an error
    QTest::addColumn<QString>("error");

    QTest::newRow("minikube") << fixture(QStringLiteral("running/kubectl-get-nodes.out"))
                              << QStringList{QStringLiteral("192.168.49.2")} << QString();
    QTest::newRow("kind, two nodes") << fixture(QStringLiteral("kind/kubectl-get-nodes.out"))
                                     << QStringList{QStringLiteral("172.18.0.2"), QStringLiteral("172.18.0.3")} << QString();
    // Wherever kubectl lists it, the control plane comes first (an old cluster labels it "master").
    QTest::newRow("control plane listed last")
        << QByteArray(R"({"kind": "List", "items": [
               {"metadata": {"labels": {}}, "status": {"addresses": [{"type": "InternalIP", "address": "10.0.0.5"}]}},
               {"metadata": {"labels": {"node-role.kubernetes.io/master": ""}},
                "status": {"addresses": [{"type": "InternalIP", "address": "10.0.0.4"}]}},
               {"status": {"addresses": [{"type": "Hostname", "address": "w2"}, {"type": "InternalIP", "address": "10.0.0.6"}]}}]})")
        << QStringList{QStringLiteral("10.0.0.4"), QStringLiteral("10.0.0.5"), QStringLiteral("10.0.0.6")} << QString();
    QTest::newRow("IPv6") << QByteArray(R"({"kind": "List", "items": [{"status": {"addresses": [
                                 {"type": "Hostname", "address": "k3s"}, {"type": "InternalIP", "address": "fd00::0002"}]}}]})")
                          << QStringList{QStringLiteral("fd00::2")} << QString();
    QTest::newRow("hostname only") << QByteArray(R"({"kind": "List", "items": [{"status": {"addresses": [
                                          {"type": "Hostname", "address": "k3s"}]}}]})")
                                   << QStringList() << QStringLiteral("no node has an InternalIP address");
    QTest::newRow("no items") << QByteArray(R"({"kind": "List"})") << QStringList() << QStringLiteral("kubectl get nodes -o json");
}

void TestClusterParsers::nodeAddresses()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, addresses);
    QFETCH(QString, error);
    const Result<QStringList> parsed = parseNodeAddresses(json);
    QCOMPARE(parsed.ok(), !addresses.isEmpty());
    if (parsed)
        QCOMPARE(parsed.value(), addresses);
    else
        QVERIFY2(parsed.error().contains(error), qPrintable(parsed.error()));
}

void TestClusterParsers::services_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<quint16>("httpNodePort");  // 0: no controller
    QTest::addColumn<quint16>("httpsNodePort");

    QTest::newRow("running") << QStringLiteral("running")
                             << QStringList{QStringLiteral("ingress-nginx/ingress-nginx-controller"), QStringLiteral("default/web"),
                                            QStringLiteral("default/db"), QStringLiteral("default/syslog")}
                             << quint16(31589) << quint16(32091);
    QTest::newRow("no-ingress") << QStringLiteral("no-ingress")
                                << QStringList{QStringLiteral("default/web"), QStringLiteral("default/db"), QStringLiteral("default/syslog")}
                                << quint16(0) << quint16(0);
}

void TestClusterParsers::services()
{
    QFETCH(QString, file);
    QFETCH(QStringList, names);
    QFETCH(quint16, httpNodePort);
    QFETCH(quint16, httpsNodePort);

    const Result<QList<ClusterService>> services = parseServices(fixture(file + QStringLiteral("/kubectl-get-services.out")));
    QVERIFY_RESULT(services);
    QStringList found;
    for (const ClusterService &service : services.value())
        found.append(service.ns + u'/' + service.name);
    // ClusterIP services (the API server, DNS, the admission webhook) are left out.
    QCOMPARE(found, names);
    const IngressController controller = findIngressController(services.value());
    QCOMPARE(controller.found(), httpNodePort != 0);
    QCOMPARE(controller.httpNodePort, httpNodePort);
    QCOMPARE(controller.httpsNodePort, httpsNodePort);
    if (controller.found()) {
        QCOMPARE(controller.ns, QStringLiteral("ingress-nginx"));
        QCOMPARE(controller.name, QStringLiteral("ingress-nginx-controller"));
    }
}

void TestClusterParsers::servicesDetail()
{
    const ClusterInfo info = runningCluster();
    const ClusterService *db = info.findService(QStringLiteral("default"), QStringLiteral("db"));
    QVERIFY(db != nullptr);
    QCOMPARE(db->type, QStringLiteral("LoadBalancer"));
    QCOMPARE(db->loadBalancerIngress, QStringList{QStringLiteral("10.96.184.178")});
    QCOMPARE(db->clusterIPs, QStringList{QStringLiteral("10.101.40.2")});
    QCOMPARE(db->ports.size(), 1);
    QCOMPARE(db->ports.constFirst().name, QString());
    QCOMPARE(db->ports.constFirst().port, quint16(5432));
    QCOMPARE(db->ports.constFirst().nodePort, quint16(31543));

    const ClusterService *controller = info.findService(QStringLiteral("ingress-nginx"), QStringLiteral("ingress-nginx-controller"));
    QVERIFY(controller != nullptr);
    QVERIFY(controller->isIngressController());
    QCOMPARE(controller->ports.constFirst().targetPort, QStringLiteral("http"));
    QCOMPARE(controller->labels.value(QStringLiteral("app.kubernetes.io/instance")), QStringLiteral("ingress-nginx"));
    QCOMPARE(controller->selector.size(), 3);
    QCOMPARE(controller->selector.value(QStringLiteral("app.kubernetes.io/component")), QStringLiteral("controller"));
    QCOMPARE(db->selector, (QMap<QString, QString>{{QStringLiteral("app"), QStringLiteral("db")}}));
    const ServicePort *https = controller->findPort(QStringLiteral("https"), 0);
    QVERIFY(https != nullptr);
    QCOMPARE(https->port, quint16(443));
}

void TestClusterParsers::servicesErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::newRow("not JSON") << QByteArray("error: the server doesn't have a resource type \"svc\"")
                              << QStringLiteral("\"kubectl get svc -A -o json\" printed something that is not a JSON object");
    QTest::newRow("no items") << QByteArray(R"({"apiVersion":"v1","kind":"List"})")
                              << QStringLiteral("\"kubectl get svc -A -o json\" printed no \"items\" list");
}

void TestClusterParsers::servicesErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);

    const Result<QList<ClusterService>> services = parseServices(json);
    QVERIFY(!services.ok());
    QVERIFY2(services.error().startsWith(message), qPrintable(services.error()));
}

void TestClusterParsers::ingresses()
{
    const Result<QList<ClusterIngress>> parsed = parseIngresses(fixture(QStringLiteral("running/kubectl-get-ingresses.out")));
    QVERIFY_RESULT(parsed);
    QCOMPARE(parsed.value().size(), 2);

    const ClusterIngress &shop = parsed.value().at(0);
    QCOMPARE(shop.ns, QStringLiteral("default"));
    QCOMPARE(shop.name, QStringLiteral("shop"));
    QCOMPARE(shop.ingressClassName, QStringLiteral("nginx"));
    QCOMPARE(shop.tls.size(), 1);
    QCOMPARE(shop.tls.constFirst().secretName, QStringLiteral("shop-tls"));
    QVERIFY(shop.hasTlsFor(QStringLiteral("shop.local")));
    QCOMPARE(shop.rules.size(), 1);
    QCOMPARE(shop.rules.constFirst().host, QStringLiteral("shop.local"));
    const QList<IngressPath> &paths = shop.rules.constFirst().paths;
    QCOMPARE(paths.size(), 2);
    QCOMPARE(paths.at(0).path, QStringLiteral("/"));
    QCOMPARE(paths.at(0).pathType, QStringLiteral("Prefix"));
    QCOMPARE(paths.at(0).backend.toString(), QStringLiteral("web:8080"));
    QCOMPARE(paths.at(1).backend.portName, QStringLiteral("http"));
    QCOMPARE(paths.at(1).backend.toString(), QStringLiteral("api:http"));
    QVERIFY(shop.defaultBackend.service.isEmpty());

    const ClusterIngress &docs = parsed.value().at(1);
    QCOMPARE(docs.defaultBackend.toString(), QStringLiteral("docs:80"));
    QVERIFY(!docs.hasTlsFor(QStringLiteral("docs.local")));
    QCOMPARE(docs.rules.at(1).host, QString());
    QCOMPARE(docs.rules.at(1).paths.constFirst().pathType, QStringLiteral("Exact"));

    const Result<QList<ClusterIngress>> none = parseIngresses(fixture(QStringLiteral("no-ingress/kubectl-get-ingresses.out")));
    QVERIFY_RESULT(none);
    QVERIFY(none.value().isEmpty());
}

void TestClusterParsers::planRulesRunning()
{
    const QList<ForwardRule> rules = planRules(runningCluster(), QStringLiteral("0.0.0.0"));
    QStringList names;
    for (const ForwardRule &rule : rules) {
        names.append(rule.name);
        QVERIFY_RESULT(rule.validate());
    }
    // The UDP syslog port is left out: the rules relay TCP.
    QCOMPARE(names, (QStringList{QStringLiteral("ingress http"), QStringLiteral("ingress https"),
                                 QStringLiteral("default/web http"), QStringLiteral("default/db 5432")}));
    QVERIFY_RESULT(validateRules(rules));

    const ForwardRule *http = findRule(rules, QStringLiteral("ingress http"));
    QCOMPARE(http->listen, (Endpoint{QStringLiteral("0.0.0.0"), 31042}));
    QCOMPARE(http->target, (Endpoint{QStringLiteral("192.168.49.2"), 31589}));
    const QMap<QString, QString> controllerPods{{QStringLiteral("app.kubernetes.io/component"), QStringLiteral("controller")},
                                                {QStringLiteral("app.kubernetes.io/instance"), QStringLiteral("ingress-nginx")},
                                                {QStringLiteral("app.kubernetes.io/name"), QStringLiteral("ingress-nginx")}};
    QCOMPARE(http->origin, (RuleOrigin{QStringLiteral("minikube"), QStringLiteral("minikube"), QStringLiteral("ingress-nginx"),
                                       QStringLiteral("ingress-nginx-controller"), QStringLiteral("http"), 80, 31589,
                                       QStringLiteral("http"), controllerPods}));
    const ForwardRule *https = findRule(rules, QStringLiteral("ingress https"));
    QCOMPARE(https->listen.port, quint16(31443));
    QCOMPARE(https->target.port, quint16(32091));

    const ForwardRule *web = findRule(rules, QStringLiteral("default/web http"));
    QCOMPARE(web->listen, (Endpoint{QStringLiteral("0.0.0.0"), 30808}));
    QCOMPARE(web->target, (Endpoint{QStringLiteral("192.168.49.2"), 30808}));
    QCOMPARE(web->origin.servicePort, quint16(8080));
    QCOMPARE(findRule(rules, QStringLiteral("default/db 5432"))->origin.portName, QString());
}

void TestClusterParsers::planRulesIpv6AndEmpty()
{
    ClusterInfo info = runningCluster();
    info.nodeIp = QStringLiteral("fd00:49::2");
    const QList<ForwardRule> rules = planRules(info, QStringLiteral("::"));
    QVERIFY(!rules.isEmpty());
    QCOMPARE(rules.constFirst().target.toString(), QStringLiteral("[fd00:49::2]:31589"));
    QCOMPARE(rules.constFirst().listen.toString(), QStringLiteral("[::]:31042"));
    QVERIFY_RESULT(validateRules(rules));

    // Without the node's IP there is nothing to point a rule at.
    info.nodeIp.clear();
    QVERIFY(planRules(info, QStringLiteral("0.0.0.0")).isEmpty());

    // Without a controller only the services' own node ports remain.
    ClusterInfo noIngress = runningCluster();
    noIngress.services = parseServices(fixture(QStringLiteral("no-ingress/kubectl-get-services.out"))).value();
    noIngress.controller = findIngressController(noIngress.services);
    QCOMPARE(planRules(noIngress, QStringLiteral("0.0.0.0")).size(), 2);
}

// NodePorts answer on every node: a rule tries them in order, the control plane's first.
void TestClusterParsers::planRulesMultiNode()
{
    ClusterInfo info = runningCluster();
    info.otherNodeIps = QStringList{QStringLiteral("192.168.49.3"), QStringLiteral("192.168.49.4")};
    const QList<ForwardRule> rules = planRules(info, QStringLiteral("0.0.0.0"));
    QVERIFY(!rules.isEmpty());
    for (const ForwardRule &rule : rules) {
        QCOMPARE(rule.targets().size(), 3);
        QCOMPARE(rule.target.host, QStringLiteral("192.168.49.2"));
        QVERIFY_RESULT(rule.validate());
    }
    QCOMPARE(findRule(rules, QStringLiteral("default/web http"))->targetsText(),
             QStringLiteral("192.168.49.2:30808, 192.168.49.3:30808, 192.168.49.4:30808"));
    // A rule holds at most MaxTargets of them.
    for (int i = 5; i < 40; ++i)
        info.otherNodeIps.append(QStringLiteral("192.168.49.%1").arg(i));
    QCOMPARE(planRules(info, QStringLiteral("0.0.0.0")).constFirst().targets().size(), ForwardRule::MaxTargets);
}

void TestClusterParsers::staleTarget_data()
{
    QTest::addColumn<QString>("nodeIp");
    QTest::addColumn<quint16>("nodePort");     // the controller's http node port now
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("expected");     // empty: not stale
    QTest::addColumn<bool>("nodeMoved");
    QTest::addColumn<bool>("portMoved");

    QTest::newRow("unchanged") << QStringLiteral("192.168.49.2") << quint16(31589) << QStringLiteral("minikube") << QString()
                               << false << false;
    QTest::newRow("new IP") << QStringLiteral("192.168.49.3") << quint16(31589) << QStringLiteral("minikube")
                            << QStringLiteral("192.168.49.3:31589") << true << false;
    QTest::newRow("new node port") << QStringLiteral("192.168.49.2") << quint16(30111) << QStringLiteral("minikube")
                                   << QStringLiteral("192.168.49.2:30111") << false << true;
    QTest::newRow("both") << QStringLiteral("192.168.49.3") << quint16(30111) << QStringLiteral("minikube")
                          << QStringLiteral("192.168.49.3:30111") << true << true;
    QTest::newRow("IPv6") << QStringLiteral("fd00:49::2") << quint16(31589) << QStringLiteral("minikube")
                          << QStringLiteral("[fd00:49::2]:31589") << true << false;
    QTest::newRow("other context") << QStringLiteral("192.168.49.3") << quint16(30111) << QStringLiteral("kind-kind") << QString()
                                   << false << false;
}

void TestClusterParsers::staleTarget()
{
    QFETCH(QString, nodeIp);
    QFETCH(quint16, nodePort);
    QFETCH(QString, context);
    QFETCH(QString, expected);
    QFETCH(bool, nodeMoved);
    QFETCH(bool, portMoved);

    const ClusterInfo before = runningCluster();
    const ForwardRule rule = planRules(before, QStringLiteral("0.0.0.0")).constFirst();

    ClusterInfo after = before;
    after.nodeIp = nodeIp;
    after.context = context;
    for (ClusterService &service : after.services) {
        for (ServicePort &port : service.ports) {
            if (service.isIngressController() && port.name == u"http")
                port.nodePort = nodePort;
        }
    }
    const std::optional<StaleTarget> stale = ::staleTarget(rule, after);
    QCOMPARE(stale.has_value(), !expected.isEmpty());
    if (stale) {
        ForwardRule moved = rule;
        moved.setTargets(stale->targets);
        QCOMPARE(moved.targetsText(), expected);
        QCOMPARE(stale->origin.nodePort, nodePort);
        QCOMPARE(stale->origin.service, rule.origin.service);
        QCOMPARE(stale->nodeMoved, nodeMoved);
        QCOMPARE(stale->portMoved, portMoved);
    }

    // A rule not made from the cluster, or whose service is gone, is never stale.
    ForwardRule plain = rule;
    plain.origin = {};
    QVERIFY(!::staleTarget(plain, after));
    ForwardRule gone = rule;
    gone.origin.service = QStringLiteral("removed");
    QVERIFY(!::staleTarget(gone, after));
}

// The whole list of nodes is compared; targets the user added on another port stay, after the nodes.
void TestClusterParsers::staleTargetMultiNode()
{
    ClusterInfo info = runningCluster();
    info.otherNodeIps = QStringList{QStringLiteral("192.168.49.3")};
    ForwardRule rule = planRules(info, QStringLiteral("0.0.0.0")).constFirst();
    QCOMPARE(rule.targetsText(), QStringLiteral("192.168.49.2:31589, 192.168.49.3:31589"));
    QVERIFY(!::staleTarget(rule, info));

    // A node joins.
    info.otherNodeIps.append(QStringLiteral("192.168.49.4"));
    std::optional<StaleTarget> stale = ::staleTarget(rule, info);
    QVERIFY(stale);
    QCOMPARE(stale->targets.size(), 3);
    QVERIFY(stale->nodeMoved);
    QVERIFY(!stale->portMoved);

    // A fallback on another port, added by hand, is kept behind the nodes.
    const Endpoint fallback{QStringLiteral("127.0.0.1"), 8081};
    rule.setTargets(rule.targets() + QList<Endpoint>{fallback});
    stale = ::staleTarget(rule, info);
    QVERIFY(stale);
    QCOMPARE(stale->targets.size(), 4);
    QCOMPARE(stale->targets.constLast(), fallback);
    rule.setTargets(stale->targets);
    QVERIFY(!::staleTarget(rule, info));
}

void TestClusterParsers::requests()
{
    const QList<RequestCollection> collections = ingressRequests(runningCluster(), QStringLiteral("0.0.0.0"));
    QCOMPARE(collections.size(), 2);
    QCOMPARE(collections.at(0).name, QStringLiteral("shop"));
    const QList<CollectionRequest> &shop = collections.at(0).requests;
    QCOMPARE(shop.size(), 2);
    // shop.local has TLS: through the https rule, Host as the certificate names it.
    QCOMPARE(shop.at(0).url, QStringLiteral("https://127.0.0.1:31443/"));
    QCOMPARE(shop.at(1).url, QStringLiteral("https://127.0.0.1:31443/api"));
    QCOMPARE(shop.at(1).header(QStringLiteral("Host")), QStringLiteral("shop.local"));
    QVERIFY_RESULT(validateRequest(shop.at(1)));

    const QList<CollectionRequest> &docs = collections.at(1).requests;
    QCOMPARE(collections.at(1).name, QStringLiteral("docs"));
    QCOMPARE(docs.size(), 2);
    QCOMPARE(docs.at(0).url, QStringLiteral("http://127.0.0.1:31042/"));
    QCOMPARE(docs.at(0).header(QStringLiteral("Host")), QStringLiteral("docs.local"));
    QCOMPARE(docs.at(1).url, QStringLiteral("http://127.0.0.1:31042/status"));
    QCOMPARE(docs.at(1).header(QStringLiteral("Host")), QString());

    const QList<RequestCollection> v6 = ingressRequests(runningCluster(), QStringLiteral("::"));
    QCOMPARE(v6.at(1).requests.at(0).url, QStringLiteral("http://[::1]:31042/"));
    const QList<RequestCollection> specific = ingressRequests(runningCluster(), QStringLiteral("192.168.1.20"));
    QCOMPARE(specific.at(1).requests.at(0).url, QStringLiteral("http://192.168.1.20:31042/"));

    ClusterInfo noController = runningCluster();
    noController.controller = {};
    QVERIFY(ingressRequests(noController, QStringLiteral("0.0.0.0")).isEmpty());
}

QTEST_GUILESS_MAIN(TestClusterParsers)
#include "tst_clusterparsers.moc"
