#include "mainwindow.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMouseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStyle>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include "charts/throughputpanel.h"
#include "connections/connectionspanel.h"
#include "format.h"
#include "log/logmodel.h"
#include "log/logpanel.h"
#include "relay/forwardengine.h"
#include "rules/rulecontroller.h"
#include "rules/ruleeditordialog.h"
#include "rules/ruletablemodel.h"
#include "traycontrol.h"

namespace {

// Double-click on the empty part of the rules table adds a rule.
class EmptyAreaDoubleClick final : public QObject
{
public:
    EmptyAreaDoubleClick(QTableView *view, MainWindow *window)
        : QObject(view), m_view(view), m_window(window)
    {
        view->viewport()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::MouseButtonDblClick) {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            if (!m_view->indexAt(mouse->position().toPoint()).isValid()) {
                m_window->addRule();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView *m_view;
    MainWindow *m_window;
};

} // namespace

QSettings *pasarelaSettings(QObject *parent)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    const QString path = folder % QStringLiteral("/settings.ini");
    // Created private first: QSettings keeps the permissions of the file it rewrites.
    if (!QFile::exists(path) && QDir().mkpath(folder)) {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    return new QSettings(path, QSettings::IniFormat, parent);
}

MainWindow::MainWindow(ForwardEngine *engine, const QString &rulesPath, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_controller(new RuleController(engine, rulesPath, this))
    , m_ruleModel(new RuleTableModel(m_controller, this))
    , m_logModel(new LogModel(this))
{
    setWindowTitle(tr("Pasarela"));
    setWindowIcon(QIcon(QStringLiteral(":/pasarela/pasarela.svg")));
    m_controller->setConfirmReplaceBroken([this] { return confirmReplaceBroken(); });

    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c2c0;"
                                           " border-radius: 4px; padding: 8px; }"));
    m_banner->setAccessibleName(tr("Rules file problem"));
    m_banner->hide();

