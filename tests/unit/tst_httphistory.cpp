#include <memory>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "checks.h"
#include "http/httphistory.h"
#include "testfiles.h"

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

HistoryEntry makeEntry(int n)
{
    HistoryEntry entry;
    entry.time = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, n % 1000), Qt::UTC);
    entry.request.method = u"POST"_s;
    entry.request.url = u"http://192.168.49.2:31042/items/"_s + QString::number(n);
    entry.request.headers = {{u"Host"_s, u"api.local"_s}, {u"X-Off"_s, u"x"_s, false}};
    entry.request.body = "{\"n\": " + QByteArray::number(n) + "}\n\xff";
    entry.request.contentType = u"application/json"_s;
    entry.request.timeoutMs = 1000 + n;
    entry.status = 200 + n;
    entry.totalMs = 12.5 + n;
    entry.size = 1000 + n;
    return entry;
}

HistoryEntry withSecrets(HistoryEntry entry)
{
    entry.request.headers += {{u"Authorization"_s, u"Bearer SECRET-TOKEN-1"_s},
                              {u"cookie"_s, u"sid=SECRET-COOKIE-2"_s},
                              {u"Proxy-Authorization"_s, u"Basic SECRET-PROXY-3"_s, false}};
    return entry;
}

void compareEntries(const QList<HistoryEntry> &actual, const QList<HistoryEntry> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i) {
        QCOMPARE(actual.at(i).time, expected.at(i).time);
        QVERIFY2(actual.at(i).request == expected.at(i).request, qPrintable(u"entry "_s + QString::number(i)));
        QCOMPARE(actual.at(i).status, expected.at(i).status);
        QCOMPARE(actual.at(i).error, expected.at(i).error);
        QCOMPARE(actual.at(i).totalMs, expected.at(i).totalMs);
        QCOMPARE(actual.at(i).size, expected.at(i).size);
    }
}

} // namespace

class TestHttpHistory final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void missingFile();
    void persistAndReload();
    void capacity();
    void removeAndClear();
    void secretsLeftOut();
    void secretsKeptOnRequest();
    void permissions();
    void broken_data();
    void broken();
    void unwritableFolder();
    void defaultPath();
    void entryForExchange();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestHttpHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHttpHistory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // In a folder that does not exist yet: save creates it.
    m_path = m_dir->filePath(u"data/http-history.json"_s);
}

void TestHttpHistory::missingFile()
{
    HttpHistory history(m_path);
    history.add(makeEntry(1));
    const Result<void> loaded = history.load();
    QVERIFY_RESULT(loaded);
    QVERIFY(history.entries().isEmpty());
    QVERIFY(!QFile::exists(m_path));
}

void TestHttpHistory::persistAndReload()
{
    HttpHistory history(m_path);
    QCOMPARE(history.path(), m_path);
    HistoryEntry failed = makeEntry(2);
    failed.status = 0;
    failed.totalMs = 0;
    failed.size = 0;
    failed.error = u"connection refused by 192.168.49.2:31042"_s;
    history.add(makeEntry(1));
    history.add(failed);
    history.add(makeEntry(3));
    const QList<HistoryEntry> expected{makeEntry(3), failed, makeEntry(1)};
    compareEntries(history.entries(), expected);  // newest first

    const Result<void> saved = history.save();
    QVERIFY_RESULT(saved);
    const QJsonObject root = QJsonDocument::fromJson(readFile(m_path)).object();
    QCOMPARE(root.value(u"format"_s).toString(), u"pasarela-http-history"_s);
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    QCOMPARE(root.value(u"entries"_s).toArray().size(), 3);
    QCOMPARE(root.value(u"entries"_s).toArray().at(1).toObject().value(u"error"_s).toString(), failed.error);

    HttpHistory reloaded(m_path);
    const Result<void> loaded = reloaded.load();
    QVERIFY_RESULT(loaded);
    compareEntries(reloaded.entries(), expected);
}

void TestHttpHistory::capacity()
{
    HttpHistory history(m_path, 3);
    for (int i = 1; i <= 5; ++i)
        history.add(makeEntry(i));
    compareEntries(history.entries(), {makeEntry(5), makeEntry(4), makeEntry(3)});
    QVERIFY_RESULT(history.save());

    // A smaller capacity keeps the newest of what the file holds.
    HttpHistory smaller(m_path, 2);
    QVERIFY_RESULT(smaller.load());
    compareEntries(smaller.entries(), {makeEntry(5), makeEntry(4)});

    HttpHistory byDefault(m_path);
    for (int i = 0; i < HttpHistory::DefaultCapacity + 10; ++i)
        byDefault.add(makeEntry(i));
    QCOMPARE(byDefault.entries().size(), HttpHistory::DefaultCapacity);
    QCOMPARE(byDefault.entries().last().status, makeEntry(10).status);
}

