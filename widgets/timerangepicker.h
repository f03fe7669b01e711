#pragma once

#include "domain/timerange.h"

#include <QComboBox>

namespace wf {

// The app-wide time range: presets (5m … 30d) or a custom absolute window picked in a dialog.
class TimeRangePicker : public QComboBox
{
    Q_OBJECT
public:
    explicit TimeRangePicker(QWidget *parent = nullptr);

    TimeRange range() const { return m_range; }
    void setRange(const TimeRange &range);
    void setUtc(bool utc) { m_utc = utc; }

signals:
    void rangeChanged(const wf::TimeRange &range);

private:
    void onActivated(int index);
    void showCustomItem();

    TimeRange m_range = TimeRange::last(std::chrono::hours(1));
    int m_customIndex = -1;
    bool m_utc = false;
};

} // namespace wf
