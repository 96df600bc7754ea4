#include "responseview.h"

#include <QAction>
#include <QClipboard>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocument>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "assertionresultsview.h"
#include "format.h"
#include "headersmodel.h"
#include "http/jsontree.h"
#include "jsontreemodel.h"
#include "responsebody.h"

namespace {

// Expanding every node of a large document would stall the view.
constexpr int ExpandAllLimit = 20000;
constexpr int AutoExpandLimit = 2000;

QString milliseconds(double ms)
{
    if (ms >= 10000)
        return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    return ms >= 10 ? QStringLiteral("%1 ms").arg(qRound64(ms)) : QStringLiteral("%1 ms").arg(ms, 0, 'f', 1);
}

QString statusColour(int status)
{
    if (status >= 500)
        return QStringLiteral("#c62828");
    if (status >= 400)
        return QStringLiteral("#d84315");
    if (status >= 300)
        return QStringLiteral("#1565c0");
    if (status >= 200)
        return QStringLiteral("#2e7d32");
    return QStringLiteral("#616161");
}

} // namespace

ResponseView::ResponseView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_timing(new QLabel(this))
    , m_size(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_error(new QLabel(this))
    , m_note(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_treeModel(new JsonTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_pretty(new QPlainTextEdit(this))
    , m_raw(new QPlainTextEdit(this))
    , m_headers(new HeadersModel(false, this))
    , m_results(new AssertionResultsView(this))
    , m_split(new QSplitter(Qt::Vertical, this))
{
    m_status->setAccessibleName(tr("Response status"));
    m_status->setToolTip(tr("Status code and reason of the response"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timing->setAccessibleName(tr("Response timing"));
    m_timing->setToolTip(tr("Total time from sending to the last byte, and the time to the first byte"));
    m_size->setAccessibleName(tr("Response size"));
    m_size->setToolTip(tr("Size of the response body as delivered (after gzip decoding)"));
    m_busy->setAccessibleName(tr("Request in progress"));
    m_busy->setToolTip(tr("The request is on its way; Esc cancels it"));
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->hide();

    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; background: #fdecea; border: 1px solid #f5c2c0;"
                                          " border-radius: 4px; padding: 6px; }"));
    m_error->setAccessibleName(tr("Request error"));
    m_error->hide();
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("QLabel { color: #5d4300; background: #fff8e1; border: 1px solid #ffe082;"
                                         " border-radius: 4px; padding: 4px; }"));
    m_note->setAccessibleName(tr("Note about the response body"));
    m_note->hide();

    m_tree->setModel(m_treeModel);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAccessibleName(tr("Response body as a JSON tree"));
    m_tree->setToolTip(tr("Right-click to copy a value or its path"));
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::Value, QHeaderView::Stretch);
    m_tree->setColumnWidth(JsonTreeModel::Key, 200);
    m_tree->setColumnWidth(JsonTreeModel::Type, 70);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &ResponseView::showTreeMenu);
    auto *copyValue = new QAction(tr("Copy value"), m_tree);
    copyValue->setShortcut(QKeySequence::Copy);
    copyValue->setShortcutContext(Qt::WidgetShortcut);
    connect(copyValue, &QAction::triggered, this, &ResponseView::copyValue);
    auto *copyPath = new QAction(tr("Copy path"), m_tree);
    copyPath->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyPath->setShortcutContext(Qt::WidgetShortcut);
    connect(copyPath, &QAction::triggered, this, &ResponseView::copyPath);
    m_tree->addActions({copyValue, copyPath});

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *text : {m_pretty, m_raw}) {
        text->setReadOnly(true);
        text->setFont(fixed);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    m_pretty->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Raw bodies are often one long line: wrapped, the pieces read as one text.
    m_raw->setWordWrapMode(QTextOption::WrapAnywhere);
    m_pretty->setAccessibleName(tr("Response body, indented"));
    m_pretty->setToolTip(tr("The JSON body indented, keys in the order the server sent them"));
    m_raw->setAccessibleName(tr("Response body as received"));
    m_raw->setToolTip(tr("The body as it arrived"));

    auto *headersView = new QTableView(this);
    headersView->setModel(m_headers);
    headersView->setColumnHidden(HeadersModel::Enabled, true);
    headersView->verticalHeader()->hide();
    headersView->horizontalHeader()->setStretchLastSection(true);
    headersView->setColumnWidth(HeadersModel::Name, 180);
    headersView->setWordWrap(false);
    headersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    headersView->setAccessibleName(tr("Response headers"));
    headersView->setToolTip(tr("The headers as received, in order"));

    m_tabs->addTab(m_tree, tr("Tree"));
    m_tabs->addTab(m_pretty, tr("Pretty"));
    m_tabs->addTab(m_raw, tr("Raw"));
    m_tabs->addTab(headersView, tr("Headers"));
    m_tabs->setTabToolTip(TreeTab, tr("The JSON body as a tree"));
    m_tabs->setTabToolTip(PrettyTab, tr("The JSON body indented"));
    m_tabs->setTabToolTip(RawTab, tr("The body as received"));
    m_tabs->setTabToolTip(HeadersTab, tr("The response headers"));
    m_tabs->setAccessibleName(tr("Response body and headers"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &ResponseView::fillCurrentText);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status);
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_timing, 1);
    statusRow->addWidget(m_results->summaryLabel());
    statusRow->addWidget(m_size);
    m_split->addWidget(m_tabs);
    m_split->addWidget(m_results);
    m_split->setChildrenCollapsible(false);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(statusRow);
    layout->addWidget(m_error);
    layout->addWidget(m_note);
    layout->addWidget(m_split, 1);
    clear();
}

