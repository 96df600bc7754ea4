#pragma once

#include <QPointer>
#include <QWidget>

#include "exchangefiles.h"
#include "http/httpclient.h"
#include "http/httpmessage.h"
#include "http/requestcollections.h"
#include "http/variables.h"
#include "result.h"

class CollectionLink;
class CollectionsPanel;
class EnvironmentPicker;
class HistoryPanel;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSplitter;
class QTabWidget;
class RequestEditor;
class ResponseView;
class RuleController;
class ThroughRuleButton;

// The "HTTP client" tab: a request editor, the response, and the history of
// past requests. Sends with HttpClient, never blocking the window. {{variables}}
// take their values from the chosen environment when sent; the history and exports
// keep them as written, so secrets stay out of files.
class HttpClientPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClientPanel)

public:
    // rules may be null (no "through rule" picker entries); historyPath is where
    // the history is kept (HttpHistory::defaultPath() in the window).
    HttpClientPanel(RuleController *rules, const QString &historyPath, QWidget *parent = nullptr);
    ~HttpClientPanel() override;

    // As typed, {{variables}} included.
    HttpRequest request() const;
    // Loads a request that belongs to no collection (no assertions).
    void setRequest(const HttpRequest &request);
    // Loads a request of a collection: its assertions come along and are saved back
    // to it when edited; its collection's environments are offered.
    void setCollectionRequest(const QString &collection, int index, const CollectionRequest &request);
    // Keeps the request with its name and assertions in a collection (made if needed):
    // replaces the one it was loaded from, else adds it. Returns its index.
    int saveRequestTo(const QString &collection, const QString &name);
    // The same, asking where.
    void saveToCollection();
    // Keeps them under Collections (replacing those of the same name), shows that
    // list and loads the first request.
    void addCollections(const QList<RequestCollection> &collections);

    void send();
    void cancel();
    bool isBusy() const { return m_call != nullptr; }
    bool hasExchange() const { return m_hasExchange; }
    const HttpExchange &exchange() const { return m_exchange; }

    // "items-20261126-140501.json": the URL's last path segment and the time it was sent.
    QString suggestedFileName(bool exchangeFile = false) const;
    // Write the body byte for byte / the exchange as JSON, atomically. Errors name the path.
    Result<void> saveResponseTo(const QString &path);
    Result<void> exportExchangeTo(const QString &path);
    // The same, asking for the file name.
    void saveResponse();
    void exportExchange();
    void copyAsCurl();
    void pasteCurl();

    bool keepSecrets() const;
    void setKeepSecrets(bool keep);
    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

    QComboBox *methodCombo() const { return m_method; }
    QLineEdit *urlEdit() const { return m_url; }
    ThroughRuleButton *throughRuleButton() const { return m_throughRule; }
    EnvironmentPicker *environmentPicker() const { return m_environment; }
    // Why the request was not sent (an unknown variable), beside Send.
    QLabel *variableErrorLabel() const { return m_variableError; }
    QPushButton *saveToCollectionButton() const { return m_saveToCollection; }
    CollectionLink *collectionLink() const { return m_link; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *cancelButton() const { return m_cancel; }
    QSplitter *splitter() const { return m_splitter; }
    HistoryPanel *historyPanel() const { return m_history; }
    CollectionsPanel *collectionsPanel() const { return m_collections; }
    // History and Collections, as tabs.
    QTabWidget *libraryTabs() const { return m_library; }
    RequestEditor *requestEditor() const { return m_editor; }
    ResponseView *responseView() const { return m_response; }

signals:
    // A response or a failure is on screen (the body may still be parsing).
    void exchangeFinished();

private:
    QWidget *createTopRow(RuleController *rules);
    QWidget *createRequestColumn();
    QWidget *createResponseColumn();
    void finishCall();
    void updateActions();
    void showVariableError(const QString &message);
    void updateUrlToolTip();

    HttpClient *m_client;
    QPointer<HttpCall> m_call;
    // The public form (publicExchange): what history and exports get.
    HttpExchange m_exchange;
    bool m_hasExchange = false;
    // The request in flight as typed, what filled its variables, what to check.
    HttpRequest m_sentRequest;
    VariableSet m_sentVariables;
    QList<Assertion> m_sentAssertions;
    ExchangeFiles m_files;

    QComboBox *m_method = nullptr;
    QLineEdit *m_url = nullptr;
    ThroughRuleButton *m_throughRule = nullptr;
    EnvironmentPicker *m_environment = nullptr;
    QLabel *m_variableError = nullptr;
    CollectionLink *m_link = nullptr;
    QPushButton *m_saveToCollection = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_library = nullptr;
    HistoryPanel *m_history = nullptr;
    CollectionsPanel *m_collections = nullptr;
    RequestEditor *m_editor = nullptr;
    ResponseView *m_response = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_export = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_saveAction = nullptr;
};
