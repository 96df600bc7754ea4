#include "httpmessage.h"

#include <cmath>
#include <optional>
#include <type_traits>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QStringDecoder>
#include <QUrl>
#include <QUuid>

#include "jsontree.h"
#include "rules/forwardrule.h"
#include "variables.h"

namespace {

constexpr int MaxTimeoutMs = 3600000;

const QString KeyMethod = QStringLiteral("method");
const QString KeyUrl = QStringLiteral("url");
const QString KeyHeaders = QStringLiteral("headers");
const QString KeyName = QStringLiteral("name");
const QString KeyValue = QStringLiteral("value");
const QString KeyEnabled = QStringLiteral("enabled");
const QString KeyRedacted = QStringLiteral("redacted");
const QString KeyBody = QStringLiteral("body");
const QString KeyBodyEncoding = QStringLiteral("bodyEncoding");
const QString KeyBodyIsJson = QStringLiteral("bodyIsJson");
const QString KeyContentType = QStringLiteral("contentType");
const QString KeyTimeoutMs = QStringLiteral("timeoutMs");
const QString KeyVerifyTls = QStringLiteral("verifyTls");
const QString KeyFollowRedirects = QStringLiteral("followRedirects");
const QString Base64 = QStringLiteral("base64");
const QString ContentTypeName = QStringLiteral("Content-Type");

// RFC 7230 tchar.
bool isToken(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool alnum = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
        if (!alnum && !QStringView(u"!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

bool hasLineBreakOrNul(const QString &text)
{
    return text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n')) || text.contains(QChar(0));
}

// The body as text when that gives back the same bytes: strict, because a
// decoder that replaced a bad sequence (or dropped a BOM) would change them.
std::optional<QString> exactText(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError() || text.toUtf8() != bytes)
        return std::nullopt;
    return text;
}

// JsonTree decides what is JSON, as in the window. JSON scalars are valid bodies
// too, and QJsonDocument holds only objects and arrays: the value travels wrapped
// in a one-element array.
QJsonValue jsonValueOf(const QByteArray &body)
{
    if (!JsonTree::parse(body))
        return QJsonValue(QJsonValue::Undefined);
    const bool bom = body.startsWith("\xef\xbb\xbf");
    const QJsonDocument document = QJsonDocument::fromJson('[' + (bom ? body.mid(3) : body) + ']');
    const QJsonArray array = document.array();
    return array.size() == 1 ? array.at(0) : QJsonValue(QJsonValue::Undefined);
}

// History: text or base64, so the bytes come back exactly.
void putExactBody(QJsonObject &object, const QByteArray &body)
{
    if (const std::optional<QString> text = exactText(body)) {
        object.insert(KeyBody, *text);
    } else {
        object.insert(KeyBody, QString::fromLatin1(body.toBase64()));
        object.insert(KeyBodyEncoding, Base64);
    }
}

// Export: JSON as a value, else text, else base64.
void putExportBody(QJsonObject &object, const QByteArray &body)
{
    const QJsonValue json = jsonValueOf(body);
    object.insert(KeyBodyIsJson, !json.isUndefined());
    if (!json.isUndefined())
        object.insert(KeyBody, json);
    else
        putExactBody(object, body);
}

QJsonArray exportHeaders(const HttpHeaders &headers, bool keepSecrets)
{
    QJsonArray array;
    for (const HttpHeader &header : headers) {
        // "Bearer {{token}}" says where the secret is, not what it is.
        const bool hide = !keepSecrets && isSecretHeader(header.name) && !hasPlaceholder(header.value);
        array.append(QJsonObject{{KeyName, header.name}, {KeyValue, hide ? QStringLiteral("<redacted>") : header.value}});
    }
    return array;
}

Error keyError(const QString &key, const QString &expected, const QJsonValue &value)
{
    return Error{QCoreApplication::translate("Http", "\"%1\" must be %2, got %3").arg(key, expected, jsonTypeName(value))};
}

// Reads an optional key of the given type into `out`; a missing key leaves the default.
template<typename T>
Result<void> read(const QJsonObject &object, const QString &key, T &out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return {};
    if constexpr (std::is_same_v<T, QString>) {
        if (!value.isString())
            return keyError(key, QCoreApplication::translate("Http", "a string"), value);
        out = value.toString();
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!value.isBool())
            return keyError(key, QCoreApplication::translate("Http", "true or false"), value);
        out = value.toBool();
    } else {
        const double number = value.toDouble();
        if (!value.isDouble() || std::trunc(number) != number || number < 0 || number > MaxTimeoutMs)
            return keyError(key, QCoreApplication::translate("Http", "a whole number of milliseconds up to %1").arg(MaxTimeoutMs),
                            value);
        out = int(number);
    }
    return {};
}

Result<HttpHeader> headerFromJson(const QJsonValue &value, int position)
{
    const auto fail = [position](const QString &message) {
        return Error{QCoreApplication::translate("Http", "\"headers\" item %1: %2").arg(QString::number(position), message)};
    };
    if (!value.isObject())
        return fail(QCoreApplication::translate("Http", "must be an object {\"name\": ..., \"value\": ...}, got %1")
                        .arg(jsonTypeName(value)));
    const QJsonObject object = value.toObject();
    HttpHeader header;
    for (const Result<void> &step : {read(object, KeyName, header.name), read(object, KeyValue, header.value),
                                     read(object, KeyEnabled, header.enabled), read(object, KeyRedacted, header.redacted)}) {
        if (!step)
            return fail(step.error());
    }
    // Redacted means the value was left out: one written in by hand would be neither
    // shown nor sent, and dropped by the next save.
    if (header.redacted)
        header.value.clear();
    return header;
}

} // namespace

HttpHeaders HttpRequest::effectiveHeaders() const
{
    HttpHeaders result;
    bool hasContentType = false;
    for (const HttpHeader &h : headers) {
        if (!h.enabled || h.redacted)
            continue;
        hasContentType = hasContentType || h.name.compare(ContentTypeName, Qt::CaseInsensitive) == 0;
        result.append(h);
    }
    if (!hasContentType && !contentType.isEmpty())
        result.append(HttpHeader{ContentTypeName, contentType});
    return result;
}

QString HttpRequest::header(const QString &name) const
{
    for (const HttpHeader &h : headers) {
        if (h.enabled && h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

QString HttpResponse::header(const QString &name) const
{
    for (const HttpHeader &h : headers) {
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    }
    return {};
}

Result<void> validateRequest(const HttpRequest &request)
{
    if (!isToken(request.method)) {
        return Error{QCoreApplication::translate("Http", "method \"%1\": use a word like GET or POST (letters, digits "
                                                         "and !#$%&'*+-.^_`|~, no spaces)")
                         .arg(request.method)};
    }

    if (request.url.trimmed().isEmpty())
        return Error{QCoreApplication::translate("Http", "URL is empty: type an address like http://192.168.49.2/api")};
    const QUrl url(request.url, QUrl::StrictMode);
    if (!url.isValid()) {
        return Error{QCoreApplication::translate("Http", "URL \"%1\": not a valid address (%2)")
                         .arg(request.url, url.errorString())};
    }
    const QString scheme = url.scheme().toLower();
    if (scheme.isEmpty())
        return Error{QCoreApplication::translate("Http", "URL \"%1\": start it with http:// or https://").arg(request.url)};
    if (scheme != u"http" && scheme != u"https") {
        return Error{QCoreApplication::translate("Http", "URL \"%1\": only http:// and https:// are supported")
                         .arg(request.url)};
    }
    if (url.host().isEmpty()) {
        return Error{QCoreApplication::translate("Http", "URL \"%1\": the host name is missing (e.g. "
                                                         "http://192.168.49.2/)")
                         .arg(request.url)};
    }

    for (qsizetype i = 0; i < request.headers.size(); ++i) {
        const HttpHeader &h = request.headers.at(i);
        if (!h.enabled)
            continue;
        if (h.name.isEmpty())
            return Error{QCoreApplication::translate("Http", "header %1: the name is empty: type one or remove the line")
                             .arg(i + 1)};
        if (!isToken(h.name)) {
            return Error{QCoreApplication::translate("Http", "header name \"%1\": use letters, digits and "
                                                             "!#$%&'*+-.^_`|~ only (no spaces or colons)")
                             .arg(h.name)};
        }
        if (hasLineBreakOrNul(h.value))
            return Error{QCoreApplication::translate("Http", "header \"%1\": the value must not contain line breaks")
                             .arg(h.name)};
    }
    if (hasLineBreakOrNul(request.contentType))
        return Error{QCoreApplication::translate("Http", "content type \"%1\": must not contain line breaks")
                         .arg(request.contentType)};

    if (request.timeoutMs < 1 || request.timeoutMs > MaxTimeoutMs) {
        return Error{QCoreApplication::translate("Http", "timeout %1 ms: must be between 1 ms and 3600000 ms (1 hour)")
                         .arg(request.timeoutMs)};
    }
    return {};
}

bool isSecretHeader(const QString &name)
{
    for (const QLatin1String secret : {QLatin1String("Authorization"), QLatin1String("Proxy-Authorization"),
                                       QLatin1String("Cookie"), QLatin1String("Set-Cookie")}) {
        if (name.compare(secret, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QJsonObject exchangeToJson(const HttpExchange &exchange, bool keepSecrets)
{
    const HttpRequest &request = exchange.request;
    QJsonObject requestObject{
        {KeyMethod, request.method},
        {KeyUrl, request.url},
        {KeyHeaders, exportHeaders(request.effectiveHeaders(), keepSecrets)},
        {KeyTimeoutMs, request.timeoutMs},
        {KeyVerifyTls, request.verifyTls},
        {KeyFollowRedirects, request.followRedirects},
    };
    putExportBody(requestObject, request.body);

    QJsonObject root{
        {QStringLiteral("format"), QStringLiteral("pasarela-exchange")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("time"), exchange.startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("request"), requestObject},
    };
    if (!exchange.hasResponse()) {
        root.insert(QStringLiteral("error"), exchange.error);
        return root;
    }

    const HttpResponse &response = exchange.response;
    QJsonObject responseObject{
        {QStringLiteral("status"), response.status},
        {QStringLiteral("reason"), response.reason},
        {QStringLiteral("httpVersion"), response.httpVersion},
        {KeyUrl, response.finalUrl},
        {KeyHeaders, exportHeaders(response.headers, keepSecrets)},
        {QStringLiteral("timings"), QJsonObject{{QStringLiteral("firstByteMs"), response.firstByteMs},
                                                {QStringLiteral("totalMs"), response.totalMs}}},
        {QStringLiteral("size"), double(response.body.size())},
    };
    putExportBody(responseObject, response.body);
    root.insert(QStringLiteral("response"), responseObject);
    return root;
}

QByteArray exchangeDocument(const HttpExchange &exchange, bool keepSecrets)
{
    QJsonObject root = exchangeToJson(exchange, keepSecrets);
    // Each JSON body becomes a unique marker string, replaced by the source text below.
    const QString marker = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QList<std::pair<QByteArray, QByteArray>> splices;
    const auto mark = [&](const QString &key, const QByteArray &body) {
        QJsonObject part = root.value(key).toObject();
        if (!part.value(KeyBodyIsJson).toBool())
            return;
        const QString token = marker + key;
        part.insert(KeyBody, token);
        root.insert(key, part);
        splices.append({'"' + token.toUtf8() + '"', body.startsWith("\xef\xbb\xbf") ? body.mid(3) : body});
    };
    mark(QStringLiteral("request"), exchange.request.body);
    if (exchange.hasResponse())
        mark(QStringLiteral("response"), exchange.response.body);

    QByteArray text = QJsonDocument(root).toJson(QJsonDocument::Indented);
    for (const auto &[token, body] : splices) {
        const qsizetype at = text.indexOf(token);
        const qsizetype lineStart = text.lastIndexOf('\n', at) + 1;
        qsizetype base = 0;
        while (text.at(lineStart + base) == ' ')
            ++base;
        // pretty() indents by two spaces and Qt by four: every line break in pretty
        // output is structural (strings cannot hold a raw one), so re-indent per line.
        const QList<QByteArray> lines = JsonTree::pretty(body).split('\n');
        QByteArray spliced = lines.constFirst();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            qsizetype depth = 0;
            while (depth < line.size() && line.at(depth) == ' ')
                ++depth;
            spliced += '\n' + QByteArray(base + 2 * depth, ' ') + line.mid(depth);
        }
        text.replace(at, token.size(), spliced);
    }
    return text;
}

QJsonObject requestToJson(const HttpRequest &request, bool keepSecrets)
{
    QJsonArray headers;
    for (const HttpHeader &h : request.headers) {
        const bool hide = h.redacted || (!keepSecrets && isSecretHeader(h.name) && !h.value.isEmpty() && !hasPlaceholder(h.value));
        QJsonObject object{{KeyName, h.name}, {KeyValue, hide ? QString() : h.value}, {KeyEnabled, h.enabled}};
        if (hide)
            object.insert(KeyRedacted, true);
        headers.append(object);
    }
    QJsonObject object{
        {KeyMethod, request.method},
        {KeyUrl, request.url},
        {KeyHeaders, headers},
        {KeyContentType, request.contentType},
        {KeyTimeoutMs, request.timeoutMs},
        {KeyVerifyTls, request.verifyTls},
        {KeyFollowRedirects, request.followRedirects},
    };
    putExactBody(object, request.body);
    return object;
}

Result<HttpRequest> requestFromJson(const QJsonObject &object)
{
    HttpRequest request;
    QString body;
    QString encoding;
    for (const Result<void> &step :
         {read(object, KeyMethod, request.method), read(object, KeyUrl, request.url), read(object, KeyBody, body),
          read(object, KeyBodyEncoding, encoding), read(object, KeyContentType, request.contentType),
          read(object, KeyTimeoutMs, request.timeoutMs), read(object, KeyVerifyTls, request.verifyTls),
          read(object, KeyFollowRedirects, request.followRedirects)}) {
        if (!step)
            return Error{step.error()};
    }

    if (encoding == Base64) {
        auto decoded = QByteArray::fromBase64Encoding(body.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return Error{QCoreApplication::translate("Http", "\"body\" is marked base64 but is not valid base64")};
        request.body = std::move(*decoded);
    } else if (encoding.isEmpty() || encoding == u"text") {
        request.body = body.toUtf8();
    } else {
        return Error{QCoreApplication::translate("Http", "\"bodyEncoding\" must be \"base64\" or \"text\", got \"%1\"")
                         .arg(encoding)};
    }

    const QJsonValue headers = object.value(KeyHeaders);
    if (!headers.isUndefined() && !headers.isArray())
        return keyError(KeyHeaders, QCoreApplication::translate("Http", "a list"), headers);
    const QJsonArray items = headers.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Result<HttpHeader> header = headerFromJson(items.at(i), int(i + 1));
        if (!header)
            return Error{header.error()};
        request.headers.append(header.value());
    }
    return request;
}
