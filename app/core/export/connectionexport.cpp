#include "connectionexport.h"

#include <algorithm>
#include <iterator>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include "rules/address.h"

namespace ConnectionExport {

namespace {

// The field names, the same for CSV columns and JSON keys.
const char *const Keys[] = {"id",     "rule",   "client",     "listen",  "local",     "target",     "state",
                            "opened", "closed", "durationMs", "bytesUp", "bytesDown", "closeReason"};

QString hostPort(const QHostAddress &address, quint16 port)
{
    return address.isNull() ? QStringLiteral("-") : Endpoint{address.toString(), port}.toString();
}

QJsonValue isoUtc(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonArray records(const QList<ConnectionInfo> &connections, const RuleNames &ruleName, const QDateTime &now)
{
    QJsonArray records;
    for (const ConnectionInfo &c : connections) {
        const QJsonValue values[] = {
            QJsonValue(qint64(c.id)),
            ruleName(c.ruleId),
            hostPort(c.clientAddress, c.clientPort),
            hostPort(c.listenAddress, c.listenPort),
            c.localAddress.isNull() ? QJsonValue() : QJsonValue(hostPort(c.localAddress, c.localPort)),
            hostPort(c.targetAddress, c.targetPort),
            toString(c.state),
            isoUtc(c.openedAt),
            isoUtc(c.closedAt),
            QJsonValue(durationMs(c, now)),
            QJsonValue(qint64(c.bytesUp)),
            QJsonValue(qint64(c.bytesDown)),
            c.closeReason == CloseReason::None ? QJsonValue() : QJsonValue(toString(c.closeReason)),
        };
        static_assert(std::size(values) == std::size(Keys));
        QJsonObject record;
        for (size_t i = 0; i < std::size(values); ++i)
            record.insert(QLatin1String(Keys[i]), values[i]);
        records.append(record);
    }
    return records;
}

QString csvField(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toInteger());
    const QString text = value.toString();
    if (!text.contains(QRegularExpression(QStringLiteral("[\",\r\n]"))))
        return text;
    return u'"' % QString(text).replace(u'"', QStringLiteral("\"\"")) % u'"';
}

} // namespace

qint64 durationMs(const ConnectionInfo &c, const QDateTime &now)
{
    if (!c.openedAt.isValid())
        return 0;
    const QDateTime end = c.closedAt.isValid() ? c.closedAt : now;
    return end.isValid() ? std::max<qint64>(0, c.openedAt.msecsTo(end)) : 0;
}

QByteArray connectionsJson(const QList<ConnectionInfo> &connections, const RuleNames &ruleName, const QDateTime &now)
{
    return QJsonDocument(records(connections, ruleName, now)).toJson();
}

QByteArray connectionsCsv(const QList<ConnectionInfo> &connections, const RuleNames &ruleName, const QDateTime &now)
{
    QStringList header;
    for (const char *key : Keys)
        header.append(QLatin1String(key));
    QString text = header.join(u',') % QStringLiteral("\r\n");
    const QJsonArray all = records(connections, ruleName, now);
    for (const QJsonValue &record : all) {
        QStringList fields;
        for (const char *key : Keys)
            fields.append(csvField(record.toObject().value(QLatin1String(key))));
        text += fields.join(u',') % QStringLiteral("\r\n");
    }
    return text.toUtf8();
}

} // namespace ConnectionExport
