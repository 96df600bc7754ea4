#pragma once

#include <atomic>

#include <QHostAddress>
#include <QList>

#include "rules/forwardrule.h"
#include "relay/enginesnapshot.h"

// One start of a rule, shared by the workers that serve it. Immutable but for the
// atomics; a restart makes a new one, so sessions of the old start are told apart.
struct RuleRuntime
{
    RuleId id = 0;
    quint64 generation = 0;
    ForwardRule rule;
    QHostAddress listenAddress;
    QHostAddress targetAddress;   // null when the target is a host name (resolved per connection)
    QList<Cidr> allow;
    bool inspect = false;         // rule.inspectsHttp(), or every rule under --log-requests
    bool publishRequests = false; // and someone reads the requests (ForwardEngine::setPublishRequests)

    mutable std::atomic<int> active{0};
    std::atomic<bool> stopped{false};
};
