// The demo ingress over real loopback sockets: the routes of demoingress.h, HTTP/1.1
// framing as it is on the wire (keep-alive, pipelining, HEAD, close, limits), its
// rule and sample request, and the demo rule through a real ForwardEngine.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "checks.h"
#include "demo/demoingress.h"
#include "enginehelpers.h"
#include "http/jsontree.h"
#include "httpcalls.h"
#include "rawhttpclient.h"
#include "relay/forwardengine.h"
#include "testsocket.h"

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

constexpr char ApiPod[] = "api-6c9f7d8b5-x2kqp";
constexpr char WebPod[] = "web-5d4b8c7f9-m7tzn";

QJsonObject jsonObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// Keys of an object node as the server wrote them.
QStringList keys(const JsonTree &tree, int node)
{
    QStringList out;
    for (const int child : tree.node(node).children)
        out.append(tree.node(child).key);
    return out;
}

// The child of an object node with this key, or -1.
int member(const JsonTree &tree, int node, const QString &key)
{
    for (const int child : tree.node(node).children) {
        if (tree.node(child).key == key)
            return child;
    }
    return -1;
}

} // namespace

class TestDemoIngress final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void routes_data();
    void routes();
    void listKeepsKeyOrder();
    void postAssignsIds();
    void postBadBody_data();
    void postBadBody();
    void keepAlive();
    void pipelinedInOrder();
    void head();
    void closing_data();
    void closing();
    void headerBlockLimit_data();
    void headerBlockLimit();
    void refusedRequests_data();
    void refusedRequests();
    void ruleAndSampleRequest();
    void startTwice();
    void throughForwardEngine();

private:
    DemoIngress m_demo;
};

void TestDemoIngress::initTestCase()
{
    QCOMPARE(m_demo.port(), quint16(0));
    const Result<void> started = m_demo.start();
    QVERIFY_RESULT(started);
    QVERIFY(m_demo.port() != 0);
}

void TestDemoIngress::routes_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("service");   // empty: the default backend's text answer
    QTest::addColumn<QByteArray>("contains");

    const QByteArray get = "GET";
    QTest::newRow("items") << get << QByteArray("api.local") << QByteArray("/api/v1/items") << 200 << "api"
                           << QByteArray(R"("count":3)");
    QTest::newRow("items, Host with port") << get << QByteArray("api.local:31042") << QByteArray("/api/v1/items")
                                           << 200 << "api" << QByteArray(R"("items":[{"id":1,)");
    QTest::newRow("items, Host in capitals") << get << QByteArray("API.Local") << QByteArray("/api/v1/items?page=1")
                                             << 200 << "api" << QByteArray(R"("count":3)");
    QTest::newRow("item 2") << get << QByteArray("api.local") << QByteArray("/api/v1/items/2") << 200 << "api"
                            << QByteArray(R"("item":{"id":2,"name":"USB-C hub")");
    QTest::newRow("no item 99") << get << QByteArray("api.local") << QByteArray("/api/v1/items/99") << 404 << "api"
                                << QByteArray(R"("error":"no item with id 99")");
    QTest::newRow("no item abc") << get << QByteArray("api.local") << QByteArray("/api/v1/items/abc") << 404 << "api"
                                 << QByteArray(R"("error":"no item with id abc")");
    QTest::newRow("health") << get << QByteArray("api.local") << QByteArray("/api/v1/health") << 200 << "api"
                            << QByteArray(R"("status":"ok")");
    QTest::newRow("other api path") << get << QByteArray("api.local") << QByteArray("/api/v2/orders") << 404 << "api"
                                    << QByteArray(R"("path":"/api/v2/orders")");
    QTest::newRow("DELETE an item") << QByteArray("DELETE") << QByteArray("api.local") << QByteArray("/api/v1/items/1")
                                    << 405 << "api" << QByteArray("method not allowed");
    QTest::newRow("api.local outside /api") << get << QByteArray("api.local") << QByteArray("/") << 404 << ""
                                            << QByteArray("default backend - 404");
    QTest::newRow("web root") << get << QByteArray("web.local") << QByteArray("/") << 200 << "web"
                              << QByteArray(R"("path":"/")");
    QTest::newRow("web any path") << get << QByteArray("web.local") << QByteArray("/docs/a%20b.html?x=\"1\"") << 200
                                  << "web" << QByteArray(R"("path":"/docs/a%20b.html?x=\"1\"")");
    QTest::newRow("web POST") << QByteArray("POST") << QByteArray("web.local") << QByteArray("/") << 405 << "web"
                              << QByteArray("method not allowed");
    QTest::newRow("unknown Host") << get << QByteArray("shop.local") << QByteArray("/api/v1/items") << 404 << ""
                                  << QByteArray("default backend - 404");
    QTest::newRow("no Host") << get << QByteArray() << QByteArray("/api/v1/items") << 404 << ""
                             << QByteArray("default backend - 404");
}

