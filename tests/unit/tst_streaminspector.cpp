#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include "inspect/streaminspector.h"

// Captured exchanges (tests/unit/inspect_data) fed at once, byte by byte and in random
// splits: every way must give the same records.
class TestStreamInspector : public QObject
{
    Q_OBJECT

private slots:
    void captured_data();
    void captured();
    void timesOfAnInterimAnswer();
    void closedBeforeTheAnswer();
    void untilCloseNeedsACleanEnd();
    void garbage_data();
    void garbage();
    void headersAsSent();
    void headerBlockTooLong();
    void bigBodiesStayBounded();
    void tinyChunks();
    void doneIsSticky();
    void capturesBodies_data();
    void capturesBodies();
    void captureIsOffByDefault();
};

namespace {

enum class Split { Whole, Bytes, Random };

QByteArray dataFile(const QString &name)
{
    if (name.isEmpty())
        return {};
    QFile file(QStringLiteral(INSPECT_DATA_DIR "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

void feed(StreamInspector &inspector, const QByteArray &bytes, bool client, Split split, quint32 seed, qint64 nowMs = 0)
{
    QRandomGenerator random(seed);
    qsizetype at = 0;
    while (at < bytes.size()) {
        qsizetype size = bytes.size() - at;
        if (split == Split::Bytes)
            size = 1;
        else if (split == Split::Random)
            size = qMin<qsizetype>(size, 1 + random.bounded(40));
        if (client)
            inspector.clientData(bytes.constData() + at, size, nowMs);
        else
            inspector.serverData(bytes.constData() + at, size, nowMs);
        at += size;
    }
}

QString describe(const InspectedRequest &r)
{
    return QStringList{r.method, r.host, r.target, QString::number(r.status), QString::number(r.requestBodySize),
                       QString::number(r.responseBodySize), r.complete ? QStringLiteral("complete") : QStringLiteral("cut")}
        .join(u' ');
}

struct Outcome
{
    StreamInspector::Kind kind = StreamInspector::Kind::Unknown;
    QStringList records;
    QString reason;
    QString serverName;
    QStringList alpn;
    bool done = false;
};

Outcome run(const QByteArray &client, const QByteArray &server, bool serverFirst, Split split, quint32 seed = 1)
{
    StreamInspector inspector;
    if (serverFirst)
        feed(inspector, server, false, split, seed);
    feed(inspector, client, true, split, seed);
    if (!serverFirst)
        feed(inspector, server, false, split, seed + 1);
    inspector.finish(0, true);
    Outcome outcome;
    outcome.kind = inspector.kind();
    int index = 0;
    for (const InspectedRequest &request : inspector.takeRequests()) {
        if (request.index != index++)
            qFatal("record %d has index %d", index - 1, request.index);
        outcome.records << describe(request);
    }
    outcome.reason = inspector.otherReason();
    if (const InspectedTls *tls = inspector.tls()) {
        outcome.serverName = tls->serverName;
        outcome.alpn = tls->alpn;
    }
    outcome.done = inspector.done();
    return outcome;
}

} // namespace

void TestStreamInspector::captured_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("server");
    QTest::addColumn<bool>("serverFirst");
    QTest::addColumn<StreamInspector::Kind>("kind");
    QTest::addColumn<QStringList>("records");
    QTest::addColumn<QString>("reason");  // a part of it
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<QStringList>("alpn");
    using K = StreamInspector::Kind;
    const QStringList none;
    const QString api = QStringLiteral("api.local");

    QTest::newRow("curl GET, nginx JSON") << u"curl_get.client"_qs << u"curl_get.server"_qs << false << K::Http
        << QStringList{u"GET api.local /api/v1/items 200 0 87 complete"_qs} << QString() << QString() << none;
    QTest::newRow("Firefox GET, chunked answer") << u"firefox_get.client"_qs << u"firefox_get.server"_qs << false << K::Http
        << QStringList{u"GET shop.local:8080 /index.html?lang=es 200 0 105 complete"_qs} << QString() << QString() << none;
    QTest::newRow("POST with 100-continue") << u"post_continue.client"_qs << u"post_continue.server"_qs << false << K::Http
        << QStringList{u"POST api.local /api/v1/items 201 51 24 complete"_qs} << QString() << QString() << none;
    QTest::newRow("pipelined GETs") << u"pipelined.client"_qs << u"pipelined.server"_qs << false << K::Http
        << QStringList{u"GET api.local /api/v1/items/1 200 0 9 complete"_qs, u"GET api.local /api/v1/items/2 200 0 23 complete"_qs,
                       u"GET api.local /api/v1/items/9 404 0 10 complete"_qs}
        << QString() << QString() << none;
    QTest::newRow("HEAD then GET") << u"head.client"_qs << u"head.server"_qs << false << K::Http
        << QStringList{u"HEAD api.local /index.html 200 0 0 complete"_qs, u"GET api.local /api/v1/items 200 0 87 complete"_qs}
        << QString() << QString() << none;
    QTest::newRow("DELETE, 204") << u"no_content.client"_qs << u"no_content.server"_qs << false << K::Http
        << QStringList{u"DELETE api.local /api/v1/items/3 204 0 0 complete"_qs} << QString() << QString() << none;
    QTest::newRow("conditional GET, 304") << u"not_modified.client"_qs << u"not_modified.server"_qs << false << K::Http
        << QStringList{u"GET api.local /index.html 304 0 0 complete"_qs} << QString() << QString() << none;
    QTest::newRow("HTTP/1.0 until close") << u"until_close.client"_qs << u"until_close.server"_qs << false << K::Http
        << QStringList{u"GET old.local /legacy 200 0 99 complete"_qs} << QString() << QString() << none;
    QTest::newRow("chunked upload with trailer, bare LF answer") << u"chunked_upload.client"_qs << u"chunked_upload.server"_qs
        << false << K::Http << QStringList{u"PUT api.local /api/v1/import 200 33 15 complete"_qs} << QString() << QString() << none;
    QTest::newRow("WebSocket upgrade") << u"websocket.client"_qs << u"websocket.server"_qs << false << K::Http
        << QStringList{u"GET api.local /ws 101 0 0 complete"_qs} << QString() << QString() << none;
    QTest::newRow("CONNECT tunnel") << u"connect.client"_qs << u"connect.server"_qs << false << K::Http
        << QStringList{u"CONNECT api.local:443 api.local:443 200 0 0 complete"_qs} << QString() << QString() << none;
    QTest::newRow("request without an answer") << u"curl_get.client"_qs << QString() << false << K::Http
        << QStringList{u"GET api.local /api/v1/items 0 0 0 cut"_qs} << QString() << QString() << none;
    QTest::newRow("curl ClientHello") << u"tls_curl.client"_qs << QString() << false << K::Tls << QStringList()
        << QString() << api << QStringList{u"h2"_qs, u"http/1.1"_qs};
    QTest::newRow("TLS 1.3 ClientHello in two records") << u"tls13_split.client"_qs << QString() << false << K::Tls
        << QStringList() << QString() << api << QStringList{u"h2"_qs, u"http/1.1"_qs};
    QTest::newRow("HTTP/2 prior knowledge") << u"h2c.client"_qs << QString() << false << K::Other << QStringList()
        << u"HTTP/2 without TLS"_qs << QString() << none;
    QTest::newRow("SSH: the server speaks first") << u"ssh.client"_qs << u"ssh.server"_qs << true << K::Other << QStringList()
        << u"the server spoke first"_qs << QString() << none;
    QTest::newRow("Redis") << u"redis.client"_qs << QString() << false << K::Other << QStringList()
        << u"request line \"*"_qs << QString() << none;
}

void TestStreamInspector::captured()
{
    QFETCH(QString, client);
    QFETCH(QString, server);
    QFETCH(bool, serverFirst);
    QFETCH(StreamInspector::Kind, kind);
    QFETCH(QStringList, records);
    QFETCH(QString, reason);
    QFETCH(QString, serverName);
    QFETCH(QStringList, alpn);
    const QByteArray clientBytes = dataFile(client);
    const QByteArray serverBytes = dataFile(server);

    const Outcome whole = run(clientBytes, serverBytes, serverFirst, Split::Whole);
    QCOMPARE(whole.kind, kind);
    QCOMPARE(whole.records, records);
    QVERIFY2(reason.isEmpty() ? whole.reason.isEmpty() : whole.reason.contains(reason), qPrintable(whole.reason));
    QCOMPARE(whole.serverName, serverName);
    QCOMPARE(whole.alpn, alpn);
    QVERIFY(whole.done);

    const QList<Outcome> others{run(clientBytes, serverBytes, serverFirst, Split::Bytes),
                                run(clientBytes, serverBytes, serverFirst, Split::Random, 7),
                                run(clientBytes, serverBytes, serverFirst, Split::Random, 2024)};
    for (const Outcome &other : others) {
        QCOMPARE(other.kind, whole.kind);
        QCOMPARE(other.records, whole.records);
        QCOMPARE(other.reason, whole.reason);
        QCOMPARE(other.serverName, whole.serverName);
        QCOMPARE(other.alpn, whole.alpn);
    }
}

void TestStreamInspector::timesOfAnInterimAnswer()
{
    const QByteArray client = dataFile(u"post_continue.client"_qs);
    const QByteArray server = dataFile(u"post_continue.server"_qs);
    const qsizetype headEnd = client.indexOf("\r\n\r\n") + 4;
    const qsizetype interimEnd = server.indexOf("\r\n\r\n") + 4;
    StreamInspector inspector;
    inspector.clientData(client.constData(), headEnd, 1000);
    inspector.serverData(server.constData(), interimEnd, 1005);
    inspector.clientData(client.constData() + headEnd, client.size() - headEnd, 1020);
    QVERIFY(inspector.takeRequests().isEmpty());
    inspector.serverData(server.constData() + interimEnd, server.size() - interimEnd, 1040);
    const QList<InspectedRequest> requests = inspector.takeRequests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.at(0).startMs, 1000);
    QCOMPARE(requests.at(0).status, 201);
    QCOMPARE(requests.at(0).reason, u"Created"_qs);
    QCOMPARE(requests.at(0).firstByteMs, 5);
    QCOMPARE(requests.at(0).totalMs, 40);
    QVERIFY(requests.at(0).complete);
    QVERIFY(!inspector.done());
}

void TestStreamInspector::closedBeforeTheAnswer()
{
    const QByteArray client = dataFile(u"pipelined.client"_qs);
    const QByteArray server = dataFile(u"pipelined.server"_qs);
    StreamInspector inspector;
    inspector.clientData(client.constData(), client.size(), 10);
    inspector.serverData(server.constData(), 150, 30);  // the first answer, and part of the second
    const QList<InspectedRequest> first = inspector.takeRequests();
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.at(0).totalMs, 20);
    inspector.finish(50, false);
    QVERIFY(inspector.done());
    const QList<InspectedRequest> rest = inspector.takeRequests();
    QCOMPARE(rest.size(), 2);
    QCOMPARE(rest.at(0).index, 1);
    QCOMPARE(rest.at(0).status, 0);
    QCOMPARE(rest.at(0).firstByteMs, 20);
    QCOMPARE(rest.at(1).index, 2);
    QCOMPARE(rest.at(1).firstByteMs, -1);
    for (const InspectedRequest &request : rest) {
        QVERIFY(!request.complete);
        QCOMPARE(request.totalMs, -1);
    }
}

