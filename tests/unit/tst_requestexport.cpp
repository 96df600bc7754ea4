// RequestExport: the JSON and HAR 1.2 files of inspected requests, and the request a replay sends.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "checks.h"
#include "inspect/requestexport.h"

using namespace RequestExport;

namespace {

const QDateTime Started(QDate(2024, 5, 1), QTime(12, 0, 1, 250), Qt::UTC);

RequestRecord record(const QString &target = QStringLiteral("/api/v1/items?page=2&q=a%20b+c&flag"))
{
    RequestRecord r;
    r.connectionId = 42;
    r.ruleId = 7;
    r.clientAddress = QHostAddress(QStringLiteral("192.168.1.20"));
    r.clientPort = 50123;
    r.listenAddress = QHostAddress(QStringLiteral("192.168.1.10"));
    r.listenPort = 31042;
    r.startedAt = Started;
    r.request.method = QStringLiteral("GET");
    r.request.host = QStringLiteral("api.local");
    r.request.target = target;
    r.request.version = QStringLiteral("HTTP/1.1");
    r.request.head = "GET " + target.toUtf8()
                     + " HTTP/1.1\r\nHost: api.local\r\nUser-Agent: curl/7.88.1\r\nAuthorization: Bearer s3cret\r\n"
                       "Connection: keep-alive, X-Hop\r\nX-Hop: 1\r\nKeep-Alive: timeout=5\r\n"
                       "Proxy-Authorization: Basic x\r\nTE: trailers\r\nTransfer-Encoding: chunked\r\n"
                       "Upgrade: h2c\r\nContent-Length: 12\r\nAccept: application/json\r\n\r\n";
    r.request.requestBodySize = 12;
    r.request.status = 200;
    r.request.reason = QStringLiteral("OK");
    r.request.contentType = QStringLiteral("application/json");
    r.request.responseBodySize = 321;
    r.request.firstByteMs = 4;
    r.request.totalMs = 9;
    r.request.complete = true;
    return r;
}

QString ruleName(RuleId id)
{
    return QStringLiteral("rule #%1").arg(id);
}

QJsonObject harLog(const QList<RequestRecord> &records, bool keepSecrets = false)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(requestsHar(records, ruleName, keepSecrets), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << error.errorString();
    return document.object().value(QStringLiteral("log")).toObject();
}

QString headerValue(const QJsonArray &headers, const QString &name)
{
    for (const QJsonValue &header : headers) {
        if (header[QStringLiteral("name")].toString() == name)
            return header[QStringLiteral("value")].toString();
    }
    return QStringLiteral("<absent>");
}

// Every key the HAR 1.2 spec requires in `object`, with its JSON type.
void requireKeys(const QJsonObject &object, const QList<QPair<const char *, QJsonValue::Type>> &keys, const char *where)
{
    for (const auto &[key, type] : keys) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.type() != type)
            QFAIL(qPrintable(QStringLiteral("%1.%2: type %3, expected %4")
                                 .arg(QLatin1String(where), QLatin1String(key))
                                 .arg(int(value.type()))
                                 .arg(int(type))));
    }
}

} // namespace

