#include "headlessrunner.h"

#include <algorithm>
#include <csignal>

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

#include "cluster/clusterfollower.h"
#include "console.h"
#include "demo/demoingress.h"
#include "http/curlcommand.h"
#include "relay/forwardengine.h"
#include "stopsignals.h"
#include "rules/rulestore.h"

namespace {

QString size(quint64 bytes)
{
    return QLocale::c().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat);
}

QString endpoint(const QHostAddress &address, quint16 port)
{
    return Endpoint{address.toString(), port}.toString();
}

} // namespace

// The engine's rules that follow the cluster, for the ClusterFollower; nothing is saved.
struct HeadlessRunner::EngineRules final : FollowedRules
{
    explicit EngineRules(ForwardEngine *engine) : engine(engine) {}
    QList<RuleId> ruleIds() const override
    {
        QList<RuleId> ids = engine->ruleIds();
        ids.removeIf([this](RuleId id) { return !engine->rule(id).followsCluster(); });
        return ids;
    }
    ForwardRule rule(RuleId id) const override { return engine->rule(id); }
    Result<void> updateRule(RuleId id, const ForwardRule &rule) override { return engine->updateRule(id, rule); }

    ForwardEngine *engine;
};

HeadlessRunner::HeadlessRunner(CommandLine options, bool requireRules)
    : m_options(std::move(options)), m_requireRules(requireRules)
{
    connect(new StopSignals(this), &StopSignals::received, this, [this] {
        Console::printError(tr("stopping"));
        stop(Ok);
    });
    ::signal(SIGPIPE, SIG_IGN);
    connect(&m_statsTimer, &QTimer::timeout, this, &HeadlessRunner::printStats);
}

HeadlessRunner::~HeadlessRunner() = default;

Result<HeadlessRunner::LoadedRules> HeadlessRunner::loadRules() const
{
    RuleStore store(m_options.configPath.isEmpty() ? RuleStore::defaultPath() : m_options.configPath);
    const bool fileExists = QFileInfo::exists(store.path());
    Result<QList<ForwardRule>> fromFile = store.load();
    if (!fromFile)
        return Error{fromFile.error()};
    LoadedRules loaded{fromFile.value() + m_options.forwards, store.maxConnections()};
    for (const auto &[ruleRef, fault] : m_options.faults) {
        bool found = m_options.demo && faultNamesRule(ruleRef, DemoIngress().rule());
        for (ForwardRule &rule : loaded.rules) {
            if (faultNamesRule(ruleRef, rule)) {
                rule.faults.append(fault);
                found = true;
            }
        }
        if (!found)
            return Error{tr("--fault %1: no rule has that name or listens on that port").arg(ruleRef)};
    }
    if (Result<void> valid = validateRules(loaded.rules); !valid) {
        return Error{(m_options.forwards.isEmpty() ? store.path() + QStringLiteral(": ") : QString())
                     + valid.error()};
    }
    const bool anyEnabled = std::any_of(loaded.rules.cbegin(), loaded.rules.cend(),
                                        [](const ForwardRule &rule) { return rule.enabled; });
    if (m_requireRules && !anyEnabled && !m_options.demo) {
        return Error{(fileExists ? tr("no rules to run: %1 has no enabled rule and no --forward was given")
                                 : tr("no rules to run: %1 does not exist and no --forward was given"))
                         .arg(store.path())};
    }
    if (!m_options.configPath.isEmpty() && !fileExists) {
        Console::printError(tr("%1 does not exist; running the --forward rules only").arg(store.path()));
    }
    return loaded;
}

