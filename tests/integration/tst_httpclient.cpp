// HttpClient against TestHttpServer in the same process: routing on Host as an
// ingress does, bodies, redirects, encodings, timings, the exported exchange.
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

#include "httpcalls.h"
#include "testhttpserver.h"

class TestHttpClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hostRouting_data();
    void hostRouting();
    void sentHeaders();
    void postJson();
    void postNotJson();
    void redirect_data();
    void redirect();
    void redirectRules_data();
    void redirectRules();
    void chunked();
    void gzipDecoded();
    void gzipKeptWhenAsked();
    void notFoundWithJsonBody();
    void textBody();
    void bigBodyIntact();
    void headHasNoBody();
    void timings();
    void exportContents();

private:
    TestHttpServer m_server;
    HttpClient m_client;
};

void TestHttpClient::initTestCase()
{
    QVERIFY(m_server.listen());
}

void TestHttpClient::hostRouting_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("bodyStart");

    QTest::newRow("api.local") << "api.local" << "/api/v1/items" << 200 << QByteArray("application/json")
                               << QByteArray(R"({"pod":"api-7d9f","items":[)");
    QTest::newRow("api.local with port") << "api.local:31042" << "/api/v1/items" << 200
                                         << QByteArray("application/json") << QByteArray(R"({"pod":)");
    QTest::newRow("web.local") << "web.local" << "/" << 200 << QByteArray("text/html") << QByteArray("<!doctype html>");
    QTest::newRow("unknown host") << "shop.local" << "/api/v1/items" << 404 << QByteArray("text/plain")
                                  << QByteArray("default backend - 404");
    QTest::newRow("no Host header: the address") << "" << "/api/v1/items" << 404 << QByteArray("text/plain")
                                                 << QByteArray("default backend - 404");
}

void TestHttpClient::hostRouting()
{
    QFETCH(QString, host);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, bodyStart);

    bool once = false;
    const HttpExchange ex = runExchange(m_client, makeRequest(m_server.url(path), host), &once);
    QVERIFY(once);
    VERIFY_RESPONSE(ex);
    QCOMPARE(ex.response.status, status);
    QCOMPARE(ex.response.httpVersion, QStringLiteral("1.1"));
    QCOMPARE(responseHeader(ex.response, QStringLiteral("Content-Type")), contentType);
    QVERIFY2(ex.response.body.startsWith(bodyStart), ex.response.body.constData());
    QCOMPARE(ex.response.finalUrl, m_server.url(path));
}

void TestHttpClient::sentHeaders()
{
    HttpRequest request = makeRequest(m_server.url(QStringLiteral("/api/v1/echo")));
    request.headers.append({QStringLiteral("X-Trace"), QStringLiteral("a")});
    request.headers.append({QStringLiteral("X-Off"), QStringLiteral("no"), false});
    const HttpExchange ex = runExchange(m_client, request);
    VERIFY_RESPONSE(ex);
    const TestHttpServer::Seen seen = m_server.requests().constLast();
    QCOMPARE(seen.target, QByteArray("/api/v1/echo"));
    QCOMPARE(seen.header("Host"), QByteArray("api.local"));
    QCOMPARE(seen.header("User-Agent"), QByteArray("pasarela/" PASARELA_VERSION));
    QCOMPARE(seen.header("X-Trace"), QByteArray("a"));
    QVERIFY(seen.header("X-Off").isEmpty());
    QVERIFY(seen.header("Cookie").isEmpty());

    request.headers.append({QStringLiteral("User-Agent"), QStringLiteral("probe/1")});
    const qsizetype before = m_server.requests().size();
    VERIFY_RESPONSE(runExchange(m_client, request));
    QCOMPARE(m_server.requests().size(), before + 1);
    QCOMPARE(m_server.requests().constLast().header("User-Agent"), QByteArray("probe/1"));
}

