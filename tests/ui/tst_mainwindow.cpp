// The window as a user drives it: a rule added through the dialog listens, a
// connection through it shows up in the connections table and closes with its
// reason; enabled rules start on open; a broken rules file is kept.
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QToolButton>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "checks.h"
#include "connections/connectionspanel.h"
#include "connections/connectiontablemodel.h"
#include "demo/demoingress.h"
#include "http/httpclientpanel.h"
#include "format.h"
#include "log/logmodel.h"
#include "mainwindow.h"
#include "relay/forwardengine.h"
#include "rules/rulecontroller.h"
#include "rules/ruleeditordialog.h"
#include "rules/rulespanel.h"
#include "rules/ruletablemodel.h"
#include "targetserver.h"
#include "testfiles.h"
#include "testsocket.h"

using namespace TestSupport;

namespace {

QByteArray rulesJson(const QList<QJsonObject> &rules)
{
    QJsonArray items;
    for (const QJsonObject &rule : rules)
        items.append(rule);
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("rules"), items}}).toJson();
}

QJsonObject ruleJson(const QString &name, quint16 listenPort, quint16 targetPort, bool enabled)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(listenPort)},
                       {QStringLiteral("target"), QStringLiteral("127.0.0.1:%1").arg(targetPort)},
                       {QStringLiteral("enabled"), enabled}};
}

// Row of the connection whose client port is clientPort, or -1.
int rowOfClient(const ConnectionTableModel *model, quint16 clientPort)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->connectionAt(row).clientPort == clientPort)
            return row;
    }
    return -1;
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void addRuleThroughDialogAndWatchAConnection();
    void enabledRulesListenWhenTheWindowOpens();
    void brokenRulesFileIsKept();
    void removeWithoutConnectionsDoesNotAsk();
    void removeAsksWhileConnectionsAreOpen();
    void keyboardShortcuts();
    void layoutIsRemembered();
    void firstStartOffersTheDemo();
    void closedOfferIsNotShownAgain();

private:
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // Each run starts from the default layout.
    QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/settings.ini"));
}

void TestMainWindow::addRuleThroughDialogAndWatchAConnection()
{
    TargetServer echo(TargetServer::echo());
    const quint16 listenPort = freePort();
    const QString path = m_dir.filePath(QStringLiteral("dialog.json"));

    ForwardEngine engine(1);
    engine.setSnapshotInterval(50);
    MainWindow window(&engine, path);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.rulesPanel()->model()->rowCount(), 0);

    // Fill the dialog the way a user does, once it is open.
    bool filled = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<RuleEditorDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("name"));
        auto *port = dialog->findChild<QSpinBox *>(QStringLiteral("listenPort"));
        auto *host = dialog->findChild<QLineEdit *>(QStringLiteral("targetHost"));
        auto *targetPort = dialog->findChild<QSpinBox *>(QStringLiteral("targetPort"));
        QVERIFY(name && port && host && targetPort);
        name->clear();
        QTest::keyClicks(name, QStringLiteral("api"));
        port->clear();
        QTest::keyClicks(port, QString::number(listenPort));
        QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
        targetPort->clear();
        QTest::keyClicks(targetPort, QString::number(echo.port()));
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY2(ok->isEnabled(), qPrintable(dialog->validationError()));
        QTest::mouseClick(ok, Qt::LeftButton);
        filled = true;
    });
    QVERIFY(window.rulesPanel()->addRule());
    QVERIFY(filled);

    QCOMPARE(window.rulesPanel()->model()->rowCount(), 1);
    const RuleId id = window.rulesPanel()->model()->ruleIdAt(0);
    QTRY_VERIFY(engine.ruleState(id) == RuleState::Listening);
    QTRY_COMPARE(cell(window.rulesPanel()->model(), 0, RuleTableModel::State), QStringLiteral("Listening"));
    // Saved at once.
    const QJsonArray saved = QJsonDocument::fromJson(readFile(path)).object().value(QStringLiteral("rules")).toArray();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("api"));

    Socket client = connectTcp(listenPort);
    QVERIFY(client.isValid());
    QVERIFY(echoRoundTrip(client, QByteArrayLiteral("hello through the window")));

    const ConnectionTableModel *connections = window.connectionsPanel()->model();
    QTRY_VERIFY(rowOfClient(connections, client.localPort()) >= 0);
    int row = rowOfClient(connections, client.localPort());
    QCOMPARE(cell(connections, row, ConnectionTableModel::Rule), QStringLiteral("api"));
    QCOMPARE(cell(connections, row, ConnectionTableModel::Client), QStringLiteral("127.0.0.1:%1").arg(client.localPort()));
    QCOMPARE(cell(connections, row, ConnectionTableModel::Listen), QStringLiteral("127.0.0.1:%1").arg(listenPort));
    QVERIFY(cell(connections, row, ConnectionTableModel::Upstream).contains(QString::number(echo.port())));
    const auto statusShows = [&window](const QString &text) {
        for (const QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
            if (label->text() == text)
                return true;
        }
        return false;
    };
    QTRY_VERIFY(statusShows(QStringLiteral("1 of 1 rules listening")));
    QTRY_VERIFY(statusShows(QStringLiteral("1 connection")));

    const quint16 clientPort = client.localPort();
    client.close();
    QTRY_VERIFY(connections->connectionAt(rowOfClient(connections, clientPort)).state == ConnectionState::Closed);
    row = rowOfClient(connections, clientPort);
    QCOMPARE(cell(connections, row, ConnectionTableModel::CloseReason), Format::sentence(toString(CloseReason::ClientClosed)));
    QCOMPARE(connections->index(row, 0).data(ConnectionTableModel::ActiveRole).toBool(), false);
}

