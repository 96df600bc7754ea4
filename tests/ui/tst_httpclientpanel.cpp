// The HTTP client tab driven as a user would, against TestHttpServer: send with
// Ctrl+Return, read the status and the tree, save, history, curl copy and paste,
// a 10 MB answer that must not stall the window, and the "through rule" picker.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

#include "checks.h"
#include "http/collectionspanel.h"
#include "http/curldialog.h"
#include "http/headersmodel.h"
#include "http/historymodel.h"
#include "http/historypanel.h"
#include "http/httpclientpanel.h"
#include "http/jsontree.h"
#include "http/jsontreemodel.h"
#include "http/requesteditor.h"
#include "http/responsebody.h"
#include "http/responseview.h"
#include "http/throughrulebutton.h"
#include "relay/forwardengine.h"
#include "rules/rulecontroller.h"
#include "testfiles.h"
#include "testhttpserver.h"

using namespace TestSupport;

namespace {

// Top-level keys of a JSON object, in the order they were written.
QStringList keysOf(const QByteArray &json)
{
    const Result<JsonTree> tree = JsonTree::parse(json);
    QStringList keys;
    if (tree) {
        for (int child : tree.value().node(JsonTree::root()).children)
            keys.append(tree.value().node(child).key);
    }
    return keys;
}

QStringList treeKeys(const JsonTreeModel *model)
{
    QStringList keys;
    for (int row = 0; row < model->rowCount(); ++row)
        keys.append(model->index(row, JsonTreeModel::Key).data().toString());
    return keys;
}

// A port with nothing listening on it.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

} // namespace

class TestHttpClientPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sendShowsStatusTreeAndSaves();
    void textBodyGetsANote();
    void refusedConnectionIsShownInRed();
    void invalidUrlIsRefusedBeforeSending();
    void escapeCancels();
    void historyKeepsAndReloadsRequests();
    void secretHeadersComeBackRedacted();
    void brokenHistoryFileIsReported();
    void collectionsLoadKeepAndDelete();
    void curlRoundTripThroughTheClipboard();
    void formatJsonPrettifiesOrPointsAtTheError();
    void tenMegabyteJsonDoesNotFreeze();
    void longLinesAreBrokenForDisplay_data();
    void longLinesAreBrokenForDisplay();
    void urlThroughRule_data();
    void urlThroughRule();
    void throughRulePickerFillsTheUrl();

private:
    // Types the URL and a Host header, presses Ctrl+Return, waits for the answer.
    void sendAndWait(const QString &path, int timeoutMs = 15000);

    TestHttpServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HttpClientPanel> m_panel;
};

void TestHttpClientPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_server.listen());
}

void TestHttpClientPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_panel = std::make_unique<HttpClientPanel>(nullptr, m_dir->filePath(QStringLiteral("history.json")));
    m_panel->resize(1200, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestHttpClientPanel::cleanup()
{
    m_panel.reset();
    m_dir.reset();
}

void TestHttpClientPanel::sendAndWait(const QString &path, int timeoutMs)
{
    QSignalSpy finished(m_panel.get(), &HttpClientPanel::exchangeFinished);
    m_panel->urlEdit()->setText(m_server.url(path));
    HeadersModel *headers = m_panel->requestEditor()->headersModel();
    if (headers->rowCount() == 0)
        headers->addHeader(QStringLiteral("Host"), QStringLiteral("api.local"));
    m_panel->urlEdit()->setFocus();
    QTest::keyClick(m_panel->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(m_panel->isBusy() || finished.count() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, timeoutMs);
}

void TestHttpClientPanel::sendShowsStatusTreeAndSaves()
{
    sendAndWait(QStringLiteral("/api/v1/items"));
    ResponseView *response = m_panel->responseView();
    QTRY_VERIFY(response->statusLabel()->text().startsWith(QLatin1String("200")));
    QVERIFY(response->statusLabel()->styleSheet().contains(QLatin1String("#2e7d32")));
    QVERIFY(response->timingLabel()->text().contains(QLatin1String("first byte")));
    QCOMPARE(m_server.requests().constLast().header("Host"), QByteArray("api.local"));

    // The tree shows the keys as the server wrote them (not sorted).
    const QByteArray body = m_panel->exchange().response.body;
    QTRY_VERIFY(response->treeModel()->rowCount() > 0);
    QCOMPARE(treeKeys(response->treeModel()), keysOf(body));
    QCOMPARE(treeKeys(response->treeModel()).constFirst(), QStringLiteral("pod"));
    QVERIFY(response->isJson());
    QVERIFY(response->noteLabel()->isHidden());
    response->tabs()->setCurrentIndex(ResponseView::PrettyTab);
    QCOMPARE(response->prettyEdit()->toPlainText().toUtf8(), JsonTree::pretty(body));
    QCOMPARE(response->headersModel()->rowCount() > 0, true);

    // Saved byte for byte, under a name made of the path and the time.
    QVERIFY2(QRegularExpression(QStringLiteral("^items-\\d{8}-\\d{6}\\.json$")).match(m_panel->suggestedFileName()).hasMatch(),
             qPrintable(m_panel->suggestedFileName()));
    const QString saved = m_dir->filePath(QStringLiteral("items.json"));
    QVERIFY_RESULT(m_panel->saveResponseTo(saved));
    QCOMPARE(readFile(saved), body);
    const Result<void> failed = m_panel->saveResponseTo(m_dir->filePath(QStringLiteral("missing/dir/items.json")));
    QVERIFY(!failed);
    QVERIFY2(failed.error().contains(QLatin1String("missing")), qPrintable(failed.error()));

    const QString exported = m_dir->filePath(QStringLiteral("exchange.json"));
    QVERIFY_RESULT(m_panel->exportExchangeTo(exported));
    const QJsonObject exchange = QJsonDocument::fromJson(readFile(exported)).object();
    QCOMPARE(exchange.value(QLatin1String("format")).toString(), QStringLiteral("pasarela-exchange"));
    QCOMPARE(exchange.value(QLatin1String("response")).toObject().value(QLatin1String("status")).toInt(), 200);
    QVERIFY(m_panel->suggestedFileName(true).endsWith(QLatin1String("-exchange.json")));
}

void TestHttpClientPanel::textBodyGetsANote()
{
    sendAndWait(QStringLiteral("/api/v1/text"));
    ResponseView *response = m_panel->responseView();
    QTRY_VERIFY(!response->noteLabel()->isHidden());
    QVERIFY2(response->noteLabel()->text().startsWith(QLatin1String("Not JSON (text/plain)")),
             qPrintable(response->noteLabel()->text()));
    QVERIFY(!response->isJson());
    QCOMPARE(response->tabs()->currentIndex(), int(ResponseView::RawTab));
    QCOMPARE(response->rawEdit()->toPlainText().toUtf8(), m_panel->exchange().response.body);
    QVERIFY(m_panel->suggestedFileName().endsWith(QLatin1String(".txt")));

    // JSON again: back to the tree that was left only because there was none.
    QSignalSpy shown(response, &ResponseView::bodyShown);
    sendAndWait(QStringLiteral("/api/v1/items"));
    QTRY_COMPARE(shown.count(), 1);
    QCOMPARE(response->tabs()->currentIndex(), int(ResponseView::TreeTab));
    QVERIFY(response->noteLabel()->isHidden());
}

void TestHttpClientPanel::refusedConnectionIsShownInRed()
{
    QSignalSpy finished(m_panel.get(), &HttpClientPanel::exchangeFinished);
    m_panel->urlEdit()->setText(QStringLiteral("http://127.0.0.1:%1/api/v1/items").arg(closedPort()));
    QTest::mouseClick(m_panel->sendButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QLabel *error = m_panel->responseView()->errorLabel();
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(error->text()));
    QVERIFY(error->styleSheet().contains(QLatin1String("#b71c1c")));
    QCOMPARE(m_panel->responseView()->statusLabel()->text(), QStringLiteral("No response"));
    // A failure is history too, with its reason in the tooltip.
    QCOMPARE(m_panel->historyPanel()->model()->rowCount(), 1);
    const QModelIndex status = m_panel->historyPanel()->model()->index(0, HistoryModel::Status);
    QCOMPARE(status.data().toString(), QStringLiteral("failed"));
    QVERIFY(status.data(Qt::ToolTipRole).toString().contains(QLatin1String("refused"), Qt::CaseInsensitive));
}

void TestHttpClientPanel::invalidUrlIsRefusedBeforeSending()
{
    const qsizetype before = m_server.requests().size();
    m_panel->urlEdit()->setText(QStringLiteral("ftp://example"));
    QTest::mouseClick(m_panel->sendButton(), Qt::LeftButton);
    QVERIFY(!m_panel->isBusy());
    QVERIFY(m_panel->responseView()->errorLabel()->isVisible());
    QVERIFY(!m_panel->responseView()->errorLabel()->text().isEmpty());
    QCOMPARE(m_panel->historyPanel()->model()->rowCount(), 0);
    QCOMPARE(m_server.requests().size(), before);
}

void TestHttpClientPanel::escapeCancels()
{
    QSignalSpy finished(m_panel.get(), &HttpClientPanel::exchangeFinished);
    m_panel->urlEdit()->setText(m_server.url(QStringLiteral("/api/v1/slow?ms=10000")));
    m_panel->requestEditor()->headersModel()->addHeader(QStringLiteral("Host"), QStringLiteral("api.local"));
    m_panel->urlEdit()->setFocus();
    QTest::keyClick(m_panel->urlEdit(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    QVERIFY(m_panel->isBusy());
    QVERIFY(!m_panel->sendButton()->isEnabled());
    QVERIFY(m_panel->cancelButton()->isEnabled());
    QVERIFY(m_panel->responseView()->busyBar()->isVisible());
    QTest::keyClick(m_panel->urlEdit(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(m_panel->exchange().failure, HttpFailure::Canceled);
    QCOMPARE(m_panel->responseView()->statusLabel()->text(), QStringLiteral("Canceled"));
    QVERIFY(!m_panel->responseView()->busyBar()->isVisible());
    QVERIFY(m_panel->sendButton()->isEnabled());
}

void TestHttpClientPanel::historyKeepsAndReloadsRequests()
{
    HistoryModel *history = m_panel->historyPanel()->model();
    QAbstractItemModelTester tester(history, QAbstractItemModelTester::FailureReportingMode::QtTest);
    sendAndWait(QStringLiteral("/api/v1/items"));
    QCOMPARE(history->rowCount(), 1);
    QCOMPARE(history->index(0, HistoryModel::Method).data().toString(), QStringLiteral("GET"));
    QCOMPARE(history->index(0, HistoryModel::Url).data().toString(), m_server.url(QStringLiteral("/api/v1/items")));
    QCOMPARE(history->index(0, HistoryModel::Status).data().toString(), QStringLiteral("200"));
    QVERIFY(QFile::exists(history->path()));
    const QString firstUrl = m_panel->urlEdit()->text();

    m_panel->requestEditor()->headersModel()->setHeaders({});
    sendAndWait(QStringLiteral("/api/v1/nothing-here"));
    QCOMPARE(history->rowCount(), 2);
    QCOMPARE(history->index(0, HistoryModel::Status).data().toString(), QStringLiteral("404"));

    // The search field filters on every column.
    QTableView *view = m_panel->historyPanel()->view();
    m_panel->historyPanel()->searchField()->setText(QStringLiteral("404"));
    QCOMPARE(view->model()->rowCount(), 1);
    m_panel->historyPanel()->searchField()->setText(QStringLiteral("/items"));
    QCOMPARE(view->model()->rowCount(), 1);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(0, 2)).center());
    // The request comes back, not the response.
    QCOMPARE(m_panel->urlEdit()->text(), firstUrl);
    QCOMPARE(m_panel->request().header(QStringLiteral("Host")), QStringLiteral("api.local"));
    QVERIFY(m_panel->responseView()->statusLabel()->text().startsWith(QLatin1String("404")));
    m_panel->historyPanel()->searchField()->clear();

    // Kept across restarts; Delete removes the selected line, and the file follows.
    HttpClientPanel reopened(nullptr, history->path());
    QCOMPARE(reopened.historyPanel()->model()->rowCount(), 2);
    view->setFocus();
    view->selectRow(0);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(history->rowCount(), 1);
    HttpClientPanel again(nullptr, history->path());
    QCOMPARE(again.historyPanel()->model()->rowCount(), 1);

    // Clear asks first.
    QTimer::singleShot(0, this, [] {
        if (QWidget *box = QApplication::activeModalWidget()) {
            for (QPushButton *button : box->findChildren<QPushButton *>()) {
                if (button->text().contains(QLatin1String("Yes")))
                    button->click();
            }
        }
    });
    m_panel->historyPanel()->clearWithConfirmation();
    QCOMPARE(history->rowCount(), 0);
}

void TestHttpClientPanel::secretHeadersComeBackRedacted()
{
    m_panel->requestEditor()->headersModel()->addHeader(QStringLiteral("Host"), QStringLiteral("api.local"));
    m_panel->requestEditor()->headersModel()->addHeader(QStringLiteral("Authorization"), QStringLiteral("Bearer s3cret"));
    sendAndWait(QStringLiteral("/api/v1/echo"));
    QVERIFY(!readFile(m_panel->historyPanel()->model()->path()).contains("s3cret"));

    HttpClientPanel reopened(nullptr, m_panel->historyPanel()->model()->path());
    QTableView *view = reopened.historyPanel()->view();
    emit view->activated(view->model()->index(0, 0));
    HeadersModel *headers = reopened.requestEditor()->headersModel();
    QAbstractItemModelTester tester(headers, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(headers->rowCount(), 2);
    QCOMPARE(headers->headers().at(1).name, QStringLiteral("Authorization"));
    QVERIFY(headers->headers().at(1).redacted);
    QCOMPARE(headers->index(1, HeadersModel::Value).data().toString(), HeadersModel::redactedText());
    QVERIFY(headers->index(1, HeadersModel::Value).data(Qt::ToolTipRole).toString().contains(QLatin1String("type the value again")));
    QCOMPARE(headers->index(1, HeadersModel::Value).data(Qt::EditRole).toString(), QString());
    // Typing the value again makes the header whole.
    QVERIFY(headers->setData(headers->index(1, HeadersModel::Value), QStringLiteral("Bearer new")));
    QVERIFY(!headers->headers().at(1).redacted);
    QCOMPARE(reopened.request().header(QStringLiteral("Authorization")), QStringLiteral("Bearer new"));

    // With the setting on, the value is kept.
    m_panel->setKeepSecrets(true);
    sendAndWait(QStringLiteral("/api/v1/echo"));
    QVERIFY(readFile(m_panel->historyPanel()->model()->path()).contains("s3cret"));
}

void TestHttpClientPanel::brokenHistoryFileIsReported()
{
    const QString path = m_dir->filePath(QStringLiteral("broken.json"));
    QVERIFY_RESULT(writeFile(path, "{ not json"));
    HttpClientPanel panel(nullptr, path);
    QLabel *problem = panel.historyPanel()->problemLabel();
    QVERIFY(!problem->isHidden());
    QVERIFY2(problem->text().contains(QLatin1String("broken.json")), qPrintable(problem->text()));
    QCOMPARE(panel.historyPanel()->model()->rowCount(), 0);
}

void TestHttpClientPanel::collectionsLoadKeepAndDelete()
{
    CollectionsPanel *collections = m_panel->collectionsPanel();
    QTreeWidget *tree = collections->tree();
    QVERIFY(tree->isHidden());  // the empty list says how to fill it instead

    const auto request = [this](const QString &path, const QString &host) {
        HttpRequest result;
        result.url = m_server.url(path);
        result.headers = {{QStringLiteral("Host"), host}};
        return result;
    };
    const RequestCollection shop{QStringLiteral("shop"), {request(QStringLiteral("/api/v1/items"), QStringLiteral("api.local")),
                                                          request(QStringLiteral("/"), QStringLiteral("web.local"))}};
    const RequestCollection blog{QStringLiteral("blog"), {request(QStringLiteral("/posts"), QStringLiteral("blog.local"))}};
    m_panel->addCollections({shop, blog});

    // The list is shown and the first request is in the editor, ready to send.
    QCOMPARE(m_panel->libraryTabs()->currentWidget(), collections);
    QVERIFY(tree->isVisible());
    QCOMPARE(tree->topLevelItemCount(), 2);
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("shop"));
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(0), QStringLiteral("GET api.local/api/v1/items"));
    QCOMPARE(tree->topLevelItem(1)->child(0)->text(0), QStringLiteral("GET blog.local/posts"));
    QCOMPARE(m_panel->urlEdit()->text(), m_server.url(QStringLiteral("/api/v1/items")));
    QCOMPARE(m_panel->request().header(QStringLiteral("Host")), QStringLiteral("api.local"));
    QTest::keyClick(m_panel->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->responseView()->statusLabel()->text().startsWith(QLatin1String("200")), 15000);

    // Clicking another request loads it.
    QTreeWidgetItem *blogPosts = tree->topLevelItem(1)->child(0);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(blogPosts).center());
    QCOMPARE(m_panel->urlEdit()->text(), m_server.url(QStringLiteral("/posts")));
    QCOMPARE(m_panel->request().header(QStringLiteral("Host")), QStringLiteral("blog.local"));

    // Exposing again replaces the collection of the same name.
    m_panel->addCollections({RequestCollection{QStringLiteral("shop"), {request(QStringLiteral("/health"), QStringLiteral("api.local"))}}});
    QCOMPARE(tree->topLevelItemCount(), 2);
    QCOMPARE(tree->topLevelItem(0)->childCount(), 1);

    // Delete removes the selected request; the file follows, across restarts.
    tree->setFocus();
    tree->setCurrentItem(tree->topLevelItem(1)->child(0));
    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(tree->topLevelItem(1)->childCount(), 0);
    HttpClientPanel reopened(nullptr, m_panel->historyPanel()->model()->path());
    const QList<RequestCollection> &kept = reopened.collectionsPanel()->collections().collections();
    QCOMPARE(kept.size(), 2);
    QCOMPARE(kept.at(0).requests.size(), 1);
    QCOMPARE(kept.at(0).requests.at(0).url, m_server.url(QStringLiteral("/health")));
    QVERIFY(kept.at(1).requests.isEmpty());

    // A whole collection goes only after asking.
    QTimer::singleShot(0, this, [] {
        if (QWidget *box = QApplication::activeModalWidget()) {
            for (QPushButton *button : box->findChildren<QPushButton *>()) {
                if (button->text().contains(QLatin1String("Yes")))
                    button->click();
            }
        }
    });
    tree->setCurrentItem(tree->topLevelItem(0));
    collections->removeSelected();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("blog"));
}

void TestHttpClientPanel::curlRoundTripThroughTheClipboard()
{
    HttpRequest original;
    original.method = QStringLiteral("POST");
    original.url = m_server.url(QStringLiteral("/api/v1/items"));
    original.headers = {HttpHeader{QStringLiteral("Host"), QStringLiteral("api.local")},
                        HttpHeader{QStringLiteral("X-Note"), QStringLiteral("it's \"quoted\"")}};
    original.body = R"({"name": "demo", "n": [1, 2]})";
    original.contentType = QStringLiteral("application/json");
    m_panel->setRequest(original);

    QApplication::clipboard()->clear();
    m_panel->copyAsCurl();
    const QString command = QApplication::clipboard()->text();
    QVERIFY2(command.startsWith(QLatin1String("curl ")), qPrintable(command));

    m_panel->setRequest(HttpRequest());
    QCOMPARE(m_panel->urlEdit()->text(), QString());
    bool sawCommand = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<CurlDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawCommand = dialog->textEdit()->toPlainText() == command;
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    });
    m_panel->pasteCurl();
    QVERIFY(sawCommand);
    const HttpRequest pasted = m_panel->request();
    QCOMPARE(pasted.method, original.method);
    QCOMPARE(pasted.url, original.url);
    QCOMPARE(pasted.body, original.body);
    QCOMPARE(pasted.header(QStringLiteral("Host")), QStringLiteral("api.local"));
    QCOMPARE(pasted.header(QStringLiteral("X-Note")), QStringLiteral("it's \"quoted\""));

    // A command that does not read keeps OK disabled and says why.
    CurlDialog dialog(QStringLiteral("curl --no-such-option http://x"));
    QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!dialog.messageLabel()->isHidden());
    QVERIFY(dialog.messageLabel()->text().contains(QLatin1String("--no-such-option")));
}

