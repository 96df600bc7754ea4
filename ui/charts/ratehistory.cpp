#include "ratehistory.h"

#include <algorithm>

RateHistory::RateHistory(int capacity)
    : m_capacity(std::max(1, capacity))
{
}

bool RateHistory::addSnapshot(const EngineSnapshot &snapshot)
{
    if (!snapshot.time.isValid())
        return false;
    const qint64 nowMs = snapshot.time.toMSecsSinceEpoch();

    QHash<RuleId, QPair<quint64, quint64>> bytes;
    for (const RuleStats &rule : snapshot.rules)
        bytes.insert(rule.ruleId, {rule.bytesUp, rule.bytesDown});

    // The first snapshot, or the clock went back: only a new baseline.
    if (m_lastMs == 0 || nowMs < m_lastMs) {
        m_lastMs = nowMs;
        m_lastBytes = bytes;
        return false;
    }
    if (nowMs - m_lastMs < 1000)
        return false;

    const double seconds = double(nowMs - m_lastMs) / 1000.0;
    // A counter that went down started over (rule restarted): no growth this time.
    const auto growth = [](quint64 now, quint64 before) { return now >= before ? double(now - before) : 0.0; };

    Sample total;
    total.timeMs = nowMs;
    for (const RuleStats &rule : snapshot.rules) {
        // A rule first seen now started after the last sample, from zero.
        const auto before = m_lastBytes.value(rule.ruleId, {0, 0});
        Sample sample;
        sample.timeMs = nowMs;
        sample.bytesIn = growth(rule.bytesUp, before.first) / seconds;
        sample.bytesOut = growth(rule.bytesDown, before.second) / seconds;
        sample.active = rule.active;
        push(m_rings[rule.ruleId], sample);
        total.bytesIn += sample.bytesIn;
        total.bytesOut += sample.bytesOut;
        total.active += sample.active;
    }
    push(m_rings[0], total);

    // Rings of rules gone for longer than the history reaches show nothing: drop them.
    const qint64 oldestMs = nowMs - qint64(m_capacity) * 1000;
    for (auto it = m_rings.begin(); it != m_rings.end();) {
        const Ring &ring = it.value();
        const int newest = int(ring.items.size()) < m_capacity ? int(ring.items.size()) - 1
                                                               : (ring.head + m_capacity - 1) % m_capacity;
        if (it.key() != 0 && (newest < 0 || ring.items.at(newest).timeMs < oldestMs))
            it = m_rings.erase(it);
        else
            ++it;
    }

    m_lastMs = nowMs;
    m_lastBytes = bytes;
    return true;
}

QList<RateHistory::Sample> RateHistory::samples(RuleId ruleId) const
{
    const auto it = m_rings.constFind(ruleId);
    if (it == m_rings.cend())
        return {};
    const Ring &ring = it.value();
    if (int(ring.items.size()) < m_capacity || ring.head == 0)
        return ring.items;
    return ring.items.mid(ring.head) + ring.items.mid(0, ring.head);
}

void RateHistory::push(Ring &ring, const Sample &sample)
{
    if (int(ring.items.size()) < m_capacity) {
        ring.items.append(sample);
        return;
    }
    ring.items[ring.head] = sample;
    ring.head = (ring.head + 1) % m_capacity;
}
