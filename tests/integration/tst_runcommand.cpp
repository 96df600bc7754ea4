// `pasarela run` as a user runs it: the real binary against the demo ingress and the
// test server (both answer from their own threads while the test waits on the process),
// its JUnit file checked by xmllint against tests/integration/junit.xsd, secrets from the
// process environment, and --through a rule of a headless pasarela.
#include <csignal>

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "checks.h"
#include "demo/demoingress.h"
#include "http/requestcollections.h"
#include "pasarelaprocess.h"
#include "processrun.h"
#include "testfiles.h"
#include "testhttpserver.h"
#include "testsocket.h"

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

constexpr int RunTimeoutMs = 60000;

// JUnit facts a CI system reads.
struct JUnit
{
    QString testsuitesFailures;
    QStringList testcases;
    QStringList failures;  // message attributes
    QStringList errors;
};

JUnit readJUnit(const QByteArray &xml)
{
    JUnit junit;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto attribute = [&reader](const char *name) {
            return reader.attributes().value(QLatin1String(name)).toString();
        };
        if (reader.name() == u"testsuites")
            junit.testsuitesFailures = attribute("failures");
        else if (reader.name() == u"testcase")
            junit.testcases.append(attribute("name"));
        else if (reader.name() == u"failure")
            junit.failures.append(attribute("message"));
        else if (reader.name() == u"error")
            junit.errors.append(attribute("message"));
    }
    return junit;
}

} // namespace

#define VERIFY_EXIT(r, expected) QVERIFY2((r).exitCode == (expected), (r).describe().constData())

class TestRunCommand final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void help();
    void passAndFailWithJUnit();
    void allPass();
    void noResponse();
    void secretsFromTheProcessEnvironment();
    void environmentsFileBeside();
    void throughRule();
    void savedCollectionByName();
    void usageErrors_data();
    void usageErrors();

private:
    // `pasarela run ARGS` with the test's environment plus extra.
    ProcessRun run(const QStringList &args, const QList<std::pair<QString, QString>> &extra = {}) const;
    // A collection file in the scratch folder; returns its path.
    QString collection(const QString &name, const QByteArray &json);
    // The demo ingress's URL for path.
    QString demo(const QString &path) const
    {
        return u"http://127.0.0.1:%1%2"_s.arg(m_demo.port()).arg(path);
    }
    // xmllint with arguments; its exit code (a description when it failed).
    ProcessRun xmllint(const QStringList &args) const;

    DemoIngress m_demo;
    TestHttpServer m_server;
    QTemporaryDir m_dir;
    QProcessEnvironment m_environment;
    QString m_xmllint;
};

void TestRunCommand::initTestCase()
{
    QVERIFY(QFileInfo(QString::fromUtf8(PASARELA_BINARY)).isExecutable());
    QVERIFY_RESULT(m_demo.start());
    QVERIFY(m_server.listen());
    QVERIFY(m_dir.isValid());
    m_environment = QProcessEnvironment::systemEnvironment();
    // English messages, and the window's files (saved collections, rules) in the scratch folder.
    for (const QString &name : {u"LC_ALL"_s, u"LC_MESSAGES"_s, u"LANGUAGE"_s})
        m_environment.remove(name);
    m_environment.insert(u"LANG"_s, u"C"_s);
    m_environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
    m_environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    m_xmllint = QStandardPaths::findExecutable(u"xmllint"_s);
}

ProcessRun TestRunCommand::run(const QStringList &args, const QList<std::pair<QString, QString>> &extra) const
{
    ProcessOptions options;
    options.environment = m_environment;
    for (const auto &[name, value] : extra)
        options.environment.insert(name, value);
    options.timeoutMs = RunTimeoutMs;
    return runProcess(QString::fromUtf8(PASARELA_BINARY), QStringList{u"run"_s} + args, options);
}

QString TestRunCommand::collection(const QString &name, const QByteArray &json)
{
    const QString path = m_dir.filePath(name);
    const Result<void> written = writeFile(path, json);
    if (!written)
        qWarning("%s", qPrintable(written.error()));
    return path;
}

ProcessRun TestRunCommand::xmllint(const QStringList &args) const
{
    ProcessOptions options;
    options.timeoutMs = RunTimeoutMs;
    return runProcess(m_xmllint, args, options);
}

