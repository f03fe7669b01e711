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

    void setEnabled(bool on); // wall mode on or off
    bool isEnabledOnWall() const { return m_on; }
    // The alert the banner names (the oldest critical one nobody acknowledged), or empty.
    QString fingerprint() const { return m_fingerprint; }
    QString text() const;

signals:
    void acknowledgeRequested(const QString &fingerprint);

private:
    void update();

    AlertInbox *m_inbox;
    QLabel *m_label;
    QPushButton *m_ack;
    QString m_fingerprint;
    bool m_on = false;
};

} // namespace wf
