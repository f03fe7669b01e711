#pragma once

#include "alerts/alertinbox.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace wf {

// Create or edit a silence: matchers in Alertmanager's syntax (checked as you type, with how many
// alerts they match now), when it starts and ends, who and why. OK saves through the given
// function and closes only when Alertmanager has it; an error shows here and nothing typed is lost.
class SilenceDialog : public QDialog
{
    Q_OBJECT
public:
    using Save = std::function<void(const Silence &, std::function<void(const QString &error)>)>;

    SilenceDialog(const Silence &silence, const QList<InboxAlert> &alerts, Save save, QWidget *parent = nullptr);

    // The silence as typed, or why it cannot be saved.
    Result<Silence> silence() const;
    QString statusText() const;
    void setMatchersText(const QString &text);
    void setComment(const QString &text);
    void setDurationSeconds(int seconds);
    void setSave(Save save) { m_save = std::move(save); }

    static Result<QList<Matcher>> parseMatchers(const QString &text);

public slots:
    void accept() override;

private:
    void validate();

    Silence m_original;
    QList<InboxAlert> m_alerts;
    Save m_save;
    QLineEdit *m_matchers;
    QDateTimeEdit *m_starts;
    QComboBox *m_duration;
    QDateTimeEdit *m_ends;
    QLineEdit *m_author;
    QLineEdit *m_comment;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    bool m_saving = false;
};

} // namespace wf
