#include "environmentsdialog.h"

#include <algorithm>

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

#include "celleditordelegate.h"
#include "http/variables.h"
#include "variablesmodel.h"

namespace {

QPushButton *button(const QString &text, const QString &icon, const QString &tip, QWidget *parent)
{
    auto *result = new QPushButton(QIcon::fromTheme(icon), text, parent);
    result->setToolTip(tip);
    result->setAccessibleName(QString(text).remove(u'&'));
    return result;
}

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

EnvironmentsDialog::EnvironmentsDialog(const QString &collection, const Environments &environments,
                                       const QString &current, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Environments of \"%1\"").arg(collection));
    for (const Environment &environment : environments)
        m_environments.append(Edited{environment.name, environment.name, environment.variables});

    auto *intro = noteLabel(tr("The environments of the collection \"%1\". Choose one beside Send: each {{name}} in "
                               "the URL, the headers and the body of a request takes its value.")
                                .arg(collection),
                            this);
    auto *secrets = noteLabel(tr("Secret values stay in memory while Pasarela runs and are never written to disk "
                                 "(not to the collections file, the history or exports). To give a secret its value "
                                 "when Pasarela starts, set PASARELA_VAR_name in its environment, for example "
                                 "PASARELA_VAR_token=… pasarela; that value wins over the one here."),
                              this);
    secrets->setStyleSheet(QStringLiteral("QLabel { color: #5d4300; background: #fff8e1; border: 1px solid #ffe082;"
                                          " border-radius: 4px; padding: 4px; }"));
    secrets->setAccessibleName(tr("About secrets"));
    m_problem = noteLabel(QString(), this);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; }"));
    m_problem->setAccessibleName(tr("Problem with the environments"));
    m_problem->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(tr("Keep these environments in the collection"));
    m_buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Leave the environments as they were"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *columns = new QHBoxLayout;
    columns->addWidget(createEnvironmentColumn());
    columns->addWidget(createVariablesColumn(), 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(columns, 1);
    layout->addWidget(secrets);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(760, 460);

    {
        const QSignalBlocker blocker(m_list);
        for (const Edited &environment : std::as_const(m_environments)) {
            auto *item = new QListWidgetItem(environment.name, m_list);
            item->setFlags(item->flags() | Qt::ItemIsEditable);
        }
    }
    int first = 0;
    for (int row = 0; row < m_environments.size(); ++row) {
        if (m_environments.at(row).name == current)
            first = row;
    }
    if (m_environments.isEmpty())
        showEnvironment(-1);
    else
        m_list->setCurrentRow(first);
    validate();
}

