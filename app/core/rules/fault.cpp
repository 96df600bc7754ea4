#include "fault.h"

#include <cmath>

#include <QCoreApplication>
#include <QRegularExpression>

#include "forwardrule.h"

namespace {

struct Rules {
    Q_DECLARE_TR_FUNCTIONS(Rules)
};

struct TypeName
{
    FaultType type;
    const char *name;
};
constexpr TypeName TypeNames[] = {
    {FaultType::Latency, "latency"}, {FaultType::Bandwidth, "bandwidth"}, {FaultType::Reset, "reset"},
    {FaultType::Timeout, "timeout"}, {FaultType::Slicer, "slicer"},       {FaultType::Refuse, "refuse"},
};

QString typeName(FaultType type)
{
    for (const TypeName &t : TypeNames) {
        if (t.type == type)
            return QString::fromLatin1(t.name);
    }
    return {};
}

QString directionName(FaultDirection direction)
{
    switch (direction) {
    case FaultDirection::Down: return QStringLiteral("down");
    case FaultDirection::Up: return QStringLiteral("up");
    case FaultDirection::Both: return QStringLiteral("both");
    }
    return {};
}

bool directionFromName(const QString &name, FaultDirection *direction)
{
    for (FaultDirection d : {FaultDirection::Down, FaultDirection::Up, FaultDirection::Both}) {
        if (name == directionName(d)) {
            *direction = d;
            return true;
        }
    }
    return false;
}

// "200", "200ms", "1.5s" -> milliseconds; -1 when it is not a duration.
qint64 parseDurationMs(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*(ms|s)?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return -1;
    const double number = match.captured(1).toDouble();
    const double ms = match.captured(2) == u"s" ? number * 1000 : number;
    return ms > 1e12 ? -1 : qint64(std::llround(ms));
}

// "4096", "512B", "4KiB", "1MiB" -> bytes; -1 when it is not a size.
qint64 parseBytes(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)\\s*(B|KiB|MiB|GiB)?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch() || match.captured(1).size() > 12)
        return -1;
    const QString unit = match.captured(2);
    const int shift = unit == u"KiB" ? 10 : unit == u"MiB" ? 20 : unit == u"GiB" ? 30 : 0;
    return match.captured(1).toLongLong() << shift;
}

// "512" (KiB/s), "512KiB/s", "2MiB/s" -> KiB/s; -1 when it is not a rate.
qint64 parseRate(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)\\s*(KiB/s|MiB/s)?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch() || match.captured(1).size() > 9)
        return -1;
    return match.captured(1).toLongLong() * (match.captured(2) == u"MiB/s" ? 1024 : 1);
}

// "0.5", "50%" -> 0.5; -1 when it is not a share.
double parseShare(const QString &text)
{
    QString t = text.trimmed();
    const bool percent = t.endsWith(u'%');
    if (percent)
        t.chop(1);
    bool ok = false;
    const double number = t.toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return -1;
    return percent ? number / 100 : number;
}

QString durationText(qint64 ms)
{
    return ms % 1000 == 0 && ms > 0 ? QStringLiteral("%1s").arg(ms / 1000) : QStringLiteral("%1ms").arg(ms);
}

QString bytesText(qint64 bytes)
{
    if (bytes > 0 && bytes % (1 << 20) == 0)
        return QStringLiteral("%1MiB").arg(bytes >> 20);
    if (bytes > 0 && bytes % 1024 == 0)
        return QStringLiteral("%1KiB").arg(bytes >> 10);
    return QString::number(bytes);
}

Error valueError(const QString &item, const QString &expected)
{
    return Error{Rules::tr("\"%1\": expected %2").arg(item, expected)};
}

Result<void> rangeError(const QString &what, qint64 value, qint64 min, qint64 max)
{
    if (value < min || value > max)
        return Error{Rules::tr("%1 %2 is out of range (%3-%4)").arg(what).arg(value).arg(min).arg(max)};
    return {};
}

} // namespace

