// Environments and assertions in the HTTP client tab (#19), driven against TestHttpServer:
// an environment's {{host}} reaches the server, an unknown variable sends nothing and
// says why, a secret reaches the server but no file, assertions are marked passed or
// failed with a summary, and they survive saving and reloading the collections.
// PASARELA_ENV_SCREENSHOT=FILE.png saves the tab as docs/assertions.png was made.
#include <functional>

#include <QAbstractItemModelTester>
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include "checks.h"
#include "http/assertionresultsview.h"
#include "http/assertionseditor.h"
#include "http/assertionsmodel.h"
#include "http/collectionlink.h"
#include "http/collectionspanel.h"
#include "http/environmentpicker.h"
#include "http/environmentsdialog.h"
#include "http/headersmodel.h"
#include "http/historymodel.h"
#include "http/historypanel.h"
#include "http/httpclientpanel.h"
#include "http/requesteditor.h"
#include "http/responseview.h"
#include "http/saverequestdialog.h"
#include "http/variablesmodel.h"
#include "testfiles.h"
#include "testhttpserver.h"

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

const QString Secret = u"s3cr3t-T0KEN-4711"_s;

Assertion assertion(Assertion::Subject subject, const QString &target, Assertion::Check check, const QJsonValue &expected)
{
    return Assertion{subject, target, check, expected};
}

// Runs act on the dialog of that type once it is the modal one (it is opened by exec()
// after this returns). act must close it.
template <typename Dialog>
void whenShown(QObject *context, std::function<void(Dialog *)> act)
{
    auto *timer = new QTimer(context);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, context, [timer, act] {
        // Focus moves only inside the active window: wait for the dialog to be it.
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        if (dialog && dialog->isActiveWindow()) {
            timer->stop();
            timer->deleteLater();
            act(dialog);
        }
    });
    timer->start();
}

// "letter: text" of each mnemonic of the dialog's buttons and buddied labels that share a letter.
QStringList mnemonicClashes(QDialog &dialog)
{
    QStringList found;
    for (const QAbstractButton *button : dialog.findChildren<QAbstractButton *>()) {
        if (const QChar letter = TestSupport::mnemonic(button->text()); !letter.isNull())
            found.append(letter + u": "_s + button->text());
    }
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (const QChar letter = TestSupport::mnemonic(label->text()); label->buddy() && !letter.isNull())
            found.append(letter + u": "_s + label->text());
    }
    QStringList clashes;
    for (const QString &item : found) {
        if (found.count(item) == 1 && std::count_if(found.cbegin(), found.cend(), [&item](const QString &other) {
                                          return other.at(0) == item.at(0);
                                      }) > 1)
            clashes.append(item);
    }
    return clashes;
}

// Controls a user works with that have no tooltip.
QStringList withoutToolTips(const QWidget &parent)
{
    QStringList missing;
    const auto check = [&missing](const QWidget *widget) {
        if (widget->toolTip().isEmpty() && widget->isVisibleTo(widget->window()))
            missing.append(QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->accessibleName());
    };
    for (const QAbstractButton *button : parent.findChildren<QAbstractButton *>()) {
        // Tabs, the table corner and the combo's inner buttons are Qt's own.
        if (!qobject_cast<const QTabBar *>(button->parentWidget()) && !button->text().isEmpty())
            check(button);
    }
    for (const QComboBox *combo : parent.findChildren<QComboBox *>())
        check(combo);
    for (const QAbstractItemView *view : parent.findChildren<QAbstractItemView *>()) {
        // Header sections have tooltips of their own (headerData).
        if (!qobject_cast<const QHeaderView *>(view) && view->parentWidget()
            && !view->parentWidget()->inherits("QComboBoxPrivateContainer"))
            check(view);
    }
    return missing;
}

} // namespace

class TestHttpEnvironments final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void environmentFillsTheUrl();
    void unknownVariableSendsNothing();
    void secretReachesTheServerButNoFile();
    void environmentsDialogEditsMasksAndKeeps();
    void chosenEnvironmentIsRemembered();
    void assertionsPassAndFail();
    void assertionsSurviveSavingAndReloading();
    void saveToCollectionKeepsATypedRequest();
    void dialogsHaveToolTipsAndDistinctMnemonics();
    void screenshot();

private:
    // A collection "shop" with one request to {{host}} (Host: api.local) and the
    // environments given, loaded into the panel.
    void loadShop(const Environments &environments, const QList<Assertion> &assertions = {},
                  const QString &path = u"/api/v1/items"_s);
    Environment dev() const;
    void choose(const QString &environment);
    // Ctrl+Return, then the answer.
    void sendAndWait();

    TestHttpServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HttpClientPanel> m_panel;
};

