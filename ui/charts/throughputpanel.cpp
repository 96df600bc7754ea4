#include "throughputpanel.h"

#include <algorithm>
#include <cmath>

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

struct ThroughputPanel::Chart
{
    QChartView *rateView = nullptr;
    QLineSeries *in = nullptr;
    QLineSeries *out = nullptr;
    QDateTimeAxis *rateTime = nullptr;
    QValueAxis *rateAxis = nullptr;

    QChartView *activeView = nullptr;
    QLineSeries *active = nullptr;
    QDateTimeAxis *activeTime = nullptr;
    QValueAxis *activeAxis = nullptr;
};

namespace {

QLineSeries *makeSeries(const QString &name, const QColor &color)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(2);
    series->setPen(pen);
    return series;
}

// A chart with a local-time x axis and a value y axis, tight margins, the widget's font.
QChartView *makeChartView(const QFont &font, QDateTimeAxis *time, QValueAxis *value, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    chart->legend()->setFont(font);

    time->setFormat(QStringLiteral("HH:mm:ss"));
    time->setLabelsFont(font);
    chart->addAxis(time, Qt::AlignBottom);

    QFont titleFont = font;
    titleFont.setBold(true);
    value->setLabelsFont(font);
    value->setTitleFont(titleFont);
    value->setMin(0);
    chart->addAxis(value, Qt::AlignLeft);

    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    return view;
}

void attach(QLineSeries *series, QChart *chart, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

// 1, 2 or 5 times a power of ten, at least value.
double niceStep(double value)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double factor : {1.0, 2.0, 5.0}) {
        if (factor * magnitude >= value * (1 - 1e-9))
            return factor * magnitude;
    }
    return 10 * magnitude;
}

// Round ticks, about four intervals, from 0 to at least max.
void setNiceRange(QValueAxis *axis, double max, double minTop, double minStep)
{
    const double wanted = std::max(max, minTop);
    const double step = std::max(minStep, niceStep(wanted / 4));
    const double top = std::ceil(wanted / step - 1e-9) * step;
    axis->setRange(0, top);
    axis->setTickCount(int(std::lround(top / step)) + 1);
    const int decimals = step < 1 ? int(std::ceil(-std::log10(step) - 1e-9)) : 0;
    axis->setLabelFormat(QStringLiteral("%.") % QString::number(decimals) % u'f');
}

} // namespace

ThroughputPanel::ThroughputPanel(QWidget *parent)
    : QWidget(parent)
    , m_window(new QComboBox(this))
    , m_title(new QLabel(this))
    , m_timer(new QTimer(this))
    , m_chart(new Chart)
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setAccessibleName(tr("Charted rule"));

    m_window->addItem(tr("Last 1 minute"), 60);
    m_window->addItem(tr("Last 5 minutes"), 300);
    m_window->addItem(tr("Last 15 minutes"), 900);
    m_window->setCurrentIndex(0);
    m_window->setToolTip(tr("How far back the charts reach"));
    m_window->setAccessibleName(tr("Time window"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch();
    top->addWidget(m_window);

    Chart &c = *m_chart;
    c.rateTime = new QDateTimeAxis;
    c.rateAxis = new QValueAxis;
    c.rateView = makeChartView(font(), c.rateTime, c.rateAxis, this);
    c.in = makeSeries(tr("In (client → target)"), QColor(0x1f, 0x77, 0xb4));
    c.out = makeSeries(tr("Out (target → client)"), QColor(0x2c, 0xa0, 0x2c));
    attach(c.in, c.rateView->chart(), c.rateTime, c.rateAxis);
    attach(c.out, c.rateView->chart(), c.rateTime, c.rateAxis);
    c.rateView->chart()->legend()->setAlignment(Qt::AlignTop);
    c.rateView->setAccessibleName(tr("Throughput chart"));
    c.rateView->setToolTip(tr("Bytes per second, sampled every second"));

    c.activeTime = new QDateTimeAxis;
    c.activeAxis = new QValueAxis;
    c.activeAxis->setTitleText(tr("Active"));
    c.activeView = makeChartView(font(), c.activeTime, c.activeAxis, this);
    c.active = makeSeries(tr("Active connections"), QColor(0xd6, 0x61, 0x0a));
    attach(c.active, c.activeView->chart(), c.activeTime, c.activeAxis);
    c.activeView->chart()->legend()->hide();
    c.activeView->setAccessibleName(tr("Active connections chart"));
    c.activeView->setToolTip(tr("Connections open, sampled every second"));
    c.activeView->setMinimumHeight(130);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(c.rateView, 3);
    layout->addWidget(c.activeView, 1);

    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &ThroughputPanel::redraw);
    connect(m_window, &QComboBox::currentIndexChanged, this, &ThroughputPanel::redraw);
    updateTitle();
    redraw();
}

