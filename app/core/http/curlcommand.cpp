#include "curlcommand.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <QByteArrayList>
#include <QStringDecoder>

namespace {

const QString ContentType = QStringLiteral("Content-Type");

// ---- Shell quoting --------------------------------------------------------

bool isShellSafe(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c != 0 && std::strchr("_@%+=:,./-", c));
}

// '...' when that says it all; $'...' for line breaks and control characters, so
// that the command stays on one line, and for bytes that are not UTF-8 (all
// bytes above 0x7f are then written as \xHH).
QString shellQuote(const QByteArray &bytes)
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

// ---- Shell tokenising -----------------------------------------------------

int hexDigit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

// Reads up to `max` digits of `base` at s[j]; moves j past them.
uint readNumber(const QByteArray &s, qsizetype &j, int max, int base)
{
    uint value = 0;
    for (int k = 0; k < max && j < s.size() && hexDigit(s.at(j)) >= 0 && hexDigit(s.at(j)) < base; ++k, ++j)
        value = value * uint(base) + uint(hexDigit(s.at(j)));
    return value;
}

QByteArray codePointUtf8(char32_t codePoint)
{
    return QString::fromUcs4(&codePoint, 1).toUtf8();
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
            out.append(codePointUtf8(codePoint));
        } else {
            out.append('\\').append(e);
        }
    }
    if (j == s.size())
        return Error{QStringLiteral("a $'...' quote is not closed: add the missing '")};
    ++j;
    return out;
}

// Splits a command line as a POSIX shell would (quotes, escapes, line
// continuations); the words are UTF-8, since $'\xHH' can produce any byte.
Result<QByteArrayList> tokenize(const QString &command)
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
            return Error{QStringLiteral("the shell's '") % QLatin1Char(c) % QStringLiteral("' outside quotes: paste the curl command alone, "
                                                                                         "without pipes, redirections or other commands")};
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
                return Error{QStringLiteral("a '...' quote is not closed: add the missing '")};
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
                return Error{QStringLiteral("a \"...\" quote is not closed: add the missing \"")};
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

// ---- curl's options -------------------------------------------------------

enum class Option {
    Method, Header, Data, DataRaw, Json, User, UserAgent, Cookie, Referer, Head, Insecure, Location, MaxTime, Url,
    Understood,     // nothing to do: Pasarela does it anyway (--compressed)
    IgnoredFlag,    // output options that change nothing in the request
    IgnoredValue,
};

struct OptionSpec
{
    char shortName;
    const char *longName;
    Option option;
};

constexpr OptionSpec Options[] = {
    {'X', "request", Option::Method}, {'H', "header", Option::Header}, {'d', "data", Option::Data},
    {0, "data-ascii", Option::Data}, {0, "data-binary", Option::Data}, {0, "data-raw", Option::DataRaw},
    {0, "json", Option::Json}, {'u', "user", Option::User}, {'A', "user-agent", Option::UserAgent},
    {'b', "cookie", Option::Cookie}, {'e', "referer", Option::Referer}, {'I', "head", Option::Head},
    {'k', "insecure", Option::Insecure}, {'L', "location", Option::Location}, {'m', "max-time", Option::MaxTime},
    {0, "url", Option::Url}, {0, "compressed", Option::Understood},
    {'s', "silent", Option::IgnoredFlag}, {'S', "show-error", Option::IgnoredFlag}, {'v', "verbose", Option::IgnoredFlag},
    {'i', "include", Option::IgnoredFlag}, {'f', "fail", Option::IgnoredFlag}, {0, "fail-with-body", Option::IgnoredFlag},
    {'#', "progress-bar", Option::IgnoredFlag}, {0, "no-progress-meter", Option::IgnoredFlag},
    {'N', "no-buffer", Option::IgnoredFlag}, {'O', "remote-name", Option::IgnoredFlag},
    {'J', "remote-header-name", Option::IgnoredFlag}, {'o', "output", Option::IgnoredValue},
    {'w', "write-out", Option::IgnoredValue}, {'D', "dump-header", Option::IgnoredValue},
    {0, "stderr", Option::IgnoredValue}, {0, "trace", Option::IgnoredValue}, {0, "trace-ascii", Option::IgnoredValue},
};

bool takesValue(Option option)
{
    switch (option) {
    case Option::Head: case Option::Insecure: case Option::Location: case Option::Understood: case Option::IgnoredFlag:
        return false;
    default:
        return true;
    }
}

const OptionSpec *findOption(const QByteArray &word)
{
    for (const OptionSpec &spec : Options) {
        if (word.startsWith("--") ? word.mid(2) == spec.longName : (word.size() == 2 && word.at(1) == spec.shortName))
            return &spec;
    }
    return nullptr;
}

