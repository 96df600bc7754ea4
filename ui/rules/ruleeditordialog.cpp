#include "ruleeditordialog.h"

#include <algorithm>
#include <utility>

#include <QCheckBox>
#include <QCoreApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

#include "format.h"
#include "rules/faultseditor.h"

namespace {

const QColor ErrorColor(0xc0, 0x1c, 0x28);
const QColor WarningColor(0xb3, 0x5c, 0x00);

// The editor's text, to validate while it holds text that is not a number yet
// (QSpinBox signals only complete values).
class SpinBox : public QSpinBox
{
public:
    using QSpinBox::QSpinBox;
    using QSpinBox::lineEdit;
};

// Port 0 means "not chosen yet" and shows as an empty field, which is not
// acceptable input, so an empty port is caught like any other invalid one.
class PortSpinBox final : public SpinBox
{
public:
    explicit PortSpinBox(QWidget *parent = nullptr) : SpinBox(parent) { setRange(0, 65535); }

protected:
    QString textFromValue(int value) const override { return value == 0 ? QString() : QString::number(value); }
};

QLabel *messageLabel(const QColor &color, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
    label->hide();
    return label;
}

QSpinBox *spinBox(int min, int max, const QString &suffix, QWidget *parent)
{
    auto *spin = new SpinBox(parent);
    spin->setRange(min, max);
    spin->setSuffix(suffix);
    spin->setGroupSeparatorShown(false);
    return spin;
}

// A spin box left empty or half-typed reads as a value the core rejects, so it names the field.
int spinValue(const QSpinBox *spin, int invalid)
{
    return spin->hasAcceptableInput() ? spin->value() : invalid;
}

// "[::1]" is how addresses are written with a port; the field holds the host alone.
QString unbracket(const QString &host)
{
    if (host.size() > 2 && host.startsWith(u'[') && host.endsWith(u']'))
        return host.mid(1, host.size() - 2);
    return host;
}

} // namespace

