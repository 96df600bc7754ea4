#include <functional>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "checks.h"
#include "http/httpmessage.h"

using namespace Qt::StringLiterals;

namespace {

using Change = std::function<void(HttpRequest &)>;

HttpRequest validRequest()
{
    HttpRequest request;
    request.url = u"http://192.168.49.2:31042/api/items?x=1"_s;
    request.headers = {{u"Host"_s, u"api.local"_s}};
    return request;
}

QJsonObject headerObject(const QString &name, const QString &value)
{
    return QJsonObject{{u"name"_s, name}, {u"value"_s, value}};
}

// Through the bytes of a file, as history does.
QJsonObject throughFile(const QJsonObject &object)
{
    return QJsonDocument::fromJson(QJsonDocument(object).toJson(QJsonDocument::Compact)).object();
}

HttpExchange sampleExchange()
{
    HttpExchange exchange;
    exchange.startedAt = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7, 89), Qt::UTC);
    exchange.request.method = u"POST"_s;
    exchange.request.url = u"https://api.local/login"_s;
    exchange.request.headers = {{u"Authorization"_s, u"Bearer s3cr3t"_s},
                                {u"X-Off"_s, u"not sent"_s, false},
                                {u"Cookie"_s, u"sid=abc"_s}};
    exchange.request.contentType = u"application/json"_s;
    exchange.request.body = R"({"user": "ana", "n": 1})";
    exchange.response.status = 200;
    exchange.response.reason = u"OK"_s;
    exchange.response.httpVersion = u"1.1"_s;
    exchange.response.finalUrl = u"https://api.local/home"_s;
    exchange.response.headers = {{u"Set-Cookie"_s, u"sid=new"_s}, {u"Content-Type"_s, u"text/plain"_s}};
    exchange.response.body = "h\xc3\xa9llo";
    exchange.response.firstByteMs = 1.5;
    exchange.response.totalMs = 3.25;
    return exchange;
}

} // namespace

class TestHttpMessage final : public QObject
{
    Q_OBJECT

private slots:
    void validate_data();
    void validate();
    void effectiveHeaders();
    void headerLookup();
    void secretHeaders_data();
    void secretHeaders();
    void exportExchange();
    void exportKeepsSecretsOnRequest();
    void exportBodies_data();
    void exportBodies();
    void exportFailure();
    void exportDocumentKeepsJsonAsSent();
    void requestRoundTrip_data();
    void requestRoundTrip();
    void requestRedaction();
    void requestFromJsonErrors_data();
    void requestFromJsonErrors();
    void requestFromJsonDefaults();
};

void TestHttpMessage::validate_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("error");  // empty: valid

    QTest::newRow("valid") << Change([](HttpRequest &) {}) << QString();
    QTest::newRow("https, custom method") << Change([](HttpRequest &r) {
        r.url = u"HTTPS://[::1]:8443/"_s;
        r.method = u"PROPFIND"_s;
    }) << QString();
    QTest::newRow("method with space") << Change([](HttpRequest &r) { r.method = u"GET X"_s; })
                                       << u"method \"GET X\": use a word like GET or POST"_s;
    QTest::newRow("empty method") << Change([](HttpRequest &r) { r.method.clear(); }) << u"method \"\":"_s;
    QTest::newRow("empty URL") << Change([](HttpRequest &r) { r.url = u"  "_s; }) << u"URL is empty"_s;
    QTest::newRow("ftp") << Change([](HttpRequest &r) { r.url = u"ftp://x"_s; })
                         << u"URL \"ftp://x\": only http:// and https:// are supported"_s;
    QTest::newRow("no scheme") << Change([](HttpRequest &r) { r.url = u"/api/items"_s; })
                               << u"URL \"/api/items\": start it with http:// or https://"_s;
    QTest::newRow("no host") << Change([](HttpRequest &r) { r.url = u"http:///x"_s; })
                             << u"URL \"http:///x\": the host name is missing"_s;
    QTest::newRow("bad host") << Change([](HttpRequest &r) { r.url = u"http://a b/"_s; }) << u"URL \"http://a b/\": not a valid address"_s;
    QTest::newRow("bad port") << Change([](HttpRequest &r) { r.url = u"http://host:99999/"_s; })
                              << u"URL \"http://host:99999/\": not a valid address"_s;
    QTest::newRow("empty header name") << Change([](HttpRequest &r) { r.headers.append({QString(), u"v"_s}); })
                                       << u"header 2: the name is empty"_s;
    QTest::newRow("header name with colon") << Change([](HttpRequest &r) { r.headers.append({u"X-A:"_s, u"v"_s}); })
                                            << u"header name \"X-A:\": use letters"_s;
    QTest::newRow("header value with newline")
        << Change([](HttpRequest &r) { r.headers.append({u"X-A"_s, u"a\r\nInjected: 1"_s}); })
        << u"header \"X-A\": the value must not contain line breaks"_s;
    QTest::newRow("disabled bad header ignored") << Change([](HttpRequest &r) { r.headers.append({u"bad name"_s, u"\n"_s, false}); })
                                                 << QString();
    QTest::newRow("content type with newline") << Change([](HttpRequest &r) { r.contentType = u"text/plain\nX: y"_s; })
                                               << u"content type \"text/plain\nX: y\": must not contain line breaks"_s;
    QTest::newRow("timeout 0") << Change([](HttpRequest &r) { r.timeoutMs = 0; })
                               << u"timeout 0 ms: must be between 1 ms and 3600000 ms"_s;
    QTest::newRow("timeout over an hour") << Change([](HttpRequest &r) { r.timeoutMs = 3600001; }) << u"timeout 3600001 ms"_s;
    QTest::newRow("timeout an hour") << Change([](HttpRequest &r) { r.timeoutMs = 3600000; }) << QString();
}

