#pragma once

#include <QList>
#include <QWidget>

#include <functional>

#include "export/ruleexport.h"
#include "rules/forwardrule.h"
#include "relay/enginesnapshot.h"

class ClusterFollower;
class QAction;
class QLabel;
class QTableView;
class QFrame;
class RuleController;
class RuleTableModel;

// The rules table and what can be done to its rules: add, edit, duplicate,
// remove, start, stop. The window puts the actions in its menus and tool bar.
class RulesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesPanel)

public:
    explicit RulesPanel(RuleController *controller, QWidget *parent = nullptr);

    RuleTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Add, edit, duplicate, remove.
    QList<QAction *> editActions() const;
    // Start, stop.
    QList<QAction *> runActions() const;
    // Update target, check cluster targets.
    QList<QAction *> clusterActions() const;
    // One per export format, for the "Export as" menu.
    QList<QAction *> exportActions() const;
    // Clear faults (the selected rule's), clear the faults of all rules.
    QList<QAction *> faultActions() const { return {m_clearFaultsAction, m_clearAllFaultsAction}; }
    QAction *clearFaultsAction() const { return m_clearFaultsAction; }
    // Share…: what other machines open to reach the selected rule.
    QAction *shareAction() const { return m_shareAction; }
    // Moves the rules that follow the cluster; marks the others that point at an old address.
    ClusterFollower *clusterFollower() const { return m_follower; }

    // A problem with the rules file, shown above the table until the file is replaced.
    void showFileProblem(const QString &html);
    void hideFileProblem();
    // The first start's offer: try the demo or add a rule. Hidden once either is
    // done or the user closes it.
    void showWelcome();
    bool isWelcomeShown() const;

    RuleId selectedRule() const;
    // Open the rule editor for a new rule / the selected one; true when a rule was saved.
    bool addRule();
    bool editRule();
    void duplicateRule();
    // Asks first only when the rule has open connections.
    void removeRule();
    void setSelectedEnabled(bool enabled);
    // Takes the faults off the selected rule / all rules, live, and saves.
    void clearFaults();
    void clearAllFaults();
    // Opens the Share dialog of the selected rule.
    void shareRule();
    // Points the selected stale rule (one that does not follow the cluster) at where its
    // cluster service answers now.
    void updateTarget();
    // The selected rule, or all when none is selected, exported to path (written
    // whole or not at all); false after emitting failed().
    bool exportRulesTo(ExportFormat format, const QString &path);
    // Asks where to save an export (default: a file dialog); returns "" to cancel. For tests.
    void setExportPathChooser(std::function<QString(const QString &suggested)> choose)
    {
        m_chooseExportPath = std::move(choose);
    }

signals:
    void selectedRuleChanged(RuleId id, const QString &name);
    // Something the user should read (an action failed).
    void failed(const QString &message);
    void demoRequested();
    // Closed with its close button: not to be offered again.
    void welcomeDismissed();
    // Following the cluster, for the log: a rule moved (the event names the rule), or
    // a cluster cannot be read, or can again (no rule).
    void clusterEvent(const EngineEvent &event);

private:
    void createWelcome();
    bool runEditor(const ForwardRule &rule, RuleId id, const QString &title);
    void updateActions();
    void selectionChanged();
    void exportAs(ExportFormat format);

    RuleController *m_controller;
    RuleTableModel *m_model;
    QLabel *m_banner;
    QFrame *m_welcome;
    QTableView *m_view;
    QAction *m_addAction;
    QAction *m_editAction;
    QAction *m_duplicateAction;
    QAction *m_removeAction;
    QAction *m_startAction;
    QAction *m_stopAction;
    ClusterFollower *m_follower;
    QAction *m_updateTargetAction;
    QAction *m_checkClusterAction;
    QAction *m_shareAction;
    QAction *m_clearFaultsAction;
    QAction *m_clearAllFaultsAction;
    QList<QAction *> m_exportActions;
    std::function<QString(const QString &)> m_chooseExportPath;
};

// An action with a theme icon, a shortcut and a tooltip that names the shortcut.
QAction *makeAction(const QString &text, const QString &icon, const QKeySequence &key, const QString &tip,
                    QObject *parent);
