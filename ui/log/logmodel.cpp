#include "logmodel.h"

#include <algorithm>

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QStyle>

#include "format.h"

namespace {

QString levelText(EventLevel level)
{
    switch (level) {
    case EventLevel::Info:
        return LogModel::tr("Info");
    case EventLevel::Warning:
        return LogModel::tr("Warning");
    case EventLevel::Error:
        return LogModel::tr("Error");
    }
    return {};
}

QStyle::StandardPixmap levelIcon(EventLevel level)
{
    switch (level) {
    case EventLevel::Info:
        return QStyle::SP_MessageBoxInformation;
    case EventLevel::Warning:
        return QStyle::SP_MessageBoxWarning;
    case EventLevel::Error:
        break;
    }
    return QStyle::SP_MessageBoxCritical;
}

} // namespace

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(200);
    connect(&m_flushTimer, &QTimer::timeout, this, &LogModel::flush);
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EngineEvent &event = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return Format::localTime(event.time);
        case Level:
            return levelText(event.level);
        case Rule:
            return ruleName(event.ruleId);
        case Message:
            return event.message;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Time)
            return Format::localDateTime(event.time);
        if (index.column() == Message)
            return event.message;  // long messages are cut off in the cell
        break;
    case Qt::DecorationRole:
        if (index.column() == Level && qobject_cast<QApplication *>(QCoreApplication::instance()))
            return QApplication::style()->standardIcon(levelIcon(event.level));
        break;
    case Qt::ForegroundRole:
        if (event.level == EventLevel::Error)
            return QColor(0xc0, 0x00, 0x00);
        if (event.level == EventLevel::Warning)
            return QColor(0xb3, 0x5c, 0x00);
        break;
    case Qt::FontRole:
        if (event.level == EventLevel::Error) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case LevelRole:
        return int(event.level);
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Level:
        return tr("Level");
    case Rule:
        return tr("Rule");
    case Message:
        return tr("Message");
    }
    return {};
}

void LogModel::addEvent(const EngineEvent &event)
{
    m_pending.append(event);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void LogModel::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    // Queued events that would be trimmed right away are never inserted.
    if (m_pending.size() > m_limit)
        m_pending.remove(0, m_pending.size() - m_limit);

    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(m_pending.size()) - 1);
    m_rows.append(m_pending);
    m_pending.clear();
    endInsertRows();
    trim();
}

void LogModel::clear()
{
    m_flushTimer.stop();
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    endResetModel();
}

void LogModel::setRuleName(RuleId id, const QString &name)
{
    const auto it = m_ruleNames.constFind(id);
    if (it != m_ruleNames.cend() && *it == name)
        return;
    m_ruleNames.insert(id, name);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Rule), index(rowCount() - 1, Rule), {Qt::DisplayRole});
}

void LogModel::setLimit(int limit)
{
    m_limit = std::max(1, limit);
    trim();
}

QString LogModel::text(const QList<int> &rows) const
{
    QStringList lines;
    lines.reserve(rows.size());
    for (const int row : rows) {
        if (row < 0 || row >= rowCount())
            continue;
        QStringList cells;
        for (int column = 0; column < ColumnCount; ++column)
            cells.append(data(index(row, column)).toString());
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n');
}

void LogModel::trim()
{
    const int excess = int(m_rows.size()) - m_limit;
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.remove(0, excess);
    endRemoveRows();
}

QString LogModel::ruleName(RuleId id) const
{
    if (id == 0)
        return QStringLiteral("-");
    const auto it = m_ruleNames.constFind(id);
    return it != m_ruleNames.cend() && !it->isEmpty() ? *it : tr("rule %1").arg(id);
}
