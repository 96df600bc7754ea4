#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "ruleexport.h"

// The formats' writers behind exportRules(). Internal to app/core/export.
namespace RuleExport {

// What goes into the comment at the top of an export.
struct Notes
{
    QString title;        // "nginx stream proxy"
    QStringList usage;    // how to run or apply the output
    QStringList lost;     // "all rules: ...", "rule \"api\": ..."
    QStringList skipped;  // "rule \"old\": disabled"
    int exported = 0;
};

// `rule "api"`, with control characters made spaces so that it stays on one comment line.
QString ruleLabel(const ForwardRule &rule);
// Seconds as the shortest decimal: 10000 ms -> "10", 2500 ms -> "2.5".
QString secondsText(int milliseconds);
// A YAML double-quoted scalar.
QString yamlString(const QString &text);

// Each writer gets the enabled rules and returns the body after the top comment.
QString writeNginx(const QList<ForwardRule> &rules, const ExportOptions &options, Notes &notes);
QString writeTcpServices(const QList<ForwardRule> &rules, const ExportOptions &options, Notes &notes);
QString writeServices(const QList<ForwardRule> &rules, const ExportOptions &options, Notes &notes);
QString writeSocat(const QList<ForwardRule> &rules, const ExportOptions &options, Notes &notes);
QString writeSystemd(const QList<ForwardRule> &rules, const ExportOptions &options, Notes &notes);

} // namespace RuleExport
