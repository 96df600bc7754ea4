#include <memory>

#include <sys/resource.h>

#include <QApplication>
#include <QCoreApplication>

#include "clustercommand.h"
#include "commandline.h"
#include "console.h"
#include "exportcommand.h"
#include "headlessrunner.h"
#include "lagprobe.h"
#include "mainwindow.h"
#include "relay/forwardengine.h"
#include "requestcommand.h"
#include "runcommand.h"
#include "singleinstance.h"
#include "rules/rulestore.h"
#include "stopsignals.h"
#include "translations.h"

namespace {

// Qt aborts when it cannot open a display; say what to do instead.
bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

int runWindow(int argc, char *argv[], const CommandLine &options)
{
    QApplication app(argc, argv);
    Translations::install();
    QApplication::setApplicationName(QStringLiteral("pasarela"));
    QApplication::setApplicationDisplayName(QStringLiteral("Pasarela"));
    QApplication::setApplicationVersion(QStringLiteral(PASARELA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("dev.pasarela.Pasarela"));
    // Closing the window may leave the rules running in the tray; quitting is explicit.
    QApplication::setQuitOnLastWindowClosed(false);
    LagProbe::fromEnvironment(&app);

    const QString rulesPath = options.configPath.isEmpty() ? RuleStore::defaultPath() : options.configPath;
    SingleInstance instance(SingleInstance::nameFor(rulesPath));
    const auto request = options.demo ? SingleInstance::Request::ShowDemo : SingleInstance::Request::Show;
    if (instance.sendToRunning(request)) {
        Console::printError(QCoreApplication::translate("CommandLine", "already running with these rules; its "
                                                                       "window was brought to the front"));
        return 0;
    }
    // Without it a later start opens a second window; not a reason to stop this one.
    instance.listen();

    ForwardEngine engine(options.workers);
    MainWindow window(&engine, rulesPath);
    // Ctrl+C in the terminal quits like File > Quit: the layout is saved.
    QObject::connect(new StopSignals(&app), &StopSignals::received, &window, &MainWindow::quit);
    QObject::connect(&instance, &SingleInstance::requested, &window, [&window](SingleInstance::Request asked) {
        window.bringToFront();
        if (asked == SingleInstance::Request::ShowDemo)
            window.startDemo();
    });
    window.showAtStart(options.hidden);
    if (options.demo)
        window.startDemo();
    return app.exec();
}

// Each relayed connection takes two descriptors; the usual soft limit of 1024
// would stop at about 500. Use what the hard limit allows, as nginx and Go do.
void raiseDescriptorLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// `pasarela request ...`: one HTTP request, curl-like, without a window.
int runRequest(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Translations::install();
    QCoreApplication::setApplicationName(QStringLiteral("pasarela"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PASARELA_VERSION));
    const Result<RequestOptions> options = parseRequestCommand(QCoreApplication::arguments());
    if (!options) {
        Console::printError(options.error());
        return RequestOptions::BadArguments;
    }
    return runRequestCommand(options.value());
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], "request") == 0)
        return runRequest(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "cluster") == 0)
        return clusterMain(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "export") == 0)
        return exportMain(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "run") == 0)
        return runMain(argc, argv);
    raiseDescriptorLimit();
    // Qt translates only while an application object exists, and the options decide which one
    // (QApplication needs a display): parse under a QCoreApplication, which the window's
    // QApplication then replaces. QCommandLineParser's own strings are translated too.
    auto app = std::make_unique<QCoreApplication>(argc, argv);
    Translations::install();
    const Result<CommandLine> options = parseCommandLine(QCoreApplication::arguments());
    if (!options) {
        Console::printError(options.error());
        return HeadlessRunner::BadInput;
    }
    switch (options.value().action) {
    case CommandLine::Action::ShowHelp:
        Console::printOut(options.value().helpText);
        return 0;
    case CommandLine::Action::ShowVersion:
        Console::printOut(QStringLiteral("pasarela " PASARELA_VERSION));
        return 0;
    case CommandLine::Action::Run:
        break;
    }
    if (!options.value().headless) {
        if (!hasDisplay()) {
            Console::printError(QCoreApplication::translate("CommandLine", "no display to open the window on; use "
                                                                           "--headless to run the rules without one"));
            return HeadlessRunner::BadInput;
        }
        app.reset();
        return runWindow(argc, argv, options.value());
    }
    QCoreApplication::setApplicationName(QStringLiteral("pasarela"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PASARELA_VERSION));
    HeadlessRunner runner(options.value(), true);
    return runner.exec();
}