void TestRunCommand::help()
{
    const ProcessRun r = run({u"--help"_s});
    VERIFY_EXIT(r, 0);
    for (const char *expected : {"Usage: pasarela run [options] COLLECTION", "--env <NAME>", "--junit <FILE>",
                                 "--through <RULE>", "--config <FILE>", "PASARELA_VAR_name", "{{$env.NAME}}",
                                 "Exit codes:", "  1  a request failed"}) {
        QVERIFY2(r.out.contains(expected), expected);
    }
    ProcessOptions options;
    options.environment = m_environment;
    const ProcessRun main = runProcess(QString::fromUtf8(PASARELA_BINARY), {u"--help"_s}, options);
    VERIFY_EXIT(main, 0);
    QVERIFY(main.out.contains("pasarela run COLLECTION runs a request collection"));
}

// One request passes; the other has a passing and a failing assertion.
void TestRunCommand::passAndFailWithJUnit()
{
    const QByteArray json = R"({"name": "demo api", "requests": [
        {"name": "list items", "url": ")" + demo(u"/api/v1/items"_s).toUtf8() + R"(",
         "headers": {"Host": "api.local"},
         "assertions": [{"status": 200}, {"json": "$.service", "equals": "api"}, {"json": "$.items[0].id", "exists": true},
                        {"header": "Content-Type", "matches": "^application/json"}, {"timeUnderMs": 30000}]},
        {"name": "missing item", "url": ")" + demo(u"/api/v1/items/999"_s).toUtf8() + R"(",
         "headers": {"Host": "api.local"},
         "assertions": [{"json": "$.service", "equals": "api"}, {"status": 200}]}]})";
    const QString path = collection(u"demo.json"_s, json);
    const QString report = m_dir.filePath(u"junit.xml"_s);
    const ProcessRun r = run({path, u"--junit"_s, report});
    VERIFY_EXIT(r, 1);
    const QStringList lines = r.outText().split(u'\n');
    QVERIFY2(lines.size() >= 4, r.out.constData());
    QVERIFY2(lines.at(0).startsWith(u"PASS  list items \u00b7 200 OK \u00b7 "_s), r.out.constData());
    QVERIFY2(lines.at(0).endsWith(u" ms \u00b7 assertions: 5 passed, 0 failed"_s), r.out.constData());
    QVERIFY2(lines.at(1).startsWith(u"FAIL  missing item \u00b7 404 Not Found \u00b7 "_s), r.out.constData());
    QVERIFY2(lines.at(1).endsWith(u"assertions: 1 passed, 1 failed"_s), r.out.constData());
    QCOMPARE(lines.at(2), u"        status 404, expected 200"_s);
    QCOMPARE(lines.at(3), u"1 passed, 1 failed"_s);
    QVERIFY(r.err.isEmpty());

    const QByteArray xml = readFile(report);
    const JUnit junit = readJUnit(xml);
    QCOMPARE(junit.testcases, (QStringList{u"list items"_s, u"missing item"_s}));
    QCOMPARE(junit.failures, QStringList{u"status 404, expected 200"_s});
    QCOMPARE(junit.testsuitesFailures, u"1"_s);

    if (m_xmllint.isEmpty()) {
        if (qEnvironmentVariable("CI") == u"true")
            QFAIL("xmllint is not installed (package libxml2-utils)");
        QSKIP("xmllint is not installed (package libxml2-utils)");
    }
    const ProcessRun wellFormed = xmllint({u"--noout"_s, report});
    VERIFY_EXIT(wellFormed, 0);
    const QString schema = QStringLiteral(PASARELA_JUNIT_XSD);
    const ProcessRun valid = xmllint({u"--noout"_s, u"--schema"_s, schema, report});
    VERIFY_EXIT(valid, 0);
    // The schema does reject what is not JUnit's shape.
    const QString broken = m_dir.filePath(u"broken.xml"_s);
    QVERIFY_RESULT(writeFile(broken, QByteArray(xml).replace("tests=\"2\"", "tests=\"two\"")));
    QCOMPARE(xmllint({u"--noout"_s, u"--schema"_s, schema, broken}).exitCode, 3);
}

