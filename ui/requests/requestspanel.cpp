#include "requestspanel.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "atomicfile.h"
#include "format.h"
#include "inspect/requestexport.h"
#include "replaydialog.h"
#include "requestlogmodel.h"

namespace {

QToolButton *buttonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

RequestsPanel::RequestsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new RequestLogModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_sendAction(new QAction(tr("&Send to HTTP client"), this))
    , m_replayAction(new QAction(tr("&Replay…"), this))
    , m_exportJsonAction(new QAction(tr("Export &JSON…"), this))
    , m_exportHarAction(new QAction(tr("Export &HAR…"), this))
    , m_clearAction(new QAction(tr("C&lear"), this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RequestLogModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("requestFilter"));
    m_filter->setPlaceholderText(tr("Filter by any column"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only requests with this text in any column: rule, client, host, method, path, "
                            "status (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Request filter"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, m_filter, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    m_sendAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_sendAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_sendAction->setToolTip(tr("Open the selected request in the HTTP client, sent to the rule's listen address "
                                "with the same Host header (Enter, double-click or Ctrl+Enter), with its body "
                                "when it was captured whole (up to 256 KiB)."));
    m_replayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_replayAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_replayAction->setToolTip(tr("Send the selected request again, as captured or edited, and compare the answer "
                                  "with the captured one: status, headers and the JSON body field by field "
                                  "(Ctrl+Shift+R)"));
    m_exportJsonAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    m_exportJsonAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_exportJsonAction->setToolTip(tr("Save the requests shown as a JSON array (Ctrl+Shift+J); secret header "
                                      "values are left empty"));
    m_exportHarAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_exportHarAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_exportHarAction->setToolTip(tr("Save the requests shown as a HAR file for browsers' developer tools and HAR "
                                     "viewers (Ctrl+Shift+H); secret header values are left empty"));
    m_clearAction->setToolTip(tr("Remove every request from the list"));
    for (QAction *action : {m_sendAction, m_replayAction, m_exportJsonAction, m_exportHarAction})
        addAction(action);
    connect(m_sendAction, &QAction::triggered, this, &RequestsPanel::sendToHttpClient);
    connect(m_replayAction, &QAction::triggered, this, &RequestsPanel::replay);
    connect(m_exportJsonAction, &QAction::triggered, this, [this] { exportWithDialog(ExportFormat::Json); });
    connect(m_exportHarAction, &QAction::triggered, this, [this] { exportWithDialog(ExportFormat::Har); });
    connect(m_clearAction, &QAction::triggered, m_model, &RequestLogModel::clear);

    m_view->setObjectName(QStringLiteral("requestTable"));
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Requests"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(RequestLogModel::Path, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSortIndicatorClearable(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);  // arrival order, newest at the bottom
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    const QFontMetrics metrics = m_view->fontMetrics();
    const auto width = [&](const char *sample) { return metrics.horizontalAdvance(QString::fromUtf8(sample)) + 20; };
    m_view->setColumnWidth(RequestLogModel::Time, width("00:00:00.000"));
    m_view->setColumnWidth(RequestLogModel::Rule, width("a rule name"));
    m_view->setColumnWidth(RequestLogModel::Client, width("192.168.100.100:65535"));
    m_view->setColumnWidth(RequestLogModel::Host, width("api.example.local"));
    m_view->setColumnWidth(RequestLogModel::Method, width("OPTIONS"));
    m_view->setColumnWidth(RequestLogModel::Status, width("Status"));
    m_view->setColumnWidth(RequestLogModel::Latency, width("Latency"));
    m_view->setColumnWidth(RequestLogModel::Size, width("999 KB"));
    connect(m_view, &QAbstractItemView::activated, this, &RequestsPanel::sendToHttpClient);
    connect(m_view, &QWidget::customContextMenuRequested, this, &RequestsPanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &RequestsPanel::updateActions);

    // Follow new rows only while the user is at the end of the list.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_view->verticalScrollBar();
        m_follow = bar->value() == bar->maximum();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_view->scrollToBottom();
    });
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &RequestsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestsPanel::updateActions);

    m_empty->setObjectName(QStringLiteral("noRequests"));
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No requests yet. The HTTP requests of rules that inspect them show here: by default "
                        "rules to port 80 or 8080 and rules made from an ingress; turn it on or off with "
                        "\"Inspect HTTP requests\" in the rule's editor."));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    for (QAction *action : {m_sendAction, m_replayAction, m_exportJsonAction, m_exportHarAction, m_clearAction})
        bar->addWidget(buttonFor(action, this));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_empty);
    layout->addWidget(m_view, 1);
    updateActions();
}

void RequestsPanel::applySnapshot(const EngineSnapshot &snapshot)
{
    m_model->applySnapshot(snapshot);
}

void RequestsPanel::updateActions()
{
    const bool any = m_model->rowCount() > 0;
    m_empty->setVisible(!any);
    m_sendAction->setEnabled(m_view->selectionModel()->currentIndex().isValid());
    m_replayAction->setEnabled(m_sendAction->isEnabled());
    m_exportJsonAction->setEnabled(any);
    m_exportHarAction->setEnabled(any);
    m_clearAction->setEnabled(any);
}

void RequestsPanel::sendToHttpClient()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const RequestRecord &record = m_model->record(m_proxy->mapToSource(current).row());
    emit replayRequested(RequestExport::replayRequest(record));
    if (RequestExport::replayLacksBody(record))
        emit notice(tr("The request's body (%1 bytes) was not captured: add it in the HTTP client before sending")
                        .arg(record.request.requestBodySize));
}

ReplayDialog *RequestsPanel::replay()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    const RequestRecord &record = m_model->record(m_proxy->mapToSource(current).row());
    auto *dialog = new ReplayDialog(record, m_model->ruleName(record.ruleId), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QList<RequestRecord> RequestsPanel::shownRecords() const
{
    QList<RequestRecord> records;
    records.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        records.append(m_model->record(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    return records;
}

Result<void> RequestsPanel::exportTo(const QString &path, ExportFormat format) const
{
    const QList<RequestRecord> records = shownRecords();
    const auto name = [this](RuleId id) { return m_model->ruleName(id); };
    const QByteArray bytes = format == ExportFormat::Har ? RequestExport::requestsHar(records, name)
                                                         : RequestExport::requestsJson(records, name);
    return writeFileAtomically(path, bytes);
}

void RequestsPanel::exportWithDialog(ExportFormat format)
{
    const bool har = format == ExportFormat::Har;
    const QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                          + (har ? QStringLiteral("/requests.har") : QStringLiteral("/requests.json"));
    const QString filter = har ? tr("HAR files (*.har)") : tr("JSON files (*.json)");
    QString path = QFileDialog::getSaveFileName(this, har ? tr("Export requests as HAR") : tr("Export requests as JSON"),
                                                start, filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += har ? QStringLiteral(".har") : QStringLiteral(".json");
    if (const Result<void> written = exportTo(path, format); !written)
        QMessageBox::warning(this, tr("Export failed"), Format::sentence(written.error()));
}

void RequestsPanel::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(m_sendAction);
    menu.addAction(m_replayAction);
    menu.addSeparator();
    menu.addAction(m_exportJsonAction);
    menu.addAction(m_exportHarAction);
    menu.addAction(m_clearAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

QByteArray RequestsPanel::saveState() const
{
    return m_view->horizontalHeader()->saveState();
}

void RequestsPanel::restoreState(const QByteArray &state)
{
    m_view->horizontalHeader()->restoreState(state);
}
