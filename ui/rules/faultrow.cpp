#include "faultrow.h"

#include <climits>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>

#include "rules/faulttext.h"

namespace {

// The editor's text, so a half-typed value is seen (QSpinBox signals complete values only).
class SpinBox final : public QSpinBox
{
public:
    using QSpinBox::QSpinBox;
    using QSpinBox::lineEdit;
};

QString typeKey(FaultType type)
{
    switch (type) {
    case FaultType::Latency: return QStringLiteral("latency");
    case FaultType::Bandwidth: return QStringLiteral("bandwidth");
    case FaultType::Reset: return QStringLiteral("reset");
    case FaultType::Timeout: return QStringLiteral("timeout");
    case FaultType::Slicer: return QStringLiteral("slicer");
    case FaultType::Refuse: return QStringLiteral("refuse");
    }
    return {};
}

// Mnemonics chosen not to clash with the tab titles (General, Faults) nor with each other.
QString checkText(FaultType type)
{
    switch (type) {
    case FaultType::Latency: return FaultRow::tr("Latenc&y");
    case FaultType::Bandwidth: return FaultRow::tr("&Bandwidth");
    case FaultType::Reset: return FaultRow::tr("R&eset");
    case FaultType::Timeout: return FaultRow::tr("&Timeout");
    case FaultType::Slicer: return FaultRow::tr("S&licer");
    case FaultType::Refuse: return FaultRow::tr("Refuse ne&w connections");
    }
    return {};
}

// What the client will see, in plain words.
QString checkToolTip(FaultType type)
{
    switch (type) {
    case FaultType::Latency:
        return FaultRow::tr("Each piece of data waits this long before it is passed on, give or take the jitter "
                            "(drawn each time). The client sees a slow server or a slow network.");
    case FaultType::Bandwidth:
        return FaultRow::tr("At most this many KiB per second pass. The client sees a slow download (responses) "
                            "or a slow upload (requests).");
    case FaultType::Reset:
        return FaultRow::tr("The connection is reset (RST) both ways after this many bytes have passed, or this "
                            "long after it opened. The client sees \"connection reset by peer\" in the middle of "
                            "its work.");
    case FaultType::Timeout:
        return FaultRow::tr("Nothing passes any more; the connection is closed after this long, or held open "
                            "until the fault is cleared. The client sees a server that stops answering: it waits "
                            "for its own timeout.");
    case FaultType::Slicer:
        return FaultRow::tr("Data is passed on in pieces of this many bytes with this pause between them. The "
                            "client sees an answer that arrives bit by bit; code that expects a whole message in "
                            "one read breaks.");
    case FaultType::Refuse:
        return FaultRow::tr("New connections are reset as soon as they are accepted; open ones are left alone. "
                            "The client sees \"connection reset\" when it connects.");
    }
    return {};
}

// An empty or half-typed box reads as a value the core rejects, so the error names it.
int spinValue(const QSpinBox *spin, int invalid)
{
    return spin->hasAcceptableInput() ? spin->value() : invalid;
}

} // namespace

