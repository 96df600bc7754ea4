#pragma once

#include <QDialog>
#include <QPointer>

#include "http/httpmessage.h"
#include "http/responsediff.h"
#include "relay/enginesnapshot.h"

class DiffTree;
class HttpCall;
class HttpClient;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class RequestEditor;

// Replay… in the Requests tab: a captured request sent again to the rule's listen address,
// as captured or edited, and its answer set beside the captured one: status, headers, and
// the body as a JSON tree diff or line by line. The ignored fields, "hide unchanged" and
// the volatile headers switch are kept in the settings.
class ReplayDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayDialog)

public:
    ReplayDialog(const RequestRecord &record, const QString &ruleName, QWidget *parent = nullptr);
    ~ReplayDialog() override;

    // The request as edited in the dialog.
    HttpRequest editedRequest() const;
    bool isBusy() const;
    // The last comparison shown (empty before the first answer).
    const ResponseDiff &diff() const { return m_diff; }

    QComboBox *methodBox() const { return m_method; }
    QLineEdit *urlField() const { return m_url; }
    RequestEditor *editor() const { return m_editor; }
    QPushButton *replayCapturedButton() const { return m_replayCaptured; }
    QPushButton *replayEditedButton() const { return m_replayEdited; }
    QLabel *summary() const { return m_summary; }
    QLineEdit *ignoredFields() const { return m_ignored; }
    QCheckBox *hideUnchangedBox() const { return m_hideUnchanged; }
    QCheckBox *volatileHeadersBox() const { return m_ignoreVolatile; }
    QTabWidget *comparisonTabs() const { return m_tabs; }
    DiffTree *headersView() const { return m_headersView; }
    DiffTree *bodyView() const { return m_bodyView; }
    QLabel *bodyNote() const { return m_bodyNote; }

public slots:
    void replayAsCaptured();
    void replayEdited();

signals:
    // A replay's outcome, or a new comparison after the options changed, is shown.
    void compared();

private:
    QWidget *createRequestPart(const RequestRecord &record, const QString &ruleName);
    QWidget *createComparisonPart();
    void send(const HttpRequest &request);
    void finishCall();
    void compare();
    void showDiff();
    void showFailure(const QString &message);
    void saveOptions() const;
    void updateButtons();

    RequestRecord m_record;
    HttpRequest m_captured;  // what "Replay as captured" sends
    HttpClient *m_client;
    QPointer<HttpCall> m_call;
    HttpExchange m_exchange;  // the last replay that got an answer
    bool m_hasAnswer = false;
    ResponseDiff m_diff;
    int m_generation = 0;  // of comparisons: a newer one wins

    QComboBox *m_method = nullptr;
    QLineEdit *m_url = nullptr;
    RequestEditor *m_editor = nullptr;
    QPushButton *m_replayCaptured = nullptr;
    QPushButton *m_replayEdited = nullptr;
    QLabel *m_summary = nullptr;
    QLineEdit *m_ignored = nullptr;
    QCheckBox *m_hideUnchanged = nullptr;
    QCheckBox *m_ignoreVolatile = nullptr;
    QTabWidget *m_tabs = nullptr;
    DiffTree *m_headersView = nullptr;
    DiffTree *m_bodyView = nullptr;
    QLabel *m_bodyNote = nullptr;
};
