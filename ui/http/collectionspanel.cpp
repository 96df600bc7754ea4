#include "collectionspanel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace {

// Where an item sits: its collection, and the request in it (-1 for the collection itself).
constexpr int CollectionRole = Qt::UserRole;
constexpr int RequestRole = Qt::UserRole + 1;

} // namespace

CollectionsPanel::CollectionsPanel(const QString &path, QWidget *parent)
    : QWidget(parent)
    , m_collections(path)
    , m_problem(new QLabel(this))
    , m_empty(new QLabel(tr("No collections yet. Rules › Expose cluster… adds one for each Ingress, "
                            "with a request for each of its hosts and paths."),
                         this))
    , m_tree(new QTreeWidget(this))
    , m_delete(new QPushButton(tr("Delete"), this))
{
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c2c0;"
                                            " border-radius: 4px; padding: 6px; }"));
    m_problem->setAccessibleName(tr("Collections file problem"));
    m_problem->hide();
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_empty->setEnabled(false);

    m_tree->setHeaderHidden(true);
    m_tree->setAccessibleName(tr("Request collections"));
    m_tree->setToolTip(tr("Click a request to load it into the editor; Delete removes it"));
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    connect(m_tree, &QTreeWidget::itemClicked, this, &CollectionsPanel::choose);
    connect(m_tree, &QTreeWidget::itemActivated, this, &CollectionsPanel::choose);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &CollectionsPanel::updateButtons);
    auto *remove = new QAction(tr("Delete"), m_tree);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &CollectionsPanel::removeSelected);
    m_tree->addAction(remove);

    m_delete->setToolTip(tr("Remove the selected request, or the whole collection (Delete)"));
    m_delete->setAccessibleName(tr("Delete from collections"));
    connect(m_delete, &QPushButton::clicked, this, &CollectionsPanel::removeSelected);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_delete);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_problem);
    layout->addWidget(m_empty);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);

    const Result<void> loaded = m_collections.load();
    if (!loaded)
        showProblem(loaded.error());
    rebuild();
}

QString CollectionsPanel::label(const HttpRequest &request)
{
    const QUrl url(request.url);
    QString host = url.host();
    for (const HttpHeader &header : request.headers) {
        if (header.enabled && header.name.compare(QLatin1String("Host"), Qt::CaseInsensitive) == 0)
            host = header.value;
    }
    const QString path = url.path(QUrl::FullyEncoded).isEmpty() ? QStringLiteral("/") : url.path(QUrl::FullyEncoded);
    return request.method % u' ' % host % path;
}

QString CollectionsPanel::label(const CollectionRequest &request)
{
    const QString target = label(static_cast<const HttpRequest &>(request));
    return request.name.isEmpty() ? target : request.name % QStringLiteral(" — ") % target;
}

void CollectionsPanel::add(const QList<RequestCollection> &collections)
{
    int first = -1;
    QStringList replaced;
    for (const RequestCollection &collection : collections) {
        if (m_collections.find(collection.name))
            replaced.append(collection.name);
        const int index = m_collections.put(collection);
        if (first < 0)
            first = index;
    }
    save();
    rebuild();
    for (const QString &name : std::as_const(replaced))
        emit collectionReplaced(name);
    emit environmentsChanged();
    if (first < 0)
        return;
    QTreeWidgetItem *top = m_tree->topLevelItem(first);
    QTreeWidgetItem *item = top->childCount() > 0 ? top->child(0) : top;
    m_tree->setCurrentItem(item);
    m_tree->scrollToItem(item);
    choose(item);
}

int CollectionsPanel::ensureCollection(const QString &name)
{
    const QList<RequestCollection> &collections = m_collections.collections();
    for (int c = 0; c < collections.size(); ++c) {
        if (collections.at(c).name == name)
            return c;
    }
    return m_collections.put(RequestCollection{name, {}, {}});
}

void CollectionsPanel::setEnvironments(const QString &collection, const Environments &environments)
{
    m_collections.setEnvironments(ensureCollection(collection), environments);
    save();
    rebuild();
    emit environmentsChanged();
}

