#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include "result.h"

// POSIX shell words, as far as "Copy as curl" and "Paste curl command" need
// them. Internal to app/core/http.
namespace ShellWords {

// One argument for a POSIX shell, quoted only where needed.
QString quote(const QByteArray &bytes);

// Splits a command line as a POSIX shell would ('...', "...", $'...', backslash
// escapes and line continuations). Words are UTF-8, but any bytes: $'\xHH' can
// produce any byte. Pipes, redirections, ';' and $(...) outside quotes are errors.
Result<QByteArrayList> split(const QString &command);

} // namespace ShellWords
