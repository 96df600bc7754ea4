// Environments and {{variables}}: where values come from, what is substituted, and
// that a secret's value never reaches the history or an export.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "checks.h"
#include "http/environments.h"
#include "http/httphistory.h"
#include "http/variables.h"
#include "testfiles.h"

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

const QString Secret = u"s3cr3t-T0KEN-value"_s;

Environment dev()
{
    Environment environment;
    environment.name = u"dev"_s;
    environment.set({u"host"_s, u"api.local:8080"_s});
    environment.set({u"id"_s, u"42"_s});
    environment.set({u"token"_s, {}, true});
    return environment;
}

QProcessEnvironment process(std::initializer_list<std::pair<QString, QString>> variables)
{
    QProcessEnvironment environment;
    for (const auto &[name, value] : variables)
        environment.insert(name, value);
    return environment;
}

HttpRequest templated()
{
    HttpRequest request;
    request.method = u"POST"_s;
    request.url = u"http://{{host}}/api/v1/items/{{ id }}?q={{id}}"_s;
    request.headers = {{u"Authorization"_s, u"Bearer {{token}}"_s},
                       {u"X-{{id}}"_s, u"v{{id}}"_s},
                       {u"X-Off"_s, u"{{nowhere}}"_s, false}};
    request.body = "{\"id\": {{id}}, \"raw\": \"\xff{{host}}\"}";
    return request;
}

Environments parse(const QByteArray &json)
{
    const Result<Environments> parsed = environmentsFromJson(QJsonDocument::fromJson(json).object());
    return parsed ? parsed.value() : Environments{};
}

} // namespace

class TestVariables final : public QObject
{
    Q_OBJECT

private slots:
    void substitutesEverywhereItCounts();
    void unknownVariableNamesIt();
    void secretWithoutValue();
    void processVariables();
    void valuesAreNotExpandedAgain();
    void notPlaceholders_data();
    void notPlaceholders();
    void publicFormKeepsSecrets();
    void secretsNotInHistoryFile();
    void secretsNotInExport();
    void secretsNotInAnswerUrl();
    void redact();
    void environmentsJson();
    void environmentsJsonErrors_data();
    void environmentsJsonErrors();
    void environmentsFileAndMerge();
};

void TestVariables::substitutesEverywhereItCounts()
{
    const VariableSet variables(dev(), process({{u"PASARELA_VAR_token"_s, Secret}}));
    const Result<HttpRequest> sent = variables.apply(templated());
    QVERIFY_RESULT(sent);
    QCOMPARE(sent.value().url, u"http://api.local:8080/api/v1/items/42?q=42"_s);
    QCOMPARE(sent.value().headers.at(0).value, u"Bearer "_s + Secret);
    QCOMPARE(sent.value().headers.at(1).name, u"X-42"_s);
    QCOMPARE(sent.value().headers.at(1).value, u"v42"_s);
    // A header that is not sent keeps its text and needs no value.
    QCOMPARE(sent.value().headers.at(2).value, u"{{nowhere}}"_s);
    // The body is bytes: a byte that is not UTF-8 stays as it was.
    QCOMPARE(sent.value().body, QByteArray("{\"id\": 42, \"raw\": \"\xff" "api.local:8080\"}"));
}

void TestVariables::unknownVariableNamesIt()
{
    HttpRequest request = templated();
    request.url = u"http://{{host}}/{{missing}}/{{other}}"_s;
    const VariableSet variables(dev(), process({{u"PASARELA_VAR_token"_s, Secret}}));
    const Result<HttpRequest> sent = variables.apply(request);
    QVERIFY(!sent);
    QVERIFY2(sent.error().contains(u"unknown variable {{missing}}"_s), qPrintable(sent.error()));
    QVERIFY2(sent.error().contains(u"unknown variable {{other}}"_s), qPrintable(sent.error()));
    QVERIFY2(sent.error().contains(u"\"dev\""_s), qPrintable(sent.error()));
    QVERIFY2(sent.error().contains(u"PASARELA_VAR_missing"_s), qPrintable(sent.error()));
    QVERIFY(!sent.error().contains(u"{{host}}"_s));

    const Result<HttpRequest> none = VariableSet(Environment{}, QProcessEnvironment()).apply(request);
    QVERIFY(!none);
    QVERIFY2(none.error().contains(u"unknown variable {{host}}: no environment is chosen"_s), qPrintable(none.error()));
}

