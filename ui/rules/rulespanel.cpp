#include "rulespanel.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "atomicfile.h"
#include "cluster/clusterfollower.h"
#include "demo/demoingress.h"
#include "format.h"
#include "relay/forwardengine.h"
#include "rules/followtext.h"
#include "rules/rulecontroller.h"
#include "rules/ruleeditordialog.h"
#include "rules/ruletablemodel.h"
#include "rules/sharedialog.h"

namespace {

// Double-click on the empty part of the table adds a rule.
class EmptyAreaDoubleClick final : public QObject
{
public:
    EmptyAreaDoubleClick(QTableView *view, RulesPanel *panel) : QObject(panel), m_view(view), m_panel(panel)
    {
        view->viewport()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::MouseButtonDblClick
            && !m_view->indexAt(static_cast<QMouseEvent *>(event)->position().toPoint()).isValid()) {
            m_panel->addRule();
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView *m_view;
    RulesPanel *m_panel;
};

QString exportFileName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Nginx: return QStringLiteral("pasarela-nginx.conf");
    case ExportFormat::TcpServices: return QStringLiteral("pasarela-tcp-services.yaml");
    case ExportFormat::Service: return QStringLiteral("pasarela-service.yaml");
    case ExportFormat::Socat: return QStringLiteral("pasarela-socat.sh");
    case ExportFormat::Systemd: return QStringLiteral("pasarela.service");
    }
    return {};
}

QString exportTitle(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Nginx: return RulesPanel::tr("&nginx stream configuration…");
    case ExportFormat::TcpServices: return RulesPanel::tr("ingress-nginx &tcp-services ConfigMap…");
    case ExportFormat::Service: return RulesPanel::tr("Kubernetes &Service manifest…");
    case ExportFormat::Socat: return RulesPanel::tr("s&ocat command lines…");
    case ExportFormat::Systemd: return RulesPanel::tr("s&ystemd unit…");
    }
    return {};
}

} // namespace

QAction *makeAction(const QString &text, const QString &icon, const QKeySequence &key, const QString &tip,
                    QObject *parent)
{
    auto *action = new QAction(QIcon::fromTheme(icon), text, parent);
    action->setShortcut(key);
    action->setToolTip(tip % QStringLiteral(" (") % key.toString(QKeySequence::NativeText) % u')');
    action->setStatusTip(tip);
    return action;
}

