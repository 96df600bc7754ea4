#pragma once

#include <QAbstractItemModel>

#include "http/jsontree.h"

// A JSON document as a tree, keys in the order the server sent them. Rows come
// straight from the JsonTree's nodes (the internal id is the node id), so nothing
// is built per row: a document of a million nodes costs no more to show than a
// small one. A container root shows its members at the top level; a scalar root
// is the only row.
class JsonTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonTreeModel)

public:
    enum Column { Key, Value, Type, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1,  // jq path: ".items[3].name"
        CopyValueRole,                // what "copy value" puts on the clipboard
        NodeRole,                     // the node id
    };

    explicit JsonTreeModel(QObject *parent = nullptr);

    void setTree(JsonTree tree);
    void clear();
    bool isEmpty() const { return m_tree.size() == 0; }
    const JsonTree &tree() const { return m_tree; }
    // The node id of an index of this model, or -1.
    int nodeId(const QModelIndex &index) const;
    QModelIndex indexOfNode(int id, int column = Key) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // The node whose children are the rows under `parent`; -1 for none.
    int containerOf(const QModelIndex &parent) const;
    bool rootIsContainer() const;
    int rowOf(int id) const;

    JsonTree m_tree;
};

// "object", "array", "string"...
QString jsonKindName(JsonTree::Kind kind);
