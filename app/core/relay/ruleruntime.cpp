#include "ruleruntime.h"

#include <chrono>

TargetSet::TargetSet(const ForwardRule &rule) : targets(size_t(rule.targets().size())), cooldownMs(rule.cooldownS * 1000)
{
    const QList<Endpoint> endpoints = rule.targets();
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        targets[size_t(i)].endpoint = endpoints.at(i);
        targets[size_t(i)].address = QHostAddress(endpoints.at(i).host);  // null for a host name
    }
}

qint64 TargetSet::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

TargetSet::Order TargetSet::order() const
{
    if (targets.size() == 1)
        return Order{0};
    const qint64 now = nowMs();
    Order ready;
    Order cooling;
    for (int i = 0; i < int(targets.size()); ++i)
        (targets[size_t(i)].coolUntilMs.load(std::memory_order_relaxed) > now ? cooling : ready).append(i);
    ready.append(cooling.constData(), cooling.size());
    return ready;
}

bool TargetSet::markFailed(int index) const
{
    if (targets.size() < 2 || cooldownMs == 0)
        return false;  // nothing to fail over to
    const qint64 now = nowMs();
    const qint64 before = targets[size_t(index)].coolUntilMs.exchange(now + cooldownMs, std::memory_order_relaxed);
    return before <= now;
}
