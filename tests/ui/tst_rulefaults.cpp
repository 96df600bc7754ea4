// Faults per rule in the window (#19): the editor's Faults tab, the table's mark and
// Clear faults, on a started rule relaying to a real echo server.
#include <memory>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "checks.h"
#include "enginehelpers.h"
#include "relay/forwardengine.h"
#include "rules/faultseditor.h"
#include "rules/faulttext.h"
#include "rules/rulecontroller.h"
#include "rules/ruleeditordialog.h"
#include "rules/rulespanel.h"
#include "rules/ruletablemodel.h"
#include "targetserver.h"
#include "testsocket.h"

using namespace Qt::StringLiterals;
using namespace TestSupport;

namespace {

Fault fault(const char *text)
{
    const Result<Fault> parsed = Fault::parse(QString::fromLatin1(text));
    if (!parsed)
        qFatal("bad fault in the test: %s", qPrintable(parsed.error()));
    return parsed.value();
}

ForwardRule webRule(quint16 listenPort = 18080)
{
    ForwardRule rule;
    rule.name = QStringLiteral("web");
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), listenPort};
    rule.target = Endpoint{QStringLiteral("10.1.1.1"), 80};
    rule.enabled = false;
    return rule;
}

template<typename T>
T *child(QWidget &parent, const QString &name)
{
    return parent.findChild<T *>(name);
}

// Selects what a box holds and types over it, as a user would.
void typeInto(QSpinBox *spin, const QString &text)
{
    QVERIFY(spin);
    QVERIFY2(spin->isEnabled(), qPrintable(spin->objectName()));
    spin->setFocus();
    QLineEdit *edit = spin->findChild<QLineEdit *>();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

void click(QAbstractButton *button)
{
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(6, button->height() / 2));
}

bool okEnabled(QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
}

// "letter: text" of every mnemonic the user can reach now: buttons and labels on show, tab titles.
QStringList visibleMnemonics(QDialog &dialog)
{
    QStringList found;
    const auto add = [&found](const QString &text) {
        if (const QChar letter = TestSupport::mnemonic(text); !letter.isNull())
            found.append(letter + QStringLiteral(": ") + text);
    };
    for (const QAbstractButton *button : dialog.findChildren<QAbstractButton *>()) {
        if (button->isVisible() && button->isEnabled())
            add(button->text());
    }
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->isVisible() && label->buddy())
            add(label->text());
    }
    for (const QTabBar *bar : dialog.findChildren<QTabBar *>()) {
        for (int tab = 0; tab < bar->count(); ++tab)
            add(bar->tabText(tab));
    }
    return found;
}

QStringList clashes(const QStringList &mnemonics)
{
    QStringList result;
    for (const QString &item : mnemonics) {
        for (const QString &other : mnemonics) {
            if (&item != &other && item.at(0) == other.at(0) && !result.contains(item))
                result.append(item);
        }
    }
    return result;
}

QTabWidget *showFaultsTab(RuleEditorDialog &dialog)
{
    auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("tabs"));
    if (tabs)
        tabs->setCurrentWidget(dialog.findChild<FaultsEditor *>());
    return tabs;
}

QJsonArray savedRules(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("rules")).toArray();
}

// One echo round trip's time in ms, or -1 when it failed.
qint64 timedRoundTrip(const Socket &socket, const QByteArray &payload)
{
    QElapsedTimer timer;
    timer.start();
    return echoRoundTrip(socket, payload) ? timer.elapsed() : -1;
}

} // namespace

class TestRuleFaults final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void describesFaultsInWords_data();
    void describesFaultsInWords();
    void editorSetsFaults();
    void editorShowsRuleFaults();
    void untouchedRowsKeepTheirValues();
    void extraFaultsKept();
    void emptyValueNamesTheField();
    void udpRuleHasNoFaults();
    void everyRowExplainsItself();
    void mnemonicsDoNotClash();

    void editChangesStartedRuleLive();
    void clearAllFaults();
};

