#include "exposedialog.h"

#include <algorithm>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QNetworkInterface>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "cluster/clusterreader.h"
#include "rules/rulecontroller.h"

namespace {

// 0.0.0.0, loopback, then this machine's own addresses (link-local IPv6 left
// out: it needs a scope id to be of use).
QStringList listenAddresses()
{
    QStringList addresses{QStringLiteral("0.0.0.0"), QStringLiteral("127.0.0.1")};
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.isLoopback() || address.isLinkLocal())
            continue;
        const QString text = address.toString();
        if (!addresses.contains(text))
            addresses.append(text);
    }
    return addresses;
}

QString exposes(const RuleOrigin &origin)
{
    const QString port = origin.portName.isEmpty() ? QString::number(origin.servicePort)
                                                   : QStringLiteral("%1 (%2)").arg(origin.portName).arg(origin.servicePort);
    return origin.ns + u'/' + origin.service + u' ' + port;
}

} // namespace

ExposeDialog::ExposeDialog(RuleController *rules, QWidget *parent)
    : QDialog(parent)
    , m_rules(rules)
    , m_context(new QComboBox(this))
    , m_address(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_busy(new QProgressBar(this))
    , m_message(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_create(new QPushButton(tr("&Create rules"), this))
{
    setWindowTitle(tr("Expose cluster"));
    auto *intro = new QLabel(tr("Pasarela reads the cluster with minikube and kubectl and plans a rule for the "
                                "ingress controller and for each NodePort service. Tick what to expose."),
                             this);
    intro->setWordWrap(true);

    m_context->setAccessibleName(tr("kubectl context"));
    m_context->setToolTip(tr("The cluster to read; choosing another reads it"));
    m_address->addItems(listenAddresses());
    m_address->setCurrentText(QString::fromLatin1(DefaultListenHost));
    m_address->setAccessibleName(tr("Listen address"));
    m_address->setToolTip(tr("Where the rules listen: 0.0.0.0 for every network of this machine, 127.0.0.1 for "
                             "this machine only"));
    auto *form = new QFormLayout;
    form->addRow(tr("Con&text:"), m_context);
    form->addRow(tr("Listen &address:"), m_address);

    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setHorizontalHeaderLabels({tr("Rule"), tr("Exposes"), tr("Listen port"), tr("Target")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setAccessibleName(tr("Planned rules"));
    m_busy->setRange(0, 0);
    m_busy->setFormat(tr("Reading the cluster…"));
    m_busy->setTextVisible(true);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Cluster message"));
    m_retry->setToolTip(tr("Read the cluster again"));
    m_create->setToolTip(tr("Add the ticked rules; they start at once"));
    m_create->setDefault(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    buttons->addButton(m_create, QDialogButtonBox::ApplyRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, &ExposeDialog::read);
    connect(m_create, &QPushButton::clicked, this, &ExposeDialog::createRules);
    connect(m_context, &QComboBox::activated, this, &ExposeDialog::read);
    connect(m_table, &QTableWidget::itemChanged, this, &ExposeDialog::updateCreateButton);
    connect(&m_watcher, &QFutureWatcher<Result<ClusterInfo>>::finished, this,
            [this] { showResult(m_watcher.result()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_busy);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(760, 420);

    read();
}

// A read still running finishes in the thread pool; its result is dropped with the watcher.
ExposeDialog::~ExposeDialog() = default;

void ExposeDialog::read()
{
    ClusterReadOptions options;
    options.context = m_context->currentText();
    m_busy->show();
    m_message->hide();
    m_retry->setEnabled(false);
    m_context->setEnabled(false);
    m_create->setEnabled(false);
    m_watcher.setFuture(QtConcurrent::run(readCluster, options));
}

void ExposeDialog::showResult(const Result<ClusterInfo> &result)
{
    m_busy->hide();
    m_retry->setEnabled(true);
    m_context->setEnabled(true);
    if (result) {
        m_info = result.value();
        const QString nodeIp = m_info.nodeIp.isEmpty() ? tr("unknown") : m_info.nodeIps().join(QStringLiteral(", "));
        m_planned = planRules(m_info, m_address->currentText());
        fillContexts();
        m_summary->setText(m_info.controller.found()
                               ? tr("Ingress controller %1/%2: http on node port %3, https on node port %4. Node IP %5.")
                                     .arg(m_info.controller.ns, m_info.controller.name)
                                     .arg(m_info.controller.httpNodePort)
                                     .arg(m_info.controller.httpsNodePort)
                                     .arg(nodeIp)
                               : tr("No ingress controller found. Node IP %1.").arg(nodeIp));
        QStringList notes = m_info.notes;
        if (m_planned.isEmpty())
            notes.append(tr("Nothing to expose: no NodePort services with a known node IP."));
        showMessage(notes.join(u'\n'), false);
    } else {
        m_info = {};
        m_planned.clear();
        m_summary->clear();
        showMessage(tr("Could not read the cluster: %1").arg(result.error()), true);
    }
    fillTable();
    emit readFinished();
}

void ExposeDialog::fillContexts()
{
    // The context read, then the Minikube profiles (each is a context of the same name).
    QStringList contexts{m_info.context};
    for (const MinikubeProfile &profile : std::as_const(m_info.profiles)) {
        if (!contexts.contains(profile.name))
            contexts.append(profile.name);
    }
    const QSignalBlocker blocker(m_context);
    m_context->clear();
    m_context->addItems(contexts);
    m_context->setCurrentIndex(0);
}

void ExposeDialog::fillTable()
{
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    m_table->setRowCount(int(m_planned.size()));
    for (int row = 0; row < m_planned.size(); ++row) {
        const ForwardRule &rule = m_planned.at(row);
        auto *name = new QTableWidgetItem(rule.name);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        name->setCheckState(Qt::Checked);
        m_table->setItem(row, NameColumn, name);
        auto *origin = new QTableWidgetItem(exposes(rule.origin));
        origin->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, ExposesColumn, origin);
        auto *port = new QSpinBox(m_table);
        port->setRange(1, 65535);
        port->setValue(rule.listen.port);
        port->setAccessibleName(tr("Listen port of %1").arg(rule.name));
        m_table->setCellWidget(row, ListenPortColumn, port);
        auto *target = new QTableWidgetItem(rule.targetsText());
        target->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, TargetColumn, target);
    }
    updateCreateButton();
}

void ExposeDialog::updateCreateButton()
{
    bool any = false;
    for (int row = 0; row < m_table->rowCount() && !any; ++row)
        any = m_table->item(row, NameColumn)->checkState() == Qt::Checked;
    m_create->setEnabled(any && !isReading());
}

void ExposeDialog::showMessage(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: #c62828; }") : QStringLiteral("QLabel { color: #616161; }"));
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ExposeDialog::createRules()
{
    if (!m_create->isEnabled())
        return;
    const QString address = m_address->currentText();
    QStringList failures;
    // The ingress's planned listen port -> the one it got, for the requests' URLs.
    QHash<int, int> ingressPorts;
    for (int row = 0; row < m_planned.size(); ++row) {
        QTableWidgetItem *name = m_table->item(row, NameColumn);
        if (name->checkState() != Qt::Checked)
            continue;
        ForwardRule rule = m_planned.at(row);
        rule.listen = Endpoint{address, quint16(static_cast<QSpinBox *>(m_table->cellWidget(row, ListenPortColumn))->value())};
        const Result<RuleId> added = m_rules->addRule(rule);
        if (!added) {
            failures.append(rule.name + QStringLiteral(": ") + added.error());
            continue;
        }
        ++m_createdCount;
        // Created: not again on a second click.
        name->setCheckState(Qt::Unchecked);
        name->setFlags(Qt::NoItemFlags);
        m_table->cellWidget(row, ListenPortColumn)->setEnabled(false);
        if (rule.origin.ns == m_info.controller.ns && rule.origin.service == m_info.controller.name)
            ingressPorts.insert(m_planned.at(row).listen.port, rule.listen.port);
    }

    // Only the requests whose ingress rule now exists, on the port it got.
    for (const RequestCollection &collection : ingressRequests(m_info, address)) {
        QList<CollectionRequest> kept;
        for (HttpRequest request : std::as_const(collection.requests)) {
            QUrl url(request.url);
            if (!ingressPorts.contains(url.port()))
                continue;
            url.setPort(ingressPorts.value(url.port()));
            request.url = url.toString();
            kept.append(request);
        }
        if (kept.isEmpty())
            continue;
        // A second click adds to the collection the first one made.
        const auto same = std::find_if(m_requests.begin(), m_requests.end(),
                                       [&](const RequestCollection &c) { return c.name == collection.name; });
        if (same == m_requests.end())
            m_requests.append(RequestCollection{collection.name, kept});
        else
            same->requests.append(kept);
    }

    if (failures.isEmpty()) {
        accept();
        return;
    }
    showMessage(tr("Not created:\n%1").arg(failures.join(u'\n')), true);
    updateCreateButton();
}
