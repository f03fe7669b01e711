#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QTimer>

// How long the UI thread was busy at once: a 10 ms timer that notes how late each tick fires.
// For benchmarks; start() it, let the event loop run, read stalls() (ms late, only ticks > 2 ms late).
class StallProbe
{
public:
    StallProbe()
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const auto now = m_clock.elapsed();
            if (m_last > 0 && now - m_last > 12)
                m_stalls.append(double(now - m_last - 10));
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    QList<double> stalls() const { return m_stalls; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<double> m_stalls;
};
