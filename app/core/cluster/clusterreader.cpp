#include "clusterreader.h"

#include <QCoreApplication>
#include <QProcess>
#include <QStandardPaths>

#include "rules/address.h"

namespace {

struct ToolRun
{
    QString failure;  // set when the tool did not run to its end: missing, not started, timed out
    int exitCode = 0;
    QByteArray out;
    QByteArray err;
    bool ok() const { return failure.isEmpty() && exitCode == 0; }
};

QString missingTool(const QString &tool)
{
    return QCoreApplication::translate("Cluster", "%1 is not installed or not on PATH").arg(tool);
}

ToolRun runTool(const QString &tool, const QStringList &arguments, int timeoutMs)
{
    ToolRun run;
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty()) {
        run.failure = missingTool(tool);
        return run;
    }
    QProcess process;
    process.start(program, arguments);
    const QString command = tool + u' ' + arguments.join(u' ');
    if (!process.waitForStarted(timeoutMs)) {
        run.failure = QCoreApplication::translate("Cluster", "\"%1\" could not be started: %2").arg(command, process.errorString());
        return run;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        run.failure = QCoreApplication::translate("Cluster", "\"%1\" did not answer within %2 s")
                          .arg(command, QString::number(timeoutMs / 1000.0, 'g', 3));
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// kubectl and minikube put the reason last, after lines of client-side logging.
QString reasonOf(const ToolRun &run)
{
    if (!run.failure.isEmpty())
        return run.failure;
    const QStringList lines = QString::fromUtf8(run.err).split(u'\n', Qt::SkipEmptyParts);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        if (!it->trimmed().isEmpty())
            return it->trimmed();
    }
    return QCoreApplication::translate("Cluster", "exit code %1").arg(run.exitCode);
}

void readProfiles(ClusterInfo &info, int timeoutMs)
{
    const ToolRun run = runTool(QStringLiteral("minikube"), {QStringLiteral("profile"), QStringLiteral("list"),
                                                             QStringLiteral("-o"), QStringLiteral("json")},
                                timeoutMs);
    if (!run.ok()) {
        info.notes.append(QCoreApplication::translate("Cluster", "Minikube profiles not read: %1").arg(reasonOf(run)));
        return;
    }
    const Result<QList<MinikubeProfile>> profiles = parseMinikubeProfiles(run.out);
    if (!profiles)
        info.notes.append(profiles.error());
    else
        info.profiles = profiles.value();
}

} // namespace

Result<ClusterInfo> readCluster(const ClusterReadOptions &options)
{
    ClusterInfo info;
    readProfiles(info, options.timeoutMs);

    info.context = options.context;
    if (info.context.isEmpty()) {
        const ToolRun run = runTool(QStringLiteral("kubectl"), {QStringLiteral("config"), QStringLiteral("current-context")},
                                    options.timeoutMs);
        if (!run.failure.isEmpty())
            return Error{run.failure};
        const Result<QString> context = parseCurrentContext(run.exitCode == 0 ? run.out : QByteArray());
        if (!context)
            return Error{context.error()};
        info.context = context.value();
    }

    const QStringList kubectl{QStringLiteral("--context"), info.context,
                              QStringLiteral("--request-timeout=%1s").arg(qMax(1, options.timeoutMs / 1000))};
    // Minikube names the kubectl context after the profile.
    if (const MinikubeProfile *profile = info.findProfile(info.context); profile != nullptr) {
        if (!profile->isRunning()) {
            return Error{QCoreApplication::translate("Cluster", "the Minikube profile \"%1\" is %2: start it with "
                                                                "\"minikube start -p %1\"")
                             .arg(profile->name, profile->status.toLower())};
        }
        info.profile = profile->name;
        if (parseIpAddress(profile->ip))
            info.nodeIp = parseIpAddress(profile->ip).value().toString();
        else
            info.notes.append(QCoreApplication::translate("Cluster", "Minikube gives no node IP for \"%1\"").arg(profile->name));
    } else {
        // kind, k3s, a cluster of VMs: NodePorts answer on any node's address.
        const ToolRun nodes = runTool(QStringLiteral("kubectl"),
                                      kubectl + QStringList{QStringLiteral("get"), QStringLiteral("nodes"),
                                                            QStringLiteral("-o"), QStringLiteral("json")},
                                      options.timeoutMs);
        const Result<QString> address = nodes.ok() ? parseNodeAddress(nodes.out) : Result<QString>(Error{reasonOf(nodes)});
        if (address) {
            info.nodeIp = address.value();
            info.notes.append(QCoreApplication::translate("Cluster", "the context \"%1\" is not a Minikube profile: "
                                                                     "the rules go to the node %2 (kubectl get nodes)")
                                  .arg(info.context, info.nodeIp));
        } else {
            info.notes.append(QCoreApplication::translate("Cluster", "the context \"%1\" is not a Minikube profile and "
                                                                     "its nodes were not read (%2): the node IP is not "
                                                                     "known, so no rules are planned")
                                  .arg(info.context, address.error()));
        }
    }

    const ToolRun services = runTool(QStringLiteral("kubectl"),
                                     kubectl + QStringList{QStringLiteral("get"), QStringLiteral("services"),
                                                           QStringLiteral("--all-namespaces"), QStringLiteral("-o"),
                                                           QStringLiteral("json")},
                                     options.timeoutMs);
    if (!services.ok()) {
        return Error{QCoreApplication::translate("Cluster", "cannot reach the cluster of the kubectl context \"%1\": "
                                                            "%2; is it running? (\"kubectl cluster-info\" says more)")
                         .arg(info.context, reasonOf(services))};
    }
    const Result<QList<ClusterService>> parsedServices = parseServices(services.out);
    if (!parsedServices)
        return Error{parsedServices.error()};
    info.services = parsedServices.value();
    info.controller = findIngressController(info.services);
    if (!info.controller.found()) {
        info.notes.append(QCoreApplication::translate("Cluster", "no ingress-nginx controller of type NodePort or "
                                                                 "LoadBalancer; on Minikube: \"minikube addons enable "
                                                                 "ingress\""));
    }

    const ToolRun ingresses = runTool(QStringLiteral("kubectl"),
                                      kubectl + QStringList{QStringLiteral("get"), QStringLiteral("ingresses"),
                                                            QStringLiteral("--all-namespaces"), QStringLiteral("-o"),
                                                            QStringLiteral("json")},
                                      options.timeoutMs);
    const Result<QList<ClusterIngress>> parsedIngresses = ingresses.ok() ? parseIngresses(ingresses.out)
                                                                         : Result<QList<ClusterIngress>>(Error{reasonOf(ingresses)});
    if (parsedIngresses)
        info.ingresses = parsedIngresses.value();
    else
        info.notes.append(QCoreApplication::translate("Cluster", "Ingresses not read: %1").arg(parsedIngresses.error()));
    return info;
}