void TestRunCommand::allPass()
{
    const QByteArray json = R"({"requests": [{"url": ")" + demo(u"/api/v1/health"_s).toUtf8()
                            + R"(", "headers": {"Host": "api.local"}, "assertions": [{"json": "$.status", "equals": "ok"}]},
        {"url": ")" + demo(u"/"_s).toUtf8() + R"(", "headers": {"Host": "web.local"}}]})";
    const ProcessRun r = run({collection(u"health.json"_s, json)});
    VERIFY_EXIT(r, 0);
    QVERIFY2(r.out.startsWith("PASS  GET http://127.0.0.1:"), r.out.constData());
    QVERIFY2(r.out.contains("\u00b7 no assertions\n"), r.out.constData());
    QVERIFY2(r.out.endsWith("\n2 passed, 0 failed\n"), r.out.constData());
}

void TestRunCommand::noResponse()
{
    const quint16 closed = freePort();
    const QByteArray json = R"({"requests": [{"name": "down", "url": "http://127.0.0.1:)" + QByteArray::number(closed)
                            + R"(/", "assertions": [{"status": 200}]}]})";
    const QString report = m_dir.filePath(u"down.xml"_s);
    const ProcessRun r = run({collection(u"down.json"_s, json), u"--junit"_s, report});
    VERIFY_EXIT(r, 1);
    QCOMPARE(r.outText(), u"FAIL  down \u00b7 no response: connection refused by 127.0.0.1:%1\n0 passed, 1 failed\n"_s.arg(closed));
    const JUnit junit = readJUnit(readFile(report));
    QCOMPARE(junit.errors, QStringList{u"no response: connection refused by 127.0.0.1:%1"_s.arg(closed)});
}

// A secret declared in the collection gets its value from PASARELA_VAR_token, another
// from {{$env.NAME}}: the server receives both, nothing the program writes shows them.
void TestRunCommand::secretsFromTheProcessEnvironment()
{
    const QByteArray token = "tok-VALUE-1234";
    const QByteArray key = "key-VALUE-5678";
    const QByteArray json = R"({"name": "secret", "environments": {"dev": {"token": {"secret": true}, "host": "api.local"}},
        "requests": [{"name": "echo", "url": ")" + m_server.url(u"/api/v1/echo?key={{$env.PASARELA_TEST_KEY}}"_s).toUtf8()
                            + R"(", "headers": {"Host": "{{host}}", "Authorization": "Bearer {{token}}"},
         "assertions": [{"status": 200}, {"json": "$.path", "equals": "/elsewhere"}]}]})";
    const QString path = collection(u"secret.json"_s, json);
    const QString report = m_dir.filePath(u"secret.xml"_s);
    const qsizetype before = m_server.requests().size();
    const ProcessRun r = run({path, u"--env"_s, u"dev"_s, u"--junit"_s, report},
                             {{u"PASARELA_VAR_token"_s, QString::fromUtf8(token)},
                              {u"PASARELA_TEST_KEY"_s, QString::fromUtf8(key)}});
    VERIFY_EXIT(r, 1);
    const QList<TestHttpServer::Seen> seen = m_server.requests();
    QCOMPARE(seen.size(), before + 1);
    QCOMPARE(seen.constLast().header("Authorization"), "Bearer " + token);
    QCOMPARE(seen.constLast().header("Host"), QByteArray("api.local"));
    QCOMPARE(seen.constLast().target, "/api/v1/echo?key=" + key);
    // The failed assertion quotes the path the server saw, secret put back as its name.
    QVERIFY2(r.out.contains("        $.path: expected \"/elsewhere\", got \"/api/v1/echo?key={{$env.PASARELA_TEST_KEY}}\"\n"),
             r.out.constData());
    const QByteArray xml = readFile(report);
    QVERIFY2(xml.contains("echo?key={{$env.PASARELA_TEST_KEY}}"), xml.constData());
    for (const QByteArray &secret : {token, key}) {
        QVERIFY2(!r.out.contains(secret) && !r.err.contains(secret), r.describe().constData());
        QVERIFY2(!xml.contains(secret), xml.constData());
    }

    // Without the value: nothing is sent, and the message says where to set it.
    const ProcessRun missing = run({path, u"--env"_s, u"dev"_s}, {{u"PASARELA_TEST_KEY"_s, QString::fromUtf8(key)}});
    VERIFY_EXIT(missing, 2);
    QCOMPARE(missing.errText(), u"pasarela: request 1 (\"echo\"): {{token}} is a secret without a value here: set the "
                                "environment variable PASARELA_VAR_token\n"_s);
    QVERIFY(missing.out.isEmpty());
    QCOMPARE(m_server.requests().size(), before + 1);
}