void TestDemoIngress::routes()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QString, service);
    QFETCH(QByteArray, contains);

    ANSWER(answer, ask(m_demo.port(), rawRequest(method, target, host)));
    QCOMPARE(answer.status, status);
    if (service.isEmpty()) {
        QCOMPARE(answer.header("Content-Type"), QByteArray("text/plain"));
        QCOMPARE(answer.body, contains);  // exactly what ingress-nginx's default backend says
        return;
    }
    QCOMPARE(answer.header("Content-Type"), QByteArray("application/json"));
    QVERIFY2(answer.body.contains(contains), answer.body.constData());
    QVERIFY(answer.body.endsWith("}\n"));
    const QJsonObject json = jsonObject(answer.body);
    QCOMPARE(json.value(u"service").toString(), service);
    QCOMPARE(json.value(u"pod").toString(), QLatin1String(service == u"api" ? ApiPod : WebPod));
    if (status == 405)
        QVERIFY(!answer.header("Allow").isEmpty());
}

void TestDemoIngress::listKeepsKeyOrder()
{
    ANSWER(answer, ask(m_demo.port(), rawRequest("GET", "/api/v1/items", "api.local")));
    const Result<JsonTree> parsed = JsonTree::parse(answer.body);
    QVERIFY_RESULT(parsed);
    const JsonTree &tree = parsed.value();
    QCOMPARE(keys(tree, JsonTree::root()), QStringList({u"service"_s, u"pod"_s, u"items"_s, u"count"_s}));
    const int items = member(tree, JsonTree::root(), u"items"_s);
    QCOMPARE(tree.node(items).children.size(), 3);
    QCOMPARE(tree.displayValue(member(tree, JsonTree::root(), u"count"_s)), u"3"_s);
    int id = 0;
    for (const int item : tree.node(items).children) {
        QCOMPARE(keys(tree, item),
                 QStringList({u"id"_s, u"name"_s, u"sku"_s, u"price"_s, u"inStock"_s, u"tags"_s}));
        QCOMPARE(tree.displayValue(member(tree, item, u"id"_s)), QString::number(++id));
    }
}

void TestDemoIngress::postAssignsIds()
{
    DemoIngress demo;  // its own counter
    QVERIFY_RESULT(demo.start());
    ANSWER(first, ask(demo.port(), rawRequest("POST", "/api/v1/items", "api.local",
                                            R"({"name":"Desk lamp","price":24.5,"id":99,"tags":["led"]})")));
    QCOMPARE(first.status, 201);
    QCOMPARE(first.header("Content-Type"), QByteArray("application/json"));
    // The client's keys in its order, behind the id the service gives (the client's id is not kept).
    QVERIFY2(first.body.contains(R"("item":{"id":4,"name":"Desk lamp","price":24.5,"tags":["led"]})"),
             first.body.constData());
    QCOMPARE(jsonObject(first.body).value(u"pod").toString(), QLatin1String(ApiPod));

    ANSWER(second, ask(demo.port(), rawRequest("POST", "/api/v1/items", "api.local", R"({"name":"Cable"})")));
    QCOMPARE(second.status, 201);
    QCOMPARE(jsonObject(second.body).value(u"item").toObject().value(u"id").toInt(), 5);
}

void TestDemoIngress::postBadBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::newRow("form data") << QByteArray("name=lamp") << u"the body is not JSON: line 1, column 1"_s;
    QTest::newRow("cut short") << QByteArray(R"({"name":)") << u"the body is not JSON: "_s;
    QTest::newRow("no body") << QByteArray() << u"the body is not JSON: "_s;
    QTest::newRow("an array") << QByteArray("[1,2]") << u"the body must be a JSON object"_s;
}

void TestDemoIngress::postBadBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    DemoIngress demo;
    QVERIFY_RESULT(demo.start());
    ANSWER(bad, ask(demo.port(), rawRequest("POST", "/api/v1/items", "api.local", body)));
    QCOMPARE(bad.status, 400);
    const QJsonObject json = jsonObject(bad.body);
    QVERIFY2(json.value(u"error").toString().startsWith(error), bad.body.constData());
    QCOMPARE(json.value(u"service").toString(), u"api"_s);
    // A refused body takes no id.
    ANSWER(good, ask(demo.port(), rawRequest("POST", "/api/v1/items", "api.local", R"({"name":"Lamp"})")));
    QCOMPARE(jsonObject(good.body).value(u"item").toObject().value(u"id").toInt(), 4);
}

