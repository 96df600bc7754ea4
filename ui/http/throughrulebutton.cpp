#include "throughrulebutton.h"

#include <QMenu>

#include "http/throughrule.h"
#include "rules/rulecontroller.h"

ThroughRuleButton::ThroughRuleButton(RuleController *rules, QWidget *parent)
    : QPushButton(tr("Through rule"), parent)
    , m_rules(rules)
{
    setMenu(new QMenu(this));
    setToolTip(tr("Send through a forwarding rule: takes the host and port of its listen address, "
                  "keeps the path, so the request goes in as an outside client's would"));
    setAccessibleName(tr("Through rule"));
    if (m_rules) {
        connect(m_rules, &RuleController::rulesReset, this, &ThroughRuleButton::rebuildMenu);
        connect(m_rules, &RuleController::ruleChanged, this, &ThroughRuleButton::rebuildMenu);
    }
    rebuildMenu();
}

QString ThroughRuleButton::urlThroughRule(const QString &url, const ForwardRule &rule)
{
    return ::urlThroughRule(url, rule);
}

void ThroughRuleButton::rebuildMenu()
{
    menu()->clear();
    const QList<RuleId> ids = m_rules ? m_rules->ruleIds() : QList<RuleId>();
    for (RuleId id : ids) {
        const ForwardRule rule = m_rules->rule(id);
        QAction *action = menu()->addAction(tr("%1 (%2 → %3)").arg(rule.name, rule.listen.toString(), rule.target.toString()));
        action->setToolTip(rule.enabled ? tr("Send to %1").arg(rule.listen.toString())
                                        : tr("Send to %1 (the rule is stopped: start it first)").arg(rule.listen.toString()));
        connect(action, &QAction::triggered, this, [this, id] {
            if (m_rules->ruleIds().contains(id))
                emit ruleChosen(m_rules->rule(id));
        });
    }
    if (ids.isEmpty())
        menu()->addAction(tr("No forwarding rules yet: add one above"))->setEnabled(false);
}
