#include "noanswerpage.h"

#include "endpointstatusmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace wf {

NoAnswerPage::NoAnswerPage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tried(new QLabel(this))
    , m_settings(new QPushButton(tr("Open the profile's &settings…"), this))
    , m_demo(new QPushButton(tr("Start the &demo instead"), this))
    , m_views(new QPushButton(tr("Show the &views anyway"), this))
{
    setObjectName(QStringLiteral("noAnswerPage"));
    m_title->setObjectName(QStringLiteral("noAnswerTitle"));
    m_tried->setObjectName(QStringLiteral("noAnswerTried"));
    m_settings->setObjectName(QStringLiteral("noAnswerSettings"));
    m_demo->setObjectName(QStringLiteral("noAnswerDemo"));
    m_views->setObjectName(QStringLiteral("noAnswerViews"));
    auto font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    m_title->setFont(font);
    m_title->setWordWrap(true);
    m_tried->setWordWrap(true);
    m_tried->setTextFormat(Qt::RichText);
    m_tried->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_settings->setDefault(true);

    auto *box = new QWidget(this);
    box->setMaximumWidth(760);
    auto *inner = new QVBoxLayout(box);
    inner->addWidget(m_title);
    inner->addSpacing(8);
    inner->addWidget(m_tried);
    inner->addSpacing(12);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_settings);
    buttons->addWidget(m_demo);
    buttons->addStretch(1);
    buttons->addWidget(m_views);
    inner->addLayout(buttons);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(box, 4);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    connect(m_settings, &QPushButton::clicked, this, &NoAnswerPage::settingsRequested);
    connect(m_demo, &QPushButton::clicked, this, &NoAnswerPage::demoRequested);
    connect(m_views, &QPushButton::clicked, this, [this] {
        dismiss();
        emit viewsRequested();
    });
}

void NoAnswerPage::setProfile(const Profile &profile)
{
    m_profile = profile;
    m_answered = false;
    m_dismissed = false;
    m_wanted = false;
}

void NoAnswerPage::dismiss()
{
    m_dismissed = true;
    m_wanted = false;
}

bool NoAnswerPage::update(const EndpointStatusModel &status)
{
    int configured = 0, probed = 0;
    QString rows;
    for (const auto endpoint : kAllEndpoints) {
        const auto &r = status.result(endpoint);
        if (r.state == ProbeResult::State::Ready || r.state == ProbeResult::State::Degraded)
            m_answered = true;
        if (r.state == ProbeResult::State::NotConfigured)
            continue;
        ++configured;
        if (r.state != ProbeResult::State::Unknown)
            ++probed;
        rows += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2&nbsp;&nbsp;</td><td>%3</td></tr>")
                    .arg(EndpointStatusModel::endpointTitle(endpoint).toHtmlEscaped(),
                         m_profile.endpoint(endpoint).url.toDisplayString().toHtmlEscaped(),
                         (r.state == ProbeResult::State::Unknown ? tr("not asked yet") : r.message).toHtmlEscaped());
    }
    m_wanted = !m_answered && !m_dismissed && configured > 0 && probed == configured;
    if (!m_wanted)
        return false;
    m_title->setText(tr("Nothing has answered for the profile “%1” yet").arg(m_profile.name));
    m_tried->setText(tr("<p>Every endpoint of this profile was asked; none answered:</p><table>%1</table>"
                        "<p>They are asked again every 10 seconds, and the views come back by themselves when one "
                        "answers. Check the addresses (and a VPN or tunnel they need), or try everything on this "
                        "machine with the demo.</p>")
                         .arg(rows));
    return true;
}

} // namespace wf
