#pragma once

#include <QList>
#include <QObject>

#include "rules/fault.h"

class QCheckBox;
class QComboBox;
class QSpinBox;
class QStackedWidget;
class QWidget;

// One row of the rule editor's Faults tab: a fault type's check box, its values, the
// direction it acts on and its share of connections. The widgets belong to the parent
// given; objectNames are the type's key and the value's ("latencyMs", "resetBy").
class FaultRow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultRow)

public:
    FaultRow(FaultType type, QWidget *parent);

    FaultType type() const { return m_type; }
    QCheckBox *check() const { return m_check; }
    QWidget *values() const { return m_values; }      // the cell between the check box and the direction
    QComboBox *direction() const { return m_direction; }  // nullptr for refuse
    QSpinBox *toxicity() const { return m_toxicity; }
    bool isOn() const;

    // What the row shows; a box without a number reads as a value the core rejects.
    Fault fault() const;
    void setFault(const Fault &fault);
    // What a row shows when the user turns it on.
    static Fault defaultFault(FaultType type);
    // The first box of this row, if on, that holds no number yet; nullptr when none.
    QSpinBox *invalidSpin() const;
    // On a UDP rule only a row that is on can be used, and only to turn it off.
    void setTcp(bool tcp);

signals:
    // A value, the direction or the check box changed.
    void changed();

private:
    QSpinBox *spin(const char *name, int min, int max, const QString &suffix, const QString &accessibleName,
                   const QString &toolTip);
    void createValues();
    void updateEnabled();

    FaultType m_type;
    bool m_tcp = true;
    QWidget *m_parent;
    QCheckBox *m_check;
    QWidget *m_values;
    QList<QWidget *> m_valueWidgets;  // enabled with the row
    QSpinBox *m_first = nullptr;   // latency, KiB/s, reset bytes, timeout, slice bytes
    QSpinBox *m_second = nullptr;  // jitter, reset ms, slice delay
    QComboBox *m_resetBy = nullptr;
    QStackedWidget *m_resetValue = nullptr;
    QComboBox *m_direction = nullptr;
    QSpinBox *m_toxicity;
};
