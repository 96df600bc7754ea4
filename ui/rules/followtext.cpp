#include "followtext.h"

QString FollowText::move(const TargetMove &move)
{
    const QString why = move.nodeMoved && move.portMoved ? tr("the node IP and the node port changed")
                        : move.portMoved                 ? tr("the node port changed")
                                                         : tr("the node IP changed");
    QString trigger;
    switch (move.trigger) {
    case CheckTrigger::Timer: trigger = tr("regular check"); break;
    case CheckTrigger::Request: trigger = tr("checked on request"); break;
    case CheckTrigger::Start: trigger = tr("checked at start"); break;
    case CheckTrigger::Wake: trigger = tr("checked after the computer woke up"); break;
    case CheckTrigger::FailedConnection: trigger = tr("checked after a failed connection"); break;
    }
    return tr("target %1 → %2 (%3; %4)").arg(targets(move.before), targets(move.after), why, trigger);
}

QString FollowText::status(const FollowStatus &status)
{
    if (!status.checkedAt.isValid())
        return tr("Follows the cluster; not checked yet");
    const QString at = status.checkedAt.toString(QStringLiteral("HH:mm:ss"));
    return status.problem.isEmpty() ? tr("Follows the cluster; checked %1, target current").arg(at)
                                    : tr("Follows the cluster; checked %1, the target stays: %2").arg(at, status.problem);
}

QString FollowText::targets(const QList<Endpoint> &targets)
{
    ForwardRule rule;
    rule.setTargets(targets);
    return rule.targetsText();
}