void TestHttpEnvironments::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_server.listen());
}

void TestHttpEnvironments::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_panel = std::make_unique<HttpClientPanel>(nullptr, m_dir->filePath(u"history.json"_s));
    m_panel->resize(1280, 720);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestHttpEnvironments::cleanup()
{
    m_panel.reset();
    m_dir.reset();
}

Environment TestHttpEnvironments::dev() const
{
    Environment environment{u"dev"_s, {}};
    environment.set({u"host"_s, u"127.0.0.1:"_s + QString::number(m_server.port()), false});
    environment.set({u"token"_s, Secret, true});
    return environment;
}

void TestHttpEnvironments::loadShop(const Environments &environments, const QList<Assertion> &assertions,
                                    const QString &path)
{
    CollectionRequest request;
    request.name = u"list items"_s;
    request.url = u"http://{{host}}"_s + path;
    request.headers = {{u"Host"_s, u"api.local"_s}};
    request.assertions = assertions;
    m_panel->addCollections({RequestCollection{u"shop"_s, {request}, environments}});
}

void TestHttpEnvironments::choose(const QString &environment)
{
    QComboBox *combo = m_panel->environmentPicker()->combo();
    const int index = combo->findText(environment);
    QVERIFY2(index >= 0, qPrintable(environment));
    combo->setFocus();
    // As the keyboard does: one step at a time, each one an activation.
    while (combo->currentIndex() != index)
        QTest::keyClick(combo, combo->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(m_panel->environmentPicker()->environment(), environment == u"No environment" ? QString() : environment);
}

void TestHttpEnvironments::sendAndWait()
{
    QSignalSpy finished(m_panel.get(), &HttpClientPanel::exchangeFinished);
    m_panel->urlEdit()->setFocus();
    QTest::keyClick(m_panel->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(m_panel->variableErrorLabel()->isHidden());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
}

void TestHttpEnvironments::environmentFillsTheUrl()
{
    Environment prod{u"prod"_s, {}};
    prod.set({u"host"_s, u"api.example.invalid"_s, false});
    loadShop({dev(), prod});
    QCOMPARE(m_panel->environmentPicker()->collection(), u"shop"_s);
    QComboBox *combo = m_panel->environmentPicker()->combo();
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->itemText(0), u"No environment"_s);
    QCOMPARE(combo->itemText(1), u"dev"_s);
    QVERIFY(combo->toolTip().contains(u"shop"_s));

    choose(u"dev"_s);
    const QString resolved = m_server.url(u"/api/v1/items"_s);
    QVERIFY2(m_panel->urlEdit()->toolTip().startsWith(u"Sends to "_s + resolved), qPrintable(m_panel->urlEdit()->toolTip()));
    QCOMPARE(m_panel->urlEdit()->text(), u"http://{{host}}/api/v1/items"_s);

    const qsizetype before = m_server.requests().size();
    sendAndWait();
    QTRY_VERIFY(m_panel->responseView()->statusLabel()->text().startsWith(u"200"_s));
    QCOMPARE(m_server.requests().size(), before + 1);
    QCOMPARE(m_server.requests().constLast().target, QByteArray("/api/v1/items"));
    QCOMPARE(m_server.requests().constLast().header("Host"), QByteArray("api.local"));
    // host is no secret: the history has the address it went to.
    const QModelIndex url = m_panel->historyPanel()->model()->index(0, HistoryModel::Url);
    QCOMPARE(url.data().toString(), resolved);

    // Another environment, another host: prod's does not resolve, and says so.
    choose(u"prod"_s);
    QVERIFY(m_panel->urlEdit()->toolTip().startsWith(u"Sends to http://api.example.invalid/api/v1/items"_s));
    sendAndWait();
    QVERIFY(m_panel->responseView()->errorLabel()->isVisible());
    QCOMPARE(m_server.requests().size(), before + 1);
}

void TestHttpEnvironments::unknownVariableSendsNothing()
{
    const qsizetype before = m_server.requests().size();
    m_panel->urlEdit()->setText(u"http://{{host}}/api/v1/items"_s);
    QVERIFY(m_panel->urlEdit()->toolTip().contains(u"No value for {{host}}"_s));
    QTest::mouseClick(m_panel->sendButton(), Qt::LeftButton);
    QLabel *error = m_panel->variableErrorLabel();
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"{{host}}"_s) && error->text().contains(u"PASARELA_VAR_host"_s)
                 && error->text().contains(u"no environment is chosen"_s),
             qPrintable(error->text()));
    QVERIFY(!m_panel->isBusy());
    QVERIFY(!m_panel->hasExchange());
    QCOMPARE(m_panel->historyPanel()->model()->rowCount(), 0);
    QCOMPARE(m_server.requests().size(), before);

    // With an environment that lacks it, the message names the environment; typing hides it.
    Environment empty{u"staging"_s, {}};
    empty.set({u"other"_s, u"x"_s, false});
    loadShop({empty});
    choose(u"staging"_s);
    m_panel->requestEditor()->headersModel()->addHeader(u"X-Trace"_s, u"{{trace}}"_s);
    m_panel->urlEdit()->setFocus();
    QTest::keyClick(m_panel->urlEdit(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"the environment \"staging\" does not define it"_s)
                 && error->text().contains(u"{{trace}}"_s),
             qPrintable(error->text()));
    QCOMPARE(m_server.requests().size(), before);
    QCOMPARE(m_panel->historyPanel()->model()->rowCount(), 0);
    QTest::keyClick(m_panel->urlEdit(), Qt::Key_Space);
    QVERIFY(error->isHidden());
}

