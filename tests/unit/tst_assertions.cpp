// Assertions of a collection's requests: each kind passing and failing against one
// response, with the message a user reads; the JSON path subset; the JSON form.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "checks.h"
#include "http/assertions.h"
#include "http/jsonpath.h"

using namespace Qt::StringLiterals;

namespace {

HttpResponse response()
{
    HttpResponse r;
    r.status = 404;
    r.reason = u"Not Found"_s;
    r.headers = {{u"Content-Type"_s, u"application/json; charset=utf-8"_s},
                 {u"X-Env"_s, u"dev"_s},
                 {u"Set-Cookie"_s, u"sid=SECRET-SESSION"_s}};
    r.body = R"({"service": "api", "items": [{"id": 7, "name": "a"}, {"id": 8}], "count": 2.0,
                "big": 12345678901234567890, "ok": true, "nothing": null, "a key": {"b": "c"}})";
    r.totalMs = 120.4;
    return r;
}

Assertion parsed(const QByteArray &json)
{
    const Result<Assertion> assertion = assertionFromJson(QJsonDocument::fromJson('[' + json + ']').array().at(0));
    if (!assertion)
        qWarning("%s", qPrintable(assertion.error()));
    return assertion ? assertion.value() : Assertion{};
}

} // namespace

class TestAssertions final : public QObject
{
    Q_OBJECT

private slots:
    void evaluateOne_data();
    void evaluateOne();
    void notJsonBody();
    void manyAtOnce();
    void jsonRoundTrip();
    void badAssertions_data();
    void badAssertions();
    void jsonPath_data();
    void jsonPath();
    void badJsonPaths_data();
    void badJsonPaths();
};

void TestAssertions::evaluateOne_data()
{
    QTest::addColumn<QByteArray>("assertion");
    QTest::addColumn<bool>("passes");
    QTest::addColumn<QString>("message");  // the failure's, or the description when it passes

    QTest::newRow("status equals, pass") << QByteArray(R"({"status": 404})") << true << u"status is 404"_s;
    QTest::newRow("status equals, fail") << QByteArray(R"({"status": 200})") << false << u"status 404, expected 200"_s;
    QTest::newRow("status as text") << QByteArray(R"({"status": "404"})") << true << u"status is 404"_s;
    QTest::newRow("status class, pass") << QByteArray(R"({"status": "4xx"})") << true << u"status is 4xx"_s;
    QTest::newRow("status class, fail") << QByteArray(R"({"status": "2XX"})") << false << u"status 404, expected 2xx"_s;

    QTest::newRow("header exists, pass") << QByteArray(R"({"header": "content-type", "exists": true})") << true
                                         << u"header content-type exists"_s;
    QTest::newRow("header exists, fail") << QByteArray(R"({"header": "X-Pod", "exists": true})") << false
                                         << u"header X-Pod is missing"_s;
    QTest::newRow("header absent, pass") << QByteArray(R"({"header": "X-Pod", "exists": false})") << true
                                         << u"header X-Pod is absent"_s;
    QTest::newRow("header absent, fail") << QByteArray(R"({"header": "X-Env", "exists": false})") << false
                                         << u"header X-Env: expected none, got \"dev\""_s;
    QTest::newRow("header equals, pass") << QByteArray(R"({"header": "X-Env", "equals": "dev"})") << true
                                         << u"header X-Env is \"dev\""_s;
    QTest::newRow("header equals, fail") << QByteArray(R"({"header": "X-Env", "equals": "prod"})") << false
                                         << u"header X-Env: expected \"prod\", got \"dev\""_s;
    QTest::newRow("header equals, missing") << QByteArray(R"({"header": "X-Pod", "equals": "a"})") << false
                                            << u"header X-Pod is missing, expected \"a\""_s;
    QTest::newRow("header matches, pass") << QByteArray(R"({"header": "Content-Type", "matches": "^application/json"})")
                                          << true << u"header Content-Type matches /^application/json/"_s;
    QTest::newRow("header matches, fail") << QByteArray(R"({"header": "Content-Type", "matches": "^text/"})") << false
                                          << u"header Content-Type: \"application/json; charset=utf-8\" does not match /^text//"_s;
    QTest::newRow("secret header not quoted") << QByteArray(R"({"header": "Set-Cookie", "equals": "x"})") << false
                                              << u"header Set-Cookie: expected \"x\", got <redacted>"_s;

    QTest::newRow("json equals number, pass") << QByteArray(R"({"json": "$.items[0].id", "equals": 7})") << true
                                              << u"$.items[0].id is 7"_s;
    QTest::newRow("json equals number, fail") << QByteArray(R"({"json": "$.items[0].id", "equals": 8})") << false
                                              << u"$.items[0].id: expected 8, got 7"_s;
    QTest::newRow("json 2 equals 2.0") << QByteArray(R"({"json": "$.count", "equals": 2})") << true << u"$.count is 2"_s;
    QTest::newRow("json equals text, fail") << QByteArray(R"({"json": "$.service", "equals": "web"})") << false
                                            << u"$.service: expected \"web\", got \"api\""_s;
    QTest::newRow("json equals object, any key order")
        << QByteArray(R"({"json": "$.items[0]", "equals": {"name": "a", "id": 7}})") << true
        << u"$.items[0] is {\"id\":7,\"name\":\"a\"}"_s;
    QTest::newRow("json equals null") << QByteArray(R"({"json": "$.nothing", "equals": null})") << true
                                      << u"$.nothing is null"_s;
    QTest::newRow("json equals, not found") << QByteArray(R"({"json": "$.items[5].id", "equals": 7})") << false
                                            << u"$.items[5].id: not found, expected 7"_s;
    QTest::newRow("json big number as sent") << QByteArray(R"({"json": "$.big", "equals": 1})") << false
                                             << u"$.big: expected 1, got 12345678901234567890"_s;
    QTest::newRow("json exists, pass") << QByteArray(R"({"json": "$['a key'].b", "exists": true})") << true
                                       << u"$['a key'].b exists"_s;
    QTest::newRow("json exists, fail") << QByteArray(R"({"json": "$.items[0].price", "exists": true})") << false
                                       << u"$.items[0].price: not found"_s;
    QTest::newRow("json absent, fail") << QByteArray(R"({"json": "$.ok", "exists": false})") << false
                                       << u"$.ok: expected none, got true"_s;
    QTest::newRow("json matches text, pass") << QByteArray(R"({"json": "$.service", "matches": "^ap"})") << true
                                             << u"$.service matches /^ap/"_s;
    QTest::newRow("json matches text, fail") << QByteArray(R"({"json": "$.service", "matches": "^web$"})") << false
                                             << u"$.service: \"api\" does not match /^web$/"_s;
    QTest::newRow("json matches number") << QByteArray(R"({"json": "$.items[-1].id", "matches": "^8$"})") << true
                                         << u"$.items[-1].id matches /^8$/"_s;
    QTest::newRow("jq path") << QByteArray(R"({"json": ".items[1].id", "equals": 8})") << true << u".items[1].id is 8"_s;

    QTest::newRow("time, pass") << QByteArray(R"({"timeUnderMs": 500})") << true << u"time under 500 ms"_s;
    QTest::newRow("time, fail") << QByteArray(R"({"timeUnderMs": 100})") << false
                                << u"time 120.4 ms, expected under 100 ms"_s;
}

