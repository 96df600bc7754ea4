// The command line: pasarela [--headless --forward ...] (parseCommandLine,
// parseForward) and pasarela request ... (parseRequestCommand). One argument per
// line of the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "commandline.h"
#include "fuzzcheck.h"
#include "requestcommand.h"

namespace {

// -d @FILE and --data-file read files: the fuzzer must not block on a FIFO or
// read /dev/zero forever. "@-" reads stdin, which is emptied below.
bool touchesSystemFiles(const QStringList &arguments)
{
    for (const QString &argument : arguments) {
        for (const QLatin1String place : {QLatin1String("dev"), QLatin1String("proc"), QLatin1String("sys")}) {
            if (argument.contains(place, Qt::CaseInsensitive))
                return true;
        }
    }
    return false;
}

void checkForward(const ForwardRule &rule, const QString &text)
{
    // A --forward the parser accepts must make a rule the engine accepts.
    const Result<void> valid = rule.validate();
    FUZZ_CHECK(valid, text % u" -> " % valid.error());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzzQuietQt();
    static const bool noStdin = std::freopen("/dev/null", "r", stdin) != nullptr;
    FUZZ_CHECK(noStdin, QStringLiteral("cannot point stdin at /dev/null"));

    const QStringList arguments = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)).split(u'\n');
    if (touchesSystemFiles(arguments))
        return 0;

    for (const QString &argument : arguments) {
        if (const Result<ForwardRule> rule = parseForward(argument))
            checkForward(rule.value(), argument);
    }
    if (arguments.size() > 1 && arguments.at(1) == u"request") {
        const Result<RequestOptions> options = parseRequestCommand(arguments);
        if (options && !options.value().showHelp)
            FUZZ_CHECK(!options.value().request.url.isEmpty(), arguments.join(u' '));
        return 0;
    }
    if (const Result<CommandLine> line = parseCommandLine(arguments)) {
        for (const ForwardRule &rule : line.value().forwards)
            checkForward(rule, arguments.join(u' '));
    }
    return 0;
}
