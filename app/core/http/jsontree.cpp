#include "jsontree.h"

#include <QCoreApplication>

#include "jsonparser.h"

namespace {

using Kind = JsonTree::Kind;

bool isIdentifier(const QString &key)
{
    if (key.isEmpty() || key.at(0).isDigit())
        return false;
    for (const QChar c : key) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'))
            return false;
    }
    return true;
}

QString jsonQuoted(const QString &text)
{
    QString quoted = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\')
            quoted.append(QLatin1Char('\\') % c);
        else if (c.unicode() < 0x20)
            quoted.append(QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0')));
        else
            quoted.append(c);
    }
    return quoted % QLatin1Char('"');
}

} // namespace

Result<JsonTree> JsonTree::parse(const QByteArray &json)
{
    JsonTree tree;
    tree.m_source = json;
    // A guess that saves most reallocations of a large document.
    tree.m_nodes.reserve(json.size() / 8 + 1);
    if (const Result<void> parsed = JsonParser::parse(json, tree.m_nodes); !parsed)
        return Error{parsed.error()};
    return tree;
}

QString JsonTree::displayValue(int id) const
{
    const Node &n = node(id);
    switch (n.kind) {
    // English has no catalogue, so its singular is a string of its own; %n lets other
    // languages pick their plural forms.
    case Kind::Object:
        return n.children.size() == 1 ? QCoreApplication::translate("Json", "{1 key}")
                                      : QCoreApplication::translate("Json", "{%n keys}", nullptr, int(n.children.size()));
    case Kind::Array:
        return n.children.size() == 1 ? QCoreApplication::translate("Json", "[1 item]")
                                      : QCoreApplication::translate("Json", "[%n items]", nullptr, int(n.children.size()));
    case Kind::String:
        return JsonParser::decodeString(m_source.constData() + n.begin + 1, m_source.constData() + n.end - 1);
    case Kind::Number:
    case Kind::Bool:
    case Kind::Null:
        break;
    }
    return QString::fromLatin1(m_source.constData() + n.begin, n.end - n.begin);
}

QString JsonTree::copyValue(int id) const
{
    const Node &n = node(id);
    if (n.kind == Kind::String)
        return displayValue(id);
    return QString::fromUtf8(pretty(m_source.mid(n.begin, n.end - n.begin)));
}

QString JsonTree::path(int id) const
{
    QString path;
    for (int at = id; node(at).parent >= 0; at = node(at).parent) {
        const Node &n = node(at);
        if (node(n.parent).kind == Kind::Array)
            path.prepend(QLatin1Char('[') % QString::number(n.index) % QLatin1Char(']'));
        else if (isIdentifier(n.key))
            path.prepend(QLatin1Char('.') % n.key);
        else
            path.prepend(QLatin1Char('[') % jsonQuoted(n.key) % QLatin1Char(']'));
    }
    return path.startsWith(QLatin1Char('.')) ? path : QLatin1Char('.') % path;
}

QByteArray JsonTree::pretty(const QByteArray &validJson)
{
    const char *p = validJson.constData() + JsonParser::bomLength(validJson);
    const char *const end = validJson.constData() + validJson.size();
    QByteArray out;
    out.reserve(validJson.size() + validJson.size() / 2);
    int depth = 0;
    QByteArray indent = "\n";  // a line break and the deepest indentation so far
    const auto newLine = [&out, &indent, &depth] {
        if (indent.size() < 1 + 2 * qsizetype(depth))
            indent.resize(1 + 2 * qsizetype(depth), ' ');
        out.append(indent.constData(), 1 + 2 * qsizetype(depth));
    };
    while (p < end) {
        const char c = *p;
        switch (c) {
        case ' ': case '\n': case '\r': case '\t':
            ++p;
            break;
        case '{':
        case '[': {
            const char *next = p + 1;
            while (next < end && JsonParser::isWhitespace(*next))
                ++next;
            if (next < end && *next == (c == '{' ? '}' : ']')) {
                out.append(c).append(*next);
                p = next + 1;
            } else {
                out.append(c);
                ++depth;
                newLine();
                ++p;
            }
            break;
        }
        case '}':
        case ']':
            depth = qMax(0, depth - 1);
            newLine();
            out.append(c);
            ++p;
            break;
        case ',':
            out.append(',');
            newLine();
            ++p;
            break;
        case ':':
            out.append(": ");
            ++p;
            break;
        case '"': {
            const char *start = p++;
            while (p < end && *p != '"')
                p += *p == '\\' ? 2 : 1;
            p = qMin(p + 1, end);
            out.append(start, p - start);
            break;
        }
        default: {
            const char *start = p;
            do
                ++p;
            while (p < end && !JsonParser::isWhitespace(*p) && *p != ',' && *p != ':' && *p != ']' && *p != '}');
            out.append(start, p - start);
            break;
        }
        }
    }
    return out;
}
