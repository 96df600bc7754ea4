#include "httpclientpanel.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "atomicfile.h"
#include "collectionspanel.h"
#include "curldialog.h"
#include "format.h"
#include "historypanel.h"
#include "http/curlcommand.h"
#include "http/httpclient.h"
#include "requesteditor.h"
#include "responseview.h"
#include "throughrulebutton.h"

namespace {

const char *const Methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};

QPushButton *button(const QString &text, const QString &icon, const QString &tip, QWidget *parent)
{
    auto *result = new QPushButton(QIcon::fromTheme(icon), text, parent);
    result->setToolTip(tip);
    result->setAccessibleName(QString(text).remove(QChar(0x2026)));
    return result;
}

} // namespace

HttpClientPanel::HttpClientPanel(RuleController *rules, const QString &historyPath, QWidget *parent)
    : QWidget(parent)
    , m_client(new HttpClient(this))
    , m_lastFolder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    QWidget *top = createTopRow(rules);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_library = new QTabWidget(m_splitter);
    m_library->setDocumentMode(true);
    m_history = new HistoryPanel(historyPath, m_library);
    m_library->addTab(m_history, tr("History"));
    m_collections = new CollectionsPanel(QFileInfo(historyPath).absoluteDir().filePath(QStringLiteral("request-collections.json")),
                                         m_library);
    m_library->addTab(m_collections, tr("Collections"));
    m_library->setTabToolTip(1, tr("Ready requests grouped by name, such as one per Ingress of the cluster"));
    m_splitter->addWidget(m_library);
    m_splitter->addWidget(createRequestColumn());
    m_splitter->addWidget(createResponseColumn());
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 4);
    m_splitter->setSizes({380, 340, 500});
    m_splitter->setAccessibleName(tr("History, request and response"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(top);
    layout->addWidget(m_splitter, 1);

    connect(m_history, &HistoryPanel::requestChosen, this, &HttpClientPanel::setRequest);
    connect(m_collections, &CollectionsPanel::requestChosen, this, &HttpClientPanel::setRequest);
    connect(m_editor->keepSecretsBox(), &QCheckBox::toggled, m_history, &HistoryPanel::setKeepSecrets);
    setTabOrder(m_method, m_url);
    setTabOrder(m_url, m_throughRule);
    setTabOrder(m_throughRule, m_send);
    setTabOrder(m_send, m_cancel);
    updateActions();
}

HttpClientPanel::~HttpClientPanel()
{
    // The client and its call die after this object's members: nothing may call back.
    if (m_call)
        m_call->disconnect();
}

QWidget *HttpClientPanel::createTopRow(RuleController *rules)
{
    auto *row = new QWidget(this);
    m_method = new QComboBox(row);
    m_method->setEditable(true);
    for (const char *method : Methods)
        m_method->addItem(QLatin1String(method));
    m_method->setToolTip(tr("The request method; another token can be typed"));
    m_method->setAccessibleName(tr("Method"));
    m_url = new QLineEdit(row);
    m_url->setPlaceholderText(tr("http://127.0.0.1:31042/api/v1/items"));
    m_url->setToolTip(tr("The URL to send to, http:// or https://; Enter or Ctrl+Return sends"));
    m_url->setAccessibleName(tr("URL"));
    m_url->setClearButtonEnabled(true);
    connect(m_url, &QLineEdit::returnPressed, this, &HttpClientPanel::send);

    m_throughRule = new ThroughRuleButton(rules, row);
    connect(m_throughRule, &ThroughRuleButton::ruleChosen, this, [this](const ForwardRule &rule) {
        m_url->setText(ThroughRuleButton::urlThroughRule(m_url->text(), rule));
    });

    m_send = button(tr("Send"), QStringLiteral("mail-send"), tr("Send the request (Ctrl+Return)"), row);
    m_cancel = button(tr("Cancel"), QStringLiteral("process-stop"), tr("Stop waiting for the response (Esc)"), row);
    connect(m_send, &QPushButton::clicked, this, &HttpClientPanel::send);
    connect(m_cancel, &QPushButton::clicked, this, &HttpClientPanel::cancel);

    // Ctrl+Enter is the keypad's Enter; both send, from anywhere in the panel.
    m_sendAction = new QAction(tr("Send"), this);
    m_sendAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_sendAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_sendAction, &QAction::triggered, this, &HttpClientPanel::send);
    m_cancelAction = new QAction(tr("Cancel"), this);
    m_cancelAction->setShortcut(Qt::Key_Escape);
    m_cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_cancelAction, &QAction::triggered, this, &HttpClientPanel::cancel);
    m_saveAction = new QAction(tr("Save response"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_saveAction, &QAction::triggered, this, &HttpClientPanel::saveResponse);
    addActions({m_sendAction, m_cancelAction, m_saveAction});

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_method);
    layout->addWidget(m_url, 1);
    layout->addWidget(m_throughRule);
    layout->addWidget(m_send);
    layout->addWidget(m_cancel);
    return row;
}

