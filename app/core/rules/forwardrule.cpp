#include "forwardrule.h"

#include <cmath>

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>

namespace {

const QString KeyName = QStringLiteral("name");
const QString KeyListen = QStringLiteral("listen");
const QString KeyTarget = QStringLiteral("target");
const QString KeyEnabled = QStringLiteral("enabled");
const QString KeyAllow = QStringLiteral("allow");
const QString KeyMaxConnections = QStringLiteral("maxConnections");
const QString KeyConnectTimeoutMs = QStringLiteral("connectTimeoutMs");
const QString KeyIdleTimeoutS = QStringLiteral("idleTimeoutS");
const QString KeyOrigin = QStringLiteral("origin");
const QString KeyInspectHttp = QStringLiteral("inspectHttp");
const QString KeyProtocol = QStringLiteral("protocol");
const QString KeyCooldownS = QStringLiteral("cooldownS");
const QString KeyFollowCluster = QStringLiteral("followCluster");
const QString KeyClusterCheckS = QStringLiteral("clusterCheckS");
const QString KeyFaults = QStringLiteral("faults");

constexpr int MaxNameLength = 100;

Error fieldError(const QString &field, const QString &message)
{
    return Error{QCoreApplication::translate("Rules", "field \"%1\": %2").arg(field, message)};
}

Error typeError(const QString &field, const QString &expected, const QJsonValue &value)
{
    return fieldError(field, QCoreApplication::translate("Rules", "expected %1, got %2").arg(expected, jsonTypeName(value)));
}

Result<void> checkRange(const QString &field, double value, int min, int max)
{
    if (value < min || value > max) {
        return fieldError(field, QCoreApplication::translate("Rules", "%1 is out of range (%2-%3)")
                                     .arg(QString::number(value, 'g', 15), QString::number(min), QString::number(max)));
    }
    return {};
}

// Reads an optional whole number; the range is checked here too, because a
// double outside int cannot be stored to be checked later.
Result<void> readInt(const QJsonObject &object, const QString &field, int min, int max, int &out)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        return {};
    if (!value.isDouble())
        return typeError(field, QCoreApplication::translate("Rules", "a whole number"), value);
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::trunc(number) != number)
        return fieldError(field, QCoreApplication::translate("Rules", "expected a whole number, got %1")
                                     .arg(QString::number(number, 'g', 15)));
    const Result<void> range = checkRange(field, number, min, max);
    if (!range)
        return range;
    out = int(number);
    return {};
}

// Reads an optional port (0-65535) of the origin object; errors name "origin.<key>".
Result<void> readOriginPort(const QJsonObject &object, const QString &key, quint16 &out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return {};
    const QString field = KeyOrigin + QLatin1Char('.') + key;
    const QString expected = QCoreApplication::translate("Rules", "a port number (0-65535)");
    if (!value.isDouble())
        return typeError(field, expected, value);
    const double number = value.toDouble();
    if (std::trunc(number) != number || number < 0 || number > 65535) {
        return fieldError(field, QCoreApplication::translate("Rules", "expected %1, got %2")
                                     .arg(expected, QString::number(number, 'g', 15)));
    }
    out = quint16(number);
    return {};
}

Result<void> readOriginString(const QJsonObject &object, const QString &key, QString &out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return {};
    if (!value.isString())
        return typeError(KeyOrigin + QLatin1Char('.') + key, QCoreApplication::translate("Rules", "a string"), value);
    out = value.toString();
    return {};
}

QString ruleLabel(int index, const ForwardRule &rule)
{
    return QString::number(index + 1) % QStringLiteral(" (\"") % rule.name.trimmed() % QStringLiteral("\")");
}

} // namespace

bool RuleOrigin::operator==(const RuleOrigin &o) const
{
    return context == o.context && profile == o.profile && ns == o.ns && service == o.service && portName == o.portName
           && servicePort == o.servicePort && nodePort == o.nodePort && targetPort == o.targetPort
           && selector == o.selector;
}

