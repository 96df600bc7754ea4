#include "runcommand.h"

#include <algorithm>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>

#include "atomicfile.h"
#include "console.h"
#include "http/collectionrunner.h"
#include "http/junitreport.h"
#include "rules/rulestore.h"
#include "stopsignals.h"
#include "translations.h"

namespace {

// The collection to run and where its environments file is.
struct Source
{
    RequestCollection collection;
    QString environmentsPath;
};

// A file when there is one at that path; else the name of a collection the window saved.
Result<Source> loadSource(const QString &argument)
{
    if (QFileInfo(argument).isFile()) {
        Result<RequestCollection> collection = loadCollectionFile(argument);
        if (!collection)
            return Error{collection.error()};
        return Source{collection.value(), environmentsFileBeside(argument)};
    }
    RequestCollections saved(RequestCollections::defaultPath());
    if (const Result<void> loaded = saved.load(); !loaded)
        return Error{loaded.error()};
    if (const RequestCollection *collection = saved.find(argument))
        return Source{*collection, environmentsFileBeside(saved.path())};
    QStringList names;
    for (const RequestCollection &c : saved.collections())
        names.append(c.name);
    if (names.isEmpty())
        return Error{QCoreApplication::translate("Runner", "%1: no such file, and the window has saved no collection; give "
                                                           "a collection file")
                         .arg(argument)};
    return Error{QCoreApplication::translate("Runner", "%1: no such file, and no collection of that name saved by the "
                                                       "window (it has: %2)")
                     .arg(argument, names.join(QStringLiteral(", ")))};
}

Result<Environment> chooseEnvironment(const Environments &environments, const QString &name, const QString &fileBeside)
{
    if (name.isEmpty())
        return Environment{};
    if (const Environment *environment = findEnvironment(environments, name))
        return *environment;
    if (environments.isEmpty())
        return Error{QCoreApplication::translate("Runner", "--env %1: the collection has no environments; define them in "
                                                           "its \"environments\" or in %2")
                         .arg(name, fileBeside)};
    return Error{QCoreApplication::translate("Runner", "--env %1: no such environment; there are: %2")
                     .arg(name, environmentNames(environments))};
}

Result<ForwardRule> findRule(const QString &name, const QString &configPath)
{
    const QString path = configPath.isEmpty() ? RuleStore::defaultPath() : configPath;
    if (!QFileInfo::exists(path))
        return Error{QCoreApplication::translate("Runner", "--through %1: the rules file %2 does not exist; give it with "
                                                           "--config FILE")
                         .arg(name, path)};
    RuleStore store(path);
    const Result<QList<ForwardRule>> rules = store.load();
    if (!rules)
        return Error{rules.error()};
    const auto found = std::find_if(rules.value().cbegin(), rules.value().cend(),
                                    [&name](const ForwardRule &rule) { return rule.name == name; });
    if (found == rules.value().cend()) {
        QStringList names;
        for (const ForwardRule &rule : rules.value())
            names.append(rule.name);
        return Error{QCoreApplication::translate("Runner", "--through %1: no rule of that name in %2 (it has: %3)")
                         .arg(name, path, names.join(QStringLiteral(", ")))};
    }
    if (found->transport == Transport::Udp)
        return Error{QCoreApplication::translate("Runner", "--through %1: a UDP rule carries no HTTP; choose a TCP rule")
                         .arg(name)};
    if (!found->enabled)
        Console::printError(QCoreApplication::translate("Runner", "rule \"%1\" is stopped in %2: the requests reach %3 only "
                                                                  "if it runs elsewhere")
                                .arg(name, path, found->listen.toString()));
    return *found;
}

// PASS  list items · 200 OK · 12.3 ms · assertions: 3 passed, 0 failed
//         $.items[0].id: expected 7, got 8
// CI logs and scripts read these lines: English whatever the locale, as the headless
// ones; the reasons (a failed assertion, why no answer came) in the user's language.
void printOutcome(const RequestOutcome &outcome)
{
    const QString mark = outcome.passed() ? QStringLiteral("PASS") : QStringLiteral("FAIL");
    if (!outcome.hasResponse()) {
        Console::printOut(QStringLiteral("%1  %2 \u00b7 %3").arg(mark, outcome.name, outcome.problem()));
        return;
    }
    const HttpResponse &response = outcome.exchange.response;
    QString status = QString::number(response.status);
    if (!response.reason.isEmpty())
        status += u' ' + response.reason;
    const QString assertions = outcome.assertions.isEmpty()
                                   ? QStringLiteral("no assertions")
                                   : QStringLiteral("assertions: %1 passed, %2 failed")
                                         .arg(QString::number(outcome.assertionsPassed()),
                                              QString::number(outcome.assertionsFailed()));
    Console::printOut(QStringLiteral("%1  %2 \u00b7 %3 \u00b7 %4 ms \u00b7 %5")
                          .arg(mark, outcome.name, status, QString::number(response.totalMs, 'f', 1), assertions));
    for (const AssertionResult &result : outcome.assertions) {
        if (!result.passed)
            Console::printOut(QStringLiteral("        ") + result.message);
    }
}

} // namespace