void TestVariables::secretWithoutValue()
{
    const Result<HttpRequest> sent = VariableSet(dev(), QProcessEnvironment()).apply(templated());
    QVERIFY(!sent);
    QVERIFY2(sent.error().contains(u"{{token}} is a secret without a value here: set the environment variable "
                                   "PASARELA_VAR_token"_s),
             qPrintable(sent.error()));
}

void TestVariables::processVariables()
{
    HttpRequest request;
    request.url = u"http://{{host}}/{{$env.API_PATH}}"_s;
    // PASARELA_VAR_ goes over the file's value.
    const VariableSet variables(dev(), process({{u"PASARELA_VAR_host"_s, u"127.0.0.1:9"_s}, {u"API_PATH"_s, u"v2"_s}}));
    const Result<HttpRequest> sent = variables.apply(request);
    QVERIFY_RESULT(sent);
    QCOMPARE(sent.value().url, u"http://127.0.0.1:9/v2"_s);
    QVERIFY(variables.resolve(u"host"_s).value().secret);
    QVERIFY(variables.resolve(u"$env.API_PATH"_s).value().secret);
    QVERIFY(!variables.resolve(u"id"_s).value().secret);

    const Result<VariableSet::Value> unset = variables.resolve(u"$env.NOT_SET_HERE"_s);
    QVERIFY(!unset);
    QCOMPARE(unset.error(), u"{{$env.NOT_SET_HERE}}: the environment variable NOT_SET_HERE is not set"_s);
}

void TestVariables::valuesAreNotExpandedAgain()
{
    Environment environment;
    environment.set({u"a"_s, u"{{b}}"_s});
    environment.set({u"b"_s, u"B"_s});
    HttpRequest request;
    request.url = u"http://h/{{a}}"_s;
    const Result<HttpRequest> sent = VariableSet(environment, QProcessEnvironment()).apply(request);
    QVERIFY_RESULT(sent);
    QCOMPARE(sent.value().url, u"http://h/{{b}}"_s);
}

void TestVariables::notPlaceholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("JSON") << u"{\"a\":{\"b\":{}}}"_s;
    QTest::newRow("empty braces") << u"{{}}"_s;
    QTest::newRow("space in a name") << u"{{two words}}"_s;
    QTest::newRow("not closed") << u"{{host"_s;
    QTest::newRow("$env without a name") << u"{{$env.}}"_s;
}

void TestVariables::notPlaceholders()
{
    QFETCH(QString, text);
    QVERIFY(!hasPlaceholder(text));
    HttpRequest request;
    request.url = u"http://h/"_s;
    request.body = text.toUtf8();
    const Result<HttpRequest> sent = VariableSet(Environment{}, QProcessEnvironment()).apply(request);
    QVERIFY_RESULT(sent);
    QCOMPARE(sent.value().body, text.toUtf8());
}

void TestVariables::publicFormKeepsSecrets()
{
    const VariableSet variables(dev(), process({{u"PASARELA_VAR_token"_s, Secret}}));
    const HttpRequest shown = variables.applyPublic(templated());
    QCOMPARE(shown.url, u"http://api.local:8080/api/v1/items/42?q=42"_s);
    QCOMPARE(shown.headers.at(0).value, u"Bearer {{token}}"_s);
    // A variable without a value stays as written too.
    HttpRequest unknown;
    unknown.url = u"http://{{nowhere}}/"_s;
    QCOMPARE(variables.applyPublic(unknown).url, u"http://{{nowhere}}/"_s);
}

