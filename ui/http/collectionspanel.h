#pragma once

#include <QWidget>

#include "http/requestcollections.h"

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

// Named groups of ready requests (one per Ingress after Rules › Expose cluster):
// pick one to load it into the editor, delete what is not wanted. Every change is
// saved at once; a problem with the file is shown above the tree.
class CollectionsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionsPanel)

public:
    explicit CollectionsPanel(const QString &path, QWidget *parent = nullptr);

    const RequestCollections &collections() const { return m_collections; }
    QTreeWidget *tree() const { return m_tree; }
    QLabel *problemLabel() const { return m_problem; }

    // Adds or replaces each collection by name, saves, and selects the first
    // request of the first one (which loads it into the editor).
    void add(const QList<RequestCollection> &collections);
    // A request, or a whole collection after asking.
    void removeSelected();

    // "GET api.local /api/v1/items": what a collection lists a request as (its name
    // first when it has one).
    static QString label(const HttpRequest &request);
    static QString label(const CollectionRequest &request);

    // Changes from the HTTP client, each saved at once. A collection named that does
    // not exist yet is added (empty). Return the request's index.
    void setEnvironments(const QString &collection, const Environments &environments);
    void setAssertions(const QString &collection, int request, const QList<Assertion> &assertions);
    // Replaces the request at that index, or adds it at the end (index -1), and selects it.
    int saveRequest(const QString &collection, int index, const CollectionRequest &request);

signals:
    // A request was picked (clicked or activated) to load into the editor.
    void requestChosen(const QString &collection, int index, const CollectionRequest &request);
    // A collection itself was picked: its environments are the ones to offer.
    void collectionChosen(const QString &collection);
    // A request (index >= 0) or a whole collection (-1) is gone, or a collection was
    // replaced by add() (its requests renumbered): whoever holds an index checks it.
    void requestRemoved(const QString &collection, int index);
    void collectionReplaced(const QString &collection);
    // The environments of a collection changed (or it was added or removed).
    void environmentsChanged();

private:
    int ensureCollection(const QString &name);
    void select(int collection, int request);
    void rebuild();
    void save();
    void showProblem(const QString &message);
    void choose(QTreeWidgetItem *item);
    void updateButtons();

    RequestCollections m_collections;
    QLabel *m_problem;
    QLabel *m_empty;
    QTreeWidget *m_tree;
    QPushButton *m_delete;
};
