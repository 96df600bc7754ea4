#pragma once

#include <QHash>
#include <QList>
#include <QObject>

#include "relay/forwardengine.h"
#include "rules/forwardrule.h"
#include "relay/enginesnapshot.h"

namespace TestSupport {

// 127.0.0.1:listenPort -> 127.0.0.1:targetPort, enabled, defaults otherwise.
ForwardRule makeRule(const QString &name, quint16 listenPort, quint16 targetPort);

// addRule, then spins the event loop until the rule is Listening. On failure it
// prints why (the Result or the rule's error) and returns false; use in QVERIFY.
bool startRule(ForwardEngine &engine, const ForwardRule &rule, RuleId *id, int timeoutMs = 5000);
// Spins the event loop until ruleState(id) == state.
bool waitForState(ForwardEngine &engine, RuleId id, RuleState state, int timeoutMs = 5000);

// An open connection as a snapshot lists it: client:40000+id on 127.0.0.1:8080,
// upstream 127.0.0.1:50000+id -> 10.1.2.3:targetPort. For model tests.
ConnectionInfo fakeConnection(quint64 id, RuleId rule, const QString &client, quint16 targetPort,
                              const QDateTime &openedAt);

// The rule's line in the last snapshot (default-constructed if absent).
RuleStats ruleStats(const ForwardEngine &engine, RuleId id);

// Records every snapshot's closed connections, and how often each was reported
// closed: the contract is exactly once.
class SnapshotLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotLog)

public:
    explicit SnapshotLog(ForwardEngine &engine);

    int snapshotCount() const { return m_snapshots; }
    const QList<ConnectionInfo> &closed() const { return m_closed; }
    // Closed connections of one rule.
    QList<ConnectionInfo> closed(RuleId ruleId) const;
    int timesClosed(quint64 connectionId) const { return m_closedCount.value(connectionId); }
    const QList<EngineEvent> &events() const { return m_events; }

private:
    int m_snapshots = 0;
    QList<ConnectionInfo> m_closed;
    QHash<quint64, int> m_closedCount;
    QList<EngineEvent> m_events;
};

} // namespace TestSupport
