#include "processrun.h"

namespace TestSupport {

QByteArray ProcessRun::describe() const
{
    const QByteArray how = !started                        ? QByteArray("did not start")
                           : !finished                     ? QByteArray("still running after the deadline, killed")
                           : status == QProcess::CrashExit ? QByteArray("crashed")
                                                           : "exit code " + QByteArray::number(exitCode);
    return how + "\nstdout:\n" + out + "\nstderr:\n" + err;
}

ProcessRun runProcess(const QString &program, const QStringList &arguments, const ProcessOptions &options)
{
    ProcessRun run;
    QProcess process;
    process.setProcessEnvironment(options.environment);
    process.start(program, arguments);
    run.started = process.waitForStarted(options.timeoutMs);
    if (!run.started)
        return run;
    process.write(options.input);
    process.closeWriteChannel();
    run.finished = process.waitForFinished(options.timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(options.timeoutMs);
    }
    run.status = process.exitStatus();
    if (run.finished && run.status == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace TestSupport