void TestVariables::secretsNotInHistoryFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const HttpRequest asWritten = templated();
    const VariableSet variables(dev(), process({{u"PASARELA_VAR_token"_s, Secret}}));
    HttpExchange sent;
    sent.startedAt = QDateTime::currentDateTimeUtc();
    sent.request = variables.apply(asWritten).value();
    sent.response.status = 200;
    QVERIFY(sent.request.header(u"Authorization"_s).contains(Secret));

    HttpHistory history(dir.filePath(u"history.json"_s));
    history.add(historyEntryFor(publicExchange(sent, asWritten, variables)));
    QVERIFY_RESULT(history.save());
    const QByteArray file = readFile(history.path());
    QVERIFY(!file.contains(Secret.toUtf8()));
    // The template is kept, so the request can be sent again from the history.
    QVERIFY2(file.contains("Bearer {{token}}"), file.constData());
    QVERIFY(file.contains("api.local:8080"));

    HttpHistory again(history.path());
    QVERIFY_RESULT(again.load());
    QCOMPARE(again.entries().at(0).request.header(u"Authorization"_s), u"Bearer {{token}}"_s);

    // A secret header without a variable is still left out, as before.
    HttpHistory plain(dir.filePath(u"plain.json"_s));
    plain.add(historyEntryFor(sent));
    QVERIFY_RESULT(plain.save());
    QVERIFY(!readFile(plain.path()).contains(Secret.toUtf8()));
}

void TestVariables::secretsNotInExport()
{
    // A secret in a header that is not a secret header by name, and in the body.
    HttpRequest asWritten;
    asWritten.url = u"http://h/{{$env.TOKEN}}"_s;
    asWritten.headers = {{u"X-Api-Key"_s, u"{{$env.TOKEN}}"_s}};
    asWritten.body = "{\"key\": \"{{$env.TOKEN}}\"}";
    const VariableSet variables(Environment{}, process({{u"TOKEN"_s, Secret}}));
    HttpExchange sent;
    sent.startedAt = QDateTime::currentDateTimeUtc();
    sent.request = variables.apply(asWritten).value();
    sent.failure = HttpFailure::Refused;
    sent.error = u"connection refused by h:80 for /"_s + Secret;

    const QByteArray document = exchangeDocument(publicExchange(sent, asWritten, variables), false);
    QVERIFY2(!document.contains(Secret.toUtf8()), document.constData());
    QVERIFY(document.contains("{{$env.TOKEN}}"));
    QVERIFY(exchangeDocument(sent, false).contains(Secret.toUtf8()));  // the check above can fail
}

// The export names the answer's URL: the one sent, or where a redirect led.
void TestVariables::secretsNotInAnswerUrl()
{
    HttpRequest asWritten;
    asWritten.url = u"http://h/items?key={{$env.TOKEN}}"_s;
    const VariableSet variables(Environment{}, process({{u"TOKEN"_s, Secret}}));
    HttpExchange sent;
    sent.startedAt = QDateTime::currentDateTimeUtc();
    sent.request = variables.apply(asWritten).value();
    sent.response.status = 200;
    sent.response.finalUrl = sent.request.url;
    QVERIFY(exchangeDocument(sent, false).contains(Secret.toUtf8()));  // the checks below can fail

    HttpExchange shown = publicExchange(sent, asWritten, variables);
    QCOMPARE(shown.response.finalUrl, asWritten.url);
    QVERIFY(!exchangeDocument(shown, false).contains(Secret.toUtf8()));

    sent.response.finalUrl = u"http://h/moved?key="_s + Secret;
    shown = publicExchange(sent, asWritten, variables);
    QCOMPARE(shown.response.finalUrl, u"http://h/moved?key={{$env.TOKEN}}"_s);
}

void TestVariables::redact()
{
    Environment environment = dev();
    environment.set({u"pin"_s, u"abc"_s, true});        // too short to hunt for in text
    environment.set({u"key"_s, u"k-12345"_s, true});
    const VariableSet variables(environment, process({{u"PASARELA_VAR_token"_s, Secret}}));
    // Environment secrets are known at once; process ones once used.
    QCOMPARE(variables.redact(u"got k-12345 and "_s + Secret), u"got {{key}} and "_s + Secret);
    QVERIFY(variables.apply(templated()));
    QCOMPARE(variables.redact(u"got k-12345 and "_s + Secret), u"got {{key}} and {{token}}"_s);
    QCOMPARE(variables.redact(u"abc api.local:8080"_s), u"abc api.local:8080"_s);
}

