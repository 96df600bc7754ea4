#include "environmentpicker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>

#include "collectionspanel.h"
#include "environmentsdialog.h"

namespace {

const QString CollectionKey = QStringLiteral("http/environmentCollection");
const QString EnvironmentKey = QStringLiteral("http/environment");

} // namespace

EnvironmentPicker::EnvironmentPicker(CollectionsPanel *collections, QWidget *parent)
    : QWidget(parent)
    , m_collections(collections)
    , m_combo(new QComboBox(this))
    , m_edit(new QPushButton(QIcon::fromTheme(QStringLiteral("document-edit")), tr("Environments…"), this))
{
    m_combo->setAccessibleName(tr("Environment"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setMinimumContentsLength(12);
    m_edit->setAccessibleName(tr("Edit environments"));
    m_edit->setToolTip(tr("Add, rename or remove environments and edit their variables (secrets included)"));
    connect(m_edit, &QPushButton::clicked, this, &EnvironmentPicker::editEnvironments);
    connect(m_combo, &QComboBox::activated, this, [this] {
        m_wanted = environment();
        emit changed();
    });
    connect(m_collections, &CollectionsPanel::environmentsChanged, this, &EnvironmentPicker::refill);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo);
    layout->addWidget(m_edit);
    refill();
}

QString EnvironmentPicker::collection() const
{
    if (!m_collection.isEmpty() && m_collections->collections().find(m_collection))
        return m_collection;
    const QList<RequestCollection> &all = m_collections->collections().collections();
    return all.isEmpty() ? QString() : all.constFirst().name;
}

void EnvironmentPicker::setCollection(const QString &name)
{
    if (name == collection() && name == m_collection)
        return;
    m_collection = name;
    refill();
}

QString EnvironmentPicker::environment() const
{
    return m_combo->currentData().toString();
}

void EnvironmentPicker::setEnvironment(const QString &name)
{
    m_wanted = name;
    refill();
}

const Environment *EnvironmentPicker::chosen() const
{
    const RequestCollection *found = m_collections->collections().find(collection());
    const QString name = environment();
    return found && !name.isEmpty() ? findEnvironment(found->environments, name) : nullptr;
}

VariableSet EnvironmentPicker::variables() const
{
    const Environment *environment = chosen();
    return environment ? VariableSet(*environment) : VariableSet();
}

QString EnvironmentPicker::describeUrl(const QString &url) const
{
    if (!hasPlaceholder(url))
        return {};
    const VariableSet variables = this->variables();
    HttpRequest only;
    only.url = url;
    QStringList missing;
    for (const QString &name : placeholders(url)) {
        if (!variables.resolve(name))
            missing.append(u"{{" + name + u"}}");
    }
    // Secrets stay {{name}}: a tooltip is no place for them.
    const QString sends = tr("Sends to %1").arg(variables.applyPublic(only).url);
    if (missing.isEmpty())
        return sends;
    return sends + u'\n' + tr("No value for %1: nothing is sent until it has one").arg(missing.join(QStringLiteral(", ")));
}

void EnvironmentPicker::refill()
{
    const QString before = environment();
    const QString name = collection();
    const RequestCollection *found = m_collections->collections().find(name);
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->clear();
        m_combo->addItem(tr("No environment"), QString());
        if (found) {
            for (const Environment &environment : found->environments)
                m_combo->addItem(environment.name, environment.name);
        }
        m_combo->setCurrentIndex(qMax(0, m_combo->findData(m_wanted)));
    }
    m_combo->setToolTip(
        name.isEmpty()
            ? tr("No collection has environments yet: Environments… adds some. A request's {{name}} then takes "
                 "the chosen environment's value")
            : tr("The environment whose variables fill each {{name}} of the request, from the collection \"%1\"; "
                 "PASARELA_VAR_name set before Pasarela started wins")
                  .arg(name));
    m_edit->setToolTip(name.isEmpty() ? tr("Add environments and their variables (secrets included)")
                                      : tr("Add, rename or remove the environments of \"%1\" and edit their "
                                           "variables (secrets included)")
                                            .arg(name));
    if (environment() != before || found)
        emit changed();
}

void EnvironmentPicker::editEnvironments()
{
    QString name = collection();
    if (name.isEmpty())
        name = tr("My requests");
    const RequestCollection *found = m_collections->collections().find(name);
    EnvironmentsDialog dialog(name, found ? found->environments : Environments{}, environment(), this);
    // No collection is made to hold no environments.
    if (dialog.exec() != QDialog::Accepted || (!found && dialog.environments().isEmpty()))
        return;
    // The chosen environment follows a rename; a removed one leaves none chosen.
    const QString current = environment();
    if (!current.isEmpty())
        m_wanted = dialog.renamedTo(current);
    m_collection = name;
    // Refills the combo (environmentsChanged).
    m_collections->setEnvironments(name, dialog.environments());
}

void EnvironmentPicker::saveSettings(QSettings &settings) const
{
    settings.setValue(CollectionKey, collection());
    settings.setValue(EnvironmentKey, environment().isEmpty() ? m_wanted : environment());
}

void EnvironmentPicker::restoreSettings(const QSettings &settings)
{
    m_collection = settings.value(CollectionKey).toString();
    m_wanted = settings.value(EnvironmentKey).toString();
    refill();
}
