#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

#include "relay/enginesnapshot.h"

// Live connections, fed by engine snapshots. Active rows first (in the order they
// opened), then closed rows, most recently closed first, kept greyed for a while
// (the last closedLimit()). Each snapshot is applied as a few batched
// inserts/removals and one dataChanged, never a signal per connection.
class ConnectionTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTableModel)

public:
    enum Column {
        Rule, Client, Listen, Upstream, Protocol, State, Opened, Duration, BytesUp, BytesDown, CloseReason, ColumnCount
    };
    enum Role {
        ConnectionIdRole = Qt::UserRole + 1,  // quint64
        ActiveRole,                           // bool
        SortRole,                             // numbers as numbers, times as msecs
    };

    explicit ConnectionTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void applySnapshot(const EngineSnapshot &snapshot);
    void clearClosed();
    int closedLimit() const { return m_closedLimit; }
    void setClosedLimit(int limit);

    int activeCount() const { return int(m_active.size()); }
    const ConnectionInfo &connectionAt(int row) const;
    QString ruleName(RuleId id) const;
    // The time of the last snapshot: where the durations of open connections end.
    QDateTime now() const { return m_now; }

    // The visible text of a row, tab-separated, for the clipboard.
    QString rowText(int row) const;
    // "HTTP · 3 requests", "TLS api.local · h2, http/1.1", "Not HTTP", "—" (off or undecided).
    static QString protocolText(const ConnectionInfo &c);

private:
    QString text(const ConnectionInfo &c, int column) const;
    QVariant sortKey(const ConnectionInfo &c, int column) const;
    qint64 durationMs(const ConnectionInfo &c) const;
    void removeActiveRows(const QList<bool> &keep);
    void insertClosed(QList<ConnectionInfo> closed);
    void appendActive(const QList<ConnectionInfo> &opened);
    void trimClosed();

    QList<ConnectionInfo> m_active;
    QList<ConnectionInfo> m_closed;  // newest first
    QHash<quint64, int> m_activeRow;  // id -> index in m_active
    QHash<RuleId, QString> m_ruleNames;  // kept after a rule is removed
    QDateTime m_now;  // snapshot time, for durations
    int m_closedLimit = 1000;
};
