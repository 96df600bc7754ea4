#include "connectionspanel.h"

#include <algorithm>
#include <iterator>

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

#include "atomicfile.h"
#include "connectiondetail.h"
#include "connectiontablemodel.h"
#include "export/connectionexport.h"
#include "format.h"
#include "relay/forwardengine.h"

namespace {

using Column = ConnectionTableModel::Column;

// Matches the filter text against the columns a user would search by, not
// against counters or times.
class ConnectionFilter final : public QSortFilterProxyModel
{
    Q_DISABLE_COPY_MOVE(ConnectionFilter)

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        static constexpr Column columns[] = {Column::Rule,     Column::Client, Column::Listen,
                                             Column::Upstream, Column::State,  Column::CloseReason};
        const QRegularExpression &pattern = filterRegularExpression();
        if (pattern.pattern().isEmpty())
            return true;
        return std::any_of(std::begin(columns), std::end(columns), [&](Column column) {
            return sourceModel()->index(sourceRow, column, sourceParent).data().toString().contains(pattern);
        });
    }
};

} // namespace

ConnectionsPanel::ConnectionsPanel(ForwardEngine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_model(new ConnectionTableModel(this))
    , m_proxy(new ConnectionFilter(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_copyAction(new QAction(tr("&Copy row"), this))
    , m_closeAction(new QAction(tr("C&lose this connection"), this))
    , m_clearAction(new QAction(tr("Clear c&losed"), this))
    , m_exportAction(new QAction(tr("&Export…"), this))
    , m_detail(new ConnectionDetail(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ConnectionTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("connectionFilter"));
    m_filter->setPlaceholderText(tr("Filter by rule, address or state"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only connections whose rule, addresses, state or close reason contain this text (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Connection filter"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, m_filter, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    auto *clearButton = new QPushButton(tr("Clear closed"), this);
    clearButton->setToolTip(tr("Remove the closed connections from the table"));
    clearButton->setAccessibleName(tr("Clear closed connections"));
    connect(clearButton, &QPushButton::clicked, m_model, &ConnectionTableModel::clearClosed);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("Save the connections shown as CSV or JSON"));
    exportButton->setAccessibleName(tr("Export connections"));
    connect(exportButton, &QPushButton::clicked, this, &ConnectionsPanel::exportWithDialog);

    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyAction->setToolTip(tr("Copy the selected rows as tab-separated text"));
    m_closeAction->setToolTip(tr("Close the selected open connections"));
    connect(m_copyAction, &QAction::triggered, this, &ConnectionsPanel::copySelected);
    connect(m_closeAction, &QAction::triggered, this, &ConnectionsPanel::closeSelected);
    connect(m_clearAction, &QAction::triggered, m_model, &ConnectionTableModel::clearClosed);
    connect(m_exportAction, &QAction::triggered, this, &ConnectionsPanel::exportWithDialog);

    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Connections"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSortIndicatorClearable(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);  // the model's order: active first
    m_view->addAction(m_copyAction);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ConnectionsPanel::showContextMenu);
    setColumnWidths();
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ConnectionsPanel::currentConnectionChanged);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("connectionSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    updateDetail();

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(clearButton);
    bar->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(splitter);
}

void ConnectionsPanel::setRequestModel(RequestLogModel *requests)
{
    m_detail->setRequestModel(requests);
}

void ConnectionsPanel::currentConnectionChanged(const QModelIndex &current)
{
    // A row that moves (open to closed) loses the current index for a moment: keep its id.
    if (current.isValid())
        m_detailId = current.data(ConnectionTableModel::ConnectionIdRole).toULongLong();
    updateDetail();
}

// Selects the detail pane's connection again after its row moved.
void ConnectionsPanel::followSelectedConnection()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (m_detailId == 0 || (current.isValid() && current.data(ConnectionTableModel::ConnectionIdRole).toULongLong() == m_detailId))
        return;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(ConnectionTableModel::ConnectionIdRole).toULongLong() == m_detailId) {
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return;
        }
    }
    m_detailId = 0;
}

void ConnectionsPanel::updateDetail()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (m_detailId == 0 || !current.isValid())
        m_detail->showConnection(nullptr);
    else
        m_detail->showConnection(&m_model->connectionAt(m_proxy->mapToSource(current).row()));
}

