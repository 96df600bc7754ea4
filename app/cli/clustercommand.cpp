#include "clustercommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include "cluster/clusterplan.h"
#include "cluster/clusterreader.h"
#include "console.h"
#include "rules/address.h"
#include "translations.h"

namespace {

QString portText(const ServicePort &port)
{
    QString text = port.name.isEmpty() ? QString::number(port.port) : port.name + u' ' + QString::number(port.port);
    if (port.nodePort != 0)
        text += QCoreApplication::translate("Cluster", " -> node port %1").arg(port.nodePort);
    return text + u'/' + port.protocol;
}

QString pathUrl(const ClusterIngress &ingress, const IngressRule &rule, const IngressPath &path)
{
    const QString host = rule.host.isEmpty() ? QStringLiteral("*") : rule.host;
    return (ingress.hasTlsFor(rule.host) ? QStringLiteral("https://") : QStringLiteral("http://")) + host
           + (path.path.isEmpty() ? QStringLiteral("/") : path.path);
}

QString describe(const ClusterInfo &info, const QString &listenAddress)
{
    QString out;
    out += QCoreApplication::translate("Cluster", "Context: %1").arg(info.context);
    if (!info.profile.isEmpty())
        out += QCoreApplication::translate("Cluster", " (Minikube profile \"%1\", node %2)").arg(info.profile, info.nodeIps().join(QStringLiteral(", ")));
    out += u'\n';

    if (!info.profiles.isEmpty()) {
        out += QCoreApplication::translate("Cluster", "Minikube profiles:") + u'\n';
        for (const MinikubeProfile &profile : info.profiles) {
            out += QStringLiteral("  %1  %2  %3  %4\n")
                       .arg(profile.name, profile.status, profile.ip.isEmpty() ? QStringLiteral("-") : profile.ip,
                            profile.driver);
        }
    }

    if (info.controller.found()) {
        out += QCoreApplication::translate("Cluster", "Ingress controller: %1/%2, http node port %3, https node port %4")
                   .arg(info.controller.ns, info.controller.name)
                   .arg(info.controller.httpNodePort)
                   .arg(info.controller.httpsNodePort)
               + u'\n';
    } else {
        out += QCoreApplication::translate("Cluster", "Ingress controller: none found") + u'\n';
    }

    out += QCoreApplication::translate("Cluster", "NodePort and LoadBalancer services:") + u'\n';
    if (info.services.isEmpty())
        out += QStringLiteral("  ") + QCoreApplication::translate("Cluster", "none") + u'\n';
    for (const ClusterService &service : info.services) {
        QStringList ports;
        for (const ServicePort &port : service.ports)
            ports.append(portText(port));
        out += QStringLiteral("  %1/%2  %3").arg(service.ns, service.name, service.type);
        if (!service.loadBalancerIngress.isEmpty())
            out += u' ' + service.loadBalancerIngress.join(u',');
        out += QStringLiteral("  ") + ports.join(QStringLiteral(", ")) + u'\n';
    }

    out += QCoreApplication::translate("Cluster", "Ingresses:") + u'\n';
    if (info.ingresses.isEmpty())
        out += QStringLiteral("  ") + QCoreApplication::translate("Cluster", "none") + u'\n';
    for (const ClusterIngress &ingress : info.ingresses) {
        out += QStringLiteral("  %1/%2").arg(ingress.ns, ingress.name);
        if (!ingress.ingressClassName.isEmpty())
            out += QCoreApplication::translate("Cluster", " (class %1)").arg(ingress.ingressClassName);
        out += u'\n';
        for (const IngressRule &rule : ingress.rules) {
            for (const IngressPath &path : rule.paths)
                out += QStringLiteral("    %1 -> %2\n").arg(pathUrl(ingress, rule, path), path.backend.toString());
        }
        for (const IngressTls &tls : ingress.tls)
            out += QStringLiteral("    ") + QCoreApplication::translate("Cluster", "TLS %1 (secret %2)").arg(tls.hosts.join(u','), tls.secretName) + u'\n';
        if (!ingress.defaultBackend.service.isEmpty())
            out += QStringLiteral("    ") + QCoreApplication::translate("Cluster", "default backend -> %1").arg(ingress.defaultBackend.toString()) + u'\n';
    }

    const QList<ForwardRule> rules = planRules(info, listenAddress);
    out += QCoreApplication::translate("Cluster", "Rules it would create:") + u'\n';
    if (rules.isEmpty())
        out += QStringLiteral("  ") + QCoreApplication::translate("Cluster", "none") + u'\n';
    for (const ForwardRule &rule : rules)
        out += QStringLiteral("  %1  %2 -> %3\n").arg(rule.name, rule.listen.toString(), rule.targetsText());

    if (!info.notes.isEmpty()) {
        out += QCoreApplication::translate("Cluster", "Notes:") + u'\n';
        for (const QString &note : info.notes)
            out += QStringLiteral("  ") + note + u'\n';
    }
    return out;
}

QJsonObject backendToJson(const IngressBackend &backend)
{
    QJsonObject object{{QStringLiteral("service"), backend.service}};
    if (backend.port != 0)
        object.insert(QStringLiteral("port"), backend.port);
    else
        object.insert(QStringLiteral("port"), backend.portName);
    return object;
}

QJsonArray servicesToJson(const QList<ClusterService> &services)
{
    QJsonArray array;
    for (const ClusterService &service : services) {
        QJsonArray ports;
        for (const ServicePort &port : service.ports) {
            ports.append(QJsonObject{{QStringLiteral("name"), port.name}, {QStringLiteral("protocol"), port.protocol},
                                     {QStringLiteral("port"), port.port}, {QStringLiteral("nodePort"), port.nodePort},
                                     {QStringLiteral("targetPort"), port.targetPort}});
        }
        array.append(QJsonObject{{QStringLiteral("namespace"), service.ns},
                                 {QStringLiteral("name"), service.name},
                                 {QStringLiteral("type"), service.type},
                                 {QStringLiteral("clusterIPs"), QJsonArray::fromStringList(service.clusterIPs)},
                                 {QStringLiteral("loadBalancer"), QJsonArray::fromStringList(service.loadBalancerIngress)},
                                 {QStringLiteral("ingressController"), service.isIngressController()},
                                 {QStringLiteral("ports"), ports}});
    }
    return array;
}

QJsonArray ingressesToJson(const QList<ClusterIngress> &ingresses)
{
    QJsonArray array;
    for (const ClusterIngress &ingress : ingresses) {
        QJsonArray rules;
        for (const IngressRule &rule : ingress.rules) {
            QJsonArray paths;
            for (const IngressPath &path : rule.paths) {
                paths.append(QJsonObject{{QStringLiteral("path"), path.path},
                                         {QStringLiteral("pathType"), path.pathType},
                                         {QStringLiteral("backend"), backendToJson(path.backend)}});
            }
            rules.append(QJsonObject{{QStringLiteral("host"), rule.host}, {QStringLiteral("paths"), paths}});
        }
        QJsonArray tls;
        for (const IngressTls &entry : ingress.tls) {
            tls.append(QJsonObject{{QStringLiteral("hosts"), QJsonArray::fromStringList(entry.hosts)},
                                   {QStringLiteral("secretName"), entry.secretName}});
        }
        QJsonObject object{{QStringLiteral("namespace"), ingress.ns},
                           {QStringLiteral("name"), ingress.name},
                           {QStringLiteral("ingressClassName"), ingress.ingressClassName},
                           {QStringLiteral("rules"), rules},
                           {QStringLiteral("tls"), tls}};
        if (!ingress.defaultBackend.service.isEmpty())
            object.insert(QStringLiteral("defaultBackend"), backendToJson(ingress.defaultBackend));
        array.append(object);
    }
    return array;
}

QJsonArray requestsToJson(const QList<RequestCollection> &collections)
{
    QJsonArray array;
    for (const RequestCollection &collection : collections) {
        QJsonArray requests;
        for (const HttpRequest &request : collection.requests) {
            QJsonObject object{{QStringLiteral("method"), request.method}, {QStringLiteral("url"), request.url}};
            const QString host = request.header(QStringLiteral("Host"));
            if (!host.isEmpty())
                object.insert(QStringLiteral("host"), host);
            requests.append(object);
        }
        array.append(QJsonObject{{QStringLiteral("collection"), collection.name}, {QStringLiteral("requests"), requests}});
    }
    return array;
}

} // namespace

