#include "mainwindow.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

#include "appicon.h"
#include "autostart.h"
#include "charts/throughputpanel.h"
#include "cluster/exposedialog.h"
#include "connections/connectionspanel.h"
#include "demo/demoingress.h"
#include "format.h"
#include "http/httpclientpanel.h"
#include "http/httphistory.h"
#include "log/logmodel.h"
#include "log/logpanel.h"
#include "relay/forwardengine.h"
#include "requests/requestspanel.h"
#include "rules/rulecontroller.h"
#include "rules/rulespanel.h"
#include "rules/ruletablemodel.h"
#include "traycontrol.h"

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
    , m_logModel(new LogModel(this))
    , m_rules(new RulesPanel(m_controller, this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_tabs(new QTabWidget(this))
    , m_connections(new ConnectionsPanel(engine, this))
    , m_throughput(new ThroughputPanel(this))
    , m_log(new LogPanel(m_logModel, this))
    , m_http(new HttpClientPanel(m_controller, HttpHistory::defaultPath(), this))
    , m_requests(new RequestsPanel(this))
{
    // The Requests tab and the connections' detail read them, and Replay… compares with
    // the captured answers; before any rule starts.
    m_engine->setPublishRequests(true);
    m_engine->setCaptureExchanges(true);
    setWindowTitle(tr("Pasarela"));
    setWindowIcon(appIcon());
    m_controller->setConfirmReplaceBroken([this] { return confirmReplaceBroken(); });

    m_tabs->addTab(m_connections, tr("&Connections"));
    m_tabs->addTab(m_throughput, tr("&Throughput"));
    m_tabs->addTab(m_log, tr("&Log"));
    m_tabs->addTab(m_http, tr("HTT&P client"));
    m_tabs->addTab(m_requests, tr("Re&quests"));
    m_tabs->setAccessibleName(tr("Connections, throughput, log, HTTP client and requests"));
    m_connections->setRequestModel(m_requests->model());
    m_splitter->addWidget(m_rules);
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

    m_keepInTrayAction = new QAction(tr("&Keep running in the tray when closed"), this);
    m_keepInTrayAction->setCheckable(true);
    m_keepInTrayAction->setChecked(true);
    m_keepInTrayAction->setStatusTip(tr("Closing the window leaves the rules listening, with an icon in the tray"));
    m_startAtLoginAction = new QAction(tr("Start at &login"), this);
    m_startAtLoginAction->setCheckable(true);
    m_startAtLoginAction->setChecked(Autostart::isEnabled());
    m_startAtLoginAction->setStatusTip(tr("Start Pasarela hidden in the tray when you log in, with the saved rules "
                                          "listening"));
    connect(m_startAtLoginAction, &QAction::toggled, this, &MainWindow::setStartAtLogin);
    m_quitAction = makeAction(tr("&Quit"), QStringLiteral("application-exit"), QKeySequence::Quit,
                              tr("Stop every rule and quit"), this);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quit);
    createMenus();
    m_tray = new TrayControl(this, m_quitAction);

    connect(m_rules, &RulesPanel::selectedRuleChanged, m_throughput, &ThroughputPanel::setRule);
    connect(m_rules, &RulesPanel::failed, this, [this](const QString &message) { logMessage(EventLevel::Error, message); });
    connect(m_rules, &RulesPanel::clusterEvent, this, &MainWindow::logClusterEvent);
    connect(m_controller, &RuleController::saveFailed, this,
            [this](const QString &message) { logMessage(EventLevel::Error, message); });
    connect(m_controller, &RuleController::brokenFileKept, this, [this](const QString &backup) {
        logMessage(EventLevel::Warning, tr("The unreadable rules file was kept as %1").arg(backup));
    });
    connect(m_controller, &RuleController::saved, this,
            [this](const QString &path) { statusBar()->showMessage(tr("Saved %1").arg(path), 3000); });
    connect(m_engine, &ForwardEngine::eventLogged, m_logModel, &LogModel::addEvent);
    connect(m_engine, &ForwardEngine::ruleStateChanged, this, &MainWindow::logRuleState);
    connect(m_engine, &ForwardEngine::snapshotReady, this, &MainWindow::applySnapshot);
    connect(m_requests, &RequestsPanel::replayRequested, this, [this](const HttpRequest &request) {
        m_http->setRequest(request);
        m_tabs->setCurrentWidget(m_http);
    });
    connect(m_requests, &RequestsPanel::notice, this, [this](const QString &message) { statusBar()->showMessage(message, 10000); });

    connect(m_rules, &RulesPanel::demoRequested, this, &MainWindow::startDemo);
    connect(m_rules, &RulesPanel::welcomeDismissed, this, [this] {
        QSettings *settings = pasarelaSettings(this);
        settings->setValue(QStringLiteral("demo/offerClosed"), true);
        delete settings;
    });

    const bool firstStart = !QFileInfo::exists(rulesPath);
    loadRules();
    restoreSettings();
    QSettings *settings = pasarelaSettings(this);
    if (firstStart && !settings->value(QStringLiteral("demo/offerClosed"), false).toBool())
        m_rules->showWelcome();
    delete settings;
    applySnapshot(m_engine->lastSnapshot());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_keepInTrayAction);
    file->addAction(m_startAtLoginAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *rules = menuBar()->addMenu(tr("&Rules"));
    rules->addActions(m_rules->editActions());
    rules->addSeparator();
    rules->addActions(m_rules->runActions());
    rules->addAction(m_rules->shareAction());
    rules->addActions(m_rules->faultActions());
    rules->addSeparator();
    rules->addActions(m_rules->clusterActions());
    rules->addMenu(tr("Ex&port as"))->addActions(m_rules->exportActions());
    rules->addSeparator();
    QAction *expose = rules->addAction(tr("E&xpose cluster…"), this, [this] {
        ExposeDialog dialog(m_controller, this);
        dialog.exec();
        const QList<RequestCollection> requests = dialog.requests();
        if (!requests.isEmpty()) {
            m_http->addCollections(requests);
            m_tabs->setCurrentWidget(m_http);
        }
    });
    expose->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    expose->setStatusTip(tr("Read the Minikube or kubectl cluster and create rules for its ingress and NodePort services"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        QAction *show = view->addAction(m_tabs->tabText(tab).remove(u'&'));
        show->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + tab)));
        connect(show, &QAction::triggered, m_tabs, [this, tab] { m_tabs->setCurrentIndex(tab); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *demo = help->addAction(tr("Try the &demo"), this, &MainWindow::startDemo);
    demo->setStatusTip(tr("A built-in ingress on loopback, a rule on 127.0.0.1:%1 to it and a request ready in "
                          "the HTTP client; nothing is saved").arg(DemoIngress::RulePort));
    help->addSeparator();
    help->addAction(tr("&About Pasarela"), this, &MainWindow::showAbout);

    QToolBar *toolBar = addToolBar(tr("Rules"));
    toolBar->setObjectName(QStringLiteral("rulesToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addActions(m_rules->editActions());
    toolBar->addSeparator();
    toolBar->addActions(m_rules->runActions());
    toolBar->addSeparator();
    toolBar->addAction(m_rules->shareAction());
    toolBar->addAction(m_rules->clearFaultsAction());
}

void MainWindow::loadRules()
{
    const Result<void> loaded = m_controller->load();
    if (loaded)
        return;
    m_loadError = loaded.error();
    m_rules->showFileProblem(
        tr("<b>The rules file could not be read</b>, so Pasarela started with no rules and left the file as it "
           "is.<br>%1<br>Fix the file and start Pasarela again, or add rules here: the first save asks before "
           "replacing it and keeps the broken file beside it as a backup.")
            .arg(m_loadError.toHtmlEscaped()));
    logMessage(EventLevel::Error, m_loadError);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Pasarela"),
        tr("<h3>Pasarela %1</h3>"
           "<p>Expose a local Kubernetes cluster's ports to other machines, watch what crosses them, and test the "
           "API behind them.</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>"
           "<p>Copyright © 2026 the Pasarela developers. Free software under the "
           "<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU General Public License, version 3 or "
           "later</a>; there is no warranty.</p>"
           "<p>How to use it: <a href=\"%4\">the README</a>.</p>")
            .arg(QStringLiteral(PASARELA_VERSION), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
                 QStringLiteral("https://github.com/pasarela-dev/pasarela#readme")));
}

void MainWindow::setStartAtLogin(bool enabled)
{
    QStringList arguments;
    const QString rules = QFileInfo(m_controller->path()).absoluteFilePath();
    if (rules != QFileInfo(RuleStore::defaultPath()).absoluteFilePath())
        arguments << QStringLiteral("--config") << rules;
    const Result<void> result = Autostart::setEnabled(enabled, QCoreApplication::applicationFilePath(), arguments);
    if (!result) {
        const QSignalBlocker blocker(m_startAtLoginAction);
        m_startAtLoginAction->setChecked(!enabled);
        logMessage(EventLevel::Error, Format::sentence(result.error()));
        return;
    }
    statusBar()->showMessage(enabled ? tr("Pasarela will start hidden in the tray when you log in")
                                     : tr("Pasarela will not start at login"),
                             5000);
}

void MainWindow::showAtStart(bool hidden)
{
    if (!hidden || !m_tray->isAvailable())
        show();
}

void MainWindow::bringToFront()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

void MainWindow::startDemo()
{
    if (!m_demo) {
        auto *demo = new DemoIngress(this);
        if (const Result<void> started = demo->start(); !started) {
            delete demo;
            logMessage(EventLevel::Error, Format::sentence(started.error()));
            return;
        }
        // A port in use shows on this rule only, like on any other.
        const Result<RuleId> added = m_controller->addUnsavedRule(demo->rule());
        if (!added) {
            delete demo;
            logMessage(EventLevel::Error, tr("The demo could not start: %1").arg(added.error()));
            return;
        }
        m_demo = demo;
        logMessage(EventLevel::Info, tr("Demo ingress answering on 127.0.0.1:%1; the rule \"%2\" forwards %3 to it")
                                         .arg(m_demo->port())
                                         .arg(m_demo->rule().name, m_demo->rule().listen.toString()));
    }
    m_http->setRequest(DemoIngress::sampleRequest());
    m_tabs->setCurrentWidget(m_http);
    // Ready to send: Enter, Space or Ctrl+Enter.
    m_http->sendButton()->setFocus();
}

void MainWindow::applySnapshot(const EngineSnapshot &snapshot)
{
    m_rules->model()->applySnapshot(snapshot);
    m_connections->applySnapshot(snapshot);
    m_requests->applySnapshot(snapshot);
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

// A rule that followed the cluster is also told in the tray: the window may be hidden there.
void MainWindow::logClusterEvent(const EngineEvent &event)
{
    if (event.ruleId == 0) {
        m_logModel->addEvent(event);
        statusBar()->showMessage(event.message, 10000);
        return;
    }
    const QString name = m_controller->rule(event.ruleId).name;
    m_logModel->setRuleName(event.ruleId, name);
    m_logModel->addEvent(event);
    m_tray->showNotice(tr("\"%1\" follows the cluster").arg(name), event.message);
}

void MainWindow::logMessage(EventLevel level, const QString &message)
{
    m_logModel->addEvent(EngineEvent{QDateTime::currentDateTimeUtc(), level, 0, message});
    statusBar()->showMessage(message, 10000);
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
    m_rules->view()->horizontalHeader()->restoreState(settings->value(QStringLiteral("rules/header")).toByteArray());
    m_connections->restoreState(settings->value(QStringLiteral("connections/header")).toByteArray());
    m_requests->restoreState(settings->value(QStringLiteral("requests/header")).toByteArray());
    m_http->restoreSettings(*settings);
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
    settings->setValue(QStringLiteral("rules/header"), m_rules->view()->horizontalHeader()->saveState());
    settings->setValue(QStringLiteral("connections/header"), m_connections->saveState());
    settings->setValue(QStringLiteral("requests/header"), m_requests->saveState());
    m_http->saveSettings(*settings);
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
