// "Start at login": the XDG autostart entry the window writes and removes.
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "autostart.h"
#include "checks.h"
#include "mainwindow.h"
#include "processrun.h"
#include "relay/forwardengine.h"
#include "testfiles.h"

using namespace TestSupport;

class TestAutostart final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void entryText();
    void entryIsValid();
    void windowTogglesTheEntry();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

// Each test starts with no entry, in folders of its own: nothing an earlier test
// left (a skip halfway included) and nothing of the user's is seen or touched.
// Not QStandardPaths' test mode: it ignores XDG_CONFIG_HOME.
void TestAutostart::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        qputenv(name, m_dir->filePath(QString::fromLatin1(name)).toLocal8Bit());
    QVERIFY2(Autostart::entryPath().startsWith(m_dir->path()), qPrintable(Autostart::entryPath()));
    QVERIFY(!Autostart::isEnabled());
}

void TestAutostart::cleanup()
{
    m_dir.reset();
}

void TestAutostart::entryText()
{
    const QString text = Autostart::entryText(QStringLiteral("/opt/my apps/pasarela"),
                                              {QStringLiteral("--config"), QStringLiteral("/home/ana/$rules \"x\".json")});
    QVERIFY2(text.contains(QStringLiteral(R"(Exec="/opt/my apps/pasarela" --hidden "--config" "/home/ana/\\$rules \\"x\\".json")")),
             qPrintable(text));
    QVERIFY(text.startsWith(QStringLiteral("[Desktop Entry]\nType=Application\n")));
    QVERIFY(text.contains(QStringLiteral("\nIcon=dev.pasarela.Pasarela\n")));
}

// desktop-file-validate is what desktops are checked with; CI installs it.
void TestAutostart::entryIsValid()
{
    if (QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate")).isEmpty()) {
        if (qEnvironmentVariable("CI") == u"true")
            QFAIL("desktop-file-validate is missing (package desktop-file-utils)");
        QSKIP("desktop-file-validate is not installed (package desktop-file-utils)");
    }
    QVERIFY_RESULT(Autostart::setEnabled(true, QStringLiteral("/usr/bin/pasarela"),
                                         {QStringLiteral("--config"), QStringLiteral("/tmp/a b.json")}));
    ProcessOptions options;
    options.timeoutMs = 10000;
    const ProcessRun validate = runProcess(QStringLiteral("desktop-file-validate"), {Autostart::entryPath()}, options);
    QVERIFY2(validate.exitCode == 0 && validate.out.trimmed().isEmpty() && validate.err.trimmed().isEmpty(),
             validate.describe().constData());
    QVERIFY_RESULT(Autostart::setEnabled(false, {}));
    QVERIFY(!Autostart::isEnabled());
}

void TestAutostart::windowTogglesTheEntry()
{
    const QString rules = m_dir->filePath(QStringLiteral("rules.json"));
    ForwardEngine engine(1);
    MainWindow window(&engine, rules);
    QVERIFY(!window.startAtLoginAction()->isChecked());
    window.startAtLoginAction()->trigger();
    QVERIFY(Autostart::isEnabled());
    const QByteArray text = readFile(Autostart::entryPath());
    // The entry starts this program hidden, on the rules file this window uses.
    const QByteArray program = QCoreApplication::applicationFilePath().toUtf8();
    QVERIFY2(text.contains(QByteArray("Exec=\"" + program + "\" --hidden \"--config\" \"" + rules.toUtf8() + "\"\n")),
             text.constData());

    window.startAtLoginAction()->trigger();
    QVERIFY(!Autostart::isEnabled());

    // A later window shows the state on disk.
    QVERIFY_RESULT(Autostart::setEnabled(true, QStringLiteral("/usr/bin/pasarela")));
    MainWindow again(&engine, m_dir->filePath(QStringLiteral("other.json")));
    QVERIFY(again.startAtLoginAction()->isChecked());
}

QTEST_MAIN(TestAutostart)
#include "tst_autostart.moc"