QJsonObject clusterToJson(const ClusterInfo &info, const QString &listenAddress)
{
    QJsonArray profiles;
    for (const MinikubeProfile &profile : info.profiles) {
        profiles.append(QJsonObject{{QStringLiteral("name"), profile.name}, {QStringLiteral("status"), profile.status},
                                    {QStringLiteral("driver"), profile.driver}, {QStringLiteral("ip"), profile.ip}});
    }
    QJsonValue controller = QJsonValue::Null;
    if (info.controller.found()) {
        controller = QJsonObject{{QStringLiteral("namespace"), info.controller.ns},
                                 {QStringLiteral("name"), info.controller.name},
                                 {QStringLiteral("httpNodePort"), info.controller.httpNodePort},
                                 {QStringLiteral("httpsNodePort"), info.controller.httpsNodePort}};
    }
    QJsonArray rules;
    for (const ForwardRule &rule : planRules(info, listenAddress))
        rules.append(rule.toJson());
    return QJsonObject{{QStringLiteral("context"), info.context},
                       {QStringLiteral("profile"), info.profile},
                       {QStringLiteral("nodeIp"), info.nodeIp},
                       {QStringLiteral("nodeIps"), QJsonArray::fromStringList(info.nodeIps())},
                       {QStringLiteral("profiles"), profiles},
                       {QStringLiteral("ingressController"), controller},
                       {QStringLiteral("services"), servicesToJson(info.services)},
                       {QStringLiteral("ingresses"), ingressesToJson(info.ingresses)},
                       {QStringLiteral("rules"), rules},
                       {QStringLiteral("requests"), requestsToJson(ingressRequests(info, listenAddress))},
                       {QStringLiteral("notes"), QJsonArray::fromStringList(info.notes)}};
}

