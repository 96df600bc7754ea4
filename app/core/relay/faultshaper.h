#pragma once

#include <deque>

#include <QByteArray>

#include "rules/fault.h"

// What of a rule's faults applies to one connection, drawn by toxicity when it starts
// and again when the rule's faults change.
struct FaultPlan
{
    // One direction's faults.
    struct Way
    {
        int latencyMs = 0;
        int jitterMs = 0;
        double bytesPerMs = 0;  // bandwidth; 0: no limit
        int sliceBytes = 0;
        int sliceDelayMs = 0;
        qint64 resetAfterBytes = 0;  // 0: none
        bool hold = false;           // timeout: nothing passes
        bool any() const { return latencyMs || jitterMs || bytesPerMs > 0 || sliceBytes || resetAfterBytes || hold; }
    };
    Way up;    // client -> target
    Way down;  // target -> client
    int resetAfterMs = -1;  // from the connect; -1: none
    int closeAfterMs = -1;  // a timeout's end; -1: none

    bool any() const { return up.any() || down.any() || resetAfterMs >= 0 || closeAfterMs >= 0; }
    // Refuse is drawn where connections are accepted (refuses()), not here.
    static FaultPlan draw(const Faults &faults);
    // Whether a refuse fault takes this new connection.
    static bool refuses(const Faults &faults);
};

// One direction's bytes waiting for their time (latency, bandwidth, slices), in order.
class DelayLine
{
public:
    // Schedules what was read at nowMs.
    void add(const char *data, qsizetype size, qint64 nowMs, const FaultPlan::Way &way);
    bool isEmpty() const { return m_pieces.empty(); }
    qsizetype bytes() const { return m_bytes; }
    // When the first piece is due; only when not empty.
    qint64 nextDueMs() const;
    const char *frontData() const;
    qsizetype frontSize() const;
    void consume(qsizetype size);
    // How much more may be read now: reading stops while this many bytes wait, so a
    // slowed direction slows its sender (TCP's own flow control) instead of buffering.
    qsizetype room(const FaultPlan::Way &way) const;

private:
    struct Piece
    {
        double dueMs;
        QByteArray chunk;  // shared by the pieces of one read
        qsizetype offset;
        qsizetype size;
    };
    std::deque<Piece> m_pieces;
    qsizetype m_bytes = 0;
    double m_lastDueMs = 0;  // order is kept: no piece leaves before the one read before it
};
