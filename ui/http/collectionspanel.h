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

    // "GET api.local /api/v1/items": what a collection lists a request as.
    static QString label(const HttpRequest &request);

signals:
    void requestChosen(const HttpRequest &request);

private:
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
