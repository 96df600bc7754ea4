// HttpClient when no response comes, or a redirect may not be followed: each
// failure named for the user (timeout, refused, TLS), cancel, invalid requests. No test of an
// unknown host name: it would send a DNS query off this machine.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

#include <memory>

#include "httpcalls.h"
#include "testhttpserver.h"

class TestHttpFailures final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void timeout();
    void refused();
    void selfSignedRefusedThenAccepted();
    void tlsWithHostHeader();
    void redirectRefused_data();
    void redirectRefused();
    void invalidRequestFinishesQueued();
    void cancel();

private:
    TestHttpServer m_server;
    TestHttpServer m_tlsServer{true};
    HttpClient m_client;
};

void TestHttpFailures::initTestCase()
{
    QVERIFY(m_server.listen());
    QVERIFY(m_tlsServer.listen());
}

void TestHttpFailures::timeout()
{
    HttpRequest request = makeRequest(m_server.url(QStringLiteral("/api/v1/slow?ms=5000")));
    request.timeoutMs = 300;
    QElapsedTimer clock;
    clock.start();
    bool once = false;
    const HttpExchange ex = runExchange(m_client, request, &once);
    QVERIFY(once);
    QCOMPARE(ex.failure, HttpFailure::Timeout);
    QCOMPARE(ex.error, QStringLiteral("timed out after 300 ms"));
    QVERIFY2(clock.elapsed() >= 290 && clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!ex.hasResponse());
}

void TestHttpFailures::refused()
{
    const quint16 port = closedPort();
    QVERIFY(port);
    const HttpExchange ex = runExchange(m_client, makeRequest(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
    QCOMPARE(ex.failure, HttpFailure::Refused);
    QCOMPARE(ex.error, QStringLiteral("connection refused by 127.0.0.1:%1").arg(port));
}

void TestHttpFailures::selfSignedRefusedThenAccepted()
{
    HttpRequest request = makeRequest(m_tlsServer.url(QStringLiteral("/api/v1/items")));
    const HttpExchange refused = runExchange(m_client, request);
    QCOMPARE(refused.failure, HttpFailure::Tls);
    QVERIFY2(refused.error.contains(QStringLiteral("certificate is self-signed")), qPrintable(refused.error));
    QVERIFY2(refused.error.contains(QStringLiteral("turn off certificate verification")), qPrintable(refused.error));

    request.verifyTls = false;
    const HttpExchange accepted = runExchange(m_client, request);
    VERIFY_RESPONSE(accepted);
    QCOMPARE(accepted.response.status, 200);
    QVERIFY(accepted.response.body.startsWith(R"({"pod":"api-7d9f")"));

    // Verification back on: the unverified connection must not be reused.
    request.verifyTls = true;
    QCOMPARE(runExchange(m_client, request).failure, HttpFailure::Tls);
}

// As through an ingress: https to an address, Host names the service. The
// certificate is checked against the Host name, and the exchange stays on HTTP/1.1.
void TestHttpFailures::tlsWithHostHeader()
{
    HttpRequest request = makeRequest(m_tlsServer.url(QStringLiteral("/api/v1/items")), QStringLiteral("api.local"));
    request.verifyTls = false;
    const HttpExchange ex = runExchange(m_client, request);
    VERIFY_RESPONSE(ex);
    QCOMPARE(ex.response.status, 200);
    QCOMPARE(ex.response.httpVersion, QStringLiteral("1.1"));
    QCOMPARE(m_tlsServer.requests().constLast().header("Host"), QByteArray("api.local"));

    request.verifyTls = true;
    request.headers = {{QStringLiteral("Host"), QStringLiteral("shop.local")}};
    const HttpExchange mismatch = runExchange(m_client, request);
    QCOMPARE(mismatch.failure, HttpFailure::Tls);
    QVERIFY2(mismatch.error.contains(QStringLiteral("host name")), qPrintable(mismatch.error));
}

// Another origin gets neither the Host header nor credentials; https never turns into
// http; loops end.
void TestHttpFailures::redirectRefused_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    const QString other = QStringLiteral("http://localhost:%1/api/v1/echo").arg(m_server.port());
    QTest::newRow("other origin") << false << QStringLiteral("to=") + QString::fromLatin1(QUrl::toPercentEncoding(other))
                                  << 404 << QString();
    const QString plain = m_server.url(QStringLiteral("/api/v1/items"));
    QTest::newRow("https to http") << true << QStringLiteral("to=") + QString::fromLatin1(QUrl::toPercentEncoding(plain))
                                   << 0 << QStringLiteral("redirect from https to %1 not followed").arg(plain);
    QTest::newRow("loop") << false << QStringLiteral("loop=1") << 0 << QStringLiteral("more than 20 redirects");
}

void TestHttpFailures::redirectRefused()
{
    QFETCH(bool, tls);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QString, error);

    const TestHttpServer &server = tls ? m_tlsServer : m_server;
    HttpRequest request = makeRequest(server.url(QStringLiteral("/api/v1/redirect?") + query));
    request.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer s3cret")});
    request.verifyTls = false;
    const int before = int(m_server.requests().size());
    const HttpExchange ex = runExchange(m_client, request);
    QVERIFY2(error.isEmpty() ? ex.error.isEmpty() : ex.error.startsWith(error), qPrintable(ex.error));
    if (status) {
        VERIFY_RESPONSE(ex);
        QCOMPARE(ex.response.status, status);
        // The unknown Host lands on the default backend, as it would behind an ingress.
        QCOMPARE(ex.response.body, QByteArray("default backend - 404"));
        const TestHttpServer::Seen last = m_server.requests().constLast();
        QCOMPARE(last.header("Host"), QStringLiteral("localhost:%1").arg(m_server.port()).toLatin1());
        QVERIFY(last.header("Authorization").isEmpty());
    } else {
        QVERIFY(!ex.hasResponse());
        QCOMPARE(ex.failure, HttpFailure::Other);
    }
    if (tls)
        QCOMPARE(m_server.requests().size(), before);
}

void TestHttpFailures::invalidRequestFinishesQueued()
{
    HttpRequest request = makeRequest(QStringLiteral("ftp://127.0.0.1/"));
    std::unique_ptr<HttpCall> call(m_client.send(request));
    QSignalSpy finished(call.get(), &HttpCall::finished);
    QVERIFY(!call->isFinished());
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(call->exchange().failure, HttpFailure::InvalidRequest);
    QVERIFY(!call->exchange().error.isEmpty());
}

void TestHttpFailures::cancel()
{
    std::unique_ptr<HttpCall> call(m_client.send(makeRequest(m_server.url(QStringLiteral("/api/v1/slow?ms=3000")))));
    QSignalSpy finished(call.get(), &HttpCall::finished);
    const auto arrived = [this] {
        const QList<TestHttpServer::Seen> seen = m_server.requests();
        return !seen.isEmpty() && seen.constLast().target == "/api/v1/slow?ms=3000";
    };
    QTRY_VERIFY_WITH_TIMEOUT(arrived(), WaitMs);
    call->cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(call->exchange().failure, HttpFailure::Canceled);
    QCOMPARE(call->exchange().error, QStringLiteral("canceled"));
    call->cancel();
    // Another exchange runs the event loop: nothing more may arrive for the canceled one.
    VERIFY_RESPONSE(runExchange(m_client, makeRequest(m_server.url(QStringLiteral("/api/v1/items")))));
    QCOMPARE(finished.count(), 1);
}

QTEST_GUILESS_MAIN(TestHttpFailures)
#include "tst_httpfailures.moc"
