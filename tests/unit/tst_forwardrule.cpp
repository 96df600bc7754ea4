#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "checks.h"
#include "rules/forwardrule.h"

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test: %s", text);
    return document.object();
}

ForwardRule makeRule(const QString &name, const QString &listen, bool enabled = true)
{
    ForwardRule rule;
    rule.name = name;
    rule.listen = parseListen(listen).value();
    rule.target = Endpoint{QStringLiteral("192.168.49.2"), 80};
    rule.enabled = enabled;
    return rule;
}

} // namespace

class TestForwardRule final : public QObject
{
    Q_OBJECT

private slots:
    void fromJsonFull();
    void defaultListenIsLoopback();
    void fromJsonDefaults();
    void fromJsonErrors_data();
    void fromJsonErrors();
    void unknownKeysKept();
    void roundTrip();
    void originRoundTrip();
    void originAbsent();
    void originErrors_data();
    void originErrors();
    void validate_data();
    void validate();
    void validateRulesDuplicateName();
    void validateRulesDuplicateListen_data();
    void validateRulesDuplicateListen();
    void validateRulesDisabledDuplicateAllowed();
    void validateRulesNamesRule();
    void allowCidrs();
    void isExposed_data();
    void isExposed();
    void inspectsHttp_data();
    void inspectsHttp();
    void inspectHttpJson();
    void targetListAndUdp();
    void versionOneRuleUnchanged();
    void parseTargetListText();
};

void TestForwardRule::fromJsonFull()
{
    const Result<ForwardRule> result = ForwardRule::fromJson(json(R"({"name": "minikube ingress", "listen": "0.0.0.0:31042",
        "target": "192.168.49.2:80", "enabled": false, "allow": ["192.168.1.0/24", "::1"],
        "maxConnections": 50, "connectTimeoutMs": 2500, "idleTimeoutS": 600})"));
    QVERIFY_RESULT(result);
    const ForwardRule &rule = result.value();
    QCOMPARE(rule.name, QStringLiteral("minikube ingress"));
    QCOMPARE(rule.listen, (Endpoint{QStringLiteral("0.0.0.0"), 31042}));
    QCOMPARE(rule.target, (Endpoint{QStringLiteral("192.168.49.2"), 80}));
    QCOMPARE(rule.enabled, false);
    QCOMPARE(rule.allow, (QStringList{QStringLiteral("192.168.1.0/24"), QStringLiteral("::1")}));
    QCOMPARE(rule.maxConnections, 50);
    QCOMPARE(rule.connectTimeoutMs, 2500);
    QCOMPARE(rule.idleTimeoutS, 600);
    QVERIFY(rule.extra.isEmpty());
    QVERIFY_RESULT(rule.validate());
}

void TestForwardRule::defaultListenIsLoopback()
{
    // A new rule (the editor's "Add rule") and a bare port (--forward 8080=..., "listen": "8080")
    // reach this machine only.
    const ForwardRule rule;
    QCOMPARE(rule.listen.host, QStringLiteral("127.0.0.1"));
    QVERIFY(!rule.isExposed());
    QCOMPARE(parseListen(QStringLiteral("8080")).value(), (Endpoint{QStringLiteral("127.0.0.1"), 8080}));
}

void TestForwardRule::fromJsonDefaults()
{
    const Result<ForwardRule> result = ForwardRule::fromJson(json(R"({"name": "a", "listen": "8080", "target": "example.com:80"})"));
    QVERIFY_RESULT(result);
    const ForwardRule &rule = result.value();
    QCOMPARE(rule.listen, (Endpoint{QStringLiteral("127.0.0.1"), 8080}));
    QCOMPARE(rule.target, (Endpoint{QStringLiteral("example.com"), 80}));
    QCOMPARE(rule.enabled, true);
    QVERIFY(rule.allow.isEmpty());
    QCOMPARE(rule.maxConnections, 16384);
    QCOMPARE(rule.connectTimeoutMs, 10000);
    QCOMPARE(rule.idleTimeoutS, 0);
}

