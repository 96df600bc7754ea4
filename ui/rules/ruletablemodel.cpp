#include "ruletablemodel.h"

#include <QApplication>
#include <QColor>
#include <QGuiApplication>
#include <QIcon>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>

#include "appicon.h"
#include "cluster/clusterfollower.h"
#include "format.h"
#include "rules/faulttext.h"
#include "rules/followtext.h"
#include "rules/rulecontroller.h"

namespace {

const QColor ErrorColor(0xc0, 0x1c, 0x28);
const QColor WarningColor(0xb3, 0x5c, 0x00);
// A rule with faults: amber under dark text, set both, so it reads the same on light and dark palettes.
const QColor FaultBackground(0xff, 0xd8, 0x7a);
const QColor FaultForeground(0x3d, 0x26, 0x00);

QString stateText(RuleState state, const QString &error)
{
    switch (state) {
    case RuleState::Listening: return RuleTableModel::tr("Listening");
    case RuleState::Stopped: return RuleTableModel::tr("Stopped");
    case RuleState::Starting: return RuleTableModel::tr("Starting…");
    case RuleState::Error: return RuleTableModel::tr("Error: %1").arg(error);
    }
    return {};
}

// Who can reach an exposed rule, and whether the allow-list narrows it down.
QString exposedToolTip(const ForwardRule &rule)
{
    QString where;
    if (rule.listen.host == QLatin1String("0.0.0.0"))
        where = RuleTableModel::tr("all IPv4 interfaces (0.0.0.0)");
    else if (rule.listen.host == QLatin1String("::"))
        where = RuleTableModel::tr("all IPv6 interfaces (::)");
    else
        where = rule.listen.host;
    const QString reach = RuleTableModel::tr("Reachable from other machines on %1.").arg(where);
    const QString who = rule.allow.isEmpty()
        ? RuleTableModel::tr("Anyone who can reach this address can connect; add an allow-list to restrict it.")
        : RuleTableModel::tr("Only these sources are let in: %1").arg(rule.allow.join(QStringLiteral(", ")));
    return reach % u'\n' % who;
}

QIcon warningIcon()
{
    // The model can live without a widget application (a QStyle needs one).
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return {};
    return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
}

// A lightning bolt, drawn: themes have no common icon for it, and offscreen has no theme.
QIcon paintFaultIcon()
{
    return drawnIcon([](QPainter &painter) {
        QPainterPath bolt;
        bolt.moveTo(9.5, 0.8);
        bolt.lineTo(2.8, 9.2);
        bolt.lineTo(7.2, 9.2);
        bolt.lineTo(5.6, 15.2);
        bolt.lineTo(13.2, 6.2);
        bolt.lineTo(8.8, 6.2);
        bolt.lineTo(11.2, 0.8);
        bolt.closeSubpath();
        painter.setPen(QPen(QColor(0x4a, 0x28, 0x00), 1.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(QColor(0xf0, 0x8a, 0x00));
        painter.drawPath(bolt);
    });
}

QIcon followIcon()
{
    return QIcon::fromTheme(QStringLiteral("emblem-synchronizing"), QIcon::fromTheme(QStringLiteral("view-refresh")));
}

} // namespace

RuleTableModel::RuleTableModel(RuleController *controller, QObject *parent)
    : QAbstractTableModel(parent), m_controller(controller), m_ids(controller->ruleIds())
{
    connect(m_controller, &RuleController::rulesReset, this, &RuleTableModel::reload);
    connect(m_controller, &RuleController::ruleChanged, this, &RuleTableModel::refreshRule);
}

int RuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int RuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RuleTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RuleId id = m_ids.at(index.row());
    if (role == RuleIdRole)
        return id;
    const ForwardRule rule = m_controller->rule(id);
    if (role == ExposedRole)
        return rule.isExposed();

    const int column = index.column();
    if (role == Qt::TextAlignmentRole && column >= Active)
        return int(Qt::AlignRight | Qt::AlignVCenter);

    if (column == Enabled) {
        if (role == Qt::CheckStateRole)
            return rule.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return rule.enabled ? tr("Enabled: untick to stop this rule") : tr("Disabled: tick to start this rule");
        return {};
    }
    if (column == Name) {
        const bool unsaved = m_controller->isUnsaved(id);
        const bool faulty = !rule.faults.isEmpty();
        switch (role) {
        case Qt::DisplayRole: return unsaved ? tr("%1  (not saved)").arg(rule.name) : rule.name;
        case Qt::ToolTipRole: {
            const QString name = unsaved
                ? tr("%1: lasts until Pasarela quits; edit it to keep it in the rules file").arg(rule.name)
                : rule.name;
            return faulty ? name % u'\n' % FaultText::toolTip(rule.faults) : name;
        }
        case Qt::DecorationRole: return faulty ? QVariant(faultIcon()) : QVariant();
        case Qt::BackgroundRole: return faulty ? QVariant(FaultBackground) : QVariant();
        case Qt::ForegroundRole: return faulty ? QVariant(FaultForeground) : QVariant();
        case Qt::AccessibleTextRole:
            return faulty ? tr("%1, with faults: %2").arg(rule.name, faultsText(rule.faults)) : QVariant();
        case FaultsRole: return faulty;
        default: return {};
        }
    }
    if (column == Listen) {
        const bool exposed = rule.isExposed();
        // "127.0.0.1:5353 UDP": TCP, the usual, goes unsaid.
        const QString listen = rule.transport == Transport::Udp ? tr("%1 UDP").arg(rule.listen.toString())
                                                                : rule.listen.toString();
        switch (role) {
        case Qt::DisplayRole: return exposed ? tr("%1  (exposed)").arg(listen) : listen;
        case Qt::DecorationRole: return exposed ? QVariant(warningIcon()) : QVariant();
        case Qt::ForegroundRole: return exposed ? QVariant(WarningColor) : QVariant();
        case Qt::ToolTipRole: return exposed ? exposedToolTip(rule) : tr("Only programs on this PC can connect (loopback).");
        case Qt::AccessibleTextRole:
            return exposed ? tr("%1, exposed to other machines").arg(rule.listen.toString()) : rule.listen.toString();
        default: return {};
        }
    }
    if (column == Target) {
        const std::optional<StaleTarget> stale = staleTarget(id);
        const QString moved = stale ? tr("%1 → %2").arg(rule.targetsText(), FollowText::targets(stale->targets)) : QString();
        const bool follows = m_follower != nullptr && !rule.origin.isEmpty() && rule.followsCluster();
        switch (role) {
        case Qt::DisplayRole: return stale ? moved : rule.targetsText();
        case Qt::ForegroundRole: return stale ? QVariant(WarningColor) : QVariant();
        case Qt::DecorationRole:
            return stale || (follows && !m_follower->status(id).problem.isEmpty()) ? QVariant(warningIcon())
                   : follows                                                       ? QVariant(followIcon())
                                                                                   : QVariant();
        case Qt::ToolTipRole: {
            const QString to = stale ? tr("After minikube stop/start the service answers at %1; Update target moves "
                                          "the rule there")
                                           .arg(FollowText::targets(stale->targets))
                               : rule.moreTargets.isEmpty()
                                   ? tr("Connections are passed on to %1").arg(rule.target.toString())
                                   : tr("Connections are passed on to the first of %1 that takes them").arg(rule.targetsText());
            return follows ? to + u'\n' + FollowText::status(m_follower->status(id)) : to;
        }
        case Qt::AccessibleTextRole:
            return follows ? tr("%1, follows the cluster").arg(rule.targetsText()) : stale ? moved : rule.targetsText();
        default: return {};
        }
    }
    if (column == State) {
        const RuleState state = m_controller->state(id);
        const QString error = m_controller->error(id);
        switch (role) {
        case Qt::DisplayRole: return stateText(state, error);
        case Qt::ForegroundRole: return state == RuleState::Error ? QVariant(ErrorColor) : QVariant();
        case Qt::ToolTipRole: return state == RuleState::Error ? error : stateText(state, error);
        default: return {};
        }
    }

    const RuleStats stats = m_stats.value(id);
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Active: return stats.active;
        case Total: return stats.total;
        case Refused: return stats.refused;
        case BytesIn: return Format::bytes(stats.bytesUp);
        case BytesOut: return Format::bytes(stats.bytesDown);
        case Rate: return Format::rate(stats.rateUp + stats.rateDown);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Total: return tr("%n connection(s) could not reach the target", nullptr, int(stats.failed));
        case Refused: return tr("Refused: not on the allow-list, or over the connection limit");
        case BytesIn: return tr("%1 bytes from clients to the target").arg(stats.bytesUp);
        case BytesOut: return tr("%1 bytes from the target back to clients").arg(stats.bytesDown);
        case Rate:
            return tr("In (client → target): %1\nOut (target → client): %2").arg(Format::rate(stats.rateUp), Format::rate(stats.rateDown));
        default: return {};
        }
    }
    return {};
}

