// HTTP and TLS inspection through a real ForwardEngine: what the records say about
// real exchanges, and that an inspecting rule still relays every byte unchanged.
#include <atomic>
#include <memory>

#include <QHash>
#include <QSet>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "checks.h"
#include "enginehelpers.h"
#include "payload.h"
#include "rawhttpclient.h"
#include "relay/forwardengine.h"
#include "targetserver.h"
#include "testhttpserver.h"
#include "testsocket.h"

using namespace TestSupport;

namespace {

constexpr int Workers = 2;
constexpr int WaitMs = 10000;

// Every request record and the latest state of every connection the snapshots told of.
class InspectionLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectionLog)

public:
    explicit InspectionLog(ForwardEngine &engine)
    {
        connect(&engine, &ForwardEngine::snapshotReady, this, [this](const EngineSnapshot &snapshot) {
            for (const RequestRecord &record : snapshot.requests) {
                const auto key = qMakePair(record.connectionId, record.request.index);
                if (m_seen.contains(key))
                    ++m_duplicates;
                m_seen.insert(key);
                m_requests.append(record);
            }
            for (const ConnectionInfo &info : snapshot.connections)
                m_connections.insert(info.id, info);
        });
    }

    QList<RequestRecord> requests(RuleId rule) const
    {
        QList<RequestRecord> result;
        for (const RequestRecord &record : m_requests) {
            if (record.ruleId == rule)
                result.append(record);
        }
        return result;
    }
    QList<ConnectionInfo> connections(RuleId rule) const
    {
        QList<ConnectionInfo> result;
        for (const ConnectionInfo &info : m_connections) {
            if (info.ruleId == rule)
                result.append(info);
        }
        return result;
    }
    // The rule's only connection, once there is exactly one.
    ConnectionInfo only(RuleId rule) const
    {
        const QList<ConnectionInfo> all = connections(rule);
        return all.size() == 1 ? all.first() : ConnectionInfo{};
    }
    int duplicates() const { return m_duplicates; }

private:
    QList<RequestRecord> m_requests;
    QHash<quint64, ConnectionInfo> m_connections;
    QSet<QPair<quint64, int>> m_seen;
    int m_duplicates = 0;
};

ForwardRule inspectingRule(quint16 targetPort, bool inspect = true)
{
    ForwardRule rule = makeRule(QStringLiteral("inspect"), freePort(), targetPort);
    rule.inspectHttp = inspect;
    return rule;
}

} // namespace

class TestInspection final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void keepAlive();
    void pipelined();
    void chunkedResponse();
    void postWithBody();
    void tlsHello();
    void notHttp_data();
    void notHttp();
    void notPublished_data();
    void notPublished();
    void largeUploadIntact();

private:
    bool start(const ForwardRule &rule);
    quint16 port() const { return m_engine->rule(m_rule).listen.port; }

    std::unique_ptr<TestHttpServer> m_http;
    std::unique_ptr<ForwardEngine> m_engine;
    std::unique_ptr<InspectionLog> m_log;
    RuleId m_rule = 0;
};

void TestInspection::init()
{
    m_http = std::make_unique<TestHttpServer>();
    QVERIFY(m_http->listen());
    m_engine = std::make_unique<ForwardEngine>(Workers);
    m_engine->setPublishRequests(true);
    m_engine->setSnapshotInterval(50);
    m_log = std::make_unique<InspectionLog>(*m_engine);
}

void TestInspection::cleanup()
{
    QCOMPARE(m_log->duplicates(), 0);  // each request is published exactly once
    m_log.reset();
    m_engine.reset();
    m_http.reset();
}

bool TestInspection::start(const ForwardRule &rule)
{
    return startRule(*m_engine, rule, &m_rule);
}

