#pragma once

#include <functional>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include "relay/enginesnapshot.h"

// Files made from the connections the engine reported: what the window's Connections tab
// exports, and what a headless run could write.
namespace ConnectionExport {

using RuleNames = std::function<QString(RuleId)>;

// How long c has been open: until it closed, or until now while it is open; 0 when unknown.
qint64 durationMs(const ConnectionInfo &c, const QDateTime &now);

// One record per connection, in the order given, with the same fields in both formats:
// id, rule, client, listen, local (null before the upstream connection exists), target,
// state, opened, closed (ISO 8601 UTC with milliseconds, null when not yet), durationMs,
// bytesUp, bytesDown, closeReason (null while open). Addresses are "HOST:PORT", "[V6]:PORT",
// "-" when unknown; state and close reason in English, as programs read them.
// now: the end of the connections still open, for durationMs.

// An indented JSON array of objects.
QByteArray connectionsJson(const QList<ConnectionInfo> &connections, const RuleNames &ruleName, const QDateTime &now);

// RFC 4180 CSV in UTF-8: a header row of the field names, CRLF line ends, fields with a
// comma, quote or line break quoted (quotes doubled); a null field is empty.
QByteArray connectionsCsv(const QList<ConnectionInfo> &connections, const RuleNames &ruleName, const QDateTime &now);

} // namespace ConnectionExport
