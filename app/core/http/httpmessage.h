#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "result.h"

// One header line. Disabled headers stay in the request (the window shows them
// unticked) but are not sent, not exported and not part of the curl command.
struct HttpHeader
{
    QString name;
    QString value;
    bool enabled = true;
    // Loaded from history without its value (Authorization, Cookie...): the user
    // must type it again. Never sent while set.
    bool redacted = false;

    friend bool operator==(const HttpHeader &a, const HttpHeader &b)
    {
        return a.name == b.name && a.value == b.value && a.enabled == b.enabled && a.redacted == b.redacted;
    }
};
using HttpHeaders = QList<HttpHeader>;

// What the user asks for, as typed in the window or on the command line.
struct HttpRequest
{
    static constexpr int DefaultTimeoutMs = 30000;

    QString method = QStringLiteral("GET");  // GET POST PUT PATCH DELETE HEAD OPTIONS (any token is accepted)
    QString url;                              // http:// or https://
    HttpHeaders headers;                      // in order; a Host header is sent as given
    QByteArray body;
    // Sent as Content-Type when no enabled Content-Type header is in `headers`;
    // empty: none.
    QString contentType;
    int timeoutMs = DefaultTimeoutMs;         // whole exchange, connect to last byte
    bool verifyTls = true;
    bool followRedirects = true;

    // The headers that go on the wire: enabled, not redacted, plus Content-Type
    // from `contentType` when not given as a header.
    HttpHeaders effectiveHeaders() const;
    // The first enabled header with this name (case-insensitive), or an empty string.
    QString header(const QString &name) const;

    friend bool operator==(const HttpRequest &a, const HttpRequest &b)
    {
        return a.method == b.method && a.url == b.url && a.headers == b.headers && a.body == b.body
               && a.contentType == b.contentType && a.timeoutMs == b.timeoutMs
               && a.verifyTls == b.verifyTls && a.followRedirects == b.followRedirects;
    }
};

// Checks what can be checked before sending: method token, absolute http(s) URL
// with a host, header names, timeout 1 ms..1 h. Errors name the field.
Result<void> validateRequest(const HttpRequest &request);

struct HttpResponse
{
    int status = 0;            // 200
    QString reason;            // "OK" (empty on HTTP/2)
    QString httpVersion;       // "1.1", "2"
    HttpHeaders headers;       // as received, in order
    QByteArray body;           // as delivered (gzip/deflate already decoded)
    QString finalUrl;          // after redirects; equals the request's URL otherwise
    double firstByteMs = 0;    // send to the first byte of the response
    double totalMs = 0;        // send to the last byte
    QString header(const QString &name) const;
};

// Why no response arrived.
enum class HttpFailure {
    None,
    InvalidRequest,  // validateRequest failed
    Refused,         // "connection refused by HOST:PORT"
    HostNotFound,    // "host NAME not found"
    Timeout,         // "timed out after N ms"
    Tls,             // "TLS: certificate is self-signed ... (turn off certificate verification ...)"
    Closed,          // the server closed the connection before a complete response
    Canceled,        // the user canceled
    Other,           // anything else, with Qt's message
};

// One request and what came of it: a response, or a failure with its message.
struct HttpExchange
{
    QDateTime startedAt;       // UTC
    HttpRequest request;
    HttpResponse response;     // valid when failure == None
    HttpFailure failure = HttpFailure::None;
    QString error;             // for the user, when failure != None

    bool hasResponse() const { return failure == HttpFailure::None; }
};

// Header names whose values are secrets: Authorization, Proxy-Authorization,
// Cookie, Set-Cookie (case-insensitive).
bool isSecretHeader(const QString &name);

// The exchange file the window's "Export exchange" and `request --export` write:
// {"format":"pasarela-exchange","version":1,"time":ISO-8601 UTC,
//  "request":{"method","url","headers":[{"name","value"}],"body":..., "timeoutMs","verifyTls","followRedirects"},
//  "response":{"status","reason","httpVersion","url","headers":[...],
//              "timings":{"firstByteMs","totalMs"},"size","bodyIsJson","body":...},
//  "error": "..." (instead of "response" when none arrived)}
// Bodies are JSON values when they parse as JSON, text when valid UTF-8, otherwise
// base64 with "bodyEncoding":"base64". Secret header values become "<redacted>"
// unless keepSecrets or they hold a {{variable}} (the secret is then the variable's).
QJsonObject exchangeToJson(const HttpExchange &exchange, bool keepSecrets);
// The exchange file as written to disk: exchangeToJson indented, with JSON bodies
// put back as the server sent them (QJsonValue would sort keys and round big
// integers).
QByteArray exchangeDocument(const HttpExchange &exchange, bool keepSecrets);

// A request as stored in history (all fields, bodies as text or base64); secret
// header values are left out and marked "redacted" unless keepSecrets or they hold a
// {{variable}}.
QJsonObject requestToJson(const HttpRequest &request, bool keepSecrets);
Result<HttpRequest> requestFromJson(const QJsonObject &object);
