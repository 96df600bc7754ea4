#include "requestexport.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

namespace RequestExport {

namespace {

QString headerValue(const QPair<QByteArray, QByteArray> &header, bool keepSecrets)
{
    const QString name = QString::fromLatin1(header.first);
    return !keepSecrets && isSecretHeader(name) ? QString() : QString::fromUtf8(header.second);
}

QJsonArray headersJson(const QList<QPair<QByteArray, QByteArray>> &headers, bool keepSecrets)
{
    QJsonArray array;
    for (const auto &header : headers)
        array.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(header.first)},
                                 {QStringLiteral("value"), headerValue(header, keepSecrets)}});
    return array;
}

// HAR's response content: the captured body as text when it came whole, uncompressed
// and in UTF-8; else its size alone, and why.
QJsonObject harContent(const InspectedRequest &r, bool answered)
{
    QJsonObject content{{QStringLiteral("size"), answered ? r.responseBodySize : 0},
                        {QStringLiteral("mimeType"), r.contentType}};
    if (!r.captured || !answered || r.responseBody.isEmpty())
        return content;
    const bool whole = r.responseBody.size() == r.responseBodySize;
    const QList<QPair<QByteArray, QByteArray>> headers = r.responseHeaders();
    const bool coded = std::any_of(headers.cbegin(), headers.cend(), [](const auto &h) {
        return h.first.compare("Content-Encoding", Qt::CaseInsensitive) == 0 && h.second != "identity";
    });
    const QString text = QString::fromUtf8(r.responseBody);
    if (whole && !coded && text.toUtf8() == r.responseBody)
        content.insert(QStringLiteral("text"), text);
    else
        content.insert(QStringLiteral("comment"), whole ? QStringLiteral("the body is compressed or not UTF-8: left out")
                                                        : QStringLiteral("only the first bytes were captured: left out"));
    return content;
}

QString clientText(const RequestRecord &record)
{
    const QString address = record.clientAddress.toString();
    return (record.clientAddress.protocol() == QAbstractSocket::IPv6Protocol ? u'[' % address % u']' : address)
           % u':' % QString::number(record.clientPort);
}

QJsonValue knownMs(qint64 ms)
{
    return ms >= 0 ? QJsonValue(ms) : QJsonValue();
}

bool isAbsoluteForm(const QString &target)
{
    return target.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
           || target.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

QString harUrl(const RequestRecord &record)
{
    const InspectedRequest &r = record.request;
    if (isAbsoluteForm(r.target))
        return r.target;
    QString host = r.host;
    if (host.isEmpty()) {
        const QString address = record.listenAddress.toString();
        host = (record.listenAddress.protocol() == QAbstractSocket::IPv6Protocol ? u'[' % address % u']' : address)
               % u':' % QString::number(record.listenPort);
    }
    // Authority-form (CONNECT) and "*" have no path to append.
    return QStringLiteral("http://") % host % (r.target.startsWith(u'/') ? r.target : QString());
}

QJsonArray queryString(const QString &target)
{
    QJsonArray array;
    const qsizetype mark = target.indexOf(u'?');
    if (mark < 0)
        return array;
    const QString query = target.mid(mark + 1).section(u'#', 0, 0);
    for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(u'=');
        const QString name = equals < 0 ? pair : pair.left(equals);
        const QString value = equals < 0 ? QString() : pair.mid(equals + 1);
        const auto decode = [](QString text) {
            return QUrl::fromPercentEncoding(text.replace(u'+', u' ').toUtf8());
        };
        array.append(QJsonObject{{QStringLiteral("name"), decode(name)}, {QStringLiteral("value"), decode(value)}});
    }
    return array;
}

