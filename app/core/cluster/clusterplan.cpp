#include "clusterplan.h"

#include <QSet>

namespace {

RuleOrigin originOf(const ClusterInfo &info, const ClusterService &service, const ServicePort &port)
{
    return RuleOrigin{info.context,   info.profile,    service.ns,      service.name,    port.name,
                      port.port,      port.nodePort,   port.targetPort, service.selector};
}

// One per node, as many as a rule holds.
QList<Endpoint> nodeTargets(const ClusterInfo &info, quint16 nodePort)
{
    QList<Endpoint> targets;
    for (const QString &node : info.nodeIps().mid(0, ForwardRule::MaxTargets))
        targets.append(Endpoint{node, nodePort});
    return targets;
}

ForwardRule makeRule(const QString &name, const QString &listenAddress, quint16 listenPort, const ClusterInfo &info,
                     const RuleOrigin &origin)
{
    ForwardRule rule;
    rule.name = name;
    rule.listen = Endpoint{listenAddress, listenPort};
    rule.setTargets(nodeTargets(info, origin.nodePort));
    rule.origin = origin;
    return rule;
}

// Where a client on this machine reaches a rule listening on `listenAddress`, as a URL's host.
QString urlHostFor(const QString &listenAddress)
{
    if (listenAddress == u"0.0.0.0")
        return QStringLiteral("127.0.0.1");
    if (listenAddress == u"::")
        return QStringLiteral("[::1]");
    return listenAddress.contains(u':') ? u'[' + listenAddress + u']' : listenAddress;
}

} // namespace

QList<ForwardRule> planRules(const ClusterInfo &info, const QString &listenAddress)
{
    QList<ForwardRule> rules;
    if (info.nodeIp.isEmpty())
        return rules;
    QSet<quint16> listenPorts;
    const auto add = [&](const ForwardRule &rule) {
        if (rule.listen.port != 0 && rule.target.port != 0 && !listenPorts.contains(rule.listen.port)) {
            listenPorts.insert(rule.listen.port);
            rules.append(rule);
        }
    };

    if (const ClusterService *controller = info.findService(info.controller.ns, info.controller.name)) {
        const struct
        {
            QString name;
            quint16 servicePort;
            quint16 listenPort;
        } ingressPorts[] = {{QStringLiteral("ingress http"), info.controller.httpPort, IngressHttpListenPort},
                            {QStringLiteral("ingress https"), info.controller.httpsPort, IngressHttpsListenPort}};
        for (const auto &entry : ingressPorts) {
            if (const ServicePort *port = controller->findPort({}, entry.servicePort))
                add(makeRule(entry.name, listenAddress, entry.listenPort, info, originOf(info, *controller, *port)));
        }
    }
    for (const ClusterService &service : info.services) {
        if (service.isIngressController())
            continue;
        for (const ServicePort &port : service.ports) {
            if (port.protocol != u"TCP")
                continue;
            const QString name = service.ns + u'/' + service.name + u' '
                                 + (port.name.isEmpty() ? QString::number(port.port) : port.name);
            add(makeRule(name, listenAddress, port.nodePort, info, originOf(info, service, port)));
        }
    }
    return rules;
}

std::optional<StaleTarget> staleTarget(const ForwardRule &rule, const ClusterInfo &info)
{
    const RuleOrigin &origin = rule.origin;
    if (origin.isEmpty() || origin.context != info.context || info.nodeIp.isEmpty())
        return std::nullopt;
    const ClusterService *service = info.findService(origin.ns, origin.service);
    const ServicePort *port = service ? service->findPort(origin.portName, origin.servicePort) : nullptr;
    if (port == nullptr || port->nodePort == 0)
        return std::nullopt;
    // A rule made for the port itself (nodePort 0) has no node port to follow.
    if (origin.nodePort == 0)
        return std::nullopt;
    StaleTarget stale;
    stale.targets = nodeTargets(info, port->nodePort);
    QStringList oldNodes;
    for (const Endpoint &target : rule.targets()) {
        if (target.port == origin.nodePort)
            oldNodes.append(target.host);
        else if (stale.targets.size() < ForwardRule::MaxTargets)
            stale.targets.append(target);
    }
    if (stale.targets == rule.targets())
        return std::nullopt;
    stale.origin = origin;
    stale.origin.servicePort = port->port;
    stale.origin.nodePort = port->nodePort;
    stale.origin.targetPort = port->targetPort;
    stale.origin.selector = service->selector;
    stale.portMoved = port->nodePort != origin.nodePort;
    stale.nodeMoved = oldNodes != info.nodeIps().mid(0, ForwardRule::MaxTargets);
    return stale;
}

QList<RequestCollection> ingressRequests(const ClusterInfo &info, const QString &listenAddress)
{
    QList<RequestCollection> collections;
    if (!info.controller.found() || info.nodeIp.isEmpty())
        return collections;
    const QString host = urlHostFor(listenAddress);
    for (const ClusterIngress &ingress : info.ingresses) {
        RequestCollection collection{ingress.name, {}};
        for (const IngressRule &rule : ingress.rules) {
            const bool tls = !rule.host.isEmpty() && ingress.hasTlsFor(rule.host) && info.controller.httpsNodePort != 0;
            for (const IngressPath &path : rule.paths) {
                HttpRequest request;
                request.url = (tls ? QStringLiteral("https://") : QStringLiteral("http://")) + host + u':'
                              + QString::number(tls ? IngressHttpsListenPort : IngressHttpListenPort)
                              + (path.path.startsWith(u'/') ? path.path : u'/' + path.path);
                // A wildcard host ("*.example.com") needs some name under it.
                if (!rule.host.isEmpty()) {
                    QString hostHeader = rule.host;
                    hostHeader.replace(QStringLiteral("*"), QStringLiteral("www"));
                    request.headers.append(HttpHeader{QStringLiteral("Host"), hostHeader});
                }
                collection.requests.append(request);
            }
        }
        if (!collection.requests.isEmpty())
            collections.append(collection);
    }
    return collections;
}
