#include "enginesnapshot.h"

#include <QCoreApplication>

namespace {

const char *text(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connecting: return QT_TRANSLATE_NOOP("Connection", "connecting");
    case ConnectionState::Open: return QT_TRANSLATE_NOOP("Connection", "open");
    case ConnectionState::ClientHalfClosed: return QT_TRANSLATE_NOOP("Connection", "client done sending");
    case ConnectionState::TargetHalfClosed: return QT_TRANSLATE_NOOP("Connection", "target done sending");
    case ConnectionState::Closed: return QT_TRANSLATE_NOOP("Connection", "closed");
    }
    return nullptr;
}

const char *text(CloseReason reason)
{
    switch (reason) {
    case CloseReason::None: return nullptr;
    case CloseReason::ClientClosed: return QT_TRANSLATE_NOOP("Connection", "client closed");
    case CloseReason::TargetClosed: return QT_TRANSLATE_NOOP("Connection", "target closed");
    case CloseReason::TargetRefused: return QT_TRANSLATE_NOOP("Connection", "target refused");
    case CloseReason::TargetUnreachable: return QT_TRANSLATE_NOOP("Connection", "target unreachable");
    case CloseReason::ConnectTimeout: return QT_TRANSLATE_NOOP("Connection", "connect timeout");
    case CloseReason::ClientReset: return QT_TRANSLATE_NOOP("Connection", "reset by client");
    case CloseReason::TargetReset: return QT_TRANSLATE_NOOP("Connection", "reset by target");
    case CloseReason::IdleTimeout: return QT_TRANSLATE_NOOP("Connection", "idle timeout");
    case CloseReason::NotAllowed: return QT_TRANSLATE_NOOP("Connection", "not allowed");
    case CloseReason::LimitReached: return QT_TRANSLATE_NOOP("Connection", "limit reached");
    case CloseReason::RuleStopped: return QT_TRANSLATE_NOOP("Connection", "rule stopped");
    case CloseReason::ClosedByUser: return QT_TRANSLATE_NOOP("Connection", "closed by user");
    case CloseReason::FaultReset: return QT_TRANSLATE_NOOP("Connection", "reset by a fault");
    case CloseReason::FaultTimeout: return QT_TRANSLATE_NOOP("Connection", "timeout fault");
    case CloseReason::FaultRefused: return QT_TRANSLATE_NOOP("Connection", "refused by a fault");
    }
    return nullptr;
}

} // namespace

QString toString(ConnectionState state)
{
    return QString::fromLatin1(text(state));
}

QString toString(CloseReason reason)
{
    return QString::fromLatin1(text(reason));
}

QString toDisplayString(ConnectionState state)
{
    return QCoreApplication::translate("Connection", text(state));
}

QString toDisplayString(CloseReason reason)
{
    return QCoreApplication::translate("Connection", text(reason));
}

QString toString(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Off: return QStringLiteral("off");
    case Protocol::Unknown: return QStringLiteral("unknown");
    case Protocol::Http: return QStringLiteral("http");
    case Protocol::Tls: return QStringLiteral("tls");
    case Protocol::Other: return QStringLiteral("other");
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