RulesPanel::RulesPanel(RuleController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new RuleTableModel(controller, this))
    , m_banner(new QLabel(this))
    , m_welcome(new QFrame(this))
    , m_view(new QTableView(this))
{
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c2c0;"
                                           " border-radius: 4px; padding: 8px; }"));
    m_banner->setAccessibleName(tr("Rules file problem"));
    m_banner->hide();

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    // Error reasons are long: the state column takes the spare width.
    m_view->horizontalHeader()->setSectionResizeMode(RuleTableModel::State, QHeaderView::Stretch);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->setAccessibleName(tr("Forwarding rules"));
    m_view->setToolTip(tr("Double-click a rule to edit it, or the empty area to add one"));
    const int widths[RuleTableModel::ColumnCount] = {32, 200, 180, 170, 190, 60, 60, 60, 80, 80, 90};
    // Wide enough for the header in any language.
    const QFontMetrics metrics(m_view->horizontalHeader()->font());
    for (int column = 0; column < RuleTableModel::ColumnCount; ++column) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        m_view->setColumnWidth(column, qMax(widths[column], metrics.horizontalAdvance(header) + 16));
    }
    new EmptyAreaDoubleClick(m_view, this);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != RuleTableModel::Enabled)
            editRule();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_welcome);
    layout->addWidget(m_view);

    m_addAction = makeAction(tr("&Add rule…"), QStringLiteral("list-add"), QKeySequence::New,
                             tr("Add a forwarding rule"), this);
    connect(m_addAction, &QAction::triggered, this, &RulesPanel::addRule);
    m_editAction = makeAction(tr("&Edit…"), QStringLiteral("document-edit"), Qt::Key_Return,
                              tr("Edit the selected rule"), this);
    connect(m_editAction, &QAction::triggered, this, &RulesPanel::editRule);
    m_duplicateAction = makeAction(tr("D&uplicate"), QStringLiteral("edit-copy"), QKeySequence(Qt::CTRL | Qt::Key_D),
                                   tr("Copy the selected rule (the copy starts stopped)"), this);
    connect(m_duplicateAction, &QAction::triggered, this, &RulesPanel::duplicateRule);
    m_removeAction = makeAction(tr("&Remove"), QStringLiteral("list-remove"), QKeySequence::Delete,
                                tr("Remove the selected rule"), this);
    connect(m_removeAction, &QAction::triggered, this, &RulesPanel::removeRule);
    m_startAction = makeAction(tr("&Start"), QStringLiteral("media-playback-start"), QKeySequence(Qt::CTRL | Qt::Key_R),
                               tr("Start listening on the selected rule"), this);
    connect(m_startAction, &QAction::triggered, this, [this] { setSelectedEnabled(true); });
    m_stopAction = makeAction(tr("S&top"), QStringLiteral("media-playback-stop"), QKeySequence(Qt::CTRL | Qt::Key_T),
                              tr("Stop the selected rule and close its connections"), this);
    connect(m_stopAction, &QAction::triggered, this, [this] { setSelectedEnabled(false); });
    m_shareAction = makeAction(tr("S&hare…"), QStringLiteral("emblem-shared"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                               tr("Show the URL and QR code other machines use to reach the selected rule"), this);
    connect(m_shareAction, &QAction::triggered, this, &RulesPanel::shareRule);
    m_clearFaultsAction = makeAction(tr("Clear &faults"), QStringLiteral("edit-clear"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                                     tr("Take the faults off the selected rule; open connections go on without them"),
                                     this);
    connect(m_clearFaultsAction, &QAction::triggered, this, &RulesPanel::clearFaults);
    m_clearAllFaultsAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-clear-all")),
                                         tr("Clear faults of a&ll rules"), this);
    m_clearAllFaultsAction->setStatusTip(tr("Take the faults off every rule that has some"));
    connect(m_clearAllFaultsAction, &QAction::triggered, this, &RulesPanel::clearAllFaults);
    // Enter and Delete act on the table only, so they do not steal keys from other panels.
    m_editAction->setShortcutContext(Qt::WidgetShortcut);
    m_removeAction->setShortcutContext(Qt::WidgetShortcut);

    m_follower = new ClusterFollower(controller, this);
    connect(m_controller, &RuleController::rulesReset, m_follower, &ClusterFollower::rulesChanged);
    connect(m_controller, &RuleController::ruleChanged, m_follower, &ClusterFollower::rulesChanged);
    connect(m_controller->engine(), &ForwardEngine::targetFailing, m_follower, &ClusterFollower::connectionFailed);
    m_model->setClusterFollower(m_follower);
    m_updateTargetAction = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Up&date target"), this);
    m_updateTargetAction->setStatusTip(tr("Point the selected rule at where its cluster service answers now"));
    connect(m_updateTargetAction, &QAction::triggered, this, &RulesPanel::updateTarget);
    m_checkClusterAction = new QAction(tr("&Check cluster targets"), this);
    m_checkClusterAction->setStatusTip(tr("Read the cluster again: rules that follow it move, the others are marked"));
    connect(m_checkClusterAction, &QAction::triggered, m_follower, &ClusterFollower::check);
    connect(m_follower, &ClusterFollower::checked, m_model, &RuleTableModel::clusterChecked);
    connect(m_follower, &ClusterFollower::checked, this, &RulesPanel::updateActions);
    connect(m_follower, &ClusterFollower::moved, this, [this](const TargetMove &move) {
        emit clusterEvent({QDateTime::currentDateTimeUtc(), EventLevel::Info, move.ruleId, FollowText::move(move)});
    });
    connect(m_follower, &ClusterFollower::unreadable, this, [this](const QString &context, const QString &reason) {
        emit clusterEvent({QDateTime::currentDateTimeUtc(), EventLevel::Warning, 0,
                           tr("Cannot read the cluster \"%1\": %2. Its rules keep their targets.")
                               .arg(context, reason)});
    });
    connect(m_follower, &ClusterFollower::readable, this, [this](const QString &context) {
        emit clusterEvent({QDateTime::currentDateTimeUtc(), EventLevel::Info, 0,
                           tr("The cluster \"%1\" can be read again").arg(context)});
    });
    m_chooseExportPath = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(this, tr("Export rules"), suggested);
    };
    for (ExportFormat format : {ExportFormat::Nginx, ExportFormat::TcpServices, ExportFormat::Service,
                                ExportFormat::Socat, ExportFormat::Systemd}) {
        QAction *action = new QAction(exportTitle(format), this);
        action->setStatusTip(tr("Save the selected rule, or all rules when none is selected, as %1")
                                 .arg(exportFormatName(format)));
        connect(action, &QAction::triggered, this, [this, format] { exportAs(format); });
        m_exportActions.append(action);
    }

    m_view->addActions(editActions() + runActions()
                       + QList<QAction *>{m_shareAction, m_clearFaultsAction, m_updateTargetAction});
    createWelcome();

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RulesPanel::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RulesPanel::selectionChanged);
    connect(m_controller, &RuleController::ruleChanged, this, &RulesPanel::updateActions);
    connect(m_controller, &RuleController::rulesReset, this, &RulesPanel::updateActions);
    connect(m_controller, &RuleController::brokenFileKept, this, &RulesPanel::hideFileProblem);
    updateActions();
}