void TestRunCommand::environmentsFileBeside()
{
    const QString folder = m_dir.filePath(u"beside"_s);
    QVERIFY(QDir().mkpath(folder));
    // Multi-line raw strings hold no URL: moc would read its // as a comment.
    const QByteArray environments = R"({"environments": {"local": {"base": "DEMO"}}})";
    QVERIFY_RESULT(writeFile(folder + u"/pasarela-environments.json"_s,
                             QByteArray(environments).replace("DEMO", demo(QString()).toUtf8())));
    const QByteArray json = QByteArray(R"({"environments": {"local": {"base": "DEAD"}, "other": {}},
        "requests": [{"url": "{{base}}/api/v1/items", "headers": {"Host": "api.local"}, "assertions": [{"status": 200}]}]})")
                                .replace("DEAD", "http:" "//127.0.0.1:1");
    const QString path = collection(u"beside/api.json"_s, json);
    // The file beside overrides the collection's value.
    const ProcessRun r = run({path, u"--env"_s, u"local"_s});
    VERIFY_EXIT(r, 0);
    QVERIFY2(r.out.endsWith("1 passed, 0 failed\n"), r.out.constData());

    const ProcessRun unknown = run({path, u"--env"_s, u"prod"_s});
    VERIFY_EXIT(unknown, 2);
    QCOMPARE(unknown.errText(), u"pasarela: --env prod: no such environment; there are: local, other\n"_s);
    const ProcessRun none = run({path});
    VERIFY_EXIT(none, 2);
    QVERIFY2(none.errText().contains(u"unknown variable {{base}}: no environment is chosen"_s), none.err.constData());
    QVERIFY2(none.errText().contains(u"\npasarela: choose an environment with --env NAME: local, other\n"_s),
             none.err.constData());
}

// A headless pasarela runs a rule to the demo ingress; the collection names the ingress's
// host only (it resolves nowhere), so the request arrives only through the rule, and the
// ingress answers it as api.local only if the Host was kept.
void TestRunCommand::throughRule()
{
    const quint16 listenPort = freePort();
    const QString rules = m_dir.filePath(u"rules.json"_s);
    QVERIFY_RESULT(writeFile(rules, R"({"version": 2, "rules": [{"name": "ingress", "listen": "127.0.0.1:)"
                                        + QByteArray::number(listenPort) + R"(", "target": "127.0.0.1:)"
                                        + QByteArray::number(m_demo.port()) + R"("}]})"));
    PasarelaProcess headless(QString::fromUtf8(PASARELA_BINARY), m_environment);
    QVERIFY(headless.start({u"--headless"_s, u"--config"_s, rules, u"--log-requests"_s}));
    const QByteArray listening = headless.waitForLineStartingWith("listening ");
    QVERIFY2(listening.startsWith(QByteArray("listening 127.0.0.1:" + QByteArray::number(listenPort))),
             headless.transcript().constData());

    const QByteArray json = QByteArray(R"({"requests": [{"name": "through", "url": "URL",
        "assertions": [{"status": 200}, {"json": "$.service", "equals": "api"}]}]})")
                                .replace("URL", "http:" "//api.local/api/v1/items?page=1");
    const ProcessRun r = run({collection(u"through.json"_s, json), u"--through"_s, u"ingress"_s, u"--config"_s, rules});
    VERIFY_EXIT(r, 0);
    QVERIFY2(r.out.startsWith("PASS  through \u00b7 200 OK"), r.out.constData());
    QVERIFY2(r.out.endsWith("1 passed, 0 failed\n"), r.out.constData());
    const QByteArray logged = headless.waitForLineStartingWith("request \"ingress\": ");
    QVERIFY2(logged.contains(" GET api.local /api/v1/items?page=1 -> 200"), headless.transcript().constData());

    const ProcessRun unknown = run({collection(u"through.json"_s, json), u"--through"_s, u"nope"_s, u"--config"_s, rules});
    VERIFY_EXIT(unknown, 2);
    QCOMPARE(unknown.errText(), u"pasarela: --through nope: no rule of that name in %1 (it has: ingress)\n"_s.arg(rules));
    QVERIFY(headless.stop(SIGTERM));
}

