#pragma once

#include <QWidget>

#include "stats/connectioninfo.h"

class ConnectionTableModel;
class ForwardEngine;
class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

// The Connections tab: the live table with a filter box (rule, address, state),
// sorting, a context menu (copy row, close this connection), "Clear closed" and
// export as CSV or JSON.
class ConnectionsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsPanel)

public:
    explicit ConnectionsPanel(ForwardEngine *engine, QWidget *parent = nullptr);

    ConnectionTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    void applySnapshot(const EngineSnapshot &snapshot);
    // Writes the rows shown (after filtering) to path; format from the suffix (.csv or .json).
    // Returns an error in words; empty on success.
    QString exportTo(const QString &path) const;

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
    QString write(const QString &path, ExportFormat format) const;
    QList<int> selectedSourceRows() const;
    void setColumnWidths();

    ForwardEngine *m_engine;
    ConnectionTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QAction *m_copyAction;
    QAction *m_closeAction;
    QAction *m_clearAction;
    QAction *m_exportAction;
};
