#include "headersmodel.h"

#include <algorithm>

#include <QBrush>
#include <QFont>
#include <QPalette>

HeadersModel::HeadersModel(bool editable, QObject *parent) : QAbstractTableModel(parent), m_editable(editable) {}

QString HeadersModel::redactedText()
{
    return tr("not saved in history; type the value again");
}

void HeadersModel::setHeaders(const HttpHeaders &headers)
{
    beginResetModel();
    m_headers = headers;
    endResetModel();
}

int HeadersModel::addHeader(const QString &name, const QString &value)
{
    const int row = int(m_headers.size());
    beginInsertRows({}, row, row);
    m_headers.append(HttpHeader{name, value, true, false});
    endInsertRows();
    return row;
}

void HeadersModel::removeHeaders(QList<int> rows)
{
    // From the bottom up, so the rows still to remove keep their numbers.
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int row : std::as_const(rows)) {
        if (row < 0 || row >= m_headers.size())
            continue;
        beginRemoveRows({}, row, row);
        m_headers.removeAt(row);
        endRemoveRows();
    }
}

int HeadersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

int HeadersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HeadersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HttpHeader &header = m_headers.at(index.row());
    const bool placeholder = header.redacted && index.column() == Value;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Name)
            return header.name;
        if (index.column() == Value)
            return placeholder ? redactedText() : header.value;
        break;
    case Qt::EditRole:
        if (index.column() == Name)
            return header.name;
        if (index.column() == Value)
            return placeholder ? QString() : header.value;
        break;
    case Qt::CheckStateRole:
        if (index.column() == Enabled)
            return header.enabled ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        if (header.redacted)
            return tr("The value of %1 was not saved in history; type the value again. "
                      "It is not sent until you do.").arg(header.name);
        if (index.column() == Enabled)
            return m_editable ? tr("Send this header") : QVariant();
        if (index.column() == Value && header.value.size() > 60)
            return header.value;
        break;
    case Qt::ForegroundRole:
        if (placeholder || (!header.enabled && m_editable))
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        break;
    case Qt::FontRole:
        if (placeholder) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    default:
        break;
    }
    return {};
}

bool HeadersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_editable || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    HttpHeader &header = m_headers[index.row()];
    if (index.column() == Enabled && role == Qt::CheckStateRole) {
        header.enabled = value.toInt() == Qt::Checked;
    } else if (index.column() == Name && role == Qt::EditRole) {
        header.name = value.toString().trimmed();
    } else if (index.column() == Value && role == Qt::EditRole) {
        // Typing the value of a header loaded without it makes it whole again.
        if (header.redacted && value.toString().isEmpty())
            return false;
        header.value = value.toString();
        header.redacted = false;
    } else {
        return false;
    }
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    return true;
}

Qt::ItemFlags HeadersModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!m_editable)
        return flags;
    if (index.column() == Enabled)
        return flags | Qt::ItemIsUserCheckable;
    return flags | Qt::ItemIsEditable;
}

QVariant HeadersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Enabled: return QString();
        case Name: return tr("Name");
        case Value: return tr("Value");
        }
    } else if (role == Qt::ToolTipRole && section == Enabled) {
        return tr("Only ticked headers are sent");
    }
    return {};
}