void TestAssertions::evaluateOne()
{
    QFETCH(QByteArray, assertion);
    QFETCH(bool, passes);
    QFETCH(QString, message);
    const Result<Assertion> read = assertionFromJson(QJsonDocument::fromJson('[' + assertion + ']').array().at(0));
    QVERIFY_RESULT(read);
    const AssertionResult result = evaluate(read.value(), response());
    QCOMPARE(result.message, message);
    QCOMPARE(result.passed, passes);
    QVERIFY(!result.message.contains(u"SECRET-SESSION"_s));
}

void TestAssertions::notJsonBody()
{
    HttpResponse text = response();
    text.body = "default backend - 404";
    const AssertionResult result = evaluate(parsed(R"({"json": "$.id", "equals": 7})"), text);
    QVERIFY(!result.passed);
    QVERIFY2(result.message.startsWith(u"$.id: the body is not JSON ("_s), qPrintable(result.message));
}

void TestAssertions::manyAtOnce()
{
    const QList<AssertionResult> results =
        evaluate({parsed(R"({"status": 404})"), parsed(R"({"json": "$.count", "exists": true})"),
                  parsed(R"({"json": "$.service", "equals": "web"})")},
                 response());
    QCOMPARE(results.size(), 3);
    QVERIFY(results.at(0).passed);
    QVERIFY(results.at(1).passed);
    QVERIFY(!results.at(2).passed);
    QCOMPARE(results.at(2).description, u"$.service is \"web\""_s);
}

void TestAssertions::jsonRoundTrip()
{
    for (const QByteArray &json : {QByteArray(R"({"status":200})"), QByteArray(R"({"status":"2xx"})"),
                                  QByteArray(R"({"exists":true,"header":"X-A"})"),
                                  QByteArray(R"({"exists":false,"header":"X-A"})"),
                                  QByteArray(R"({"equals":"v","header":"X-A"})"),
                                  QByteArray(R"({"header":"X-A","matches":"^v"})"),
                                  QByteArray(R"({"equals":[1,{"a":null}],"json":"$.a"})"),
                                  QByteArray(R"({"timeUnderMs":250})")}) {
        const Assertion assertion = parsed(json);
        QCOMPARE(QJsonDocument(assertionToJson(assertion)).toJson(QJsonDocument::Compact), json);
    }
}

