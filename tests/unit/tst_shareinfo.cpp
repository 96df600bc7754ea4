// What the Share dialog shows, without widgets: the entries per address of
// this machine, the warnings, the Ingress lines, and the QR code's modules.
#include <QTest>

#include "checks.h"
#include "share/qrcode.h"
#include "share/shareinfo.h"

using namespace Qt::StringLiterals;

namespace {

ForwardRule rule(const QString &listen, quint16 targetPort = 8080)
{
    ForwardRule rule;
    rule.name = u"web"_s;
    rule.listen = parseListen(listen).value();
    rule.target = Endpoint{u"127.0.0.5"_s, targetPort};
    return rule;
}

// As planRules() makes them: the ingress controller's http (80) or https (443) port.
ForwardRule ingressRule(const QString &listen, quint16 servicePort)
{
    ForwardRule made = rule(listen, 30080);
    made.origin = RuleOrigin{u"minikube"_s, u"minikube"_s, u"ingress-nginx"_s, u"ingress-nginx-controller"_s,
                             servicePort == 443 ? u"https"_s : u"http"_s, servicePort, 30080, {}, {}};
    return made;
}

QList<QHostAddress> addresses(const QStringList &texts)
{
    QList<QHostAddress> list;
    for (const QString &text : texts)
        list.append(QHostAddress(text));
    return list;
}

// Loopback, link-local, a duplicate and IPv6 besides the two IPv4 LAN addresses.
const QStringList machine{u"127.0.0.1"_s,   u"192.168.1.20"_s,  u"169.254.3.4"_s, u"::1"_s,
                          u"fe80::1%eth0"_s, u"2001:db8::20"_s, u"10.0.0.7"_s,   u"192.168.1.20"_s};

QStringList targets(const ShareInfo &info)
{
    QStringList list;
    for (const ShareEntry &entry : info.entries)
        list.append(entry.target);
    return list;
}

bool hasWarning(const ShareInfo &info, const QString &start)
{
    for (const QString &warning : info.warnings) {
        if (warning.startsWith(start))
            return true;
    }
    return false;
}

} // namespace

class TestShareInfo final : public QObject
{
    Q_OBJECT

private slots:
    void wildcardOneUrlPerAddress();
    void ipv6WildcardGetsGlobalIpv6();
    void oneAddressIsThatOne();
    void loopbackOnly_data();
    void loopbackOnly();
    void openWithoutAllowList();
    void allowListNoWarning();
    void noReachableAddress();
    void stoppedRule();
    void targets_data();
    void targets();
    void ingressLines();
    void ingressLinesIpv6();
    void hostsFromCluster();
    void ingressRuleFromCluster();
    void qrModules();
    void qrTooLong();
};

void TestShareInfo::wildcardOneUrlPerAddress()
{
    const ShareInfo info = shareInfo(ingressRule(u"0.0.0.0:31042"_s, 80), addresses(machine));
    QCOMPARE(::targets(info), (QStringList{u"http://192.168.1.20:31042/"_s, u"http://10.0.0.7:31042/"_s}));
    QCOMPARE(info.entries.at(0).address, QHostAddress(u"192.168.1.20"_s));
    QVERIFY(info.entries.at(0).command.isEmpty());
    QVERIFY(info.entries.at(0).hostsLine.isEmpty());
}

void TestShareInfo::ipv6WildcardGetsGlobalIpv6()
{
    ForwardRule open = ingressRule(u"[::]:31042"_s, 80);
    open.allow = {u"2001:db8::/64"_s};
    const ShareInfo info = shareInfo(open, addresses(machine));
    QCOMPARE(::targets(info), QStringList{u"http://[2001:db8::20]:31042/"_s});
    QVERIFY(info.warnings.isEmpty());
}

void TestShareInfo::oneAddressIsThatOne()
{
    const ShareInfo info = shareInfo(ingressRule(u"192.168.1.20:31042"_s, 80), addresses(machine));
    QCOMPARE(::targets(info), QStringList{u"http://192.168.1.20:31042/"_s});
    QVERIFY2(info.warnings.isEmpty(), qPrintable(info.warnings.join(u'\n')));
}

void TestShareInfo::loopbackOnly_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QString>("address");
    QTest::newRow("IPv4") << u"127.0.0.1:31042"_s << u"127.0.0.1"_s;
    QTest::newRow("IPv6") << u"[::1]:31042"_s << u"::1"_s;
}