void ConnectionsPanel::setColumnWidths()
{
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto width = [&](const char *sample) { return metrics.horizontalAdvance(QString::fromUtf8(sample)) + 16; };
    m_view->setColumnWidth(Column::Rule, width("a rule name"));
    m_view->setColumnWidth(Column::Client, width("192.168.100.100:65535"));
    m_view->setColumnWidth(Column::Listen, width("192.168.100.100:65535"));
    m_view->setColumnWidth(Column::Upstream, width("192.168.49.1:65535 → 192.168.49.2:80"));
    m_view->setColumnWidth(Column::Protocol, width("HTTP · 12 requests"));
    m_view->setColumnWidth(Column::State, width("client done sending"));
    m_view->setColumnWidth(Column::Opened, width("00:00:00"));
    m_view->setColumnWidth(Column::Duration, width("00:00:00"));
    m_view->setColumnWidth(Column::BytesUp, width("999 MB"));
    m_view->setColumnWidth(Column::BytesDown, width("999 MB"));
}

void ConnectionsPanel::applySnapshot(const EngineSnapshot &snapshot)
{
    m_model->applySnapshot(snapshot);
    followSelectedConnection();
    updateDetail();
}

QList<int> ConnectionsPanel::selectedSourceRows() const
{
    QModelIndexList selected = m_view->selectionModel()->selectedRows();
    std::sort(selected.begin(), selected.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<int> rows;
    for (const QModelIndex &index : std::as_const(selected))
        rows.append(m_proxy->mapToSource(index).row());
    return rows;
}

void ConnectionsPanel::copySelected()
{
    QStringList lines;
    for (int row : selectedSourceRows())
        lines.append(m_model->rowText(row));
    if (!lines.isEmpty())
        QGuiApplication::clipboard()->setText(lines.join(u'\n'));
}

void ConnectionsPanel::closeSelected()
{
    if (!m_engine)
        return;
    for (int row : selectedSourceRows()) {
        if (row < m_model->activeCount())
            m_engine->closeConnection(m_model->connectionAt(row).id);
    }
}

void ConnectionsPanel::showContextMenu(const QPoint &pos)
{
    const QList<int> rows = selectedSourceRows();
    m_closeAction->setEnabled(m_engine && std::any_of(rows.cbegin(), rows.cend(), [this](int row) {
                                  return row < m_model->activeCount();
                              }));
    m_clearAction->setEnabled(m_model->rowCount() > m_model->activeCount());
    QMenu menu(this);
    menu.addAction(m_copyAction);
    menu.addAction(m_closeAction);
    menu.addSeparator();
    menu.addAction(m_clearAction);
    menu.addAction(m_exportAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void ConnectionsPanel::exportWithDialog()
{
    const QString csvFilter = tr("CSV files (*.csv)");
    const QString jsonFilter = tr("JSON files (*.json)");
    QString chosen = csvFilter;
    const QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                          + QStringLiteral("/connections.csv");
    QString path = QFileDialog::getSaveFileName(this, tr("Export connections"), start,
                                                csvFilter + QStringLiteral(";;") + jsonFilter, &chosen);
    if (path.isEmpty())
        return;

    const QString suffix = QFileInfo(path).suffix().toLower();
    Result<void> written;
    if (suffix == u"csv" || suffix == u"json") {
        written = exportTo(path);
    } else if (chosen == csvFilter || chosen == jsonFilter) {
        const ExportFormat format = chosen == jsonFilter ? ExportFormat::Json : ExportFormat::Csv;
        if (suffix.isEmpty())
            path += format == ExportFormat::Json ? QStringLiteral(".json") : QStringLiteral(".csv");
        written = write(path, format);
    } else {
        written = exportTo(path);
    }
    if (!written)
        QMessageBox::warning(this, tr("Export failed"), Format::sentence(written.error()));
}

Result<void> ConnectionsPanel::exportTo(const QString &path) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"csv")
        return write(path, ExportFormat::Csv);
    if (suffix == u"json")
        return write(path, ExportFormat::Json);
    return Error{tr("Cannot export to %1: the file name must end in .csv or .json.").arg(QDir::toNativeSeparators(path))};
}

Result<void> ConnectionsPanel::write(const QString &path, ExportFormat format) const
{
    QList<ConnectionInfo> shown;
    shown.reserve(m_proxy->rowCount());
    for (int proxyRow = 0; proxyRow < m_proxy->rowCount(); ++proxyRow)
        shown.append(m_model->connectionAt(m_proxy->mapToSource(m_proxy->index(proxyRow, 0)).row()));
    const auto ruleName = [this](RuleId id) { return m_model->ruleName(id); };
    const QByteArray bytes = format == ExportFormat::Json
                                 ? ConnectionExport::connectionsJson(shown, ruleName, m_model->now())
                                 : ConnectionExport::connectionsCsv(shown, ruleName, m_model->now());
    return writeFileAtomically(path, bytes);
}

QByteArray ConnectionsPanel::saveState() const
{
    return m_view->horizontalHeader()->saveState();
}

void ConnectionsPanel::restoreState(const QByteArray &state)
{
    m_view->horizontalHeader()->restoreState(state);
}
