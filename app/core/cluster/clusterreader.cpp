#include "clusterreader.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
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

// A cancelled read no longer matters to anyone: its reason is never shown.
bool isCancelled(const ClusterReadOptions &options)
{
    return options.cancel != nullptr && options.cancel->load();
}

ToolRun runTool(const QString &tool, const QStringList &arguments, const ClusterReadOptions &options)
{
    const int timeoutMs = options.timeoutMs;
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
    // In slices, so that a cancelled read does not wait for its tool.
    QDeadlineTimer deadline(timeoutMs);
    bool finished = false;
    while (!finished && !deadline.hasExpired() && !isCancelled(options))
        finished = process.waitForFinished(int(qMin<qint64>(100, qMax<qint64>(1, deadline.remainingTime()))));
    if (!finished && isCancelled(options)) {
        process.kill();
        process.waitForFinished(1000);
        run.failure = QStringLiteral("cancelled");
        return run;
    }
    if (!finished) {
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

void readProfiles(ClusterInfo &info, const ClusterReadOptions &options)
{
    const ToolRun run = runTool(QStringLiteral("minikube"), {QStringLiteral("profile"), QStringLiteral("list"),
                                                             QStringLiteral("-o"), QStringLiteral("json")},
                                options);
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

Result<ClusterInfo> read(const ClusterReadOptions &options)
{
    ClusterInfo info;
    readProfiles(info, options);

    info.context = options.context;
    if (info.context.isEmpty()) {
        const ToolRun run = runTool(QStringLiteral("kubectl"), {QStringLiteral("config"), QStringLiteral("current-context")},
                                    options);
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
        for (const QString &ip : profile->otherNodeIps) {
            if (const Result<QHostAddress> address = parseIpAddress(ip); address && !info.nodeIp.isEmpty())
                info.otherNodeIps.append(address.value().toString());
        }
    } else {
        // kind, k3s, a cluster of VMs: NodePorts answer on any node's address.
        const ToolRun nodes = runTool(QStringLiteral("kubectl"),
                                      kubectl + QStringList{QStringLiteral("get"), QStringLiteral("nodes"),
                                                            QStringLiteral("-o"), QStringLiteral("json")},
                                      options);
        const Result<QStringList> addresses = nodes.ok() ? parseNodeAddresses(nodes.out)
                                                         : Result<QStringList>(Error{reasonOf(nodes)});
        if (addresses) {
            info.nodeIp = addresses.value().constFirst();
            info.otherNodeIps = addresses.value().mid(1);
            info.notes.append((info.otherNodeIps.isEmpty()
                                   ? QCoreApplication::translate("Cluster", "the context \"%1\" is not a Minikube profile: "
                                                                            "the rules go to the node %2 (kubectl get nodes)")
                                   : QCoreApplication::translate("Cluster", "the context \"%1\" is not a Minikube profile: "
                                                                            "the rules go to the nodes %2, the first that "
                                                                            "answers (kubectl get nodes)"))
                                  .arg(info.context, addresses.value().join(QStringLiteral(", "))));
        } else {
            info.notes.append(QCoreApplication::translate("Cluster", "the context \"%1\" is not a Minikube profile and "
                                                                     "its nodes were not read (%2): the node IP is not "
                                                                     "known, so no rules are planned")
                                  .arg(info.context, addresses.error()));
        }
    }

    const ToolRun services = runTool(QStringLiteral("kubectl"),
                                     kubectl + QStringList{QStringLiteral("get"), QStringLiteral("services"),
                                                           QStringLiteral("--all-namespaces"), QStringLiteral("-o"),
                                                           QStringLiteral("json")},
                                     options);
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
                                      options);
    const Result<QList<ClusterIngress>> parsedIngresses = ingresses.ok() ? parseIngresses(ingresses.out)
                                                                         : Result<QList<ClusterIngress>>(Error{reasonOf(ingresses)});
    if (parsedIngresses)
        info.ingresses = parsedIngresses.value();
    else
        info.notes.append(QCoreApplication::translate("Cluster", "Ingresses not read: %1").arg(parsedIngresses.error()));
    return info;
}

} // namespace

Result<ClusterInfo> readCluster(const ClusterReadOptions &options)
{
    Result<ClusterInfo> info = read(options);
    if (isCancelled(options))
        return Error{QStringLiteral("cancelled")};
    return info;
}
