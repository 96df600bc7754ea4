#include "jsonparser.h"

#include <array>
#include <cstring>
#include <utility>

#include <QCoreApplication>
#include <QVarLengthArray>

namespace JsonParser {
namespace {

using Node = JsonTree::Node;
using Kind = JsonTree::Kind;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Length of the valid UTF-8 sequence at p (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), 0 when invalid.
int utf8SequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = p[0];
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
        length = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        length = 3;
        low = c == 0xe0 ? 0xa0 : 0x80;
        high = c == 0xed ? 0x9f : 0xbf;
    } else if (c >= 0xf0 && c <= 0xf4) {
        length = 4;
        low = c == 0xf0 ? 0x90 : 0x80;
        high = c == 0xf4 ? 0x8f : 0xbf;
    } else {
        return 0;
    }
    if (end - p < length || p[1] < low || p[1] > high)
        return 0;
    for (int i = 2; i < length; ++i) {
        if (p[i] < 0x80 || p[i] > 0xbf)
            return 0;
    }
    return length;
}

class Parser
{
public:
    Parser(const QByteArray &json, QList<Node> &nodes)
        : m_begin(json.constData())
        , m_start(m_begin + bomLength(json))
        , m_end(m_begin + json.size())
        , m_pos(m_start)
        , m_nodes(nodes)
    {
    }

    Result<void> run();

private:
    Error fail(const char *at, const QString &what) const;
    void skipWhitespace()
    {
        while (m_pos < m_end && isWhitespace(*m_pos))
            ++m_pos;
    }
    // Moves past a string starting at m_pos ('"'); tells whether it has escapes.
    Result<void> scanString(bool &escaped);
    Result<void> scanNumber();
    Result<void> readKey(QString &key);
    Result<void> scanLiteral(const char *word);
    int addNode(Kind kind, QString &&key);
    void close();
    // Keys repeat (thousands of "id"): one shared QString per distinct key.
    QString cachedKey(const char *p, qsizetype length);

    const char *m_begin;
    const char *m_start;  // after a byte order mark
    const char *m_end;
    const char *m_pos;
    QList<Node> &m_nodes;
    struct Open
    {
        int id;
        int children;
    };
    QVarLengthArray<Open, 64> m_open;  // containers not yet closed, innermost last
    QList<int> m_pending;              // their children so far
    struct CachedKey
    {
        QByteArray raw;
        QString text;
    };
    std::array<CachedKey, 512> m_keys;
};

Error Parser::fail(const char *at, const QString &what) const
{
    // Editors count columns in characters: UTF-8 continuation bytes do not count.
    int line = 1;
    int column = 1;
    for (const char *p = m_start; p < at; ++p) {
        if (*p == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(*p) & 0xc0) != 0x80) {
            ++column;
        }
    }
    return Error{QCoreApplication::translate("Json", "line %1, column %2: %3")
                     .arg(QString::number(line), QString::number(column), what)};
}

Result<void> Parser::scanString(bool &escaped)
{
    const char *start = m_pos;
    const char *p = m_pos + 1;
    escaped = false;
    for (;;) {
        // The common case: plain ASCII.
        while (p < m_end && static_cast<unsigned char>(*p) >= 0x20 && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) < 0x80)
            ++p;
        if (p == m_end || (*p == '\\' && p + 1 == m_end))
            return fail(start,
                        QCoreApplication::translate("Json", "expected '\"' to close this string before the end of the text"));
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c == '"') {
            m_pos = p + 1;
            return {};
        }
        if (c == '\\') {
            escaped = true;
            const char e = p[1];
            if (e == 'u') {
                for (int i = 2; i < 6; ++i) {
                    if (p + i >= m_end || hexValue(p[i]) < 0)
                        return fail(p, QCoreApplication::translate("Json", "expected four hex digits after \\u"));
                }
                p += 6;
            } else if (e != '\0' && std::strchr("\"\\/bfnrt", e)) {
                p += 2;
            } else {
                return fail(p,
                            QCoreApplication::translate("Json", "expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) after the backslash"));
            }
        } else if (c < 0x20) {
            return fail(p,
                        QCoreApplication::translate("Json", "expected '\"' to close the string: control characters and line breaks in a string must be escaped (\\n, \\t, \\u00XX)"));
        } else {
            const int length = utf8SequenceLength(reinterpret_cast<const unsigned char *>(p), reinterpret_cast<const unsigned char *>(m_end));
            if (length == 0)
                return fail(p,
                            QCoreApplication::translate("Json", "expected UTF-8 text in the string, found an invalid byte sequence"));
            p += length;
        }
    }
}

