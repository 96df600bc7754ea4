#include "exchangefiles.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

#include "atomicfile.h"
#include "format.h"

ExchangeFiles::ExchangeFiles() : m_lastFolder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)) {}

QString ExchangeFiles::suggestedName(const HttpExchange *exchange, const QString &typedUrl, bool isJson,
                                     bool exchangeFile)
{
    const QUrl url(exchange ? exchange->request.url : typedUrl);
    const QStringList segments = url.path().split(u'/', Qt::SkipEmptyParts);
    QString name = segments.isEmpty() ? url.host() : segments.constLast();
    name = QFileInfo(name).completeBaseName();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    if (name.isEmpty() || name == u"-")
        name = QStringLiteral("response");
    const QDateTime when = exchange && exchange->startedAt.isValid() ? exchange->startedAt
                                                                      : QDateTime::currentDateTimeUtc();
    name += u'-' + when.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (exchangeFile)
        return name + QStringLiteral("-exchange.json");
    const QString type = exchange ? exchange->response.header(QStringLiteral("Content-Type")).section(u';', 0, 0).trimmed()
                                  : QString();
    if (isJson || type.contains(QLatin1String("json")))
        return name + QStringLiteral(".json");
    const QString suffix = QMimeDatabase().mimeTypeForName(type).preferredSuffix();
    return name + u'.' + (suffix.isEmpty() ? QStringLiteral("bin") : suffix);
}

Result<void> ExchangeFiles::write(const QString &path, const QByteArray &bytes)
{
    if (Result<void> written = writeFileAtomically(path, bytes); !written)
        return written;
    m_lastFolder = QFileInfo(path).absolutePath();
    return {};
}

Result<void> ExchangeFiles::saveBody(const HttpExchange *exchange, const QString &path)
{
    if (!exchange || !exchange->hasResponse())
        return Error{tr("There is no response to save: send a request first.")};
    return write(path, exchange->response.body);
}

Result<void> ExchangeFiles::exportExchange(const HttpExchange *exchange, bool keepSecrets, const QString &path)
{
    if (!exchange)
        return Error{tr("There is nothing to export: send a request first.")};
    return write(path, exchangeDocument(*exchange, keepSecrets));
}

void ExchangeFiles::askAndSaveBody(QWidget *parent, const HttpExchange &exchange, bool isJson)
{
    if (!exchange.hasResponse())
        return;
    const QString name = suggestedName(&exchange, QString(), isJson, false);
    const QString json = tr("JSON files (*.json)");
    const QString all = tr("All files (*)");
    // The filter that fits the suggested name comes first, so the dialog keeps its suffix.
    const QString filters = name.endsWith(QLatin1String(".json")) ? json % QStringLiteral(";;") % all
                                                                  : all % QStringLiteral(";;") % json;
    const QString path = QFileDialog::getSaveFileName(parent, tr("Save response"), QDir(m_lastFolder).filePath(name),
                                                      filters);
    if (path.isEmpty())
        return;
    const Result<void> saved = saveBody(&exchange, path);
    if (!saved)
        QMessageBox::warning(parent, tr("Save response"), Format::sentence(saved.error()));
}

void ExchangeFiles::askAndExport(QWidget *parent, const HttpExchange &exchange, bool keepSecrets)
{
    const QString path = QFileDialog::getSaveFileName(
        parent, tr("Export exchange"), QDir(m_lastFolder).filePath(suggestedName(&exchange, QString(), false, true)),
        tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    const Result<void> saved = exportExchange(&exchange, keepSecrets, path);
    if (!saved)
        QMessageBox::warning(parent, tr("Export exchange"), Format::sentence(saved.error()));
}
