#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>

#include <optional>

#include "cluster/clusterplan.h"
#include "relay/enginesnapshot.h"

class ClusterFollower;
class RuleController;

// The rules table: the definitions come from the controller, the live figures
// from engine snapshots (applied in one batch each).
class RuleTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleTableModel)

public:
    enum Column { Enabled, Name, Listen, Target, State, Active, Total, Refused, BytesIn, BytesOut, Rate, ColumnCount };
    // FaultsRole: the rule injects faults (the Name cell is marked amber with a bolt).
    enum Role { RuleIdRole = Qt::UserRole + 1, ExposedRole, FaultsRole };

    explicit RuleTableModel(RuleController *controller, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // The Enabled column's check box starts and stops the rule.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // The Name cell's mark of a rule with faults; null without a GUI application.
    static QIcon faultIcon();

    RuleId ruleIdAt(int row) const;
    int rowOf(RuleId id) const;  // -1 when unknown

    void applySnapshot(const EngineSnapshot &snapshot);
    // From the last snapshot; zeros when the rule was not in it.
    RuleStats stats(RuleId id) const { return m_stats.value(id); }

    // Where the Target column learns which rules follow the cluster, how their last
    // check went, and which rules that do not follow point at an old address.
    void setClusterFollower(const ClusterFollower *follower);
    // nullopt when the rule is not stale or already points at the new targets.
    std::optional<StaleTarget> staleTarget(RuleId id) const;
    // After a check: the Target column is redrawn.
    void clusterChecked();

private:
    void reload();
    void refreshRule(RuleId id);

    RuleController *m_controller;
    QList<RuleId> m_ids;
    QHash<RuleId, RuleStats> m_stats;
    const ClusterFollower *m_follower = nullptr;
};
