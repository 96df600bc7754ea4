#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "jsontree.h"
#include "result.h"

// The strict reader behind JsonTree::parse() and the byte rules JsonTree shares
// with it. Internal to app/core/http.
namespace JsonParser {

// Appends the nodes of `json` to `nodes`, the root first, each container before
// its children. Errors say what and where: "line 3, column 14: expected ',' or '}'".
Result<void> parse(const QByteArray &json, QList<JsonTree::Node> &nodes);

// A leading byte order mark is skipped (RFC 8259 lets a parser ignore it): some
// servers send one, and refusing their answer would help nobody.
qsizetype bomLength(const QByteArray &json);

bool isWhitespace(char c);

// Decodes the inside of a string parse() accepted (escapes and UTF-8 valid).
QString decodeString(const char *p, const char *end);

} // namespace JsonParser