void TestHttpClient::postJson()
{
    HttpRequest request = makeRequest(m_server.url(QStringLiteral("/api/v1/items")));
    request.method = QStringLiteral("POST");
    request.body = R"({"name":"gamma","tags":["x"]})";
    request.contentType = QStringLiteral("application/json");
    const HttpExchange ex = runExchange(m_client, request);
    VERIFY_RESPONSE(ex);
    QCOMPARE(ex.response.status, 201);
    QCOMPARE(ex.response.reason, QStringLiteral("Created"));
    QCOMPARE(ex.response.body, QByteArray(R"({"created":{"name":"gamma","tags":["x"]}})"));
    const TestHttpServer::Seen seen = m_server.requests().constLast();
    QCOMPARE(seen.method, QByteArray("POST"));
    QCOMPARE(seen.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(seen.body, request.body);
}

void TestHttpClient::postNotJson()
{
    HttpRequest request = makeRequest(m_server.url(QStringLiteral("/api/v1/items")));
    request.method = QStringLiteral("POST");
    request.body = "name=gamma";
    request.contentType = QStringLiteral("application/x-www-form-urlencoded");
    const HttpExchange ex = runExchange(m_client, request);
    VERIFY_RESPONSE(ex);
    QCOMPARE(ex.response.status, 400);
    QCOMPARE(parseJson(ex.response.body).object().value(QStringLiteral("error")).toString(),
             QStringLiteral("body is not JSON"));
}

void TestHttpClient::redirect_data()
{
    QTest::addColumn<bool>("follow");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("finalPath");
    QTest::newRow("followed") << true << 200 << "/api/v1/items";
    QTest::newRow("not followed") << false << 302 << "/api/v1/redirect";
}

void TestHttpClient::redirect()
{
    QFETCH(bool, follow);
    QFETCH(int, status);
    QFETCH(QString, finalPath);

    HttpRequest request = makeRequest(m_server.url(QStringLiteral("/api/v1/redirect")));
    request.followRedirects = follow;
    const int before = int(m_server.requests().size());
    const HttpExchange ex = runExchange(m_client, request);
    VERIFY_RESPONSE(ex);
    QCOMPARE(ex.response.status, status);
    QCOMPARE(ex.response.finalUrl, m_server.url(finalPath));
    const QList<TestHttpServer::Seen> seen = m_server.requests().mid(before);
    QCOMPARE(seen.size(), follow ? 2 : 1);
    // The Host header goes along with the redirect: the ingress routes the second request too.
    QCOMPARE(seen.constLast().header("Host"), QByteArray("api.local"));
    if (follow)
        QVERIFY(ex.response.body.startsWith(R"({"pod":"api-7d9f")"));
    else
        QCOMPARE(responseHeader(ex.response, QStringLiteral("Location")), QByteArray("/api/v1/items"));
}

void TestHttpClient::redirectRules_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("finalMethod");
    QTest::addColumn<QString>("finalBody");
    QTest::newRow("POST 301 -> GET") << "POST" << 301 << "GET" << "";
    QTest::newRow("POST 302 -> GET") << "POST" << 302 << "GET" << "";
    QTest::newRow("PUT 303 -> GET") << "PUT" << 303 << "GET" << "";
    QTest::newRow("POST 307 kept") << "POST" << 307 << "POST" << R"({"n":1})";
    QTest::newRow("PATCH 308 kept") << "PATCH" << 308 << "PATCH" << R"({"n":1})";
}

void TestHttpClient::redirectRules()
{
    QFETCH(QString, method);
    QFETCH(int, status);
    QFETCH(QString, finalMethod);
    QFETCH(QString, finalBody);

    HttpRequest request =
        makeRequest(m_server.url(QStringLiteral("/api/v1/redirect?status=%1&to=/api/v1/echo").arg(status)));
    request.method = method;
    request.body = R"({"n":1})";
    request.contentType = QStringLiteral("application/json");
    const int before = int(m_server.requests().size());
    const HttpExchange ex = runExchange(m_client, request);
    VERIFY_RESPONSE(ex);
    QCOMPARE(ex.response.status, 200);
    QCOMPARE(m_server.requests().size(), before + 2);
    const QJsonObject echo = parseJson(ex.response.body).object();
    QCOMPARE(echo.value(QStringLiteral("method")).toString(), finalMethod);
    QCOMPARE(echo.value(QStringLiteral("body")).toString(), finalBody);
    const TestHttpServer::Seen last = m_server.requests().constLast();
    QCOMPARE(last.header("Host"), QByteArray("api.local"));
    QCOMPARE(last.header("Content-Type").isEmpty(), finalBody.isEmpty());
}

