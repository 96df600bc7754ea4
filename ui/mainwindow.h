#pragma once

#include <QMainWindow>

#include "relay/enginesnapshot.h"

class ConnectionsPanel;
class DemoIngress;
class ForwardEngine;
class HttpClientPanel;
class LogModel;
class LogPanel;
class QAction;
class QLabel;
class QSettings;
class QSplitter;
class QTabWidget;
class RequestsPanel;
class RuleController;
class RulesPanel;
class ThroughputPanel;
class TrayControl;

// The window: a face on ForwardEngine. Composes the panels (rules, connections,
// throughput, log, HTTP client, requests), the actions and the status bar; moves no bytes itself.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // Loads rulesPath into the engine; enabled rules start listening at once. With
    // no file yet, offers the demo (unless the offer was closed before).
    MainWindow(ForwardEngine *engine, const QString &rulesPath, QWidget *parent = nullptr);
    ~MainWindow() override;

    RuleController *ruleController() const { return m_controller; }
    RulesPanel *rulesPanel() const { return m_rules; }
    ConnectionsPanel *connectionsPanel() const { return m_connections; }
    ThroughputPanel *throughputPanel() const { return m_throughput; }
    LogModel *logModel() const { return m_logModel; }
    HttpClientPanel *httpClientPanel() const { return m_http; }
    RequestsPanel *requestsPanel() const { return m_requests; }
    QTabWidget *tabs() const { return m_tabs; }
    // The message shown when the rules file could not be read; empty when it was.
    QString loadError() const { return m_loadError; }
    // Saves the layout, stops every rule and leaves the event loop.
    void quit();
    // Starts the demo ingress and its unsaved rule "demo ingress" (once), and fills
    // the HTTP client with a request to it.
    void startDemo();
    DemoIngress *demoIngress() const { return m_demo; }
    // Shows the window (from the tray, minimised or behind others) and raises it.
    void bringToFront();
    // Shown unless hidden is asked for and the tray can bring it back.
    void showAtStart(bool hidden);
    QAction *startAtLoginAction() const { return m_startAtLoginAction; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void setStartAtLogin(bool enabled);
    void showAbout();
    void loadRules();
    void applySnapshot(const EngineSnapshot &snapshot);
    void logRuleState(RuleId id, RuleState state);
    void logClusterEvent(const EngineEvent &event);
    void logMessage(EventLevel level, const QString &message);
    bool confirmReplaceBroken();
    void restoreSettings();
    void saveSettings();

    ForwardEngine *m_engine;
    RuleController *m_controller;
    LogModel *m_logModel;
    RulesPanel *m_rules;
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    ConnectionsPanel *m_connections;
    ThroughputPanel *m_throughput;
    LogPanel *m_log;
    HttpClientPanel *m_http;
    RequestsPanel *m_requests;
    TrayControl *m_tray;
    DemoIngress *m_demo = nullptr;
    QLabel *m_listeningLabel;
    QLabel *m_connectionsLabel;
    QLabel *m_rateLabel;
    QAction *m_keepInTrayAction;
    QAction *m_startAtLoginAction;
    QAction *m_quitAction;
    QString m_loadError;
    bool m_quitting = false;
};

// The window's settings file (AppConfigLocation/settings.ini), readable by the user only.
QSettings *pasarelaSettings(QObject *parent);
