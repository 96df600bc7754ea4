#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

#include "checks.h"
#include "rules/ruleeditordialog.h"
#include "translations.h"

namespace {

ForwardRule otherRule(const QString &name, quint16 port, bool enabled = true)
{
    ForwardRule rule;
    rule.name = name;
    rule.listen = Endpoint{QStringLiteral("127.0.0.1"), port};
    rule.target = Endpoint{QStringLiteral("10.1.1.1"), 80};
    rule.enabled = enabled;
    return rule;
}

} // namespace

class TestRuleEditorDialog final : public QObject
{
    Q_OBJECT

private slots:
    void validInputEnablesOk();
    void ruleReturnsEnteredValues();
    void badInputNamesTheField_data();
    void badInputNamesTheField();
    void portAbove65535CannotBeTyped_data();
    void portAbove65535CannotBeTyped();
    void duplicateListenAddress();
    void duplicateName();
    void editingKeepsOtherFields();
    void inspectHttpSetOnlyWhenChanged_data();
    void inspectHttpSetOnlyWhenChanged();
    void enterAcceptsOnlyWhenValid();
    void escapeCancels();
    void listenChoices();
    void fallbackTargetsProtocolAndFollowing();
    void spanishMessagesStillNameTheField_data();
    void spanishMessagesStillNameTheField();

private:
    static QWidget *field(QWidget &dialog, const char *name);
    static void replaceText(QWidget &dialog, const char *name, const QString &text);
    static bool okEnabled(QWidget &dialog);
    static QStringList visibleErrors(QWidget &dialog);
    static void fillValid(QWidget &dialog);
};

QWidget *TestRuleEditorDialog::field(QWidget &dialog, const char *name)
{
    return dialog.findChild<QWidget *>(QString::fromLatin1(name));
}

// Selects what the field holds and types over it, as a user would.
void TestRuleEditorDialog::replaceText(QWidget &dialog, const char *name, const QString &text)
{
    QWidget *widget = field(dialog, name);
    QVERIFY2(widget, name);
    QWidget *target = widget;
    if (auto *combo = qobject_cast<QComboBox *>(widget))
        target = combo->lineEdit();
    widget->setFocus();
    QTest::keyClick(target, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(target, Qt::Key_Backspace);
    else
        QTest::keyClicks(target, text);
}

bool TestRuleEditorDialog::okEnabled(QWidget &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
}

// "objectName: text" of each error message on screen.
QStringList TestRuleEditorDialog::visibleErrors(QWidget &dialog)
{
    QStringList result;
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->objectName().endsWith(QLatin1String("Error")) && label->isVisible())
            result.append(label->objectName() % QStringLiteral(": ") % label->text());
    }
    return result;
}

void TestRuleEditorDialog::fillValid(QWidget &dialog)
{
    replaceText(dialog, "name", QStringLiteral("web"));
    replaceText(dialog, "listenPort", QStringLiteral("8080"));
    replaceText(dialog, "targetHost", QStringLiteral("192.168.49.2"));
    replaceText(dialog, "targetPort", QStringLiteral("80"));
}

void TestRuleEditorDialog::validInputEnablesOk()
{
    RuleEditorDialog dialog(ForwardRule{}, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Rule"));

    // A new rule starts incomplete: OK is off and the first missing field says so.
    QVERIFY(!okEnabled(dialog));
    QVERIFY(!dialog.validationError().isEmpty());
    QCOMPARE(visibleErrors(dialog).size(), 1);
    QVERIFY2(visibleErrors(dialog).constFirst().startsWith(QStringLiteral("nameError: ")), qPrintable(visibleErrors(dialog).join(u'\n')));

    fillValid(dialog);
    QVERIFY2(okEnabled(dialog), qPrintable(dialog.validationError()));
    QCOMPARE(dialog.validationError(), QString());
    QCOMPARE(visibleErrors(dialog), QStringList());
    // A new rule listens on loopback only unless the user picks otherwise.
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("exposedWarning"))->isVisible());
    QVERIFY2(qobject_cast<QComboBox *>(field(dialog, "listenHost"))->currentText().startsWith(QStringLiteral("127.0.0.1")),
             qPrintable(qobject_cast<QComboBox *>(field(dialog, "listenHost"))->currentText()));
    QCOMPARE(dialog.rule().listen, (Endpoint{QStringLiteral("127.0.0.1"), 8080}));
}

