#include "lagprobe.h"

namespace {
constexpr int IntervalMs = 10;
}

LagProbe::LagProbe(const QString &path, QObject *parent)
    : QObject(parent)
    , m_file(path)
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        qWarning("pasarela: cannot write the lag log %s: %s", qPrintable(path), qPrintable(m_file.errorString()));
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &LagProbe::tick);
    m_timer.start(IntervalMs);
    m_clock.start();
}

LagProbe *LagProbe::fromEnvironment(QObject *parent)
{
    const QString path = qEnvironmentVariable("PASARELA_LAG_LOG");
    return path.isEmpty() ? nullptr : new LagProbe(path, parent);
}

void LagProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (m_lastNs != 0) {
        const double lateMs = double(now - m_lastNs) / 1e6 - IntervalMs;
        m_buffer += QByteArray::number(lateMs < 0 ? 0 : lateMs, 'f', 2) + '\n';
    }
    m_lastNs = now;
    if (now - m_lastFlushNs >= 1000000000LL) {
        m_file.write(m_buffer);
        m_file.flush();
        m_buffer.clear();
        m_lastFlushNs = now;
    }
}
