#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimer>

#include "relay/enginesnapshot.h"

// The event log: time, level, rule, message. Events are queued and appended in
// one batch every 200 ms; the oldest rows go beyond the limit (10,000).
class LogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)

public:
    enum Column { Time, Level, Rule, Message, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1 };

    explicit LogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void addEvent(const EngineEvent &event);
    // Appends what is queued now (the timer does this).
    void flush();
    void clear();
    void setRuleName(RuleId id, const QString &name);
    void setLimit(int limit);
    // "time<TAB>level<TAB>rule<TAB>message" lines of the given rows.
    QString text(const QList<int> &rows) const;

private:
    void trim();
    QString ruleName(RuleId id) const;

    QList<EngineEvent> m_rows;
    QList<EngineEvent> m_pending;
    QHash<RuleId, QString> m_ruleNames;
    QTimer m_flushTimer;
    int m_limit = 10000;
};
