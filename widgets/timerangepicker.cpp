#include "timerangepicker.h"

#include "statecolors.h"

#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace wf {
namespace {

struct Preset
{
    std::chrono::seconds span;
    const char *text;
};

constexpr Preset kPresets[] = {
    {std::chrono::minutes(5), QT_TRANSLATE_NOOP("wf::TimeRangePicker", "Last 5 minutes")},
    {std::chrono::minutes(15), QT_TRANSLATE_NOOP("wf::TimeRangePicker", "Last 15 minutes")},
    {std::chrono::hours(1), QT_TRANSLATE_NOOP("wf::TimeRangePicker", "Last hour")},
    {std::chrono::hours(6), QT_TRANSLATE_NOOP("wf::TimeRangePicker", "Last 6 hours")},
    {std::chrono::hours(24), QT_TRANSLATE_NOOP("wf::TimeRangePicker", "Last 24 hours")},
    {std::chrono::hours(24 * 7), QT_TRANSLATE_NOOP("wf::TimeRangePicker", "Last 7 days")},
    {std::chrono::hours(24 * 30), QT_TRANSLATE_NOOP("wf::TimeRangePicker", "Last 30 days")},
};

} // namespace

TimeRangePicker::TimeRangePicker(QWidget *parent)
    : QComboBox(parent)
{
    setToolTip(tr("Time range shown by every view"));
    for (const auto &preset : kPresets)
        addItem(tr(preset.text), QVariant::fromValue(qint64(preset.span.count())));
    m_customIndex = count();
    addItem(tr("Custom range…"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setRange(m_range);
    connect(this, &QComboBox::activated, this, &TimeRangePicker::onActivated);
}

void TimeRangePicker::setRange(const TimeRange &range)
{
    m_range = range;
    if (range.isRelative()) {
        const int i = findData(QVariant::fromValue(qint64(range.span().count())));
        if (i >= 0) {
            setItemText(m_customIndex, tr("Custom range…"));
            setCurrentIndex(i);
            return;
        }
    }
    showCustomItem();
}

void TimeRangePicker::showCustomItem()
{
    const auto now = QDateTime::currentDateTimeUtc();
    const auto show = [this](const QDateTime &t) {
        return QLocale().toString(m_utc ? t : t.toLocalTime(), QLocale::ShortFormat);
    };
    setItemText(m_customIndex, m_range.isRelative()
                                   ? tr("Last %1").arg(formatDuration(m_range.span()))
                                   : tr("%1 – %2").arg(show(m_range.from(now)), show(m_range.to(now))));
    setCurrentIndex(m_customIndex);
}

void TimeRangePicker::onActivated(int index)
{
    if (index != m_customIndex) {
        m_range = TimeRange::last(std::chrono::seconds(itemData(index).toLongLong()));
        setItemText(m_customIndex, tr("Custom range…"));
        emit rangeChanged(m_range);
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Custom time range"));
    auto *form = new QFormLayout(&dialog);
    const auto now = QDateTime::currentDateTimeUtc();
    const auto timeSpec = m_utc ? Qt::UTC : Qt::LocalTime;
    auto *from = new QDateTimeEdit(m_range.from(now).toTimeSpec(timeSpec), &dialog);
    auto *to = new QDateTimeEdit(m_range.to(now).toTimeSpec(timeSpec), &dialog);
    for (auto *edit : {from, to}) {
        edit->setCalendarPopup(true);
        edit->setTimeSpec(timeSpec);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    form->addRow(tr("From:"), from);
    form->addRow(tr("To:"), to);
    auto *error = new QLabel(&dialog);
    error->setStyleSheet(QStringLiteral("color: %1").arg(healthColor(Health::Bad).name()));
    form->addRow(error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (from->dateTime() >= to->dateTime()) {
            error->setText(tr("“From” must be before “To”."));
            return;
        }
        dialog.accept();
    });
    if (dialog.exec() == QDialog::Accepted) {
        m_range = TimeRange::absolute(from->dateTime(), to->dateTime());
        showCustomItem();
        emit rangeChanged(m_range);
    } else {
        setRange(m_range); // back to what was selected before
    }
}

} // namespace wf