void TestAssertions::badAssertions_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing checked") << QByteArray(R"({"equals": 1})")
                                     << u"an assertion checks one of \"status\", \"header\", \"json\" or \"timeUnderMs\""_s;
    QTest::newRow("two subjects") << QByteArray(R"({"status": 200, "timeUnderMs": 5})") << u"checks one of"_s;
    QTest::newRow("status out of range") << QByteArray(R"({"status": 42})") << u"status: expected a status like 200"_s;
    QTest::newRow("status class 6xx") << QByteArray(R"({"status": "6xx"})") << u"status: expected a status like 200"_s;
    QTest::newRow("no operator") << QByteArray(R"({"header": "X-A"})") << u"header: give one of \"equals\""_s;
    QTest::newRow("typo") << QByteArray(R"({"json": "$.a", "equal": 1})") << u"json assertion: unknown key \"equal\""_s;
    QTest::newRow("bad regex") << QByteArray(R"({"header": "X-A", "matches": "(["})")
                               << u"X-A: \"matches\" /([/ is not a valid regular expression"_s;
    QTest::newRow("header equals number") << QByteArray(R"({"header": "X-A", "equals": 1})")
                                          << u"header X-A: \"equals\" must be a text"_s;
    QTest::newRow("bad path") << QByteArray(R"({"json": "items", "exists": true})") << u"start it with $"_s;
    QTest::newRow("negative time") << QByteArray(R"({"timeUnderMs": -1})") << u"timeUnderMs: expected a number"_s;
    QTest::newRow("not an object") << QByteArray(R"("status")") << u"an assertion is an object"_s;
}

void TestAssertions::badAssertions()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const Result<Assertion> read = assertionFromJson(QJsonDocument::fromJson('[' + json + ']').array().at(0));
    QVERIFY(!read);
    QVERIFY2(read.error().contains(message), qPrintable(read.error()));
}

void TestAssertions::jsonPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("found");  // the value's source text; empty: not found
    QTest::newRow("root") << u"$"_s << u"{\"a\":{\"b\":[1,{\"c\":\"x\"}]},\"a.b\":2,\"q\\\"\":3}"_s;
    QTest::newRow("jq root") << u"."_s << u"{\"a\":{\"b\":[1,{\"c\":\"x\"}]},\"a.b\":2,\"q\\\"\":3}"_s;
    QTest::newRow("members") << u"$.a.b"_s << u"[1,{\"c\":\"x\"}]"_s;
    QTest::newRow("index then member") << u"$.a.b[1].c"_s << u"\"x\""_s;
    QTest::newRow("from the end") << u"$.a.b[-2]"_s << u"1"_s;
    QTest::newRow("quoted name with a dot") << u"$['a.b']"_s << u"2"_s;
    QTest::newRow("double-quoted, escaped") << u"$[\"q\\\"\"]"_s << u"3"_s;
    QTest::newRow("jq") << u".a.b[0]"_s << u"1"_s;
    QTest::newRow("jq bracket") << u".[\"a\"].b[0]"_s << u"1"_s;
    QTest::newRow("past the end") << u"$.a.b[2]"_s << QString();
    QTest::newRow("index into an object") << u"$.a[0]"_s << QString();
    QTest::newRow("member of an array") << u"$.a.b.c"_s << QString();
    QTest::newRow("missing member") << u"$.z"_s << QString();
}

void TestAssertions::jsonPath()
{
    QFETCH(QString, path);
    QFETCH(QString, found);
    const Result<JsonTree> tree = JsonTree::parse(R"({"a":{"b":[1,{"c":"x"}]},"a.b":2,"q\"":3})");
    QVERIFY_RESULT(tree);
    const Result<JsonPath> parsedPath = JsonPath::parse(path);
    QVERIFY_RESULT(parsedPath);
    const std::optional<int> id = parsedPath.value().find(tree.value());
    QCOMPARE(id.has_value(), !found.isEmpty());
    if (id) {
        const JsonTree::Node &node = tree.value().node(*id);
        QCOMPARE(QString::fromUtf8(tree.value().source().mid(node.begin, node.end - node.begin)), found);
    }
}

void TestAssertions::badJsonPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << u"the JSON path is empty"_s;
    QTest::newRow("no root") << u"items[0]"_s << u"character 1: start it with $"_s;
    QTest::newRow("wildcard") << u"$.items[*]"_s << u"wildcards, slices and filters are not supported"_s;
    QTest::newRow("member wildcard") << u"$.*"_s << u"wildcards are not supported"_s;
    QTest::newRow("filter") << u"$.items[?(@.id==7)]"_s << u"character 9: expected a position"_s;
    QTest::newRow("slice") << u"$.items[0:2]"_s << u"not supported"_s;
    QTest::newRow("unclosed") << u"$.items[0"_s << u"the [ is not closed"_s;
    QTest::newRow("unclosed quote") << u"$['a"_s << u"the quoted name is not closed"_s;
    QTest::newRow("double dot") << u"$..a"_s << u"a member name is missing after the dot"_s;
    QTest::newRow("junk") << u"$a"_s << u"expected . or ["_s;
}

void TestAssertions::badJsonPaths()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    const Result<JsonPath> parsedPath = JsonPath::parse(path);
    QVERIFY(!parsedPath);
    QVERIFY2(parsedPath.error().contains(message), qPrintable(parsedPath.error()));
}

QTEST_GUILESS_MAIN(TestAssertions)
#include "tst_assertions.moc"