void TestHttpClientPanel::formatJsonPrettifiesOrPointsAtTheError()
{
    RequestEditor *editor = m_panel->requestEditor();
    editor->bodyEdit()->setPlainText(QStringLiteral("{\"b\":1,\n \"a\":[1,2,]}"));
    QVERIFY(!editor->formatJson());
    QVERIFY(!editor->bodyMessage()->isHidden());
    QVERIFY2(editor->bodyMessage()->text().contains(QLatin1String("line 2")), qPrintable(editor->bodyMessage()->text()));
    QCOMPARE(editor->bodyEdit()->textCursor().blockNumber(), 1);

    editor->bodyEdit()->setPlainText(QStringLiteral("{\"b\":1,\"a\":[1,2]}"));
    QVERIFY(editor->bodyMessage()->isHidden());
    QVERIFY(editor->formatJson());
    QCOMPARE(editor->bodyEdit()->toPlainText().toUtf8(), JsonTree::pretty("{\"b\":1,\"a\":[1,2]}"));
}

void TestHttpClientPanel::tenMegabyteJsonDoesNotFreeze()
{
    // The worst gap between ticks of a 10 ms timer is how long the window froze.
    QElapsedTimer clock;
    qint64 last = 0, worst = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        worst = qMax(worst, now - last);
        last = now;
    });
    m_panel->requestEditor()->headersModel()->addHeader(QStringLiteral("Host"), QStringLiteral("api.local"));
    QSignalSpy shown(m_panel->responseView(), &ResponseView::bodyShown);
    clock.start();
    ticker.start();
    sendAndWait(QStringLiteral("/api/v1/big?bytes=10000000"), 60000);
    const qint64 received = clock.elapsed();
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 60000);
    const qint64 parsed = clock.elapsed();
    const qint64 worstBeforeText = worst;
    ResponseView *response = m_panel->responseView();
    response->tabs()->setCurrentIndex(ResponseView::PrettyTab);
    QTest::qWait(50);
    response->tabs()->setCurrentIndex(ResponseView::RawTab);
    QTest::qWait(50);
    response->tabs()->setCurrentIndex(ResponseView::TreeTab);
    QTest::qWait(50);
    ticker.stop();
    qInfo("10 MB JSON: received after %lld ms, shown after %lld ms; worst event-loop gap %lld ms until shown, "
          "%lld ms including the text tabs",
          received, parsed, worstBeforeText, worst);

    QCOMPARE(m_panel->exchange().response.body.size(), qsizetype(10000000));
    QVERIFY(response->isJson());
    QVERIFY(response->treeModel()->rowCount() > 0);
    QVERIFY2(response->noteLabel()->text().contains(QLatin1String("Showing the first 2 MB of 10.0 MB")),
             qPrintable(response->noteLabel()->text()));
    QVERIFY(response->rawEdit()->document()->characterCount()
            <= ResponseView::TextLimit + ResponseView::TextLimit / ResponseView::LineLimit + 2);
    QVERIFY(response->prettyEdit()->document()->characterCount() > 1000);
    QVERIFY2(worst < 1000, qPrintable(QStringLiteral("the window froze for %1 ms").arg(worst)));

    // Save keeps everything.
    const QString saved = m_dir->filePath(QStringLiteral("big.json"));
    QVERIFY_RESULT(m_panel->saveResponseTo(saved));
    QCOMPARE(readFile(saved), TestHttpServer::bigBody(10000000));
}