Result<RunCommandOptions> parseRunCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Runner",
        "Runs the requests of a collection in order and checks each response against the request's\n"
        "assertions: a line per request, then the totals. COLLECTION is a collection file (JSON, kept\n"
        "beside your code) or the name of a collection the window saved. {{name}} in a URL, a header or\n"
        "a body takes its value from the environment chosen with --env (the collection's \"environments\"\n"
        "and pasarela-environments.json beside it), from PASARELA_VAR_name, or, as {{$env.NAME}}, from\n"
        "the environment variable NAME: keep secrets there, out of git."));
    const QCommandLineOption env(QStringLiteral("env"),
                                 QCoreApplication::translate("Runner", "Take {{variables}} from the environment NAME."),
                                 QCoreApplication::translate("Runner", "NAME"));
    const QCommandLineOption junit(QStringLiteral("junit"),
                                   QCoreApplication::translate("Runner", "Also write the results as JUnit XML to FILE "
                                                                         "(atomically), for a CI system."),
                                   QCoreApplication::translate("Runner", "FILE"));
    const QCommandLineOption through(QStringLiteral("through"),
                                     QCoreApplication::translate("Runner", "Send each request to the listen address of "
                                                                           "the forwarding rule RULE (of the rules "
                                                                           "file), keeping its Host, as an outside "
                                                                           "client would come in."),
                                     QCoreApplication::translate("Runner", "RULE"));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QCoreApplication::translate("Runner", "The rules file for --through (default %1).")
                                        .arg(RuleStore::defaultPath()),
                                    QCoreApplication::translate("Runner", "FILE"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("Runner", "Show this help."));
    parser.addOptions({env, junit, through, config, help});
    parser.addPositionalArgument(QStringLiteral("COLLECTION"),
                                 QCoreApplication::translate("Runner", "A collection file, or a saved collection's name."));

    // The parser takes the first argument as the program's name: "run" here.
    if (!parser.parse(arguments.mid(1)))
        return Error{QCoreApplication::translate("Runner", "%1 (see pasarela run --help)").arg(parser.errorText())};

    RunCommandOptions options;
    if (parser.isSet(help)) {
        const QString text = parser.helpText();
        options.showHelp = true;
        options.helpText = QCoreApplication::translate("Runner", "Usage: pasarela run [options] COLLECTION")
                           + text.mid(text.indexOf(u'\n')) + u'\n'
                           + QCoreApplication::translate("Runner",
                                                         "Exit codes:\n"
                                                         "  0  every request got a response and passed its assertions\n"
                                                         "  1  a request failed: an assertion, or no response\n"
                                                         "  2  bad arguments; a collection, environments or rules file "
                                                         "that cannot be\n"
                                                         "     read; an unknown environment or rule; a {{variable}} "
                                                         "without a value\n");
        return options;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        return Error{positional.isEmpty()
                         ? QCoreApplication::translate("Runner", "a collection is needed (see pasarela run --help)")
                         : QCoreApplication::translate("Runner", "one collection only, got \"%1\" and \"%2\"")
                               .arg(positional.at(0), positional.at(1))};
    }
    options.collection = positional.constFirst();
    options.environment = parser.value(env);
    options.junitPath = parser.value(junit);
    options.throughRule = parser.value(through);
    options.configPath = parser.value(config);
    if (parser.isSet(config) && !parser.isSet(through))
        return Error{QCoreApplication::translate("Runner", "--config is the rules file for --through; give --through RULE "
                                                           "too")};
    return options;
}

