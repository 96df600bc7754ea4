#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>

// Measures how late the GUI thread's event loop runs a 10 ms timer, and appends
// each lateness (ms, one per line) to a file, flushed every second. Switched on
// by the environment variable PASARELA_LAG_LOG=FILE, for tests/bench.
class LagProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagProbe)

public:
    explicit LagProbe(const QString &path, QObject *parent = nullptr);
    // A probe when PASARELA_LAG_LOG is set, else nullptr.
    static LagProbe *fromEnvironment(QObject *parent);

private:
    void tick();

    QFile m_file;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_lastFlushNs = 0;
    QByteArray m_buffer;
};
