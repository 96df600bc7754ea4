#include "httpclientpanel.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "assertionresultsview.h"
#include "assertionseditor.h"
#include "collectionlink.h"
#include "collectionspanel.h"
#include "curldialog.h"
#include "exchangefiles.h"
#include "environmentpicker.h"
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
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_library = new QTabWidget(m_splitter);
    m_library->setDocumentMode(true);
    m_history = new HistoryPanel(historyPath, m_library);
    m_library->addTab(m_history, tr("History"));
    m_collections = new CollectionsPanel(QFileInfo(historyPath).absoluteDir().filePath(QStringLiteral("request-collections.json")),
                                         m_library);
    m_library->addTab(m_collections, tr("Collections"));
    m_library->setTabToolTip(1, tr("Ready requests grouped by name, such as one per Ingress of the cluster"));
    m_environment = new EnvironmentPicker(m_collections, this);
    QWidget *top = createTopRow(rules);
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
    connect(m_collections, &CollectionsPanel::requestChosen, this, &HttpClientPanel::setCollectionRequest);
    connect(m_collections, &CollectionsPanel::collectionChosen, m_environment, &EnvironmentPicker::setCollection);
    m_link = new CollectionLink(m_collections, m_editor->assertionsEditor(), this);
    connect(m_environment, &EnvironmentPicker::changed, this, [this] {
        m_variableError->hide();
        updateUrlToolTip();
    });
    connect(m_editor->keepSecretsBox(), &QCheckBox::toggled, m_history, &HistoryPanel::setKeepSecrets);
    setTabOrder(m_method, m_url);
    setTabOrder(m_url, m_throughRule);
    setTabOrder(m_throughRule, m_environment->combo());
    setTabOrder(m_environment->combo(), m_environment->editButton());
    setTabOrder(m_environment->editButton(), m_send);
    setTabOrder(m_send, m_cancel);
    updateActions();
    updateUrlToolTip();
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
    m_url->setAccessibleName(tr("URL"));
    m_url->setClearButtonEnabled(true);
    connect(m_url, &QLineEdit::returnPressed, this, &HttpClientPanel::send);
    connect(m_url, &QLineEdit::textChanged, this, [this] {
        m_variableError->hide();
        updateUrlToolTip();
    });
    m_variableError = new QLabel(row);
    m_variableError->setWordWrap(true);
    m_variableError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_variableError->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; background: #fdecea; border: 1px solid "
                                                  "#f5c2c0; border-radius: 4px; padding: 4px; }"));
    m_variableError->setAccessibleName(tr("Why the request was not sent"));
    m_variableError->setToolTip(tr("Nothing was sent: give the variable a value in the environment "
                                   "(Environments…), choose another environment, or set PASARELA_VAR_name"));
    m_variableError->hide();

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

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_method);
    controls->addWidget(m_url, 1);
    controls->addWidget(m_throughRule);
    controls->addWidget(m_environment);
    controls->addWidget(m_send);
    controls->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_variableError);
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
    m_saveToCollection = button(tr("Save to collection…"), QStringLiteral("bookmark-new"),
                                tr("Keep this request, with its name and assertions, in a collection"), column);
    connect(copy, &QPushButton::clicked, this, &HttpClientPanel::copyAsCurl);
    connect(paste, &QPushButton::clicked, this, &HttpClientPanel::pasteCurl);
    connect(m_saveToCollection, &QPushButton::clicked, this, &HttpClientPanel::saveToCollection);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addWidget(paste);
    buttons->addWidget(m_saveToCollection);
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
    m_editor->assertionsEditor()->setAssertions({});
    m_link->detach();
}

void HttpClientPanel::setCollectionRequest(const QString &collection, int index, const CollectionRequest &request)
{
    setRequest(request);
    m_editor->assertionsEditor()->setAssertions(request.assertions);
    m_link->attach(collection, index);
    m_environment->setCollection(collection);
}