void TestForwardRule::fromJsonErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("name missing") << QByteArray(R"({"listen": "8080", "target": "a:1"})") << QStringLiteral("field \"name\" is missing");
    QTest::newRow("listen missing") << QByteArray(R"({"name": "a", "target": "a:1"})") << QStringLiteral("field \"listen\" is missing");
    QTest::newRow("target missing") << QByteArray(R"({"name": "a", "listen": "8080"})") << QStringLiteral("field \"target\" is missing");
    QTest::newRow("name number") << QByteArray(R"({"name": 5, "listen": "8080", "target": "a:1"})")
                                 << QStringLiteral("field \"name\": expected a string, got a number");
    QTest::newRow("listen number") << QByteArray(R"({"name": "a", "listen": 8080, "target": "a:1"})")
                                   << QStringLiteral("field \"listen\": expected a string, got a number");
    QTest::newRow("listen port") << QByteArray(R"({"name": "a", "listen": "0.0.0.0:70000", "target": "a:1"})")
                                 << QStringLiteral("field \"listen\": port 70000 is out of range (1-65535)");
    QTest::newRow("target no port") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a"})")
                                    << QStringLiteral("field \"target\": \"a\" has no port");
    QTest::newRow("enabled string") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "enabled": "yes"})")
                                    << QStringLiteral("field \"enabled\": expected true or false, got a string");
    QTest::newRow("allow string") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "allow": "10.0.0.0/8"})")
                                  << QStringLiteral("field \"allow\": expected a list");
    QTest::newRow("allow item") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "allow": ["10.0.0.0/8", 3]})")
                                << QStringLiteral("field \"allow\": item 2: expected a string, got a number");
    QTest::newRow("max string") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "maxConnections": "10"})")
                                << QStringLiteral("field \"maxConnections\": expected a whole number, got a string");
    QTest::newRow("max fraction") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "maxConnections": 1.5})")
                                  << QStringLiteral("field \"maxConnections\": expected a whole number, got 1.5");
    QTest::newRow("max null") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "maxConnections": null})")
                              << QStringLiteral("field \"maxConnections\": expected a whole number, got null");
    QTest::newRow("max zero") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "maxConnections": 0})")
                              << QStringLiteral("field \"maxConnections\": 0 is out of range (1-1000000)");
    QTest::newRow("max huge") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "maxConnections": 1e20})")
                              << QStringLiteral("field \"maxConnections\": 1e+20 is out of range (1-1000000)");
    QTest::newRow("connect timeout bool") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "connectTimeoutMs": true})")
                                          << QStringLiteral("field \"connectTimeoutMs\": expected a whole number, got true or false");
    QTest::newRow("connect timeout zero") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "connectTimeoutMs": 0})")
                                          << QStringLiteral("field \"connectTimeoutMs\": 0 is out of range (1-3600000)");
    QTest::newRow("idle negative") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "idleTimeoutS": -1})")
                                   << QStringLiteral("field \"idleTimeoutS\": -1 is out of range (0-604800)");
    QTest::newRow("idle list") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "idleTimeoutS": [1]})")
                               << QStringLiteral("field \"idleTimeoutS\": expected a whole number, got a list");
    QTest::newRow("inspect string") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "inspectHttp": "on"})")
                                    << QStringLiteral("field \"inspectHttp\": expected true or false, got a string");
    QTest::newRow("target number") << QByteArray(R"({"name": "a", "listen": "8080", "target": 80})")
                                   << QStringLiteral("field \"target\": expected a string or a list of strings, got a number");
    QTest::newRow("target empty list") << QByteArray(R"({"name": "a", "listen": "8080", "target": []})")
                                       << QStringLiteral("field \"target\": the list is empty");
    QTest::newRow("target item") << QByteArray(R"({"name": "a", "listen": "8080", "target": ["a:1", "b"]})")
                                 << QStringLiteral("field \"target\": item 2: \"b\" has no port");
    QTest::newRow("target item number") << QByteArray(R"({"name": "a", "listen": "8080", "target": ["a:1", 2]})")
                                        << QStringLiteral("field \"target\": item 2: expected a string, got a number");
    QTest::newRow("protocol") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "protocol": "sctp"})")
                              << QStringLiteral("field \"protocol\": expected \"tcp\" or \"udp\", got \"sctp\"");
    QTest::newRow("follow string") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "followCluster": "yes"})")
                                   << QStringLiteral("field \"followCluster\": expected true or false, got a string");
    QTest::newRow("check zero") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "clusterCheckS": 0})")
                                << QStringLiteral("field \"clusterCheckS\": 0 is out of range (1-86400)");
    QTest::newRow("cooldown negative") << QByteArray(R"({"name": "a", "listen": "8080", "target": "a:1", "cooldownS": -1})")
                                       << QStringLiteral("field \"cooldownS\": -1 is out of range (0-3600)");
}