int HeadlessRunner::exec()
{
    const Result<LoadedRules> loaded = loadRules();
    if (!loaded) {
        Console::printError(loaded.error());
        return BadInput;
    }
    const QList<ForwardRule> &rules = loaded.value().rules;
    if (rules.isEmpty() && !m_options.demo) {
        Console::printError(tr("no forwarding rules yet; add some with --forward [ADDR:]PORT=HOST:PORT or in "
                                   "the rules file. Waiting; Ctrl+C quits."));
    }

    m_engine = std::make_unique<ForwardEngine>(m_options.workers);
    if (const int limit = m_options.maxConnections > 0 ? m_options.maxConnections : loaded.value().maxConnections; limit > 0)
        m_engine->setMaxTotalConnections(limit);
    connect(m_engine.get(), &ForwardEngine::ruleStateChanged, this, &HeadlessRunner::onRuleState);
    connect(m_engine.get(), &ForwardEngine::eventLogged, this, [](const EngineEvent &event) {
        if (event.level == EventLevel::Error)
            Console::printError(event.message);
        else
            Console::printOut(event.message);
    });
    m_engine->setInspectAll(m_options.logRequests);
    m_engine->setPublishRequests(m_options.logRequests);
    // Only the --log-* lines read connections (a TLS line is a connection's).
    m_engine->setPublishConnections(m_options.logConnections || m_options.logRequests);
    for (const ForwardRule &rule : rules) {
        const Result<RuleId> added = m_engine->addRule(rule);
        if (!added) {
            Console::printError(added.error());
            return BadInput;
        }
    }
    if (m_options.demo) {
        if (const Result<void> started = startDemo(); !started) {
            Console::printError(started.error());
            return BadInput;
        }
    }
    if (m_options.followCluster)
        followCluster();
    if (m_options.logRequests)
        connect(m_engine.get(), &ForwardEngine::snapshotReady, this, &HeadlessRunner::printRequests);
    if (m_options.logConnections)
        connect(m_engine.get(), &ForwardEngine::snapshotReady, this, &HeadlessRunner::printClosed);
    if (m_options.statsSeconds > 0)
        m_statsTimer.start(m_options.statsSeconds * 1000);
    const int code = QCoreApplication::exec();
    // A read of the cluster still running is cut short: a stop does not wait for kubectl.
    m_follower.reset();
    // The last snapshot reaches the --log-* lines: connections and requests that ended
    // just before the signal, and those the stop ends ("rule stopped").
    m_engine->stop();
    m_engine.reset();
    return code;
}

// The stdout lines scripts read stay English whatever the locale: "listening", "stats",
// "connection" here, and the engine's "refused" and "failed" events.
void HeadlessRunner::onRuleState(RuleId id, RuleState state)
{
    const ForwardRule rule = m_engine->rule(id);
    if (state == RuleState::Listening) {
        // "udp:" as --forward takes it: a TCP and a UDP rule may share a port.
        const QString prefix = rule.transport == Transport::Udp ? QStringLiteral("udp:") : QString();
        Console::printOut(QStringLiteral("listening %1 -> %2").arg(prefix + rule.listen.toString(), rule.targetsText()));
    } else if (state == RuleState::Error) {
        // A server that cannot open every listener it was given should not half-run.
        // (The error itself arrived as an event and is printed already.)
        stop(ListenFailed);
    }
}

void HeadlessRunner::printStats()
{
    for (const RuleStats &stats : m_engine->lastSnapshot().rules) {
        const ForwardRule rule = m_engine->rule(stats.ruleId);
        Console::printOut(QStringLiteral("stats \"%1\" %2 -> %3: %4, active %5, total %6, refused %7, failed %8, "
                                         "up %9 (%10/s), down %11 (%12/s)")
                              .arg(stats.name, rule.listen.toString(), rule.targetsText(), toString(stats.state))
                              .arg(stats.active)
                              .arg(stats.total)
                              .arg(stats.refused)
                              .arg(stats.failed)
                              .arg(size(stats.bytesUp), size(quint64(stats.rateUp)), size(stats.bytesDown),
                                   size(quint64(stats.rateDown))));
    }
}

// Each closed connection is in exactly one snapshot.
void HeadlessRunner::printClosed(const EngineSnapshot &snapshot)
{
    for (const ConnectionInfo &c : snapshot.connections) {
        if (c.state != ConnectionState::Closed)
            continue;
        const QString upstream = c.localAddress.isNull()
                                     ? endpoint(c.targetAddress, c.targetPort)
                                     : endpoint(c.localAddress, c.localPort) + QStringLiteral(" -> ")
                                           + endpoint(c.targetAddress, c.targetPort);
        // A UDP session: "udp" before the client, and the datagrams it dropped if any.
        const bool udp = c.transport == Transport::Udp;
        Console::printOut(QStringLiteral("connection \"%1\": %2 -> %3 => %4, %5 after %6 ms, up %7 bytes, down %8 bytes")
                              .arg(m_engine->rule(c.ruleId).name,
                                   (udp ? QStringLiteral("udp ") : QString()) + endpoint(c.clientAddress, c.clientPort),
                                   endpoint(c.listenAddress, c.listenPort), upstream, toString(c.closeReason))
                              .arg(c.openedAt.msecsTo(c.closedAt))
                              .arg(c.bytesUp)
                              .arg(c.bytesDown)
                          + (c.dropped ? QStringLiteral(", dropped %1 datagrams").arg(c.dropped) : QString()));
    }
}

