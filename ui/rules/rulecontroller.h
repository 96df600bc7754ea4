#pragma once

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

#include "cluster/clusterfollower.h"
#include "result.h"
#include "rules/forwardrule.h"
#include "rules/rulestore.h"
#include "relay/enginesnapshot.h"

class ForwardEngine;

// The window's rule list: every change goes to the engine, then straight to the
// rules file. No widgets here; the window and the models talk to this.
class RuleController final : public QObject, public FollowedRules
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleController)

public:
    RuleController(ForwardEngine *engine, const QString &path, QObject *parent = nullptr);

    // Reads the file and adds its rules to the engine (enabled ones start).
    // On error the list stays empty, the file is left as it was, and the error
    // names the file and the problem.
    Result<void> load();
    bool isFileBroken() const { return m_store.isBroken(); }
    QString path() const { return m_store.path(); }
    // Asked before the first save over a broken file; true replaces it, keeping
    // the broken one beside it. Without it, a broken file is never replaced.
    void setConfirmReplaceBroken(std::function<bool()> confirm) { m_confirmReplace = std::move(confirm); }

    ForwardEngine *engine() const { return m_engine; }
    // Display order.
    QList<RuleId> ruleIds() const override;
    ForwardRule rule(RuleId id) const override;
    RuleState state(RuleId id) const;
    QString error(RuleId id) const;
    QList<ForwardRule> rules() const;

    Result<RuleId> addRule(const ForwardRule &rule);
    // Runs and shows a rule without writing it to the file (the demo's). Once the
    // user edits it, it is theirs and saved like any other.
    Result<RuleId> addUnsavedRule(const ForwardRule &rule);
    bool isUnsaved(RuleId id) const { return m_unsaved.contains(id); }
    Result<void> updateRule(RuleId id, const ForwardRule &rule) override;
    // Takes a rule's faults away, live like any edit: open connections stay and go on
    // without them. Saved like any edit.
    Result<void> clearFaults(RuleId id);
    // Every rule's; stops at the first error.
    Result<void> clearAllFaults();
    bool anyFaults() const;
    // Enabling a rule in Error retries it.
    Result<void> setEnabled(RuleId id, bool enabled);
    // A copy named "<name> (copy)" (then " (copy 2)"...), stopped, so it does not clash.
    Result<RuleId> duplicateRule(RuleId id);
    void removeRule(RuleId id);

signals:
    // A rule was added or removed: the list changed shape.
    void rulesReset();
    // One rule's definition or state changed.
    void ruleChanged(RuleId id);
    // The file was written (path) or could not be (message says why and what to do).
    void saved(const QString &path);
    void saveFailed(const QString &message);
    // The unreadable file was moved aside to backupPath before the first save.
    void brokenFileKept(const QString &backupPath);

private:
    void save();

    ForwardEngine *m_engine;
    RuleStore m_store;
    std::function<bool()> m_confirmReplace;
    QSet<RuleId> m_unsaved;
};