ResponseView::~ResponseView() = default;

void ResponseView::clear()
{
    ++m_generation;
    m_parsing = false;
    m_isJson = false;
    m_status->setText(tr("No response yet"));
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #616161; }"));
    m_timing->clear();
    m_size->clear();
    m_busy->hide();
    m_error->hide();
    m_note->hide();
    m_treeModel->clear();
    m_headers->setHeaders({});
    m_results->clear();
    m_prettyPending = m_rawPending = false;
    // Fresh empty documents owned by the views, before letting go of ours.
    m_pretty->setDocument(nullptr);
    m_raw->setDocument(nullptr);
    m_prettyDoc.reset();
    m_rawDoc.reset();
}

void ResponseView::showBusy(const QString &what)
{
    clear();
    m_status->setText(what);
    m_busy->setRange(0, 0);
    m_busy->show();
    m_timing->setText(tr("Waiting for the response…"));
}

void ResponseView::setProgress(qint64 received, qint64 total)
{
    if (total > 0) {
        m_busy->setRange(0, 1000);
        m_busy->setValue(int(qMin<qint64>(1000, received * 1000 / total)));
        m_timing->setText(tr("Received %1 of %2").arg(Format::bytes(quint64(received)), Format::bytes(quint64(total))));
    } else {
        m_timing->setText(tr("Received %1").arg(Format::bytes(quint64(qMax<qint64>(0, received)))));
    }
}

void ResponseView::showExchange(const HttpExchange &exchange)
{
    clear();
    if (!exchange.hasResponse()) {
        m_status->setText(exchange.failure == HttpFailure::Canceled ? tr("Canceled") : tr("No response"));
        m_status->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; font-weight: bold; }"));
        m_error->setText(Format::sentence(exchange.error));
        m_error->show();
        return;
    }
    const HttpResponse &response = exchange.response;
    m_status->setText(response.reason.isEmpty() ? QString::number(response.status)
                                                : QString::number(response.status) % u' ' % response.reason);
    m_status->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(statusColour(response.status)));
    QString version = response.httpVersion.isEmpty() ? QString() : QStringLiteral("HTTP/") % response.httpVersion;
    if (!response.finalUrl.isEmpty() && response.finalUrl != exchange.request.url)
        version += (version.isEmpty() ? QString() : QStringLiteral(", ")) % tr("redirected to %1").arg(response.finalUrl);
    m_status->setToolTip(version.isEmpty() ? tr("Status code and reason of the response")
                                           : tr("Status code and reason of the response (%1)").arg(version));
    m_timing->setText(tr("Total %1 · first byte %2").arg(milliseconds(response.totalMs), milliseconds(response.firstByteMs)));
    m_size->setText(Format::bytes(quint64(response.body.size())));
    m_headers->setHeaders(response.headers);
    startParse(response);
}