QVariant RuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Enabled: return tr("On");
        case Name: return tr("Name");
        case Listen: return tr("Listen");
        case Target: return tr("Target");
        case State: return tr("State");
        case Active: return tr("Active");
        case Total: return tr("Total");
        case Refused: return tr("Refused");
        case BytesIn: return tr("In");
        case BytesOut: return tr("Out");
        case Rate: return tr("Rate");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Enabled: return tr("Whether the rule is running; untick to stop it");
        case Listen: return tr("The address and port this PC listens on; a warning marks addresses other machines can reach");
        case Target: return tr("Where connections are passed on to");
        case State: return tr("Whether the rule is listening, and why not if it failed");
        case Active: return tr("Connections open now");
        case Total: return tr("Connections accepted since the rule started");
        case Refused: return tr("Connections turned away by the allow-list or the connection limit");
        case BytesIn: return tr("Bytes received from clients and sent on to the target (client → target)");
        case BytesOut: return tr("Bytes received from the target and sent back to clients (target → client)");
        case Rate: return tr("Current speed, both directions together");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && section >= Active)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags RuleTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Enabled)
        result |= Qt::ItemIsUserCheckable;
    return result;
}

bool RuleTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != Enabled
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const RuleId id = m_ids.at(index.row());
    if (!m_controller->setEnabled(id, value.toInt() == Qt::Checked))
        return false;
    emit dataChanged(index, index, {Qt::CheckStateRole, Qt::ToolTipRole});
    return true;
}

