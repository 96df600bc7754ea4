#include "requesteditor.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QVBoxLayout>

#include "assertionseditor.h"
#include "assertionsmodel.h"
#include "format.h"
#include "headersmodel.h"
#include "http/jsontree.h"

namespace {

const char *const ContentTypes[] = {"application/json", "text/plain", "application/x-www-form-urlencoded",
                                    "application/xml"};

QString noContentType()
{
    return RequestEditor::tr("none");
}

} // namespace

RequestEditor::RequestEditor(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_headers(new HeadersModel(true, this))
{
    m_tabs->addTab(createHeadersTab(), tr("Headers"));
    m_tabs->addTab(createBodyTab(), tr("Body"));
    m_assertions = new AssertionsEditor(this);
    m_tabs->addTab(m_assertions, tr("Assertions"));
    m_tabs->addTab(createOptionsTab(), tr("Options"));
    m_tabs->setAccessibleName(tr("Request headers, body and options"));
    m_tabs->setTabToolTip(HeadersTab, tr("Header lines sent with the request; set Host for an ingress"));
    m_tabs->setTabToolTip(BodyTab, tr("The request body and its content type"));
    m_tabs->setTabToolTip(AssertionsTab, tr("Checks of the response: status, headers, JSON values, time; "
                                            "their results are shown beside the response"));
    m_tabs->setTabToolTip(OptionsTab, tr("Timeout, TLS verification, redirects, what history keeps"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_headers, &QAbstractItemModel::modelReset, this, &RequestEditor::updateTabTitles);
    connect(m_headers, &QAbstractItemModel::rowsInserted, this, &RequestEditor::updateTabTitles);
    connect(m_headers, &QAbstractItemModel::rowsRemoved, this, &RequestEditor::updateTabTitles);
    connect(m_headers, &QAbstractItemModel::dataChanged, this, &RequestEditor::updateTabTitles);
    connect(m_body, &QPlainTextEdit::textChanged, this, &RequestEditor::updateTabTitles);
    AssertionsModel *assertions = m_assertions->model();
    connect(assertions, &QAbstractItemModel::modelReset, this, &RequestEditor::updateTabTitles);
    connect(assertions, &QAbstractItemModel::rowsInserted, this, &RequestEditor::updateTabTitles);
    connect(assertions, &QAbstractItemModel::rowsRemoved, this, &RequestEditor::updateTabTitles);
    updateTabTitles();
}

QWidget *RequestEditor::createHeadersTab()
{
    auto *page = new QWidget(this);
    m_headersView = new QTableView(page);
    m_headersView->setModel(m_headers);
    m_headersView->setAccessibleName(tr("Request headers"));
    m_headersView->setToolTip(tr("Double-click a name or value to edit it; untick a line to keep it without sending it"));
    m_headersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headersView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                   | QAbstractItemView::AnyKeyPressed);
    m_headersView->verticalHeader()->hide();
    m_headersView->setWordWrap(false);
    QHeaderView *header = m_headersView->horizontalHeader();
    header->setSectionResizeMode(HeadersModel::Enabled, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(HeadersModel::Value, QHeaderView::Stretch);
    m_headersView->setColumnWidth(HeadersModel::Name, m_headersView->fontMetrics().horizontalAdvance(
                                                          QStringLiteral("Content-Type: ")) + 24);

    auto *add = new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("Add"), page);
    add->setToolTip(tr("Add a header line"));
    add->setAccessibleName(tr("Add header"));
    connect(add, &QPushButton::clicked, this, &RequestEditor::addHeader);
    m_removeHeader = new QPushButton(QIcon::fromTheme(QStringLiteral("list-remove")), tr("Remove"), page);
    m_removeHeader->setToolTip(tr("Remove the selected header lines (Delete)"));
    m_removeHeader->setAccessibleName(tr("Remove headers"));
    m_removeHeader->setEnabled(false);
    connect(m_removeHeader, &QPushButton::clicked, this, &RequestEditor::removeSelectedHeaders);
    auto *remove = new QAction(tr("Remove"), m_headersView);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &RequestEditor::removeSelectedHeaders);
    m_headersView->addAction(remove);
    connect(m_headersView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_removeHeader->setEnabled(m_headersView->selectionModel()->hasSelection()); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_removeHeader);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_headersView);
    layout->addLayout(buttons);
    return page;
}

QWidget *RequestEditor::createBodyTab()
{
    auto *page = new QWidget(this);
    m_contentType = new QComboBox(page);
    m_contentType->setEditable(true);
    m_contentType->addItem(noContentType());
    for (const char *type : ContentTypes)
        m_contentType->addItem(QLatin1String(type));
    m_contentType->setToolTip(tr("Sent as Content-Type, unless the headers have their own Content-Type line"));
    m_contentType->setAccessibleName(tr("Content type"));
    // No mnemonics in this panel: window-level Alt keys (menus, tabs) would clash.
    auto *typeLabel = new QLabel(tr("Content type:"), page);

    auto *format = new QPushButton(tr("Format JSON"), page);
    format->setToolTip(tr("Indent the body as JSON, or show where it is not valid JSON"));
    format->setAccessibleName(tr("Format JSON body"));
    connect(format, &QPushButton::clicked, this, &RequestEditor::formatJson);

    m_body = new QPlainTextEdit(page);
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setPlaceholderText(tr("Request body, e.g. {\"name\": \"demo\"}"));
    m_body->setToolTip(tr("Sent as typed, in UTF-8"));
    m_body->setAccessibleName(tr("Request body"));
    m_body->setTabChangesFocus(true);
    m_bodyMessage = new QLabel(page);
    m_bodyMessage->setWordWrap(true);
    m_bodyMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bodyMessage->setAccessibleName(tr("Body check"));
    m_bodyMessage->hide();
    connect(m_body, &QPlainTextEdit::textChanged, m_bodyMessage, &QWidget::hide);

    auto *top = new QHBoxLayout;
    top->addWidget(typeLabel);
    top->addWidget(m_contentType, 1);
    top->addWidget(format);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(top);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_bodyMessage);
    return page;
}

