#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include "demo/demoingress.h"

Result<ForwardRule> parseForward(const QString &text)
{
    // "udp:" or "tcp:" first: no listen address starts so (an IPv6 one is in brackets).
    Transport transport = Transport::Tcp;
    qsizetype start = 0;
    for (const Transport t : {Transport::Tcp, Transport::Udp}) {
        if (text.startsWith(toString(t) + u':', Qt::CaseInsensitive)) {
            transport = t;
            start = toString(t).size() + 1;
        }
    }
    const qsizetype equals = text.indexOf(u'=', start);
    if (equals < 0) {
        return Error{QCoreApplication::translate("CommandLine", "--forward \"%1\": expected [ADDR:]PORT=HOST:PORT, "
                                                                "e.g. 0.0.0.0:31042=192.168.49.2:80")
                         .arg(text)};
    }
    const Result<Endpoint> listen = parseListen(text.mid(start, equals - start));
    if (!listen)
        return Error{QCoreApplication::translate("CommandLine", "--forward \"%1\": listen address: %2")
                         .arg(text, listen.error())};
    // HOST:PORT,HOST:PORT...: tried in order (failover).
    const Result<QList<Endpoint>> target = parseTargetList(text.mid(equals + 1));
    if (!target)
        return Error{QCoreApplication::translate("CommandLine", "--forward \"%1\": target: %2")
                         .arg(text, target.error())};
    ForwardRule rule;
    // A name, like one the user gives: not translated.
    // (A UDP rule's says so: a TCP and a UDP rule may share a port, not a name.)
    rule.name = QStringLiteral("forward ") + (transport == Transport::Udp ? QStringLiteral("udp:") : QString())
                + listen.value().toString();
    rule.listen = listen.value();
    rule.setTargets(target.value());
    rule.transport = transport;
    return rule;
}

bool faultNamesRule(const QString &ruleRef, const ForwardRule &rule)
{
    if (ruleRef == rule.name)
        return true;
    if (rule.transport != Transport::Tcp)
        return false;
    const Result<Endpoint> listen = parseListen(ruleRef);
    return listen && listen.value().port == rule.listen.port
           && (!ruleRef.contains(u':') || listen.value().host == rule.listen.host);
}