void TestForwardRule::fromJsonErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);

    const Result<ForwardRule> result = ForwardRule::fromJson(json(text.constData()));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().startsWith(message), qPrintable(result.error()));
}

void TestForwardRule::unknownKeysKept()
{
    const Result<ForwardRule> result = ForwardRule::fromJson(
        json(R"({"name": "a", "listen": "8080", "target": "a:1", "comment": "from the future", "tags": ["x", {"y": 1}]})"));
    QVERIFY_RESULT(result);
    QCOMPARE(result.value().extra, json(R"({"comment": "from the future", "tags": ["x", {"y": 1}]})"));

    const QJsonObject written = result.value().toJson();
    QCOMPARE(written.value(QStringLiteral("comment")).toString(), QStringLiteral("from the future"));
    QCOMPARE(written.value(QStringLiteral("tags")), result.value().extra.value(QStringLiteral("tags")));
}

void TestForwardRule::roundTrip()
{
    const QJsonObject original = json(R"({"name": "v6", "listen": "[::]:8443", "target": "[fd00::2]:443", "enabled": false,
        "allow": ["fd00::/8"], "maxConnections": 7, "connectTimeoutMs": 1, "idleTimeoutS": 604800, "x-note": 1})");
    const Result<ForwardRule> first = ForwardRule::fromJson(original);
    QVERIFY_RESULT(first);
    // Everything written is what was read, field for field.
    QCOMPARE(first.value().toJson(), original);

    const Result<ForwardRule> second = ForwardRule::fromJson(first.value().toJson());
    QVERIFY_RESULT(second);
    QCOMPARE(second.value().toJson(), original);
    QCOMPARE(second.value().listen, first.value().listen);
    QCOMPARE(second.value().target, first.value().target);
}

void TestForwardRule::originRoundTrip()
{
    const QJsonObject original = json(R"({"name": "ingress http", "listen": "0.0.0.0:31042", "target": "192.168.49.2:30080",
        "enabled": true, "allow": [], "maxConnections": 16384, "connectTimeoutMs": 10000, "idleTimeoutS": 0,
        "origin": {"context": "minikube", "profile": "minikube", "namespace": "ingress-nginx",
                   "service": "ingress-nginx-controller", "portName": "http", "port": 80, "nodePort": 30080,
                   "targetPort": "http", "selector": {"app.kubernetes.io/name": "ingress-nginx",
                                                      "app.kubernetes.io/component": "controller"}}})");
    const Result<ForwardRule> first = ForwardRule::fromJson(original);
    QVERIFY_RESULT(first);
    const RuleOrigin &origin = first.value().origin;
    QCOMPARE(origin.context, QStringLiteral("minikube"));
    QCOMPARE(origin.profile, QStringLiteral("minikube"));
    QCOMPARE(origin.ns, QStringLiteral("ingress-nginx"));
    QCOMPARE(origin.service, QStringLiteral("ingress-nginx-controller"));
    QCOMPARE(origin.portName, QStringLiteral("http"));
    QCOMPARE(origin.servicePort, quint16(80));
    QCOMPARE(origin.nodePort, quint16(30080));
    QCOMPARE(origin.targetPort, QStringLiteral("http"));
    QCOMPARE(origin.selector.value(QStringLiteral("app.kubernetes.io/component")), QStringLiteral("controller"));
    QCOMPARE(origin.selector.size(), 2);
    QVERIFY(!origin.isEmpty());
    QVERIFY(!first.value().extra.contains(QStringLiteral("origin")));
    QCOMPARE(first.value().toJson(), original);

    const Result<ForwardRule> second = ForwardRule::fromJson(first.value().toJson());
    QVERIFY_RESULT(second);
    QCOMPARE(second.value().origin, origin);
    RuleOrigin changed = origin;
    changed.nodePort = 30081;
    QVERIFY(changed != origin);
    changed = origin;
    changed.selector.insert(QStringLiteral("tier"), QStringLiteral("web"));
    QVERIFY(changed != origin);
}

