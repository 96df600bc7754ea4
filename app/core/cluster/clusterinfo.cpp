#include "clusterinfo.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "rules/address.h"

namespace {

Result<QJsonObject> parseObject(const QByteArray &json, const QString &command)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return Error{QCoreApplication::translate("Cluster", "\"%1\" printed something that is not a JSON object (%2); "
                                                            "is the tool too old or too new?")
                         .arg(command, error.error != QJsonParseError::NoError
                                           ? error.errorString()
                                           : QCoreApplication::translate("Cluster", "another JSON value"))};
    }
    return document.object();
}

Result<QJsonArray> parseItems(const QByteArray &json, const QString &command)
{
    const Result<QJsonObject> object = parseObject(json, command);
    if (!object)
        return Error{object.error()};
    const QJsonValue items = object.value().value(QStringLiteral("items"));
    if (!items.isArray()) {
        return Error{QCoreApplication::translate("Cluster", "\"%1\" printed no \"items\" list; is the tool too old "
                                                            "or too new?")
                         .arg(command)};
    }
    return items.toArray();
}

QJsonObject objectAt(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}

QString stringAt(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

quint16 portAt(const QJsonObject &object, const char *key)
{
    const int port = object.value(QLatin1String(key)).toInt();
    return port > 0 && port <= 65535 ? quint16(port) : 0;
}

QStringList stringsAt(const QJsonObject &object, const char *key)
{
    QStringList strings;
    for (const QJsonValue &value : object.value(QLatin1String(key)).toArray())
        strings.append(value.toString());
    return strings;
}

IngressBackend readBackend(const QJsonObject &backend)
{
    const QJsonObject service = objectAt(backend, "service");
    const QJsonObject port = objectAt(service, "port");
    return IngressBackend{stringAt(service, "name"), portAt(port, "number"), stringAt(port, "name")};
}

} // namespace

bool ClusterService::isIngressController() const
{
    return labels.value(QStringLiteral("app.kubernetes.io/name")) == u"ingress-nginx"
           && labels.value(QStringLiteral("app.kubernetes.io/component")) == u"controller";
}

const ServicePort *ClusterService::findPort(const QString &portName, quint16 port) const
{
    for (const ServicePort &candidate : ports) {
        if (candidate.protocol == u"TCP" && (portName.isEmpty() ? candidate.port == port : candidate.name == portName))
            return &candidate;
    }
    return nullptr;
}

QString IngressBackend::toString() const
{
    return service + u':' + (port != 0 ? QString::number(port) : portName);
}

bool ClusterIngress::hasTlsFor(const QString &host) const
{
    for (const IngressTls &entry : tls) {
        if (entry.hosts.contains(host))
            return true;
    }
    return false;
}

QStringList ClusterInfo::nodeIps() const
{
    return nodeIp.isEmpty() ? QStringList() : QStringList{nodeIp} + otherNodeIps;
}

