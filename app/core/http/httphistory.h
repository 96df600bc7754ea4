#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include "httpmessage.h"
#include "result.h"

// One line of the HTTP client's history: the request as sent and a summary of
// what came back (not the body).
struct HistoryEntry
{
    QDateTime time;           // UTC, when it was sent
    HttpRequest request;
    int status = 0;           // 0 when no response arrived
    QString error;            // the failure's message, when no response arrived
    double totalMs = 0;
    qint64 size = 0;          // response body bytes
};

// The persisted history (AppDataLocation/http-history.json by default): newest
// first, capped, written atomically and readable by the user only. Secret header
// values (isSecretHeader) are left out of the file unless keepSecrets is set;
// entries in memory keep them for the session. A file that does not parse is
// kept aside (".broken-<time>") and reported, never overwritten silently.
class HttpHistory final
{
public:
    static constexpr int DefaultCapacity = 500;
    static constexpr int FormatVersion = 1;

    explicit HttpHistory(QString path, int capacity = DefaultCapacity);
    static QString defaultPath();

    const QString &path() const { return m_path; }
    // A missing file is an empty history. On a broken file the history starts
    // empty, the file is renamed aside and the error names both paths.
    Result<void> load();
    Result<void> save() const;

    const QList<HistoryEntry> &entries() const { return m_entries; }
    // Adds at the front and drops the oldest beyond capacity. Does not save.
    void add(const HistoryEntry &entry);
    void remove(int index);
    void clear();

    bool keepSecrets() const { return m_keepSecrets; }
    void setKeepSecrets(bool keep) { m_keepSecrets = keep; }

private:
    QString m_path;
    int m_capacity;
    bool m_keepSecrets = false;
    QList<HistoryEntry> m_entries;
};

// What a history line remembers of an exchange.
HistoryEntry historyEntryFor(const HttpExchange &exchange);
