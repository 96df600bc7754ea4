#include "assertionseditor.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "assertionsmodel.h"
#include "celleditordelegate.h"

AssertionsEditor::AssertionsEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new AssertionsModel(this))
    , m_view(new QTableView(this))
    , m_add(new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("Add"), this))
    , m_remove(new QPushButton(QIcon::fromTheme(QStringLiteral("list-remove")), tr("Remove"), this))
    , m_note(new QLabel(this))
{
    m_view->setModel(m_model);
    m_view->setItemDelegate(new CellEditorDelegate(m_view));
    m_view->setAccessibleName(tr("Assertions"));
    m_view->setToolTip(tr("Checks each response of this request must pass; double-click a cell to change it"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->setWordWrap(false);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(AssertionsModel::Kind, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AssertionsModel::Target, QHeaderView::Stretch);
    header->setSectionResizeMode(AssertionsModel::Check, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AssertionsModel::Expected, QHeaderView::Stretch);

    m_add->setToolTip(tr("Add an assertion (status is 200); change its kind and check in the table"));
    m_add->setAccessibleName(tr("Add assertion"));
    m_remove->setToolTip(tr("Remove the selected assertions (Delete)"));
    m_remove->setAccessibleName(tr("Remove assertions"));
    m_remove->setEnabled(false);
    connect(m_add, &QPushButton::clicked, this, &AssertionsEditor::addAssertion);
    connect(m_remove, &QPushButton::clicked, this, &AssertionsEditor::removeSelected);
    auto *remove = new QAction(tr("Remove"), m_view);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &AssertionsEditor::removeSelected);
    m_view->addAction(remove);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_remove->setEnabled(m_view->selectionModel()->hasSelection()); });
    connect(m_model, &AssertionsModel::edited, this, &AssertionsEditor::edited);

    m_note->setWordWrap(true);
    m_note->setAccessibleName(tr("Where the assertions are kept"));
    m_note->setToolTip(tr("The results are shown beside the response after each send"));
    m_note->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_note);
}

void AssertionsEditor::setAssertions(const QList<Assertion> &assertions)
{
    m_model->setAssertions(assertions);
}

QList<Assertion> AssertionsEditor::assertions() const
{
    return m_model->assertions();
}

QList<Assertion> AssertionsEditor::validAssertions() const
{
    return m_model->validAssertions();
}

void AssertionsEditor::setWhereKept(const QString &text)
{
    m_note->setText(text);
}

void AssertionsEditor::addAssertion()
{
    const int row = m_model->addAssertion();
    const QModelIndex kind = m_model->index(row, AssertionsModel::Kind);
    m_view->setCurrentIndex(kind);
    m_view->setFocus(Qt::OtherFocusReason);
}

void AssertionsEditor::removeSelected()
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    m_model->removeAssertions(rows);
}
