#include <memory>
#include <utility>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "checks.h"
#include "rules/rulestore.h"
#include "testfiles.h"

using namespace TestSupport;

namespace {

ForwardRule makeRule(const QString &name, const QString &listen, const QString &target)
{
    ForwardRule rule;
    rule.name = name;
    rule.listen = parseListen(listen).value();
    rule.target = parseTarget(target).value();
    return rule;
}

QList<ForwardRule> sampleRules()
{
    ForwardRule ingress = makeRule(QStringLiteral("minikube ingress"), QStringLiteral("0.0.0.0:31042"), QStringLiteral("192.168.49.2:80"));
    ingress.allow = QStringList{QStringLiteral("192.168.1.0/24")};
    ForwardRule v6 = makeRule(QStringLiteral("v6"), QStringLiteral("[::1]:8443"), QStringLiteral("minikube.local:443"));
    v6.enabled = false;
    v6.maxConnections = 5;
    v6.connectTimeoutMs = 1500;
    v6.idleTimeoutS = 60;
    return {ingress, v6};
}

const QByteArray BrokenJson = "{\n  \"version\": 1,\n  \"rules\": [{\"name\": \"a\" \"listen\": \"8080\"}]\n}\n";

} // namespace

class TestRuleStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void missingFile();
    void roundTrip();
    void unknownKeysKept();
    void globalMaxConnections();
    void missingVersionIsOne();
    void brokenJson();
    void invalidRule();
    void loadErrors_data();
    void loadErrors();
    void successfulLoadClearsBroken();
    void saveRejectsInvalidRules();
    void saveReplacingBroken();
    void saveReplacingBrokenCounter();
    void permissions();
    void backupPermissions();
    void createsParentFolders();
    void defaultPath();

private:
    QString m_path;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestRuleStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRuleStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("rules.json"));
}

void TestRuleStore::missingFile()
{
    RuleStore store(m_path);
    const Result<QList<ForwardRule>> loaded = store.load();
    QVERIFY_RESULT(loaded);
    QVERIFY(loaded.value().isEmpty());
    QVERIFY(!store.isBroken());
    QVERIFY(!QFile::exists(m_path));
}

void TestRuleStore::roundTrip()
{
    const QList<ForwardRule> rules = sampleRules();
    RuleStore writer(m_path);
    const Result<void> saved = writer.save(rules);
    QVERIFY_RESULT(saved);

    const QJsonObject root = QJsonDocument::fromJson(readFile(m_path)).object();
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(root.value(QStringLiteral("rules")).toArray().size(), 2);

    RuleStore reader(m_path);
    const Result<QList<ForwardRule>> loaded = reader.load();
    QVERIFY_RESULT(loaded);
    QCOMPARE(loaded.value().size(), rules.size());
    for (int i = 0; i < rules.size(); ++i)
        QCOMPARE(loaded.value().at(i).toJson(), rules.at(i).toJson());
    QCOMPARE(loaded.value().at(1).listen, (Endpoint{QStringLiteral("::1"), 8443}));
    QCOMPARE(loaded.value().at(1).enabled, false);
    QCOMPARE(loaded.value().at(1).idleTimeoutS, 60);
}

void TestRuleStore::unknownKeysKept()
{
    QVERIFY_RESULT(writeFile(m_path, R"({"version": 1, "comment": "hand written", "future": {"x": [1, 2]},
        "rules": [{"name": "a", "listen": "8080", "target": "example.com:80", "x-color": "red"}]})"));
    RuleStore store(m_path);
    const Result<QList<ForwardRule>> loaded = store.load();
    QVERIFY_RESULT(loaded);

    QList<ForwardRule> rules = loaded.value();
    rules[0].maxConnections = 9;
    const Result<void> saved = store.save(rules);
    QVERIFY_RESULT(saved);

    const QJsonObject root = QJsonDocument::fromJson(readFile(m_path)).object();
    QCOMPARE(root.value(QStringLiteral("comment")).toString(), QStringLiteral("hand written"));
    QCOMPARE(root.value(QStringLiteral("future")).toObject().value(QStringLiteral("x")).toArray().size(), 2);
    const QJsonObject rule = root.value(QStringLiteral("rules")).toArray().at(0).toObject();
    QCOMPARE(rule.value(QStringLiteral("x-color")).toString(), QStringLiteral("red"));
    QCOMPARE(rule.value(QStringLiteral("maxConnections")).toInt(), 9);
}