bool Fault::hasDirection() const
{
    return type != FaultType::Refuse && !(type == FaultType::Reset && afterBytes <= 0);
}

Result<void> Fault::validate() const
{
    if (!(toxicity >= 0 && toxicity <= 1))
        return Error{Rules::tr("toxicity %1 is out of range (0-1)").arg(toxicity)};
    Result<void> range;
    switch (type) {
    case FaultType::Latency:
        range = rangeError(QStringLiteral("latencyMs"), latencyMs, 0, MaxDelayMs);
        if (range)
            range = rangeError(QStringLiteral("jitterMs"), jitterMs, 0, MaxDelayMs);
        break;
    case FaultType::Bandwidth: range = rangeError(QStringLiteral("kibPerS"), kibPerS, 1, MaxKibPerS); break;
    case FaultType::Reset:
        range = afterBytes > 0 ? rangeError(QStringLiteral("afterBytes"), afterBytes, 1, qint64(1) << 40)
                               : rangeError(QStringLiteral("afterMs"), afterMs, 0, MaxAfterMs);
        break;
    case FaultType::Timeout: range = rangeError(QStringLiteral("afterMs"), afterMs, 0, MaxAfterMs); break;
    case FaultType::Slicer:
        range = rangeError(QStringLiteral("sliceBytes"), sliceBytes, 1, MaxSliceBytes);
        if (range)
            range = rangeError(QStringLiteral("delayMs"), delayMs, 0, MaxDelayMs);
        break;
    case FaultType::Refuse: break;
    }
    return range;
}

bool operator==(const Fault &a, const Fault &b)
{
    return a.toJson() == b.toJson();
}

Result<Fault> Fault::fromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return Error{Rules::tr("expected an object such as {\"type\": \"latency\", \"latencyMs\": 200}, got %1")
                         .arg(jsonTypeName(value))};
    const QJsonObject object = value.toObject();
    Fault fault;
    const QString type = object.value(QStringLiteral("type")).toString();
    bool known = false;
    for (const TypeName &t : TypeNames) {
        if (type == QLatin1String(t.name)) {
            fault.type = t.type;
            known = true;
        }
    }
    if (!known)
        return Error{Rules::tr("\"type\": expected latency, bandwidth, reset, timeout, slicer or refuse, got %1")
                         .arg(type.isEmpty() ? jsonTypeName(object.value(QStringLiteral("type"))) : u'"' + type + u'"')};
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue &v = it.value();
        if (key == u"type")
            continue;
        if (key == u"direction") {
            if (!directionFromName(v.toString(), &fault.direction))
                return Error{Rules::tr("\"direction\": expected \"down\", \"up\" or \"both\"")};
            continue;
        }
        if (!v.isDouble())
            return Error{Rules::tr("\"%1\": expected a number, got %2").arg(key, jsonTypeName(v))};
        const double number = v.toDouble();
        if (key == u"toxicity") {
            fault.toxicity = number;
            continue;
        }
        if (std::trunc(number) != number || std::abs(number) > 1e13)
            return Error{Rules::tr("\"%1\": expected a whole number, got %2").arg(key, QString::number(number, 'g', 15))};
        // Out of int's range is out of every field's too: validate() says so.
        const int whole = int(std::clamp(number, -1.0, 1e9));
        if (key == u"latencyMs")
            fault.latencyMs = whole;
        else if (key == u"jitterMs")
            fault.jitterMs = whole;
        else if (key == u"kibPerS")
            fault.kibPerS = whole;
        else if (key == u"afterBytes")
            fault.afterBytes = qint64(number);
        else if (key == u"afterMs")
            fault.afterMs = whole;
        else if (key == u"sliceBytes")
            fault.sliceBytes = whole;
        else if (key == u"delayMs")
            fault.delayMs = whole;
        else
            return Error{Rules::tr("\"%1\" is not a key of a fault").arg(key)};
    }
    if (Result<void> valid = fault.validate(); !valid)
        return Error{valid.error()};
    return fault;
}

