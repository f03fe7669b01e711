#pragma once

#include "store/ackstore.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace wf {

// Acknowledge one or more alerts: for how long ("until resolved" first), a note, who.
class AckDialog : public QDialog
{
    Q_OBJECT
public:
    // defaultSeconds: the preselected duration (0: until resolved); safetySeconds: how long an
    // "until resolved" silence lasts if nobody sees the alert resolve.
    AckDialog(int alertCount, const QString &author, int defaultSeconds = 0, int safetySeconds = kUntilResolvedSafetySeconds,
              QWidget *parent = nullptr);

    AckRecord::Mode mode() const;
    int seconds() const; // the silence's length; for "until resolved", the safety end
    QString note() const;
    QString author() const;

    static constexpr int kUntilResolvedSafetySeconds = 24 * 3600;
    // The durations an acknowledgement can have ("Until resolved" first, data: seconds, 0 for it).
    static void addDurations(QComboBox *box);

private:
    QComboBox *m_duration;
    QLineEdit *m_note;
    QLineEdit *m_author;
    int m_safetySeconds;
};

} // namespace wf