QWidget *RequestEditor::createOptionsTab()
{
    auto *page = new QWidget(this);
    m_timeout = new QSpinBox(page);
    m_timeout->setRange(1, 3600 * 1000);
    m_timeout->setSingleStep(1000);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setGroupSeparatorShown(true);
    m_timeout->setValue(HttpRequest::DefaultTimeoutMs);
    m_timeout->setToolTip(tr("Give up when the whole exchange takes longer than this, from connecting to the last byte"));
    m_timeout->setAccessibleName(tr("Timeout in milliseconds"));
    m_verifyTls = new QCheckBox(tr("Verify the TLS certificate"), page);
    m_verifyTls->setChecked(true);
    m_verifyTls->setToolTip(tr("Untick to accept a self-signed or otherwise untrusted certificate (https only)"));
    m_followRedirects = new QCheckBox(tr("Follow redirects"), page);
    m_followRedirects->setChecked(true);
    m_followRedirects->setToolTip(tr("Follow 3xx answers to where they point; untick to see the redirect itself"));
    m_keepSecrets = new QCheckBox(tr("Save Authorization and Cookie values in history and exports"), page);
    m_keepSecrets->setToolTip(tr("Off: history and exported files keep these headers without their values, "
                                 "so no password or token is written to disk"));

    auto *layout = new QFormLayout(page);
    layout->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    layout->addRow(tr("Timeout:"), m_timeout);
    layout->addRow(m_verifyTls);
    layout->addRow(m_followRedirects);
    layout->addRow(m_keepSecrets);
    return page;
}

void RequestEditor::setRequest(const HttpRequest &request)
{
    m_headers->setHeaders(request.headers);
    m_body->setPlainText(QString::fromUtf8(request.body));
    m_contentType->setCurrentText(request.contentType.isEmpty() ? noContentType() : request.contentType);
    m_timeout->setValue(request.timeoutMs);
    m_verifyTls->setChecked(request.verifyTls);
    m_followRedirects->setChecked(request.followRedirects);
}

void RequestEditor::applyTo(HttpRequest &request) const
{
    request.headers.clear();
    for (const HttpHeader &header : m_headers->headers()) {
        // A line added and left blank is not a header.
        if (!header.name.isEmpty() || !header.value.isEmpty() || header.redacted)
            request.headers.append(header);
    }
    request.body = m_body->toPlainText().toUtf8();
    const QString type = m_contentType->currentText().trimmed();
    request.contentType = type == noContentType() ? QString() : type;
    request.timeoutMs = m_timeout->value();
    request.verifyTls = m_verifyTls->isChecked();
    request.followRedirects = m_followRedirects->isChecked();
}

bool RequestEditor::formatJson()
{
    const QByteArray body = m_body->toPlainText().toUtf8();
    const Result<JsonTree> parsed = JsonTree::parse(body);
    if (parsed) {
        m_body->setPlainText(QString::fromUtf8(JsonTree::pretty(body)));
        return true;
    }
    m_bodyMessage->setText(tr("Not valid JSON: %1").arg(parsed.error()));
    m_bodyMessage->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_bodyMessage->show();
    // Put the cursor where the parser stopped.
    const QRegularExpression position =
        Format::messagePattern("Json", "line %1, column %2: %3", {QStringLiteral("(\\d+)"), QStringLiteral("(\\d+)")});
    const QRegularExpressionMatch where = position.match(parsed.error());
    if (where.hasMatch()) {
        const QTextBlock block = m_body->document()->findBlockByNumber(where.captured(1).toInt() - 1);
        if (block.isValid()) {
            QTextCursor cursor(block);
            cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                                qMin(where.captured(2).toInt() - 1, block.length() - 1));
            m_body->setTextCursor(cursor);
        }
    }
    m_tabs->setCurrentIndex(BodyTab);
    m_body->setFocus(Qt::OtherFocusReason);
    return false;
}

void RequestEditor::addHeader()
{
    const int row = m_headers->addHeader();
    m_tabs->setCurrentIndex(HeadersTab);
    const QModelIndex name = m_headers->index(row, HeadersModel::Name);
    m_headersView->setCurrentIndex(name);
    m_headersView->edit(name);
}

void RequestEditor::removeSelectedHeaders()
{
    QList<int> rows;
    const QModelIndexList selected = m_headersView->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    m_headers->removeHeaders(rows);
}

void RequestEditor::updateTabTitles()
{
    int enabled = 0;
    for (const HttpHeader &header : m_headers->headers())
        enabled += header.enabled && !header.name.isEmpty();
    m_tabs->setTabText(HeadersTab, enabled ? tr("Headers (%1)").arg(enabled) : tr("Headers"));
    m_tabs->setTabText(BodyTab, m_body->document()->isEmpty() ? tr("Body") : tr("Body •"));
    const int assertions = m_assertions->model()->rowCount();
    m_tabs->setTabText(AssertionsTab, assertions ? tr("Assertions (%1)").arg(assertions) : tr("Assertions"));
}
