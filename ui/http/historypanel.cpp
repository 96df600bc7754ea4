#include "historypanel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include "historymodel.h"

namespace {

// The end of a URL (path and query) tells requests apart, not the scheme and host.
class ElideLeftDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideLeft;
    }
};

} // namespace

HistoryPanel::HistoryPanel(const QString &path, QWidget *parent)
    : QWidget(parent)
    , m_model(new HistoryModel(path, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_problem(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_clear(new QPushButton(tr("Clear…"), this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c2c0;"
                                            " border-radius: 4px; padding: 6px; }"));
    m_problem->setAccessibleName(tr("History file problem"));
    m_problem->hide();

    m_search->setPlaceholderText(tr("Search history"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Show only requests whose time, method, URL or status contain this text"));
    m_search->setAccessibleName(tr("Search history"));
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Request history"));
    m_view->setToolTip(tr("Click a request to load it into the editor; Delete removes it"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setItemDelegateForColumn(HistoryModel::Url, new ElideLeftDelegate(m_view));
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setMinimumSectionSize(24);
    m_view->horizontalHeader()->setSectionResizeMode(HistoryModel::Url, QHeaderView::Stretch);
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto width = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + 16; };
    m_view->setColumnWidth(HistoryModel::Time, width(QStringLiteral("00:00:00")));
    m_view->setColumnWidth(HistoryModel::Method, width(QStringLiteral("DELETE")));
    m_view->setColumnWidth(HistoryModel::Status, width(QStringLiteral("Status")));
    m_view->setColumnWidth(HistoryModel::Duration, width(QStringLiteral("999 ms")));
    connect(m_view, &QAbstractItemView::clicked, this, &HistoryPanel::choose);
    connect(m_view, &QAbstractItemView::activated, this, &HistoryPanel::choose);
    auto *remove = new QAction(tr("Delete"), m_view);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &HistoryPanel::removeSelected);
    m_view->addAction(remove);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryPanel::updateButtons);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &HistoryPanel::updateButtons);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &HistoryPanel::updateButtons);

    m_delete->setToolTip(tr("Remove the selected request from the history (Delete)"));
    m_delete->setAccessibleName(tr("Delete from history"));
    connect(m_delete, &QPushButton::clicked, this, &HistoryPanel::removeSelected);
    m_clear->setToolTip(tr("Remove every request from the history"));
    m_clear->setAccessibleName(tr("Clear history"));
    connect(m_clear, &QPushButton::clicked, this, &HistoryPanel::clearWithConfirmation);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_delete);
    buttons->addWidget(m_clear);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_problem);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    load();
    updateButtons();
}

void HistoryPanel::load()
{
    const Result<void> loaded = m_model->load();
    if (!loaded)
        showProblem(tr("The history could not be read and starts empty. %1").arg(loaded.error()));
}

void HistoryPanel::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setToolTip(message);
    m_problem->show();
}

void HistoryPanel::setKeepSecrets(bool keep)
{
    m_model->setKeepSecrets(keep);
}

void HistoryPanel::add(const HttpExchange &exchange)
{
    const Result<void> saved = m_model->add(historyEntryFor(exchange));
    if (!saved)
        showProblem(saved.error());
}

void HistoryPanel::removeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int proxyRow = rows.constFirst().row();
    const Result<void> saved = m_model->remove(m_proxy->mapToSource(rows.constFirst()).row());
    if (!saved)
        showProblem(saved.error());
    if (m_proxy->rowCount() > 0)
        m_view->selectRow(qMin(proxyRow, m_proxy->rowCount() - 1));
}

void HistoryPanel::clearWithConfirmation()
{
    if (m_model->rowCount() == 0)
        return;
    const int count = m_model->rowCount();
    const QString question = count == 1 ? tr("Remove the one request from the history? This cannot be undone.")
                                        : tr("Remove all %1 requests from the history? This cannot be undone.").arg(count);
    const auto answer = QMessageBox::question(this, tr("Clear history"), question,
                                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const Result<void> saved = m_model->clear();
    if (!saved)
        showProblem(saved.error());
}

void HistoryPanel::choose(const QModelIndex &proxyIndex)
{
    if (proxyIndex.isValid())
        emit requestChosen(m_model->entry(m_proxy->mapToSource(proxyIndex).row()).request);
}

void HistoryPanel::updateButtons()
{
    m_delete->setEnabled(m_view->selectionModel()->hasSelection());
    m_clear->setEnabled(m_model->rowCount() > 0);
}
