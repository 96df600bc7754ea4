#include "sharedialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "cluster/clusterreader.h"
#include "rules/qrimage.h"
#include "share/qrcode.h"

namespace {

// About 3 cm on a usual screen: a phone reads it from the monitor.
constexpr int QrPixels = 200;

bool isLocalBridge(const QString &interfaceName)
{
    static const char *const prefixes[] = {"docker", "br-", "virbr", "veth", "vboxnet", "vmnet",
                                           "cni", "podman", "lxcbr", "lxdbr"};
    for (const char *prefix : prefixes) {
        if (interfaceName.startsWith(QLatin1String(prefix)))
            return true;
    }
    return false;
}

} // namespace

ShareDialog::ShareDialog(const ForwardRule &rule, const QList<QHostAddress> &addresses, QWidget *parent)
    : QDialog(parent)
    , m_rule(rule)
    , m_addresses(addresses)
    , m_info(shareInfo(rule, addresses))
    , m_scroll(new QScrollArea(this))
    , m_hostsStatus(new QLabel(this))
{
    setWindowTitle(tr("Share %1").arg(rule.name));

    auto *content = new QWidget;
    auto *blocks = new QVBoxLayout(content);
    blocks->setContentsMargins(0, 0, 0, 0);
    m_blocks.resize(m_info.entries.size());
    for (int i = 0; i < m_info.entries.size(); ++i)
        blocks->addWidget(entryBox(m_info.entries.at(i), m_blocks[i]));
    blocks->addStretch();
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(content);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    fitScroll();

    m_hostsStatus->setWordWrap(true);
    m_hostsStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hostsStatus->setAccessibleName(tr("Ingress hosts"));
    m_hostsStatus->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    for (const QString &warning : std::as_const(m_info.warnings))
        layout->addWidget(warningBox(warning));
    if (!m_info.entries.isEmpty()) {
        auto *intro = new QLabel(tr("Another machine opens one of these; a phone can scan the code."), this);
        intro->setWordWrap(true);
        layout->addWidget(intro);
        layout->addWidget(m_scroll, 1);
    } else {
        m_scroll->hide();
        layout->addStretch();
        // Room for the warning on a few lines.
        setMinimumWidth(480);
    }
    layout->addWidget(m_hostsStatus);
    layout->addWidget(buttons);

    connect(&m_watcher, &QFutureWatcher<Result<ClusterInfo>>::finished, this,
            [this] { showHosts(m_watcher.result()); });
    if (!m_info.entries.isEmpty() && mayBeIngressRule(m_rule))
        readHosts();
}

// A read still running finishes in the thread pool; its result is dropped with the watcher.
ShareDialog::~ShareDialog() = default;

QList<QHostAddress> ShareDialog::machineAddresses()
{
    QList<QHostAddress> addresses;
    for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces()) {
        if (!interface.flags().testFlag(QNetworkInterface::IsUp) || isLocalBridge(interface.name()))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries())
            addresses.append(entry.ip());
    }
    return addresses;
}

QStringList ShareDialog::ingressLines(int entry) const
{
    QStringList lines;
    for (const QLineEdit *field : m_blocks.at(entry).ingressFields)
        lines.append(field->text());
    return lines;
}

// As wide as the blocks and as tall as two of them; more scroll.
void ShareDialog::fitScroll()
{
    const QSize wanted = m_scroll->widget()->sizeHint();
    m_scroll->setMinimumWidth(wanted.width() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4);
    m_scroll->setMinimumHeight(qMin(wanted.height(), 2 * QrPixels + 120));
}

QWidget *ShareDialog::warningBox(const QString &text)
{
    auto *box = new QFrame(this);
    box->setObjectName(QStringLiteral("shareWarning"));
    box->setStyleSheet(QStringLiteral("#shareWarning { background: #fff4e5; border: 1px solid #ffb74d; "
                                      "border-radius: 4px; } #shareWarning QLabel { color: #663c00; }"));
    auto *icon = new QLabel(box);
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(side, side));
    auto *label = new QLabel(text, box);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(tr("Warning"));
    auto *layout = new QHBoxLayout(box);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(label, 1);
    return box;
}