// Two requests on one connection: two records, in order, on that connection, each
// published once its response ended (the connection is still open).
void TestInspection::keepAlive()
{
    QVERIFY(start(inspectingRule(m_http->port())));
    RawClient client;
    QVERIFY(client.connectTo(port()));
    client.send(rawRequest("GET", "/api/v1/items?page=1", "api.local"));
    ANSWER(items, client.read());
    QCOMPARE(items.status, 200);
    client.send(rawRequest("GET", "/nowhere", "api.local"));
    ANSWER(missing, client.read());
    QCOMPARE(missing.status, 404);
    client.send(rawRequest("GET", "/api/v1/text", "api.local"));
    ANSWER(text, client.read());
    QCOMPARE(text.status, 200);

    QTRY_COMPARE_WITH_TIMEOUT(m_log->requests(m_rule).size(), 3, WaitMs);
    const QList<RequestRecord> records = m_log->requests(m_rule);
    const Answer *answers[] = {&items, &missing, &text};
    const char *targets[] = {"/api/v1/items?page=1", "/nowhere", "/api/v1/text"};
    for (int i = 0; i < 3; ++i) {
        const InspectedRequest &r = records[i].request;
        QCOMPARE(r.index, i);
        QCOMPARE(r.method, QStringLiteral("GET"));
        QCOMPARE(r.host, QStringLiteral("api.local"));
        QCOMPARE(r.target, QString::fromLatin1(targets[i]));
        QCOMPARE(r.version, QStringLiteral("HTTP/1.1"));
        QCOMPARE(r.status, answers[i]->status);
        QCOMPARE(r.responseBodySize, qint64(answers[i]->body.size()));
        QCOMPARE(r.requestBodySize, qint64(0));
        QVERIFY(r.complete);
        QVERIFY(r.firstByteMs >= 0 && r.totalMs >= r.firstByteMs);
        QCOMPARE(records[i].connectionId, records[0].connectionId);
        QCOMPARE(records[i].listenPort, port());
        QCOMPARE(records[i].clientAddress, QHostAddress(QHostAddress::LocalHost));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_log->only(m_rule).requests, 3, WaitMs);
    const ConnectionInfo connection = m_log->only(m_rule);
    QCOMPARE(connection.id, records[0].connectionId);
    QCOMPARE(connection.clientPort, records[0].clientPort);
    COMPARE_NAMED(connection.protocol, Protocol::Http);
    COMPARE_NAMED(connection.state, ConnectionState::Open);
}

// Three requests in one write: the server answers them in order, so must the records.
void TestInspection::pipelined()
{
    QVERIFY(start(inspectingRule(m_http->port())));
    RawClient client;
    QVERIFY(client.connectTo(port()));
    client.send(rawRequest("GET", "/api/v1/items", "api.local") + rawRequest("HEAD", "/api/v1/items", "api.local")
                + rawRequest("GET", "/", "web.local"));
    ANSWER(first, client.read());
    ANSWER(second, client.read(true));
    ANSWER(third, client.read());

    QTRY_COMPARE_WITH_TIMEOUT(m_log->requests(m_rule).size(), 3, WaitMs);
    const QList<RequestRecord> records = m_log->requests(m_rule);
    QCOMPARE(records[0].request.method, QStringLiteral("GET"));
    QCOMPARE(records[0].request.responseBodySize, qint64(first.body.size()));
    QCOMPARE(records[1].request.method, QStringLiteral("HEAD"));
    QCOMPARE(records[1].request.status, second.status);
    QVERIFY(second.header("Content-Length").toLongLong() > 0);
    QCOMPARE(records[1].request.responseBodySize, qint64(0));  // a HEAD answer carries no body
    QCOMPARE(records[2].request.host, QStringLiteral("web.local"));
    QCOMPARE(records[2].request.target, QStringLiteral("/"));
    QCOMPARE(records[2].request.status, third.status);
    QCOMPARE(records[2].request.responseBodySize, qint64(third.body.size()));
    for (const RequestRecord &record : records)
        QVERIFY(record.request.complete);
}

// The size of a chunked body is its data, without the framing; the request after it
// on the same connection is found where the chunks end.
void TestInspection::chunkedResponse()
{
    QVERIFY(start(inspectingRule(m_http->port())));
    RawClient client;
    QVERIFY(client.connectTo(port()));
    client.send(rawRequest("GET", "/api/v1/chunked", "api.local"));
    ANSWER(chunked, client.read());
    QCOMPARE(chunked.header("Transfer-Encoding"), QByteArray("chunked"));
    client.send(rawRequest("GET", "/api/v1/items", "api.local"));
    ANSWER(after, client.read());

    QTRY_COMPARE_WITH_TIMEOUT(m_log->requests(m_rule).size(), 2, WaitMs);
    const QList<RequestRecord> records = m_log->requests(m_rule);
    QCOMPARE(records[0].request.target, QStringLiteral("/api/v1/chunked"));
    QCOMPARE(records[0].request.status, 200);
    QCOMPARE(records[0].request.responseBodySize, qint64(chunked.body.size()));
    QVERIFY(records[0].request.complete);
    QCOMPARE(records[1].request.target, QStringLiteral("/api/v1/items"));
    QCOMPARE(records[1].request.responseBodySize, qint64(after.body.size()));
}

