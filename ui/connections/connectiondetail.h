#pragma once

#include <QWidget>

#include "relay/enginesnapshot.h"

class QLabel;
class QTableView;
class RequestLogModel;

// Under the connections table: what inspection saw on one connection, a line with the
// TLS names or why it is not HTTP, and its requests (a filter over the shared request log).
class ConnectionDetail final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDetail)

public:
    explicit ConnectionDetail(QWidget *parent = nullptr);

    // Not owned.
    void setRequestModel(RequestLogModel *requests);
    // nullptr: none selected.
    void showConnection(const ConnectionInfo *connection);

    QTableView *requestView() const { return m_requestView; }
    QLabel *line() const { return m_line; }

private:
    class Filter;

    Filter *m_filter;
    QTableView *m_requestView;
    QLabel *m_line;
};
