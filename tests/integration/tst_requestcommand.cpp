// `pasarela request` as a user runs it: the real binary against TestHttpServer
// (which answers from its own thread while the test blocks on the process).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

#include "checks.h"
#include "httpcalls.h"
#include "processrun.h"
#include "testfiles.h"
#include "testhttpserver.h"

using namespace TestSupport;

namespace {

constexpr int RunTimeoutMs = 60000;

// `pasarela request ARGS`, with input on its stdin.
ProcessRun run(const QStringList &args, const QByteArray &input = {})
{
    ProcessOptions options;
    options.input = input;
    options.timeoutMs = RunTimeoutMs;
    return runProcess(QString::fromUtf8(PASARELA_BINARY), QStringList{QStringLiteral("request")} + args, options);
}

QJsonObject headerObject(const QJsonArray &headers, const QString &name)
{
    for (const QJsonValue &h : headers) {
        if (h.toObject().value(QStringLiteral("name")).toString().compare(name, Qt::CaseInsensitive) == 0)
            return h.toObject();
    }
    return {};
}

} // namespace

#define VERIFY_EXIT(r, expected) QVERIFY2((r).exitCode == (expected), (r).describe().constData())

class TestRequestCommand final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void help();
    void mainHelpMentionsRequest();
    void badArguments_data();
    void badArguments();
    void exitCodes_data();
    void exitCodes();
    void bodyToStdoutAndStatusLine();
    void outputFileExact();
    void unwritableOutput_data();
    void unwritableOutput();
    void noFileOnFailure();
    void interruptCancels();
    void exportFile();
    void exportOnFailure();
    void dataFromFileAndStdin();
    void contentTypeGuessed_data();
    void contentTypeGuessed();
    void methodAndRedirects();

private:
    QString url(const QString &path) const { return m_server.url(path); }

    TestHttpServer m_server;
    TestHttpServer m_tlsServer{true};
    QTemporaryDir m_dir;
};

void TestRequestCommand::initTestCase()
{
    QVERIFY(QFileInfo(QString::fromUtf8(PASARELA_BINARY)).isExecutable());
    QVERIFY(m_server.listen());
    QVERIFY(m_tlsServer.listen());
    QVERIFY(m_dir.isValid());
}

void TestRequestCommand::help()
{
    const ProcessRun r = run({QStringLiteral("--help")});
    VERIFY_EXIT(r, 0);
    for (const char *expected : {"pasarela request [options] URL", "-X, --request", "-H, --header", "-d, --data",
                                 "--data-file", "-o, --output", "--timeout", "-k, --insecure", "-L, --location",
                                 "-f, --fail", "--export", "--keep-secrets", "Exit codes:", "  3  "}) {
        QVERIFY2(r.out.contains(expected), expected);
    }
    QVERIFY(r.err.isEmpty());
}

void TestRequestCommand::mainHelpMentionsRequest()
{
    ProcessOptions options;
    options.timeoutMs = RunTimeoutMs;
    const ProcessRun r = runProcess(QString::fromUtf8(PASARELA_BINARY), {QStringLiteral("--help")}, options);
    VERIFY_EXIT(r, 0);
    QVERIFY(r.out.contains("pasarela request"));
}

void TestRequestCommand::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString items = QStringLiteral("http://127.0.0.1:1/api/v1/items");
    QTest::newRow("no URL") << QStringList{} << "a URL is needed";
    QTest::newRow("two URLs") << QStringList{items, items} << "one URL only";
    QTest::newRow("header without colon") << QStringList{QStringLiteral("-H"), QStringLiteral("Host"), items}
                                          << R"(-H "Host": expected "Name: value")";
    QTest::newRow("timeout not a number") << QStringList{QStringLiteral("--timeout"), QStringLiteral("soon"), items}
                                          << R"(--timeout "soon")";
    QTest::newRow("timeout zero") << QStringList{QStringLiteral("--timeout"), QStringLiteral("0"), items}
                                  << R"(--timeout "0")";
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus"), items} << "bogus";
    QTest::newRow("missing value") << QStringList{items, QStringLiteral("-X")} << "-X";
    QTest::newRow("not http") << QStringList{QStringLiteral("ftp://127.0.0.1/")} << "ftp://127.0.0.1/";
    QTest::newRow("bad method") << QStringList{QStringLiteral("-X"), QStringLiteral("GE T"), items} << "GE T";
    QTest::newRow("-d and --data-file")
        << QStringList{QStringLiteral("-d"), QStringLiteral("x"), QStringLiteral("--data-file"), QStringLiteral("y"), items}
        << "-d and --data-file";
    QTest::newRow("-d @missing") << QStringList{QStringLiteral("-d"), QStringLiteral("@/nonexistent/body.json"), items}
                                 << "cannot read /nonexistent/body.json";
}