void TestRuleEditorDialog::ruleReturnsEnteredValues()
{
    RuleEditorDialog dialog(ForwardRule{}, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValid(dialog);
    replaceText(dialog, "listenHost", QStringLiteral("0.0.0.0"));
    replaceText(dialog, "targetHost", QStringLiteral("ingress.local"));
    QWidget *allow = field(dialog, "allow");
    QTest::keyClicks(allow, QStringLiteral("10.0.0.0/8, 192.168.1.0/24"));
    QTest::keyClick(allow, Qt::Key_Return);
    QTest::keyClicks(allow, QStringLiteral("172.16.0.1"));
    replaceText(dialog, "maxConnections", QStringLiteral("50"));
    replaceText(dialog, "connectTimeout", QStringLiteral("1500"));
    replaceText(dialog, "idleTimeout", QStringLiteral("60"));
    QVERIFY2(okEnabled(dialog), qPrintable(dialog.validationError()));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("exposedWarning"))->isVisible());

    const ForwardRule rule = dialog.rule();
    QCOMPARE(rule.name, QStringLiteral("web"));
    QCOMPARE(rule.listen, (Endpoint{QStringLiteral("0.0.0.0"), 8080}));
    QCOMPARE(rule.target, (Endpoint{QStringLiteral("ingress.local"), 80}));
    QCOMPARE(rule.allow, (QStringList{QStringLiteral("10.0.0.0/8"), QStringLiteral("192.168.1.0/24"), QStringLiteral("172.16.0.1")}));
    QCOMPARE(rule.maxConnections, 50);
    QCOMPARE(rule.connectTimeoutMs, 1500);
    QCOMPARE(rule.idleTimeoutS, 60);

    // Back to loopback: no warning. Idle 0 reads "off".
    replaceText(dialog, "listenHost", QStringLiteral("::1"));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("exposedWarning"))->isVisible());
    QCOMPARE(dialog.rule().listen.host, QStringLiteral("::1"));
    auto *idle = qobject_cast<QSpinBox *>(field(dialog, "idleTimeout"));
    idle->setValue(0);
    QCOMPARE(idle->text(), QStringLiteral("off"));
    QCOMPARE(dialog.rule().idleTimeoutS, 0);
    QVERIFY(okEnabled(dialog));
}

void TestRuleEditorDialog::badInputNamesTheField_data()
{
    QTest::addColumn<QString>("fieldName");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("target port empty") << "targetPort" << "" << "port";
    QTest::newRow("target port 0") << "targetPort" << "0" << "port";
    QTest::newRow("listen port empty") << "listenPort" << "" << "port";
    QTest::newRow("listen port 0") << "listenPort" << "0" << "port";
    QTest::newRow("bad cidr v6") << "allow" << "fd00::/129" << "\"fd00::/129\": prefix length must be 0-128";
    QTest::newRow("bad cidr address") << "allow" << "10.0.0.256/8" << "\"10.0.0.256/8\"";
    QTest::newRow("max connections 0") << "maxConnections" << "0" << "1-1000000";
    QTest::newRow("bad target host") << "targetHost" << "bad host!" << "\"bad host!\" is not a valid host name";
    QTest::newRow("empty target host") << "targetHost" << "" << "host";
    QTest::newRow("bad cidr") << "allow" << "10.0.0.0/33" << "\"10.0.0.0/33\": prefix length must be 0-32";
    QTest::newRow("bad cidr among good") << "allow" << "10.0.0.0/8,300.1.1.1" << "\"300.1.1.1\"";
    QTest::newRow("listen host name") << "listenHost" << "myhost" << "\"myhost\" is not an IP address";
    QTest::newRow("empty name") << "name" << "" << "name";
    QTest::newRow("max connections empty") << "maxConnections" << "" << "Enter a number, 1-1000000";
    QTest::newRow("fallback without port") << "moreTargets" << "192.168.49.3" << "\"192.168.49.3\" has no port";
    QTest::newRow("fallback bad among good") << "moreTargets" << "192.168.49.3:80, bad!:80" << "\"bad!\" is not a valid host name";
    QTest::newRow("fallback repeats target") << "moreTargets" << "192.168.49.2:80" << "listed twice";
}

