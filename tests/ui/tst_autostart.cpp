// "Start at login": the XDG autostart entry the window writes and removes.
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "autostart.h"
#include "mainwindow.h"
#include "relay/forwardengine.h"

class TestAutostart final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void entryText();
    void entryIsValid();
    void windowTogglesTheEntry();

private:
    QTemporaryDir m_dir;
};

void TestAutostart::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QFile::remove(Autostart::entryPath());
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
    QVERIFY(Autostart::setEnabled(true, QStringLiteral("/usr/bin/pasarela"), {QStringLiteral("--config"), QStringLiteral("/tmp/a b.json")}));
    if (QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate")).isEmpty()) {
        if (qEnvironmentVariable("CI") == u"true")
            QFAIL("desktop-file-validate is missing (package desktop-file-utils)");
        QSKIP("desktop-file-validate is not installed (package desktop-file-utils)");
    }
    QProcess validate;
    validate.start(QStringLiteral("desktop-file-validate"), {Autostart::entryPath()});
    QVERIFY(validate.waitForFinished(10000));
    const QByteArray output = validate.readAllStandardOutput() + validate.readAllStandardError();
    QVERIFY2(validate.exitCode() == 0 && output.trimmed().isEmpty(), output.constData());
    QVERIFY(Autostart::setEnabled(false, {}));
}

void TestAutostart::windowTogglesTheEntry()
{
    const QString rules = m_dir.filePath(QStringLiteral("rules.json"));
    ForwardEngine engine(1);
    MainWindow window(&engine, rules);
    QVERIFY(!window.startAtLoginAction()->isChecked());
    window.startAtLoginAction()->trigger();
    QVERIFY(Autostart::isEnabled());
    QFile entry(Autostart::entryPath());
    QVERIFY(entry.open(QIODevice::ReadOnly));
    const QByteArray text = entry.readAll();
    // The entry starts this program hidden, on the rules file this window uses.
    const QByteArray program = QCoreApplication::applicationFilePath().toUtf8();
    QVERIFY2(text.contains(QByteArray("Exec=\"" + program + "\" --hidden \"--config\" \"" + rules.toUtf8() + "\"\n")),
             text.constData());

    window.startAtLoginAction()->trigger();
    QVERIFY(!Autostart::isEnabled());

    // A later window shows the state on disk.
    QVERIFY(Autostart::setEnabled(true, QStringLiteral("/usr/bin/pasarela")));
    MainWindow again(&engine, m_dir.filePath(QStringLiteral("other.json")));
    QVERIFY(again.startAtLoginAction()->isChecked());
    QVERIFY(Autostart::setEnabled(false, {}));
}

QTEST_MAIN(TestAutostart)
#include "tst_autostart.moc"
