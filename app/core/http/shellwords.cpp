#include "shellwords.h"

#include <algorithm>
#include <cstring>

#include <QCoreApplication>
#include <QStringDecoder>

namespace {

bool isShellSafe(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c != 0 && std::strchr("_@%+=:,./-", c));
}

int hexDigit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

// Reads up to `max` digits of `base` at s[j]; moves j past them.
uint readNumber(const QByteArray &s, qsizetype &j, int max, int base)
{
    uint value = 0;
    for (int k = 0; k < max && j < s.size(); ++k, ++j) {
        const int digit = hexDigit(s.at(j));
        if (digit < 0 || digit >= base)
            break;
        value = value * uint(base) + uint(digit);
    }
    return value;
}

// \n and friends in $'...'; 0 for the others.
char ansiCEscape(char e)
{
    switch (e) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'e': case 'E': return '\x1b';
    case 'f': return '\f';
    case 'v': return '\v';
    case '\\': case '\'': case '"': case '?': return e;
    default: return 0;
    }
}

// The inside of $'...' from s[j] on (bash's ANSI-C quoting); j ends past the closing quote.
Result<QByteArray> ansiCQuoted(const QByteArray &s, qsizetype &j)
{
    QByteArray out;
    while (j < s.size() && s.at(j) != '\'') {
        if (s.at(j) != '\\' || j + 1 == s.size()) {
            out.append(s.at(j++));
            continue;
        }
        const char e = s.at(j + 1);
        j += 2;
        const char simple = ansiCEscape(e);
        if (simple != 0) {
            out.append(simple);
        } else if (e == 'x' && j < s.size() && hexDigit(s.at(j)) >= 0) {
            out.append(char(readNumber(s, j, 2, 16)));
        } else if (e >= '0' && e <= '7') {
            --j;
            out.append(char(readNumber(s, j, 3, 8)));
        } else if ((e == 'u' || e == 'U') && j < s.size() && hexDigit(s.at(j)) >= 0) {
            char32_t codePoint = readNumber(s, j, e == 'u' ? 4 : 8, 16);
            // A surrogate pair written as two \u escapes.
            if (codePoint >= 0xd800 && codePoint < 0xdc00 && s.mid(j, 2) == "\\u") {
                qsizetype k = j + 2;
                const char32_t low = readNumber(s, k, 4, 16);
                if (low >= 0xdc00 && low < 0xe000) {
                    codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00);
                    j = k;
                }
            }
            out.append(QString::fromUcs4(&codePoint, 1).toUtf8());
        } else {
            out.append('\\').append(e);
        }
    }
    if (j == s.size())
        return Error{QCoreApplication::translate("Http", "a $'...' quote is not closed: add the missing '")};
    ++j;
    return out;
}

} // namespace

namespace ShellWords {

// Bare when safe, '...' when that says it all; $'...' for line breaks and
// control characters, so that the command stays on one line, and for bytes that
// are not UTF-8 (all bytes above 0x7f are then written as \xHH).
QString quote(const QByteArray &bytes)
{
    if (!bytes.isEmpty() && std::all_of(bytes.cbegin(), bytes.cend(), isShellSafe))
        return QString::fromLatin1(bytes);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder.decode(bytes);
    const bool utf8 = !decoder.hasError() && text.toUtf8() == bytes;
    const auto isControl = [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; };
    if (utf8 && std::none_of(bytes.cbegin(), bytes.cend(), isControl))
        return QLatin1Char('\'') % QString(text).replace(QLatin1Char('\''), QStringLiteral("'\\''")) % QLatin1Char('\'');

    QByteArray quoted = "$'";
    for (const char c : bytes) {
        if (c == '\\' || c == '\'')
            quoted.append('\\').append(c);
        else if (c == '\n' || c == '\r' || c == '\t')
            quoted.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t");
        else if (isControl(c) || c == '!' || (!utf8 && static_cast<unsigned char>(c) >= 0x80))  // '!': history expansion
            quoted.append("\\x").append(QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0'));
        else
            quoted.append(c);
    }
    return QString::fromUtf8(quoted.append('\''));
}

Result<QByteArrayList> split(const QString &command)
{
    const QByteArray s = command.toUtf8();
    QByteArrayList words;
    QByteArray word;
    bool inWord = false;
    for (qsizetype i = 0; i < s.size();) {
        const char c = s.at(i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
            ++i;
            continue;
        }
        if ((c != 0 && std::strchr("|;&<>`", c)) || (c == '$' && s.mid(i + 1, 1) == "(")) {
            return Error{QCoreApplication::translate("Http", "the shell's '%1' outside quotes: paste the curl command "
                                                             "alone, without pipes, redirections or other commands")
                             .arg(QChar::fromLatin1(c))};
        }
        inWord = true;
        if (c == '\\') {
            const QByteArray next = s.mid(i + 1, 2);
            if (next.startsWith('\n') || next == "\r\n") {
                inWord = !word.isEmpty();  // a line continuation joins, it does not start a word
                i += next.startsWith('\n') ? 2 : 3;
            } else {
                word.append(next.left(1));
                i += 2;
            }
        } else if (c == '\'') {
            const qsizetype close = s.indexOf('\'', i + 1);
            if (close < 0)
                return Error{QCoreApplication::translate("Http", "a '...' quote is not closed: add the missing '")};
            word.append(s.mid(i + 1, close - i - 1));
            i = close + 1;
        } else if (c == '$' && s.mid(i + 1, 1) == "'") {
            qsizetype j = i + 2;
            const Result<QByteArray> quoted = ansiCQuoted(s, j);
            if (!quoted)
                return Error{quoted.error()};
            word.append(quoted.value());
            i = j;
        } else if (c == '"') {
            qsizetype j = i + 1;
            for (; j < s.size() && s.at(j) != '"'; ++j) {
                if (s.at(j) == '\\' && j + 1 < s.size() && s.at(j + 1) != 0 && std::strchr("\\\"$`\n", s.at(j + 1))) {
                    if (s.at(++j) != '\n')
                        word.append(s.at(j));
                } else {
                    word.append(s.at(j));
                }
            }
            if (j == s.size())
                return Error{QCoreApplication::translate("Http", "a \"...\" quote is not closed: add the missing \"")};
            i = j + 1;
        } else {
            word.append(c);
            ++i;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

} // namespace ShellWords