QJsonObject harEntry(const RequestRecord &record, const RuleNames &ruleName, bool keepSecrets)
{
    const InspectedRequest &r = record.request;
    const bool answered = r.status != 0;
    const qint64 wait = std::max<qint64>(0, r.firstByteMs);
    const qint64 receive = r.totalMs >= 0 && r.firstByteMs >= 0 ? std::max<qint64>(0, r.totalMs - r.firstByteMs) : 0;
    QJsonObject timings{{QStringLiteral("blocked"), -1}, {QStringLiteral("dns"), -1},
                        {QStringLiteral("connect"), -1}, {QStringLiteral("ssl"), -1},
                        {QStringLiteral("send"), 0},     {QStringLiteral("wait"), wait},
                        {QStringLiteral("receive"), receive}};
    // HAR wants wait and receive as numbers >= 0; say when 0 stands for "not seen".
    if (r.firstByteMs < 0)
        timings.insert(QStringLiteral("comment"), QStringLiteral("no response byte seen: wait and receive unknown"));
    else if (r.totalMs < 0)
        timings.insert(QStringLiteral("comment"), QStringLiteral("the response did not end: receive unknown"));

    const QJsonObject request{
        {QStringLiteral("method"), r.method},
        {QStringLiteral("url"), harUrl(record)},
        {QStringLiteral("httpVersion"), r.version},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("headers"), headersJson(r.headers(), keepSecrets)},
        {QStringLiteral("queryString"), queryString(r.target)},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), r.requestBodySize},
    };
    QJsonObject response{
        {QStringLiteral("status"), r.status},
        {QStringLiteral("statusText"), answered ? r.reason : QString()},
        {QStringLiteral("httpVersion"), answered ? r.version : QString()},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("headers"), headersJson(r.responseHeaders(), keepSecrets)},
        {QStringLiteral("content"), harContent(r, answered)},
        {QStringLiteral("redirectURL"), QString()},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), answered ? r.responseBodySize : -1},
    };
    if (!r.captured)  // headless, or the window before it asked for captures
        response.insert(QStringLiteral("comment"), QStringLiteral("response headers were not captured"));
    QJsonObject entry{
        {QStringLiteral("startedDateTime"), record.startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("time"), wait + receive},
        {QStringLiteral("request"), request},
        {QStringLiteral("response"), response},
        {QStringLiteral("cache"), QJsonObject()},
        {QStringLiteral("timings"), timings},
        {QStringLiteral("connection"), QString::number(record.connectionId)},
        {QStringLiteral("_rule"), ruleName ? ruleName(record.ruleId) : QString::number(record.ruleId)},
        {QStringLiteral("_client"), clientText(record)},
    };
    if (!record.listenAddress.isNull())
        entry.insert(QStringLiteral("serverIPAddress"), record.listenAddress.toString());
    return entry;
}

// Headers that belong to one hop, plus those the Connection header names.
QSet<QString> hopByHop(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QSet<QString> names{QStringLiteral("connection"), QStringLiteral("keep-alive"), QStringLiteral("transfer-encoding"),
                        QStringLiteral("te"), QStringLiteral("upgrade"), QStringLiteral("content-length"),
                        QStringLiteral("expect"), QStringLiteral("trailer")};
    for (const auto &header : headers) {
        if (header.first.compare("connection", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &token : header.second.split(','))
            names.insert(QString::fromLatin1(token.trimmed()).toLower());
    }
    return names;
}

} // namespace