RuleEditorDialog::RuleEditorDialog(const ForwardRule &rule, const QList<ForwardRule> &others, QWidget *parent)
    : QDialog(parent), m_others(others), m_base(rule)
{
    setWindowTitle(tr("Rule"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    auto *form = new QFormLayout;

    m_name = new QLineEdit(rule.name, this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. minikube ingress"));
    addRow(form, tr("&Name:"), m_name, tr("A name for this rule, unique among your rules"));

    m_listenHost = new QComboBox(this);
    m_listenHost->setObjectName(QStringLiteral("listenHost"));
    m_listenHost->setEditable(true);
    m_listenHost->setInsertPolicy(QComboBox::NoInsert);
    // Inline completion would turn a typed "::" into "::1", the first item it matches.
    m_listenHost->setCompleter(nullptr);
    for (const auto &[address, label] : listenChoices())
        m_listenHost->addItem(address % QStringLiteral(" — ") % label, address);
    if (const int index = m_listenHost->findData(rule.listen.host); index >= 0)
        m_listenHost->setCurrentIndex(index);
    else
        m_listenHost->setEditText(rule.listen.host);
    m_exposed = messageLabel(WarningColor, QStringLiteral("exposedWarning"), this);
    m_exposed->setText(tr("Other machines that can reach this address can connect. Add an allow-list to limit who can."));
    addRow(form, tr("&Listen address:"), m_listenHost,
           tr("The address of this PC to listen on. 127.0.0.1 or ::1: only this PC can connect. "
              "0.0.0.0 or :: (all interfaces) or a network address: other machines can connect too."),
           m_exposed);

    m_listenPort = new PortSpinBox(this);
    m_listenPort->setObjectName(QStringLiteral("listenPort"));
    m_listenPort->setValue(rule.listen.port);
    addRow(form, tr("Listen &port:"), m_listenPort,
           tr("The port clients connect to on this PC (1-65535; ports below 1024 need privileges)"));

    m_protocol = new QComboBox(this);
    m_protocol->setObjectName(QStringLiteral("protocol"));
    m_protocol->addItem(tr("TCP"), int(Transport::Tcp));
    m_protocol->addItem(tr("UDP (datagrams, one session per client address)"), int(Transport::Udp));
    m_protocol->setCurrentIndex(m_protocol->findData(int(rule.transport)));
    addRow(form, tr("P&rotocol:"), m_protocol,
           tr("TCP for web, APIs and most services; UDP for DNS or a UDP NodePort. A UDP session ends after its idle "
              "timeout (60 s when the timeout is off)."));

    m_targetHost = new QLineEdit(rule.target.host, this);
    m_targetHost->setObjectName(QStringLiteral("targetHost"));
    m_targetHost->setPlaceholderText(tr("192.168.49.2 or ingress.local"));
    addRow(form, tr("&Target host:"), m_targetHost, tr("Where connections are passed on to: an IP address or a host name"));

    m_targetPort = new PortSpinBox(this);
    m_targetPort->setObjectName(QStringLiteral("targetPort"));
    m_targetPort->setValue(rule.target.port);
    addRow(form, tr("Target p&ort:"), m_targetPort, tr("The port on the target host (1-65535)"));

    QStringList more;
    for (const Endpoint &endpoint : rule.moreTargets)
        more.append(endpoint.toString());
    m_moreTargets = new QLineEdit(more.join(QStringLiteral(", ")), this);
    m_moreTargets->setObjectName(QStringLiteral("moreTargets"));
    m_moreTargets->setPlaceholderText(tr("none; e.g. 192.168.49.3:30080, 192.168.49.4:30080"));
    addRow(form, tr("&Fallback targets:"), m_moreTargets,
           tr("HOST:PORT, separated by commas, tried in order when the target refuses, cannot be reached or does not "
              "answer in time. A target that failed is skipped for the cool-down."));

    m_cooldown = spinBox(0, ForwardRule::CooldownLimitS, tr(" s"), this);
    m_cooldown->setObjectName(QStringLiteral("cooldown"));
    m_cooldown->setSpecialValueText(tr("off"));
    m_cooldown->setValue(rule.cooldownS);
    addRow(form, tr("Cool-&down:"), m_cooldown,
           tr("With fallback targets: how long a target that failed is skipped before it is tried first again"));

    m_allow = new QPlainTextEdit(rule.allow.join(u'\n'), this);
    m_allow->setObjectName(QStringLiteral("allow"));
    m_allow->setPlaceholderText(tr("Empty: anyone who can reach the listen address.\nOr one network per line, e.g. 192.168.1.0/24"));
    m_allow->setTabChangesFocus(true);
    m_allow->setMaximumHeight(m_allow->fontMetrics().lineSpacing() * 5);
    addRow(form, tr("&Allow from:"), m_allow,
           tr("Only clients from these networks are let in: one address or network (CIDR) per line, "
              "or separated by commas. Leave empty to let anyone in who can reach the listen address."));

    m_maxConnections = spinBox(1, ForwardRule::MaxConnectionsLimit, QString(), this);
    m_maxConnections->setObjectName(QStringLiteral("maxConnections"));
    m_maxConnections->setValue(rule.maxConnections);
    addRow(form, tr("&Max connections:"), m_maxConnections, tr("Connections open at once; further clients are refused"));

    m_connectTimeout = spinBox(1, ForwardRule::ConnectTimeoutLimitMs, tr(" ms"), this);
    m_connectTimeout->setObjectName(QStringLiteral("connectTimeout"));
    m_connectTimeout->setSingleStep(500);
    m_connectTimeout->setValue(rule.connectTimeoutMs);
    addRow(form, tr("&Connect timeout:"), m_connectTimeout, tr("How long to wait for the target to accept a connection, in milliseconds"));

    m_idleTimeout = spinBox(0, ForwardRule::IdleTimeoutLimitS, tr(" s"), this);
    m_idleTimeout->setObjectName(QStringLiteral("idleTimeout"));
    m_idleTimeout->setSpecialValueText(tr("off"));
    m_idleTimeout->setValue(rule.idleTimeoutS);
    addRow(form, tr("&Idle timeout:"), m_idleTimeout,
           tr("Close a connection after this many seconds without traffic in either direction; off keeps it open"));

    m_inspect = new QCheckBox(tr("Inspect &HTTP requests"), this);
    m_inspect->setObjectName(QStringLiteral("inspectHttp"));
    m_inspect->setChecked(rule.inspectsHttp());
    m_inspect->setToolTip(tr("Read a copy of each connection's first bytes to list its HTTP requests (method, host, "
                             "path, status, timing) in the Requests tab, or the server name of a TLS connection. "
                             "The traffic itself is never changed or delayed. On by default for targets on port 80 "
                             "or 8080 and for rules made from an ingress."));
    m_inspect->setAccessibleName(tr("Inspect HTTP requests"));
    connect(m_inspect, &QCheckBox::clicked, this, [this] { m_inspectChanged = true; });
    form->addRow(QString(), m_inspect);

    m_follow = new QCheckBox(tr("Follow the cl&uster"), this);
    m_follow->setObjectName(QStringLiteral("followCluster"));
    m_follow->setChecked(rule.followsCluster());
    m_follow->setEnabled(!rule.origin.isEmpty());
    m_follow->setToolTip(rule.origin.isEmpty()
                             ? tr("Only for rules made from the cluster (Cluster › Expose cluster)")
                             : tr("Re-read the cluster every %1 s and after a failed connection; when Minikube's IP or "
                                  "the node port moved, move the target there. Open connections stay.")
                                   .arg(rule.clusterCheckS));
    connect(m_follow, &QCheckBox::clicked, this, [this] { m_followChanged = true; });
    form->addRow(QString(), m_follow);

    m_otherError = messageLabel(ErrorColor, QStringLiteral("otherError"), this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Faults on a tab of their own: the rule's fields keep their place and the dialog its height.
    auto *general = new QWidget(this);
    auto *generalLayout = new QVBoxLayout(general);
    generalLayout->addLayout(form);
    generalLayout->addStretch();
    m_faults = new FaultsEditor(rule.faults, this);
    m_errors.insert(m_faults, m_faults->errorLabel());
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->addTab(general, tr("&General"));
    m_tabs->addTab(m_faults, QString());
    m_tabs->setTabToolTip(1, tr("Latency, bandwidth, resets, timeouts and refused connections injected on purpose, "
                                "to test how clients cope"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_otherError);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_name, m_targetHost, m_moreTargets})
        connect(edit, &QLineEdit::textChanged, this, &RuleEditorDialog::validate);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &RuleEditorDialog::validate);
    connect(m_listenHost, &QComboBox::editTextChanged, this, &RuleEditorDialog::validate);
    connect(m_allow, &QPlainTextEdit::textChanged, this, &RuleEditorDialog::validate);
    connect(m_faults, &FaultsEditor::changed, this, &RuleEditorDialog::validate);
    // The editor's text, not valueChanged: an emptied field does not change the value.
    for (QSpinBox *spin : {m_listenPort, m_targetPort, m_cooldown, m_maxConnections, m_connectTimeout, m_idleTimeout})
        connect(static_cast<SpinBox *>(spin)->lineEdit(), &QLineEdit::textChanged, this, &RuleEditorDialog::validate);
    validate();
}

void RuleEditorDialog::addRow(QFormLayout *form, const QString &label, QWidget *field, const QString &toolTip, QLabel *note)
{
    auto *box = new QWidget(this);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(field);
    if (note)
        column->addWidget(note);
    QLabel *error = messageLabel(ErrorColor, field->objectName() % QStringLiteral("Error"), box);
    column->addWidget(error);
    m_errors.insert(field, error);

    auto *caption = new QLabel(label, this);
    caption->setBuddy(field);
    field->setToolTip(toolTip);
    field->setAccessibleName(QString(label).remove(u'&').remove(u':'));
    form->addRow(caption, box);
}

ForwardRule RuleEditorDialog::rule() const
{
    ForwardRule result = m_base;
    result.name = m_name->text().trimmed();
    result.listen = Endpoint{listenHostText(), quint16(spinValue(m_listenPort, 0))};
    result.transport = Transport(m_protocol->currentData().toInt());
    result.target = Endpoint{unbracket(m_targetHost->text().trimmed()), quint16(spinValue(m_targetPort, 0))};
    // Unreadable fallbacks are validate()'s to report; the rule keeps none meanwhile.
    const Result<QList<Endpoint>> more = parseTargetList(m_moreTargets->text());
    result.moreTargets = more ? more.value() : QList<Endpoint>();
    result.cooldownS = spinValue(m_cooldown, -1);
    if (m_followChanged)
        result.followCluster = m_follow->isChecked();
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    result.allow = m_allow->toPlainText().split(separators, Qt::SkipEmptyParts);
    result.maxConnections = spinValue(m_maxConnections, 0);
    result.connectTimeoutMs = spinValue(m_connectTimeout, 0);
    result.idleTimeoutS = spinValue(m_idleTimeout, -1);
    if (m_inspectChanged)
        result.inspectHttp = m_inspect->isChecked();
    result.faults = m_faults->faults();
    return result;
}

QString RuleEditorDialog::validationError() const
{
    return m_errorText;
}

QList<QPair<QString, QString>> RuleEditorDialog::listenChoices()
{
    QList<QPair<QString, QString>> choices{
        {QStringLiteral("127.0.0.1"), tr("loopback, this PC only")},
        {QStringLiteral("::1"), tr("IPv6 loopback, this PC only")},
        {QStringLiteral("0.0.0.0"), tr("all IPv4 interfaces")},
        {QStringLiteral("::"), tr("all IPv6 interfaces")},
    };
    const auto known = [&choices](const QString &address) {
        return std::any_of(choices.cbegin(), choices.cend(), [&address](const auto &choice) { return choice.first == address; });
    };
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        if (!interface.flags().testFlag(QNetworkInterface::IsUp))
            continue;
        const QList<QNetworkAddressEntry> entries = interface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            const QString address = entry.ip().toString();
            if (!address.isEmpty() && !known(address))
                choices.append({address, interface.humanReadableName()});
        }
    }
    return choices;
}

