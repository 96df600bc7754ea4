#pragma once

#include <QAbstractTableModel>

#include "http/httphistory.h"

// The HTTP client's history as a table, newest first. Owns the HttpHistory and
// saves it after every change.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column { Time, Method, Url, Status, Duration, ColumnCount };

    explicit HistoryModel(const QString &path, QObject *parent = nullptr);

    // Reads the file; on a broken file the history starts empty and the error
    // says where the file was kept.
    Result<void> load();
    QString path() const { return m_history.path(); }
    bool keepSecrets() const { return m_history.keepSecrets(); }
    void setKeepSecrets(bool keep) { m_history.setKeepSecrets(keep); }

    const HistoryEntry &entry(int row) const { return m_history.entries().at(row); }
    // Each saves the file; the error names it.
    Result<void> add(const HistoryEntry &entry);
    Result<void> remove(int row);
    Result<void> clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    HttpHistory m_history;
};