void TestMainWindow::enabledRulesListenWhenTheWindowOpens()
{
    TargetServer echo(TargetServer::echo());
    const quint16 on = freePort(), off = freePort();
    const QString path = m_dir.filePath(QStringLiteral("start.json"));
    QVERIFY_RESULT(writeFile(path, rulesJson({ruleJson(QStringLiteral("on"), on, echo.port(), true),
                                              ruleJson(QStringLiteral("off"), off, echo.port(), false)})));

    ForwardEngine engine(1);
    MainWindow window(&engine, path);
    QVERIFY(window.loadError().isEmpty());
    QCOMPARE(window.rulesPanel()->model()->rowCount(), 2);
    QTRY_VERIFY(engine.ruleState(window.rulesPanel()->model()->ruleIdAt(0)) == RuleState::Listening);
    QVERIFY(engine.ruleState(window.rulesPanel()->model()->ruleIdAt(1)) == RuleState::Stopped);
    Socket client = connectTcp(on);
    QVERIFY(echoRoundTrip(client, QByteArrayLiteral("ping")));
    // The log says the rule started, and where.
    const auto logged = [&window](const QString &text) {
        for (int row = 0; row < window.logModel()->rowCount(); ++row) {
            if (window.logModel()->index(row, LogModel::Message).data().toString().contains(text))
                return true;
        }
        return false;
    };
    QTRY_VERIFY(logged(QStringLiteral("listening on 127.0.0.1:%1, forwarding to 127.0.0.1:%2").arg(on).arg(echo.port())));

    // The check box starts the stopped one; the file follows.
    QVERIFY(window.rulesPanel()->model()->setData(window.rulesPanel()->model()->index(1, RuleTableModel::Enabled), Qt::Checked,
                                        Qt::CheckStateRole));
    QTRY_VERIFY(engine.ruleState(window.rulesPanel()->model()->ruleIdAt(1)) == RuleState::Listening);
    const QJsonArray saved = QJsonDocument::fromJson(readFile(path)).object().value(QStringLiteral("rules")).toArray();
    QCOMPARE(saved.at(1).toObject().value(QStringLiteral("enabled")).toBool(), true);
}

