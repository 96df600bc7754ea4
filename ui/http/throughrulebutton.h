#pragma once

#include <QPushButton>

#include "rules/forwardrule.h"

class RuleController;

// "Through rule ▾": a menu of the forwarding rules, kept in step with them.
// Picking one asks for the request to go to that rule's listen address.
class ThroughRuleButton final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThroughRuleButton)

public:
    // rules may be null: the menu then says there are none.
    explicit ThroughRuleButton(RuleController *rules, QWidget *parent = nullptr);

    // http://HOST:PORT of the rule's listen address (a wildcard becomes loopback),
    // keeping the path, query and fragment of url.
    static QString urlThroughRule(const QString &url, const ForwardRule &rule);

signals:
    void ruleChosen(const ForwardRule &rule);

private:
    void rebuildMenu();

    RuleController *m_rules;
};