ThroughputPanel::~ThroughputPanel()
{
    delete m_chart;  // the chart widgets themselves are children of this panel
}

void ThroughputPanel::applySnapshot(const EngineSnapshot &snapshot)
{
    m_history.addSnapshot(snapshot);
}

void ThroughputPanel::setRule(RuleId id, const QString &name)
{
    m_rule = id;
    m_ruleName = name;
    updateTitle();
    if (isVisible())
        redraw();
}

void ThroughputPanel::setWindowSeconds(int seconds)
{
    // The shortest offered window that covers the request, else the longest.
    int index = m_window->count() - 1;
    for (int i = 0; i < m_window->count(); ++i) {
        if (m_window->itemData(i).toInt() >= seconds) {
            index = i;
            break;
        }
    }
    m_window->setCurrentIndex(index);
}

int ThroughputPanel::windowSeconds() const
{
    return m_window->currentData().toInt();
}

int ThroughputPanel::plottedPoints() const
{
    return int(m_chart->in->count());
}

bool ThroughputPanel::isRedrawing() const
{
    return m_timer->isActive();
}

void ThroughputPanel::redraw()
{
    const int window = windowSeconds();
    // The total gets a sample every time, so its newest one is "now" even when the
    // selected rule is gone.
    const QList<RateHistory::Sample> total = m_history.samples(0);
    const qint64 endMs = total.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : total.constLast().timeMs;
    const qint64 startMs = endMs - qint64(window) * 1000;

    const QList<RateHistory::Sample> all = m_history.samples(m_rule);
    auto first = std::find_if(all.cbegin(), all.cend(),
                              [startMs](const RateHistory::Sample &s) { return s.timeMs > startMs; });
    first = std::max(first, all.cend() - std::min<qsizetype>(window, all.size()));

    double maxRate = 0;
    double maxActive = 0;
    for (auto it = first; it != all.cend(); ++it) {
        maxRate = std::max({maxRate, it->bytesIn, it->bytesOut});
        maxActive = std::max(maxActive, double(it->active));
    }

    // Decimal units as in Format::rate, picked from the largest value shown.
    static const char *const units[] = {"B/s", "KB/s", "MB/s", "GB/s"};
    int unit = 0;
    double divisor = 1;
    while (unit < 3 && maxRate >= divisor * 1000) {
        divisor *= 1000;
        ++unit;
    }

    QList<QPointF> in, out, active;
    const qsizetype count = all.cend() - first;
    in.reserve(count);
    out.reserve(count);
    active.reserve(count);
    for (auto it = first; it != all.cend(); ++it) {
        const auto x = qreal(it->timeMs);
        in.append({x, it->bytesIn / divisor});
        out.append({x, it->bytesOut / divisor});
        active.append({x, qreal(it->active)});
    }

    Chart &c = *m_chart;
    c.in->replace(in);
    c.out->replace(out);
    c.active->replace(active);

    const QDateTime start = QDateTime::fromMSecsSinceEpoch(startMs);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(endMs);
    const int ticks = window <= 60 ? 7 : 6;  // every 10 s, 1 min or 3 min
    for (QDateTimeAxis *axis : {c.rateTime, c.activeTime}) {
        axis->setRange(start, end);
        axis->setTickCount(ticks);
    }
    setNiceRange(c.rateAxis, maxRate / divisor, 1, 0);
    c.rateAxis->setTitleText(tr("Rate (%1)").arg(QLatin1String(units[unit])));
    setNiceRange(c.activeAxis, maxActive * 1.1, 1, 1);  // headroom: a flat maximum stays off the frame
}

void ThroughputPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    redraw();
    m_timer->start();
}

void ThroughputPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

void ThroughputPanel::updateTitle()
{
    if (m_rule == 0)
        m_title->setText(tr("All rules"));
    else
        m_title->setText(m_ruleName.isEmpty() ? tr("Rule %1").arg(m_rule) : m_ruleName);
}
