#include "logpanel.h"

#include <algorithm>

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include "log/logmodel.h"

LogPanel::LogPanel(LogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
{
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Event log"));
    m_view->verticalHeader()->hide();
    // Fixed row heights: no measuring of thousands of rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    const QFontMetrics metrics = m_view->fontMetrics();
    header->resizeSection(LogModel::Time, metrics.horizontalAdvance(QStringLiteral("00:00:00")) + 24);
    header->resizeSection(LogModel::Level, metrics.horizontalAdvance(tr("Warning")) + 48);
    header->resizeSection(LogModel::Rule, metrics.horizontalAdvance(u'M') * 14);

    auto *copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    copy->setToolTip(tr("Copy the selected rows, or all rows when none is selected (%1)")
                         .arg(copy->shortcut().toString(QKeySequence::NativeText)));
    connect(copy, &QAction::triggered, this, &LogPanel::copySelection);
    addAction(copy);

    auto *clear = new QAction(tr("C&lear"), this);
    clear->setToolTip(tr("Remove all events from the log"));
    connect(clear, &QAction::triggered, m_model, &LogModel::clear);

    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(copy);
    m_view->addAction(clear);

    auto *copyButton = new QPushButton(tr("Copy"), this);
    copyButton->setObjectName(QStringLiteral("logCopyButton"));
    copyButton->setToolTip(copy->toolTip());
    copyButton->setAccessibleName(tr("Copy log"));
    connect(copyButton, &QPushButton::clicked, copy, &QAction::trigger);

    auto *clearButton = new QPushButton(tr("Clear"), this);
    clearButton->setObjectName(QStringLiteral("logClearButton"));
    clearButton->setToolTip(clear->toolTip());
    clearButton->setAccessibleName(tr("Clear log"));
    connect(clearButton, &QPushButton::clicked, clear, &QAction::trigger);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(copyButton);
    buttons->addWidget(clearButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, &LogPanel::rememberScroll);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LogPanel::followNewRows);
}

void LogPanel::copySelection()
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty()) {
        rows.reserve(m_model->rowCount());
        for (int row = 0; row < m_model->rowCount(); ++row)
            rows.append(row);
    }
    QGuiApplication::clipboard()->setText(m_model->text(rows));
}

void LogPanel::rememberScroll()
{
    const QScrollBar *bar = m_view->verticalScrollBar();
    m_atBottom = bar->value() >= bar->maximum();
}

void LogPanel::followNewRows()
{
    // Only when the user was already at the end: reading older rows is not disturbed.
    if (m_atBottom)
        m_view->scrollToBottom();
}
