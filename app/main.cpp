#include <cstdio>

#include <QCoreApplication>

#include "commandline.h"
#include "headlessrunner.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pasarela"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PASARELA_VERSION));

    const Result<CommandLine> options = parseCommandLine(QCoreApplication::arguments());
    if (!options) {
        std::fprintf(stderr, "pasarela: %s\n", qPrintable(options.error()));
        return HeadlessRunner::BadInput;
    }
    switch (options.value().action) {
    case CommandLine::Action::ShowHelp:
        std::fputs(qPrintable(options.value().helpText), stdout);
        return 0;
    case CommandLine::Action::ShowVersion:
        std::printf("pasarela %s\n", PASARELA_VERSION);
        return 0;
    case CommandLine::Action::Run:
        break;
    }
    if (!options.value().headless) {
        // The window arrives with issue #3; until then the desktop start runs the saved rules.
        std::fputs("pasarela: this build has no window yet; running the rules headless\n", stderr);
    }
    HeadlessRunner runner(options.value(), options.value().headless);
    return runner.exec();
}