void TestForwardRule::originAbsent()
{
    const Result<ForwardRule> result = ForwardRule::fromJson(json(R"({"name": "a", "listen": "8080", "target": "a:1"})"));
    QVERIFY_RESULT(result);
    QVERIFY(result.value().origin.isEmpty());
    QCOMPARE(result.value().origin, RuleOrigin{});
    // An empty origin is not written at all.
    QVERIFY(!result.value().toJson().contains(QStringLiteral("origin")));
}

void TestForwardRule::originErrors_data()
{
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<QString>("message");

    QTest::newRow("not an object") << QByteArray(R"("minikube")") << QStringLiteral("field \"origin\": expected an object, got a string");
    QTest::newRow("service number") << QByteArray(R"({"service": 3})")
                                    << QStringLiteral("field \"origin.service\": expected a string, got a number");
    QTest::newRow("namespace list") << QByteArray(R"({"service": "s", "namespace": ["a"]})")
                                    << QStringLiteral("field \"origin.namespace\": expected a string, got a list");
    QTest::newRow("port string") << QByteArray(R"({"service": "s", "port": "80"})")
                                 << QStringLiteral("field \"origin.port\": expected a port number (0-65535), got a string");
    QTest::newRow("nodePort too big") << QByteArray(R"({"service": "s", "nodePort": 70000})")
                                      << QStringLiteral("field \"origin.nodePort\": expected a port number (0-65535), got 70000");
    QTest::newRow("nodePort fraction") << QByteArray(R"({"service": "s", "nodePort": 1.5})")
                                       << QStringLiteral("field \"origin.nodePort\": expected a port number (0-65535), got 1.5");
    QTest::newRow("targetPort number") << QByteArray(R"({"service": "s", "targetPort": 8080})")
                                       << QStringLiteral("field \"origin.targetPort\": expected a string, got a number");
    QTest::newRow("selector list") << QByteArray(R"({"service": "s", "selector": ["app=web"]})")
                                   << QStringLiteral("field \"origin.selector\": expected an object of label names and "
                                                     "values, got a list");
    QTest::newRow("selector value") << QByteArray(R"({"service": "s", "selector": {"app": 1}})")
                                    << QStringLiteral("field \"origin.selector.app\": expected a string, got a number");
}

void TestForwardRule::originErrors()
{
    QFETCH(QByteArray, origin);
    QFETCH(QString, message);

    const QByteArray text = R"({"name": "a", "listen": "8080", "target": "a:1", "origin": )" + origin + '}';
    const Result<ForwardRule> result = ForwardRule::fromJson(json(text.constData()));
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), message);
}