const MinikubeProfile *ClusterInfo::findProfile(const QString &name) const
{
    for (const MinikubeProfile &candidate : profiles) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

const ClusterService *ClusterInfo::findService(const QString &ns, const QString &name) const
{
    for (const ClusterService &candidate : services) {
        if (candidate.ns == ns && candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

Result<QList<MinikubeProfile>> parseMinikubeProfiles(const QByteArray &json)
{
    const Result<QJsonObject> object = parseObject(json, QStringLiteral("minikube profile list -o json"));
    if (!object)
        return Error{object.error()};
    QList<MinikubeProfile> profiles;
    // "invalid" profiles have a broken config: nothing to reach there.
    for (const QJsonValue &value : object.value().value(QStringLiteral("valid")).toArray()) {
        const QJsonObject entry = value.toObject();
        const QJsonObject config = objectAt(entry, "Config");
        MinikubeProfile profile{stringAt(entry, "Name"), stringAt(entry, "Status"), stringAt(config, "Driver"), {}, {}};
        // The (first) control plane's node first, as `minikube ip` says; NodePorts answer on every node.
        bool controlPlaneSeen = false;
        for (const QJsonValue &node : config.value(QStringLiteral("Nodes")).toArray()) {
            const QString ip = stringAt(node.toObject(), "IP");
            if (ip.isEmpty())
                continue;
            if (node.toObject().value(QStringLiteral("ControlPlane")).toBool() && !controlPlaneSeen) {
                controlPlaneSeen = true;
                if (!profile.ip.isEmpty())
                    profile.otherNodeIps.prepend(profile.ip);
                profile.ip = ip;
            } else if (profile.ip.isEmpty()) {
                profile.ip = ip;
            } else {
                profile.otherNodeIps.append(ip);
            }
        }
        profiles.append(profile);
    }
    return profiles;
}

Result<QString> parseCurrentContext(const QByteArray &text)
{
    const QString context = QString::fromUtf8(text).trimmed();
    if (context.isEmpty() || context.contains(u'\n'))
        return Error{QCoreApplication::translate("Cluster", "kubectl has no current context; choose one with "
                                                            "\"kubectl config use-context NAME\"")};
    return context;
}

Result<QList<ClusterService>> parseServices(const QByteArray &json)
{
    const Result<QJsonArray> items = parseItems(json, QStringLiteral("kubectl get svc -A -o json"));
    if (!items)
        return Error{items.error()};
    QList<ClusterService> services;
    for (const QJsonValue &item : items.value()) {
        const QJsonObject metadata = objectAt(item.toObject(), "metadata");
        const QJsonObject spec = objectAt(item.toObject(), "spec");
        ClusterService service;
        service.type = stringAt(spec, "type");
        if (service.type != u"NodePort" && service.type != u"LoadBalancer")
            continue;
        service.ns = stringAt(metadata, "namespace");
        service.name = stringAt(metadata, "name");
        const QJsonObject labels = objectAt(metadata, "labels");
        for (auto it = labels.begin(); it != labels.end(); ++it)
            service.labels.insert(it.key(), it.value().toString());
        const QJsonObject selector = objectAt(spec, "selector");
        for (auto it = selector.begin(); it != selector.end(); ++it)
            service.selector.insert(it.key(), it.value().toString());
        service.clusterIPs = stringsAt(spec, "clusterIPs");
        if (service.clusterIPs.isEmpty() && !stringAt(spec, "clusterIP").isEmpty())
            service.clusterIPs.append(stringAt(spec, "clusterIP"));
        const QJsonObject loadBalancer = objectAt(objectAt(item.toObject(), "status"), "loadBalancer");
        for (const QJsonValue &ingress : loadBalancer.value(QStringLiteral("ingress")).toArray()) {
            const QString ip = stringAt(ingress.toObject(), "ip");
            service.loadBalancerIngress.append(ip.isEmpty() ? stringAt(ingress.toObject(), "hostname") : ip);
        }
        for (const QJsonValue &value : spec.value(QStringLiteral("ports")).toArray()) {
            const QJsonObject port = value.toObject();
            const QJsonValue target = port.value(QStringLiteral("targetPort"));
            service.ports.append(ServicePort{stringAt(port, "name"),
                                             port.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP")),
                                             portAt(port, "port"), portAt(port, "nodePort"),
                                             target.isDouble() ? QString::number(target.toInt()) : target.toString()});
        }
        services.append(service);
    }
    return services;
}

Result<QStringList> parseNodeAddresses(const QByteArray &json)
{
    const Result<QJsonArray> items = parseItems(json, QStringLiteral("kubectl get nodes -o json"));
    if (!items)
        return Error{items.error()};
    QStringList controlPlanes;
    QStringList workers;
    for (const QJsonValue &item : items.value()) {
        const QJsonObject labels = objectAt(objectAt(item.toObject(), "metadata"), "labels");
        const bool controlPlane = labels.contains(QStringLiteral("node-role.kubernetes.io/control-plane"))
                                  || labels.contains(QStringLiteral("node-role.kubernetes.io/master"));
        const QJsonObject status = objectAt(item.toObject(), "status");
        for (const QJsonValue &address : status.value(QStringLiteral("addresses")).toArray()) {
            if (stringAt(address.toObject(), "type") != u"InternalIP")
                continue;
            if (const Result<QHostAddress> ip = parseIpAddress(stringAt(address.toObject(), "address"))) {
                (controlPlane ? controlPlanes : workers).append(ip.value().toString());
                break;
            }
        }
    }
    if (controlPlanes.isEmpty() && workers.isEmpty())
        return Error{QCoreApplication::translate("Cluster", "no node has an InternalIP address")};
    return controlPlanes + workers;
}

Result<QList<ClusterIngress>> parseIngresses(const QByteArray &json)
{
    const Result<QJsonArray> items = parseItems(json, QStringLiteral("kubectl get ingress -A -o json"));
    if (!items)
        return Error{items.error()};
    QList<ClusterIngress> ingresses;
    for (const QJsonValue &item : items.value()) {
        const QJsonObject metadata = objectAt(item.toObject(), "metadata");
        const QJsonObject spec = objectAt(item.toObject(), "spec");
        ClusterIngress ingress;
        ingress.ns = stringAt(metadata, "namespace");
        ingress.name = stringAt(metadata, "name");
        ingress.ingressClassName = stringAt(spec, "ingressClassName");
        ingress.defaultBackend = readBackend(objectAt(spec, "defaultBackend"));
        for (const QJsonValue &value : spec.value(QStringLiteral("tls")).toArray())
            ingress.tls.append(IngressTls{stringsAt(value.toObject(), "hosts"), stringAt(value.toObject(), "secretName")});
        for (const QJsonValue &value : spec.value(QStringLiteral("rules")).toArray()) {
            IngressRule rule{stringAt(value.toObject(), "host"), {}};
            for (const QJsonValue &path : objectAt(value.toObject(), "http").value(QStringLiteral("paths")).toArray()) {
                const QJsonObject entry = path.toObject();
                rule.paths.append(IngressPath{stringAt(entry, "path"), stringAt(entry, "pathType"),
                                              readBackend(objectAt(entry, "backend"))});
            }
            ingress.rules.append(rule);
        }
        ingresses.append(ingress);
    }
    return ingresses;
}

IngressController findIngressController(const QList<ClusterService> &services)
{
    for (const ClusterService &service : services) {
        if (!service.isIngressController())
            continue;
        IngressController controller{service.ns, service.name};
        // By name as ingress-nginx's manifests call them, else by the usual number.
        const auto pick = [&service](const QString &name, quint16 &port, quint16 &nodePort) {
            const ServicePort *found = service.findPort(name, 0);
            if (found == nullptr)
                found = service.findPort({}, port);
            if (found != nullptr) {
                port = found->port;
                nodePort = found->nodePort;
            }
        };
        pick(QStringLiteral("http"), controller.httpPort, controller.httpNodePort);
        pick(QStringLiteral("https"), controller.httpsPort, controller.httpsNodePort);
        return controller;
    }
    return {};
}
