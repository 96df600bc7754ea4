#include "rulecontroller.h"

#include <algorithm>

#include "relay/forwardengine.h"

RuleController::RuleController(ForwardEngine *engine, const QString &path, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_store(path)
{
    connect(m_engine, &ForwardEngine::ruleStateChanged, this,
            [this](RuleId id, RuleState, const QString &) { emit ruleChanged(id); });
}

Result<void> RuleController::load()
{
    const Result<QList<ForwardRule>> rules = m_store.load();
    if (!rules)
        return Error{rules.error()};
    if (m_store.maxConnections() > 0)
        m_engine->setMaxTotalConnections(m_store.maxConnections());
    for (const ForwardRule &rule : rules.value()) {
        // The file was validated as a whole, so each rule is accepted.
        const Result<RuleId> added = m_engine->addRule(rule);
        if (!added)
            return Error{m_store.path() % QStringLiteral(": ") % added.error()};
    }
    emit rulesReset();
    return {};
}

QList<RuleId> RuleController::ruleIds() const
{
    return m_engine->ruleIds();
}

ForwardRule RuleController::rule(RuleId id) const
{
    return m_engine->rule(id);
}

RuleState RuleController::state(RuleId id) const
{
    return m_engine->ruleState(id);
}

QString RuleController::error(RuleId id) const
{
    return m_engine->ruleError(id);
}

QList<ForwardRule> RuleController::rules() const
{
    QList<ForwardRule> result;
    for (RuleId id : m_engine->ruleIds())
        result.append(m_engine->rule(id));
    return result;
}

Result<RuleId> RuleController::addRule(const ForwardRule &rule)
{
    const Result<RuleId> id = m_engine->addRule(rule);
    if (id) {
        emit rulesReset();
        save();
    }
    return id;
}

Result<RuleId> RuleController::addUnsavedRule(const ForwardRule &rule)
{
    const Result<RuleId> id = m_engine->addRule(rule);
    if (id) {
        m_unsaved.insert(id.value());
        emit rulesReset();
    }
    return id;
}

Result<void> RuleController::updateRule(RuleId id, const ForwardRule &rule)
{
    // An unchanged rule is not restarted: its connections stay.
    if (m_engine->rule(id).toJson() == rule.toJson())
        return {};
    const Result<void> updated = m_engine->updateRule(id, rule);
    if (updated) {
        m_unsaved.remove(id);
        emit ruleChanged(id);
        save();
    }
    return updated;
}

Result<void> RuleController::clearFaults(RuleId id)
{
    ForwardRule rule = m_engine->rule(id);
    if (rule.faults.isEmpty())
        return {};
    rule.faults.clear();
    return updateRule(id, rule);
}

Result<void> RuleController::clearAllFaults()
{
    for (RuleId id : m_engine->ruleIds()) {
        if (Result<void> cleared = clearFaults(id); !cleared)
            return cleared;
    }
    return {};
}

bool RuleController::anyFaults() const
{
    const QList<RuleId> ids = m_engine->ruleIds();
    return std::any_of(ids.cbegin(), ids.cend(), [this](RuleId id) { return !m_engine->rule(id).faults.isEmpty(); });
}

Result<void> RuleController::setEnabled(RuleId id, bool enabled)
{
    const bool changed = m_engine->rule(id).enabled != enabled;
    const Result<void> result = m_engine->setRuleEnabled(id, enabled);
    if (result) {
        emit ruleChanged(id);
        if (changed && !m_unsaved.contains(id))
            save();
    }
    return result;
}

Result<RuleId> RuleController::duplicateRule(RuleId id)
{
    ForwardRule copy = m_engine->rule(id);
    const QString base = copy.name % tr(" (copy)");
    copy.name = base;
    QStringList names;
    for (const ForwardRule &rule : rules())
        names.append(rule.name);
    for (int n = 2; names.contains(copy.name); ++n)
        copy.name = base.left(base.size() - 1) % u' ' % QString::number(n) % u')';
    // Stopped: the copy would clash with the original's listen address.
    copy.enabled = false;
    return addRule(copy);
}

void RuleController::removeRule(RuleId id)
{
    m_engine->removeRule(id);
    m_unsaved.remove(id);
    emit rulesReset();
    save();
}

void RuleController::save()
{
    QList<ForwardRule> kept;
    for (RuleId id : m_engine->ruleIds()) {
        if (!m_unsaved.contains(id))
            kept.append(m_engine->rule(id));
    }
    if (m_store.isBroken()) {
        if (!m_confirmReplace || !m_confirmReplace()) {
            emit saveFailed(tr("Not saved: %1 could not be read, and it was left as it is.").arg(m_store.path()));
            return;
        }
        const Result<QString> backup = m_store.saveReplacingBroken(kept);
        if (!backup) {
            emit saveFailed(backup.error());
            return;
        }
        emit brokenFileKept(backup.value());
        emit saved(m_store.path());
        return;
    }
    const Result<void> result = m_store.save(kept);
    if (result)
        emit saved(m_store.path());
    else
        emit saveFailed(result.error());
}
