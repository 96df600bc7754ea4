#pragma once

#include <QStyledItemDelegate>

// Edits a table cell with what its model asks for: a combo box of ChoicesRole's
// texts (the choice is taken at once), a password field where HiddenRole is true
// (a secret stays unreadable while typed), else the usual line edit.
class CellEditorDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CellEditorDelegate)

public:
    static constexpr int ChoicesRole = Qt::UserRole + 1;  // QStringList
    static constexpr int HiddenRole = Qt::UserRole + 2;   // bool

    explicit CellEditorDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};
