#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>

#include "relay/enginesnapshot.h"

// One-second throughput samples, in and out, for the total and for each rule,
// kept in fixed rings (capacity samples each). Knows nothing of charts.
class RateHistory final
{
public:
    struct Sample
    {
        qint64 timeMs = 0;  // msecs since epoch (UTC)
        double bytesIn = 0;   // per second, client -> target
        double bytesOut = 0;  // per second, target -> client
        quint64 active = 0;   // connections open
    };

    explicit RateHistory(int capacity = 900);

    // Feed every snapshot; a sample is taken once at least a second has passed
    // since the last one, from the byte counters' growth (not the engine's rate).
    // Returns true when a sample was added.
    bool addSnapshot(const EngineSnapshot &snapshot);

    // ruleId 0: the total over all rules. Oldest first.
    QList<Sample> samples(RuleId ruleId = 0) const;
    int capacity() const { return m_capacity; }

private:
    struct Ring
    {
        QList<Sample> items;
        int head = 0;  // next write position once full
    };
    void push(Ring &ring, const Sample &sample);

    int m_capacity;
    qint64 m_lastMs = 0;
    QHash<RuleId, QPair<quint64, quint64>> m_lastBytes;  // up, down at the last sample
    QHash<RuleId, Ring> m_rings;
};
