#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "httpmessage.h"

// One answer to compare, with what is known of its body.
struct ComparedAnswer
{
    HttpResponse response;     // status, reason, headers, body
    bool bodyCut = false;      // the body is only its first bytes (a capture's limit)
    bool bodyDecoded = false;  // its Content-Encoding was undone already (by Qt's client)
};

struct DiffOptions
{
    // JSON members left out: a key name anywhere ("timestamp") or a path from the root
    // ("$.meta.requestId", "$.items[*].updatedAt"; jq's ".meta.requestId" too).
    QStringList ignoredFields;
    // Leave out volatileHeaders(): they differ on every answer, or with the framing.
    bool ignoreVolatileHeaders = true;
};

struct DiffLine
{
    enum class Change { Same, Added, Removed, Changed };

    QString path;    // "Status", a header name, "$.items[2].price", "line 12"
    QString before;  // as the first answer had it; empty when Added
    QString after;   // as the second had it; empty when Removed
    Change change = Change::Same;
};

struct ResponseDiff
{
    enum class BodyKind { Json, Text, Binary };
    static constexpr qsizetype MaxBodyLines = 5000;

    DiffLine status;
    QList<DiffLine> headers;
    BodyKind bodyKind = BodyKind::Binary;
    QList<DiffLine> body;   // JSON values by path (leaves, and what was added or removed whole), or text lines
    QString bodyNote;       // for the user: what the body comparison could not do, or its outcome in words
    int ignoredHeaders = 0;
    int ignoredFields = 0;

    // Lines that are not Same, status included.
    int changes() const;
    // Appends to body unless it holds MaxBodyLines already (then bodyNote says so): false then.
    bool addBodyLine(DiffLine line);
};

// Lowercase: date, age, expires, content-length, transfer-encoding, connection, keep-alive,
// x-request-id.
QStringList volatileHeaders();

// `before` is the captured answer, `after` its replay: status, headers (names compared
// case-insensitively, repeated ones joined), and the bodies with their Content-Encoding
// undone: as JSON trees when both are JSON (members by name, key order ignored, arrays by
// index), else line by line when both are text, else by size and bytes. A cut body is
// compared as text up to its length.
ResponseDiff compareResponses(const ComparedAnswer &before, const ComparedAnswer &after, const DiffOptions &options);