QJsonObject Fault::toJson() const
{
    QJsonObject object{{QStringLiteral("type"), typeName(type)}};
    switch (type) {
    case FaultType::Latency:
        object.insert(QStringLiteral("latencyMs"), latencyMs);
        if (jitterMs)
            object.insert(QStringLiteral("jitterMs"), jitterMs);
        break;
    case FaultType::Bandwidth: object.insert(QStringLiteral("kibPerS"), kibPerS); break;
    case FaultType::Reset:
        if (afterBytes > 0)
            object.insert(QStringLiteral("afterBytes"), double(afterBytes));
        else
            object.insert(QStringLiteral("afterMs"), afterMs);
        break;
    case FaultType::Timeout: object.insert(QStringLiteral("afterMs"), afterMs); break;
    case FaultType::Slicer:
        object.insert(QStringLiteral("sliceBytes"), sliceBytes);
        object.insert(QStringLiteral("delayMs"), delayMs);
        break;
    case FaultType::Refuse: break;
    }
    if (hasDirection() && direction != FaultDirection::Down)
        object.insert(QStringLiteral("direction"), directionName(direction));
    if (toxicity != 1.0)
        object.insert(QStringLiteral("toxicity"), toxicity);
    return object;
}

Result<Fault> Fault::parse(const QString &text)
{
    const QStringList items = text.split(u',', Qt::SkipEmptyParts);
    if (items.isEmpty())
        return Error{Rules::tr("no fault: use e.g. latency=200ms,jitter=50ms")};
    Fault fault;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString item = items.at(i).trimmed();
        const qsizetype equals = item.indexOf(u'=');
        const QString key = (equals < 0 ? item : item.left(equals)).trimmed().toLower();
        const QString value = equals < 0 ? QString() : item.mid(equals + 1).trimmed();
        const bool hasValue = equals >= 0;
        if (i == 0) {
            if (key == u"latency") {
                fault.type = FaultType::Latency;
                const qint64 ms = parseDurationMs(value);
                if (ms < 0)
                    return valueError(item, Rules::tr("a duration such as 200ms or 2s"));
                fault.latencyMs = int(std::min<qint64>(ms, INT_MAX));
            } else if (key == u"bandwidth") {
                fault.type = FaultType::Bandwidth;
                const qint64 rate = parseRate(value);
                if (rate < 0)
                    return valueError(item, Rules::tr("a rate in KiB/s such as 512 or 2MiB/s"));
                fault.kibPerS = int(std::min<qint64>(rate, INT_MAX));
            } else if (key == u"reset") {
                fault.type = FaultType::Reset;
                const bool time = value.endsWith(u's');
                const qint64 number = time ? parseDurationMs(value) : parseBytes(value);
                if (number < 0 || (!time && number == 0))
                    return valueError(item, Rules::tr("a size such as 4096 or 4KiB, or a time such as 300ms"));
                if (time)
                    fault.afterMs = int(std::min<qint64>(number, INT_MAX));
                else
                    fault.afterBytes = number;
            } else if (key == u"timeout") {
                fault.type = FaultType::Timeout;
                const qint64 ms = hasValue ? parseDurationMs(value) : 0;
                if (ms < 0)
                    return valueError(item, Rules::tr("a duration such as 5s, or nothing to hold until cleared"));
                fault.afterMs = int(std::min<qint64>(ms, INT_MAX));
            } else if (key == u"slice" || key == u"slicer") {
                fault.type = FaultType::Slicer;
                const qint64 bytes = parseBytes(value);
                if (bytes <= 0)
                    return valueError(item, Rules::tr("a size in bytes such as 64"));
                fault.sliceBytes = int(std::min<qint64>(bytes, INT_MAX));
            } else if (key == u"refuse") {
                fault.type = FaultType::Refuse;
                if (hasValue && (fault.toxicity = parseShare(value)) < 0)
                    return valueError(item, Rules::tr("a share such as 0.3 or 30%"));
            } else {
                return Error{Rules::tr("\"%1\": expected latency=, bandwidth=, reset=, timeout, slice= or refuse").arg(item)};
            }
            continue;
        }
        FaultDirection direction;
        if (!hasValue && directionFromName(key, &direction)) {
            fault.direction = direction;
        } else if (key == u"direction") {
            if (!directionFromName(value, &fault.direction))
                return valueError(item, Rules::tr("up, down or both"));
        } else if (key == u"toxicity") {
            if ((fault.toxicity = parseShare(value)) < 0)
                return valueError(item, Rules::tr("a share such as 0.5 or 50%"));
        } else if (key == u"jitter" && fault.type == FaultType::Latency) {
            const qint64 ms = parseDurationMs(value);
            if (ms < 0)
                return valueError(item, Rules::tr("a duration such as 50ms"));
            fault.jitterMs = int(std::min<qint64>(ms, INT_MAX));
        } else if (key == u"delay" && fault.type == FaultType::Slicer) {
            const qint64 ms = parseDurationMs(value);
            if (ms < 0)
                return valueError(item, Rules::tr("a duration such as 10ms"));
            fault.delayMs = int(std::min<qint64>(ms, INT_MAX));
        } else {
            return Error{Rules::tr("\"%1\" does not go with %2").arg(item, typeName(fault.type))};
        }
    }
    if (Result<void> valid = fault.validate(); !valid)
        return Error{valid.error()};
    return fault;
}

