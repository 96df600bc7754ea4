#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include "relay/enginesnapshot.h"

// The last requests inspection saw, over all rules, oldest first. Each batch is one
// removal of the oldest rows beyond the limit and one insertion at the end.
class RequestLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLogModel)

public:
    enum Column { Time, Rule, Client, Host, Method, Path, Status, Latency, Size, ColumnCount };
    enum Role {
        ConnectionIdRole = Qt::UserRole + 1,  // quint64
        SortRole,                             // numbers as numbers, times as msecs
    };
    static constexpr int DefaultLimit = 5000;
    // Captured heads and bodies kept over all rows; beyond, the oldest rows lose theirs.
    static constexpr qsizetype CaptureBudget = 64 * 1024 * 1024;

    explicit RequestLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Rule names from the snapshot, then its requests.
    void applySnapshot(const EngineSnapshot &snapshot);
    void add(const QList<RequestRecord> &records);
    void clear();
    const RequestRecord &record(int row) const { return m_rows.at(row); }
    int limit() const { return m_limit; }
    void setLimit(int limit);
    void setRuleName(RuleId id, const QString &name);
    QString ruleName(RuleId id) const;

private:
    QString text(const RequestRecord &record, int column) const;
    QVariant sortKey(const RequestRecord &record, int column) const;
    void trim(int room);
    void keepCapturesInBudget();

    QList<RequestRecord> m_rows;
    qsizetype m_capturedBytes = 0;
    QHash<RuleId, QString> m_ruleNames;  // kept after a rule is removed
    int m_limit = DefaultLimit;
};