void TestStreamInspector::untilCloseNeedsACleanEnd()
{
    const QByteArray client = dataFile(u"until_close.client"_qs);
    const QByteArray server = dataFile(u"until_close.server"_qs);
    for (const bool clean : {true, false}) {
        StreamInspector inspector;
        inspector.clientData(client.constData(), client.size(), 0);
        inspector.serverData(server.constData(), server.size(), 3);
        QVERIFY(inspector.takeRequests().isEmpty());
        inspector.finish(9, clean);
        const QList<InspectedRequest> requests = inspector.takeRequests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.at(0).status, 200);
        QCOMPARE(requests.at(0).responseBodySize, 99);
        QCOMPARE(requests.at(0).complete, clean);
        QCOMPARE(requests.at(0).totalMs, clean ? 9 : -1);
        QCOMPARE(requests.at(0).version, u"HTTP/1.0"_qs);
    }
}

void TestStreamInspector::garbage_data()
{
    QTest::addColumn<QByteArray>("client");
    QTest::addColumn<QByteArray>("server");
    QTest::addColumn<int>("records");
    QTest::addColumn<QString>("reason");
    const QByteArray get = dataFile(u"curl_get.client"_qs);
    const QByteArray ok = dataFile(u"curl_get.server"_qs);

    QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\n\r\n") << QByteArray() << 0 << u"request line"_qs;
    QTest::newRow("HTTP/0.9") << QByteArray("GET /\r\n") << QByteArray() << 0 << u"request line"_qs;
    QTest::newRow("HTTP/3") << QByteArray("GET / HTTP/3.0\r\n\r\n") << QByteArray() << 0 << u"not HTTP/1.x"_qs;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost api.local\r\n\r\n") << QByteArray() << 0
                                          << u"header line"_qs;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << QByteArray() << 0
                                        << u"header line"_qs;
    QTest::newRow("bad Content-Length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n") << QByteArray() << 0
                                        << u"Content-Length"_qs;
    QTest::newRow("unknown request coding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
                                            << QByteArray() << 0 << u"transfer coding"_qs;
    QTest::newRow("garbage after an exchange") << get + "\x16\x03\x01" << ok << 1 << u"request line"_qs;
    QTest::newRow("answer without status line") << get << QByteArray("SSH-2.0-x\r\n\r\n") << 1 << u"status line"_qs;
    QTest::newRow("status below 100") << get << QByteArray("HTTP/1.1 020 OK\r\n\r\n") << 1 << u"status line"_qs;
    QTest::newRow("bad chunk size") << get << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 1
                                    << u"chunked"_qs;
    QTest::newRow("answer nobody asked for") << get << ok + ok << 1 << u"no request asked for"_qs;
}

void TestStreamInspector::garbage()
{
    QFETCH(QByteArray, client);
    QFETCH(QByteArray, server);
    QFETCH(int, records);
    QFETCH(QString, reason);
    for (const Split split : {Split::Whole, Split::Bytes, Split::Random}) {
        const Outcome outcome = run(client, server, false, split);
        QCOMPARE(outcome.kind, StreamInspector::Kind::Other);
        QVERIFY2(outcome.reason.contains(reason), qPrintable(outcome.reason));
        QCOMPARE(outcome.records.size(), records);
        QVERIFY(outcome.done);
    }
}

void TestStreamInspector::headersAsSent()
{
    const QByteArray client = "GET http://api.local:8080/x?y=1 HTTP/1.1\r\nuser-agent: curl/7.88.1\r\nX-Long: a\r\n b\r\n\r\n";
    const QByteArray server = dataFile(u"curl_get.server"_qs);
    StreamInspector inspector;
    inspector.clientData(client.constData(), client.size(), 0);
    QCOMPARE(inspector.kind(), StreamInspector::Kind::Http);
    inspector.serverData(server.constData(), server.size(), 0);
    const QList<InspectedRequest> requests = inspector.takeRequests();
    QCOMPARE(requests.size(), 1);
    const InspectedRequest &request = requests.at(0);
    QCOMPARE(request.host, u"api.local:8080"_qs);
    QCOMPARE(request.target, u"http://api.local:8080/x?y=1"_qs);
    const QList<QPair<QByteArray, QByteArray>> headers{{"user-agent", "curl/7.88.1"}, {"X-Long", "a b"}};
    QCOMPARE(request.headers(), headers);
    QCOMPARE(request.contentType, u"application/json"_qs);
    QCOMPARE(request.reason, u"OK"_qs);
}

void TestStreamInspector::headerBlockTooLong()
{
    QByteArray client = "GET / HTTP/1.1\r\n";
    while (client.size() <= 64 * 1024)
        client += "X-Filler: " + QByteArray(1000, 'x') + "\r\n";
    const Outcome outcome = run(client, {}, false, Split::Random);
    QCOMPARE(outcome.kind, StreamInspector::Kind::Other);
    QVERIFY2(outcome.reason.contains(u"64 KiB"), qPrintable(outcome.reason));
    QVERIFY(outcome.records.isEmpty());
}

void TestStreamInspector::bigBodiesStayBounded()
{
    constexpr qint64 Body = 64 * 1024 * 1024;
    const QByteArray chunk(1024 * 1024, 'z');
    const QByteArray upload = "PUT /big HTTP/1.1\r\nHost: api.local\r\nContent-Length: " + QByteArray::number(Body) + "\r\n\r\n";
    const QByteArray answer = "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(Body) + "\r\n\r\n";
    StreamInspector inspector;
    inspector.clientData(upload.constData(), upload.size(), 0);
    for (qint64 sent = 0; sent < Body; sent += chunk.size()) {
        inspector.clientData(chunk.constData(), chunk.size(), 1);
        QVERIFY(inspector.bufferedBytes() < 70 * 1024);
    }
    inspector.serverData(answer.constData(), answer.size(), 2);
    for (qint64 sent = 0; sent < Body; sent += chunk.size()) {
        inspector.serverData(chunk.constData(), chunk.size(), 3);
        QVERIFY(inspector.bufferedBytes() < 70 * 1024);
    }
    const QList<InspectedRequest> requests = inspector.takeRequests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.at(0).requestBodySize, Body);
    QCOMPARE(requests.at(0).responseBodySize, Body);
    QVERIFY(requests.at(0).complete);
    QCOMPARE(inspector.bufferedBytes(), 0);
}

