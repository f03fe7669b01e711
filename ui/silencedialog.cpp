#include "silencedialog.h"

#include "alerts/inboxfilter.h"
#include "silencemodel.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wf {

SilenceDialog::SilenceDialog(const Silence &silence, const QList<InboxAlert> &alerts, Save save, QWidget *parent)
    : QDialog(parent)
    , m_original(silence)
    , m_alerts(alerts)
    , m_save(std::move(save))
    , m_matchers(new QLineEdit(this))
    , m_starts(new QDateTimeEdit(this))
    , m_duration(new QComboBox(this))
    , m_ends(new QDateTimeEdit(this))
    , m_author(new QLineEdit(this))
    , m_comment(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(silence.id.isEmpty() ? tr("New silence") : tr("Edit silence"));
    m_matchers->setObjectName(QStringLiteral("matchers"));
    m_matchers->setPlaceholderText(tr("alertname=\"PriceDeltaHigh\", symbol=~\"AAPL|TSLA\""));
    m_matchers->setText(SilenceModel::matchersText(silence.matchers));
    m_matchers->setMinimumWidth(420);
    const auto now = QDateTime::currentDateTime();
    for (auto *edit : {m_starts, m_ends}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
    }
    m_starts->setDateTime(silence.startsAt.isValid() ? silence.startsAt.toLocalTime() : now);
    m_ends->setDateTime(silence.endsAt.isValid() ? silence.endsAt.toLocalTime() : now.addSecs(2 * 3600));
    m_duration->setObjectName(QStringLiteral("duration"));
    m_duration->addItem(tr("Custom"), 0);
    for (const auto &[seconds, text] : {std::pair{3600, tr("1 hour")}, std::pair{2 * 3600, tr("2 hours")},
                                        std::pair{4 * 3600, tr("4 hours")}, std::pair{8 * 3600, tr("8 hours")},
                                        std::pair{24 * 3600, tr("24 hours")}, std::pair{3 * 86400, tr("3 days")},
                                        std::pair{7 * 86400, tr("7 days")}})
        m_duration->addItem(text, seconds);
    const int current = int(m_starts->dateTime().secsTo(m_ends->dateTime()));
    m_duration->setCurrentIndex(std::max(0, m_duration->findData(current)));
    connect(m_duration, &QComboBox::activated, this, [this] {
        if (const int s = m_duration->currentData().toInt(); s > 0)
            m_ends->setDateTime(m_starts->dateTime().addSecs(s));
    });
    connect(m_starts, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (const int s = m_duration->currentData().toInt(); s > 0)
            m_ends->setDateTime(m_starts->dateTime().addSecs(s));
        validate();
    });
    connect(m_ends, &QDateTimeEdit::dateTimeChanged, this, [this] {
        const int s = int(m_starts->dateTime().secsTo(m_ends->dateTime()));
        m_duration->setCurrentIndex(std::max(0, m_duration->findData(s)));
        validate();
    });
    m_author->setObjectName(QStringLiteral("author"));
    m_author->setText(silence.createdBy.isEmpty() ? AlertInbox::defaultAuthor() : silence.createdBy);
    m_comment->setObjectName(QStringLiteral("comment"));
    m_comment->setText(silence.comment);
    m_comment->setPlaceholderText(tr("Why: a ticket, a maintenance window"));
    m_status->setObjectName(QStringLiteral("silenceStatus"));
    m_status->setWordWrap(true);
    for (auto *edit : {m_matchers, m_author, m_comment})
        connect(edit, &QLineEdit::textChanged, this, &SilenceDialog::validate);

    auto *form = new QFormLayout;
    form->addRow(tr("&Matchers:"), m_matchers);
    form->addRow(tr("&Starts:"), m_starts);
    form->addRow(tr("&For:"), m_duration);
    form->addRow(tr("&Ends:"), m_ends);
    form->addRow(tr("Created &by:"), m_author);
    form->addRow(tr("&Comment:"), m_comment);
    m_buttons->button(QDialogButtonBox::Ok)->setText(silence.id.isEmpty() ? tr("Create") : tr("Save"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SilenceDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    validate();
}

Result<QList<Matcher>> SilenceDialog::parseMatchers(const QString &text)
{
    auto parsed = InboxFilter::parse(text);
    if (!parsed)
        return parsed.error();
    if (!parsed->words().isEmpty())
        return Error{Error::Kind::Parse,
                     tr("“%1” is not a matcher: write name=\"value\", name!=\"value\", name=~\"regex\" or name!~\"regex\".")
                         .arg(parsed->words().first()),
                     0, {}, {}, {}};
    if (parsed->matchers().isEmpty())
        return Error{Error::Kind::Parse, tr("Add at least one matcher."), 0, {}, {}, {}};
    // Alertmanager refuses a silence whose matchers all match the empty string: it would silence everything.
    const bool matchesEverything = std::all_of(parsed->matchers().begin(), parsed->matchers().end(), [](const Matcher &m) {
        return AlertInbox::matches({m}, {});
    });
    if (matchesEverything)
        return Error{Error::Kind::Parse, tr("These matchers would silence every alert; make at least one of them specific."), 0, {}, {}, {}};
    return parsed->matchers();
}

Result<Silence> SilenceDialog::silence() const
{
    const auto matchers = parseMatchers(m_matchers->text());
    if (!matchers)
        return matchers.error();
    if (m_ends->dateTime() <= m_starts->dateTime() || m_ends->dateTime() <= QDateTime::currentDateTime())
        return Error{Error::Kind::Parse, tr("The silence must end after it starts, and in the future."), 0, {}, {}, {}};
    if (m_author->text().trimmed().isEmpty())
        return Error{Error::Kind::Parse, tr("Say who creates the silence."), 0, {}, {}, {}};
    if (m_comment->text().trimmed().isEmpty())
        return Error{Error::Kind::Parse, tr("Say why: Alertmanager requires a comment."), 0, {}, {}, {}};
    Silence s = m_original;
    s.matchers = matchers.value();
    s.startsAt = m_starts->dateTime().toUTC();
    s.endsAt = m_ends->dateTime().toUTC();
    s.createdBy = m_author->text().trimmed();
    s.comment = m_comment->text().trimmed();
    return s;
}

QString SilenceDialog::statusText() const
{
    return m_status->text();
}

void SilenceDialog::setMatchersText(const QString &text)
{
    m_matchers->setText(text);
}

void SilenceDialog::setComment(const QString &text)
{
    m_comment->setText(text);
}

void SilenceDialog::setDurationSeconds(int seconds)
{
    m_duration->setCurrentIndex(std::max(0, m_duration->findData(seconds)));
    m_ends->setDateTime(m_starts->dateTime().addSecs(seconds));
}

void SilenceDialog::validate()
{
    if (m_saving)
        return;
    const auto s = silence();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(s.ok());
    if (!s) {
        m_status->setStyleSheet(QStringLiteral("color:#c62828"));
        m_status->setText(s.error().message);
        return;
    }
    int matching = 0;
    for (const auto &a : std::as_const(m_alerts))
        matching += a.state != InboxAlert::State::Resolved && AlertInbox::matches(s->matchers, a.alert.labels) ? 1 : 0;
    m_status->setStyleSheet({});
    m_status->setText(tr("Alerts it matches now: %n.", nullptr, matching));
}

void SilenceDialog::accept()
{
    const auto s = silence();
    if (!s || m_saving)
        return;
    m_saving = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_status->setStyleSheet({});
    m_status->setText(tr("Saving to Alertmanager…"));
    m_save(s.value(), [this](const QString &error) {
        m_saving = false;
        if (error.isEmpty()) {
            QDialog::accept();
            return;
        }
        validate();
        m_status->setStyleSheet(QStringLiteral("color:#c62828"));
        m_status->setText(tr("Alertmanager did not take the silence: %1").arg(error));
    });
}

} // namespace wf