void TestHttpEnvironments::secretReachesTheServerButNoFile()
{
    loadShop({dev()});
    choose(u"dev"_s);
    HeadersModel *headers = m_panel->requestEditor()->headersModel();
    headers->addHeader(u"Authorization"_s, u"Bearer {{token}}"_s);
    headers->addHeader(u"X-Api-Key"_s, u"{{token}}"_s);
    // Secrets stay {{name}} where a tooltip could show them.
    m_panel->urlEdit()->setText(u"http://{{host}}/api/v1/items?key={{token}}"_s);
    QVERIFY2(m_panel->urlEdit()->toolTip().contains(u"?key={{token}}"_s), qPrintable(m_panel->urlEdit()->toolTip()));
    QVERIFY(!m_panel->urlEdit()->toolTip().contains(Secret));
    sendAndWait();
    QTRY_VERIFY(m_panel->responseView()->statusLabel()->text().startsWith(u"200"_s));
    const TestHttpServer::Seen seen = m_server.requests().constLast();
    QCOMPARE(seen.header("Authorization"), (u"Bearer "_s + Secret).toUtf8());
    QCOMPARE(seen.header("X-Api-Key"), Secret.toUtf8());
    QCOMPARE(seen.target, (u"/api/v1/items?key="_s + Secret).toUtf8());

    // Neither the history nor an export nor the collections file has it, even with
    // "save Authorization values" on; the history can send the request again.
    m_panel->setKeepSecrets(true);
    const QByteArray history = readFile(m_panel->historyPanel()->model()->path());
    QVERIFY2(!history.contains(Secret.toUtf8()), history.constData());
    QVERIFY(history.contains("Bearer {{token}}"));
    QVERIFY(history.contains("?key={{token}}"));
    const QString exported = m_dir->filePath(u"exchange.json"_s);
    QVERIFY_RESULT(m_panel->exportExchangeTo(exported));
    QVERIFY(!readFile(exported).contains(Secret.toUtf8()));
    QVERIFY(readFile(exported).contains("{{token}}"));
    const QByteArray collections = readFile(m_panel->collectionsPanel()->collections().path());
    QVERIFY(collections.contains("\"token\""));
    QVERIFY(!collections.contains(Secret.toUtf8()));
    QCOMPARE(m_panel->exchange().request.header(u"Authorization"_s), u"Bearer {{token}}"_s);
}

