#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QString>

using RuleId = int;

enum class ConnectionState { Connecting, Open, ClientHalfClosed, TargetHalfClosed, Closed };

enum class CloseReason {
    None,            // still open
    ClientClosed,    // the client ended first, then both directions finished
    TargetClosed,    // the target ended first, then both directions finished
    TargetRefused,
    TargetUnreachable,
    ConnectTimeout,
    ClientReset,
    TargetReset,
    IdleTimeout,
    NotAllowed,
    LimitReached,
    RuleStopped,
    ClosedByUser,
};

// English, for what programs read (the --log-connections line, JSON exports).
QString toString(ConnectionState state);
QString toString(CloseReason reason);
// In the user's language, for the window.
QString toDisplayString(ConnectionState state);
QString toDisplayString(CloseReason reason);

// A copyable snapshot of one connection, published by the worker that owns it.
struct ConnectionInfo
{
    quint64 id = 0;
    RuleId ruleId = 0;
    QHostAddress clientAddress;
    quint16 clientPort = 0;
    QHostAddress listenAddress;  // the address the client reached (on a wildcard rule, the one it used)
    quint16 listenPort = 0;
    QHostAddress localAddress;   // our end of the upstream connection
    quint16 localPort = 0;
    QHostAddress targetAddress;
    quint16 targetPort = 0;
    ConnectionState state = ConnectionState::Connecting;
    CloseReason closeReason = CloseReason::None;
    QDateTime openedAt;  // UTC, as every time the engine gives
    QDateTime closedAt;
    quint64 bytesUp = 0;    // client -> target
    quint64 bytesDown = 0;  // target -> client
};

enum class RuleState { Stopped, Starting, Listening, Error };

QString toString(RuleState state);  // English: the --stats line; the window words states itself

struct RuleStats
{
    RuleId ruleId = 0;
    QString name;
    RuleState state = RuleState::Stopped;
    QString error;          // why, when state is Error
    quint64 active = 0;
    quint64 total = 0;      // accepted and relayed (or attempted)
    quint64 refused = 0;    // not allowed, or over the connection limit
    quint64 failed = 0;     // target refused, unreachable or timed out
    quint64 bytesUp = 0;
    quint64 bytesDown = 0;
    double rateUp = 0;      // bytes per second
    double rateDown = 0;
};

// What the engine publishes a few times a second. A closed connection appears in
// exactly one snapshot, with its close reason.
struct EngineSnapshot
{
    QDateTime time;
    QList<RuleStats> rules;
    QList<ConnectionInfo> connections;
};

enum class EventLevel { Info, Warning, Error };

// A line for the log: rule started/stopped/failed, refusals, failed connections,
// accept paused/resumed.
struct EngineEvent
{
    QDateTime time;
    EventLevel level = EventLevel::Info;
    RuleId ruleId = 0;
    QString message;
};

Q_DECLARE_METATYPE(ConnectionInfo)
Q_DECLARE_METATYPE(EngineSnapshot)
Q_DECLARE_METATYPE(EngineEvent)
