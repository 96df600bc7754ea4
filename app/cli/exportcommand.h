#pragma once

#include <QString>
#include <QStringList>

#include "export/ruleexport.h"
#include "result.h"

// `pasarela export --format FORMAT [--config FILE] [--rule NAME]... [--service-type TYPE] [--output FILE]`
struct ExportCommandOptions
{
    enum ExitCode { Ok = 0, BadArguments = 2, NothingToExport = 3 };

    ExportFormat format = ExportFormat::Nginx;
    QString configPath;        // empty: the default rules file
    QStringList ruleNames;     // empty: every rule (disabled ones are left out, with a comment)
    QString outputPath;        // empty: stdout
    ExportOptions::ServiceType serviceType = ExportOptions::ServiceType::LoadBalancer;
    bool showHelp = false;
    QString helpText;
};

// `arguments` is argv from the program name on: {"pasarela", "export", ...}.
Result<ExportCommandOptions> parseExportCommand(const QStringList &arguments);

// Loads the rules, exports them to stdout or atomically to outputPath; returns the exit code.
int runExportCommand(const ExportCommandOptions &options);

// The whole verb, from main(): its own QCoreApplication, parsing, running.
int exportMain(int argc, char *argv[]);