void TestRuleFaults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRuleFaults::describesFaultsInWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("words");
    QTest::newRow("latency") << u"latency=200ms"_s << u"Latency 200 ms, on responses"_s;
    QTest::newRow("jitter up") << u"latency=1s,jitter=100ms,up"_s << u"Latency 1000 ms ± 100 ms, on requests"_s;
    QTest::newRow("bandwidth") << u"bandwidth=2MiB/s,both"_s
                               << u"Bandwidth at most 2048 KiB/s, on requests and responses"_s;
    QTest::newRow("reset bytes") << u"reset=100"_s << u"Reset after 100 bytes of responses"_s;
    QTest::newRow("reset bytes both") << u"reset=100,both"_s << u"Reset after 100 bytes either way"_s;
    QTest::newRow("reset time") << u"reset=300ms"_s << u"Reset 300 ms after connecting"_s;
    QTest::newRow("reset at once") << u"reset=0ms"_s << u"Reset as soon as connected"_s;
    QTest::newRow("timeout held") << u"timeout"_s << u"Timeout: nothing passes until the fault is cleared, on responses"_s;
    QTest::newRow("timeout") << u"timeout=5s,up"_s << u"Timeout: nothing passes, closed after 5000 ms, on requests"_s;
    QTest::newRow("slicer") << u"slice=64,delay=10ms"_s << u"Slicer: pieces of 64 bytes, 10 ms apart, on responses"_s;
    QTest::newRow("refuse half") << u"refuse=50%"_s << u"Refuse new connections (reset at once), on 50 % of connections"_s;
}

void TestRuleFaults::describesFaultsInWords()
{
    QFETCH(QString, text);
    QFETCH(QString, words);
    const Result<Fault> parsed = Fault::parse(text);
    QVERIFY_RESULT(parsed);
    QCOMPARE(FaultText::describe(parsed.value()), words);
}