void TestForwardRule::validate_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message"); // empty: valid

    QTest::newRow("ok") << QString() << QString() << QString();
    QTest::newRow("empty name") << QStringLiteral("name") << QString() << QStringLiteral("field \"name\": the name is empty");
    QTest::newRow("blank name") << QStringLiteral("name") << QStringLiteral("   ") << QStringLiteral("field \"name\": the name is empty");
    QTest::newRow("100 chars") << QStringLiteral("name") << QString(100, QLatin1Char('n')) << QString();
    QTest::newRow("101 chars") << QStringLiteral("name") << QString(101, QLatin1Char('n'))
                               << QStringLiteral("field \"name\": the name is 101 characters long: use at most 100");
    QTest::newRow("100 chars padded") << QStringLiteral("name") << QStringLiteral("  ") + QString(100, QLatin1Char('n')) << QString();
    QTest::newRow("listen port 0") << QStringLiteral("listenPort") << QStringLiteral("0")
                                   << QStringLiteral("field \"listen\": port 0 is out of range (1-65535)");
    QTest::newRow("listen host name") << QStringLiteral("listenHost") << QStringLiteral("localhost")
                                      << QStringLiteral("field \"listen\": \"localhost\" is not an IP address");
    QTest::newRow("listen bad v4") << QStringLiteral("listenHost") << QStringLiteral("1.2.3")
                                   << QStringLiteral("field \"listen\": \"1.2.3\" is not a valid IP address");
    QTest::newRow("listen v6") << QStringLiteral("listenHost") << QStringLiteral("::1") << QString();
    QTest::newRow("target empty") << QStringLiteral("targetHost") << QString() << QStringLiteral("field \"target\" is missing");
    QTest::newRow("target bad") << QStringLiteral("targetHost") << QStringLiteral("bad host")
                                << QStringLiteral("field \"target\": \"bad host\" is not a valid host name");
    QTest::newRow("target port 0") << QStringLiteral("targetPort") << QStringLiteral("0")
                                   << QStringLiteral("field \"target\": port 0 is out of range (1-65535)");
    QTest::newRow("allow /33") << QStringLiteral("allow") << QStringLiteral("10.0.0.0/33")
                               << QStringLiteral("field \"allow\": \"10.0.0.0/33\": prefix length must be 0-32 for IPv4");
    QTest::newRow("allow v6") << QStringLiteral("allow") << QStringLiteral("fd00::/8") << QString();
    QTest::newRow("max 0") << QStringLiteral("maxConnections") << QStringLiteral("0")
                           << QStringLiteral("field \"maxConnections\": 0 is out of range (1-1000000)");
    QTest::newRow("max limit") << QStringLiteral("maxConnections") << QString::number(ForwardRule::MaxConnectionsLimit) << QString();
    QTest::newRow("max over") << QStringLiteral("maxConnections") << QString::number(ForwardRule::MaxConnectionsLimit + 1)
                              << QStringLiteral("field \"maxConnections\": 1000001 is out of range (1-1000000)");
    QTest::newRow("connect 0") << QStringLiteral("connectTimeoutMs") << QStringLiteral("0")
                               << QStringLiteral("field \"connectTimeoutMs\": 0 is out of range");
    QTest::newRow("connect over") << QStringLiteral("connectTimeoutMs") << QString::number(ForwardRule::ConnectTimeoutLimitMs + 1)
                                  << QStringLiteral("field \"connectTimeoutMs\": 3600001 is out of range");
    QTest::newRow("idle 0") << QStringLiteral("idleTimeoutS") << QStringLiteral("0") << QString();
    QTest::newRow("idle negative") << QStringLiteral("idleTimeoutS") << QStringLiteral("-1")
                                   << QStringLiteral("field \"idleTimeoutS\": -1 is out of range (0-604800)");
    QTest::newRow("idle over") << QStringLiteral("idleTimeoutS") << QString::number(ForwardRule::IdleTimeoutLimitS + 1)
                               << QStringLiteral("field \"idleTimeoutS\": 604801 is out of range (0-604800)");
}

