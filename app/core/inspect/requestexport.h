#pragma once

#include <functional>

#include <QByteArray>
#include <QList>
#include <QString>

#include "http/httpmessage.h"
#include "http/responsediff.h"
#include "relay/enginesnapshot.h"

// Files and replays made from the requests inspection saw.
namespace RequestExport {

using RuleNames = std::function<QString(RuleId)>;

// An indented JSON array, one object per request: time (ISO UTC, ms), rule, client,
// connection, method, host, target, version, status (0: no response), reason, contentType,
// requestBodySize, responseBodySize, firstByteMs, totalMs (null when unknown), complete,
// headers [{name, value}]. Secret header values are written empty unless keepSecrets.
QByteArray requestsJson(const QList<RequestRecord> &records, const RuleNames &ruleName, bool keepSecrets = false);

// A HAR 1.2 document of the same requests. A captured answer (the window's) gives its
// headers and, when whole, plain and UTF-8, content.text; otherwise content carries only
// size and mimeType.
QByteArray requestsHar(const QList<RequestRecord> &records, const RuleNames &ruleName, bool keepSecrets = false);

// The request again, sent to where the client sent it (the rule's listen address, a
// wildcard made loopback) with the Host header it carried, and its body when that was
// captured whole (InspectedRequest::captured); without one otherwise.
HttpRequest replayRequest(const RequestRecord &record);
// Whether replayRequest() lacks a body the request had.
bool replayLacksBody(const RequestRecord &record);

// The answer as inspection captured it, to compare with a replay: status, header fields,
// and the body's first bytes as sent (still in its Content-Encoding; bodyCut when the
// capture's limit or the connection's end came first). Without a capture, only the status.
ComparedAnswer capturedAnswer(const RequestRecord &record);

} // namespace RequestExport
