#include "httphistory.h"

#include <utility>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include "atomicfile.h"
#include "keepaside.h"
#include "rules/forwardrule.h"

namespace {

const QString KeyFormat = QStringLiteral("format");
const QString KeyVersion = QStringLiteral("version");
const QString KeyEntries = QStringLiteral("entries");
const QString KeyTime = QStringLiteral("time");
const QString KeyRequest = QStringLiteral("request");
const QString KeyStatus = QStringLiteral("status");
const QString KeyError = QStringLiteral("error");
const QString KeyTotalMs = QStringLiteral("totalMs");
const QString KeySize = QStringLiteral("size");
const QString Format = QStringLiteral("pasarela-http-history");

QJsonObject entryToJson(const HistoryEntry &entry, bool keepSecrets)
{
    QJsonObject object{
        {KeyTime, entry.time.toUTC().toString(Qt::ISODateWithMs)},
        {KeyRequest, requestToJson(entry.request, keepSecrets)},
        {KeyStatus, entry.status},
        {KeyTotalMs, entry.totalMs},
        {KeySize, double(entry.size)},
    };
    if (!entry.error.isEmpty())
        object.insert(KeyError, entry.error);
    return object;
}

Error typeError(const QString &key, const QString &expected, const QJsonValue &value)
{
    return Error{QCoreApplication::translate("Http", "\"%1\" must be %2, got %3").arg(key, expected, jsonTypeName(value))};
}

Result<HistoryEntry> entryFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return Error{QCoreApplication::translate("Http", "expected an object, got %1").arg(jsonTypeName(value))};
    const QJsonObject object = value.toObject();
    HistoryEntry entry;

    const QJsonValue time = object.value(KeyTime);
    entry.time = QDateTime::fromString(time.toString(), Qt::ISODateWithMs);
    if (!time.isString() || !entry.time.isValid())
        return Error{QCoreApplication::translate("Http", "\"time\" must be a date and time like "
                                                         "\"2026-01-31T12:00:00.000Z\"")};
    entry.time = entry.time.toUTC();

    const QJsonValue request = object.value(KeyRequest);
    if (!request.isObject())
        return typeError(KeyRequest, QCoreApplication::translate("Http", "an object"), request);
    Result<HttpRequest> parsed = requestFromJson(request.toObject());
    if (!parsed)
        return Error{QCoreApplication::translate("Http", "request: %1").arg(parsed.error())};
    entry.request = std::move(parsed.value());

    for (const QString &key : {KeyStatus, KeyTotalMs, KeySize}) {
        const QJsonValue field = object.value(key);
        if (!field.isUndefined() && !field.isDouble())
            return typeError(key, QCoreApplication::translate("Http", "a number"), field);
    }
    entry.status = object.value(KeyStatus).toInt();
    entry.totalMs = object.value(KeyTotalMs).toDouble();
    entry.size = qint64(object.value(KeySize).toDouble());

    const QJsonValue error = object.value(KeyError);
    if (!error.isUndefined() && !error.isString())
        return typeError(KeyError, QCoreApplication::translate("Http", "a string"), error);
    entry.error = error.toString();
    return entry;
}

Result<QList<HistoryEntry>> parseHistory(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QCoreApplication::translate("Http", "not valid JSON (%1 at byte %2)")
                         .arg(parseError.errorString(), QString::number(parseError.offset))};
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(KeyFormat).toString() != Format)
        return Error{QCoreApplication::translate("Http", "not a Pasarela HTTP history file")};
    if (root.value(KeyVersion).toInt() != HttpHistory::FormatVersion)
        return Error{QCoreApplication::translate("Http", "history version %1 is not one this Pasarela reads")
                         .arg(root.value(KeyVersion).toVariant().toString())};
    const QJsonValue items = root.value(KeyEntries);
    if (!items.isArray())
        return typeError(KeyEntries, QCoreApplication::translate("Http", "a list"), items);

    QList<HistoryEntry> entries;
    const QJsonArray array = items.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const Result<HistoryEntry> entry = entryFromJson(array.at(i));
        if (!entry)
            return Error{QCoreApplication::translate("Http", "entry %1: %2").arg(QString::number(i + 1), entry.error())};
        entries.append(entry.value());
    }
    return entries;
}

} // namespace

HttpHistory::HttpHistory(QString path, int capacity) : m_path(std::move(path)), m_capacity(qMax(1, capacity)) {}

QString HttpHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) % QStringLiteral("/http-history.json");
}

Result<void> HttpHistory::load()
{
    m_entries.clear();
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("Http", "%1: cannot read the HTTP history: %2").arg(m_path, file.errorString())};
    const QByteArray data = file.readAll();
    file.close();

    Result<QList<HistoryEntry>> parsed = parseHistory(data);
    if (parsed) {
        m_entries = std::move(parsed.value());
        if (m_entries.size() > m_capacity)
            m_entries.resize(m_capacity);
        return {};
    }
    const Result<QString> aside = keepAside(m_path);
    if (!aside) {
        return Error{QCoreApplication::translate("Http", "%1: the HTTP history is broken (%2) and could not be moved "
                                                         "to %3: move it away yourself, or the next save replaces it")
                         .arg(m_path, parsed.error(), aside.error())};
    }
    return Error{QCoreApplication::translate("Http", "%1: the HTTP history is broken (%2); it was kept as %3 and the "
                                                     "history starts empty")
                     .arg(m_path, parsed.error(), aside.value())};
}

Result<void> HttpHistory::save() const
{
    QJsonArray entries;
    for (const HistoryEntry &entry : m_entries)
        entries.append(entryToJson(entry, m_keepSecrets));
    const QJsonObject root{{KeyFormat, Format}, {KeyVersion, FormatVersion}, {KeyEntries, entries}};

    // Private: requests may carry tokens.
    return writeFileAtomically(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented), OwnerOnly,
                               ParentFolder::Create);
}

void HttpHistory::add(const HistoryEntry &entry)
{
    m_entries.prepend(entry);
    if (m_entries.size() > m_capacity)
        m_entries.resize(m_capacity);
}

void HttpHistory::remove(int index)
{
    if (index >= 0 && index < m_entries.size())
        m_entries.removeAt(index);
}

void HttpHistory::clear()
{
    m_entries.clear();
}

HistoryEntry historyEntryFor(const HttpExchange &exchange)
{
    HistoryEntry entry;
    entry.time = exchange.startedAt.toUTC();
    entry.request = exchange.request;
    if (exchange.hasResponse()) {
        entry.status = exchange.response.status;
        entry.totalMs = exchange.response.totalMs;
        entry.size = exchange.response.body.size();
    } else {
        entry.error = exchange.error;
    }
    return entry;
}
