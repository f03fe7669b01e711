#pragma once

#include "viewbase.h"

namespace wf {

// Stands in for a view that is not built yet: says what will be there, so nobody mistakes it for done.
class PlaceholderView : public ViewBase
{
    Q_OBJECT
public:
    explicit PlaceholderView(ViewId id, QWidget *parent = nullptr);

    QJsonObject snapshot() const override;
    static QString plannedContent(ViewId id);
};

} // namespace wf