// Tick a row, set its values: the rule gets that fault; untick: it goes.
void TestRuleFaults::editorSetsFaults()
{
    RuleEditorDialog dialog(webRule(), {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTabWidget *tabs = showFaultsTab(dialog);
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(1), QStringLiteral("Fault&s"));
    QVERIFY(dialog.rule().faults.isEmpty());
    // Off rows cannot be edited.
    QVERIFY(!child<QSpinBox>(dialog, u"latencyMs"_s)->isEnabled());

    click(child<QCheckBox>(dialog, u"latencyFault"_s));
    typeInto(child<QSpinBox>(dialog, u"latencyMs"_s), u"300"_s);
    typeInto(child<QSpinBox>(dialog, u"latencyJitterMs"_s), u"40"_s);
    click(child<QCheckBox>(dialog, u"bandwidthFault"_s));
    typeInto(child<QSpinBox>(dialog, u"bandwidthKibPerS"_s), u"256"_s);
    auto *direction = child<QComboBox>(dialog, u"bandwidthDirection"_s);
    direction->setCurrentIndex(direction->findData(int(FaultDirection::Up)));
    typeInto(child<QSpinBox>(dialog, u"bandwidthToxicity"_s), u"50"_s);
    click(child<QCheckBox>(dialog, u"resetFault"_s));
    child<QComboBox>(dialog, u"resetBy"_s)->setCurrentIndex(1);
    // A reset by time acts both ways: no direction to pick.
    QVERIFY(!child<QComboBox>(dialog, u"resetDirection"_s)->isEnabled());
    typeInto(child<QSpinBox>(dialog, u"resetAfterMs"_s), u"1500"_s);
    click(child<QCheckBox>(dialog, u"timeoutFault"_s));
    QCOMPARE(child<QSpinBox>(dialog, u"timeoutAfterMs"_s)->text(), u"held until cleared"_s);
    click(child<QCheckBox>(dialog, u"slicerFault"_s));
    typeInto(child<QSpinBox>(dialog, u"slicerBytes"_s), u"8"_s);
    typeInto(child<QSpinBox>(dialog, u"slicerDelayMs"_s), u"5"_s);
    click(child<QCheckBox>(dialog, u"refuseFault"_s));
    typeInto(child<QSpinBox>(dialog, u"refuseToxicity"_s), u"30"_s);

    QVERIFY2(okEnabled(dialog), qPrintable(dialog.validationError()));
    QCOMPARE(faultsText(dialog.rule().faults),
             u"latency=300ms,jitter=40ms; bandwidth=256,up,toxicity=0.5; reset=1500ms; timeout; "
             "slice=8,delay=5ms; refuse,toxicity=0.3"_s);
    QCOMPARE(tabs->tabText(1), QStringLiteral("Fault&s (6)"));
    QVERIFY_RESULT(dialog.rule().validate());

    // Back to bytes: the direction is back, and so is the byte count.
    child<QComboBox>(dialog, u"resetBy"_s)->setCurrentIndex(0);
    QVERIFY(child<QComboBox>(dialog, u"resetDirection"_s)->isEnabled());
    QVERIFY(faultsText(dialog.rule().faults).contains(u"; reset=4KiB; "_s));

    for (const char *name : {"bandwidthFault", "resetFault", "timeoutFault", "slicerFault", "refuseFault"})
        click(child<QCheckBox>(dialog, QString::fromLatin1(name)));
    QCOMPARE(faultsText(dialog.rule().faults), u"latency=300ms,jitter=40ms"_s);
    click(child<QPushButton>(dialog, u"removeAllFaults"_s));
    QVERIFY(dialog.rule().faults.isEmpty());
    QVERIFY(!child<QCheckBox>(dialog, u"latencyFault"_s)->isChecked());
    QVERIFY(!child<QPushButton>(dialog, u"removeAllFaults"_s)->isEnabled());
    QVERIFY(!dialog.rule().toJson().contains(u"faults"_s));
}

// A rule's faults fill their rows. PASARELA_FAULTS_SCREENSHOT=FILE.png saves the
// dialog on its Faults tab there (docs/faults.png).
void TestRuleFaults::editorShowsRuleFaults()
{
    ForwardRule rule = webRule();
    rule.name = u"orders api"_s;
    rule.target = Endpoint{u"192.168.49.2"_s, 80};
    rule.faults = {fault("latency=250ms,jitter=50ms"), fault("bandwidth=64,both"), fault("reset=16KiB,up,toxicity=25%"),
                   fault("refuse,toxicity=10%")};
    RuleEditorDialog dialog(rule, {});
    dialog.setWindowTitle(u"Edit rule"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTabWidget *tabs = showFaultsTab(dialog);
    QCOMPARE(tabs->tabText(1), QStringLiteral("Fault&s (4)"));
    QVERIFY(child<QCheckBox>(dialog, u"latencyFault"_s)->isChecked());
    QCOMPARE(child<QSpinBox>(dialog, u"latencyMs"_s)->value(), 250);
    QCOMPARE(child<QSpinBox>(dialog, u"latencyJitterMs"_s)->value(), 50);
    QCOMPARE(child<QComboBox>(dialog, u"latencyDirection"_s)->currentData().toInt(), int(FaultDirection::Down));
    QCOMPARE(child<QSpinBox>(dialog, u"bandwidthKibPerS"_s)->value(), 64);
    QCOMPARE(child<QComboBox>(dialog, u"bandwidthDirection"_s)->currentText(), u"both ways"_s);
    QCOMPARE(child<QComboBox>(dialog, u"resetBy"_s)->currentIndex(), 0);
    QCOMPARE(child<QSpinBox>(dialog, u"resetAfterBytes"_s)->value(), 16384);
    QCOMPARE(child<QComboBox>(dialog, u"resetDirection"_s)->currentText(), u"requests (up)"_s);
    QCOMPARE(child<QSpinBox>(dialog, u"resetToxicity"_s)->value(), 25);
    QVERIFY(!child<QCheckBox>(dialog, u"timeoutFault"_s)->isChecked());
    QVERIFY(!child<QSpinBox>(dialog, u"timeoutAfterMs"_s)->isEnabled());
    QVERIFY(!child<QCheckBox>(dialog, u"slicerFault"_s)->isChecked());
    QCOMPARE(child<QSpinBox>(dialog, u"refuseToxicity"_s)->value(), 10);
    QVERIFY(!child<QLabel>(dialog, u"faultsKept"_s)->isVisible());
    QVERIFY(okEnabled(dialog));
    QCOMPARE(dialog.rule().toJson(), rule.toJson());
    QCOMPARE(child<QLabel>(dialog, u"faultsSummary"_s)->text(),
             u"What the clients get:\n"
             "• Latency 250 ms ± 50 ms, on responses\n"
             "• Bandwidth at most 64 KiB/s, on requests and responses\n"
             "• Reset after 16384 bytes of requests, on 25 % of connections\n"
             "• Refuse new connections (reset at once), on 10 % of connections\n"
             "As text: latency=250ms,jitter=50ms; bandwidth=64,both; reset=16KiB,up,toxicity=0.25; refuse,toxicity=0.1"_s);

    const QString screenshot = qEnvironmentVariable("PASARELA_FAULTS_SCREENSHOT");
    if (!screenshot.isEmpty())
        QVERIFY(dialog.grab().save(screenshot));
}

// What the boxes cannot show exactly (a toxicity of 1/3) is given back as read
// while the row is left alone; a change to the row writes what it shows.
void TestRuleFaults::untouchedRowsKeepTheirValues()
{
    ForwardRule rule = webRule();
    Fault third = fault("latency=100ms");
    third.toxicity = 1.0 / 3;
    rule.faults = {third};
    RuleEditorDialog dialog(rule, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    showFaultsTab(dialog);
    QCOMPARE(child<QSpinBox>(dialog, u"latencyToxicity"_s)->value(), 33);
    QCOMPARE(dialog.rule().faults.constFirst().toxicity, 1.0 / 3);

    typeInto(child<QSpinBox>(dialog, u"latencyMs"_s), u"120"_s);
    QCOMPARE(faultsText(dialog.rule().faults), u"latency=120ms,toxicity=0.33"_s);
    typeInto(child<QSpinBox>(dialog, u"latencyMs"_s), u"100"_s);
    QCOMPARE(dialog.rule().faults.constFirst().toxicity, 1.0 / 3);
}

// A file may give a rule two latencies: the first is edited, the second kept in its
// place and said so; Remove all removes it too.
void TestRuleFaults::extraFaultsKept()
{
    ForwardRule rule = webRule();
    Fault huge = fault("reset=4GiB");
    rule.faults = {fault("latency=100ms"), fault("latency=5ms,up"), huge, fault("refuse")};
    RuleEditorDialog dialog(rule, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    showFaultsTab(dialog);
    auto *kept = child<QLabel>(dialog, u"faultsKept"_s);
    QVERIFY(kept->isVisible());
    QVERIFY2(kept->text().contains(u"faults this tab does not show: latency=5ms,up; "_s + huge.toText() + u". "_s),
             qPrintable(kept->text()));
    // Too big for the row's box: kept, and the row stays off.
    QVERIFY(!child<QCheckBox>(dialog, u"resetFault"_s)->isChecked());
    QCOMPARE(dialog.rule().toJson(), rule.toJson());

    typeInto(child<QSpinBox>(dialog, u"latencyMs"_s), u"150"_s);
    click(child<QCheckBox>(dialog, u"refuseFault"_s));
    click(child<QCheckBox>(dialog, u"slicerFault"_s));
    QCOMPARE(faultsText(dialog.rule().faults),
             u"latency=150ms; latency=5ms,up; "_s + huge.toText() + u"; slice=64,delay=10ms"_s);

    click(child<QPushButton>(dialog, u"removeAllFaults"_s));
    QVERIFY(!kept->isVisible());
    QVERIFY(dialog.rule().faults.isEmpty());
    QVERIFY(okEnabled(dialog));
}

// An emptied value keeps OK off and says which, on the Faults tab, marked on its title.
void TestRuleFaults::emptyValueNamesTheField()
{
    RuleEditorDialog dialog(webRule(), {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTabWidget *tabs = showFaultsTab(dialog);
    click(child<QCheckBox>(dialog, u"slicerFault"_s));
    QVERIFY(okEnabled(dialog));
    QVERIFY(tabs->tabIcon(1).isNull());

    typeInto(child<QSpinBox>(dialog, u"slicerBytes"_s), QString());
    QVERIFY(!okEnabled(dialog));
    auto *error = child<QLabel>(dialog, u"faultsError"_s);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), u"Slice size: enter a number, 1-65536."_s);
    QCOMPARE(dialog.validationError(), error->text());
    QVERIFY(!tabs->tabIcon(1).isNull());
    QVERIFY(tabs->tabIcon(0).isNull());

    typeInto(child<QSpinBox>(dialog, u"slicerBytes"_s), u"100"_s);
    QVERIFY(okEnabled(dialog));
    QVERIFY(!error->isVisible());
    QVERIFY(tabs->tabIcon(1).isNull());
}

// Faults are for TCP: on UDP the rows are off; a set one says why OK is off and can
// still be turned off.
void TestRuleFaults::udpRuleHasNoFaults()
{
    ForwardRule rule = webRule();
    rule.faults = {fault("latency=100ms")};
    RuleEditorDialog dialog(rule, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *protocol = child<QComboBox>(dialog, u"protocol"_s);
    protocol->setCurrentIndex(protocol->findData(int(Transport::Udp)));
    QVERIFY(!okEnabled(dialog));
    auto *protocolError = child<QLabel>(dialog, u"protocolError"_s);
    QVERIFY(protocolError->isVisible());
    QCOMPARE(protocolError->text(), u"Faults are for TCP rules only: turn them off on the Faults tab, or choose TCP."_s);

    showFaultsTab(dialog);
    QVERIFY(child<QLabel>(dialog, u"faultsTcpOnly"_s)->isVisible());
    QVERIFY(!child<QCheckBox>(dialog, u"bandwidthFault"_s)->isEnabled());
    QVERIFY(!child<QSpinBox>(dialog, u"latencyMs"_s)->isEnabled());
    auto *latency = child<QCheckBox>(dialog, u"latencyFault"_s);
    QVERIFY(latency->isEnabled());
    click(latency);
    QVERIFY2(okEnabled(dialog), qPrintable(dialog.validationError()));
    QVERIFY(!latency->isEnabled());
    QVERIFY(dialog.rule().faults.isEmpty());
    COMPARE_NAMED(dialog.rule().transport, Transport::Udp);

    protocol->setCurrentIndex(protocol->findData(int(Transport::Tcp)));
    QVERIFY(latency->isEnabled());
    QVERIFY(!child<QLabel>(dialog, u"faultsTcpOnly"_s)->isVisible());
}

// Each check box says in plain words what the client will see; each value box has a
// name and a tooltip.
void TestRuleFaults::everyRowExplainsItself()
{
    RuleEditorDialog dialog(webRule(), {});
    const QStringList rows{u"latency"_s, u"bandwidth"_s, u"reset"_s, u"timeout"_s, u"slicer"_s, u"refuse"_s};
    for (const QString &row : rows) {
        auto *box = child<QCheckBox>(dialog, row + u"Fault"_s);
        QVERIFY2(box, qPrintable(row));
        QVERIFY2(box->toolTip().contains(u"The client sees"_s), qPrintable(box->toolTip()));
        auto *toxicity = child<QSpinBox>(dialog, row + u"Toxicity"_s);
        QVERIFY2(toxicity && toxicity->toolTip().contains(u"share of connections"_s), qPrintable(row));
        QCOMPARE(toxicity->suffix(), u" %"_s);
        QCOMPARE(child<QComboBox>(dialog, row + u"Direction"_s) != nullptr, row != u"refuse"_s);
    }
    auto *faults = dialog.findChild<FaultsEditor *>();
    for (const QSpinBox *spin : faults->findChildren<QSpinBox *>()) {
        QVERIFY2(!spin->objectName().isEmpty(), qPrintable(spin->accessibleName()));
        QVERIFY2(!spin->toolTip().isEmpty() && !spin->accessibleName().isEmpty(), qPrintable(spin->objectName()));
    }
    for (const QComboBox *combo : faults->findChildren<QComboBox *>())
        QVERIFY2(!combo->toolTip().isEmpty() && !combo->accessibleName().isEmpty(), qPrintable(combo->objectName()));
}

// On each tab, no two things the user can reach with Alt+letter share the letter.
void TestRuleFaults::mnemonicsDoNotClash()
{
    ForwardRule rule = webRule();
    rule.faults = {fault("latency=100ms")};
    rule.origin.context = u"minikube"_s;  // Follow the cluster is on offer
    rule.origin.service = u"web"_s;
    RuleEditorDialog dialog(rule, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = dialog.findChild<QTabWidget *>(u"tabs"_s);
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 2);
    QStringList all;
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        const QStringList mnemonics = visibleMnemonics(dialog);
        QVERIFY2(mnemonics.size() >= 9, qPrintable(mnemonics.join(u", ")));
        QVERIFY2(clashes(mnemonics).isEmpty(), qPrintable(clashes(mnemonics).join(u", ")));
        all += mnemonics;
    }
    // Alt+S opens the Faults tab from the first one (shortcuts go to the active window).
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    tabs->setCurrentIndex(0);
    QTest::keyClick(&dialog, Qt::Key_S, Qt::AltModifier);
    QCOMPARE(tabs->currentIndex(), 1);
    QTest::keyClick(&dialog, Qt::Key_G, Qt::AltModifier);
    QCOMPARE(tabs->currentIndex(), 0);
}

// The whole path a user takes on a started rule with an open connection: Edit, tick
// Latency, OK. The rule changes in place (the connection stays, the rule is not
// restarted) and its answers now wait; the table marks it; Clear faults takes them
// off the same way, and the rules file follows.
void TestRuleFaults::editChangesStartedRuleLive()
{
    TargetServer echo(TargetServer::echo());
    QVERIFY(echo.port());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"rules.json"_s);
    ForwardEngine engine(1);
    RuleController controller(&engine, path);
    QVERIFY_RESULT(controller.load());
    RulesPanel panel(&controller);
    QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const quint16 listenPort = freePort();
    const Result<RuleId> added = controller.addRule(makeRule(u"web"_s, listenPort, echo.port()));
    QVERIFY_RESULT(added);
    const RuleId id = added.value();
    QVERIFY(waitForState(engine, id, RuleState::Listening));
    panel.view()->selectRow(0);
    QCOMPARE(panel.selectedRule(), id);
    QAction *clear = panel.clearFaultsAction();
    QVERIFY(!clear->isEnabled());
    QCOMPARE(clear->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QVERIFY(clear->toolTip().contains(u"Ctrl+Shift+F"_s));
    QVERIFY(panel.view()->actions().contains(clear));

    Socket client = connectTcp(listenPort);
    QVERIFY(client.isValid());
    const qint64 before = timedRoundTrip(client, QByteArrayLiteral("before"));
    QVERIFY(before >= 0);
    QVERIFY2(before < 200, qPrintable(QString::number(before)));
    QTRY_COMPARE(ruleStats(engine, id).active, quint64(1));

    const QModelIndex name = panel.model()->index(0, RuleTableModel::Name);
    QVERIFY(name.data(Qt::DecorationRole).isNull());
    QVERIFY(name.data(Qt::BackgroundRole).isNull());
    QVERIFY(!name.data(RuleTableModel::FaultsRole).toBool());

    QSignalSpy states(&engine, &ForwardEngine::ruleStateChanged);
    QString shownTab;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<RuleEditorDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QTabWidget *tabs = showFaultsTab(*dialog);
        shownTab = tabs->tabText(tabs->currentIndex());
        click(child<QCheckBox>(*dialog, u"latencyFault"_s));
        typeInto(child<QSpinBox>(*dialog, u"latencyMs"_s), u"300"_s);
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY2(ok->isEnabled(), qPrintable(dialog->validationError()));
        click(ok);
    });
    QVERIFY(panel.editRule());
    QCOMPARE(shownTab, u"Fault&s"_s);

    // In the engine, in place.
    QCOMPARE(faultsText(engine.rule(id).faults), u"latency=300ms"_s);
    COMPARE_NAMED(engine.ruleState(id), RuleState::Listening);
    QCOMPARE(states.count(), 0);
    // The answer waited the latency, at least.
    const qint64 slowed = timedRoundTrip(client, QByteArrayLiteral("after"));
    QVERIFY2(slowed >= 300, qPrintable(QString::number(slowed)));
    QCOMPARE(echo.acceptedCount(), 1);
    QCOMPARE(ruleStats(engine, id).total, quint64(1));

    // In the rules file.
    QJsonArray rules = savedRules(path);
    QCOMPARE(rules.size(), 1);
    QCOMPARE(rules.at(0).toObject().value(u"faults"_s).toArray(),
             (QJsonArray{QJsonObject{{u"type"_s, u"latency"_s}, {u"latencyMs"_s, 300}}}));

    // In the table.
    QVERIFY(name.data(RuleTableModel::FaultsRole).toBool());
    QVERIFY(!name.data(Qt::DecorationRole).value<QIcon>().isNull());
    const QColor amber = name.data(Qt::BackgroundRole).value<QColor>();
    const QColor text = name.data(Qt::ForegroundRole).value<QColor>();
    QVERIFY(amber.isValid() && text.isValid());
    // Amber, and dark text on it whatever the palette.
    QVERIFY2(amber.red() > 200 && amber.green() > 150 && amber.blue() < 160, qPrintable(amber.name()));
    QVERIFY2(amber.lightness() - text.lightness() > 120, qPrintable(amber.name() + u' ' + text.name()));
    const QString tip = name.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(u"web\nFaults injected on purpose:\n• Latency 300 ms, on responses\nAs text: latency=300ms"_s),
             qPrintable(tip));
    QVERIFY(panel.model()->index(0, RuleTableModel::Listen).data(Qt::BackgroundRole).isNull());
    QVERIFY(clear->isEnabled());

    // Clear faults: the same path back.
    clear->trigger();
    QVERIFY(engine.rule(id).faults.isEmpty());
    QCOMPARE(states.count(), 0);
    const qint64 after = timedRoundTrip(client, QByteArrayLiteral("cleared"));
    QVERIFY(after >= 0);
    QVERIFY2(after < 200, qPrintable(QString::number(after)));
    QCOMPARE(echo.acceptedCount(), 1);
    QVERIFY(name.data(Qt::DecorationRole).isNull());
    QVERIFY(name.data(Qt::BackgroundRole).isNull());
    QCOMPARE(name.data(Qt::ToolTipRole).toString(), u"web"_s);
    QVERIFY(!clear->isEnabled());
    rules = savedRules(path);
    QCOMPARE(rules.size(), 1);
    QVERIFY(!rules.at(0).toObject().contains(u"faults"_s));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("faults"));
}

