#pragma once

#include <QCoreApplication>
#include <QString>

#include "http/httpmessage.h"
#include "result.h"

class QWidget;

// Where the HTTP client writes what came back: the body byte for byte, or the whole
// exchange as JSON, atomically, under a name made of the URL and the time, in the
// folder used last. Errors name the path.
class ExchangeFiles final
{
    Q_DECLARE_TR_FUNCTIONS(ExchangeFiles)

public:
    ExchangeFiles();

    const QString &lastFolder() const { return m_lastFolder; }
    void setLastFolder(const QString &folder) { m_lastFolder = folder; }

    // "items-20261126-140501.json": the URL's last path segment and the time it was
    // sent (exchange null: typedUrl and now); the suffix from the body's type.
    static QString suggestedName(const HttpExchange *exchange, const QString &typedUrl, bool isJson, bool exchangeFile);

    // exchange null: nothing to write yet, said as an error.
    Result<void> saveBody(const HttpExchange *exchange, const QString &path);
    Result<void> exportExchange(const HttpExchange *exchange, bool keepSecrets, const QString &path);
    // The same, asking for the file; a failure is shown in a message box.
    void askAndSaveBody(QWidget *parent, const HttpExchange &exchange, bool isJson);
    void askAndExport(QWidget *parent, const HttpExchange &exchange, bool keepSecrets);

private:
    Result<void> write(const QString &path, const QByteArray &bytes);

    QString m_lastFolder;
};