void TestRuleStore::globalMaxConnections()
{
    QVERIFY_RESULT(writeFile(m_path, R"({"version": 1, "maxConnections": 500, "comment": "kept",
        "rules": [{"name": "a", "listen": "8080", "target": "example.com:80"}]})"));
    RuleStore store(m_path);
    QCOMPARE(store.maxConnections(), 0);
    const Result<QList<ForwardRule>> loaded = store.load();
    QVERIFY_RESULT(loaded);
    QCOMPARE(store.maxConnections(), 500);
    QVERIFY_RESULT(store.save(loaded.value()));
    QJsonObject root = QJsonDocument::fromJson(readFile(m_path)).object();
    QCOMPARE(root.value(QStringLiteral("maxConnections")).toInt(), 500);
    QCOMPARE(root.value(QStringLiteral("comment")).toString(), QStringLiteral("kept"));
    QCOMPARE(root.value(QStringLiteral("rules")).toArray().at(0).toObject().value(QStringLiteral("maxConnections")).toInt(),
             ForwardRule().maxConnections);

    // Without it, none is written, and a reload forgets the earlier value.
    QVERIFY_RESULT(writeFile(m_path, R"({"version": 1, "rules": []})"));
    QVERIFY_RESULT(store.load());
    QCOMPARE(store.maxConnections(), 0);
    QVERIFY_RESULT(store.save({}));
    root = QJsonDocument::fromJson(readFile(m_path)).object();
    QVERIFY(!root.contains(QStringLiteral("maxConnections")));
}

void TestRuleStore::missingVersionIsOne()
{
    QVERIFY_RESULT(writeFile(m_path, R"({"rules": [{"name": "a", "listen": "8080", "target": "example.com:80"}]})"));
    RuleStore store(m_path);
    const Result<QList<ForwardRule>> loaded = store.load();
    QVERIFY_RESULT(loaded);
    QCOMPARE(loaded.value().size(), 1);
}

void TestRuleStore::brokenJson()
{
    QVERIFY_RESULT(writeFile(m_path, BrokenJson));
    RuleStore store(m_path);
    const Result<QList<ForwardRule>> loaded = store.load();
    QVERIFY(!loaded.ok());
    // Line 3 is the rules line; Qt stops just inside the second key, where a comma was expected.
    QVERIFY2(loaded.error().startsWith(m_path + QStringLiteral(": not valid JSON at line 3, column 27: ")), qPrintable(loaded.error()));
    QVERIFY(store.isBroken());

    const Result<void> saved = store.save(sampleRules());
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().startsWith(m_path + QStringLiteral(": ")), qPrintable(saved.error()));
    QVERIFY2(saved.error().contains(QStringLiteral("broken and was left as it is")), qPrintable(saved.error()));
    QCOMPARE(readFile(m_path), BrokenJson);
    QVERIFY(store.isBroken());
}

void TestRuleStore::invalidRule()
{
    const QByteArray data = R"({"version": 1, "rules": [
        {"name": "web", "listen": "0.0.0.0:8080", "target": "192.168.49.2:80"},
        {"name": "api", "listen": "0.0.0.0:70000", "target": "192.168.49.2:80"}]})";
    QVERIFY_RESULT(writeFile(m_path, data));
    RuleStore store(m_path);
    const Result<QList<ForwardRule>> loaded = store.load();
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error(), m_path + QStringLiteral(": rule 2 (\"api\"): field \"listen\": port 70000 is out of range (1-65535)"));
    QVERIFY(store.isBroken());
    QVERIFY(!store.save({}).ok());
    QCOMPARE(readFile(m_path), data);
}