    m_rulesView = new QTableView(this);
    m_rulesView->setModel(m_ruleModel);
    m_rulesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rulesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rulesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rulesView->verticalHeader()->hide();
    // Error reasons are long: the state column takes the spare width.
    m_rulesView->horizontalHeader()->setSectionResizeMode(RuleTableModel::State, QHeaderView::Stretch);
    m_rulesView->horizontalHeader()->setHighlightSections(false);
    m_rulesView->setWordWrap(false);
    m_rulesView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_rulesView->setAccessibleName(tr("Forwarding rules"));
    m_rulesView->setToolTip(tr("Double-click a rule to edit it, or the empty area to add one"));
    const int columnWidths[RuleTableModel::ColumnCount] = {32, 150, 200, 190, 190, 60, 60, 60, 80, 80, 90};
    for (int column = 0; column < RuleTableModel::ColumnCount; ++column)
        m_rulesView->setColumnWidth(column, columnWidths[column]);
    new EmptyAreaDoubleClick(m_rulesView, this);
    connect(m_rulesView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != RuleTableModel::Enabled)
            editRule();
    });

    m_connections = new ConnectionsPanel(engine, this);
    m_throughput = new ThroughputPanel(this);
    m_log = new LogPanel(m_logModel, this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_connections, tr("&Connections"));
    m_tabs->addTab(m_throughput, tr("&Throughput"));
    m_tabs->addTab(m_log, tr("&Log"));
    m_tabs->setAccessibleName(tr("Connections, throughput and log"));

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_banner);
    topLayout->addWidget(m_rulesView);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_listeningLabel = new QLabel(this);
    m_connectionsLabel = new QLabel(this);
    m_rateLabel = new QLabel(this);
    m_listeningLabel->setToolTip(tr("Rules accepting connections now"));
    m_connectionsLabel->setToolTip(tr("Connections open now, over all rules"));
    m_rateLabel->setToolTip(tr("Total rate: in is client to target, out is target to client"));
    statusBar()->addPermanentWidget(m_listeningLabel);
    statusBar()->addPermanentWidget(m_connectionsLabel);
    statusBar()->addPermanentWidget(m_rateLabel);

    createActions();
    createMenus();
    m_tray = new TrayControl(this, m_quitAction);

    connect(m_rulesView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::selectionChanged);
    connect(m_ruleModel, &QAbstractItemModel::modelReset, this, &MainWindow::selectionChanged);
    connect(m_controller, &RuleController::ruleChanged, this, &MainWindow::updateActions);
    connect(m_controller, &RuleController::saveFailed, this,
            [this](const QString &message) { logMessage(EventLevel::Error, message); });
    connect(m_controller, &RuleController::brokenFileKept, this, [this](const QString &backup) {
        m_banner->hide();
        logMessage(EventLevel::Warning, tr("The unreadable rules file was kept as %1").arg(backup));
    });
    connect(m_controller, &RuleController::saved, this,
            [this](const QString &path) { statusBar()->showMessage(tr("Saved %1").arg(path), 3000); });
    connect(m_engine, &ForwardEngine::eventLogged, m_logModel, &LogModel::addEvent);
    connect(m_engine, &ForwardEngine::ruleStateChanged, this, &MainWindow::logRuleState);
    connect(m_engine, &ForwardEngine::snapshotReady, this, &MainWindow::applySnapshot);

    loadRules();
    restoreSettings();
    applySnapshot(m_engine->lastSnapshot());
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    const auto action = [this](const QString &text, const QString &icon, const QKeySequence &key, const QString &tip) {
        auto *result = new QAction(QIcon::fromTheme(icon), text, this);
        result->setShortcut(key);
        result->setToolTip(tip % QStringLiteral(" (") % key.toString(QKeySequence::NativeText) % u')');
        result->setStatusTip(tip);
        return result;
    };
    m_addAction = action(tr("&Add rule…"), QStringLiteral("list-add"), QKeySequence::New, tr("Add a forwarding rule"));
    connect(m_addAction, &QAction::triggered, this, &MainWindow::addRule);
    m_editAction = action(tr("&Edit…"), QStringLiteral("document-edit"), Qt::Key_Return, tr("Edit the selected rule"));
    connect(m_editAction, &QAction::triggered, this, &MainWindow::editRule);
    m_duplicateAction = action(tr("D&uplicate"), QStringLiteral("edit-copy"), QKeySequence(Qt::CTRL | Qt::Key_D),
                               tr("Copy the selected rule (the copy starts stopped)"));
    connect(m_duplicateAction, &QAction::triggered, this, &MainWindow::duplicateRule);
    m_removeAction = action(tr("&Remove"), QStringLiteral("list-remove"), QKeySequence::Delete,
                            tr("Remove the selected rule"));
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeRule);
    m_startAction = action(tr("&Start"), QStringLiteral("media-playback-start"), QKeySequence(Qt::CTRL | Qt::Key_R),
                           tr("Start listening on the selected rule"));
    connect(m_startAction, &QAction::triggered, this, [this] { setSelectedEnabled(true); });
    m_stopAction = action(tr("S&top"), QStringLiteral("media-playback-stop"), QKeySequence(Qt::CTRL | Qt::Key_T),
                          tr("Stop the selected rule and close its connections"));
    connect(m_stopAction, &QAction::triggered, this, [this] { setSelectedEnabled(false); });
    // Enter and Delete act on the table only, so they do not steal keys from the panels below.
    m_editAction->setShortcutContext(Qt::WidgetShortcut);
    m_removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_rulesView->addActions({m_addAction, m_editAction, m_duplicateAction, m_removeAction, m_startAction, m_stopAction});

    m_keepInTrayAction = new QAction(tr("&Keep running in the tray when closed"), this);
    m_keepInTrayAction->setCheckable(true);
    m_keepInTrayAction->setChecked(true);
    m_keepInTrayAction->setStatusTip(tr("Closing the window leaves the rules listening, with an icon in the tray"));
    m_quitAction = action(tr("&Quit"), QStringLiteral("application-exit"), QKeySequence::Quit, tr("Stop every rule and quit"));
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quit);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_keepInTrayAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *rules = menuBar()->addMenu(tr("&Rules"));
    for (QAction *action : {m_addAction, m_editAction, m_duplicateAction, m_removeAction})
        rules->addAction(action);
    rules->addSeparator();
    rules->addAction(m_startAction);
    rules->addAction(m_stopAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        QAction *show = view->addAction(m_tabs->tabText(tab).remove(u'&'));
        show->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + tab)));
        connect(show, &QAction::triggered, m_tabs, [this, tab] { m_tabs->setCurrentIndex(tab); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Pasarela"), this, [this] {
        QMessageBox::about(this, tr("About Pasarela"),
                           tr("<h3>Pasarela %1</h3><p>Expose a local Kubernetes cluster's ports and watch what "
                              "crosses them.</p><p>Built with Qt %2. Licensed under the GNU GPL, version 3 or later.</p>")
                               .arg(QStringLiteral(PASARELA_VERSION), QString::fromLatin1(qVersion())));
    });

    QToolBar *toolBar = addToolBar(tr("Rules"));
    toolBar->setObjectName(QStringLiteral("rulesToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    for (QAction *action : {m_addAction, m_editAction, m_duplicateAction, m_removeAction})
        toolBar->addAction(action);
    toolBar->addSeparator();
    toolBar->addAction(m_startAction);
    toolBar->addAction(m_stopAction);
}

void MainWindow::loadRules()
{
    const Result<void> loaded = m_controller->load();
    if (loaded)
        return;
    m_loadError = loaded.error();
    m_banner->setText(tr("<b>The rules file could not be read</b>, so Pasarela started with no rules and left the "
                         "file as it is.<br>%1<br>Fix the file and start Pasarela again, or add rules here: the first "
                         "save asks before replacing it and keeps the broken file beside it as a backup.")
                          .arg(m_loadError.toHtmlEscaped()));
    m_banner->show();
    logMessage(EventLevel::Error, m_loadError);
}

void MainWindow::applySnapshot(const EngineSnapshot &snapshot)
{
    m_ruleModel->applySnapshot(snapshot);
    m_connections->applySnapshot(snapshot);
    m_throughput->applySnapshot(snapshot);

    int listening = 0;
    quint64 active = 0;
    double in = 0, out = 0;
    for (const RuleStats &rule : snapshot.rules) {
        listening += rule.state == RuleState::Listening;
        active += rule.active;
        in += rule.rateUp;
        out += rule.rateDown;
        m_logModel->setRuleName(rule.ruleId, rule.name);
    }
    const int rules = int(m_controller->ruleIds().size());
    m_listeningLabel->setText(tr("%1 of %2 rules listening").arg(listening).arg(rules));
    m_connectionsLabel->setText(active == 1 ? tr("1 connection") : tr("%1 connections").arg(active));
    m_rateLabel->setText(tr("In %1 · Out %2").arg(Format::rate(in), Format::rate(out)));
    m_tray->setStatus(listening, rules, active);
}

RuleId MainWindow::selectedRule() const
{
    const QModelIndexList rows = m_rulesView->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_ruleModel->ruleIdAt(rows.constFirst().row());
}

void MainWindow::updateActions()
{
    const RuleId id = selectedRule();
    const bool has = id != 0;
    const RuleState state = has ? m_controller->state(id) : RuleState::Stopped;
    const bool enabled = has && m_controller->rule(id).enabled;
    for (QAction *action : {m_editAction, m_duplicateAction, m_removeAction})
        action->setEnabled(has);
    m_startAction->setEnabled(has && (!enabled || state == RuleState::Error));
    m_stopAction->setEnabled(has && enabled);
}

void MainWindow::selectionChanged()
{
    updateActions();
    const RuleId id = selectedRule();
    m_throughput->setRule(id, id ? m_controller->rule(id).name : QString());
}

// Failures come as engine events, with the reason; starts and stops are said here.
void MainWindow::logRuleState(RuleId id, RuleState state)
{
    const ForwardRule rule = m_controller->rule(id);
    QString message;
    if (state == RuleState::Listening)
        message = tr("listening on %1, forwarding to %2").arg(rule.listen.toString(), rule.target.toString());
    else if (state == RuleState::Stopped)
        message = tr("stopped");
    else
        return;
    m_logModel->setRuleName(id, rule.name);
    m_logModel->addEvent(EngineEvent{QDateTime::currentDateTimeUtc(), EventLevel::Info, id, message});
}

void MainWindow::logMessage(EventLevel level, const QString &message)
{
    m_logModel->addEvent(EngineEvent{QDateTime::currentDateTimeUtc(), level, 0, message});
    statusBar()->showMessage(message, 10000);
}

bool MainWindow::editRuleDialog(const ForwardRule &rule, RuleId id, const QString &title)
{
    QList<ForwardRule> others;
    for (RuleId other : m_controller->ruleIds()) {
        if (other != id)
            others.append(m_controller->rule(other));
    }
    RuleEditorDialog dialog(rule, others, this);
    dialog.setWindowTitle(title);
    while (dialog.exec() == QDialog::Accepted) {
        if (id == 0) {
            const Result<RuleId> added = m_controller->addRule(dialog.rule());
            if (added) {
                m_rulesView->selectRow(m_ruleModel->rowOf(added.value()));
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

bool MainWindow::addRule()
{
    ForwardRule rule;
    // A name that is free, so the dialog opens valid once the ports are filled in.
    QStringList names;
    for (const ForwardRule &existing : m_controller->rules())
        names.append(existing.name);
    int n = 1;
    do
        rule.name = tr("rule %1").arg(n++);
    while (names.contains(rule.name));
    return editRuleDialog(rule, 0, tr("Add rule"));
}

bool MainWindow::editRule()
{
    const RuleId id = selectedRule();
    return id && editRuleDialog(m_controller->rule(id), id, tr("Edit rule"));
}

void MainWindow::duplicateRule()
{
    const RuleId id = selectedRule();
    if (!id)
        return;
    const Result<RuleId> copy = m_controller->duplicateRule(id);
    if (!copy) {
        logMessage(EventLevel::Error, copy.error());
        return;
    }
    m_rulesView->selectRow(m_ruleModel->rowOf(copy.value()));
}

void MainWindow::removeRule()
{
    const RuleId id = selectedRule();
    if (!id)
        return;
    quint64 active = 0;
    for (const RuleStats &stats : m_engine->lastSnapshot().rules) {
        if (stats.ruleId == id)
            active = stats.active;
    }
    const QString name = m_controller->rule(id).name;
    if (active > 0
        && QMessageBox::question(this, tr("Remove rule"),
                                 tr("\"%1\" has %2 open connection(s). Remove the rule and close them?")
                                     .arg(name)
                                     .arg(active),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
               != QMessageBox::Yes) {
        return;
    }
    const int row = m_ruleModel->rowOf(id);
    m_controller->removeRule(id);
    if (m_ruleModel->rowCount() > 0)
        m_rulesView->selectRow(qMin(row, m_ruleModel->rowCount() - 1));
}

void MainWindow::setSelectedEnabled(bool enabled)
{
    const RuleId id = selectedRule();
    if (!id)
        return;
    const Result<void> result = m_controller->setEnabled(id, enabled);
    if (!result)
        logMessage(EventLevel::Error, result.error());
    updateActions();
}

bool MainWindow::confirmReplaceBroken()
{
    const QMessageBox::StandardButton answer = QMessageBox::warning(
        this, tr("Replace the rules file?"),
        tr("%1 could not be read when Pasarela started, so it was left as it is.\n\n"
           "Save the current rules in its place? The unreadable file is kept beside it as a backup.")
            .arg(m_controller->path()),
        QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Save;
}

void MainWindow::restoreSettings()
{
    QSettings *settings = pasarelaSettings(this);
    if (!restoreGeometry(settings->value(QStringLiteral("window/geometry")).toByteArray())) {
        // Large enough for every column, on any screen from 1280x800 up.
        const QRect screen = this->screen()->availableGeometry();
        const QSize size(qMin(screen.width() - 40, qMax(1240, screen.width() * 4 / 5)),
                         qMin(screen.height() - 40, qMax(720, screen.height() * 4 / 5)));
        setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, screen));
    }
    restoreState(settings->value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings->value(QStringLiteral("window/splitter")).toByteArray());
    m_rulesView->horizontalHeader()->restoreState(settings->value(QStringLiteral("rules/header")).toByteArray());
    m_connections->restoreState(settings->value(QStringLiteral("connections/header")).toByteArray());
    m_tabs->setCurrentIndex(settings->value(QStringLiteral("window/tab"), 0).toInt());
    m_keepInTrayAction->setChecked(settings->value(QStringLiteral("tray/keepRunning"), true).toBool());
    delete settings;
}

void MainWindow::saveSettings()
{
    QSettings *settings = pasarelaSettings(this);
    settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings->setValue(QStringLiteral("window/state"), saveState());
    settings->setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings->setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
    settings->setValue(QStringLiteral("rules/header"), m_rulesView->horizontalHeader()->saveState());
    settings->setValue(QStringLiteral("connections/header"), m_connections->saveState());
    settings->setValue(QStringLiteral("tray/keepRunning"), m_keepInTrayAction->isChecked());
    delete settings;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    const bool listening = std::any_of(m_engine->lastSnapshot().rules.cbegin(), m_engine->lastSnapshot().rules.cend(),
                                       [](const RuleStats &rule) { return rule.state == RuleState::Listening; });
    if (m_quitting || !listening || !m_keepInTrayAction->isChecked() || !m_tray->isAvailable()) {
        event->accept();
        QApplication::quit();
        return;
    }
    // Keep forwarding in the background; say so the first time.
    event->ignore();
    hide();
    QSettings *settings = pasarelaSettings(this);
    if (!settings->value(QStringLiteral("tray/noticeShown"), false).toBool()) {
        m_tray->showNotice(tr("Pasarela is still forwarding"),
                           tr("The rules keep listening. Quit from the tray icon's menu; turn this off in "
                              "File › Keep running in the tray when closed."));
        settings->setValue(QStringLiteral("tray/noticeShown"), true);
    }
    delete settings;
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
}
