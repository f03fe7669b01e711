#pragma once

#include <QColor>
#include <QList>
#include <QWidget>

namespace wf {

// Counts over time as stacked bars (one colour per kind: log levels), for a glance at when things
// happened. A click on a bar or a drag over several selects that time; x is ms since the epoch.
class VolumeHistogram : public QWidget
{
    Q_OBJECT
public:
    struct Kind
    {
        QString name;
        QColor color;
    };

    explicit VolumeHistogram(QWidget *parent = nullptr);

    void setKinds(const QList<Kind> &kinds);
    // counts[bucket][kind]; buckets split [fromMs, toMs) evenly.
    void setCounts(qint64 fromMs, qint64 toMs, const QList<QList<int>> &counts);
    const QList<QList<int>> &counts() const { return m_counts; }
    int bucketAt(int x) const;
    // The times under the bars, first and last; none without counts (no "00:00:00" for no lines).
    QStringList axisLabels() const;
    void setUtc(bool utc)
    {
        m_utc = utc;
        update();
    }

    QSize sizeHint() const override { return {400, 70}; }
    QSize minimumSizeHint() const override { return {120, 50}; }

signals:
    void rangeSelected(qint64 fromMs, qint64 toMs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QRect plotRect() const;

    QList<Kind> m_kinds;
    QList<QList<int>> m_counts;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    int m_dragFrom = -1;
    int m_dragTo = -1;
    bool m_utc = false;
};

} // namespace wf
