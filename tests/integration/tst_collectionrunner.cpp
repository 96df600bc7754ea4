// CollectionRunner in process, as the window will drive it: the order of its signals,
// a request that cannot be sent amid others, cancel, and the JUnit report of a canceled run.
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QXmlStreamReader>

#include "checks.h"
#include "http/collectionrunner.h"
#include "http/junitreport.h"
#include "testhttpserver.h"

using namespace Qt::StringLiterals;

namespace {

CollectionRequest get(const QString &url, const QString &name, const QList<QByteArray> &assertions = {})
{
    CollectionRequest request;
    request.url = url;
    request.name = name;
    request.headers = {{u"Host"_s, u"api.local"_s}};
    for (const QByteArray &json : assertions)
        request.assertions.append(assertionFromJson(QJsonDocument::fromJson('[' + json + ']').array().at(0)).value());
    return request;
}

} // namespace

class TestCollectionRunner final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.listen()); }
    void runsInOrder();
    void cancelStopsTheRun();

private:
    TestHttpServer m_server;
};

void TestCollectionRunner::runsInOrder()
{
    RequestCollection collection{u"c"_s, {}};
    collection.requests = {get(m_server.url(u"/api/v1/items"_s), u"items"_s, {R"({"status": 200})", R"({"status": 201})"}),
                           get(m_server.url(u"/{{missing}}"_s), QString()),
                           get(m_server.url(u"/api/v1/text"_s), u"text"_s, {R"({"status": "2xx"})"})};
    CollectionRunner runner;
    QSignalSpy started(&runner, &CollectionRunner::requestStarted);
    QSignalSpy finishedOne(&runner, &CollectionRunner::requestFinished);
    QSignalSpy finished(&runner, &CollectionRunner::finished);
    const qsizetype before = m_server.requests().size();
    runner.start(collection, VariableSet(Environment{}, QProcessEnvironment()));
    QVERIFY(runner.isRunning());
    QVERIFY(finished.wait(30000));
    QVERIFY(!runner.isRunning());
    QCOMPARE(started.size(), 3);
    QCOMPARE(finishedOne.size(), 3);
    QCOMPARE(m_server.requests().size(), before + 2);  // the one without a value was not sent

    const QList<RequestOutcome> &outcomes = runner.outcomes();
    QCOMPARE(outcomes.size(), 3);
    QVERIFY(outcomes.at(0).hasResponse());
    QVERIFY(!outcomes.at(0).passed());
    QCOMPARE(outcomes.at(0).assertionsPassed(), 1);
    QCOMPARE(outcomes.at(0).assertions.at(1).message, u"status 200, expected 201"_s);
    QVERIFY(!outcomes.at(1).sent);
    QVERIFY(!outcomes.at(1).passed());
    QCOMPARE(outcomes.at(1).name, u"GET "_s + m_server.url(u"/{{missing}}"_s));
    QVERIFY2(outcomes.at(1).problem().startsWith(u"not sent: unknown variable {{missing}}"_s),
             qPrintable(outcomes.at(1).problem()));
    QVERIFY(outcomes.at(2).passed());
    QVERIFY(runner.notRun().isEmpty());
}

void TestCollectionRunner::cancelStopsTheRun()
{
    RequestCollection collection{u"slow"_s, {}};
    collection.requests = {get(m_server.url(u"/api/v1/items"_s), u"first"_s),
                           get(m_server.url(u"/api/v1/slow?ms=60000"_s), u"slow"_s),
                           get(m_server.url(u"/api/v1/items"_s), u"never"_s)};
    CollectionRunner runner;
    QSignalSpy finished(&runner, &CollectionRunner::finished);
    const qsizetype before = m_server.requests().size();
    runner.start(collection, VariableSet(Environment{}, QProcessEnvironment()));
    // Canceled while the server holds the slow request.
    QTRY_COMPARE_WITH_TIMEOUT(m_server.requests().size(), before + 2, 30000);
    runner.cancel();
    QVERIFY(finished.wait(10000));
    QCOMPARE(runner.outcomes().size(), 2);
    QVERIFY(runner.outcomes().at(0).passed());
    QCOMPARE(runner.outcomes().at(1).exchange.failure, HttpFailure::Canceled);
    QCOMPARE(runner.notRun(), QStringList{u"never"_s});
    QCOMPARE(m_server.requests().size(), before + 2);

    const JUnitSuite suite{collection.name, runner.startedAt(), runner.elapsedMs(), runner.outcomes(), runner.notRun()};
    QXmlStreamReader xml(junitXml({suite}));
    QStringList elements;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() != u"system-out")
            elements.append(xml.name().toString() + u' ' + xml.attributes().value(u"name"_s).toString()
                            + xml.attributes().value(u"message"_s).toString());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(elements, (QStringList{u"testsuites pasarela run"_s, u"testsuite slow"_s, u"testcase first"_s,
                                    u"testcase slow"_s, u"error no response: canceled"_s, u"testcase never"_s,
                                    u"skipped not run: the run was canceled"_s}));
}

QTEST_GUILESS_MAIN(TestCollectionRunner)
#include "tst_collectionrunner.moc"