Result<ClusterOptions> parseClusterCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("Cluster", "Print what was found as JSON."));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QCoreApplication::translate("Cluster", "The host address the planned rules listen on (default 0.0.0.0)."),
                                    QCoreApplication::translate("Cluster", "ADDR"));
    const QCommandLineOption context(QStringLiteral("context"), QCoreApplication::translate("Cluster", "The kubectl context to read (default: the "
                                                                   "current one)."),
                                     QCoreApplication::translate("Cluster", "NAME"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QCoreApplication::translate("Cluster", "Show this help."));
    parser.addOptions({json, listen, context, help});

    // The parser takes the first argument as the program's name: "cluster" here.
    if (!parser.parse(arguments.mid(1)))
        return Error{QCoreApplication::translate("Cluster", "%1 (see pasarela cluster --help)").arg(parser.errorText())};

    ClusterOptions options;
    if (parser.isSet(help)) {
        const QString text = parser.helpText();
        options.showHelp = true;
        options.helpText = QCoreApplication::translate("Cluster", "Usage: pasarela cluster [options]") + text.mid(text.indexOf(u'\n')) + u'\n'
                           + QCoreApplication::translate("Cluster", "Reads the cluster with minikube and kubectl (from PATH) and prints the\n"
                                "Minikube profiles, the kubectl context, the ingress controller, the\n"
                                "NodePort and LoadBalancer services, the Ingresses, and the rules it\n"
                                "would create.\n\n"
                                "Exit codes:\n"
                                "  0  the cluster was read\n"
                                "  2  bad arguments\n"
                                "  3  no cluster could be read: kubectl missing, no context, the cluster "
                                "stopped or unreachable\n");
        return options;
    }
    if (!parser.positionalArguments().isEmpty())
        return Error{QCoreApplication::translate("Cluster", "unexpected argument \"%1\" (see pasarela cluster --help)").arg(parser.positionalArguments().constFirst())};
    options.json = parser.isSet(json);
    options.context = parser.value(context);
    if (parser.isSet(listen)) {
        const Result<QHostAddress> address = parseIpAddress(parser.value(listen));
        if (!address)
            return Error{QCoreApplication::translate("Cluster", "--listen: %1").arg(address.error())};
        options.listenAddress = address.value().toString();
    }
    return options;
}

int runClusterCommand(const ClusterOptions &options)
{
    if (options.showHelp) {
        Console::printOut(options.helpText);
        return ClusterOptions::Ok;
    }
    ClusterReadOptions readOptions;
    readOptions.context = options.context;
    const Result<ClusterInfo> info = readCluster(readOptions);
    if (!info) {
        Console::printError(info.error());
        return ClusterOptions::NoCluster;
    }
    if (options.json)
        Console::writeOut(QJsonDocument(clusterToJson(info.value(), options.listenAddress)).toJson());
    else
        Console::printOut(describe(info.value(), options.listenAddress));
    return ClusterOptions::Ok;
}

int clusterMain(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Translations::install();
    QCoreApplication::setApplicationName(QStringLiteral("pasarela"));
    const Result<ClusterOptions> options = parseClusterCommand(QCoreApplication::arguments());
    if (!options) {
        Console::printError(options.error());
        return ClusterOptions::BadArguments;
    }
    return runClusterCommand(options.value());
}