void TestHttpHistory::removeAndClear()
{
    HttpHistory history(m_path);
    for (int i = 1; i <= 3; ++i)
        history.add(makeEntry(i));
    history.remove(1);
    compareEntries(history.entries(), {makeEntry(3), makeEntry(1)});
    history.remove(7);
    history.remove(-1);
    QCOMPARE(history.entries().size(), 2);
    QVERIFY_RESULT(history.save());
    history.clear();
    QVERIFY(history.entries().isEmpty());
    QVERIFY_RESULT(history.save());
    HttpHistory reloaded(m_path);
    QVERIFY_RESULT(reloaded.load());
    QVERIFY(reloaded.entries().isEmpty());
}

void TestHttpHistory::secretsLeftOut()
{
    HttpHistory history(m_path);
    QVERIFY(!history.keepSecrets());
    const HistoryEntry entry = withSecrets(makeEntry(1));
    history.add(entry);
    QVERIFY_RESULT(history.save());

    const QByteArray bytes = readFile(m_path);
    for (const char *secret : {"SECRET-TOKEN-1", "SECRET-COOKIE-2", "SECRET-PROXY-3"})
        QVERIFY2(!bytes.contains(secret), secret);
    QVERIFY(bytes.contains("Authorization"));
    // The session keeps them.
    QCOMPARE(history.entries().first().request.header(u"Authorization"_s), u"Bearer SECRET-TOKEN-1"_s);

    HttpHistory reloaded(m_path);
    QVERIFY_RESULT(reloaded.load());
    const HttpRequest &request = reloaded.entries().first().request;
    QCOMPARE(request.headers.size(), 5);
    QCOMPARE(request.headers.at(2), (HttpHeader{u"Authorization"_s, QString(), true, true}));
    QCOMPARE(request.headers.at(3), (HttpHeader{u"cookie"_s, QString(), true, true}));
    QCOMPARE(request.headers.at(4), (HttpHeader{u"Proxy-Authorization"_s, QString(), false, true}));
    QCOMPARE(request.effectiveHeaders().size(), 2);  // Host and Content-Type: nothing redacted is sent
}

void TestHttpHistory::secretsKeptOnRequest()
{
    HttpHistory history(m_path);
    history.setKeepSecrets(true);
    QVERIFY(history.keepSecrets());
    const HistoryEntry entry = withSecrets(makeEntry(1));
    history.add(entry);
    QVERIFY_RESULT(history.save());
    const QByteArray bytes = readFile(m_path);
    for (const char *secret : {"SECRET-TOKEN-1", "SECRET-COOKIE-2", "SECRET-PROXY-3"})
        QVERIFY2(bytes.contains(secret), secret);

    HttpHistory reloaded(m_path);
    QVERIFY_RESULT(reloaded.load());
    compareEntries(reloaded.entries(), {entry});
}

void TestHttpHistory::permissions()
{
    HttpHistory history(m_path);
    history.add(makeEntry(1));
    QVERIFY_RESULT(history.save());
    QCOMPARE(fileMode(m_path), 0600);

    // A file others could read becomes private on the next save.
    QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QCOMPARE(fileMode(m_path), 0644);
    QVERIFY_RESULT(history.load());
    QVERIFY_RESULT(history.save());
    QCOMPARE(fileMode(m_path), 0600);
}

void TestHttpHistory::broken_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << QByteArray("{\"format\": \"pasarela-http-history\", \"entries\": [") << u"not valid JSON"_s;
    QTest::newRow("empty") << QByteArray() << u"not valid JSON"_s;
    QTest::newRow("other file") << QByteArray(R"({"version": 1, "rules": []})") << u"not a Pasarela HTTP history file"_s;
    QTest::newRow("newer version") << QByteArray(R"({"format": "pasarela-http-history", "version": 2, "entries": []})")
                                   << u"history version 2 is not one this Pasarela reads"_s;
    QTest::newRow("entries not a list") << QByteArray(R"({"format": "pasarela-http-history", "version": 1, "entries": {}})")
                                        << u"\"entries\" must be a list, got an object"_s;
    QTest::newRow("bad request")
        << QByteArray(R"({"format": "pasarela-http-history", "version": 1, "entries": [
               {"time": "2026-01-02T03:04:05.000Z", "request": {"url": "http://h/"}},
               {"time": "2026-01-02T03:04:05.000Z", "request": {"timeoutMs": "slow"}}]})")
        << u"entry 2: request: \"timeoutMs\" must be a whole number"_s;
    QTest::newRow("bad time") << QByteArray(R"({"format": "pasarela-http-history", "version": 1, "entries": [{"time": "yesterday", "request": {}}]})")
                              << u"entry 1: \"time\" must be a date and time"_s;
    QTest::newRow("bad status") << QByteArray(R"({"format": "pasarela-http-history", "version": 1, "entries": [
                                       {"time": "2026-01-02T03:04:05Z", "request": {}, "status": "200"}]})")
                                << u"entry 1: \"status\" must be a number, got a string"_s;
}

