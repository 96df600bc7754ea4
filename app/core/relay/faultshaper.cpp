#include "faultshaper.h"

#include <algorithm>
#include <cmath>

#include <QRandomGenerator>

namespace {

// Bandwidth goes out in pieces of this much time, so a limited stream flows evenly.
constexpr double BandwidthPieceMs = 20;
// Bytes that wait at most in one direction without a bandwidth limit.
constexpr qsizetype MaxWaitingBytes = 4 * 1024 * 1024;
// A sliced read is at most this many slices, so a slow slicer does not read far ahead.
constexpr qsizetype MaxSlicesPerRead = 256;

bool drawn(const Fault &fault)
{
    return fault.toxicity >= 1.0 || QRandomGenerator::global()->generateDouble() < fault.toxicity;
}

} // namespace

FaultPlan FaultPlan::draw(const Faults &faults)
{
    FaultPlan plan;
    for (const Fault &fault : faults) {
        if (fault.type == FaultType::Refuse || !drawn(fault))
            continue;
        if (fault.type == FaultType::Reset && fault.afterBytes <= 0) {
            plan.resetAfterMs = plan.resetAfterMs < 0 ? fault.afterMs : std::min(plan.resetAfterMs, fault.afterMs);
            continue;
        }
        if (fault.type == FaultType::Timeout && fault.afterMs > 0)
            plan.closeAfterMs = plan.closeAfterMs < 0 ? fault.afterMs : std::min(plan.closeAfterMs, fault.afterMs);
        for (Way *way : {&plan.up, &plan.down}) {
            if (!(way == &plan.up ? fault.appliesUp() : fault.appliesDown()))
                continue;
            switch (fault.type) {
            case FaultType::Latency:
                way->latencyMs += fault.latencyMs;
                way->jitterMs += fault.jitterMs;
                break;
            case FaultType::Bandwidth: {
                const double rate = fault.kibPerS * 1024.0 / 1000.0;
                way->bytesPerMs = way->bytesPerMs > 0 ? std::min(way->bytesPerMs, rate) : rate;
                break;
            }
            case FaultType::Reset:
                way->resetAfterBytes = way->resetAfterBytes > 0 ? std::min(way->resetAfterBytes, fault.afterBytes)
                                                                : fault.afterBytes;
                break;
            case FaultType::Timeout: way->hold = true; break;
            case FaultType::Slicer:
                way->sliceBytes = fault.sliceBytes;
                way->sliceDelayMs = fault.delayMs;
                break;
            case FaultType::Refuse: break;
            }
        }
    }
    return plan;
}

bool FaultPlan::refuses(const Faults &faults)
{
    return std::any_of(faults.cbegin(), faults.cend(),
                       [](const Fault &fault) { return fault.type == FaultType::Refuse && drawn(fault); });
}

void DelayLine::add(const char *data, qsizetype size, qint64 nowMs, const FaultPlan::Way &way)
{
    if (size <= 0)
        return;
    // nowMs is the millisecond begun: one more makes a latency never a little short.
    double ready = double(nowMs) + (way.latencyMs ? way.latencyMs + 1 : 0);
    if (way.jitterMs)
        ready += (QRandomGenerator::global()->generateDouble() * 2 - 1) * way.jitterMs;
    ready = std::max(ready, double(nowMs));
    qsizetype pieceSize = way.sliceBytes > 0 ? way.sliceBytes : size;
    if (way.bytesPerMs > 0)
        pieceSize = std::min(pieceSize, std::max<qsizetype>(1, qsizetype(way.bytesPerMs * BandwidthPieceMs)));
    const QByteArray chunk(data, size);
    for (qsizetype offset = 0; offset < size; offset += pieceSize) {
        const qsizetype n = std::min(pieceSize, size - offset);
        double due = ready;
        if (way.sliceBytes > 0)
            due += double(offset / way.sliceBytes) * way.sliceDelayMs;
        due = std::max(due, m_lastDueMs);
        if (way.bytesPerMs > 0)
            due += double(n) / way.bytesPerMs;  // the time the limited link takes to carry it
        m_lastDueMs = due;
        m_pieces.push_back(Piece{due, chunk, offset, n});
    }
    m_bytes += size;
}

qint64 DelayLine::nextDueMs() const
{
    return qint64(std::ceil(m_pieces.front().dueMs));
}

const char *DelayLine::frontData() const
{
    const Piece &piece = m_pieces.front();
    return piece.chunk.constData() + piece.offset;
}

qsizetype DelayLine::frontSize() const
{
    return m_pieces.front().size;
}

void DelayLine::consume(qsizetype size)
{
    Piece &piece = m_pieces.front();
    m_bytes -= size;
    if (size < piece.size) {
        piece.offset += size;
        piece.size -= size;
        return;
    }
    m_pieces.pop_front();
}

qsizetype DelayLine::room(const FaultPlan::Way &way) const
{
    qsizetype limit = MaxWaitingBytes;
    if (way.bytesPerMs > 0)  // a quarter of a second of the limited link
        limit = std::clamp(qsizetype(way.bytesPerMs * 250), qsizetype(16 * 1024), MaxWaitingBytes);
    qsizetype room = std::max<qsizetype>(0, limit - m_bytes);
    if (way.sliceBytes > 0)
        room = std::min(room, way.sliceBytes * MaxSlicesPerRead);
    return room;
}
