#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QHash>
#include <QMap>
#include <QMetaEnum>
#include <QPointer>
#include <QString>
#include <QThread>
#include <QWidget>

#include <algorithm>

#include <time.h>

// What kept the UI thread busy: an application that times every event it delivers from the event
// loop (not the ones sent from inside another, but each widget's paint) on the UI thread's CPU
// clock — what our code did, however busy the machine — and keeps those at or over a threshold
// (paints: half of it), by receiver (its class, its parent's class, its name) and event type. For benchmarks that must say why a stall
// happened, not only that it did. Use instead of QApplication in main().
class SlowEventApplication : public QApplication
{
public:
    struct Culprit
    {
        QString what;
        int count = 0;
        qint64 maxMs = 0;
        qint64 totalMs = 0;
    };

    SlowEventApplication(int &argc, char **argv, qint64 thresholdMs = 40)
        : QApplication(argc, argv)
        , m_thresholdMs(thresholdMs)
    {}

    bool notify(QObject *receiver, QEvent *event) override
    {
        // The UI thread's events only: notify() runs on every thread that delivers events (the
        // proxies', the network's), and what they do is neither the UI's time nor safe to count here.
        if (receiver == nullptr || receiver == m_ignored || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (m_depth > 0) {
            // Inside another event: only paints are timed (which widget of a window is slow to paint).
            if (event->type() != QEvent::Paint)
                return QApplication::notify(receiver, event);
            const char *cls = receiver->metaObject()->className();
            const auto name = receiver->objectName();
            const auto cpuBefore = threadCpuMs();
            const bool handled = QApplication::notify(receiver, event);
            if (const auto ms = qint64(threadCpuMs() - cpuBefore); ms >= m_thresholdMs / 2)
                note(QStringLiteral("  painting %1%2").arg(QLatin1String(cls), name.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(name)), ms);
            return handled;
        }
        // Named before delivery: the receiver may be gone after it (deferred delete).
        const char *cls = receiver->metaObject()->className();
        const char *parent = receiver->parent() != nullptr ? receiver->parent()->metaObject()->className() : "";
        const auto type = event->type();
        const QObject *window = windowOf(receiver);
        QPointer<QObject> guard(receiver);
        ++m_depth;
        QElapsedTimer clock;
        clock.start();
        const auto cpuBefore = threadCpuMs();
        const bool handled = QApplication::notify(receiver, event);
        const auto ms = clock.elapsed();
        const auto cpuMs = threadCpuMs() - cpuBefore;
        --m_depth;
        m_maxWallMs = std::max(m_maxWallMs, ms);
        if (cpuMs > m_maxCpuMs || cpuMs > m_maxByWindow.value(window).cpuMs) {
            const auto what = QLatin1String(cls) + (*parent != 0 ? QStringLiteral(" in ") + QLatin1String(parent) : QString())
                + QLatin1Char(' ') + QLatin1String(QMetaEnum::fromType<QEvent::Type>().valueToKey(type));
            if (cpuMs > m_maxCpuMs) {
                m_maxCpuMs = cpuMs;
                m_maxCpuWhat = what;
            }
            if (auto &w = m_maxByWindow[window]; cpuMs > w.cpuMs)
                w = {cpuMs, what};
        }
        if (cpuMs >= double(m_thresholdMs)) {
            const auto name = guard ? guard->objectName() : QString();
            const auto key = QStringLiteral("%1%2%3 %4")
                                 .arg(QLatin1String(cls),
                                      *parent != 0 ? QStringLiteral(" in %1").arg(QLatin1String(parent)) : QString(),
                                      name.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(name),
                                      QLatin1String(QMetaEnum::fromType<QEvent::Type>().valueToKey(type)));
            note(key, qint64(cpuMs));
        }
        return handled;
    }

    void note(const QString &key, qint64 ms)
    {
        auto &c = m_culprits[key];
        c.what = key;
        ++c.count;
        c.maxMs = std::max(c.maxMs, ms);
        c.totalMs += ms;
    }

    // The slowest kinds since the last call, longest first; then starts over.
    QList<Culprit> take(int most = 8)
    {
        auto list = m_culprits.values();
        m_culprits.clear();
        std::sort(list.begin(), list.end(), [](const Culprit &a, const Culprit &b) { return a.maxMs > b.maxMs; });
        if (list.size() > most)
            list.resize(most);
        return list;
    }

    // The longest single event since the last reset: on the UI thread's CPU clock (what our code
    // did, whatever else the machine was doing) and on the wall clock (what the user waited).
    double maxBusyCpuMs() const { return m_maxCpuMs; }
    QString maxBusyWhat() const { return m_maxCpuWhat; }
    qint64 maxBusyWallMs() const { return m_maxWallMs; }
    // The same, of the events delivered to one top-level window or to objects it owns (nullptr:
    // the events of objects in no window, which no window can be told from the others by).
    struct Busy
    {
        double cpuMs = 0;
        QString what;
    };
    Busy maxBusyOf(const QObject *window) const { return m_maxByWindow.value(window); }
    // The benchmark's or test's own timer: what it does to look is not the console's time.
    void ignore(QObject *receiver) { m_ignored = receiver; }
    void resetMax()
    {
        m_maxCpuMs = 0;
        m_maxWallMs = 0;
        m_maxCpuWhat.clear();
        m_maxByWindow.clear();
    }

    // The top-level widget an object belongs to: its own window, or its nearest widget ancestor's.
    static const QObject *windowOf(const QObject *o)
    {
        for (; o != nullptr; o = o->parent())
            if (o->isWidgetType())
                return static_cast<const QWidget *>(o)->window();
        return nullptr;
    }

    static double threadCpuMs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
    }

private:
    qint64 m_thresholdMs;
    QObject *m_ignored = nullptr;
    double m_maxCpuMs = 0;
    QString m_maxCpuWhat;
    qint64 m_maxWallMs = 0;
    QHash<const QObject *, Busy> m_maxByWindow;
    int m_depth = 0;
    QMap<QString, Culprit> m_culprits;
};
