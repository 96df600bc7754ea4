#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "http/environments.h"

// One environment's variables as an editable table: name, value, secret. Secret
// values read as dots unless revealed (and are typed in a password field then); a
// secret without a value says which PASARELA_VAR_ supplies it. A row with a bad or
// repeated name is red with the reason; a row left blank is no variable.
class VariablesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariablesModel)

public:
    enum Column { Name, Value, Secret, ColumnCount };

    explicit VariablesModel(QObject *parent = nullptr);

    void setVariables(const QList<Variable> &variables);
    // As edited, blank rows included, in table order.
    const QList<Variable> &variables() const { return m_rows; }
    // The first row's problem, "row 2: ...", or an empty string.
    QString problem() const;
    QString problem(int row) const;

    bool revealsSecrets() const { return m_reveal; }
    void setRevealSecrets(bool reveal);

    int addVariable();
    void removeVariables(QList<int> rows);

    static bool isBlank(const Variable &variable);
    // The problem of rows' row, or of its first row that has one.
    static QString problemIn(const QList<Variable> &rows, int row);
    static QString firstProblemIn(const QList<Variable> &rows);
    // What a hidden secret reads as: as many dots whatever its length.
    static QString maskText();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QList<Variable> m_rows;
    bool m_reveal = false;
};