void TestHttpEnvironments::environmentsDialogEditsMasksAndKeeps()
{
    loadShop({});
    EnvironmentPicker *picker = m_panel->environmentPicker();
    QCOMPARE(picker->combo()->count(), 1);

    QString maskedShown, revealedShown, hiddenEditor, problem, noteText;
    bool typed = true, okOffOnBadName = false, deleteRemoved = false;
    whenShown<EnvironmentsDialog>(this, [&](EnvironmentsDialog *dialog) {
        dialog->addEnvironment(u"dev"_s);
        VariablesModel *model = dialog->variablesModel();
        QTableView *view = dialog->variablesView();
        // Add variable opens the name's editor; Tab goes on to the value, Return keeps both.
        const auto add = [&](const QString &name, const QString &value, bool secret) {
            QTest::mouseClick(dialog->addVariableButton(), Qt::LeftButton);
            auto *nameEdit = qobject_cast<QLineEdit *>(QApplication::focusWidget());
            if (!nameEdit) {
                typed = false;
                return;
            }
            QTest::keyClicks(nameEdit, name);
            QTest::keyClick(nameEdit, Qt::Key_Tab);
            auto *valueEdit = qobject_cast<QLineEdit *>(QApplication::focusWidget());
            if (!valueEdit || valueEdit == nameEdit) {
                typed = false;
                return;
            }
            QTest::keyClicks(valueEdit, value);
            // The delegate commits on Return once the editor has had the key (queued).
            QTest::keyClick(valueEdit, Qt::Key_Return);
            const QModelIndex typedValue = model->index(model->rowCount() - 1, VariablesModel::Value);
            if (!QTest::qWaitFor([&] { return typedValue.data(Qt::EditRole).toString() == value; })) {
                typed = false;
                return;
            }
            if (secret)
                model->setData(model->index(model->rowCount() - 1, VariablesModel::Secret), Qt::Checked,
                               Qt::CheckStateRole);
        };
        add(u"host"_s, u"127.0.0.1:"_s + QString::number(m_server.port()), false);
        add(u"token"_s, Secret, true);
        add(u"doomed"_s, u"x"_s, false);
        maskedShown = model->index(1, VariablesModel::Value).data().toString();
        // A secret is typed again in a password field.
        view->setFocus();
        view->edit(model->index(1, VariablesModel::Value));
        if (auto *line = qobject_cast<QLineEdit *>(QApplication::focusWidget())) {
            hiddenEditor = line->echoMode() == QLineEdit::Password ? u"hidden"_s : u"plain"_s;
            QTest::keyClick(line, Qt::Key_Escape);
        }
        dialog->revealBox()->click();
        revealedShown = model->index(1, VariablesModel::Value).data().toString();
        dialog->revealBox()->click();
        // Delete removes the selected row.
        view->setFocus();
        view->selectRow(2);
        QTest::keyClick(view, Qt::Key_Delete);
        deleteRemoved = model->rowCount() == 2;
        // A bad name turns OK off and says why.
        add(u"bad name"_s, u"1"_s, false);
        problem = dialog->problemLabel()->text();
        okOffOnBadName = !dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled();
        view->selectRow(2);
        QTest::keyClick(view, Qt::Key_Delete);
        for (QLabel *label : dialog->findChildren<QLabel *>()) {
            if (label->text().contains(u"never written to disk"_s))
                noteText = label->text();
        }
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    });
    QTest::mouseClick(picker->editButton(), Qt::LeftButton);

    QVERIFY(typed);
    QCOMPARE(maskedShown, VariablesModel::maskText());
    QCOMPARE(hiddenEditor, u"hidden"_s);
    QCOMPARE(revealedShown, Secret);
    QVERIFY(deleteRemoved);
    QVERIFY(okOffOnBadName);
    QVERIFY2(problem.contains(u"\"dev\""_s) && problem.contains(u"\"bad name\" is not a valid name"_s), qPrintable(problem));
    QVERIFY2(noteText.contains(u"PASARELA_VAR_"_s), qPrintable(noteText));

    // Kept in the collection: the combo offers it, the file has it without the secret.
    QCOMPARE(picker->combo()->count(), 2);
    QCOMPARE(picker->combo()->itemText(1), u"dev"_s);
    const RequestCollection *shop = m_panel->collectionsPanel()->collections().find(u"shop"_s);
    QVERIFY(shop);
    QCOMPARE(shop->environments.size(), 1);
    QCOMPARE(shop->environments.at(0).variables.size(), 2);
    QCOMPARE(shop->environments.at(0).find(u"token"_s)->value, Secret);
    const QByteArray file = readFile(m_panel->collectionsPanel()->collections().path());
    QVERIFY(file.contains("\"dev\""));
    QVERIFY(file.contains(QString::number(m_server.port()).toUtf8()));
    QVERIFY(!file.contains(Secret.toUtf8()));

    // The values typed are used at once.
    choose(u"dev"_s);
    sendAndWait();
    QTRY_VERIFY(m_panel->responseView()->statusLabel()->text().startsWith(u"200"_s));

    // Renaming the chosen environment keeps it chosen; removing it leaves none.
    whenShown<EnvironmentsDialog>(this, [](EnvironmentsDialog *dialog) {
        QListWidgetItem *item = dialog->environmentList()->currentItem();
        if (item)
            item->setText(u"development"_s);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    });
    picker->editEnvironments();
    QCOMPARE(picker->environment(), u"development"_s);
    whenShown<EnvironmentsDialog>(this, [](EnvironmentsDialog *dialog) {
        dialog->removeEnvironment();
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    });
    picker->editEnvironments();
    QCOMPARE(picker->environment(), QString());
    QCOMPARE(picker->combo()->count(), 1);
    QVERIFY(m_panel->collectionsPanel()->collections().find(u"shop"_s)->environments.isEmpty());

    // Cancel changes nothing.
    whenShown<EnvironmentsDialog>(this, [](EnvironmentsDialog *dialog) {
        dialog->addEnvironment(u"qa"_s);
        dialog->buttons()->button(QDialogButtonBox::Cancel)->click();
    });
    picker->editEnvironments();
    QCOMPARE(picker->combo()->count(), 1);
}