void TestShareInfo::loopbackOnly()
{
    QFETCH(QString, listen);
    QFETCH(QString, address);
    const ShareInfo info = shareInfo(ingressRule(listen, 80), addresses(machine));
    QVERIFY(info.entries.isEmpty());
    QCOMPARE(info.warnings,
             QStringList{u"Listens on %1 only: no other machine can reach it; edit the rule to listen on 0.0.0.0 "
                         "or a LAN address."_s.arg(address)});
}

void TestShareInfo::openWithoutAllowList()
{
    const ShareInfo info = shareInfo(rule(u"0.0.0.0:8080"_s), addresses(machine));
    QCOMPARE(info.entries.size(), 2);
    QCOMPARE(info.warnings, QStringList{u"Anyone on every network this PC joins can reach it; add an allow-list "
                                        "(e.g. 192.168.1.0/24)."_s});
}

void TestShareInfo::allowListNoWarning()
{
    ForwardRule allowed = rule(u"0.0.0.0:8080"_s);
    allowed.allow = {u"192.168.1.0/24"_s};
    const ShareInfo info = shareInfo(allowed, addresses(machine));
    QCOMPARE(info.entries.size(), 2);
    QVERIFY2(info.warnings.isEmpty(), qPrintable(info.warnings.join(u'\n')));
}

void TestShareInfo::noReachableAddress()
{
    ForwardRule allowed = rule(u"0.0.0.0:8080"_s);
    allowed.allow = {u"192.168.1.0/24"_s};
    const ShareInfo info = shareInfo(allowed, addresses({u"127.0.0.1"_s, u"169.254.1.1"_s, u"fe80::2"_s}));
    QVERIFY(info.entries.isEmpty());
    QVERIFY(hasWarning(info, u"This PC has no IPv4 address other machines can reach"_s));
}

void TestShareInfo::stoppedRule()
{
    ForwardRule stopped = rule(u"192.168.1.20:8080"_s);
    stopped.enabled = false;
    const ShareInfo info = shareInfo(stopped, {});
    QCOMPARE(info.entries.size(), 1);
    QVERIFY(hasWarning(info, u"The rule is stopped"_s));
}

void TestShareInfo::targets_data()
{
    QTest::addColumn<ForwardRule>("rule");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("command");

    QTest::newRow("ingress http") << ingressRule(u"192.168.1.20:31042"_s, 80) << u"http://192.168.1.20:31042/"_s
                                  << QString();
    QTest::newRow("ingress https") << ingressRule(u"192.168.1.20:31443"_s, 443) << u"https://192.168.1.20:31443/"_s
                                   << QString();
    QTest::newRow("https port, no origin") << rule(u"192.168.1.20:31443"_s, 30443) << u"https://192.168.1.20:31443/"_s
                                           << QString();
    QTest::newRow("http on port 80") << rule(u"192.168.1.20:80"_s, 80) << u"http://192.168.1.20/"_s << QString();
    QTest::newRow("raw TCP") << rule(u"192.168.1.20:5432"_s, 5432) << u"192.168.1.20:5432"_s
                             << u"nc 192.168.1.20 5432"_s;
    ForwardRule udp = rule(u"192.168.1.20:5353"_s, 53);
    udp.transport = Transport::Udp;
    QTest::newRow("UDP") << udp << u"192.168.1.20:5353"_s << u"nc -u 192.168.1.20 5353"_s;
    QTest::newRow("raw TCP, IPv6") << rule(u"[2001:db8::20]:5432"_s, 5432) << u"[2001:db8::20]:5432"_s
                                   << u"nc 2001:db8::20 5432"_s;
}

void TestShareInfo::targets()
{
    QFETCH(ForwardRule, rule);
    QFETCH(QString, target);
    QFETCH(QString, command);
    const ShareInfo info = shareInfo(rule, {});
    QCOMPARE(info.entries.size(), 1);
    QCOMPARE(info.entries.constFirst().target, target);
    QCOMPARE(info.entries.constFirst().command, command);
}