QIcon RuleTableModel::faultIcon()
{
    // The model can live without a GUI application (a pixmap needs one).
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return {};
    static const QIcon icon = paintFaultIcon();
    return icon;
}

RuleId RuleTableModel::ruleIdAt(int row) const
{
    return m_ids.value(row, 0);
}

int RuleTableModel::rowOf(RuleId id) const
{
    return int(m_ids.indexOf(id));
}

void RuleTableModel::applySnapshot(const EngineSnapshot &snapshot)
{
    m_stats.clear();
    for (const RuleStats &stats : snapshot.rules)
        m_stats.insert(stats.ruleId, stats);
    if (!m_ids.isEmpty())
        emit dataChanged(index(0, State), index(int(m_ids.size()) - 1, Rate));
}

void RuleTableModel::setClusterFollower(const ClusterFollower *follower)
{
    m_follower = follower;
    clusterChecked();
}

void RuleTableModel::clusterChecked()
{
    if (!m_ids.isEmpty())
        emit dataChanged(index(0, Target), index(int(m_ids.size()) - 1, Target));
}

std::optional<StaleTarget> RuleTableModel::staleTarget(RuleId id) const
{
    if (m_follower == nullptr)
        return std::nullopt;
    const QHash<RuleId, StaleTarget> stale = m_follower->staleTargets();
    const auto found = stale.constFind(id);
    if (found == stale.cend() || found->targets == m_controller->rule(id).targets())
        return std::nullopt;
    return *found;
}

void RuleTableModel::reload()
{
    const QList<RuleId> ids = m_controller->ruleIds();
    if (ids == m_ids)
        return;
    // The common cases, one rule added at the end or one removed, keep the view's selection.
    if (ids.size() == m_ids.size() + 1 && ids.mid(0, m_ids.size()) == m_ids) {
        beginInsertRows({}, int(m_ids.size()), int(m_ids.size()));
        m_ids = ids;
        endInsertRows();
        return;
    }
    if (ids.size() + 1 == m_ids.size()) {
        int row = 0;
        while (row < ids.size() && ids.at(row) == m_ids.at(row))
            ++row;
        if (ids.mid(row) == m_ids.mid(row + 1)) {
            beginRemoveRows({}, row, row);
            m_stats.remove(m_ids.takeAt(row));
            endRemoveRows();
            return;
        }
    }
    beginResetModel();
    m_ids = ids;
    for (auto it = m_stats.begin(); it != m_stats.end();)
        it = m_ids.contains(it.key()) ? std::next(it) : m_stats.erase(it);
    endResetModel();
}

void RuleTableModel::refreshRule(RuleId id)
{
    const int row = rowOf(id);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}
