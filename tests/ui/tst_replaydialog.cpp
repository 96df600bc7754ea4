// Replay… in the Requests tab: an exchange of the demo ingress captured through a real
// engine, sent again as captured (the same answer) and with another Host (the body's
// differences by path), a field ignored (hidden, kept in the settings), unchanged rows
// hidden, and a replay to a stopped rule (refused, said). PASARELA_REPLAY_SCREENSHOT=FILE.png
// saves the dialog as docs/replay.png was made.
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include "demo/demoingress.h"
#include "enginehelpers.h"
#include "http/headersmodel.h"
#include "http/requesteditor.h"
#include "mainwindow.h"
#include "rawhttpclient.h"
#include "relay/forwardengine.h"
#include "requests/difftree.h"
#include "requests/replaydialog.h"
#include "requests/requestlogmodel.h"
#include "requests/requestspanel.h"
#include "testsocket.h"

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

struct Row
{
    QString mark;
    QString captured;
    QString replay;
    bool found = false;
};

Row row(const QTreeWidget *tree, const QString &path)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = tree->topLevelItem(i);
        if (item->text(DiffTree::PathColumn) == path)
            return {item->text(DiffTree::MarkColumn), item->text(DiffTree::CapturedColumn),
                    item->text(DiffTree::ReplayColumn), true};
    }
    return {};
}

void setHeader(RequestEditor *editor, const QString &name, const QString &value)
{
    HeadersModel *model = editor->headersModel();
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i, HeadersModel::Name).data().toString().compare(name, Qt::CaseInsensitive) == 0) {
            QVERIFY(model->setData(model->index(i, HeadersModel::Value), value));
            return;
        }
    }
    QFAIL("no such header");
}

} // namespace

class TestReplayDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        std::unique_ptr<QSettings>(pasarelaSettings(nullptr))->remove(u"replay"_s);
    }

    void replayDemoExchange()
    {
        DemoIngress demo;
        QVERIFY(demo.start());
        ForwardEngine engine(1);
        engine.setPublishRequests(true);
        engine.setCaptureExchanges(true);
        engine.setSnapshotInterval(50);
        RequestsPanel panel;
        connect(&engine, &ForwardEngine::snapshotReady, &panel, &RequestsPanel::applySnapshot);
        // The screenshot shows the port users expose; the test alone takes any free one.
        const QString screenshot = qEnvironmentVariable("PASARELA_REPLAY_SCREENSHOT");
        ForwardRule rule = demo.rule();
        rule.listen.port = screenshot.isEmpty() ? freePort() : DemoIngress::RulePort;
        RuleId id = 0;
        QVERIFY(startRule(engine, rule, &id));

        // What a client sent through the rule, captured with its answer.
        ANSWER(first, ask(rule.listen.port, rawRequest("GET", "/api/v1/items", "api.local", {},
                                                       "Accept: application/json\r\nUser-Agent: curl/8.5.0\r\n")));
        QCOMPARE(first.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 1, 5000);
        const RequestRecord &record = panel.model()->record(0);
        QVERIFY(record.request.captured);
        QCOMPARE(record.request.responseBody, first.body);
        QVERIFY(record.request.responseHead.startsWith("HTTP/1.1 200 OK\r\n"));

        // Ctrl+Shift+R on the list opens the dialog on the current row.
        panel.show();
        panel.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        panel.view()->setFocus();
        panel.view()->setCurrentIndex(panel.view()->model()->index(0, 0));
        QTest::keyClick(panel.view(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QPointer<ReplayDialog> dialog = panel.findChild<ReplayDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->urlField()->text(), u"http://127.0.0.1:%1/api/v1/items"_s.arg(rule.listen.port));
        QCOMPARE(dialog->editedRequest().header(u"Host"_s), u"api.local"_s);
        QSignalSpy compared(dialog, &ReplayDialog::compared);

        // As captured: the same answer (Date, Content-Length and Connection ignored).
        dialog->replayCapturedButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, 10000);
        QVERIFY2(dialog->diff().changes() == 0, qPrintable(dialog->summary()->text()));
        QVERIFY(dialog->summary()->text().contains(u"The same as the captured answer"_s));
        QCOMPARE(row(dialog->bodyView(), u"$.service"_s).replay, u"\"api\""_s);
        QCOMPARE(row(dialog->bodyView(), u"$.items[2].price"_s).captured, u"59"_s);
        QCOMPARE(row(dialog->headersView(), u"Status"_s).replay, u"200 OK"_s);

        // Another Host: the web service answers, and the body says what differs where.
        setHeader(dialog->editor(), u"Host"_s, u"web.local"_s);
        compared.clear();
        dialog->replayEditedButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, 10000);
        const Row service = row(dialog->bodyView(), u"$.service"_s);
        QVERIFY(service.found);
        QCOMPARE(service.mark, u"~"_s);
        QCOMPARE(service.captured, u"\"api\""_s);
        QCOMPARE(service.replay, u"\"web\""_s);
        QCOMPARE(row(dialog->bodyView(), u"$.path"_s).mark, u"+"_s);
        QCOMPARE(row(dialog->bodyView(), u"$.items"_s).mark, QString(QChar(0x2212)));
        QVERIFY(row(dialog->bodyView(), u"$.pod"_s).found);
        QCOMPARE(dialog->comparisonTabs()->tabText(0), u"Body (5)"_s);  // service, pod, items, count, path

        // Ignored by name: gone from the list, said below it, kept for next time.
        dialog->ignoredFields()->setText(u"service, $.count"_s);
        compared.clear();
        emit dialog->ignoredFields()->editingFinished();
        QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, 10000);
        QVERIFY(!row(dialog->bodyView(), u"$.service"_s).found);
        QVERIFY(!row(dialog->bodyView(), u"$.count"_s).found);
        QVERIFY(row(dialog->bodyView(), u"$.pod"_s).found);
        QVERIFY2(dialog->bodyNote()->text().contains(u"2 fields ignored"_s), qPrintable(dialog->bodyNote()->text()));
        QCOMPARE(std::unique_ptr<QSettings>(pasarelaSettings(nullptr))->value(u"replay/ignoredFields"_s).toStringList(),
                 (QStringList{u"service"_s, u"$.count"_s}));

        // Unchanged rows hidden: only marked ones stay.
        dialog->hideUnchangedBox()->setChecked(true);
        QTRY_COMPARE(dialog->bodyView()->topLevelItemCount(), 3);  // pod, items, path
        for (int i = 0; i < dialog->headersView()->topLevelItemCount(); ++i)
            QVERIFY(!dialog->headersView()->topLevelItem(i)->text(DiffTree::MarkColumn).isEmpty());
        dialog->hideUnchangedBox()->setChecked(false);

        if (!screenshot.isEmpty()) {
            dialog->ignoredFields()->setText(u"timestamp"_s);
            compared.clear();
            emit dialog->ignoredFields()->editingFinished();
            QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, 10000);
            dialog->resize(900, 720);
            QTest::qWait(200);  // the layout settles
            QVERIFY(dialog->grab().save(screenshot));
        }

        // The rule stopped: the replay is refused, and the dialog says so.
        QVERIFY(engine.setRuleEnabled(id, false));
        QVERIFY(waitForState(engine, id, RuleState::Stopped));
        compared.clear();
        dialog->replayCapturedButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, 10000);
        QVERIFY2(dialog->summary()->text().contains(u"refused"_s), qPrintable(dialog->summary()->text()));
        QCOMPARE(dialog->bodyView()->topLevelItemCount(), 0);
        dialog->close();
        QTRY_VERIFY(dialog.isNull());
    }

    // Without a capture (a record from before the window asked for them) only the status compares.
    void withoutCapture()
    {
        DemoIngress demo;
        QVERIFY(demo.start());
        RequestRecord record;
        record.ruleId = 1;
        record.listenAddress = QHostAddress::LocalHost;
        record.listenPort = demo.port();
        record.request.method = u"GET"_s;
        record.request.target = u"/api/v1/health"_s;
        record.request.host = u"api.local"_s;
        record.request.head = "GET /api/v1/health HTTP/1.1\r\nHost: api.local\r\n\r\n";
        record.request.status = 503;
        record.request.reason = u"Service Unavailable"_s;
        ReplayDialog dialog(record, u"demo"_s);
        QSignalSpy compared(&dialog, &ReplayDialog::compared);
        dialog.replayCapturedButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(compared.size(), 1, 10000);
        QCOMPARE(dialog.diff().changes(), 1);
        QCOMPARE(row(dialog.headersView(), u"Status"_s).captured, u"503 Service Unavailable"_s);
        QCOMPARE(row(dialog.headersView(), u"Status"_s).replay, u"200 OK"_s);
        QCOMPARE(dialog.bodyView()->topLevelItemCount(), 0);
        QVERIFY2(dialog.bodyNote()->text().contains(u"not kept"_s), qPrintable(dialog.bodyNote()->text()));
    }
};

QTEST_MAIN(TestReplayDialog)
#include "tst_replaydialog.moc"