QByteArray requestsJson(const QList<RequestRecord> &records, const RuleNames &ruleName, bool keepSecrets)
{
    QJsonArray array;
    for (const RequestRecord &record : records) {
        const InspectedRequest &r = record.request;
        array.append(QJsonObject{
            {QStringLiteral("time"), record.startedAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("rule"), ruleName ? ruleName(record.ruleId) : QString::number(record.ruleId)},
            {QStringLiteral("client"), clientText(record)},
            {QStringLiteral("connection"), qint64(record.connectionId)},
            {QStringLiteral("method"), r.method},
            {QStringLiteral("host"), r.host},
            {QStringLiteral("target"), r.target},
            {QStringLiteral("version"), r.version},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("reason"), r.reason},
            {QStringLiteral("contentType"), r.contentType},
            {QStringLiteral("requestBodySize"), r.requestBodySize},
            {QStringLiteral("responseBodySize"), r.responseBodySize},
            {QStringLiteral("firstByteMs"), knownMs(r.firstByteMs)},
            {QStringLiteral("totalMs"), knownMs(r.totalMs)},
            {QStringLiteral("complete"), r.complete},
            {QStringLiteral("headers"), headersJson(r.headers(), keepSecrets)},
        });
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray requestsHar(const QList<RequestRecord> &records, const RuleNames &ruleName, bool keepSecrets)
{
    QJsonArray entries;
    for (const RequestRecord &record : records)
        entries.append(harEntry(record, ruleName, keepSecrets));
    const QJsonObject log{
        {QStringLiteral("version"), QStringLiteral("1.2")},
        {QStringLiteral("creator"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Pasarela")},
                                                {QStringLiteral("version"), QStringLiteral(PASARELA_VERSION)}}},
        {QStringLiteral("pages"), QJsonArray()},
        {QStringLiteral("entries"), entries},
    };
    return QJsonDocument(QJsonObject{{QStringLiteral("log"), log}}).toJson(QJsonDocument::Indented);
}

HttpRequest replayRequest(const RequestRecord &record)
{
    const InspectedRequest &r = record.request;
    QHostAddress address = record.listenAddress;
    if (address.isNull() || address == QHostAddress::AnyIPv4)
        address = QHostAddress::LocalHost;
    else if (address == QHostAddress::AnyIPv6)
        address = QHostAddress::LocalHostIPv6;
    else if (address.protocol() == QAbstractSocket::IPv6Protocol && address.isEqual(QHostAddress(address.toIPv4Address())))
        address = QHostAddress(address.toIPv4Address());  // ::ffff:a.b.c.d from a dual-stack listener
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' % address.toString() % u']'
                                                                             : address.toString();
    QString path = r.target;
    if (isAbsoluteForm(path)) {
        const QUrl url(path);
        path = url.path(QUrl::FullyEncoded);
        if (url.hasQuery())
            path += u'?' % url.query(QUrl::FullyEncoded);
    }
    // Authority-form (CONNECT) and "*" cannot be sent again as they were.
    if (!path.startsWith(u'/'))
        path = QStringLiteral("/");

    HttpRequest request;
    request.method = r.method;
    request.url = QStringLiteral("http://") % host % u':' % QString::number(record.listenPort) % path;
    // Parsed once from the kept head: for the hop-by-hop names and for the copy.
    const QList<QPair<QByteArray, QByteArray>> headers = r.headers();
    const QSet<QString> dropped = hopByHop(headers);
    bool hasHost = false;
    for (const auto &header : headers) {
        const QString name = QString::fromLatin1(header.first);
        const QString lower = name.toLower();
        if (dropped.contains(lower) || lower.startsWith(QLatin1String("proxy-")))
            continue;
        hasHost = hasHost || lower == u"host";
        request.headers.append(HttpHeader{name, QString::fromUtf8(header.second)});
    }
    if (!hasHost && !r.host.isEmpty())
        request.headers.prepend(HttpHeader{QStringLiteral("Host"), r.host});
    if (!replayLacksBody(record))
        request.body = r.requestBody;
    return request;
}

bool replayLacksBody(const RequestRecord &record)
{
    const InspectedRequest &r = record.request;
    return r.requestBodySize > 0 && (!r.captured || r.requestBody.size() != r.requestBodySize);
}

ComparedAnswer capturedAnswer(const RequestRecord &record)
{
    const InspectedRequest &r = record.request;
    ComparedAnswer answer;
    answer.response.status = r.status;
    answer.response.reason = r.reason;
    if (!r.captured)
        return answer;
    // "HTTP/1.1 200 OK": the version as HttpResponse words it, "1.1".
    answer.response.httpVersion = QString::fromLatin1(r.responseHead.left(r.responseHead.indexOf(' ')).mid(5));
    for (const auto &field : r.responseHeaders())
        answer.response.headers.append(HttpHeader{QString::fromLatin1(field.first), QString::fromUtf8(field.second)});
    answer.response.body = r.responseBody;
    answer.bodyCut = r.responseBody.size() < r.responseBodySize;
    return answer;
}

} // namespace RequestExport