void TestForwardRule::validate()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);

    ForwardRule rule = makeRule(QStringLiteral("web"), QStringLiteral("8080"));
    QVERIFY_RESULT(rule.validate());
    if (field == QLatin1String("name"))
        rule.name = value;
    else if (field == QLatin1String("listenHost"))
        rule.listen.host = value;
    else if (field == QLatin1String("listenPort"))
        rule.listen.port = quint16(value.toUInt());
    else if (field == QLatin1String("targetHost"))
        rule.target.host = value;
    else if (field == QLatin1String("targetPort"))
        rule.target.port = quint16(value.toUInt());
    else if (field == QLatin1String("allow"))
        rule.allow = QStringList{QStringLiteral("192.168.1.0/24"), value};
    else if (field == QLatin1String("maxConnections"))
        rule.maxConnections = value.toInt();
    else if (field == QLatin1String("connectTimeoutMs"))
        rule.connectTimeoutMs = value.toInt();
    else if (field == QLatin1String("idleTimeoutS"))
        rule.idleTimeoutS = value.toInt();

    const Result<void> result = rule.validate();
    if (message.isEmpty()) {
        QVERIFY_RESULT(result);
    } else {
        QVERIFY(!result.ok());
        QVERIFY2(result.error().startsWith(message), qPrintable(result.error()));
    }
}

void TestForwardRule::validateRulesDuplicateName()
{
    const QList<ForwardRule> rules{makeRule(QStringLiteral("a"), QStringLiteral("8080")), makeRule(QStringLiteral("b"), QStringLiteral("8081")),
                                   makeRule(QStringLiteral(" a "), QStringLiteral("8082"))};
    const Result<void> result = validateRules(rules);
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), QStringLiteral("rules 1 (\"a\") and 3 (\"a\") have the same name: rename one"));
}

void TestForwardRule::validateRulesDuplicateListen_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("shown");

    QTest::newRow("same v4") << QStringLiteral("127.0.0.1:8080") << QStringLiteral("8080") << QStringLiteral("127.0.0.1:8080");
    QTest::newRow("same v6 spelled differently") << QStringLiteral("[::1]:9000") << QStringLiteral("[0:0::1]:9000") << QStringLiteral("[::1]:9000");
    QTest::newRow("any v6") << QStringLiteral("[::]:80") << QStringLiteral("[0::0]:80") << QStringLiteral("[::]:80");
}

void TestForwardRule::validateRulesDuplicateListen()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QString, shown);

    const QList<ForwardRule> rules{makeRule(QStringLiteral("a"), first), makeRule(QStringLiteral("x"), QStringLiteral("7000")),
                                   makeRule(QStringLiteral("b"), second)};
    const Result<void> result = validateRules(rules);
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), QStringLiteral("rules 1 (\"a\") and 3 (\"b\") both listen on ") + shown
                                 + QStringLiteral("; disable one or change its port"));
}

void TestForwardRule::validateRulesDisabledDuplicateAllowed()
{
    QList<ForwardRule> rules{makeRule(QStringLiteral("a"), QStringLiteral("8080")), makeRule(QStringLiteral("b"), QStringLiteral("8080"), false),
                             makeRule(QStringLiteral("c"), QStringLiteral("0.0.0.0:8080")), makeRule(QStringLiteral("d"), QStringLiteral("[::1]:8080"))};
    const Result<void> allowed = validateRules(rules);
    QVERIFY_RESULT(allowed);

    rules[1].enabled = true;
    QVERIFY(!validateRules(rules).ok());
    QVERIFY_RESULT(validateRules({}));
}

void TestForwardRule::validateRulesNamesRule()
{
    QList<ForwardRule> rules{makeRule(QStringLiteral("web"), QStringLiteral("8080")), makeRule(QStringLiteral("api"), QStringLiteral("8081"))};
    rules[1].listen.port = 0;
    const Result<void> result = validateRules(rules);
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), QStringLiteral("rule 2 (\"api\"): field \"listen\": port 0 is out of range (1-65535)"));
}

