#include "jsontreemodel.h"

#include <QBrush>
#include <QColor>

namespace {

// A table cell is no place for a megabyte string: the view would lay it all out.
constexpr int MaxCellChars = 300;
constexpr int MaxTipChars = 2000;

QString shortened(const QString &text, int limit)
{
    return text.size() <= limit ? text : text.left(limit) + QChar(0x2026);
}

} // namespace

QString jsonKindName(JsonTree::Kind kind)
{
    switch (kind) {
    case JsonTree::Kind::Object: return JsonTreeModel::tr("object");
    case JsonTree::Kind::Array: return JsonTreeModel::tr("array");
    case JsonTree::Kind::String: return JsonTreeModel::tr("string");
    case JsonTree::Kind::Number: return JsonTreeModel::tr("number");
    case JsonTree::Kind::Bool: return JsonTreeModel::tr("boolean");
    case JsonTree::Kind::Null: return JsonTreeModel::tr("null");
    }
    return {};
}

JsonTreeModel::JsonTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void JsonTreeModel::setTree(JsonTree tree)
{
    beginResetModel();
    m_tree = std::move(tree);
    endResetModel();
}

void JsonTreeModel::clear()
{
    setTree(JsonTree());
}

bool JsonTreeModel::rootIsContainer() const
{
    if (m_tree.size() == 0)
        return false;
    const JsonTree::Kind kind = m_tree.node(JsonTree::root()).kind;
    return kind == JsonTree::Kind::Object || kind == JsonTree::Kind::Array;
}

int JsonTreeModel::nodeId(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    return int(index.internalId());
}

int JsonTreeModel::containerOf(const QModelIndex &parent) const
{
    if (m_tree.size() == 0)
        return -1;
    if (!parent.isValid())
        return rootIsContainer() ? JsonTree::root() : -1;
    if (parent.column() != Key)
        return -1;
    return nodeId(parent);
}

int JsonTreeModel::rowOf(int id) const
{
    const int parent = m_tree.node(id).parent;
    if (parent < 0)
        return 0;
    const QList<int> &siblings = m_tree.node(parent).children;
    const int index = m_tree.node(id).index;
    if (index >= 0 && index < siblings.size() && siblings.at(index) == id)
        return index;
    return int(siblings.indexOf(id));
}

QModelIndex JsonTreeModel::indexOfNode(int id, int column) const
{
    if (id < 0 || id >= m_tree.size())
        return {};
    if (id == JsonTree::root() && rootIsContainer())
        return {};
    return createIndex(rowOf(id), column, quintptr(id));
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || m_tree.size() == 0)
        return {};
    if (!parent.isValid() && !rootIsContainer())
        return row == 0 ? createIndex(0, column, quintptr(JsonTree::root())) : QModelIndex();
    const int container = containerOf(parent);
    if (container < 0)
        return {};
    const QList<int> &children = m_tree.node(container).children;
    if (row >= children.size())
        return {};
    return createIndex(row, column, quintptr(children.at(row)));
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    const int id = nodeId(child);
    if (id < 0)
        return {};
    const int parent = m_tree.node(id).parent;
    if (parent < 0)
        return {};
    return indexOfNode(parent, Key);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (m_tree.size() == 0)
        return 0;
    if (!parent.isValid() && !rootIsContainer())
        return 1;
    const int container = containerOf(parent);
    return container < 0 ? 0 : int(m_tree.node(container).children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    const int id = nodeId(index);
    if (id < 0 || id >= m_tree.size())
        return {};
    const JsonTree::Node &node = m_tree.node(id);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Key:
            if (node.parent < 0)
                return QStringLiteral(".");
            if (m_tree.node(node.parent).kind == JsonTree::Kind::Array)
                return QStringLiteral("[%1]").arg(node.index);
            return node.key;
        case Value: return shortened(m_tree.displayValue(id), MaxCellChars);
        case Type: return jsonKindName(node.kind);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Value)
            return QString(m_tree.path(id) % u'\n' % shortened(m_tree.displayValue(id), MaxTipChars));
        return m_tree.path(id);
    case Qt::ForegroundRole:
        if (index.column() != Value)
            break;
        switch (node.kind) {
        case JsonTree::Kind::String: return QBrush(QColor(0x0a, 0x7d, 0x2c));
        case JsonTree::Kind::Number: return QBrush(QColor(0x17, 0x50, 0xeb));
        case JsonTree::Kind::Bool:
        case JsonTree::Kind::Null: return QBrush(QColor(0x8e, 0x24, 0xaa));
        default: break;
        }
        break;
    case PathRole: return m_tree.path(id);
    case CopyValueRole: return m_tree.copyValue(id);
    case NodeRole: return id;
    default: break;
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Key: return tr("Key / index");
    case Value: return tr("Value");
    case Type: return tr("Type");
    }
    return {};
}