void TestMainWindow::brokenRulesFileIsKept()
{
    const QString path = m_dir.filePath(QStringLiteral("broken.json"));
    const QByteArray broken = QByteArrayLiteral("{\"version\": 1, \"rules\": [ {\"name\": \"api\",, } ]}\n");
    QVERIFY_RESULT(writeFile(path, broken));

    ForwardEngine engine(1);
    MainWindow window(&engine, path);
    window.show();
    QCOMPARE(window.rulesPanel()->model()->rowCount(), 0);
    QVERIFY2(window.loadError().contains(path), qPrintable(window.loadError()));
    QVERIFY2(window.loadError().contains(QStringLiteral("line 1")), qPrintable(window.loadError()));
    bool bannerShown = false;
    for (const QLabel *label : window.findChildren<QLabel *>())
        bannerShown |= label->isVisible() && label->text().contains(path);
    QVERIFY(bannerShown);
    QCOMPARE(readFile(path), broken);

    // Declined: the rule runs but the file stays as it was.
    int asked = 0;
    bool answer = false;
    window.ruleController()->setConfirmReplaceBroken([&] {
        ++asked;
        return answer;
    });
    const quint16 port = freePort();
    const Result<ForwardRule> rule = ForwardRule::fromJson(ruleJson(QStringLiteral("a"), port, 9, false));
    QVERIFY_RESULT(rule);
    QVERIFY_RESULT(window.ruleController()->addRule(rule.value()));
    QCOMPARE(asked, 1);
    QCOMPARE(readFile(path), broken);

    // Confirmed: saved in place, the broken file kept beside it.
    answer = true;
    QVERIFY_RESULT(window.ruleController()->setEnabled(window.rulesPanel()->model()->ruleIdAt(0), true));
    QCOMPARE(asked, 2);
    const QJsonArray saved = QJsonDocument::fromJson(readFile(path)).object().value(QStringLiteral("rules")).toArray();
    QCOMPARE(saved.size(), 1);
    const QStringList backups = QDir(m_dir.path()).entryList({QStringLiteral("broken.json.broken-*")});
    QCOMPARE(backups.size(), 1);
    QCOMPARE(readFile(m_dir.filePath(backups.constFirst())), broken);
}

void TestMainWindow::removeWithoutConnectionsDoesNotAsk()
{
    const QString path = m_dir.filePath(QStringLiteral("remove.json"));
    QVERIFY_RESULT(writeFile(path, rulesJson({ruleJson(QStringLiteral("one"), freePort(), 9, false),
                                              ruleJson(QStringLiteral("two"), freePort(), 9, false)})));
    ForwardEngine engine(1);
    MainWindow window(&engine, path);
    window.rulesPanel()->view()->selectRow(0);
    window.rulesPanel()->removeRule();  // would block on a question if it asked
    QCOMPARE(window.rulesPanel()->model()->rowCount(), 1);
    QCOMPARE(window.ruleController()->rule(window.rulesPanel()->model()->ruleIdAt(0)).name, QStringLiteral("two"));
    const QJsonArray saved = QJsonDocument::fromJson(readFile(path)).object().value(QStringLiteral("rules")).toArray();
    QCOMPARE(saved.size(), 1);
}

