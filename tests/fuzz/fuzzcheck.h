#pragma once

#include <cstdio>
#include <cstdlib>

#include <QString>
#include <QtGlobal>

// Shared by the fuzz harnesses. A broken invariant aborts: libFuzzer then keeps
// the input as a crash, and the replay test (replay.cpp) fails on it.
#define FUZZ_CHECK(condition, detail)                                                                  \
    do {                                                                                               \
        if (!(condition))                                                                              \
            fuzzCheckFailed(#condition, (detail), __FILE__, __LINE__);                                 \
    } while (false)

[[noreturn]] inline void fuzzCheckFailed(const char *condition, const QString &detail, const char *file, int line)
{
    std::fprintf(stderr, "%s:%d: invariant broken: %s\n  %s\n", file, line, condition, qUtf8Printable(detail));
    std::abort();
}

// Qt's warnings for bad input would flood the fuzzer's output and slow it down;
// fatal messages still abort.
inline void fuzzQuietQt()
{
    static const bool installed = [] {
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
            if (type == QtFatalMsg) {
                std::fprintf(stderr, "qFatal: %s\n", qUtf8Printable(message));
                std::abort();
            }
        });
        return true;
    }();
    Q_UNUSED(installed);
}