void TestHttpEnvironments::chosenEnvironmentIsRemembered()
{
    Environment prod{u"prod"_s, {}};
    loadShop({dev(), prod});
    choose(u"prod"_s);
    QSettings settings(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_panel->saveSettings(settings);

    HttpClientPanel reopened(nullptr, m_panel->historyPanel()->model()->path());
    QCOMPARE(reopened.environmentPicker()->environment(), QString());
    reopened.restoreSettings(settings);
    QCOMPARE(reopened.environmentPicker()->collection(), u"shop"_s);
    QCOMPARE(reopened.environmentPicker()->environment(), u"prod"_s);
    QCOMPARE(reopened.environmentPicker()->combo()->currentText(), u"prod"_s);
}

void TestHttpEnvironments::assertionsPassAndFail()
{
    loadShop({dev()});
    choose(u"dev"_s);
    RequestEditor *editor = m_panel->requestEditor();
    AssertionsEditor *assertions = editor->assertionsEditor();
    AssertionsModel *model = assertions->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    editor->tabs()->setCurrentIndex(RequestEditor::AssertionsTab);

    // Add gives "status is 200".
    QTest::mouseClick(assertions->addButton(), Qt::LeftButton);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, AssertionsModel::Kind).data().toString(), u"Status"_s);
    QCOMPARE(model->index(0, AssertionsModel::Expected).data().toString(), u"200"_s);
    QCOMPARE(editor->tabs()->tabText(RequestEditor::AssertionsTab), u"Assertions (1)"_s);

    // A JSON path through the table's editors: the kind from its combo, the path typed.
    QTest::mouseClick(assertions->addButton(), Qt::LeftButton);
    QTableView *view = assertions->view();
    const QModelIndex kind = model->index(1, AssertionsModel::Kind);
    view->setCurrentIndex(kind);
    view->edit(kind);
    auto *combo = view->viewport()->findChild<QComboBox *>();
    QVERIFY(combo);
    QCOMPARE(combo->count(), 4);
    const int json = combo->findText(u"JSON path"_s);
    combo->setCurrentIndex(json);
    emit combo->activated(json);
    QCOMPARE(model->index(1, AssertionsModel::Kind).data().toString(), u"JSON path"_s);
    QCOMPARE(model->index(1, AssertionsModel::Check).data().toString(), u"exists"_s);
    // No path yet: red, and why.
    QVERIFY(!model->problem(1).isEmpty());
    QCOMPARE(model->index(1, AssertionsModel::Target).data(Qt::ForegroundRole).value<QColor>(), QColor(0xc6, 0x28, 0x28));
    const QModelIndex target = model->index(1, AssertionsModel::Target);
    view->setCurrentIndex(target);
    view->edit(target);
    auto *line = view->viewport()->findChild<QLineEdit *>();
    QVERIFY(line);
    QTest::keyClicks(line, u"$.pod"_s);
    // The delegate commits on Return once the editor has had the key (queued).
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE(model->assertions().at(1).target, u"$.pod"_s);
    QVERIFY(model->problem(1).isEmpty());
    model->setData(model->index(1, AssertionsModel::Check), u"equals"_s, Qt::EditRole);
    model->setData(model->index(1, AssertionsModel::Expected), u"web-1"_s, Qt::EditRole);
    QCOMPARE(model->assertions().at(1).expected, QJsonValue(u"web-1"_s));

    // A header that matches, and time under a generous bound.
    const int header = model->addAssertion();
    model->setData(model->index(header, AssertionsModel::Kind), u"Header"_s, Qt::EditRole);
    model->setData(model->index(header, AssertionsModel::Target), u"Content-Type"_s, Qt::EditRole);
    model->setData(model->index(header, AssertionsModel::Check), u"matches"_s, Qt::EditRole);
    model->setData(model->index(header, AssertionsModel::Expected), u"^application/json"_s, Qt::EditRole);
    const int time = model->addAssertion();
    model->setData(model->index(time, AssertionsModel::Kind), u"Time"_s, Qt::EditRole);
    model->setData(model->index(time, AssertionsModel::Expected), u"10000"_s, Qt::EditRole);
    QCOMPARE(model->validAssertions().size(), 4);
    QCOMPARE(model->assertions().at(time), assertion(Assertion::Subject::Time, {}, Assertion::Check::Below, 10000));

    AssertionResultsView *results = m_panel->responseView()->assertionResults();
    QSignalSpy checked(results, &AssertionResultsView::checked);
    sendAndWait();
    QTRY_COMPARE(checked.count(), 1);
    QCOMPARE(results->passedCount(), 3);
    QCOMPARE(results->failedCount(), 1);
    QLabel *summary = results->summaryLabel();
    QVERIFY(summary->isVisible());
    QCOMPARE(summary->text(), u"3 passed, 1 failed"_s);
    QVERIFY(summary->styleSheet().contains(u"#c62828"_s));
    QListWidget *list = results->list();
    QVERIFY(list->isVisible());
    QCOMPARE(list->count(), 4);
    const QImage passed = AssertionResultsView::passedIcon().pixmap(16).toImage();
    const QImage failed = AssertionResultsView::failedIcon().pixmap(16).toImage();
    QVERIFY(passed != failed);
    for (int row : {0, 2, 3})
        QCOMPARE(list->item(row)->icon().pixmap(16).toImage(), passed);
    QCOMPARE(list->item(1)->icon().pixmap(16).toImage(), failed);
    QCOMPARE(list->item(0)->text(), u"status is 200"_s);
    QVERIFY2(list->item(1)->text().contains(u"$.pod"_s) && list->item(1)->text().contains(u"\"web-1\""_s)
                 && list->item(1)->text().contains(u"\"api-7d9f\""_s),
             qPrintable(list->item(1)->text()));

    // Without the failing one, all pass, in green.
    view->setFocus();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(model->index(1, AssertionsModel::Kind)).center());
    QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
    QVERIFY(assertions->removeButton()->isEnabled());
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(model->rowCount(), 3);
    sendAndWait();
    QTRY_COMPARE(checked.count(), 2);
    QCOMPARE(summary->text(), u"3 passed"_s);
    QVERIFY(summary->styleSheet().contains(u"#2e7d32"_s));

    // No response: nothing checked, and said.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    m_panel->urlEdit()->setText(u"http://127.0.0.1:"_s + QString::number(port) + u"/"_s);
    sendAndWait();
    QCOMPARE(summary->text(), u"3 assertions not checked"_s);
    QVERIFY(!list->isVisible());

    // A request without assertions shows no summary.
    m_panel->setRequest(HttpRequest{});
    QCOMPARE(model->rowCount(), 0);
    m_panel->urlEdit()->setText(m_server.url(u"/api/v1/items"_s));
    m_panel->requestEditor()->headersModel()->addHeader(u"Host"_s, u"api.local"_s);
    sendAndWait();
    QVERIFY(summary->isHidden());
}