void TestHttpMessage::validate()
{
    QFETCH(Change, change);
    QFETCH(QString, error);
    HttpRequest request = validRequest();
    change(request);
    const Result<void> result = validateRequest(request);
    if (error.isEmpty()) {
        QVERIFY_RESULT(result);
    } else {
        QVERIFY(!result.ok());
        QVERIFY2(result.error().startsWith(error), qPrintable(result.error()));
    }
}

void TestHttpMessage::effectiveHeaders()
{
    HttpRequest request;
    request.headers = {{u"Host"_s, u"a"_s}, {u"X-Off"_s, u"b"_s, false}, {u"Authorization"_s, QString(), true, true}};
    request.contentType = u"application/json"_s;
    QCOMPARE(request.effectiveHeaders(),
             (HttpHeaders{{u"Host"_s, u"a"_s}, {u"Content-Type"_s, u"application/json"_s}}));

    // An enabled header wins over the field; a disabled one does not.
    request.headers.append({u"content-type"_s, u"text/plain"_s, false});
    QCOMPARE(request.effectiveHeaders().size(), 2);
    QCOMPARE(request.effectiveHeaders().last().value, u"application/json"_s);
    request.headers.last().enabled = true;
    QCOMPARE(request.effectiveHeaders(), (HttpHeaders{{u"Host"_s, u"a"_s}, {u"content-type"_s, u"text/plain"_s}}));

    request.contentType.clear();
    request.headers.removeLast();
    QCOMPARE(request.effectiveHeaders(), (HttpHeaders{{u"Host"_s, u"a"_s}}));
}

void TestHttpMessage::headerLookup()
{
    HttpRequest request;
    request.headers = {{u"X-A"_s, u"off"_s, false}, {u"x-a"_s, u"first"_s}, {u"X-A"_s, u"second"_s}};
    QCOMPARE(request.header(u"X-a"_s), u"first"_s);
    QCOMPARE(request.header(u"X-B"_s), QString());

    HttpResponse response;
    response.headers = {{u"Content-Type"_s, u"application/json"_s}, {u"content-type"_s, u"other"_s}};
    QCOMPARE(response.header(u"CONTENT-TYPE"_s), u"application/json"_s);
    QCOMPARE(response.header(u"Server"_s), QString());
}

void TestHttpMessage::secretHeaders_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("secret");
    QTest::newRow("Authorization") << u"Authorization"_s << true;
    QTest::newRow("lower case") << u"authorization"_s << true;
    QTest::newRow("Proxy-Authorization") << u"Proxy-Authorization"_s << true;
    QTest::newRow("Cookie") << u"COOKIE"_s << true;
    QTest::newRow("Set-Cookie") << u"set-cookie"_s << true;
    QTest::newRow("Host") << u"Host"_s << false;
    QTest::newRow("Cookie2 is not Cookie") << u"Cookie2"_s << false;
}

void TestHttpMessage::secretHeaders()
{
    QFETCH(QString, name);
    QFETCH(bool, secret);
    QCOMPARE(isSecretHeader(name), secret);
}