Result<void> Parser::scanNumber()
{
    const char *p = m_pos;
    if (*p == '-')
        ++p;
    if (p < m_end && *p == '0') {
        ++p;
        if (p < m_end && isDigit(*p))
            return fail(p,
                        QCoreApplication::translate("Json", "expected '.', 'e' or the end of the number: leading zeros are not allowed"));
    } else if (p < m_end && isDigit(*p)) {
        while (p < m_end && isDigit(*p))
            ++p;
    } else {
        return fail(p, QCoreApplication::translate("Json", "expected a digit"));
    }
    if (p < m_end && *p == '.') {
        ++p;
        if (p == m_end || !isDigit(*p))
            return fail(p, QCoreApplication::translate("Json", "expected a digit after the decimal point"));
        while (p < m_end && isDigit(*p))
            ++p;
    }
    if (p < m_end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < m_end && (*p == '+' || *p == '-'))
            ++p;
        if (p == m_end || !isDigit(*p))
            return fail(p, QCoreApplication::translate("Json", "expected a digit in the exponent"));
        while (p < m_end && isDigit(*p))
            ++p;
    }
    m_pos = p;
    return {};
}

QString Parser::cachedKey(const char *p, qsizetype length)
{
    if (length > 64)
        return QString::fromUtf8(p, length);
    size_t hash = size_t(length);
    for (qsizetype i = 0; i < length; ++i)
        hash = hash * 31 + static_cast<unsigned char>(p[i]);
    CachedKey &entry = m_keys[hash % m_keys.size()];
    if (entry.raw.size() != length || std::memcmp(entry.raw.constData(), p, size_t(length)) != 0) {
        entry.raw = QByteArray(p, length);
        entry.text = QString::fromUtf8(p, length);
    }
    return entry.text;
}

Result<void> Parser::readKey(QString &key)
{
    skipWhitespace();
    if (m_pos == m_end || *m_pos != '"')
        return fail(m_pos, QCoreApplication::translate("Json", "expected a key in double quotes"));
    const char *start = m_pos;
    bool escaped = false;
    if (const Result<void> string = scanString(escaped); !string)
        return string;
    key = escaped ? decodeString(start + 1, m_pos - 1) : cachedKey(start + 1, m_pos - 1 - (start + 1));
    skipWhitespace();
    if (m_pos == m_end || *m_pos != ':')
        return fail(m_pos, QCoreApplication::translate("Json", "expected ':' after the key"));
    ++m_pos;
    return {};
}

int Parser::addNode(Kind kind, QString &&key)
{
    const int id = int(m_nodes.size());
    Node &node = m_nodes.emplace_back();
    node.kind = kind;
    node.key = std::move(key);
    node.begin = m_pos - m_begin;
    if (!m_open.isEmpty()) {
        node.parent = m_open.last().id;
        node.index = m_open.last().children++;
        m_pending.append(id);
    }
    return id;
}

void Parser::close()
{
    const Open open = m_open.last();
    m_open.removeLast();
    Node &node = m_nodes[open.id];
    node.end = m_pos - m_begin;
    // Children arrive interleaved with their own children: collected on the side,
    // they fill each container's list with a single allocation.
    node.children = QList<int>(m_pending.cend() - open.children, m_pending.cend());
    m_pending.resize(m_pending.size() - open.children);
}

Result<void> Parser::scanLiteral(const char *word)
{
    const qsizetype length = qsizetype(std::strlen(word));
    if (m_end - m_pos < length || std::memcmp(m_pos, word, size_t(length)) != 0)
        return fail(m_pos,
                    QCoreApplication::translate("Json", "expected a value (an object, a list, a string, a number, true, false or null)"));
    m_pos += length;
    return {};
}

