#include "format.h"

#include <QCoreApplication>

#include <cmath>

namespace {

QString scaled(double value, const char *const units[], int unitCount)
{
    int unit = 0;
    while (std::abs(value) >= 1000.0 && unit + 1 < unitCount) {
        value /= 1000.0;
        ++unit;
    }
    const QString unitText = QString::fromLatin1(units[unit]);
    if (unit == 0)
        return QString::number(qRound64(value)) % u' ' % unitText;
    // Three significant digits: 1.23, 12.3, 123.
    const int decimals = value < 10 ? 2 : value < 100 ? 1 : 0;
    return QString::number(value, 'f', decimals) % u' ' % unitText;
}

} // namespace

namespace Format {

QString bytes(quint64 count)
{
    static const char *const units[] = {"B", "KB", "MB", "GB", "TB"};
    return scaled(double(count), units, 5);
}

QString rate(double bytesPerSecond)
{
    static const char *const units[] = {"B/s", "KB/s", "MB/s", "GB/s", "TB/s"};
    return scaled(bytesPerSecond < 0 ? 0 : bytesPerSecond, units, 5);
}

QString duration(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    if (ms < 10000)
        return QString::number(double(ms) / 1000.0, 'f', 1) % QStringLiteral(" s");
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return QString::number(seconds) % QStringLiteral(" s");
    const qint64 h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
    const auto two = [](qint64 v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    if (h == 0)
        return QString::number(m) % u':' % two(s);
    return QString::number(h) % u':' % two(m) % u':' % two(s);
}

QString hostPort(const QHostAddress &address, quint16 port)
{
    if (address.isNull())
        return QStringLiteral("-");
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return u'[' % address.toString() % QStringLiteral("]:") % QString::number(port);
    return address.toString() % u':' % QString::number(port);
}

QRegularExpression messagePattern(const char *context, const char *source, const QStringList &arguments)
{
    // escape() turns "%1" into "\\%1".
    QString pattern = QRegularExpression::escape(QCoreApplication::translate(context, source));
    for (int i = 9; i >= 1; --i) {
        pattern.replace(QStringLiteral("\\%") + QString::number(i),
                        i <= arguments.size() ? arguments.at(i - 1) : QStringLiteral(".*"));
    }
    return QRegularExpression(u'^' + pattern + u'$', QRegularExpression::DotMatchesEverythingOption);
}

QString sentence(const QString &text)
{
    return text.isEmpty() ? text : text.at(0).toUpper() + text.mid(1);
}

QString localTime(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString();
}

QString localDateTime(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toOffsetFromUtc(utc.toLocalTime().offsetFromUtc()).toString(Qt::ISODateWithMs)
                         : QString();
}

} // namespace Format
