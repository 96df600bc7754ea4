#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "result.h"

// A fault a rule injects into its connections, in Toxiproxy's vocabulary, to see what
// the clients of an API do when the link is slow or breaks. Changed live: a started
// rule applies a new list to its open connections at once.
enum class FaultType {
    Latency,    // each piece of data waits latencyMs ± jitterMs
    Bandwidth,  // at most kibPerS KiB per second
    Reset,      // a reset (RST) both ways after afterBytes bytes, or afterMs from the connect
    Timeout,    // nothing passes; closed after afterMs (0: held until the fault is cleared)
    Slicer,     // writes cut into sliceBytes pieces, delayMs apart
    Refuse,     // a new connection is reset at once (its share: toxicity)
};

// Which bytes a fault acts on. Down (target -> client, the responses) is Toxiproxy's
// "downstream" and the default.
enum class FaultDirection { Down, Up, Both };

struct Fault
{
    FaultType type = FaultType::Latency;
    FaultDirection direction = FaultDirection::Down;
    double toxicity = 1.0;  // the share of connections it applies to, drawn per connection
    int latencyMs = 0;
    int jitterMs = 0;
    int kibPerS = 0;
    qint64 afterBytes = 0;  // Reset: > 0 counts bytes, else afterMs counts time
    int afterMs = 0;
    int sliceBytes = 0;
    int delayMs = 0;

    static constexpr int MaxFaults = 16;
    static constexpr int MaxDelayMs = 60 * 1000;
    static constexpr int MaxAfterMs = 24 * 3600 * 1000;
    static constexpr int MaxKibPerS = 10 * 1024 * 1024;
    static constexpr int MaxSliceBytes = 64 * 1024;

    bool appliesUp() const { return direction != FaultDirection::Down; }
    bool appliesDown() const { return direction != FaultDirection::Up; }
    // Whether direction means anything for this type (not for refuse, nor a timed reset).
    bool hasDirection() const;

    // One object of the rules file's "faults" list; errors name the key.
    static Result<Fault> fromJson(const QJsonValue &value);
    QJsonObject toJson() const;
    // The command line's form, also shown in the window: "latency=200ms,jitter=50ms",
    // "bandwidth=512" (KiB/s), "reset=4KiB" or "reset=300ms", "timeout" or "timeout=5s",
    // "slice=64,delay=10ms", "refuse"; then optionally ",up", ",down" or ",both" and
    // ",toxicity=0.5" (or 50%).
    static Result<Fault> parse(const QString &text);
    QString toText() const;

    Result<void> validate() const;
    friend bool operator==(const Fault &a, const Fault &b);
    friend bool operator!=(const Fault &a, const Fault &b) { return !(a == b); }
};

using Faults = QList<Fault>;

// The rules file's "faults" list; errors name the item ("faults: item 2: ...").
Result<Faults> faultsFromJson(const QJsonValue &value);
QJsonArray faultsToJson(const Faults &faults);
// "latency=200ms,jitter=50ms; bandwidth=512": the rule's faults in one line.
QString faultsText(const Faults &faults);