class TestRequestExport final : public QObject
{
    Q_OBJECT

private slots:
    void jsonFields()
    {
        RequestRecord unanswered = record(QStringLiteral("/slow"));
        unanswered.request.status = 0;
        unanswered.request.reason.clear();
        unanswered.request.firstByteMs = -1;
        unanswered.request.totalMs = -1;
        unanswered.request.complete = false;
        const QJsonArray array = QJsonDocument::fromJson(requestsJson({record(), unanswered}, ruleName)).array();
        QCOMPARE(array.size(), 2);
        const QJsonObject o = array.at(0).toObject();
        QCOMPARE(o[u"time"].toString(), QStringLiteral("2024-05-01T12:00:01.250Z"));
        QCOMPARE(o[u"rule"].toString(), QStringLiteral("rule #7"));
        QCOMPARE(o[u"client"].toString(), QStringLiteral("192.168.1.20:50123"));
        QCOMPARE(o[u"connection"].toInteger(), 42);
        QCOMPARE(o[u"method"].toString(), QStringLiteral("GET"));
        QCOMPARE(o[u"host"].toString(), QStringLiteral("api.local"));
        QCOMPARE(o[u"target"].toString(), QStringLiteral("/api/v1/items?page=2&q=a%20b+c&flag"));
        QCOMPARE(o[u"version"].toString(), QStringLiteral("HTTP/1.1"));
        QCOMPARE(o[u"status"].toInt(), 200);
        QCOMPARE(o[u"reason"].toString(), QStringLiteral("OK"));
        QCOMPARE(o[u"contentType"].toString(), QStringLiteral("application/json"));
        QCOMPARE(o[u"requestBodySize"].toInteger(), 12);
        QCOMPARE(o[u"responseBodySize"].toInteger(), 321);
        QCOMPARE(o[u"firstByteMs"].toInteger(), 4);
        QCOMPARE(o[u"totalMs"].toInteger(), 9);
        QCOMPARE(o[u"complete"].toBool(), true);
        QCOMPARE(o[u"headers"].toArray().size(), 12);
        QCOMPARE(headerValue(o[u"headers"].toArray(), QStringLiteral("User-Agent")), QStringLiteral("curl/7.88.1"));
        QCOMPARE(headerValue(o[u"headers"].toArray(), QStringLiteral("Authorization")), QString());

        const QJsonObject none = array.at(1).toObject();
        QCOMPARE(none[u"status"].toInt(), 0);
        QVERIFY(none[u"firstByteMs"].isNull());
        QVERIFY(none[u"totalMs"].isNull());
        QCOMPARE(none[u"complete"].toBool(), false);
    }

    void jsonIpv6Client()
    {
        RequestRecord r = record();
        r.clientAddress = QHostAddress(QStringLiteral("::1"));
        const QJsonArray array = QJsonDocument::fromJson(requestsJson({r}, ruleName)).array();
        QCOMPARE(array.at(0)[u"client"].toString(), QStringLiteral("[::1]:50123"));
    }