QList<QAction *> RulesPanel::editActions() const
{
    return {m_addAction, m_editAction, m_duplicateAction, m_removeAction};
}

QList<QAction *> RulesPanel::runActions() const
{
    return {m_startAction, m_stopAction};
}

QList<QAction *> RulesPanel::clusterActions() const
{
    return {m_updateTargetAction, m_checkClusterAction};
}

QList<QAction *> RulesPanel::exportActions() const
{
    return m_exportActions;
}

void RulesPanel::createWelcome()
{
    auto *text = new QLabel(tr("<b>No forwarding rules yet.</b> Add a rule from a port of this PC to your cluster's "
                               "ingress (<code>minikube ip</code>, port 80), or try the demo: a built-in ingress "
                               "and a rule on 127.0.0.1:%1 to it, with a request ready in the HTTP client.")
                                .arg(DemoIngress::RulePort),
                            m_welcome);
    text->setWordWrap(true);
    auto *demo = new QPushButton(tr("Try the &demo"), m_welcome);
    demo->setToolTip(tr("Start the demo ingress and its rule; nothing is saved"));
    auto *add = new QPushButton(m_addAction->text(), m_welcome);
    add->setToolTip(m_addAction->toolTip());
    auto *close = new QToolButton(m_welcome);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close, and do not offer the demo again (it stays in the Help menu)"));
    close->setAccessibleName(tr("Close the welcome message"));
    connect(demo, &QPushButton::clicked, this, &RulesPanel::demoRequested);
    connect(add, &QPushButton::clicked, this, &RulesPanel::addRule);
    // Whichever way the first rule comes, the offer has served.
    connect(m_controller, &RuleController::rulesReset, m_welcome, [this] {
        if (!m_controller->ruleIds().isEmpty())
            m_welcome->hide();
    });
    connect(close, &QToolButton::clicked, this, [this] {
        m_welcome->hide();
        emit welcomeDismissed();
    });
    auto *layout = new QHBoxLayout(m_welcome);
    layout->addWidget(text, 1);
    layout->addWidget(demo);
    layout->addWidget(add);
    layout->addWidget(close, 0, Qt::AlignTop);
    m_welcome->setObjectName(QStringLiteral("welcome"));
    m_welcome->setStyleSheet(QStringLiteral("#welcome { background: #e8f1fb; border: 1px solid #b6d4f2; "
                                            "border-radius: 4px; } QLabel { color: #0b3a66; }"));
    m_welcome->setAccessibleName(tr("Welcome"));
    m_welcome->hide();
}

void RulesPanel::showWelcome()
{
    m_welcome->show();
}

bool RulesPanel::isWelcomeShown() const
{
    return !m_welcome->isHidden();
}

void RulesPanel::showFileProblem(const QString &html)
{
    m_banner->setText(html);
    m_banner->show();
}

void RulesPanel::hideFileProblem()
{
    m_banner->hide();
}

RuleId RulesPanel::selectedRule() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_model->ruleIdAt(rows.constFirst().row());
}

void RulesPanel::updateActions()
{
    const RuleId id = selectedRule();
    const bool has = id != 0;
    const bool enabled = has && m_controller->rule(id).enabled;
    for (QAction *action : {m_editAction, m_duplicateAction, m_removeAction, m_shareAction})
        action->setEnabled(has);
    // Start also retries a rule that failed to listen.
    m_startAction->setEnabled(has && (!enabled || m_controller->state(id) == RuleState::Error));
    m_stopAction->setEnabled(enabled);
    m_updateTargetAction->setEnabled(has && m_model->staleTarget(id).has_value());
    m_clearFaultsAction->setEnabled(has && !m_controller->rule(id).faults.isEmpty());
    m_clearAllFaultsAction->setEnabled(m_controller->anyFaults());
    m_checkClusterAction->setEnabled(m_follower->hasClusterRules());
    for (QAction *action : m_exportActions)
        action->setEnabled(!m_controller->ruleIds().isEmpty());
}

void RulesPanel::selectionChanged()
{
    updateActions();
    const RuleId id = selectedRule();
    emit selectedRuleChanged(id, id ? m_controller->rule(id).name : QString());
}