Result<RuleOrigin> RuleOrigin::fromJson(const QJsonObject &object)
{
    RuleOrigin origin;
    Result<void> read = readOriginString(object, QStringLiteral("context"), origin.context);
    if (read)
        read = readOriginString(object, QStringLiteral("profile"), origin.profile);
    if (read)
        read = readOriginString(object, QStringLiteral("namespace"), origin.ns);
    if (read)
        read = readOriginString(object, QStringLiteral("service"), origin.service);
    if (read)
        read = readOriginString(object, QStringLiteral("portName"), origin.portName);
    if (read)
        read = readOriginPort(object, QStringLiteral("port"), origin.servicePort);
    if (read)
        read = readOriginPort(object, QStringLiteral("nodePort"), origin.nodePort);
    if (read)
        read = readOriginString(object, QStringLiteral("targetPort"), origin.targetPort);
    if (!read)
        return Error{read.error()};
    const QJsonValue selector = object.value(QStringLiteral("selector"));
    if (!selector.isUndefined()) {
        const QString field = KeyOrigin + QStringLiteral(".selector");
        const QString expected = QCoreApplication::translate("Rules", "an object of label names and values");
        if (!selector.isObject())
            return typeError(field, expected, selector);
        const QJsonObject labels = selector.toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            if (!it.value().isString())
                return typeError(field + u'.' + it.key(), QCoreApplication::translate("Rules", "a string"), it.value());
            origin.selector.insert(it.key(), it.value().toString());
        }
    }
    return origin;
}

QJsonObject RuleOrigin::toJson() const
{
    QJsonObject object{{QStringLiteral("context"), context},
                       {QStringLiteral("namespace"), ns},
                       {QStringLiteral("service"), service},
                       {QStringLiteral("port"), servicePort}};
    if (!profile.isEmpty())
        object.insert(QStringLiteral("profile"), profile);
    if (!portName.isEmpty())
        object.insert(QStringLiteral("portName"), portName);
    if (nodePort != 0)
        object.insert(QStringLiteral("nodePort"), nodePort);
    if (!targetPort.isEmpty())
        object.insert(QStringLiteral("targetPort"), targetPort);
    if (!selector.isEmpty()) {
        QJsonObject labels;
        for (auto it = selector.cbegin(); it != selector.cend(); ++it)
            labels.insert(it.key(), it.value());
        object.insert(QStringLiteral("selector"), labels);
    }
    return object;
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");  // JSON's word
    case QJsonValue::Bool: return QCoreApplication::translate("Rules", "true or false");
    case QJsonValue::Double: return QCoreApplication::translate("Rules", "a number");
    case QJsonValue::String: return QCoreApplication::translate("Rules", "a string");
    case QJsonValue::Array: return QCoreApplication::translate("Rules", "a list");
    case QJsonValue::Object: return QCoreApplication::translate("Rules", "an object");
    case QJsonValue::Undefined: break;
    }
    return QCoreApplication::translate("Rules", "nothing");
}

