#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "forwardrule.h"
#include "result.h"

// Loads and saves the rules file (JSON, versioned, written atomically, readable by
// the user only). A file that fails to parse or validate is never overwritten:
// save() refuses until the caller explicitly replaces it with saveReplacingBroken().
class RuleStore final
{
public:
    static constexpr int FormatVersion = 2;  // 2: target lists, UDP, following the cluster; 1 still reads

    explicit RuleStore(QString path);

    // QStandardPaths::AppConfigLocation/rules.json
    static QString defaultPath();

    const QString &path() const { return m_path; }
    bool isBroken() const { return m_broken; }
    // The optional top-level "maxConnections": relayed connections open at once across
    // all rules. 0: not set (the engine's default applies). Read by load(), kept by save().
    int maxConnections() const { return m_maxConnections; }

    // A missing file is an empty rule list. Errors name the file, then the rule and
    // field, or the JSON parse position (line and column).
    Result<QList<ForwardRule>> load();
    // Validates, then writes atomically. Unknown keys read by load() are kept.
    Result<void> save(const QList<ForwardRule> &rules);
    // Moves the broken file aside (same folder, ".broken-<time>" suffix), then saves.
    // Returns the backup's path.
    Result<QString> saveReplacingBroken(const QList<ForwardRule> &rules);

private:
    QString m_path;
    QJsonObject m_extra;  // unknown top-level keys
    int m_maxConnections = 0;
    bool m_broken = false;
};