void TestRequestCommand::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const qsizetype before = m_server.requests().size();
    const ProcessRun r = run(args);
    VERIFY_EXIT(r, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.err.startsWith("pasarela: "));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(m_server.requests().size(), before);
}

void TestRequestCommand::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString host = QStringLiteral("Host: api.local");
    const QString h = QStringLiteral("-H");
    QTest::newRow("200") << QStringList{h, host, url(QStringLiteral("/api/v1/items"))} << 0 << "HTTP/1.1 200 OK";
    QTest::newRow("404") << QStringList{h, host, url(QStringLiteral("/missing"))} << 0 << "HTTP/1.1 404 Not Found";
    QTest::newRow("404 --fail") << QStringList{QStringLiteral("--fail"), h, host, url(QStringLiteral("/missing"))}
                                << 1 << "404";
    QTest::newRow("200 --fail") << QStringList{QStringLiteral("-f"), h, host, url(QStringLiteral("/api/v1/items"))}
                                << 0 << "200 OK";
    const quint16 port = closedPort();
    QTest::newRow("refused") << QStringList{QStringLiteral("http://127.0.0.1:%1/").arg(port)} << 3
                             << QStringLiteral("pasarela: connection refused by 127.0.0.1:%1\n").arg(port);
    QTest::newRow("timeout") << QStringList{QStringLiteral("--timeout"), QStringLiteral("300"), h, host,
                                            url(QStringLiteral("/api/v1/slow?ms=5000"))}
                             << 3 << "pasarela: timed out after 300 ms\n";
    const QString tlsItems = m_tlsServer.url(QStringLiteral("/api/v1/items"));
    QTest::newRow("self-signed") << QStringList{h, host, tlsItems} << 3 << "certificate is self-signed";
    QTest::newRow("self-signed -k") << QStringList{QStringLiteral("-k"), h, host, tlsItems} << 0 << "200 OK";
}

void TestRequestCommand::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const ProcessRun r = run(args);
    VERIFY_EXIT(r, code);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    if (code != 0)
        QVERIFY(r.out.isEmpty());
}

void TestRequestCommand::bodyToStdoutAndStatusLine()
{
    const ProcessRun r = run({QStringLiteral("-H"), QStringLiteral("Host: api.local"), url(QStringLiteral("/api/v1/items"))});
    VERIFY_EXIT(r, 0);
    QCOMPARE(r.out, QByteArray(R"({"pod":"api-7d9f","items":[{"name":"zeta","id":2},{"name":"alpha","id":1}],"count":2})"));
    static const QRegularExpression line(
        QStringLiteral(R"(^HTTP/1\.1 200 OK · (\d+\.\d) ms \(first byte (\d+\.\d) ms\) · 85 B\n$)"));
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(r.err));
    QVERIFY2(match.hasMatch(), r.err.constData());
    QVERIFY(match.captured(2).toDouble() <= match.captured(1).toDouble());
}

void TestRequestCommand::outputFileExact()
{
    constexpr qsizetype Size = 5 * 1000 * 1000;
    const QString path = m_dir.filePath(QStringLiteral("big.json"));
    const ProcessRun r = run({QStringLiteral("-o"), path, QStringLiteral("-H"), QStringLiteral("Host: api.local"),
                       url(QStringLiteral("/api/v1/big?bytes=%1").arg(Size))});
    VERIFY_EXIT(r, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("5.0 MB"), r.err.constData());
    const QByteArray saved = readFile(path);
    QCOMPARE(saved.size(), Size);
    QVERIFY(saved == TestHttpServer::bigBody(Size));
}

void TestRequestCommand::unwritableOutput_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("folder that does not exist") << m_dir.filePath(QStringLiteral("no/such/folder/out.json"));
    QTest::newRow("a folder") << m_dir.path();
}

