#pragma once

#include <memory>

#include <QWidget>

#include "http/httpmessage.h"
#include "responsebody.h"

class AssertionResultsView;
class HeadersModel;
class JsonTreeModel;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QSplitter;
class QTabWidget;
class QTextDocument;
class QTreeView;

// What came back: the status line, timings and size, then the body as a JSON
// tree, as pretty text, as raw text, and the headers; below them the results of
// the request's assertions, and their summary in the status line. The body is parsed and the
// text documents are built on a worker thread, and the text views hold at most
// TextLimit bytes, so a large answer never stalls the window.
class ResponseView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseView)

public:
    enum Tab { TreeTab, PrettyTab, RawTab, HeadersTab };
    static constexpr qsizetype TextLimit = ResponseBody::TextLimit;
    static constexpr qsizetype LineLimit = ResponseBody::LineLimit;

    explicit ResponseView(QWidget *parent = nullptr);
    ~ResponseView() override;

    void clear();
    // A request is on its way: a busy indicator until showExchange().
    void showBusy(const QString &what);
    void setProgress(qint64 received, qint64 total);
    void showExchange(const HttpExchange &exchange);

    // The body parsed as JSON (false while parsing, and for a body that is not JSON).
    bool isJson() const { return m_isJson; }
    bool isParsing() const { return m_parsing; }

    QTabWidget *tabs() const { return m_tabs; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *timingLabel() const { return m_timing; }
    QLabel *noteLabel() const { return m_note; }
    QLabel *errorLabel() const { return m_error; }
    QProgressBar *busyBar() const { return m_busy; }
    QTreeView *treeView() const { return m_tree; }
    JsonTreeModel *treeModel() const { return m_treeModel; }
    QPlainTextEdit *prettyEdit() const { return m_pretty; }
    QPlainTextEdit *rawEdit() const { return m_raw; }
    HeadersModel *headersModel() const { return m_headers; }
    AssertionResultsView *assertionResults() const { return m_results; }

    void copyValue();
    void copyPath();

signals:
    // The body has been parsed (or found not to be JSON) and is on screen.
    void bodyShown();

private:
    void startParse(const HttpResponse &response);
    void showParsed(const ResponseBody &parsed);
    void fillCurrentText();
    void showTreeMenu(const QPoint &pos);
    void showNote(const QString &text);

    QLabel *m_status;
    QLabel *m_timing;
    QLabel *m_size;
    QProgressBar *m_busy;
    QLabel *m_error;
    QLabel *m_note;
    QTabWidget *m_tabs;
    JsonTreeModel *m_treeModel;
    QTreeView *m_tree;
    QPlainTextEdit *m_pretty;
    QPlainTextEdit *m_raw;
    HeadersModel *m_headers;
    AssertionResultsView *m_results;
    QSplitter *m_split;
    // Built on the worker, shown when their tab is first opened: even a ready
    // document of megabytes costs a moment to hand to its view.
    std::shared_ptr<QTextDocument> m_prettyDoc;
    std::shared_ptr<QTextDocument> m_rawDoc;
    bool m_prettyPending = false;
    bool m_rawPending = false;
    bool m_isJson = false;
    // The raw tab was opened because the body was not JSON, not by the user.
    bool m_leftTree = false;
    bool m_parsing = false;
    quint64 m_generation = 0;
};
