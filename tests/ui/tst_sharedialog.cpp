// The Share dialog: a URL per address another machine can use, its QR code
// (read back with zbarimg when installed), the Copy button, the warnings, and
// the Ingress hosts read from the fake minikube and kubectl off the GUI thread.
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "checks.h"
#include "fakecluster.h"
#include "processrun.h"
#include "relay/forwardengine.h"
#include "rules/qrimage.h"
#include "rules/rulecontroller.h"
#include "rules/rulespanel.h"
#include "rules/sharedialog.h"
#include "share/qrcode.h"

using namespace Qt::StringLiterals;

namespace {

// This machine as the tests see it: loopback, link-local and two LAN addresses.
const QList<QHostAddress> lan{QHostAddress(u"127.0.0.1"_s), QHostAddress(u"192.168.1.20"_s),
                              QHostAddress(u"169.254.7.1"_s), QHostAddress(u"fe80::1"_s),
                              QHostAddress(u"10.0.0.7"_s)};

ForwardRule webRule()
{
    ForwardRule rule;
    rule.name = u"web"_s;
    rule.listen = Endpoint{u"0.0.0.0"_s, 8080};
    rule.target = Endpoint{u"127.0.0.5"_s, 8080};
    rule.allow = {u"192.168.1.0/24"_s};
    return rule;
}

// As Expose cluster makes it, with a listen address for other machines.
ForwardRule ingressRule()
{
    ForwardRule rule;
    rule.name = u"ingress-http"_s;
    rule.listen = Endpoint{u"0.0.0.0"_s, 31042};
    rule.target = Endpoint{u"127.0.0.5"_s, 31589};
    rule.origin = RuleOrigin{u"minikube"_s, u"minikube"_s, u"ingress-nginx"_s, u"ingress-nginx-controller"_s,
                             u"http"_s, 80, 31589, u"http"_s, {}};
    return rule;
}

QStringList warningTexts(const QDialog &dialog)
{
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->accessibleName() == u"Warning" && label->isVisibleTo(&dialog))
            texts.append(label->text());
    }
    return texts;
}

} // namespace

class TestShareDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void showsUrlPerAddress();
    void qrCodeHoldsUrl();
    void copyPutsUrlOnClipboard();
    void loopbackWarns();
    void openWithoutAllowListWarns();
    void ingressHostsRead();
    void clusterUnreadableShowsReason();
    void otherRulesReadNothing();
    void rulesPanelAction();

private:
    static bool waitForHosts(ShareDialog &dialog);
    QByteArray m_path;
};

void TestShareDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_path = FakeCluster::path().toLocal8Bit();
    qputenv("PASARELA_FAKE_CLUSTER_DIR", FakeCluster::dir().toLocal8Bit());
}

void TestShareDialog::init()
{
    qputenv("PATH", m_path);
    qputenv("PASARELA_FAKE_CLUSTER", "share");
}

// The read's result arrives through the event loop, so a spy made now still sees it.
bool TestShareDialog::waitForHosts(ShareDialog &dialog)
{
    QSignalSpy read(&dialog, &ShareDialog::hostsRead);
    return QTest::qWaitFor([&] { return read.size() == 1; }, 30000);
}

void TestShareDialog::showsUrlPerAddress()
{
    ShareDialog dialog(webRule(), lan);
    QCOMPARE(dialog.windowTitle(), u"Share web"_s);
    QCOMPARE(dialog.entryCount(), 2);
    QCOMPARE(dialog.targetField(0)->text(), u"http://192.168.1.20:8080/"_s);
    QCOMPARE(dialog.targetField(1)->text(), u"http://10.0.0.7:8080/"_s);
    QVERIFY(dialog.targetField(0)->isReadOnly());
    QVERIFY(warningTexts(dialog).isEmpty());
    // Not an ingress rule: no cluster read, no hosts line.
    QVERIFY(!dialog.isReadingHosts());
    QVERIFY(!dialog.hostsStatus()->isVisibleTo(&dialog));
}

// zbarimg reads the image back to the URL; without it, the image's size gives
// the module count of the version libqrencode chose.
void TestShareDialog::qrCodeHoldsUrl()
{
    ShareDialog dialog(webRule(), lan);
    const QString zbarimg = QStandardPaths::findExecutable(u"zbarimg"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (int entry = 0; entry < dialog.entryCount(); ++entry) {
        const QString url = dialog.targetField(entry)->text();
        const QImage image = dialog.qrLabel(entry)->pixmap().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), image.height());
        QVERIFY2(image.width() >= 160, "too small to scan from the screen");

        const Result<QrCode> code = encodeQr(url);
        QVERIFY_RESULT(code);
        const int scale = qrScale(code.value(), 200);
        QCOMPARE(image.width() % scale, 0);
        QCOMPARE(image.width() / scale - 8, 17 + 4 * code.value().version);
        QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white));                  // the quiet zone
        QCOMPARE(image.pixelColor(4 * scale, 4 * scale), QColor(Qt::black));  // a finder pattern's corner

        if (zbarimg.isEmpty())
            continue;
        const QString file = dir.filePath(u"qr%1.png"_s.arg(entry));
        QVERIFY(image.save(file));
        const TestSupport::ProcessRun run = TestSupport::runProcess(zbarimg, {u"--raw"_s, u"-q"_s, file});
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QCOMPARE(run.outText().trimmed(), url);
    }
    if (zbarimg.isEmpty())
        qInfo("zbarimg is not installed (package zbar-tools): the QR codes were checked by size only");
}