int runRunCommand(const RunCommandOptions &options)
{
    if (options.showHelp) {
        Console::printOut(options.helpText);
        return RunCommandOptions::Ok;
    }
    const auto bad = [](const QString &message) {
        Console::printError(message);
        return RunCommandOptions::BadArguments;
    };
    const Result<Source> source = loadSource(options.collection);
    if (!source)
        return bad(source.error());
    const RequestCollection &collection = source.value().collection;
    const Result<Environments> beside = loadEnvironmentsFile(source.value().environmentsPath);
    if (!beside)
        return bad(beside.error());
    const Environments environments = mergeEnvironments(collection.environments, beside.value());
    const Result<Environment> environment =
        chooseEnvironment(environments, options.environment, source.value().environmentsPath);
    if (!environment)
        return bad(environment.error());
    const VariableSet variables(environment.value());

    RunOptions runOptions;
    if (!options.throughRule.isEmpty()) {
        const Result<ForwardRule> rule = findRule(options.throughRule, options.configPath);
        if (!rule)
            return bad(rule.error());
        runOptions.through = rule.value();
    }
    if (!options.junitPath.isEmpty()) {
        if (const Result<void> writable = checkWritable(options.junitPath); !writable)
            return bad(writable.error());
    }
    if (collection.requests.isEmpty())
        return bad(QCoreApplication::translate("Runner", "%1: the collection has no requests").arg(options.collection));
    // Every request is checked before the first is sent: a missing variable stops the
    // run before it has changed anything on a server.
    QStringList problems;
    for (int i = 0; i < collection.requests.size(); ++i) {
        if (const Result<void> runnable = checkRunnable(collection.requests.at(i), i, variables, runOptions); !runnable)
            problems.append(runnable.error());
    }
    if (!problems.isEmpty()) {
        if (options.environment.isEmpty() && !environments.isEmpty())
            problems.append(QCoreApplication::translate("Runner", "choose an environment with --env NAME: %1")
                                .arg(environmentNames(environments)));
        return bad(problems.join(QStringLiteral("\npasarela: ")));
    }

    CollectionRunner runner;
    QEventLoop loop;
    QObject::connect(&runner, &CollectionRunner::requestFinished, &loop, &printOutcome);
    QObject::connect(&runner, &CollectionRunner::finished, &loop, &QEventLoop::quit);
    // Ctrl+C cancels the request in flight and runs no more; the totals still follow.
    StopSignals stop;
    QObject::connect(&stop, &StopSignals::received, &runner, &CollectionRunner::cancel);
    runner.start(collection, variables, runOptions);
    loop.exec();

    const QList<RequestOutcome> &outcomes = runner.outcomes();
    const auto passed = int(std::count_if(outcomes.cbegin(), outcomes.cend(), [](const RequestOutcome &o) { return o.passed(); }));
    const int failed = int(outcomes.size()) - passed;
    const QStringList notRun = runner.notRun();
    QString totals = QStringLiteral("%1 passed, %2 failed").arg(QString::number(passed), QString::number(failed));
    if (!notRun.isEmpty())
        totals += QStringLiteral(", %1 not run (canceled)").arg(QString::number(notRun.size()));
    Console::printOut(totals);

    int code = failed == 0 && notRun.isEmpty() ? RunCommandOptions::Ok : RunCommandOptions::Failed;
    if (!options.junitPath.isEmpty()) {
        const JUnitSuite suite{collection.name, runner.startedAt(), runner.elapsedMs(), outcomes, notRun};
        if (const Result<void> written = writeFileAtomically(options.junitPath, junitXml({suite})); !written)
            code = bad(written.error());
    }
    return code;
}

int runMain(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Translations::install();
    QCoreApplication::setApplicationName(QStringLiteral("pasarela"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PASARELA_VERSION));
    const Result<RunCommandOptions> options = parseRunCommand(QCoreApplication::arguments());
    if (!options) {
        Console::printError(options.error());
        return RunCommandOptions::BadArguments;
    }
    return runRunCommand(options.value());
}
