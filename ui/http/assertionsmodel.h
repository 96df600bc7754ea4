#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "celleditordelegate.h"
#include "http/assertions.h"

// A request's assertions as an editable table: kind, target, check, expected value.
// The kind and check cells offer their choices (ChoicesRole) for a combo box; a row
// that validateAssertion refuses is shown in red with the reason, and is neither
// checked nor saved until it is fixed.
class AssertionsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssertionsModel)

public:
    enum Column { Kind, Target, Check, Expected, ColumnCount };
    // QStringList: what an editor may choose from for this cell; empty for free text.
    static constexpr int ChoicesRole = CellEditorDelegate::ChoicesRole;

    explicit AssertionsModel(QObject *parent = nullptr);

    void setAssertions(const QList<Assertion> &assertions);
    const QList<Assertion> &assertions() const { return m_rows; }
    // The rows validateAssertion accepts, in order.
    QList<Assertion> validAssertions() const;
    // The reason a row is refused, or an empty string.
    QString problem(int row) const;

    // Adds "status is 200" at the end; returns its row.
    int addAssertion();
    void removeAssertions(QList<int> rows);

    static QString kindText(Assertion::Subject subject);
    static QString checkText(Assertion::Check check);
    // The checks a kind allows, the first being what a new row of that kind gets.
    static QList<Assertion::Check> checksFor(Assertion::Subject subject);
    // The expected value as typed in the table, and back: a status or milliseconds as
    // a number, a header's text as it is, a JSON value as JSON (a word that is not
    // JSON is taken as a text).
    static QString expectedText(const Assertion &assertion);
    static QJsonValue expectedValue(Assertion::Subject subject, Assertion::Check check, const QString &text);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    // The user added, removed or changed a row (not setAssertions).
    void edited();

private:
    bool usesTarget(int row) const;
    bool usesExpected(int row) const;

    QList<Assertion> m_rows;
};
