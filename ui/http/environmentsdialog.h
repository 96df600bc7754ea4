#pragma once

#include <QDialog>
#include <QStringList>

#include "http/environments.h"

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTableView;
class VariablesModel;

// Edits a collection's environments: add, duplicate, rename and remove them, and
// each one's variables (name, value, secret). Nothing changes until OK; OK stays
// off while a name is wrong, and the reason is shown.
class EnvironmentsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentsDialog)

public:
    // collection names where they are kept, for the dialog to say so; current is
    // selected first.
    EnvironmentsDialog(const QString &collection, const Environments &environments, const QString &current,
                       QWidget *parent = nullptr);

    // As edited: variables in name order, blank rows left out.
    Environments environments() const;
    // The name now of the environment that had this name when the dialog opened;
    // empty when it was removed.
    QString renamedTo(const QString &original) const;

    QListWidget *environmentList() const { return m_list; }
    QTableView *variablesView() const { return m_view; }
    VariablesModel *variablesModel() const { return m_model; }
    QCheckBox *revealBox() const { return m_reveal; }
    QLabel *problemLabel() const { return m_problem; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *duplicateButton() const { return m_duplicate; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *addVariableButton() const { return m_addVariable; }
    QPushButton *removeVariableButton() const { return m_removeVariable; }

    // As the buttons do.
    void addEnvironment(const QString &name = {});
    void duplicateEnvironment();
    void renameEnvironment();
    void removeEnvironment();
    void addVariable();
    void removeSelectedVariables();

private:
    QWidget *createEnvironmentColumn();
    QWidget *createVariablesColumn();
    void showEnvironment(int row);
    void keepVariables();
    void nameEdited(QListWidgetItem *item);
    QString uniqueName(const QString &base) const;
    void validate();

    struct Edited
    {
        QString original;  // empty for one added here
        QString name;
        QList<Variable> variables;  // table order, blank rows included
    };
    QList<Edited> m_environments;
    int m_shown = -1;
    QString m_nameProblem;

    QListWidget *m_list = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_variablesLabel = nullptr;
    VariablesModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_addVariable = nullptr;
    QPushButton *m_removeVariable = nullptr;
    QCheckBox *m_reveal = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