void TestHttpClientPanel::longLinesAreBrokenForDisplay_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("short") << "abc\ndef" << "abc\ndef";
    QTest::newRow("exactly the limit") << "abcd\nefgh\n" << "abcd\nefgh\n";
    QTest::newRow("one long line") << "abcdefghij" << "abcd\nefgh\nij";
    QTest::newRow("long and short lines") << "abcdef\n\nxy\n123456789" << "abcd\nef\n\nxy\n1234\n5678\n9";
    // A surrogate pair is never split.
    const QString smile = QString::fromUcs4(U"\U0001F600", 1);
    QTest::newRow("surrogate pair") << QString(u"abc" + smile + u"def") << QString(u"abc" + smile + u"\ndef");
}

void TestHttpClientPanel::longLinesAreBrokenForDisplay()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(breakLongLines(text, 4), expected);
}

void TestHttpClientPanel::urlThroughRule_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wildcard v4, keeps path and query")
        << "http://192.168.49.2/api/v1/items?page=2" << "0.0.0.0:31042" << "http://127.0.0.1:31042/api/v1/items?page=2";
    QTest::newRow("wildcard v6") << "https://example.com:8443/x" << "[::]:8080" << "http://[::1]:8080/x";
    QTest::newRow("specific address, empty url") << "" << "192.168.1.20:9000" << "http://192.168.1.20:9000/";
    QTest::newRow("path only") << "/healthz" << "127.0.0.1:8080" << "http://127.0.0.1:8080/healthz";
}

