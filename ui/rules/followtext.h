#pragma once

#include <QCoreApplication>
#include <QString>

#include "cluster/clusterfollower.h"

// What the window says about following the cluster.
class FollowText final
{
    Q_DECLARE_TR_FUNCTIONS(FollowText)

public:
    // "target A → B (the node IP changed; checked after a failed connection)": the log line of a move.
    static QString move(const TargetMove &move);
    // "Follows the cluster; checked 12:03:04, target current": how a rule's last check went.
    static QString status(const FollowStatus &status);
    // "a:1, b:2", as the rules table shows a rule's targets.
    static QString targets(const QList<Endpoint> &targets);
};
