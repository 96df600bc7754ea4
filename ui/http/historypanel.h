#pragma once

#include <QWidget>

#include "http/httpmessage.h"

class HistoryModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

// The list of past requests: search, load one back, delete, clear. Every change
// is saved at once; a problem with the file is shown above the list.
class HistoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    explicit HistoryPanel(const QString &path, QWidget *parent = nullptr);

    HistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    // The problem with the history file, when there is one.
    QLabel *problemLabel() const { return m_problem; }

    void setKeepSecrets(bool keep);
    void add(const HttpExchange &exchange);
    void removeSelected();
    // Asks first.
    void clearWithConfirmation();

signals:
    // The user picked a past request to load into the editor.
    void requestChosen(const HttpRequest &request);

private:
    void load();
    void showProblem(const QString &message);
    void choose(const QModelIndex &proxyIndex);
    void updateButtons();

    HistoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_problem;
    QLineEdit *m_search;
    QTableView *m_view;
    QPushButton *m_delete;
    QPushButton *m_clear;
};
