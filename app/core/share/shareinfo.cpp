#include "shareinfo.h"

#include <QCoreApplication>

#include "cluster/clusterplan.h"

namespace {

struct Share {
    Q_DECLARE_TR_FUNCTIONS(Share)
};

// Not loopback, link-local (needs a scope id), multicast or broadcast.
bool reachable(const QHostAddress &address)
{
    return !address.isNull() && !address.isLoopback() && !address.isLinkLocal() && !address.isMulticast()
           && !address.isBroadcast() && address != QHostAddress::AnyIPv4 && address != QHostAddress::AnyIPv6;
}

QString bracketed(const QHostAddress &address)
{
    const QString text = address.toString();
    return address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + text + u']' : text;
}

// ":31042", or nothing for the scheme's own port.
QString portSuffix(const QString &scheme, quint16 port)
{
    if ((scheme == u"http" && port == 80) || (scheme == u"https" && port == 443))
        return {};
    return u':' + QString::number(port);
}

// The /24 (IPv4) or /64 (IPv6) network of the first address, for the allow-list example.
QString exampleNetwork(const QList<ShareEntry> &entries)
{
    if (entries.isEmpty())
        return QStringLiteral("192.168.1.0/24");
    const QHostAddress &address = entries.constFirst().address;
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return QHostAddress(address.toIPv4Address() & 0xffffff00u).toString() + QStringLiteral("/24");
    Q_IPV6ADDR bytes = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + QStringLiteral("/64");
}

ShareEntry entryFor(const ForwardRule &rule, const QHostAddress &address, const QStringList &ingressHosts)
{
    ShareEntry entry;
    entry.address = address;
    const quint16 port = rule.listen.port;
    const QString scheme = shareScheme(rule);
    if (scheme.isEmpty()) {
        entry.target = bracketed(address) + u':' + QString::number(port);
        entry.command = (rule.transport == Transport::Udp ? QStringLiteral("nc -u ") : QStringLiteral("nc "))
                        + address.toString() + u' ' + QString::number(port);
    } else {
        entry.target = scheme + QStringLiteral("://") + bracketed(address) + portSuffix(scheme, port) + u'/';
    }
    if (ingressHosts.isEmpty())
        return entry;
    entry.hostsLine = address.toString() + u' ' + ingressHosts.join(u' ');
    const QString urlScheme = scheme.isEmpty() ? QStringLiteral("http") : scheme;
    for (const QString &host : ingressHosts) {
        entry.curlLines.append(QStringLiteral("curl --resolve ") + host + u':' + QString::number(port) + u':'
                               + bracketed(address) + u' ' + urlScheme + QStringLiteral("://") + host
                               + portSuffix(urlScheme, port) + u'/');
    }
    return entry;
}

} // namespace

QString shareScheme(const ForwardRule &rule)
{
    if (rule.transport == Transport::Udp)
        return {};
    if (rule.origin.servicePort == 443 || rule.listen.port == IngressHttpsListenPort)
        return QStringLiteral("https");
    return rule.inspectsHttp() ? QStringLiteral("http") : QString();
}

ShareInfo shareInfo(const ForwardRule &rule, const QList<QHostAddress> &addresses, const QStringList &ingressHosts)
{
    ShareInfo info;
    const Result<QHostAddress> listen = parseIpAddress(rule.listen.host);
    if (!listen) {
        info.warnings.append(Share::tr("The listen address is not valid (%1): edit the rule.").arg(listen.error()));
        return info;
    }
    if (!rule.enabled)
        info.warnings.append(Share::tr("The rule is stopped: start it, or nobody can connect."));
    if (listen.value().isLoopback()) {
        info.warnings.append(Share::tr("Listens on %1 only: no other machine can reach it; edit the rule to listen on "
                                "0.0.0.0 or a LAN address.")
                                 .arg(listen.value().toString()));
        return info;
    }

    const bool anyIPv4 = listen.value() == QHostAddress::AnyIPv4;
    const bool anyIPv6 = listen.value() == QHostAddress::AnyIPv6;
    if (!anyIPv4 && !anyIPv6) {
        info.entries.append(entryFor(rule, listen.value(), ingressHosts));
        return info;
    }
    // [::] is bound IPv6-only (see Listener), so each wildcard gets its own family.
    const auto family = anyIPv4 ? QAbstractSocket::IPv4Protocol : QAbstractSocket::IPv6Protocol;
    QList<QHostAddress> chosen;
    for (QHostAddress address : addresses) {
        address.setScopeId({});
        if (address.protocol() == family && reachable(address) && !chosen.contains(address))
            chosen.append(address);
    }
    for (const QHostAddress &address : std::as_const(chosen))
        info.entries.append(entryFor(rule, address, ingressHosts));
    if (chosen.isEmpty()) {
        info.warnings.append(anyIPv4 ? Share::tr("This PC has no IPv4 address other machines can reach: connect it to a "
                                          "network.")
                                     : Share::tr("This PC has no global IPv6 address other machines can reach: connect it "
                                          "to an IPv6 network or listen on 0.0.0.0."));
    }
    if (rule.allow.isEmpty()) {
        info.warnings.append(Share::tr("Anyone on every network this PC joins can reach it; add an allow-list (e.g. %1).")
                                 .arg(exampleNetwork(info.entries)));
    }
    return info;
}

bool mayBeIngressRule(const ForwardRule &rule)
{
    return !rule.origin.isEmpty() && rule.origin.service.contains(QLatin1String("ingress"), Qt::CaseInsensitive);
}

bool isIngressRule(const ForwardRule &rule, const ClusterInfo &info)
{
    const ClusterService *service = info.findService(rule.origin.ns, rule.origin.service);
    return service != nullptr && service->isIngressController();
}

QStringList ingressHosts(const ClusterInfo &info)
{
    QStringList hosts;
    for (const ClusterIngress &ingress : info.ingresses) {
        for (const IngressRule &rule : ingress.rules) {
            QString host = rule.host;
            host.replace(QStringLiteral("*"), QStringLiteral("www"));
            if (!host.isEmpty() && !hosts.contains(host))
                hosts.append(host);
        }
    }
    return hosts;
}
