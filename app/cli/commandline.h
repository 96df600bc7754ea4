#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "result.h"
#include "rules/forwardrule.h"

// What the user asked for on the command line.
struct CommandLine
{
    enum class Action { Run, ShowHelp, ShowVersion };

    Action action = Action::Run;
    bool headless = false;
    QString configPath;          // empty: the default rules file
    QList<ForwardRule> forwards; // from --forward
    // From --fault RULE:FAULT: a rule (its name, or its listen [ADDR:]PORT) and a fault for it.
    QList<std::pair<QString, Fault>> faults;
    int statsSeconds = 0;        // 0: no stats lines
    int workers = 0;             // relay threads; 0: one per core
    int maxConnections = 0;      // across all rules; 0: the rules file's, else the default
    bool logConnections = false; // a line per closed connection (headless)
    bool logRequests = false;    // inspect every rule; a line per HTTP request and TLS hello (headless)
    bool demo = false;           // start the demo ingress and its rule
    bool followCluster = true;   // rules made from the cluster follow it (headless; --no-follow-cluster)
    bool hidden = false;         // window: start in the tray, as at login
    QString helpText;
};

// Parses argv (including the program name). Errors say which argument and why.
Result<CommandLine> parseCommandLine(const QStringList &arguments);
// "[ADDR:]PORT=HOST:PORT" into a rule named after its listen address.
Result<ForwardRule> parseForward(const QString &text);
// Whether --fault's RULE names this rule: its name, its listen port or [ADDR:]PORT (TCP).
bool faultNamesRule(const QString &ruleRef, const ForwardRule &rule);