// A 60 KiB header block one byte at a time: each byte costs O(1), not a rescan.
void TestStreamInspector::tinyChunks()
{
    QByteArray client = "GET / HTTP/1.1\r\n";
    while (client.size() < 60 * 1024)
        client += "X-Filler: " + QByteArray(100, 'x') + "\r\n";
    client += "\r\n";
    const Outcome outcome = run(client, "HTTP/1.1 204 No Content\r\n\r\n", false, Split::Bytes);
    QCOMPARE(outcome.kind, StreamInspector::Kind::Http);
    QCOMPARE(outcome.records, QStringList{u"GET  / 204 0 0 complete"_qs});
}

void TestStreamInspector::doneIsSticky()
{
    const QByteArray hello = dataFile(u"tls_curl.client"_qs);
    const QByteArray get = dataFile(u"curl_get.client"_qs);
    StreamInspector inspector;
    inspector.clientData(hello.constData(), hello.size(), 0);
    QVERIFY(inspector.done());
    QCOMPARE(inspector.kind(), StreamInspector::Kind::Tls);
    QCOMPARE(inspector.bufferedBytes(), 0);
    inspector.clientData(get.constData(), get.size(), 1);
    inspector.serverData(get.constData(), get.size(), 1);
    inspector.finish(2, true);
    QVERIFY(inspector.done());
    QCOMPARE(inspector.kind(), StreamInspector::Kind::Tls);
    QVERIFY(inspector.takeRequests().isEmpty());
    QVERIFY(inspector.tls());
    QCOMPARE(inspector.tls()->serverName, u"api.local"_qs);
}