QWidget *EnvironmentsDialog::createEnvironmentColumn()
{
    auto *column = new QWidget(this);
    auto *label = new QLabel(tr("&Environments:"), column);
    m_list = new QListWidget(column);
    m_list->setAccessibleName(tr("Environments"));
    m_list->setToolTip(tr("Pick one to edit its variables; F2 or double-click renames it, Delete removes it"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    label->setBuddy(m_list);
    connect(m_list, &QListWidget::currentRowChanged, this, &EnvironmentsDialog::showEnvironment);
    connect(m_list, &QListWidget::itemChanged, this, &EnvironmentsDialog::nameEdited);
    auto *remove = new QAction(tr("Remove environment"), m_list);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &EnvironmentsDialog::removeEnvironment);
    m_list->addAction(remove);

    m_new = button(tr("&New"), QStringLiteral("list-add"), tr("Add an empty environment, such as dev or prod"), column);
    m_duplicate = button(tr("Du&plicate"), QStringLiteral("edit-copy"),
                         tr("Add a copy of the selected environment, its variables and secrets included"), column);
    m_rename = button(tr("&Rename"), QStringLiteral("edit-rename"), tr("Rename the selected environment (F2)"), column);
    m_remove = button(tr("Re&move"), QStringLiteral("list-remove"),
                      tr("Remove the selected environment and its variables (Delete)"), column);
    connect(m_new, &QPushButton::clicked, this, [this] { addEnvironment(); });
    connect(m_duplicate, &QPushButton::clicked, this, &EnvironmentsDialog::duplicateEnvironment);
    connect(m_rename, &QPushButton::clicked, this, &EnvironmentsDialog::renameEnvironment);
    connect(m_remove, &QPushButton::clicked, this, &EnvironmentsDialog::removeEnvironment);

    auto *buttons = new QGridLayout;
    buttons->addWidget(m_new, 0, 0);
    buttons->addWidget(m_duplicate, 0, 1);
    buttons->addWidget(m_rename, 1, 0);
    buttons->addWidget(m_remove, 1, 1);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    column->setMaximumWidth(260);
    return column;
}

QWidget *EnvironmentsDialog::createVariablesColumn()
{
    auto *column = new QWidget(this);
    m_variablesLabel = new QLabel(column);
    m_model = new VariablesModel(this);
    m_view = new QTableView(column);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new CellEditorDelegate(m_view));
    m_view->setAccessibleName(tr("Variables"));
    m_view->setToolTip(tr("Double-click a name or value to change it; tick Secret for passwords and tokens; "
                          "Delete removes the selected rows"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->setWordWrap(false);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(VariablesModel::Value, QHeaderView::Stretch);
    header->setSectionResizeMode(VariablesModel::Secret, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(VariablesModel::Name, 160);
    m_variablesLabel->setBuddy(m_view);
    auto *remove = new QAction(tr("Remove variable"), m_view);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &EnvironmentsDialog::removeSelectedVariables);
    m_view->addAction(remove);

    m_addVariable = button(tr("&Add variable"), QStringLiteral("list-add"), tr("Add a variable to this environment"),
                           column);
    m_removeVariable = button(tr("Remove varia&ble"), QStringLiteral("list-remove"),
                              tr("Remove the selected variables (Delete)"), column);
    m_removeVariable->setEnabled(false);
    m_reveal = new QCheckBox(tr("&Show secret values"), column);
    m_reveal->setToolTip(tr("Show the values of secret variables instead of dots, on this screen only"));
    connect(m_addVariable, &QPushButton::clicked, this, &EnvironmentsDialog::addVariable);
    connect(m_removeVariable, &QPushButton::clicked, this, &EnvironmentsDialog::removeSelectedVariables);
    connect(m_reveal, &QCheckBox::toggled, m_model, &VariablesModel::setRevealSecrets);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_removeVariable->setEnabled(m_view->selectionModel()->hasSelection()); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &EnvironmentsDialog::validate);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &EnvironmentsDialog::validate);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addVariable);
    buttons->addWidget(m_removeVariable);
    buttons->addStretch();
    buttons->addWidget(m_reveal);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_variablesLabel);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    return column;
}

Environments EnvironmentsDialog::environments() const
{
    Environments result;
    for (int row = 0; row < m_environments.size(); ++row) {
        Environment environment{m_environments.at(row).name, {}};
        const QList<Variable> &variables = row == m_shown ? m_model->variables() : m_environments.at(row).variables;
        for (const Variable &variable : variables) {
            if (!VariablesModel::isBlank(variable))
                environment.set(variable);
        }
        result.append(environment);
    }
    return result;
}

QString EnvironmentsDialog::renamedTo(const QString &original) const
{
    for (const Edited &environment : m_environments) {
        if (!original.isEmpty() && environment.original == original)
            return environment.name;
    }
    return {};
}

QString EnvironmentsDialog::uniqueName(const QString &base) const
{
    const auto taken = [this](const QString &name) {
        return std::any_of(m_environments.cbegin(), m_environments.cend(),
                           [&name](const Edited &environment) { return environment.name == name; });
    };
    QString name = base;
    for (int n = 2; taken(name); ++n)
        name = base + u' ' + QString::number(n);
    return name;
}

