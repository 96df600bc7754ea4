#include "exportcommand.h"

#include <algorithm>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include "atomicfile.h"
#include "console.h"
#include "rules/rulestore.h"
#include "translations.h"

namespace {

Result<QList<ForwardRule>> loadRules(const QString &path)
{
    if (!QFileInfo::exists(path))
        return Error{QCoreApplication::translate("Export", "%1 does not exist: give the rules file with --config FILE").arg(path)};
    RuleStore store(path);
    return store.load();
}

Result<QList<ForwardRule>> selectRules(const QList<ForwardRule> &rules, const QStringList &names, const QString &path)
{
    if (names.isEmpty())
        return rules;
    QStringList unique = names;  // --rule api --rule api: once
    unique.removeDuplicates();
    QList<ForwardRule> selected;
    for (const QString &name : std::as_const(unique)) {
        const auto found = std::find_if(rules.cbegin(), rules.cend(),
                                        [&name](const ForwardRule &rule) { return rule.name == name; });
        if (found == rules.cend())
            return Error{QCoreApplication::translate("Export", "no rule named \"%1\" in %2").arg(name, path)};
        selected.append(*found);
    }
    return selected;
}

Result<void> write(const QString &path, const QByteArray &bytes)
{
    if (path.isEmpty()) {
        return Console::writeOut(bytes) ? Result<void>()
                                        : Error{QCoreApplication::translate("Export", "cannot write to the standard output")};
    }
    return writeFileAtomically(path, bytes);
}

} // namespace

Result<ExportCommandOptions> parseExportCommand(const QStringList &arguments)
{
    const QString formats = exportFormatNames().join(u'|');
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Export", "Writes the rules in another program's terms, to run them without Pasarela's window:\n"
           "  nginx         an nginx.conf with a stream {} block (nginx -p DIR -c FILE)\n"
           "  tcp-services  ingress-nginx's tcp-services ConfigMap (rules made from the cluster)\n"
           "  service       a Kubernetes Service per rule made from the cluster\n"
           "  socat         one socat command line per rule\n"
           "  systemd       a unit that runs pasarela --headless with the rules file\n"
           "A comment at the top says what the format cannot express of each rule."));
    const QCommandLineOption format(QStringLiteral("format"), QCoreApplication::translate("Export", "The output format (required): %1.").arg(formats), QCoreApplication::translate("Export", "FORMAT"));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QCoreApplication::translate("Export", "The rules file (default %1).").arg(RuleStore::defaultPath()), QCoreApplication::translate("Export", "FILE"));
    const QCommandLineOption rule(QStringLiteral("rule"),
                                  QCoreApplication::translate("Export", "Export this rule only (repeatable; default: every enabled rule)."), QCoreApplication::translate("Export", "NAME"));
    const QCommandLineOption serviceType(QStringLiteral("service-type"),
                                         QCoreApplication::translate("Export", "For --format service: LoadBalancer (default) or NodePort."), QCoreApplication::translate("Export", "TYPE"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QCoreApplication::translate("Export", "Write to FILE (atomically) instead of the standard output."), QCoreApplication::translate("Export", "FILE"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QCoreApplication::translate("Export", "Show this help."));
    parser.addOptions({format, config, rule, serviceType, output, help});

    // The parser takes the first argument as the program's name: "export" here.
    if (!parser.parse(arguments.mid(1)))
        return Error{QCoreApplication::translate("Export", "%1 (see pasarela export --help)").arg(parser.errorText())};

    ExportCommandOptions options;
    if (parser.isSet(help)) {
        const QString text = parser.helpText();
        options.showHelp = true;
        options.helpText = QCoreApplication::translate("Export", "Usage: pasarela export --format %1 [options]").arg(formats)
                           + text.mid(text.indexOf(u'\n')) + u'\n'
                           + QCoreApplication::translate("Export", "Exit codes:\n"
                                "  0  exported\n"
                                "  2  bad arguments, a rules file that cannot be read, an output that cannot be "
                                "written\n"
                                "  3  nothing to export: no rule is enabled, or none fits the format\n");
        return options;
    }
    if (!parser.positionalArguments().isEmpty())
        return Error{QCoreApplication::translate("Export", "unexpected argument \"%1\" (see pasarela export --help)")
                         .arg(parser.positionalArguments().constFirst())};
    if (!parser.isSet(format))
        return Error{QCoreApplication::translate("Export", "--format is required: one of %1").arg(formats)};
    const std::optional<ExportFormat> chosen = exportFormatFromName(parser.value(format));
    if (!chosen)
        return Error{QCoreApplication::translate("Export", "--format %1: unknown format; use one of %2").arg(parser.value(format), formats)};
    options.format = *chosen;
    if (parser.isSet(serviceType)) {
        const QString type = parser.value(serviceType);
        if (type.compare(u"LoadBalancer", Qt::CaseInsensitive) == 0)
            options.serviceType = ExportOptions::ServiceType::LoadBalancer;
        else if (type.compare(u"NodePort", Qt::CaseInsensitive) == 0)
            options.serviceType = ExportOptions::ServiceType::NodePort;
        else
            return Error{QCoreApplication::translate("Export", "--service-type %1: use LoadBalancer or NodePort").arg(type)};
    }
    options.ruleNames = parser.values(rule);
    if (options.format == ExportFormat::Systemd && !options.ruleNames.isEmpty())
        return Error{QCoreApplication::translate("Export", "--rule does not apply to --format systemd: the unit runs every enabled rule of the file")};
    options.configPath = parser.value(config);
    options.outputPath = parser.value(output);
    return options;
}

int runExportCommand(const ExportCommandOptions &options)
{
    if (options.showHelp) {
        Console::printOut(options.helpText);
        return ExportCommandOptions::Ok;
    }
    const QString path = options.configPath.isEmpty() ? RuleStore::defaultPath() : options.configPath;
    const Result<QList<ForwardRule>> loaded = loadRules(path);
    if (!loaded) {
        Console::printError(loaded.error());
        return ExportCommandOptions::BadArguments;
    }
    const Result<QList<ForwardRule>> rules = selectRules(loaded.value(), options.ruleNames, path);
    if (!rules) {
        Console::printError(rules.error());
        return ExportCommandOptions::BadArguments;
    }
    ExportOptions exportOptions;
    exportOptions.rulesPath = QFileInfo(path).absoluteFilePath();
    exportOptions.binaryPath = QCoreApplication::applicationFilePath();
    exportOptions.serviceType = options.serviceType;
    const Result<QString> text = exportRules(rules.value(), options.format, exportOptions);
    if (!text) {
        Console::printError(text.error());
        return ExportCommandOptions::NothingToExport;
    }
    const Result<void> written = write(options.outputPath, text.value().toUtf8());
    if (!written) {
        Console::printError(written.error());
        return ExportCommandOptions::BadArguments;
    }
    return ExportCommandOptions::Ok;
}

int exportMain(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Translations::install();
    QCoreApplication::setApplicationName(QStringLiteral("pasarela"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PASARELA_VERSION));
    const Result<ExportCommandOptions> options = parseExportCommand(QCoreApplication::arguments());
    if (!options) {
        Console::printError(options.error());
        return ExportCommandOptions::BadArguments;
    }
    return runExportCommand(options.value());
}