// What the options say, before it becomes a request.
struct Parsed
{
    HttpRequest request;
    QString method;
    QStringList urls;
    bool hasData = false;
    bool json = false;
    bool head = false;
};

Result<void> addHeader(Parsed &parsed, const QString &line, QStringList *notes)
{
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    const QString name = (colon < 0 ? line.chopped(line.endsWith(QLatin1Char(';')) ? 1 : 0) : line.left(colon)).trimmed();
    QString value = colon < 0 ? QString() : line.mid(colon + 1);
    value.remove(0, std::find_if(value.cbegin(), value.cend(), [](QChar c) { return c != u' ' && c != u'\t'; }) - value.cbegin());
    if (colon < 0 && !line.endsWith(QLatin1Char(';')))
        return Error{QStringLiteral("header \"") % line % QStringLiteral("\" has no ':' between the name and the value")};
    if (colon >= 0 && value.isEmpty()) {
        if (notes)
            notes->append(QStringLiteral("ignored -H \"") % line % QStringLiteral("\": curl would only remove its own ") % name % QStringLiteral(" header"));
        return {};
    }
    if (name.compare(QLatin1String("Accept-Encoding"), Qt::CaseInsensitive) == 0) {
        // Set by hand, it would leave the body compressed; the client asks for gzip itself and decodes it.
        if (notes)
            notes->append(QStringLiteral("ignored the Accept-Encoding header: Pasarela asks for compression and decodes it itself"));
        return {};
    }
    if (name.compare(ContentType, Qt::CaseInsensitive) == 0 && parsed.request.contentType.isEmpty())
        parsed.request.contentType = value;
    else
        parsed.request.headers.append(HttpHeader{name, value});
    return {};
}

Result<void> apply(Parsed &parsed, const OptionSpec &spec, const QString &shown, const QByteArray &value, QStringList *notes)
{
    const QString text = QString::fromUtf8(value);
    HttpRequest &request = parsed.request;
    switch (spec.option) {
    case Option::Method: parsed.method = text; break;
    case Option::Header: return addHeader(parsed, text, notes);
    case Option::Data:
        if (value.startsWith('@'))
            return Error{shown % QStringLiteral(" @FILE reads the body from a file, which a pasted command cannot do: paste the body itself")};
        [[fallthrough]];
    case Option::DataRaw:
    case Option::Json:
        if (parsed.hasData && spec.option != Option::Json)
            request.body.append('&');
        request.body.append(value);
        parsed.hasData = true;
        parsed.json = parsed.json || spec.option == Option::Json;
        break;
    case Option::User:
        if (!text.contains(QLatin1Char(':')))
            return Error{shown % QStringLiteral(" ") % text % QStringLiteral(" has no password (curl would ask for it): write ") % shown % QStringLiteral(" USER:PASSWORD")};
        request.headers.append(HttpHeader{QStringLiteral("Authorization"), QStringLiteral("Basic ") % QString::fromLatin1(value.toBase64())});
        break;
    case Option::UserAgent: request.headers.append(HttpHeader{QStringLiteral("User-Agent"), text}); break;
    case Option::Referer: request.headers.append(HttpHeader{QStringLiteral("Referer"), text}); break;
    case Option::Cookie:
        if (!text.contains(QLatin1Char('=')))
            return Error{shown % QStringLiteral(" ") % text % QStringLiteral(" names a cookie file, which a pasted command cannot read: paste name=value cookies")};
        request.headers.append(HttpHeader{QStringLiteral("Cookie"), text});
        break;
    case Option::Head: parsed.head = true; break;
    case Option::Insecure: request.verifyTls = false; break;
    case Option::Location: request.followRedirects = true; break;
    case Option::MaxTime: {
        bool ok = false;
        const double seconds = text.toDouble(&ok);
        if (!ok || !(seconds >= 0.001 && seconds <= 3600))
            return Error{shown % QStringLiteral(" ") % text % QStringLiteral(": expected a number of seconds from 0.001 to 3600")};
        request.timeoutMs = int(std::lround(seconds * 1000));
        break;
    }
    case Option::Url: parsed.urls.append(text); break;
    case Option::Understood: break;
    case Option::IgnoredFlag:
    case Option::IgnoredValue:
        if (notes)
            notes->append(QStringLiteral("ignored ") % shown % QStringLiteral(" (it only changes what curl prints)"));
        break;
    }
    return {};
}