void TestRunCommand::savedCollectionByName()
{
    RequestCollections saved(m_dir.filePath(u"data/pasarela/request-collections.json"_s));
    RequestCollection collection{u"saved demo"_s, {}};
    CollectionRequest request;
    request.url = demo(u"/api/v1/items"_s);
    request.headers = {{u"Host"_s, u"api.local"_s}};
    request.assertions = {assertionFromJson(QJsonObject{{u"status"_s, 200}}).value()};
    collection.requests.append(request);
    saved.put(collection);
    QVERIFY_RESULT(saved.save());

    const ProcessRun r = run({u"saved demo"_s});
    VERIFY_EXIT(r, 0);
    QVERIFY2(r.out.endsWith("1 passed, 0 failed\n"), r.out.constData());
    const ProcessRun unknown = run({u"unsaved"_s});
    VERIFY_EXIT(unknown, 2);
    QCOMPARE(unknown.errText(), u"pasarela: unsaved: no such file, and no collection of that name saved by the window "
                                "(it has: saved demo)\n"_s);
}

void TestRunCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("file");  // written to bad.json first when not empty
    QTest::addColumn<QString>("message");
    const QString bad = m_dir.filePath(u"bad.json"_s);
    const QByteArray good = R"({"requests": [{"url": ")" + m_server.url(u"/api/v1/items"_s).toUtf8() + R"("}]})";
    QTest::newRow("no collection") << QStringList{} << QByteArray() << u"a collection is needed"_s;
    QTest::newRow("two collections") << QStringList{bad, bad} << good << u"one collection only"_s;
    QTest::newRow("unknown option") << QStringList{u"--bogus"_s, bad} << good << u"bogus"_s;
    QTest::newRow("not JSON") << QStringList{bad} << QByteArray("{") << bad + u": not valid JSON"_s;
    QTest::newRow("bad assertion") << QStringList{bad}
                                   << QByteArray(R"({"requests": [{"url": "http://h/", "assertions": [{"status": "ok"}]}]})")
                                   << u"request 1: assertion 1: status: expected a status like 200"_s;
    QTest::newRow("no requests") << QStringList{bad} << QByteArray(R"({"requests": []})")
                                 << u"the collection has no requests"_s;
    QTest::newRow("no environments") << QStringList{bad, u"--env"_s, u"dev"_s} << good
                                     << u"--env dev: the collection has no environments"_s;
    QTest::newRow("invalid URL") << QStringList{bad} << QByteArray(R"({"requests": [{"name": "x", "url": "ftp://h/"}]})")
                                 << u"request 1 (\"x\"): URL \"ftp://h/\": only http:// and https:// are supported"_s;
    QTest::newRow("unwritable report") << QStringList{bad, u"--junit"_s, m_dir.filePath(u"no/such/dir/r.xml"_s)} << good
                                       << m_dir.filePath(u"no/such/dir/r.xml"_s);
    QTest::newRow("no rules file") << QStringList{bad, u"--through"_s, u"x"_s, u"--config"_s, m_dir.filePath(u"none.json"_s)}
                                   << good << u"--through x: the rules file"_s;
    QTest::newRow("--config alone") << QStringList{bad, u"--config"_s, bad} << good << u"give --through RULE too"_s;
}

void TestRunCommand::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, file);
    QFETCH(QString, message);
    if (!file.isEmpty())
        QVERIFY_RESULT(writeFile(m_dir.filePath(u"bad.json"_s), file));
    const qsizetype before = m_server.requests().size();
    const ProcessRun r = run(args);
    VERIFY_EXIT(r, 2);
    QVERIFY2(r.errText().startsWith(u"pasarela: "_s), r.err.constData());
    QVERIFY2(r.errText().contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QCOMPARE(m_server.requests().size(), before);
}

QTEST_GUILESS_MAIN(TestRunCommand)
#include "tst_runcommand.moc"