void TestForwardRule::allowCidrs()
{
    ForwardRule rule = makeRule(QStringLiteral("a"), QStringLiteral("8080"));
    rule.allow = QStringList{QStringLiteral("192.168.1.0/24"), QStringLiteral("fd00::1")};
    const QList<Cidr> cidrs = rule.allowCidrs();
    QCOMPARE(cidrs.size(), 2);
    QCOMPARE(cidrs.at(0).toString(), QStringLiteral("192.168.1.0/24"));
    QCOMPARE(cidrs.at(1).toString(), QStringLiteral("fd00::1/128"));
}

void TestForwardRule::isExposed_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<bool>("exposed");

    QTest::newRow("loopback v4") << QStringLiteral("127.0.0.1:8080") << false;
    QTest::newRow("loopback v4 other") << QStringLiteral("127.0.0.2:8080") << false;
    QTest::newRow("loopback v6") << QStringLiteral("[::1]:8080") << false;
    QTest::newRow("any v4") << QStringLiteral("0.0.0.0:8080") << true;
    QTest::newRow("any v6") << QStringLiteral("[::]:8080") << true;
    QTest::newRow("lan") << QStringLiteral("192.168.1.10:8080") << true;
}

void TestForwardRule::isExposed()
{
    QFETCH(QString, listen);
    QFETCH(bool, exposed);
    QCOMPARE(makeRule(QStringLiteral("a"), listen).isExposed(), exposed);
}

void TestForwardRule::inspectsHttp_data()
{
    QTest::addColumn<quint16>("targetPort");
    QTest::addColumn<QString>("originService");
    QTest::addColumn<int>("setting");  // -1 unset, 0 off, 1 on
    QTest::addColumn<bool>("inspects");

    QTest::newRow("port 80") << quint16(80) << QString() << -1 << true;
    QTest::newRow("port 8080") << quint16(8080) << QString() << -1 << true;
    QTest::newRow("port 5432") << quint16(5432) << QString() << -1 << false;
    QTest::newRow("ingress https") << quint16(31443) << QStringLiteral("ingress-nginx-controller") << -1 << true;
    QTest::newRow("other service") << quint16(30432) << QStringLiteral("postgres") << -1 << false;
    QTest::newRow("port 80 off") << quint16(80) << QString() << 0 << false;
    QTest::newRow("port 5432 on") << quint16(5432) << QString() << 1 << true;
}

void TestForwardRule::inspectsHttp()
{
    QFETCH(quint16, targetPort);
    QFETCH(QString, originService);
    QFETCH(int, setting);
    QFETCH(bool, inspects);
    ForwardRule rule = makeRule(QStringLiteral("a"), QStringLiteral("8080"));
    rule.target.port = targetPort;
    rule.origin.service = originService;
    if (setting >= 0)
        rule.inspectHttp = setting == 1;
    QCOMPARE(rule.inspectsHttp(), inspects);
}

void TestForwardRule::inspectHttpJson()
{
    // Unset stays unset (the default may follow the target); a choice is kept either way.
    ForwardRule rule = makeRule(QStringLiteral("a"), QStringLiteral("8080"));
    QVERIFY(!rule.toJson().contains(QStringLiteral("inspectHttp")));
    QVERIFY(!ForwardRule::fromJson(rule.toJson()).value().inspectHttp.has_value());
    for (const bool on : {false, true}) {
        rule.inspectHttp = on;
        QCOMPARE(rule.toJson().value(QStringLiteral("inspectHttp")), QJsonValue(on));
        const ForwardRule back = ForwardRule::fromJson(rule.toJson()).value();
        QCOMPARE(back.inspectHttp, std::optional<bool>(on));
        QVERIFY(!back.extra.contains(QStringLiteral("inspectHttp")));
    }
}


