#pragma once

#include <QWidget>

#include "result.h"
#include "relay/enginesnapshot.h"

class ConnectionDetail;
class ConnectionTableModel;
class ForwardEngine;
class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class RequestLogModel;

// The Connections tab: the live table with a filter box (rule, address, state),
// sorting, a context menu (copy row, close this connection), "Clear closed" and
// export as CSV or JSON. Below it, the selected connection's HTTP requests and TLS names.
class ConnectionsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsPanel)

public:
    explicit ConnectionsPanel(ForwardEngine *engine, QWidget *parent = nullptr);

    ConnectionTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    void applySnapshot(const EngineSnapshot &snapshot);
    // The requests the detail pane shows, filtered to the selected connection (not owned).
    void setRequestModel(RequestLogModel *requests);
    ConnectionDetail *detail() const { return m_detail; }
    // Writes the rows shown (after filtering) to path; format from the suffix (.csv or .json).
    Result<void> exportTo(const QString &path) const;

    // Header state, for QSettings.
    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

public slots:
    // The context menu's actions, on the selected rows.
    void copySelected();
    void closeSelected();

private:
    enum class ExportFormat { Csv, Json };

    void showContextMenu(const QPoint &pos);
    void exportWithDialog();
    Result<void> write(const QString &path, ExportFormat format) const;
    QList<int> selectedSourceRows() const;
    void setColumnWidths();
    void currentConnectionChanged(const QModelIndex &current);
    void followSelectedConnection();
    void updateDetail();

    ForwardEngine *m_engine;
    ConnectionTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QAction *m_copyAction;
    QAction *m_closeAction;
    QAction *m_clearAction;
    QAction *m_exportAction;
    ConnectionDetail *m_detail;
    quint64 m_detailId = 0;  // the connection the detail pane shows; 0: none
};
