#pragma once

#include <QWidget>

#include "http/httpmessage.h"

class AssertionsEditor;
class HeadersModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

// The parts of a request below the URL: headers, body, assertions and options, as tabs.
class RequestEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestEditor)

public:
    enum Tab { HeadersTab, BodyTab, AssertionsTab, OptionsTab };

    explicit RequestEditor(QWidget *parent = nullptr);

    // Sets/reads headers, body, content type and options; method and URL are not here.
    void setRequest(const HttpRequest &request);
    void applyTo(HttpRequest &request) const;
    // The request's assertions are apart: a request of the history has none.
    AssertionsEditor *assertionsEditor() const { return m_assertions; }

    // Replaces the body with its pretty form, or says where the JSON is wrong.
    bool formatJson();

    QTabWidget *tabs() const { return m_tabs; }
    HeadersModel *headersModel() const { return m_headers; }
    QTableView *headersView() const { return m_headersView; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QComboBox *contentTypeCombo() const { return m_contentType; }
    QLabel *bodyMessage() const { return m_bodyMessage; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QCheckBox *verifyTlsBox() const { return m_verifyTls; }
    QCheckBox *followRedirectsBox() const { return m_followRedirects; }
    // The panel's privacy setting lives on the Options tab.
    QCheckBox *keepSecretsBox() const { return m_keepSecrets; }

private:
    QWidget *createHeadersTab();
    QWidget *createBodyTab();
    QWidget *createOptionsTab();
    void addHeader();
    void removeSelectedHeaders();
    void updateTabTitles();

    QTabWidget *m_tabs;
    HeadersModel *m_headers;
    QTableView *m_headersView = nullptr;
    QPushButton *m_removeHeader = nullptr;
    QComboBox *m_contentType = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_bodyMessage = nullptr;
    QSpinBox *m_timeout = nullptr;
    QCheckBox *m_verifyTls = nullptr;
    QCheckBox *m_followRedirects = nullptr;
    QCheckBox *m_keepSecrets = nullptr;
    AssertionsEditor *m_assertions = nullptr;
};