QString RuleEditorDialog::listenHostText() const
{
    // A picked item shows "address — label"; typed text is the address itself.
    const QString text = m_listenHost->currentText().trimmed();
    const int index = m_listenHost->findText(text);
    if (index >= 0)
        return m_listenHost->itemData(index).toString();
    return unbracket(text);
}

namespace {

// "field "listen": port 0 is out of range (1-65535)", in the language it is shown in.
QRegularExpressionMatch fieldMessage(const QString &message)
{
    const QRegularExpression named =
        Format::messagePattern("Rules", "field \"%1\": %2", {QStringLiteral("(\\w+)"), QStringLiteral("(.*)")});
    return named.match(message);
}

} // namespace

QWidget *RuleEditorDialog::fieldFor(const QString &message) const
{
    const QRegularExpressionMatch match = fieldMessage(message);
    if (!match.hasMatch()) {
        // validateRules names rules, not fields; these two are the ones this dialog can fix.
        // An empty target host has its own message.
        const QRegularExpression sameName =
            Format::messagePattern("Rules", "rules %1 and %2 have the same name: rename one");
        const QRegularExpression sameListen =
            Format::messagePattern("Rules", "rules %1 and %2 both listen on %3; disable one or change its port");
        const QRegularExpression noTarget = Format::messagePattern(
            "Rules", "field \"target\" is missing: use HOST:PORT, e.g. 192.168.49.2:80");
        if (noTarget.match(message).hasMatch())
            return m_targetHost;
        if (sameName.match(message).hasMatch())
            return m_name;
        if (sameListen.match(message).hasMatch())
            return m_listenPort;
        return nullptr;
    }
    const QString field = match.captured(1);
    // Host errors start with the quoted host; the core checks the host before the port.
    const QRegularExpression portRange = Format::messagePattern("Rules", "port %1 is out of range (1-65535)");
    const bool aboutPort = portRange.match(match.captured(2)).hasMatch();
    if (field == QLatin1String("name"))
        return m_name;
    if (field == QLatin1String("listen"))
        return aboutPort ? static_cast<QWidget *>(m_listenPort) : m_listenHost;
    if (field == QLatin1String("target")) {
        // Errors about the list (too long, a repeat) belong to the fallbacks.
        if (!m_moreTargets->text().trimmed().isEmpty() && !match.captured(2).startsWith(u'"') && !aboutPort)
            return m_moreTargets;
        return aboutPort ? static_cast<QWidget *>(m_targetPort) : m_targetHost;
    }
    if (field == QLatin1String("cooldownS"))
        return m_cooldown;
    if (field == QLatin1String("allow"))
        return m_allow;
    if (field == QLatin1String("maxConnections"))
        return m_maxConnections;
    if (field == QLatin1String("connectTimeoutMs"))
        return m_connectTimeout;
    if (field == QLatin1String("idleTimeoutS"))
        return m_idleTimeout;
    if (field == QLatin1String("faults")) {
        // On a UDP rule the protocol is what to change, or the faults to turn off.
        if (Transport(m_protocol->currentData().toInt()) == Transport::Udp)
            return m_protocol;
        return m_faults;
    }
    return nullptr;
}