void TestStreamInspector::capturesBodies_data()
{
    QTest::addColumn<int>("splitNumber");
    QTest::newRow("whole") << int(Split::Whole);
    QTest::newRow("bytes") << int(Split::Bytes);
    QTest::newRow("random") << int(Split::Random);
}

// Under a capture limit: each answer's head, and both bodies up to the limit with the chunk
// framing taken out; a body cut by the limit or by the end of the connection keeps its start.
void TestStreamInspector::capturesBodies()
{
    QFETCH(int, splitNumber);
    const auto split = Split(splitNumber);
    const QByteArray json = R"({"name":"lamp","price":12})";
    const QByteArray big(3000, 'b');
    const QByteArray client = "POST /api/v1/items HTTP/1.1\r\nHost: api.local\r\nContent-Length: "
                              + QByteArray::number(json.size()) + "\r\n\r\n" + json
                              + "PUT /chunked HTTP/1.1\r\nHost: api.local\r\nTransfer-Encoding: chunked\r\n\r\n"
                                "4\r\nabcd\r\n3;x=y\r\nefg\r\n0\r\nX-Trailer: 1\r\n\r\n"
                              + "GET /big HTTP/1.1\r\nHost: api.local\r\n\r\n"
                              + "GET /close HTTP/1.1\r\nHost: api.local\r\n\r\n";
    const QByteArray firstHead = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n";
    const QByteArray server = firstHead + R"({"id":4})" + "\n"
                              + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
                              + "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(big.size()) + "\r\n\r\n" + big
                              + "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end";
    StreamInspector inspector;
    inspector.setCaptureLimit(1024);
    feed(inspector, client, true, split, 7);
    feed(inspector, server, false, split, 8);
    inspector.finish(1, true);
    const QList<InspectedRequest> records = inspector.takeRequests();
    QCOMPARE(records.size(), 4);
    for (const InspectedRequest &record : records)
        QVERIFY(record.captured);

    QCOMPARE(records.at(0).requestBody, json);
    QCOMPARE(records.at(0).responseHead, firstHead);
    QCOMPARE(records.at(0).responseBody, QByteArray(R"({"id":4})" "\n"));
    const QList<QPair<QByteArray, QByteArray>> fields{{"Content-Type", "application/json"}, {"Content-Length", "9"}};
    QCOMPARE(records.at(0).responseHeaders(), fields);

    QCOMPARE(records.at(1).requestBody, QByteArray("abcdefg"));
    QCOMPARE(records.at(1).responseBody, QByteArray("hello world"));
    QVERIFY(records.at(1).responseHead.startsWith("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked"));

    QCOMPARE(records.at(2).responseBodySize, big.size());
    QCOMPARE(records.at(2).responseBody, big.left(1024));
    QVERIFY(records.at(2).requestBody.isEmpty());

    QCOMPARE(records.at(3).responseBody, QByteArray("until the end"));
    QCOMPARE(inspector.bufferedBytes(), 0);

    // Cut by the connection's end: what came is kept.
    StreamInspector cut;
    cut.setCaptureLimit(1024);
    const QByteArray get = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    const QByteArray half = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789";
    feed(cut, get, true, split, 9);
    feed(cut, half, false, split, 10);
    cut.finish(2, false);
    const QList<InspectedRequest> partial = cut.takeRequests();
    QCOMPARE(partial.size(), 1);
    QVERIFY(!partial.at(0).complete);
    QCOMPARE(partial.at(0).responseBody, QByteArray("0123456789"));
    QCOMPARE(partial.at(0).responseBodySize, 10);
}

// The relay only counts unless asked: nothing is kept.
void TestStreamInspector::captureIsOffByDefault()
{
    const QByteArray client = dataFile(u"chunked_upload.client"_qs);
    const QByteArray server = dataFile(u"chunked_upload.server"_qs);
    StreamInspector inspector;
    inspector.clientData(client.constData(), client.size(), 0);
    inspector.serverData(server.constData(), server.size(), 0);
    inspector.finish(1, true);
    const QList<InspectedRequest> records = inspector.takeRequests();
    QVERIFY(!records.isEmpty());
    QVERIFY(records.at(0).requestBodySize > 0);
    QVERIFY(!records.at(0).captured);
    QCOMPARE(records.at(0).capturedBytes(), 0);
}

QTEST_APPLESS_MAIN(TestStreamInspector)
#include "tst_streaminspector.moc"
