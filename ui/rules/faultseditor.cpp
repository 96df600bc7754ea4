#include "faultseditor.h"

#include <algorithm>
#include <climits>

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "rules/faultrow.h"
#include "rules/faulttext.h"

namespace {

const QColor ErrorColor(0xc0, 0x1c, 0x28);
const QColor WarningColor(0xb3, 0x5c, 0x00);

QLabel *noteLabel(const QString &objectName, const QColor &color, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (color.isValid()) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, color);
        label->setPalette(palette);
    }
    label->hide();
    return label;
}

// One row per type and int boxes: a fault the row cannot show is kept as read.
bool fitsRow(const Fault &fault)
{
    return fault.validate().ok() && fault.afterBytes <= INT_MAX;
}

} // namespace

FaultsEditor::FaultsEditor(const Faults &faults, QWidget *parent) : QWidget(parent), m_original(faults)
{
    setObjectName(QStringLiteral("faults"));
    auto *intro = new QLabel(tr("Break this rule's connections on purpose, to see what its clients do when the "
                                "network is slow or fails. A change applies at once, to open connections too; "
                                "the rule is not restarted."),
                             this);
    intro->setWordWrap(true);
    m_kept = noteLabel(QStringLiteral("faultsKept"), WarningColor, this);
    m_udp = noteLabel(QStringLiteral("faultsTcpOnly"), QColor(), this);
    m_udp->setText(tr("Faults are for TCP rules only; this rule is UDP."));
    m_error = noteLabel(QStringLiteral("faultsError"), ErrorColor, this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("faultsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("What the clients get"));

    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    const QString headers[] = {tr("Values"), tr("Acts on"), tr("Connections")};
    for (int column = 1; column <= 3; ++column) {
        auto *header = new QLabel(headers[column - 1], this);
        QFont font = header->font();
        font.setBold(true);
        header->setFont(font);
        grid->addWidget(header, 0, column);
    }
    for (FaultType type : {FaultType::Latency, FaultType::Bandwidth, FaultType::Reset, FaultType::Timeout,
                           FaultType::Slicer, FaultType::Refuse}) {
        Row row;
        row.row = new FaultRow(type, this);
        for (qsizetype i = 0; i < faults.size(); ++i) {
            if (faults.at(i).type == type && fitsRow(faults.at(i))) {
                row.index = int(i);
                row.original = faults.at(i);
                row.row->setFault(row.original);
                row.row->check()->setChecked(true);
                break;
            }
        }
        row.loaded = row.row->fault();
        const int line = int(m_rows.size()) + 1;
        grid->addWidget(row.row->check(), line, 0);
        grid->addWidget(row.row->values(), line, 1);
        if (row.row->direction())
            grid->addWidget(row.row->direction(), line, 2);
        grid->addWidget(row.row->toxicity(), line, 3);
        connect(row.row, &FaultRow::changed, this, [this] {
            updateState();
            emit changed();
        });
        m_rows.append(row);
    }

    Faults kept;
    for (qsizetype i = 0; i < faults.size(); ++i) {
        if (std::none_of(m_rows.cbegin(), m_rows.cend(), [i](const Row &row) { return row.index == i; }))
            kept.append(faults.at(i));
    }
    m_keptCount = int(kept.size());
    m_kept->setText(tr("The rules file gives this rule faults this tab does not show: %1. They are kept as they "
                       "are; edit the rules file to change them.")
                        .arg(faultsText(kept)));
    m_kept->setVisible(!kept.isEmpty());

    m_removeAll = new QPushButton(tr("Remo&ve all faults"), this);
    m_removeAll->setObjectName(QStringLiteral("removeAllFaults"));
    m_removeAll->setToolTip(tr("Turn every fault off, those kept from the rules file too"));
    connect(m_removeAll, &QPushButton::clicked, this, &FaultsEditor::removeAll);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_removeAll);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_kept);
    layout->addWidget(m_udp);
    layout->addLayout(grid);
    layout->addWidget(m_error);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addWidget(m_summary);
    layout->addStretch();
    layout->addLayout(buttons);
    updateState();
}

Fault FaultsEditor::rowFault(const Row &row) const
{
    const Fault fault = row.row->fault();
    return row.index >= 0 && fault == row.loaded ? row.original : fault;
}

Faults FaultsEditor::faults() const
{
    Faults result;
    for (qsizetype i = 0; i < m_original.size(); ++i) {
        const auto row = std::find_if(m_rows.cbegin(), m_rows.cend(), [i](const Row &r) { return r.index == i; });
        if (row == m_rows.cend()) {
            if (!m_keptRemoved)
                result.append(m_original.at(i));
        } else if (row->row->isOn()) {
            result.append(rowFault(*row));
        }
    }
    for (const Row &row : m_rows) {
        if (row.index < 0 && row.row->isOn())
            result.append(row.row->fault());
    }
    return result;
}

QSpinBox *FaultsEditor::invalidSpin() const
{
    for (const Row &row : m_rows) {
        if (QSpinBox *spin = row.row->invalidSpin())
            return spin;
    }
    return nullptr;
}

void FaultsEditor::setTcp(bool tcp)
{
    if (m_udp->isHidden() == tcp)
        return;
    for (const Row &row : std::as_const(m_rows))
        row.row->setTcp(tcp);
    m_udp->setVisible(!tcp);
}

void FaultsEditor::updateState()
{
    const Faults current = faults();
    m_removeAll->setEnabled(!current.isEmpty());
    if (current.isEmpty()) {
        m_summary->setText(tr("No faults: connections pass as they are."));
        return;
    }
    QStringList lines{tr("What the clients get:")};
    for (const Fault &fault : current)
        lines.append(QStringLiteral("• ") + FaultText::describe(fault));
    lines.append(tr("As text: %1").arg(faultsText(current)));
    m_summary->setText(lines.join(u'\n'));
}

void FaultsEditor::removeAll()
{
    m_keptRemoved = true;
    m_kept->hide();
    for (const Row &row : std::as_const(m_rows)) {
        const QSignalBlocker blocker(row.row);
        row.row->check()->setChecked(false);
    }
    updateState();
    emit changed();
}
