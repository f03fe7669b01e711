#pragma once

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace wf {

// A dashboard panel's frame: the title, what state its data is in, and the content below.
// Loading, empty, error and stale look different at a glance: a grey "Loading…", a grey
// "No data", a red error over a blank panel, an amber "stale" badge over the last good data.
class PanelFrame : public QFrame
{
    Q_OBJECT
public:
    enum class State { Loading, Ready, Empty, Error, Stale };

    explicit PanelFrame(const QString &title, QWidget *parent = nullptr);

    void setContent(QWidget *content);
    QWidget *content() const { return m_content; }
    void setDescription(const QString &text);
    // An HA pair's replica that answered instead of the first: said in the title's tooltip.
    // An HA pair: the replica that answered when not the first, and the one whose points filled
    // the answer's holes (how many) — said in the title's tooltip.
    // heldBackSeconds: VictoriaMetrics does not show the range's last seconds yet (its latency offset).
    void setAnsweredBy(const QString &replica, const QString &filledFrom = {}, int filledPoints = 0,
                       int heldBackSeconds = 0);
    QString titleToolTip() const;
    // text: the error, or for Stale the error and the time of the last good data; details, when
    // the text is a short form of it, go into the tooltip.
    void setState(State state, const QString &text = {}, const QString &details = {});
    State state() const { return m_state; }
    QString stateText() const { return m_stateText; }
    QString title() const;

private:
    QLabel *m_title;
    QLabel *m_badge;
    QLabel *m_message;
    QVBoxLayout *m_layout;
    QWidget *m_content = nullptr;
    State m_state = State::Loading;
    QString m_stateText;
    QString m_description;
    QString m_answeredBy;
    QString m_filledFrom;
    int m_filledPoints = 0;
    int m_heldBackSeconds = 0;
};

} // namespace wf