void TestHttpClientPanel::urlThroughRule()
{
    QFETCH(QString, url);
    QFETCH(QString, listen);
    QFETCH(QString, expected);
    ForwardRule rule;
    rule.listen = parseListen(listen).value();
    QCOMPARE(ThroughRuleButton::urlThroughRule(url, rule), expected);
}

void TestHttpClientPanel::throughRulePickerFillsTheUrl()
{
    ForwardEngine engine(1);
    RuleController controller(&engine, m_dir->filePath(QStringLiteral("rules.json")));
    ForwardRule rule;
    rule.name = QStringLiteral("ingress");
    rule.listen = parseListen(QStringLiteral("0.0.0.0:31042")).value();
    rule.target = parseTarget(QStringLiteral("192.168.49.2:80")).value();
    rule.enabled = false;
    QVERIFY_RESULT(controller.addRule(rule));

    HttpClientPanel panel(&controller, m_dir->filePath(QStringLiteral("h2.json")));
    panel.urlEdit()->setText(QStringLiteral("http://192.168.49.2/api/v1/items"));
    const QList<QAction *> actions = panel.throughRuleButton()->menu()->actions();
    QCOMPARE(actions.size(), 1);
    QVERIFY(actions.constFirst()->text().contains(QLatin1String("ingress")));
    actions.constFirst()->trigger();
    QCOMPARE(panel.urlEdit()->text(), QStringLiteral("http://127.0.0.1:31042/api/v1/items"));

    // The menu follows the rules.
    rule.name = QStringLiteral("second");
    rule.listen = parseListen(QStringLiteral("127.0.0.1:31043")).value();
    QVERIFY_RESULT(controller.addRule(rule));
    QCOMPARE(panel.throughRuleButton()->menu()->actions().size(), 2);
}

QTEST_MAIN(TestHttpClientPanel)
#include "tst_httpclientpanel.moc"
