#pragma once

#include <QWidget>

class LogModel;
class QTableView;

// The Log tab: the event table (errors stand out), Copy and Clear.
class LogPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogPanel)

public:
    explicit LogPanel(LogModel *model, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }

private:
    void copySelection();
    void rememberScroll();
    void followNewRows();

    LogModel *m_model;
    QTableView *m_view;
    bool m_atBottom = true;
};
