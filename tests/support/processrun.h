#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace TestSupport {

// How a program run to its end went.
struct ProcessRun
{
    bool started = false;
    bool finished = false;  // false: still running at the deadline, then killed
    QProcess::ExitStatus status = QProcess::CrashExit;
    int exitCode = -1;  // -1 unless it started, finished and exited normally
    QByteArray out;
    QByteArray err;

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    // How it ended, then stdout and stderr: for failure messages.
    QByteArray describe() const;
};

struct ProcessOptions
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QByteArray input;  // written to stdin, which is then closed
    int timeoutMs = 60000;  // to start, and again to finish
};

// Runs program with arguments to its end (killing it after the timeout) and keeps its output.
ProcessRun runProcess(const QString &program, const QStringList &arguments, const ProcessOptions &options = {});

} // namespace TestSupport
