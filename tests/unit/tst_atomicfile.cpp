// writeFileAtomically: the bytes and permissions asked for, the folder made only when asked,
// an error that names the file, and a failed write that leaves the old file whole.
#include <csignal>
#include <memory>

#include <sys/resource.h>
#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "atomicfile.h"
#include "checks.h"
#include "testfiles.h"

using namespace TestSupport;

namespace {

// The files in dir: a write must not leave its temporary file behind.
QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

} // namespace

class TestAtomicFile final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void writesAndReplaces();
    void permissions();
    void keepsPermissionsByDefault();
    void missingFolder();
    void createsFolder();
    void folderCannotBeCreated();
    void directory();
    void failedWriteKeepsOldFile();
    void checkWritable();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAtomicFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAtomicFile::writesAndReplaces()
{
    const QString path = m_dir->filePath(QStringLiteral("data.json"));
    const QByteArray first("{\"a\": 1}\n\0binary\xff", 17);
    const Result<void> written = writeFileAtomically(path, first);
    QVERIFY_RESULT(written);
    QCOMPARE(readFile(path), first);

    const QByteArray shorter("[]");
    QVERIFY_RESULT(writeFileAtomically(path, shorter));
    QCOMPARE(readFile(path), shorter);
    QVERIFY_RESULT(writeFileAtomically(path, QByteArray()));
    QCOMPARE(readFile(path), QByteArray());
    QCOMPARE(entries(m_dir->path()), QStringList{QStringLiteral("data.json")});
}

void TestAtomicFile::permissions()
{
    const QString path = m_dir->filePath(QStringLiteral("history.json"));
    QVERIFY_RESULT(writeFileAtomically(path, "new", OwnerOnly));
    QCOMPARE(fileMode(path), 0600);

    // A file others could read becomes private with the write that asks for it.
    QVERIFY(QFile::setPermissions(path, OwnerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QCOMPARE(fileMode(path), 0644);
    QVERIFY_RESULT(writeFileAtomically(path, "again", OwnerOnly));
    QCOMPARE(fileMode(path), 0600);
    QCOMPARE(readFile(path), QByteArray("again"));
}

void TestAtomicFile::keepsPermissionsByDefault()
{
    const QString path = m_dir->filePath(QStringLiteral("export.csv"));
    const mode_t mask = ::umask(022);
    const bool created = writeFileAtomically(path, "a").ok();
    const int newMode = fileMode(path);
    const bool chmodded = QFile::setPermissions(path, OwnerOnly | QFileDevice::ReadGroup);
    const bool replaced = writeFileAtomically(path, "b").ok();
    ::umask(mask);

    QVERIFY(created && chmodded && replaced);
    QCOMPARE(newMode, 0644);  // 0666 less the umask
    QCOMPARE(fileMode(path), 0640);
    QCOMPARE(readFile(path), QByteArray("b"));
}

void TestAtomicFile::missingFolder()
{
    const QString path = m_dir->filePath(QStringLiteral("no/such/folder/out.json"));
    const Result<void> written = writeFileAtomically(path, "x");
    QVERIFY(!written);
    QVERIFY2(written.error().startsWith(QStringLiteral("cannot write ") + QDir::toNativeSeparators(path) + u':'),
             qPrintable(written.error()));
    // A file the user chose: the folder is not made for them.
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("no"))));
}

void TestAtomicFile::createsFolder()
{
    const QString path = m_dir->filePath(QStringLiteral("config/pasarela/rules.json"));
    const Result<void> written = writeFileAtomically(path, "{}", OwnerOnly, ParentFolder::Create);
    QVERIFY_RESULT(written);
    QCOMPARE(readFile(path), QByteArray("{}"));
    QCOMPARE(fileMode(path), 0600);
}

// A regular file where the folder should be: no one, not even root, can make it.
void TestAtomicFile::folderCannotBeCreated()
{
    const QString blocker = m_dir->filePath(QStringLiteral("config"));
    QVERIFY_RESULT(writeFileAtomically(blocker, "not a folder"));
    const QString path = blocker + QStringLiteral("/pasarela/rules.json");
    const Result<void> written = writeFileAtomically(path, "{}", OwnerOnly, ParentFolder::Create);
    QVERIFY(!written);
    QVERIFY2(written.error().startsWith(QStringLiteral("cannot write ") + QDir::toNativeSeparators(path) + u':'),
             qPrintable(written.error()));
    QVERIFY2(written.error().contains(QDir::toNativeSeparators(blocker + QStringLiteral("/pasarela"))),
             qPrintable(written.error()));
    QCOMPARE(readFile(blocker), QByteArray("not a folder"));
}

void TestAtomicFile::directory()
{
    const Result<void> written = writeFileAtomically(m_dir->path(), "x");
    QVERIFY(!written);
    QCOMPARE(written.error(), QStringLiteral("cannot write %1: it is a directory").arg(QDir::toNativeSeparators(m_dir->path())));
    QVERIFY(entries(m_dir->path()).isEmpty());
}

// The bytes go to a temporary file first: when writing them fails (here the file size
// limit, which holds for root too), the file that was there keeps every byte, and no
// temporary file is left.
void TestAtomicFile::failedWriteKeepsOldFile()
{
    const QString path = m_dir->filePath(QStringLiteral("rules.json"));
    const QByteArray old(1000, 'o');
    QVERIFY_RESULT(writeFileAtomically(path, old, OwnerOnly));

    rlimit saved{};
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    rlimit small = saved;
    small.rlim_cur = 4096;
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);  // else the write kills the test
    QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    const Result<void> written = writeFileAtomically(path, QByteArray(64 * 1024, 'n'), OwnerOnly);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    QVERIFY(!written);
    QVERIFY2(written.error().startsWith(QStringLiteral("cannot write ") + QDir::toNativeSeparators(path) + u':'),
             qPrintable(written.error()));
    QCOMPARE(readFile(path), old);
    QCOMPARE(fileMode(path), 0600);
    QCOMPARE(entries(m_dir->path()), QStringList{QStringLiteral("rules.json")});
}

void TestAtomicFile::checkWritable()
{
    const QString path = m_dir->filePath(QStringLiteral("out.json"));
    QVERIFY_RESULT(::checkWritable(path));
    QVERIFY(entries(m_dir->path()).isEmpty());  // nothing made, nothing left

    const QString missing = m_dir->filePath(QStringLiteral("missing/out.json"));
    const Result<void> unwritable = ::checkWritable(missing);
    QVERIFY(!unwritable);
    QVERIFY2(unwritable.error().startsWith(QStringLiteral("cannot write ") + QDir::toNativeSeparators(missing) + u':'),
             qPrintable(unwritable.error()));
    QVERIFY(!::checkWritable(m_dir->path()));
    QVERIFY(entries(m_dir->path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