void TestShareInfo::ingressLines()
{
    const ShareInfo info = shareInfo(ingressRule(u"0.0.0.0:31042"_s, 80), addresses(machine),
                                     {u"api.local"_s, u"shop.local"_s});
    QCOMPARE(info.entries.size(), 2);
    const ShareEntry &first = info.entries.constFirst();
    QCOMPARE(first.hostsLine, u"192.168.1.20 api.local shop.local"_s);
    QCOMPARE(first.curlLines, (QStringList{u"curl --resolve api.local:31042:192.168.1.20 http://api.local:31042/"_s,
                                           u"curl --resolve shop.local:31042:192.168.1.20 http://shop.local:31042/"_s}));
    QCOMPARE(info.entries.at(1).hostsLine, u"10.0.0.7 api.local shop.local"_s);

    const ShareInfo https = shareInfo(ingressRule(u"192.168.1.20:31443"_s, 443), {}, {u"api.local"_s});
    QCOMPARE(https.entries.constFirst().curlLines,
             QStringList{u"curl --resolve api.local:31443:192.168.1.20 https://api.local:31443/"_s});
}

void TestShareInfo::ingressLinesIpv6()
{
    const ShareInfo info = shareInfo(ingressRule(u"[2001:db8::20]:31042"_s, 80), {}, {u"api.local"_s});
    QCOMPARE(info.entries.constFirst().hostsLine, u"2001:db8::20 api.local"_s);
    QCOMPARE(info.entries.constFirst().curlLines,
             QStringList{u"curl --resolve api.local:31042:[2001:db8::20] http://api.local:31042/"_s});
}

void TestShareInfo::hostsFromCluster()
{
    ClusterInfo info;
    info.ingresses = {ClusterIngress{u"default"_s, u"api"_s, u"nginx"_s,
                                     {IngressRule{u"api.local"_s, {}}, IngressRule{QString(), {}}},
                                     {}, {}},
                      ClusterIngress{u"default"_s, u"shop"_s, u"nginx"_s,
                                     {IngressRule{u"*.shop.local"_s, {}}, IngressRule{u"api.local"_s, {}}},
                                     {}, {}}};
    QCOMPARE(ingressHosts(info), (QStringList{u"api.local"_s, u"www.shop.local"_s}));
}

void TestShareInfo::ingressRuleFromCluster()
{
    ClusterService controller;
    controller.ns = u"ingress-nginx"_s;
    controller.name = u"ingress-nginx-controller"_s;
    controller.labels = {{u"app.kubernetes.io/name"_s, u"ingress-nginx"_s},
                         {u"app.kubernetes.io/component"_s, u"controller"_s}};
    ClusterService web;
    web.ns = u"default"_s;
    web.name = u"web"_s;
    ClusterInfo info;
    info.services = {controller, web};

    const ForwardRule ingress = ingressRule(u"0.0.0.0:31042"_s, 80);
    QVERIFY(mayBeIngressRule(ingress));
    QVERIFY(isIngressRule(ingress, info));
    ForwardRule other = ingress;
    other.origin.ns = u"default"_s;
    other.origin.service = u"web"_s;
    QVERIFY(!mayBeIngressRule(other));
    QVERIFY(!isIngressRule(other, info));
    QVERIFY(!mayBeIngressRule(rule(u"0.0.0.0:31042"_s)));
}

// Version 2 (25 modules) holds a LAN URL at level M; the finder patterns sit in three corners.
void TestShareInfo::qrModules()
{
    const Result<QrCode> code = encodeQr(u"http://192.168.1.20:31042/"_s);
    QVERIFY_RESULT(code);
    QCOMPARE(code.value().version, 2);
    QCOMPARE(code.value().size, 17 + 4 * code.value().version);
    QCOMPARE(code.value().modules.size(), std::size_t(25 * 25));
    for (const auto &[x, y] : {std::pair{0, 0}, {18, 0}, {0, 18}}) {
        QVERIFY(code.value().isDark(x, y));           // the outer ring
        QVERIFY(!code.value().isDark(x + 1, y + 1));  // the light ring
        QVERIFY(code.value().isDark(x + 3, y + 3));   // the centre
    }
}

void TestShareInfo::qrTooLong()
{
    const Result<QrCode> code = encodeQr(QString(8000, u'x'));
    QVERIFY(!code);
    QVERIFY2(code.error().contains(u"too long"_s), qPrintable(code.error()));
}

QTEST_GUILESS_MAIN(TestShareInfo)
#include "tst_shareinfo.moc"
