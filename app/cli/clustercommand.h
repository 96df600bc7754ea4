#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "cluster/clusterinfo.h"
#include "result.h"

// `pasarela cluster [--json] [--listen ADDR] [--context NAME]`
struct ClusterOptions
{
    enum ExitCode { Ok = 0, BadArguments = 2, NoCluster = 3 };

    bool json = false;
    QString listenAddress = QStringLiteral("0.0.0.0");
    QString context;  // empty: kubectl's current one
    bool showHelp = false;
    QString helpText;
};

// `arguments` is argv from the program name on: {"pasarela", "cluster", ...}.
Result<ClusterOptions> parseClusterCommand(const QStringList &arguments);

// What was found and the rules it would create, as `--json` prints it.
QJsonObject clusterToJson(const ClusterInfo &info, const QString &listenAddress);

// Reads the cluster and prints it (text or JSON) to stdout; the reason to
// stderr when no cluster can be read. Returns the exit code.
int runClusterCommand(const ClusterOptions &options);

// main() for `pasarela cluster ...`: its own QCoreApplication, parse, run.
int clusterMain(int argc, char *argv[]);