void TestRuleStore::loadErrors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message"); // what follows "<path>: "

    QTest::newRow("version 3") << QByteArray(R"({"version": 3, "rules": []})")
                               << QStringLiteral("version 3 is newer than this Pasarela understands (2): ");
    QTest::newRow("version 0") << QByteArray(R"({"version": 0, "rules": []})") << QStringLiteral("version 0 is not a rules file version");
    QTest::newRow("version 1.5") << QByteArray(R"({"version": 1.5, "rules": []})") << QStringLiteral("version 1.5 is not a rules file version");
    QTest::newRow("version string") << QByteArray(R"({"version": "1", "rules": []})")
                                    << QStringLiteral("\"version\" must be a number, got a string");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("the file is empty");
    QTest::newRow("whitespace") << QByteArray(" \n\t\n") << QStringLiteral("the file is empty");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("expected a JSON object");
    QTest::newRow("truncated") << QByteArray("{\"version\": 1,\n  \"rules\": [\n") << QStringLiteral("not valid JSON at line 3, column 1: ");
    QTest::newRow("rules object") << QByteArray(R"({"version": 1, "rules": {}})")
                                  << QStringLiteral("\"rules\" must be a list of rule objects, got an object");
    QTest::newRow("rule not object") << QByteArray(R"({"rules": [5]})") << QStringLiteral("rule 1: expected a rule object {...}, got a number");
    QTest::newRow("rule name not string") << QByteArray(R"({"rules": [{"name": 5, "listen": "1", "target": "a:1"}]})")
                                          << QStringLiteral("rule 1: field \"name\": expected a string, got a number");
    QTest::newRow("rule wrong type") << QByteArray(R"({"rules": [{"name": "n", "listen": "1", "target": "a:1", "maxConnections": "5"}]})")
                                     << QStringLiteral("rule 1 (\"n\"): field \"maxConnections\": expected a whole number, got a string");
    QTest::newRow("duplicate listen") << QByteArray(R"({"rules": [{"name": "a", "listen": "8080", "target": "x:1"},
        {"name": "z", "listen": "9090", "target": "x:1"}, {"name": "b", "listen": "127.0.0.1:8080", "target": "x:1"}]})")
                                      << QStringLiteral("rules 1 (\"a\") and 3 (\"b\") both listen on 127.0.0.1:8080; "
                                                        "disable one or change its port");
    const QString maxError = QStringLiteral("\"maxConnections\" (connections open at once across all rules) must be a whole "
                                            "number from 1 to 1000000, got ");
    QTest::newRow("maxConnections 0") << QByteArray(R"({"version": 1, "maxConnections": 0, "rules": []})") << maxError + QStringLiteral("0; ");
    QTest::newRow("maxConnections too many") << QByteArray(R"({"version": 1, "maxConnections": 1000001, "rules": []})")
                                             << maxError + QStringLiteral("1000001; ");
    QTest::newRow("maxConnections fraction") << QByteArray(R"({"version": 1, "maxConnections": 2.5, "rules": []})")
                                             << maxError + QStringLiteral("2.5; ");
    QTest::newRow("maxConnections string") << QByteArray(R"({"version": 1, "maxConnections": "10", "rules": []})")
                                           << maxError + QStringLiteral("a string; ");
    QTest::newRow("maxConnections null") << QByteArray(R"({"version": 1, "maxConnections": null, "rules": []})")
                                         << maxError + QStringLiteral("null; ");
}

void TestRuleStore::loadErrors()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);

    QVERIFY_RESULT(writeFile(m_path, data));
    RuleStore store(m_path);
    const Result<QList<ForwardRule>> loaded = store.load();
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().startsWith(m_path + QStringLiteral(": ") + message), qPrintable(loaded.error()));
    QVERIFY(store.isBroken());
    QVERIFY(!store.save(sampleRules()).ok());
    QCOMPARE(readFile(m_path), data);
}

void TestRuleStore::successfulLoadClearsBroken()
{
    QVERIFY_RESULT(writeFile(m_path, BrokenJson));
    RuleStore store(m_path);
    QVERIFY(!store.load().ok());
    QVERIFY(store.isBroken());

    QVERIFY_RESULT(writeFile(m_path, R"({"version": 1, "rules": []})"));
    const Result<QList<ForwardRule>> loaded = store.load();
    QVERIFY_RESULT(loaded);
    QVERIFY(!store.isBroken());
    const Result<void> saved = store.save(sampleRules());
    QVERIFY_RESULT(saved);
}

void TestRuleStore::saveRejectsInvalidRules()
{
    const QByteArray data = R"({"version": 1, "rules": []})";
    QVERIFY_RESULT(writeFile(m_path, data));
    RuleStore store(m_path);
    QVERIFY_RESULT(store.load());

    QList<ForwardRule> rules = sampleRules();
    rules[1].name = rules[0].name;
    const Result<void> saved = store.save(rules);
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().startsWith(m_path + QStringLiteral(": not saved: rules 1 (\"minikube ingress\") and 2 (\"minikube ingress\")")),
             qPrintable(saved.error()));
    QCOMPARE(readFile(m_path), data);
    QVERIFY(!store.saveReplacingBroken(rules).ok());
    QCOMPARE(readFile(m_path), data);
}

