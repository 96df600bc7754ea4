#pragma once

#include <QList>
#include <QWidget>

#include "rules/fault.h"

class FaultRow;
class QLabel;
class QPushButton;
class QSpinBox;

// The rule editor's Faults tab: one row per fault type, turned on with its check box.
// A rules file may hold several faults of one type: the first is edited here, the
// others are kept as they are, in their place in the list.
class FaultsEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultsEditor)

public:
    explicit FaultsEditor(const Faults &faults, QWidget *parent = nullptr);

    // The list as edited. A row left as it was gives back the fault as read (a
    // toxicity of 0.333 stays 0.333 though the box shows 33 %).
    Faults faults() const;
    // The first value box of a row that is on and holds no number yet; nullptr when none.
    QSpinBox *invalidSpin() const;
    // Faults are for TCP rules. For UDP the rows are off, but set ones can still be
    // turned off, and so can the kept ones (Remove all).
    void setTcp(bool tcp);
    // Where the dialog writes what is wrong with the faults.
    QLabel *errorLabel() const { return m_error; }

signals:
    void changed();

private:
    struct Row
    {
        FaultRow *row = nullptr;
        int index = -1;  // in the rule's list; -1 when the rule has none of this type
        Fault original;  // as read, given back while the row is as loaded
        Fault loaded;    // what the row read right after loading
    };

    Fault rowFault(const Row &row) const;
    void updateState();
    void removeAll();

    Faults m_original;
    int m_keptCount = 0;  // faults of the file this tab does not show
    bool m_keptRemoved = false;
    QList<Row> m_rows;
    QLabel *m_kept;
    QLabel *m_udp;
    QLabel *m_error;
    QLabel *m_summary;
    QPushButton *m_removeAll;
};
