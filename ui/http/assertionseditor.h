#pragma once

#include <QWidget>

#include "http/assertions.h"

class AssertionsModel;
class QLabel;
class QPushButton;
class QTableView;

// The request editor's Assertions tab: the checks each response of this request
// must pass, as a table with Add and Remove (Delete).
class AssertionsEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssertionsEditor)

public:
    explicit AssertionsEditor(QWidget *parent = nullptr);

    void setAssertions(const QList<Assertion> &assertions);
    // Every row, refused ones too.
    QList<Assertion> assertions() const;
    // The rows that are checked and saved.
    QList<Assertion> validAssertions() const;
    // Where they are kept, in words: "Kept in the collection \"api\"." or how to keep them.
    void setWhereKept(const QString &text);

    AssertionsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QLabel *noteLabel() const { return m_note; }

    void addAssertion();
    void removeSelected();

signals:
    // The user changed the list (not setAssertions).
    void edited();

private:
    AssertionsModel *m_model;
    QTableView *m_view;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_note;
};