void TestVariables::environmentsJson()
{
    const Environments environments = parse(R"({"dev": {"host": "api.local", "port": 8080, "tls": false,
                                                       "token": {"secret": true}, "user": {"value": "ana", "secret": true}},
                                               "prod": {}})");
    QCOMPARE(environments.size(), 2);
    const Environment *devEnv = findEnvironment(environments, u"dev"_s);
    QVERIFY(devEnv);
    QCOMPARE(devEnv->find(u"port"_s)->value, u"8080"_s);
    QCOMPARE(devEnv->find(u"tls"_s)->value, u"false"_s);
    QVERIFY(devEnv->find(u"token"_s)->secret);
    QCOMPARE(devEnv->find(u"user"_s)->value, u"ana"_s);
    QCOMPARE(environmentNames(environments), u"dev, prod"_s);

    const QJsonObject saved = environmentsToJson(environments, false);
    QCOMPARE(saved.value(u"dev"_s).toObject().value(u"user"_s).toObject(), QJsonObject({{u"secret"_s, true}}));
    QVERIFY(!QJsonDocument(saved).toJson().contains("ana"));
    QCOMPARE(environmentsFromJson(environmentsToJson(environments, true)).value(), environments);
}

void TestVariables::environmentsJsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an object") << QByteArray(R"({"dev": [1]})") << u"environment \"dev\" must be an object"_s;
    QTest::newRow("bad name") << QByteArray(R"({"dev": {"a b": "x"}})") << u"variable \"a b\""_s;
    QTest::newRow("list value") << QByteArray(R"({"dev": {"a": [1]}})") << u"variable \"a\": expected a text"_s;
    QTest::newRow("no value, not secret") << QByteArray(R"({"dev": {"a": {}}})") << u"give it a \"value\""_s;
    QTest::newRow("unknown key") << QByteArray(R"({"dev": {"a": {"value": "x", "secrte": true}}})")
                                 << u"unknown key \"secrte\""_s;
}

void TestVariables::environmentsJsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const Result<Environments> parsed = environmentsFromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().contains(message), qPrintable(parsed.error()));
}

void TestVariables::environmentsFileAndMerge()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString collection = dir.filePath(u"api.json"_s);
    const QString beside = environmentsFileBeside(collection);
    QCOMPARE(beside, dir.filePath(u"pasarela-environments.json"_s));
    QVERIFY(loadEnvironmentsFile(beside).value().isEmpty());  // none there: none

    QVERIFY_RESULT(writeFile(beside, R"({"environments": {"dev": {"host": "local.test"}, "ci": {"host": "ci.test"}}})"));
    const Result<Environments> file = loadEnvironmentsFile(beside);
    QVERIFY_RESULT(file);
    const Environments merged = mergeEnvironments(parse(R"({"dev": {"host": "api.local", "id": "1"}})"), file.value());
    QCOMPARE(environmentNames(merged), u"dev, ci"_s);
    QCOMPARE(findEnvironment(merged, u"dev"_s)->find(u"host"_s)->value, u"local.test"_s);
    QCOMPARE(findEnvironment(merged, u"dev"_s)->find(u"id"_s)->value, u"1"_s);

    QVERIFY_RESULT(writeFile(beside, environmentsDocument(merged, false)));
    const Environments reloaded = loadEnvironmentsFile(beside).value();
    QCOMPARE(reloaded.size(), merged.size());
    for (const Environment &environment : merged)  // JSON objects keep no order
        QCOMPARE(*findEnvironment(reloaded, environment.name), environment);

    QVERIFY_RESULT(writeFile(beside, "{\"dev\": {}}"));
    const Result<Environments> broken = loadEnvironmentsFile(beside);
    QVERIFY(!broken);
    QVERIFY2(broken.error().startsWith(beside + u": not a Pasarela environments file"_s), qPrintable(broken.error()));
}

QTEST_GUILESS_MAIN(TestVariables)
#include "tst_variables.moc"