Result<void> parseOptions(const QByteArrayList &words, Parsed &parsed, QStringList *notes)
{
    bool optionsEnd = false;
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QByteArray &word = words.at(i);
        if (optionsEnd || !word.startsWith('-') || word == "-") {
            parsed.urls.append(QString::fromUtf8(word));
            continue;
        }
        if (word == "--") {
            optionsEnd = true;
            continue;
        }
        // -sSL and -XPOST: short options share a word, the last may carry its value.
        const bool isLong = word.startsWith("--");
        for (qsizetype k = 1; k < (isLong ? 2 : word.size()); ++k) {
            const QByteArray name = isLong ? word : QByteArray("-") + word.at(k);
            const QString shown = QString::fromUtf8(name);
            const OptionSpec *spec = findOption(name);
            if (!spec)
                return Error{QStringLiteral("the curl option ") % shown % QStringLiteral(" is not supported here: remove it and paste again")};
            QByteArray value;
            if (takesValue(spec->option)) {
                if (!isLong && k + 1 < word.size()) {
                    value = word.mid(k + 1);
                } else if (i + 1 < words.size()) {
                    value = words.at(++i);
                } else {
                    return Error{QStringLiteral("the curl option ") % shown % QStringLiteral(" needs a value after it")};
                }
                k = word.size();
            }
            if (const Result<void> applied = apply(parsed, *spec, shown, value, notes); !applied)
                return applied;
        }
    }
    return {};
}

} // namespace

namespace CurlCommand {

QString fromRequest(const HttpRequest &request)
{
    QStringList parts{QStringLiteral("curl")};
    const QString implied = request.body.isEmpty() ? QStringLiteral("GET") : QStringLiteral("POST");
    if (request.method == u"HEAD" && request.body.isEmpty())
        parts << QStringLiteral("-I");  // curl -X HEAD would wait for a body that never comes
    else if (request.method != implied)
        parts << QStringLiteral("-X") << shellQuote(request.method.toUtf8());
    parts << shellQuote(request.url.toUtf8());
    // "Name;" is how curl sends an empty value ("Name:" would remove the header).
    for (const HttpHeader &header : request.effectiveHeaders()) {
        const QString line = header.value.isEmpty() ? QString(header.name % QLatin1Char(';'))
                                                    : QString(header.name % QStringLiteral(": ") % header.value);
        parts << QStringLiteral("-H") << shellQuote(line.toUtf8());
    }
    if (!request.body.isEmpty())
        parts << QStringLiteral("--data-raw") << shellQuote(request.body);
    if (!request.verifyTls)
        parts << QStringLiteral("-k");
    if (request.followRedirects)
        parts << QStringLiteral("-L");
    if (request.timeoutMs != HttpRequest::DefaultTimeoutMs)
        parts << QStringLiteral("--max-time") << QString::number(request.timeoutMs / 1000.0, 'g', 10);
    return parts.join(QLatin1Char(' '));
}

Result<HttpRequest> toRequest(const QString &command, QStringList *notes)
{
    const Result<QByteArrayList> words = tokenize(command);
    if (!words)
        return Error{words.error()};
    const QByteArray program = words.value().isEmpty() ? QByteArray() : words.value().first();
    if (program != "curl" && !program.endsWith("/curl") && program != "curl.exe")
        return Error{QStringLiteral("not a curl command: paste a command that starts with curl")};

    Parsed parsed;
    parsed.request.followRedirects = false;  // curl follows only with -L
    if (const Result<void> options = parseOptions(words.value(), parsed, notes); !options)
        return Error{options.error()};

    if (parsed.urls.isEmpty())
        return Error{QStringLiteral("the curl command has no URL: add one like http://192.168.49.2/")};
    if (parsed.urls.size() > 1)
        return Error{QStringLiteral("the curl command has more than one URL (") % parsed.urls.join(QStringLiteral(", ")) % QStringLiteral("): keep one")};

    HttpRequest request = parsed.request;
    request.url = parsed.urls.first();
    if (!request.url.contains(QLatin1String("://"))) {
        request.url.prepend(QStringLiteral("http://"));
        if (notes)
            notes->append(QStringLiteral("the URL has no scheme: http:// assumed, as curl does"));
    }
    if (parsed.json) {
        if (request.contentType.isEmpty())
            request.contentType = QStringLiteral("application/json");
        if (request.header(QStringLiteral("Accept")).isEmpty())
            request.headers.append(HttpHeader{QStringLiteral("Accept"), QStringLiteral("application/json")});
    }
    request.method = !parsed.method.isEmpty() ? parsed.method
                     : parsed.head            ? QStringLiteral("HEAD")
                     : parsed.hasData         ? QStringLiteral("POST")
                                              : QStringLiteral("GET");
    return request;
}

} // namespace CurlCommand