void TestHttpHistory::broken()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    QVERIFY(QDir().mkpath(QFileInfo(m_path).path()));
    QVERIFY_RESULT(writeFile(m_path, content));

    HttpHistory history(m_path);
    history.add(makeEntry(9));
    const Result<void> loaded = history.load();
    QVERIFY(!loaded.ok());
    QVERIFY(history.entries().isEmpty());

    const QStringList aside = QDir(QFileInfo(m_path).path()).entryList({u"http-history.json.broken-*"_s}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    const QString asidePath = QFileInfo(m_path).path() + u'/' + aside.first();
    QVERIFY(QRegularExpression(u"^http-history\\.json\\.broken-\\d{8}-\\d{6}$"_s).match(aside.first()).hasMatch());
    QVERIFY2(loaded.error().startsWith(m_path + u": "_s), qPrintable(loaded.error()));
    QVERIFY2(loaded.error().contains(asidePath), qPrintable(loaded.error()));
    QVERIFY2(loaded.error().contains(reason), qPrintable(loaded.error()));
    QVERIFY(!QFile::exists(m_path));
    QCOMPARE(readFile(asidePath), content);

    // Saving afterwards writes a new file and leaves the broken one alone.
    history.add(makeEntry(1));
    QVERIFY_RESULT(history.save());
    QCOMPARE(readFile(asidePath), content);
    HttpHistory reloaded(m_path);
    QVERIFY_RESULT(reloaded.load());
    QCOMPARE(reloaded.entries().size(), 1);

    // A second broken file gets a name of its own.
    QVERIFY_RESULT(writeFile(m_path, content));
    QVERIFY(!reloaded.load().ok());
    QCOMPARE(QDir(QFileInfo(m_path).path()).entryList({u"http-history.json.broken-*"_s}, QDir::Files).size(), 2);
    QCOMPARE(readFile(asidePath), content);
}

void TestHttpHistory::unwritableFolder()
{
    // The parent "folder" is a file: nothing can be created there.
    const QString blocker = m_dir->filePath(u"blocker"_s);
    QVERIFY_RESULT(writeFile(blocker, "x"));
    HttpHistory history(blocker + u"/http-history.json"_s);
    history.add(makeEntry(1));
    const Result<void> saved = history.save();
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().startsWith(u"cannot write "_s + blocker + u"/http-history.json: "_s), qPrintable(saved.error()));
}

void TestHttpHistory::defaultPath()
{
    const QString path = HttpHistory::defaultPath();
    QCOMPARE(path, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/http-history.json"_s);
    QVERIFY(path.startsWith(QDir::homePath()));
}

void TestHttpHistory::entryForExchange()
{
    HttpExchange exchange;
    exchange.startedAt = QDateTime(QDate(2026, 5, 6), QTime(7, 8, 9), Qt::OffsetFromUTC, 3600);
    exchange.request = makeEntry(1).request;
    exchange.response.status = 404;
    exchange.response.totalMs = 42.5;
    exchange.response.body = "{\"error\": \"not found\"}";
    HistoryEntry entry = historyEntryFor(exchange);
    QCOMPARE(entry.time, QDateTime(QDate(2026, 5, 6), QTime(6, 8, 9), Qt::UTC));
    QCOMPARE(entry.time.timeSpec(), Qt::UTC);
    QVERIFY(entry.request == exchange.request);
    QCOMPARE(entry.status, 404);
    QCOMPARE(entry.totalMs, 42.5);
    QCOMPARE(entry.size, qint64(22));
    QVERIFY(entry.error.isEmpty());

    exchange.failure = HttpFailure::Timeout;
    exchange.error = u"timed out after 1500 ms"_s;
    entry = historyEntryFor(exchange);
    QCOMPARE(entry.status, 0);
    QCOMPARE(entry.size, qint64(0));
    QCOMPARE(entry.totalMs, 0.0);
    QCOMPARE(entry.error, exchange.error);
}

QTEST_GUILESS_MAIN(TestHttpHistory)
#include "tst_httphistory.moc"