    void harRequiredFields()
    {
        const QJsonObject log = harLog({record()});
        requireKeys(log, {{"version", QJsonValue::String}, {"creator", QJsonValue::Object},
                          {"entries", QJsonValue::Array}, {"pages", QJsonValue::Array}}, "log");
        QCOMPARE(log[u"version"].toString(), QStringLiteral("1.2"));
        const QJsonObject creator = log[u"creator"].toObject();
        QCOMPARE(creator[u"name"].toString(), QStringLiteral("Pasarela"));
        QCOMPARE(creator[u"version"].toString(), QStringLiteral(PASARELA_VERSION));
        QCOMPARE(log[u"entries"].toArray().size(), 1);

        const QJsonObject entry = log[u"entries"].toArray().at(0).toObject();
        requireKeys(entry, {{"startedDateTime", QJsonValue::String}, {"time", QJsonValue::Double},
                            {"request", QJsonValue::Object}, {"response", QJsonValue::Object},
                            {"cache", QJsonValue::Object}, {"timings", QJsonValue::Object},
                            {"connection", QJsonValue::String}, {"serverIPAddress", QJsonValue::String}}, "entry");
        QCOMPARE(entry[u"startedDateTime"].toString(), QStringLiteral("2024-05-01T12:00:01.250Z"));
        QCOMPARE(entry[u"connection"].toString(), QStringLiteral("42"));
        QCOMPARE(entry[u"serverIPAddress"].toString(), QStringLiteral("192.168.1.10"));

        const QJsonObject request = entry[u"request"].toObject();
        requireKeys(request, {{"method", QJsonValue::String}, {"url", QJsonValue::String},
                              {"httpVersion", QJsonValue::String}, {"cookies", QJsonValue::Array},
                              {"headers", QJsonValue::Array}, {"queryString", QJsonValue::Array},
                              {"headersSize", QJsonValue::Double}, {"bodySize", QJsonValue::Double}}, "request");
        QCOMPARE(request[u"url"].toString(), QStringLiteral("http://api.local/api/v1/items?page=2&q=a%20b+c&flag"));
        QCOMPARE(request[u"httpVersion"].toString(), QStringLiteral("HTTP/1.1"));
        QCOMPARE(request[u"headersSize"].toInt(), -1);
        QCOMPARE(request[u"bodySize"].toInt(), 12);
        for (const QJsonValue &header : request[u"headers"].toArray())
            requireKeys(header.toObject(), {{"name", QJsonValue::String}, {"value", QJsonValue::String}}, "header");

        const QJsonObject response = entry[u"response"].toObject();
        requireKeys(response, {{"status", QJsonValue::Double}, {"statusText", QJsonValue::String},
                               {"httpVersion", QJsonValue::String}, {"cookies", QJsonValue::Array},
                               {"headers", QJsonValue::Array}, {"content", QJsonValue::Object},
                               {"redirectURL", QJsonValue::String}, {"headersSize", QJsonValue::Double},
                               {"bodySize", QJsonValue::Double}}, "response");
        QCOMPARE(response[u"status"].toInt(), 200);
        QCOMPARE(response[u"statusText"].toString(), QStringLiteral("OK"));
        QCOMPARE(response[u"bodySize"].toInt(), 321);
        const QJsonObject content = response[u"content"].toObject();
        requireKeys(content, {{"size", QJsonValue::Double}, {"mimeType", QJsonValue::String}}, "content");
        QCOMPARE(content[u"size"].toInt(), 321);
        QCOMPARE(content[u"mimeType"].toString(), QStringLiteral("application/json"));

        const QJsonObject timings = entry[u"timings"].toObject();
        requireKeys(timings, {{"send", QJsonValue::Double}, {"wait", QJsonValue::Double},
                              {"receive", QJsonValue::Double}}, "timings");
        QCOMPARE(timings[u"send"].toInt(), 0);
        QCOMPARE(timings[u"wait"].toInt(), 4);
        QCOMPARE(timings[u"receive"].toInt(), 5);
        QCOMPARE(entry[u"time"].toInt(), 9);  // the sum of the known timings, as HAR requires
        QVERIFY(!timings.contains(u"comment"));
    }

    void harQueryString()
    {
        const QJsonObject entry = harLog({record()})[u"entries"].toArray().at(0).toObject();
        const QJsonArray query = entry[u"request"][u"queryString"].toArray();
        QCOMPARE(query.size(), 3);
        QCOMPARE(query.at(0).toObject(), (QJsonObject{{QStringLiteral("name"), QStringLiteral("page")},
                                                       {QStringLiteral("value"), QStringLiteral("2")}}));
        QCOMPARE(query.at(1)[u"value"].toString(), QStringLiteral("a b c"));
        QCOMPARE(query.at(2).toObject(), (QJsonObject{{QStringLiteral("name"), QStringLiteral("flag")},
                                                       {QStringLiteral("value"), QString()}}));
    }