Result<ForwardRule> ForwardRule::fromJson(const QJsonObject &object)
{
    ForwardRule rule;

    for (const QString &field : {KeyName, KeyListen, KeyTarget}) {
        const QJsonValue value = object.value(field);
        if (value.isUndefined())
            return Error{QCoreApplication::translate("Rules", "field \"%1\" is missing: every rule needs \"name\", "
                                                              "\"listen\" and \"target\"")
                             .arg(field)};
        if (!value.isString() && !(field == KeyTarget && value.isArray()))
            return typeError(field, field == KeyTarget ? QCoreApplication::translate("Rules", "a string or a list of "
                                                                                              "strings")
                                                       : QCoreApplication::translate("Rules", "a string"),
                             value);
    }
    rule.name = object.value(KeyName).toString();

    const Result<Endpoint> listen = parseListen(object.value(KeyListen).toString());
    if (!listen)
        return fieldError(KeyListen, listen.error());
    rule.listen = listen.value();

    const QJsonValue targetValue = object.value(KeyTarget);
    const QJsonArray targetItems = targetValue.isArray() ? targetValue.toArray() : QJsonArray{targetValue};
    if (targetItems.isEmpty())
        return fieldError(KeyTarget, QCoreApplication::translate("Rules", "the list is empty: give at least one "
                                                                          "HOST:PORT"));
    QList<Endpoint> targets;
    for (qsizetype i = 0; i < targetItems.size(); ++i) {
        const QJsonValue item = targetItems.at(i);
        // In a list, errors say which item, as "allow" does.
        const auto itemError = [&](const QString &message) {
            return fieldError(KeyTarget, targetValue.isArray() ? QCoreApplication::translate("Rules", "item %1: %2")
                                                                     .arg(QString::number(i + 1), message)
                                                               : message);
        };
        if (!item.isString())
            return itemError(QCoreApplication::translate("Rules", "expected a string, got %1").arg(jsonTypeName(item)));
        const Result<Endpoint> target = parseTarget(item.toString());
        if (!target)
            return itemError(target.error());
        targets.append(target.value());
    }
    rule.setTargets(targets);

    const QJsonValue protocol = object.value(KeyProtocol);
    if (!protocol.isUndefined()) {
        if (protocol == QJsonValue(QStringLiteral("udp")))
            rule.transport = Transport::Udp;
        else if (protocol != QJsonValue(QStringLiteral("tcp")))
            return fieldError(KeyProtocol, QCoreApplication::translate("Rules", "expected \"tcp\" or \"udp\", got %1")
                                               .arg(protocol.isString() ? u'"' + protocol.toString() + u'"'
                                                                        : jsonTypeName(protocol)));
    }

    const QJsonValue follow = object.value(KeyFollowCluster);
    if (!follow.isUndefined()) {
        if (!follow.isBool())
            return typeError(KeyFollowCluster, QCoreApplication::translate("Rules", "true or false"), follow);
        rule.followCluster = follow.toBool();
    }

    const QJsonValue enabled = object.value(KeyEnabled);
    if (!enabled.isUndefined()) {
        if (!enabled.isBool())
            return typeError(KeyEnabled, QCoreApplication::translate("Rules", "true or false"), enabled);
        rule.enabled = enabled.toBool();
    }

    const QJsonValue inspect = object.value(KeyInspectHttp);
    if (!inspect.isUndefined()) {
        if (!inspect.isBool())
            return typeError(KeyInspectHttp, QCoreApplication::translate("Rules", "true or false"), inspect);
        rule.inspectHttp = inspect.toBool();
    }

    const QJsonValue allow = object.value(KeyAllow);
    if (!allow.isUndefined()) {
        if (!allow.isArray())
            return typeError(KeyAllow, QCoreApplication::translate("Rules", "a list of networks such as [\"192.168.1.0/24\"]"),
                             allow);
        const QJsonArray items = allow.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString()) {
                return fieldError(KeyAllow, QCoreApplication::translate("Rules", "item %1: expected a string, got %2")
                                                .arg(QString::number(i + 1), jsonTypeName(items.at(i))));
            }
            rule.allow.append(items.at(i).toString());
        }
    }

    Result<void> number = readInt(object, KeyMaxConnections, 1, MaxConnectionsLimit, rule.maxConnections);
    if (number)
        number = readInt(object, KeyConnectTimeoutMs, 1, ConnectTimeoutLimitMs, rule.connectTimeoutMs);
    if (number)
        number = readInt(object, KeyIdleTimeoutS, 0, IdleTimeoutLimitS, rule.idleTimeoutS);
    if (number)
        number = readInt(object, KeyCooldownS, 0, CooldownLimitS, rule.cooldownS);
    if (number)
        number = readInt(object, KeyClusterCheckS, 1, ClusterCheckLimitS, rule.clusterCheckS);
    if (!number)
        return Error{number.error()};

    const QJsonValue origin = object.value(KeyOrigin);
    if (!origin.isUndefined()) {
        if (!origin.isObject())
            return typeError(KeyOrigin, QCoreApplication::translate("Rules", "an object"), origin);
        const Result<RuleOrigin> parsed = RuleOrigin::fromJson(origin.toObject());
        if (!parsed)
            return Error{parsed.error()};
        rule.origin = parsed.value();
    }

    if (const QJsonValue faults = object.value(KeyFaults); !faults.isUndefined()) {
        Result<Faults> parsed = faultsFromJson(faults);
        if (!parsed)
            return fieldError(KeyFaults, parsed.error());
        rule.faults = parsed.value();
    }

    rule.extra = object;
    for (const QString &known : {KeyName, KeyListen, KeyTarget, KeyEnabled, KeyAllow, KeyMaxConnections, KeyConnectTimeoutMs,
                                 KeyIdleTimeoutS, KeyOrigin, KeyInspectHttp, KeyProtocol, KeyCooldownS, KeyFollowCluster,
                                 KeyClusterCheckS, KeyFaults})
        rule.extra.remove(known);
    return rule;
}