void TestHttpEnvironments::assertionsSurviveSavingAndReloading()
{
    loadShop({dev()}, {assertion(Assertion::Subject::Status, {}, Assertion::Check::Equals, 200)});
    AssertionsEditor *editor = m_panel->requestEditor()->assertionsEditor();
    QCOMPARE(editor->assertions().size(), 1);
    QVERIFY(m_panel->collectionLink()->isAttached());
    QVERIFY2(editor->noteLabel()->text().contains(u"\"list items\""_s), qPrintable(editor->noteLabel()->text()));

    // Each edit is saved at once; a row that is wrong is not, until fixed.
    AssertionsModel *model = editor->model();
    const int row = model->addAssertion();
    model->setData(model->index(row, AssertionsModel::Kind), u"JSON path"_s, Qt::EditRole);
    model->setData(model->index(row, AssertionsModel::Target), u"$.items[0].id"_s, Qt::EditRole);
    model->setData(model->index(row, AssertionsModel::Check), u"equals"_s, Qt::EditRole);
    model->setData(model->index(row, AssertionsModel::Expected), u"2"_s, Qt::EditRole);
    const int bad = model->addAssertion();
    model->setData(model->index(bad, AssertionsModel::Kind), u"Header"_s, Qt::EditRole);
    model->setData(model->index(bad, AssertionsModel::Target), u"X-Pod"_s, Qt::EditRole);
    model->setData(model->index(bad, AssertionsModel::Check), u"matches"_s, Qt::EditRole);
    model->setData(model->index(bad, AssertionsModel::Expected), u"(unclosed"_s, Qt::EditRole);
    QVERIFY(model->problem(bad).contains(u"not a valid regular expression"_s));
    QVERIFY(model->index(bad, AssertionsModel::Expected).data(Qt::ToolTipRole).toString().contains(u"not checked or saved"_s));

    const QList<Assertion> expected{assertion(Assertion::Subject::Status, {}, Assertion::Check::Equals, 200),
                                    assertion(Assertion::Subject::Json, u"$.items[0].id"_s, Assertion::Check::Equals, 2)};
    const QString path = m_panel->collectionsPanel()->collections().path();
    QVERIFY(readFile(path).contains("$.items[0].id"));
    {
        HttpClientPanel reopened(nullptr, m_panel->historyPanel()->model()->path());
        const RequestCollection *shop = reopened.collectionsPanel()->collections().find(u"shop"_s);
        QVERIFY(shop);
        QCOMPARE(shop->requests.at(0).assertions, expected);
        QCOMPARE(shop->requests.at(0).name, u"list items"_s);
        // Clicking the request brings them into the editor.
        QTreeWidget *tree = reopened.collectionsPanel()->tree();
        QTreeWidgetItem *item = tree->topLevelItem(0)->child(0);
        QVERIFY(item->text(0).startsWith(u"list items"_s));
        QVERIFY(item->toolTip(0).contains(u"2 assertions"_s));
        emit tree->itemClicked(item, 0);
        QCOMPARE(reopened.requestEditor()->assertionsEditor()->assertions(), expected);
        QCOMPARE(reopened.environmentPicker()->collection(), u"shop"_s);
    }

    // Fixed, the row is saved too; removing rows saves as well.
    model->setData(model->index(bad, AssertionsModel::Expected), u"^api-"_s, Qt::EditRole);
    QVERIFY(readFile(path).contains("^api-"));
    model->removeAssertions({0, 1, 2});
    QVERIFY(!readFile(path).contains("assertions"));

    // A request loaded from the history is no collection's: edits stay with it.
    m_panel->setRequest(HttpRequest{});
    QVERIFY(!m_panel->collectionLink()->isAttached());
    model->addAssertion();
    QVERIFY(!readFile(path).contains("assertions"));
    QCOMPARE(model->rowCount(), 1);

    // Removing the request from its collection lets go of it.
    emit m_panel->collectionsPanel()->tree()->itemClicked(m_panel->collectionsPanel()->tree()->topLevelItem(0)->child(0), 0);
    QVERIFY(m_panel->collectionLink()->isAttached());
    QTreeWidget *tree = m_panel->collectionsPanel()->tree();
    tree->setFocus();
    tree->setCurrentItem(tree->topLevelItem(0)->child(0));
    QTest::keyClick(tree, Qt::Key_Delete);
    QVERIFY(!m_panel->collectionLink()->isAttached());
}

