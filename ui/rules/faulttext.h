#pragma once

#include <QCoreApplication>
#include <QString>

#include "rules/fault.h"

// What the window says about a rule's faults, in words.
class FaultText final
{
    Q_DECLARE_TR_FUNCTIONS(FaultText)

public:
    // "Latency 200 ms ± 50 ms, on responses, on 30 % of connections".
    static QString describe(const Fault &fault);
    // The rules table's tooltip: one line per fault, then the command line's form.
    static QString toolTip(const Faults &faults);
    // "responses (down)", as the editor's direction box lists them.
    static QString directionName(FaultDirection direction);
};
