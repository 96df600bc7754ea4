#pragma once

#include <QPointer>
#include <QWidget>

#include "http/httpclient.h"
#include "http/httpmessage.h"
#include "http/requestcollections.h"
#include "result.h"

class CollectionsPanel;
class HistoryPanel;
class QAction;
class QComboBox;
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
// past requests. Sends with HttpClient, never blocking the window.
class HttpClientPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClientPanel)

public:
    // rules may be null (no "through rule" picker entries); historyPath is where
    // the history is kept (HttpHistory::defaultPath() in the window).
    HttpClientPanel(RuleController *rules, const QString &historyPath, QWidget *parent = nullptr);
    ~HttpClientPanel() override;

    HttpRequest request() const;
    void setRequest(const HttpRequest &request);
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
    Result<void> writeFile(const QString &path, const QByteArray &bytes);

    HttpClient *m_client;
    QPointer<HttpCall> m_call;
    HttpExchange m_exchange;
    bool m_hasExchange = false;
    QString m_lastFolder;

    QComboBox *m_method = nullptr;
    QLineEdit *m_url = nullptr;
    ThroughRuleButton *m_throughRule = nullptr;
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