void TestHttpClient::chunked()
{
    const HttpExchange ex = runExchange(m_client, makeRequest(m_server.url(QStringLiteral("/api/v1/chunked"))));
    VERIFY_RESPONSE(ex);
    QCOMPARE(ex.response.status, 200);
    QCOMPARE(responseHeader(ex.response, QStringLiteral("Transfer-Encoding")), QByteArray("chunked"));
    QCOMPARE(ex.response.body, QByteArray(R"({"chunked":true,"parts":["one","two","three","four"],"end":"yes"})"));
}

void TestHttpClient::gzipDecoded()
{
    const HttpExchange ex = runExchange(m_client, makeRequest(m_server.url(QStringLiteral("/api/v1/gzip"))));
    VERIFY_RESPONSE(ex);
    QVERIFY(m_server.requests().constLast().header("Accept-Encoding").contains("gzip"));
    QCOMPARE(responseHeader(ex.response, QStringLiteral("Content-Encoding")), QByteArray("gzip"));
    const QByteArray expected = R"({"compressed":true,"text":")" + QByteArray(2000, 'z') + R"("})";
    QCOMPARE(ex.response.body, expected);
}

// A user-set Accept-Encoding means "give me the bytes", as curl without --compressed.
void TestHttpClient::gzipKeptWhenAsked()
{
    HttpRequest request = makeRequest(m_server.url(QStringLiteral("/api/v1/gzip")));
    request.headers.append({QStringLiteral("Accept-Encoding"), QStringLiteral("gzip")});
    const HttpExchange ex = runExchange(m_client, request);
    VERIFY_RESPONSE(ex);
    const QByteArray body = ex.response.body;
    QVERIFY(body.startsWith("\x1f\x8b\x08"));
    QVERIFY(body.size() < 2000);
    // ISIZE, the gzip trailer's last field: the decoded length.
    const auto *tail = reinterpret_cast<const uchar *>(body.constData() + body.size() - 4);
    QCOMPARE(quint32(tail[0] | tail[1] << 8 | tail[2] << 16 | quint32(tail[3]) << 24), quint32(2000 + 29));
}

void TestHttpClient::notFoundWithJsonBody()
{
    bool once = false;
    const HttpExchange ex = runExchange(m_client, makeRequest(m_server.url(QStringLiteral("/api/v1/nope"))), &once);
    QVERIFY(once);
    VERIFY_RESPONSE(ex);
    QCOMPARE(ex.failure, HttpFailure::None);
    QCOMPARE(ex.response.status, 404);
    QCOMPARE(ex.response.reason, QStringLiteral("Not Found"));
    const QJsonObject body = parseJson(ex.response.body).object();
    QCOMPARE(body.value(QStringLiteral("error")).toString(), QStringLiteral("not found"));
    QCOMPARE(body.value(QStringLiteral("path")).toString(), QStringLiteral("/api/v1/nope"));
}

void TestHttpClient::textBody()
{
    const HttpExchange ex = runExchange(m_client, makeRequest(m_server.url(QStringLiteral("/api/v1/text"))));
    VERIFY_RESPONSE(ex);
    QCOMPARE(ex.response.body, QByteArray("plain text, not JSON\n"));
    const QJsonObject response = exchangeToJson(ex, false).value(QStringLiteral("response")).toObject();
    QCOMPARE(response.value(QStringLiteral("bodyIsJson")).toBool(true), false);
    QCOMPARE(response.value(QStringLiteral("body")).toString(), QStringLiteral("plain text, not JSON\n"));
}

