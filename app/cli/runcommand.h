#pragma once

#include <QString>
#include <QStringList>

#include "result.h"

// `pasarela run COLLECTION [--env NAME] [--junit FILE] [--through RULE] [--config FILE]`:
// runs a collection's requests in order and checks their assertions.
struct RunCommandOptions
{
    enum ExitCode { Ok = 0, Failed = 1, BadArguments = 2 };

    QString collection;   // a collection file, or the name of one the window saved
    QString environment;  // empty: none
    QString junitPath;    // empty: no report
    QString throughRule;  // empty: each request goes where its URL says
    QString configPath;   // the rules file for --through; empty: the default
    bool showHelp = false;
    QString helpText;
};

// `arguments` is argv from the program name on: {"pasarela", "run", ...}.
Result<RunCommandOptions> parseRunCommand(const QStringList &arguments);

// Loads the collection, its environments and the rule, runs it, prints a line per request
// and the totals to stdout; returns the exit code.
int runRunCommand(const RunCommandOptions &options);

// The whole verb, from main(): its own QCoreApplication, parsing, running.
int runMain(int argc, char *argv[]);
