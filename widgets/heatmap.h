#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

namespace wf {

// Counts over time and buckets as coloured cells (darker = more): a latency distribution at a
// glance. Columns are times (ms since the epoch), rows buckets from the bottom up.
class Heatmap : public QWidget
{
    Q_OBJECT
public:
    explicit Heatmap(QWidget *parent = nullptr);

    void setRange(qint64 fromMs, qint64 toMs);
    // counts[column][row]; one column per time, each column as long as rowLabels.
    void setData(const QList<qint64> &timesMs, const QStringList &rowLabels, const QList<QList<double>> &counts,
                 qint64 stepMs);
    void setUtc(bool utc);
    int plotWidth() const;
    double maxCount() const { return m_max; }
    // The cell under pos as "time, bucket: count"; empty outside.
    QString describe(const QPoint &pos) const;

    QSize sizeHint() const override { return {420, 200}; }
    QSize minimumSizeHint() const override { return {200, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRect plotRect() const;

    QList<qint64> m_times;
    QStringList m_rows;
    QList<QList<double>> m_counts;
    qint64 m_stepMs = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    double m_max = 0;
    bool m_utc = false;
};

} // namespace wf