// Clear faults of all rules: for a user who left faults on several rules, stopped ones too.
void TestRuleFaults::clearAllFaults()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"rules.json"_s);
    ForwardEngine engine(1);
    RuleController controller(&engine, path);
    QVERIFY_RESULT(controller.load());
    RulesPanel panel(&controller);
    QList<QAction *> actions = panel.faultActions();
    QCOMPARE(actions.size(), 2);
    QAction *clearAll = actions.at(1);
    QVERIFY(!clearAll->isEnabled());

    ForwardRule slow = webRule(freePort());
    slow.name = u"slow"_s;
    slow.faults = {fault("latency=100ms")};
    ForwardRule broken = webRule(freePort());
    broken.name = u"broken"_s;
    broken.faults = {fault("reset=1KiB"), fault("refuse")};
    ForwardRule plain = webRule(freePort());
    plain.name = u"plain"_s;
    for (const ForwardRule &rule : {slow, broken, plain})
        QVERIFY_RESULT(controller.addRule(rule));
    QVERIFY(clearAll->isEnabled());
    QVERIFY(!panel.clearFaultsAction()->isEnabled());  // nothing selected
    panel.view()->selectRow(2);
    QVERIFY(!panel.clearFaultsAction()->isEnabled());  // "plain" has none
    panel.view()->selectRow(1);
    QVERIFY(panel.clearFaultsAction()->isEnabled());
    QVERIFY(savedRules(path).at(1).toObject().contains(u"faults"_s));
    for (int row = 0; row < 2; ++row)
        QVERIFY(panel.model()->index(row, RuleTableModel::Name).data(RuleTableModel::FaultsRole).toBool());

    clearAll->trigger();
    for (const RuleId id : controller.ruleIds())
        QVERIFY(controller.rule(id).faults.isEmpty());
    for (int row = 0; row < 3; ++row)
        QVERIFY(!panel.model()->index(row, RuleTableModel::Name).data(RuleTableModel::FaultsRole).toBool());
    QVERIFY(!clearAll->isEnabled());
    QVERIFY(!panel.clearFaultsAction()->isEnabled());
    const QJsonArray rules = savedRules(path);
    QCOMPARE(rules.size(), 3);
    for (const QJsonValue &rule : rules)
        QVERIFY(!rule.toObject().contains(u"faults"_s));
}

QTEST_MAIN(TestRuleFaults)
#include "tst_rulefaults.moc"
