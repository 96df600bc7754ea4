#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "checks.h"
#include "http/requestcollections.h"
#include "testfiles.h"

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

HttpRequest get(const QString &url, const QString &host)
{
    HttpRequest request;
    request.url = url;
    request.headers = {{u"Host"_s, host}};
    return request;
}

RequestCollection shop()
{
    return {u"shop"_s, {get(u"http://127.0.0.1:31042/api"_s, u"api.local"_s), get(u"https://127.0.0.1:31443/"_s, u"web.local"_s)}};
}

} // namespace

class TestRequestCollections final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void missingFileIsEmpty();
    void persistAndReload();
    void putReplacesByName();
    void removeRequestAndCollection();
    void secretsLeftOutAndPrivate();
    void broken_data();
    void broken();

private:
    QString path() const { return m_dir->filePath(u"sub/request-collections.json"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRequestCollections::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestRequestCollections::missingFileIsEmpty()
{
    RequestCollections store(path());
    QVERIFY_RESULT(store.load());
    QVERIFY(store.collections().isEmpty());
    QVERIFY(!QFile::exists(path()));
}

void TestRequestCollections::persistAndReload()
{
    RequestCollections store(path());
    QCOMPARE(store.put(shop()), 0);
    QCOMPARE(store.put({u"blog"_s, {get(u"http://127.0.0.1:31042/posts"_s, u"blog.local"_s)}}), 1);
    QVERIFY_RESULT(store.save());

    RequestCollections again(path());
    QVERIFY_RESULT(again.load());
    QCOMPARE(again.collections().size(), 2);
    QCOMPARE(again.collections().at(0).name, u"shop"_s);
    QVERIFY(again.collections().at(0).requests == shop().requests);
    QCOMPARE(again.collections().at(1).name, u"blog"_s);
    QCOMPARE(again.collections().at(1).requests.at(0).header(u"Host"_s), u"blog.local"_s);
}

void TestRequestCollections::putReplacesByName()
{
    RequestCollections store(path());
    store.put(shop());
    store.put({u"blog"_s, {}});
    const RequestCollection moved{u"shop"_s, {get(u"http://127.0.0.1:31050/api"_s, u"api.local"_s)}};
    QCOMPARE(store.put(moved), 0);
    QCOMPARE(store.collections().size(), 2);
    QVERIFY(store.collections().at(0).requests == moved.requests);
}

void TestRequestCollections::removeRequestAndCollection()
{
    RequestCollections store(path());
    store.put(shop());
    store.put({u"blog"_s, {}});
    store.removeRequest(0, 0);
    QCOMPARE(store.collections().at(0).requests.size(), 1);
    QCOMPARE(store.collections().at(0).requests.at(0).header(u"Host"_s), u"web.local"_s);
    store.removeRequest(0, 5);
    store.removeRequest(7, 0);
    store.removeCollection(0);
    QCOMPARE(store.collections().size(), 1);
    QCOMPARE(store.collections().at(0).name, u"blog"_s);
    store.removeCollection(3);
    QCOMPARE(store.collections().size(), 1);
}

void TestRequestCollections::secretsLeftOutAndPrivate()
{
    RequestCollections store(path());
    RequestCollection collection = shop();
    collection.requests[0].headers.append({u"Authorization"_s, u"Bearer SECRET-TOKEN"_s});
    store.put(collection);
    QVERIFY_RESULT(store.save());
    QVERIFY(!readFile(path()).contains("SECRET-TOKEN"));
    QCOMPARE(fileMode(path()) & 0777, 0600);
}

void TestRequestCollections::broken_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not json") << QByteArray("{ nope") << u"not valid JSON"_s;
    QTest::newRow("other file") << QByteArray(R"({"format":"pasarela-http-history","version":1})") << u"not a Pasarela request collections file"_s;
    QTest::newRow("newer version") << QByteArray(R"({"format":"pasarela-request-collections","version":9,"collections":[]})")
                                   << u"version 9"_s;
    QTest::newRow("no name") << QByteArray(R"({"format":"pasarela-request-collections","version":1,"collections":[{"requests":[]}]})")
                             << u"collection 1: \"name\""_s;
    QTest::newRow("bad request") << QByteArray(R"({"format":"pasarela-request-collections","version":1,"collections":[{"name":"a","requests":[7]}]})")
                                 << u"collection 1: request 1: expected an object, got a number"_s;
}

void TestRequestCollections::broken()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    QVERIFY(QDir().mkpath(QFileInfo(path()).path()));
    QVERIFY_RESULT(writeFile(path(), content));
    RequestCollections store(path());
    const Result<void> loaded = store.load();
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().contains(reason), qPrintable(loaded.error()));
    QVERIFY(store.collections().isEmpty());
    // Kept aside, byte for byte, under the name the message gives.
    const QStringList aside = QDir(QFileInfo(path()).path()).entryList({u"request-collections.json.broken-*"_s});
    QCOMPARE(aside.size(), 1);
    QVERIFY2(loaded.error().contains(aside.constFirst()), qPrintable(loaded.error()));
    QCOMPARE(readFile(QFileInfo(path()).dir().filePath(aside.constFirst())), content);
    QVERIFY(!QFile::exists(path()));
}

QTEST_GUILESS_MAIN(TestRequestCollections)
#include "tst_requestcollections.moc"