void ResponseView::startParse(const HttpResponse &response)
{
    m_parsing = true;
    if (response.body.size() > 256 * 1000)
        showNote(tr("Reading the %1 body…").arg(Format::bytes(quint64(response.body.size()))));
    auto *watcher = new QFutureWatcher<ResponseBody>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcher<ResponseBody>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            showParsed(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&ResponseBody::prepare, response.body,
                                         response.header(QStringLiteral("Content-Type")), m_pretty->font(), thread()));
}

void ResponseView::showParsed(const ResponseBody &parsed)
{
    m_parsing = false;
    m_isJson = parsed.isJson;
    m_note->hide();
    QStringList notes;
    if (parsed.size == 0) {
        notes.append(tr("The response has no body."));
    } else if (!parsed.isJson) {
        const QString type = parsed.type.isEmpty() ? tr("no content type") : parsed.type;
        notes.append(parsed.jsonError.isEmpty() || !parsed.looksJson
                         ? tr("Not JSON (%1): shown as text.").arg(type)
                         : tr("Not valid JSON (%1; %2): shown as text.").arg(type, parsed.jsonError));
    }
    if (parsed.size > TextLimit) {
        notes.append(tr("Showing the first %1 MB of %2; Save keeps everything.")
                         .arg(double(TextLimit) / 1e6)
                         .arg(Format::bytes(quint64(parsed.size))));
    }
    if (parsed.linesBroken)
        notes.append(tr("Raw lines longer than %1 characters are broken for display.").arg(LineLimit));
    if (!notes.isEmpty())
        showNote(notes.join(u' '));

    m_treeModel->setTree(parsed.tree);
    if (parsed.tree.size() <= AutoExpandLimit)
        m_tree->expandToDepth(0);
    m_prettyDoc = parsed.pretty;
    m_rawDoc = parsed.raw;
    m_prettyPending = m_prettyDoc != nullptr;
    m_rawPending = true;
    // Away from a disabled tab, and back once there is JSON again; a tab the user chose stays.
    const int current = m_tabs->currentIndex();
    m_tabs->setTabEnabled(TreeTab, parsed.isJson);
    m_tabs->setTabEnabled(PrettyTab, parsed.isJson);
    if (!parsed.isJson && (current == TreeTab || current == PrettyTab)) {
        m_tabs->setCurrentIndex(RawTab);
        m_leftTree = true;
    } else if (parsed.isJson && m_leftTree) {
        if (current == RawTab)
            m_tabs->setCurrentIndex(TreeTab);
        m_leftTree = false;
    }
    fillCurrentText();
    emit bodyShown();
}

void ResponseView::fillCurrentText()
{
    if (m_tabs->currentIndex() == PrettyTab && m_prettyPending) {
        m_prettyPending = false;
        m_pretty->setDocument(m_prettyDoc.get());
    } else if (m_tabs->currentIndex() == RawTab && m_rawPending) {
        m_rawPending = false;
        m_raw->setDocument(m_rawDoc.get());
    }
}

void ResponseView::showNote(const QString &text)
{
    m_note->setText(text);
    m_note->show();
}

void ResponseView::copyValue()
{
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid())
        QGuiApplication::clipboard()->setText(current.data(JsonTreeModel::CopyValueRole).toString());
}

void ResponseView::copyPath()
{
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid())
        QGuiApplication::clipboard()->setText(current.data(JsonTreeModel::PathRole).toString());
}

void ResponseView::showTreeMenu(const QPoint &pos)
{
    const QModelIndex index = m_tree->indexAt(pos);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
    QMenu menu(this);
    QAction *value = menu.addAction(tr("Copy value"), this, &ResponseView::copyValue);
    QAction *path = menu.addAction(tr("Copy path"), this, &ResponseView::copyPath);
    value->setEnabled(index.isValid());
    path->setEnabled(index.isValid());
    menu.addSeparator();
    QAction *expand = menu.addAction(tr("Expand all"), m_tree, &QTreeView::expandAll);
    expand->setEnabled(m_treeModel->tree().size() <= ExpandAllLimit);
    menu.addAction(tr("Collapse all"), m_tree, &QTreeView::collapseAll);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}