QJsonObject ForwardRule::toJson() const
{
    QJsonObject object = extra;
    object.insert(KeyName, name);
    object.insert(KeyListen, listen.toString());
    if (moreTargets.isEmpty()) {
        object.insert(KeyTarget, target.toString());
    } else {
        QJsonArray list;
        for (const Endpoint &endpoint : targets())
            list.append(endpoint.toString());
        object.insert(KeyTarget, list);
    }
    if (transport != Transport::Tcp)
        object.insert(KeyProtocol, toString(transport));
    object.insert(KeyEnabled, enabled);
    object.insert(KeyAllow, QJsonArray::fromStringList(allow));
    object.insert(KeyMaxConnections, maxConnections);
    object.insert(KeyConnectTimeoutMs, connectTimeoutMs);
    object.insert(KeyIdleTimeoutS, idleTimeoutS);
    if (!origin.isEmpty())
        object.insert(KeyOrigin, origin.toJson());
    if (inspectHttp)
        object.insert(KeyInspectHttp, *inspectHttp);
    // Written only when not the default, so files without these features read as before.
    const ForwardRule defaults;
    if (cooldownS != defaults.cooldownS)
        object.insert(KeyCooldownS, cooldownS);
    if (followCluster)
        object.insert(KeyFollowCluster, *followCluster);
    if (clusterCheckS != defaults.clusterCheckS)
        object.insert(KeyClusterCheckS, clusterCheckS);
    if (!faults.isEmpty())
        object.insert(KeyFaults, faultsToJson(faults));
    return object;
}

Result<void> ForwardRule::validate() const
{
    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty())
        return fieldError(KeyName, QCoreApplication::translate("Rules", "the name is empty: give the rule a name"));
    if (trimmedName.size() > MaxNameLength) {
        return fieldError(KeyName, QCoreApplication::translate("Rules", "the name is %1 characters long: use at most %2")
                                       .arg(QString::number(trimmedName.size()), QString::number(MaxNameLength)));
    }

    // Round-trip through the parsers so the rule editor, the CLI and the file share one set of checks.
    const Result<Endpoint> parsedListen = parseListen(listen.toString());
    if (!parsedListen)
        return fieldError(KeyListen, parsedListen.error());
    if (target.host.isEmpty())
        return Error{QCoreApplication::translate("Rules", "field \"target\" is missing: use HOST:PORT, e.g. "
                                                          "192.168.49.2:80")};
    const QList<Endpoint> all = targets();
    if (all.size() > MaxTargets)
        return fieldError(KeyTarget, QCoreApplication::translate("Rules", "%1 targets: use at most %2")
                                         .arg(QString::number(all.size()), QString::number(MaxTargets)));
    for (int i = 0; i < all.size(); ++i) {
        const Result<Endpoint> parsedTarget = parseTarget(all.at(i).toString());
        if (!parsedTarget)
            return fieldError(KeyTarget, parsedTarget.error());
        if (all.indexOf(all.at(i)) != i)
            return fieldError(KeyTarget, QCoreApplication::translate("Rules", "%1 is listed twice").arg(all.at(i).toString()));
    }

    for (const QString &network : allow) {
        const Result<Cidr> cidr = parseCidr(network);
        if (!cidr)
            return fieldError(KeyAllow, cidr.error());
    }

    Result<void> range = checkRange(KeyMaxConnections, maxConnections, 1, MaxConnectionsLimit);
    if (range)
        range = checkRange(KeyConnectTimeoutMs, connectTimeoutMs, 1, ConnectTimeoutLimitMs);
    if (range)
        range = checkRange(KeyIdleTimeoutS, idleTimeoutS, 0, IdleTimeoutLimitS);
    if (range)
        range = checkRange(KeyCooldownS, cooldownS, 0, CooldownLimitS);
    if (range)
        range = checkRange(KeyClusterCheckS, clusterCheckS, 1, ClusterCheckLimitS);
    if (!range)
        return range;
    if (!faults.isEmpty() && transport == Transport::Udp)
        return fieldError(KeyFaults, QCoreApplication::translate("Rules", "faults are for TCP rules only"));
    if (faults.size() > Fault::MaxFaults)
        return fieldError(KeyFaults, QCoreApplication::translate("Rules", "%1 faults: use at most %2")
                                         .arg(QString::number(faults.size()), QString::number(Fault::MaxFaults)));
    for (const Fault &fault : faults) {
        if (Result<void> valid = fault.validate(); !valid)
            return fieldError(KeyFaults, valid.error());
    }
    return {};
}