// Checked before anything is sent: the server sees no request and no file appears.
void TestRequestCommand::unwritableOutput()
{
    QFETCH(QString, path);
    const QStringList before = QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    const qsizetype requests = m_server.requests().size();
    const ProcessRun r = run({QStringLiteral("-o"), path, QStringLiteral("-H"), QStringLiteral("Host: api.local"),
                       url(QStringLiteral("/api/v1/items"))});
    VERIFY_EXIT(r, 2);
    QVERIFY2(QString::fromUtf8(r.err).startsWith(QStringLiteral("pasarela: cannot write ") + path), r.err.constData());
    QCOMPARE(m_server.requests().size(), requests);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("no"))));
}

void TestRequestCommand::noFileOnFailure()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.json"));
    const ProcessRun timeout = run({QStringLiteral("-o"), path, QStringLiteral("--timeout"), QStringLiteral("300"),
                             QStringLiteral("-H"), QStringLiteral("Host: api.local"),
                             url(QStringLiteral("/api/v1/slow?ms=5000"))});
    VERIFY_EXIT(timeout, 3);
    const ProcessRun failed = run({QStringLiteral("-o"), path, QStringLiteral("--fail"), url(QStringLiteral("/missing"))});
    VERIFY_EXIT(failed, 1);
    QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
}

// Ctrl+C while waiting: the request is canceled and no temporary file stays behind.
void TestRequestCommand::interruptCancels()
{
    QTemporaryDir dir;
    const QString target = QStringLiteral("/api/v1/slow?ms=20000");
    QProcess process;
    process.start(QString::fromUtf8(PASARELA_BINARY),
                  {QStringLiteral("request"), QStringLiteral("-o"), dir.filePath(QStringLiteral("out.json")),
                   QStringLiteral("-H"), QStringLiteral("Host: api.local"), url(target)});
    QVERIFY(process.waitForStarted(RunTimeoutMs));
    const auto arrived = [this, &target] {
        const QList<TestHttpServer::Seen> seen = m_server.requests();
        return !seen.isEmpty() && seen.constLast().target == target.toLatin1();
    };
    QTRY_VERIFY_WITH_TIMEOUT(arrived(), RunTimeoutMs);
    QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
    QVERIFY(process.waitForFinished(RunTimeoutMs));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 3);
    QVERIFY(process.readAllStandardError().contains("pasarela: canceled"));
    QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
}

