#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "inspect/streaminspector.h"
#include "rules/forwardrule.h"

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
    FaultReset,      // a reset fault of the rule (after N bytes or N ms)
    FaultTimeout,    // the end of a timeout fault
    FaultRefused,    // a refuse fault of the rule
};

// English, for what programs read (the --log-connections line, JSON exports).
QString toString(ConnectionState state);
QString toString(CloseReason reason);
// In the user's language, for the window.
QString toDisplayString(ConnectionState state);
QString toDisplayString(CloseReason reason);

// What inspection made of a connection so far.
enum class Protocol {
    Off,      // its rule does not inspect
    Unknown,  // nothing decided yet (no byte, or not enough)
    Http,     // HTTP/1.x: its requests are published as RequestRecords
    Tls,      // a ClientHello was read: serverName and alpn
    Other,    // not HTTP nor TLS; protocolNote says why
};
QString toString(Protocol protocol);  // English: "off", "unknown", "http", "tls", "other"

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
    Protocol protocol = Protocol::Off;
    QString serverName;     // TLS SNI, may be empty
    QStringList alpn;       // TLS ALPN offered by the client, e.g. {"h2", "http/1.1"}
    QString protocolNote;   // Other: why it is not read as HTTP (in the user's language)
    int requests = 0;       // HTTP requests published so far
    Transport transport = Transport::Tcp;  // UDP: a client address's datagrams, ended by idle time
    quint64 dropped = 0;    // UDP: datagrams dropped because the other side did not take them in time
};

// One HTTP request seen on a connection of an inspecting rule. Published exactly
// once, when its response ended or its connection closed (then possibly without a
// response: request.status 0).
struct RequestRecord
{
    quint64 connectionId = 0;
    RuleId ruleId = 0;
    QHostAddress clientAddress;
    quint16 clientPort = 0;
    QHostAddress listenAddress;  // what the client reached: where a replay goes
    quint16 listenPort = 0;
    QDateTime startedAt;         // UTC, the first byte of the request
    InspectedRequest request;
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
    quint64 targetFailures = 0;  // tries a target did not take (failover may have saved the connection)
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
    QList<RequestRecord> requests;  // published since the previous snapshot
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

// Moved, not copied, as lists of them grow.
Q_DECLARE_TYPEINFO(InspectedRequest, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(RequestRecord, Q_RELOCATABLE_TYPE);

Q_DECLARE_METATYPE(ConnectionInfo)
Q_DECLARE_METATYPE(RequestRecord)
Q_DECLARE_METATYPE(EngineSnapshot)
Q_DECLARE_METATYPE(EngineEvent)