QList<Cidr> ForwardRule::allowCidrs() const
{
    QList<Cidr> cidrs;
    for (const QString &network : allow) {
        const Result<Cidr> cidr = parseCidr(network);
        if (cidr)
            cidrs.append(cidr.value());
    }
    return cidrs;
}

QList<Endpoint> ForwardRule::targets() const
{
    return QList<Endpoint>{target} + moreTargets;
}

void ForwardRule::setTargets(const QList<Endpoint> &targets)
{
    Q_ASSERT(!targets.isEmpty());
    target = targets.value(0);
    moreTargets = targets.mid(1);
}

QString ForwardRule::targetsText() const
{
    QStringList texts;
    for (const Endpoint &endpoint : targets())
        texts.append(endpoint.toString());
    return texts.join(QStringLiteral(", "));
}

int ForwardRule::effectiveIdleTimeoutS() const
{
    return idleTimeoutS == 0 && transport == Transport::Udp ? DefaultUdpIdleTimeoutS : idleTimeoutS;
}

bool ForwardRule::followsCluster() const
{
    return followCluster.value_or(!origin.isEmpty());
}

QString toString(Transport transport)
{
    return transport == Transport::Udp ? QStringLiteral("udp") : QStringLiteral("tcp");
}

Result<QList<Endpoint>> parseTargetList(const QString &text)
{
    QList<Endpoint> targets;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const Result<Endpoint> target = parseTarget(part);
        if (!target)
            return Error{parts.size() > 1 ? QStringLiteral("%1: %2").arg(part, target.error()) : target.error()};
        targets.append(target.value());
    }
    if (targets.isEmpty())
        return Error{QCoreApplication::translate("Rules", "no target: use HOST:PORT, e.g. 192.168.49.2:80; several, "
                                                          "separated by commas, are tried in order")};
    return targets;
}

bool ForwardRule::inspectsHttp() const
{
    if (transport == Transport::Udp)
        return false;
    if (inspectHttp)
        return *inspectHttp;
    return target.port == 80 || target.port == 8080 || origin.service.contains(QLatin1String("ingress"));
}

bool ForwardRule::isExposed() const
{
    const Result<QHostAddress> address = parseIpAddress(listen.host);
    // An address we cannot read is not known to be private: err on the side of warning.
    return !address || !address.value().isLoopback();
}

Result<void> validateRules(const QList<ForwardRule> &rules)
{
    QHash<QString, int> names;
    QHash<QString, int> listens;
    for (int i = 0; i < rules.size(); ++i) {
        const ForwardRule &rule = rules.at(i);
        const Result<void> valid = rule.validate();
        if (!valid)
            return Error{QCoreApplication::translate("Rules", "rule %1: %2").arg(ruleLabel(i, rule), valid.error())};

        const QString name = rule.name.trimmed();
        const auto sameName = names.constFind(name);
        if (sameName != names.constEnd()) {
            return Error{QCoreApplication::translate("Rules", "rules %1 and %2 have the same name: rename one")
                             .arg(ruleLabel(*sameName, rules.at(*sameName)), ruleLabel(i, rule))};
        }
        names.insert(name, i);

        if (!rule.enabled)
            continue;
        // Normalised, so "[0:0::1]" and "[::1]" are seen as the same socket.
        const Endpoint normalised{parseIpAddress(rule.listen.host).value().toString(), rule.listen.port};
        const QString key = rule.transport == Transport::Udp ? QStringLiteral("udp:") + normalised.toString()
                                                             : normalised.toString();
        const auto sameListen = listens.constFind(key);
        if (sameListen != listens.constEnd()) {
            return Error{QCoreApplication::translate("Rules", "rules %1 and %2 both listen on %3; disable one or change "
                                                              "its port")
                             .arg(ruleLabel(*sameListen, rules.at(*sameListen)), ruleLabel(i, rule), key)};
        }
        listens.insert(key, i);
    }
    return {};
}
