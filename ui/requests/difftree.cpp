#include "difftree.h"

#include <QHeaderView>

namespace {

using Change = DiffLine::Change;

// Translucent, so that they read on light and dark themes alike.
QColor changeColor(Change change)
{
    switch (change) {
    case Change::Added: return QColor(46, 160, 67, 70);
    case Change::Removed: return QColor(218, 54, 51, 70);
    case Change::Changed: return QColor(230, 160, 20, 90);
    case Change::Same: break;
    }
    return {};
}

QString changeMark(Change change)
{
    switch (change) {
    case Change::Added: return QStringLiteral("+");
    case Change::Removed: return QString(QChar(0x2212));
    case Change::Changed: return QStringLiteral("~");
    case Change::Same: break;
    }
    return {};
}

QString changeName(Change change)
{
    switch (change) {
    case Change::Added: return DiffTree::tr("Only in the replay");
    case Change::Removed: return DiffTree::tr("Only in the captured answer");
    case Change::Changed: return DiffTree::tr("Changed");
    case Change::Same: break;
    }
    return DiffTree::tr("The same");
}

} // namespace

DiffTree::DiffTree(const QString &what, const QString &accessibleName, QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(4);
    setHeaderLabels({QString(), what, tr("Captured"), tr("Replay")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setTextElideMode(Qt::ElideMiddle);
    setAccessibleName(accessibleName);
    QHeaderView *columns = header();
    columns->setStretchLastSection(false);
    columns->setSectionResizeMode(MarkColumn, QHeaderView::Fixed);
    columns->setSectionResizeMode(CapturedColumn, QHeaderView::Stretch);
    columns->setSectionResizeMode(ReplayColumn, QHeaderView::Stretch);
    setColumnWidth(MarkColumn, fontMetrics().horizontalAdvance(QStringLiteral("~~")) + 12);
    setColumnWidth(PathColumn, fontMetrics().horizontalAdvance(QStringLiteral("$.items[2].price_____")));
}

int DiffTree::addLines(const QList<DiffLine> &lines, bool hideSame)
{
    int changes = 0;
    for (const DiffLine &line : lines) {
        changes += line.change != Change::Same;
        if (hideSame && line.change == Change::Same)
            continue;
        auto *item = new QTreeWidgetItem(this, {changeMark(line.change), line.path, line.before, line.after});
        item->setTextAlignment(MarkColumn, Qt::AlignCenter);
        item->setToolTip(MarkColumn, changeName(line.change));
        for (int column = PathColumn; column <= ReplayColumn; ++column)
            item->setToolTip(column, item->text(column));
        if (const QColor color = changeColor(line.change); color.isValid()) {
            for (int column = MarkColumn; column <= ReplayColumn; ++column)
                item->setBackground(column, color);
        }
    }
    return changes;
}