void TestDemoIngress::keepAlive()
{
    RawClient client;
    QVERIFY(client.connectTo(m_demo.port()));
    for (const QByteArray id : {"1", "2"}) {
        client.send(rawRequest("GET", "/api/v1/items/" + id, "api.local"));
        ANSWER(answer, client.read());
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.header("Connection"), QByteArray("keep-alive"));
        QCOMPARE(jsonObject(answer.body).value(u"item").toObject().value(u"id").toInt(), id.toInt());
    }
    QVERIFY(client.isOpen());
}

void TestDemoIngress::pipelinedInOrder()
{
    RawClient client;
    QVERIFY(client.connectTo(m_demo.port()));
    client.send(rawRequest("GET", "/api/v1/items/3", "api.local") + rawRequest("GET", "/api/v1/health", "api.local")
                + rawRequest("GET", "/x", "web.local") + rawRequest("GET", "/api/v1/items/1", "api.local"));
    ANSWER(a, client.read());
    ANSWER(b, client.read());
    ANSWER(c, client.read());
    ANSWER(d, client.read());
    QCOMPARE(jsonObject(a.body).value(u"item").toObject().value(u"id").toInt(), 3);
    QCOMPARE(jsonObject(b.body).value(u"status").toString(), u"ok"_s);
    QCOMPARE(jsonObject(c.body).value(u"path").toString(), u"/x"_s);
    QCOMPARE(jsonObject(d.body).value(u"item").toObject().value(u"id").toInt(), 1);
}

void TestDemoIngress::head()
{
    // HEAD then GET in one write: the GET's answer must follow the HEAD's header block directly.
    RawClient client;
    QVERIFY(client.connectTo(m_demo.port()));
    client.send(rawRequest("HEAD", "/api/v1/items", "api.local") + rawRequest("GET", "/api/v1/items", "api.local"));
    ANSWER(head, client.read(true));
    ANSWER(get, client.read());
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(head.body.isEmpty());
    QCOMPARE(get.status, 200);
    QVERIFY(!get.body.isEmpty());
    QCOMPARE(head.header("Content-Length").toLongLong(), get.body.size());
}

void TestDemoIngress::closing_data()
{
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<QByteArray>("connection");
    QTest::addColumn<bool>("closes");
    QTest::newRow("1.1 close") << QByteArray("HTTP/1.1") << QByteArray("close") << true;
    QTest::newRow("1.1 Close") << QByteArray("HTTP/1.1") << QByteArray("Close") << true;
    QTest::newRow("1.0") << QByteArray("HTTP/1.0") << QByteArray() << true;
    QTest::newRow("1.0 keep-alive") << QByteArray("HTTP/1.0") << QByteArray("keep-alive") << false;
    QTest::newRow("1.1") << QByteArray("HTTP/1.1") << QByteArray() << false;
}

void TestDemoIngress::closing()
{
    QFETCH(QByteArray, version);
    QFETCH(QByteArray, connection);
    QFETCH(bool, closes);
    RawClient client;
    QVERIFY(client.connectTo(m_demo.port()));
    QByteArray bytes = "GET /api/v1/health " + version + "\r\nHost: api.local\r\n";
    if (!connection.isEmpty())
        bytes += "Connection: " + connection + "\r\n";
    client.send(bytes + "\r\n");
    ANSWER(answer, client.read());
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.header("Connection"), closes ? QByteArray("close") : QByteArray("keep-alive"));
    if (closes) {
        QVERIFY(client.closedWithoutMore());
    } else {
        client.send(rawRequest("GET", "/api/v1/items/1", "api.local"));
        ANSWER(next, client.read());
        QCOMPARE(next.status, 200);
    }
}

void TestDemoIngress::headerBlockLimit_data()
{
    QTest::addColumn<qsizetype>("padding");
    QTest::addColumn<bool>("terminated");
    QTest::addColumn<bool>("answered");
    const qsizetype limit = MiniHttpServer::MaxHeaderBytes;
    QTest::newRow("under the limit") << limit - 1024 << true << true;
    QTest::newRow("over, in one piece") << limit + 1024 << true << false;
    QTest::newRow("over, never ending") << limit + 1024 << false << false;
}

void TestDemoIngress::headerBlockLimit()
{
    QFETCH(qsizetype, padding);
    QFETCH(bool, terminated);
    QFETCH(bool, answered);
    RawClient client;
    QVERIFY(client.connectTo(m_demo.port()));
    QByteArray bytes = "GET /api/v1/health HTTP/1.1\r\nHost: api.local\r\nX-Padding: " + QByteArray(padding, 'p');
    client.send(terminated ? bytes + "\r\n\r\n" : bytes);
    if (answered) {
        ANSWER(answer, client.read());
        QCOMPARE(answer.status, 200);
    } else {
        QVERIFY(client.closedWithoutMore());
    }
}

