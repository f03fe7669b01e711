#pragma once

#include "store/profile.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace wf {

class EndpointStatusModel;

// A profile whose endpoints have never answered (a new one with a typo, a VPN that is off, the
// demo's addresses with nothing running there) gets one page instead of views full of errors:
// what was tried, what each endpoint answered, and the way on — the profile's settings or the demo.
// It steps aside by itself once any endpoint answers, and for good when the user asks for the views.
class NoAnswerPage : public QWidget
{
    Q_OBJECT
public:
    explicit NoAnswerPage(QWidget *parent = nullptr);

    // A new profile: it gets its chance again.
    void setProfile(const Profile &profile);
    // Feeds the probes' results; returns whether the page is wanted now: every configured endpoint
    // was probed and none has answered since the profile was set, and it was not dismissed.
    bool update(const EndpointStatusModel &status);
    bool isWanted() const { return m_wanted; }
    void dismiss();

signals:
    void settingsRequested();
    void demoRequested();
    void viewsRequested();

private:
    Profile m_profile;
    bool m_answered = false;
    bool m_dismissed = false;
    bool m_wanted = false;
    QLabel *m_title;
    QLabel *m_tried;
    QPushButton *m_settings;
    QPushButton *m_demo;
    QPushButton *m_views;
};

} // namespace wf