void TestRequestCommand::exportFile()
{
    const QString path = m_dir.filePath(QStringLiteral("exchange.json"));
    const QStringList args{QStringLiteral("--export"), path, QStringLiteral("-d"), QStringLiteral(R"({"name":"delta"})"),
                           QStringLiteral("-H"), QStringLiteral("Host: api.local"), QStringLiteral("-H"),
                           QStringLiteral("Authorization: Bearer s3cret"), url(QStringLiteral("/api/v1/items"))};
    const ProcessRun r = run(args);
    VERIFY_EXIT(r, 0);
    QCOMPARE(r.out, QByteArray(R"({"created":{"name":"delta"}})"));
    const QByteArray text = readFile(path);
    QVERIFY(!text.contains("s3cret"));
    const QJsonObject json = QJsonDocument::fromJson(text).object();
    QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("pasarela-exchange"));
    const QJsonObject request = json.value(QStringLiteral("request")).toObject();
    QCOMPARE(request.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(request.value(QStringLiteral("url")).toString(), url(QStringLiteral("/api/v1/items")));
    const QJsonArray headers = request.value(QStringLiteral("headers")).toArray();
    QCOMPARE(headerObject(headers, QStringLiteral("Host")).value(QStringLiteral("value")).toString(),
             QStringLiteral("api.local"));
    QCOMPARE(headerObject(headers, QStringLiteral("Content-Type")).value(QStringLiteral("value")).toString(),
             QStringLiteral("application/json"));
    QCOMPARE(request.value(QStringLiteral("body")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("delta"));
    const QJsonObject response = json.value(QStringLiteral("response")).toObject();
    QCOMPARE(response.value(QStringLiteral("status")).toInt(), 201);
    QCOMPARE(response.value(QStringLiteral("body")).toObject().value(QStringLiteral("created")).toObject()
                 .value(QStringLiteral("name")).toString(),
             QStringLiteral("delta"));
    QVERIFY(response.value(QStringLiteral("timings")).toObject().value(QStringLiteral("totalMs")).toDouble() > 0);

    const ProcessRun kept = run(QStringList{QStringLiteral("--keep-secrets")} + args);
    VERIFY_EXIT(kept, 0);
    QVERIFY(readFile(path).contains("Bearer s3cret"));
}

void TestRequestCommand::exportOnFailure()
{
    const QString path = m_dir.filePath(QStringLiteral("failed.json"));
    const quint16 port = closedPort();
    const ProcessRun r = run({QStringLiteral("--export"), path, QStringLiteral("http://127.0.0.1:%1/x").arg(port)});
    VERIFY_EXIT(r, 3);
    const QJsonObject json = QJsonDocument::fromJson(readFile(path)).object();
    QCOMPARE(json.value(QStringLiteral("error")).toString(), QStringLiteral("connection refused by 127.0.0.1:%1").arg(port));
    QVERIFY(!json.contains(QStringLiteral("response")));
    QCOMPARE(json.value(QStringLiteral("request")).toObject().value(QStringLiteral("method")).toString(),
             QStringLiteral("GET"));
}

void TestRequestCommand::dataFromFileAndStdin()
{
    const QByteArray body = "{\"line\":1,\r\n\"bytes\":\"\xc3\xa9\"}\n";
    const QString path = m_dir.filePath(QStringLiteral("body.json"));
    QVERIFY_RESULT(writeFile(path, body));
    const QString echo = url(QStringLiteral("/api/v1/echo"));
    const QString host = QStringLiteral("Host: api.local");
    for (const QStringList &args : {QStringList{QStringLiteral("-d"), u'@' + path},
                                    QStringList{QStringLiteral("--data-file"), path},
                                    QStringList{QStringLiteral("-d"), QStringLiteral("@-")}}) {
        const ProcessRun r = run(args + QStringList{QStringLiteral("-H"), host, echo}, body);
        VERIFY_EXIT(r, 0);
        const TestHttpServer::Seen seen = m_server.requests().constLast();
        QCOMPARE(seen.method, QByteArray("POST"));
        QCOMPARE(seen.body, body);
        QCOMPARE(seen.header("Content-Type"), QByteArray("application/json"));
    }
}

void TestRequestCommand::contentTypeGuessed_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("JSON") << QStringList{QStringLiteral("-d"), QStringLiteral(R"([1,2])")} << QByteArray("application/json");
    QTest::newRow("form") << QStringList{QStringLiteral("-d"), QStringLiteral("a=1&b=2")}
                          << QByteArray("application/x-www-form-urlencoded");
    QTest::newRow("given") << QStringList{QStringLiteral("-d"), QStringLiteral("{}"), QStringLiteral("-H"),
                                          QStringLiteral("content-type: application/merge-patch+json")}
                           << QByteArray("application/merge-patch+json");
}

void TestRequestCommand::contentTypeGuessed()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, contentType);
    const ProcessRun r = run(args + QStringList{QStringLiteral("-H"), QStringLiteral("Host: api.local"),
                                         url(QStringLiteral("/api/v1/echo"))});
    VERIFY_EXIT(r, 0);
    QCOMPARE(m_server.requests().constLast().header("Content-Type"), contentType);
}

void TestRequestCommand::methodAndRedirects()
{
    const QString host = QStringLiteral("Host: api.local");
    const ProcessRun put = run({QStringLiteral("-X"), QStringLiteral("PUT"), QStringLiteral("-d"), QStringLiteral("{}"),
                         QStringLiteral("-H"), host, url(QStringLiteral("/api/v1/echo"))});
    VERIFY_EXIT(put, 0);
    QCOMPARE(QJsonDocument::fromJson(put.out).object().value(QStringLiteral("method")).toString(), QStringLiteral("PUT"));

    const ProcessRun notFollowed = run({QStringLiteral("-H"), host, url(QStringLiteral("/api/v1/redirect"))});
    VERIFY_EXIT(notFollowed, 0);
    QVERIFY2(notFollowed.err.startsWith("HTTP/1.1 302 Found"), notFollowed.err.constData());
    QCOMPARE(notFollowed.out, QByteArray(R"({"location":"/api/v1/items"})"));

    const ProcessRun followed = run({QStringLiteral("-L"), QStringLiteral("-H"), host, url(QStringLiteral("/api/v1/redirect"))});
    VERIFY_EXIT(followed, 0);
    QVERIFY2(followed.err.startsWith("HTTP/1.1 200 OK"), followed.err.constData());
    QVERIFY(followed.out.startsWith(R"({"pod":"api-7d9f")"));
}

QTEST_GUILESS_MAIN(TestRequestCommand)
#include "tst_requestcommand.moc"