void TestInspection::postWithBody()
{
    QVERIFY(start(inspectingRule(m_http->port())));
    const QByteArray body = R"({"name":"gamma","tags":["a","b"]})";
    RawClient client;
    QVERIFY(client.connectTo(port()));
    client.send(rawRequest("POST", "/api/v1/items", "api.local", body));
    ANSWER(created, client.read());
    QCOMPARE(created.status, 201);
    QCOMPARE(m_http->requests().last().body, body);  // relayed as sent

    QTRY_COMPARE_WITH_TIMEOUT(m_log->requests(m_rule).size(), 1, WaitMs);
    const InspectedRequest r = m_log->requests(m_rule).first().request;
    QCOMPARE(r.method, QStringLiteral("POST"));
    QCOMPARE(r.requestBodySize, qint64(body.size()));
    QCOMPARE(r.status, 201);
    QVERIFY2(r.contentType.startsWith(QStringLiteral("application/json")), qPrintable(r.contentType));
    QCOMPARE(r.responseBodySize, qint64(created.body.size()));
}

// A ClientHello to a target that only reads: the names come from the hello alone,
// and the target gets the hello as the client sent it (a TLS handshake record).
void TestInspection::tlsHello()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QTcpServer target;
    QVERIFY(target.listen(QHostAddress::LocalHost, 0));
    QVERIFY(start(inspectingRule(target.serverPort())));

    QSslSocket client;
    QSslConfiguration config = client.sslConfiguration();
    config.setAllowedNextProtocols({QByteArrayLiteral("h2"), QByteArrayLiteral("http/1.1")});
    client.setSslConfiguration(config);
    client.setPeerVerifyName(QStringLiteral("api.local"));
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port());
    QTRY_VERIFY_WITH_TIMEOUT(target.hasPendingConnections(), WaitMs);
    QTcpSocket *upstream = target.nextPendingConnection();
    QByteArray hello;
    QTRY_VERIFY_WITH_TIMEOUT((hello += upstream->readAll()).size() >= 5, WaitMs);
    QCOMPARE(hello.at(0), char(0x16));  // handshake record

    QTRY_VERIFY_WITH_TIMEOUT(m_log->only(m_rule).protocol == Protocol::Tls, WaitMs);
    const ConnectionInfo connection = m_log->only(m_rule);
    QCOMPARE(connection.serverName, QStringLiteral("api.local"));
    QCOMPARE(connection.alpn, (QStringList{QStringLiteral("h2"), QStringLiteral("http/1.1")}));
    QVERIFY(m_log->requests(m_rule).isEmpty());
}

void TestInspection::notHttp_data()
{
    QTest::addColumn<QByteArray>("banner");   // the server speaks first when not empty
    QTest::addColumn<QByteArray>("payload");  // then the client sends this and gets it back

    QTest::newRow("ssh banner first") << QByteArray("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")
                                      << QByteArray("SSH-2.0-OpenSSH_9.2p1\r\n") + randomBytes(7, 4096);
    QTest::newRow("random bytes from the client") << QByteArray() << randomBytes(42, 256 * 1024);
    QTest::newRow("request line then garbage")
        << QByteArray() << QByteArray("GET / HTTP/1.1\r\nHost: api.local\r\n\x01\x02 broken\r\n\r\n") + randomBytes(3, 1024);
}