void TestRuleEditorDialog::badInputNamesTheField()
{
    QFETCH(QString, fieldName);
    QFETCH(QString, text);
    QFETCH(QString, message);

    RuleEditorDialog dialog(ForwardRule{}, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValid(dialog);
    QVERIFY(okEnabled(dialog));

    const QByteArray name = fieldName.toLatin1();
    replaceText(dialog, name.constData(), text);
    QVERIFY(!okEnabled(dialog));
    const QStringList errors = visibleErrors(dialog);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().startsWith(fieldName % QStringLiteral("Error: ")), qPrintable(errors.constFirst()));
    QVERIFY2(errors.constFirst().contains(message, Qt::CaseInsensitive), qPrintable(errors.constFirst()));
    QVERIFY(dialog.validationError().contains(message, Qt::CaseInsensitive));

    // Putting the valid value back clears the message and re-enables OK.
    fillValid(dialog);
    if (fieldName == QLatin1String("allow"))
        qobject_cast<QPlainTextEdit *>(field(dialog, "allow"))->clear();
    if (fieldName == QLatin1String("listenHost"))
        replaceText(dialog, "listenHost", QStringLiteral("127.0.0.1"));
    if (fieldName == QLatin1String("maxConnections"))
        replaceText(dialog, "maxConnections", QStringLiteral("10"));
    if (fieldName == QLatin1String("moreTargets"))
        replaceText(dialog, "moreTargets", QString());
    QVERIFY2(okEnabled(dialog), qPrintable(dialog.validationError()));
    QCOMPARE(visibleErrors(dialog), QStringList());
}

void TestRuleEditorDialog::portAbove65535CannotBeTyped_data()
{
    QTest::addColumn<QString>("fieldName");
    QTest::newRow("listen port") << "listenPort";
    QTest::newRow("target port") << "targetPort";
}

// The port boxes refuse the keystroke that would leave 1-65535, so 70000 never gets in.
void TestRuleEditorDialog::portAbove65535CannotBeTyped()
{
    QFETCH(QString, fieldName);

    RuleEditorDialog dialog(ForwardRule{}, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValid(dialog);
    const QByteArray name = fieldName.toLatin1();
    replaceText(dialog, name.constData(), QStringLiteral("70000"));
    auto *spin = qobject_cast<QSpinBox *>(field(dialog, name.constData()));
    QVERIFY(spin);
    QCOMPARE(spin->text(), QStringLiteral("7000"));
    const ForwardRule rule = dialog.rule();
    QCOMPARE(fieldName == QLatin1String("listenPort") ? rule.listen.port : rule.target.port, quint16(7000));
    QVERIFY2(okEnabled(dialog), qPrintable(dialog.validationError()));
}

void TestRuleEditorDialog::duplicateListenAddress()
{
    const QList<ForwardRule> others{otherRule(QStringLiteral("api"), 8080), otherRule(QStringLiteral("off"), 9090, false)};
    RuleEditorDialog dialog(ForwardRule{}, others);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValid(dialog);  // listens on 127.0.0.1:8080, as "api" does

    QVERIFY(!okEnabled(dialog));
    const QStringList errors = visibleErrors(dialog);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().startsWith(QStringLiteral("listenPortError: ")), qPrintable(errors.constFirst()));
    QVERIFY2(errors.constFirst().contains(QStringLiteral("both listen on 127.0.0.1:8080")), qPrintable(errors.constFirst()));
    QVERIFY(errors.constFirst().contains(QStringLiteral("\"api\"")));

    replaceText(dialog, "listenPort", QStringLiteral("8081"));
    QVERIFY2(okEnabled(dialog), qPrintable(dialog.validationError()));
    QCOMPARE(visibleErrors(dialog), QStringList());

    // A disabled rule holds no address.
    replaceText(dialog, "listenPort", QStringLiteral("9090"));
    QVERIFY(okEnabled(dialog));

    // The same socket written differently is still the same.
    replaceText(dialog, "listenPort", QStringLiteral("8080"));
    QVERIFY(!okEnabled(dialog));
    replaceText(dialog, "listenHost", QStringLiteral("0.0.0.0"));
    QVERIFY(okEnabled(dialog));
}

