#pragma once

#include <QList>
#include <QTreeWidget>

#include "http/responsediff.h"

// The lines of a comparison, one row each: a mark (+, −, ~ beside the colour, for whoever
// does not see it), what, the captured value and the replayed one; added rows green,
// removed red, changed amber.
class DiffTree final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffTree)

public:
    enum Column { MarkColumn, PathColumn, CapturedColumn, ReplayColumn };

    // `what` heads the path column ("Header", "Path or line").
    DiffTree(const QString &what, const QString &accessibleName, QWidget *parent = nullptr);

    // Appends the lines, without the unchanged ones when hideSame; returns how many differ.
    int addLines(const QList<DiffLine> &lines, bool hideSame);
};