    void harUrl_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("url");
        QTest::newRow("origin-form") << "api.local:8080" << "/x" << "http://api.local:8080/x";
        QTest::newRow("absolute-form kept") << "api.local" << "http://other.local/y?z=1" << "http://other.local/y?z=1";
        QTest::newRow("no Host: the listen address") << "" << "/x" << "http://192.168.1.10:31042/x";
    }

    void harUrl()
    {
        QFETCH(QString, host);
        QFETCH(QString, target);
        QFETCH(QString, url);
        RequestRecord r = record(target);
        r.request.host = host;
        const QJsonObject entry = harLog({r})[u"entries"].toArray().at(0).toObject();
        QCOMPARE(entry[u"request"][u"url"].toString(), url);
    }

    void harWithoutResponse()
    {
        RequestRecord r = record();
        r.request.status = 0;
        r.request.reason.clear();
        r.request.contentType.clear();
        r.request.responseBodySize = 0;
        r.request.firstByteMs = -1;
        r.request.totalMs = -1;
        r.request.complete = false;
        const QJsonObject entry = harLog({r})[u"entries"].toArray().at(0).toObject();
        QCOMPARE(entry[u"response"][u"status"].toInt(), 0);
        QCOMPARE(entry[u"response"][u"statusText"].toString(), QString());
        QCOMPARE(entry[u"response"][u"content"][u"mimeType"].toString(), QString());
        QCOMPARE(entry[u"timings"][u"wait"].toInt(), 0);
        QCOMPARE(entry[u"timings"][u"receive"].toInt(), 0);
        QVERIFY(!entry[u"timings"][u"comment"].toString().isEmpty());
        QCOMPARE(entry[u"time"].toInt(), 0);
    }

    // With the window's capture, the HAR carries the answer's headers (secrets blanked)
    // and its body when whole, plain and UTF-8; a cut or compressed one is said instead.
    void harCapturedAnswer()
    {
        RequestRecord r = record();
        QVERIFY(harLog({r})[u"entries"][0][u"response"][u"comment"].toString().contains(u"not captured"));
        r.request.captured = true;
        r.request.responseHead = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nSet-Cookie: id=9\r\n\r\n";
        r.request.responseBody = R"({"count":2})";
        r.request.responseBodySize = r.request.responseBody.size();
        QJsonObject response = harLog({r})[u"entries"][0][u"response"].toObject();
        QVERIFY(!response.contains(u"comment"));
        const QJsonArray headers = response[u"headers"].toArray();
        QCOMPARE(headerValue(headers, QStringLiteral("Content-Type")), QStringLiteral("application/json"));
        QCOMPARE(headerValue(headers, QStringLiteral("Set-Cookie")), QString());
        QCOMPARE(response[u"content"][u"text"].toString(), QStringLiteral(R"({"count":2})"));

        r.request.responseBodySize = 4096;  // only the first bytes came
        response = harLog({r})[u"entries"][0][u"response"].toObject();
        QVERIFY(!response[u"content"].toObject().contains(u"text"));
        QVERIFY(response[u"content"][u"comment"].toString().contains(u"first bytes"));
        r.request.responseBodySize = r.request.responseBody.size();
        r.request.responseHead = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n";
        response = harLog({r})[u"entries"][0][u"response"].toObject();
        QVERIFY(response[u"content"][u"comment"].toString().contains(u"compressed"));
    }

    void secrets_data()
    {
        QTest::addColumn<bool>("keep");
        QTest::newRow("blanked") << false;
        QTest::newRow("kept") << true;
    }

    void secrets()
    {
        QFETCH(bool, keep);
        const QJsonObject entry = harLog({record()}, keep)[u"entries"].toArray().at(0).toObject();
        const QJsonArray headers = entry[u"request"][u"headers"].toArray();
        QCOMPARE(headerValue(headers, QStringLiteral("Authorization")), keep ? QStringLiteral("Bearer s3cret") : QString());
        QCOMPARE(headerValue(headers, QStringLiteral("Proxy-Authorization")), keep ? QStringLiteral("Basic x") : QString());
        QCOMPARE(headerValue(headers, QStringLiteral("Accept")), QStringLiteral("application/json"));
        const QJsonArray json = QJsonDocument::fromJson(requestsJson({record()}, ruleName, keep)).array();
        QCOMPARE(headerValue(json.at(0)[u"headers"].toArray(), QStringLiteral("Authorization")),
                 keep ? QStringLiteral("Bearer s3cret") : QString());
    }

    void replayUrl_data()
    {
        QTest::addColumn<QString>("listen");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("url");
        QTest::newRow("0.0.0.0") << "0.0.0.0" << "/a?b=1" << "http://127.0.0.1:31042/a?b=1";
        QTest::newRow("::") << "::" << "/a" << "http://[::1]:31042/a";
        QTest::newRow("LAN") << "192.168.1.10" << "/a" << "http://192.168.1.10:31042/a";
        QTest::newRow("IPv6") << "fd00::5" << "/a" << "http://[fd00::5]:31042/a";
        QTest::newRow("v4-mapped") << "::ffff:10.0.0.1" << "/a" << "http://10.0.0.1:31042/a";
        QTest::newRow("absolute-form") << "127.0.0.1" << "http://api.local/p?q=1" << "http://127.0.0.1:31042/p?q=1";
    }

    void replayUrl()
    {
        QFETCH(QString, listen);
        QFETCH(QString, target);
        QFETCH(QString, url);
        RequestRecord r = record(target);
        r.listenAddress = QHostAddress(listen);
        QCOMPARE(replayRequest(r).url, url);
    }

    void replayHeaders()
    {
        RequestRecord r = record();
        r.request.method = QStringLiteral("POST");
        const HttpRequest request = replayRequest(r);
        QCOMPARE(request.method, QStringLiteral("POST"));
        QVERIFY(request.body.isEmpty());
        QStringList names;
        for (const HttpHeader &header : request.headers)
            names.append(header.name);
        QCOMPARE(names, (QStringList{QStringLiteral("Host"), QStringLiteral("User-Agent"), QStringLiteral("Authorization"),
                                     QStringLiteral("Accept")}));
        QCOMPARE(request.header(QStringLiteral("Host")), QStringLiteral("api.local"));
        QCOMPARE(request.header(QStringLiteral("Authorization")), QStringLiteral("Bearer s3cret"));
        QVERIFY_RESULT(validateRequest(request));
    }

    void replayHostFromRecord()
    {
        RequestRecord r = record();
        r.request.head = "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n";
        r.request.host = QStringLiteral("web.local");
        const HttpRequest request = replayRequest(r);
        QCOMPARE(request.headers.first().name, QStringLiteral("Host"));
        QCOMPARE(request.header(QStringLiteral("Host")), QStringLiteral("web.local"));
    }

    // A body captured whole goes along; a cut one does not, and that is said.
    void replayCapturedBody()
    {
        RequestRecord r = record();
        QVERIFY(replayLacksBody(r));
        r.request.captured = true;
        r.request.requestBody = "{\"name\":\"x\"}";
        QCOMPARE(r.request.requestBody.size(), r.request.requestBodySize);
        QCOMPARE(replayRequest(r).body, r.request.requestBody);
        QVERIFY(!replayLacksBody(r));
        r.request.requestBody.chop(1);
        QVERIFY(replayRequest(r).body.isEmpty());
        QVERIFY(replayLacksBody(r));
    }

    void capturedAnswerFromHead()
    {
        RequestRecord r = record();
        ComparedAnswer answer = capturedAnswer(r);
        QCOMPARE(answer.response.status, 200);
        QVERIFY(answer.response.headers.isEmpty());  // nothing captured: the status only

        r.request.captured = true;
        r.request.responseHead = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                                 "X-Long: a\r\n b\r\n\r\n";
        r.request.responseBody = QByteArray(100, 'z');
        answer = capturedAnswer(r);
        QCOMPARE(answer.response.httpVersion, QStringLiteral("1.1"));
        QCOMPARE(answer.response.reason, QStringLiteral("OK"));
        QCOMPARE(answer.response.headers.size(), 3);
        QCOMPARE(answer.response.header(QStringLiteral("content-encoding")), QStringLiteral("gzip"));
        QCOMPARE(answer.response.header(QStringLiteral("X-Long")), QStringLiteral("a b"));
        QCOMPARE(answer.response.body.size(), 100);
        QVERIFY(answer.bodyCut);  // 100 of 321 bytes
        QVERIFY(!answer.bodyDecoded);
        r.request.responseBodySize = 100;
        QVERIFY(!capturedAnswer(r).bodyCut);
    }
};

QTEST_GUILESS_MAIN(TestRequestExport)
#include "tst_requestexport.moc"
