#include "keepaside.h"

#include <QDateTime>
#include <QFile>

Result<QString> keepAside(const QString &path)
{
    const QString base = path % QStringLiteral(".broken-") % QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = base;
    for (int counter = 2; QFile::exists(aside); ++counter)
        aside = base % QLatin1Char('-') % QString::number(counter);
    if (!QFile::rename(path, aside) && !QFile::copy(path, aside))
        return Error{aside};
    return aside;
}