void TestDemoIngress::refusedRequests_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("two words") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 400;
    QTest::newRow("bad Content-Length") << rawRequest("POST", "/api/v1/items", "api.local", {}, "Content-Length: x\r\n")
                                        << 400;
    QTest::newRow("chunked body") << rawRequest("POST", "/api/v1/items", "api.local", {},
                                             "Transfer-Encoding: chunked\r\n") + "2\r\n{}\r\n0\r\n\r\n"
                                  << 411;
    QTest::newRow("body too large")
        << rawRequest("POST", "/api/v1/items", "api.local", {},
                   "Content-Length: " + QByteArray::number(MiniHttpServer::MaxBodyBytes + 1) + "\r\n")
        << 413;
}

void TestDemoIngress::refusedRequests()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    RawClient client;
    QVERIFY(client.connectTo(m_demo.port()));
    client.send(bytes + rawRequest("GET", "/api/v1/health", "api.local"));  // never answered: the stream is lost
    ANSWER(answer, client.read());
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.header("Connection"), QByteArray("close"));
    QVERIFY(client.closedWithoutMore());
}

void TestDemoIngress::ruleAndSampleRequest()
{
    DemoIngress stopped;
    QCOMPARE(stopped.rule().target.port, quint16(0));

    const ForwardRule rule = m_demo.rule();
    const ForwardRule defaults;
    QCOMPARE(rule.name, u"demo ingress"_s);
    QCOMPARE(rule.listen, (Endpoint{u"127.0.0.1"_s, 31042}));
    QCOMPARE(DemoIngress::RulePort, quint16(31042));
    QCOMPARE(rule.target, (Endpoint{u"127.0.0.1"_s, m_demo.port()}));
    QCOMPARE(rule.enabled, defaults.enabled);
    QCOMPARE(rule.allow, defaults.allow);
    QCOMPARE(rule.maxConnections, defaults.maxConnections);
    QCOMPARE(rule.connectTimeoutMs, defaults.connectTimeoutMs);
    QCOMPARE(rule.idleTimeoutS, defaults.idleTimeoutS);
    const Result<void> valid = rule.validate();
    QVERIFY_RESULT(valid);

    const HttpRequest sample = DemoIngress::sampleRequest();
    QCOMPARE(sample.method, u"GET"_s);
    QCOMPARE(sample.url, u"http://127.0.0.1:31042/api/v1/items"_s);
    QCOMPARE(sample.headers.size(), 1);
    QCOMPARE(sample.headers.first().name, u"Host"_s);
    QCOMPARE(sample.headers.first().value, u"api.local"_s);
    QVERIFY(sample.headers.first().enabled);
    QVERIFY(sample.body.isEmpty());
    QVERIFY_RESULT(validateRequest(sample));
}

void TestDemoIngress::startTwice()
{
    DemoIngress demo;
    QVERIFY_RESULT(demo.start());
    const quint16 port = demo.port();
    QVERIFY(port != 0 && port != m_demo.port());
    const Result<void> again = demo.start();
    QVERIFY(!again.ok());
    QVERIFY2(again.error().contains(u"already listening"), qPrintable(again.error()));
    QCOMPARE(demo.port(), port);
    ANSWER(answer, ask(port, rawRequest("GET", "/api/v1/health", "api.local")));
    QCOMPARE(answer.status, 200);
}

void TestDemoIngress::throughForwardEngine()
{
    ForwardEngine engine(1);
    ForwardRule rule = m_demo.rule();
    rule.listen.port = freePort();  // 31042 may be taken on this machine
    RuleId id = 0;
    QVERIFY(startRule(engine, rule, &id));

    HttpRequest sample = DemoIngress::sampleRequest();
    sample.url.replace(u":31042/"_s, QStringLiteral(":%1/").arg(rule.listen.port));
    HttpClient client;
    const HttpExchange exchange = runExchange(client, sample);
    VERIFY_RESPONSE(exchange);
    QCOMPARE(exchange.response.status, 200);
    const QJsonObject json = jsonObject(exchange.response.body);
    QCOMPARE(json.value(u"pod").toString(), QLatin1String(ApiPod));
    QCOMPARE(json.value(u"items").toArray().size(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(ruleStats(engine, id).bytesDown >= quint64(exchange.response.body.size()), 5000);
    QCOMPARE(ruleStats(engine, id).total, quint64(1));
}

QTEST_GUILESS_MAIN(TestDemoIngress)
#include "tst_demoingress.moc"
