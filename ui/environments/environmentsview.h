#pragma once

#include "store/profile.h"
#include "views/viewbase.h"

#include <QList>

class QGridLayout;
class QLabel;
class QNetworkAccessManager;
class QScrollArea;

namespace wf {

class EnvironmentCard;
class EnvironmentMonitor;

// Every profile side by side, live (issue "Beyond one server"): one card per environment, each
// watched by its own EnvironmentMonitor while the view is shown — health every second, Prometheus
// and Alertmanager at the refresh interval. Double-click a card to open that profile.
class EnvironmentsView : public ViewBase
{
    Q_OBJECT
public:
    EnvironmentsView(QNetworkAccessManager *network, QWidget *parent = nullptr);
    ~EnvironmentsView() override;

    void setProfiles(const QList<Profile> &profiles);
    QList<Profile> profiles() const;
    void setRefreshMs(int ms);
    void setUtc(bool utc);
    QList<EnvironmentCard *> cards() const { return m_cards; }

    bool isSettled() const override;
    bool isComplete() const override;
    QJsonObject snapshot() const override; // and "environments": each monitor's snapshot

public slots:
    void refresh() override;

signals:
    void profileRequested(const wf::Profile &profile);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void layOut();

    QNetworkAccessManager *m_network;
    QList<EnvironmentMonitor *> m_monitors;
    QList<EnvironmentCard *> m_cards;
    QGridLayout *m_grid;
    QScrollArea *m_scroll;
    QLabel *m_empty;
    int m_refreshMs = 15'000;
    int m_columns = 0;
    bool m_utc = false;
};

} // namespace wf