QString Fault::toText() const
{
    QString text;
    switch (type) {
    case FaultType::Latency:
        text = QStringLiteral("latency=") + durationText(latencyMs);
        if (jitterMs)
            text += QStringLiteral(",jitter=") + durationText(jitterMs);
        break;
    case FaultType::Bandwidth: text = QStringLiteral("bandwidth=%1").arg(kibPerS); break;
    case FaultType::Reset:
        text = QStringLiteral("reset=") + (afterBytes > 0 ? bytesText(afterBytes) : durationText(afterMs));
        break;
    case FaultType::Timeout:
        text = afterMs > 0 ? QStringLiteral("timeout=") + durationText(afterMs) : QStringLiteral("timeout");
        break;
    case FaultType::Slicer:
        text = QStringLiteral("slice=%1,delay=").arg(sliceBytes) + durationText(delayMs);
        break;
    case FaultType::Refuse: text = QStringLiteral("refuse"); break;
    }
    if (hasDirection() && direction != FaultDirection::Down)
        text += u',' + directionName(direction);
    if (toxicity != 1.0)
        text += QStringLiteral(",toxicity=%1").arg(toxicity);
    return text;
}

Result<Faults> faultsFromJson(const QJsonValue &value)
{
    if (!value.isArray())
        return Error{Rules::tr("expected a list of faults, got %1").arg(jsonTypeName(value))};
    const QJsonArray items = value.toArray();
    if (items.size() > Fault::MaxFaults)
        return Error{Rules::tr("%1 faults: use at most %2").arg(items.size()).arg(Fault::MaxFaults)};
    Faults faults;
    for (qsizetype i = 0; i < items.size(); ++i) {
        Result<Fault> fault = Fault::fromJson(items.at(i));
        if (!fault)
            return Error{Rules::tr("item %1: %2").arg(i + 1).arg(fault.error())};
        faults.append(fault.value());
    }
    return faults;
}

QJsonArray faultsToJson(const Faults &faults)
{
    QJsonArray list;
    for (const Fault &fault : faults)
        list.append(fault.toJson());
    return list;
}

QString faultsText(const Faults &faults)
{
    QStringList parts;
    for (const Fault &fault : faults)
        parts.append(fault.toText());
    return parts.join(QStringLiteral("; "));
}
