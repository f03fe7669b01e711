#pragma once

#include <QFrame>
#include <QString>

class QLabel;
class QPushButton;

namespace wf {

class AlertInbox;

// Across the top of the wall: the critical alerts that fire and nobody has acknowledged yet, the
// oldest named, until each is acknowledged (or resolves). Shown only while it is switched on.
class WallBanner : public QFrame
{
    Q_OBJECT
public:
    explicit WallBanner(AlertInbox *inbox, QWidget *parent = nullptr);

    void setOnWall(bool on); // wall mode on or off

signals:
    void acknowledgeRequested(const QString &fingerprint);

private:
    void showCritical(); // from the inbox as it is now

    AlertInbox *m_inbox;
    QLabel *m_label;
    QPushButton *m_ack;
    QString m_fingerprint;
    bool m_on = false;
};

} // namespace wf