QWidget *HttpClientPanel::createRequestColumn()
{
    auto *column = new QWidget(m_splitter);
    m_editor = new RequestEditor(column);
    auto *copy = button(tr("Copy as curl"), QStringLiteral("edit-copy"),
                        tr("Put a curl command that sends this request on the clipboard"), column);
    auto *paste = button(tr("Paste curl…"), QStringLiteral("edit-paste"),
                         tr("Fill the request from a curl command"), column);
    connect(copy, &QPushButton::clicked, this, &HttpClientPanel::copyAsCurl);
    connect(paste, &QPushButton::clicked, this, &HttpClientPanel::pasteCurl);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addWidget(paste);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor, 1);
    layout->addLayout(buttons);
    return column;
}

QWidget *HttpClientPanel::createResponseColumn()
{
    auto *column = new QWidget(m_splitter);
    m_response = new ResponseView(column);
    m_save = button(tr("Save response…"), QStringLiteral("document-save"),
                    tr("Write the response body, byte for byte, to a file (Ctrl+S)"), column);
    m_export = button(tr("Export exchange…"), QStringLiteral("document-export"),
                      tr("Write the request, the response and their timings to one JSON file"), column);
    connect(m_save, &QPushButton::clicked, this, &HttpClientPanel::saveResponse);
    connect(m_export, &QPushButton::clicked, this, &HttpClientPanel::exportExchange);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addWidget(m_export);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_response, 1);
    layout->addLayout(buttons);
    return column;
}

HttpRequest HttpClientPanel::request() const
{
    HttpRequest request;
    request.method = m_method->currentText().trimmed().toUpper();
    request.url = m_url->text().trimmed();
    m_editor->applyTo(request);
    return request;
}

void HttpClientPanel::setRequest(const HttpRequest &request)
{
    m_method->setCurrentText(request.method);
    m_url->setText(request.url);
    m_editor->setRequest(request);
}

void HttpClientPanel::addCollections(const QList<RequestCollection> &collections)
{
    if (collections.isEmpty())
        return;
    m_library->setCurrentWidget(m_collections);
    m_collections->add(collections);
}

void HttpClientPanel::send()
{
    if (isBusy())
        return;
    const HttpRequest request = this->request();
    const Result<void> valid = validateRequest(request);
    if (!valid) {
        m_exchange = HttpExchange{QDateTime::currentDateTimeUtc(), request, {}, HttpFailure::InvalidRequest, valid.error()};
        m_hasExchange = true;
        m_response->showExchange(m_exchange);
        updateActions();
        return;
    }
    m_call = m_client->send(request);
    connect(m_call, &HttpCall::progress, m_response, &ResponseView::setProgress);
    connect(m_call, &HttpCall::finished, this, &HttpClientPanel::finishCall);
    m_response->showBusy(tr("Sending…"));
    updateActions();
}

void HttpClientPanel::cancel()
{
    if (m_call)
        m_call->cancel();
}

void HttpClientPanel::finishCall()
{
    HttpCall *call = m_call;
    if (!call)
        return;
    m_call = nullptr;
    m_exchange = call->exchange();
    m_hasExchange = true;
    call->deleteLater();
    m_response->showExchange(m_exchange);
    if (m_exchange.failure != HttpFailure::InvalidRequest)
        m_history->add(m_exchange);
    updateActions();
    emit exchangeFinished();
}

void HttpClientPanel::updateActions()
{
    const bool busy = isBusy();
    m_send->setEnabled(!busy);
    m_sendAction->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    // Esc belongs to the editors except while a request is in flight.
    m_cancelAction->setEnabled(busy);
    const bool response = m_hasExchange && m_exchange.hasResponse() && !busy;
    m_save->setEnabled(response);
    m_saveAction->setEnabled(response);
    m_export->setEnabled(m_hasExchange && !busy);
}