void TestRuleStore::saveReplacingBroken()
{
    QVERIFY_RESULT(writeFile(m_path, BrokenJson));
    RuleStore store(m_path);
    QVERIFY(!store.load().ok());

    const Result<QString> backup = store.saveReplacingBroken(sampleRules());
    QVERIFY_RESULT(backup);
    const QRegularExpression name(QRegularExpression::anchoredPattern(
        QRegularExpression::escape(m_path) + QStringLiteral("\\.broken-\\d{8}-\\d{6}")));
    QVERIFY2(name.match(backup.value()).hasMatch(), qPrintable(backup.value()));
    QCOMPARE(readFile(backup.value()), BrokenJson);
    QVERIFY(!store.isBroken());

    RuleStore reader(m_path);
    const Result<QList<ForwardRule>> loaded = reader.load();
    QVERIFY_RESULT(loaded);
    QCOMPARE(loaded.value().size(), 2);
    QCOMPARE(loaded.value().at(0).name, QStringLiteral("minikube ingress"));
}

void TestRuleStore::saveReplacingBrokenCounter()
{
    // Occupy the backup names for the next few seconds, so the store must add a counter.
    const QDateTime now = QDateTime::currentDateTime();
    QStringList taken;
    for (int second = 0; second < 3; ++second) {
        taken.append(m_path + QStringLiteral(".broken-") + now.addSecs(second).toString(QStringLiteral("yyyyMMdd-HHmmss")));
        QVERIFY_RESULT(writeFile(taken.last(), "older backup"));
    }
    QVERIFY_RESULT(writeFile(m_path, BrokenJson));
    RuleStore store(m_path);
    QVERIFY(!store.load().ok());

    const Result<QString> backup = store.saveReplacingBroken(sampleRules());
    QVERIFY_RESULT(backup);
    QVERIFY2(backup.value().endsWith(QStringLiteral("-2")), qPrintable(backup.value()));
    QVERIFY(taken.contains(backup.value().chopped(2)));
    QCOMPARE(readFile(backup.value()), BrokenJson);
    for (const QString &path : std::as_const(taken))
        QCOMPARE(readFile(path), QByteArray("older backup"));
}

void TestRuleStore::permissions()
{
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    const QFileDevice::Permissions ownerBits = ownerOnly | QFileDevice::ExeOwner;

    RuleStore store(m_path);
    QVERIFY_RESULT(store.save(sampleRules()));
    QFileDevice::Permissions mode = QFile::permissions(m_path);
    QCOMPARE(mode & others, QFileDevice::Permissions());
    QCOMPARE(mode & ownerBits, ownerOnly);

    // A file that was world-readable before becomes private on the next save.
    QVERIFY(QFile::setPermissions(m_path, ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY_RESULT(store.load());
    QVERIFY_RESULT(store.save(sampleRules()));
    mode = QFile::permissions(m_path);
    QCOMPARE(mode & others, QFileDevice::Permissions());
    QCOMPARE(mode & ownerBits, ownerOnly);
}

void TestRuleStore::backupPermissions()
{
    QVERIFY_RESULT(writeFile(m_path, BrokenJson));
    QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                              | QFileDevice::ReadOther));
    QCOMPARE(fileMode(m_path), 0644);
    RuleStore store(m_path);
    QVERIFY(!store.load().ok());
    const Result<QString> backup = store.saveReplacingBroken(sampleRules());
    QVERIFY_RESULT(backup);
    QCOMPARE(fileMode(backup.value()), 0600);
    QCOMPARE(fileMode(m_path), 0600);
}

void TestRuleStore::createsParentFolders()
{
    const QString path = m_dir->filePath(QStringLiteral("a/b/rules.json"));
    RuleStore store(path);
    const Result<void> saved = store.save(sampleRules());
    QVERIFY_RESULT(saved);
    QVERIFY(QFile::exists(path));
}

void TestRuleStore::defaultPath()
{
    const QString path = RuleStore::defaultPath();
    QVERIFY2(path.endsWith(QStringLiteral("/rules.json")), qPrintable(path));
    QCOMPARE(path, QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/rules.json"));
}

QTEST_GUILESS_MAIN(TestRuleStore)
#include "tst_rulestore.moc"
