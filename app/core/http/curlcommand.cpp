#include "curlcommand.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <QCoreApplication>

#include "shellwords.h"

namespace {

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
    if (colon < 0 && !line.endsWith(QLatin1Char(';')))
        return Error{QCoreApplication::translate("Http", "header \"%1\" has no ':' between the name and the value")
                         .arg(line)};
    // "Name;" is curl's way to send an empty value.
    const QString name = (colon < 0 ? line.chopped(1) : line.left(colon)).trimmed();
    QString value = colon < 0 ? QString() : line.mid(colon + 1);
    value.remove(0, std::find_if(value.cbegin(), value.cend(), [](QChar c) { return c != u' ' && c != u'\t'; }) - value.cbegin());
    if (colon >= 0 && value.isEmpty()) {
        if (notes)
            notes->append(QCoreApplication::translate("Http", "ignored -H \"%1\": curl would only remove its own %2 "
                                                              "header")
                              .arg(line, name));
        return {};
    }
    if (name.compare(QLatin1String("Accept-Encoding"), Qt::CaseInsensitive) == 0) {
        // Set by hand, it would leave the body compressed; the client asks for gzip itself and decodes it.
        if (notes)
            notes->append(QCoreApplication::translate("Http", "ignored the Accept-Encoding header: Pasarela asks for "
                                                              "compression and decodes it itself"));
        return {};
    }
    HttpRequest &request = parsed.request;
    if (name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0) {
        if (request.contentType.isEmpty() && request.header(name).isEmpty()) {
            request.contentType = value;
            return {};
        }
        // A second one: a Content-Type header would hide the first (effectiveHeaders),
        // so both become headers and are sent, as curl does.
        if (!request.contentType.isEmpty())
            request.headers.append(HttpHeader{QStringLiteral("Content-Type"), std::exchange(request.contentType, QString())});
    }
    request.headers.append(HttpHeader{name, value});
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
            return Error{QCoreApplication::translate("Http", "%1 @FILE reads the body from a file, which a pasted "
                                                             "command cannot do: paste the body itself")
                             .arg(shown)};
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
            return Error{QCoreApplication::translate("Http", "%1 %2 has no password (curl would ask for it): write %1 "
                                                             "USER:PASSWORD")
                             .arg(shown, text)};
        request.headers.append(HttpHeader{QStringLiteral("Authorization"), QStringLiteral("Basic ") % QString::fromLatin1(value.toBase64())});
        break;
    case Option::UserAgent: request.headers.append(HttpHeader{QStringLiteral("User-Agent"), text}); break;
    case Option::Referer: request.headers.append(HttpHeader{QStringLiteral("Referer"), text}); break;
    case Option::Cookie:
        if (!text.contains(QLatin1Char('=')))
            return Error{QCoreApplication::translate("Http", "%1 %2 names a cookie file, which a pasted command cannot "
                                                             "read: paste name=value cookies")
                             .arg(shown, text)};
        request.headers.append(HttpHeader{QStringLiteral("Cookie"), text});
        break;
    case Option::Head: parsed.head = true; break;
    case Option::Insecure: request.verifyTls = false; break;
    case Option::Location: request.followRedirects = true; break;
    case Option::MaxTime: {
        bool ok = false;
        const double seconds = text.toDouble(&ok);
        if (!ok || !(seconds >= 0.001 && seconds <= 3600))
            return Error{QCoreApplication::translate("Http", "%1 %2: expected a number of seconds from 0.001 to 3600")
                             .arg(shown, text)};
        request.timeoutMs = int(std::lround(seconds * 1000));
        break;
    }
    case Option::Url: parsed.urls.append(text); break;
    case Option::Understood: break;
    case Option::IgnoredFlag:
    case Option::IgnoredValue:
        if (notes)
            notes->append(QCoreApplication::translate("Http", "ignored %1 (it only changes what curl prints)").arg(shown));
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
                return Error{QCoreApplication::translate("Http", "the curl option %1 is not supported here: remove it "
                                                                 "and paste again")
                                 .arg(shown)};
            QByteArray value;
            if (takesValue(spec->option)) {
                if (!isLong && k + 1 < word.size()) {
                    value = word.mid(k + 1);
                } else if (i + 1 < words.size()) {
                    value = words.at(++i);
                } else {
                    return Error{QCoreApplication::translate("Http", "the curl option %1 needs a value after it")
                                     .arg(shown)};
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
        parts << QStringLiteral("-X") << ShellWords::quote(request.method.toUtf8());
    parts << ShellWords::quote(request.url.toUtf8());
    // "Name;" is how curl sends an empty value ("Name:" would remove the header, and so
    // would "Name:  ": a value of blanks is empty to HTTP anyway).
    const auto blank = [](const QString &value) {
        return std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c == u' ' || c == u'\t'; });
    };
    for (const HttpHeader &header : request.effectiveHeaders()) {
        const QString line = blank(header.value) ? QString(header.name % QLatin1Char(';'))
                                                 : QString(header.name % QStringLiteral(": ") % header.value);
        parts << QStringLiteral("-H") << ShellWords::quote(line.toUtf8());
    }
    if (!request.body.isEmpty())
        parts << QStringLiteral("--data-raw") << ShellWords::quote(request.body);
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
    const Result<QByteArrayList> words = ShellWords::split(command);
    if (!words)
        return Error{words.error()};
    const QByteArray program = words.value().isEmpty() ? QByteArray() : words.value().first();
    if (program != "curl" && !program.endsWith("/curl") && program != "curl.exe")
        return Error{QCoreApplication::translate("Http", "not a curl command: paste a command that starts with curl")};

    Parsed parsed;
    parsed.request.followRedirects = false;  // curl follows only with -L
    if (const Result<void> options = parseOptions(words.value(), parsed, notes); !options)
        return Error{options.error()};

    if (parsed.urls.isEmpty())
        return Error{QCoreApplication::translate("Http", "the curl command has no URL: add one like http://192.168.49.2/")};
    if (parsed.urls.size() > 1)
        return Error{QCoreApplication::translate("Http", "the curl command has more than one URL (%1): keep one")
                         .arg(parsed.urls.join(QStringLiteral(", ")))};

    HttpRequest request = parsed.request;
    request.url = parsed.urls.first();
    if (!request.url.contains(QLatin1String("://"))) {
        request.url.prepend(QStringLiteral("http://"));
        if (notes)
            notes->append(QCoreApplication::translate("Http", "the URL has no scheme: http:// assumed, as curl does"));
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