void TestMainWindow::removeAsksWhileConnectionsAreOpen()
{
    TargetServer echo(TargetServer::echo());
    const quint16 port = freePort();
    const QString path = m_dir.filePath(QStringLiteral("remove-busy.json"));
    QVERIFY_RESULT(writeFile(path, rulesJson({ruleJson(QStringLiteral("busy"), port, echo.port(), true)})));
    ForwardEngine engine(1);
    engine.setSnapshotInterval(50);
    MainWindow window(&engine, path);
    RulesPanel *rules = window.rulesPanel();
    QTRY_VERIFY(engine.ruleState(rules->model()->ruleIdAt(0)) == RuleState::Listening);
    Socket client = connectTcp(port);
    QVERIFY(echoRoundTrip(client, QByteArrayLiteral("busy")));
    QTRY_COMPARE(rules->model()->stats(rules->model()->ruleIdAt(0)).active, quint64(1));
    rules->view()->selectRow(0);

    // The question names the rule; the first answer is Cancel, the second Yes.
    QString question;
    const auto answer = [&](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, this, [&question, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            question = box->text();
            box->button(button)->click();
        });
    };
    answer(QMessageBox::Cancel);
    rules->removeRule();
    QVERIFY2(question.contains(QStringLiteral("\"busy\" has 1 open connection")), qPrintable(question));
    QCOMPARE(rules->model()->rowCount(), 1);
    QVERIFY(echoRoundTrip(client, QByteArrayLiteral("still here")));

    answer(QMessageBox::Yes);
    rules->removeRule();
    QCOMPARE(rules->model()->rowCount(), 0);
    QCOMPARE(toString(recvUntilEof(client).end), "EOF");
}

// Enter edits the selected rule, Ctrl+N adds one, Delete removes it.
void TestMainWindow::keyboardShortcuts()
{
    const QString path = m_dir.filePath(QStringLiteral("keys.json"));
    QVERIFY_RESULT(writeFile(path, rulesJson({ruleJson(QStringLiteral("one"), freePort(), 9, false),
                                              ruleJson(QStringLiteral("two"), freePort(), 9, false)})));
    ForwardEngine engine(1);
    MainWindow window(&engine, path);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.rulesPanel()->view()->setFocus();
    window.rulesPanel()->view()->selectRow(1);

    // Each key must open the editor; it is cancelled right away.
    QString opened;
    const auto cancelNextDialog = [&] {
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<RuleEditorDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            opened = dialog->windowTitle() + u'|' + dialog->rule().name;
            dialog->reject();
        });
    };
    cancelNextDialog();
    QTest::keyClick(window.rulesPanel()->view(), Qt::Key_Return);
    QCOMPARE(opened, QStringLiteral("Edit rule|two"));

    opened.clear();
    // Window-wide shortcuts need the window active again after the dialog.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    cancelNextDialog();
    QTest::keyClick(window.rulesPanel()->view(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(opened, QStringLiteral("Add rule|rule 1"));
    QCOMPARE(window.rulesPanel()->model()->rowCount(), 2);

    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.rulesPanel()->view()->setFocus();
    QTest::keyClick(window.rulesPanel()->view(), Qt::Key_Delete);
    QCOMPARE(window.rulesPanel()->model()->rowCount(), 1);
    QCOMPARE(window.ruleController()->rule(window.rulesPanel()->model()->ruleIdAt(0)).name, QStringLiteral("one"));
}

// Geometry, splitter, column widths and the tab come back at the next start.
void TestMainWindow::layoutIsRemembered()
{
    const QString path = m_dir.filePath(QStringLiteral("layout.json"));
    QList<int> sizes;
    {
        ForwardEngine engine(1);
        MainWindow window(&engine, path);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1000, 700);
        auto *splitter = window.findChild<QSplitter *>();
        splitter->setSizes({200, 400});
        sizes = splitter->sizes();
        window.rulesPanel()->view()->setColumnWidth(RuleTableModel::Name, 222);
        window.tabs()->setCurrentIndex(2);
        QVERIFY(window.close());  // no rule listens: the window really closes
    }
    ForwardEngine engine(1);
    MainWindow window(&engine, path);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1000, 700));
    QCOMPARE(window.findChild<QSplitter *>()->sizes(), sizes);
    QCOMPARE(window.rulesPanel()->view()->columnWidth(RuleTableModel::Name), 222);
    QCOMPARE(window.tabs()->currentIndex(), 2);
    const QFileInfo settings(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                             + QStringLiteral("/settings.ini"));
    QVERIFY(settings.exists());
    QCOMPARE(settings.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
}

