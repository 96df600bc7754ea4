#pragma once

#include <QDialog>
#include <QFutureWatcher>
#include <QList>

#include "cluster/clusterinfo.h"
#include "cluster/clusterplan.h"
#include "result.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class RuleController;

// "Expose cluster": reads the cluster off the GUI thread, plans a rule per
// ingress port and NodePort, and creates the ticked ones. After that,
// requests() holds the ready requests for the Ingresses.
class ExposeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExposeDialog)

public:
    enum Column { NameColumn, ExposesColumn, ListenPortColumn, TargetColumn, ColumnCount };

    // The first read starts at once, with kubectl's current context.
    explicit ExposeDialog(RuleController *rules, QWidget *parent = nullptr);
    ~ExposeDialog() override;

    // Reads again, with the context chosen in the combo (the current one before the first read).
    void read();
    bool isReading() const { return m_watcher.isRunning(); }
    // Adds the ticked rules; a rule that cannot be added is reported, the others still are.
    void createRules();
    // The requests for the Ingresses, through the rules created (empty before).
    QList<RequestCollection> requests() const { return m_requests; }
    int createdCount() const { return m_createdCount; }

    QComboBox *contextCombo() const { return m_context; }
    QComboBox *addressCombo() const { return m_address; }
    QTableWidget *table() const { return m_table; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *createButton() const { return m_create; }

signals:
    // A read ended, well or not (the message label says which).
    void readFinished();

private:
    void showResult(const Result<ClusterInfo> &result);
    void fillContexts();
    void fillTable();
    void showMessage(const QString &text, bool error);
    void updateCreateButton();

    RuleController *m_rules;
    QComboBox *m_context;
    QComboBox *m_address;
    QLabel *m_summary;
    QTableWidget *m_table;
    QProgressBar *m_busy;
    QLabel *m_message;
    QPushButton *m_retry;
    QPushButton *m_create;
    QFutureWatcher<Result<ClusterInfo>> m_watcher;
    ClusterInfo m_info;
    QList<ForwardRule> m_planned;
    QList<RequestCollection> m_requests;
    int m_createdCount = 0;
};