void TestForwardRule::targetListAndUdp()
{
    const Result<ForwardRule> read = ForwardRule::fromJson(json(
        R"({"name": "dns", "listen": "5353", "target": ["10.0.0.1:53", "10.0.0.2:53"], "protocol": "udp",
            "cooldownS": 3, "followCluster": false, "clusterCheckS": 5})"));
    QVERIFY_RESULT(read);
    const ForwardRule rule = read.value();
    QCOMPARE(rule.target, (Endpoint{QStringLiteral("10.0.0.1"), 53}));
    QCOMPARE(rule.moreTargets, (QList<Endpoint>{{QStringLiteral("10.0.0.2"), 53}}));
    QCOMPARE(rule.targetsText(), QStringLiteral("10.0.0.1:53, 10.0.0.2:53"));
    QVERIFY(rule.transport == Transport::Udp);
    QCOMPARE(rule.cooldownS, 3);
    QVERIFY(!rule.followsCluster());
    QCOMPARE(rule.clusterCheckS, 5);
    QCOMPARE(rule.effectiveIdleTimeoutS(), ForwardRule::DefaultUdpIdleTimeoutS);
    QVERIFY(!rule.inspectsHttp());
    QVERIFY_RESULT(rule.validate());

    const QJsonObject written = rule.toJson();
    QCOMPARE(written.value(QStringLiteral("target")).toArray().size(), 2);
    QCOMPARE(written.value(QStringLiteral("protocol")).toString(), QStringLiteral("udp"));
    const Result<ForwardRule> again = ForwardRule::fromJson(written);
    QVERIFY_RESULT(again);
    QCOMPARE(again.value().toJson(), written);

    // A TCP and a UDP rule may share a port; two UDP rules may not.
    ForwardRule tcp = rule;
    tcp.name = QStringLiteral("tcp");
    tcp.transport = Transport::Tcp;
    QVERIFY_RESULT(validateRules({rule, tcp}));
    ForwardRule udp2 = rule;
    udp2.name = QStringLiteral("udp2");
    QVERIFY(!validateRules({rule, udp2}).ok());

    ForwardRule repeated = rule;
    repeated.moreTargets.append(rule.target);
    const Result<void> twice = repeated.validate();
    QVERIFY(!twice.ok());
    QVERIFY2(twice.error().contains(QStringLiteral("10.0.0.1:53 is listed twice")), qPrintable(twice.error()));
}

// A rule written by version 1 reads and writes back the same keys: nothing new appears.
void TestForwardRule::versionOneRuleUnchanged()
{
    const QJsonObject v1 = json(R"({"name": "api", "listen": "127.0.0.1:8080", "target": "192.168.49.2:80",
        "enabled": true, "allow": [], "maxConnections": 16384, "connectTimeoutMs": 10000, "idleTimeoutS": 0})");
    const Result<ForwardRule> read = ForwardRule::fromJson(v1);
    QVERIFY_RESULT(read);
    QVERIFY(read.value().moreTargets.isEmpty());
    QVERIFY(read.value().transport == Transport::Tcp);
    QCOMPARE(read.value().toJson(), v1);

    // A rule made from the cluster follows it unless told not to.
    ForwardRule fromCluster = read.value();
    fromCluster.origin.service = QStringLiteral("web");
    QVERIFY(fromCluster.followsCluster());
    fromCluster.followCluster = false;
    QVERIFY(!fromCluster.followsCluster());
}

void TestForwardRule::parseTargetListText()
{
    const Result<QList<Endpoint>> list = parseTargetList(QStringLiteral(" a:1,b:2  [::1]:3 "));
    QVERIFY_RESULT(list);
    QCOMPARE(list.value().size(), 3);
    QCOMPARE(list.value().at(2), (Endpoint{QStringLiteral("::1"), 3}));
    QVERIFY(!parseTargetList(QString()).ok());
    const Result<QList<Endpoint>> bad = parseTargetList(QStringLiteral("a:1, b"));
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().startsWith(QStringLiteral("b: ")), qPrintable(bad.error()));
}

QTEST_APPLESS_MAIN(TestForwardRule)
#include "tst_forwardrule.moc"
