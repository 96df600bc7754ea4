// MiniHttpServer itself, with a handler that answers with the request target:
// delayed and chunked answers in a pipeline, a half-closed client, TLS, and the
// errors it reports. The demo's and the HTTP client's tests cover the rest.
#include <QTcpServer>
#include <QTest>

#include "checks.h"
#include "demo/minihttpserver.h"
#include "rawhttpclient.h"
#include "testhttpserver.h"
#include "testsocket.h"

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

MiniHttpServer::Response echoTarget(const MiniHttpServer::Request &request)
{
    MiniHttpServer::Response r = MiniHttpServer::Response::make(200, "OK", "text/plain", request.target);
    r.delayMs = request.target == "/slow" ? 300 : 0;
    r.chunked = request.target.startsWith("/chunked");
    if (request.target == "/chunked-empty")
        r.body.clear();
    return r;
}

} // namespace

class TestMiniHttpServer final : public QObject
{
    Q_OBJECT

private slots:
    void delayHoldsPipeline();
    void chunked_data();
    void chunked();
    void halfClosedClient();
    void tls();
    void errors();
};

void TestMiniHttpServer::delayHoldsPipeline()
{
    MiniHttpServer server(echoTarget);
    QVERIFY_RESULT(server.listen());
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("GET /slow HTTP/1.1\r\n\r\nGET /fast HTTP/1.1\r\n\r\n");
    ANSWER(slow, client.read());
    ANSWER(fast, client.read());
    QCOMPARE(slow.body, QByteArray("/slow"));
    QCOMPARE(fast.body, QByteArray("/fast"));
}

void TestMiniHttpServer::chunked_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("four chunks") << QByteArray("/chunked-in-four-parts") << QByteArray("/chunked-in-four-parts");
    QTest::newRow("empty") << QByteArray("/chunked-empty") << QByteArray();
}

void TestMiniHttpServer::chunked()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    MiniHttpServer server(echoTarget);
    QVERIFY_RESULT(server.listen());
    RawClient client;
    QVERIFY(client.connectTo(server.port()));
    client.send("GET " + target + " HTTP/1.1\r\n\r\nGET /after HTTP/1.1\r\n\r\n");
    ANSWER(chunked, client.read());
    ANSWER(after, client.read());
    QCOMPARE(chunked.header("Transfer-Encoding"), QByteArray("chunked"));
    QCOMPARE(chunked.body, body);
    QCOMPARE(after.body, QByteArray("/after"));
}

void TestMiniHttpServer::halfClosedClient()
{
    // `printf 'GET ...' | nc -N`: the request, then the client's write side closes.
    MiniHttpServer server(echoTarget);
    QVERIFY_RESULT(server.listen());
    Socket socket = connectTcp(server.port());
    QVERIFY(socket.isValid());
    QVERIFY(sendAll(socket, QByteArray("GET /half HTTP/1.1\r\n\r\n")));
    QVERIFY(shutdownWrite(socket));
    const RecvResult result = recvUntilEof(socket, SocketWaitMs);
    QCOMPARE(toString(result.end), toString(RecvEnd::Eof));
    QVERIFY2(result.data.startsWith("HTTP/1.1 200 OK\r\n"), result.data.constData());
    QVERIFY(result.data.endsWith("\r\n\r\n/half"));
}

// The HTTP client tests cover TLS through TestHttpServer; this checks the
// handshake on MiniHttpServer itself.
void TestMiniHttpServer::tls()
{
    MiniHttpServer server(echoTarget);
    const Result<void> tls = server.useTls(TestHttpServer::certificatePath(), TestHttpServer::keyPath());
    QVERIFY_RESULT(tls);
    QVERIFY_RESULT(server.listen());
    RawClient client;
    QVERIFY(client.connectTo(server.port(), true));
    client.send("GET /secure HTTP/1.1\r\nHost: api.local\r\n\r\n");
    ANSWER(answer, client.read());
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("/secure"));
}

void TestMiniHttpServer::errors()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    MiniHttpServer server(echoTarget);
    Result<void> result = server.listen(QHostAddress::LocalHost, occupier.serverPort());
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), QStringLiteral("cannot listen on 127.0.0.1:%1: the port is in use: pick another one or "
                                            "stop the program that uses it")
                                 .arg(occupier.serverPort()));
    QCOMPARE(server.port(), quint16(0));

    const QString missing = TestHttpServer::certificatePath() + u".missing"_s;
    result = server.useTls(missing, TestHttpServer::keyPath());
    QVERIFY(!result.ok());
    QVERIFY2(result.error().startsWith(u"cannot read "_s + missing), qPrintable(result.error()));
    result = server.useTls(TestHttpServer::keyPath(), TestHttpServer::keyPath());
    QVERIFY2(result.error().endsWith(u"holds no PEM certificate"_s), qPrintable(result.error()));
    result = server.useTls(TestHttpServer::certificatePath(), TestHttpServer::certificatePath());
    QVERIFY2(result.error().contains(u"holds no unencrypted PEM private key"_s), qPrintable(result.error()));

    // After a failed listen the server can still listen, once.
    QVERIFY_RESULT(server.listen());
    QVERIFY(server.port() != 0);
    result = server.useTls(TestHttpServer::certificatePath(), TestHttpServer::keyPath());
    QCOMPARE(result.error(), u"TLS must be set up before the server listens"_s);
    result = server.listen();
    QCOMPARE(result.error(), QStringLiteral("already listening on port %1").arg(server.port()));
}

QTEST_GUILESS_MAIN(TestMiniHttpServer)
#include "tst_minihttpserver.moc"