QWidget *ShareDialog::entryBox(const ShareEntry &entry, Block &block)
{
    auto *box = new QGroupBox(entry.address.toString());
    block.form = new QFormLayout;
    block.form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    if (entry.command.isEmpty()) {
        block.form->addRow(tr("URL:"), copyRow(entry.target, tr("the URL"), &block.target, &block.copy));
    } else {
        block.form->addRow(tr("Address:"), copyRow(entry.target, tr("the address"), &block.target, &block.copy));
        block.form->addRow(tr("Try it:"), copyRow(entry.command, tr("the command")));
    }

    block.qr = new QLabel(box);
    block.qr->setAccessibleName(tr("QR code of %1").arg(entry.target));
    const Result<QrCode> code = encodeQr(entry.target);
    if (code) {
        block.qr->setPixmap(QPixmap::fromImage(qrImage(code.value(), qrScale(code.value(), QrPixels))));
        block.qr->setToolTip(tr("Scan with a phone's camera to open %1").arg(entry.target));
    } else {
        block.qr->setText(code.error());
        block.qr->setWordWrap(true);
    }

    auto *fields = new QVBoxLayout;
    fields->addLayout(block.form);
    fields->addStretch();
    auto *layout = new QHBoxLayout(box);
    layout->addLayout(fields, 1);
    layout->addWidget(block.qr, 0, Qt::AlignTop);
    return box;
}

QWidget *ShareDialog::copyRow(const QString &text, const QString &what, QLineEdit **field, QPushButton **button)
{
    auto *row = new QWidget;
    auto *edit = new QLineEdit(text, row);
    edit->setReadOnly(true);
    edit->setCursorPosition(0);
    edit->setAccessibleName(what);
    // The whole line visible, up to the width of a long curl command.
    edit->setMinimumWidth(qMin(edit->fontMetrics().horizontalAdvance(text) + 16, 640));
    auto *copy = new QPushButton(tr("Copy"), row);
    copy->setToolTip(tr("Copy %1 to the clipboard").arg(what));
    connect(copy, &QPushButton::clicked, this, [edit, copy] {
        QApplication::clipboard()->setText(edit->text());
        copy->setText(tr("Copied"));
        QTimer::singleShot(1500, copy, [copy] { copy->setText(tr("Copy")); });
    });
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(copy);
    if (field != nullptr)
        *field = edit;
    if (button != nullptr)
        *button = copy;
    return row;
}

// Shown at once: a row added to a visible dialog is shown only later, and the
// layout would leave it out of the size fitScroll() asks for.
void ShareDialog::addIngressRow(Block &block, const QString &label, QWidget *row)
{
    block.form->addRow(label, row);
    row->show();
    block.form->labelForField(row)->show();
}

void ShareDialog::readHosts()
{
    ClusterReadOptions options;
    options.context = m_rule.origin.context;
    setHostsStatus(tr("Reading the Ingress hosts…"), false);
    m_watcher.setFuture(QtConcurrent::run(readCluster, options));
}

void ShareDialog::showHosts(const Result<ClusterInfo> &result)
{
    if (!result) {
        setHostsStatus(tr("The Ingress hosts could not be read: %1").arg(result.error()), true);
    } else if (!isIngressRule(m_rule, result.value())) {
        m_hostsStatus->hide();
    } else if (const QStringList hosts = ingressHosts(result.value()); hosts.isEmpty()) {
        setHostsStatus(tr("No Ingress names a host: the URLs above reach the Ingress rules without one."), false);
    } else {
        const ShareInfo withHosts = shareInfo(m_rule, m_addresses, hosts);
        for (int i = 0; i < m_blocks.size() && i < withHosts.entries.size(); ++i) {
            const ShareEntry &entry = withHosts.entries.at(i);
            Block &block = m_blocks[i];
            QLineEdit *field = nullptr;
            addIngressRow(block, tr("Hosts file:"), copyRow(entry.hostsLine, tr("the hosts-file line"), &field));
            field->setToolTip(tr("For the other machine's hosts file (/etc/hosts; on Windows "
                                 "C:\\Windows\\System32\\drivers\\etc\\hosts): then its browser reaches the "
                                 "Ingress hosts through this PC"));
            block.ingressFields.append(field);
            for (const QString &curl : entry.curlLines) {
                addIngressRow(block, tr("curl:"), copyRow(curl, tr("the curl command"), &field));
                block.ingressFields.append(field);
            }
        }
        setHostsStatus(tr("The ingress routes on the host name: put the hosts-file line on the other machine, or "
                          "try it with curl --resolve, which needs no hosts file."),
                       false);
        fitScroll();
    }
    emit hostsRead();
}

void ShareDialog::setHostsStatus(const QString &text, bool error)
{
    m_hostsStatus->setStyleSheet(error ? QStringLiteral("QLabel { color: #c62828; }")
                                       : QStringLiteral("QLabel { color: #616161; }"));
    m_hostsStatus->setText(text);
    m_hostsStatus->show();
}
