#include "enginehelpers.h"

#include <QTest>

namespace TestSupport {

ForwardRule makeRule(const QString &name, quint16 listenPort, quint16 targetPort)
{
    ForwardRule rule;
    rule.name = name;
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), listenPort};
    rule.target = Endpoint{QStringLiteral("127.0.0.1"), targetPort};
    return rule;
}

bool waitForState(ForwardEngine &engine, RuleId id, RuleState state, int timeoutMs)
{
    if (QTest::qWaitFor([&] { return engine.ruleState(id) == state; }, timeoutMs))
        return true;
    qWarning("rule %d: expected state %s, is %s (%s)", id, qPrintable(toString(state)),
             qPrintable(toString(engine.ruleState(id))), qPrintable(engine.ruleError(id)));
    return false;
}

bool startRule(ForwardEngine &engine, const ForwardRule &rule, RuleId *id, int timeoutMs)
{
    const Result<RuleId> added = engine.addRule(rule);
    if (!added.ok()) {
        qWarning("addRule(%s) failed: %s", qPrintable(rule.name), qPrintable(added.error()));
        return false;
    }
    *id = added.value();
    return waitForState(engine, *id, RuleState::Listening, timeoutMs);
}

ConnectionInfo fakeConnection(quint64 id, RuleId rule, const QString &client, quint16 targetPort,
                              const QDateTime &openedAt)
{
    ConnectionInfo c;
    c.id = id;
    c.ruleId = rule;
    c.clientAddress = QHostAddress(client);
    c.clientPort = quint16(40000 + id);
    c.listenAddress = QHostAddress(QStringLiteral("127.0.0.1"));
    c.listenPort = 8080;
    c.localAddress = QHostAddress(QStringLiteral("127.0.0.1"));
    c.localPort = quint16(50000 + id);
    c.targetAddress = QHostAddress(QStringLiteral("10.1.2.3"));
    c.targetPort = targetPort;
    c.state = ConnectionState::Open;
    c.openedAt = openedAt;
    return c;
}

RuleStats ruleStats(const ForwardEngine &engine, RuleId id)
{
    for (const RuleStats &stats : engine.lastSnapshot().rules) {
        if (stats.ruleId == id)
            return stats;
    }
    return {};
}

SnapshotLog::SnapshotLog(ForwardEngine &engine)
{
    connect(&engine, &ForwardEngine::snapshotReady, this, [this](const EngineSnapshot &snapshot) {
        ++m_snapshots;
        for (const ConnectionInfo &c : snapshot.connections) {
            if (c.state == ConnectionState::Closed) {
                m_closed.append(c);
                ++m_closedCount[c.id];
            }
        }
    });
    connect(&engine, &ForwardEngine::eventLogged, this,
            [this](const EngineEvent &event) { m_events.append(event); });
}

QList<ConnectionInfo> SnapshotLog::closed(RuleId ruleId) const
{
    QList<ConnectionInfo> result;
    for (const ConnectionInfo &c : m_closed) {
        if (c.ruleId == ruleId)
            result.append(c);
    }
    return result;
}

} // namespace TestSupport