void TestHttpClient::bigBodyIntact()
{
    constexpr qsizetype Size = 5 * 1000 * 1000;
    HttpRequest request = makeRequest(m_server.url(QStringLiteral("/api/v1/big?bytes=%1").arg(Size)));
    std::unique_ptr<HttpCall> call(m_client.send(request));
    QSignalSpy progressSpy(call.get(), &HttpCall::progress);
    QSignalSpy finished(call.get(), &HttpCall::finished);
    QVERIFY(finished.wait(WaitMs));
    const HttpExchange &ex = call->exchange();
    VERIFY_RESPONSE(ex);
    QCOMPARE(ex.response.body.size(), Size);
    QVERIFY(ex.response.body == TestHttpServer::bigBody(Size));
    QVERIFY(!parseJson(ex.response.body).isNull());
    QVERIFY(!progressSpy.isEmpty());
    QCOMPARE(progressSpy.constLast().at(0).toLongLong(), qint64(Size));
}

void TestHttpClient::headHasNoBody()
{
    HttpRequest request = makeRequest(m_server.url(QStringLiteral("/api/v1/items")));
    request.method = QStringLiteral("HEAD");
    const HttpExchange ex = runExchange(m_client, request);
    VERIFY_RESPONSE(ex);
    QCOMPARE(ex.response.status, 200);
    QVERIFY(ex.response.body.isEmpty());
    QVERIFY(responseHeader(ex.response, QStringLiteral("Content-Length")).toInt() > 0);
}

void TestHttpClient::timings()
{
    const HttpExchange fast = runExchange(m_client, makeRequest(m_server.url(QStringLiteral("/api/v1/items"))));
    VERIFY_RESPONSE(fast);
    QVERIFY(fast.response.firstByteMs > 0);
    QVERIFY(fast.response.firstByteMs <= fast.response.totalMs);

    const HttpExchange slow = runExchange(m_client, makeRequest(m_server.url(QStringLiteral("/api/v1/slow?ms=200"))));
    VERIFY_RESPONSE(slow);
    QVERIFY2(slow.response.firstByteMs >= 190, qPrintable(QString::number(slow.response.firstByteMs)));
    QVERIFY(slow.response.firstByteMs <= slow.response.totalMs);
    QVERIFY(slow.startedAt.isValid());
    QCOMPARE(slow.startedAt.timeSpec(), Qt::UTC);
}

void TestHttpClient::exportContents()
{
    HttpRequest request = makeRequest(m_server.url(QStringLiteral("/api/v1/items")));
    request.method = QStringLiteral("POST");
    request.body = R"({"name":"delta"})";
    request.contentType = QStringLiteral("application/json");
    request.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer s3cret")});
    const HttpExchange ex = runExchange(m_client, request);
    VERIFY_RESPONSE(ex);

    const QJsonObject json = exchangeToJson(ex, false);
    QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("pasarela-exchange"));
    const QJsonObject req = json.value(QStringLiteral("request")).toObject();
    QCOMPARE(req.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(req.value(QStringLiteral("url")).toString(), request.url);
    QCOMPARE(req.value(QStringLiteral("body")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("delta"));
    QVERIFY(!QJsonDocument(json).toJson().contains("s3cret"));
    const QJsonObject res = json.value(QStringLiteral("response")).toObject();
    QCOMPARE(res.value(QStringLiteral("status")).toInt(), 201);
    QCOMPARE(res.value(QStringLiteral("httpVersion")).toString(), QStringLiteral("1.1"));
    QCOMPARE(res.value(QStringLiteral("body")).toObject().value(QStringLiteral("created")).toObject()
                 .value(QStringLiteral("name")).toString(),
             QStringLiteral("delta"));
    const QJsonObject timings = res.value(QStringLiteral("timings")).toObject();
    QVERIFY(timings.value(QStringLiteral("totalMs")).toDouble() > 0);
    QVERIFY(!json.contains(QStringLiteral("error")));

    const HttpExchange failed = runExchange(m_client, makeRequest(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort())));
    const QJsonObject failedJson = exchangeToJson(failed, false);
    QVERIFY(!failedJson.contains(QStringLiteral("response")));
    QVERIFY(failedJson.value(QStringLiteral("error")).toString().startsWith(QStringLiteral("connection refused by")));
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
