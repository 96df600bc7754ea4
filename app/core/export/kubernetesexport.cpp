// The Kubernetes formats: ingress-nginx's tcp-services ConfigMap and Service manifests.
// Both need to know the Service behind a rule, so only rules made from the cluster go in.
#include <QSet>

#include "exportwriters.h"

namespace RuleExport {

namespace {

constexpr int NodePortMin = 30000;
constexpr int NodePortMax = 32767;
constexpr int MaxNameLength = 63;

QList<ForwardRule> fromCluster(const QList<ForwardRule> &rules, Notes &notes)
{
    QList<ForwardRule> result;
    for (const ForwardRule &rule : rules) {
        if (rule.origin.isEmpty())
            notes.skipped.append(ruleLabel(rule) + QStringLiteral(": not made from a cluster Service"));
        else
            result.append(rule);
    }
    return result;
}

// "<service>-<port>", cut to a DNS label's 63 characters.
QString serviceName(const ForwardRule &rule)
{
    const QString suffix = QStringLiteral("-%1").arg(rule.listen.port);
    QString base = rule.origin.service.left(MaxNameLength - suffix.size());
    while (base.endsWith(u'-'))
        base.chop(1);
    return base + suffix;
}

QString originText(const RuleOrigin &origin)
{
    return QStringLiteral("%1/%2 port %3").arg(origin.ns, origin.service).arg(origin.servicePort);
}

} // namespace

QString writeTcpServices(const QList<ForwardRule> &rules, const ExportOptions &options, Notes &notes)
{
    notes.title = QStringLiteral("ingress-nginx tcp-services ConfigMap");
    const QString service = options.ingressNamespace + u'/' + options.ingressService;
    notes.lost += {
        QStringLiteral("all rules: the listen address (the controller listens on every address of its Service)"),
        QStringLiteral("all rules: connect and idle timeouts (controller-wide: proxy-connect-timeout and"),
        QStringLiteral("  proxy-stream-timeout in the controller's ConfigMap), connection limits, half-close"),
    };
    QString data;
    QString ports;
    QSet<quint16> used;
    for (const ForwardRule &rule : fromCluster(rules, notes)) {
        const quint16 port = rule.listen.port;
        if (rule.transport == Transport::Udp) {
            notes.skipped.append(ruleLabel(rule) + QStringLiteral(": UDP (ingress-nginx reads UDP ports from its "
                                                                  "udp-services ConfigMap, not this one)"));
            continue;
        }
        if (used.contains(port)) {
            notes.skipped.append(ruleLabel(rule) + QStringLiteral(": port %1 is already taken by another rule").arg(port));
            continue;
        }
        used.insert(port);
        if (!rule.allow.isEmpty())
            notes.lost.append(ruleLabel(rule) + QStringLiteral(": the allow-list (%1); anyone who reaches the "
                                                               "controller can connect")
                                                    .arg(rule.allow.join(QStringLiteral(", "))));
        data += QStringLiteral("  %1: %2\n")
                    .arg(yamlString(QString::number(port)),
                         yamlString(QStringLiteral("%1/%2:%3").arg(rule.origin.ns, rule.origin.service)
                                        .arg(rule.origin.servicePort)));
        ports += QStringLiteral("%1{\"op\":\"add\",\"path\":\"/spec/ports/-\",\"value\":{\"name\":\"tcp-%2\","
                                "\"port\":%2,\"targetPort\":%2,\"protocol\":\"TCP\"}}")
                     .arg(ports.isEmpty() ? QString() : QStringLiteral(","))
                     .arg(port);
        ++notes.exported;
    }
    notes.usage = {
        QStringLiteral("Apply with: kubectl apply -f THIS_FILE"),
        QStringLiteral("The controller must run with --tcp-services-configmap=%1/%2 (Minikube's ingress addon does).")
            .arg(options.ingressNamespace, options.ingressConfigMap),
        QStringLiteral("Then add the ports to the controller's Service %1:").arg(service),
        QStringLiteral("  kubectl -n %1 patch service %2 --type=json -p '[%3]'")
            .arg(options.ingressNamespace, options.ingressService, ports),
        QStringLiteral("(Minikube's addon has no such Service: add them as hostPorts to the controller's Deployment.)"),
    };
    return QStringLiteral("apiVersion: v1\n"
                          "kind: ConfigMap\n"
                          "metadata:\n"
                          "  name: %1\n"
                          "  namespace: %2\n"
                          "data:\n")
               .arg(yamlString(options.ingressConfigMap), yamlString(options.ingressNamespace))
           + data;
}

QString writeServices(const QList<ForwardRule> &rules, const ExportOptions &options, Notes &notes)
{
    const bool loadBalancer = options.serviceType == ExportOptions::ServiceType::LoadBalancer;
    const QString type = loadBalancer ? QStringLiteral("LoadBalancer") : QStringLiteral("NodePort");
    notes.title = QStringLiteral("Kubernetes Services of type %1").arg(type);
    notes.usage = {QStringLiteral("Each Service selects the Pods of the Service named in the comment above it,"),
                   QStringLiteral("on the same target port. Apply with: kubectl apply -f THIS_FILE")};
    notes.lost.append(QStringLiteral("all rules: the listen address, connect and idle timeouts, connection limits, "
                                     "half-close"));
    QString text;
    QSet<QString> used;
    for (const ForwardRule &rule : fromCluster(rules, notes)) {
        const QString name = serviceName(rule);
        const QString key = rule.origin.ns + u'/' + name;
        if (used.contains(key)) {
            notes.skipped.append(ruleLabel(rule) + QStringLiteral(": the Service name %1 is already taken").arg(key));
            continue;
        }
        used.insert(key);
        const bool fixedNodePort = !loadBalancer && rule.listen.port >= NodePortMin && rule.listen.port <= NodePortMax;
        if (!loadBalancer && !fixedNodePort)
            notes.lost.append(ruleLabel(rule) + QStringLiteral(": port %1 is outside the NodePort range %2-%3; "
                                                               "Kubernetes picks the node port")
                                                    .arg(rule.listen.port)
                                                    .arg(NodePortMin)
                                                    .arg(NodePortMax));
        if (!rule.allow.isEmpty() && !loadBalancer)
            notes.lost.append(ruleLabel(rule) + QStringLiteral(": the allow-list (%1); a NodePort has no source ranges")
                                                    .arg(rule.allow.join(QStringLiteral(", "))));

        text += QStringLiteral("---\n# %1: like %2\n").arg(ruleLabel(rule), originText(rule.origin));
        if (rule.origin.selector.isEmpty()) {
            // Rules made before Pasarela kept the selector.
            text += QStringLiteral("# No selector is known: copy the original's (kubectl -n %1 get service %2 -o yaml)\n")
                        .arg(rule.origin.ns, rule.origin.service);
        }
        text += QStringLiteral("apiVersion: v1\n"
                               "kind: Service\n"
                               "metadata:\n"
                               "  name: %1\n"
                               "  namespace: %2\n"
                               "spec:\n"
                               "  type: %3\n")
                    .arg(yamlString(name), yamlString(rule.origin.ns), type);
        if (loadBalancer && !rule.allow.isEmpty()) {
            text += QStringLiteral("  loadBalancerSourceRanges:\n");
            for (const Cidr &cidr : rule.allowCidrs())
                text += QStringLiteral("    - %1\n").arg(yamlString(cidr.toString()));
        }
        if (!rule.origin.selector.isEmpty()) {
            text += QStringLiteral("  selector:\n");
            for (auto it = rule.origin.selector.cbegin(); it != rule.origin.selector.cend(); ++it)
                text += QStringLiteral("    %1: %2\n").arg(yamlString(it.key()), yamlString(it.value()));
        }
        // The original's target port: a number, or a container port's name.
        const QString targetPort = rule.origin.targetPort.isEmpty() ? QString::number(rule.origin.servicePort)
                                                                    : rule.origin.targetPort;
        bool numeric = false;
        targetPort.toUShort(&numeric);
        text += QStringLiteral("  ports:\n"
                               "    - protocol: %3\n"
                               "      port: %1\n"
                               "      targetPort: %2\n")
                    .arg(QString::number(rule.listen.port), numeric ? targetPort : yamlString(targetPort),
                         rule.transport == Transport::Udp ? QStringLiteral("UDP") : QStringLiteral("TCP"));
        if (!rule.origin.portName.isEmpty())
            text += QStringLiteral("      name: %1\n").arg(yamlString(rule.origin.portName));
        if (fixedNodePort)
            text += QStringLiteral("      nodePort: %1\n").arg(rule.listen.port);
        ++notes.exported;
    }
    return text;
}

} // namespace RuleExport