void CollectionsPanel::setAssertions(const QString &collection, int request, const QList<Assertion> &assertions)
{
    const RequestCollection *found = m_collections.find(collection);
    if (!found || request < 0 || request >= found->requests.size())
        return;
    CollectionRequest changed = found->requests.at(request);
    changed.assertions = assertions;
    m_collections.setRequest(ensureCollection(collection), request, changed);
    save();
}

int CollectionsPanel::saveRequest(const QString &collection, int index, const CollectionRequest &request)
{
    const bool added = !m_collections.find(collection);
    const int c = ensureCollection(collection);
    const int size = int(m_collections.collections().at(c).requests.size());
    if (index < 0 || index >= size) {
        RequestCollection grown = m_collections.collections().at(c);
        grown.requests.append(request);
        // put() keeps what it has for requests like this one: set it as given after.
        m_collections.put(grown);
        index = size;
    }
    m_collections.setRequest(c, index, request);
    save();
    rebuild();
    select(c, index);
    if (added)
        emit environmentsChanged();
    return index;
}

void CollectionsPanel::select(int collection, int request)
{
    QTreeWidgetItem *top = m_tree->topLevelItem(collection);
    QTreeWidgetItem *item = top && request >= 0 && request < top->childCount() ? top->child(request) : top;
    if (!item)
        return;
    m_tree->setCurrentItem(item);
    m_tree->scrollToItem(item);
}

void CollectionsPanel::removeSelected()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || !item->isSelected())
        return;
    const int collection = item->data(0, CollectionRole).toInt();
    const int request = item->data(0, RequestRole).toInt();
    if (request < 0) {
        const RequestCollection &doomed = m_collections.collections().at(collection);
        const auto answer = QMessageBox::question(
            this, tr("Delete collection"),
            tr("Delete the collection \"%1\" and its %n request(s)?", nullptr, int(doomed.requests.size())).arg(doomed.name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        const QString name = doomed.name;
        m_collections.removeCollection(collection);
        save();
        rebuild();
        emit requestRemoved(name, -1);
        emit environmentsChanged();
        return;
    }
    const QString name = m_collections.collections().at(collection).name;
    m_collections.removeRequest(collection, request);
    save();
    rebuild();
    emit requestRemoved(name, request);
}

void CollectionsPanel::rebuild()
{
    m_tree->clear();
    const QList<RequestCollection> &collections = m_collections.collections();
    for (int c = 0; c < collections.size(); ++c) {
        auto *top = new QTreeWidgetItem(m_tree, {collections.at(c).name});
        top->setData(0, CollectionRole, c);
        top->setData(0, RequestRole, -1);
        top->setIcon(0, QIcon::fromTheme(QStringLiteral("folder")));
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        const QList<CollectionRequest> &requests = collections.at(c).requests;
        for (int r = 0; r < requests.size(); ++r) {
            const CollectionRequest &request = requests.at(r);
            auto *item = new QTreeWidgetItem(top, {label(request)});
            item->setData(0, CollectionRole, c);
            item->setData(0, RequestRole, r);
            const int count = int(request.assertions.size());
            QString tip = request.url;
            if (count > 0)
                tip += u'\n' + (count == 1 ? tr("1 assertion") : tr("%n assertions", nullptr, count));
            item->setToolTip(0, tip);
        }
    }
    m_tree->expandAll();
    m_empty->setVisible(collections.isEmpty());
    m_tree->setVisible(!collections.isEmpty());
    updateButtons();
}

void CollectionsPanel::save()
{
    const Result<void> saved = m_collections.save();
    if (saved)
        m_problem->hide();
    else
        showProblem(saved.error());
}

void CollectionsPanel::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setToolTip(message);
    m_problem->show();
}

void CollectionsPanel::choose(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const int request = item->data(0, RequestRole).toInt();
    const RequestCollection &collection = m_collections.collections().at(item->data(0, CollectionRole).toInt());
    if (request >= 0)
        emit requestChosen(collection.name, request, collection.requests.at(request));
    else
        emit collectionChosen(collection.name);
}

void CollectionsPanel::updateButtons()
{
    m_delete->setEnabled(!m_tree->selectedItems().isEmpty());
}
