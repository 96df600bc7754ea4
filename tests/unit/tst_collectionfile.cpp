// Collection files as users write and keep them (with environments and assertions), the
// window's store keeping the same, and a request sent through a rule.
#include <memory>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "checks.h"
#include "http/requestcollections.h"
#include "http/throughrule.h"
#include "testfiles.h"

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

// One line per piece: moc does not follow a raw string across lines.
const QByteArray HandWritten =
    R"({)"
    R"(  "name": "shop",)"
    R"(  "environments": {"dev": {"host": "api.local", "token": {"secret": true}}},)"
    R"(  "requests": [)"
    R"(    {"name": "list", "url": "http://{{host}}/api/v1/items",)"
    R"(     "headers": {"Accept": "application/json", "Authorization": "Bearer {{token}}"},)"
    R"(     "assertions": [{"status": 200}, {"json": "$.count", "exists": true}]},)"
    R"(    {"method": "POST", "url": "http://{{host}}/api/v1/items", "body": {"name": "pen"}})"
    R"(  ])"
    R"(})";

} // namespace

class TestCollectionFile final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void handWritten();
    void roundTrip();
    void nameFromFileName();
    void broken_data();
    void broken();
    void windowsFileWithOneCollection();
    void storeKeepsAssertionsNotSecrets();
    void exposingAgainKeepsWhatTheUserAdded();
    void throughRuleKeepsTheHost_data();
    void throughRuleKeepsTheHost();

private:
    QString file(const QString &name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCollectionFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCollectionFile::handWritten()
{
    QVERIFY_RESULT(writeFile(file(u"shop.json"_s), HandWritten));
    const Result<RequestCollection> loaded = loadCollectionFile(file(u"shop.json"_s));
    QVERIFY_RESULT(loaded);
    const RequestCollection &shop = loaded.value();
    QCOMPARE(shop.name, u"shop"_s);
    QCOMPARE(shop.requests.size(), 2);
    const CollectionRequest &list = shop.requests.at(0);
    QCOMPARE(list.name, u"list"_s);
    QCOMPARE(list.displayName(), u"list"_s);
    QCOMPARE(list.method, u"GET"_s);
    QCOMPARE(list.header(u"Accept"_s), u"application/json"_s);
    QCOMPARE(list.header(u"Authorization"_s), u"Bearer {{token}}"_s);
    QCOMPARE(list.assertions.size(), 2);
    QCOMPARE(list.assertions.at(1).subject, Assertion::Subject::Json);
    const CollectionRequest &post = shop.requests.at(1);
    QCOMPARE(post.displayName(), u"POST http://{{host}}/api/v1/items"_s);
    QCOMPARE(post.body, QByteArray(R"({"name":"pen"})"));
    QCOMPARE(post.contentType, u"application/json"_s);
    QCOMPARE(shop.environments.size(), 1);
    QVERIFY(shop.environments.at(0).find(u"token"_s)->secret);
}

void TestCollectionFile::roundTrip()
{
    QVERIFY_RESULT(writeFile(file(u"shop.json"_s), HandWritten));
    RequestCollection shop = loadCollectionFile(file(u"shop.json"_s)).value();
    shop.environments[0].set({u"token"_s, u"TYPED-IN-SECRET"_s, true});
    const QByteArray document = collectionDocument(shop, false);
    QVERIFY(!document.contains("TYPED-IN-SECRET"));
    QVERIFY(document.contains("\"format\": \"pasarela-collection\""));
    QVERIFY_RESULT(writeFile(file(u"again.json"_s), document));
    const Result<RequestCollection> again = loadCollectionFile(file(u"again.json"_s));
    QVERIFY_RESULT(again);
    QVERIFY(again.value().requests == shop.requests);
    QCOMPARE(again.value().environments.at(0).find(u"token"_s)->value, QString());
    QCOMPARE(again.value().environments.at(0).find(u"host"_s)->value, u"api.local"_s);
}

void TestCollectionFile::nameFromFileName()
{
    // Outside the macro: moc would take the // in a raw string for a comment.
    const QByteArray minimal = R"({"requests": [{"url": "http://h/"}]})";
    QVERIFY_RESULT(writeFile(file(u"smoke.json"_s), minimal));
    QCOMPARE(loadCollectionFile(file(u"smoke.json"_s)).value().name, u"smoke"_s);
}

void TestCollectionFile::broken_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{") << u"not valid JSON"_s;
    QTest::newRow("no requests") << QByteArray(R"({"name": "x"})") << u"not a Pasarela collection"_s;
    QTest::newRow("other format") << QByteArray(R"({"format": "other", "requests": []})") << u"not a Pasarela collection"_s;
    QTest::newRow("newer version") << QByteArray(R"({"version": 2, "requests": []})") << u"collection version 2"_s;
    QTest::newRow("Postman") << QByteArray(R"({"info": {"name": "x"}, "item": []})") << u"a Postman collection"_s;
    QTest::newRow("bad assertion names the request")
        << QByteArray(R"({"requests": [{"url": "http://h/"}, {"name": "two", "url": "http://h/", "assertions": [{"status": 42}]}]})")
        << u"request 2 (\"two\"): assertion 1: status: expected a status like 200"_s;
    QTest::newRow("bad environment") << QByteArray(R"({"requests": [], "environments": {"dev": {"a b": "x"}}})")
                                     << u"environment \"dev\": variable \"a b\""_s;
}

void TestCollectionFile::broken()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QVERIFY_RESULT(writeFile(file(u"bad.json"_s), content));
    const Result<RequestCollection> loaded = loadCollectionFile(file(u"bad.json"_s));
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().startsWith(file(u"bad.json"_s) + u": "_s), qPrintable(loaded.error()));
    QVERIFY2(loaded.error().contains(message), qPrintable(loaded.error()));
    // The user's file: left where it is, as it was.
    QCOMPARE(readFile(file(u"bad.json"_s)), content);
}

