#include "httphistory.h"

#include <utility>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

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
    return Error{QLatin1Char('"') % key % QStringLiteral("\" must be ") % expected % QStringLiteral(", got ") % jsonTypeName(value)};
}

Result<HistoryEntry> entryFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return Error{QStringLiteral("expected an object, got ") % jsonTypeName(value)};
    const QJsonObject object = value.toObject();
    HistoryEntry entry;

    const QJsonValue time = object.value(KeyTime);
    entry.time = QDateTime::fromString(time.toString(), Qt::ISODateWithMs);
    if (!time.isString() || !entry.time.isValid())
        return Error{QStringLiteral("\"time\" must be a date and time like \"2026-01-31T12:00:00.000Z\"")};
    entry.time = entry.time.toUTC();

    const QJsonValue request = object.value(KeyRequest);
    if (!request.isObject())
        return typeError(KeyRequest, QStringLiteral("an object"), request);
    Result<HttpRequest> parsed = requestFromJson(request.toObject());
    if (!parsed)
        return Error{QStringLiteral("request: ") % parsed.error()};
    entry.request = std::move(parsed.value());

    for (const QString &key : {KeyStatus, KeyTotalMs, KeySize}) {
        const QJsonValue field = object.value(key);
        if (!field.isUndefined() && !field.isDouble())
            return typeError(key, QStringLiteral("a number"), field);
    }
    entry.status = object.value(KeyStatus).toInt();
    entry.totalMs = object.value(KeyTotalMs).toDouble();
    entry.size = qint64(object.value(KeySize).toDouble());

    const QJsonValue error = object.value(KeyError);
    if (!error.isUndefined() && !error.isString())
        return typeError(KeyError, QStringLiteral("a string"), error);
    entry.error = error.toString();
    return entry;
}

Result<QList<HistoryEntry>> parseHistory(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QStringLiteral("not valid JSON (") % parseError.errorString() % QStringLiteral(" at byte ") % QString::number(parseError.offset) % QLatin1Char(')')};
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(KeyFormat).toString() != Format)
        return Error{QStringLiteral("not a Pasarela HTTP history file")};
    if (root.value(KeyVersion).toInt() != HttpHistory::FormatVersion)
        return Error{QStringLiteral("history version ") % root.value(KeyVersion).toVariant().toString() % QStringLiteral(" is not one this Pasarela reads")};
    const QJsonValue items = root.value(KeyEntries);
    if (!items.isArray())
        return typeError(KeyEntries, QStringLiteral("a list"), items);

    QList<HistoryEntry> entries;
    const QJsonArray array = items.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const Result<HistoryEntry> entry = entryFromJson(array.at(i));
        if (!entry)
            return Error{QStringLiteral("entry ") % QString::number(i + 1) % QStringLiteral(": ") % entry.error()};
        entries.append(entry.value());
    }
    return entries;
}

// Keeps what could not be read where the user can find it; the next save starts afresh.
Result<QString> moveAside(const QString &path)
{
    const QString base = path % QStringLiteral(".broken-") % QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = base;
    for (int counter = 2; QFile::exists(aside); ++counter)
        aside = base % QLatin1Char('-') % QString::number(counter);
    if (!QFile::rename(path, aside) && !QFile::copy(path, aside))
        return Error{aside};
    return aside;
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
        return Error{m_path % QStringLiteral(": cannot read the HTTP history: ") % file.errorString()};
    const QByteArray data = file.readAll();
    file.close();

    Result<QList<HistoryEntry>> parsed = parseHistory(data);
    if (parsed) {
        m_entries = std::move(parsed.value());
        if (m_entries.size() > m_capacity)
            m_entries.resize(m_capacity);
        return {};
    }
    const Result<QString> aside = moveAside(m_path);
    if (!aside) {
        return Error{m_path % QStringLiteral(": the HTTP history is broken (") % parsed.error() % QStringLiteral(") and could not be moved to ")
                     % aside.error() % QStringLiteral(": move it away yourself, or the next save replaces it")};
    }
    return Error{m_path % QStringLiteral(": the HTTP history is broken (") % parsed.error() % QStringLiteral("); it was kept as ")
                 % aside.value() % QStringLiteral(" and the history starts empty")};
}

Result<void> HttpHistory::save() const
{
    const QDir folder = QFileInfo(m_path).absoluteDir();
    if (!folder.mkpath(QStringLiteral(".")))
        return Error{m_path % QStringLiteral(": cannot create the folder ") % folder.path() % QStringLiteral(": check its permissions")};

    QJsonArray entries;
    for (const HistoryEntry &entry : m_entries)
        entries.append(entryToJson(entry, m_keepSecrets));
    const QJsonObject root{{KeyFormat, Format}, {KeyVersion, FormatVersion}, {KeyEntries, entries}};

    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{m_path % QStringLiteral(": cannot write the HTTP history: ") % file.errorString()};
    // On the temporary file, before it takes the real name: requests may carry tokens.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error{m_path % QStringLiteral(": cannot write the HTTP history: ") % file.errorString()};
    return {};
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
