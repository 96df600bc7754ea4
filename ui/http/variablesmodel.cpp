#include "variablesmodel.h"

#include <algorithm>

#include <QColor>

#include "celleditordelegate.h"
#include "http/variables.h"

VariablesModel::VariablesModel(QObject *parent) : QAbstractTableModel(parent) {}

void VariablesModel::setVariables(const QList<Variable> &variables)
{
    beginResetModel();
    m_rows = variables;
    endResetModel();
}

bool VariablesModel::isBlank(const Variable &variable)
{
    return variable.name.trimmed().isEmpty() && variable.value.isEmpty();
}

QString VariablesModel::maskText()
{
    return QString(8, QChar(0x2022));
}

QString VariablesModel::problemIn(const QList<Variable> &rows, int row)
{
    if (row < 0 || row >= rows.size() || isBlank(rows.at(row)))
        return {};
    const QString name = rows.at(row).name;
    if (name.isEmpty())
        return tr("the variable has a value but no name");
    if (!isValidVariableName(name))
        return tr("\"%1\" is not a valid name: use letters, digits and _ . - (not . or - first)").arg(name);
    for (int other = 0; other < row; ++other) {
        if (rows.at(other).name == name)
            return tr("\"%1\" is defined twice").arg(name);
    }
    return {};
}

QString VariablesModel::firstProblemIn(const QList<Variable> &rows)
{
    for (int row = 0; row < rows.size(); ++row) {
        if (const QString text = problemIn(rows, row); !text.isEmpty())
            return text;
    }
    return {};
}

QString VariablesModel::problem(int row) const
{
    return problemIn(m_rows, row);
}

QString VariablesModel::problem() const
{
    return firstProblemIn(m_rows);
}

void VariablesModel::setRevealSecrets(bool reveal)
{
    if (reveal == m_reveal)
        return;
    m_reveal = reveal;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Value), index(int(m_rows.size()) - 1, Value));
}

int VariablesModel::addVariable()
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(Variable{});
    endInsertRows();
    return row;
}

void VariablesModel::removeVariables(QList<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int row : std::as_const(rows)) {
        if (row < 0 || row >= m_rows.size())
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
}

int VariablesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VariablesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VariablesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Variable &row = m_rows.at(index.row());
    const bool hidden = row.secret && !m_reveal;
    const bool fromProcess = row.secret && row.value.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Name)
            return row.name;
        if (index.column() == Value) {
            if (fromProcess)
                return row.name.isEmpty() ? QString() : tr("from %1").arg(VariableSet::processName(row.name));
            return hidden ? maskText() : row.value;
        }
        return {};
    case Qt::EditRole:
        if (index.column() == Name)
            return row.name;
        if (index.column() == Value)
            return row.value;
        return {};
    case CellEditorDelegate::HiddenRole:
        return index.column() == Value && hidden;
    case Qt::CheckStateRole:
        if (index.column() == Secret)
            return row.secret ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        if (!problem(index.row()).isEmpty())
            return QColor(0xc6, 0x28, 0x28);
        if (index.column() == Value && fromProcess)
            return QColor(0x75, 0x75, 0x75);
        return {};
    case Qt::ToolTipRole: {
        if (const QString text = problem(index.row()); !text.isEmpty())
            return text;
        if (index.column() == Secret || (index.column() == Value && row.secret)) {
            return tr("A secret: kept only while Pasarela runs, never written to disk; %1 set before Pasarela "
                      "starts gives it a value")
                .arg(VariableSet::processName(row.name.isEmpty() ? QStringLiteral("name") : row.name));
        }
        if (index.column() == Name && !row.name.isEmpty())
            return tr("Used as {{%1}} in the URL, the headers and the body").arg(row.name);
        return {};
    }
    default:
        return {};
    }
}

bool VariablesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return false;
    Variable &row = m_rows[index.row()];
    if (index.column() == Secret && role == Qt::CheckStateRole) {
        row.secret = value.toInt() == Qt::Checked;
    } else if (role == Qt::EditRole && index.column() == Name) {
        row.name = value.toString().trimmed();
    } else if (role == Qt::EditRole && index.column() == Value) {
        row.value = value.toString();
    } else {
        return false;
    }
    // A name's problem may be another row's (a repeat), and secret changes the value cell.
    emit dataChanged(this->index(0, 0), this->index(int(m_rows.size()) - 1, ColumnCount - 1));
    return true;
}

QVariant VariablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name:
            return tr("Name");
        case Value:
            return tr("Value");
        case Secret:
            return tr("Secret");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case Name:
            return tr("A request uses it as {{name}}: letters, digits and _ . -");
        case Value:
            return tr("What {{name}} is replaced with when the request is sent");
        case Secret:
            return tr("Tick for a password or token: its value is masked here and never written to disk");
        }
    }
    return {};
}

Qt::ItemFlags VariablesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == Secret)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}
