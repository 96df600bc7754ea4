#pragma once

#include <QByteArray>
#include <QString>

#include "result.h"

namespace TestSupport {

// The whole file. When it cannot be read: "<cannot read PATH: REASON>", which no test
// expects, so a comparison fails (and says why) instead of passing on an empty array.
QByteArray readFile(const QString &path);
// Creates or truncates the file and writes bytes; the error names the file. Use in QVERIFY_RESULT.
Result<void> writeFile(const QString &path, const QByteArray &bytes);
// The permission bits as stat() reports them (0600), or -1 when there is no such file.
int fileMode(const QString &path);

} // namespace TestSupport