int HttpClientPanel::saveRequestTo(const QString &collection, const QString &name)
{
    const int index = m_link->save(request(), collection, name);
    m_environment->setCollection(collection);
    return index;
}

void HttpClientPanel::saveToCollection()
{
    const std::optional<std::pair<QString, QString>> where = m_link->askWhere(m_environment->collection(), this);
    if (where)
        saveRequestTo(where->first, where->second);
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
    m_variableError->hide();
    const HttpRequest asTyped = request();
    const VariableSet variables = m_environment->variables();
    // What goes on the wire has the values; nothing is sent while one is missing.
    const Result<HttpRequest> wire = variables.apply(asTyped);
    if (!wire) {
        showVariableError(wire.error());
        return;
    }
    const Result<void> valid = validateRequest(wire.value());
    if (!valid) {
        m_exchange = publicExchange(HttpExchange{QDateTime::currentDateTimeUtc(), wire.value(), {},
                                                 HttpFailure::InvalidRequest, valid.error()},
                                    asTyped, variables);
        m_hasExchange = true;
        m_response->showExchange(m_exchange);
        updateActions();
        return;
    }
    m_sentRequest = asTyped;
    m_sentVariables = variables;
    m_sentAssertions = m_editor->assertionsEditor()->validAssertions();
    m_call = m_client->send(wire.value());
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
    // Secrets stay {{name}} in what is kept and shown.
    m_exchange = publicExchange(call->exchange(), m_sentRequest, m_sentVariables);
    m_hasExchange = true;
    call->deleteLater();
    m_response->showExchange(m_exchange);
    if (m_exchange.hasResponse())
        m_response->assertionResults()->check(m_sentAssertions, m_exchange.response);
    else if (m_exchange.failure != HttpFailure::Canceled)
        m_response->assertionResults()->showNotChecked(int(m_sentAssertions.size()));
    if (m_exchange.failure != HttpFailure::InvalidRequest)
        m_history->add(m_exchange);
    updateActions();
    emit exchangeFinished();
}

void HttpClientPanel::showVariableError(const QString &message)
{
    m_variableError->setText(tr("Not sent: %1").arg(message));
    m_variableError->show();
}

void HttpClientPanel::updateUrlToolTip()
{
    const QString base = tr("The URL to send to, http:// or https://; Enter or Ctrl+Return sends. "
                            "{{name}} takes its value from the chosen environment");
    const QString resolved = m_environment->describeUrl(m_url->text().trimmed());
    m_url->setToolTip(resolved.isEmpty() ? base : resolved + u'\n' + base);
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
    return ExchangeFiles::suggestedName(m_hasExchange ? &m_exchange : nullptr, m_url->text(), m_response->isJson(),
                                        exchangeFile);
}

Result<void> HttpClientPanel::saveResponseTo(const QString &path)
{
    return m_files.saveBody(m_hasExchange ? &m_exchange : nullptr, path);
}

Result<void> HttpClientPanel::exportExchangeTo(const QString &path)
{
    return m_files.exportExchange(m_hasExchange ? &m_exchange : nullptr, keepSecrets(), path);
}

void HttpClientPanel::saveResponse()
{
    if (m_hasExchange)
        m_files.askAndSaveBody(this, m_exchange, m_response->isJson());
}

void HttpClientPanel::exportExchange()
{
    if (m_hasExchange)
        m_files.askAndExport(this, m_exchange, keepSecrets());
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
    settings.setValue(QStringLiteral("http/lastFolder"), m_files.lastFolder());
    m_environment->saveSettings(settings);
}

void HttpClientPanel::restoreSettings(const QSettings &settings)
{
    m_splitter->restoreState(settings.value(QStringLiteral("http/splitter")).toByteArray());
    setKeepSecrets(settings.value(QStringLiteral("http/keepSecrets"), false).toBool());
    m_files.setLastFolder(settings.value(QStringLiteral("http/lastFolder"), m_files.lastFolder()).toString());
    m_environment->restoreSettings(settings);
}
