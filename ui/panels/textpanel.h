#pragma once

#include "panelkind.h"

class QLabel;
class QTextBrowser;

namespace wf {

// Markdown, as a Grafana text panel shows it (links open in the browser). Asks nothing.
class TextPanel : public PanelKind
{
    Q_OBJECT
public:
    TextPanel(const Panel &panel, PanelFrame *frame, QObject *parent);

    QWidget *widget() const override;
    void render() override {}
    QJsonArray painted() const override;
    QStringList csvRows() const override { return {}; }

private:
    QTextBrowser *m_text;
};

// What an import could not map (an unknown panel plugin, another data source, a transformation
// the panel depends on): a panel that says what and why, where the original stood.
class UnsupportedPanel : public PanelKind
{
    Q_OBJECT
public:
    UnsupportedPanel(const Panel &panel, PanelFrame *frame, QObject *parent);

    QWidget *widget() const override;
    void render() override {}
    QJsonArray painted() const override;
    QStringList csvRows() const override { return {}; }

private:
    QLabel *m_label;
};

} // namespace wf