// Not HTTP nor TLS: marked Other, no request records, every byte relayed unchanged both ways.
void TestInspection::notHttp()
{
    QFETCH(QByteArray, banner);
    QFETCH(QByteArray, payload);

    TargetServer server([banner](Socket &connection) {
        if (!banner.isEmpty() && !sendAll(connection, banner))
            return;
        TargetServer::echo()(connection);
    });
    QVERIFY(start(inspectingRule(server.port())));
    Socket client = connectTcp(port());
    QVERIFY(client.isValid());
    if (!banner.isEmpty()) {
        const RecvResult got = recvExactly(client, banner.size());
        QCOMPARE(got.data, banner);
    }
    QVERIFY(sendAll(client, payload));
    QVERIFY(shutdownWrite(client));
    const RecvResult echoed = recvUntilEof(client, WaitMs);
    QVERIFY2(echoed.end == RecvEnd::Eof, toString(echoed.end));
    QVERIFY(echoed.data == payload);

    QTRY_VERIFY_WITH_TIMEOUT(m_log->only(m_rule).state == ConnectionState::Closed, WaitMs);
    const ConnectionInfo connection = m_log->only(m_rule);
    COMPARE_NAMED(connection.protocol, Protocol::Other);
    QVERIFY2(!connection.protocolNote.isEmpty(), "Other says why");
    QCOMPARE(connection.bytesUp, quint64(payload.size()));
    QCOMPARE(connection.bytesDown, quint64(banner.size() + payload.size()));
    QCOMPARE(connection.requests, 0);
    QVERIFY(m_log->requests(m_rule).isEmpty());
}

// inspectHttp false: no inspector at all, so no records and Protocol::Off.
// A rule that does not inspect shows nothing; without a reader (headless without
// --log-requests) the requests are counted on the connection but not handed over.
void TestInspection::notPublished_data()
{
    QTest::addColumn<bool>("inspect");
    QTest::addColumn<Protocol>("protocol");
    QTest::addColumn<int>("counted");
    QTest::newRow("inspection off") << false << Protocol::Off << 0;
    QTest::newRow("no reader") << true << Protocol::Http << 1;
}

void TestInspection::notPublished()
{
    QFETCH(bool, inspect);
    QFETCH(Protocol, protocol);
    QFETCH(int, counted);
    m_engine->setPublishRequests(!inspect);
    QVERIFY(start(inspectingRule(m_http->port(), inspect)));
    {
        RawClient client;
        QVERIFY(client.connectTo(port()));
        client.send(rawRequest("GET", "/api/v1/items", "api.local"));
        ANSWER(items, client.read());
        QCOMPARE(items.status, 200);
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_log->only(m_rule).state == ConnectionState::Closed, WaitMs);
    const ConnectionInfo connection = m_log->only(m_rule);
    COMPARE_NAMED(connection.protocol, protocol);
    QCOMPARE(connection.requests, counted);
    QVERIFY(m_log->requests(m_rule).isEmpty());
    QCOMPARE(m_http->requests().size(), 1);
}

// 64 MiB through an inspecting rule arrive intact: inspection counts the body, it
// neither buffers nor changes it.
void TestInspection::largeUploadIntact()
{
    constexpr qint64 Size = 64 * 1024 * 1024;
    const QByteArray head = "POST /upload HTTP/1.1\r\nHost: api.local\r\nContent-Type: application/octet-stream\r\n"
                            "Content-Length: "
                            + QByteArray::number(Size) + "\r\n\r\n";
    auto received = std::make_shared<Hashed>();
    auto headSeen = std::make_shared<QByteArray>();
    auto done = std::make_shared<std::atomic<bool>>(false);
    TargetServer server([=](Socket &connection) {
        *headSeen = recvExactly(connection, head.size(), WaitMs).data;
        *received = receiveHashed(connection, 60000);
        sendAll(connection, QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        done->store(true);
    });
    QVERIFY(start(inspectingRule(server.port())));

    Socket client = connectTcp(port());
    QVERIFY(client.isValid());
    QVERIFY(sendAll(client, head));
    bool sent = false;
    const QByteArray hash = sendRandom(client, 1234, Size, &sent);
    QVERIFY(sent);
    QVERIFY(shutdownWrite(client));
    const RecvResult answer = recvUntilEof(client, 60000);
    QVERIFY(done->load());
    QCOMPARE(*headSeen, head);
    QCOMPARE(received->size, Size);
    QVERIFY(received->hash == hash);
    QCOMPARE(answer.data, QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));

    QTRY_COMPARE_WITH_TIMEOUT(m_log->requests(m_rule).size(), 1, WaitMs);
    const InspectedRequest r = m_log->requests(m_rule).first().request;
    QCOMPARE(r.method, QStringLiteral("POST"));
    QCOMPARE(r.requestBodySize, Size);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.responseBodySize, qint64(2));
}

QTEST_GUILESS_MAIN(TestInspection)
#include "tst_inspection.moc"