void TestHttpMessage::exportExchange()
{
    const QJsonObject root = exchangeToJson(sampleExchange(), false);
    QCOMPARE(root.value(u"format"_s).toString(), u"pasarela-exchange"_s);
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    QCOMPARE(root.value(u"time"_s).toString(), u"2026-03-04T05:06:07.089Z"_s);
    QVERIFY(!root.contains(u"error"_s));

    const QJsonObject request = root.value(u"request"_s).toObject();
    QCOMPARE(request.value(u"method"_s).toString(), u"POST"_s);
    QCOMPARE(request.value(u"url"_s).toString(), u"https://api.local/login"_s);
    // Disabled headers are not exported; Content-Type from the field is.
    QCOMPARE(request.value(u"headers"_s).toArray(),
             (QJsonArray{headerObject(u"Authorization"_s, u"<redacted>"_s), headerObject(u"Cookie"_s, u"<redacted>"_s),
                         headerObject(u"Content-Type"_s, u"application/json"_s)}));
    QCOMPARE(request.value(u"body"_s).toObject(), (QJsonObject{{u"user"_s, u"ana"_s}, {u"n"_s, 1}}));
    QCOMPARE(request.value(u"timeoutMs"_s).toInt(), HttpRequest::DefaultTimeoutMs);
    QCOMPARE(request.value(u"verifyTls"_s).toBool(false), true);
    QCOMPARE(request.value(u"followRedirects"_s).toBool(false), true);

    const QJsonObject response = root.value(u"response"_s).toObject();
    QCOMPARE(response.value(u"status"_s).toInt(), 200);
    QCOMPARE(response.value(u"reason"_s).toString(), u"OK"_s);
    QCOMPARE(response.value(u"httpVersion"_s).toString(), u"1.1"_s);
    QCOMPARE(response.value(u"url"_s).toString(), u"https://api.local/home"_s);
    QCOMPARE(response.value(u"headers"_s).toArray(),
             (QJsonArray{headerObject(u"Set-Cookie"_s, u"<redacted>"_s), headerObject(u"Content-Type"_s, u"text/plain"_s)}));
    QCOMPARE(response.value(u"timings"_s).toObject(), (QJsonObject{{u"firstByteMs"_s, 1.5}, {u"totalMs"_s, 3.25}}));
    QCOMPARE(response.value(u"size"_s).toInt(), 6);
    QCOMPARE(response.value(u"bodyIsJson"_s).toBool(true), false);
    QCOMPARE(response.value(u"body"_s).toString(), u"h\u00e9llo"_s);
    QVERIFY(!response.contains(u"bodyEncoding"_s));

    const QByteArray file = QJsonDocument(root).toJson();
    QVERIFY(!file.contains("s3cr3t"));
    QVERIFY(!file.contains("sid="));
}

void TestHttpMessage::exportKeepsSecretsOnRequest()
{
    const QJsonObject root = exchangeToJson(sampleExchange(), true);
    const QJsonArray headers = root.value(u"request"_s).toObject().value(u"headers"_s).toArray();
    QCOMPARE(headers.at(0).toObject(), headerObject(u"Authorization"_s, u"Bearer s3cr3t"_s));
    QCOMPARE(root.value(u"response"_s).toObject().value(u"headers"_s).toArray().at(0).toObject(),
             headerObject(u"Set-Cookie"_s, u"sid=new"_s));
}

void TestHttpMessage::exportBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QJsonValue>("expected");
    QTest::addColumn<bool>("isJson");
    QTest::addColumn<QString>("encoding");

    QTest::newRow("array") << QByteArray("[1, \"two\", null]") << QJsonValue(QJsonArray{1, u"two"_s, QJsonValue()}) << true << QString();
    QTest::newRow("JSON number") << QByteArray(" 42 ") << QJsonValue(42) << true << QString();
    QTest::newRow("JSON string") << QByteArray("\"x\"") << QJsonValue(u"x"_s) << true << QString();
    QTest::newRow("BOM") << QByteArray("\xef\xbb\xbf{\"a\": 1}") << QJsonValue(QJsonObject{{u"a"_s, 1}}) << true << QString();
    QTest::newRow("leading zero") << QByteArray("[01]") << QJsonValue(u"[01]"_s) << false << QString();
    QTest::newRow("JSON null") << QByteArray("null") << QJsonValue(QJsonValue::Null) << true << QString();
    QTest::newRow("almost JSON") << QByteArray("[1,]") << QJsonValue(u"[1,]"_s) << false << QString();
    QTest::newRow("two values") << QByteArray("1,2") << QJsonValue(u"1,2"_s) << false << QString();
    QTest::newRow("empty") << QByteArray() << QJsonValue(QString()) << false << QString();
    QTest::newRow("html") << QByteArray("<p>hi</p>") << QJsonValue(u"<p>hi</p>"_s) << false << QString();
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\xff", 10) << QJsonValue(u"iVBORw0KGgoA/w=="_s) << false << u"base64"_s;
    QTest::newRow("latin-1") << QByteArray("caf\xe9") << QJsonValue(u"Y2Fm6Q=="_s) << false << u"base64"_s;
}