void TestRuleEditorDialog::duplicateName()
{
    RuleEditorDialog dialog(ForwardRule{}, {otherRule(QStringLiteral("web"), 7070)});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValid(dialog);
    QVERIFY(!okEnabled(dialog));
    const QStringList errors = visibleErrors(dialog);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().startsWith(QStringLiteral("nameError: ")), qPrintable(errors.constFirst()));
    QVERIFY(errors.constFirst().contains(QStringLiteral("same name")));
    replaceText(dialog, "name", QStringLiteral("web 2"));
    QVERIFY(okEnabled(dialog));
}

void TestRuleEditorDialog::editingKeepsOtherFields()
{
    ForwardRule existing = otherRule(QStringLiteral("db"), 5432, false);
    existing.listen.host = QStringLiteral("::1");
    existing.allow = {QStringLiteral("10.0.0.0/8")};
    existing.idleTimeoutS = 30;
    existing.extra.insert(QStringLiteral("comment"), QStringLiteral("from a newer version"));

    RuleEditorDialog dialog(existing, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(okEnabled(dialog));
    QCOMPARE(qobject_cast<QComboBox *>(field(dialog, "listenHost"))->currentData().toString(), QStringLiteral("::1"));
    QCOMPARE(qobject_cast<QSpinBox *>(field(dialog, "listenPort"))->value(), 5432);

    QCOMPARE(dialog.rule().toJson(), existing.toJson());
    replaceText(dialog, "targetPort", QStringLiteral("6543"));
    const ForwardRule edited = dialog.rule();
    QCOMPARE(edited.target.port, quint16(6543));
    QCOMPARE(edited.enabled, false);
    QCOMPARE(edited.extra, existing.extra);
    QCOMPARE(edited.allow, existing.allow);
}

void TestRuleEditorDialog::inspectHttpSetOnlyWhenChanged_data()
{
    QTest::addColumn<quint16>("targetPort");
    QTest::addColumn<int>("stored");  // -1 unset, 0 false, 1 true
    QTest::addColumn<bool>("shown");
    QTest::newRow("unset, port 80: on") << quint16(80) << -1 << true;
    QTest::newRow("unset, port 5432: off") << quint16(5432) << -1 << false;
    QTest::newRow("set off, port 80") << quint16(80) << 0 << false;
    QTest::newRow("set on, port 5432") << quint16(5432) << 1 << true;
}

void TestRuleEditorDialog::inspectHttpSetOnlyWhenChanged()
{
    QFETCH(quint16, targetPort);
    QFETCH(int, stored);
    QFETCH(bool, shown);
    ForwardRule existing = otherRule(QStringLiteral("web"), 8081);
    existing.target.port = targetPort;
    if (stored >= 0)
        existing.inspectHttp = stored == 1;

    RuleEditorDialog dialog(existing, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *box = dialog.findChild<QCheckBox *>(QStringLiteral("inspectHttp"));
    QVERIFY(box);
    QVERIFY(!box->toolTip().isEmpty());
    QCOMPARE(box->isChecked(), shown);
    // Untouched: the rule keeps what it had, unset included.
    QCOMPARE(dialog.rule().inspectHttp, existing.inspectHttp);
    QCOMPARE(dialog.rule().toJson(), existing.toJson());

    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
    QCOMPARE(box->isChecked(), !shown);
    QCOMPARE(dialog.rule().inspectHttp, std::optional<bool>(!shown));
    QCOMPARE(dialog.rule().inspectsHttp(), !shown);
}

void TestRuleEditorDialog::enterAcceptsOnlyWhenValid()
{
    RuleEditorDialog dialog(ForwardRule{}, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    replaceText(dialog, "name", QStringLiteral("web"));
    QTest::keyClick(field(dialog, "name"), Qt::Key_Return);
    QVERIFY(dialog.isVisible());

    fillValid(dialog);
    QTest::keyClick(field(dialog, "targetPort"), Qt::Key_Return);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    // Also from the editable address box, with a typed address.
    RuleEditorDialog second(ForwardRule{}, {});
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    fillValid(second);
    replaceText(second, "listenHost", QStringLiteral("::"));
    QCOMPARE(second.rule().listen.host, QStringLiteral("::"));
    QTest::keyClick(qobject_cast<QComboBox *>(field(second, "listenHost"))->lineEdit(), Qt::Key_Return);
    QVERIFY(!second.isVisible());
    QCOMPARE(second.result(), int(QDialog::Accepted));
    QCOMPARE(second.rule().listen.host, QStringLiteral("::"));
}

void TestRuleEditorDialog::escapeCancels()
{
    RuleEditorDialog dialog(ForwardRule{}, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValid(dialog);
    QTest::keyClick(field(dialog, "targetHost"), Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestRuleEditorDialog::listenChoices()
{
    const QList<QPair<QString, QString>> choices = RuleEditorDialog::listenChoices();
    QVERIFY(choices.size() >= 4);
    QCOMPARE(choices.at(0).first, QStringLiteral("127.0.0.1"));
    QCOMPARE(choices.at(1).first, QStringLiteral("::1"));
    QCOMPARE(choices.at(2).first, QStringLiteral("0.0.0.0"));
    QCOMPARE(choices.at(3).first, QStringLiteral("::"));
    for (const auto &choice : choices) {
        QVERIFY_RESULT(parseIpAddress(choice.first));
        QVERIFY(!choice.second.isEmpty());
    }

    RuleEditorDialog dialog(ForwardRule{}, {});
    auto *combo = qobject_cast<QComboBox *>(field(dialog, "listenHost"));
    QCOMPARE(combo->count(), choices.size());
    QVERIFY(combo->isEditable());
    combo->setCurrentIndex(2);
    QCOMPARE(dialog.rule().listen.host, QStringLiteral("0.0.0.0"));
    QVERIFY(combo->currentText().contains(choices.at(2).second));
}

void TestRuleEditorDialog::spanishMessagesStillNameTheField_data()
{
    QTest::addColumn<QString>("fieldName");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("bad cidr") << "allow" << "10.0.0.0/33" << "\"10.0.0.0/33\"";
    QTest::newRow("listen host name") << "listenHost" << "myhost" << "\"myhost\"";
    QTest::newRow("bad target host") << "targetHost" << "bad host!" << "\"bad host!\"";
    QTest::newRow("duplicate name") << "name" << "api" << "\"api\"";
    QTest::newRow("duplicate listen port") << "listenPort" << "7070" << "127.0.0.1:7070";
}

// The dialog finds the field in the core's message in the language it is shown in.
void TestRuleEditorDialog::spanishMessagesStillNameTheField()
{
    QFETCH(QString, fieldName);
    QFETCH(QString, text);
    QFETCH(QString, message);

    QVERIFY(Translations::install(QLocale(QLocale::Spanish, QLocale::Spain)));
    RuleEditorDialog dialog(ForwardRule{}, {otherRule(QStringLiteral("api"), 7070)});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValid(dialog);
    replaceText(dialog, fieldName.toLatin1().constData(), text);
    const QStringList errors = visibleErrors(dialog);
    Translations::install(QLocale(QLocale::English));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().startsWith(fieldName % QStringLiteral("Error: ")), qPrintable(errors.constFirst()));
    QVERIFY2(errors.constFirst().contains(message), qPrintable(errors.constFirst()));
    QVERIFY2(!errors.constFirst().contains(QStringLiteral("field")) && !errors.constFirst().contains(QStringLiteral("campo")),
             qPrintable(errors.constFirst()));
}

// The failover list, UDP and following the cluster are edited like the other fields.
void TestRuleEditorDialog::fallbackTargetsProtocolAndFollowing()
{
    RuleEditorDialog dialog(ForwardRule{}, {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillValid(dialog);
    auto *cooldown = qobject_cast<QSpinBox *>(field(dialog, "cooldown"));
    QVERIFY(!cooldown->isEnabled());  // nothing to fail over to yet
    replaceText(dialog, "moreTargets", QStringLiteral("192.168.49.3:30080,  [fd00::3]:30080"));
    QVERIFY(cooldown->isEnabled());
    replaceText(dialog, "cooldown", QStringLiteral("30"));
    auto *protocol = qobject_cast<QComboBox *>(field(dialog, "protocol"));
    auto *inspect = qobject_cast<QCheckBox *>(field(dialog, "inspectHttp"));
    QVERIFY(inspect->isChecked());  // port 80
    protocol->setCurrentIndex(protocol->findData(int(Transport::Udp)));
    QVERIFY(!inspect->isEnabled());
    QVERIFY(!inspect->isChecked());
    QVERIFY2(okEnabled(dialog), qPrintable(dialog.validationError()));

    const ForwardRule rule = dialog.rule();
    QCOMPARE(rule.targets(), (QList<Endpoint>{{QStringLiteral("192.168.49.2"), 80},
                                             {QStringLiteral("192.168.49.3"), 30080},
                                             {QStringLiteral("fd00::3"), 30080}}));
    QCOMPARE(rule.cooldownS, 30);
    QVERIFY(rule.transport == Transport::Udp);
    QVERIFY(!rule.followCluster.has_value());  // untouched: the rule's default stays

    // Following is for rules made from the cluster; it starts on and can be turned off.
    auto *plainFollow = qobject_cast<QCheckBox *>(field(dialog, "followCluster"));
    QVERIFY(!plainFollow->isEnabled());
    ForwardRule fromCluster = otherRule(QStringLiteral("web"), 31042);
    fromCluster.origin.service = QStringLiteral("web");
    fromCluster.moreTargets = {{QStringLiteral("10.1.1.2"), 80}};
    RuleEditorDialog edit(fromCluster, {});
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    QCOMPARE(qobject_cast<QLineEdit *>(field(edit, "moreTargets"))->text(), QStringLiteral("10.1.1.2:80"));
    auto *follow = qobject_cast<QCheckBox *>(field(edit, "followCluster"));
    QVERIFY(follow->isEnabled());
    QVERIFY(follow->isChecked());
    QTest::mouseClick(follow, Qt::LeftButton, {}, QPoint(4, follow->height() / 2));
    QCOMPARE(edit.rule().followCluster, std::optional<bool>(false));
    QVERIFY(!edit.rule().followsCluster());
}

QTEST_MAIN(TestRuleEditorDialog)
#include "tst_ruleeditordialog.moc"