void TestCollectionFile::windowsFileWithOneCollection()
{
    RequestCollections store(file(u"request-collections.json"_s));
    RequestCollection one{u"one"_s, {}};
    HttpRequest request;
    request.url = u"http://h/"_s;
    one.requests.append(request);
    store.put(one);
    QVERIFY_RESULT(store.save());
    QCOMPARE(loadCollectionFile(store.path()).value().name, u"one"_s);

    store.put(RequestCollection{u"two"_s, {}});
    QVERIFY_RESULT(store.save());
    const Result<RequestCollection> loaded = loadCollectionFile(store.path());
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().contains(u"holds 2 collections (one, two)"_s), qPrintable(loaded.error()));
}

void TestCollectionFile::storeKeepsAssertionsNotSecrets()
{
    QVERIFY_RESULT(writeFile(file(u"shop.json"_s), HandWritten));
    RequestCollection shop = loadCollectionFile(file(u"shop.json"_s)).value();
    shop.environments[0].set({u"token"_s, u"TYPED-IN-SECRET"_s, true});
    shop.requests[1].headers.append({u"Cookie"_s, u"sid=LITERAL-SECRET"_s});
    RequestCollections store(file(u"sub/request-collections.json"_s));
    store.put(shop);
    QVERIFY_RESULT(store.save());
    const QByteArray saved = readFile(store.path());
    QVERIFY(!saved.contains("TYPED-IN-SECRET"));
    QVERIFY(!saved.contains("LITERAL-SECRET"));
    QVERIFY(saved.contains("Bearer {{token}}"));

    RequestCollections again(store.path());
    QVERIFY_RESULT(again.load());
    const RequestCollection *loaded = again.find(u"shop"_s);
    QVERIFY(loaded);
    QCOMPARE(loaded->requests.at(0).name, u"list"_s);
    QVERIFY(loaded->requests.at(0).assertions == shop.requests.at(0).assertions);
    QCOMPARE(loaded->environments.at(0).find(u"host"_s)->value, u"api.local"_s);
    QVERIFY(!again.find(u"nope"_s));
}

void TestCollectionFile::exposingAgainKeepsWhatTheUserAdded()
{
    QVERIFY_RESULT(writeFile(file(u"shop.json"_s), HandWritten));
    RequestCollections store(file(u"request-collections.json"_s));
    store.put(loadCollectionFile(file(u"shop.json"_s)).value());
    // What exposing the cluster makes: plain requests, no environments.
    RequestCollection fresh{u"shop"_s, {}};
    HttpRequest list;
    list.url = u"http://{{host}}/api/v1/items"_s;
    HttpRequest other;
    other.url = u"http://{{host}}/healthz"_s;
    fresh.requests = {list, other};
    QCOMPARE(store.put(fresh), 0);
    const RequestCollection &kept = store.collections().at(0);
    QCOMPARE(kept.requests.size(), 2);
    QCOMPARE(kept.requests.at(0).name, u"list"_s);
    QCOMPARE(kept.requests.at(0).assertions.size(), 2);
    QVERIFY(kept.requests.at(1).assertions.isEmpty());
    QCOMPARE(kept.environments.size(), 1);
}

void TestCollectionFile::throughRuleKeepsTheHost_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("hostHeader");  // the request's own; empty: none
    QTest::addColumn<QString>("expectedUrl");
    QTest::addColumn<QString>("expectedHost");
    QTest::newRow("host from the URL") << u"http://api.local/api/v1/items?page=2"_s << QString()
                                       << u"http://127.0.0.1:31042/api/v1/items?page=2"_s << u"api.local"_s;
    QTest::newRow("with its port") << u"http://api.local:8080/x"_s << QString() << u"http://127.0.0.1:31042/x"_s
                                   << u"api.local:8080"_s;
    QTest::newRow("own Host kept") << u"http://192.168.49.2/x"_s << u"web.local"_s << u"http://127.0.0.1:31042/x"_s
                                   << u"web.local"_s;
}

void TestCollectionFile::throughRuleKeepsTheHost()
{
    QFETCH(QString, url);
    QFETCH(QString, hostHeader);
    QFETCH(QString, expectedUrl);
    QFETCH(QString, expectedHost);
    ForwardRule rule;
    rule.listen = Endpoint{u"0.0.0.0"_s, 31042};
    HttpRequest request;
    request.url = url;
    if (!hostHeader.isEmpty())
        request.headers.append({u"Host"_s, hostHeader});
    const HttpRequest through = requestThroughRule(request, rule);
    QCOMPARE(through.url, expectedUrl);
    QCOMPARE(through.header(u"Host"_s), expectedHost);
    QCOMPARE(through.headers.size(), 1);
    QCOMPARE(urlThroughRule(url, rule), expectedUrl);
}

QTEST_GUILESS_MAIN(TestCollectionFile)
#include "tst_collectionfile.moc"
