#pragma once

#include <optional>
#include <utility>

#include <QObject>
#include <QString>

#include "http/httpmessage.h"

class AssertionsEditor;
class CollectionsPanel;
class QWidget;

// Which request of a collection the editor shows, if any. Assertions edited then are
// kept in that request at once (the collections file follows); removing the request,
// or exposing its collection again, lets go of it. The Assertions tab says where its
// rows are kept.
class CollectionLink final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionLink)

public:
    CollectionLink(CollectionsPanel *collections, AssertionsEditor *editor, QObject *parent = nullptr);

    void attach(const QString &collection, int index);
    void detach();
    bool isAttached() const { return m_index >= 0; }
    const QString &collection() const { return m_collection; }
    int index() const { return m_index; }
    // The attached request's name (may be empty); empty when detached.
    QString requestName() const;

    // Keeps request, with this name and the editor's assertions, in the collection
    // (made if needed), replacing the attached request when it is that collection's,
    // else adding it; then attaches to it. Returns its index.
    int save(const HttpRequest &request, const QString &collection, const QString &name);
    // Asks for the collection and the name (SaveRequestDialog); fallback is the
    // collection offered when none is attached. Nothing when canceled.
    std::optional<std::pair<QString, QString>> askWhere(const QString &fallback, QWidget *parent) const;

private:
    void assertionsEdited();
    void requestRemoved(const QString &collection, int index);
    void collectionReplaced(const QString &collection);
    void updateNote();

    CollectionsPanel *m_collections;
    AssertionsEditor *m_editor;
    QString m_collection;
    int m_index = -1;
};