FaultRow::FaultRow(FaultType type, QWidget *parent)
    : QObject(parent), m_type(type), m_parent(parent), m_check(new QCheckBox(checkText(type), parent))
    , m_values(new QWidget(parent))
{
    m_check->setObjectName(typeKey(type) + QStringLiteral("Fault"));
    m_check->setToolTip(checkToolTip(type));
    createValues();
    const QString name = QString(checkText(type)).remove(u'&');
    if (type != FaultType::Refuse) {
        m_direction = new QComboBox(parent);
        m_direction->setObjectName(typeKey(type) + QStringLiteral("Direction"));
        for (FaultDirection direction : {FaultDirection::Down, FaultDirection::Up, FaultDirection::Both})
            m_direction->addItem(FaultText::directionName(direction), int(direction));
        m_direction->setToolTip(tr("Which bytes it acts on: the responses (target → client, down), the requests "
                                   "(client → target, up), or both"));
        m_direction->setAccessibleName(tr("%1: acts on").arg(name));
        m_valueWidgets.append(m_direction);
    }
    auto *toxicity = new SpinBox(parent);
    toxicity->setObjectName(typeKey(type) + QStringLiteral("Toxicity"));
    toxicity->setRange(0, 100);
    toxicity->setSuffix(tr(" %"));
    toxicity->setToolTip(tr("The share of connections it applies to, drawn for each connection: 100 % every "
                            "connection, 30 % about one in three"));
    toxicity->setAccessibleName(tr("%1: share of connections").arg(name));
    m_toxicity = toxicity;
    m_valueWidgets.append(toxicity);

    setFault(defaultFault(type));
    updateEnabled();
    // Only now: filling the boxes above signals too.
    connect(m_check, &QCheckBox::toggled, this, [this] {
        updateEnabled();
        emit changed();
    });
    if (m_direction)
        connect(m_direction, &QComboBox::currentIndexChanged, this, &FaultRow::changed);
    connect(toxicity->lineEdit(), &QLineEdit::textChanged, this, &FaultRow::changed);
    for (QSpinBox *box : {m_first, m_second}) {
        if (box)
            connect(static_cast<SpinBox *>(box)->lineEdit(), &QLineEdit::textChanged, this, &FaultRow::changed);
    }
    if (m_resetBy) {
        connect(m_resetBy, &QComboBox::currentIndexChanged, this, [this](int index) {
            m_resetValue->setCurrentIndex(index);
            updateEnabled();
            emit changed();
        });
    }
}

QSpinBox *FaultRow::spin(const char *name, int min, int max, const QString &suffix, const QString &accessibleName,
                         const QString &toolTip)
{
    auto *box = new SpinBox(m_parent);
    box->setObjectName(typeKey(m_type) + QLatin1String(name));
    box->setRange(min, max);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(false);
    box->setToolTip(toolTip);
    box->setAccessibleName(accessibleName);
    return box;
}

void FaultRow::createValues()
{
    auto *line = new QHBoxLayout(m_values);
    line->setContentsMargins(0, 0, 0, 0);
    switch (m_type) {
    case FaultType::Latency:
        m_first = spin("Ms", 0, Fault::MaxDelayMs, tr(" ms"), tr("Latency"), tr("The delay added to each piece of data"));
        m_second = spin("JitterMs", 0, Fault::MaxDelayMs, tr(" ms"), tr("Jitter"),
                        tr("Jitter: each delay is drawn between the latency minus and plus this much"));
        m_second->setPrefix(tr("± "));
        line->addWidget(m_first);
        line->addWidget(m_second);
        break;
    case FaultType::Bandwidth:
        m_first = spin("KibPerS", 1, Fault::MaxKibPerS, tr(" KiB/s"), tr("Bandwidth"), tr("The most that passes per second"));
        line->addWidget(m_first);
        break;
    case FaultType::Reset:
        m_resetBy = new QComboBox(m_parent);
        m_resetBy->setObjectName(QStringLiteral("resetBy"));
        m_resetBy->addItem(tr("after bytes"));
        m_resetBy->addItem(tr("after time"));
        m_resetBy->setToolTip(tr("Reset once this many bytes have passed (in the direction it acts on), or this "
                                 "long after the connection opened (both ways)"));
        m_resetBy->setAccessibleName(tr("Reset when"));
        m_first = spin("AfterBytes", 1, INT_MAX, tr(" bytes"), tr("Reset after bytes"), tr("Bytes that pass before the reset"));
        m_second = spin("AfterMs", 0, Fault::MaxAfterMs, tr(" ms"), tr("Reset after time"),
                        tr("Milliseconds from the connect to the reset"));
        m_resetValue = new QStackedWidget(m_parent);
        m_resetValue->addWidget(m_first);
        m_resetValue->addWidget(m_second);
        line->addWidget(m_resetBy);
        line->addWidget(m_resetValue);
        break;
    case FaultType::Timeout:
        m_first = spin("AfterMs", 0, Fault::MaxAfterMs, tr(" ms"), tr("Timeout"),
                       tr("Milliseconds until the connection is closed; 0 holds it until the fault is cleared"));
        m_first->setPrefix(tr("close after "));
        m_first->setSpecialValueText(tr("held until cleared"));
        line->addWidget(m_first);
        break;
    case FaultType::Slicer:
        m_first = spin("Bytes", 1, Fault::MaxSliceBytes, tr(" bytes"), tr("Slice size"), tr("The size of each piece"));
        m_second = spin("DelayMs", 0, Fault::MaxDelayMs, tr(" ms apart"), tr("Pause between slices"),
                        tr("The pause between pieces"));
        line->addWidget(m_first);
        line->addWidget(m_second);
        break;
    case FaultType::Refuse: line->addWidget(new QLabel(tr("open connections are left alone"), m_parent)); break;
    }
    line->addStretch();
    m_valueWidgets.append(m_values);
}

