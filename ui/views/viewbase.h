#pragma once

#include "domain/timerange.h"
#include "domain/viewid.h"

#include <QJsonObject>
#include <QWidget>

namespace wf {

// What every view offers the main window: refresh on demand, the time range, and a snapshot
// of its panels for --screenshot-dir once its data has arrived (or its error is shown).
class ViewBase : public QWidget
{
    Q_OBJECT
public:
    ViewBase(ViewId id, QWidget *parent = nullptr);

    ViewId id() const { return m_id; }
    static QString title(ViewId id);

    // True once the view shows data or an error for its last refresh.
    virtual bool isSettled() const { return true; }
    // True when every panel shows data (a fresh demo stack has none for its first seconds).
    virtual bool isComplete() const { return true; }
    // Whether the refresh timer refreshes it while shown (not a view someone is reading line by line).
    virtual bool refreshesOnTimer() const { return true; }
    // {"view", "title", "panels": [{"title", "queries", "values"}]}
    virtual QJsonObject snapshot() const;

public slots:
    virtual void refresh() {}
    // The refresh timer's tick (refresh() is the user's, or a change's): by default the same.
    virtual void refreshOnTimer() { refresh(); }
    virtual void setTimeRange(const wf::TimeRange &) {}

signals:
    void settled();

private:
    ViewId m_id;
};

} // namespace wf