void RuleEditorDialog::validate()
{
    const ForwardRule current = rule();
    if (!m_inspectChanged)
        m_inspect->setChecked(current.inspectsHttp());
    m_inspect->setEnabled(current.transport == Transport::Tcp);
    m_faults->setTcp(current.transport == Transport::Tcp);
    m_tabs->setTabText(1, current.faults.isEmpty() ? tr("Fault&s") : tr("Fault&s (%1)").arg(current.faults.size()));
    m_cooldown->setEnabled(!current.moreTargets.isEmpty());
    Result<void> valid = current.validate();
    const QString moreText = m_moreTargets->text();
    const Result<QList<Endpoint>> more = parseTargetList(moreText);
    const bool moreUnreadable = !more && !moreText.trimmed().isEmpty();
    if (moreUnreadable)
        valid = Error{QCoreApplication::translate("Rules", "field \"%1\": %2").arg(QStringLiteral("target"), more.error())};
    if (valid) {
        QList<ForwardRule> all = m_others;
        all.append(current);
        valid = validateRules(all);
    }
    m_errorText = valid ? QString() : valid.error();

    const Result<QHostAddress> listenAddress = parseIpAddress(current.listen.host);
    m_exposed->setVisible(listenAddress && !listenAddress.value().isLoopback());

    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        it.value()->hide();
        it.key()->setAccessibleDescription(QString());
    }
    m_otherError->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid.ok());
    for (int tab = 0; tab < m_tabs->count(); ++tab)
        m_tabs->setTabIcon(tab, QIcon());
    if (valid)
        return;

    QWidget *field = moreUnreadable ? m_moreTargets : fieldFor(m_errorText);
    const QRegularExpressionMatch named = fieldMessage(m_errorText);
    QString shown = named.hasMatch() ? named.captured(2) : m_errorText;
    // Empty fields get plain words rather than the parser's view of them.
    if (field == m_listenPort && current.listen.port == 0)
        shown = tr("Enter the port to listen on, 1-65535.");
    else if (field == m_targetPort && current.target.port == 0)
        shown = tr("Enter the target's port, 1-65535.");
    else if (auto *spin = qobject_cast<QSpinBox *>(field); spin && !spin->hasAcceptableInput())
        shown = tr("Enter a number, %1-%2.").arg(spin->minimum()).arg(spin->maximum());
    else if (QSpinBox *faultSpin = field == m_faults ? m_faults->invalidSpin() : nullptr)
        shown = tr("%1: enter a number, %2-%3.").arg(faultSpin->accessibleName()).arg(faultSpin->minimum()).arg(faultSpin->maximum());
    else if (field == m_protocol && !current.faults.isEmpty() && current.transport == Transport::Udp)
        shown = tr("Faults are for TCP rules only: turn them off on the Faults tab, or choose TCP.");
    else if (field == m_listenHost && current.listen.host.isEmpty())
        shown = tr("Enter an address of this PC to listen on, e.g. 127.0.0.1.");
    else if (field == m_targetHost && current.target.host.isEmpty())
        shown = tr("Enter the host to pass connections on to, e.g. 192.168.49.2.");
    if (!shown.isEmpty())
        shown[0] = shown.at(0).toUpper();
    m_errorText = shown;

    QLabel *label = field ? m_errors.value(field) : m_otherError;
    label->setText(shown);
    label->show();
    if (field)
        field->setAccessibleDescription(shown);
    // A message on the tab not shown would leave OK off for no visible reason.
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        if (m_tabs->widget(tab)->isAncestorOf(label))
            m_tabs->setTabIcon(tab, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }
}
