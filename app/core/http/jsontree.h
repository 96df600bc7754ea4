#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "result.h"

// A JSON document read strictly (RFC 8259) and kept in the order it was written:
// the tree view, "copy value", "copy path" and pretty printing all show keys as
// the server sent them (QJsonObject would sort them). Built once, read-only, safe
// to build on a worker thread and hand to the GUI.
class JsonTree
{
public:
    enum class Kind { Object, Array, String, Number, Bool, Null };

    struct Node
    {
        Kind kind = Kind::Null;
        int parent = -1;           // -1 for the root
        QString key;               // member name in an object; empty otherwise
        int index = 0;             // position in its parent (array index)
        qsizetype begin = 0;       // source bytes [begin, end) of the value
        qsizetype end = 0;
        QList<int> children;       // objects and arrays
    };

    static constexpr int MaxDepth = 512;

    // Errors say what and where: "line 3, column 14: expected ',' or '}'".
    static Result<JsonTree> parse(const QByteArray &json);

    int size() const { return int(m_nodes.size()); }
    const Node &node(int id) const { return m_nodes.at(id); }
    static constexpr int root() { return 0; }
    const QByteArray &source() const { return m_source; }

    // Strings decoded, numbers/true/false/null as written; objects and arrays
    // as a summary: "{3 keys}", "[12 items]".
    QString displayValue(int id) const;
    // What "copy value" puts on the clipboard: decoded text for strings, the
    // pretty JSON of the value otherwise.
    QString copyValue(int id) const;
    // jq syntax: ".items[3].name", ".[\"a key\"]", "." for the root.
    QString path(int id) const;

    // Indented with two spaces, keys in source order, numbers and string escapes
    // byte for byte as in the source. Only for valid JSON (what parse() accepted).
    static QByteArray pretty(const QByteArray &validJson);

private:
    QByteArray m_source;
    QList<Node> m_nodes;
};