// Each request is in exactly one snapshot; a TLS connection's line goes out the first
// time its ClientHello is known.
void HeadlessRunner::printRequests(const EngineSnapshot &snapshot)
{
    for (const RequestRecord &record : snapshot.requests) {
        const InspectedRequest &r = record.request;
        QString outcome = r.status > 0 ? QString::number(r.status) : QStringLiteral("no response");
        if (r.complete)
            outcome += QStringLiteral(" in %1 ms (first byte %2 ms), %3 bytes")
                           .arg(r.totalMs)
                           .arg(r.firstByteMs)
                           .arg(r.responseBodySize);
        else if (r.status > 0)
            outcome += QStringLiteral(", cut short");
        Console::printOut(QStringLiteral("request \"%1\": %2 %3 %4 %5 -> %6")
                              .arg(m_engine->rule(record.ruleId).name, endpoint(record.clientAddress, record.clientPort),
                                   r.method, r.host.isEmpty() ? QStringLiteral("-") : r.host, r.target, outcome));
    }
    for (const ConnectionInfo &c : snapshot.connections) {
        if (c.protocol != Protocol::Tls)
            continue;
        if (!m_tlsPrinted.contains(c.id)) {
            Console::printOut(QStringLiteral("tls \"%1\": %2 server name %3, alpn %4")
                                  .arg(m_engine->rule(c.ruleId).name, endpoint(c.clientAddress, c.clientPort),
                                       c.serverName.isEmpty() ? QStringLiteral("-") : c.serverName,
                                       c.alpn.isEmpty() ? QStringLiteral("-") : c.alpn.join(u',')));
        }
        if (c.state == ConnectionState::Closed)
            m_tlsPrinted.remove(c.id);
        else
            m_tlsPrinted.insert(c.id);
    }
}

// The demo ingress and its rule, which a port in use stops like any other rule.
Result<void> HeadlessRunner::startDemo()
{
    m_demo = std::make_unique<DemoIngress>();
    if (Result<void> started = m_demo->start(); !started)
        return started;
    ForwardRule rule = m_demo->rule();
    for (const auto &[ruleRef, fault] : m_options.faults) {
        if (faultNamesRule(ruleRef, rule))
            rule.faults.append(fault);
    }
    if (Result<RuleId> added = m_engine->addRule(rule); !added)
        return Error{added.error()};
    Console::printOut(tr("demo ingress on 127.0.0.1:%1; try: %2")
                          .arg(QString::number(m_demo->port()),
                               CurlCommand::fromRequest(DemoIngress::sampleRequest())));
    return {};
}

// The lines scripts read stay English, as "listening"; the reasons come in the user's language.
void HeadlessRunner::followCluster()
{
    m_followed = std::make_unique<EngineRules>(m_engine.get());
    m_follower = std::make_unique<ClusterFollower>(m_followed.get());
    connect(m_engine.get(), &ForwardEngine::targetFailing, m_follower.get(), &ClusterFollower::connectionFailed);
    connect(m_follower.get(), &ClusterFollower::moved, this, &HeadlessRunner::printMove);
    connect(m_follower.get(), &ClusterFollower::unreadable, this, [](const QString &context, const QString &reason) {
        Console::printOut(QStringLiteral("cluster \"%1\" cannot be read, its rules keep their targets: %2").arg(context, reason));
    });
    connect(m_follower.get(), &ClusterFollower::readable, this,
            [](const QString &context) { Console::printOut(QStringLiteral("cluster \"%1\" readable again").arg(context)); });
}

void HeadlessRunner::printMove(const TargetMove &move)
{
    const auto text = [](const QList<Endpoint> &targets) {
        QStringList list;
        for (const Endpoint &target : targets)
            list.append(target.toString());
        return list.join(QStringLiteral(", "));
    };
    const QString why = move.nodeMoved && move.portMoved ? QStringLiteral("node IP and node port changed")
                        : move.portMoved                 ? QStringLiteral("node port changed")
                                                         : QStringLiteral("node IP changed");
    QString trigger;
    switch (move.trigger) {
    case CheckTrigger::Timer: trigger = QStringLiteral("regular check"); break;
    case CheckTrigger::Request: trigger = QStringLiteral("checked on request"); break;
    case CheckTrigger::Start: trigger = QStringLiteral("checked at start"); break;
    case CheckTrigger::Wake: trigger = QStringLiteral("checked after a wake-up"); break;
    case CheckTrigger::FailedConnection: trigger = QStringLiteral("checked after a failed connection"); break;
    }
    Console::printOut(QStringLiteral("rule \"%1\": target %2 -> %3 (%4; %5)")
                          .arg(move.ruleName, text(move.before), text(move.after), why, trigger));
}

// Leaves the event loop; the engine is stopped after it, never inside its own signal.
void HeadlessRunner::stop(int code)
{
    m_statsTimer.stop();
    QCoreApplication::exit(code);
}
