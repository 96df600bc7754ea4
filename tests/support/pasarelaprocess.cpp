#include "pasarelaprocess.h"

#include <signal.h>

#include <QDeadlineTimer>

namespace TestSupport {

PasarelaProcess::PasarelaProcess(const QString &program, const QProcessEnvironment &env) : m_program(program)
{
    m_process.setProcessEnvironment(env);
}

PasarelaProcess::~PasarelaProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
}

bool PasarelaProcess::start(const QStringList &args)
{
    m_process.start(m_program, args);
    return m_process.waitForStarted(10000);
}

QByteArray PasarelaProcess::waitForLine(const std::function<bool(const QByteArray &)> &matches, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const bool finished = m_process.state() == QProcess::NotRunning;
        m_partial += m_process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = m_partial.indexOf('\n')) >= 0) {
            const QByteArray line = m_partial.left(newline);
            m_partial.remove(0, newline + 1);
            m_seen += line + '\n';
            if (matches(line))
                return line;
        }
        if (finished || deadline.hasExpired())
            return {};
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
}

QByteArray PasarelaProcess::waitForLineStartingWith(const QByteArray &prefix, int timeoutMs)
{
    return waitForLine([&prefix](const QByteArray &line) { return line.startsWith(prefix); }, timeoutMs);
}

void PasarelaProcess::readLines()
{
    waitForLine([](const QByteArray &) { return false; }, 0);
}

QByteArray PasarelaProcess::transcript()
{
    m_err += m_process.readAllStandardError();
    return "stdout:\n" + m_seen + m_partial + "\nstderr:\n" + m_err;
}

bool PasarelaProcess::stop(int signal, int timeoutMs)
{
    if (signal == SIGTERM)
        m_process.terminate();  // SIGTERM on Unix
    else
        ::kill(pid_t(m_process.processId()), signal);
    return m_process.waitForFinished(timeoutMs);
}

} // namespace TestSupport