void EnvironmentsDialog::addEnvironment(const QString &name)
{
    keepVariables();
    const QString chosen = uniqueName(name.isEmpty() ? tr("environment") : name);
    m_environments.append(Edited{QString(), chosen, {}});
    {
        const QSignalBlocker blocker(m_list);
        auto *item = new QListWidgetItem(chosen, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    m_list->setCurrentRow(int(m_environments.size()) - 1);
    if (name.isEmpty() && isVisible())
        m_list->editItem(m_list->currentItem());
    validate();
}

void EnvironmentsDialog::duplicateEnvironment()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    keepVariables();
    const Edited copy = m_environments.at(row);
    addEnvironment(tr("%1 copy").arg(copy.name));
    m_environments.last().variables = copy.variables;
    m_model->setVariables(copy.variables);
    validate();
}

void EnvironmentsDialog::renameEnvironment()
{
    if (QListWidgetItem *item = m_list->currentItem()) {
        m_list->setFocus(Qt::OtherFocusReason);
        m_list->editItem(item);
    }
}

void EnvironmentsDialog::removeEnvironment()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    keepVariables();
    // Nothing is shown while the row goes, so nothing is kept into the wrong one.
    m_shown = -1;
    m_environments.removeAt(row);
    {
        const QSignalBlocker blocker(m_list);
        delete m_list->takeItem(row);
    }
    m_nameProblem.clear();
    if (m_environments.isEmpty())
        showEnvironment(-1);
    else
        m_list->setCurrentRow(qMin(row, int(m_environments.size()) - 1));
    // setCurrentRow does not signal when the row number stays the same.
    if (m_shown != m_list->currentRow())
        showEnvironment(m_list->currentRow());
    validate();
}

void EnvironmentsDialog::addVariable()
{
    if (m_shown < 0)
        addEnvironment(tr("default"));
    const int row = m_model->addVariable();
    const QModelIndex name = m_model->index(row, VariablesModel::Name);
    m_view->setCurrentIndex(name);
    m_view->setFocus(Qt::OtherFocusReason);
    if (isVisible())
        m_view->edit(name);
}

void EnvironmentsDialog::removeSelectedVariables()
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    m_model->removeVariables(rows);
}

void EnvironmentsDialog::showEnvironment(int row)
{
    keepVariables();
    m_shown = row >= 0 && row < m_environments.size() ? row : -1;
    const bool shown = m_shown >= 0;
    m_model->setVariables(shown ? m_environments.at(m_shown).variables : QList<Variable>());
    m_variablesLabel->setText(shown ? tr("&Variables of \"%1\":").arg(m_environments.at(m_shown).name)
                                    : tr("&Variables (add an environment first):"));
    m_view->setEnabled(shown);
    m_duplicate->setEnabled(shown);
    m_rename->setEnabled(shown);
    m_remove->setEnabled(shown);
    m_removeVariable->setEnabled(shown && m_view->selectionModel()->hasSelection());
}

void EnvironmentsDialog::keepVariables()
{
    if (m_shown >= 0 && m_shown < m_environments.size())
        m_environments[m_shown].variables = m_model->variables();
}

void EnvironmentsDialog::nameEdited(QListWidgetItem *item)
{
    const int row = m_list->row(item);
    if (row < 0 || row >= m_environments.size())
        return;
    const QString name = item->text().trimmed();
    const QString before = m_environments.at(row).name;
    m_nameProblem.clear();
    if (name.isEmpty()) {
        m_nameProblem = tr("An environment needs a name; \"%1\" keeps its own.").arg(before);
    } else if (name != before && uniqueName(name) != name) {
        m_nameProblem = tr("There is already an environment \"%1\"; \"%2\" keeps its name.").arg(name, before);
    } else {
        m_environments[row].name = name;
    }
    {
        const QSignalBlocker blocker(m_list);
        item->setText(m_environments.at(row).name);
    }
    if (row == m_shown)
        m_variablesLabel->setText(tr("&Variables of \"%1\":").arg(m_environments.at(row).name));
    validate();
}

void EnvironmentsDialog::validate()
{
    QString problem = m_nameProblem;
    for (int row = 0; row < m_environments.size() && problem.isEmpty(); ++row) {
        const QList<Variable> &variables = row == m_shown ? m_model->variables() : m_environments.at(row).variables;
        if (const QString text = VariablesModel::firstProblemIn(variables); !text.isEmpty())
            problem = tr("\"%1\": %2").arg(m_environments.at(row).name, text);
    }
    // A name mistake is only a note (the old name stays); the others keep OK off.
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    const bool blocking = !problem.isEmpty() && problem != m_nameProblem;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!blocking);
}