bool RulesPanel::runEditor(const ForwardRule &rule, RuleId id, const QString &title)
{
    QList<ForwardRule> others;
    for (RuleId other : m_controller->ruleIds()) {
        if (other != id)
            others.append(m_controller->rule(other));
    }
    RuleEditorDialog dialog(rule, others, this);
    dialog.setWindowTitle(title);
    // What the dialog checked can still fail against the engine (a rule changed meanwhile): say so and go back.
    while (dialog.exec() == QDialog::Accepted) {
        if (id == 0) {
            const Result<RuleId> added = m_controller->addRule(dialog.rule());
            if (added) {
                m_view->selectRow(m_model->rowOf(added.value()));
                return true;
            }
            QMessageBox::warning(this, title, added.error());
        } else {
            const Result<void> updated = m_controller->updateRule(id, dialog.rule());
            if (updated)
                return true;
            QMessageBox::warning(this, title, updated.error());
        }
    }
    return false;
}

bool RulesPanel::addRule()
{
    // A free name, so the dialog is valid once the ports are filled in.
    QStringList names;
    for (const ForwardRule &existing : m_controller->rules())
        names.append(existing.name);
    ForwardRule rule;
    int n = 1;
    do
        rule.name = tr("rule %1").arg(n++);
    while (names.contains(rule.name));
    return runEditor(rule, 0, tr("Add rule"));
}

bool RulesPanel::editRule()
{
    const RuleId id = selectedRule();
    return id && runEditor(m_controller->rule(id), id, tr("Edit rule"));
}

void RulesPanel::duplicateRule()
{
    const RuleId id = selectedRule();
    if (!id)
        return;
    const Result<RuleId> copy = m_controller->duplicateRule(id);
    if (copy)
        m_view->selectRow(m_model->rowOf(copy.value()));
    else
        emit failed(copy.error());
}

void RulesPanel::removeRule()
{
    const RuleId id = selectedRule();
    if (!id)
        return;
    const quint64 active = m_model->stats(id).active;
    const QString question = active == 1
        ? tr("\"%1\" has 1 open connection. Remove the rule and close it?").arg(m_controller->rule(id).name)
        : tr("\"%1\" has %2 open connections. Remove the rule and close them?").arg(m_controller->rule(id).name).arg(active);
    if (active > 0
        && QMessageBox::question(this, tr("Remove rule"), question, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel)
               != QMessageBox::Yes) {
        return;
    }
    const int row = m_model->rowOf(id);
    m_controller->removeRule(id);
    if (m_model->rowCount() > 0)
        m_view->selectRow(qMin(row, m_model->rowCount() - 1));
}

void RulesPanel::setSelectedEnabled(bool enabled)
{
    const RuleId id = selectedRule();
    if (!id)
        return;
    const Result<void> result = m_controller->setEnabled(id, enabled);
    if (!result)
        emit failed(result.error());
    updateActions();
}

void RulesPanel::clearFaults()
{
    const RuleId id = selectedRule();
    if (!id)
        return;
    if (const Result<void> cleared = m_controller->clearFaults(id); !cleared)
        emit failed(cleared.error());
    updateActions();
}

void RulesPanel::clearAllFaults()
{
    if (const Result<void> cleared = m_controller->clearAllFaults(); !cleared)
        emit failed(cleared.error());
    updateActions();
}

void RulesPanel::shareRule()
{
    const RuleId id = selectedRule();
    if (!id)
        return;
    auto *dialog = new ShareDialog(m_controller->rule(id), ShareDialog::machineAddresses(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void RulesPanel::updateTarget()
{
    const RuleId id = selectedRule();
    const std::optional<StaleTarget> stale = id ? m_model->staleTarget(id) : std::nullopt;
    if (!stale)
        return;
    ForwardRule rule = m_controller->rule(id);
    rule.setTargets(stale->targets);
    rule.origin = stale->origin;
    const Result<void> updated = m_controller->updateRule(id, rule);
    if (!updated)
        emit failed(updated.error());
    updateActions();
}

void RulesPanel::exportAs(ExportFormat format)
{
    const QString path = m_chooseExportPath(QDir::home().filePath(exportFileName(format)));
    if (!path.isEmpty())
        exportRulesTo(format, path);
}

bool RulesPanel::exportRulesTo(ExportFormat format, const QString &path)
{
    const RuleId id = selectedRule();
    const QList<ForwardRule> rules = id ? QList<ForwardRule>{m_controller->rule(id)} : m_controller->rules();
    ExportOptions options;
    options.rulesPath = QFileInfo(m_controller->path()).absoluteFilePath();
    const Result<QString> text = exportRules(rules, format, options);
    if (!text) {
        emit failed(text.error());
        return false;
    }
    if (const Result<void> written = writeFileAtomically(path, text.value().toUtf8()); !written) {
        emit failed(tr("%1. Choose another folder or file name.").arg(Format::sentence(written.error())));
        return false;
    }
    return true;
}
