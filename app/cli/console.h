#pragma once

#include <QByteArray>
#include <QString>

// The command line's one way to the terminal: text in the local 8-bit encoding, flushed
// at once, so that lines from a long-running process reach a pipe or a log as they happen.
namespace Console {

// Text to stdout or stderr, with a line break after it unless it ends with one.
void printOut(const QString &text);
void printErr(const QString &text);
// "pasarela: MESSAGE" to stderr: an error or a notice, named after the program.
void printError(const QString &message);
// Bytes to stdout as they are (a response body, a file's contents). False when stdout
// failed, e.g. a full disk behind a redirection.
bool writeOut(const QByteArray &bytes);

} // namespace Console
