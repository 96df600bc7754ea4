#include "celleditordelegate.h"

#include <QComboBox>
#include <QLineEdit>

CellEditorDelegate::CellEditorDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QWidget *CellEditorDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                          const QModelIndex &index) const
{
    const QStringList choices = index.data(ChoicesRole).toStringList();
    if (!choices.isEmpty()) {
        auto *combo = new QComboBox(parent);
        combo->addItems(choices);
        combo->setAccessibleName(index.model()->headerData(index.column(), Qt::Horizontal).toString());
        connect(combo, &QComboBox::activated, this, [this, combo] {
            auto *self = const_cast<CellEditorDelegate *>(this);
            emit self->commitData(combo);
            emit self->closeEditor(combo);
        });
        return combo;
    }
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    if (auto *line = qobject_cast<QLineEdit *>(editor); line && index.data(HiddenRole).toBool())
        line->setEchoMode(QLineEdit::Password);
    return editor;
}

void CellEditorDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(qMax(0, combo->findText(index.data(Qt::EditRole).toString())));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void CellEditorDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}
