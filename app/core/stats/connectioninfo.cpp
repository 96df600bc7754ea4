#include "connectioninfo.h"

QString toString(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connecting: return QStringLiteral("connecting");
    case ConnectionState::Open: return QStringLiteral("open");
    case ConnectionState::ClientHalfClosed: return QStringLiteral("client done sending");
    case ConnectionState::TargetHalfClosed: return QStringLiteral("target done sending");
    case ConnectionState::Closed: return QStringLiteral("closed");
    }
    return {};
}

QString toString(CloseReason reason)
{
    switch (reason) {
    case CloseReason::None: return {};
    case CloseReason::ClientClosed: return QStringLiteral("client closed");
    case CloseReason::TargetClosed: return QStringLiteral("target closed");
    case CloseReason::TargetRefused: return QStringLiteral("target refused");
    case CloseReason::TargetUnreachable: return QStringLiteral("target unreachable");
    case CloseReason::ConnectTimeout: return QStringLiteral("connect timeout");
    case CloseReason::ClientReset: return QStringLiteral("reset by client");
    case CloseReason::TargetReset: return QStringLiteral("reset by target");
    case CloseReason::IdleTimeout: return QStringLiteral("idle timeout");
    case CloseReason::NotAllowed: return QStringLiteral("not allowed");
    case CloseReason::LimitReached: return QStringLiteral("limit reached");
    case CloseReason::RuleStopped: return QStringLiteral("rule stopped");
    case CloseReason::ClosedByUser: return QStringLiteral("closed by user");
    }
    return {};
}

QString toString(RuleState state)
{
    switch (state) {
    case RuleState::Stopped: return QStringLiteral("stopped");
    case RuleState::Starting: return QStringLiteral("starting");
    case RuleState::Listening: return QStringLiteral("listening");
    case RuleState::Error: return QStringLiteral("error");
    }
    return {};
}
