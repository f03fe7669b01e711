#include "ackdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wf {

AckDialog::AckDialog(int alertCount, const QString &author, int defaultSeconds, int safetySeconds, QWidget *parent)
    : QDialog(parent)
    , m_duration(new QComboBox(this))
    , m_note(new QLineEdit(this))
    , m_author(new QLineEdit(author, this))
    , m_safetySeconds(safetySeconds)
{
    setWindowTitle(tr("Acknowledge"));
    m_duration->setObjectName(QStringLiteral("duration"));
    m_note->setObjectName(QStringLiteral("note"));
    m_author->setObjectName(QStringLiteral("author"));
    addDurations(m_duration);
    m_duration->setCurrentIndex(std::max(0, m_duration->findData(defaultSeconds)));
    m_duration->setToolTip(tr("“Until resolved” silences the alert until it resolves (at most %1 h); "
                              "if it fires again, it alerts again.")
                               .arg(safetySeconds / 3600));
    m_note->setPlaceholderText(tr("What you are doing about it"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Duration:"), m_duration);
    form->addRow(tr("&Note:"), m_note);
    form->addRow(tr("&By:"), m_author);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Acknowledge"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_author, &QLineEdit::textChanged, this, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Alerts to acknowledge: %n. Each becomes a silence in Alertmanager.", nullptr, alertCount), this));
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_note->setFocus();
}

void AckDialog::addDurations(QComboBox *box)
{
    // Until resolved: the console expires the silence when the alert resolves, so a re-fire alerts again.
    box->addItem(tr("Until resolved"), 0);
    for (const auto &[seconds, text] : {std::pair{15 * 60, tr("15 minutes")}, std::pair{3600, tr("1 hour")},
                                        std::pair{4 * 3600, tr("4 hours")}, std::pair{8 * 3600, tr("8 hours")},
                                        std::pair{24 * 3600, tr("24 hours")}})
        box->addItem(text, seconds);
}

AckRecord::Mode AckDialog::mode() const
{
    return m_duration->currentData().toInt() == 0 ? AckRecord::Mode::UntilResolved : AckRecord::Mode::Timed;
}

int AckDialog::seconds() const
{
    const int s = m_duration->currentData().toInt();
    return s == 0 ? m_safetySeconds : s;
}

QString AckDialog::note() const
{
    return m_note->text().trimmed();
}

QString AckDialog::author() const
{
    return m_author->text().trimmed();
}

} // namespace wf
