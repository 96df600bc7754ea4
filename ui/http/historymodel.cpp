#include "historymodel.h"

#include <QBrush>
#include <QColor>

#include "format.h"

HistoryModel::HistoryModel(const QString &path, QObject *parent) : QAbstractTableModel(parent), m_history(path) {}

Result<void> HistoryModel::load()
{
    beginResetModel();
    Result<void> loaded = m_history.load();
    endResetModel();
    return loaded;
}

Result<void> HistoryModel::add(const HistoryEntry &entry)
{
    // A reset, not an insert: the history may drop its oldest line at the same time.
    beginResetModel();
    m_history.add(entry);
    endResetModel();
    return m_history.save();
}

Result<void> HistoryModel::remove(int row)
{
    if (row < 0 || row >= m_history.entries().size())
        return {};
    beginRemoveRows({}, row, row);
    m_history.remove(row);
    endRemoveRows();
    return m_history.save();
}

Result<void> HistoryModel::clear()
{
    beginResetModel();
    m_history.clear();
    endResetModel();
    return m_history.save();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_history.entries().size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &e = m_history.entries().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            // Today's requests by the time, older ones by the date; the tooltip has both.
            if (e.time.toLocalTime().date() == QDate::currentDate())
                return Format::localTime(e.time);
            return e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
        case Method: return e.request.method;
        case Url: return e.request.url;
        // The reason is in the tooltip; the column is too narrow for it.
        case Status: return e.status > 0 ? QString::number(e.status) : tr("failed");
        case Duration:
            return e.status > 0 ? QStringLiteral("%1 ms").arg(qRound64(e.totalMs)) : QString();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Status && e.status == 0)
            return e.error;
        if (index.column() == Url)
            return e.request.url;
        if (index.column() == Time)
            return Format::localDateTime(e.time);
        if (index.column() == Duration && e.status > 0)
            return tr("%1 received").arg(Format::bytes(quint64(qMax<qint64>(0, e.size))));
        break;
    case Qt::ForegroundRole:
        if (index.column() == Status && (e.status == 0 || e.status >= 400))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Duration)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Method: return tr("Method");
    case Url: return tr("URL");
    case Status: return tr("Status");
    case Duration: return tr("Duration");
    }
    return {};
}