Result<void> Parser::run()
{
    QString key;
    for (;;) {
        // A value starts here.
        skipWhitespace();
        if (m_pos == m_end)
            return fail(m_pos, QCoreApplication::translate("Json", "expected a value"));
        const char c = *m_pos;
        if (c == '{' || c == '[') {
            if (m_open.size() >= JsonTree::MaxDepth)
                return fail(m_pos,
                            QCoreApplication::translate("Json", "expected at most %1 levels of nesting").arg(JsonTree::MaxDepth));
            m_open.append(Open{addNode(c == '{' ? Kind::Object : Kind::Array, std::move(key)), 0});
            ++m_pos;
            skipWhitespace();
            if (m_pos == m_end || *m_pos != (c == '{' ? '}' : ']')) {
                if (c == '{') {
                    if (m_pos == m_end || *m_pos != '"')
                        return fail(m_pos,
                                    QCoreApplication::translate("Json", "expected a key in double quotes or '}'"));
                    if (const Result<void> read = readKey(key); !read)
                        return read;
                }
                continue;  // to the first value
            }
            ++m_pos;
            close();
        } else {
            const bool isNumber = c == '-' || isDigit(c);
            const Kind kind = c == '"' ? Kind::String : isNumber ? Kind::Number : c == 'n' ? Kind::Null : Kind::Bool;
            const int id = addNode(kind, std::move(key));
            bool escaped = false;
            const Result<void> scanned = c == '"' ? scanString(escaped)
                                         : isNumber ? scanNumber()
                                                    : scanLiteral(c == 't' ? "true" : c == 'f' ? "false" : "null");
            if (!scanned)
                return scanned;
            m_nodes[id].end = m_pos - m_begin;
        }

        // A value ended: close what ends here, until a ',' asks for the next value.
        for (;;) {
            skipWhitespace();
            if (m_open.isEmpty()) {
                if (m_pos != m_end)
                    return fail(m_pos,
                                QCoreApplication::translate("Json", "expected the end of the text after the value"));
                return {};
            }
            const bool inObject = m_nodes[m_open.last().id].kind == Kind::Object;
            if (m_pos < m_end && *m_pos == (inObject ? '}' : ']')) {
                ++m_pos;
                close();
                continue;
            }
            if (m_pos == m_end || *m_pos != ',')
                return fail(m_pos, inObject ? QCoreApplication::translate("Json", "expected ',' or '}'")
                                            : QCoreApplication::translate("Json", "expected ',' or ']'"));
            ++m_pos;
            if (inObject) {
                if (const Result<void> read = readKey(key); !read)
                    return read;
            }
            break;
        }
    }
}

} // namespace

qsizetype bomLength(const QByteArray &json)
{
    return json.startsWith("\xef\xbb\xbf") ? 3 : 0;
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

QString decodeString(const char *p, const char *end)
{
    QString text;
    text.reserve(end - p);
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\')
            ++p;
        if (p > run)
            text.append(QString::fromUtf8(run, p - run));
        if (p == end)
            break;
        const char escape = p[1];
        p += 2;
        switch (escape) {
        case 'b': text.append(QChar(u'\b')); break;
        case 'f': text.append(QChar(u'\f')); break;
        case 'n': text.append(QChar(u'\n')); break;
        case 'r': text.append(QChar(u'\r')); break;
        case 't': text.append(QChar(u'\t')); break;
        case 'u':
            // Surrogate pairs come as two escapes and land as two UTF-16 units.
            text.append(QChar(char16_t((hexValue(p[0]) << 12) | (hexValue(p[1]) << 8) | (hexValue(p[2]) << 4) | hexValue(p[3]))));
            p += 4;
            break;
        default: text.append(QLatin1Char(escape)); break;  // " \ /
        }
    }
    return text;
}

Result<void> parse(const QByteArray &json, QList<JsonTree::Node> &nodes)
{
    return Parser(json, nodes).run();
}

} // namespace JsonParser