void TestShareDialog::copyPutsUrlOnClipboard()
{
    ShareDialog dialog(webRule(), lan);
    QApplication::clipboard()->clear();
    dialog.copyButton(1)->click();
    QCOMPARE(QApplication::clipboard()->text(), u"http://10.0.0.7:8080/"_s);
    QCOMPARE(dialog.copyButton(1)->text(), u"Copied"_s);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.copyButton(1)->text(), u"Copy"_s, 5000);
}

void TestShareDialog::loopbackWarns()
{
    ForwardRule local = webRule();
    local.listen.host = u"127.0.0.1"_s;
    ShareDialog dialog(local, lan);
    QCOMPARE(dialog.entryCount(), 0);
    QVERIFY(dialog.findChildren<QLineEdit *>().isEmpty());
    QCOMPARE(warningTexts(dialog), QStringList{u"Listens on 127.0.0.1 only: no other machine can reach it; edit the "
                                               "rule to listen on 0.0.0.0 or a LAN address."_s});
}

void TestShareDialog::openWithoutAllowListWarns()
{
    ForwardRule open = webRule();
    open.allow.clear();
    ShareDialog dialog(open, lan);
    QCOMPARE(dialog.entryCount(), 2);
    QCOMPARE(warningTexts(dialog), QStringList{u"Anyone on every network this PC joins can reach it; add an "
                                               "allow-list (e.g. 192.168.1.0/24)."_s});
}

// The URLs at once; the Ingress hosts when the cluster has been read. With
// PASARELA_SHARE_SCREENSHOT=FILE.png the dialog is saved there (docs/share.png).
void TestShareDialog::ingressHostsRead()
{
    ShareDialog dialog(ingressRule(), lan);
    QCOMPARE(dialog.targetField(0)->text(), u"http://192.168.1.20:31042/"_s);
    QVERIFY(dialog.isReadingHosts());
    QCOMPARE(dialog.hostsStatus()->text(), u"Reading the Ingress hosts…"_s);
    QVERIFY(dialog.ingressLines(0).isEmpty());
    const QString screenshot = qEnvironmentVariable("PASARELA_SHARE_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    }

    QVERIFY(waitForHosts(dialog));
    QCOMPARE(dialog.ingressLines(0),
             (QStringList{u"192.168.1.20 api.local"_s,
                          u"curl --resolve api.local:31042:192.168.1.20 http://api.local:31042/"_s}));
    QCOMPARE(dialog.ingressLines(1),
             (QStringList{u"10.0.0.7 api.local"_s, u"curl --resolve api.local:31042:10.0.0.7 http://api.local:31042/"_s}));
    QVERIFY2(dialog.hostsStatus()->text().contains(u"hosts-file line"_s), qPrintable(dialog.hostsStatus()->text()));
    QCOMPARE(warningTexts(dialog).size(), 1);

    if (!screenshot.isEmpty()) {
        // The layout grows with the lines just added.
        QTest::qWait(200);
        QVERIFY(dialog.grab().save(screenshot));
    }
}

void TestShareDialog::clusterUnreadableShowsReason()
{
    qputenv("PASARELA_FAKE_CLUSTER", "stopped");
    ShareDialog dialog(ingressRule(), lan);
    QVERIFY(waitForHosts(dialog));
    QVERIFY2(dialog.hostsStatus()->text().startsWith(u"The Ingress hosts could not be read: "_s),
             qPrintable(dialog.hostsStatus()->text()));
    QVERIFY(dialog.ingressLines(0).isEmpty());
    QCOMPARE(dialog.targetField(0)->text(), u"http://192.168.1.20:31042/"_s);
}

// A rule named like the ingress but made from another service: no hosts lines.
void TestShareDialog::otherRulesReadNothing()
{
    ForwardRule rule = ingressRule();
    rule.origin.ns = u"default"_s;
    rule.origin.service = u"ingress-docs"_s;
    ShareDialog dialog(rule, lan);
    QVERIFY(dialog.isReadingHosts());
    QVERIFY(waitForHosts(dialog));
    QVERIFY(!dialog.hostsStatus()->isVisibleTo(&dialog));
    QVERIFY(dialog.ingressLines(0).isEmpty());
}

void TestShareDialog::rulesPanelAction()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ForwardEngine engine(1);
    RuleController controller(&engine, dir.filePath(u"rules.json"_s));
    QVERIFY_RESULT(controller.load());
    ForwardRule stopped = webRule();
    stopped.enabled = false;
    QVERIFY_RESULT(controller.addRule(stopped));
    RulesPanel panel(&controller);

    QAction *share = panel.shareAction();
    QCOMPARE(share->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QVERIFY(!share->toolTip().isEmpty());
    QVERIFY(panel.view()->actions().contains(share));
    QVERIFY(!share->isEnabled());
    panel.view()->selectRow(0);
    QVERIFY(share->isEnabled());

    share->trigger();
    auto *dialog = panel.findChild<ShareDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), u"Share web"_s);
    QVERIFY(dialog->warnings().constFirst().startsWith(u"The rule is stopped"_s));
    // Esc closes it, and the panel lets it go.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(panel.findChild<ShareDialog *>() == nullptr);
}

QTEST_MAIN(TestShareDialog)
#include "tst_sharedialog.moc"