void TestHttpEnvironments::saveToCollectionKeepsATypedRequest()
{
    m_panel->urlEdit()->setText(m_server.url(u"/api/v1/items"_s));
    m_panel->requestEditor()->headersModel()->addHeader(u"Host"_s, u"api.local"_s);
    AssertionsModel *model = m_panel->requestEditor()->assertionsEditor()->model();
    model->addAssertion();

    QString note;
    whenShown<SaveRequestDialog>(this, [&note](SaveRequestDialog *dialog) {
        dialog->collectionCombo()->setCurrentText(u"mine"_s);
        dialog->nameEdit()->setText(u"items"_s);
        note = dialog->noteLabel()->text();
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    });
    QTest::mouseClick(m_panel->saveToCollectionButton(), Qt::LeftButton);
    QCOMPARE(note, u"Starts the collection \"mine\" with this request."_s);
    const RequestCollection *mine = m_panel->collectionsPanel()->collections().find(u"mine"_s);
    QVERIFY(mine);
    QCOMPARE(mine->requests.size(), 1);
    QCOMPARE(mine->requests.at(0).name, u"items"_s);
    QCOMPARE(mine->requests.at(0).assertions.size(), 1);
    QCOMPARE(mine->requests.at(0).header(u"Host"_s), u"api.local"_s);
    QVERIFY(m_panel->collectionLink()->isAttached());
    QCOMPARE(m_panel->environmentPicker()->collection(), u"mine"_s);

    // Saving again replaces it (a changed URL), and the file follows.
    m_panel->urlEdit()->setText(m_server.url(u"/api/v1/echo"_s));
    whenShown<SaveRequestDialog>(this, [&note](SaveRequestDialog *dialog) {
        note = dialog->noteLabel()->text();
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    });
    m_panel->saveToCollection();
    QCOMPARE(note, u"Replaces the request loaded from \"mine\"."_s);
    mine = m_panel->collectionsPanel()->collections().find(u"mine"_s);
    QCOMPARE(mine->requests.size(), 1);
    QCOMPARE(mine->requests.at(0).url, m_server.url(u"/api/v1/echo"_s));
    QCOMPARE(mine->requests.at(0).name, u"items"_s);
    HttpClientPanel reopened(nullptr, m_panel->historyPanel()->model()->path());
    QCOMPARE(reopened.collectionsPanel()->collections().find(u"mine"_s)->requests.at(0).url,
             m_server.url(u"/api/v1/echo"_s));
}

