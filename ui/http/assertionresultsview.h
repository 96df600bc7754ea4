#pragma once

#include <QList>
#include <QWidget>

#include "http/assertions.h"
#include "http/httpmessage.h"

class QLabel;
class QListWidget;

// Each assertion of the request just sent, passed (a green check) or failed (a red
// cross) with its message, and a summary ("3 passed, 1 failed") for the response's
// status row. Evaluated off the GUI thread: a JSON path reads the whole body.
class AssertionResultsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssertionResultsView)

public:
    explicit AssertionResultsView(QWidget *parent = nullptr);

    // Nothing to show: the list and the summary are hidden.
    void clear();
    // Checks the response against them; checked() when shown. None: clear().
    void check(const QList<Assertion> &assertions, const HttpResponse &response);
    // No response arrived: the summary says that many were not checked.
    void showNotChecked(int count);

    bool isChecking() const { return m_checking; }
    const QList<AssertionResult> &results() const { return m_results; }
    int passedCount() const;
    int failedCount() const;

    QLabel *summaryLabel() const { return m_summary; }
    QListWidget *list() const { return m_list; }

    static QIcon passedIcon();
    static QIcon failedIcon();

signals:
    void checked();

private:
    void showResults(const QList<AssertionResult> &results);

    QLabel *m_summary;
    QListWidget *m_list;
    QList<AssertionResult> m_results;
    bool m_checking = false;
    quint64 m_generation = 0;
};