Result<CommandLine> parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine",
        "Pasarela forwards TCP and UDP ports of this machine to a local Kubernetes cluster (or any host:port)\n"
        "and shows what crosses them. Without --headless it opens the window with the saved rules.\n"
        "pasarela request [options] URL sends one HTTP request, as curl would (see pasarela request --help).\n"
        "pasarela cluster reads a Minikube cluster; pasarela export writes the rules for nginx, socat, systemd...\n"
        "(see pasarela cluster --help, pasarela export --help).")
        + u'\n'
        + QCoreApplication::translate("CommandLine", "pasarela run COLLECTION runs a request collection and checks its "
                                                     "assertions (see pasarela run --help)."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("CommandLine", "Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QCoreApplication::translate("CommandLine", "Print the version and exit."));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QCoreApplication::translate("CommandLine", "Run the rules without a window "
                                                                                 "until SIGINT or SIGTERM."));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QCoreApplication::translate("CommandLine", "Use the rules file FILE instead of "
                                                                               "the default (%1).")
                                        .arg(QStringLiteral("~/.config/pasarela/rules.json")),
                                    QCoreApplication::translate("CommandLine", "FILE"));
    const QCommandLineOption forward(QStringLiteral("forward"),
                                     QCoreApplication::translate("CommandLine", "Also forward [ADDR:]PORT to "
                                                                                "HOST:PORT (repeatable; ADDR defaults "
                                                                                "to 127.0.0.1; IPv6 as [::1]:8080; "
                                                                                "several targets, separated by commas, "
                                                                                "are tried in order; udp: first relays "
                                                                                "UDP datagrams, e.g. "
                                                                                "udp:5353=10.96.0.10:53)."),
                                     QStringLiteral("[udp:][ADDR:]PORT=HOST:PORT[,HOST:PORT...]"));
    const QCommandLineOption fault(QStringLiteral("fault"),
                                   QCoreApplication::translate("CommandLine",
                                                               "Inject a fault into a rule's connections (repeatable): "
                                                               "RULE is its name or listen port; FAULT is "
                                                               "latency=200ms[,jitter=50ms], bandwidth=KIB_PER_S, "
                                                               "reset=BYTES or reset=300ms, timeout[=5s], "
                                                               "slice=BYTES[,delay=10ms] or refuse; then [,up|down|both]"
                                                               "[,toxicity=0.5]. Default direction: down (responses)."),
                                   QStringLiteral("RULE:FAULT"));
    const QCommandLineOption stats(QStringLiteral("stats"),
                                   QCoreApplication::translate("CommandLine", "Print a stats line per rule every "
                                                                              "SECONDS seconds."),
                                   QCoreApplication::translate("CommandLine", "SECONDS"));
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QCoreApplication::translate("CommandLine", "Relay threads (default: one per "
                                                                                "CPU core)."),
                                     QStringLiteral("N"));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"),
                                            QCoreApplication::translate("CommandLine",
                                                                        "Connections open at once across all rules; "
                                                                        "more are refused (default: the rules file's "
                                                                        "\"maxConnections\", else half the "
                                                                        "descriptor limit)."),
                                            QStringLiteral("N"));
    const QCommandLineOption logConnections(
        QStringLiteral("log-connections"),
        QCoreApplication::translate("CommandLine", "Print a line per connection when it closes: client -> listen "
                                                   "address => our address -> target, why it closed, how long it "
                                                   "lasted, bytes each way."));
    const QCommandLineOption logRequests(
        QStringLiteral("log-requests"),
        QCoreApplication::translate("CommandLine", "Inspect every rule's connections and print a line per HTTP "
                                                   "request (client, method, Host, path, status, time) and per TLS "
                                                   "connection (client, server name, ALPN)."));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("CommandLine",
                                                              "Also start a built-in demo ingress (Host api.local or "
                                                              "web.local) and the rule \"demo ingress\" on "
                                                              "127.0.0.1:%1 to it; nothing is saved.")
                                      .arg(DemoIngress::RulePort));
    const QCommandLineOption hidden(QStringLiteral("hidden"),
                                    QCoreApplication::translate("CommandLine",
                                                                "Start with the window hidden in the tray (as when "
                                                                "started at login); the rules listen as usual."));
    const QCommandLineOption followCluster(
        QStringLiteral("follow-cluster"),
        QCoreApplication::translate("CommandLine", "Rules made from the cluster re-read it (every \"clusterCheckS\" "
                                                   "seconds, default 30, and after a failed connection) and move to "
                                                   "where their service answers now; a line per move (the default, "
                                                   "for each rule whose \"followCluster\" is not false)."));
    const QCommandLineOption noFollowCluster(QStringLiteral("no-follow-cluster"),
                                             QCoreApplication::translate("CommandLine",
                                                                         "Keep every rule's targets as the rules file "
                                                                         "has them; the cluster is not read."));
    parser.addOptions({help, version, headless, config, forward, fault, stats, workers, maxConnections, logConnections,
                       logRequests, demo, hidden, followCluster, noFollowCluster});

    if (!parser.parse(arguments))
        return Error{QCoreApplication::translate("CommandLine", "%1 (see --help)").arg(parser.errorText())};
    if (!parser.positionalArguments().isEmpty()) {
        return Error{QCoreApplication::translate("CommandLine", "unexpected argument \"%1\" (see --help)")
                         .arg(parser.positionalArguments().constFirst())};
    }

    CommandLine result;
    if (parser.isSet(help)) {
        result.action = CommandLine::Action::ShowHelp;
        // Qt names the program by the path it was started with.
        const QString text = parser.helpText();
        result.helpText = QCoreApplication::translate("CommandLine", "Usage: pasarela [options]")
                          + text.mid(text.indexOf(u'\n')) + u'\n'
                          + QCoreApplication::translate("CommandLine",
                                                        "Exit codes:\n"
                                                        "  0  stopped cleanly (SIGINT or SIGTERM)\n"
                                                        "  2  bad arguments or a bad rules file\n"
                                                        "  3  a listener could not be opened\n");
        return result;
    }
    if (parser.isSet(version)) {
        result.action = CommandLine::Action::ShowVersion;
        return result;
    }
    result.headless = parser.isSet(headless);
    result.configPath = parser.value(config);
    result.logConnections = parser.isSet(logConnections);
    result.logRequests = parser.isSet(logRequests);
    result.demo = parser.isSet(demo);
    result.hidden = parser.isSet(hidden);
    result.followCluster = !parser.isSet(noFollowCluster);
    if (parser.isSet(followCluster) && parser.isSet(noFollowCluster))
        return Error{QCoreApplication::translate("CommandLine", "--follow-cluster and --no-follow-cluster: choose one")};
    if (result.headless && result.hidden)
        return Error{QCoreApplication::translate("CommandLine", "--hidden is for the window; --headless has none")};
    for (const QString &text : parser.values(forward)) {
        Result<ForwardRule> rule = parseForward(text);
        if (!rule)
            return Error{rule.error()};
        result.forwards.append(rule.value());
    }
    for (const QString &text : parser.values(fault)) {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon <= 0)
            return Error{QCoreApplication::translate("CommandLine", "--fault \"%1\": expected RULE:FAULT, e.g. "
                                                                    "8080:latency=200ms,jitter=50ms")
                             .arg(text)};
        const Result<Fault> parsed = Fault::parse(text.mid(colon + 1));
        if (!parsed)
            return Error{QCoreApplication::translate("CommandLine", "--fault \"%1\": %2").arg(text, parsed.error())};
        result.faults.append({text.left(colon), parsed.value()});
    }
    if (parser.isSet(stats)) {
        bool ok = false;
        result.statsSeconds = parser.value(stats).toInt(&ok);
        if (!ok || result.statsSeconds < 1 || result.statsSeconds > 86400) {
            return Error{QCoreApplication::translate("CommandLine",
                                                     "--stats \"%1\": expected a whole number of seconds (1-86400)")
                             .arg(parser.value(stats))};
        }
    }
    if (parser.isSet(maxConnections)) {
        bool ok = false;
        result.maxConnections = parser.value(maxConnections).toInt(&ok);
        if (!ok || result.maxConnections < 1 || result.maxConnections > ForwardRule::MaxConnectionsLimit) {
            return Error{QCoreApplication::translate("CommandLine",
                                                     "--max-connections \"%1\": expected a number of connections "
                                                     "(1-%2)")
                             .arg(parser.value(maxConnections), QString::number(ForwardRule::MaxConnectionsLimit))};
        }
    }
    if (!result.headless && !result.faults.isEmpty()) {
        return Error{QCoreApplication::translate("CommandLine", "--fault needs --headless; in the window, set faults "
                                                                "in the rule's editor")};
    }
    if (!result.headless && (!result.forwards.isEmpty() || parser.isSet(stats) || parser.isSet(maxConnections)
                             || result.logConnections || result.logRequests)) {
        return Error{QCoreApplication::translate("CommandLine",
                                                 "--forward, --stats, --max-connections, --log-connections and "
                                                 "--log-requests need --headless; in the window, add rules with Rules "
                                                 "> Add rule, see connections in the Connections tab and requests in "
                                                 "the Requests tab, and set \"maxConnections\" in the rules file")};
    }
    if (!result.headless && (parser.isSet(followCluster) || parser.isSet(noFollowCluster))) {
        return Error{QCoreApplication::translate("CommandLine", "--follow-cluster and --no-follow-cluster need "
                                                                "--headless; in the window, each rule's editor says "
                                                                "whether it follows the cluster")};
    }
    if (parser.isSet(workers)) {
        bool ok = false;
        result.workers = parser.value(workers).toInt(&ok);
        if (!ok || result.workers < 1 || result.workers > 256)
            return Error{QCoreApplication::translate("CommandLine", "--workers \"%1\": expected a number of threads "
                                                                    "(1-256)")
                             .arg(parser.value(workers))};
    }
    return result;
}
