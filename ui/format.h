#pragma once

#include <QRegularExpression>
#include <QStringList>

#include <QDateTime>
#include <QHostAddress>
#include <QString>

// How the window writes numbers, addresses and times. Decimal units, as network tools do.
namespace Format {

// "512 B", "1.5 KB", "12.3 MB", "4.01 GB".
QString bytes(quint64 count);
// "0 B/s", "1.5 KB/s", "117 MB/s", "1.2 GB/s".
QString rate(double bytesPerSecond);
// "0.4 s", "42 s", "3:07", "1:02:03" (hours:minutes:seconds).
QString duration(qint64 ms);
// "127.0.0.1:8080", "[::1]:8080"; "-" for a null address.
QString hostPort(const QHostAddress &address, quint16 port);
// "client closed" -> "Client closed": the engine's lower-case words as a table shows them.
QString sentence(const QString &text);
// Matches a whole message of the core as it reads in the current language:
// %1, %2... of the source become the given patterns (default ".*").
QRegularExpression messagePattern(const char *context, const char *source, const QStringList &arguments = {});
// A UTC time from the engine as local wall-clock time, "14:03:07".
QString localTime(const QDateTime &utc);
// Local date and time for exports and tooltips, ISO 8601 with offset.
QString localDateTime(const QDateTime &utc);

} // namespace Format