void TestHttpMessage::exportBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QJsonValue, expected);
    QFETCH(bool, isJson);
    QFETCH(QString, encoding);

    HttpExchange exchange = sampleExchange();
    exchange.response.body = body;
    const QJsonObject response = exchangeToJson(exchange, false).value(u"response"_s).toObject();
    QCOMPARE(response.value(u"body"_s), expected);
    QCOMPARE(response.value(u"bodyIsJson"_s).toBool(!isJson), isJson);
    QCOMPARE(response.value(u"bodyEncoding"_s).toString(), encoding);
    QCOMPARE(response.value(u"size"_s).toInt(), body.size());
}

void TestHttpMessage::exportDocumentKeepsJsonAsSent()
{
    HttpExchange exchange = sampleExchange();
    exchange.request.body = R"({"z": 1, "a": [true, null]})";
    exchange.response.body = "\xef\xbb\xbf{\"id\": 9007199254740993, \"b\": {}, \"a\": \"\\u00e9\"}";
    const QByteArray document = exchangeDocument(exchange, false);

    // Keys in server order, the big integer and the escape byte for byte.
    QVERIFY2(document.contains("\"id\": 9007199254740993,\n"), document.constData());
    QVERIFY(document.indexOf("\"id\"") < document.indexOf("\"b\": {}"));
    QVERIFY(document.contains("\"a\": \"\\u00e9\""));
    QVERIFY(document.indexOf("\"z\": 1") < document.indexOf("\"a\": ["));
    // Still one valid document, indented like the rest, equal in content to exchangeToJson.
    QJsonParseError error{};
    const QJsonDocument parsed = QJsonDocument::fromJson(document, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(parsed.object(), exchangeToJson(exchange, false));
    QVERIFY2(document.contains("\n        \"body\": {\n            \"z\": 1,\n"), document.constData());
}

void TestHttpMessage::exportFailure()
{
    HttpExchange exchange = sampleExchange();
    exchange.failure = HttpFailure::Refused;
    exchange.error = u"connection refused by api.local:443"_s;
    const QJsonObject root = exchangeToJson(exchange, false);
    QCOMPARE(root.value(u"error"_s).toString(), exchange.error);
    QVERIFY(!root.contains(u"response"_s));
    QVERIFY(root.value(u"request"_s).isObject());
}

void TestHttpMessage::requestRoundTrip_data()
{
    QTest::addColumn<HttpRequest>("request");

    QTest::newRow("default") << HttpRequest();
    HttpRequest full;
    full.method = u"PATCH"_s;
    full.url = u"https://user@host:8443/p?q=\u00e9#f"_s;
    full.headers = {{u"Host"_s, u"api.local"_s}, {u"X-Off"_s, u"v"_s, false}, {u"Authorization"_s, QString(), true, true},
                    {u"Cookie"_s, u"a=1"_s}};
    full.contentType = u"application/json; charset=utf-8"_s;
    full.timeoutMs = 1500;
    full.verifyTls = false;
    full.followRedirects = false;
    full.body = "{ \"b\":1,   \"a\" : 1.50e+2 }\n";
    QTest::newRow("everything, JSON body kept byte for byte") << full;

    const QList<QPair<const char *, QByteArray>> bodies = {
        {"text with newlines", "line 1\r\nline 2\n\ttab \xe2\x82\xac"},
        {"BOM", "\xef\xbb\xbf{\"a\":1}"},
        {"NUL bytes", QByteArray("a\0b\0", 4)},
        {"invalid UTF-8", "\xc3\x28 broken"},
        {"lone surrogate encoded", "\xed\xa0\x80"},
        {"all bytes", [] {
             QByteArray bytes;
             for (int i = 0; i < 256; ++i)
                 bytes.append(char(i));
             return bytes;
         }()},
    };
    for (const auto &[name, body] : bodies) {
        HttpRequest request;
        request.method = u"POST"_s;
        request.url = u"http://h/"_s;
        request.body = body;
        QTest::newRow(name) << request;
    }
}

void TestHttpMessage::requestRoundTrip()
{
    QFETCH(HttpRequest, request);
    const Result<HttpRequest> back = requestFromJson(throughFile(requestToJson(request, true)));
    QVERIFY_RESULT(back);
    QCOMPARE(back.value().body, request.body);
    QVERIFY(back.value() == request);
}

void TestHttpMessage::requestRedaction()
{
    HttpRequest request;
    request.headers = {{u"Authorization"_s, u"Basic dTpw"_s}, {u"cookie"_s, u"sid=1"_s, false}, {u"X-Api"_s, u"k"_s}};
    const QJsonObject object = requestToJson(request, false);
    const QByteArray bytes = QJsonDocument(object).toJson();
    QVERIFY(!bytes.contains("dTpw"));
    QVERIFY(!bytes.contains("sid=1"));
    QCOMPARE(object.value(u"headers"_s).toArray().at(0).toObject(),
             (QJsonObject{{u"name"_s, u"Authorization"_s}, {u"value"_s, QString()}, {u"enabled"_s, true}, {u"redacted"_s, true}}));

    const Result<HttpRequest> back = requestFromJson(throughFile(object));
    QVERIFY_RESULT(back);
    QCOMPARE(back.value().headers,
             (HttpHeaders{{u"Authorization"_s, QString(), true, true}, {u"cookie"_s, QString(), false, true}, {u"X-Api"_s, u"k"_s}}));
    // Never sent while redacted.
    QCOMPARE(back.value().effectiveHeaders(), (HttpHeaders{{u"X-Api"_s, u"k"_s}}));

    // Caught by the tests/fuzz invariants: a value next to "redacted" (edited by hand) is dropped on load,
    // as the next save would drop it.
    const Result<HttpRequest> edited = requestFromJson(
        QJsonDocument::fromJson(R"({"headers": [{"name": "Authorization", "value": "x", "redacted": true}]})").object());
    QVERIFY_RESULT(edited);
    QCOMPARE(edited.value().headers, (HttpHeaders{{u"Authorization"_s, QString(), true, true}}));
}

void TestHttpMessage::requestFromJsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("method") << QByteArray(R"({"method": 1})") << u"\"method\" must be a string, got a number"_s;
    QTest::newRow("url") << QByteArray(R"({"url": null})") << u"\"url\" must be a string, got null"_s;
    QTest::newRow("timeout fraction") << QByteArray(R"({"timeoutMs": 1.5})") << u"\"timeoutMs\" must be a whole number"_s;
    QTest::newRow("timeout text") << QByteArray(R"({"timeoutMs": "1"})") << u"\"timeoutMs\" must be a whole number"_s;
    QTest::newRow("verifyTls") << QByteArray(R"({"verifyTls": "yes"})") << u"\"verifyTls\" must be true or false, got a string"_s;
    QTest::newRow("headers") << QByteArray(R"({"headers": {}})") << u"\"headers\" must be a list, got an object"_s;
    QTest::newRow("header item") << QByteArray(R"({"headers": [{"name": "a"}, 3]})") << u"\"headers\" item 2: must be an object"_s;
    QTest::newRow("header value") << QByteArray(R"({"headers": [{"name": "a", "value": false}]})")
                                  << u"\"headers\" item 1: \"value\" must be a string, got true or false"_s;
    QTest::newRow("body") << QByteArray(R"({"body": {"a": 1}})") << u"\"body\" must be a string, got an object"_s;
    QTest::newRow("base64") << QByteArray(R"({"body": "**", "bodyEncoding": "base64"})") << u"\"body\" is marked base64"_s;
    QTest::newRow("encoding") << QByteArray(R"({"body": "x", "bodyEncoding": "hex"})") << u"\"bodyEncoding\" must be"_s;
}

void TestHttpMessage::requestFromJsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const Result<HttpRequest> result = requestFromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!result.ok());
    QVERIFY2(result.error().startsWith(error), qPrintable(result.error()));
}

void TestHttpMessage::requestFromJsonDefaults()
{
    const Result<HttpRequest> result =
        requestFromJson(QJsonDocument::fromJson(R"({"url": "http://h/", "future": [1], "headers": [{"name": "A", "x": 1}]})").object());
    QVERIFY_RESULT(result);
    HttpRequest expected;
    expected.url = u"http://h/"_s;
    expected.headers = {{u"A"_s, QString()}};
    QVERIFY(result.value() == expected);
}

QTEST_APPLESS_MAIN(TestHttpMessage)
#include "tst_httpmessage.moc"
