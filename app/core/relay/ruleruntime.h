#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include <QHostAddress>
#include <QList>
#include <QVarLengthArray>

#include "rules/forwardrule.h"
#include "relay/enginesnapshot.h"

// A rule's targets in failover order, shared by the workers. Swapped whole when the
// rule moves (following the cluster): sessions keep the set they started with.
struct TargetSet
{
    struct Target
    {
        Endpoint endpoint;
        QHostAddress address;  // null when the host is a name (resolved per connection)
        mutable std::atomic<qint64> coolUntilMs{0};  // skipped until then after a failure
    };

    explicit TargetSet(const ForwardRule &rule);
    Q_DISABLE_COPY_MOVE(TargetSet)

    // Monotonic, the same clock in every worker.
    static qint64 nowMs();
    // The indexes in the order to try them: those not cooling down, in list order,
    // then the others (trying one beats refusing the client).
    using Order = QVarLengthArray<int, 4>;  // no allocation for a few targets
    Order order() const;
    // Starts the target's cool-down; true when it was not cooling down already.
    bool markFailed(int index) const;

    std::vector<Target> targets;
    int cooldownMs = 0;
};

// One start of a rule, shared by the workers that serve it. Immutable but for the
// atomics; a restart makes a new one, so sessions of the old start are told apart.
struct RuleRuntime
{
    RuleId id = 0;
    quint64 generation = 0;
    ForwardRule rule;
    QHostAddress listenAddress;
    // Atomic: ForwardEngine::updateRule moves the targets of a started rule in place.
    std::shared_ptr<const TargetSet> targets() const { return std::atomic_load(&m_targets); }
    void setTargets(std::shared_ptr<const TargetSet> targets) { std::atomic_store(&m_targets, std::move(targets)); }
    // The rule's faults, changed in place like the targets; null when it has none.
    // hasFaults() first: a rule without faults pays one relaxed load per connection.
    bool hasFaults() const { return m_hasFaults.load(std::memory_order_relaxed); }
    std::shared_ptr<const Faults> faults() const { return std::atomic_load(&m_faults); }
    void setFaults(const Faults &faults)
    {
        std::atomic_store(&m_faults, faults.isEmpty() ? nullptr : std::make_shared<const Faults>(faults));
        m_hasFaults.store(!faults.isEmpty(), std::memory_order_relaxed);
    }
    QList<Cidr> allow;
    bool inspect = false;         // rule.inspectsHttp(), or every rule under --log-requests
    bool publishRequests = false; // and someone reads the requests (ForwardEngine::setPublishRequests)
    qsizetype captureBytes = 0;   // and keeps their bodies' first bytes (ForwardEngine::setCaptureExchanges)

    mutable std::atomic<int> active{0};
    std::atomic<bool> stopped{false};

private:
    std::shared_ptr<const TargetSet> m_targets;
    std::shared_ptr<const Faults> m_faults;
    std::atomic<bool> m_hasFaults{false};
};
