#include "collectionlink.h"

#include "assertionseditor.h"
#include "collectionspanel.h"
#include "saverequestdialog.h"

CollectionLink::CollectionLink(CollectionsPanel *collections, AssertionsEditor *editor, QObject *parent)
    : QObject(parent)
    , m_collections(collections)
    , m_editor(editor)
{
    connect(m_editor, &AssertionsEditor::edited, this, &CollectionLink::assertionsEdited);
    connect(m_collections, &CollectionsPanel::requestRemoved, this, &CollectionLink::requestRemoved);
    connect(m_collections, &CollectionsPanel::collectionReplaced, this, &CollectionLink::collectionReplaced);
    updateNote();
}

void CollectionLink::attach(const QString &collection, int index)
{
    m_collection = collection;
    m_index = index;
    updateNote();
}

void CollectionLink::detach()
{
    m_collection.clear();
    m_index = -1;
    updateNote();
}

QString CollectionLink::requestName() const
{
    const RequestCollection *found = m_collections->collections().find(m_collection);
    if (!found || m_index < 0 || m_index >= found->requests.size())
        return {};
    return found->requests.at(m_index).name;
}

int CollectionLink::save(const HttpRequest &request, const QString &collection, const QString &name)
{
    CollectionRequest saved = request;
    saved.name = name;
    saved.assertions = m_editor->validAssertions();
    const bool replace = isAttached() && m_collection == collection;
    const int index = m_collections->saveRequest(collection, replace ? m_index : -1, saved);
    attach(collection, index);
    return index;
}

std::optional<std::pair<QString, QString>> CollectionLink::askWhere(const QString &fallback, QWidget *parent) const
{
    QStringList names;
    for (const RequestCollection &collection : m_collections->collections().collections())
        names.append(collection.name);
    QString collection = isAttached() ? m_collection : fallback;
    if (collection.isEmpty())
        collection = tr("My requests");
    SaveRequestDialog dialog(names, collection, requestName(), isAttached() ? m_collection : QString(), parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return std::make_pair(dialog.collection(), dialog.name());
}

void CollectionLink::assertionsEdited()
{
    if (isAttached())
        m_collections->setAssertions(m_collection, m_index, m_editor->validAssertions());
}

void CollectionLink::requestRemoved(const QString &collection, int index)
{
    if (!isAttached() || collection != m_collection)
        return;
    if (index < 0 || index == m_index)
        detach();
    else if (index < m_index)
        attach(m_collection, m_index - 1);
}

void CollectionLink::collectionReplaced(const QString &collection)
{
    if (collection == m_collection)
        detach();
}

void CollectionLink::updateNote()
{
    if (!isAttached()) {
        m_editor->setWhereKept(tr("Kept with this request until another is loaded; Save to collection… keeps them "
                                  "for good."));
        return;
    }
    const QString name = requestName();
    m_editor->setWhereKept(name.isEmpty()
                               ? tr("Saved at once with this request of the collection \"%1\".").arg(m_collection)
                               : tr("Saved at once with \"%1\" of the collection \"%2\".").arg(name, m_collection));
}