// No rules file yet: the window offers the demo; taking it runs the demo rule
// without saving it, and the HTTP client's request gets an answer through it.
void TestMainWindow::firstStartOffersTheDemo()
{
    const QString path = m_dir.filePath(QStringLiteral("first-start.json"));
    ForwardEngine engine(1);
    MainWindow window(&engine, path);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.rulesPanel()->isWelcomeShown());

    QPushButton *tryDemo = nullptr;
    for (QPushButton *button : window.rulesPanel()->findChildren<QPushButton *>()) {
        if (button->text() == QStringLiteral("Try the &demo"))
            tryDemo = button;
    }
    QVERIFY(tryDemo);
    QTest::mouseClick(tryDemo, Qt::LeftButton);
    QVERIFY(window.demoIngress());
    QVERIFY(!window.rulesPanel()->isWelcomeShown());
    const RuleId id = window.rulesPanel()->model()->ruleIdAt(0);
    QCOMPARE(window.ruleController()->rule(id).name, QStringLiteral("demo ingress"));
    QCOMPARE(window.ruleController()->rule(id).listen.port, DemoIngress::RulePort);
    QVERIFY(window.ruleController()->isUnsaved(id));
    QVERIFY(cell(window.rulesPanel()->model(), 0, RuleTableModel::Name).contains(QStringLiteral("not saved")));
    QTRY_VERIFY_WITH_TIMEOUT(window.ruleController()->state(id) == RuleState::Listening, 5000);

    HttpClientPanel *http = window.httpClientPanel();
    QCOMPARE(window.tabs()->currentWidget(), http);
    QCOMPARE(http->request().url, DemoIngress::sampleRequest().url);
    QCOMPARE(http->request().header(QStringLiteral("Host")), QStringLiteral("api.local"));
    QSignalSpy finished(http, &HttpClientPanel::exchangeFinished);
    http->send();
    QVERIFY(finished.wait(10000));
    QVERIFY2(http->exchange().failure == HttpFailure::None, qPrintable(http->exchange().error));
    QCOMPARE(http->exchange().response.status, 200);
    QVERIFY(http->exchange().response.body.contains("\"pod\""));

    // Starting it again changes nothing; stopping it leaves the file unwritten.
    window.startDemo();
    QCOMPARE(window.ruleController()->ruleIds().size(), 1);
    QVERIFY_RESULT(window.ruleController()->setEnabled(id, false));
    QVERIFY(!QFileInfo::exists(path));

    // Edited, it is the user's rule, and saved.
    ForwardRule mine = window.ruleController()->rule(id);
    mine.name = QStringLiteral("mine now");
    QVERIFY_RESULT(window.ruleController()->updateRule(id, mine));
    QVERIFY(!window.ruleController()->isUnsaved(id));
    QVERIFY(readFile(path).contains("mine now"));
}

void TestMainWindow::closedOfferIsNotShownAgain()
{
    const QString path = m_dir.filePath(QStringLiteral("closed-offer.json"));
    {
        ForwardEngine engine(1);
        MainWindow window(&engine, path);
        QVERIFY(window.rulesPanel()->isWelcomeShown());
        QToolButton *close = nullptr;
        for (QToolButton *button : window.rulesPanel()->findChildren<QToolButton *>()) {
            if (button->accessibleName() == QStringLiteral("Close the welcome message"))
                close = button;
        }
        QVERIFY(close);
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!window.rulesPanel()->isWelcomeShown());
    }
    {
        ForwardEngine engine(1);
        MainWindow window(&engine, path);
        QVERIFY(!window.rulesPanel()->isWelcomeShown());
    }
    // Not for a file that exists, either.
    QSettings(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/settings.ini"),
              QSettings::IniFormat)
        .remove(QStringLiteral("demo"));
    QVERIFY_RESULT(writeFile(path, rulesJson({})));
    ForwardEngine engine(1);
    MainWindow window(&engine, path);
    QVERIFY(!window.rulesPanel()->isWelcomeShown());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
