#include "faulttext.h"

#include <QStringList>

namespace {

QString directionPhrase(FaultDirection direction)
{
    switch (direction) {
    case FaultDirection::Down: return FaultText::tr("on responses");
    case FaultDirection::Up: return FaultText::tr("on requests");
    case FaultDirection::Both: return FaultText::tr("on requests and responses");
    }
    return {};
}

} // namespace

QString FaultText::describe(const Fault &fault)
{
    QString text;
    switch (fault.type) {
    case FaultType::Latency:
        text = fault.jitterMs > 0 ? tr("Latency %1 ms ± %2 ms").arg(fault.latencyMs).arg(fault.jitterMs)
                                  : tr("Latency %1 ms").arg(fault.latencyMs);
        break;
    case FaultType::Bandwidth: text = tr("Bandwidth at most %1 KiB/s").arg(fault.kibPerS); break;
    case FaultType::Reset:
        if (fault.afterBytes > 0) {
            // The bytes are counted in its direction; the reset goes both ways.
            switch (fault.direction) {
            case FaultDirection::Down: text = tr("Reset after %1 bytes of responses").arg(fault.afterBytes); break;
            case FaultDirection::Up: text = tr("Reset after %1 bytes of requests").arg(fault.afterBytes); break;
            case FaultDirection::Both: text = tr("Reset after %1 bytes either way").arg(fault.afterBytes); break;
            }
        } else {
            text = fault.afterMs > 0 ? tr("Reset %1 ms after connecting").arg(fault.afterMs)
                                     : tr("Reset as soon as connected");
        }
        break;
    case FaultType::Timeout:
        text = fault.afterMs > 0 ? tr("Timeout: nothing passes, closed after %1 ms").arg(fault.afterMs)
                                 : tr("Timeout: nothing passes until the fault is cleared");
        break;
    case FaultType::Slicer:
        text = tr("Slicer: pieces of %1 bytes, %2 ms apart").arg(fault.sliceBytes).arg(fault.delayMs);
        break;
    case FaultType::Refuse: text = tr("Refuse new connections (reset at once)"); break;
    }
    if (fault.hasDirection() && fault.type != FaultType::Reset)
        text += QStringLiteral(", ") + directionPhrase(fault.direction);
    if (fault.toxicity < 1.0)
        text += QStringLiteral(", ") + tr("on %1 % of connections").arg(fault.toxicity * 100, 0, 'g', 3);
    return text;
}

QString FaultText::toolTip(const Faults &faults)
{
    if (faults.isEmpty())
        return {};
    QStringList lines{tr("Faults injected on purpose:")};
    for (const Fault &fault : faults)
        lines.append(QStringLiteral("• ") + describe(fault));
    lines.append(tr("As text: %1").arg(faultsText(faults)));
    lines.append(tr("Rules › Clear faults removes them."));
    return lines.join(u'\n');
}

QString FaultText::directionName(FaultDirection direction)
{
    switch (direction) {
    case FaultDirection::Down: return tr("responses (down)");
    case FaultDirection::Up: return tr("requests (up)");
    case FaultDirection::Both: return tr("both ways");
    }
    return {};
}