bool FaultRow::isOn() const
{
    return m_check->isChecked();
}

Fault FaultRow::defaultFault(FaultType type)
{
    Fault fault;
    fault.type = type;
    fault.latencyMs = 200;
    fault.kibPerS = 512;
    fault.afterBytes = type == FaultType::Reset ? 4096 : 0;
    fault.sliceBytes = 64;
    fault.delayMs = 10;
    return fault;
}

Fault FaultRow::fault() const
{
    Fault fault;
    fault.type = m_type;
    if (m_direction)
        fault.direction = FaultDirection(m_direction->currentData().toInt());
    fault.toxicity = spinValue(m_toxicity, -1) / 100.0;
    switch (m_type) {
    case FaultType::Latency:
        fault.latencyMs = spinValue(m_first, -1);
        fault.jitterMs = spinValue(m_second, -1);
        break;
    case FaultType::Bandwidth: fault.kibPerS = spinValue(m_first, 0); break;
    case FaultType::Reset:
        if (m_resetBy->currentIndex() == 0)
            fault.afterBytes = spinValue(m_first, -1);
        else
            fault.afterMs = spinValue(m_second, -1);
        // A reset by time goes both ways and the file writes no direction for it.
        if (!fault.hasDirection())
            fault.direction = FaultDirection::Down;
        break;
    case FaultType::Timeout: fault.afterMs = spinValue(m_first, -1); break;
    case FaultType::Slicer:
        fault.sliceBytes = spinValue(m_first, 0);
        fault.delayMs = spinValue(m_second, -1);
        break;
    case FaultType::Refuse: break;
    }
    return fault;
}

void FaultRow::setFault(const Fault &fault)
{
    if (m_direction)
        m_direction->setCurrentIndex(m_direction->findData(int(fault.direction)));
    m_toxicity->setValue(qRound(fault.toxicity * 100));
    switch (m_type) {
    case FaultType::Latency:
        m_first->setValue(fault.latencyMs);
        m_second->setValue(fault.jitterMs);
        break;
    case FaultType::Bandwidth: m_first->setValue(fault.kibPerS); break;
    case FaultType::Reset: {
        const bool bytes = fault.afterBytes > 0;
        m_first->setValue(bytes ? int(std::min<qint64>(fault.afterBytes, INT_MAX)) : 4096);
        m_second->setValue(bytes ? 1000 : fault.afterMs);
        m_resetBy->setCurrentIndex(bytes ? 0 : 1);
        m_resetValue->setCurrentIndex(bytes ? 0 : 1);
        break;
    }
    case FaultType::Timeout: m_first->setValue(fault.afterMs); break;
    case FaultType::Slicer:
        m_first->setValue(fault.sliceBytes);
        m_second->setValue(fault.delayMs);
        break;
    case FaultType::Refuse: break;
    }
}

QSpinBox *FaultRow::invalidSpin() const
{
    if (!isOn())
        return nullptr;
    QSpinBox *first = m_resetBy && m_resetBy->currentIndex() == 1 ? m_second : m_first;
    QSpinBox *second = m_resetBy ? nullptr : m_second;
    for (QSpinBox *box : {first, second, m_toxicity}) {
        if (box && !box->hasAcceptableInput())
            return box;
    }
    return nullptr;
}

void FaultRow::setTcp(bool tcp)
{
    m_tcp = tcp;
    updateEnabled();
}

void FaultRow::updateEnabled()
{
    const bool on = isOn();
    m_check->setEnabled(m_tcp || on);
    for (QWidget *value : std::as_const(m_valueWidgets))
        value->setEnabled(m_tcp && on);
    // A reset by time acts both ways.
    if (m_direction && m_resetBy)
        m_direction->setEnabled(m_tcp && on && m_resetBy->currentIndex() == 0);
}
