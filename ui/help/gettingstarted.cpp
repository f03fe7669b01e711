#include "gettingstarted.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace wf {

GettingStartedDialog::GettingStartedDialog(bool drills, QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("gettingStarted"));
    setWindowTitle(tr("Getting started"));
    m_browser->setOpenLinks(false);
    m_browser->setHtml(html(drills));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(640, 560);
}

QString GettingStartedDialog::text() const
{
    return m_browser->toPlainText();
}

QString GettingStartedDialog::html(bool drills)
{
    QString page = QStringLiteral("<h2>%1</h2><p>%2</p>")
                       .arg(tr("Three things to try first"),
                            tr("On the demo stack everything below happens on this machine: a simulated "
                               "service, a real Prometheus and a real Alertmanager."));
    if (!drills)
        page += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("The Drill menu comes with the demo stack: start Watchfloor with <b>watchfloor --demo</b>."));
    const auto step = [&page](const QString &title, const QString &body) {
        page += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(title, body);
    };
    step(tr("1. Run a drill and watch the failover"),
         tr("Choose <b>Drill → Alpaca disconnect → For 1 minute</b> and stay on <b>Operations</b> (Ctrl+1). "
            "Within a fraction of a second the <b>Router state</b> tile turns amber, <i>Fallback (Yahoo)</i>; "
            "the failover is listed under <b>Recent router transitions</b> and marked on every chart. When the "
            "drill ends, the router goes back to <i>Primary (Alpaca)</i> after five healthy seconds."));
    step(tr("2. Acknowledge the alert it raises"),
         tr("A few seconds later <b>RouterOnFallback</b> fires: the navigation says <b>Alerts (1)</b>. Open "
            "<b>Alerts</b> (Ctrl+5), select it and press <b>Acknowledge</b> (Ctrl+Shift+A); choose "
            "<i>until resolved</i>. The acknowledgement is a silence in Alertmanager with your name; it is kept "
            "until Alertmanager confirms it, and ends by itself when the alert resolves. Its <b>Runbook</b> "
            "link opens the steps for this alert."));
    step(tr("3. Read the logs around it"),
         tr("Double-click the failover in <b>Recent router transitions</b>, or choose <b>Logs around this</b> "
            "in the alert's details: <b>Logs</b> opens on that window with half a minute either side — the "
            "disconnect, the router's transition, the reconnect attempts. <b>Live</b> (Ctrl+L) follows new "
            "lines as they come."));
    return page;
}

} // namespace wf
