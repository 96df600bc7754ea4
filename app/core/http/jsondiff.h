#pragma once

#include <QStringList>

#include "jsontree.h"
#include "responsediff.h"

// The JSON part of compareResponses(), internal to app/core/http: the lines of two trees
// by path ("$.items[2].price"), members by name whatever their order, arrays by index;
// the leaves, and what one side has and the other not as a whole. `ignoredFields` as
// DiffOptions says; each left out is counted in diff.ignoredFields.
void compareJson(const JsonTree &before, const JsonTree &after, const QStringList &ignoredFields, ResponseDiff &diff);