QString HttpClientPanel::suggestedFileName(bool exchangeFile) const
{
    const QUrl url(m_hasExchange ? m_exchange.request.url : m_url->text());
    const QStringList segments = url.path().split(u'/', Qt::SkipEmptyParts);
    QString name = segments.isEmpty() ? url.host() : segments.constLast();
    name = QFileInfo(name).completeBaseName();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    if (name.isEmpty() || name == u"-")
        name = QStringLiteral("response");
    const QDateTime when = m_hasExchange && m_exchange.startedAt.isValid() ? m_exchange.startedAt
                                                                             : QDateTime::currentDateTimeUtc();
    name += u'-' + when.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (exchangeFile)
        return name + QStringLiteral("-exchange.json");
    const QString type = m_exchange.response.header(QStringLiteral("Content-Type")).section(u';', 0, 0).trimmed();
    if (m_response->isJson() || type.contains(QLatin1String("json")))
        return name + QStringLiteral(".json");
    const QString suffix = QMimeDatabase().mimeTypeForName(type).preferredSuffix();
    return name + u'.' + (suffix.isEmpty() ? QStringLiteral("bin") : suffix);
}

Result<void> HttpClientPanel::writeFile(const QString &path, const QByteArray &bytes)
{
    if (Result<void> written = writeFileAtomically(path, bytes); !written)
        return written;
    m_lastFolder = QFileInfo(path).absolutePath();
    return {};
}

Result<void> HttpClientPanel::saveResponseTo(const QString &path)
{
    if (!m_hasExchange || !m_exchange.hasResponse())
        return Error{tr("There is no response to save: send a request first.")};
    return writeFile(path, m_exchange.response.body);
}

Result<void> HttpClientPanel::exportExchangeTo(const QString &path)
{
    if (!m_hasExchange)
        return Error{tr("There is nothing to export: send a request first.")};
    return writeFile(path, exchangeDocument(m_exchange, keepSecrets()));
}

void HttpClientPanel::saveResponse()
{
    if (!m_hasExchange || !m_exchange.hasResponse())
        return;
    const QString name = suggestedFileName();
    const QString json = tr("JSON files (*.json)");
    const QString all = tr("All files (*)");
    // The filter that fits the suggested name comes first, so the dialog keeps its suffix.
    const QString filters = name.endsWith(QLatin1String(".json")) ? json % QStringLiteral(";;") % all
                                                                  : all % QStringLiteral(";;") % json;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save response"), QDir(m_lastFolder).filePath(name), filters);
    if (path.isEmpty())
        return;
    const Result<void> saved = saveResponseTo(path);
    if (!saved)
        QMessageBox::warning(this, tr("Save response"), Format::sentence(saved.error()));
}

void HttpClientPanel::exportExchange()
{
    if (!m_hasExchange)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export exchange"),
                                                      QDir(m_lastFolder).filePath(suggestedFileName(true)),
                                                      tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    const Result<void> saved = exportExchangeTo(path);
    if (!saved)
        QMessageBox::warning(this, tr("Export exchange"), Format::sentence(saved.error()));
}

void HttpClientPanel::copyAsCurl()
{
    QGuiApplication::clipboard()->setText(CurlCommand::fromRequest(request()));
}

void HttpClientPanel::pasteCurl()
{
    const QString clipboard = QGuiApplication::clipboard()->text().trimmed();
    CurlDialog dialog(clipboard.startsWith(QLatin1String("curl")) ? clipboard : QString(), this);
    if (dialog.exec() == QDialog::Accepted)
        setRequest(dialog.request());
}

bool HttpClientPanel::keepSecrets() const
{
    return m_editor->keepSecretsBox()->isChecked();
}

void HttpClientPanel::setKeepSecrets(bool keep)
{
    m_editor->keepSecretsBox()->setChecked(keep);
    m_history->setKeepSecrets(keep);
}

void HttpClientPanel::saveSettings(QSettings &settings) const
{
    settings.setValue(QStringLiteral("http/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("http/keepSecrets"), keepSecrets());
    settings.setValue(QStringLiteral("http/lastFolder"), m_lastFolder);
}

void HttpClientPanel::restoreSettings(const QSettings &settings)
{
    m_splitter->restoreState(settings.value(QStringLiteral("http/splitter")).toByteArray());
    setKeepSecrets(settings.value(QStringLiteral("http/keepSecrets"), false).toBool());
    m_lastFolder = settings.value(QStringLiteral("http/lastFolder"), m_lastFolder).toString();
}
