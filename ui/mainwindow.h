#pragma once

#include <QMainWindow>

#include "rules/forwardrule.h"
#include "stats/connectioninfo.h"

class ConnectionsPanel;
class ForwardEngine;
class LogModel;
class LogPanel;
class QAction;
class QLabel;
class QSettings;
class QSplitter;
class QTableView;
class QTabWidget;
class RuleController;
class RuleTableModel;
class ThroughputPanel;
class TrayControl;

// The window: a face on ForwardEngine. Composes the panels (rules, connections,
// throughput, log), the actions and the status bar; moves no bytes itself.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // Loads rulesPath into the engine; enabled rules start listening at once.
    MainWindow(ForwardEngine *engine, const QString &rulesPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    RuleController *ruleController() const { return m_controller; }
    RuleTableModel *ruleModel() const { return m_ruleModel; }
    QTableView *rulesView() const { return m_rulesView; }
    ConnectionsPanel *connectionsPanel() const { return m_connections; }
    ThroughputPanel *throughputPanel() const { return m_throughput; }
    LogModel *logModel() const { return m_logModel; }
    QTabWidget *tabs() const { return m_tabs; }
    // The message shown when the rules file could not be read; empty when it was.
    QString loadError() const { return m_loadError; }

    // Opens the rule editor for a new rule / the selected one. Return whether a rule was saved.
    bool addRule();
    bool editRule();
    void duplicateRule();
    void removeRule();
    void setSelectedEnabled(bool enabled);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void loadRules();
    void applySnapshot(const EngineSnapshot &snapshot);
    void updateActions();
    void selectionChanged();
    void logRuleState(RuleId id, RuleState state);
    void logMessage(EventLevel level, const QString &message);
    bool editRuleDialog(const ForwardRule &rule, RuleId id, const QString &title);
    bool confirmReplaceBroken();
    RuleId selectedRule() const;
    void restoreSettings();
    void saveSettings();
    void quit();

    ForwardEngine *m_engine;
    RuleController *m_controller;
    RuleTableModel *m_ruleModel;
    LogModel *m_logModel;
    QTableView *m_rulesView;
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    ConnectionsPanel *m_connections;
    ThroughputPanel *m_throughput;
    LogPanel *m_log;
    TrayControl *m_tray;
    QLabel *m_banner;
    QLabel *m_listeningLabel;
    QLabel *m_connectionsLabel;
    QLabel *m_rateLabel;
    QString m_loadError;
    bool m_quitting = false;

    QAction *m_addAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_keepInTrayAction = nullptr;
    QAction *m_quitAction = nullptr;
};

// The window's settings file (AppConfigLocation/settings.ini), readable by the user only.
QSettings *pasarelaSettings(QObject *parent);
