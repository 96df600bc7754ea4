#pragma once

#include <functional>

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace TestSupport {

// A running pasarela (or any program) whose stdout is consumed line by line; killed
// on destruction if still running.
class PasarelaProcess
{
public:
    PasarelaProcess(const QString &program, const QProcessEnvironment &env);
    ~PasarelaProcess();
    PasarelaProcess(const PasarelaProcess &) = delete;
    PasarelaProcess &operator=(const PasarelaProcess &) = delete;

    bool start(const QStringList &args);

    // The first new stdout line that matches, or an empty array on timeout or exit.
    QByteArray waitForLine(const std::function<bool(const QByteArray &)> &matches, int timeoutMs = 10000);
    QByteArray waitForLineStartingWith(const QByteArray &prefix, int timeoutMs = 10000);
    // The stdout lines read so far (by waitForLine and readLines), each with its '\n'.
    QByteArray seen() const { return m_seen; }
    // Reads what has arrived without waiting.
    void readLines();

    // Everything seen so far, for failure messages.
    QByteArray transcript();

    // SIGTERM, or another signal; true when it ended within the timeout.
    bool stop(int signal, int timeoutMs = 10000);

    QProcess &process() { return m_process; }

private:
    QString m_program;
    QProcess m_process;
    QByteArray m_partial;
    QByteArray m_seen;
    QByteArray m_err;
};

} // namespace TestSupport
