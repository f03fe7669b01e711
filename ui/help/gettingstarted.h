#pragma once

#include <QDialog>

class QTextBrowser;

namespace wf {

// Help → Getting started: the three things to try first on the demo — a drill and the failover
// it shows, acknowledging the alert it raises, the logs around it.
class GettingStartedDialog : public QDialog
{
    Q_OBJECT
public:
    // drills: whether the Drill menu is there (the demo stack); without it, the page says how.
    explicit GettingStartedDialog(bool drills, QWidget *parent = nullptr);

    QString text() const; // what the page says, as plain text
    static QString html(bool drills);

private:
    QTextBrowser *m_browser;
};

} // namespace wf