void TestHttpEnvironments::dialogsHaveToolTipsAndDistinctMnemonics()
{
    EnvironmentsDialog environments(u"shop"_s, {dev()}, u"dev"_s);
    environments.show();
    QVERIFY(QTest::qWaitForWindowExposed(&environments));
    QCOMPARE(environments.environmentList()->currentItem()->text(), u"dev"_s);
    QCOMPARE(environments.variablesModel()->rowCount(), 2);
    QVERIFY2(mnemonicClashes(environments).isEmpty(), qPrintable(mnemonicClashes(environments).join(u"; "_s)));
    QVERIFY2(withoutToolTips(environments).isEmpty(), qPrintable(withoutToolTips(environments).join(u"; "_s)));

    SaveRequestDialog save({u"shop"_s}, u"shop"_s, u"list items"_s, u"shop"_s);
    save.show();
    QVERIFY(QTest::qWaitForWindowExposed(&save));
    QVERIFY2(mnemonicClashes(save).isEmpty(), qPrintable(mnemonicClashes(save).join(u"; "_s)));
    QVERIFY2(withoutToolTips(save).isEmpty(), qPrintable(withoutToolTips(save).join(u"; "_s)));

    // The panel's new controls: the environment picker, Save to collection, the Assertions tab.
    m_panel->requestEditor()->tabs()->setCurrentIndex(RequestEditor::AssertionsTab);
    QStringList missing = withoutToolTips(*m_panel->environmentPicker());
    missing += withoutToolTips(*m_panel->requestEditor()->assertionsEditor());
    if (m_panel->saveToCollectionButton()->toolTip().isEmpty())
        missing.append(u"Save to collection"_s);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u"; "_s)));
    QVERIFY(!m_panel->requestEditor()->tabs()->tabToolTip(RequestEditor::AssertionsTab).isEmpty());
}

// The tab as the README shows it: an environment chosen, the Assertions tab open, and
// the results of a send beside the response.
void TestHttpEnvironments::screenshot()
{
    Environment prod{u"prod"_s, {}};
    prod.set({u"host"_s, u"api.example.com"_s, false});
    prod.set({u"token"_s, {}, true});
    loadShop({dev(), prod},
             {assertion(Assertion::Subject::Status, {}, Assertion::Check::Equals, 200),
              assertion(Assertion::Subject::Header, u"Content-Type"_s, Assertion::Check::Matches, u"^application/json"_s),
              assertion(Assertion::Subject::Json, u"$.items[0].id"_s, Assertion::Check::Equals, 1),
              assertion(Assertion::Subject::Json, u"$.count"_s, Assertion::Check::Equals, 2),
              assertion(Assertion::Subject::Time, {}, Assertion::Check::Below, 500)});
    choose(u"dev"_s);
    m_panel->requestEditor()->headersModel()->addHeader(u"Authorization"_s, u"Bearer {{token}}"_s);
    m_panel->requestEditor()->tabs()->setCurrentIndex(RequestEditor::AssertionsTab);
    AssertionResultsView *results = m_panel->responseView()->assertionResults();
    QSignalSpy checked(results, &AssertionResultsView::checked);
    sendAndWait();
    QTRY_COMPARE(checked.count(), 1);
    QTRY_VERIFY(!m_panel->responseView()->isParsing());
    QCOMPARE(results->summaryLabel()->text(), u"4 passed, 1 failed"_s);
    m_panel->splitter()->setSizes({290, 450, 540});

    const QString file = qEnvironmentVariable("PASARELA_ENV_SCREENSHOT");
    if (!file.isEmpty())
        QVERIFY(m_panel->grab().save(file));
}

QTEST_MAIN(TestHttpEnvironments)
#include "tst_httpenvironments.moc"
